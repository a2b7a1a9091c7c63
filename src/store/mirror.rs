//! A live copy of a count record on a second medium (a USB stick): after
//! every acknowledged entry the copy is brought up to date, the new journal
//! rows appended (and the seal row, once sealed) in one transaction brought
//! into its file and synced, as the record's own commits are. If the laptop
//! dies, another laptop opens the copy as the record and the count goes on
//! from the last acknowledged entry.
//!
//! The copy never holds back the count: a copy that cannot be written (the
//! stick pulled out, full) keeps the problem, is tried again after the next
//! entry, and says how far behind it is; the shells show that.

use crate::domain::hash::Hash256;
use crate::domain::message::{Explain, Message, P};
use crate::store::record::{Record, StoreError};
use rusqlite::{Connection, TransactionBehavior, params};
use std::path::{Path, PathBuf};

/// Where the live copy is and how far it has come.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MirrorStatus {
    pub path: PathBuf,
    /// The entries the copy holds.
    pub entries: u64,
    /// The entries of the record it does not hold yet.
    pub behind: u64,
    /// Why the last attempt to bring it up to date failed, if it did.
    pub problem: Option<Message>,
}

/// The live copy of an open record.
#[derive(Debug)]
pub(crate) struct Mirror {
    path: PathBuf,
    /// The copy's own connection; none after a failure, until it opens again.
    conn: Option<Connection>,
    /// Which file the connection has open, to notice the copy gone from its
    /// path (a stick pulled out) while the system still lets the open file
    /// be written.
    file: Option<FileId>,
    entries: u64,
    problem: Option<Message>,
}

/// What identifies a file while it exists: its device and inode where the
/// system has them, else only that it exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct FileId(u64, u64);

impl FileId {
    fn of(path: &Path) -> Option<FileId> {
        let meta = std::fs::metadata(path).ok()?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            Some(FileId(meta.dev(), meta.ino()))
        }
        #[cfg(not(unix))]
        {
            let _ = meta;
            Some(FileId(0, 0))
        }
    }
}

