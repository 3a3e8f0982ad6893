//! The gateway: the format check, the per-identity attempt limits, the cache, the coalescing of identical checks in
//! flight, and UNI-PASS behind its limits ([`crate::upstream`]); checks without an answer go to the durable queue,
//! which the worker ([`Gateway::run_worker`]) resolves once UNI-PASS answers.

use std::collections::HashMap;
use std::num::NonZeroU32;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use futures_util::future::{BoxFuture, FutureExt};
use governor::clock::DefaultClock;
use governor::state::keyed::HashMapStateStore;
use governor::{Quota, RateLimiter};
use moka::future::Cache;
use pccc_guard::{check_recipient, Locale, Localized, RecipientInput};
use serde_json::{json, Value};
use url::Url;

use crate::auth::Tokens;
use crate::breaker::State;
use crate::cachekey::{CacheKey, Secret};
use crate::identity::IdentityKey;
pub use crate::limits::Limits;
use crate::metrics::Metrics;
use crate::priority::{Priority, Shared};
use crate::seal::KeyRing;
use crate::store::{now_ms, Enqueued, JobStatus, Store, StoreError};
use crate::unipass::{Answer, ApiKey, Fields, Reason};
use crate::upstream::{CallError, Upstream};

/// Everything the gateway needs to start.
#[derive(Clone, Debug)]
pub struct Config {
    /// UNI-PASS's base URL ([`crate::unipass::DEFAULT_BASE_URL`] for the real one).
    pub base_url: Url,
    /// The API028 key.
    pub key: ApiKey,
    /// The data directory: the cache key's secret, the queue's key, and the SQLite queue unless `database_url` is
    /// set.
    pub data_dir: PathBuf,
    /// A PostgreSQL URL for a queue shared by several instances.
    pub database_url: Option<String>,
    /// A URL that receives `POST {"id", "status", …}` when a pending check is resolved.
    pub webhook: Option<Url>,
    /// The clients and their bearer tokens; `None`: no authentication (loopback, or behind the app's own).
    pub tokens: Option<Tokens>,
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
}

impl Outcome {
    /// The `status` member.
    pub fn status(&self) -> &'static str {
        match self {
            Outcome::Invalid(_) => "invalid",
            Outcome::Answer(Answer::Matched) => "matched",
            Outcome::Answer(Answer::Mismatched { .. }) => "mismatched",
            Outcome::Pending(_) => "pending",
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
        }
    }
}

/// Why a check got no outcome.
#[derive(Debug)]
pub enum VerifyError {
    /// The per-identity attempt limits refuse it: nothing was sent upstream.
    TooManyAttempts,
    /// It would be queued, but the queue holds `max_pending` checks.
    QueueFull,
    /// The queue cannot be read or written.
    Store(StoreError),
}

impl From<StoreError> for VerifyError {
    fn from(e: StoreError) -> VerifyError {
        VerifyError::Store(e)
    }
}

