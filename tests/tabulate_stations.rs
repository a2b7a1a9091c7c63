//! Commune tabulation against the station files the commune election
//! commission issued (`tabulate --stations`), through the real binary: a
//! results file of a station not issued, or of another version of its
//! station file, is refused and named; issued stations without results are
//! listed; a recount still replaces its original.

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

/// The commission's issued station files, one per station of the commune,
/// in `dir/stations` (which holds nothing else).
fn issued(dir: &Path) -> PathBuf {
    let stations = dir.join("stations");
    std::fs::create_dir_all(&stations).unwrap();
    for code in STATIONS {
        commune_station(&stations, code, Some(&STATIONS));
    }
    stations
}

/// A sealed count of the issued station `code` with `lines`: its record and
/// results file.
fn station_results(dir: &Path, code: &str, name: &str, lines: &[&str]) -> (PathBuf, PathBuf) {
    let station = issued(dir).join(format!("station-{code}.json"));
    let record = dir.join(format!("{name}.polltally"));
    sealed_count(&station, &record, lines);
    let results = export(&record);
    (record, results)
}

/// Three of the commune's four stations.
fn three_stations(dir: &Path) -> Vec<(PathBuf, PathBuf)> {
    vec![
        station_results(dir, STATIONS[0], "s1", &times("1", 10)),
        station_results(
            dir,
            STATIONS[1],
            "s2",
            &[times("2", 7), vec!["I2"]].concat(),
        ),
        station_results(dir, STATIONS[2], "s3", &times("3", 4)),
    ]
}

fn tabulate_args<'a>(out: &'a Path, stations: &'a [&'a str], files: &'a [&'a str]) -> Vec<&'a str> {
    let mut args = vec!["tabulate", "--out", s(out)];
    for station in stations {
        args.extend(["--stations", station]);
    }
    args.extend(files);
    args
}

#[test]
fn a_copy_of_a_results_file_with_only_its_code_changed_is_refused_with_the_issued_station_files() {
    let dir = tempfile::tempdir().unwrap();
    let files = three_stations(dir.path());
    let stations = issued(dir.path());
    let out = dir.path().join("commune.json");
    let text = std::fs::read_to_string(&files[0].1).unwrap();
    let from = format!("\"code\":\"{}\"", STATIONS[0]);
    assert_eq!(text.matches(&from).count(), 1, "{text}");

    // To a code not issued, and to the code of an issued station without results.
    for (code, message) in [
        (
            "0101-01-0999",
            "copy-0101-01-0999.json: station \"0101-01-0999\" is not among the issued station files"
                .to_string(),
        ),
        (
            STATIONS[3],
            format!(
                "copy-0101-01-0004.json: definition_hash {} is not the hash of the issued station file for \"0101-01-0004\"",
                json_of(&files[0].1)["definition_hash"].as_str().unwrap()
            ),
        ),
    ] {
        let copy = dir.path().join(format!("copy-{code}.json"));
        std::fs::write(&copy, text.replace(&from, &format!("\"code\":\"{code}\""))).unwrap();
        let all = [s(&files[0].1), s(&files[1].1), s(&files[2].1), s(&copy)];
        // Without the station files the copy counts as a station of its own.
        ok(&tabulate_args(&out, &[], &all));
        std::fs::remove_file(&out).unwrap();

        let r = run(&tabulate_args(&out, &[s(&stations)], &all));
        assert_eq!(r.code, 2, "{}", r.stderr);
        assert!(r.stderr.contains(&message), "{}", r.stderr);
        assert!(!out.exists(), "nothing was written");
    }
}

fn json_of(path: &Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

#[test]
fn a_results_file_of_another_version_of_its_station_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let files = three_stations(dir.path());
    let stations = issued(dir.path());
    // Station 4 counted with a station file the commission did not issue.
    let mut other: serde_json::Value =
        serde_json::from_slice(&std::fs::read(stations.join("station-0101-01-0004.json")).unwrap())
            .unwrap();
    other["registered_voters"] =
        serde_json::json!(other["registered_voters"].as_u64().unwrap() + 1);
    let other_station = dir.path().join("other-version.json");
    std::fs::write(&other_station, serde_json::to_vec_pretty(&other).unwrap()).unwrap();
    let record = dir.path().join("s4.polltally");
    sealed_count(&other_station, &record, &times("1", 5));
    let s4 = export(&record);
    let issued_hash = polltally::domain::hash::Hash256::of(
        &std::fs::read(stations.join("station-0101-01-0004.json")).unwrap(),
    )
    .to_hex();

    let out = dir.path().join("commune.json");
    let all = [s(&files[0].1), s(&files[1].1), s(&files[2].1), s(&s4)];
    let issued_files: Vec<PathBuf> = STATIONS
        .iter()
        .map(|c| stations.join(format!("station-{c}.json")))
        .collect();
    let issued_args: Vec<&str> = issued_files.iter().map(|p| s(p)).collect();
    let r = run(&tabulate_args(&out, &issued_args, &all));
    assert_eq!(r.code, 2, "{}", r.stderr);
    let expected = format!(
        "s4.json: definition_hash {} is not the hash of the issued station file for \"0101-01-0004\" ({issued_hash})",
        json_of(&s4)["definition_hash"].as_str().unwrap()
    );
    assert!(r.stderr.contains(&expected), "{}", r.stderr);
    assert!(!out.exists(), "nothing was written");
}

