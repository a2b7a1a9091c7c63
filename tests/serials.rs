//! Ballot books by serial through the real binary, on the sample station
//! (books B-1801..B-1807, serials 180001-180700): `polltally serials`, the
//! check `unused_by_serial`, its explanation before sealing, and the used
//! ranges in `show --json`, the results file and the form.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use serde_json::{Value, json};

fn serials(rec: &str, flags: &[&str]) -> Run {
    let mut args = vec!["serials", "--record", rec];
    args.extend_from_slice(flags);
    run(&args)
}

fn check<'a>(show: &'a Value, name: &str) -> Option<&'a Value> {
    show["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == name)
}

fn status(show: &Value, name: &str) -> (String, Value) {
    let c = check(show, name).unwrap_or_else(|| panic!("no check {name}"));
    (
        c["status"].as_str().unwrap().to_string(),
        c["difference"].clone(),
    )
}

const ALL_USED_UP: [&str; 14] = [
    "--used-up",
    "B-1801",
    "--used-up",
    "B-1802",
    "--used-up",
    "B-1803",
    "--used-up",
    "B-1804",
    "--used-up",
    "B-1805",
    "--used-up",
    "B-1806",
    "--used-up",
    "B-1807",
];

#[test]
fn bad_serials_are_refused_with_the_field_and_nothing_is_written() {
    let (_dir, record) = new_record(&sample_station());
    let rec = s(&record);
    let entries = show_json(&record)["entries"].clone();
    for (flags, said) in [
        (
            vec!["--first-unused", "B-1801=180101"],
            "books[\"B-1801\"].first_unused: 180101 is outside the book's serials 180001-180100",
        ),
        (
            vec!["--first-unused", "B-1802=12345"],
            "books[\"B-1802\"].first_unused: 12345 is outside the book's serials 180101-180200",
        ),
        (
            vec!["--used-up", "B-0001"],
            "books[\"B-0001\"]: \"B-0001\" is not a ballot book of this station \
             (B-1801, B-1802, B-1803, B-1804, B-1805, B-1806, B-1807)",
        ),
        (
            vec!["--first-unused", "B-1801"],
            "\"B-1801\" is not BOOK=SERIAL (B-1801=180057)",
        ),
        (
            vec!["--first-unused", "B-1801=18o057"],
            "\"18o057\" is not a whole number",
        ),
        (
            vec!["--unused", "B-1801", "--used-up", "B-1801"],
            "--used-up: \"B-1801\" is used twice (also --unused)",
        ),
    ] {
        let r = serials(rec, &flags);
        assert_eq!(r.code, 2, "{flags:?}: {}{}", r.stdout, r.stderr);
        assert!(r.stderr.contains(said), "{flags:?}: {}", r.stderr);
    }
    assert_eq!(show_json(&record)["entries"], entries);
    // In Khmer, the same refusal names the same field and value.
    let r = run(&[
        "serials",
        "--record",
        rec,
        "--first-unused",
        "B-1801=180101",
        "--lang",
        "km",
    ]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("books[\"B-1801\"].first_unused: 180101 នៅក្រៅលេខរៀងរបស់សៀវភៅ"),
        "{}",
        r.stderr
    );
}

