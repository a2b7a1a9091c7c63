//! Khmer screens with Khmer numerals, driven through the real app: every
//! number a person reads is in Khmer numerals and no English word stands
//! around the key names. What may stay in Latin letters and digits: the
//! keys' printed names (F2, Q, Enter, Backspace...), criterion codes (V2,
//! I4), the names of the language and numerals switches, and the parties'
//! abbreviations, codes and criteria texts from the station file.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::ui::{practice, press};
use eframe::egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT, Queryable};
use polltally::app::PolltallyApp;

/// Every text of the screen: labels, values and accessible names.
fn texts(h: &Harness<'_, PolltallyApp>) -> Vec<String> {
    let mut out = Vec::new();
    for node in h.query_all(By::new().include_labels().predicate(|_| true)) {
        let node = node.accesskit_node();
        out.extend(node.label());
        out.extend(node.value());
    }
    out
}

/// The words of `text` written in Latin letters or Western digits that are
/// not keys, codes or names from the station file.
fn latin_words(text: &str, allowed: &[String]) -> Vec<String> {
    const KEYS: &[&str] = &[
        "Enter",
        "Backspace",
        "Esc",
        "Tab",
        "Q",
        "W",
        "E",
        "R",
        "T",
        "Y",
        "Z",
        "X",
        "C",
        "D",
        "K",
        "polltally",
    ];
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .filter(|w| !KEYS.contains(w))
        // Function keys of the tabs, criterion codes.
        .filter(|w| {
            let mut chars = w.chars();
            let first = chars.next();
            let rest: String = chars.collect();
            !(matches!(first, Some('F' | 'V' | 'I'))
                && !rest.is_empty()
                && rest.chars().all(|c| c.is_ascii_digit()))
        })
        .filter(|w| !allowed.iter().any(|a| a == w))
        .map(str::to_string)
        .collect()
}

/// The words in Latin letters and digits that come from the station file:
/// the parties' abbreviations, the station's code, the criteria's texts
/// (the shapes of marks: X, V, O...); and the switches, which name
/// themselves.
fn station_words(h: &Harness<'_, PolltallyApp>) -> Vec<String> {
    let def = {
        let session = h.state().session.as_ref().unwrap();
        session.record.count().definition().clone()
    };
    let mut allowed: Vec<String> = def.parties.iter().map(|p| p.abbreviation.clone()).collect();
    // The switches name themselves; the criteria's texts come from the
    // station file (the shapes of marks: X, V, O...).
    allowed.extend(["English".to_string(), "123".to_string()]);
    for criterion in def.criteria.iter() {
        let mut texts = vec![criterion.title.get("km"), criterion.rule.get("km")];
        texts.extend(criterion.example.as_ref().map(|e| e.get("km")));
        for text in texts {
            allowed.extend(
                text.split(|c: char| !c.is_ascii_alphanumeric())
                    .map(str::to_string),
            );
        }
    }
    // Identifiers: the election's, the commune's and the books' codes, the
    // time zone's IANA name, and the definition hash.
    let hash = h
        .state()
        .session
        .as_ref()
        .unwrap()
        .record
        .station()
        .hash()
        .to_hex();
    // The hash is shown in groups of four.
    allowed.extend(
        hash.as_bytes()
            .chunks(4)
            .map(|c| String::from_utf8_lossy(c).into_owned()),
    );
    let ids = [
        def.station.code.to_string(),
        def.election.id.to_string(),
        def.station.commune_code.to_string(),
    ];
    let books = def.ballot_books.iter().map(|b| b.book.to_string());
    let zone = def.time_zone.iter().map(|z| z.name().to_string());
    for id in ids.into_iter().chain(books).chain(zone) {
        allowed.extend(
            id.split(|c: char| !c.is_ascii_alphanumeric())
                .map(str::to_string),
        );
    }
    // The form's symbols of the figures.
    allowed.extend(["S", "B", "I", "P", "U", "V", "Reg"].map(str::to_string));
    allowed
}

/// The practice count open on Counting, in Khmer with Khmer numerals.
fn practice_in_khmer(dir: &std::path::Path) -> Harness<'static, PolltallyApp> {
    let mut h = practice(dir);
    h.get_by_label("ខ្មែរ").click();
    h.run();
    h.get_by_label("១២៣").click();
    h.run();
    h
}

#[test]
fn the_counting_screen_in_khmer_numerals_has_no_western_digits_nor_english_words() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = practice_in_khmer(dir.path());
    // Rulings of every kind: parties, an invalid ballot, another valid
    // mark, a dispute, and a void begun.
    press(
        &mut h,
        &[
            Key::Num3,
            Key::Num5,
            Key::Q,
            Key::Z,
            Key::Num3,
            Key::Num1,
            Key::Num1,
        ],
    );
    press(&mut h, &[Key::Enter, Key::D, Key::Num5, Key::Enter]);
    press(&mut h, &[Key::Num4, Key::Num1]);

    let allowed = station_words(&h);

    let screen = texts(&h);
    assert!(screen.iter().any(|t| t.contains("១")), "{screen:#?}");
    let found: Vec<(String, Vec<String>)> = screen
        .iter()
        .map(|t| (t.clone(), latin_words(t, &allowed)))
        .filter(|(_, words)| !words.is_empty())
        .collect();
    assert!(found.is_empty(), "{found:#?}");

    // The counts this test made, in Khmer numerals.
    assert!(h.query_by_label("ចំនួនរាប់បានរបស់គណបក្ស ៣៖ ២").is_some());
    assert!(h.query_by_label("បានជំទាស់៖ ១").is_some());
    // The pending party prefix is shown as typed, in Khmer numerals.
    assert!(h.query_by_label_contains("១៖ ចុច Enter").is_some());
}

#[test]
fn every_screen_of_the_count_in_khmer_numerals_has_no_western_digits_nor_english_words() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = practice_in_khmer(dir.path());
    press(
        &mut h,
        &[Key::Num3, Key::Num5, Key::Q, Key::D, Key::Num5, Key::Enter],
    );
    let allowed = station_words(&h);
    let mut found = Vec::new();
    for key in [
        Key::F2,
        Key::F3,
        Key::F4,
        Key::F5,
        Key::F6,
        Key::F7,
        Key::F8,
        Key::F9,
    ] {
        h.key_press(key);
        h.run();
        for text in texts(&h) {
            let words = latin_words(&text, &allowed);
            if !words.is_empty() {
                found.push((format!("{key:?}"), text, words));
            }
        }
    }
    assert!(found.is_empty(), "{found:#?}");
}
