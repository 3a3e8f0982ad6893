//! The Python package's files generated from the field registry: every field's named functions in the extension
//! (`python/src/fields.rs`, with their docstrings), the package's module that exports them and its stub
//! (`python/pccc_guard/_fields.py`, `_fields.pyi`), and the adapters' per-field names (`python/pccc_guard/pydantic.py`,
//! `python/pccc_guard/django.py`). `cargo run -p pccc-guard-xtask -- python` writes them (`make python` runs it), and
//! `tests/python.rs` fails when the committed files differ from what this module writes now.
//!
//! A field's Python names follow one pattern, from its Rust name `<field>` (snake_case) and `<Field>` (its
//! PascalCase): `validate_<field>`, `is_valid_<field>`, `mask_<field>` (a field with a mask), `validate_<field>_many`,
//! `is_valid_<field>_many`; the pydantic type `<Field>`; the Django validator `validate_<field>` and form field
//! `<Field>Field`.

use std::fmt::Write;

use pccc_guard::{FieldKind, MaskExample, MaskRule};

use crate::contract::pascal;

/// The command that writes the files.
pub const COMMAND: &str = "cargo run -p pccc-guard-xtask -- python";

/// What the first line of every generated file says (after the comment marker).
pub fn header() -> String {
    format!(
        "Generated from the Rust field registry (src/field.rs, each field's DOCS) by `{COMMAND}`; `make python` \
rewrites it and `cargo test -p pccc-guard-xtask` fails when it is stale. Do not edit."
    )
}

/// Every generated file: its path in the repository and its text.
pub fn files() -> Vec<(&'static str, String)> {
    vec![
        ("python/src/fields.rs", rust()),
        ("python/pccc_guard/__init__.py", package()),
        ("python/pccc_guard/_fields.py", exports()),
        ("python/pccc_guard/_fields.pyi", stubs()),
        ("python/pccc_guard/pydantic.py", pydantic()),
        ("python/pccc_guard/django.py", django()),
    ]
}

