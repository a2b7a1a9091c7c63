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
    // A training round is not offered as the count to reopen.
    assert_ne!(
        h.state().settings.last_record.as_deref(),
        Some(path.as_path())
    );
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
        h.query_by_label_contains("Sok has ruled all 20 ballots")
            .is_some()
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
        h.query_by_label_contains("Dara has ruled all 20 ballots")
            .is_some()
    );
    // Another member typing a name already answering is asked first, and
    // the name is matched whatever its case.
    begin(&mut h, "sok");
    assert!(
        h.query_by_label_contains("Sok has already ruled 20 of 20 ballots")
            .is_some()
    );
    assert!(h.query_by_label_contains(": practice ballot").is_none());
    type_into(
        &mut h,
        "Who rules next? Each member rules alone; the others do not watch the screen.",
        "",
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

    h.get_by_label("Show the scores").click();
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
fn a_deck_that_cannot_be_made_names_the_field_and_a_count_event_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = practice(dir.path());
    h.key_press(Key::F10);
    h.run();
    for (typed, says) in [
        ("0", "cards: 0 cards"),
        ("5000000000", "cards: 5000000000 cards"),
        ("twenty", "cards: \"twenty\" is not a whole number"),
    ] {
        type_into(&mut h, "Practice ballots", typed);
        h.get_by_label("Start a training round on this station")
            .click();
        h.run();
        let said = notice(&h).unwrap();
        assert!(said.contains(says), "{typed}: {said}");
        let count = h.state().session.as_ref().unwrap().record.count();
        assert!(count.training().is_none());
    }
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
    let (kinds, def) = {
        let count = h.state().session.as_ref().unwrap().record.count();
        let kinds: Vec<String> = count
            .training()
            .unwrap()
            .deck
            .cards
            .iter()
            .map(|c| c.expected.criterion().to_string())
            .collect();
        (kinds, count.definition().clone())
    };
    assert_eq!(kinds, ["V3", "V3", "V3"]);
    // A count's entry sent to the training round is refused in words that
    // say why, and nothing is written.
    let ruling = polltally::domain::ruling::RulingRequest {
        choice: polltally::domain::ruling::RulingChoice::Party {
            party: 3,
            criterion: None,
        },
        disputed_by: vec![],
        note: None,
    }
    .resolve(&def)
    .unwrap();
    h.state_mut()
        .apply(polltally::app::command::AppCommand::Append(Event::Ruling(
            ruling,
        )));
    h.run();
    let said = notice(&h).unwrap();
    assert!(said.contains("TRAINING round, not a count"), "{said}");
    assert_eq!(h.state().session.as_ref().unwrap().record.entries(), 1);
}

#[test]
fn the_scores_wait_until_asked_for_while_a_member_has_not_finished() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = practice(dir.path());
    h.key_press(Key::F10);
    h.run();
    type_into(&mut h, "Practice ballots", "5");
    h.get_by_label("Start a training round on this station")
        .click();
    h.run();
    begin(&mut h, "Lim Bopha");
    press(&mut h, &[Key::W, Key::W]);
    h.get_by_label("Stop (go on later from here)").click();
    h.run();
    assert!(
        h.query_by_label("Lim Bopha: 2 of 5 ballots ruled")
            .is_some()
    );
    h.get_by_label("Show the scores").click();
    h.run();
    // Asked first, naming who has not finished; nothing shown yet.
    assert!(
        h.query_by_label_contains("Not every ballot is ruled yet by Lim Bopha")
            .is_some()
    );
    assert!(h.query_by_label_contains("Agreement").is_none());
    assert!(
        h.query_by_label("Save the trainer's report (PDF)")
            .is_none()
    );
    h.get_by_label("Show the scores now").click();
    h.run();
    assert!(h.query_by_label_contains("Agreement").is_some());
    // Going on hides them again.
    begin(&mut h, "Lim Bopha");
    h.get_by_label_contains("Go on as Lim Bopha").click();
    h.run();
    assert!(
        h.query_by_label_contains("Lim Bopha: practice ballot 3 of 5")
            .is_some()
    );
    assert!(h.query_by_label_contains("Agreement").is_none());
}

