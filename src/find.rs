//! Finding personal numbers in free text: the rules are on [`find_sensitive`].

use core::fmt;
use core::iter::FusedIterator;
use core::ops::Range;

/// The longest finding, in bytes: `００８２ （０） １０－１２３４－５６７８` (every character full-width, with every
/// separator the international form allows) is 63 bytes.
///
/// # Example: size a stream reader's carry-over
///
/// ```
/// use pccc_guard::{CONTEXT_LEN, MAX_FINDING_LEN};
///
/// let carry = MAX_FINDING_LEN + 2 * CONTEXT_LEN;
/// assert!(carry < 128);
/// ```
pub const MAX_FINDING_LEN: usize = 63;

/// How many bytes before and after a finding decide whether it is one: the character just before its start and
/// the one just after its end (a full-width letter or digit is 3 bytes in UTF-8).
///
/// # Example: the character after a number decides
///
/// ```
/// use pccc_guard::{find_sensitive, CONTEXT_LEN};
///
/// assert_eq!(CONTEXT_LEN, 3);
/// assert_eq!(find_sensitive("010-1234-5678번").count(), 1);
/// assert_eq!(find_sensitive("010-1234-5678ｘ").count(), 0);
/// ```
pub const CONTEXT_LEN: usize = 3;

/// What kind of personal number a [`Finding`] is.
///
/// # Example: the stable codes
///
/// ```
/// use pccc_guard::Kind;
///
/// assert_eq!(Kind::Rrn.code(), "rrn");
/// assert_eq!(Kind::from_code("phone"), Some(Kind::Phone));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Kind {
    /// A personal customs clearance code (개인통관고유부호), code `pccc`.
    Pccc,
    /// A resident registration number (주민등록번호), code `rrn`.
    Rrn,
    /// A Korean mobile number (휴대전화 번호), code `phone`.
    Phone,
}

impl Kind {
    /// Every kind, in the order of their codes in [`Kind::CODES`].
    pub const ALL: [Kind; 3] = [Kind::Pccc, Kind::Rrn, Kind::Phone];

    /// Every code.
    pub const CODES: [&'static str; 3] = ["pccc", "rrn", "phone"];

    /// The stable snake_case code: `pccc`, `rrn` or `phone`.
    ///
    /// # Example: label a finding
    ///
    /// ```
    /// use pccc_guard::find_sensitive;
    ///
    /// let kinds: Vec<_> = find_sensitive("P123456789012, 010-1234-5678").map(|f| f.kind.code()).collect();
    /// assert_eq!(kinds, ["pccc", "phone"]);
    /// ```
    pub const fn code(self) -> &'static str {
        match self {
            Kind::Pccc => "pccc",
            Kind::Rrn => "rrn",
            Kind::Phone => "phone",
        }
    }

    /// The kind with this code, if any (exact, lower-case).
    ///
    /// # Example: read a command-line list
    ///
    /// ```
    /// use pccc_guard::{Kind, Kinds};
    ///
    /// let kinds: Option<Kinds> = "pccc,rrn".split(',').map(Kind::from_code).collect();
    /// assert_eq!(kinds, Some(Kinds::NONE.with(Kind::Pccc).with(Kind::Rrn)));
    /// assert_eq!(Kind::from_code("PHONE"), None);
    /// ```
    pub fn from_code(code: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.code() == code)
    }

    const fn bit(self) -> u8 {
        match self {
            Kind::Pccc => 1,
            Kind::Rrn => 2,
            Kind::Phone => 4,
        }
    }
}

/// A set of [`Kind`]s: which kinds to look for.
///
/// # Example: only customs codes and RRNs
///
/// ```
/// use pccc_guard::{find_sensitive, Kind, Kinds};
///
/// const KINDS: Kinds = Kinds::ALL.without(Kind::Phone);
/// assert!(KINDS.contains(Kind::Rrn) && !KINDS.contains(Kind::Phone));
/// assert_eq!(find_sensitive("010-1234-5678").kinds(KINDS).count(), 0);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Kinds(u8);

impl Kinds {
    /// Every kind.
    pub const ALL: Kinds = Kinds(7);
    /// No kind.
    pub const NONE: Kinds = Kinds(0);

    /// The set of one kind.
    ///
    /// # Example: only mobile numbers
    ///
    /// ```
    /// use pccc_guard::{Kind, Kinds};
    ///
    /// assert_eq!(Kinds::only(Kind::Phone), Kinds::NONE.with(Kind::Phone));
    /// ```
    pub const fn only(kind: Kind) -> Kinds {
        Kinds(kind.bit())
    }

    /// This set and `kind`.
    ///
    /// # Example: add a kind
    ///
    /// ```
    /// use pccc_guard::{Kind, Kinds};
    ///
    /// assert!(Kinds::only(Kind::Pccc).with(Kind::Rrn).contains(Kind::Rrn));
    /// ```
    pub const fn with(self, kind: Kind) -> Kinds {
        Kinds(self.0 | kind.bit())
    }

