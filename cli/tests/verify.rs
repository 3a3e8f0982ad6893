//! `pccc-guard verify` as an operations team runs it: exports made here in the shape of each marketplace's order
//! export (their real headers, a title row where the export has one), as .xlsx and as CP949 CSV, verified on their
//! own and through a gateway against the fake UNI-PASS, both running in this process on 127.0.0.1. What is checked:
//! every row's status and reasons, the calls UNI-PASS received (duplicates and reruns cost none, a 050 safe number
//! is skipped without a call), an outage (rows pending, exit 3, finished by the same command after recovery, each
//! check sent at most once), the columns' usage errors, and a state file without a personal value.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::Arc;
use std::time::Duration;

use pccc_guard_gateway::fake::{self, FakeState, Mode};
use pccc_guard_gateway::{Config, Gateway, Limits};

use common::{status, stderr};

const KEY: &str = "KEY-verify-5c1e";
const TOKEN: &str = "verify-token-0123456789abcdef";

/// The fake UNI-PASS (and a gateway in front of it, when asked), served by a runtime of their own.
struct Servers {
    runtime: tokio::runtime::Runtime,
    fake: Arc<FakeState>,
    fake_url: String,
    gateway_url: Option<String>,
    dir: PathBuf,
}

impl Servers {
    fn start(name: &str, with_gateway: bool) -> Servers {
        let dir = std::env::temp_dir().join(format!("pccc-verify-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
        let fake = FakeState::new(KEY, Mode::default());
        let fake_url = runtime.block_on(async {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            let url = format!("http://{}", listener.local_addr().unwrap());
            fake::spawn(listener, fake.clone());
            url
        });
        let gateway_url = with_gateway.then(|| {
            let tokens = pccc_guard_gateway::auth::Tokens::parse(&format!("ops {TOKEN}\n")).unwrap();
            let limits = Limits {
                rate_per_second: 200,
                max_wait: Duration::from_secs(5),
                timeout: Duration::from_millis(800),
                attempts: 2,
                breaker_failures: 2,
                breaker_cooldown: Duration::from_millis(300),
                worker_interval: Duration::from_millis(100),
                ..Limits::default()
            };
            let config = Config {
                base_url: fake_url.parse().unwrap(),
                key: pccc_guard_gateway::unipass::ApiKey::new(KEY).unwrap(),
                data_dir: dir.join("gateway-data"),
                database_url: None,
                webhook: None,
                tokens: Some(tokens),
                limits,
            };
            runtime.block_on(async {
                let gateway = Arc::new(Gateway::new(config).await.unwrap());
                tokio::spawn(gateway.clone().run_worker());
                let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
                let url = format!("http://{}", listener.local_addr().unwrap());
                let app = pccc_guard_gateway::router(gateway);
                tokio::spawn(async move { axum::serve(listener, app).await });
                url
            })
        });
        Servers { runtime, fake, fake_url, gateway_url, dir }
    }

    fn calls(&self) -> u64 {
        self.fake.calls()
    }

    /// Waits (30 s at most) until the gateway's queue holds no pending check.
    fn wait_for_empty_queue(&self) {
        let url = format!("{}/healthz", self.gateway_url.as_ref().expect("a gateway"));
        self.runtime.block_on(async {
            for _ in 0..300 {
                let health: serde_json::Value = reqwest::get(&url).await.unwrap().json().await.unwrap();
                if health["queue_depth"] == 0 {
                    return;
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            panic!("the gateway's queue did not drain");
        });
    }

    fn set_mode(&self, mode: Mode) {
        self.fake.set_mode(mode);
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }

    /// Runs `pccc-guard verify` with `args`, on its own (the fake's URL and key in its environment) unless the args
    /// name a gateway.
    fn verify(&self, args: &[&str]) -> Output {
        let out = Command::new(common::BIN)
            .arg("verify")
            .args(args)
            .env("UNIPASS_BASE_URL", &self.fake_url)
            .env("UNIPASS_KEY", KEY)
            .env_remove("UNIPASS_KEY_FILE")
            .env_remove("PCCC_GATEWAY_TOKEN")
            .output()
            .expect("the binary runs");
        let _ = &self.runtime;
        out
    }

    /// The arguments that send through the gateway, with its token in a file.
    fn through_gateway(&self) -> Vec<String> {
        let token = self.path("gateway.token");
        std::fs::write(&token, format!("{TOKEN}\n")).unwrap();
        vec![
            "--gateway".into(),
            self.gateway_url.clone().expect("a gateway"),
            "--token-file".into(),
            token.to_string_lossy().into_owned(),
        ]
    }
}

impl Drop for Servers {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// One marketplace's export: its sheet, an optional title row above the header, and the header row itself.
struct Market {
    preset: &'static str,
    sheet: &'static str,
    title: Option<&'static str>,
    /// The header row, comma-separated.
    header: &'static str,
    /// The recipient's headers in this export: name, code, first phone, second phone; the postcode is 우편번호.
    recipient: [&'static str; 4],
    /// Headers that repeat a recipient column (SmartStore's bracketed copies), with the column they copy.
    copies: &'static [(&'static str, &'static str)],
}

const POSTCODE: &str = "우편번호";

impl Market {
    fn header(&self) -> Vec<&'static str> {
        self.header.split(',').collect()
    }

    fn code(&self) -> &'static str {
        self.recipient[1]
    }
}

const fn market(
    preset: &'static str,
    sheet: &'static str,
    header: &'static str,
    recipient: [&'static str; 4],
) -> Market {
    Market { preset, sheet, title: None, header, recipient, copies: &[] }
}

// The headers, as the sellers' scripts cited in cli/src/verify/recipient.rs read them (other columns abridged).
const SMARTSTORE: Market = Market {
    title: Some("발주발송관리"),
    copies: &[("(수취인연락처1)", "수취인연락처1"), ("(수취인연락처2)", "수취인연락처2"), ("(우편번호)", "우편번호")],
    ..market(
        "smartstore",
        "발주발송관리",
        "상품주문번호,주문번호,배송방법(구매자 요청),배송방법,택배사,송장번호,발송일,판매채널,구매자명,구매자ID,수취인명,\
         주문상태,주문세부상태,결제일,상품번호,상품명,옵션정보,수량,상품가격,수취인연락처1,수취인연락처2,배송지,구매자연락처,\
         우편번호,배송메세지,결제수단,개인통관고유부호,주문일시,(수취인연락처1),(수취인연락처2),(우편번호)",
        ["수취인명", "개인통관고유부호", "수취인연락처1", "수취인연락처2"],
    )
};

const COUPANG: Market = market(
    "coupang",
    "Delivery",
    "번호,묶음배송번호,주문번호,택배사,운송장번호,분리배송 Y/N,분리배송 출고예정일,주문시 출고예정일,출고일(발송일),주문일,\
     등록상품명,등록옵션명,노출상품명(옵션명),노출상품ID,옵션ID,최초등록등록상품명/옵션명,업체상품코드,바코드,결제액,배송비구분,\
     배송비,도서산간 추가배송비,구매수(수량),옵션판매가(판매단가),구매자,구매자전화번호,수취인이름,수취인전화번호,우편번호,\
     수취인 주소,배송메세지,상품별 추가메시지,주문자 추가메시지,배송완료일,구매확정일자,개인통관번호(PCCC),통관용수취인전화번호,\
     기타,결제위치,배송유형",
    ["수취인이름", "개인통관번호(PCCC)", "통관용수취인전화번호", "수취인전화번호"],
);

/// Coupang's export before its customs phone column was renamed.
const COUPANG_EARLIER: Market = market(
    "coupang",
    "Delivery",
    "번호,묶음배송번호,주문번호,택배사,운송장번호,주문일,등록상품명,등록옵션명,결제액,구매수(수량),구매자,구매자이메일,\
     구매자전화번호,수취인이름,수취인전화번호,우편번호,수취인 주소,배송메세지,개인통관번호(PCCC),통관용구매자전화번호,기타,결제위치",
    ["수취인이름", "개인통관번호(PCCC)", "통관용구매자전화번호", "수취인전화번호"],
);

const GMARKET: Market = market(
    "gmarket",
    "Sheet1",
    "판매아이디,주문일자(결제확인전),주문번호,구매자명,구매자아이디,상품번호,상품명,수령인명,발송마감일,발송정책,수량,옵션,판매단가,\
     판매금액,구매자 휴대폰,구매자 전화번호,수령인 휴대폰,수령인 전화번호,수령인 통관정보,배송지변경 여부,우편번호,주소,\
     배송시 요구사항,배송비 금액,배송번호,장바구니번호(결제번호)",
    ["수령인명", "수령인 통관정보", "수령인 휴대폰", "수령인 전화번호"],
);

const INTERPARK: Market = market(
    "interpark",
    "주문목록",
    "주문번호,주문일자,상품번호,상품명,옵션,수량,판매가,구매자명,구매자휴대폰번호,수령자명,수령자휴대폰번호,수령자전화번호,\
     우편번호,주소,배송메세지,개인통관정보",
    ["수령자명", "개인통관정보", "수령자휴대폰번호", "수령자전화번호"],
);

const ELEVENST: Market = Market {
    title: Some("배송준비중 주문 목록"),
    ..market(
        "11st",
        "Sheet",
        "번호,주문상태,주문번호,주문순번,주문일시,결제일시,상품번호,상품명,옵션,수량,구매자,구매자ID,수취인,휴대폰번호,전화번호,\
         우편번호,주소,배송메시지,세관신고정보,정산예정금액,판매자 상품코드",
        ["수취인", "세관신고정보", "휴대폰번호", "전화번호"],
    )
};

const MARKETS: [&Market; 6] = [&SMARTSTORE, &COUPANG, &COUPANG_EARLIER, &GMARKET, &INTERPARK, &ELEVENST];

/// One order's recipient as the export holds it, and what verify must say of it.
struct Order {
    name: &'static str,
    code: String,
    phones: [String; 2],
    postcode: &'static str,
    status: &'static str,
    reasons: &'static str,
}

/// The orders of an export (`m` keeps each export's people apart). The fake's rules (gateway/src/fake.rs): a code
/// ending in 0 does not exist, P99… has expired, P98… is not in use, a name starting with 김, a phone or a postcode
/// ending in 9 do not match. 11 distinct checks: the invalid row and the duplicate cost no call, the 050 row one,
/// the two rows whose first phone is wrong two each.
fn orders(m: u32) -> Vec<Order> {
    // P and 12 digits: the prefix, the export, the row, zeros, the last digit.
    let code = |prefix: &str, r: u32, end: u32| format!("{prefix}{m:02}{r:02}{}{end}", "0".repeat(8 - prefix.len()));
    let mobile = |r: u32, end: u32| format!("010-{:04}-5{r:02}{end}", 1000 + m * 12 + r);
    let o = |name, code: String, phones: [String; 2], postcode, status, reasons| Order {
        name,
        code,
        phones,
        postcode,
        status,
        reasons,
    };
    vec![
        o("홍길동", code("P1", 1, 1), [mobile(1, 8), String::new()], "03154", "matched", ""),
        o("김민수", code("P1", 2, 1), [mobile(2, 8), String::new()], "03154", "mismatched", "name_mismatch"),
        o("홍길동", code("P1", 3, 0), [mobile(3, 8), String::new()], "03154", "mismatched", "pccc_not_found"),
        o("홍길동", code("P99", 4, 1), [mobile(4, 8), String::new()], "03154", "mismatched", "pccc_expired"),
        o("홍길동", code("P98", 5, 1), [mobile(5, 8), String::new()], "03154", "mismatched", "pccc_inactive"),
        o("홍길동", code("P1", 6, 1), [mobile(6, 8), String::new()], "03159", "mismatched", "postcode_mismatch"),
        o("홍길동", "P1234".into(), [mobile(7, 8), String::new()], "03154", "invalid", "pccc.too_short"),
        // The first order again, typed differently: the same check.
        o(
            " 홍길동",
            code("p1", 1, 1).replace("p1", "p1-"),
            [mobile(1, 8).replace('-', ""), String::new()],
            "03154",
            "matched",
            "",
        ),
        // A 050 safe number first (skipped without a call), then the mobile number.
        o("홍길동", code("P1", 9, 1), ["0504-1234-5678".into(), mobile(9, 8)], "03154", "matched", ""),
        // The first phone is not the registered one, the second is: asked in turn.
        o("홍길동", code("P1", 10, 1), [mobile(10, 9), mobile(10, 8)], "03154", "matched", ""),
        // Neither phone is.
        o("홍길동", code("P1", 11, 1), [mobile(11, 9), mobile(12, 9)], "03154", "mismatched", "phone_mismatch"),
    ]
}

/// The distinct checks of [`orders`].
const CHECKS: u64 = 11;

/// The export's rows: the title row (if any), the header, then one row per order with filler in the other columns.
fn export_rows(market: &Market, m: u32) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let header = market.header();
    let width = header.len();
    if let Some(title) = market.title {
        let mut row = vec![String::new(); width];
        row[0] = title.to_owned();
        rows.push(row);
    }
    rows.push(header.iter().map(|h| h.to_string()).collect());
    let [name, code, phone, other_phone] = market.recipient;
    for (r, order) in orders(m).iter().enumerate() {
        let row = header
            .iter()
            .map(|&h| {
                let copied = market.copies.iter().find(|(copy, _)| *copy == h).map_or(h, |(_, of)| *of);
                match copied {
                    _ if copied == name => order.name.to_owned(),
                    _ if copied == code => order.code.clone(),
                    _ if copied == phone => order.phones[0].clone(),
                    _ if copied == other_phone => order.phones[1].clone(),
                    _ if copied == POSTCODE => order.postcode.to_owned(),
                    "주문번호" | "상품주문번호" => format!("2026{m:02}{r:04}"),
                    "상품명" | "등록상품명" => "비타민 D, 60정".to_owned(),
                    "구매자" | "구매자명" => "구매자".to_owned(),
                    _ => String::new(),
                }
            })
            .collect();
        rows.push(row);
    }
    rows
}

fn csv_cell(cell: &str) -> String {
    if cell.contains([',', '"', '\n']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_owned()
    }
}

/// The export as Korean Excel saves a CSV: CP949, CRLF.
fn write_cp949_csv(path: &Path, rows: &[Vec<String>]) {
    let text: String =
        rows.iter().map(|r| r.iter().map(|c| csv_cell(c)).collect::<Vec<_>>().join(",") + "\r\n").collect();
    let (bytes, _, unmappable) = encoding_rs::EUC_KR.encode(&text);
    assert!(!unmappable);
    std::fs::write(path, bytes).unwrap();
}

fn write_xlsx(path: &Path, sheet: &str, rows: &[Vec<String>]) {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let worksheet = workbook.add_worksheet();
    worksheet.set_name(sheet).unwrap();
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            if !cell.is_empty() {
                worksheet.write_string(r as u32, c as u16, cell).unwrap();
            }
        }
    }
    workbook.save(path).unwrap();
}

/// The output's rows, from .xlsx or from CSV (UTF-8 with a BOM).
fn read_output(path: &Path) -> Vec<Vec<String>> {
    if path.extension().is_some_and(|e| e == "xlsx") {
        use calamine::{open_workbook_auto, Data, Reader};
        let mut workbook = open_workbook_auto(path).unwrap();
        let range = workbook.worksheet_range_at(0).unwrap().unwrap();
        return range
            .rows()
            .map(|row| {
                row.iter()
                    .map(|c| match c {
                        Data::Empty => String::new(),
                        other => other.to_string(),
                    })
                    .collect()
            })
            .collect();
    }
    let bytes = std::fs::read(path).unwrap();
    let text = std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").expect("a BOM")).unwrap();
    parse_csv(text)
}

/// RFC 4180, as the tool writes it.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut cell, mut quoted) = (Vec::new(), Vec::new(), String::new(), false);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => row.push(std::mem::take(&mut cell)),
            ('\r', false) => {}
            ('\n', false) => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (c, _) => cell.push(c),
        }
    }
    rows
}

