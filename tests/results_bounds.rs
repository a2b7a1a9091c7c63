//! Results files edited before they reach the commune, through the real
//! binary: numbers past their bounds (which used to wrap in the sums),
//! checks removed or changed, signatures removed, impossible seats. Each is
//! refused by `verify --results` and by `tabulate` as a changed file (exit
//! 1), naming the field.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use polltally::domain::hash::Hash256;
use polltally::domain::short_code::short_code;
use std::path::{Path, PathBuf};

/// A sealed count of the small station with 200 votes for party 1, 184 for
/// party 2 and 32 for party 3 (16 voters on the supplementary list, so that
/// the 416 ballots fit its 400 registered voters), and its results file.
fn sealed_416(dir: &Path) -> (PathBuf, PathBuf) {
    let record = dir.join("s1.polltally");
    let rec = s(&record);
    new_small(&record);
    record_figures(rec, [500, 84, 0, 400, 16, 0, 416]);
    let mut lines = times("1", 200);
    lines.extend(times("2", 184));
    lines.extend(times("3", 32));
    rule_lines(rec, lines);
    seal_by_chief(rec);
    let results = export(&record);
    (record, results)
}

/// A small sealed count (party 1: 3, party 2: 2) with its pile counts.
fn sealed_with_piles(dir: &Path) -> (PathBuf, PathBuf) {
    let record = dir.join("piles.polltally");
    let rec = s(&record);
    new_small(&record);
    record_figures(rec, [500, 495, 0, 5, 0, 0, 5]);
    let mut lines = times("1", 3);
    lines.extend(times("2", 2));
    rule_lines(rec, lines);
    for (party, n) in [("1", "3"), ("2", "2"), ("3", "0"), ("4", "0")] {
        ok(&["pile", "--record", rec, "--party", party, "--count", n]);
    }
    seal_by_chief(rec);
    let results = export(&record);
    (record, results)
}

/// The results file at `path` with `edit` applied, written canonically (as
/// polltally writes it) to `out`.
fn edited(path: &Path, out: &Path, edit: impl FnOnce(&mut serde_json::Value)) -> PathBuf {
    let mut value: serde_json::Value =
        serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    edit(&mut value);
    std::fs::write(out, serde_jcs::to_vec(&value).unwrap()).unwrap();
    out.to_path_buf()
}

/// `verify --results` and `tabulate` both refuse `file` as a changed file
/// (exit 1), with `message` in what they say.
fn refused(file: &Path, message: &str) {
    let r = run(&["verify", "--results", s(file)]);
    assert_eq!(r.code, 1, "verify: {}{}", r.stdout, r.stderr);
    assert!(r.stderr.contains(message), "verify: {}", r.stderr);
    let out = file.with_extension("commune.json");
    let r = run(&["tabulate", "--out", s(&out), s(file)]);
    assert_eq!(r.code, 1, "tabulate: {}{}", r.stdout, r.stderr);
    assert!(r.stderr.contains(message), "tabulate: {}", r.stderr);
    assert!(!out.exists(), "nothing was tabulated");
}

#[test]
fn votes_that_wrap_around_in_the_sums_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (_, results) = sealed_416(dir.path());
    ok(&["verify", "--results", s(&results)]);
    // 9300000000000000000 + 9146744073709552000 + 32 is 416 in wrapping
    // 64-bit arithmetic: the file's own sums hold.
    let forged = edited(&results, &dir.path().join("wrapped.json"), |v| {
        v["votes"]["1"] = 9_300_000_000_000_000_000u64.into();
        v["votes"]["2"] = 9_146_744_073_709_552_000u64.into();
    });
    let text = std::fs::read_to_string(&forged).unwrap();
    assert!(
        text.contains("\"votes\":{\"1\":9300000000000000000,\"2\":9146744073709552000,\"3\":32,"),
        "{text}"
    );
    refused(
        &forged,
        "results file: votes.1: 9300000000000000000 is more than 100000, \
         the most ballots one station counts",
    );
}

