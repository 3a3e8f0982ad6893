//! The extension module of the Python package `pccc-guard` (`pccc_guard._native`, which `pccc_guard` re-exports):
//! the crate's rules for Python, thin: check the arguments, call the crate, build the result objects.
//!
//! Every field reaches Python the same way, through [`FieldKind`]: the functions that take a field's name here,
//! and each field's named functions (`validate_<field>`, `is_valid_<field>`, `mask_<field>` and their `_many`
//! forms) in `fields.rs`, generated from the registry by `cargo run -p pccc-guard-xtask -- python` with their
//! docstrings and the package's stubs. Results are frozen objects (`results.rs`) whose `repr` never shows a value;
//! no message quotes an argument.

#![deny(unsafe_code)]

mod args;
mod arrow;
// Generated, and written as its generator writes it.
#[rustfmt::skip]
mod fields;
mod results;
mod text;

use pccc_guard::{normalize as normalize_text, FieldKind, Kind, Locale, MaskRule, RecipientReport, RECIPIENT_FIELDS};
use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyFloat, PyMapping, PyString, PyTuple};
use serde::de::value::{Error as DeError, MapDeserializer};
use serde::Deserialize;

use crate::args::{type_name, Text};
use crate::results::{
    Checked, FieldError, FieldInfo, FieldResult, FieldResults, FieldResultsIter, Finding, RecipientResult,
};

pyo3::create_exception!(
    pccc_guard,
    MaskPolicyError,
    PyValueError,
    "A mask policy that is refused: one that would reveal more digits than the field allows, or whose fill \
     character is a digit, a space or invisible. ``code`` is the stable code (``\"mask_reveals_too_much\"``, \
     ``\"invalid_mask_char\"``)."
);

// ---- The functions every field's named functions call (fields.rs) ----------------------------------------------

/// The result of checking `text` as `kind`.
pub(crate) fn validate(
    py: Python<'_>,
    kind: FieldKind,
    text: &Bound<'_, PyAny>,
    locale: Option<&Bound<'_, PyAny>>,
) -> PyResult<FieldResult> {
    let text = args::text(text, "text")?;
    let locale = args::locale(locale)?;
    FieldResult::new(py, kind, locale, Checked::new(kind, &text))
}

/// Whether `text` is a valid `kind`: nothing is built but the answer.
pub(crate) fn is_valid(kind: FieldKind, text: &Bound<'_, PyAny>) -> PyResult<bool> {
    let text = args::text(text, "text")?;
    Ok(kind.check(&text).is_ok())
}

/// `value` masked for display as `kind` (a field with a mask).
pub(crate) fn mask(
    py: Python<'_>,
    kind: FieldKind,
    value: &Bound<'_, PyAny>,
    keep_start: Option<&Bound<'_, PyAny>>,
    keep_end: Option<&Bound<'_, PyAny>>,
    fill: Option<&Bound<'_, PyAny>>,
) -> PyResult<String> {
    let value = args::text(value, "value")?;
    let keep = (args::count(keep_start, "keep_start")?, args::count(keep_end, "keep_end")?);
    let fill = args::fill(fill)?;
    match kind.mask_rule() {
        MaskRule::Name if keep != (None, None) => {
            return Err(PyValueError::new_err(format!(
                "pccc-guard: the {} field's mask keeps no digits: keep_start and keep_end do not apply",
                kind.name()
            )))
        }
        MaskRule::Name | MaskRule::Digits { .. } => {}
        _ => return Err(PyValueError::new_err(format!("pccc-guard: the {} field has no display mask", kind.name()))),
    }
    match kind.mask(&value, keep.0, keep.1, fill) {
        Some(Ok(masked)) => Ok(masked),
        Some(Err(e)) => Err(args::policy_error(py, e, None)),
        None => Err(PyRuntimeError::new_err("pccc-guard: no mask")),
    }
}

/// Values are read (with the GIL), checked (without it) and answered this many at a time, so a column of any
/// length needs memory for a chunk of its strings only.
const CHUNK: usize = 1 << 14;

