//! Shared helpers for the integration tests: run the real binary, make
//! records from the fixtures.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub mod ui;

/// The polltally binary built for these tests.
pub const BIN: &str = env!("CARGO_BIN_EXE_polltally");

/// The file `name` in tests/fixtures.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The sample station file shipped in assets/.
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
    // A program that stops reading early (it refused a line, or needs no
    // more) closes the pipe: what it did is judged by its exit and output.
    let written = child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes());
    if let Err(err) = written {
        assert_eq!(
            err.kind(),
            std::io::ErrorKind::BrokenPipe,
            "write stdin: {err}"
        );
    }
    child.wait_with_output().expect("wait").into()
}

/// Runs the binary with `args`, no input, and the environment variables
/// `env` set (`TZ`: a laptop set to another time zone).
pub fn run_env(args: &[&str], env: &[(&str, &str)]) -> Run {
    Command::new(BIN)
        .args(args)
        .envs(env.iter().copied())
        .stdin(Stdio::null())
        .output()
        .expect("run polltally")
        .into()
}

/// Runs the binary with `args`, no input.
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

/// `path` as UTF-8 text, for an argument.
pub fn s(path: &Path) -> &str {
    path.to_str().expect("utf-8 path")
}

/// `show --json` parsed.
pub fn show_json(record: &Path) -> serde_json::Value {
    let r = ok(&["show", "--record", s(record), "--json"]);
    serde_json::from_str(&r.stdout).expect("show --json is JSON")
}

/// The text of each page of a PDF, as a reader copying it would get it:
/// shown strings in order, a line break where the baseline moves, and for a
/// marked-content span with `/ActualText`, that text instead of its glyphs.
pub fn pdf_page_texts(pdf: &[u8]) -> Vec<String> {
    fn number(o: &lopdf::Object) -> f32 {
        o.as_float().unwrap_or(0.0)
    }
    let doc = lopdf::Document::load_mem(pdf).expect("a PDF");
    let mut pages = Vec::new();
    for (_, page) in doc.get_pages() {
        let content =
            lopdf::content::Content::decode(&doc.get_page_content(page)).expect("content");
        let mut text = String::new();
        let mut depth = 0usize; // inside an ActualText span
        let mut pending: Option<String> = None;
        let mut y = f32::NAN;
        let mut last_y = f32::NAN;
        let put = |text: &mut String, y: f32, last_y: &mut f32, s: &str| {
            if (y - *last_y).abs() > 1.0 || last_y.is_nan() {
                text.push('\n');
            } else if !text.ends_with(char::is_whitespace) && !s.starts_with(char::is_whitespace) {
                text.push(' ');
            }
            *last_y = y;
            text.push_str(s);
        };
        for op in &content.operations {
            match op.operator.as_str() {
                "BDC" => {
                    let actual = op.operands.get(1).and_then(|props| match props {
                        lopdf::Object::Dictionary(d) => d.get(b"ActualText").ok().cloned(),
                        _ => None,
                    });
                    if let Some(lopdf::Object::String(bytes, _)) = actual {
                        let units: Vec<u16> = bytes
                            .strip_prefix(&[0xFE, 0xFF])
                            .unwrap_or(&bytes)
                            .chunks(2)
                            .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
                            .collect();
                        pending = Some(String::from_utf16_lossy(&units));
                        depth += 1;
                    } else if depth > 0 {
                        depth += 1;
                    }
                }
                "BMC" if depth > 0 => depth += 1,
                "EMC" if depth > 0 => depth -= 1,
                "Td" => y = op.operands.get(1).map_or(y, number),
                "Tm" => {
                    y = op.operands.get(5).map_or(y, number);
                    if let Some(s) = pending.take() {
                        put(&mut text, y, &mut last_y, &s);
                    }
                }
                "Tj" | "TJ" if depth == 0 => {
                    let mut shown = String::new();
                    for operand in &op.operands {
                        let items: Vec<&lopdf::Object> = match operand {
                            lopdf::Object::Array(items) => items.iter().collect(),
                            other => vec![other],
                        };
                        for item in items {
                            if let lopdf::Object::String(bytes, _) = item {
                                shown.extend(bytes.iter().map(|b| char::from(*b)));
                            }
                        }
                    }
                    put(&mut text, y, &mut last_y, &shown);
                }
                _ => {}
            }
        }
        pages.push(text);
    }
    pages
}

/// Records all seven figures at once: R, U, S, V, T, D, B.
pub fn record_figures(record: &str, [r, u, sp, v, t, d, b]: [u64; 7]) {
    let values = [r, u, sp, v, t, d, b].map(|n| n.to_string());
    let flags = [
        "--received",
        "--unused",
        "--spoiled",
        "--voters-marked",
        "--supplementary",
        "--temporary-id",
        "--in-box",
    ];
    let mut args = vec!["figures", "--record", record];
    for (flag, value) in flags.iter().zip(&values) {
        args.push(flag);
        args.push(value);
    }
    ok(&args);
}

/// A station file of the small fixture's commune, with its own station code
/// (and, when given, the commune's station list), written into `dir`.
pub fn commune_station(dir: &Path, code: &str, commune_stations: Option<&[&str]>) -> PathBuf {
    let mut value: serde_json::Value =
        serde_json::from_slice(&std::fs::read(fixture("station-small.json")).expect("fixture"))
            .expect("fixture is JSON");
    value["station"]["code"] = serde_json::json!(code);
    if let Some(list) = commune_stations {
        value["commune_stations"] = serde_json::json!(list);
    }
    let path = dir.join(format!("station-{code}.json"));
    std::fs::write(&path, serde_json::to_vec_pretty(&value).expect("JSON")).expect("write");
    path
}

