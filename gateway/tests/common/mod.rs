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

    /// `POST /_fake/reissue`: the code is dead from now on.
    pub async fn reissue(&self, pccc: &str) {
        let r = client().post(format!("{}/_fake/reissue", self.url())).json(&serde_json::json!({ "pccc": pccc }));
        assert!(r.send().await.unwrap().status().is_success());
    }

    /// When each API028 request arrived, in microseconds.
    pub async fn arrivals(&self) -> Vec<u64> {
        let calls: Value =
            client().get(format!("{}/_fake/calls", self.url())).send().await.unwrap().json().await.unwrap();
        calls["arrivals_us"].as_array().unwrap().iter().map(|v| v.as_u64().unwrap()).collect()
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
    /// The bearer token its requests carry, if any.
    pub token: Option<String>,
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
            .env_remove("PCCC_GATEWAY_DATABASE_URL_FILE")
            .env_remove("PCCC_GATEWAY_TOKENS")
            .env_remove("PCCC_GATEWAY_WEBHOOK")
            .env_remove("PGSSLMODE")
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
                return Gateway { child, addr, log: log.to_owned(), token: None };
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

    /// The same gateway, its requests carrying `token`.
    pub fn with_token(mut self, token: &str) -> Gateway {
        self.token = Some(token.to_owned());
        self
    }

    fn authorized(&self, request: reqwest::RequestBuilder) -> reqwest::RequestBuilder {
        match &self.token {
            Some(token) => request.bearer_auth(token),
            None => request,
        }
    }

    /// `POST /verify` with a JSON body: the status code and the JSON answer.
    pub async fn verify(&self, body: &Value) -> (u16, Value) {
        self.verify_with(body, &[]).await
    }

    /// `POST /verify` with a JSON body and more headers.
    pub async fn verify_with(&self, body: &Value, headers: &[(&str, &str)]) -> (u16, Value) {
        let mut request = self.authorized(client().post(self.url("/verify")).json(body));
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let r = request.send().await.expect("POST /verify");
        (r.status().as_u16(), r.json().await.expect("a JSON answer"))
    }

    /// `GET /verify/{id}`: the status code and the JSON answer.
    pub async fn poll(&self, id: &str) -> (u16, Value) {
        let r = self.authorized(client().get(self.url(&format!("/verify/{id}")))).send().await.expect("GET");
        (r.status().as_u16(), r.json().await.expect("a JSON answer"))
    }

    /// `GET /healthz`.
    pub async fn health(&self) -> Value {
        client().get(self.url("/healthz")).send().await.unwrap().json().await.unwrap()
    }

    /// `GET /verify/{id}` until the check is no longer pending (within [`PATIENCE`]).
    pub async fn wait_resolved(&self, id: &str) -> Value {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let r = self
                .authorized(client().get(self.url(&format!("/verify/{id}"))))
                .send()
                .await
                .expect("GET /verify/{id}");
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

/// Waits (within [`PATIENCE`]) until `condition` holds, checking every 50 ms.
pub async fn eventually<F, Fut>(what: &str, mut condition: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let deadline = Instant::now() + PATIENCE;
    while !condition().await {
        assert!(Instant::now() < deadline, "{what}: not within {PATIENCE:?}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// A webhook receiver on 127.0.0.1 that keeps what it receives (the body and its `Idempotency-Key`) while up, and
/// answers 503 while down.
/// What a receiver got: each delivery's `Idempotency-Key` and body.
pub type Deliveries = std::sync::Arc<std::sync::Mutex<Vec<(Option<String>, Value)>>>;

pub struct Receiver {
    pub url: String,
    pub seen: Deliveries,
    pub up: std::sync::Arc<std::sync::atomic::AtomicBool>,
    pub refused: std::sync::Arc<std::sync::atomic::AtomicU64>,
}

impl Receiver {
    pub async fn start(up: bool) -> Receiver {
        use std::sync::atomic::{AtomicBool, AtomicU64, Ordering::SeqCst};
        use std::sync::{Arc, Mutex};
        let seen = Arc::new(Mutex::new(Vec::new()));
        let is_up = Arc::new(AtomicBool::new(up));
        let refused = Arc::new(AtomicU64::new(0));
        let (kept, flag, count) = (seen.clone(), is_up.clone(), refused.clone());
        let app = axum::Router::new().route(
            "/hook",
            axum::routing::post(move |headers: axum::http::HeaderMap, axum::Json(body): axum::Json<Value>| {
                let (kept, flag, count) = (kept.clone(), flag.clone(), count.clone());
                async move {
                    if !flag.load(SeqCst) {
                        count.fetch_add(1, SeqCst);
                        return axum::http::StatusCode::SERVICE_UNAVAILABLE;
                    }
                    let key = headers.get("idempotency-key").and_then(|v| v.to_str().ok()).map(str::to_owned);
                    kept.lock().unwrap().push((key, body));
                    axum::http::StatusCode::NO_CONTENT
                }
            }),
        );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}/hook", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await });
        Receiver { url, seen, up: is_up, refused }
    }

    pub fn set_up(&self, up: bool) {
        self.up.store(up, std::sync::atomic::Ordering::SeqCst);
    }

    pub fn received(&self) -> Vec<(Option<String>, Value)> {
        self.seen.lock().unwrap().clone()
    }
}

/// Every file under `dir` (recursively), with its bytes.
pub fn files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(files(&path));
        } else {
            let bytes = std::fs::read(&path).unwrap();
            out.push((path, bytes));
        }
    }
    out
}

/// Whether `haystack` holds `needle` as bytes.
pub fn holds(haystack: &[u8], needle: &str) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle.as_bytes())
}

