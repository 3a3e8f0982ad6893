//! Finds hand-written code that names a particular field outside its module (`src/<field>.rs`) and the registry
//! (`src/field.rs`, and `src/lib.rs`'s module lines): such code is a hand-kept list that a new field would miss.
//! `tests/naming.rs` fails on any mention that [`ALLOWED`] does not excuse.
//!
//! What counts as naming a field, for each field of [`FieldKind::ALL`] (`<Field>` its PascalCase name, `<field>`
//! its JavaScript name):
//!
//! - an identifier of its own: the Rust types `<Field>`, `<Field>Error`, `<Field>Mask`, the JavaScript functions
//!   `validate<Field>`, `isValid<Field>`, `mask<Field>` (and their `…Lines` batch forms), `<field>Schema`, the types
//!   `<Field>Result`, `<Field>ErrorCode`, `<Field>MaskOptions`; in Rust also a snake_case identifier holding its
//!   snake_case name as whole words (`business_number_keep_start`), but not the project's crate names (`pccc_guard`,
//!   `pccc_guard_gateway`).
//!   A variant of another enum (`Kind::Phone`) is not a mention;
//! - a string literal that is exactly one of its names (`'pccc'`, `"businessNumber"`, `"business-number"`);
//! - except that a name that is also a common word of code (`name`) is only read in its own identifiers;
//! - `FIELDS.<field>` in JavaScript.
//!
//! Comments are not code and are not read. Generated files (their first line says so) are not hand-written.

use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use pccc_guard::FieldKind;

use crate::contract::pascal;

/// The hand-written code that is read: folders of the repository and the file extensions read in each.
pub const SCANNED: &[(&str, &[&str])] =
    &[("src", &["rs"]), ("js", &["js", "mjs", "ts"]), ("cli/src", &["rs"]), ("python", &["rs", "py", "pyi"])];

/// The registry itself, besides each field's module: the table, and the crate root's module and export lines.
pub const REGISTRY: &[&str] = &["src/field.rs", "src/lib.rs"];

/// A deliberate exception: why, and the mentions it excuses (a file and the names it may use there).
pub struct Exception {
    /// Why these mentions are right where they are.
    pub reason: &'static str,
    /// Each file and the exact names (identifiers or string contents) it may use.
    pub mentions: &'static [(&'static str, &'static [&'static str])],
}

/// The deliberate exceptions. Each names exactly what it excuses, so any other mention still fails.
pub const ALLOWED: &[Exception] = &[
    Exception {
        reason: "The recipient is, by UNI-PASS's definition, four particular fields: its struct's members and their \
                 serde name them (src/recipient.rs lists them once, RECIPIENT_FIELDS, for every other surface), and \
                 `pccc-guard verify` reads them from the marketplaces' exports (each export's header for each of the \
                 four, the phone's candidates) and sends them to UNI-PASS, all in one file.",
        mentions: &[
            ("src/recipient.rs", RECIPIENT),
            ("src/serde.rs", RECIPIENT),
            ("cli/src/verify/recipient.rs", VERIFY),
        ],
    },
    Exception {
        reason: "The free-text finder has its own list of kinds (src/find.rs, Kind: pccc, rrn, phone), and redaction \
                 masks the codes and mobile numbers it finds with the PCCC's and the mobile number's policies (in every \
                 surface: the WebAssembly boundary, and Python's redact with the command-line tool's options); the PCCC, \
                 the crate's subject, also has a fast check at the boundary (isValid) and batch functions of its own, \
                 and in the command-line tool the fast path for canonical codes (stored orders hold millions) and the \
                 default --field.",
        mentions: &[
            ("src/find.rs", &["Pccc", "Phone", "pccc", "phone"]),
            ("src/redact.rs", &["PcccMask", "PhoneMask", "pccc", "phone", "pccc_mask", "phone_mask"]),
            ("src/wasm/exports.rs", &["Pccc", "PcccMask", "PhoneMask", "pccc", "phone", "pccc_start", "pccc_end", "phone_start", "phone_end", "pccc_mask", "phone_mask"]),
            ("js/api/api.js", &["isValidPcccLines", "validatePcccLines", "pccc"]),
            ("js/api/api.d.ts", &["isValidPcccLines", "validatePcccLines", "PcccResult"]),
            ("js/api/api-core.js", &["pccc"]),
            ("cli/src/fast.rs", &["Pccc", "PcccMask"]),
            ("cli/src/flags/mod.rs", &["pccc"]),
            ("python/src/text.rs", &["PcccMask", "PhoneMask", "pccc", "phone", "pccc_keep_start", "pccc_keep_end", "phone_keep_start", "phone_keep_end", "pccc_mask", "phone_mask"]),
            ("python/pccc_guard/_native.pyi", &["pccc", "phone", "pccc_keep_start", "pccc_keep_end", "phone_keep_start", "phone_keep_end"]),
        ],
    },
];

