//! The verified table written out: every input row, the code masked as `check --annotate` masks it, and two
//! columns added, `verify_status` and `verify_reasons`. An .xlsx workbook or a CSV file (UTF-8 with a BOM, as
//! Excel opens it), by the output's extension; written beside the output and renamed over it, so that a run that
//! stops midway never leaves half a file.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::rows::push_csv;
use crate::Usage;

/// The added columns' headers.
pub const STATUS: &str = "verify_status";
pub const REASONS: &str = "verify_reasons";

/// The output's format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Xlsx,
    Csv,
}

impl Format {
    /// The format of an output path, by its extension.
    pub fn of(path: &Path) -> Result<Format, Usage> {
        let extension = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
        match extension.as_deref() {
            Some("xlsx") => Ok(Format::Xlsx),
            Some("csv") => Ok(Format::Csv),
            _ => Err(Usage(format!(
                "--output {}: name it .xlsx or .csv (the format follows the extension)",
                path.display()
            ))),
        }
    }
}

/// The most rows a worksheet holds.
const XLSX_MAX_ROWS: usize = 1_048_576;

/// Writes `rows` (each the cells to write, the added columns included) to `path` in `format`.
pub fn write(path: &Path, format: Format, rows: &[Vec<String>]) -> Result<(), String> {
    let partial = partial_path(path);
    let result = match format {
        Format::Csv => write_csv(&partial, rows).map_err(|e| e.to_string()),
        Format::Xlsx => write_xlsx(&partial, rows),
    };
    if let Err(e) = result {
        let _ = std::fs::remove_file(&partial);
        return Err(format!("writing {}: {e}", path.display()));
    }
    std::fs::rename(&partial, path).map_err(|e| format!("writing {}: {e}", path.display()))
}

/// Where the output is written before it is renamed over the output (same folder, so the rename is atomic).
fn partial_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_owned();
    name.push(".partial");
    path.with_file_name(name)
}

fn write_csv(path: &Path, rows: &[Vec<String>]) -> io::Result<()> {
    let mut out = io::BufWriter::new(std::fs::File::create(path)?);
    out.write_all(b"\xEF\xBB\xBF")?;
    let mut line = String::new();
    for row in rows {
        line.clear();
        for (i, cell) in row.iter().enumerate() {
            if i > 0 {
                line.push(',');
            }
            push_csv(&mut line, cell);
        }
        line.push_str("\r\n");
        out.write_all(line.as_bytes())?;
    }
    out.into_inner().map_err(|e| e.into_error())?.sync_all()
}

fn write_xlsx(path: &Path, rows: &[Vec<String>]) -> Result<(), String> {
    if rows.len() > XLSX_MAX_ROWS {
        return Err(format!("{} rows, more than a worksheet holds ({XLSX_MAX_ROWS}): write .csv", rows.len()));
    }
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("verify").map_err(|e| e.to_string())?;
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            if cell.is_empty() {
                continue;
            }
            let c = u16::try_from(c).map_err(|_| "more columns than a worksheet holds".to_owned())?;
            // Every cell as text, as it was read: codes, phone numbers and postcodes keep their leading zeros.
            sheet.write_string(r as u32, c, cell).map_err(|e| e.to_string())?;
        }
    }
    workbook.save(path).map_err(|e| e.to_string())
}
