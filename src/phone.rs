//! Korean mobile numbers, as UNI-PASS matches them against the number registered with a PCCC, and their
//! display mask.
//!
//! The prefixes follow the Korean numbering plan as recorded in libphonenumber's metadata for `KR`: landlines
//! `02` and `031`–`033`, `041`–`044`, `051`–`055`, `061`–`064`; VoIP `070`; personal numbers `050`; toll-free
//! `080`; premium `060`. Mobile numbers are narrower here than in libphonenumber, which also accepts machine
//! (`012`) and legacy ranges: a person's mobile number is `010` + 8 digits, or `011`, `016`–`019` + 7 or 8.

use alloc::string::String;

use core::fmt;

use crate::field::{FieldDocs, MaskExample};
use crate::mask::FieldMask;
use crate::normalize::{Normalized, Source};
use crate::pccc::is_rrn_date;

/// The most digits a mobile number has.
const MAX_DIGITS: usize = 11;
/// Digits kept for classification; longer inputs are only counted.
const KEPT: usize = 16;

/// The characters a phone field looks at: the shared normalisation rules, and parentheses and dots dropped too
/// (`(02) 123.4567`, `+82 (0)10`).
pub(crate) fn phone_chars(input: &str) -> impl Iterator<Item = Source> + '_ {
    Normalized::new(input).filter(|s| !matches!(s.ch, '(' | ')' | '.'))
}

/// A Korean mobile number (휴대전화 번호) in the form UNI-PASS compares: `010` + 8 digits, or `011`, `016`,
/// `017`, `018`, `019` + 7 or 8 digits.
///
/// The only way to get one is to parse it. Parsing applies the shared normalisation rules (full-width digits,
/// spaces, hyphens and invisible characters; see [`normalize`](crate::normalize)), also drops parentheses and
/// dots, and reads the international form: `+82 10-1234-5678`, `+82-(0)10-1234-5678` and `0082 10 1234 5678`
/// are all `01012345678`.
///
/// `Display` and [`as_str`](Self::as_str) give the canonical digits, the form to submit;
/// [`display`](Self::display) gives the hyphenated form to show. `Debug` does not print the number.
///
/// # Example: parse what the user typed
///
/// ```
/// use pccc_guard::Phone;
///
/// let phone: Phone = "+82 10-1234-5678".parse()?;
/// assert_eq!(phone.as_str(), "01012345678");
/// assert_eq!(phone.display(), "010-1234-5678");
/// assert_eq!(format!("{phone:?}"), "Phone(***-****-****)");
/// # Ok::<(), pccc_guard::PhoneError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Phone {
    digits: [u8; MAX_DIGITS],
    hyphenated: [u8; MAX_DIGITS + 2],
    len: u8,
}

