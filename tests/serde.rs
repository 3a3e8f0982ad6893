//! The `serde` feature: field types as canonical strings that deserialise by parsing, errors that never echo
//! the input, and the JavaScript API's JSON shape for errors, field results and recipient reports. (The byte-for-
//! byte comparison with the Node package is tests/node/serde-parity.test.mjs.)
#![cfg(feature = "serde")]

mod common;

use pccc_guard::{
    check_recipient, ErrorRecord, Field, FieldKind, Locale, Localized, Name, Pccc, Phone, Postcode, Recipient,
    RecipientInput, RecipientReport,
};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::json;

/// Every field of the registry with its vectors.
const FILES: [(FieldKind, &str); FieldKind::ALL.len()] = pccc_guard::field_vectors!();

/// The digits and letters of `input` that an error text must not contain (runs of 4 or more, so that a message's
/// own "12 digits" is not mistaken for an echo).
fn leaks(text: &str, input: &str) -> bool {
    let runs: Vec<String> =
        input.split(|c: char| !c.is_alphanumeric()).filter(|run| run.chars().count() >= 4).map(str::to_owned).collect();
    runs.iter().any(|run| text.contains(run.as_str()))
}

/// Deserialises `input` as a JSON string into `T` and checks the outcome against the vector's expectation.
fn check_deserialise<T: DeserializeOwned + Serialize>(v: &common::Vector, file: usize) {
    let body = serde_json::to_string(&v.input).unwrap();
    match (serde_json::from_str::<T>(&body), v.expected.strip_prefix("valid:")) {
        (Ok(value), Some(canonical)) => {
            assert_eq!(serde_json::to_value(&value).unwrap(), json!(canonical), "file {file} line {}", v.line);
        }
        (Err(e), None) => {
            let text = e.to_string();
            assert!(text.starts_with(&format!("{}: ", v.expected)), "file {file} line {}: {text}", v.line);
            assert!(!leaks(&text, &v.input), "file {file} line {}: the error echoes the input: {text}", v.line);
        }
        (Ok(_), None) => panic!("file {file} line {}: accepted an invalid value", v.line),
        (Err(e), Some(_)) => panic!("file {file} line {}: refused a valid value: {e}", v.line),
    }
}

/// A field's own type serialises its results as the registry's generic result does, in both locales.
fn check_typed<F: Field>(v: &common::Vector)
where
    for<'a> Localized<&'a Result<F, F::Error>>: Serialize,
{
    for locale in [Locale::Ko, Locale::En] {
        let typed = serde_json::to_value(Localized::new(&F::parse(&v.input), locale)).unwrap();
        let generic = serde_json::to_value(Localized::new(&F::KIND.check(&v.input), locale)).unwrap();
        assert_eq!(typed, generic, "{:?} line {}", F::KIND, v.line);
    }
}

/// Every field's own type, from the registry: deserialises each vector and serialises its result alike.
macro_rules! field_types_callback {
    ($($kind:ident: $ty:path),+) => {
        fn check_typed_field(kind: FieldKind, v: &common::Vector, file: usize) {
            match kind {
                $(FieldKind::$kind => {
                    check_deserialise::<$ty>(v, file);
                    check_typed::<$ty>(v);
                })+
                _ => unreachable!("every field is in the registry"),
            }
        }
    };
}
pccc_guard::field_types!();

#[test]
fn every_vector_deserialises_to_its_canonical_value_or_its_error_code() {
    for (file, (kind, text)) in FILES.iter().enumerate() {
        for v in common::vectors(text) {
            check_typed_field(*kind, &v, file);
        }
    }
}

/// The result JSON for one vector, with the expected shape built from the vector and the error's accessors.
fn check_result<T, E>(
    v: &common::Vector,
    result: Result<T, E>,
    locale: Locale,
    display: Option<&str>,
    found: Option<usize>,
) where
    for<'a> Localized<&'a Result<T, E>>: Serialize,
    E: Copy + ErrorInfo,
{
    let got = serde_json::to_value(Localized::new(&result, locale)).unwrap();
    let want = match (&result, v.expected.strip_prefix("valid:")) {
        (Ok(_), Some(canonical)) => {
            let mut want = json!({ "valid": true, "value": canonical });
            if let Some(display) = display {
                want["display"] = json!(display);
            }
            want
        }
        (Err(e), None) => {
            let mut error = json!({ "code": v.expected, "message": e.message_in(locale) });
            if let Some(index) = e.utf16() {
                error["index"] = json!(index);
            }
            if let Some(found) = found {
                error["found"] = json!(found);
            }
            json!({ "valid": false, "error": error })
        }
        _ => panic!("line {}: the parser disagrees with the vector", v.line),
    };
    assert_eq!(got, want, "line {}", v.line);
}

