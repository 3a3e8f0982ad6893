//! A fake UNI-PASS for tests and benchmarks: a real HTTP server that answers API028 with the shapes of the API guide
//! (OPEN API 연계가이드 v4.0, 3.2.28) and fails in the ways the guide and the surge of 2025-12 showed: `tCnt` -1
//! (system failure, 시스템 장애) with HTTP 200, a maintenance page with HTTP 200, 502 and other statuses, slow answers,
//! requests that hang once more than a threshold are in flight, a key that is refused; and recovers when told to. It
//! listens where it is told (tests use 127.0.0.1) and is never pointed at the real host.
//!
//! Who matches (all synthetic): every well-formed request matches, except that
//! - a code ending in `0` does not exist;
//! - a code starting `P99` has expired (its validity period, 유효기간, is over);
//! - a code starting `P98` is not in use (suspended or cancelled), and so is any code reissued through
//!   `POST /_fake/reissue` (a reissue kills the old code at once);
//! - a name starting with `김` is not the registered name (the text quotes the name, as UNI-PASS's does);
//! - a phone number ending in `9` is not the registered one;
//! - a postcode ending in `9` is not a registered address.
//!
//! A key other than the fake's own is refused (`tCnt` -1 with a notice about the key), and so is every key while
//! the mode's `refuse_key` is set.
//!
//! Control: `GET /_fake/stats` (`{"calls","in_flight","max_in_flight","mode"}`), `GET /_fake/calls` (each API028
//! request's arrival, in microseconds since the fake started), `POST /_fake/mode` with a [`Mode`], and
//! `POST /_fake/reissue` with `{"pccc":"P…"}`.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering::SeqCst};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::{Deserialize, Serialize};

/// How the fake behaves now. Failures are tried in the order of the fields: `hang`, `overload_threshold`,
/// `delay_ms` (added), then the first of `fail_status`, `fail_502`, `maintenance`, `system_failure`, `refuse_key`,
/// `body` that is set.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Mode {
    /// Added to every answer, in milliseconds.
    pub delay_ms: u64,
    /// Answer every request with `502 Bad Gateway` (an HTML error page, as the surge's proxies sent).
    pub fail_502: bool,
    /// Answer every request with this HTTP status and an HTML page (`429` comes with `Retry-After`).
    pub fail_status: Option<u16>,
    /// Answer every request with HTTP 200 and an HTML maintenance page (시스템 점검 안내) instead of XML.
    pub maintenance: bool,
    /// Answer every request with HTTP 200, `tCnt` -1 and a system-failure notice (시스템 장애), as the API guide
    /// defines it.
    pub system_failure: bool,
    /// Refuse every key (`tCnt` -1 with a notice about the key), as when a key is revoked or loses API028.
    pub refuse_key: bool,
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
    reissued: Mutex<HashSet<String>>,
    started: Instant,
    arrivals: Mutex<Vec<u64>>,
    calls: AtomicU64,
    in_flight: AtomicUsize,
    max_in_flight: AtomicUsize,
}

/// Arrival times kept for `GET /_fake/calls` at most (the surge bench makes a few thousand calls).
const MAX_ARRIVALS: usize = 200_000;

impl FakeState {
    /// A fake that accepts `key`, in `mode`.
    pub fn new(key: &str, mode: Mode) -> Arc<FakeState> {
        Arc::new(FakeState {
            key: key.to_owned(),
            mode: Mutex::new(mode),
            reissued: Mutex::new(HashSet::new()),
            started: Instant::now(),
            arrivals: Mutex::new(Vec::new()),
            calls: AtomicU64::new(0),
            in_flight: AtomicUsize::new(0),
            max_in_flight: AtomicUsize::new(0),
        })
    }

    /// Changes the behaviour.
    pub fn set_mode(&self, mode: Mode) {
        *self.mode.lock().unwrap() = mode;
    }

    /// Reissues `pccc`: from now on the old code is not in use.
    pub fn reissue(&self, pccc: &str) {
        self.reissued.lock().unwrap().insert(pccc.to_owned());
    }

    /// API028 requests received.
    pub fn calls(&self) -> u64 {
        self.calls.load(SeqCst)
    }

    /// When each API028 request arrived, in microseconds since the fake started.
    pub fn arrivals(&self) -> Vec<u64> {
        self.arrivals.lock().unwrap().clone()
    }
}

