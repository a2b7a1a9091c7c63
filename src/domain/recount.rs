//! Recounts: a new count of the same ballots, ordered by an authority and
//! linked to a sealed original by the original's results hash. A full
//! recount rules every ballot again; a review rules again only the ballots
//! the original ruled invalid or disputed (named by their original seq, as
//! numbered on the back during the first count) and carries every other
//! ruling over.

use crate::domain::count::Count;
use crate::domain::hash::Hash256;
use crate::domain::message::{Message, P};
use crate::domain::results::ResultsDocument;
use serde::{Deserialize, Serialize};

/// How much a recount rules again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecountMode {
    /// Every ballot is ruled again from scratch.
    Full,
    /// Only the ballots the original ruled invalid or disputed.
    Review,
}

impl RecountMode {
    pub fn key(self) -> &'static str {
        match self {
            RecountMode::Full => "full",
            RecountMode::Review => "review",
        }
    }

    /// Parses `full` or `review` as typed.
    pub fn parse(text: &str) -> Result<RecountMode, Message> {
        match text {
            "full" => Ok(RecountMode::Full),
            "review" => Ok(RecountMode::Review),
            other => Err(Message::new(P::NotRecountMode).quoted("value", other)),
        }
    }
}

/// What a recount's first entry binds: the original's results hash, who
/// ordered the recount, why, and how much is ruled again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecountBinding {
    pub original_results_hash: Hash256,
    pub authority: String,
    pub reason: String,
    pub mode: RecountMode,
}

/// The sealed count a recount recounts, as replayed from the recount
/// record's copy of its journal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub count: Count,
    pub results: ResultsDocument,
    pub results_hash: Hash256,
}
