//! The trainer's report of a training round, read back from its PDF as a
//! reader would: TRAINING on every page, the people, the agreement as
//! printed, every disagreed ballot; a round without disagreement shows no
//! ballot; the same round gives the same bytes; and for 1 to 20 parties,
//! 1 to 40 members, long names and both numerals, no empty page, every
//! item inside the margins and no text run over another, a drawing or a
//! rule.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::pdf_page_texts;
use polltally::domain::criteria::CriterionCode;
use polltally::domain::hash::Hash256;
use polltally::domain::party::PartyNumber;
use polltally::domain::practice::{Answers, Deck, MarkKind, Mix, Scores, score};
use polltally::domain::ruling::Verdict;
use polltally::domain::station::{StationDefinition, StationFile};
use polltally::domain::text::Numerals;
use polltally::domain::time::Timestamp;
use polltally::domain::zone::Zone;
use polltally::report::layout::{
    Area, FOOTER_HEIGHT, HEADER_HEIGHT, Item, MARGIN, PAGE_HEIGHT, PAGE_WIDTH, Page,
};
use polltally::report::training::{TrainingReport, training_pages, training_pdf};

fn station() -> StationFile {
    StationFile::parse(std::fs::read(common::sample_station()).unwrap()).unwrap()
}

fn code(text: &str) -> CriterionCode {
    CriterionCode::parse(text).unwrap()
}

/// Three members over a 20-card deck of the sample station: Sok Dara rules
/// every card as expected, Chan Sophea rules faint ticks and ballots
/// without the stamp otherwise and card 1 as damaged, Keo Malis leaves
/// card 1 unruled.
fn round(def: &StationDefinition) -> (Deck, Vec<Answers>) {
    let deck = Deck::generate(def, 2027, 20, &Mix::default()).unwrap();
    let right: Vec<Option<Verdict>> = deck
        .cards
        .iter()
        .map(|c| Some(c.expected.clone()))
        .collect();
    let mut second = right.clone();
    for (i, card) in deck.cards.iter().enumerate() {
        match card.kind {
            MarkKind::Faint => {
                second[i] = Some(Verdict::Invalid {
                    criterion: code("I2"),
                })
            }
            MarkKind::NoStamp => {
                second[i] = Some(Verdict::Valid {
                    party: def.parties[card.rows[0]].number,
                    criterion: code("V1"),
                })
            }
            _ => {}
        }
    }
    // Card 1: ruled two ways by the members who ruled it, and left unruled
    // by the third.
    let other = if deck.cards[0].expected.criterion().as_str() == "I6" {
        "I2"
    } else {
        "I6"
    };
    second[0] = Some(Verdict::Invalid {
        criterion: code(other),
    });
    let mut third = right.clone();
    third[0] = None;
    let answers = vec![
        Answers {
            member: "Sok Dara".into(),
            rulings: right,
        },
        Answers {
            member: "Chan Sophea".into(),
            rulings: second,
        },
        Answers {
            member: "Keo Malis".into(),
            rulings: third,
        },
    ];
    (deck, answers)
}

struct Inputs {
    zone: Zone,
    definition_hash: Hash256,
    head: Hash256,
}

fn inputs() -> Inputs {
    Inputs {
        zone: Zone::parse("Asia/Phnom_Penh").unwrap(),
        definition_hash: Hash256::of(b"sample station"),
        head: Hash256::of(b"training journal head"),
    }
}

fn report<'a>(
    def: &'a StationDefinition,
    deck: &'a Deck,
    answers: &'a [Answers],
    scores: &'a Scores,
    i: &'a Inputs,
) -> TrainingReport<'a> {
    TrainingReport {
        definition: def,
        deck,
        answers,
        scores,
        trainer: Some("Heng Vanna"),
        opened: Timestamp::from_unix_seconds(1_811_000_000),
        last_answer: Some(Timestamp::from_unix_seconds(1_811_004_000)),
        zone: &i.zone,
        definition_hash: &i.definition_hash,
        head: &i.head,
    }
}

