//! The parsers of outside bytes fed arbitrary and near-valid documents, as
//! the fuzz targets in tests/fuzz feed them, in a few hundred cases each:
//! the station file, the results file, the commune file, the lines of
//! `rule --stdin` and a count record opened from its bytes. The near-valid
//! documents are the seeds of the fuzz corpora (tests/fuzz/seeds, made by
//! tests/fuzz/make_seeds.sh) with bytes flipped, inserted or deleted, a
//! number replaced by a huge, negative or fractional one, a key removed or
//! written twice; a record's journal entry edited and its chain hashed again.
//! Nothing may panic, and what is accepted must be what the reader promises:
//! canonical documents write back to their own bytes, every number within
//! its bound (src/domain/limits.rs).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::BufRead;
use std::path::{Path, PathBuf};

use polltally::domain::hash::Hash256;
use polltally::domain::limits::{
    MAX_BALLOTS, MAX_COMPLAINT_DAYS, MAX_COUNT, MAX_PARTIES, MAX_SEATS,
};
use polltally::domain::results::ResultsDocument;
use polltally::domain::rule_line::parse_rule_line;
use polltally::domain::station::StationFile;
use polltally::domain::tabulation::CommuneResults;
use polltally::journal::entry::{StoredEntry, chain_hash};
use polltally::store::Record;
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use serde_json::Value;

// ---- the seeds ----

/// The seed documents of one fuzz target, by file name.
fn seeds(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz/seeds")
        .join(target);
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|err| panic!("{}: {err}", dir.display()))
        .map(|entry| {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&path).unwrap())
        })
        .collect();
    out.sort();
    assert!(!out.is_empty(), "no seeds in {}", dir.display());
    out
}

fn seed(target: &str, index: usize) -> Vec<u8> {
    let all = seeds(target);
    all[index % all.len()].1.clone()
}

// ---- the readers, with what each promises of what it accepts ----

/// Reads a station file; true when accepted.
fn read_station(bytes: &[u8]) -> Result<bool, TestCaseError> {
    let Ok(station) = StationFile::parse(bytes.to_vec()) else {
        return Ok(false);
    };
    prop_assert_eq!(station.bytes(), bytes);
    prop_assert_eq!(station.hash(), Hash256::of(bytes));
    let def = station.definition();
    prop_assert!(!def.parties.is_empty() && def.parties.len() <= MAX_PARTIES);
    prop_assert!(def.registered_voters <= MAX_BALLOTS);
    prop_assert!(def.ballots_in_books() <= MAX_BALLOTS);
    prop_assert!((1..=MAX_SEATS).contains(&def.council_seats));
    prop_assert!(def.complaint_days <= MAX_COMPLAINT_DAYS);
    Ok(true)
}

/// Reads a results file; true when accepted.
fn read_results(bytes: &[u8]) -> Result<bool, TestCaseError> {
    let Ok(doc) = ResultsDocument::parse(bytes) else {
        return Ok(false);
    };
    check_results(&doc)?;
    let written = doc.to_bytes().ok();
    prop_assert_eq!(written.as_deref(), Some(bytes), "not canonical");
    Ok(true)
}

/// The bounds every accepted results document keeps.
fn check_results(doc: &ResultsDocument) -> Result<(), TestCaseError> {
    prop_assert!((1..=MAX_SEATS).contains(&doc.council_seats));
    prop_assert!(!doc.parties.is_empty() && doc.parties.len() <= MAX_PARTIES);
    let f = &doc.figures;
    for n in [
        doc.registered_voters,
        doc.ballots_in_books,
        f.received,
        f.unused,
        f.spoiled,
        f.voters_marked,
        f.supplementary,
        f.temporary_id,
        f.in_box,
        f.valid,
        f.invalid,
        doc.disputed,
    ] {
        prop_assert!(n <= MAX_BALLOTS, "{} is past {}", n, MAX_BALLOTS);
    }
    for map in [
        &doc.votes,
        &doc.invalid,
        &doc.valid_by_criterion,
        &doc.pile_counts,
    ] {
        prop_assert!(map.values().all(|n| *n <= MAX_BALLOTS), "{:?}", map);
    }
    prop_assert!(doc.complaint_days <= MAX_COMPLAINT_DAYS);
    prop_assert!(doc.journal.entries <= MAX_COUNT);
    prop_assert!(doc.voided <= doc.journal.entries);
    Ok(())
}