#[test]
fn every_count_in_a_results_file_is_bounded_and_named() {
    let dir = tempfile::tempdir().unwrap();
    let (_, results) = sealed_416(dir.path());
    for (name, field, edit) in [
        (
            "registered",
            "registered_voters: 100001 is more than 100000",
            Box::new(|v: &mut serde_json::Value| v["registered_voters"] = 100_001.into())
                as Box<dyn FnOnce(&mut serde_json::Value)>,
        ),
        (
            "books",
            "ballots_in_books: 4000000000 is more than 100000",
            Box::new(|v: &mut serde_json::Value| v["ballots_in_books"] = 4_000_000_000u64.into()),
        ),
        (
            "received",
            "figures.received: 9300000000000000000 is more than 100000",
            Box::new(|v: &mut serde_json::Value| {
                v["figures"]["received"] = 9_300_000_000_000_000_000u64.into();
            }),
        ),
        (
            "invalid",
            "invalid.I1: 100001 is more than 100000",
            Box::new(|v: &mut serde_json::Value| v["invalid"]["I1"] = 100_001.into()),
        ),
        (
            "disputed",
            "disputed: 9007199254740991 is more than 100000",
            Box::new(|v: &mut serde_json::Value| v["disputed"] = 9_007_199_254_740_991u64.into()),
        ),
    ] {
        let forged = edited(&results, &dir.path().join(format!("{name}.json")), edit);
        refused(&forged, field);
    }
}

#[test]
fn a_file_without_its_checks_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (_, results) = sealed_416(dir.path());
    let forged = edited(&results, &dir.path().join("no-checks.json"), |v| {
        v["checks"] = serde_json::json!([]);
    });
    refused(&forged, "results file: checks: the check stock is missing");
    // One check left out, or one written twice.
    let forged = edited(&results, &dir.path().join("no-ceiling.json"), |v| {
        v["checks"].as_array_mut().unwrap().remove(4);
    });
    refused(&forged, "checks: the check ceiling is missing");
    let forged = edited(&results, &dir.path().join("stock-twice.json"), |v| {
        let first = v["checks"][0].clone();
        v["checks"].as_array_mut().unwrap().insert(1, first);
    });
    refused(&forged, "checks[1]: stock is used twice (also checks[0])");
}

#[test]
fn a_differing_check_needs_the_explanation_the_seal_needs() {
    let dir = tempfile::tempdir().unwrap();
    let (_, results) = sealed_416(dir.path());
    // More ballots in the box than were issued, its check changed to match:
    // the seal needs an explanation of the difference, and there is none.
    let forged = edited(&results, &dir.path().join("stuffed.json"), |v| {
        v["figures"]["in_box"] = 420.into();
        for check in v["checks"].as_array_mut().unwrap() {
            match check["name"].as_str().unwrap() {
                "box_vs_issued" => {
                    check["status"] = "differs".into();
                    check["difference"] = 4.into();
                }
                "box_vs_rulings" => {
                    check["status"] = "pending".into();
                    check["difference"] = serde_json::Value::Null;
                }
                _ => {}
            }
        }
    });
    refused(
        &forged,
        "checks.box_vs_issued: differs by +4 and has no explanation; \
         a seal needs one for every check that differs",
    );
    // With the changed check left as it was, the recomputed check differs.
    let forged = edited(&results, &dir.path().join("stuffed-quietly.json"), |v| {
        v["figures"]["in_box"] = 420.into();
    });
    refused(
        &forged,
        "checks.box_vs_issued is holds Some(0), but the figures give differs Some(4)",
    );
}

#[test]
fn a_file_nobody_signed_or_the_chief_did_not_sign_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (_, results) = sealed_416(dir.path());
    let forged = edited(&results, &dir.path().join("unsigned.json"), |v| {
        v["signed"] = serde_json::json!([]);
    });
    refused(
        &forged,
        "results file: signed: at least the chief signs the result",
    );
    let forged = edited(&results, &dir.path().join("no-chief.json"), |v| {
        v["signed"] = serde_json::json!([{"name": "Chan Sophea", "role": "secretary"}]);
    });
    refused(
        &forged,
        "results file: signed: no one signs as chief; the result needs the signature of the chief",
    );
    let forged = edited(&results, &dir.path().join("signed-and-refused.json"), |v| {
        v["refused"] =
            serde_json::json!([{"name": "Chan Sophea", "role": "chief", "reason": "no"}]);
    });
    refused(&forged, "refused[0].name: \"Chan Sophea\" also signed");
}

#[test]
fn a_council_without_seats_or_with_too_many_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (_, results) = sealed_416(dir.path());
    let forged = edited(&results, &dir.path().join("no-seats.json"), |v| {
        v["council_seats"] = 0.into();
    });
    refused(
        &forged,
        "results file: council_seats: 0 is not allowed (at least 1)",
    );
    let forged = edited(&results, &dir.path().join("many-seats.json"), |v| {
        v["council_seats"] = 4_294_967_295u64.into();
    });
    refused(
        &forged,
        "results file: council_seats: 4294967295 is more than 100, the most seats a council has",
    );
}

