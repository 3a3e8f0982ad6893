//! Every PCCC entry point on arbitrary UTF-8, with the invariants that must hold for any input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pccc_guard::{normalize, normalize_with_caret, PcccMask, Pccc};

fuzz_target!(|data: &[u8]| {
    let Ok(input) = core::str::from_utf8(data) else { return };
    let parsed = Pccc::parse(input);
    let normalized = normalize(input);
    assert_eq!(normalize(&normalized), normalized);
    assert_eq!(Pccc::parse(&normalized).map_err(|e| e.code()), parsed.map_err(|e| e.code()));
    if let Ok(code) = parsed {
        let s = code.as_str();
        assert!(s.len() == 13 && s.starts_with('P') && s[1..].bytes().all(|b| b.is_ascii_digit()));
    }
    if let Err(e) = parsed {
        if let Some(i) = e.index() {
            assert!(input.is_char_boundary(i) && i < input.len());
        }
    }
    let caret = data.first().map_or(0, |&b| b as usize);
    let out = normalize_with_caret(input, caret);
    assert!(out.caret <= out.value.encode_utf16().count());
    let masked = PcccMask::new().keep_start(2).apply(input).unwrap();
    if parsed.is_err() {
        assert!(masked.chars().all(|c| c == '*'));
    }
});
