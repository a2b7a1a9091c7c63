//! Ballot numbers: the one number a person sees for a physical ballot. The
//! count derives them from its rulings and voids as it replays the journal
//! (nothing new is written, so every record ever made numbers its ballots
//! the same way); journal seqs stay the record's internal addresses.
//!
//! The rule:
//! - a ruling takes the next ballot number, 1, 2, 3, ... in ruling order;
//! - voiding the latest live ruling (what the counting screen's Backspace
//!   does) hands its number back: the ballot is still in hand, so the next
//!   ruling is that ballot again and takes that number. Voiding the latest
//!   live rulings one after another hands back each number, and they are
//!   ruled again lowest first, the order they were first ruled in;
//! - voiding an older ruling leaves its number with the voided ruling: the
//!   count cannot tell whether that ballot will be ruled again or was a
//!   ruling too many, and a number handed to the next ballot from the box
//!   would name two different ballots. A ballot found again and re-ruled
//!   later gets a new number, shown as any other;
//! - in a review recount, the ruling of a ballot under review carries the
//!   original's number of that ballot, the number written on its back.
//!
//! At most one live ruling holds each number, so a number names one ballot.

use crate::domain::dense::DenseMap;
use crate::domain::seq::Seq;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::fmt;

/// The number of a physical ballot, 1 for the first ballot ruled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct BallotNumber(pub u64);

impl fmt::Display for BallotNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// The ballot numbers of one count, kept up to date ruling by ruling; each
/// step is O(log n).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Numbering {
    /// Every ruling's ballot number, voided rulings included.
    by_seq: DenseMap<Seq, BallotNumber>,
    /// Each number's live ruling.
    live: DenseMap<BallotNumber, Seq>,
    /// The live rulings of this count's own numbering, by seq (to tell the
    /// latest one).
    live_seqs: DenseMap<Seq, ()>,
    /// The highest number given so far.
    highest: u64,
    /// Numbers handed back by a void of the latest ruling, not yet ruled again.
    handed_back: BTreeSet<BallotNumber>,
}

impl Numbering {
    /// The number the next ruling will take.
    pub fn next(&self) -> BallotNumber {
        self.handed_back
            .first()
            .copied()
            .unwrap_or(BallotNumber(self.highest.saturating_add(1)))
    }

    /// Whether the next ruling rules again a ballot whose ruling was voided.
    pub fn next_is_again(&self) -> bool {
        !self.handed_back.is_empty()
    }

    /// A ruling at `seq` took the next number; returns it.
    pub fn ruled(&mut self, seq: Seq) -> BallotNumber {
        let number = self.next();
        self.handed_back.remove(&number);
        self.highest = self.highest.max(number.0);
        self.by_seq.insert(seq, number);
        self.live.insert(number, seq);
        self.live_seqs.insert(seq, ());
        number
    }

    /// A review ruling at `seq` rules again the ballot numbered `number` in
    /// the original; it takes no number of this count's own.
    pub fn reviewed(&mut self, seq: Seq, number: BallotNumber) {
        self.by_seq.insert(seq, number);
        self.live.insert(number, seq);
    }

    /// The ruling at `target` was voided. A void of the latest live ruling
    /// hands its number back for the next ruling.
    pub fn voided(&mut self, target: Seq) {
        let Some(number) = self.by_seq.get(&target).copied() else {
            return;
        };
        if self.live.get(&number) == Some(&target) {
            self.live.remove(&number);
        }
        let latest = self.live_seqs.last_key_value().map(|(s, _)| *s) == Some(target);
        if self.live_seqs.remove(&target).is_some() && latest {
            self.handed_back.insert(number);
        }
    }

    /// The ballot number of the ruling at `seq` (voided or not).
    pub fn of(&self, seq: Seq) -> Option<BallotNumber> {
        self.by_seq.get(&seq).copied()
    }

    /// The live ruling of ballot `number`, if it has one.
    pub fn live_ruling(&self, number: BallotNumber) -> Option<Seq> {
        self.live.get(&number).copied()
    }

