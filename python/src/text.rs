//! Free text: finding the personal numbers in it and masking them, with the command-line tool's policies and
//! refusals (`pccc-guard redact`): a policy per kind the finder knows, one fill character for all.

use std::borrow::Cow;

use pccc_guard::{find_sensitive as find, redact as redact_text, Kinds, PcccMask, PhoneMask, Policies};
use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::args::{self, Text};
use crate::results::Finding;

/// Texts longer than this are searched with the GIL released (shorter ones cost less than releasing it).
const DETACH_LEN: usize = 4096;

/// Walks a text once, turning ascending byte offsets into code point offsets (Python `str` indices).
struct CodePoints<'a> {
    text: &'a str,
    byte: usize,
    count: usize,
}

impl CodePoints<'_> {
    fn at(&mut self, byte: usize) -> usize {
        self.count += self.text.get(self.byte..byte).map_or(0, |s| s.chars().count());
        self.byte = byte;
        self.count
    }
}

fn findings(text: &str, kinds: Kinds) -> Vec<(&'static str, usize, usize)> {
    let mut at = CodePoints { text, byte: 0, count: 0 };
    find(text).kinds(kinds).map(|f| (f.kind.code(), at.at(f.range.start), at.at(f.range.end))).collect()
}

/// Finds the personal numbers in ``text``: customs codes (also grouped 4-4-4), resident registration numbers and
/// mobile numbers, by shape, never inside a longer run of letters or digits. ``kinds`` limits the search (a list
/// from ``"pccc"``, ``"rrn"`` and ``"phone"``; all three by default). Returns a list of ``Finding`` in order, whose
/// ``start`` and ``end`` are ``str`` indices.
///
/// >>> find_sensitive("연락처 010-1234-5678")
/// [Finding(kind='phone', start=4, end=17)]
#[pyfunction]
#[pyo3(signature = (text, kinds=None))]
pub fn find_sensitive(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    kinds: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<Finding>> {
    let text = args::text(text, "text")?;
    let kinds = args::kinds(kinds)?;
    let found = if text.len() > DETACH_LEN { py.detach(|| findings(&text, kinds)) } else { findings(&text, kinds) };
    Ok(found.into_iter().map(|(kind, start, end)| Finding::new(kind, start, end)).collect())
}

/// The policies of `redact`'s arguments, checked as `pccc-guard redact` checks its options.
fn policies(
    py: Python<'_>,
    kinds: Kinds,
    pccc: (Option<usize>, Option<usize>),
    phone: (Option<usize>, Option<usize>),
    fill: char,
) -> PyResult<Policies> {
    let mut pccc_mask = PcccMask::new().fill(fill);
    pccc_mask = pccc.0.map_or(pccc_mask, |n| pccc_mask.keep_start(n));
    pccc_mask = pccc.1.map_or(pccc_mask, |n| pccc_mask.keep_end(n));
    let mut phone_mask = PhoneMask::new().fill(fill);
    phone_mask = phone.0.map_or(phone_mask, |n| phone_mask.keep_start(n));
    phone_mask = phone.1.map_or(phone_mask, |n| phone_mask.keep_end(n));
    pccc_mask.check().map_err(|e| args::policy_error(py, e, Some("PCCC")))?;
    phone_mask.check().map_err(|e| args::policy_error(py, e, Some("mobile number")))?;
    let policies = Policies::new().pccc(pccc_mask).phone(phone_mask).rrn_fill(fill).kinds(kinds);
    policies.check().map_err(|e| args::policy_error(py, e, Some("RRN")))?;
    Ok(policies)
}

/// Masks the personal numbers in ``text`` (see ``find_sensitive``) with the site's policies, the same as
/// ``pccc-guard redact``: a code keeps ``pccc_keep_start`` (default 0) and ``pccc_keep_end`` (4) of its digits, a
/// mobile number ``phone_keep_start`` (7) and ``phone_keep_end`` (0), and a resident registration number none.
/// Each hidden digit becomes ``fill`` (``"*"``); everything else stays, so the text keeps its shape. A policy that
/// would reveal too much, or a fill that is a digit, a space or invisible, raises ``MaskPolicyError``.
///
/// >>> redact("통관부호 P1234-5678-9012, 연락처 010.1234.5678")
/// '통관부호 P****-****-9012, 연락처 010.1234.****'
#[pyfunction]
#[pyo3(signature = (text, kinds=None, *, pccc_keep_start=None, pccc_keep_end=None, phone_keep_start=None, phone_keep_end=None, fill=None))]
#[allow(clippy::too_many_arguments)]
pub fn redact<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    kinds: Option<&Bound<'py, PyAny>>,
    pccc_keep_start: Option<&Bound<'py, PyAny>>,
    pccc_keep_end: Option<&Bound<'py, PyAny>>,
    phone_keep_start: Option<&Bound<'py, PyAny>>,
    phone_keep_end: Option<&Bound<'py, PyAny>>,
    fill: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyString>> {
    let original = text;
    let text: Text = args::text(text, "text")?;
    let pccc = (args::count(pccc_keep_start, "pccc_keep_start")?, args::count(pccc_keep_end, "pccc_keep_end")?);
    let phone = (args::count(phone_keep_start, "phone_keep_start")?, args::count(phone_keep_end, "phone_keep_end")?);
    let fill = args::fill(fill)?.unwrap_or('*');
    let policies = policies(py, args::kinds(kinds)?, pccc, phone, fill)?;
    // Nothing found: the str itself, unchanged (`None`).
    let run = || redact_text(&text, &policies).map(|out| if let Cow::Owned(s) = out { Some(s) } else { None });
    let out = if text.len() > DETACH_LEN { py.detach(run) } else { run() };
    match out.map_err(|e| args::policy_error(py, e, None))? {
        Some(out) => text.restore(py, &out),
        None => Ok(original.cast::<PyString>()?.clone()),
    }
}
