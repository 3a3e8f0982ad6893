//! Text encodings: inputs in other encodings than UTF-8 (a CSV saved by Korean Excel is CP949) are decoded to
//! UTF-8 as they stream in, with encoding_rs, so that every reader works on UTF-8; the annotated copy can be
//! written back in the input's encoding.
//!
//! A byte order mark decides the encoding by itself (UTF-8, UTF-16LE, UTF-16BE), whatever `--encoding` says.
//! UTF-8 input is not decoded at all: its bytes go to the readers as they are (the fast paths need that).
//!
//! Bytes that are not valid in the input's encoding become one `0xFF` byte each in the decoded stream: a byte
//! that valid UTF-8 never holds, so a record with such bytes is seen by the readers exactly as a UTF-8 file's
//! record with invalid bytes is (reported, never skipped), and the place of the first is kept for a message.

use std::cell::Cell;
use std::io::{self, Cursor, Read, Write};
use std::rc::Rc;

use encoding_rs::{Decoder, DecoderResult, Encoder, EncoderResult, Encoding, UTF_16BE, UTF_16LE, UTF_8};
use memchr::memchr_iter;

/// What a malformed sequence becomes in the decoded stream.
pub const MARK: u8 = 0xFF;

/// The labels that name an encoding: the WHATWG labels encoding_rs knows, plus the names Windows uses for the
/// Korean code page (`cp949`, `ms949`, `uhc`), which WHATWG files under `euc-kr` (its decoder is CP949's).
pub fn for_label(label: &str) -> Option<&'static Encoding> {
    let label = label.trim();
    match label.to_ascii_lowercase().as_str() {
        "cp949" | "ms949" | "uhc" | "x-windows-949" => Some(encoding_rs::EUC_KR),
        _ => Encoding::for_label_no_replacement(label.as_bytes()),
    }
}

/// The name of an encoding in messages: `cp949` for the Korean code page, as users know it.
pub fn display_name(encoding: &'static Encoding) -> &'static str {
    if encoding == encoding_rs::EUC_KR {
        "cp949 (euc-kr)"
    } else {
        encoding.name()
    }
}

/// Malformed sequences seen in one input: how many, and the line of the first.
#[derive(Clone, Copy, Default)]
pub struct Malformed {
    pub count: u64,
    pub first_line: u64,
}

/// How an input is read.
pub struct Decoding {
    /// The input's encoding (the BOM's, or the one asked for, or UTF-8).
    pub encoding: &'static Encoding,
    /// What the decoder found wrong, when the input is decoded (not UTF-8).
    pub malformed: Option<Rc<Cell<Malformed>>>,
}

impl Decoding {
    /// The code of a record that holds bytes its encoding does not allow.
    pub fn problem_code(&self) -> &'static str {
        if self.encoding == UTF_8 {
            crate::input::problem::NOT_UTF8
        } else {
            crate::input::problem::NOT_DECODABLE
        }
    }
}

