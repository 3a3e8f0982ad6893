//! What the functions return: frozen objects over the crate's results. None of them shows the value it holds in
//! its `repr`: values are personal data, and a `repr` ends up in logs and tracebacks.

use std::hash::{DefaultHasher, Hash, Hasher};

use pccc_guard::{ErrorRecord, FieldKind, FieldValue, Locale, Localized, MaskRule, RecipientReport};
use std::sync::atomic::{AtomicUsize, Ordering};

use pyo3::exceptions::{PyIndexError, PyKeyError, PyRuntimeError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple};

use crate::args::code_point_index;

fn json<T: serde::Serialize>(value: &T) -> PyResult<String> {
    serde_json::to_string(value).map_err(|e| PyRuntimeError::new_err(format!("pccc-guard: {e}")))
}

fn hash_of(value: &impl Hash) -> u64 {
    let mut h = DefaultHasher::new();
    value.hash(&mut h);
    h.finish()
}

/// Why a value is not valid: a stable ``code``, a ``message`` in Korean or English that never contains the input,
/// the ``index`` (a ``str`` index) of the character it is about and the digits (or letters) ``found``, where they
/// apply.
#[pyclass(frozen, eq, hash, module = "pccc_guard")]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct FieldError {
    record: ErrorRecord,
    locale: Locale,
    /// The record's byte index as a code point index into the text that was checked.
    index: Option<usize>,
}

/// One value checked, owned by Rust (no Python object): the crate's result, and an error's position as a `str`
/// index. What the `_many` functions keep for each row until Python asks for it.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Checked {
    result: Result<FieldValue, ErrorRecord>,
    index: Option<usize>,
}

impl Checked {
    /// `kind.check(text)`, with the error's byte index turned into a code point index into `text`.
    pub fn new(kind: FieldKind, text: &str) -> Checked {
        let result = kind.check(text);
        let index = result.as_ref().err().and_then(ErrorRecord::index).map(|i| code_point_index(text, i));
        Checked { result, index }
    }

    pub fn is_valid(&self) -> bool {
        self.result.is_ok()
    }
}

#[pymethods]
impl FieldError {
    /// The field's name (``"pccc"``, ``"business_number"``).
    #[getter]
    fn field(&self) -> &'static str {
        self.record.field().name()
    }

    /// The stable snake_case code (``"too_short"``), the same in every runtime.
    #[getter]
    fn code(&self) -> &'static str {
        self.record.code()
    }

    /// The message for the user, in the locale asked for; it never contains the input.
    #[getter]
    fn message(&self) -> &'static str {
        self.record.message(self.locale)
    }

    /// The index in the checked ``str`` of the character the error is about, or ``None``.
    #[getter]
    fn index(&self) -> Option<usize> {
        self.index
    }

    /// The digits found (or a name's letters), or ``None``.
    #[getter]
    fn found(&self) -> Option<usize> {
        self.record.found()
    }

    fn __repr__(&self) -> String {
        let mut s = format!("FieldError(field='{}', code='{}'", self.field(), self.code());
        if let Some(i) = self.index {
            s.push_str(&format!(", index={i}"));
        }
        if let Some(n) = self.record.found() {
            s.push_str(&format!(", found={n}"));
        }
        s + ")"
    }
}

/// The result of checking one value: ``valid``, and either the canonical ``value`` to submit (with the
/// ``display`` form to show, for the fields that have one) or the ``error``.
#[pyclass(frozen, module = "pccc_guard")]
pub struct FieldResult {
    kind: FieldKind,
    locale: Locale,
    outcome: Result<FieldValue, Py<FieldError>>,
}

impl FieldResult {
    /// The result of a value checked as `kind`.
    pub fn new(py: Python<'_>, kind: FieldKind, locale: Locale, checked: Checked) -> PyResult<FieldResult> {
        let outcome = match checked.result {
            Ok(value) => Ok(value),
            Err(record) => Err(Py::new(py, FieldError { record, locale, index: checked.index })?),
        };
        Ok(FieldResult { kind, locale, outcome })
    }

    fn record(&self) -> Result<FieldValue, ErrorRecord> {
        self.outcome.as_ref().map(Clone::clone).map_err(|e| e.get().record)
    }

