//! Parties on the ballot.

use crate::domain::text::LocalizedText;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A party's number on the ballot (1, 2, ...), its identity everywhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PartyNumber(pub u32);

impl fmt::Display for PartyNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// A party as the station file lists it, in ballot order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Party {
    pub number: PartyNumber,
    pub abbreviation: String,
    pub name: LocalizedText,
}
