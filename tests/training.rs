//! A training round through the real binary: `train deck`, each member's
//! `train answers`, `train score`, and everything a count does refused on a
//! TRAINING record (and training answers refused on a count).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{ok, run, run_with_input, s, sample_station};
use polltally::domain::ruling::Verdict;
use polltally::store::Record;
use std::path::Path;

/// The line that rules `verdict` as `train answers` reads it.
fn line(verdict: &Verdict) -> String {
    match verdict {
        Verdict::Valid { party, criterion } => format!("{party} {criterion}"),
        Verdict::Invalid { criterion } => criterion.to_string(),
    }
}

/// The deck's expected rulings, one line a card.
fn expected_lines(record: &Path) -> Vec<String> {
    let r = Record::open_read(record).unwrap();
    let training = r.count().training().expect("a training record");
    training
        .deck
        .cards
        .iter()
        .map(|c| line(&c.expected))
        .collect()
}

fn deck(dir: &Path, name: &str, extra: &[&str]) -> std::path::PathBuf {
    let record = dir.join(name);
    let station = sample_station();
    let mut args = vec![
        "train",
        "deck",
        "--station",
        s(&station),
        "--record",
        s(&record),
    ];
    args.extend_from_slice(extra);
    let r = ok(&args);
    assert!(r.stdout.contains("TRAINING"), "{}", r.stdout);
    record
}

