//! Constant memory: about 1 GB of orders streamed into the binary's standard input (generated here, no file on
//! disk), with the peak resident set size read from /proc while the binary waits for more input.

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
