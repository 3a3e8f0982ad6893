//! Shared helpers for the integration tests: reading the vector files in `tests/data/`.
#![allow(dead_code)]

/// One test vector: the input, what is expected, and why the vector exists.
pub struct Vector {
    pub input: String,
    pub expected: String,
    pub why: String,
    pub line: usize,
}

/// Reads a tab-separated vector file: `#` lines are comments, fields are input, expected, why.
pub fn vectors(text: &str) -> Vec<Vector> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#') && !l.is_empty())
        .map(|(i, l)| {
            let mut fields = l.split('\t');
            let (Some(input), Some(expected), Some(why), None) =
                (fields.next(), fields.next(), fields.next(), fields.next())
            else {
                panic!("line {}: expected 3 tab-separated fields", i + 1)
            };
            Vector { input: unescape(input), expected: expected.to_owned(), why: why.to_owned(), line: i + 1 }
        })
        .collect()
}

/// Expands `\t`, `\r`, `\n`, `\\`, `\uXXXX` and `\UXXXXXXXX`.
pub fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('n') => out.push('\n'),
            Some('\\') => out.push('\\'),
            Some(k @ ('u' | 'U')) => {
                let n = if k == 'u' { 4 } else { 8 };
                let hex: String = chars.by_ref().take(n).collect();
                let code = u32::from_str_radix(&hex, 16).expect("hex escape");
                out.push(char::from_u32(code).expect("scalar value"));
            }
            other => panic!("unknown escape \\{other:?} in {s:?}"),
        }
    }
    out
}

/// Checks every vector of a file against a parser: `parse` gives `Ok(canonical)` or `Err(code)` and agrees with
/// `is_valid`; the file keeps at least `min` vectors and has one for every code in `codes`.
pub fn check_vectors(
    text: &str,
    min: usize,
    codes: &[&str],
    parse: impl Fn(&str) -> Result<String, &'static str>,
    is_valid: impl Fn(&str) -> bool,
) {
    let vectors = vectors(text);
    assert!(vectors.len() >= min, "the vector file should not shrink unnoticed ({} < {min})", vectors.len());
    for v in &vectors {
        let got = match parse(&v.input) {
            Ok(canonical) => format!("valid:{canonical}"),
            Err(code) => code.to_owned(),
        };
        assert_eq!(got, v.expected, "line {} ({}): {:?}", v.line, v.why, v.input);
        assert_eq!(is_valid(&v.input), v.expected.starts_with("valid:"), "line {}", v.line);
    }
    for code in codes {
        assert!(vectors.iter().any(|v| v.expected == *code), "no vector for {code}");
    }
}

/// Checks one field's messages: `samples` give every error code in order (`classify` returns the code and the
/// Korean and English messages for an input); each message is specific, in its language, ends a sentence,
/// never contains the input, and has no run of more than `max_digits` digits (only the rule's own numbers).
pub fn check_messages(
    samples: &[&str],
    codes: &[&str],
    max_digits: usize,
    classify: impl Fn(&str) -> (&'static str, &'static str, &'static str),
) {
    let is_hangul = |c: char| ('\u{AC00}'..='\u{D7A3}').contains(&c);
    let mut all = Vec::new();
    let mut seen = Vec::new();
    for input in samples {
        let (code, ko, en) = classify(input);
        seen.push(code);
        assert!(ko.chars().any(is_hangul), "{ko}");
        assert!(en.is_ascii() && en.len() > 20 && en.ends_with('.'), "{en}");
        for m in [ko, en] {
            let longest_run = m.split(|c: char| !c.is_ascii_digit()).map(str::len).max().unwrap_or(0);
            assert!(longest_run <= max_digits, "{m}");
            assert!(input.is_empty() || !m.contains(input), "{m}");
        }
        all.extend([ko, en]);
    }
    assert_eq!(seen, codes, "the samples cover every code in order");
    let mut unique = all.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), all.len(), "every message is specific to its error");
}
