//! The functional core: station definitions, criteria, rulings, tally and
//! reconciliation. Everything here takes values and returns values: no files,
//! no database, no clock, no window. The journal folds its events into a
//! [`count::Count`]; the shells (store, CLI, app) only call in.

pub mod agreement;
pub mod ballot;
pub mod canonical;
pub mod clock_check;
pub mod comparison;
pub mod count;
pub mod criteria;
pub mod dense;
pub mod free_text;
pub mod hash;
pub mod identifier;
pub mod limits;
pub mod message;
pub mod paper_codes;
pub mod party;
pub mod person;
pub mod practice;
pub mod public_view;
pub mod reconciliation;
pub mod recount;
pub mod results;
pub mod rule_line;
pub mod ruling;
pub mod seal;
pub mod seats;
pub mod seq;
pub mod serials;
pub mod short_code;
pub mod station;
pub mod tabulation;
pub mod tally;
pub mod text;
pub mod time;
pub mod training;
pub mod zone;

/// This build's version, written into every record it opens and every seal.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");
