//! Whole rows of a table (CSV or a sheet): several fields checked in one pass with the recipient check, printed
//! per row (TSV or JSON), or written back as the annotated copy (every column, the checked ones masked, then a
//! status column and an error code and message per checked field).

use std::io::{self, Write};

use pccc_guard::Locale;

use crate::decode::TextOut;
use crate::fields::{self, check_row, hidden, Checked, FieldMasks};
use crate::input::{problem, CsvError, Fields, RowSink, TableRow};
use crate::Field;

/// What is written per row.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum RowFormat {
    /// `line TAB valid|invalid`, then `code TAB value` per field.
    Tsv,
    /// `{"line":…,"valid":…,"fields":{…}}`: the recipient check's JSON with the line.
    Json,
    /// The annotated copy (CSV).
    Annotate,
}

/// The message of a code that the command line adds to the library's (a row that cannot be read).
fn problem_message(code: &str, locale: Locale) -> &'static str {
    let english = fields::is_english(locale);
    match code {
        problem::NOT_UTF8 if english => {
            "The value holds bytes that are not UTF-8 (a Korean Excel CSV: --encoding cp949)."
        }
        problem::NOT_UTF8 => "UTF-8이 아닌 바이트가 있습니다 (한국어 Excel CSV라면 --encoding cp949).",
        problem::NOT_DECODABLE if english => "The value holds bytes that are not valid in the file's encoding.",
        problem::NOT_DECODABLE => "파일의 인코딩에 맞지 않는 바이트가 있습니다.",
        problem::MALFORMED_ROW if english => "The row does not have as many fields as the header row.",
        problem::MALFORMED_ROW => "행의 칸 수가 머리글 행과 다릅니다.",
        problem::RECORD_TOO_LONG if english => "The row is longer than 1 MiB and was not read.",
        problem::RECORD_TOO_LONG => "행이 1 MiB보다 길어 읽지 않았습니다.",
        _ => "",
    }
}

/// Output collected here is written in blocks of about this size.
const BLOCK: usize = 64 << 10;

/// Where the rows go: plain UTF-8 (TSV, JSON), or the annotated copy in its encoding.
pub enum RowOut<W: Write> {
    Plain(W),
    Text(TextOut<W>),
}

/// Checks the given columns of every row.
pub struct Rows<W: Write> {
    /// (field, column name) in the order given.
    columns: Vec<(Field, String)>,
    /// The columns' places in a JSON line: by field name, as the recipient check's JSON has its members.
    json_order: Vec<usize>,
    /// The columns' indices in the header row, and its width.
    index: Vec<usize>,
    width: usize,
    masks: FieldMasks,
    show_values: bool,
    only_invalid: bool,
    locale: Locale,
    format: RowFormat,
    /// The code of a value with bytes its encoding does not allow.
    undecodable: &'static str,
    /// The current file, when several are read (TSV: a first column; JSON: a "file" member).
    file: Option<String>,
    out: RowOut<W>,
    buf: String,
    pub valid: u64,
    /// Rows with an error.
    pub invalid_rows: u64,
    /// Errors per `field code` (or a row's own code), in the order first seen.
    pub invalid: Vec<(String, u64)>,
}

impl<W: Write> Rows<W> {
    pub fn new(
        columns: Vec<(Field, String)>,
        masks: FieldMasks,
        show_values: bool,
        only_invalid: bool,
        locale: Locale,
        format: RowFormat,
        out: RowOut<W>,
    ) -> Self {
        let mut json_order: Vec<usize> = (0..columns.len()).collect();
        json_order.sort_by_key(|&k| columns[k].0.name());
        Rows {
            columns,
            json_order,
            index: Vec::new(),
            width: 0,
            masks,
            show_values,
            only_invalid,
            locale,
            format,
            undecodable: problem::NOT_UTF8,
            file: None,
            out,
            buf: String::with_capacity(BLOCK + 4096),
            valid: 0,
            invalid_rows: 0,
            invalid: Vec::new(),
        }
    }

    /// The file the following rows come from (`label`: when several are read), and the code of undecodable
    /// values in it.
    pub fn set_file(&mut self, label: Option<String>, undecodable: &'static str) {
        self.file = label;
        self.undecodable = undecodable;
    }

    /// Characters the annotated copy's encoding lacks (written as references).
    pub fn unmappable(&self) -> u64 {
        match &self.out {
            RowOut::Text(t) => t.unmappable,
            RowOut::Plain(_) => 0,
        }
    }