/// Each order row's (status, reasons), after the header.
fn statuses(rows: &[Vec<String>], market: &Market) -> Vec<(String, String)> {
    let header = usize::from(market.title.is_some());
    assert_eq!(rows[header][rows[header].len() - 2..], ["verify_status", "verify_reasons"], "{:?}", rows[header]);
    rows[header + 1..].iter().map(|r| (r[r.len() - 2].clone(), r[r.len() - 1].clone())).collect()
}

fn expected(m: u32) -> Vec<(String, String)> {
    orders(m).iter().map(|o| (o.status.to_owned(), o.reasons.to_owned())).collect()
}

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// Writes `market`'s export for person set `m` as `kind` ("xlsx" or "csv"), returning its path and the extra args
/// that read it.
fn export(servers: &Servers, market: &Market, m: u32, kind: &str) -> (PathBuf, Vec<String>) {
    let rows = export_rows(market, m);
    let path = servers.path(&format!("{}-{m}.{kind}", market.preset));
    if kind == "xlsx" {
        write_xlsx(&path, market.sheet, &rows);
        (path, vec![])
    } else {
        write_cp949_csv(&path, &rows);
        (path, vec!["--encoding".into(), "cp949".into()])
    }
}

fn args<'a>(input: &'a Path, output: &'a Path, extra: &'a [String]) -> Vec<&'a str> {
    let mut args = vec![p(input), "--output", p(output), "--in-flight", "4"];
    args.extend(extra.iter().map(String::as_str));
    args
}