    /// This set without `kind`.
    ///
    /// # Example: remove a kind
    ///
    /// ```
    /// use pccc_guard::{Kind, Kinds};
    ///
    /// assert!(!Kinds::ALL.without(Kind::Rrn).contains(Kind::Rrn));
    /// ```
    pub const fn without(self, kind: Kind) -> Kinds {
        Kinds(self.0 & !kind.bit())
    }

    /// Whether `kind` is in the set.
    ///
    /// # Example: ask
    ///
    /// ```
    /// use pccc_guard::{Kind, Kinds};
    ///
    /// assert!(Kinds::ALL.contains(Kind::Phone));
    /// assert!(!Kinds::NONE.contains(Kind::Phone));
    /// ```
    pub const fn contains(self, kind: Kind) -> bool {
        self.0 & kind.bit() != 0
    }
}

impl FromIterator<Kind> for Kinds {
    fn from_iter<I: IntoIterator<Item = Kind>>(iter: I) -> Kinds {
        iter.into_iter().fold(Kinds::NONE, Kinds::with)
    }
}

/// Lists the codes: `{"pccc", "phone"}`.
impl fmt::Debug for Kinds {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(Kind::ALL.iter().filter(|k| self.contains(**k)).map(|k| k.code())).finish()
    }
}

/// A personal number found in text: its kind and where it is, as a byte range of the text. The range covers
/// the number from its first character (`P`, `+`, `(` or a digit) to its last digit, separators included.
///
/// # Example: cut the number out
///
/// ```
/// use pccc_guard::{find_sensitive, Kind};
///
/// let text = "연락처 010-1234-5678 입니다";
/// let found = find_sensitive(text).next().ok_or("nothing found")?;
/// assert_eq!(found.kind, Kind::Phone);
/// assert_eq!(&text[found.range], "010-1234-5678");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Finding {
    /// What kind of number it is.
    pub kind: Kind,
    /// Where it is: a byte range of the text (on character boundaries for a `&str`).
    pub range: Range<usize>,
}

/// Finds the personal numbers in `text`: [`Finding`]s, each a [`Kind`] and a byte range, left to right and
/// never overlapping. The same findings as [`find_sensitive_bytes`] on `text.as_bytes()`; every range is on
/// character boundaries. The rules:
///
/// - **`pccc`**: `P`, `p`, `Ｐ` or `ｐ`, an optional separator, then 12 digits written together or grouped 4-4-4
///   (`P123456789012`, `P1234-5678-9012`, `p 1234 5678 9012`, `P-1234-5678-9012`).
/// - **`rrn`**: YYMMDD, an optional separator, then 7 digits (`900101-1234567`, `9001011234567`). The date must
///   exist (month 01–12, day 01 to the month's last, February 29 always allowed) and the 7th digit must be 1–8:
///   1–4 for Koreans and 5–8 for foreign residents born in the 1900s and 2000s. 9 and 0 (born in the 1800s) are
///   not accepted: no such holder is alive, and accepting every 7th digit would make a quarter more of the
///   13-digit numbers in logs (barcodes, timestamps) look like RRNs. No checksum: it does not hold for numbers
///   issued since October 2020.
/// - **`phone`**: a Korean mobile number as the phone field accepts it: `010` + 8 digits, `011`, `016`–`019` +
///   7 or 8, written together or grouped with a separator after the prefix and/or before the last 4 digits
///   (`010-1234-5678`, `011 123 4567`, `010.1234.5678`, `010 12345678`, `01012345678`); the prefix may be in
///   parentheses (`(010) 1234-5678`). The international forms put `+82` or `0082`, an optional separator and
///   optionally `(0)` and a separator in front, with or without the trunk `0` (`+82 10-1234-5678`,
///   `+82-(0)10-1234-5678`, `+82 010 1234 5678`, `0082 10 1234 5678`, `+821012345678`). Landlines (`02`,
///   `031`–`064`), `070`, `050x` and every other prefix are not mobile numbers.
///
/// Digits may be ASCII or full-width (`０`–`９`), mixed freely; `+`, `(` and `)` may be full-width too.
/// Separators are single characters, at most one between two groups, so a run of spaces never glues two numbers
/// together:
///
/// - for `pccc` and `rrn`: the spaces and dashes the fields drop (space, U+00A0, U+2000–U+200A, U+202F, U+205F,
///   U+3000; `-`, U+2010–U+2015, U+2212, U+FE63, `－`) and the invisible characters they drop (U+00AD,
///   U+200B–U+200F, U+202A–U+202E, U+2060–U+2064, U+FEFF); tabs and line breaks are not separators;
/// - for `phone`: the same, plus `.` and `．`, as the phone field accepts dots.
///
/// **Boundaries.** A finding is never part of a longer run of letters or digits: the character just before it
/// and the one just after it must not be an ASCII letter or digit, nor a full-width one (`Ａ`–`Ｚ`, `ａ`–`ｚ`,
/// `０`–`９`). Anything else is a boundary: spaces, punctuation, Hangul (`번호는01012345678입니다` has a finding:
/// Korean particles attach to numbers without a space), other scripts, and bytes that are not UTF-8. So a
/// 15-digit tracking number, a 16-digit card number, `P` + 13 digits or `ORD-20261129-0001` have no finding.
///
/// **Streaming.** A finding is at most [`MAX_FINDING_LEN`] bytes long, and whether there is one depends only on
/// its own bytes and the one character before and after it, at most [`CONTEXT_LEN`] bytes each way. A reader
/// that scans a stream buffer by buffer keeps the last `MAX_FINDING_LEN + CONTEXT_LEN` bytes of each buffer
/// (plus `CONTEXT_LEN` bytes of look-behind) for the next one; see [`Findings::starting_at`].
///
/// Scanning runs in time linear in the input, allocates nothing and never panics.
///
/// # Example: find the numbers in a delivery memo
///
/// ```
/// use pccc_guard::{find_sensitive, Kind};
///
/// let memo = "문 앞에 놔주세요. 통관부호 P1234-5678-9012, 연락처 010 1234 5678";
/// let found: Vec<_> = find_sensitive(memo).map(|f| (f.kind, &memo[f.range])).collect();
/// assert_eq!(found, [(Kind::Pccc, "P1234-5678-9012"), (Kind::Phone, "010 1234 5678")]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn find_sensitive(text: &str) -> Findings<'_> {
    find_sensitive_bytes(text.as_bytes())
}

