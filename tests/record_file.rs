//! The count record as a file: the `.polltally` file alone (copied while
//! the record is open, or with its `-wal` lost after a crash) holds every
//! acknowledged entry; reading commands never change the record or leave
//! anything beside it, work where they cannot write, and read an older
//! schema as it is; damage that SQLite's pages hide from the journal is
//! reported, with exit 1.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use polltally::domain::ruling::{RulingChoice, RulingRequest};
use polltally::journal::event::Event;
use polltally::shell::clock::SystemClock;
use polltally::store::Record;
use rusqlite::Connection;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

fn ruling(record: &Record, party: u32) -> Event {
    Event::Ruling(
        RulingRequest {
            choice: RulingChoice::Party {
                party,
                criterion: None,
            },
            disputed_by: vec![],
            note: None,
        }
        .resolve(record.count().definition())
        .unwrap(),
    )
}

/// `path` copied alone (no `-wal`, no `-shm`) into `dir`.
fn copy_alone(path: &Path, dir: &Path) -> PathBuf {
    let copy = dir.join("copy.polltally");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", copy.display()));
    }
    std::fs::copy(path, &copy).unwrap();
    copy
}

#[test]
fn a_record_reads_back_the_durability_settings_it_relies_on() {
    let dir = tempfile::tempdir().unwrap();
    let station = polltally::domain::station::StationFile::parse(
        std::fs::read(fixture("station-small.json")).unwrap(),
    )
    .unwrap();
    let mut record =
        Record::create(&dir.path().join("r.polltally"), station, &SystemClock).unwrap();
    assert_eq!(record.durability().unwrap(), ("wal".to_string(), 1, 0));
    let event = ruling(&record, 1);
    record.append(event, &SystemClock).unwrap();
    assert_eq!(record.durability().unwrap(), ("wal".to_string(), 1, 0));
    drop(record);
    let reopened = Record::open(&dir.path().join("r.polltally")).unwrap();
    assert_eq!(reopened.durability().unwrap(), ("wal".to_string(), 1, 0));
}

#[test]
fn the_file_alone_holds_every_entry_while_the_record_is_open() {
    let dir = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.polltally");
    let station = polltally::domain::station::StationFile::parse(
        std::fs::read(fixture("station-small.json")).unwrap(),
    )
    .unwrap();
    let mut record = Record::create(&path, station, &SystemClock).unwrap();
    for i in 0..20u32 {
        let event = ruling(&record, 1 + i % 4);
        let seq = record.append(event, &SystemClock).unwrap();
        // Copied alone while the app still holds the record open.
        let copy = copy_alone(&path, elsewhere.path());
        let read = Record::open(&copy).unwrap();
        assert_eq!(read.entries(), seq.0, "after acknowledging seq {}", seq.0);
        assert_eq!(read.head(), record.head());
    }
}

#[test]
fn the_file_alone_holds_every_acknowledged_ruling_after_a_kill() {
    let (_dir, record) = new_record(&fixture("station-small.json"));
    let elsewhere = tempfile::tempdir().unwrap();
    let mut state = 14u64;
    for trial in 0..8u64 {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1);
        let input: String = (0..2000).map(|i| format!("{}\n", 1 + i % 4)).collect();
        let delay = Duration::from_millis(40 + (state >> 33) % 200);
        let last = last_ack(&rule_stdin_killed(&record, &[], input, delay));
        // The file copied alone, and the file whose log is then lost or
        // damaged: each still holds the last acknowledged ruling.
        let copy = copy_alone(&record, elsewhere.path());
        let read = Record::open_read(&copy).unwrap();
        assert!(
            read.entries() >= last,
            "trial {trial}: the file alone holds {} entries, {last} were acknowledged",
            read.entries()
        );
        drop(read);
        let wal = PathBuf::from(format!("{}-wal", record.display()));
        if trial % 2 == 0 {
            let _ = std::fs::remove_file(&wal);
        } else if let Ok(mut bytes) = std::fs::read(&wal)
            && bytes.len() > 100
        {
            let at = bytes.len() / 2;
            bytes[at] ^= 0x40;
            std::fs::write(&wal, bytes).unwrap();
        }
        let _ = std::fs::remove_file(format!("{}-shm", record.display()));
        let mut r = run(&["verify", "--record", s(&record)]);
        if r.code == 1 {
            // The changed byte fell in a commit not yet in the file (one not
            // acknowledged): the damaged log is named, and without it the
            // file still holds every acknowledged ruling.
            assert!(
                r.stderr.contains("its -wal file is damaged at frame"),
                "trial {trial}: {}",
                r.stderr
            );
            std::fs::remove_file(&wal).unwrap();
            r = run(&["verify", "--record", s(&record)]);
        }
        assert_eq!(r.code, 0, "trial {trial}: {}{}", r.stdout, r.stderr);
        let entries: u64 = r
            .stdout
            .split_whitespace()
            .find_map(|w| w.parse().ok())
            .unwrap();
        assert!(
            entries >= last,
            "trial {trial}: {entries} < {last}: {}",
            r.stdout
        );
    }
}

