//! What happens to each record: the field's check (fast path or the library's parser), the output line, and
//! the counts for the summary.

use std::io::{self, Write};

use crate::fast::{is_canonical, Out, Template};
use crate::fields::{check_one, hidden, Policy};
use crate::input::{problem, Sink, Value};

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

/// Output is collected here and written in blocks of about this size. (The buffer is the report's own rather
/// than a `BufWriter`'s so that each line is built in place, not built and then copied.)
const OUT_BLOCK: usize = 128 << 10;

/// What follows the line number of a valid record, up to its value.
const VALID_TSV: &[u8] = b"\tvalid\t\t";
const VALID_JSON: &[u8] = b",\"valid\":true,\"value\":\"";

/// How each record is checked and printed, and what was counted.
pub struct Report<W: Write> {
    out: W,
    format: Format,
    policy: Policy,
    /// The masked (or, with `--show-values`, unmasked) form of a canonical value, learnt from the library, when the
    /// field has a fast path (`fast.rs`).
    template: Option<Template>,
    /// `template` with everything after the line number of a valid record's output line around it.
    valid_line: Option<Template>,
    show_values: bool,
    only_invalid: bool,
    /// The current file's column (TSV) or member (JSON), when several files are read.
    label: Vec<u8>,
    /// Output not written yet.
    buf: Out,
    line_number: itoa::Buffer,
    /// The code of a value with bytes that its encoding does not allow.
    undecodable: &'static str,
    pub valid: u64,
    /// Invalid records per error code, in the order the codes were first seen.
    pub invalid: Vec<(&'static str, u64)>,
}

impl<W: Write> Report<W> {
    pub fn new(out: W, format: Format, policy: Policy, show_values: bool, only_invalid: bool) -> Self {
        let mut report = Report {
            out,
            format,
            policy,
            template: Template::for_policy(&policy, show_values),
            valid_line: None,
            show_values,
            only_invalid,
            label: Vec::new(),
            buf: Out::with_capacity(OUT_BLOCK + (4 << 10)),
            line_number: itoa::Buffer::new(),
            undecodable: problem::NOT_UTF8,
            valid: 0,
            invalid: Vec::new(),
        };
        report.frame();
        report
    }

    /// Frames the template as a whole valid line: what `start(_, None)` writes after the line number, the
    /// template, and what `end` writes.
    fn frame(&mut self) {
        let (before, after): (&[u8], &[u8]) = match self.format {
            Format::Tsv => (VALID_TSV, b"\n"),
            Format::Json => (VALID_JSON, b"\"}\n"),
            Format::Value => (b"", b"\n"),
        };
        self.valid_line = self.template.as_ref().map(|t| t.framed(before, after));
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
        self.frame();
    }

    /// The code of a value with bytes that the current input's encoding does not allow.
    pub fn set_undecodable(&mut self, code: &'static str) {
        self.undecodable = code;
    }

    pub fn flush(&mut self) -> io::Result<()> {
        self.out.write_all(self.buf.as_slice())?;
        self.buf.clear();
        self.out.flush()
    }
}

impl<W: Write> Sink for Report<W> {
    /// Checks and prints one record.
    #[inline]
    fn record(&mut self, line: u64, value: Value<'_>) -> io::Result<()> {
        match value {
            Value::Bytes(bytes) => {
                if let Some(valid_line) = self.valid_line.as_ref().filter(|_| is_canonical(bytes)) {
                    self.valid += 1;
                    if self.only_invalid {
                        return Ok(());
                    }
                    let b = &mut self.buf;
                    if line_head(b, self.format, &self.label) {
                        b.extend(self.line_number.format(line).as_bytes());
                    }
                    valid_line.fill(bytes, b);
                    return self.written();
                }
                match std::str::from_utf8(bytes) {
                    Ok(text) => self.text(line, text),
                    Err(_) => {
                        let lossy = String::from_utf8_lossy(bytes);
                        self.problem(line, self.undecodable, Some(&lossy))
                    }
                }
            }
            Value::Text(text) => self.text(line, &text),
            Value::Problem(code) => self.problem(line, code, None),
        }
    }

    /// A run of lines that are each a canonical PCCC: printed from the template, with the line number counted
    /// in place, without a call per line.
    fn bulk(&mut self, line: u64, block: &[u8]) -> io::Result<(usize, u64)> {
        let Report { out, format, valid_line, only_invalid, label, buf, .. } = self;
        let Some(valid_line) = valid_line.as_ref() else {
            return Ok((0, 0));
        };
        let Some(mut counter) = Counter::new(line) else {
            return Ok((0, 0));
        };
        let (mut at, mut taken) = (0usize, 0u64);
        while let Some(code) = block.get(at..at + 14) {
            if code[13] != b'\n' || !is_canonical(&code[..13]) {
                break;
            }
            if !*only_invalid {
                if line_head(buf, *format, label) {
                    counter.write(buf);
                }
                valid_line.fill(&code[..13], buf);
                if buf.len() >= OUT_BLOCK {
                    out.write_all(buf.as_slice())?;
                    buf.clear();
                }
            }
            at += 14;
            taken += 1;
            if !counter.increment() {
                break;
            }
        }
        self.valid += taken;
        Ok((at, taken))
    }
}

/// A line number as decimal digits, counted up in place: the ASCII digits left-aligned in the big-endian bytes
/// of two `u64`s, so that they stay in registers and are stored as two words. (Counting byte by byte in memory
/// and then copying the digits as a block stalls the CPU on every line: a wide load cannot take its bytes from
/// narrower stores still in flight.)
struct Counter {
    words: [u64; 2],
    len: usize,
}

impl Counter {
    /// The most digits it counts to; `new` refuses larger numbers.
    const MAX_DIGITS: usize = 16;