/// Calls `each` with the texts of `values`, a chunk at a time: straight from the column's buffers when it is kept in
/// Arrow's memory (`arrow.rs`), else each `str` of Python's iteration.
fn chunks(values: &Bound<'_, PyAny>, mut each: impl FnMut(&[&str]) -> PyResult<()>) -> PyResult<()> {
    let expected = "an iterable of str (a list, a tuple, a pandas Series)";
    // A str, bytes or bytearray is iterable, but of characters or numbers: never what is meant.
    if values.is_instance_of::<PyString>()
        || values.is_instance_of::<PyBytes>()
        || values.is_instance_of::<PyByteArray>()
    {
        return Err(args::type_error("values", expected, values));
    }
    if let Some(column) = arrow::Column::of(values)? {
        return column.chunks(CHUNK, each);
    }
    let items = values.try_iter().map_err(|_| args::type_error("values", expected, values))?;
    let mut chunk = Vec::with_capacity(values.len().map_or(CHUNK, |n| n.min(CHUNK)));
    for (i, item) in items.enumerate() {
        let item = item?;
        if !item.is_instance_of::<PyString>() {
            let missing = item.is_none() || item.is_instance_of::<PyFloat>();
            let hint = if missing { " (a missing value? fill it first, for example with .fillna(\"\"))" } else { "" };
            return Err(PyTypeError::new_err(format!(
                "pccc-guard: values[{i}] must be a str, got {}{hint}",
                type_name(&item)
            )));
        }
        chunk.push(args::text(&item, "each value")?);
        if chunk.len() == CHUNK {
            each(&chunk.iter().map(|t| &**t).collect::<Vec<&str>>())?;
            chunk.clear();
        }
    }
    if !chunk.is_empty() {
        each(&chunk.iter().map(|t| &**t).collect::<Vec<&str>>())?;
    }
    Ok(())
}

/// Each value's result, in order, kept in Rust until asked for.
pub(crate) fn validate_many(
    py: Python<'_>,
    kind: FieldKind,
    values: &Bound<'_, PyAny>,
    locale: Option<&Bound<'_, PyAny>>,
) -> PyResult<FieldResults> {
    let locale = args::locale(locale)?;
    let mut rows = Vec::new();
    chunks(values, |texts| {
        py.detach(|| rows.extend(texts.iter().map(|t| Checked::new(kind, t))));
        Ok(())
    })?;
    Ok(FieldResults::new(kind, locale, rows))
}

/// Whether each value is valid, in order.
pub(crate) fn is_valid_many(py: Python<'_>, kind: FieldKind, values: &Bound<'_, PyAny>) -> PyResult<Vec<bool>> {
    let mut out = Vec::new();
    chunks(values, |texts| {
        py.detach(|| out.extend(texts.iter().map(|t| kind.check(t).is_ok())));
        Ok(())
    })?;
    Ok(out)
}

// ---- The functions that take a field's name -------------------------------------------------------------------

/// Checks ``text`` as the field named ``field`` (``"pccc"``, ``"phone"``, ``"postcode"``, ``"name"``,
/// ``"business_number"``; the JavaScript and command-line spellings work too). Returns a ``FieldResult``.
///
/// >>> validate_field("postcode", "123-456").error.code
/// 'old_postcode'
#[pyfunction]
#[pyo3(signature = (field, text, locale=None))]
fn validate_field(
    py: Python<'_>,
    field: &Bound<'_, PyAny>,
    text: &Bound<'_, PyAny>,
    locale: Option<&Bound<'_, PyAny>>,
) -> PyResult<FieldResult> {
    validate(py, args::field(field)?, text, locale)
}

/// Whether ``text`` is a valid value of the field named ``field``.
///
/// >>> is_valid_field("phone", "010-1234-5678")
/// True
#[pyfunction]
fn is_valid_field(field: &Bound<'_, PyAny>, text: &Bound<'_, PyAny>) -> PyResult<bool> {
    is_valid(args::field(field)?, text)
}

