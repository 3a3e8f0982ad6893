//! Property tests of finding and masking numbers in free text: the finder agrees with a naive reference that
//! tries every start and end with plain string checks, on strings and on arbitrary bytes; the `&str` and `&[u8]`
//! entries agree; findings are in bounds, ordered, apart, on character boundaries, no longer than
//! `MAX_FINDING_LEN` and decided by `CONTEXT_LEN` bytes around them; redaction keeps every character outside
//! the findings and every non-digit inside them, and reveals no more digits than its policy.
#![cfg(not(target_arch = "wasm32"))]

use pccc_guard::{
    find_sensitive, find_sensitive_bytes, redact, redact_bytes, Kind, Kinds, PcccMask, PhoneMask, Policies,
    CONTEXT_LEN, MAX_FINDING_LEN,
};
use proptest::prelude::*;

mod find_reference;
use find_reference::{ascii, naive};

fn fast(bytes: &[u8], kinds: Kinds) -> Vec<(Kind, std::ops::Range<usize>)> {
    find_sensitive_bytes(bytes).kinds(kinds).map(|f| (f.kind, f.range)).collect()
}

// ---- Generators ---------------------------------------------------------------------------------------------------

fn digits(n: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(0u8..10, n).prop_map(|v| v.into_iter().map(|d| char::from(b'0' + d)).collect())
}

/// Pieces of text that matter to the rules: numbers of every kind in many shapes, their near misses, separators
/// and the characters around them.
fn piece() -> impl Strategy<Value = String> {
    let sep = prop::sample::select(vec![
        "-", " ", ".", "\u{3000}", "\u{2013}", "\u{200B}", "－", "．", "", "", "", "  ", "\t",
    ]);
    prop_oneof![
        3 => (1usize..16).prop_flat_map(digits),
        2 => (prop::sample::select(vec!["P", "p", "Ｐ", "ｐ"]), sep.clone(), digits(4), sep.clone(), digits(4), sep.clone(), digits(4))
            .prop_map(|(p, s0, a, s1, b, s2, c)| format!("{p}{s0}{a}{s1}{b}{s2}{c}")),
        2 => (0u32..100, 0u32..14, 0u32..33, 0u32..10, digits(6), sep.clone())
            .prop_map(|(y, m, d, s, tail, sep)| format!("{y:02}{m:02}{d:02}{sep}{s}{tail}")),
        3 => (prop::sample::select(vec!["010", "011", "016", "019", "02", "031", "070", "0505", "0082", "+82", "+82 ", "+82-(0)", "(010)", "+82 0", "０１０"]),
              sep.clone(), 2usize..5, sep.clone(), 3usize..6)
            .prop_flat_map(|(pre, s1, m, s2, l)| (Just(pre), Just(s1), digits(m), Just(s2), digits(l)))
            .prop_map(|(pre, s1, mid, s2, last)| {
                let pre = if pre.starts_with('+') || pre.starts_with("0082") { format!("{pre}10") } else { pre.to_owned() };
                format!("{pre}{s1}{mid}{s2}{last}")
            }),
        4 => prop::sample::select(vec![
            " ", "-", ".", "(", ")", "+", "８２", "０", "９", "Ｐ", "ａ", "Ｚ", "P", "p", "a", "x", "_", ",", "번호는", "입니다", "로",
            "\u{3000}", "\u{200B}", "\u{FEFF}", "－", "（", "）", "＋", "é", "😀", "\n", ":", "/",
        ]).prop_map(str::to_owned),
        1 => any::<char>().prop_map(String::from),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..24).prop_map(|v| v.concat())
}

/// Text with bytes that are not UTF-8 mixed in, sometimes cutting a character.
fn bytes() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(
        prop_oneof![
            3 => piece().prop_map(String::into_bytes),
            1 => prop::collection::vec(prop::sample::select(vec![0xEFu8, 0xBC, 0xBD, 0x90, 0x91, 0xB0, 0x80, 0xC2, 0xA0, 0xE2, 0xFF, 0xFE]), 1..4),
            1 => piece().prop_map(|s| { let b = s.into_bytes(); b[..b.len() / 2].to_vec() }),
        ],
        0..16,
    )
    .prop_map(|v| v.concat())
}

