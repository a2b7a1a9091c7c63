//! The app's saves never replace a file: forms saved beside a record take a
//! free name when one of theirs is taken by other bytes, a save made before
//! is kept, and the commune results are not written over a file the person
//! named, least of all one of the tabulation's inputs.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::ui::{finish_jobs, harness, notice, retype, sealed_on_results, type_into};
use common::*;
use eframe::egui::Role;
use egui_kittest::kittest::Queryable;
use std::path::Path;

/// The file names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn saving_the_forms_takes_a_free_name_and_keeps_a_save_already_made() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = sealed_on_results(dir.path());
    // A file of the commission's own, by the name copy B would take.
    let theirs = dir.path().join("count-copy-B.pdf");
    std::fs::write(&theirs, "a scan of the signed copy B").unwrap();

    let save = "Save the forms (copies A, B, C, annex, results file)";
    h.get_by_label(save).click();
    finish_jobs(&mut h);
    let said = notice(&h).unwrap_or_default();
    assert!(said.contains("count-copy-B (2).pdf"), "{said}");
    assert_eq!(
        std::fs::read(&theirs).unwrap(),
        b"a scan of the signed copy B"
    );
    let copy_b = std::fs::read(dir.path().join("count-copy-B (2).pdf")).unwrap();
    assert!(copy_b.starts_with(b"%PDF"));
    let after_first = names(dir.path());
    assert!(after_first.contains(&"count-copy-A.pdf".to_string()));
    assert!(after_first.contains(&"count-results.json".to_string()));
    assert!(!after_first.iter().any(|n| n.contains(".part")));

    // Saved again: the same bytes are already there, nothing new is made.
    h.get_by_label(save).click();
    finish_jobs(&mut h);
    assert_eq!(names(dir.path()), after_first);
    let said = notice(&h).unwrap_or_default();
    assert!(said.contains("count-copy-B (2).pdf"), "{said}");
}

#[test]
fn the_commune_results_never_replace_a_file_typed_as_their_name() {
    let dir = tempfile::tempdir().unwrap();
    let station = commune_station(dir.path(), "0101-01-0001", Some(&["0101-01-0001"]));
    let record = dir.path().join("0101-01-0001.polltally");
    sealed_count(&station, &record, &times("1", 3));
    let results = export(&record);
    let mut h = harness(dir.path());
    h.run();
    h.get_by_label("Tabulate a commune").click();
    h.run();
    retype(
        &mut h,
        Role::MultilineTextInput,
        "Results files",
        s(&results),
    );

    // One of the inputs, then a file of someone else's, named as the output.
    let notes = dir.path().join("notes.json");
    std::fs::write(&notes, "the clerk's notes").unwrap();
    for (out, says) in [
        (&results, "one of the files this command reads"),
        (&notes, "give another name"),
    ] {
        let before = std::fs::read(out).unwrap();
        type_into(&mut h, "Save the commune results as", s(out));
        h.get_by_label("Tabulate").click();
        finish_jobs(&mut h);
        assert!(
            h.query_by_label_contains(&format!("Save the commune results as: {}", s(out)))
                .is_some(),
            "{says}"
        );
        assert!(h.query_by_label_contains(says).is_some(), "{says}");
        assert_eq!(std::fs::read(out).unwrap(), before);
        assert!(!out.with_extension("pdf").exists());
    }
    assert!(!names(dir.path()).iter().any(|n| n.contains(".part")));

    // A new name is written; tabulating the same again into it is no error.
    let commune = dir.path().join("commune.json");
    for _ in 0..2 {
        type_into(&mut h, "Save the commune results as", s(&commune));
        h.get_by_label("Tabulate").click();
        finish_jobs(&mut h);
        assert!(
            h.query_by_label("Every station of the commune has results.")
                .is_some()
        );
    }
    assert!(commune.exists() && commune.with_extension("pdf").exists());
}