    fn count(&mut self, key: String) {
        match self.invalid.iter_mut().find(|(k, _)| *k == key) {
            Some((_, n)) => *n += 1,
            None => self.invalid.push((key, 1)),
        }
    }

    fn written(&mut self) -> io::Result<()> {
        if self.buf.len() >= BLOCK {
            self.write_buf()?;
        }
        Ok(())
    }

    fn write_buf(&mut self) -> io::Result<()> {
        match &mut self.out {
            RowOut::Plain(w) => w.write_all(self.buf.as_bytes())?,
            RowOut::Text(t) => t.write_str(&self.buf)?,
        }
        self.buf.clear();
        Ok(())
    }

    pub fn flush(&mut self) -> io::Result<()> {
        self.write_buf()?;
        match &mut self.out {
            RowOut::Plain(w) => w.flush(),
            RowOut::Text(t) => t.flush(),
        }
    }

    /// Starts a TSV or JSON line: the file and the line.
    fn head(&mut self, line: u64) {
        match self.format {
            RowFormat::Tsv => {
                if let Some(file) = &self.file {
                    push_tsv(&mut self.buf, file);
                    self.buf.push('\t');
                }
                self.buf.push_str(itoa::Buffer::new().format(line));
            }
            RowFormat::Json => {
                self.buf.push('{');
                if let Some(file) = &self.file {
                    self.buf.push_str("\"file\":");
                    self.buf.push_str(&serde_json::to_string(file).unwrap_or_default());
                    self.buf.push(',');
                }
                self.buf.push_str("\"line\":");
                self.buf.push_str(itoa::Buffer::new().format(line));
            }
            RowFormat::Annotate => {}
        }
    }

    /// A row that cannot be read as one (wrong field count, too long): its code for the row and every field.
    fn problem_row(&mut self, line: u64, code: &'static str, cells: Fields<'_>) -> io::Result<()> {
        self.invalid_rows += 1;
        self.count(code.to_owned());
        match self.format {
            RowFormat::Tsv => {
                self.head(line);
                self.buf.push_str("\tinvalid");
                for _ in 0..self.columns.len() {
                    self.buf.push('\t');
                    self.buf.push_str(code);
                    self.buf.push('\t');
                }
                self.buf.push('\n');
            }
            RowFormat::Json => {
                self.head(line);
                self.buf.push_str(",\"valid\":false,\"code\":\"");
                self.buf.push_str(code);
                self.buf.push_str("\"}\n");
            }
            RowFormat::Annotate => {
                // Which cell is which is not known: every cell is hidden unless values are shown, and the
                // cells are fitted to the header's width so that the added columns stay in place.
                for i in 0..self.width {
                    let cell = String::from_utf8_lossy(cells.get(i));
                    let shown = if self.show_values { cell.into_owned() } else { hidden(&cell, self.masks.fill) };
                    push_csv(&mut self.buf, &shown);
                    self.buf.push(',');
                }
                push_csv(&mut self.buf, code);
                for _ in 0..self.columns.len() {
                    self.buf.push(',');
                    push_csv(&mut self.buf, code);
                    self.buf.push(',');
                    push_csv(&mut self.buf, problem_message(code, self.locale));
                }
                self.buf.push_str("\r\n");
            }
        }
        self.written()
    }
}

impl<W: Write> RowSink for Rows<W> {
    fn header(&mut self, names: &[String]) -> Result<(), CsvError> {
        self.index.clear();
        for (_, column) in &self.columns {
            match names.iter().position(|n| n == column) {
                Some(i) => self.index.push(i),
                None => return Err(CsvError::NoSuchColumn(column.clone(), names.to_vec())),
            }
        }
        self.width = names.len();
        if self.format == RowFormat::Annotate {
            for name in names {
                push_csv(&mut self.buf, name);
                self.buf.push(',');
            }
            let english = fields::is_english(self.locale);
            push_csv(&mut self.buf, if english { "check" } else { "검사 결과" });
            for (_, column) in &self.columns {
                self.buf.push(',');
                push_csv(&mut self.buf, &format!("{column} {}", if english { "error code" } else { "오류 코드" }));
                self.buf.push(',');
                push_csv(&mut self.buf, &format!("{column} {}", if english { "error message" } else { "오류 내용" }));
            }
            self.buf.push_str("\r\n");
            self.written()?;
        }
        Ok(())
    }

