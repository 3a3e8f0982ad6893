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
        let end = tag.bytes().position(|b| b == b'-' || b == b'_').unwrap_or(tag.len());
        let primary = tag.get(..end).unwrap_or("");
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
                "마스킹 정책이 너무 많은 자리를 보여 줍니다. 앞뒤로 남기는 자리 수의 합은 항목별 최대 허용치(개인통관고유부호 12자리 중 6자리, 휴대전화 번호 7자리) 이하여야 합니다.",
                "The masking policy reveals too much: keepStart + keepEnd must be at most the field's cap (6 of a PCCC's 12 digits, 7 of a mobile number's).",
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

/// Writes an error's code and positions or count, never input characters (the `Debug` of the field errors).
fn debug_error(
    f: &mut fmt::Formatter<'_>,
    code: &str,
    at: Option<(usize, usize)>,
    count: Option<usize>,
    unit: &str,
) -> fmt::Result {
    f.write_str(code)?;
    if let Some((i, u)) = at {
        write!(f, " at byte {i} (utf-16 {u})")?;
    }
    if let Some(n) = count {
        write!(f, " ({n} {unit})")?;
    }
    Ok(())
}

/// Why a string is not a Korean mobile number that UNI-PASS can match.
///
/// Like [`PcccError`], each variant has a stable [`code`](Self::code) and one fixed message per [`Locale`] that
/// never contains the input, and positions are given as byte and UTF-16 offsets into the original input.
///
/// # Example: a landline where a mobile number is required
///
/// ```
/// use pccc_guard::{Locale, MobileNumber, PhoneError};
///
/// let err = MobileNumber::parse("02-123-4567").unwrap_err();
/// assert_eq!(err, PhoneError::LandlineNumber);
/// assert_eq!(err.code(), "landline_number");
/// assert!(err.message(Locale::En).contains("mobile number is required"));
/// # Ok::<(), PhoneError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PhoneError {
    /// Nothing left after normalisation.
    Empty,
    /// The number starts with `+` but the country code is not `+82`.
    InvalidCountryCode,
    /// A character that cannot be part of a phone number (a letter, a symbol, a `+` after the start).
    InvalidCharacter {
        /// Byte offset of the first such character in the input.
        index: usize,
        /// UTF-16 offset of the first such character in the input.
        utf16_index: usize,
    },
    /// Thirteen digits that read like a resident registration number (YYMMDD + 7).
    LooksLikeRrn,
    /// A landline number (`02`, `031`–`033`, `041`–`044`, `051`–`055`, `061`–`064`): a mobile number is required.
    LandlineNumber,
    /// An internet phone (VoIP) number, `070`.
    VoipNumber,
    /// A `050x` personal or virtual ("safe") number, as handed out by marketplaces. UNI-PASS never matches these
    /// against the mobile number registered with the PCCC.
    VirtualNumber,
    /// Some other number: toll-free `080`, premium `060`, a business number such as `1588`, an unassigned
    /// `01x` prefix, or a number without its leading `0`.
    NotAMobileNumber,
    /// A mobile prefix with too few digits.
    TooShort {
        /// How many digits were found, counted in the domestic form (with the leading `0`).
        digits: usize,
    },
    /// A mobile prefix with too many digits.
    TooLong {
        /// How many digits were found, counted in the domestic form (with the leading `0`).
        digits: usize,
    },
}

