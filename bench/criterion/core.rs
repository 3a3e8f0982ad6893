//! Native benchmarks of the core: parse, normalise and mask, on the same kinds of input as the Node corpus.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use pccc_guard::{normalize, normalize_with_caret, Pccc, PcccMask};
use std::hint::black_box;

const INPUTS: &[(&str, &str)] = &[
    ("clean", "P123456789012"),
    ("hyphenated", "p1234-5678-9012"),
    ("pasted", " P 1234 5678 9012\u{200B}"),
    ("full-width", "Ｐ１２３４５６７８９０１２"),
    ("too_short", "P12345678901"),
    ("letter_o", "P12345O789012"),
    ("rrn", "900101-1234567"),
];

fn bench(c: &mut Criterion) {
    for (op, f) in [
        ("parse", (|s: &str| Pccc::parse(s).is_ok() as usize) as fn(&str) -> usize),
        ("normalize", |s| normalize(s).len()),
        ("normalize_with_caret", |s| normalize_with_caret(s, 5).caret),
        ("mask", |s| PcccMask::new().apply(s).map_or(0, |m| m.len())),
    ] {
        let mut group = c.benchmark_group(op);
        for (name, input) in INPUTS {
            group.throughput(Throughput::Elements(1));
            group.bench_function(*name, |b| b.iter(|| f(black_box(input))));
        }
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
