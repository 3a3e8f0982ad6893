//! A fake UNI-PASS for tests and benchmarks: a real HTTP server that answers API028 with the real XML shapes and
//! fails the way UNI-PASS did in the surge (slow answers, `502 Bad Gateway`, requests that hang once more than a
//! threshold are in flight), and recovers when told to. It listens where it is told (tests use 127.0.0.1) and is
//! never pointed at the real host.
//!
//! Who matches (all synthetic): every well-formed request matches, except that a code ending in `0` does not
//! exist, a phone number ending in `9` is not the registered one, a name starting with `김` is not the registered
//! name, and a postcode ending in `9` is not a registered address. A key other than the fake's own is refused
//! (`tCnt` -1).
//!
//! Control: `GET /_fake/stats` (`{"calls","in_flight","max_in_flight"}`) and `POST /_fake/mode` with a [`Mode`].

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering::SeqCst};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::{Deserialize, Serialize};

/// How the fake behaves now.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Mode {
    /// Added to every answer, in milliseconds.
    pub delay_ms: u64,
    /// Answer every request with `502 Bad Gateway`.
    pub fail_502: bool,
    /// When more requests than this are in flight, the extra ones hang (until the client gives up).
    pub overload_threshold: Option<usize>,
    /// Every request hangs.
    pub hang: bool,
    /// Answer with something other than API028's XML.
    pub body: BodyKind,
}

/// What the answer's body is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BodyKind {
    /// The real shapes.
    #[default]
    Normal,
    /// Broken XML.
    Malformed,
    /// A megabyte of valid-looking XML.
    Oversized,
}

/// The fake's shared state.
#[derive(Debug)]
pub struct FakeState {
    key: String,
    mode: Mutex<Mode>,
    calls: AtomicU64,
    in_flight: AtomicUsize,
    max_in_flight: AtomicUsize,
}

impl FakeState {
    /// A fake that accepts `key`, in `mode`.
    pub fn new(key: &str, mode: Mode) -> Arc<FakeState> {
        Arc::new(FakeState {
            key: key.to_owned(),
            mode: Mutex::new(mode),
            calls: AtomicU64::new(0),
            in_flight: AtomicUsize::new(0),
            max_in_flight: AtomicUsize::new(0),
        })
    }

    /// Changes the behaviour.
    pub fn set_mode(&self, mode: Mode) {
        *self.mode.lock().unwrap() = mode;
    }

    /// API028 requests received.
    pub fn calls(&self) -> u64 {
        self.calls.load(SeqCst)
    }
}

/// The fake's routes: API028 and the control endpoints.
pub fn app(state: Arc<FakeState>) -> Router {
    Router::new()
        .route(crate::unipass::API028_PATH, get(api028))
        .route("/_fake/stats", get(stats))
        .route("/_fake/mode", post(set_mode))
        .with_state(state)
}

/// Serves the fake on `listener` in a new task; returns the task.
pub fn spawn(listener: tokio::net::TcpListener, state: Arc<FakeState>) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let _ = axum::serve(listener, app(state)).await;
    })
}

async fn stats(State(state): State<Arc<FakeState>>) -> Json<serde_json::Value> {
    Json(serde_json::json!({
        "calls": state.calls.load(SeqCst),
        "in_flight": state.in_flight.load(SeqCst),
        "max_in_flight": state.max_in_flight.load(SeqCst),
        "mode": *state.mode.lock().unwrap(),
    }))
}

async fn set_mode(State(state): State<Arc<FakeState>>, Json(mode): Json<Mode>) -> StatusCode {
    state.set_mode(mode);
    StatusCode::NO_CONTENT
}

struct InFlight<'a>(&'a FakeState);

impl Drop for InFlight<'_> {
    fn drop(&mut self) {
        self.0.in_flight.fetch_sub(1, SeqCst);
    }
}

const HANG: Duration = Duration::from_secs(120);

async fn api028(State(state): State<Arc<FakeState>>, Query(query): Query<HashMap<String, String>>) -> Response {
    state.calls.fetch_add(1, SeqCst);
    let now = state.in_flight.fetch_add(1, SeqCst) + 1;
    let _guard = InFlight(&state);
    state.max_in_flight.fetch_max(now, SeqCst);
    let mode = state.mode.lock().unwrap().clone();
    if mode.hang || mode.overload_threshold.is_some_and(|t| now > t) {
        tokio::time::sleep(HANG).await;
    }
    if mode.delay_ms > 0 {
        tokio::time::sleep(Duration::from_millis(mode.delay_ms)).await;
    }
    if mode.fail_502 {
        let page = "<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>";
        return (StatusCode::BAD_GATEWAY, [("content-type", "text/html")], page).into_response();
    }
    let xml = match mode.body {
        BodyKind::Malformed => "<persEcmQryRtnVo><tCnt>1</tCnt><persEcmQryRtnErrInfoVo>".to_owned(),
        BodyKind::Oversized => {
            let filler = "<persEcmQryRtnErrInfoVo><errMsgCn>x</errMsgCn></persEcmQryRtnErrInfoVo>".repeat(15_000);
            format!("<persEcmQryRtnVo>{filler}<tCnt>0</tCnt></persEcmQryRtnVo>")
        }
        BodyKind::Normal => answer(&state.key, &query),
    };
    ([("content-type", "application/xml;charset=UTF-8")], xml).into_response()
}

/// The XML UNI-PASS would send for `query`.
fn answer(key: &str, query: &HashMap<String, String>) -> String {
    let field = |name: &str| query.get(name).map(String::as_str).unwrap_or("");
    const HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;
    if field("crkyCn") != key {
        return format!(
            "{HEAD}<persEcmQryRtnVo><ntceInfo>[N00] 인증키가 유효하지 않습니다.</ntceInfo><tCnt>-1</tCnt></persEcmQryRtnVo>"
        );
    }
    let (pccc, name, phone, postcode) = (field("persEcm"), field("pltxNm"), field("cralTelno"), field("custPsno"));
    let mut errors = Vec::new();
    if pccc.ends_with('0') || pccc.len() != 13 {
        errors.push("납세의무자 개인통관고유부호가 존재하지 않습니다.".to_owned());
    } else {
        if name.starts_with('김') {
            let escaped = quick_xml::escape::escape(name);
            errors.push(format!("입력하신 납세의무자명({escaped})이 개인통관고유부호의 성명과 일치하지 않습니다."));
        }
        if phone.ends_with('9') {
            errors.push("납세의무자 휴대전화번호가 일치하지 않습니다.".to_owned());
        }
        if postcode.ends_with('9') {
            errors.push("입력하신 우편번호가 개인통관고유부호 우편번호와 일치하지 않습니다".to_owned());
        }
    }
    let infos: String = errors
        .iter()
        .map(|e| format!("<persEcmQryRtnErrInfoVo><errMsgCn>{e}</errMsgCn></persEcmQryRtnErrInfoVo>"))
        .collect();
    let count = if errors.is_empty() { 1 } else { 0 };
    format!("{HEAD}<persEcmQryRtnVo>{infos}<ntceInfo></ntceInfo><tCnt>{count}</tCnt></persEcmQryRtnVo>")
}
