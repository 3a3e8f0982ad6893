//! Background checks (RFC 9218 `Priority: u=4` to `u=7`, as `pccc-guard verify` sends them) use only the upstream
//! capacity that checkouts leave: a checkout check arriving while a batch runs is served next, and `--background-rate`
//! caps the batch's share of `--rate`. Against the fake UNI-PASS binary, over 127.0.0.1; what is counted is the calls
//! the fake received, never a time.

mod common;

use std::time::Duration;

use common::{eventually, fast_with, metric, recipient, Fake, Gateway};
use futures_util::future::join_all;

const BACKGROUND: &[(&str, &str)] = &[("priority", "u=7")];

#[tokio::test]
async fn a_checkout_arriving_while_a_batch_runs_is_served_next_not_after_the_batch() {
    let dir = tempfile::tempdir().unwrap();
    let fake = Fake::start("127.0.0.1:0", "{}");
    // Two calls a second, and waits long enough that the whole batch is answered, not queued.
    let flags = fast_with(&["--rate", "2", "--max-wait-ms", "20000", "--concurrency", "8"]);
    let gw = Gateway::start(&fake.url(), &dir.path().join("data"), &dir.path().join("log"), &flags);

    let batch: Vec<_> = (0..12).map(|n| recipient(100 + n)).collect();
    let answers = tokio::spawn({
        let gw_url = gw.url("");
        async move {
            let client = common::client();
            let sends = batch.iter().map(|body| {
                let request = client.post(format!("{gw_url}/verify")).header("priority", "u=7").json(body);
                async move { request.send().await.unwrap().json::<serde_json::Value>().await.unwrap() }
            });
            join_all(sends).await
        }
    });
    // The batch is under way.
    eventually("the batch's first calls", || async { fake.calls().await >= 3 }).await;
    let before = fake.calls().await;
    let (code, body) = gw.verify(&recipient(1)).await;
    let after = fake.calls().await;
    assert_eq!((code, body["status"].as_str()), (200, Some("matched")), "{body}");
    // Its own call, and at most one background call that had its slot already: served next, while about nine
    // background checks still waited (in arrival order, it would have come after all of them).
    assert!(after - before <= 2, "{} calls went to UNI-PASS while the checkout waited", after - before);

    let answers = answers.await.unwrap();
    assert!(answers.iter().all(|a| a["status"] == "matched"), "{answers:?}");
    let m = gw.metrics().await;
    assert_eq!(metric(&m, "pccc_gateway_upstream_background_calls_total"), 12.0);
    assert_eq!(metric(&m, "pccc_gateway_upstream_calls_total"), 13.0);
}

#[tokio::test]
async fn background_rate_caps_the_batch_and_checkouts_still_get_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let fake = Fake::start("127.0.0.1:0", "{}");
    let flags = fast_with(&["--rate", "10", "--background-rate", "2", "--max-wait-ms", "20000"]);
    let gw = Gateway::start(&fake.url(), &dir.path().join("data"), &dir.path().join("log"), &flags);

    let sends = (0..8).map(|n| {
        let body = recipient(200 + n);
        let gw = &gw;
        async move { gw.verify_with(&body, BACKGROUND).await }
    });
    let answers = join_all(sends).await;
    assert!(answers.iter().all(|(code, a)| *code == 200 && a["status"] == "matched"), "{answers:?}");
    let arrivals = fake.arrivals().await;
    assert_eq!(arrivals.len(), 8);
    // No one-second window holds more than the background share of 2 calls.
    let most = arrivals.iter().map(|&from| arrivals.iter().filter(|&&t| t >= from && t < from + 1_000_000).count());
    assert_eq!(most.max(), Some(2), "{arrivals:?}");

    // Checkouts are not held to the background share.
    let bodies: Vec<_> = (0..5).map(|n| recipient(300 + n)).collect();
    let checkouts = join_all(bodies.iter().map(|body| gw.verify(body))).await;
    assert!(checkouts.iter().all(|(code, a)| *code == 200 && a["status"] == "matched"), "{checkouts:?}");
    assert_eq!(metric(&gw.metrics().await, "pccc_gateway_upstream_background_calls_total"), 8.0);
}

#[tokio::test]
async fn a_queued_background_check_is_resolved_as_background_work() {
    let dir = tempfile::tempdir().unwrap();
    let fake = Fake::start("127.0.0.1:0", r#"{"system_failure":true}"#);
    let gw = Gateway::start(&fake.url(), &dir.path().join("data"), &dir.path().join("log"), &fast_with(&[]));
    let (code, body) = gw.verify_with(&recipient(5), BACKGROUND).await;
    assert_eq!((code, body["status"].as_str()), (202, Some("pending")), "{body}");
    let id = body["id"].as_str().unwrap().to_owned();
    fake.set_mode(serde_json::json!({})).await;
    assert_eq!(gw.wait_resolved(&id).await["status"], "matched");
    let m = gw.metrics().await;
    // Every call for it, the failed ones and the one that resolved it, was background work.
    let (all, background) =
        (metric(&m, "pccc_gateway_upstream_calls_total"), metric(&m, "pccc_gateway_upstream_background_calls_total"));
    assert!(all >= 2.0 && background == all, "{all} calls, {background} background");

    // An interactive check identical to a queued background one makes it interactive: it is resolved as such.
    fake.set_mode(serde_json::json!({"system_failure": true})).await;
    tokio::time::sleep(Duration::from_millis(50)).await;
    let (_, first) = gw.verify_with(&recipient(6), BACKGROUND).await;
    let (_, second) = gw.verify(&recipient(6)).await;
    assert_eq!(first["status"], "pending");
    assert_eq!(second["id"], first["id"], "the same open check");
    // A try the worker began before the check was raised has ended by now.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let before = metric(&gw.metrics().await, "pccc_gateway_upstream_background_calls_total");
    fake.set_mode(serde_json::json!({})).await;
    assert_eq!(gw.wait_resolved(first["id"].as_str().unwrap()).await["status"], "matched");
    let after = metric(&gw.metrics().await, "pccc_gateway_upstream_background_calls_total");
    assert_eq!(after, before, "the raised check was resolved as background work");
}
