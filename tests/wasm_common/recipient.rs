//! The recipient-field functions of the JavaScript API: result shapes for every vector, the cross-field check,
//! masks, and argument checking. Shared by the Node and browser runs.

use js_sys::{Array, Object};
use pccc_guard::wasm;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

use super::{error_name, get, keys, options};
use crate::common;

const PHONE: &str = include_str!("../data/phone_vectors.tsv");
const POSTCODE: &str = include_str!("../data/postcode_vectors.tsv");
const NAME: &str = include_str!("../data/name_vectors.tsv");

type Validate = fn(JsValue, Option<wasm::ValidateOptions>) -> Result<JsValue, JsValue>;

fn en() -> Option<wasm::ValidateOptions> {
    Some(options(&[("locale", "en".into())]).unchecked_into())
}

/// Checks `{ valid, value[, display] }` or `{ valid, error: { code, message, index?, found? } }` for a vector.
fn check_shape(result: &JsValue, expected: &str, line: usize, positional: &[&str], valid_keys: &[&str]) {
    if let Some(value) = expected.strip_prefix("valid:") {
        assert_eq!(keys(result), valid_keys, "line {line}");
        assert_eq!(get(result, "valid"), JsValue::TRUE);
        assert_eq!(get(result, "value").as_string().as_deref(), Some(value), "line {line}");
    } else {
        assert_eq!(keys(result), ["error", "valid"], "line {line}");
        assert_eq!(get(result, "valid"), JsValue::FALSE);
        let error = get(result, "error");
        assert_eq!(get(&error, "code").as_string().as_deref(), Some(expected), "line {line}");
        assert!(get(&error, "message").as_string().is_some_and(|m| m.len() > 10), "line {line}");
        let mut want = vec!["code", "message"];
        if positional.contains(&expected) {
            want.push("index");
        }
        if ["too_short", "too_long"].contains(&expected) {
            want.push("found");
        }
        want.sort();
        assert_eq!(keys(&error), want, "line {line}");
    }
}

#[wasm_bindgen_test]
fn every_vector_has_the_documented_result_shape() {
    let files: [(&str, Validate, &[&str], &[&str]); 3] = [
        (PHONE, wasm::validate_phone, &["invalid_character"], &["display", "valid", "value"]),
        (POSTCODE, wasm::validate_postcode, &["invalid_character"], &["valid", "value"]),
        (NAME, wasm::validate_name, &["invalid_character", "contains_digits"], &["valid", "value"]),
    ];
    for (file, validate, positional, valid_keys) in files {
        for v in common::vectors(file) {
            let result = validate(JsValue::from_str(&v.input), None).expect("no throw for a string");
            check_shape(&result, &v.expected, v.line, positional, valid_keys);
        }
    }
}

#[wasm_bindgen_test]
fn phone_results_carry_the_display_form_and_utf16_indices() {
    let ok = wasm::validate_phone("+82 10-1234-5678".into(), None).unwrap();
    assert_eq!(get(&ok, "value").as_string().as_deref(), Some("01012345678"));
    assert_eq!(get(&ok, "display").as_string().as_deref(), Some("010-1234-5678"));
    let ten = wasm::validate_phone("0111234567".into(), None).unwrap();
    assert_eq!(get(&ten, "display").as_string().as_deref(), Some("011-123-4567"));
    // "０１０" is 3 UTF-16 units (9 UTF-8 bytes); the emoji takes two units.
    for (input, index) in [("０１０#", 3.0), ("0\u{1F4DE}X", 1.0), ("\u{1F4DE}\u{1F4DE}", 0.0)] {
        let error = get(&wasm::validate_phone(input.into(), None).unwrap(), "error");
        assert_eq!(get(&error, "index").as_f64(), Some(index), "{input:?}");
    }
    let error = get(&wasm::validate_phone("010-1234".into(), None).unwrap(), "error");
    assert_eq!(get(&error, "found").as_f64(), Some(7.0));
    let error = get(&wasm::validate_name("홍길동😀".into(), None).unwrap(), "error");
    assert_eq!(get(&error, "index").as_f64(), Some(3.0));
    let error = get(&wasm::validate_name("김".into(), None).unwrap(), "error");
    assert_eq!(get(&error, "found").as_f64(), Some(1.0));
}

