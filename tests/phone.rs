//! Mobile numbers: a rule table per error code, the vectors in `tests/data/phone_vectors.tsv`, every 3-digit
//! prefix against a plain reading of the numbering plan, messages, masking, and properties.

mod common;

use pccc_guard::{Locale, MaskError, Phone, PhoneError, PhoneMask};

fn err(input: &str) -> PhoneError {
    Phone::parse(input).expect_err(input)
}

fn ok(input: &str) -> Phone {
    Phone::parse(input).unwrap_or_else(|e| panic!("{input:?}: {e:?}"))
}

// ---- Vectors ----------------------------------------------------------------------------------------------------

// ---- Valid forms ----------------------------------------------------------------------------------------------------

#[test]
fn accepted_forms_and_the_two_outputs() {
    for input in [
        "010-1234-5678",
        "01012345678",
        "010 1234 5678",
        "010.1234.5678",
        "+82 10-1234-5678",
        "+82-(0)10-1234-5678",
        "+821012345678",
        "0082 10 1234 5678",
        "０１０－１２３４－５６７８",
    ] {
        let number = ok(input);
        assert_eq!(number.as_str(), "01012345678", "{input:?}");
        assert_eq!(number.display(), "010-1234-5678", "{input:?}");
    }
    let ten = ok("011 123 4567");
    assert_eq!((ten.as_str(), ten.display()), ("0111234567", "011-123-4567"));
}

#[test]
fn mobile_prefixes_and_their_lengths() {
    // (prefix, digits after it that are valid)
    for (prefix, lengths) in
        [("010", &[8][..]), ("011", &[7, 8]), ("016", &[7, 8]), ("017", &[7, 8]), ("018", &[7, 8]), ("019", &[7, 8])]
    {
        for after in 0..12 {
            let input = format!("{prefix}{}", "5".repeat(after));
            let total = 3 + after;
            match Phone::parse(&input) {
                Ok(n) => {
                    assert!(lengths.contains(&after), "{input}");
                    assert_eq!(n.as_str(), input);
                    let groups: Vec<usize> = n.display().split('-').map(str::len).collect();
                    assert_eq!(groups, [3, total - 7, 4], "{input}");
                }
                Err(e) if total < 10 || (prefix == "010" && total < 11) => {
                    assert_eq!(e, PhoneError::TooShort { digits: total }, "{input}")
                }
                Err(e) if total == 13 => assert_eq!(e.code(), "too_long", "{input}: 555… is no date"),
                Err(e) => assert_eq!(e, PhoneError::TooLong { digits: total }, "{input}"),
            }
        }
    }
}

/// The numbering plan read plainly from DOMAIN.md, for 10- and 11-digit numbers.
fn plan(digits: &str) -> &'static str {
    let p3 = &digits[..3];
    let area = |list: &[&str]| list.iter().any(|a| digits.starts_with(a));
    if p3 == "010" {
        if digits.len() == 11 {
            "valid"
        } else {
            "too_short"
        }
    } else if ["011", "016", "017", "018", "019"].contains(&p3) {
        "valid"
    } else if area(&["02", "031", "032", "033", "041", "042", "043", "044", "051", "052", "053", "054", "055"])
        || area(&["061", "062", "063", "064"])
    {
        "landline_number"
    } else if p3 == "070" {
        "voip_number"
    } else if p3 == "050" {
        "virtual_number"
    } else {
        "not_a_mobile_number"
    }
}

#[test]
fn every_three_digit_prefix_agrees_with_the_numbering_plan() {
    for p in 0..1000 {
        for len in [10, 11] {
            let digits = format!("{p:03}{}", "4".repeat(len - 3));
            let got = match Phone::parse(&digits) {
                Ok(_) => "valid",
                Err(e) => e.code(),
            };
            assert_eq!(got, plan(&digits), "{digits}");
            // The same number in international form, where it has a trunk 0 to drop (after +82 a leading 0 is
            // read as that trunk 0, so `00…` has no international form).
            if let Some(national) = digits.strip_prefix('0').filter(|n| !n.starts_with('0')) {
                let intl = Phone::parse(&format!("+82 {national}")).map_err(|e| e.code());
                assert_eq!(
                    intl.map(|n| n.to_string()),
                    Phone::parse(&digits).map(|n| n.to_string()).map_err(|e| e.code())
                );
            }
        }
    }
}

// ---- One table per error code ------------------------------------------------------------------------------------

