//! Errors and their messages in Korean and English.

use core::fmt;

/// The language of a message. Korean is the default.
///
/// # Example: pick the message language
///
/// ```
/// use pccc_guard::{Locale, Pccc};
///
/// let err = Pccc::parse("").unwrap_err();
/// assert_eq!(err.message(Locale::En), "Enter your personal customs clearance code (P followed by 12 digits).");
/// assert_eq!(Locale::default(), Locale::Ko);
/// # Ok::<(), pccc_guard::PcccError>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Locale {
    /// Korean (한국어).
    #[default]
    Ko,
    /// English.
    En,
}

impl Locale {
    /// Reads a BCP 47 language tag such as `ko`, `ko-KR`, `en` or `en-US` (case-insensitive), by its primary
    /// language subtag. Returns `None` for other languages.
    ///
    /// # Example: follow the page's `lang` attribute
    ///
    /// ```
    /// use pccc_guard::Locale;
    ///
    /// assert_eq!(Locale::from_tag("en-GB"), Some(Locale::En));
    /// assert_eq!(Locale::from_tag("KO"), Some(Locale::Ko));
    /// assert_eq!(Locale::from_tag("ja"), None);
    /// ```
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let primary = tag.split(['-', '_']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("ko") {
            Some(Locale::Ko)
        } else if primary.eq_ignore_ascii_case("en") {
            Some(Locale::En)
        } else {
            None
        }
    }

    /// The language subtag: `"ko"` or `"en"`.
    ///
    /// # Example: round trip
    ///
    /// ```
    /// use pccc_guard::Locale;
    ///
    /// assert_eq!(Locale::from_tag(Locale::En.tag()), Some(Locale::En));
    /// ```
    pub const fn tag(self) -> &'static str {
        match self {
            Locale::Ko => "ko",
            Locale::En => "en",
        }
    }

    /// Picks the Korean or English text.
    #[inline]
    pub(crate) const fn pick(self, ko: &'static str, en: &'static str) -> &'static str {
        match self {
            Locale::Ko => ko,
            Locale::En => en,
        }
    }
}

/// Why a string is not a valid PCCC.
///
/// Each variant has a stable [`code`](Self::code) (the same string JavaScript receives) and one fixed message
/// per [`Locale`]. Messages never contain the input: an error can be shown or logged without leaking the number
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
    /// Every error code, in the order the rules check them.
    pub const CODES: [&'static str; 7] =
        ["empty", "looks_like_rrn", "missing_prefix", "invalid_prefix", "invalid_character", "too_short", "too_long"];

    /// The stable snake_case code of this error, e.g. `"too_short"`.
    ///
    /// # Example: branch on the code, not the message
    ///
    /// ```
    /// use pccc_guard::Pccc;
    ///
    /// assert_eq!(Pccc::parse("900101-1234567").unwrap_err().code(), "looks_like_rrn");
    /// ```
    pub const fn code(&self) -> &'static str {
        match self {
            PcccError::Empty => "empty",
            PcccError::LooksLikeRrn => "looks_like_rrn",
            PcccError::MissingPrefix => "missing_prefix",
            PcccError::InvalidPrefix { .. } => "invalid_prefix",
            PcccError::InvalidCharacter { .. } => "invalid_character",
            PcccError::TooShort { .. } => "too_short",
            PcccError::TooLong { .. } => "too_long",
        }
    }

    /// The message for the user, in the given language. It never contains the input.
    ///
    /// # Example: show the hint for a letter O typed instead of zero
    ///
    /// ```
    /// use pccc_guard::{Locale, Pccc};
    ///
    /// let err = Pccc::parse("P1234567890O2").unwrap_err();
    /// assert!(err.message(Locale::En).contains("digit 0"));
    /// ```
    pub const fn message(&self, locale: Locale) -> &'static str {
        match self {
            PcccError::Empty => locale.pick(
                "개인통관고유부호를 입력해 주세요 (P와 숫자 12자리).",
                "Enter your personal customs clearance code (P followed by 12 digits).",
            ),
            PcccError::LooksLikeRrn => locale.pick(
                "주민등록번호를 입력하신 것 같습니다. 주민등록번호는 입력하지 마시고, P로 시작하는 개인통관고유부호를 입력해 주세요.",
                "This looks like a resident registration number. Do not enter it here; enter your personal customs clearance code, which starts with P.",
            ),
            PcccError::MissingPrefix => locale.pick(
                "개인통관고유부호는 영문 P로 시작합니다. 숫자 앞에 P를 붙여 주세요.",
                "A personal customs clearance code starts with the letter P. Add P before the digits.",
            ),
            PcccError::InvalidPrefix { .. } => locale.pick(
                "개인통관고유부호는 영문 P로 시작해야 합니다. 첫 글자를 확인해 주세요.",
                "A personal customs clearance code must start with the letter P. Check the first letter.",
            ),
            PcccError::InvalidCharacter { suggestion: Some('0'), .. } => locale.pick(
                "P 뒤에는 숫자만 올 수 있습니다. 영문 O 대신 숫자 0을 입력해 주세요.",
                "Only digits may follow the P. Type the digit 0 instead of the letter O.",
            ),
            PcccError::InvalidCharacter { suggestion: Some(_), .. } => locale.pick(
                "P 뒤에는 숫자만 올 수 있습니다. 영문 I나 l 대신 숫자 1을 입력해 주세요.",
                "Only digits may follow the P. Type the digit 1 instead of the letter I or l.",
            ),
            PcccError::InvalidCharacter { suggestion: None, .. } => locale.pick(
                "개인통관고유부호에 쓸 수 없는 문자가 있습니다. P와 숫자 12자리만 입력해 주세요.",
                "The code contains a character that cannot be part of it. Enter only P and 12 digits.",
            ),
            PcccError::TooShort { .. } => locale.pick(
                "숫자가 부족합니다. P 뒤에 숫자 12자리를 모두 입력해 주세요.",
                "Too few digits. Enter all 12 digits after the P.",
            ),
            PcccError::TooLong { .. } => locale.pick(
                "숫자가 너무 많습니다. P 뒤에는 숫자 12자리만 입력해 주세요.",
                "Too many digits. Enter exactly 12 digits after the P.",
            ),
        }
    }

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

