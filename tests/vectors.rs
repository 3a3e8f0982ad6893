//! Every vector in `tests/data/pccc_vectors.tsv` against `Pccc::parse`, `Pccc::is_valid` and `normalize`.

mod common;

use pccc_guard::{normalize, Pccc};

const VECTORS: &str = include_str!("data/pccc_vectors.tsv");

#[test]
fn every_vector_gives_its_expected_result() {
    common::check_vectors(
        VECTORS,
        50,
        &pccc_guard::PcccError::CODES,
        |s| Pccc::parse(s).map(|v| v.to_string()).map_err(|e| e.code()),
        Pccc::is_valid,
    );
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