/// The Korean and English messages of [`PhoneError`], in the order of its codes.
const PHONE_MESSAGES: [[&str; 2]; 10] = [
    ["개인통관고유부호에 등록된 휴대전화 번호를 입력해 주세요.", "Enter the mobile number registered with your personal customs clearance code."],
    ["한국 휴대전화 번호(+82)만 쓸 수 있습니다.", "Only a Korean mobile number (+82) can be used."],
    ["전화번호에는 숫자만 입력해 주세요.", "A phone number may contain digits only."],
    ["주민등록번호 같습니다. 주민등록번호 말고 휴대전화 번호를 입력해 주세요.", "This looks like a resident registration number. Enter your mobile number instead."],
    ["일반 전화번호입니다. 휴대전화 번호가 필요합니다.", "This is a landline number; a mobile number is required."],
    ["인터넷 전화(070) 번호입니다. 휴대전화 번호가 필요합니다.", "This is an internet phone (070) number; a mobile number is required."],
    ["050 안심번호(가상번호)는 UNI-PASS에서 일치하지 않습니다. 개인통관고유부호에 등록된 실제 휴대전화 번호를 입력해 주세요.", "UNI-PASS never matches a 050 virtual (safe) number. Enter the real mobile number registered with your personal customs clearance code."],
    ["휴대전화 번호가 아닙니다. 010, 011, 016~019로 시작하는 번호를 입력해 주세요.", "This is not a mobile number: it must start with 010, 011 or 016 to 019."],
    ["숫자가 부족합니다. 010 번호는 11자리, 011·016~019 번호는 10~11자리입니다.", "Too few digits: 010 numbers have 11, 011 and 016 to 019 numbers 10 or 11."],
    ["숫자가 너무 많습니다. 010 번호는 11자리, 011·016~019 번호는 10~11자리입니다.", "Too many digits: 010 numbers have 11, 011 and 016 to 019 numbers 10 or 11."],
];

impl PhoneError {
    /// Every error code, in the order the rules check them.
    pub const CODES: [&'static str; 10] = [
        "empty",
        "invalid_country_code",
        "invalid_character",
        "looks_like_rrn",
        "landline_number",
        "voip_number",
        "virtual_number",
        "not_a_mobile_number",
        "too_short",
        "too_long",
    ];

    /// The position of this error's code in [`CODES`](Self::CODES), which also orders the messages.
    const fn ordinal(&self) -> usize {
        match self {
            PhoneError::Empty => 0,
            PhoneError::InvalidCountryCode => 1,
            PhoneError::InvalidCharacter { .. } => 2,
            PhoneError::LooksLikeRrn => 3,
            PhoneError::LandlineNumber => 4,
            PhoneError::VoipNumber => 5,
            PhoneError::VirtualNumber => 6,
            PhoneError::NotAMobileNumber => 7,
            PhoneError::TooShort { .. } => 8,
            PhoneError::TooLong { .. } => 9,
        }
    }

    /// The stable snake_case code of this error, e.g. `"virtual_number"`.
    ///
    /// # Example: branch on the code
    ///
    /// ```
    /// use pccc_guard::MobileNumber;
    ///
    /// assert_eq!(MobileNumber::parse("0504-1234-5678").unwrap_err().code(), "virtual_number");
    /// ```
    pub const fn code(&self) -> &'static str {
        Self::CODES[self.ordinal()]
    }

    /// The message for the user, in the given language. It never contains the input.
    ///
    /// # Example: explain why a safe number cannot be used
    ///
    /// ```
    /// use pccc_guard::{Locale, MobileNumber};
    ///
    /// let err = MobileNumber::parse("0505-123-4567").unwrap_err();
    /// assert!(err.message(Locale::En).contains("UNI-PASS never matches"));
    /// ```
    pub const fn message(&self, locale: Locale) -> &'static str {
        let [ko, en] = PHONE_MESSAGES[self.ordinal()];
        locale.pick(ko, en)
    }

    /// The byte offset in the input of the character an [`InvalidCharacter`](Self::InvalidCharacter) is about.
    ///
    /// # Example: point at the bad character
    ///
    /// ```
    /// use pccc_guard::MobileNumber;
    ///
    /// assert_eq!(MobileNumber::parse("010-1234-567X").unwrap_err().index(), Some(12));
    /// ```
    pub const fn index(&self) -> Option<usize> {
        match self {
            PhoneError::InvalidCharacter { index, .. } => Some(*index),
            _ => None,
        }
    }

    /// The same position as [`index`](Self::index), in UTF-16 code units (JavaScript string indices).
    ///
    /// # Example: a JavaScript-compatible index
    ///
    /// ```
    /// use pccc_guard::MobileNumber;
    ///
    /// let err = MobileNumber::parse("０１０#").unwrap_err();
    /// assert_eq!((err.index(), err.utf16_index()), (Some(9), Some(3)));
    /// ```
    pub const fn utf16_index(&self) -> Option<usize> {
        match self {
            PhoneError::InvalidCharacter { utf16_index, .. } => Some(*utf16_index),
            _ => None,
        }
    }

    /// How many digits were found, for [`TooShort`](Self::TooShort) and [`TooLong`](Self::TooLong).
    ///
    /// # Example: count what is there
    ///
    /// ```
    /// use pccc_guard::MobileNumber;
    ///
    /// assert_eq!(MobileNumber::parse("010-1234-567").unwrap_err().digits(), Some(10));
    /// ```
    pub const fn digits(&self) -> Option<usize> {
        match self {
            PhoneError::TooShort { digits } | PhoneError::TooLong { digits } => Some(*digits),
            _ => None,
        }
    }
}

