//! The classification rules, a table per error code, with the details each error reports.

use pccc_guard::{Pccc, PcccError};

fn err(input: &str) -> PcccError {
    Pccc::parse(input).expect_err(input)
}

#[test]
fn empty() {
    for input in ["", " ", "\u{200B}", "-", "\u{3000}\u{00A0}\t\n", "－－"] {
        assert_eq!(err(input), PcccError::Empty, "{input:?}");
    }
}

#[test]
fn looks_like_rrn_only_for_13_digits_with_a_month_and_day() {
    for input in ["9001011234567", "0001011234567", "9912311234567", "850615-2345678", "8506152345678 "] {
        assert_eq!(err(input), PcccError::LooksLikeRrn, "{input:?}");
    }
    // Month and day bounds, each side.
    for (input, code) in [
        ("9000151234567", "missing_prefix"),  // month 00
        ("9001151234567", "looks_like_rrn"),  // month 01
        ("9012151234567", "looks_like_rrn"),  // month 12
        ("9013151234567", "missing_prefix"),  // month 13
        ("9006001234567", "missing_prefix"),  // day 00
        ("9006011234567", "looks_like_rrn"),  // day 01
        ("9006311234567", "looks_like_rrn"),  // day 31
        ("9006321234567", "missing_prefix"),  // day 32
        ("900601123456", "missing_prefix"),   // 12 digits
        ("90060112345678", "missing_prefix"), // 14 digits
    ] {
        assert_eq!(err(input).code(), code, "{input:?}");
    }
}

#[test]
fn the_rrn_message_never_contains_the_number() {
    let e = err("900101-1234567");
    for locale in [pccc_guard::Locale::Ko, pccc_guard::Locale::En] {
        let m = e.message(locale);
        assert!(!m.chars().any(|c| c.is_ascii_digit()), "{m}");
    }
    assert!(!format!("{e:?}").contains("900101"));
}

#[test]
fn missing_prefix() {
    for input in ["1", "123456789012", "12345P", "1a", "0P123456789012"] {
        assert_eq!(err(input), PcccError::MissingPrefix, "{input:?}");
    }
}

#[test]
fn invalid_prefix_reports_where_the_letter_is() {
    assert_eq!(err("A123456789012"), PcccError::InvalidPrefix { index: 0, utf16_index: 0 });
    assert_eq!(err("  Q1"), PcccError::InvalidPrefix { index: 2, utf16_index: 2 });
    // Full-width B after a zero-width space: byte 3, UTF-16 index 1.
    assert_eq!(err("\u{200B}Ｂ1"), PcccError::InvalidPrefix { index: 3, utf16_index: 1 });
    assert_eq!(err("z").code(), "invalid_prefix");
}

#[test]
fn invalid_character_reports_the_first_one_in_the_original_input() {
    let cases: &[(&str, usize, usize, Option<char>)] = &[
        ("#P123", 0, 0, None),
        ("P12345678901O", 12, 12, Some('0')),
        ("P1234o", 5, 5, Some('0')),
        ("P1I", 2, 2, Some('1')),
        ("P1l", 2, 2, Some('1')),
        ("P1L", 2, 2, None),
        ("P1x#", 2, 2, None),
        ("P 1 2 #", 6, 6, None),
        // Positions count the original characters, including dropped and multi-byte ones.
        ("Ｐ１２#", 9, 3, None),
        ("P\u{1D7CE}1", 1, 1, None),
        ("P\u{1D7CE}O", 1, 1, None),
        ("P𝐏𝐏O", 1, 1, None),
        ("\u{1F600}P", 0, 0, None),
        ("P12\u{1F600}O", 3, 3, None),
        ("P12\u{200B}\u{1F600}", 6, 4, None),
    ];
    for &(input, index, utf16_index, suggestion) in cases {
        assert_eq!(err(input), PcccError::InvalidCharacter { index, utf16_index, suggestion }, "{input:?}");
        assert!(input.is_char_boundary(index), "{input:?}: byte index on a character boundary");
        let utf16: Vec<u16> = input.encode_utf16().collect();
        assert_eq!(String::from_utf16_lossy(&utf16[..utf16_index]).len(), index, "{input:?}: the two offsets agree");
    }
}

#[test]
fn too_short_and_too_long_count_the_digits() {
    for n in 0..12 {
        let input = format!("P{}", "7".repeat(n));
        assert_eq!(err(&input), PcccError::TooShort { digits: n });
        assert_eq!(err(&input).digits(), Some(n));
    }
    for n in [13, 14, 100, 10_000] {
        let input = format!("P{}", "7".repeat(n));
        assert_eq!(err(&input), PcccError::TooLong { digits: n });
    }
}

#[test]
fn an_invalid_character_outranks_the_length() {
    assert_eq!(err("P1O").code(), "invalid_character");
    assert_eq!(err("P12345678901234O").code(), "invalid_character");
}

#[test]
fn valid_codes_have_no_checksum_and_any_digits() {
    // Every last digit is accepted for the same 11 digits: nothing checks it.
    for last in 0..10 {
        let code = Pccc::parse(&format!("P12345678901{last}")).unwrap();
        assert_eq!(code.as_str(), format!("P12345678901{last}"));
        assert_eq!(code.digits().len(), 12);
    }
    // Every first digit, including 0 and 7-9, which a regex seen in the wild rejects.
    for first in 0..10 {
        assert!(Pccc::is_valid(&format!("P{first}23456789012")));
    }
}

#[test]
fn from_str_display_and_redacted_debug() {
    let code: Pccc = "p 1234 5678 9012".parse().unwrap();
    assert_eq!(code.to_string(), "P123456789012");
    assert_eq!(code.as_ref() as &str, "P123456789012");
    let debug = format!("{code:?} {:?}", Some(code));
    assert!(!debug.chars().any(|c| c.is_ascii_digit()), "{debug}");
    let e = err("P1234567890123");
    assert_eq!(format!("{e:?}"), "too_long (13 digits)");
    assert_eq!(e.to_string(), e.message(pccc_guard::Locale::Ko));
    let boxed: Box<dyn std::error::Error> = Box::new(e);
    assert!(!boxed.to_string().is_empty());
}
