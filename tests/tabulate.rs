//! Commune tabulation through the real binary: sums, seats, missing
//! stations, recount replacement, and the files it refuses (duplicates,
//! another commune or election, edited files).

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use polltally::domain::tabulation::CommuneResults;
use std::path::{Path, PathBuf};

const STATIONS: [&str; 4] = [
    "0101-01-0001",
    "0101-01-0002",
    "0101-01-0003",
    "0101-01-0004",
];

/// A sealed count of station `code` of the commune with `lines`, and its
/// results file.
fn station_results(dir: &Path, code: &str, name: &str, lines: &[&str]) -> (PathBuf, PathBuf) {
    let station = commune_station(dir, code, Some(&STATIONS));
    let record = dir.join(format!("{name}.polltally"));
    sealed_count(&station, &record, lines);
    let results = export(&record);
    (record, results)
}

fn lines(parts: &[(&'static str, usize)]) -> Vec<&'static str> {
    parts.iter().flat_map(|(l, n)| times(l, *n)).collect()
}

fn json(path: &Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

/// Three of the commune's four stations.
fn three_stations(dir: &Path) -> Vec<(PathBuf, PathBuf)> {
    vec![
        station_results(
            dir,
            STATIONS[0],
            "s1",
            &lines(&[("1", 10), ("2", 6), ("3", 3)]),
        ),
        station_results(
            dir,
            STATIONS[1],
            "s2",
            &lines(&[("1", 5), ("2", 8), ("4", 2), ("I2", 1)]),
        ),
        station_results(
            dir,
            STATIONS[2],
            "s3",
            &lines(&[("1", 3), ("2", 2), ("3", 4)]),
        ),
    ]
}

#[test]
fn a_commune_is_summed_its_seats_allocated_and_missing_stations_named() {
    let dir = tempfile::tempdir().unwrap();
    let files = three_stations(dir.path());
    let out = dir.path().join("commune.json");
    let pdf = dir.path().join("commune.pdf");
    let mut args = vec!["tabulate", "--out", s(&out), "--pdf", s(&pdf)];
    args.extend(files.iter().map(|(_, r)| s(r)));
    let r = ok(&args);
    assert!(
        r.stdout.contains("Stations without results: 0101-01-0004"),
        "{}",
        r.stdout
    );

    let bytes = std::fs::read(&out).unwrap();
    let doc = CommuneResults::parse(&bytes).expect("the commune file verifies");
    let c = json(&out);
    assert_eq!(c["commune_code"], "010101");
    assert_eq!(
        c["votes"],
        serde_json::json!({"1": 18, "2": 16, "3": 7, "4": 2})
    );
    // D'Hondt, 5 seats: 18 (1), 16 (2), 9 (1), 8 (2), 7 (3).
    assert_eq!(
        c["seats"],
        serde_json::json!({"1": 2, "2": 2, "3": 1, "4": 0})
    );
    let winners: Vec<(u64, String)> = c["allocation"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["party"].as_u64().unwrap(),
                s["quotient"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        winners,
        vec![
            (1, "18.000".into()),
            (2, "16.000".into()),
            (1, "9.000".into()),
            (2, "8.000".into()),
            (3, "7.000".into())
        ]
    );
    assert_eq!(c["ties"], serde_json::json!([]));
    assert_eq!(c["missing_stations"], serde_json::json!(["0101-01-0004"]));
    assert_eq!(c["figures"]["valid"], 43);
    assert_eq!(c["figures"]["invalid"], 1);
    assert_eq!(c["hash"], doc.hash().unwrap().to_hex());
    // Each station with the hash of the file it came from.
    for (i, (_, results)) in files.iter().enumerate() {
        let hash = polltally::domain::hash::Hash256::of(&std::fs::read(results).unwrap());
        assert_eq!(c["stations"][i]["code"], STATIONS[i]);
        assert_eq!(c["stations"][i]["results_hash"], hash.to_hex());
    }
    // The same files give the same bytes.
    let again = dir.path().join("again.json");
    args[2] = s(&again);
    args.truncate(3);
    args.extend(files.iter().rev().map(|(_, r)| s(r)));
    ok(&args);
    assert_eq!(std::fs::read(&again).unwrap(), bytes);

    let text = pdf_page_texts(&std::fs::read(&pdf).unwrap()).join("\n");
    assert!(text.contains("លទ្ធផលឃុំ សង្កាត់ និងអាសនៈក្រុមប្រឹក្សា"), "{text}");
    assert!(text.contains("Commune results and council seats"), "{text}");
    // The whole hash, in its groups (a line break may fall between groups).
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let grouped = polltally::domain::hash::grouped(&doc.hash().unwrap().to_hex());
    assert!(flat.contains(&grouped), "{text}");
    // Anyone can check the file, alone or by tabulating the stations again.
    let r = ok(&["verify", "--commune", s(&out)]);
    assert!(
        r.stdout.starts_with("ok: commune 010101, 3 stations"),
        "{}",
        r.stdout
    );
    let mut again = vec!["verify", "--commune", s(&out)];
    again.extend(files.iter().map(|(_, r)| s(r)));
    ok(&again);
    let r = run(&again[..again.len() - 1]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("tabulating the results files gives"),
        "{}",
        r.stderr
    );
    // An edited commune file no longer verifies.
    let edited = String::from_utf8(bytes)
        .unwrap()
        .replace("\"1\":18", "\"1\":19");
    assert!(CommuneResults::parse(edited.as_bytes()).is_err());
    let edited_path = dir.path().join("edited-commune.json");
    std::fs::write(&edited_path, &edited).unwrap();
    let r = run(&["verify", "--commune", s(&edited_path)]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("the hash does not match the document"),
        "{}",
        r.stderr
    );
}

#[test]
fn an_exact_tie_for_the_last_seat_is_reported_not_decided() {
    let dir = tempfile::tempdir().unwrap();
    let a = station_results(dir.path(), STATIONS[0], "a", &times("1", 12));
    let b = station_results(dir.path(), STATIONS[1], "b", &times("2", 12));
    let c = station_results(dir.path(), STATIONS[2], "c", &times("3", 2));
    let out = dir.path().join("commune.json");
    let r = ok(&["tabulate", "--out", s(&out), s(&a.1), s(&b.1), s(&c.1)]);
    assert!(
        r.stdout.contains("drawing of lots among parties 1, 2"),
        "{}",
        r.stdout
    );
    let c = json(&out);
    assert_eq!(
        c["seats"],
        serde_json::json!({"1": 2, "2": 2, "3": 0, "4": 0})
    );
    assert_eq!(
        c["ties"],
        serde_json::json!([{"seats": 1, "parties": [1, 2], "votes": 12, "divisor": 3, "quotient": "4.000"}])
    );
    assert_eq!(c["allocation"].as_array().unwrap().len(), 4);
}

#[test]
fn duplicates_foreign_and_edited_files_are_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let files = three_stations(dir.path());
    let out = dir.path().join("commune.json");
    let s1 = s(&files[0].1);
    let s2 = s(&files[1].1);

    // The same file twice.
    let r = run(&["tabulate", "--out", s(&out), s1, s2, s1]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("is the same results file as"),
        "{}",
        r.stderr
    );

    // A second, unrelated count of station 1.
    let (_, other) = station_results(dir.path(), STATIONS[0], "s1-again", &times("1", 19));
    let r = run(&["tabulate", "--out", s(&out), s1, s2, s(&other)]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("a second result for station \"0101-01-0001\""),
        "{}",
        r.stderr
    );

    // Another commune, another election.
    for (field, value, message) in [
        ("commune_code", "010102", "is for commune \"010102\""),
        ("election", "cce-2032", "is for election \"cce-2032\""),
    ] {
        let mut station: serde_json::Value =
            serde_json::from_slice(&std::fs::read(fixture("station-small.json")).unwrap()).unwrap();
        if field == "election" {
            station["election"]["id"] = value.into();
        } else {
            station["station"]["commune_code"] = value.into();
        }
        station["station"]["code"] = "0101-02-0001".into();
        let path = dir.path().join(format!("foreign-{field}-station.json"));
        std::fs::write(&path, serde_json::to_vec(&station).unwrap()).unwrap();
        let record = dir.path().join(format!("foreign-{field}.polltally"));
        sealed_count(&path, &record, &times("1", 3));
        let foreign = export(&record);
        let r = run(&["tabulate", "--out", s(&out), s1, s2, s(&foreign)]);
        assert_eq!(r.code, 2, "{}", r.stderr);
        assert!(r.stderr.contains(message), "{}", r.stderr);
    }

    // An edited file: a vote changed by hand.
    let edited = dir.path().join("edited.json");
    let text = std::fs::read_to_string(&files[2].1).unwrap();
    assert!(text.contains("\"votes\":{\"1\":3,"));
    std::fs::write(
        &edited,
        text.replace("\"votes\":{\"1\":3,", "\"votes\":{\"1\":30,"),
    )
    .unwrap();
    let r = run(&["tabulate", "--out", s(&out), s1, s2, s(&edited)]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("edited.json: results file: figures.valid"),
        "{}",
        r.stderr
    );

    assert!(!out.exists(), "nothing was written");
}

#[test]
fn a_recount_replaces_exactly_the_original_it_links_to() {
    let dir = tempfile::tempdir().unwrap();
    let files = three_stations(dir.path());
    // A review of station 2 finds its blank ballot (seq 18) was for party 4.
    let review = dir.path().join("s2-review.polltally");
    assert_eq!(recount(&files[1].0, &review, "CEC", "review").code, 0);
    ok(&[
        "rule",
        "--record",
        s(&review),
        "--review-of",
        "18",
        "--party",
        "4",
    ]);
    seal_by_chief(s(&review));
    let reviewed = export(&review);
    let out = dir.path().join("commune.json");
    let r = ok(&[
        "tabulate",
        "--out",
        s(&out),
        s(&files[0].1),
        s(&files[1].1),
        s(&reviewed),
        s(&files[2].1),
    ]);
    assert!(r.stdout.contains("replaced by the recount"), "{}", r.stdout);
    let c = json(&out);
    let hash = |p: &Path| polltally::domain::hash::Hash256::of(&std::fs::read(p).unwrap()).to_hex();
    assert_eq!(c["votes"]["4"], 3);
    assert_eq!(c["stations"][1]["results_hash"], hash(&reviewed));
    assert_eq!(c["stations"][1]["recount_of"], hash(&files[1].1));
    assert_eq!(
        c["replaced"],
        serde_json::json!([{"code": STATIONS[1], "results_hash": hash(&files[1].1), "replaced_by": hash(&reviewed)}])
    );
    // The recount does not replace a different count of the same station.
    let (_, other) = station_results(
        dir.path(),
        STATIONS[1],
        "s2-other",
        &lines(&[("1", 5), ("2", 8), ("4", 3)]),
    );
    let r = run(&[
        "tabulate",
        "--out",
        s(&out),
        "--force",
        s(&other),
        s(&reviewed),
    ]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains("neither is a recount of the other"),
        "{}",
        r.stderr
    );
}
