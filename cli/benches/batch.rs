//! The batch benchmark (`make bench-verify`, part of `make bench`): does re-verifying an order export slow the
//! checkouts that share the gateway? A gateway (`--rate 10`, default limits otherwise) in front of the fake UNI-PASS
//! (which answers after 100 ms, as a busy UNI-PASS does), both in this process on 127.0.0.1; single checkout checks
//! arrive every second, each a recipient not seen before (so each is a call). Four phases:
//!
//! 1. checkouts alone, the yardstick;
//! 2. the same while `pccc-guard verify` (the built binary) verifies a 300-row export through the gateway as
//!    background work (`Priority: u=7`, 4 in flight), twice;
//! 3. the same with `--background-rate 8` on the gateway (a cap on the batch's share of the rate);
//! 4. the same rows sent by a plain client as interactive checks (no `Priority` header, 4 in flight): what a batch
//!    does to checkouts without priorities.
//!
//! Writes bench/results/verify-results.json (bench/verify-section.mjs renders it into BENCHMARKS.md): the checkout
//! checks' answer times (p50, p99) per phase, and the batch's rows per second. Nothing is asserted.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use pccc_guard_gateway::fake::{self, FakeState, Mode};
use pccc_guard_gateway::unipass::ApiKey;
use pccc_guard_gateway::{Config, Gateway, Limits};
use serde_json::{json, Value};

const KEY: &str = "bench-key";
const RATE: u32 = 10;
const ROWS: u32 = 300;
const UNIPASS_MS: u64 = 100;
const BASELINE_CHECKOUTS: u32 = 60;

/// A gateway and its fake, with their own runtime.
struct Servers {
    runtime: tokio::runtime::Runtime,
    fake: Arc<FakeState>,
    url: String,
}

fn start(dir: &Path, background_rate: Option<u32>) -> Servers {
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    let fake = FakeState::new(KEY, Mode { delay_ms: UNIPASS_MS, ..Mode::default() });
    let url = runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let fake_url = format!("http://{}", listener.local_addr().unwrap());
        fake::spawn(listener, fake.clone());
        let config = Config {
            base_url: fake_url.parse().unwrap(),
            key: ApiKey::new(KEY).unwrap(),
            data_dir: dir.to_owned(),
            database_url: None,
            webhook: None,
            tokens: None,
            limits: Limits { rate_per_second: RATE, background_rate, ..Limits::default() },
        };
        let gateway = Arc::new(Gateway::new(config).await.unwrap());
        tokio::spawn(gateway.clone().run_worker());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let app = pccc_guard_gateway::router(gateway);
        tokio::spawn(async move { axum::serve(listener, app).await });
        url
    });
    Servers { runtime, fake, url }
}

/// A recipient the fake matches, numbered apart from every other of the run.
fn recipient(n: u32) -> Value {
    json!({
        "name": "홍길동",
        "pccc": format!("P1{n:010}1"),
        "phone": format!("010{:08}", 10_000_000 + n * 10 + 8),
        "postcode": "03154",
    })
}

/// Checkout checks, one a second from now until `stop` says so (or `count` of them): each one's answer time.
async fn checkouts(url: String, first: u32, count: Option<u32>, stop: Arc<Mutex<bool>>) -> Vec<Duration> {
    let http = reqwest::Client::new();
    let times = Arc::new(Mutex::new(Vec::new()));
    let mut tasks = Vec::new();
    let start = tokio::time::Instant::now();
    for i in 0.. {
        if count.is_some_and(|c| i >= c) || (count.is_none() && *stop.lock().unwrap()) {
            break;
        }
        tokio::time::sleep_until(start + Duration::from_secs(u64::from(i))).await;
        let (http, url, times) = (http.clone(), url.clone(), times.clone());
        tasks.push(tokio::spawn(async move {
            let sent = Instant::now();
            let answer = http.post(format!("{url}/verify")).json(&recipient(first + i)).send().await;
            let ok = answer.map(|r| r.status().is_success()).unwrap_or(false);
            if ok {
                times.lock().unwrap().push(sent.elapsed());
            }
        }));
    }
    for task in tasks {
        let _ = task.await;
    }
    let times = times.lock().unwrap().clone();
    times
}

fn percentile(times: &[Duration], p: f64) -> f64 {
    let mut ms: Vec<f64> = times.iter().map(|d| d.as_secs_f64() * 1000.0).collect();
    ms.sort_by(f64::total_cmp);
    if ms.is_empty() {
        return f64::NAN;
    }
    let rank = ((p / 100.0) * ms.len() as f64).ceil() as usize;
    ms[rank.clamp(1, ms.len()) - 1]
}

fn summary(times: &[Duration]) -> Value {
    json!({ "checkouts": times.len(), "p50_ms": percentile(times, 50.0), "p99_ms": percentile(times, 99.0),
            "max_ms": percentile(times, 100.0) })
}

/// An export of `ROWS` orders from `first` on, as a SmartStore CSV.
fn export(dir: &Path, first: u32) -> PathBuf {
    let mut text = String::from("상품주문번호,수취인명,수취인연락처1,우편번호,개인통관고유부호\n");
    for n in first..first + ROWS {
        let r = recipient(n);
        text.push_str(&format!("{n},{},{},{},{}\n", r["name"], r["phone"], r["postcode"], r["pccc"]).replace('"', ""));
    }
    let path = dir.join(format!("orders-{first}.csv"));
    std::fs::write(&path, text).unwrap();
    path
}

