//! Masking: the policy table, the cap, the fill character, and what invalid input reveals (only its length).

use pccc_guard::{normalize, MaskError, PcccMask};

#[test]
fn policies_on_a_valid_code() {
    let code = "P123456789012";
    let cases: &[(PcccMask, &str)] = &[
        (PcccMask::new(), "P********9012"),
        (PcccMask::default(), "P********9012"),
        (PcccMask::new().keep_end(0), "P************"),
        (PcccMask::new().keep_start(4).keep_end(2), "P1234******12"),
        (PcccMask::new().keep_start(2).keep_end(4).fill('•'), "P12••••••9012"),
        (PcccMask::new().keep_start(6).keep_end(0), "P123456******"),
        (PcccMask::new().keep_start(3).keep_end(3).fill('#'), "P123######012"),
        (PcccMask::new().fill('●'), "P●●●●●●●●9012"),
    ];
    for (policy, want) in cases {
        assert_eq!(policy.apply(code).unwrap(), *want, "{policy:?}");
        assert_eq!(policy.apply("ｐ1234-5678-9012").unwrap(), *want, "normalised input, {policy:?}");
        let parsed = pccc_guard::Pccc::parse(code).unwrap();
        assert_eq!(policy.apply_to(&parsed).unwrap(), *want);
    }
}

#[test]
fn a_policy_that_reveals_more_than_six_digits_is_refused() {
    for (start, end) in [(7, 0), (0, 7), (4, 3), (6, 1), (12, 0), (usize::MAX, usize::MAX)] {
        let policy = PcccMask::new().keep_start(start).keep_end(end);
        let want = MaskError::RevealsTooMuch { revealed: start.saturating_add(end), max: 6 };
        assert_eq!(policy.apply("P123456789012"), Err(want));
        // Refused for invalid input too: the policy is wrong whatever it is applied to.
        assert_eq!(policy.apply("nonsense"), Err(want));
        assert_eq!(policy.check(), Err(want));
    }
    assert_eq!(PcccMask::MAX_REVEALED, 6);
}

#[test]
fn fill_characters_that_read_as_digits_or_vanish_are_refused() {
    for fill in ['0', '9', '\u{FF10}', ' ', '\u{200B}', '\u{A0}', '-', '\u{0}', '\n', '\u{85}', '\u{2028}', '\u{3000}']
    {
        assert_eq!(PcccMask::new().fill(fill).check(), Err(MaskError::InvalidFill), "{fill:?}");
        assert_eq!(PcccMask::new().fill(fill).apply("P123456789012"), Err(MaskError::InvalidFill));
    }
    for fill in ['*', '•', '●', 'X', '#', '＊'] {
        assert!(PcccMask::new().fill(fill).check().is_ok(), "{fill:?}");
    }
}

#[test]
fn invalid_input_reveals_only_its_normalised_length() {
    for input in ["", "P1234", "900101-1234567", "P12345678901O", "P1234567890123", "hello", "ｐ１２３"] {
        let masked = PcccMask::new().apply(input).unwrap();
        assert!(masked.chars().all(|c| c == '*'), "{input:?} -> {masked:?}");
        assert_eq!(masked.chars().count(), normalize(input).chars().count(), "{input:?}");
    }
    // The same with a policy that reveals digits of valid codes.
    let masked = PcccMask::new().keep_start(3).keep_end(3).fill('•').apply("9001011234567").unwrap();
    assert_eq!(masked, "•".repeat(13));
}

#[test]
fn accessors_report_the_policy() {
    let policy = PcccMask::new().keep_start(1).keep_end(2).fill('#');
    assert_eq!((policy.start(), policy.end(), policy.fill_char()), (1, 2, '#'));
    assert_eq!(MaskError::InvalidFill.code(), "invalid_mask_char");
    assert!(!MaskError::InvalidFill.to_string().is_empty());
}
