//! Masking the personal numbers found in free text, with the site's field policies: see [`redact`].

use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;

use crate::error::MaskError;
use core::ops::Range;

use crate::find::{find_sensitive, find_sensitive_bytes, Finding, Kind, Kinds};
use crate::mask::{check_policy, DigitMask};
use crate::{PcccMask, PhoneMask};

/// How [`redact`] masks what it finds: a policy per kind, and which kinds to look for.
///
/// The defaults are the field masks ([`PcccMask::new`], [`PhoneMask::new`]), RRNs filled with `*`, and every kind.
/// Builders are `const`, like the masks', so a site defines its policies once, from the same masks its forms use.
///
/// # Example: the site's policies, once
///
/// ```
/// use pccc_guard::{redact, Kind, Kinds, PcccMask, PhoneMask, Policies};
///
/// const SITE_PCCC: PcccMask = PcccMask::new().keep_end(4).fill('•');
/// const SITE: Policies = Policies::new().pccc(SITE_PCCC).phone(PhoneMask::new().fill('•')).rrn_fill('•');
///
/// assert_eq!(redact("P1234-5678-9012", &SITE)?, "P••••-••••-9012");
/// assert_eq!(redact("900101-1234567", &SITE)?, "••••••-•••••••");
/// const NO_PHONES: Policies = Policies::new().kinds(Kinds::ALL.without(Kind::Phone));
/// assert_eq!(redact("010-1234-5678", &NO_PHONES)?, "010-1234-5678");
/// # Ok::<(), pccc_guard::MaskError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Policies {
    pccc: PcccMask,
    phone: PhoneMask,
    rrn_fill: char,
    kinds: Kinds,
}

impl Default for Policies {
    fn default() -> Self {
        Policies::new()
    }
}

impl Policies {
    /// The defaults: the field masks, RRNs filled with `*`, every kind.
    ///
    /// # Example: the defaults
    ///
    /// ```
    /// use pccc_guard::{redact, Policies};
    ///
    /// let text = "P123456789012 / 010-1234-5678 / 900101-1234567";
    /// assert_eq!(redact(text, &Policies::new())?, "P********9012 / 010-1234-**** / ******-*******");
    /// # Ok::<(), pccc_guard::MaskError>(())
    /// ```
    pub const fn new() -> Policies {
        Policies { pccc: PcccMask::new(), phone: PhoneMask::new(), rrn_fill: '*', kinds: Kinds::ALL }
    }

    /// Masks PCCCs with `mask`.
    ///
    /// # Example: keep two leading digits too
    ///
    /// ```
    /// use pccc_guard::{redact, PcccMask, Policies};
    ///
    /// let policies = Policies::new().pccc(PcccMask::new().keep_start(2).keep_end(4));
    /// assert_eq!(redact("p 1234 5678 9012", &policies)?, "p 12** **** 9012");
    /// # Ok::<(), pccc_guard::MaskError>(())
    /// ```
    pub const fn pccc(self, mask: PcccMask) -> Policies {
        Policies { pccc: mask, ..self }
    }

    /// Masks mobile numbers with `mask`.
    ///
    /// # Example: only the last four digits
    ///
    /// ```
    /// use pccc_guard::{redact, PhoneMask, Policies};
    ///
    /// let policies = Policies::new().phone(PhoneMask::new().keep_start(0).keep_end(4));
    /// assert_eq!(redact("010.1234.5678", &policies)?, "***.****.5678");
    /// # Ok::<(), pccc_guard::MaskError>(())
    /// ```
    pub const fn phone(self, mask: PhoneMask) -> Policies {
        Policies { phone: mask, ..self }
    }

    /// Fills RRNs with `fill`. An RRN is always masked completely.
    ///
    /// # Example: bullets
    ///
    /// ```
    /// use pccc_guard::{redact, Policies};
    ///
    /// assert_eq!(redact("9001011234567", &Policies::new().rrn_fill('•'))?, "•••••••••••••");
    /// # Ok::<(), pccc_guard::MaskError>(())
    /// ```
    pub const fn rrn_fill(self, fill: char) -> Policies {
        Policies { rrn_fill: fill, ..self }
    }

    /// Looks only for `kinds`, as if the others were not there (a command line's `--kinds`).
    ///
    /// # Example: RRNs only
    ///
    /// ```
    /// use pccc_guard::{redact, Kind, Kinds, Policies};
    ///
    /// let policies = Policies::new().kinds(Kinds::only(Kind::Rrn));
    /// assert_eq!(redact("010-1234-5678 900101-1234567", &policies)?, "010-1234-5678 ******-*******");
    /// # Ok::<(), pccc_guard::MaskError>(())
    /// ```
    pub const fn kinds(self, kinds: Kinds) -> Policies {
        Policies { kinds, ..self }
    }

