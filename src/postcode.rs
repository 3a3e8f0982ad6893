//! The delivery postcode, which UNI-PASS matches against the PCCC holder's registered addresses since
//! 2026-02-02.

use core::fmt;
use core::str::FromStr;

use crate::error::PostcodeError;
use crate::normalize::Normalized;
use crate::pccc::is_rrn_date;

/// Digits of a postcode since 2015-08-01.
const DIGITS: usize = 5;

/// A Korean postcode (우편번호, 국가기초구역번호): 5 digits, the first two naming the province (01–63).
///
/// The only way to get one is to parse it; parsing applies the shared normalisation rules (see
/// [`normalize`](crate::normalize)). The 6-digit format used until 2015 (`123-456`) is refused with its own
/// error, [`OldPostcode`](PostcodeError::OldPostcode), because UNI-PASS compares the new 5-digit code.
///
/// Postcodes are not masked for display, but `Debug` still prints no digits: with a name, a postcode narrows
/// down where someone lives.
///
/// # Example: parse a postcode
///
/// ```
/// use pccc_guard::Postcode;
///
/// let code: Postcode = "０３１５４".parse()?;
/// assert_eq!(code.as_str(), "03154");
/// assert_eq!(format!("{code:?}"), "Postcode(*****)");
/// # Ok::<(), pccc_guard::PostcodeError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Postcode {
    bytes: [u8; DIGITS],
}

impl Postcode {
    /// Normalises and checks `input`, returning the postcode or the first rule it breaks.
    ///
    /// The rules, first match wins: nothing left is [`Empty`](PostcodeError::Empty); a non-digit is
    /// [`InvalidCharacter`](PostcodeError::InvalidCharacter); 13 digits reading as YYMMDD + 7 are
    /// [`LooksLikeRrn`](PostcodeError::LooksLikeRrn); 6 digits are [`OldPostcode`](PostcodeError::OldPostcode);
    /// then [`TooShort`](PostcodeError::TooShort), [`TooLong`](PostcodeError::TooLong), and for 5 digits a first
    /// pair outside 01–63 is [`InvalidArea`](PostcodeError::InvalidArea).
    ///
    /// Runs in time linear in the input and allocates nothing.
    ///
    /// # Example: the old format gets its own error
    ///
    /// ```
    /// use pccc_guard::{Postcode, PostcodeError};
    ///
    /// assert!(Postcode::parse("63309").is_ok());
    /// assert_eq!(Postcode::parse("123456"), Err(PostcodeError::OldPostcode));
    /// # Ok::<(), PostcodeError>(())
    /// ```
    #[inline(never)] // one copy, shared by every caller (smaller wasm)
    pub fn parse(input: &str) -> Result<Postcode, PostcodeError> {
        let mut head = [0u8; 6];
        let mut n = 0usize;
        for s in Normalized::new(input) {
            if !s.ch.is_ascii_digit() {
                return Err(PostcodeError::InvalidCharacter { index: s.byte, utf16_index: s.utf16 });
            }
            if let Some(slot) = head.get_mut(n) {
                *slot = s.ch as u8 - b'0';
            }
            n += 1;
        }
        match n {
            0 => Err(PostcodeError::Empty),
            13 if is_rrn_date(&head) => Err(PostcodeError::LooksLikeRrn),
            6 => Err(PostcodeError::OldPostcode),
            n if n < DIGITS => Err(PostcodeError::TooShort { digits: n }),
            n if n > DIGITS => Err(PostcodeError::TooLong { digits: n }),
            _ => match head[0] * 10 + head[1] {
                1..=63 => {
                    let mut bytes = [0u8; DIGITS];
                    for (b, d) in bytes.iter_mut().zip(head) {
                        *b = b'0' + d;
                    }
                    Ok(Postcode { bytes })
                }
                _ => Err(PostcodeError::InvalidArea),
            },
        }
    }

    /// Whether `input` is a valid postcode after normalisation; the same answer as
    /// `Postcode::parse(input).is_ok()`.
    ///
    /// # Example: a quick yes or no
    ///
    /// ```
    /// use pccc_guard::Postcode;
    ///
    /// assert!(Postcode::is_valid(" 04524 "));
    /// assert!(!Postcode::is_valid("100-011"));
    /// ```
    pub fn is_valid(input: &str) -> bool {
        Postcode::parse(input).is_ok()
    }

    /// The canonical form: 5 ASCII digits.
    ///
    /// # Example: canonical form
    ///
    /// ```
    /// use pccc_guard::Postcode;
    ///
    /// assert_eq!(Postcode::parse("0 4 5 2 4")?.as_str(), "04524");
    /// # Ok::<(), pccc_guard::PostcodeError>(())
    /// ```
    pub fn as_str(&self) -> &str {
        // Only ASCII digits are ever stored, so this conversion cannot fail.
        core::str::from_utf8(self.as_bytes()).unwrap_or_default()
    }

    /// The canonical digits as bytes (see [`Pccc::as_bytes`](crate::Pccc)).
    pub(crate) fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }
}

impl FromStr for Postcode {
    type Err = PostcodeError;

    fn from_str(s: &str) -> Result<Postcode, PostcodeError> {
        Postcode::parse(s)
    }
}

/// Prints the 5 digits.
impl fmt::Display for Postcode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Redacted: prints `Postcode(*****)`.
impl fmt::Debug for Postcode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Postcode(*****)")
    }
}

impl AsRef<str> for Postcode {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}
