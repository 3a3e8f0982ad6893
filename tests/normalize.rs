//! The normalisation rules, one table a rule, checked character by character.

use pccc_guard::{normalize, normalize_with_caret};

/// Rule 2: every character the spec says is dropped, by code point.
const DROPPED: &[u32] = &[
    0x20, 0x09, 0x0D, 0x0A, 0x0B, 0x0C, 0xA0, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008,
    0x2009, 0x200A, 0x202F, 0x205F, 0x3000, 0x2D, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE63, 0xAD,
    0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2060, 0x2061, 0x2062, 0x2063,
    0x2064, 0xFEFF,
];

#[test]
fn rule_2_drops_exactly_the_listed_characters() {
    for &cp in DROPPED {
        let c = char::from_u32(cp).unwrap();
        assert_eq!(normalize(&format!("a{c}b")), "ab", "U+{cp:04X} should be dropped");
    }
    // Everything else in the BMP below the full-width block either stays or is 'p' (which changes case); after a
    // first character, so that rule 4 (the first character only) does not apply.
    for cp in 0..0xFF01u32 {
        let Some(c) = char::from_u32(cp) else { continue };
        if DROPPED.contains(&cp) || c == 'p' {
            continue;
        }
        assert_eq!(normalize(&format!("a{c}")), format!("a{c}"), "U+{cp:04X} should be kept as it is");
    }
}

/// Rule 4: the P key with Hangul input on types ㅔ (Shift: ㅖ); in the first place, where a code's P belongs, it is
/// P, with the caret where it was. Anywhere else, and any other Hangul letter, stays.
#[test]
fn rule_4_reads_the_hangul_mode_p_key_in_the_first_place_only() {
    for first in ['\u{3154}', '\u{3156}'] {
        assert_eq!(normalize(&format!("{first}123")), "P123");
        assert_eq!(normalize(&format!(" \u{200B}{first}1")), "P1", "after dropped characters it is still first");
        assert_eq!(normalize(&format!("P{first}")), format!("P{first}"));
        let out = normalize_with_caret(&format!("{first}"), 1);
        assert_eq!((out.value.as_str(), out.caret), ("P", 1), "as typed: the caret stays after it");
        let out = normalize_with_caret(&format!("{first}1 2"), 2);
        assert_eq!((out.value.as_str(), out.caret), ("P12", 2));
    }
    for other in ['\u{3153}', '\u{3155}', '\u{3157}', 'ㅂ', '에', '\u{FFCD}'] {
        assert_eq!(normalize(&format!("{other}1")), format!("{other}1"), "{other:?} stays");
    }
}

#[test]
fn rule_1_maps_the_whole_full_width_block_and_nothing_else() {
    for cp in 0xFF01..=0xFF5Eu32 {
        let wide = char::from_u32(cp).unwrap();
        let ascii = char::from_u32(cp - 0xFF01 + 0x21).unwrap();
        let want = match ascii {
            '-' => String::new(),
            'p' => "P".to_owned(),
            c => c.to_string(),
        };
        assert_eq!(normalize(&wide.to_string()), want, "U+{cp:04X}");
    }
    for c in ['\u{FF00}', '\u{FF5F}', '\u{FF65}', '𝐏', '\u{0661}', '\u{0420}', '\u{1D429}'] {
        assert_eq!(normalize(&c.to_string()), c.to_string(), "{c:?} is not folded");
    }
}

#[test]
fn rule_3_upper_cases_only_p() {
    assert_eq!(normalize("pP"), "PP");
    assert_eq!(normalize("abcoOlI"), "abcoOlI");
    assert_eq!(normalize("ｐ"), "P");
}

#[test]
fn caret_stays_after_the_same_characters() {
    // (value, caret before, value after, caret after)
    let cases: &[(&str, usize, &str, usize)] = &[
        ("", 0, "", 0),
        ("P123", 4, "P123", 4),
        ("P123", 2, "P123", 2),
        ("p123", 1, "P123", 1),
        ("P 123", 2, "P123", 1),
        ("P 123", 1, "P123", 1),
        ("P1234 5678 9012", 15, "P123456789012", 13),
        ("P1234 5678 9012", 6, "P123456789012", 5),
        ("P1234 5678 9012", 5, "P123456789012", 5),
        ("P12１3", 4, "P1213", 4),
        ("\u{200B}\u{200B}P1", 2, "P1", 0),
        ("P1", 99, "P1", 2),
        // A caret inside a surrogate pair (UTF-16 offset 2 of "P𝐏1") stays before the pair.
        ("P𝐏1", 2, "P𝐏1", 1),
        ("P𝐏1", 3, "P𝐏1", 3),
    ];
    for &(value, caret, want_value, want_caret) in cases {
        let out = normalize_with_caret(value, caret);
        assert_eq!((out.value.as_str(), out.caret), (want_value, want_caret), "{value:?} at {caret}");
    }
}
