//! A count record from arbitrary bytes: the bytes written to a file (under
//! /dev/shm when there is one) and opened with `Record::open`, as every
//! command and the app open one. A record that opens gives its journal,
//! each entry re-encoding to the bytes that were hashed, and, when sealed,
//! a results document that the results file reader accepts.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use polltally::domain::results::ResultsDocument;
use polltally::journal::entry::StoredEntry;
use polltally::store::Record;

fn path() -> &'static PathBuf {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| {
        let shm = PathBuf::from("/dev/shm");
        let dir = if shm.is_dir() {
            shm
        } else {
            std::env::temp_dir()
        };
        dir.join(format!("polltally-fuzz-{}.polltally", std::process::id()))
    })
}

fn clear(path: &PathBuf) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut name = path.clone().into_os_string();
        name.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(name));
    }
}

fuzz_target!(|data: &[u8]| {
    let path = path();
    clear(path);
    if std::fs::write(path, data).is_err() {
        return;
    }
    if let Ok(record) = Record::open(path) {
        if let Ok(journal) = record.journal() {
            assert_eq!(journal.len() as u64, record.entries());
            for (stored, body) in &journal {
                let again = StoredEntry::new(stored.prev_hash, body);
                assert_eq!(again.ok().as_ref(), Some(stored), "entry re-encodes");
            }
        }
        if let Ok(doc) = record.results() {
            if let Ok(bytes) = doc.to_bytes() {
                let read = ResultsDocument::parse(&bytes);
                assert!(read.is_ok(), "a sealed record's results read: {read:?}");
            }
        }
    }
    clear(path);
});
