//! Property tests of the PCCC core: it never panics, normalisation is idempotent and changes no verdict, a
//! few-line naive reference agrees with the real implementation on every generated input, masking never reveals
//! more than its policy, and the as-you-type caret stays in bounds after the same characters.
#![cfg(not(target_arch = "wasm32"))]

use pccc_guard::{normalize, normalize_with_caret, Pccc, PcccError, PcccMask};
use proptest::prelude::*;

// ---- The naive reference: the spec's rules written as plainly as possible. -----------------------------------

const DROPPED: &str = " \t\r\n\u{0B}\u{0C}\u{A0}\u{2000}\u{2001}\u{2002}\u{2003}\u{2004}\u{2005}\u{2006}\u{2007}\u{2008}\u{2009}\u{200A}\u{202F}\u{205F}\u{3000}-\u{2010}\u{2011}\u{2012}\u{2013}\u{2014}\u{2015}\u{2212}\u{FE63}\u{AD}\u{200B}\u{200C}\u{200D}\u{200E}\u{200F}\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}\u{2060}\u{2061}\u{2062}\u{2063}\u{2064}\u{FEFF}";

/// Each original character with its normalised form (None when dropped) and its UTF-16 offset.
fn naive_map(input: &str) -> Vec<(Option<char>, usize)> {
    let mut utf16 = 0;
    let mut first = true;
    input
        .chars()
        .map(|c| {
            let at = utf16;
            utf16 += c.len_utf16();
            let c = if ('\u{FF01}'..='\u{FF5E}').contains(&c) { char::from_u32(c as u32 - 0xFEE0).unwrap() } else { c };
            let c = if c == 'p' { 'P' } else { c };
            let kept = match (DROPPED.contains(c), c) {
                (true, _) => None,
                // The Korean keyboard's P key in Hangul mode (ㅔ, with Shift ㅖ) as the first kept character is P.
                (false, 'ㅔ' | 'ㅖ') if first => Some('P'),
                (false, c) => Some(c),
            };
            first &= kept.is_none();
            (kept, at)
        })
        .collect()
}

/// The verdict: the canonical code, or the error code with its UTF-16 index or digit count.
fn naive_parse(input: &str) -> Result<String, (&'static str, Option<usize>)> {
    let kept: Vec<(char, usize)> = naive_map(input).into_iter().filter_map(|(c, at)| c.map(|c| (c, at))).collect();
    let s: String = kept.iter().map(|k| k.0).collect();
    let digits = |s: &str| s.chars().filter(char::is_ascii_digit).count();
    if s.is_empty() {
        return Err(("empty", None));
    }
    if s.chars().all(|c| c.is_ascii_digit()) {
        let (m, d) = (s.get(2..4).and_then(|x| x.parse().ok()), s.get(4..6).and_then(|x| x.parse().ok()));
        let rrn = s.len() == 13 && matches!(m, Some(1..=12)) && matches!(d, Some(1..=31u8));
        return Err((if rrn { "looks_like_rrn" } else { "missing_prefix" }, None));
    }
    let (first, at) = kept[0];
    if first != 'P' {
        if first.is_ascii_alphabetic() {
            return Err(("invalid_prefix", Some(at)));
        }
        return Err(if first.is_ascii_digit() { ("missing_prefix", None) } else { ("invalid_character", Some(at)) });
    }
    if let Some(&(_, at)) = kept[1..].iter().find(|k| !k.0.is_ascii_digit()) {
        return Err(("invalid_character", Some(at)));
    }
    match digits(&s) {
        12 => Ok(s),
        n if n < 12 => Err(("too_short", Some(n))),
        n => Err(("too_long", Some(n))),
    }
}

fn verdict(r: &Result<Pccc, PcccError>) -> Result<String, (&'static str, Option<usize>)> {
    match r {
        Ok(code) => Ok(code.to_string()),
        Err(e) => Err((e.code(), e.utf16_index().or(e.digits()))),
    }
}

// ---- Generators ---------------------------------------------------------------------------------------------------

/// Characters that matter to the rules, so that generated inputs are often near-valid.
fn interesting_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => proptest::char::range('0', '9'),
        2 => Just('P'),
        1 => Just('p'),
        2 => proptest::char::range('\u{FF10}', '\u{FF19}'),
        1 => Just('\u{FF30}'),
        2 => prop::sample::select(DROPPED.chars().collect::<Vec<_>>()),
        1 => prop::sample::select(vec!['O', 'o', 'I', 'l', 'A', '#', '𝐏', '\u{0420}', '\u{0661}', '가', '😀', '\u{FF5F}', 'ㅔ', 'ㅖ']),
        1 => any::<char>(),
    ]
}

fn near_code() -> impl Strategy<Value = String> {
    prop::collection::vec(interesting_char(), 0..30).prop_map(|v| v.into_iter().collect())
}

