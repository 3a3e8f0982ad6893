//! Recipient names: a rule table per error code, the vectors in `tests/data/name_vectors.tsv`, the name
//! normalisation, messages, masking and properties.

mod common;

use pccc_guard::{Locale, MaskError, Name, NameError, NameMask, NameScript};

fn err(input: &str) -> NameError {
    Name::parse(input).expect_err(input)
}

fn ok(input: &str) -> Name {
    Name::parse(input).unwrap_or_else(|e| panic!("{input:?}: {e:?}"))
}

// ---- Normalisation ------------------------------------------------------------------------------------------------

#[test]
fn white_space_becomes_one_space_and_invisible_characters_vanish() {
    for space in [
        '\t', '\n', '\r', '\u{B}', '\u{C}', '\u{A0}', '\u{2000}', '\u{2005}', '\u{200A}', '\u{202F}', '\u{205F}',
        '\u{3000}',
    ] {
        assert_eq!(ok(&format!("{space}Kim{space}{space}Minsu{space}")).as_str(), "Kim Minsu", "{space:?}");
    }
    for invisible in [
        '\u{AD}', '\u{200B}', '\u{200C}', '\u{200D}', '\u{200E}', '\u{200F}', '\u{202A}', '\u{202E}', '\u{2060}',
        '\u{2064}', '\u{FEFF}',
    ] {
        assert_eq!(ok(&format!("{invisible}Ki{invisible}m")).as_str(), "Kim", "{invisible:?}");
        assert_eq!(ok(&format!("홍{invisible}길동")).as_str(), "홍길동", "{invisible:?}");
    }
}

#[test]
fn dashes_and_apostrophes_become_ascii_and_case_is_kept() {
    for dash in [
        '-', '\u{2010}', '\u{2011}', '\u{2012}', '\u{2013}', '\u{2014}', '\u{2015}', '\u{2212}', '\u{FE63}', '\u{FF0D}',
    ] {
        assert_eq!(ok(&format!("Anne{dash}Marie")).as_str(), "Anne-Marie", "{dash:?}");
    }
    for quote in ['\'', '\u{2018}', '\u{2019}', '\u{2BC}', '\u{FF07}'] {
        assert_eq!(ok(&format!("O{quote}Neil")).as_str(), "O'Neil", "{quote:?}");
    }
    // The code rules upper-case p; a name does not.
    assert_eq!(ok("pete park").as_str(), "pete park");
    assert_eq!(ok("ｐｅｔｅ").as_str(), "pete");
    assert_eq!(ok("Ｐｅｔｅ").as_str(), "Pete");
}

#[test]
fn decomposed_hangul_is_composed() {
    // 한 = ᄒ ᅡ ᆫ, 가 = ᄀ ᅡ (no final), 윤 = ᄋ ᅲ ᆫ
    assert_eq!(ok("\u{1112}\u{1161}\u{11AB}\u{1100}\u{1161}").as_str(), "한가");
    assert_eq!(ok("\u{110B}\u{1172}\u{11AB} \u{1100}\u{1161}").as_str(), "윤 가");
    // A precomposed syllable without a final consonant followed by a final jamo.
    assert_eq!(ok("가\u{11A8}나").as_str(), "각나");
    // A lone leading consonant or a vowel without a consonant stays a jamo, which is refused.
    assert_eq!(err("\u{1112}홍길").code(), "invalid_character");
    assert_eq!(err("홍\u{1161}").code(), "invalid_character");
}

// ---- One table per error code ------------------------------------------------------------------------------------

#[test]
fn empty() {
    for input in ["", " ", "\u{200B}", "\u{3000}\u{A0}\t\n"] {
        assert_eq!(err(input), NameError::Empty, "{input:?}");
    }
}

#[test]
fn looks_like_rrn_only_for_13_digits_with_a_month_and_day_and_nothing_else() {
    for input in ["9001011234567", "900101-1234567", "900101 1234567", "９００１０１－１２３４５６７"] {
        assert_eq!(err(input), NameError::LooksLikeRrn, "{input:?}");
    }
    for input in ["9013011234567", "900101123456", "홍900101-1234567", "900101.1234567"] {
        assert_eq!(err(input).code(), "contains_digits", "{input:?}");
    }
}