#[test]
fn every_marketplace_export_verified_on_its_own_xlsx_and_cp949_csv() {
    let servers = Servers::start("own", false);
    let mut m = 0;
    for market in MARKETS {
        for (kind, out_kind) in [("xlsx", "xlsx"), ("csv", "csv")] {
            m += 1;
            let (input, extra) = export(&servers, market, m, kind);
            let output = servers.path(&format!("{}-{m}-checked.{out_kind}", market.preset));
            let mut extra = extra;
            extra.extend(["--rate".to_owned(), "100".to_owned()]);
            let before = servers.calls();
            let out = servers.verify(&args(&input, &output, &extra));
            assert_eq!(status(&out), 1, "{} {kind}: {}", market.preset, stderr(&out));
            let rows = read_output(&output);
            assert_eq!(statuses(&rows, market), expected(m), "{} {kind}", market.preset);
            // The duplicate, the invalid row and the 050 number cost no call.
            assert_eq!(servers.calls() - before, CHECKS, "{} {kind}: {}", market.preset, stderr(&out));
            // Every input column is kept, the code masked as --annotate masks it.
            let header = usize::from(market.title.is_some());
            let code = rows[header].iter().position(|h| h == market.code()).unwrap();
            assert_eq!(rows[header + 1][code], format!("P********{}", &orders(m)[0].code[9..]));
            assert_eq!(rows[header + 1].len(), market.header().len() + 2);
            assert!(
                stderr(&out).contains("11 rows: 4 matched, 6 mismatched, 1 invalid, 0 pending, 0 error"),
                "{}",
                stderr(&out)
            );
        }
    }
}

