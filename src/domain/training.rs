//! A training round: a record that holds no count, only a practice deck
//! (made from the seed, size and mix its opening entry names) and each
//! member's rulings of its cards. Its entries are hash-chained like a
//! count's, as evidence of the training; it can never be sealed, exported
//! or tabulated, and everything that shows it says TRAINING.

use crate::domain::free_text::FreeText;
use crate::domain::limits::{MAX_COUNT, MAX_NAME_CHARS};
use crate::domain::message::{Explain, Message, P};
use crate::domain::practice::{Answers, Deck, DeckError, MarkKind, Mix};
use crate::domain::ruling::{Ruling, RulingError, Verdict};
use crate::domain::seq::Seq;
use crate::domain::station::StationDefinition;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The most members who may answer in one round.
pub const MAX_MEMBERS: usize = 50;

/// What a training record's opening entry says about its deck.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrainingSpec {
    /// The seed the deck is made from (below 2^53, like every number
    /// hashed).
    pub seed: u64,
    /// How many cards.
    pub cards: u32,
    /// The weight of each kind of ballot.
    pub mix: BTreeMap<MarkKind, u32>,
    /// Who leads the round.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trainer: Option<FreeText>,
}

impl TrainingSpec {
    /// A round of `cards` cards made from `seed` with `mix`.
    pub fn new(seed: u64, cards: u32, mix: &Mix, trainer: Option<FreeText>) -> TrainingSpec {
        let mut weights = BTreeMap::new();
        for (kind, weight) in &mix.0 {
            *weights.entry(*kind).or_insert(0u32) = weight.saturating_add(0);
        }
        TrainingSpec {
            seed,
            cards,
            mix: weights,
            trainer: trainer.map(|t| t.trimmed()),
        }
    }

    /// The mix, kinds in their fixed order.
    pub fn mix(&self) -> Mix {
        Mix(self.mix.iter().map(|(k, w)| (*k, *w)).collect())
    }

    /// The deck this round rules, or why it cannot be made for `def`.
    pub fn deck(&self, def: &StationDefinition) -> Result<Deck, TrainingError> {
        if self.seed > MAX_COUNT {
            return Err(TrainingError::Seed(self.seed));
        }
        if let Some(trainer) = &self.trainer
            && (trainer.as_str().contains('\n')
                || trainer.as_str().chars().count() > MAX_NAME_CHARS)
        {
            return Err(TrainingError::Name {
                field: "trainer",
                name: trainer.as_str().to_string(),
            });
        }
        Deck::generate(def, self.seed, self.cards, &self.mix()).map_err(TrainingError::Deck)
    }
}

/// Why a training entry cannot be recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TrainingError {
    Deck(DeckError),
    Seed(u64),
    Name {
        field: &'static str,
        name: String,
    },
    /// An answer in a record that is a count.
    NotTraining,
    /// A count's entry (a ruling, a figure, a seal, ...) in a training
    /// record.
    OnlyTraining {
        kind: &'static str,
    },
    NoSuchCard {
        card: u32,
        cards: u32,
    },
    TooManyMembers,
    Ruling(RulingError),
}

impl Explain for TrainingError {
    fn message(&self) -> Message {
        match self {
            TrainingError::Deck(err) => deck_message(err),
            TrainingError::Seed(seed) => Message::new(P::TooLarge)
                .num("value", *seed)
                .num("max", MAX_COUNT)
                .at("seed"),
            TrainingError::Name { field, name } => Message::new(P::NameOneLine)
                .num("max", MAX_NAME_CHARS as u64)
                .quoted("value", name)
                .at(*field),
            TrainingError::NotTraining => Message::new(P::AnswerInCount),
            TrainingError::OnlyTraining { kind } => {
                Message::new(P::CountEntryInTraining).text("kind", kind)
            }
            TrainingError::NoSuchCard { card, cards } => Message::new(P::NoSuchCard)
                .num("card", u64::from(*card))
                .num("cards", u64::from(*cards))
                .at("card"),
            TrainingError::TooManyMembers => Message::new(P::TooManyMembers)
                .num("max", MAX_MEMBERS as u64)
                .at("member"),
            TrainingError::Ruling(err) => err.message(),
        }
    }
}

