//! serde support (the `serde` feature): the field types serialise as their canonical string and deserialise by
//! parsing; errors, field results and the recipient report serialise to exactly the JavaScript API's JSON.
//!
//! Nothing here echoes input: a deserialisation error carries the field's error code and message (or, for a
//! value that is not a string, only its kind), never the characters that were sent.

use core::fmt;
use core::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Unexpected, Visitor};
use serde::ser::{SerializeStruct, Serializer};
use serde::{Deserialize, Serialize};

use crate::{ErrorRecord, Field, FieldError, Locale, Recipient, RecipientInput, RecipientReport};
use crate::{Name, NameError, Pccc, PcccError, Phone, PhoneError, Postcode, PostcodeError};

/// A value paired with the language its messages are serialised in: an error, a field's result, or a recipient
/// report, serialised to the same JSON as the JavaScript API gives for it.
///
/// - An error (any field's: `&PcccError`, an [`ErrorRecord`](crate::ErrorRecord), …): `{"code", "message",
///   "index"?, "found"?}`, as in JavaScript's `result.error` (`index` is the UTF-16 index into the input, `found`
///   the digits found, or a name's length).
/// - A field's result (`&Result<Pccc, PcccError>`, the same for every field, or `&Result<FieldValue,
///   ErrorRecord>`): `{"valid":true,"value"}` (a field with a display form adds `"display"`) or
///   `{"valid":false,"error":{…}}`, as `validate`, `validatePhone` and the other fields' functions return.
/// - A `&RecipientReport`: `{"valid","fields":{"name","pccc","phone","postcode"}}`, as `checkRecipient` returns.
///
/// The types serialise on their own too, with Korean messages (the default locale).
///
/// # Example: answer a form in English
///
/// ```
/// use pccc_guard::{check_recipient, Locale, Localized, Pccc, RecipientInput};
///
/// let err = Pccc::parse("P12345678901").unwrap_err();
/// assert_eq!(
///     serde_json::to_string(&Localized::new(&err, Locale::En))?,
///     r#"{"code":"too_short","message":"Too few digits. Enter all 12 digits after the P.","found":11}"#
/// );
///
/// let result = Pccc::parse("p1234 5678 9012");
/// assert_eq!(serde_json::to_string(&Localized::new(&result, Locale::En))?, r#"{"valid":true,"value":"P123456789012"}"#);
///
/// let input = RecipientInput { name: "홍길동", pccc: "P123456789012", phone: "010-1234-5678", postcode: "03154" };
/// let json = serde_json::to_string(&Localized::new(&check_recipient(&input), Locale::En))?;
/// assert!(json.starts_with(r#"{"valid":true,"fields":{"name":{"valid":true,"value":"홍길동"},"#));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Localized<T> {
    pub(crate) value: T,
    pub(crate) locale: Locale,
}

impl<T> Localized<T> {
    /// Pairs `value` with the `locale` of its messages.
    ///
    /// # Example: a Korean error record
    ///
    /// ```
    /// use pccc_guard::{Locale, Localized, Postcode};
    ///
    /// let err = Postcode::parse("123-456").unwrap_err();
    /// let json = serde_json::to_value(Localized::new(&err, Locale::Ko))?;
    /// assert_eq!(json["code"], "old_postcode");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub const fn new(value: T, locale: Locale) -> Localized<T> {
        Localized { value, locale }
    }

    /// The wrapped value.
    ///
    /// # Example: unwrap
    ///
    /// ```
    /// use pccc_guard::{Locale, Localized};
    ///
    /// assert_eq!(Localized::new(3, Locale::En).into_inner(), 3);
    /// ```
    pub fn into_inner(self) -> T {
        self.value
    }

    /// The locale of the messages.
    ///
    /// # Example: which language
    ///
    /// ```
    /// use pccc_guard::{Locale, Localized};
    ///
    /// assert_eq!(Localized::new((), Locale::En).locale(), Locale::En);
    /// ```
    pub const fn locale(&self) -> Locale {
        self.locale
    }
}