#[test]
fn every_marketplace_export_verified_through_the_gateway_as_background_work() {
    let servers = Servers::start("gateway", true);
    let gateway = servers.through_gateway();
    for (m, market) in (20..).zip(MARKETS) {
        let kind = if m % 2 == 0 { "xlsx" } else { "csv" };
        let (input, mut extra) = export(&servers, market, m, kind);
        extra.extend(gateway.iter().cloned());
        let output = servers.path(&format!("{}-{m}-checked.xlsx", market.preset));
        let before = servers.calls();
        let out = servers.verify(&args(&input, &output, &extra));
        assert_eq!(status(&out), 1, "{}: {}", market.preset, stderr(&out));
        assert_eq!(statuses(&read_output(&output), market), expected(m), "{}", market.preset);
        assert_eq!(servers.calls() - before, CHECKS, "{}", market.preset);
    }
    // Every call was background work.
    let metrics = servers.runtime.block_on(async {
        let url = format!("{}/metrics", servers.gateway_url.as_ref().unwrap());
        reqwest::get(url).await.unwrap().text().await.unwrap()
    });
    let background = metrics
        .lines()
        .find_map(|l| l.strip_prefix("pccc_gateway_upstream_background_calls_total "))
        .and_then(|v| v.trim().parse::<f64>().ok());
    assert_eq!(background, Some((CHECKS * MARKETS.len() as u64) as f64), "{metrics}");

    // Without the token: one line, exit status 2.
    let (input, _) = export(&servers, &COUPANG, 40, "xlsx");
    let output = servers.path("no-token.xlsx");
    let url = servers.gateway_url.clone().unwrap();
    let out = servers.verify(&[p(&input), "-o", p(&output), "--gateway", &url]);
    assert_eq!(status(&out), 2, "{}", stderr(&out));
    assert!(stderr(&out).contains("refused the token"), "{}", stderr(&out));
}

