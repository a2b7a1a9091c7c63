//! The notice line under the top bar, driven through the real app: a notice
//! belongs to the action that made it (the next action replaces it), is
//! worded in the language shown when it is drawn, names fields by the label
//! beside them on screen, and says what to do when printing fails.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::ui::{
    finish_jobs, harness, notice, open_count, practice, press, record_present, sealed_on_results,
    start_review, type_into,
};
use eframe::egui::Key;
use egui_kittest::kittest::{NodeT, Queryable};

#[test]
fn a_refusal_is_replaced_by_the_next_ruling() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = practice(dir.path());
    // Nothing is ruled yet: Backspace is refused, in red, on screen.
    press(&mut h, &[Key::Backspace]);
    assert!(
        h.query_by_label_contains("There is no ruling to void.")
            .is_some()
    );
    assert!(h.state().notice.as_ref().unwrap().is_error);
    // The next action, a ruling, replaces it.
    press(&mut h, &[Key::Num3]);
    assert!(h.query_by_label("Party 3 tally: 1").is_some());
    assert_eq!(notice(&h), None);
    assert!(
        h.query_by_label_contains("There is no ruling to void.")
            .is_none()
    );
}

#[test]
fn a_refusal_is_worded_again_after_switching_language_and_numerals() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = practice(dir.path());
    // No party number starts with 0.
    press(&mut h, &[Key::Num0]);
    assert!(h.query_by_label("No party number starts with 0.").is_some());
    h.get_by_label("ខ្មែរ").click();
    h.run();
    assert!(h.query_by_label_contains("No party number").is_none());
    assert!(h.query_by_label("គ្មានលេខគណបក្សណាចាប់ផ្ដើមដោយ 0 ទេ។").is_some());
    h.get_by_label("១២៣").click();
    h.run();
    assert!(h.query_by_label("គ្មានលេខគណបក្សណាចាប់ផ្ដើមដោយ ០ ទេ។").is_some());
    // Switching the language is not an action: the notice stays.
    h.get_by_label("English").click();
    h.run();
    assert!(h.query_by_label("No party number starts with ០.").is_some());
}

#[test]
fn a_refusal_on_the_station_screen_names_the_field_by_its_label() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = practice(dir.path());
    h.key_press(Key::F2);
    h.run();
    record_present(&mut h, "Sok Dara", "Party agent", Some("13"));
    let text = notice(&h).unwrap();
    assert!(
        text.starts_with("Party number: 13 is not on this station's ballot"),
        "{text}"
    );
    assert!(!text.contains("party:"), "{text}");
    h.get_by_label("ខ្មែរ").click();
    h.run();
    let text = notice(&h).unwrap();
    assert!(text.starts_with("លេខគណបក្ស៖ 13 "), "{text}");

    // A party number that is not a number is named the same way.
    h.get_by_label("English").click();
    h.run();
    record_present(&mut h, "Sok Dara", "Party agent", Some("x"));
    assert_eq!(
        notice(&h).as_deref(),
        Some("Party number: \"x\" is not a whole number")
    );
}

#[test]
fn a_refusal_to_seal_names_the_reason_field_by_its_label_and_the_seal_clears_it() {
    let dir = tempfile::tempdir().unwrap();
    // A count ready to seal: figures that hold for three ballots.
    let record = dir.path().join("count.polltally");
    let rec = common::s(&record);
    common::ok(&[
        "new",
        "--station",
        common::s(&common::fixture("station-small.json")),
        "--record",
        rec,
    ]);
    common::record_figures(rec, [500, 497, 0, 3, 0, 0, 3]);
    common::rule_lines(rec, ["1", "2", "2"]);
    let mut h = open_count(dir.path(), &record);
    h.key_press(Key::F2);
    h.run();
    record_present(&mut h, "Chea Sophal", "Chief", None);
    record_present(&mut h, "Lim Bopha", "Member", None);
    h.key_press(Key::F6);
    h.run();
    // The second person refuses to sign and gives no reason: the seal
    // button is off, and why stands beside it, naming the field by its
    // label.
    let refuses = h.get_all_by_label("refuses").nth(1).unwrap();
    refuses.click();
    h.run();
    let why = "Reason given by Lim Bopha: must not be empty";
    assert!(h.query_by_label(why).is_some());
    assert!(h.query_by_label_contains("refused[").is_none());
    assert!(
        h.get_by_label("Seal the count")
            .accesskit_node()
            .is_disabled()
    );
    // In Khmer, the same field by its Khmer label.
    h.get_by_label("ខ្មែរ").click();
    h.run();
    assert!(
        h.query_by_label("មូលហេតុដែល Lim Bopha ផ្ដល់៖ មិនត្រូវទទេទេ")
            .is_some()
    );
    h.get_by_label("English").click();
    h.run();
    // With a reason, the count is sealed and the refusal is gone.
    type_into(&mut h, "Lim Bopha (Member)", "the count was too fast");
    h.get_by_label("Seal the count").click();
    h.run();
    h.get_by_label("Yes, seal the count now").click();
    h.run();
    assert!(
        h.state()
            .session
            .as_ref()
            .unwrap()
            .record
            .count()
            .seal()
            .is_some()
    );
    assert_eq!(notice(&h), None);
    assert!(h.query_by_label_contains("must not be empty").is_none());
}

