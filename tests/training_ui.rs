//! A training round in the app: a count's Training screen starts a TRAINING
//! round of its station; three members rule a 20-card deck in turn with
//! the counting keys (one of them typing every key in one frame), never
//! seeing the expected rulings or the others' answers; then the scores.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::ui::*;
use eframe::egui::Key;
use egui_kittest::kittest::Queryable;
use polltally::app::Screen;
use polltally::app::counting_keys::{invalid_keys, valid_keys};
use polltally::domain::practice::{Card, score};
use polltally::domain::ruling::Verdict;
use polltally::domain::station::StationDefinition;
use polltally::journal::event::Event;
use polltally::store::Record;

/// The keys that rule `verdict` on the counting keyboard.
fn keys_for(def: &StationDefinition, verdict: &Verdict) -> Vec<Key> {
    let letter = |c: char| Key::from_name(&c.to_string()).unwrap();
    match verdict {
        Verdict::Invalid { criterion } => {
            let (k, _) = invalid_keys(def)
                .into_iter()
                .find(|(_, code)| code == criterion)
                .unwrap();
            vec![letter(k)]
        }
        Verdict::Valid { party, criterion } => {
            let mut keys = vec![];
            if let Some((k, _)) = valid_keys(def)
                .into_iter()
                .find(|(_, code)| code == criterion)
            {
                keys.push(letter(k));
            }
            let digits = party.to_string();
            keys.extend(digits.chars().map(|c| digit(c.to_digit(10).unwrap())));
            // `1` waits for a second digit (parties 10-12): Enter takes it.
            if digits == "1" {
                keys.push(Key::Enter);
            }
            keys
        }
    }
}

/// Dara's way: every ballot marked for two parties ruled for the first.
fn dara(def: &StationDefinition, card: &Card) -> Verdict {
    if card.expected.criterion().as_str() == "I3" {
        Verdict::Valid {
            party: def.parties[card.rows[0]].number,
            criterion: def.criteria.find("V1").unwrap().code.clone(),
        }
    } else {
        card.expected.clone()
    }
}

fn begin(h: &mut egui_kittest::Harness<'_, polltally::app::PolltallyApp>, member: &str) {
    type_into(
        h,
        "Who rules next? Each member rules alone; the others do not watch the screen.",
        member,
    );
    h.get_by_label("Begin ruling").click();
    h.run();
}

