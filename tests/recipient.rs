//! The cross-field check: each field's result is exactly its own parser's, an RRN in any field is that field's
//! `looks_like_rrn`, and the report never prints input.

use pccc_guard::{
    check_recipient, Name, NameError, Pccc, PcccError, Phone, PhoneError, Postcode, PostcodeError, RecipientInput,
};

const VALID: RecipientInput<'static> =
    RecipientInput { name: "홍길동", pccc: "P123456789012", phone: "010-1234-5678", postcode: "03154" };

#[test]
fn a_valid_recipient() {
    let report = check_recipient(&VALID);
    assert!(report.is_valid());
    let recipient = report.into_recipient().expect("valid");
    assert_eq!(recipient.name.as_str(), "홍길동");
    assert_eq!(recipient.pccc.as_str(), "P123456789012");
    assert_eq!(recipient.phone.as_str(), "01012345678");
    assert_eq!(recipient.postcode.as_str(), "03154");
}

#[test]
fn each_field_gets_its_own_parsers_result() {
    let inputs = [
        RecipientInput::default(),
        RecipientInput {
            name: "Hong Gildong",
            pccc: "ｐ1234 5678 9012",
            phone: "+82 10 1234 5678",
            postcode: " 63309 ",
        },
        RecipientInput { name: "홍Gildong", pccc: "P1234", phone: "02-123-4567", postcode: "123-456" },
        RecipientInput { name: "김", pccc: "A123456789012", phone: "0504-1234-5678", postcode: "99999" },
    ];
    for input in inputs {
        let report = check_recipient(&input);
        assert_eq!(report.name, Name::parse(input.name));
        assert_eq!(report.pccc, Pccc::parse(input.pccc));
        assert_eq!(report.phone, Phone::parse(input.phone));
        assert_eq!(report.postcode, Postcode::parse(input.postcode));
        let all_ok = report.name.is_ok() && report.pccc.is_ok() && report.phone.is_ok() && report.postcode.is_ok();
        assert_eq!(report.is_valid(), all_ok);
        assert_eq!(report.clone().into_recipient().is_some(), all_ok);
    }
}

#[test]
fn missing_fields_are_empty() {
    let report = check_recipient(&RecipientInput::default());
    assert!(!report.is_valid());
    assert_eq!(report.name, Err(NameError::Empty));
    assert_eq!(report.pccc, Err(PcccError::Empty));
    assert_eq!(report.phone, Err(PhoneError::Empty));
    assert_eq!(report.postcode, Err(PostcodeError::Empty));
}

#[test]
fn an_rrn_in_any_field_is_that_fields_looks_like_rrn() {
    for rrn in ["900101-1234567", "9001011234567", "９００１０１－１２３４５６７", " 851231 2345678 "] {
        for field in 0..4 {
            let mut input = VALID;
            match field {
                0 => input.name = rrn,
                1 => input.pccc = rrn,
                2 => input.phone = rrn,
                _ => input.postcode = rrn,
            }
            let report = check_recipient(&input);
            let codes = [
                report.name.as_ref().err().map(NameError::code),
                report.pccc.as_ref().err().map(PcccError::code),
                report.phone.as_ref().err().map(PhoneError::code),
                report.postcode.as_ref().err().map(PostcodeError::code),
            ];
            for (i, code) in codes.iter().enumerate() {
                assert_eq!(*code, (i == field).then_some("looks_like_rrn"), "{rrn:?} in field {field}");
            }
            assert!(!report.is_valid());
        }
    }
}

#[test]
fn debug_output_never_contains_input() {
    let input =
        RecipientInput { name: "홍길동", pccc: "P123456789012", phone: "010-1234-5678", postcode: "900101-1234567" };
    let debug = format!("{input:?} {:?}", check_recipient(&input));
    for secret in ["홍길동", "123456789012", "1234", "5678", "900101", "03154"] {
        assert!(!debug.contains(secret), "{debug}");
    }
    assert_eq!(format!("{input:?}"), "RecipientInput { .. }");
    let recipient = check_recipient(&VALID).into_recipient().unwrap();
    let debug = format!("{recipient:?}");
    assert!(!debug.chars().any(|c| c.is_ascii_digit() || ('가'..='힣').contains(&c)), "{debug}");
}