    /// Keeps `keep_start` digits at the start and `keep_end` at the end (`None`: the policy's current number) of
    /// the numbers of `kind`: [`pccc`](Self::pccc) or [`phone`](Self::phone) for code that reaches a kind, or a
    /// field's ([`FieldKind::paste_kind`](crate::FieldKind::paste_kind)), at run time, such as a command line's
    /// per-field options. `None` for a kind whose numbers keep no digits (an RRN is always hidden whole).
    ///
    /// # Example: every kind's kept digits from one table
    ///
    /// ```
    /// use pccc_guard::{redact, Kind, Policies};
    ///
    /// let mut policies = Policies::new();
    /// for (kind, start, end) in [(Kind::Pccc, Some(2), None), (Kind::Phone, Some(3), Some(4))] {
    ///     policies = policies.keep(kind, start, end).ok_or("keeps no digits")?;
    /// }
    /// assert_eq!(redact("P123456789012 010-1234-5678", &policies)?, "P12******9012 010-****-5678");
    /// assert_eq!(policies.keep(Kind::Rrn, Some(1), None), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn keep(self, kind: Kind, keep_start: Option<usize>, keep_end: Option<usize>) -> Option<Policies> {
        const fn or(n: Option<usize>, current: usize) -> usize {
            match n {
                Some(n) => n,
                None => current,
            }
        }
        match kind {
            Kind::Pccc => {
                let mask = self.pccc;
                Some(self.pccc(mask.keep_start(or(keep_start, mask.start())).keep_end(or(keep_end, mask.end()))))
            }
            Kind::Phone => {
                let mask = self.phone;
                Some(self.phone(mask.keep_start(or(keep_start, mask.start())).keep_end(or(keep_end, mask.end()))))
            }
            Kind::Rrn => None,
        }
    }

    /// Fills the hidden digits of every kind with `fill`: each mask's fill character and the RRN's.
    ///
    /// # Example: bullets everywhere
    ///
    /// ```
    /// use pccc_guard::{redact, Policies};
    ///
    /// let policies = Policies::new().fill('•');
    /// assert_eq!(redact("P123456789012 900101-1234567", &policies)?, "P••••••••9012 ••••••-•••••••");
    /// # Ok::<(), pccc_guard::MaskError>(())
    /// ```
    pub const fn fill(self, fill: char) -> Policies {
        Policies { pccc: self.pccc.fill(fill), phone: self.phone.fill(fill), rrn_fill: fill, ..self }
    }

    /// The PCCC policy.
    ///
    /// # Example: read it back
    ///
    /// ```
    /// use pccc_guard::{PcccMask, Policies};
    ///
    /// assert_eq!(Policies::new().pccc_mask(), PcccMask::new());
    /// ```
    pub const fn pccc_mask(&self) -> PcccMask {
        self.pccc
    }

    /// The mobile number policy.
    ///
    /// # Example: read it back
    ///
    /// ```
    /// use pccc_guard::{PhoneMask, Policies};
    ///
    /// assert_eq!(Policies::new().phone_mask(), PhoneMask::new());
    /// ```
    pub const fn phone_mask(&self) -> PhoneMask {
        self.phone
    }

    /// The RRN fill character.
    ///
    /// # Example: read it back
    ///
    /// ```
    /// use pccc_guard::Policies;
    ///
    /// assert_eq!(Policies::new().rrn_fill_char(), '*');
    /// ```
    pub const fn rrn_fill_char(&self) -> char {
        self.rrn_fill
    }

    /// The kinds looked for.
    ///
    /// # Example: read it back
    ///
    /// ```
    /// use pccc_guard::{Kinds, Policies};
    ///
    /// assert_eq!(Policies::new().enabled_kinds(), Kinds::ALL);
    /// ```
    pub const fn enabled_kinds(&self) -> Kinds {
        self.kinds
    }

    /// Checks every policy on its own, as the masks' own `check` does: what [`redact`] refuses.
    ///
    /// # Example: check the site's policies at start-up
    ///
    /// ```
    /// use pccc_guard::{PcccMask, MaskError, Policies};
    ///
    /// assert!(Policies::new().check().is_ok());
    /// assert_eq!(Policies::new().rrn_fill('0').check(), Err(MaskError::InvalidFill));
    /// let err = Policies::new().pccc(PcccMask::new().keep_end(8)).check().unwrap_err();
    /// assert_eq!(err.code(), "mask_reveals_too_much");
    /// ```
    pub fn check(&self) -> Result<(), MaskError> {
        self.pccc.check()?;
        self.phone.check()?;
        check_policy(0, 0, 0, self.rrn_fill)
    }

    /// Appends the masked form of `finding` (a finding in `text`, from [`find_sensitive_bytes`]) to `out`: the
    /// building block of a streaming redactor, which passes the bytes between findings through itself. A range
    /// that is not in `text` appends nothing.
    ///
    /// # Example: redact a byte buffer by hand
    ///
    /// ```
    /// use pccc_guard::{find_sensitive_bytes, Policies};
    ///
    /// let policies = Policies::new();
    /// let text = b"tel: 010-1234-5678\xff";
    /// let mut out = Vec::new();
    /// let mut at = 0;
    /// for finding in find_sensitive_bytes(text).kinds(policies.enabled_kinds()) {
    ///     out.extend_from_slice(&text[at..finding.range.start]);
    ///     policies.write_masked(text, &finding, &mut out)?;
    ///     at = finding.range.end;
    /// }
    /// out.extend_from_slice(&text[at..]);
    /// assert_eq!(out, b"tel: 010-1234-****\xff");
    /// # Ok::<(), pccc_guard::MaskError>(())
    /// ```
    pub fn write_masked(&self, text: &[u8], finding: &Finding, out: &mut Vec<u8>) -> Result<(), MaskError> {
        self.check()?;
        if let Some(number) = text.get(finding.range.clone()) {
            self.mask_bytes(number, finding.kind, out);
        }
        Ok(())
    }

    /// Appends `number` (a finding of `kind`) with its hidden digits replaced by the fill character.
    fn mask_bytes(&self, number: &[u8], kind: Kind, out: &mut Vec<u8>) {
        let mut fill = [0u8; 4];
        self.mask_pieces(number, kind, |piece| match piece {
            Piece::Keep(range) => out.extend_from_slice(number.get(range).unwrap_or_default()),
            Piece::Fill(c) => out.extend_from_slice(c.encode_utf8(&mut fill).as_bytes()),
        });
    }

    /// The same for a finding in a `str`: pieces of it are `str`s too (findings and digits lie on character
    /// boundaries), so no UTF-8 check is needed on the way out.
    fn mask_str(&self, number: &str, kind: Kind, out: &mut String) {
        self.mask_pieces(number.as_bytes(), kind, |piece| match piece {
            Piece::Keep(range) => out.push_str(number.get(range).unwrap_or_default()),
            Piece::Fill(c) => out.push(c),
        });
    }

    /// `number` (a finding of `kind`) as the pieces of its masked form, in order: ranges of it kept as they are,
    /// and fill characters in place of hidden digits.
    fn mask_pieces(&self, number: &[u8], kind: Kind, mut emit: impl FnMut(Piece)) {
        // Digits not counted (a country code), and the index of the first counted one: a mobile number's
        // digits are counted in its domestic form, with its trunk 0 whether written or not.
        let (policy, skip, base) = match kind {
            Kind::Pccc => (self.pccc.digits(), 0, 0),
            Kind::Rrn => (DigitMask::hide_all(self.rrn_fill), 0, 0),
            Kind::Phone => {
                let mut digits = Digits::of(number).map(|(v, _, _)| v);
                let plus = number.starts_with(b"+") || number.starts_with(&[0xEF, 0xBC, 0x8B]);
                let skip = match (plus, digits.next(), digits.next()) {
                    (true, _, _) => 2,
                    // A domestic number starts with 01: 00 is the start of 0082.
                    (_, Some(0), Some(0)) => 4,
                    _ => 0,
                };
                let first = Digits::of(number).nth(skip).map(|(v, _, _)| v);
                (self.phone.digits(), skip, usize::from(skip > 0 && first != Some(0)))
            }
        };
        let n = Digits::of(number).count().saturating_sub(skip) + base;
        let mut at = 0;
        for (k, (_, start, end)) in Digits::of(number).enumerate() {
            if k < skip || policy.shows(k - skip + base, n) {
                continue;
            }
            emit(Piece::Keep(at..start));
            emit(Piece::Fill(policy.fill));
            at = end;
        }
        emit(Piece::Keep(at..number.len()));
    }
}

