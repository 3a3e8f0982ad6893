//! The WebAssembly boundary: a few functions over numbers and strings that the package's JavaScript API
//! (`js/api/api.js`) is written on. Not an API for people: argument checking, options and result objects live on
//! the JavaScript side, where they cost far less code and time than through `JsValue`s.
//!
//! Results come back through [`slots`]: a small block of module memory that a call fills and JavaScript reads
//! as a `Uint32Array` right after it. Codes and messages are static strings in the module; their addresses
//! and lengths go in the slots, so JavaScript decodes each text once and keys its cache by address. Values
//! (the canonical form of a valid field) are copied into [`text_buffer`].
//!
//! Everything here is safe Rust: the shared blocks are arrays of atomics, whose addresses Rust hands out
//! without `unsafe`, and input strings arrive through wasm-bindgen's own string passing.

use alloc::string::String;
use alloc::vec::Vec;
use core::sync::atomic::{AtomicU32, AtomicU8, Ordering::Relaxed};

use wasm_bindgen::prelude::wasm_bindgen;

use crate::{find_sensitive, Kind, Kinds, Policies};
use crate::{normalize_with_caret as normalize_caret, Field, FieldError, FieldKind, FieldVisitor, Pccc};
use crate::{Locale, MaskError, PcccMask, PhoneMask};

pub use crate::boundary::{slot, FOUND_CAPACITY, NONE, SLOT_COUNT, TEXT_CAPACITY};

static SLOTS: [AtomicU32; SLOT_COUNT] = [const { AtomicU32::new(0) }; SLOT_COUNT];

static TEXT: [AtomicU8; TEXT_CAPACITY] = [const { AtomicU8::new(0) }; TEXT_CAPACITY];

/// The shipped module's panic handler: trap. The core is written not to panic (property tests and fuzzing check
/// it), and a trap surfaces in JavaScript as a `WebAssembly.RuntimeError`, which the forms layer recovers from.
/// Only in the standalone module: a program that links this crate keeps its own handler, and a debugging build
/// with `debug-panic-hook` keeps std's, which prints the message through the hook.
#[cfg(all(feature = "npm-module", not(feature = "debug-panic-hook")))]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    core::arch::wasm32::unreachable()
}

#[cfg(feature = "debug-panic-hook")]
#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

/// The npm module's allocator: a small free-list allocator instead of the default dlmalloc (about 3 KB less
/// gzipped wasm). Only in the standalone module, never when this crate is a dependency of another program.
#[cfg(feature = "npm-module")]
#[global_allocator]
static ALLOCATOR: lol_alloc::LockedAllocator<lol_alloc::FreeListAllocator> =
    lol_alloc::LockedAllocator::new(lol_alloc::FreeListAllocator::new());

/// Addresses in wasm32's 32-bit memory, and the lengths of things in it, always fit in a `u32`.
fn word(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(NONE)
}

fn set(slot: usize, value: u32) {
    SLOTS[slot].store(value, Relaxed);
}

/// The address of the result slots ([`SLOT_COUNT`] `u32`s; see [`slot`]).
#[wasm_bindgen]
pub fn slots() -> u32 {
    word(SLOTS.as_ptr() as usize)
}

/// The address of the text buffer that valid values are copied into.
#[cfg_attr(not(feature = "text-module"), wasm_bindgen(js_name = textBuffer))]
pub fn text_buffer() -> u32 {
    word(TEXT.as_ptr() as usize)
}

/// Reads the slots back (for tests of this boundary).
pub fn slot_value(slot: usize) -> u32 {
    SLOTS[slot].load(Relaxed)
}

/// Reads the text buffer back (for tests of this boundary).
pub fn text_value(start: usize, len: usize) -> Vec<u8> {
    TEXT[start..start + len].iter().map(|b| b.load(Relaxed)).collect()
}

/// Copies a valid value (and a mobile number's display form after it) into the text buffer.
fn put_value(value: &[u8], display: &[u8]) {
    debug_assert!(value.len() + display.len() <= TEXT_CAPACITY);
    let bytes = value.iter().chain(display).copied();
    for (cell, b) in TEXT.iter().zip(bytes) {
        cell.store(b, Relaxed);
    }
    set(slot::VALUE_LEN, word(value.len()));
    set(slot::DISPLAY_START, word(value.len()));
    set(slot::DISPLAY_LEN, word(display.len()));
}

