//! Opening, creating and appending to a count record.

use crate::domain::clock_check::{self, ClockNote, ElectionWindow};
use crate::domain::count::Count;
use crate::domain::free_text::FreeText;
use crate::domain::hash::Hash256;
use crate::domain::message::{Explain, Message, P};
use crate::domain::recount::{Origin, RecountBinding, RecountMode};
use crate::domain::results::{ResultsDocument, ResultsError};
use crate::domain::seq::Seq;
use crate::domain::station::{StationError, StationFile};
use crate::domain::time::{Clock, Timestamp};
use crate::domain::training::TrainingSpec;
use crate::domain::zone::Zone;
use crate::journal::entry::{EntryBody, StoredEntry};
use crate::journal::event::{Event, format_of};
use crate::journal::replay::{ChainError, EventError, Replay, apply_event, check_event};
use crate::store::mirror::{Mirror, MirrorStatus};
use crate::store::schema::{
    APPLICATION_ID, MIGRATE_V1_TO_V2, MIGRATE_V2_TO_V3, PAGE_SIZE, SCHEMA_VERSION, create_v1,
};
use rusqlite::{Connection, OpenFlags, TransactionBehavior, params};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

/// What can go wrong with a count record.
#[derive(Debug)]
pub enum StoreError {
    NotFound(PathBuf),
    Exists(PathBuf),
    NotARecord {
        path: PathBuf,
        detail: Message,
    },
    Newer {
        path: PathBuf,
        found: i32,
    },
    StoredStation(StationError),
    /// The journal does not verify: the record was damaged or tampered with.
    Chain(ChainError),
    /// The event breaks the rules of a count; nothing was written.
    Refused(EventError),
    ChangedElsewhere,
    Sqlite(rusqlite::Error),
    Io(std::io::Error),
    /// An entry or document that cannot be encoded canonically.
    Encode(Message),
    /// A recount of a count that is not sealed.
    NotSealed(Box<ResultsError>),
    /// A count before this one (in a recount's ancestry) does not verify.
    Original {
        generation: u64,
        problem: Box<StoreError>,
    },
    /// The file is damaged: SQLite's integrity check failed, a row cannot
    /// be read, or what the record stores besides the journal disagrees
    /// with it (the seal row and the sealing entry).
    Damaged {
        path: PathBuf,
        problem: Message,
    },
    /// A record opened for reading only was asked to write.
    ReadOnly(PathBuf),
    /// An entry was committed but could not be brought into the record's
    /// file (a reader held it back), so it was not acknowledged.
    NotInFile {
        path: PathBuf,
        detail: Message,
    },
    /// The live copy cannot be started.
    Mirror {
        path: PathBuf,
        problem: Message,
    },
}

impl Explain for StoreError {
    fn message(&self) -> Message {
        let record = |problem: Message| Message::new(P::Record).message("problem", problem);
        let path = |p: &PathBuf| p.display().to_string();
        match self {
            StoreError::NotFound(p) => record(Message::new(P::NoSuchFile).text("path", path(p))),
            StoreError::Exists(p) => record(Message::new(P::RecordExists).text("path", path(p))),
            StoreError::NotARecord { path: p, detail } => record(
                Message::new(P::NotARecord)
                    .text("path", path(p))
                    .message("detail", detail.clone()),
            ),
            StoreError::Newer { path: p, found } => record(
                Message::new(P::NewerRecord)
                    .text("path", path(p))
                    .text("found", found)
                    .text("max", SCHEMA_VERSION),
            ),
            StoreError::StoredStation(err) => {
                Message::new(P::StoredStation).message("problem", err.message())
            }
            StoreError::Chain(err) => err.message(),
            StoreError::Refused(err) => err.message(),
            StoreError::ChangedElsewhere => Message::new(P::ChangedElsewhere),
            StoreError::Sqlite(err) => record(sqlite_words(err)),
            StoreError::Io(err) => record(Message::verbatim(err)),
            StoreError::Encode(err) => {
                record(Message::new(P::CannotEncode).message("detail", err.clone()))
            }
            StoreError::NotSealed(err) => {
                Message::new(P::RecountOfUnsealed).message("problem", err.message())
            }
            StoreError::Original {
                generation,
                problem,
            } => Message::new(P::OriginalCount)
                .num("n", *generation)
                .message("problem", problem.message()),
            StoreError::Damaged { path: p, problem } => record(
                Message::new(P::RecordDamaged)
                    .text("path", path(p))
                    .message("problem", problem.clone()),
            ),
            StoreError::ReadOnly(p) => {
                record(Message::new(P::RecordReadOnly).text("path", path(p)))
            }
            StoreError::NotInFile { path: p, detail } => record(
                Message::new(P::NotInFile)
                    .text("path", path(p))
                    .message("detail", detail.clone()),
            ),
            StoreError::Mirror { path: p, problem } => Message::new(P::MirrorFailed)
                .text("path", path(p))
                .message("problem", problem.clone()),
        }
    }
}

impl From<ChainError> for StoreError {
    fn from(err: ChainError) -> StoreError {
        StoreError::Chain(err)
    }
}