#[test]
fn three_members_rule_a_20_card_deck_and_see_where_they_differ() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = practice(dir.path());
    h.key_press(Key::F10);
    h.run();
    assert_eq!(h.state().screen, Screen::Training);
    type_into(&mut h, "Seed (the same seed gives the same ballots)", "7");
    type_into(&mut h, "Trainer", "Chea Sophal");
    h.get_by_label("Start a training round on this station")
        .click();
    h.run();
    let path = h
        .state()
        .session
        .as_ref()
        .unwrap()
        .record
        .path()
        .to_path_buf();
    assert!(path.to_string_lossy().contains("-training-1"), "{path:?}");
    assert_eq!(h.state().screen, Screen::Training);
    assert!(h.query_by_label("TRAINING - NOT A COUNT").is_some());
    // A training round has one tab: the count's screens are not there.
    assert!(h.query_by_label_contains("Reconciliation").is_none());
    h.key_press(Key::F4);
    h.run();
    assert_eq!(h.state().screen, Screen::Training);

    let (def, deck) = {
        let session = h.state().session.as_ref().unwrap();
        let count = session.record.count();
        (
            count.definition().clone(),
            count.training().unwrap().deck.clone(),
        )
    };
    assert_eq!(deck.cards.len(), 20);
    let two_party: Vec<u32> = deck
        .cards
        .iter()
        .filter(|c| c.expected.criterion().as_str() == "I3")
        .map(|c| c.number)
        .collect();
    assert!(!two_party.is_empty(), "seed 7 deals a two-party ballot");

    // Sok: one key a frame, and a slip taken back with Backspace.
    begin(&mut h, "Sok");
    assert!(
        h.query_by_label_contains("Sok: practice ballot 1 of 20")
            .is_some()
    );
    let first = &deck.cards[0];
    let wrong = if first.expected.criterion().as_str() == "I2" {
        Key::E
    } else {
        Key::W
    };
    press(&mut h, &[wrong]);
    assert!(
        h.query_by_label_contains("practice ballot 2 of 20")
            .is_some()
    );
    press(&mut h, &[Key::Backspace]);
    assert!(
        h.query_by_label_contains("practice ballot 1 of 20")
            .is_some()
    );
    assert!(
        h.query_by_label_contains("You ruled this ballot before")
            .is_some()
    );
    for card in &deck.cards {
        // The screen never says what the criteria expect while ruling.
        assert!(h.query_by_label_contains("The criteria say").is_none());
        press(&mut h, &keys_for(&def, &card.expected));
    }
    assert!(
        notice(&h).unwrap().contains("Sok has ruled all 20 ballots"),
        "{:?}",
        notice(&h)
    );
    // Between members: how far each got, never how well; the next member
    // types their name at once.
    assert!(h.query_by_label("Sok: 20 of 20 ballots ruled").is_some());
    assert!(
        h.get_by_role_and_label(
            eframe::egui::accesskit::Role::TextInput,
            "Who rules next? Each member rules alone; the others do not watch the screen."
        )
        .is_focused()
    );

    // Dara types the whole deck in one burst (a slow frame): every key
    // still rules the card it was typed for.
    begin(&mut h, "Dara");
    assert!(h.query_by_label_contains("Sok:").is_none(), "others hidden");
    let keys: Vec<Key> = deck
        .cards
        .iter()
        .flat_map(|c| keys_for(&def, &dara(&def, c)))
        .collect();
    for key in &keys {
        for pressed in [true, false] {
            h.input_mut().events.push(eframe::egui::Event::Key {
                key: *key,
                physical_key: None,
                pressed,
                repeat: false,
                modifiers: eframe::egui::Modifiers::default(),
            });
        }
    }
    // One answer a frame: the keys after it wait for the next.
    for _ in 0..=keys.len() {
        h.step();
    }
    h.run();
    assert!(
        notice(&h)
            .unwrap()
            .contains("Dara has ruled all 20 ballots"),
        "{:?}",
        notice(&h)
    );

    begin(&mut h, "Vanna");
    for card in &deck.cards {
        press(&mut h, &keys_for(&def, &card.expected));
    }

    // The record holds every answer as evidence of the training.
    let record = Record::open_read(&path).unwrap();
    let answers = record
        .journal()
        .unwrap()
        .into_iter()
        .filter(|(_, body)| matches!(body.event, Event::TrainingAnswer { .. }))
        .count();
    assert_eq!(answers, 61, "60 answers and the slip replaced");
    let training = record.count().training().unwrap();
    let names: Vec<&str> = training
        .members()
        .iter()
        .map(|m| m.member.as_str())
        .collect();
    assert_eq!(names, ["Sok", "Dara", "Vanna"]);
    let scores = score(&training.deck, &training.answers());
    assert_eq!(scores.members[0].correct, 20);
    assert_eq!(scores.members[1].correct, 20 - two_party.len());
    assert_eq!(scores.members[2].correct, 20);
    let mut disagreed: Vec<u32> = scores.disagreements.iter().map(|d| d.card).collect();
    disagreed.sort_unstable();
    assert_eq!(disagreed, two_party);

    h.get_by_label("Show the scores (once every member has ruled)")
        .click();
    h.run();
    let agreement = scores.agreement.unwrap();
    let kappa = format!(
        "Agreement (Fleiss' kappa): {:.2} over 20 ballots ruled by all 3 members",
        agreement.kappa.unwrap()
    );
    assert!(h.query_by_label(&kappa).is_some(), "{kappa}");
    assert!(
        h.query_by_label(&format!("Cards ruled differently: {}", two_party.len()))
            .is_some()
    );
    for card in &two_party {
        assert!(
            h.query_by_label(&format!("Practice ballot {card}"))
                .is_some(),
            "card {card}"
        );
    }
    // The trainer's report, saved beside the record.
    h.get_by_label("Save the trainer's report (PDF)").click();
    finish_jobs(&mut h);
    let report = path.with_extension("report.pdf");
    assert!(
        notice(&h).unwrap().contains(&report.display().to_string()),
        "{:?}",
        notice(&h)
    );
    let pages = common::pdf_page_texts(&std::fs::read(&report).unwrap());
    assert!(pages.iter().all(|p| p.contains("TRAINING - NOT A COUNT")));
    assert!(pages[0].contains("Chea Sophal") && pages[0].contains("Vanna"));
    assert_eq!(
        h.query_all_by_label_contains("The criteria say: invalid I3")
            .count(),
        two_party.len()
    );
}

#[test]
fn a_count_event_cannot_reach_a_training_round_from_the_app() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = practice(dir.path());
    h.key_press(Key::F10);
    h.run();
    type_into(&mut h, "Practice ballots", "0");
    h.get_by_label("Start a training round on this station")
        .click();
    h.run();
    // No deck of 0 ballots: the field is named and nothing is made.
    let said = notice(&h).unwrap();
    assert!(said.contains("cards: 0 cards"), "{said}");
    assert!(
        h.state()
            .session
            .as_ref()
            .unwrap()
            .record
            .count()
            .training()
            .is_none()
    );
    type_into(&mut h, "Practice ballots", "3");
    type_into(&mut h, "Kinds of ballot", "smudge=2");
    h.get_by_label("Start a training round on this station")
        .click();
    h.run();
    let said = notice(&h).unwrap();
    assert!(
        said.contains("mix: \"smudge=2\" is not KIND=WEIGHT"),
        "{said}"
    );
    type_into(&mut h, "Kinds of ballot", "beside-box=1");
    h.get_by_label("Start a training round on this station")
        .click();
    h.run();
    let kinds: Vec<String> = {
        let count = h.state().session.as_ref().unwrap().record.count();
        count
            .training()
            .unwrap()
            .deck
            .cards
            .iter()
            .map(|c| c.expected.criterion().to_string())
            .collect()
    };
    assert_eq!(kinds, ["V3", "V3", "V3"]);
    // Keys of the counting screen while no member rules rule nothing.
    press(&mut h, &[Key::Num3, Key::W]);
    let record = &h.state().session.as_ref().unwrap().record;
    assert!(record.count().training().is_some());
    assert_eq!(record.entries(), 1);
}
