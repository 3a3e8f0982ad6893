//! The limits and timings of the gateway and of [`crate::upstream::Upstream`]: how many calls to UNI-PASS at once and
//! in a second (and how many of those background work may take), the timeouts, retries and breaker, the cache, the
//! queue and the attempt limits.

use std::time::Duration;

use crate::identity::AttemptLimits;

/// The limits and timings; [`Limits::default`] is what the binary starts with.
#[derive(Clone, Debug)]
pub struct Limits {
    /// Calls to UNI-PASS at once.
    pub concurrency: usize,
    /// Calls to UNI-PASS in any one-second window (retries included), over all checks.
    pub rate_per_second: u32,
    /// Of those, the most that background checks (RFC 9218 `Priority` urgency 4 to 7, such as `pccc-guard verify`)
    /// may take in any one-second window; `None`: all that interactive checks leave. Background checks only ever
    /// use the capacity interactive ones leave, this cap or not.
    pub background_rate: Option<u32>,
    /// How long a check waits for a free call (concurrency and rate) before it is answered `pending`.
    pub max_wait: Duration,
    /// One call's timeout.
    pub timeout: Duration,
    /// Calls per check at most (the first and its retries).
    pub attempts: u32,
    /// The first retry's delay, doubled for each further one, with ±50% jitter.
    pub backoff: Duration,
    /// Retries allowed, as a share of first calls over the last ten seconds (plus a floor of one a second).
    pub retry_ratio: f32,
    /// How long a match is served from the cache.
    pub match_ttl: Duration,
    /// How long a mismatch is served from the cache (shorter: the buyer is about to correct the form, or to fix
    /// the details registered at UNI-PASS).
    pub mismatch_ttl: Duration,
    /// Entries in the cache at most.
    pub cache_capacity: u64,
    /// Failures in a row that open the breaker.
    pub breaker_failures: u32,
    /// A call slower than this counts as a failure for the breaker.
    pub breaker_slow: Duration,
    /// How long the breaker stays open before a probe.
    pub breaker_cooldown: Duration,
    /// How often the worker looks at the queue.
    pub worker_interval: Duration,
    /// The largest UNI-PASS answer read, in bytes.
    pub max_upstream_body: usize,
    /// Pending checks at most; beyond, a check that would be queued is refused (`queue_full`).
    pub max_pending: u64,
    /// How long a check may stay pending; then it is answered `unresolved` and its fields are erased.
    pub pending_ttl: Duration,
    /// How long a claimed check is hidden from other claims; `None`: as long as one resolution can take.
    pub lease: Option<Duration>,
    /// The per-identity attempt limits.
    pub attempt_limits: AttemptLimits,
    /// `POST /verify` requests a second per client (its token's client id, or else its address); `None`: no limit.
    pub client_rate: Option<u32>,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            concurrency: 8,
            rate_per_second: 20,
            background_rate: None,
            max_wait: Duration::from_secs(2),
            timeout: Duration::from_secs(5),
            attempts: 3,
            backoff: Duration::from_millis(200),
            retry_ratio: 0.2,
            match_ttl: Duration::from_secs(60),
            mismatch_ttl: Duration::from_secs(20),
            cache_capacity: 100_000,
            breaker_failures: 5,
            breaker_slow: Duration::from_secs(3),
            breaker_cooldown: Duration::from_secs(10),
            worker_interval: Duration::from_millis(500),
            max_upstream_body: 64 * 1024,
            max_pending: 10_000,
            pending_ttl: Duration::from_secs(72 * 3600),
            lease: None,
            attempt_limits: AttemptLimits::default(),
            client_rate: None,
        }
    }
}

impl Limits {
    /// How long a claim lasts: `lease`, or long enough for the slowest resolution (waiting for a call, every
    /// attempt, the backoffs) and short enough that a crashed instance's claims soon go to another.
    pub fn lease(&self) -> Duration {
        self.lease.unwrap_or_else(|| {
            self.max_wait
                + self.timeout * self.attempts
                + self.backoff * 2u32.saturating_pow(self.attempts.min(8))
                + Duration::from_secs(5)
        })
    }
}
