//! Every vector in `tests/data/pccc_vectors.tsv` against `Pccc::parse`, `Pccc::is_valid` and `normalize`.

mod common;

use pccc_guard::{normalize, Pccc};

const VECTORS: &str = include_str!("data/pccc_vectors.tsv");

#[test]
fn every_vector_gives_its_expected_result() {
    let vectors = common::vectors(VECTORS);
    assert!(vectors.len() >= 50, "the vector file should not shrink unnoticed");
    for v in &vectors {
        let got = match Pccc::parse(&v.input) {
            Ok(code) => format!("valid:{code}"),
            Err(err) => err.code().to_owned(),
        };
        assert_eq!(got, v.expected, "line {} ({}): {:?}", v.line, v.why, v.input);
        assert_eq!(Pccc::is_valid(&v.input), v.expected.starts_with("valid:"), "line {}", v.line);
    }
}

#[test]
fn normalizing_first_changes_no_result() {
    for v in common::vectors(VECTORS) {
        let once = normalize(&v.input);
        assert_eq!(normalize(&once), once, "line {}: normalize is idempotent", v.line);
        assert_eq!(
            Pccc::parse(&once).map_err(|e| e.code()),
            Pccc::parse(&v.input).map_err(|e| e.code()),
            "line {}: validate(normalize(x)) == validate(x)",
            v.line
        );
    }
}

#[test]
fn every_error_code_has_a_vector() {
    let vectors = common::vectors(VECTORS);
    for code in pccc_guard::PcccError::CODES {
        assert!(vectors.iter().any(|v| v.expected == code), "no vector for {code}");
    }
}
