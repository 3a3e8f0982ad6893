//! The UNI-PASS client: API028, 수입신고 개인통관고유부호 검증 (`/ext/rest/persEcmQry/retrievePersEcm`).
//!
//! The request is a `GET` with the key, the code, the name (UTF-8, URL-encoded), the mobile number's digits and,
//! when known, the postcode. The answer is XML, `<persEcmQryRtnVo>`: `tCnt` 1 is a match, 0 a mismatch with one
//! `persEcmQryRtnErrInfoVo/errMsgCn` per reason, -1 a system failure (시스템 장애) with a notice in `ntceInfo` (which
//! also tells a refused key). UNI-PASS's texts are mapped to [`Reason`]s here and never passed on.
//!
//! The key is part of the request URL, so no error of this module ever carries the URL or reqwest's error (whose
//! `Display` prints the URL): an [`UpstreamError`] is a code and nothing else.

use std::fmt;
use std::time::Duration;

use pccc_guard::Locale;
use quick_xml::events::Event;
use quick_xml::Reader;
use serde::{Deserialize, Serialize};
use url::Url;

mod reason;

pub use reason::{Reason, TextRule, TEXT_RULES};

/// The real host of UNI-PASS's open API.
pub const DEFAULT_BASE_URL: &str = "https://unipass.customs.go.kr:38010";

/// The path of API028 under the base URL.
pub const API028_PATH: &str = "/ext/rest/persEcmQry/retrievePersEcm";

/// An API key issued by UNI-PASS (My메뉴 → 서비스관리 → OpenAPI 사용관리). `Debug` prints no character of it and it
/// has no `Display`.
#[derive(Clone, PartialEq, Eq)]
pub struct ApiKey(String);

impl ApiKey {
    /// Wraps a key, trimmed (a key file usually ends with a newline). `None` when nothing is left.
    pub fn new(key: &str) -> Option<ApiKey> {
        let key = key.trim();
        (!key.is_empty()).then(|| ApiKey(key.to_owned()))
    }

    /// The key itself, to put into the request and nowhere else.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// The key from the environment, as the gateway and `pccc-guard verify` read it: the file named by
    /// `UNIPASS_KEY_FILE` (read once; it takes precedence), else `UNIPASS_KEY`. Errors name the variable, never the
    /// key.
    pub fn from_env() -> Result<ApiKey, String> {
        if let Some(path) = std::env::var_os("UNIPASS_KEY_FILE") {
            let path = std::path::PathBuf::from(path);
            let text = std::fs::read_to_string(&path)
                .map_err(|e| format!("cannot read UNIPASS_KEY_FILE {}: {}", path.display(), e.kind()))?;
            return ApiKey::new(&text).ok_or_else(|| "UNIPASS_KEY_FILE is empty".to_owned());
        }
        match std::env::var("UNIPASS_KEY") {
            Ok(key) => ApiKey::new(&key).ok_or_else(|| "UNIPASS_KEY is empty".to_owned()),
            Err(_) => Err("set UNIPASS_KEY or UNIPASS_KEY_FILE to the API028 key (see --help)".to_owned()),
        }
    }
}

impl fmt::Debug for ApiKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ApiKey(..)")
    }
}

/// The canonical values of a well-formed recipient, as UNI-PASS receives them. `Debug` prints no value.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Fields {
    /// The name as registered with the code.
    pub name: String,
    /// `P` and 12 digits.
    pub pccc: String,
    /// The mobile number's digits (`01012345678`).
    pub phone: String,
    /// Five digits, when the order has a postcode.
    pub postcode: Option<String>,
}

impl fmt::Debug for Fields {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Fields").finish_non_exhaustive()
    }
}

/// What UNI-PASS answered about a recipient.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Answer {
    /// `tCnt` 1.
    Matched,
    /// `tCnt` 0, with at least one reason.
    Mismatched {
        /// The reasons, in UNI-PASS's order, without repeats.
        reasons: Vec<Reason>,
    },
}

