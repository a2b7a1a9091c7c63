//! The ruling tally: votes per party, invalid ballots per criterion, valid
//! ballots per criterion and disputed rulings. It starts at zero for every
//! party and criterion of the station, and moves by one ruling at a time.

use crate::domain::criteria::{CriterionCode, Validity};
use crate::domain::party::PartyNumber;
use crate::domain::ruling::Verdict;
use crate::domain::station::StationDefinition;
use std::collections::BTreeMap;

/// Counts over the live (not voided) rulings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tally {
    votes: BTreeMap<PartyNumber, u64>,
    valid_by_criterion: BTreeMap<CriterionCode, u64>,
    invalid: BTreeMap<CriterionCode, u64>,
    disputed: u64,
    /// ΣP + X, kept as the maps move (asked before every ruling).
    ruled: u64,
}

impl Tally {
    /// Every party and every criterion at zero.
    pub fn empty(def: &StationDefinition) -> Tally {
        let zeros = |validity| {
            def.criteria
                .of(validity)
                .map(|c| (c.code.clone(), 0))
                .collect()
        };
        Tally {
            votes: def.parties.iter().map(|p| (p.number, 0)).collect(),
            valid_by_criterion: zeros(Validity::Valid),
            invalid: zeros(Validity::Invalid),
            disputed: 0,
            ruled: 0,
        }
    }

    /// Counts a ruling (already checked against the station); `disputed`
    /// says whether any party disputes it.
    pub fn add(&mut self, verdict: &Verdict, disputed: bool) {
        self.shift(verdict, disputed, |n| n + 1);
    }

    /// Takes back a ruling counted before (a void).
    pub fn remove(&mut self, verdict: &Verdict, disputed: bool) {
        self.shift(verdict, disputed, |n| n.saturating_sub(1));
    }

    /// A live ruling that was undisputed is now disputed.
    pub fn add_dispute(&mut self) {
        self.disputed += 1;
    }

    fn shift(&mut self, verdict: &Verdict, disputed: bool, by: impl Fn(u64) -> u64) {
        /// Moves the key's count; returns it before and after.
        fn bump<K: Ord>(
            map: &mut BTreeMap<K, u64>,
            key: &K,
            by: &impl Fn(u64) -> u64,
        ) -> (u64, u64) {
            match map.get_mut(key) {
                Some(n) => {
                    let before = *n;
                    *n = by(*n);
                    (before, *n)
                }
                None => (0, 0),
            }
        }
        let (before, after) = match verdict {
            Verdict::Valid { party, criterion } => {
                bump(&mut self.valid_by_criterion, criterion, &by);
                bump(&mut self.votes, party, &by)
            }
            Verdict::Invalid { criterion } => bump(&mut self.invalid, criterion, &by),
        };
        self.ruled = (self.ruled + after).saturating_sub(before);
        if disputed {
            self.disputed = by(self.disputed);
        }
    }

    /// Votes per party, every party of the station present.
    pub fn votes(&self) -> &BTreeMap<PartyNumber, u64> {
        &self.votes
    }

    pub fn votes_for(&self, party: PartyNumber) -> u64 {
        self.votes.get(&party).copied().unwrap_or(0)
    }

    /// Valid ballots per valid criterion.
    pub fn valid_by_criterion(&self) -> &BTreeMap<CriterionCode, u64> {
        &self.valid_by_criterion
    }

    /// Invalid ballots per invalid criterion, every code present.
    pub fn invalid(&self) -> &BTreeMap<CriterionCode, u64> {
        &self.invalid
    }

    /// Live rulings with at least one dispute.
    pub fn disputed(&self) -> u64 {
        self.disputed
    }

    /// ΣP: valid votes.
    pub fn valid_total(&self) -> u64 {
        self.votes.values().sum()
    }

    /// X: invalid ballots.
    pub fn invalid_total(&self) -> u64 {
        self.invalid.values().sum()
    }

    /// Live rulings: ΣP + X.
    pub fn ruled(&self) -> u64 {
        self.ruled
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::station::StationFile;

    #[test]
    fn the_ruled_total_follows_every_ruling_counted_and_taken_back() {
        let station =
            StationFile::parse(include_bytes!("../../tests/fixtures/station-small.json").to_vec())
                .unwrap();
        let def = station.definition();
        let mut tally = Tally::empty(def);
        let first = |validity| def.criteria.of(validity).next().unwrap().code.clone();
        let valid = |party| Verdict::Valid {
            party: PartyNumber(party),
            criterion: first(Validity::Valid),
        };
        let invalid = Verdict::Invalid {
            criterion: first(Validity::Invalid),
        };
        let unknown = valid(999);
        let steps: [(&Verdict, bool); 6] = [
            (&valid(1), true),
            (&invalid, true),
            (&valid(2), true),
            (&unknown, true),
            (&valid(1), false),
            (&invalid, false),
        ];
        for (verdict, add) in steps {
            if add {
                tally.add(verdict, false);
            } else {
                tally.remove(verdict, false);
            }
            assert_eq!(tally.ruled(), tally.valid_total() + tally.invalid_total());
        }
        assert_eq!(tally.ruled(), 1);
        // Taking back what was never counted moves nothing.
        tally.remove(&invalid, false);
        assert_eq!(tally.ruled(), tally.valid_total() + tally.invalid_total());
    }
}
