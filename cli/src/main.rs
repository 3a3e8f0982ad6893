//! `pccc-guard`: checks and masks the personal customs clearance codes (and mobile numbers, postcodes and names)
//! of stored orders in bulk, with the same rules as the browser and the server, in constant memory.

#![forbid(unsafe_code)]

mod decode;
mod fast;
mod fields;
mod input;
mod redact;
mod report;
mod rows;
mod sheet;

use std::fs::File;
use std::io::{self, IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use pccc_guard::{FieldKind, Kind, Kinds, Locale, MaskError, MaskRule, PcccMask, PhoneMask, Policies};

use crate::decode::Decoding;
use crate::fields::FieldMasks;
use crate::input::{Chunks, CsvError};
use crate::report::{Format, Report};
use crate::rows::{RowFormat, RowOut, Rows};
use crate::sheet::SheetError;

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

  # A CSV saved by Korean Excel (CP949), its column named in Korean
  pccc-guard check --csv --encoding cp949 --column 개인통관고유부호 --only-invalid orders.csv

  # Several fields of each row at once, with the recipient check
  pccc-guard check --columns pccc=개인통관고유부호,phone=휴대전화,postcode=우편번호,name=받는분 orders.xlsx

  # An annotated copy of an .xlsx export to work from (UTF-8 CSV with a BOM, as Korean Excel opens it)
  pccc-guard check --annotate --column 개인통관고유부호 --only-invalid orders.xlsx > to-fix.csv

  # Masked codes for a support export: P12******9012
  pccc-guard mask --pccc-keep-start 2 --pccc-keep-end 4 codes.txt

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
  tail -F app.log | pccc-guard redact --pccc-keep-start 2 --phone-keep-start 3 --phone-keep-end 4

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
error code.

Several fields (--columns pccc=COLUMN,phone=COLUMN,…): one line per row, TSV
  line TAB valid|invalid, then code TAB value per field in the order given
or with --json the recipient check's JSON (as the JavaScript API's checkRecipient) with the line:
  {\"line\":…,\"valid\":…,\"fields\":{\"pccc\":{\"valid\":true,\"value\":…},…}}
(fields not given are not checked; values masked unless --show-values).

--annotate: the table written back as CSV (UTF-8 with a BOM; --keep-encoding: the input's encoding), every
column in its place with the checked values masked, then a status column (valid, invalid, or the row's own
code) and, per checked field, an error code and an error message column (--lang ko|en).

Inputs: text in UTF-8 unless --encoding says otherwise (cp949/euc-kr, utf-16le, …; a BOM decides by itself;
bytes that the encoding does not allow make a value not_decodable, and one line on stderr names the first
line). Files named .xlsx, .xlsm, .xlsb, .xls or .ods (or --spreadsheet) are read as spreadsheets: the first
sheet or --sheet NAME, its first non-empty row the header, row numbers as the spreadsheet shows them.";

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
    /// Checks one value per record, or several fields per row, and prints each record's result (or an
    /// annotated copy of the table), then a summary on stderr.
    #[command(after_help = CHECK_AFTER)]
    Check(CheckArgs),
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
struct CheckArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Several fields per row, checked together (CSV or a sheet): FIELD=COLUMN pairs, comma-separated, with
    /// the fields pccc, phone, postcode and name, e.g. pccc=개인통관고유부호,phone=휴대전화 (a bare FIELD is the
    /// column of that name).
    #[arg(long, value_name = "LIST", conflicts_with_all = ["column", "jsonl"])]
    columns: Option<String>,
    /// Write the table back (CSV, UTF-8 with a BOM) with every column, the checked values masked, and a status
    /// column plus an error code and message column per checked field.
    #[arg(long, conflicts_with_all = ["json", "jsonl"])]
    annotate: bool,
    /// With --annotate: write in the input's encoding (e.g. CP949) instead of UTF-8 with a BOM.
    #[arg(long, requires = "annotate")]
    keep_encoding: bool,
    /// The language of the annotated copy's messages and headers, and of --columns --json messages.
    #[arg(long, value_enum, default_value_t = Lang::Ko)]
    lang: Lang,
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
}

/// The language of messages.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Lang {
    /// Korean (한국어).
    Ko,
    /// English.
    En,
}

