//! The counting screen's keyboard, as a pure state machine: keys in, rulings,
//! disputes and voids out. Party numbers are typed as on the ballot; a number
//! is taken as soon as no longer party number begins with it (with parties
//! 1-12, `2`-`9` rule at once, `1` waits for Enter or `0`-`2`). Letters on the
//! top row rule invalid, letters on the bottom row pick another valid mark for
//! the next party, `D` disputes the last ruling, Backspace voids it.

use crate::domain::count::Count;
use crate::domain::criteria::{CriterionCode, Validity};
use crate::domain::party::PartyNumber;
use crate::domain::ruling::{RulingChoice, RulingRequest};
use crate::domain::seq::Seq;
use crate::domain::station::StationDefinition;

/// The keys of the invalid criteria, in the order the criteria are listed.
pub const INVALID_KEYS: [char; 8] = ['Q', 'W', 'E', 'R', 'T', 'Y', 'U', 'I'];
/// The keys of the valid criteria after the default one.
pub const VALID_KEYS: [char; 4] = ['Z', 'X', 'C', 'V'];
/// The dispute key.
pub const DISPUTE_KEY: char = 'D';
/// The key that shows a checkpoint now.
pub const CHECKPOINT_KEY: char = 'K';

/// A key the counting screen reacts to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CountKey {
    Digit(u8),
    /// An ASCII letter, uppercase.
    Letter(char),
    Enter,
    Escape,
    Backspace,
    Space,
}

/// What the keyboard is doing.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Mode {
    /// Ruling ballots.
    #[default]
    Ruling,
    /// Collecting the parties that dispute the ruling at `target`.
    Dispute { target: Seq, parties: Vec<u32> },
    /// Asking for the reason to void the ruling at `target`.
    Void { target: Seq },
}

/// The keyboard's state between keys.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct KeyState {
    /// Digits typed so far.
    pub digits: String,
    /// The valid criterion picked for the next party ruling.
    pub armed: Option<CriterionCode>,
    pub mode: Mode,
}

/// Why a key did nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    NoSuchPrefix(String),
    NothingToVoid,
    NothingToDispute,
    /// A letter that means nothing in this mode.
    UnusedKey(char),
    /// A checkpoint asked for while a party number or a mark is being
    /// typed: kept, so that the ballot goes to the party being typed.
    FinishFirst,
}

/// What a key asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Rule(RulingRequest),
    Dispute {
        target: Seq,
        parties: Vec<PartyNumber>,
    },
    /// Show a checkpoint of the journal as it stands.
    Checkpoint,
    Refused(Refusal),
}

/// The invalid criteria with their keys.
pub fn invalid_keys(def: &StationDefinition) -> Vec<(char, CriterionCode)> {
    INVALID_KEYS
        .into_iter()
        .zip(def.criteria.of(Validity::Invalid).map(|c| c.code.clone()))
        .collect()
}

/// The valid criteria other than the default, with their keys.
pub fn valid_keys(def: &StationDefinition) -> Vec<(char, CriterionCode)> {
    VALID_KEYS
        .into_iter()
        .zip(
            def.criteria
                .of(Validity::Valid)
                .skip(1)
                .map(|c| c.code.clone()),
        )
        .collect()
}

impl KeyState {
    /// Handles one key.
    pub fn press(&mut self, key: CountKey, count: &Count) -> Option<Action> {
        match &mut self.mode {
            Mode::Ruling => self.ruling_key(key, count),
            Mode::Dispute { target, parties } => {
                let target = *target;
                match key {
                    CountKey::Digit(d) => self.digits.push(char::from(b'0' + d)),
                    CountKey::Space => take_number(&mut self.digits, parties),
                    CountKey::Backspace => {
                        if self.digits.pop().is_none() {
                            parties.pop();
                        }
                    }
                    CountKey::Escape => self.reset(),
                    CountKey::Enter => {
                        take_number(&mut self.digits, parties);
                        let parties: Vec<PartyNumber> =
                            parties.iter().copied().map(PartyNumber).collect();
                        self.reset();
                        if !parties.is_empty() {
                            return Some(Action::Dispute { target, parties });
                        }
                    }
                    CountKey::Letter(letter) => {
                        return Some(Action::Refused(Refusal::UnusedKey(letter)));
                    }
                }
                None
            }
            // The reason is typed in a text field; the screen ends this mode.
            Mode::Void { .. } => None,
        }
    }

    /// Back to ruling, with nothing pending.
    pub fn reset(&mut self) {
        *self = KeyState::default();
    }

