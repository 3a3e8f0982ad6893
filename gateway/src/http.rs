//! The HTTP API: `POST /verify`, `GET /verify/{id}` (both behind the bearer tokens when `--tokens` is given),
//! `GET /healthz`, `GET /metrics`.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Instant;

use axum::body::Bytes;
use axum::extract::{ConnectInfo, DefaultBodyLimit, Path, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Extension, Json, Router};
use pccc_guard::Locale;
use serde_json::json;

use crate::gateway::{Gateway, Outcome, VerifyError, VerifyOptions, VerifyRequest};
use crate::priority::Priority;

/// The largest request body accepted: a check is a few hundred bytes.
pub const BODY_LIMIT: usize = 16 * 1024;

/// Who sent a request: its token's client id, or (without `--tokens`) its address.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Client(pub String);

/// The gateway's routes, with the body limit, the bearer tokens (when configured) on `/verify`, and a request log
/// that never holds a value. Nest or merge it into an axum app, or serve it alone (with
/// `into_make_service_with_connect_info::<SocketAddr>()` for per-address limits); the worker
/// ([`Gateway::run_worker`]) is spawned separately.
pub fn router(gateway: Arc<Gateway>) -> Router {
    let checks = Router::new()
        .route("/verify", post(verify))
        .route("/verify/{id}", get(status))
        .route_layer(middleware::from_fn_with_state(gateway.clone(), authenticate));
    Router::new()
        .merge(checks)
        .route("/healthz", get(healthz))
        .route("/metrics", get(metrics))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(middleware::from_fn(log_request))
        .with_state(gateway)
}

/// With `--tokens`, lets a request through only with `Authorization: Bearer TOKEN` of a known client; either way,
/// names the client for the handlers and the log.
async fn authenticate(State(gateway): State<Arc<Gateway>>, mut request: Request, next: Next) -> Response {
    let client = match gateway.tokens() {
        Some(tokens) => {
            let presented = request
                .headers()
                .get(header::AUTHORIZATION)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.split_once(' '))
                .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
                .map(|(_, token)| token.trim());
            match presented.and_then(|t| tokens.client(t)) {
                Some(client) => client.to_owned(),
                None => {
                    gateway.metrics.refusal("unauthorized");
                    let mut response = problem(
                        StatusCode::UNAUTHORIZED,
                        "unauthorized",
                        "send Authorization: Bearer with a token the gateway knows",
                    );
                    response.headers_mut().insert(
                        header::WWW_AUTHENTICATE,
                        HeaderValue::from_static("Bearer realm=\"pccc-guard-gateway\""),
                    );
                    return response;
                }
            }
        }
        None => match request.extensions().get::<ConnectInfo<SocketAddr>>() {
            Some(ConnectInfo(addr)) => addr.ip().to_string(),
            None => "-".to_owned(),
        },
    };
    let authenticated = gateway.tokens().is_some();
    request.extensions_mut().insert(Client(client.clone()));
    let mut response = next.run(request).await;
    if authenticated {
        // For the request log: the client id, never the token.
        response.extensions_mut().insert(Client(client));
    }
    response
}

async fn verify(
    State(gateway): State<Arc<Gateway>>,
    Extension(Client(client)): Extension<Client>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let start = Instant::now();
    if gateway.tokens().is_some() {
        gateway.metrics.client_request(&client);
    }
    if let Some(limiter) = &gateway.client_rate {
        if limiter.check_key(&client).is_err() {
            gateway.metrics.refusal("too_many_requests");
            let mut response =
                problem(StatusCode::TOO_MANY_REQUESTS, "too_many_requests", "this client is over its --client-rate");
            response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
            return response;
        }
    }
    let request = match parse(&headers, &body) {
        Ok(request) => request,
        Err(response) => return response,
    };
    let options = VerifyOptions { locale: locale(&headers), fresh: no_cache(&headers), priority: priority(&headers) };
    let outcome = match gateway.verify(&request, options).await {
        Ok(outcome) => outcome,
        Err(e) => {
            let (status, code, message) = match &e {
                VerifyError::TooManyAttempts => (
                    StatusCode::TOO_MANY_REQUESTS,
                    "too_many_attempts",
                    "too many different details were tried for this code or this name and phone within the hour",
                ),
                VerifyError::QueueFull => {
                    (StatusCode::SERVICE_UNAVAILABLE, "queue_full", "the pending queue is full: try again later")
                }
                VerifyError::Store(e) => {
                    tracing::error!(error = %e, "queue unavailable");
                    (StatusCode::SERVICE_UNAVAILABLE, "queue_unavailable", "the pending queue cannot be written")
                }
            };
            gateway.metrics.refusal(code);
            return problem(status, code, message);
        }
    };
    let status = match &outcome {
        Outcome::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
        Outcome::Answer(_) => StatusCode::OK,
        Outcome::Pending(_) => StatusCode::ACCEPTED,
    };
    gateway.metrics.answer(outcome.status(), start.elapsed());
    let mut response = (status, Json(outcome.to_json())).into_response();
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if let Outcome::Pending(id) = &outcome {
        if let Ok(location) = format!("/verify/{id}").parse() {
            response.headers_mut().insert(header::LOCATION, location);
        }
    }
    response
}

