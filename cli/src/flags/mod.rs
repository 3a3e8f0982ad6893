//! The command line: the commands and their flags, as clap's derive API declares them. The help texts are in
//! `help.rs`; the per-field masking flags, made from the library's registry, in `masks.rs`. Nothing here runs a
//! command: `main.rs` hands the parsed flags to `check.rs` or `redact.rs`.

mod help;
mod masks;

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use pccc_guard::{FieldKind, Kind, Kinds};

pub use self::masks::{Checked, InText, MaskFlags};
use crate::{Field, Usage};

/// The whole command line.
#[derive(Parser)]
#[command(name = "pccc-guard", version, about = help::about(), after_help = help::EXAMPLES)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Checks one value per record, or several fields per row, and prints each record's result (or an
    /// annotated copy of the table), then a summary on stderr.
    #[command(after_help = help::CHECK_AFTER)]
    Check(CheckArgs),
    /// Prints the masked value of each record, one per line (an invalid value shows only its length).
    Mask(MaskArgs),
    /// Masks the customs codes, resident registration numbers and mobile numbers in free text (logs,
    /// memos, exports), passing every other byte through.
    #[command(after_help = help::REDACT_AFTER)]
    Redact(RedactArgs),
    /// Re-verifies every order of a marketplace export against UNI-PASS (through a gateway, or on its own) and
    /// writes the table back with each row's verify_status and verify_reasons.
    #[command(after_help = help::VERIFY_AFTER)]
    Verify(VerifyArgs),
}

/// `pccc-guard verify`.
#[derive(Args)]
pub struct VerifyArgs {
    /// The order export: CSV (any --encoding) or a spreadsheet (.xlsx, .xls, .ods; --sheet picks the sheet).
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Where to write the verified table: .xlsx, or .csv (UTF-8 with a BOM), by its extension.
    #[arg(short, long, value_name = "OUT")]
    pub output: PathBuf,
    /// The sheet to read [default: the first].
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// The encoding of a CSV input, a WHATWG label: utf-8 (default), cp949 (what Korean Excel saves), … A byte
    /// order mark decides by itself.
    #[arg(long, value_name = "LABEL")]
    pub encoding: Option<String>,
    /// Read the columns of this marketplace's order export only.
    #[arg(long, value_enum)]
    pub preset: Option<crate::verify::Marketplace>,
    #[arg(long, value_name = "LIST", help = help::verify_columns())]
    pub columns: Option<String>,
    /// Verify through a running pccc-guard-gateway at this URL, as background work that never slows its
    /// checkouts [default: on its own, from UNIPASS_BASE_URL and UNIPASS_KEY or UNIPASS_KEY_FILE].
    #[arg(long, value_name = "URL")]
    pub gateway: Option<String>,
    /// A file holding the gateway's bearer token [default: the PCCC_GATEWAY_TOKEN variable].
    #[arg(long, value_name = "FILE", requires = "gateway")]
    pub token_file: Option<PathBuf>,
    /// On its own: calls to UNI-PASS in any one-second window (the key's other users share its capacity).
    #[arg(long, value_name = "N", default_value_t = 5, value_parser = clap::value_parser!(u32).range(1..=1000), conflicts_with = "gateway")]
    pub rate: u32,
    /// Checks in flight at once.
    #[arg(long, value_name = "N", default_value_t = 4, value_parser = positive)]
    pub in_flight: usize,
    /// The state file that keeps finished checks (as keyed hashes, never a value), so that a run stopped by
    /// Ctrl-C, a crash or an outage resumes where it stopped [default: OUT.state, its key in OUT.state.key].
    #[arg(long, value_name = "FILE")]
    pub state: Option<PathBuf>,
    /// How long to keep waiting for checks UNI-PASS (or the gateway) cannot answer now, in seconds of no progress;
    /// 0 writes them as pending at once.
    #[arg(long, value_name = "SECONDS", default_value_t = 180)]
    pub wait: u64,
    /// No summary and no progress bar on stderr.
    #[arg(short, long)]
    pub quiet: bool,
}

/// `pccc-guard check`.
#[derive(Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[arg(long, value_name = "LIST", conflicts_with_all = ["column", "jsonl"], help = help::columns())]
    pub columns: Option<String>,
    /// Write the table back (CSV, UTF-8 with a BOM) with every column, the checked values masked, and a status
    /// column plus an error code and message column per checked field.
    #[arg(long, conflicts_with_all = ["json", "jsonl"])]
    pub annotate: bool,
    /// With --annotate: write in the input's encoding (e.g. CP949) instead of UTF-8 with a BOM.
    #[arg(long, requires = "annotate")]
    pub keep_encoding: bool,
    /// The language of the annotated copy's messages and headers, and of --columns --json messages.
    #[arg(long, value_enum, default_value_t = Lang::Ko)]
    pub lang: Lang,
    #[command(flatten)]
    pub masks: MaskFlags<Checked>,
    /// Print JSON lines instead of TSV.
    #[arg(long)]
    pub json: bool,
    /// Print canonical values (and invalid values as stored) instead of masked ones.
    #[arg(long)]
    pub show_values: bool,
    /// Print invalid records only (the summary still counts every record).
    #[arg(long)]
    pub only_invalid: bool,
    /// No summary and no progress bar on stderr.
    #[arg(short, long)]
    pub quiet: bool,
}

