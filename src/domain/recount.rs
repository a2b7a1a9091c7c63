//! Recounts: a new count of the same ballots, ordered by an authority and
//! linked to a sealed original by the original's results hash. A full
//! recount rules every ballot again; a review rules again only the ballots
//! the original ruled invalid or disputed (asked for by the ballot number
//! written on the back during the first count; the record names them by
//! their original seq) and carries every other ruling over.

use crate::domain::ballot::BallotNumber;
use crate::domain::count::{Count, CountError, RulingRecord};
use crate::domain::free_text::FreeText;
use crate::domain::hash::Hash256;
use crate::domain::message::{Message, P};
use crate::domain::reconciliation::Figure;
use crate::domain::results::ResultsDocument;
use crate::domain::ruling::Verdict;
use crate::domain::seq::Seq;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

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
    pub authority: FreeText,
    pub reason: FreeText,
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

/// Where a recount stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecountState {
    pub binding: RecountBinding,
    /// In a review: the original's rulings to rule again, by original seq.
    pub to_review: BTreeMap<Seq, RulingRecord>,
    /// Original seq -> the seq of its live review.
    pub reviewed: BTreeMap<Seq, Seq>,
    /// Rulings carried over from the original unchanged.
    pub carried: u64,
}

/// May `binding` open a recount of the count whose results hash is
/// `original`? It must name that hash (the authority and the reason are
/// free texts, checked where typed).
fn check_binding(binding: &RecountBinding, original: Hash256) -> Result<(), CountError> {
    if binding.original_results_hash != original {
        return Err(CountError::RecountOfAnother {
            bound: binding.original_results_hash,
            original,
        });
    }
    Ok(())
}

/// `3, 8, 17` (at most 20, then `...`).
fn seq_list<'a>(seqs: impl Iterator<Item = &'a Seq>) -> String {
    shown_list(seqs.map(|s| s.0))
}

/// Numbers as a short list: at most 20, then `...`; `-` when there is none.
fn shown_list(numbers: impl Iterator<Item = u64>) -> String {
    let all: Vec<String> = numbers.map(|n| n.to_string()).collect();
    if all.is_empty() {
        return "-".into();
    }
    let mut shown = all.iter().take(20).cloned().collect::<Vec<_>>().join(", ");
    if all.len() > 20 {
        shown.push_str(", ...");
    }
    shown
}

/// `3, 8, 17` (at most 20, then `...`), for ballot numbers.
pub fn number_list<'a>(numbers: impl Iterator<Item = &'a BallotNumber>) -> String {
    shown_list(numbers.map(|n| n.0))
}

/// May the first entry open a count (with or without a recount binding)?
/// A recount's binding must name the original it was made from, and only a
/// recount has an original.
pub fn check_opening(
    recount: Option<&RecountBinding>,
    origin: Option<&Origin>,
) -> Result<(), CountError> {
    match (recount, origin) {
        (None, None) => Ok(()),
        (Some(binding), Some(origin)) => check_binding(binding, origin.results_hash),
        (Some(_), None) => Err(CountError::RecountWithoutOriginal),
        (None, Some(_)) => Err(CountError::OriginalWithoutRecount),
    }
}

/// What opening a recount brings into the new count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opening {
    /// The original's figures, as its count ended.
    pub figures: BTreeMap<Figure, u64>,
    /// In a review: the verdicts carried over unchanged (valid, undisputed).
    pub carried: Vec<Verdict>,
    /// Where the recount stands as it opens.
    pub state: RecountState,
}

/// Opens a recount of `origin`: its figures come along, and a review carries
/// over every live ruling that was valid and undisputed, leaving the others
/// (invalid or disputed) to be ruled again.
pub fn open(binding: RecountBinding, origin: &Origin) -> Opening {
    let figures: BTreeMap<Figure, u64> = Figure::ALL
        .into_iter()
        .filter_map(|f| origin.count.figures().get(f).map(|v| (f, v)))
        .collect();
    let mut to_review = BTreeMap::new();
    let mut carried = Vec::new();
    if binding.mode == RecountMode::Review {
        for (original_seq, record) in origin.count.rulings().iter().filter(|(_, r)| r.is_live()) {
            if record.is_set_aside() {
                to_review.insert(*original_seq, record.clone());
            } else {
                carried.push(record.ruling.verdict.clone());
            }
        }
    }
    Opening {
        figures,
        state: RecountState {
            binding,
            to_review,
            reviewed: BTreeMap::new(),
            carried: carried.len() as u64,
        },
        carried,
    }
}

