//! Counters and latency histograms, printed in Prometheus's text format by `GET /metrics`.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::sync::Mutex;
use std::time::Duration;

use crate::upstream::{Upstream, FAILURE_KINDS};

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

    pub(crate) fn write(&self, out: &mut String, name: &str, help: &str) {
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

/// Everything `/metrics` reports, apart from UNI-PASS's counters ([`crate::upstream::UpstreamMetrics`]), the
/// breaker, and the queue's depth (read when asked).
#[derive(Debug, Default)]
pub struct Metrics {
    /// `POST /verify` answers by status: invalid, matched, mismatched, pending.
    pub answers: [AtomicU64; STATUSES.len()],
    /// `POST /verify` refusals by code, in the order of [`REFUSALS`].
    pub refusals: [AtomicU64; REFUSALS.len()],
    /// Answers from the cache.
    pub cache_hits: AtomicU64,
    /// Well-formed checks not answered from the cache (asked afresh included).
    pub cache_misses: AtomicU64,
    /// Checks that shared an identical call already in flight instead of calling.
    pub coalesced: AtomicU64,
    /// Checks answered `pending` and queued.
    pub queued: AtomicU64,
    /// Checks refused by the per-identity attempt limits.
    pub too_many_attempts: AtomicU64,
    /// Checks refused because the queue was full.
    pub queue_full: AtomicU64,
    /// Queued checks resolved by the worker.
    pub resolved: AtomicU64,
    /// Results dropped because the claim that produced them had lapsed (another instance holds the check).
    pub stale_results: AtomicU64,
    /// Checks answered `unresolved` after `--pending-ttl`.
    pub expired: AtomicU64,
    /// Claims of checks whose sealed fields could not be opened.
    pub unreadable: AtomicU64,
    /// Webhooks delivered.
    pub webhooks_delivered: AtomicU64,
    /// Webhook deliveries that failed and will be tried again.
    pub webhook_retries: AtomicU64,
    /// Webhooks given up after 24 hours of failed deliveries.
    pub webhook_failures: AtomicU64,
    /// `POST /verify` requests by client (with `--tokens`).
    pub by_client: Mutex<BTreeMap<String, u64>>,
    /// `POST /verify`'s answer time.
    pub request_latency: Histogram,
}

/// The status names, in the order of [`Metrics::answers`].
pub const STATUSES: [&str; 4] = ["invalid", "matched", "mismatched", "pending"];

/// The refusals of `POST /verify` counted, in the order of [`Metrics::refusals`].
pub const REFUSALS: [&str; 5] =
    ["unauthorized", "too_many_requests", "too_many_attempts", "queue_full", "queue_unavailable"];

fn counter(out: &mut String, name: &str, help: &str, value: u64) {
    let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} counter\n{name} {value}");
}

fn gauge(out: &mut String, name: &str, help: &str, value: u64) {
    let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} gauge\n{name} {value}");
}

impl Metrics {
    /// Counts one answer of `POST /verify`.
    pub fn answer(&self, status: &str, elapsed: Duration) {
        if let Some(i) = STATUSES.iter().position(|s| *s == status) {
            self.answers[i].fetch_add(1, Relaxed);
        }
        self.request_latency.observe(elapsed);
    }

    /// Counts one refusal of `POST /verify` (a code of [`REFUSALS`]).
    pub fn refusal(&self, code: &str) {
        if let Some(i) = REFUSALS.iter().position(|s| *s == code) {
            self.refusals[i].fetch_add(1, Relaxed);
        }
    }

    /// Counts one request of `client`.
    pub fn client_request(&self, client: &str) {
        *self.by_client.lock().unwrap().entry(client.to_owned()).or_default() += 1;
    }