async fn status(State(gateway): State<Arc<Gateway>>, Path(id): Path<String>) -> Response {
    let unknown = || problem(StatusCode::NOT_FOUND, "unknown_id", "no check with this id (or it expired)");
    if id.len() != 32 || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
        return unknown();
    }
    match gateway.status(&id).await {
        Ok(Some(json)) => {
            let code = if json["status"] == "pending" { StatusCode::ACCEPTED } else { StatusCode::OK };
            let mut response = (code, Json(json)).into_response();
            response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            response
        }
        Ok(None) => unknown(),
        Err(e) => {
            tracing::error!(error = %e, "queue unavailable");
            problem(StatusCode::SERVICE_UNAVAILABLE, "queue_unavailable", "the pending queue cannot be read")
        }
    }
}

async fn healthz(State(gateway): State<Arc<Gateway>>) -> Response {
    let breaker = format!("{:?}", gateway.breaker_state()).to_lowercase();
    let upstream = if gateway.upstream().refused() { "refused" } else { "ok" };
    match gateway.healthy().await {
        Ok(depth) => {
            let status = if upstream == "ok" { "ok" } else { "degraded" };
            Json(json!({ "status": status, "breaker": breaker, "upstream": upstream, "queue_depth": depth }))
                .into_response()
        }
        Err(_) => (
            StatusCode::SERVICE_UNAVAILABLE,
            Json(json!({ "status": "queue_unavailable", "breaker": breaker, "upstream": upstream })),
        )
            .into_response(),
    }
}

async fn metrics(State(gateway): State<Arc<Gateway>>) -> Response {
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4")], gateway.render_metrics().await).into_response()
}

/// The request's priority: RFC 9218's `Priority` header (urgency 4 to 7: background); interactive without one.
fn priority(headers: &HeaderMap) -> Priority {
    let values: Vec<&str> = headers.get_all("priority").iter().filter_map(|v| v.to_str().ok()).collect();
    // Several header lines are one dictionary, read in order.
    Priority::from_header(&values.join(","))
}

/// Whether the request asks for a fresh answer: `Cache-Control: no-cache` (or `max-age=0`), or `Pragma: no-cache`.
fn no_cache(headers: &HeaderMap) -> bool {
    let directives = |name| {
        headers
            .get_all(name)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(|d| d.trim().to_ascii_lowercase())
            .collect::<Vec<_>>()
    };
    directives(header::CACHE_CONTROL).iter().any(|d| d == "no-cache" || d.starts_with("no-cache=") || d == "max-age=0")
        || directives(header::PRAGMA).iter().any(|d| d == "no-cache")
}

/// Reads the JSON body. Errors say where the JSON broke or which member is missing, never what was sent.
#[allow(clippy::result_large_err)] // one per request, returned straight to axum
fn parse(headers: &HeaderMap, body: &[u8]) -> Result<VerifyRequest, Response> {
    let media = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|v| v.split(';').next().unwrap_or("").trim().to_ascii_lowercase());
    if media.as_deref() != Some("application/json") {
        return Err(problem(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "send the check as application/json",
        ));
    }
    serde_json::from_slice(body).map_err(|e| {
        use serde_json::error::Category;
        let message = match e.classify() {
            Category::Syntax | Category::Eof | Category::Io => {
                format!("the body is not JSON (line {}, column {})", e.line(), e.column())
            }
            Category::Data => {
                let text = e.to_string();
                match text.strip_prefix("missing field `").and_then(|t| t.split('`').next()) {
                    Some(field) => format!("the member \"{field}\" is missing"),
                    None => "name, pccc and phone (and postcode, when given) must be strings in a JSON object".into(),
                }
            }
        };
        problem(StatusCode::BAD_REQUEST, "malformed_json", &message)
    })
}

/// The language of the format check's messages: English when `Accept-Language` starts with English, else Korean.
fn locale(headers: &HeaderMap) -> Locale {
    let first = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(',').next())
        .map(|tag| tag.split(';').next().unwrap_or("").trim());
    match first.and_then(Locale::from_tag) {
        Some(Locale::En) => Locale::En,
        _ => Locale::Ko,
    }
}

/// An error about the request itself: `{"error":{"code","message"}}`.
fn problem(status: StatusCode, code: &str, message: &str) -> Response {
    tracing::info!(code, "request refused");
    (status, Json(json!({ "error": { "code": code, "message": message } }))).into_response()
}

/// Logs each request: method, path (a pending id is not personal), client id (with tokens), status and time;
/// nothing from the body and never a token.
async fn log_request(request: Request, next: Next) -> Response {
    let (method, path) = (request.method().clone(), request.uri().path().to_owned());
    let start = Instant::now();
    let mut response = next.run(request).await;
    if response.status() == StatusCode::PAYLOAD_TOO_LARGE {
        // axum's own answer is plain text; keep every error in one JSON shape.
        let message = format!("the body is over the limit of {BODY_LIMIT} bytes");
        response =
            (StatusCode::PAYLOAD_TOO_LARGE, Json(json!({ "error": { "code": "body_too_large", "message": message } })))
                .into_response();
    }
    let client = response.extensions().get::<Client>().map(|c| c.0.clone());
    tracing::info!(%method, path, client, status = response.status().as_u16(), micros = start.elapsed().as_micros() as u64, "request");
    response
}