impl From<EventError> for StoreError {
    fn from(err: EventError) -> StoreError {
        StoreError::Refused(err)
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(err: rusqlite::Error) -> StoreError {
        StoreError::Sqlite(err)
    }
}

impl From<std::io::Error> for StoreError {
    fn from(err: std::io::Error) -> StoreError {
        StoreError::Io(err)
    }
}

impl From<serde_json::Error> for StoreError {
    fn from(err: serde_json::Error) -> StoreError {
        StoreError::Encode(Message::verbatim(err))
    }
}

/// An open count record, its journal replayed and verified.
pub struct Record {
    conn: Connection,
    path: PathBuf,
    station: StationFile,
    count: Count,
    head: Hash256,
    /// When the last entry was recorded, and what was doubtful about the
    /// clock when this handle recorded one (nothing after opening).
    last_at: Timestamp,
    last_clock: Vec<ClockNote>,
    /// The schema version the file had when opened, and the one it has now
    /// (they differ when opening for writing migrated it).
    schema: (i32, i32),
    /// For a record opened for reading: the private copy it reads (removed
    /// when the record is dropped, after the connection).
    snapshot: Option<Snapshot>,
    /// The live copy on a second medium, once started.
    mirror: Option<Mirror>,
}

/// A private copy of a record and its `-wal`, in a directory of its own
/// under the system's temporary directory: reading opens the copy, so the
/// original is never written (it may be on read-only media, and no `-wal`
/// or `-shm` is left beside it). Removed when dropped.
#[derive(Debug)]
struct Snapshot {
    dir: PathBuf,
    file: PathBuf,
}

/// How the private copies of records being read are named.
const SNAPSHOT_PREFIX: &str = "polltally-read-";

impl Snapshot {
    fn of(path: &Path) -> Result<Snapshot, StoreError> {
        use std::sync::atomic::{AtomicU64, Ordering};
        static NEXT: AtomicU64 = AtomicU64::new(0);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        // Once a process: tabulating reads thousands of records.
        static SWEPT: std::sync::Once = std::sync::Once::new();
        SWEPT.call_once(|| Snapshot::sweep(Duration::from_secs(24 * 3600)));
        let dir = std::env::temp_dir().join(format!(
            "{SNAPSHOT_PREFIX}{}-{nanos}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir(&dir)?;
        let snapshot = Snapshot {
            file: dir.join("record.polltally"),
            dir,
        };
        let wal = companion(path, "-wal");
        let copied_wal = companion(&snapshot.file, "-wal");
        // A record being written while it is copied (the app counting while
        // someone verifies) would give a copy of two moments: copy again
        // until neither file changed during the copy.
        let stamp = |p: &Path| {
            std::fs::metadata(p)
                .ok()
                .map(|m| (m.len(), m.modified().ok()))
        };
        for _ in 0..20 {
            let before = (stamp(path), stamp(&wal));
            std::fs::copy(path, &snapshot.file)?;
            let _ = std::fs::remove_file(&copied_wal);
            if wal.is_file() {
                std::fs::copy(&wal, &copied_wal)?;
            }
            if (stamp(path), stamp(&wal)) == before {
                break;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        Ok(snapshot)
    }
}

impl Snapshot {
    /// Removes the copies that readers killed before they could remove
    /// their own left behind, once they are `older` than that (no reader
    /// runs that long).
    fn sweep(older: Duration) {
        let Ok(entries) = std::fs::read_dir(std::env::temp_dir()) else {
            return;
        };
        for entry in entries.flatten() {
            let stale = entry
                .file_name()
                .to_string_lossy()
                .starts_with(SNAPSHOT_PREFIX)
                && entry
                    .metadata()
                    .ok()
                    .and_then(|m| m.modified().ok())
                    .and_then(|t| t.elapsed().ok())
                    .is_some_and(|age| age > older);
            if stale {
                let _ = std::fs::remove_dir_all(entry.path());
            }
        }
    }
}

impl Drop for Snapshot {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

impl std::fmt::Debug for Record {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Record")
            .field("path", &self.path)
            .field("entries", &self.count.last_seq())
            .field("head", &self.head)
            .finish()
    }
}

/// Per-connection settings: durability, integrity, and no trust in code
/// stored in the schema.
///
/// Durability: a commit goes to the write-ahead log, and [`into_file`] then
/// checkpoints it, which syncs the log, copies the new pages into the
/// record's file and syncs the file. An entry is acknowledged only after
/// that, so the `.polltally` file alone (copied, or with its `-wal` lost)
/// holds every acknowledged entry. The commit itself need not sync the log
/// (`synchronous = NORMAL`): the checkpoint does, before it copies. SQLite's
/// own checkpoints are off; this one runs after every commit. Each commit
/// therefore starts the emptied log again, and SQLite syncs the log's new
/// header before the first frame after it (so that no frame of the old log
/// can be read as new after a power loss): three syncs a commit in all
/// (strace: `fsync` of the `-wal`, of the `-wal`, of the file).
///
/// Reading: pages stay in a cache of up to 64 MiB, so that the check of the
/// file and the replay after it do not read a page twice.
fn configure(conn: &Connection) -> Result<(), rusqlite::Error> {
    conn.busy_timeout(Duration::from_secs(10))?;
    conn.execute_batch(
        "PRAGMA foreign_keys = ON; PRAGMA trusted_schema = OFF; PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 0; PRAGMA cache_size = -65536;",
    )
}

/// Brings every committed entry into the record's file: a checkpoint of the
/// whole log, synced (see [`configure`]). One that a reader holds back is
/// tried again, waiting for it; if it still cannot finish, the entry is not
/// acknowledged.
pub(crate) fn into_file(conn: &Connection, path: &Path) -> Result<(), StoreError> {
    let mut last = (0, 0, 0);
    for pragma in [
        "PRAGMA wal_checkpoint(PASSIVE)",
        "PRAGMA wal_checkpoint(FULL)",
    ] {
        last = conn.prepare_cached(pragma)?.query_row([], |row| {
            Ok((
                row.get::<_, i64>(0)?,
                row.get::<_, i64>(1)?,
                row.get::<_, i64>(2)?,
            ))
        })?;
        if last.0 == 0 && last.1 == last.2 {
            return Ok(());
        }
    }
    Err(StoreError::NotInFile {
        path: path.to_path_buf(),
        detail: Message::new(P::CheckpointIncomplete)
            .num("done", u64::try_from(last.2).unwrap_or(0))
            .num("of", u64::try_from(last.1).unwrap_or(0)),
    })
}

/// SQLite's integrity check of the whole file (its quick check, which skips
/// comparing the indexes with their tables, is no faster once the pages are
/// read: `cargo bench --bench replay`), then whether the seal row
/// agrees with the journal: a file whose pages or B-trees were changed, or
/// whose journal lost its end while the seal row stayed, is damaged.
fn check_damage(
    conn: &Connection,
    path: &Path,
    version: i32,
    count: &Count,
) -> Result<(), StoreError> {
    let damaged = |problem: Message| StoreError::Damaged {
        path: path.to_path_buf(),
        problem,
    };
    let mut stmt = conn.prepare("PRAGMA integrity_check(20)")?;
    let found: Vec<String> = stmt
        .query_map([], |row| row.get::<_, String>(0))?
        .collect::<Result<_, _>>()?;
    if found != ["ok"] {
        return Err(damaged(
            Message::new(P::IntegrityCheck).text("found", found.join("; ")),
        ));
    }
    if version >= 2 {
        let row: Option<i64> = conn
            .query_row("SELECT seq FROM seal WHERE id = 1", [], |row| row.get(0))
            .map(Some)
            .or_else(|err| match err {
                rusqlite::Error::QueryReturnedNoRows => Ok(None),
                other => Err(other),
            })?;
        let sealed = count.seal().map(|(seq, _)| seq.0);
        let row = row.map(|seq| u64::try_from(seq).unwrap_or(0));
        if row != sealed {
            let says = |seq: Option<u64>| seq.map_or_else(|| "none".to_string(), |s| s.to_string());
            return Err(damaged(
                Message::new(P::SealRowDisagrees)
                    .text("row", says(row))
                    .text("journal", says(sealed))
                    .num("last", count.last_seq().0),
            ));
        }
    }
    Ok(())
}

impl Record {
    /// Creates a new record for `station` at `path`, which must not exist.
    /// The file is complete (schema, station bytes, opening entry) or absent.
    pub fn create(
        path: &Path,
        station: StationFile,
        clock: &dyn Clock,
    ) -> Result<Record, StoreError> {
        Record::create_file(path, |path| {
            Record::initialize(path, station, clock, None, None)
        })
    }

    /// Creates a training round for `station` at `path`, which must not
    /// exist: a record whose opening entry names the deck `spec` makes, and
    /// which holds only the members' answers.
    pub fn create_training(
        path: &Path,
        station: StationFile,
        spec: TrainingSpec,
        clock: &dyn Clock,
    ) -> Result<Record, StoreError> {
        Record::create_file(path, |path| {
            Record::initialize(path, station, clock, None, Some(spec))
        })
    }

    /// Starts a recount of the sealed `original` at `path`, which must not
    /// exist: the new record holds the original's journal (and its
    /// ancestry), and its first entry binds the original's results hash, the
    /// authority, the reason and the mode.
    pub fn create_recount(
        original: &Record,
        path: &Path,
        authority: &FreeText,
        reason: &FreeText,
        mode: RecountMode,
        clock: &dyn Clock,
    ) -> Result<Record, StoreError> {
        let results = original
            .results()
            .map_err(|err| StoreError::NotSealed(Box::new(err)))?;
        let binding = RecountBinding {
            original_results_hash: results.hash().map_err(StoreError::Encode)?,
            authority: authority.trimmed(),
            reason: reason.trimmed(),
            mode,
        };
        let station = original.station.clone();
        Record::create_file(path, |path| {
            Record::initialize(path, station, clock, Some((original, binding)), None)
        })
    }

    /// Creates `path` (which must not exist) with `fill`; on any error the
    /// file and its companions are removed again.
    fn create_file(
        path: &Path,
        fill: impl FnOnce(&Path) -> Result<Record, StoreError>,
    ) -> Result<Record, StoreError> {
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)
        {
            Ok(_) => {}
            Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => {
                return Err(StoreError::Exists(path.to_path_buf()));
            }
            Err(err) => return Err(StoreError::Io(err)),
        }
        match fill(path) {
            Ok(record) => Ok(record),
            Err(err) => {
                for suffix in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(companion(path, suffix));
                }
                Err(err)
            }
        }
    }

    fn initialize(
        path: &Path,
        station: StationFile,
        clock: &dyn Clock,
        recount: Option<(&Record, RecountBinding)>,
        training: Option<TrainingSpec>,
    ) -> Result<Record, StoreError> {
        let mut conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
        configure(&conn)?;
        // Small pages keep each commit's WAL frame small: an append writes one
        // leaf page, so a durable ruling costs little more than one fsync.
        conn.execute_batch(&format!("PRAGMA page_size = {PAGE_SIZE};"))?;
        let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(StoreError::NotARecord {
                path: path.to_path_buf(),
                detail: Message::new(P::NoWal).text("mode", &mode),
            });
        }
        let def = station.definition();
        // Where the station file names no zone, the laptop's is recorded;
        // a recount keeps the zone its original was read in.
        let time_zone = match (&def.time_zone, &recount) {
            (Some(_), _) => None,
            (None, Some((original, _))) => original.count().known_zone().cloned(),
            (None, None) => Some(clock.zone()),
        };
        let zone = def
            .time_zone
            .clone()
            .or_else(|| time_zone.clone())
            .unwrap_or_else(Zone::utc);
        let now = clock.now();
        // A training round is held before the election: its entries are
        // not held to the election's days.
        let window = training
            .is_none()
            .then(|| ElectionWindow::of(def.election.date, recount.is_some()));
        let opened = Event::Opened {
            format: format_of(training.is_some()).to_string(),
            election_id: def.election.id.clone(),
            station_code: def.station.code.clone(),
            definition_hash: station.hash(),
            app_version: crate::domain::APP_VERSION.to_string(),
            recount: recount.as_ref().map(|(_, binding)| binding.clone()),
            checkpoint_every: training
                .is_none()
                .then_some(station.definition().checkpoint_every),
            time_zone,
            training: training.map(Box::new),
        };
        let body = EntryBody {
            seq: Seq::FIRST,
            at: now,
            event: opened,
            clock: clock_check::check(now, &zone, None, window),
        };
        let stored = StoredEntry::new(Hash256::ZERO, &body).map_err(StoreError::Encode)?;
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute_batch(&create_v1())?;
        tx.execute_batch(MIGRATE_V1_TO_V2)?;
        tx.execute_batch(MIGRATE_V2_TO_V3)?;
        tx.execute(
            "INSERT INTO station (id, bytes) VALUES (1, ?1)",
            params![station.bytes()],
        )?;
        if let Some((original, _)) = &recount {
            original.copy_line_into(&tx)?;
        }
        insert(&tx, &stored)?;
        tx.commit()?;
        into_file(&conn, path)?;
        if recount.is_some() {
            // A recount is read back like any record: its ancestry replayed
            // and verified, then its opening entry against the original.
            drop(conn);
            let mut record = Record::open(path)?;
            record.last_clock = body.clock;
            return Ok(record);
        }
        let mut replay = Replay::new(station.clone());
        replay.push(&stored)?;
        let done = replay.finish()?;
        Ok(Record {
            conn,
            path: path.to_path_buf(),
            station,
            count: done.count,
            head: done.head,
            last_at: body.at,
            last_clock: body.clock,
            schema: (SCHEMA_VERSION, SCHEMA_VERSION),
            snapshot: None,
            mirror: None,
        })
    }

    /// Opens an existing record to write to it: checks that it is one,
    /// migrates an older schema (see [`Record::migrated`]), brings anything
    /// left in its log into the file, checks the file for damage, and
    /// replays and verifies its whole journal.
    pub fn open(path: &Path) -> Result<Record, StoreError> {
        check_file(path)?;
        check_wal(path, path)?;
        let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE)
            .map_err(|err| opening_failed(path, err))?;
        let version = identify(&conn, path)?;
        configure(&conn)?;
        if version == 1 {
            conn.execute_batch(&format!("BEGIN IMMEDIATE; {MIGRATE_V1_TO_V2} COMMIT;"))?;
        }
        if version <= 2 {
            conn.execute_batch(&format!("BEGIN IMMEDIATE; {MIGRATE_V2_TO_V3} COMMIT;"))?;
        }
        into_file(&conn, path)?;
        Record::load(conn, path, (version, SCHEMA_VERSION), None)
    }