#[test]
fn reruns_and_duplicates_cost_no_call_and_the_state_holds_no_personal_value() {
    let servers = Servers::start("rerun", false);
    let (input, mut extra) = export(&servers, &GMARKET, 50, "xlsx");
    extra.extend(["--rate".to_owned(), "100".to_owned()]);
    let output = servers.path("checked.csv");
    let first = servers.verify(&args(&input, &output, &extra));
    assert_eq!(status(&first), 1, "{}", stderr(&first));
    let written = std::fs::read(&output).unwrap();
    let calls = servers.calls();
    assert_eq!(calls, CHECKS);
    let again = servers.verify(&args(&input, &output, &extra));
    assert_eq!(status(&again), 1);
    assert_eq!(servers.calls(), calls, "a rerun sent checks again: {}", stderr(&again));
    assert!(stderr(&again).contains("0 sent") && stderr(&again).contains("11 from the state"), "{}", stderr(&again));
    assert_eq!(std::fs::read(&output).unwrap(), written);

    let state = std::fs::read_to_string(servers.path("checked.csv.state")).unwrap();
    for order in orders(50) {
        let digits = order.code.trim_start_matches(['P', 'p']).to_owned();
        assert!(!state.contains(&digits), "a code in the state");
        for phone in &order.phones {
            let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
            assert!(digits.is_empty() || !state.contains(&digits[3..]), "a phone number in the state");
        }
    }
    assert!(!state.contains("홍길동") && !state.contains("김민수"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        for file in ["checked.csv.state", "checked.csv.state.key"] {
            let mode = std::fs::metadata(servers.path(file)).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600, "{file}");
        }
    }
}

