//! Display masking: one policy type for every field, applied the same way everywhere on a site.
//!
//! There is no official screen-masking rule for a PCCC, and mixing schemes across a service lets people rebuild
//! the hidden parts, so a site should build one policy per field and use it everywhere. [`FieldMask`] is that
//! policy, with one shape for every field: [`PcccMask`] for a PCCC, [`PhoneMask`] for a mobile number and
//! [`NameMask`] for a name are the same type for different fields. A policy may reveal at most the field's
//! `MAX_REVEALED` digits; anything that is not a valid value of the field is masked completely, revealing only
//! its length. [`redact`](crate::redact) applies the same policies to numbers found in free text.

use alloc::string::String;
use core::fmt;
use core::hash::{Hash, Hasher};
use core::marker::PhantomData;

use crate::error::MaskError;
use crate::normalize::{map_char, Mapped};

// A field type is sealed by the registry (src/field.rs), which every field type is in.
use crate::field::sealed;

/// A field that has a display mask (every field whose [`FieldKind::mask_rule`](crate::FieldKind::mask_rule) is not
/// `None`). It names the field a [`FieldMask`] is for; the trait is sealed, and its items are the crate's own.
///
/// # Example: a policy for each field
///
/// ```
/// use pccc_guard::{FieldMask, Phone, Pccc};
///
/// let pccc: FieldMask<Pccc> = FieldMask::new();
/// let phone: FieldMask<Phone> = FieldMask::new();
/// assert_eq!(pccc.apply("P123456789012")?, "P********9012");
/// assert_eq!(phone.apply("01012345678")?, "010-1234-****");
/// # Ok::<(), pccc_guard::MaskError>(())
/// ```
pub trait MaskedField: sealed::Sealed + Sized {
    #[doc(hidden)]
    /// The policy's type name in `Debug` output.
    const NAME: &'static str;
    #[doc(hidden)]
    /// Digits kept at the start and at the end by default.
    const KEEP: (usize, usize);
    #[doc(hidden)]
    /// The most digits a policy may reveal (0 for a name, whose rule is fixed).
    const MAX_REVEALED: usize;
    #[doc(hidden)]
    /// Parses a value of the field.
    fn parse_field(input: &str) -> Option<Self>;
    #[doc(hidden)]
    /// The length of `input` after the field's normalisation: what masking invalid input reveals.
    fn normalized_len(input: &str) -> usize;
    #[doc(hidden)]
    /// The masked display form of a valid value.
    fn masked(&self, mask: &FieldMask<Self>) -> String;
}

/// A field whose policy keeps digits visible at the start and at the end (a [`MaskRule::Digits`](crate::MaskRule)).
///
/// # Example: keep the last four digits of either
///
/// ```
/// use pccc_guard::{PcccMask, PhoneMask};
///
/// assert_eq!(PcccMask::new().keep_end(4).apply("P123456789012")?, "P********9012");
/// assert_eq!(PhoneMask::new().keep_start(0).keep_end(4).apply("01012345678")?, "***-****-5678");
/// # Ok::<(), pccc_guard::MaskError>(())
/// ```
pub trait DigitField: MaskedField {
    #[doc(hidden)]
    /// Digits that always stay hidden, whatever the policy keeps (the kept start gives way first).
    const MIN_HIDDEN: usize;
}

/// A masking policy for one field `F`: how many digits to keep visible at the start and at the end (digit
/// fields only), and the character that replaces the rest.
///
/// Use it through each field's name for it, `<Field>Mask`: [`PcccMask`](crate::PcccMask) for a PCCC, for instance
/// (`P********9012` by default).
///
/// Builders take and return the policy by value and are `const`, so a site can define its policy once as a
/// constant.
///
/// # Example: one policy per field for the whole site
///
/// ```
/// use pccc_guard::{PcccMask, NameMask, PhoneMask};
///
/// const SITE_PCCC: PcccMask = PcccMask::new().keep_start(2).keep_end(4).fill('•');
/// const SITE_PHONE: PhoneMask = PhoneMask::new().fill('•');
/// const SITE_NAME: NameMask = NameMask::new().fill('•');
///
/// assert_eq!(SITE_PCCC.apply("P123456789012")?, "P12••••••9012");
/// assert_eq!(SITE_PHONE.apply("010 1234 5678")?, "010-1234-••••");
/// assert_eq!(SITE_NAME.apply("홍길동")?, "홍•동");
/// // Not a valid code: everything is hidden, only the length shows.
/// assert_eq!(PcccMask::new().apply("900101-1234567")?, "*************");
/// # Ok::<(), pccc_guard::MaskError>(())
/// ```
pub struct FieldMask<F: MaskedField> {
    keep_start: usize,
    keep_end: usize,
    fill: char,
    field: PhantomData<fn() -> F>,
}