/// Shows the Korean message.
impl fmt::Display for PhoneError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message(Locale::Ko))
    }
}

/// Shows the code and positions, never input characters.
impl fmt::Debug for PhoneError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        debug_error(f, self.code(), self.index().zip(self.utf16_index()), self.digits(), "digits")
    }
}

impl core::error::Error for PhoneError {}

/// Why a string is not a valid Korean postcode (우편번호).
///
/// Each variant has a stable [`code`](Self::code) and one fixed message per [`Locale`] that never contains the
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

/// The Korean and English messages of [`PostcodeError`], in the order of its codes.
const POSTCODE_MESSAGES: [[&str; 2]; 7] = [
    ["배송지 우편번호 5자리를 입력해 주세요.", "Enter the 5-digit postcode of the delivery address."],
    ["우편번호에는 숫자만 입력해 주세요.", "A postcode may contain digits only."],
    [
        "주민등록번호 같습니다. 주민등록번호 말고 배송지 우편번호를 입력해 주세요.",
        "This looks like a resident registration number. Enter the delivery postcode instead.",
    ],
    [
        "예전 6자리 우편번호입니다. 새 5자리 우편번호를 찾아 입력해 주세요.",
        "This is an old 6-digit postcode; look up the new 5-digit one.",
    ],
    ["숫자가 부족합니다. 우편번호는 5자리입니다.", "Too few digits: a postcode has 5."],
    ["숫자가 너무 많습니다. 우편번호는 5자리입니다.", "Too many digits: a postcode has 5."],
    ["없는 우편번호입니다. 앞 두 자리는 01~63입니다.", "There is no such postcode: the first two digits are 01 to 63."],
];

impl PostcodeError {
    /// Every error code, in the order the rules check them.
    pub const CODES: [&'static str; 7] =
        ["empty", "invalid_character", "looks_like_rrn", "old_postcode", "too_short", "too_long", "invalid_area"];

    /// The position of this error's code in [`CODES`](Self::CODES), which also orders the messages.
    const fn ordinal(&self) -> usize {
        match self {
            PostcodeError::Empty => 0,
            PostcodeError::InvalidCharacter { .. } => 1,
            PostcodeError::LooksLikeRrn => 2,
            PostcodeError::OldPostcode => 3,
            PostcodeError::TooShort { .. } => 4,
            PostcodeError::TooLong { .. } => 5,
            PostcodeError::InvalidArea => 6,
        }
    }

    /// The stable snake_case code of this error, e.g. `"old_postcode"`.
    ///
    /// # Example: branch on the code
    ///
    /// ```
    /// use pccc_guard::Postcode;
    ///
    /// assert_eq!(Postcode::parse("99999").unwrap_err().code(), "invalid_area");
    /// ```
    pub const fn code(&self) -> &'static str {
        Self::CODES[self.ordinal()]
    }

