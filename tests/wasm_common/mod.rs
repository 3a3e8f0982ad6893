//! Tests of the WebAssembly boundary (`src/wasm.rs`) as compiled to wasm, shared by `wasm_node.rs` (Node) and
//! `wasm_browser.rs` (headless Chromium): the records the JavaScript API reads must be right in both hosts.
//! The JavaScript API on top of them is tested in `tests/node/` and, in Chromium, `tests/e2e/api.test.mjs`.

use pccc_guard::wasm::{self, slot, NAME, NONE, PCCC, PHONE, POSTCODE};
use pccc_guard::{Locale, MaskError, Name, NameMask, Pccc, PcccMask, Phone, PhoneMask, Postcode};
use wasm_bindgen_test::wasm_bindgen_test;

use crate::common;

/// The static text a slot pair points at: the JavaScript side decodes exactly these bytes.
fn text_at(ptr_slot: usize, len_slot: usize) -> &'static str {
    let (ptr, len) = (wasm::slot_value(ptr_slot) as usize, wasm::slot_value(len_slot) as usize);
    // Compare by address: the slots must point at the very static the error's code() or message() returns.
    ALL_TEXTS
        .with(|all| all.iter().copied().find(|s| s.as_ptr() as usize == ptr && s.len() == len))
        .unwrap_or_else(|| panic!("slots point at no known text: {ptr:#x}+{len}"))
}

thread_local! {
    /// Every code and message the errors of the four fields can return, in both locales.
    static ALL_TEXTS: Vec<&'static str> = all_texts();
}

fn all_texts() -> Vec<&'static str> {
    let mut texts = Vec::new();
    let mut add = |code: &'static str, ko: &'static str, en: &'static str| texts.extend([code, ko, en]);
    for file in [PCCC_VECTORS, PHONE_VECTORS, POSTCODE_VECTORS, NAME_VECTORS] {
        for v in common::vectors(file) {
            if let Err(e) = Pccc::parse(&v.input) {
                add(e.code(), e.message(Locale::Ko), e.message(Locale::En));
            }
            if let Err(e) = Phone::parse(&v.input) {
                add(e.code(), e.message(Locale::Ko), e.message(Locale::En));
            }
            if let Err(e) = Postcode::parse(&v.input) {
                add(e.code(), e.message(Locale::Ko), e.message(Locale::En));
            }
            if let Err(e) = Name::parse(&v.input) {
                add(e.code(), e.message(Locale::Ko), e.message(Locale::En));
            }
        }
    }
    for e in [PcccMask::new().keep_start(6).keep_end(6).check(), PcccMask::new().fill('0').check()] {
        let e = e.expect_err("a refused policy");
        add(e.code(), e.message(Locale::Ko), e.message(Locale::En));
    }
    texts
}

const PCCC_VECTORS: &str = include_str!("../data/pccc_vectors.tsv");
const PHONE_VECTORS: &str = include_str!("../data/phone_vectors.tsv");
const POSTCODE_VECTORS: &str = include_str!("../data/postcode_vectors.tsv");
const NAME_VECTORS: &str = include_str!("../data/name_vectors.tsv");

fn number(slot: usize) -> Option<usize> {
    let n = wasm::slot_value(slot);
    (n != NONE).then_some(n as usize)
}

fn value() -> String {
    String::from_utf8(wasm::text_value(0, wasm::slot_value(slot::VALUE_LEN) as usize)).expect("UTF-8 value")
}

/// Checks `check(field, …)` against the Rust parser's own result for every vector of a file, in both locales.
fn check_field<T, E: Copy>(
    field: u32,
    file: &str,
    parse: impl Fn(&str) -> Result<T, E>,
    canonical: impl Fn(&T) -> String,
    record: impl Fn(&E, Locale) -> (&'static str, &'static str, Option<usize>, Option<usize>),
) {
    for v in common::vectors(file) {
        for (locale, en) in [(Locale::Ko, false), (Locale::En, true)] {
            let valid = wasm::check(field, &v.input, en);
            match parse(&v.input) {
                Ok(parsed) => {
                    assert!(valid, "line {}", v.line);
                    assert_eq!(value(), canonical(&parsed), "line {}", v.line);
                    assert_eq!(Some(value()), v.expected.strip_prefix("valid:").map(str::to_owned), "line {}", v.line);
                }
                Err(e) => {
                    assert!(!valid, "line {}", v.line);
                    let (code, message, index, found) = record(&e, locale);
                    assert_eq!(code, v.expected, "line {}", v.line);
                    assert_eq!(text_at(slot::CODE_PTR, slot::CODE_LEN), code, "line {}", v.line);
                    let got = text_at(slot::MESSAGE_PTR, slot::MESSAGE_LEN);
                    assert!(core::ptr::eq(got, message), "line {}: the message's own static", v.line);
                    assert_eq!(number(slot::INDEX), index, "line {}", v.line);
                    assert_eq!(number(slot::FOUND), found, "line {}", v.line);
                }
            }
        }
    }
}