/// The accessors the JSON shape is built from, for the test's own expectation.
trait ErrorInfo {
    fn message_in(&self, locale: Locale) -> &'static str;
    fn utf16(&self) -> Option<usize>;
}

macro_rules! error_info {
    ($($t:ty),*) => {$(
        impl ErrorInfo for $t {
            fn message_in(&self, locale: Locale) -> &'static str {
                self.message(locale)
            }
            fn utf16(&self) -> Option<usize> {
                self.utf16_index()
            }
        }
    )*};
}
error_info!(ErrorRecord);

#[test]
fn every_vector_serialises_to_the_javascript_result_shape_in_both_locales() {
    for locale in [Locale::Ko, Locale::En] {
        for (kind, text) in FILES {
            for v in common::vectors(text) {
                let r = kind.check(&v.input);
                let display = r.as_ref().ok().and_then(|value| value.display().map(str::to_owned));
                let found = r.as_ref().err().and_then(ErrorRecord::found);
                check_result(&v, r, locale, display.as_deref(), found);
            }
        }
    }
}

#[test]
fn an_error_serialises_with_its_members_in_the_javascript_order() {
    let err = Pccc::parse("P12345678901O").unwrap_err();
    assert_eq!(
        serde_json::to_string(&Localized::new(&err, Locale::En)).unwrap(),
        r#"{"code":"invalid_character","message":"Only digits may follow the P. Type the digit 0 instead of the letter O.","index":12}"#
    );
    // On its own, an error serialises with the Korean message (the default locale).
    let err = Name::parse("김").unwrap_err();
    assert_eq!(
        serde_json::to_string(&err).unwrap(),
        format!(r#"{{"code":"too_short","message":"{}","found":1}}"#, err.message(Locale::Ko))
    );
    let err = Postcode::parse("").unwrap_err();
    assert_eq!(serde_json::to_value(err).unwrap(), json!({ "code": "empty", "message": err.message(Locale::Ko) }));
}

#[test]
fn a_report_serialises_like_check_recipient() {
    let input = RecipientInput { name: "홍길동", pccc: "900101-1234567", phone: "+82 10 1234 5678", postcode: "" };
    let report = check_recipient(&input);
    let en = serde_json::to_string(&Localized::new(&report, Locale::En)).unwrap();
    assert_eq!(
        en,
        concat!(
            r#"{"valid":false,"fields":{"name":{"valid":true,"value":"홍길동"},"#,
            r#""pccc":{"valid":false,"error":{"code":"looks_like_rrn","message":"This looks like a resident registration number. Do not enter it here; enter your personal customs clearance code, which starts with P."}},"#,
            r#""phone":{"valid":true,"value":"01012345678","display":"010-1234-5678"},"#,
            r#""postcode":{"valid":false,"error":{"code":"empty","message":"Enter the 5-digit postcode of the delivery address."}}}}"#
        )
    );
    assert!(!en.contains("900101"), "the RRN is not echoed");
    let ko = serde_json::to_value(&report).unwrap();
    assert_eq!(ko["fields"]["postcode"]["error"]["message"], "배송지 우편번호 5자리를 입력해 주세요.");
}

#[test]
fn a_report_deserialises_by_checking_every_field() {
    let body =
        r#"{"items":[1,2],"name":"홍길동1","pccc":"p1234 5678 9012","phone":"0504-1234-5678","note":{"a":null}}"#;
    let report: RecipientReport = serde_json::from_str(body).unwrap();
    assert_eq!(report.name.unwrap_err().code(), "contains_digits");
    assert_eq!(report.pccc.unwrap().as_str(), "P123456789012");
    assert_eq!(report.phone.unwrap_err().code(), "virtual_number");
    assert_eq!(report.postcode.unwrap_err().code(), "empty", "a missing field is empty");
    // Escapes are decoded (the report owns its values).
    let report: RecipientReport = serde_json::from_str(
        r#"{"name":"\ud64d\uae38\ub3d9","pccc":"P123456789012","phone":"01012345678","postcode":"03154"}"#,
    )
    .unwrap();
    assert!(report.is_valid());
    assert_eq!(report.into_recipient().unwrap().name.as_str(), "홍길동");
    // As a sequence, in the order of checkRecipient's fields.
    let report: RecipientReport = serde_json::from_str(r#"["Hong Gildong","P123456789012","01012345678"]"#).unwrap();
    assert_eq!(report.postcode.unwrap_err().code(), "empty");
}

#[test]
fn a_report_refuses_repeated_members_and_non_strings_without_echoing_them() {
    let err =
        serde_json::from_str::<RecipientReport>(r#"{"pccc":"P123456789012","pccc":"P999999999999"}"#).unwrap_err();
    assert!(err.to_string().contains("duplicate field `pccc`"), "{err}");
    assert!(!err.to_string().contains("999999"), "{err}");
    for body in
        [r#"{"phone":1012345678}"#, r#"{"pccc":123456789012}"#, r#"{"postcode":3154.5}"#, r#"{"name":-1234567}"#]
    {
        let err = serde_json::from_str::<RecipientReport>(body).unwrap_err().to_string();
        assert!(err.contains("invalid type: a number"), "{body}: {err}");
        let digits: String = body.chars().filter(char::is_ascii_digit).take(4).collect();
        assert!(!err.contains(&digits), "{body}: {err}");
    }
    for body in [r#"{"pccc":null}"#, r#"{"pccc":["P123456789012"]}"#, r#""P123456789012""#] {
        let err = serde_json::from_str::<RecipientReport>(body).unwrap_err().to_string();
        assert!(err.starts_with("invalid type"), "{body}: {err}");
        assert!(!err.contains("123456789012"), "{body}: {err}");
    }
}

#[test]
fn a_field_deserialised_from_a_number_is_refused_without_echoing_it() {
    for (body, err) in [
        ("123456789012", serde_json::from_str::<Pccc>("123456789012").unwrap_err()),
        ("1012345678", serde_json::from_str::<Phone>("1012345678").unwrap_err()),
        ("3154", serde_json::from_str::<Postcode>("3154").unwrap_err()),
    ] {
        let text = err.to_string();
        assert!(text.starts_with("invalid type: a number, expected "), "{text}");
        assert!(!text.contains(body), "{text}");
    }
}

#[test]
fn a_recipient_deserialises_only_when_every_field_is_valid() {
    let good = json!({ "name": "Hong Gildong", "pccc": "Ｐ１２３４５６７８９０１２", "phone": "010.1234.5678", "postcode": "03154" });
    let recipient: Recipient = serde_json::from_value(good.clone()).unwrap();
    assert_eq!(
        serde_json::to_value(&recipient).unwrap(),
        json!({ "name": "Hong Gildong", "pccc": "P123456789012", "phone": "01012345678", "postcode": "03154" })
    );
    let mut bad = good;
    bad["phone"] = json!("02-1234-5678");
    bad["postcode"] = json!("123-456");
    let err = serde_json::from_value::<Recipient>(bad).unwrap_err().to_string();
    assert!(err.starts_with("phone: landline_number: "), "the first invalid field: {err}");
    assert!(!err.contains("1234"), "{err}");
}

#[test]
fn a_typed_order_cannot_hold_a_bad_value() {
    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Order {
        pccc: Pccc,
        phone: Phone,
        postcode: Postcode,
    }
    let ok: Order =
        serde_json::from_str(r#"{"pccc":"p123456789012","phone":"01012345678","postcode":"63309"}"#).unwrap();
    assert_eq!(ok.pccc.as_str(), "P123456789012");
    let err = serde_json::from_str::<Order>(r#"{"pccc":"9001011234567","phone":"01012345678","postcode":"63309"}"#)
        .unwrap_err()
        .to_string();
    assert!(err.starts_with("looks_like_rrn: 주민등록번호를"), "{err}");
    assert!(!err.contains("900101"), "{err}");
}

#[test]
fn recipient_input_borrows_its_fields_and_refuses_what_it_cannot_borrow() {
    let body = r#"{"name":"홍길동","pccc":"P123456789012","phone":"010-1234-5678","postcode":"03154","x":[{}]}"#;
    let input: RecipientInput = serde_json::from_str(body).unwrap();
    assert_eq!(
        input,
        RecipientInput { name: "홍길동", pccc: "P123456789012", phone: "010-1234-5678", postcode: "03154" }
    );
    let err = serde_json::from_str::<RecipientInput>(r#"{"pccc":"P1234567890\u0031"}"#).unwrap_err().to_string();
    assert!(err.contains("a string that had to be decoded"), "{err}");
    assert!(!err.contains("1234567890"), "{err}");
    let err = serde_json::from_str::<RecipientInput>(r#"{"name":"a","name":"b"}"#).unwrap_err().to_string();
    assert!(err.contains("duplicate field `name`"), "{err}");
}
