//! Replaying and verifying a record at the limit: 100,000 rulings, the most
//! ballots one station counts (far past a real station). The time to open
//! the record (copy, SQLite's check of the file, replay and verify of every
//! entry) and its parts, against SHA-256 over the same canonical bytes,
//! measured in one run. Goal: the replay and verification at least half as
//! fast as the hashing alone.
//!
//! Run with `cargo bench --bench replay` (the record is built in /dev/shm
//! where there is one, so that building it does not wait on the disk).

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::record_with_rulings;
use polltally::store::Record;
use sha2::{Digest, Sha256};
use std::path::Path;
use std::time::Instant;

const RULINGS: usize = 100_000;

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
    drop(record);
    println!(
        "built a record of {RULINGS} rulings in {:.1} s ({:.1} MB)",
        started.elapsed().as_secs_f64(),
        std::fs::metadata(&path).unwrap().len() as f64 / 1e6
    );
    let bytes: usize = journal.iter().map(|(e, _)| e.canonical.len()).sum();

    let started = Instant::now();
    let mut prev = [0u8; 32];
    for (entry, _) in &journal {
        let mut h = Sha256::new();
        h.update(prev);
        h.update(&entry.canonical);
        prev = h.finalize().into();
    }
    let sha = started.elapsed().as_secs_f64();
    println!(
        "SHA-256 over the {:.1} MB of canonical bytes: {sha:.3} s ({:.0} MB/s)",
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / sha
    );

    let started = Instant::now();
    let bodies: Vec<polltally::journal::entry::EntryBody> = journal
        .iter()
        .map(|(e, _)| serde_json::from_slice(&e.canonical).unwrap())
        .collect();
    println!(
        "parse every entry: {:.3} s",
        started.elapsed().as_secs_f64()
    );
    let started = Instant::now();
    for b in &bodies {
        polltally::domain::canonical::to_canonical(b).unwrap();
    }
    println!(
        "encode every entry canonically: {:.3} s",
        started.elapsed().as_secs_f64()
    );

    let station = polltally::domain::station::StationFile::parse(
        polltally::app::places::SAMPLE_STATION.to_vec(),
    )
    .unwrap();
    let started = Instant::now();
    let mut replay = polltally::journal::replay::Replay::new(station);
    for (e, _) in &journal {
        replay.push(e).unwrap();
    }
    println!(
        "replay the entries (no SQLite): {:.3} s",
        started.elapsed().as_secs_f64()
    );

    // Knowing that a file is unchanged since it was last verified, soundly:
    // its size and times can be set back by anyone who edits it, so the
    // least such a check costs is reading and hashing the whole file.
    let started = Instant::now();
    let file = std::fs::read(&path).unwrap();
    let whole = Sha256::digest(&file);
    println!(
        "SHA-256 of the whole file ({:.1} MB, {}..): {:.3} s",
        file.len() as f64 / 1e6,
        whole[..4]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>(),
        started.elapsed().as_secs_f64()
    );

    let mut checks = vec![];
    for pragma in ["integrity_check", "quick_check"] {
        let conn = rusqlite::Connection::open(&path).unwrap();
        let started = Instant::now();
        let _: String = conn
            .query_row(&format!("PRAGMA {pragma}"), [], |r| r.get(0))
            .unwrap();
        let t = started.elapsed().as_secs_f64();
        checks.push(t);
        println!("PRAGMA {pragma}: {t:.3} s");
    }
    let quick = checks[1];

    for (name, open) in [
        (
            "open to read (copy, check, replay, verify)",
            Record::open_read as fn(&Path) -> _,
        ),
        ("open to write (check, replay, verify)", Record::open),
    ] {
        let started = Instant::now();
        let record = open(&path).unwrap();
        let t = started.elapsed().as_secs_f64();
        assert_eq!(record.entries(), RULINGS as u64 + 1);
        println!(
            "{name}: {t:.3} s ({:.0} MB/s of canonical bytes; {:.1}x the hashing alone)",
            bytes as f64 / 1e6 / t,
            t / sha
        );
    }
    // Opening to write, less SQLite's quick check of the file: reading
    // every row, checking the chain, the canonical form and the rules, and
    // folding each entry into the count.
    let started = Instant::now();
    drop(Record::open(&path).unwrap());
    let replay = started.elapsed().as_secs_f64() - quick;
    println!(
        "read, replay and verify the journal (open to write less the quick check): {replay:.3} s ({:.1}x the hashing alone, goal <= 2)",
        replay / sha
    );
}
