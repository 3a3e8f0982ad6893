//! The gateway: the format check, then the cache, the coalescing of identical checks in flight, the breaker, the
//! concurrency and rate limits, timeouts and retries toward UNI-PASS, and the durable queue of pending checks with
//! its background worker.

use std::num::NonZeroU32;
use std::path::PathBuf;
use std::sync::atomic::Ordering::Relaxed;
use std::sync::Arc;
use std::time::{Duration, Instant};

use governor::{DefaultDirectRateLimiter, Quota, RateLimiter};
use moka::future::Cache;
use pccc_guard::{check_recipient, Locale, Localized, RecipientInput};
use rand::Rng;
use serde_json::{json, Value};
use tokio::sync::Semaphore;
use tower::retry::budget::{Budget, TpsBudget};
use url::Url;

use crate::breaker::Breaker;
use crate::cachekey::{CacheKey, Secret};
use crate::metrics::Metrics;
use crate::store::{JobStatus, PendingStore, PostgresStore, SqliteStore, StoreError};
use crate::unipass::{Answer, ApiKey, Client, Fields, Reason, UpstreamError};

/// The limits and timings; [`Limits::default`] is what the binary starts with.
#[derive(Clone, Debug)]
pub struct Limits {
    /// Calls to UNI-PASS at once.
    pub concurrency: usize,
    /// Calls to UNI-PASS per second (retries included), over all checks.
    pub rate_per_second: u32,
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
    /// How long a match is cached.
    pub match_ttl: Duration,
    /// How long a mismatch is cached (shorter: the buyer is about to correct the form).
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
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            concurrency: 8,
            rate_per_second: 20,
            max_wait: Duration::from_secs(2),
            timeout: Duration::from_secs(5),
            attempts: 3,
            backoff: Duration::from_millis(200),
            retry_ratio: 0.2,
            match_ttl: Duration::from_secs(600),
            mismatch_ttl: Duration::from_secs(60),
            cache_capacity: 100_000,
            breaker_failures: 5,
            breaker_slow: Duration::from_secs(3),
            breaker_cooldown: Duration::from_secs(10),
            worker_interval: Duration::from_millis(500),
            max_upstream_body: 64 * 1024,
        }
    }
}

/// Everything the gateway needs to start.
#[derive(Clone, Debug)]
pub struct Config {
    /// UNI-PASS's base URL ([`crate::unipass::DEFAULT_BASE_URL`] for the real one).
    pub base_url: Url,
    /// The API028 key.
    pub key: ApiKey,
    /// The data directory: the cache key's secret, and the SQLite queue unless `database_url` is set.
    pub data_dir: PathBuf,
    /// A PostgreSQL URL for a queue shared by several instances.
    pub database_url: Option<String>,
    /// A URL that receives `POST {"id", "status", …}` when a pending check is resolved.
    pub webhook: Option<Url>,
    /// Limits and timings.
    pub limits: Limits,
}

/// The answer to a check.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// The format check failed: the recipient check's JSON (`{"valid":false,"fields":{…}}`).
    Invalid(Value),
    /// UNI-PASS's answer (from it, or the cache).
    Answer(Answer),
    /// Queued: ask `GET /verify/{id}` later.
    Pending(String),
    /// No answer and none to expect by trying again.
    Error(UpstreamError),
}

impl Outcome {
    /// The `status` member.
    pub fn status(&self) -> &'static str {
        match self {
            Outcome::Invalid(_) => "invalid",
            Outcome::Answer(Answer::Matched) => "matched",
            Outcome::Answer(Answer::Mismatched { .. }) => "mismatched",
            Outcome::Pending(_) => "pending",
            Outcome::Error(_) => "error",
        }
    }

    /// The JSON answer. Messages come in both languages (`{"ko","en"}`), except the format check's, which are in
    /// `locale` exactly as the recipient check gives them.
    pub fn to_json(&self) -> Value {
        match self {
            Outcome::Invalid(report) => {
                let mut v = json!({ "status": "invalid" });
                if let (Some(out), Some(report)) = (v.as_object_mut(), report.as_object()) {
                    out.extend(report.iter().map(|(k, v)| (k.clone(), v.clone())));
                }
                v
            }
            Outcome::Answer(answer) => answer_json(answer),
            Outcome::Pending(id) => json!({ "status": "pending", "id": id, "poll": format!("/verify/{id}") }),
            Outcome::Error(e) => error_json(*e),
        }
    }
}

fn messages(ko: &str, en: &str) -> Value {
    json!({ "ko": ko, "en": en })
}

