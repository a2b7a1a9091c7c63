//! The journal: events as data, entries in the canonical encoding
//! ([`crate::domain::canonical`], RFC 8785), the hash chain that binds every entry to the one before it, and the replay that
//! verifies a chain while folding it into a [`crate::domain::count::Count`].
//! Pure: the store hands entries in and takes entries out.

pub mod entry;
pub mod event;
pub mod fast;
pub mod replay;