pub(crate) fn serialize_error<E: FieldError, S: Serializer>(
    e: &E,
    locale: Locale,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serialize_record(&e.record(), locale, serializer)
}

/// The JavaScript API's error record: `{"code","message","index"?,"found"?}` (`index` in UTF-16 units).
fn serialize_record<S: Serializer>(e: &ErrorRecord, locale: Locale, serializer: S) -> Result<S::Ok, S::Error> {
    let (index, found) = (e.utf16_index(), e.found());
    let len = 2 + usize::from(index.is_some()) + usize::from(found.is_some());
    let mut s = serializer.serialize_struct("Error", len)?;
    s.serialize_field("code", e.code())?;
    s.serialize_field("message", e.message(locale))?;
    if let Some(index) = index {
        s.serialize_field("index", &index)?;
    }
    if let Some(found) = found {
        s.serialize_field("found", &found)?;
    }
    s.end()
}

/// Serialises to the JavaScript API's error record with the Korean message; see [`Localized`] for English.
impl Serialize for ErrorRecord {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_record(self, Locale::default(), serializer)
    }
}

impl Serialize for Localized<&ErrorRecord> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_record(self.value, self.locale, serializer)
    }
}

/// `{"valid":true,"value",…}` or `{"valid":false,"error":{…}}`.
pub(crate) fn serialize_result<T: Field, S: Serializer>(
    result: &Result<T, T::Error>,
    locale: Locale,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let outcome = result.as_ref().map(|v| (v.as_str(), v.display())).map_err(FieldError::record);
    serialize_outcome(outcome, locale, serializer)
}

/// A result of [`FieldKind::check`](crate::FieldKind::check) serialises like the field's own result: the same
/// JSON as the JavaScript API's `validateField`.
impl Serialize for Localized<&Result<crate::FieldValue, ErrorRecord>> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let outcome = self.value.as_ref().map(|v| (v.as_str(), v.display())).map_err(|e| *e);
        serialize_outcome(outcome, self.locale, serializer)
    }
}

/// A field's result as the JavaScript API gives it: the canonical value and display form, or the error record.
fn serialize_outcome<S: Serializer>(
    outcome: Result<(&str, Option<&str>), ErrorRecord>,
    locale: Locale,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match outcome {
        Ok((value, display)) => {
            let mut s = serializer.serialize_struct("Valid", 2 + usize::from(display.is_some()))?;
            s.serialize_field("valid", &true)?;
            s.serialize_field("value", value)?;
            if let Some(display) = display {
                s.serialize_field("display", display)?;
            }
            s.end()
        }
        Err(e) => {
            let mut s = serializer.serialize_struct("Invalid", 2)?;
            s.serialize_field("valid", &false)?;
            s.serialize_field("error", &Localized::new(&e, locale))?;
            s.end()
        }
    }
}

/// serde for every field of the registry (`src/field.rs` calls this with its list): the type as its canonical
/// string, deserialised by parsing; its error as the error record; its result as the JavaScript API's result.
// Each impl carries its feature for docs.rs: the macro is expanded in src/field.rs, outside this module.
macro_rules! field_serde {
    ($($ty:ident, $error:ident;)+) => {$(
        /// Serialises as the canonical string.
        #[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
        impl ::serde::Serialize for $ty {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        /// Deserialises a string by parsing it. An invalid value is an error carrying the field's error code
        /// and Korean message, never the input.
        #[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
        impl<'de> ::serde::Deserialize<'de> for $ty {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                $crate::serde::deserialize_field(deserializer)
            }
        }

        /// Serialises to the JavaScript API's error record with the Korean message; see
        /// [`Localized`](crate::Localized) for English.
        #[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
        impl ::serde::Serialize for $error {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                $crate::serde::Localized::new(self, $crate::Locale::default()).serialize(serializer)
            }
        }

        #[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
        impl ::serde::Serialize for $crate::serde::Localized<&$error> {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                $crate::serde::serialize_error(self.value, self.locale, serializer)
            }
        }

        #[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
        impl ::serde::Serialize for $crate::serde::Localized<&Result<$ty, $error>> {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                $crate::serde::serialize_result(self.value, self.locale, serializer)
            }
        }
    )+};
}
pub(crate) use field_serde;