/// `{"status":"matched"}` or `{"status":"mismatched","reasons":[{"code","message":{"ko","en"}}]}`.
pub fn answer_json(answer: &Answer) -> Value {
    match answer {
        Answer::Matched => json!({ "status": "matched" }),
        Answer::Mismatched { reasons } => {
            let reasons: Vec<Value> = reasons
                .iter()
                .map(|r: &Reason| {
                    json!({ "code": r.code(), "message": messages(r.message(Locale::Ko), r.message(Locale::En)) })
                })
                .collect();
            json!({ "status": "mismatched", "reasons": reasons })
        }
    }
}

/// `{"status":"error","error":{"code","message":{"ko","en"}}}`.
pub fn error_json(e: UpstreamError) -> Value {
    json!({ "status": "error", "error": { "code": e.code(), "message": messages(e.message(Locale::Ko), e.message(Locale::En)) } })
}

/// Why a call was not made or gave no answer.
#[derive(Clone, Copy, Debug)]
enum CallError {
    BreakerOpen,
    Busy,
    Upstream(UpstreamError),
}

/// A check as received: any of the strings may be malformed.
#[derive(Clone, Default, serde::Deserialize)]
pub struct VerifyRequest {
    /// The name.
    pub name: String,
    /// The PCCC.
    pub pccc: String,
    /// The mobile number.
    pub phone: String,
    /// The postcode; absent or empty when the order has none.
    #[serde(default)]
    pub postcode: Option<String>,
}

impl std::fmt::Debug for VerifyRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("VerifyRequest").finish_non_exhaustive()
    }
}

/// Checks the format with the library. `Ok` with the canonical fields, or `Err` with the recipient check's JSON.
/// Without a postcode, the postcode is left out of the check and of the JSON.
pub fn check_format(request: &VerifyRequest, locale: Locale) -> Result<Fields, Value> {
    let postcode = request.postcode.as_deref().filter(|p| !p.trim().is_empty());
    let input = RecipientInput {
        name: &request.name,
        pccc: &request.pccc,
        phone: &request.phone,
        postcode: postcode.unwrap_or(""),
    };
    let report = check_recipient(&input);
    let mut json = serde_json::to_value(Localized::new(&report, locale)).unwrap_or(Value::Null);
    let Some(fields) = json.get_mut("fields").and_then(Value::as_object_mut) else {
        return Err(json);
    };
    if postcode.is_none() {
        fields.remove("postcode");
    }
    let valid = fields.values().all(|f| f.get("valid") == Some(&Value::Bool(true)));
    let value = |name: &str| fields.get(name).and_then(|f| f.get("value")).and_then(Value::as_str).map(str::to_owned);
    if valid {
        if let (Some(name), Some(pccc), Some(phone)) = (value("name"), value("pccc"), value("phone")) {
            return Ok(Fields { name, pccc, phone, postcode: value("postcode") });
        }
    }
    json["valid"] = Value::Bool(false);
    Err(json)
}

/// The gateway. Share it in an `Arc`; [`crate::router`] serves it.
#[derive(Debug)]
pub struct Gateway {
    client: Client,
    cache: Cache<CacheKey, Answer>,
    secret: Secret,
    store: Arc<dyn PendingStore>,
    breaker: Breaker,
    permits: Semaphore,
    limiter: DefaultDirectRateLimiter,
    budget: TpsBudget,
    webhook: Option<(Url, reqwest::Client)>,
    limits: Limits,
    /// The counters of `/metrics`.
    pub metrics: Metrics,
}

/// Per-entry expiry: a match lives `match_ttl`, a mismatch `mismatch_ttl`.
struct Ttl(Duration, Duration);

impl moka::Expiry<CacheKey, Answer> for Ttl {
    fn expire_after_create(&self, _: &CacheKey, value: &Answer, _: Instant) -> Option<Duration> {
        Some(match value {
            Answer::Matched => self.0,
            Answer::Mismatched { .. } => self.1,
        })
    }
}

impl Gateway {
    /// Opens the data directory (creating it), the queue and the client.
    pub async fn new(config: Config) -> Result<Gateway, String> {
        std::fs::create_dir_all(&config.data_dir)
            .map_err(|e| format!("cannot create the data directory {}: {e}", config.data_dir.display()))?;
        let secret = Secret::load_or_create(&config.data_dir)
            .map_err(|e| format!("cannot read or write the cache key's secret: {e}"))?;
        let store: Arc<dyn PendingStore> = match &config.database_url {
            Some(url) => Arc::new(PostgresStore::connect(url).await.map_err(|e| e.to_string())?),
            None => Arc::new(SqliteStore::open(&config.data_dir).await.map_err(|e| e.to_string())?),
        };
        Gateway::with_store(config, secret, store)
    }