/// The answer to the last card that cannot be recorded (the record cannot
/// be written) leaves the member on that card with the reason, never "has
/// ruled all".
#[test]
fn a_last_answer_not_recorded_keeps_the_member_on_the_last_card() {
    let dir = tempfile::tempdir().unwrap();
    let station = polltally::domain::station::StationFile::parse(
        polltally::app::places::SAMPLE_STATION.to_vec(),
    )
    .unwrap();
    let path = dir.path().join("round.polltally");
    let spec = polltally::domain::training::TrainingSpec::new(
        1,
        1,
        &polltally::domain::practice::Mix(vec![(polltally::domain::practice::MarkKind::Blank, 1)]),
        None,
    );
    let clock = polltally::shell::clock::SystemClock;
    drop(Record::create_training(&path, station, spec, &clock).unwrap());
    std::fs::create_dir(dir.path().join("round.polltally-wal")).unwrap();
    let data = tempfile::tempdir().unwrap();
    let mut h = open_count(data.path(), &path);
    assert_eq!(h.state().screen, Screen::Training);
    begin(&mut h, "Sok");
    press(&mut h, &[Key::W]);
    h.run();
    assert!(
        notice(&h).unwrap().contains("reading only"),
        "{:?}",
        notice(&h)
    );
    assert!(
        h.query_by_label_contains("Sok: practice ballot 1 of 1")
            .is_some()
    );
    assert!(h.query_by_label_contains("has ruled all").is_none());
}

/// A fast typist: the name, Enter and the first rulings in one frame; the
/// rulings land on the first cards. Then the round is found again from the
/// count's Training screen, and a member going on under their name typed
/// in other letters is shown under the name first recorded.
#[test]
fn keys_typed_with_the_name_rule_and_a_round_is_found_again() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = practice(dir.path());
    h.key_press(Key::F10);
    h.run();
    type_into(&mut h, "Practice ballots", "4");
    h.get_by_label("Start a training round on this station")
        .click();
    h.run();
    let label = "Who rules next? Each member rules alone; the others do not watch the screen.";
    h.get_by_role_and_label(eframe::egui::accesskit::Role::TextInput, label)
        .focus();
    h.run();
    let events = &mut h.input_mut().events;
    events.push(eframe::egui::Event::Text("Sam Ol".into()));
    for (key, text) in [(Key::Enter, None), (Key::W, Some("w")), (Key::E, Some("e"))] {
        events.push(eframe::egui::Event::Key {
            key,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: Default::default(),
        });
        if let Some(text) = text {
            events.push(eframe::egui::Event::Text(text.into()));
        }
        events.push(eframe::egui::Event::Key {
            key,
            physical_key: None,
            pressed: false,
            repeat: false,
            modifiers: Default::default(),
        });
    }
    for _ in 0..6 {
        h.step();
    }
    h.run();
    let (path, answers) = {
        let record = &h.state().session.as_ref().unwrap().record;
        let training = record.count().training().unwrap();
        let member = training.member("Sam Ol").expect("Sam Ol answered");
        let answers: Vec<Option<String>> = member
            .rulings
            .iter()
            .map(|r| r.as_ref().map(|(_, v)| v.criterion().to_string()))
            .collect();
        (record.path().to_path_buf(), answers)
    };
    assert_eq!(
        answers,
        [Some("I2".to_string()), Some("I3".to_string()), None, None]
    );
    let shown: Vec<String> = h
        .query_all_by_label_contains("practice ballot")
        .map(|n| format!("{n:?}").chars().take(200).collect::<String>())
        .collect();
    assert!(
        h.query_by_label_contains("Sam Ol: practice ballot 3 of 4")
            .is_some(),
        "{shown:?} {:?}",
        notice(&h)
    );
    h.get_by_label("Stop (go on later from here)").click();
    h.run();
    // Back on the count: the round is offered again.
    h.get_by_label("Close count").click();
    h.run();
    h.get_by_label("Open the practice count").click();
    h.run();
    h.key_press(Key::F10);
    h.run();
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    h.get_by_label(&format!("Go on with {name}")).click();
    h.run();
    assert_eq!(
        h.state().session.as_ref().unwrap().record.path(),
        path.as_path()
    );
    begin(&mut h, "sam  ol");
    h.get_by_label_contains("Go on as Sam Ol").click();
    h.run();
    assert!(
        h.query_by_label_contains("Sam Ol: practice ballot 3 of 4")
            .is_some()
    );
}
