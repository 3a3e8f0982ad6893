//! The Python package's generated files (`python/src/fields.rs`, `python/pccc_guard/__init__.py`, `_fields.py`,
//! `_fields.pyi`, `pydantic.py`, `django.py`) must be what the registry generates now: a field added, renamed or
//! given a mask on the Rust side alone fails here. `make python` rewrites them
//! (`cargo run -p pccc-guard-xtask -- python`).

use std::fs;

use pccc_guard::{FieldKind, MaskRule};
use pccc_guard_xtask::contract::pascal;
use pccc_guard_xtask::python::{files, function_names, header, py_repr, COMMAND};

fn committed(path: &str) -> String {
    let full = format!("{}/../{path}", env!("CARGO_MANIFEST_DIR"));
    fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
}

#[test]
fn every_generated_file_is_what_the_registry_generates() {
    for (path, generated) in files() {
        let file = committed(path);
        if file != generated {
            let line = file.lines().zip(generated.lines()).position(|(a, b)| a != b).map_or(0, |i| i + 1);
            panic!(
                "{path} differs from what the registry generates (first difference at line {line}). Run `{COMMAND}` \
                 (or `make python`) and review the change."
            );
        }
    }
}

#[test]
fn every_generated_file_says_so_in_its_first_line() {
    for (path, text) in files() {
        let marker = if path.ends_with(".rs") { "// " } else { "# " };
        assert_eq!(text.lines().next(), Some(format!("{marker}{}", header()).as_str()), "{path}");
        assert!(header().contains("Do not edit"));
    }
}

#[test]
fn every_field_has_its_functions_types_and_adapters() {
    let (rust, package, stubs) = (
        committed("python/src/fields.rs"),
        committed("python/pccc_guard/__init__.py"),
        committed("python/pccc_guard/_fields.pyi"),
    );
    let (pydantic, django) = (committed("python/pccc_guard/pydantic.py"), committed("python/pccc_guard/django.py"));
    for kind in FieldKind::ALL {
        let names = function_names(kind);
        let f = kind.name();
        assert_eq!(names.contains(&format!("mask_{f}")), kind.mask_rule() != MaskRule::None, "mask_{f}");
        for name in names {
            assert!(rust.contains(&format!("    pub fn {name}(")), "{name} in fields.rs");
            assert!(rust.contains(&format!("wrap_pyfunction!({f}::{name}, m)")), "{name} registered");
            assert!(package.contains(&format!("    {},\n", py_repr(&name))), "{name} in __all__");
            assert!(stubs.contains(&format!("\ndef {name}(")), "{name} typed");
        }
        assert!(pydantic.contains(&format!("\n{} = Annotated[str, Guarded({})]\n", pascal(f), py_repr(f))), "{f}");
        assert!(django.contains(&format!("\nvalidate_{f} = FieldValidator({})\n", py_repr(f))), "{f}");
        assert!(django.contains(&format!("\nclass {}Field(GuardedField):\n", pascal(f))), "{f}");
    }
}

#[test]
fn python_literals_are_what_repr_prints() {
    assert_eq!(py_repr("P123456789012"), "'P123456789012'");
    assert_eq!(py_repr("Mary O'Neil"), "\"Mary O'Neil\"");
    assert_eq!(py_repr("'\""), "'\\'\"'");
    assert_eq!(py_repr("a\\b\n"), "'a\\\\b\\n'");
    assert_eq!(py_repr("\u{3000}\u{200b}\u{a0}\u{1}홍ｐ"), "'\\u3000\\u200b\\xa0\\x01홍ｐ'");
}