/// `pccc-guard mask`.
#[derive(Args)]
pub struct MaskArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub masks: MaskFlags<Checked>,
    /// No summary and no progress bar on stderr.
    #[arg(short, long)]
    pub quiet: bool,
}

/// The language of messages.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    /// Korean (한국어).
    Ko,
    /// English.
    En,
}

/// `pccc-guard redact`.
#[derive(Args)]
pub struct RedactArgs {
    /// Files to read; standard input when none is given, or for "-".
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
    #[arg(long, value_name = "LIST", help = help::kinds())]
    pub kinds: Option<String>,
    /// Print a count per kind (kind TAB count) instead of the text.
    #[arg(long)]
    pub count: bool,
    /// Print no text; exit with status 1 if anything was found (a summary goes to stderr).
    #[arg(long)]
    pub check: bool,
    /// No summary on stderr with --check.
    #[arg(short, long)]
    pub quiet: bool,
    #[command(flatten)]
    pub masks: MaskFlags<InText>,
    /// Bytes read at a time (tests drive reads down to a few bytes, so that numbers straddle many reads).
    #[arg(long, hide = true, default_value_t = crate::redactor::READ_SIZE, value_parser = positive)]
    pub buffer_size: usize,
}

/// What to read and how: the files, their format and encoding, and which field, column or key.
#[derive(Args)]
pub struct InputArgs {
    /// Files to read; standard input when none is given, or for "-".
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
    #[arg(long, default_value = "pccc", value_parser = field_arg, value_name = "FIELD", help = help::field())]
    pub field: Field,
    /// Read CSV with a header row (RFC 4180) and check one column.
    #[arg(long, conflicts_with = "jsonl")]
    pub csv: bool,
    /// Read JSON Lines (one object per line) and check one key.
    #[arg(long)]
    pub jsonl: bool,
    /// Read spreadsheets (xlsx, xlsm, xlsb, xls, ods), as files with those extensions are read anyway.
    #[arg(long, visible_alias = "xlsx", conflicts_with_all = ["csv", "jsonl"])]
    pub spreadsheet: bool,
    /// The sheet to read [default: the first].
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// The column to check (CSV or a sheet), by its name in the header row [default: the field's name].
    #[arg(long, value_name = "NAME")]
    pub column: Option<String>,
    /// The JSON Lines key to check [default: the field's name].
    #[arg(long, value_name = "NAME", requires = "jsonl")]
    pub key: Option<String>,
    /// The encoding of text inputs, a WHATWG label: utf-8 (default), cp949 (= euc-kr, what Korean Excel saves
    /// as CSV), utf-16le, utf-16be, … A byte order mark decides by itself.
    #[arg(long, value_name = "LABEL")]
    pub encoding: Option<String>,
}

/// `--field`: a field's name.
fn field_arg(name: &str) -> Result<Field, String> {
    FieldKind::from_name(name.trim()).ok_or_else(|| format!("unknown field {name:?}; the fields: {}", field_names()))
}

/// The fields' command-line names, for messages.
fn field_names() -> String {
    FieldKind::ALL.map(FieldKind::cli_name).join(", ")
}

/// A whole number of at least 1.
fn positive(text: &str) -> Result<usize, String> {
    match text.parse() {
        Ok(n) if n > 0 => Ok(n),
        _ => Err("a whole number of at least 1".into()),
    }
}

impl CheckArgs {
    /// `--columns`: FIELD=COLUMN pairs (a bare FIELD names its own column), each field once.
    pub fn columns(&self) -> Result<Option<Vec<(Field, String)>>, Usage> {
        let Some(list) = &self.columns else { return Ok(None) };
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
        Ok(Some(columns))
    }
}

impl RedactArgs {
    /// The kinds of `--kinds`.
    pub fn kinds(&self) -> Result<Kinds, Usage> {
        let Some(list) = &self.kinds else { return Ok(Kinds::ALL) };
        list.split(',').map(str::trim).try_fold(Kinds::NONE, |kinds, code| match Kind::from_code(code) {
            Some(kind) => Ok(kinds.with(kind)),
            None => Err(Usage(format!("--kinds: unknown kind {code:?}; the kinds: {}", Kind::CODES.join(", ")))),
        })
    }
}