#[test]
fn an_outage_leaves_rows_pending_and_the_same_command_finishes_them_each_check_sent_once() {
    for through_gateway in [false, true] {
        let servers = Servers::start(if through_gateway { "outage-gw" } else { "outage" }, through_gateway);
        let (input, mut extra) = export(&servers, &INTERPARK, 60, "csv");
        if through_gateway {
            extra.extend(servers.through_gateway());
        } else {
            extra.extend(["--rate".to_owned(), "100".to_owned()]);
        }
        extra.extend(["--wait".to_owned(), "1".to_owned()]);
        let output = servers.path("checked.xlsx");
        servers.set_mode(Mode { system_failure: true, ..Mode::default() });
        let down = servers.verify(&args(&input, &output, &extra));
        assert_eq!(status(&down), 3, "{}", stderr(&down));
        let rows = statuses(&read_output(&output), &INTERPARK);
        for ((status, _), order) in rows.iter().zip(orders(60)) {
            let want = if order.status == "invalid" { "invalid" } else { "pending" };
            assert_eq!(status, want);
        }
        assert!(stderr(&down).contains("run the same command again"), "{}", stderr(&down));

        servers.set_mode(Mode::default());
        // Through a gateway, its queue resolves what it holds once UNI-PASS answers; the run then only asks.
        let first_checks = CHECKS - 2;
        let resolved_by_queue = if through_gateway {
            let before = servers.calls();
            servers.wait_for_empty_queue();
            servers.calls() - before
        } else {
            0
        };
        let before = servers.calls();
        let up = servers.verify(&args(&input, &output, &extra));
        assert_eq!(status(&up), 1, "{}", stderr(&up));
        assert_eq!(statuses(&read_output(&output), &INTERPARK), expected(60));
        // Each check sent once after recovery: the pending first checks (resolved by the gateway's queue, or sent
        // again by the run) and the two second phones.
        let sent = servers.calls() - before;
        if through_gateway {
            assert_eq!((resolved_by_queue, sent), (first_checks, 2), "{}", stderr(&up));
            // Nothing the gateway held was sent again: asked for by its id.
            assert!(stderr(&up).contains(": 2 sent, 9 asked for by id"), "{}", stderr(&up));
        } else {
            assert_eq!(sent, CHECKS, "{}", stderr(&up));
        }
    }
}

#[test]
fn wait_zero_writes_pending_at_once() {
    let servers = Servers::start("wait0", false);
    let (input, extra) = export(&servers, &ELEVENST, 70, "xlsx");
    let output = servers.path("checked.xlsx");
    let mut extra = extra;
    extra.extend(["--wait".to_owned(), "0".to_owned()]);
    servers.set_mode(Mode { system_failure: true, ..Mode::default() });
    let out = servers.verify(&args(&input, &output, &extra));
    assert_eq!(status(&out), 3, "{}", stderr(&out));
    let pending = statuses(&read_output(&output), &ELEVENST).iter().filter(|(s, _)| s == "pending").count();
    assert_eq!(pending, 10);
}

