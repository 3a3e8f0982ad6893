//! The business registration number (사업자등록번호): what a business buyer types at a checkout for a tax
//! invoice, and its display mask.
//!
//! Ten digits, `XXX-XX-XXXXX`: a three-digit office code, a two-digit type code, four serial digits and a check
//! digit. The check digit is the National Tax Service's: weights 1, 3, 7, 1, 3, 7, 1, 3, 5 on the first nine
//! digits, plus the tens of 5 × the ninth digit; the check digit makes the sum a multiple of ten. Registration
//! certificates and the numbers businesses print on their sites agree with it (the vectors in
//! `tests/data/business_number.json` name their sources). The office and type codes are not checked further:
//! their tables change and are not published as data.

use alloc::string::String;

use core::fmt;

use crate::field::{FieldDocs, MaskExample};
use crate::mask::FieldMask;
use crate::normalize::{Normalized, Source};
use crate::pccc::is_rrn_date;

/// Digits of a business registration number.
const DIGITS: usize = 10;
/// Weights of the first nine digits in the check digit.
const WEIGHTS: [u8; 9] = [1, 3, 7, 1, 3, 7, 1, 3, 5];

/// A valid business registration number (사업자등록번호): 10 digits whose last is the National Tax Service
/// check digit.
///
/// The only way to get one is to parse it; parsing applies the shared normalisation rules (full-width digits,
/// spaces, hyphens and invisible characters; see [`normalize`](crate::normalize)). `Display` and
/// [`as_str`](Self::as_str) give the 10 digits; [`display`](Self::display) the hyphenated `123-45-67890`.
/// `Debug` prints no digits: a sole proprietor's number belongs to a person.
///
/// # Example: parse what the buyer typed
///
/// ```
/// use pccc_guard::BusinessNumber;
///
/// let brn: BusinessNumber = "１２４－８１－００９９８".parse()?;
/// assert_eq!(brn.as_str(), "1248100998");
/// assert_eq!(brn.display(), "124-81-00998");
/// assert_eq!(format!("{brn:?}"), "BusinessNumber(***-**-*****)");
/// # Ok::<(), pccc_guard::BusinessNumberError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BusinessNumber {
    digits: [u8; DIGITS],
    hyphenated: [u8; DIGITS + 2],
}

impl BusinessNumber {
    /// Normalises and checks `input`, returning the number or the first rule it breaks.
    ///
    /// The rules, first match wins: nothing left is [`Empty`](BusinessNumberError::Empty); a non-digit is
    /// [`InvalidCharacter`](BusinessNumberError::InvalidCharacter); 13 digits reading as YYMMDD + 7 are
    /// [`LooksLikeRrn`](BusinessNumberError::LooksLikeRrn); then [`TooShort`](BusinessNumberError::TooShort),
    /// [`TooLong`](BusinessNumberError::TooLong), and for 10 digits a wrong last digit is
    /// [`InvalidCheckDigit`](BusinessNumberError::InvalidCheckDigit).
    ///
    /// Runs in time linear in the input and allocates nothing.
    ///
    /// # Example: a mistyped digit is caught by the check digit
    ///
    /// ```
    /// use pccc_guard::{BusinessNumber, BusinessNumberError};
    ///
    /// assert!(BusinessNumber::parse("220-81-62517").is_ok());
    /// assert_eq!(BusinessNumber::parse("220-81-62518"), Err(BusinessNumberError::InvalidCheckDigit));
    /// # Ok::<(), BusinessNumberError>(())
    /// ```
    #[inline(never)] // one copy, shared by every caller (smaller wasm)
    pub fn parse(input: &str) -> Result<BusinessNumber, BusinessNumberError> {
        let mut digits = [0u8; DIGITS];
        let mut head = [0u8; 6];
        let mut count = 0usize;
        for Source { ch, byte, utf16 } in Normalized::new(input) {
            let Some(d) = ch.to_digit(10).filter(|_| ch.is_ascii_digit()) else {
                return Err(BusinessNumberError::InvalidCharacter { index: byte, utf16_index: utf16 });
            };
            // Digits are 0–9, so the conversion cannot truncate.
            let d = d as u8;
            if let Some(slot) = digits.get_mut(count) {
                *slot = d;
            }
            if let Some(slot) = head.get_mut(count) {
                *slot = d;
            }
            count += 1;
        }
        match count {
            0 => Err(BusinessNumberError::Empty),
            13 if is_rrn_date(&head) => Err(BusinessNumberError::LooksLikeRrn),
            n if n < DIGITS => Err(BusinessNumberError::TooShort { digits: n }),
            n if n > DIGITS => Err(BusinessNumberError::TooLong { digits: n }),
            _ if check_digit(&digits) != digits[DIGITS - 1] => Err(BusinessNumberError::InvalidCheckDigit),
            _ => Ok(BusinessNumber::from_digits(digits)),
        }
    }