/// Masks ``value`` for display as the field named ``field`` (one with a mask). ``keep_start`` and ``keep_end`` are
/// the digits kept visible (the field's defaults when ``None``; a name's mask keeps none), ``fill`` the mask
/// character (``"*"``). A policy that reveals too much, or a fill that is a digit, a space or invisible, raises
/// ``MaskPolicyError``. A value that is not valid is masked completely, showing only its length.
///
/// >>> mask_field("phone", "01012345678")
/// '010-1234-****'
#[pyfunction]
#[pyo3(signature = (field, value, keep_start=None, keep_end=None, fill=None))]
fn mask_field(
    py: Python<'_>,
    field: &Bound<'_, PyAny>,
    value: &Bound<'_, PyAny>,
    keep_start: Option<&Bound<'_, PyAny>>,
    keep_end: Option<&Bound<'_, PyAny>>,
    fill: Option<&Bound<'_, PyAny>>,
) -> PyResult<String> {
    mask(py, args::field(field)?, value, keep_start, keep_end, fill)
}

/// Checks each of ``values`` (any iterable of ``str``: a list, a pandas Series) as the field named ``field``, with
/// the GIL released while the values are checked. Returns a ``FieldResults``: each value's ``FieldResult`` in order,
/// and each attribute as a column (``valid``, ``values``, ``codes``, ...).
///
/// >>> validate_many("postcode", ["03154", "1234"]).codes
/// [None, 'too_short']
#[pyfunction(name = "validate_many")]
#[pyo3(signature = (field, values, locale=None))]
fn validate_many_field(
    py: Python<'_>,
    field: &Bound<'_, PyAny>,
    values: &Bound<'_, PyAny>,
    locale: Option<&Bound<'_, PyAny>>,
) -> PyResult<FieldResults> {
    validate_many(py, args::field(field)?, values, locale)
}

/// Whether each of ``values`` is a valid value of the field named ``field``, with the GIL released while the
/// values are checked. Returns a list of ``bool``, in order.
///
/// >>> is_valid_many("postcode", ["03154", "1234"])
/// [True, False]
#[pyfunction(name = "is_valid_many")]
fn is_valid_many_field(py: Python<'_>, field: &Bound<'_, PyAny>, values: &Bound<'_, PyAny>) -> PyResult<Vec<bool>> {
    is_valid_many(py, args::field(field)?, values)
}

/// Checks the fields UNI-PASS matches (name, PCCC, mobile number, postcode) together, each with its own rules.
/// ``fields`` is a mapping of field names to ``str`` (a dict, a Django ``QueryDict``); a name left out counts as
/// empty and other keys are ignored. Returns a ``RecipientResult``: ``valid``, each field's result in ``fields``,
/// and ``to_json()``, the JSON the Rust crate's serde and JavaScript's ``checkRecipient`` give.
///
/// >>> report = check_recipient({"name": "홍길동", "pccc": "P123456789012", "phone": "010-1234-5678", "postcode": "031"})
/// >>> report.valid, report["postcode"].error.code
/// (False, 'too_short')
#[pyfunction]
#[pyo3(signature = (fields, locale=None))]
fn check_recipient(
    py: Python<'_>,
    fields: &Bound<'_, PyAny>,
    locale: Option<&Bound<'_, PyAny>>,
) -> PyResult<RecipientResult> {
    let mapping = fields
        .cast::<PyMapping>()
        .map_err(|_| args::type_error("fields", "a mapping of field names to str (such as a dict)", fields))?;
    let locale = args::locale(locale)?;
    let mut texts = Vec::with_capacity(RECIPIENT_FIELDS.len());
    for kind in RECIPIENT_FIELDS {
        let key = kind.name();
        // `in` first: a mapping with defaults (defaultdict) would add the key on a look-up.
        let text = if mapping.contains(key)? {
            args::text(&mapping.get_item(key)?, &format!("fields[{key:?}]"))?
        } else {
            Text::empty()
        };
        texts.push(text);
    }
    // The report is the crate's own, deserialised from the fields as a Rust service reads a posted form, so that
    // its JSON is the serde feature's; each field's result comes from the same rules.
    let members = RECIPIENT_FIELDS.iter().zip(&texts).map(|(kind, text)| (kind.name(), &**text));
    let report = RecipientReport::deserialize(MapDeserializer::<_, DeError>::new(members))
        .map_err(|e| PyRuntimeError::new_err(format!("pccc-guard: {e}")))?;
    let mut results = Vec::with_capacity(texts.len());
    for (kind, text) in RECIPIENT_FIELDS.iter().zip(&texts) {
        results.push((*kind, Py::new(py, FieldResult::new(py, *kind, locale, Checked::new(*kind, text))?)?));
    }
    Ok(RecipientResult::new(report, locale, results))
}

