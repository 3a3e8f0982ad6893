//! The surge benchmark (`make bench`): orders at a steady rate for `SURGE_SECONDS` (default 60) with the seed's
//! mix (about 30% format errors, 40% repeats of recent checks, 30% new), sent both to the gateway (the built binary,
//! over 127.0.0.1) and, as the yardstick, straight to UNI-PASS by a direct client (one call per order, 10 s timeout,
//! no retry: what the public wrappers do). Each side has its own fake UNI-PASS on the same schedule: healthy, then
//! degrading above a concurrency threshold (slow, extra requests hang), then down, then recovering. The surge runs
//! twice: once with UNI-PASS down as a proxy shows it (`502 Bad Gateway`), once as UNI-PASS itself says it (HTTP 200
//! with `tCnt` -1, a system failure).
//!
//! Writes bench/results/gateway-results.json, keeping the previous run's main figures beside the new ones
//! (bench/gateway-section.mjs renders it into BENCHMARKS.md). Nothing here is asserted: the figures are reported.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use pccc_guard_gateway::fake::{self, FakeState, Mode};
use pccc_guard_gateway::unipass::{ApiKey, Client, Fields};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde_json::{json, Value};

const KEY: &str = "bench-key";
const RATE: u64 = 50; // orders per second

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Invalid,
    Repeat,
    New,
}

#[derive(Clone)]
struct Order {
    body: Value,
    fields: Option<Fields>,
    kind: Kind,
}

fn order(rng: &mut StdRng, n: u32) -> (Value, Fields) {
    const NAMES: [&str; 8] = ["홍길동", "이영희", "박민준", "최서연", "정하준", "강지우", "조은우", "김도윤"];
    let name = NAMES[rng.random_range(0..NAMES.len())];
    // About 1 in 10 codes end in 0 (no such code at the fake); 1 in 8 names start with 김 (name mismatch).
    let pccc = format!("P{:011}{}", 10_000_000_000u64 + u64::from(n), rng.random_range(0..10));
    let phone = format!("010{:08}", rng.random_range(10_000_000..99_999_998u32) / 10 * 10 + 8);
    let postcode = format!("0{:04}", rng.random_range(1000..9999) / 10 * 10 + 4);
    let body = json!({ "name": name, "pccc": pccc, "phone": phone, "postcode": postcode });
    let fields = Fields { name: name.into(), pccc, phone, postcode: Some(postcode) };
    (body, fields)
}

fn invalid(rng: &mut StdRng) -> Value {
    match rng.random_range(0..4) {
        0 => json!({ "name": "홍길동", "pccc": "P12345678901", "phone": "010-1234-5678", "postcode": "03154" }),
        1 => json!({ "name": "홍길동", "pccc": "900101-1234567", "phone": "010-1234-5678" }),
        2 => json!({ "name": "홍길동", "pccc": "P123456789012", "phone": "0504-1234-5678", "postcode": "03154" }),
        _ => json!({ "name": "", "pccc": "ㅔ123456789012", "phone": "010-1234-567", "postcode": "123-456" }),
    }
}

fn orders(total: usize) -> Vec<Order> {
    let mut rng = StdRng::seed_from_u64(22);
    let mut recent: Vec<(Value, Fields)> = Vec::new();
    let mut out = Vec::with_capacity(total);
    let mut next = 0;
    for _ in 0..total {
        let roll = rng.random_range(0..100);
        let kind = if roll < 30 {
            Kind::Invalid
        } else if roll < 70 && !recent.is_empty() {
            Kind::Repeat
        } else {
            Kind::New
        };
        out.push(match kind {
            Kind::Invalid => Order { body: invalid(&mut rng), fields: None, kind },
            Kind::Repeat => {
                // A recent check again: the buyer pressing the button twice, a retrying shop, the next step of a form.
                let from = recent.len().saturating_sub(300);
                let (body, fields) = recent[rng.random_range(from..recent.len())].clone();
                Order { body, fields: Some(fields), kind }
            }
            Kind::New => {
                next += 1;
                let (body, fields) = order(&mut rng, next);
                recent.push((body.clone(), fields.clone()));
                Order { body, fields: Some(fields), kind }
            }
        });
    }
    out
}

/// What the fake answers for these fields (its documented rules), to check that no answer is wrong.
fn expected(fields: &Fields) -> &'static str {
    if fields.pccc.ends_with('0') || fields.name.starts_with('김') {
        "mismatched"
    } else {
        "matched"
    }
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

