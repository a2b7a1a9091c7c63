//! Shared helpers for the integration tests: run the real binary, make
//! records from the fixtures.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub const BIN: &str = env!("CARGO_BIN_EXE_polltally");

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

pub fn sample_station() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample-station.json")
}

/// What a run of the binary gave.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl From<Output> for Run {
    fn from(out: Output) -> Run {
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }
}

/// Runs `polltally ARGS` with `stdin` as standard input.
pub fn run_with_input(args: &[&str], stdin: &str) -> Run {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn polltally");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("write stdin");
    child.wait_with_output().expect("wait").into()
}

pub fn run(args: &[&str]) -> Run {
    run_with_input(args, "")
}

/// Runs and insists on exit 0.
pub fn ok(args: &[&str]) -> Run {
    let r = run(args);
    assert_eq!(
        r.code, 0,
        "polltally {args:?} failed: {}{}",
        r.stdout, r.stderr
    );
    r
}

/// A fresh record from a fixture station in a new temporary directory.
pub fn new_record(station: &Path) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let record = dir.path().join("count.polltally");
    ok(&["new", "--station", s(station), "--record", s(&record)]);
    (dir, record)
}

pub fn s(path: &Path) -> &str {
    path.to_str().expect("utf-8 path")
}

/// `show --json` parsed.
pub fn show_json(record: &Path) -> serde_json::Value {
    let r = ok(&["show", "--record", s(record), "--json"]);
    serde_json::from_str(&r.stdout).expect("show --json is JSON")
}
