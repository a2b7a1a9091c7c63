//! Practice ballots for training a commission: a deck of cards, each a
//! ballot of the loaded station marked in one known way with some random
//! variation, and the ruling the written criteria give it. The deck is made
//! from a seed, so the same seed, size and mix give the same deck on every
//! laptop; each card says what is on it, and drawing it is left to the
//! drawing code (one drawing for screens, forms and tests).

use crate::domain::criteria::{CriteriaSet, CriterionCode};
use crate::domain::message::{Message, P};
use crate::domain::ruling::Verdict;
use crate::domain::station::StationDefinition;

/// The kinds of marking a practice ballot can have, each tied to the
/// default criterion that rules it.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum MarkKind {
    /// The prescribed tick inside one party's box (V1).
    Tick,
    /// Another mark inside one box: X, circle, ... (V2).
    OtherMark,
    /// One mark beside the box, on one party's row (V3).
    BesideBox,
    /// A faint or partial tick in one box (V4).
    Faint,
    /// No official stamp (I1).
    NoStamp,
    /// No mark at all (I2).
    Blank,
    /// Marks for two parties (I3).
    TwoParties,
    /// A mark across two rows (I4).
    Straddling,
    /// A name or signature beside a tick (I5).
    Identifying,
    /// Torn across its boxes (I6).
    Damaged,
}

impl MarkKind {
    pub const ALL: [MarkKind; 10] = [
        MarkKind::Tick,
        MarkKind::OtherMark,
        MarkKind::BesideBox,
        MarkKind::Faint,
        MarkKind::NoStamp,
        MarkKind::Blank,
        MarkKind::TwoParties,
        MarkKind::Straddling,
        MarkKind::Identifying,
        MarkKind::Damaged,
    ];

    /// The default criterion that rules this kind of ballot.
    pub fn criterion(self) -> &'static str {
        match self {
            MarkKind::Tick => "V1",
            MarkKind::OtherMark => "V2",
            MarkKind::BesideBox => "V3",
            MarkKind::Faint => "V4",
            MarkKind::NoStamp => "I1",
            MarkKind::Blank => "I2",
            MarkKind::TwoParties => "I3",
            MarkKind::Straddling => "I4",
            MarkKind::Identifying => "I5",
            MarkKind::Damaged => "I6",
        }
    }

    /// Whether the ballot counts for the party it marks.
    pub fn is_valid(self) -> bool {
        matches!(
            self,
            MarkKind::Tick | MarkKind::OtherMark | MarkKind::BesideBox | MarkKind::Faint
        )
    }

    /// The word used in deck files and on the command line.
    pub fn word(self) -> &'static str {
        match self {
            MarkKind::Tick => "tick",
            MarkKind::OtherMark => "other-mark",
            MarkKind::BesideBox => "beside-box",
            MarkKind::Faint => "faint",
            MarkKind::NoStamp => "no-stamp",
            MarkKind::Blank => "blank",
            MarkKind::TwoParties => "two-parties",
            MarkKind::Straddling => "straddling",
            MarkKind::Identifying => "identifying",
            MarkKind::Damaged => "damaged",
        }
    }

    pub fn from_word(word: &str) -> Option<MarkKind> {
        MarkKind::ALL.into_iter().find(|k| k.word() == word)
    }
}

/// The shape of a mark other than the prescribed tick.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Shape {
    Cross,
    Circle,
    Vee,
    Wave,
}

/// One practice ballot.
#[derive(Debug, Clone, PartialEq)]
pub struct Card {
    /// Its place in the deck, from 1.
    pub number: u32,
    pub kind: MarkKind,
    /// The ballot rows (0 = the first party on the ballot) the marks are
    /// on: one row, two for [`MarkKind::TwoParties`] and the two rows a
    /// [`MarkKind::Straddling`] mark crosses; none for a blank ballot.
    pub rows: Vec<usize>,
    pub shape: Shape,
    /// How far the mark is from where it would be drawn exactly, as
    /// fractions of a box (-0.3 to 0.3), and its size (0.7 to 1.3).
    pub offset: (f32, f32),
    pub scale: f32,
    /// The ruling the criteria give this ballot.
    pub expected: Verdict,
}

