//! Checkpoint codes through the real binary: every `checkpoint_every`
//! rulings and when asked, listed by `show --json`, the results file and
//! the form; `verify --checkpoint` passes a record through the codes an
//! agent noted and catches a record rebuilt with other rulings.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{export, ok, pdf_page_texts, rule_lines, run, s, sealed_count, show_json};
use std::path::{Path, PathBuf};

/// The small fixture station with a checkpoint every `every` rulings.
fn station_every(dir: &Path, every: u64) -> PathBuf {
    let mut v: serde_json::Value =
        serde_json::from_slice(&std::fs::read(common::fixture("station-small.json")).unwrap())
            .unwrap();
    v["checkpoint_every"] = serde_json::json!(every);
    let path = dir.join(format!("station-every-{every}.json"));
    std::fs::write(&path, serde_json::to_vec_pretty(&v).unwrap()).unwrap();
    path
}

/// `SEQ:CODE` of each checkpoint `show --json` lists.
fn noted(record: &Path) -> Vec<String> {
    show_json(record)["checkpoints"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| format!("{}:{}", c["seq"], c["code"].as_str().unwrap()))
        .collect()
}

#[test]
fn checkpoints_fall_every_n_rulings_and_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let station = station_every(dir.path(), 5);
    let record = dir.path().join("count.polltally");
    ok(&["new", "--station", s(&station), "--record", s(&record)]);
    rule_lines(s(&record), (0..12).map(|i| 1 + i % 3));
    let json = show_json(&record);
    assert_eq!(json["checkpoint_every"], 5);
    let points = json["checkpoints"].as_array().unwrap();
    // Entry 1 opens the record: the 5th ruling is entry 6, the 10th 11.
    let at: Vec<(u64, u64)> = points
        .iter()
        .map(|c| (c["seq"].as_u64().unwrap(), c["ballot"].as_u64().unwrap()))
        .collect();
    assert_eq!(at, [(6, 5), (11, 10)]);
    let asked = ok(&["checkpoint", "--record", s(&record)]).stdout;
    assert!(
        asked.starts_with("checkpoint: ballot 12, entry 14, code "),
        "{asked}"
    );
    let code = asked.trim().rsplit(' ').next().unwrap().to_string();
    assert_eq!(code.len(), 14, "{code}");
    let all = noted(&record);
    assert_eq!(all.len(), 3);
    assert_eq!(all[2], format!("14:{code}"));
    // Each code is the journal's at its entry: verify passes through all.
    let mut args = vec!["verify", "--record", s(&record)];
    for n in &all {
        args.extend(["--checkpoint", n.as_str()]);
    }
    let out = ok(&args).stdout;
    assert_eq!(out.matches("passes through checkpoint").count(), 3, "{out}");
    // Typed as written down: lower case, O for 0, no dashes.
    let typed = format!(
        "14:{}",
        code.to_lowercase().replace('-', "").replace('0', "o")
    );
    ok(&["verify", "--record", s(&record), "--checkpoint", &typed]);
}

#[test]
fn a_wrong_code_or_a_rebuilt_journal_fails_and_says_where() {
    let dir = tempfile::tempdir().unwrap();
    let station = station_every(dir.path(), 5);
    let record = dir.path().join("count.polltally");
    ok(&["new", "--station", s(&station), "--record", s(&record)]);
    let rulings: Vec<u32> = (0..12).map(|i| 1 + i % 3).collect();
    rule_lines(s(&record), &rulings);
    let first = noted(&record)[0].clone();
    let (seq, code) = first.split_once(':').unwrap();
    // A code noted wrongly (one character off).
    let last = code.chars().last().unwrap();
    let other = if last == '0' { '1' } else { '0' };
    let wrong = format!("{seq}:{}{other}", &code[..code.len() - 1]);
    let r = run(&["verify", "--record", s(&record), "--checkpoint", &wrong]);
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(
        r.stderr.contains(&format!(
            "checkpoint {seq}: the record's code there is {code}"
        )),
        "{}",
        r.stderr
    );
    // The same count rebuilt from its opening with one ruling changed.
    let rebuilt = dir.path().join("rebuilt.polltally");
    ok(&["new", "--station", s(&station), "--record", s(&rebuilt)]);
    let mut changed = rulings.clone();
    changed[2] = if changed[2] == 1 { 2 } else { 1 };
    rule_lines(s(&rebuilt), &changed);
    let r = run(&["verify", "--record", s(&rebuilt), "--checkpoint", &first]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("was rewritten at or before entry 6"),
        "{}",
        r.stderr
    );
    // A checkpoint the record never reached.
    let r = run(&[
        "verify",
        "--record",
        s(&record),
        "--checkpoint",
        "99:0000-0000-0000",
    ]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("has 13 entries and never reached it"),
        "{}",
        r.stderr
    );
    // Not SEQ:CODE at all.
    for bad in ["6", "six:0000-0000-0000", "6:0000-0000"] {
        let r = run(&["verify", "--record", s(&record), "--checkpoint", bad]);
        assert_eq!(r.code, 2, "{bad}");
        assert!(r.stderr.contains("checkpoint"), "{bad}: {}", r.stderr);
    }
}

