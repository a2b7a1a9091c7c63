//! What the public display shows the room, computed from the count: the
//! ballot just ruled, the live tally per party and per invalid criterion,
//! how many of the ballots in the box are ruled, and whether the count is
//! a practice, a training round or sealed. The app draws it large in a
//! second window; nothing in it acts on the count.

use crate::domain::ballot::BallotNumber;
use crate::domain::count::Count;
use crate::domain::criteria::{CriterionCode, Validity};
use crate::domain::party::PartyNumber;
use crate::domain::reconciliation::Figure;
use crate::domain::ruling::Verdict;

/// The public display's content, with the station file's names in one
/// language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicView {
    /// The latest ruling still counted; `None` before the first, or when
    /// every ruling was voided.
    pub last: Option<LastBallot>,
    /// Every party of the station, in ballot order, with its live votes.
    pub parties: Vec<PartyVotes>,
    /// Every invalid criterion of the station, with its live count.
    pub invalid: Vec<CriterionCount>,
    /// Ballots ruled (live rulings: ΣP + X).
    pub ruled: u64,
    /// B, ballots found in the box, once recorded.
    pub in_box: Option<u64>,
    pub marking: Marking,
}

/// The ballot just ruled as the room sees it.
///
/// It is the latest ruling still counted, with every dispute recorded on
/// it (with the ruling or later). A void of that ruling takes it off: the
/// ruling before it, still counted, is shown instead, so that the ballot
/// shown is always one the tally beside it counts. A dispute of an earlier
/// ballot shows in that ballot's dispute count, not here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LastBallot {
    pub ballot: BallotNumber,
    pub verdict: LastVerdict,
    /// The parties whose agents dispute the ruling, in the order recorded.
    pub disputed_by: Vec<PartyNumber>,
}

/// What the ballot just ruled counts for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LastVerdict {
    /// Valid for a party: its number and its name.
    Party { number: PartyNumber, name: String },
    /// Invalid under a criterion: its code (the drawing's key) and title.
    Invalid { code: CriterionCode, title: String },
}

/// A party's live votes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartyVotes {
    pub number: PartyNumber,
    /// The abbreviation the ballot and the counting screen show: short
    /// enough to be read across the room.
    pub abbreviation: String,
    pub name: String,
    pub votes: u64,
}

/// Every party of the station in ballot order with its live votes, names
/// in `lang`: what the counting screen and the public display both show.
pub fn party_votes(count: &Count, lang: &str) -> Vec<PartyVotes> {
    let tally = count.tally();
    count
        .definition()
        .parties
        .iter()
        .map(|p| PartyVotes {
            number: p.number,
            abbreviation: p.abbreviation.clone(),
            name: p.name.get(lang).to_string(),
            votes: tally.votes_for(p.number),
        })
        .collect()
}

/// An invalid criterion's live count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CriterionCount {
    pub code: CriterionCode,
    pub title: String,
    pub count: u64,
}

/// The markings every screen of such a count carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Marking {
    /// A count of a practice station: not an official result.
    pub practice: bool,
    /// A training round: never a count.
    pub training: bool,
    /// Sealed: nothing more can be recorded.
    pub sealed: bool,
}

