//! The gateway binary as a shop's server uses it, over sockets on 127.0.0.1, against the fake UNI-PASS binary.

mod common;

use std::time::Duration;

use common::{client, metric, recipient, Fake, Gateway, FAST, KEY};
use futures_util::future::join_all;
use serde_json::{json, Value};

#[tokio::test]
async fn answers_matched_mismatched_and_invalid_without_passing_texts_through() {
    let dir = tempfile::tempdir().unwrap();
    let fake = Fake::start("127.0.0.1:0", "{}");
    let gw = Gateway::start(&fake.url(), &dir.path().join("data"), &dir.path().join("log"), FAST);

    let (code, body) = gw.verify(&recipient(1)).await;
    assert_eq!((code, body["status"].as_str()), (200, Some("matched")));

    let mismatch = json!({ "name": "김민수", "pccc": "P123456789012", "phone": "01012345679", "postcode": "03159" });
    let (code, body) = gw.verify(&mismatch).await;
    assert_eq!(code, 200);
    assert_eq!(body["status"], "mismatched");
    let codes: Vec<&str> = body["reasons"].as_array().unwrap().iter().map(|r| r["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["name_mismatch", "phone_mismatch", "postcode_mismatch"]);
    let text = body.to_string();
    assert!(!text.contains("김민수") && !text.contains("납세의무자"), "UNI-PASS's text passed through: {text}");
    assert!(body["reasons"][0]["message"]["en"].is_string() && body["reasons"][0]["message"]["ko"].is_string());

    let (_, body) = gw.verify(&json!({ "name": "홍길동", "pccc": "P123456789010", "phone": "01012345678" })).await;
    assert_eq!(body["reasons"][0]["code"], "pccc_not_found");

    let calls = fake.calls().await;
    let invalid = json!({ "name": "홍길동", "pccc": "900101-1234567", "phone": "0504-1234-5678", "postcode": "03154" });
    let (code, body) = gw.verify(&invalid).await;
    assert_eq!(code, 422);
    assert_eq!(body["status"], "invalid");
    assert_eq!(body["valid"], false);
    assert_eq!(body["fields"]["pccc"]["error"]["code"], "looks_like_rrn");
    assert_eq!(body["fields"]["phone"]["error"]["code"], "virtual_number");
    assert_eq!(body["fields"]["name"]["valid"], true);
    // Without a postcode, the postcode is not checked (nor reported).
    let (code, body) = gw.verify(&json!({ "name": "홍길동", "pccc": "P1234", "phone": "01012345678" })).await;
    assert_eq!(code, 422);
    assert!(body["fields"].get("postcode").is_none(), "{body}");
    assert_eq!(fake.calls().await, calls, "a format error was sent upstream");
}

#[tokio::test]
async fn identical_checks_share_one_call_and_repeats_come_from_the_cache() {
    let dir = tempfile::tempdir().unwrap();
    let fake = Fake::start("127.0.0.1:0", r#"{"delay_ms":1000}"#);
    let gw = Gateway::start(&fake.url(), &dir.path().join("data"), &dir.path().join("log"), &[]);
    let same = recipient(7);
    let checks = (0..20).map(|_| gw.verify(&same));
    let answers = join_all(checks).await;
    assert!(answers.iter().all(|(code, body)| *code == 200 && body["status"] == "matched"), "{answers:?}");
    assert_eq!(fake.calls().await, 1);
    // The same recipient typed differently is the same check.
    let typed =
        json!({ "name": " 홍길동 ", "pccc": "p1234 0000007 1", "phone": "+82 10-1000-0078", "postcode": "03154" });
    assert_eq!(gw.verify(&typed).await.1["status"], "matched");
    assert_eq!(fake.calls().await, 1);
    let m = gw.metrics().await;
    assert!(metric(&m, "pccc_gateway_cache_hits_total") >= 1.0);
    assert!(metric(&m, "pccc_gateway_coalesced_total") >= 1.0);
    assert_eq!(metric(&m, "pccc_gateway_upstream_calls_total"), 1.0);
    for name in
        ["pccc_gateway_breaker_state", "pccc_gateway_queue_depth", "pccc_gateway_upstream_latency_seconds_count"]
    {
        metric(&m, name);
    }
}

#[tokio::test]
async fn oversized_or_malformed_requests_get_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let fake = Fake::start("127.0.0.1:0", "{}");
    let gw = Gateway::start(&fake.url(), &dir.path().join("data"), &dir.path().join("log"), FAST);
    let post = |body: Vec<u8>, media: &'static str| {
        let url = gw.url("/verify");
        async move {
            let r = client().post(url).header("content-type", media).body(body).send().await.unwrap();
            let code = r.status().as_u16();
            (code, r.json::<Value>().await.expect("a JSON error"))
        }
    };
    let big = format!(r#"{{"name":"{}","pccc":"P123456789012","phone":"01012345678"}}"#, "가".repeat(20_000));
    let (code, body) = post(big.into_bytes(), "application/json").await;
    assert_eq!((code, body["error"]["code"].as_str()), (413, Some("body_too_large")));
    let (code, body) = post(b"{\"name\": \"P123456789012".to_vec(), "application/json").await;
    assert_eq!((code, body["error"]["code"].as_str()), (400, Some("malformed_json")));
    assert!(!body.to_string().contains("P123456789012"));
    let (code, body) = post(br#"{"name":"x","pccc":12345678901234}"#.to_vec(), "application/json").await;
    assert_eq!(code, 400);
    assert!(!body.to_string().contains("12345678901234"), "the value was echoed: {body}");
    let (code, body) = post(br#"{"name":"x","pccc":"P123456789012"}"#.to_vec(), "application/json").await;
    assert_eq!(code, 400);
    assert!(body["error"]["message"].as_str().unwrap().contains("phone"));
    let (code, body) = post(b"name=x".to_vec(), "application/x-www-form-urlencoded").await;
    assert_eq!((code, body["error"]["code"].as_str()), (415, Some("unsupported_media_type")));
    let r = client().get(gw.url("/verify/not-an-id")).send().await.unwrap();
    assert_eq!(r.status().as_u16(), 404);
    assert_eq!(fake.calls().await, 0);
}

#[tokio::test]
async fn an_outage_opens_the_breaker_answers_pending_and_resolves_on_recovery_with_a_webhook() {
    let dir = tempfile::tempdir().unwrap();
    let fake = Fake::start("127.0.0.1:0", r#"{"fail_502":true}"#);
    let receiver = common::Receiver::start(true).await;
    let mut args = FAST.to_vec();
    args.extend(["--webhook", &receiver.url]);
    let gw = Gateway::start(&fake.url(), &dir.path().join("data"), &dir.path().join("log"), &args);
    let mut ids = Vec::new();
    for n in 0..6 {
        let (code, body) = gw.verify(&recipient(100 + n)).await;
        assert_eq!((code, body["status"].as_str()), (202, Some("pending")), "{body}");
        ids.push(body["id"].as_str().unwrap().to_owned());
    }
    // The same check again while pending: the same id, no new entry.
    assert_eq!(gw.verify(&recipient(100)).await.1["id"], ids[0].as_str());
    let m = gw.metrics().await;
    assert!(metric(&m, "pccc_gateway_breaker_opened_total") >= 1.0);
    let calls_while_open = fake.calls().await;
    assert!(calls_while_open < 6 * 2, "every check went upstream: {calls_while_open}");
    fake.set_mode(json!({})).await;
    for id in &ids {
        let answer = gw.wait_resolved(id).await;
        assert_eq!((answer["status"].as_str(), answer["id"].as_str()), (Some("matched"), Some(id.as_str())));
    }
    common::eventually("every webhook", || async { receiver.received().len() >= ids.len() }).await;
    let seen = receiver.received();
    for id in &ids {
        assert!(
            seen.iter()
                .any(|(key, b)| key.as_deref() == Some(id) && b["id"] == id.as_str() && b["status"] == "matched"),
            "{seen:?}"
        );
    }
    assert_eq!(metric(&gw.metrics().await, "pccc_gateway_queue_depth"), 0.0);
}

#[tokio::test]
async fn pending_checks_survive_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let log = dir.path().join("log");
    let fake = Fake::start("127.0.0.1:0", r#"{"fail_502":true}"#);
    let mut gw = Gateway::start(&fake.url(), &data, &log, FAST);
    let mut ids = Vec::new();
    for n in 0..3 {
        let body = gw.verify(&recipient(200 + n)).await.1;
        assert_eq!(body["status"], "pending");
        ids.push(body["id"].as_str().unwrap().to_owned());
    }
    gw.kill();
    fake.set_mode(json!({})).await;
    let gw = Gateway::start(&fake.url(), &data, &log, FAST);
    for id in &ids {
        assert_eq!(gw.wait_resolved(id).await["status"], "matched");
    }
}

#[tokio::test]
async fn the_upstream_killed_mid_request_leaves_the_check_pending_until_it_is_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut fake = Fake::start("127.0.0.1:0", r#"{"hang":true}"#);
    let addr = fake.addr.to_string();
    let args = common::fast_with(&["--timeout-ms", "20000", "--max-wait-ms", "20000"]);
    let gw = Gateway::start(&fake.url(), &dir.path().join("data"), &dir.path().join("log"), &args);
    let check = recipient(300);
    let request = gw.verify(&check);
    let kill = async {
        let deadline = std::time::Instant::now() + common::PATIENCE;
        while fake.in_flight().await == 0 {
            assert!(std::time::Instant::now() < deadline, "the request never reached the fake");
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        fake.kill();
    };
    let ((code, body), ()) = tokio::join!(request, kill);
    assert_eq!((code, body["status"].as_str()), (202, Some("pending")), "{body}");
    let id = body["id"].as_str().unwrap().to_owned();
    let _fake = Fake::start(&addr, "{}");
    assert_eq!(gw.wait_resolved(&id).await["status"], "matched");
}

#[tokio::test]
async fn the_logs_hold_no_personal_value_and_no_key() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("log");
    let fake = Fake::start("127.0.0.1:0", "{}");
    let gw = Gateway::start(&fake.url(), &dir.path().join("data"), &log, FAST);
    let people = [
        json!({ "name": "홍길동", "pccc": "P555566667771", "phone": "010-9876-5432", "postcode": "04524" }),
        json!({ "name": "김영희", "pccc": "P555566667772", "phone": "010-9876-5439", "postcode": "04529" }),
        json!({ "name": "Jane Roe", "pccc": "P555566667770", "phone": "010-9876-5431" }),
        json!({ "name": "이순신", "pccc": "P55556666777", "phone": "010-9876-543", "postcode": "99999" }),
    ];
    for p in &people {
        gw.verify(p).await;
    }
    fake.set_mode(json!({ "fail_502": true })).await;
    for p in &people {
        gw.verify(p).await;
    }
    gw.verify(&json!({ "name": "박보검", "pccc": "P555566667773", "phone": "010-5555-4444" })).await;
    fake.set_mode(json!({ "body": "malformed" })).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    gw.verify(&json!({ "name": "최민식", "pccc": "P555566667774", "phone": "010-5555-3333" })).await;
    drop(gw);
    let text = std::fs::read_to_string(&log).unwrap();
    assert!(text.contains("request"), "nothing was logged: {text}");
    let values = [
        "홍길동",
        "김영희",
        "Jane Roe",
        "이순신",
        "박보검",
        "최민식",
        "555566667",
        "98765432",
        "9876-5432",
        "04524",
        "04529",
        "55554444",
        "5555-4444",
        KEY,
        "crkyCn",
        "persEcm",
    ];
    for value in values {
        assert!(!text.contains(value), "the log holds {value:?}:\n{text}");
    }
}

#[test]
fn help_documents_the_configuration_and_a_missing_key_is_one_line() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_pccc-guard-gateway")).arg("--help").output().unwrap();
    assert!(out.status.success());
    let help = String::from_utf8(out.stdout).unwrap();
    for word in
        ["--listen", "127.0.0.1:8787", "--data", "UNIPASS_BASE_URL", "UNIPASS_KEY", "UNIPASS_KEY_FILE", "OpenAPI"]
    {
        assert!(help.contains(word), "--help lacks {word}");
    }
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_pccc-guard-gateway"))
        .env_remove("UNIPASS_KEY")
        .env_remove("UNIPASS_KEY_FILE")
        .args(["--data", std::env::temp_dir().join("pccc-gw-nokey").to_str().unwrap(), "--listen", "127.0.0.1:0"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("UNIPASS_KEY"));
}

#[tokio::test]
async fn instances_sharing_a_postgres_queue_resolve_each_others_pending_checks() {
    let Some((options, admin)) = common::postgres_database().await else { return };
    let url = common::postgres_url(&options);
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("log");
    let fake = Fake::start("127.0.0.1:0", r#"{"fail_502":true}"#);
    let mut args = FAST.to_vec();
    args.extend(["--database-url", &url]);
    let mut one = Gateway::start(&fake.url(), &dir.path().join("one"), &log, &args);
    let body = one.verify(&recipient(400)).await.1;
    assert_eq!(body["status"], "pending", "{body}");
    let id = body["id"].as_str().unwrap().to_owned();
    one.kill();
    fake.set_mode(json!({})).await;
    // Another instance, with its own data directory and a copy of the queue's key, resolves it and answers for it.
    std::fs::create_dir(dir.path().join("two")).unwrap();
    std::fs::copy(dir.path().join("one/queue.key"), dir.path().join("two/queue.key")).unwrap();
    let two = Gateway::start(&fake.url(), &dir.path().join("two"), &log, &args);
    assert_eq!(two.wait_resolved(&id).await["status"], "matched");
    drop(two);
    assert!(!std::fs::read_to_string(&log).unwrap().contains("postgres://"), "the database URL was logged");
    common::drop_database(admin, &options).await;
}
