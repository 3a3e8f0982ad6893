//! `pccc-guard-gateway`: the UNI-PASS verification gateway as a server. See `--help`.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use clap::Parser;
use pccc_guard_gateway::auth::Tokens;
use pccc_guard_gateway::identity::AttemptLimits;
use pccc_guard_gateway::seal::KeyRing;
use pccc_guard_gateway::unipass::{ApiKey, DEFAULT_BASE_URL};
use pccc_guard_gateway::{router, Config, Gateway, Limits};

const AFTER_HELP: &str = "\
Environment:
  UNIPASS_KEY       The API028 key (UNI-PASS: My메뉴 → 서비스관리 → OpenAPI 사용관리).
  UNIPASS_KEY_FILE  A file holding the key (read once at start; takes precedence over UNIPASS_KEY).
                    The key is never logged and never part of an error.

API:
  POST /verify       {\"name\",\"pccc\",\"phone\",\"postcode\"?} → {\"status\": invalid|matched|mismatched|pending}
                     (Authorization: Bearer TOKEN with --tokens; Cache-Control: no-cache asks UNI-PASS afresh;
                     Priority: u=4 to u=7 marks background work, served with what checkouts leave)
  GET  /verify/{id}  a pending check's answer, once UNI-PASS has given it
  GET  /healthz      liveness, breaker state, UNI-PASS refusing the key or not, queue depth
  GET  /metrics      Prometheus text

Durations: 90 (seconds), 500ms, 30s, 15m, 72h.

Examples:
  UNIPASS_KEY_FILE=/run/secrets/unipass pccc-guard-gateway --data /var/lib/pccc-gateway
  pccc-guard-gateway --listen 0.0.0.0:8787 --tokens /etc/pccc-gateway/tokens --data /var/lib/pccc-gateway
  UNIPASS_BASE_URL=http://127.0.0.1:9000 UNIPASS_KEY=test-key pccc-guard-gateway --data /tmp/gw
  curl -s localhost:8787/verify -H 'content-type: application/json' \\
    -d '{\"name\":\"홍길동\",\"pccc\":\"P123456789012\",\"phone\":\"010-1234-5678\",\"postcode\":\"03154\"}'";

/// A UNI-PASS personal customs code verification gateway (API028) that coalesces, caches, rate-limits and queues
/// checks, so that a surge of orders never becomes a surge of calls to UNI-PASS.
#[derive(Parser)]
#[command(version, after_help = AFTER_HELP)]
struct Args {
    /// Address to listen on. Any address other than loopback needs --tokens (or --insecure-no-auth).
    #[arg(long, default_value = "127.0.0.1:8787")]
    listen: SocketAddr,
    /// Data directory (made private, mode 0700): the cache key's secret, the queue's key (queue.key) and the
    /// SQLite queue of pending checks.
    #[arg(long, default_value = "pccc-gateway-data")]
    data: PathBuf,
    /// UNI-PASS's base URL (tests point it at a fake).
    #[arg(long, env = "UNIPASS_BASE_URL", default_value = DEFAULT_BASE_URL)]
    unipass_base_url: url::Url,
    /// A file of `CLIENT TOKEN` lines: POST /verify and GET /verify/{id} then need `Authorization: Bearer TOKEN`.
    #[arg(long, env = "PCCC_GATEWAY_TOKENS")]
    tokens: Option<PathBuf>,
    /// Listen on a non-loopback address without --tokens (only behind an authenticating proxy of your own).
    #[arg(long)]
    insecure_no_auth: bool,
    /// POST /verify requests a second per client (its token's client id, or else its address); off unless set.
    #[arg(long)]
    client_rate: Option<u32>,
    /// Distinct name + phone pairs one code may be tried with within --attempt-window (0: no limit).
    #[arg(long, default_value_t = AttemptLimits::default().pairs_per_code)]
    max_pairs_per_code: u32,
    /// Distinct codes one name + phone pair may be tried with within --attempt-window (0: no limit).
    #[arg(long, default_value_t = AttemptLimits::default().codes_per_pair)]
    max_codes_per_pair: u32,
    /// The window of the two attempt limits.
    #[arg(long, default_value = "1h", value_parser = duration)]
    attempt_window: Duration,
    /// A PostgreSQL URL for a queue shared by several instances, instead of the SQLite file. TLS is required for a
    /// host other than this machine unless the URL's sslmode says otherwise.
    #[arg(long, env = "PCCC_GATEWAY_DATABASE_URL", hide_env_values = true, conflicts_with = "database_url_file")]
    database_url: Option<String>,
    /// A file holding the PostgreSQL URL (so that its password is not in the process list or the environment).
    #[arg(long, env = "PCCC_GATEWAY_DATABASE_URL_FILE")]
    database_url_file: Option<PathBuf>,
    /// Called with `POST {"id","status",…}` (header Idempotency-Key: the id) when a pending check is resolved,
    /// until it answers 2xx (for 24 hours at most).
    #[arg(long, env = "PCCC_GATEWAY_WEBHOOK")]
    webhook: Option<url::Url>,
    /// Pending checks at most; beyond, POST /verify answers 503 queue_full.
    #[arg(long, default_value_t = Limits::default().max_pending)]
    max_pending: u64,
    /// How long a check may stay pending; then it is answered `unresolved` (webhook too) and its fields erased.
    #[arg(long, default_value = "72h", value_parser = duration)]
    pending_ttl: Duration,
    /// Calls to UNI-PASS at once (per instance).
    #[arg(long, default_value_t = Limits::default().concurrency)]
    concurrency: usize,
    /// Calls to UNI-PASS in any one-second window, retries included (per instance; split the total between
    /// instances).
    #[arg(long, default_value_t = Limits::default().rate_per_second)]
    rate: u32,
    /// Of --rate, the most calls background checks (RFC 9218 `Priority: u=4` to `u=7`, as `pccc-guard verify`
    /// sends) may take in any one-second window [default: all that interactive checks leave]. Background checks
    /// only ever use what interactive ones leave.
    #[arg(long, value_name = "N")]
    background_rate: Option<u32>,
    /// Longest wait for a free call before a check is answered pending, in milliseconds.
    #[arg(long, default_value_t = Limits::default().max_wait.as_millis() as u64)]
    max_wait_ms: u64,
    /// Timeout of one call to UNI-PASS, in milliseconds.
    #[arg(long, default_value_t = Limits::default().timeout.as_millis() as u64)]
    timeout_ms: u64,
    /// Calls per check at most (the first one and its retries).
    #[arg(long, default_value_t = Limits::default().attempts)]
    attempts: u32,
    /// Seconds a match is served from the cache (a reissued or expired code is dead at UNI-PASS at once).
    #[arg(long, default_value_t = Limits::default().match_ttl.as_secs())]
    match_ttl: u64,
    /// Seconds a mismatch is served from the cache.
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
    /// How long a claimed check is hidden from other instances, in milliseconds (default: as long as one
    /// resolution can take, from the timeout, attempts and waits).
    #[arg(long)]
    lease_ms: Option<u64>,
    /// Put a new key first in --data's queue.key (the old ones still open what they sealed), print its id and
    /// exit. Delete an old key's line --pending-ttl after the rotation.
    #[arg(long)]
    rotate_key: bool,
}

/// A duration: a number of seconds, or a number with `ms`, `s`, `m`, `h` or `d`.
fn duration(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    let split = text.find(|c: char| !c.is_ascii_digit()).unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let n: u64 = number.parse().map_err(|_| format!("{text:?} is not a duration (90, 500ms, 30s, 15m, 72h)"))?;
    let unit_ms: u64 = match unit {
        "ms" => 1,
        "" | "s" => 1_000,
        "m" => 60_000,
        "h" => 3_600_000,
        "d" => 86_400_000,
        _ => return Err(format!("{text:?}: the unit is one of ms, s, m, h, d")),
    };
    n.checked_mul(unit_ms).map(Duration::from_millis).ok_or_else(|| format!("{text:?} is too long"))
}

fn database_url(args: &Args) -> Result<Option<String>, String> {
    if let Some(path) = &args.database_url_file {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read --database-url-file {}: {}", path.display(), e.kind()))?;
        let url = text.trim();
        if url.is_empty() {
            return Err(format!("--database-url-file {} is empty", path.display()));
        }
        return Ok(Some(url.to_owned()));
    }
    Ok(args.database_url.clone())
}

fn rotate(data: &Path) -> Result<(), String> {
    pccc_guard_gateway::datadir::prepare(data)
        .map_err(|e| format!("cannot use the data directory {}: {e}", data.display()))?;
    let id = KeyRing::rotate(data).map_err(|e| e.to_string())?;
    println!("{id:08x}");
    eprintln!(
        "queue.key: new sealing key {id:08x}. Restart the gateway (copy the file to every instance sharing the queue \
         first); delete the older lines after --pending-ttl."
    );
    Ok(())
}

async fn run(args: Args) -> Result<(), String> {
    if args.rotate_key {
        return rotate(&args.data);
    }
    let tokens = args.tokens.as_deref().map(Tokens::load).transpose()?;
    if !args.listen.ip().is_loopback() && tokens.is_none() && !args.insecure_no_auth {
        return Err(format!(
            "refusing to listen on {} without --tokens: anyone who reaches it could test leaked records against \
             UNI-PASS under your key (give --tokens FILE, or --insecure-no-auth behind authentication of your own)",
            args.listen
        ));
    }
    let ms = Duration::from_millis;
    let limits = Limits {
        concurrency: args.concurrency,
        rate_per_second: args.rate,
        background_rate: args.background_rate,
        max_wait: ms(args.max_wait_ms),
        timeout: ms(args.timeout_ms),
        attempts: args.attempts.max(1),
        match_ttl: Duration::from_secs(args.match_ttl),
        mismatch_ttl: Duration::from_secs(args.mismatch_ttl),
        breaker_failures: args.breaker_failures,
        breaker_slow: ms(args.breaker_slow_ms),
        breaker_cooldown: ms(args.breaker_cooldown_ms),
        worker_interval: ms(args.worker_interval_ms.max(10)),
        max_pending: args.max_pending,
        pending_ttl: args.pending_ttl,
        lease: args.lease_ms.map(ms),
        attempt_limits: AttemptLimits {
            pairs_per_code: args.max_pairs_per_code,
            codes_per_pair: args.max_codes_per_pair,
            window: args.attempt_window,
        },
        client_rate: args.client_rate,
        ..Limits::default()
    };
    let config = Config {
        database_url: database_url(&args)?,
        base_url: args.unipass_base_url,
        key: ApiKey::from_env()?,
        data_dir: args.data,
        webhook: args.webhook,
        tokens,
        limits,
    };
    let gateway = Arc::new(Gateway::new(config).await?);
    let worker = tokio::spawn(gateway.clone().run_worker());
    let listener = tokio::net::TcpListener::bind(args.listen)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", args.listen))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    if let Some(tokens) = gateway.tokens() {
        tracing::info!(clients = tokens.clients().count(), "bearer tokens required on /verify");
    }
    tracing::info!(%addr, "listening");
    axum::serve(listener, router(gateway).into_make_service_with_connect_info::<SocketAddr>())
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
