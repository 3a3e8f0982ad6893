//! UNI-PASS behind every protection the gateway promises, usable without the HTTP server: the API028 client, a cap
//! on calls at once, the rate ([`crate::ratelimit`]), timeouts, retries with backoff and jitter within a retry
//! budget, the circuit breaker, and the watch on a refused key.
//!
//! ```no_run
//! use std::time::Duration;
//! use pccc_guard_gateway::upstream::{CallError, Upstream};
//! use pccc_guard_gateway::unipass::{ApiKey, Fields};
//! use pccc_guard_gateway::Limits;
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let key = ApiKey::new(&std::env::var("UNIPASS_KEY")?).ok_or("empty key")?;
//! let upstream = Upstream::new(&"https://unipass.customs.go.kr:38010".parse()?, key, &Limits::default())?;
//! let fields = Fields { name: "홍길동".into(), pccc: "P123456789012".into(), phone: "01012345678".into(), postcode: None };
//! match upstream.call(&fields, Duration::from_secs(2)).await {
//!     Ok(answer) => println!("{answer:?}"),
//!     Err(CallError::Upstream(e)) if !e.is_transient() => eprintln!("refused: {e}"),
//!     Err(e) => eprintln!("no answer now, try later: {e:?}"),
//! }
//! # Ok(()) }
//! ```

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering::Relaxed};
use std::time::{Duration, Instant};

use rand::Rng;
use tokio::sync::Semaphore;
use tower::retry::budget::{Budget, TpsBudget};
use url::Url;

use crate::breaker::{Breaker, State};
use crate::metrics::Histogram;
use crate::ratelimit::RateLimit;
use crate::unipass::{Answer, ApiKey, Client, Fields, UpstreamError};
use crate::Limits;

/// Why a call gave no answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CallError {
    /// The circuit breaker is open: no call was made.
    BreakerOpen,
    /// No free call (the concurrency or the rate) within the wait allowed: no call was made.
    Busy,
    /// The last call made failed.
    Upstream(UpstreamError),
}

/// Counters of the calls, for `/metrics`.
#[derive(Debug, Default)]
pub struct UpstreamMetrics {
    /// Calls made to UNI-PASS (retries included).
    pub calls: AtomicU64,
    /// Calls that ended without an answer.
    pub failures: AtomicU64,
    /// Failures by kind, in the order of [`FAILURE_KINDS`].
    pub failures_by_kind: [AtomicU64; FAILURE_KINDS.len()],
    /// Retries (within the budget).
    pub retries: AtomicU64,
    /// Episodes in which UNI-PASS refused the gateway's requests (the key, or another 4xx).
    pub refusal_episodes: AtomicU64,
    /// UNI-PASS's answer time.
    pub latency: Histogram,
}

/// The failure kinds counted apart (the codes of [`UpstreamError`], `upstream_` left out).
pub const FAILURE_KINDS: [&str; 8] =
    ["timeout", "unreachable", "interrupted", "status", "body_too_large", "malformed", "system_failure", "key_refused"];

fn kind_index(e: UpstreamError) -> usize {
    let code = e.code().trim_start_matches("upstream_");
    FAILURE_KINDS.iter().position(|k| *k == code).unwrap_or(0)
}

/// UNI-PASS with the limits, the retry budget and the breaker. Share it (it is `Sync`); one per process and key, so
/// that every caller counts against the same rate.
#[derive(Debug)]
pub struct Upstream {
    client: Client,
    breaker: Breaker,
    permits: Semaphore,
    rate: RateLimit,
    budget: TpsBudget,
    attempts: u32,
    backoff: Duration,
    refused: AtomicBool,
    /// The counters.
    pub metrics: UpstreamMetrics,
}