/// Finds the personal numbers in arbitrary bytes, left to right: the rules of [`find_sensitive`], where bytes
/// that are not part of a UTF-8 character the rules name (ASCII, the full-width forms and the separators) are
/// just other characters, which break runs like punctuation does. Ranges are byte ranges.
///
/// # Example: scan a raw log buffer
///
/// ```
/// use pccc_guard::{find_sensitive_bytes, Kind};
///
/// let log = b"\xff\xfe user=kim tel=+82-10-1234-5678\n";
/// let found: Vec<_> = find_sensitive_bytes(log).collect();
/// assert_eq!(found.len(), 1);
/// assert_eq!((found[0].kind, &log[found[0].range.clone()]), (Kind::Phone, &b"+82-10-1234-5678"[..]));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn find_sensitive_bytes(bytes: &[u8]) -> Findings<'_> {
    Findings { bytes, pos: 0, kinds: Kinds::ALL, words_to: 0 }
}

/// The iterator of [`find_sensitive`] and [`find_sensitive_bytes`]: findings in order, never overlapping.
///
/// # Example: count the numbers in a line
///
/// ```
/// use pccc_guard::find_sensitive;
///
/// assert_eq!(find_sensitive("900101-1234567 / P123456789012").count(), 2);
/// ```
#[derive(Clone, Debug)]
pub struct Findings<'a> {
    bytes: &'a [u8],
    pos: usize,
    kinds: Kinds,
    /// Where the scan's word reading stops to try skipping blocks again ([`scan`]).
    words_to: usize,
}

impl<'a> Findings<'a> {
    /// Finds only the given kinds, as if the others were not there.
    ///
    /// # Example: only RRNs
    ///
    /// ```
    /// use pccc_guard::{find_sensitive, Kind, Kinds};
    ///
    /// let text = "P123456789012 900101-1234567";
    /// let found: Vec<_> = find_sensitive(text).kinds(Kinds::only(Kind::Rrn)).collect();
    /// assert_eq!((found.len(), found[0].range.start), (1, 14));
    /// ```
    pub fn kinds(self, kinds: Kinds) -> Findings<'a> {
        Findings { kinds, ..self }
    }

    /// Finds only numbers that start at byte `pos` or later; the bytes before `pos` are still read as the
    /// look-behind context (the character before a number decides whether it is one).
    ///
    /// This is what a stream reader needs. It scans a buffer that starts with `CONTEXT_LEN` bytes kept from the
    /// previous one (or with the stream's start), from `pos` = that carry-over; it takes the findings that start
    /// before `len - MAX_FINDING_LEN - CONTEXT_LEN` (their bytes and context are all in the buffer, so they are
    /// exactly the findings a scan of the whole stream gives), writes out everything before the end of the last
    /// one taken or that point, whichever is later, and keeps the rest for the next buffer, with `CONTEXT_LEN`
    /// bytes before it. At the end of the stream it takes every finding.
    ///
    /// # Example: a number that straddles two reads
    ///
    /// ```
    /// use pccc_guard::{find_sensitive_bytes, CONTEXT_LEN, MAX_FINDING_LEN};
    ///
    /// let first = [&[b'.'; 90][..], b" tel 010-12"].concat();
    /// let second = b"34-5678 ok";
    /// // Nothing starts before `safe` in the first buffer: keep from there, with the look-behind.
    /// let safe = first.len() - MAX_FINDING_LEN - CONTEXT_LEN;
    /// assert_eq!(find_sensitive_bytes(&first).filter(|f| f.range.start < safe).count(), 0);
    /// let next = [&first[safe - CONTEXT_LEN..], &second[..]].concat();
    /// let found: Vec<_> = find_sensitive_bytes(&next).starting_at(CONTEXT_LEN).collect();
    /// assert_eq!(&next[found[0].range.clone()], b"010-1234-5678");
    /// ```
    pub fn starting_at(self, pos: usize) -> Findings<'a> {
        Findings { pos: pos.min(self.bytes.len()), words_to: 0, ..self }
    }
}

