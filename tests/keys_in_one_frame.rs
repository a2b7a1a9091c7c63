//! Keys that arrive in one frame (a slow frame, a fast typist) act in the
//! order typed: each key acts on the count that the keys before it left.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::ui::*;
use eframe::egui::Key;
use egui_kittest::kittest::Queryable;
use polltally::domain::party::PartyNumber;
use polltally::domain::seq::Seq;
use polltally::journal::event::Event;
use polltally::store::Record;

/// The practice record's journal events, by seq.
fn events(dir: &std::path::Path) -> Vec<(Seq, Event)> {
    let record = Record::open(&dir.join("practice.polltally")).unwrap();
    record
        .journal()
        .unwrap()
        .into_iter()
        .map(|(_, body)| (body.seq, body.event))
        .collect()
}

/// Every ruling's verdict, in order, written out for matching.
fn verdicts(events: &[(Seq, Event)]) -> Vec<String> {
    events
        .iter()
        .filter_map(|(_, e)| match e {
            Event::Ruling(r) => Some(format!("{:?}", r.verdict)),
            _ => None,
        })
        .collect()
}

/// The seq of the last ruling for `party`.
fn ruling_of(events: &[(Seq, Event)], party: u32) -> Seq {
    events
        .iter()
        .rev()
        .find_map(|(seq, e)| match e {
            Event::Ruling(r) if r.verdict.party() == Some(PartyNumber(party)) => Some(*seq),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no ruling for party {party}: {events:?}"))
}

#[test]
fn a_digit_then_d_disputes_the_ballot_just_ruled() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = practice(dir.path());
    burst(&mut h, &[Key::Num7]);
    burst(&mut h, &[Key::Num3, Key::D, Key::Num5, Key::Enter]);
    let events = events(dir.path());
    let three = ruling_of(&events, 3);
    let Some((
        _,
        Event::Dispute {
            ruling_seq,
            parties,
        },
    )) = events.last()
    else {
        panic!("the last event is no dispute: {events:?}");
    };
    assert_eq!(*ruling_seq, three, "{events:?}");
    assert_eq!(parties, &[PartyNumber(5)]);
}

#[test]
fn a_digit_then_backspace_opens_the_void_of_the_ballot_just_ruled() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = practice(dir.path());
    burst(&mut h, &[Key::Num7]);
    // The Enter typed in the same burst does not confirm a void whose
    // prompt nobody has seen yet.
    burst(&mut h, &[Key::Num4, Key::Backspace, Key::Enter]);
    let before = events(dir.path());
    assert!(
        !before.iter().any(|(_, e)| matches!(e, Event::Void { .. })),
        "{before:?}"
    );
    // The prompt is open on the ballot just ruled (ballot 2); confirming
    // voids that one.
    assert!(
        h.query_by_label_contains("Void ruling of ballot 2 (party 4")
            .is_some()
    );
    h.get_by_label("Void (Enter)").click();
    h.run();
    let after = events(dir.path());
    let voids: Vec<Seq> = after
        .iter()
        .filter_map(|(_, e)| match e {
            Event::Void { ruling_seq, .. } => Some(*ruling_seq),
            _ => None,
        })
        .collect();
    assert_eq!(voids, [ruling_of(&after, 4)], "{after:?}");
}

#[test]
fn keys_held_from_a_burst_do_not_rule_after_a_screen_change() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = practice(dir.path());
    // `3` rules; `4` waits for the next frame, but F5 leaves the screen.
    burst(&mut h, &[Key::Num3, Key::Num4, Key::F5]);
    burst(&mut h, &[Key::F4]);
    let events = events(dir.path());
    assert_eq!(verdicts(&events).len(), 1, "{events:?}");
    ruling_of(&events, 3);
}

#[test]
fn two_digits_then_a_letter_rule_the_party_then_the_invalid_ballot() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = practice(dir.path());
    burst(&mut h, &[Key::Num1, Key::Num0, Key::W]);
    let events = events(dir.path());
    let rulings = verdicts(&events);
    assert_eq!(rulings.len(), 2, "{rulings:?}");
    assert!(rulings[0].contains("PartyNumber(10)"), "{rulings:?}");
    assert!(rulings[1].contains("I2"), "{rulings:?}");
}

#[test]
fn a_criterion_key_then_a_digit_rule_that_party_with_that_mark() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = practice(dir.path());
    burst(&mut h, &[Key::Z, Key::Num5, Key::Num6]);
    let events = events(dir.path());
    let rulings = verdicts(&events);
    assert_eq!(rulings.len(), 2, "{rulings:?}");
    assert!(
        rulings[0].contains("PartyNumber(5)") && rulings[0].contains("V2"),
        "{rulings:?}"
    );
    // The mark applies to the next party only.
    assert!(
        rulings[1].contains("PartyNumber(6)") && rulings[1].contains("V1"),
        "{rulings:?}"
    );
}

#[test]
fn enter_after_a_pending_one_rules_party_one() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = practice(dir.path());
    burst(&mut h, &[Key::Num1, Key::Enter, Key::Num2]);
    let events = events(dir.path());
    let one = ruling_of(&events, 1);
    let two = ruling_of(&events, 2);
    assert!(one < two, "{events:?}");
}
