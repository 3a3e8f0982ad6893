// Types of pccc-guard/schema: Standard Schema v1 objects for every field and for the recipient.
export { ready } from './index.js';

import type { FieldName, FieldResults, ValidateOptions } from './index.js';

// The Standard Schema v1 interface, copied from https://github.com/standard-schema/standard-schema
// (packages/spec/src/index.ts, MIT), as the spec invites: no dependency on @standard-schema/spec.
/** The Standard Schema interface. */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
    /** The Standard Schema properties. */
    readonly "~standard": StandardSchemaV1.Props<Input, Output>;
}

export declare namespace StandardSchemaV1 {
    /** The Standard Schema properties interface. */
    export interface Props<Input = unknown, Output = Input> {
        /** The version number of the standard. */
        readonly version: 1;
        /** The vendor name of the schema library. */
        readonly vendor: string;
        /** Validates unknown input values. */
        readonly validate: (value: unknown) => Result<Output> | Promise<Result<Output>>;
        /** Inferred types associated with the schema. */
        readonly types?: Types<Input, Output> | undefined;
    }

    /** The result interface of the validate function. */
    export type Result<Output> = SuccessResult<Output> | FailureResult;

    /** The result interface if validation succeeds. */
    export interface SuccessResult<Output> {
        /** The typed output value. */
        readonly value: Output;
        /** The non-existent issues. */
        readonly issues?: undefined;
    }

    /** The result interface if validation fails. */
    export interface FailureResult {
        /** The issues of failed validation. */
        readonly issues: ReadonlyArray<Issue>;
    }

    /** The issue interface of the failure output. */
    export interface Issue {
        /** The error message of the issue. */
        readonly message: string;
        /** The path of the issue, if any. */
        readonly path?: ReadonlyArray<PropertyKey | PathSegment> | undefined;
    }

    /** The path segment interface of the issue. */
    export interface PathSegment {
        /** The key representing a path segment. */
        readonly key: PropertyKey;
    }

    /** The Standard Schema types interface. */
    export interface Types<Input = unknown, Output = Input> {
        /** The input type of the schema. */
        readonly input: Input;
        /** The output type of the schema. */
        readonly output: Output;
    }

    /** Infers the input type of a Standard Schema. */
    export type InferInput<Schema extends StandardSchemaV1> = NonNullable<Schema["~standard"]["types"]>["input"];

    /** Infers the output type of a Standard Schema. */
    export type InferOutput<Schema extends StandardSchemaV1> = NonNullable<Schema["~standard"]["types"]>["output"];
}
// End of the copied interface.

/** A field's error codes, by field name. */
export type FieldErrorCode<F extends FieldName> = Extract<FieldResults[F], { valid: false }>['error']['code'];

/** The code of an issue for a value of the wrong type (not a string; for an object schema, not an object). */
export type InvalidTypeCode = 'invalid_type';

/** An issue of a pccc-guard schema: the field's error (the same as `validateField` gives), and where it is. */
export interface SchemaIssue<Code extends string = string, Key extends PropertyKey = never> extends StandardSchemaV1.Issue {
    /** A specific message in the schema's language. Never contains the input. */
    readonly message: string;
    /** The field's stable error code, or "invalid_type" for a value of the wrong type. */
    readonly code: Code | InvalidTypeCode;
    /** For an object schema, the key of the field: `["pccc"]`. Absent for a field schema. */
    readonly path?: ([Key] extends [never] ? never : readonly [Key]) | undefined;
    /** UTF-16 index in the input of the offending character, where the error has one. */
    readonly index?: number;
    /** Digits (or letters) found, for too_short and too_long. */
    readonly found?: number;
}

/** What `validate` returns: synchronous (see `PcccSchema`). */
export type SchemaResult<Output, I extends StandardSchemaV1.Issue> =
    | { readonly value: Output; readonly issues?: undefined }
    | { readonly issues: ReadonlyArray<I> };