impl Iterator for Findings<'_> {
    type Item = Finding;

    fn next(&mut self) -> Option<Finding> {
        let b = self.bytes;
        let mut from = self.pos;
        while let Some((at, mut candidates)) = scan(b, from, &mut self.words_to) {
            while candidates != 0 {
                let i = at + (candidates.trailing_zeros() / 8) as usize;
                candidates &= candidates - 1;
                if let Some(found) = self.at(b, i) {
                    self.pos = found.range.end;
                    return Some(found);
                }
            }
            from = at + 8;
        }
        self.pos = b.len();
        None
    }
}

impl FusedIterator for Findings<'_> {}

// ---- The scan -----------------------------------------------------------------------------------------------------

/// The first word (8 bytes) at or after `from` with bytes that may start a number: where it starts, and those bytes
/// as flags in the high bit of each of its bytes. Every finding starts at such a byte (in logs, about one word in 80
/// has any), and `Findings::at` checks each exactly. See [`candidates`] for which bytes they are.
///
/// Native code built at opt-level 2 or 3 (`block_scan`, set by build.rs) first skips whole blocks in which no
/// number can start ([`block_starts`]) and reads words only in the others, up to `words_to`, which the next call
/// goes on from (a block is tested once, however many candidates it holds). The WebAssembly modules and code built
/// for size or debugging read every word: without SIMD instructions the block test would cost time, and size.
#[inline(never)]
fn scan(b: &[u8], from: usize, words_to: &mut usize) -> Option<(usize, u64)> {
    let mut at = from;
    while at < b.len() {
        if at >= *words_to {
            (at, *words_to) = next_block(b, at);
        }
        let mut ahead = Ahead::of(word_at(b, at));
        while at < *words_to {
            // The word and the next one, the last ones padded with zeros (no flags).
            let (word, next) = match b.get(at..at + 16) {
                Some(pair) => (word_at(pair, 0), word_at(pair, 8)),
                None => (word_at(b, at), word_at(b, at + 8)),
            };
            let next = Ahead::of(next);
            let candidates = candidates(word, ahead, next);
            ahead = next;
            if candidates != 0 {
                // The first byte's look-behind is the byte before the word.
                let after_alnum = at.checked_sub(1).and_then(|i| b.get(i)).is_some_and(u8::is_ascii_alphanumeric);
                let candidates = if after_alnum { candidates & !0x80 } else { candidates };
                if candidates != 0 {
                    return Some((at, candidates));
                }
            }
            at += 8;
        }
    }
    None
}

/// The bytes [`block_starts`] tests: the block, the byte before it and the bytes after it that its last bytes look
/// ahead to (5 are needed; 16 keep every loop over the window a whole number of 16-byte vectors).
#[cfg(block_scan)]
const WINDOW: usize = BLOCK + 16;
/// How many bytes [`block_starts`] tests at once, in groups of `GROUP`.
#[cfg(block_scan)]
const BLOCK: usize = 64;
#[cfg(block_scan)]
const GROUP: usize = 16;

/// Where the word reading of [`scan`] goes on from `at`, and where it stops to test blocks again: past every block
/// from `at` on in which [`block_starts`] finds no possible start, then over the groups of the first other block
/// from the first to the last that may hold one; or the rest of the input, when too little is left for a block
/// test. The input's first block is read as words: there is no byte before it to test with.
#[cfg(block_scan)]
#[inline]
fn next_block(b: &[u8], mut at: usize) -> (usize, usize) {
    if at == 0 {
        return (0, BLOCK.min(b.len()));
    }
    while let Some(window) = b.get(at - 1..).and_then(|rest| rest.first_chunk::<WINDOW>()) {
        let groups = block_starts(window);
        if groups != 0 {
            let first = groups.trailing_zeros() as usize;
            let last = (u32::BITS - groups.leading_zeros()) as usize;
            return (at + GROUP * first, at + GROUP * last);
        }
        at += BLOCK;
    }
    (at, b.len())
}

#[cfg(not(block_scan))]
#[inline]
fn next_block(b: &[u8], at: usize) -> (usize, usize) {
    (at, b.len())
}