    /// Opens an existing record to read it (verify, show, export, forms,
    /// compare, tabulate): a private copy of the file and its `-wal` is read,
    /// so the original is never changed (no migration, no `-wal` or `-shm`
    /// beside it) and may be on read-only media; an older schema is read as
    /// it is. The same checks as [`Record::open`]. It cannot be written to.
    pub fn open_read(path: &Path) -> Result<Record, StoreError> {
        check_file(path)?;
        let snapshot = Snapshot::of(path)?;
        check_wal(path, &snapshot.file)?;
        let conn = Connection::open_with_flags(&snapshot.file, OpenFlags::SQLITE_OPEN_READ_WRITE)
            .map_err(|err| opening_failed(path, err))?;
        let version = identify(&conn, path)?;
        configure(&conn)?;
        // The private copy is read through a memory map (no system call a
        // page); nothing else writes to it or shortens it.
        conn.execute_batch("PRAGMA query_only = ON; PRAGMA mmap_size = 1073741824;")?;
        Record::load(conn, path, (version, version), Some(snapshot))
    }

    /// The settings durability relies on, read back from this record's own
    /// connection: the journal mode (`wal`), `synchronous` (1, NORMAL: the
    /// checkpoint after each commit syncs) and `wal_autocheckpoint` (0: the
    /// checkpoint is polltally's, after every commit).
    pub fn durability(&self) -> Result<(String, i64, i64), StoreError> {
        let read = |pragma: &str| -> Result<rusqlite::types::Value, StoreError> {
            Ok(self
                .conn
                .query_row(&format!("PRAGMA {pragma}"), [], |row| row.get(0))?)
        };
        let text = |v: rusqlite::types::Value| match v {
            rusqlite::types::Value::Text(t) => t,
            other => format!("{other:?}"),
        };
        let int = |v: rusqlite::types::Value| match v {
            rusqlite::types::Value::Integer(i) => i,
            _ => -1,
        };
        Ok((
            text(read("journal_mode")?),
            int(read("synchronous")?),
            int(read("wal_autocheckpoint")?),
        ))
    }

