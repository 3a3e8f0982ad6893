//! The yardstick of `pccc-guard redact`'s benchmark: the rules of `pccc_guard::find_sensitive` written as one
//! pattern for the `regex` crate, and a streaming redactor around it, as a developer would write it with regexes.
//!
//! ```text
//! regex-redact FILE            the redacted text on stdout (masks from the library's Policies::write_masked)
//! regex-redact --count FILE    kind TAB count, as `pccc-guard redact --count` prints it
//! regex-redact --compare FILE  the ranges the pattern finds against the library's, as one JSON object
//! ```
//!
//! The pattern and the search around it are in src/lib.rs.
//!
//! The input is read in blocks cut after their last line break (no finding contains one), so every search sees
//! whole lines; a line longer than the buffer grows it.

use std::fs::File;
use std::io::{self, Read, Write};
use std::ops::Range;

use pccc_guard::{find_sensitive_bytes, Finding, Kind, Policies};
use pccc_guard_regex_redact::{compile, find_all};
use regex::bytes::Regex;

/// How much is read at a time.
const READ_SIZE: usize = 1 << 20;

/// Reads `path` in blocks of whole lines, giving each to `f`.
fn blocks(path: &str, mut f: impl FnMut(&[u8]) -> io::Result<()>) -> io::Result<()> {
    let mut file = File::open(path)?;
    let mut buf = vec![0u8; 2 * READ_SIZE];
    let mut end = 0;
    loop {
        if buf.len() - end < READ_SIZE {
            buf.resize(buf.len() * 2, 0);
        }
        let n = file.read(&mut buf[end..end + READ_SIZE])?;
        end += n;
        let cut = if n == 0 { end } else { buf[..end].iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1) };
        f(&buf[..cut])?;
        buf.copy_within(cut..end, 0);
        end -= cut;
        if n == 0 {
            return Ok(());
        }
    }
}

fn main() -> io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (mode, path) = match args.as_slice() {
        [path] => ("redact", path),
        [flag, path] if flag == "--count" || flag == "--compare" => (flag.as_str(), path),
        _ => {
            eprintln!("usage: regex-redact [--count | --compare] FILE");
            std::process::exit(2);
        }
    };
    let re = compile();
    let policies = Policies::new();
    let mut counts = [0u64; 3];
    let index = |k: Kind| Kind::ALL.iter().position(|x| *x == k).unwrap_or(0);
    match mode {
        "redact" => {
            let mut stdout = io::stdout().lock();
            let mut out = Vec::with_capacity(2 * READ_SIZE);
            blocks(path, |block| {
                out.clear();
                let mut at = 0;
                find_all(&re, block, |kind, range| {
                    out.extend_from_slice(&block[at..range.start]);
                    at = range.end;
                    let _ = policies.write_masked(block, &Finding { kind, range }, &mut out);
                });
                out.extend_from_slice(&block[at..]);
                stdout.write_all(&out)
            })?;
            stdout.flush()
        }
        "--count" => {
            blocks(path, |block| {
                find_all(&re, block, |kind, _| counts[index(kind)] += 1);
                Ok(())
            })?;
            for kind in Kind::ALL {
                println!("{}\t{}", kind.code(), counts[index(kind)]);
            }
            Ok(())
        }
        _ => compare(&re, path),
    }
}

/// Prints how the pattern's findings compare with the library's on the whole file, as one JSON object, and the
/// first disagreements on stderr.
fn compare(re: &Regex, path: &str) -> io::Result<()> {
    let (mut tool, mut regex, mut same) = ([0u64; 3], [0u64; 3], [0u64; 3]);
    let (mut offset, mut shown) = (0u64, 0);
    let index = |k: Kind| Kind::ALL.iter().position(|x| *x == k).unwrap_or(0);
    blocks(path, |block| {
        let library: Vec<(Kind, Range<usize>)> = find_sensitive_bytes(block).map(|f| (f.kind, f.range)).collect();
        let mut ours = Vec::new();
        find_all(re, block, |kind, range| ours.push((kind, range)));
        for (kind, _) in &library {
            tool[index(*kind)] += 1;
        }
        for found in &ours {
            regex[index(found.0)] += 1;
            if library.binary_search_by_key(&found.1.start, |f| f.1.start).is_ok_and(|i| library[i] == *found) {
                same[index(found.0)] += 1;
            } else if shown < 10 {
                shown += 1;
                eprintln!(
                    "only the pattern: {:?} at {}: {:?}",
                    found.0,
                    offset + found.1.start as u64,
                    context(block, &found.1)
                );
            }
        }
        for found in &library {
            if !ours.contains(found) && shown < 10 {
                shown += 1;
                eprintln!(
                    "only the library: {:?} at {}: {:?}",
                    found.0,
                    offset + found.1.start as u64,
                    context(block, &found.1)
                );
            }
        }
        offset += block.len() as u64;
        Ok(())
    })?;
    let kinds = |c: [u64; 3]| format!("{{\"pccc\":{},\"rrn\":{},\"mobile\":{}}}", c[0], c[1], c[2]);
    println!("{{\"library\":{},\"regex\":{},\"same\":{},\"bytes\":{offset}}}", kinds(tool), kinds(regex), kinds(same));
    Ok(())
}

/// A finding with a few bytes around it, for a message.
fn context(block: &[u8], range: &Range<usize>) -> String {
    let from = range.start.saturating_sub(12);
    let to = (range.end + 12).min(block.len());
    String::from_utf8_lossy(&block[from..to]).into_owned()
}