/// What the recipient's code may name: its four fields' types and members.
const RECIPIENT: &[&str] = &[
    "Name",
    "NameError",
    "Pccc",
    "PcccError",
    "Phone",
    "PhoneError",
    "Postcode",
    "PostcodeError",
    "pccc",
    "phone",
    "postcode",
];

/// What `pccc-guard verify`'s recipient file may name: the four fields and the members of UNI-PASS's request.
const VERIFY: &[&str] = &["Name", "Pccc", "Phone", "Postcode", "pccc", "phone", "postcode"];

/// A mention of a field in hand-written code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// The file, relative to the repository.
    pub path: String,
    /// Its line, from 1.
    pub line: usize,
    /// The identifier or string content.
    pub token: String,
    /// The field it names.
    pub field: FieldKind,
}

impl fmt::Display for Mention {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: `{}` names the {} field outside its module and the registry (src/field.rs): reach it through \
             FieldKind or the generated descriptor instead",
            self.path,
            self.line,
            self.token,
            self.field.name()
        )
    }
}

/// What the lexer gives: identifiers (with the path segment before `::`, if any) and string literals' contents.
#[derive(Debug)]
enum Token {
    Ident { text: String, line: usize, path_head: Option<String>, after_fields_dot: bool },
    Str { text: String, line: usize },
}

/// The languages read, by file extension.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Lang {
    /// `//` and `/* */` comments, `"` strings only (a `'` starts a char literal or a lifetime).
    Rust,
    /// `//` and `/* */` comments, `"`, `'` and template strings.
    Js,
    /// `#` comments, `"` and `'` strings, triple-quoted ones (docstrings) included.
    Python,
}

impl Lang {
    fn of(path: &str) -> Lang {
        if path.ends_with(".rs") {
            Lang::Rust
        } else if path.ends_with(".py") || path.ends_with(".pyi") {
            Lang::Python
        } else {
            Lang::Js
        }
    }
}

/// Splits code into identifiers and string literals, leaving comments out.
fn tokens(src: &str, lang: Lang) -> Vec<Token> {
    let chars: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let (mut i, mut line) = (0, 1);
    let mut last_ident: Option<String> = None; // the previous identifier, when only `::` or `.` lies between
    let mut sep = String::new();
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '\n' {
            line += 1;
            i += 1;
            last_ident = None;
            continue;
        }
        if (lang != Lang::Python && c == '/' && next == Some('/')) || (lang == Lang::Python && c == '#') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
            continue;
        }
        if lang == Lang::Python && (c == '"' || c == '\'') && next == Some(c) && chars.get(i + 2) == Some(&c) {
            // A triple-quoted string (a docstring): up to the same three quotes.
            let quote = [c; 3];
            out.push(string(&chars, &mut i, &mut line, &quote));
            last_ident = None;
            continue;
        }
        if lang != Lang::Python && c == '/' && next == Some('*') {
            i += 2;
            while i < chars.len() && !(chars[i] == '*' && chars.get(i + 1) == Some(&'/')) {
                line += usize::from(chars[i] == '\n');
                i += 1;
            }
            i += 2;
            continue;
        }
        if c == '"' || (lang != Lang::Rust && c == '\'') || (lang == Lang::Js && c == '`') {
            out.push(string(&chars, &mut i, &mut line, &[c]));
            last_ident = None;
            continue;
        }
        if c.is_alphabetic() || c == '_' || c == '$' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_' || chars[i] == '$') {
                i += 1;
            }
            let text: String = chars[start..i].iter().collect();
            let path_head = last_ident.as_ref().filter(|_| sep == "::").cloned();
            let after_fields_dot = last_ident.as_deref() == Some("FIELDS") && sep == ".";
            out.push(Token::Ident { text: text.clone(), line, path_head, after_fields_dot });
            last_ident = Some(text);
            sep.clear();
            continue;
        }
        if c == ':' || c == '.' {
            sep.push(c);
        } else if !c.is_whitespace() {
            last_ident = None;
            sep.clear();
        }
        i += 1;
    }
    out
}

/// The string literal at `chars[*i]`, opened and closed by `quote` (one quote, or three): its contents, with escapes
/// kept as written; `i` moves past it and `line` counts the lines it spans.
fn string(chars: &[char], i: &mut usize, line: &mut usize, quote: &[char]) -> Token {
    let (start_line, mut text) = (*line, String::new());
    *i += quote.len();
    while *i < chars.len() && !chars[*i..].starts_with(quote) {
        if chars[*i] == '\\' && *i + 1 < chars.len() {
            text.push(chars[*i]);
            *i += 1;
        }
        *line += usize::from(chars[*i] == '\n');
        text.push(chars[*i]);
        *i += 1;
    }
    *i += quote.len();
    Token::Str { text, line: start_line }
}