#[test]
fn three_members_rule_a_deck_and_the_differences_are_scored() {
    let dir = tempfile::tempdir().unwrap();
    let record = deck(
        dir.path(),
        "round.polltally",
        &["--cards", "20", "--seed", "42", "--trainer", "Chea Sophal"],
    );
    let right = expected_lines(&record);
    assert_eq!(right.len(), 20);
    // Dara rules every ballot of two parties valid for a party, and skips
    // the last card.
    let r = Record::open_read(&record).unwrap();
    let cards = r.count().training().unwrap().deck.cards.clone();
    drop(r);
    let mut dara = right.clone();
    let mut changed = vec![];
    for (i, card) in cards.iter().enumerate() {
        if card.expected.criterion().as_str() == "I3" {
            dara[i] = "1".to_string();
            changed.push(card.number);
        }
    }
    assert!(!changed.is_empty(), "seed 42 deals a two-party ballot");
    dara[19] = "-".into();
    for (member, lines) in [("Sok", &right), ("Dara", &dara), ("Vanna", &right)] {
        let r = run_with_input(
            &[
                "train",
                "answers",
                "--record",
                s(&record),
                "--member",
                member,
            ],
            &(lines.join("\n") + "\n"),
        );
        assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
        let acknowledged = r.stdout.lines().filter(|l| l.starts_with("ok ")).count();
        let skipped = lines.iter().filter(|l| *l == "-").count();
        assert_eq!(acknowledged, 20 - skipped, "{}", r.stdout);
    }
    let json: serde_json::Value =
        serde_json::from_str(&ok(&["train", "score", "--record", s(&record), "--json"]).stdout)
            .unwrap();
    assert_eq!(json["training"], true);
    assert_eq!(json["cards"], 20);
    assert_eq!(json["seed"], 42);
    assert_eq!(json["trainer"], "Chea Sophal");
    let members = json["members"].as_array().unwrap();
    let names: Vec<&str> = members
        .iter()
        .map(|m| m["member"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Sok", "Dara", "Vanna"]);
    assert_eq!(members[0]["correct"], 20);
    assert_eq!(members[1]["ruled"], 19);
    let last_changed = usize::from(changed.contains(&20));
    assert_eq!(
        members[1]["correct"].as_u64().unwrap() as usize,
        20 - changed.len() - 1 + last_changed
    );
    let agreement = &json["agreement"];
    assert_eq!(agreement["raters"], 3);
    assert_eq!(agreement["ballots"], 19);
    assert!(agreement["kappa"].as_f64().unwrap() < 1.0);
    let mut disagreed: Vec<u64> = json["disagreements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["card"].as_u64().unwrap())
        .collect();
    disagreed.sort_unstable();
    // Card 20, which Dara left unruled, is no disagreement by itself.
    let mut expected: Vec<u64> = changed.iter().map(|c| u64::from(*c)).collect();
    expected.sort_unstable();
    assert_eq!(disagreed, expected);
    // The summary says the same in words, and TRAINING.
    let text = ok(&["train", "score", "--record", s(&record)]).stdout;
    assert!(text.starts_with("TRAINING"), "{text}");
    assert!(text.contains("Sok: 20 of 20 correct"), "{text}");
    assert!(
        text.contains("raters") || text.contains("3 members"),
        "{text}"
    );
    // The trainer's report, never over a file already there.
    let report = record.with_extension("pdf");
    ok(&[
        "train",
        "report",
        "--record",
        s(&record),
        "--out",
        s(&report),
    ]);
    let pages = common::pdf_page_texts(&std::fs::read(&report).unwrap());
    assert!(pages.iter().all(|p| p.contains("TRAINING - NOT A COUNT")));
    assert!(pages[0].contains("Chea Sophal") && pages[0].contains("Dara"));
    let again = run(&[
        "train",
        "report",
        "--record",
        s(&record),
        "--out",
        s(&report),
    ]);
    assert_eq!(again.code, 2);
    assert!(again.stderr.contains("already exists"), "{}", again.stderr);
    let r = run(&[
        "train",
        "report",
        "--record",
        s(&record),
        "--out",
        s(&record),
        "--force",
    ]);
    assert_eq!(r.code, 2, "a record is never replaced");
    assert!(Record::open_read(&record).is_ok());
    // `show` on a training round shows its scores; `verify` says TRAINING.
    assert!(
        ok(&["show", "--record", s(&record)])
            .stdout
            .starts_with("TRAINING")
    );
    let verified = ok(&["verify", "--record", s(&record)]).stdout;
    assert!(verified.contains("TRAINING"), "{verified}");
}

#[test]
fn a_later_answer_replaces_the_earlier_and_from_starts_later() {
    let dir = tempfile::tempdir().unwrap();
    let record = deck(
        dir.path(),
        "round.polltally",
        &["--cards", "5", "--seed", "3"],
    );
    let right = expected_lines(&record);
    let r = run_with_input(
        &[
            "train",
            "answers",
            "--record",
            s(&record),
            "--member",
            "Sok",
        ],
        "I2\nI2\n",
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = run_with_input(
        &[
            "train",
            "answers",
            "--record",
            s(&record),
            "--member",
            " Sok ",
            "--from",
            "1",
        ],
        &(right.join("\n") + "\n"),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("Sok has already ruled 2 of 5 cards"),
        "{}",
        r.stderr
    );
    let json: serde_json::Value =
        serde_json::from_str(&ok(&["train", "score", "--record", s(&record), "--json"]).stdout)
            .unwrap();
    assert_eq!(json["members"].as_array().unwrap().len(), 1);
    assert_eq!(json["members"][0]["correct"], 5);
    // One line too many: the card after the last is refused, naming it,
    // and the lines before it stay recorded.
    let r = run_with_input(
        &[
            "train",
            "answers",
            "--record",
            s(&record),
            "--member",
            "Vanna",
            "--from",
            "5",
        ],
        &format!("{}\nI2\n", right[4]),
    );
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("no card 6"), "{}", r.stderr);
    assert!(r.stderr.contains("line 2"), "{}", r.stderr);
    let json: serde_json::Value =
        serde_json::from_str(&ok(&["train", "score", "--record", s(&record), "--json"]).stdout)
            .unwrap();
    assert_eq!(json["members"][1]["ruled"], 1);
}

#[test]
fn the_same_seed_cards_and_mix_make_the_same_deck() {
    let dir = tempfile::tempdir().unwrap();
    let args = [
        "--cards",
        "30",
        "--seed",
        "77",
        "--mix",
        "tick=1,two-parties=2,faint=1",
    ];
    let a = deck(dir.path(), "a.polltally", &args);
    let b = deck(dir.path(), "b.polltally", &args);
    let c = deck(
        dir.path(),
        "c.polltally",
        &[
            "--cards",
            "30",
            "--seed",
            "78",
            "--mix",
            "tick=1,two-parties=2,faint=1",
        ],
    );
    let cards = |p: &Path| {
        Record::open_read(p)
            .unwrap()
            .count()
            .training()
            .unwrap()
            .deck
            .clone()
    };
    assert_eq!(cards(&a), cards(&b));
    assert_ne!(cards(&a), cards(&c));
    assert!(
        cards(&a)
            .cards
            .iter()
            .all(|card| matches!(card.expected.criterion().as_str(), "V1" | "I3" | "V4"))
    );
}

#[test]
fn a_training_record_is_never_a_count() {
    let dir = tempfile::tempdir().unwrap();
    let record = deck(
        dir.path(),
        "round.polltally",
        &["--cards", "4", "--seed", "1"],
    );
    let refused = [
        vec!["rule", "--record", s(&record), "--party", "3"],
        vec!["figures", "--record", s(&record), "--in-box", "4"],
        vec![
            "present",
            "--record",
            s(&record),
            "--name",
            "Sok",
            "--role",
            "chief",
        ],
        vec!["seal", "--record", s(&record), "--signed", "Sok:chief"],
    ];
    for args in &refused {
        let r = run(args);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stdout);
        assert!(
            r.stderr.contains("TRAINING round, not a count"),
            "{args:?}: {}",
            r.stderr
        );
    }
    let out = dir.path().join("results.json");
    for args in [
        vec!["export", "--record", s(&record), "--out", s(&out)],
        vec!["pdf", "--record", s(&record), "--out", s(&out)],
    ] {
        let r = run(&args);
        assert_eq!(r.code, 2, "{args:?}");
        assert!(r.stderr.contains("TRAINING"), "{args:?}: {}", r.stderr);
        assert!(!out.exists());
    }
    let tab = dir.path().join("commune.json");
    let r = run(&["tabulate", "--out", s(&tab), s(&record)]);
    assert_ne!(r.code, 0);
    assert!(r.stderr.contains("TRAINING"), "{}", r.stderr);
    // And a count takes no training answers.
    let (_d, count) = common::new_record(&sample_station());
    let r = run_with_input(
        &["train", "answers", "--record", s(&count), "--member", "Sok"],
        "3\n",
    );
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("is a count, not a TRAINING round"),
        "{}",
        r.stderr
    );
    let r = run(&["train", "score", "--record", s(&count)]);
    assert_eq!(r.code, 2);
}

#[test]
fn a_deck_that_cannot_be_made_names_the_argument_and_makes_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("round.polltally");
    let station = sample_station();
    for (extra, says) in [
        (vec!["--cards", "0"], "cards: 0 cards"),
        (vec!["--cards", "501"], "cards: 501 cards"),
        (
            vec!["--mix", "smudge=1"],
            "mix: \"smudge=1\" is not KIND=WEIGHT",
        ),
        (vec!["--mix", "tick=0"], "mix: every kind has a weight of 0"),
        (vec!["--mix", "tick=2,tick=3"], "mix: tick is given twice"),
        (
            vec!["--seed", "9007199254740992"],
            "seed: 9007199254740992 is too large",
        ),
        (vec!["--trainer", "  "], "trainer: must not be empty"),
    ] {
        let mut args = vec![
            "train",
            "deck",
            "--station",
            s(&station),
            "--record",
            s(&record),
        ];
        args.extend(extra.iter());
        let r = run(&args);
        assert_eq!(r.code, 2, "{extra:?}: {}", r.stdout);
        assert!(r.stderr.contains(says), "{extra:?}: {}", r.stderr);
        assert!(!record.exists(), "{extra:?} left a file");
    }
    // A member's answer with a dispute is refused: training has none.
    let record = deck(dir.path(), "ok.polltally", &["--cards", "3", "--seed", "5"]);
    let r = run_with_input(
        &[
            "train",
            "answers",
            "--record",
            s(&record),
            "--member",
            "Sok",
        ],
        "3 dispute=5\n",
    );
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("no dispute"), "{}", r.stderr);
}

