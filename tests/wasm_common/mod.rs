//! Tests of the WebAssembly boundary (`src/wasm/exports.rs`) as compiled to wasm, shared by `wasm_node.rs` (Node) and
//! `wasm_browser.rs` (headless Chromium): the records the JavaScript API reads must be right in both hosts.
//! The JavaScript API on top of them is tested in `tests/node/` and, in Chromium, `tests/e2e/api.test.mjs`.

use pccc_guard::wasm::{self, slot, NONE};
use pccc_guard::{BusinessNumberMask, FieldKind, Locale, MaskError, Name, NameMask, PcccMask, PhoneMask};
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
    /// Every code and message the errors of every field can return, in both locales.
    static ALL_TEXTS: Vec<&'static str> = all_texts();
}

fn all_texts() -> Vec<&'static str> {
    let mut texts = Vec::new();
    for kind in FieldKind::ALL {
        for m in kind.messages() {
            texts.extend([m.code(), m.text(Locale::Ko), m.text(Locale::En)]);
        }
    }
    for e in
        [PcccMask::new().keep_start(6).keep_end(6).check(), PcccMask::new().fill('0').check(), Err(MaskError::NoMask)]
    {
        let e = e.expect_err("a refused policy");
        texts.extend([e.code(), e.message(Locale::Ko), e.message(Locale::En)]);
    }
    texts
}

/// Every field's vectors (a wasm test cannot read files), from the registry.
const VECTORS: [(FieldKind, &str); FieldKind::ALL.len()] = pccc_guard::field_vectors!();

fn number(slot: usize) -> Option<usize> {
    let n = wasm::slot_value(slot);
    (n != NONE).then_some(n as usize)
}

fn value() -> String {
    String::from_utf8(wasm::text_value(0, wasm::slot_value(slot::VALUE_LEN) as usize)).expect("UTF-8 value")
}

fn display() -> String {
    let start = wasm::slot_value(slot::DISPLAY_START) as usize;
    String::from_utf8(wasm::text_value(start, wasm::slot_value(slot::DISPLAY_LEN) as usize)).expect("UTF-8 display")
}

#[wasm_bindgen_test]
fn every_field_has_its_vectors_here() {
    let kinds: Vec<FieldKind> = VECTORS.iter().map(|(k, _)| *k).collect();
    assert_eq!(kinds, FieldKind::ALL);
}

#[wasm_bindgen_test]
fn check_writes_the_parsers_results_for_every_vector_of_every_field() {
    for (kind, file) in VECTORS {
        for v in common::vectors(file) {
            for (locale, en) in [(Locale::Ko, false), (Locale::En, true)] {
                let valid = wasm::check(kind.id(), &v.input, en);
                match kind.check(&v.input) {
                    Ok(parsed) => {
                        assert!(valid, "{kind:?} line {}", v.line);
                        assert_eq!(value(), parsed.as_str(), "{kind:?} line {}", v.line);
                        assert_eq!(
                            Some(value()),
                            v.expected.strip_prefix("valid:").map(str::to_owned),
                            "line {}",
                            v.line
                        );
                        assert_eq!(display(), parsed.display().unwrap_or_default(), "{kind:?} line {}", v.line);
                    }
                    Err(e) => {
                        assert!(!valid, "{kind:?} line {}", v.line);
                        assert_eq!(e.code(), v.expected, "{kind:?} line {}", v.line);
                        assert_eq!(text_at(slot::CODE_PTR, slot::CODE_LEN), e.code(), "{kind:?} line {}", v.line);
                        let got = text_at(slot::MESSAGE_PTR, slot::MESSAGE_LEN);
                        assert!(
                            core::ptr::eq(got, e.message(locale)),
                            "{kind:?} line {}: the message's own static",
                            v.line
                        );
                        assert_eq!(number(slot::INDEX), e.utf16_index(), "{kind:?} line {}", v.line);
                        assert_eq!(number(slot::FOUND), e.found(), "{kind:?} line {}", v.line);
                    }
                }
            }
        }
    }
    for v in common::vectors(VECTORS[0].1) {
        assert_eq!(wasm::is_valid(&v.input), v.expected.starts_with("valid:"), "line {}", v.line);
    }
}

#[wasm_bindgen_test]
fn a_mobile_number_comes_with_its_display_form() {
    assert!(wasm::check(FieldKind::Phone.id(), "+82 10-1234-5678", false));
    assert_eq!(value(), "01012345678");
    assert_eq!(display(), "010-1234-5678");
    assert!(wasm::check(FieldKind::BusinessNumber.id(), "1248100998", false));
    assert_eq!((value(), display()), ("1248100998".to_owned(), "124-81-00998".to_owned()));
}

#[wasm_bindgen_test]
fn the_longest_valid_values_fit_the_text_buffer() {
    let hangul = ["가"; 20].join(" ");
    let latin = format!("A{}", "b".repeat(59));
    for name in [hangul.as_str(), latin.as_str()] {
        let want = Name::parse(name).expect("a valid name at the length limit");
        assert!(wasm::check(FieldKind::Name.id(), name, false));
        assert_eq!(value(), want.as_str());
    }
}

#[wasm_bindgen_test]
fn masks_follow_the_rust_policies_and_refusals_fill_the_slots() {
    type Case = (u32, &'static str, u32, u32, u32, Result<String, MaskError>);
    let (pccc, phone, name, brn) =
        (FieldKind::Pccc.id(), FieldKind::Phone.id(), FieldKind::Name.id(), FieldKind::BusinessNumber.id());
    let cases: [Case; 8] = [
        (pccc, "P123456789012", NONE, NONE, NONE, PcccMask::new().apply("P123456789012")),
        (pccc, "P123456789012", 2, 4, '•' as u32, PcccMask::new().keep_start(2).fill('•').apply("P123456789012")),
        (pccc, "P123456789012", 4, 4, NONE, PcccMask::new().keep_start(4).apply("P123456789012")),
        (phone, "01012345678", 3, 4, NONE, PhoneMask::new().keep_start(3).keep_end(4).apply("01012345678")),
        (name, "홍길동", NONE, NONE, '0' as u32, NameMask::new().fill('0').apply("홍길동")),
        (pccc, "P1", NONE, NONE, 0xD800, Err(MaskError::InvalidFill)),
        (brn, "1248100998", NONE, NONE, NONE, BusinessNumberMask::new().apply("1248100998")),
        (FieldKind::Postcode.id(), "03154", NONE, NONE, NONE, Err(MaskError::NoMask)),
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
    assert_eq!(wasm::normalize_with_caret("ｐ１２３ ４", 0), "P1234");
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