impl Phone {
    /// Normalises and checks `input`, returning the number or the first rule it breaks.
    ///
    /// The rules, first match wins: nothing left is [`Empty`](PhoneError::Empty); a leading `+` must be
    /// followed by `82` ([`InvalidCountryCode`](PhoneError::InvalidCountryCode)); any other non-digit is
    /// [`InvalidCharacter`](PhoneError::InvalidCharacter); 13 digits without a country code whose 3rd–4th are a
    /// month and 5th–6th a day are [`LooksLikeRrn`](PhoneError::LooksLikeRrn). The number is then read in its domestic form (`+82`
    /// or `0082` replaced by `0`) and classified by its prefix: landline, `070`, `050`, other non-mobile
    /// prefixes, and for a mobile prefix (or the start of one, `0` or `01`) the length:
    /// [`TooShort`](PhoneError::TooShort) or [`TooLong`](PhoneError::TooLong).
    ///
    /// Runs in time linear in the input and allocates nothing.
    ///
    /// # Example: a virtual number from a marketplace is refused
    ///
    /// ```
    /// use pccc_guard::{Phone, PhoneError};
    ///
    /// assert!(Phone::parse("010.1234.5678").is_ok());
    /// assert_eq!(Phone::parse("0504-1234-5678"), Err(PhoneError::VirtualNumber));
    /// # Ok::<(), PhoneError>(())
    /// ```
    #[inline(never)] // one copy, shared by every caller (smaller wasm)
    pub fn parse(input: &str) -> Result<Phone, PhoneError> {
        // Digit values as typed (after a leading `+`), the first KEPT of them; longer inputs are only counted.
        let mut buf = [0u8; KEPT];
        let mut n = 0usize;
        let mut plus = false;
        let country_ok = |buf: &[u8; KEPT], n: usize| n >= 2 && buf[0] == 8 && buf[1] == 2;
        for (i, s) in phone_chars(input).enumerate() {
            if i == 0 && s.ch == '+' {
                plus = true;
                continue;
            }
            if !s.ch.is_ascii_digit() {
                return Err(if plus && !country_ok(&buf, n) {
                    PhoneError::InvalidCountryCode
                } else {
                    PhoneError::InvalidCharacter { index: s.byte, utf16_index: s.utf16 }
                });
            }
            if let Some(slot) = buf.get_mut(n) {
                *slot = s.ch as u8 - b'0';
            }
            n += 1;
        }
        // Where the domestic number starts in `buf`, and whether its trunk 0 must be added back.
        let skip = if plus {
            if !country_ok(&buf, n) {
                return Err(PhoneError::InvalidCountryCode);
            }
            2
        } else if n == 0 {
            return Err(PhoneError::Empty);
        } else if n == 13 && is_rrn_date(&[buf[0], buf[1], buf[2], buf[3], buf[4], buf[5]]) {
            return Err(PhoneError::LooksLikeRrn);
        } else if n >= 4 && buf[..4] == [0, 0, 8, 2] {
            4
        } else {
            0
        };
        // After a country code the trunk 0 is optional: `+82 10…` and `+82 (0)10…` are the same number.
        let trunk = skip > 0 && (n == skip || buf[skip] != 0);
        let len = n - skip + usize::from(trunk);
        // The i-th digit of the domestic form, or 10 past the end.
        let digit = |i: usize| -> u8 {
            match (trunk, i) {
                (true, 0) => 0,
                _ if i >= len => 10,
                _ => buf.get(skip + i - usize::from(trunk)).copied().unwrap_or(10),
            }
        };
        let (min, max) = match (digit(0), digit(1), digit(2)) {
            (0, 1, 0) => (MAX_DIGITS, MAX_DIGITS),
            (0, 1, 1 | 6..=9) => (MAX_DIGITS - 1, MAX_DIGITS),
            // The start of a mobile prefix: too short to say more.
            (0, 10, _) | (0, 1, 10) => return Err(PhoneError::TooShort { digits: len }),
            (0, 2, _) | (0, 3, 1..=3) | (0, 4, 1..=4) | (0, 5, 1..=5) | (0, 6, 1..=4) => {
                return Err(PhoneError::LandlineNumber)
            }
            (0, 7, 0) => return Err(PhoneError::VoipNumber),
            (0, 5, 0) => return Err(PhoneError::VirtualNumber),
            _ => return Err(PhoneError::NotAMobileNumber),
        };
        if len < min {
            return Err(PhoneError::TooShort { digits: len });
        }
        if len > max {
            return Err(PhoneError::TooLong { digits: len });
        }
        let mut number = Phone { digits: [b'0'; MAX_DIGITS], hyphenated: [b'-'; MAX_DIGITS + 2], len: len as u8 };
        let mut at = 0;
        for i in 0..len {
            let d = b'0' + digit(i);
            if i == 3 || i == len - 4 {
                at += 1;
            }
            if let (Some(plain), Some(grouped)) = (number.digits.get_mut(i), number.hyphenated.get_mut(at)) {
                (*plain, *grouped) = (d, d);
            }
            at += 1;
        }
        Ok(number)
    }

    /// Whether `input` is a valid mobile number after normalisation; the same answer as
    /// `Phone::parse(input).is_ok()`.
    ///
    /// # Example: a quick yes or no
    ///
    /// ```
    /// use pccc_guard::Phone;
    ///
    /// assert!(Phone::is_valid("010 1234 5678"));
    /// assert!(!Phone::is_valid("02-1234-5678"));
    /// ```
    pub fn is_valid(input: &str) -> bool {
        Phone::parse(input).is_ok()
    }

    /// The canonical form: 10 or 11 ASCII digits, starting with `01`. This is what UNI-PASS expects.
    ///
    /// # Example: full-width digits from an IME
    ///
    /// ```
    /// use pccc_guard::Phone;
    ///
    /// assert_eq!(Phone::parse("０１０－１２３４－５６７８")?.as_str(), "01012345678");
    /// # Ok::<(), pccc_guard::PhoneError>(())
    /// ```
    pub fn as_str(&self) -> &str {
        // Only ASCII digits are ever stored, so this conversion cannot fail.
        core::str::from_utf8(self.as_bytes()).unwrap_or_default()
    }