impl std::fmt::Display for VerifyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            VerifyError::TooManyAttempts => f.write_str("too many attempts for this identity"),
            VerifyError::QueueFull => f.write_str("the pending queue is full"),
            VerifyError::Store(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for VerifyError {}

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

/// The answer of a check that stayed pending past `--pending-ttl`:
/// `{"status":"error","error":{"code":"unresolved","message":{"ko","en"}}}`.
pub fn unresolved_json(ttl: Duration) -> Value {
    let hours = ttl.as_secs().div_ceil(3600).max(1);
    let en_hours = if hours == 1 { "an hour".to_owned() } else { format!("{hours} hours") };
    json!({ "status": "error", "error": { "code": "unresolved", "message": messages(
        &format!("UNI-PASS가 {hours}시간 안에 이 조회에 답하지 않았습니다. 입력한 정보는 지웠습니다. 다시 조회하세요."),
        &format!("UNI-PASS did not answer this check within {en_hours}; its details were erased. Send the check again."),
    ) } })
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

/// How a check is to be answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VerifyOptions {
    /// The language of the format check's messages.
    pub locale: Locale,
    /// Ask UNI-PASS afresh (`Cache-Control: no-cache`) and replace the cached answer, as a shop does when the
    /// order is finally submitted. Identical fresh checks in flight still share one call.
    pub fresh: bool,
    /// Interactive (a checkout waits; the default) or background (`Priority: u=4` to `u=7`): a background check's
    /// call uses only the capacity interactive ones leave, and so does its resolution if it is queued.
    pub priority: Priority,
}

impl Default for VerifyOptions {
    fn default() -> VerifyOptions {
        VerifyOptions { locale: Locale::Ko, fresh: false, priority: Priority::Interactive }
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

/// An answer in the cache, with the time its call started (milliseconds since the Unix epoch).
#[derive(Clone, Debug)]
pub(crate) struct Cached {
    pub(crate) answer: Answer,
    pub(crate) at_ms: i64,
}

/// Which answers a lookup accepts.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Fresh {
    /// The cache's, or a call in flight.
    Any,
    /// Not the cache's: a call in flight, or a new one.
    Now,
    /// Only an answer whose call started at or after this time: a queued check is never resolved by an answer
    /// older than itself.
    Since(i64),
}

impl Fresh {
    fn accepts_cached(self, at_ms: i64) -> bool {
        match self {
            Fresh::Any => true,
            Fresh::Now => false,
            Fresh::Since(t) => at_ms >= t,
        }
    }

    fn accepts_flight(self, started_ms: i64) -> bool {
        match self {
            Fresh::Any | Fresh::Now => true,
            Fresh::Since(t) => started_ms >= t,
        }
    }
}

type FlightResult = Result<Cached, CallError>;

/// One call in flight for a cache key, shared by every identical check.
struct Flight {
    id: u64,
    started_ms: i64,
    /// Raised to interactive when an interactive check joins a background call.
    priority: Arc<Shared>,
    result: futures_util::future::Shared<BoxFuture<'static, FlightResult>>,
}

type Flights = Arc<Mutex<HashMap<CacheKey, Flight>>>;

/// Removes a flight from the map when its task ends, however it ends.
struct Landed {
    flights: Flights,
    key: CacheKey,
    id: u64,
}

impl Drop for Landed {
    fn drop(&mut self) {
        let mut flights = self.flights.lock().unwrap();
        if flights.get(&self.key).is_some_and(|f| f.id == self.id) {
            flights.remove(&self.key);
        }
    }
}

/// Per-entry expiry: a match lives `match_ttl`, a mismatch `mismatch_ttl`.
struct Ttl(Duration, Duration);

impl moka::Expiry<CacheKey, Cached> for Ttl {
    fn expire_after_create(&self, _: &CacheKey, value: &Cached, _: Instant) -> Option<Duration> {
        Some(match value.answer {
            Answer::Matched => self.0,
            Answer::Mismatched { .. } => self.1,
        })
    }

    fn expire_after_update(
        &self,
        key: &CacheKey,
        value: &Cached,
        at: Instant,
        _: Option<Duration>,
    ) -> Option<Duration> {
        self.expire_after_create(key, value, at)
    }
}

/// The per-client rate of `POST /verify` (`--client-rate`), keyed by client id or address.
pub(crate) type ClientRate = RateLimiter<String, HashMapStateStore<String>, DefaultClock>;

/// The gateway. Share it in an `Arc`; [`crate::router`] serves it and [`Gateway::run_worker`] runs its queue.
#[derive(Debug)]
pub struct Gateway {
    pub(crate) upstream: Arc<Upstream>,
    pub(crate) cache: Cache<CacheKey, Cached>,
    flights: Flights,
    flight_ids: AtomicU64,
    pub(crate) secret: Secret,
    pub(crate) keys: KeyRing,
    identity: IdentityKey,
    pub(crate) store: Store,
    pub(crate) webhook: Option<(Url, reqwest::Client)>,
    pub(crate) tokens: Option<Tokens>,
    pub(crate) client_rate: Option<ClientRate>,
    pub(crate) limits: Limits,
    /// The counters of `/metrics`.
    pub metrics: Metrics,
}

impl std::fmt::Debug for Flight {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Flight").field("id", &self.id).field("started_ms", &self.started_ms).finish()
    }
}

impl Gateway {
    /// Opens the data directory (creating it, private), its keys, the queue (moving a first-version queue into the
    /// sealed one) and the client.
    pub async fn new(config: Config) -> Result<Gateway, String> {
        crate::datadir::prepare(&config.data_dir)
            .map_err(|e| format!("cannot use the data directory {}: {e}", config.data_dir.display()))?;
        let secret = Secret::load_or_create(&config.data_dir)
            .map_err(|e| format!("cannot read or write the cache key's secret: {e}"))?;
        let keys = KeyRing::load_or_create(&config.data_dir).map_err(|e| e.to_string())?;
        let store = match &config.database_url {
            Some(url) => {
                let options = crate::store::postgres::options(url).map_err(|e| e.to_string())?;
                if crate::store::postgres::plain_text_over_network(&options) {
                    tracing::warn!(
                        "the PostgreSQL queue may be reached in plain text over the network: \
                         set sslmode=require (or verify-full) in the database URL"
                    );
                }
                Store::connect_postgres(options).await.map_err(|e| e.to_string())?
            }
            None => Store::open_sqlite(&config.data_dir).await.map_err(|e| e.to_string())?,
        };
        let moved = store
            .migrate_v1(|id, fields| keys.seal(id, fields).map_err(|e| e.to_string()))
            .await
            .map_err(|e| e.to_string())?;
        if moved > 0 {
            tracing::info!(checks = moved, "the queue of a previous version was moved into the sealed queue");
        }
        Gateway::with_store(config, secret, keys, store)
    }

    /// A gateway over a given queue and keys (tests, or an embedding app that opens its own store).
    pub fn with_store(config: Config, secret: Secret, keys: KeyRing, store: Store) -> Result<Gateway, String> {
        let limits = config.limits;
        let upstream = Arc::new(Upstream::new(&config.base_url, config.key, &limits)?);
        let webhook = match config.webhook {
            Some(url) => {
                crate::install_crypto_provider();
                let http = reqwest::Client::builder()
                    .timeout(Duration::from_secs(5))
                    .redirect(reqwest::redirect::Policy::none())
                    .user_agent(concat!("pccc-guard-gateway/", env!("CARGO_PKG_VERSION")))
                    .build()
                    .map_err(|_| "the webhook's HTTP client could not be built".to_owned())?;
                Some((url, http))
            }
            None => None,
        };
        Ok(Gateway {
            upstream,
            cache: Cache::builder()
                .max_capacity(limits.cache_capacity)
                .expire_after(Ttl(limits.match_ttl, limits.mismatch_ttl))
                .build(),
            flights: Arc::default(),
            flight_ids: AtomicU64::new(0),
            secret,
            identity: keys.identity_key(),
            keys,
            store,
            webhook,
            tokens: config.tokens,
            client_rate: limits
                .client_rate
                .and_then(NonZeroU32::new)
                .map(|n| RateLimiter::hashmap(Quota::per_second(n))),
            metrics: Metrics::default(),
            limits,
        })
    }

    /// UNI-PASS with the gateway's limits, budget and breaker.
    pub fn upstream(&self) -> &Upstream {
        &self.upstream
    }

    /// The breaker's state.
    pub fn breaker_state(&self) -> State {
        self.upstream.breaker_state()
    }

    /// The clients and their tokens, when requests must carry one.
    pub fn tokens(&self) -> Option<&Tokens> {
        self.tokens.as_ref()
    }

    /// The limits and timings.
    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// The Prometheus text of `/metrics`.
    pub async fn render_metrics(&self) -> String {
        let depth = self.store.depth().await.ok();
        let backlog = if self.webhook.is_some() { self.store.webhook_backlog().await.ok() } else { None };
        self.metrics.render(&self.upstream, depth, backlog)
    }

    /// How many checks are pending, or why the queue cannot be read (for `/healthz`).
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

    /// Checks a recipient: the format, the attempt limits, then the cache (unless `options.fresh`), then UNI-PASS;
    /// without an answer from UNI-PASS (whatever the reason), the check is queued and answered `pending`.
    pub async fn verify(&self, request: &VerifyRequest, options: VerifyOptions) -> Result<Outcome, VerifyError> {
        let fields = match check_format(request, options.locale) {
            Ok(fields) => fields,
            Err(report) => return Ok(Outcome::Invalid(report)),
        };
        self.note_attempts(&fields).await?;
        let key = self.secret.key(&fields);
        if !options.fresh {
            if let Some(cached) = self.cache.get(&key).await {
                self.metrics.cache_hits.fetch_add(1, Relaxed);
                return Ok(Outcome::Answer(cached.answer));
            }
        }
        self.metrics.cache_misses.fetch_add(1, Relaxed);
        if self.upstream.breaker_state() == State::Open {
            return self.enqueue(&key, &fields, options.priority).await;
        }
        let fresh = if options.fresh { Fresh::Now } else { Fresh::Any };
        match self.lookup(key, &fields, fresh, options.priority).await {
            Ok(answer) => Ok(Outcome::Answer(answer)),
            Err(_) => self.enqueue(&key, &fields, options.priority).await,
        }
    }

    /// Notes the check's two attempts; refuses it when either limit is reached.
    async fn note_attempts(&self, fields: &Fields) -> Result<(), VerifyError> {
        let limits = self.limits.attempt_limits;
        let attempts: Vec<_> = self
            .identity
            .attempts(fields)
            .into_iter()
            .filter_map(|attempt| limits.of(attempt.scope).map(|limit| (attempt, limit)))
            .collect();
        if attempts.is_empty() {
            return Ok(());
        }
        match self.store.note_attempts(&attempts, limits.window).await? {
            None => Ok(()),
            Some(i) => {
                self.metrics.too_many_attempts.fetch_add(1, Relaxed);
                tracing::warn!(scope = ?attempts[i].0.scope, "check refused: too many attempts for one identity");
                Err(VerifyError::TooManyAttempts)
            }
        }
    }

    /// Queues a check. Background checks may fill half of `--max-pending` at most, so that a batch never leaves
    /// checkouts without a place in the queue.
    async fn enqueue(&self, key: &CacheKey, fields: &Fields, priority: Priority) -> Result<Outcome, VerifyError> {
        let id = crate::store::new_id();
        let sealed = self.keys.seal(&id, fields).map_err(|e| StoreError::new(e.to_string()))?;
        let max = match priority {
            Priority::Interactive => self.limits.max_pending,
            Priority::Background => self.limits.max_pending / 2,
        };
        match self.store.enqueue_as(key, &id, &sealed, max, priority).await? {
            Enqueued::New(id) | Enqueued::Existing(id) => {
                self.metrics.queued.fetch_add(1, Relaxed);
                tracing::info!(id, "check queued");
                Ok(Outcome::Pending(id))
            }
            Enqueued::Full => {
                self.metrics.queue_full.fetch_add(1, Relaxed);
                tracing::warn!(max = self.limits.max_pending, "check refused: the pending queue is full");
                Err(VerifyError::QueueFull)
            }
        }
    }

    /// An answer that `fresh` accepts: from the cache, from an identical call in flight, or from a new call (which
    /// every identical check arriving meanwhile shares). A new call runs in a task of its own, so that its answer
    /// reaches the cache even when the check that started it stopped waiting.
    /// A background check that joins an identical interactive call shares it; an interactive check that joins a
    /// background call still waiting for its turn raises it to interactive.
    pub(crate) async fn lookup(
        &self,
        key: CacheKey,
        fields: &Fields,
        fresh: Fresh,
        priority: Priority,
    ) -> Result<Answer, CallError> {
        loop {
            if let Some(cached) = self.cache.get(&key).await {
                if fresh.accepts_cached(cached.at_ms) {
                    return Ok(cached.answer);
                }
            }
            let (result, usable) = {
                let mut flights = self.flights.lock().unwrap();
                match flights.get(&key) {
                    Some(flight) => {
                        let usable = fresh.accepts_flight(flight.started_ms);
                        if usable {
                            self.metrics.coalesced.fetch_add(1, Relaxed);
                        }
                        if priority == Priority::Interactive && flight.priority.raise() {
                            self.upstream.wake_background();
                        }
                        (flight.result.clone(), usable)
                    }
                    None => {
                        let flight = self.start_flight(key, fields, priority);
                        let result = flight.result.clone();
                        flights.insert(key, flight);
                        (result, true)
                    }
                }
            };
            let result = result.await;
            if usable {
                return result.map(|cached| cached.answer);
            }
            // A call that started before this check was queued: its answer may be older than the check. Wait for it
            // to land, then look again.
        }
    }

    fn start_flight(&self, key: CacheKey, fields: &Fields, priority: Priority) -> Flight {
        let id = self.flight_ids.fetch_add(1, Relaxed);
        let started_ms = now_ms();
        let landed = Landed { flights: self.flights.clone(), key, id };
        let priority = Arc::new(Shared::new(priority));
        let (upstream, cache, fields, max_wait, shared) =
            (self.upstream.clone(), self.cache.clone(), fields.clone(), self.limits.max_wait, priority.clone());
        let task = tokio::spawn(async move {
            let _landed = landed;
            let result =
                upstream.call_as(&fields, max_wait, &shared).await.map(|answer| Cached { answer, at_ms: started_ms });
            if let Ok(cached) = &result {
                // A call that started earlier but answered later does not replace a newer answer.
                if cache.get(&key).await.is_none_or(|c| c.at_ms <= started_ms) {
                    cache.insert(key, cached.clone()).await;
                }
            }
            result
        });
        let result = async move { task.await.unwrap_or(Err(CallError::Busy)) }.boxed().shared();
        Flight { id, started_ms, priority, result }
    }
}