#[test]
fn the_pdf_carries_training_the_people_the_kappas_and_the_disagreed_ballots() {
    let s = station();
    let def = s.definition();
    let (deck, answers) = round(def);
    let scores = score(&deck, &answers);
    let i = inputs();
    let r = report(def, &deck, &answers, &scores, &i);
    let pdf = training_pdf(&r).unwrap();
    let texts = pdf_page_texts(&pdf);
    assert_eq!(texts.len(), training_pages(&r).unwrap().len());
    assert!(texts.len() >= 2, "{} pages", texts.len());
    for (n, text) in texts.iter().enumerate() {
        assert!(text.contains("TRAINING - NOT A COUNT"), "page {n}: {text}");
        assert!(text.contains("ការបណ្ដុះបណ្ដាល"), "page {n}");
        // The journal head in the footer of every page.
        assert!(text.contains(&i.head.to_hex()[..4]), "page {n}");
    }
    let all = texts.join("\n");
    for name in ["Sok Dara", "Chan Sophea", "Keo Malis", "Heng Vanna"] {
        assert!(all.contains(name), "{name}");
    }
    let agreement = scores.agreement.as_ref().unwrap();
    assert_eq!((agreement.subjects, agreement.raters), (19, 3));
    let kappa = format!("{:.2}", agreement.kappa.unwrap());
    assert!(all.contains(&kappa), "{kappa}");
    for (code, k) in &scores.by_criterion {
        let shown = k.map_or("-".to_string(), |k| format!("{k:.2}"));
        assert!(all.contains(&shown), "{code}: {shown}");
    }
    assert!(!scores.disagreements.is_empty());
    for d in &scores.disagreements {
        assert!(
            all.contains(&format!("Practice ballot {}", d.card)),
            "card {}",
            d.card
        );
    }
    // Card 1, ruled two ways and left unruled by one member, is among them.
    assert!(scores.disagreements.iter().any(|d| d.card == 1));
    assert!(all.contains("not ruled"));
    // Only the disagreed ballots are drawn with a title.
    let titled = all.matches("Practice ballot ").count();
    assert_eq!(titled, scores.disagreements.len());
}

#[test]
fn a_round_without_disagreement_prints_no_ballot() {
    let s = station();
    let def = s.definition();
    let (deck, mut answers) = round(def);
    for a in &mut answers {
        a.rulings = deck
            .cards
            .iter()
            .map(|c| Some(c.expected.clone()))
            .collect();
    }
    let scores = score(&deck, &answers);
    assert!(scores.disagreements.is_empty());
    let i = inputs();
    let pdf = training_pdf(&report(def, &deck, &answers, &scores, &i)).unwrap();
    let all = pdf_page_texts(&pdf).join("\n");
    assert!(!all.contains("Practice ballot "));
    assert!(all.contains("The members ruled every ballot alike."));
    assert!(all.contains(&format!("{:.2}", 1.0)));
}

#[test]
fn the_same_round_gives_the_same_bytes() {
    let s = station();
    let def = s.definition();
    let (deck, answers) = round(def);
    let scores = score(&deck, &answers);
    let i = inputs();
    let first = training_pdf(&report(def, &deck, &answers, &scores, &i)).unwrap();
    let again = training_pdf(&report(def, &deck, &answers, &scores, &i)).unwrap();
    assert_eq!(first, again);
    // Another record's head makes another document.
    let other = Inputs {
        head: Hash256::of(b"another head"),
        ..inputs()
    };
    let third = training_pdf(&report(def, &deck, &answers, &scores, &other)).unwrap();
    assert_ne!(first, third);
    // Kept for a look with pdftoppm.
    let out = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("training-report.pdf");
    std::fs::write(out, &first).unwrap();
}

/// A name of 120 characters, in words.
fn long_name(i: usize) -> String {
    let mut name = String::new();
    while name.chars().count() < 120 {
        name.push_str(&format!("Chan Sophea {i} "));
    }
    name.chars().take(120).collect()
}