    /// The hyphenated form to show: `010-1234-5678` for 11 digits, `011-123-4567` for 10.
    ///
    /// # Example: show it grouped
    ///
    /// ```
    /// use pccc_guard::Phone;
    ///
    /// assert_eq!(Phone::parse("01012345678")?.display(), "010-1234-5678");
    /// assert_eq!(Phone::parse("0111234567")?.display(), "011-123-4567");
    /// # Ok::<(), pccc_guard::PhoneError>(())
    /// ```
    pub fn display(&self) -> &str {
        core::str::from_utf8(self.display_bytes()).unwrap_or_default()
    }

    /// The canonical digits as bytes (see [`Pccc::as_bytes`](crate::Pccc)).
    pub(crate) fn as_bytes(&self) -> &[u8] {
        self.digits.get(..usize::from(self.len)).unwrap_or_default()
    }

    /// The hyphenated form as bytes.
    pub(crate) fn display_bytes(&self) -> &[u8] {
        self.hyphenated.get(..usize::from(self.len) + 2).unwrap_or_default()
    }
}

/// Redacted: prints `Phone(***-****-****)`, never the digits.
impl fmt::Debug for Phone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Phone(***-****-****)")
    }
}

/// A masking policy for a mobile number. The output is always hyphenated. The default keeps the first 7
/// digits, the form of PIPC's delivery-label guidance: `010-1234-****`.
///
/// A policy may keep at most [`MAX_REVEALED`](FieldMask::MAX_REVEALED) (7) digits, so at least 4 of an
/// 11-digit number stay hidden. A 10-digit number keeps 4 hidden as well: the kept start shrinks first, then
/// the kept end (the default gives `011-123-****`).
///
/// # Example: one policy for the whole site
///
/// ```
/// use pccc_guard::PhoneMask;
///
/// const SITE_MASK: PhoneMask = PhoneMask::new();
///
/// assert_eq!(SITE_MASK.apply("01012345678")?, "010-1234-****");
/// assert_eq!(PhoneMask::new().keep_start(3).keep_end(4).apply("010-1234-5678")?, "010-****-5678");
/// // Not a mobile number: everything is hidden.
/// assert_eq!(SITE_MASK.apply("02-123-4567")?, "*********");
/// # Ok::<(), pccc_guard::MaskError>(())
/// ```
pub type PhoneMask = FieldMask<Phone>;

impl crate::mask::MaskedField for Phone {
    const NAME: &'static str = "PhoneMask";
    const KEEP: (usize, usize) = (7, 0);
    const MAX_REVEALED: usize = 7;

    fn parse_field(input: &str) -> Option<Phone> {
        Phone::parse(input).ok()
    }

    fn normalized_len(input: &str) -> usize {
        phone_chars(input).count()
    }

    fn masked(&self, mask: &PhoneMask) -> String {
        let digits = self.as_bytes();
        let mut out = String::with_capacity(digits.len() * mask.fill_char().len_utf8() + 2);
        mask.digits().push(&mut out, digits, [3, digits.len().saturating_sub(4)]);
        out
    }
}

impl crate::mask::DigitField for Phone {
    /// At least 4 digits stay hidden, also in a 10-digit number.
    const MIN_HIDDEN: usize = 4;
}

// ---- Errors: the enum, its positions, and its message table ----------------------------------------

/// Why a string is not a Korean mobile number that UNI-PASS can match.
///
/// Like [`PcccError`](crate::PcccError), each variant has a stable [`code`](Self::code) and one fixed message per [`Locale`](crate::Locale) that
/// never contains the input, and positions are given as byte and UTF-16 offsets into the original input.
///
/// # Example: a landline where a mobile number is required
///
/// ```
/// use pccc_guard::{Locale, Phone, PhoneError};
///
/// let err = Phone::parse("02-123-4567").unwrap_err();
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

impl PhoneError {
    /// The byte offset in the input of the character an [`InvalidCharacter`](Self::InvalidCharacter) is about.
    ///
    /// # Example: point at the bad character
    ///
    /// ```
    /// use pccc_guard::Phone;
    ///
    /// assert_eq!(Phone::parse("010-1234-567X").unwrap_err().index(), Some(12));
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
    /// use pccc_guard::Phone;
    ///
    /// let err = Phone::parse("０１０#").unwrap_err();
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
    /// use pccc_guard::Phone;
    ///
    /// assert_eq!(Phone::parse("010-1234-567").unwrap_err().digits(), Some(10));
    /// ```
    pub const fn digits(&self) -> Option<usize> {
        match self {
            PhoneError::TooShort { digits } | PhoneError::TooLong { digits } => Some(*digits),
            _ => None,
        }
    }
}

