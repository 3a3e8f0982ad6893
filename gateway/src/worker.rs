//! The background work: the queue worker, which resolves pending checks once UNI-PASS answers (keeping up to
//! twice the concurrency of checks in hand, claiming more as each finishes), the queue's upkeep (checks pending
//! past `--pending-ttl` answered `unresolved`, old answers and counts deleted), and the webhook deliveries
//! ([`crate::webhook`]), which run apart so that a slow receiver never slows the queue.

use std::sync::atomic::Ordering::Relaxed;
use std::sync::Arc;
use std::time::Duration;

use rand::Rng;
use serde_json::Value;
use tokio::sync::Semaphore;

use crate::breaker::State;
use crate::gateway::{answer_json, unresolved_json, Fresh, Gateway};
use crate::store::{Job, StoreError};
use crate::upstream::CallError;

/// The upkeep runs at most this often (more often with a short `--pending-ttl`).
const UPKEEP_EVERY: Duration = Duration::from_secs(60);

/// The longest a check waits between two tries after UNI-PASS failed it.
const MAX_RETRY_DELAY: Duration = Duration::from_secs(60);

/// A check whose sealed fields cannot be opened (its key was removed from `queue.key`) is looked at again this
/// often, until its key is back or it expires.
const UNREADABLE_DELAY: Duration = Duration::from_secs(600);

/// A webhook body: the answer with the check's id.
pub(crate) fn webhook_body(answer: &Value, id: &str) -> String {
    let mut body = answer.clone();
    if let Some(o) = body.as_object_mut() {
        o.insert("id".into(), Value::String(id.to_owned()));
    }
    body.to_string()
}

fn jitter(d: Duration) -> Duration {
    d.mul_f64(rand::rng().random_range(0.5..1.5))
}

