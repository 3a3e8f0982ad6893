//! Several instances and the upstream rate, against the gateway binary and the fake over 127.0.0.1: two instances
//! sharing a PostgreSQL queue with leases that lapse mid-call resolve each check once and deliver every webhook
//! through a receiver that is down for a while; and no one-second window ever sees more than `--rate` calls.

mod common;

use std::collections::HashMap;

use common::{metric, recipient, Fake, Gateway, Receiver};
use serde_json::json;

#[tokio::test]
async fn two_instances_with_lapsing_leases_resolve_each_check_once_and_deliver_every_webhook() {
    let Some((options, admin)) = common::postgres_database().await else { return };
    let url = common::postgres_url(&options);
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("log");
    let fake = Fake::start("127.0.0.1:0", r#"{"system_failure":true}"#);
    let receiver = Receiver::start(false).await;
    // A lease far shorter than a call: every claim lapses mid-call, and the other instance claims the check too.
    let args = common::fast_with(&[
        "--lease-ms",
        "250",
        "--timeout-ms",
        "3000",
        "--breaker-slow-ms",
        "5000",
        "--database-url",
        &url,
        "--webhook",
        &receiver.url,
    ]);
    let one = Gateway::start(&fake.url(), &dir.path().join("one"), &log, &args);
    // The instances share the queue's key, as the README says.
    std::fs::create_dir(dir.path().join("two")).unwrap();
    std::fs::copy(dir.path().join("one/queue.key"), dir.path().join("two/queue.key")).unwrap();
    let two = Gateway::start(&fake.url(), &dir.path().join("two"), &log, &args);
    let mut ids = Vec::new();
    for n in 0..8 {
        let gw = if n % 2 == 0 { &one } else { &two };
        let (code, body) = gw.verify(&recipient(2000 + n)).await;
        assert_eq!(code, 202, "{body}");
        ids.push(body["id"].as_str().unwrap().to_owned());
    }
    // UNI-PASS answers again, slowly: 700 ms a call, past every lease.
    fake.set_mode(json!({ "delay_ms": 700 })).await;
    for (i, id) in ids.iter().enumerate() {
        let gw = if i % 2 == 0 { &two } else { &one };
        assert_eq!(gw.wait_resolved(id).await["status"], "matched");
    }
    let (m1, m2) = (one.metrics().await, two.metrics().await);
    let both = |name: &str| metric(&m1, name) + metric(&m2, name);
    assert_eq!(both("pccc_gateway_queue_resolved_total"), ids.len() as f64, "a check was resolved twice");
    assert!(both("pccc_gateway_queue_stale_results_total") >= 1.0, "no lease lapsed mid-call");
    // The receiver was down: nothing delivered yet, every webhook waiting in the outbox.
    common::eventually("a refused delivery", || async {
        receiver.refused.load(std::sync::atomic::Ordering::SeqCst) > 0
    })
    .await;
    assert!(receiver.received().is_empty());
    assert!(metric(&one.metrics().await, "pccc_gateway_webhook_backlog") >= 1.0);
    receiver.set_up(true);
    common::eventually("every webhook delivered", || async {
        let got = receiver.received();
        ids.iter().all(|id| got.iter().any(|(key, _)| key.as_deref() == Some(id.as_str())))
    })
    .await;
    let mut per_check: HashMap<String, Vec<serde_json::Value>> = HashMap::new();
    for (key, body) in receiver.received() {
        let key = key.expect("an Idempotency-Key");
        assert_eq!(body["id"], key.as_str());
        per_check.entry(key).or_default().push(body);
    }
    assert_eq!(per_check.len(), ids.len());
    for bodies in per_check.values() {
        assert!(bodies.iter().all(|b| b["status"] == "matched"), "{bodies:?}");
    }
    common::eventually("the outbox empty", || async {
        metric(&one.metrics().await, "pccc_gateway_webhook_backlog") == 0.0
    })
    .await;
    drop((one, two));
    common::drop_database(admin, &options).await;
}

/// The most arrivals (microseconds) in any half-open window of `window` (the naive reference).
fn most_in_a_window(arrivals: &[u64], window: u64) -> usize {
    arrivals.iter().map(|&from| arrivals.iter().filter(|&&t| t >= from && t < from + window).count()).max().unwrap_or(0)
}

#[tokio::test]
async fn no_second_ever_sees_more_than_rate_calls_retries_included() {
    let dir = tempfile::tempdir().unwrap();
    // UNI-PASS fails at first (so checks are retried), then answers.
    let fake = Fake::start("127.0.0.1:0", r#"{"fail_status":503}"#);
    let args =
        common::fast_with(&["--rate", "5", "--attempts", "3", "--breaker-failures", "1000", "--max-wait-ms", "3000"]);
    let gw = Gateway::start(&fake.url(), &dir.path().join("data"), &dir.path().join("log"), &args);
    let bodies: Vec<_> = (0..24).map(|n| recipient(3000 + n)).collect();
    let first = futures_util::future::join_all(bodies[..12].iter().map(|b| gw.verify(b))).await;
    assert!(metric(&gw.metrics().await, "pccc_gateway_upstream_retries_total") >= 1.0, "nothing was retried");
    fake.set_mode(json!({})).await;
    let second = futures_util::future::join_all(bodies[12..].iter().map(|b| gw.verify(b))).await;
    for (code, body) in first.iter().chain(&second) {
        match body["id"].as_str() {
            Some(id) => assert_eq!(gw.wait_resolved(id).await["status"], "matched"),
            None => assert_eq!((*code, body["status"].as_str()), (200, Some("matched"))),
        }
    }
    let arrivals = fake.arrivals().await;
    assert!(arrivals.len() >= 24, "{} calls", arrivals.len());
    let most = most_in_a_window(&arrivals, 1_000_000);
    let ms: Vec<u64> = arrivals.iter().map(|a| a / 1000).collect();
    assert!(most <= 5, "{most} calls in one second (rate 5), arrivals in ms: {ms:?}");
    assert_eq!(most, 5, "the rate was never reached: the test did not load the limiter");
}
