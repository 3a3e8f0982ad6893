//! `pccc-guard redact`, the built binary as a user runs it: bytes outside findings pass through unchanged,
//! findings are masked exactly as the library's `redact_bytes` masks the whole input (also when they straddle
//! reads, at every split position), `--kinds`, `--count`, `--check` and its exit codes, the mask options, several
//! files, errors, and the help's examples.

use std::io::{Read, Write};
use std::process::{Command, Output, Stdio};

use pccc_guard::{find_sensitive_bytes, redact_bytes, Kind, Kinds, PcccMask, PhoneMask, Policies};

mod common;
use common::{file, run, status, stderr, stdout, BIN};

fn redact(args: &[&str], stdin: &[u8]) -> Output {
    let mut all = vec!["redact"];
    all.extend_from_slice(args);
    run(&all, stdin)
}

/// What the library makes of the whole input at once: the reference for the streamed output.
fn reference(input: &[u8], policies: &Policies) -> Vec<u8> {
    redact_bytes(input, policies).unwrap().into_owned()
}

/// The `--count` output the library's finder gives for the whole input.
fn reference_counts(input: &[u8], kinds: Kinds) -> String {
    let found: Vec<Kind> = find_sensitive_bytes(input).kinds(kinds).map(|f| f.kind).collect();
    Kind::ALL
        .into_iter()
        .filter(|k| kinds.contains(*k))
        .map(|k| format!("{}\t{}\n", k.code(), found.iter().filter(|f| **f == k).count()))
        .collect()
}

/// Samples with numbers of every kind and shape next to near misses, separators, Hangul, full-width forms,
/// invalid UTF-8 and NUL; numbers at the very start and end, numbers one separator apart, and lines of
/// several lengths, with and without line breaks.
fn samples() -> Vec<Vec<u8>> {
    let log = "010-1234-5678 2026-11-29T08:15:42.123Z INFO [http-nio-8080-exec-7] ip=192.168.0.12 \
               tel=+821012345678 order=ORD-20261129-0001 amount=₩12,900\n\
               WARN memo=\"연락처는010.1234.5678입니다\" pccc=P1234-5678-9012 rrn=900101-1234567 \
               tracking=123456789012 card=1234-5678-9012-3456\n\
               DEBUG +82-(0)10-1234-5678, 0082 10 1234 5678 (010) 1234-5678 011 123 4567 P1234567890123\n\
               p 1234 5678 9012";
    let unicode = "통관부호 Ｐ１２３４５６７８９０１２ 주민 ９００１０１－１２３４５６７ 전화 ０１０－１２３４－５６７８ \
                   ＋８２ １０ １２３４ ５６７８ （０１０）１２３４－５６７８ P1234\u{3000}5678\u{3000}9012 \
                   900101\u{2010}2234567 010\u{200B}1234\u{200B}5678 １P123456789012 P123456789012ｘ \
                   ｐ123456789012 \
                   ００８２\u{3000}（０）\u{3000}１０－１２３４－５６７８ ００８２\u{3000}（０）\u{3000}１０－１２３４－５６７８ｘ \
                   ００８２\u{3000}（０）\u{3000}１０－１２３４－５６７８";
    let mut dense = b"P123456789012 P123456789012-010-1234-5678 900101-1234567/9001011234567".to_vec();
    dense.extend_from_slice(b"\xff010-1234-5678\xfe\x00P123456789012\x00\xc3(01012345678\xe2\x80");
    dense.extend_from_slice("\u{FEFF}+82 10 1234 5678\t0101234567801 01012345678\r\n".as_bytes());
    dense.extend_from_slice(b"\xef\xbc010-1234-5678 \xef\xbc\x91010-1234-5678 x010-1234-5678 010-1234-5678");
    vec![log.as_bytes().to_vec(), unicode.as_bytes().to_vec(), dense]
}