    /// Every ruling's ballot number by seq.
    pub fn all(&self) -> &DenseMap<Seq, BallotNumber> {
        &self.by_seq
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(n: &Numbering) -> Vec<(u64, u64)> {
        n.all().iter().map(|(s, b)| (s.0, b.0)).collect()
    }

    #[test]
    fn rulings_are_numbered_in_order_from_one() {
        let mut n = Numbering::default();
        assert_eq!(n.next(), BallotNumber(1));
        for seq in [9, 10, 14] {
            n.ruled(Seq(seq));
        }
        assert_eq!(numbers(&n), [(9, 1), (10, 2), (14, 3)]);
        assert_eq!(n.next(), BallotNumber(4));
        assert!(!n.next_is_again());
        assert_eq!(n.live_ruling(BallotNumber(2)), Some(Seq(10)));
    }

    #[test]
    fn a_voided_last_ruling_is_ruled_again_under_its_number() {
        let mut n = Numbering::default();
        n.ruled(Seq(3));
        n.ruled(Seq(4));
        n.voided(Seq(4));
        assert_eq!(n.next(), BallotNumber(2));
        assert!(n.next_is_again());
        assert_eq!(n.live_ruling(BallotNumber(2)), None);
        assert_eq!(n.ruled(Seq(6)), BallotNumber(2));
        assert_eq!(n.ruled(Seq(7)), BallotNumber(3));
        assert_eq!(n.of(Seq(4)), Some(BallotNumber(2)));
        assert_eq!(n.live_ruling(BallotNumber(2)), Some(Seq(6)));
        // Voided again and ruled again: still ballot 3.
        n.voided(Seq(7));
        assert_eq!(n.ruled(Seq(9)), BallotNumber(3));
    }

    #[test]
    fn voids_of_the_last_rulings_in_a_row_hand_back_each_number_lowest_first() {
        let mut n = Numbering::default();
        for seq in 1..=5 {
            n.ruled(Seq(seq));
        }
        n.voided(Seq(5));
        n.voided(Seq(4));
        assert_eq!(n.ruled(Seq(8)), BallotNumber(4));
        assert_eq!(n.ruled(Seq(9)), BallotNumber(5));
        assert_eq!(n.ruled(Seq(10)), BallotNumber(6));
    }

    #[test]
    fn a_void_of_an_older_ruling_keeps_its_number_with_it() {
        let mut n = Numbering::default();
        for seq in 1..=5 {
            n.ruled(Seq(seq));
        }
        n.voided(Seq(2));
        assert_eq!(n.next(), BallotNumber(6));
        assert!(!n.next_is_again());
        assert_eq!(n.live_ruling(BallotNumber(2)), None);
        assert_eq!(n.ruled(Seq(7)), BallotNumber(6));
        // The latest live ruling is voided after an older one: only its
        // number comes back.
        n.voided(Seq(7));
        assert_eq!(n.next(), BallotNumber(6));
    }

    #[test]
    fn a_review_carries_the_original_number_and_gives_none_of_its_own() {
        let mut n = Numbering::default();
        n.reviewed(Seq(2), BallotNumber(17));
        assert_eq!(n.of(Seq(2)), Some(BallotNumber(17)));
        assert_eq!(n.live_ruling(BallotNumber(17)), Some(Seq(2)));
        n.voided(Seq(2));
        assert_eq!(n.live_ruling(BallotNumber(17)), None);
        assert_eq!(n.next(), BallotNumber(1));
        n.reviewed(Seq(4), BallotNumber(17));
        assert_eq!(n.live_ruling(BallotNumber(17)), Some(Seq(4)));
    }

    #[test]
    fn a_number_names_at_most_one_live_ruling() {
        // Any mix of rulings and voids of any ruling.
        let mut n = Numbering::default();
        let mut live: Vec<Seq> = Vec::new();
        let mut seq = 0u64;
        for step in 0..200u64 {
            seq += 1;
            if step % 3 == 2 && !live.is_empty() {
                let i = ((step * 7) % live.len() as u64) as usize;
                let target = live.remove(i);
                n.voided(target);
            } else {
                n.ruled(Seq(seq));
                live.push(Seq(seq));
            }
            let mut seen = BTreeSet::new();
            for s in &live {
                let number = n.of(*s).unwrap();
                assert!(seen.insert(number), "{number} twice");
                assert_eq!(n.live_ruling(number), Some(*s));
            }
        }
    }
}