    /// A gateway over a given queue and secret (tests, or an embedding app with its own store).
    pub fn with_store(config: Config, secret: Secret, store: Arc<dyn PendingStore>) -> Result<Gateway, String> {
        let limits = config.limits;
        let client = Client::new(&config.base_url, config.key, limits.timeout, limits.max_upstream_body)?;
        let rate = NonZeroU32::new(limits.rate_per_second.max(1)).unwrap_or(NonZeroU32::MIN);
        let webhook = match config.webhook {
            Some(url) => {
                crate::install_crypto_provider();
                let http = reqwest::Client::builder()
                    .timeout(Duration::from_secs(5))
                    .redirect(reqwest::redirect::Policy::none())
                    .build()
                    .map_err(|_| "the webhook's HTTP client could not be built".to_owned())?;
                Some((url, http))
            }
            None => None,
        };
        Ok(Gateway {
            client,
            cache: Cache::builder()
                .max_capacity(limits.cache_capacity)
                .expire_after(Ttl(limits.match_ttl, limits.mismatch_ttl))
                .build(),
            secret,
            store,
            breaker: Breaker::new(limits.breaker_failures, limits.breaker_slow, limits.breaker_cooldown),
            permits: Semaphore::new(limits.concurrency.max(1)),
            limiter: RateLimiter::direct(Quota::per_second(rate)),
            budget: TpsBudget::new(Duration::from_secs(10), 1, limits.retry_ratio),
            webhook,
            limits,
            metrics: Metrics::default(),
        })
    }

    /// The breaker's state.
    pub fn breaker_state(&self) -> crate::breaker::State {
        self.breaker.state()
    }

    /// The Prometheus text of `/metrics`.
    pub async fn render_metrics(&self) -> String {
        let depth = self.store.depth().await.ok();
        self.metrics.render(self.breaker.state(), self.breaker.times_opened(), depth)
    }

    /// Whether the queue answers (for `/healthz`).
    pub async fn healthy(&self) -> Result<u64, StoreError> {
        self.store.depth().await
    }

    /// Where the queued check `id` stands: its JSON answer, or `None` when unknown.
    pub async fn status(&self, id: &str) -> Result<Option<Value>, StoreError> {
        Ok(match self.store.status(id).await? {
            None => None,
            Some(JobStatus::Pending) => Some(Outcome::Pending(id.to_owned()).to_json()),
            Some(JobStatus::Done(json)) => {
                let mut v: Value = serde_json::from_str(&json).unwrap_or(Value::Null);
                if let Some(o) = v.as_object_mut() {
                    o.insert("id".into(), Value::String(id.to_owned()));
                }
                Some(v)
            }
        })
    }

    /// Checks a recipient: the format, then the cache, then UNI-PASS (or the queue).
    pub async fn verify(&self, request: &VerifyRequest, locale: Locale) -> Result<Outcome, StoreError> {
        let fields = match check_format(request, locale) {
            Ok(fields) => fields,
            Err(report) => return Ok(Outcome::Invalid(report)),
        };
        let key = self.secret.key(&fields);
        if let Some(answer) = self.cache.get(&key).await {
            self.metrics.cache_hits.fetch_add(1, Relaxed);
            return Ok(Outcome::Answer(answer));
        }
        self.metrics.cache_misses.fetch_add(1, Relaxed);
        if self.breaker.state() == crate::breaker::State::Open {
            return self.enqueue(&key, &fields).await;
        }
        match self.lookup(key, &fields).await {
            Ok(answer) => Ok(Outcome::Answer(answer)),
            Err(CallError::Upstream(e)) if !e.is_transient() => Ok(Outcome::Error(e)),
            Err(_) => self.enqueue(&key, &fields).await,
        }
    }

    async fn enqueue(&self, key: &CacheKey, fields: &Fields) -> Result<Outcome, StoreError> {
        let id = self.store.enqueue(key, fields).await?;
        self.metrics.queued.fetch_add(1, Relaxed);
        tracing::info!(id, "check queued");
        Ok(Outcome::Pending(id))
    }

    /// The cache's answer, or one call for all identical checks in flight (moka runs one `init` per key and hands
    /// its result to every waiter; an error is not cached).
    async fn lookup(&self, key: CacheKey, fields: &Fields) -> Result<Answer, CallError> {
        let mut ran = false;
        let result = self
            .cache
            .try_get_with(key, async {
                ran = true;
                self.call(fields).await
            })
            .await;
        if !ran {
            self.metrics.coalesced.fetch_add(1, Relaxed);
        }
        result.map_err(|e| *e)
    }