    fn key(&self) -> (FieldKind, Locale, Result<FieldValue, FieldError>) {
        (self.kind, self.locale, self.outcome.as_ref().map(Clone::clone).map_err(|e| e.get().clone()))
    }
}

#[pymethods]
impl FieldResult {
    /// The field's name (``"pccc"``, ``"business_number"``).
    #[getter]
    fn field(&self) -> &'static str {
        self.kind.name()
    }

    /// Whether the value is valid.
    #[getter]
    fn valid(&self) -> bool {
        self.outcome.is_ok()
    }

    /// The canonical form to submit and store, or ``None`` when the value is not valid.
    #[getter]
    fn value(&self) -> Option<&str> {
        self.outcome.as_ref().ok().map(FieldValue::as_str)
    }

    /// The form to show (a mobile number's or a business number's hyphens), or ``None`` when the field has none or
    /// the value is not valid.
    #[getter]
    fn display(&self) -> Option<&str> {
        self.outcome.as_ref().ok().and_then(FieldValue::display)
    }

    /// Why the value is not valid, or ``None`` when it is.
    #[getter]
    fn error(&self, py: Python<'_>) -> Option<Py<FieldError>> {
        self.outcome.as_ref().err().map(|e| e.clone_ref(py))
    }

    /// The result as JSON, exactly as the Rust crate's ``serde`` feature writes it and JavaScript's
    /// ``validate<Field>`` returns it (an error's ``index`` there is in UTF-16 code units, as in JavaScript).
    fn to_json(&self) -> PyResult<String> {
        json(&Localized::new(&self.record(), self.locale))
    }

    fn __eq__(&self, other: &Self) -> bool {
        self.key() == other.key()
    }

    fn __hash__(&self) -> u64 {
        hash_of(&self.key())
    }

    fn __repr__(&self) -> String {
        match &self.outcome {
            Ok(_) => format!("FieldResult(field='{}', valid=True)", self.field()),
            Err(e) => format!("FieldResult(field='{}', valid=False, error={})", self.field(), e.get().__repr__()),
        }
    }
}

/// The results of checking many values (``validate_<field>_many``), kept by the extension until they are asked for:
/// a sequence of ``FieldResult`` (``len``, an index, iteration), and each attribute of the results as a list, a
/// column for pandas (``valid``, ``values``, ``displays``, ``codes``, ``messages``). Making a million result objects
/// costs far more than checking a million values (each is an object Python's garbage collector tracks); a column is
/// a list of plain values.
#[pyclass(frozen, module = "pccc_guard")]
pub struct FieldResults {
    kind: FieldKind,
    locale: Locale,
    rows: Vec<Checked>,
}

impl FieldResults {
    pub fn new(kind: FieldKind, locale: Locale, rows: Vec<Checked>) -> FieldResults {
        FieldResults { kind, locale, rows }
    }

    fn column<'a, 'py, T: IntoPyObject<'py>>(
        &'a self,
        py: Python<'py>,
        each: impl Fn(&'a Checked) -> T,
    ) -> PyResult<Bound<'py, PyList>> {
        PyList::new(py, self.rows.iter().map(each))
    }
}