    /// The message for the user, in the given language. It never contains the input.
    ///
    /// # Example: Korean message
    ///
    /// ```
    /// use pccc_guard::{Locale, Postcode};
    ///
    /// assert!(Postcode::parse("").unwrap_err().message(Locale::Ko).contains("우편번호"));
    /// ```
    pub const fn message(&self, locale: Locale) -> &'static str {
        let [ko, en] = POSTCODE_MESSAGES[self.ordinal()];
        locale.pick(ko, en)
    }

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

/// Shows the Korean message.
impl fmt::Display for PostcodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message(Locale::Ko))
    }
}

/// Shows the code and positions, never input characters.
impl fmt::Debug for PostcodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        debug_error(f, self.code(), self.index().zip(self.utf16_index()), self.digits(), "digits")
    }
}

impl core::error::Error for PostcodeError {}

/// Why a string is not a usable recipient name.
///
/// UNI-PASS compares the name with the one registered with the PCCC: the Korean name in Hangul, or for some
/// holders the registered English name. Each variant has a stable [`code`](Self::code) and one fixed message per
/// [`Locale`] that never contains the input.
///
/// # Example: digits in a name
///
/// ```
/// use pccc_guard::{NameError, RecipientName};
///
/// let err = RecipientName::parse("홍길동2").unwrap_err();
/// assert_eq!(err, NameError::ContainsDigits { index: 9, utf16_index: 3 });
/// assert_eq!(err.code(), "contains_digits");
/// # Ok::<(), NameError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum NameError {
    /// Nothing left after normalisation.
    Empty,
    /// Thirteen digits (spaces and hyphens aside) that read like a resident registration number.
    LooksLikeRrn,
    /// A digit in the name.
    ContainsDigits {
        /// Byte offset of the first digit in the input.
        index: usize,
        /// UTF-16 offset of the first digit in the input.
        utf16_index: usize,
    },
    /// A character that cannot be part of a name: a lone Hangul consonant or vowel, a letter with a diacritic,
    /// another script, an emoji, a symbol, or punctuation in a Hangul name.
    InvalidCharacter {
        /// Byte offset of the first such character in the input.
        index: usize,
        /// UTF-16 offset of the first such character in the input.
        utf16_index: usize,
    },
    /// Hangul and Latin letters in the same name.
    MixedScripts,
    /// Fewer than 2 Hangul syllables, or fewer than 2 Latin letters.
    TooShort {
        /// Hangul syllables, or Latin letters, found.
        length: usize,
    },
    /// More than 20 Hangul syllables, or more than 60 characters in a Latin name.
    TooLong {
        /// Hangul syllables, or characters of a Latin name (spaces and punctuation included), found.
        length: usize,
    },
}

/// The Korean and English messages of [`NameError`], in the order of its codes.
const NAME_MESSAGES: [[&str; 2]; 7] = [
    ["받는 분 이름을 입력해 주세요. 개인통관고유부호에 등록된 한글 이름이나 등록한 영문 이름이어야 합니다.", "Enter the recipient's name as registered with the personal customs clearance code: the Korean name or the registered English name."],
    ["주민등록번호 같습니다. 주민등록번호 말고 받는 분 이름을 입력해 주세요.", "This looks like a resident registration number. Enter the recipient's name instead."],
    ["이름에는 숫자를 쓸 수 없습니다. 등록된 이름을 그대로 입력해 주세요.", "A name cannot contain digits. Enter the name exactly as registered."],
    ["이름에 쓸 수 없는 문자가 있습니다. 한글만, 또는 영문자와 공백, 하이픈, 아포스트로피, 마침표만 쓸 수 있습니다.", "The name contains a character that cannot be used. Use Hangul only, or Latin letters, spaces, hyphens, apostrophes and dots."],
    ["한글과 영문을 섞어 쓸 수 없습니다. 등록된 한글 이름이나 영문 이름 하나로 입력해 주세요.", "Korean and Latin letters cannot be mixed. Enter the registered Korean name or the registered English name."],
    ["이름이 너무 짧습니다. 성을 포함한 전체 이름을 입력해 주세요.", "The name is too short. Enter the full name, family name included."],
    ["이름이 너무 깁니다. 한글은 20자, 영문은 60자까지입니다.", "The name is too long: at most 20 Hangul syllables or 60 Latin characters."],
];