    fn from_digits(digits: [u8; DIGITS]) -> BusinessNumber {
        let ascii = digits.map(|d| b'0' + d);
        let mut hyphenated = [b'-'; DIGITS + 2];
        for (i, &b) in ascii.iter().enumerate() {
            hyphenated[i + usize::from(i >= 3) + usize::from(i >= 5)] = b;
        }
        BusinessNumber { digits: ascii, hyphenated }
    }

    /// Whether `input` is a valid business registration number; the same answer as `parse(input).is_ok()`.
    ///
    /// # Example: a quick yes or no
    ///
    /// ```
    /// use pccc_guard::BusinessNumber;
    ///
    /// assert!(BusinessNumber::is_valid("1248100998"));
    /// assert!(!BusinessNumber::is_valid("1248100999"));
    /// ```
    pub fn is_valid(input: &str) -> bool {
        BusinessNumber::parse(input).is_ok()
    }

    /// The canonical form: 10 ASCII digits.
    ///
    /// # Example: canonical form
    ///
    /// ```
    /// use pccc_guard::BusinessNumber;
    ///
    /// assert_eq!(BusinessNumber::parse("124 81 00998")?.as_str(), "1248100998");
    /// # Ok::<(), pccc_guard::BusinessNumberError>(())
    /// ```
    pub fn as_str(&self) -> &str {
        // Only ASCII digits are ever stored, so this conversion cannot fail.
        core::str::from_utf8(&self.digits).unwrap_or_default()
    }

    /// The canonical form's bytes.
    pub(crate) fn as_bytes(&self) -> &[u8] {
        &self.digits
    }

    /// The hyphenated form's bytes.
    pub(crate) fn display_bytes(&self) -> &[u8] {
        &self.hyphenated
    }

    /// The hyphenated form to show: `124-81-00998`.
    ///
    /// # Example: show it grouped
    ///
    /// ```
    /// use pccc_guard::BusinessNumber;
    ///
    /// assert_eq!(BusinessNumber::parse("1248100998")?.display(), "124-81-00998");
    /// # Ok::<(), pccc_guard::BusinessNumberError>(())
    /// ```
    pub fn display(&self) -> &str {
        core::str::from_utf8(&self.hyphenated).unwrap_or_default()
    }
}

/// The check digit of the first nine digits (each 0–9).
fn check_digit(d: &[u8; DIGITS]) -> u8 {
    let weighted: u32 = d.iter().zip(WEIGHTS).map(|(&d, w)| u32::from(d * w)).sum();
    let sum = weighted + u32::from(d[8] * 5 / 10);
    // (10 - sum % 10) % 10 is at most 9.
    ((10 - sum % 10) % 10) as u8
}

/// A masking policy for a business registration number. The default keeps the office and type codes:
/// `124-81-*****`. A policy may reveal at most 7 of the 10 digits.
///
/// # Example: keep the last digits instead
///
/// ```
/// use pccc_guard::BusinessNumberMask;
///
/// assert_eq!(BusinessNumberMask::new().apply("1248100998")?, "124-81-*****");
/// assert_eq!(BusinessNumberMask::new().keep_start(0).keep_end(3).apply("1248100998")?, "***-**-**998");
/// # Ok::<(), pccc_guard::MaskError>(())
/// ```
pub type BusinessNumberMask = FieldMask<BusinessNumber>;

/// Redacted: prints `BusinessNumber(***-**-*****)`, never the digits.
impl fmt::Debug for BusinessNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("BusinessNumber(***-**-*****)")
    }
}

impl crate::mask::MaskedField for BusinessNumber {
    const NAME: &'static str = "BusinessNumberMask";
    /// `124-81-*****`: the office and type codes show, the serial and check digit do not.
    const KEEP: (usize, usize) = (5, 0);
    const MAX_REVEALED: usize = 7;

    fn parse_field(input: &str) -> Option<BusinessNumber> {
        BusinessNumber::parse(input).ok()
    }

    fn normalized_len(input: &str) -> usize {
        Normalized::new(input).count()
    }

    fn masked(&self, mask: &BusinessNumberMask) -> String {
        let mut out = String::with_capacity(DIGITS * mask.fill_char().len_utf8() + 2);
        mask.digits().push(&mut out, &self.digits, [3, 5]);
        out
    }
}

impl crate::mask::DigitField for BusinessNumber {
    /// At least the serial's last three digits stay hidden.
    const MIN_HIDDEN: usize = 3;
}

// ---- Errors: the enum, its positions, and its message table ----------------------------------------

