//! Writes a generated application log for `pccc-guard redact`'s benchmark (bench/redact.py): access lines,
//! orders, shipments, customs checks, JSON events, cache statistics, Korean customer-service lines and errors,
//! full of numbers that are not personal (timestamps, IPv4 addresses, UUIDs, order numbers, prices, 12-digit
//! tracking numbers, landlines, `070` and `1588` numbers, masked card numbers), with a personal number on about
//! one line in 200: a PCCC, an RRN or a mobile number in the shapes people write them, now and then full-width.
//! Deterministic: the same bytes for the same size on every machine.
//!
//! Usage: gen-log BYTES > corpus.log

use std::fmt::Write as _;
use std::io::{self, Write};

/// xorshift64*: the same sequence everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
}

const LEVELS: [&str; 8] = ["INFO ", "INFO ", "INFO ", "INFO ", "DEBUG", "DEBUG", "WARN ", "ERROR"];
const PATHS: [&str; 7] = [
    "/api/orders",
    "/api/cart",
    "/api/customs/verify",
    "/health",
    "/api/users/me",
    "/api/products/search?q=%EB%B9%84%ED%83%80%EB%AF%BC",
    "/static/app.3f9a2c.js",
];
const AGENTS: [&str; 4] = [
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15",
    "Mozilla/5.0 (Linux; Android 14; SM-S921N) Chrome/124.0.6367.82 Mobile",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/124.0.0.0",
    "okhttp/4.12.0",
];
const CARRIERS: [&str; 4] = ["CJ대한통운", "한진택배", "롯데택배", "우체국택배"];
const STATUS: [&str; 4] = ["집화완료", "배송중", "배송출발", "배송완료"];
const HUBS: [&str; 4] = ["곤지암", "대전", "칠곡", "인천공항 특송센터"];
const INQUIRIES: [&str; 5] =
    ["배송 지연 문의", "통관 보류 안내 요청", "교환/반품 접수", "결제 취소 요청", "상품 파손 신고, 사진 첨부"];
const EVENTS: [&str; 5] = ["cart.update", "order.paid", "coupon.apply", "review.create", "user.login"];

fn uuid(r: &mut Rng, out: &mut String) {
    let (a, b) = (r.next(), r.next());
    let _ = write!(
        out,
        "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
        a >> 32,
        (a >> 16) & 0xFFFF,
        a & 0xFFF,
        (b >> 48) | 0x8000,
        b & 0xFFFF_FFFF_FFFF
    );
}

/// One personal number, in one of the shapes people write, with its key: (key, value).
fn personal(r: &mut Rng) -> (&'static str, String) {
    let (m, d) = (1 + r.below(12), 1 + r.below(28));
    let year = r.below(100);
    let seventh = 1 + r.below(4);
    let (mid, last) = (r.below(10_000), r.below(10_000));
    let code = r.below(1_000_000_000_000);
    let (a, b, c) = (code / 100_000_000, code / 10_000 % 10_000, code % 10_000);
    // Full-width digits, as a Korean IME types them.
    let wide = |n: u64, w: usize| -> String {
        format!("{n:0w$}").chars().filter_map(|c| char::from_u32(c as u32 + 0xFF10 - 0x30)).collect()
    };
    match r.below(14) {
        0 => ("pccc", format!("P{code:012}")),
        1 => ("memo", format!("통관부호 P{a:04}-{b:04}-{c:04} 입니다")),
        2 => ("customs_code", format!("p {a:04} {b:04} {c:04}")),
        3 => ("rrn", format!("{year:02}{m:02}{d:02}-{seventh}{:06}", r.below(1_000_000))),
        4 => ("memo", format!("주민번호 {year:02}{m:02}{d:02}{seventh}{:06}로 통관", r.below(1_000_000))),
        5 => ("recipient_phone", format!("010-{mid:04}-{last:04}")),
        6 => ("memo", format!("연락처는010.{mid:04}.{last:04}입니다, 부재시 문앞")),
        7 => ("phone", format!("010{mid:04}{last:04}")),
        8 => ("tel", format!("+82 10-{mid:04}-{last:04}")),
        9 => ("contact", format!("(010) {mid:04}-{last:04}")),
        10 => ("phone", format!("011-{:03}-{last:04}", mid % 1000)),
        11 => ("tel", format!("+821{}{:03}{last:04}", ["0", "1", "6", "9"][r.below(4) as usize], mid % 1000)),
        12 => ("memo", format!("통관부호：Ｐ{}", wide(code, 12))),
        _ => ("memo", format!("전화 ０１０－{}－{}", wide(mid, 4), wide(last, 4))),
    }
}

