//! Masking numbers in free text: the default policies, site policies per kind, what stays (separators, `P`,
//! country codes, the text around), full-width digits, kinds, refused policies, and borrowing when nothing is
//! found.

use std::borrow::Cow;

use pccc_guard::{
    find_sensitive_bytes, redact, redact_bytes, Finding, Kind, Kinds, MaskError, PcccMask, PhoneMask, Policies,
};

fn masked(text: &str, policies: &Policies) -> String {
    redact(text, policies).unwrap().into_owned()
}

#[test]
fn the_defaults_are_the_field_masks_and_rrns_are_hidden_completely() {
    let p = Policies::new();
    for (text, want) in [
        ("P123456789012", "P********9012"),
        ("P1234-5678-9012", "P****-****-9012"),
        ("p 1234 5678 9012", "p **** **** 9012"),
        ("Ｐ１２３４５６７８９０１２", "Ｐ********９０１２"),
        ("900101-1234567", "******-*******"),
        ("9001011234567", "*************"),
        ("010-1234-5678", "010-1234-****"),
        ("01012345678", "0101234****"),
        ("010.1234.5678", "010.1234.****"),
        ("011-123-4567", "011-123-****"),
        ("(010) 1234-5678", "(010) 1234-****"),
        // Counted on the domestic digits: the country code stays, and the trunk 0 counts whether written or not.
        ("+82 10-1234-5678", "+82 10-1234-****"),
        ("+82-(0)10-1234-5678", "+82-(0)10-1234-****"),
        ("0082 10 1234 5678", "0082 10 1234 ****"),
        ("+82 11 123 4567", "+82 11 123 ****"),
        ("０１０－１２３４－５６７８", "０１０－１２３４－****"),
    ] {
        assert_eq!(masked(text, &p), want, "{text:?}");
    }
}

#[test]
fn text_around_the_numbers_is_kept_as_it_is() {
    let memo = "문 앞에 놔주세요!! 통관부호는P123456789012이고 연락처 010-1234-5678, 주민번호 900101-1234567 (오타)";
    assert_eq!(
        masked(memo, &Policies::new()),
        "문 앞에 놔주세요!! 통관부호는P********9012이고 연락처 010-1234-****, 주민번호 ******-******* (오타)"
    );
    let log = "2026-11-29T08:15:42Z INFO ORD-20261129-0001 tel=+821012345678 ip=192.168.0.12";
    assert_eq!(
        masked(log, &Policies::new()),
        "2026-11-29T08:15:42Z INFO ORD-20261129-0001 tel=+82101234**** ip=192.168.0.12"
    );
}

#[test]
fn site_policies_per_kind() {
    let site = Policies::new()
        .pccc(PcccMask::new().keep_start(2).keep_end(4).fill('•'))
        .phone(PhoneMask::new().keep_start(3).keep_end(4).fill('#'))
        .rrn_fill('x');
    for (text, want) in [
        ("P1234-5678-9012", "P12••-••••-9012"),
        ("010-1234-5678", "010-####-5678"),
        ("+82 10 1234 5678", "+82 10 #### 5678"),
        // A 10-digit number keeps 4 digits hidden: the kept start gives way.
        ("011-123-4567", "01#-###-4567"),
        ("900101-1234567", "xxxxxx-xxxxxxx"),
    ] {
        assert_eq!(masked(text, &site), want, "{text:?}");
    }
    let last_four = Policies::new().phone(PhoneMask::new().keep_start(0).keep_end(4));
    assert_eq!(masked("+82-(0)10-1234-5678", &last_four), "+82-(*)**-****-5678");
    let nothing = Policies::new().pccc(PcccMask::new().keep_end(0)).phone(PhoneMask::new().keep_start(0));
    assert_eq!(masked("P1234-5678-9012 010-1234-5678", &nothing), "P****-****-**** ***-****-****");
}