#[test]
fn ambiguous_missing_or_misnamed_columns_are_usage_errors_listing_the_candidates() {
    let servers = Servers::start("columns", false);
    let write = |name: &str, header: &str| {
        let path = servers.path(name);
        std::fs::write(&path, format!("{header}\n홍길동,홍길동,P123456789011,010-1234-5678\n")).unwrap();
        path
    };
    let output = servers.path("out.csv");
    let both = write("both.csv", "수취인명,수령인명,개인통관고유부호,수취인연락처1");
    let out = servers.verify(&[p(&both), "-o", p(&output)]);
    assert_eq!(status(&out), 2);
    assert!(
        stderr(&out).contains("\"수취인명\", \"수령인명\"") && stderr(&out).contains("--columns"),
        "{}",
        stderr(&out)
    );
    assert!(!output.exists(), "nothing is written on a usage error");
    // A preset or --columns settles it, and the calls are made.
    let out = servers.verify(&[p(&both), "-o", p(&output), "--preset", "smartstore"]);
    assert_eq!(status(&out), 0, "{}", stderr(&out));
    let out = servers.verify(&[p(&both), "-o", p(&output), "--columns", "name=수령인명"]);
    assert_eq!(status(&out), 0, "{}", stderr(&out));

    let missing = write("missing.csv", "주문번호,수취인명,받는분연락처,메모");
    let out = servers.verify(&[p(&missing), "-o", p(&output)]);
    assert_eq!(status(&out), 2);
    for expected in ["개인통관고유부호", "개인통관번호(PCCC)", "세관신고정보", "\"주문번호\"", "--columns pccc="]
    {
        assert!(stderr(&out).contains(expected), "{expected}: {}", stderr(&out));
    }
    let out = servers.verify(&[p(&missing), "-o", p(&output), "--columns", "pccc=통관부호"]);
    assert_eq!(status(&out), 2);
    assert!(stderr(&out).contains("no column named \"통관부호\""), "{}", stderr(&out));
    let out = servers.verify(&[p(&missing), "-o", p(&servers.path("out.txt"))]);
    assert_eq!(status(&out), 2);
    assert!(stderr(&out).contains(".xlsx or .csv"), "{}", stderr(&out));
    // The one recipient, asked once (the second run found it in the state).
    assert_eq!(servers.calls(), 1);
}

#[test]
fn ctrl_c_keeps_every_answer_so_far_and_the_same_command_sends_only_the_rest() {
    let servers = Servers::start("interrupt", false);
    // UNI-PASS answers slowly, one check at a time: the run is stopped midway.
    servers.set_mode(Mode { delay_ms: 300, ..Mode::default() });
    let (input, mut extra) = export(&servers, &SMARTSTORE, 80, "xlsx");
    extra.extend(["--rate", "100"].map(str::to_owned));
    let output = servers.path("checked.csv");
    let child = Command::new(common::BIN)
        .arg("verify")
        .args([p(&input), "--output", p(&output), "--in-flight", "1"])
        .args(&extra)
        .env("UNIPASS_BASE_URL", &servers.fake_url)
        .env("UNIPASS_KEY", KEY)
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    while servers.calls() < 4 {
        assert!(std::time::Instant::now() < deadline, "the run did not start");
        std::thread::sleep(Duration::from_millis(20));
    }
    let killed = Command::new("kill").args(["-INT", &child.id().to_string()]).status().unwrap();
    assert!(killed.success());
    let out = child.wait_with_output().unwrap();
    assert_eq!(status(&out), 3, "{}", stderr(&out));
    assert!(stderr(&out).contains("interrupted"), "{}", stderr(&out));
    let rows = statuses(&read_output(&output), &SMARTSTORE);
    let answered = rows.iter().filter(|(s, _)| s == "matched" || s == "mismatched").count();
    assert!(rows.iter().any(|(s, _)| s == "pending"), "{rows:?}");
    let first_run = servers.calls();

    servers.set_mode(Mode::default());
    let again = servers.verify(&args(&input, &output, &extra));
    assert_eq!(status(&again), 1, "{}", stderr(&again));
    assert_eq!(statuses(&read_output(&output), &SMARTSTORE), expected(80));
    // Only what the first run had no answer for was sent (the call under way at Ctrl-C, at most, twice).
    let resent = servers.calls() - first_run;
    assert!(first_run + resent <= CHECKS + 1, "{first_run} + {resent} calls for {CHECKS} checks");
    assert!(answered >= 2 && resent < CHECKS, "{answered} rows answered before Ctrl-C, {resent} sent after");
}
