//! Webhook deliveries from the outbox: at least once, each `POST` carrying the check's id as its
//! `Idempotency-Key` (a check is resolved once, so it has one webhook), retried with growing delays until the
//! receiver answers 2xx or the webhook is 24 hours old. A few run at once, apart from the queue worker, so a slow or
//! absent receiver never slows the resolution of checks.

use std::sync::atomic::Ordering::Relaxed;
use std::sync::Arc;
use std::time::Duration;

use rand::Rng;

use crate::gateway::Gateway;
use crate::store::{now_ms, Delivery, RETENTION};

/// Deliveries at once.
const AT_ONCE: usize = 4;

/// The longest wait between two tries of one webhook.
const MAX_DELAY: Duration = Duration::from_secs(300);

impl Gateway {
    /// Delivers the outbox's webhooks until the future is dropped (nothing when no webhook is configured).
    pub(crate) async fn run_webhooks(self: Arc<Self>) {
        if self.webhook.is_none() {
            return;
        }
        // Long enough for one try (the client's timeout is 5 s); a delivery whose instance died is tried again after.
        let lease = Duration::from_secs(30);
        let claim = |n| {
            let gateway = self.clone();
            async move { Some(gateway.store.claim_deliveries(n, lease).await) }
        };
        let deliver = |delivery| {
            let gateway = self.clone();
            async move { gateway.deliver(delivery).await }
        };
        crate::worker::pump(AT_ONCE, self.limits.worker_interval, "the webhook outbox", claim, deliver).await;
    }

    async fn deliver(&self, delivery: Delivery) {
        let Some((url, http)) = &self.webhook else { return };
        let sent = http
            .post(url.clone())
            .header("content-type", "application/json")
            .header("idempotency-key", &delivery.check_id)
            .body(delivery.body.clone())
            .send()
            .await;
        let ok = matches!(&sent, Ok(r) if r.status().is_success());
        let result = if ok {
            self.metrics.webhooks_delivered.fetch_add(1, Relaxed);
            self.store.delivered(&delivery).await
        } else if now_ms() - delivery.created_ms > RETENTION.as_millis() as i64 {
            self.metrics.webhook_failures.fetch_add(1, Relaxed);
            tracing::warn!(id = delivery.check_id, "webhook given up after 24 hours of failed deliveries");
            self.store.delivered(&delivery).await
        } else {
            self.metrics.webhook_retries.fetch_add(1, Relaxed);
            let status = sent.as_ref().map(|r| r.status().as_u16()).ok();
            tracing::info!(
                id = delivery.check_id,
                status,
                attempt = delivery.attempts,
                "webhook not delivered; will retry"
            );
            let delay = (self.limits.backoff * 2u32.saturating_pow(delivery.attempts.min(16))).min(MAX_DELAY);
            let delay = delay.mul_f64(rand::rng().random_range(0.5..1.5));
            self.store.deliver_later(&delivery, delay).await
        };
        if let Err(e) = result {
            tracing::warn!(error = %e, "cannot update the webhook outbox");
        }
    }
}