/// Why there is no answer. A code only: never the URL, the key or a value.
///
/// None of these is an answer about the recipient: a check that meets one stays pending (its fields kept) until
/// UNI-PASS answers it. [`UpstreamError::is_transient`] tells a failure of UNI-PASS (or of the way to it), worth
/// retrying soon, from a refusal of the gateway's requests, which only a change of key or permission ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum UpstreamError {
    /// No answer within the timeout.
    Timeout,
    /// No connection could be made.
    Unreachable,
    /// The connection broke while the answer was being read.
    Interrupted,
    /// An HTTP status other than 200.
    Status(u16),
    /// The body is larger than the limit.
    BodyTooLarge,
    /// The body is not API028's XML (a maintenance page sent with HTTP 200, for one).
    Malformed,
    /// `tCnt` -1, which the API guide defines as a system failure (시스템 장애), with a notice (`ntceInfo`) that does
    /// not speak of the key.
    SystemFailure,
    /// `tCnt` -1 with a notice (`ntceInfo`) about the key (인증키) or its permission (권한): UNI-PASS refuses the
    /// gateway's key. The notice is not passed on.
    KeyRefused,
}

/// Words of a `tCnt` -1 notice (`ntceInfo`) that mean the key, not UNI-PASS, is the problem. Public clients quote
/// notices such as 「인증키가 유효하지 않습니다」 and 「존재하지 않는 인증키입니다」 for a wrong key, and
/// 「권한이 없습니다」 for a key without API028.
const KEY_NOTICE_WORDS: &[&str] = &["인증키", "권한", "crkyCn"];

impl UpstreamError {
    /// Whether UNI-PASS (or the way to it) failed, so that trying again soon may give an answer: timeouts, broken
    /// connections, 429, 5xx and redirects, answers that are not API028's XML, and `tCnt` -1 (system failure).
    /// `false` for a refusal of the gateway's requests (the key, or another 4xx), which retrying does not end.
    pub const fn is_transient(self) -> bool {
        match self {
            UpstreamError::Timeout
            | UpstreamError::Unreachable
            | UpstreamError::Interrupted
            | UpstreamError::BodyTooLarge
            | UpstreamError::Malformed
            | UpstreamError::SystemFailure => true,
            UpstreamError::Status(status) => !(status >= 400 && status < 500) || status == 408 || status == 429,
            UpstreamError::KeyRefused => false,
        }
    }

    /// The stable snake_case code (logs, metrics).
    pub const fn code(self) -> &'static str {
        match self {
            UpstreamError::Timeout => "upstream_timeout",
            UpstreamError::Unreachable => "upstream_unreachable",
            UpstreamError::Interrupted => "upstream_interrupted",
            UpstreamError::Status(_) => "upstream_status",
            UpstreamError::BodyTooLarge => "upstream_body_too_large",
            UpstreamError::Malformed => "upstream_malformed",
            UpstreamError::SystemFailure => "upstream_system_failure",
            UpstreamError::KeyRefused => "upstream_key_refused",
        }
    }

    /// A message for an operator.
    pub const fn message(self, locale: Locale) -> &'static str {
        match (self, locale) {
            (UpstreamError::BodyTooLarge, Locale::En) => "UNI-PASS sent an answer larger than the gateway accepts.",
            (UpstreamError::BodyTooLarge, _) => "UNI-PASS의 응답이 허용된 크기를 넘었습니다.",
            (UpstreamError::Malformed, Locale::En) => {
                "UNI-PASS sent an answer that is not API028's XML (a maintenance page?)."
            }
            (UpstreamError::Malformed, _) => "UNI-PASS의 응답이 API028의 XML이 아닙니다(점검 안내 페이지 등).",
            (UpstreamError::SystemFailure, Locale::En) => "UNI-PASS reported a system failure (tCnt -1).",
            (UpstreamError::SystemFailure, _) => "UNI-PASS가 시스템 장애를 알렸습니다(tCnt -1).",
            (UpstreamError::KeyRefused, Locale::En) => {
                "UNI-PASS refused the request (check the gateway's API key and its permission for API028)."
            }
            (UpstreamError::KeyRefused, _) => {
                "UNI-PASS가 요청을 거부했습니다 (게이트웨이의 API 키와 API028 사용 권한을 확인하세요)."
            }
            (UpstreamError::Status(_), Locale::En) => "UNI-PASS answered with an HTTP error.",
            (UpstreamError::Status(_), _) => "UNI-PASS가 HTTP 오류로 응답했습니다.",
            (_, Locale::En) => "UNI-PASS did not answer.",
            (_, _) => "UNI-PASS가 응답하지 않았습니다.",
        }
    }
}

