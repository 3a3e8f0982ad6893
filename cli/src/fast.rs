//! The fast path for the common case of stored orders: a value that is already a canonical PCCC (`P` and 12
//! ASCII digits). Such a value is valid and is its own canonical form, so it needs neither UTF-8 decoding nor
//! the parser, and its mask is a fixed template with the digits filled in. Everything else takes the library's
//! general path; the tests compare the two.

use pccc_guard::{Mask, MaskError, Pccc};

/// Whether `b` is `P` followed by 12 ASCII digits: exactly the inputs that `Pccc::parse` returns unchanged.
#[inline]
pub fn is_canonical_pccc(b: &[u8]) -> bool {
    let Ok(&[b'P', d0, d1, d2, d3, d4, d5, d6, d7, d8, d9, d10, d11]) = <&[u8; 13]>::try_from(b) else {
        return false;
    };
    all_digits(u64::from_le_bytes([d0, d1, d2, d3, d4, d5, d6, d7]), 8)
        && all_digits(u64::from(u32::from_le_bytes([d8, d9, d10, d11])), 4)
}

/// Whether the low `n` bytes of `x` are all ASCII digits (0x30–0x39): each byte's high nibble is 3, and adding
/// 6 to it leaves it at 3 (no byte carries into the next: 0x3F + 6 < 0x100).
#[inline]
fn all_digits(x: u64, n: u32) -> bool {
    let lanes = if n == 8 { u64::MAX } else { (1u64 << (8 * n)) - 1 };
    let high = 0xF0F0_F0F0_F0F0_F0F0 & lanes;
    let threes = 0x3030_3030_3030_3030 & lanes;
    let six = 0x0606_0606_0606_0606 & lanes;
    x & high == threes && (x + six) & high == threes
}

/// A mask policy's output for valid codes as a template: the output for `P000000000000`, and where each digit
/// that the policy keeps goes in it.
pub struct Template {
    text: Vec<u8>,
    /// (byte offset in `text`, index of the digit after the `P`)
    slots: Vec<(usize, usize)>,
}

impl Template {
    /// Learns the template from the library's own mask: the output for a code of zeros, then for each of the
    /// 12 digits the output with only that digit changed. Returns `None` if the outputs do not line up that
    /// way (then every code takes the general path).
    pub fn learn(mask: &Mask) -> Result<Option<Template>, MaskError> {
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
        Ok(Some(Template { text, slots }))
    }

    /// Writes the masked form of a canonical code (`is_canonical_pccc(code)`) into `out`.
    #[inline]
    pub fn fill(&self, code: &[u8], out: &mut Vec<u8>) {
        let at = out.len();
        out.extend_from_slice(&self.text);
        for &(j, i) in &self.slots {
            out[at + j] = code[1 + i];
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
            assert_eq!(is_canonical_pccc(case), same, "{:?}", String::from_utf8_lossy(case));
        }
        // Every single-byte change of a canonical code.
        for pos in 0..13 {
            for b in 0..=255u8 {
                let mut case = *b"P123456789012";
                case[pos] = b;
                let by_parser = std::str::from_utf8(&case).ok().and_then(|s| Pccc::parse(s).ok()).map(|c| c.to_string());
                let same = by_parser.as_deref().map(str::as_bytes) == Some(&case[..]);
                assert_eq!(is_canonical_pccc(&case), same, "byte {b:#x} at {pos}");
            }
        }
    }

    #[test]
    fn the_template_gives_what_the_library_gives() {
        let policies = [
            Mask::new(),
            Mask::new().keep_start(2).keep_end(4).fill('•'),
            Mask::new().keep_start(6).keep_end(0),
            Mask::new().keep_start(0).keep_end(0).fill('#'),
            Mask::new().keep_start(3).keep_end(3).fill('✱'),
        ];
        let codes = ["P123456789012", "P000000000000", "P987654321098", "P100000000019", "P555555555555"];
        for policy in policies {
            let template = Template::learn(&policy).unwrap().expect("a template");
            for code in codes {
                let mut out = Vec::new();
                template.fill(code.as_bytes(), &mut out);
                assert_eq!(String::from_utf8(out).unwrap(), policy.apply(code).unwrap(), "{policy:?} {code}");
            }
        }
    }

    #[test]
    fn a_refused_policy_is_an_error() {
        assert!(Template::learn(&Mask::new().keep_start(4).keep_end(4)).is_err());
    }
}
