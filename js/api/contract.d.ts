// Generated from the Rust field registry (src/field.rs, each field's DOCS, src/wasm/boundary.rs) by `cargo run -p pccc-guard-xtask -- contract js/api`; `make build` rewrites it and `cargo test -p pccc-guard-xtask` fails when it is stale. Do not edit.

/** A field's name in JavaScript. */
export type FieldName = 'pccc' | 'phone' | 'postcode' | 'name' | 'businessNumber';
/** Error codes of the pccc field, in the order its rules check them. */
export type PcccErrorCode = 'empty' | 'looks_like_rrn' | 'missing_prefix' | 'invalid_prefix' | 'invalid_character' | 'too_short' | 'too_long';
/** Error codes of the phone field, in the order its rules check them. */
export type PhoneErrorCode = 'empty' | 'invalid_country_code' | 'invalid_character' | 'looks_like_rrn' | 'landline_number' | 'voip_number' | 'virtual_number' | 'not_a_mobile_number' | 'too_short' | 'too_long';
/** Error codes of the postcode field, in the order its rules check them. */
export type PostcodeErrorCode = 'empty' | 'invalid_character' | 'looks_like_rrn' | 'old_postcode' | 'too_short' | 'too_long' | 'invalid_area';
/** Error codes of the name field, in the order its rules check them. */
export type NameErrorCode = 'empty' | 'looks_like_rrn' | 'contains_digits' | 'invalid_character' | 'mixed_scripts' | 'too_short' | 'too_long';
/** Error codes of the businessNumber field, in the order its rules check them. */
export type BusinessNumberErrorCode = 'empty' | 'invalid_character' | 'looks_like_rrn' | 'too_short' | 'too_long' | 'invalid_check_digit';
/** Error codes of a refused mask policy. */
export type MaskErrorCode = 'mask_reveals_too_much' | 'invalid_mask_char' | 'no_mask';
/** Kinds of personal number the finder looks for. */
export type SensitiveKind = 'pccc' | 'rrn' | 'phone';
/** Each field's error code, by field name. */
export interface ErrorCodes {
  pccc: PcccErrorCode;
  phone: PhoneErrorCode;
  postcode: PostcodeErrorCode;
  name: NameErrorCode;
  businessNumber: BusinessNumberErrorCode;
}
/** The fields UNI-PASS matches, in the order they are reported. */
export type RecipientFieldName = 'name' | 'pccc' | 'phone' | 'postcode';
