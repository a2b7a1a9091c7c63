//! Replaying and verifying a record at the limit: 100,000 rulings, the most
//! ballots one station counts (far past a real station), against SHA-256
//! over the same canonical bytes, measured in one run. Each part is run
//! seven times, interleaved with the hashing, and its fastest time kept (the
//! machine may be busy with other work; the fastest run is the one it
//! disturbed least).
//!
//! Goal: reading, replaying and verifying the journal at least half as fast
//! as the hashing alone. Printed beside it: the whole opening of a record
//! (the private copy a reader makes, SQLite's check of the file) and what a
//! sound "unchanged since it was last verified" check would cost.
//!
//! Run with `cargo bench --bench replay` (the record is built in /dev/shm
//! where there is one, so that building it does not wait on the disk).

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::record_with_rulings;
use polltally::journal::entry::StoredEntry;
use polltally::journal::replay::Replay;
use polltally::store::Record;
use sha2::{Digest, Sha256};
use std::path::Path;
use std::time::Instant;

const RULINGS: usize = 100_000;
const RUNS: usize = 7;

/// The fastest of `RUNS` runs of each part, the parts interleaved.
fn fastest(parts: &mut [(&str, &mut dyn FnMut())]) -> Vec<f64> {
    let mut best = vec![f64::MAX; parts.len()];
    for _ in 0..RUNS {
        for (i, (_, run)) in parts.iter_mut().enumerate() {
            let started = Instant::now();
            run();
            best[i] = best[i].min(started.elapsed().as_secs_f64());
        }
    }
    best
}

/// The journal read from the file as the store reads it (rows in seq
/// order, the canonical bytes and both hashes), each entry verified and
/// folded into the count.
fn read_and_replay(conn: &rusqlite::Connection, station: &polltally::domain::station::StationFile) {
    let mut replay = Replay::new(station.clone());
    let mut stmt = conn
        .prepare_cached("SELECT seq, canonical, prev_hash, hash FROM journal ORDER BY seq")
        .unwrap();
    let mut rows = stmt.query([]).unwrap();
    let mut entry = StoredEntry::empty();
    while let Some(row) = rows.next().unwrap() {
        entry.seq = polltally::domain::seq::Seq(row.get::<_, i64>(0).unwrap() as u64);
        entry.canonical.clear();
        entry
            .canonical
            .extend_from_slice(row.get_ref(1).unwrap().as_blob().unwrap());
        entry.prev_hash = row.get_ref(2).unwrap().as_str().unwrap().parse().unwrap();
        entry.hash = row.get_ref(3).unwrap().as_str().unwrap().parse().unwrap();
        replay.push(&entry).unwrap();
    }
    assert_eq!(
        replay.finish().unwrap().count.tally().ruled(),
        RULINGS as u64
    );
}

fn main() {
    let shm = Path::new("/dev/shm");
    let base = if shm.is_dir() {
        shm.to_path_buf()
    } else {
        Path::new(env!("CARGO_TARGET_TMPDIR")).to_path_buf()
    };
    let dir = tempfile::tempdir_in(base).unwrap();
    let path = dir.path().join("limit.polltally");
    let started = Instant::now();
    let record = record_with_rulings(&path, RULINGS, 9);
    let journal = record.journal().unwrap();
    let station = record.station().clone();
    drop(record);
    println!(
        "built a record of {RULINGS} rulings in {:.1} s ({:.1} MB)",
        started.elapsed().as_secs_f64(),
        std::fs::metadata(&path).unwrap().len() as f64 / 1e6
    );
    let bytes: usize = journal.iter().map(|(e, _)| e.canonical.len()).sum();
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch("PRAGMA cache_size = -65536;").unwrap();

    let mut hash = || {
        let mut prev = [0u8; 32];
        for (entry, _) in &journal {
            let mut h = Sha256::new();
            h.update(prev);
            h.update(&entry.canonical);
            prev = h.finalize().into();
        }
        std::hint::black_box(prev);
    };
    let mut in_memory = || {
        let mut replay = Replay::new(station.clone());
        for (e, _) in &journal {
            replay.push(e).unwrap();
        }
    };
    let mut from_file = || read_and_replay(&conn, &station);
    let check = |pragma: &str| {
        let _: String = conn
            .query_row(&format!("PRAGMA {pragma}"), [], |r| r.get(0))
            .unwrap();
    };
    let mut quick = || check("quick_check");
    let mut full = || check("integrity_check");
    let mut whole_file = || {
        std::hint::black_box(Sha256::digest(std::fs::read(&path).unwrap()));
    };
    let mut open_write = || drop(Record::open(&path).unwrap());
    let mut open_read = || drop(Record::open_read(&path).unwrap());
    let times = fastest(&mut [
        ("SHA-256 over the canonical bytes", &mut hash),
        ("replay and verify, entries in memory", &mut in_memory),
        ("read, replay and verify the journal", &mut from_file),
        ("PRAGMA quick_check (not run)", &mut quick),
        ("PRAGMA integrity_check (run on every open)", &mut full),
        ("SHA-256 of the whole file", &mut whole_file),
        ("open to write (check, replay, verify)", &mut open_write),
        ("open to read (copy, check, replay, verify)", &mut open_read),
    ]);
    let names = [
        "SHA-256 over the canonical bytes",
        "replay and verify, entries in memory",
        "read, replay and verify the journal",
        "PRAGMA quick_check (not run)",
        "PRAGMA integrity_check (run on every open)",
        "SHA-256 of the whole file (a sound \"unchanged\" check)",
        "open to write (check, replay, verify)",
        "open to read (copy, check, replay, verify)",
    ];
    let sha = times[0];
    println!(
        "canonical bytes: {:.1} MB; fastest of {RUNS} runs each:",
        bytes as f64 / 1e6
    );
    for (name, t) in names.iter().zip(&times) {
        println!(
            "  {name:<55} {t:.3} s  {:>5.0} MB/s  {:>5.1}x the hashing",
            bytes as f64 / 1e6 / t,
            t / sha
        );
    }
    println!(
        "read, replay and verify: {:.1}x the hashing alone (goal <= 2)",
        times[2] / sha
    );
}