/// A field deserialised by parsing a string.
pub(crate) fn deserialize_field<'de, T: Field, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
    Parsed(PhantomData).deserialize(deserializer)?.map_err(de_error)
}

/// Visitor methods that refuse a value by its kind only: serde's default messages quote numbers and strings
/// (serde_json says "invalid type: integer" followed by the digits).
macro_rules! refuse_by_kind {
    (numbers) => {
        fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
            Err(E::invalid_type(Unexpected::Other("a number"), &self))
        }
        fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
            Err(E::invalid_type(Unexpected::Other("a number"), &self))
        }
        fn visit_i128<E: de::Error>(self, _: i128) -> Result<Self::Value, E> {
            Err(E::invalid_type(Unexpected::Other("a number"), &self))
        }
        fn visit_u128<E: de::Error>(self, _: u128) -> Result<Self::Value, E> {
            Err(E::invalid_type(Unexpected::Other("a number"), &self))
        }
        fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
            Err(E::invalid_type(Unexpected::Other("a number"), &self))
        }
    };
    (numbers and strings) => {
        refuse_by_kind!(numbers);
        fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
            Err(E::invalid_type(Unexpected::Other("a string"), &self))
        }
    };
}

/// An error's code and message, in the default locale, as a deserialisation error's text.
struct DeError<E>(E);

impl<E: FieldError> fmt::Display for DeError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.0.code(), self.0.message(Locale::default()))
    }
}

fn de_error<E: FieldError, D: de::Error>(e: E) -> D {
    D::custom(DeError(e))
}

/// Reads a string and parses it as a `T`; the field's own error is the visitor's value, so that a recipient can
/// collect every field's result. Other kinds of value are refused by kind only: serde's default messages for
/// numbers and strings quote the value.
struct Parsed<T>(PhantomData<T>);

impl<'de, T: Field> Visitor<'de> for Parsed<T> {
    type Value = Result<T, T::Error>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(T::KIND.docs().what)?;
        f.write_str(" as a string")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(T::parse(v))
    }

    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Self::Value, E> {
        match core::str::from_utf8(v) {
            Ok(s) => self.visit_str(s),
            Err(_) => Err(E::invalid_value(Unexpected::Other("bytes that are not UTF-8"), &self)),
        }
    }

    refuse_by_kind!(numbers);
}

impl<'de, T: Field> DeserializeSeed<'de> for Parsed<T> {
    type Value = Result<T, T::Error>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        string(deserializer, self)
    }
}

/// Asks `deserializer` for a string. A self-describing format is asked for any value instead, so that the
/// visitor sees a number and refuses it by kind: asked for a string, serde_json reports a number itself, with
/// its digits in the message. (Formats that are not human-readable, such as bincode, cannot give "any value";
/// they are asked for a string.)
fn string<'de, D: Deserializer<'de>, V: Visitor<'de>>(deserializer: D, visitor: V) -> Result<V::Value, D::Error> {
    if deserializer.is_human_readable() {
        deserializer.deserialize_any(visitor)
    } else {
        deserializer.deserialize_str(visitor)
    }
}

/// Serialises with Korean messages; see [`Localized`] for English.
impl Serialize for RecipientReport {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Localized::new(self, Locale::default()).serialize(serializer)
    }
}