/// Which groups of `GROUP` bytes among the `BLOCK` bytes of `window` after its first byte may hold the start of a
/// number (bit `g` for group `g`): where a byte passes the tests of [`candidates`] (the same rules, but on whole
/// bytes, and tighter for `(` and `+`: a number's `(` is followed by its `0` and its `+` by the `8` of `82`, or by
/// a full-width form). Written as plain loops over byte arrays, one lane per byte and no branch, which the
/// compiler turns into SIMD instructions (SSE2 on every x86-64, NEON on aarch64): about 7 instructions per byte,
/// against 13 for reading words. In logs 93 blocks in 100 have no such byte (the `+` of `+09:00` in every
/// timestamp no longer stops the scan), and most of the others one group.
#[cfg(block_scan)]
#[inline(never)]
fn block_starts(window: &[u8; WINDOW]) -> u32 {
    let digit = |c: u8| u8::from(c.wrapping_sub(b'0') < 10);
    let high = |c: u8| u8::from(c >= 0x80);
    let wide = |c: u8| u8::from(c >= 0xEF);
    // What every start looks ahead (or back) to, worked out once per byte: bit 0, a digit or a byte of a
    // full-width digit; bit 1, `0`, `1` or such a byte (an RRN's month, a mobile prefix's second digit).
    let ahead: [u8; WINDOW] = core::array::from_fn(|j| {
        let c = window[j];
        digit(c) | high(c) | (u8::from(c.wrapping_sub(b'0') < 2) | high(c)) << 1
    });
    // 1 when the byte is no ASCII letter or digit.
    let boundary: [u8; WINDOW] =
        core::array::from_fn(|j| !(digit(window[j]) | u8::from((window[j] | 0x20).wrapping_sub(b'a') < 26)) & 1);
    let mut groups = 0;
    for g in 0..BLOCK / GROUP {
        let mut any = 0;
        for i in GROUP * g..GROUP * (g + 1) {
            // The byte before a possible start, the start and the five bytes after it.
            let [c, n1] = [1, 2].map(|k| window[i + k]);
            let [a1, a2, a3, a4, a5] = [2, 3, 4, 5, 6].map(|k| ahead[i + k]);
            let run = digit(c) & a1 & a2 & (u8::from(c == b'0') & a1 >> 1 | a3 & a4 & a5 & a2 >> 1);
            let start = u8::from(c | 0x20 == b'p') & (u8::from(n1 < 0x40) | high(n1))
                | u8::from(c == b'+') & (u8::from(n1 == b'8') | wide(n1))
                | u8::from(c == b'(') & (u8::from(n1 == b'0') | wide(n1))
                | wide(c);
            any |= (run | start) & boundary[i];
        }
        groups |= u32::from(any != 0) << g;
    }
    groups
}

/// The 8 bytes at `at` as a little-endian word, zeros past the end.
#[inline]
fn word_at(b: &[u8], at: usize) -> u64 {
    // `try_from` rather than `copy_from_slice`, whose length-mismatch panic would bring number formatting into
    // the WebAssembly module. (`at` is never more than 16 past the length, so `at + 8` does not overflow.)
    match b.get(at..at + 8).and_then(|chunk| <[u8; 8]>::try_from(chunk).ok()) {
        Some(bytes) => u64::from_le_bytes(bytes),
        None => {
            let mut bytes = [0u8; 8];
            bytes.iter_mut().zip(b.get(at..).unwrap_or_default()).for_each(|(to, from)| *to = *from);
            u64::from_le_bytes(bytes)
        }
    }
}

/// Flags of a word's bytes that the bytes before them look ahead to: digits and non-ASCII bytes (which full-width
/// digits are made of); `0`, `1` and non-ASCII bytes (an RRN's month starts with one, and a mobile number's or
/// `0082`'s second digit is one); bytes below 0x40 (digits, spaces, dashes) and non-ASCII bytes: what can follow the
/// `P` of a PCCC.
#[derive(Clone, Copy)]
struct Ahead {
    digitish: u64,
    low: u64,
    follow: u64,
}

const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// `b` in every byte of a word.
const fn splat(b: u8) -> u64 {
    b as u64 * 0x0101_0101_0101_0101
}

/// The high bit of each byte of `t` (high bits cleared) is set when the byte lies in `lo..=hi`; the other bits
/// are noise, for the caller to mask off.
#[inline(always)]
fn in_range(t: u64, lo: u8, hi: u8) -> u64 {
    t.wrapping_add(splat(0x80 - lo)) & splat(0x80 + hi).wrapping_sub(t)
}

impl Ahead {
    #[inline(always)]
    fn of(word: u64) -> Ahead {
        let t = word & LOW7;
        Ahead {
            digitish: (in_range(t, b'0', b'9') | word) & HIGH,
            low: (in_range(t, b'0', b'1') | word) & HIGH,
            follow: (!(word << 1) | word) & HIGH,
        }
    }
}