    /// The schema version the file had when opened and the one it has now:
    /// different when opening it for writing migrated it.
    pub fn migrated(&self) -> Option<(i32, i32)> {
        (self.schema.0 != self.schema.1).then_some(self.schema)
    }

    /// Checks the file for damage, then reads the station file and replays
    /// and verifies the ancestry and the journal.
    fn load(
        conn: Connection,
        path: &Path,
        schema: (i32, i32),
        snapshot: Option<Snapshot>,
    ) -> Result<Record, StoreError> {
        let not_a_record = |detail: Message| StoreError::NotARecord {
            path: path.to_path_buf(),
            detail,
        };
        let damaged = |err: rusqlite::Error| damage(path, err);
        let bytes: Vec<u8> = conn
            .query_row("SELECT bytes FROM station WHERE id = 1", [], |row| {
                row.get(0)
            })
            .map_err(|err| match err {
                rusqlite::Error::QueryReturnedNoRows => {
                    not_a_record(Message::new(P::NoStationFile).text("detail", err))
                }
                other => damaged(other),
            })?;
        let station = StationFile::parse(bytes).map_err(StoreError::StoredStation)?;
        let origin = if schema.1 >= 3 {
            load_ancestry(&conn, &station).map_err(|err| sqlite_as_damage(path, err))?
        } else {
            None
        };
        let mut replay = Replay::with_origin(station.clone(), origin);
        let mut last_at = None;
        {
            let mut stmt = conn
                .prepare("SELECT seq, canonical, prev_hash, hash FROM journal ORDER BY seq")
                .map_err(damaged)?;
            let mut rows = stmt.query([]).map_err(damaged)?;
            let mut stored = StoredEntry::empty();
            while let Some(row) = rows.next().map_err(damaged)? {
                read_entry_into(row, 0, &mut stored).map_err(|err| sqlite_as_damage(path, err))?;
                last_at = Some(replay.push(&stored)?);
            }
        }
        let done = replay.finish()?;
        check_damage(&conn, path, schema.1, &done.count)
            .map_err(|err| sqlite_as_damage(path, err))?;
        Ok(Record {
            conn,
            path: path.to_path_buf(),
            station,
            count: done.count,
            head: done.head,
            last_at: last_at.unwrap_or(Timestamp::from_unix_seconds(0)),
            last_clock: vec![],
            schema,
            snapshot,
            mirror: None,
        })
    }

