//! The JavaScript side of the field registry, generated from the Rust side: the numbers and names the package's
//! JavaScript shares with the WebAssembly module (`js/api/contract.js`, `js/api/contract.d.ts`), every field's named
//! functions and their types (`js/api-fields.*`) and its schema functions (`js/schema-fields.*`).
//! `cargo run -p pccc-guard-xtask -- contract js/api` writes them (`make build` runs it), and `tests/contract.rs`
//! fails when the committed files differ from what this module writes now, so neither side can change alone.
//!
//! A field's JavaScript names follow one pattern: `validate<Field>`, `isValid<Field>`, `mask<Field>` (a field
//! with a mask), `<field>Schema`, the types `<Field>Result`, `<Field>ErrorCode` and `<Field>MaskOptions`, with
//! `<Field>` the PascalCase of its Rust name and `<field>` its JavaScript name.

use std::fmt::Write;

use pccc_guard::boundary::{slot, FOUND_CAPACITY, NONE, SLOT_COUNT, TEXT_CAPACITY};
use pccc_guard::{FieldKind, FieldValue, Kind, MaskError, MaskExample, MaskRule, RECIPIENT_FIELDS};

/// The first line of every generated file (after `// `).
pub const HEADER: &str =
    "Generated from the Rust field registry (src/field.rs, each field's DOCS, src/wasm/boundary.rs) by \
`cargo run -p pccc-guard-xtask -- contract js/api`; `make build` rewrites it and `cargo test -p pccc-guard-xtask` fails \
when it is stale. Do not edit.";

/// Every generated file: its name in `js/` and its text.
pub fn files() -> Vec<(&'static str, String)> {
    vec![
        ("contract.js", javascript()),
        ("contract.d.ts", typescript()),
        ("api-fields.js", api_javascript()),
        ("api-fields.d.ts", api_typescript()),
        ("schema-fields.js", schema_javascript()),
        ("schema-fields.d.ts", schema_typescript()),
    ]
}

fn quoted(items: impl IntoIterator<Item = impl AsRef<str>>, sep: &str) -> String {
    items.into_iter().map(|s| format!("'{}'", s.as_ref())).collect::<Vec<_>>().join(sep)
}

/// PascalCase of a snake_case name: `business_number` → `BusinessNumber`.
pub fn pascal(name: &str) -> String {
    name.split('_').map(|w| w[..1].to_ascii_uppercase() + &w[1..]).collect()
}

