//! Writes the JavaScript contract generated from the Rust side (`pccc_guard::contract`) into a folder:
//! `cargo run --example js_contract -- js` (what `make build` runs) writes `js/contract.js` and `js/contract.d.ts`.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let dir = PathBuf::from(std::env::args_os().nth(1).unwrap_or_else(|| "js".into()));
    let files =
        [("contract.js", pccc_guard::contract::javascript()), ("contract.d.ts", pccc_guard::contract::typescript())];
    for (name, text) in files {
        let path = dir.join(name);
        let unchanged = std::fs::read_to_string(&path).is_ok_and(|old| old == text);
        if !unchanged {
            if let Err(e) = std::fs::write(&path, text) {
                eprintln!("js_contract: cannot write {}: {e}", path.display());
                return ExitCode::from(2);
            }
        }
    }
    ExitCode::SUCCESS
}
