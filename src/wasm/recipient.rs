//! The JavaScript API of the recipient fields (name, mobile number, postcode) and the cross-field check.
//!
//! Same conventions as the PCCC functions: string arguments are checked (`TypeError` instead of coercion),
//! results are plain objects with the shape of `validate`'s, and messages never contain the input.

use alloc::string::String;

use js_sys::{Array, Error, RangeError, Reflect, TypeError};
use wasm_bindgen::prelude::*;

use super::{count_option, invalid_result, locale_option, option, string_arg, valid_result, ValidateOptions};
use crate::{
    Locale, MaskError, MobileNumber, NameError, NameMask, PhoneError, PhoneMask, Postcode, PostcodeError,
    RecipientInput, RecipientName,
};

#[wasm_bindgen(typescript_custom_section)]
const TS_RECIPIENT_TYPES: &'static str = r#"
/** Stable codes of the mobile number rules, in the order they are checked. */
export type PhoneErrorCode =
  | "empty"
  | "invalid_country_code"
  | "invalid_character"
  | "looks_like_rrn"
  | "landline_number"
  | "voip_number"
  | "virtual_number"
  | "not_a_mobile_number"
  | "too_short"
  | "too_long";

/** Stable codes of the postcode rules, in the order they are checked. */
export type PostcodeErrorCode =
  | "empty"
  | "invalid_character"
  | "looks_like_rrn"
  | "old_postcode"
  | "too_short"
  | "too_long"
  | "invalid_area";

/** Stable codes of the recipient name rules, in the order they are checked. */
export type NameErrorCode =
  | "empty"
  | "looks_like_rrn"
  | "contains_digits"
  | "invalid_character"
  | "mixed_scripts"
  | "too_short"
  | "too_long";

/** Why a recipient field is invalid: the same shape as `ValidationError`, with the field's own codes. */
export interface FieldError<Code extends string> {
  code: Code;
  /** A specific message in the chosen language. Never contains the input. */
  message: string;
  /** UTF-16 index in the original input of the offending character (invalid_character, contains_digits). */
  index?: number;
  /**
   * too_short, too_long: digits found (mobile number, in its domestic form; postcode), or for a name the
   * Hangul syllables, Latin letters (too_short) or Latin characters (too_long) found.
   */
  found?: number;
}

export type PhoneValidationResult =
  /** value: the digits to submit ("01012345678"); display: the hyphenated form ("010-1234-5678"). */
  | { valid: true; value: string; display: string }
  | { valid: false; error: FieldError<PhoneErrorCode> };

export type PostcodeValidationResult =
  | { valid: true; value: string }
  | { valid: false; error: FieldError<PostcodeErrorCode> };

export type NameValidationResult =
  | { valid: true; value: string }
  | { valid: false; error: FieldError<NameErrorCode> };

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
    name: NameValidationResult;
    pccc: ValidationResult;
    phone: PhoneValidationResult;
    postcode: PostcodeValidationResult;
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

export interface NameMaskOptions {
  /** One visible, non-digit character (default "*"). */
  maskChar?: string;
}
"#;

// `valid_result` takes ASCII only (it skips UTF-8 decoding); names need a builder that takes any text.
#[wasm_bindgen(inline_js = r#"
export function okText(value) { return { valid: true, value }; }
export function okPhone(value, display) { return { valid: true, value, display }; }
export function report(valid, name, pccc, phone, postcode) {
  return { valid, fields: { name, pccc, phone, postcode } };
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = okText)]
    fn ok_text(value: &str) -> JsValue;
    #[wasm_bindgen(js_name = okPhone)]
    fn ok_phone(value: &str, display: &str) -> JsValue;
    fn report(valid: bool, name: JsValue, pccc: JsValue, phone: JsValue, postcode: JsValue) -> JsValue;
}

#[wasm_bindgen]
extern "C" {
    /// `RecipientFields` from the TypeScript section.
    #[wasm_bindgen(typescript_type = "RecipientFields")]
    pub type RecipientFields;
    /// `PhoneMaskOptions` from the TypeScript section.
    #[wasm_bindgen(typescript_type = "PhoneMaskOptions")]
    pub type PhoneMaskOptions;
    /// `NameMaskOptions` from the TypeScript section.
    #[wasm_bindgen(typescript_type = "NameMaskOptions")]
    pub type NameMaskOptions;
}

fn phone_result(result: Result<MobileNumber, PhoneError>, locale: Locale) -> JsValue {
    match result {
        Ok(number) => ok_phone(number.as_str(), number.display()),
        Err(e) => invalid_result(e.code(), e.message(locale), e.utf16_index(), e.digits()),
    }
}

