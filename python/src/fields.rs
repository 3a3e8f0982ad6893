// Generated from the Rust field registry (src/field.rs, each field's DOCS) by `cargo run -p pccc-guard-xtask -- python`; `make python` rewrites it and `cargo test -p pccc-guard-xtask` fails when it is stale. Do not edit.

//! Every field's named functions, each the generic function of `lib.rs` for the field's `FieldKind`, with its
//! docstring (the examples' results computed from the Rust rules; tests/python/test_docs.py runs them).

use pccc_guard::FieldKind;
use pyo3::prelude::*;

use crate::results::{FieldResult, FieldResults};

mod pccc {
    use super::*;

    const KIND: FieldKind = FieldKind::Pccc;

    /// Checks a personal customs clearance code (``P`` + 12 digits) after normalising it (full-width
    /// characters, spaces, hyphens and invisible characters, lower-case ``p``).
    ///
    /// Returns a ``FieldResult``: when it is valid, ``value`` is the canonical form to submit; otherwise
    /// ``error`` has a stable ``code`` (``empty``, ``looks_like_rrn``, ``missing_prefix``,
    /// ``invalid_prefix``, ``invalid_character``, ``too_short``, ``too_long``), a ``message`` in Korean
    /// (the default) or English (``locale="en"``) that never contains the input, and, where they apply, the
    /// ``index`` of the character it is about and the digits ``found``.
    ///
    /// >>> validate_pccc('ｐ1234 5678 9012').value
    /// 'P123456789012'
    /// >>> validate_pccc('P12345678901').error.code
    /// 'too_short'
    #[pyfunction]
    #[pyo3(signature = (text, locale=None))]
    pub fn validate_pccc(py: Python<'_>, text: &Bound<'_, PyAny>, locale: Option<&Bound<'_, PyAny>>) -> PyResult<FieldResult> {
        crate::validate(py, KIND, text, locale)
    }

    /// Whether ``text`` is a personal customs clearance code after normalisation:
    /// ``validate_pccc(text).valid``, without building the result.
    ///
    /// >>> is_valid_pccc('ｐ1234 5678 9012')
    /// True
    /// >>> is_valid_pccc('P12345678901')
    /// False
    #[pyfunction]
    #[pyo3(signature = (text))]
    pub fn is_valid_pccc(text: &Bound<'_, PyAny>) -> PyResult<bool> {
        crate::is_valid(KIND, text)
    }

    /// Masks a code for display with one policy: ``P`` + ``keep_start`` digits + mask characters +
    /// ``keep_end`` digits (default ``P********9012``). Input that is not a valid code is masked
    /// completely, showing only its length.
    ///
    /// ``keep_start`` and ``keep_end`` are the digits kept visible (``None``: the field's default) and
    /// ``fill`` the mask character (``"*"``). A policy that would reveal more than 6 digits, or a fill that
    /// is a digit, a space or invisible, raises ``MaskPolicyError`` (its ``code``:
    /// ``"mask_reveals_too_much"``, ``"invalid_mask_char"``).
    ///
    /// >>> mask_pccc('P123456789012')
    /// 'P********9012'
    /// >>> mask_pccc('P123456789012', keep_start=2, fill='•')
    /// 'P12••••••9012'
    #[pyfunction]
    #[pyo3(signature = (value, keep_start=None, keep_end=None, fill=None))]
    pub fn mask_pccc(py: Python<'_>, value: &Bound<'_, PyAny>, keep_start: Option<&Bound<'_, PyAny>>, keep_end: Option<&Bound<'_, PyAny>>, fill: Option<&Bound<'_, PyAny>>) -> PyResult<String> {
        crate::mask(py, KIND, value, keep_start, keep_end, fill)
    }

