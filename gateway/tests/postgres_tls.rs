//! The PostgreSQL queue over TLS, against the throwaway server of `make test-gateway` (gateway/scripts/postgres.sh:
//! TLS on, a certificate for localhost and 127.0.0.1 from a self-signed authority, `PCCC_GATEWAY_PG_CA` its path).

mod common;

use common::{recipient, Fake, Gateway};
use pccc_guard_gateway::store::{postgres, Store};
use serde_json::json;
use sqlx::ConnectOptions;

/// The test database's URL with `host` and `query`.
fn url(options: &sqlx::postgres::PgConnectOptions, host: &str, query: &str) -> String {
    format!("postgres://postgres@{host}:{}/{}?{query}", options.get_port(), options.get_database().unwrap())
}

#[tokio::test]
async fn the_queue_connects_over_tls_and_verifies_the_server_when_asked() {
    let Some(ca) = common::postgres_ca() else { return };
    let Some((options, admin)) = common::postgres_database().await else { return };
    let ca = ca.to_str().unwrap();
    for (host, query) in [
        ("127.0.0.1", "sslmode=require".to_owned()),
        ("localhost", format!("sslmode=verify-full&sslrootcert={ca}")),
        ("127.0.0.1", format!("sslmode=verify-ca&sslrootcert={ca}")),
    ] {
        let opts = postgres::options(&url(&options, host, &query)).unwrap();
        let mut conn = opts.clone().connect().await.unwrap_or_else(|e| panic!("{host} {query}: {e}"));
        let (ssl,): (bool,) = sqlx::query_as("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
            .fetch_one(&mut conn)
            .await
            .unwrap();
        assert!(ssl, "{query}: not over TLS");
        let store = Store::connect_postgres(opts).await.unwrap();
        assert_eq!(store.depth().await.unwrap(), 0);
        store.close().await;
    }
    // Verifying against the platform's roots fails: the server's authority is the test's own.
    let untrusted = postgres::options(&url(&options, "localhost", "sslmode=verify-full")).unwrap();
    assert!(Store::connect_postgres(untrusted).await.is_err(), "an untrusted certificate was accepted");
    common::drop_database(admin, &options).await;
}

#[tokio::test]
async fn the_gateway_reads_its_database_url_from_a_file_and_keeps_its_queue_over_tls() {
    let Some(ca) = common::postgres_ca() else { return };
    let Some((options, admin)) = common::postgres_database().await else { return };
    let dir = tempfile::tempdir().unwrap();
    let url_file = dir.path().join("database-url");
    let database_url = url(&options, "localhost", &format!("sslmode=verify-full&sslrootcert={}", ca.display()));
    std::fs::write(&url_file, format!("{database_url}\n")).unwrap();
    let log = dir.path().join("log");
    let fake = Fake::start("127.0.0.1:0", r#"{"system_failure":true}"#);
    let args = common::fast_with(&["--database-url-file", url_file.to_str().unwrap()]);
    let gw = Gateway::start(&fake.url(), &dir.path().join("data"), &log, &args);
    let body = gw.verify(&recipient(4000)).await.1;
    assert_eq!(body["status"], "pending", "{body}");
    // Every connection of the gateway to its database is encrypted.
    let mut conn = admin.connect().await.unwrap();
    let (total, encrypted): (i64, i64) = sqlx::query_as(
        "SELECT COUNT(*), COUNT(*) FILTER (WHERE s.ssl) FROM pg_stat_activity a JOIN pg_stat_ssl s USING (pid)
         WHERE a.datname = $1 AND a.pid <> pg_backend_pid()",
    )
    .bind(options.get_database().unwrap())
    .fetch_one(&mut conn)
    .await
    .unwrap();
    assert!(total >= 1 && encrypted == total, "{encrypted} of {total} connections over TLS");
    fake.set_mode(json!({})).await;
    assert_eq!(gw.wait_resolved(body["id"].as_str().unwrap()).await["status"], "matched");
    drop(gw);
    assert!(!std::fs::read_to_string(&log).unwrap().contains("postgres://"), "the database URL was logged");
    drop(conn);
    common::drop_database(admin, &options).await;
}