/// A piece of a masked finding: a range of it kept, or a fill character.
enum Piece {
    Keep(Range<usize>),
    Fill(char),
}

/// The ASCII and full-width digits of a finding: value, start and end.
struct Digits<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Digits<'a> {
    fn of(bytes: &'a [u8]) -> Digits<'a> {
        Digits { bytes, at: 0 }
    }
}

impl Iterator for Digits<'_> {
    type Item = (u8, usize, usize);

    fn next(&mut self) -> Option<(u8, usize, usize)> {
        while self.at < self.bytes.len() {
            let start = self.at;
            match self.bytes.get(start..).unwrap_or_default() {
                [c @ b'0'..=b'9', ..] => {
                    self.at += 1;
                    return Some((c - b'0', start, self.at));
                }
                [0xEF, 0xBC, c @ 0x90..=0x99, ..] => {
                    self.at += 3;
                    return Some((c - 0x90, start, self.at));
                }
                _ => self.at += 1,
            }
        }
        None
    }
}

/// Masks the personal numbers in `text` with `policies`: each [finding](crate::find_sensitive) of an enabled
/// kind has its hidden digits replaced by the fill character, one character for one digit; everything else
/// (the `P`, separators, `+`, parentheses, the text around) stays as it is, so the text keeps its shape.
/// Returns the text itself, borrowed, when there is nothing to mask.
///
/// Which digits stay visible is the field policy's choice, exactly as in the fields: a PCCC follows a
/// [`PcccMask`] (`P****-****-9012`), a mobile number a [`PhoneMask`] (`010-1234-****`), counted on its domestic
/// digits, so `+82` and `0082` stay and the trunk `0` counts whether written or not (`+82 10-1234-****`); an
/// RRN is always masked completely (`******-*******`). A full-width digit is replaced by the fill character as
/// configured, not by a full-width variant of it: one character for one character, and one masking scheme for
/// the site.
///
/// Runs in time linear in the text and allocates only the output. Refuses policies that reveal too much or
/// whose fill character is not a visible non-digit, as the masks do ([`Policies::check`]).
///
/// # Example: mask a delivery memo before couriers see it
///
/// ```
/// use std::borrow::Cow;
/// use pccc_guard::{redact, Policies};
///
/// let memo = "부재시 경비실. 통관부호 P1234-5678-9012 연락 010.1234.5678";
/// assert_eq!(redact(memo, &Policies::new())?, "부재시 경비실. 통관부호 P****-****-9012 연락 010.1234.****");
/// assert!(matches!(redact("문 앞에 놔주세요", &Policies::new())?, Cow::Borrowed(_)));
/// # Ok::<(), pccc_guard::MaskError>(())
/// ```
pub fn redact<'a>(text: &'a str, policies: &Policies) -> Result<Cow<'a, str>, MaskError> {
    policies.check()?;
    let mut findings = find_sensitive(text).kinds(policies.kinds);
    let Some(first) = findings.next() else {
        return Ok(Cow::Borrowed(text));
    };
    // A fill character may be longer than the digit it replaces: room for a few of those without regrowing.
    let mut out = String::with_capacity(text.len() + 64);
    let mut at = 0;
    for finding in core::iter::once(first).chain(findings) {
        out.push_str(text.get(at..finding.range.start).unwrap_or_default());
        policies.mask_str(text.get(finding.range.clone()).unwrap_or_default(), finding.kind, &mut out);
        at = finding.range.end;
    }
    out.push_str(text.get(at..).unwrap_or_default());
    Ok(Cow::Owned(out))
}

