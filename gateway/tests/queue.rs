//! The pending queue's interface, on SQLite and on PostgreSQL alike.
//!
//! PostgreSQL: `PCCC_GATEWAY_PG_URL` (a server where the user may create databases; each test makes its own).
//! `make test` starts a throwaway server and sets it, with `PCCC_GATEWAY_REQUIRE_PG=1` so that a missing URL fails
//! the run; a plain `cargo test` without it skips these tests with a note.

mod common;

use std::time::Duration;

use pccc_guard_gateway::store::{JobStatus, PendingStore, PostgresStore, SqliteStore};
use pccc_guard_gateway::unipass::Fields;

fn fields(n: u32) -> Fields {
    Fields {
        name: "홍길동".into(),
        pccc: format!("P1234{n:07}1"),
        phone: "01012345678".into(),
        postcode: (n % 2 == 0).then(|| "03154".into()),
    }
}

fn key(n: u32) -> [u8; 32] {
    let mut k = [0u8; 32];
    k[..4].copy_from_slice(&n.to_be_bytes());
    k
}

/// Everything the gateway relies on, against one store.
async fn exercise(store: &dyn PendingStore) {
    assert_eq!(store.depth().await.unwrap(), 0);
    let a = store.enqueue(&key(1), &fields(1)).await.unwrap();
    let b = store.enqueue(&key(2), &fields(2)).await.unwrap();
    assert_ne!(a, b);
    assert_eq!(a.len(), 32);
    // The same check queued again while open: the same id.
    assert_eq!(store.enqueue(&key(1), &fields(1)).await.unwrap(), a);
    assert_eq!(store.depth().await.unwrap(), 2);
    assert_eq!(store.status(&a).await.unwrap(), Some(JobStatus::Pending));
    assert_eq!(store.status("0123456789abcdef0123456789abcdef").await.unwrap(), None);

    let jobs = store.claim(10, Duration::from_secs(60)).await.unwrap();
    let mut jobs = jobs;
    jobs.sort_by_key(|j| j.id != a);
    assert_eq!(jobs.iter().map(|j| j.id.as_str()).collect::<Vec<_>>(), [a.as_str(), b.as_str()]);
    assert_eq!(jobs[0].fields, fields(1));
    assert_eq!(jobs[1].fields, fields(2));
    assert_eq!(jobs[0].key, key(1));
    assert_eq!(jobs[0].attempts, 1);
    // Leased: not claimed again.
    assert!(store.claim(10, Duration::from_secs(60)).await.unwrap().is_empty());

    store.retry_later(&b, Duration::ZERO).await.unwrap();
    let again = store.claim(10, Duration::from_secs(60)).await.unwrap();
    assert_eq!(again.len(), 1);
    assert_eq!((again[0].id.as_str(), again[0].attempts), (b.as_str(), 2));

    store.complete(&a, r#"{"status":"matched"}"#).await.unwrap();
    assert_eq!(store.status(&a).await.unwrap(), Some(JobStatus::Done(r#"{"status":"matched"}"#.into())));
    assert_eq!(store.depth().await.unwrap(), 1);
    // Resolved: the same recipient queued again is a new check.
    let c = store.enqueue(&key(1), &fields(1)).await.unwrap();
    assert_ne!(c, a);
    store.complete(&b, r#"{"status":"error"}"#).await.unwrap();
    store.complete(&c, r#"{"status":"matched"}"#).await.unwrap();
    assert_eq!(store.depth().await.unwrap(), 0);
    assert!(store.claim(10, Duration::ZERO).await.unwrap().is_empty());
}

/// Two stores (two instances) claiming at once never get the same check.
async fn no_double_claims(one: &dyn PendingStore, two: &dyn PendingStore) {
    for n in 0..40 {
        one.enqueue(&key(1000 + n), &fields(1000 + n)).await.unwrap();
    }
    let mut seen = std::collections::HashSet::new();
    for _ in 0..10 {
        let (x, y) = tokio::join!(one.claim(3, Duration::from_secs(60)), two.claim(3, Duration::from_secs(60)));
        for job in x.unwrap().into_iter().chain(y.unwrap()) {
            assert!(seen.insert(job.id), "a check was claimed twice");
        }
    }
    assert_eq!(seen.len(), 40);
}

#[tokio::test]
async fn sqlite_queue() {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(dir.path()).await.unwrap();
    exercise(&store).await;
}

#[tokio::test]
async fn sqlite_queue_survives_a_reopen_and_erases_resolved_values() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = {
        let store = SqliteStore::open(dir.path()).await.unwrap();
        let a = store.enqueue(&key(1), &fields(1)).await.unwrap();
        let b = store.enqueue(&key(2), &fields(2)).await.unwrap();
        store.complete(&b, r#"{"status":"matched"}"#).await.unwrap();
        (a, b)
    };
    let store = SqliteStore::open(dir.path()).await.unwrap();
    assert_eq!(store.status(&a).await.unwrap(), Some(JobStatus::Pending));
    assert!(matches!(store.status(&b).await.unwrap(), Some(JobStatus::Done(_))));
    let jobs = store.claim(10, Duration::from_secs(1)).await.unwrap();
    assert_eq!(jobs.len(), 1);
    assert_eq!(jobs[0].fields, fields(1));
    store.close().await;
    // The resolved check's values are gone from the file (WAL included).
    let mut bytes = Vec::new();
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        bytes.extend(std::fs::read(entry.unwrap().path()).unwrap());
    }
    let has = |needle: &str| bytes.windows(needle.len()).any(|w| w == needle.as_bytes());
    assert!(has(&fields(1).pccc), "the open check's values are stored");
    assert!(!has(&fields(2).pccc), "a resolved check's code is still stored");
}

#[tokio::test]
async fn sqlite_two_instances_never_claim_the_same_check() {
    let dir = tempfile::tempdir().unwrap();
    let one = SqliteStore::open(dir.path()).await.unwrap();
    let two = SqliteStore::open(dir.path()).await.unwrap();
    no_double_claims(&one, &two).await;
}

#[tokio::test]
async fn postgres_queue() {
    let Some((options, admin)) = common::postgres_database().await else { return };
    let store = PostgresStore::connect_with(options.clone()).await.unwrap();
    exercise(&store).await;
    store.close().await;
    common::drop_database(admin, &options).await;
}

#[tokio::test]
async fn postgres_two_instances_never_claim_the_same_check() {
    let Some((options, admin)) = common::postgres_database().await else { return };
    let one = PostgresStore::connect_with(options.clone()).await.unwrap();
    let two = PostgresStore::connect_with(options.clone()).await.unwrap();
    no_double_claims(&one, &two).await;
    one.close().await;
    two.close().await;
    common::drop_database(admin, &options).await;
}
