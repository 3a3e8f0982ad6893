//! `pccc-guard`: checks and masks the personal customs clearance codes (and mobile numbers, postcodes and names)
//! of stored orders in bulk, with the same rules as the browser and the server, in constant memory.

#![forbid(unsafe_code)]

mod fast;
mod input;
mod redact;
mod report;

use std::fs::File;
use std::io::{self, IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use pccc_guard::{Kind, Kinds, Locale, MaskError, NameMask, PcccMask, PhoneMask, Policies};

use crate::input::{Chunks, CsvError};
use crate::report::{Format, Report};

const EXAMPLES: &str = "\
Examples:
  # One code per line; every record, masked, then a summary per error code on stderr
  pccc-guard check codes.txt

  # The pccc column of a CSV export with a header row; only the records to fix
  pccc-guard check --csv --column pccc --only-invalid orders.csv

  # Mobile numbers under the key \"phone\" of JSON Lines, as JSON lines, from stdin
  zcat orders.jsonl.gz | pccc-guard check --jsonl --key phone --field phone --json

  # Canonical values (unmasked) to fix records by hand
  pccc-guard check --csv --column pccc --show-values --only-invalid orders.csv

  # Masked codes for a support export: P12******9012
  pccc-guard mask --keep-start 2 --keep-end 4 codes.txt

  # Personal numbers in free text (logs, memos) masked, everything else unchanged
  pccc-guard redact app.log > app.redacted.log

  # A CI step that fails when a log holds a personal number
  pccc-guard redact --check build.log

  # A large job in four shards, one per core, no coordination needed (GNU split and parallel)
  split -n l/4 codes.txt part- && ls part-* | parallel 'pccc-guard check --only-invalid {} > {}.tsv'
  (CSV shards each need the header row: see the README)

Exit status: 0 every record valid, 1 some record invalid, 2 usage or I/O error.
(redact: 0 done, 1 with --check when something was found, 2 usage or I/O error.)";

const REDACT_AFTER: &str = "\
Finds customs codes (P + 12 digits), resident registration numbers and Korean mobile numbers in
any text by the library's rules, and masks them with the field policies: P********9012,
******-*******, 010-1234-****. Every other byte passes through unchanged, invalid UTF-8 included.
The input is streamed in constant memory and need not have line breaks. Several files are read
one after the other (a number never spans two files) and written out one after the other.

Output:
  (default)        the redacted text, on stdout
  --count          kind TAB count per kind looked for, over all inputs, instead of the text
  --check          no text; one line on stderr (how many were found, per kind); status 1 if any
  --check --count  the counts on stdout, and the exit status of --check

Examples:
  # Clean a log before sharing it
  pccc-guard redact app.log > app.redacted.log

  # Clean a log as it is written; keep 2 leading PCCC digits, show phones as 010-****-5678
  tail -F app.log | pccc-guard redact --keep-start 2 --phone-keep-start 3 --phone-keep-end 4

  # Fail a CI job when a log holds a personal number (exit status 1)
  pccc-guard redact --check build.log test-output.log

  # How many of each kind, looking only for customs codes and RRNs
  zcat app.log.gz | pccc-guard redact --count --kinds pccc,rrn

Exit status: 0 done (with --check: nothing found), 1 with --check: something was found,
2 usage or I/O error (a file that cannot be read is reported, and the others are still read).";

const CHECK_AFTER: &str = "\
Output, one line per record (TSV, no header): [file TAB] line TAB valid|invalid TAB code TAB value
  line   the line number where the record starts (1-based; in a CSV file the header is line 1)
  code   the error code (as in the library and the JavaScript API), or: not_utf8, record_too_long,
         malformed_row (CSV row with the wrong number of fields), malformed_json, missing_key, not_a_string
  value  masked (PCCC P********9012, phone 010-1234-****, name 홍*동; an invalid value shows only its
         length); postcodes are not masked, as in the library; with --show-values the canonical value, or
         the value as stored when it is invalid
With --json: {\"line\":…,\"valid\":…,\"code\":…,\"value\":…} per line. A file column (\"file\" member) is added
when several files are given. Then, on stderr: the number of records, valid and invalid, and a count per
error code.";

/// Checks and masks personal customs clearance codes (PCCC), mobile numbers, postcodes and names in stored
/// orders, with the same rules as pccc-guard in the browser and on the server.
#[derive(Parser)]
#[command(name = "pccc-guard", version, about, after_help = EXAMPLES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Checks one value per record and prints each record's result, then a summary on stderr.
    #[command(after_help = CHECK_AFTER)]
    Check {
        #[command(flatten)]
        input: InputArgs,
        #[command(flatten)]
        policy: PolicyArgs,
        /// Print JSON lines instead of TSV.
        #[arg(long)]
        json: bool,
        /// Print canonical values (and invalid values as stored) instead of masked ones.
        #[arg(long)]
        show_values: bool,
        /// Print invalid records only (the summary still counts every record).
        #[arg(long)]
        only_invalid: bool,
        /// No summary and no progress bar on stderr.
        #[arg(short, long)]
        quiet: bool,
    },
    /// Prints the masked value of each record, one per line (an invalid value shows only its length).
    Mask {
        #[command(flatten)]
        input: InputArgs,
        #[command(flatten)]
        policy: PolicyArgs,
        /// No summary and no progress bar on stderr.
        #[arg(short, long)]
        quiet: bool,
    },
    /// Masks the customs codes, resident registration numbers and mobile numbers in free text (logs,
    /// memos, exports), passing every other byte through.
    #[command(after_help = REDACT_AFTER)]
    Redact(RedactArgs),
}

#[derive(Args)]
struct RedactArgs {
    /// Files to read; standard input when none is given, or for "-".
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,
    /// The kinds to look for, comma-separated, from pccc, rrn and phone [default: all three].
    #[arg(long, value_name = "LIST")]
    kinds: Option<String>,
    /// Print a count per kind (kind TAB count) instead of the text.
    #[arg(long)]
    count: bool,
    /// Print no text; exit with status 1 if anything was found (a summary goes to stderr).
    #[arg(long)]
    check: bool,
    /// No summary on stderr with --check.
    #[arg(short, long)]
    quiet: bool,
    /// PCCC digits kept visible at the start, after the P [default: 0].
    #[arg(long, value_name = "N")]
    keep_start: Option<usize>,
    /// PCCC digits kept visible at the end [default: 4].
    #[arg(long, value_name = "N")]
    keep_end: Option<usize>,
    /// Mobile number digits kept visible at the start, counted from the domestic 0 [default: 7].
    #[arg(long, value_name = "N")]
    phone_keep_start: Option<usize>,
    /// Mobile number digits kept visible at the end [default: 0].
    #[arg(long, value_name = "N")]
    phone_keep_end: Option<usize>,
    /// The character that replaces hidden digits, for every kind [default: *]. An RRN is always hidden whole.
    #[arg(long, value_name = "CHAR")]
    mask_char: Option<char>,
    /// Bytes read at a time (tests drive reads down to a few bytes, so that numbers straddle many reads).
    #[arg(long, hide = true, default_value_t = redact::READ_SIZE, value_parser = positive)]
    buffer_size: usize,
}

#[derive(Args)]
struct InputArgs {
    /// Files to read; standard input when none is given, or for "-".
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,
    /// Which field the values are.
    #[arg(long, value_enum, default_value_t = Field::Pccc)]
    field: Field,
    /// Read CSV with a header row (RFC 4180) and check one column.
    #[arg(long, conflicts_with = "jsonl")]
    csv: bool,
    /// Read JSON Lines (one object per line) and check one key.
    #[arg(long)]
    jsonl: bool,
    /// The CSV column to check, by its name in the header row [default: the field's name].
    #[arg(long, value_name = "NAME", requires = "csv")]
    column: Option<String>,
    /// The JSON Lines key to check [default: the field's name].
    #[arg(long, value_name = "NAME", requires = "jsonl")]
    key: Option<String>,
}

#[derive(Args)]
struct PolicyArgs {
    /// Digits kept visible at the start (PCCC: after the P; default 0; phone: default 7).
    #[arg(long, value_name = "N")]
    keep_start: Option<usize>,
    /// Digits kept visible at the end (PCCC: default 4; phone: default 0).
    #[arg(long, value_name = "N")]
    keep_end: Option<usize>,
    /// The character that hides the others (default *).
    #[arg(long, value_name = "CHAR")]
    mask_char: Option<char>,
}

/// The field the values are.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Field {
    /// Personal customs clearance code: P and 12 digits.
    Pccc,
    /// Korean mobile number.
    Phone,
    /// 5-digit postcode.
    Postcode,
    /// Recipient name.
    Name,
}