/// Why a deck cannot be made, as a message naming the argument.
pub fn deck_message(err: &DeckError) -> Message {
    match err {
        DeckError::Size(size) => Message::new(P::DeckSize)
            .num("value", u64::from(*size))
            .num("max", u64::from(crate::domain::practice::MAX_CARDS))
            .at("cards"),
        DeckError::MissingCriterion { kind, code } => Message::new(P::DeckCriterionMissing)
            .text("kind", kind)
            .text("code", code)
            .at("mix"),
        DeckError::EmptyMix => Message::new(P::DeckEmptyMix).at("mix"),
        DeckError::TooFewParties => Message::new(P::DeckTooFewParties).at("mix"),
    }
}

/// One member's answers so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberAnswers {
    pub member: FreeText,
    /// Card by card (index 0 = card 1): the ruling last given, and the seq
    /// of its entry.
    pub rulings: Vec<Option<(Seq, Verdict)>>,
}

impl MemberAnswers {
    /// How many cards the member has ruled.
    pub fn ruled(&self) -> usize {
        self.rulings.iter().filter(|r| r.is_some()).count()
    }

    /// The first card (from 1) the member has not ruled yet.
    pub fn next_card(&self) -> Option<u32> {
        self.rulings
            .iter()
            .position(Option::is_none)
            .map(|i| i as u32 + 1)
    }
}

/// The state of a training round.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Training {
    pub spec: TrainingSpec,
    pub deck: Deck,
    /// In the order the members first answered.
    members: Vec<MemberAnswers>,
}

/// Whether two names are one member's: compared word by word, whatever
/// the spaces between the words and the case of the letters ("Sok  Dara"
/// and "sok dara" are one member).
pub fn same_member(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> { s.split_whitespace().map(str::to_lowercase).collect() };
    words(a) == words(b)
}

impl Training {
    /// A round with no answers yet.
    pub fn new(spec: TrainingSpec, deck: Deck) -> Training {
        Training {
            spec,
            deck,
            members: Vec::new(),
        }
    }

    pub fn members(&self) -> &[MemberAnswers] {
        &self.members
    }

    /// The answers of the member named `name`, if they answered.
    pub fn member(&self, name: &str) -> Option<&MemberAnswers> {
        self.members
            .iter()
            .find(|m| same_member(m.member.as_str(), name))
    }

    /// May `member` rule card `card` this way? A later answer to a card
    /// replaces the member's earlier one.
    pub fn check_answer(
        &self,
        def: &StationDefinition,
        member: &FreeText,
        card: u32,
        verdict: &Verdict,
    ) -> Result<(), TrainingError> {
        let name = member.as_str().trim();
        if name.contains('\n') || name.chars().count() > MAX_NAME_CHARS {
            return Err(TrainingError::Name {
                field: "member",
                name: name.to_string(),
            });
        }
        let cards = self.deck.cards.len() as u32;
        if card == 0 || card > cards {
            return Err(TrainingError::NoSuchCard { card, cards });
        }
        if self.member(name).is_none() && self.members.len() >= MAX_MEMBERS {
            return Err(TrainingError::TooManyMembers);
        }
        let ruling = Ruling {
            verdict: verdict.clone(),
            disputed_by: vec![],
            note: None,
        };
        ruling.check(def).map_err(TrainingError::Ruling)
    }

    /// Records an answer [`Training::check_answer`] admitted.
    pub fn apply_answer(&mut self, seq: Seq, member: &FreeText, card: u32, verdict: Verdict) {
        let cards = self.deck.cards.len();
        let index = match self
            .members
            .iter()
            .position(|m| same_member(m.member.as_str(), member.as_str()))
        {
            Some(i) => i,
            None => {
                self.members.push(MemberAnswers {
                    member: member.trimmed(),
                    rulings: vec![None; cards],
                });
                self.members.len() - 1
            }
        };
        if let Some(slot) = self.members[index]
            .rulings
            .get_mut((card as usize).wrapping_sub(1))
        {
            *slot = Some((seq, verdict));
        }
    }