/// One error, as a record: code, message, index, found.
struct Failure {
    code: &'static str,
    message: &'static str,
    index: Option<usize>,
    found: Option<usize>,
}

impl Failure {
    /// Puts the record in the slots `CODE_PTR` to `FOUND`.
    fn write(&self) {
        let opt = |n: Option<usize>| n.map_or(NONE, |n| word(n).min(NONE - 1));
        let addr = |s: &'static str| word(s.as_ptr() as usize);
        set(slot::CODE_PTR, addr(self.code));
        set(slot::CODE_LEN, word(self.code.len()));
        set(slot::MESSAGE_PTR, addr(self.message));
        set(slot::MESSAGE_LEN, word(self.message.len()));
        set(slot::INDEX, opt(self.index));
        set(slot::FOUND, opt(self.found));
    }
}

fn mask_failure(e: MaskError) -> Failure {
    Failure { code: e.code(), message: e.message(Locale::En), index: None, found: None }
}

fn locale_of(en: bool) -> Locale {
    if en {
        Locale::En
    } else {
        Locale::Ko
    }
}

/// Checks one field (its number, [`FieldKind::id`]). Returns whether it is valid; the value (valid) or the
/// error record (invalid) is in the slots. An unknown field number is reported as invalid with an empty code,
/// which the JavaScript API never sends.
#[cfg_attr(not(feature = "text-module"), wasm_bindgen)]
pub fn check(field: u32, input: &str, en: bool) -> bool {
    #[cfg(feature = "trap-test")]
    if field == FieldKind::Pccc.id() && input == "\u{1}halt" {
        core::arch::wasm32::unreachable();
    }
    let Some(kind) = FieldKind::from_id(field) else {
        Failure { code: "", message: "", index: None, found: None }.write();
        return false;
    };
    kind.visit(Check { input, locale: locale_of(en) })
}

/// [`check`] for one field type.
struct Check<'a> {
    input: &'a str,
    locale: Locale,
}

impl FieldVisitor for Check<'_> {
    type Output = bool;

    fn visit<F: Field>(self) -> bool {
        match F::parse(self.input) {
            Ok(value) => {
                put_value(value.canonical_bytes(), value.display_bytes());
                true
            }
            Err(e) => {
                let failure = Failure {
                    code: e.code(),
                    message: e.message(self.locale),
                    index: e.utf16_index(),
                    found: e.found(),
                };
                failure.write();
                false
            }
        }
    }
}

/// Whether `input` is a valid PCCC: the cheap path, with nothing written to the slots.
#[cfg_attr(not(feature = "text-module"), wasm_bindgen(js_name = isValid))]
pub fn is_valid(input: &str) -> bool {
    Pccc::is_valid(input)
}

/// Normalises `value` and moves the UTF-16 `caret`; the new caret goes in the `CARET` slot.
#[cfg_attr(not(feature = "text-module"), wasm_bindgen(js_name = normalizeWithCaret))]
pub fn normalize_with_caret(value: &str, caret: u32) -> String {
    let out = normalize_caret(value, caret as usize);
    set(slot::CARET, word(out.caret));
    out.value
}

/// Masks `input` as a `field` (its number; a name ignores `start` and `end`). `start` and `end` are the digits
/// kept visible, `fill` the mask character's code point; [`NONE`] asks for the field's default. A refused policy
/// (or a field that has no mask) returns an empty string and puts the `MaskError` record in the slots, with
/// `CODE_LEN` 0 when the policy was accepted.
#[cfg_attr(not(feature = "text-module"), wasm_bindgen)]
pub fn mask(field: u32, input: &str, start: u32, end: u32, fill: u32) -> String {
    set(slot::CODE_LEN, 0);
    let given = |n: u32| (n != NONE).then_some(n as usize);
    let fill = match fill {
        NONE => Ok(None),
        code => char::from_u32(code).map(Some).ok_or(MaskError::InvalidFill),
    };
    let masked = fill.and_then(|fill| {
        FieldKind::from_id(field)
            .and_then(|kind| kind.mask(input, given(start), given(end), fill))
            .unwrap_or(Err(MaskError::NoMask))
    });
    masked.unwrap_or_else(|e| {
        mask_failure(e).write();
        String::new()
    })
}

