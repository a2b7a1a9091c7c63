//! The count record: one SQLite file holding the station file's exact bytes
//! and the journal. Each event is appended in its own durable transaction
//! (WAL, `synchronous=FULL`), and is acknowledged only after the commit
//! returns. Triggers refuse any UPDATE or DELETE of the journal and any entry
//! that does not follow the last one.

pub mod record;
pub mod schema;

pub use record::{Record, StoreError};
