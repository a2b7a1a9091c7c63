//! The comparison of a recount with the count it recounts: per party and
//! per criterion, original vs recount and the difference; the totals; in a
//! review, every ruling that changed (by ballot number); and the whole line of counts (first
//! count, then each recount) with their totals.

use crate::domain::ballot::BallotNumber;
use crate::domain::count::Count;
use crate::domain::hash::Hash256;
use crate::domain::identifier::{ElectionId, StationCode};
use crate::domain::limits::signed;
use crate::domain::message::Message;
use crate::domain::recount::{RecountBinding, RecountMode};
use crate::domain::results::{PRACTICE_NOTICE, ResultsDocument};
use crate::domain::ruling::Verdict;
use crate::domain::seq::Seq;
use serde::Serialize;
use std::collections::BTreeMap;

/// The `format` of a comparison document.
pub const COMPARISON_FORMAT: &str = "polltally-comparison/1";

/// Original vs recount of one number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    pub original: u64,
    pub recount: u64,
    pub difference: i64,
}

impl Change {
    pub fn new(original: u64, recount: u64) -> Change {
        Change {
            original,
            recount,
            difference: signed(recount) - signed(original),
        }
    }
}

/// A party's votes, original vs recount.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PartyChange {
    pub number: u32,
    pub abbreviation: String,
    #[serde(flatten)]
    pub change: Change,
}

/// A criterion's ballots, original vs recount.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CriterionChange {
    pub code: String,
    #[serde(flatten)]
    pub change: Change,
}

/// A ballot the review ruled differently.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChangedRuling {
    /// The ballot's number, as written on its back during the first count.
    pub ballot: BallotNumber,
    /// The seq of the ballot's ruling in the original (its address there).
    pub original_seq: Seq,
    /// The seq of the review's ruling.
    pub recount_seq: Seq,
    pub original: Verdict,
    pub recount: Verdict,
}

/// One count of the line, first count first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LineStep {
    pub results_hash: Hash256,
    /// None for the first count.
    pub recount: Option<RecountBinding>,
    pub votes: BTreeMap<String, u64>,
    pub valid: u64,
    pub invalid: u64,
}

/// The totals compared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Totals {
    pub valid: Change,
    pub invalid: Change,
    pub in_box: Change,
}

/// The comparison document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Comparison {
    pub format: String,
    pub practice: bool,
    pub notice: Option<String>,
    pub election_id: ElectionId,
    pub station_code: StationCode,
    pub original_results_hash: Hash256,
    pub recount_results_hash: Hash256,
    pub recount: RecountBinding,
    pub parties: Vec<PartyChange>,
    /// Valid criteria, then invalid ones.
    pub criteria: Vec<CriterionChange>,
    pub totals: Totals,
    /// In a review: every ballot ruled differently (empty for a full recount).
    pub changed: Vec<ChangedRuling>,
    /// In a review: how many ballots were ruled again.
    pub reviewed: u64,
    /// Every count of the line, the first count first, this recount last.
    pub line: Vec<LineStep>,
}

impl Comparison {
    /// Canonical JSON (RFC 8785).
    pub fn to_bytes(&self) -> Result<Vec<u8>, Message> {
        crate::domain::canonical::to_canonical(self)
    }
}

fn step(doc: &ResultsDocument, hash: Hash256) -> LineStep {
    LineStep {
        results_hash: hash,
        recount: doc.recount.clone(),
        votes: doc.votes.clone(),
        valid: doc.figures.valid,
        invalid: doc.figures.invalid,
    }
}

/// Compares a sealed recount (its count, results and results hash) with
/// the count it recounts. `None` when `count` is not a recount.
pub fn compare(count: &Count, results: &ResultsDocument, hash: Hash256) -> Option<Comparison> {
    let origin = count.origin()?;
    let state = count.recount()?;
    let before = &origin.results;
    let parties = results
        .parties
        .iter()
        .map(|p| {
            let key = p.number.to_string();
            PartyChange {
                number: p.number,
                abbreviation: p.abbreviation.clone(),
                change: Change::new(
                    before.votes.get(&key).copied().unwrap_or(0),
                    results.votes.get(&key).copied().unwrap_or(0),
                ),
            }
        })
        .collect();
    let criteria = [
        (&before.valid_by_criterion, &results.valid_by_criterion),
        (&before.invalid, &results.invalid),
    ]
    .into_iter()
    .flat_map(|(a, b)| {
        let mut codes: Vec<&String> = a.keys().chain(b.keys()).collect();
        codes.dedup();
        codes.sort();
        codes.dedup();
        codes
            .into_iter()
            .map(|code| CriterionChange {
                code: code.clone(),
                change: Change::new(
                    a.get(code).copied().unwrap_or(0),
                    b.get(code).copied().unwrap_or(0),
                ),
            })
            .collect::<Vec<_>>()
    })
    .collect();
    let changed = if state.binding.mode == RecountMode::Review {
        state
            .reviewed
            .iter()
            .filter_map(|(original_seq, recount_seq)| {
                let old = state.to_review.get(original_seq)?;
                let new = count.rulings().get(recount_seq)?;
                (old.ruling.verdict != new.ruling.verdict).then(|| ChangedRuling {
                    ballot: old.ballot,
                    original_seq: *original_seq,
                    recount_seq: *recount_seq,
                    original: old.ruling.verdict.clone(),
                    recount: new.ruling.verdict.clone(),
                })
            })
            .collect()
    } else {
        Vec::new()
    };
    // The line: walk back through each count's origin.
    let mut line = vec![step(results, hash)];
    let mut at = Some(origin);
    while let Some(o) = at {
        line.push(step(&o.results, o.results_hash));
        at = o.count.origin();
    }
    line.reverse();
    Some(Comparison {
        format: COMPARISON_FORMAT.into(),
        practice: results.practice,
        notice: results.practice.then(|| PRACTICE_NOTICE.to_string()),
        election_id: results.election.id.clone(),
        station_code: results.station.code.clone(),
        original_results_hash: origin.results_hash,
        recount_results_hash: hash,
        recount: state.binding.clone(),
        parties,
        criteria,
        totals: Totals {
            valid: Change::new(before.figures.valid, results.figures.valid),
            invalid: Change::new(before.figures.invalid, results.figures.invalid),
            in_box: Change::new(before.figures.in_box, results.figures.in_box),
        },
        changed,
        reviewed: state.reviewed.len() as u64,
        line,
    })
}
