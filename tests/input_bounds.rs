//! Inputs past their bounds, through the binary: station files with too
//! many books or numbers past their bounds, files too large to read, and
//! `rule --stdin` lines too long, are refused at once, naming the file or
//! the field; a stream stopped by a bad line says what it recorded.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use serde_json::{Value, json};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Far more than any of these refusals needs, far less than reading or
/// checking the inputs whole took (55.7 s for 100,000 books).
const QUICK: Duration = Duration::from_secs(3);

/// The small fixture station, edited, written into `dir` (compact JSON).
fn station(dir: &Path, name: &str, edit: impl FnOnce(&mut Value)) -> PathBuf {
    let mut v: Value =
        serde_json::from_slice(&std::fs::read(fixture("station-small.json")).unwrap()).unwrap();
    edit(&mut v);
    let path = dir.join(name);
    std::fs::write(&path, serde_json::to_vec(&v).unwrap()).unwrap();
    path
}

/// `n` books of one ballot each, serials 1..=n.
fn books(n: u64) -> Value {
    (1..=n)
        .map(|k| json!({"book": format!("B{k}"), "first_serial": k, "last_serial": k}))
        .collect()
}

/// Runs `args` and insists it is refused (exit 2) within [`QUICK`].
fn refused_quickly(args: &[&str]) -> Run {
    let start = Instant::now();
    let r = run(args);
    let took = start.elapsed();
    assert_eq!(r.code, 2, "{args:?}: {}{}", r.stdout, r.stderr);
    assert!(took < QUICK, "{args:?} took {took:?}");
    r
}

/// A sparse file of `size` bytes: as large as any, written in no time.
fn sparse(path: &Path, size: u64) -> PathBuf {
    std::fs::File::create(path).unwrap().set_len(size).unwrap();
    path.to_path_buf()
}

const HUGE: u64 = 200 * 1024 * 1024;

#[test]
fn a_station_file_of_100000_books_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let file = station(dir.path(), "books.json", |v| {
        v["registered_voters"] = json!(100_000);
        v["ballot_books"] = books(100_000);
    });
    let record = dir.path().join("r.polltally");
    let r = refused_quickly(&["new", "--station", s(&file), "--record", s(&record)]);
    assert!(r.stderr.contains(s(&file)), "{}", r.stderr);
    assert!(!record.exists());

    // Small enough to read, too many books to check.
    let file = station(dir.path(), "books-1001.json", |v| {
        v["ballot_books"] = books(1001);
    });
    let r = refused_quickly(&["new", "--station", s(&file), "--record", s(&record)]);
    assert!(
        r.stderr
            .contains("ballot_books: 1001 ballot books listed, at most 1000 are supported"),
        "{}",
        r.stderr
    );
    assert!(!record.exists());
}

#[test]
fn a_station_file_of_1000_books_opens_quickly_on_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let file = station(dir.path(), "books-1000.json", |v| {
        // Listed last to first: the overlap check does not rely on order.
        let mut list = books(1000);
        list.as_array_mut().unwrap().reverse();
        v["ballot_books"] = list;
    });
    let record = dir.path().join("r.polltally");
    let start = Instant::now();
    ok(&["new", "--station", s(&file), "--record", s(&record)]);
    ok(&["show", "--record", s(&record)]);
    let took = start.elapsed();
    assert!(took < QUICK, "took {took:?}");

    // The last book overlapping the first is named, with the one it overlaps.
    let file = station(dir.path(), "overlap.json", |v| {
        let mut list = books(1000);
        list.as_array_mut()
            .unwrap()
            .push(json!({"book": "X", "first_serial": 1000, "last_serial": 1001}));
        list.as_array_mut().unwrap().remove(0);
        v["ballot_books"] = list;
    });
    let r = refused_quickly(&[
        "new",
        "--station",
        s(&file),
        "--record",
        s(&dir.path().join("o.polltally")),
    ]);
    assert!(
        r.stderr
            .contains("ballot_books[999]: serials 1000-1001 overlap ballot_books[998] (1000-1000)"),
        "{}",
        r.stderr
    );
}