    /// Appends one event in its own durable transaction. Returns its seq only
    /// after the commit has returned; on any error nothing was written.
    pub fn append(&mut self, event: Event, clock: &dyn Clock) -> Result<Seq, StoreError> {
        if self.snapshot.is_some() {
            return Err(StoreError::ReadOnly(self.path.clone()));
        }
        let seq = self.count.next_seq();
        check_event(&self.count, &self.station, seq, &event)?;
        let now = clock.now();
        // The seal is checked against the election window as the opening
        // was; every entry against the time of the one before.
        let window = matches!(event, Event::Sealed(_)).then(|| {
            ElectionWindow::of(
                self.count.definition().election.date,
                self.count.recount().is_some(),
            )
        });
        let body = EntryBody {
            seq,
            at: now,
            clock: clock_check::check(now, &self.count.zone(), Some(self.last_at), window),
            event,
        };
        let stored = StoredEntry::new(self.head, &body).map_err(StoreError::Encode)?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        if let Err(err) = insert(&tx, &stored) {
            let message = err.to_string();
            return Err(if message.contains("must follow the last one") {
                StoreError::ChangedElsewhere
            } else {
                StoreError::Sqlite(err)
            });
        }
        if matches!(body.event, Event::Sealed(_)) {
            let seq = i64::try_from(seq.0).unwrap_or(i64::MAX);
            tx.execute("INSERT INTO seal (id, seq) VALUES (1, ?1)", params![seq])?;
        }
        tx.commit()?;
        into_file(&self.conn, &self.path)?;
        apply_event(&mut self.count, seq, body.event);
        self.count.note_entry(seq, stored.hash, body.at);
        self.head = stored.hash;
        self.last_at = body.at;
        self.last_clock = body.clock;
        if let Some(mut mirror) = self.mirror.take() {
            mirror.update(self);
            self.mirror = Some(mirror);
        }
        Ok(seq)
    }

    /// Starts a live copy of this record at `path` (a new file, or an
    /// earlier copy of this record, brought up to date); from now on every
    /// acknowledged entry is brought into it too. See [`Record::mirror`].
    pub fn start_mirror(&mut self, path: &Path) -> Result<(), StoreError> {
        if self.snapshot.is_some() {
            return Err(StoreError::ReadOnly(self.path.clone()));
        }
        self.mirror = Some(Mirror::start(self, path)?);
        Ok(())
    }

    /// Where the live copy is and how far it has come, once started.
    pub fn mirror(&self) -> Option<MirrorStatus> {
        self.mirror.as_ref().map(|m| m.status(self))
    }

    /// The record's own connection (for the live copy).
    pub(crate) fn connection(&self) -> &Connection {
        &self.conn
    }

    /// The record's connection, the record given up (a live copy keeps it).
    pub(crate) fn into_connection(self) -> Connection {
        self.conn
    }

    /// The stored hash of entry `seq` (zeros for 0), if the journal has it.
    pub(crate) fn entry_hash(&self, seq: u64) -> Result<Option<Hash256>, StoreError> {
        crate::store::mirror::entry_hash(&self.conn, seq)
    }