/// Reads a commune results file; true when accepted.
fn read_commune(bytes: &[u8]) -> Result<bool, TestCaseError> {
    let Ok(doc) = CommuneResults::parse(bytes) else {
        return Ok(false);
    };
    prop_assert!((1..=MAX_SEATS).contains(&doc.council_seats));
    let stations = doc.stations.len() as u64;
    for station in &doc.stations {
        prop_assert!(station.valid <= MAX_BALLOTS && station.invalid <= MAX_BALLOTS);
        prop_assert!(station.votes.values().all(|n| *n <= MAX_BALLOTS));
    }
    let commune = MAX_BALLOTS.saturating_mul(stations);
    prop_assert!(doc.votes.values().all(|n| *n <= commune));
    prop_assert!(doc.invalid.values().all(|n| *n <= commune));
    prop_assert!(doc.seats.values().all(|n| *n <= doc.council_seats));
    let written = doc.to_bytes().ok();
    prop_assert_eq!(written.as_deref(), Some(bytes), "not canonical");
    Ok(true)
}

/// Reads bytes as `rule --stdin` reads standard input: line by line until a
/// line is not UTF-8, each line parsed and resolved against the station.
fn read_rule_lines(bytes: &[u8], station: &StationFile) -> Result<usize, TestCaseError> {
    let mut rulings = 0;
    for line in std::io::Cursor::new(bytes).lines() {
        let Ok(line) = line else { break };
        match parse_rule_line(&line) {
            Ok(None) => prop_assert!(line.trim().is_empty(), "{:?} is no ruling", line),
            Ok(Some(request)) => {
                prop_assert!(!line.trim().is_empty());
                if request.resolve(station.definition()).is_ok() {
                    rulings += 1;
                }
            }
            Err(_) => {}
        }
    }
    Ok(rulings)
}

/// Writes `bytes` as a record file in `dir` and opens it; true when it
/// opened. One that opens gives back its journal, each entry re-encoding to
/// the bytes that were hashed, and, when sealed, results the results file
/// reader accepts.
fn open_record(dir: &Path, bytes: &[u8]) -> Result<bool, TestCaseError> {
    let path = fresh_path(dir);
    std::fs::write(&path, bytes).unwrap();
    open_record_at(&path)
}

fn open_record_at(path: &Path) -> Result<bool, TestCaseError> {
    let Ok(record) = Record::open(path) else {
        return Ok(false);
    };
    let journal = record.journal();
    prop_assert!(journal.is_ok(), "{:?}", journal.err());
    let journal = journal.unwrap();
    prop_assert_eq!(journal.len() as u64, record.entries());
    for (stored, body) in &journal {
        let again = StoredEntry::new(stored.prev_hash, body).ok();
        prop_assert_eq!(again.as_ref(), Some(stored), "the entry re-encodes");
    }
    if let Ok(doc) = record.results() {
        check_results(&doc)?;
        let bytes = doc.to_bytes().unwrap();
        let read = ResultsDocument::parse(&bytes);
        prop_assert!(
            read.is_ok(),
            "the sealed record's results: {:?}",
            read.err()
        );
    }
    Ok(true)
}

/// A new file name in `dir` for each case.
fn fresh_path(dir: &Path) -> PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    dir.join(format!(
        "case-{}.polltally",
        N.fetch_add(1, Ordering::Relaxed)
    ))
}

// ---- byte edits ----

