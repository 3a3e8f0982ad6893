//! The personal customs clearance code itself.

use core::fmt;

use alloc::string::String;

use crate::field::{FieldDocs, MaskExample};
use crate::mask::FieldMask;
use crate::normalize::{Normalized, Source};

/// Digits after the `P`.
pub(crate) const DIGITS: usize = 12;

/// A valid personal customs clearance code (개인통관고유부호): `P` followed by 12 digits.
///
/// The only way to get one is to parse it, so holding a `Pccc` means the format has been checked. Parsing
/// normalises first (see [`normalize`](crate::normalize)), so `"ｐ1234 5678 9012"` parses to `P123456789012`.
/// No checksum is applied: the last digit is called a check digit, but its algorithm is not published, and
/// format checks cannot tell whether a code is registered (only UNI-PASS can).
///
/// `Display` prints the canonical form; `Debug` does not print the digits, because a PCCC is personal data.
///
/// # Example: parse what the user typed and submit the canonical form
///
/// ```
/// use pccc_guard::Pccc;
///
/// let code: Pccc = "p1234-5678-9012".parse()?;
/// assert_eq!(code.as_str(), "P123456789012");
/// assert_eq!(code.to_string(), "P123456789012");
/// assert_eq!(format!("{code:?}"), "Pccc(P************)");
/// # Ok::<(), pccc_guard::PcccError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Pccc {
    bytes: [u8; DIGITS + 1],
}

impl Pccc {
    /// Normalises and checks `input`, returning the code or the first rule it breaks.
    ///
    /// The rules, first match wins: nothing left is [`Empty`](PcccError::Empty); only digits is
    /// [`LooksLikeRrn`](PcccError::LooksLikeRrn) when they are 13 digits whose 3rd–4th are a month 01–12 and
    /// 5th–6th a day 01–31, otherwise [`MissingPrefix`](PcccError::MissingPrefix); a first character other than
    /// `P` is [`InvalidPrefix`](PcccError::InvalidPrefix) (a letter), `MissingPrefix` (a digit) or
    /// [`InvalidCharacter`](PcccError::InvalidCharacter); a non-digit after the `P` is `InvalidCharacter`;
    /// then [`TooShort`](PcccError::TooShort) or [`TooLong`](PcccError::TooLong).
    ///
    /// Runs in time linear in the input and allocates nothing.
    ///
    /// # Example: an RRN in the wrong field is caught, not echoed
    ///
    /// ```
    /// use pccc_guard::{Pccc, PcccError};
    ///
    /// assert!(Pccc::parse("P123456789012").is_ok());
    /// assert_eq!(Pccc::parse("9001011234567"), Err(PcccError::LooksLikeRrn));
    /// # Ok::<(), PcccError>(())
    /// ```
    #[inline(never)] // one copy, shared by every caller (smaller wasm)
    pub fn parse(input: &str) -> Result<Pccc, PcccError> {
        // The common case of stored and submitted codes, in a few word operations. Not in the shipped
        // WebAssembly modules, where it would cost 250 bytes gzipped (a tenth of a keystroke's budget of bytes) to
        // save microseconds a person never notices; servers, the command-line tool and serde take it.
        #[cfg(not(all(target_arch = "wasm32", feature = "npm-module")))]
        if let Some(code) = Pccc::from_canonical(input.as_bytes()) {
            return Ok(code);
        }
        let mut chars = Normalized::new(input);
        let Some(first) = chars.next() else {
            return Err(PcccError::Empty);
        };
        if first.ch.is_ascii_digit() {
            return Err(classify_digits_first(first, chars));
        }
        if first.ch != 'P' {
            return Err(if first.ch.is_ascii_alphabetic() {
                PcccError::InvalidPrefix { index: first.byte, utf16_index: first.utf16 }
            } else {
                invalid_character(first)
            });
        }
        let mut bytes = [b'0'; DIGITS + 1];
        bytes[0] = b'P';
        let mut digits = 0;
        for s in chars {
            if !s.ch.is_ascii_digit() {
                return Err(invalid_character(s));
            }
            if let Some(slot) = bytes.get_mut(digits + 1) {
                *slot = s.ch as u8;
            }
            digits += 1;
        }
        match digits {
            DIGITS => Ok(Pccc { bytes }),
            n if n < DIGITS => Err(PcccError::TooShort { digits: n }),
            n => Err(PcccError::TooLong { digits: n }),
        }
    }

