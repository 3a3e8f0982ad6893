//! Arguments from Python, checked: a wrong type is a `TypeError`, a value out of range a `ValueError`, never a
//! silent coercion, and no message quotes what was passed (only its type's name).

use std::ops::Deref;

use pccc_guard::{FieldKind, Kind, Kinds, Locale, MaskError};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyBytes, PyString};

use crate::MaskPolicyError;

/// The name of `x`'s type, for messages: the only thing they say about an argument.
pub fn type_name(x: &Bound<'_, PyAny>) -> String {
    x.get_type().name().map_or_else(|_| "an object".to_owned(), |n| n.to_string())
}

pub fn type_error(what: &str, expected: &str, x: &Bound<'_, PyAny>) -> PyErr {
    PyTypeError::new_err(format!("pccc-guard: {what} must be {expected}, got {}", type_name(x)))
}

/// A Python `str` as Rust text. Most strings are read through their UTF-8 form without a copy of their own. A
/// `str` holding lone surrogates (what `surrogateescape` decoding makes of bytes that are not UTF-8) has no UTF-8
/// form: each surrogate is read as U+FFFD, one code point for one (as the JavaScript API reads them), so every
/// position stays that of the `str`, and [`Text::restore`] can put them back into text that kept its shape.
pub struct Text {
    inner: Inner,
}

enum Inner {
    Borrowed(PyBackedStr),
    Replaced { text: String, surrogates: Vec<(usize, u32)> },
}

impl Deref for Text {
    type Target = str;

    fn deref(&self) -> &str {
        match &self.inner {
            Inner::Borrowed(s) => s,
            Inner::Replaced { text, .. } => text,
        }
    }
}

impl Text {
    /// The empty text (a recipient field left out of a mapping).
    pub fn empty() -> Text {
        Text { inner: Inner::Replaced { text: String::new(), surrogates: Vec::new() } }
    }

    /// Whether the `str` held lone surrogates (read as U+FFFD).
    pub fn has_surrogates(&self) -> bool {
        matches!(&self.inner, Inner::Replaced { surrogates, .. } if !surrogates.is_empty())
    }

    /// `out`, a text of the same code points as this one apart from some it changed one for one, as a Python
    /// `str` with this text's lone surrogates back in their places.
    pub fn restore<'py>(&self, py: Python<'py>, out: &str) -> PyResult<Bound<'py, PyString>> {
        let surrogates = match &self.inner {
            Inner::Replaced { surrogates, .. } if !surrogates.is_empty() => surrogates,
            _ => return Ok(PyString::new(py, out)),
        };
        let mut units: Vec<u32> = out.chars().map(u32::from).collect();
        for &(at, unit) in surrogates {
            if let Some(u) = units.get_mut(at) {
                *u = unit;
            }
        }
        let bytes: Vec<u8> = units.iter().flat_map(|u| u.to_le_bytes()).collect();
        let decoded = PyBytes::new(py, &bytes).call_method1("decode", ("utf-32-le", "surrogatepass"))?;
        Ok(decoded.cast_into::<PyString>()?)
    }
}

/// `x` as text; `what` names the argument in the `TypeError`.
pub fn text(x: &Bound<'_, PyAny>, what: &str) -> PyResult<Text> {
    let s = x.cast::<PyString>().map_err(|_| type_error(what, "a str", x))?;
    match PyBackedStr::try_from(s.clone()) {
        Ok(backed) => Ok(Text { inner: Inner::Borrowed(backed) }),
        // The only str without a UTF-8 form is one with lone surrogates (the encoder's error would quote one).
        Err(_) => replaced(s),
    }
}

fn replaced(s: &Bound<'_, PyString>) -> PyResult<Text> {
    let units = s.call_method1("encode", ("utf-32-le", "surrogatepass"))?;
    let units = units.cast::<PyBytes>()?.as_bytes();
    let mut text = String::with_capacity(units.len() / 4);
    let mut surrogates = Vec::new();
    for (i, unit) in units.chunks_exact(4).enumerate() {
        let unit = u32::from_le_bytes([unit[0], unit[1], unit[2], unit[3]]);
        text.push(char::from_u32(unit).unwrap_or_else(|| {
            surrogates.push((i, unit));
            char::REPLACEMENT_CHARACTER
        }));
    }
    Ok(Text { inner: Inner::Replaced { text, surrogates } })
}

/// The code point index (a Python `str` index) of byte `byte` of `text`.
pub fn code_point_index(text: &str, byte: usize) -> usize {
    text.get(..byte).map_or(0, |head| head.chars().count())
}