/// Text many scan blocks (64 bytes) long: pieces at every offset from a block's start, between stretches of log
/// and memo text in which no number can start (the scan skips such blocks whole) or which only look like a start.
fn long_text() -> impl Strategy<Value = String> {
    let filler = prop::sample::select(vec![
        "2026-11-29T16:17:59.835+09:00 INFO  [http-nio-8080-exec-110] ",
        "c.e.shop.web.AccessLog - 95.123.43.87 ",
        "\"GET /api/orders HTTP/1.1\" 201 45986 572ms ",
        "ua=\"Mozilla/5.0 (Windows NT 10.0; Win64; x64)\" ",
        "order ORD-20261129-720024 placed amount=₩589,289 ",
        "배송 메모: 문 앞에 놔주세요. ",
        "abcdefghijklmnopqrstuvwxyz",
        "(주문 ",
        "+09:00",
        " ",
        "x",
        // Numbers whose start is a full-width form, or an ASCII `(`, `+` or `P` before one.
        "(０１０) １２３４-５６７８ ",
        "+８２ 10-1234-5678 ",
        "＋82-10-1234-5678 ",
        "p－１２３４－５６７８－９０１２ ",
        "９００１０１-１２３４５６７ ",
    ]);
    prop::collection::vec((prop::collection::vec(filler, 0..5), piece()), 0..12)
        .prop_map(|v| v.into_iter().map(|(filler, piece)| filler.concat() + &piece).collect())
}

fn kinds() -> impl Strategy<Value = Kinds> {
    prop::sample::subsequence(Kind::ALL.to_vec(), 0..=3).prop_map(|v| v.into_iter().collect())
}