    /// The fast path for values that are already canonical (`P` and 12 ASCII digits, nothing else): exactly the
    /// inputs that [`parse`](Self::parse) returns unchanged, checked on the bytes without decoding or
    /// normalising. `None` for anything else, which may still parse. Bulk jobs over stored orders (the
    /// command-line tool) read raw bytes through it; `parse` tries it first.
    ///
    /// # Example: a stored value
    ///
    /// ```
    /// use pccc_guard::Pccc;
    ///
    /// assert_eq!(Pccc::from_canonical(b"P123456789012").map(|c| c.to_string()).as_deref(), Some("P123456789012"));
    /// assert!(Pccc::from_canonical(b"p123456789012").is_none()); // parses, but is not canonical
    /// ```
    #[inline]
    pub fn from_canonical(b: &[u8]) -> Option<Pccc> {
        let bytes: [u8; DIGITS + 1] = b.try_into().ok()?;
        let [b'P', d0, d1, d2, d3, d4, d5, d6, d7, d8, d9, d10, d11] = bytes else {
            return None;
        };
        let digits = all_digits(u64::from_le_bytes([d0, d1, d2, d3, d4, d5, d6, d7]), 8)
            && all_digits(u64::from(u32::from_le_bytes([d8, d9, d10, d11])), 4);
        digits.then_some(Pccc { bytes })
    }

    /// Whether `input` is a valid PCCC after normalisation; the same answer as `Pccc::parse(input).is_ok()`.
    ///
    /// # Example: a quick yes or no
    ///
    /// ```
    /// use pccc_guard::Pccc;
    ///
    /// assert!(Pccc::is_valid(" P123456789012 "));
    /// assert!(!Pccc::is_valid("P12345678901"));
    /// ```
    pub fn is_valid(input: &str) -> bool {
        Pccc::parse(input).is_ok()
    }

    /// The canonical form: `P` and 12 ASCII digits.
    ///
    /// # Example: canonical form
    ///
    /// ```
    /// use pccc_guard::Pccc;
    ///
    /// assert_eq!(Pccc::parse("Ｐ１２３４５６７８９０１２")?.as_str(), "P123456789012");
    /// # Ok::<(), pccc_guard::PcccError>(())
    /// ```
    pub fn as_str(&self) -> &str {
        // Only ASCII is ever stored, so this conversion cannot fail.
        core::str::from_utf8(self.as_bytes()).unwrap_or_default()
    }

    /// The 12 digits after the `P`.
    ///
    /// # Example: just the digits
    ///
    /// ```
    /// use pccc_guard::Pccc;
    ///
    /// assert_eq!(Pccc::parse("P123456789012")?.digits(), "123456789012");
    /// # Ok::<(), pccc_guard::PcccError>(())
    /// ```
    pub fn digits(&self) -> &str {
        self.as_str().get(1..).unwrap_or_default()
    }

    /// The canonical form's bytes: what the WebAssembly boundary and the masks copy, without the UTF-8 check
    /// that `as_str` needs (about 300 bytes of gzipped wasm).
    pub(crate) fn as_bytes(&self) -> &[u8; DIGITS + 1] {
        &self.bytes
    }
}

/// The first character is a digit: either everything is digits (an RRN, or a code without its P), or the P is
/// missing from something that has other characters in it too.
fn classify_digits_first(first: Source, rest: Normalized<'_>) -> PcccError {
    let mut head = [0u8; 6];
    head[0] = first.ch as u8;
    let mut count = 1usize;
    for s in rest {
        if !s.ch.is_ascii_digit() {
            return PcccError::MissingPrefix;
        }
        if let Some(slot) = head.get_mut(count) {
            *slot = s.ch as u8 - b'0';
        }
        count += 1;
    }
    head[0] -= b'0';
    if count == 13 && is_rrn_date(&head) {
        PcccError::LooksLikeRrn
    } else {
        PcccError::MissingPrefix
    }
}

/// Whether the low `n` bytes of `x` are all ASCII digits (0x30–0x39): each byte's high nibble is 3, and adding
/// 6 to it leaves it at 3 (no byte carries into the next: 0x3F + 6 < 0x100).
#[inline]
const fn all_digits(x: u64, n: u32) -> bool {
    let lanes = if n == 8 { u64::MAX } else { (1u64 << (8 * n)) - 1 };
    let high = 0xF0F0_F0F0_F0F0_F0F0 & lanes;
    let threes = 0x3030_3030_3030_3030 & lanes;
    let six = 0x0606_0606_0606_0606 & lanes;
    x & high == threes && (x + six) & high == threes
}

/// Whether the first six digits read as YYMMDD with a month 01–12 and a day 01–31.
pub(crate) fn is_rrn_date(head: &[u8; 6]) -> bool {
    let month = head[2] * 10 + head[3];
    let day = head[4] * 10 + head[5];
    (1..=12).contains(&month) && (1..=31).contains(&day)
}

fn invalid_character(s: Source) -> PcccError {
    let suggestion = match s.ch {
        'O' | 'o' => Some('0'),
        'I' | 'l' => Some('1'),
        _ => None,
    };
    PcccError::InvalidCharacter { index: s.byte, utf16_index: s.utf16, suggestion }
}

