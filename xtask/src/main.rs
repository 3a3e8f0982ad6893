//! `cargo run -p pccc-guard-xtask -- contract [DIR]`: writes the files generated from the field registry into DIR
//! (`js/api` by default; `make build` runs it), leaving a file that is already up to date untouched.
//! `cargo run -p pccc-guard-xtask -- python`: writes the Python package's files generated from the field registry
//! (`make python` runs it), leaving a file that is already up to date untouched.
//! `cargo run -p pccc-guard-xtask -- naming`: lists hand-written code that names a particular field outside its
//! module and the registry (what `tests/naming.rs` checks).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn contract(dir: &Path) -> ExitCode {
    write(pccc_guard_xtask::contract::files().into_iter().map(|(name, text)| (dir.join(name), text)))
}

/// Writes each file whose text differs from what it holds.
fn write(files: impl IntoIterator<Item = (PathBuf, String)>) -> ExitCode {
    for (path, text) in files {
        let unchanged = std::fs::read_to_string(&path).is_ok_and(|old| old == text);
        if !unchanged {
            if let Err(e) = std::fs::write(&path, text) {
                eprintln!("xtask: cannot write {}: {e}", path.display());
                return ExitCode::from(2);
            }
        }
    }
    ExitCode::SUCCESS
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn naming() -> ExitCode {
    let root = root();
    match pccc_guard_xtask::naming::scan(&root) {
        Ok(found) if found.is_empty() => ExitCode::SUCCESS,
        Ok(found) => {
            for m in found {
                println!("{m}");
            }
            ExitCode::from(1)
        }
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::from(2)
        }
    }
}

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1);
    match args.next().as_deref().and_then(|a| a.to_str()) {
        Some("contract") => contract(&PathBuf::from(args.next().unwrap_or_else(|| "js/api".into()))),
        Some("python") => {
            write(pccc_guard_xtask::python::files().into_iter().map(|(path, text)| (root().join(path), text)))
        }
        Some("naming") => naming(),
        _ => {
            eprintln!("usage: cargo run -p pccc-guard-xtask -- contract [DIR] | python | naming");
            ExitCode::from(2)
        }
    }
}
