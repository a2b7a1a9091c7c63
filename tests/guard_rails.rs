//! The guard rails of the app: more ballots ruled than were in the box is
//! shown as a fault; a sealed count looks sealed; sealing is confirmed with
//! what it closes, the refusal reason is a real field, and who signed and who
//! refused stay on screen; recording a person resets the role; a withdrawal
//! is confirmed with its reason.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::ui::{open_count, type_into};
use common::*;
use eframe::egui::{Key, Role};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use polltally::app::PolltallyApp;
use polltally::domain::person::Role as PersonRole;
use polltally::store::Record;
use std::path::{Path, PathBuf};

/// A count of the small station with `lines` ruled, `in_box` ballots in the
/// box, and every other figure consistent with it.
fn count_with(dir: &Path, lines: &[&str], in_box: u64) -> PathBuf {
    let record = dir.join("count.polltally");
    let rec = s(&record);
    new_small(&record);
    record_figures(rec, [500, 500 - in_box, 0, in_box, 0, 0, in_box]);
    if !lines.is_empty() {
        rule_lines(rec, lines);
    }
    record
}

fn screen(h: &mut Harness<'_, PolltallyApp>, key: Key) {
    h.key_press(key);
    h.run();
}

#[test]
fn more_ballots_ruled_than_in_the_box_is_a_warning_on_counting_and_results() {
    let dir = tempfile::tempdir().unwrap();
    let record = count_with(dir.path(), &["1", "2", "3"], 2);
    let mut h = open_count(dir.path(), &record);
    screen(&mut h, Key::F4);
    let warning = "3 ballots ruled, 1 more than the 2 found in the box (B)";
    assert!(h.query_by_label_contains(warning).is_some());
    assert!(
        h.query_by_label_contains("Ruled 3: 1 more than the 2 ballots in the box")
            .is_some()
    );
    assert!(h.query_by_label_contains("Ruled 3 of 2").is_none());
    screen(&mut h, Key::F6);
    assert!(h.query_by_label_contains(warning).is_some());
    // Once B is right, the warning goes.
    screen(&mut h, Key::F3);
    type_into(&mut h, "Ballots found in the box", "3");
    h.get_by_label("Record figures").click();
    h.run();
    screen(&mut h, Key::F4);
    assert!(h.query_by_label_contains(warning).is_none());
    assert!(
        h.query_by_label_contains("Ruled 3 of 3 ballots in the box")
            .is_some()
    );
}

#[test]
fn a_sealed_count_says_sealed_on_the_counting_screen_and_its_buttons_are_off() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("count.polltally");
    sealed_count(&fixture("station-small.json"), &record, &["1", "2", "2"]);
    let mut h = open_count(dir.path(), &record);
    screen(&mut h, Key::F4);
    assert!(h.query_by_label("SEALED").is_some());
    assert!(
        h.query_by_label("The count is sealed: nothing more can be recorded.")
            .is_some()
    );
    for label in [
        "1  AP",
        "4  DP",
        "Dispute the last ruling (D)",
        "Void the last ruling (Backspace)",
    ] {
        let button = h.get_by_label(label);
        assert!(button.accesskit_node().is_disabled(), "{label} is active");
    }
    // A key says why it records nothing.
    screen(&mut h, Key::Num4);
    assert!(
        h.query_by_label_contains("4: nothing is recorded, the count is sealed")
            .is_some()
    );
}

/// A count ready to seal, with the chief and a party agent present.
fn ready_to_seal(dir: &Path) -> PathBuf {
    let record = count_with(dir, &["1", "2", "2", "I1"], 4);
    let rec = s(&record);
    present(rec, "Chan Sophea", "chief", None);
    present(rec, "Keo Rith", "party_agent", Some("3"));
    record
}

fn is_sealed(record: &Path) -> bool {
    Record::open(record).unwrap().count().seal().is_some()
}

