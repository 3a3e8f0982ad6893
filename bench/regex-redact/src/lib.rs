//! The rules of `pccc_guard::find_sensitive` written as one pattern for the `regex` crate: the yardstick of
//! `pccc-guard redact`'s benchmark (src/main.rs is the program bench/redact.py times).
//!
//! Everything the rules say is in the pattern (full-width digits and letters, every separator, real dates, the
//! mobile numbering plan and its grouping, `+82`/`0082`/`(0)`/`(010)`), except what the regex crate cannot
//! express: it has no look-around. So the character after a number is matched as part of the pattern (a context
//! character, left out of the number's range; the next search starts right after the number), and the character
//! before it, which would have to be matched behind the search's start, is checked in code (`boundary_before`),
//! searching again one byte later when it fails. tests/agrees.rs checks that it finds exactly the library's ranges.

use std::ops::Range;

use pccc_guard::Kind;
use regex::bytes::{Regex, RegexBuilder};

/// A digit whose value is in `lo..=hi`, ASCII or full-width.
fn d(lo: u8, hi: u8) -> String {
    let wide = |v: u8| char::from_u32(0xFF10 + u32::from(v)).unwrap_or('0');
    format!("[{}-{}{}-{}]", lo as char, hi as char, wide(lo - b'0'), wide(hi - b'0'))
}

/// A digit with exactly this value.
fn v(digit: u8) -> String {
    d(digit, digit)
}

/// The pattern: a PCCC, an RRN or a mobile number (each in a named group), then the character after it.
pub fn pattern() -> String {
    let any = d(b'0', b'9');
    // Separators: spaces, dashes and invisible characters for PCCCs and RRNs; dots too for mobile numbers.
    let dash =
        r"[ \-\x{A0}\x{AD}\x{2000}-\x{2015}\x{202A}-\x{202F}\x{205F}-\x{2064}\x{2212}\x{3000}\x{FE63}\x{FEFF}\x{FF0D}]";
    let phone = r"[ \-.\x{A0}\x{AD}\x{2000}-\x{2015}\x{202A}-\x{202F}\x{205F}-\x{2064}\x{2212}\x{3000}\x{FE63}\x{FEFF}\x{FF0D}\x{FF0E}]";
    let (zero, one, two) = (v(b'0'), v(b'1'), v(b'2'));
    let pccc = format!("[PpＰｐ]{dash}?(?:{any}{{12}}|{any}{{4}}{dash}{any}{{4}}{dash}{any}{{4}})");
    // YYMMDD with a real month and day (February 29 always), then the 7th digit 1-8 and 6 more.
    let day_to_29 = format!("(?:{zero}{}|{}{any})", d(b'1', b'9'), d(b'1', b'2'));
    let month_31 = format!("(?:{zero}[13578１３５７８]|{one}[02０２])");
    let month_30 = format!("(?:{zero}[469４６９]|{one}{one})");
    let date = format!(
        "{any}{any}(?:{month_31}(?:{day_to_29}|{}{})|{month_30}(?:{day_to_29}|{}{zero})|{zero}{two}{day_to_29})",
        v(b'3'),
        d(b'0', b'1'),
        v(b'3')
    );
    let rrn = format!("{date}{dash}?{}{any}{{6}}", d(b'1', b'8'));
    // A mobile number after its `01`: `010` + 8 digits, `011`/`016`-`019` + 7 or 8, a separator allowed after
    // the prefix and before the last 4 digits.
    let after_01 = format!("(?:{zero}{phone}?{any}{{4}}|[16-9１６-９]{phone}?{any}{{3,4}}){phone}?{any}{{4}}");
    let domestic = format!("{zero}{one}{after_01}");
    let country = format!("(?:[+＋]{}{two}|{zero}{zero}{}{two})", v(b'8'), v(b'8'));
    let international = format!("{country}{phone}?(?:[(（]{zero}[)）]{phone}?|{zero}?){one}{after_01}");
    let paren = format!(
        "[(（]{zero}{one}(?:{zero}[)）]{phone}?{any}{{4}}|[16-9１６-９][)）]{phone}?{any}{{3,4}}){phone}?{any}{{4}}"
    );
    // The character after: anything but an ASCII or full-width letter or digit, bytes that are not UTF-8
    // included, or the end.
    let after =
        r"(?:$|(?-u:[^0-9A-Za-z\xEF]|\xEF(?:$|[^\xBC\xBD]|\xBC(?:$|[^\x90-\x99\xA1-\xBA])|\xBD(?:$|[^\x81-\x9A]))))";
    format!("(?:(?P<pccc>{pccc})|(?P<rrn>{rrn})|(?P<mobile>{international}|{domestic}|{paren})){after}")
}

/// Whether the character before `at` is not an ASCII or full-width letter or digit.
fn boundary_before(hay: &[u8], at: usize) -> bool {
    !matches!(
        &hay[..at],
        [.., c] if c.is_ascii_alphanumeric()
    ) && !matches!(&hay[..at], [.., 0xEF, 0xBC, 0x90..=0x99 | 0xA1..=0xBA] | [.., 0xEF, 0xBD, 0x81..=0x9A])
}

/// The pattern, compiled for byte haystacks.
pub fn compile() -> Regex {
    // A lazy DFA cache large enough for this pattern (the default 2 MiB would be rebuilt over and over).
    RegexBuilder::new(&pattern()).dfa_size_limit(64 << 20).size_limit(64 << 20).build().expect("the pattern compiles")
}

/// The findings in `hay`, left to right.
pub fn find_all(re: &Regex, hay: &[u8], mut each: impl FnMut(Kind, Range<usize>)) {
    let mut locs = re.capture_locations();
    let mut at = 0;
    while at < hay.len() {
        let Some(whole) = re.captures_read_at(&mut locs, hay, at) else { break };
        let (group, kind) = if let Some(g) = locs.get(1) {
            (g, Kind::Pccc)
        } else if let Some(g) = locs.get(2) {
            (g, Kind::Rrn)
        } else {
            (locs.get(3).expect("one group matched"), Kind::Phone)
        };
        if boundary_before(hay, group.0) {
            each(kind, group.0..group.1);
            at = group.1;
        } else {
            at = whole.start() + 1;
        }
    }
}