#[test]
fn contains_digits_and_invalid_character_report_the_first_one() {
    let cases: &[(&str, NameError)] = &[
        ("홍길동2", NameError::ContainsDigits { index: 9, utf16_index: 3 }),
        ("Kim 1", NameError::ContainsDigits { index: 4, utf16_index: 4 }),
        ("😀1", NameError::ContainsDigits { index: 4, utf16_index: 2 }),
        ("ㅎㄱㄷ", NameError::InvalidCharacter { index: 0, utf16_index: 0 }),
        ("José", NameError::InvalidCharacter { index: 3, utf16_index: 3 }),
        ("홍길동😀!", NameError::InvalidCharacter { index: 9, utf16_index: 3 }),
        (" \u{200B}Kim_Minsu", NameError::InvalidCharacter { index: 7, utf16_index: 5 }),
        ("홍-길동", NameError::InvalidCharacter { index: 3, utf16_index: 1 }),
        ("홍길동.", NameError::InvalidCharacter { index: 9, utf16_index: 3 }),
        ("- '.", NameError::InvalidCharacter { index: 0, utf16_index: 0 }),
    ];
    for (input, want) in cases {
        let got = err(input);
        assert_eq!(got, *want, "{input:?}");
        let (byte, utf16) = (got.index().unwrap(), got.utf16_index().unwrap());
        let units: Vec<u16> = input.encode_utf16().collect();
        assert_eq!(String::from_utf16_lossy(&units[..utf16]).len(), byte, "{input:?}: the offsets agree");
    }
}

#[test]
fn mixed_scripts() {
    for input in ["홍Gildong", "Hong 길동", "Kim 민수", "김 Minsu-Lee"] {
        assert_eq!(err(input), NameError::MixedScripts, "{input:?}");
    }
}

#[test]
fn length_bounds() {
    assert_eq!(err("김"), NameError::TooShort { length: 1 });
    assert_eq!(err("J"), NameError::TooShort { length: 1 });
    assert_eq!(err("J. '"), NameError::TooShort { length: 1 });
    assert!(Name::is_valid("김구"));
    assert!(Name::is_valid("Jo"));
    assert!(Name::is_valid(&"가".repeat(20)));
    assert_eq!(err(&"가".repeat(21)), NameError::TooLong { length: 21 });
    // Spaces do not count towards the Hangul bound.
    assert!(Name::is_valid(&"가 ".repeat(20)));
    assert!(Name::is_valid(&"a".repeat(60)));
    assert_eq!(err(&"a".repeat(61)), NameError::TooLong { length: 61 });
    assert_eq!(err(&format!("{} b", "a".repeat(59))), NameError::TooLong { length: 61 });
    assert_eq!(err(&"a".repeat(1_000_000)).length(), Some(1_000_000));
}

#[test]
fn script_accessors() {
    let korean = ok("홍길동");
    assert_eq!((korean.script(), korean.is_hangul()), (NameScript::Hangul, true));
    let english = ok("Hong Gildong");
    assert_eq!((english.script(), english.is_hangul()), (NameScript::Latin, false));
}

#[test]
fn from_str_display_and_redacted_debug() {
    let name: Name = " 홍길동 ".parse().unwrap();
    assert_eq!(name.to_string(), "홍길동");
    assert_eq!(AsRef::<str>::as_ref(&name), "홍길동");
    assert_eq!(format!("{name:?} {:?}", Some(name.clone())), "Name(***) Some(Name(***))");
    assert_eq!(format!("{:?}", err("홍길동2")), "contains_digits at byte 9 (utf-16 3)");
    assert_eq!(format!("{:?}", err("김")), "too_short (1 characters)");
    let boxed: Box<dyn std::error::Error> = Box::new(err(""));
    assert_eq!(boxed.to_string(), NameError::Empty.message(Locale::Ko));
}

// ---- Messages -----------------------------------------------------------------------------------------------------

/// One input per error code, in the order of `CODES`.
const SAMPLES: &[&str] =
    &["", "900101-1234567", "홍길동2", "홍길동😀", "홍Gildong", "김", "가나다라마바사아자차카타파하가나다라마바사"];

#[test]
fn each_error_has_a_distinct_korean_and_english_message_that_echoes_nothing() {
    common::check_messages(SAMPLES, &NameError::CODES, 2, |s| {
        let e = err(s);
        let (ko, en) = (e.message(Locale::Ko), e.message(Locale::En));
        for m in [ko, en] {
            assert!(!m.contains("홍길동") && !m.contains("Gildong"), "{m}");
        }
        (e.code(), ko, en)
    });
    // The hint that the name must be the registered one.
    for e in [NameError::Empty, NameError::MixedScripts] {
        assert!(e.message(Locale::En).contains("registered English name"), "{e:?}");
        assert!(e.message(Locale::Ko).contains("등록"), "{e:?}");
    }
}

// ---- Masking ----------------------------------------------------------------------------------------------------

#[test]
fn hangul_names_keep_the_first_and_from_three_syllables_the_last() {
    for (input, want) in [
        ("김구", "김*"),
        ("홍길동", "홍*동"),
        ("남궁민수", "남**수"),
        ("남궁 민수", "남**수"),
        ("독고 영재", "독**재"),
        ("가나다라마바", "가****바"),
    ] {
        assert_eq!(NameMask::new().apply(input).unwrap(), want, "{input:?}");
        assert_eq!(NameMask::new().apply_to(&ok(input)).unwrap(), want);
    }
}