/// The `locale` argument: Korean when absent, else a language tag by the project's one rule ([`Locale::from_tag`]).
pub fn locale(x: Option<&Bound<'_, PyAny>>) -> PyResult<Locale> {
    let Some(x) = x.filter(|x| !x.is_none()) else {
        return Ok(Locale::Ko);
    };
    let tag = x.cast::<PyString>().map_err(|_| type_error("locale", "a str such as \"ko\" or \"en-US\"", x))?;
    Locale::from_tag(&tag.to_cow()?).ok_or_else(|| {
        PyValueError::new_err("pccc-guard: locale must be \"ko\" or \"en\" (or a tag such as \"en-US\")")
    })
}

/// The `field` argument: a field's name in any of its spellings (`business_number`, `businessNumber`,
/// `business-number`).
pub fn field(x: &Bound<'_, PyAny>) -> PyResult<FieldKind> {
    let name = x.cast::<PyString>().map_err(|_| type_error("field", "a field's name (a str)", x))?;
    FieldKind::from_name(&name.to_cow()?).ok_or_else(|| {
        let names: Vec<String> = FieldKind::ALL.iter().map(|k| format!("\"{}\"", k.name())).collect();
        PyValueError::new_err(format!("pccc-guard: field must be one of {}, got another name", names.join(", ")))
    })
}

/// The most digits a mask argument may name (as in JavaScript's API).
const MAX_COUNT: i64 = 64;

/// A count of digits (`keep_start`, `keep_end`): `None` for the field's default, else a whole number 0 to 64.
pub fn count(x: Option<&Bound<'_, PyAny>>, what: &str) -> PyResult<Option<usize>> {
    let Some(x) = x.filter(|x| !x.is_none()) else {
        return Ok(None);
    };
    let range = || PyValueError::new_err(format!("pccc-guard: {what} must be a whole number from 0 to {MAX_COUNT}"));
    if x.is_instance_of::<pyo3::types::PyBool>() {
        return Err(type_error(what, "an int", x));
    }
    match x.extract::<i64>() {
        Ok(n) if (0..=MAX_COUNT).contains(&n) => Ok(usize::try_from(n).ok()),
        Ok(_) => Err(range()),
        Err(e) if e.is_instance_of::<PyTypeError>(x.py()) => Err(type_error(what, "an int", x)),
        Err(_) => Err(range()),
    }
}

/// The mask character: `None` for the default, else a `str` of exactly one character. A lone surrogate is a
/// character no mask may use (`invalid_mask_char`).
pub fn fill(x: Option<&Bound<'_, PyAny>>) -> PyResult<Option<char>> {
    let Some(x) = x.filter(|x| !x.is_none()) else {
        return Ok(None);
    };
    let s = x.cast::<PyString>().map_err(|_| type_error("fill", "a str of one character", x))?;
    if s.len()? != 1 {
        return Err(PyValueError::new_err("pccc-guard: fill must be exactly one character"));
    }
    let text = text(x, "fill")?;
    if text.has_surrogates() {
        return Err(policy_error(x.py(), MaskError::InvalidFill, None));
    }
    Ok(text.chars().next())
}

/// The `kinds` argument of the free-text functions: every kind when absent, else an iterable of kind codes.
pub fn kinds(x: Option<&Bound<'_, PyAny>>) -> PyResult<Kinds> {
    let Some(x) = x.filter(|x| !x.is_none()) else {
        return Ok(Kinds::ALL);
    };
    let listed = || {
        let codes: Vec<String> = Kind::CODES.iter().map(|c| format!("\"{c}\"")).collect();
        format!("a list of kinds from {}", codes.join(", "))
    };
    if x.is_instance_of::<PyString>() {
        return Err(type_error("kinds", &listed(), x));
    }
    let items = x.try_iter().map_err(|_| type_error("kinds", &listed(), x))?;
    let mut kinds = Kinds::NONE;
    for item in items {
        let item = item?;
        let code = item.cast::<PyString>().map_err(|_| type_error("each of kinds", "a str", &item))?;
        let kind = Kind::from_code(&code.to_cow()?)
            .ok_or_else(|| PyValueError::new_err(format!("pccc-guard: kinds must be {}", listed())))?;
        kinds = kinds.with(kind);
    }
    Ok(kinds)
}

/// The `MaskPolicyError` of a refused policy, with its stable `code`; `which` names the policy refused, when a call
/// has several (redaction).
pub fn policy_error(py: Python<'_>, e: MaskError, which: Option<&str>) -> PyErr {
    let message = match which {
        Some(which) => format!("pccc-guard: the {which} mask policy is refused: {}", e.message(Locale::En)),
        None => format!("pccc-guard: {}", e.message(Locale::En)),
    };
    let err = MaskPolicyError::new_err(message);
    if let Err(e) = err.value(py).setattr("code", e.code()) {
        return e;
    }
    err
}