fn postcode_result(result: Result<Postcode, PostcodeError>, locale: Locale) -> JsValue {
    match result {
        Ok(code) => valid_result(code.as_str()),
        Err(e) => invalid_result(e.code(), e.message(locale), e.utf16_index(), e.digits()),
    }
}

fn name_result(result: Result<RecipientName, NameError>, locale: Locale) -> JsValue {
    match result {
        Ok(name) => ok_text(name.as_str()),
        Err(e) => invalid_result(e.code(), e.message(locale), e.utf16_index(), e.length()),
    }
}

fn locale_of(options: Option<ValidateOptions>) -> Result<Locale, JsValue> {
    locale_option(&options.map_or(JsValue::UNDEFINED, Into::into))
}

/// Checks a Korean mobile number: `010` + 8 digits, or `011`, `016`–`019` + 7 or 8 digits. Hyphens, spaces,
/// dots, parentheses, full-width digits and the international form (`+82 10-…`, `+82-(0)10-…`) are accepted.
///
/// Returns `{ valid: true, value, display }` with the digits to submit and the hyphenated form to show, or
/// `{ valid: false, error }` with a stable `code` (landline, VoIP and 050 virtual numbers each have their own:
/// UNI-PASS only matches the real mobile number registered with the PCCC), a message in Korean (default) or
/// English that never contains the input, and the UTF-16 `index` of a bad character or the digits `found`.
///
/// @example
/// validatePhone("+82 10-1234-5678"); // { valid: true, value: "01012345678", display: "010-1234-5678" }
/// validatePhone("0504-1234-5678", { locale: "en" }).error.code; // "virtual_number"
#[wasm_bindgen(js_name = validatePhone, unchecked_return_type = "PhoneValidationResult")]
pub fn validate_phone(
    #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
    options: Option<ValidateOptions>,
) -> Result<JsValue, JsValue> {
    let input = string_arg(&input, "input")?;
    Ok(phone_result(MobileNumber::parse(&input), locale_of(options)?))
}

/// Checks a delivery postcode: 5 digits whose first two are 01–63. An old 6-digit postcode (`123-456`) gets
/// its own code, `old_postcode`, telling the user to look up the new one.
///
/// Returns `{ valid: true, value }` or `{ valid: false, error }`, as `validate` does.
///
/// @example
/// validatePostcode(" 03154 ");  // { valid: true, value: "03154" }
/// validatePostcode("110-011").error.code; // "old_postcode"
#[wasm_bindgen(js_name = validatePostcode, unchecked_return_type = "PostcodeValidationResult")]
pub fn validate_postcode(
    #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
    options: Option<ValidateOptions>,
) -> Result<JsValue, JsValue> {
    let input = string_arg(&input, "input")?;
    Ok(postcode_result(Postcode::parse(&input), locale_of(options)?))
}

/// Checks a recipient name, which must be the one registered with the PCCC: Hangul syllables with optional
/// spaces (2 to 20 syllables), or the registered English name in Latin letters with spaces, `-`, `'` and `.`
/// (2 letters to 60 characters). Spaces are trimmed and collapsed; full-width letters become ASCII.
///
/// Returns `{ valid: true, value }` with the normalised name, or `{ valid: false, error }` (digits, mixed
/// Hangul and Latin letters and a bad length each have their own code).
///
/// @example
/// validateName(" 홍길동 ");  // { valid: true, value: "홍길동" }
/// validateName("홍Gildong").error.code; // "mixed_scripts"
#[wasm_bindgen(js_name = validateName, unchecked_return_type = "NameValidationResult")]
pub fn validate_name(
    #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
    options: Option<ValidateOptions>,
) -> Result<JsValue, JsValue> {
    let input = string_arg(&input, "input")?;
    Ok(name_result(RecipientName::parse(&input), locale_of(options)?))
}

