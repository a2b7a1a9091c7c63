//! Where the keys go, whatever has the focus and however fast they come: on
//! the counting screen every key rules (a Tab moves nothing, Enter presses
//! no button) and a key that does nothing says why; in the figure and pile
//! fields each value lands in the field it was typed into, in one frame or
//! across frames.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::ui::practice;
use eframe::egui::{self, Key, Role};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use polltally::app::{PolltallyApp, Screen};
use polltally::domain::party::PartyNumber;
use polltally::store::Record;

/// A key pressed and released, as the window gives it: a digit also types
/// its character.
fn key_events(key: Key) -> Vec<egui::Event> {
    let event = |pressed| egui::Event::Key {
        key,
        physical_key: None,
        pressed,
        repeat: false,
        modifiers: egui::Modifiers::default(),
    };
    let mut events = vec![event(true)];
    if let Some(d) = digit_of(key) {
        events.push(egui::Event::Text(d.to_string()));
    }
    events.push(event(false));
    events
}

fn digit_of(key: Key) -> Option<char> {
    let name = key.name();
    let mut chars = name.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_ascii_digit() => Some(c),
        _ => None,
    }
}

fn digit_key(c: char) -> Key {
    Key::from_name(&c.to_string()).unwrap()
}

/// `26\t33` as keys: digits, and Tab for `\t`.
fn keys_of(typed: &str) -> Vec<Key> {
    typed
        .chars()
        .map(|c| if c == '\t' { Key::Tab } else { digit_key(c) })
        .collect()
}

/// Every key in one frame, then the app runs until it settles.
fn in_one_frame(h: &mut Harness<'_, PolltallyApp>, keys: &[Key]) {
    for key in keys {
        h.input_mut().events.extend(key_events(*key));
    }
    h.step();
    // Each Tab takes a frame: the keys after it wait for the next one.
    let tabs = keys.iter().filter(|k| **k == Key::Tab).count();
    h.run_steps(tabs);
    h.run();
}

/// The keys two by two, a frame each: a slow frame catches the key typed
/// after a Tab.
fn in_pairs(h: &mut Harness<'_, PolltallyApp>, keys: &[Key]) {
    for pair in keys.chunks(2) {
        for key in pair {
            h.input_mut().events.extend(key_events(*key));
        }
        h.step();
    }
    h.run();
}

/// Each key in a frame of its own.
fn one_by_one(h: &mut Harness<'_, PolltallyApp>, keys: &[Key]) {
    for key in keys {
        h.input_mut().events.extend(key_events(*key));
        h.step();
    }
    h.run();
}

fn practice_count(dir: &std::path::Path) -> polltally::domain::count::Count {
    Record::open(&dir.join("practice.polltally"))
        .unwrap()
        .count()
        .clone()
}

#[test]
fn a_tab_to_the_tab_bar_leaves_the_ruling_keys_ruling() {
    for one_frame in [false, true] {
        let dir = tempfile::tempdir().unwrap();
        let mut h = practice(dir.path());
        let keys = [Key::Tab, Key::Num5, Key::Q];
        if one_frame {
            in_one_frame(&mut h, &keys);
        } else {
            one_by_one(&mut h, &keys);
        }
        let count = practice_count(dir.path());
        assert_eq!(count.tally().votes_for(PartyNumber(5)), 1, "{one_frame}");
        assert_eq!(count.tally().invalid_total(), 1, "{one_frame}");
        assert!(h.ctx.memory(|m| m.focused().is_none()), "{one_frame}");
    }
}

#[test]
fn a_tab_on_the_counting_screen_says_why_it_does_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = practice(dir.path());
    one_by_one(&mut h, &[Key::Tab]);
    assert!(
        h.query_by_label_contains("Tab does nothing on the Counting screen")
            .is_some()
    );
    one_by_one(&mut h, &[Key::A]);
    assert!(
        h.query_by_label_contains("A does nothing here: type the party number")
            .is_some()
    );
    // In a dispute, a letter means nothing either, and says so.
    one_by_one(&mut h, &[Key::Num7, Key::D, Key::Q]);
    assert!(h.query_by_label_contains("Q does nothing here").is_some());
    assert_eq!(practice_count(dir.path()).tally().invalid_total(), 0);
}

