//! Counters and latency histograms, printed in Prometheus's text format by `GET /metrics`.

use std::fmt::Write;
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::time::Duration;

/// Bucket bounds of the latency histograms, in seconds.
const BUCKETS: [f64; 12] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0];

/// A latency histogram.
#[derive(Debug, Default)]
pub struct Histogram {
    counts: [AtomicU64; BUCKETS.len()],
    count: AtomicU64,
    sum_micros: AtomicU64,
}

impl Histogram {
    /// Records one duration.
    pub fn observe(&self, d: Duration) {
        let seconds = d.as_secs_f64();
        if let Some(i) = BUCKETS.iter().position(|&b| seconds <= b) {
            self.counts[i].fetch_add(1, Relaxed);
        }
        self.count.fetch_add(1, Relaxed);
        self.sum_micros.fetch_add(d.as_micros() as u64, Relaxed);
    }

    fn write(&self, out: &mut String, name: &str, help: &str) {
        let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} histogram");
        let mut cumulative = 0;
        for (bound, count) in BUCKETS.iter().zip(&self.counts) {
            cumulative += count.load(Relaxed);
            let _ = writeln!(out, "{name}_bucket{{le=\"{bound}\"}} {cumulative}");
        }
        let count = self.count.load(Relaxed);
        let _ = writeln!(out, "{name}_bucket{{le=\"+Inf\"}} {count}");
        let _ = writeln!(out, "{name}_sum {}", self.sum_micros.load(Relaxed) as f64 / 1e6);
        let _ = writeln!(out, "{name}_count {count}");
    }
}

/// Everything `/metrics` reports, apart from the breaker's state and the queue's depth (read when asked).
#[derive(Debug, Default)]
pub struct Metrics {
    /// `POST /verify` answers by status: invalid, matched, mismatched, pending, error.
    pub answers: [AtomicU64; 5],
    /// Calls made to UNI-PASS (retries included).
    pub upstream_calls: AtomicU64,
    /// Calls that ended without an answer.
    pub upstream_failures: AtomicU64,
    /// Retries (within the budget).
    pub retries: AtomicU64,
    /// Answers from the cache.
    pub cache_hits: AtomicU64,
    /// Well-formed checks not in the cache.
    pub cache_misses: AtomicU64,
    /// Checks that waited for an identical check already in flight instead of calling.
    pub coalesced: AtomicU64,
    /// Checks answered `pending` and queued.
    pub queued: AtomicU64,
    /// Queued checks resolved by the background worker.
    pub resolved: AtomicU64,
    /// Webhook deliveries that failed every try.
    pub webhook_failures: AtomicU64,
    /// UNI-PASS's answer time.
    pub upstream_latency: Histogram,
    /// `POST /verify`'s answer time.
    pub request_latency: Histogram,
}

/// The status names, in the order of [`Metrics::answers`].
pub const STATUSES: [&str; 5] = ["invalid", "matched", "mismatched", "pending", "error"];

impl Metrics {
    /// Counts one answer of `POST /verify`.
    pub fn answer(&self, status: &str, elapsed: Duration) {
        if let Some(i) = STATUSES.iter().position(|s| *s == status) {
            self.answers[i].fetch_add(1, Relaxed);
        }
        self.request_latency.observe(elapsed);
    }

    /// The Prometheus text.
    pub fn render(&self, breaker: crate::breaker::State, breaker_opened: u64, queue_depth: Option<u64>) -> String {
        let mut out = String::new();
        let counter = |out: &mut String, name: &str, help: &str, value: u64| {
            let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} counter\n{name} {value}");
        };
        let _ = writeln!(out, "# HELP pccc_gateway_answers_total POST /verify answers by status.");
        let _ = writeln!(out, "# TYPE pccc_gateway_answers_total counter");
        for (status, n) in STATUSES.iter().zip(&self.answers) {
            let _ = writeln!(out, "pccc_gateway_answers_total{{status=\"{status}\"}} {}", n.load(Relaxed));
        }
        counter(
            &mut out,
            "pccc_gateway_upstream_calls_total",
            "Calls made to UNI-PASS, retries included.",
            self.upstream_calls.load(Relaxed),
        );
        counter(
            &mut out,
            "pccc_gateway_upstream_failures_total",
            "UNI-PASS calls that ended without an answer.",
            self.upstream_failures.load(Relaxed),
        );
        counter(
            &mut out,
            "pccc_gateway_upstream_retries_total",
            "Retries of UNI-PASS calls.",
            self.retries.load(Relaxed),
        );
        counter(
            &mut out,
            "pccc_gateway_cache_hits_total",
            "Checks answered from the cache.",
            self.cache_hits.load(Relaxed),
        );
        counter(
            &mut out,
            "pccc_gateway_cache_misses_total",
            "Well-formed checks not in the cache.",
            self.cache_misses.load(Relaxed),
        );
        counter(
            &mut out,
            "pccc_gateway_coalesced_total",
            "Checks that shared an identical check in flight.",
            self.coalesced.load(Relaxed),
        );
        counter(
            &mut out,
            "pccc_gateway_queued_total",
            "Checks answered pending and queued.",
            self.queued.load(Relaxed),
        );
        counter(&mut out, "pccc_gateway_queue_resolved_total", "Queued checks resolved.", self.resolved.load(Relaxed));
        counter(
            &mut out,
            "pccc_gateway_webhook_failures_total",
            "Webhook deliveries that failed every try.",
            self.webhook_failures.load(Relaxed),
        );
        counter(&mut out, "pccc_gateway_breaker_opened_total", "Times the circuit breaker opened.", breaker_opened);
        let state = match breaker {
            crate::breaker::State::Closed => 0,
            crate::breaker::State::Open => 1,
            crate::breaker::State::HalfOpen => 2,
        };
        let _ = writeln!(out, "# HELP pccc_gateway_breaker_state Circuit breaker: 0 closed, 1 open, 2 half-open.");
        let _ = writeln!(out, "# TYPE pccc_gateway_breaker_state gauge\npccc_gateway_breaker_state {state}");
        if let Some(depth) = queue_depth {
            let _ = writeln!(out, "# HELP pccc_gateway_queue_depth Checks waiting in the pending queue.");
            let _ = writeln!(out, "# TYPE pccc_gateway_queue_depth gauge\npccc_gateway_queue_depth {depth}");
        }
        self.upstream_latency.write(&mut out, "pccc_gateway_upstream_latency_seconds", "UNI-PASS answer time.");
        self.request_latency.write(&mut out, "pccc_gateway_request_latency_seconds", "POST /verify answer time.");
        out
    }
}