/// A JavaScript string literal (double quotes), as the examples write them.
fn js_string(s: &str) -> String {
    let mut out = String::from('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A JSDoc comment of `text` (lines) and `@example` lines, indented by `indent`.
fn jsdoc(out: &mut String, indent: &str, text: &str, examples: &[String]) {
    let _ = writeln!(out, "{indent}/**");
    for line in text.lines() {
        let _ = writeln!(out, "{indent} *{}{line}", if line.is_empty() { "" } else { " " });
    }
    if !examples.is_empty() {
        let _ = writeln!(out, "{indent} *");
        let _ = writeln!(out, "{indent} * @example");
        for e in examples {
            let _ = writeln!(out, "{indent} * {e}");
        }
    }
    let _ = writeln!(out, "{indent} */");
}

fn mask_codes() -> [&'static str; 3] {
    [MaskError::RevealsTooMuch { revealed: 0, max: 0 }, MaskError::InvalidFill, MaskError::NoMask].map(|e| e.code())
}

fn mask_kind(kind: FieldKind) -> Option<&'static str> {
    match kind.mask_rule() {
        MaskRule::Digits { .. } => Some("digits"),
        MaskRule::Name => Some("name"),
        _ => None,
    }
}

/// `js/api/contract.js`.
pub fn javascript() -> String {
    let mut out = format!("// {HEADER}\n\n");
    let _ = writeln!(out, "/** \"No value\" in a number slot, and \"the field's default\" in a mask argument. */");
    let _ = writeln!(out, "export const NONE = {NONE};");
    let _ = writeln!(
        out,
        "// Slot numbers of a result record (src/wasm/boundary.rs, mod slot); single constants, which the bundler inlines."
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
    let _ = writeln!(out, "export const MASK_CODES = [{}];", quoted(mask_codes(), ", "));
    let _ = writeln!(out, "/**");
    let _ = writeln!(out, " * The fields, keyed by their JavaScript name: the boundary's number (id); whether a valid value has a display");
    let _ = writeln!(out, " * form (display); its mask ('name': the name rule; 'digits': a policy of digits kept at the start and end); whether");
    let _ = writeln!(out, " * a form normalises it as it is typed (asTyped); whether its value can only be ASCII (ascii); the finder's kind a");
    let _ = writeln!(
        out,
        " * paste into it is searched for (paste). A flag that is false, or a mask or kind that is none, is left out."
    );
    let _ = writeln!(out, " */");
    let _ = writeln!(out, "export const FIELDS = {{");
    for kind in FieldKind::ALL {
        // A flag that is false (or a kind that is none) is left out: the descriptor is in every page's bundle.
        let mut props = vec![format!("id: {}", kind.id())];
        if kind.has_display() {
            props.push("display: true".to_owned());
        }
        if let Some(mask) = mask_kind(kind) {
            props.push(format!("mask: '{mask}'"));
        }
        if kind.normalizes_as_typed() {
            props.push("asTyped: true".to_owned());
        }
        if kind.ascii_only() {
            props.push("ascii: true".to_owned());
        }
        if let Some(k) = kind.paste_kind() {
            props.push(format!("paste: '{}'", k.code()));
        }
        let _ = writeln!(out, "  {}: {{ {} }},", kind.js_name(), props.join(", "));
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
    let _ = writeln!(
        out,
        "/** The field a form input guards when it names none (`data-pccc`, `<pccc-input>`): the registry's first. */"
    );
    let _ = writeln!(out, "export const DEFAULT_FIELD = '{}';", FieldKind::ALL[0].js_name());
    let _ = writeln!(
        out,
        "/** The fields UNI-PASS matches (checkRecipient, recipientSchema), in the order they are reported. */"
    );
    let _ = writeln!(out, "export const RECIPIENT = [{}];", quoted(RECIPIENT_FIELDS.map(FieldKind::js_name), ", "));
    out
}

/// `js/api/contract.d.ts`.
pub fn typescript() -> String {
    let mut out = format!("// {HEADER}\n\n");
    let _ = writeln!(out, "/** A field's name in JavaScript. */");
    let _ = writeln!(out, "export type FieldName = {};", quoted(FieldKind::ALL.map(FieldKind::js_name), " | "));
    for kind in FieldKind::ALL {
        let _ = writeln!(out, "/** Error codes of the {} field, in the order its rules check them. */", kind.js_name());
        let _ = writeln!(out, "export type {}ErrorCode = {};", pascal(kind.name()), quoted(kind.codes(), " | "));
    }
    let _ = writeln!(out, "/** Error codes of a refused mask policy. */");
    let _ = writeln!(out, "export type MaskErrorCode = {};", quoted(mask_codes(), " | "));
    let _ = writeln!(out, "/** Kinds of personal number the finder looks for. */");
    let _ = writeln!(out, "export type SensitiveKind = {};", quoted(Kind::ALL.map(Kind::code), " | "));
    let _ = writeln!(out, "/** Each field's error code, by field name. */");
    let _ = writeln!(out, "export interface ErrorCodes {{");
    for kind in FieldKind::ALL {
        let _ = writeln!(out, "  {}: {}ErrorCode;", kind.js_name(), pascal(kind.name()));
    }
    let _ = writeln!(out, "}}");
    let _ = writeln!(out, "/** The fields UNI-PASS matches, in the order they are reported. */");
    let _ =
        writeln!(out, "export type RecipientFieldName = {};", quoted(RECIPIENT_FIELDS.map(FieldKind::js_name), " | "));
    out
}

/// What `validate<Field>(input)` returns, as the example comment writes it.
fn validate_example(kind: FieldKind, input: &str) -> String {
    let call = format!("validate{}({})", pascal(kind.name()), js_string(input));
    match kind.check(input) {
        Ok(value) => {
            let display = display_of(&value).map(|d| format!(", display: {}", js_string(d))).unwrap_or_default();
            format!("{call}; // {{ valid: true, value: {}{display} }}", js_string(value.as_str()))
        }
        Err(e) => format!("{call}.error.code; // {}", js_string(e.code())),
    }
}

fn display_of(value: &FieldValue) -> Option<&str> {
    value.display()
}

/// What `mask<Field>(input, options)` returns, as the example comment writes it.
fn mask_example(kind: FieldKind, e: &MaskExample) -> String {
    let mut options = Vec::new();
    if let Some(n) = e.keep_start {
        options.push(format!("keepStart: {n}"));
    }
    if let Some(n) = e.keep_end {
        options.push(format!("keepEnd: {n}"));
    }
    if let Some(c) = e.fill {
        options.push(format!("maskChar: {}", js_string(&c.to_string())));
    }
    let options = if options.is_empty() { String::new() } else { format!(", {{ {} }}", options.join(", ")) };
    let masked = kind
        .mask(e.input, e.keep_start, e.keep_end, e.fill)
        .expect("a mask example of a field with a mask")
        .expect("a mask example with an accepted policy");
    format!("mask{}({}{options}); // {}", pascal(kind.name()), js_string(e.input), js_string(&masked))
}

/// `js/api/api-fields.js`: every field's named functions, each the generic one on the field's descriptor.
pub fn api_javascript() -> String {
    let mut out = format!("// {HEADER}\n\n");
    let _ = writeln!(
        out,
        "// Every field's named functions (types and documentation: api-fields.d.ts), each made by api-core.js"
    );
    let _ = writeln!(
        out,
        "// from the field's descriptor; pure, so that a bundler leaves out those an app does not import."
    );
    let _ = writeln!(out, "import {{ FIELDS }} from './contract.js';");
    let _ = writeln!(out, "import {{ checker, masker, validator }} from './api-core.js';");
    for kind in FieldKind::ALL {
        let (p, js) = (pascal(kind.name()), kind.js_name());
        let _ = writeln!(out);
        let _ = writeln!(out, "export const validate{p} = /* @__PURE__ */ validator(FIELDS.{js});");
        let _ = writeln!(out, "export const isValid{p} = /* @__PURE__ */ checker(FIELDS.{js});");
        if mask_kind(kind).is_some() {
            let _ = writeln!(out, "export const mask{p} = /* @__PURE__ */ masker(FIELDS.{js});");
        }
    }
    out
}

/// `js/api/api-fields.d.ts`: the named functions' declarations, each field's result and mask options types, and the
/// maps by field name. The build puts its text into the package's `index.d.ts` (the `api-fields:begin` block of
/// `js/api/api.d.ts`), whose hand-written types (`FieldResult`, `ValidateOptions`, `MaskOptions`) it uses.
pub fn api_typescript() -> String {
    let mut out = format!("// {HEADER}\n\n");
    let _ = writeln!(out, "import type {{ DisplayFieldResult, FieldResult, ValidateOptions }} from './api.js';");
    let codes: Vec<String> = FieldKind::ALL.iter().map(|k| format!("{}ErrorCode", pascal(k.name()))).collect();
    let _ = writeln!(out, "import type {{ {} }} from './contract.js';", codes.join(", "));
    let _ = writeln!(out);
    let _ = writeln!(out, "/** Each field's result, by field name. */");
    let _ = writeln!(out, "export interface FieldResults {{");
    for kind in FieldKind::ALL {
        let generic = if kind.has_display() { "DisplayFieldResult" } else { "FieldResult" };
        let _ = writeln!(out, "    {}: {generic}<{}ErrorCode>;", kind.js_name(), pascal(kind.name()));
    }
    let _ = writeln!(out, "}}");
    for kind in FieldKind::ALL {
        let what = kind.docs().what;
        let display = if kind.has_display() { ", with the form to show as `display`" } else { "" };
        let _ = writeln!(out, "/** The result of checking {what}{display}. */");
        let _ = writeln!(out, "export type {}Result = FieldResults['{}'];", pascal(kind.name()), kind.js_name());
    }
    let _ = writeln!(out);
    for kind in FieldKind::ALL {
        mask_options(&mut out, kind);
    }
    let _ = writeln!(out, "/** Each field's mask options, by field name (a field without a mask has none). */");
    let _ = writeln!(out, "export interface FieldMaskOptions {{");
    for kind in FieldKind::ALL.into_iter().filter(|k| mask_kind(*k).is_some()) {
        let _ = writeln!(out, "    {}: {}MaskOptions;", kind.js_name(), pascal(kind.name()));
    }
    let _ = writeln!(out, "}}");
    let _ = writeln!(out);
    let _ = writeln!(out, "/** The recipient fields of a form, as typed. A missing field counts as empty. */");
    let _ = writeln!(out, "export interface RecipientFields {{");
    for kind in RECIPIENT_FIELDS {
        let _ = writeln!(out, "    {}?: string;", kind.js_name());
    }
    let _ = writeln!(out, "}}");
    let _ = writeln!(out);
    let _ =
        writeln!(out, "/** What `checkRecipient` returns: whether every field is valid, and each field's result. */");
    let _ = writeln!(out, "export interface RecipientResult {{");
    let _ = writeln!(out, "    /** Whether every field is valid. */");
    let _ = writeln!(out, "    valid: boolean;");
    let _ = writeln!(out, "    fields: {{");
    for kind in RECIPIENT_FIELDS {
        let _ = writeln!(out, "        {}: {}Result;", kind.js_name(), pascal(kind.name()));
    }
    let _ = writeln!(out, "    }};");
    let _ = writeln!(out, "}}");
    for kind in FieldKind::ALL {
        let (p, docs) = (pascal(kind.name()), kind.docs());
        let _ = writeln!(out);
        let examples: Vec<String> = docs.examples.iter().map(|i| validate_example(kind, i)).collect();
        jsdoc(&mut out, "", docs.validate, &examples);
        let _ =
            writeln!(out, "export function validate{p}(input: string, options?: ValidateOptions | null): {p}Result;");
        let _ = writeln!(
            out,
            "/** Whether `input` is {}: the cheap path for loops, with no object or message built. */",
            docs.what
        );
        let _ = writeln!(out, "export function isValid{p}(input: string): boolean;");
        if mask_kind(kind).is_some() {
            let examples: Vec<String> = docs.mask_examples.iter().map(|e| mask_example(kind, e)).collect();
            jsdoc(&mut out, "", docs.mask, &examples);
            let _ = writeln!(out, "export function mask{p}(input: string, options?: {p}MaskOptions | null): string;");
        }
    }
    out
}

/// A field's `<Field>MaskOptions` interface, for a field with a mask.
fn mask_options(out: &mut String, kind: FieldKind) {
    let (p, what) = (pascal(kind.name()), kind.docs().what);
    match kind.mask_rule() {
        MaskRule::Digits { keep_start, keep_end, max_revealed } => {
            let _ = writeln!(out, "/** The mask policy of {what}. */");
            let _ = writeln!(out, "export interface {p}MaskOptions {{");
            let _ = writeln!(out, "    /** Digits left visible at the start (default {keep_start}). */");
            let _ = writeln!(out, "    keepStart?: number;");
            let _ = writeln!(
                out,
                "    /** Digits left visible at the end (default {keep_end}). keepStart + keepEnd may be at most {max_revealed}. */"
            );
            let _ = writeln!(out, "    keepEnd?: number;");
        }
        MaskRule::Name => {
            let _ = writeln!(
                out,
                "/** The mask policy of {what}: its rule is fixed, only the mask character can be chosen. */"
            );
            let _ = writeln!(out, "export interface {p}MaskOptions {{");
        }
        _ => return,
    }
    let _ = writeln!(out, "    /** One visible, non-digit character (default \"*\"). */");
    let _ = writeln!(out, "    maskChar?: string;");
    let _ = writeln!(out, "}}");
}

/// `js/api/schema-fields.js`: every field's schema function.
pub fn schema_javascript() -> String {
    let mut out = format!("// {HEADER}\n\n");
    let _ = writeln!(
        out,
        "// Every field's schema function (types and documentation: schema-fields.d.ts), fieldSchema on its name."
    );
    let _ = writeln!(out, "import {{ fieldSchema }} from './schema-core.js';");
    let _ = writeln!(out);
    for kind in FieldKind::ALL {
        let js = kind.js_name();
        let _ = writeln!(out, "export const {js}Schema = (options) => fieldSchema('{js}', options);");
    }
    out
}

/// `js/api/schema-fields.d.ts`: the schema functions' declarations and the recipient's shape. The build puts its
/// text into the package's `schema.d.ts` (its `schema-fields:begin` block).
pub fn schema_typescript() -> String {
    let mut out = format!("// {HEADER}\n\n");
    let _ = writeln!(out, "import type {{ FieldSchema, ObjectSchema, SchemaOptions }} from './schema.js';");
    let _ = writeln!(out);
    for kind in FieldKind::ALL {
        let (js, docs) = (kind.js_name(), kind.docs());
        let display = if kind.has_display() { " (the canonical value; its display form is the API's)" } else { "" };
        let input = docs.examples[0];
        let example = match kind.check(input) {
            Ok(v) => format!("{{ value: {} }}", js_string(v.as_str())),
            Err(e) => format!("{{ issues: [{{ code: {}, … }}] }}", js_string(e.code())),
        };
        jsdoc(
            &mut out,
            "",
            &format!(
                "The schema of {}{display}: the same checks and normalisation as `validateField(\"{js}\", …)`.",
                docs.what
            ),
            &[format!("{js}Schema()[\"~standard\"].validate({}); // {example}", js_string(input))],
        );
        let _ = writeln!(out, "export function {js}Schema(options?: SchemaOptions | null): FieldSchema<'{js}'>;");
    }
    let _ = writeln!(out);
    let _ = writeln!(out, "/** The recipient fields UNI-PASS matches, each key holding the field of its name. */");
    let _ = writeln!(out, "export type RecipientShape = {{");
    for kind in RECIPIENT_FIELDS {
        let _ = writeln!(out, "    readonly {0}: '{0}';", kind.js_name());
    }
    let _ = writeln!(out, "}};");
    let _ = writeln!(out, "/** The recipient's schema: its fields in, their canonical values out. */");
    let _ = writeln!(out, "export type RecipientSchema = ObjectSchema<RecipientShape>;");
    out
}
