//! The output side of the fast path for stored orders: a value that is already a canonical PCCC (recognised by
//! the library's [`Pccc::from_canonical`], on raw bytes) is valid and is its own canonical form, and its mask is a
//! fixed template, learnt from the library's policy, with the digits filled in. Everything else takes the
//! library's general path; the tests compare the two.

use pccc_guard::{FieldKind, MaskError, Pccc, PcccMask};

use crate::fields::Policy;

/// Whether `b` is a canonical value of the fast path's field, the PCCC: `P` followed by 12 ASCII digits, exactly
/// the inputs that `Pccc::parse` returns unchanged (the library's own fast path, [`Pccc::from_canonical`]).
#[inline]
pub fn is_canonical(b: &[u8]) -> bool {
    Pccc::from_canonical(b).is_some()
}

/// A mask policy's output for valid codes as a template: the output for `P000000000000`, and where each digit
/// that the policy keeps goes in it.
pub struct Template {
    text: Vec<u8>,
    /// `text` padded to a fixed-size block, when it fits in one.
    block: Option<[u8; Out::FIXED]>,
    /// (byte offset in `text`, index of the digit after the `P`)
    slots: Vec<(usize, usize)>,
    /// When every kept digit sits where it is in the code (a one-byte fill character): the 12 digits' place in
    /// `text`, and the template's bytes there with the kept digits' bytes cleared, as words, so that filling in
    /// the digits is two word blends instead of a store per digit.
    blend: Option<Blend>,
}

struct Blend {
    at: usize,
    keep: (u64, u32),
    rest: (u64, u32),
}

impl Template {
    fn new(text: Vec<u8>, slots: Vec<(usize, usize)>) -> Template {
        let block = (text.len() <= Out::FIXED).then(|| {
            let mut block = [0; Out::FIXED];
            block[..text.len()].copy_from_slice(&text);
            block
        });
        let blend = slots.first().and_then(|&(j, i)| {
            let at = j.checked_sub(i)?;
            if !slots.iter().all(|&(j, i)| j == at + i) {
                return None;
            }
            let place = text.get(at..at + 12)?;
            let mut keep = [0u8; 12];
            for &(_, i) in &slots {
                keep[i] = 0xFF;
            }
            let word = |b: &[u8]| -> (u64, u32) {
                let (lo, hi) = b.split_at(8);
                (
                    u64::from_le_bytes(lo.try_into().unwrap_or_default()),
                    u32::from_le_bytes(hi.try_into().unwrap_or_default()),
                )
            };
            let (keep, place) = (word(&keep), word(place));
            Some(Blend { at, keep, rest: (place.0 & !keep.0, place.1 & !keep.1) })
        });
        Template { text, block, slots, blend }
    }

    /// Learns the template from the library's own mask: the output for a code of zeros, then for each of the
    /// 12 digits the output with only that digit changed. Returns `None` if the outputs do not line up that
    /// way (then every code takes the general path).
    pub fn learn(mask: &PcccMask) -> Result<Option<Template>, MaskError> {
        let code = |digits: &[u8; 12]| {
            let mut s = [b'P'; 13];
            s[1..].copy_from_slice(digits);
            Pccc::parse(std::str::from_utf8(&s).unwrap_or_default()).ok()
        };
        let Some(zero) = code(&[b'0'; 12]) else { return Ok(None) };
        let text = mask.apply_to(&zero)?.into_bytes();
        let mut slots = Vec::new();
        for i in 0..12 {
            let mut digits = [b'0'; 12];
            digits[i] = b'7';
            let Some(probe) = code(&digits) else { return Ok(None) };
            let out = mask.apply_to(&probe)?.into_bytes();
            if out.len() != text.len() {
                return Ok(None);
            }
            let diff: Vec<usize> = (0..out.len()).filter(|&j| out[j] != text[j]).collect();
            match diff[..] {
                [] => {}
                [j] if text[j] == b'0' && out[j] == b'7' => slots.push((j, i)),
                _ => return Ok(None),
            }
        }
        Ok(Some(Template::new(text, slots)))
    }

    /// The template of valid lines under `policy` (with `show_values`: unmasked), when its field is the PCCC,
    /// the one field with a fast path: stored orders hold millions of canonical codes, and checking them is what
    /// the tool spends its time on.
    pub fn for_policy(policy: &Policy, show_values: bool) -> Option<Template> {
        if policy.field != FieldKind::Pccc {
            return None;
        }
        if show_values {
            return Some(Template::identity());
        }
        let d = PcccMask::new();
        let mask = d
            .keep_start(policy.keep_start.unwrap_or(d.start()))
            .keep_end(policy.keep_end.unwrap_or(d.end()))
            .fill(policy.fill);
        Template::learn(&mask).ok().flatten()
    }

    /// The template that prints a canonical code as it is (for `--show-values`).
    pub fn identity() -> Template {
        Template::new(b"P000000000000".to_vec(), (0..12).map(|i| (1 + i, i)).collect())
    }

    /// The template's text with `before` and `after` around it, and the slots moved to match: a whole output
    /// line for a valid code, to fill in one go.
    pub fn framed(&self, before: &[u8], after: &[u8]) -> Template {
        let mut text = before.to_vec();
        text.extend_from_slice(&self.text);
        text.extend_from_slice(after);
        Template::new(text, self.slots.iter().map(|&(j, i)| (before.len() + j, i)).collect())
    }

