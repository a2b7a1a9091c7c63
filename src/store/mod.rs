//! The count record: one SQLite file holding the station file's exact bytes
//! and the journal. Each event is appended in its own transaction, which is
//! then checkpointed into the file and synced (see `record::configure`); it
//! is acknowledged only after that, so the file alone holds every
//! acknowledged entry. Reading opens a private copy, never the file itself. Triggers refuse any UPDATE or DELETE of the journal and any entry
//! that does not follow the last one.

pub mod mirror;
pub mod record;
pub mod schema;
pub mod wal;

pub use record::{Record, StoreError};