    /// Calls UNI-PASS within the breaker, the limits and the retry budget.
    async fn call(&self, fields: &Fields) -> Result<Answer, CallError> {
        let deadline = tokio::time::Instant::now() + self.limits.max_wait;
        let _permit = tokio::time::timeout_at(deadline, self.permits.acquire())
            .await
            .map_err(|_| CallError::Busy)?
            .map_err(|_| CallError::Busy)?;
        self.budget.deposit();
        let mut attempt = 0;
        loop {
            let ticket = self.breaker.try_call().ok_or(CallError::BreakerOpen)?;
            if attempt == 0 {
                tokio::time::timeout_at(deadline, self.limiter.until_ready()).await.map_err(|_| CallError::Busy)?;
            } else if self.limiter.check().is_err() {
                // No rate left for a retry now: the queue will try again.
                return Err(CallError::Busy);
            }
            let start = Instant::now();
            let result = self.client.verify(fields).await;
            let elapsed = start.elapsed();
            self.metrics.upstream_calls.fetch_add(1, Relaxed);
            self.metrics.upstream_latency.observe(elapsed);
            let answered = !matches!(&result, Err(e) if e.is_transient());
            self.breaker.record(ticket, answered, elapsed);
            match result {
                Ok(answer) => return Ok(answer),
                Err(e) => {
                    self.metrics.upstream_failures.fetch_add(1, Relaxed);
                    tracing::info!(error = %e, attempt, "UNI-PASS call failed");
                    attempt += 1;
                    if !e.is_transient() || attempt >= self.limits.attempts || !self.budget.withdraw() {
                        return Err(CallError::Upstream(e));
                    }
                    self.metrics.retries.fetch_add(1, Relaxed);
                    let backoff = self.limits.backoff * 2u32.saturating_pow(attempt - 1);
                    let jitter = rand::rng().random_range(0.5..1.5);
                    tokio::time::sleep(backoff.mul_f64(jitter)).await;
                }
            }
        }
    }

    /// Runs the queue: every `worker_interval`, while the breaker lets calls through, claims due checks and resolves
    /// them. Runs until the task is dropped.
    pub async fn run_worker(self: Arc<Self>) {
        let mut interval = tokio::time::interval(self.limits.worker_interval);
        interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            interval.tick().await;
            if self.breaker.state() == crate::breaker::State::Open {
                continue;
            }
            let batch = (self.limits.concurrency * 2).max(1) as u32;
            // Long enough for the slowest resolution (waiting for a call, every attempt, the backoffs), short enough
            // that a crashed instance's claims soon go to another.
            let lease = self.limits.max_wait
                + self.limits.timeout * self.limits.attempts
                + self.limits.backoff * 2u32.saturating_pow(self.limits.attempts.min(8))
                + Duration::from_secs(5);
            let jobs = match self.store.claim(batch, lease).await {
                Ok(jobs) => jobs,
                Err(e) => {
                    tracing::warn!(error = %e, "cannot read the queue");
                    continue;
                }
            };
            let mut set = tokio::task::JoinSet::new();
            for job in jobs {
                let gateway = self.clone();
                set.spawn(async move { gateway.resolve(job).await });
            }
            while set.join_next().await.is_some() {}
        }
    }

    async fn resolve(&self, job: crate::store::Job) {
        let result = match self.cache.get(&job.key).await {
            Some(answer) => Ok(answer),
            None => self.lookup(job.key, &job.fields).await,
        };
        let outcome = match result {
            Ok(answer) => Outcome::Answer(answer),
            Err(CallError::Upstream(e)) if !e.is_transient() => Outcome::Error(e),
            Err(e) => {
                // UNI-PASS failed again: back off, longer each time (up to a minute). The call was not made (the
                // breaker, or no free call): try again soon, so that the queue drains as soon as UNI-PASS is back.
                let delay = match e {
                    CallError::Upstream(_) => {
                        (self.limits.backoff * 2u32.saturating_pow(job.attempts.min(8))).min(Duration::from_secs(60))
                    }
                    CallError::BreakerOpen | CallError::Busy => self.limits.worker_interval,
                };
                let delay = delay.mul_f64(rand::rng().random_range(0.5..1.5));
                if let Err(e) = self.store.retry_later(&job.id, delay).await {
                    tracing::warn!(error = %e, "cannot reschedule a queued check");
                }
                return;
            }
        };
        let json = outcome.to_json();
        if let Err(e) = self.store.complete(&job.id, &json.to_string()).await {
            tracing::warn!(error = %e, "cannot store a queued check's answer");
            return;
        }
        self.metrics.resolved.fetch_add(1, Relaxed);
        tracing::info!(id = job.id, status = outcome.status(), "queued check resolved");
        if let Some((url, http)) = &self.webhook {
            let mut body = json;
            body["id"] = Value::String(job.id.clone());
            let mut delivered = false;
            for attempt in 0..3u32 {
                match http.post(url.clone()).json(&body).send().await {
                    Ok(r) if r.status().is_success() => {
                        delivered = true;
                        break;
                    }
                    _ => tokio::time::sleep(Duration::from_millis(500) * 2u32.pow(attempt)).await,
                }
            }
            if !delivered {
                self.metrics.webhook_failures.fetch_add(1, Relaxed);
                tracing::warn!(id = job.id, "webhook not delivered");
            }
        }
    }
}