impl PublicView {
    /// The view of `count` with the station file's names in `lang` (`en`,
    /// `km`). Costs O(parties + criteria), and O(1) for the ballot just
    /// ruled unless the latest rulings were voided, whatever the length of
    /// the journal.
    pub fn of(count: &Count, lang: &str) -> PublicView {
        let def = count.definition();
        let tally = count.tally();
        let last = count
            .rulings()
            .iter()
            .rev()
            .find(|(_, r)| r.is_live())
            .map(|(_, r)| LastBallot {
                ballot: r.ballot,
                verdict: match &r.ruling.verdict {
                    Verdict::Valid { party, .. } => LastVerdict::Party {
                        number: *party,
                        name: def
                            .party(*party)
                            .map_or(String::new(), |p| p.name.get(lang).to_string()),
                    },
                    Verdict::Invalid { criterion } => LastVerdict::Invalid {
                        code: criterion.clone(),
                        title: def
                            .criteria
                            .get(criterion)
                            .map_or(String::new(), |c| c.title.get(lang).to_string()),
                    },
                },
                disputed_by: r.disputants().collect(),
            });
        PublicView {
            last,
            parties: party_votes(count, lang),
            invalid: def
                .criteria
                .of(Validity::Invalid)
                .map(|c| CriterionCount {
                    code: c.code.clone(),
                    title: c.title.get(lang).to_string(),
                    count: tally.invalid().get(&c.code).copied().unwrap_or(0),
                })
                .collect(),
            ruled: tally.ruled(),
            in_box: count.figures().get(Figure::InBox),
            marking: Marking {
                practice: def.practice,
                training: count.training().is_some(),
                sealed: count.seal().is_some(),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::count::tests::{count, party, ruling};
    use crate::domain::ruling::RulingChoice;
    use crate::domain::seq::Seq;
    use std::collections::BTreeMap;

    fn invalid(code: &str) -> RulingChoice {
        RulingChoice::Invalid { code: code.into() }
    }

    #[test]
    fn the_ballot_just_ruled_is_the_latest_ruling_with_its_party_named() {
        let mut c = count();
        c.apply_opening(Seq(1), None);
        let r = ruling(&c, party(2), vec![]);
        c.apply_ruling(Seq(2), r);
        let r = ruling(&c, party(3), vec![1]);
        c.apply_ruling(Seq(3), r);
        let view = PublicView::of(&c, "en");
        let last = view.last.unwrap();
        assert_eq!(last.ballot, BallotNumber(2));
        let name = c.definition().party(PartyNumber(3)).unwrap().name.get("en");
        assert!(!name.is_empty());
        assert_eq!(
            last.verdict,
            LastVerdict::Party {
                number: PartyNumber(3),
                name: name.to_string()
            }
        );
        assert_eq!(last.disputed_by, vec![PartyNumber(1)]);
        assert_eq!(view.ruled, 2);
    }

    #[test]
    fn an_invalid_ballot_shows_its_criterion_and_a_later_dispute_shows_on_it() {
        let mut c = count();
        c.apply_opening(Seq(1), None);
        let r = ruling(&c, invalid("I2"), vec![]);
        c.apply_ruling(Seq(2), r);
        c.apply_dispute(Seq(3), Seq(2), &[PartyNumber(4)]);
        let last = PublicView::of(&c, "km").last.unwrap();
        let title = c
            .definition()
            .criteria
            .find("I2")
            .map(|c| c.title.get("km").to_string())
            .unwrap();
        assert_eq!(
            last.verdict,
            LastVerdict::Invalid {
                code: CriterionCode::parse("I2").unwrap(),
                title
            }
        );
        assert_eq!(last.disputed_by, vec![PartyNumber(4)]);
    }

    #[test]
    fn a_void_of_the_last_ruling_shows_the_one_before_and_voiding_all_shows_none() {
        let mut c = count();
        c.apply_opening(Seq(1), None);
        let r = ruling(&c, party(1), vec![]);
        c.apply_ruling(Seq(2), r);
        let r = ruling(&c, party(2), vec![]);
        c.apply_ruling(Seq(3), r);
        c.apply_void(Seq(4), Seq(3));
        let view = PublicView::of(&c, "en");
        let last = view.last.unwrap();
        assert_eq!(last.ballot, BallotNumber(1));
        assert!(matches!(
            last.verdict,
            LastVerdict::Party {
                number: PartyNumber(1),
                ..
            }
        ));
        assert_eq!(view.ruled, 1);
        c.apply_void(Seq(5), Seq(2));
        let view = PublicView::of(&c, "en");
        assert_eq!(view.last, None);
        assert_eq!(view.ruled, 0);
    }

    #[test]
    fn the_tally_has_every_party_and_invalid_criterion_from_zero() {
        let mut c = count();
        c.apply_opening(Seq(1), None);
        let empty = PublicView::of(&c, "en");
        assert_eq!(empty.parties.len(), c.definition().parties.len());
        assert!(empty.parties.iter().all(|p| p.votes == 0));
        assert_eq!(
            empty.invalid.len(),
            c.definition().criteria.of(Validity::Invalid).count()
        );
        assert!(empty.invalid.iter().all(|l| l.count == 0));
        for (seq, choice) in [(2, party(2)), (3, party(2)), (4, invalid("I5"))] {
            let r = ruling(&c, choice, vec![]);
            c.apply_ruling(Seq(seq), r);
        }
        let view = PublicView::of(&c, "en");
        let votes: Vec<u64> = view.parties.iter().map(|p| p.votes).collect();
        assert_eq!(votes, vec![0, 2, 0, 0]);
        let i5 = view
            .invalid
            .iter()
            .find(|l| l.code.as_str() == "I5")
            .unwrap();
        assert_eq!(i5.count, 1);
        assert_eq!(view.ruled, 3);
        assert_eq!(view.in_box, None);
        c.apply_figures(Seq(5), &BTreeMap::from([(Figure::InBox, 40)]));
        assert_eq!(PublicView::of(&c, "en").in_box, Some(40));
    }

    #[test]
    fn the_marking_follows_the_station_file() {
        let c = count();
        let marking = PublicView::of(&c, "en").marking;
        assert_eq!(marking.practice, c.definition().practice);
        assert!(!marking.training);
        assert!(!marking.sealed);
    }
}
