//! A labelled corpus of free text for measuring how well numbers are found: Korean and English sentences,
//! delivery memos, chat lines and log lines with personal numbers at known byte offsets, and the near misses
//! people really write around them (tracking and order numbers, card and business registration numbers,
//! product barcodes, dates, times, prices, IP addresses, UUIDs, timestamps, landline, VoIP and virtual numbers).
//!
//! Deterministic: a small xorshift generator with a fixed seed, so every run sees the same corpus. The numbers
//! are synthetic (random digits in valid shapes).
#![allow(dead_code)]

use pccc_guard::Kind;
use std::ops::Range;

/// One generated line: its text, the personal numbers in it (kind and byte range), and the near misses in it
/// (what kind of near miss, and its byte range), which must not be found.
pub struct Line {
    pub text: String,
    pub labels: Vec<(Kind, Range<usize>)>,
    pub near_misses: Vec<(&'static str, Range<usize>)>,
}

/// xorshift64*: small, fast and good enough to vary a corpus.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    pub fn digits(&mut self, n: usize) -> String {
        (0..n).map(|_| char::from(b'0' + self.below(10) as u8)).collect()
    }
}

/// ASCII digits and letters to their full-width forms.
pub fn full_width(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '-' { char::from_u32(c as u32 + 0xFEE0).unwrap() } else { c })
        .collect()
}

// ---- Personal numbers, in the shapes people write them ---------------------------------------------------------------

pub fn pccc(r: &mut Rng) -> String {
    let d = r.digits(12);
    let p = *r.pick(&["P", "P", "P", "P", "p", "Ｐ"]);
    let s = match r.below(6) {
        0 | 1 => format!("{p}{d}"),
        2 => format!("{p}{}-{}-{}", &d[..4], &d[4..8], &d[8..]),
        3 => format!("{p} {} {} {}", &d[..4], &d[4..8], &d[8..]),
        4 => format!("{p}{} {} {}", &d[..4], &d[4..8], &d[8..]),
        _ => format!("{p}-{}-{}-{}", &d[..4], &d[4..8], &d[8..]),
    };
    if r.chance(8) {
        full_width(&s)
    } else {
        s
    }
}

pub fn rrn(r: &mut Rng) -> String {
    let month = 1 + r.below(12);
    let days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
    let head = format!("{:02}{:02}{:02}", r.below(100), month, 1 + r.below(days));
    let tail = format!("{}{}", *r.pick(&[1, 2, 1, 2, 3, 4, 5, 6, 7, 8]), r.digits(6));
    let s = match r.below(5) {
        0..=2 => format!("{head}-{tail}"),
        3 => format!("{head}{tail}"),
        _ => format!("{head} {tail}"),
    };
    if r.chance(5) {
        full_width(&s)
    } else {
        s
    }
}

pub fn mobile(r: &mut Rng) -> String {
    let prefix = *r.pick(&["010", "010", "010", "010", "010", "011", "016", "017", "018", "019"]);
    let mid = if prefix == "010" || r.chance(50) { r.digits(4) } else { r.digits(3) };
    let last = r.digits(4);
    let national = &prefix[1..];
    let s = match r.below(14) {
        0..=3 => format!("{prefix}-{mid}-{last}"),
        4 | 5 => format!("{prefix}{mid}{last}"),
        6 => format!("{prefix} {mid} {last}"),
        7 => format!("{prefix}.{mid}.{last}"),
        8 => format!("+82 {national}-{mid}-{last}"),
        9 => format!("+82-{national}-{mid}-{last}"),
        10 => format!("+82{national}{mid}{last}"),
        11 => format!("0082 {national} {mid} {last}"),
        12 => format!("({prefix}) {mid}-{last}"),
        _ => format!("+82 (0){national}-{mid}-{last}"),
    };
    if r.chance(6) {
        full_width(&s)
    } else {
        s
    }
}

// ---- Near misses -------------------------------------------------------------------------------------------------------

/// The near misses that can have an RRN's exact shape (13 digits, a real date, a plausible 7th digit): found now
/// and then, and accepted (BENCHMARKS.md says why). No other near miss may ever be found.
pub const RRN_SHAPED_NEAR_MISSES: [&str; 3] =
    ["tracking number (13 digits, Korea Post)", "product barcode (EAN-13, 880)", "Unix timestamp (s or ms)"];