#[pymethods]
impl FieldResults {
    /// The field's name.
    #[getter]
    fn field(&self) -> &'static str {
        self.kind.name()
    }

    /// Whether each value is valid.
    #[getter]
    fn valid<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        self.column(py, Checked::is_valid)
    }

    /// Each value's canonical form, ``None`` where it is not valid.
    #[getter]
    fn values<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        self.column(py, |c| c.result.as_ref().ok().map(FieldValue::as_str))
    }

    /// Each value's form to show, ``None`` where it is not valid or the field has none.
    #[getter]
    fn displays<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        self.column(py, |c| c.result.as_ref().ok().and_then(FieldValue::display))
    }

    /// Each value's error code, ``None`` where it is valid.
    #[getter]
    fn codes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        self.column(py, |c| c.result.as_ref().err().map(|e| e.code()))
    }

    /// Each value's error message (in the locale asked for), ``None`` where it is valid.
    #[getter]
    fn messages<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let locale = self.locale;
        self.column(py, move |c| c.result.as_ref().err().map(|e| e.message(locale)))
    }

    fn __len__(&self) -> usize {
        self.rows.len()
    }

    fn __getitem__(&self, py: Python<'_>, index: isize) -> PyResult<FieldResult> {
        let len = self.rows.len() as isize;
        let at = if index < 0 { index + len } else { index };
        let row = usize::try_from(at)
            .ok()
            .and_then(|at| self.rows.get(at))
            .ok_or_else(|| PyIndexError::new_err("pccc-guard: index out of range"))?;
        FieldResult::new(py, self.kind, self.locale, row.clone())
    }

    fn __iter__(slf: Bound<'_, Self>) -> FieldResultsIter {
        FieldResultsIter { results: slf.unbind(), at: AtomicUsize::new(0) }
    }

    fn __eq__(&self, other: &Self) -> bool {
        (self.kind, self.locale, &self.rows) == (other.kind, other.locale, &other.rows)
    }

    fn __hash__(&self) -> u64 {
        hash_of(&(self.kind, self.locale, &self.rows))
    }

    fn __repr__(&self) -> String {
        let invalid = self.rows.iter().filter(|r| !r.is_valid()).count();
        format!("FieldResults(field='{}', len={}, invalid={invalid})", self.field(), self.rows.len())
    }
}

/// The iterator of a ``FieldResults``: each ``FieldResult``, made when it is reached.
#[pyclass(frozen, module = "pccc_guard")]
pub struct FieldResultsIter {
    results: Py<FieldResults>,
    at: AtomicUsize,
}

#[pymethods]
impl FieldResultsIter {
    fn __iter__(slf: Bound<'_, Self>) -> Bound<'_, Self> {
        slf
    }

    fn __next__(&self, py: Python<'_>) -> PyResult<Option<FieldResult>> {
        let results = self.results.get();
        let at = self.at.fetch_add(1, Ordering::Relaxed);
        match results.rows.get(at) {
            Some(row) => Ok(Some(FieldResult::new(py, results.kind, results.locale, row.clone())?)),
            None => {
                self.at.store(results.rows.len(), Ordering::Relaxed);
                Ok(None)
            }
        }
    }
}

/// The result of checking a recipient's fields together: ``valid`` when every field is, and each field's result.
#[pyclass(frozen, module = "pccc_guard")]
pub struct RecipientResult {
    report: RecipientReport,
    locale: Locale,
    fields: Vec<(FieldKind, Py<FieldResult>)>,
}

impl RecipientResult {
    pub fn new(report: RecipientReport, locale: Locale, fields: Vec<(FieldKind, Py<FieldResult>)>) -> Self {
        RecipientResult { report, locale, fields }
    }
}

#[pymethods]
impl RecipientResult {
    /// Whether every field is valid.
    #[getter]
    fn valid(&self) -> bool {
        self.report.is_valid()
    }

    /// Each field's result, by field name, in the order UNI-PASS matches them (a new dict on each access).
    #[getter]
    fn fields<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        for (kind, result) in &self.fields {
            dict.set_item(kind.name(), result.clone_ref(py))?;
        }
        Ok(dict)
    }

    /// One field's result.
    fn __getitem__(&self, py: Python<'_>, name: &Bound<'_, PyAny>) -> PyResult<Py<FieldResult>> {
        let kind = crate::args::field(name).map_err(|_| PyKeyError::new_err("pccc-guard: not a recipient field"))?;
        self.fields
            .iter()
            .find(|(k, _)| *k == kind)
            .map(|(_, r)| r.clone_ref(py))
            .ok_or_else(|| PyKeyError::new_err("pccc-guard: not a recipient field"))
    }

    /// The report as JSON, byte for byte what the Rust crate's ``serde`` feature writes for a
    /// ``RecipientReport`` and JavaScript's ``checkRecipient`` returns.
    fn to_json(&self) -> PyResult<String> {
        json(&Localized::new(&self.report, self.locale))
    }