/// The normalised form of ``text``, the first step of every check: full-width forms become ASCII, white space,
/// hyphens, dashes and invisible characters are dropped, a lower-case ``p`` becomes ``P``.
///
/// >>> normalize("ｐ１２３４ 5678-9012")
/// 'P123456789012'
#[pyfunction]
fn normalize(text: &Bound<'_, PyAny>) -> PyResult<String> {
    Ok(normalize_text(&args::text(text, "text")?))
}

/// The message language of a language tag by the project's one rule: ``"ko"`` or ``"en"`` for a tag whose
/// primary language subtag is one of them (``"en-US"``, ``"ko_KR"``, any case), ``None`` for any other.
///
/// >>> locale_of("en-GB"), locale_of("ja")
/// ('en', None)
#[pyfunction]
fn locale_of(tag: &Bound<'_, PyAny>) -> PyResult<Option<&'static str>> {
    let tag = tag.cast::<PyString>().map_err(|_| args::type_error("tag", "a str", tag))?;
    Ok(Locale::from_tag(&tag.to_cow()?).map(Locale::tag))
}

/// The field named ``name`` (any of its spellings: ``"business_number"``, ``"businessNumber"``,
/// ``"business-number"``), as a ``FieldInfo``; an unknown name raises ``ValueError``.
///
/// >>> field_info("businessNumber").name
/// 'business_number'
#[pyfunction]
fn field_info(name: &Bound<'_, PyAny>) -> PyResult<FieldInfo> {
    Ok(FieldInfo::new(args::field(name)?))
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<FieldResult>()?;
    m.add_class::<FieldError>()?;
    m.add_class::<FieldResults>()?;
    m.add_class::<FieldResultsIter>()?;
    m.add_class::<RecipientResult>()?;
    m.add_class::<Finding>()?;
    m.add_class::<FieldInfo>()?;
    m.add("MaskPolicyError", py.get_type::<MaskPolicyError>())?;
    m.add_function(wrap_pyfunction!(validate_field, m)?)?;
    m.add_function(wrap_pyfunction!(is_valid_field, m)?)?;
    m.add_function(wrap_pyfunction!(mask_field, m)?)?;
    m.add_function(wrap_pyfunction!(validate_many_field, m)?)?;
    m.add_function(wrap_pyfunction!(is_valid_many_field, m)?)?;
    m.add_function(wrap_pyfunction!(check_recipient, m)?)?;
    m.add_function(wrap_pyfunction!(normalize, m)?)?;
    m.add_function(wrap_pyfunction!(locale_of, m)?)?;
    m.add_function(wrap_pyfunction!(field_info, m)?)?;
    m.add_function(wrap_pyfunction!(text::find_sensitive, m)?)?;
    m.add_function(wrap_pyfunction!(text::redact, m)?)?;
    fields::register(m)?;
    let infos = FieldKind::ALL.iter().map(|k| Py::new(py, FieldInfo::new(*k))).collect::<PyResult<Vec<_>>>()?;
    m.add("FIELDS", PyTuple::new(py, infos)?)?;
    m.add("RECIPIENT_FIELDS", PyTuple::new(py, RECIPIENT_FIELDS.map(FieldKind::name))?)?;
    m.add("KINDS", PyTuple::new(py, Kind::CODES)?)?;
    Ok(())
}