/// One edit of a document's bytes; positions are taken modulo its length.
#[derive(Debug, Clone)]
enum ByteEdit {
    Flip(usize, u8),
    Set(usize, u8),
    Insert(usize, Vec<u8>),
    Delete(usize, usize),
    /// Copies a run of the document elsewhere in it.
    Repeat(usize, usize, usize),
}

fn byte_edit() -> impl Strategy<Value = ByteEdit> {
    let interesting = prop_oneof![
        any::<u8>(),
        prop::sample::select(b"{}[]\",:0123456789-+.eE \\\n\x00\xff".to_vec()),
    ];
    prop_oneof![
        (any::<usize>(), 1u8..=255).prop_map(|(at, mask)| ByteEdit::Flip(at, mask)),
        (any::<usize>(), interesting.clone()).prop_map(|(at, b)| ByteEdit::Set(at, b)),
        (any::<usize>(), prop::collection::vec(interesting, 1..8))
            .prop_map(|(at, bytes)| ByteEdit::Insert(at, bytes)),
        (any::<usize>(), 1usize..64).prop_map(|(at, n)| ByteEdit::Delete(at, n)),
        (any::<usize>(), 1usize..64, any::<usize>())
            .prop_map(|(from, n, to)| ByteEdit::Repeat(from, n, to)),
    ]
}

fn apply(mut bytes: Vec<u8>, edits: &[ByteEdit]) -> Vec<u8> {
    for edit in edits {
        let len = bytes.len().max(1);
        match edit {
            ByteEdit::Flip(at, mask) => {
                if let Some(b) = bytes.get_mut(at % len) {
                    *b ^= mask;
                }
            }
            ByteEdit::Set(at, value) => {
                if let Some(b) = bytes.get_mut(at % len) {
                    *b = *value;
                }
            }
            ByteEdit::Insert(at, insert) => {
                let at = at % (bytes.len() + 1);
                bytes.splice(at..at, insert.iter().copied());
            }
            ByteEdit::Delete(at, n) => {
                let at = at % len;
                let end = (at + n).min(bytes.len());
                if at < end {
                    bytes.drain(at..end);
                }
            }
            ByteEdit::Repeat(from, n, to) => {
                let from = from % len;
                let end = (from + n).min(bytes.len());
                let run = bytes.get(from..end).unwrap_or_default().to_vec();
                let to = to % (bytes.len() + 1);
                bytes.splice(to..to, run);
            }
        }
    }
    bytes
}

// ---- JSON edits ----

/// One edit of a document's JSON tree; `usize`s pick among its nodes.
#[derive(Debug, Clone)]
enum JsonEdit {
    /// A number replaced.
    Number(usize, Value),
    /// A member removed.
    Remove(usize),
    /// A member written a second time, with this value.
    Twice(usize, Value),
    /// A value replaced by one of another type.
    Retype(usize, Value),
}

fn odd_number() -> impl Strategy<Value = Value> {
    prop_oneof![
        prop::sample::select(vec![
            Value::from(0u64),
            Value::from(MAX_BALLOTS),
            Value::from(MAX_BALLOTS + 1),
            Value::from(MAX_COUNT),
            Value::from(MAX_COUNT + 1),
            Value::from(u64::from(u32::MAX) + 1),
            Value::from(u64::MAX),
            Value::from(-1i64),
            Value::from(i64::MIN),
            Value::from(0.5f64),
            Value::from(-0.0f64),
            Value::from(1e300f64),
            Value::from(18446744073709551616f64),
        ]),
        any::<u64>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        (0u64..200).prop_map(Value::from),
    ]
}

fn odd_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        odd_number(),
        prop::sample::select(vec![
            Value::Null,
            Value::Bool(true),
            Value::from(""),
            Value::from("x"),
            Value::from("\u{0}"),
            Value::from("0101-01-0001"),
            Value::from("2027-06-06"),
            Value::from("a".repeat(3000)),
            serde_json::json!([]),
            serde_json::json!({}),
            serde_json::json!({"en": "x"}),
        ]),
    ]
}