    /// ``validate_pccc`` for each of ``values`` (any iterable of ``str``: a list, a pandas Series, a
    /// pyarrow array; a column kept in Arrow's memory is read without a Python object per row), with the
    /// GIL released while they are checked. Returns a ``FieldResults``: each value's ``FieldResult`` in
    /// order (by index or iteration), and each attribute as a list for a column (``valid``, ``values``,
    /// ``displays``, ``codes``, ``messages``). A value that is not a ``str`` (a missing value in a column)
    /// raises ``TypeError`` with its position.
    ///
    /// >>> validate_pccc_many(['ｐ1234 5678 9012', 'P12345678901']).values
    /// ['P123456789012', None]
    #[pyfunction]
    #[pyo3(signature = (values, locale=None))]
    pub fn validate_pccc_many(py: Python<'_>, values: &Bound<'_, PyAny>, locale: Option<&Bound<'_, PyAny>>) -> PyResult<FieldResults> {
        crate::validate_many(py, KIND, values, locale)
    }

    /// ``is_valid_pccc`` for each of ``values`` (any iterable of ``str``), with the GIL released while they
    /// are checked. Returns a list of ``bool``, in order.
    ///
    /// >>> is_valid_pccc_many(['ｐ1234 5678 9012', 'P12345678901'])
    /// [True, False]
    #[pyfunction]
    #[pyo3(signature = (values))]
    pub fn is_valid_pccc_many(py: Python<'_>, values: &Bound<'_, PyAny>) -> PyResult<Vec<bool>> {
        crate::is_valid_many(py, KIND, values)
    }
}

mod phone {
    use super::*;

    const KIND: FieldKind = FieldKind::Phone;

    /// Checks a Korean mobile number: ``010`` + 8 digits, or ``011``, ``016``–``019`` + 7 or 8 digits.
    /// Hyphens, spaces, dots, parentheses, full-width digits and the international form (``+82 10-…``,
    /// ``+82-(0)10-…``) are accepted.
    ///
    /// Returns a ``FieldResult``: when it is valid, ``value`` is the canonical form to submit, and
    /// ``display`` the form to show; otherwise ``error`` has a stable ``code`` (``empty``,
    /// ``invalid_country_code``, ``invalid_character``, ``looks_like_rrn``, ``landline_number``,
    /// ``voip_number``, ``virtual_number``, ``not_a_mobile_number``, ``too_short``, ``too_long``), a
    /// ``message`` in Korean (the default) or English (``locale="en"``) that never contains the input, and,
    /// where they apply, the ``index`` of the character it is about and the digits ``found``.
    ///
    /// >>> validate_phone('+82 10-1234-5678').value
    /// '01012345678'
    /// >>> validate_phone('0504-1234-5678').error.code
    /// 'virtual_number'
    #[pyfunction]
    #[pyo3(signature = (text, locale=None))]
    pub fn validate_phone(py: Python<'_>, text: &Bound<'_, PyAny>, locale: Option<&Bound<'_, PyAny>>) -> PyResult<FieldResult> {
        crate::validate(py, KIND, text, locale)
    }

    /// Whether ``text`` is a mobile number after normalisation: ``validate_phone(text).valid``, without
    /// building the result.
    ///
    /// >>> is_valid_phone('+82 10-1234-5678')
    /// True
    /// >>> is_valid_phone('0504-1234-5678')
    /// False
    #[pyfunction]
    #[pyo3(signature = (text))]
    pub fn is_valid_phone(text: &Bound<'_, PyAny>) -> PyResult<bool> {
        crate::is_valid(KIND, text)
    }

    /// Masks a mobile number for display, hyphenated: by default the first 7 digits stay
    /// (``010-1234-****``, as on delivery labels). ``keep_start`` and ``keep_end`` choose the visible
    /// digits, at most 7 together, and at least 4 digits are always hidden (for a 10-digit number the kept
    /// start shrinks). Input that is not a valid mobile number is masked completely, showing only its
    /// length.
    ///
    /// ``keep_start`` and ``keep_end`` are the digits kept visible (``None``: the field's default) and
    /// ``fill`` the mask character (``"*"``). A policy that would reveal more than 7 digits, or a fill that
    /// is a digit, a space or invisible, raises ``MaskPolicyError`` (its ``code``:
    /// ``"mask_reveals_too_much"``, ``"invalid_mask_char"``).
    ///
    /// >>> mask_phone('01012345678')
    /// '010-1234-****'
    /// >>> mask_phone('01012345678', keep_start=3, keep_end=4)
    /// '010-****-5678'
    #[pyfunction]
    #[pyo3(signature = (value, keep_start=None, keep_end=None, fill=None))]
    pub fn mask_phone(py: Python<'_>, value: &Bound<'_, PyAny>, keep_start: Option<&Bound<'_, PyAny>>, keep_end: Option<&Bound<'_, PyAny>>, fill: Option<&Bound<'_, PyAny>>) -> PyResult<String> {
        crate::mask(py, KIND, value, keep_start, keep_end, fill)
    }

