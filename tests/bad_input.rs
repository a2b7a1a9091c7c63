//! Malformed station files and command-line inputs: each is refused with
//! exit 2 and a message naming the field and the value, and nothing is
//! written.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use serde_json::{Value, json};
use std::path::Path;

fn sample() -> Value {
    serde_json::from_slice(&std::fs::read(fixture("station-small.json")).unwrap()).unwrap()
}

/// A station-file case: an edit of the fixture, and the expected message.
struct StationCase {
    edit: fn(&mut Value),
    message: &'static str,
}

fn station_cases() -> Vec<StationCase> {
    vec![
        StationCase {
            edit: |v| v["format"] = json!("polltally-station/2"),
            message: "format: \"polltally-station/2\" is not \"polltally-station/1\"",
        },
        StationCase {
            edit: |v| v["parties"][2]["number"] = json!(2),
            message: "parties[2].number: 2 is used twice (also parties[1])",
        },
        StationCase {
            edit: |v| v["parties"][1]["number"] = json!(0),
            message: "parties[1].number: 0 is not a party number (1-999)",
        },
        StationCase {
            edit: |v| v["parties"][0]["number"] = json!(-3),
            message: "parties[0].number: invalid value: integer `-3`, expected u32",
        },
        StationCase {
            edit: |v| v["parties"][3]["abbreviation"] = json!("AP"),
            message: "parties[3].abbreviation: \"AP\" is used twice (also parties[0])",
        },
        StationCase {
            edit: |v| v["parties"] = json!([]),
            message: "parties: must list at least one party",
        },
        StationCase {
            edit: |v| v["parties"][1]["colour"] = json!("red"),
            message: "parties[1].colour: unknown field `colour`",
        },
        StationCase {
            edit: |v| v["turnout"] = json!(3),
            message: "turnout: unknown field `turnout`",
        },
        StationCase {
            edit: |v| {
                v.as_object_mut().unwrap().remove("registered_voters");
            },
            message: "station file: missing field `registered_voters`",
        },
        StationCase {
            edit: |v| v["registered_voters"] = json!("400"),
            message: "registered_voters: invalid type: string \"400\", expected u64",
        },
        StationCase {
            edit: |v| v["election"]["date"] = json!("2027-02-30"),
            message: "election.date: \"2027-02-30\" is not a calendar date",
        },
        StationCase {
            edit: |v| v["election"]["date"] = json!("06/06/2027"),
            message: "election.date: \"06/06/2027\" is not a date in the form YYYY-MM-DD",
        },
        StationCase {
            edit: |v| v["election"]["id"] = json!("cce 2027"),
            message: "election.id: \"cce 2027\" is not an identifier",
        },
        StationCase {
            edit: |v| v["station"]["name"] = json!({}),
            message: "station.name: must give the text in at least one language",
        },
        StationCase {
            edit: |v| v["station"]["commune"] = json!({"English": "x"}),
            message: "station.commune: \"English\" is not a language code",
        },
        StationCase {
            edit: |v| v["ballot_books"][1]["first_serial"] = json!(200),
            message: "ballot_books[1]: serials 200-500 overlap ballot_books[0] (1-250)",
        },
        StationCase {
            edit: |v| v["ballot_books"][0]["first_serial"] = json!(300),
            message: "ballot_books[0].first_serial: 300 is after last_serial 250",
        },
        StationCase {
            edit: |v| v["ballot_books"][1]["book"] = json!("T-1"),
            message: "ballot_books[1].book: \"T-1\" is used twice (also ballot_books[0])",
        },
        StationCase {
            edit: |v| v["numerals"] = json!("roman"),
            message: "numerals: unknown variant `roman`, expected `western` or `khmer`",
        },
        StationCase {
            edit: |v| v["council_seats"] = json!(0),
            message: "council_seats: 0 is not allowed (at least 1)",
        },
        StationCase {
            edit: |v| v["practice"] = json!("yes"),
            message: "practice: invalid type: string \"yes\", expected a boolean",
        },
        StationCase {
            edit: |v| {
                v["criteria"] = json!([{"code": "OK", "valid": true, "title": {"en": "x"}, "rule": {"en": "y"}}])
            },
            message: "criteria: must contain at least one invalid criterion",
        },
        StationCase {
            edit: |v| {
                v["criteria"] =
                    json!([{"code": "1", "valid": true, "title": {"en": "x"}, "rule": {"en": "y"}}])
            },
            message: "criteria[0].code: \"1\" is not a criterion code",
        },
        StationCase {
            edit: |v| {
                v["criteria"] = json!([
                    {"code": "A", "valid": true, "title": {"en": "x"}, "rule": {"en": "y"}},
                    {"code": "A", "valid": false, "title": {"en": "x"}, "rule": {"en": "y"}}
                ])
            },
            message: "criteria[1].code: code A is used twice (also criteria[0])",
        },
    ]
}