/// Keeps up to `slots` items in hand: claims as many as there are free slots (`claim(n)`; `None`: not now), runs
/// each in a task of its own, and claims again as soon as one finishes, or after `interval` when fewer were due than
/// asked for. Runs until the future is dropped.
pub(crate) async fn pump<T, C, CF, R, RF>(slots: usize, interval: Duration, what: &'static str, mut claim: C, run: R)
where
    T: Send + 'static,
    C: FnMut(u32) -> CF,
    CF: std::future::Future<Output = Option<Result<Vec<T>, StoreError>>>,
    R: Fn(T) -> RF,
    RF: std::future::Future<Output = ()> + Send + 'static,
{
    let slots = Arc::new(Semaphore::new(slots.max(1)));
    loop {
        let free = slots.available_permits();
        if free == 0 {
            // Every slot busy: wait for one to free.
            let _ = tokio::time::timeout(interval, slots.acquire()).await;
            continue;
        }
        let items = match claim(free as u32).await {
            Some(Ok(items)) => items,
            Some(Err(e)) => {
                tracing::warn!(error = %e, "cannot read {what}");
                tokio::time::sleep(interval).await;
                continue;
            }
            None => {
                tokio::time::sleep(interval).await;
                continue;
            }
        };
        let all_taken = items.len() == free;
        for item in items {
            let Ok(permit) = slots.clone().acquire_owned().await else { return };
            let task = run(item);
            tokio::spawn(async move {
                task.await;
                drop(permit);
            });
        }
        if !all_taken {
            tokio::time::sleep(interval).await;
        }
    }
}

impl Gateway {
    /// Runs the queue, its upkeep and the webhook deliveries until the future is dropped.
    pub async fn run_worker(self: Arc<Self>) {
        tokio::join!(self.clone().run_queue(), self.clone().run_upkeep(), self.run_webhooks());
    }

    async fn run_queue(self: Arc<Self>) {
        let slots = self.limits.concurrency * 2;
        let mut was_closed = true;
        let claim = |n| {
            let gateway = self.clone();
            let state = gateway.upstream.breaker_state();
            // The breaker closed again: UNI-PASS answers. Checks backing off from its failures are tried now (the
            // rate still paces them) rather than up to a minute later.
            let recovered = state == State::Closed && !was_closed;
            was_closed = state == State::Closed;
            async move {
                // While the breaker is open nothing would be called: leave the queue alone.
                if state == State::Open {
                    return None;
                }
                if recovered {
                    match gateway.store.wake().await {
                        Ok(n) if n > 0 => {
                            tracing::info!(checks = n, "UNI-PASS answers again: pending checks are due now")
                        }
                        Ok(_) => {}
                        Err(e) => tracing::warn!(error = %e, "cannot wake the pending checks"),
                    }
                }
                Some(gateway.store.claim(n, gateway.limits.lease()).await)
            }
        };
        let resolve = |job| {
            let gateway = self.clone();
            async move { gateway.resolve(job).await }
        };
        pump(slots, self.limits.worker_interval, "the queue", claim, resolve).await;
    }

    async fn run_upkeep(self: Arc<Self>) {
        let every = UPKEEP_EVERY.min((self.limits.pending_ttl / 10).max(self.limits.worker_interval));
        loop {
            self.upkeep().await;
            tokio::time::sleep(every).await;
        }
    }

    /// Resolves one claimed check: an answer that is not older than the check (from the cache, a call in flight,
    /// or a new call) completes it; anything else puts it back for later.
    async fn resolve(&self, job: Job) {
        let fields = match self.keys.open(&job.id, &job.sealed) {
            Ok(fields) => fields,
            Err(e) => {
                self.metrics.unreadable.fetch_add(1, Relaxed);
                tracing::error!(id = job.id, error = %e, "a queued check cannot be opened; it stays pending");
                self.retry(&job, UNREADABLE_DELAY).await;
                return;
            }
        };
        match self.lookup(job.key, &fields, Fresh::Since(job.created_ms), job.priority).await {
            Ok(answer) => {
                let json = answer_json(&answer);
                let webhook = self.webhook.as_ref().map(|_| webhook_body(&json, &job.id));
                match self.store.complete(&job, &json.to_string(), webhook.as_deref()).await {
                    Ok(true) => {
                        self.metrics.resolved.fetch_add(1, Relaxed);
                        tracing::info!(id = job.id, status = json["status"].as_str(), "queued check resolved");
                    }
                    Ok(false) => self.stale(&job),
                    Err(e) => tracing::warn!(error = %e, "cannot store a queued check's answer"),
                }
            }
            Err(e) => {
                // UNI-PASS failed or refused: back off, longer each time (up to a minute). The call was not made
                // (the breaker, or no free call): try again soon, so that the queue drains once UNI-PASS is back.
                let delay = match e {
                    CallError::Upstream(_) => {
                        (self.limits.backoff * 2u32.saturating_pow(job.attempts.min(16))).min(MAX_RETRY_DELAY)
                    }
                    CallError::BreakerOpen | CallError::Busy => self.limits.worker_interval,
                };
                self.retry(&job, jitter(delay)).await;
            }
        }
    }

    async fn retry(&self, job: &Job, delay: Duration) {
        match self.store.retry_later(job, delay).await {
            Ok(true) => {}
            Ok(false) => self.stale(job),
            Err(e) => tracing::warn!(error = %e, "cannot reschedule a queued check"),
        }
    }

    fn stale(&self, job: &Job) {
        self.metrics.stale_results.fetch_add(1, Relaxed);
        tracing::info!(id = job.id, "the claim on a queued check lapsed mid-call: this result is dropped");
    }

    /// Answers checks pending past `--pending-ttl` as `unresolved` (fields erased, webhook queued), deletes old
    /// answers, attempt counts and abandoned webhooks, and forgets the per-client rates of clients gone quiet.
    async fn upkeep(&self) {
        if let Some(limiter) = &self.client_rate {
            limiter.retain_recent();
            limiter.shrink_to_fit();
        }
        let ttl = self.limits.pending_ttl;
        let answer = unresolved_json(ttl);
        let json = answer.to_string();
        let body = |id: &str| webhook_body(&answer, id);
        let webhook: Option<&(dyn Fn(&str) -> String + Sync)> = self.webhook.as_ref().map(|_| &body as _);
        let cutoff = crate::store::now_ms() - i64::try_from(ttl.as_millis()).unwrap_or(i64::MAX);
        match self.store.expire(cutoff, &json, webhook).await {
            Ok(ids) => {
                for id in ids {
                    self.metrics.expired.fetch_add(1, Relaxed);
                    tracing::warn!(
                        id,
                        "a check stayed pending past --pending-ttl: answered `unresolved`, its fields erased"
                    );
                }
            }
            Err(e) => tracing::warn!(error = %e, "cannot expire old pending checks"),
        }
        match self.store.cleanup(self.limits.attempt_limits.window).await {
            Ok(0) => {}
            Ok(n) => {
                self.metrics.webhook_failures.fetch_add(n, Relaxed);
                tracing::warn!(webhooks = n, "webhooks undelivered after 24 hours were given up");
            }
            Err(e) => tracing::warn!(error = %e, "cannot clean the queue"),
        }
    }
}
