//! The real binary, driven as a user or a script would drive it.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use serde_json::json;
use std::collections::BTreeMap;

/// A deterministic stream of rulings for the small fixture station
/// (parties 1-4), with the tallies they must produce.
struct Stream {
    lines: Vec<String>,
    seqs: Vec<u64>,
}

fn lcg(state: &mut u64) -> u64 {
    *state = state
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    *state >> 33
}

#[test]
fn a_few_hundred_rulings_voids_figures_and_piles_add_up() {
    let (_dir, record) = new_record(&fixture("station-small.json"));
    let rec = s(&record);

    // 300 rulings through --stdin; seq 1 is the opening entry.
    let mut state = 7u64;
    let mut stream = Stream {
        lines: vec![],
        seqs: vec![],
    };
    let mut expected: BTreeMap<u64, (String, bool)> = BTreeMap::new(); // seq -> (key, disputed)
    for i in 0..300u64 {
        let roll = lcg(&mut state) % 100;
        let (line, key) = match roll {
            0..=69 => {
                let p = 1 + lcg(&mut state) % 4;
                (p.to_string(), format!("p{p}"))
            }
            70..=79 => {
                let p = 1 + lcg(&mut state) % 4;
                (format!("{p} V{}", 2 + lcg(&mut state) % 3), format!("p{p}"))
            }
            _ => {
                let c = 1 + lcg(&mut state) % 6;
                (format!("I{c}"), format!("I{c}"))
            }
        };
        let disputed = i % 37 == 5;
        let line = if disputed {
            format!("{line} dispute=2,4")
        } else {
            line
        };
        stream.lines.push(line);
        stream.seqs.push(i + 2);
        expected.insert(i + 2, (key, disputed));
    }
    // A blank line in the middle is skipped.
    stream.lines.insert(150, String::new());
    let input = stream.lines.join("\n") + "\n";
    let r = run_with_input(&["rule", "--record", rec, "--stdin"], &input);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let acks: Vec<String> = r.stdout.lines().map(str::to_string).collect();
    let wanted: Vec<String> = stream.seqs.iter().map(|s| format!("ok {s}")).collect();
    assert_eq!(acks, wanted);

    // Void every 10th ruling.
    for seq in (2..302).step_by(10) {
        ok(&[
            "void",
            "--record",
            rec,
            "--seq",
            &seq.to_string(),
            "--reason",
            "ruled on the wrong pile",
        ]);
        expected.remove(&seq);
    }
    ok(&[
        "figures",
        "--record",
        rec,
        "--received",
        "500",
        "--unused",
        "190",
        "--spoiled",
        "10",
    ]);
    ok(&[
        "figures",
        "--record",
        rec,
        "--voters-marked",
        "292",
        "--supplementary",
        "8",
        "--temporary-id",
        "3",
    ]);
    ok(&["figures", "--record", rec, "--in-box", "270"]);
    // Recorded again: the latest value counts.
    ok(&["figures", "--record", rec, "--in-box", "300"]);

    let mut votes: BTreeMap<String, u64> = (1..=4).map(|p| (p.to_string(), 0)).collect();
    let mut invalid: BTreeMap<String, u64> = (1..=6).map(|c| (format!("I{c}"), 0)).collect();
    let mut disputed = 0;
    for (key, was_disputed) in expected.values() {
        match key.strip_prefix('p') {
            Some(p) => *votes.get_mut(p).unwrap() += 1,
            None => *invalid.get_mut(key).unwrap() += 1,
        }
        disputed += u64::from(*was_disputed);
    }
    let valid: u64 = votes.values().sum();
    let invalid_total: u64 = invalid.values().sum();
    for (party, n) in &votes {
        ok(&[
            "pile",
            "--record",
            rec,
            "--party",
            party,
            "--count",
            &n.to_string(),
        ]);
    }
    // One pile miscounted, then explained.
    ok(&[
        "pile",
        "--record",
        rec,
        "--party",
        "3",
        "--count",
        &(votes["3"] + 1).to_string(),
    ]);
    ok(&[
        "explain",
        "--record",
        rec,
        "--check",
        "cross_check:3",
        "--text",
        "a ballot from pile 2 was on pile 3",
    ]);

    let v = show_json(&record);
    assert_eq!(v["station"], "0101-01-0001");
    assert_eq!(v["ruled"], json!(270));
    assert_eq!(v["votes"], json!(votes));
    assert_eq!(v["invalid"], json!(invalid));
    assert_eq!(v["disputed"], json!(disputed));
    assert_eq!(
        v["figures"],
        json!({
            "received": 500, "unused": 190, "spoiled": 10, "issued": 300,
            "voters_marked": 292, "supplementary": 8, "temporary_id": 3, "in_box": 300,
            "valid": valid, "invalid": invalid_total
        })
    );
    // 1 opening + 300 rulings + 30 voids + 4 figures + 5 piles + 1 explanation.
    assert_eq!(v["entries"], json!(341));
    let checks: BTreeMap<String, serde_json::Value> = v["checks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["name"].as_str().unwrap().to_string(), c.clone()))
        .collect();
    let status = |name: &str| {
        (
            checks[name]["status"].as_str().unwrap().to_string(),
            checks[name]["difference"].clone(),
        )
    };
    assert_eq!(status("stock"), ("holds".into(), json!(0)));
    assert_eq!(status("issued_vs_voted"), ("holds".into(), json!(0)));
    assert_eq!(status("box_vs_issued"), ("holds".into(), json!(0)));
    assert_eq!(status("box_vs_rulings"), ("pending".into(), json!(null)));
    assert_eq!(status("ceiling"), ("holds".into(), json!(0)));
    assert_eq!(status("cross_check:1"), ("holds".into(), json!(0)));
    assert_eq!(status("cross_check:3"), ("differs".into(), json!(1)));
    assert_eq!(
        checks["cross_check:3"]["explanation"],
        "a ballot from pile 2 was on pile 3"
    );

    let head = v["head_hash"].as_str().unwrap().to_string();
    let r = ok(&["verify", "--record", rec, "--head", &head]);
    assert!(r.stdout.contains("341 entries"), "{}", r.stdout);
}

#[test]
fn single_rulings_take_criteria_disputes_and_notes() {
    let (_dir, record) = new_record(&sample_station());
    let rec = s(&record);
    assert_eq!(
        ok(&["rule", "--record", rec, "--party", "12"]).stdout,
        "ok 2\n"
    );
    ok(&[
        "rule",
        "--record",
        rec,
        "--party",
        "3",
        "--criterion",
        "v3",
        "--disputed-by",
        "5",
        "--disputed-by",
        "7",
    ]);
    ok(&[
        "rule",
        "--record",
        rec,
        "--invalid",
        "I5",
        "--note",
        "signature on the back",
    ]);
    let v = show_json(&record);
    assert_eq!(v["votes"]["12"], 1);
    assert_eq!(v["votes"]["3"], 1);
    assert_eq!(v["valid_by_criterion"]["V3"], 1);
    assert_eq!(v["invalid"]["I5"], 1);
    assert_eq!(v["disputed"], 1);
    // The journal holds who disputed and the note, as given.
    let journal = polltally::store::Record::open(&record)
        .unwrap()
        .journal()
        .unwrap();
    let event = |seq: usize| serde_json::to_value(&journal[seq - 1].1.event).unwrap();
    assert_eq!(event(3)["type"], "ruling");
    assert_eq!(event(3)["disputed_by"], json!([5, 7]));
    assert_eq!(event(4)["note"], "signature on the back");
    assert_eq!(v["votes"].as_object().unwrap().len(), 12);
    assert_eq!(v["practice"], true);
    let summary = ok(&["show", "--record", rec]).stdout;
    assert!(
        summary.starts_with("PRACTICE - NOT AN OFFICIAL RESULT"),
        "{summary}"
    );
    assert!(summary.contains("Clean Water Party"), "{summary}");
}

#[test]
fn a_bad_stdin_line_stops_the_run_and_keeps_the_lines_before_it() {
    let (_dir, record) = new_record(&fixture("station-small.json"));
    let r = run_with_input(
        &["rule", "--record", s(&record), "--stdin"],
        "1\n2 V2\nI3\n5\n4\n",
    );
    assert_eq!(r.code, 2);
    assert_eq!(r.stdout, "ok 2\nok 3\nok 4\n");
    assert!(
        r.stderr
            .contains("line 4: \"5\": party: 5 is not on this station's ballot"),
        "{}",
        r.stderr
    );
    let v = show_json(&record);
    assert_eq!(v["ruled"], 3);
    assert_eq!(v["entries"], 4);
}

#[test]
fn figures_that_are_truly_zero_take_one_flag() {
    let (_dir, record) = new_record(&fixture("station-small.json"));
    ok(&[
        "figures",
        "--record",
        s(&record),
        "--spoiled",
        "0",
        "--supplementary",
        "0",
    ]);
    let v = show_json(&record);
    assert_eq!(v["figures"]["spoiled"], 0);
    assert_eq!(v["figures"]["supplementary"], 0);
    assert_eq!(v["figures"]["received"], json!(null));
}

#[test]
fn help_lists_the_subcommands_and_the_window() {
    let r = run(&["--help"]);
    assert_eq!(r.code, 0);
    // Each subcommand by name in the Commands list (a word in another
    // command's description does not count).
    let names: Vec<&str> = r
        .stdout
        .lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    for name in [
        "new", "figures", "rule", "void", "pile", "explain", "show", "verify", "open",
    ] {
        assert!(names.contains(&name), "{name} not listed: {}", r.stdout);
    }
    assert!(r.stdout.contains("counting window"), "{}", r.stdout);
    let r = run(&["open", "--screen", "tallies"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("screen: \"tallies\" is not a screen"),
        "{}",
        r.stderr
    );
}

#[test]
fn show_refuses_a_missing_record() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.polltally");
    let r = run(&["show", "--record", s(&missing)]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("no such file"), "{}", r.stderr);
    assert!(!missing.exists());
}

#[test]
fn the_summary_speaks_khmer_when_asked() {
    let (_dir, record) = new_record(&sample_station());
    let rec = s(&record);
    ok(&["rule", "--record", rec, "--party", "3"]);
    let km = ok(&[
        "show",
        "--record",
        rec,
        "--lang",
        "km",
        "--numerals",
        "khmer",
    ])
    .stdout;
    assert!(km.starts_with("អនុវត្តសាកល្បង - មិនមែនលទ្ធផលផ្លូវការ"), "{km}");
    assert!(km.contains("សំឡេងឆ្នោតតាមគណបក្ស"), "{km}");
    assert!(km.contains("គណបក្សទឹកស្អាត"), "{km}");
    assert!(
        km.contains("៦១២"),
        "registered voters in Khmer numerals: {km}"
    );
    let en = ok(&["show", "--record", rec]).stdout;
    assert!(en.contains("Votes per party") && en.contains("612"), "{en}");
    let r = run(&["show", "--record", rec, "--lang", "fr"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("lang: \"fr\" is not en or km"),
        "{}",
        r.stderr
    );
}

#[test]
fn messages_and_errors_speak_khmer_when_asked() {
    let (_dir, record) = new_record(&sample_station());
    let rec = s(&record);
    // An error made by the core, in Khmer; the field name stays as typed.
    let r = run(&[
        "--lang", "km", "void", "--record", rec, "--seq", "99", "--reason", "typo",
    ]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.starts_with("កំហុស៖ seq: 99 មិនមានទេ"), "{}", r.stderr);
    // The same error in English, unchanged for scripts.
    let r = run(&["void", "--record", rec, "--seq", "99", "--reason", "typo"]);
    assert!(
        r.stderr
            .starts_with("error: seq: 99 does not exist (the journal ends at seq"),
        "{}",
        r.stderr
    );
    // The help, in Khmer.
    let help = ok(&["--lang", "km", "--help"]).stdout;
    assert!(help.contains("ពាក្យបញ្ជា"), "{help}");
    assert!(help.contains("សម្រេចសន្លឹកឆ្នោតថាបានការ"), "{help}");
    // A one-line outcome, in Khmer.
    let out = ok(&["verify", "--record", rec, "--lang", "km"]).stdout;
    assert!(out.starts_with("ត្រឹមត្រូវ៖ ខ្សែសង្វាក់នៅដដែល"), "{out}");
    // A station-file problem in Khmer names the field and the value.
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "[]").unwrap();
    let r = run(&[
        "new",
        "--lang",
        "km",
        "--station",
        s(&bad),
        "--record",
        s(&dir.path().join("x.polltally")),
    ]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("station file: មិនមែនជាវត្ថុ JSON ទេ"),
        "{}",
        r.stderr
    );
}
