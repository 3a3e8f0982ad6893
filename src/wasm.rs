//! The JavaScript API: thin conversions around the Rust core, nothing else.
//!
//! Every function checks its arguments and throws a `TypeError` or `RangeError` with a clear message instead of
//! coercing (`validate(null)` is a mistake, not the string `"null"`). Results are plain objects whose shapes
//! are given by the TypeScript section below.

use alloc::string::String;
use alloc::vec::Vec;

use js_sys::{Error, RangeError, Reflect, TypeError};
use wasm_bindgen::prelude::*;

use crate::{Locale, Mask, Pccc};

mod recipient;
pub use recipient::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** Stable codes of the PCCC rules, in the order they are checked. */
export type ErrorCode =
  | "empty"
  | "looks_like_rrn"
  | "missing_prefix"
  | "invalid_prefix"
  | "invalid_character"
  | "too_short"
  | "too_long";

/** Message language: Korean (default) or English. A BCP 47 tag such as "en-US" is read by its language. */
export type Locale = "ko" | "en" | (string & {});

export interface ValidateOptions {
  /** Message language; "ko" when absent. */
  locale?: Locale;
}

export interface ValidationError {
  code: ErrorCode;
  /** A specific message in the chosen language. Never contains the input. */
  message: string;
  /** UTF-16 index in the original input of the offending character (invalid_prefix, invalid_character). */
  index?: number;
  /** How many digits were found (too_short, too_long). */
  found?: number;
}

export type ValidationResult =
  | { valid: true; value: string }
  | { valid: false; error: ValidationError };

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
"#;

// Result objects are built on the JavaScript side in one call each: smaller and faster than setting their
// properties one by one from Rust. Codes and messages are static strings in the module's memory; the JavaScript
// side decodes each one once, keyed by its address, instead of on every call.
#[wasm_bindgen(inline_js = r#"
let memory, decoder;
const texts = new Map();
export function setMemory(m) { memory = m; decoder = new TextDecoder(); }
function text(ptr, len) {
  let s = texts.get(ptr);
  if (s === undefined) texts.set(ptr, (s = decoder.decode(new Uint8Array(memory.buffer, ptr, len))));
  return s;
}
export function ok(ptr, len) {
  // Canonical values are short ASCII: building them from char codes is faster than TextDecoder.
  return { valid: true, value: String.fromCharCode.apply(null, new Uint8Array(memory.buffer, ptr, len)) };
}
export function fail(codePtr, codeLen, messagePtr, messageLen, index, found) {
  const error = { code: text(codePtr, codeLen), message: text(messagePtr, messageLen) };
  if (index >= 0) error.index = index;
  if (found >= 0) error.found = found;
  return { valid: false, error };
}
export function withCaret(value, caret) { return { value, caret }; }
"#)]
extern "C" {
    #[wasm_bindgen(js_name = setMemory)]
    fn set_memory(memory: JsValue);
    fn ok(ptr: u32, len: u32) -> JsValue;
    fn fail(code_ptr: u32, code_len: u32, message_ptr: u32, message_len: u32, index: i32, found: i32) -> JsValue;
    #[wasm_bindgen(js_name = withCaret)]
    fn with_caret(value: &str, caret: u32) -> JsValue;
}

/// The shipped module's panic handler: trap. The core is written not to panic (property tests and fuzzing check
/// it), and a trap surfaces in JavaScript as a `WebAssembly.RuntimeError`, which the forms layer recovers from.
/// Only in the standalone module: a program that links this crate keeps its own handler.
#[cfg(feature = "npm-module")]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    core::arch::wasm32::unreachable()
}

#[cfg(feature = "debug-panic-hook")]
#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

/// Hands the module's memory to the result builders once, before their first use. (A start function would not
/// run when the crate is linked into another wasm program, such as the wasm tests.)
fn memory_shared() {
    use core::sync::atomic::{AtomicBool, Ordering};
    static SHARED: AtomicBool = AtomicBool::new(false);
    if !SHARED.swap(true, Ordering::Relaxed) {
        set_memory(wasm_bindgen::memory());
    }
}

/// A valid result: `{ valid: true, value }`. `value` must be ASCII (canonical forms are).
pub(crate) fn valid_result(value: &str) -> JsValue {
    debug_assert!(value.is_ascii());
    memory_shared();
    ok(value.as_ptr() as usize as u32, value.len() as u32)
}

/// An invalid result: `{ valid: false, error: { code, message, index?, found? } }`. `code` and `message` must be
/// static: JavaScript caches their text by address.
pub(crate) fn invalid_result(
    code: &'static str,
    message: &'static str,
    index: Option<usize>,
    found: Option<usize>,
) -> JsValue {
    // Addresses and lengths in wasm32's 32-bit memory always fit in u32.
    let addr = |s: &'static str| (s.as_ptr() as usize as u32, s.len() as u32);
    let small = |n: Option<usize>| n.map_or(-1, |n| i32::try_from(n).unwrap_or(i32::MAX));
    let ((cp, cl), (mp, ml)) = (addr(code), addr(message));
    memory_shared();
    fail(cp, cl, mp, ml, small(index), small(found))
}