/// Turns a record of schema 3 (a first count, so no ancestry) into the
/// record schema 2 wrote: the same file without the ancestry table.
fn as_schema_2(record: &Path) {
    let conn = Connection::open(record).unwrap();
    conn.execute_batch(
        "DROP TRIGGER ancestry_only_at_opening; DROP TRIGGER ancestry_no_update;
         DROP TRIGGER ancestry_no_delete; DROP TABLE ancestry; PRAGMA user_version = 2;
         PRAGMA wal_checkpoint(TRUNCATE);",
    )
    .unwrap();
}

/// Every file in `dir`, with its size and the hash of its bytes.
fn listing(dir: &Path) -> Vec<(String, usize, String)> {
    let mut files: Vec<(String, usize, String)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let bytes = std::fs::read(e.path()).unwrap_or_default();
            (
                e.file_name().to_string_lossy().into_owned(),
                bytes.len(),
                polltally::domain::hash::Hash256::of(&bytes).to_hex(),
            )
        })
        .collect();
    files.sort();
    files
}

/// The schema version in the file's header (read as bytes: opening it with
/// SQLite would leave files beside it).
fn user_version(record: &Path) -> i32 {
    let bytes = std::fs::read(record).unwrap();
    i32::from_be_bytes(bytes[60..64].try_into().unwrap())
}

#[test]
fn reading_leaves_the_record_and_its_folder_as_they_were_and_an_older_schema_as_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let record = dir.path().join("count.polltally");
    sealed_count(&fixture("station-small.json"), &record, &times("1", 5));
    as_schema_2(&record);
    let before = listing(dir.path());
    assert_eq!(
        before.len(),
        1,
        "only the record: {:?}",
        before.iter().map(|f| &f.0).collect::<Vec<_>>()
    );
    let rec = s(&record);
    let results = out.path().join("results.json");
    let pdf = out.path().join("form.pdf");
    for args in [
        vec!["verify", "--record", rec],
        vec!["show", "--record", rec],
        vec!["export", "--record", rec, "--out", s(&results)],
        vec!["pdf", "--record", rec, "--out", s(&pdf)],
        vec!["verify", "--results", s(&results), "--record", rec],
    ] {
        ok(&args);
        assert_eq!(listing(dir.path()), before, "{args:?} changed the folder");
        assert_eq!(user_version(&record), 2, "{args:?} migrated the record");
    }
}

#[test]
fn writing_to_an_older_schema_migrates_it_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("count.polltally");
    new_small(&record);
    rule_lines(s(&record), times("2", 3));
    as_schema_2(&record);
    let r = ok(&["rule", "--record", s(&record), "--party", "1"]);
    assert!(
        r.stderr
            .contains("was brought from schema version 2 to 3 to write to it"),
        "{}",
        r.stderr
    );
    assert_eq!(user_version(&record), 3);
    let r = ok(&["rule", "--record", s(&record), "--party", "1"]);
    assert!(!r.stderr.contains("schema version"), "{}", r.stderr);
}

/// Runs the binary as a user who cannot write to `dir` (as root: the
/// `nobody` user, with `runuser`; root ignores a folder's mode).
fn run_without_write(dir: &Path, args: &[&str]) -> Run {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o555)).unwrap();
    let root = unsafe_is_root();
    let output = if root {
        Command::new("runuser")
            .args(["-u", "nobody", "--", BIN])
            .args(args)
            .env("TMPDIR", "/tmp")
            .output()
            .expect("runuser (util-linux) runs the binary as nobody")
    } else {
        Command::new(BIN).args(args).output().unwrap()
    };
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

fn unsafe_is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