#[test]
fn latin_names_keep_the_first_character_of_each_word() {
    for (input, want) in [
        ("Jo", "J*"),
        ("John Smith", "J*** S****"),
        ("HONG GILDONG", "H*** G******"),
        ("Mary-Jane O'Neil", "M***-**** O'****"),
        ("John Q. Public", "J*** Q. P*****"),
        ("  Kim \t Minsu ", "K** M****"),
    ] {
        assert_eq!(NameMask::new().apply(input).unwrap(), want, "{input:?}");
    }
}

#[test]
fn fill_characters() {
    assert_eq!(NameMask::new().fill('○').apply("홍길동").unwrap(), "홍○동");
    assert_eq!(NameMask::default().fill('•').apply("John Smith").unwrap(), "J••• S••••");
    assert_eq!(NameMask::new().fill('#').fill_char(), '#');
    for fill in ['0', ' ', '\u{200B}', '-', '\n'] {
        assert_eq!(NameMask::new().fill(fill).check(), Err(MaskError::InvalidFill), "{fill:?}");
        assert_eq!(NameMask::new().fill(fill).apply("홍길동"), Err(MaskError::InvalidFill));
    }
}

#[test]
fn invalid_input_reveals_only_its_normalised_length() {
    for (input, len) in [("", 0), ("김", 1), ("홍길동2", 4), (" 900101-1234567 ", 14), ("홍  Gildong", 9), ("J", 1)]
    {
        assert_eq!(NameMask::new().apply(input).unwrap(), "*".repeat(len), "{input:?}");
    }
}

// ---- Properties ----------------------------------------------------------------------------------------------------

#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    fn near_name() -> impl Strategy<Value = String> {
        let c = prop_oneof![
            4 => proptest::char::range('가', '힣'),
            4 => proptest::char::range('a', 'z'),
            2 => prop::sample::select(vec![' ', ' ', '-', '\'', '.', '\u{3000}', '\u{200B}', '\u{2019}', 'Ａ', '1', 'ㅎ', '\u{1100}', '\u{1161}', '\u{11A8}', 'é', '😀']),
            1 => any::<char>(),
        ];
        prop_oneof![
            4 => prop::collection::vec(c, 0..24).prop_map(|v| v.into_iter().collect::<String>()),
            1 => any::<String>(),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 4096, ..ProptestConfig::default() })]

        #[test]
        fn a_valid_name_is_normalised_and_reparses_to_itself(input in near_name()) {
            if let Ok(name) = Name::parse(&input) {
                let s = name.as_str();
                prop_assert!(!s.starts_with(' ') && !s.ends_with(' ') && !s.contains("  "), "{:?}", s);
                if name.is_hangul() {
                    prop_assert!(s.chars().all(|c| c == ' ' || ('가'..='힣').contains(&c)));
                } else {
                    prop_assert!(s.chars().all(|c| c.is_ascii_alphabetic() || " -'.".contains(c)));
                }
                prop_assert_eq!(Name::parse(s), Ok(name.clone()));
            }
            prop_assert_eq!(Name::is_valid(&input), Name::parse(&input).is_ok());
        }

        #[test]
        fn positions_point_at_a_character_of_the_input(input in near_name()) {
            if let Err(e) = Name::parse(&input) {
                if let (Some(byte), Some(utf16)) = (e.index(), e.utf16_index()) {
                    prop_assert!(input.is_char_boundary(byte) && byte < input.len());
                    let units: Vec<u16> = input.encode_utf16().collect();
                    prop_assert_eq!(String::from_utf16(&units[..utf16]).unwrap().len(), byte);
                }
            }
        }

        #[test]
        fn masking_hides_every_middle_letter(input in near_name()) {
            let masked = NameMask::new().fill('•').apply(&input).unwrap();
            match Name::parse(&input) {
                Ok(name) if name.is_hangul() => {
                    let syllables: Vec<char> = name.as_str().chars().filter(|&c| c != ' ').collect();
                    let shown = masked.chars().filter(|&c| c != '•').count();
                    prop_assert_eq!(masked.chars().count(), syllables.len());
                    prop_assert_eq!(shown, if syllables.len() >= 3 { 2 } else { 1 });
                }
                Ok(name) => {
                    let words = name.as_str().split(' ').count();
                    let letters_shown = masked.chars().filter(char::is_ascii_alphabetic).count();
                    prop_assert!(letters_shown <= words);
                    prop_assert_eq!(masked.chars().count(), name.as_str().chars().count());
                }
                Err(_) => prop_assert!(masked.chars().all(|c| c == '•')),
            }
        }
    }
}