    /// Appends the template filled with the digits of a canonical code (`is_canonical(code)`).
    #[inline]
    pub fn fill(&self, code: &[u8], out: &mut Out) {
        let at = out.len();
        match &self.block {
            Some(block) => out.fixed(block, self.text.len()),
            None => out.extend(&self.text),
        }
        if let (Some(blend), Ok(&[_, d0, d1, d2, d3, d4, d5, d6, d7, d8, d9, d10, d11])) =
            (&self.blend, <&[u8; 13]>::try_from(code))
        {
            let lo = u64::from_le_bytes([d0, d1, d2, d3, d4, d5, d6, d7]) & blend.keep.0 | blend.rest.0;
            let hi = u32::from_le_bytes([d8, d9, d10, d11]) & blend.keep.1 | blend.rest.1;
            out.put(at + blend.at, &lo.to_le_bytes());
            out.put(at + blend.at + 8, &hi.to_le_bytes());
            return;
        }
        if let Some(digits) = code.get(1..13) {
            for &(j, i) in &self.slots {
                if let Some(&d) = digits.get(i) {
                    out.set(at + j, d);
                }
            }
        }
    }
}

/// The output buffer: bytes written at a cursor into a buffer that is kept larger than what it holds, so that
/// short pieces can be copied as fixed-size blocks (a few vector moves instead of a `memcpy` call each).
pub struct Out {
    data: Vec<u8>,
    len: usize,
}

impl Out {
    /// The size of a fixed-size copy; the buffer always has this much room after `len` before it is flushed.
    pub const FIXED: usize = 64;

    pub fn with_capacity(n: usize) -> Out {
        Out { data: vec![0; n + 2 * Out::FIXED], len: 0 }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn as_slice(&self) -> &[u8] {
        &self.data[..self.len]
    }

    pub fn clear(&mut self) {
        self.len = 0;
    }

    /// Keeps the first `len` bytes.
    pub fn truncate(&mut self, len: usize) {
        self.len = self.len.min(len);
    }

    pub fn extend(&mut self, s: &[u8]) {
        let end = self.len + s.len();
        if end + Out::FIXED > self.data.len() {
            self.data.resize(end + Out::FIXED, 0);
        }
        self.data[self.len..end].copy_from_slice(s);
        self.len = end;
    }

    pub fn push(&mut self, b: u8) {
        self.extend(&[b]);
    }

    /// Appends the first `used` bytes of `block` by copying all of it (the rest is overwritten later).
    #[inline]
    pub fn fixed<const N: usize>(&mut self, block: &[u8; N], used: usize) {
        match self.data.get_mut(self.len..self.len + N) {
            Some(room) => {
                room.copy_from_slice(block);
                self.len += used.min(N);
            }
            None => self.extend(&block[..used.min(N)]),
        }
    }

    /// Overwrites the bytes at `at` (within what was appended).
    #[inline]
    fn put<const N: usize>(&mut self, at: usize, bytes: &[u8; N]) {
        if let Some(place) = self.data.get_mut(at..at + N) {
            place.copy_from_slice(bytes);
        }
    }

    #[inline]
    fn set(&mut self, at: usize, b: u8) {
        if let Some(slot) = self.data.get_mut(at) {
            *slot = b;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_means_the_parser_returns_it_unchanged() {
        let cases: &[&[u8]] = &[
            b"P123456789012",
            b"P000000000000",
            b"P999999999999",
            b"p123456789012",
            b"P12345678901",
            b"P1234567890123",
            b"P12345678901O",
            b"P12345678901/",
            b"P12345678901:",
            b"P1234 5678901",
            b"Q123456789012",
            b"",
            b"P",
            b"P\xff23456789012",
        ];
        for &case in cases {
            let by_parser = std::str::from_utf8(case).ok().and_then(|s| Pccc::parse(s).ok()).map(|c| c.to_string());
            let same = by_parser.as_deref().map(str::as_bytes) == Some(case);
            assert_eq!(is_canonical(case), same, "{:?}", String::from_utf8_lossy(case));
        }
        // Every single-byte change of a canonical code.
        for pos in 0..13 {
            for b in 0..=255u8 {
                let mut case = *b"P123456789012";
                case[pos] = b;
                let by_parser =
                    std::str::from_utf8(&case).ok().and_then(|s| Pccc::parse(s).ok()).map(|c| c.to_string());
                let same = by_parser.as_deref().map(str::as_bytes) == Some(&case[..]);
                assert_eq!(is_canonical(&case), same, "byte {b:#x} at {pos}");
            }
        }
    }

    #[test]
    fn the_template_gives_what_the_library_gives() {
        let policies = [
            PcccMask::new(),
            PcccMask::new().keep_start(2).keep_end(4).fill('•'),
            PcccMask::new().keep_start(6).keep_end(0),
            PcccMask::new().keep_start(0).keep_end(0).fill('#'),
            PcccMask::new().keep_start(3).keep_end(3).fill('✱'),
            PcccMask::new().keep_start(1).keep_end(5).fill('x'),
        ];
        let codes = ["P123456789012", "P000000000000", "P987654321098", "P100000000019", "P555555555555"];
        for policy in policies {
            let template = Template::learn(&policy).unwrap().expect("a template");
            for code in codes {
                let mut out = Out::with_capacity(0);
                out.extend(b"x");
                template.fill(code.as_bytes(), &mut out);
                template.framed(b"<", b">").fill(code.as_bytes(), &mut out);
                let want = policy.apply(code).unwrap();
                assert_eq!(String::from_utf8_lossy(out.as_slice()), format!("x{want}<{want}>"), "{policy:?} {code}");
            }
        }
    }

    #[test]
    fn a_refused_policy_is_an_error() {
        assert!(Template::learn(&PcccMask::new().keep_start(4).keep_end(4)).is_err());
    }
}
