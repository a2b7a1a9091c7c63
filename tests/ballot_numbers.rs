//! One ballot number from the counting screen to the review: a count of 30
//! ballots, with a ruling voided and ruled again and disputes, is sealed;
//! every ballot set aside is asked for in a review by the number the
//! counting screen showed right after its ruling, and each is accepted and
//! is the ballot that was ruled under that number. Once through the window
//! (egui_kittest), once through the command line.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::ui::{digit, open_count, press, start_review, type_into};
use common::*;
use eframe::egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use polltally::app::PolltallyApp;
use polltally::app::counting::CountingView;
use polltally::domain::ruling::Verdict;
use polltally::domain::seq::Seq;
use polltally::i18n::Tr;
use polltally::journal::event::Event;
use polltally::store::Record;
use std::collections::BTreeMap;
use std::path::Path;

/// A new record of the small station (parties 1-4) with figures for 30
/// ballots in the box.
fn thirty_ballot_count(dir: &Path) -> std::path::PathBuf {
    let station = commune_station(dir, "0101-01-0001", None);
    let record = dir.join("count.polltally");
    ok(&["new", "--station", s(&station), "--record", s(&record)]);
    record_figures(s(&record), [500, 470, 0, 30, 0, 0, 30]);
    record
}

/// The verdict of the original's ruling at `seq`, and whether it is disputed
/// and live.
fn original_ruling(record: &Path, seq: Seq) -> (Verdict, bool, bool) {
    let record = Record::open(record).unwrap();
    let r = &record.count().rulings()[&seq];
    (r.ruling.verdict.clone(), r.is_disputed(), r.is_live())
}

/// The original seqs the review record ruled again, in order.
fn reviewed_seqs(review: &Path) -> Vec<Seq> {
    Record::open(review)
        .unwrap()
        .journal()
        .unwrap()
        .into_iter()
        .filter_map(|(_, body)| match body.event {
            Event::Review { original_seq, .. } => Some(original_seq),
            _ => None,
        })
        .collect()
}

/// The number the screen says to write on the back, if it says so.
fn written_on_back(h: &Harness<'_, PolltallyApp>) -> Option<u64> {
    let node = h.query_by_label_contains("on the back of this ballot")?;
    let label = node
        .accesskit_node()
        .label()
        .or(node.accesskit_node().value())?
        .to_string();
    label.split_whitespace().nth(1)?.parse().ok()
}

/// What a set-aside ballot was: its verdict in words of the rule line and
/// the parties disputing it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct SetAside {
    invalid: Option<&'static str>,
    party: Option<u32>,
    disputed_by: Vec<u32>,
}

fn check_is_the_ballot(expected: &SetAside, verdict: &Verdict, disputed: bool) {
    match (expected.invalid, verdict) {
        (Some(code), Verdict::Invalid { criterion }) => assert_eq!(criterion.as_str(), code),
        (None, Verdict::Valid { party, .. }) => assert_eq!(Some(party.0), expected.party),
        (want, got) => panic!("expected {want:?}, the original ruled {got:?}"),
    }
    assert_eq!(disputed, !expected.disputed_by.is_empty());
}