/// Why a string is not a valid business registration number.
///
/// # Example: tell the buyer what is wrong
///
/// ```
/// use pccc_guard::{BusinessNumber, BusinessNumberError, Locale};
///
/// let err = BusinessNumber::parse("124-81-0099").unwrap_err();
/// assert_eq!(err, BusinessNumberError::TooShort { digits: 9 });
/// assert_eq!(err.code(), "too_short");
/// assert!(err.message(Locale::En).contains("has 10"));
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum BusinessNumberError {
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
    /// Fewer than 10 digits.
    TooShort {
        /// How many digits were found.
        digits: usize,
    },
    /// More than 10 digits.
    TooLong {
        /// How many digits were found.
        digits: usize,
    },
    /// Ten digits whose last is not the check digit of the other nine: a digit was mistyped.
    InvalidCheckDigit,
}

impl BusinessNumberError {
    /// The byte offset in the input of the character an [`InvalidCharacter`](Self::InvalidCharacter) is about.
    ///
    /// # Example: point at the bad character
    ///
    /// ```
    /// use pccc_guard::BusinessNumber;
    ///
    /// assert_eq!(BusinessNumber::parse("124-8l-00998").unwrap_err().index(), Some(5));
    /// ```
    pub const fn index(&self) -> Option<usize> {
        match self {
            BusinessNumberError::InvalidCharacter { index, .. } => Some(*index),
            _ => None,
        }
    }

    /// The same position as [`index`](Self::index), in UTF-16 code units (JavaScript string indices).
    ///
    /// # Example: a JavaScript-compatible index
    ///
    /// ```
    /// use pccc_guard::BusinessNumber;
    ///
    /// assert_eq!(BusinessNumber::parse("１２#").unwrap_err().utf16_index(), Some(2));
    /// ```
    pub const fn utf16_index(&self) -> Option<usize> {
        match self {
            BusinessNumberError::InvalidCharacter { utf16_index, .. } => Some(*utf16_index),
            _ => None,
        }
    }

    /// How many digits were found, for [`TooShort`](Self::TooShort) and [`TooLong`](Self::TooLong).
    ///
    /// # Example: count what is there
    ///
    /// ```
    /// use pccc_guard::BusinessNumber;
    ///
    /// assert_eq!(BusinessNumber::parse("12481009981").unwrap_err().digits(), Some(11));
    /// ```
    pub const fn digits(&self) -> Option<usize> {
        match self {
            BusinessNumberError::TooShort { digits } | BusinessNumberError::TooLong { digits } => Some(*digits),
            _ => None,
        }
    }
}

crate::error::field_error!(BusinessNumberError, BusinessNumber, 6, found: digits "digits", [
    BusinessNumberError::Empty => "empty",
        "사업자등록번호 10자리를 입력해 주세요.",
        "Enter the 10-digit business registration number.";
    BusinessNumberError::InvalidCharacter { .. } => "invalid_character",
        "사업자등록번호에는 숫자만 입력해 주세요.",
        "A business number may contain digits only.";
    BusinessNumberError::LooksLikeRrn => "looks_like_rrn",
        "주민등록번호 같습니다. 사업자등록번호를 입력해 주세요.",
        "This looks like a resident registration number. Enter the business number.";
    BusinessNumberError::TooShort { .. } => "too_short",
        "숫자가 부족합니다. 사업자등록번호는 10자리입니다.",
        "Too few digits: a business number has 10.";
    BusinessNumberError::TooLong { .. } => "too_long",
        "숫자가 너무 많습니다. 사업자등록번호는 10자리입니다.",
        "Too many digits: a business number has 10.";
    BusinessNumberError::InvalidCheckDigit => "invalid_check_digit",
        "번호가 맞지 않습니다. 사업자등록증의 번호를 확인해 주세요.",
        "A digit is mistyped: check the number on the registration certificate.";
]);

impl BusinessNumber {
    #[doc(hidden)]
    /// What the generated JavaScript says of the field (src/field.rs, `FieldDocs`).
    pub const DOCS: FieldDocs = FieldDocs {
        what: "a business registration number",
        validate:
            "Checks a business registration number (사업자등록번호): 10 digits whose last is the National Tax Service
check digit. Hyphens, spaces and full-width digits are accepted.

Returns `{ valid: true, value, display }` with the digits to submit and the hyphenated form to show, or
`{ valid: false, error }`; a mistyped digit is `invalid_check_digit`.",
        examples: &["124-81-00998", "124-81-00999"],
        mask: "Masks a business registration number for display, hyphenated: by default the office and type codes stay
(`124-81-*****`). At most 7 digits show and at least 3 stay hidden. Input that is not a valid number is
masked completely, showing only its length. Throws an `Error` with `code` `\"mask_reveals_too_much\"` or
`\"invalid_mask_char\"` for a refused policy.",
        mask_examples: &[MaskExample::of("1248100998")],
    };
}
