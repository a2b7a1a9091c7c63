//! The first run leads the way: a new count opens on the people present,
//! each screen names the next step, Enter in the start screen's fields starts
//! the count, "Reopen the last count" reopens the last real count (never the
//! practice one), and a Tab from nowhere goes to the screen's first input.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::ui::{harness, harness_with, type_into};
use common::{fixture, s};
use eframe::egui::{self, Key, Role};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use polltally::app::{PolltallyApp, Screen};

/// Starts a count of the small station from the start screen, with the
/// button.
fn start_count(h: &mut Harness<'_, PolltallyApp>) {
    type_into(h, "Station file", s(&fixture("station-small.json")));
    h.get_by_label("Start the count").click();
    h.run();
}

#[test]
fn a_new_count_opens_on_station_and_each_screen_names_the_next_step() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.run();
    start_count(&mut h);
    assert_eq!(h.state().screen, Screen::Station);
    assert!(
        h.query_by_label_contains("First step: record everyone present")
            .is_some()
    );
    for (next, step, screen) in [
        (
            "Go to F3 Reconciliation",
            "Next, when everyone present is recorded",
            Screen::Reconciliation,
        ),
        (
            "Go to F4 Counting",
            "Next, when the figures are recorded",
            Screen::Counting,
        ),
        (
            "Go to F5 Cross-check",
            "Next, when every ballot is ruled",
            Screen::CrossCheck,
        ),
        (
            "Go to F6 Results",
            "Next, when the piles are counted",
            Screen::Results,
        ),
    ] {
        assert!(h.query_by_label_contains(step).is_some(), "{step}");
        h.get_by_label(next).click();
        h.run();
        assert_eq!(h.state().screen, screen);
    }
}

#[test]
fn enter_in_the_station_field_starts_the_count() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.run();
    type_into(&mut h, "Station file", s(&fixture("station-small.json")));
    h.key_press(Key::Enter);
    h.run();
    assert!(h.query_by_label_contains("Started a new count").is_some());
    assert_eq!(h.state().screen, Screen::Station);

    // Enter in the record field starts one too, where it says.
    h.get_by_label("Close count").click();
    h.run();
    let record = dir.path().join("second.polltally");
    type_into(&mut h, "New count record file (optional)", s(&record));
    h.key_press(Key::Enter);
    h.run();
    assert!(record.exists());
}

#[test]
fn reopen_the_last_count_reopens_the_real_count_not_the_practice_one() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.run();
    start_count(&mut h);
    let real = h.state().settings.last_record.clone().unwrap();
    h.get_by_label("Close count").click();
    h.run();
    for practice in ["Open the practice count", "Start a fresh practice count"] {
        h.get_by_label(practice).click();
        h.run();
        h.get_by_label("Close count").click();
        h.run();
    }
    let reopen = format!("Reopen the last count: {}", real.display());
    h.get_by_label(&reopen).click();
    h.run();
    let session = h.state().session.as_ref().unwrap();
    assert_eq!(session.record.path(), real);
    assert!(!session.record.count().definition().practice);
}

#[test]
fn reopen_the_last_count_is_not_offered_for_a_practice_count_remembered_before() {
    let dir = tempfile::tempdir().unwrap();
    let places = polltally::app::places::Places::new(dir.path().to_path_buf());
    let settings = polltally::app::Settings {
        last_record: Some(places.practice_path()),
        ..Default::default()
    };
    let mut h = harness_with(dir.path(), (1366.0, 768.0), settings);
    h.run();
    assert!(h.query_by_label_contains("Reopen the last count").is_none());
}

/// Presses Tab with nothing focused, then types `text`.
fn tab_then_type(h: &mut Harness<'_, PolltallyApp>, text: &str) {
    assert!(h.ctx.memory(|m| m.focused().is_none()));
    h.key_press(Key::Tab);
    h.run();
    h.input_mut().events.push(egui::Event::Text(text.into()));
    h.step();
    h.run();
}

#[test]
fn a_tab_from_nowhere_goes_to_the_screens_first_input() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.run();
    tab_then_type(&mut h, "start.polltally");
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, "Count record file")
            .value()
            .as_deref(),
        Some("start.polltally")
    );
    h.get_by_label("Open the practice count").click();
    h.run();
    for (key, field, text) in [
        (Key::F2, "Full name", "Chan Sophea"),
        (Key::F3, "Ballots received", "700"),
        (Key::F5, "1 FPP", "26"),
    ] {
        h.key_press(key);
        h.run();
        h.key_press(Key::Escape); // nothing focused
        h.run();
        tab_then_type(&mut h, text);
        assert_eq!(
            h.get_by_role_and_label(Role::TextInput, field)
                .value()
                .as_deref(),
            Some(text),
            "{field}"
        );
    }
}
