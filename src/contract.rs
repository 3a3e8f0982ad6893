//! The JavaScript contract, generated from the Rust side: the numbers and names that the package's JavaScript
//! (`js/api.js`, `js/text.js`, the forms layer, `<pccc-input>`) and its types share with the WebAssembly module.
//! `cargo run --example js_contract` writes `js/contract.js` and `js/contract.d.ts` (`make build` runs it), and
//! `tests/contract.rs` fails when the committed files differ from what this module writes now, so neither side
//! can change alone.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::Write;

use crate::boundary::{slot, FOUND_CAPACITY, NONE, SLOT_COUNT, TEXT_CAPACITY};
use crate::{FieldKind, Kind, MaskError, MaskRule};

const HEADER: &str =
    "Generated from the Rust sources (src/field.rs, src/boundary.rs) by `cargo run --example js_contract`; \
`make build` rewrites it and `cargo test --test contract` fails when it is stale. Do not edit.";

fn quoted(items: impl IntoIterator<Item = impl AsRef<str>>, sep: &str) -> String {
    items.into_iter().map(|s| format!("'{}'", s.as_ref())).collect::<Vec<_>>().join(sep)
}

/// PascalCase of a snake_case name: `business_number` → `BusinessNumber`.
fn pascal(name: &str) -> String {
    name.split('_').map(|w| w[..1].to_ascii_uppercase() + &w[1..]).collect()
}

/// `js/contract.js`.
pub fn javascript() -> String {
    let mut out = format!("// {HEADER}\n\n");
    let _ = writeln!(out, "/** \"No value\" in a number slot, and \"the field's default\" in a mask argument. */");
    let _ = writeln!(out, "export const NONE = {NONE};");
    let _ = writeln!(
        out,
        "// Slot numbers of a result record (src/boundary.rs, mod slot); single constants, which the bundler inlines."
    );
    for (name, n) in slot::ALL {
        let _ = writeln!(out, "export const {name} = {n};");
    }
    let _ = writeln!(out, "export const SLOT_COUNT = {SLOT_COUNT};");
    let _ = writeln!(out, "export const TEXT_CAPACITY = {TEXT_CAPACITY};");
    let _ = writeln!(out, "export const FOUND_CAPACITY = {FOUND_CAPACITY};");
    let _ = writeln!(out, "/** The finder's kinds, by their bit in a kinds set. */");
    let _ = writeln!(out, "export const KINDS = [{}];", quoted(Kind::ALL.map(Kind::code), ", "));
    let _ = writeln!(out, "/** The mask policy's error codes. */");
    let mask_codes = [MaskError::RevealsTooMuch { revealed: 0, max: 0 }, MaskError::InvalidFill, MaskError::NoMask];
    let _ = writeln!(out, "export const MASK_CODES = [{}];", quoted(mask_codes.map(|e| e.code()), ", "));
    let _ = writeln!(out, "/**");
    let _ = writeln!(out, " * The fields, keyed by their JavaScript name: the boundary's number, whether a valid value has a display form,");
    let _ = writeln!(
        out,
        " * and its mask (null: none; 'name': the name rule; 'digits': a policy of digits kept at the start and end)."
    );
    let _ = writeln!(out, " */");
    let _ = writeln!(out, "export const FIELDS = {{");
    for kind in FieldKind::ALL {
        let mask = match kind.mask_rule() {
            MaskRule::Digits { .. } => "'digits'",
            MaskRule::Name => "'name'",
            _ => "null",
        };
        let _ = writeln!(
            out,
            "  {}: {{ id: {}, display: {}, mask: {} }},",
            kind.js_name(),
            kind.id(),
            kind.has_display(),
            mask
        );
    }
    let _ = writeln!(out, "}};");
    let _ = writeln!(out, "/** The digit masks' defaults and the most digits a policy may reveal. */");
    let _ = writeln!(out, "export const MASK_DEFAULTS = {{");
    for kind in FieldKind::ALL {
        if let MaskRule::Digits { keep_start, keep_end, max_revealed } = kind.mask_rule() {
            let _ = writeln!(
                out,
                "  {}: {{ keepStart: {keep_start}, keepEnd: {keep_end}, maxRevealed: {max_revealed} }},",
                kind.js_name()
            );
        }
    }
    let _ = writeln!(out, "}};");
    let _ = writeln!(out, "/** Each field's error codes, in the order its rules check them. */");
    let _ = writeln!(out, "export const CODES = {{");
    for kind in FieldKind::ALL {
        let _ = writeln!(out, "  {}: [{}],", kind.js_name(), quoted(kind.codes(), ", "));
    }
    let _ = writeln!(out, "}};");
    out
}

/// `js/contract.d.ts`.
pub fn typescript() -> String {
    let mut out = format!("// {HEADER}\n\n");
    let _ = writeln!(out, "/** A field's name in JavaScript. */");
    let _ = writeln!(out, "export type FieldName = {};", quoted(FieldKind::ALL.map(FieldKind::js_name), " | "));
    for kind in FieldKind::ALL {
        let _ = writeln!(out, "/** Error codes of the {} field, in the order its rules check them. */", kind.js_name());
        let _ = writeln!(out, "export type {}ErrorCode = {};", pascal(kind.name()), quoted(kind.codes(), " | "));
    }
    let _ = writeln!(out, "/** Error codes of a refused mask policy. */");
    let mask_codes = [MaskError::RevealsTooMuch { revealed: 0, max: 0 }, MaskError::InvalidFill, MaskError::NoMask];
    let _ = writeln!(out, "export type MaskErrorCode = {};", quoted(mask_codes.map(|e| e.code()), " | "));
    let _ = writeln!(out, "/** Kinds of personal number the finder looks for. */");
    let _ = writeln!(out, "export type SensitiveKind = {};", quoted(Kind::ALL.map(Kind::code), " | "));
    let _ = writeln!(out, "/** Each field's error code, by field name. */");
    let _ = writeln!(out, "export interface ErrorCodes {{");
    for kind in FieldKind::ALL {
        let _ = writeln!(out, "  {}: {}ErrorCode;", kind.js_name(), pascal(kind.name()));
    }
    let _ = writeln!(out, "}}");
    out
}
