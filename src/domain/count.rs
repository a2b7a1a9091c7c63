//! The state of a count, derived from its journal one event at a time: the
//! rulings and their voids, the tally, the latest figures, the pile counts and
//! the explanations. Each change has a `check_*` (may it happen?) and an
//! `apply_*` (it happened); the journal checks, commits, then applies, so the
//! state moves in O(log n) per event and never needs a full re-fold.

use crate::domain::criteria::Validity;
use crate::domain::limits::MAX_COUNT;
use crate::domain::party::PartyNumber;
use crate::domain::reconciliation::{Check, CheckInputs, CheckName, Figure, Figures, checks};
use crate::domain::ruling::{Ruling, RulingError, check_free_text};
use crate::domain::seq::Seq;
use crate::domain::station::StationDefinition;
use crate::domain::tally::Tally;
use std::collections::BTreeMap;
use std::sync::Arc;

/// Why a change cannot be recorded. Messages name the field and the value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CountError {
    #[error(transparent)]
    Ruling(#[from] RulingError),
    #[error("seq: {target} does not exist (the journal ends at seq {last})")]
    NoSuchEntry { target: Seq, last: Seq },
    #[error("seq: {target} is a void (of seq {of}), not a ruling; voids cannot be voided")]
    VoidOfVoid { target: Seq, of: Seq },
    #[error("seq: {target} is not a ruling")]
    NotARuling { target: Seq },
    #[error("seq: ruling {target} was already voided by seq {by}")]
    AlreadyVoided { target: Seq, by: Seq },
    #[error("reason: {0}")]
    Reason(String),
    #[error("figures: give at least one figure")]
    NoFigures,
    #[error("{figure}: {value} is too large (at most {MAX_COUNT})")]
    TooLarge { figure: String, value: u64 },
    #[error("party: {party} is not on this station's ballot (parties {known})")]
    UnknownParty { party: u32, known: String },
    #[error("check: {check} is not a check of this count")]
    UnknownCheck { check: String },
    #[error("text: {0}")]
    Text(String),
}

/// A ruling in the count, live or voided.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RulingRecord {
    pub ruling: Ruling,
    pub voided_by: Option<Seq>,
}

/// The derived state of one count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Count {
    def: Arc<StationDefinition>,
    last_seq: Seq,
    rulings: BTreeMap<Seq, RulingRecord>,
    voids: BTreeMap<Seq, Seq>,
    tally: Tally,
    figures: Figures,
    piles: BTreeMap<PartyNumber, u64>,
    explanations: BTreeMap<CheckName, String>,
}

impl Count {
    /// An empty count of this station: every tally at zero, no figures.
    pub fn new(def: Arc<StationDefinition>) -> Count {
        Count {
            tally: Tally::empty(&def),
            def,
            last_seq: Seq(0),
            rulings: BTreeMap::new(),
            voids: BTreeMap::new(),
            figures: Figures::default(),
            piles: BTreeMap::new(),
            explanations: BTreeMap::new(),
        }
    }

    pub fn definition(&self) -> &StationDefinition {
        &self.def
    }

    pub fn definition_arc(&self) -> &Arc<StationDefinition> {
        &self.def
    }

    /// The seq of the last event applied (0 before the first).
    pub fn last_seq(&self) -> Seq {
        self.last_seq
    }

    /// The seq the next event will get.
    pub fn next_seq(&self) -> Seq {
        self.last_seq.next()
    }

    /// Notes an event that changes no derived state (the opening entry).
    pub fn apply_other(&mut self, seq: Seq) {
        self.last_seq = seq;
    }

    // ---- rulings ----

    pub fn check_ruling(&self, ruling: &Ruling) -> Result<(), CountError> {
        ruling.check(&self.def).map_err(CountError::from)
    }