    /// ``validate_phone`` for each of ``values`` (any iterable of ``str``: a list, a pandas Series, a
    /// pyarrow array; a column kept in Arrow's memory is read without a Python object per row), with the
    /// GIL released while they are checked. Returns a ``FieldResults``: each value's ``FieldResult`` in
    /// order (by index or iteration), and each attribute as a list for a column (``valid``, ``values``,
    /// ``displays``, ``codes``, ``messages``). A value that is not a ``str`` (a missing value in a column)
    /// raises ``TypeError`` with its position.
    ///
    /// >>> validate_phone_many(['+82 10-1234-5678', '0504-1234-5678']).values
    /// ['01012345678', None]
    #[pyfunction]
    #[pyo3(signature = (values, locale=None))]
    pub fn validate_phone_many(py: Python<'_>, values: &Bound<'_, PyAny>, locale: Option<&Bound<'_, PyAny>>) -> PyResult<FieldResults> {
        crate::validate_many(py, KIND, values, locale)
    }

    /// ``is_valid_phone`` for each of ``values`` (any iterable of ``str``), with the GIL released while
    /// they are checked. Returns a list of ``bool``, in order.
    ///
    /// >>> is_valid_phone_many(['+82 10-1234-5678', '0504-1234-5678'])
    /// [True, False]
    #[pyfunction]
    #[pyo3(signature = (values))]
    pub fn is_valid_phone_many(py: Python<'_>, values: &Bound<'_, PyAny>) -> PyResult<Vec<bool>> {
        crate::is_valid_many(py, KIND, values)
    }
}

mod postcode {
    use super::*;

    const KIND: FieldKind = FieldKind::Postcode;

    /// Checks a delivery postcode: 5 digits whose first two are 01–63. An old 6-digit postcode
    /// (``123-456``) gets its own code, ``old_postcode``, telling the user to look up the new one.
    ///
    /// Returns a ``FieldResult``: when it is valid, ``value`` is the canonical form to submit; otherwise
    /// ``error`` has a stable ``code`` (``empty``, ``invalid_character``, ``looks_like_rrn``,
    /// ``old_postcode``, ``too_short``, ``too_long``, ``invalid_area``), a ``message`` in Korean (the
    /// default) or English (``locale="en"``) that never contains the input, and, where they apply, the
    /// ``index`` of the character it is about and the digits ``found``.
    ///
    /// >>> validate_postcode(' 03154 ').value
    /// '03154'
    /// >>> validate_postcode('110-011').error.code
    /// 'old_postcode'
    #[pyfunction]
    #[pyo3(signature = (text, locale=None))]
    pub fn validate_postcode(py: Python<'_>, text: &Bound<'_, PyAny>, locale: Option<&Bound<'_, PyAny>>) -> PyResult<FieldResult> {
        crate::validate(py, KIND, text, locale)
    }

    /// Whether ``text`` is a postcode after normalisation: ``validate_postcode(text).valid``, without
    /// building the result.
    ///
    /// >>> is_valid_postcode(' 03154 ')
    /// True
    /// >>> is_valid_postcode('110-011')
    /// False
    #[pyfunction]
    #[pyo3(signature = (text))]
    pub fn is_valid_postcode(text: &Bound<'_, PyAny>) -> PyResult<bool> {
        crate::is_valid(KIND, text)
    }