    fn row(&mut self, line: u64, row: TableRow<'_>) -> io::Result<()> {
        let cells = match row {
            TableRow::Fields(cells) => cells,
            TableRow::Problem(code, cells) => return self.problem_row(line, code, cells),
        };
        let checked = self.check_cells(cells);
        let valid = checked.iter().all(|c| c.error.is_none());
        if valid {
            self.valid += 1;
            if self.only_invalid {
                return Ok(());
            }
        } else {
            self.invalid_rows += 1;
            for (k, c) in checked.iter().enumerate() {
                if let Some((code, _)) = c.error {
                    self.count(format!("{} {code}", self.columns[k].0.name()));
                }
            }
        }
        self.write_checked(line, cells, valid, &checked);
        self.written()
    }
}

impl<W: Write> Rows<W> {
    /// The given columns of a row, checked; a value that is not (its encoding's) text is that field's error.
    fn check_cells(&self, cells: Fields<'_>) -> Vec<Checked> {
        let mut values: Vec<(Field, &str)> = Vec::with_capacity(self.columns.len());
        let mut undecodable = vec![false; self.columns.len()];
        for (k, (&(field, _), &i)) in self.columns.iter().zip(&self.index).enumerate() {
            match std::str::from_utf8(cells.get(i)) {
                Ok(text) => values.push((field, text)),
                Err(_) => {
                    values.push((field, ""));
                    undecodable[k] = true;
                }
            }
        }
        let json = self.format == RowFormat::Json;
        let mut checked = check_row(&values, &self.masks, self.show_values, self.locale, json);
        for (k, c) in checked.iter_mut().enumerate() {
            if undecodable[k] {
                let lossy = String::from_utf8_lossy(cells.get(self.index[k])).into_owned();
                c.shown = if self.show_values { lossy } else { hidden(&lossy, self.masks.fill) };
                c.error = Some((self.undecodable, problem_message(self.undecodable, self.locale)));
                let error = serde_json::json!({"code": self.undecodable, "message": c.error.map(|e| e.1)});
                c.json = format!("{{\"valid\":false,\"error\":{error}}}");
            }
        }
        checked
    }

    /// Writes a checked row in the output's format.
    fn write_checked(&mut self, line: u64, cells: Fields<'_>, valid: bool, checked: &[Checked]) {
        let status = if valid { "valid" } else { "invalid" };
        match self.format {
            RowFormat::Tsv => {
                self.head(line);
                self.buf.push('\t');
                self.buf.push_str(status);
                for c in checked {
                    self.buf.push('\t');
                    self.buf.push_str(c.error.map_or("", |e| e.0));
                    self.buf.push('\t');
                    push_tsv(&mut self.buf, &c.shown);
                }
                self.buf.push('\n');
            }
            RowFormat::Json => {
                self.head(line);
                self.buf.push_str(",\"valid\":");
                self.buf.push_str(if valid { "true" } else { "false" });
                self.buf.push_str(",\"fields\":{");
                for (n, &k) in self.json_order.iter().enumerate() {
                    if n > 0 {
                        self.buf.push(',');
                    }
                    self.buf.push('"');
                    self.buf.push_str(self.columns[k].0.name());
                    self.buf.push_str("\":");
                    self.buf.push_str(&checked[k].json);
                }
                self.buf.push_str("}}\n");
            }
            RowFormat::Annotate => {
                for i in 0..cells.len() {
                    match self.index.iter().position(|&j| j == i) {
                        Some(k) => push_csv(&mut self.buf, &checked[k].shown),
                        None => push_csv(&mut self.buf, &String::from_utf8_lossy(cells.get(i))),
                    }
                    self.buf.push(',');
                }
                push_csv(&mut self.buf, status);
                for c in checked {
                    self.buf.push(',');
                    push_csv(&mut self.buf, c.error.map_or("", |e| e.0));
                    self.buf.push(',');
                    push_csv(&mut self.buf, c.error.map_or("", |e| e.1));
                }
                self.buf.push_str("\r\n");
            }
        }
    }
}

/// Appends a CSV cell, quoted when it holds a comma, a double quote or a line break (RFC 4180).
pub fn push_csv(out: &mut String, text: &str) {
    if !text.bytes().any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r')) {
        out.push_str(text);
        return;
    }
    out.push('"');
    out.push_str(&text.replace('"', "\"\""));
    out.push('"');
}

/// Appends a TSV cell with tab, newline, carriage return and backslash escaped.
fn push_tsv(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
}
