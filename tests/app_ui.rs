//! The real app driven through its accessibility tree with egui_kittest (no
//! display, no GPU): the practice count, figures, 36 rulings by keyboard
//! (invalid ones, a dispute and a void among them) and pile counts; then what
//! the screens show is compared with the core's tally and checks of the same
//! record, read back from disk.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::ui::{
    digit, finish_jobs, harness, practice, press, record_present, sealed_on_results, type_into,
};

use eframe::egui::{self, Key};
use egui::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use polltally::app::PolltallyApp;
use polltally::domain::reconciliation::Figure;
use polltally::i18n::Tr;
use polltally::store::Record;

/// The small fixture station with party 1 listed twice.
fn bad_station(dir: &std::path::Path) -> std::path::PathBuf {
    let station = dir.join("bad-station.json");
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/station-small.json"
    ))
    .unwrap()
    .replace("\"number\": 2,", "\"number\": 1,");
    std::fs::write(&station, text).unwrap();
    station
}

#[test]
fn a_practice_count_by_keyboard_shows_what_the_core_holds() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = practice(dir.path());
    assert!(
        h.query_by_label("PRACTICE - NOT AN OFFICIAL RESULT")
            .is_some()
    );

    // Reconciliation: the figures, recorded with Enter.
    h.key_press(Key::F3);
    h.run();
    let tr = Tr::default();
    let figures = [
        (Figure::Received, "700"),
        (Figure::Unused, "96"),
        (Figure::Spoiled, "4"),
        (Figure::VotersMarked, "590"),
        (Figure::Supplementary, "10"),
        (Figure::TemporaryId, "3"),
        (Figure::InBox, "37"),
    ];
    for (figure, value) in figures {
        type_into(&mut h, tr.figure(figure), value);
    }
    h.key_press(Key::Enter);
    h.run();

    // Counting: 38 rulings by keyboard, one voided, one disputed.
    h.key_press(Key::F4);
    h.run();
    let mut keys: Vec<Key> = Vec::new();
    for round in 0..4u32 {
        keys.extend([digit(3), digit(5), digit(9)]); // parties 3, 5, 9 at once
        keys.extend([digit(1), digit(2)]); // party 12
        keys.extend([digit(1), Key::Enter]); // party 1
        keys.extend([digit(1), digit(0)]); // party 10
        keys.extend([Key::Z, digit(7)]); // party 7 under V2
        keys.push([Key::Q, Key::W, Key::E, Key::R][round as usize]); // invalid I1..I4
    }
    press(&mut h, &keys); // 32 rulings
    press(&mut h, &[Key::T, Key::Y, digit(4), Key::X, digit(2)]); // I5, I6, party 4, party 2 under V3
    press(
        &mut h,
        &[Key::D, digit(5), Key::Space, digit(1), digit(1), Key::Enter],
    ); // dispute the last ruling
    press(&mut h, &[digit(6)]); // party 6, then voided
    press(&mut h, &[Key::Backspace]);
    assert!(
        h.query_by_label_contains("Void ruling").is_some(),
        "the void prompt is shown"
    );
    press(&mut h, &[Key::Enter]);
    press(&mut h, &[digit(8)]); // party 8

    // Cross-check: every pile as tallied, but party 3 one too many.
    let record = Record::open(&dir.path().join("practice.polltally")).unwrap();
    let count = record.count().clone();
    drop(record);
    h.key_press(Key::F5);
    h.run();
    for party in &count.definition().parties {
        let mut n = count.tally().votes_for(party.number);
        if party.number.0 == 3 {
            n += 1;
        }
        type_into(
            &mut h,
            &format!("{} {}", party.number, party.abbreviation),
            &n.to_string(),
        );
    }
    h.key_press(Key::Enter);
    h.run();

    // The record on disk: what the core holds.
    let record = Record::open(&dir.path().join("practice.polltally")).unwrap();
    let count = record.count();
    assert_eq!(count.tally().ruled(), 37);
    assert_eq!(count.rulings().len(), 38);
    assert_eq!(count.tally().disputed(), 1);
    assert_eq!(count.tally().invalid_total(), 6);
    assert_eq!(count.piles().len(), 12);
    for (figure, value) in figures {
        assert_eq!(count.figures().get(figure), Some(value.parse().unwrap()));
    }

    // The counting screen shows the core's tally.
    h.key_press(Key::F4);
    h.run();
    for party in &count.definition().parties {
        let n = count.tally().votes_for(party.number);
        h.get_by_label(&format!("Party {} tally: {n}", party.number));
    }
    for (code, n) in count.tally().invalid() {
        h.get_by_label(&format!("{code} tally: {n}"));
    }
    assert!(
        h.query_by_label_contains("Ruled 37 of 37 ballots in the box")
            .is_some()
    );

    // The results screen shows the core's checks.
    h.key_press(Key::F6);
    h.run();
    let checks = count.checks();
    assert!(checks.iter().any(|c| c.name.to_string() == "cross_check:3"));
    for check in &checks {
        let label = format!("{}: {}", tr.check(check.name), tr.status(check.status));
        h.get_by_label(&label);
    }
    let cross3 = checks
        .iter()
        .find(|c| c.name.to_string() == "cross_check:3")
        .unwrap();
    assert_eq!(tr.status(cross3.status), "differs by +1");
}