    /// ``validate_postcode`` for each of ``values`` (any iterable of ``str``: a list, a pandas Series, a
    /// pyarrow array; a column kept in Arrow's memory is read without a Python object per row), with the
    /// GIL released while they are checked. Returns a ``FieldResults``: each value's ``FieldResult`` in
    /// order (by index or iteration), and each attribute as a list for a column (``valid``, ``values``,
    /// ``displays``, ``codes``, ``messages``). A value that is not a ``str`` (a missing value in a column)
    /// raises ``TypeError`` with its position.
    ///
    /// >>> validate_postcode_many([' 03154 ', '110-011']).values
    /// ['03154', None]
    #[pyfunction]
    #[pyo3(signature = (values, locale=None))]
    pub fn validate_postcode_many(py: Python<'_>, values: &Bound<'_, PyAny>, locale: Option<&Bound<'_, PyAny>>) -> PyResult<FieldResults> {
        crate::validate_many(py, KIND, values, locale)
    }

    /// ``is_valid_postcode`` for each of ``values`` (any iterable of ``str``), with the GIL released while
    /// they are checked. Returns a list of ``bool``, in order.
    ///
    /// >>> is_valid_postcode_many([' 03154 ', '110-011'])
    /// [True, False]
    #[pyfunction]
    #[pyo3(signature = (values))]
    pub fn is_valid_postcode_many(py: Python<'_>, values: &Bound<'_, PyAny>) -> PyResult<Vec<bool>> {
        crate::is_valid_many(py, KIND, values)
    }
}

mod name {
    use super::*;

    const KIND: FieldKind = FieldKind::Name;

    /// Checks a recipient name, which must be the one registered with the PCCC: Hangul syllables with
    /// optional spaces (2 to 20 syllables), or the registered English name in Latin letters with spaces,
    /// ``-``, ``'`` and ``.`` (2 letters to 60 characters). Spaces are trimmed and collapsed; full-width
    /// letters become ASCII.
    ///
    /// Returns a ``FieldResult``: when it is valid, ``value`` is the canonical form to submit; otherwise
    /// ``error`` has a stable ``code`` (``empty``, ``looks_like_rrn``, ``contains_digits``,
    /// ``invalid_character``, ``mixed_scripts``, ``too_short``, ``too_long``), a ``message`` in Korean (the
    /// default) or English (``locale="en"``) that never contains the input, and, where they apply, the
    /// ``index`` of the character it is about and the digits ``found``.
    ///
    /// >>> validate_name(' 홍길동 ').value
    /// '홍길동'
    /// >>> validate_name('홍Gildong').error.code
    /// 'mixed_scripts'
    #[pyfunction]
    #[pyo3(signature = (text, locale=None))]
    pub fn validate_name(py: Python<'_>, text: &Bound<'_, PyAny>, locale: Option<&Bound<'_, PyAny>>) -> PyResult<FieldResult> {
        crate::validate(py, KIND, text, locale)
    }

    /// Whether ``text`` is a recipient name after normalisation: ``validate_name(text).valid``, without
    /// building the result.
    ///
    /// >>> is_valid_name(' 홍길동 ')
    /// True
    /// >>> is_valid_name('홍Gildong')
    /// False
    #[pyfunction]
    #[pyo3(signature = (text))]
    pub fn is_valid_name(text: &Bound<'_, PyAny>) -> PyResult<bool> {
        crate::is_valid(KIND, text)
    }

    /// Masks a recipient name for display: a Hangul name keeps its first syllable and, from 3 syllables on,
    /// its last (``김*``, ``홍*동``, ``남**수``); a Latin name keeps the first letter of each word (``J***
    /// S****``). Input that is not a valid name is masked completely, showing only its length.
    ///
    /// ``fill`` is the mask character (``"*"``); a fill that is a digit, a space or invisible raises
    /// ``MaskPolicyError`` (its ``code``: ``"invalid_mask_char"``).
    ///
    /// >>> mask_name('홍길동')
    /// '홍*동'
    /// >>> mask_name('John Smith', fill='•')
    /// 'J••• S••••'
    #[pyfunction]
    #[pyo3(signature = (value, fill=None))]
    pub fn mask_name(py: Python<'_>, value: &Bound<'_, PyAny>, fill: Option<&Bound<'_, PyAny>>) -> PyResult<String> {
        crate::mask(py, KIND, value, None, None, fill)
    }