#[test]
fn seats_and_complaint_days_past_their_bounds_are_refused_naming_the_field() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("r.polltally");
    let seats = station(dir.path(), "seats.json", |v| {
        v["council_seats"] = json!(4_000_000_000u64)
    });
    let r = refused_quickly(&["new", "--station", s(&seats), "--record", s(&record)]);
    assert!(
        r.stderr
            .contains("council_seats: 4000000000 is more than 100, the most seats a council has"),
        "{}",
        r.stderr
    );
    // The issued station files of a tabulation are read the same way.
    let r = refused_quickly(&[
        "tabulate",
        "--out",
        s(&dir.path().join("commune.json")),
        "--stations",
        s(&seats),
        s(&dir.path().join("none.json")),
    ]);
    assert!(
        r.stderr.contains("council_seats: 4000000000"),
        "{}",
        r.stderr
    );

    let days = station(dir.path(), "days.json", |v| {
        v["complaint_days"] = json!(4_294_967_295u64)
    });
    let r = refused_quickly(&["new", "--station", s(&days), "--record", s(&record)]);
    assert!(
        r.stderr
            .contains("complaint_days: 4294967295 is too large (at most 365)"),
        "{}",
        r.stderr
    );
    assert!(!record.exists());
}

#[test]
fn files_too_large_to_read_are_refused_from_their_size() {
    let dir = tempfile::tempdir().unwrap();
    let big = sparse(&dir.path().join("big.json"), HUGE);
    let record = dir.path().join("r.polltally");
    let r = refused_quickly(&["new", "--station", s(&big), "--record", s(&record)]);
    assert!(
        r.stderr.contains(&format!(
            "station: {} is 209715200 bytes, more than 4194304, the largest such a file may be",
            s(&big)
        )),
        "{}",
        r.stderr
    );
    assert!(!record.exists());

    let out = dir.path().join("commune.json");
    let r = refused_quickly(&["tabulate", "--out", s(&out), "--stations", s(&big), s(&big)]);
    assert!(r.stderr.contains("station: "), "{}", r.stderr);
    let r = refused_quickly(&["tabulate", "--out", s(&out), s(&big)]);
    assert!(
        r.stderr.contains(&format!(
            "results: {} is 209715200 bytes, more than 4194304",
            s(&big)
        )),
        "{}",
        r.stderr
    );
    let r = refused_quickly(&["verify", "--results", s(&big)]);
    assert!(r.stderr.contains("results: "), "{}", r.stderr);
    let r = refused_quickly(&["tabulate", "--out", s(&out), "--codes", s(&big), s(&big)]);
    assert!(
        r.stderr.contains(&format!(
            "codes: {} is 209715200 bytes, more than 8388608",
            s(&big)
        )),
        "{}",
        r.stderr
    );
    let r = refused_quickly(&["verify", "--commune", s(&big)]);
    assert!(
        r.stderr.contains(&format!(
            "commune: {} is 209715200 bytes, more than 16777216",
            s(&big)
        )),
        "{}",
        r.stderr
    );
    let r = refused_quickly(&["verify", "--qr", s(&big), "--results", s(&big)]);
    assert!(
        r.stderr.contains(&format!(
            "qr: {} is 209715200 bytes, more than 67108864",
            s(&big)
        )),
        "{}",
        r.stderr
    );
    assert!(!out.exists());

    // Just past the bound is refused; at the bound, read (and then found
    // not to be a station file).
    let past = sparse(&dir.path().join("past.json"), 4 * 1024 * 1024 + 1);
    let r = refused_quickly(&["new", "--station", s(&past), "--record", s(&record)]);
    assert!(r.stderr.contains("is 4194305 bytes"), "{}", r.stderr);
    let at = sparse(&dir.path().join("at.json"), 4 * 1024 * 1024);
    let r = refused_quickly(&["new", "--station", s(&at), "--record", s(&record)]);
    assert!(r.stderr.contains("not a JSON object"), "{}", r.stderr);
}

/// Runs `rule --stdin` on `record` with `input` written from another
/// thread (the command may stop reading early), in `lang`.
fn rule_stdin(record: &Path, input: Vec<u8>, lang: &str) -> (Run, Duration) {
    let start = Instant::now();
    let mut child = Command::new(BIN)
        .args(["rule", "--record", s(record), "--stdin", "--lang", lang])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        // A broken pipe once the command has stopped reading is expected.
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().unwrap();
    let took = start.elapsed();
    writer.join().unwrap();
    (out.into(), took)
}