    pub fn apply_ruling(&mut self, seq: Seq, ruling: Ruling) {
        self.tally.add(&ruling);
        self.rulings.insert(
            seq,
            RulingRecord {
                ruling,
                voided_by: None,
            },
        );
        self.last_seq = seq;
    }

    // ---- voids ----

    pub fn check_void(&self, target: Seq, reason: &str) -> Result<(), CountError> {
        check_free_text(reason).map_err(CountError::Reason)?;
        if let Some(record) = self.rulings.get(&target) {
            return match record.voided_by {
                Some(by) => Err(CountError::AlreadyVoided { target, by }),
                None => Ok(()),
            };
        }
        if let Some(of) = self.voids.get(&target) {
            return Err(CountError::VoidOfVoid { target, of: *of });
        }
        if target.0 == 0 || target > self.last_seq {
            return Err(CountError::NoSuchEntry {
                target,
                last: self.last_seq,
            });
        }
        Err(CountError::NotARuling { target })
    }

    pub fn apply_void(&mut self, seq: Seq, target: Seq) {
        if let Some(record) = self.rulings.get_mut(&target)
            && record.voided_by.is_none()
        {
            record.voided_by = Some(seq);
            self.tally.remove(&record.ruling);
        }
        self.voids.insert(seq, target);
        self.last_seq = seq;
    }

    // ---- figures ----

    pub fn check_figures(&self, figures: &BTreeMap<Figure, u64>) -> Result<(), CountError> {
        if figures.is_empty() {
            return Err(CountError::NoFigures);
        }
        for (figure, value) in figures {
            if *value > MAX_COUNT {
                return Err(CountError::TooLarge {
                    figure: figure.key().to_string(),
                    value: *value,
                });
            }
        }
        Ok(())
    }

    pub fn apply_figures(&mut self, seq: Seq, figures: &BTreeMap<Figure, u64>) {
        for (figure, value) in figures {
            self.figures.set(*figure, *value);
        }
        self.last_seq = seq;
    }

    // ---- pile counts ----

    pub fn check_pile(&self, party: PartyNumber, count: u64) -> Result<(), CountError> {
        if self.def.party(party).is_none() {
            return Err(CountError::UnknownParty {
                party: party.0,
                known: self.def.party_numbers_text(),
            });
        }
        if count > MAX_COUNT {
            return Err(CountError::TooLarge {
                figure: "count".into(),
                value: count,
            });
        }
        Ok(())
    }

    pub fn apply_pile(&mut self, seq: Seq, party: PartyNumber, count: u64) {
        self.piles.insert(party, count);
        self.last_seq = seq;
    }

    // ---- explanations ----

    pub fn check_explanation(&self, check: CheckName, text: &str) -> Result<(), CountError> {
        if let CheckName::CrossCheck(party) = check
            && self.def.party(party).is_none()
        {
            return Err(CountError::UnknownCheck {
                check: check.to_string(),
            });
        }
        check_free_text(text).map_err(CountError::Text)
    }

    pub fn apply_explanation(&mut self, seq: Seq, check: CheckName, text: &str) {
        self.explanations.insert(check, text.to_string());
        self.last_seq = seq;
    }

    // ---- what the count shows ----

    pub fn tally(&self) -> &Tally {
        &self.tally
    }

    pub fn figures(&self) -> &Figures {
        &self.figures
    }

    pub fn piles(&self) -> &BTreeMap<PartyNumber, u64> {
        &self.piles
    }

    pub fn explanations(&self) -> &BTreeMap<CheckName, String> {
        &self.explanations
    }

    /// Every ruling by seq, voided ones included.
    pub fn rulings(&self) -> &BTreeMap<Seq, RulingRecord> {
        &self.rulings
    }

    /// The latest live ruling, if any (what a "void last" key would void).
    pub fn last_live_ruling(&self) -> Option<(Seq, &Ruling)> {
        self.rulings
            .iter()
            .rev()
            .find(|(_, r)| r.voided_by.is_none())
            .map(|(seq, r)| (*seq, &r.ruling))
    }

