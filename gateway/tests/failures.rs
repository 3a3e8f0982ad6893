//! UNI-PASS failing in each of its own ways, against the gateway binary over 127.0.0.1: every well-formed check
//! sent meanwhile is answered `pending` (never an error, never erased), survives a restart of the gateway, and ends
//! `matched` or `mismatched` once UNI-PASS answers again. Dead codes (expired, not in use, reissued while a check
//! was pending) end as mismatches that tell the person what to do.

mod common;

use common::{metric, recipient, Fake, Gateway, FAST, KEY};
use serde_json::{json, Value};

/// The checks each failure mode is tried with, and how each must end: a match, a name mismatch, an expired code
/// and a code no longer in use.
fn checks(n: u32) -> Vec<(Value, &'static str, Vec<&'static str>)> {
    let mut named = recipient(n + 1);
    named["name"] = json!("김철수");
    let mut expired = recipient(n + 2);
    expired["pccc"] = json!(format!("P99{:09}1", n + 2));
    let mut inactive = recipient(n + 3);
    inactive["pccc"] = json!(format!("P98{:09}1", n + 3));
    vec![
        (recipient(n), "matched", vec![]),
        (named, "mismatched", vec!["name_mismatch"]),
        (expired, "mismatched", vec!["pccc_expired"]),
        (inactive, "mismatched", vec!["pccc_inactive"]),
    ]
}

fn reasons(answer: &Value) -> Vec<&str> {
    answer["reasons"].as_array().map_or(vec![], |r| r.iter().map(|r| r["code"].as_str().unwrap()).collect())
}

/// One failure mode end to end, with a restart of the gateway while UNI-PASS is still failing.
async fn holds_through(mode: Value, n: u32) {
    let dir = tempfile::tempdir().unwrap();
    let (data, log) = (dir.path().join("data"), dir.path().join("log"));
    let fake = Fake::start("127.0.0.1:0", &mode.to_string());
    let mut gw = Gateway::start(&fake.url(), &data, &log, FAST);
    let mut ids = Vec::new();
    for (body, _, _) in checks(n) {
        let (code, answer) = gw.verify(&body).await;
        assert_eq!((code, answer["status"].as_str()), (202, Some("pending")), "{mode}: {answer}");
        ids.push(answer["id"].as_str().unwrap().to_owned());
    }
    let m = gw.metrics().await;
    assert!(metric(&m, "pccc_gateway_upstream_failures_total") >= 1.0, "{mode}: no failure was counted");
    assert_eq!(metric(&m, "pccc_gateway_queue_depth"), 4.0);
    // The worker keeps trying while UNI-PASS fails: nothing resolves, nothing is erased.
    tokio::time::sleep(std::time::Duration::from_millis(600)).await;
    for id in &ids {
        assert_eq!(gw.poll(id).await.0, 202, "{mode}: a check ended while UNI-PASS was failing");
    }
    gw.kill();
    let gw = Gateway::start(&fake.url(), &data, &log, FAST);
    for id in &ids {
        assert_eq!(gw.poll(id).await.0, 202, "{mode}: a check was lost in the restart");
    }
    fake.set_mode(json!({})).await;
    for ((_, status, expected), id) in checks(n).into_iter().zip(&ids) {
        let answer = gw.wait_resolved(id).await;
        assert_eq!((answer["status"].as_str(), reasons(&answer)), (Some(status), expected), "{mode}: {answer}");
    }
    assert_eq!(metric(&gw.metrics().await, "pccc_gateway_queue_depth"), 0.0);
}

#[tokio::test]
async fn tcnt_minus_one_system_failure_with_http_200() {
    holds_through(json!({ "system_failure": true }), 100).await;
}

#[tokio::test]
async fn a_maintenance_page_with_http_200() {
    holds_through(json!({ "maintenance": true }), 200).await;
}

#[tokio::test]
async fn bad_gateway_and_service_unavailable() {
    holds_through(json!({ "fail_502": true }), 300).await;
    holds_through(json!({ "fail_status": 503 }), 350).await;
}

#[tokio::test]
async fn too_many_requests() {
    holds_through(json!({ "fail_status": 429 }), 400).await;
}

#[tokio::test]
async fn timeouts() {
    holds_through(json!({ "hang": true }), 500).await;
}

