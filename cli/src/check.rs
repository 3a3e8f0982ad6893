//! `pccc-guard check` and `pccc-guard mask`, in named steps: what was asked ([`Job`]), the masks, the inputs read
//! one value per record ([`check_records`]) or row by row ([`check_rows`]), then the [`Summary`] on stderr and
//! the exit status.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use pccc_guard::{Locale, MaskRule};

use crate::fields::{self, FieldMasks};
use crate::flags::{CheckArgs, Checked, InputArgs, Lang, MaskArgs, MaskFlags};
use crate::input::problem;
use crate::inputs::{Inputs, Records};
use crate::report::{Format, Report};
use crate::rows::{RowFormat, RowOut, Rows};
use crate::{decode, flushed, Field, Usage};

/// What `check` (or `mask`) was asked to do, beside the inputs and the masks.
struct Job {
    /// One value per record, or whole rows.
    what: What,
    show_values: bool,
    only_invalid: bool,
    quiet: bool,
}

/// How the records are checked and printed.
enum What {
    /// One value of the input's `--field` per record, printed as `format` says.
    Records(Format),
    /// Several fields per row (`--columns`, or one field with `--annotate`): (field, column) pairs.
    Rows { columns: Vec<(Field, String)>, format: RowFormat, keep_encoding: bool, locale: Locale },
}

impl Job {
    /// The job of `check`'s flags.
    fn check(args: &CheckArgs) -> Result<Job, Usage> {
        let columns = match (args.columns()?, args.annotate) {
            (Some(columns), _) => Some(columns),
            (None, true) => Some(vec![(args.input.field, column(&args.input).to_owned())]),
            (None, false) => None,
        };
        let what = match columns {
            None => What::Records(if args.json { Format::Json } else { Format::Tsv }),
            Some(columns) => What::Rows {
                columns,
                format: match (args.annotate, args.json) {
                    (true, _) => RowFormat::Annotate,
                    (false, true) => RowFormat::Json,
                    (false, false) => RowFormat::Tsv,
                },
                keep_encoding: args.keep_encoding,
                locale: fields::locale(args.lang == Lang::En),
            },
        };
        Ok(Job { what, show_values: args.show_values, only_invalid: args.only_invalid, quiet: args.quiet })
    }

    /// The job of `mask`'s flags: every value masked, one per line.
    fn mask(args: &MaskArgs) -> Result<Job, Usage> {
        let field = args.input.field;
        if field.mask_rule() == MaskRule::None {
            return Err(Usage(format!(
                "a {} is not masked (the library has no mask for it); use `check --field {}`",
                field.cli_name(),
                field.cli_name()
            )));
        }
        Ok(Job { what: What::Records(Format::Value), show_values: false, only_invalid: false, quiet: args.quiet })
    }

    /// The fields checked.
    fn fields(&self, input: &InputArgs) -> Vec<Field> {
        match &self.what {
            What::Records(_) => vec![input.field],
            What::Rows { columns, .. } => columns.iter().map(|(f, _)| *f).collect(),
        }
    }
}

/// The column (CSV or a sheet) or key (JSON Lines) of the field's values: `--column` (`--key`), or the field's
/// name.
fn column(input: &InputArgs) -> &str {
    input.column.as_deref().unwrap_or(input.field.name())
}

/// `pccc-guard check`.
pub fn run_check(args: CheckArgs) -> Result<ExitCode, Usage> {
    let job = Job::check(&args)?;
    run(job, &args.input, &args.masks)
}

/// `pccc-guard mask`.
pub fn run_mask(args: MaskArgs) -> Result<ExitCode, Usage> {
    let job = Job::mask(&args)?;
    run(job, &args.input, &args.masks)
}

/// The steps both commands share: the inputs, the masks of the checked fields, the checks, the summary.
fn run(job: Job, input: &InputArgs, flags: &MaskFlags<Checked>) -> Result<ExitCode, Usage> {
    let inputs = Inputs::new(input)?;
    let masks = flags.field_masks(&job.fields(input))?;
    if matches!(job.what, What::Records(_))
        && input.column.is_some()
        && !input.csv
        && !inputs.files.iter().all(|p| inputs.is_sheet(p))
    {
        return Err(Usage("--column needs --csv (or a spreadsheet); JSON Lines take --key".into()));
    }
    let progress = progress_bar(&inputs.files, job.quiet);
    let summary = match &job.what {
        What::Records(format) => check_records(&job, *format, input, &inputs, &masks, &progress)?,
        What::Rows { columns, format, keep_encoding, locale } => {
            let how = RowJob { columns, format: *format, keep_encoding: *keep_encoding, locale: *locale };
            match check_rows(&job, &how, &inputs, masks, &progress)? {
                Some(summary) => summary,
                // No input could be opened: nothing was counted.
                None => return Ok(ExitCode::from(2)),
            }
        }
    };
    progress.finish_and_clear();
    if !job.quiet {
        summary.print(inputs.encoding.is_none());
    }
    Ok(summary.exit_code())
}