#[test]
fn a_review_finds_every_set_aside_ballot_by_the_number_the_counting_screen_showed() {
    let dir = tempfile::tempdir().unwrap();
    let record = thirty_ballot_count(dir.path());

    let mut h = open_count(dir.path(), &record);
    h.key_press(Key::F4);
    h.run();

    // 30 physical ballots. Each step: the keys for one ballot, and what it
    // is if it is set aside (invalid, or disputed right after its ruling).
    let invalid = |key: Key, code: &'static str| {
        (
            vec![key],
            Some(SetAside {
                invalid: Some(code),
                party: None,
                disputed_by: vec![],
            }),
        )
    };
    let valid = |p: u32| (vec![digit(p)], None);
    let disputed = |p: u32, by: u32| {
        (
            vec![digit(p), Key::D, digit(by), Key::Enter],
            Some(SetAside {
                invalid: None,
                party: Some(p),
                disputed_by: vec![by],
            }),
        )
    };
    let mut ballots: Vec<(Vec<Key>, Option<SetAside>)> = vec![
        valid(1),
        valid(2),
        invalid(Key::Q, "I1"),
        valid(3),
        valid(4),
        disputed(1, 2),
    ];
    // Ballot 7 is keyed 3 by mistake, voided (Backspace, Enter) and ruled
    // again as 2: it keeps its number.
    ballots.push((vec![digit(3), Key::Backspace, Key::Enter, digit(2)], None));
    ballots.push(invalid(Key::W, "I2"));
    ballots.extend([valid(1), valid(1), valid(2)]);
    // Ballot 12 is keyed 1 by mistake, voided and ruled again as I3.
    let mut again = invalid(Key::E, "I3");
    again.0 = vec![digit(1), Key::Backspace, Key::Enter, Key::E];
    ballots.push(again);
    for p in [3, 4, 1, 2, 3, 4, 1] {
        ballots.push(valid(p));
    }
    ballots.push(invalid(Key::R, "I4"));
    ballots.extend([valid(2), valid(3), valid(4), valid(1)]);
    ballots.push(disputed(4, 1));
    ballots.extend([valid(2), valid(3), valid(1), valid(2)]);
    ballots.push(invalid(Key::T, "I5"));
    assert_eq!(ballots.len(), 30);

    let mut shown: BTreeMap<u64, SetAside> = BTreeMap::new();
    for (i, (keys, set_aside)) in ballots.iter().enumerate() {
        press(&mut h, keys);
        let written = written_on_back(&h);
        match set_aside {
            Some(what) => {
                let n = written.unwrap_or_else(|| {
                    let labels: Vec<String> = h
                        .root()
                        .children_recursive()
                        .filter_map(|n| {
                            n.accesskit_node()
                                .label()
                                .or(n.accesskit_node().value())
                                .map(|s| s.to_string())
                        })
                        .collect();
                    panic!("ballot {}: nothing to write in {labels:?}", i + 1)
                });
                assert!(shown.insert(n, what.clone()).is_none(), "{n} shown twice");
            }
            None => assert_eq!(written, None, "ballot {} is not set aside", i + 1),
        }
    }
    // The numbers shown are the ballots' places in the box, the voided and
    // re-ruled ones included.
    assert_eq!(
        shown.keys().copied().collect::<Vec<_>>(),
        vec![3, 6, 8, 12, 20, 25, 30]
    );
    // The last rulings name ballots by the same numbers, under a heading.
    // "Ballot" beside the next number, and as the column's heading.
    assert!(h.query_all_by_label("Ballot").count() >= 2);
    assert!(h.query_all_by_label("Ruling").count() >= 1);
    assert!(
        h.query_all_by_label("30").count() >= 2,
        "ballot 30 just ruled and in the last rulings"
    );
    assert_eq!(show_json(&record)["ruled"], 30);

    h.get_by_label("Close count").click();
    h.run();
    seal_by_chief(s(&record));

    // The review, from the Recount screen, by the numbers written.
    start_review(&mut h, &record);
    let review = dir.path().join("count-recount-1.polltally");
    assert!(review.exists());
    let of = shown.len();
    assert!(
        h.query_by_label(&format!("Ballots ruled again: 0 of {of}"))
            .is_some(),
        "every set-aside ballot is under review, and only those"
    );
    for (done, (number, what)) in shown.iter().enumerate() {
        let ruling = match (what.invalid, what.party) {
            (Some(code), _) => code.to_string(),
            (None, Some(p)) => p.to_string(),
            (None, None) => unreachable!(),
        };
        type_into(&mut h, "Ballot number", &number.to_string());
        type_into(&mut h, "Ruling", &ruling);
        h.get_by_label("Record the ruling").click();
        h.run();
        assert!(
            h.query_by_label(&format!("Ballots ruled again: {} of {of}", done + 1))
                .is_some(),
            "ballot {number} was refused"
        );
    }
    // Each review ruled again the ballot ruled under that number.
    let seqs = reviewed_seqs(&review);
    assert_eq!(seqs.len(), of);
    for (seq, (number, what)) in seqs.iter().zip(&shown) {
        let (verdict, disputed, live) = original_ruling(&record, *seq);
        assert!(live, "ballot {number}");
        check_is_the_ballot(what, &verdict, disputed);
    }
}

/// Runs a CLI command that appends one entry; returns its seq (`ok <seq>`).
fn appended(args: &[&str]) -> Seq {
    let r = ok(args);
    let seq = r
        .stdout
        .split_whitespace()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no seq in {:?}", r.stdout));
    Seq(seq)
}

/// What the counting screen shows to write on the back now, from its view.
fn to_write(record: &Path) -> Option<u64> {
    let record = Record::open(record).unwrap();
    let view = CountingView::new(record.count(), Tr::default());
    view.just_ruled.filter(|j| j.set_aside).map(|j| j.ballot.0)
}