fn json_edit() -> impl Strategy<Value = JsonEdit> {
    prop_oneof![
        3 => (any::<usize>(), odd_number()).prop_map(|(at, n)| JsonEdit::Number(at, n)),
        2 => any::<usize>().prop_map(JsonEdit::Remove),
        1 => (any::<usize>(), odd_value()).prop_map(|(at, v)| JsonEdit::Twice(at, v)),
        2 => (any::<usize>(), odd_value()).prop_map(|(at, v)| JsonEdit::Retype(at, v)),
    ]
}

/// The JSON pointers of every node under `value`.
fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                let key = key.replace('~', "~0").replace('/', "~1");
                pointers(child, format!("{at}/{key}"), out);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                pointers(child, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
    out.push(at);
}

/// The parent pointer and the last token of `pointer`.
fn split(pointer: &str) -> Option<(&str, String)> {
    let (parent, key) = pointer.rsplit_once('/')?;
    Some((parent, key.replace("~1", "/").replace("~0", "~")))
}

/// A document after `edits`, written canonically, with each `Twice` member
/// written first in its object.
fn edit_json(doc: &Value, edits: &[JsonEdit]) -> Vec<u8> {
    let mut doc = doc.clone();
    let mut twice: Vec<(String, String, Value)> = Vec::new();
    for edit in edits {
        let mut all = Vec::new();
        pointers(&doc, String::new(), &mut all);
        let members: Vec<&String> = all
            .iter()
            .filter(|p| {
                split(p)
                    .is_some_and(|(parent, _)| doc.pointer(parent).is_some_and(Value::is_object))
            })
            .collect();
        match edit {
            JsonEdit::Number(i, n) => {
                let numbers: Vec<&String> = all
                    .iter()
                    .filter(|p| doc.pointer(p).is_some_and(Value::is_number))
                    .collect();
                if let Some(p) = numbers.get(i % numbers.len().max(1)) {
                    let p = (*p).clone();
                    *doc.pointer_mut(&p).unwrap() = n.clone();
                }
            }
            JsonEdit::Remove(i) => {
                if let Some(p) = members.get(i % members.len().max(1)) {
                    let (parent, key) = split(p).unwrap();
                    let parent = parent.to_string();
                    doc.pointer_mut(&parent)
                        .and_then(Value::as_object_mut)
                        .map(|o| o.remove(&key));
                }
            }
            JsonEdit::Twice(i, v) => {
                if let Some(p) = members.get(i % members.len().max(1)) {
                    let (parent, key) = split(p).unwrap();
                    twice.push((parent.to_string(), key, v.clone()));
                }
            }
            JsonEdit::Retype(i, v) => {
                if let Some(p) = all.get(i % all.len().max(1)) {
                    let p = p.clone();
                    *doc.pointer_mut(&p).unwrap() = v.clone();
                }
            }
        }
    }
    let mut out = Vec::new();
    write_json(&doc, "", &twice, &mut out);
    out
}

/// Writes `value` as RFC 8785 does for these documents (members sorted, no
/// whitespace), adding the members of `twice` that belong at `at`.
fn write_json(value: &Value, at: &str, twice: &[(String, String, Value)], out: &mut Vec<u8>) {
    match value {
        Value::Object(map) => {
            out.push(b'{');
            let mut first = true;
            let extra = twice.iter().filter(|(p, _, _)| p == at);
            let extra = extra.map(|(_, k, v)| (k.clone(), v.clone()));
            let own = map.iter().map(|(k, v)| (k.clone(), v.clone()));
            for (key, child) in extra.chain(own) {
                if !first {
                    out.push(b',');
                }
                first = false;
                out.extend(serde_json::to_vec(&key).unwrap());
                out.push(b':');
                let key = key.replace('~', "~0").replace('/', "~1");
                write_json(&child, &format!("{at}/{key}"), twice, out);
            }
            out.push(b'}');
        }
        Value::Array(items) => {
            out.push(b'[');
            for (i, child) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write_json(child, &format!("{at}/{i}"), twice, out);
            }
            out.push(b']');
        }
        other => out.extend(serde_jcs::to_vec(other).unwrap()),
    }
}