    fn ruling_key(&mut self, key: CountKey, count: &Count) -> Option<Action> {
        let def = count.definition();
        match key {
            CountKey::Digit(d) => {
                self.digits.push(char::from(b'0' + d));
                let typed = self.digits.clone();
                let starting: Vec<String> = def
                    .parties
                    .iter()
                    .map(|p| p.number.to_string())
                    .filter(|n| n.starts_with(&typed))
                    .collect();
                if starting.is_empty() {
                    self.digits.clear();
                    return Some(Action::Refused(Refusal::NoSuchPrefix(typed)));
                }
                if starting.len() == 1 && starting[0] == typed {
                    return self.rule_party();
                }
                None
            }
            CountKey::Enter => {
                if self.digits.is_empty() {
                    return None;
                }
                let typed = self.digits.clone();
                let is_party = def.parties.iter().any(|p| p.number.to_string() == typed);
                if is_party {
                    self.rule_party()
                } else {
                    self.digits.clear();
                    Some(Action::Refused(Refusal::NoSuchPrefix(typed)))
                }
            }
            CountKey::Backspace => {
                if self.digits.pop().is_some() {
                    return None;
                }
                if self.armed.take().is_some() {
                    return None;
                }
                match count.last_live_ruling() {
                    Some((target, _)) => {
                        self.mode = Mode::Void { target };
                        None
                    }
                    None => Some(Action::Refused(Refusal::NothingToVoid)),
                }
            }
            CountKey::Escape => {
                self.reset();
                None
            }
            CountKey::Space => None,
            CountKey::Letter(letter) => {
                if let Some((_, code)) = invalid_keys(def).into_iter().find(|(k, _)| *k == letter) {
                    self.reset();
                    return Some(Action::Rule(RulingRequest {
                        choice: RulingChoice::Invalid {
                            code: code.to_string(),
                        },
                        disputed_by: vec![],
                        note: None,
                    }));
                }
                if let Some((_, code)) = valid_keys(def).into_iter().find(|(k, _)| *k == letter) {
                    self.armed = Some(code);
                    return None;
                }
                if letter == CHECKPOINT_KEY {
                    if !self.digits.is_empty() || self.armed.is_some() {
                        return Some(Action::Refused(Refusal::FinishFirst));
                    }
                    return Some(Action::Checkpoint);
                }
                if letter == DISPUTE_KEY {
                    self.digits.clear();
                    return match count.last_live_ruling() {
                        Some((target, _)) => {
                            self.mode = Mode::Dispute {
                                target,
                                parties: vec![],
                            };
                            None
                        }
                        None => Some(Action::Refused(Refusal::NothingToDispute)),
                    };
                }
                Some(Action::Refused(Refusal::UnusedKey(letter)))
            }
        }
    }

    /// Rules for the party typed, with the armed criterion if any.
    fn rule_party(&mut self) -> Option<Action> {
        let party: u32 = self.digits.parse().ok()?;
        let criterion = self.armed.take().map(|c| c.to_string());
        self.digits.clear();
        Some(Action::Rule(RulingRequest {
            choice: RulingChoice::Party { party, criterion },
            disputed_by: vec![],
            note: None,
        }))
    }

    /// A ruling for a party chosen with the mouse, with the armed criterion.
    pub fn click_party(&mut self, party: PartyNumber) -> Action {
        self.digits = party.to_string();
        self.mode = Mode::Ruling;
        self.rule_party()
            .unwrap_or(Action::Refused(Refusal::NoSuchPrefix(party.to_string())))
    }
}

