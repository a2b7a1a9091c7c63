//! The public display: what it shows is computed from the count, and after
//! a count typed on the counting screen it agrees with the tally and with
//! what the counting screen shows; F11 and the button open and hide it, and
//! it follows the language and numerals of the app.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::ui::{count_of, digit, practice, press};
use eframe::egui::Key;
use egui_kittest::kittest::Queryable;
use polltally::app::command::AppCommand;
use polltally::app::counting::CountingView;
use polltally::domain::ballot::BallotNumber;
use polltally::domain::party::PartyNumber;
use polltally::domain::public_view::{LastVerdict, PublicView};
use polltally::domain::text::Numerals;
use polltally::i18n::{Lang, Tr};

/// Ballots typed on the counting screen: 3, 5, 5, 12, then Q (the first
/// invalid criterion), W, then 7 (ballot 7), disputed by parties 2 and 4.
fn typed_count() -> Vec<Key> {
    vec![
        digit(3),
        digit(5),
        digit(5),
        digit(1),
        digit(2),
        Key::Q,
        Key::W,
        digit(7),
        Key::D,
        digit(2),
        Key::Space,
        digit(4),
        Key::Enter,
    ]
}

#[test]
fn the_display_agrees_with_the_tally_and_the_counting_screen_after_a_count() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = practice(dir.path());
    press(&mut h, &typed_count());
    let count = count_of(&h);
    let tally = count.tally();
    let view = PublicView::of(&count, "en");
    let screen = CountingView::new(&count, h.state().tr());

    assert_eq!(view.ruled, 7);
    assert_eq!(view.ruled, tally.ruled());
    assert_eq!(view.ruled, screen.ruled);
    assert_eq!(view.in_box, screen.in_box);
    assert_eq!(view.parties.len(), count.definition().parties.len());
    for (shown, on_screen) in view.parties.iter().zip(&screen.parties) {
        assert_eq!(shown.votes, tally.votes_for(shown.number));
        assert_eq!(shown.number, on_screen.number);
    }
    let votes: Vec<u64> = view.parties.iter().map(|p| p.votes).collect();
    assert_eq!(votes, vec![0, 0, 1, 0, 2, 0, 1, 0, 0, 0, 0, 1]);
    assert_eq!(view.invalid.len(), screen.invalid.len());
    for (shown, on_screen) in view.invalid.iter().zip(&screen.invalid) {
        assert_eq!(shown.code.as_str(), on_screen.code);
        assert_eq!(shown.count, on_screen.count);
        assert_eq!(
            shown.count,
            tally.invalid().get(&shown.code).copied().unwrap_or(0)
        );
    }
    assert_eq!(view.invalid.iter().map(|l| l.count).sum::<u64>(), 2);

    // The ballot just ruled, with the dispute recorded after it.
    let last = view.last.as_ref().unwrap();
    assert_eq!(last.ballot, BallotNumber(7));
    assert!(matches!(
        last.verdict,
        LastVerdict::Party {
            number: PartyNumber(7),
            ..
        }
    ));
    assert_eq!(last.disputed_by, vec![PartyNumber(2), PartyNumber(4)]);
    let just = screen.just_ruled.unwrap();
    assert_eq!(just.ballot, last.ballot);
    assert_eq!(just.disputed_by, vec![2, 4]);
    assert!(view.marking.practice);
    assert!(!view.marking.sealed);
}

#[test]
fn f11_and_the_button_show_and_hide_the_display_which_follows_the_count() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = practice(dir.path());
    press(&mut h, &typed_count());
    assert!(h.query_by_label("Ballot 7").is_none());
    press(&mut h, &[Key::F11]);
    assert!(h.state().session.as_ref().unwrap().counting.public_display);
    // The window's title, then what it shows (kittest draws the second
    // window inside the first).
    assert!(h.query_by_label("polltally - public display").is_some());
    assert!(h.query_by_label("Ballot 7").is_some());
    assert!(h.query_by_label("Valid: party 7").is_some());
    assert!(h.query_by_label("Disputed by parties 2, 4").is_some());
    let five = count_of(&h)
        .definition()
        .party(PartyNumber(5))
        .unwrap()
        .name
        .get("en")
        .to_string();
    assert!(
        h.query_by_label(&format!("Party 5 {five}: 2 votes"))
            .is_some()
    );
    // The next ruling shows at once, in the same frame as the counting
    // screen's.
    press(&mut h, &[digit(5)]);
    assert!(h.query_by_label("Ballot 8").is_some());
    assert!(
        h.query_by_label(&format!("Party 5 {five}: 3 votes"))
            .is_some()
    );
    assert!(h.query_by_label("Disputed by parties 2, 4").is_none());
    // Voided: the ballot before it, still counted, is shown again.
    press(&mut h, &[Key::Backspace, Key::Enter]);
    assert!(h.query_by_label("Ballot 8").is_none());
    assert!(h.query_by_label("Ballot 7").is_some());
    assert!(
        h.query_by_label(&format!("Party 5 {five}: 2 votes"))
            .is_some()
    );
    // F11 again hides it; the button opens it.
    press(&mut h, &[Key::F11]);
    assert!(!h.state().session.as_ref().unwrap().counting.public_display);
    assert!(h.query_by_label("Ballot 7").is_none());
    h.get_by_label("F11 Public display").click();
    h.run();
    assert!(h.query_by_label("Ballot 7").is_some());
    // (The pointer would land on the display, which kittest draws over
    // the counting screen.)
    h.get_by_label("F11 Hide the public display")
        .click_accesskit();
    h.run();
    assert!(h.query_by_label("Ballot 7").is_none());
}

#[test]
fn the_display_is_in_the_language_and_numerals_of_the_app() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = practice(dir.path());
    press(&mut h, &typed_count());
    press(&mut h, &[Key::F11, Key::Q]);
    h.state_mut().apply(AppCommand::SetLanguage(Lang::Km));
    h.state_mut()
        .apply(AppCommand::SetNumerals(Numerals::Khmer));
    h.run();
    assert_eq!(
        h.state().tr(),
        Tr::new(Lang::Km).with_numerals(Numerals::Khmer).on_screen()
    );
    assert!(h.query_by_label("សន្លឹកឆ្នោតទី ៨").is_some());
    assert!(h.query_by_label_contains("សន្លឹកឆ្នោតមិនបានការ៖ I1").is_some());
    assert!(h.query_by_label("Ballot 8").is_none());
}
