//! Constant memory: about 1 GB of orders streamed into the binary's standard input (generated here, no file on
//! disk), with the peak resident set size read from /proc while the binary waits for more input; and 1 GB of free
//! text without a single line break through `redact`, its output checked as it arrives.

use std::io::{Read, Write};
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_pccc-guard");
const TOTAL: usize = 1 << 30;
const LIMIT_KIB: u64 = 32 << 10;

/// The peak resident set size of process `pid`, in KiB (`VmHWM`).
fn peak_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("/proc is readable");
    let line = status.lines().find(|l| l.starts_with("VmHWM:")).expect("VmHWM");
    line.split_whitespace().nth(1).and_then(|n| n.parse().ok()).expect("a number of kB")
}

/// One block of input: canonical codes with, every 1000th line, a code that takes the general path.
fn block(lines: usize, with_header: bool) -> Vec<u8> {
    let mut out = Vec::new();
    if with_header {
        out.extend_from_slice(b"order_id,name,pccc,phone\n");
    }
    for i in 0..lines {
        match (i % 1000, with_header) {
            (999, false) => out.extend_from_slice(format!("p{:012}\n", i).as_bytes()),
            (_, false) => out.extend_from_slice(format!("P{:012}\n", i * 7919).as_bytes()),
            (999, true) => out.extend_from_slice(format!("{i},\"Kim, Minsu\",P{:011},010-1234-5678\n", i).as_bytes()),
            (_, true) => out.extend_from_slice(format!("{i},홍길동,P{:012},01012345678\n", i * 7919).as_bytes()),
        }
    }
    out
}

/// Streams about `total` bytes into `pccc-guard args…`, drains its output, and returns its peak RSS in KiB, the
/// bytes it printed and its exit status.
fn stream(args: &[&str], csv: bool, total: usize) -> (u64, u64, i32) {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the binary runs");
    let mut stdout = child.stdout.take().unwrap();
    let drain = std::thread::spawn(move || {
        let (mut buf, mut total) = (vec![0u8; 1 << 16], 0u64);
        loop {
            match stdout.read(&mut buf) {
                Ok(0) | Err(_) => return total,
                Ok(n) => total += n as u64,
            }
        }
    });
    let mut stdin = child.stdin.take().unwrap();
    let first = block(100_000, csv);
    let rest = block(100_000, false);
    let rest =
        if csv { block(100_000, true).split_off(first.iter().position(|&b| b == b'\n').unwrap() + 1) } else { rest };
    stdin.write_all(&first).unwrap();
    let mut sent = first.len();
    while sent < total {
        stdin.write_all(&rest).unwrap();
        sent += rest.len();
    }
    stdin.flush().unwrap();
    // Everything is sent; the binary now waits for more input, so its peak can be read before it exits.
    std::thread::sleep(std::time::Duration::from_millis(200));
    let peak = peak_kib(child.id());
    drop(stdin);
    let status = child.wait().unwrap().code().unwrap();
    (peak, drain.join().unwrap(), status)
}

#[test]
fn a_gigabyte_of_lines_streams_in_constant_memory() {
    let (peak, printed, status) = stream(&["check"], false, TOTAL);
    eprintln!("line mode: peak RSS {peak} KiB, {printed} bytes printed");
    assert!(printed > TOTAL as u64, "every record was printed");
    assert_eq!(status, 0, "p… upper-cased is valid");
    assert!(peak < LIMIT_KIB, "peak RSS {peak} KiB over {LIMIT_KIB} KiB");
}

#[test]
fn a_quarter_gigabyte_of_csv_streams_in_constant_memory() {
    let (peak, printed, status) = stream(&["check", "--csv", "--only-invalid"], true, TOTAL / 4);
    eprintln!("CSV: peak RSS {peak} KiB, {printed} bytes printed");
    assert!(printed > 0, "the invalid records were printed");
    assert_eq!(status, 1);
    assert!(peak < LIMIT_KIB, "peak RSS {peak} KiB over {LIMIT_KIB} KiB");
}

/// One block of free text for `redact`: log-like words with a personal number every few hundred bytes, and no
/// line break at all. It starts with a letter and ends with a space, so that blocks side by side find what each
/// finds alone.
fn free_text_block() -> Vec<u8> {
    let mut out = Vec::new();
    for i in 0..2_000u64 {
        out.extend_from_slice(
            format!("req{i} GET /api/orders/ORD-20261129-{:04} 200 {}ms ", i % 10_000, i % 900).as_bytes(),
        );
        match i % 8 {
            0 => out.extend_from_slice(format!("pccc=P{:012} ", i * 7_919_993).as_bytes()),
            3 => out.extend_from_slice(format!("tel=010-{:04}-{:04} ", i % 10_000, (i * 31) % 10_000).as_bytes()),
            5 => out.extend_from_slice("memo=\"주민 900101-1234567, 연락처는010.1234.5678입니다\" ".as_bytes()),
            _ => out.extend_from_slice(b"ip=192.168.0.12 tracking=123456789012 "),
        }
    }
    out
}

