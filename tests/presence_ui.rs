//! Departures and complaints in the window: Leave on the Station screen
//! asks for the reason and records the departure; on the Counting screen
//! F12 (or its button) opens the complaint form, whose keys rule nothing,
//! and on the Results screen the complaints are listed and one more can be
//! recorded until the count is sealed.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::ui::{burst, digit, notice, open_count, press, type_into};
use common::{count_with_people, depart, ok, record_figures, s};
use eframe::egui::Key;
use egui_kittest::kittest::{NodeT, Queryable};
use polltally::journal::event::Event;
use polltally::store::Record;
use std::path::{Path, PathBuf};

/// A count of the small station with a chief (entry 2), an agent of party
/// 2 (entry 3) and an observer (entry 4), three ballots ruled, and the
/// figures.
fn count(dir: &Path) -> PathBuf {
    let record = dir.join("count.polltally");
    count_with_people(&record);
    record_figures(s(&record), [500, 497, 0, 3, 0, 0, 3]);
    record
}

/// Every event of the record, in order.
fn events(record: &Path) -> Vec<Event> {
    Record::open(record)
        .unwrap()
        .journal()
        .unwrap()
        .into_iter()
        .map(|(_, body)| body.event)
        .collect()
}

fn rulings(record: &Path) -> usize {
    events(record)
        .iter()
        .filter(|e| matches!(e, Event::Ruling(_)))
        .count()
}

#[test]
fn leave_on_the_station_screen_records_the_departure_with_its_reason() {
    let dir = tempfile::tempdir().unwrap();
    let record = count(dir.path());
    let mut h = open_count(dir.path(), &record);
    press(&mut h, &[Key::F2]);
    // Each standing person has Leave beside Withdraw; pick the observer's.
    let leaves = h.get_all_by_label("Leave").count();
    assert_eq!(leaves, 3);
    h.get_all_by_label("Leave").nth(2).unwrap().click();
    h.run();
    let prompt = "Ly Navy (entry 4) leaves the count. Why, as given (asked to leave, left on their own, ...)?";
    assert!(h.query_by_label(prompt).is_some());
    // No reason: nothing is recorded, and the notice names the field.
    h.get_by_label("Record that Ly Navy left").click();
    h.run();
    assert!(
        notice(&h).unwrap().contains("must not be empty"),
        "{:?}",
        notice(&h)
    );
    assert!(
        !events(&record)
            .iter()
            .any(|e| matches!(e, Event::Departed { .. }))
    );
    type_into(&mut h, prompt, "asked to leave by the station chief");
    h.get_by_label("Record that Ly Navy left").click();
    h.run();
    let departed: Vec<(u64, String)> = events(&record)
        .into_iter()
        .filter_map(|e| match e {
            Event::Departed { person_seq, reason } => Some((person_seq.0, reason.to_string())),
            _ => None,
        })
        .collect();
    assert_eq!(
        departed,
        [(4, "asked to leave by the station chief".to_string())]
    );
    // The row says when and why; the person neither leaves again nor is
    // withdrawn (which would take the departure off the form), and is
    // still listed (not struck through as a withdrawal).
    let node = h.get_by_label_contains("asked to leave by the station chief");
    let row = node
        .accesskit_node()
        .label()
        .or(node.accesskit_node().value())
        .unwrap_or_default()
        .to_string();
    assert!(row.contains("\nleft 2027-06-06 "), "{row}");
    assert_eq!(h.get_all_by_label("Leave").count(), 2);
    assert_eq!(h.get_all_by_label("Withdraw").count(), 2);
}

#[test]
fn f12_opens_the_complaint_form_and_its_keys_rule_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let record = count(dir.path());
    let mut h = open_count(dir.path(), &record);
    press(&mut h, &[Key::F4]);
    assert_eq!(rulings(&record), 3);
    press(&mut h, &[Key::F12]);
    assert!(h.query_by_label("A complaint during the count").is_some());
    // Commission members are not offered; agents and observers are.
    assert!(h.query_by_label_contains("Chan Sophea").is_none());
    // Typing in the form rules nothing.
    type_into(&mut h, "Ballot number, if it concerns one ballot", "2");
    type_into(
        &mut h,
        "The complaint, as lodged",
        "ballot 2 was not shown to the agents",
    );
    press(&mut h, &[digit(1), Key::Q]);
    assert_eq!(rulings(&record), 3, "a key in the form ruled a ballot");
    // Without choosing who lodges it, nothing is recorded.
    h.get_by_label("Record the complaint").click();
    h.run();
    assert!(
        notice(&h)
            .unwrap()
            .contains("choose the party agent or observer"),
        "{:?}",
        notice(&h)
    );
    h.get_by_label("Keo Rith (Party agent 2)").click();
    h.run();
    h.get_by_label("Record the complaint").click();
    h.run();
    let complaints: Vec<(u64, Option<u64>, String)> = events(&record)
        .into_iter()
        .filter_map(|e| match e {
            Event::Complaint { by, text, ballot } => {
                Some((by.0, ballot.map(|b| b.0), text.to_string()))
            }
            _ => None,
        })
        .collect();
    assert_eq!(
        complaints,
        [(
            3,
            Some(2),
            "ballot 2 was not shown to the agents".to_string()
        )]
    );
    // The form closed: the keys rule again.
    assert!(h.query_by_label("A complaint during the count").is_none());
    press(&mut h, &[digit(2)]);
    assert_eq!(rulings(&record), 4);
}