#[derive(Args)]
struct RedactArgs {
    /// Files to read; standard input when none is given, or for "-".
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,
    /// The kinds to look for, comma-separated, from pccc, rrn and mobile [default: all three].
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
    pccc_keep_start: Option<usize>,
    /// PCCC digits kept visible at the end [default: 4].
    #[arg(long, value_name = "N")]
    pccc_keep_end: Option<usize>,
    /// Mobile number digits kept visible at the start, counted from the domestic 0 [default: 7].
    #[arg(long, value_name = "N")]
    phone_keep_start: Option<usize>,
    /// Mobile number digits kept visible at the end [default: 0].
    #[arg(long, value_name = "N")]
    phone_keep_end: Option<usize>,
    /// Business registration number digits kept visible at the start [default: 5].
    #[arg(long, value_name = "N")]
    business_number_keep_start: Option<usize>,
    /// Business registration number digits kept visible at the end [default: 0].
    #[arg(long, value_name = "N")]
    business_number_keep_end: Option<usize>,
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
    /// Which field the values are: pccc, phone, postcode, name or business-number.
    #[arg(long, default_value = "pccc", value_parser = field_arg, value_name = "FIELD")]
    field: Field,
    /// Read CSV with a header row (RFC 4180) and check one column.
    #[arg(long, conflicts_with = "jsonl")]
    csv: bool,
    /// Read JSON Lines (one object per line) and check one key.
    #[arg(long)]
    jsonl: bool,
    /// Read spreadsheets (xlsx, xlsm, xlsb, xls, ods), as files with those extensions are read anyway.
    #[arg(long, visible_alias = "xlsx", conflicts_with_all = ["csv", "jsonl"])]
    spreadsheet: bool,
    /// The sheet to read [default: the first].
    #[arg(long, value_name = "NAME")]
    sheet: Option<String>,
    /// The column to check (CSV or a sheet), by its name in the header row [default: the field's name].
    #[arg(long, value_name = "NAME")]
    column: Option<String>,
    /// The JSON Lines key to check [default: the field's name].
    #[arg(long, value_name = "NAME", requires = "jsonl")]
    key: Option<String>,
    /// The encoding of text inputs, a WHATWG label: utf-8 (default), cp949 (= euc-kr, what Korean Excel saves
    /// as CSV), utf-16le, utf-16be, … A byte order mark decides by itself.
    #[arg(long, value_name = "LABEL")]
    encoding: Option<String>,
}

#[derive(Args)]
struct PolicyArgs {
    /// PCCC digits kept visible at the start, after the P [default: 0].
    #[arg(long, value_name = "N")]
    pccc_keep_start: Option<usize>,
    /// PCCC digits kept visible at the end [default: 4].
    #[arg(long, value_name = "N")]
    pccc_keep_end: Option<usize>,
    /// Mobile number digits kept visible at the start, counted from the domestic 0 [default: 7].
    #[arg(long, value_name = "N")]
    phone_keep_start: Option<usize>,
    /// Mobile number digits kept visible at the end [default: 0].
    #[arg(long, value_name = "N")]
    phone_keep_end: Option<usize>,
    /// Business registration number digits kept visible at the start [default: 5].
    #[arg(long, value_name = "N")]
    business_number_keep_start: Option<usize>,
    /// Business registration number digits kept visible at the end [default: 0].
    #[arg(long, value_name = "N")]
    business_number_keep_end: Option<usize>,
    /// The character that hides the others [default: *].
    #[arg(long, value_name = "CHAR")]
    mask_char: Option<char>,
}

/// The field the values are: the library's registry, named on the command line in kebab-case
/// (`FieldKind::cli_name`), so every field of the library is a field here too.
pub type Field = FieldKind;

/// `--field`: a field's name.
fn field_arg(name: &str) -> Result<Field, String> {
    FieldKind::from_name(name.trim()).ok_or_else(|| format!("unknown field {name:?}; the fields: {}", field_names()))
}

/// The fields' command-line names, for messages.
fn field_names() -> String {
    FieldKind::ALL.map(FieldKind::cli_name).join(", ")
}

/// A usage error: one line on stderr and exit status 2.
struct Usage(String);