/// The input as UTF-8: `reader` itself when it is UTF-8 (its BOM left for the readers, which skip it), a
/// streaming decoder over it otherwise. `asked` is `--encoding`; a BOM overrides it.
pub fn open(mut reader: Box<dyn Read>, asked: Option<&'static Encoding>) -> io::Result<(Box<dyn Read>, Decoding)> {
    let mut prefix = [0u8; 3];
    let mut len = 0;
    while len < prefix.len() {
        match reader.read(&mut prefix[len..]) {
            Ok(0) => break,
            Ok(n) => len += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    let prefix = &prefix[..len];
    let bom = Encoding::for_bom(prefix);
    let encoding = bom.map(|(e, _)| e).or(asked).unwrap_or(UTF_8);
    if encoding == UTF_8 {
        let head = Cursor::new(prefix.to_vec());
        return Ok((Box::new(head.chain(reader)), Decoding { encoding, malformed: None }));
    }
    let head = Cursor::new(prefix[bom.map_or(0, |(_, n)| n)..].to_vec());
    let malformed = Rc::new(Cell::new(Malformed::default()));
    let decoder = Decoded::new(head.chain(reader), encoding.new_decoder_without_bom_handling(), malformed.clone());
    Ok((Box::new(decoder), Decoding { encoding, malformed: Some(malformed) }))
}

/// How much is decoded at a time.
const BLOCK: usize = 64 << 10;

/// A reader of UTF-8 decoded from another encoding, block by block (constant memory).
struct Decoded<R> {
    inner: R,
    decoder: Decoder,
    raw: Vec<u8>,
    raw_start: usize,
    raw_end: usize,
    eof: bool,
    /// The decoder has been given the end of the input and has answered everything.
    finished: bool,
    /// Decoded and not yet read: `out[out_start..out_end]`.
    out: Vec<u8>,
    out_start: usize,
    out_end: usize,
    /// Line breaks decoded so far.
    lines: u64,
    malformed: Rc<Cell<Malformed>>,
}

impl<R: Read> Decoded<R> {
    fn new(inner: R, decoder: Decoder, malformed: Rc<Cell<Malformed>>) -> Self {
        Decoded {
            inner,
            decoder,
            raw: vec![0; BLOCK],
            raw_start: 0,
            raw_end: 0,
            eof: false,
            finished: false,
            out: vec![0; BLOCK * 3 + 16],
            out_start: 0,
            out_end: 0,
            lines: 0,
            malformed,
        }
    }

    /// Decodes the next block into `out` (emptied); returns how much it holds (0 at the end of the input).
    fn refill(&mut self) -> io::Result<usize> {
        self.out_start = 0;
        self.out_end = 0;
        if self.finished {
            return Ok(0);
        }
        loop {
            if self.raw_start == self.raw_end && !self.eof {
                self.raw_start = 0;
                self.raw_end = loop {
                    match self.inner.read(&mut self.raw) {
                        Ok(n) => break n,
                        Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                        Err(e) => return Err(e),
                    }
                };
                self.eof = self.raw_end == 0;
            }
            // One byte is kept free for a mark.
            let room = self.out.len() - 1;
            let (result, read, written) = self.decoder.decode_to_utf8_without_replacement(
                &self.raw[self.raw_start..self.raw_end],
                &mut self.out[self.out_end..room],
                self.eof,
            );
            self.raw_start += read;
            self.out_end += written;
            if let DecoderResult::Malformed(_, _) = result {
                let line = self.lines + memchr_iter(b'\n', &self.out[..self.out_end]).count() as u64 + 1;
                let mut seen = self.malformed.get();
                if seen.count == 0 {
                    seen.first_line = line;
                }
                seen.count += 1;
                self.malformed.set(seen);
                self.out[self.out_end] = MARK;
                self.out_end += 1;
            }
            match result {
                DecoderResult::OutputFull => break,
                DecoderResult::Malformed(_, _) if self.out_end + 8 < room => continue,
                DecoderResult::Malformed(_, _) => break,
                DecoderResult::InputEmpty if self.eof => {
                    self.finished = true;
                    break;
                }
                DecoderResult::InputEmpty if self.out_end >= BLOCK => break,
                DecoderResult::InputEmpty => continue,
            }
        }
        self.lines += memchr_iter(b'\n', &self.out[..self.out_end]).count() as u64;
        Ok(self.out_end)
    }
}

impl<R: Read> Read for Decoded<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        if self.out_start == self.out_end && self.refill()? == 0 {
            return Ok(0);
        }
        let n = buf.len().min(self.out_end - self.out_start);
        buf[..n].copy_from_slice(&self.out[self.out_start..self.out_start + n]);
        self.out_start += n;
        Ok(n)
    }
}

/// Text written out in an encoding: UTF-8 with a BOM (what Korean Excel opens as UTF-8), UTF-16 with a BOM, or
/// a legacy encoding such as CP949 (characters it lacks become numeric character references, `&#8226;`, and are
/// counted).
pub struct TextOut<W: Write> {
    out: W,
    how: How,
    buf: Vec<u8>,
    /// Characters that the encoding lacks, written as references.
    pub unmappable: u64,
}

enum How {
    Utf8,
    Utf16 { big_endian: bool },
    Legacy(Encoder),
}

impl<W: Write> TextOut<W> {
    /// Writes the BOM (UTF-8 and UTF-16) at once.
    pub fn new(mut out: W, encoding: &'static Encoding) -> io::Result<Self> {
        let how = if encoding == UTF_16LE || encoding == UTF_16BE {
            How::Utf16 { big_endian: encoding == UTF_16BE }
        } else if encoding == UTF_8 || encoding.output_encoding() == UTF_8 {
            How::Utf8
        } else {
            How::Legacy(encoding.new_encoder())
        };
        match how {
            How::Utf8 => out.write_all(b"\xEF\xBB\xBF")?,
            How::Utf16 { big_endian: false } => out.write_all(b"\xFF\xFE")?,
            How::Utf16 { big_endian: true } => out.write_all(b"\xFE\xFF")?,
            How::Legacy(_) => {}
        }
        Ok(TextOut { out, how, buf: Vec::with_capacity(BLOCK * 2), unmappable: 0 })
    }