#[test]
fn empty() {
    for input in ["", " ", "()", "-.-", "\u{200B}\u{3000}\u{A0}", "\t\r\n"] {
        assert_eq!(err(input), PhoneError::Empty, "{input:?}");
    }
}

#[test]
fn invalid_country_code() {
    for input in ["+", "+8", "+1 212 555 0100", "+81 90 1234 5678", "+28 10", "+8-", "+8X", "+ 8 3"] {
        assert_eq!(err(input), PhoneError::InvalidCountryCode, "{input:?}");
    }
    // The country code is checked before the characters after it.
    assert_eq!(err("+1 abc"), PhoneError::InvalidCountryCode);
    assert_eq!(err("+82 10 abc").code(), "invalid_character");
}

#[test]
fn invalid_character_reports_the_first_one_in_the_original_input() {
    let cases: &[(&str, usize, usize)] = &[
        ("010-1234-567X", 12, 12),
        ("O10", 0, 0),
        ("010/1234", 3, 3),
        ("010+1234", 3, 3),
        ("+82 10+1", 6, 6),
        ("０１０#", 9, 3),
        ("\u{1F4DE}010", 0, 0),
        ("010\u{1F4DE}X", 3, 3),
        ("\u{200B}010a", 6, 4),
        ("01\u{0660}", 2, 2),
    ];
    for &(input, index, utf16_index) in cases {
        assert_eq!(err(input), PhoneError::InvalidCharacter { index, utf16_index }, "{input:?}");
        let units: Vec<u16> = input.encode_utf16().collect();
        assert_eq!(String::from_utf16_lossy(&units[..utf16_index]).len(), index, "{input:?}: the offsets agree");
    }
}

#[test]
fn looks_like_rrn_only_for_13_digits_with_a_month_and_day() {
    for input in ["9001011234567", "900101-1234567", "0001011234567", "991231 2345678"] {
        assert_eq!(err(input), PhoneError::LooksLikeRrn, "{input:?}");
    }
    for (input, code) in [
        ("9013011234567", "not_a_mobile_number"), // month 13
        ("9001001234567", "not_a_mobile_number"), // day 00
        ("9001321234567", "not_a_mobile_number"), // day 32
        ("900101123456", "not_a_mobile_number"),  // 12 digits
        ("+82 9001011234567", "not_a_mobile_number"),
    ] {
        assert_eq!(err(input).code(), code, "{input:?}");
    }
    // Nothing in the error or its Debug repeats the number.
    let e = err("900101-1234567");
    assert!(!format!("{e:?} {e}").contains("900101"));
}

#[test]
fn landline_voip_virtual_and_other_numbers() {
    for input in ["02-123-4567", "02-1234-5678", "0212345678", "031-123-4567", "064 123 4567", "+82 2 123 4567", "02"] {
        assert_eq!(err(input), PhoneError::LandlineNumber, "{input:?}");
    }
    for input in ["070-1234-5678", "070", "+82 70 1234 5678"] {
        assert_eq!(err(input), PhoneError::VoipNumber, "{input:?}");
    }
    for block in 0..10 {
        assert_eq!(err(&format!("050{block}-1234-5678")), PhoneError::VirtualNumber);
        assert_eq!(err(&format!("050{block}-123-4567")), PhoneError::VirtualNumber);
    }
    for input in ["080-123-4567", "060-123-4567", "1588-1234", "012-345-6789", "015-123-4567", "1012345678", "03", "1"]
    {
        assert_eq!(err(input), PhoneError::NotAMobileNumber, "{input:?}");
    }
}

#[test]
fn too_short_and_too_long_count_the_domestic_digits() {
    assert_eq!(err("0"), PhoneError::TooShort { digits: 1 });
    assert_eq!(err("01"), PhoneError::TooShort { digits: 2 });
    assert_eq!(err("010-1234-567"), PhoneError::TooShort { digits: 10 });
    assert_eq!(err("+82 10 1234 567"), PhoneError::TooShort { digits: 10 });
    assert_eq!(err("+82"), PhoneError::TooShort { digits: 1 });
    assert_eq!(err("0082"), PhoneError::TooShort { digits: 1 });
    assert_eq!(err("011-12-3456"), PhoneError::TooShort { digits: 9 });
    assert_eq!(err("010-1234-56789"), PhoneError::TooLong { digits: 12 });
    assert_eq!(err("+82 10 1234 56789"), PhoneError::TooLong { digits: 12 });
    assert_eq!(err(&format!("010{}", "7".repeat(10_000))), PhoneError::TooLong { digits: 10_003 });
    assert_eq!(err("010-1234-56789").digits(), Some(12));
}