#[test]
fn a_record_in_a_folder_nobody_may_write_to_is_read() {
    use std::os::unix::fs::PermissionsExt;
    // A folder every user may enter, holding one that no one may write to.
    let base = tempfile::tempdir().unwrap();
    std::fs::set_permissions(base.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
    let dir = base.path().join("stick");
    std::fs::create_dir(&dir).unwrap();
    let record = dir.join("count.polltally");
    sealed_count(&fixture("station-small.json"), &record, &times("1", 4));
    std::fs::set_permissions(&record, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = listing(&dir);
    let exported = base.path().join("results.json");
    for args in [
        vec!["verify", "--record", s(&record)],
        vec!["show", "--record", s(&record)],
        vec!["export", "--record", s(&record), "--out", s(&exported)],
    ] {
        let r = run_without_write(&dir, &args);
        assert_eq!(r.code, 0, "{args:?}: {}{}", r.stdout, r.stderr);
        assert_eq!(
            listing(&dir),
            before,
            "{args:?} left something beside the record"
        );
    }
    // Writing there is refused with the reason.
    let r = run_without_write(&dir, &["rule", "--record", s(&record), "--party", "1"]);
    assert_eq!(r.code, 2, "{}{}", r.stdout, r.stderr);
}

/// The root page of the journal's table and the page size, read with plain
/// SQLite.
fn journal_root(record: &Path) -> (u64, u64) {
    let conn = Connection::open(record).unwrap();
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
        .unwrap();
    let root: i64 = conn
        .query_row(
            "SELECT rootpage FROM sqlite_master WHERE name = 'journal'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let size: i64 = conn
        .query_row("PRAGMA page_size", [], |r| r.get(0))
        .unwrap();
    (root as u64, size as u64)
}

#[test]
fn a_journal_shortened_inside_the_file_is_reported_as_damage() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("count.polltally");
    new_small(&record);
    rule_lines(s(&record), (0..300).map(|i| 1 + i % 4));
    ok(&["verify", "--record", s(&record)]);
    // The journal's root is an interior page: keep its first cells and point
    // its right-most child at the child of the next, as six changed bytes in
    // the page would. The journal then reads as a shorter, intact chain.
    let (root, size) = journal_root(&record);
    let mut bytes = std::fs::read(&record).unwrap();
    let page = ((root - 1) * size) as usize;
    assert_eq!(bytes[page], 0x05, "the root is an interior table page");
    let cells = u16::from_be_bytes([bytes[page + 3], bytes[page + 4]]) as usize;
    assert!(cells >= 4, "{cells} cells");
    let keep = cells / 2;
    let pointer = |i: usize| {
        let at = page + 12 + 2 * i;
        page + u16::from_be_bytes([bytes[at], bytes[at + 1]]) as usize
    };
    let child = pointer(keep);
    let left: [u8; 4] = bytes[child..child + 4].try_into().unwrap();
    bytes[page + 3..page + 5].copy_from_slice(&(keep as u16).to_be_bytes());
    bytes[page + 8..page + 12].copy_from_slice(&left);
    std::fs::write(&record, bytes).unwrap();

    let r = run(&["verify", "--record", s(&record)]);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stderr
            .contains("is damaged: SQLite's integrity check found:"),
        "{}",
        r.stderr
    );
    // Counting does not go on from the shortened journal.
    let r = run(&["rule", "--record", s(&record), "--party", "1"]);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
}

#[test]
fn a_seal_row_that_disagrees_with_the_journal_is_reported_as_damage() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("count.polltally");
    sealed_count(&fixture("station-small.json"), &record, &times("1", 4));
    let conn = Connection::open(&record).unwrap();
    let sealed: i64 = conn
        .query_row("SELECT seq FROM seal", [], |r| r.get(0))
        .unwrap();
    conn.execute_batch("DROP TRIGGER seal_no_update;").unwrap();
    conn.execute("UPDATE seal SET seq = seq + 3", []).unwrap();
    drop(conn);
    let r = run(&["verify", "--record", s(&record)]);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stderr.contains(&format!(
            "the seal row says the count was sealed at entry {}, the journal says {sealed} (its last entry is {sealed})",
            sealed + 3
        )),
        "{}",
        r.stderr
    );
}

#[test]
fn verifying_a_record_while_it_is_being_counted_sees_one_moment_of_it() {
    let (_dir, record) = new_record(&fixture("station-small.json"));
    let mut child = Command::new(BIN)
        .args(["rule", "--record", s(&record), "--stdin"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let input: String = (0..400).map(|i| format!("{}\n", 1 + i % 4)).collect();
        let _ = stdin.write_all(input.as_bytes());
    });
    let mut seen = Vec::new();
    for _ in 0..25 {
        let r = run(&["verify", "--record", s(&record)]);
        assert_eq!(
            r.code, 0,
            "verify during the count: {}{}",
            r.stdout, r.stderr
        );
        let entries: u64 = r
            .stdout
            .split_whitespace()
            .find_map(|w| w.trim_end_matches(',').parse().ok())
            .unwrap();
        seen.push(entries);
    }
    writer.join().unwrap();
    child.wait().unwrap();
    assert!(seen.windows(2).all(|w| w[0] <= w[1]), "{seen:?}");
    assert!(
        seen.last() > seen.first(),
        "the count went on meanwhile: {seen:?}"
    );
}