/// The bytes of `word` that may start a number as far as they and the bytes after them tell (given the look-ahead
/// flags of the word and of the next one), and that do not follow an ASCII letter or digit in the word:
///
/// - a digit that two more follow, and either it is 0 and the next is 0 or 1 (a mobile number or `0082`), or five
///   more follow and the third is 0 or 1 (an RRN, whose month starts with one);
/// - `P` or `p` before a digit, a space, a dash or a non-ASCII byte (a separator);
/// - `(` or `+` before a digit or a non-ASCII byte (and `)` and `*` there, which share their range);
/// - 0xEF (the lead byte of the full-width forms) and the bytes above it.
///
/// Full-width digits are just non-ASCII bytes here: each rule lets through whatever a number in full-width forms
/// can look like.
#[inline(always)]
fn candidates(word: u64, ahead: Ahead, next: Ahead) -> u64 {
    let t = word & LOW7;
    let ascii = !word & HIGH;
    let lower = t | splat(0x20);
    let digits = in_range(t, b'0', b'9');
    let digit = digits & ascii;
    let zero = digit & splat(0x80 + b'0').wrapping_sub(t);
    let pair = |a: u64, b: u64| u128::from(b) << 64 | u128::from(a);
    let (digitish, low) = (pair(ahead.digitish, next.digitish), pair(ahead.low, next.low));
    let at = |flags: u128, j: u32| (flags >> (8 * j)) as u64;
    let three = at(digitish, 1) & at(digitish, 2);
    let six = three & at(digitish, 3) & at(digitish, 4) & at(digitish, 5);
    let p = in_range(lower, b'p', b'p') & at(pair(ahead.follow, next.follow), 1);
    let start = (p | in_range(t, b'(', b'+') & at(digitish, 1)) & ascii | t.wrapping_add(splat(0x11)) & word & HIGH;
    let alnum = (digits | in_range(lower, b'a', b'z')) & ascii;
    (digit & three & (zero & at(low, 1) | six & at(low, 2)) | start) & !(alnum << 8)
}

impl Findings<'_> {
    /// The finding that starts at `i`, if any: the exact check of a candidate the masks let through.
    #[inline]
    fn at(&self, b: &[u8], i: usize) -> Option<Finding> {
        let rest = b.get(i..).unwrap_or_default();
        if let [first @ b'0'..=b'9', ..] = rest {
            // Most digit runs in logs are ruled out by their length and first digits alone.
            let run = rest.iter().take_while(|c| c.is_ascii_digit()).count();
            if rest.get(run) != Some(&0xEF) && !could_start(*first, rest, run) {
                return None;
            }
        }
        let class = start_class(b, i);
        if class == Class::Other || after_alnum(b, i) {
            return None;
        }
        self.match_at(b, i, class).map(|(kind, end)| Finding { kind, range: i..end })
    }

    /// The number of an enabled kind that starts at `i` (after a boundary), and its end.
    #[inline]
    fn match_at(&self, b: &[u8], i: usize, class: Class) -> Option<(Kind, usize)> {
        let kinds = self.kinds;
        match class {
            Class::Digit => digit_start(b, i, kinds),
            Class::P if kinds.contains(Kind::Pccc) => pccc(b, i).map(|end| (Kind::Pccc, end)),
            Class::Plus if kinds.contains(Kind::Phone) => {
                let j = country_code(b, i + char_width(b, i))?;
                intl_tail(b, j).map(|end| (Kind::Phone, end))
            }
            Class::Open if kinds.contains(Kind::Phone) => paren_mobile(b, i).map(|end| (Kind::Phone, end)),
            _ => None,
        }
    }
}

/// Whether a run of `run` ASCII digits at the start of `rest` (not followed by a full-width digit) may begin a
/// number: an RRN's 6 or 13 digits with a month in place, a mobile number's 3, 6, 7, 10 or 11 starting with
/// `01`, or `0082`.
#[inline]
fn could_start(first: u8, rest: &[u8], run: usize) -> bool {
    let month = matches!(rest, [_, _, b'0', b'1'..=b'9', ..] | [_, _, b'1', b'0'..=b'2', ..]);
    let mobile = first == b'0' && rest.get(1) == Some(&b'1');
    let intl = rest.starts_with(b"0082");
    match run {
        13 => month || intl,
        6 => month || mobile || intl,
        3 => mobile,
        7 | 10 | 11 => mobile || intl,
        4.. => intl,
        _ => false,
    }
}

// ---- Characters ---------------------------------------------------------------------------------------------------

/// What the character at a possible start is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Digit,
    P,
    Plus,
    Open,
    Other,
}

/// The class of the character at `i`.
#[inline]
fn start_class(b: &[u8], i: usize) -> Class {
    match b.get(i..).unwrap_or_default() {
        [b'0'..=b'9', ..] | [0xEF, 0xBC, 0x90..=0x99, ..] => Class::Digit,
        [b'P' | b'p', ..] | [0xEF, 0xBC, 0xB0, ..] | [0xEF, 0xBD, 0x90, ..] => Class::P,
        [b'+', ..] | [0xEF, 0xBC, 0x8B, ..] => Class::Plus,
        [b'(', ..] | [0xEF, 0xBC, 0x88, ..] => Class::Open,
        _ => Class::Other,
    }
}

/// The width of the character at `i` if it is a full-width form, else 1.
#[inline]
fn char_width(b: &[u8], i: usize) -> usize {
    match b.get(i) {
        Some(0xEF) => 3,
        _ => 1,
    }
}