/// Redacted: prints `Pccc(P************)`, never the digits.
impl fmt::Debug for Pccc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Pccc(P************)")
    }
}

/// A masking policy for a PCCC. The default keeps the last 4 digits: `P********9012`. A policy may reveal at
/// most [`MAX_REVEALED`](FieldMask::MAX_REVEALED) (6) of the 12 digits.
///
/// # Example: one policy for the whole site
///
/// ```
/// use pccc_guard::PcccMask;
///
/// const SITE_MASK: PcccMask = PcccMask::new().keep_start(2).keep_end(4).fill('•');
///
/// assert_eq!(SITE_MASK.apply("P123456789012")?, "P12••••••9012");
/// assert_eq!(PcccMask::new().apply("p1234 5678 9012")?, "P********9012");
/// # Ok::<(), pccc_guard::MaskError>(())
/// ```
pub type PcccMask = FieldMask<Pccc>;

impl crate::mask::MaskedField for Pccc {
    const NAME: &'static str = "PcccMask";
    const KEEP: (usize, usize) = (0, 4);
    const MAX_REVEALED: usize = 6;

    fn parse_field(input: &str) -> Option<Pccc> {
        Pccc::parse(input).ok()
    }

    fn normalized_len(input: &str) -> usize {
        Normalized::new(input).count()
    }

    fn masked(&self, mask: &PcccMask) -> String {
        let mut out = String::with_capacity(1 + DIGITS * mask.fill_char().len_utf8());
        out.push('P');
        mask.digits().push(&mut out, self.bytes.get(1..).unwrap_or_default(), [usize::MAX; 2]);
        out
    }
}

impl crate::mask::DigitField for Pccc {
    /// A policy reveals at most 6 of the 12 digits.
    const MIN_HIDDEN: usize = DIGITS - 6;
}

// ---- Errors: the enum, its positions, and its message table ----------------------------------------

/// Why a string is not a valid PCCC.
///
/// Each variant has a stable [`code`](Self::code) (the same string JavaScript receives) and one fixed message
/// per [`Locale`](crate::Locale). Messages never contain the input: an error can be shown or logged without leaking the number
/// someone typed.
///
/// Positions are given twice, as a byte offset into the Rust `&str` and as a UTF-16 code-unit offset (the index
/// JavaScript uses), both pointing into the input as it was given, before normalisation.
///
/// # Example: tell the user exactly what is wrong
///
/// ```
/// use pccc_guard::{Locale, Pccc, PcccError};
///
/// let err = Pccc::parse("P12345678901").unwrap_err();
/// assert_eq!(err, PcccError::TooShort { digits: 11 });
/// assert_eq!(err.code(), "too_short");
/// println!("{}", err.message(Locale::Ko));
/// # Ok::<(), PcccError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PcccError {
    /// Nothing left after normalisation.
    Empty,
    /// Thirteen digits that read like a resident registration number (YYMMDD + 7). The number is personal data:
    /// it must not be echoed or shown unmasked.
    LooksLikeRrn,
    /// The leading `P` is missing (the input starts with a digit).
    MissingPrefix,
    /// The input starts with a letter other than `P`.
    InvalidPrefix {
        /// Byte offset of that letter in the input.
        index: usize,
        /// UTF-16 offset of that letter in the input.
        utf16_index: usize,
    },
    /// A character that cannot be part of a PCCC.
    InvalidCharacter {
        /// Byte offset of the first such character in the input.
        index: usize,
        /// UTF-16 offset of the first such character in the input.
        utf16_index: usize,
        /// The digit the character is commonly mistaken for (`O` for `0`, `I`/`l` for `1`), if any.
        suggestion: Option<char>,
    },
    /// Fewer than 12 digits after the `P`.
    TooShort {
        /// How many digits were found.
        digits: usize,
    },
    /// More than 12 digits after the `P`.
    TooLong {
        /// How many digits were found.
        digits: usize,
    },
}

impl PcccError {
    /// The byte offset in the input of the character the error is about, for
    /// [`InvalidPrefix`](Self::InvalidPrefix) and [`InvalidCharacter`](Self::InvalidCharacter).
    ///
    /// # Example: point at the bad character
    ///
    /// ```
    /// use pccc_guard::Pccc;
    ///
    /// assert_eq!(Pccc::parse("P12345#789012").unwrap_err().index(), Some(6));
    /// ```
    pub const fn index(&self) -> Option<usize> {
        match self {
            PcccError::InvalidPrefix { index, .. } | PcccError::InvalidCharacter { index, .. } => Some(*index),
            _ => None,
        }
    }