#[test]
fn every_book_used_up_then_one_partly_used_and_one_untouched() {
    let (_dir, record) = new_record(&sample_station());
    let rec = s(&record);
    // Before any book: no check, every book not given, no U_serial.
    let show = show_json(&record);
    assert!(check(&show, "unused_by_serial").is_none());
    assert_eq!(show["serials"]["unused"], Value::Null);
    assert_eq!(show["serials"]["books"].as_array().unwrap().len(), 7);
    assert_eq!(show["serials"]["books"][0]["use"], Value::Null);

    // One book given: the check is listed, pending.
    ok(&["serials", "--record", rec, "--used-up", "B-1801"]);
    let show = show_json(&record);
    assert_eq!(
        status(&show, "unused_by_serial"),
        ("pending".into(), Value::Null)
    );
    assert_eq!(show["serials"]["unused"], Value::Null);

    // Every book used up: U_serial 0; pending until U is counted.
    ok(&[&["serials", "--record", rec][..], &ALL_USED_UP[..]].concat());
    let show = show_json(&record);
    assert_eq!(show["serials"]["unused"], json!(0));
    assert_eq!(
        show["serials"]["books"][0],
        json!({"book": "B-1801", "first_serial": 180001, "last_serial": 180100,
               "use": "used_up", "used_first": 180001, "used_last": 180100, "unused": 0})
    );
    assert_eq!(
        status(&show, "unused_by_serial"),
        ("pending".into(), Value::Null)
    );
    ok(&["figures", "--record", rec, "--unused", "0"]);
    assert_eq!(
        status(&show_json(&record), "unused_by_serial"),
        ("holds".into(), json!(0))
    );

    // B-1806 partly used (first unused 180557: 44 left), B-1807 untouched
    // (100 left): a later use replaces the earlier one.
    ok(&[
        "serials",
        "--record",
        rec,
        "--first-unused",
        "B-1806=180557",
        "--unused",
        "B-1807",
    ]);
    let show = show_json(&record);
    assert_eq!(show["serials"]["unused"], json!(144));
    assert_eq!(
        show["serials"]["books"][5],
        json!({"book": "B-1806", "first_serial": 180501, "last_serial": 180600,
               "use": {"first_unused": 180557}, "used_first": 180501, "used_last": 180556,
               "unused": 44})
    );
    assert_eq!(
        show["serials"]["books"][6],
        json!({"book": "B-1807", "first_serial": 180601, "last_serial": 180700,
               "use": "unused", "used_first": null, "used_last": null, "unused": 100})
    );
    assert_eq!(
        status(&show, "unused_by_serial"),
        ("differs".into(), json!(-144))
    );
    ok(&["figures", "--record", rec, "--unused", "144"]);
    assert_eq!(
        status(&show_json(&record), "unused_by_serial"),
        ("holds".into(), json!(0))
    );
    // The summary lists the books and U_serial.
    let summary = ok(&["show", "--record", rec]).stdout;
    assert!(summary.contains("Ballot books by serial"), "{summary}");
    assert!(
        summary.contains("used 180501-180556, 44 unused"),
        "{summary}"
    );
    assert!(summary.contains("used up: 180001-180100"), "{summary}");
    assert!(summary.contains("unused_by_serial"), "{summary}");
}