#[wasm_bindgen_test]
fn locales_choose_the_message_language() {
    for (validate, input) in [
        (wasm::validate_phone as Validate, "0504-1234-5678"),
        (wasm::validate_postcode, "123-456"),
        (wasm::validate_name, "홍Gildong"),
    ] {
        let message = |opts| get(&get(&validate(input.into(), opts).unwrap(), "error"), "message").as_string().unwrap();
        let ko = message(None);
        let english = message(en());
        assert!(ko.chars().any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c)), "{ko}");
        assert!(english.is_ascii(), "{english}");
        assert!(!english.contains(input) && !ko.contains(input));
        let fr = validate(input.into(), Some(options(&[("locale", "fr".into())]).unchecked_into())).unwrap_err();
        assert_eq!(error_name(&fr), "RangeError");
    }
}

fn fields(pairs: &[(&str, JsValue)]) -> JsValue {
    options(pairs)
}

fn field_code(report: &JsValue, field: &str) -> Option<String> {
    let result = get(&get(report, "fields"), field);
    if get(&result, "valid") == JsValue::TRUE {
        None
    } else {
        get(&get(&result, "error"), "code").as_string()
    }
}

#[wasm_bindgen_test]
fn check_recipient_reports_every_field() {
    let valid = fields(&[
        ("name", "홍길동".into()),
        ("pccc", "p1234 5678 9012".into()),
        ("phone", "+82 10 1234 5678".into()),
        ("postcode", "03154".into()),
    ]);
    let report = wasm::check_recipient(valid, None).unwrap();
    assert_eq!(keys(&report), ["fields", "valid"]);
    assert_eq!(get(&report, "valid"), JsValue::TRUE);
    let f = get(&report, "fields");
    assert_eq!(keys(&f), ["name", "pccc", "phone", "postcode"]);
    assert_eq!(get(&get(&f, "pccc"), "value").as_string().as_deref(), Some("P123456789012"));
    assert_eq!(get(&get(&f, "phone"), "display").as_string().as_deref(), Some("010-1234-5678"));
    assert_eq!(get(&get(&f, "name"), "value").as_string().as_deref(), Some("홍길동"));

    // Missing fields are empty.
    let report = wasm::check_recipient(Object::new().into(), en()).unwrap();
    assert_eq!(get(&report, "valid"), JsValue::FALSE);
    for field in ["name", "pccc", "phone", "postcode"] {
        assert_eq!(field_code(&report, field).as_deref(), Some("empty"), "{field}");
    }

    // An RRN in any field is that field's looks_like_rrn, and only that field's.
    for target in ["name", "pccc", "phone", "postcode"] {
        let pairs: Vec<(&str, JsValue)> =
            [("name", "홍길동"), ("pccc", "P123456789012"), ("phone", "010-1234-5678"), ("postcode", "03154")]
                .iter()
                .map(|&(k, v)| (k, JsValue::from_str(if k == target { "900101-1234567" } else { v })))
                .collect();
        let report = wasm::check_recipient(fields(&pairs), None).unwrap();
        assert_eq!(get(&report, "valid"), JsValue::FALSE);
        for field in ["name", "pccc", "phone", "postcode"] {
            let want = (field == target).then_some("looks_like_rrn");
            assert_eq!(field_code(&report, field).as_deref(), want, "RRN in {target}, field {field}");
        }
    }
}

