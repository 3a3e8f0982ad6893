//! The recipient fields (mobile number, postcode, name), their masks and the cross-field check on arbitrary
//! UTF-8, with the invariants that must hold for any input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pccc_guard::{check_recipient, Name, NameMask, Phone, PhoneMask, Postcode, RecipientInput};

fuzz_target!(|data: &[u8]| {
    let Ok(input) = core::str::from_utf8(data) else { return };

    let phone = Phone::parse(input);
    if let Ok(p) = phone {
        let digits = p.as_str();
        assert!(digits.starts_with("01") && (10..=11).contains(&digits.len()));
        assert!(digits.bytes().all(|b| b.is_ascii_digit()));
        assert_eq!(p.display().replace('-', ""), digits);
        assert_eq!(Phone::parse(digits), Ok(p));
    }
    if let Err(e) = phone {
        if let Some(i) = e.index() {
            assert!(input.is_char_boundary(i) && i < input.len());
        }
    }
    let masked = PhoneMask::new().apply(input).unwrap();
    if phone.is_err() {
        assert!(!masked.chars().any(|c| c.is_ascii_digit()), "invalid numbers reveal no digit");
    }

    let postcode = Postcode::parse(input);
    if let Ok(p) = postcode {
        assert!(p.as_str().len() == 5 && p.as_str().bytes().all(|b| b.is_ascii_digit()));
    }

    let name = Name::parse(input);
    if let Ok(n) = &name {
        assert!(!n.as_str().is_empty() && !n.as_str().starts_with(' ') && !n.as_str().ends_with(' '));
        assert_eq!(Name::parse(n.as_str()).as_ref().map(Name::as_str), Ok(n.as_str()));
    }
    let masked_name = NameMask::new().apply(input).unwrap();
    if name.is_err() {
        assert!(masked_name.chars().all(|c| c == '*'), "invalid names reveal nothing");
    }

    // Split the input in four and check every field at once.
    let mut parts = input.splitn(4, '|');
    let fields = RecipientInput {
        name: parts.next().unwrap_or(""),
        pccc: parts.next().unwrap_or(""),
        phone: parts.next().unwrap_or(""),
        postcode: parts.next().unwrap_or(""),
    };
    let report = check_recipient(&fields);
    assert_eq!(report.is_valid(), report.name.is_ok() && report.pccc.is_ok() && report.phone.is_ok() && report.postcode.is_ok());
});
