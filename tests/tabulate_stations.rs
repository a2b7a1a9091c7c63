//! Commune tabulation against the station files the commune election
//! commission issued (`tabulate --stations`), through the real binary: a
//! results file of a station not issued, or of another version of its
//! station file, is refused and named; issued stations without results are
//! listed; a recount still replaces its original. With the short codes
//! typed from paper (`tabulate --codes`), a results file that is not the one
//! the commission signed is refused; count records are tabulated as their
//! sealed results.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use polltally::domain::hash::Hash256;
use polltally::domain::short_code::short_code;
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

/// A commune with three of its four stations counted: a folder of its own,
/// each counted station's record and results file, and the folder of the
/// issued station files.
fn counted_commune() -> (tempfile::TempDir, Vec<(PathBuf, PathBuf)>, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let files = three_stations(dir.path());
    let stations = issued(dir.path());
    (dir, files, stations)
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
    let (dir, files, stations) = counted_commune();
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
    let (dir, files, stations) = counted_commune();
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
    let (dir, files, stations) = counted_commune();
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
    let (dir, files, stations) = counted_commune();
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

/// A review of station 2 (its record `original`) that finds its blank
/// ballot (seq 10) was for party 4, sealed: its results file.
fn review_of_station_2(dir: &Path, original: &Path) -> PathBuf {
    let review = dir.join("s2-review.polltally");
    assert_eq!(recount(original, &review, "CEC", "review").code, 0);
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
    export(&review)
}

#[test]
fn a_recount_replacing_its_original_still_works_with_the_issued_station_files() {
    let (dir, files, stations) = counted_commune();
    let reviewed = review_of_station_2(dir.path(), &files[1].0);
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
    let (dir, files, stations) = counted_commune();
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

/// `tabulate` against the issued station files and the codes typed from
/// paper.
fn with_codes(out: &Path, stations: &Path, codes: &Path, files: &[&str]) -> Run {
    let mut args = vec!["tabulate", "--out", s(out), "--stations", s(stations)];
    args.extend(["--codes", s(codes)]);
    args.extend(files);
    run(&args)
}

/// `r`, insisting that it exited 0.
fn ok_run(r: Run) -> Run {
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    r
}

/// The short code printed on the forms of the results file at `path`.
fn code_of(path: &Path) -> String {
    short_code(&Hash256::of(&std::fs::read(path).unwrap()))
}

/// A codes file as typed from copy C of the forms: `lines` of
/// `STATION-CODE SHORT-CODE`.
fn codes_file(dir: &Path, name: &str, lines: &[(&str, &str)]) -> PathBuf {
    let path = dir.join(name);
    let text: String = lines
        .iter()
        .map(|(station, code)| format!("{station} {code}\n"))
        .collect();
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn a_results_file_whose_short_code_is_not_its_papers_is_refused_and_named() {
    let (dir, files, stations) = counted_commune();
    let out = dir.path().join("commune.json");
    // Station 1's file with one vote moved to party 2: as it would be if
    // edited with every sum kept (polltally writes it, so it is canonical and
    // its checks hold).
    let mut doc: serde_json::Value = json_of(&files[0].1);
    doc["votes"]["1"] = 9.into();
    doc["votes"]["2"] = 1.into();
    let moved = dir.path().join("s1-moved.json");
    std::fs::write(&moved, serde_jcs::to_vec(&doc).unwrap()).unwrap();
    let moved_ok = run(&["verify", "--results", s(&moved)]);
    let typed = [
        (STATIONS[0], code_of(&files[0].1)),
        (
            STATIONS[1],
            code_of(&files[1].1).to_lowercase().replace('-', " "),
        ),
        (STATIONS[2], code_of(&files[2].1)),
    ];
    let typed: Vec<(&str, &str)> = typed.iter().map(|(s, c)| (*s, c.as_str())).collect();
    let codes = codes_file(dir.path(), "codes.txt", &typed);

    // With the paper's codes, every file that is the signed one is accepted.
    let honest = [s(&files[0].1), s(&files[1].1), s(&files[2].1)];
    let r = ok_run(with_codes(&out, &stations, &codes, &honest));
    assert!(
        r.stdout.contains("Checked against paper: 3 of 3 stations."),
        "{}",
        r.stdout
    );
    let c = json_of(&out);
    for station in c["stations"].as_array().unwrap() {
        assert_eq!(station["paper_checked"], true, "{station}");
    }
    assert_eq!(c["paper_without_file"], serde_json::json!([]));
    std::fs::remove_file(&out).unwrap();

    // The moved vote: whatever the file alone says, the paper refuses it.
    let edited = [s(&moved), s(&files[1].1), s(&files[2].1)];
    let r = with_codes(&out, &stations, &codes, &edited);
    assert_eq!(
        r.code, 1,
        "{}{} (verify alone: {})",
        r.stdout, r.stderr, moved_ok.code
    );
    let expected = format!(
        "s1-moved.json: its short code is {}, but copy C of the form of station \"{}\" says {} (line 1 of the codes)",
        code_of(&moved),
        STATIONS[0],
        code_of(&files[0].1)
    );
    assert!(r.stderr.contains(&expected), "{}", r.stderr);
    assert!(!out.exists(), "nothing was written");
}

#[test]
fn stations_with_a_file_but_no_code_or_a_code_but_no_file_are_listed() {
    let (dir, files, stations) = counted_commune();
    let out = dir.path().join("commune.json");
    let results = [s(&files[0].1), s(&files[1].1), s(&files[2].1)];
    // Station 2's code not typed; a code typed for station 4, which has no
    // results file.
    let c1 = code_of(&files[0].1);
    let c3 = code_of(&files[2].1);
    let codes = codes_file(
        dir.path(),
        "codes.txt",
        &[
            (STATIONS[0], &c1),
            (STATIONS[2], &c3),
            (STATIONS[3], "0000-0000-0000-0000"),
        ],
    );
    let r = ok_run(with_codes(&out, &stations, &codes, &results));
    for line in [
        "Checked against paper: 2 of 3 stations.",
        "No short code typed for: 0101-01-0002",
        "Short code typed but no results file: 0101-01-0004",
        "Stations without results: 0101-01-0004",
    ] {
        assert!(r.stdout.contains(line), "{line}: {}", r.stdout);
    }
    let c = json_of(&out);
    let checked: Vec<(&str, bool)> = c["stations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["code"].as_str().unwrap(),
                s["paper_checked"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        checked,
        vec![
            (STATIONS[0], true),
            (STATIONS[1], false),
            (STATIONS[2], true)
        ]
    );
    assert_eq!(c["paper_without_file"], serde_json::json!([STATIONS[3]]));

    // The commune file verifies with the same inputs, and not without the
    // codes it was checked against.
    let mut verify = vec!["verify", "--commune", s(&out), "--stations", s(&stations)];
    verify.extend(["--codes", s(&codes)]);
    verify.extend(results);
    ok(&verify);
    let mut without = vec!["verify", "--commune", s(&out), "--stations", s(&stations)];
    without.extend(results);
    let r = run(&without);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stderr
            .contains("paper_without_file: the commune file says [\"0101-01-0004\"], tabulating the results files gives null"),
        "{}",
        r.stderr
    );

    // Without any codes, each station says it was not checked.
    std::fs::remove_file(&out).unwrap();
    let r = ok(&tabulate_args(&out, &[s(&stations)], &results));
    assert!(
        r.stdout
            .contains("Not checked against paper: no short codes were typed."),
        "{}",
        r.stdout
    );
    let c = json_of(&out);
    assert!(
        c["stations"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["paper_checked"] == false)
    );
    assert!(c.get("paper_without_file").is_none(), "{c}");
}

#[test]
fn a_codes_file_that_cannot_be_read_is_refused_with_its_line() {
    let (dir, files, stations) = counted_commune();
    let out = dir.path().join("commune.json");
    let results = [s(&files[0].1), s(&files[1].1), s(&files[2].1)];
    let c1 = code_of(&files[0].1);
    for (name, text, message) in [
        (
            "short.txt",
            format!("# copy C\n{} {c1}\n{} 7G2K-9XQ4\n", STATIONS[0], STATIONS[1]),
            format!(
                "codes: line 3: \"{} 7G2K-9XQ4\": \"7G2K-9XQ4\" has 8 characters, a short code has 16 (codes file ",
                STATIONS[1]
            ),
        ),
        (
            "alone.txt",
            format!("{}\n", STATIONS[0]),
            format!(
                "codes: line 1: \"{}\": a station code and the short code of its form are needed",
                STATIONS[0]
            ),
        ),
        (
            "not-issued.txt",
            format!("{} {c1}\n0101-01-0999 {c1}\n", STATIONS[0]),
            "codes: station \"0101-01-0999\" has a code (line 2 of the codes) but is not among the issued station files".to_string(),
        ),
    ] {
        let codes = dir.path().join(name);
        std::fs::write(&codes, text).unwrap();
        let r = with_codes(&out, &stations, &codes, &results);
        assert_eq!(r.code, 2, "{name}: {}{}", r.stdout, r.stderr);
        assert!(r.stderr.contains(&message), "{name}: {}", r.stderr);
        assert!(!out.exists(), "nothing was written");
    }
    let binary = dir.path().join("binary.txt");
    std::fs::write(&binary, b"0101-01-0001 \xff\xfe\n").unwrap();
    let r = with_codes(&out, &stations, &binary, &results);
    assert_eq!(r.code, 2, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stderr.contains("binary.txt is not UTF-8 text"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_recount_replacing_its_original_still_works_with_the_station_files_and_the_codes() {
    let (dir, files, stations) = counted_commune();
    let reviewed = review_of_station_2(dir.path(), &files[1].0);
    let out = dir.path().join("commune.json");
    let all = [s(&files[0].1), s(&files[1].1), s(&reviewed), s(&files[2].1)];
    let (c1, c2, c2r, c3) = (
        code_of(&files[0].1),
        code_of(&files[1].1),
        code_of(&reviewed),
        code_of(&files[2].1),
    );
    // Copy C of the recount's form; of the original's only; of both.
    for (typed, checked) in [
        (vec![(STATIONS[1], c2r.as_str())], true),
        (vec![(STATIONS[1], c2.as_str())], false),
        (
            vec![(STATIONS[1], c2.as_str()), (STATIONS[1], c2r.as_str())],
            true,
        ),
    ] {
        let mut lines = vec![(STATIONS[0], c1.as_str()), (STATIONS[2], c3.as_str())];
        lines.extend(typed);
        let codes = codes_file(dir.path(), "codes.txt", &lines);
        let r = ok_run(with_codes(&out, &stations, &codes, &all));
        assert!(r.stdout.contains("replaced by the recount"), "{}", r.stdout);
        let c = json_of(&out);
        assert_eq!(c["votes"]["4"], 1);
        assert_eq!(
            c["stations"][1]["results_hash"],
            Hash256::of(&std::fs::read(&reviewed).unwrap()).to_hex()
        );
        assert_eq!(c["stations"][1]["paper_checked"], checked, "{lines:?}");
        std::fs::remove_file(&out).unwrap();
    }
    // A code that is neither the original's nor the recount's.
    let codes = codes_file(dir.path(), "codes.txt", &[(STATIONS[1], c1.as_str())]);
    let r = with_codes(&out, &stations, &codes, &all);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stderr.contains(&format!(
            "s2-review.json: its short code is {c2r}, but copy C of the form of station \"{}\" says {c1}",
            STATIONS[1]
        )),
        "{}",
        r.stderr
    );
}

#[test]
fn count_records_are_tabulated_as_their_sealed_results_and_checked_whole() {
    let (dir, files, stations) = counted_commune();
    let from_files = dir.path().join("from-files.json");
    let from_records = dir.path().join("from-records.json");
    let c2 = code_of(&files[1].1);
    let codes = codes_file(dir.path(), "codes.txt", &[(STATIONS[1], c2.as_str())]);
    let with = |out: &Path, inputs: &[&str]| with_codes(out, &stations, &codes, inputs);
    let r = with(
        &from_files,
        &[s(&files[0].1), s(&files[1].1), s(&files[2].1)],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    // Records for stations 1 and 2, a results file for station 3: the same
    // commune, byte for byte (the record's results are what export writes,
    // so its short code is the paper's).
    let r = with(
        &from_records,
        &[s(&files[0].0), s(&files[1].0), s(&files[2].1)],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        std::fs::read(&from_files).unwrap(),
        std::fs::read(&from_records).unwrap()
    );

    // A record whose journal was edited is refused as changed, and named.
    let tampered = dir.path().join("tampered.polltally");
    std::fs::copy(&files[0].0, &tampered).unwrap();
    let conn = rusqlite::Connection::open(&tampered).unwrap();
    conn.execute_batch("DROP TRIGGER journal_no_update;")
        .unwrap();
    let canonical: Vec<u8> = conn
        .query_row("SELECT canonical FROM journal WHERE seq = 10", [], |r| {
            r.get(0)
        })
        .unwrap();
    let text = String::from_utf8(canonical).unwrap();
    assert!(text.contains("\"party\":1"), "{text}");
    conn.execute(
        "UPDATE journal SET canonical = ?1 WHERE seq = 10",
        [text.replace("\"party\":1", "\"party\":2").into_bytes()],
    )
    .unwrap();
    drop(conn);
    let out = dir.path().join("commune.json");
    let r = with(&out, &[s(&tampered), s(&files[1].1), s(&files[2].1)]);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stderr
            .contains("tampered.polltally: entry 10: hash does not match its contents"),
        "{}",
        r.stderr
    );
    // A record not yet sealed has no results to tabulate.
    let unsealed = dir.path().join("unsealed.polltally");
    let station = stations.join(format!("station-{}.json", STATIONS[3]));
    ok(&["new", "--station", s(&station), "--record", s(&unsealed)]);
    let r = with(
        &out,
        &[s(&files[0].1), s(&files[1].1), s(&files[2].1), s(&unsealed)],
    );
    assert_eq!(r.code, 2, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stderr
            .contains("unsealed.polltally: the count is not sealed"),
        "{}",
        r.stderr
    );
    assert!(!out.exists(), "nothing was written");
}
