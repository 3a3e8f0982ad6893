//! Reading records from a stream in constant memory: one value per line, a JSON Lines key, or CSV rows (whole, or
//! one column of them).
//!
//! Every reader works on one [`Chunks`] buffer: input is read in large blocks and records are handed out as
//! slices of it, so nothing is copied and nothing grows with the input. A record may be at most
//! [`MAX_RECORD`] bytes long; a longer one is reported (`record_too_long`) and skipped.

use std::borrow::Cow;
use std::io::{self, Read};

use memchr::{memchr, memchr2, memchr3_iter, memchr_iter};

/// The longest record (a line, or a CSV row with its quoted newlines) that is read whole.
pub const MAX_RECORD: usize = 1 << 20;
/// How much is read from the input at a time.
const READ_SIZE: usize = 256 << 10;

/// What a reader found for one record's value.
pub enum Value<'a> {
    /// The raw bytes of the value: a line, or a CSV field (unquoted); not yet checked to be UTF-8.
    Bytes(&'a [u8]),
    /// A decoded string (a JSON Lines value).
    Text(Cow<'a, str>),
    /// No value could be read; the code says why.
    Problem(&'static str),
}

/// Where records go.
pub trait Sink {
    /// One record, with the line number where it starts.
    fn record(&mut self, line: u64, value: Value<'_>) -> io::Result<()>;

    /// Takes, in one go, as many whole lines from the start of `block` (line numbers from `line`) as it can
    /// handle faster than one by one; returns the bytes and the lines taken.
    fn bulk(&mut self, _line: u64, _block: &[u8]) -> io::Result<(usize, u64)> {
        Ok((0, 0))
    }
}

/// Codes of the records that have no value. They join the field's own error codes in the output and summary.
pub mod problem {
    /// A line, or the value's bytes in a CSV field, is not UTF-8.
    pub const NOT_UTF8: &str = "not_utf8";
    /// A record over [`MAX_RECORD`](super::MAX_RECORD) bytes.
    pub const RECORD_TOO_LONG: &str = "record_too_long";
    /// A CSV row whose number of fields differs from the header's.
    pub const MALFORMED_ROW: &str = "malformed_row";
    /// A JSON Lines line that is not a JSON object, or has a repeated key.
    pub const MALFORMED_JSON: &str = "malformed_json";
    /// A JSON Lines object without the key.
    pub const MISSING_KEY: &str = "missing_key";
    /// A JSON Lines value that is not a string.
    pub const NOT_A_STRING: &str = "not_a_string";
    /// A record that holds bytes its encoding (`--encoding`, or a BOM's) does not allow.
    pub const NOT_DECODABLE: &str = "not_decodable";
}

/// A block buffer over a reader. `data[start..end]` is read but not consumed yet.
pub struct Chunks<R> {
    reader: R,
    data: Vec<u8>,
    start: usize,
    end: usize,
    eof: bool,
    first: bool,
}

impl<R: Read> Chunks<R> {
    pub fn new(reader: R) -> Chunks<R> {
        Chunks { reader, data: vec![0; MAX_RECORD + READ_SIZE], start: 0, end: 0, eof: false, first: true }
    }

    fn pending(&self) -> &[u8] {
        &self.data[self.start..self.end]
    }

    /// Reads more input after what is pending, moving the pending bytes to the front first when the space after
    /// them is short. Returns the number of bytes read (0 at the end of the input, or when the buffer is full).
    fn fill(&mut self) -> io::Result<usize> {
        if self.eof {
            return Ok(0);
        }
        if self.data.len() - self.end < READ_SIZE {
            self.data.copy_within(self.start..self.end, 0);
            self.end -= self.start;
            self.start = 0;
        }
        let room = (self.data.len() - self.end).min(READ_SIZE);
        if room == 0 {
            return Ok(0);
        }
        let mut n = self.read_some(room)?;
        if self.first {
            // A byte order mark, as spreadsheet programs write at the start of a UTF-8 file, is not data. The
            // first fill reads until it can tell (nothing has been consumed before it).
            self.first = false;
            while !self.eof && self.end - self.start < 3 {
                n += self.read_some(room - n)?;
            }
            if self.pending().starts_with(b"\xEF\xBB\xBF") {
                self.start += 3;
            }
        }
        Ok(n)
    }

    /// One read of at most `room` bytes after `end`.
    fn read_some(&mut self, room: usize) -> io::Result<usize> {
        let n = loop {
            match self.reader.read(&mut self.data[self.end..self.end + room]) {
                Ok(n) => break n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            }
        };
        if n == 0 {
            self.eof = true;
        }
        self.end += n;
        Ok(n)
    }
}

/// Gives `sink` every line (`\n`, with an optional `\r` before it) of `input`; `progress(bytes)` after each
/// block read. A final line without a newline counts; an empty input has no lines.
pub fn lines<R: Read>(input: &mut Chunks<R>, mut progress: impl FnMut(u64), sink: &mut impl Sink) -> io::Result<()> {
    let mut line = 0u64;
    // Whether the line being read has already overflowed MAX_RECORD and is being skipped to its end.
    let mut skipping = false;
    loop {
        let pending = input.pending();
        if !skipping && pending.get(13) == Some(&b'\n') {
            let (bytes, taken) = sink.bulk(line + 1, pending)?;
            if taken > 0 {
                input.start += bytes;
                line += taken;
                continue;
            }
        }
        if let Some(i) = memchr(b'\n', pending) {
            line += 1;
            let text = pending[..i].strip_suffix(b"\r").unwrap_or(&pending[..i]);
            if skipping {
                skipping = false;
                sink.record(line, Value::Problem(problem::RECORD_TOO_LONG))?;
            } else {
                sink.record(line, Value::Bytes(text))?;
            }
            input.start += i + 1;
            continue;
        }
        if pending.len() >= MAX_RECORD {
            // Keep counting the line but not its bytes.
            skipping = true;
            input.start = input.end;
        }
        let n = input.fill()?;
        progress(n as u64);
        if n == 0 {
            let pending = input.pending();
            if skipping || !pending.is_empty() {
                line += 1;
                let text = pending.strip_suffix(b"\r").unwrap_or(pending);
                let value = if skipping { Value::Problem(problem::RECORD_TOO_LONG) } else { Value::Bytes(text) };
                sink.record(line, value)?;
                input.start = input.end;
            }
            return Ok(());
        }
    }
}

/// Skips to the start of the next line; returns whether there was one.
fn skip_line<R: Read>(input: &mut Chunks<R>, mut progress: impl FnMut(u64)) -> io::Result<bool> {
    loop {
        if let Some(i) = memchr(b'\n', input.pending()) {
            input.start += i + 1;
            return Ok(true);
        }
        input.start = input.end;
        let n = input.fill()?;
        progress(n as u64);
        if n == 0 {
            return Ok(false);
        }
    }
}

/// Why a CSV input cannot be read at all (as opposed to a record that is reported).
pub enum CsvError {
    Io(io::Error),
    /// The header has no column of that name (the name, then the header's names, for the message).
    NoSuchColumn(String, Vec<String>),
    /// The header row holds bytes that its encoding does not allow (a CP949 file read as UTF-8).
    HeaderNotDecodable,
}

/// The names of a header row, or why it cannot be read.
pub fn header_names(names: &[&[u8]]) -> Result<Vec<String>, CsvError> {
    names.iter().map(|n| std::str::from_utf8(n).map(str::to_owned).map_err(|_| CsvError::HeaderNotDecodable)).collect()
}

impl From<io::Error> for CsvError {
    fn from(e: io::Error) -> CsvError {
        CsvError::Io(e)
    }
}

/// How one CSV row ended.
enum Row {
    /// A whole row: `fields` and `ends` hold it.
    Read { fields: usize },
    /// Over MAX_RECORD bytes, or over the field-count limit.
    TooLong,
    /// No more rows.
    End,
}

/// Reads one CSV row from `input.start` with `parser` into `fields` and `ends` (grown up to the limits), keeping its
/// bytes in the buffer (`fill` keeps everything from `input.start`) so that reading can start again on its second
/// line. Returns the row and the bytes it took.
fn read_row<R: Read>(
    parser: &mut csv_core::Reader,
    input: &mut Chunks<R>,
    fields: &mut Vec<u8>,
    ends: &mut Vec<usize>,
    progress: &mut impl FnMut(u64),
) -> io::Result<(Row, usize)> {
    parser.reset();
    let (mut consumed, mut nout, mut nend) = (0usize, 0usize, 0usize);
    let row = loop {
        let from = input.start + consumed;
        let (result, nin, n_out, n_end) =
            parser.read_record(&input.data[from..input.end], &mut fields[nout..], &mut ends[nend..]);
        consumed += nin;
        nout += n_out;
        nend += n_end;
        match result {
            csv_core::ReadRecordResult::InputEmpty => {
                if consumed >= MAX_RECORD {
                    break Row::TooLong;
                }
                if from + nin == input.end && input.eof {
                    // The parser has been given the end of the input; it answers Record or End next.
                    continue;
                }
                let n = input.fill()?;
                progress(n as u64);
                if n == 0 && !input.eof {
                    break Row::TooLong;
                }
            }
            csv_core::ReadRecordResult::OutputFull if fields.len() < MAX_RECORD => {
                fields.resize(fields.len() * 2, 0);
            }
            csv_core::ReadRecordResult::OutputEndsFull if ends.len() < MAX_RECORD / 64 => {
                ends.resize(ends.len() * 2, 0);
            }
            csv_core::ReadRecordResult::OutputFull | csv_core::ReadRecordResult::OutputEndsFull => {
                break Row::TooLong;
            }
            csv_core::ReadRecordResult::Record => break Row::Read { fields: nend },
            csv_core::ReadRecordResult::End => break Row::End,
        }
    };
    Ok((row, consumed))
}

/// The fields of one row: `data[ranges[i]]` is field `i` (unquoted).
#[derive(Clone, Copy)]
pub struct Fields<'a> {
    data: &'a [u8],
    ranges: &'a [(usize, usize)],
}

impl<'a> Fields<'a> {
    pub fn new(data: &'a [u8], ranges: &'a [(usize, usize)]) -> Self {
        Fields { data, ranges }
    }

    pub fn len(&self) -> usize {
        self.ranges.len()
    }

    pub fn get(&self, i: usize) -> &'a [u8] {
        self.ranges.get(i).map_or(&[][..], |&(a, b)| &self.data[a..b])
    }

    pub fn iter(&self) -> impl Iterator<Item = &'a [u8]> + '_ {
        (0..self.len()).map(|i| self.get(i))
    }
}

/// Where each field of a row starts and ends in its text.
pub type Ranges = Vec<(usize, usize)>;

/// One row of a table (a CSV file, a sheet).
pub enum TableRow<'a> {
    /// A row with as many fields as the header.
    Fields(Fields<'a>),
    /// A row that cannot be read as one: the code, and the fields it has (none when it was too long).
    Problem(&'static str, Fields<'a>),
}

/// Where the rows of a table go, whole.
pub trait RowSink {
    /// The header row (its names are UTF-8): may refuse it (a column it needs is missing).
    fn header(&mut self, names: &[String]) -> Result<(), CsvError>;

    /// One row, with the line (CSV) or the row number (sheet) where it starts.
    fn row(&mut self, line: u64, row: TableRow<'_>) -> io::Result<()>;

    /// A CSV row on one line, `text` (without its line break), given before the parser reads it: when it has no
    /// double quote and no carriage return (which the parser reads as the end of a row), its fields are exactly
    /// the text between its commas, and it is given as a row (`malformed_row` unless it has `width` fields, the
    /// header's). Returns `None`, having given nothing, for any other line. A sink that reads one field overrides
    /// this to take that field alone (the fast path of `check --csv`); `ranges` is room to split the line in.
    #[inline]
    fn plain_row(&mut self, line: u64, text: &[u8], width: usize, ranges: &mut Ranges) -> Option<io::Result<()>> {
        if !split_plain(text, ranges) {
            return None;
        }
        let row = Fields::new(text, ranges);
        let row =
            if ranges.len() == width { TableRow::Fields(row) } else { TableRow::Problem(problem::MALFORMED_ROW, row) };
        Some(self.row(line, row))
    }
}

/// Gives `sink` the header and then every row of CSV `input`, whole, with the line where each starts (RFC 4180:
/// commas, double quotes, `\r\n` or `\n`). Blank lines are skipped.
///
/// Parsing is the csv crate's own parser (csv-core), driven here over the block buffer so that a row can never
/// grow past [`MAX_RECORD`]: `csv::Reader` keeps growing a record, so one stray `"` in a multi-gigabyte file
/// would read the rest of the file into memory as one field. A row on one line without quotes is split at its
/// commas without the parser (exactly what the parser finds there). A row whose field count differs from the
/// header's is reported as `malformed_row`; when it spans several lines (an unbalanced quote swallowing the lines
/// after it) or overflows `MAX_RECORD`, reading starts again on the line after its first, so one broken row
/// costs one record.
pub fn csv_rows<R: Read>(
    input: &mut Chunks<R>,
    mut progress: impl FnMut(u64),
    sink: &mut impl RowSink,
) -> Result<(), CsvError> {
    let mut parser = csv_core::Reader::new();
    let mut fields = vec![0u8; 4096];
    let mut ends = vec![0usize; 64];
    let mut ranges: Ranges = Vec::with_capacity(64);
    // The header's number of fields, once it is read.
    let mut expected: Option<usize> = None;
    let mut line = 1u64;
    loop {
        skip_blank_lines(input, &mut line, &mut progress)?;
        if let Some(expected) = expected {
            let pending = input.pending();
            if let Some(nl) = memchr(b'\n', pending) {
                let text = pending[..nl].strip_suffix(b"\r").unwrap_or(&pending[..nl]);
                if let Some(given) = sink.plain_row(line, text, expected, &mut ranges) {
                    given?;
                    input.start += nl + 1;
                    line += 1;
                    continue;
                }
            }
        }
        let (row, consumed) = read_row(&mut parser, input, &mut fields, &mut ends, &mut progress)?;
        let row_line = line;
        // Newlines the row took, its terminator included; whether it ended with one.
        let newlines = parser.line() - 1;
        let terminated = consumed > 0 && input.data[input.start + consumed - 1] == b'\n';
        match row {
            Row::End => return Ok(()),
            Row::TooLong => {
                if expected.is_none() {
                    return Err(CsvError::Io(io::Error::new(io::ErrorKind::InvalidData, "the header row is too long")));
                }
                sink.row(row_line, TableRow::Problem(problem::RECORD_TOO_LONG, Fields::new(&[], &[])))?;
                line += 1;
                skip_line(input, &mut progress)?;
            }
            Row::Read { fields: count } => {
                ranges.clear();
                ranges.extend((0..count).map(|i| (if i == 0 { 0 } else { ends[i - 1] }, ends[i])));
                let row = Fields::new(&fields, &ranges);
                match expected {
                    None => {
                        let names: Vec<&[u8]> = row.iter().collect();
                        sink.header(&header_names(&names)?)?;
                        expected = Some(count);
                    }
                    Some(expected) if count == expected => sink.row(row_line, TableRow::Fields(row))?,
                    Some(_) => {
                        sink.row(row_line, TableRow::Problem(problem::MALFORMED_ROW, row))?;
                        if newlines > u64::from(terminated) {
                            // An unbalanced quote took the following lines: read them again.
                            line += 1;
                            skip_line(input, &mut progress)?;
                            continue;
                        }
                    }
                }
                input.start += consumed;
                line += newlines;
            }
        }
    }
}

/// Skips the blank lines at the start of what is pending (reading more while it is all blank), counting them in
/// `line`, so that `line` is the next row's first line.
fn skip_blank_lines<R: Read>(input: &mut Chunks<R>, line: &mut u64, progress: &mut impl FnMut(u64)) -> io::Result<()> {
    loop {
        let pending = input.pending();
        let blank = pending.iter().take_while(|&&b| b == b'\n' || b == b'\r').count();
        let rest = pending.len() - blank;
        *line += pending[..blank].iter().filter(|&&b| b == b'\n').count() as u64;
        input.start += blank;
        if rest > 0 {
            return Ok(());
        }
        let n = input.fill()?;
        progress(n as u64);
        if n == 0 {
            return Ok(());
        }
    }
}

/// Splits a line at its commas into `ranges` if it has no double quote and no carriage return: then the fields
/// are exactly what the CSV parser finds. Returns whether it did.
#[inline]
fn split_plain(text: &[u8], ranges: &mut Ranges) -> bool {
    if memchr2(b'"', b'\r', text).is_some() {
        return false;
    }
    ranges.clear();
    let mut start = 0;
    for at in memchr_iter(b',', text) {
        ranges.push((start, at));
        start = at + 1;
    }
    ranges.push((start, text.len()));
    true
}

/// One column of a table's rows, by name, to a record sink: `check --column` on a CSV file or a sheet.
pub struct Column<'a, S> {
    name: &'a str,
    index: usize,
    sink: &'a mut S,
}

impl<'a, S: Sink> Column<'a, S> {
    pub fn new(name: &'a str, sink: &'a mut S) -> Self {
        Column { name, index: 0, sink }
    }
}

impl<S: Sink> RowSink for Column<'_, S> {
    fn header(&mut self, names: &[String]) -> Result<(), CsvError> {
        match names.iter().position(|n| n == self.name) {
            Some(i) => {
                self.index = i;
                Ok(())
            }
            None => Err(CsvError::NoSuchColumn(self.name.to_owned(), names.to_vec())),
        }
    }

    fn row(&mut self, line: u64, row: TableRow<'_>) -> io::Result<()> {
        match row {
            TableRow::Fields(cells) => self.sink.record(line, Value::Bytes(cells.get(self.index))),
            TableRow::Problem(code, _) => self.sink.record(line, Value::Problem(code)),
        }
    }

    /// The column's field alone, found in the same pass that counts the fields.
    #[inline]
    fn plain_row(&mut self, line: u64, text: &[u8], width: usize, _: &mut Ranges) -> Option<io::Result<()>> {
        let (mut count, mut start) = (0usize, 0usize);
        let mut value: &[u8] = &[];
        for at in memchr3_iter(b',', b'"', b'\r', text) {
            if text[at] != b',' {
                return None;
            }
            if count == self.index {
                value = &text[start..at];
            }
            count += 1;
            start = at + 1;
        }
        if count == self.index {
            value = &text[start..];
        }
        let value = if count + 1 == width { Value::Bytes(value) } else { Value::Problem(problem::MALFORMED_ROW) };
        Some(self.sink.record(line, value))
    }
}

