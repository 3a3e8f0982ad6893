//! The HTTP API: `POST /verify`, `GET /verify/{id}`, `GET /healthz`, `GET /metrics`.

use std::sync::Arc;
use std::time::Instant;

use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Path, Request, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use pccc_guard::Locale;
use serde_json::json;

use crate::gateway::{Gateway, Outcome, VerifyRequest};

/// The largest request body accepted: a check is a few hundred bytes.
pub const BODY_LIMIT: usize = 16 * 1024;

/// The gateway's routes, with the body limit and a request log that never holds a value. Nest or merge it into an
/// axum app, or serve it alone; the worker ([`Gateway::run_worker`]) is spawned separately.
pub fn router(gateway: Arc<Gateway>) -> Router {
    Router::new()
        .route("/verify", post(verify))
        .route("/verify/{id}", get(status))
        .route("/healthz", get(healthz))
        .route("/metrics", get(metrics))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(middleware::from_fn(log_request))
        .with_state(gateway)
}

async fn verify(State(gateway): State<Arc<Gateway>>, headers: HeaderMap, body: Bytes) -> Response {
    let start = Instant::now();
    let request = match parse(&headers, &body) {
        Ok(request) => request,
        Err(response) => return response,
    };
    let outcome = match gateway.verify(&request, locale(&headers)).await {
        Ok(outcome) => outcome,
        Err(e) => {
            tracing::error!(error = %e, "queue unavailable");
            return problem(
                StatusCode::SERVICE_UNAVAILABLE,
                "queue_unavailable",
                "the pending queue cannot be written",
            );
        }
    };
    let status = match &outcome {
        Outcome::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
        Outcome::Answer(_) => StatusCode::OK,
        Outcome::Pending(_) => StatusCode::ACCEPTED,
        Outcome::Error(_) => StatusCode::BAD_GATEWAY,
    };
    gateway.metrics.answer(outcome.status(), start.elapsed());
    let mut response = (status, Json(outcome.to_json())).into_response();
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
            (code, Json(json)).into_response()
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
    match gateway.healthy().await {
        Ok(depth) => Json(json!({ "status": "ok", "breaker": breaker, "queue_depth": depth })).into_response(),
        Err(_) => (StatusCode::SERVICE_UNAVAILABLE, Json(json!({ "status": "queue_unavailable", "breaker": breaker })))
            .into_response(),
    }
}

async fn metrics(State(gateway): State<Arc<Gateway>>) -> Response {
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4")], gateway.render_metrics().await).into_response()
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

/// Logs each request: method, path (a pending id is not personal), status and time; nothing from the body.
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
    tracing::info!(%method, path, status = response.status().as_u16(), micros = start.elapsed().as_micros() as u64, "request");
    response
}