impl fmt::Display for UpstreamError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UpstreamError::Status(status) => write!(f, "{} ({status})", self.code()),
            _ => f.write_str(self.code()),
        }
    }
}

impl std::error::Error for UpstreamError {}

/// An API028 client.
#[derive(Clone, Debug)]
pub struct Client {
    http: reqwest::Client,
    endpoint: Url,
    key: ApiKey,
    max_body: usize,
}

impl Client {
    /// A client of `base` (`https://unipass.customs.go.kr:38010`, or a fake's `http://127.0.0.1:…`), each request
    /// limited to `timeout` and its body to `max_body` bytes. TLS certificates are verified (rustls with the
    /// platform's verifier); redirects are not followed.
    pub fn new(base: &Url, key: ApiKey, timeout: Duration, max_body: usize) -> Result<Client, String> {
        crate::install_crypto_provider();
        let endpoint = Url::parse(&format!("{}{API028_PATH}", base.as_str().trim_end_matches('/')))
            .map_err(|_| "the UNI-PASS base URL is not a URL".to_owned())?;
        if !matches!(endpoint.scheme(), "http" | "https") {
            return Err("the UNI-PASS base URL must be http or https".to_owned());
        }
        let http = reqwest::Client::builder()
            .timeout(timeout)
            .connect_timeout(timeout.min(Duration::from_secs(5)))
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!("pccc-guard-gateway/", env!("CARGO_PKG_VERSION")))
            .no_proxy()
            .build()
            .map_err(|_| "the HTTP client could not be built (TLS set-up)".to_owned())?;
        Ok(Client { http, endpoint, key, max_body })
    }

    /// Asks UNI-PASS whether `fields` match. One HTTP request, no retry.
    pub async fn verify(&self, fields: &Fields) -> Result<Answer, UpstreamError> {
        let mut url = self.endpoint.clone();
        {
            let mut query = url.query_pairs_mut();
            query.append_pair("crkyCn", self.key.expose());
            query.append_pair("persEcm", &fields.pccc);
            query.append_pair("pltxNm", &fields.name);
            query.append_pair("cralTelno", &fields.phone);
            if let Some(postcode) = &fields.postcode {
                query.append_pair("custPsno", postcode);
            }
        }
        let mut response = self.http.get(url).send().await.map_err(classify)?;
        if response.status() != reqwest::StatusCode::OK {
            return Err(UpstreamError::Status(response.status().as_u16()));
        }
        if response.content_length().is_some_and(|n| n > self.max_body as u64) {
            return Err(UpstreamError::BodyTooLarge);
        }
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(|e| match classify(e) {
            UpstreamError::Unreachable => UpstreamError::Interrupted,
            other => other,
        })? {
            if body.len() + chunk.len() > self.max_body {
                return Err(UpstreamError::BodyTooLarge);
            }
            body.extend_from_slice(&chunk);
        }
        parse_response(&body, &fields.name)
    }
}

/// reqwest's error reduced to a code (its `Display` would print the URL, and so the key).
fn classify(error: reqwest::Error) -> UpstreamError {
    if error.is_timeout() {
        UpstreamError::Timeout
    } else if error.is_connect() {
        UpstreamError::Unreachable
    } else {
        UpstreamError::Interrupted
    }
}

/// Where a text event's characters go.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Slot {
    Count,
    Notice,
    Message,
    None,
}