#[test]
fn the_samples_have_findings_of_every_kind_and_near_misses() {
    // Guards the other tests against samples that find nothing.
    for (i, sample) in samples().iter().enumerate() {
        let counts = reference_counts(sample, Kinds::ALL);
        for kind in ["pccc", "rrn", "phone"] {
            assert!(!counts.contains(&format!("{kind}\t0\n")), "sample {i}: {counts}");
        }
        assert_ne!(reference(sample, &Policies::new()), *sample);
    }
}

#[test]
fn findings_are_masked_and_everything_else_passes_through() {
    let out = redact(&[], "통관부호 P123456789012, 주민 900101-1234567, 전화 010-1234-5678입니다\n".as_bytes());
    assert_eq!(stdout(&out), "통관부호 P********9012, 주민 ******-*******, 전화 010-1234-****입니다\n");
    assert_eq!((status(&out), stderr(&out).as_str()), (0, ""));
    // Every byte value, invalid UTF-8 and NUL among them, around and between numbers.
    let mut input: Vec<u8> = (0..=255u8).collect();
    input.extend_from_slice(b" P123456789012 ");
    input.extend((0..=255u8).rev());
    input.extend_from_slice(b"\x00010-1234-5678\x00\xff\xfe\xc3\x28 900101-1234567");
    let out = redact(&[], &input);
    assert_eq!(out.stdout, reference(&input, &Policies::new()));
    assert_eq!(out.stdout.len(), input.len());
    let changed: Vec<usize> = (0..input.len()).filter(|&i| out.stdout[i] != input[i]).collect();
    assert_eq!(changed.len(), 8 + 4 + 13, "only the hidden digits change");
    assert!(changed.iter().all(|&i| input[i].is_ascii_digit() && out.stdout[i] == b'*'));
    // Nothing to mask: the input itself.
    let plain = b"\xff\xfe no numbers here \x00 ORD-20261129-0001 02-123-4567".to_vec();
    assert_eq!(redact(&[], &plain).stdout, plain);
}

#[test]
fn numbers_straddling_reads_are_found_at_every_split_position() {
    for (i, sample) in samples().iter().enumerate() {
        let path = file("straddle", &format!("sample{i}.txt"), sample);
        let want = reference(sample, &Policies::new());
        // With reads of `size` bytes from a file, the first read ends at byte `size`: every split position
        // of the sample, and many more boundaries for small sizes.
        for size in 1..=sample.len() + 1 {
            let size = size.to_string();
            let out = redact(&["--buffer-size", &size, path.to_str().unwrap()], b"");
            assert_eq!(status(&out), 0);
            assert!(out.stdout == want, "sample {i}, reads of {size} bytes:\n{}", String::from_utf8_lossy(&out.stdout));
        }
        // Shifted by every offset against reads of a fixed size, through stdin too.
        for shift in 0..67 {
            let mut input = b" ".repeat(shift);
            input.extend_from_slice(sample);
            let want = reference(&input, &Policies::new());
            let out = redact(&["--buffer-size", "67"], &input);
            assert!(out.stdout == want, "sample {i}, shifted by {shift}");
        }
    }
}

#[test]
fn counting_agrees_with_the_library_at_every_split_position() {
    for (i, sample) in samples().iter().enumerate() {
        let path = file("count", &format!("sample{i}.txt"), sample);
        let want = reference_counts(sample, Kinds::ALL);
        for size in (1..=sample.len()).step_by(7) {
            let out = redact(&["--count", "--buffer-size", &size.to_string(), path.to_str().unwrap()], b"");
            assert_eq!(stdout(&out), want, "sample {i}, reads of {size} bytes");
        }
    }
}