/// A commune file's bytes with its `hash` made right for its other members
/// (so that the edit, not the hash, is what the reader meets), unless the
/// edit left it no object.
fn rehash_commune(bytes: Vec<u8>) -> Vec<u8> {
    let Ok(mut value) = serde_json::from_slice::<Value>(&bytes) else {
        return bytes;
    };
    let Some(object) = value.as_object_mut() else {
        return bytes;
    };
    object.remove("hash");
    let hash = Hash256::of(&serde_jcs::to_vec(&value).unwrap());
    value["hash"] = Value::from(hash.to_hex());
    serde_jcs::to_vec(&value).unwrap()
}

// ---- records ----

/// Edits one journal entry's JSON of the record at `path` and hashes the
/// whole chain again from it, so that the chain holds and the entry itself
/// is what Record::open meets.
fn edit_journal(path: &Path, entry: usize, edits: &[JsonEdit]) {
    let conn = rusqlite::Connection::open(path).unwrap();
    let rows: Vec<(i64, Vec<u8>)> = {
        let mut stmt = conn
            .prepare("SELECT seq, canonical FROM journal ORDER BY seq")
            .unwrap();
        stmt.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    let target = entry % rows.len();
    let first_prev: String = conn
        .query_row(
            "SELECT prev_hash FROM journal ORDER BY seq LIMIT 1",
            [],
            |row| row.get(0),
        )
        .unwrap();
    let mut prev: Hash256 = first_prev.parse().unwrap();
    // The journal refuses updates by trigger; the test edits the file as
    // someone with a SQLite shell would: triggers dropped, then put back.
    let triggers: Vec<(String, String)> = {
        let mut stmt = conn
            .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
            .unwrap();
        stmt.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    for (name, _) in &triggers {
        conn.execute_batch(&format!("DROP TRIGGER \"{name}\";"))
            .unwrap();
    }
    for (i, (seq, canonical)) in rows.iter().enumerate() {
        let canonical = if i == target {
            match serde_json::from_slice::<Value>(canonical) {
                Ok(value) => edit_json(&value, edits),
                Err(_) => canonical.clone(),
            }
        } else {
            canonical.clone()
        };
        let hash = chain_hash(prev, &canonical);
        conn.execute(
            "UPDATE journal SET canonical = ?1, prev_hash = ?2, hash = ?3 WHERE seq = ?4",
            rusqlite::params![canonical, prev.to_hex(), hash.to_hex(), seq],
        )
        .unwrap();
        prev = hash;
    }
    for (_, sql) in &triggers {
        conn.execute_batch(sql).unwrap();
    }
}

fn small_station() -> StationFile {
    StationFile::parse(
        std::fs::read(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/station-small.json"),
        )
        .unwrap(),
    )
    .unwrap()
}

// ---- the tests ----

/// Each seed is read as what it is, so that the edits below start from
/// documents the readers accept.
#[test]
fn every_seed_is_accepted() {
    let check = |accepted: Result<bool, TestCaseError>, name: &str| {
        assert!(
            matches!(accepted, Ok(true)),
            "{name} is refused: {accepted:?}"
        );
    };
    for (name, bytes) in seeds("station_file") {
        check(read_station(&bytes), &name);
    }
    for (name, bytes) in seeds("results_file") {
        check(read_results(&bytes), &name);
    }
    for (name, bytes) in seeds("commune_file") {
        check(read_commune(&bytes), &name);
    }
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in seeds("record_open") {
        check(open_record(dir.path(), &bytes), &name);
    }
    let station = small_station();
    let (_, lines) = &seeds("rule_lines")[1];
    assert!(read_rule_lines(lines, &station).unwrap() >= 3);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn arbitrary_bytes_are_refused_without_panic(
        bytes in prop::collection::vec(any::<u8>(), 0..512),
    ) {
        read_station(&bytes)?;
        read_results(&bytes)?;
        read_commune(&bytes)?;
        read_rule_lines(&bytes, &small_station())?;
    }

    #[test]
    fn arbitrary_text_lines_are_ruled_or_refused_without_panic(
        text in prop::collection::vec(
            prop_oneof![
                prop::sample::select(vec![
                    "1", "12", "99", "100", "0", "-1", "+2", "V1", "V3", "I1", "I9",
                    "dispute=", "dispute=1,2", "dispute=,", "dispute=99999999999", " ",
                    "\t", "\n", "\r\n", "\u{a0}", "\u{17e1}", "4294967296", "=", ",",
                ]).prop_map(str::to_string),
                "[ -~]{0,6}",
            ],
            0..16,
        ),
    ) {
        read_rule_lines(text.concat().as_bytes(), &small_station())?;
    }

    #[test]
    fn station_files_with_edited_bytes_are_read_or_refused(
        which in any::<usize>(),
        edits in prop::collection::vec(byte_edit(), 1..6),
    ) {
        read_station(&apply(seed("station_file", which), &edits))?;
    }

    #[test]
    fn station_files_with_edited_json_are_read_or_refused(
        which in any::<usize>(),
        edits in prop::collection::vec(json_edit(), 1..4),
    ) {
        let doc: Value = serde_json::from_slice(&seed("station_file", which)).unwrap();
        read_station(&edit_json(&doc, &edits))?;
    }

    #[test]
    fn results_files_with_edited_bytes_are_read_or_refused(
        which in any::<usize>(),
        edits in prop::collection::vec(byte_edit(), 1..6),
    ) {
        let original = seed("results_file", which);
        let edited = apply(original.clone(), &edits);
        let accepted = read_results(&edited)?;
        // Canonical bytes admit no second spelling of the same document.
        if accepted && edited != original {
            let a: Value = serde_json::from_slice(&edited).unwrap();
            let b: Value = serde_json::from_slice(&original).unwrap();
            prop_assert_ne!(a, b, "a second spelling of the same document");
        }
    }

    #[test]
    fn results_files_with_edited_json_are_read_or_refused(
        which in any::<usize>(),
        edits in prop::collection::vec(json_edit(), 1..4),
    ) {
        let doc: Value = serde_json::from_slice(&seed("results_file", which)).unwrap();
        read_results(&edit_json(&doc, &edits))?;
    }

    #[test]
    fn commune_files_with_edited_bytes_are_read_or_refused(
        which in any::<usize>(),
        edits in prop::collection::vec(byte_edit(), 1..6),
        rehash in any::<bool>(),
    ) {
        let edited = apply(seed("commune_file", which), &edits);
        let edited = if rehash { rehash_commune(edited) } else { edited };
        read_commune(&edited)?;
    }

    #[test]
    fn commune_files_with_edited_json_are_read_or_refused(
        which in any::<usize>(),
        edits in prop::collection::vec(json_edit(), 1..4),
    ) {
        let doc: Value = serde_json::from_slice(&seed("commune_file", which)).unwrap();
        let edited = edit_json(&doc, &edits);
        read_commune(&edited)?;
        read_commune(&rehash_commune(edited))?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn records_with_edited_bytes_are_opened_or_refused(
        which in any::<usize>(),
        edits in prop::collection::vec(byte_edit(), 1..6),
    ) {
        let dir = tempfile::tempdir().unwrap();
        open_record(dir.path(), &apply(seed("record_open", which), &edits))?;
    }

    #[test]
    fn records_with_an_edited_entry_chained_again_are_opened_or_refused(
        which in any::<usize>(),
        entry in any::<usize>(),
        edits in prop::collection::vec(json_edit(), 1..3),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let path = fresh_path(dir.path());
        std::fs::write(&path, seed("record_open", which)).unwrap();
        edit_journal(&path, entry, &edits);
        open_record_at(&path)?;
    }
}