impl Serialize for Localized<&RecipientReport> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        struct Fields<'a>(&'a RecipientReport, Locale);
        impl Serialize for Fields<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let (r, locale) = (self.0, self.1);
                let mut s = serializer.serialize_struct("Fields", 4)?;
                s.serialize_field("name", &Localized::new(&r.name, locale))?;
                s.serialize_field("pccc", &Localized::new(&r.pccc, locale))?;
                s.serialize_field("phone", &Localized::new(&r.phone, locale))?;
                s.serialize_field("postcode", &Localized::new(&r.postcode, locale))?;
                s.end()
            }
        }
        let mut s = serializer.serialize_struct("RecipientReport", 2)?;
        s.serialize_field("valid", &self.value.is_valid())?;
        s.serialize_field("fields", &Fields(self.value, self.locale))?;
        s.end()
    }
}

/// Serialises every field as its canonical string: `{"name","pccc","phone","postcode"}`.
impl Serialize for Recipient {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Recipient", 4)?;
        s.serialize_field("name", &self.name)?;
        s.serialize_field("pccc", &self.pccc)?;
        s.serialize_field("phone", &self.phone)?;
        s.serialize_field("postcode", &self.postcode)?;
        s.end()
    }
}

/// The members of a recipient, in the order of `checkRecipient`'s fields.
const FIELDS: &[&str] = &[
    crate::RECIPIENT_FIELDS[0].name(),
    crate::RECIPIENT_FIELDS[1].name(),
    crate::RECIPIENT_FIELDS[2].name(),
    crate::RECIPIENT_FIELDS[3].name(),
];

/// A member name; anything else is ignored (a form posts other fields too), without being echoed.
enum Key {
    Field(usize),
    Other,
}

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl Visitor<'_> for KeyVisitor {
            type Value = Key;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a member name")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Key, E> {
                Ok(FIELDS.iter().position(|f| *f == v).map_or(Key::Other, Key::Field))
            }
            fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Key, E> {
                Ok(FIELDS.iter().position(|f| f.as_bytes() == v).map_or(Key::Other, Key::Field))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Key, E> {
                Ok(usize::try_from(v).ok().filter(|&i| i < FIELDS.len()).map_or(Key::Other, Key::Field))
            }
        }
        deserializer.deserialize_identifier(KeyVisitor)
    }
}

/// Checks the four members as they arrive. A missing member is an empty string (`empty`), as in JavaScript's
/// `checkRecipient`; a repeated one is an error, so that two parsers can never read different values from the
/// same body.
#[derive(Default)]
struct ReportBuilder {
    name: Option<Result<Name, NameError>>,
    pccc: Option<Result<Pccc, PcccError>>,
    phone: Option<Result<Phone, PhoneError>>,
    postcode: Option<Result<Postcode, PostcodeError>>,
}

impl ReportBuilder {
    /// Reads member `i` from `next` (a map's next value or a sequence's next element).
    fn read<'de, E: de::Error>(&mut self, i: usize, next: impl Reader<'de, E>) -> Result<(), E> {
        fn put<'de, T: Field, E: de::Error>(
            slot: &mut Option<Result<T, T::Error>>,
            i: usize,
            next: impl Reader<'de, E>,
        ) -> Result<(), E> {
            if slot.is_some() {
                return Err(E::duplicate_field(FIELDS[i]));
            }
            *slot = Some(next.read(Parsed(PhantomData))?.unwrap_or_else(|| T::parse("")));
            Ok(())
        }
        match i {
            0 => put(&mut self.name, i, next),
            1 => put(&mut self.pccc, i, next),
            2 => put(&mut self.phone, i, next),
            _ => put(&mut self.postcode, i, next),
        }
    }

    fn finish(self) -> RecipientReport {
        RecipientReport {
            name: self.name.unwrap_or_else(|| Name::parse("")),
            pccc: self.pccc.unwrap_or_else(|| Pccc::parse("")),
            phone: self.phone.unwrap_or_else(|| Phone::parse("")),
            postcode: self.postcode.unwrap_or_else(|| Postcode::parse("")),
        }
    }
}

