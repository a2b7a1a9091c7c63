//! Recounts through the real binary: a review rules again only the invalid
//! and disputed ballots (by their original seq) and changes the tallies
//! exactly as the reviewed rulings say; a full recount rules everything
//! again; the comparison names every difference; recounts chain; a recount
//! of an unsealed count or against another original is refused.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use std::path::{Path, PathBuf};

/// The original: party 1 x10 (seqs 3-12), party 2 x5 (13-17), I4 x4
/// (18-21), I2 x1 (22), and one ballot for party 3 disputed by party 1
/// (23). Seq 1 opens, seq 2 records the figures.
fn original(dir: &Path) -> PathBuf {
    let station = commune_station(dir, "0101-01-0001", None);
    let record = dir.join("first.polltally");
    let mut lines = times("1", 10);
    lines.extend(times("2", 5));
    lines.extend(times("I4", 4));
    lines.push("I2");
    lines.push("3 dispute=1");
    sealed_count(&station, &record, &lines);
    record
}

fn json(path: &Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

#[test]
fn a_review_that_turns_invalid_ballots_valid_changes_the_tallies_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let first = original(dir.path());
    let review = dir.path().join("review.polltally");
    let made = review_of(&first, &review, "complaint 12 of party 2");
    // The ballots under review are the invalid and the disputed ones.
    assert!(
        made.stdout
            .contains("ballots under review (original seq): 18 19 20 21 22 23"),
        "{}",
        made.stdout
    );
    let rec = s(&review);
    let shown = show_json(&review);
    assert_eq!(
        shown["recount"]["under_review"],
        serde_json::json!([18, 19, 20, 21, 22, 23])
    );
    assert_eq!(shown["recount"]["carried_over"], 15);
    assert_eq!(shown["ruled"], 15);
    // A plain ruling, or one of a ballot not under review, is refused.
    let r = run(&["rule", "--record", rec, "--party", "1"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("give the original seq"), "{}", r.stderr);
    let r = run(&["rule", "--record", rec, "--review-of", "3", "--party", "1"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("3 is not a ballot under review"),
        "{}",
        r.stderr
    );
    // Three of the four I4 become valid for party 2; the rest confirmed.
    for seq in ["18", "19", "20"] {
        ok(&[
            "rule",
            "--record",
            rec,
            "--review-of",
            seq,
            "--party",
            "2",
            "--criterion",
            "V3",
        ]);
    }
    ok(&[
        "rule",
        "--record",
        rec,
        "--review-of",
        "21",
        "--invalid",
        "I4",
    ]);
    let r = run(&["rule", "--record", rec, "--review-of", "18", "--party", "2"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("already ruled again"), "{}", r.stderr);
    // Not sealable before every ballot under review is ruled again.
    let r = run(&["seal", "--record", rec, "--signed", "Chan Sophea:chief"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("4 of the 6 ballots under review are ruled again"),
        "{}",
        r.stderr
    );
    ok(&[
        "rule",
        "--record",
        rec,
        "--review-of",
        "22",
        "--invalid",
        "I2",
    ]);
    ok(&["rule", "--record", rec, "--review-of", "23", "--party", "3"]);
    seal_by_chief(rec);

    let results = json(&export(&review));
    assert_eq!(results["votes"]["1"], 10);
    assert_eq!(results["votes"]["2"], 8);
    assert_eq!(results["votes"]["3"], 1);
    assert_eq!(results["invalid"]["I4"], 1);
    assert_eq!(results["invalid"]["I2"], 1);
    assert_eq!(results["figures"]["valid"], 19);
    let original_hash = json(&export(&first));
    let first_hash =
        polltally::domain::hash::Hash256::of(&std::fs::read(first.with_extension("json")).unwrap());
    assert_eq!(original_hash["votes"]["2"], 5);
    assert_eq!(
        results["recount"]["original_results_hash"],
        first_hash.to_hex()
    );
    assert_eq!(results["recount"]["mode"], "review");
    assert_eq!(
        results["recount"]["authority"],
        "Provincial Election Commission"
    );
    ok(&["verify", "--results", s(&review.with_extension("json"))]);

    // The comparison: per party, per criterion, totals, changed rulings.
    let out = dir.path().join("comparison.json");
    let pdf = dir.path().join("comparison.pdf");
    let r = ok(&[
        "compare",
        "--original",
        s(&first),
        "--recount",
        rec,
        "--out",
        s(&out),
        "--pdf",
        s(&pdf),
    ]);
    assert!(
        r.stdout.contains("ballot 16: invalid I4 -> party 2 (V3)"),
        "{}",
        r.stdout
    );
    let c = json(&out);
    let party = |n: u64| {
        c["parties"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["number"] == n)
            .unwrap()
            .clone()
    };
    assert_eq!(party(2)["original"], 5);
    assert_eq!(party(2)["recount"], 8);
    assert_eq!(party(2)["difference"], 3);
    assert_eq!(party(1)["difference"], 0);
    assert_eq!(c["totals"]["valid"]["difference"], 3);
    assert_eq!(c["totals"]["invalid"]["difference"], -3);
    let changed: Vec<u64> = c["changed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["original_seq"].as_u64().unwrap())
        .collect();
    assert_eq!(changed, vec![18, 19, 20]);
    // Beside each seq, the number written on the ballot's back.
    let ballots: Vec<u64> = c["changed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["ballot"].as_u64().unwrap())
        .collect();
    assert_eq!(ballots, vec![16, 17, 18]);
    assert_eq!(c["changed"][0]["original"]["criterion"], "I4");
    assert_eq!(c["changed"][0]["recount"]["party"], 2);
    assert_eq!(c["reviewed"], 6);
    let i4 = c["criteria"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["code"] == "I4")
        .unwrap()
        .clone();
    assert_eq!(
        (i4["original"].clone(), i4["recount"].clone()),
        (4.into(), 1.into())
    );

    // The PDF says so in both languages.
    let text = pdf_page_texts(&std::fs::read(&pdf).unwrap()).join("\n");
    assert!(
        text.contains("ការប្រៀបធៀបការរាប់ឡើងវិញជាមួយការរាប់ដើម"),
        "{text}"
    );
    assert!(
        text.contains("ballot 16: invalid I4 -> party 2 (V3)"),
        "{text}"
    );
    // The recount's own form is marked RECOUNT with the original's hash.
    let form = dir.path().join("form.pdf");
    ok(&["pdf", "--record", rec, "--out", s(&form)]);
    let text = pdf_page_texts(&std::fs::read(&form).unwrap()).join("\n");
    assert!(text.contains("ការរាប់ឡើងវិញ / RECOUNT"), "{text}");
    assert!(text.contains("Provincial Election Commission"), "{text}");
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let grouped = polltally::domain::hash::grouped(&first_hash.to_hex());
    assert!(flat.contains(&grouped), "{text}");
}

#[test]
fn a_full_recount_lists_every_partys_difference_and_recounts_chain() {
    let dir = tempfile::tempdir().unwrap();
    let first = original(dir.path());
    let full = dir.path().join("full.polltally");
    assert_eq!(recount(&first, &full, "PEC", "full").code, 0);
    // Every ballot again: 9 for party 1, 8 for party 2, 2 for party 3, 2 I4.
    let mut lines = times("1", 9);
    lines.extend(times("2", 8));
    lines.extend(times("3", 2));
    lines.extend(times("I4", 2));
    rule_lines(s(&full), &lines);
    seal_by_chief(s(&full));
    let out = dir.path().join("c.json");
    ok(&[
        "compare",
        "--original",
        s(&first),
        "--recount",
        s(&full),
        "--out",
        s(&out),
    ]);
    let c = json(&out);
    let diffs: Vec<(u64, i64)> = c["parties"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["number"].as_u64().unwrap(),
                p["difference"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(diffs, vec![(1, -1), (2, 3), (3, 1), (4, 0)]);
    assert!(c["changed"].as_array().unwrap().is_empty());

    // A national recount of the provincial one (whose seq 1 opened it with
    // the original figures, so its I4 ballots are 21 and 22): the line has
    // three counts.
    let national = dir.path().join("national.polltally");
    assert_eq!(recount(&full, &national, "NEC", "review").code, 0);
    ok(&[
        "rule",
        "--record",
        s(&national),
        "--review-of",
        "21",
        "--party",
        "4",
    ]);
    ok(&[
        "rule",
        "--record",
        s(&national),
        "--review-of",
        "22",
        "--invalid",
        "I4",
    ]);
    seal_by_chief(s(&national));
    let out = dir.path().join("n.json");
    ok(&[
        "compare",
        "--original",
        s(&full),
        "--recount",
        s(&national),
        "--out",
        s(&out),
    ]);
    let c = json(&out);
    let line: Vec<u64> = c["line"]
        .as_array()
        .unwrap()
        .iter()
        .map(|step| step["valid"].as_u64().unwrap())
        .collect();
    assert_eq!(line, vec![16, 19, 20]);
    assert!(c["line"][0]["recount"].is_null());
    assert_eq!(c["line"][1]["recount"]["authority"], "PEC");
    assert_eq!(c["line"][2]["recount"]["authority"], "NEC");
    // Compared against the first count instead, it is not its original.
    let r = run(&[
        "compare",
        "--original",
        s(&first),
        "--recount",
        s(&national),
    ]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("not of this original"), "{}", r.stderr);
}

#[test]
fn a_recount_of_an_unsealed_count_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let station = commune_station(dir.path(), "0101-01-0001", None);
    let record = dir.path().join("open.polltally");
    ok(&["new", "--station", s(&station), "--record", s(&record)]);
    let out = dir.path().join("recount.polltally");
    let r = recount(&record, &out, "PEC", "review");
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("only a sealed count can be recounted"),
        "{}",
        r.stderr
    );
    assert!(!out.exists());
    // A blank authority and an unknown mode are refused the same way.
    let first = original(dir.path());
    for (flag, value, message) in [
        ("--authority", " ", "authority: must not be empty"),
        (
            "--mode",
            "partial",
            "mode: \"partial\" is not a recount mode",
        ),
    ] {
        let mut args: Vec<&str> = vec![
            "recount",
            "--record",
            s(&first),
            "--authority",
            "PEC",
            "--reason",
            "complaint",
            "--mode",
            "review",
            "--out",
            s(&out),
        ];
        let at = args.iter().position(|a| *a == flag).unwrap();
        args[at + 1] = value;
        let r = run(&args);
        assert_eq!(r.code, 2, "{}", r.stderr);
        assert!(r.stderr.contains(message), "{}", r.stderr);
        assert!(!out.exists());
    }
}

#[test]
fn a_changed_original_inside_a_recount_is_caught() {
    let dir = tempfile::tempdir().unwrap();
    let first = original(dir.path());
    let review = dir.path().join("review.polltally");
    assert_eq!(recount(&first, &review, "PEC", "review").code, 0);
    ok(&["verify", "--record", s(&review)]);
    let conn = rusqlite::Connection::open(&review).unwrap();
    conn.execute_batch("DROP TRIGGER ancestry_no_update")
        .unwrap();
    conn.execute(
        "UPDATE ancestry SET canonical = CAST(replace(CAST(canonical AS TEXT), '\"party\":1', '\"party\":2') AS BLOB) WHERE seq = 5",
        [],
    )
    .unwrap();
    drop(conn);
    let r = run(&["verify", "--record", s(&review)]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("the count before this one (generation 1): entry 5: hash does not match"),
        "{}",
        r.stderr
    );
}