#[wasm_bindgen]
extern "C" {
    /// `ValidateOptions` from the TypeScript section.
    #[wasm_bindgen(typescript_type = "ValidateOptions")]
    pub type ValidateOptions;
    /// `MaskOptions` from the TypeScript section.
    #[wasm_bindgen(typescript_type = "MaskOptions")]
    pub type MaskOptions;
}

/// The npm module's allocator: a small free-list allocator instead of the default dlmalloc (about 3 KB less
/// gzipped wasm). Only in the standalone module, never when this crate is a dependency of another program.
#[cfg(feature = "npm-module")]
#[global_allocator]
static ALLOCATOR: lol_alloc::LockedAllocator<lol_alloc::FreeListAllocator> =
    lol_alloc::LockedAllocator::new(lol_alloc::FreeListAllocator::new());

/// Reads a required string argument, or explains what was passed instead.
pub(crate) fn string_arg(value: &JsValue, what: &str) -> Result<String, JsValue> {
    value.as_string().ok_or_else(|| {
        let got = value.js_typeof().as_string().unwrap_or_default();
        let got = if value.is_null() { "null" } else { got.as_str() };
        TypeError::new(&["pccc-guard: ", what, " must be a string, got ", got].concat()).into()
    })
}

/// Reads `options[key]`, treating a missing `options` as empty. `options` must be an object when given.
pub(crate) fn option(options: &JsValue, key: &str) -> Result<JsValue, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(JsValue::UNDEFINED);
    }
    if !options.is_object() {
        return Err(TypeError::new("pccc-guard: options must be an object").into());
    }
    Reflect::get(options, &JsValue::from_str(key))
}

pub(crate) fn locale_option(options: &JsValue) -> Result<Locale, JsValue> {
    let value = option(options, "locale")?;
    if value.is_undefined() {
        return Ok(Locale::Ko);
    }
    let tag = string_arg(&value, "options.locale")?;
    Locale::from_tag(&tag).ok_or_else(|| {
        RangeError::new("pccc-guard: options.locale must be \"ko\" or \"en\" (or a tag such as \"en-US\")").into()
    })
}

/// Reads a small whole number option such as `keepStart`.
pub(crate) fn count_option(options: &JsValue, key: &str, default: usize) -> Result<usize, JsValue> {
    let value = option(options, key)?;
    if value.is_undefined() {
        return Ok(default);
    }
    match value.as_f64() {
        Some(n) if (0.0..=64.0).contains(&n) && n == (n as u64) as f64 => Ok(n as usize),
        Some(_) => {
            Err(RangeError::new(&["pccc-guard: options.", key, " must be a whole number from 0 to 64"].concat()).into())
        }
        None => Err(TypeError::new(&["pccc-guard: options.", key, " must be a number"].concat()).into()),
    }
}