/// A map's next value or a sequence's next element (`None` at the end of a sequence).
trait Reader<'de, E> {
    fn read<S: DeserializeSeed<'de>>(self, seed: S) -> Result<Option<S::Value>, E>;
}

struct MapValue<'a, A>(&'a mut A);

impl<'de, A: MapAccess<'de>> Reader<'de, A::Error> for MapValue<'_, A> {
    fn read<S: DeserializeSeed<'de>>(self, seed: S) -> Result<Option<S::Value>, A::Error> {
        self.0.next_value_seed(seed).map(Some)
    }
}

struct SeqElement<'a, A>(&'a mut A);

impl<'de, A: SeqAccess<'de>> Reader<'de, A::Error> for SeqElement<'_, A> {
    fn read<S: DeserializeSeed<'de>>(self, seed: S) -> Result<Option<S::Value>, A::Error> {
        self.0.next_element_seed(seed)
    }
}

struct ReportVisitor;

impl<'de> Visitor<'de> for ReportVisitor {
    type Value = RecipientReport;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("recipient fields: name, pccc, phone and postcode as strings")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RecipientReport, A::Error> {
        let mut builder = ReportBuilder::default();
        while let Some(key) = map.next_key::<Key>()? {
            match key {
                Key::Field(i) => builder.read(i, MapValue(&mut map))?,
                Key::Other => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(builder.finish())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RecipientReport, A::Error> {
        let mut builder = ReportBuilder::default();
        for i in 0..FIELDS.len() {
            builder.read(i, SeqElement(&mut seq))?;
        }
        Ok(builder.finish())
    }

    refuse_by_kind!(numbers and strings);
}

/// Asks `deserializer` for a struct; a self-describing format for any value (see [`string`]: asked for a
/// struct, serde_json quotes a string or number it finds instead).
fn structure<'de, D: Deserializer<'de>, V: Visitor<'de>>(
    deserializer: D,
    name: &'static str,
    visitor: V,
) -> Result<V::Value, D::Error> {
    if deserializer.is_human_readable() {
        deserializer.deserialize_any(visitor)
    } else {
        deserializer.deserialize_struct(name, FIELDS, visitor)
    }
}

/// Deserialises the recipient fields of a form, `{"name","pccc","phone","postcode"}` as strings, by checking
/// them: the result holds every field's own result, as [`check_recipient`](crate::check_recipient) gives it, so a server can answer
/// with every problem at once. A missing member counts as empty (as in JavaScript's `checkRecipient`), other
/// members are ignored, and a member that is repeated or is not a string is a deserialisation error (which
/// never quotes the value).
///
/// # Example: check a posted form
///
/// ```
/// use pccc_guard::RecipientReport;
///
/// let report: RecipientReport =
///     serde_json::from_str(r#"{"name":"홍길동","pccc":"P12345678901","phone":"010-1234-5678","postcode":"03154","qty":2}"#)?;
/// assert!(!report.is_valid());
/// assert_eq!(report.pccc.unwrap_err().code(), "too_short");
/// # Ok::<(), serde_json::Error>(())
/// ```
impl<'de> Deserialize<'de> for RecipientReport {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        structure(deserializer, "RecipientReport", ReportVisitor)
    }
}

/// Deserialises the four fields by parsing them, so a `Recipient` never holds an invalid value: the first
/// invalid field (in the order name, pccc, phone, postcode) is the error, with its member name, error code and
/// Korean message. Deserialise a [`RecipientReport`] to get every field's error instead.
///
/// # Example: a typed order
///
/// ```
/// use pccc_guard::{Phone, Pccc, Recipient};
/// use serde::Deserialize;
///
/// #[derive(Deserialize)]
/// struct Order {
///     recipient: Recipient,
///     quantity: u32,
/// }
///
/// let order: Order = serde_json::from_str(
///     r#"{"recipient":{"name":"홍길동","pccc":"p1234 5678 9012","phone":"+82 10-1234-5678","postcode":"03154"},"quantity":1}"#,
/// )?;
/// assert_eq!(order.recipient.pccc.as_str(), "P123456789012");
///
/// let err = serde_json::from_str::<Recipient>(r#"{"name":"홍길동","pccc":"P1","phone":"01012345678","postcode":"03154"}"#)
///     .unwrap_err();
/// assert!(err.to_string().starts_with("pccc: too_short: "));
/// # Ok::<(), serde_json::Error>(())
/// ```
impl<'de> Deserialize<'de> for Recipient {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct FieldFailure<E>(&'static str, E);
        impl<E: FieldError> fmt::Display for FieldFailure<E> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}: {}", self.0, DeError(self.1))
            }
        }
        fn field<T, E: FieldError, D: de::Error>(name: &'static str, r: Result<T, E>) -> Result<T, D> {
            r.map_err(|e| D::custom(FieldFailure(name, e)))
        }
        let r = RecipientReport::deserialize(deserializer)?;
        Ok(Recipient {
            name: field(FIELDS[0], r.name)?,
            pccc: field(FIELDS[1], r.pccc)?,
            phone: field(FIELDS[2], r.phone)?,
            postcode: field(FIELDS[3], r.postcode)?,
        })
    }
}

