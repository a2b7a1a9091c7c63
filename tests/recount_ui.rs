//! Recount, review, comparison and tabulation in the real app, driven
//! through its accessibility tree with egui_kittest.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::ui::{finish_jobs, harness, open_record, retype, start_review, type_into};
use common::*;
use eframe::egui::Key;
use eframe::egui::Role;
use egui_kittest::kittest::Queryable;
use polltally::journal::event::Event;
use polltally::store::Record;

#[test]
fn a_review_is_started_ruled_and_compared_from_the_app() {
    let dir = tempfile::tempdir().unwrap();
    let station = commune_station(dir.path(), "0101-01-0001", None);
    let first = dir.path().join("first.polltally");
    let mut lines = times("1", 4);
    lines.extend(times("I4", 2));
    sealed_count(&station, &first, &lines);

    let mut h = harness(dir.path());
    h.run();
    start_review(&mut h, &first);
    let recount = dir.path().join("first-recount-1.polltally");
    assert!(recount.exists());
    assert!(
        h.query_by_label("Ballots ruled again: 0 of 2").is_some(),
        "the review lists the invalid ballots"
    );
    // Ballots 5 and 6 (seqs 7 and 8) were the I4 ballots, asked for by the
    // numbers written on their backs; 3 was valid and is not under review.
    type_into(&mut h, "Ballot number", "3");
    type_into(&mut h, "Ruling", "2");
    h.get_by_label("Record the ruling").click();
    h.run();
    assert!(
        h.query_by_label_contains("3 is not a ballot under review")
            .is_some()
    );
    for (ballot, ruling) in [("5", "2 V3"), ("6", "I4")] {
        type_into(&mut h, "Ballot number", ballot);
        type_into(&mut h, "Ruling", ruling);
        h.get_by_label("Record the ruling").click();
        h.run();
    }
    assert!(h.query_by_label("Ballots ruled again: 2 of 2").is_some());
    // What the screen recorded is in the record.
    let record = Record::open(&recount).unwrap();
    let reviews: Vec<u64> = record
        .journal()
        .unwrap()
        .into_iter()
        .filter_map(|(_, body)| match body.event {
            Event::Review { original_seq, .. } => Some(original_seq.0),
            _ => None,
        })
        .collect();
    assert_eq!(reviews, vec![7, 8]);
    drop(record);

    // Sealed, the recount screen shows the comparison and saves it.
    h.get_by_label("Close count").click();
    h.run();
    seal_by_chief(s(&recount));
    open_record(&mut h, &recount);
    h.key_press(Key::F8);
    h.run();
    assert!(
        h.query_by_label("Rulings changed: 1 of 2 ruled again")
            .is_some()
    );
    assert!(
        h.query_by_label("ballot 5: invalid I4 -> party 2 (V3)")
            .is_some()
    );
    h.get_by_label("Save the comparison (JSON and PDF)").click();
    finish_jobs(&mut h);
    assert!(recount.with_extension("comparison.json").exists());
    assert!(recount.with_extension("comparison.pdf").exists());
}

#[test]
fn a_commune_is_tabulated_from_the_app() {
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for (code, party) in [("0101-01-0001", "1"), ("0101-01-0002", "2")] {
        let station = commune_station(dir.path(), code, Some(&["0101-01-0001", "0101-01-0002"]));
        let record = dir.path().join(format!("{code}.polltally"));
        sealed_count(&station, &record, &times(party, 3));
        files.push(export(&record));
    }
    let mut h = harness(dir.path());
    h.run();
    h.get_by_label("Tabulate a commune").click();
    h.run();
    let list: Vec<&str> = files.iter().map(|f| s(f)).collect();
    retype(
        &mut h,
        Role::MultilineTextInput,
        "Results files",
        &list.join("\n"),
    );
    // Without a file to save to, nothing is written and the screen says why.
    let listing = || {
        let mut names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        names.sort();
        names
    };
    let before = listing();
    h.get_by_label("Tabulate").click();
    h.run();
    assert!(
        h.query_by_label_contains("Save the commune results as: must not be empty")
            .is_some()
    );
    assert_eq!(listing(), before);
    let out = dir.path().join("commune.json");
    type_into(&mut h, "Save the commune results as", s(&out));
    h.get_by_label("Tabulate").click();
    finish_jobs(&mut h);
    assert!(out.exists() && out.with_extension("pdf").exists());
    assert!(
        h.query_by_label("Every station of the commune has results.")
            .is_some()
    );
    let c: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(c["votes"]["1"], 3);
    assert_eq!(c["votes"]["2"], 3);
    assert!(
        h.query_by_label_contains(&c["hash"].as_str().unwrap()[..16])
            .is_some()
    );
    // The same file twice is refused on screen, in the screen's language.
    h.get_by_label("ខ្មែរ").click();
    h.run();
    retype(
        &mut h,
        Role::MultilineTextInput,
        "ឯកសារលទ្ធផល",
        &format!("{}\n{}", list[0], list[0]),
    );
    h.get_by_label("សរុបលទ្ធផល").click();
    finish_jobs(&mut h);
    assert!(h.query_by_label_contains("ជាឯកសារលទ្ធផលដូចគ្នានឹង").is_some());
}

