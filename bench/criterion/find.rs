//! Throughput of finding (and redacting) numbers in free text, on a generated application log of about 8 MB with
//! sparse findings: timestamps, levels, thread names, request and order ids, IP addresses, latencies, prices and
//! landlines on every line, a personal number on about one line in 200.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use pccc_guard::{find_sensitive_bytes, redact_bytes, Policies};
use std::hint::black_box;

/// xorshift64*, so the log is the same on every run.
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
}

/// About `bytes` bytes of log lines.
fn sparse_log(bytes: usize) -> Vec<u8> {
    let mut r = Rng(0x1129_2026);
    let mut out = String::with_capacity(bytes + 512);
    let levels = ["INFO ", "INFO ", "INFO ", "DEBUG", "WARN ", "ERROR"];
    let paths = ["/api/orders", "/api/cart", "/api/customs/check", "/health", "/api/users/me"];
    let mut line = 0u64;
    while out.len() < bytes {
        line += 1;
        let (h, m, s, ms) = (r.below(24), r.below(60), r.below(60), r.below(1000));
        out.push_str(&format!(
            "2026-11-29T{h:02}:{m:02}:{s:02}.{ms:03}Z {} [http-nio-8080-exec-{}] c.e.shop.OrderController - ",
            levels[r.below(6) as usize],
            r.below(200)
        ));
        match r.below(5) {
            0 => out.push_str(&format!(
                "GET {} status=200 latency={}ms ip={}.{}.{}.{} req={:016x}",
                paths[r.below(5) as usize],
                r.below(900),
                r.below(256),
                r.below(256),
                r.below(256),
                r.below(256),
                r.next()
            )),
            1 => out.push_str(&format!(
                "order ORD-20261129-{:04} placed amount=₩{},{:03} items={} user=u_{}",
                r.below(10_000),
                r.below(999),
                r.below(1000),
                r.below(9) + 1,
                r.below(1_000_000)
            )),
            2 => out.push_str(&format!(
                "shipment tracking={:012} carrier=CJ eta=2026-12-0{} store tel 02-{}-{:04}",
                r.below(1_000_000_000_000),
                r.below(9) + 1,
                r.below(900) + 100,
                r.below(10_000)
            )),
            3 => out.push_str(&format!(
                "customs check ok session={:08x}-{:04x} took {}.{}s retries=0",
                r.next() as u32,
                r.below(0x10000),
                r.below(3),
                r.below(1000)
            )),
            _ => out.push_str(&format!(
                "cache hit ratio={}.{:02} keys={} evicted={}",
                r.below(2),
                r.below(100),
                r.below(100_000),
                r.below(50)
            )),
        }
        if line % 200 == 0 {
            match r.below(3) {
                0 => out.push_str(&format!(" memo=\"연락처 010-{:04}-{:04}\"", r.below(10_000), r.below(10_000))),
                1 => out.push_str(&format!(" pccc=P{:012}", r.below(1_000_000_000_000))),
                _ => out.push_str(&format!(" rrn={:02}0101-1{:06}", r.below(100), r.below(1_000_000))),
            }
        }
        out.push('\n');
    }
    out.into_bytes()
}

fn bench(c: &mut Criterion) {
    let log = sparse_log(8 << 20);
    let findings = find_sensitive_bytes(&log).count();
    assert!(findings > 100, "the log has findings: {findings}");
    let mut group = c.benchmark_group("free_text");
    group.throughput(Throughput::Bytes(log.len() as u64));
    group.sample_size(20);
    group.bench_function("find_sensitive_bytes/sparse_log", |b| {
        b.iter(|| find_sensitive_bytes(black_box(&log)).count())
    });
    let policies = Policies::new();
    group.bench_function("redact_bytes/sparse_log", |b| {
        b.iter(|| redact_bytes(black_box(&log), &policies).map_or(0, |o| o.len()))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