#[tokio::test]
async fn answers_that_are_not_api028s_xml() {
    holds_through(json!({ "body": "malformed" }), 600).await;
    holds_through(json!({ "body": "oversized" }), 650).await;
}

#[tokio::test]
async fn a_refused_key_leaves_checks_pending_shows_in_health_and_metrics_and_is_logged_once_per_episode() {
    let dir = tempfile::tempdir().unwrap();
    let (data, log) = (dir.path().join("data"), dir.path().join("log"));
    let fake = Fake::start("127.0.0.1:0", r#"{"refuse_key":true}"#);
    let gw = Gateway::start(&fake.url(), &data, &log, FAST);
    let mut ids = Vec::new();
    for n in 0..3 {
        let (code, answer) = gw.verify(&recipient(700 + n)).await;
        assert_eq!((code, answer["status"].as_str()), (202, Some("pending")), "{answer}");
        ids.push(answer["id"].as_str().unwrap().to_owned());
    }
    let health = gw.health().await;
    assert_eq!((health["status"].as_str(), health["upstream"].as_str()), (Some("degraded"), Some("refused")));
    let m = gw.metrics().await;
    assert_eq!(metric(&m, "pccc_gateway_upstream_refused"), 1.0);
    assert_eq!(metric(&m, "pccc_gateway_upstream_refusal_episodes_total"), 1.0);
    // The worker keeps probing: still one episode, logged once.
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    fake.set_mode(json!({})).await;
    for id in &ids {
        assert_eq!(gw.wait_resolved(id).await["status"], "matched");
    }
    assert_eq!(gw.health().await["upstream"], "ok");
    assert_eq!(metric(&gw.metrics().await, "pccc_gateway_upstream_refused"), 0.0);
    // A second episode.
    fake.set_mode(json!({ "refuse_key": true })).await;
    assert_eq!(gw.verify(&recipient(710)).await.0, 202);
    assert_eq!(metric(&gw.metrics().await, "pccc_gateway_upstream_refusal_episodes_total"), 2.0);
    let text = std::fs::read_to_string(&log).unwrap();
    assert_eq!(text.matches("UNI-PASS refuses the gateway's requests").count(), 2, "{text}");
}

#[tokio::test]
async fn a_wrong_key_never_shows_and_checks_wait_for_the_right_one() {
    let dir = tempfile::tempdir().unwrap();
    let (data, log) = (dir.path().join("data"), dir.path().join("log"));
    let fake = Fake::start("127.0.0.1:0", "{}");
    let key_file = dir.path().join("key");
    std::fs::write(&key_file, "WRONG-k3y-0d7e1b\n").unwrap();
    let env = [("UNIPASS_KEY_FILE", key_file.to_str().unwrap())];
    let mut gw = Gateway::start_with_env(&fake.url(), &data, &log, FAST, &env);
    let (code, body) = gw.verify(&recipient(21)).await;
    assert_eq!((code, body["status"].as_str()), (202, Some("pending")), "{body}");
    assert!(!body.to_string().contains("WRONG-k3y"));
    let id = body["id"].as_str().unwrap().to_owned();
    gw.kill();
    // The operator fixes the key and restarts: the check is still there and resolves.
    std::fs::write(&key_file, format!("{KEY}\n")).unwrap();
    let gw = Gateway::start_with_env(&fake.url(), &data, &log, FAST, &env);
    assert_eq!(gw.wait_resolved(&id).await["status"], "matched");
    drop(gw);
    let text = std::fs::read_to_string(&log).unwrap();
    assert!(!text.contains("WRONG-k3y") && !text.contains(KEY), "{text}");
}

#[tokio::test]
async fn a_code_reissued_while_its_check_is_pending_is_never_answered_from_an_older_cached_match() {
    let dir = tempfile::tempdir().unwrap();
    let fake = Fake::start("127.0.0.1:0", "{}");
    let gw = Gateway::start(&fake.url(), &dir.path().join("data"), &dir.path().join("log"), FAST);
    let check = recipient(800);
    assert_eq!(gw.verify(&check).await.1["status"], "matched");
    // UNI-PASS fails, and meanwhile the buyer reissues the code: the old one is dead at once.
    fake.set_mode(json!({ "system_failure": true })).await;
    fake.reissue(check["pccc"].as_str().unwrap()).await;
    // The shop submits the order asking afresh: UNI-PASS cannot say, so it is pending (not the cached match).
    let (code, body) = gw.verify_with(&check, &[("cache-control", "no-cache")]).await;
    assert_eq!((code, body["status"].as_str()), (202, Some("pending")), "{body}");
    let id = body["id"].as_str().unwrap().to_owned();
    // A plain check is still served the cached match (at most --match-ttl old).
    assert_eq!(gw.verify(&check).await.1["status"], "matched");
    fake.set_mode(json!({})).await;
    let answer = gw.wait_resolved(&id).await;
    assert_eq!((answer["status"].as_str(), reasons(&answer)), (Some("mismatched"), vec!["pccc_inactive"]), "{answer}");
    assert!(answer["reasons"][0]["message"]["en"].as_str().unwrap().contains("look up your current code"));
    // The fresh answer replaced the cached match.
    assert_eq!(gw.verify(&check).await.1["status"], "mismatched");
}

#[tokio::test]
async fn no_cache_asks_afresh_coalesced_and_replaces_the_cached_answer() {
    let dir = tempfile::tempdir().unwrap();
    let fake = Fake::start("127.0.0.1:0", r#"{"delay_ms":600}"#);
    let gw = Gateway::start(&fake.url(), &dir.path().join("data"), &dir.path().join("log"), &[]);
    let check = recipient(900);
    assert_eq!(gw.verify(&check).await.1["status"], "matched");
    assert_eq!(gw.verify(&check).await.1["status"], "matched");
    assert_eq!(fake.calls().await, 1, "the repeat came from the cache");
    let fresh = [("cache-control", "no-cache")];
    let answers = futures_util::future::join_all((0..10).map(|_| gw.verify_with(&check, &fresh))).await;
    assert!(answers.iter().all(|(code, a)| *code == 200 && a["status"] == "matched"), "{answers:?}");
    assert_eq!(fake.calls().await, 2, "ten fresh checks at once share one call");
    fake.reissue(check["pccc"].as_str().unwrap()).await;
    let (_, answer) = gw.verify_with(&check, &[("cache-control", "max-age=0")]).await;
    assert_eq!(reasons(&answer), ["pccc_inactive"]);
    assert_eq!(gw.verify(&check).await.1["status"], "mismatched", "the cache holds the fresh answer");
    assert_eq!(fake.calls().await, 3);
}

#[tokio::test]
async fn a_check_pending_past_its_ttl_is_answered_unresolved_with_a_webhook_and_its_fields_erased() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let fake = Fake::start("127.0.0.1:0", r#"{"system_failure":true}"#);
    let receiver = common::Receiver::start(true).await;
    let mut args = FAST.to_vec();
    args.extend(["--pending-ttl", "1s", "--webhook", &receiver.url]);
    let mut gw = Gateway::start(&fake.url(), &data, &dir.path().join("log"), &args);
    let body = gw.verify(&recipient(950)).await.1;
    let id = body["id"].as_str().unwrap().to_owned();
    let answer = gw.wait_resolved(&id).await;
    assert_eq!((answer["status"].as_str(), answer["error"]["code"].as_str()), (Some("error"), Some("unresolved")));
    assert!(answer["error"]["message"]["en"].as_str().unwrap().contains("Send the check again"));
    common::eventually("the unresolved webhook", || async { !receiver.received().is_empty() }).await;
    let (key, hook) = receiver.received().remove(0);
    assert_eq!(
        (key.as_deref(), hook["id"].as_str(), hook["error"]["code"].as_str()),
        (Some(id.as_str()), Some(id.as_str()), Some("unresolved"))
    );
    assert_eq!(metric(&gw.metrics().await, "pccc_gateway_queue_expired_total"), 1.0);
    gw.kill();
    // Its sealed fields are gone from the row, not only unreadable.
    use sqlx::ConnectOptions;
    let mut conn =
        sqlx::sqlite::SqliteConnectOptions::new().filename(data.join("pending.sqlite3")).connect().await.unwrap();
    let row: (Option<Vec<u8>>, String) = sqlx::query_as("SELECT sealed, state FROM pccc_checks WHERE id = ?1")
        .bind(&id)
        .fetch_one(&mut conn)
        .await
        .unwrap();
    assert_eq!(row, (None, "done".to_owned()));
}