    /// The journal rows after entry `seq`, as stored.
    pub(crate) fn rows_after(
        &self,
        seq: u64,
    ) -> Result<Vec<crate::store::mirror::Row>, StoreError> {
        let after = i64::try_from(seq).unwrap_or(i64::MAX);
        let mut stmt = self.conn.prepare_cached(
            "SELECT seq, canonical, prev_hash, hash FROM journal WHERE seq > ?1 ORDER BY seq",
        )?;
        let rows = stmt
            .query_map(params![after], |row| {
                Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(rows)
    }

    /// When the last entry was recorded.
    pub fn last_at(&self) -> Timestamp {
        self.last_at
    }

    /// What was doubtful about the laptop's clock when this handle created
    /// the record or appended its last entry (the notes the journal keeps
    /// with that entry), for the shells to warn; nothing for a record only
    /// opened.
    pub fn clock_notes(&self) -> &[ClockNote] {
        &self.last_clock
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn station(&self) -> &StationFile {
        &self.station
    }

    pub fn count(&self) -> &Count {
        &self.count
    }

    /// The hash of the last entry.
    pub fn head(&self) -> Hash256 {
        self.head
    }

    /// The number of journal entries.
    pub fn entries(&self) -> u64 {
        self.count.last_seq().0
    }

    /// The results document of the sealed count.
    pub fn results(&self) -> Result<ResultsDocument, ResultsError> {
        ResultsDocument::of_sealed(&self.count, &self.station, self.head)
    }

    /// Copies this record's ancestry and its own journal (as the next
    /// generation) into a new recount record's `ancestry`.
    fn copy_line_into(&self, tx: &Connection) -> Result<(), StoreError> {
        let mut insert = tx.prepare(
            "INSERT INTO ancestry (generation, seq, canonical, prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        let mut ancestry = self.conn.prepare(
            "SELECT generation, seq, canonical, prev_hash, hash FROM ancestry ORDER BY generation, seq",
        )?;
        let mut rows = ancestry.query([])?;
        let mut last_generation = 0i64;
        while let Some(row) = rows.next()? {
            let generation: i64 = row.get(0)?;
            last_generation = last_generation.max(generation);
            let canonical: Vec<u8> = row.get(2)?;
            let (prev, hash): (String, String) = (row.get(3)?, row.get(4)?);
            insert.execute(params![
                generation,
                row.get::<_, i64>(1)?,
                canonical,
                prev,
                hash
            ])?;
        }
        let mut journal = self
            .conn
            .prepare("SELECT seq, canonical, prev_hash, hash FROM journal ORDER BY seq")?;
        let mut rows = journal.query([])?;
        while let Some(row) = rows.next()? {
            let canonical: Vec<u8> = row.get(1)?;
            let (prev, hash): (String, String) = (row.get(2)?, row.get(3)?);
            insert.execute(params![
                last_generation + 1,
                row.get::<_, i64>(0)?,
                canonical,
                prev,
                hash
            ])?;
        }
        Ok(())
    }

    /// The seq of the entry whose hash is `hash`, if the journal has one.
    pub fn seq_of_hash(&self, hash: Hash256) -> Result<Option<Seq>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT seq FROM journal WHERE hash = ?1")?;
        let mut rows = stmt.query(params![hash.to_hex()])?;
        Ok(match rows.next()? {
            Some(row) => Some(Seq(u64::try_from(row.get::<_, i64>(0)?).unwrap_or(0))),
            None => None,
        })
    }

    /// The hash of the entry at `seq` (verified when the record was read),
    /// if the journal has one.
    pub fn hash_at(&self, seq: Seq) -> Result<Option<Hash256>, StoreError> {
        // Entry 0 is no entry (the chain's start), whatever hash it stands for.
        if seq.0 == 0 {
            return Ok(None);
        }
        self.entry_hash(seq.0)
    }

    /// Every entry in order, as stored and as it reads.
    pub fn journal(&self) -> Result<Vec<(StoredEntry, EntryBody)>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT seq, canonical, prev_hash, hash FROM journal ORDER BY seq")?;
        let mut rows = stmt.query([])?;
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            let stored = read_entry(row)?;
            let body: EntryBody = serde_json::from_slice(&stored.canonical)?;
            out.push((stored, body));
        }
        Ok(out)
    }
}

/// The path names an existing regular file.
fn check_file(path: &Path) -> Result<(), StoreError> {
    if !path.exists() {
        return Err(StoreError::NotFound(path.to_path_buf()));
    }
    if !path.is_file() {
        return Err(StoreError::NotARecord {
            path: path.to_path_buf(),
            detail: Message::new(P::NotRegularFile),
        });
    }
    Ok(())
}

/// The file beside `path` named with `suffix` (`-wal`, `-shm`).
fn companion(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Refuses the record `path` (read from `file`, itself or its copy) whose
/// log is damaged in the middle: SQLite would silently drop the entries
/// after the damage (see [`crate::store::wal`]).
fn check_wal(path: &Path, file: &Path) -> Result<(), StoreError> {
    let Ok(bytes) = std::fs::read(companion(file, "-wal")) else {
        return Ok(());
    };
    let page = |n: u32, size: usize| -> Option<Vec<u8>> {
        use std::io::{Read, Seek, SeekFrom};
        let mut db = std::fs::File::open(file).ok()?;
        let at = u64::from(n.checked_sub(1)?).checked_mul(size as u64)?;
        db.seek(SeekFrom::Start(at)).ok()?;
        let mut data = vec![0; size];
        db.read_exact(&mut data).ok()?;
        Some(data)
    };
    match crate::store::wal::damage(&bytes, page) {
        Some(found) => Err(StoreError::Damaged {
            path: path.to_path_buf(),
            problem: Message::new(P::WalDamaged)
                .num("frame", found.frame)
                .num("dropped", found.dropped)
                .num("commits", found.commits),
        }),
        None => Ok(()),
    }
}

/// Checks that the open file is a count record of a schema this build
/// reads; returns its schema version.
fn identify(conn: &Connection, path: &Path) -> Result<i32, StoreError> {
    let not_a_record = |detail: Message| StoreError::NotARecord {
        path: path.to_path_buf(),
        detail,
    };
    let application_id: i32 = conn
        .query_row("PRAGMA application_id", [], |row| row.get(0))
        .map_err(|err| match &err {
            // A database whose pages are cut short or changed: damage, not
            // another kind of file.
            rusqlite::Error::SqliteFailure(e, _)
                if e.code == rusqlite::ffi::ErrorCode::DatabaseCorrupt =>
            {
                damage(path, err)
            }
            _ if cannot_open(&err) => StoreError::Sqlite(err),
            _ => not_a_record(sqlite_words(&err)),
        })?;
    if application_id != APPLICATION_ID {
        return Err(not_a_record(Message::verbatim(format!(
            "application_id {application_id:#x}"
        ))));
    }
    let version: i32 = conn
        .query_row("PRAGMA user_version", [], |row| row.get(0))
        .map_err(|err| damage(path, err))?;
    if version > SCHEMA_VERSION {
        return Err(StoreError::Newer {
            path: path.to_path_buf(),
            found: version,
        });
    }
    if version < 1 {
        return Err(not_a_record(Message::verbatim(format!(
            "schema version {version}"
        ))));
    }
    Ok(version)
}

/// A file SQLite could not open: not a database at all, or not readable.
fn opening_failed(path: &Path, err: rusqlite::Error) -> StoreError {
    if cannot_open(&err) {
        return StoreError::Sqlite(err);
    }
    StoreError::NotARecord {
        path: path.to_path_buf(),
        detail: sqlite_words(&err),
    }
}

/// Whether SQLite could not open the file (or its log) as asked: media
/// that cannot be written, a folder that may not be, another program
/// holding it. Said as such, never as "not a record".
fn cannot_open(err: &rusqlite::Error) -> bool {
    use rusqlite::ffi::ErrorCode;
    matches!(
        err,
        rusqlite::Error::SqliteFailure(e, _) if matches!(
            e.code,
            ErrorCode::CannotOpen
                | ErrorCode::ReadOnly
                | ErrorCode::PermissionDenied
                | ErrorCode::DatabaseBusy
                | ErrorCode::DatabaseLocked
        )
    )
}

/// An error reading a record's rows: the file is damaged.
fn damage(path: &Path, err: rusqlite::Error) -> StoreError {
    StoreError::Damaged {
        path: path.to_path_buf(),
        problem: sqlite_words(&err),
    }
}

/// A SQLite error met while reading a record's rows, as damage; other
/// errors as they are.
fn sqlite_as_damage(path: &Path, err: StoreError) -> StoreError {
    match err {
        StoreError::Sqlite(err) => damage(path, err),
        other => other,
    }
}

/// What SQLite said, in words: a value of the wrong type in a row, a file
/// that is not a database or is damaged; the driver's own text only as the
/// detail.
fn sqlite_words(err: &rusqlite::Error) -> Message {
    use rusqlite::ffi::ErrorCode;
    match err {
        rusqlite::Error::FromSqlConversionFailure(column, _, _)
        | rusqlite::Error::InvalidColumnType(column, _, _) => {
            Message::new(P::RowWrongType).num("column", *column as u64)
        }
        rusqlite::Error::IntegralValueOutOfRange(column, value) => Message::new(P::RowWrongType)
            .num("column", *column as u64)
            .text("value", value),
        rusqlite::Error::SqliteFailure(e, _) if e.code == ErrorCode::NotADatabase => {
            Message::new(P::NotADatabase)
        }
        rusqlite::Error::SqliteFailure(e, _) if e.code == ErrorCode::DatabaseCorrupt => {
            Message::new(P::DatabaseCorrupt).text("detail", err)
        }
        rusqlite::Error::SqliteFailure(e, _) => match e.code {
            ErrorCode::DiskFull => Message::new(P::SqliteDiskFull),
            ErrorCode::ReadOnly => Message::new(P::SqliteReadOnly),
            ErrorCode::CannotOpen => Message::new(P::SqliteCannotOpen),
            ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked => Message::new(P::SqliteBusy),
            ErrorCode::SystemIoFailure => Message::new(P::SqliteIo).text("detail", err),
            _ => Message::verbatim(err),
        },
        other => Message::verbatim(other),
    }
}

fn insert(conn: &Connection, stored: &StoredEntry) -> Result<(), rusqlite::Error> {
    let seq = i64::try_from(stored.seq.0).unwrap_or(i64::MAX);
    conn.prepare_cached(
        "INSERT INTO journal (seq, canonical, prev_hash, hash) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![
        seq,
        stored.canonical,
        stored.prev_hash.to_hex(),
        stored.hash.to_hex()
    ])?;
    Ok(())
}

/// Replays a recount's ancestry, generation by generation, each against the
/// one before it; returns the count the record recounts (none for a first
/// count). Every generation must verify and be sealed.
fn load_ancestry(
    conn: &Connection,
    station: &StationFile,
) -> Result<Option<Arc<Origin>>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT generation, seq, canonical, prev_hash, hash FROM ancestry ORDER BY generation, seq",
    )?;
    let mut rows = stmt.query([])?;
    let mut origin: Option<Arc<Origin>> = None;
    let mut current: Option<(u64, Replay)> = None;
    let finish = |generation: u64, replay: Replay| -> Result<Arc<Origin>, StoreError> {
        let in_generation = |problem: StoreError| StoreError::Original {
            generation,
            problem: Box::new(problem),
        };
        let done = replay.finish().map_err(|e| in_generation(e.into()))?;
        let results = ResultsDocument::of_sealed(&done.count, station, done.head)
            .map_err(|e| in_generation(StoreError::NotSealed(Box::new(e))))?;
        let results_hash = results
            .hash()
            .map_err(|e| in_generation(StoreError::Encode(e)))?;
        Ok(Arc::new(Origin {
            count: done.count,
            results,
            results_hash,
        }))
    };
    while let Some(row) = rows.next()? {
        let generation = u64::try_from(row.get::<_, i64>(0)?).unwrap_or(0);
        let stored = read_entry_at(row, 1)?;
        if current.as_ref().is_none_or(|(g, _)| *g != generation) {
            if let Some((g, replay)) = current.take() {
                origin = Some(finish(g, replay)?);
            }
            current = Some((
                generation,
                Replay::with_origin(station.clone(), origin.clone()),
            ));
        }
        if let Some((g, replay)) = current.as_mut() {
            replay.push(&stored).map_err(|e| StoreError::Original {
                generation: *g,
                problem: Box::new(e.into()),
            })?;
        }
    }
    if let Some((g, replay)) = current.take() {
        origin = Some(finish(g, replay)?);
    }
    Ok(origin)
}