#[test]
fn the_results_file_and_the_form_list_the_checkpoints() {
    let dir = tempfile::tempdir().unwrap();
    let station = station_every(dir.path(), 2);
    let record = dir.path().join("count.polltally");
    sealed_count(&station, &record, &["1", "2", "2", "3", "1"]);
    let listed = noted(&record);
    assert_eq!(listed.len(), 2, "{listed:?}");
    let results: serde_json::Value =
        serde_json::from_slice(&std::fs::read(export(&record)).unwrap()).unwrap();
    let in_file: Vec<String> = results["checkpoints"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| format!("{}:{}", c["seq"], c["code"].as_str().unwrap()))
        .collect();
    assert_eq!(in_file, listed);
    assert_eq!(results["checkpoints"][0]["ballot"], 2);
    let pdf = dir.path().join("form.pdf");
    ok(&["pdf", "--record", s(&record), "--out", s(&pdf)]);
    let text = pdf_page_texts(&std::fs::read(&pdf).unwrap()).join("\n");
    assert!(text.contains("Checkpoints shown during the"), "{text}");
    for n in &listed {
        let code = n.split_once(':').unwrap().1;
        assert!(text.contains(code), "{code} not on the form");
    }
    // The results file verifies against its record, checkpoints and all.
    let out = dir.path().join("count.json");
    ok(&["verify", "--results", s(&out), "--record", s(&record)]);
}

#[test]
fn a_station_file_names_a_bad_interval() {
    let dir = tempfile::tempdir().unwrap();
    for (every, says) in [
        (0, "checkpoint_every: 0 is not allowed"),
        (100_001, "checkpoint_every: 100001 is more than 100000"),
    ] {
        let station = station_every(dir.path(), every);
        let record = dir.path().join(format!("r{every}.polltally"));
        let r = run(&["new", "--station", s(&station), "--record", s(&record)]);
        assert_eq!(r.code, 2);
        assert!(r.stderr.contains(says), "{}", r.stderr);
    }
}

/// Every noted checkpoint is said, passing or not; a ballot number written
/// where the entry goes is named as such; a results file is checked
/// against a notebook too; and a second checkpoint with nothing recorded
/// since is refused.
#[test]
fn every_noted_checkpoint_is_said_and_a_results_file_is_checked_too() {
    let dir = tempfile::tempdir().unwrap();
    let station = station_every(dir.path(), 5);
    let record = dir.path().join("count.polltally");
    ok(&["new", "--station", s(&station), "--record", s(&record)]);
    rule_lines(s(&record), (0..12).map(|i| 1 + i % 3));
    let all = noted(&record);
    let (_, first_code) = all[0].split_once(':').unwrap();
    let by_ballot = format!("5:{first_code}");
    let r = run(&[
        "verify",
        "--record",
        s(&record),
        "--checkpoint",
        &all[0],
        "--checkpoint",
        &by_ballot,
        "--checkpoint",
        &all[1],
        "--checkpoint",
        "99:0000-0000-0000",
    ]);
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stdout.matches("passes through checkpoint").count(),
        2,
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("chain intact"), "{}", r.stdout);
    assert!(
        r.stderr.contains(&format!(
            "checkpoint 5: {first_code} is the record's code at entry 6 (ballot 5)"
        )),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("checkpoint 99: the record has 13 entries"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("2 of the 4 checkpoints noted do not pass"),
        "{}",
        r.stderr
    );
    // Asked for twice with nothing recorded between: the second is refused.
    ok(&["checkpoint", "--record", s(&record)]);
    let r = run(&["checkpoint", "--record", s(&record)]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("is the record as it stands"),
        "{}",
        r.stderr
    );
    // The results file of a sealed count against a notebook.
    let sealed = dir.path().join("sealed.polltally");
    sealed_count(&station, &sealed, &["1", "2", "3", "1", "2", "3"]);
    let listed = noted(&sealed);
    let results = export(&sealed);
    let out = ok(&[
        "verify",
        "--results",
        s(&results),
        "--checkpoint",
        &listed[0],
    ])
    .stdout;
    assert!(out.contains("the results file lists checkpoint"), "{out}");
    // With the short code typed from the paper form, the file is the one
    // the commission signed.
    let short = out
        .split("short code ")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap()
        .to_string();
    let out = ok(&[
        "verify",
        "--results",
        s(&results),
        "--code",
        &short,
        "--checkpoint",
        &listed[0],
    ])
    .stdout;
    assert!(out.contains("the results file lists checkpoint"), "{out}");
    let r = run(&[
        "verify",
        "--results",
        s(&results),
        "--checkpoint",
        "6:0000-0000-0000",
    ]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains("the results file lists no checkpoint 6 0000-0000-0000"),
        "{}",
        r.stderr
    );
}