#[test]
fn a_results_file_with_other_seats_or_parties_than_its_station_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let files = three_stations(dir.path());
    let stations = issued(dir.path());
    let text = std::fs::read_to_string(&files[2].1).unwrap();
    let out = dir.path().join("commune.json");
    for (name, from, to, message) in [
        (
            "seats.json",
            "\"council_seats\":5",
            "\"council_seats\":7",
            "seats.json: gives 7 council seats, the issued station file 5",
        ),
        (
            "parties.json",
            "\"abbreviation\":\"AP\"",
            "\"abbreviation\":\"XP\"",
            "parties.json: lists other parties than the issued station file of station \"0101-01-0003\"",
        ),
    ] {
        assert_eq!(text.matches(from).count(), 1, "{text}");
        let edited = dir.path().join(name);
        std::fs::write(&edited, text.replace(from, to)).unwrap();
        let r = run(&tabulate_args(&out, &[s(&stations)], &[s(&edited)]));
        assert_eq!(r.code, 2, "{}", r.stderr);
        assert!(r.stderr.contains(message), "{}", r.stderr);
        assert!(!out.exists(), "nothing was written");
    }
}

#[test]
fn issued_stations_without_results_are_listed_as_missing_and_the_commune_file_verifies() {
    let dir = tempfile::tempdir().unwrap();
    let files = three_stations(dir.path());
    let stations = issued(dir.path());
    let out = dir.path().join("commune.json");
    let all: Vec<&str> = files.iter().map(|(_, r)| s(r)).collect();
    let r = ok(&tabulate_args(&out, &[s(&stations)], &all));
    assert!(
        r.stdout.contains("Stations without results: 0101-01-0004"),
        "{}",
        r.stdout
    );
    let doc =
        CommuneResults::parse(&std::fs::read(&out).unwrap()).expect("the commune file verifies");
    assert_eq!(
        doc.missing_stations
            .unwrap()
            .iter()
            .map(|c| c.as_str().to_string())
            .collect::<Vec<_>>(),
        vec![STATIONS[3].to_string()]
    );

    // Only two stations of the four: both others are missing.
    let two = dir.path().join("two.json");
    let r = ok(&tabulate_args(&two, &[s(&stations)], &all[..2]));
    assert!(
        r.stdout
            .contains("Stations without results: 0101-01-0003, 0101-01-0004"),
        "{}",
        r.stdout
    );

    // The commune file verifies, and again from the same files.
    let mut verify = vec!["verify", "--commune", s(&out), "--stations", s(&stations)];
    verify.extend(&all);
    ok(&verify);
    ok(&["verify", "--commune", s(&out)]);
}

#[test]
fn a_recount_replacing_its_original_still_works_with_the_issued_station_files() {
    let dir = tempfile::tempdir().unwrap();
    let files = three_stations(dir.path());
    let stations = issued(dir.path());
    // A review of station 2 finds its blank ballot (seq 10) was for party 4.
    let review = dir.path().join("s2-review.polltally");
    assert_eq!(recount(&files[1].0, &review, "CEC", "review").code, 0);
    ok(&[
        "rule",
        "--record",
        s(&review),
        "--review-of",
        "10",
        "--party",
        "4",
    ]);
    seal_by_chief(s(&review));
    let reviewed = export(&review);
    let out = dir.path().join("commune.json");
    let all = [s(&files[0].1), s(&files[1].1), s(&reviewed), s(&files[2].1)];
    let r = ok(&tabulate_args(&out, &[s(&stations)], &all));
    assert!(r.stdout.contains("replaced by the recount"), "{}", r.stdout);
    let c = json_of(&out);
    assert_eq!(c["votes"]["4"], 1);
    assert_eq!(c["votes"]["2"], 7);
    assert_eq!(c["missing_stations"], serde_json::json!([STATIONS[3]]));
}

#[test]
fn issued_station_files_are_read_from_files_and_directories_and_two_for_a_station_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let files = three_stations(dir.path());
    let stations = issued(dir.path());
    let out = dir.path().join("commune.json");
    let all: Vec<&str> = files.iter().map(|(_, r)| s(r)).collect();
    let station = |c: &str| stations.join(format!("station-{c}.json"));

    // Files one by one, and a file given again besides its directory.
    let (s1, s2, s3) = (
        station(STATIONS[0]),
        station(STATIONS[1]),
        station(STATIONS[2]),
    );
    let r = ok(&tabulate_args(&out, &[s(&s1), s(&s2), s(&s3)], &all));
    assert!(
        r.stdout
            .contains("Every station of the commune has results."),
        "{}",
        r.stdout
    );
    std::fs::remove_file(&out).unwrap();
    ok(&tabulate_args(&out, &[s(&stations), s(&s1)], &all));
    std::fs::remove_file(&out).unwrap();

    // A second, different station file for station 1.
    let mut other: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&s1).unwrap()).unwrap();
    other["registered_voters"] =
        serde_json::json!(other["registered_voters"].as_u64().unwrap() + 1);
    let other_path = dir.path().join("other-s1.json");
    std::fs::write(&other_path, serde_json::to_vec_pretty(&other).unwrap()).unwrap();
    let r = run(&tabulate_args(&out, &[s(&stations), s(&other_path)], &all));
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains(
            "other-s1.json: station \"0101-01-0001\" is issued twice, by different station files"
        ),
        "{}",
        r.stderr
    );

    // A directory with no station files, and a file that is no station file.
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let r = run(&tabulate_args(&out, &[s(&empty)], &all));
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains("no station files were found"),
        "{}",
        r.stderr
    );
    let r = run(&tabulate_args(&out, &[all[0]], &all));
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("s1.json"), "{}", r.stderr);
    assert!(!out.exists(), "nothing was written");
}
