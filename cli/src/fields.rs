//! Where the command-line tool meets the library's fields: checking a value (one field, or a row's fields with
//! the recipient check), masking what is shown, and the library's JSON of each result. Every other module goes
//! through here, and reaches every field alike through the library's registry (`FieldKind`); the one field
//! named in the tool is the PCCC of the fast path in `fast.rs`.

use pccc_guard::{ErrorRecord, FieldKind, FieldValue, Locale, Localized};

use crate::Field;

/// A field's mask policy: the digits kept at the start and at the end (`None`: the library's default for the
/// field) and the fill character. Masking goes through the library's registry ([`FieldKind::mask`]), so every
/// field, and its defaults, come from the library.
#[derive(Clone, Copy)]
pub struct Policy {
    pub field: Field,
    pub keep_start: Option<usize>,
    pub keep_end: Option<usize>,
    pub fill: char,
}

impl Policy {
    /// The policy refused by the library, if it is (the message for the person who set it).
    pub fn refusal(&self) -> Option<&'static str> {
        self.field.mask("", self.keep_start, self.keep_end, Some(self.fill))?.err().map(|e| e.message(Locale::En))
    }

    /// `text` masked with the policy: a valid value as its mask shows it, anything else completely (its length).
    /// A field without a mask (a postcode) shows a valid value as it is.
    fn mask(&self, text: &str) -> String {
        match self.field.mask(text, self.keep_start, self.keep_end, Some(self.fill)) {
            Some(masked) => masked.unwrap_or_default(),
            None => match self.field.check(text) {
                Ok(v) => v.as_str().to_owned(),
                Err(_) => hidden(text, self.fill),
            },
        }
    }
}

/// The mask policies of every field, for a row of several (each refused only when its field is checked).
#[derive(Clone, Copy)]
pub struct FieldMasks {
    /// Per field, by its number: the kept start and end given on the command line.
    pub keep: [(Option<usize>, Option<usize>); FieldKind::ALL.len()],
    pub fill: char,
}

impl FieldMasks {
    /// The policy of one field.
    pub fn policy(&self, field: Field) -> Policy {
        let (keep_start, keep_end) = self.keep[field.id() as usize];
        Policy { field, keep_start, keep_end, fill: self.fill }
    }
}

/// One value checked: its error (code and message), what to show, and the library's JSON of the result (the
/// value in it masked unless values are shown).
pub struct Checked {
    pub error: Option<(&'static str, &'static str)>,
    pub shown: String,
    /// The library's JSON of the result (empty when not asked for).
    pub json: String,
}

/// `text` completely masked: the fill character once per character after the library's normalisation, as every
/// mask shows a value that is not valid.
pub fn hidden(text: &str, fill: char) -> String {
    pccc_guard::normalize(text).chars().map(|_| fill).collect()
}

/// Checks one value of the policy's field: the error code (if any) and what to show.
pub fn check_one(policy: &Policy, text: &str, show: bool) -> (Option<&'static str>, String) {
    let c = How { text, show, locale: Locale::En, json: false }.checked(&policy.field.check(text), policy);
    (c.error.map(|(code, _)| code), c.shown)
}

/// Checks the given fields of one row, each with its own rules (the recipient check of the fields given: fields not
/// given are not checked and not reported); the results in the order of `values`, with their JSON (the library's,
/// as the recipient check and the JavaScript API give it) when `json`.
pub fn check_row(values: &[(Field, &str)], masks: &FieldMasks, show: bool, locale: Locale, json: bool) -> Vec<Checked> {
    values
        .iter()
        .map(|&(field, text)| How { text, show, locale, json }.checked(&field.check(text), &masks.policy(field)))
        .collect()
}

/// How a value is checked: the value as typed, whether values are shown, the language, and whether the JSON of
/// the result is wanted.
struct How<'a> {
    text: &'a str,
    show: bool,
    locale: Locale,
    json: bool,
}

impl How<'_> {
    fn checked(&self, result: &Result<FieldValue, ErrorRecord>, policy: &Policy) -> Checked {
        let (text, show, locale) = (self.text, self.show, self.locale);
        let (error, text_shown) = match result {
            Ok(v) if show => (None, v.as_str().to_owned()),
            Ok(v) => (None, policy.mask(v.as_str())),
            Err(e) => (Some((e.code(), e.message(locale))), if show { text.to_owned() } else { policy.mask(text) }),
        };
        let mut json = String::new();
        if self.json {
            json = serde_json::to_string(&Localized::new(result, locale)).unwrap_or_default();
            if !show && result.is_ok() {
                // The same members in the same order, the values masked.
                let masked = serde_json::to_string(&text_shown).unwrap_or_default();
                let display = json.contains("\"display\":");
                json = format!("{{\"valid\":true,\"value\":{masked}");
                if display {
                    json.push_str(",\"display\":");
                    json.push_str(&masked);
                }
                json.push('}');
            }
        }
        Checked { error, shown: text_shown, json }
    }
}

/// The language of messages, from `--lang`.
pub fn locale(english: bool) -> Locale {
    if english {
        Locale::En
    } else {
        Locale::Ko
    }
}

/// Whether messages are in English.
pub fn is_english(locale: Locale) -> bool {
    locale == Locale::En
}
