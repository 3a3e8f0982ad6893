// Generated from the Rust field registry (src/field.rs, each field's DOCS, src/wasm/boundary.rs) by `cargo run -p pccc-guard-xtask -- contract js/api`; `make build` rewrites it and `cargo test -p pccc-guard-xtask` fails when it is stale. Do not edit.

import type { FieldSchema, ObjectSchema, SchemaOptions } from './schema.js';

/**
 * The schema of a personal customs clearance code: the same checks and normalisation as `validateField("pccc", …)`.
 *
 * @example
 * pcccSchema()["~standard"].validate("ｐ1234 5678 9012"); // { value: "P123456789012" }
 */
export function pcccSchema(options?: SchemaOptions | null): FieldSchema<'pccc'>;
/**
 * The schema of a mobile number (the canonical value; its display form is the API's): the same checks and normalisation as `validateField("phone", …)`.
 *
 * @example
 * phoneSchema()["~standard"].validate("+82 10-1234-5678"); // { value: "01012345678" }
 */
export function phoneSchema(options?: SchemaOptions | null): FieldSchema<'phone'>;
/**
 * The schema of a postcode: the same checks and normalisation as `validateField("postcode", …)`.
 *
 * @example
 * postcodeSchema()["~standard"].validate(" 03154 "); // { value: "03154" }
 */
export function postcodeSchema(options?: SchemaOptions | null): FieldSchema<'postcode'>;
/**
 * The schema of a recipient name: the same checks and normalisation as `validateField("name", …)`.
 *
 * @example
 * nameSchema()["~standard"].validate(" 홍길동 "); // { value: "홍길동" }
 */
export function nameSchema(options?: SchemaOptions | null): FieldSchema<'name'>;
/**
 * The schema of a business registration number (the canonical value; its display form is the API's): the same checks and normalisation as `validateField("businessNumber", …)`.
 *
 * @example
 * businessNumberSchema()["~standard"].validate("124-81-00998"); // { value: "1248100998" }
 */
export function businessNumberSchema(options?: SchemaOptions | null): FieldSchema<'businessNumber'>;

/** The recipient fields UNI-PASS matches, each key holding the field of its name. */
export type RecipientShape = {
    readonly name: 'name';
    readonly pccc: 'pccc';
    readonly phone: 'phone';
    readonly postcode: 'postcode';
};
/** The recipient's schema: its fields in, their canonical values out. */
export type RecipientSchema = ObjectSchema<RecipientShape>;