#[test]
fn a_commune_is_tabulated_from_the_app_against_its_station_files_and_the_paper() {
    let dir = tempfile::tempdir().unwrap();
    let stations = dir.path().join("stations");
    std::fs::create_dir(&stations).unwrap();
    let codes = ["0101-01-0001", "0101-01-0002", "0101-01-0003"];
    let mut files = Vec::new();
    for (code, party) in [(codes[0], "1"), (codes[1], "2")] {
        let station = commune_station(&stations, code, Some(&codes));
        let record = dir.path().join(format!("{code}.polltally"));
        sealed_count(&station, &record, &times(party, 3));
        files.push((record.clone(), export(&record)));
    }
    commune_station(&stations, codes[2], Some(&codes));
    let code_of = |path: &std::path::Path| {
        polltally::domain::short_code::short_code(&polltally::domain::hash::Hash256::of(
            &std::fs::read(path).unwrap(),
        ))
    };
    let mut h = harness(dir.path());
    h.run();
    h.get_by_label("Tabulate a commune").click();
    h.run();
    assert!(
        h.query_by_label_contains("Give the issued station files and read them")
            .is_some()
    );
    // Station 1 by its count record, station 2 by its results file.
    retype(
        &mut h,
        Role::MultilineTextInput,
        "Results files",
        &format!("{}\n{}", s(&files[0].0), s(&files[1].1)),
    );
    retype(
        &mut h,
        Role::MultilineTextInput,
        "Issued station files (or folders of them)",
        s(&stations),
    );
    h.get_by_label("Read the station files").click();
    h.run();
    assert!(h.query_by_label("3 issued stations read.").is_some());
    let field = |code: &str| format!("{code}  Test School");
    // A code typed wrong is shown wrong as it is typed.
    type_into(&mut h, &field(codes[1]), "7G2K-!");
    assert!(
        h.query_by_label_contains("has the character '!', which no short code has")
            .is_some()
    );
    // Station 1's code from paper, station 2's from a form of another count.
    type_into(
        &mut h,
        &field(codes[0]),
        &code_of(&files[0].1).to_lowercase(),
    );
    type_into(&mut h, &field(codes[1]), "0000 0000 0000 0000");
    let out = dir.path().join("commune.json");
    type_into(&mut h, "Save the commune results as", s(&out));
    h.get_by_label("Tabulate").click();
    finish_jobs(&mut h);
    assert!(
        h.query_by_label_contains(&format!(
            "its short code is {}, but copy C of the form of station \"{}\" says 0000-0000-0000-0000",
            code_of(&files[1].1),
            codes[1]
        ))
        .is_some()
    );
    assert!(!out.exists(), "nothing was written");
    // With station 2's code as its paper says, the commune is tabulated.
    type_into(&mut h, &field(codes[1]), &code_of(&files[1].1));
    h.get_by_label("Tabulate").click();
    finish_jobs(&mut h);
    assert!(out.exists(), "the commune file is written");
    for line in [
        "Checked against paper: 2 of 2 stations.",
        "Stations without results: 0101-01-0003",
    ] {
        assert!(h.query_by_label(line).is_some(), "{line}");
    }
    let c: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(c["stations"][0]["paper_checked"], true);
    assert_eq!(c["stations"][1]["paper_checked"], true);
    assert_eq!(c["missing_stations"], serde_json::json!([codes[2]]));
}