    fn new(n: u64) -> Option<Counter> {
        let mut itoa = itoa::Buffer::new();
        let text = itoa.format(n).as_bytes();
        let mut digits = [b'0'; 16];
        digits.get_mut(..text.len())?.copy_from_slice(text);
        Some(Counter::from_bytes(digits, text.len()))
    }

    fn from_bytes(digits: [u8; 16], len: usize) -> Counter {
        let [a0, a1, a2, a3, a4, a5, a6, a7, b0, b1, b2, b3, b4, b5, b6, b7] = digits;
        Counter {
            words: [
                u64::from_be_bytes([a0, a1, a2, a3, a4, a5, a6, a7]),
                u64::from_be_bytes([b0, b1, b2, b3, b4, b5, b6, b7]),
            ],
            len,
        }
    }

    fn bytes(&self) -> [u8; 16] {
        let mut digits = [0; 16];
        digits[..8].copy_from_slice(&self.words[0].to_be_bytes());
        digits[8..].copy_from_slice(&self.words[1].to_be_bytes());
        digits
    }

    #[inline]
    fn write(&self, out: &mut Out) {
        let len = out.len();
        out.fixed(&self.words[0].to_be_bytes(), 8);
        out.fixed(&self.words[1].to_be_bytes(), 8);
        out.truncate(len + self.len);
    }

    #[cfg(test)]
    fn as_bytes(&self) -> Vec<u8> {
        self.bytes()[..self.len].to_vec()
    }

    /// Counts one up; `false` when the number would need more than `MAX_DIGITS` digits.
    #[inline]
    fn increment(&mut self) -> bool {
        let last = self.len - 1;
        let shift = 8 * (7 - last % 8);
        let word = &mut self.words[last / 8];
        if (*word >> shift) as u8 != b'9' {
            *word += 1 << shift;
            return true;
        }
        let mut bytes = self.bytes();
        for i in (0..self.len).rev() {
            if bytes[i] < b'9' {
                bytes[i] += 1;
                *self = Counter::from_bytes(bytes, self.len);
                return true;
            }
            bytes[i] = b'0';
        }
        // All nines: one more digit.
        if self.len == Counter::MAX_DIGITS {
            return false;
        }
        bytes[0] = b'1';
        bytes[self.len] = b'0';
        *self = Counter::from_bytes(bytes, self.len + 1);
        true
    }
}

impl<W: Write> Report<W> {
    /// The general path: the library's parser and mask.
    fn text(&mut self, line: u64, text: &str) -> io::Result<()> {
        let (code, shown) = check_one(&self.policy, text, self.show_values);
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
    fn start(&mut self, line: u64, code: Option<&str>) {
        let b = &mut self.buf;
        if line_head(b, self.format, &self.label) {
            b.extend(self.line_number.format(line).as_bytes());
        }
        match (self.format, code) {
            (Format::Tsv, None) => b.extend(VALID_TSV),
            (Format::Tsv, Some(code)) => {
                b.extend(b"\tinvalid\t");
                b.extend(code.as_bytes());
                b.push(b'\t');
            }
            (Format::Json, None) => b.extend(VALID_JSON),
            (Format::Json, Some(code)) => {
                b.extend(b",\"valid\":false,\"code\":\"");
                b.extend(code.as_bytes());
                b.extend(b"\",\"value\":\"");
            }
            (Format::Value, _) => {}
        }
    }

    /// Appends the value, escaped for the format.
    fn value(&mut self, text: &str) {
        match self.format {
            Format::Tsv | Format::Value => {
                let mut escaped = Vec::new();
                escape_tsv(text, &mut escaped);
                self.buf.extend(&escaped);
            }
            Format::Json => {
                // json_string quotes; the opening quote is already there and the closing one comes in `end`.
                let mut quoted = Vec::new();
                json_string(text, &mut quoted);
                self.buf.extend(quoted.get(1..quoted.len().saturating_sub(1)).unwrap_or_default());
            }
        }
    }

    /// Ends the output line.
    fn end(&mut self) -> io::Result<()> {
        if self.format == Format::Json {
            self.buf.extend(b"\"}");
        }
        self.buf.push(b'\n');
        self.written()
    }

    /// Writes the output collected so far once it fills a block.
    #[inline]
    fn written(&mut self) -> io::Result<()> {
        if self.buf.len() >= OUT_BLOCK {
            self.out.write_all(self.buf.as_slice())?;
            self.buf.clear();
        }
        Ok(())
    }
}

/// Starts an output line up to its line number: the file column (TSV) or `{"file":…,"line":` (JSON). Returns
/// whether the format has a line number next.
#[inline]
fn line_head(out: &mut Out, format: Format, label: &[u8]) -> bool {
    match format {
        Format::Tsv => out.extend(label),
        Format::Json => {
            out.push(b'{');
            out.extend(label);
            out.extend(b"\"line\":");
        }
        Format::Value => return false,
    }
    true
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_counter_counts_like_itoa() {
        for start in [1u64, 8, 9, 98, 99, 999, 1_234_567, 19_999_999, 9_999_999_998, 999_999_999_999_998] {
            let mut counter = Counter::new(start).unwrap();
            for n in start..start + 3 {
                assert_eq!(counter.as_bytes(), n.to_string().as_bytes());
                assert!(counter.increment());
            }
        }
        let mut last = Counter::new(9_999_999_999_999_999).unwrap();
        assert!(!last.increment(), "past 16 digits, the caller counts");
        assert!(Counter::new(10_000_000_000_000_000).is_none());
    }
}