/// How UNI-PASS is down in the third quarter of a run.
#[derive(Clone, Copy)]
enum Down {
    /// `502 Bad Gateway` (an HTML page).
    BadGateway,
    /// HTTP 200 with `tCnt` -1 and a system-failure notice, at once.
    SystemFailure,
}

/// The degradation schedule, as fractions of the run.
fn schedule(seconds: u64, down: Down) -> Vec<(Duration, Mode, &'static str)> {
    let at = |f: f64| Duration::from_secs_f64(seconds as f64 * f);
    let down = match down {
        Down::BadGateway => (at(0.5), Mode { fail_502: true, ..Mode::default() }, "down: 502 Bad Gateway"),
        Down::SystemFailure => {
            (at(0.5), Mode { system_failure: true, ..Mode::default() }, "down: HTTP 200 with tCnt -1 (system failure)")
        }
    };
    vec![
        (at(0.0), Mode { delay_ms: 40, ..Mode::default() }, "healthy (40 ms)"),
        (
            at(0.25),
            Mode { delay_ms: 600, overload_threshold: Some(4), ..Mode::default() },
            "degraded: 600 ms, requests above 4 in flight hang",
        ),
        down,
        (at(0.75), Mode { delay_ms: 40, ..Mode::default() }, "recovered (40 ms)"),
    ]
}

struct Proc(std::process::Child);

impl Drop for Proc {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn memory_kib(pid: u32, field: &str) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with(field)).map(str::to_owned))
        .and_then(|l| l.split_whitespace().nth(1).and_then(|v| v.parse().ok()))
        .unwrap_or(0)
}

#[tokio::main]
async fn main() {
    pccc_guard_gateway::install_crypto_provider();
    let seconds: u64 = std::env::var("SURGE_SECONDS").ok().and_then(|s| s.parse().ok()).unwrap_or(60);
    let total = (seconds * RATE) as usize;
    let orders = orders(total);
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../bench/results/gateway-results.json");
    let previous =
        std::fs::read_to_string(&path).ok().and_then(|t| serde_json::from_str::<Value>(&t).ok()).map(|old| {
            // The previous file's 502 run (its only run before the tCnt -1 run was added).
            let run = old["runs"].as_array().and_then(|r| r.first()).cloned().unwrap_or_else(|| old.clone());
            let g = &run["gateway"];
            json!({
                "date": old["date"],
                "upstream_calls": g["upstream_calls"],
            "calls_per_order": g["calls_per_order"],
                "p50_ms": g["p50_ms"],
                "p99_ms": g["p99_ms"],
                "lost": g["lost"],
                "wrong_answers": g["wrong_answers"],
            })
        });
    let kinds = |k: Kind| orders.iter().filter(|o| o.kind == k).count();
    let mix = json!({ "invalid": kinds(Kind::Invalid), "repeat": kinds(Kind::Repeat), "new": kinds(Kind::New) });
    let mut runs = Vec::new();
    for (name, down) in [("502", Down::BadGateway), ("tcnt_minus_1", Down::SystemFailure)] {
        eprintln!("surge: the run where UNI-PASS is down with {name}");
        runs.push(surge(name, down, seconds, &orders).await);
    }
    let results = json!({
        "date": chrono_like_now(),
        "seconds": seconds,
        "rate_per_s": RATE,
        "orders": total,
        "mix": mix,
        "runs": runs,
        "previous": previous,
    });
    std::fs::write(&path, serde_json::to_string_pretty(&results).unwrap() + "\n").unwrap();
    println!("{}", serde_json::to_string_pretty(&results).unwrap());
    println!("wrote {}", path.display());
}