#[test]
fn a_key_burst_with_f12_rules_only_what_came_before_it() {
    let dir = tempfile::tempdir().unwrap();
    let record = count(dir.path());
    let mut h = open_count(dir.path(), &record);
    press(&mut h, &[Key::F4]);
    // A slow frame: 2, 3, F12, 1, 2 arrive at once. The two ballots typed
    // before F12 are ruled; the form opens; what follows rules nothing.
    burst(&mut h, &[digit(2), digit(3), Key::F12, digit(1), digit(2)]);
    assert_eq!(rulings(&record), 5);
    let last: Vec<u32> = events(&record)
        .iter()
        .filter_map(|e| match e {
            Event::Ruling(r) => r.verdict.party().map(|p| p.0),
            _ => None,
        })
        .collect();
    assert_eq!(last, [1, 2, 1, 2, 3]);
    assert!(h.query_by_label("A complaint during the count").is_some());
    // The ruling buttons rule nothing while the form is open.
    h.get_by_label("1  AP").click();
    h.run();
    assert_eq!(rulings(&record), 5);
    // Esc closes the form without recording anything.
    press(&mut h, &[Key::Escape]);
    assert!(h.query_by_label("A complaint during the count").is_none());
    assert!(
        !events(&record)
            .iter()
            .any(|e| matches!(e, Event::Complaint { .. }))
    );
}

#[test]
fn the_results_screen_lists_complaints_and_records_one_more() {
    let dir = tempfile::tempdir().unwrap();
    let record = count(dir.path());
    ok(&[
        "complaint",
        "--record",
        s(&record),
        "--by",
        "4",
        "--text",
        "the count began before we were let in",
    ]);
    let mut h = open_count(dir.path(), &record);
    press(&mut h, &[Key::F6]);
    assert!(h.query_by_label("Complaints recorded: 1").is_some());
    assert!(
        h.query_by_label_contains("Ly Navy: the count began before we were let in")
            .is_some()
    );
    h.get_by_label("Record a complaint").click();
    h.run();
    h.get_by_label("Ly Navy (Observer, NICFEC)").click();
    h.run();
    type_into(&mut h, "Ballot number, if it concerns one ballot", "7");
    type_into(&mut h, "The complaint, as lodged", "ballot 7 was torn");
    h.get_by_label("Record the complaint").click();
    h.run();
    // Ballot 7 was never ruled: refused, the form kept as typed.
    assert!(
        notice(&h)
            .unwrap()
            .contains("no ballot has number 7 in this count"),
        "{:?}",
        notice(&h)
    );
    assert!(h.query_by_label("Complaints recorded: 1").is_some());
    type_into(&mut h, "Ballot number, if it concerns one ballot", "3");
    h.get_by_label("Record the complaint").click();
    h.run();
    assert!(h.query_by_label("Complaints recorded: 2").is_some());
    assert!(
        h.query_by_label_contains("Ly Navy, ballot 3: ballot 7 was torn")
            .is_some()
    );
}

#[test]
fn the_results_screen_seals_without_those_who_left() {
    let dir = tempfile::tempdir().unwrap();
    let record = count(dir.path());
    depart(s(&record), 3, "went home");
    let mut h = open_count(dir.path(), &record);
    press(&mut h, &[Key::F6]);
    // Keo Rith left: no choice to sign is offered for him, and the seal
    // goes through with the chief and the observer signing.
    assert!(h.query_by_label_contains("Keo Rith (Party agent").is_none());
    h.get_by_label("Seal the count").click();
    h.run();
    assert!(
        h.query_by_label("Signed by: Chan Sophea (Chief), Ly Navy (Observer)")
            .is_some()
    );
    h.get_by_label("Yes, seal the count now").click();
    h.run();
    let sealed = events(&record)
        .into_iter()
        .find_map(|e| match e {
            Event::Sealed(seal) => Some(seal),
            _ => None,
        })
        .expect("sealed");
    let names: Vec<String> = sealed.signed.iter().map(|s| s.name.to_string()).collect();
    assert_eq!(names, ["Chan Sophea", "Ly Navy"]);
}
