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
import type { BusinessNumberErrorCode, ErrorCodes, FieldName, MaskErrorCode, NameErrorCode, PcccErrorCode, PhoneErrorCode, PostcodeErrorCode } from './contract.js';
export type { BusinessNumberErrorCode, ErrorCodes, FieldName, MaskErrorCode, NameErrorCode, PcccErrorCode, PhoneErrorCode, PostcodeErrorCode } from './contract.js';
// contract:end

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

/** Each field's result, by field name. */
export interface FieldResults {
    pccc: FieldResult<PcccErrorCode>;
    phone: DisplayFieldResult<PhoneErrorCode>;
    postcode: FieldResult<PostcodeErrorCode>;
    name: FieldResult<NameErrorCode>;
    businessNumber: DisplayFieldResult<BusinessNumberErrorCode>;
}

/** A PCCC's result. */
export type PcccResult = FieldResults['pccc'];
/** A mobile number's result: value "01012345678", display "010-1234-5678". */
export type PhoneResult = FieldResults['phone'];
export type PostcodeResult = FieldResults['postcode'];
export type NameResult = FieldResults['name'];
/** A business registration number's result: value "1248100998", display "124-81-00998". */
export type BusinessNumberResult = FieldResults['businessNumber'];

/** A PCCC's mask policy. */
export interface MaskOptions {
    /** Digits after the P left visible at the start (default 0). */
    keepStart?: number;
    /** Digits left visible at the end (default 4). keepStart + keepEnd may be at most 6. */
    keepEnd?: number;
    /** One visible, non-digit character (default "*"). */
    maskChar?: string;
}

export interface ValueWithCaret {
    value: string;
    /** UTF-16 offset of the caret in value. */
    caret: number;
}



/** The recipient fields of a form, as typed. A missing field counts as empty. */
export interface RecipientFields {
    name?: string;
    pccc?: string;
    phone?: string;
    postcode?: string;
}

export interface RecipientResult {
    /** Whether every field is valid. */
    valid: boolean;
    fields: {
        name: NameResult;
        pccc: PcccResult;
        phone: PhoneResult;
        postcode: PostcodeResult;
    };
}

export interface PhoneMaskOptions {
    /** Digits left visible at the start (default 7: "010-1234-****"). */
    keepStart?: number;
    /** Digits left visible at the end (default 0). keepStart + keepEnd may be at most 7. */
    keepEnd?: number;
    /** One visible, non-digit character (default "*"). */
    maskChar?: string;
}

/** A business registration number's mask policy. */
export interface BusinessNumberMaskOptions {
    /** Digits left visible at the start (default 5: "124-81-*****"). */
    keepStart?: number;
    /** Digits left visible at the end (default 0). keepStart + keepEnd may be at most 7; 3 digits stay hidden. */
    keepEnd?: number;
    /** One visible, non-digit character (default "*"). */
    maskChar?: string;
}

/** Each field's mask options, by field name (a postcode has no mask). */
export interface FieldMaskOptions {
    pccc: MaskOptions;
    phone: PhoneMaskOptions;
    name: NameMaskOptions;
    businessNumber: BusinessNumberMaskOptions;
}

