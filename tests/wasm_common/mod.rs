//! Tests of the JavaScript API as compiled to wasm, shared by `wasm_node.rs` (Node) and `wasm_browser.rs`
//! (headless Chromium): the same checks must hold in both hosts.

use js_sys::{Object, Reflect};
use pccc_guard::wasm;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

use crate::common;

const VECTORS: &str = include_str!("../data/pccc_vectors.tsv");

fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).expect("readable property")
}

fn keys(obj: &JsValue) -> Vec<String> {
    let mut keys: Vec<String> =
        Object::keys(obj.unchecked_ref::<Object>()).iter().map(|k| k.as_string().expect("string key")).collect();
    keys.sort();
    keys
}

fn options(pairs: &[(&str, JsValue)]) -> JsValue {
    let obj = Object::new();
    for (k, v) in pairs {
        Reflect::set(&obj, &JsValue::from_str(k), v).expect("settable");
    }
    obj.into()
}

fn validate(input: &str, locale: Option<&str>) -> JsValue {
    let opts = locale.map(|l| options(&[("locale", JsValue::from_str(l))]).unchecked_into());
    wasm::validate(JsValue::from_str(input), opts).expect("validate does not throw for a string")
}

fn error_name(err: &JsValue) -> String {
    get(err, "name").as_string().unwrap_or_default()
}

#[wasm_bindgen_test]
fn every_vector_has_the_documented_result_shape() {
    for v in common::vectors(VECTORS) {
        let result = validate(&v.input, None);
        if let Some(canonical) = v.expected.strip_prefix("valid:") {
            assert_eq!(keys(&result), ["valid", "value"], "line {}", v.line);
            assert_eq!(get(&result, "valid"), JsValue::TRUE);
            assert_eq!(get(&result, "value").as_string().as_deref(), Some(canonical));
            assert!(wasm::is_valid(JsValue::from_str(&v.input)).unwrap());
        } else {
            assert_eq!(keys(&result), ["error", "valid"], "line {}", v.line);
            assert_eq!(get(&result, "valid"), JsValue::FALSE);
            let error = get(&result, "error");
            assert_eq!(get(&error, "code").as_string().as_deref(), Some(v.expected.as_str()), "line {}", v.line);
            let message = get(&error, "message").as_string().expect("message");
            assert!(!message.is_empty());
            let mut want_keys = vec!["code", "message"];
            match v.expected.as_str() {
                "invalid_prefix" | "invalid_character" => want_keys.push("index"),
                "too_short" | "too_long" => want_keys.push("found"),
                _ => {}
            }
            want_keys.sort();
            assert_eq!(keys(&error), want_keys, "line {}", v.line);
            assert!(!wasm::is_valid(JsValue::from_str(&v.input)).unwrap());
        }
    }
}

#[wasm_bindgen_test]
fn index_is_a_utf16_offset_into_the_original_string() {
    // "Ｐ１２" are 3 UTF-16 units (9 UTF-8 bytes); the '#' is at JS index 3. The emoji takes two units.
    for (input, want) in [("Ｐ１２#", 3.0), ("P1\u{1F600}", 2.0), ("P\u{1F600}\u{1F600}", 1.0), ("\u{200B}A1", 1.0)]
    {
        let error = get(&validate(input, None), "error");
        assert_eq!(get(&error, "index").as_f64(), Some(want), "{input:?}");
    }
    let error = get(&validate("P12345", None), "error");
    assert_eq!(get(&error, "found").as_f64(), Some(5.0));
}

#[wasm_bindgen_test]
fn locales_choose_the_message_language() {
    let ko = get(&get(&validate("P1", None), "error"), "message").as_string().unwrap();
    let ko2 = get(&get(&validate("P1", Some("ko-KR")), "error"), "message").as_string().unwrap();
    let en = get(&get(&validate("P1", Some("en")), "error"), "message").as_string().unwrap();
    assert_eq!(ko, ko2);
    assert!(ko.chars().any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c)));
    assert!(en.is_ascii());
    let err = wasm::validate(JsValue::from_str("P1"), Some(options(&[("locale", "fr".into())]).unchecked_into()))
        .unwrap_err();
    assert_eq!(error_name(&err), "RangeError");
}

#[wasm_bindgen_test]
fn non_strings_throw_type_errors_instead_of_being_coerced() {
    for bad in [JsValue::NULL, JsValue::UNDEFINED, JsValue::from_f64(1.0), Object::new().into(), JsValue::TRUE] {
        assert_eq!(error_name(&wasm::validate(bad.clone(), None).unwrap_err()), "TypeError");
        assert_eq!(error_name(&wasm::is_valid(bad.clone()).unwrap_err()), "TypeError");
        assert_eq!(error_name(&wasm::normalize(bad.clone()).unwrap_err()), "TypeError");
        assert_eq!(error_name(&wasm::mask(bad.clone(), None).unwrap_err()), "TypeError");
    }
    let not_an_object = JsValue::from_str("en").unchecked_into();
    assert_eq!(error_name(&wasm::validate("P1".into(), Some(not_an_object)).unwrap_err()), "TypeError");
}

#[wasm_bindgen_test]
fn mask_options_and_refused_policies() {
    let mask = |opts: JsValue| wasm::mask(JsValue::from_str("P123456789012"), Some(opts.unchecked_into()));
    assert_eq!(wasm::mask("P123456789012".into(), None).unwrap(), "P********9012");
    assert_eq!(mask(options(&[])).unwrap(), "P********9012");
    let bullets = options(&[("keepStart", 2.into()), ("maskChar", "•".into())]);
    assert_eq!(mask(bullets).unwrap(), "P12••••••9012");
    assert_eq!(wasm::mask("900101-1234567".into(), None).unwrap(), "*************");

    let too_much = mask(options(&[("keepStart", 4.into()), ("keepEnd", 4.into())])).unwrap_err();
    assert_eq!(error_name(&too_much), "Error");
    assert_eq!(get(&too_much, "code").as_string().as_deref(), Some("mask_reveals_too_much"));
    let digit_fill = mask(options(&[("maskChar", "0".into())])).unwrap_err();
    assert_eq!(get(&digit_fill, "code").as_string().as_deref(), Some("invalid_mask_char"));
    for bad in [
        options(&[("maskChar", "**".into())]),
        options(&[("keepEnd", (-1).into())]),
        options(&[("keepEnd", 1.5.into())]),
    ] {
        assert_eq!(error_name(&mask(bad).unwrap_err()), "RangeError");
    }
    assert_eq!(error_name(&mask(options(&[("keepEnd", "4".into())])).unwrap_err()), "TypeError");
}

#[wasm_bindgen_test]
fn normalize_and_caret() {
    assert_eq!(wasm::normalize("ｐ１２３ ４".into()).unwrap(), "P1234");
    let out = wasm::normalize_with_caret("P 12１3".into(), 5.into()).unwrap();
    assert_eq!(keys(&out), ["caret", "value"]);
    assert_eq!(get(&out, "value").as_string().as_deref(), Some("P1213"));
    assert_eq!(get(&out, "caret").as_f64(), Some(4.0));
    let err = wasm::normalize_with_caret("P1".into(), (-1).into()).unwrap_err();
    assert_eq!(error_name(&err), "RangeError");
    let err = wasm::normalize_with_caret("P1".into(), JsValue::NULL).unwrap_err();
    assert_eq!(error_name(&err), "TypeError");
}

mod recipient;