#[test]
fn rule_ballot_finds_every_set_aside_ballot_by_the_number_the_counting_screen_showed() {
    let dir = tempfile::tempdir().unwrap();
    let record = thirty_ballot_count(dir.path());
    let rec = s(&record);
    let rule = |extra: &[&str]| {
        let mut args = vec!["rule", "--record", rec];
        args.extend_from_slice(extra);
        appended(&args)
    };
    let mut shown: BTreeMap<u64, SetAside> = BTreeMap::new();
    let mut note = |what: SetAside| {
        let n = to_write(&record).expect("the screen says what to write");
        assert!(shown.insert(n, what).is_none(), "{n} shown twice");
    };
    let invalid = |code: &'static str| SetAside {
        invalid: Some(code),
        party: None,
        disputed_by: vec![],
    };
    for i in 1..=30u32 {
        match i {
            3 => {
                rule(&["--invalid", "I1"]);
                note(invalid("I1"));
            }
            6 => {
                let seq = rule(&["--party", "1"]);
                assert_eq!(to_write(&record), None);
                ok(&[
                    "dispute",
                    "--record",
                    rec,
                    "--seq",
                    &seq.0.to_string(),
                    "--party",
                    "2",
                ]);
                note(SetAside {
                    invalid: None,
                    party: Some(1),
                    disputed_by: vec![2],
                });
            }
            7 => {
                // Keyed wrong, voided, ruled again: the same ballot number.
                let wrong = rule(&["--invalid", "I2"]);
                ok(&[
                    "void",
                    "--record",
                    rec,
                    "--seq",
                    &wrong.0.to_string(),
                    "--reason",
                    "keyed in error",
                ]);
                rule(&["--party", "3", "--disputed-by", "4"]);
                note(SetAside {
                    invalid: None,
                    party: Some(3),
                    disputed_by: vec![4],
                });
            }
            15 => {
                rule(&["--invalid", "I3"]);
                note(invalid("I3"));
            }
            22 => {
                rule(&["--party", "2", "--disputed-by", "1"]);
                note(SetAside {
                    invalid: None,
                    party: Some(2),
                    disputed_by: vec![1],
                });
            }
            30 => {
                rule(&["--invalid", "I6"]);
                note(invalid("I6"));
            }
            _ => {
                let party = (1 + i % 4).to_string();
                rule(&["--party", &party]);
                assert_eq!(to_write(&record), None, "ballot {i}");
            }
        }
    }
    assert_eq!(
        shown.keys().copied().collect::<Vec<_>>(),
        vec![3, 6, 7, 15, 22, 30]
    );
    let json = show_json(&record);
    assert_eq!(json["ruled"], 30);
    assert_eq!(json["next_ballot"], 31);
    let rulings = json["rulings"].as_array().unwrap();
    assert_eq!(rulings.len(), 31);
    // The voided ruling and its re-ruling both carry ballot 7.
    let sevens: Vec<bool> = rulings
        .iter()
        .filter(|r| r["ballot"] == 7)
        .map(|r| r["live"].as_bool().unwrap())
        .collect();
    assert_eq!(sevens, vec![false, true]);
    seal_by_chief(rec);

    let review = dir.path().join("review.polltally");
    let made = review_of(&record, &review, "complaint");
    assert!(
        made.stdout
            .contains("(written on their backs): 3 6 7 15 22 30"),
        "{}",
        made.stdout
    );
    let rev = s(&review);
    // A ballot not set aside is refused by its number.
    let r = run(&["rule", "--record", rev, "--ballot", "4", "--party", "1"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("ballot: 4 is not a ballot under review (under review: 3, 6, 7, 15, 22, 30)"),
        "{}",
        r.stderr
    );
    for (number, what) in &shown {
        let ruling: Vec<String> = match (what.invalid, what.party) {
            (Some(code), _) => vec!["--invalid".into(), code.into()],
            (None, Some(p)) => vec!["--party".into(), p.to_string()],
            (None, None) => unreachable!(),
        };
        let mut args = vec!["rule", "--record", rev, "--ballot"];
        let n = number.to_string();
        args.push(&n);
        args.extend(ruling.iter().map(String::as_str));
        ok(&args);
    }
    let r = run(&["rule", "--record", rev, "--ballot", "3", "--invalid", "I1"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("ballot 3 was already ruled again"),
        "{}",
        r.stderr
    );
    let seqs = reviewed_seqs(&review);
    assert_eq!(seqs.len(), shown.len());
    for (seq, (number, what)) in seqs.iter().zip(&shown) {
        let (verdict, disputed, live) = original_ruling(&record, *seq);
        assert!(live, "ballot {number}");
        check_is_the_ballot(what, &verdict, disputed);
    }
    let json = show_json(&review);
    assert_eq!(
        json["recount"]["reviewed_ballots"],
        serde_json::json!([3, 6, 7, 15, 22, 30])
    );
    seal_by_chief(rev);
}