/// A metric's value from the Prometheus text.
pub fn metric(text: &str, name: &str) -> f64 {
    text.lines()
        .find_map(|l| l.strip_prefix(name).and_then(|rest| rest.strip_prefix(' ')))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or_else(|| panic!("no metric {name}"))
}

/// A synthetic recipient that the fake matches: `n` varies the code (never ending in 0) and the phone number (never
/// ending in 9), so that recipients are different people to the per-identity attempt limits.
pub fn recipient(n: u32) -> Value {
    serde_json::json!({
        "name": "홍길동",
        "pccc": format!("P1234{:07}1", n),
        "phone": phone(n),
        "postcode": "03154",
    })
}

/// The phone number of [`recipient`] `n`: `0101` + six digits of `n` + `8`.
pub fn phone(n: u32) -> String {
    format!("0101{:06}8", n % 1_000_000)
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

/// The URL of a test database, for the gateway's `--database-url`.
pub fn postgres_url(options: &sqlx::postgres::PgConnectOptions) -> String {
    format!("postgres://postgres@{}:{}/{}", options.get_host(), options.get_port(), options.get_database().unwrap())
}

pub async fn drop_database(admin: sqlx::postgres::PgConnectOptions, options: &sqlx::postgres::PgConnectOptions) {
    let name = options.get_database().unwrap().to_owned();
    let mut conn = admin.connect().await.unwrap();
    sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).execute(&mut conn).await.unwrap();
}

/// The root certificate of the test server's TLS (`postgres.sh ca`), or `None` (after a note) outside `make test`.
pub fn postgres_ca() -> Option<PathBuf> {
    match std::env::var_os("PCCC_GATEWAY_PG_CA") {
        Some(path) => Some(PathBuf::from(path)),
        None => {
            assert!(
                std::env::var_os("PCCC_GATEWAY_REQUIRE_PG").is_none(),
                "PCCC_GATEWAY_PG_CA is not set: the PostgreSQL TLS tests cannot run"
            );
            eprintln!(
                "note: PCCC_GATEWAY_PG_CA is not set; skipping the PostgreSQL TLS test (make test-gateway runs it)"
            );
            None
        }
    }
}