#[test]
fn from_str_display_and_redacted_debug() {
    let number: Phone = "010-1234-5678".parse().unwrap();
    assert_eq!(number.to_string(), "01012345678");
    assert_eq!(AsRef::<str>::as_ref(&number), "01012345678");
    let debug = format!("{number:?} {:?}", Some(number));
    assert!(!debug.chars().any(|c| c.is_ascii_digit()), "{debug}");
    assert_eq!(format!("{:?}", err("010-1234-567X")), "invalid_character at byte 12 (utf-16 12)");
    assert_eq!(format!("{:?}", err("010")), "too_short (3 digits)");
    let boxed: Box<dyn std::error::Error> = Box::new(err(""));
    assert_eq!(boxed.to_string(), PhoneError::Empty.message(Locale::Ko));
}

// ---- Messages -----------------------------------------------------------------------------------------------------

/// One input per error code, in the order of `CODES`.
const SAMPLES: &[&str] = &[
    "",
    "+1 212",
    "010-1234-567X",
    "900101-1234567",
    "02-123-4567",
    "070-1234-5678",
    "0504-1234-5678",
    "080-123-4567",
    "010-1234",
    "010-1234-56789",
];

#[test]
fn each_error_has_a_distinct_korean_and_english_message_that_echoes_nothing() {
    // Only the rule's own numbers (010, +82, 11): never four digits in a row.
    common::check_messages(SAMPLES, &PhoneError::CODES, 3, |s| {
        let e = err(s);
        assert_eq!(e.to_string(), e.message(Locale::Ko));
        (e.code(), e.message(Locale::Ko), e.message(Locale::En))
    });
}

#[test]
fn messages_carry_the_hints_the_issue_asks_for() {
    assert!(PhoneError::VirtualNumber.message(Locale::En).contains("UNI-PASS never matches"));
    assert!(PhoneError::VirtualNumber.message(Locale::En).contains("real mobile number registered"));
    assert!(PhoneError::VirtualNumber.message(Locale::Ko).contains("UNI-PASS"));
    assert!(PhoneError::LandlineNumber.message(Locale::En).contains("mobile number is required"));
    assert!(PhoneError::LandlineNumber.message(Locale::Ko).contains("휴대전화 번호가 필요합니다"));
}

// ---- Masking ----------------------------------------------------------------------------------------------------

#[test]
fn policies_on_valid_numbers() {
    let cases: &[(PhoneMask, &str, &str)] = &[
        (PhoneMask::new(), "010-1234-****", "011-123-****"),
        (PhoneMask::default(), "010-1234-****", "011-123-****"),
        (PhoneMask::new().keep_start(3), "010-****-****", "011-***-****"),
        (PhoneMask::new().keep_start(3).keep_end(4), "010-****-5678", "01*-***-4567"),
        (PhoneMask::new().keep_start(0).keep_end(4), "***-****-5678", "***-***-4567"),
        (PhoneMask::new().keep_start(0).keep_end(7), "***-*234-5678", "***-*23-4567"),
        (PhoneMask::new().keep_start(0).keep_end(0), "***-****-****", "***-***-****"),
        (PhoneMask::new().fill('•'), "010-1234-••••", "011-123-••••"),
    ];
    for (policy, eleven, ten) in cases {
        assert_eq!(policy.apply("010 1234 5678").unwrap(), *eleven, "{policy:?}");
        assert_eq!(policy.apply("+82 11-123-4567").unwrap(), *ten, "{policy:?}");
        assert_eq!(policy.apply_to(&ok("01012345678")).unwrap(), *eleven);
    }
}

#[test]
fn at_least_four_digits_always_stay_hidden() {
    for start in 0..=7 {
        for end in 0..=7 - start {
            let policy = PhoneMask::new().keep_start(start).keep_end(end);
            for input in ["01012345678", "0111234567"] {
                let masked = policy.apply(input).unwrap();
                let shown = masked.chars().filter(char::is_ascii_digit).count();
                assert!(shown <= input.len() - 4, "{policy:?} {input} -> {masked}");
                assert_eq!(masked.matches('*').count(), input.len() - shown);
            }
        }
    }
}