    /// ``validate_name`` for each of ``values`` (any iterable of ``str``: a list, a pandas Series, a
    /// pyarrow array; a column kept in Arrow's memory is read without a Python object per row), with the
    /// GIL released while they are checked. Returns a ``FieldResults``: each value's ``FieldResult`` in
    /// order (by index or iteration), and each attribute as a list for a column (``valid``, ``values``,
    /// ``displays``, ``codes``, ``messages``). A value that is not a ``str`` (a missing value in a column)
    /// raises ``TypeError`` with its position.
    ///
    /// >>> validate_name_many([' 홍길동 ', '홍Gildong']).values
    /// ['홍길동', None]
    #[pyfunction]
    #[pyo3(signature = (values, locale=None))]
    pub fn validate_name_many(py: Python<'_>, values: &Bound<'_, PyAny>, locale: Option<&Bound<'_, PyAny>>) -> PyResult<FieldResults> {
        crate::validate_many(py, KIND, values, locale)
    }

    /// ``is_valid_name`` for each of ``values`` (any iterable of ``str``), with the GIL released while they
    /// are checked. Returns a list of ``bool``, in order.
    ///
    /// >>> is_valid_name_many([' 홍길동 ', '홍Gildong'])
    /// [True, False]
    #[pyfunction]
    #[pyo3(signature = (values))]
    pub fn is_valid_name_many(py: Python<'_>, values: &Bound<'_, PyAny>) -> PyResult<Vec<bool>> {
        crate::is_valid_many(py, KIND, values)
    }
}

mod business_number {
    use super::*;

    const KIND: FieldKind = FieldKind::BusinessNumber;

    /// Checks a business registration number (사업자등록번호): 10 digits whose last is the National Tax Service
    /// check digit. Hyphens, spaces and full-width digits are accepted.
    ///
    /// Returns a ``FieldResult``: when it is valid, ``value`` is the canonical form to submit, and
    /// ``display`` the form to show; otherwise ``error`` has a stable ``code`` (``empty``,
    /// ``invalid_character``, ``looks_like_rrn``, ``too_short``, ``too_long``, ``invalid_check_digit``), a
    /// ``message`` in Korean (the default) or English (``locale="en"``) that never contains the input, and,
    /// where they apply, the ``index`` of the character it is about and the digits ``found``.
    ///
    /// >>> validate_business_number('124-81-00998').value
    /// '1248100998'
    /// >>> validate_business_number('124-81-00999').error.code
    /// 'invalid_check_digit'
    #[pyfunction]
    #[pyo3(signature = (text, locale=None))]
    pub fn validate_business_number(py: Python<'_>, text: &Bound<'_, PyAny>, locale: Option<&Bound<'_, PyAny>>) -> PyResult<FieldResult> {
        crate::validate(py, KIND, text, locale)
    }

    /// Whether ``text`` is a business registration number after normalisation:
    /// ``validate_business_number(text).valid``, without building the result.
    ///
    /// >>> is_valid_business_number('124-81-00998')
    /// True
    /// >>> is_valid_business_number('124-81-00999')
    /// False
    #[pyfunction]
    #[pyo3(signature = (text))]
    pub fn is_valid_business_number(text: &Bound<'_, PyAny>) -> PyResult<bool> {
        crate::is_valid(KIND, text)
    }

    /// Masks a business registration number for display, hyphenated: by default the office and type codes
    /// stay (``124-81-*****``). At most 7 digits show and at least 3 stay hidden. Input that is not a valid
    /// number is masked completely, showing only its length.
    ///
    /// ``keep_start`` and ``keep_end`` are the digits kept visible (``None``: the field's default) and
    /// ``fill`` the mask character (``"*"``). A policy that would reveal more than 7 digits, or a fill that
    /// is a digit, a space or invisible, raises ``MaskPolicyError`` (its ``code``:
    /// ``"mask_reveals_too_much"``, ``"invalid_mask_char"``).
    ///
    /// >>> mask_business_number('1248100998')
    /// '124-81-*****'
    #[pyfunction]
    #[pyo3(signature = (value, keep_start=None, keep_end=None, fill=None))]
    pub fn mask_business_number(py: Python<'_>, value: &Bound<'_, PyAny>, keep_start: Option<&Bound<'_, PyAny>>, keep_end: Option<&Bound<'_, PyAny>>, fill: Option<&Bound<'_, PyAny>>) -> PyResult<String> {
        crate::mask(py, KIND, value, keep_start, keep_end, fill)
    }