/// Reads a journal row; a malformed row is a broken chain at that seq.
fn read_entry(row: &rusqlite::Row<'_>) -> Result<StoredEntry, StoreError> {
    read_entry_at(row, 0)
}

/// Reads `seq, canonical, prev_hash, hash` from the row's columns starting
/// at `first`.
fn read_entry_at(row: &rusqlite::Row<'_>, first: usize) -> Result<StoredEntry, StoreError> {
    let mut entry = StoredEntry::empty();
    read_entry_into(row, first, &mut entry)?;
    Ok(entry)
}

/// [`read_entry_at`] into an entry whose buffer is reused (a replay reads
/// every row of the journal).
fn read_entry_into(
    row: &rusqlite::Row<'_>,
    first: usize,
    entry: &mut StoredEntry,
) -> Result<(), StoreError> {
    use rusqlite::types::Type;
    let seq = Seq(u64::try_from(row.get::<_, i64>(first)?).unwrap_or(0));
    let wrong = |column: usize, kind: Type| {
        move |err| rusqlite::Error::FromSqlConversionFailure(column, kind, Box::new(err))
    };
    let bad = |what: &str, err: Message| {
        StoreError::Chain(ChainError {
            seq,
            problem: Message::new(P::EntryBadHash)
                .text("what", what)
                .message("detail", err),
        })
    };
    let canonical = row
        .get_ref(first + 1)?
        .as_blob()
        .map_err(wrong(first + 1, Type::Blob))?;
    let prev_hash = row
        .get_ref(first + 2)?
        .as_str()
        .map_err(wrong(first + 2, Type::Text))?;
    let hash = row
        .get_ref(first + 3)?
        .as_str()
        .map_err(wrong(first + 3, Type::Text))?;
    entry.seq = seq;
    entry.canonical.clear();
    entry.canonical.extend_from_slice(canonical);
    entry.prev_hash = prev_hash.parse().map_err(|e| bad("prev_hash", e))?;
    entry.hash = hash.parse().map_err(|e| bad("hash", e))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use rusqlite::ffi;

    fn failure(code: i32) -> rusqlite::Error {
        rusqlite::Error::SqliteFailure(ffi::Error::new(code), None)
    }

    #[test]
    fn copies_left_by_killed_readers_are_removed_a_day_later() {
        let tmp = std::env::temp_dir();
        let name = |what: &str| {
            tmp.join(format!(
                "{SNAPSHOT_PREFIX}{what}-test-{}",
                std::process::id()
            ))
        };
        let (old, fresh) = (name("old"), name("fresh"));
        for dir in [&old, &fresh] {
            std::fs::create_dir_all(dir).unwrap();
            std::fs::write(dir.join("record.polltally"), b"copy").unwrap();
        }
        let two_days_ago = std::time::SystemTime::now() - Duration::from_secs(48 * 3600);
        std::fs::File::open(&old)
            .unwrap()
            .set_modified(two_days_ago)
            .unwrap();
        // Once a process: tabulating reads thousands of records.
        static SWEPT: std::sync::Once = std::sync::Once::new();
        SWEPT.call_once(|| Snapshot::sweep(Duration::from_secs(24 * 3600)));
        assert!(!old.exists());
        assert!(fresh.join("record.polltally").exists());
        std::fs::remove_dir_all(&fresh).unwrap();
    }

    #[test]
    fn what_sqlite_says_is_told_in_words() {
        let said = |err: rusqlite::Error| sqlite_words(&err).to_string();
        assert_eq!(
            said(failure(ffi::SQLITE_FULL)),
            "the disk is full: free some space, then go on (nothing acknowledged was lost)"
        );
        assert_eq!(
            said(failure(ffi::SQLITE_READONLY)),
            "the file or its folder cannot be written (read-only media?)"
        );
        assert_eq!(
            said(failure(ffi::SQLITE_NOTADB)),
            "the file is not a SQLite database (or its first page is damaged)"
        );
        assert_eq!(
            said(rusqlite::Error::InvalidColumnType(
                3,
                "hash".into(),
                rusqlite::types::Type::Text
            )),
            "a row holds a value of the wrong type in column 3"
        );
    }
}