pub(crate) fn saturate(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Checks a personal customs clearance code (`P` + 12 digits) after normalising it (full-width characters,
/// spaces, hyphens and invisible characters, lower-case `p`).
///
/// Returns `{ valid: true, value }` with the canonical code to submit, or `{ valid: false, error }` with a
/// stable `code`, a message in Korean (default) or English that never contains the input, and where it
/// applies the UTF-16 `index` of the offending character or the number of digits `found`.
///
/// @example
/// validate("ｐ1234 5678 9012");            // { valid: true, value: "P123456789012" }
/// validate("P12345678901", { locale: "en" }).error.code; // "too_short"
#[wasm_bindgen(unchecked_return_type = "ValidationResult")]
pub fn validate(
    #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
    options: Option<ValidateOptions>,
) -> Result<JsValue, JsValue> {
    let input = string_arg(&input, "input")?;
    #[cfg(feature = "trap-test")]
    if input == "\u{1}halt" {
        core::arch::wasm32::unreachable();
    }
    let locale = locale_option(&options.map_or(JsValue::UNDEFINED, Into::into))?;
    Ok(pccc_result(&input, locale))
}

/// Whether `input` is a valid personal customs clearance code after normalisation. The cheap path for loops:
/// no object or message is built.
///
/// @example
/// isValid(" P123456789012 "); // true
#[wasm_bindgen(js_name = isValid)]
pub fn is_valid(#[wasm_bindgen(unchecked_param_type = "string")] input: JsValue) -> Result<bool, JsValue> {
    Ok(Pccc::is_valid(&string_arg(&input, "input")?))
}

/// Checks many codes at once: `text` holds one code per line (`\n`; a `\r` before it is ignored like any white
/// space). Returns one byte per line, 1 for a valid code and 0 otherwise. For bulk checks (imports, Node
/// scripts): crossing into WebAssembly once for all lines costs far less than once per code.
///
/// @example
/// isValidLines("P123456789012\nP1"); // Uint8Array [1, 0]
#[wasm_bindgen(js_name = isValidLines)]
pub fn is_valid_lines(#[wasm_bindgen(unchecked_param_type = "string")] text: JsValue) -> Result<Vec<u8>, JsValue> {
    let text = string_arg(&text, "text")?;
    Ok(text.split('\n').map(|line| u8::from(Pccc::is_valid(line))).collect())
}

/// Like `validate`, for one code per line of `text`: returns one result per line, in order. Each `index` is
/// relative to the start of its line.
///
/// @example
/// validateLines("P123456789012\nP1", { locale: "en" }).map((r) => r.valid); // [true, false]
#[wasm_bindgen(js_name = validateLines, unchecked_return_type = "ValidationResult[]")]
pub fn validate_lines(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    options: Option<ValidateOptions>,
) -> Result<JsValue, JsValue> {
    let text = string_arg(&text, "text")?;
    let locale = locale_option(&options.map_or(JsValue::UNDEFINED, Into::into))?;
    let out = js_sys::Array::new();
    for line in text.split('\n') {
        out.push(&pccc_result(line, locale));
    }
    Ok(out.into())
}

fn pccc_result(input: &str, locale: Locale) -> JsValue {
    match Pccc::parse(input) {
        Ok(code) => valid_result(code.as_str()),
        Err(err) => invalid_result(err.code(), err.message(locale), err.utf16_index(), err.digits()),
    }
}

/// Applies the normalisation rules only: full-width forms to ASCII; white space, hyphens, dashes and invisible
/// characters dropped; `p` to `P`. Idempotent.
///
/// @example
/// normalize("ｐ１２３ ４"); // "P1234"
#[wasm_bindgen]
pub fn normalize(#[wasm_bindgen(unchecked_param_type = "string")] input: JsValue) -> Result<String, JsValue> {
    Ok(crate::normalize(&string_arg(&input, "input")?))
}

/// Normalises `value` and moves `caret` (a UTF-16 offset, as in `selectionStart`) so that it stays after the
/// same characters. For as-you-type fields, including React and Vue controlled inputs.
///
/// @example
/// normalizeWithCaret("P 12１3", 5); // { value: "P1213", caret: 4 }
#[wasm_bindgen(js_name = normalizeWithCaret, unchecked_return_type = "ValueWithCaret")]
pub fn normalize_with_caret(
    #[wasm_bindgen(unchecked_param_type = "string")] value: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] caret: JsValue,
) -> Result<JsValue, JsValue> {
    let value = string_arg(&value, "value")?;
    let caret = match caret.as_f64() {
        Some(n) if n >= 0.0 && n == (n as u64) as f64 => n as usize,
        Some(_) => return Err(RangeError::new("pccc-guard: caret must be a whole number of at least 0").into()),
        None => return Err(TypeError::new("pccc-guard: caret must be a number").into()),
    };
    let out = crate::normalize_with_caret(&value, caret);
    Ok(with_caret(&out.value, saturate(out.caret)))
}

/// Masks a code for display with one policy: `P` + `keepStart` digits + mask characters + `keepEnd` digits
/// (default `P********9012`). Input that is not a valid code is masked completely, showing only its length.
/// Throws an `Error` (with `code` `"mask_reveals_too_much"` or `"invalid_mask_char"`) for a policy that would
/// reveal more than 6 of the 12 digits or whose mask character is not one visible non-digit character.
///
/// @example
/// mask("P123456789012");                              // "P********9012"
/// mask("P123456789012", { keepStart: 2, maskChar: "•" }); // "P12••••••9012"
#[wasm_bindgen]
pub fn mask(
    #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
    options: Option<MaskOptions>,
) -> Result<String, JsValue> {
    let input = string_arg(&input, "input")?;
    let policy = mask_option(&options.map_or(JsValue::UNDEFINED, Into::into))?;
    policy.apply(&input).map_err(|err| {
        let e = Error::new(&["pccc-guard: ", err.message(Locale::En)].concat());
        // Setting a property on a fresh Error object cannot fail.
        let _ = Reflect::set(&e, &JsValue::from_str("code"), &JsValue::from_str(err.code()));
        e.into()
    })
}

fn mask_option(options: &JsValue) -> Result<Mask, JsValue> {
    let defaults = Mask::new();
    let mut policy = defaults.keep_start(count_option(options, "keepStart", defaults.start())?).keep_end(count_option(
        options,
        "keepEnd",
        defaults.end(),
    )?);
    let fill = option(options, "maskChar")?;
    if !fill.is_undefined() {
        let fill = string_arg(&fill, "options.maskChar")?;
        let mut chars = fill.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => policy = policy.fill(c),
            _ => return Err(RangeError::new("pccc-guard: options.maskChar must be exactly one character").into()),
        }
    }
    Ok(policy)
}