/// Gives `sink` the string value of `key` in every line of JSON Lines `input` (one JSON object per line,
/// parsed with serde_json). Blank lines are skipped.
pub fn jsonl<R: Read>(
    input: &mut Chunks<R>,
    key: &str,
    progress: impl FnMut(u64),
    sink: &mut impl Sink,
) -> io::Result<()> {
    struct Objects<'a, S> {
        key: &'a str,
        sink: &'a mut S,
    }
    impl<S: Sink> Sink for Objects<'_, S> {
        fn record(&mut self, line: u64, value: Value<'_>) -> io::Result<()> {
            match value {
                Value::Bytes(bytes) if bytes.iter().all(u8::is_ascii_whitespace) => Ok(()),
                Value::Bytes(bytes) => self.sink.record(line, json_value(bytes, self.key)),
                other => self.sink.record(line, other),
            }
        }
    }
    lines(input, progress, &mut Objects { key, sink })
}

/// The string under `key` in one JSON object, or the problem.
fn json_value<'a>(bytes: &'a [u8], key: &str) -> Value<'a> {
    use serde::de::DeserializeSeed;
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Value::Problem(problem::NOT_UTF8);
    };
    let mut de = serde_json::Deserializer::from_str(text);
    match Keyed(key).deserialize(&mut de).and_then(|v| de.end().map(|()| v)) {
        Ok(Found::Text(text)) => Value::Text(text),
        Ok(Found::Missing) => Value::Problem(problem::MISSING_KEY),
        Ok(Found::NotAString) => Value::Problem(problem::NOT_A_STRING),
        Err(_) => Value::Problem(problem::MALFORMED_JSON),
    }
}