    /// Every reconciliation check, with explanations.
    pub fn checks(&self) -> Vec<Check> {
        checks(&CheckInputs {
            def: &self.def,
            figures: &self.figures,
            tally: &self.tally,
            piles: &self.piles,
            explanations: &self.explanations,
        })
    }

    /// Whether `code` names a valid criterion of this count.
    pub fn is_valid_criterion(&self, code: &str) -> bool {
        self.def
            .criteria
            .find(code)
            .is_some_and(|c| c.validity == Validity::Valid)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ruling::{RulingChoice, RulingRequest, Verdict};
    use crate::domain::station::StationFile;
    use proptest::prelude::*;

    fn count() -> Count {
        let bytes = include_bytes!("../../tests/fixtures/station-small.json").to_vec();
        Count::new(Arc::new(
            StationFile::parse(bytes).unwrap().definition().clone(),
        ))
    }

    fn ruling(count: &Count, choice: RulingChoice, disputed_by: Vec<u32>) -> Ruling {
        RulingRequest {
            choice,
            disputed_by,
            note: None,
        }
        .resolve(count.definition())
        .unwrap()
    }

    fn party(n: u32) -> RulingChoice {
        RulingChoice::Party {
            party: n,
            criterion: None,
        }
    }

    #[test]
    fn a_void_takes_the_ruling_out_of_the_tally() {
        let mut c = count();
        c.apply_other(Seq(1));
        let r = ruling(&c, party(2), vec![1]);
        c.apply_ruling(Seq(2), r);
        assert_eq!(c.tally().votes_for(PartyNumber(2)), 1);
        assert_eq!(c.tally().disputed(), 1);
        c.check_void(Seq(2), "wrong pile").unwrap();
        c.apply_void(Seq(3), Seq(2));
        assert_eq!(c.tally().votes_for(PartyNumber(2)), 0);
        assert_eq!(c.tally().disputed(), 0);
        assert!(c.last_live_ruling().is_none());
    }

    #[test]
    fn voids_refuse_twice_voids_unknown_and_other_events() {
        let mut c = count();
        c.apply_other(Seq(1));
        let r = ruling(&c, party(1), vec![]);
        c.apply_ruling(Seq(2), r);
        c.apply_void(Seq(3), Seq(2));
        let mut figures = BTreeMap::new();
        figures.insert(Figure::InBox, 10);
        c.apply_figures(Seq(4), &figures);
        let err = |target| c.check_void(Seq(target), "x").unwrap_err().to_string();
        assert_eq!(err(2), "seq: ruling 2 was already voided by seq 3");
        assert_eq!(
            err(3),
            "seq: 3 is a void (of seq 2), not a ruling; voids cannot be voided"
        );
        assert_eq!(err(4), "seq: 4 is not a ruling");
        assert_eq!(err(1), "seq: 1 is not a ruling");
        assert_eq!(err(9), "seq: 9 does not exist (the journal ends at seq 4)");
        assert_eq!(err(0), "seq: 0 does not exist (the journal ends at seq 4)");
        assert_eq!(
            c.check_void(Seq(2), " ").unwrap_err().to_string(),
            "reason: must not be empty"
        );
    }

    #[test]
    fn explanations_and_piles_name_unknown_parties() {
        let c = count();
        assert_eq!(
            c.check_pile(PartyNumber(7), 3).unwrap_err().to_string(),
            "party: 7 is not on this station's ballot (parties 1-4)"
        );
        assert_eq!(
            c.check_explanation(CheckName::CrossCheck(PartyNumber(7)), "x")
                .unwrap_err()
                .to_string(),
            "check: cross_check:7 is not a check of this count"
        );
        assert!(
            c.check_explanation(CheckName::Stock, "two books came short")
                .is_ok()
        );
    }

    /// A step of a random count.
    #[derive(Debug, Clone)]
    enum Step {
        Rule {
            party: Option<u32>,
            invalid: usize,
            disputed: bool,
        },
        Void {
            back: usize,
        },
        Figure {
            which: usize,
            value: u64,
        },
        Pile {
            party: u32,
            count: u64,
        },
    }

    fn step() -> impl Strategy<Value = Step> {
        prop_oneof![
            6 => (prop::option::of(1u32..=4), 0usize..6, any::<bool>())
                .prop_map(|(party, invalid, disputed)| Step::Rule { party, invalid, disputed }),
            2 => (0usize..30).prop_map(|back| Step::Void { back }),
            1 => (0usize..7, 0u64..600).prop_map(|(which, value)| Step::Figure { which, value }),
            1 => (1u32..=4, 0u64..100).prop_map(|(party, count)| Step::Pile { party, count }),
        ]
    }

    /// The same numbers, computed the plain way from the whole history.
    fn fresh_fold(count: &Count, history: &[(Seq, Ruling)], voided: &[Seq]) -> Tally {
        let mut tally = Tally::empty(count.definition());
        for (seq, r) in history {
            if !voided.contains(seq) {
                tally.add(r);
            }
        }
        tally
    }

    proptest! {
        #[test]
        fn incremental_tally_equals_a_fresh_fold(steps in prop::collection::vec(step(), 1..120)) {
            let mut c = count();
            c.apply_other(Seq(1));
            let invalid_codes = ["I1", "I2", "I3", "I4", "I5", "I6"];
            let mut history: Vec<(Seq, Ruling)> = vec![];
            let mut voided: Vec<Seq> = vec![];
            let mut latest_figures: BTreeMap<Figure, u64> = BTreeMap::new();
            for s in steps {
                let seq = c.next_seq();
                match s {
                    Step::Rule { party: p, invalid, disputed } => {
                        let choice = match p {
                            Some(n) => party(n),
                            None => RulingChoice::Invalid { code: invalid_codes[invalid].into() },
                        };
                        let r = ruling(&c, choice, if disputed { vec![3] } else { vec![] });
                        prop_assert!(c.check_ruling(&r).is_ok());
                        c.apply_ruling(seq, r.clone());
                        history.push((seq, r));
                    }
                    Step::Void { back } => {
                        let Some(target) = history.iter().rev().nth(back % (history.len() + 1)).map(|h| h.0) else { continue };
                        let allowed = c.check_void(target, "mistake").is_ok();
                        prop_assert_eq!(allowed, !voided.contains(&target));
                        if allowed {
                            c.apply_void(seq, target);
                            voided.push(target);
                        }
                    }
                    Step::Figure { which, value } => {
                        let mut f = BTreeMap::new();
                        f.insert(Figure::ALL[which], value);
                        c.apply_figures(seq, &f);
                        latest_figures.insert(Figure::ALL[which], value);
                    }
                    Step::Pile { party, count } => c.apply_pile(seq, PartyNumber(party), count),
                }
                prop_assert_eq!(c.tally(), &fresh_fold(&c, &history, &voided));
                let live = history.iter().filter(|(s, _)| !voided.contains(s)).count() as u64;
                prop_assert_eq!(c.tally().ruled(), live);
                let disputed = history.iter().filter(|(s, r)| !voided.contains(s) && r.is_disputed()).count() as u64;
                prop_assert_eq!(c.tally().disputed(), disputed);
                for (f, v) in &latest_figures {
                    prop_assert_eq!(c.figures().get(*f), Some(*v));
                }
                if let Some((seq, r)) = c.last_live_ruling() {
                    let expected = history.iter().rev().find(|(s, _)| !voided.contains(s));
                    prop_assert_eq!(expected.map(|(s, r)| (*s, r)), Some((seq, r)));
                    let known = matches!(r.verdict, Verdict::Valid { .. } | Verdict::Invalid { .. });
                    prop_assert!(known);
                }
            }
        }
    }
}
