//! The naive reference of the finder, for the property tests and the fuzz target: every start, every end, and
//! the rules as plain string checks on the candidate, leftmost first. Slow and obviously right.
#![allow(dead_code)]

use pccc_guard::{Kind, Kinds};

const SEPARATORS: &str = " \u{A0}\u{2000}\u{2001}\u{2002}\u{2003}\u{2004}\u{2005}\u{2006}\u{2007}\u{2008}\u{2009}\u{200A}\u{202F}\u{205F}\u{3000}-\u{2010}\u{2011}\u{2012}\u{2013}\u{2014}\u{2015}\u{2212}\u{FE63}\u{FF0D}\u{AD}\u{200B}\u{200C}\u{200D}\u{200E}\u{200F}\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}\u{2060}\u{2061}\u{2062}\u{2063}\u{2064}\u{FEFF}";

/// Full-width forms to ASCII.
pub fn ascii(c: char) -> char {
    if ('\u{FF01}'..='\u{FF5E}').contains(&c) {
        char::from_u32(c as u32 - 0xFEE0).unwrap()
    } else {
        c
    }
}

fn alnum(c: Option<char>) -> bool {
    c.is_some_and(|c| ascii(c).is_ascii_alphanumeric())
}

/// A candidate as one string: separators as `-` (dots too for phones), full-width as ASCII, other bytes `?`.
fn canonical(chars: &[Option<char>], phone: bool) -> String {
    chars
        .iter()
        .map(|c| match *c {
            None => '?',
            Some(c) if SEPARATORS.contains(c) || (phone && matches!(c, '.' | '．')) => '-',
            Some(c) => ascii(c),
        })
        .collect()
}

/// Lengths of the `-`-separated groups, or None when one is empty or not all digits.
fn groups(s: &str) -> Option<Vec<usize>> {
    s.split('-').map(|g| (!g.is_empty() && g.bytes().all(|b| b.is_ascii_digit())).then_some(g.len())).collect()
}

fn is_pccc(s: &str) -> bool {
    let Some(rest) = s.strip_prefix(['P', 'p']) else { return false };
    let g = groups(rest.strip_prefix('-').unwrap_or(rest));
    g == Some(vec![12]) || g == Some(vec![4, 4, 4])
}

fn is_rrn(s: &str) -> bool {
    let g = groups(s);
    if g != Some(vec![13]) && g != Some(vec![6, 7]) {
        return false;
    }
    let d: Vec<u32> = s.chars().filter_map(|c| c.to_digit(10)).collect();
    let (month, day) = (d[2] * 10 + d[3], d[4] * 10 + d[5]);
    let days = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    (1..=12).contains(&month) && (1..=days[month as usize]).contains(&day) && (1..=8).contains(&d[6])
}

fn is_mobile(s: &str) -> bool {
    let (national, implied) = if let Some(r) = s.strip_prefix("+82").or_else(|| s.strip_prefix("0082")) {
        let r = r.strip_prefix('-').unwrap_or(r);
        match r.strip_prefix("(0)") {
            Some(r) => (r.strip_prefix('-').unwrap_or(r).to_owned(), true),
            None => (r.to_owned(), !r.starts_with('0')),
        }
    } else if let Some((head, tail)) = s.strip_prefix('(').and_then(|r| r.split_once(')')) {
        if head.len() != 3 {
            return false;
        }
        (format!("{head}-{}", tail.strip_prefix('-').unwrap_or(tail)), false)
    } else {
        (s.to_owned(), false)
    };
    let Some(g) = groups(&national) else { return false };
    let digits = format!("{}{}", if implied { "0" } else { "" }, national.replace('-', ""));
    let n = digits.len();
    let bounds = g
        .iter()
        .scan(usize::from(implied), |at, len| {
            *at += len;
            Some(*at)
        })
        .take(g.len() - 1);
    let prefix_ok = (digits.starts_with("010") && n == 11)
        || (["011", "016", "017", "018", "019"].iter().any(|p| digits.starts_with(p)) && (n == 10 || n == 11));
    prefix_ok && bounds.into_iter().all(|b| b == 3 || b + 4 == n)
}

/// Characters of arbitrary bytes with their offsets: valid UTF-8 characters, and `None` for each invalid byte.
fn chars_of(bytes: &[u8]) -> Vec<(Option<char>, usize)> {
    let mut out = Vec::new();
    let mut at = 0;
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            out.push((Some(c), at));
            at += c.len_utf8();
        }
        for _ in chunk.invalid() {
            out.push((None, at));
            at += 1;
        }
    }
    out.push((None, at)); // the end, never read as a character
    out
}

/// A kind, its check, and whether dots are separators.
type Check = (Kind, fn(&str) -> bool, bool);

/// Leftmost first: at every start after a boundary, the first end followed by a boundary whose text matches an
/// enabled kind; then on after it.
pub fn naive(bytes: &[u8], kinds: Kinds) -> Vec<(Kind, std::ops::Range<usize>)> {
    let cs = chars_of(bytes);
    let len = cs.len() - 1;
    let (mut out, mut i) = (Vec::new(), 0);
    'start: while i < len {
        if i == 0 || !alnum(cs[i - 1].0) {
            for j in i + 1..=len.min(i + 25) {
                let chars: Vec<Option<char>> = cs[i..j].iter().map(|c| c.0).collect();
                if j < len && alnum(cs[j].0) {
                    continue;
                }
                let checks: [Check; 3] =
                    [(Kind::Pccc, is_pccc, false), (Kind::Rrn, is_rrn, false), (Kind::Phone, is_mobile, true)];
                for (kind, check, phone) in checks {
                    if kinds.contains(kind) && check(&canonical(&chars, phone)) {
                        out.push((kind, cs[i].1..cs[j].1));
                        i = j;
                        continue 'start;
                    }
                }
            }
        }
        i += 1;
    }
    out
}