/// The fake's routes: API028 and the control endpoints.
pub fn app(state: Arc<FakeState>) -> Router {
    Router::new()
        .route(crate::unipass::API028_PATH, get(api028))
        .route("/_fake/stats", get(stats))
        .route("/_fake/calls", get(calls))
        .route("/_fake/mode", post(set_mode))
        .route("/_fake/reissue", post(reissue))
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

async fn calls(State(state): State<Arc<FakeState>>) -> Json<serde_json::Value> {
    Json(serde_json::json!({ "arrivals_us": state.arrivals() }))
}

async fn set_mode(State(state): State<Arc<FakeState>>, Json(mode): Json<Mode>) -> StatusCode {
    state.set_mode(mode);
    StatusCode::NO_CONTENT
}

#[derive(Deserialize)]
struct Reissue {
    pccc: String,
}

async fn reissue(State(state): State<Arc<FakeState>>, Json(body): Json<Reissue>) -> StatusCode {
    state.reissue(&body.pccc);
    StatusCode::NO_CONTENT
}

struct InFlight<'a>(&'a FakeState);

impl Drop for InFlight<'_> {
    fn drop(&mut self) {
        self.0.in_flight.fetch_sub(1, SeqCst);
    }
}

const HANG: Duration = Duration::from_secs(120);
const HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;

fn html(status: StatusCode, title: &str, body: &str) -> Response {
    let page = format!(
        "<!DOCTYPE html><html lang=\"ko\"><head><meta charset=\"utf-8\"><title>{title}</title></head><body><h1>{title}</h1><p>{body}</p></body></html>"
    );
    (status, [("content-type", "text/html;charset=UTF-8")], page).into_response()
}

async fn api028(State(state): State<Arc<FakeState>>, Query(query): Query<HashMap<String, String>>) -> Response {
    state.calls.fetch_add(1, SeqCst);
    {
        let mut arrivals = state.arrivals.lock().unwrap();
        if arrivals.len() < MAX_ARRIVALS {
            arrivals.push(state.started.elapsed().as_micros() as u64);
        }
    }
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
    if let Some(status) = mode.fail_status {
        let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let mut response = html(status, status.canonical_reason().unwrap_or("Error"), "");
        if status == StatusCode::TOO_MANY_REQUESTS {
            response.headers_mut().insert("retry-after", axum::http::HeaderValue::from_static("1"));
        }
        return response;
    }
    if mode.fail_502 {
        return html(StatusCode::BAD_GATEWAY, "502 Bad Gateway", "Bad Gateway");
    }
    if mode.maintenance {
        return html(
            StatusCode::OK,
            "UNI-PASS 시스템 점검 안내",
            "보다 나은 서비스 제공을 위하여 시스템 점검을 실시하고 있습니다. 점검 시간 동안 서비스 이용이 중단됩니다.",
        );
    }
    let xml = if mode.system_failure {
        format!("{HEAD}<persEcmQryRtnVo><ntceInfo>시스템 장애로 조회할 수 없습니다. 잠시 후 다시 조회하시기 바랍니다.</ntceInfo><tCnt>-1</tCnt></persEcmQryRtnVo>")
    } else {
        match mode.body {
            BodyKind::Malformed => "<persEcmQryRtnVo><tCnt>1</tCnt><persEcmQryRtnErrInfoVo>".to_owned(),
            BodyKind::Oversized => {
                let filler = "<persEcmQryRtnErrInfoVo><errMsgCn>x</errMsgCn></persEcmQryRtnErrInfoVo>".repeat(15_000);
                format!("<persEcmQryRtnVo>{filler}<tCnt>0</tCnt></persEcmQryRtnVo>")
            }
            BodyKind::Normal => {
                let key_ok = !mode.refuse_key && query.get("crkyCn").is_some_and(|k| *k == state.key);
                let reissued = query.get("persEcm").is_some_and(|c| state.reissued.lock().unwrap().contains(c));
                answer(key_ok, reissued, &query)
            }
        }
    };
    ([("content-type", "application/xml;charset=UTF-8")], xml).into_response()
}

/// The XML UNI-PASS would send for `query`.
fn answer(key_ok: bool, reissued: bool, query: &HashMap<String, String>) -> String {
    let field = |name: &str| query.get(name).map(String::as_str).unwrap_or("");
    if !key_ok {
        return format!(
            "{HEAD}<persEcmQryRtnVo><ntceInfo>인증키가 유효하지 않습니다. 인증키를 확인하시기 바랍니다.</ntceInfo><tCnt>-1</tCnt></persEcmQryRtnVo>"
        );
    }
    let (pccc, name, phone, postcode) = (field("persEcm"), field("pltxNm"), field("cralTelno"), field("custPsno"));
    let mut errors = Vec::new();
    if pccc.ends_with('0') || pccc.len() != 13 {
        errors.push("납세의무자 개인통관고유부호가 존재하지 않습니다.".to_owned());
    } else if pccc.starts_with("P99") {
        errors.push("납세의무자 개인통관고유부호의 유효기간이 만료되었습니다.".to_owned());
    } else if reissued || pccc.starts_with("P98") {
        errors.push("납세의무자 개인통관고유부호는 사용중이 아닌 부호입니다.".to_owned());
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
