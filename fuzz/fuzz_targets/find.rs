//! Finding and redacting numbers in free text on arbitrary bytes, with the invariants that must hold for any
//! input: ranges in bounds, ordered and apart, no longer than MAX_FINDING_LEN, on character boundaries for a
//! `&str`, the `&str` and `&[u8]` entries agreeing, agreement with the naive reference on small inputs, each
//! finding decided by CONTEXT_LEN bytes around it, and redaction keeping everything outside the findings and
//! every non-digit inside them.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pccc_guard::{find_sensitive, find_sensitive_bytes, redact, redact_bytes, Kind, Kinds, Policies, CONTEXT_LEN, MAX_FINDING_LEN};

#[path = "../../tests/find_reference/mod.rs"]
mod find_reference;

fuzz_target!(|data: &[u8]| {
    // The first byte picks the kinds looked for.
    let (kinds, bytes) = match data.split_first() {
        Some((k, rest)) => (Kind::ALL.into_iter().filter(|kind| k & (1 << *kind as u8) != 0).collect::<Kinds>(), rest),
        None => (Kinds::ALL, data),
    };
    let findings: Vec<_> = find_sensitive_bytes(bytes).kinds(kinds).collect();
    let mut at = 0;
    for f in &findings {
        assert!(at <= f.range.start && f.range.start < f.range.end && f.range.end <= bytes.len());
        assert!(f.range.len() <= MAX_FINDING_LEN && kinds.contains(f.kind));
        at = f.range.end;
        let from = f.range.start.saturating_sub(CONTEXT_LEN);
        let to = (f.range.end + CONTEXT_LEN).min(bytes.len());
        let again = find_sensitive_bytes(&bytes[from..to]).kinds(kinds).starting_at(f.range.start - from).next();
        assert_eq!(again.map(|g| (g.kind, g.range)), Some((f.kind, f.range.start - from..f.range.end - from)));
    }
    if bytes.len() <= 256 {
        let fast: Vec<_> = findings.iter().map(|f| (f.kind, f.range.clone())).collect();
        assert_eq!(fast, find_reference::naive(bytes, kinds));
    }
    let policies = Policies::new().kinds(kinds);
    let out = redact_bytes(bytes, &policies).unwrap();
    if findings.is_empty() {
        assert_eq!(&*out, bytes);
    }
    if let Ok(text) = core::str::from_utf8(bytes) {
        let from_str: Vec<_> = find_sensitive(text).kinds(kinds).collect();
        assert_eq!(from_str, findings);
        for f in &from_str {
            assert!(text.is_char_boundary(f.range.start) && text.is_char_boundary(f.range.end));
        }
        let masked = redact(text, &policies).unwrap();
        assert_eq!(masked.as_bytes(), &*out);
        // One character for one character; outside the findings nothing changes, inside only digits do.
        let (before, after): (Vec<char>, Vec<char>) = (text.chars().collect(), masked.chars().collect());
        assert_eq!(before.len(), after.len());
        let mut offset = 0;
        for (b, a) in before.iter().zip(&after) {
            let inside = from_str.iter().any(|f| f.range.contains(&offset));
            let digit = b.is_ascii_digit() || ('０'..='９').contains(b);
            assert!(a == b || (inside && digit && *a == '*'));
            offset += b.len_utf8();
        }
    }
});
