//! Business registration numbers on arbitrary UTF-8, with the invariants that must hold for any input: a valid
//! number is 10 digits whose check digit holds and parses to itself; an error's position is a character
//! boundary; an invalid number's mask reveals no digit; the registry gives the same answer as the type.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pccc_guard::{BusinessNumber, BusinessNumberMask, FieldKind};

fuzz_target!(|data: &[u8]| {
    let Ok(input) = core::str::from_utf8(data) else { return };

    let parsed = BusinessNumber::parse(input);
    match parsed {
        Ok(n) => {
            let digits = n.as_str();
            assert!(digits.len() == 10 && digits.bytes().all(|b| b.is_ascii_digit()));
            let d: Vec<u32> = digits.bytes().map(|b| u32::from(b - b'0')).collect();
            let sum: u32 = d.iter().zip([1, 3, 7, 1, 3, 7, 1, 3, 5]).map(|(d, w)| d * w).sum::<u32>() + d[8] * 5 / 10;
            assert_eq!((10 - sum % 10) % 10, d[9]);
            assert_eq!(n.display().replace('-', ""), digits);
            assert_eq!(BusinessNumber::parse(digits), Ok(n));
            assert_eq!(BusinessNumber::parse(n.display()), Ok(n));
        }
        Err(e) => {
            if let Some(i) = e.index() {
                assert!(input.is_char_boundary(i) && i < input.len());
            }
            let masked = BusinessNumberMask::new().apply(input).unwrap();
            assert!(!masked.chars().any(|c| c.is_ascii_digit()), "invalid numbers reveal no digit");
        }
    }
    let registry = FieldKind::BusinessNumber.check(input);
    assert_eq!(registry.as_ref().map(|v| v.as_str().to_owned()).ok(), parsed.ok().map(|n| n.as_str().to_owned()));
    assert_eq!(registry.err().map(|e| e.code()), parsed.err().map(|e| e.code()));
});
