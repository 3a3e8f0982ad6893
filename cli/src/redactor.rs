//! `pccc-guard redact`: masks the personal numbers in a byte stream of any size, in constant memory, with the
//! library's finder and policies. Every byte outside a finding is written out unchanged (invalid UTF-8 and NUL
//! included); a finding that straddles two reads is found as if the stream had been read whole.
//!
//! The recipe is the one [`pccc_guard::Findings::starting_at`] describes. The buffer holds `CONTEXT_LEN` bytes
//! of look-behind (already written), then the bytes not yet written. After each read, the findings that start
//! before `end - MAX_FINDING_LEN - CONTEXT_LEN` are exactly those a scan of the whole stream gives there; they
//! are masked, everything up to the end of the last one or that point (whichever is later) is written, and the
//! rest is kept, with its look-behind, for the next read. At the end of the stream every finding is taken.
//!
//! One addition to that recipe: a line break also decides everything before it (no finding contains one, and it
//! is the context that ends any finding before it), so the output keeps up with the input line by line.

use std::io::{self, IoSlice, Read, Write};
use std::ops::Range;

use memchr::memrchr;
use pccc_guard::{find_sensitive_bytes, Kind, Policies, CONTEXT_LEN, MAX_FINDING_LEN};

/// How much is read at a time, by default.
pub const READ_SIZE: usize = 256 << 10;

/// Bytes at the end of a read that may still belong to a finding (or decide one) that the next read completes.
const CARRY: usize = MAX_FINDING_LEN + CONTEXT_LEN;

/// Findings per kind, in the order of [`Kind::ALL`].
#[derive(Clone, Copy, Default)]
pub struct Counts(pub [u64; 3]);

impl Counts {
    fn add(&mut self, kind: Kind) {
        if let Some(i) = Kind::ALL.iter().position(|k| *k == kind) {
            self.0[i] += 1;
        }
    }

    /// Every finding.
    pub fn total(&self) -> u64 {
        self.0.iter().sum()
    }

    /// The count of `kind`.
    pub fn of(&self, kind: Kind) -> u64 {
        Kind::ALL.iter().position(|k| *k == kind).map_or(0, |i| self.0[i])
    }
}

/// Why a stream stopped early.
pub enum Failure {
    /// Reading the input failed: the next input can still be read.
    Read(io::Error),
    /// Writing the output failed: nothing more can be written.
    Write(io::Error),
}

/// A piece of the output: bytes of the read buffer, or of the masked findings.
enum Piece {
    Input(Range<usize>),
    Masked(Range<usize>),
}

/// The streaming redactor: one read buffer, and the masked findings of a read with the list of what to write,
/// reused for every read and every input (their size is bounded by the read size). The output is written straight
/// from these with vectored writes, not copied.
pub struct Redactor {
    policies: Policies,
    read_size: usize,
    buf: Vec<u8>,
    masked: Vec<u8>,
    pieces: Vec<Piece>,
}

impl Redactor {
    /// A redactor that masks with `policies` (already checked) and reads `read_size` bytes at a time (at least 1).
    pub fn new(policies: Policies, read_size: usize) -> Redactor {
        let read_size = read_size.max(1);
        Redactor {
            policies,
            read_size,
            buf: vec![0; CONTEXT_LEN + CARRY + read_size],
            masked: Vec::with_capacity(4096),
            pieces: Vec::with_capacity(256),
        }
    }

