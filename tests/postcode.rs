//! Postcodes: a rule table per error code, the vectors in `tests/data/postcode_vectors.tsv`, messages and
//! properties.

mod common;

use pccc_guard::{Locale, Postcode, PostcodeError};

fn err(input: &str) -> PostcodeError {
    Postcode::parse(input).expect_err(input)
}

#[test]
fn every_province_prefix() {
    for area in 0..100u32 {
        let input = format!("{area:02}345");
        match Postcode::parse(&input) {
            Ok(code) => {
                assert!((1..=63).contains(&area), "{input}");
                assert_eq!(code.as_str(), input);
            }
            Err(e) => {
                assert!(area == 0 || area > 63, "{input}");
                assert_eq!(e, PostcodeError::InvalidArea);
            }
        }
    }
}

#[test]
fn empty() {
    for input in ["", " ", "-", "\u{200B}\u{3000}\u{A0}\t\n"] {
        assert_eq!(err(input), PostcodeError::Empty, "{input:?}");
    }
}

#[test]
fn invalid_character_reports_the_first_one_in_the_original_input() {
    let cases: &[(&str, usize, usize)] = &[
        ("0452A", 4, 4),
        ("O4524", 0, 0),
        ("(04524)", 0, 0),
        ("０１#", 6, 2),
        ("우04524", 0, 0),
        ("0\u{1F3E0}4", 1, 1),
    ];
    for &(input, index, utf16_index) in cases {
        assert_eq!(err(input), PostcodeError::InvalidCharacter { index, utf16_index }, "{input:?}");
    }
}

#[test]
fn looks_like_rrn_old_postcode_and_lengths() {
    assert_eq!(err("900101-1234567"), PostcodeError::LooksLikeRrn);
    assert_eq!(err("9013011234567"), PostcodeError::TooLong { digits: 13 });
    assert_eq!(err("123-456"), PostcodeError::OldPostcode);
    assert_eq!(err("100 011"), PostcodeError::OldPostcode);
    for n in 1..5 {
        assert_eq!(err(&"1".repeat(n)), PostcodeError::TooShort { digits: n });
    }
    for n in [7, 8, 12, 14, 1000] {
        assert_eq!(err(&"1".repeat(n)), PostcodeError::TooLong { digits: n });
    }
    assert_eq!(err("1234").digits(), Some(4));
}

#[test]
fn from_str_display_and_redacted_debug() {
    let code: Postcode = " 0 4 5 2 4 ".parse().unwrap();
    assert_eq!(code.to_string(), "04524");
    assert_eq!(AsRef::<str>::as_ref(&code), "04524");
    assert_eq!(format!("{code:?}"), "Postcode(*****)");
    assert_eq!(format!("{:?}", err("0452A")), "invalid_character at byte 4 (utf-16 4)");
    assert_eq!(format!("{:?}", err("045")), "too_short (3 digits)");
    let boxed: Box<dyn std::error::Error> = Box::new(err("123-456"));
    assert_eq!(boxed.to_string(), PostcodeError::OldPostcode.message(Locale::Ko));
}

/// One input per error code, in the order of `CODES`.
const SAMPLES: &[&str] = &["", "0452A", "900101-1234567", "123-456", "0452", "1234567", "99999"];

#[test]
fn each_error_has_a_distinct_korean_and_english_message_that_echoes_nothing() {
    common::check_messages(SAMPLES, &PostcodeError::CODES, 2, |s| {
        let e = err(s);
        (e.code(), e.message(Locale::Ko), e.message(Locale::En))
    });
    assert!(PostcodeError::OldPostcode.message(Locale::En).contains("look up the new 5-digit one"));
    assert!(PostcodeError::OldPostcode.message(Locale::Ko).contains("새 5자리 우편번호"));
}

#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2048, ..ProptestConfig::default() })]

        #[test]
        fn valid_means_five_digits_from_a_province(input in prop_oneof!["[0-9 -]{0,16}", "\\PC{0,12}", any::<String>()]) {
            // The naive reference: drop what normalize drops, then check the digits.
            let kept = pccc_guard::normalize(&input);
            let naive = kept.len() == 5 && kept.bytes().all(|b| b.is_ascii_digit()) && (1..=63).contains(&kept[..2].parse::<u8>().unwrap());
            prop_assert_eq!(Postcode::is_valid(&input), naive);
            if let Ok(code) = Postcode::parse(&input) {
                prop_assert_eq!(code.as_str(), kept.as_str());
            }
        }
    }
}