/// What [`Keyed`] found in an object.
enum Found<'a> {
    Text(Cow<'a, str>),
    Missing,
    NotAString,
}

/// Reads one JSON object, keeping only the value of one key (borrowed when it has no escapes) and skipping
/// everything else without building it. A repeated key is an error: two readers of the file could otherwise
/// disagree on the value.
struct Keyed<'k>(&'k str);

impl<'de> serde::de::DeserializeSeed<'de> for Keyed<'_> {
    type Value = Found<'de>;

    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<Found<'de>, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> serde::de::Visitor<'de> for Keyed<'_> {
    type Value = Found<'de>;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Found<'de>, A::Error> {
        let mut found = Found::Missing;
        let mut seen = false;
        while let Some(k) = map.next_key::<Cow<'de, str>>()? {
            if k != self.0 {
                map.next_value::<serde::de::IgnoredAny>()?;
                continue;
            }
            if std::mem::replace(&mut seen, true) {
                return Err(serde::de::Error::custom("repeated key"));
            }
            found = match map.next_value::<MaybeText<'de>>()? {
                MaybeText(Some(text)) => Found::Text(text),
                MaybeText(None) => Found::NotAString,
            };
        }
        Ok(found)
    }
}

/// A JSON value that is a string (borrowed when it can be), or anything else (`None`).
struct MaybeText<'a>(Option<Cow<'a, str>>);

impl<'de> serde::Deserialize<'de> for MaybeText<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = MaybeText<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(MaybeText(Some(Cow::Borrowed(v))))
            }
            fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
                Ok(MaybeText(Some(Cow::Owned(v.to_owned()))))
            }
            fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
                Ok(MaybeText(Some(Cow::Owned(v))))
            }
            fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
                Ok(MaybeText(None))
            }
            fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
                Ok(MaybeText(None))
            }
            fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
                Ok(MaybeText(None))
            }
            fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
                Ok(MaybeText(None))
            }
            fn visit_unit<E>(self) -> Result<Self::Value, E> {
                Ok(MaybeText(None))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
                Ok(MaybeText(None))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                while map.next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?.is_some() {}
                Ok(MaybeText(None))
            }
        }
        deserializer.deserialize_any(V)
    }
}
