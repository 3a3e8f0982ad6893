//! Every error has a message in both locales; messages are distinct, specific, and never echo input.

use pccc_guard::{Locale, MaskError, Pccc, PcccError, PcccMask};

/// One input per distinct message.
const SAMPLES: &[&str] = &[
    "",
    "9001011234567",
    "123456789012",
    "A123456789012",
    "P1234567890O1",
    "P1234567890I1",
    "P#",
    "P1",
    "P1234567890123",
];

fn is_hangul(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

#[test]
fn each_error_has_a_korean_and_an_english_message() {
    let errors: Vec<PcccError> = SAMPLES.iter().map(|s| Pccc::parse(s).unwrap_err()).collect();
    let mut seen_codes: Vec<&str> = errors.iter().map(|e| e.code()).collect();
    seen_codes.dedup();
    assert_eq!(seen_codes, PcccError::CODES, "the samples cover every code in order");
    let mut all = Vec::new();
    for e in &errors {
        let ko = e.message(Locale::Ko);
        let en = e.message(Locale::En);
        assert!(ko.chars().any(is_hangul), "{ko}");
        assert!(en.is_ascii() && en.len() > 20 && en.ends_with('.'), "{en}");
        assert_eq!(e.message(Locale::default()), ko);
        all.push(ko);
        all.push(en);
    }
    let mut unique = all.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), all.len(), "every message is specific to its error");
}

#[test]
fn messages_never_contain_the_input() {
    for input in ["P12345678901O", "900101-1234567", "A123456789012", "P1234567890123", "XYZ"] {
        let e = Pccc::parse(input).unwrap_err();
        for locale in [Locale::Ko, Locale::En] {
            let message = e.message(locale);
            // The only numbers in messages are the rule's own ("12 digits", "digit 0"): never three digits in a row.
            let longest_run = message.split(|c: char| !c.is_ascii_digit()).map(str::len).max().unwrap_or(0);
            assert!(longest_run <= 2, "{message}");
            assert!(!message.contains(input));
        }
    }
}

#[test]
fn hints_name_the_intended_digit() {
    let zero = Pccc::parse("P1234567890O1").unwrap_err();
    assert!(zero.message(Locale::Ko).contains("숫자 0"));
    assert!(zero.message(Locale::En).contains("digit 0"));
    let one = Pccc::parse("P1234567890l1").unwrap_err();
    assert!(one.message(Locale::Ko).contains("숫자 1"));
    assert!(one.message(Locale::En).contains("digit 1"));
}

#[test]
fn locale_tags() {
    assert_eq!(Locale::from_tag("ko-KR"), Some(Locale::Ko));
    assert_eq!(Locale::from_tag("en_US"), Some(Locale::En));
    assert_eq!(Locale::from_tag("EN"), Some(Locale::En));
    assert_eq!(Locale::from_tag(""), None);
    assert_eq!(Locale::from_tag("kok"), None);
    assert_eq!(Locale::Ko.tag(), "ko");
}

#[test]
fn mask_errors_have_both_messages() {
    for e in [MaskError::InvalidFill, PcccMask::new().keep_end(9).check().unwrap_err()] {
        assert!(e.message(Locale::Ko).chars().any(is_hangul));
        assert!(e.message(Locale::En).is_ascii());
        assert_ne!(e.message(Locale::Ko), e.message(Locale::En));
    }
}

/// The message of a policy that reveals too much gives every digit field's cap, read from the registry: a new
/// digit field is in it without an edit to the message.
#[test]
fn the_reveals_too_much_message_gives_each_digit_fields_cap() {
    let e = PcccMask::new().keep_end(9).check().unwrap_err();
    let mut digit_fields = 0;
    for kind in pccc_guard::FieldKind::ALL {
        let pccc_guard::MaskRule::Digits { max_revealed, .. } = kind.mask_rule() else { continue };
        digit_fields += 1;
        let en = format!("{} {max_revealed}", kind.label(Locale::En));
        let ko = format!("{} {max_revealed}자리", kind.label(Locale::Ko));
        assert!(e.message(Locale::En).contains(&en), "{kind:?}: {}", e.message(Locale::En));
        assert!(e.message(Locale::Ko).contains(&ko), "{kind:?}: {}", e.message(Locale::Ko));
    }
    assert!(digit_fields >= 3);
}

/// Every field has a label in both languages: Hangul, and ASCII in lower case unless an abbreviation.
#[test]
fn every_field_has_a_label_in_both_languages() {
    for kind in pccc_guard::FieldKind::ALL {
        let (ko, en) = (kind.label(Locale::Ko), kind.label(Locale::En));
        assert!(ko.chars().any(is_hangul), "{kind:?}: {ko}");
        assert!(en.is_ascii() && !en.is_empty(), "{kind:?}: {en}");
        assert!(en == en.to_ascii_lowercase() || en == en.to_ascii_uppercase(), "{kind:?}: {en}");
    }
}

/// The shared language-tag vectors (`tests/data/locale_tags.json`), which the JavaScript API, the forms layer and
/// the memo guard are tested against too.
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn the_language_tag_rule_follows_the_shared_vectors() {
    let json: serde_json::Value = serde_json::from_str(include_str!("data/locale_tags.json")).unwrap();
    let tags = json["tags"].as_array().unwrap();
    assert!(tags.len() >= 15);
    for pair in tags {
        let (tag, want) = (pair[0].as_str().unwrap(), pair[1].as_str());
        assert_eq!(Locale::from_tag(tag).map(Locale::tag), want, "{tag:?}");
    }
}

/// Every row of every field's message table: a code in snake_case, a Korean message in Hangul and an English one
/// in ASCII, both whole sentences; rows of one code stand together; the table's codes are the field's codes.
#[test]
fn every_fields_message_table_is_well_formed() {
    let is_hangul = |c: char| ('\u{AC00}'..='\u{D7A3}').contains(&c);
    for kind in pccc_guard::FieldKind::ALL {
        let table = kind.messages();
        let mut codes: Vec<&str> = table.iter().map(|m| m.code()).collect();
        codes.dedup();
        assert_eq!(codes, kind.codes(), "{kind:?}");
        for m in table {
            assert!(m.code().bytes().all(|b| b.is_ascii_lowercase() || b == b'_'), "{}", m.code());
            let (ko, en) = (m.text(Locale::Ko), m.text(Locale::En));
            assert!(ko.chars().any(is_hangul) && ko.ends_with('.'), "{kind:?} {}: {ko}", m.code());
            assert!(en.is_ascii() && en.ends_with('.') && en.len() > 20, "{kind:?} {}: {en}", m.code());
        }
    }
}