#[test]
fn a_long_line_without_line_breaks_is_streamed() {
    // 6 MiB on one line: numbers every few kilobytes, some across the default read size's boundaries.
    let mut input = Vec::new();
    let mut n = 0u64;
    while input.len() < 6 << 20 {
        input.extend(std::iter::repeat_n(b'x', 1000 + (n as usize * 7919) % 5000));
        let number = match n % 4 {
            0 => format!(" P{:012} ", n * 1_000_003),
            1 => format!("=010-{:04}-{:04},", n % 10_000, (n * 7) % 10_000),
            2 => format!(" 900101-{} ", 1_000_000 + n % 1_000_000),
            _ => format!("\u{3000}０１０－１２３４－{:04}.", n % 10_000),
        };
        input.extend_from_slice(number.as_bytes());
        n += 1;
    }
    let out = redact(&[], &input);
    assert_eq!(status(&out), 0);
    assert!(out.stdout == reference(&input, &Policies::new()), "the stream differs from redact_bytes");
    let out = redact(&["--count"], &input);
    assert_eq!(stdout(&out), reference_counts(&input, Kinds::ALL));
    assert!(stdout(&out).starts_with(&format!("pccc\t{}\n", n.div_ceil(4))), "{}", stdout(&out));
}

#[test]
fn kinds_limits_what_is_looked_for() {
    let input = b"P123456789012 900101-1234567 010-1234-5678 +82 10 1234 5678\n";
    for (list, kinds) in [
        ("pccc", Kinds::only(Kind::Pccc)),
        ("rrn", Kinds::only(Kind::Rrn)),
        ("phone", Kinds::only(Kind::Phone)),
        ("pccc,rrn", Kinds::ALL.without(Kind::Phone)),
        ("phone,pccc", Kinds::ALL.without(Kind::Rrn)),
        ("pccc,rrn,phone", Kinds::ALL),
    ] {
        let out = redact(&["--kinds", list], input);
        assert_eq!(out.stdout, reference(input, &Policies::new().kinds(kinds)), "{list}");
        let out = redact(&["--kinds", list, "--count"], input);
        assert_eq!(stdout(&out), reference_counts(input, kinds), "{list}");
    }
    assert_eq!(stdout(&redact(&["--kinds", "rrn,pccc", "--count"], input)), "pccc\t1\nrrn\t1\n");
    for bad in ["mobile", "", "pccc,,rrn", "PCCC"] {
        let out = redact(&["--kinds", bad], input);
        assert_eq!(status(&out), 2, "{bad:?}");
        assert!(stderr(&out).starts_with("pccc-guard: --kinds: unknown kind"), "{bad:?}: {}", stderr(&out));
        assert_eq!(stderr(&out).lines().count(), 1);
        assert_eq!(out.stdout, b"");
    }
}

#[test]
fn count_prints_a_count_per_kind_instead_of_the_text() {
    let input = b"P123456789012 010-1234-5678\n010.1234.5678 x 01012345678\n";
    let out = redact(&["--count"], input);
    assert_eq!((stdout(&out).as_str(), status(&out), stderr(&out).as_str()), ("pccc\t1\nrrn\t0\nphone\t3\n", 0, ""));
}

#[test]
fn check_exits_1_when_something_is_found_and_prints_no_text() {
    let out = redact(&["--check"], b"deploy ok\nuser tel 010-1234-5678\nP123456789012\n");
    assert_eq!(status(&out), 1);
    assert_eq!(out.stdout, b"");
    assert_eq!(stderr(&out), "pccc-guard: 2 personal numbers found (pccc 1, rrn 0, phone 1)\n");
    let out = redact(&["--check"], b"deploy ok\nORD-20261129-0001 02-123-4567 P12345678901\n");
    assert_eq!((status(&out), stdout(&out).as_str()), (0, ""));
    assert_eq!(stderr(&out), "pccc-guard: 0 personal numbers found (pccc 0, rrn 0, phone 0)\n");
    let out = redact(&["--check", "--quiet", "--kinds", "rrn"], b"tel 010-1234-5678 rrn 900101-1234567");
    assert_eq!((status(&out), stdout(&out).as_str(), stderr(&out).as_str()), (1, "", ""));
    let out = redact(&["--check", "--quiet", "--kinds", "rrn"], b"tel 010-1234-5678");
    assert_eq!(status(&out), 0, "only RRNs are looked for");
    // With --count: the counts on stdout and the exit status of --check.
    let out = redact(&["--check", "--count", "-q"], b"P123456789012");
    assert_eq!((stdout(&out).as_str(), status(&out)), ("pccc\t1\nrrn\t0\nphone\t0\n", 1));
    // Without --check, finding something is no failure.
    assert_eq!(status(&redact(&[], b"P123456789012")), 0);
    assert_eq!(status(&redact(&["--count"], b"P123456789012")), 0);
}

