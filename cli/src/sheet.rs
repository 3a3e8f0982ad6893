//! Spreadsheets (`.xlsx`, `.xlsm`, `.xlsb`, `.xls`, `.ods`), read with calamine: one sheet's rows go to the same
//! row readers as a CSV file's, the first non-empty row being the header. Row numbers are the sheet's own (as
//! the spreadsheet program shows them). Unlike CSV, a sheet is read whole into memory (calamine's way; a sheet
//! has at most 1,048,576 rows).

use std::io::{self, Cursor, Read};
use std::path::Path;

use calamine::{open_workbook_auto, open_workbook_auto_from_rs, Data, Reader, Sheets};

use crate::input::{header_names, CsvError, Fields, RowSink, TableRow};

/// The file extensions read as spreadsheets.
pub const EXTENSIONS: &[&str] = &["xlsx", "xlsm", "xlsb", "xls", "ods"];

/// Whether `path` names a spreadsheet by its extension.
pub fn by_extension(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// Why a sheet cannot be read.
pub enum SheetError {
    /// The file is not a spreadsheet calamine reads, or is damaged.
    Open(String),
    /// No sheet of that name; the workbook's sheets.
    NoSuchSheet(String, Vec<String>),
    /// The sheet has no cells (so no header row).
    Empty(String),
    /// The header or a row could not be taken.
    Table(CsvError),
}

impl From<CsvError> for SheetError {
    fn from(e: CsvError) -> Self {
        SheetError::Table(e)
    }
}

impl From<io::Error> for SheetError {
    fn from(e: io::Error) -> Self {
        SheetError::Table(CsvError::Io(e))
    }
}

/// Reads the sheet `sheet` (default: the first) of the workbook at `path` ("-": standard input, read whole)
/// into `sink`. Returns the number of rows after the header.
pub fn read(path: &Path, sheet: Option<&str>, sink: &mut impl RowSink) -> Result<u64, SheetError> {
    if path.as_os_str() == "-" {
        let mut data = Vec::new();
        io::stdin().lock().read_to_end(&mut data)?;
        let workbook = open_workbook_auto_from_rs(Cursor::new(data)).map_err(|e| SheetError::Open(e.to_string()))?;
        read_workbook(workbook, sheet, sink)
    } else {
        let workbook = open_workbook_auto(path).map_err(|e| match e {
            calamine::Error::Io(e) => SheetError::Table(CsvError::Io(e)),
            e => SheetError::Open(e.to_string()),
        })?;
        read_workbook(workbook, sheet, sink)
    }
}

fn read_workbook<RS: Read + io::Seek>(
    mut workbook: Sheets<RS>,
    sheet: Option<&str>,
    sink: &mut impl RowSink,
) -> Result<u64, SheetError> {
    let names = workbook.sheet_names();
    let name = match sheet {
        Some(name) => names
            .iter()
            .find(|n| n.as_str() == name)
            .cloned()
            .ok_or_else(|| SheetError::NoSuchSheet(name.to_owned(), names.clone()))?,
        None => names.first().cloned().ok_or_else(|| SheetError::Empty(String::new()))?,
    };
    let range = workbook.worksheet_range(&name).map_err(|e| SheetError::Open(e.to_string()))?;
    let Some((first_row, _)) = range.start() else {
        return Err(SheetError::Empty(name));
    };
    let mut data = String::new();
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    let mut rows = 0u64;
    let mut header = false;
    for (i, cells) in range.rows().enumerate() {
        if cells.iter().all(|c| matches!(c, Data::Empty)) {
            continue;
        }
        data.clear();
        ranges.clear();
        for cell in cells {
            let start = data.len();
            cell_text(cell, &mut data);
            ranges.push((start, data.len()));
        }
        let fields = Fields::new(data.as_bytes(), &ranges);
        if !header {
            let names: Vec<&[u8]> = fields.iter().collect();
            sink.header(&header_names(&names)?)?;
            header = true;
            continue;
        }
        rows += 1;
        sink.row(u64::from(first_row) + i as u64 + 1, TableRow::Fields(fields))?;
    }
    if !header {
        return Err(SheetError::Empty(name));
    }
    Ok(rows)
}

/// A cell as text: what the cell holds, as calamine shows it. A whole number stored as a number prints without
/// a fraction (`1012345678`): a mobile number or postcode typed into a number cell has lost its leading 0.
fn cell_text(cell: &Data, out: &mut String) {
    use std::fmt::Write;
    match cell {
        Data::Empty => {}
        Data::String(s) => out.push_str(s),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => {
            let _ = write!(out, "{}", *f as i64);
        }
        other => {
            let _ = write!(out, "{other}");
        }
    }
}
