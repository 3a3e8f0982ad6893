// Generated from the Rust field registry (src/field.rs, each field's DOCS, src/wasm/boundary.rs) by `cargo run -p pccc-guard-xtask -- contract js/api`; `make build` rewrites it and `cargo test -p pccc-guard-xtask` fails when it is stale. Do not edit.

import type { DisplayFieldResult, FieldResult, ValidateOptions } from './api.js';
import type { PcccErrorCode, PhoneErrorCode, PostcodeErrorCode, NameErrorCode, BusinessNumberErrorCode } from './contract.js';

/** Each field's result, by field name. */
export interface FieldResults {
    pccc: FieldResult<PcccErrorCode>;
    phone: DisplayFieldResult<PhoneErrorCode>;
    postcode: FieldResult<PostcodeErrorCode>;
    name: FieldResult<NameErrorCode>;
    businessNumber: DisplayFieldResult<BusinessNumberErrorCode>;
}
/** The result of checking a personal customs clearance code. */
export type PcccResult = FieldResults['pccc'];
/** The result of checking a mobile number, with the form to show as `display`. */
export type PhoneResult = FieldResults['phone'];
/** The result of checking a postcode. */
export type PostcodeResult = FieldResults['postcode'];
/** The result of checking a recipient name. */
export type NameResult = FieldResults['name'];
/** The result of checking a business registration number, with the form to show as `display`. */
export type BusinessNumberResult = FieldResults['businessNumber'];

/** The mask policy of a personal customs clearance code. */
export interface PcccMaskOptions {
    /** Digits left visible at the start (default 0). */
    keepStart?: number;
    /** Digits left visible at the end (default 4). keepStart + keepEnd may be at most 6. */
    keepEnd?: number;
    /** One visible, non-digit character (default "*"). */
    maskChar?: string;
}
/** The mask policy of a mobile number. */
export interface PhoneMaskOptions {
    /** Digits left visible at the start (default 7). */
    keepStart?: number;
    /** Digits left visible at the end (default 0). keepStart + keepEnd may be at most 7. */
    keepEnd?: number;
    /** One visible, non-digit character (default "*"). */
    maskChar?: string;
}
/** The mask policy of a recipient name: its rule is fixed, only the mask character can be chosen. */
export interface NameMaskOptions {
    /** One visible, non-digit character (default "*"). */
    maskChar?: string;
}
/** The mask policy of a business registration number. */
export interface BusinessNumberMaskOptions {
    /** Digits left visible at the start (default 5). */
    keepStart?: number;
    /** Digits left visible at the end (default 0). keepStart + keepEnd may be at most 7. */
    keepEnd?: number;
    /** One visible, non-digit character (default "*"). */
    maskChar?: string;
}
/** Each field's mask options, by field name (a field without a mask has none). */
export interface FieldMaskOptions {
    pccc: PcccMaskOptions;
    phone: PhoneMaskOptions;
    name: NameMaskOptions;
    businessNumber: BusinessNumberMaskOptions;
}

/** The recipient fields of a form, as typed. A missing field counts as empty. */
export interface RecipientFields {
    name?: string;
    pccc?: string;
    phone?: string;
    postcode?: string;
}

/** What `checkRecipient` returns: whether every field is valid, and each field's result. */
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

/**
 * Checks a personal customs clearance code (`P` + 12 digits) after normalising it (full-width characters,
 * spaces, hyphens and invisible characters, lower-case `p`).
 *
 * Returns `{ valid: true, value }` with the canonical code to submit, or `{ valid: false, error }` with a
 * stable `code`, a message in Korean (default) or English that never contains the input, and where it
 * applies the UTF-16 `index` of the offending character or the number of digits `found`.
 *
 * @example
 * validatePccc("ｐ1234 5678 9012"); // { valid: true, value: "P123456789012" }
 * validatePccc("P12345678901").error.code; // "too_short"
 */
