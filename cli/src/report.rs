//! What happens to each record: the field's check (fast path or the library's parser), the output line, and
//! the counts for the summary.

use std::io::{self, Write};

use pccc_guard::{MobileNumber, Pccc, Postcode, RecipientName};

use crate::fast::{is_canonical_pccc, Template};
use crate::input::{problem, Value};
use crate::{Field, Masks, Policy};

/// What is printed per record.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `line TAB valid|invalid TAB code TAB value` (`check`).
    Tsv,
    /// `{"line":…,"valid":…,"code":…,"value":…}` (`check --json`).
    Json,
    /// The value alone (`mask`).
    Value,
}

/// How each record is checked and printed, and what was counted.
pub struct Report<W: Write> {
    out: W,
    format: Format,
    field: Field,
    policy: Policy,
    template: Option<Template>,
    show_values: bool,
    only_invalid: bool,
    /// The current file's column (TSV) or member (JSON), when several files are read.
    label: Vec<u8>,
    /// The output line being built.
    buf: Vec<u8>,
    line_number: itoa::Buffer,
    pub valid: u64,
    /// Invalid records per error code, in the order the codes were first seen.
    pub invalid: Vec<(&'static str, u64)>,
}

impl<W: Write> Report<W> {
    pub fn new(out: W, format: Format, field: Field, policy: Policy, show_values: bool, only_invalid: bool) -> Self {
        let template = match &policy.masks {
            Masks::Pccc(mask) => Template::learn(mask).ok().flatten(),
            _ => None,
        };
        Report {
            out,
            format,
            field,
            policy,
            template,
            show_values,
            only_invalid,
            label: Vec::new(),
            buf: Vec::with_capacity(256),
            line_number: itoa::Buffer::new(),
            valid: 0,
            invalid: Vec::new(),
        }
    }

    /// Names the file the following records come from (when several are read).
    pub fn set_file(&mut self, path: &str) {
        self.label.clear();
        match self.format {
            Format::Tsv => {
                escape_tsv(path, &mut self.label);
                self.label.push(b'\t');
            }
            Format::Json => {
                self.label.extend_from_slice(b"\"file\":");
                json_string(path, &mut self.label);
                self.label.push(b',');
            }
            Format::Value => {}
        }
    }

    pub fn invalid_total(&self) -> u64 {
        self.invalid.iter().map(|(_, n)| n).sum()
    }

    pub fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }

    /// Checks and prints one record.
    #[inline]
    pub fn record(&mut self, line: u64, value: Value<'_>) -> io::Result<()> {
        match value {
            Value::Bytes(bytes) => {
                if self.field == Field::Pccc
                    && (self.show_values || self.template.is_some())
                    && is_canonical_pccc(bytes)
                {
                    self.valid += 1;
                    if self.only_invalid {
                        return Ok(());
                    }
                    self.start(line, None);
                    match &self.template {
                        Some(template) if !self.show_values => template.fill(bytes, &mut self.buf),
                        _ => self.buf.extend_from_slice(bytes),
                    }
                    return self.end();
                }
                match std::str::from_utf8(bytes) {
                    Ok(text) => self.text(line, text),
                    Err(_) => {
                        let lossy = String::from_utf8_lossy(bytes);
                        self.problem(line, problem::NOT_UTF8, Some(&lossy))
                    }
                }
            }
            Value::Text(text) => self.text(line, &text),
            Value::Problem(code) => self.problem(line, code, None),
        }
    }

    /// The general path: the library's parser and mask.
    fn text(&mut self, line: u64, text: &str) -> io::Result<()> {
        let show = self.show_values;
        // (error code, what to print)
        let (code, shown): (Option<&'static str>, String) = match &self.policy.masks {
            Masks::Pccc(mask) => match Pccc::parse(text) {
                Ok(v) if show => (None, v.to_string()),
                Ok(v) => (None, mask.apply_to(&v).unwrap_or_default()),
                Err(e) => (Some(e.code()), if show { text.to_owned() } else { mask.apply(text).unwrap_or_default() }),
            },
            Masks::Phone(mask) => match MobileNumber::parse(text) {
                Ok(v) if show => (None, v.to_string()),
                Ok(v) => (None, mask.apply_to(&v).unwrap_or_default()),
                Err(e) => (Some(e.code()), if show { text.to_owned() } else { mask.apply(text).unwrap_or_default() }),
            },
            Masks::Name(mask) => match RecipientName::parse(text) {
                Ok(v) if show => (None, v.to_string()),
                Ok(v) => (None, mask.apply_to(&v).unwrap_or_default()),
                Err(e) => (Some(e.code()), if show { text.to_owned() } else { mask.apply(text).unwrap_or_default() }),
            },
            // Postcodes have no mask in the library: a valid one is printed, an invalid one hidden like the
            // other fields' (its length only).
            Masks::Postcode => match Postcode::parse(text) {
                Ok(v) => (None, v.to_string()),
                Err(e) => (Some(e.code()), if show { text.to_owned() } else { hidden(text, self.policy.fill) }),
            },
        };
        match code {
            None => {
                self.valid += 1;
                if self.only_invalid {
                    return Ok(());
                }
            }
            Some(code) => self.count(code),
        }
        self.start(line, code);
        self.value(&shown);
        self.end()
    }