/// How many cards of each kind, as weights (a kind of weight 0 is left
/// out).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mix(pub Vec<(MarkKind, u32)>);

impl Default for Mix {
    /// Mostly ballots a commission rules without doubt, with every doubtful
    /// kind present.
    fn default() -> Mix {
        Mix(vec![
            (MarkKind::Tick, 4),
            (MarkKind::OtherMark, 2),
            (MarkKind::BesideBox, 2),
            (MarkKind::Faint, 2),
            (MarkKind::NoStamp, 1),
            (MarkKind::Blank, 1),
            (MarkKind::TwoParties, 2),
            (MarkKind::Straddling, 2),
            (MarkKind::Identifying, 1),
            (MarkKind::Damaged, 1),
        ])
    }
}

impl Mix {
    /// Parses `KIND=WEIGHT,...` (weights 0 to 1000); a kind named twice is
    /// refused, a kind left out weighs 0.
    pub fn parse(text: &str) -> Result<Mix, Message> {
        let kinds = || {
            MarkKind::ALL
                .iter()
                .map(|k| k.word())
                .collect::<Vec<_>>()
                .join(", ")
        };
        let mut weights: Vec<(MarkKind, u32)> = Vec::new();
        for part in text.split(',') {
            let entry = part
                .split_once('=')
                .and_then(|(kind, weight)| {
                    Some((
                        MarkKind::from_word(kind.trim())?,
                        weight.trim().parse::<u32>().ok()?,
                    ))
                })
                .filter(|(_, weight)| *weight <= 1000);
            let Some((kind, weight)) = entry else {
                return Err(Message::new(P::NotMixEntry)
                    .quoted("value", part)
                    .text("kinds", kinds()));
            };
            // A kind given twice is a slip, not a weight to guess.
            if weights.iter().any(|(k, _)| *k == kind) {
                return Err(Message::new(P::MixKindTwice).text("kind", kind.word()));
            }
            weights.push((kind, weight));
        }
        weights.sort();
        Ok(Mix(weights))
    }
}

/// Why a deck cannot be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeckError {
    /// Size 0, or more than [`MAX_CARDS`].
    Size(u32),
    /// The station's criteria lack a code a kind in the mix is ruled by (a
    /// station file that replaced the default set).
    MissingCriterion {
        kind: &'static str,
        code: &'static str,
    },
    /// Nothing to draw: every weight is 0.
    EmptyMix,
    /// A straddling or two-party ballot needs two parties on the ballot.
    TooFewParties,
}

/// The most cards a deck holds.
pub const MAX_CARDS: u32 = 500;

/// A deck of practice ballots for one station.
#[derive(Debug, Clone, PartialEq)]
pub struct Deck {
    pub seed: u64,
    pub cards: Vec<Card>,
}

// A card's fractions are hundredths made from integers: never NaN.
impl Eq for Card {}
impl Eq for Deck {}

