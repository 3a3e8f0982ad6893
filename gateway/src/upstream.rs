//! UNI-PASS behind every protection the gateway promises, usable without the HTTP server: the API028 client, a cap
//! on calls at once, the rate ([`crate::ratelimit`]), timeouts, retries with backoff and jitter within a retry
//! budget, the circuit breaker, and the watch on a refused key.
//!
//! Calls are interactive (a checkout waits) or background ([`Priority`]). A background call starts only when no
//! interactive call waits for a free call (the concurrency or the rate) and within the background share of the rate
//! (`Limits::background_rate`), and it never holds a place while it waits: an interactive call that arrives while a
//! batch runs takes the next free call. While checkouts come (any interactive call in the last
//! [`RESERVE_MEMORY`]), background calls also leave free, in every window of the rate, as many slots as interactive
//! calls took in the last window (one at least), so that the next checkout finds its slot free instead of waiting
//! for one; without checkouts, a batch has the whole rate.
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

use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering::Relaxed};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use rand::Rng;
use tokio::sync::{Notify, Semaphore, SemaphorePermit};
use tower::retry::budget::{Budget, TpsBudget};
use url::Url;

use crate::breaker::{Breaker, State};
use crate::metrics::Histogram;
use crate::priority::{Priority, Shared};
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
    /// Calls made for background checks (retries included).
    pub background_calls: AtomicU64,
    /// Episodes in which UNI-PASS refused the gateway's requests (the key, or another 4xx).
    pub refusal_episodes: AtomicU64,
    /// UNI-PASS's answer time.
    pub latency: Histogram,
}

/// How long an interactive call's start keeps a slot of the rate reserved from background calls.
pub const RESERVE_MEMORY: Duration = Duration::from_secs(10);

/// The slots of a window that background calls leave free: as many as interactive calls started in the last
/// `window` (`starts`, oldest first, the last [`RESERVE_MEMORY`] of them), one at least while any started within
/// [`RESERVE_MEMORY`]; none without.
fn reserve_of(starts: &VecDeque<tokio::time::Instant>, now: tokio::time::Instant, window: Duration) -> usize {
    let recent = starts.iter().filter(|&&t| t + RESERVE_MEMORY > now);
    let (mut any, mut in_window) = (false, 0);
    for &t in recent {
        any = true;
        in_window += usize::from(t + window > now);
    }
    if any {
        in_window.max(1)
    } else {
        0
    }
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
    /// The background share of the rate, when capped.
    background_rate: Option<RateLimit>,
    /// Background calls wait here one at a time, in arrival order.
    background_line: tokio::sync::Mutex<()>,
    /// Interactive calls waiting for a free call (a permit or, for a first attempt, a slot of the rate).
    interactive_waiting: AtomicUsize,
    /// Woken when an interactive call stops waiting, a call ends, or a background call is raised.
    freed: Notify,
    /// When interactive calls started, over the last [`RESERVE_MEMORY`], oldest first.
    interactive_starts: Mutex<VecDeque<tokio::time::Instant>>,
    /// The counters.
    pub metrics: UpstreamMetrics,
}

/// An interactive call waiting for a free call: counted while it lives, so that background calls hold back.
struct Waiting<'a>(&'a Upstream);

impl<'a> Waiting<'a> {
    fn new(upstream: &'a Upstream) -> Waiting<'a> {
        upstream.interactive_waiting.fetch_add(1, Relaxed);
        Waiting(upstream)
    }
}

impl Drop for Waiting<'_> {
    fn drop(&mut self) {
        self.0.interactive_waiting.fetch_sub(1, Relaxed);
        self.0.freed.notify_waiters();
    }
}

/// A call's place among the calls at once; giving it back wakes a waiting background call.
struct Place<'a> {
    permit: Option<SemaphorePermit<'a>>,
    freed: &'a Notify,
}

impl<'a> Place<'a> {
    fn new(permit: SemaphorePermit<'a>, freed: &'a Notify) -> Place<'a> {
        Place { permit: Some(permit), freed }
    }
}