impl PolicyArgs {
    /// The masks of the checked `fields`, checked; an option for a field that is not checked is refused.
    fn masks(&self, fields: &[Field]) -> Result<FieldMasks, Usage> {
        let fill = self.mask_char.unwrap_or('*');
        let mut keep = [(None, None); FieldKind::ALL.len()];
        for (field, flags, given) in [
            (FieldKind::Pccc, "--pccc-keep-start and --pccc-keep-end", (self.pccc_keep_start, self.pccc_keep_end)),
            (FieldKind::Phone, "--phone-keep-start and --phone-keep-end", (self.phone_keep_start, self.phone_keep_end)),
            (
                FieldKind::BusinessNumber,
                "--business-number-keep-start and --business-number-keep-end",
                (self.business_number_keep_start, self.business_number_keep_end),
            ),
        ] {
            if !fields.contains(&field) && (given.0.is_some() || given.1.is_some()) {
                return Err(Usage(format!("{flags} do not apply: no {} is checked", field.cli_name())));
            }
            keep[field.id() as usize] = given;
        }
        let masks = FieldMasks { keep, fill };
        // Only the checked fields' policies must be valid (the others are never used).
        for &field in fields {
            if let Some(e) = masks.policy(field).refusal() {
                let which = if fields.len() > 1 { format!("{} ", field.cli_name()) } else { String::new() };
                return Err(Usage(format!("the {which}mask policy is refused: {e}")));
            }
        }
        Ok(masks)
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

/// What `check` (or `mask`) was asked, beside the input.
struct Job {
    format: Format,
    show_values: bool,
    only_invalid: bool,
    quiet: bool,
    /// `--columns`, or the one field with `--annotate`; `None`: one value per record.
    rows: Option<(Vec<(Field, String)>, RowFormat)>,
    keep_encoding: bool,
    locale: Locale,
}

fn run(cli: Cli) -> Result<ExitCode, Usage> {
    let (input, policy, job) = match cli.command {
        Command::Check(args) => {
            let column = || args.input.column.clone().unwrap_or_else(|| args.input.field.name().to_owned());
            let rows = match (&args.columns, args.annotate) {
                (Some(list), annotate) => Some((parse_columns(list)?, annotate)),
                (None, true) => Some((vec![(args.input.field, column())], true)),
                (None, false) => None,
            };
            let rows = rows.map(|(columns, annotate)| {
                let format = match (annotate, args.json) {
                    (true, _) => RowFormat::Annotate,
                    (false, true) => RowFormat::Json,
                    (false, false) => RowFormat::Tsv,
                };
                (columns, format)
            });
            let job = Job {
                format: if args.json { Format::Json } else { Format::Tsv },
                show_values: args.show_values,
                only_invalid: args.only_invalid,
                quiet: args.quiet,
                rows,
                keep_encoding: args.keep_encoding,
                locale: fields::locale(args.lang == Lang::En),
            };
            (args.input, args.policy, job)
        }
        Command::Redact(args) => return run_redact(args),
        Command::Mask { input, policy, quiet } => {
            if input.field.mask_rule() == MaskRule::None {
                return Err(Usage(format!(
                    "a {} is not masked (the library has no mask for it); use `check --field {}`",
                    input.field.cli_name(),
                    input.field.cli_name()
                )));
            }
            let job = Job {
                format: Format::Value,
                show_values: false,
                only_invalid: false,
                quiet,
                rows: None,
                keep_encoding: false,
                locale: Locale::En,
            };
            (input, policy, job)
        }
    };
    let encoding = match input.encoding.as_deref() {
        None => None,
        Some(label) => Some(decode::for_label(label).ok_or_else(|| {
            Usage(format!("--encoding: unknown encoding {label:?} (e.g. utf-8, cp949, euc-kr, utf-16le)"))
        })?),
    };
    let files = if input.files.is_empty() { vec![PathBuf::from("-")] } else { input.files.clone() };
    let is_sheet = |path: &PathBuf| input.spreadsheet || input.sheet.is_some() || sheet::by_extension(path);
    let checked: Vec<Field> = match &job.rows {
        Some((columns, _)) => columns.iter().map(|(f, _)| *f).collect(),
        None => vec![input.field],
    };
    let masks = policy.masks(&checked)?;
    if job.rows.is_none() && input.column.is_some() && !input.csv && !files.iter().all(is_sheet) {
        return Err(Usage("--column needs --csv (or a spreadsheet); JSON Lines take --key".into()));
    }
    let progress = progress_bar(&files, job.quiet);
    let several = files.len() > 1;
    let label = |path: &PathBuf| several.then(|| path.to_string_lossy().into_owned());

    let (valid, invalid_total, invalid, failed, not_utf8) = if let Some((columns, format)) = job.rows {
        if format == RowFormat::Annotate && several {
            return Err(Usage("--annotate writes one table: give one input".into()));
        }
        let mut rows: Option<Rows<io::BufWriter<io::StdoutLock>>> = None;
        let new_rows =
            |out| Rows::new(columns.clone(), masks, job.show_values, job.only_invalid, job.locale, format, out);
        let failed = each_file(&files, &progress, |path| {
            let (reader, decoding) = if is_sheet(path) {
                (None, Decoding { encoding: encoding_rs::UTF_8, malformed: None })
            } else {
                let (reader, decoding) = decode::open(open(path)?, encoding)?;
                (Some(reader), decoding)
            };
            let rows = match &mut rows {
                Some(rows) => rows,
                None => {
                    let stdout = io::BufWriter::with_capacity(1 << 16, io::stdout().lock());
                    let out = if format == RowFormat::Annotate {
                        let encoding = if job.keep_encoding { decoding.encoding } else { encoding_rs::UTF_8 };
                        RowOut::Text(decode::TextOut::new(stdout, encoding)?)
                    } else {
                        RowOut::Plain(stdout)
                    };
                    rows.insert(new_rows(out))
                }
            };
            rows.set_file(label(path), decoding.problem_code());
            let result = match reader {
                None => sheet::read(path, input.sheet.as_deref(), rows).map(|_| ()).map_err(sheet_failure),
                Some(reader) => {
                    let tick = |n: u64| progress.inc(n);
                    input::csv_rows(&mut Chunks::new(reader), tick, rows).map_err(|e| csv_failure(e, &decoding))
                }
            };
            warn_malformed(path, &decoding, &progress);
            result
        })?;
        let Some(mut rows) = rows else { return Ok(ExitCode::from(2)) };
        let failed = flushed(rows.flush()) || failed;
        if rows.unmappable() > 0 && !job.quiet {
            eprintln!(
                "pccc-guard: {} characters that the output encoding lacks were written as &#…; references",
                rows.unmappable()
            );
        }
        let not_utf8 = rows.invalid.iter().any(|(code, _)| code.ends_with(input::problem::NOT_UTF8));
        (rows.valid, rows.invalid_rows, rows.invalid.clone(), failed, not_utf8)
    } else {
        let stdout = io::stdout().lock();
        let policy = masks.policy(input.field);
        let mut report = Report::new(stdout, job.format, input.field, policy, job.show_values, job.only_invalid);
        let column = input.column.clone().unwrap_or_else(|| input.field.cli_name().to_owned());
        let failed = each_file(&files, &progress, |path| {
            if several {
                report.set_file(&path.to_string_lossy());
            }
            if is_sheet(path) {
                report.set_undecodable(input::problem::NOT_UTF8);
                let mut by_name = rows::Column::new(&column, &mut report);
                return sheet::read(path, input.sheet.as_deref(), &mut by_name).map(|_| ()).map_err(sheet_failure);
            }
            let (reader, decoding) = decode::open(open(path)?, encoding)?;
            report.set_undecodable(decoding.problem_code());
            let result = read(reader, &input, &mut report, &progress, &decoding);
            warn_malformed(path, &decoding, &progress);
            result
        })?;
        let failed = flushed(report.flush()) || failed;
        let invalid: Vec<(String, u64)> = report.invalid.iter().map(|&(c, n)| (c.to_owned(), n)).collect();
        let not_utf8 = report.invalid.iter().any(|(c, _)| *c == input::problem::NOT_UTF8);
        (report.valid, invalid.iter().map(|(_, n)| n).sum(), invalid, failed, not_utf8)
    };
    progress.finish_and_clear();
    if !job.quiet {
        let mut summary =
            format!("pccc-guard: {} records, {valid} valid, {invalid_total} invalid\n", valid + invalid_total);
        let mut codes = invalid;
        codes.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        for (code, n) in codes {
            summary.push_str(&format!("  {n:>12}  {code}\n"));
        }
        if not_utf8 && encoding.is_none() {
            summary.push_str(
                "pccc-guard: some values are not UTF-8: a CSV saved by Korean Excel is CP949 (--encoding cp949)\n",
            );
        }
        let _ = io::stderr().write_all(summary.as_bytes());
    }
    Ok(ExitCode::from(if failed {
        2
    } else if invalid_total > 0 {
        1
    } else {
        0
    }))
}

/// `--columns`: FIELD=COLUMN pairs (a bare FIELD names its own column), each field once.
fn parse_columns(list: &str) -> Result<Vec<(Field, String)>, Usage> {
    let mut columns: Vec<(Field, String)> = Vec::new();
    for item in list.split(',').filter(|s| !s.trim().is_empty()) {
        let (name, column) = item.split_once('=').unwrap_or((item, item));
        let Some(field) = FieldKind::from_name(name.trim()) else {
            return Err(Usage(format!(
                "--columns: unknown field {:?}; the fields: {} (FIELD=COLUMN)",
                name.trim(),
                field_names()
            )));
        };
        if columns.iter().any(|(f, _)| *f == field) {
            return Err(Usage(format!("--columns: the field {} is given twice", field.cli_name())));
        }
        columns.push((field, column.trim().to_owned()));
    }
    if columns.is_empty() {
        return Err(Usage("--columns: no field given (e.g. pccc=개인통관고유부호,phone=휴대전화)".into()));
    }
    Ok(columns)
}

/// Runs `read` on each file in turn: a file that cannot be read is reported and the others are read; a usage
/// error stops the run; a closed output ends it quietly. Returns whether a file failed.
fn each_file(
    files: &[PathBuf],
    progress: &ProgressBar,
    mut read: impl FnMut(&PathBuf) -> Result<(), Failure>,
) -> Result<bool, Usage> {
    let mut failed = false;
    for path in files {
        match read(path) {
            Ok(()) => {}
            Err(Failure::Usage(message)) => return Err(Usage(message)),
            Err(Failure::Io(e)) if e.kind() == io::ErrorKind::BrokenPipe => break,
            Err(Failure::Io(e)) => {
                progress.suspend(|| eprintln!("pccc-guard: {}: {e}", path.display()));
                failed = true;
            }
        }
    }
    Ok(failed)
}

/// Whether flushing the output failed (a closed pipe is not a failure).
fn flushed(result: io::Result<()>) -> bool {
    match result {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            eprintln!("pccc-guard: writing the output: {e}");
            true
        }
        _ => false,
    }
}

/// One line on stderr when an input held bytes its encoding does not allow.
fn warn_malformed(path: &std::path::Path, decoding: &Decoding, progress: &ProgressBar) {
    let Some(malformed) = decoding.malformed.as_ref().map(|m| m.get()) else { return };
    if malformed.count == 0 {
        return;
    }
    let name = decode::display_name(decoding.encoding);
    let more = match malformed.count {
        1 => String::new(),
        n => format!(" (and {} more)", n - 1),
    };
    progress.suspend(|| {
        eprintln!(
            "pccc-guard: {}: line {}{more}: bytes that are not valid {name}, read as U+FFFD; a checked value with them is reported as {}",
            path.display(),
            malformed.first_line,
            input::problem::NOT_DECODABLE
        )
    });
}

/// The message of a table that cannot be read.
fn csv_failure(e: CsvError, decoding: &Decoding) -> Failure {
    match e {
        CsvError::Io(e) => Failure::Io(e),
        CsvError::NoSuchColumn(column, names) => {
            Failure::Usage(format!("no column named {column:?} in the header row; its columns: {}", names.join(", ")))
        }
        CsvError::HeaderNotDecodable if decoding.encoding == encoding_rs::UTF_8 => Failure::Usage(
            "the header row is not UTF-8: a CSV saved by Korean Excel is CP949, try --encoding cp949".into(),
        ),
        CsvError::HeaderNotDecodable => Failure::Usage(format!(
            "the header row is not valid {}: try another --encoding (utf-8, cp949, utf-16le)",
            decode::display_name(decoding.encoding)
        )),
    }
}

fn sheet_failure(e: SheetError) -> Failure {
    match e {
        SheetError::Table(e) => csv_failure(e, &Decoding { encoding: encoding_rs::UTF_8, malformed: None }),
        SheetError::Open(message) => Failure::Usage(format!("not a spreadsheet that can be read: {message}")),
        SheetError::NoSuchSheet(name, names) => {
            Failure::Usage(format!("no sheet named {name:?}; its sheets: {}", names.join(", ")))
        }
        SheetError::Empty(name) if name.is_empty() => Failure::Usage("the workbook has no sheet".into()),
        SheetError::Empty(name) => Failure::Usage(format!("the sheet {name:?} is empty (no header row)")),
    }
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
        pccc = self.pccc_keep_start.map_or(pccc, |n| pccc.keep_start(n));
        pccc = self.pccc_keep_end.map_or(pccc, |n| pccc.keep_end(n));
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
    decoding: &Decoding,
) -> Result<(), Failure> {
    let mut chunks = Chunks::new(reader);
    let tick = |n: u64| progress.inc(n);
    if args.csv {
        let column = args.column.as_deref().unwrap_or(args.field.name());
        input::csv(&mut chunks, column, tick, report).map_err(|e| csv_failure(e, decoding))
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