#[test]
fn the_field_masks_and_redaction_agree_on_a_bare_number() {
    let policies = [PcccMask::new(), PcccMask::new().keep_start(3).keep_end(3), PcccMask::new().keep_end(0).fill('•')];
    for mask in policies {
        let p = Policies::new().pccc(mask);
        assert_eq!(masked("P123456789012", &p), mask.apply("P123456789012").unwrap());
    }
    for mask in
        [PhoneMask::new(), PhoneMask::new().keep_start(0).keep_end(7), PhoneMask::new().keep_start(2).keep_end(2)]
    {
        let p = Policies::new().phone(mask);
        for number in ["010-1234-5678", "011-123-4567"] {
            assert_eq!(masked(number, &p), mask.apply(number).unwrap(), "{mask:?} {number}");
        }
    }
}

#[test]
fn only_the_kinds_asked_for_are_masked() {
    let text = "P123456789012 900101-1234567 01012345678";
    let rrn_only = Policies::new().kinds(Kinds::only(Kind::Rrn));
    assert_eq!(masked(text, &rrn_only), "P123456789012 ******-******* 01012345678");
    let none = Policies::new().kinds(Kinds::NONE);
    assert!(matches!(redact(text, &none).unwrap(), Cow::Borrowed(t) if t == text));
}

#[test]
fn nothing_found_borrows_the_input() {
    for text in ["", "문 앞에 놔주세요", "02-123-4567", "ORD-20261129-0001", "4111-1111-1111-1111"] {
        assert!(matches!(redact(text, &Policies::new()).unwrap(), Cow::Borrowed(t) if t == text), "{text:?}");
        assert!(matches!(redact_bytes(text.as_bytes(), &Policies::new()).unwrap(), Cow::Borrowed(_)));
    }
}

#[test]
fn refused_policies_are_errors() {
    let text = "nothing here";
    let reveals = Policies::new().pccc(PcccMask::new().keep_start(4).keep_end(4));
    assert_eq!(redact(text, &reveals), Err(MaskError::RevealsTooMuch { revealed: 8, max: 6 }));
    let phone = Policies::new().phone(PhoneMask::new().keep_end(4));
    assert_eq!(redact(text, &phone), Err(MaskError::RevealsTooMuch { revealed: 11, max: 7 }));
    for fill in ['0', '５', ' ', '\u{200B}', '-'] {
        assert_eq!(redact(text, &Policies::new().rrn_fill(fill)), Err(MaskError::InvalidFill), "{fill:?}");
        assert_eq!(Policies::new().rrn_fill(fill).check(), Err(MaskError::InvalidFill));
    }
    let mut out = Vec::new();
    let finding = Finding { kind: Kind::Rrn, range: 0..3 };
    assert_eq!(Policies::new().rrn_fill('1').write_masked(b"123", &finding, &mut out), Err(MaskError::InvalidFill));
    assert!(out.is_empty());
}

#[test]
fn bytes_outside_findings_pass_through_unchanged() {
    let bytes = b"\xff\xfe010-1234-5678\xc3(\xef\xbc900101-1234567\x80";
    let out = redact_bytes(bytes, &Policies::new()).unwrap();
    assert_eq!(&*out, b"\xff\xfe010-1234-****\xc3(\xef\xbc******-*******\x80");
}

#[test]
fn write_masked_appends_one_finding_and_ignores_ranges_outside_the_text() {
    let policies = Policies::new();
    let text = b"a P123456789012 b";
    let finding = find_sensitive_bytes(text).next().unwrap();
    let mut out = b"x".to_vec();
    policies.write_masked(text, &finding, &mut out).unwrap();
    assert_eq!(out, b"xP********9012");
    for range in [0..100, 20..30] {
        let mut out = Vec::new();
        policies.write_masked(text, &Finding { kind: Kind::Phone, range }, &mut out).unwrap();
        assert!(out.is_empty());
    }
}

#[test]
fn accessors_and_defaults() {
    let p = Policies::default();
    assert_eq!(p, Policies::new());
    assert_eq!(
        (p.pccc_mask(), p.phone_mask(), p.rrn_fill_char(), p.enabled_kinds()),
        (PcccMask::new(), PhoneMask::new(), '*', Kinds::ALL)
    );
}