crate::error::field_error!(PhoneError, Phone, 10, found: digits "digits", [
    PhoneError::Empty => "empty",
        "개인통관고유부호에 등록된 휴대전화 번호를 입력해 주세요.",
        "Enter the mobile number registered with your personal customs clearance code.";
    PhoneError::InvalidCountryCode => "invalid_country_code",
        "한국 휴대전화 번호(+82)만 쓸 수 있습니다.",
        "Only a Korean mobile number (+82) can be used.";
    PhoneError::InvalidCharacter { .. } => "invalid_character",
        "전화번호에는 숫자만 입력해 주세요.",
        "A phone number may contain digits only.";
    PhoneError::LooksLikeRrn => "looks_like_rrn",
        "주민등록번호 같습니다. 주민등록번호 말고 휴대전화 번호를 입력해 주세요.",
        "This looks like a resident registration number. Enter your mobile number instead.";
    PhoneError::LandlineNumber => "landline_number",
        "일반 전화번호입니다. 휴대전화 번호가 필요합니다.",
        "This is a landline number; a mobile number is required.";
    PhoneError::VoipNumber => "voip_number",
        "인터넷 전화(070) 번호입니다. 휴대전화 번호가 필요합니다.",
        "This is an internet phone (070) number; a mobile number is required.";
    PhoneError::VirtualNumber => "virtual_number",
        "050 안심번호(가상번호)는 UNI-PASS에서 일치하지 않습니다. 개인통관고유부호에 등록된 실제 휴대전화 번호를 입력해 주세요.",
        "UNI-PASS never matches a 050 virtual (safe) number. Enter the real mobile number registered with your personal customs clearance code.";
    PhoneError::NotAMobileNumber => "not_a_mobile_number",
        "휴대전화 번호가 아닙니다. 010, 011, 016~019로 시작하는 번호를 입력해 주세요.",
        "This is not a mobile number: it must start with 010, 011 or 016 to 019.";
    PhoneError::TooShort { .. } => "too_short",
        "숫자가 부족합니다. 010 번호는 11자리, 011·016~019 번호는 10~11자리입니다.",
        "Too few digits: 010 numbers have 11, 011 and 016 to 019 numbers 10 or 11.";
    PhoneError::TooLong { .. } => "too_long",
        "숫자가 너무 많습니다. 010 번호는 11자리, 011·016~019 번호는 10~11자리입니다.",
        "Too many digits: 010 numbers have 11, 011 and 016 to 019 numbers 10 or 11.";
]);

impl Phone {
    #[doc(hidden)]
    /// What the generated JavaScript says of the field (src/field.rs, `FieldDocs`).
    pub const DOCS: FieldDocs = FieldDocs {
        what: "a mobile number",
        validate:
            "Checks a Korean mobile number: `010` + 8 digits, or `011`, `016`–`019` + 7 or 8 digits. Hyphens, spaces,
dots, parentheses, full-width digits and the international form (`+82 10-…`, `+82-(0)10-…`) are accepted.

Returns `{ valid: true, value, display }` with the digits to submit and the hyphenated form to show, or
`{ valid: false, error }` with a stable `code` (landline, VoIP and 050 virtual numbers each have their own:
UNI-PASS only matches the real mobile number registered with the PCCC), a message in Korean (default) or
English that never contains the input, and the UTF-16 `index` of a bad character or the digits `found`.",
        examples: &["+82 10-1234-5678", "0504-1234-5678"],
        mask:
            "Masks a mobile number for display, hyphenated: by default the first 7 digits stay (`010-1234-****`, as on
delivery labels). `keepStart` and `keepEnd` choose the visible digits, at most 7 together, and at least 4
digits are always hidden (for a 10-digit number the kept start shrinks). Input that is not a valid mobile
number is masked completely, showing only its length. Throws an `Error` (with `code`
`\"mask_reveals_too_much\"` or `\"invalid_mask_char\"`) for a policy that would reveal too much or whose mask
character is not one visible non-digit character.",
        mask_examples: &[
            MaskExample::of("01012345678"),
            MaskExample { input: "01012345678", keep_start: Some(3), keep_end: Some(4), fill: None },
        ],
    };
}