#[test]
fn parties_must_be_listed_once_each() {
    let dir = tempfile::tempdir().unwrap();
    let (_, results) = sealed_416(dir.path());
    let forged = edited(&results, &dir.path().join("no-parties.json"), |v| {
        v["parties"] = serde_json::json!([]);
        v["votes"] = serde_json::json!({});
    });
    refused(
        &forged,
        "results file: parties: must list at least one party",
    );
    let forged = edited(&results, &dir.path().join("party-twice.json"), |v| {
        v["parties"][3]["number"] = 3.into();
    });
    refused(
        &forged,
        "parties[3].number: 3 is used twice (also parties[2])",
    );
}

#[test]
fn a_vote_moved_with_its_pile_counts_needs_the_record_or_the_paper() {
    let dir = tempfile::tempdir().unwrap();
    let (record, results) = sealed_with_piles(dir.path());
    let code = short_code(&Hash256::of(&std::fs::read(&results).unwrap()));
    ok(&["verify", "--results", s(&results), "--code", &code]);
    // A vote moved from party 1 to party 2, and the pile counts with it:
    // every check still holds, so the file alone cannot tell.
    let moved = edited(&results, &dir.path().join("moved.json"), |v| {
        v["votes"]["1"] = 2.into();
        v["votes"]["2"] = 3.into();
        v["pile_counts"]["1"] = 2.into();
        v["pile_counts"]["2"] = 3.into();
    });
    ok(&["verify", "--results", s(&moved)]);
    // The record refuses it, and so does the code on the paper.
    let r = run(&["verify", "--results", s(&moved), "--record", s(&record)]);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    let r = run(&["verify", "--results", s(&moved), "--code", &code]);
    assert_eq!(r.code, 1, "{code}: {}{}", r.stdout, r.stderr);
    // Moved without its pile counts, the cross-checks give it away.
    let moved = edited(&results, &dir.path().join("moved-alone.json"), |v| {
        v["votes"]["1"] = 2.into();
        v["votes"]["2"] = 3.into();
    });
    refused(
        &moved,
        "checks.cross_check:1 is holds Some(0), but the figures give differs Some(1)",
    );
}

#[test]
fn results_files_of_earlier_versions_still_verify() {
    for name in ["sealed-written-roles.json", "photo-20-parties.json"] {
        let r = run(&["verify", "--results", s(&fixture(name))]);
        assert_eq!(r.code, 0, "{name}: {}{}", r.stdout, r.stderr);
    }
}

#[test]
fn a_box_that_differs_from_the_ballots_issued_with_its_explanation_is_tabulated() {
    // One ballot more in the box than were issued: the check differs, the
    // commission explains it, seals; the commune counts the station.
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("extra.polltally");
    let rec = s(&record);
    new_small(&record);
    record_figures(rec, [500, 495, 0, 5, 0, 0, 6]);
    rule_lines(rec, times("1", 6));
    ok(&[
        "explain",
        "--record",
        rec,
        "--check",
        "box_vs_issued",
        "--text",
        "one ballot more in the box than issued; reported to the commune",
    ]);
    seal_by_chief(rec);
    let results = export(&record);
    ok(&["verify", "--results", s(&results)]);
    let out = dir.path().join("commune.json");
    ok(&["tabulate", "--out", s(&out), s(&results)]);
    // Its explanation removed, the file is one no seal could make.
    let forged = edited(&results, &dir.path().join("unexplained.json"), |v| {
        for check in v["checks"].as_array_mut().unwrap() {
            check["explanation"] = serde_json::Value::Null;
        }
    });
    refused(
        &forged,
        "checks.box_vs_issued: differs by +1 and has no explanation",
    );
}

#[test]
fn a_control_character_in_any_text_or_a_date_that_is_none_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = fixture("photo-20-parties.json");
    // A party's name holding a terminal's "clear the screen".
    let name = edited(&fixture, &dir.path().join("name.json"), |v| {
        v["parties"][3]["name"]["en"] = "Delta\u{1b}[2J Party".into();
    });
    refused(
        &name,
        "parties[3].name.en: contains the control character U+001B",
    );
    let station = edited(&fixture, &dir.path().join("station.json"), |v| {
        v["station"]["name"]["km"] = "\u{0}".into();
    });
    refused(
        &station,
        "station.name.km: contains the control character U+0000",
    );
    let date = edited(&fixture, &dir.path().join("date.json"), |v| {
        v["election"]["date"] = "2027-06-31".into();
    });
    refused(
        &date,
        "election.date: \"2027-06-31\" is not a calendar date",
    );
}