#[test]
fn malformed_station_files_are_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let cases = station_cases();
    assert!(cases.len() >= 20);
    for (i, case) in cases.iter().enumerate() {
        let mut v = sample();
        (case.edit)(&mut v);
        let station = dir.path().join(format!("station-{i}.json"));
        std::fs::write(&station, serde_json::to_vec_pretty(&v).unwrap()).unwrap();
        let record = dir.path().join(format!("count-{i}.polltally"));
        let r = run(&["new", "--station", s(&station), "--record", s(&record)]);
        assert_eq!(r.code, 2, "case {i}: {}", case.message);
        assert!(
            r.stderr.contains(case.message),
            "case {i}: expected {:?} in {:?}",
            case.message,
            r.stderr
        );
        assert!(
            r.stderr.contains(s(&station)),
            "case {i}: the message names the file: {}",
            r.stderr
        );
        assert!(!record.exists(), "case {i}: a record was written");
    }
}

#[test]
fn station_files_that_are_not_json_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    for (i, (bytes, message)) in [
        (&b""[..], "station file: the file is empty"),
        (
            &b"{\"format\": \"polltally-station/1\","[..],
            "station file: EOF while parsing",
        ),
        (
            &b"[1, 2]"[..],
            "station file: not a JSON object (it must start with '{')",
        ),
        (
            &b"\xff\xfe"[..],
            "station file: not a JSON object (it must start with '{')",
        ),
        (
            &b"\xef\xbb\xbf{}"[..],
            "station file: starts with a byte order mark; save it as UTF-8 without one",
        ),
    ]
    .into_iter()
    .enumerate()
    {
        let station = dir.path().join(format!("bad-{i}.json"));
        std::fs::write(&station, bytes).unwrap();
        let record = dir.path().join(format!("c-{i}.polltally"));
        let r = run(&["new", "--station", s(&station), "--record", s(&record)]);
        assert_eq!(r.code, 2);
        assert!(r.stderr.contains(message), "case {i}: {}", r.stderr);
        assert!(!record.exists());
    }
    let r = run(&[
        "new",
        "--station",
        s(&dir.path().join("absent.json")),
        "--record",
        s(&dir.path().join("x")),
    ]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("station: cannot read"), "{}", r.stderr);
}

/// The journal's size and head, to prove nothing was written.
fn fingerprint(record: &Path) -> (Value, Value) {
    let v = show_json(record);
    (v["entries"].clone(), v["head_hash"].clone())
}