impl NameError {
    /// Every error code, in the order the rules check them.
    pub const CODES: [&'static str; 7] =
        ["empty", "looks_like_rrn", "contains_digits", "invalid_character", "mixed_scripts", "too_short", "too_long"];

    /// The position of this error's code in [`CODES`](Self::CODES), which also orders the messages.
    const fn ordinal(&self) -> usize {
        match self {
            NameError::Empty => 0,
            NameError::LooksLikeRrn => 1,
            NameError::ContainsDigits { .. } => 2,
            NameError::InvalidCharacter { .. } => 3,
            NameError::MixedScripts => 4,
            NameError::TooShort { .. } => 5,
            NameError::TooLong { .. } => 6,
        }
    }

    /// The stable snake_case code of this error, e.g. `"mixed_scripts"`.
    ///
    /// # Example: branch on the code
    ///
    /// ```
    /// use pccc_guard::RecipientName;
    ///
    /// assert_eq!(RecipientName::parse("홍Gildong").unwrap_err().code(), "mixed_scripts");
    /// ```
    pub const fn code(&self) -> &'static str {
        Self::CODES[self.ordinal()]
    }

    /// The message for the user, in the given language. It never contains the input.
    ///
    /// # Example: the hint about the registered name
    ///
    /// ```
    /// use pccc_guard::{Locale, RecipientName};
    ///
    /// let err = RecipientName::parse("").unwrap_err();
    /// assert!(err.message(Locale::En).contains("registered English name"));
    /// ```
    pub const fn message(&self, locale: Locale) -> &'static str {
        let [ko, en] = NAME_MESSAGES[self.ordinal()];
        locale.pick(ko, en)
    }

    /// The byte offset in the input of the character a [`ContainsDigits`](Self::ContainsDigits) or
    /// [`InvalidCharacter`](Self::InvalidCharacter) is about.
    ///
    /// # Example: point at the bad character
    ///
    /// ```
    /// use pccc_guard::RecipientName;
    ///
    /// assert_eq!(RecipientName::parse("Kim#").unwrap_err().index(), Some(3));
    /// ```
    pub const fn index(&self) -> Option<usize> {
        match self {
            NameError::ContainsDigits { index, .. } | NameError::InvalidCharacter { index, .. } => Some(*index),
            _ => None,
        }
    }

    /// The same position as [`index`](Self::index), in UTF-16 code units (JavaScript string indices).
    ///
    /// # Example: a JavaScript-compatible index
    ///
    /// ```
    /// use pccc_guard::RecipientName;
    ///
    /// let err = RecipientName::parse("홍길동😀").unwrap_err();
    /// assert_eq!((err.index(), err.utf16_index()), (Some(9), Some(3)));
    /// ```
    pub const fn utf16_index(&self) -> Option<usize> {
        match self {
            NameError::ContainsDigits { utf16_index, .. } | NameError::InvalidCharacter { utf16_index, .. } => {
                Some(*utf16_index)
            }
            _ => None,
        }
    }

    /// The length found, for [`TooShort`](Self::TooShort) and [`TooLong`](Self::TooLong).
    ///
    /// # Example: one syllable is too short
    ///
    /// ```
    /// use pccc_guard::RecipientName;
    ///
    /// assert_eq!(RecipientName::parse("김").unwrap_err().length(), Some(1));
    /// ```
    pub const fn length(&self) -> Option<usize> {
        match self {
            NameError::TooShort { length } | NameError::TooLong { length } => Some(*length),
            _ => None,
        }
    }
}

/// Shows the Korean message.
impl fmt::Display for NameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message(Locale::Ko))
    }
}

/// Shows the code and positions, never input characters.
impl fmt::Debug for NameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        debug_error(f, self.code(), self.index().zip(self.utf16_index()), self.length(), "characters")
    }
}

impl core::error::Error for NameError {}