#[test]
fn a_policy_that_reveals_more_than_seven_digits_is_refused() {
    for (start, end) in [(8, 0), (0, 8), (4, 4), (7, 4), (11, 0), (usize::MAX, 1)] {
        let policy = PhoneMask::new().keep_start(start).keep_end(end);
        let want = MaskError::RevealsTooMuch { revealed: start.saturating_add(end), max: 7 };
        assert_eq!(policy.check(), Err(want));
        assert_eq!(policy.apply("01012345678"), Err(want));
        assert_eq!(policy.apply("nonsense"), Err(want), "refused whatever it is applied to");
    }
    assert_eq!(PhoneMask::MAX_REVEALED, 7);
}

#[test]
fn bad_fill_characters_are_refused() {
    for fill in ['0', '５', ' ', '\u{200B}', '-', '\n'] {
        assert_eq!(PhoneMask::new().fill(fill).apply("01012345678"), Err(MaskError::InvalidFill), "{fill:?}");
    }
}

#[test]
fn invalid_input_reveals_only_its_length() {
    for (input, len) in [
        ("", 0),
        ("02-123-4567", 9),
        ("900101-1234567", 13),
        ("0504-1234-5678", 12),
        ("(010) 1234", 7),
        ("010-1234-567X", 11),
    ] {
        let masked = PhoneMask::new().apply(input).unwrap();
        assert_eq!(masked, "*".repeat(len), "{input:?}");
    }
}

#[test]
fn accessors_report_the_policy() {
    let policy = PhoneMask::new().keep_start(2).keep_end(3).fill('#');
    assert_eq!((policy.start(), policy.end(), policy.fill_char()), (2, 3, '#'));
    const SITE: PhoneMask = PhoneMask::new().keep_start(3).keep_end(4);
    assert_eq!(SITE.apply("01012345678").unwrap(), "010-****-5678");
}

// ---- Properties ----------------------------------------------------------------------------------------------------

#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    fn near_number() -> impl Strategy<Value = String> {
        let c = prop_oneof![
            6 => proptest::char::range('0', '9'),
            1 => prop::sample::select(vec!['+', '-', ' ', '(', ')', '.', '\u{200B}', '０', '８', 'O', 'X', '가', '😀']),
            1 => any::<char>(),
        ];
        prop_oneof![
            4 => prop::collection::vec(c, 0..20).prop_map(|v| v.into_iter().collect::<String>()),
            1 => "(\\+82|0082)? ?0?1[016-9][ -]?[0-9]{3,4}[ -]?[0-9]{4}",
            1 => any::<String>(),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 4096, ..ProptestConfig::default() })]

        #[test]
        fn valid_means_canonical_and_reparses(input in near_number()) {
            if let Ok(number) = Phone::parse(&input) {
                let s = number.as_str();
                prop_assert!(s.starts_with("01") && (s.len() == 10 || s.len() == 11));
                prop_assert!(s.bytes().all(|b| b.is_ascii_digit()));
                prop_assert_eq!(number.display().replace('-', ""), s);
                prop_assert_eq!(Phone::parse(s), Ok(number));
                prop_assert_eq!(Phone::parse(number.display()), Ok(number));
            }
            prop_assert_eq!(Phone::is_valid(&input), Phone::parse(&input).is_ok());
        }

        #[test]
        fn positions_point_at_a_character_of_the_input(input in near_number()) {
            if let Err(e) = Phone::parse(&input) {
                if let (Some(byte), Some(utf16)) = (e.index(), e.utf16_index()) {
                    prop_assert!(input.is_char_boundary(byte) && byte < input.len());
                    let units: Vec<u16> = input.encode_utf16().collect();
                    prop_assert_eq!(String::from_utf16(&units[..utf16]).unwrap().len(), byte);
                }
            }
        }

        #[test]
        fn masking_reveals_at_most_the_policy(input in near_number(), start in 0usize..9, end in 0usize..9) {
            let policy = PhoneMask::new().keep_start(start).keep_end(end).fill('•');
            match (policy.apply(&input), Phone::parse(&input)) {
                (Err(_), _) => prop_assert!(start + end > PhoneMask::MAX_REVEALED),
                (Ok(masked), Ok(number)) => {
                    let shown: String = masked.chars().filter(char::is_ascii_digit).collect();
                    prop_assert!(shown.len() <= (start + end).min(number.as_str().len() - 4));
                    prop_assert_eq!(masked.chars().filter(|&c| c != '-').count(), number.as_str().len());
                }
                (Ok(masked), Err(_)) => prop_assert!(masked.chars().all(|c| c == '•')),
            }
        }
    }
}