#[test]
fn bad_command_line_inputs_are_refused_and_nothing_is_written() {
    let (dir, record) = new_record(&fixture("station-small.json"));
    let rec = s(&record);
    ok(&["rule", "--record", rec, "--party", "1"]);
    ok(&[
        "void",
        "--record",
        rec,
        "--seq",
        "2",
        "--reason",
        "wrong pile",
    ]);
    ok(&["figures", "--record", rec, "--in-box", "10"]);
    let before = fingerprint(&record);
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec!["rule", "--record", rec, "--party", "9"],
            "party: 9 is not on this station's ballot (parties 1-4)",
        ),
        (
            vec!["rule", "--record", rec, "--party", "x"],
            "invalid value 'x' for '--party <NUM>'",
        ),
        (
            vec!["rule", "--record", rec, "--party", "1", "--criterion", "I2"],
            "criterion: I2 is an invalid criterion",
        ),
        (
            vec!["rule", "--record", rec, "--invalid", "V1"],
            "invalid: V1 is a valid criterion",
        ),
        (
            vec!["rule", "--record", rec, "--invalid", "Z9"],
            "criterion: Z9 is not a criterion of this count",
        ),
        (
            vec![
                "rule",
                "--record",
                rec,
                "--party",
                "1",
                "--disputed-by",
                "8",
            ],
            "disputed_by: 8 is not on this station's ballot",
        ),
        (
            vec![
                "rule",
                "--record",
                rec,
                "--party",
                "1",
                "--disputed-by",
                "2",
                "--disputed-by",
                "2",
            ],
            "disputed_by: party 2 is named twice",
        ),
        (
            vec!["rule", "--record", rec, "--party", "1", "--note", " "],
            "note: must not be empty",
        ),
        (
            vec!["rule", "--record", rec, "--party", "1", "--invalid", "I2"],
            "cannot be used with",
        ),
        (
            vec!["rule", "--record", rec],
            "the following required arguments were not provided",
        ),
        (
            vec!["rule", "--record", rec, "--criterion", "V2"],
            "required arguments were not provided",
        ),
        (
            vec!["void", "--record", rec, "--seq", "2", "--reason", "again"],
            "seq: ruling 2 was already voided by seq 3",
        ),
        (
            vec!["void", "--record", rec, "--seq", "3", "--reason", "x"],
            "seq: 3 is a void (of seq 2), not a ruling",
        ),
        (
            vec!["void", "--record", rec, "--seq", "4", "--reason", "x"],
            "seq: 4 is not a ruling",
        ),
        (
            vec!["void", "--record", rec, "--seq", "77", "--reason", "x"],
            "seq: 77 does not exist (the journal ends at seq 4)",
        ),
        (
            vec!["void", "--record", rec, "--seq", "2", "--reason", ""],
            "reason: must not be empty",
        ),
        (
            vec!["figures", "--record", rec],
            "the following required arguments were not provided",
        ),
        (
            vec!["figures", "--record", rec, "--received", "-1"],
            "unexpected argument '-1'",
        ),
        (
            vec!["figures", "--record", rec, "--received", "12x"],
            "invalid value '12x' for '--received <N>'",
        ),
        (
            vec!["figures", "--record", rec, "--in-box", "9007199254740992"],
            "in_box: 9007199254740992 is too large",
        ),
        (
            vec!["pile", "--record", rec, "--party", "5", "--count", "3"],
            "party: 5 is not on this station's ballot",
        ),
        (
            vec![
                "explain", "--record", rec, "--check", "turnout", "--text", "x",
            ],
            "check: \"turnout\" is not a check",
        ),
        (
            vec![
                "explain",
                "--record",
                rec,
                "--check",
                "cross_check:9",
                "--text",
                "x",
            ],
            "check: cross_check:9 is not a check of this count",
        ),
        (
            vec![
                "explain", "--record", rec, "--check", "stock", "--text", "\t",
            ],
            "text: must not be empty",
        ),
        (
            vec!["verify", "--record", rec, "--head", "abc"],
            "head: \"abc\" is not a SHA-256 hash",
        ),
        (vec!["frobnicate"], "unrecognized subcommand 'frobnicate'"),
    ];
    assert!(cases.len() >= 20);
    for (args, message) in &cases {
        let r = run(args);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert!(
            r.stderr.contains(message),
            "{args:?}: expected {message:?} in {:?}",
            r.stderr
        );
        assert_eq!(fingerprint(&record), before, "{args:?} wrote something");
    }
    // `new` never overwrites, not even a record.
    let r = run(&[
        "new",
        "--station",
        s(&fixture("station-small.json")),
        "--record",
        rec,
    ]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("already exists"), "{}", r.stderr);
    assert_eq!(fingerprint(&record), before);
    drop(dir);
}

#[test]
fn foreign_files_are_not_records() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("notes.txt");
    let words = "this is not a database, just words on a page. ".repeat(40);
    std::fs::write(&text, &words).unwrap();
    let r = run(&["show", "--record", s(&text)]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("is not a polltally count record"),
        "{}",
        r.stderr
    );
    assert_eq!(std::fs::read_to_string(&text).unwrap(), words);

    let other = dir.path().join("other.sqlite");
    {
        let conn = rusqlite::Connection::open(&other).unwrap();
        conn.execute_batch("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1);")
            .unwrap();
    }
    let before = std::fs::read(&other).unwrap();
    let r = run(&["rule", "--record", s(&other), "--party", "1"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("is not a polltally count record (application_id 0x0)"),
        "{}",
        r.stderr
    );
    assert_eq!(
        std::fs::read(&other).unwrap(),
        before,
        "a foreign database was modified"
    );
}

#[test]
fn a_record_from_a_newer_polltally_is_refused() {
    let (_dir, record) = new_record(&fixture("station-small.json"));
    {
        let conn = rusqlite::Connection::open(&record).unwrap();
        conn.execute_batch("PRAGMA user_version = 99;").unwrap();
    }
    let r = run(&["show", "--record", s(&record)]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("written by a newer polltally (schema 99"),
        "{}",
        r.stderr
    );
}