pub const NEAR_MISS_KINDS: [&str; 22] = [
    "tracking number (12 digits)",
    "tracking number (13 digits, Korea Post)",
    "tracking number (14-15 digits)",
    "tracking number (grouped)",
    "card number (4-4-4-4)",
    "card number (16 digits)",
    "business registration number",
    "date",
    "date and time",
    "time",
    "price",
    "IPv4 address",
    "UUID",
    "landline",
    "VoIP number (070)",
    "virtual number (050x)",
    "representative number (1588)",
    "order number",
    "P + 13 digits",
    "product barcode (EAN-13, 880)",
    "Unix timestamp (s or ms)",
    "account number",
];

pub fn near_miss(r: &mut Rng) -> (&'static str, String) {
    let kind = *r.pick(&NEAR_MISS_KINDS);
    let text = match kind {
        "tracking number (12 digits)" => r.digits(12),
        "tracking number (13 digits, Korea Post)" => format!("6{}", r.digits(12)),
        "tracking number (14-15 digits)" => {
            let n = 14 + r.below(2);
            r.digits(n)
        }
        "tracking number (grouped)" => format!("{}-{}-{}", r.digits(4), r.digits(4), r.digits(4)),
        "card number (4-4-4-4)" => {
            let sep = *r.pick(&["-", " "]);
            format!("{}{sep}{}{sep}{}{sep}{}", r.digits(4), r.digits(4), r.digits(4), r.digits(4))
        }
        "card number (16 digits)" => r.digits(16),
        "business registration number" => format!("{}-{}-{}", r.digits(3), r.digits(2), r.digits(5)),
        "date" => {
            let (y, m, d) = (2000 + r.below(30), 1 + r.below(12), 1 + r.below(28));
            match r.below(4) {
                0 => format!("{y}-{m:02}-{d:02}"),
                1 => format!("{y}{m:02}{d:02}"),
                2 => format!("{y}.{m:02}.{d:02}"),
                _ => format!("{:02}.{m:02}.{d:02}", y % 100),
            }
        }
        "date and time" => format!(
            "{}-{:02}-{:02} {:02}:{:02}:{:02}",
            2020 + r.below(10),
            1 + r.below(12),
            1 + r.below(28),
            r.below(24),
            r.below(60),
            r.below(60)
        ),
        "time" => format!("{:02}:{:02}", r.below(24), r.below(60)),
        "price" => {
            let won = 1000 + r.below(99_999_000);
            let grouped = won
                .to_string()
                .as_bytes()
                .rchunks(3)
                .rev()
                .map(|c| std::str::from_utf8(c).unwrap())
                .collect::<Vec<_>>()
                .join(",");
            if r.chance(50) {
                format!("₩{grouped}")
            } else {
                format!("{grouped}원")
            }
        }
        "IPv4 address" => format!("{}.{}.{}.{}", r.below(256), r.below(256), r.below(256), r.below(256)),
        "UUID" => {
            let hex = |r: &mut Rng, n: usize| {
                (0..n).map(|_| *r.pick(&"0123456789abcdef".chars().collect::<Vec<_>>())).collect::<String>()
            };
            format!("{}-{}-{}-{}-{}", hex(r, 8), hex(r, 4), hex(r, 4), hex(r, 4), hex(r, 12))
        }
        "landline" => {
            let area =
                *r.pick(&["02", "031", "032", "033", "041", "042", "051", "052", "053", "055", "061", "062", "064"]);
            let mid = if r.chance(50) { r.digits(3) } else { r.digits(4) };
            format!("{area}-{mid}-{}", r.digits(4))
        }
        "VoIP number (070)" => format!("070-{}-{}", r.digits(4), r.digits(4)),
        "virtual number (050x)" => format!("050{}-{}-{}", r.below(10), r.digits(4), r.digits(4)),
        "representative number (1588)" => format!("{}-{}", r.pick(&["1588", "1577", "1644", "1899"]), r.digits(4)),
        "order number" => {
            format!("ORD-{}{:02}{:02}-{}", 2020 + r.below(10), 1 + r.below(12), 1 + r.below(28), r.digits(4))
        }
        "P + 13 digits" => format!("P{}", r.digits(13)),
        "product barcode (EAN-13, 880)" => format!("880{}", r.digits(10)),
        "Unix timestamp (s or ms)" => {
            let s = 1_600_000_000 + r.below(200_000_000);
            if r.chance(50) {
                s.to_string()
            } else {
                format!("{s}{}", r.digits(3))
            }
        }
        _ => format!("{}-{}-{}", r.digits(3), r.digits(6), r.digits(5)),
    };
    (kind, text)
}