impl Deck {
    /// `size` cards for the station `def`, kinds drawn by the weights of
    /// `mix`, every kind of positive weight at least once when the deck is
    /// large enough, in an order shuffled by `seed`.
    pub fn generate(
        def: &StationDefinition,
        seed: u64,
        size: u32,
        mix: &Mix,
    ) -> Result<Deck, DeckError> {
        if size == 0 || size > MAX_CARDS {
            return Err(DeckError::Size(size));
        }
        let kinds: Vec<(MarkKind, u32)> = mix.0.iter().copied().filter(|(_, w)| *w > 0).collect();
        if kinds.is_empty() {
            return Err(DeckError::EmptyMix);
        }
        // Each kind with the station's code for its criterion.
        let mut coded = Vec::with_capacity(kinds.len());
        for (kind, weight) in &kinds {
            let code =
                code_in(&def.criteria, kind.criterion()).ok_or(DeckError::MissingCriterion {
                    kind: kind.word(),
                    code: kind.criterion(),
                })?;
            coded.push((*kind, u64::from(*weight), code));
        }
        let parties = def.parties.len();
        let needs_two = kinds
            .iter()
            .any(|(k, _)| matches!(k, MarkKind::TwoParties | MarkKind::Straddling));
        if parties == 0 || (needs_two && parties < 2) {
            return Err(DeckError::TooFewParties);
        }
        let mut rng = SplitMix(seed);
        // Every kind once (as far as the size allows), the rest by weight;
        // each card as the index of its kind in `coded`.
        let total: u64 = coded.iter().map(|(_, w, _)| w).sum();
        let mut drawn: Vec<usize> = (0..coded.len().min(size as usize)).collect();
        while drawn.len() < size as usize {
            let mut pick = rng.below(total);
            for (i, (_, weight, _)) in coded.iter().enumerate() {
                if pick < *weight {
                    drawn.push(i);
                    break;
                }
                pick -= weight;
            }
        }
        // Fisher-Yates.
        for i in (1..drawn.len()).rev() {
            let j = rng.below(i as u64 + 1) as usize;
            drawn.swap(i, j);
        }
        let cards = drawn
            .into_iter()
            .enumerate()
            .map(|(number, i)| {
                let (kind, _, code) = &coded[i];
                card(def, &mut rng, number as u32 + 1, *kind, code.clone())
            })
            .collect();
        Ok(Deck { seed, cards })
    }
}

fn code_in(criteria: &CriteriaSet, code: &str) -> Option<CriterionCode> {
    let code = CriterionCode::parse(code).ok()?;
    criteria.get(&code).map(|c| c.code.clone())
}

/// One card of `kind`, ruled under `criterion`; the station has at least
/// one party, and two for the kinds that mark two rows.
fn card(
    def: &StationDefinition,
    rng: &mut SplitMix,
    number: u32,
    kind: MarkKind,
    criterion: CriterionCode,
) -> Card {
    let parties = def.parties.len() as u64;
    let row = rng.below(parties) as usize;
    let rows = match kind {
        MarkKind::Blank => vec![],
        MarkKind::TwoParties => {
            let other = (row + 1 + rng.below(parties - 1) as usize) % parties as usize;
            let mut two = vec![row, other];
            two.sort_unstable();
            two
        }
        MarkKind::Straddling => {
            let top = rng.below(parties - 1) as usize;
            vec![top, top + 1]
        }
        _ => vec![row],
    };
    let shape = [Shape::Cross, Shape::Circle, Shape::Vee, Shape::Wave][rng.below(4) as usize];
    let offset = (rng.fraction(0.3), rng.fraction(0.3));
    let scale = 1.0 + rng.fraction(0.3);
    let expected = match def.parties.get(row) {
        Some(party) if kind.is_valid() => Verdict::Valid {
            party: party.number,
            criterion,
        },
        _ => Verdict::Invalid { criterion },
    };
    Card {
        number,
        kind,
        rows,
        shape,
        offset,
        scale,
        expected,
    }
}

/// One member's rulings of a deck, card by card (`None` for a card the
/// member did not rule).
#[derive(Debug, Clone, PartialEq)]
pub struct Answers {
    pub member: String,
    pub rulings: Vec<Option<Verdict>>,
}

/// How one member did.
#[derive(Debug, Clone, PartialEq)]
pub struct MemberScore {
    pub member: String,
    pub ruled: usize,
    pub correct: usize,
    /// Per criterion the card's expected ruling is under: (cards, correct).
    pub per_criterion: Vec<(CriterionCode, usize, usize)>,
}