export interface NameMaskOptions {
    /** One visible, non-digit character (default "*"). */
    maskChar?: string;
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
 * Whether `input` is a valid personal customs clearance code after normalisation. The cheap path for loops:
 * no object or message is built.
 *
 * @example
 * isValidPccc(" P123456789012 "); // true
 */
export function isValidPccc(input: string): boolean;

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
 * Masks a code for display with one policy: `P` + `keepStart` digits + mask characters + `keepEnd` digits
 * (default `P********9012`). Input that is not a valid code is masked completely, showing only its length.
 * Throws an `Error` (with `code` `"mask_reveals_too_much"` or `"invalid_mask_char"`) for a policy that would
 * reveal more than 6 of the 12 digits or whose mask character is not one visible non-digit character.
 *
 * @example
 * maskPccc("P123456789012");                              // "P********9012"
 * maskPccc("P123456789012", { keepStart: 2, maskChar: "•" }); // "P12••••••9012"
 */
export function maskPccc(input: string, options?: MaskOptions | null): string;

/**
 * Masks a recipient name for display: a Hangul name keeps its first syllable and, from 3 syllables on, its
 * last (`김*`, `홍*동`, `남**수`); a Latin name keeps the first letter of each word (`J*** S****`). Input that
 * is not a valid name is masked completely, showing only its length. Throws an `Error` with `code`
 * `"invalid_mask_char"` for a mask character that is not one visible non-digit character.
 *
 * @example
 * maskName("홍길동");                      // "홍*동"
 * maskName("John Smith", { maskChar: "•" }); // "J••• S••••"
 */
export function maskName(input: string, options?: NameMaskOptions | null): string;

/**
 * Masks a mobile number for display, hyphenated: by default the first 7 digits stay (`010-1234-****`, as on
 * delivery labels). `keepStart` and `keepEnd` choose the visible digits, at most 7 together, and at least 4
 * digits are always hidden (for a 10-digit number the kept start shrinks). Input that is not a valid mobile
 * number is masked completely, showing only its length. Throws an `Error` (with `code`
 * `"mask_reveals_too_much"` or `"invalid_mask_char"`) for a policy that would reveal too much or whose mask
 * character is not one visible non-digit character.
 *
 * @example
 * maskPhone("01012345678");                              // "010-1234-****"
 * maskPhone("01012345678", { keepStart: 3, keepEnd: 4 }); // "010-****-5678"
 */
export function maskPhone(input: string, options?: PhoneMaskOptions | null): string;

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
 * Checks a personal customs clearance code (`P` + 12 digits) after normalising it (full-width characters,
 * spaces, hyphens and invisible characters, lower-case `p`).
 *
 * Returns `{ valid: true, value }` with the canonical code to submit, or `{ valid: false, error }` with a
 * stable `code`, a message in Korean (default) or English that never contains the input, and where it
 * applies the UTF-16 `index` of the offending character or the number of digits `found`.
 *
 * @example
 * validatePccc("ｐ1234 5678 9012");            // { valid: true, value: "P123456789012" }
 * validatePccc("P12345678901", { locale: "en" }).error.code; // "too_short"
 */
export function validatePccc(input: string, options?: ValidateOptions | null): PcccResult;

/**
 * Like `validatePccc`, for one code per line of `text`: returns one result per line, in order. Each `index` is
 * relative to the start of its line.
 *
 * @example
 * validatePcccLines("P123456789012\nP1", { locale: "en" }).map((r) => r.valid); // [true, false]
 */
export function validatePcccLines(text: string, options?: ValidateOptions | null): PcccResult[];

/**
 * Checks a recipient name, which must be the one registered with the PCCC: Hangul syllables with optional
 * spaces (2 to 20 syllables), or the registered English name in Latin letters with spaces, `-`, `'` and `.`
 * (2 letters to 60 characters). Spaces are trimmed and collapsed; full-width letters become ASCII.
 *
 * Returns `{ valid: true, value }` with the normalised name, or `{ valid: false, error }` (digits, mixed
 * Hangul and Latin letters and a bad length each have their own code).
 *
 * @example
 * validateName(" 홍길동 ");  // { valid: true, value: "홍길동" }
 * validateName("홍Gildong").error.code; // "mixed_scripts"
 */
export function validateName(input: string, options?: ValidateOptions | null): NameResult;

/**
 * Checks a Korean mobile number: `010` + 8 digits, or `011`, `016`–`019` + 7 or 8 digits. Hyphens, spaces,
 * dots, parentheses, full-width digits and the international form (`+82 10-…`, `+82-(0)10-…`) are accepted.
 *
 * Returns `{ valid: true, value, display }` with the digits to submit and the hyphenated form to show, or
 * `{ valid: false, error }` with a stable `code` (landline, VoIP and 050 virtual numbers each have their own:
 * UNI-PASS only matches the real mobile number registered with the PCCC), a message in Korean (default) or
 * English that never contains the input, and the UTF-16 `index` of a bad character or the digits `found`.
 *
 * @example
 * validatePhone("+82 10-1234-5678"); // { valid: true, value: "01012345678", display: "010-1234-5678" }
 * validatePhone("0504-1234-5678", { locale: "en" }).error.code; // "virtual_number"
 */
export function validatePhone(input: string, options?: ValidateOptions | null): PhoneResult;

/**
 * Checks a delivery postcode: 5 digits whose first two are 01–63. An old 6-digit postcode (`123-456`) gets
 * its own code, `old_postcode`, telling the user to look up the new one.
 *
 * Returns `{ valid: true, value }` or `{ valid: false, error }`, as `validatePccc` does.
 *
 * @example
 * validatePostcode(" 03154 ");  // { valid: true, value: "03154" }
 * validatePostcode("110-011").error.code; // "old_postcode"
 */
export function validatePostcode(input: string, options?: ValidateOptions | null): PostcodeResult;

/**
 * Checks a business registration number (사업자등록번호): 10 digits whose last is the National Tax Service
 * check digit. Hyphens, spaces and full-width digits are accepted.
 *
 * Returns `{ valid: true, value, display }` with the digits to submit and the hyphenated form to show, or
 * `{ valid: false, error }`; a mistyped digit is `invalid_check_digit`.
 *
 * @example
 * validateBusinessNumber("124-81-00998"); // { valid: true, value: "1248100998", display: "124-81-00998" }
 * validateBusinessNumber("124-81-00999").error.code; // "invalid_check_digit"
 */
export function validateBusinessNumber(input: string, options?: ValidateOptions | null): BusinessNumberResult;

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
/** Whether `input` is a valid mobile number. */
export function isValidPhone(input: string): boolean;
/** Whether `input` is a valid postcode. */
export function isValidPostcode(input: string): boolean;
/** Whether `input` is a valid recipient name. */
export function isValidName(input: string): boolean;
/** Whether `input` is a valid business registration number. */
export function isValidBusinessNumber(input: string): boolean;

/**
 * Masks a business registration number for display, hyphenated: by default the office and type codes stay
 * (`124-81-*****`). At most 7 digits show and at least 3 stay hidden. Input that is not a valid number is
 * masked completely, showing only its length. Throws an `Error` with `code` `"mask_reveals_too_much"` or
 * `"invalid_mask_char"` for a refused policy.
 *
 * @example
 * maskBusinessNumber("1248100998"); // "124-81-*****"
 */
export function maskBusinessNumber(input: string, options?: BusinessNumberMaskOptions | null): string;

/**
 * Masks `input` for display as the field named `field` with that field's policy options; a postcode has no
 * mask (`RangeError`).
 *
 * @example
 * maskField("phone", "01012345678"); // "010-1234-****"
 */
export function maskField<F extends keyof FieldMaskOptions>(field: F, input: string, options?: FieldMaskOptions[F] | null): string;
