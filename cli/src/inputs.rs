//! The inputs of `check` and `mask`: the files named (standard input for none, or `-`), each opened as text in
//! its encoding or as a spreadsheet, then read one value per record (a line, a CSV column, a JSON Lines key, a
//! sheet's column) or as a table (a header row and whole rows with named columns, from CSV or a sheet alike).
//! Any command that reads stored orders goes through here, so every one decodes, reports and recovers the same.

use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use encoding_rs::{Encoding, UTF_8};
use indicatif::ProgressBar;

use crate::decode::{self, Decoding};
use crate::flags::InputArgs;
use crate::input::{self, problem, Chunks, Column, CsvError, RowSink, Sink};
use crate::sheet::{self, SheetError};
use crate::Usage;

/// Why reading an input stopped.
pub enum Failure {
    Io(io::Error),
    /// Stops the whole run (e.g. a CSV file without the column).
    Usage(String),
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Failure {
        Failure::Io(e)
    }
}

/// An input's bytes: a file, or standard input for `-`.
pub fn open(path: &Path) -> Result<Box<dyn Read>, Failure> {
    if path.as_os_str() == "-" {
        Ok(Box::new(io::stdin().lock()))
    } else {
        Ok(Box::new(File::open(path)?))
    }
}

/// How one value per record is found in a text input.
#[derive(Clone, Copy)]
pub enum Records<'a> {
    /// Each line is a value.
    Lines,
    /// The column of this name in a CSV file's header row.
    Csv(&'a str),
    /// The string under this key of each JSON Lines object.
    Jsonl(&'a str),
}

/// The files to read and how to open them.
pub struct Inputs {
    pub files: Vec<PathBuf>,
    /// `--encoding`; `None`: UTF-8 unless a BOM says otherwise.
    pub encoding: Option<&'static Encoding>,
    /// `--spreadsheet` or `--sheet`: every input is a spreadsheet.
    spreadsheet: bool,
    sheet: Option<String>,
}

impl Inputs {
    /// The inputs of the flags; an unknown encoding is a usage error.
    pub fn new(args: &InputArgs) -> Result<Inputs, Usage> {
        let files = if args.files.is_empty() { vec![PathBuf::from("-")] } else { args.files.clone() };
        Inputs::of(files, args.encoding.as_deref(), args.spreadsheet, args.sheet.clone())
    }

    /// The inputs `files` (`-`: standard input) in the encoding `label` (`None`: UTF-8 unless a BOM says otherwise),
    /// every one a spreadsheet with `spreadsheet` or a `sheet` name; an unknown encoding is a usage error.
    pub fn of(
        files: Vec<PathBuf>,
        label: Option<&str>,
        spreadsheet: bool,
        sheet: Option<String>,
    ) -> Result<Inputs, Usage> {
        let encoding = match label {
            None => None,
            Some(label) => Some(decode::for_label(label).ok_or_else(|| {
                Usage(format!("--encoding: unknown encoding {label:?} (e.g. utf-8, cp949, euc-kr, utf-16le)"))
            })?),
        };
        Ok(Inputs { files, encoding, spreadsheet: spreadsheet || sheet.is_some(), sheet })
    }

    /// Whether more than one input is read (then each output line names its file).
    pub fn several(&self) -> bool {
        self.files.len() > 1
    }

    /// Whether `path` is read as a spreadsheet: by its extension, or every input with `--spreadsheet`.
    pub fn is_sheet(&self, path: &Path) -> bool {
        self.spreadsheet || sheet::by_extension(path)
    }

    /// Runs `read` on each input in turn: an input that cannot be read is reported and the others are read; a
    /// usage error stops the run; a closed output ends it quietly. Returns whether an input failed.
    pub fn each(
        &self,
        progress: &ProgressBar,
        mut read: impl FnMut(&Path) -> Result<(), Failure>,
    ) -> Result<bool, Usage> {
        let mut failed = false;
        for path in &self.files {
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

    /// Opens one input: a spreadsheet, or text decoded to UTF-8 as it streams.
    pub fn open<'a>(&'a self, path: &'a Path) -> Result<Input<'a>, Failure> {
        if self.is_sheet(path) {
            return Ok(Input {
                path,
                inputs: self,
                text: None,
                decoding: Decoding { encoding: UTF_8, malformed: None },
            });
        }
        let (reader, decoding) = decode::open(open(path)?, self.encoding)?;
        Ok(Input { path, inputs: self, text: Some(reader), decoding })
    }
}

/// One input, opened: a spreadsheet (`text` is `None`) or a text stream in its encoding.
pub struct Input<'a> {
    path: &'a Path,
    inputs: &'a Inputs,
    text: Option<Box<dyn Read>>,
    pub decoding: Decoding,
}

impl Input<'_> {
    /// The code of a value holding bytes that the input's encoding does not allow.
    pub fn undecodable(&self) -> &'static str {
        self.decoding.problem_code()
    }

    /// Gives `sink` the input's header row and every row after it, whole (CSV, or the sheet).
    pub fn read_table(self, progress: &ProgressBar, sink: &mut impl RowSink) -> Result<(), Failure> {
        let Some(reader) = self.text else {
            return sheet::read(self.path, self.inputs.sheet.as_deref(), sink).map(|_| ()).map_err(sheet_failure);
        };
        let tick = |n: u64| progress.inc(n);
        let result = input::csv_rows(&mut Chunks::new(reader), tick, sink).map_err(|e| csv_failure(e, &self.decoding));
        warn_malformed(self.path, &self.decoding, progress);
        result
    }

    /// Gives `sink` one value per record: found as `records` says in text, the column `sheet_column` of a sheet.
    pub fn read_records(
        self,
        records: Records<'_>,
        sheet_column: &str,
        progress: &ProgressBar,
        sink: &mut impl Sink,
    ) -> Result<(), Failure> {
        let Some(reader) = self.text else {
            let mut by_name = Column::new(sheet_column, sink);
            let read = sheet::read(self.path, self.inputs.sheet.as_deref(), &mut by_name);
            return read.map(|_| ()).map_err(sheet_failure);
        };
        let mut chunks = Chunks::new(reader);
        let tick = |n: u64| progress.inc(n);
        let result = match records {
            Records::Lines => Ok(input::lines(&mut chunks, tick, sink)?),
            Records::Jsonl(key) => Ok(input::jsonl(&mut chunks, key, tick, sink)?),
            Records::Csv(column) => input::csv_rows(&mut chunks, tick, &mut Column::new(column, sink))
                .map_err(|e| csv_failure(e, &self.decoding)),
        };
        warn_malformed(self.path, &self.decoding, progress);
        result
    }
}