#[test]
fn bad_files_on_the_start_screen_show_the_core_error_and_nothing_breaks() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.run();
    let missing = dir.path().join("missing.polltally");
    type_into(&mut h, "Count record file", missing.to_str().unwrap());
    h.get_by_label("Open").click();
    h.run();
    assert!(h.query_by_label_contains("no such file").is_some());

    let station = bad_station(dir.path());
    type_into(&mut h, "Station file", station.to_str().unwrap());
    h.get_by_label("Start the count").click();
    h.run();
    assert!(
        h.query_by_label_contains("parties[1].number: 1 is used twice")
            .is_some()
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "nothing but the station file was written"
    );

    // A good station file starts a count, in the data directory.
    let good = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/station-small.json"
    );
    let field = h.get_by_role_and_label(Role::TextInput, "Station file");
    field.focus();
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Station file")
        .type_text(good);
    h.run();
    h.get_by_label("Start the count").click();
    h.run();
    assert!(h.query_by_label_contains("Started a new count").is_some());
    // A new count opens on the people present; its counting screen is empty.
    assert!(h.query_by_label("People present").is_some());
    h.key_press(Key::F4);
    h.run();
    assert!(h.query_by_label("Party 4 tally: 0").is_some());
    let made = dir.path().join("0101-01-0001-2027-06-06.polltally");
    assert!(
        made.exists(),
        "{:?}",
        std::fs::read_dir(dir.path()).unwrap().collect::<Vec<_>>()
    );
}

#[test]
fn people_present_are_recorded_from_the_station_screen() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = practice(dir.path());
    h.key_press(Key::F2);
    h.run();
    record_present(&mut h, "Chan Sophea", "Chief", None);
    record_present(&mut h, "Keo Rith", "Party agent", Some("3"));
    // A party agent without a party is refused, and the name stays typed.
    // (Recording a person put the role back to Member: it is picked again.)
    type_into(&mut h, "Full name", "Nobody");
    h.get_by_role_and_label(Role::RadioButton, "Party agent")
        .click();
    h.run();
    h.get_by_label("Record present").click();
    h.run();
    assert!(
        h.query_by_label_contains("Party number: a party agent names the party")
            .is_some()
    );
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, "Full name")
            .value()
            .as_deref(),
        Some("Nobody")
    );

    let record = Record::open(&dir.path().join("practice.polltally")).unwrap();
    let people: Vec<(String, Option<u32>)> = record
        .count()
        .people()
        .values()
        .map(|p| (p.person.name.to_string(), p.person.party.map(|n| n.0)))
        .collect();
    assert_eq!(
        people,
        vec![
            ("Chan Sophea".to_string(), None),
            ("Keo Rith".to_string(), Some(3))
        ]
    );
}

#[test]
fn a_ruling_key_is_durable_after_its_frame_and_shown_by_the_next() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = practice(dir.path());
    h.get_by_label("Party 7 tally: 0");
    h.key_press(Key::Num7);
    h.step(); // the frame that reads the key, then applies its command
    let on_disk = Record::open(&dir.path().join("practice.polltally")).unwrap();
    assert_eq!(
        on_disk
            .count()
            .tally()
            .votes_for(polltally::domain::party::PartyNumber(7)),
        1
    );
    drop(on_disk);
    h.step(); // the next frame draws it
    h.get_by_label("Party 7 tally: 1");
}