#[wasm_bindgen_test]
fn check_recipient_refuses_what_is_not_fields() {
    for bad in
        [JsValue::NULL, JsValue::UNDEFINED, JsValue::from_str("홍길동"), JsValue::from_f64(1.0), Array::new().into()]
    {
        assert_eq!(error_name(&wasm::check_recipient(bad, None).unwrap_err()), "TypeError");
    }
    for bad in [JsValue::NULL, JsValue::from_f64(1.0), JsValue::TRUE, Object::new().into()] {
        let err = wasm::check_recipient(fields(&[("phone", bad)]), None).unwrap_err();
        assert_eq!(error_name(&err), "TypeError");
    }
}

#[wasm_bindgen_test]
fn non_strings_throw_type_errors_instead_of_being_coerced() {
    for bad in [JsValue::NULL, JsValue::UNDEFINED, JsValue::from_f64(1.0), Object::new().into(), JsValue::TRUE] {
        for validate in [wasm::validate_phone as Validate, wasm::validate_postcode, wasm::validate_name] {
            assert_eq!(error_name(&validate(bad.clone(), None).unwrap_err()), "TypeError");
        }
        assert_eq!(error_name(&wasm::mask_phone(bad.clone(), None).unwrap_err()), "TypeError");
        assert_eq!(error_name(&wasm::mask_name(bad.clone(), None).unwrap_err()), "TypeError");
    }
}

#[wasm_bindgen_test]
fn masks_and_refused_policies() {
    let phone = |input: &str, opts: JsValue| wasm::mask_phone(input.into(), Some(opts.unchecked_into()));
    assert_eq!(wasm::mask_phone("01012345678".into(), None).unwrap(), "010-1234-****");
    assert_eq!(phone("+82 11 123 4567", options(&[])).unwrap(), "011-123-****");
    assert_eq!(
        phone("01012345678", options(&[("keepStart", 3.into()), ("keepEnd", 4.into())])).unwrap(),
        "010-****-5678"
    );
    assert_eq!(phone("01012345678", options(&[("maskChar", "•".into())])).unwrap(), "010-1234-••••");
    assert_eq!(wasm::mask_phone("02-123-4567".into(), None).unwrap(), "*********");

    let too_much = phone("01012345678", options(&[("keepStart", 7.into()), ("keepEnd", 4.into())])).unwrap_err();
    assert_eq!(error_name(&too_much), "Error");
    assert_eq!(get(&too_much, "code").as_string().as_deref(), Some("mask_reveals_too_much"));
    let digit_fill = phone("01012345678", options(&[("maskChar", "0".into())])).unwrap_err();
    assert_eq!(get(&digit_fill, "code").as_string().as_deref(), Some("invalid_mask_char"));
    for bad in [
        options(&[("maskChar", "**".into())]),
        options(&[("keepEnd", (-1).into())]),
        options(&[("keepStart", 1.5.into())]),
    ] {
        assert_eq!(error_name(&phone("01012345678", bad).unwrap_err()), "RangeError");
    }
    assert_eq!(error_name(&phone("01012345678", options(&[("keepEnd", "4".into())])).unwrap_err()), "TypeError");

    let name = |input: &str, opts: JsValue| wasm::mask_name(input.into(), Some(opts.unchecked_into()));
    assert_eq!(wasm::mask_name("홍길동".into(), None).unwrap(), "홍*동");
    assert_eq!(wasm::mask_name("김구".into(), None).unwrap(), "김*");
    assert_eq!(name("John Smith", options(&[("maskChar", "•".into())])).unwrap(), "J••• S••••");
    assert_eq!(wasm::mask_name("홍길동2".into(), None).unwrap(), "****");
    let bad_fill = name("홍길동", options(&[("maskChar", " ".into())])).unwrap_err();
    assert_eq!(get(&bad_fill, "code").as_string().as_deref(), Some("invalid_mask_char"));
    assert_eq!(error_name(&name("홍길동", options(&[("maskChar", "".into())])).unwrap_err()), "RangeError");
    let not_an_object = JsValue::from_str("•");
    assert_eq!(error_name(&name("홍길동", not_an_object).unwrap_err()), "TypeError");
}
