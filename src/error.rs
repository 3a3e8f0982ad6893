//! What every error shares: the message language, the message table a field's error is written as, and the
//! masking policy's error. Each field's own error enum and its table live in the field's module.

use core::fmt;

use crate::{FieldKind, MaskRule};

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

/// Why a masking policy was refused.
///
/// # Example: a policy that shows too much is refused
///
/// ```
/// use pccc_guard::{PcccMask, MaskError};
///
/// let err = PcccMask::new().keep_start(4).keep_end(4).apply("P123456789012").unwrap_err();
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
    /// The field has no display mask (a postcode).
    NoMask,
}

impl MaskError {
    /// The stable snake_case code of this error.
    ///
    /// # Example: codes
    ///
    /// ```
    /// use pccc_guard::PcccMask;
    ///
    /// assert_eq!(PcccMask::new().fill('7').apply("P123456789012").unwrap_err().code(), "invalid_mask_char");
    /// ```
    pub const fn code(&self) -> &'static str {
        match self {
            MaskError::RevealsTooMuch { .. } => "mask_reveals_too_much",
            MaskError::InvalidFill => "invalid_mask_char",
            MaskError::NoMask => "no_mask",
        }
    }

    /// The message for the developer who configured the policy, in the given language.
    ///
    /// # Example: English message
    ///
    /// ```
    /// use pccc_guard::{Locale, PcccMask};
    ///
    /// let err = PcccMask::new().keep_end(7).apply("P123456789012").unwrap_err();
    /// assert!(err.message(Locale::En).contains("at most"));
    /// ```
    pub const fn message(&self, locale: Locale) -> &'static str {
        match self {
            MaskError::RevealsTooMuch { .. } => locale.pick(REVEALS_TOO_MUCH_KO, REVEALS_TOO_MUCH_EN),
            MaskError::InvalidFill => locale.pick(
                "마스킹 문자는 보이는 문자 한 글자여야 하며 숫자나 공백, 보이지 않는 문자는 쓸 수 없습니다.",
                "The mask character must be one visible character that is not a digit, a space or an invisible character.",
            ),
            MaskError::NoMask => locale.pick("가리지 않는 항목입니다.", "This field has no mask."),
        }
    }
}

/// [`MaskError::RevealsTooMuch`]'s message in each language, with every digit field's cap read from the registry
/// ([`FieldKind::mask_rule`]) when the crate is compiled: a new field's cap is in it without an edit here.
const REVEALS_TOO_MUCH_KO: &str = {
    const LEN: usize = reveals_too_much(Locale::Ko, Text::<0>::new()).len;
    const TEXT: &Text<LEN> = &reveals_too_much(Locale::Ko, Text::new());
    TEXT.as_str()
};
const REVEALS_TOO_MUCH_EN: &str = {
    const LEN: usize = reveals_too_much(Locale::En, Text::<0>::new()).len;
    const TEXT: &Text<LEN> = &reveals_too_much(Locale::En, Text::new());
    TEXT.as_str()
};

/// The message, written into `out`: "…(PCCC 6, mobile number 7, …)".
const fn reveals_too_much<const N: usize>(locale: Locale, out: Text<N>) -> Text<N> {
    let mut out = out.push(locale.pick(
        "마스킹 정책이 너무 많은 자리를 보여 줍니다. 앞뒤로 남기는 자리 수의 합은 항목별 최대 허용치(",
        "The masking policy reveals too much: keepStart + keepEnd must be at most the field's cap in digits (",
    ));
    let mut i = 0;
    let mut first = true;
    while i < FieldKind::ALL.len() {
        let kind = FieldKind::ALL[i];
        if let MaskRule::Digits { max_revealed, .. } = kind.mask_rule() {
            if !first {
                out = out.push(", ");
            }
            first = false;
            out = out.push(kind.label(locale)).push(" ").number(max_revealed).push(locale.pick("자리", ""));
        }
        i += 1;
    }
    out.push(locale.pick(") 이하여야 합니다.", ")."))
}

/// Text built at compile time into exactly `N` bytes: measured with `N = 0` (`len` counts what did not fit), then
/// written with the length it measured.
struct Text<const N: usize> {
    bytes: [u8; N],
    len: usize,
}

impl<const N: usize> Text<N> {
    const fn new() -> Self {
        Text { bytes: [0; N], len: 0 }
    }

    const fn byte(mut self, b: u8) -> Self {
        if self.len < N {
            self.bytes[self.len] = b;
        }
        self.len += 1;
        self
    }

    const fn push(mut self, s: &str) -> Self {
        let mut i = 0;
        while i < s.len() {
            self = self.byte(s.as_bytes()[i]);
            i += 1;
        }
        self
    }

    const fn number(self, n: usize) -> Self {
        let rest = if n >= 10 { self.number(n / 10) } else { self };
        rest.byte(b'0' + (n % 10) as u8)
    }

