//! What the binary's test files share: the built binary, a way to run it as a user would, what it printed, and
//! input files.
#![allow(dead_code)]

use std::io::Write;
use std::path::PathBuf;
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

/// What the binary printed on stdout.
pub fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("UTF-8 output")
}

/// What the binary printed on stderr.
pub fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).expect("UTF-8 stderr")
}

/// The binary's exit status.
pub fn status(out: &Output) -> i32 {
    out.status.code().expect("exited")
}

/// A file in a fresh temporary folder for this test (of this test file).
pub fn file(test: &str, name: &str, content: &[u8]) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("pccc-guard-{}-{}-{test}", env!("CARGO_CRATE_NAME"), std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap();
    path
}