/// The identifiers that are a field's own (see the module's documentation).
fn own_identifiers(kind: FieldKind) -> Vec<String> {
    let p = pascal(kind.name());
    let mut names: Vec<String> =
        ["", "Error", "Mask", "Result", "ErrorCode", "MaskOptions"].iter().map(|s| format!("{p}{s}")).collect();
    // A Django form field's class (`<Field>Field`); Python's snake_case names are read like Rust's.
    names.push(format!("{p}Field"));
    for prefix in ["validate", "isValid", "mask"] {
        names.push(format!("{prefix}{p}"));
        names.push(format!("{prefix}{p}Lines"));
    }
    names.push(format!("{}Schema", kind.js_name()));
    names
}

/// Whether a Rust snake_case identifier holds the field's snake_case name as whole words.
fn holds_snake_name(ident: &str, kind: FieldKind) -> bool {
    let name = kind.name();
    if COMMON_WORDS.contains(&name) || CRATE_NAMES.contains(&ident) || ident.chars().any(|c| c.is_ascii_uppercase()) {
        return false;
    }
    let (words, field): (Vec<&str>, Vec<&str>) = (ident.split('_').collect(), name.split('_').collect());
    words.windows(field.len()).any(|w| w == field.as_slice())
}

/// The project's crates, whose names hold the PCCC's as a word but name the crates (`use pccc_guard_gateway::…`).
const CRATE_NAMES: &[&str] = &["pccc_guard", "pccc_guard_gateway"];

/// Field names that are also common words of code (an attribute's `'name'`, `file_name`): read in their own
/// identifiers only (`Name`, `validateName`, `nameSchema`), never as a word or a string.
const COMMON_WORDS: &[&str] = &["name"];

/// Paths before `::` that reach a field itself (anything else is another enum's variant or item).
const FIELD_PATHS: &[&str] = &["FieldKind", "FieldValue", "crate", "pccc_guard", "self", "super"];

/// Every mention of a field in `src`, the text of the file at `path`.
pub fn mentions(path: &str, src: &str) -> Vec<Mention> {
    let lang = Lang::of(path);
    // Rust and Python name things in snake_case: a field's snake_case name as whole words is its mention there.
    let snake = lang != Lang::Js;
    let mut out = Vec::new();
    for token in tokens(src, lang) {
        for kind in FieldKind::ALL {
            let hit = match &token {
                Token::Ident { text, path_head, after_fields_dot, .. } => {
                    let other_enum = path_head.as_deref().is_some_and(|h| !FIELD_PATHS.contains(&h));
                    let own = own_identifiers(kind).contains(text) && !other_enum;
                    own || (snake && holds_snake_name(text, kind))
                        || (lang == Lang::Js && *after_fields_dot && text == kind.js_name())
                }
                Token::Str { text, .. } => {
                    !COMMON_WORDS.contains(&kind.name())
                        && [kind.name(), kind.js_name(), kind.cli_name()].contains(&text.as_str())
                }
            };
            if hit {
                let (text, line) = match &token {
                    Token::Ident { text, line, .. } | Token::Str { text, line } => (text.clone(), *line),
                };
                out.push(Mention { path: path.to_owned(), line, token: text, field: kind });
            }
        }
    }
    out
}

/// Whether a file says in its first line that it is generated.
fn generated(src: &str) -> bool {
    src.lines()
        .next()
        .is_some_and(|l| (l.starts_with("// Generated") || l.starts_with("# Generated")) && l.contains("Do not edit"))
}

/// Whether [`ALLOWED`] excuses `m`.
pub fn allowed(m: &Mention) -> bool {
    ALLOWED.iter().flat_map(|e| e.mentions).any(|(path, names)| *path == m.path && names.contains(&m.token.as_str()))
}

fn files(root: &Path, dir: &str, exts: &[&str], out: &mut Vec<PathBuf>) -> io::Result<()> {
    let full = root.join(dir);
    if !full.exists() {
        return Ok(());
    }
    for entry in fs::read_dir(&full)? {
        let path = entry?.path();
        let rel = path.strip_prefix(root).unwrap_or(&path).to_string_lossy().into_owned();
        if path.is_dir() {
            files(root, &rel, exts, out)?;
        } else if path.extension().and_then(|e| e.to_str()).is_some_and(|e| exts.contains(&e)) {
            out.push(PathBuf::from(rel));
        }
    }
    Ok(())
}

/// Every mention of a field in the repository at `root` that neither the field's module, the registry, a
/// generated file nor [`ALLOWED`] accounts for.
pub fn scan(root: &Path) -> io::Result<Vec<Mention>> {
    let modules: Vec<String> = FieldKind::ALL.iter().map(|k| format!("src/{}.rs", k.name())).collect();
    let mut paths = Vec::new();
    for (dir, exts) in SCANNED {
        files(root, dir, exts, &mut paths)?;
    }
    paths.sort();
    let mut found = Vec::new();
    for rel in paths {
        let rel_str = rel.to_string_lossy().replace('\\', "/");
        if REGISTRY.contains(&rel_str.as_str()) || modules.contains(&rel_str) {
            continue;
        }
        let src = fs::read_to_string(root.join(&rel))?;
        if generated(&src) {
            continue;
        }
        found.extend(mentions(&rel_str, &src).into_iter().filter(|m| !allowed(m)));
    }
    Ok(found)
}