/**
 * A pccc-guard schema: a Standard Schema v1 object whose `validate` returns its result synchronously (in Node, in
 * bundled apps, and on a plain page once `ready` has resolved). Only while the WebAssembly module is still loading
 * (an engine that refused to compile it synchronously) does it answer with a Promise, as the spec allows.
 */
export interface PcccSchema<Input, Output, I extends StandardSchemaV1.Issue> extends StandardSchemaV1<Input, Output> {
    readonly "~standard": PcccSchemaProps<Input, Output, I>;
}

/** The `~standard` properties of a pccc-guard schema. */
export interface PcccSchemaProps<Input, Output, I extends StandardSchemaV1.Issue> extends StandardSchemaV1.Props<Input, Output> {
    readonly vendor: "pccc-guard";
    readonly validate: (value: unknown) => SchemaResult<Output, I>;
}

/** The schema of one field: a string in, the canonical string out. */
export type FieldSchema<F extends FieldName> = PcccSchema<string, string, SchemaIssue<FieldErrorCode<F>>>;

/** A shape for `objectSchema`: each key names the field it holds. */
export type Shape = { readonly [key: string]: FieldName };

/** What an object schema takes: each key a string (a missing key counts as empty). */
export type ShapeInput<S extends Shape> = { [K in keyof S]?: string };
/** What an object schema gives: each key's canonical value. */
export type ShapeOutput<S extends Shape> = { [K in keyof S]: string };
/** An issue of an object schema: its path names the key. */
export type ShapeIssue<S extends Shape> = { [K in keyof S & string]: SchemaIssue<FieldErrorCode<S[K]>, K> }[keyof S & string] | SchemaIssue<never>;

/** The schema of an object of fields. */
export type ObjectSchema<S extends Shape> = PcccSchema<ShapeInput<S>, ShapeOutput<S>, ShapeIssue<S>>;


/** A schema's options. */
export interface SchemaOptions extends ValidateOptions {}

/**
 * The schema of the field named `field`: the same checks and normalisation as `validateField`. A value that is not
 * a string is an `invalid_type` issue. Throws a `RangeError` for an unknown field or locale.
 *
 * @example
 * const schema = fieldSchema("businessNumber", { locale: "en" });
 * schema["~standard"].validate("124-81-00998"); // { value: "1248100998" }
 */
export function fieldSchema<F extends FieldName>(field: F, options?: SchemaOptions | null): FieldSchema<F>;

/**
 * The schema of an object whose keys hold fields. A missing key counts as empty; keys not in the shape are left
 * out of the value; each issue's `path` is `[key]`. A value that is not an object is one `invalid_type` issue
 * without a path.
 *
 * @example
 * const order = objectSchema({ pccc: "pccc", bizNo: "businessNumber" });
 * order["~standard"].validate({ pccc: "p1234 5678 9012", bizNo: "1248100998" }); // { value: { pccc: "P123456789012", bizNo: "1248100998" } }
 */
export function objectSchema<const S extends Shape>(shape: S, options?: SchemaOptions | null): ObjectSchema<S>;

// schema-fields:begin (generated from the Rust registry: js/schema-fields.d.ts, every field's schema function and the
// recipient's shape; the build puts its text here in the package)
import type { RecipientSchema } from './schema-fields.js';
export * from './schema-fields.js';
// schema-fields:end

/**
 * The recipient's schema, as `checkRecipient` checks it: `{ name, pccc, phone, postcode }`, each issue with its
 * `path` (`["pccc"]`).
 *
 * @example
 * const r = recipientSchema({ locale: "en" })["~standard"].validate({ name: "홍길동", pccc: "P1" });
 * if (r.issues) r.issues.map((i) => i.path?.[0]); // ["pccc", "phone", "postcode"]
 */
export function recipientSchema(options?: SchemaOptions | null): RecipientSchema;

/** Ready-made schemas with Korean messages: `schemas.pccc`, …, `schemas.recipient`. */
export const schemas: { readonly [F in FieldName]: FieldSchema<F> } & { readonly recipient: RecipientSchema };