#[wasm_bindgen_test]
fn check_writes_the_parsers_results_for_every_pccc_vector() {
    check_field(
        PCCC,
        PCCC_VECTORS,
        Pccc::parse,
        |c| c.as_str().to_owned(),
        |e, l| (e.code(), e.message(l), e.utf16_index(), e.digits()),
    );
    for v in common::vectors(PCCC_VECTORS) {
        assert_eq!(wasm::is_valid(&v.input), v.expected.starts_with("valid:"), "line {}", v.line);
    }
}

#[wasm_bindgen_test]
fn check_writes_the_parsers_results_for_every_recipient_field_vector() {
    check_field(
        PHONE,
        PHONE_VECTORS,
        Phone::parse,
        |n| n.as_str().to_owned(),
        |e, l| (e.code(), e.message(l), e.utf16_index(), e.digits()),
    );
    check_field(
        POSTCODE,
        POSTCODE_VECTORS,
        Postcode::parse,
        |c| c.as_str().to_owned(),
        |e, l| (e.code(), e.message(l), e.utf16_index(), e.digits()),
    );
    check_field(
        NAME,
        NAME_VECTORS,
        Name::parse,
        |n| n.as_str().to_owned(),
        |e, l| (e.code(), e.message(l), e.utf16_index(), e.length()),
    );
}

#[wasm_bindgen_test]
fn a_mobile_number_comes_with_its_display_form() {
    assert!(wasm::check(PHONE, "+82 10-1234-5678", false));
    assert_eq!(value(), "01012345678");
    let start = wasm::slot_value(slot::DISPLAY_START) as usize;
    let display = wasm::text_value(start, wasm::slot_value(slot::DISPLAY_LEN) as usize);
    assert_eq!(display, b"010-1234-5678");
}

#[wasm_bindgen_test]
fn the_longest_valid_values_fit_the_text_buffer() {
    let hangul = ["가"; 20].join(" ");
    let latin = format!("A{}", "b".repeat(59));
    for name in [hangul.as_str(), latin.as_str()] {
        let want = Name::parse(name).expect("a valid name at the length limit");
        assert!(wasm::check(NAME, name, false));
        assert_eq!(value(), want.as_str());
    }
}

#[wasm_bindgen_test]
fn masks_follow_the_rust_policies_and_refusals_fill_the_slots() {
    type Case = (u32, &'static str, u32, u32, u32, Result<String, MaskError>);
    let cases: [Case; 6] = [
        (PCCC, "P123456789012", NONE, NONE, NONE, PcccMask::new().apply("P123456789012")),
        (PCCC, "P123456789012", 2, 4, '•' as u32, PcccMask::new().keep_start(2).fill('•').apply("P123456789012")),
        (PCCC, "P123456789012", 4, 4, NONE, PcccMask::new().keep_start(4).apply("P123456789012")),
        (PHONE, "01012345678", 3, 4, NONE, PhoneMask::new().keep_start(3).keep_end(4).apply("01012345678")),
        (NAME, "홍길동", NONE, NONE, '0' as u32, NameMask::new().fill('0').apply("홍길동")),
        (PCCC, "P1", NONE, NONE, 0xD800, Err(MaskError::InvalidFill)),
    ];
    for (field, input, start, end, fill, want) in cases {
        let got = wasm::mask(field, input, start, end, fill);
        match want {
            Ok(masked) => {
                assert_eq!(got, masked);
                assert_eq!(wasm::slot_value(slot::CODE_LEN), 0, "{input:?}: no error");
            }
            Err(e) => {
                assert_eq!(got, "");
                assert_eq!(text_at(slot::CODE_PTR, slot::CODE_LEN), e.code());
                assert_eq!(text_at(slot::MESSAGE_PTR, slot::MESSAGE_LEN), e.message(Locale::En));
            }
        }
    }
}

#[wasm_bindgen_test]
fn normalize_and_caret() {
    assert_eq!(wasm::normalize("ｐ１２３ ４"), "P1234");
    assert_eq!(wasm::normalize_with_caret("P 12１3", 5), "P1213");
    assert_eq!(wasm::slot_value(slot::CARET), 4);
}

#[wasm_bindgen_test]
fn the_shared_blocks_lie_inside_the_module_memory() {
    let memory: js_sys::WebAssembly::Memory = wasm_bindgen::JsCast::unchecked_into(wasm_bindgen::memory());
    let size = js_sys::ArrayBuffer::from(memory.buffer()).byte_length() as usize;
    assert!(wasm::slots() as usize + 10 * 4 <= size);
    assert!(wasm::text_buffer() as usize + 256 <= size);
    assert_eq!(wasm::slots() % 4, 0, "u32-aligned, for a Uint32Array view");
}