/// A member goes on from their first card not ruled unless told where; a
/// member who ruled one card is left out of the agreement, which stays over
/// every card among the members who finished.
#[test]
fn a_member_goes_on_where_they_stopped_and_a_late_member_is_left_out() {
    let dir = tempfile::tempdir().unwrap();
    let record = deck(
        dir.path(),
        "round.polltally",
        &["--cards", "6", "--seed", "8"],
    );
    let right = expected_lines(&record);
    let answer = |member: &str, extra: &[&str], lines: &[String]| {
        let mut args = vec![
            "train",
            "answers",
            "--record",
            s(&record),
            "--member",
            member,
        ];
        args.extend_from_slice(extra);
        run_with_input(&args, &(lines.join("\n") + "\n"))
    };
    let r = answer("Sok", &[], &right[..2]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // Going on: from card 3, without a note (nothing is replaced).
    let r = answer("sok", &[], &right[2..]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!r.stderr.contains("already ruled"), "{}", r.stderr);
    // Every card ruled: going on again needs --from.
    let r = answer("Sok", &[], &right[..1]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("member: Sok has ruled all 6 cards; give --from N"),
        "{}",
        r.stderr
    );
    let r = answer("Sok", &["--from", "0"], &right[..1]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert_eq!(answer("Dara", &[], &right).code, 0);
    assert_eq!(answer("Pich", &[], &right[..1]).code, 0);
    let json: serde_json::Value =
        serde_json::from_str(&ok(&["train", "score", "--record", s(&record), "--json"]).stdout)
            .unwrap();
    assert_eq!(json["members"][0]["correct"], 6);
    assert_eq!(json["agreement"]["raters"], 2);
    assert_eq!(json["agreement"]["ballots"], 6);
    assert_eq!(json["left_out"][0]["member"], "Pich");
    assert_eq!(json["left_out"][0]["ruled"], 1);
    let text = ok(&["train", "score", "--record", s(&record)]).stdout;
    assert!(
        text.contains("The agreement leaves out Pich (1 of 6)"),
        "{text}"
    );
}