impl<F: MaskedField> FieldMask<F> {
    /// The field's default policy: `P********9012`, `010-1234-****`, `홍*동`, with `*`.
    ///
    /// # Example: the defaults
    ///
    /// ```
    /// use pccc_guard::{PcccMask, NameMask, PhoneMask};
    ///
    /// assert_eq!(PcccMask::new().apply("P123456789012")?, "P********9012");
    /// assert_eq!(PhoneMask::new().apply("+82 10 1234 5678")?, "010-1234-****");
    /// assert_eq!(NameMask::new().apply("남궁민수")?, "남**수");
    /// # Ok::<(), pccc_guard::MaskError>(())
    /// ```
    pub const fn new() -> Self {
        FieldMask { keep_start: F::KEEP.0, keep_end: F::KEEP.1, fill: '*', field: PhantomData }
    }

    /// Uses `c` for hidden characters. It must be visible and must not read as a digit.
    ///
    /// # Example: bullets and circles
    ///
    /// ```
    /// use pccc_guard::{PcccMask, NameMask, PhoneMask};
    ///
    /// assert_eq!(PcccMask::new().fill('•').apply("P123456789012")?, "P••••••••9012");
    /// assert_eq!(PhoneMask::new().fill('•').apply("01012345678")?, "010-1234-••••");
    /// assert_eq!(NameMask::new().fill('○').apply("홍길동")?, "홍○동");
    /// # Ok::<(), pccc_guard::MaskError>(())
    /// ```
    pub const fn fill(self, c: char) -> Self {
        FieldMask { fill: c, ..self }
    }

    /// The fill character.
    ///
    /// # Example: read the policy back
    ///
    /// ```
    /// use pccc_guard::NameMask;
    ///
    /// assert_eq!(NameMask::new().fill('#').fill_char(), '#');
    /// ```
    pub const fn fill_char(&self) -> char {
        self.fill
    }

    /// Checks the policy on its own: it must reveal at most the field's `MAX_REVEALED` digits, and its fill
    /// character must be visible and not read as a digit.
    ///
    /// # Example: check a policy at start-up
    ///
    /// ```
    /// use pccc_guard::{PcccMask, MaskError, NameMask, PhoneMask};
    ///
    /// assert!(PcccMask::new().check().is_ok());
    /// assert_eq!(PcccMask::new().fill(' ').check(), Err(MaskError::InvalidFill));
    /// let err = PhoneMask::new().keep_start(7).keep_end(4).check().unwrap_err();
    /// assert_eq!(err, MaskError::RevealsTooMuch { revealed: 11, max: 7 });
    /// assert_eq!(NameMask::new().fill('0').check(), Err(MaskError::InvalidFill));
    /// ```
    pub fn check(&self) -> Result<(), MaskError> {
        check_policy(self.keep_start, self.keep_end, F::MAX_REVEALED, self.fill)
    }

    /// Masks `input`. A valid value shows what the policy keeps (a PCCC its `P`, a mobile number its hyphens);
    /// anything else is replaced character for character (after the field's normalisation) by the fill
    /// character, so it reveals only its length.
    ///
    /// # Example: mask what the user typed
    ///
    /// ```
    /// use pccc_guard::{PcccMask, NameMask, PhoneMask};
    ///
    /// assert_eq!(PcccMask::new().apply("P123456789012")?, "P********9012");
    /// assert_eq!(PcccMask::new().apply("P1234")?, "*****");
    /// assert_eq!(PhoneMask::new().apply("010 1234 5678")?, "010-1234-****");
    /// assert_eq!(PhoneMask::new().apply("0101234")?, "*******");
    /// assert_eq!(NameMask::new().apply(" Kim  Minsu ")?, "K** M****");
    /// assert_eq!(NameMask::new().apply("김")?, "*");
    /// # Ok::<(), pccc_guard::MaskError>(())
    /// ```
    pub fn apply(&self, input: &str) -> Result<String, MaskError> {
        self.check()?;
        Ok(match F::parse_field(input) {
            Some(value) => value.masked(self),
            None => filled(F::normalized_len(input), self.fill),
        })
    }