/// What is wrong with the geometry of `pages`: a page with nothing but its
/// frame, an item outside the margins, text under 8 pt, text on other
/// text, on a drawing or on a rule.
fn problems(what: &str, pages: &[Page]) -> Vec<String> {
    let content = Area {
        left: MARGIN,
        top: MARGIN,
        right: PAGE_WIDTH - MARGIN,
        bottom: PAGE_HEIGHT - MARGIN,
    };
    let mut out = Vec::new();
    for (p, page) in pages.iter().enumerate() {
        let at = |item: &Item| format!("{what}, page {}: {item:?}", p + 1);
        let texts: Vec<(&Item, Area)> = page
            .items
            .iter()
            .filter(|i| matches!(i, Item::Text { .. }))
            .map(|i| (i, i.area()))
            .collect();
        let drawn: Vec<(&Item, Area)> = page
            .items
            .iter()
            .filter(|i| matches!(i, Item::Path { .. } | Item::Line { .. }))
            .map(|i| (i, i.area()))
            .collect();
        for item in &page.items {
            if !content.contains(&item.area()) {
                out.push(format!("{} leaves the margins", at(item)));
            }
            if let Item::Text { size, .. } = item
                && *size < 7.99
            {
                out.push(format!("{} is smaller than 8 pt", at(item)));
            }
        }
        let content_top = MARGIN + HEADER_HEIGHT;
        let content_bottom = PAGE_HEIGHT - MARGIN - FOOTER_HEIGHT;
        if !page
            .items
            .iter()
            .map(Item::area)
            .any(|a| a.top >= content_top - 0.01 && a.bottom <= content_bottom + 0.01)
        {
            out.push(format!("{what}, page {}: nothing but the frame", p + 1));
        }
        for (n, (a, area)) in texts.iter().enumerate() {
            for (b, other) in &texts[n + 1..] {
                if area.overlaps(other) {
                    out.push(format!("{} overlaps {b:?}", at(a)));
                }
            }
            for (b, other) in &drawn {
                if area.overlaps(other) {
                    out.push(format!("{} is drawn over by {b:?}", at(a)));
                }
            }
        }
    }
    out
}

#[test]
fn every_report_lies_inside_its_margins_without_overlaps() {
    let s = station();
    for parties in [1, 2, 12, 20] {
        for numerals in [Numerals::Western, Numerals::Khmer] {
            for (members, long) in [(1, false), (3, false), (9, true), (40, false)] {
                let mut def = s.definition().clone();
                def.numerals = numerals;
                let first = def.parties[0].clone();
                def.parties.truncate(parties);
                for n in def.parties.len() + 1..=parties {
                    let mut party = first.clone();
                    party.number = PartyNumber(n as u32);
                    party.abbreviation = format!("P{n:02}X");
                    def.parties.push(party);
                }
                // One party: no ballot for two parties or across two rows.
                let mix = if parties == 1 {
                    Mix(Mix::default()
                        .0
                        .into_iter()
                        .filter(|(k, _)| !matches!(k, MarkKind::TwoParties | MarkKind::Straddling))
                        .collect())
                } else {
                    Mix::default()
                };
                let deck = Deck::generate(&def, 3, 20, &mix).unwrap();
                // Every other member rules every card blank.
                let answers: Vec<Answers> = (0..members)
                    .map(|m| Answers {
                        member: if long {
                            long_name(m)
                        } else {
                            format!("Member {m}")
                        },
                        rulings: deck
                            .cards
                            .iter()
                            .map(|c| {
                                Some(if m % 2 == 0 {
                                    c.expected.clone()
                                } else {
                                    Verdict::Invalid {
                                        criterion: code("I2"),
                                    }
                                })
                            })
                            .collect(),
                    })
                    .collect();
                let scores = score(&deck, &answers);
                let i = inputs();
                let pages = training_pages(&report(&def, &deck, &answers, &scores, &i)).unwrap();
                let what = format!("{parties} parties, {numerals:?}, {members} members");
                let found = problems(&what, &pages);
                assert!(
                    found.is_empty(),
                    "{} problems:\n{}",
                    found.len(),
                    found[..found.len().min(20)].join("\n")
                );
            }
        }
    }
}