#[test]
fn printing_without_a_printer_command_says_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = sealed_on_results(dir.path());
    // As on a computer without `lp`.
    h.state_mut().print_command = "polltally-test-no-such-printer".into();
    h.get_by_label("Print copies A, B and C").click();
    finish_jobs(&mut h);
    let text = notice(&h).unwrap();
    assert!(
        text.starts_with("No printer command (polltally-test-no-such-printer) was found"),
        "{text}"
    );
    assert!(text.contains(dir.path().to_str().unwrap()), "{text}");
    assert!(text.contains("print them from another computer"), "{text}");
    assert!(!text.contains("os error"), "{text}");
    assert!(h.state().notice.as_ref().unwrap().is_error);
    // The forms are saved all the same.
    assert!(dir.path().join("count-copy-A.pdf").exists());
    assert!(h.query_by_label(&text).is_some());
}

#[test]
fn an_empty_path_on_the_start_screen_is_named_by_its_label_in_the_language_shown() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.run();
    h.get_by_label("Start the count").click();
    h.run();
    assert_eq!(
        notice(&h).as_deref(),
        Some("Station file: give a file path")
    );
    h.get_by_label("ខ្មែរ").click();
    h.run();
    assert!(h.query_by_label("ឯកសារការិយាល័យ៖ សូមផ្ដល់ផ្លូវឯកសារ").is_some());
}

#[test]
fn a_refused_figure_is_named_by_its_symbol_and_name_on_screen() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = practice(dir.path());
    h.key_press(Key::F3);
    h.run();
    type_into(&mut h, "Ballots received", "abc");
    h.get_by_label("Record figures").click();
    h.run();
    assert_eq!(
        notice(&h).as_deref(),
        Some("R Ballots received: \"abc\" is not a whole number")
    );
    // Beyond what a count can hold (2^53).
    type_into(&mut h, "Ballots received", "9007199254740992");
    h.get_by_label("Record figures").click();
    h.run();
    let text = notice(&h).unwrap();
    assert!(
        text.starts_with("R Ballots received: 9007199254740992 is too large"),
        "{text}"
    );
    assert!(!text.starts_with("received:"), "{text}");
}

#[test]
fn a_failed_verification_is_worded_again_after_switching_language() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.run();
    h.get_by_label("Verify a results file").click();
    h.run();
    let missing = dir.path().join("missing-results.json");
    type_into(&mut h, "Results file", missing.to_str().unwrap());
    h.get_by_label("Verify").click();
    finish_jobs(&mut h);
    assert!(h.query_by_label_contains("cannot read").is_some());
    h.get_by_label("ខ្មែរ").click();
    h.run();
    assert!(h.query_by_label_contains("cannot read").is_none());
    assert!(h.query_by_label_contains("មិនអាចអាន").is_some());
}

#[test]
fn a_refused_review_names_the_ballot_number_field_by_its_label() {
    let dir = tempfile::tempdir().unwrap();
    let station = common::commune_station(dir.path(), "0101-01-0001", None);
    let first = dir.path().join("first.polltally");
    common::sealed_count(&station, &first, &["1", "1", "I4"]);
    let mut h = harness(dir.path());
    h.run();
    start_review(&mut h, &first);
    type_into(&mut h, "Ballot number", "99");
    type_into(&mut h, "Ruling", "2");
    h.get_by_label("Record the ruling").click();
    h.run();
    let text = notice(&h).unwrap();
    assert!(text.starts_with("Ballot number: 99 "), "{text}");
    assert!(!text.contains("review_of"), "{text}");
    // An unknown criterion is named as the criterion, not `criterion:`.
    type_into(&mut h, "Ruling", "x");
    h.get_by_label("Record the ruling").click();
    h.run();
    let text = notice(&h).unwrap();
    assert!(
        text.starts_with("Criterion: x is not a criterion of this count"),
        "{text}"
    );
}