/// A card the members who ruled it ruled in more than one way.
#[derive(Debug, Clone, PartialEq)]
pub struct Disagreement {
    pub card: u32,
    pub expected: Verdict,
    /// Each member's ruling, in the order the answers were given.
    pub rulings: Vec<(String, Option<Verdict>)>,
}

/// A training round scored: each member, the commission's agreement, and
/// the cards to talk over.
#[derive(Debug, Clone, PartialEq)]
pub struct Scores {
    pub members: Vec<MemberScore>,
    /// Agreement over the whole rulings (party and criterion), among the
    /// members whose rulings cover the most (members times the cards all of
    /// them ruled), over the cards they all ruled; `None` with fewer than
    /// two members.
    pub agreement: Option<crate::domain::agreement::Agreement>,
    /// Agreement on the criterion alone, per criterion chosen, over the same
    /// cards.
    pub by_criterion: Vec<(CriterionCode, Option<f64>)>,
    pub disagreements: Vec<Disagreement>,
    /// The members the agreement leaves out (they did not rule every card),
    /// with how many cards they ruled.
    pub left_out: Vec<(String, usize)>,
}

/// Scores the members' answers to `deck`.
pub fn score(deck: &Deck, answers: &[Answers]) -> Scores {
    let members = answers
        .iter()
        .map(|a| {
            let mut per: Vec<(CriterionCode, usize, usize)> = Vec::new();
            let (mut ruled, mut correct) = (0, 0);
            for (card, ruling) in deck.cards.iter().zip(&a.rulings) {
                let code = card.expected.criterion().clone();
                let right = ruling.as_ref() == Some(&card.expected);
                ruled += usize::from(ruling.is_some());
                correct += usize::from(right);
                match per.iter_mut().find(|(c, _, _)| *c == code) {
                    Some(entry) => {
                        entry.1 += 1;
                        entry.2 += usize::from(right);
                    }
                    None => per.push((code, 1, usize::from(right))),
                }
            }
            per.sort_by(|a, b| a.0.cmp(&b.0));
            MemberScore {
                member: a.member.clone(),
                ruled,
                correct,
                per_criterion: per,
            }
        })
        .collect();
    // The raters: the members whose rulings together cover the most
    // (members times the cards all of them ruled), so that a member who
    // ruled a card or two does not shrink the agreement to those cards,
    // and one who missed a card is not dropped for it. Ties keep more
    // members.
    let mut by_ruled: Vec<&Answers> = answers.iter().collect();
    by_ruled.sort_by_key(|a| std::cmp::Reverse(a.rulings.iter().filter(|r| r.is_some()).count()));
    let common = |raters: &[&Answers]| {
        (0..deck.cards.len())
            .filter(|i| {
                raters
                    .iter()
                    .all(|a| a.rulings.get(*i).is_some_and(Option::is_some))
            })
            .count()
    };
    let mut best = by_ruled.len();
    let mut best_cover = by_ruled.len() * common(&by_ruled);
    for k in (2..by_ruled.len()).rev() {
        let cover = k * common(&by_ruled[..k]);
        if cover > best_cover {
            best = k;
            best_cover = cover;
        }
    }
    let raters: Vec<&Answers> = by_ruled[..best].to_vec();
    let left_out = answers
        .iter()
        .filter(|a| !raters.iter().any(|r| std::ptr::eq(*r, *a)))
        .map(|a| {
            (
                a.member.clone(),
                a.rulings.iter().filter(|r| r.is_some()).count(),
            )
        })
        .collect();
    // The cards every rater ruled.
    let complete: Vec<(usize, Vec<&Verdict>)> = (0..deck.cards.len())
        .filter_map(|i| {
            let all: Option<Vec<&Verdict>> = raters
                .iter()
                .map(|a| a.rulings.get(i).and_then(Option::as_ref))
                .collect();
            all.map(|v| (i, v))
        })
        .collect();
    let table = |key: &dyn Fn(&Verdict) -> String| -> (Vec<String>, Vec<Vec<u64>>) {
        let mut categories: Vec<String> = complete
            .iter()
            .flat_map(|(_, v)| v.iter().map(|x| key(x)))
            .collect();
        categories.sort();
        categories.dedup();
        let rows = complete
            .iter()
            .map(|(_, v)| {
                categories
                    .iter()
                    .map(|c| v.iter().filter(|x| key(x) == *c).count() as u64)
                    .collect()
            })
            .collect();
        (categories, rows)
    };
    let (agreement, by_criterion) = if raters.len() >= 2 && !complete.is_empty() {
        let (_, whole) = table(&|v: &Verdict| v.to_string());
        let (codes, rows) = table(&|v: &Verdict| v.criterion().to_string());
        let per = crate::domain::agreement::fleiss(&rows).ok();
        let by_criterion = codes
            .iter()
            .enumerate()
            .filter_map(|(j, c)| {
                let kappa = per
                    .as_ref()
                    .and_then(|a| a.per_category.get(j).copied().flatten());
                CriterionCode::parse(c).ok().map(|code| (code, kappa))
            })
            .collect();
        (crate::domain::agreement::fleiss(&whole).ok(), by_criterion)
    } else {
        (None, vec![])
    };
    let disagreements = deck
        .cards
        .iter()
        .enumerate()
        .filter_map(|(i, card)| {
            let rulings: Vec<(String, Option<Verdict>)> = answers
                .iter()
                .map(|a| (a.member.clone(), a.rulings.get(i).cloned().flatten()))
                .collect();
            // Ruled two ways by the members who ruled it: a card a member
            // left unruled is no disagreement by itself.
            let mut given = rulings.iter().filter_map(|(_, r)| r.as_ref());
            let first = given.next();
            let alike = given.all(|r| Some(r) == first);
            (!alike).then(|| Disagreement {
                card: card.number,
                expected: card.expected.clone(),
                rulings,
            })
        })
        .collect();
    Scores {
        members,
        agreement,
        by_criterion,
        disagreements,
        left_out,
    }
}

