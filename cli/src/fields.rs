//! Where the command-line tool meets the library's fields: checking a value (one field, or a row's fields with
//! the recipient check), masking what is shown, and the library's JSON of each result. Every other module goes
//! through here (the PCCC fast path in `fast.rs` aside).

use pccc_guard::{
    check_recipient, FieldError, Locale, Localized, Name, NameMask, Pccc, PcccMask, Phone, PhoneMask, Postcode,
    RecipientInput,
};
use serde::Serialize;

use crate::Field;

/// The library's mask of one field, checked.
pub enum Masks {
    Pccc(PcccMask),
    Phone(PhoneMask),
    Name(NameMask),
    /// Postcodes are not masked (as in the library).
    Postcode,
}

/// A field's mask policy and its fill character.
pub struct Policy {
    pub masks: Masks,
    pub fill: char,
}

impl Policy {
    /// The PCCC mask, when the field is the PCCC (for the fast path's template).
    pub fn pccc_mask(&self) -> Option<&PcccMask> {
        match &self.masks {
            Masks::Pccc(mask) => Some(mask),
            _ => None,
        }
    }
}

/// The masks of every field, for a row of several (each checked when the field is).
#[derive(Clone, Copy)]
pub struct FieldMasks {
    pub pccc: PcccMask,
    pub phone: PhoneMask,
    pub name: NameMask,
    pub fill: char,
}

impl FieldMasks {
    /// The policy of one field.
    pub fn policy(&self, field: Field) -> Policy {
        let masks = match field {
            Field::Pccc => Masks::Pccc(self.pccc),
            Field::Phone => Masks::Phone(self.phone),
            Field::Name => Masks::Name(self.name),
            Field::Postcode => Masks::Postcode,
        };
        Policy { masks, fill: self.fill }
    }
}

/// The mask builders, so that the command line sets options without naming library types.
pub fn pccc_mask(keep_start: usize, keep_end: usize, fill: char) -> Result<PcccMask, &'static str> {
    let mask = PcccMask::new().keep_start(keep_start).keep_end(keep_end).fill(fill);
    mask.check().map(|()| mask).map_err(|e| e.message(Locale::En))
}

pub fn phone_mask(keep_start: usize, keep_end: usize, fill: char) -> Result<PhoneMask, &'static str> {
    let mask = PhoneMask::new().keep_start(keep_start).keep_end(keep_end).fill(fill);
    mask.check().map(|()| mask).map_err(|e| e.message(Locale::En))
}

pub fn name_mask(fill: char) -> Result<NameMask, &'static str> {
    let mask = NameMask::new().fill(fill);
    mask.check().map(|()| mask).map_err(|e| e.message(Locale::En))
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

/// Checks one value of `field` with its own parser: the error code (if any) and what to show.
pub fn check_one(policy: &Policy, text: &str, show: bool) -> (Option<&'static str>, String) {
    let how = How { text, show, locale: Locale::En, json: false };
    let c = match &policy.masks {
        Masks::Pccc(mask) => how.pccc(&Pccc::parse(text), mask),
        Masks::Phone(mask) => how.phone(&Phone::parse(text), mask),
        Masks::Name(mask) => how.name(&Name::parse(text), mask),
        Masks::Postcode => how.postcode(&Postcode::parse(text), policy.fill),
    };
    (c.error.map(|(code, _)| code), c.shown)
}

/// Checks the given fields of one row together, with the library's recipient check (fields not given are not
/// checked and not reported); the results in the order of `values`, with their JSON when `json`.
pub fn check_row(values: &[(Field, &str)], masks: &FieldMasks, show: bool, locale: Locale, json: bool) -> Vec<Checked> {
    let mut input = RecipientInput::default();
    for &(field, text) in values {
        match field {
            Field::Pccc => input.pccc = text,
            Field::Phone => input.phone = text,
            Field::Postcode => input.postcode = text,
            Field::Name => input.name = text,
        }
    }
    let report = check_recipient(&input);
    values
        .iter()
        .map(|&(field, text)| {
            let how = How { text, show, locale, json };
            match field {
                Field::Pccc => how.pccc(&report.pccc, &masks.pccc),
                Field::Phone => how.phone(&report.phone, &masks.phone),
                Field::Name => how.name(&report.name, &masks.name),
                Field::Postcode => how.postcode(&report.postcode, masks.fill),
            }
        })
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
    fn pccc(&self, result: &Result<Pccc, pccc_guard::PcccError>, mask: &PcccMask) -> Checked {
        self.checked(result, |v| mask.apply_to(v).unwrap_or_default(), |t| mask.apply(t).unwrap_or_default())
    }

    fn phone(&self, result: &Result<Phone, pccc_guard::PhoneError>, mask: &PhoneMask) -> Checked {
        self.checked(result, |v| mask.apply_to(v).unwrap_or_default(), |t| mask.apply(t).unwrap_or_default())
    }

    fn name(&self, result: &Result<Name, pccc_guard::NameError>, mask: &NameMask) -> Checked {
        self.checked(result, |v| mask.apply_to(v).unwrap_or_default(), |t| mask.apply(t).unwrap_or_default())
    }

    /// Postcodes have no mask in the library: a valid one is shown, an invalid one hidden like the other
    /// fields' (its length only).
    fn postcode(&self, result: &Result<Postcode, pccc_guard::PostcodeError>, fill: char) -> Checked {
        self.checked(result, |v| v.to_string(), |t| hidden(t, fill))
    }

    fn checked<T, E>(
        &self,
        result: &Result<T, E>,
        valid: impl Fn(&T) -> String,
        typed: impl Fn(&str) -> String,
    ) -> Checked
    where
        T: std::fmt::Display,
        E: FieldError,
        for<'r> Localized<&'r Result<T, E>>: Serialize,
    {
        let (text, show, locale) = (self.text, self.show, self.locale);
        let (error, text_shown) = match result {
            Ok(v) if show => (None, v.to_string()),
            Ok(v) => (None, valid(v)),
            Err(e) => (Some((e.code(), e.message(locale))), if show { text.to_owned() } else { typed(text) }),
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
