//! `pccc-guard-gateway`: the UNI-PASS verification gateway as a server. See `--help`.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use clap::Parser;
use pccc_guard_gateway::unipass::{ApiKey, DEFAULT_BASE_URL};
use pccc_guard_gateway::{router, Config, Gateway, Limits};

const AFTER_HELP: &str = "\
Environment:
  UNIPASS_KEY       The API028 key (UNI-PASS: My메뉴 → 서비스관리 → OpenAPI 사용관리).
  UNIPASS_KEY_FILE  A file holding the key (read once at start; takes precedence over UNIPASS_KEY).
                    The key is never logged and never part of an error.

API:
  POST /verify       {\"name\",\"pccc\",\"phone\",\"postcode\"?} → {\"status\": invalid|matched|mismatched|pending|error}
  GET  /verify/{id}  a pending check's answer, once UNI-PASS has given it
  GET  /healthz      liveness, breaker state and queue depth
  GET  /metrics      Prometheus text

Examples:
  UNIPASS_KEY_FILE=/run/secrets/unipass pccc-guard-gateway --data /var/lib/pccc-gateway
  UNIPASS_BASE_URL=http://127.0.0.1:9000 UNIPASS_KEY=test-key pccc-guard-gateway --data /tmp/gw
  curl -s localhost:8787/verify -H 'content-type: application/json' \\
    -d '{\"name\":\"홍길동\",\"pccc\":\"P123456789012\",\"phone\":\"010-1234-5678\",\"postcode\":\"03154\"}'";

/// A UNI-PASS personal customs code verification gateway (API028) that coalesces, caches, rate-limits and queues
/// checks, so that a surge of orders never becomes a surge of calls to UNI-PASS.
#[derive(Parser)]
#[command(version, after_help = AFTER_HELP)]
struct Args {
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8787")]
    listen: SocketAddr,
    /// Data directory: the cache key's secret and the SQLite queue of pending checks.
    #[arg(long, default_value = "pccc-gateway-data")]
    data: PathBuf,
    /// UNI-PASS's base URL (tests point it at a fake).
    #[arg(long, env = "UNIPASS_BASE_URL", default_value = DEFAULT_BASE_URL)]
    unipass_base_url: url::Url,
    /// A PostgreSQL URL for a queue shared by several instances, instead of the SQLite file.
    #[arg(long, env = "PCCC_GATEWAY_DATABASE_URL", hide_env_values = true)]
    database_url: Option<String>,
    /// Called with `POST {"id","status",…}` when a pending check is resolved.
    #[arg(long, env = "PCCC_GATEWAY_WEBHOOK")]
    webhook: Option<url::Url>,
    /// Calls to UNI-PASS at once (per instance).
    #[arg(long, default_value_t = Limits::default().concurrency)]
    concurrency: usize,
    /// Calls to UNI-PASS per second (per instance; split the total between instances).
    #[arg(long, default_value_t = Limits::default().rate_per_second)]
    rate: u32,
    /// Longest wait for a free call before a check is answered pending, in milliseconds.
    #[arg(long, default_value_t = Limits::default().max_wait.as_millis() as u64)]
    max_wait_ms: u64,
    /// Timeout of one call to UNI-PASS, in milliseconds.
    #[arg(long, default_value_t = Limits::default().timeout.as_millis() as u64)]
    timeout_ms: u64,
    /// Calls per check at most (the first one and its retries).
    #[arg(long, default_value_t = Limits::default().attempts)]
    attempts: u32,
    /// Seconds a match stays cached.
    #[arg(long, default_value_t = Limits::default().match_ttl.as_secs())]
    match_ttl: u64,
    /// Seconds a mismatch stays cached.
    #[arg(long, default_value_t = Limits::default().mismatch_ttl.as_secs())]
    mismatch_ttl: u64,
    /// Failures in a row that open the circuit breaker.
    #[arg(long, default_value_t = Limits::default().breaker_failures)]
    breaker_failures: u32,
    /// A call slower than this (milliseconds) counts as a failure for the breaker.
    #[arg(long, default_value_t = Limits::default().breaker_slow.as_millis() as u64)]
    breaker_slow_ms: u64,
    /// How long the breaker stays open before a probe, in milliseconds.
    #[arg(long, default_value_t = Limits::default().breaker_cooldown.as_millis() as u64)]
    breaker_cooldown_ms: u64,
    /// How often the pending queue is looked at, in milliseconds.
    #[arg(long, default_value_t = Limits::default().worker_interval.as_millis() as u64)]
    worker_interval_ms: u64,
}

fn key_from_env() -> Result<ApiKey, String> {
    if let Some(path) = std::env::var_os("UNIPASS_KEY_FILE") {
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("cannot read UNIPASS_KEY_FILE {}: {}", PathBuf::from(&path).display(), e.kind()))?;
        return ApiKey::new(&text).ok_or_else(|| "UNIPASS_KEY_FILE is empty".to_owned());
    }
    match std::env::var("UNIPASS_KEY") {
        Ok(key) => ApiKey::new(&key).ok_or_else(|| "UNIPASS_KEY is empty".to_owned()),
        Err(_) => Err("set UNIPASS_KEY or UNIPASS_KEY_FILE to the API028 key (see --help)".to_owned()),
    }
}

async fn run(args: Args) -> Result<(), String> {
    let ms = Duration::from_millis;
    let limits = Limits {
        concurrency: args.concurrency,
        rate_per_second: args.rate,
        max_wait: ms(args.max_wait_ms),
        timeout: ms(args.timeout_ms),
        attempts: args.attempts.max(1),
        match_ttl: Duration::from_secs(args.match_ttl),
        mismatch_ttl: Duration::from_secs(args.mismatch_ttl),
        breaker_failures: args.breaker_failures,
        breaker_slow: ms(args.breaker_slow_ms),
        breaker_cooldown: ms(args.breaker_cooldown_ms),
        worker_interval: ms(args.worker_interval_ms.max(10)),
        ..Limits::default()
    };
    let config = Config {
        base_url: args.unipass_base_url,
        key: key_from_env()?,
        data_dir: args.data,
        database_url: args.database_url,
        webhook: args.webhook,
        limits,
    };
    let gateway = Arc::new(Gateway::new(config).await?);
    let worker = tokio::spawn(gateway.clone().run_worker());
    let listener = tokio::net::TcpListener::bind(args.listen)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", args.listen))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    tracing::info!(%addr, "listening");
    axum::serve(listener, router(gateway))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
        .map_err(|e| e.to_string())?;
    worker.abort();
    Ok(())
}

#[tokio::main]
async fn main() -> ExitCode {
    use std::io::IsTerminal;
    let args = Args::parse();
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .with_target(false)
        .with_max_level(tracing::Level::INFO)
        .init();
    match run(args).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("pccc-guard-gateway: {e}");
            ExitCode::from(2)
        }
    }
}
