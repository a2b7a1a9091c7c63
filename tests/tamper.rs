//! A record changed behind polltally's back, with its protective triggers
//! dropped by raw SQL: every kind of change is detected by `verify`, which
//! names the first broken entry and exits 1.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use rusqlite::{Connection, params};
use std::path::Path;

/// A record with an opening entry and 20 rulings (seq 2-21), parties in turn.
fn record_with_rulings() -> (tempfile::TempDir, std::path::PathBuf, String) {
    let (dir, record) = new_record(&fixture("station-small.json"));
    let lines: String = (0..20).map(|i| format!("{}\n", 1 + i % 4)).collect();
    let r = run_with_input(&["rule", "--record", s(&record), "--stdin"], &lines);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let head = show_json(&record)["head_hash"]
        .as_str()
        .unwrap()
        .to_string();
    (dir, record, head)
}

/// Opens the file with plain SQLite and removes the triggers that guard it.
fn unguarded(record: &Path) -> Connection {
    let conn = Connection::open(record).unwrap();
    conn.execute_batch(
        "DROP TRIGGER journal_no_update; DROP TRIGGER journal_no_delete;
         DROP TRIGGER journal_follows_last; DROP TRIGGER station_no_update;",
    )
    .unwrap();
    conn
}

fn verify_fails_with(record: &Path, head: Option<&str>, message: &str) {
    let mut args = vec!["verify", "--record", s(record)];
    if let Some(h) = head {
        args.extend(["--head", h]);
    }
    let r = run(&args);
    assert_eq!(r.code, 1, "verify should fail: {}{}", r.stdout, r.stderr);
    assert!(
        r.stderr.contains(message),
        "expected {message:?} in {:?}",
        r.stderr
    );
}

#[test]
fn the_untouched_record_verifies() {
    let (_dir, record, head) = record_with_rulings();
    let r = ok(&["verify", "--record", s(&record), "--head", &head]);
    assert!(r.stdout.contains("21 entries"), "{}", r.stdout);
}

#[test]
fn the_triggers_refuse_changes_by_plain_sql() {
    let (_dir, record, _) = record_with_rulings();
    let conn = Connection::open(&record).unwrap();
    let err = conn
        .execute("UPDATE journal SET canonical = x'00' WHERE seq = 5", [])
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("journal entries cannot be changed"),
        "{err}"
    );
    let err = conn
        .execute("DELETE FROM journal WHERE seq = 21", [])
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("journal entries cannot be deleted"),
        "{err}"
    );
    let err = conn
        .execute(
            "INSERT INTO journal (seq, canonical, prev_hash, hash) VALUES (22, x'00', ?1, ?1)",
            params!["ab".repeat(32)],
        )
        .unwrap_err();
    assert!(
        err.to_string().contains("must follow the last one"),
        "{err}"
    );
    let err = conn
        .execute("UPDATE station SET bytes = x'00'", [])
        .unwrap_err();
    assert!(
        err.to_string().contains("station file cannot be changed"),
        "{err}"
    );
}

#[test]
fn an_edited_field_is_detected() {
    let (_dir, record, _) = record_with_rulings();
    let conn = unguarded(&record);
    // Entry 10 is a ruling for party 1; make it party 2.
    let canonical: Vec<u8> = conn
        .query_row("SELECT canonical FROM journal WHERE seq = 10", [], |r| {
            r.get(0)
        })
        .unwrap();
    let text = String::from_utf8(canonical).unwrap();
    assert!(text.contains("\"party\":1"), "{text}");
    let edited = text.replace("\"party\":1", "\"party\":2");
    conn.execute(
        "UPDATE journal SET canonical = ?1 WHERE seq = 10",
        params![edited.as_bytes()],
    )
    .unwrap();
    drop(conn);
    verify_fails_with(&record, None, "entry 10: hash does not match its contents");
}

