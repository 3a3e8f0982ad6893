//! The delivery postcode, which UNI-PASS matches against the PCCC holder's registered addresses since
//! 2026-02-02.

use core::fmt;

use crate::field::FieldDocs;
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

/// Redacted: prints `Postcode(*****)`.
impl fmt::Debug for Postcode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Postcode(*****)")
    }
}

// ---- Errors: the enum, its positions, and its message table ----------------------------------------

/// Why a string is not a valid Korean postcode (우편번호).
///
/// Each variant has a stable [`code`](Self::code) and one fixed message per [`Locale`](crate::Locale) that never contains the
/// input.
///
/// # Example: the old 6-digit format
///
/// ```
/// use pccc_guard::{Locale, Postcode, PostcodeError};
///
/// let err = Postcode::parse("123-456").unwrap_err();
/// assert_eq!(err, PostcodeError::OldPostcode);
/// assert_eq!(err.message(Locale::En), "This is an old 6-digit postcode; look up the new 5-digit one.");
/// # Ok::<(), PostcodeError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PostcodeError {
    /// Nothing left after normalisation.
    Empty,
    /// A character other than a digit.
    InvalidCharacter {
        /// Byte offset of the first such character in the input.
        index: usize,
        /// UTF-16 offset of the first such character in the input.
        utf16_index: usize,
    },
    /// Thirteen digits that read like a resident registration number (YYMMDD + 7).
    LooksLikeRrn,
    /// Six digits: the format used until 2015-08-01 (`123-456`).
    OldPostcode,
    /// Fewer than 5 digits.
    TooShort {
        /// How many digits were found.
        digits: usize,
    },
    /// More than 5 digits (and not an old 6-digit postcode).
    TooLong {
        /// How many digits were found.
        digits: usize,
    },
    /// Five digits whose first two, the province, are not 01–63.
    InvalidArea,
}

impl PostcodeError {
    /// The byte offset in the input of the character an [`InvalidCharacter`](Self::InvalidCharacter) is about.
    ///
    /// # Example: point at the bad character
    ///
    /// ```
    /// use pccc_guard::Postcode;
    ///
    /// assert_eq!(Postcode::parse("0123O").unwrap_err().index(), Some(4));
    /// ```
    pub const fn index(&self) -> Option<usize> {
        match self {
            PostcodeError::InvalidCharacter { index, .. } => Some(*index),
            _ => None,
        }
    }

    /// The same position as [`index`](Self::index), in UTF-16 code units (JavaScript string indices).
    ///
    /// # Example: a JavaScript-compatible index
    ///
    /// ```
    /// use pccc_guard::Postcode;
    ///
    /// assert_eq!(Postcode::parse("０１#").unwrap_err().utf16_index(), Some(2));
    /// ```
    pub const fn utf16_index(&self) -> Option<usize> {
        match self {
            PostcodeError::InvalidCharacter { utf16_index, .. } => Some(*utf16_index),
            _ => None,
        }
    }

    /// How many digits were found, for [`TooShort`](Self::TooShort) and [`TooLong`](Self::TooLong).
    ///
    /// # Example: count what is there
    ///
    /// ```
    /// use pccc_guard::Postcode;
    ///
    /// assert_eq!(Postcode::parse("0123").unwrap_err().digits(), Some(4));
    /// ```
    pub const fn digits(&self) -> Option<usize> {
        match self {
            PostcodeError::TooShort { digits } | PostcodeError::TooLong { digits } => Some(*digits),
            _ => None,
        }
    }
}

crate::error::field_error!(PostcodeError, Postcode, 7, found: digits "digits", [
    PostcodeError::Empty => "empty",
        "배송지 우편번호 5자리를 입력해 주세요.",
        "Enter the 5-digit postcode of the delivery address.";
    PostcodeError::InvalidCharacter { .. } => "invalid_character",
        "우편번호에는 숫자만 입력해 주세요.",
        "A postcode may contain digits only.";
    PostcodeError::LooksLikeRrn => "looks_like_rrn",
        "주민등록번호 같습니다. 주민등록번호 말고 배송지 우편번호를 입력해 주세요.",
        "This looks like a resident registration number. Enter the delivery postcode instead.";
    PostcodeError::OldPostcode => "old_postcode",
        "예전 6자리 우편번호입니다. 새 5자리 우편번호를 찾아 입력해 주세요.",
        "This is an old 6-digit postcode; look up the new 5-digit one.";
    PostcodeError::TooShort { .. } => "too_short",
        "숫자가 부족합니다. 우편번호는 5자리입니다.",
        "Too few digits: a postcode has 5.";
    PostcodeError::TooLong { .. } => "too_long",
        "숫자가 너무 많습니다. 우편번호는 5자리입니다.",
        "Too many digits: a postcode has 5.";
    PostcodeError::InvalidArea => "invalid_area",
        "없는 우편번호입니다. 앞 두 자리는 01~63입니다.",
        "There is no such postcode: the first two digits are 01 to 63.";
]);

impl Postcode {
    #[doc(hidden)]
    /// What the generated JavaScript says of the field (src/field.rs, `FieldDocs`).
    pub const DOCS: FieldDocs = FieldDocs {
        what: "a postcode",
        validate:
            "Checks a delivery postcode: 5 digits whose first two are 01–63. An old 6-digit postcode (`123-456`) gets
its own code, `old_postcode`, telling the user to look up the new one.

Returns `{ valid: true, value }` or `{ valid: false, error }`, as `validatePccc` does.",
        examples: &[" 03154 ", "110-011"],
        mask: "",
        mask_examples: &[],
    };
}
