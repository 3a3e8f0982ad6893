//! Shared by the tests: the built binaries (the gateway and the fake UNI-PASS) run as child processes on
//! 127.0.0.1, each killed when its handle is dropped, and a small HTTP client.
#![allow(dead_code)] // each test file uses a part

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;
use sqlx::ConnectOptions;
use std::str::FromStr;

/// The key the fake accepts; distinctive, so that a grep of the logs finds any copy of it.
pub const KEY: &str = "KEY-s3cr3t-7f9a2c41";

/// Flags that make the gateway give up, retry and recover quickly, so the tests stay short.
pub const FAST: &[&str] = &[
    "--timeout-ms",
    "800",
    "--max-wait-ms",
    "500",
    "--attempts",
    "2",
    "--breaker-failures",
    "2",
    "--breaker-slow-ms",
    "700",
    "--breaker-cooldown-ms",
    "300",
    "--worker-interval-ms",
    "100",
];

/// [`FAST`] with the values of `overrides` (flag, value) in place of its own.
pub fn fast_with<'a>(overrides: &[&'a str]) -> Vec<&'a str> {
    let mut args: Vec<&str> = Vec::new();
    for pair in FAST.chunks(2) {
        if !overrides.chunks(2).any(|o| o[0] == pair[0]) {
            args.extend(pair);
        }
    }
    args.extend(overrides);
    args
}

/// How long a test waits for something to happen before it fails (never an assertion about speed: a bound so that a
/// broken build stops instead of hanging).
pub const PATIENCE: Duration = Duration::from_secs(30);

/// A fake UNI-PASS process.
pub struct Fake {
    child: Child,
    pub addr: SocketAddr,
}

impl Fake {
    /// Starts the fake on `addr` (port 0: any) in `mode` (the JSON of `POST /_fake/mode`).
    pub fn start(addr: &str, mode: &str) -> Fake {
        let mut child = Command::new(env!("CARGO_BIN_EXE_unipass-fake"))
            .args(["--listen", addr, "--key", KEY, "--mode", mode])
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start unipass-fake");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).expect("read the fake's address");
        let addr = line.trim().strip_prefix("listening on ").expect("the fake prints its address").parse().unwrap();
        Fake { child, addr }
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub async fn set_mode(&self, mode: Value) {
        let r = client().post(format!("{}/_fake/mode", self.url())).json(&mode).send().await.unwrap();
        assert!(r.status().is_success());
    }

    pub async fn calls(&self) -> u64 {
        let stats: Value =
            client().get(format!("{}/_fake/stats", self.url())).send().await.unwrap().json().await.unwrap();
        stats["calls"].as_u64().unwrap()
    }

    pub async fn in_flight(&self) -> u64 {
        let stats: Value =
            client().get(format!("{}/_fake/stats", self.url())).send().await.unwrap().json().await.unwrap();
        stats["in_flight"].as_u64().unwrap()
    }

    /// SIGKILL: connections drop mid-request.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Fake {
    fn drop(&mut self) {
        self.kill();
    }
}

/// A gateway process, its stderr kept in a file for the log tests.
pub struct Gateway {
    child: Child,
    pub addr: SocketAddr,
    pub log: PathBuf,
}

impl Gateway {
    /// Starts the gateway against `upstream` with its data in `data` and `args` added; the log goes to `log`.
    pub fn start(upstream: &str, data: &Path, log: &Path, args: &[&str]) -> Gateway {
        Gateway::start_with_env(upstream, data, log, args, &[("UNIPASS_KEY", KEY)])
    }