/// A sealed count with the chief, an agent of party 2 and an observer
/// present; the observer left and complained, the agent complained about
/// ballot 2; and its results file.
fn sealed_with_complaints(dir: &Path) -> (PathBuf, PathBuf) {
    let record = dir.join("complaints.polltally");
    let rec = s(&record);
    count_with_people(&record);
    depart(rec, 4, "asked to leave");
    ok(&[
        "complaint",
        "--record",
        rec,
        "--by",
        "4",
        "--text",
        "sent away",
    ]);
    ok(&[
        "complaint",
        "--record",
        rec,
        "--by",
        "3",
        "--ballot",
        "2",
        "--text",
        "too fast",
    ]);
    record_figures(rec, [500, 497, 0, 3, 0, 0, 3]);
    ok(&["seal", "--record", rec, "--signed", "Chan Sophea:chief"]);
    let results = export(&record);
    (record, results)
}

#[test]
fn who_was_present_and_the_complaints_are_checked_in_a_results_file() {
    let dir = tempfile::tempdir().unwrap();
    let (_, results) = sealed_with_complaints(dir.path());
    ok(&["verify", "--results", s(&results)]);
    let out = |name: &str| dir.path().join(name);
    type Edit = fn(&mut serde_json::Value);
    let cases: [(&str, Edit, &str); 9] = [
        (
            "lodged.json",
            |v| v["complaints_lodged"] = serde_json::json!(0),
            "complaints_lodged is 0, but the complaints listed are 2",
        ),
        (
            "dropped.json",
            |v| {
                v["complaints"].as_array_mut().unwrap().remove(1);
            },
            "complaints_lodged is 2, but the complaints listed are 1",
        ),
        (
            "reason.json",
            |v| {
                v["presence"][2]
                    .as_object_mut()
                    .unwrap()
                    .remove("departure_reason");
            },
            "presence[2].departure_reason is null",
        ),
        (
            "left.json",
            |v| {
                v["presence"][2]
                    .as_object_mut()
                    .unwrap()
                    .remove("departed_at");
            },
            "presence[2].departed_at is null",
        ),
        (
            "who.json",
            |v| v["complaints"][0]["name"] = serde_json::json!("Someone Else"),
            "complaints[0].by is 4, but \"Someone Else\" is not listed present",
        ),
        (
            "chief.json",
            |v| {
                v["complaints"][0]["by"] = serde_json::json!(2);
                v["complaints"][0]["name"] = serde_json::json!("Chan Sophea");
                v["complaints"][0]["role"] = serde_json::json!("chief");
            },
            "complaints[0].role is chief",
        ),
        (
            "seq.json",
            |v| v["presence"][1]["seq"] = serde_json::json!(999),
            "presence[1].seq is 999, but no entry of the journal has that number",
        ),
        (
            "ballot.json",
            |v| v["complaints"][1]["ballot"] = serde_json::json!(0),
            "complaints[1].ballot is 0",
        ),
        (
            "people.json",
            |v| {
                v["presence"].as_array_mut().unwrap().remove(2);
            },
            "presence is 2 people, but those listed present are not the 3 of people_present",
        ),
    ];
    for (name, edit, message) in cases {
        let file = edited(&results, &out(name), edit);
        refused(&file, message);
    }
}

#[test]
fn a_withdrawal_of_one_who_complained_is_refused_and_the_results_verify() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("count.polltally");
    let rec = s(&record);
    count_with_people(&record);
    ok(&[
        "complaint",
        "--record",
        rec,
        "--by",
        "4",
        "--text",
        "sent away",
    ]);
    let r = run(&[
        "withdraw", "--record", rec, "--seq", "4", "--reason", "misspelt",
    ]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("seq: the person of entry 4 lodged the complaint of entry 8"),
        "{}",
        r.stderr
    );
    record_figures(rec, [500, 497, 0, 3, 0, 0, 3]);
    ok(&["seal", "--record", rec, "--signed", "Chan Sophea:chief"]);
    let results = export(&record);
    ok(&["verify", "--results", s(&results), "--record", rec]);
}