#[test]
fn a_gigabyte_without_line_breaks_is_redacted_in_constant_memory() {
    let block = free_text_block();
    assert!(!block.contains(&b'\n'));
    let expected = pccc_guard::redact_bytes(&block, &pccc_guard::Policies::new()).unwrap().into_owned();
    assert_ne!(expected, block, "the block has numbers to mask");
    let mut child = Command::new(BIN)
        .arg("redact")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the binary runs");
    let mut stdout = child.stdout.take().unwrap();
    // The output must be the block's redaction, over and over: compared as it arrives.
    let want = expected.clone();
    let drain = std::thread::spawn(move || {
        let (mut buf, mut total, mut wrong) = (vec![0u8; 1 << 16], 0u64, 0u64);
        loop {
            match stdout.read(&mut buf) {
                Ok(0) | Err(_) => return (total, wrong),
                Ok(n) => {
                    let mut got = &buf[..n];
                    while !got.is_empty() {
                        let at = (total % want.len() as u64) as usize;
                        let len = got.len().min(want.len() - at);
                        wrong += u64::from(got[..len] != want[at..at + len]);
                        total += len as u64;
                        got = &got[len..];
                    }
                }
            }
        }
    });
    let mut stdin = child.stdin.take().unwrap();
    let mut blocks = 0u64;
    while blocks * (block.len() as u64) < TOTAL as u64 {
        stdin.write_all(&block).unwrap();
        blocks += 1;
    }
    stdin.flush().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(200));
    let peak = peak_kib(child.id());
    drop(stdin);
    let status = child.wait().unwrap().code().unwrap();
    let (printed, wrong) = drain.join().unwrap();
    eprintln!("redact: peak RSS {peak} KiB, {printed} bytes printed");
    assert_eq!(status, 0);
    assert_eq!(printed, blocks * expected.len() as u64, "everything was printed");
    assert_eq!(wrong, 0, "the output is the redaction of the input (pieces that differ)");
    assert!(peak < LIMIT_KIB, "peak RSS {peak} KiB over {LIMIT_KIB} KiB");
}

/// Streams `header` and then `block` over and over (about `total` bytes) into `pccc-guard args…`; returns its peak
/// RSS in KiB, the bytes it printed and its exit status.
fn stream_blocks(args: &[&str], header: &[u8], block: &[u8], total: usize) -> (u64, u64, i32) {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the binary runs");
    let mut stdout = child.stdout.take().unwrap();
    let drain = std::thread::spawn(move || {
        let (mut buf, mut total) = (vec![0u8; 1 << 16], 0u64);
        loop {
            match stdout.read(&mut buf) {
                Ok(0) | Err(_) => return total,
                Ok(n) => total += n as u64,
            }
        }
    });
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(header).unwrap();
    let mut sent = header.len();
    while sent < total {
        stdin.write_all(block).unwrap();
        sent += block.len();
    }
    stdin.flush().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(200));
    let peak = peak_kib(child.id());
    drop(stdin);
    let status = child.wait().unwrap().code().unwrap();
    (peak, drain.join().unwrap(), status)
}

#[test]
fn a_cp949_csv_is_decoded_and_annotated_in_constant_memory() {
    let (header, _, _) = encoding_rs::EUC_KR.encode("주문번호,받는분,개인통관고유부호,휴대전화\r\n");
    let mut text = String::new();
    for i in 0..20_000u64 {
        match i % 1000 {
            999 => text.push_str(&format!("{i},\"김, 민수\",P{:011},010-1234-5678\r\n", i)),
            _ => text.push_str(&format!("{i},홍길동,P{:012},01012345678\r\n", i * 7919)),
        }
    }
    let (block, _, _) = encoding_rs::EUC_KR.encode(&text);
    let columns = "pccc=개인통관고유부호,name=받는분,phone=휴대전화";
    for args in [
        vec!["check", "--csv", "--encoding", "cp949", "--column", "개인통관고유부호", "--only-invalid"],
        vec!["check", "--annotate", "--encoding", "cp949", "--columns", columns],
    ] {
        let (peak, printed, status) = stream_blocks(&args, &header, &block, 64 << 20);
        eprintln!("{args:?}: peak RSS {peak} KiB, {printed} bytes printed");
        assert!(printed > 0);
        assert_eq!(status, 1);
        assert!(peak < LIMIT_KIB, "{args:?}: peak RSS {peak} KiB over {LIMIT_KIB} KiB");
    }
}