    /// Masks a value that has already been parsed.
    ///
    /// # Example: mask parsed values
    ///
    /// ```
    /// use pccc_guard::{PcccMask, Phone, NameMask, Pccc, PhoneMask, Name};
    ///
    /// assert_eq!(PcccMask::new().apply_to(&Pccc::parse("P123456789012")?)?, "P********9012");
    /// assert_eq!(PhoneMask::new().apply_to(&Phone::parse("011-123-4567")?)?, "011-123-****");
    /// assert_eq!(NameMask::new().apply_to(&Name::parse("Hong Gil-dong")?)?, "H*** G**-****");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn apply_to(&self, value: &F) -> Result<String, MaskError> {
        self.check()?;
        Ok(value.masked(self))
    }
}

impl<F: DigitField> FieldMask<F> {
    /// The most digits a policy may reveal: 6 of a PCCC's 12, 7 of a mobile number's.
    pub const MAX_REVEALED: usize = F::MAX_REVEALED;

    /// Keeps `n` digits visible at the start (after the `P` of a PCCC).
    ///
    /// # Example: keep the first digits
    ///
    /// ```
    /// use pccc_guard::{PcccMask, PhoneMask};
    ///
    /// assert_eq!(PcccMask::new().keep_start(2).keep_end(0).apply("P123456789012")?, "P12**********");
    /// assert_eq!(PhoneMask::new().keep_start(3).apply("01012345678")?, "010-****-****");
    /// # Ok::<(), pccc_guard::MaskError>(())
    /// ```
    pub const fn keep_start(self, n: usize) -> Self {
        FieldMask { keep_start: n, ..self }
    }

    /// Keeps the last `n` digits visible.
    ///
    /// # Example: keep the last digits (the UNI-PASS name fallback uses a phone's last 4)
    ///
    /// ```
    /// use pccc_guard::{PcccMask, PhoneMask};
    ///
    /// assert_eq!(PcccMask::new().keep_end(2).apply("P123456789012")?, "P**********12");
    /// assert_eq!(PhoneMask::new().keep_start(0).keep_end(4).apply("01012345678")?, "***-****-5678");
    /// # Ok::<(), pccc_guard::MaskError>(())
    /// ```
    pub const fn keep_end(self, n: usize) -> Self {
        FieldMask { keep_end: n, ..self }
    }

    /// Digits kept at the start.
    ///
    /// # Example: read the policy back
    ///
    /// ```
    /// use pccc_guard::PcccMask;
    ///
    /// assert_eq!(PcccMask::new().keep_start(1).start(), 1);
    /// ```
    pub const fn start(&self) -> usize {
        self.keep_start
    }

    /// Digits kept at the end.
    ///
    /// # Example: read the policy back
    ///
    /// ```
    /// use pccc_guard::PhoneMask;
    ///
    /// assert_eq!(PhoneMask::new().end(), 0);
    /// ```
    pub const fn end(&self) -> usize {
        self.keep_end
    }

    /// The policy as the field-independent digit masker that every digit mask of the crate uses, in a field
    /// and in free text.
    #[inline]
    pub(crate) const fn digits(&self) -> DigitMask {
        DigitMask { keep_start: self.keep_start, keep_end: self.keep_end, min_hidden: F::MIN_HIDDEN, fill: self.fill }
    }
}

/// Which digits of a value a digit policy shows, independent of the field (one copy in the module).
#[derive(Clone, Copy, Debug)]
pub(crate) struct DigitMask {
    pub(crate) keep_start: usize,
    pub(crate) keep_end: usize,
    /// Digits that always stay hidden, whatever the policy keeps.
    pub(crate) min_hidden: usize,
    pub(crate) fill: char,
}

