//! Prints, for each request read from stdin, the JSON that the `serde` feature serialises for it: one line in,
//! one line out. A request is `{"fn": "validate<Field>" (validatePccc, validatePhone, … for every field of the
//! registry) | "checkRecipient", "input": <string, or the fields object for checkRecipient>, "locale": "ko" | "en"}`.
//! tests/node/serde-parity.test.mjs sends the same requests to the JavaScript API and compares the two outputs
//! byte for byte.

use std::io::{self, BufRead, BufWriter, Write};

use pccc_guard::{FieldKind, Locale, Localized, RecipientReport};
use serde::Deserialize;
use serde_json::Value;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut out = BufWriter::new(io::stdout().lock());
    for line in io::stdin().lock().lines() {
        let request: Value = serde_json::from_str(&line?)?;
        let locale = Locale::from_tag(request["locale"].as_str().unwrap_or("ko")).ok_or("unknown locale")?;
        let input = &request["input"];
        let text = || input.as_str().ok_or("input must be a string");
        let json = match request["fn"].as_str().ok_or("fn must be a string")? {
            "checkRecipient" => {
                let report = RecipientReport::deserialize(input)?;
                serde_json::to_string(&Localized::new(&report, locale))?
            }
            other => {
                // validateBusinessNumber -> businessNumber: the field's JavaScript name.
                let field = other.strip_prefix("validate").and_then(|f| {
                    let mut chars = f.chars();
                    let first = chars.next()?.to_ascii_lowercase();
                    FieldKind::from_name(&format!("{first}{}", chars.as_str()))
                });
                let field = field.ok_or_else(|| format!("unknown fn {other}"))?;
                serde_json::to_string(&Localized::new(&field.check(text()?), locale))?
            }
        };
        writeln!(out, "{json}")?;
    }
    out.flush()?;
    Ok(())
}