    /// Writes `text` (whole characters, so any block of them can be encoded on its own).
    pub fn write_str(&mut self, text: &str) -> io::Result<()> {
        match &mut self.how {
            How::Utf8 => self.out.write_all(text.as_bytes()),
            How::Utf16 { big_endian } => {
                self.buf.clear();
                for unit in text.encode_utf16() {
                    self.buf.extend_from_slice(&if *big_endian { unit.to_be_bytes() } else { unit.to_le_bytes() });
                }
                self.out.write_all(&self.buf)
            }
            How::Legacy(encoder) => {
                let mut rest = text;
                loop {
                    self.buf.resize(BLOCK * 2, 0);
                    let (result, read, written) =
                        encoder.encode_from_utf8_without_replacement(rest, &mut self.buf, false);
                    self.out.write_all(&self.buf[..written])?;
                    rest = &rest[read..];
                    match result {
                        EncoderResult::InputEmpty => return Ok(()),
                        EncoderResult::OutputFull => {}
                        EncoderResult::Unmappable(c) => {
                            self.unmappable += 1;
                            write!(self.out, "&#{};", u32::from(c))?;
                        }
                    }
                }
            }
        }
    }

    pub fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode_all(bytes: &[u8], asked: Option<&'static Encoding>) -> (Vec<u8>, Malformed) {
        let (mut reader, decoding) = open(Box::new(Cursor::new(bytes.to_vec())), asked).unwrap();
        let mut out = Vec::new();
        // Small reads, so that blocks and marks straddle them.
        let mut buf = [0u8; 7];
        loop {
            let n = reader.read(&mut buf).unwrap();
            if n == 0 {
                break;
            }
            out.extend_from_slice(&buf[..n]);
        }
        (out, decoding.malformed.map(|m| m.get()).unwrap_or_default())
    }

    #[test]
    fn cp949_decodes_and_marks_malformed_bytes_with_their_line() {
        let (text, _, _) = encoding_rs::EUC_KR.encode("주문번호,받는분\n1,홍길동\n2,똠방각하\n");
        let (out, malformed) = decode_all(&text, for_label("cp949"));
        assert_eq!(String::from_utf8(out).unwrap(), "주문번호,받는분\n1,홍길동\n2,똠방각하\n");
        assert_eq!(malformed.count, 0);
        let mut bad = text.to_vec();
        bad.extend_from_slice(b"3,\x81\n4,ok\n");
        let (out, malformed) = decode_all(&bad, for_label("cp949"));
        assert!(out.ends_with(b"3,\xFF\n4,ok\n"), "{:?}", String::from_utf8_lossy(&out));
        assert_eq!((malformed.count, malformed.first_line), (1, 4));
    }

    #[test]
    fn a_bom_decides_the_encoding() {
        let mut utf16 = vec![0xFF, 0xFE];
        for unit in "pccc\nP123456789012\n".encode_utf16() {
            utf16.extend_from_slice(&unit.to_le_bytes());
        }
        let (out, _) = decode_all(&utf16, for_label("cp949"));
        assert_eq!(out, b"pccc\nP123456789012\n");
        let (out, _) = decode_all(b"\xEF\xBB\xBFpccc\n", None);
        assert_eq!(out, b"\xEF\xBB\xBFpccc\n", "UTF-8 passes through; the readers skip its BOM");
        assert_eq!(decode_all(b"ab", None).0, b"ab");
        assert_eq!(decode_all(b"", for_label("euc-kr")).0, b"");
    }

    #[test]
    fn text_out_writes_each_encoding() {
        let mut out = Vec::new();
        let mut w = TextOut::new(&mut out, for_label("cp949").unwrap()).unwrap();
        w.write_str("받는분,•\n").unwrap();
        let unmappable = w.unmappable;
        drop(w);
        let (back, _, _) = encoding_rs::EUC_KR.decode(&out);
        assert!(back.starts_with("받는분,"), "{back}");
        assert_eq!(unmappable, if back.contains('•') { 0 } else { 1 });
        let mut out = Vec::new();
        TextOut::new(&mut out, UTF_8).unwrap().write_str("a").unwrap();
        assert_eq!(out, b"\xEF\xBB\xBFa");
        let mut out = Vec::new();
        TextOut::new(&mut out, UTF_16LE).unwrap().write_str("a").unwrap();
        assert_eq!(out, b"\xFF\xFEa\0");
    }
}