// ---- Free text: exported by the `text-module` build, a module of its own, so that a page guarding fields never
// downloads the finder (the fields module exports everything above instead) ------------------------------------------

/// The kinds a JavaScript bit set names: bit 0 `pccc`, bit 1 `rrn`, bit 2 `mobile`.
fn kinds_of(bits: u32) -> Kinds {
    Kind::ALL.into_iter().enumerate().filter(|(i, _)| bits & (1 << i) != 0).map(|(_, k)| k).collect()
}

/// Walks a text once, turning ascending byte offsets into UTF-16 offsets.
struct Utf16<'a> {
    chars: core::str::CharIndices<'a>,
    /// The byte offset of `chars`' start in the text.
    base: usize,
    units: usize,
}

impl Utf16<'_> {
    fn at(&mut self, byte: usize) -> u32 {
        while let Some((i, c)) = self.chars.clone().next() {
            if self.base + i >= byte {
                break;
            }
            self.chars.next();
            self.units += c.len_utf16();
        }
        word(self.units)
    }
}

/// Findings of one [`find`] call, three `u32`s each: kind (the bit's index), UTF-16 start, UTF-16 end.
static FOUND: [AtomicU32; 3 * FOUND_CAPACITY] = [const { AtomicU32::new(0) }; 3 * FOUND_CAPACITY];

/// Finds personal numbers of the `kinds` in the bit set in `text`, from byte `from` (whose UTF-16 offset is
/// `from_utf16`; both 0 for the first call). Writes up to 64 findings into the block whose address is in the
/// `FOUND_PTR` slot and returns how many; when the block is full, `NEXT_BYTE` and `NEXT_UTF16` say where the
/// next call goes on.
#[cfg_attr(feature = "text-module", wasm_bindgen)]
pub fn find(text: &str, kinds: u32, from: u32, from_utf16: u32) -> u32 {
    set(slot::FOUND_PTR, word(FOUND.as_ptr() as usize));
    let start = from as usize;
    let mut utf16 =
        Utf16 { chars: text.get(start..).unwrap_or_default().char_indices(), base: start, units: from_utf16 as usize };
    let mut count = 0;
    for f in find_sensitive(text).kinds(kinds_of(kinds)).starting_at(start) {
        let kind = Kind::ALL.iter().position(|k| *k == f.kind).unwrap_or(0);
        for (cell, value) in FOUND[3 * count..].iter().zip([word(kind), utf16.at(f.range.start), utf16.at(f.range.end)])
        {
            cell.store(value, Relaxed);
        }
        count += 1;
        if count == FOUND_CAPACITY {
            set(slot::NEXT_BYTE, word(f.range.end));
            set(slot::NEXT_UTF16, utf16.at(f.range.end));
            break;
        }
    }
    word(count)
}

/// Masks every finding of the `kinds` in `text`: PCCCs and mobile numbers by their policy (`NONE` for a field's
/// default), RRNs completely, with `fill` (`NONE`: `*`). A refused policy returns an empty string and puts the
/// `MaskError` record in the slots, with `CODE_LEN` 0 when the policies were accepted.
#[cfg_attr(feature = "text-module", wasm_bindgen(js_name = redactText))]
pub fn redact_text(
    text: &str,
    kinds: u32,
    pccc_start: u32,
    pccc_end: u32,
    phone_start: u32,
    phone_end: u32,
    fill: u32,
) -> String {
    set(slot::CODE_LEN, 0);
    let or = |n: u32, default: usize| if n == NONE { default } else { n as usize };
    let pccc = PcccMask::new();
    let phone = PhoneMask::new();
    let mut policies = Policies::new()
        .kinds(kinds_of(kinds))
        .pccc(pccc.keep_start(or(pccc_start, pccc.start())).keep_end(or(pccc_end, pccc.end())))
        .phone(phone.keep_start(or(phone_start, phone.start())).keep_end(or(phone_end, phone.end())));
    let result = match fill {
        NONE => Ok(policies),
        code => char::from_u32(code).ok_or(MaskError::InvalidFill).map(|c| {
            policies = policies.rrn_fill(c).pccc(policies.pccc_mask().fill(c)).phone(policies.phone_mask().fill(c));
            policies
        }),
    };
    result.and_then(|p| crate::redact(text, &p).map(|t| t.into_owned())).unwrap_or_else(|e| {
        mask_failure(e).write();
        String::new()
    })
}
