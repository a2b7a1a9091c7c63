//! polltally: offline ballot counting for polling-station commissions.
//!
//! Data flows one way: a station file ([`domain::station`]) opens a count
//! record ([`store`]) whose append-only, hash-chained journal
//! ([`journal`]) is folded into the derived count ([`domain::count`]):
//! tally, reconciliation figures and checks. The command line ([`cli`]) is a
//! thin shell over the same core the desktop app uses.

pub mod app;
pub mod cli;
pub mod domain;
pub mod fonts;
pub mod i18n;
pub mod illustration;
pub mod journal;
pub mod report;
pub mod shell;
pub mod store;

pub use domain::APP_VERSION;
