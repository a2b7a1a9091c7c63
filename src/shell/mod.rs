//! What the two shells, the desktop app and the command line, share: the
//! clock, files read and written, and the operations over files that both
//! offer (verifying a results file, comparing a recount with its original,
//! tabulating a commune). Errors are turned into messages here too
//! ([`explain`]). Below the app and the CLI, above the core and the store.

pub mod clock;
pub mod compare;
pub mod explain;
pub mod files;
pub mod tabulate;
pub mod training;
pub mod verify;
