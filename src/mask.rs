//! Display masking: one policy, applied the same way everywhere on a site.
//!
//! There is no official screen-masking rule for a PCCC, and mixing schemes across a service lets people rebuild
//! the hidden parts, so a site should build one [`Mask`] and use it everywhere. A policy may reveal at most
//! [`Mask::MAX_REVEALED`] of the 12 digits; anything that is not a valid code is masked completely, revealing
//! only its length.

use alloc::string::String;

use crate::error::MaskError;
use crate::normalize::{map_char, Mapped, Normalized};
use crate::pccc::{Pccc, DIGITS};

/// A masking policy for a PCCC: how many digits after the `P` to keep at the start and at the end, and the
/// character that replaces the rest. The default keeps the last 4 digits: `P********9012`.
///
/// Builders take and return the policy by value and are `const`, so a site can define its policy once as a
/// constant.
///
/// # Example: one policy for the whole site
///
/// ```
/// use pccc_guard::Mask;
///
/// const SITE_MASK: Mask = Mask::new().keep_start(2).keep_end(4).fill('•');
///
/// assert_eq!(SITE_MASK.apply("P123456789012")?, "P12••••••9012");
/// assert_eq!(Mask::new().apply("p1234 5678 9012")?, "P********9012");
/// // Not a valid code: everything is hidden, only the length shows.
/// assert_eq!(Mask::new().apply("900101-1234567")?, "*************");
/// # Ok::<(), pccc_guard::MaskError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Mask {
    keep_start: usize,
    keep_end: usize,
    fill: char,
}

impl Default for Mask {
    fn default() -> Self {
        Mask::new()
    }
}

impl Mask {
    /// The most digits of the 12 a policy may reveal.
    pub const MAX_REVEALED: usize = 6;

    /// The default policy: keep no leading digit, keep the last 4, fill with `*`.
    ///
    /// # Example: the default
    ///
    /// ```
    /// use pccc_guard::Mask;
    ///
    /// assert_eq!(Mask::new().apply("P123456789012")?, "P********9012");
    /// # Ok::<(), pccc_guard::MaskError>(())
    /// ```
    pub const fn new() -> Mask {
        Mask { keep_start: 0, keep_end: 4, fill: '*' }
    }

    /// Keeps `n` digits after the `P` visible.
    ///
    /// # Example: keep the first two digits
    ///
    /// ```
    /// use pccc_guard::Mask;
    ///
    /// assert_eq!(Mask::new().keep_start(2).keep_end(0).apply("P123456789012")?, "P12**********");
    /// # Ok::<(), pccc_guard::MaskError>(())
    /// ```
    pub const fn keep_start(self, n: usize) -> Mask {
        Mask { keep_start: n, ..self }
    }

    /// Keeps the last `n` digits visible.
    ///
    /// # Example: keep the last two digits
    ///
    /// ```
    /// use pccc_guard::Mask;
    ///
    /// assert_eq!(Mask::new().keep_end(2).apply("P123456789012")?, "P**********12");
    /// # Ok::<(), pccc_guard::MaskError>(())
    /// ```
    pub const fn keep_end(self, n: usize) -> Mask {
        Mask { keep_end: n, ..self }
    }

    /// Uses `c` for hidden characters. It must be visible and must not read as a digit.
    ///
    /// # Example: bullets
    ///
    /// ```
    /// use pccc_guard::Mask;
    ///
    /// assert_eq!(Mask::new().fill('•').apply("P123456789012")?, "P••••••••9012");
    /// # Ok::<(), pccc_guard::MaskError>(())
    /// ```
    pub const fn fill(self, c: char) -> Mask {
        Mask { fill: c, ..self }
    }

    /// Digits kept at the start.
    pub const fn start(&self) -> usize {
        self.keep_start
    }

    /// Digits kept at the end.
    pub const fn end(&self) -> usize {
        self.keep_end
    }

    /// The fill character.
    pub const fn fill_char(&self) -> char {
        self.fill
    }

    /// Checks the policy on its own: it must reveal at most [`MAX_REVEALED`](Self::MAX_REVEALED) digits, and
    /// its fill character must be visible and not read as a digit.
    ///
    /// # Example: check a policy at start-up
    ///
    /// ```
    /// use pccc_guard::{Mask, MaskError};
    ///
    /// assert!(Mask::new().check().is_ok());
    /// assert_eq!(Mask::new().fill(' ').check(), Err(MaskError::InvalidFill));
    /// ```
    pub fn check(&self) -> Result<(), MaskError> {
        check_policy(self.keep_start, self.keep_end, Mask::MAX_REVEALED, self.fill)
    }

    /// Masks `input`. A valid code shows `P`, the kept digits and fill characters; anything else is replaced
    /// character for character (after normalisation) by the fill character, so it reveals only its length.
    ///
    /// # Example: mask what the user typed
    ///
    /// ```
    /// use pccc_guard::Mask;
    ///
    /// assert_eq!(Mask::new().apply("P123456789012")?, "P********9012");
    /// assert_eq!(Mask::new().apply("P1234")?, "*****");
    /// # Ok::<(), pccc_guard::MaskError>(())
    /// ```
    pub fn apply(&self, input: &str) -> Result<String, MaskError> {
        self.check()?;
        Ok(match Pccc::parse(input) {
            Ok(code) => self.mask_checked(&code),
            Err(_) => filled(Normalized::new(input).count(), self.fill),
        })
    }

    /// Masks a code that has already been parsed.
    ///
    /// # Example: mask a parsed code
    ///
    /// ```
    /// use pccc_guard::{Mask, Pccc};
    ///
    /// let code = Pccc::parse("P123456789012")?;
    /// assert_eq!(Mask::new().apply_to(&code)?, "P********9012");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn apply_to(&self, code: &Pccc) -> Result<String, MaskError> {
        self.check()?;
        Ok(self.mask_checked(code))
    }

    fn mask_checked(&self, code: &Pccc) -> String {
        let mut out = String::with_capacity(1 + DIGITS * self.fill.len_utf8());
        out.push('P');
        keep_ends(
            &mut out,
            code.as_bytes().get(1..).unwrap_or_default(),
            self.keep_start,
            self.keep_end,
            self.fill,
            [usize::MAX; 2],
        );
        out
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

/// Appends the ASCII `digits` with all but the first `keep_start` and last `keep_end` replaced by `fill`, and a
/// hyphen before each digit whose index is in `hyphens` (shared by every field's mask: one copy in the module).
#[inline(never)]
pub(crate) fn keep_ends(
    out: &mut String,
    digits: &[u8],
    keep_start: usize,
    keep_end: usize,
    fill: char,
    hyphens: [usize; 2],
) {
    let hidden_end = digits.len().saturating_sub(keep_end);
    for (i, &d) in digits.iter().enumerate() {
        if hyphens.contains(&i) {
            out.push('-');
        }
        out.push(if i < keep_start || i >= hidden_end { char::from(d) } else { fill });
    }
}

/// `n` fill characters: how every mask shows input that is not valid (its length only).
#[inline(never)]
pub(crate) fn filled(n: usize, fill: char) -> String {
    let mut out = String::with_capacity(n * fill.len_utf8());
    out.extend(core::iter::repeat(fill).take(n));
    out
}
