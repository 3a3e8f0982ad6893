//! What the binary's test files share: the built binary and a way to run it as a user would.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// The `pccc-guard` binary Cargo built for these tests.
pub const BIN: &str = env!("CARGO_BIN_EXE_pccc-guard");

/// Runs the binary with `args`, `stdin` as its standard input (written from a thread of its own, so a large
/// input never blocks against the binary's output), and returns what it printed and its status.
pub fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut input = child.stdin.take().unwrap();
    let data = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        // The binary may exit before reading everything (a usage error): a broken pipe here is expected.
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}
