//! The two ways to UNI-PASS, one set of replies: a running pccc-guard-gateway (`--gateway`, each check sent as
//! background work with `Priority: u=7`), or UNI-PASS itself through the gateway library's client with its limits,
//! retry budget and breaker ([`Upstream`]): no second UNI-PASS client.

use std::time::Duration;

use pccc_guard_gateway::unipass::{Answer, ApiKey, Fields, DEFAULT_BASE_URL};
use pccc_guard_gateway::upstream::{CallError, Upstream};
use pccc_guard_gateway::{Limits, Priority};
use serde_json::Value;

/// What became of one request about a check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reply {
    /// UNI-PASS's answer: matched (no reasons), or mismatched with its reason codes.
    Answer { matched: bool, reasons: Vec<String> },
    /// The gateway holds the check, under this id: ask for it later.
    Held(String),
    /// The gateway found a format error (`field.code` each): this tool's rules and the gateway's differ.
    Invalid(Vec<String>),
    /// Refused for this check (`too_many_attempts`, `unresolved`, …): asking again now will not help.
    Refused(String),
    /// The gateway no longer knows the id: send the check again.
    Forgotten,
    /// No answer now (UNI-PASS or the gateway down, busy, refusing the key): try again, after this long if given.
    Later(Option<Duration>),
}

/// A failure that stops the whole run (exit status 2).
#[derive(Debug)]
pub struct Fatal(pub String);

/// Where checks go.
pub enum Backend {
    Gateway(Gateway),
    Direct { upstream: Box<Upstream>, base: String },
}

/// A pccc-guard-gateway's HTTP API.
pub struct Gateway {
    http: reqwest::Client,
    base: String,
    token: Option<String>,
}

/// How long a direct call may wait for its turn (the tool is the key's only user in this process).
const DIRECT_MAX_WAIT: Duration = Duration::from_secs(60);

impl Backend {
    /// Through the gateway at `url` (its bearer token, if any).
    pub fn gateway(url: &str, token: Option<String>) -> Result<Backend, String> {
        let base = url.trim_end_matches('/').to_owned();
        let parsed = reqwest::Url::parse(&base).map_err(|_| format!("--gateway: {url:?} is not a URL"))?;
        if !matches!(parsed.scheme(), "http" | "https") {
            return Err(format!("--gateway: {url:?} is not an http or https URL"));
        }
        pccc_guard_gateway::install_crypto_provider();
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(30))
            .connect_timeout(Duration::from_secs(5))
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!("pccc-guard-verify/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|_| "the HTTP client could not be built (TLS set-up)".to_owned())?;
        Ok(Backend::Gateway(Gateway { http, base, token }))
    }

    /// UNI-PASS itself, from `UNIPASS_BASE_URL` (the real host by default) and `UNIPASS_KEY` or `UNIPASS_KEY_FILE`,
    /// with the gateway's limits at `rate` calls a second and `concurrency` at once.
    pub fn direct(rate: u32, concurrency: usize) -> Result<Backend, String> {
        let base = std::env::var("UNIPASS_BASE_URL").unwrap_or_else(|_| DEFAULT_BASE_URL.to_owned());
        let url: reqwest::Url = base.parse().map_err(|_| format!("UNIPASS_BASE_URL: {base:?} is not a URL"))?;
        let key = ApiKey::from_env()?;
        let limits = Limits { rate_per_second: rate, concurrency, max_wait: DIRECT_MAX_WAIT, ..Limits::default() };
        Ok(Backend::Direct { upstream: Box::new(Upstream::new(&url, key, &limits)?), base })
    }

    /// Where checks go, for the state (a gateway's pending ids belong to it) and messages.
    pub fn label(&self) -> &str {
        match self {
            Backend::Gateway(g) => &g.base,
            Backend::Direct { base, .. } => base,
        }
    }

    /// Whether UNI-PASS refuses the key (direct only; a gateway says so in its /healthz).
    pub fn refused(&self) -> bool {
        matches!(self, Backend::Direct { upstream, .. } if upstream.refused())
    }

    /// Sends a check.
    pub async fn ask(&self, fields: &Fields) -> Result<Reply, Fatal> {
        match self {
            Backend::Gateway(gateway) => gateway.ask(fields).await,
            Backend::Direct { upstream, .. } => Ok(match upstream.call(fields, DIRECT_MAX_WAIT).await {
                Ok(answer) => answer_reply(&answer),
                // UNI-PASS failed, or the breaker holds calls back: asked again in the next round.
                Err(CallError::BreakerOpen | CallError::Busy | CallError::Upstream(_)) => Later(None),
            }),
        }
    }

