//! The record's schema and its identity: `application_id` marks the file as a
//! polltally count record, `user_version` is the schema version (migrations
//! run from it; a newer one is refused).

/// `PRAGMA application_id` of every count record ("PTLY").
pub const APPLICATION_ID: i32 = 0x5054_4C59;

/// The schema version this build writes and reads.
pub const SCHEMA_VERSION: i32 = 3;

/// The page size of a new record, in bytes.
pub const PAGE_SIZE: u32 = 1024;

/// The hex of the all-zero hash, the first entry's `prev_hash`.
const ZERO_HASH_HEX: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// Creates schema version 1 (run inside the creating transaction).
pub fn create_v1() -> String {
    format!(
        r#"
CREATE TABLE station (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    bytes BLOB NOT NULL
) STRICT;

CREATE TABLE journal (
    seq INTEGER PRIMARY KEY CHECK (seq >= 1),
    canonical BLOB NOT NULL,
    prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
    hash TEXT NOT NULL CHECK (length(hash) = 64)
) STRICT;

CREATE TRIGGER journal_follows_last BEFORE INSERT ON journal
WHEN NEW.seq <> coalesce((SELECT max(seq) FROM journal), 0) + 1
  OR NEW.prev_hash <> coalesce((SELECT hash FROM journal WHERE seq = NEW.seq - 1), '{ZERO_HASH_HEX}')
BEGIN
    SELECT RAISE(ABORT, 'polltally: a journal entry must follow the last one');
END;

CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal
BEGIN
    SELECT RAISE(ABORT, 'polltally: journal entries cannot be changed');
END;

CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
BEGIN
    SELECT RAISE(ABORT, 'polltally: journal entries cannot be deleted');
END;

CREATE TRIGGER station_no_update BEFORE UPDATE ON station
BEGIN
    SELECT RAISE(ABORT, 'polltally: the station file cannot be changed');
END;

CREATE TRIGGER station_no_delete BEFORE DELETE ON station
BEGIN
    SELECT RAISE(ABORT, 'polltally: the station file cannot be deleted');
END;

PRAGMA application_id = {APPLICATION_ID};
PRAGMA user_version = 1;
"#
    )
}

/// Version 2: the seal. A row in `seal` is written in the same transaction
/// as the sealing entry; from then on the journal takes no more entries.
pub const MIGRATE_V1_TO_V2: &str = r#"
CREATE TABLE seal (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    seq INTEGER NOT NULL
) STRICT;

CREATE TRIGGER journal_closed_after_seal BEFORE INSERT ON journal
WHEN EXISTS (SELECT 1 FROM seal)
BEGIN
    SELECT RAISE(ABORT, 'polltally: the count is sealed');
END;

CREATE TRIGGER seal_no_update BEFORE UPDATE ON seal
BEGIN
    SELECT RAISE(ABORT, 'polltally: the seal cannot be changed');
END;

CREATE TRIGGER seal_no_delete BEFORE DELETE ON seal
BEGIN
    SELECT RAISE(ABORT, 'polltally: the seal cannot be removed');
END;

PRAGMA user_version = 2;
"#;

/// Version 3: a recount's ancestry. A recount record keeps a verbatim copy
/// of the journal of every count before it (generation 1 is the first count,
/// the last generation the count this one recounts), so that it can be
/// verified on its own. Rows are written only with the opening entry.
pub const MIGRATE_V2_TO_V3: &str = r#"
CREATE TABLE ancestry (
    generation INTEGER NOT NULL CHECK (generation >= 1),
    seq INTEGER NOT NULL CHECK (seq >= 1),
    canonical BLOB NOT NULL,
    prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
    hash TEXT NOT NULL CHECK (length(hash) = 64),
    PRIMARY KEY (generation, seq)
) STRICT;
CREATE TRIGGER ancestry_only_at_opening BEFORE INSERT ON ancestry
WHEN EXISTS (SELECT 1 FROM journal)
BEGIN
    SELECT RAISE(ABORT, 'polltally: the ancestry is written only with the opening entry');
END;
CREATE TRIGGER ancestry_no_update BEFORE UPDATE ON ancestry
BEGIN
    SELECT RAISE(ABORT, 'polltally: the ancestry cannot be changed');
END;
CREATE TRIGGER ancestry_no_delete BEFORE DELETE ON ancestry
BEGIN
    SELECT RAISE(ABORT, 'polltally: the ancestry cannot be deleted');
END;
PRAGMA user_version = 3;
"#;
