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