    /// Asks a gateway for a check it holds.
    pub async fn poll(&self, id: &str) -> Result<Reply, Fatal> {
        match self {
            Backend::Gateway(gateway) => gateway.poll(id).await,
            Backend::Direct { .. } => Ok(Reply::Forgotten),
        }
    }
}

use Reply::Later;

fn answer_reply(answer: &Answer) -> Reply {
    match answer {
        Answer::Matched => Reply::Answer { matched: true, reasons: Vec::new() },
        Answer::Mismatched { reasons } => {
            Reply::Answer { matched: false, reasons: reasons.iter().map(|r| r.code().to_owned()).collect() }
        }
    }
}

/// The reply of a gateway's JSON answer with a final status (`matched`, `mismatched`, `error`).
fn final_reply(body: &Value) -> Option<Reply> {
    match body["status"].as_str()? {
        "matched" => Some(Reply::Answer { matched: true, reasons: Vec::new() }),
        "mismatched" => {
            let reasons = body["reasons"].as_array()?.iter().map(|r| r["code"].as_str().map(str::to_owned));
            Some(Reply::Answer { matched: false, reasons: reasons.collect::<Option<Vec<_>>>()? })
        }
        "error" => Some(Reply::Refused(body["error"]["code"].as_str().unwrap_or("error").to_owned())),
        _ => None,
    }
}

/// The code of a gateway's `{"error":{"code",…}}`.
fn error_code(body: &Value) -> Option<&str> {
    body["error"]["code"].as_str()
}

fn retry_after(response: &reqwest::Response) -> Option<Duration> {
    let seconds: u64 = response.headers().get("retry-after")?.to_str().ok()?.trim().parse().ok()?;
    Some(Duration::from_secs(seconds.min(60)))
}

impl Gateway {
    fn authorized(&self, request: reqwest::RequestBuilder) -> reqwest::RequestBuilder {
        let request = request.header("priority", Priority::Background.header_value());
        match &self.token {
            Some(token) => request.bearer_auth(token),
            None => request,
        }
    }

    fn unauthorized(&self) -> Fatal {
        Fatal(format!(
            "the gateway {} refused the token (401 unauthorized): give its token with --token-file or \
             PCCC_GATEWAY_TOKEN",
            self.base
        ))
    }

    async fn ask(&self, fields: &Fields) -> Result<Reply, Fatal> {
        // The gateway's request is the fields' JSON (name, pccc, phone, postcode).
        let request = self.authorized(self.http.post(format!("{}/verify", self.base)).json(fields));
        let Ok(response) = request.send().await else { return Ok(Later(None)) };
        let status = response.status().as_u16();
        let wait = retry_after(&response);
        let body: Value = response.json().await.unwrap_or(Value::Null);
        Ok(match status {
            200 => final_reply(&body).unwrap_or(Later(None)),
            202 => match body["id"].as_str() {
                Some(id) => Reply::Held(id.to_owned()),
                None => Later(None),
            },
            422 => Reply::Invalid(invalid_fields(&body)),
            401 => return Err(self.unauthorized()),
            429 if error_code(&body) == Some("too_many_attempts") => Reply::Refused("too_many_attempts".into()),
            429 => Later(Some(wait.unwrap_or(Duration::from_secs(1)))),
            // The queue is full or unreachable, or the gateway (or a proxy before it) failed: later.
            500..=599 => Later(wait),
            _ => Reply::Refused(error_code(&body).map_or_else(|| format!("http_{status}"), str::to_owned)),
        })
    }

    async fn poll(&self, id: &str) -> Result<Reply, Fatal> {
        let request = self.authorized(self.http.get(format!("{}/verify/{id}", self.base)));
        let Ok(response) = request.send().await else { return Ok(Later(None)) };
        let status = response.status().as_u16();
        let body: Value = response.json().await.unwrap_or(Value::Null);
        Ok(match status {
            200 => final_reply(&body).unwrap_or(Later(None)),
            202 => Reply::Held(id.to_owned()),
            404 => Reply::Forgotten,
            401 => return Err(self.unauthorized()),
            _ => Later(None),
        })
    }
}

/// The field error codes of a gateway's `invalid` answer (`field.code`).
fn invalid_fields(body: &Value) -> Vec<String> {
    let Some(fields) = body["fields"].as_object() else { return vec!["invalid".into()] };
    fields
        .iter()
        .filter(|(_, f)| f["valid"] == false)
        .map(|(name, f)| format!("{name}.{}", f["error"]["code"].as_str().unwrap_or("invalid")))
        .collect()
}