impl DigitMask {
    /// A policy that shows no digit.
    pub(crate) const fn hide_all(fill: char) -> DigitMask {
        DigitMask { keep_start: 0, keep_end: 0, min_hidden: 0, fill }
    }

    /// The digits a value of `n` digits shows: those before the first bound and from the second on. The kept
    /// start and end, with at least `min_hidden` digits hidden (the kept start gives way first, then the kept
    /// end).
    #[inline]
    fn shown(&self, n: usize) -> (usize, usize) {
        let visible = n.saturating_sub(self.min_hidden);
        let end = self.keep_end.min(visible);
        (self.keep_start.min(visible - end), n - end)
    }

    /// Whether digit `i` of a value of `n` digits is shown.
    #[inline]
    pub(crate) fn shows(&self, i: usize, n: usize) -> bool {
        let (start, end) = self.shown(n);
        i < start || i >= end
    }

    /// Appends the ASCII `digits` with the hidden ones replaced by the fill character, and a hyphen before each
    /// digit whose index is in `hyphens`.
    #[inline]
    pub(crate) fn push(self, out: &mut String, digits: &[u8], hyphens: [usize; 2]) {
        push_digits(out, digits, self.keep_start, self.keep_end, self.min_hidden, self.fill, hyphens);
    }
}

/// [`DigitMask::push`] with the policy as plain arguments: one copy in the wasm module, and smaller calls.
#[inline(never)]
fn push_digits(
    out: &mut String,
    digits: &[u8],
    keep_start: usize,
    keep_end: usize,
    min_hidden: usize,
    fill: char,
    hyphens: [usize; 2],
) {
    let (start, end) = DigitMask { keep_start, keep_end, min_hidden, fill }.shown(digits.len());
    for (i, &d) in digits.iter().enumerate() {
        if hyphens.contains(&i) {
            out.push('-');
        }
        out.push(if i < start || i >= end { char::from(d) } else { fill });
    }
}

impl<F: MaskedField> Default for FieldMask<F> {
    fn default() -> Self {
        FieldMask::new()
    }
}

impl<F: MaskedField> Clone for FieldMask<F> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<F: MaskedField> Copy for FieldMask<F> {}

impl<F: MaskedField> PartialEq for FieldMask<F> {
    fn eq(&self, other: &Self) -> bool {
        (self.keep_start, self.keep_end, self.fill) == (other.keep_start, other.keep_end, other.fill)
    }
}

impl<F: MaskedField> Eq for FieldMask<F> {}

impl<F: MaskedField> Hash for FieldMask<F> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        (self.keep_start, self.keep_end, self.fill).hash(state);
    }
}

/// Prints the policy under its field's name: `PcccMask { keep_start: 0, keep_end: 4, fill: '*' }`,
/// `NameMask { fill: '*' }`.
impl<F: MaskedField> fmt::Debug for FieldMask<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = f.debug_struct(F::NAME);
        if F::MAX_REVEALED > 0 {
            s.field("keep_start", &self.keep_start).field("keep_end", &self.keep_end);
        }
        s.field("fill", &self.fill).finish()
    }
}

/// Checks a policy against a field's cap and the fill-character rules (shared by every field's mask).
pub(crate) fn check_policy(keep_start: usize, keep_end: usize, max: usize, fill: char) -> Result<(), MaskError> {
    let revealed = keep_start.saturating_add(keep_end);
    if revealed > max {
        return Err(MaskError::RevealsTooMuch { revealed, max });
    }
    match map_char(fill) {
        // map_char already drops the usual spaces and invisible characters; these are the white space it keeps.
        Mapped::Keep(c)
            if !c.is_ascii_digit() && !c.is_control() && !matches!(c, '\u{1680}' | '\u{2028}' | '\u{2029}') =>
        {
            Ok(())
        }
        _ => Err(MaskError::InvalidFill),
    }
}

/// `n` fill characters: how every mask shows input that is not valid (its length only).
#[inline(never)]
pub(crate) fn filled(n: usize, fill: char) -> String {
    let mut out = String::with_capacity(n * fill.len_utf8());
    out.extend(core::iter::repeat(fill).take(n));
    out
}
