//! `pccc-guard`: checks and masks the personal customs clearance codes (and the other fields of the library) of
//! stored orders in bulk, with the same rules as the browser and the server, in constant memory.
//!
//! The rooms: `flags/` declares the command line; `check.rs` and `redact.rs` run the commands; `inputs.rs` opens
//! the inputs (`decode.rs` for encodings, `sheet.rs` for spreadsheets) and `input.rs` reads their records and rows;
//! `report.rs` (one value per record, with the PCCC fast path of `fast.rs`) and `rows.rs` (several fields per row)
//! check and print; `fields.rs` is where they meet the library's fields; `redactor.rs` streams free text;
//! `verify/` re-verifies an order export against UNI-PASS.

#![forbid(unsafe_code)]

mod check;
mod decode;
mod fast;
mod fields;
mod flags;
mod input;
mod inputs;
mod redact;
mod redactor;
mod report;
mod rows;
mod sheet;
mod verify;

use std::io;
use std::process::ExitCode;

use clap::Parser;
use pccc_guard::FieldKind;

use crate::flags::{Cli, Command};

/// The field the values are: the library's registry, named on the command line in kebab-case
/// (`FieldKind::cli_name`), so every field of the library is a field here too.
pub type Field = FieldKind;

/// A usage error: one line on stderr and exit status 2.
#[derive(Debug)]
pub struct Usage(String);

fn main() -> ExitCode {
    let result = match Cli::parse().command {
        Command::Check(args) => check::run_check(args),
        Command::Mask(args) => check::run_mask(args),
        Command::Redact(args) => redact::run(args),
        Command::Verify(args) => verify::run(args),
    };
    result.unwrap_or_else(|Usage(message)| {
        eprintln!("pccc-guard: {message}");
        ExitCode::from(2)
    })
}

/// Whether writing (or flushing) the output failed, said on stderr; a closed pipe is no failure, the run just
/// ends quietly.
fn flushed(result: io::Result<()>) -> bool {
    match result {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            eprintln!("pccc-guard: writing the output: {e}");
            true
        }
        _ => false,
    }
}