/// SplitMix64: a small, fixed generator, so that a seed gives the same deck
/// in every build on every machine.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0), without the bias of a plain modulo.
    fn below(&mut self, n: u64) -> u64 {
        let zone = u64::MAX - u64::MAX % n;
        loop {
            let x = self.next();
            if x < zone {
                return x % n;
            }
        }
    }

    /// A number in `-within..=within`, in steps of a hundredth.
    fn fraction(&mut self, within: f32) -> f32 {
        let steps = (within * 100.0).round() as u64;
        (self.below(2 * steps + 1) as f32 - steps as f32) / 100.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::criteria::Validity;
    use crate::domain::station::StationFile;

    fn station() -> StationFile {
        StationFile::parse(include_bytes!("../../assets/sample-station.json").to_vec()).unwrap()
    }

    #[test]
    fn the_same_seed_size_and_mix_give_the_same_deck() {
        let s = station();
        let def = s.definition();
        let a = Deck::generate(def, 7, 40, &Mix::default()).unwrap();
        assert_eq!(a, Deck::generate(def, 7, 40, &Mix::default()).unwrap());
        assert_ne!(a, Deck::generate(def, 8, 40, &Mix::default()).unwrap());
        assert_eq!(a.cards.len(), 40);
        assert!(
            a.cards
                .iter()
                .enumerate()
                .all(|(i, c)| c.number == i as u32 + 1)
        );
        // A fixed card of a fixed seed: the generator is the same everywhere.
        let first = &Deck::generate(def, 1, 20, &Mix::default()).unwrap().cards[0];
        assert_eq!(
            (first.kind, first.rows.clone()),
            (MarkKind::Damaged, vec![2]),
            "{first:?}"
        );
    }

    #[test]
    fn every_cards_expected_ruling_is_one_the_criteria_allow() {
        let s = station();
        let def = s.definition();
        for seed in 0..50 {
            let deck = Deck::generate(def, seed, 60, &Mix::default()).unwrap();
            let kinds: std::collections::BTreeSet<MarkKind> =
                deck.cards.iter().map(|c| c.kind).collect();
            assert_eq!(
                kinds.len(),
                MarkKind::ALL.len(),
                "every kind in a deck of 60"
            );
            for card in &deck.cards {
                let ruling = crate::domain::ruling::Ruling {
                    verdict: card.expected.clone(),
                    disputed_by: vec![],
                    note: None,
                };
                ruling.check(def).unwrap();
                assert_eq!(card.expected.criterion().as_str(), card.kind.criterion());
                let validity = def
                    .criteria
                    .get(card.expected.criterion())
                    .unwrap()
                    .validity;
                assert_eq!(validity == Validity::Valid, card.kind.is_valid());
                match card.kind {
                    MarkKind::Blank => assert!(card.rows.is_empty()),
                    MarkKind::TwoParties => {
                        assert!(card.rows.len() == 2 && card.rows[0] < card.rows[1]);
                    }
                    MarkKind::Straddling => assert_eq!(card.rows[1], card.rows[0] + 1),
                    _ => assert_eq!(card.rows.len(), 1),
                }
                assert!(card.rows.iter().all(|r| *r < def.parties.len()));
                if let Some(party) = card.expected.party() {
                    assert_eq!(def.parties[card.rows[0]].number, party);
                }
                assert!((0.7..=1.3).contains(&card.scale));
                assert!(card.offset.0.abs() <= 0.3 && card.offset.1.abs() <= 0.3);
            }
        }
    }

    #[test]
    fn the_mix_sets_the_kinds_drawn() {
        let s = station();
        let def = s.definition();
        let only = Mix(vec![(MarkKind::Faint, 1), (MarkKind::Blank, 3)]);
        let deck = Deck::generate(def, 3, 400, &only).unwrap();
        let faint = deck
            .cards
            .iter()
            .filter(|c| c.kind == MarkKind::Faint)
            .count();
        assert!(
            deck.cards
                .iter()
                .all(|c| matches!(c.kind, MarkKind::Faint | MarkKind::Blank))
        );
        assert!(
            (60..=140).contains(&faint),
            "{faint} of 400 at a weight of 1 in 4"
        );
    }

    #[test]
    fn a_round_is_scored_per_member_and_the_disagreed_cards_listed() {
        let s = station();
        let def = s.definition();
        let deck = Deck::generate(def, 11, 20, &Mix::default()).unwrap();
        let right: Vec<Option<Verdict>> = deck
            .cards
            .iter()
            .map(|c| Some(c.expected.clone()))
            .collect();
        // The second member calls every two-party ballot valid for its first
        // party, and leaves card 20 unruled.
        let mut second = right.clone();
        let mut changed = vec![];
        for (i, card) in deck.cards.iter().enumerate() {
            if card.kind == MarkKind::TwoParties {
                second[i] = Some(Verdict::Valid {
                    party: def.parties[card.rows[0]].number,
                    criterion: CriterionCode::parse("V1").unwrap(),
                });
                changed.push(card.number);
            }
        }
        assert!(!changed.is_empty());
        second[19] = None;
        let answers = vec![
            Answers {
                member: "Sok".into(),
                rulings: right.clone(),
            },
            Answers {
                member: "Dara".into(),
                rulings: second,
            },
            Answers {
                member: "Vanna".into(),
                rulings: right.clone(),
            },
        ];
        let scores = score(&deck, &answers);
        assert_eq!(
            (scores.members[0].ruled, scores.members[0].correct),
            (20, 20)
        );
        let dara = &scores.members[1];
        let wrong_last = usize::from(!changed.contains(&20));
        assert_eq!(dara.ruled, 19);
        assert_eq!(dara.correct, 20 - changed.len() - wrong_last);
        let i3 = dara
            .per_criterion
            .iter()
            .find(|(c, _, _)| c.as_str() == "I3")
            .unwrap();
        assert_eq!((i3.1, i3.2), (changed.len(), 0));
        // Card 20, left unruled by Dara and ruled alike by the others, is
        // no disagreement (unless Dara's rule changed it too).
        let mut disagreed: Vec<u32> = scores.disagreements.iter().map(|d| d.card).collect();
        let mut expected = changed.clone();
        expected.sort_unstable();
        disagreed.sort_unstable();
        assert_eq!(disagreed, expected);
        let agreement = scores.agreement.unwrap();
        assert_eq!((agreement.subjects, agreement.raters), (19, 3));
        assert!(agreement.kappa.unwrap() < 1.0);
        assert!(
            scores.left_out.is_empty(),
            "a member who missed one card rates"
        );
        // A fourth member who ruled one card is left out of the agreement,
        // which stays over every card among those who finished.
        let mut late = vec![None; 20];
        late[0] = Some(deck.cards[0].expected.clone());
        let mut four = answers.clone();
        four[1].rulings[19] = deck.cards[19].expected.clone().into();
        four.push(Answers {
            member: "Pich".into(),
            rulings: late,
        });
        let scores = score(&deck, &four);
        assert_eq!(scores.left_out, vec![("Pich".to_string(), 1)]);
        let agreement = scores.agreement.unwrap();
        assert_eq!((agreement.subjects, agreement.raters), (20, 3));
        // Everybody alike: full agreement, nothing to talk over.
        let same = vec![
            Answers {
                member: "Sok".into(),
                rulings: right.clone(),
            },
            Answers {
                member: "Vanna".into(),
                rulings: right,
            },
        ];
        let scores = score(&deck, &same);
        assert!(scores.disagreements.is_empty());
        assert!((scores.agreement.unwrap().kappa.unwrap() - 1.0).abs() < 1e-12);
        assert!(
            scores
                .by_criterion
                .iter()
                .all(|(_, k)| k.is_none_or(|k| (k - 1.0).abs() < 1e-12))
        );
    }

    #[test]
    fn a_mix_is_read_from_kind_weight_pairs() {
        assert_eq!(
            Mix::parse("two-parties=2, tick=3").unwrap(),
            Mix(vec![(MarkKind::Tick, 3), (MarkKind::TwoParties, 2)])
        );
        assert_eq!(
            format!("{:?}", Mix::parse("tick=1,blank=2,tick=3").unwrap_err()),
            format!("{:?}", Message::new(P::MixKindTwice).text("kind", "tick"))
        );
        for bad in ["smudge=1", "tick", "tick=-1", "tick=1001", "", "tick=1,"] {
            let err = Mix::parse(bad).unwrap_err();
            assert!(
                format!("{err:?}").contains("NotMixEntry"),
                "{bad:?}: {err:?}"
            );
        }
    }

    #[test]
    fn decks_that_cannot_be_made_say_why() {
        let s = station();
        let def = s.definition();
        assert_eq!(
            Deck::generate(def, 1, 0, &Mix::default()),
            Err(DeckError::Size(0))
        );
        assert_eq!(
            Deck::generate(def, 1, MAX_CARDS + 1, &Mix::default()),
            Err(DeckError::Size(MAX_CARDS + 1))
        );
        assert_eq!(
            Deck::generate(def, 1, 5, &Mix(vec![(MarkKind::Tick, 0)])),
            Err(DeckError::EmptyMix)
        );
        let mut one_party = def.clone();
        one_party.parties.truncate(1);
        assert_eq!(
            Deck::generate(&one_party, 1, 5, &Mix::default()),
            Err(DeckError::TooFewParties)
        );
        assert!(Deck::generate(&one_party, 1, 5, &Mix(vec![(MarkKind::Tick, 1)])).is_ok());
        for kind in MarkKind::ALL {
            assert_eq!(MarkKind::from_word(kind.word()), Some(kind));
        }
    }
}