/// Digit runs shaped like YYMMDD + tail, with months and days around their bounds, sometimes hyphenated.
fn rrn_like() -> impl Strategy<Value = String> {
    (0u32..100, 0u32..14, 0u32..33, 0u32..10_000_000, 5usize..9, any::<bool>()).prop_map(|(y, m, d, tail, w, hy)| {
        let tail = format!("{tail:07}");
        format!("{y:02}{m:02}{d:02}{}{}", if hy { "-" } else { "" }, &tail[..w.min(7)])
    })
}

fn any_input() -> impl Strategy<Value = String> {
    prop_oneof![3 => near_code(), 1 => rrn_like(), 1 => "\\PC*", 1 => any::<String>()]
}

// ---- Properties ---------------------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig { cases: 4096, ..ProptestConfig::default() })]

    #[test]
    fn the_naive_reference_agrees(input in any_input()) {
        prop_assert_eq!(verdict(&Pccc::parse(&input)), naive_parse(&input));
    }

    #[test]
    fn byte_and_utf16_positions_point_at_the_same_character(input in any_input()) {
        if let Err(e) = Pccc::parse(&input) {
            if let (Some(byte), Some(utf16)) = (e.index(), e.utf16_index()) {
                let units: Vec<u16> = input.encode_utf16().collect();
                prop_assert_eq!(String::from_utf16(&units[..utf16]).unwrap().len(), byte);
            }
        }
    }

    #[test]
    fn normalize_is_idempotent_and_changes_no_verdict(input in any_input()) {
        let once = normalize(&input);
        prop_assert_eq!(normalize(&once), once.clone());
        let code_only = |r: Result<Pccc, PcccError>| r.map_err(|e| (e.code(), e.digits()));
        prop_assert_eq!(code_only(Pccc::parse(&once)), code_only(Pccc::parse(&input)));
    }

    #[test]
    fn valid_means_canonical(input in any_input()) {
        if let Ok(code) = Pccc::parse(&input) {
            let s = code.as_str();
            prop_assert!(s.len() == 13 && s.starts_with('P') && s[1..].bytes().all(|b| b.is_ascii_digit()));
            prop_assert_eq!(Pccc::parse(s), Ok(code));
        }
        prop_assert_eq!(Pccc::is_valid(&input), Pccc::parse(&input).is_ok());
    }

    #[test]
    fn masking_reveals_at_most_the_policy(input in any_input(), start in 0usize..8, end in 0usize..8) {
        let policy = PcccMask::new().keep_start(start).keep_end(end).fill('•');
        match (policy.apply(&input), Pccc::parse(&input)) {
            (Err(_), _) => prop_assert!(start + end > PcccMask::MAX_REVEALED),
            (Ok(masked), Ok(code)) => {
                let shown: Vec<char> = masked.chars().filter(char::is_ascii_digit).collect();
                prop_assert!(shown.len() <= start + end && shown.len() <= PcccMask::MAX_REVEALED);
                let digits: Vec<char> = code.digits().chars().collect();
                let mut want = digits[..start].to_vec();
                want.extend_from_slice(&digits[12 - end..]);
                prop_assert_eq!(shown, want);
                prop_assert_eq!(masked.chars().count(), 13);
            }
            (Ok(masked), Err(_)) => {
                prop_assert!(masked.chars().all(|c| c == '•'), "invalid input reveals nothing");
                prop_assert_eq!(masked.chars().count(), normalize(&input).chars().count());
            }
        }
    }

    #[test]
    fn the_caret_stays_in_bounds_after_the_same_characters(input in any_input(), caret in 0usize..40) {
        let out = normalize_with_caret(&input, caret);
        prop_assert_eq!(&out.value, &normalize(&input));
        let len16 = out.value.encode_utf16().count();
        prop_assert!(out.caret <= len16);
        // The characters kept from before the caret are exactly the value's prefix up to the new caret.
        let before: String = naive_map(&input)
            .into_iter()
            .zip(input.chars())
            .filter(|((_, at), c)| at + c.len_utf16() <= caret)
            .filter_map(|((c, _), _)| c)
            .collect();
        let units: Vec<u16> = out.value.encode_utf16().collect();
        prop_assert_eq!(String::from_utf16(&units[..out.caret]).unwrap(), before);
    }
}

#[test]
fn huge_and_pathological_inputs_are_linear_and_do_not_panic() {
    let invisible = "\u{200B}".repeat(1_000_000);
    assert_eq!(Pccc::parse(&invisible), Err(PcccError::Empty));
    let digits = "7".repeat(5_000_000);
    assert_eq!(Pccc::parse(&format!("P{digits}")), Err(PcccError::TooLong { digits: 5_000_000 }));
    assert_eq!(Pccc::parse(&digits), Err(PcccError::MissingPrefix));
    let mixed = "가A😀\u{FEFF}𝐏".repeat(200_000);
    assert_eq!(Pccc::parse(&mixed).map_err(|e| e.code()), Err("invalid_character"));
    assert_eq!(PcccMask::new().apply(&mixed).unwrap().chars().count(), 4 * 200_000);
    assert_eq!(normalize_with_caret(&mixed, usize::MAX).caret, normalize(&mixed).encode_utf16().count());
}
