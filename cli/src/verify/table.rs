//! The export read whole into memory: its header row (and any title rows above it) and every row after it, each
//! cell as text. A verify run holds the table while UNI-PASS answers (an export of 100,000 orders is some tens of
//! megabytes), since its output is the same table with the answers added.

use std::io;

use crate::input::{CsvError, Fields, RowSink, TableRow};

/// One row of the export.
pub struct Row {
    /// The cells, as text (a cell that is not text in the input's encoding is read with U+FFFD in its place and
    /// listed in `undecodable`).
    pub cells: Vec<String>,
    /// The cells that are not text in the input's encoding.
    pub undecodable: Vec<usize>,
    /// A row that could not be read (longer than the reader's limit): its code.
    pub problem: Option<&'static str>,
}

impl Row {
    /// The cell `i`, empty past the row's end.
    pub fn cell(&self, i: usize) -> &str {
        self.cells.get(i).map_or("", String::as_str)
    }
}

/// Every row, the first reader's header row first.
#[derive(Default)]
pub struct Table {
    pub rows: Vec<Row>,
}

impl RowSink for Table {
    fn header(&mut self, names: &[String]) -> Result<(), CsvError> {
        self.rows.push(Row { cells: names.to_vec(), undecodable: Vec::new(), problem: None });
        Ok(())
    }

    fn row(&mut self, _line: u64, row: TableRow<'_>) -> io::Result<()> {
        let (cells, problem) = match row {
            TableRow::Fields(cells) => (cells, None),
            // A row with another number of cells than the header is still a row of the export (a title row
            // read as the header has fewer cells): only one too long to read has no cells.
            TableRow::Problem(code, cells) if cells.len() == 0 => (cells, Some(code)),
            TableRow::Problem(_, cells) => (cells, None),
        };
        self.rows.push(text_row(cells, problem));
        Ok(())
    }
}

fn text_row(cells: Fields<'_>, problem: Option<&'static str>) -> Row {
    let mut undecodable = Vec::new();
    let cells = cells
        .iter()
        .enumerate()
        .map(|(i, bytes)| match std::str::from_utf8(bytes) {
            Ok(text) => text.to_owned(),
            Err(_) => {
                undecodable.push(i);
                String::from_utf8_lossy(bytes).into_owned()
            }
        })
        .collect();
    Row { cells, undecodable, problem }
}
