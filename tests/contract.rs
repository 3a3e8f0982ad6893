//! The JavaScript contract (`js/contract.js`, `js/contract.d.ts`) must be what the Rust side generates now: a
//! slot, field number, error code or capacity changed on one side only fails here. `make build` rewrites the
//! files (`cargo run --example js_contract -- js`).

#![cfg(not(target_arch = "wasm32"))]

use std::fs;

fn committed(name: &str) -> String {
    let path = format!("{}/js/{name}", env!("CARGO_MANIFEST_DIR"));
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn same(name: &str, generated: &str) {
    let file = committed(name);
    if file != generated {
        let line = file.lines().zip(generated.lines()).position(|(a, b)| a != b).map_or(0, |i| i + 1);
        panic!(
            "js/{name} differs from what the Rust side generates (first difference at line {line}): the JavaScript and \
             the Rust disagree. Run `cargo run --example js_contract -- js` (or `make build`) and review the change."
        );
    }
}

#[test]
fn the_javascript_contract_is_what_rust_generates() {
    same("contract.js", &pccc_guard::contract::javascript());
}

#[test]
fn the_typescript_contract_is_what_rust_generates() {
    same("contract.d.ts", &pccc_guard::contract::typescript());
}

#[test]
fn the_contract_names_every_field_and_slot() {
    let js = committed("contract.js");
    for kind in pccc_guard::FieldKind::ALL {
        assert!(js.contains(&format!("  {}: {{ id: {}, ", kind.js_name(), kind.id())), "{kind:?}");
        for code in kind.codes() {
            assert!(js.contains(&format!("'{code}'")), "{kind:?} {code}");
        }
    }
    for (name, n) in pccc_guard::boundary::slot::ALL {
        assert!(js.contains(&format!("export const {name} = {n};")), "{name}");
    }
}