/// What a run counted: the summary on stderr and the exit status are read from it.
struct Summary {
    valid: u64,
    /// Invalid records (rows with an error, with `--columns`).
    invalid: u64,
    /// Errors per code (`field code` with `--columns`).
    codes: Vec<(String, u64)>,
    /// An input could not be read, or the output not written.
    failed: bool,
    /// Some value was not UTF-8.
    not_utf8: bool,
}

impl Summary {
    /// Records, valid and invalid, then a count per code, most frequent first; a hint when values are not UTF-8
    /// and no encoding was given.
    fn print(&self, no_encoding: bool) {
        let mut summary = format!(
            "pccc-guard: {} records, {} valid, {} invalid\n",
            self.valid + self.invalid,
            self.valid,
            self.invalid
        );
        let mut codes = self.codes.clone();
        codes.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        for (code, n) in codes {
            summary.push_str(&format!("  {n:>12}  {code}\n"));
        }
        if self.not_utf8 && no_encoding {
            summary.push_str(
                "pccc-guard: some values are not UTF-8: a CSV saved by Korean Excel is CP949 (--encoding cp949)\n",
            );
        }
        let _ = io::stderr().write_all(summary.as_bytes());
    }

    /// 2 when something failed, else 1 when a record was invalid, else 0.
    fn exit_code(&self) -> ExitCode {
        ExitCode::from(if self.failed {
            2
        } else if self.invalid > 0 {
            1
        } else {
            0
        })
    }
}

/// One value per record: each input's lines, CSV column, JSON Lines key or sheet column, checked and printed by
/// one [`Report`].
fn check_records(
    job: &Job,
    format: Format,
    input: &InputArgs,
    inputs: &Inputs,
    masks: &FieldMasks,
    progress: &ProgressBar,
) -> Result<Summary, Usage> {
    let stdout = io::stdout().lock();
    let mut report = Report::new(stdout, format, masks.policy(input.field), job.show_values, job.only_invalid);
    let column = column(input);
    let records = if input.csv {
        Records::Csv(column)
    } else if input.jsonl {
        Records::Jsonl(input.key.as_deref().unwrap_or(input.field.name()))
    } else {
        Records::Lines
    };
    let failed = inputs.each(progress, |path| {
        if inputs.several() {
            report.set_file(&path.to_string_lossy());
        }
        let opened = inputs.open(path)?;
        report.set_undecodable(opened.undecodable());
        opened.read_records(records, column, progress, &mut report)
    })?;
    let failed = flushed(report.flush()) || failed;
    let codes: Vec<(String, u64)> = report.invalid.iter().map(|&(c, n)| (c.to_owned(), n)).collect();
    Ok(Summary {
        valid: report.valid,
        invalid: codes.iter().map(|(_, n)| n).sum(),
        not_utf8: codes.iter().any(|(c, _)| c == problem::NOT_UTF8),
        codes,
        failed,
    })
}

/// How rows are checked: the (field, column) pairs, the output, and its encoding and language.
struct RowJob<'a> {
    columns: &'a [(Field, String)],
    format: RowFormat,
    keep_encoding: bool,
    locale: Locale,
}

/// Whole rows: each input's table, its given columns checked together by one [`Rows`], which is made for the
/// first input that opens (the annotated copy may be written in its encoding). `None` when none did.
fn check_rows(
    job: &Job,
    how: &RowJob,
    inputs: &Inputs,
    masks: FieldMasks,
    progress: &ProgressBar,
) -> Result<Option<Summary>, Usage> {
    if how.format == RowFormat::Annotate && inputs.several() {
        return Err(Usage("--annotate writes one table: give one input".into()));
    }
    let label = |path: &Path| inputs.several().then(|| path.to_string_lossy().into_owned());
    let mut rows: Option<Rows<io::BufWriter<io::StdoutLock>>> = None;
    let failed = inputs.each(progress, |path| {
        let opened = inputs.open(path)?;
        let rows = match &mut rows {
            Some(rows) => rows,
            None => {
                let stdout = io::BufWriter::with_capacity(1 << 16, io::stdout().lock());
                let out = if how.format == RowFormat::Annotate {
                    let encoding = if how.keep_encoding { opened.decoding.encoding } else { encoding_rs::UTF_8 };
                    RowOut::Text(decode::TextOut::new(stdout, encoding)?)
                } else {
                    RowOut::Plain(stdout)
                };
                let (show, only_invalid) = (job.show_values, job.only_invalid);
                rows.insert(Rows::new(how.columns.to_vec(), masks, show, only_invalid, how.locale, how.format, out))
            }
        };
        rows.set_file(label(path), opened.undecodable());
        opened.read_table(progress, rows)
    })?;
    let Some(mut rows) = rows else { return Ok(None) };
    let failed = flushed(rows.flush()) || failed;
    if rows.unmappable() > 0 && !job.quiet {
        eprintln!(
            "pccc-guard: {} characters that the output encoding lacks were written as &#…; references",
            rows.unmappable()
        );
    }
    Ok(Some(Summary {
        valid: rows.valid,
        invalid: rows.invalid_rows,
        not_utf8: rows.invalid.iter().any(|(code, _)| code.ends_with(problem::NOT_UTF8)),
        codes: rows.invalid.clone(),
        failed,
    }))
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