fn line(r: &mut Rng, n: u64, out: &mut String) {
    let (h, mi, s, ms) = (r.below(24), r.below(60), r.below(60), r.below(1000));
    let order = format!("ORD-20261129-{:06}", r.below(1_000_000));
    if r.below(100) < 15 {
        // A JSON event with a millisecond timestamp (2026: never an RRN's shape).
        let _ = write!(
            out,
            "{{\"ts\":{},\"level\":\"info\",\"event\":\"{}\",\"user_id\":{},\"sku\":\"SKU-{:05}-{}\",\"qty\":{},\"price\":{},\"order\":\"{order}\",\"msg\":\"장바구니에 상품을 담았습니다\"",
            1_764_374_400_000 + r.below(86_400_000),
            r.pick(&EVENTS),
            r.below(1_000_000),
            r.below(100_000),
            ["BLK", "WHT", "RED"][r.below(3) as usize],
            1 + r.below(5),
            (1 + r.below(500)) * 100
        );
        if n % 200 == 0 {
            let (key, value) = personal(r);
            let _ = write!(out, ",\"{key}\":\"{value}\"");
        }
        out.push_str("}\n");
        return;
    }
    let level = r.pick(&LEVELS);
    let _ = write!(
        out,
        "2026-11-29T{h:02}:{mi:02}:{s:02}.{ms:03}+09:00 {level} [http-nio-8080-exec-{}] ",
        1 + r.below(200)
    );
    match r.below(100) {
        0..=34 => {
            let _ = write!(
                out,
                "c.e.shop.web.AccessLog - {}.{}.{}.{} \"{} {} HTTP/1.1\" {} {} {}ms req=",
                r.below(224),
                r.below(256),
                r.below(256),
                1 + r.below(254),
                ["GET", "GET", "POST", "PUT"][r.below(4) as usize],
                r.pick(&PATHS),
                [200, 200, 200, 201, 304, 404, 500][r.below(7) as usize],
                r.below(50_000),
                r.below(900)
            );
            uuid(r, out);
            let _ = write!(out, " ua=\"{}\"", r.pick(&AGENTS));
        }
        35..=52 => {
            let _ = write!(
                out,
                "c.e.shop.order.OrderService - order {order} placed user=u_{} items={} amount=₩{},{:03} pay=CARD card={:04}-****-****-{:04} coupon=WELCOME10",
                r.below(1_000_000),
                1 + r.below(9),
                1 + r.below(999),
                r.below(1000),
                r.below(10_000),
                r.below(10_000)
            );
        }
        53..=64 => {
            let _ = write!(
                out,
                "c.e.shop.delivery.Tracker - shipment {:012} carrier={} status={} hub={} eta=2026-12-{:02} store_tel=02-{}-{:04} cs=1588-{:04}",
                r.below(1_000_000_000_000),
                r.pick(&CARRIERS),
                r.pick(&STATUS),
                r.pick(&HUBS),
                1 + r.below(28),
                100 + r.below(900),
                r.below(10_000),
                r.below(10_000)
            );
        }
        65..=76 => {
            let _ = write!(out, "c.e.shop.customs.UnipassClient - customs check {order} session=");
            uuid(r, out);
            let _ = write!(out, " took 0.{:03}s retries={} result=VALID", r.below(1000), r.below(3));
        }
        77..=86 => {
            let _ = write!(
                out,
                "c.e.shop.cache.Stats - cache hit ratio=0.{:02} keys={} evicted={} heap={}MB gc=G1 pause={}ms",
                r.below(100),
                r.below(100_000),
                r.below(50),
                256 + r.below(1792),
                r.below(40)
            );
        }
        87..=96 => {
            let _ = write!(
                out,
                "c.e.shop.cs.Inquiry - 고객 문의 접수: {} (주문 {order}), 담당자 배정 완료, 콜백 070-{:04}-{:04}",
                r.pick(&INQUIRIES),
                r.below(10_000),
                r.below(10_000)
            );
        }
        _ => {
            let _ = write!(
                out,
                "c.e.shop.pay.PgClient - java.net.SocketTimeoutException: Read timed out at c.e.shop.pay.PgClient.approve(PgClient.java:{}) tid={:016x}",
                100 + r.below(400),
                r.next()
            );
        }
    }
    if n % 200 == 0 {
        let (key, value) = personal(r);
        if value.contains(' ') {
            let _ = write!(out, " {key}=\"{value}\"");
        } else {
            let _ = write!(out, " {key}={value}");
        }
    }
    out.push('\n');
}

fn main() -> io::Result<()> {
    let Some(bytes) = std::env::args().nth(1).and_then(|a| a.replace('_', "").parse::<u64>().ok()) else {
        eprintln!("usage: gen-log BYTES > corpus.log");
        std::process::exit(2);
    };
    let mut r = Rng(0x5043_4343_2026_1129);
    let stdout = io::stdout();
    let mut out = io::BufWriter::with_capacity(1 << 20, stdout.lock());
    let mut text = String::with_capacity(1 << 20);
    let (mut written, mut n) = (0u64, 0u64);
    while written < bytes {
        text.clear();
        while text.len() < (1 << 20) - 1024 && written + (text.len() as u64) < bytes {
            n += 1;
            line(&mut r, n, &mut text);
        }
        out.write_all(text.as_bytes())?;
        written += text.len() as u64;
    }
    out.flush()
}