/// May the ballot the original ruled at `original` be ruled again? Only in a
/// review, only a ballot under review, and only once while its review stands.
pub fn check_review(state: Option<&RecountState>, original: Seq) -> Result<(), CountError> {
    let Some(state) = state.filter(|s| s.binding.mode == RecountMode::Review) else {
        return Err(CountError::NotAReview);
    };
    if !state.to_review.contains_key(&original) {
        return Err(CountError::NotUnderReview {
            original,
            under_review: seq_list(state.to_review.keys()),
        });
    }
    if let Some(by) = state.reviewed.get(&original) {
        return Err(CountError::AlreadyReviewed { original, by: *by });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::count::SealingGap;
    use crate::domain::count::tests::{count, party, ruling};
    use crate::domain::party::PartyNumber;
    use crate::domain::ruling::RulingChoice;
    use crate::domain::seal::Seal;
    use crate::domain::station::StationFile;
    use std::sync::Arc;

    /// A sealed count of the small station: party 1, I2, party 2 disputed
    /// by 1, party 3 (seqs 2-5), and a review recount of it.
    fn review_of_sealed() -> (Count, Hash256) {
        let bytes = include_bytes!("../../tests/fixtures/station-small.json").to_vec();
        let station = StationFile::parse(bytes).unwrap();
        let mut c = count();
        c.apply_opening(Seq(1), None);
        let invalid = RulingChoice::Invalid { code: "I2".into() };
        let rulings = [
            ruling(&c, party(1), vec![]),
            ruling(&c, invalid, vec![]),
            ruling(&c, party(2), vec![1]),
            ruling(&c, party(3), vec![]),
        ];
        for (i, r) in rulings.into_iter().enumerate() {
            c.apply_ruling(Seq(2 + i as u64), r);
        }
        c.apply_seal(
            Seq(6),
            Seal {
                at: crate::domain::time::Timestamp::from_unix_seconds(0),
                app_version: "test".into(),
                signed: vec![],
                refused: vec![],
                lists_presence: true,
            },
        );
        let results =
            crate::domain::results::ResultsDocument::of_sealed(&c, &station, Hash256::ZERO)
                .unwrap();
        let hash = results.hash().unwrap();
        let origin = Arc::new(Origin {
            count: c.clone(),
            results,
            results_hash: hash,
        });
        (
            Count::for_recount(Arc::new(c.definition().clone()), origin),
            hash,
        )
    }

    fn binding(hash: Hash256, mode: RecountMode) -> RecountBinding {
        RecountBinding {
            original_results_hash: hash,
            authority: FreeText::parse("authority", "PEC").unwrap(),
            reason: FreeText::parse("reason", "complaint").unwrap(),
            mode,
        }
    }

    #[test]
    fn a_recount_opens_only_against_the_original_it_names() {
        let (recount, hash) = review_of_sealed();
        let good = binding(hash, RecountMode::Review);
        assert_eq!(recount.check_opening(Some(&good)), Ok(()));
        let other = binding(Hash256::of(b"another count"), RecountMode::Review);
        assert!(matches!(
            recount.check_opening(Some(&other)),
            Err(CountError::RecountOfAnother { .. })
        ));
        assert_eq!(
            recount.check_opening(None),
            Err(CountError::OriginalWithoutRecount)
        );
        assert_eq!(
            count().check_opening(Some(&good)),
            Err(CountError::RecountWithoutOriginal)
        );
    }

    #[test]
    fn a_review_carries_valid_rulings_and_rules_the_rest_again() {
        let (mut c, hash) = review_of_sealed();
        c.apply_opening(Seq(1), Some(binding(hash, RecountMode::Review)));
        let state = c.recount().unwrap();
        // The invalid ballot (3) and the disputed one (4) are under review.
        assert_eq!(
            state.to_review.keys().copied().collect::<Vec<_>>(),
            vec![Seq(3), Seq(4)]
        );
        assert_eq!(state.carried, 2);
        assert_eq!(c.tally().ruled(), 2);
        assert_eq!(c.tally().votes_for(PartyNumber(2)), 0);
        let r = ruling(&c, party(4), vec![]);
        assert_eq!(c.check_ruling(&r), Err(CountError::ReviewNeedsOriginal));
        assert!(matches!(
            c.check_review(Seq(2), &r),
            Err(CountError::NotUnderReview { .. })
        ));
        c.check_review(Seq(3), &r).unwrap();
        c.apply_review(Seq(2), Seq(3), r.clone());
        assert_eq!(c.tally().votes_for(PartyNumber(4)), 1);
        assert!(matches!(
            c.check_review(Seq(3), &r),
            Err(CountError::AlreadyReviewed { by: Seq(2), .. })
        ));
        assert!(
            c.sealing_gaps()
                .contains(&SealingGap::Unreviewed { reviewed: 1, of: 2 })
        );
        // A voided review frees its ballot to be ruled again.
        c.apply_void(Seq(3), Seq(2));
        assert_eq!(c.tally().votes_for(PartyNumber(4)), 0);
        c.check_review(Seq(3), &r).unwrap();
        // A review asks for a ballot by its number in the original: seqs 3
        // and 4 were ballots 2 and 3; ballot 1 is not under review.
        assert_eq!(c.review_target(BallotNumber(2)), Ok(Seq(3)));
        assert_eq!(c.review_target(BallotNumber(3)), Ok(Seq(4)));
        assert_eq!(
            c.review_target(BallotNumber(1)).unwrap_err().to_string(),
            "ballot: 1 is not a ballot under review (under review: 2, 3)"
        );
        c.apply_review(Seq(4), Seq(4), r.clone());
        assert_eq!(c.rulings()[&Seq(4)].ballot, BallotNumber(3));
        assert_eq!(
            c.review_target(BallotNumber(3)).unwrap_err().to_string(),
            "ballot: ballot 3 was already ruled again"
        );
        // The original's figures came with the opening entry.
        assert_eq!(c.figures(), c.origin().unwrap().count.figures());
    }
}