/// Two journals from the same opening entry (a clock that stands still):
/// with the same rulings every noted checkpoint passes; with a ruling
/// changed after the first checkpoint, the first still passes and the
/// second, after the change, fails.
#[test]
fn a_journal_rebuilt_from_the_same_opening_fails_only_after_its_change() {
    use polltally::domain::ruling::{RulingChoice, RulingRequest};
    use polltally::domain::station::StationFile;
    use polltally::domain::time::{FixedClock, Timestamp};
    use polltally::journal::event::Event;
    use polltally::shell::verify::{NotedCheckpoint, checkpoint_outcomes};
    use polltally::store::Record;
    let dir = tempfile::tempdir().unwrap();
    let station = StationFile::parse(std::fs::read(station_every(dir.path(), 5)).unwrap()).unwrap();
    let clock = FixedClock(Timestamp::from_unix_seconds(1_812_286_800));
    let make = |name: &str, parties: &[u32]| {
        let path = dir.path().join(name);
        let mut record = Record::create(&path, station.clone(), &clock).unwrap();
        for party in parties {
            let ruling = RulingRequest {
                choice: RulingChoice::Party {
                    party: *party,
                    criterion: None,
                },
                disputed_by: vec![],
                note: None,
            }
            .resolve(record.count().definition())
            .unwrap();
            record.append(Event::Ruling(ruling), &clock).unwrap();
        }
        record
    };
    let parties: Vec<u32> = (0..12).map(|i| 1 + i % 3).collect();
    let original = make("original.polltally", &parties);
    let noted: Vec<NotedCheckpoint> = original
        .count()
        .checkpoints()
        .iter()
        .map(|c| NotedCheckpoint {
            seq: c.seq,
            code: polltally::domain::short_code::checkpoint_code(&c.hash.unwrap()),
        })
        .collect();
    assert_eq!(noted.len(), 2, "at entries 6 and 11");
    let same = make("same.polltally", &parties);
    let outcomes = checkpoint_outcomes(&same, &noted).unwrap();
    assert!(outcomes.iter().all(Result::is_ok), "{outcomes:?}");
    // The 8th ruling (entry 9) changed: entry 6 as noted, entry 11 not.
    let mut changed = parties.clone();
    changed[7] = if changed[7] == 1 { 2 } else { 1 };
    let rebuilt = make("rebuilt.polltally", &changed);
    let outcomes = checkpoint_outcomes(&rebuilt, &noted).unwrap();
    assert!(outcomes[0].is_ok(), "{outcomes:?}");
    assert!(outcomes[1].is_err(), "{outcomes:?}");
}

/// A posted form of four parties with fourteen checkpoints keeps the
/// figures and the signatures on its first page; the people present, the
/// complaints and the checkpoints follow, on two pages in all.
#[test]
fn checkpoints_follow_the_signatures_of_a_four_party_form() {
    let dir = tempfile::tempdir().unwrap();
    let station = station_every(dir.path(), 5);
    let record = dir.path().join("count.polltally");
    let lines: Vec<String> = (0..70).map(|i| (1 + i % 4).to_string()).collect();
    let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
    sealed_count(&station, &record, &lines);
    assert_eq!(noted(&record).len(), 14);
    let pdf = dir.path().join("form.pdf");
    ok(&["pdf", "--record", s(&record), "--out", s(&pdf)]);
    let pages = pdf_page_texts(&std::fs::read(&pdf).unwrap());
    assert_eq!(pages.len(), 2, "{pages:#?}");
    assert!(pages[0].contains("Chan Sophea"), "{}", pages[0]);
    let all = pages.join("\n");
    let signatures = all.find("Signatures").expect(&all);
    let present = all.find("Present at the count").expect(&all);
    let checkpoints = all.find("Checkpoints shown during the").expect(&all);
    assert!(signatures < present && present < checkpoints);
}