#[test]
fn a_log_damaged_in_the_middle_is_reported_and_never_reset() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.polltally");
    new_small(&a);
    rule_lines(s(&a), times("1", 3));
    let b = dir.path().join("b.polltally");
    std::fs::copy(&a, &b).unwrap();
    rule_lines(s(&a), times("2", 5));
    // The record as a version that left entries in its log wrote it: the
    // five later entries committed to b's log and not yet into its file.
    let rows: Vec<(i64, Vec<u8>, String, String)> = {
        let conn = Connection::open(&a).unwrap();
        let mut stmt = conn
            .prepare(
                "SELECT seq, canonical, prev_hash, hash FROM journal WHERE seq > 4 ORDER BY seq",
            )
            .unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    assert_eq!(rows.len(), 5);
    let legacy = tempfile::tempdir().unwrap();
    let c = legacy.path().join("c.polltally");
    {
        let conn = Connection::open(&b).unwrap();
        conn.execute_batch("PRAGMA wal_autocheckpoint = 0;")
            .unwrap();
        for row in &rows {
            conn.execute(
                "INSERT INTO journal (seq, canonical, prev_hash, hash) VALUES (?1, ?2, ?3, ?4)",
                rusqlite::params![row.0, row.1, row.2, row.3],
            )
            .unwrap();
        }
        std::fs::copy(&b, &c).unwrap();
        std::fs::copy(
            format!("{}-wal", b.display()),
            format!("{}-wal", c.display()),
        )
        .unwrap();
    }
    let wal = PathBuf::from(format!("{}-wal", c.display()));
    let r = ok(&["verify", "--record", s(&c)]);
    assert!(r.stdout.contains("9 entries"), "{}", r.stdout);

    // A byte of the log's second frame changed: SQLite would drop the
    // frames after it, and the entries in them, without a word.
    let mut bytes = std::fs::read(&wal).unwrap();
    let page = 1024 + 24;
    assert!(bytes.len() >= 32 + 3 * page, "{} bytes of log", bytes.len());
    bytes[32 + page + 24 + 100] ^= 0x40;
    std::fs::write(&wal, &bytes).unwrap();
    let r = run(&["verify", "--record", s(&c)]);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stderr.contains("its -wal file is damaged at frame 2"),
        "{}",
        r.stderr
    );
    // Writing is refused too, and the log is left as it was.
    let r = run(&["rule", "--record", s(&c), "--party", "1"]);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert_eq!(std::fs::read(&wal).unwrap(), bytes);
}

#[test]
fn a_record_cut_short_is_damage_and_a_file_of_another_kind_is_not_a_record() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("count.polltally");
    sealed_count(&fixture("station-small.json"), &record, &times("1", 4));
    let bytes = std::fs::read(&record).unwrap();
    let cut = dir.path().join("cut.polltally");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    let r = run(&["verify", "--record", s(&cut)]);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stderr
            .contains("cut.polltally is damaged: SQLite finds the file malformed"),
        "{}",
        r.stderr
    );
    let other = dir.path().join("notes.polltally");
    std::fs::write(&other, "hello").unwrap();
    let r = run(&["verify", "--record", s(&other)]);
    assert_eq!(r.code, 2, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stderr.contains("is not a polltally count record"),
        "{}",
        r.stderr
    );
}

/// A record that reads but cannot be opened to write (here its log cannot
/// be made: a folder stands where it would be, as on media that cannot be
/// written) is refused for writing in words that say so, not as a file of
/// another kind; it still verifies.
#[test]
fn a_record_that_cannot_be_opened_to_write_is_not_called_another_kind_of_file() {
    let (dir, record) = new_record(&sample_station());
    std::fs::create_dir(dir.path().join("count.polltally-wal")).unwrap();
    let r = run(&["rule", "--record", s(&record), "--party", "3"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        !r.stderr.contains("is not a polltally count record"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("cannot be opened"), "{}", r.stderr);
    ok(&["verify", "--record", s(&record)]);
}