#[test]
fn a_50_mb_ruling_line_is_refused_at_once_and_quoted_short_once() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("r.polltally");
    new_small(&record);
    let mut input = b"1\n2\n".to_vec();
    input.extend(std::iter::repeat_n(b'7', 50 * 1024 * 1024));
    input.extend_from_slice(b"\n3\n");
    let (r, took) = rule_stdin(&record, input, "en");
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(took < QUICK, "took {took:?}");
    assert!(r.stderr.len() < 1000, "{} bytes on stderr", r.stderr.len());
    assert!(
        r.stderr.contains(&format!(
            "line 3: longer than 4096 bytes, the longest a ruling line may be: \"{}\"…",
            "7".repeat(100)
        )),
        "{}",
        r.stderr
    );
    assert_eq!(r.stderr.matches("7777777777").count(), 10, "{}", r.stderr);
    assert_eq!(r.stdout, "ok 2\nok 3\n");
    assert_eq!(show_json(&record)["ruled"], 2);
}

#[test]
fn a_bad_line_after_three_rulings_says_the_three_are_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("r.polltally");
    new_small(&record);
    let input = b"1\n\n2 V3\nI2\nnine words\n4\n".to_vec();
    let (r, _) = rule_stdin(&record, input.clone(), "en");
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert_eq!(r.stdout, "ok 2\nok 3\nok 4\n");
    assert!(
        r.stderr.contains(
            "line 5: \"nine words\": \"nine\" is not a party number (write the party first, \
             then its valid criterion: `3 V3`); the rulings before this line are recorded: \
             ok 2 to ok 4, 3 in all"
        ),
        "{}",
        r.stderr
    );
    let v = show_json(&record);
    assert_eq!(v["ruled"], 3);
    assert_eq!(v["entries"], 4);

    // In Khmer, the same.
    let (r, _) = rule_stdin(&record, input, "km");
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("ការសម្រេចមុនបន្ទាត់នេះត្រូវបានកត់ត្រាទុក៖ ok ៥ ដល់ ok ៧ សរុប ៣")
            || r.stderr
                .contains("ការសម្រេចមុនបន្ទាត់នេះត្រូវបានកត់ត្រាទុក៖ ok 5 ដល់ ok 7 សរុប 3"),
        "{}",
        r.stderr
    );
    assert_eq!(show_json(&record)["ruled"], 6);

    // One ruling before a bad line.
    let (r, _) = rule_stdin(&record, b"1\n0\n".to_vec(), "en");
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("; the ruling before this line is recorded: ok 8\n"),
        "{}",
        r.stderr
    );
    assert_eq!(show_json(&record)["ruled"], 7);

    // A bad first line: nothing recorded, and nothing said of it.
    let (r, _) = rule_stdin(&record, b"nine words\n1\n".to_vec(), "en");
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(!r.stderr.contains("recorded"), "{}", r.stderr);
    assert_eq!(show_json(&record)["ruled"], 7);
}

#[test]
fn a_station_file_from_a_pipe_is_read_no_further_than_its_bound() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("r.polltally");
    let start = Instant::now();
    let mut child = Command::new(BIN)
        .args(["new", "--station", "/dev/stdin", "--record", s(&record)])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    // A pipe has no size to check first: 64 MiB of spaces, of which the
    // command reads one byte past 4 MiB.
    let writer = std::thread::spawn(move || {
        let chunk = vec![b' '; 1024 * 1024];
        for _ in 0..64 {
            if stdin.write_all(&chunk).is_err() {
                return;
            }
        }
    });
    let r: Run = child.wait_with_output().unwrap().into();
    writer.join().unwrap();
    assert!(start.elapsed() < QUICK, "took {:?}", start.elapsed());
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains(
            "station: /dev/stdin is larger than 4194304 bytes, the largest such a file may be"
        ),
        "{}",
        r.stderr
    );
    assert!(!record.exists());
}