    /// The text (only ever called in a constant's definition, so the check runs when the crate is compiled).
    const fn as_str(&self) -> &str {
        match core::str::from_utf8(&self.bytes) {
            Ok(s) => s,
            Err(_) => panic!("a message is UTF-8"),
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

/// One row of a field error's message table: its stable snake_case code and its message in each language.
///
/// Every field error keeps its rows in one table beside its enum (`PcccError::MESSAGES` and so on): the codes and
/// messages that Rust, JavaScript, serde and the command-line tool give are all read from it. Several rows may
/// share a code when the message depends on more than the code (a letter `O` typed for a zero).
///
/// # Example: every message a PCCC error can give
///
/// ```
/// use pccc_guard::{Locale, PcccError};
///
/// let first = &PcccError::MESSAGES[0];
/// assert_eq!(first.code(), "empty");
/// assert!(first.text(Locale::En).starts_with("Enter your personal customs clearance code"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Message {
    pub(crate) code: &'static str,
    pub(crate) ko: &'static str,
    pub(crate) en: &'static str,
}

impl Message {
    /// The stable snake_case code, e.g. `"too_short"`.
    ///
    /// # Example: a code
    ///
    /// ```
    /// use pccc_guard::PostcodeError;
    ///
    /// assert_eq!(PostcodeError::MESSAGES[3].code(), "old_postcode");
    /// ```
    pub const fn code(&self) -> &'static str {
        self.code
    }

    /// The message in `locale`. It never contains the input.
    ///
    /// # Example: both languages
    ///
    /// ```
    /// use pccc_guard::{Locale, PostcodeError};
    ///
    /// let row = &PostcodeError::MESSAGES[0];
    /// assert_ne!(row.text(Locale::Ko), row.text(Locale::En));
    /// ```
    pub const fn text(&self, locale: Locale) -> &'static str {
        locale.pick(self.ko, self.en)
    }
}

/// The distinct codes of a message table, in order (rows that share a code stand together). `N` must be their
/// number: a wrong count fails the build, since the tables are constants.
pub(crate) const fn distinct_codes<const N: usize>(table: &[Message]) -> [&'static str; N] {
    let mut out = [""; N];
    let (mut i, mut n) = (0, 0);
    while i < table.len() {
        let code = table[i].code;
        if n == 0 || !same(out[n - 1], code) {
            assert!(n < N, "more codes in the table than its CODES array holds");
            out[n] = code;
            n += 1;
        }
        i += 1;
    }
    assert!(n == N, "fewer codes in the table than its CODES array holds");
    out
}

const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Writes a field error's code and positions or count, never input characters (its `Debug`).
pub(crate) fn debug_error(
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

/// A field error's message table and everything read from it: `MESSAGES`, `CODES`, `code`, `message`, the
/// [`FieldError`](crate::FieldError) impl, `Display` (the Korean message), a `Debug` that shows the code and
/// positions but never input, and `core::error::Error`.
///
/// `field_error!(Error, Field, CODES count, found: accessor "unit", [pattern => "code", "ko", "en"; ...])`: each
/// row names the variants it covers; rows of one code stand together. The enum itself, with `index`,
/// `utf16_index` and the `found` accessor, is written beside the call.
macro_rules! field_error {
    (
        $error:ident, $field:ident, $n:literal, found: $found:ident $unit:literal,
        [$($pat:pat => $code:literal, $ko:expr, $en:expr;)+]
    ) => {
        impl $error {
            /// Every message this error can give, with its code, in the order the rules check them: the one
            /// table that JavaScript, serde and the command-line tool read codes and messages from.
            pub const MESSAGES: &'static [$crate::Message] = &[$($crate::Message { code: $code, ko: $ko, en: $en }),+];

            /// Every error code, in the order the rules check them.
            pub const CODES: [&'static str; $n] = $crate::error::distinct_codes(Self::MESSAGES);

            /// This error's row of [`MESSAGES`](Self::MESSAGES).
            const fn entry(&self) -> &'static $crate::Message {
                match self {
                    $($pat => &$crate::Message { code: $code, ko: $ko, en: $en },)+
                }
            }

            /// The stable snake_case code of this error (one of [`CODES`](Self::CODES)): branch on it, not on
            /// the message.
            pub const fn code(&self) -> &'static str {
                self.entry().code
            }

            /// The message for the user, in the given language. It never contains the input.
            pub const fn message(&self, locale: $crate::Locale) -> &'static str {
                self.entry().text(locale)
            }
        }

        impl $crate::field::sealed::Sealed for $error {}

        impl $crate::FieldError for $error {
            const FIELD: $crate::FieldKind = $crate::FieldKind::$field;
            const MESSAGES: &'static [$crate::Message] = <$error>::MESSAGES;

            fn code(&self) -> &'static str {
                <$error>::code(self)
            }
            fn message(&self, locale: $crate::Locale) -> &'static str {
                <$error>::message(self, locale)
            }
            fn index(&self) -> Option<usize> {
                <$error>::index(self)
            }
            fn utf16_index(&self) -> Option<usize> {
                <$error>::utf16_index(self)
            }
            fn found(&self) -> Option<usize> {
                self.$found()
            }
            fn record(&self) -> $crate::ErrorRecord {
                $crate::ErrorRecord::new(
                    $crate::FieldKind::$field,
                    self.entry(),
                    <$error>::index(self).zip(<$error>::utf16_index(self)),
                    self.$found(),
                )
            }
        }

        /// Shows the Korean message.
        impl core::fmt::Display for $error {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(self.message($crate::Locale::Ko))
            }
        }

        /// Shows the code and positions, never input characters.
        impl core::fmt::Debug for $error {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                $crate::error::debug_error(f, self.code(), self.index().zip(self.utf16_index()), self.$found(), $unit)
            }
        }

        impl core::error::Error for $error {}
    };
}
pub(crate) use field_error;
