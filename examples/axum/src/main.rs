//! A checkout server that checks the recipient fields of an order with exactly the rules the browser applied:
//! `POST /orders` with a JSON body or an HTML form (`application/x-www-form-urlencoded`), answered with `201` and
//! the canonical values, or `422` and every field's error in the language of `Accept-Language` (the same JSON as
//! the JavaScript API's `checkRecipient`).
//!
//! Run it with `cargo run -p pccc-guard-axum-example` (listens on 127.0.0.1:3000; set `ADDR` to change it) and try
//!
//! ```text
//! curl -i localhost:3000/orders -H 'Accept-Language: en' \
//!   -d name=홍길동 -d pccc=p1234-5678-9012 -d phone=010-1234-5678 -d postcode=03154
//! ```
//!
//! The logs say what happened to each request (status, the error codes of invalid fields, sizes), never a value:
//! codes, phone numbers and names are personal data.

use std::net::SocketAddr;
use std::time::Instant;

use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Request};
use axum::http::{header, HeaderMap, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use pccc_guard::{Locale, Localized, RecipientReport};
use serde_json::json;

/// The largest request body accepted: a recipient form is a few hundred bytes.
const BODY_LIMIT: usize = 16 * 1024;

/// The application: `POST /orders`, with the body limit and a request log.
fn app() -> Router {
    Router::new()
        .route("/orders", post(create_order))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(middleware::from_fn(log_request))
}

/// Checks the recipient of an order: every field, with the same rules as the browser.
async fn create_order(headers: HeaderMap, body: Bytes) -> Response {
    let report = match parse(&headers, &body) {
        Ok(report) => report,
        Err(response) => return response,
    };
    match report.clone().into_recipient() {
        // Every field is valid. Here the order would be stored and sent on to UNI-PASS, which alone can say whether
        // the code is registered to this person.
        Some(recipient) => (StatusCode::CREATED, Json(json!({ "recipient": recipient }))).into_response(),
        None => {
            tracing::info!(codes = ?error_codes(&report), "recipient refused");
            (StatusCode::UNPROCESSABLE_ENTITY, Json(Localized::new(&report, locale(&headers)))).into_response()
        }
    }
}

/// Reads the fields from JSON or a form and checks each one (deserialising a `RecipientReport` does both). A body
/// that does not parse is a 400 with serde's message, which never quotes a value; another media type a 415.
#[allow(clippy::result_large_err)] // one per request, returned straight to axum: nothing to gain from a Box
fn parse(headers: &HeaderMap, body: &[u8]) -> Result<RecipientReport, Response> {
    match content_type(headers) {
        Some("application/json") => {
            serde_json::from_slice(body).map_err(|e| problem(StatusCode::BAD_REQUEST, "malformed_json", &e.to_string()))
        }
        Some("application/x-www-form-urlencoded") => serde_urlencoded::from_bytes(body)
            .map_err(|e| problem(StatusCode::BAD_REQUEST, "malformed_form", &e.to_string())),
        _ => {
            let message = "send the order as application/json or application/x-www-form-urlencoded";
            Err(problem(StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", message))
        }
    }
}

/// `field:code` for each invalid field: all the log says about a refused recipient.
fn error_codes(report: &RecipientReport) -> Vec<String> {
    let fields = [
        ("name", report.name.as_ref().err().map(|e| e.code())),
        ("pccc", report.pccc.as_ref().err().map(|e| e.code())),
        ("phone", report.phone.as_ref().err().map(|e| e.code())),
        ("postcode", report.postcode.as_ref().err().map(|e| e.code())),
    ];
    fields.iter().filter_map(|(field, code)| code.map(|code| format!("{field}:{code}"))).collect()
}

/// The language of the messages: English when the first language of `Accept-Language` is English, else Korean.
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

/// The media type of the body, without parameters (`; charset=utf-8`).
fn content_type(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(header::CONTENT_TYPE)?.to_str().ok()?;
    Some(value.split(';').next().unwrap_or("").trim())
}

/// An error that is not about a field: `{"error":{"code","message"}}`.
fn problem(status: StatusCode, code: &str, message: &str) -> Response {
    tracing::info!(code, "request refused");
    (status, Json(json!({ "error": { "code": code, "message": message } }))).into_response()
}

/// Logs each request: method, path (never the query string), status, body size, time. Nothing from the body.
async fn log_request(request: Request, next: Next) -> Response {
    let (method, path) = (request.method().clone(), request.uri().path().to_owned());
    let length = request.headers().get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()).map(str::to_owned);
    let start = Instant::now();
    let mut response = next.run(request).await;
    if response.status() == StatusCode::PAYLOAD_TOO_LARGE {
        // axum's own answer is plain text; keep every error in one JSON shape.
        let message = format!("the body is over the limit of {BODY_LIMIT} bytes");
        response =
            (StatusCode::PAYLOAD_TOO_LARGE, Json(json!({ "error": { "code": "body_too_large", "message": message } })))
                .into_response();
    }
    tracing::info!(
        %method,
        path,
        status = response.status().as_u16(),
        content_length = length.as_deref().unwrap_or("-"),
        micros = start.elapsed().as_micros() as u64,
        "request"
    );
    response
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::io::Result<()> {
    use std::io::IsTerminal;
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .with_target(false)
        .init();
    let addr: SocketAddr = std::env::var("ADDR")
        .ok()
        .and_then(|a| a.parse().ok())
        .unwrap_or_else(|| SocketAddr::from(([127, 0, 0, 1], 3000)));
    let listener = tokio::net::TcpListener::bind(addr).await?;
    tracing::info!("listening on {}", listener.local_addr()?);
    axum::serve(listener, app())
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
}