/// Shows the Korean message.
impl fmt::Display for PcccError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message(Locale::Ko))
    }
}

/// Shows the code and positions, never input characters.
impl fmt::Debug for PcccError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())?;
        if let (Some(i), Some(u)) = (self.index(), self.utf16_index()) {
            write!(f, " at byte {i} (utf-16 {u})")?;
        }
        if let Some(n) = self.digits() {
            write!(f, " ({n} digits)")?;
        }
        Ok(())
    }
}

impl core::error::Error for PcccError {}

/// Why a masking policy was refused.
///
/// # Example: a policy that shows too much is refused
///
/// ```
/// use pccc_guard::{Mask, MaskError};
///
/// let err = Mask::new().keep_start(4).keep_end(4).apply("P123456789012").unwrap_err();
/// assert_eq!(err, MaskError::RevealsTooMuch { revealed: 8, max: 6 });
/// assert_eq!(err.code(), "mask_reveals_too_much");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum MaskError {
    /// `keep_start + keep_end` is more than the field's cap.
    RevealsTooMuch {
        /// Characters the policy would show.
        revealed: usize,
        /// The most this field may show.
        max: usize,
    },
    /// The fill character would itself read as a digit, or is invisible or a control character.
    InvalidFill,
}

impl MaskError {
    /// The stable snake_case code of this error.
    ///
    /// # Example: codes
    ///
    /// ```
    /// use pccc_guard::Mask;
    ///
    /// assert_eq!(Mask::new().fill('7').apply("P123456789012").unwrap_err().code(), "invalid_mask_char");
    /// ```
    pub const fn code(&self) -> &'static str {
        match self {
            MaskError::RevealsTooMuch { .. } => "mask_reveals_too_much",
            MaskError::InvalidFill => "invalid_mask_char",
        }
    }

    /// The message for the developer who configured the policy, in the given language.
    ///
    /// # Example: English message
    ///
    /// ```
    /// use pccc_guard::{Locale, Mask};
    ///
    /// let err = Mask::new().keep_end(7).apply("P123456789012").unwrap_err();
    /// assert!(err.message(Locale::En).contains("at most"));
    /// ```
    pub const fn message(&self, locale: Locale) -> &'static str {
        match self {
            MaskError::RevealsTooMuch { .. } => locale.pick(
                "마스킹 정책이 너무 많은 자리를 보여 줍니다. 앞뒤로 남기는 자리 수의 합은 최대 허용치(개인통관고유부호 6자리) 이하여야 합니다.",
                "The masking policy reveals too much: keepStart + keepEnd must be at most the field's cap (6 digits for a PCCC).",
            ),
            MaskError::InvalidFill => locale.pick(
                "마스킹 문자는 보이는 문자 한 글자여야 하며 숫자나 공백, 보이지 않는 문자는 쓸 수 없습니다.",
                "The mask character must be one visible character that is not a digit, a space or an invisible character.",
            ),
        }
    }
}

/// Shows the English message (this error is for developers).
impl fmt::Display for MaskError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message(Locale::En))
    }
}

impl core::error::Error for MaskError {}
