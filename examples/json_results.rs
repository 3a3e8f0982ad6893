//! Prints, for each request read from stdin, the JSON that the `serde` feature serialises for it: one line in,
//! one line out. A request is `{"fn": "validate" | "validatePhone" | "validatePostcode" | "validateName" |
//! "checkRecipient", "input": <string, or the fields object for checkRecipient>, "locale": "ko" | "en"}`.
//! tests/node/serde-parity.test.mjs sends the same requests to the JavaScript API and compares the two outputs
//! byte for byte.

use std::io::{self, BufRead, BufWriter, Write};

use pccc_guard::{Locale, Localized, Name, Pccc, Phone, Postcode, RecipientReport};
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
            "validate" => serde_json::to_string(&Localized::new(&Pccc::parse(text()?), locale))?,
            "validatePhone" => serde_json::to_string(&Localized::new(&Phone::parse(text()?), locale))?,
            "validatePostcode" => serde_json::to_string(&Localized::new(&Postcode::parse(text()?), locale))?,
            "validateName" => serde_json::to_string(&Localized::new(&Name::parse(text()?), locale))?,
            "checkRecipient" => {
                let report = RecipientReport::deserialize(input)?;
                serde_json::to_string(&Localized::new(&report, locale))?
            }
            other => return Err(format!("unknown fn {other}").into()),
        };
        writeln!(out, "{json}")?;
    }
    out.flush()?;
    Ok(())
}