#[test]
fn enter_after_many_tabs_presses_no_button_on_the_counting_screen() {
    for one_frame in [false, true] {
        let dir = tempfile::tempdir().unwrap();
        let mut h = practice(dir.path());
        let mut keys = vec![Key::Tab; 20];
        keys.extend([Key::Num1, Key::Enter]);
        if one_frame {
            in_one_frame(&mut h, &keys);
        } else {
            one_by_one(&mut h, &keys);
        }
        assert_eq!(h.state().screen, Screen::Counting, "{one_frame}");
        let count = practice_count(dir.path());
        let parties: Vec<Option<u32>> = count
            .rulings()
            .values()
            .map(|r| r.ruling.verdict.party().map(|p| p.0))
            .collect();
        assert_eq!(parties, [Some(1)], "{one_frame}");
    }
}

#[test]
fn a_button_focused_on_another_screen_presses_nothing_on_counting() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = practice(dir.path());
    // On Station, the Station tab is focused; F4 goes to Counting.
    h.key_press(Key::F2);
    h.run();
    h.get_by_label("F2 Station").focus();
    h.run();
    one_by_one(&mut h, &[Key::F4]);
    assert_eq!(h.state().screen, Screen::Counting);
    // There, the keys rule; Enter and Space press nothing.
    one_by_one(
        &mut h,
        &[Key::Num3, Key::Enter, Key::Space, Key::Num1, Key::Enter],
    );
    assert_eq!(h.state().screen, Screen::Counting);
    let count = practice_count(dir.path());
    assert_eq!(count.tally().ruled(), 2);
    assert_eq!(count.tally().votes_for(PartyNumber(3)), 1);
    assert_eq!(count.tally().votes_for(PartyNumber(1)), 1);
}

/// The values of the text fields labelled `labels`.
fn values(h: &Harness<'_, PolltallyApp>, labels: &[&str]) -> Vec<String> {
    labels
        .iter()
        .map(|label| {
            h.get_by_role_and_label(Role::TextInput, label)
                .value()
                .unwrap_or_default()
        })
        .collect()
}

/// Focuses the field labelled `label`.
fn focus(h: &mut Harness<'_, PolltallyApp>, label: &str) {
    h.get_by_role_and_label(Role::TextInput, label).focus();
    h.run();
}

type Typing = fn(&mut Harness<'static, PolltallyApp>, &[Key]);

/// The speeds tried: every key in one frame (a slow frame), two keys a
/// frame (a Tab and the key after it together), and a key a frame.
const SPEEDS: [(&str, Typing); 3] = [
    ("one frame", in_one_frame),
    ("two keys a frame", in_pairs),
    ("a key a frame", one_by_one),
];

#[test]
fn figures_typed_value_tab_value_land_in_their_own_fields_at_any_speed() {
    let fields = [
        "Ballots received",
        "Ballots unused",
        "Ballots spoiled and cancelled",
        "Voters marked on the voter list",
    ];
    for (speed, typing) in SPEEDS {
        let dir = tempfile::tempdir().unwrap();
        let mut h = practice(dir.path());
        h.key_press(Key::F3);
        h.run();
        focus(&mut h, fields[0]);
        typing(&mut h, &keys_of("26\t33\t17\t55"));
        assert_eq!(values(&h, &fields), ["26", "33", "17", "55"], "{speed}");
    }
}

#[test]
fn pile_counts_typed_value_tab_value_land_in_their_own_fields_at_any_speed() {
    for (speed, typing) in SPEEDS {
        let dir = tempfile::tempdir().unwrap();
        let mut h = practice(dir.path());
        h.key_press(Key::F5);
        h.run();
        let count = practice_count(dir.path());
        let labels: Vec<String> = count.definition().parties[..4]
            .iter()
            .map(|p| format!("{} {}", p.number, p.abbreviation))
            .collect();
        let fields: Vec<&str> = labels.iter().map(String::as_str).collect();
        focus(&mut h, fields[0]);
        typing(&mut h, &keys_of("26\t33\t17\t55"));
        assert_eq!(values(&h, &fields), ["26", "33", "17", "55"], "{speed}");
        // Recorded with Enter, each pile is the one typed for it.
        in_one_frame(&mut h, &[Key::Enter]);
        let piles = practice_count(dir.path()).piles().clone();
        let got: Vec<u64> = (1..=4).map(|p| piles[&PartyNumber(p)]).collect();
        assert_eq!(got, [26, 33, 17, 55], "{speed}");
    }
}