/// A sealed count of `station` at `record`: figures that hold for the
/// ballots in `lines` (one `rule --stdin` line each), sealed by the chief.
pub fn sealed_count(station: &Path, record: &Path, lines: &[&str]) {
    let rec = s(record);
    ok(&["new", "--station", s(station), "--record", rec]);
    let n = lines.len() as u64;
    record_figures(rec, [500, 500 - n, 0, n, 0, 0, n]);
    rule_lines(rec, lines);
    seal_by_chief(rec);
}

/// Seals the count at `rec` as its chief does: Chan Sophea is recorded
/// present as the chief, then signs; insists on exit 0.
pub fn seal_by_chief(rec: &str) -> Run {
    present(rec, "Chan Sophea", "chief", None);
    ok(&["seal", "--record", rec, "--signed", "Chan Sophea:chief"])
}

/// Starts a count of the small station (`tests/fixtures/station-small.json`)
/// at `record`, and insists on exit 0.
pub fn new_small(record: &Path) -> Run {
    ok(&[
        "new",
        "--station",
        s(&fixture("station-small.json")),
        "--record",
        s(record),
    ])
}

/// Rules every line (`rule --stdin`) and insists on exit 0.
pub fn rule_lines<L: std::fmt::Display>(rec: &str, lines: impl IntoIterator<Item = L>) {
    let input: String = lines.into_iter().map(|l| format!("{l}\n")).collect();
    let r = run_with_input(&["rule", "--record", rec, "--stdin"], &input);
    assert_eq!(r.code, 0, "{}", r.stderr);
}

/// Exports a sealed record's results file next to it.
pub fn export(record: &Path) -> PathBuf {
    let out = record.with_extension("json");
    ok(&["export", "--record", s(record), "--out", s(&out)]);
    out
}

/// `n` copies of a rule line.
pub fn times(line: &'static str, n: usize) -> Vec<&'static str> {
    vec![line; n]
}

/// Runs `polltally recount` of `original` into `out` (reason "complaint").
pub fn recount(original: &Path, out: &Path, authority: &str, mode: &str) -> Run {
    run(&[
        "recount",
        "--record",
        s(original),
        "--authority",
        authority,
        "--reason",
        "complaint",
        "--mode",
        mode,
        "--out",
        s(out),
    ])
}

/// Runs `polltally recount --mode review` of `original` into `out`, ordered
/// by the Provincial Election Commission for `reason`; insists on exit 0.
pub fn review_of(original: &Path, out: &Path, reason: &str) -> Run {
    ok(&[
        "recount",
        "--record",
        s(original),
        "--authority",
        "Provincial Election Commission",
        "--reason",
        reason,
        "--mode",
        "review",
        "--out",
        s(out),
    ])
}

/// Records `name` present as `role` (`present`), of `party` if given;
/// insists on exit 0.
pub fn present(rec: &str, name: &str, role: &str, party: Option<&str>) -> Run {
    let mut args = vec!["present", "--record", rec, "--name", name, "--role", role];
    if let Some(party) = party {
        args.extend(["--party", party]);
    }
    ok(&args)
}

/// `polltally rule --record RECORD --stdin` (and `extra` arguments) fed
/// `input`, killed with SIGKILL `delay` after it started: what it printed on
/// stdout before it died (one `ok <seq>` a ruling it acknowledged).
pub fn rule_stdin_killed(
    record: &Path,
    extra: &[&str],
    input: String,
    delay: std::time::Duration,
) -> Vec<String> {
    use std::io::BufRead;
    let mut child = Command::new(BIN)
        .args(["rule", "--record", s(record), "--stdin"])
        .args(extra)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the binary starts");
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || {
        // The child may die mid-write; a broken pipe is expected.
        let _ = stdin.write_all(input.as_bytes());
    });
    let stdout = child.stdout.take().expect("stdout");
    let reader = std::thread::spawn(move || {
        std::io::BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
            .collect::<Vec<String>>()
    });
    std::thread::sleep(delay);
    child.kill().expect("SIGKILL");
    child.wait().expect("the child ends");
    let printed = reader.join().expect("reader");
    writer.join().expect("writer");
    printed
}

/// The last seq acknowledged in what [`rule_stdin_killed`] printed (0 when
/// none).
pub fn last_ack(printed: &[String]) -> u64 {
    printed
        .iter()
        .rev()
        .find_map(|line| line.strip_prefix("ok ")?.parse().ok())
        .unwrap_or(0)
}

/// A count of the small station with a chief (entry 2), an agent of party
/// 2 (entry 3) and an observer of NICFEC (entry 4) present, and three
/// ballots ruled (1, 2, 1: entries 5-7); insists on exit 0 throughout.
pub fn count_with_people(record: &Path) {
    new_small(record);
    let rec = s(record);
    present(rec, "Chan Sophea", "chief", None);
    present(rec, "Keo Rith", "party_agent", Some("2"));
    ok(&[
        "present",
        "--record",
        rec,
        "--name",
        "Ly Navy",
        "--role",
        "observer",
        "--organisation",
        "NICFEC",
    ]);
    rule_lines(rec, ["1", "2", "1"]);
}

/// Records that the person of presence entry `seq` left, with `reason`
/// (`depart`); insists on exit 0.
pub fn depart(rec: &str, seq: u64, reason: &str) -> Run {
    ok(&[
        "depart",
        "--record",
        rec,
        "--seq",
        &seq.to_string(),
        "--reason",
        reason,
    ])
}