    /// ``validate_business_number`` for each of ``values`` (any iterable of ``str``: a list, a pandas
    /// Series, a pyarrow array; a column kept in Arrow's memory is read without a Python object per row),
    /// with the GIL released while they are checked. Returns a ``FieldResults``: each value's
    /// ``FieldResult`` in order (by index or iteration), and each attribute as a list for a column
    /// (``valid``, ``values``, ``displays``, ``codes``, ``messages``). A value that is not a ``str`` (a
    /// missing value in a column) raises ``TypeError`` with its position.
    ///
    /// >>> validate_business_number_many(['124-81-00998', '124-81-00999']).values
    /// ['1248100998', None]
    #[pyfunction]
    #[pyo3(signature = (values, locale=None))]
    pub fn validate_business_number_many(py: Python<'_>, values: &Bound<'_, PyAny>, locale: Option<&Bound<'_, PyAny>>) -> PyResult<FieldResults> {
        crate::validate_many(py, KIND, values, locale)
    }

    /// ``is_valid_business_number`` for each of ``values`` (any iterable of ``str``), with the GIL released
    /// while they are checked. Returns a list of ``bool``, in order.
    ///
    /// >>> is_valid_business_number_many(['124-81-00998', '124-81-00999'])
    /// [True, False]
    #[pyfunction]
    #[pyo3(signature = (values))]
    pub fn is_valid_business_number_many(py: Python<'_>, values: &Bound<'_, PyAny>) -> PyResult<Vec<bool>> {
        crate::is_valid_many(py, KIND, values)
    }
}

/// Adds every field's functions to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(pccc::validate_pccc, m)?)?;
    m.add_function(wrap_pyfunction!(pccc::is_valid_pccc, m)?)?;
    m.add_function(wrap_pyfunction!(pccc::mask_pccc, m)?)?;
    m.add_function(wrap_pyfunction!(pccc::validate_pccc_many, m)?)?;
    m.add_function(wrap_pyfunction!(pccc::is_valid_pccc_many, m)?)?;
    m.add_function(wrap_pyfunction!(phone::validate_phone, m)?)?;
    m.add_function(wrap_pyfunction!(phone::is_valid_phone, m)?)?;
    m.add_function(wrap_pyfunction!(phone::mask_phone, m)?)?;
    m.add_function(wrap_pyfunction!(phone::validate_phone_many, m)?)?;
    m.add_function(wrap_pyfunction!(phone::is_valid_phone_many, m)?)?;
    m.add_function(wrap_pyfunction!(postcode::validate_postcode, m)?)?;
    m.add_function(wrap_pyfunction!(postcode::is_valid_postcode, m)?)?;
    m.add_function(wrap_pyfunction!(postcode::validate_postcode_many, m)?)?;
    m.add_function(wrap_pyfunction!(postcode::is_valid_postcode_many, m)?)?;
    m.add_function(wrap_pyfunction!(name::validate_name, m)?)?;
    m.add_function(wrap_pyfunction!(name::is_valid_name, m)?)?;
    m.add_function(wrap_pyfunction!(name::mask_name, m)?)?;
    m.add_function(wrap_pyfunction!(name::validate_name_many, m)?)?;
    m.add_function(wrap_pyfunction!(name::is_valid_name_many, m)?)?;
    m.add_function(wrap_pyfunction!(business_number::validate_business_number, m)?)?;
    m.add_function(wrap_pyfunction!(business_number::is_valid_business_number, m)?)?;
    m.add_function(wrap_pyfunction!(business_number::mask_business_number, m)?)?;
    m.add_function(wrap_pyfunction!(business_number::validate_business_number_many, m)?)?;
    m.add_function(wrap_pyfunction!(business_number::is_valid_business_number_many, m)?)?;
    Ok(())
}