impl Drop for Place<'_> {
    fn drop(&mut self) {
        // The permit goes back before the wake-up, so that the woken call finds it free.
        drop(self.permit.take());
        self.freed.notify_waiters();
    }
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
            background_rate: limits
                .background_rate
                .filter(|&cap| cap < limits.rate_per_second)
                .map(RateLimit::per_second),
            background_line: tokio::sync::Mutex::new(()),
            interactive_waiting: AtomicUsize::new(0),
            freed: Notify::new(),
            interactive_starts: Mutex::new(VecDeque::new()),
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

    /// Asks UNI-PASS about `fields` as an interactive call: [`Upstream::call_as`] with [`Priority::Interactive`].
    pub async fn call(&self, fields: &Fields, max_wait: Duration) -> Result<Answer, CallError> {
        self.call_as(fields, max_wait, &Shared::new(Priority::Interactive)).await
    }

    /// Asks UNI-PASS about `fields`: waits at most `max_wait` for a free call (concurrency and rate; a background
    /// call only for one that no interactive call waits for, within the background share), then calls; a failure of
    /// UNI-PASS is retried (after 1×, 2×, 4×… the backoff, with ±50% jitter) while the attempts and the retry budget
    /// allow and a slot of the rate is free at once. A refusal is not retried. The breaker sees every call: a
    /// failure or a refusal counts against it, an answer (match or mismatch) resets it. `priority` may be raised
    /// while the call waits (an interactive check joined it): it then waits as an interactive call.
    pub async fn call_as(&self, fields: &Fields, max_wait: Duration, priority: &Shared) -> Result<Answer, CallError> {
        let deadline = tokio::time::Instant::now() + max_wait;
        let mut admitted = None;
        if priority.get() == Priority::Background {
            if self.breaker.state() == State::Open {
                return Err(CallError::BreakerOpen);
            }
            admitted = self.admit_background(deadline, priority).await?;
        }
        let background = admitted.is_some();
        let (_place, mut waiting) = match admitted {
            Some(place) => (place, None),
            None => {
                let waiting = Waiting::new(self);
                let permit = tokio::time::timeout_at(deadline, self.permits.acquire())
                    .await
                    .map_err(|_| CallError::Busy)?
                    .map_err(|_| CallError::Busy)?;
                (Place::new(permit, &self.freed), Some(waiting))
            }
        };
        self.budget.deposit();
        let mut attempt = 0;
        loop {
            let ticket = self.breaker.try_call().ok_or(CallError::BreakerOpen)?;
            if attempt == 0 {
                // A background call took its slot of the rate with its place.
                if waiting.is_some() && !self.rate.acquire_by(deadline).await {
                    return Err(CallError::Busy);
                }
                drop(waiting.take());
            } else if !self.retry_slot(background) {
                // No rate left for a retry now: the queue will try again.
                return Err(CallError::Busy);
            }
            if !background {
                self.note_interactive_start();
            }
            let start = Instant::now();
            let result = self.client.verify(fields).await;
            let elapsed = start.elapsed();
            self.metrics.calls.fetch_add(1, Relaxed);
            if background {
                self.metrics.background_calls.fetch_add(1, Relaxed);
            }
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

    /// Wakes the background call waiting for a free call, so that it looks again (its priority was raised).
    pub fn wake_background(&self) {
        self.freed.notify_waiters();
    }

    /// A background call's place and its slot of the rate, taken together once no interactive call waits and both
    /// are free (within the background share): `Ok(None)` when the call was raised to interactive meanwhile (it
    /// then waits as one), `Err(Busy)` when none came by `deadline`. Background calls wait one at a time and never
    /// hold a place while they wait.
    async fn admit_background(
        &self,
        deadline: tokio::time::Instant,
        priority: &Shared,
    ) -> Result<Option<Place<'_>>, CallError> {
        let Ok(_line) = tokio::time::timeout_at(deadline, self.background_line.lock()).await else {
            return Err(CallError::Busy);
        };
        loop {
            let freed = self.freed.notified();
            tokio::pin!(freed);
            freed.as_mut().enable();
            if priority.get() == Priority::Interactive {
                return Ok(None);
            }
            // When to look again without a wake-up: when the rate frees a slot (`None`: only a wake-up helps).
            let mut again = None;
            if self.interactive_waiting.load(Relaxed) == 0 {
                if let Ok(permit) = self.permits.try_acquire() {
                    match self.background_slot() {
                        Ok(()) => return Ok(Some(Place::new(permit, &self.freed))),
                        Err(at) => again = at,
                    }
                }
            }
            let until = again.map_or(deadline, |at| at.min(deadline));
            tokio::select! {
                _ = freed => {}
                _ = tokio::time::sleep_until(until) => {
                    if tokio::time::Instant::now() >= deadline {
                        return Err(CallError::Busy);
                    }
                }
            }
        }
    }

    /// Records an interactive call's start, forgetting those older than [`RESERVE_MEMORY`].
    fn note_interactive_start(&self) {
        let now = tokio::time::Instant::now();
        let mut starts = self.interactive_starts.lock().unwrap();
        while starts.front().is_some_and(|&t| t + RESERVE_MEMORY <= now) || starts.len() > 4096 {
            starts.pop_front();
        }
        starts.push_back(now);
    }

    /// Takes a slot of the rate for a background call if one is free now, within the background share, beyond the
    /// slots kept for checkouts, and no interactive call waits in line; else when to look again (`None`: when
    /// woken).
    fn background_slot(&self) -> Result<(), Option<tokio::time::Instant>> {
        if let Some(at) = self.background_rate.as_ref().and_then(RateLimit::next_free) {
            return Err(Some(at));
        }
        let reserve =
            reserve_of(&self.interactive_starts.lock().unwrap(), tokio::time::Instant::now(), self.rate.window());
        if reserve > 0 {
            let (used, frees_at) = self.rate.used();
            if used + reserve >= self.rate.rate() as usize {
                // Look again when a slot leaves the window (or a checkout's reservation lapses).
                let lapse = tokio::time::Instant::now() + Duration::from_millis(100);
                return Err(Some(frees_at.map_or(lapse, |t| t.min(lapse))));
            }
        }
        self.rate.try_acquire_or_next()?;
        if let Some(share) = &self.background_rate {
            share.stamp();
        }
        Ok(())
    }

    /// A slot for a retry: only if one is free now and nobody waits (a background retry also lets any waiting
    /// interactive call go first, and stays within the background share).
    fn retry_slot(&self, background: bool) -> bool {
        if !background {
            return self.rate.try_acquire();
        }
        self.interactive_waiting.load(Relaxed) == 0 && self.background_slot().is_ok()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checkouts_reserve_the_slots_they_took_in_the_last_window_and_one_while_they_come() {
        let window = Duration::from_millis(1050);
        let now = tokio::time::Instant::now() + Duration::from_secs(60);
        let at = |ms_ago: u64| now - Duration::from_millis(ms_ago);
        assert_eq!(reserve_of(&VecDeque::new(), now, window), 0, "no checkout: the batch has the whole rate");
        assert_eq!(reserve_of(&VecDeque::from([at(3000)]), now, window), 1, "one a few seconds ago: one slot");
        assert_eq!(reserve_of(&VecDeque::from([at(3000), at(900), at(500), at(10)]), now, window), 3);
        assert_eq!(reserve_of(&VecDeque::from([at(10_500)]), now, window), 0, "forgotten after RESERVE_MEMORY");
    }
}
