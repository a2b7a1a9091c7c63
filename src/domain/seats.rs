//! Council seats by the highest-average method with divisors 1, 2, 3, ...
//! (Jefferson / D'Hondt). Quotients are compared exactly as fractions. A tie
//! for the last seats is never decided silently: the party with more votes
//! wins (`more_votes_then_lot`); an exact tie is reported for a drawing of
//! lots and those seats stay unallocated.

use crate::domain::party::PartyNumber;
use std::cmp::Ordering;
use std::collections::BTreeMap;

/// One seat won: its number (1-based), the party, and the quotient that won
/// it (`votes / divisor`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeatAward {
    pub seat: u32,
    pub party: PartyNumber,
    pub votes: u64,
    pub divisor: u32,
    /// Won over a party with the same quotient because of more votes.
    pub by_more_votes: bool,
}

impl SeatAward {
    /// The quotient as a decimal with three places (for display and JSON).
    pub fn quotient_text(&self) -> String {
        quotient_text(self.votes, self.divisor)
    }
}

/// `votes / divisor` with three decimal places, rounded down.
pub fn quotient_text(votes: u64, divisor: u32) -> String {
    let d = u128::from(divisor.max(1));
    let thousandths = u128::from(votes) * 1000 / d;
    format!("{}.{:03}", thousandths / 1000, thousandths % 1000)
}

/// Seats left for a drawing of lots: `seats` of them among `parties`, all
/// with the same quotient and the same votes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeatTie {
    pub seats: u32,
    pub parties: Vec<PartyNumber>,
    pub votes: u64,
    pub divisor: u32,
}

/// The allocation of a council.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Allocation {
    /// Seats in the order they were won.
    pub awards: Vec<SeatAward>,
    /// Seats per party; every party present, with 0 when it won none.
    pub seats: BTreeMap<PartyNumber, u32>,
    /// Unresolved ties (empty when every seat is allocated).
    pub ties: Vec<SeatTie>,
}

/// `a/b` against `c/d`, exactly.
fn compare_quotients(a: u64, b: u32, c: u64, d: u32) -> Ordering {
    (u128::from(a) * u128::from(d)).cmp(&(u128::from(c) * u128::from(b)))
}