/// One surge against a gateway and a direct client, UNI-PASS down as `down` says in the third quarter.
async fn surge(name: &str, down: Down, seconds: u64, orders: &[Order]) -> Value {
    let total = orders.len();

    // Two fakes on one schedule: one behind the gateway, one for the direct client.
    let mut fakes = Vec::new();
    for _ in 0..2 {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let state = FakeState::new(KEY, schedule(seconds, down)[0].1.clone());
        fake::spawn(listener, state.clone());
        fakes.push((url, state));
    }

    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("gateway.log");
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_pccc-guard-gateway"))
        .args(["--listen", "127.0.0.1:0", "--data"])
        .arg(dir.path().join("data"))
        .args(["--timeout-ms", "2000", "--max-wait-ms", "1000", "--breaker-cooldown-ms", "2000"])
        .env("UNIPASS_BASE_URL", &fakes[0].0)
        .env("UNIPASS_KEY", KEY)
        .env_remove("UNIPASS_KEY_FILE")
        .stderr(std::fs::File::create(&log).unwrap())
        .spawn()
        .expect("start the gateway (cargo bench builds it)");
    let pid = child.id();
    let _gateway = Proc(child);
    let addr = loop {
        let text = std::fs::read_to_string(&log).unwrap_or_default();
        if let Some(a) = text.lines().find_map(|l| l.split("listening addr=").nth(1)) {
            break a.trim().to_owned();
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    let base = format!("http://{addr}");
    let http = reqwest::Client::builder().no_proxy().timeout(Duration::from_secs(60)).build().unwrap();
    let direct =
        Client::new(&fakes[1].0.parse().unwrap(), ApiKey::new(KEY).unwrap(), Duration::from_secs(10), 64 * 1024)
            .unwrap();

    // The schedule.
    let start = Instant::now();
    {
        let states: Vec<_> = fakes.iter().map(|(_, s)| s.clone()).collect();
        tokio::spawn(async move {
            for (at, mode, _) in schedule(seconds, down) {
                tokio::time::sleep_until(tokio::time::Instant::from_std(start + at)).await;
                for s in &states {
                    s.set_mode(mode.clone());
                }
            }
        });
    }

    #[derive(Default)]
    struct Record {
        sent_s: f64,
        gateway_ms: f64,
        gateway_first: String,
        gateway_final: String,
        resolved_after_s: Option<f64>,
        direct_ms: f64,
        direct: String,
        expected: &'static str,
    }
    let records: Arc<Mutex<Vec<Record>>> = Arc::new(Mutex::new(Vec::new()));
    let run_end = start + Duration::from_secs(seconds);
    let poll_deadline = run_end + Duration::from_secs(120);
    let mut tasks = tokio::task::JoinSet::new();
    for (i, order) in orders.iter().cloned().enumerate() {
        let at = start + Duration::from_micros(i as u64 * 1_000_000 / RATE);
        tokio::time::sleep_until(tokio::time::Instant::from_std(at)).await;
        let (http, base, direct, records) = (http.clone(), base.clone(), direct.clone(), records.clone());
        tasks.spawn(async move {
            let mut r = Record {
                sent_s: (Instant::now() - start).as_secs_f64(),
                expected: order.fields.as_ref().map_or("invalid", expected),
                ..Record::default()
            };
            let gateway = async {
                let t = Instant::now();
                let answer: Value = match http.post(format!("{base}/verify")).json(&order.body).send().await {
                    Ok(resp) => resp.json().await.unwrap_or(Value::Null),
                    Err(_) => Value::Null,
                };
                let ms = t.elapsed().as_secs_f64() * 1e3;
                let first = answer["status"].as_str().unwrap_or("no_answer").to_owned();
                let (mut last, mut resolved) = (first.clone(), None);
                if first == "pending" {
                    let id = answer["id"].as_str().unwrap_or_default().to_owned();
                    while Instant::now() < poll_deadline {
                        tokio::time::sleep(Duration::from_millis(500)).await;
                        let Ok(resp) = http.get(format!("{base}/verify/{id}")).send().await else { continue };
                        let v: Value = resp.json().await.unwrap_or(Value::Null);
                        if v["status"] != "pending" {
                            last = v["status"].as_str().unwrap_or("no_answer").to_owned();
                            resolved = Some(t.elapsed().as_secs_f64());
                            break;
                        }
                    }
                }
                (ms, first, last, resolved)
            };
            let yardstick = async {
                let t = Instant::now();
                // The direct client sends every order as it is (no format check, as the public wrappers do); one that
                // cannot be a code is answered by UNI-PASS as a mismatch.
                let fields = order.fields.clone().unwrap_or_else(|| Fields {
                    name: order.body["name"].as_str().unwrap_or("").into(),
                    pccc: order.body["pccc"].as_str().unwrap_or("").into(),
                    phone: order.body["phone"].as_str().unwrap_or("").into(),
                    postcode: order.body["postcode"].as_str().map(str::to_owned),
                });
                let outcome = match direct.verify(&fields).await {
                    Ok(a) => serde_json::to_value(&a).unwrap()["status"].as_str().unwrap().to_owned(),
                    Err(e) => e.code().to_owned(),
                };
                (t.elapsed().as_secs_f64() * 1e3, outcome)
            };
            let ((ms, first, last, resolved), (dms, d)) = tokio::join!(gateway, yardstick);
            r.gateway_ms = ms;
            r.gateway_first = first;
            r.gateway_final = last;
            r.resolved_after_s = resolved;
            r.direct_ms = dms;
            r.direct = d;
            records.lock().unwrap().push(r);
        });
    }
    while let Some(done) = tasks.join_next().await {
        done.unwrap();
    }
    let elapsed = start.elapsed().as_secs_f64();
    let metrics = http.get(format!("{base}/metrics")).send().await.unwrap().text().await.unwrap();
    let metric = |name: &str| -> f64 {
        metrics
            .lines()
            .find_map(|l| l.strip_prefix(name).and_then(|r| r.strip_prefix(' ')))
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or(0.0)
    };
    let hwm = memory_kib(pid, "VmHWM:");
    let rss = memory_kib(pid, "VmRSS:");

    // Correctness: every gateway answer is what the fake says for that order.
    let records = records.lock().unwrap();
    let mut gateway_ms: Vec<f64> = records.iter().map(|r| r.gateway_ms).collect();
    gateway_ms.sort_by(f64::total_cmp);
    let mut direct_ms: Vec<f64> = records.iter().map(|r| r.direct_ms).collect();
    direct_ms.sort_by(f64::total_cmp);
    let final_ok = |s: &str| matches!(s, "matched" | "mismatched" | "invalid");
    let lost = records.iter().filter(|r| !final_ok(&r.gateway_final)).count();
    let direct_lost = records.iter().filter(|r| !matches!(r.direct.as_str(), "matched" | "mismatched")).count();
    let count = |f: &dyn Fn(&Record) -> bool| records.iter().filter(|r| f(r)).count();
    let pending = count(&|r| r.gateway_first == "pending");
    let mut resolve_s: Vec<f64> = records.iter().filter_map(|r| r.resolved_after_s).collect();
    resolve_s.sort_by(f64::total_cmp);
    let wrong = count(&|r| final_ok(&r.gateway_final) && r.gateway_final != r.expected);
    // The answer times of the orders sent while UNI-PASS was down: how soon a caller has its `pending`.
    let (down_from, down_to) = (seconds as f64 * 0.5, seconds as f64 * 0.75);
    let mut down_ms: Vec<f64> =
        records.iter().filter(|r| r.sent_s >= down_from && r.sent_s < down_to).map(|r| r.gateway_ms).collect();
    down_ms.sort_by(f64::total_cmp);
    drop(records);
    let gateway_calls = fakes[0].1.calls();
    let direct_calls = fakes[1].1.calls();
    let well_formed = total - orders.iter().filter(|o| o.kind == Kind::Invalid).count();
    json!({
        "name": name,
        "elapsed_s": elapsed,
        "schedule": schedule(seconds, down).iter().map(|(at, _, label)| json!({ "at_s": at.as_secs_f64(), "mode": label })).collect::<Vec<_>>(),
        "gateway": {
            "upstream_calls": gateway_calls,
            "calls_per_order": gateway_calls as f64 / total as f64,
            "p50_ms": percentile(&gateway_ms, 0.5),
            "p99_ms": percentile(&gateway_ms, 0.99),
            "max_ms": gateway_ms.last().copied().unwrap_or(0.0),
            "down_p50_ms": percentile(&down_ms, 0.5),
            "down_p99_ms": percentile(&down_ms, 0.99),
            "answered_pending": pending,
            "pending_resolved_p50_s": percentile(&resolve_s, 0.5),
            "pending_resolved_max_s": resolve_s.last().copied().unwrap_or(0.0),
            "lost": lost,
            "wrong_answers": wrong,
            "cache_hits": metric("pccc_gateway_cache_hits_total"),
            "coalesced": metric("pccc_gateway_coalesced_total"),
            "retries": metric("pccc_gateway_upstream_retries_total"),
            "breaker_opened": metric("pccc_gateway_breaker_opened_total"),
            "too_many_attempts": metric("pccc_gateway_refusals_total{code=\"too_many_attempts\"}"),
            "memory_peak_kib": hwm,
            "memory_end_kib": rss,
        },
        "direct": {
            "upstream_calls": direct_calls,
            "calls_per_order": direct_calls as f64 / total as f64,
            "calls_per_order_with_format_check": well_formed as f64 / total as f64,
            "p50_ms": percentile(&direct_ms, 0.5),
            "p99_ms": percentile(&direct_ms, 0.99),
            "lost": direct_lost,
        },
    })
}

/// The current UTC time as `YYYY-MM-DDTHH:MM:SSZ`, without a date crate.
fn chrono_like_now() -> String {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() as i64;
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    // Civil from days (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z", rem / 3600, rem % 3600 / 60, rem % 60)
}
