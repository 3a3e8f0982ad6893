// Generated from the Rust field registry (src/field.rs, each field's DOCS, src/wasm/boundary.rs) by `cargo run -p pccc-guard-xtask -- contract js/api`; `make build` rewrites it and `cargo test -p pccc-guard-xtask` fails when it is stale. Do not edit.

/** "No value" in a number slot, and "the field's default" in a mask argument. */
export const NONE = 4294967295;
// Slot numbers of a result record (src/wasm/boundary.rs, mod slot); single constants, which the bundler inlines.
export const CODE_PTR = 0;
export const CODE_LEN = 1;
export const MESSAGE_PTR = 2;
export const MESSAGE_LEN = 3;
export const INDEX = 4;
export const FOUND = 5;
export const VALUE_LEN = 6;
export const DISPLAY_START = 7;
export const DISPLAY_LEN = 8;
export const CARET = 9;
export const FOUND_PTR = 10;
export const NEXT_BYTE = 11;
export const NEXT_UTF16 = 12;
export const SLOT_COUNT = 13;
export const TEXT_CAPACITY = 256;
export const FOUND_CAPACITY = 64;
/** The finder's kinds, by their bit in a kinds set. */
export const KINDS = ['pccc', 'rrn', 'phone'];
/** The mask policy's error codes. */
export const MASK_CODES = ['mask_reveals_too_much', 'invalid_mask_char', 'no_mask'];
/**
 * The fields, keyed by their JavaScript name: the boundary's number (id); whether a valid value has a display
 * form (display); its mask ('name': the name rule; 'digits': a policy of digits kept at the start and end); whether
 * a form normalises it as it is typed (asTyped); whether its value can only be ASCII (ascii); the finder's kind a
 * paste into it is searched for (paste). A flag that is false, or a mask or kind that is none, is left out.
 */
export const FIELDS = {
  pccc: { id: 0, mask: 'digits', asTyped: true, ascii: true, paste: 'pccc' },
  phone: { id: 1, display: true, mask: 'digits', ascii: true, paste: 'phone' },
  postcode: { id: 2, ascii: true },
  name: { id: 3, mask: 'name' },
  businessNumber: { id: 4, display: true, mask: 'digits', ascii: true },
};
/** The digit masks' defaults and the most digits a policy may reveal. */
export const MASK_DEFAULTS = {
  pccc: { keepStart: 0, keepEnd: 4, maxRevealed: 6 },
  phone: { keepStart: 7, keepEnd: 0, maxRevealed: 7 },
  businessNumber: { keepStart: 5, keepEnd: 0, maxRevealed: 7 },
};
/** Each field's error codes, in the order its rules check them. */
export const CODES = {
  pccc: ['empty', 'looks_like_rrn', 'missing_prefix', 'invalid_prefix', 'invalid_character', 'too_short', 'too_long'],
  phone: ['empty', 'invalid_country_code', 'invalid_character', 'looks_like_rrn', 'landline_number', 'voip_number', 'virtual_number', 'not_a_mobile_number', 'too_short', 'too_long'],
  postcode: ['empty', 'invalid_character', 'looks_like_rrn', 'old_postcode', 'too_short', 'too_long', 'invalid_area'],
  name: ['empty', 'looks_like_rrn', 'contains_digits', 'invalid_character', 'mixed_scripts', 'too_short', 'too_long'],
  businessNumber: ['empty', 'invalid_character', 'looks_like_rrn', 'too_short', 'too_long', 'invalid_check_digit'],
};
/** The field a form input guards when it names none (`data-pccc`, `<pccc-input>`): the registry's first. */
export const DEFAULT_FIELD = 'pccc';
/** The fields UNI-PASS matches (checkRecipient, recipientSchema), in the order they are reported. */
export const RECIPIENT = ['name', 'pccc', 'phone', 'postcode'];