/// Reads API028's XML answer to a request that carried the name `name_sent` (UNI-PASS quotes it in a name
/// mismatch; see [`Reason::from_unipass_text`]). Anything that is not a single `<persEcmQryRtnVo>` element with an
/// integer `tCnt` is [`UpstreamError::Malformed`]; elements it does not know are skipped. `tCnt` -1 (or any negative
/// count) is [`UpstreamError::KeyRefused`] when its notice speaks of the key, else [`UpstreamError::SystemFailure`].
///
/// ```
/// use pccc_guard_gateway::unipass::{parse_response, Answer, Reason, UpstreamError};
///
/// let xml = "<persEcmQryRtnVo><persEcmQryRtnErrInfoVo><errMsgCn>납세의무자 휴대전화번호가 일치하지 않습니다.</errMsgCn>\
///            </persEcmQryRtnErrInfoVo><tCnt>0</tCnt></persEcmQryRtnVo>";
/// assert_eq!(parse_response(xml.as_bytes(), "홍길동"), Ok(Answer::Mismatched { reasons: vec![Reason::PhoneMismatch] }));
/// let down = "<persEcmQryRtnVo><ntceInfo>시스템 장애</ntceInfo><tCnt>-1</tCnt></persEcmQryRtnVo>";
/// assert_eq!(parse_response(down.as_bytes(), "홍길동"), Err(UpstreamError::SystemFailure));
/// ```
pub fn parse_response(body: &[u8], name_sent: &str) -> Result<Answer, UpstreamError> {
    const ROOT: &[u8] = b"persEcmQryRtnVo";
    const MAX_DEPTH: usize = 16;
    let mut reader = Reader::from_reader(body);
    reader.config_mut().trim_text(true);
    let mut buf = Vec::new();
    let mut stack: Vec<Vec<u8>> = Vec::new();
    let mut root_seen = false;
    let (mut count, mut notice, mut messages) = (None::<String>, String::new(), Vec::<String>::new());
    loop {
        let slot = match stack.as_slice() {
            [root, count] if root == ROOT && count == b"tCnt" => Slot::Count,
            [root, notice] if root == ROOT && notice == b"ntceInfo" => Slot::Notice,
            [root, info, msg] if root == ROOT && info == b"persEcmQryRtnErrInfoVo" && msg == b"errMsgCn" => {
                Slot::Message
            }
            _ => Slot::None,
        };
        let mut push = |text: &str| match slot {
            Slot::Count => count.get_or_insert_with(String::new).push_str(text),
            Slot::Notice => notice.push_str(text),
            Slot::Message => {
                if let Some(last) = messages.last_mut() {
                    last.push_str(text);
                }
            }
            Slot::None => {}
        };
        match reader.read_event_into(&mut buf).map_err(|_| UpstreamError::Malformed)? {
            Event::Start(e) => {
                let name = e.local_name().as_ref().to_vec();
                if stack.is_empty() {
                    if root_seen || name != ROOT {
                        return Err(UpstreamError::Malformed);
                    }
                    root_seen = true;
                }
                if stack.len() >= MAX_DEPTH {
                    return Err(UpstreamError::Malformed);
                }
                stack.push(name);
                if stack.len() == 3 && stack[1] == b"persEcmQryRtnErrInfoVo" && stack[2] == b"errMsgCn" {
                    messages.push(String::new());
                }
            }
            Event::Empty(_) if stack.is_empty() => return Err(UpstreamError::Malformed),
            Event::End(_) => {
                stack.pop();
            }
            Event::Text(t) => push(&t.decode().map_err(|_| UpstreamError::Malformed)?),
            Event::CData(t) => push(&t.decode().map_err(|_| UpstreamError::Malformed)?),
            Event::GeneralRef(r) => {
                if let Some(c) = r.resolve_char_ref().map_err(|_| UpstreamError::Malformed)? {
                    push(c.encode_utf8(&mut [0; 4]));
                } else {
                    let name = r.decode().map_err(|_| UpstreamError::Malformed)?;
                    let text = quick_xml::escape::resolve_predefined_entity(&name).ok_or(UpstreamError::Malformed)?;
                    push(text);
                }
            }
            Event::Eof => break,
            // A document type declaration is how an HTML page starts; API028's XML has none.
            Event::DocType(_) => return Err(UpstreamError::Malformed),
            _ => {}
        }
        buf.clear();
    }
    if !root_seen || !stack.is_empty() {
        return Err(UpstreamError::Malformed);
    }
    let count: i64 = count.and_then(|c| c.trim().parse().ok()).ok_or(UpstreamError::Malformed)?;
    match count {
        1.. => Ok(Answer::Matched),
        0 => {
            let mut reasons = Vec::new();
            for reason in messages.iter().map(|m| Reason::from_unipass_text(m, name_sent)) {
                if !reasons.contains(&reason) {
                    reasons.push(reason);
                }
            }
            if reasons.is_empty() {
                reasons.push(Reason::Other);
            }
            Ok(Answer::Mismatched { reasons })
        }
        _ if KEY_NOTICE_WORDS.iter().any(|w| notice.contains(w)) => Err(UpstreamError::KeyRefused),
        _ => Err(UpstreamError::SystemFailure),
    }
}