#[test]
fn an_edited_field_with_a_recomputed_hash_breaks_the_next_link() {
    let (_dir, record, _) = record_with_rulings();
    let conn = unguarded(&record);
    let (canonical, prev): (Vec<u8>, String) = conn
        .query_row(
            "SELECT canonical, prev_hash FROM journal WHERE seq = 10",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let edited = String::from_utf8(canonical)
        .unwrap()
        .replace("\"party\":1", "\"party\":2");
    let prev: polltally::domain::hash::Hash256 = prev.parse().unwrap();
    let hash = polltally::journal::entry::chain_hash(prev, edited.as_bytes());
    conn.execute(
        "UPDATE journal SET canonical = ?1, hash = ?2 WHERE seq = 10",
        params![edited.as_bytes(), hash.to_hex()],
    )
    .unwrap();
    drop(conn);
    verify_fails_with(
        &record,
        None,
        "entry 11: prev_hash does not match the hash of entry 10",
    );
}

#[test]
fn a_deleted_middle_entry_is_detected() {
    let (_dir, record, _) = record_with_rulings();
    let conn = unguarded(&record);
    conn.execute("DELETE FROM journal WHERE seq = 12", [])
        .unwrap();
    drop(conn);
    verify_fails_with(
        &record,
        None,
        "entry 12: missing (the next entry in the record is seq 13)",
    );
}

#[test]
fn two_swapped_entries_are_detected() {
    let (_dir, record, _) = record_with_rulings();
    let conn = unguarded(&record);
    conn.execute_batch(
        "UPDATE journal SET seq = 1000 WHERE seq = 8;
         UPDATE journal SET seq = 8 WHERE seq = 9;
         UPDATE journal SET seq = 9 WHERE seq = 1000;",
    )
    .unwrap();
    drop(conn);
    verify_fails_with(
        &record,
        None,
        "entry 8: prev_hash does not match the hash of entry 7",
    );
}

#[test]
fn a_truncated_tail_is_detected_against_the_head() {
    let (_dir, record, head) = record_with_rulings();
    let conn = unguarded(&record);
    conn.execute("DELETE FROM journal WHERE seq > 17", [])
        .unwrap();
    drop(conn);
    // The remaining chain is intact in itself...
    ok(&["verify", "--record", s(&record)]);
    // ...but it does not end at the head that was written down.
    verify_fails_with(
        &record,
        Some(&head),
        &format!("head: {head} is not in the record; the record ends at entry 17"),
    );
}

#[test]
fn an_old_head_shows_that_entries_were_added() {
    let (_dir, record, head) = record_with_rulings();
    ok(&["rule", "--record", s(&record), "--party", "2"]);
    verify_fails_with(
        &record,
        Some(&head),
        &format!("head: {head} is entry 21, but the record ends at entry 22"),
    );
}

#[test]
fn a_changed_station_file_is_detected() {
    let (_dir, record, _) = record_with_rulings();
    let conn = unguarded(&record);
    let bytes: Vec<u8> = conn
        .query_row("SELECT bytes FROM station", [], |r| r.get(0))
        .unwrap();
    let edited = String::from_utf8(bytes)
        .unwrap()
        .replace("\"registered_voters\": 400", "\"registered_voters\": 4000");
    conn.execute("UPDATE station SET bytes = ?1", params![edited.as_bytes()])
        .unwrap();
    drop(conn);
    verify_fails_with(
        &record,
        None,
        "entry 1: breaks the rules of a count: the record opens definition_hash",
    );
}

#[test]
fn other_commands_refuse_a_broken_record_with_exit_1() {
    let (_dir, record, _) = record_with_rulings();
    let conn = unguarded(&record);
    conn.execute("DELETE FROM journal WHERE seq = 5", [])
        .unwrap();
    drop(conn);
    let r = run(&["rule", "--record", s(&record), "--party", "1"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("entry 5: missing"), "{}", r.stderr);
}