impl Mirror {
    /// Starts the live copy of `record` at `path`: a new file copied whole
    /// from the record, or an existing copy of it (a record whose journal
    /// is a beginning of this one's) brought up to date.
    pub(crate) fn start(record: &Record, path: &Path) -> Result<Mirror, StoreError> {
        let same = |a: &Path, b: &Path| match (a.canonicalize(), b.canonicalize()) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        };
        if same(path, record.path()) {
            return Err(StoreError::Mirror {
                path: path.to_path_buf(),
                problem: Message::new(P::MirrorIsRecord),
            });
        }
        let mut mirror = Mirror {
            path: path.to_path_buf(),
            conn: None,
            file: None,
            entries: 0,
            problem: None,
        };
        if path.exists() {
            mirror.reopen(record)?;
        } else {
            mirror.create(record)?;
        }
        mirror.catch_up(record)?;
        Ok(mirror)
    }

    /// A new copy: the record's file copied whole (SQLite's `VACUUM INTO`),
    /// synced, then opened as a record.
    fn create(&mut self, record: &Record) -> Result<(), StoreError> {
        let failed = |problem: Message| StoreError::Mirror {
            path: self.path.clone(),
            problem,
        };
        let path_text = self.path.to_str().ok_or_else(|| {
            failed(Message::new(P::PathNotUtf8).text("path", self.path.display()))
        })?;
        record
            .connection()
            .execute("VACUUM INTO ?1", params![path_text])
            .map_err(|err| failed(Message::verbatim(err)))?;
        // The copy is written in SQLite's default journal mode; a record
        // keeps a write-ahead log (see `record::configure`).
        let conn = Connection::open(&self.path).map_err(|err| failed(Message::verbatim(err)))?;
        let mode: String = conn
            .query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))
            .map_err(|err| failed(Message::verbatim(err)))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(failed(Message::new(P::NoWal).text("mode", &mode)));
        }
        drop(conn);
        let file = std::fs::File::open(&self.path).map_err(|err| failed(Message::verbatim(err)))?;
        file.sync_all()
            .map_err(|err| failed(Message::verbatim(err)))?;
        sync_folder(&self.path);
        self.reopen(record)
    }

    /// Opens the copy as a record (verifying it whole) and checks that its
    /// journal is a beginning of the record's.
    fn reopen(&mut self, record: &Record) -> Result<(), StoreError> {
        let copy = Record::open(&self.path).map_err(|err| StoreError::Mirror {
            path: self.path.clone(),
            problem: err.message(),
        })?;
        let entries = copy.entries();
        let ours = record.entry_hash(entries)?;
        if copy.station().bytes() != record.station().bytes() || ours != Some(copy.head()) {
            return Err(StoreError::Mirror {
                path: self.path.clone(),
                problem: Message::new(P::MirrorOfOther)
                    .num("n", entries)
                    .text("head", copy.head()),
            });
        }
        self.entries = entries;
        self.file = FileId::of(&self.path);
        self.conn = Some(copy.into_connection());
        Ok(())
    }

    /// Appends the record's entries the copy lacks, and the seal row, in
    /// one transaction, then brings it into the copy's file.
    fn catch_up(&mut self, record: &Record) -> Result<(), StoreError> {
        let Some(conn) = self.conn.as_mut() else {
            return Ok(());
        };
        let rows = record.rows_after(self.entries)?;
        let sealed = record.count().seal().map(|(seq, _)| seq.0);
        let has_seal: bool =
            conn.query_row("SELECT EXISTS (SELECT 1 FROM seal)", [], |r| r.get(0))?;
        if rows.is_empty() && has_seal == sealed.is_some() {
            return Ok(());
        }
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        for (seq, canonical, prev_hash, hash) in &rows {
            tx.execute(
                "INSERT INTO journal (seq, canonical, prev_hash, hash) VALUES (?1, ?2, ?3, ?4)",
                params![seq, canonical, prev_hash, hash],
            )?;
        }
        if let Some(seq) = sealed {
            let seq = i64::try_from(seq).unwrap_or(i64::MAX);
            tx.execute(
                "INSERT OR IGNORE INTO seal (id, seq) VALUES (1, ?1)",
                params![seq],
            )?;
        }
        tx.commit()?;
        crate::store::record::into_file(conn, &self.path)?;
        self.entries += rows.len() as u64;
        Ok(())
    }

    /// Brings the copy up to date after an entry; a failure is kept (and
    /// the copy's connection dropped, so that the next attempt opens it
    /// again, as after a stick put back), never passed on.
    pub(crate) fn update(&mut self, record: &Record) {
        if self.conn.is_some() && FileId::of(&self.path) != self.file {
            self.conn = None;
            self.problem = Some(Message::new(P::MirrorGone));
            return;
        }
        let result = match self.conn {
            Some(_) => self.catch_up(record),
            None => self.reopen(record).and_then(|()| self.catch_up(record)),
        };
        match result {
            Ok(()) => self.problem = None,
            Err(err) => {
                self.conn = None;
                self.problem = Some(err.message());
            }
        }
    }

    pub(crate) fn status(&self, record: &Record) -> MirrorStatus {
        MirrorStatus {
            path: self.path.clone(),
            entries: self.entries,
            behind: record.entries().saturating_sub(self.entries),
            problem: self.problem.clone(),
        }
    }
}

/// Syncs the folder holding `path`, so that a new file's name survives a
/// power cut (where the system allows opening a folder; not on Windows).
fn sync_folder(path: &Path) {
    if let Some(dir) = path.parent()
        && let Ok(dir) = std::fs::File::open(if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        })
    {
        let _ = dir.sync_all();
    }
}

/// The journal row of one entry, as stored.
pub(crate) type Row = (i64, Vec<u8>, String, String);

/// The hash of the record's entry `seq`, as stored.
pub(crate) fn entry_hash(conn: &Connection, seq: u64) -> Result<Option<Hash256>, StoreError> {
    if seq == 0 {
        return Ok(Some(Hash256::ZERO));
    }
    let seq = i64::try_from(seq).unwrap_or(i64::MAX);
    let mut stmt = conn.prepare_cached("SELECT hash FROM journal WHERE seq = ?1")?;
    let mut rows = stmt.query(params![seq])?;
    match rows.next()? {
        Some(row) => {
            let hash: String = row.get(0)?;
            Ok(hash.parse().ok())
        }
        None => Ok(None),
    }
}