/// The width of the ASCII or full-width letter or digit at `i`, or 0.
#[inline]
fn alnum_width(b: &[u8], i: usize) -> usize {
    match b.get(i..).unwrap_or_default() {
        [c, ..] if c.is_ascii_alphanumeric() => 1,
        [0xEF, 0xBC, 0x90..=0x99 | 0xA1..=0xBA, ..] | [0xEF, 0xBD, 0x81..=0x9A, ..] => 3,
        _ => 0,
    }
}

/// Whether the character that ends just before `i` is an ASCII or full-width letter or digit.
#[inline]
fn after_alnum(b: &[u8], i: usize) -> bool {
    let before = b.get(..i).unwrap_or_default();
    match before {
        [.., c] if c.is_ascii_alphanumeric() => true,
        [.., 0xEF, 0xBC, 0x90..=0x99 | 0xA1..=0xBA] | [.., 0xEF, 0xBD, 0x81..=0x9A] => true,
        _ => false,
    }
}

/// The value and width of the ASCII or full-width digit at `i`.
#[inline]
fn digit(b: &[u8], i: usize) -> Option<(u8, usize)> {
    match b.get(i..).unwrap_or_default() {
        [c @ b'0'..=b'9', ..] => Some((c - b'0', 1)),
        [0xEF, 0xBC, c @ 0x90..=0x99, ..] => Some((c - 0x90, 3)),
        _ => None,
    }
}

/// Which separators a kind accepts.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Seps {
    /// Spaces, dashes and invisible characters (`pccc`, `rrn`).
    Dash,
    /// Those and dots (`mobile`).
    Phone,
}

/// The width of the separator at `i`, or 0.
#[inline]
fn sep(b: &[u8], i: usize, seps: Seps) -> usize {
    match b.get(i..).unwrap_or_default() {
        [b' ' | b'-', ..] => 1,
        [b'.', ..] if seps == Seps::Phone => 1,
        [0xC2, 0xA0 | 0xAD, ..] => 2,
        [0xE2, 0x80, 0x80..=0x95 | 0xAA..=0xAF, ..]
        | [0xE2, 0x81, 0x9F..=0xA4, ..]
        | [0xE2, 0x88, 0x92, ..]
        | [0xE3, 0x80, 0x80, ..]
        | [0xEF, 0xB9, 0xA3, ..]
        | [0xEF, 0xBB, 0xBF, ..]
        | [0xEF, 0xBC, 0x8D, ..] => 3,
        [0xEF, 0xBC, 0x8E, ..] if seps == Seps::Phone => 3,
        _ => 0,
    }
}

/// The width of the separator at `i` if a digit follows it, else 0.
#[inline]
fn sep_before_digit(b: &[u8], i: usize, seps: Seps) -> usize {
    match sep(b, i, seps) {
        0 => 0,
        w if digit(b, i + w).is_some() => w,
        _ => 0,
    }
}

// ---- Numbers ------------------------------------------------------------------------------------------------------

/// The most digits kept while reading a number; no number has more than 14 in a row.
const CAP: usize = 16;

/// Reads the run of digits at `i` into `d` from index `n` (at most up to [`CAP`] digits in all), returning the
/// end of what was read and the new count.
#[inline]
fn read_run(b: &[u8], mut i: usize, d: &mut [u8; CAP], mut n: usize) -> (usize, usize) {
    while let Some(slot) = d.get_mut(n) {
        let Some((v, w)) = digit(b, i) else { break };
        *slot = v;
        n += 1;
        i += w;
    }
    (i, n)
}

/// The end of the number if one ends at `end`: the next character is no letter or digit.
#[inline]
fn ends(b: &[u8], end: usize) -> Option<usize> {
    (alnum_width(b, end) == 0).then_some(end)
}

/// An RRN or a mobile number (domestic, or international with `0082`) starting with the digit at `i`.
fn digit_start(b: &[u8], i: usize, kinds: Kinds) -> Option<(Kind, usize)> {
    let mut d = [0u8; CAP];
    let (end, n) = read_run(b, i, &mut d, 0);
    if (n == 13 || n == 6) && kinds.contains(Kind::Rrn) {
        if let Some(end) = rrn(b, d, n, end) {
            return Some((Kind::Rrn, end));
        }
    }
    if !kinds.contains(Kind::Phone) {
        return None;
    }
    match n {
        4.. if d[..4] == [0, 0, 8, 2] => {
            // Past the four digits of 0082, which may be full-width.
            let j = (0..4).try_fold(i, |j, _| digit(b, j).map(|(_, w)| j + w))?;
            intl_tail(b, j).map(|end| (Kind::Phone, end))
        }
        3 | 6 | 7 | 10 | 11 => mobile(b, d, n, end, [0, 0], 0).map(|end| (Kind::Phone, end)),
        _ => None,
    }
}