// ---- Lines ----------------------------------------------------------------------------------------------------------

/// Templates: `{}` is a personal number, `{~}` a near miss. Korean templates attach numbers without spaces too,
/// as people write particles right after them.
const TEMPLATES: &[&str] = &[
    // Delivery memos (Korean)
    "부재시 경비실에 맡겨주세요. 연락처 {}",
    "문 앞에 놔주세요~ 통관부호 {} 입니다",
    "개인통관고유부호: {}",
    "{} (통관부호)",
    "통관부호는{}입니다. 빠른 배송 부탁드려요",
    "«{}».",
    "배송 전 {}으로 연락 주세요!",
    "공동현관 비번 #{~}, 연락처:{}",
    "수령인 홍길동 {} / 주문번호 {~}",
    "주민번호 {} 로 통관해 주세요",
    "송장번호 {~} 확인 부탁드립니다. 번호는{}입니다",
    "경비실 전화 {~}, 제 번호 {}",
    "카드 {~} 결제했어요. 연락처 {}",
    // Chat lines
    "[오후 3:12] 고객: 통관번호 {} 맞나요?",
    "[14:03] 상담원: 주문 {~} 확인되었습니다",
    "고객님 번호가 {} 맞으신가요? 사업자번호는 {~}입니다",
    "제 주민번호가 {}인데 통관이 안돼요 ㅠㅠ",
    "ㅇㅇ {} 로 문자주세요",
    "안심번호 {~} 말고 실제 번호 {}로 해주세요",
    // English sentences and chat
    "Please call me at {} before delivery.",
    "My customs code is {}, thanks!",
    "Customs ID: {}; order {~}",
    "Reach me on {} or the office on {~}.",
    "Paid {~} on card {~}, phone {}",
    "Tracking {~} shows delivered at {~}",
    // Log lines
    "{~} INFO  [http-nio-8080-exec-7] o.e.OrderController - POST /orders id={~} phone={} status=201",
    "{~} WARN  customs-check failed pccc={} reason=mismatch",
    "{~} ERROR rrn detected in memo: \"{}\"",
    "ts={~} level=info msg=\"order placed\" order={~} tel={} ip={~}",
    "{~} - - [29/Nov/2026:08:15:42 +0900] \"GET /api/orders/{~}?tel={} HTTP/1.1\" 200 {~}",
    "{\"orderId\":\"{~}\",\"receiver\":{\"phone\":\"{}\",\"pccc\":\"{}\"},\"amount\":\"{~}\"}",
    "{~},{~},{},{},홍길동",
    "{~} DEBUG request_id={~} user_phone={} latency_ms=35",
    // Only near misses
    "{~} INFO  health check ok from {~} in 3ms",
    "주문번호 {~} / 송장 {~} / 결제 {~}",
    "Order {~} shipped {~}, tracking {~}",
    "대표번호 {~} 고객센터 운영시간 {~}~18:00",
];

/// The corpus: `lines` lines, the same for the same seed.
pub fn generate(seed: u64, lines: usize) -> Vec<Line> {
    let mut r = Rng::new(seed);
    (0..lines)
        .map(|_| {
            let template = *r.pick(TEMPLATES);
            let mut line = Line { text: String::new(), labels: Vec::new(), near_misses: Vec::new() };
            let mut rest = template;
            while let Some(at) = rest.find('{') {
                line.text.push_str(&rest[..at]);
                let after = &rest[at..];
                if let Some(tail) = after.strip_prefix("{~}") {
                    let (kind, text) = near_miss(&mut r);
                    let start = line.text.len();
                    line.text.push_str(&text);
                    line.near_misses.push((kind, start..line.text.len()));
                    rest = tail;
                } else if let Some(tail) = after.strip_prefix("{}") {
                    let kind = *r.pick(&[Kind::Pccc, Kind::Pccc, Kind::Rrn, Kind::Phone, Kind::Phone, Kind::Phone]);
                    let text = match kind {
                        Kind::Pccc => pccc(&mut r),
                        Kind::Rrn => rrn(&mut r),
                        _ => mobile(&mut r),
                    };
                    let start = line.text.len();
                    line.text.push_str(&text);
                    line.labels.push((kind, start..line.text.len()));
                    rest = tail;
                } else {
                    line.text.push('{');
                    rest = &after[1..];
                }
            }
            line.text.push_str(rest);
            line
        })
        .collect()
}