/// Checks every field UNI-PASS matches at once: `name`, `pccc`, `phone` and `postcode`. A missing field counts
/// as empty; a field that is present but not a string throws a `TypeError`. A resident registration number
/// typed into a field is reported as that field's `looks_like_rrn`.
///
/// Returns `{ valid, fields: { name, pccc, phone, postcode } }`, each field's result the same as from
/// `validateName`, `validate`, `validatePhone` and `validatePostcode`.
///
/// @example
/// const r = checkRecipient({ name: "홍길동", pccc: "P123456789012", phone: "010-1234-5678", postcode: "03154" });
/// r.valid; // true
/// r.fields.phone.display; // "010-1234-5678" (when r.fields.phone.valid)
#[wasm_bindgen(js_name = checkRecipient, unchecked_return_type = "RecipientResult")]
pub fn check_recipient(
    #[wasm_bindgen(unchecked_param_type = "RecipientFields")] fields: JsValue,
    options: Option<ValidateOptions>,
) -> Result<JsValue, JsValue> {
    if !fields.is_object() || Array::is_array(&fields) {
        return Err(TypeError::new("pccc-guard: fields must be an object").into());
    }
    let field = |key: &str, what: &str| -> Result<String, JsValue> {
        let value = Reflect::get(&fields, &JsValue::from_str(key))?;
        if value.is_undefined() {
            Ok(String::new())
        } else {
            string_arg(&value, what)
        }
    };
    let name = field("name", "fields.name")?;
    let pccc = field("pccc", "fields.pccc")?;
    let phone = field("phone", "fields.phone")?;
    let postcode = field("postcode", "fields.postcode")?;
    let locale = locale_of(options)?;
    let checked =
        crate::check_recipient(&RecipientInput { name: &name, pccc: &pccc, phone: &phone, postcode: &postcode });
    let valid = checked.is_valid();
    let pccc = match checked.pccc {
        Ok(code) => valid_result(code.as_str()),
        Err(e) => invalid_result(e.code(), e.message(locale), e.utf16_index(), e.digits()),
    };
    Ok(report(
        valid,
        name_result(checked.name, locale),
        pccc,
        phone_result(checked.phone, locale),
        postcode_result(checked.postcode, locale),
    ))
}

/// Masks a mobile number for display, hyphenated: by default the first 7 digits stay (`010-1234-****`, as on
/// delivery labels). `keepStart` and `keepEnd` choose the visible digits, at most 7 together, and at least 4
/// digits are always hidden (for a 10-digit number the kept start shrinks). Input that is not a valid mobile
/// number is masked completely, showing only its length. Throws an `Error` (with `code`
/// `"mask_reveals_too_much"` or `"invalid_mask_char"`) for a policy that would reveal too much or whose mask
/// character is not one visible non-digit character.
///
/// @example
/// maskPhone("01012345678");                              // "010-1234-****"
/// maskPhone("01012345678", { keepStart: 3, keepEnd: 4 }); // "010-****-5678"
#[wasm_bindgen(js_name = maskPhone)]
pub fn mask_phone(
    #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
    options: Option<PhoneMaskOptions>,
) -> Result<String, JsValue> {
    let input = string_arg(&input, "input")?;
    let options = options.map_or(JsValue::UNDEFINED, Into::into);
    let defaults = PhoneMask::new();
    let mut policy = defaults
        .keep_start(count_option(&options, "keepStart", defaults.start())?)
        .keep_end(count_option(&options, "keepEnd", defaults.end())?);
    if let Some(c) = fill_option(&options)? {
        policy = policy.fill(c);
    }
    policy.apply(&input).map_err(mask_error)
}

/// Masks a recipient name for display: a Hangul name keeps its first syllable and, from 3 syllables on, its
/// last (`김*`, `홍*동`, `남**수`); a Latin name keeps the first letter of each word (`J*** S****`). Input that
/// is not a valid name is masked completely, showing only its length. Throws an `Error` with `code`
/// `"invalid_mask_char"` for a mask character that is not one visible non-digit character.
///
/// @example
/// maskName("홍길동");                      // "홍*동"
/// maskName("John Smith", { maskChar: "•" }); // "J••• S••••"
#[wasm_bindgen(js_name = maskName)]
pub fn mask_name(
    #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
    options: Option<NameMaskOptions>,
) -> Result<String, JsValue> {
    let input = string_arg(&input, "input")?;
    let mut policy = NameMask::new();
    if let Some(c) = fill_option(&options.map_or(JsValue::UNDEFINED, Into::into))? {
        policy = policy.fill(c);
    }
    policy.apply(&input).map_err(mask_error)
}

/// Reads `options.maskChar`: exactly one character when given.
fn fill_option(options: &JsValue) -> Result<Option<char>, JsValue> {
    let fill = option(options, "maskChar")?;
    if fill.is_undefined() {
        return Ok(None);
    }
    let fill = string_arg(&fill, "options.maskChar")?;
    let mut chars = fill.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Ok(Some(c)),
        _ => Err(RangeError::new("pccc-guard: options.maskChar must be exactly one character").into()),
    }
}

/// A refused policy as an `Error` with a `code` property, as `mask` throws it.
fn mask_error(err: MaskError) -> JsValue {
    let e = Error::new(&["pccc-guard: ", err.message(Locale::En)].concat());
    // Setting a property on a fresh Error object cannot fail.
    let _ = Reflect::set(&e, &JsValue::from_str("code"), &JsValue::from_str(err.code()));
    e.into()
}
