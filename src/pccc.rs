//! The personal customs clearance code itself.

use core::fmt;
use core::str::FromStr;

use alloc::string::String;

use crate::error::PcccError;
use crate::mask::Mask;
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

impl FromStr for Pccc {
    type Err = PcccError;

    fn from_str(s: &str) -> Result<Pccc, PcccError> {
        Pccc::parse(s)
    }
}

impl fmt::Display for Pccc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Redacted: prints `Pccc(P************)`, never the digits.
impl fmt::Debug for Pccc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Pccc(P************)")
    }
}

impl AsRef<str> for Pccc {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl crate::mask::MaskedField for Pccc {
    const NAME: &'static str = "Mask";
    const KEEP: (usize, usize) = (0, 4);
    const MAX_REVEALED: usize = 6;

    fn parse_field(input: &str) -> Option<Pccc> {
        Pccc::parse(input).ok()
    }

    fn normalized_len(input: &str) -> usize {
        Normalized::new(input).count()
    }

    fn masked(&self, mask: &Mask) -> String {
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
