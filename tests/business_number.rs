//! Business registration numbers: a rule table per error code, the check digit against a plain reading of the
//! National Tax Service rule, messages, masking, and properties. (The vectors, with public numbers, are checked
//! for every field alike in tests/vectors.rs.)

mod common;

use pccc_guard::{BusinessNumber, BusinessNumberError, BusinessNumberMask, Locale, MaskError};

fn err(input: &str) -> BusinessNumberError {
    BusinessNumber::parse(input).expect_err(input)
}

/// The naive reference: the rule as the National Tax Service states it, on a string of 10 ASCII digits.
fn naive_check(digits: &str) -> bool {
    let d: Vec<u32> = digits.bytes().map(|b| u32::from(b - b'0')).collect();
    let weights = [1, 3, 7, 1, 3, 7, 1, 3, 5];
    let sum: u32 = d.iter().zip(weights).map(|(d, w)| d * w).sum::<u32>() + d[8] * 5 / 10;
    (10 - sum % 10) % 10 == d[9]
}

#[test]
fn exactly_one_last_digit_is_right_for_every_first_nine() {
    for head in ["000000000", "124810099", "220816251", "999999999", "123456789", "505050505"] {
        let good: Vec<u8> =
            (b'0'..=b'9').filter(|&c| BusinessNumber::is_valid(&format!("{head}{}", c as char))).collect();
        assert_eq!(good.len(), 1, "{head}");
        assert!(naive_check(&format!("{head}{}", good[0] as char)));
    }
}

#[test]
fn each_rule() {
    assert_eq!(err(""), BusinessNumberError::Empty);
    assert_eq!(err(" - "), BusinessNumberError::Empty);
    assert_eq!(err("124-8l-00998"), BusinessNumberError::InvalidCharacter { index: 5, utf16_index: 5 });
    assert_eq!(err("１２#"), BusinessNumberError::InvalidCharacter { index: 6, utf16_index: 2 });
    assert_eq!(err("900101-1234567"), BusinessNumberError::LooksLikeRrn);
    assert_eq!(err("124-81-0099"), BusinessNumberError::TooShort { digits: 9 });
    assert_eq!(err("1".repeat(1000).as_str()), BusinessNumberError::TooLong { digits: 1000 });
    assert_eq!(err("124-81-00999"), BusinessNumberError::InvalidCheckDigit);
}

#[test]
fn from_str_display_and_redacted_debug() {
    let brn: BusinessNumber = "124 81 00998".parse().unwrap();
    assert_eq!(brn.to_string(), "1248100998");
    assert_eq!(brn.display(), "124-81-00998");
    assert_eq!(format!("{brn:?}"), "BusinessNumber(***-**-*****)");
    assert_eq!(format!("{:?}", err("124-81-0099")), "too_short (9 digits)");
    assert_eq!(format!("{:?}", err("12#")), "invalid_character at byte 2 (utf-16 2)");
}

/// One input per error code, in the order of `CODES`.
const SAMPLES: &[&str] = &["", "12#", "900101-1234567", "12481", "12481009981", "1248100999"];

#[test]
fn each_error_has_a_distinct_korean_and_english_message_that_echoes_nothing() {
    common::check_messages(SAMPLES, &BusinessNumberError::CODES, 2, |s| {
        let e = err(s);
        (e.code(), e.message(Locale::Ko), e.message(Locale::En))
    });
}

#[test]
fn masking() {
    assert_eq!(BusinessNumberMask::new().apply("1248100998").unwrap(), "124-81-*****");
    assert_eq!(
        BusinessNumberMask::new().keep_start(0).keep_end(3).fill('•').apply("124-81-00998").unwrap(),
        "•••-••-••998"
    );
    // At least three digits stay hidden, whatever the policy keeps.
    assert_eq!(BusinessNumberMask::new().keep_start(4).keep_end(3).apply("1248100998").unwrap(), "124-8*-**998");
    assert_eq!(
        BusinessNumberMask::new().keep_start(5).keep_end(3).apply("1248100998"),
        Err(MaskError::RevealsTooMuch { revealed: 8, max: 7 })
    );
    // Not a valid number: everything hidden, only the length shows.
    assert_eq!(BusinessNumberMask::new().apply("124-81-00999").unwrap(), "**********");
}

#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 4096, ..ProptestConfig::default() })]

        #[test]
        fn valid_means_ten_digits_with_the_check_digit(input in prop_oneof!["[0-9 -]{0,16}", "[0-9]{10}", "\\PC{0,14}", any::<String>()]) {
            let kept = pccc_guard::normalize(&input);
            let naive = kept.len() == 10 && kept.bytes().all(|b| b.is_ascii_digit()) && naive_check(&kept);
            prop_assert_eq!(BusinessNumber::is_valid(&input), naive);
            if let Ok(brn) = BusinessNumber::parse(&input) {
                prop_assert_eq!(brn.as_str(), kept.as_str());
                prop_assert_eq!(brn.display().replace('-', ""), kept);
            }
        }

        #[test]
        fn a_mask_never_shows_more_than_its_policy(digits in "[0-9]{9}", start in 0usize..6, end in 0usize..6) {
            let last = (0..=9).find(|c| naive_check(&format!("{digits}{c}"))).unwrap();
            let brn = format!("{digits}{last}");
            if let Ok(masked) = BusinessNumberMask::new().keep_start(start).keep_end(end).apply(&brn) {
                let shown = masked.chars().filter(char::is_ascii_digit).count();
                prop_assert!(shown <= (start + end).min(7));
            }
        }
    }
}