/// [`redact`] on arbitrary bytes: the findings of [`find_sensitive_bytes`] are masked, and every other byte,
/// invalid UTF-8 included, is passed through unchanged.
///
/// # Example: a log line with a broken byte
///
/// ```
/// use pccc_guard::{redact_bytes, Policies};
///
/// let line = b"\xc3 rrn=900101-1234567";
/// assert_eq!(&*redact_bytes(line, &Policies::new())?, b"\xc3 rrn=******-*******");
/// # Ok::<(), pccc_guard::MaskError>(())
/// ```
pub fn redact_bytes<'a>(bytes: &'a [u8], policies: &Policies) -> Result<Cow<'a, [u8]>, MaskError> {
    policies.check()?;
    let mut findings = find_sensitive_bytes(bytes).kinds(policies.kinds);
    let Some(first) = findings.next() else {
        return Ok(Cow::Borrowed(bytes));
    };
    // A fill character may be longer than the digit it replaces: room for a few of those without regrowing.
    let mut out = Vec::with_capacity(bytes.len() + 64);
    let mut at = 0;
    for finding in core::iter::once(first).chain(findings) {
        out.extend_from_slice(bytes.get(at..finding.range.start).unwrap_or_default());
        policies.mask_bytes(bytes.get(finding.range.clone()).unwrap_or_default(), finding.kind, &mut out);
        at = finding.range.end;
    }
    out.extend_from_slice(bytes.get(at..).unwrap_or_default());
    Ok(Cow::Owned(out))
}
