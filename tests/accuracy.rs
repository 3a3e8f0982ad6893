//! Accuracy of finding numbers in free text, on the labelled corpus of `tests/corpus/`: every labelled number
//! must be found with exactly its range (no false negatives), and the precision is computed and printed with
//! every false positive by the kind of near miss it came from (`cargo test --test accuracy -- --nocapture`).
//! BENCHMARKS.md lists them with the reason each is accepted.

mod corpus;

use std::collections::BTreeMap;

use pccc_guard::{find_sensitive, redact, Policies};

const SEED: u64 = 0x5043_4343_2026_1129;
const LINES: usize = 20_000;

#[test]
fn every_labelled_number_is_found_and_precision_is_reported() {
    let lines = corpus::generate(SEED, LINES);
    let (mut labels, mut true_pos, mut false_pos) = (0usize, 0usize, 0usize);
    let mut missed = Vec::new();
    let mut by_near_miss: BTreeMap<&str, (usize, usize)> = BTreeMap::new(); // (seen, found)
    let mut other_false = Vec::new();
    let mut by_kind: BTreeMap<&str, (usize, usize)> = BTreeMap::new(); // (found labelled, false positives)
    for line in &lines {
        let found: Vec<_> = find_sensitive(&line.text).map(|f| (f.kind, f.range)).collect();
        labels += line.labels.len();
        for label in &line.labels {
            if found.contains(label) {
                true_pos += 1;
                by_kind.entry(label.0.code()).or_default().0 += 1;
            } else {
                missed.push(format!("{:?} {:?} in {:?}", label.0, &line.text[label.1.clone()], line.text));
            }
        }
        for (kind, _) in &line.near_misses {
            by_near_miss.entry(kind).or_default().0 += 1;
        }
        for f in found.iter().filter(|f| !line.labels.contains(f)) {
            false_pos += 1;
            by_kind.entry(f.0.code()).or_default().1 += 1;
            match line.near_misses.iter().find(|(_, r)| r.start <= f.1.start && f.1.end <= r.end) {
                Some((kind, _)) => by_near_miss.entry(kind).or_default().1 += 1,
                None => other_false.push(format!("{:?} {:?} in {:?}", f.0, &line.text[f.1.clone()], line.text)),
            }
        }
        // Redacting the line leaves none of the labelled numbers' hidden digits: each labelled number is changed.
        let out = redact(&line.text, &Policies::new()).unwrap();
        for label in &line.labels {
            assert!(!out.contains(&line.text[label.1.clone()]), "{:?} survived redaction in {out:?}", label);
        }
    }
    let near_misses: usize = by_near_miss.values().map(|v| v.0).sum();
    let precision = true_pos as f64 / (true_pos + false_pos).max(1) as f64;
    println!("accuracy corpus: {LINES} lines, {labels} labelled numbers, {near_misses} near misses");
    println!("recall {true_pos}/{labels} = {:.4}", true_pos as f64 / labels.max(1) as f64);
    println!("precision {true_pos}/{} = {precision:.4} ({false_pos} false positives)", true_pos + false_pos);
    for (kind, (found, wrong)) in &by_kind {
        println!(
            "  {kind}: {found} labelled found, {wrong} false positives, precision {:.4}",
            *found as f64 / (found + wrong) as f64
        );
    }
    println!("false positives by near miss (found / seen):");
    for (kind, (seen, found)) in &by_near_miss {
        println!("  {kind}: {found} / {seen}");
    }
    for f in &other_false {
        println!("  outside any near miss: {f}");
    }
    assert!(labels > 10_000 && near_misses > 20_000, "the corpus is big enough to measure");
    assert!(
        missed.is_empty(),
        "{} labelled numbers missed, e.g.:\n{}",
        missed.len(),
        missed[..missed.len().min(20)].join("\n")
    );
    assert!(other_false.is_empty(), "false positives that are not near misses: the corpus or the finder is wrong");
    // Near misses that no rule should ever take for a number: their shapes cannot match.
    for kind in corpus::NEAR_MISS_KINDS.iter().filter(|k| !corpus::RRN_SHAPED_NEAR_MISSES.contains(k)) {
        assert_eq!(by_near_miss.get(kind).map_or(0, |v| v.1), 0, "{kind}");
    }
}

#[test]
fn the_corpus_is_deterministic_and_labels_point_at_numbers() {
    let a = corpus::generate(7, 200);
    let b = corpus::generate(7, 200);
    assert!(a.iter().zip(&b).all(|(x, y)| x.text == y.text && x.labels == y.labels));
    for line in &a {
        for (_, range) in &line.labels {
            let number = &line.text[range.clone()];
            assert!(
                number.chars().filter(|c| c.is_ascii_digit() || ('０'..='９').contains(c)).count() >= 10,
                "{number}"
            );
        }
    }
}