/// Runs `pccc-guard verify` on an export through the gateway while checkouts arrive: their times, and the batch's.
fn batch_with_checkouts(servers: &Servers, dir: &Path, first: u32, checkout_first: u32) -> (Vec<Duration>, f64) {
    let input = export(dir, first);
    let output = dir.join(format!("checked-{first}.csv"));
    let stop = Arc::new(Mutex::new(false));
    let clock = servers.runtime.spawn(checkouts(servers.url.clone(), checkout_first, None, stop.clone()));
    let started = Instant::now();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_pccc-guard"))
        .args(["verify", input.to_str().unwrap(), "--output", output.to_str().unwrap(), "--quiet"])
        .args(["--gateway", &servers.url, "--in-flight", "4", "--wait", "600"])
        .output()
        .unwrap();
    let seconds = started.elapsed().as_secs_f64();
    *stop.lock().unwrap() = true;
    assert!(out.status.code() == Some(0), "verify: {}", String::from_utf8_lossy(&out.stderr));
    (servers.runtime.block_on(clock).unwrap(), seconds)
}

/// Sends the rows as interactive checks (no Priority header), 4 at a time, while checkouts arrive.
fn interactive_batch_with_checkouts(servers: &Servers, first: u32, checkout_first: u32) -> (Vec<Duration>, f64) {
    let stop = Arc::new(Mutex::new(false));
    let clock = servers.runtime.spawn(checkouts(servers.url.clone(), checkout_first, None, stop.clone()));
    let started = Instant::now();
    servers.runtime.block_on(async {
        let http = reqwest::Client::new();
        let slots = Arc::new(tokio::sync::Semaphore::new(4));
        let mut tasks = Vec::new();
        for n in first..first + ROWS {
            let permit = slots.clone().acquire_owned().await.unwrap();
            let (http, url) = (http.clone(), servers.url.clone());
            tasks.push(tokio::spawn(async move {
                let _permit = permit;
                let _ = http.post(format!("{url}/verify")).json(&recipient(n)).send().await;
            }));
        }
        for task in tasks {
            let _ = task.await;
        }
    });
    let seconds = started.elapsed().as_secs_f64();
    *stop.lock().unwrap() = true;
    (servers.runtime.block_on(clock).unwrap(), seconds)
}

fn main() {
    // `cargo bench` passes --bench; nothing else is taken.
    let dir = std::env::temp_dir().join(format!("pccc-verify-bench-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();

    let servers = start(&dir.join("gateway"), None);
    eprintln!("batch bench: {BASELINE_CHECKOUTS} checkouts alone, one a second");
    let stop = Arc::new(Mutex::new(false));
    let baseline = servers.runtime.block_on(checkouts(servers.url.clone(), 1_000_000, Some(BASELINE_CHECKOUTS), stop));

    let mut with_batch = Vec::new();
    let mut batches = Vec::new();
    for (i, first) in [10_000u32, 20_000].into_iter().enumerate() {
        eprintln!("batch bench: a {ROWS}-row export through the gateway (run {}), checkouts arriving", i + 1);
        let calls = servers.fake.calls();
        let (times, seconds) = batch_with_checkouts(&servers, &dir, first, 2_000_000 + 1000 * i as u32);
        let calls = servers.fake.calls() - calls;
        batches.push(json!({ "rows": ROWS, "seconds": seconds, "rows_per_s": f64::from(ROWS) / seconds,
                             "calls": calls, "checkouts": times.len() }));
        with_batch.extend(times);
    }

    let capped_servers = start(&dir.join("gateway-capped"), Some(RATE - 2));
    eprintln!("batch bench: the same with --background-rate {}", RATE - 2);
    let (capped, capped_seconds) = batch_with_checkouts(&capped_servers, &dir, 30_000, 3_000_000);
    drop(capped_servers);

    eprintln!("batch bench: the rows sent as interactive checks, checkouts arriving");
    let (naive, naive_seconds) = interactive_batch_with_checkouts(&servers, 40_000, 4_000_000);

    let baseline_summary = summary(&baseline);
    let with_summary = summary(&with_batch);
    let ratio = with_summary["p99_ms"].as_f64().unwrap() / baseline_summary["p99_ms"].as_f64().unwrap();
    let results = json!({
        "date": date(),
        "rate_per_s": RATE,
        "rows": ROWS,
        "unipass_ms": UNIPASS_MS,
        "in_flight": 4,
        "baseline": baseline_summary,
        "background": { "checkouts": with_summary, "batches": batches, "p99_ratio": ratio },
        "capped": { "background_rate": RATE - 2, "checkouts": summary(&capped), "seconds": capped_seconds,
                    "rows_per_s": f64::from(ROWS) / capped_seconds },
        "interactive": { "checkouts": summary(&naive), "seconds": naive_seconds,
                         "rows_per_s": f64::from(ROWS) / naive_seconds },
        "target_p99_ratio": 1.2,
    });
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../bench/results/verify-results.json");
    std::fs::write(&path, serde_json::to_string_pretty(&results).unwrap() + "\n").unwrap();
    eprintln!("{}", serde_json::to_string_pretty(&results).unwrap());
    eprintln!("batch bench: wrote {}", path.display());
    let _ = std::fs::remove_dir_all(&dir);
}

/// Now (UTC), as `date -u` prints it: YYYY-MM-DDTHH:MM:SSZ.
fn date() -> String {
    let out = std::process::Command::new("date").args(["-u", "+%Y-%m-%dT%H:%M:%SZ"]).output();
    out.ok().map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned()).unwrap_or_default()
}
