//! The generated JavaScript and TypeScript (`js/contract.*`, `js/api-fields.*`, `js/schema-fields.*`) must be what
//! the Rust side generates now: a slot, field number, error code, capacity or field changed on one side only fails
//! here. `make build` rewrites the files (`cargo run -p pccc-guard-xtask -- contract js/api`).

use std::fs;

use pccc_guard::FieldKind;
use pccc_guard_xtask::contract::{files, pascal, HEADER};

fn committed(name: &str) -> String {
    let path = format!("{}/../js/api/{name}", env!("CARGO_MANIFEST_DIR"));
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn every_generated_file_is_what_rust_generates() {
    for (name, generated) in files() {
        let file = committed(name);
        if file != generated {
            let line = file.lines().zip(generated.lines()).position(|(a, b)| a != b).map_or(0, |i| i + 1);
            panic!(
                "js/api/{name} differs from what the Rust side generates (first difference at line {line}): the JavaScript \
                 and the Rust disagree. Run `cargo run -p pccc-guard-xtask -- contract js/api` (or `make build`) and review \
                 the change."
            );
        }
    }
}

#[test]
fn every_generated_file_says_so_in_its_first_line() {
    for (name, text) in files() {
        assert_eq!(text.lines().next(), Some(format!("// {HEADER}").as_str()), "{name}");
        assert!(HEADER.contains("Do not edit"));
    }
}

#[test]
fn the_contract_names_every_field_and_slot() {
    let js = committed("contract.js");
    for kind in FieldKind::ALL {
        assert!(js.contains(&format!("  {}: {{ id: {}, ", kind.js_name(), kind.id())), "{kind:?}");
        for code in kind.codes() {
            assert!(js.contains(&format!("'{code}'")), "{kind:?} {code}");
        }
    }
    for (name, n) in pccc_guard::boundary::slot::ALL {
        assert!(js.contains(&format!("export const {name} = {n};")), "{name}");
    }
}

#[test]
fn every_field_has_its_named_functions_and_types() {
    let (api, types, schema) =
        (committed("api-fields.js"), committed("api-fields.d.ts"), committed("schema-fields.js"));
    for kind in FieldKind::ALL {
        let p = pascal(kind.name());
        for f in [format!("validate{p}"), format!("isValid{p}")] {
            assert!(api.contains(&format!("export const {f} = ")), "{f}");
            assert!(types.contains(&format!("export function {f}(")), "{f}");
        }
        let masked = types.contains(&format!("export function mask{p}("));
        assert_eq!(masked, kind.mask_rule() != pccc_guard::MaskRule::None, "mask{p}");
        assert!(schema.contains(&format!("export const {}Schema = ", kind.js_name())), "{p}");
    }
}