#[test]
fn empty_input() {
    let out = redact(&[], b"");
    assert_eq!((out.stdout.len(), status(&out), stderr(&out).as_str()), (0, 0, ""));
    let out = redact(&["--count"], b"");
    assert_eq!((stdout(&out).as_str(), status(&out)), ("pccc\t0\nrrn\t0\nphone\t0\n", 0));
    let out = redact(&["--check"], b"");
    assert_eq!((stdout(&out).as_str(), status(&out)), ("", 0));
    let empty = file("empty", "empty.log", b"");
    assert_eq!(status(&redact(&["--check", empty.to_str().unwrap()], b"P123456789012")), 0, "stdin is not read");
}

#[test]
fn mask_options_set_the_policies_and_a_refused_policy_is_a_usage_error() {
    let input = "P123456789012 010-1234-5678 011-123-4567 900101-1234567 +82 10 1234 5678 Ｐ１２３４５６７８９０１２"
        .as_bytes();
    let args = ["--pccc-keep-start", "2", "--pccc-keep-end", "3", "--phone-keep-start", "3", "--phone-keep-end", "4"];
    let policies = Policies::new()
        .pccc(PcccMask::new().keep_start(2).keep_end(3).fill('•'))
        .phone(PhoneMask::new().keep_start(3).keep_end(4).fill('•'))
        .rrn_fill('•');
    let mut with_fill = args.to_vec();
    with_fill.extend(["--mask-char", "•"]);
    let out = redact(&with_fill, input);
    assert_eq!(out.stdout, reference(input, &policies));
    assert_eq!(
        stdout(&out),
        "P12•••••••012 010-••••-5678 01•-•••-4567 ••••••-••••••• +82 10 •••• 5678 Ｐ１２•••••••０１２"
    );
    for (args, message) in [
        (vec!["--pccc-keep-start", "4", "--pccc-keep-end", "4"], "pccc-guard: the PCCC mask policy is refused: "),
        (vec!["--phone-keep-start", "8"], "pccc-guard: the mobile number mask policy is refused: "),
        // The default keeps 7 digits at the start: with 4 at the end too, 11 would show.
        (vec!["--phone-keep-end", "4"], "pccc-guard: the mobile number mask policy is refused: "),
        (vec!["--mask-char", "7"], "pccc-guard: the PCCC mask policy is refused: "),
        (vec!["--mask-char", " "], "pccc-guard: the PCCC mask policy is refused: "),
    ] {
        let out = redact(&args, b"P123456789012\n");
        assert_eq!(status(&out), 2, "{args:?}");
        assert!(stderr(&out).starts_with(message), "{args:?}: {}", stderr(&out));
        assert_eq!(stderr(&out).lines().count(), 1, "{args:?}");
        assert_eq!(out.stdout, b"", "{args:?}");
    }
    assert_eq!(status(&redact(&["--buffer-size", "0"], b"")), 2, "clap's usage error");
}

#[test]
fn several_files_in_order_and_a_number_never_spans_two() {
    let a = file("several", "a.log", b"tel 010-1234-5678\nlast 010-1234-");
    let b = file("several", "b.log", b"5678 P123456789012\n");
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    let out = redact(&[a, b], b"");
    assert_eq!(stdout(&out), "tel 010-1234-****\nlast 010-1234-5678 P********9012\n");
    assert_eq!(status(&out), 0);
    // Standard input among them, as "-".
    let out = redact(&[a, "-", b], b" 900101-1234567 ");
    assert_eq!(stdout(&out), "tel 010-1234-****\nlast 010-1234- ******-******* 5678 P********9012\n");
    let out = redact(&["--count", a, b, a], b"");
    assert_eq!(stdout(&out), "pccc\t1\nrrn\t0\nphone\t2\n");
}