    /// Every member's answers, as the scoring takes them.
    pub fn answers(&self) -> Vec<Answers> {
        self.members
            .iter()
            .map(|m| Answers {
                member: m.member.as_str().to_string(),
                rulings: m
                    .rulings
                    .iter()
                    .map(|r| r.as_ref().map(|(_, v)| v.clone()))
                    .collect(),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::criteria::CriterionCode;
    use crate::domain::party::PartyNumber;
    use crate::domain::station::StationFile;

    fn station() -> StationFile {
        StationFile::parse(include_bytes!("../../assets/sample-station.json").to_vec()).unwrap()
    }

    fn invalid(code: &str) -> Verdict {
        Verdict::Invalid {
            criterion: CriterionCode::parse(code).unwrap(),
        }
    }

    #[test]
    fn the_spec_serializes_its_mix_by_the_words_of_the_deck_files() {
        let spec = TrainingSpec::new(
            9,
            20,
            &Mix(vec![(MarkKind::TwoParties, 2), (MarkKind::Tick, 3)]),
            None,
        );
        let json = serde_json::to_string(&spec).unwrap();
        assert_eq!(
            json,
            r#"{"seed":9,"cards":20,"mix":{"tick":3,"two-parties":2}}"#
        );
        assert_eq!(serde_json::from_str::<TrainingSpec>(&json).unwrap(), spec);
        assert!(
            serde_json::from_str::<TrainingSpec>(r#"{"seed":9,"cards":20,"mix":{"smudge":1}}"#)
                .is_err()
        );
    }

    #[test]
    fn a_spec_that_makes_no_deck_says_which_argument() {
        let s = station();
        let def = s.definition();
        let too_big = TrainingSpec::new(1 << 53, 20, &Mix::default(), None);
        assert_eq!(too_big.deck(def), Err(TrainingError::Seed(1 << 53)));
        let none = TrainingSpec::new(1, 0, &Mix::default(), None);
        let message = none.deck(def).unwrap_err().message();
        assert!(
            matches!(&message, Message::At { field, .. } if field == "cards"),
            "{message:?}"
        );
        assert!(
            TrainingSpec::new(1, 20, &Mix::default(), None)
                .deck(def)
                .is_ok()
        );
    }

    #[test]
    fn a_later_answer_replaces_the_earlier_and_names_match_whatever_the_spaces_and_case() {
        let s = station();
        let def = s.definition();
        let spec = TrainingSpec::new(4, 5, &Mix::default(), None);
        let mut t = Training::new(spec.clone(), spec.deck(def).unwrap());
        let sok = FreeText::parse("member", "Sok ").unwrap();
        t.check_answer(def, &sok, 1, &invalid("I2")).unwrap();
        t.apply_answer(Seq(2), &sok, 1, invalid("I2"));
        let again = FreeText::parse("member", " sok").unwrap();
        t.apply_answer(Seq(3), &again, 1, invalid("I3"));
        assert!(same_member("Sok  Dara", "sok dara"));
        assert!(!same_member("Sok Dara", "Sok Daran"));
        assert_eq!(t.members().len(), 1);
        assert_eq!(t.members()[0].member.as_str(), "Sok");
        assert_eq!(t.members()[0].rulings[0], Some((Seq(3), invalid("I3"))));
        assert_eq!(t.members()[0].next_card(), Some(2));
        assert_eq!(
            t.check_answer(def, &sok, 6, &invalid("I2")),
            Err(TrainingError::NoSuchCard { card: 6, cards: 5 })
        );
        assert_eq!(
            t.check_answer(def, &sok, 0, &invalid("I2")),
            Err(TrainingError::NoSuchCard { card: 0, cards: 5 })
        );
        let unknown = Verdict::Valid {
            party: PartyNumber(77),
            criterion: CriterionCode::parse("V1").unwrap(),
        };
        assert!(matches!(
            t.check_answer(def, &sok, 2, &unknown),
            Err(TrainingError::Ruling(_))
        ));
        let answers = t.answers();
        assert_eq!(answers[0].rulings.len(), 5);
        assert_eq!(answers[0].rulings[0], Some(invalid("I3")));
    }

    #[test]
    fn no_more_members_than_the_bound() {
        let s = station();
        let def = s.definition();
        let spec = TrainingSpec::new(4, 2, &Mix(vec![(MarkKind::Blank, 1)]), None);
        let mut t = Training::new(spec.clone(), spec.deck(def).unwrap());
        for i in 0..MAX_MEMBERS {
            let name = FreeText::parse("member", &format!("M{i}")).unwrap();
            t.check_answer(def, &name, 1, &invalid("I2")).unwrap();
            t.apply_answer(Seq(i as u64 + 2), &name, 1, invalid("I2"));
        }
        let one_more = FreeText::parse("member", "Late").unwrap();
        assert_eq!(
            t.check_answer(def, &one_more, 1, &invalid("I2")),
            Err(TrainingError::TooManyMembers)
        );
        let known = FreeText::parse("member", "M3").unwrap();
        assert!(t.check_answer(def, &known, 2, &invalid("I2")).is_ok());
    }
}