/// One line on stderr when an input held bytes its encoding does not allow.
fn warn_malformed(path: &Path, decoding: &Decoding, progress: &ProgressBar) {
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
            problem::NOT_DECODABLE
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
        CsvError::HeaderNotDecodable if decoding.encoding == UTF_8 => Failure::Usage(
            "the header row is not UTF-8: a CSV saved by Korean Excel is CP949, try --encoding cp949".into(),
        ),
        CsvError::HeaderNotDecodable => Failure::Usage(format!(
            "the header row is not valid {}: try another --encoding (utf-8, cp949, utf-16le)",
            decode::display_name(decoding.encoding)
        )),
    }
}

/// The message of a spreadsheet that cannot be read.
fn sheet_failure(e: SheetError) -> Failure {
    match e {
        SheetError::Table(e) => csv_failure(e, &Decoding { encoding: UTF_8, malformed: None }),
        SheetError::Open(message) => Failure::Usage(format!("not a spreadsheet that can be read: {message}")),
        SheetError::NoSuchSheet(name, names) => {
            Failure::Usage(format!("no sheet named {name:?}; its sheets: {}", names.join(", ")))
        }
        SheetError::Empty(name) if name.is_empty() => Failure::Usage("the workbook has no sheet".into()),
        SheetError::Empty(name) => Failure::Usage(format!("the sheet {name:?} is empty (no header row)")),
    }
}