/// Deserialises the fields as borrowed strings, without checking them (pass the result to
/// [`check_recipient`](crate::check_recipient)). A missing member is an empty string and other members are ignored. Only input that can
/// be borrowed works: a JSON string with an escape sequence, or a percent-encoded form value, has to be decoded
/// into a new string; deserialise a [`RecipientReport`] for those.
///
/// # Example: borrow the fields from a request body
///
/// ```
/// use pccc_guard::{check_recipient, RecipientInput};
///
/// let body = r#"{"name":"홍길동","pccc":"P123456789012","phone":"010-1234-5678"}"#;
/// let input: RecipientInput = serde_json::from_str(body)?;
/// assert_eq!(input.postcode, "");
/// assert_eq!(check_recipient(&input).postcode.unwrap_err().code(), "empty");
/// # Ok::<(), serde_json::Error>(())
/// ```
impl<'de: 'a, 'a> Deserialize<'de> for RecipientInput<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Borrowed;
        impl<'de> Visitor<'de> for Borrowed {
            type Value = &'de str;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string that can be borrowed (no escape sequences)")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<&'de str, E> {
                Ok(v)
            }
            fn visit_str<E: de::Error>(self, _: &str) -> Result<&'de str, E> {
                Err(E::invalid_type(Unexpected::Other("a string that had to be decoded"), &self))
            }
            refuse_by_kind!(numbers);
        }
        impl<'de> DeserializeSeed<'de> for Borrowed {
            type Value = &'de str;
            fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<&'de str, D::Error> {
                string(deserializer, self)
            }
        }

        struct InputVisitor;
        impl<'de> Visitor<'de> for InputVisitor {
            type Value = RecipientInput<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("recipient fields: name, pccc, phone and postcode as strings")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RecipientInput<'de>, A::Error> {
                let mut fields: [Option<&'de str>; 4] = [None; 4];
                while let Some(key) = map.next_key::<Key>()? {
                    match key {
                        Key::Field(i) => {
                            if fields[i].is_some() {
                                return Err(de::Error::duplicate_field(FIELDS[i]));
                            }
                            fields[i] = Some(map.next_value_seed(Borrowed)?);
                        }
                        Key::Other => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                let [name, pccc, phone, postcode] = fields.map(|f| f.unwrap_or(""));
                Ok(RecipientInput { name, pccc, phone, postcode })
            }
            refuse_by_kind!(numbers and strings);
        }
        structure(deserializer, "RecipientInput", InputVisitor)
    }
}
