//! The pending queue, on SQLite and on PostgreSQL alike (one implementation over both).
//!
//! PostgreSQL: `PCCC_GATEWAY_PG_URL` (a server where the user may create databases; each test makes its own).
//! `make test` starts a throwaway server and sets it, with `PCCC_GATEWAY_REQUIRE_PG=1` so that a missing URL fails
//! the run; a plain `cargo test` without it skips these tests with a note.

mod common;

use std::time::Duration;

use pccc_guard_gateway::identity::{Attempt, Scope};
use pccc_guard_gateway::seal::KeyRing;
use pccc_guard_gateway::store::{Enqueued, JobStatus, Store};
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

fn keys() -> KeyRing {
    let dir = tempfile::tempdir().unwrap();
    KeyRing::load_or_create(dir.path()).unwrap()
}

async fn enqueue(store: &Store, ring: &KeyRing, n: u32) -> Enqueued {
    let id = pccc_guard_gateway::store::new_id();
    store.enqueue(&key(n), &id, &ring.seal(&id, &fields(n)).unwrap(), 1000).await.unwrap()
}

const LONG: Duration = Duration::from_secs(60);

/// Everything the gateway relies on, against one store.
async fn exercise(store: &Store) {
    let ring = keys();
    assert_eq!(store.depth().await.unwrap(), 0);
    let Enqueued::New(a) = enqueue(store, &ring, 1).await else { panic!("a new check") };
    let Enqueued::New(b) = enqueue(store, &ring, 2).await else { panic!("a new check") };
    assert_ne!(a, b);
    assert_eq!(a.len(), 32);
    // The same check queued again while open: the same id.
    assert_eq!(enqueue(store, &ring, 1).await, Enqueued::Existing(a.clone()));
    assert_eq!(store.depth().await.unwrap(), 2);
    assert_eq!(store.status(&a).await.unwrap(), Some(JobStatus::Pending));
    assert_eq!(store.status("0123456789abcdef0123456789abcdef").await.unwrap(), None);

    let mut jobs = store.claim(10, LONG).await.unwrap();
    jobs.sort_by_key(|j| j.id != a);
    assert_eq!(jobs.iter().map(|j| j.id.as_str()).collect::<Vec<_>>(), [a.as_str(), b.as_str()]);
    assert_eq!(ring.open(&jobs[0].id, &jobs[0].sealed).unwrap(), fields(1));
    assert_eq!(ring.open(&jobs[1].id, &jobs[1].sealed).unwrap(), fields(2));
    assert_eq!(jobs[0].key, key(1));
    assert_eq!(jobs[0].attempts, 1);
    assert!(jobs[0].created_ms > 0 && jobs[0].created_ms <= pccc_guard_gateway::store::now_ms());
    // Leased: not claimed again.
    assert!(store.claim(10, LONG).await.unwrap().is_empty());

    assert!(store.retry_later(&jobs[1], Duration::ZERO).await.unwrap());
    // The claim is spent: its holder can neither retry nor complete the check again.
    assert!(!store.retry_later(&jobs[1], Duration::ZERO).await.unwrap());
    assert!(!store.complete(&jobs[1], r#"{"status":"matched"}"#, None).await.unwrap());
    let again = store.claim(10, LONG).await.unwrap();
    assert_eq!(again.len(), 1);
    assert_eq!((again[0].id.as_str(), again[0].attempts), (b.as_str(), 2));

    assert!(store
        .complete(&jobs[0], r#"{"status":"matched"}"#, Some(r#"{"status":"matched","id":"a"}"#))
        .await
        .unwrap());
    assert_eq!(store.status(&a).await.unwrap(), Some(JobStatus::Done(r#"{"status":"matched"}"#.into())));
    assert_eq!(store.depth().await.unwrap(), 1);
    // Resolved once: a second completion by the same holder changes nothing.
    assert!(!store.complete(&jobs[0], r#"{"status":"mismatched"}"#, None).await.unwrap());
    // Resolved: the same recipient queued again is a new check.
    let Enqueued::New(c) = enqueue(store, &ring, 1).await else { panic!("a new check") };
    assert_ne!(c, a);
    assert!(store.complete(&again[0], r#"{"status":"matched"}"#, None).await.unwrap());

    // The webhook queued with the answer, delivered from the outbox.
    assert_eq!(store.webhook_backlog().await.unwrap(), 1);
    let deliveries = store.claim_deliveries(10, LONG).await.unwrap();
    assert_eq!(deliveries.len(), 1);
    assert_eq!(
        (deliveries[0].check_id.as_str(), deliveries[0].body.as_str()),
        (a.as_str(), r#"{"status":"matched","id":"a"}"#)
    );
    assert!(store.claim_deliveries(10, LONG).await.unwrap().is_empty(), "leased");
    assert!(store.deliver_later(&deliveries[0], Duration::ZERO).await.unwrap());
    let retried = store.claim_deliveries(10, LONG).await.unwrap();
    assert_eq!(retried[0].attempts, 2);
    assert!(!store.delivered(&deliveries[0]).await.unwrap(), "an old claim cannot remove it");
    assert!(store.delivered(&retried[0]).await.unwrap());
    assert_eq!(store.webhook_backlog().await.unwrap(), 0);

    // Expiry: what was queued before the cut-off is answered, its fields erased, its webhook queued.
    let expired = store
        .expire(
            pccc_guard_gateway::store::now_ms() + 1,
            r#"{"status":"error"}"#,
            Some(&|id: &str| format!("{{\"id\":\"{id}\"}}")),
        )
        .await
        .unwrap();
    assert_eq!(expired, std::slice::from_ref(&c));
    assert_eq!(store.status(&c).await.unwrap(), Some(JobStatus::Done(r#"{"status":"error"}"#.into())));
    assert_eq!(store.webhook_backlog().await.unwrap(), 1);
    assert_eq!(store.depth().await.unwrap(), 0);
    assert!(store.claim(10, Duration::ZERO).await.unwrap().is_empty());
}

/// The queue's cap: beyond it nothing is queued, but an open check is still found.
async fn cap(store: &Store) {
    let ring = keys();
    for n in 0..3 {
        let id = pccc_guard_gateway::store::new_id();
        let e = store.enqueue(&key(n), &id, &ring.seal(&id, &fields(n)).unwrap(), 3).await.unwrap();
        assert_eq!(e, Enqueued::New(id));
    }
    let id = pccc_guard_gateway::store::new_id();
    assert_eq!(store.enqueue(&key(9), &id, &ring.seal(&id, &fields(9)).unwrap(), 3).await.unwrap(), Enqueued::Full);
    assert!(matches!(store.enqueue(&key(1), &id, b"x", 3).await.unwrap(), Enqueued::Existing(_)));
    assert_eq!(store.depth().await.unwrap(), 3);
}

/// The per-identity counts: distinct items up to the limit, a known item always, and the window forgets.
async fn attempts(store: &Store) {
    let attempt =
        |subject: u8, item: u8| Attempt { scope: Scope::PairsPerCode, subject: [subject; 32], item: [item; 32] };
    let note =
        |a: Attempt, window: Duration| async move { store.note_attempts(&[(a, 3)], window).await.unwrap().is_none() };
    for item in 1..=3 {
        assert!(note(attempt(1, item), LONG).await, "{item}");
    }
    assert!(!note(attempt(1, 4), LONG).await, "a fourth distinct item");
    assert!(note(attempt(1, 2), LONG).await, "a known item");
    assert!(note(attempt(2, 4), LONG).await, "another subject");
    let other_scope = Attempt { scope: Scope::CodesPerPair, ..attempt(1, 4) };
    assert!(note(other_scope, LONG).await, "another scope");
    // Two at once: the refused one is named, and the allowed one is noted all the same.
    let both = [(attempt(3, 1), 3), (attempt(1, 5), 3)];
    assert_eq!(store.note_attempts(&both, LONG).await.unwrap(), Some(1));
    assert_eq!(store.note_attempts(&[(attempt(3, 2), 1)], LONG).await.unwrap(), Some(0), "3/1 was noted");
    tokio::time::sleep(Duration::from_millis(20)).await;
    assert!(note(attempt(1, 4), Duration::from_millis(10)).await, "the window forgot");
    // Forgotten items no longer count: a second new item fits as well.
    assert!(note(attempt(1, 6), Duration::from_millis(10)).await);
}

/// A claim takes exactly the number asked for, and two instances claiming at once never get the same check.
async fn no_double_claims(one: &Store, two: &Store) {
    let ring = keys();
    for n in 0..40 {
        enqueue(one, &ring, 1000 + n).await;
    }
    let mut seen = std::collections::HashSet::new();
    for _ in 0..6 {
        let (x, y) = tokio::join!(one.claim(3, LONG), two.claim(3, LONG));
        let (x, y) = (x.unwrap(), y.unwrap());
        assert_eq!((x.len(), y.len()), (3, 3), "a claim takes exactly what it asks for");
        for job in x.into_iter().chain(y) {
            assert!(seen.insert(job.id), "a check was claimed twice");
        }
    }
    let rest = one.claim(100, LONG).await.unwrap();
    assert_eq!(rest.len(), 4);
    assert_eq!(seen.len() + rest.len(), 40);
}

/// A lease that lapses mid-call: the check goes to another claim, and only the newest claim can resolve it.
async fn lapsed_lease(one: &Store, two: &Store) {
    let ring = keys();
    enqueue(one, &ring, 7).await;
    let first = one.claim(1, Duration::from_millis(50)).await.unwrap().remove(0);
    tokio::time::sleep(Duration::from_millis(80)).await;
    let second = two.claim(1, LONG).await.unwrap().remove(0);
    assert_eq!(first.id, second.id);
    assert_ne!(first.lease, second.lease);
    // The lapsed holder's call answers first: its result is dropped, and it cannot put the check back either.
    assert!(!store_complete(one, &first).await, "the lapsed holder resolved a check another instance holds");
    assert!(!one.retry_later(&first, Duration::ZERO).await.unwrap());
    assert!(store_complete(two, &second).await);
    assert!(!store_complete(one, &first).await);
    assert_eq!(one.webhook_backlog().await.unwrap(), 1, "one webhook for one resolution");
}

async fn store_complete(store: &Store, job: &pccc_guard_gateway::store::Job) -> bool {
    store.complete(job, r#"{"status":"matched"}"#, Some("{}")).await.unwrap()
}

#[tokio::test]
async fn sqlite_queue() {
    let dir = tempfile::tempdir().unwrap();
    exercise(&Store::open_sqlite(dir.path()).await.unwrap()).await;
    let dir = tempfile::tempdir().unwrap();
    cap(&Store::open_sqlite(dir.path()).await.unwrap()).await;
    let dir = tempfile::tempdir().unwrap();
    attempts(&Store::open_sqlite(dir.path()).await.unwrap()).await;
}

#[tokio::test]
async fn sqlite_queue_survives_a_reopen_and_holds_no_value_in_the_clear() {
    let dir = tempfile::tempdir().unwrap();
    let ring = KeyRing::load_or_create(dir.path()).unwrap();
    let (a, b) = {
        let store = Store::open_sqlite(dir.path()).await.unwrap();
        let a = enqueue(&store, &ring, 1).await.id().unwrap().to_owned();
        let b = enqueue(&store, &ring, 2).await.id().unwrap().to_owned();
        let jobs = store.claim(10, LONG).await.unwrap();
        let job_b = jobs.iter().find(|j| j.id == b).unwrap();
        assert!(store.complete(job_b, r#"{"status":"matched"}"#, None).await.unwrap());
        // Left claimed, as by an instance that stopped mid-check.
        (a, b)
    };
    let store = Store::open_sqlite(dir.path()).await.unwrap();
    assert_eq!(store.status(&a).await.unwrap(), Some(JobStatus::Pending));
    assert!(matches!(store.status(&b).await.unwrap(), Some(JobStatus::Done(_))));
    let jobs = store.claim(10, Duration::from_secs(1)).await.unwrap();
    assert_eq!(jobs.len(), 1, "the previous run's claim is void");
    assert_eq!(ring.open(&jobs[0].id, &jobs[0].sealed).unwrap(), fields(1));
    store.close().await;
    // No value of the open check nor of the resolved one is in the files (WAL included).
    let all: Vec<u8> = common::files(dir.path()).into_iter().flat_map(|(_, bytes)| bytes).collect();
    for value in [&fields(1).pccc[1..], &fields(2).pccc[1..], "01012345678", "홍길동", "03154"] {
        assert!(!common::holds(&all, value), "{value:?} is in the data directory");
    }
}

#[tokio::test]
async fn sqlite_two_instances_never_claim_the_same_check_and_a_lapsed_lease_resolves_once() {
    let dir = tempfile::tempdir().unwrap();
    let one = Store::open_sqlite(dir.path()).await.unwrap();
    let two = Store::open_sqlite(dir.path()).await.unwrap();
    no_double_claims(&one, &two).await;
    lapsed_lease(&one, &two).await;
}

#[tokio::test]
async fn a_first_version_queue_is_moved_sealed_and_its_plain_values_are_gone() {
    let dir = tempfile::tempdir().unwrap();
    // The first version's table and rows, as 0.1.0 wrote them.
    {
        use sqlx::ConnectOptions;
        let options = sqlx::sqlite::SqliteConnectOptions::new()
            .filename(dir.path().join(Store::SQLITE_FILE))
            .create_if_missing(true)
            .journal_mode(sqlx::sqlite::SqliteJournalMode::Wal);
        let mut conn = options.connect().await.unwrap();
        for statement in [
            "CREATE TABLE pending_checks (id TEXT PRIMARY KEY, key_hash BLOB NOT NULL, name TEXT, pccc TEXT, phone TEXT,
             postcode TEXT, state TEXT NOT NULL DEFAULT 'pending', answer TEXT, attempts INTEGER NOT NULL DEFAULT 0,
             created_ms INTEGER NOT NULL, due_ms INTEGER NOT NULL, updated_ms INTEGER NOT NULL)",
            "INSERT INTO pending_checks VALUES ('00000000000000000000000000000001', x'0101010101010101010101010101010101010101010101010101010101010101',
             '김철수', 'P777788889991', '01077778888', '04524', 'pending', NULL, 3, 1000, 1000, 1000)",
            "INSERT INTO pending_checks VALUES ('00000000000000000000000000000002', x'0202020202020202020202020202020202020202020202020202020202020202',
             NULL, NULL, NULL, NULL, 'done', '{\"status\":\"matched\"}', 1, 1000, 1000, 9999999999999)",
        ] {
            sqlx::query(statement).execute(&mut conn).await.unwrap();
        }
    }
    let ring = KeyRing::load_or_create(dir.path()).unwrap();
    let store = Store::open_sqlite(dir.path()).await.unwrap();
    let moved = store.migrate_v1(|id, f| ring.seal(id, f).map_err(|e| e.to_string())).await.unwrap();
    assert_eq!(moved, 2);
    assert_eq!(store.migrate_v1(|_, _| Err("again".into())).await.unwrap(), 0, "the old table is gone");
    let id = "00000000000000000000000000000001";
    assert_eq!(store.status(id).await.unwrap(), Some(JobStatus::Pending));
    assert!(matches!(store.status("00000000000000000000000000000002").await.unwrap(), Some(JobStatus::Done(_))));
    let job = store.claim(10, LONG).await.unwrap().remove(0);
    let fields = ring.open(id, &job.sealed).unwrap();
    assert_eq!(
        (fields.name.as_str(), fields.pccc.as_str(), fields.postcode.as_deref()),
        ("김철수", "P777788889991", Some("04524"))
    );
    assert_eq!(job.attempts, 4);
    store.close().await;
    let all: Vec<u8> = common::files(dir.path()).into_iter().flat_map(|(_, bytes)| bytes).collect();
    for value in ["777788889991", "01077778888", "김철수"] {
        assert!(!common::holds(&all, value), "{value:?} is still in the data directory");
    }
}

#[tokio::test]
async fn postgres_queue() {
    let Some((options, admin)) = common::postgres_database().await else { return };
    exercise(&Store::connect_postgres(options.clone()).await.unwrap()).await;
    common::drop_database(admin.clone(), &options).await;
    let Some((options, admin)) = common::postgres_database().await else { return };
    let store = Store::connect_postgres(options.clone()).await.unwrap();
    cap(&store).await;
    attempts(&store).await;
    store.close().await;
    common::drop_database(admin, &options).await;
}

#[tokio::test]
async fn postgres_two_instances_never_claim_the_same_check_and_a_lapsed_lease_resolves_once() {
    let Some((options, admin)) = common::postgres_database().await else { return };
    let one = Store::connect_postgres(options.clone()).await.unwrap();
    let two = Store::connect_postgres(options.clone()).await.unwrap();
    no_double_claims(&one, &two).await;
    lapsed_lease(&one, &two).await;
    one.close().await;
    two.close().await;
    common::drop_database(admin, &options).await;
}