    /// The Prometheus text.
    pub fn render(&self, upstream: &Upstream, queue_depth: Option<u64>, webhook_backlog: Option<u64>) -> String {
        let mut out = String::new();
        let u = &upstream.metrics;
        let _ = writeln!(out, "# HELP pccc_gateway_answers_total POST /verify answers by status.");
        let _ = writeln!(out, "# TYPE pccc_gateway_answers_total counter");
        for (status, n) in STATUSES.iter().zip(&self.answers) {
            let _ = writeln!(out, "pccc_gateway_answers_total{{status=\"{status}\"}} {}", n.load(Relaxed));
        }
        let _ = writeln!(out, "# HELP pccc_gateway_refusals_total POST /verify requests refused, by error code.");
        let _ = writeln!(out, "# TYPE pccc_gateway_refusals_total counter");
        for (code, n) in REFUSALS.iter().zip(&self.refusals) {
            let _ = writeln!(out, "pccc_gateway_refusals_total{{code=\"{code}\"}} {}", n.load(Relaxed));
        }
        {
            let clients = self.by_client.lock().unwrap();
            if !clients.is_empty() {
                let _ = writeln!(out, "# HELP pccc_gateway_client_requests_total POST /verify requests by client.");
                let _ = writeln!(out, "# TYPE pccc_gateway_client_requests_total counter");
                for (client, n) in clients.iter() {
                    let _ = writeln!(out, "pccc_gateway_client_requests_total{{client=\"{client}\"}} {n}");
                }
            }
        }
        counter(
            &mut out,
            "pccc_gateway_upstream_calls_total",
            "Calls made to UNI-PASS, retries included.",
            u.calls.load(Relaxed),
        );
        counter(
            &mut out,
            "pccc_gateway_upstream_failures_total",
            "UNI-PASS calls that ended without an answer.",
            u.failures.load(Relaxed),
        );
        let _ = writeln!(
            out,
            "# HELP pccc_gateway_upstream_failures_by_kind_total UNI-PASS calls without an answer, by kind."
        );
        let _ = writeln!(out, "# TYPE pccc_gateway_upstream_failures_by_kind_total counter");
        for (kind, n) in FAILURE_KINDS.iter().zip(&u.failures_by_kind) {
            let _ =
                writeln!(out, "pccc_gateway_upstream_failures_by_kind_total{{kind=\"{kind}\"}} {}", n.load(Relaxed));
        }
        counter(&mut out, "pccc_gateway_upstream_retries_total", "Retries of UNI-PASS calls.", u.retries.load(Relaxed));
        counter(
            &mut out,
            "pccc_gateway_upstream_background_calls_total",
            "Calls made to UNI-PASS for background checks (Priority u=4 to u=7), retries included.",
            u.background_calls.load(Relaxed),
        );
        gauge(
            &mut out,
            "pccc_gateway_upstream_refused",
            "1 while UNI-PASS refuses the gateway's requests (the API key, its permission, or another 4xx).",
            u64::from(upstream.refused()),
        );
        counter(
            &mut out,
            "pccc_gateway_upstream_refusal_episodes_total",
            "Times UNI-PASS began refusing the gateway's requests.",
            u.refusal_episodes.load(Relaxed),
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
            "Well-formed checks not answered from the cache.",
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
            "pccc_gateway_queue_stale_results_total",
            "Results dropped because their claim had lapsed (another instance holds the check).",
            self.stale_results.load(Relaxed),
        );
        counter(
            &mut out,
            "pccc_gateway_queue_expired_total",
            "Checks answered unresolved after --pending-ttl.",
            self.expired.load(Relaxed),
        );
        counter(
            &mut out,
            "pccc_gateway_queue_unreadable_total",
            "Claims of checks whose sealed fields could not be opened (a key missing from queue.key).",
            self.unreadable.load(Relaxed),
        );
        counter(
            &mut out,
            "pccc_gateway_webhooks_delivered_total",
            "Webhooks delivered.",
            self.webhooks_delivered.load(Relaxed),
        );
        counter(
            &mut out,
            "pccc_gateway_webhook_retries_total",
            "Webhook deliveries that failed and will be tried again.",
            self.webhook_retries.load(Relaxed),
        );
        counter(
            &mut out,
            "pccc_gateway_webhook_failures_total",
            "Webhooks given up after 24 hours of failed deliveries.",
            self.webhook_failures.load(Relaxed),
        );
        counter(
            &mut out,
            "pccc_gateway_breaker_opened_total",
            "Times the circuit breaker opened.",
            upstream.breaker_openings(),
        );
        let state = match upstream.breaker_state() {
            crate::breaker::State::Closed => 0,
            crate::breaker::State::Open => 1,
            crate::breaker::State::HalfOpen => 2,
        };
        gauge(&mut out, "pccc_gateway_breaker_state", "Circuit breaker: 0 closed, 1 open, 2 half-open.", state);
        if let Some(depth) = queue_depth {
            gauge(&mut out, "pccc_gateway_queue_depth", "Checks waiting in the pending queue.", depth);
        }
        if let Some(backlog) = webhook_backlog {
            gauge(&mut out, "pccc_gateway_webhook_backlog", "Webhooks waiting for delivery.", backlog);
        }
        u.latency.write(&mut out, "pccc_gateway_upstream_latency_seconds", "UNI-PASS answer time.");
        self.request_latency.write(&mut out, "pccc_gateway_request_latency_seconds", "POST /verify answer time.");
        out
    }
}