#[test]
fn sealing_asks_for_confirmation_showing_what_will_be_sealed() {
    let dir = tempfile::tempdir().unwrap();
    let record = ready_to_seal(dir.path());
    let mut h = open_count(dir.path(), &record);
    screen(&mut h, Key::F6);
    h.get_all_by_label("refuses").nth(1).unwrap().click();
    h.run();
    // The reason is a field as wide as a sentence.
    let field = h.get_by_role_and_label(Role::TextInput, "Keo Rith (Party agent 3)");
    assert!(field.rect().width() >= 400.0, "{:?}", field.rect());
    type_into(
        &mut h,
        "Keo Rith (Party agent 3)",
        "the blank ballots were not shown",
    );

    h.get_by_label("Seal the count").click();
    h.run();
    assert!(!is_sealed(&record), "sealed without confirmation");
    for shown in [
        "Seal the count? After sealing nothing more can be recorded.",
        "Ballots ruled: 4 (3 valid, 1 invalid), 0 disputed. Ballots in the box: 4.",
        "Votes: 1 AP: 1, 2 BP: 2, 3 GP: 0, 4 DP: 0",
        "Signed by: Chan Sophea (Chief)",
        "Refused to sign: Keo Rith (Party agent 3), reason: the blank ballots were not shown",
    ] {
        assert!(h.query_by_label(shown).is_some(), "{shown} not shown");
    }
    // Going back seals nothing and keeps what was typed.
    h.get_by_label("Go back").click();
    h.run();
    assert!(!is_sealed(&record));
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, "Keo Rith (Party agent 3)")
            .value()
            .as_deref(),
        Some("the blank ballots were not shown")
    );
    h.get_by_label("Seal the count").click();
    h.run();
    h.get_by_label("Yes, seal the count now").click();
    h.run();
    assert!(is_sealed(&record));
    // After sealing the screen says who signed and who refused.
    assert!(h.query_by_label("Signed by: Chan Sophea (Chief)").is_some());
    assert!(
        h.query_by_label(
            "Refused to sign: Keo Rith (Party agent 3), reason: the blank ballots were not shown"
        )
        .is_some()
    );
}

/// The people present in `record`: name, role and withdrawn or not.
fn people(record: &Path) -> Vec<(String, PersonRole, bool)> {
    Record::open(record)
        .unwrap()
        .count()
        .people()
        .values()
        .map(|p| {
            (
                p.person.name.to_string(),
                p.person.role,
                p.withdrawn_by.is_some(),
            )
        })
        .collect()
}

#[test]
fn recording_a_person_puts_the_role_back_to_member() {
    let dir = tempfile::tempdir().unwrap();
    let record = count_with(dir.path(), &[], 0);
    let mut h = open_count(dir.path(), &record);
    screen(&mut h, Key::F2);
    type_into(&mut h, "Full name", "Chan Sophea");
    h.get_by_label("Chief").click();
    h.run();
    h.get_by_label("Record present").click();
    h.run();
    // The next person is not a second chief by the role picked before.
    type_into(&mut h, "Full name", "Sok Dara");
    h.get_by_label("Record present").click();
    h.run();
    assert_eq!(
        people(&record),
        [
            ("Chan Sophea".to_string(), PersonRole::Chief, false),
            ("Sok Dara".to_string(), PersonRole::Member, false),
        ]
    );
}

#[test]
fn withdrawing_a_person_asks_for_confirmation_and_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let record = count_with(dir.path(), &[], 0);
    ok(&[
        "present",
        "--record",
        s(&record),
        "--name",
        "Sok Dara",
        "--role",
        "member",
    ]);
    let mut h = open_count(dir.path(), &record);
    screen(&mut h, Key::F2);
    h.get_by_label("Withdraw").click();
    h.run();
    assert!(!people(&record)[0].2, "withdrawn without confirmation");
    let prompt = "Withdraw Sok Dara (entry 3)? Give the reason:";
    // The reason field has the focus, ready for the reason.
    assert!(
        h.get_by_role_and_label(Role::TextInput, prompt)
            .is_focused()
    );
    // Cancel withdraws nothing.
    h.get_by_label("Cancel (Esc)").click();
    h.run();
    assert!(h.query_by_label(prompt).is_none());
    assert!(!people(&record)[0].2);
    // Without a reason, nothing is withdrawn; with one, it is recorded.
    h.get_by_label("Withdraw").click();
    h.run();
    h.get_by_label("Withdraw Sok Dara").click();
    h.run();
    assert!(!people(&record)[0].2);
    type_into(&mut h, prompt, "left the station at 19:00");
    h.get_by_label("Withdraw Sok Dara").click();
    h.run();
    assert!(people(&record)[0].2);
    let reasons: Vec<String> = Record::open(&record)
        .unwrap()
        .journal()
        .unwrap()
        .into_iter()
        .filter_map(|(_, body)| match body.event {
            polltally::journal::event::Event::PresenceWithdrawn { reason, .. } => {
                Some(reason.to_string())
            }
            _ => None,
        })
        .collect();
    assert_eq!(reasons, ["left the station at 19:00"]);
    assert!(h.query_by_label(prompt).is_none());
}
