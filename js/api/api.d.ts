// Types of pccc-guard's JavaScript API (js/api.js): `import ... from 'pccc-guard'` in every runtime (index.d.ts for
// import, index.d.cts for require), and the API half of web/pccc-guard.js.

/**
 * Settles once the WebAssembly module is loaded: every function below works after it resolves. In Node, Deno,
 * Bun, workerd and apps built with a bundler it has already resolved when the import returns, so calls work at
 * once; on a plain page (web/pccc-guard.js) the module loads asynchronously, so `await ready` before the first
 * call (the forms functions wait for it themselves). Rejects, with the reason, where the module cannot load (a
 * Content-Security-Policy without 'wasm-unsafe-eval', a runtime without WebAssembly); the functions then throw
 * that error too. A call made while it is still pending throws an `Error` saying so.
 *
 * @example
 * import { ready, validatePccc } from "pccc-guard";
 * await ready;
 * validatePccc("P123456789012").valid; // true
 */
export const ready: Promise<void>;

// contract:begin (generated from the Rust side: js/contract.d.ts; the build puts its text here in the package)
import type { FieldName } from './contract.js';
export type * from './contract.js';
// contract:end
// api-fields:begin (generated from the Rust registry: js/api-fields.d.ts, every field's named functions and types;
// the build puts its text here in the package)
import type { FieldMaskOptions, FieldResults, PcccResult, RecipientFields, RecipientResult } from './api-fields.js';
export * from './api-fields.js';
// api-fields:end

/** Message language: Korean (default) or English. A BCP 47 tag such as "en-US" is read by its language. */
export type Locale = "ko" | "en" | (string & {});

export interface ValidateOptions {
    /** Message language; "ko" when absent. */
    locale?: Locale;
}

/** Why a field is invalid. */
export interface FieldError<Code extends string> {
    code: Code;
    /** A specific message in the chosen language. Never contains the input. */
    message: string;
    /** UTF-16 index in the original input of the offending character (invalid_prefix, invalid_character, contains_digits). */
    index?: number;
    /**
     * too_short, too_long: digits found (a mobile number in its domestic form), or for a name the Hangul
     * syllables, Latin letters (too_short) or Latin characters (too_long) found.
     */
    found?: number;
}

/** A field's result: the canonical value, or why it is invalid. */
export type FieldResult<Code extends string> =
| { valid: true; value: string }
| { valid: false; error: FieldError<Code> };

/** A field's result with a display form besides the canonical value (mobile and business numbers). */
export type DisplayFieldResult<Code extends string> =
| { valid: true; value: string; display: string }
| { valid: false; error: FieldError<Code> };

/** A digit mask's policy (each field's own, with its defaults and limits: `PcccMaskOptions`, …). */
export interface MaskOptions {
    /** Digits left visible at the start. */
    keepStart?: number;
    /** Digits left visible at the end. */
    keepEnd?: number;
    /** One visible, non-digit character (default "*"). */
    maskChar?: string;
}

export interface ValueWithCaret {
    value: string;
    /** UTF-16 offset of the caret in value. */
    caret: number;
}



/**
 * Checks every field UNI-PASS matches at once: `name`, `pccc`, `phone` and `postcode`. A missing field counts
 * as empty; a field that is present but not a string throws a `TypeError`. A resident registration number
 * typed into a field is reported as that field's `looks_like_rrn`.
 *
 * Returns `{ valid, fields: { name, pccc, phone, postcode } }`, each field's result the same as from
 * `validateName`, `validatePccc`, `validatePhone` and `validatePostcode`.
 *
 * @example
 * const r = checkRecipient({ name: "홍길동", pccc: "P123456789012", phone: "010-1234-5678", postcode: "03154" });
 * r.valid; // true
 * r.fields.phone.display; // "010-1234-5678" (when r.fields.phone.valid)
 */
export function checkRecipient(fields: RecipientFields, options?: ValidateOptions | null): RecipientResult;

/**
 * Checks many codes at once: `text` holds one code per line (`\n`; a `\r` before it is ignored like any white
 * space). Returns one byte per line, 1 for a valid code and 0 otherwise: a compact answer for bulk checks
 * (imports, Node scripts).
 *
 * @example
 * isValidPcccLines("P123456789012\nP1"); // Uint8Array [1, 0]
 */
export function isValidPcccLines(text: string): Uint8Array;

/**
 * Applies the normalisation rules only: full-width forms to ASCII; white space, hyphens, dashes and invisible
 * characters dropped; `p` to `P`. Idempotent.
 *
 * @example
 * normalize("ｐ１２３ ４"); // "P1234"
 */
export function normalize(input: string): string;

/**
 * Normalises `value` and moves `caret` (a UTF-16 offset, as in `selectionStart`) so that it stays after the
 * same characters. For as-you-type fields, including React and Vue controlled inputs.
 *
 * @example
 * normalizeWithCaret("P 12１3", 5); // { value: "P1213", caret: 4 }
 */
export function normalizeWithCaret(value: string, caret: number): ValueWithCaret;

/**
 * Like `validatePccc`, for one code per line of `text`: returns one result per line, in order. Each `index` is
 * relative to the start of its line.
 *
 * @example
 * validatePcccLines("P123456789012\nP1", { locale: "en" }).map((r) => r.valid); // [true, false]
 */
export function validatePcccLines(text: string, options?: ValidateOptions | null): PcccResult[];

/**
 * Checks `input` as the field named `field`: the same result as that field's own function (`validatePccc`,
 * `validatePhone`, …). For code that handles every field alike (a form library adapter, a generic field). Throws
 * a `RangeError` for an unknown field name.
 *
 * @example
 * validateField("businessNumber", "1248100998").valid; // true
 */
export function validateField<F extends FieldName>(field: F, input: string, options?: ValidateOptions | null): FieldResults[F];

/** Whether `input` is a valid value of the field named `field`. */
export function isValidField(field: FieldName, input: string): boolean;

/**
 * Masks `input` for display as the field named `field` with that field's policy options; a postcode has no
 * mask (`RangeError`).
 *
 * @example
 * maskField("phone", "01012345678"); // "010-1234-****"
 */
export function maskField<F extends keyof FieldMaskOptions>(field: F, input: string, options?: FieldMaskOptions[F] | null): string;