impl Upstream {
    /// A client of `base` with `limits`' concurrency, rate, timeout, attempts, backoff, retry budget, breaker and
    /// body limit.
    pub fn new(base: &Url, key: ApiKey, limits: &Limits) -> Result<Upstream, String> {
        Ok(Upstream {
            client: Client::new(base, key, limits.timeout, limits.max_upstream_body)?,
            breaker: Breaker::new(limits.breaker_failures, limits.breaker_slow, limits.breaker_cooldown),
            permits: Semaphore::new(limits.concurrency.max(1)),
            rate: RateLimit::per_second(limits.rate_per_second),
            budget: TpsBudget::new(Duration::from_secs(10), 1, limits.retry_ratio),
            attempts: limits.attempts.max(1),
            backoff: limits.backoff,
            refused: AtomicBool::new(false),
            metrics: UpstreamMetrics::default(),
        })
    }

    /// The breaker's state.
    pub fn breaker_state(&self) -> State {
        self.breaker.state()
    }

    /// How many times the breaker has opened.
    pub fn breaker_openings(&self) -> u64 {
        self.breaker.times_opened()
    }

    /// Whether UNI-PASS refused the last call made (the key, or another 4xx), until a call is answered again.
    pub fn refused(&self) -> bool {
        self.refused.load(Relaxed)
    }

    /// Asks UNI-PASS about `fields`: waits at most `max_wait` for a free call (concurrency and rate), then calls;
    /// a failure of UNI-PASS is retried (after 1×, 2×, 4×… the backoff, with ±50% jitter) while the attempts and
    /// the retry budget allow and a slot of the rate is free at once. A refusal is not retried. The breaker sees
    /// every call: a failure or a refusal counts against it, an answer (match or mismatch) resets it.
    pub async fn call(&self, fields: &Fields, max_wait: Duration) -> Result<Answer, CallError> {
        let deadline = tokio::time::Instant::now() + max_wait;
        let _permit = tokio::time::timeout_at(deadline, self.permits.acquire())
            .await
            .map_err(|_| CallError::Busy)?
            .map_err(|_| CallError::Busy)?;
        self.budget.deposit();
        let mut attempt = 0;
        loop {
            let ticket = self.breaker.try_call().ok_or(CallError::BreakerOpen)?;
            if attempt == 0 {
                if !self.rate.acquire_by(deadline).await {
                    return Err(CallError::Busy);
                }
            } else if !self.rate.try_acquire() {
                // No rate left for a retry now: the queue will try again.
                return Err(CallError::Busy);
            }
            let start = Instant::now();
            let result = self.client.verify(fields).await;
            let elapsed = start.elapsed();
            self.metrics.calls.fetch_add(1, Relaxed);
            self.metrics.latency.observe(elapsed);
            self.breaker.record(ticket, result.is_ok(), elapsed);
            match result {
                Ok(answer) => {
                    if self.refused.swap(false, Relaxed) {
                        tracing::warn!("UNI-PASS answers the gateway's requests again");
                    }
                    return Ok(answer);
                }
                Err(e) => {
                    self.metrics.failures.fetch_add(1, Relaxed);
                    self.metrics.failures_by_kind[kind_index(e)].fetch_add(1, Relaxed);
                    if !e.is_transient() {
                        self.note_refusal(e);
                        return Err(CallError::Upstream(e));
                    }
                    tracing::info!(error = %e, attempt, "UNI-PASS call failed");
                    attempt += 1;
                    if attempt >= self.attempts || !self.budget.withdraw() {
                        return Err(CallError::Upstream(e));
                    }
                    self.metrics.retries.fetch_add(1, Relaxed);
                    let backoff = self.backoff * 2u32.saturating_pow(attempt - 1);
                    let jitter = rand::rng().random_range(0.5..1.5);
                    tokio::time::sleep(backoff.mul_f64(jitter)).await;
                }
            }
        }
    }

    /// Logs a refusal once per episode (until UNI-PASS answers a call again).
    fn note_refusal(&self, e: UpstreamError) {
        if !self.refused.swap(true, Relaxed) {
            self.metrics.refusal_episodes.fetch_add(1, Relaxed);
            tracing::error!(
                error = %e,
                "UNI-PASS refuses the gateway's requests: check the API key and its permission for API028; \
                 checks stay pending until UNI-PASS answers"
            );
        }
    }
}