export function validatePccc(input: string, options?: ValidateOptions | null): PcccResult;
/** Whether `input` is a personal customs clearance code: the cheap path for loops, with no object or message built. */
export function isValidPccc(input: string): boolean;
/**
 * Masks a code for display with one policy: `P` + `keepStart` digits + mask characters + `keepEnd` digits
 * (default `P********9012`). Input that is not a valid code is masked completely, showing only its length.
 * Throws an `Error` (with `code` `"mask_reveals_too_much"` or `"invalid_mask_char"`) for a policy that would
 * reveal more than 6 of the 12 digits or whose mask character is not one visible non-digit character.
 *
 * @example
 * maskPccc("P123456789012"); // "P********9012"
 * maskPccc("P123456789012", { keepStart: 2, maskChar: "•" }); // "P12••••••9012"
 */
export function maskPccc(input: string, options?: PcccMaskOptions | null): string;

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
 * validatePhone("0504-1234-5678").error.code; // "virtual_number"
 */
export function validatePhone(input: string, options?: ValidateOptions | null): PhoneResult;
/** Whether `input` is a mobile number: the cheap path for loops, with no object or message built. */
export function isValidPhone(input: string): boolean;
/**
 * Masks a mobile number for display, hyphenated: by default the first 7 digits stay (`010-1234-****`, as on
 * delivery labels). `keepStart` and `keepEnd` choose the visible digits, at most 7 together, and at least 4
 * digits are always hidden (for a 10-digit number the kept start shrinks). Input that is not a valid mobile
 * number is masked completely, showing only its length. Throws an `Error` (with `code`
 * `"mask_reveals_too_much"` or `"invalid_mask_char"`) for a policy that would reveal too much or whose mask
 * character is not one visible non-digit character.
 *
 * @example
 * maskPhone("01012345678"); // "010-1234-****"
 * maskPhone("01012345678", { keepStart: 3, keepEnd: 4 }); // "010-****-5678"
 */
export function maskPhone(input: string, options?: PhoneMaskOptions | null): string;

/**
 * Checks a delivery postcode: 5 digits whose first two are 01–63. An old 6-digit postcode (`123-456`) gets
 * its own code, `old_postcode`, telling the user to look up the new one.
 *
 * Returns `{ valid: true, value }` or `{ valid: false, error }`, as `validatePccc` does.
 *
 * @example
 * validatePostcode(" 03154 "); // { valid: true, value: "03154" }
 * validatePostcode("110-011").error.code; // "old_postcode"
 */
export function validatePostcode(input: string, options?: ValidateOptions | null): PostcodeResult;
/** Whether `input` is a postcode: the cheap path for loops, with no object or message built. */
export function isValidPostcode(input: string): boolean;

/**
 * Checks a recipient name, which must be the one registered with the PCCC: Hangul syllables with optional
 * spaces (2 to 20 syllables), or the registered English name in Latin letters with spaces, `-`, `'` and `.`
 * (2 letters to 60 characters). Spaces are trimmed and collapsed; full-width letters become ASCII.
 *
 * Returns `{ valid: true, value }` with the normalised name, or `{ valid: false, error }` (digits, mixed
 * Hangul and Latin letters and a bad length each have their own code).
 *
 * @example
 * validateName(" 홍길동 "); // { valid: true, value: "홍길동" }
 * validateName("홍Gildong").error.code; // "mixed_scripts"
 */
export function validateName(input: string, options?: ValidateOptions | null): NameResult;
/** Whether `input` is a recipient name: the cheap path for loops, with no object or message built. */
export function isValidName(input: string): boolean;
/**
 * Masks a recipient name for display: a Hangul name keeps its first syllable and, from 3 syllables on, its
 * last (`김*`, `홍*동`, `남**수`); a Latin name keeps the first letter of each word (`J*** S****`). Input that
 * is not a valid name is masked completely, showing only its length. Throws an `Error` with `code`
 * `"invalid_mask_char"` for a mask character that is not one visible non-digit character.
 *
 * @example
 * maskName("홍길동"); // "홍*동"
 * maskName("John Smith", { maskChar: "•" }); // "J••• S••••"
 */
export function maskName(input: string, options?: NameMaskOptions | null): string;

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
/** Whether `input` is a business registration number: the cheap path for loops, with no object or message built. */
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
