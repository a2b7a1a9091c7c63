//! The Reconciliation screen's ballot books, by keyboard: a serial typed and
//! Enter records it and moves on to the next book; a refused serial stays
//! typed, the notice naming the book and the value; "book used up" and
//! "book unused" are chosen with a click; U_serial and its check are shown.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::ui::*;
use eframe::egui::{self, Key};
use egui_kittest::kittest::Queryable;
use polltally::domain::reconciliation::CheckName;
use polltally::domain::serials::BookUse;
use std::collections::BTreeMap;

fn books(h: &egui_kittest::Harness<'_, polltally::app::PolltallyApp>) -> BTreeMap<String, BookUse> {
    h.state()
        .session
        .as_ref()
        .unwrap()
        .record
        .count()
        .book_serials()
        .clone()
}

fn typed(h: &egui_kittest::Harness<'_, polltally::app::PolltallyApp>, book: &str) -> String {
    h.state()
        .session
        .as_ref()
        .unwrap()
        .reconciliation
        .serials
        .get(book)
        .cloned()
        .unwrap_or_default()
}

#[test]
fn serials_are_entered_by_keyboard_and_a_refused_one_stays_typed() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = practice(dir.path());
    h.key_press(Key::F3);
    h.run();
    assert!(h.query_by_label("Ballot books by serial").is_some());

    // A serial outside its book: refused, named, still typed, nothing written.
    type_into(&mut h, "B-1801", "180101");
    press(&mut h, &[Key::Enter]);
    let said = notice(&h).unwrap_or_default();
    assert!(
        said.contains("B-1801") && said.contains("180101") && said.contains("180001-180100"),
        "{said}"
    );
    assert!(books(&h).is_empty());
    assert_eq!(typed(&h, "B-1801"), "180101");

    // Corrected: Enter records it, and the keyboard is on B-1802's field.
    type_into(&mut h, "B-1801", "180057");
    press(&mut h, &[Key::Enter]);
    assert_eq!(books(&h).get("B-1801"), Some(&BookUse::FirstUnused(180057)));
    assert_eq!(typed(&h, "B-1801"), "");
    h.run();
    h.input_mut()
        .events
        .push(egui::Event::Text("180150".into()));
    h.run();
    press(&mut h, &[Key::Enter]);
    assert_eq!(books(&h).get("B-1802"), Some(&BookUse::FirstUnused(180150)));

    // The other books by their choices, each a button reached by the
    // keyboard and pressed with Space, recorded together.
    let choose = |h: &mut egui_kittest::Harness<'_, polltally::app::PolltallyApp>, label: &str| {
        h.get_by_label(label).focus();
        h.run();
        press(h, &[Key::Space]);
    };
    for book in ["B-1803", "B-1804", "B-1805", "B-1806"] {
        choose(&mut h, &format!("{book} Book used up"));
    }
    choose(&mut h, "B-1807 Book unused");
    assert!(books(&h).len() == 2, "chosen, not yet recorded");
    choose(&mut h, "Record serials");
    let recorded = books(&h);
    assert_eq!(
        recorded.len(),
        7,
        "{:?} {:?}",
        notice(&h),
        h.state()
            .session
            .as_ref()
            .unwrap()
            .reconciliation
            .book_choices
    );
    assert_eq!(recorded.get("B-1806"), Some(&BookUse::UsedUp));
    assert_eq!(recorded.get("B-1807"), Some(&BookUse::Unused));

    // U_serial: 44 of B-1801, 51 of B-1802, 100 of B-1807.
    assert!(h.query_by_label("195").is_some());
    let count = h.state().session.as_ref().unwrap().record.count();
    assert_eq!(count.unused_by_serial(), Some(195));
    assert!(
        count
            .checks()
            .iter()
            .any(|c| c.name == CheckName::UnusedBySerial)
    );
    assert!(h.query_by_label("Every book is given.").is_some());
}

/// Serials typed in a row with Tab between them land each in its book's
/// field, not on the buttons between them.
#[test]
fn tab_goes_from_a_books_field_to_the_next_books_field() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = practice(dir.path());
    h.key_press(Key::F3);
    h.run();
    type_into(&mut h, "B-1801", "180057");
    press(&mut h, &[Key::Tab]);
    h.run();
    h.input_mut()
        .events
        .push(egui::Event::Text("180150".into()));
    h.run();
    press(&mut h, &[Key::Tab]);
    h.run();
    h.input_mut()
        .events
        .push(egui::Event::Text("180260".into()));
    h.run();
    assert_eq!(typed(&h, "B-1801"), "180057");
    assert_eq!(typed(&h, "B-1802"), "180150");
    assert_eq!(typed(&h, "B-1803"), "180260");
    press(&mut h, &[Key::Enter]);
    assert_eq!(books(&h).get("B-1803"), Some(&BookUse::FirstUnused(180260)));
    assert_eq!(books(&h).len(), 3);
}
