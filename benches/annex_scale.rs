//! The time and peak memory of `polltally pdf --annex` on sealed counts of
//! 1,000, 5,000 and 10,000 rulings, run through the release binary as a
//! commission would. Goal: 10,000 rulings in < 5 s and < 300 MB (the pages
//! are written as they are laid out, so memory follows the finished PDF's
//! bytes, not the drawing of every page).
//!
//! Run with `cargo bench --bench annex_scale` (Linux: the peak resident set
//! is read by `/usr/bin/time`; the records are made with `rule --stdin`,
//! about 20 s for 10,000 durable rulings). `ANNEX_RULINGS=20000` measures
//! one other size instead.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

const BIN: &str = env!("CARGO_BIN_EXE_polltally");

/// Runs `polltally args`, which must succeed.
fn polltally(args: &[&str]) {
    let out = Command::new(BIN).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "polltally {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A sealed count of the sample station at `record`: `rulings` rulings, one
/// in nine invalid, the others over the 12 parties; differing checks
/// explained; the chief present and signing.
fn sealed_record(record: &Path, rulings: usize) {
    let station = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample-station.json");
    let record_arg = record.to_str().unwrap();
    polltally(&[
        "new",
        "--station",
        station.to_str().unwrap(),
        "--record",
        record_arg,
    ]);
    let mut lines = String::new();
    for i in 0..rulings {
        if i % 9 == 8 {
            lines.push_str(&format!("I{}\n", 1 + i % 6));
        } else {
            lines.push_str(&format!("{}\n", 1 + i % 12));
        }
    }
    let mut rule = Command::new(BIN)
        .args(["rule", "--record", record_arg, "--stdin"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    rule.stdin
        .take()
        .unwrap()
        .write_all(lines.as_bytes())
        .unwrap();
    assert!(rule.wait().unwrap().success());
    let n = rulings.to_string();
    let received = (rulings + 100).to_string();
    polltally(&[
        "figures",
        "--record",
        record_arg,
        "--received",
        &received,
        "--unused",
        "100",
        "--spoiled",
        "0",
        "--voters-marked",
        &n,
        "--supplementary",
        "0",
        "--temporary-id",
        "0",
        "--in-box",
        &n,
    ]);
    for check in ["stock", "ceiling"] {
        // Explained only where the sample station's figures make it differ.
        let _ = Command::new(BIN)
            .args(["explain", "--record", record_arg, "--check", check])
            .args(["--text", "benchmark figures"])
            .output();
    }
    polltally(&[
        "present",
        "--record",
        record_arg,
        "--name",
        "Chan Sophea",
        "--role",
        "chief",
    ]);
    polltally(&[
        "seal",
        "--record",
        record_arg,
        "--signed",
        "Chan Sophea:chief",
    ]);
}

/// The wall time in seconds and the peak resident set in MB of
/// `polltally pdf --annex` on `record`, and the PDF's size in bytes.
fn annex_pdf(record: &Path, out: &Path) -> (f64, Option<f64>, u64) {
    let args = [
        "pdf",
        "--annex",
        "--record",
        record.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ];
    let time = Path::new("/usr/bin/time");
    let start = Instant::now();
    let output = if time.exists() {
        Command::new(time)
            .args(["-f", "peak-kb %M", BIN])
            .args(args)
            .output()
            .unwrap()
    } else {
        Command::new(BIN).args(args).output().unwrap()
    };
    let seconds = start.elapsed().as_secs_f64();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "pdf --annex: {stderr}");
    let peak = stderr
        .lines()
        .find_map(|l| l.strip_prefix("peak-kb "))
        .and_then(|kb| kb.trim().parse::<f64>().ok())
        .map(|kb| kb / 1024.0);
    (seconds, peak, std::fs::metadata(out).unwrap().len())
}

fn main() {
    let sizes: Vec<usize> = match std::env::var("ANNEX_RULINGS") {
        Ok(n) => vec![n.parse().expect("ANNEX_RULINGS: a number of rulings")],
        Err(_) => vec![1_000, 5_000, 10_000],
    };
    let base = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let dir = tempfile::tempdir_in(base).unwrap();
    for rulings in sizes {
        let record = dir.path().join(format!("annex-{rulings}.polltally"));
        sealed_record(&record, rulings);
        let out = dir.path().join(format!("annex-{rulings}.pdf"));
        let (seconds, peak, bytes) = annex_pdf(&record, &out);
        let peak = peak.map_or("(no /usr/bin/time)".to_string(), |mb| {
            format!("{mb:>6.0} MB")
        });
        let goal = if rulings == 10_000 {
            "  (goal < 5 s and < 300 MB)"
        } else {
            ""
        };
        println!(
            "pdf --annex, {rulings:>6} rulings: {seconds:>6.2} s, peak {peak}, PDF {:>5.1} MB{goal}",
            bytes as f64 / 1e6
        );
    }
}