    /// The same position as [`index`](Self::index), in UTF-16 code units (JavaScript string indices).
    ///
    /// # Example: a JavaScript-compatible index
    ///
    /// ```
    /// use pccc_guard::Pccc;
    ///
    /// let err = Pccc::parse("P１２#").unwrap_err();
    /// assert_eq!((err.index(), err.utf16_index()), (Some(7), Some(3)));
    /// ```
    pub const fn utf16_index(&self) -> Option<usize> {
        match self {
            PcccError::InvalidPrefix { utf16_index, .. } | PcccError::InvalidCharacter { utf16_index, .. } => {
                Some(*utf16_index)
            }
            _ => None,
        }
    }

    /// How many digits were found, for [`TooShort`](Self::TooShort) and [`TooLong`](Self::TooLong).
    ///
    /// # Example: count what is there
    ///
    /// ```
    /// use pccc_guard::Pccc;
    ///
    /// assert_eq!(Pccc::parse("P1234567890123").unwrap_err().digits(), Some(13));
    /// ```
    pub const fn digits(&self) -> Option<usize> {
        match self {
            PcccError::TooShort { digits } | PcccError::TooLong { digits } => Some(*digits),
            _ => None,
        }
    }
}

crate::error::field_error!(PcccError, Pccc, 7, found: digits "digits", [
    PcccError::Empty => "empty",
        "개인통관고유부호를 입력해 주세요 (P와 숫자 12자리).",
        "Enter your personal customs clearance code (P followed by 12 digits).";
    PcccError::LooksLikeRrn => "looks_like_rrn",
        "주민등록번호를 입력하신 것 같습니다. 주민등록번호는 입력하지 마시고, P로 시작하는 개인통관고유부호를 입력해 주세요.",
        "This looks like a resident registration number. Do not enter it here; enter your personal customs clearance code, which starts with P.";
    PcccError::MissingPrefix => "missing_prefix",
        "개인통관고유부호는 영문 P로 시작합니다. 숫자 앞에 P를 붙여 주세요.",
        "A personal customs clearance code starts with the letter P. Add P before the digits.";
    PcccError::InvalidPrefix { .. } => "invalid_prefix",
        "개인통관고유부호는 영문 P로 시작해야 합니다. 첫 글자를 확인해 주세요.",
        "A personal customs clearance code must start with the letter P. Check the first letter.";
    PcccError::InvalidCharacter { suggestion: Some('0'), .. } => "invalid_character",
        "P 뒤에는 숫자만 올 수 있습니다. 영문 O 대신 숫자 0을 입력해 주세요.",
        "Only digits may follow the P. Type the digit 0 instead of the letter O.";
    PcccError::InvalidCharacter { suggestion: Some(_), .. } => "invalid_character",
        "P 뒤에는 숫자만 올 수 있습니다. 영문 I나 l 대신 숫자 1을 입력해 주세요.",
        "Only digits may follow the P. Type the digit 1 instead of the letter I or l.";
    PcccError::InvalidCharacter { suggestion: None, .. } => "invalid_character",
        "개인통관고유부호에 쓸 수 없는 문자가 있습니다. P와 숫자 12자리만 입력해 주세요.",
        "The code contains a character that cannot be part of it. Enter only P and 12 digits.";
    PcccError::TooShort { .. } => "too_short",
        "숫자가 부족합니다. P 뒤에 숫자 12자리를 모두 입력해 주세요.",
        "Too few digits. Enter all 12 digits after the P.";
    PcccError::TooLong { .. } => "too_long",
        "숫자가 너무 많습니다. P 뒤에는 숫자 12자리만 입력해 주세요.",
        "Too many digits. Enter exactly 12 digits after the P.";
]);

impl Pccc {
    #[doc(hidden)]
    /// What the generated JavaScript says of the field (src/field.rs, `FieldDocs`).
    pub const DOCS: FieldDocs = FieldDocs {
        what: "a personal customs clearance code",
        validate:
            "Checks a personal customs clearance code (`P` + 12 digits) after normalising it (full-width characters,
spaces, hyphens and invisible characters, lower-case `p`).

Returns `{ valid: true, value }` with the canonical code to submit, or `{ valid: false, error }` with a
stable `code`, a message in Korean (default) or English that never contains the input, and where it
applies the UTF-16 `index` of the offending character or the number of digits `found`.",
        examples: &["ｐ1234 5678 9012", "P12345678901"],
        mask: "Masks a code for display with one policy: `P` + `keepStart` digits + mask characters + `keepEnd` digits
(default `P********9012`). Input that is not a valid code is masked completely, showing only its length.
Throws an `Error` (with `code` `\"mask_reveals_too_much\"` or `\"invalid_mask_char\"`) for a policy that would
reveal more than 6 of the 12 digits or whose mask character is not one visible non-digit character.",
        mask_examples: &[
            MaskExample::of("P123456789012"),
            MaskExample { input: "P123456789012", keep_start: Some(2), keep_end: None, fill: Some('•') },
        ],
    };
}