#[test]
fn sealing_saving_the_forms_and_verifying_from_the_app() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = practice(dir.path());
    // People present, figures and a few rulings, all from the screens.
    h.key_press(Key::F2);
    h.run();
    record_present(&mut h, "Chan Sophea", "Chief", None);
    record_present(&mut h, "Keo Rith", "Party agent", Some("3"));
    h.key_press(Key::F3);
    h.run();
    let tr = Tr::default();
    for (figure, value) in [
        (Figure::Received, "700"),
        (Figure::Unused, "695"),
        (Figure::Spoiled, "0"),
        (Figure::VotersMarked, "5"),
        (Figure::Supplementary, "0"),
        (Figure::TemporaryId, "0"),
        (Figure::InBox, "5"),
    ] {
        type_into(&mut h, tr.figure(figure), value);
    }
    h.key_press(Key::Enter);
    h.run();
    h.key_press(Key::F4);
    h.run();
    press(
        &mut h,
        &[
            Key::Num3,
            Key::Num3,
            Key::Num5,
            Key::W,
            Key::Num1,
            Key::Enter,
        ],
    );

    // Results: Keo Rith refuses, with a reason; the chief seals.
    h.key_press(Key::F6);
    h.run();
    assert!(h.query_by_label("Seal the count").is_some());
    h.get_all_by_label("refuses").nth(1).unwrap().click();
    h.run();
    type_into(
        &mut h,
        "Keo Rith (Party agent 3)",
        "the blank ballot was not shown",
    );
    h.get_by_label("Seal the count").click();
    h.run();
    h.get_by_label("Yes, seal the count now").click();
    h.run();
    let record = Record::open(&dir.path().join("practice.polltally")).unwrap();
    let (_, seal) = record.count().seal().expect("sealed");
    assert_eq!(seal.signed.len(), 1);
    assert_eq!(seal.refused[0].reason, "the blank ballot was not shown");
    let results = record.results().unwrap();
    let code = polltally::domain::short_code::short_code(&polltally::domain::hash::Hash256::of(
        &results.to_bytes().unwrap(),
    ));
    drop(record);
    assert!(
        h.query_by_label(&format!("SEALED  {code}")).is_some(),
        "the sealed badge shows the short code"
    );

    // The counting keys do nothing now.
    h.key_press(Key::F4);
    h.run();
    press(&mut h, &[Key::Num4]);
    assert!(
        h.query_by_label("The count is sealed: nothing more can be recorded.")
            .is_some()
    );
    assert!(h.query_by_label("Party 4 tally: 0").is_some());

    // Save the forms, then verify the results file against the code.
    h.key_press(Key::F6);
    h.run();
    h.get_by_label("Save the forms (copies A, B, C, annex, results file)")
        .click();
    finish_jobs(&mut h);
    for name in [
        "practice-copy-A.pdf",
        "practice-copy-B.pdf",
        "practice-copy-C.pdf",
        "practice-annex.pdf",
        "practice-results.json",
    ] {
        assert!(dir.path().join(name).exists(), "{name} saved");
    }
    h.key_press(Key::F7);
    h.run();
    type_into(
        &mut h,
        "Results file",
        dir.path().join("practice-results.json").to_str().unwrap(),
    );
    type_into(&mut h, "Short code from the form (optional)", &code);
    h.get_by_label("Verify").click();
    finish_jobs(&mut h);
    assert!(
        h.query_by_label_contains(&format!(
            "Verified: station 1804-03-0127, election cce-2027-practice, short code {code}"
        ))
        .is_some()
    );
    // A mistyped code is refused.
    type_into(
        &mut h,
        "Short code from the form (optional)",
        &format!("{code}X"),
    );
    h.get_by_label("Verify").click();
    finish_jobs(&mut h);
    assert!(h.query_by_label_contains("has 17 characters").is_some());
}

#[test]
fn switching_to_khmer_changes_the_counting_screen() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = practice(dir.path());
    assert!(h.query_by_label("Type the party number.").is_some());
    h.get_by_label("ខ្មែរ").click();
    h.run();
    // The same screen, in Khmer: its labels, the station's name and the
    // criteria come from the Khmer texts.
    assert!(h.query_by_label("Type the party number.").is_none());
    assert!(h.query_by_label("វាយលេខគណបក្ស។").is_some());
    assert!(h.query_by_label("F4 រាប់សន្លឹកឆ្នោត").is_some());
    assert!(h.query_by_label_contains("សាលាបឋមសិក្សាបឹងឈូក").is_some());
    assert!(h.query_by_label_contains("សញ្ញាតាមការកំណត់").is_some());
    h.key_press(Key::Num3);
    h.run();
    assert!(h.query_by_label("ចំនួនរាប់បានរបស់គណបក្ស 3៖ 1").is_some());
    // Figures in Khmer numerals: the next ballot is ២.
    assert!(h.query_by_label("២").is_none());
    h.get_by_label("១២៣").click();
    h.run();
    // (The ruling's number in the last rulings is in Khmer numerals too.)
    assert!(h.query_all_by_label("២").next().is_some());
    h.get_by_label("English").click();
    h.run();
    // English words, the numerals still chosen.
    assert!(h.query_by_label("Party ៣ tally: ១").is_some());
}