/// Allocates `seats` among `votes` (party -> valid votes). Parties with no
/// votes win no seat; if no party has votes, every seat is a tie among all.
/// The work is one pass over the parties a seat: `seats` comes from a
/// validated station or results file, so at most
/// [`crate::domain::limits::MAX_SEATS`].
pub fn allocate(votes: &BTreeMap<PartyNumber, u64>, seats: u32) -> Allocation {
    let mut won: BTreeMap<PartyNumber, u32> = votes.keys().map(|p| (*p, 0)).collect();
    let mut awards = Vec::new();
    let mut ties = Vec::new();
    let eligible: Vec<(PartyNumber, u64)> = votes
        .iter()
        .filter(|(_, v)| **v > 0)
        .map(|(p, v)| (*p, *v))
        .collect();
    if eligible.is_empty() {
        if seats > 0 {
            ties.push(SeatTie {
                seats,
                parties: votes.keys().copied().collect(),
                votes: 0,
                divisor: 1,
            });
        }
        return Allocation {
            awards,
            seats: won,
            ties,
        };
    }
    let mut next_seat = 1u32;
    while next_seat <= seats {
        let remaining = seats - next_seat + 1;
        // Every party's next quotient; the best ones.
        let quotient = |p: &PartyNumber, v: u64| (v, won.get(p).copied().unwrap_or(0) + 1);
        let Some(&(best_party, best_votes)) = eligible.iter().max_by(|(p, v), (q, w)| {
            let (a, b) = quotient(p, *v);
            let (c, d) = quotient(q, *w);
            compare_quotients(a, b, c, d)
        }) else {
            break;
        };
        let (bv, bd) = quotient(&best_party, best_votes);
        let mut tied: Vec<(PartyNumber, u64, u32)> = eligible
            .iter()
            .filter_map(|(p, v)| {
                let (a, b) = quotient(p, *v);
                (compare_quotients(a, b, bv, bd) == Ordering::Equal).then_some((*p, a, b))
            })
            .collect();
        // More votes first; then ballot order, which decides nothing: when
        // the seats suffice all tied parties get one.
        tied.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
        let fits = u32::try_from(tied.len()).unwrap_or(u32::MAX) <= remaining;
        let take = if fits {
            tied.len()
        } else {
            let cut = remaining as usize;
            // The cut falls between two parties with different votes: the
            // party with more votes wins. Otherwise the parties with the
            // cut's vote count go to a drawing of lots.
            if tied[cut - 1].1 != tied[cut].1 {
                cut
            } else {
                let votes_at_cut = tied[cut].1;
                let above = tied.iter().filter(|t| t.1 > votes_at_cut).count();
                let lot: Vec<PartyNumber> = tied
                    .iter()
                    .filter(|t| t.1 == votes_at_cut)
                    .map(|t| t.0)
                    .collect();
                let lot_seats = remaining - u32::try_from(above).unwrap_or(0);
                let (v, d) = tied
                    .iter()
                    .find(|t| t.1 == votes_at_cut)
                    .map_or((0, 1), |t| (t.1, t.2));
                ties.push(SeatTie {
                    seats: lot_seats,
                    parties: lot,
                    votes: v,
                    divisor: d,
                });
                above
            }
        };
        let decided_by_votes = !fits;
        for (party, v, d) in tied.into_iter().take(take) {
            awards.push(SeatAward {
                seat: next_seat,
                party,
                votes: v,
                divisor: d,
                by_more_votes: decided_by_votes,
            });
            *won.entry(party).or_insert(0) += 1;
            next_seat += 1;
        }
        if !fits {
            break;
        }
    }
    Allocation {
        awards,
        seats: won,
        ties,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn votes(list: &[(u32, u64)]) -> BTreeMap<PartyNumber, u64> {
        list.iter().map(|(p, v)| (PartyNumber(*p), *v)).collect()
    }

    fn seats_of(a: &Allocation) -> Vec<(u32, u32)> {
        a.seats.iter().map(|(p, s)| (p.0, *s)).collect()
    }

    #[test]
    fn a_hand_worked_council() {
        // 7 seats; votes 1000, 800, 300, 0.
        // Quotients: A 1000 500 333.3 250 200; B 800 400 266.7 200; C 300 150.
        // Seats: A1000, B800, A500, B400, A333.3, C300, B266.7.
        let a = allocate(&votes(&[(1, 1000), (2, 800), (3, 300), (4, 0)]), 7);
        assert_eq!(seats_of(&a), vec![(1, 3), (2, 3), (3, 1), (4, 0)]);
        let order: Vec<u32> = a.awards.iter().map(|w| w.party.0).collect();
        assert_eq!(order, vec![1, 2, 1, 2, 1, 3, 2]);
        assert_eq!(a.awards[4].quotient_text(), "333.333");
        assert_eq!(a.awards[6].quotient_text(), "266.666");
        assert_eq!(a.awards[6].divisor, 3);
        assert!(a.ties.is_empty());
    }

    #[test]
    fn a_tie_for_the_last_seat_goes_to_more_votes() {
        // 3 seats; A 600, B 300, C 200. Quotients: A 600 300 200; B 300 150;
        // C 200. Seats 1-2: A600, then A300 and B300 tie for seats 2-3: both fit.
        let a = allocate(&votes(&[(1, 600), (2, 300), (3, 200)]), 3);
        assert_eq!(seats_of(&a), vec![(1, 2), (2, 1), (3, 0)]);
        // 4 seats: seat 4 is A200 vs C200 (same quotient): A has more votes.
        let a = allocate(&votes(&[(1, 600), (2, 300), (3, 200)]), 4);
        assert_eq!(seats_of(&a), vec![(1, 3), (2, 1), (3, 0)]);
        let last = a.awards.last().unwrap();
        assert_eq!(
            (last.party.0, last.divisor, last.by_more_votes),
            (1, 3, true)
        );
        assert!(a.ties.is_empty());
    }

    #[test]
    fn an_exact_tie_for_the_last_seat_is_left_to_lot() {
        // 3 seats; A 500, B 500, C 100: A, B, then A250 vs B250 for one seat.
        let a = allocate(&votes(&[(1, 500), (2, 500), (3, 100)]), 3);
        assert_eq!(seats_of(&a), vec![(1, 1), (2, 1), (3, 0)]);
        assert_eq!(a.awards.len(), 2);
        assert_eq!(
            a.ties,
            vec![SeatTie {
                seats: 1,
                parties: vec![PartyNumber(1), PartyNumber(2)],
                votes: 500,
                divisor: 2,
            }]
        );
    }

    #[test]
    fn more_seats_than_parties_and_parties_without_votes() {
        let a = allocate(&votes(&[(1, 10), (2, 0)]), 5);
        assert_eq!(seats_of(&a), vec![(1, 5), (2, 0)]);
        let none = allocate(&votes(&[(1, 0), (2, 0)]), 2);
        assert!(none.awards.is_empty());
        assert_eq!(none.ties.len(), 1);
        assert_eq!(none.ties[0].seats, 2);
    }

    /// The textbook procedure, written independently: list every quotient
    /// votes/d for d = 1..=seats, sort by quotient then votes (descending),
    /// take the first `seats`; the boundary is a lot when the last taken and
    /// the first left have the same quotient and the same votes. On a lot,
    /// the seats are those of one way the lot can fall (ties in party order).
    fn naive(votes: &BTreeMap<PartyNumber, u64>, seats: u32) -> (BTreeMap<PartyNumber, u32>, bool) {
        let mut all: Vec<(f64, u64, PartyNumber)> = Vec::new();
        for (p, v) in votes {
            if *v == 0 {
                continue;
            }
            for d in 1..=seats {
                all.push((*v as f64 / f64::from(d), *v, *p));
            }
        }
        all.sort_by(|a, b| b.0.partial_cmp(&a.0).unwrap().then(b.1.cmp(&a.1)));
        let n = seats as usize;
        let lot = all.len() > n && n > 0 && all[n - 1].0 == all[n].0 && all[n - 1].1 == all[n].1;
        let mut won: BTreeMap<PartyNumber, u32> = votes.keys().map(|p| (*p, 0)).collect();
        for (_, _, p) in all.iter().take(n) {
            *won.get_mut(p).unwrap() += 1;
        }
        (won, lot)
    }

    proptest! {
        #[test]
        fn matches_the_textbook_procedure(
            list in proptest::collection::vec(0u64..2_000, 1..12),
            seats in 1u32..30,
        ) {
            let votes: BTreeMap<PartyNumber, u64> = list
                .iter()
                .enumerate()
                .map(|(i, v)| (PartyNumber(i as u32 + 1), *v))
                .collect();
            let a = allocate(&votes, seats);
            let (expected, lot) = naive(&votes, seats);
            let any_votes = votes.values().any(|v| *v > 0);
            prop_assert_eq!(!a.ties.is_empty(), lot || !any_votes);
            if a.ties.is_empty() {
                prop_assert_eq!(&a.seats, &expected);
                prop_assert_eq!(a.awards.len() as u32, seats);
            } else {
                // Every seat not left to lot is allocated, and each party's
                // seats are at most the textbook's with the lot won.
                let lot_seats: u32 = a.ties.iter().map(|t| t.seats).sum();
                prop_assert_eq!(a.awards.len() as u32 + lot_seats, seats);
                if any_votes {
                    for (party, n) in &a.seats {
                        prop_assert!(*n <= expected[party], "party {}: {} > {}", party, n, expected[party]);
                    }
                }
            }
        }
    }
}