    fn __repr__(&self) -> String {
        let invalid: Vec<String> = self
            .fields
            .iter()
            .filter_map(|(kind, r)| {
                r.get().outcome.as_ref().err().map(|e| format!("'{}': '{}'", kind.name(), e.get().code()))
            })
            .collect();
        if invalid.is_empty() {
            "RecipientResult(valid=True)".to_owned()
        } else {
            format!("RecipientResult(valid=False, errors={{{}}})", invalid.join(", "))
        }
    }
}

/// A personal number found in free text: its ``kind`` (``"pccc"``, ``"rrn"`` or ``"phone"``) and where it is,
/// ``text[start:end]``.
#[pyclass(frozen, eq, hash, module = "pccc_guard")]
#[derive(PartialEq, Eq, Hash)]
pub struct Finding {
    kind: &'static str,
    start: usize,
    end: usize,
}

impl Finding {
    pub fn new(kind: &'static str, start: usize, end: usize) -> Finding {
        Finding { kind, start, end }
    }
}

#[pymethods]
impl Finding {
    /// What kind of number: ``"pccc"``, ``"rrn"`` or ``"phone"``.
    #[getter]
    fn kind(&self) -> &'static str {
        self.kind
    }

    /// Where it starts: a ``str`` index.
    #[getter]
    fn start(&self) -> usize {
        self.start
    }

    /// Where it ends (exclusive): a ``str`` index.
    #[getter]
    fn end(&self) -> usize {
        self.end
    }

    fn __repr__(&self) -> String {
        format!("Finding(kind='{}', start={}, end={})", self.kind, self.start, self.end)
    }
}

/// A field of the registry: its names, its error codes and its mask.
#[pyclass(frozen, eq, hash, module = "pccc_guard")]
#[derive(PartialEq, Eq, Hash)]
pub struct FieldInfo {
    kind: FieldKind,
}

impl FieldInfo {
    pub fn new(kind: FieldKind) -> FieldInfo {
        FieldInfo { kind }
    }

    fn digits(&self) -> Option<(usize, usize, usize)> {
        match self.kind.mask_rule() {
            MaskRule::Digits { keep_start, keep_end, max_revealed } => Some((keep_start, keep_end, max_revealed)),
            _ => None,
        }
    }
}

#[pymethods]
impl FieldInfo {
    /// The field's name in Python and JSON, snake_case: ``"pccc"``, ``"business_number"``.
    #[getter]
    fn name(&self) -> &'static str {
        self.kind.name()
    }

    /// The field's name in JavaScript and HTML (``data-pccc-field``), camelCase: ``"businessNumber"``.
    #[getter]
    fn js_name(&self) -> &'static str {
        self.kind.js_name()
    }

    /// The field's name on the command line, kebab-case: ``"business-number"``.
    #[getter]
    fn cli_name(&self) -> &'static str {
        self.kind.cli_name()
    }

    /// The field in a sentence: ``"a personal customs clearance code"``.
    #[getter]
    fn description(&self) -> &'static str {
        self.kind.docs().what
    }

    /// Its error codes, in the order its rules check them.
    #[getter]
    fn codes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, self.kind.codes())
    }

    /// Whether a valid value has a form to show apart from its canonical one.
    #[getter]
    fn has_display(&self) -> bool {
        self.kind.has_display()
    }

    /// Its mask: ``"digits"`` (digits kept at the start and end), ``"name"`` (the name rule) or ``None``.
    #[getter]
    fn mask(&self) -> Option<&'static str> {
        match self.kind.mask_rule() {
            MaskRule::Digits { .. } => Some("digits"),
            MaskRule::Name => Some("name"),
            _ => None,
        }
    }

    /// A digit mask's default digits kept at the start, or ``None``.
    #[getter]
    fn keep_start(&self) -> Option<usize> {
        self.digits().map(|d| d.0)
    }

    /// A digit mask's default digits kept at the end, or ``None``.
    #[getter]
    fn keep_end(&self) -> Option<usize> {
        self.digits().map(|d| d.1)
    }

    /// The most digits a digit mask's policy may reveal, or ``None``.
    #[getter]
    fn max_revealed(&self) -> Option<usize> {
        self.digits().map(|d| d.2)
    }

    fn __repr__(&self) -> String {
        format!("FieldInfo(name='{}')", self.kind.name())
    }
}