    /// A record without a value to check. With `--show-values` (or in `mask`), a line that is not UTF-8 is
    /// printed with its bad bytes replaced, or masked completely.
    fn problem(&mut self, line: u64, code: &'static str, text: Option<&str>) -> io::Result<()> {
        self.count(code);
        self.start(line, Some(code));
        if let Some(text) = text {
            let shown = if self.show_values { text.to_owned() } else { hidden(text, self.policy.fill) };
            self.value(&shown);
        }
        self.end()
    }

    fn count(&mut self, code: &'static str) {
        match self.invalid.iter_mut().find(|(c, _)| *c == code) {
            Some((_, n)) => *n += 1,
            None => self.invalid.push((code, 1)),
        }
    }

    /// Starts an output line: everything before the value.
    #[inline]
    fn start(&mut self, line: u64, code: Option<&str>) {
        let b = &mut self.buf;
        b.clear();
        match self.format {
            Format::Tsv => {
                b.extend_from_slice(&self.label);
                b.extend_from_slice(self.line_number.format(line).as_bytes());
                b.extend_from_slice(if code.is_some() { b"\tinvalid\t" } else { b"\tvalid\t" });
                b.extend_from_slice(code.unwrap_or_default().as_bytes());
                b.push(b'\t');
            }
            Format::Json => {
                b.extend_from_slice(b"{");
                b.extend_from_slice(&self.label);
                b.extend_from_slice(b"\"line\":");
                b.extend_from_slice(self.line_number.format(line).as_bytes());
                match code {
                    None => b.extend_from_slice(b",\"valid\":true,\"value\":\""),
                    Some(code) => {
                        b.extend_from_slice(b",\"valid\":false,\"code\":\"");
                        b.extend_from_slice(code.as_bytes());
                        b.extend_from_slice(b"\",\"value\":\"");
                    }
                }
            }
            Format::Value => {}
        }
    }

    /// Appends the value, escaped for the format.
    fn value(&mut self, text: &str) {
        match self.format {
            Format::Tsv | Format::Value => escape_tsv(text, &mut self.buf),
            Format::Json => {
                let at = self.buf.len();
                json_string(text, &mut self.buf);
                // json_string quotes; the opening quote is already there.
                self.buf.remove(at);
                self.buf.pop();
            }
        }
    }

    /// Ends the output line and writes it.
    #[inline]
    fn end(&mut self) -> io::Result<()> {
        if self.format == Format::Json {
            self.buf.extend_from_slice(b"\"}");
        }
        self.buf.push(b'\n');
        self.out.write_all(&self.buf)
    }
}

/// `text` completely masked: the fill character once per character after the library's normalisation, as every
/// mask shows a value that is not valid.
fn hidden(text: &str, fill: char) -> String {
    pccc_guard::normalize(text).chars().map(|_| fill).collect()
}

/// Appends `text` with tab, newline, carriage return and backslash escaped (`\t`, `\n`, `\r`, `\\`), so that a
/// value is always one TSV cell.
fn escape_tsv(text: &str, out: &mut Vec<u8>) {
    if !text.bytes().any(|b| matches!(b, b'\t' | b'\n' | b'\r' | b'\\')) {
        out.extend_from_slice(text.as_bytes());
        return;
    }
    for b in text.bytes() {
        match b {
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\\' => out.extend_from_slice(b"\\\\"),
            _ => out.push(b),
        }
    }
}

/// Appends `text` as a quoted JSON string.
fn json_string(text: &str, out: &mut Vec<u8>) {
    // Writing into a Vec cannot fail.
    let _ = serde_json::to_writer(&mut *out, text);
}
