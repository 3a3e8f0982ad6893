//! The yardstick is only fair if it finds what the library finds: the same ranges on the accuracy corpus of the
//! library's tests (every shape of every kind, and 22 kinds of near misses), and on random text made of the
//! pieces numbers are made of (digits, separators, full-width forms, letters, Hangul, broken UTF-8).

use std::ops::Range;

use pccc_guard::{find_sensitive_bytes, Kind};
use pccc_guard_regex_redact::{compile, find_all};

#[path = "../../../tests/corpus/mod.rs"]
mod corpus;

fn library(text: &[u8]) -> Vec<(Kind, Range<usize>)> {
    find_sensitive_bytes(text).map(|f| (f.kind, f.range)).collect()
}

fn pattern(re: &regex::bytes::Regex, text: &[u8]) -> Vec<(Kind, Range<usize>)> {
    let mut found = Vec::new();
    find_all(re, text, |kind, range| found.push((kind, range)));
    found
}

#[test]
fn same_ranges_on_the_accuracy_corpus() {
    let re = compile();
    let lines = corpus::generate(0x5043_4343_2026_1129, 20_000);
    let mut total = 0;
    for line in &lines {
        let want = library(line.text.as_bytes());
        assert_eq!(pattern(&re, line.text.as_bytes()), want, "{:?}", line.text);
        total += want.len();
    }
    assert!(total > 17_000, "the corpus has its numbers: {total}");
}

#[test]
fn same_ranges_on_random_pieces() {
    const PIECES: &[&str] = &[
        "0",
        "1",
        "2",
        "5",
        "8",
        "9",
        "00",
        "01",
        "010",
        "011",
        "016",
        "0082",
        "82",
        "+82",
        "+",
        "(",
        ")",
        "（",
        "）",
        "＋",
        "P",
        "p",
        "Ｐ",
        "ｐ",
        "０",
        "１",
        "８",
        "９",
        " ",
        "-",
        ".",
        "\u{3000}",
        "\u{200B}",
        "\u{FEFF}",
        "－",
        "．",
        "\u{A0}",
        "\u{2013}",
        "a",
        "Z",
        "ｘ",
        "Ａ",
        "번",
        "\t",
        "*",
        "_",
        "1234",
        "5678",
        "900101",
        "1234567",
        "0229",
        "31",
        "010-1234-5678",
        "P1234 5678 9012",
        "900101-1234567",
        "+82 10 1234 5678",
        "(010) 1234-5678",
        "０１０－１２３４－５６７８",
        "Ｐ１２３４５６７８９０１２",
        "+82-(0)10-1234-5678",
        "011 123 4567",
    ];
    let re = compile();
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut total = 0;
    for _ in 0..50_000 {
        let mut text = Vec::new();
        for _ in 0..next() % 24 {
            match next() % 20 {
                0 => text.push(next() as u8),
                _ => text.extend_from_slice(PIECES[(next() % PIECES.len() as u64) as usize].as_bytes()),
            }
        }
        let want = library(&text);
        assert_eq!(pattern(&re, &text), want, "{:?}", String::from_utf8_lossy(&text));
        total += want.len();
    }
    assert!(total > 10_000, "the pieces make numbers: {total}");
}