/// A Python string literal for `s`, as `repr()` writes it (single quotes unless the text has one and no double
/// quote; the characters `str.isprintable()` refuses escaped). The examples' results are compared with what
/// Python prints by running them as doctests (tests/python/test_docs.py).
pub fn py_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::from(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if !printable(c) => {
                let n = u32::from(c);
                let _ = match n {
                    0..=0xff => write!(out, "\\x{n:02x}"),
                    0x100..=0xffff => write!(out, "\\u{n:04x}"),
                    _ => write!(out, "\\U{n:08x}"),
                };
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// What Python's `str.isprintable()` accepts, for the characters a field's examples can hold: everything but
/// controls, separators other than the space, and the format characters that normalisation drops.
fn printable(c: char) -> bool {
    !(c.is_control()
        || (c.is_whitespace() && c != ' ')
        || matches!(c, '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{feff}'))
}

/// A Python literal for an optional count or character, as the examples' keyword arguments write them.
fn mask_arguments(e: &MaskExample) -> String {
    let mut out = String::new();
    if let Some(n) = e.keep_start {
        let _ = write!(out, ", keep_start={n}");
    }
    if let Some(n) = e.keep_end {
        let _ = write!(out, ", keep_end={n}");
    }
    if let Some(c) = e.fill {
        let _ = write!(out, ", fill={}", py_repr(&c.to_string()));
    }
    out
}

/// RST literals: the registry's docs write code in single backquotes.
fn rst(text: &str) -> String {
    text.replace('`', "``")
}

/// The first paragraph of a field's `validate` docs (the rest describes JavaScript's result object).
fn what_it_checks(kind: FieldKind) -> String {
    let text = kind.docs().validate;
    rst(text.split("\n\n").next().unwrap_or(text))
}

/// The field's mask docs in Python's words: the policy's keyword arguments, and the refusal as an exception.
fn what_the_mask_does(kind: FieldKind) -> String {
    let text = kind.docs().mask;
    let text = text.split("Throws an `Error`").next().unwrap_or(text).trim_end();
    let text = rst(&text.replace("keepStart", "keep_start").replace("keepEnd", "keep_end").replace("maskChar", "fill"));
    let refusal = match kind.mask_rule() {
        MaskRule::Digits { max_revealed, .. } => format!(
            "``keep_start`` and ``keep_end`` are the digits kept visible (``None``: the field's default) and ``fill`` the \
mask character (``\"*\"``). A policy that would reveal more than {max_revealed} digits, or a fill that is a digit, a \
space or invisible, raises ``MaskPolicyError`` (its ``code``: ``\"mask_reveals_too_much\"``, \
``\"invalid_mask_char\"``)."
        ),
        _ => "``fill`` is the mask character (``\"*\"``); a fill that is a digit, a space or invisible raises \
``MaskPolicyError`` (its ``code``: ``\"invalid_mask_char\"``)."
            .to_owned(),
    };
    format!("{text}\n\n{refusal}")
}

/// The names of a field's functions, in the order they are declared.
pub fn function_names(kind: FieldKind) -> Vec<String> {
    let f = kind.name();
    let mut names = vec![format!("validate_{f}"), format!("is_valid_{f}")];
    if has_mask(kind) {
        names.push(format!("mask_{f}"));
    }
    names.push(format!("validate_{f}_many"));
    names.push(format!("is_valid_{f}_many"));
    names
}

fn has_mask(kind: FieldKind) -> bool {
    matches!(kind.mask_rule(), MaskRule::Digits { .. } | MaskRule::Name)
}

/// One function's documentation (its text, a blank line, its examples) as lines.
struct Doc {
    text: String,
    examples: Vec<(String, String)>,
}

/// Docstrings' line width (text lines; an example's call stays on its line).
const WIDTH: usize = 100;

/// `text` wrapped at [`WIDTH`], its paragraphs (separated by a blank line) kept apart.
fn wrap(text: &str) -> Vec<String> {
    let mut lines = Vec::new();
    for (i, paragraph) in text.split("\n\n").enumerate() {
        if i > 0 {
            lines.push(String::new());
        }
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > WIDTH {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        lines.push(line);
    }
    lines
}

impl Doc {
    fn lines(&self) -> Vec<String> {
        let mut lines = wrap(&self.text);
        if !self.examples.is_empty() {
            lines.push(String::new());
            for (call, result) in &self.examples {
                lines.push(format!(">>> {call}"));
                lines.push(result.clone());
            }
        }
        lines
    }
}

/// Each of a field's functions with its documentation.
fn docs(kind: FieldKind) -> Vec<(String, Doc)> {
    let (f, d) = (kind.name(), kind.docs());
    let display = if kind.has_display() { ", and ``display`` the form to show" } else { "" };
    let codes = kind.codes().iter().map(|c| format!("``{c}``")).collect::<Vec<_>>().join(", ");
    let validate = format!(
        "{}\n\nReturns a ``FieldResult``: when it is valid, ``value`` is the canonical form to submit{display}; \
otherwise ``error`` has a stable ``code`` ({codes}), a ``message`` in Korean (the default) or English \
(``locale=\"en\"``) that never contains the input, and, where they apply, the ``index`` of the character it is \
about and the digits ``found``.",
        what_it_checks(kind)
    );
    let mut validate_examples = Vec::new();
    for input in d.examples {
        let call = format!("validate_{f}({})", py_repr(input));
        validate_examples.push(match kind.check(input) {
            Ok(v) => (format!("{call}.value"), py_repr(v.as_str())),
            Err(e) => (format!("{call}.error.code"), py_repr(e.code())),
        });
    }
    let mut out = vec![(format!("validate_{f}"), Doc { text: validate, examples: validate_examples })];
    let checks: Vec<(String, String)> = d
        .examples
        .iter()
        .map(|i| (format!("is_valid_{f}({})", py_repr(i)), python_bool(kind.check(i).is_ok()).to_owned()))
        .collect();
    out.push((
        format!("is_valid_{f}"),
        Doc {
            text: format!("Whether ``text`` is {} after normalisation: ``validate_{f}(text).valid``, without building the result.", d.what),
            examples: checks,
        },
    ));
    if has_mask(kind) {
        let examples = d
            .mask_examples
            .iter()
            .map(|e| {
                let masked = kind
                    .mask(e.input, e.keep_start, e.keep_end, e.fill)
                    .expect("a mask example of a field with a mask")
                    .expect("a mask example with an accepted policy");
                (format!("mask_{f}({}{})", py_repr(e.input), mask_arguments(e)), py_repr(&masked))
            })
            .collect();
        out.push((format!("mask_{f}"), Doc { text: what_the_mask_does(kind), examples }));
    }
    let list = |items: Vec<String>| format!("[{}]", items.join(", "));
    let inputs = list(d.examples.iter().map(|i| py_repr(i)).collect());
    out.push((
        format!("validate_{f}_many"),
        Doc {
            text: format!(
                "``validate_{f}`` for each of ``values`` (any iterable of ``str``: a list, a pandas Series, a pyarrow \
array; a column kept in Arrow's memory is read without a Python object per row), with the GIL released while they are \
checked. Returns a ``FieldResults``: each value's ``FieldResult`` in order (by index or iteration), and each attribute \
as a list for a column (``valid``, ``values``, ``displays``, ``codes``, ``messages``). A value that is not a ``str`` (a \
missing value in a column) raises ``TypeError`` with its position."
            ),
            examples: vec![(
                format!("validate_{f}_many({inputs}).values"),
                list(
                    d.examples
                        .iter()
                        .map(|i| kind.check(i).map_or_else(|_| "None".to_owned(), |v| py_repr(v.as_str())))
                        .collect(),
                ),
            )],
        },
    ));
    out.push((
        format!("is_valid_{f}_many"),
        Doc {
            text: format!(
                "``is_valid_{f}`` for each of ``values`` (any iterable of ``str``), with the GIL released while they are \
checked. Returns a list of ``bool``, in order."
            ),
            examples: vec![(
                format!("is_valid_{f}_many({inputs})"),
                list(d.examples.iter().map(|i| python_bool(kind.check(i).is_ok()).to_owned()).collect()),
            )],
        },
    ));
    out
}

fn python_bool(b: bool) -> &'static str {
    if b {
        "True"
    } else {
        "False"
    }
}

/// The Rust signature, Python signature (for the stub) and call of one of a field's functions.
fn signature(kind: FieldKind, name: &str) -> (&'static str, &'static str, &'static str, &'static str) {
    let f = kind.name();
    let digits = matches!(kind.mask_rule(), MaskRule::Digits { .. });
    if name == format!("validate_{f}") {
        (
            "text, locale=None",
            "py: Python<'_>, text: &Bound<'_, PyAny>, locale: Option<&Bound<'_, PyAny>>) -> PyResult<FieldResult",
            "crate::validate(py, KIND, text, locale)",
            "text: str, locale: str | None = None) -> FieldResult",
        )
    } else if name == format!("is_valid_{f}") {
        ("text", "text: &Bound<'_, PyAny>) -> PyResult<bool", "crate::is_valid(KIND, text)", "text: str) -> bool")
    } else if name == format!("mask_{f}") && digits {
        (
            "value, keep_start=None, keep_end=None, fill=None",
            "py: Python<'_>, value: &Bound<'_, PyAny>, keep_start: Option<&Bound<'_, PyAny>>, keep_end: Option<&Bound<'_, PyAny>>, fill: Option<&Bound<'_, PyAny>>) -> PyResult<String",
            "crate::mask(py, KIND, value, keep_start, keep_end, fill)",
            "value: str, keep_start: int | None = None, keep_end: int | None = None, fill: str | None = None) -> str",
        )
    } else if name == format!("mask_{f}") {
        (
            "value, fill=None",
            "py: Python<'_>, value: &Bound<'_, PyAny>, fill: Option<&Bound<'_, PyAny>>) -> PyResult<String",
            "crate::mask(py, KIND, value, None, None, fill)",
            "value: str, fill: str | None = None) -> str",
        )
    } else if name == format!("validate_{f}_many") {
        (
            "values, locale=None",
            "py: Python<'_>, values: &Bound<'_, PyAny>, locale: Option<&Bound<'_, PyAny>>) -> PyResult<FieldResults",
            "crate::validate_many(py, KIND, values, locale)",
            "values: Iterable[str], locale: str | None = None) -> FieldResults",
        )
    } else {
        (
            "values",
            "py: Python<'_>, values: &Bound<'_, PyAny>) -> PyResult<Vec<bool>",
            "crate::is_valid_many(py, KIND, values)",
            "values: Iterable[str]) -> list[bool]",
        )
    }
}

/// `python/src/fields.rs`: each field's functions, each the generic one of `lib.rs` on the field's kind.
pub fn rust() -> String {
    let mut out = format!("// {}\n\n", header());
    let _ = writeln!(
        out,
        "//! Every field's named functions, each the generic function of `lib.rs` for the field's `FieldKind`, with its\n\
         //! docstring (the examples' results computed from the Rust rules; tests/python/test_docs.py runs them)."
    );
    let _ = writeln!(out);
    let _ = writeln!(out, "use pccc_guard::FieldKind;");
    let _ = writeln!(out, "use pyo3::prelude::*;");
    let _ = writeln!(out);
    let _ = writeln!(out, "use crate::results::{{FieldResult, FieldResults}};");
    for kind in FieldKind::ALL {
        let module = kind.name();
        let _ = writeln!(out);
        let _ = writeln!(out, "mod {module} {{");
        let _ = writeln!(out, "    use super::*;");
        let _ = writeln!(out);
        let _ = writeln!(out, "    const KIND: FieldKind = FieldKind::{kind:?};");
        for (name, doc) in docs(kind) {
            let (py_sig, rust_sig, call, _) = signature(kind, &name);
            let _ = writeln!(out);
            for line in doc.lines() {
                let _ = writeln!(out, "    ///{}{line}", if line.is_empty() { "" } else { " " });
            }
            let _ = writeln!(out, "    #[pyfunction]");
            let _ = writeln!(out, "    #[pyo3(signature = ({py_sig}))]");
            let _ = writeln!(out, "    pub fn {name}({rust_sig}> {{");
            let _ = writeln!(out, "        {call}");
            let _ = writeln!(out, "    }}");
        }
        let _ = writeln!(out, "}}");
    }
    let _ = writeln!(out);
    let _ = writeln!(out, "/// Adds every field's functions to the module.");
    let _ = writeln!(out, "pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {{");
    for kind in FieldKind::ALL {
        for name in function_names(kind) {
            let _ = writeln!(out, "    m.add_function(wrap_pyfunction!({}::{name}, m)?)?;", kind.name());
        }
    }
    let _ = writeln!(out, "    Ok(())");
    let _ = writeln!(out, "}}");
    out
}

fn all_names() -> Vec<String> {
    FieldKind::ALL.into_iter().flat_map(function_names).collect()
}

/// A Python list of names, one a line.
fn name_list(out: &mut String, names: &[String]) {
    let _ = writeln!(out, "__all__ = [");
    for name in names {
        let _ = writeln!(out, "    {},", py_repr(name));
    }
    let _ = writeln!(out, "]");
}

/// The package's field-independent names, from the extension (`python/src/lib.rs`; `_native.pyi` types them).
pub const GENERIC: &[&str] = &[
    "FIELDS",
    "KINDS",
    "RECIPIENT_FIELDS",
    "FieldError",
    "FieldInfo",
    "FieldResult",
    "FieldResults",
    "Finding",
    "MaskPolicyError",
    "RecipientResult",
    "__version__",
    "check_recipient",
    "field_info",
    "find_sensitive",
    "is_valid_field",
    "is_valid_many",
    "locale_of",
    "mask_field",
    "normalize",
    "redact",
    "validate_field",
    "validate_many",
];

/// `python/pccc_guard/__init__.py`: the package, every name listed (so that type checkers and `stubtest` see them).
pub fn package() -> String {
    let first = FieldKind::ALL[0];
    let (f, input) = (first.name(), first.docs().examples[0]);
    let value = first.check(input).map(|v| v.as_str().to_owned()).unwrap_or_default();
    let masked = first.mask(&value, None, None, None).and_then(Result::ok).unwrap_or_default();
    let mut out = format!("# {}\n", header());
    let _ = writeln!(
        out,
        "\"\"\"pccc-guard: checks and masks Korean personal customs clearance codes (PCCC, 개인통관고유부호), the other \
fields\ncustoms matches at checkout (mobile number, postcode, name) and the business registration number, with the \
same\nrules, codes and messages as the browser, the command-line tool and Rust services: one Rust core.\n\n\
>>> result = validate_{f}({}, locale=\"en\")\n\
>>> result.valid, result.value\n\
(True, {})\n\
>>> mask_{f}(result.value)\n\
{}\n\n\
Every field has ``validate_<field>``, ``is_valid_<field>``, ``mask_<field>`` (a field with a mask) and their \
``_many``\nforms for columns; ``validate_field`` and the other ``*_field`` functions take a field's name. \
``check_recipient``\nchecks the fields UNI-PASS matches together; ``find_sensitive`` and ``redact`` find and mask \
numbers in free text.\nThe adapters ``pccc_guard.pydantic`` and ``pccc_guard.django`` need those frameworks; the rest \
needs nothing but\nthis package.\n\"\"\"",
        py_repr(input),
        py_repr(&value),
        py_repr(&masked),
    );
    let _ = writeln!(out);
    let _ = writeln!(out, "from ._fields import *  # noqa: F403 (each field's functions: they are listed in __all__)");
    let _ = writeln!(out, "from ._native import (");
    for name in GENERIC {
        let _ = writeln!(out, "    {name},");
    }
    let _ = writeln!(out, ")");
    let _ = writeln!(out);
    let mut names: Vec<String> = GENERIC.iter().map(|s| (*s).to_owned()).collect();
    names.extend(all_names());
    name_list(&mut out, &names);
    out
}

/// `python/pccc_guard/_fields.py`: the extension's per-field functions, for `pccc_guard` to export.
pub fn exports() -> String {
    let mut out = format!("# {}\n", header());
    let _ = writeln!(
        out,
        "\"\"\"Every field's named functions (the extension's own; their types are in _fields.pyi), which the package \
exports.\"\"\""
    );
    let _ = writeln!(out);
    let _ = writeln!(out, "from ._native import (");
    for name in all_names() {
        let _ = writeln!(out, "    {name},");
    }
    let _ = writeln!(out, ")");
    out
}

/// `python/pccc_guard/_fields.pyi`: the functions' types and docstrings.
pub fn stubs() -> String {
    let mut out = format!("# {}\n", header());
    let _ = writeln!(out, "\"\"\"Every field's named functions.\"\"\"");
    let _ = writeln!(out);
    let _ = writeln!(out, "from collections.abc import Iterable");
    let _ = writeln!(out);
    let _ = writeln!(out, "from ._native import FieldResult, FieldResults");
    for kind in FieldKind::ALL {
        for (name, doc) in docs(kind) {
            let (_, _, _, stub) = signature(kind, &name);
            let _ = writeln!(out);
            let _ = writeln!(out, "def {name}({stub}:");
            let _ = writeln!(out, "    \"\"\"");
            for line in doc.lines() {
                let _ = writeln!(out, "{}{}", if line.is_empty() { "" } else { "    " }, line.replace('\\', "\\\\"));
            }
            let _ = writeln!(out, "    \"\"\"");
        }
    }
    out
}

/// `python/pccc_guard/pydantic.py`: a pydantic type for every field.
pub fn pydantic() -> String {
    let mut out = format!("# {}\n", header());
    let _ = writeln!(
        out,
        "\"\"\"pydantic (v2) types for every field: a ``str`` annotated to be checked with the field's rules and \
normalised\nto its canonical form. An invalid value raises pydantic's ``ValidationError`` whose error ``type`` is the \
field's\nerror code and whose message never contains the input (pydantic adds the input to its own report unless the \
model\nsets ``hide_input_in_errors=True``). ``guarded(field, locale=\"en\")`` makes one with English messages.\n\n\
>>> from pydantic import TypeAdapter\n\
>>> TypeAdapter({}).validate_python({})\n\
{}\n\"\"\"",
        pascal(FieldKind::ALL[0].name()),
        py_repr(FieldKind::ALL[0].docs().examples[0]),
        py_repr(
            FieldKind::ALL[0]
                .check(FieldKind::ALL[0].docs().examples[0])
                .map(|v| v.as_str().to_owned())
                .unwrap_or_default()
                .as_str()
        ),
    );
    let _ = writeln!(out);
    let _ = writeln!(out, "from typing import Annotated");
    let _ = writeln!(out);
    let _ = writeln!(out, "from ._pydantic import Guarded, guarded");
    let _ = writeln!(out);
    let mut names = vec!["Guarded".to_owned(), "guarded".to_owned()];
    names.extend(FieldKind::ALL.map(|k| pascal(k.name())));
    name_list(&mut out, &names);
    for kind in FieldKind::ALL {
        let _ = writeln!(out);
        let _ = writeln!(out, "{} = Annotated[str, Guarded({})]", pascal(kind.name()), py_repr(kind.name()));
        let canonical = if kind.has_display() { " (the ``value``, not the display form)" } else { "" };
        let _ = writeln!(out, "\"\"\"{}, as its canonical form{canonical}.\"\"\"", capitalised(kind.docs().what));
    }
    out
}

/// `python/pccc_guard/django.py`: a validator and a form field for every field.
pub fn django() -> String {
    let mut out = format!("# {}\n", header());
    let _ = writeln!(
        out,
        "\"\"\"Django validators and form fields for every field. A validator (``validate_<field>``) raises\n\
``ValidationError`` with the field's error code as its ``code`` and a message that never contains the input; a form\n\
field (``<Field>Field``) cleans to the canonical form and marks its input for the package's forms layer\n\
(``data-pccc-field``). Messages are in the active language when it is Korean or English, Korean otherwise.\n\"\"\""
    );
    let _ = writeln!(out);
    let _ = writeln!(out, "from ._django import FieldValidator, GuardedField");
    let _ = writeln!(out);
    let mut names = vec!["FieldValidator".to_owned(), "GuardedField".to_owned()];
    for kind in FieldKind::ALL {
        names.push(format!("validate_{}", kind.name()));
        names.push(format!("{}Field", pascal(kind.name())));
    }
    name_list(&mut out, &names);
    for kind in FieldKind::ALL {
        let (f, p, what) = (kind.name(), pascal(kind.name()), kind.docs().what);
        let _ = writeln!(out);
        let _ = writeln!(out, "validate_{f} = FieldValidator({})", py_repr(f));
        let _ = writeln!(out, "\"\"\"Raises ``ValidationError`` unless the value is {what}.\"\"\"");
        let _ = writeln!(out);
        let _ = writeln!(out);
        let _ = writeln!(out, "class {p}Field(GuardedField):");
        let _ = writeln!(out, "    \"\"\"A form field for {what}: cleans to its canonical form.\"\"\"");
        let _ = writeln!(out);
        let _ = writeln!(out, "    field = {}", py_repr(f));
        let _ = writeln!(out);
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}
