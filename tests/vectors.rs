//! Every field's vectors, `tests/data/<field>_vectors.tsv` (one file per field of `FieldKind::ALL`, so a new
//! field's vectors are checked without a line here): each input against the field's parser through the registry,
//! its own type's `is_valid`, and `normalize` (normalising first changes no result); every error code of the field
//! has a vector.

mod common;

use pccc_guard::{normalize, FieldKind};

/// The vectors of `kind`, and the least each file must keep (so that none shrinks unnoticed).
fn file(kind: FieldKind) -> (String, usize) {
    let path = format!("{}/tests/data/{}_vectors.tsv", env!("CARGO_MANIFEST_DIR"), kind.name());
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e} (every field needs its vectors)"));
    let first = text.lines().next().unwrap_or_default();
    assert!(first.starts_with("# Source: "), "{path}: the first line says where the vectors come from");
    let min = match kind {
        FieldKind::Pccc => 50,
        FieldKind::Phone => 70,
        _ => 25,
    };
    (text, min)
}

fn checked(kind: FieldKind, input: &str) -> Result<String, &'static str> {
    kind.check(input).map(|v| v.as_str().to_owned()).map_err(|e| e.code())
}

#[test]
fn every_field_has_vectors_for_every_code_and_each_gives_its_result() {
    for kind in FieldKind::ALL {
        let (text, min) = file(kind);
        common::check_vectors(&text, min, kind.codes(), |s| checked(kind, s), |s| kind.check(s).is_ok());
    }
}

#[test]
fn normalizing_first_changes_no_pccc_result() {
    let (text, _) = file(FieldKind::Pccc);
    for v in common::vectors(&text) {
        let once = normalize(&v.input);
        assert_eq!(normalize(&once), once, "line {}: normalize is idempotent", v.line);
        assert_eq!(checked(FieldKind::Pccc, &once), checked(FieldKind::Pccc, &v.input), "line {}", v.line);
    }
}

/// The registry's behaviour flags hold on every valid vector: a field said to be ASCII-only (the JavaScript side then
/// decodes its value without a TextDecoder) has only ASCII values and display forms.
#[test]
fn every_valid_vector_of_an_ascii_only_field_is_ascii() {
    for kind in FieldKind::ALL {
        let (text, _) = file(kind);
        let mut non_ascii = 0;
        for v in common::vectors(&text) {
            if let Ok(value) = kind.check(&v.input) {
                let ascii = value.as_str().is_ascii() && value.display().is_none_or(str::is_ascii);
                assert!(ascii || !kind.ascii_only(), "{kind:?} line {}", v.line);
                non_ascii += usize::from(!ascii);
            }
        }
        // A field that is not ASCII-only has vectors that show why.
        assert_eq!(non_ascii > 0, !kind.ascii_only(), "{kind:?}");
    }
}