    /// Streams `input` to `output` (`None`: only counts), masking every finding of the enabled kinds; adds the
    /// findings to `counts`. The stream is on its own: nothing before it counts as context.
    pub fn stream<R: Read, W: Write>(
        &mut self,
        mut input: R,
        mut output: Option<&mut W>,
        counts: &mut Counts,
    ) -> Result<(), Failure> {
        // buf[..start]: look-behind, already written; buf[start..end]: not written yet.
        let (mut start, mut end) = (0usize, 0usize);
        loop {
            let room = self.buf.len() - end;
            let n = loop {
                match input.read(&mut self.buf[end..end + room.min(self.read_size)]) {
                    Ok(n) => break n,
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    Err(e) => {
                        // What was read is written out before reporting: the output stays a prefix of the input.
                        self.flush_all(start, end, output.as_deref_mut(), counts)?;
                        return Err(Failure::Read(e));
                    }
                }
            };
            if n == 0 {
                return self.flush_all(start, end, output.as_deref_mut(), counts);
            }
            end += n;
            // Findings that start before `safe` have their bytes and their context in the buffer. A line break
            // moves `safe` up to just after it: no finding contains one, and a finding's context ends there, so
            // everything before the last line break is decided (a log followed live is written line by line).
            let carried = end.saturating_sub(CARRY).max(start);
            let safe = match memrchr(b'\n', &self.buf[carried..end]) {
                Some(i) => carried + i + 1,
                None => carried,
            };
            if safe == start {
                continue;
            }
            let upto = self.take(start, end, Some(safe), output.as_deref_mut(), counts)?;
            // Keep the bytes after `upto`, with up to CONTEXT_LEN bytes of look-behind before them.
            let keep_from = upto.saturating_sub(CONTEXT_LEN);
            self.buf.copy_within(keep_from..end, 0);
            start = upto - keep_from;
            end -= keep_from;
        }
    }

    /// At the end of the input: takes every finding and writes everything.
    fn flush_all<W: Write>(
        &mut self,
        start: usize,
        end: usize,
        output: Option<&mut W>,
        counts: &mut Counts,
    ) -> Result<(), Failure> {
        if end > start {
            self.take(start, end, None, output, counts)?;
        }
        Ok(())
    }

    /// Masks the findings in `buf[..end]` that start at `start` or later and before `safe` (all of them when
    /// `safe` is `None`), writes the output up to the end of the last one or `safe`, whichever is later, and
    /// returns that point.
    fn take<W: Write>(
        &mut self,
        start: usize,
        end: usize,
        safe: Option<usize>,
        output: Option<&mut W>,
        counts: &mut Counts,
    ) -> Result<usize, Failure> {
        let Redactor { policies, buf, masked, pieces, .. } = self;
        let text = &buf[..end];
        let limit = safe.unwrap_or(end);
        let findings = find_sensitive_bytes(text).kinds(policies.enabled_kinds()).starting_at(start);
        let Some(output) = output else {
            let mut last = start;
            for finding in findings.take_while(|f| f.range.start < limit) {
                counts.add(finding.kind);
                last = finding.range.end;
            }
            return Ok(last.max(limit));
        };
        masked.clear();
        pieces.clear();
        let mut at = start;
        for finding in findings.take_while(|f| f.range.start < limit) {
            counts.add(finding.kind);
            pieces.push(Piece::Input(at..finding.range.start));
            let from = masked.len();
            // The policies were checked when the redactor was made: this cannot fail.
            let _ = policies.write_masked(text, &finding, masked);
            pieces.push(Piece::Masked(from..masked.len()));
            at = finding.range.end;
        }
        let upto = at.max(limit);
        pieces.push(Piece::Input(at..upto));
        write_pieces(output, text, masked, pieces).map_err(Failure::Write)?;
        Ok(upto)
    }
}

/// Writes `pieces` in order, with vectored writes of up to 64 pieces at a time.
fn write_pieces<W: Write>(output: &mut W, text: &[u8], masked: &[u8], pieces: &[Piece]) -> io::Result<()> {
    for batch in pieces.chunks(64) {
        let mut slices = [IoSlice::new(&[]); 64];
        for (slice, piece) in slices.iter_mut().zip(batch) {
            *slice = IoSlice::new(match piece {
                Piece::Input(range) => &text[range.clone()],
                Piece::Masked(range) => &masked[range.clone()],
            });
        }
        let mut slices = &mut slices[..batch.len()];
        while !slices.is_empty() {
            match output.write_vectored(slices) {
                Ok(0) if slices.iter().any(|s| !s.is_empty()) => return Err(io::ErrorKind::WriteZero.into()),
                Ok(0) => break,
                Ok(n) => IoSlice::advance_slices(&mut slices, n),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
    }
    Ok(())
}