#[test]
fn a_differing_serial_check_needs_its_explanation_before_sealing_and_is_in_the_results() {
    let dir = tempfile::tempdir().unwrap();
    let (_d, record) = new_record(&sample_station());
    let rec = s(&record);
    ok(&[
        "serials",
        "--record",
        rec,
        "--used-up",
        "B-1801",
        "--used-up",
        "B-1802",
        "--used-up",
        "B-1803",
        "--used-up",
        "B-1804",
        "--used-up",
        "B-1805",
        "--first-unused",
        "B-1806=180557",
        "--unused",
        "B-1807",
    ]);
    // U counted as 140, the serials say 144: differs by -4. The box holds
    // three ballots (its difference with the ballots issued is explained).
    record_figures(rec, [700, 140, 0, 560, 0, 0, 3]);
    rule_lines(rec, ["1", "2", "3"]);
    ok(&[
        "explain",
        "--record",
        rec,
        "--check",
        "box_vs_issued",
        "--text",
        "the other ballots are in a second box",
    ]);
    present(rec, "Chan Sophea", "chief", None);
    let r = run(&["seal", "--record", rec, "--signed", "Chan Sophea:chief"]);
    assert_eq!(r.code, 2, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stderr
            .contains("unused_by_serial differs by -4 and has no explanation"),
        "{}",
        r.stderr
    );
    ok(&[
        "explain",
        "--record",
        rec,
        "--check",
        "unused_by_serial",
        "--text",
        "four ballots of B-1806 were torn out and are in the spoiled envelope",
    ]);
    ok(&["seal", "--record", rec, "--signed", "Chan Sophea:chief"]);
    // Sealed: no serial can be recorded any more.
    let r = serials(rec, &["--unused", "B-1806"]);
    assert_eq!(r.code, 2, "{}{}", r.stdout, r.stderr);
    assert!(r.stderr.contains("sealed"), "{}", r.stderr);

    // The results document lists the books' used ranges and the check.
    let results = export(&record);
    let doc: Value = serde_json::from_slice(&std::fs::read(&results).unwrap()).unwrap();
    assert_eq!(doc["serials"]["unused"], json!(144));
    assert_eq!(doc["serials"]["books"][0]["used_last"], json!(180100));
    assert_eq!(doc["serials"]["books"][5]["used_last"], json!(180556));
    assert_eq!(doc["serials"]["books"][6]["use"], json!("unused"));
    let c = doc["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "unused_by_serial")
        .unwrap();
    assert_eq!(c["status"], "differs");
    assert_eq!(c["difference"], -4);
    ok(&["verify", "--results", s(&results)]);
    ok(&["verify", "--results", s(&results), "--record", rec]);

    // A used range changed, or U_serial, is caught by the file's own test.
    for (edit, said) in [
        (
            &(|v: &mut Value| v["serials"]["books"][5]["used_last"] = json!(180555))
                as &dyn Fn(&mut Value),
            "serials.books[5].used_last",
        ),
        (
            &|v: &mut Value| v["serials"]["unused"] = json!(140),
            "serials.unused",
        ),
        (
            &|v: &mut Value| v["serials"]["books"][5]["use"] = json!({"first_unused": 180601}),
            "serials.books[5].use.first_unused: 180601 is outside the book's serials 180501-180600",
        ),
    ] {
        let mut v = doc.clone();
        edit(&mut v);
        let bytes = polltally::domain::canonical::to_canonical(&v).unwrap();
        let path = dir.path().join("edited.json");
        std::fs::write(&path, bytes).unwrap();
        let r = run(&["verify", "--results", s(&path)]);
        assert_ne!(r.code, 0, "{said}");
        assert!(
            r.stderr.contains(said) || r.stdout.contains(said),
            "{said}: {}{}",
            r.stdout,
            r.stderr
        );
    }

    // A recount takes the original's serials with its figures.
    let again = dir.path().join("recount.polltally");
    let r = recount(&record, &again, "Provincial Election Commission", "full");
    assert_eq!(r.code, 0, "{}", r.stderr);
    let show = show_json(&again);
    assert_eq!(show["serials"], doc["serials"]);
    assert_eq!(
        status(&show, "unused_by_serial"),
        ("differs".into(), json!(-4))
    );

    // The form lists each book's used range and U_serial, in both languages.
    let pdf = dir.path().join("form.pdf");
    ok(&["pdf", "--record", rec, "--out", s(&pdf)]);
    let text = pdf_page_texts(&std::fs::read(&pdf).unwrap()).join("\n");
    for expected in [
        "Ballot books by serial",
        "B-1801:",
        "used up: 180001-180100",
        "B-1806:",
        "used 180501-180556, 44 unused",
        "B-1807:",
        "Ballots unused by the books' serials: 144",
        "Ballots unused = unused by serial",
        "four ballots of B-1806 were torn out",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} not in the form:\n{text}"
        );
    }
    // The annex names the entry that recorded them.
    let annex = dir.path().join("annex.pdf");
    ok(&["pdf", "--record", rec, "--out", s(&annex), "--annex"]);
    let text = pdf_page_texts(&std::fs::read(&annex).unwrap()).join(" ");
    assert!(text.contains("first unused 180557"), "{text}");
}

#[test]
fn documents_without_serials_keep_their_bytes() {
    // Results files and a sealed record of earlier versions: no serials,
    // and the record still gives exactly its results file.
    for name in ["sealed-written-roles.json", "photo-20-parties.json"] {
        ok(&["verify", "--results", s(&fixture(name))]);
        let text = std::fs::read_to_string(fixture(name)).unwrap();
        assert!(!text.contains("serials"), "{name}");
    }
    ok(&[
        "verify",
        "--results",
        s(&fixture("sealed-written-roles.json")),
        "--record",
        s(&fixture("sealed-written-roles.polltally")),
    ]);
    // A count sealed today without serials writes no `serials` key and
    // lists no `unused_by_serial` check.
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("count.polltally");
    sealed_count(&fixture("station-small.json"), &record, &["1", "2", "2"]);
    let results = export(&record);
    let text = std::fs::read_to_string(&results).unwrap();
    assert!(!text.contains("serials"), "{text}");
    assert!(!text.contains("unused_by_serial"), "{text}");
}