impl Field {
    fn name(self) -> &'static str {
        match self {
            Field::Pccc => "pccc",
            Field::Phone => "phone",
            Field::Postcode => "postcode",
            Field::Name => "name",
        }
    }
}

/// The library's mask for the field, checked.
pub enum Masks {
    Pccc(PcccMask),
    Phone(PhoneMask),
    Name(NameMask),
    /// Postcodes are not masked (as in the library).
    Postcode,
}

/// A field's mask policy and its fill character.
pub struct Policy {
    pub masks: Masks,
    pub fill: char,
}

/// A usage error: one line on stderr and exit status 2.
struct Usage(String);

impl PolicyArgs {
    fn policy(&self, field: Field) -> Result<Policy, Usage> {
        let fill = self.mask_char.unwrap_or('*');
        let refused = |e: MaskError| Usage(format!("the mask policy is refused: {}", e.message(Locale::En)));
        let masks = match field {
            Field::Pccc => {
                let d = PcccMask::new();
                let mask = d.keep_start(self.keep_start.unwrap_or(0)).keep_end(self.keep_end.unwrap_or(4)).fill(fill);
                mask.check().map_err(refused)?;
                Masks::Pccc(mask)
            }
            Field::Phone => {
                let mask = PhoneMask::new()
                    .keep_start(self.keep_start.unwrap_or(7))
                    .keep_end(self.keep_end.unwrap_or(0))
                    .fill(fill);
                mask.check().map_err(refused)?;
                Masks::Phone(mask)
            }
            Field::Name | Field::Postcode if self.keep_start.is_some() || self.keep_end.is_some() => {
                return Err(Usage(format!("--keep-start and --keep-end do not apply to --field {}", field.name())));
            }
            Field::Name => {
                let mask = NameMask::new().fill(fill);
                mask.check().map_err(refused)?;
                Masks::Name(mask)
            }
            Field::Postcode => {
                NameMask::new().fill(fill).check().map_err(refused)?;
                Masks::Postcode
            }
        };
        Ok(Policy { masks, fill })
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(Usage(message)) => {
            eprintln!("pccc-guard: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode, Usage> {
    let (input, policy, format, show_values, only_invalid, quiet) = match cli.command {
        Command::Check { input, policy, json, show_values, only_invalid, quiet } => {
            (input, policy, if json { Format::Json } else { Format::Tsv }, show_values, only_invalid, quiet)
        }
        Command::Redact(args) => return run_redact(args),
        Command::Mask { input, policy, quiet } => {
            if input.field == Field::Postcode {
                return Err(Usage(
                    "postcodes are not masked (the library has no postcode mask); use `check --field postcode`".into(),
                ));
            }
            (input, policy, Format::Value, false, false, quiet)
        }
    };
    let policy = policy.policy(input.field)?;
    let files = if input.files.is_empty() { vec![PathBuf::from("-")] } else { input.files.clone() };
    let progress = progress_bar(&files, quiet);
    let stdout = io::stdout().lock();
    let mut report = Report::new(stdout, format, input.field, policy, show_values, only_invalid);
    let mut failed = false;
    for path in &files {
        if files.len() > 1 {
            report.set_file(&path.to_string_lossy());
        }
        let result = open(path).and_then(|reader| read(reader, &input, &mut report, &progress));
        match result {
            Ok(()) => {}
            Err(Failure::Usage(message)) => return Err(Usage(message)),
            Err(Failure::Io(e)) if e.kind() == io::ErrorKind::BrokenPipe => break,
            Err(Failure::Io(e)) => {
                progress.suspend(|| eprintln!("pccc-guard: {}: {e}", path.display()));
                failed = true;
            }
        }
    }
    match report.flush() {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            eprintln!("pccc-guard: writing the output: {e}");
            failed = true;
        }
        _ => {}
    }
    progress.finish_and_clear();
    let invalid = report.invalid_total();
    if !quiet {
        let mut summary =
            format!("pccc-guard: {} records, {} valid, {invalid} invalid\n", report.valid + invalid, report.valid);
        let mut codes = report.invalid.clone();
        codes.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        for (code, n) in codes {
            summary.push_str(&format!("  {n:>12}  {code}\n"));
        }
        let _ = io::stderr().write_all(summary.as_bytes());
    }
    Ok(ExitCode::from(if failed {
        2
    } else if invalid > 0 {
        1
    } else {
        0
    }))
}

/// A whole number of at least 1.
fn positive(text: &str) -> Result<usize, String> {
    match text.parse() {
        Ok(n) if n > 0 => Ok(n),
        _ => Err("a whole number of at least 1".into()),
    }
}

impl RedactArgs {
    /// The kinds of `--kinds`.
    fn kinds(&self) -> Result<Kinds, Usage> {
        let Some(list) = &self.kinds else { return Ok(Kinds::ALL) };
        list.split(',').map(str::trim).try_fold(Kinds::NONE, |kinds, code| match Kind::from_code(code) {
            Some(kind) => Ok(kinds.with(kind)),
            None => Err(Usage(format!("--kinds: unknown kind {code:?}; the kinds: {}", Kind::CODES.join(", ")))),
        })
    }

    /// The policies of the mask options, checked.
    fn policies(&self) -> Result<Policies, Usage> {
        let fill = self.mask_char.unwrap_or('*');
        let mut pccc = PcccMask::new().fill(fill);
        pccc = self.keep_start.map_or(pccc, |n| pccc.keep_start(n));
        pccc = self.keep_end.map_or(pccc, |n| pccc.keep_end(n));
        let mut phone = PhoneMask::new().fill(fill);
        phone = self.phone_keep_start.map_or(phone, |n| phone.keep_start(n));
        phone = self.phone_keep_end.map_or(phone, |n| phone.keep_end(n));
        let refused =
            |which: &str, e: MaskError| Usage(format!("the {which} mask policy is refused: {}", e.message(Locale::En)));
        pccc.check().map_err(|e| refused("PCCC", e))?;
        phone.check().map_err(|e| refused("mobile number", e))?;
        let policies = Policies::new().pccc(pccc).phone(phone).rrn_fill(fill).kinds(self.kinds()?);
        policies.check().map_err(|e| refused("RRN", e))?;
        Ok(policies)
    }
}

/// `pccc-guard redact`: each input streamed through one [`redact::Redactor`], in order.
fn run_redact(args: RedactArgs) -> Result<ExitCode, Usage> {
    let policies = args.policies()?;
    let files = if args.files.is_empty() { vec![PathBuf::from("-")] } else { args.files.clone() };
    let mut redactor = redact::Redactor::new(policies, args.buffer_size);
    let mut counts = redact::Counts::default();
    let mut stdout = io::stdout().lock();
    let text = !args.count && !args.check;
    let mut failed = false;
    for path in &files {
        let output = if text { Some(&mut stdout) } else { None };
        let result = match open(path) {
            Ok(reader) => redactor.stream(reader, output, &mut counts),
            Err(Failure::Io(e)) => Err(redact::Failure::Read(e)),
            Err(Failure::Usage(message)) => return Err(Usage(message)),
        };
        match result {
            Ok(()) => {}
            Err(redact::Failure::Read(e)) => {
                eprintln!("pccc-guard: {}: {e}", path.display());
                failed = true;
            }
            Err(redact::Failure::Write(e)) => {
                if e.kind() != io::ErrorKind::BrokenPipe {
                    eprintln!("pccc-guard: writing the output: {e}");
                    failed = true;
                }
                return Ok(ExitCode::from(if failed { 2 } else { 0 }));
            }
        }
    }
    let kinds = policies.enabled_kinds();
    if args.count {
        let mut table = String::new();
        for kind in Kind::ALL.into_iter().filter(|k| kinds.contains(*k)) {
            table.push_str(&format!("{}\t{}\n", kind.code(), counts.of(kind)));
        }
        if let Err(e) = stdout.write_all(table.as_bytes()) {
            if e.kind() != io::ErrorKind::BrokenPipe {
                eprintln!("pccc-guard: writing the output: {e}");
                failed = true;
            }
        }
    }
    match stdout.flush() {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            eprintln!("pccc-guard: writing the output: {e}");
            failed = true;
        }
        _ => {}
    }
    let found = counts.total();
    if args.check && !args.quiet {
        let per_kind: Vec<String> = Kind::ALL
            .into_iter()
            .filter(|k| kinds.contains(*k))
            .map(|k| format!("{} {}", k.code(), counts.of(k)))
            .collect();
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

/// Why reading an input stopped.
enum Failure {
    Io(io::Error),
    /// Stops the whole run (e.g. a CSV file without the column).
    Usage(String),
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Failure {
        Failure::Io(e)
    }
}

fn open(path: &PathBuf) -> Result<Box<dyn Read>, Failure> {
    if path.as_os_str() == "-" {
        Ok(Box::new(io::stdin().lock()))
    } else {
        Ok(Box::new(File::open(path)?))
    }
}

fn read<W: Write>(
    reader: Box<dyn Read>,
    args: &InputArgs,
    report: &mut Report<W>,
    progress: &ProgressBar,
) -> Result<(), Failure> {
    let mut chunks = Chunks::new(reader);
    let tick = |n: u64| progress.inc(n);
    if args.csv {
        let column = args.column.as_deref().unwrap_or(args.field.name());
        input::csv(&mut chunks, column, tick, report).map_err(|e| match e {
            CsvError::Io(e) => Failure::Io(e),
            CsvError::NoSuchColumn(names) => Failure::Usage(format!(
                "no column named {column:?} in the header row; its columns: {}",
                names.join(", ")
            )),
        })
    } else if args.jsonl {
        let key = args.key.as_deref().unwrap_or(args.field.name());
        Ok(input::jsonl(&mut chunks, key, tick, report)?)
    } else {
        Ok(input::lines(&mut chunks, tick, report)?)
    }
}

/// A progress bar on stderr when it is a terminal: bytes read, of the files' total size when known.
fn progress_bar(files: &[PathBuf], quiet: bool) -> ProgressBar {
    if quiet || !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let sizes: Option<u64> =
        files.iter().map(|p| if p.as_os_str() == "-" { None } else { p.metadata().ok().map(|m| m.len()) }).sum();
    let bar = match sizes {
        Some(total) => ProgressBar::new(total).with_style(
            ProgressStyle::with_template(
                "{bar:40} {binary_bytes}/{binary_total_bytes} {binary_bytes_per_sec} eta {eta}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
        ),
        None => ProgressBar::new_spinner().with_style(
            ProgressStyle::with_template("{spinner} {binary_bytes} {binary_bytes_per_sec}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        ),
    };
    bar.set_draw_target(ProgressDrawTarget::stderr_with_hz(4));
    bar
}