#[test]
fn errors_are_shown_in_the_chosen_language() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.run();
    h.get_by_label("ខ្មែរ").click();
    h.run();
    let missing = dir.path().join("missing.polltally");
    type_into(&mut h, "ឯកសារកំណត់ត្រាការរាប់", missing.to_str().unwrap());
    h.get_by_label("បើក").click();
    h.run();
    assert!(h.query_by_label_contains("គ្មានឯកសារនេះទេ").is_some());
    assert!(h.query_by_label_contains("no such file").is_none());

    let station = bad_station(dir.path());
    type_into(&mut h, "ឯកសារការិយាល័យ", station.to_str().unwrap());
    h.get_by_label("ចាប់ផ្ដើមការរាប់").click();
    h.run();
    // The field path stays as written in the file; the problem is Khmer.
    assert!(
        h.query_by_label_contains("parties[1].number: 1 ត្រូវបានប្រើពីរដង")
            .is_some()
    );
}

#[test]
fn saving_the_forms_shows_the_work_under_way_then_what_was_saved() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = sealed_on_results(dir.path());
    let disabled = |h: &Harness<'_, PolltallyApp>, label: &str| {
        h.get_by_label(label).accesskit_node().is_disabled()
    };

    for (save, print, busy, saved) in [
        (
            "Save the forms (copies A, B, C, annex, results file)",
            "Print copies A, B and C",
            "Saving the forms...",
            "Saved: ",
        ),
        (
            "រក្សាទុកទម្រង់ (ច្បាប់ចម្លង A B C ឧបសម្ព័ន្ធ ឯកសារលទ្ធផល)",
            "បោះពុម្ពច្បាប់ចម្លង A B និង C",
            "កំពុងរក្សាទុកទម្រង់...",
            "បានរក្សាទុក៖ ",
        ),
    ] {
        h.get_by_label(save).click();
        h.step(); // the click is taken; the work starts after this frame
        h.step(); // the next frame shows it under way
        assert!(h.query_by_label(busy).is_some(), "{busy} shown");
        assert!(disabled(&h, save) && disabled(&h, print));
        assert!(h.query_by_label_contains(saved).is_none());

        finish_jobs(&mut h);
        assert!(h.query_by_label(busy).is_none());
        assert!(!disabled(&h, save) && !disabled(&h, print));
        assert!(h.query_by_label_contains(saved).is_some());
        for name in [
            "count-copy-A.pdf",
            "count-copy-B.pdf",
            "count-copy-C.pdf",
            "count-annex.pdf",
            "count-results.json",
        ] {
            assert!(dir.path().join(name).exists(), "{name} saved");
        }
        // Once more in Khmer, from scratch.
        for entry in std::fs::read_dir(dir.path()).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "pdf" || e == "json") {
                std::fs::remove_file(path).unwrap();
            }
        }
        h.get_by_label("ខ្មែរ").click();
        h.run();
    }
}

/// A record that can be read but not written (read-only media; here its log
/// cannot be made, as a folder stands where it would be) is shown for
/// reading, says so, and refuses to record, leaving the file as it was.
#[test]
fn a_record_that_cannot_be_written_is_opened_for_reading_and_refuses_to_record() {
    let dir = tempfile::tempdir().unwrap();
    let station = polltally::domain::station::StationFile::parse(
        std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/station-small.json"
        ))
        .unwrap(),
    )
    .unwrap();
    let path = dir.path().join("elsewhere.polltally");
    let mut record = Record::create(&path, station, &polltally::shell::clock::SystemClock).unwrap();
    let ruling = polltally::domain::ruling::RulingRequest {
        choice: polltally::domain::ruling::RulingChoice::Party {
            party: 2,
            criterion: None,
        },
        disputed_by: vec![],
        note: None,
    }
    .resolve(record.count().definition())
    .unwrap();
    record
        .append(
            polltally::journal::event::Event::Ruling(ruling),
            &polltally::shell::clock::SystemClock,
        )
        .unwrap();
    drop(record);
    std::fs::create_dir(dir.path().join("elsewhere.polltally-wal")).unwrap();
    let before = std::fs::read(&path).unwrap();

    let data = tempfile::tempdir().unwrap();
    let mut h = harness(data.path());
    h.run();
    type_into(&mut h, "Count record file", path.to_str().unwrap());
    h.get_by_label("Open").click();
    h.run();
    assert!(
        h.query_by_label_contains("Opened for reading only")
            .is_some(),
        "the notice says the record is only read"
    );
    h.key_press(Key::F4);
    h.run();
    assert!(h.query_by_label("Party 2 tally: 1").is_some());
    press(&mut h, &[digit(3)]);
    assert!(
        h.query_by_label_contains("was opened for reading only")
            .is_some(),
        "a ruling is refused"
    );
    assert!(h.query_by_label("Party 3 tally: 0").is_some());
    drop(h);
    assert_eq!(std::fs::read(&path).unwrap(), before);
}