// ---- Properties ---------------------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig { cases: 4096, ..ProptestConfig::default() })]

    #[test]
    fn the_naive_reference_agrees_on_text(input in text(), kinds in kinds()) {
        prop_assert_eq!(fast(input.as_bytes(), kinds), naive(input.as_bytes(), kinds));
    }

    #[test]
    fn the_naive_reference_agrees_on_long_text(input in long_text(), kinds in kinds()) {
        prop_assert_eq!(fast(input.as_bytes(), kinds), naive(input.as_bytes(), kinds));
    }

    #[test]
    fn the_naive_reference_agrees_on_bytes(input in bytes(), kinds in kinds()) {
        prop_assert_eq!(fast(&input, kinds), naive(&input, kinds));
    }

    #[test]
    fn str_and_bytes_agree_and_ranges_are_well_formed(input in text()) {
        let from_str: Vec<_> = find_sensitive(&input).collect();
        let from_bytes: Vec<_> = find_sensitive_bytes(input.as_bytes()).collect();
        prop_assert_eq!(&from_str, &from_bytes);
        let mut at = 0;
        for f in &from_str {
            prop_assert!(at <= f.range.start && f.range.start < f.range.end && f.range.end <= input.len());
            prop_assert!(input.is_char_boundary(f.range.start) && input.is_char_boundary(f.range.end));
            prop_assert!(f.range.len() <= MAX_FINDING_LEN);
            at = f.range.end;
        }
    }

    #[test]
    fn a_finding_is_decided_by_its_bytes_and_context(input in bytes()) {
        // Cutting the input to a finding and CONTEXT_LEN bytes around it finds the same number.
        for f in find_sensitive_bytes(&input) {
            let from = f.range.start.saturating_sub(CONTEXT_LEN);
            let to = (f.range.end + CONTEXT_LEN).min(input.len());
            let window = &input[from..to];
            let got: Vec<_> = find_sensitive_bytes(window).starting_at(f.range.start - from).take(1).collect();
            prop_assert_eq!(got.len(), 1);
            prop_assert_eq!(&got[0].range, &(f.range.start - from..f.range.end - from));
            prop_assert_eq!(got[0].kind, f.kind);
        }
    }

    #[test]
    fn redaction_keeps_the_shape_and_reveals_no_more_than_its_policy(
        input in text(), start in 0usize..5, end in 0usize..5, pstart in 0usize..8, pend in 0usize..8,
    ) {
        let policies = Policies::new()
            .pccc(PcccMask::new().keep_start(start.min(6)).keep_end(end.min(6 - start.min(6))).fill('§'))
            .phone(PhoneMask::new().keep_start(pstart.min(7)).keep_end(pend.min(7 - pstart.min(7))).fill('§'))
            .rrn_fill('§');
        let out = redact(&input, &policies).unwrap();
        prop_assert_eq!(&*redact_bytes(input.as_bytes(), &policies).unwrap(), out.as_bytes());
        // One character for one character: the output lines up with the input.
        let (before, after): (Vec<char>, Vec<char>) = (input.chars().collect(), out.chars().collect());
        prop_assert_eq!(before.len(), after.len());
        let findings: Vec<_> = find_sensitive(&input).collect();
        let mut inside = vec![None; before.len()];
        for (n, f) in findings.iter().enumerate() {
            let from = input[..f.range.start].chars().count();
            let len = input[f.range.clone()].chars().count();
            inside[from..from + len].iter_mut().for_each(|slot| *slot = Some(n));
        }
        let mut shown = vec![Vec::new(); findings.len()];
        for ((b, a), slot) in before.iter().zip(&after).zip(&inside) {
            match slot {
                None => prop_assert_eq!(b, a),
                Some(n) if ascii(*b).is_ascii_digit() => {
                    prop_assert!(a == b || *a == '§');
                    if a == b { shown[*n].push(ascii(*b)) }
                }
                Some(_) => prop_assert_eq!(b, a, "non-digits stay"),
            }
        }
        for (f, shown) in findings.iter().zip(&shown) {
            let digits: String = input[f.range.clone()].chars().map(ascii).filter(char::is_ascii_digit).collect();
            let shown: String = shown.iter().collect();
            match f.kind {
                Kind::Rrn => prop_assert_eq!(shown.len(), 0),
                Kind::Pccc => {
                    let (s, e) = (policies.pccc_mask().start(), policies.pccc_mask().end());
                    prop_assert_eq!(shown, format!("{}{}", &digits[..s], &digits[12 - e..]));
                }
                _ => {
                    // A country code (2 digits after +, 4 of 0082) stays; of the rest at most the policy, and
                    // never the 4 that always stay hidden.
                    let cc = if input[f.range.clone()].starts_with(['+', '＋']) { 2 } else if digits.starts_with("0082") { 4 } else { 0 };
                    let rest = shown.len() - cc.min(shown.len());
                    let national = &digits[cc..];
                    let n = national.len() + usize::from(cc > 0 && !national.starts_with('0'));
                    let phone = policies.phone_mask();
                    prop_assert!(rest <= phone.start() + phone.end() && rest + 4 <= n);
                }
            }
        }
    }

    #[test]
    fn arbitrary_bytes_and_strings_never_panic(input in any::<Vec<u8>>(), s in any::<String>()) {
        let _ = find_sensitive_bytes(&input).count();
        let _ = redact_bytes(&input, &Policies::new()).unwrap();
        let _ = redact(&s, &Policies::new()).unwrap();
    }
}

#[test]
fn huge_and_pathological_inputs_are_linear_and_do_not_panic() {
    for input in [
        "7".repeat(3_000_000),
        "P".repeat(3_000_000),
        "0-".repeat(1_500_000),
        "010-".repeat(1_000_000),
        "+82 ".repeat(1_000_000),
        "(010)".repeat(600_000),
        "０".repeat(1_000_000),
        "P1234-".repeat(500_000),
        "010-1234-5678 ".repeat(200_000),
    ] {
        let n = find_sensitive(&input).count();
        let out = redact(&input, &Policies::new()).unwrap();
        assert_eq!(out.chars().count(), input.chars().count());
        assert!(n == 0 || n == 200_000, "{n}");
    }
}