fn take_number(digits: &mut String, parties: &mut Vec<u32>) {
    if let Ok(n) = digits.parse() {
        parties.push(n);
    }
    digits.clear();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::places::SAMPLE_STATION;
    use crate::domain::station::StationFile;
    use crate::journal::event::Event;
    use crate::journal::replay::apply_event;
    use std::sync::Arc;

    fn count() -> Count {
        let file = StationFile::parse(SAMPLE_STATION.to_vec()).unwrap();
        let mut c = Count::new(Arc::new(file.definition().clone()));
        c.apply_opening(Seq(1), None);
        c
    }

    fn keys(state: &mut KeyState, count: &Count, keys: &[CountKey]) -> Vec<Action> {
        keys.iter().filter_map(|k| state.press(*k, count)).collect()
    }

    fn party_of(action: &Action) -> (u32, Option<String>) {
        match action {
            Action::Rule(RulingRequest {
                choice: RulingChoice::Party { party, criterion },
                ..
            }) => (*party, criterion.clone()),
            other => panic!("not a party ruling: {other:?}"),
        }
    }

    use CountKey::*;

    #[test]
    fn a_digit_that_starts_no_longer_number_rules_at_once() {
        let c = count();
        let mut s = KeyState::default();
        let out = keys(&mut s, &c, &[Digit(3)]);
        assert_eq!(party_of(&out[0]), (3, None));
        assert!(s.digits.is_empty());
    }

    #[test]
    fn one_waits_for_enter_or_a_second_digit() {
        let c = count();
        let mut s = KeyState::default();
        assert!(keys(&mut s, &c, &[Digit(1)]).is_empty());
        assert_eq!(s.digits, "1");
        let out = keys(&mut s, &c, &[Digit(2)]);
        assert_eq!(party_of(&out[0]), (12, None));
        let out = keys(&mut s, &c, &[Digit(1), Enter]);
        assert_eq!(party_of(&out[0]), (1, None));
        let out = keys(&mut s, &c, &[Digit(1), Digit(3)]);
        assert_eq!(
            out,
            vec![Action::Refused(Refusal::NoSuchPrefix("13".into()))]
        );
        assert!(s.digits.is_empty());
        assert_eq!(
            keys(&mut s, &c, &[Digit(0)]),
            vec![Action::Refused(Refusal::NoSuchPrefix("0".into()))]
        );
    }

    #[test]
    fn letters_rule_invalid_or_pick_another_valid_mark() {
        let c = count();
        let mut s = KeyState::default();
        let out = keys(&mut s, &c, &[Letter('W')]);
        assert!(
            matches!(&out[0], Action::Rule(RulingRequest { choice: RulingChoice::Invalid { code }, .. }) if code == "I2")
        );
        let out = keys(&mut s, &c, &[Letter('X'), Digit(5)]);
        assert_eq!(party_of(&out[0]), (5, Some("V3".into())));
        assert_eq!(s.armed, None);
        // Esc drops a picked mark: the next party is ruled with the
        // default mark.
        keys(&mut s, &c, &[Letter('Z')]);
        assert!(s.armed.is_some());
        keys(&mut s, &c, &[Escape]);
        assert_eq!(s.armed, None);
        let out = keys(&mut s, &c, &[Digit(5)]);
        assert_eq!(party_of(&out[0]), (5, None));
        // Backspace drops typed digits first, and does nothing else.
        assert!(keys(&mut s, &c, &[Digit(1), Backspace]).is_empty());
        assert!(s.digits.is_empty());
    }

    #[test]
    fn a_checkpoint_waits_for_the_party_number_being_typed() {
        let c = count();
        let mut s = KeyState::default();
        assert_eq!(
            keys(&mut s, &c, &[Digit(1), Letter('K')]),
            vec![Action::Refused(Refusal::FinishFirst)]
        );
        assert_eq!(s.digits, "1");
        let out = keys(&mut s, &c, &[Digit(2)]);
        assert_eq!(party_of(&out[0]), (12, None));
        assert_eq!(keys(&mut s, &c, &[Letter('K')]), vec![Action::Checkpoint]);
    }

    #[test]
    fn dispute_and_void_act_on_the_last_live_ruling() {
        let mut c = count();
        let mut s = KeyState::default();
        assert_eq!(
            keys(&mut s, &c, &[Letter('D')]),
            vec![Action::Refused(Refusal::NothingToDispute)]
        );
        assert_eq!(
            keys(&mut s, &c, &[Backspace]),
            vec![Action::Refused(Refusal::NothingToVoid)]
        );
        let Action::Rule(request) = keys(&mut s, &c, &[Digit(4)]).remove(0) else {
            panic!()
        };
        let ruling = request.resolve(c.definition()).unwrap();
        apply_event(&mut c, Seq(2), Event::Ruling(ruling));
        let out = keys(
            &mut s,
            &c,
            &[Letter('D'), Digit(5), Space, Digit(1), Digit(1), Enter],
        );
        assert_eq!(
            out,
            vec![Action::Dispute {
                target: Seq(2),
                parties: vec![PartyNumber(5), PartyNumber(11)]
            }]
        );
        assert_eq!(s.mode, Mode::Ruling);
        keys(&mut s, &c, &[Backspace]);
        assert_eq!(s.mode, Mode::Void { target: Seq(2) });
        // In void mode the keys belong to the reason field.
        assert!(keys(&mut s, &c, &[Digit(3)]).is_empty());
    }
}