/// An RRN whose first run of `n` digits (13, or 6 before a separator) is in `d` and ends at `end`.
fn rrn(b: &[u8], mut d: [u8; CAP], n: usize, end: usize) -> Option<usize> {
    let end = match n {
        13 => end,
        _ => match read_run(b, end + sep_before_digit(b, end, Seps::Dash), &mut d, 6) {
            (end, 13) => end,
            _ => return None,
        },
    };
    let month = d[2] * 10 + d[3];
    let day = d[4] * 10 + d[5];
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 => 29,
        _ => 0,
    };
    if (1..=days).contains(&day) && (1..=8).contains(&d[6]) {
        ends(b, end)
    } else {
        None
    }
}

/// A PCCC starting with the `P` at `i`.
fn pccc(b: &[u8], i: usize) -> Option<usize> {
    let mut j = i + char_width(b, i);
    j += sep_before_digit(b, j, Seps::Dash);
    let mut d = [0u8; CAP];
    let (mut end, mut n) = read_run(b, j, &mut d, 0);
    if n == 4 {
        for want in [8, 12] {
            let s = sep_before_digit(b, end, Seps::Dash);
            if s == 0 {
                return None;
            }
            (end, n) = read_run(b, end + s, &mut d, n);
            if n != want {
                return None;
            }
        }
    }
    if n == 12 {
        ends(b, end)
    } else {
        None
    }
}

/// Past `82` after the `+` of an international number.
fn country_code(b: &[u8], i: usize) -> Option<usize> {
    match (digit(b, i), digit(b, i + char_width(b, i))) {
        (Some((8, w1)), Some((2, w2))) => Some(i + w1 + w2),
        _ => None,
    }
}

/// A mobile number after its country code (`+82` or `0082`) ending at `j`: an optional separator, an optional
/// `(0)` and separator, then the number with or without its trunk `0`.
fn intl_tail(b: &[u8], mut j: usize) -> Option<usize> {
    j += sep(b, j, Seps::Phone);
    let trunk = match paren_zero(b, j) {
        Some(end) => {
            j = end + sep_before_digit(b, end, Seps::Phone);
            false
        }
        None => digit(b, j)?.0 == 0,
    };
    // Without its trunk 0 the number is read as if the 0 were there.
    let mut d = [0u8; CAP];
    let start = usize::from(!trunk);
    let (end, n) = read_run(b, j, &mut d, start);
    if n == start {
        return None;
    }
    mobile(b, d, n, end, [0, 0], 0)
}

/// The end of `(0)` (parentheses and digit ASCII or full-width) at `j`.
fn paren_zero(b: &[u8], j: usize) -> Option<usize> {
    let j = open_paren(b, j)?;
    match digit(b, j) {
        Some((0, w)) => close_paren(b, j + w),
        _ => None,
    }
}

/// Past `(` or `（` at `j`.
fn open_paren(b: &[u8], j: usize) -> Option<usize> {
    match b.get(j..).unwrap_or_default() {
        [b'(', ..] => Some(j + 1),
        [0xEF, 0xBC, 0x88, ..] => Some(j + 3),
        _ => None,
    }
}

/// Past `)` or `）` at `j`.
fn close_paren(b: &[u8], j: usize) -> Option<usize> {
    match b.get(j..).unwrap_or_default() {
        [b')', ..] => Some(j + 1),
        [0xEF, 0xBC, 0x89, ..] => Some(j + 3),
        _ => None,
    }
}

/// A domestic mobile number whose prefix is in parentheses, starting with the `(` at `i`: `(010) 1234-5678`.
fn paren_mobile(b: &[u8], i: usize) -> Option<usize> {
    let mut d = [0u8; CAP];
    let (end, n) = read_run(b, open_paren(b, i)?, &mut d, 0);
    if n != 3 {
        return None;
    }
    let j = close_paren(b, end)?;
    let j = j + sep_before_digit(b, j, Seps::Phone);
    digit(b, j)?;
    let (end, n) = read_run(b, j, &mut d, 3);
    mobile(b, d, n, end, [3, 0], 1)
}

/// A mobile number in domestic form whose first `n` digits are in `d` and end at `end`, after `groups` group
/// boundaries (digit counts) at `bounds`: continues over up to two single separators, each after the prefix
/// (3 digits) or before the last 4 digits.
fn mobile(
    b: &[u8],
    mut d: [u8; CAP],
    mut n: usize,
    mut end: usize,
    mut bounds: [usize; 2],
    mut groups: usize,
) -> Option<usize> {
    if n < 3 || d[0] != 0 || d[1] != 1 || !matches!(d[2], 0 | 1 | 6..=9) {
        return None;
    }
    loop {
        let len_ok = if d[2] == 0 { n == 11 } else { n == 10 || n == 11 };
        if len_ok && bounds[..groups].iter().all(|&at| at == 3 || at == n - 4) {
            if let Some(end) = ends(b, end) {
                return Some(end);
            }
        }
        if groups == 2 || n >= 11 {
            return None;
        }
        let s = sep_before_digit(b, end, Seps::Phone);
        if s == 0 {
            return None;
        }
        bounds[groups] = n;
        groups += 1;
        (end, n) = read_run(b, end + s, &mut d, n);
    }
}