    pub fn start_with_env(upstream: &str, data: &Path, log: &Path, args: &[&str], env: &[(&str, &str)]) -> Gateway {
        let file = std::fs::OpenOptions::new().create(true).append(true).open(log).unwrap();
        let start = std::fs::metadata(log).unwrap().len() as usize;
        let mut command = Command::new(env!("CARGO_BIN_EXE_pccc-guard-gateway"));
        command
            .args(["--listen", "127.0.0.1:0", "--data"])
            .arg(data)
            .args(args)
            .env_remove("UNIPASS_KEY")
            .env_remove("UNIPASS_KEY_FILE")
            .env_remove("PCCC_GATEWAY_DATABASE_URL")
            .env("UNIPASS_BASE_URL", upstream)
            .stdout(Stdio::null())
            .stderr(file);
        for (k, v) in env {
            command.env(k, v);
        }
        let mut child = command.spawn().expect("start the gateway");
        let deadline = Instant::now() + PATIENCE;
        loop {
            let text = std::fs::read_to_string(log).unwrap_or_default();
            if let Some(addr) = text[start.min(text.len())..]
                .lines()
                .find_map(|l| l.split("listening addr=").nth(1))
                .and_then(|a| a.trim().parse().ok())
            {
                return Gateway { child, addr, log: log.to_owned() };
            }
            if let Ok(Some(status)) = child.try_wait() {
                panic!("the gateway exited ({status}): {text}");
            }
            assert!(Instant::now() < deadline, "the gateway did not start: {text}");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// `POST /verify` with a JSON body: the status code and the JSON answer.
    pub async fn verify(&self, body: &Value) -> (u16, Value) {
        let r = client().post(self.url("/verify")).json(body).send().await.expect("POST /verify");
        (r.status().as_u16(), r.json().await.expect("a JSON answer"))
    }

    /// `GET /verify/{id}` until the check is no longer pending (within [`PATIENCE`]).
    pub async fn wait_resolved(&self, id: &str) -> Value {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let r = client().get(self.url(&format!("/verify/{id}"))).send().await.expect("GET /verify/{id}");
            let json: Value = r.json().await.unwrap();
            if json["status"] != "pending" {
                return json;
            }
            assert!(Instant::now() < deadline, "check {id} still pending");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    pub async fn metrics(&self) -> String {
        client().get(self.url("/metrics")).send().await.unwrap().text().await.unwrap()
    }

    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Gateway {
    fn drop(&mut self) {
        self.kill();
    }
}

pub fn client() -> reqwest::Client {
    pccc_guard_gateway::install_crypto_provider();
    reqwest::Client::builder().no_proxy().timeout(PATIENCE).build().unwrap()
}

/// A metric's value from the Prometheus text.
pub fn metric(text: &str, name: &str) -> f64 {
    text.lines()
        .find_map(|l| l.strip_prefix(name).and_then(|rest| rest.strip_prefix(' ')))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or_else(|| panic!("no metric {name}"))
}

/// A synthetic recipient that the fake matches (`n` varies the code: never ending in 0).
pub fn recipient(n: u32) -> Value {
    serde_json::json!({
        "name": "홍길동",
        "pccc": format!("P1234{:07}1", n),
        "phone": "010-1234-5678",
        "postcode": "03154",
    })
}

/// A fresh database on the test server (its options, and the server's for dropping it), or `None` (after a note)
/// when no server is configured outside `make test`.
pub async fn postgres_database() -> Option<(sqlx::postgres::PgConnectOptions, sqlx::postgres::PgConnectOptions)> {
    let Ok(url) = std::env::var("PCCC_GATEWAY_PG_URL") else {
        assert!(
            std::env::var_os("PCCC_GATEWAY_REQUIRE_PG").is_none(),
            "PCCC_GATEWAY_PG_URL is not set: the PostgreSQL queue tests cannot run"
        );
        eprintln!(
            "note: PCCC_GATEWAY_PG_URL is not set; skipping the PostgreSQL queue test (make test-gateway runs it)"
        );
        return None;
    };
    let admin =
        sqlx::postgres::PgConnectOptions::from_str(&url).expect("PCCC_GATEWAY_PG_URL").disable_statement_logging();
    let name = format!("gw_test_{}", pccc_guard_gateway::store::new_id());
    let mut conn = admin.connect().await.expect("connect to PCCC_GATEWAY_PG_URL");
    sqlx::query(&format!("CREATE DATABASE {name}")).execute(&mut conn).await.unwrap();
    Some((admin.clone().database(&name), admin))
}

pub async fn drop_database(admin: sqlx::postgres::PgConnectOptions, options: &sqlx::postgres::PgConnectOptions) {
    let name = options.get_database().unwrap().to_owned();
    let mut conn = admin.connect().await.unwrap();
    sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).execute(&mut conn).await.unwrap();
}