#[test]
fn an_input_that_cannot_be_read_is_reported_and_the_others_are_still_read() {
    let a = file("missing", "a.log", b"tel 010-1234-5678\n");
    let missing = a.with_file_name("missing.log");
    let dir = a.parent().unwrap();
    let (a, missing, dir) = (a.to_str().unwrap(), missing.to_str().unwrap(), dir.to_str().unwrap());
    let out = redact(&[missing, a, dir, a], b"");
    assert_eq!(stdout(&out), "tel 010-1234-****\ntel 010-1234-****\n");
    let errors = stderr(&out);
    let lines: Vec<&str> = errors.lines().collect();
    assert_eq!(lines.len(), 2, "{errors}");
    assert!(lines[0].starts_with(&format!("pccc-guard: {missing}: No such file or directory")), "{}", lines[0]);
    assert!(lines[1].starts_with(&format!("pccc-guard: {dir}: Is a directory")), "{}", lines[1]);
    assert_eq!(status(&out), 2);
    // An I/O error outranks --check's status 1.
    let out = redact(&["--check", a, missing], b"");
    assert_eq!(status(&out), 2);
    assert!(stderr(&out).ends_with("pccc-guard: 1 personal number found (pccc 0, rrn 0, phone 1)\n"));
}

#[test]
fn each_line_is_written_before_the_input_ends() {
    // A log followed live (`tail -F app.log | pccc-guard redact`): a line shorter than the bytes kept for the
    // next read still comes out as soon as its line break is read.
    let mut child = Command::new(BIN).arg("redact").stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let (lines, read) = std::sync::mpsc::channel();
    let reader = std::thread::spawn(move || {
        let mut buf = [0u8; 64];
        while let Ok(n @ 1..) = stdout.read(&mut buf) {
            let _ = lines.send(buf[..n].to_vec());
        }
    });
    let mut got = Vec::new();
    for (line, want) in [("tel 010-1234-5678\n", "tel 010-1234-****\n"), ("P123456789012\n", "P********9012\n")] {
        stdin.write_all(line.as_bytes()).unwrap();
        stdin.flush().unwrap();
        // The input stays open: only the line break lets the line out. (The wait only keeps a failure from
        // hanging the test run.)
        while got.len() < want.len() {
            match read.recv_timeout(std::time::Duration::from_secs(60)) {
                Ok(bytes) => got.extend(bytes),
                Err(_) => panic!("{line:?} was not written while the input stayed open"),
            }
        }
        assert_eq!(String::from_utf8(std::mem::take(&mut got)).unwrap(), want);
    }
    drop(stdin);
    assert_eq!(child.wait().unwrap().code(), Some(0));
    reader.join().unwrap();
}

#[test]
fn a_closed_pipe_ends_the_run_quietly() {
    let mut child = Command::new(BIN)
        .arg("redact")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let line = b"tel 010-1234-5678 and some more text to fill the pipe\n".repeat(1000);
        for _ in 0..200 {
            if stdin.write_all(&line).is_err() {
                return;
            }
        }
    });
    let mut head = [0u8; 17];
    child.stdout.take().unwrap().read_exact(&mut head).unwrap();
    assert_eq!(&head, b"tel 010-1234-****");
    // stdout is dropped here: the next write fails with a broken pipe.
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert_eq!((out.status.code(), stderr(&out).as_str()), (Some(0), ""));
}

#[test]
fn help_has_the_examples_and_the_exit_codes() {
    let out = run(&["redact", "--help"], b"");
    assert_eq!(status(&out), 0);
    let help = stdout(&out);
    for needle in [
        "pccc-guard redact app.log > app.redacted.log",
        "pccc-guard redact --check build.log",
        "--count --kinds pccc,rrn",
        "--phone-keep-start",
        "Exit status: 0 done",
        "1 with --check",
        "2 usage or I/O error",
    ] {
        assert!(help.contains(needle), "{needle}: {help}");
    }
    assert!(!help.contains("buffer-size"), "the test-only option is hidden");
    let out = run(&["--help"], b"");
    assert!(stdout(&out).contains("pccc-guard redact --check"));
}
