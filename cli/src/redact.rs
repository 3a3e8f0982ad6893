//! `pccc-guard redact`: each input streamed through one [`Redactor`] in order, then the counts (`--count`) or the
//! summary (`--check`), and the exit status.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use pccc_guard::Kind;

use crate::flags::RedactArgs;
use crate::inputs::{open, Failure};
use crate::redactor::{self, Counts, Redactor};
use crate::{flushed, Usage};

/// `pccc-guard redact`.
pub fn run(args: RedactArgs) -> Result<ExitCode, Usage> {
    let policies = args.masks.policies(|| args.kinds())?;
    let files = if args.files.is_empty() { vec![PathBuf::from("-")] } else { args.files.clone() };
    let mut redactor = Redactor::new(policies, args.buffer_size);
    let mut counts = Counts::default();
    let mut stdout = io::stdout().lock();
    let text = !args.count && !args.check;
    let mut failed = false;
    for path in &files {
        let output = if text { Some(&mut stdout) } else { None };
        let result = match open(path) {
            Ok(reader) => redactor.stream(reader, output, &mut counts),
            Err(Failure::Io(e)) => Err(redactor::Failure::Read(e)),
            Err(Failure::Usage(message)) => return Err(Usage(message)),
        };
        match result {
            Ok(()) => {}
            Err(redactor::Failure::Read(e)) => {
                eprintln!("pccc-guard: {}: {e}", path.display());
                failed = true;
            }
            Err(redactor::Failure::Write(e)) => {
                if e.kind() != io::ErrorKind::BrokenPipe {
                    eprintln!("pccc-guard: writing the output: {e}");
                    failed = true;
                }
                return Ok(ExitCode::from(if failed { 2 } else { 0 }));
            }
        }
    }
    let kinds: Vec<Kind> = Kind::ALL.into_iter().filter(|k| policies.enabled_kinds().contains(*k)).collect();
    if args.count {
        let table: String = kinds.iter().map(|k| format!("{}\t{}\n", k.code(), counts.of(*k))).collect();
        failed |= flushed(stdout.write_all(table.as_bytes()));
    }
    failed |= flushed(stdout.flush());
    let found = counts.total();
    if args.check && !args.quiet {
        let per_kind: Vec<String> = kinds.iter().map(|k| format!("{} {}", k.code(), counts.of(*k))).collect();
        let noun = if found == 1 { "personal number" } else { "personal numbers" };
        eprintln!("pccc-guard: {found} {noun} found ({})", per_kind.join(", "));
    }
    Ok(ExitCode::from(if failed {
        2
    } else if args.check && found > 0 {
        1
    } else {
        0
    }))
}
