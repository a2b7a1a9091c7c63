//! A `polltally rule --stdin` killed with SIGKILL at random moments: every
//! seq it acknowledged is in the record afterwards, with the ruling that was
//! sent, and the chain verifies.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use polltally::domain::ruling::Verdict;
use polltally::journal::event::Event;
use polltally::store::Record;
use std::time::Duration;

const TRIALS: u64 = 200;

fn lcg(state: &mut u64) -> u64 {
    *state = state
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    *state >> 33
}

#[test]
fn acknowledged_rulings_survive_sigkill() {
    let (_dir, record) = new_record(&fixture("station-small.json"));
    let mut state = 2027u64;
    let mut interrupted = 0;
    let mut total_acked = 0;
    for trial in 0..TRIALS {
        // The lines this trial sends: parties 1-4 in a trial-specific order.
        let lines: Vec<u32> = (0..3000).map(|i| 1 + ((i + trial as u32) % 4)).collect();
        let input: String = lines.iter().map(|p| format!("{p}\n")).collect();
        let delay = lcg(&mut state) % 250;
        let acks = rule_stdin_killed(&record, &[], input, Duration::from_millis(delay));

        let record_now = Record::open(&record).unwrap_or_else(|e| {
            panic!("trial {trial} (killed after {delay} ms): record does not open: {e}")
        });
        let journal = record_now.journal().unwrap();
        for (k, ack) in acks.iter().enumerate() {
            let seq: u64 = ack
                .strip_prefix("ok ")
                .and_then(|n| n.parse().ok())
                .unwrap_or_else(|| panic!("odd output {ack:?}"));
            let (_, body) = journal
                .get(seq as usize - 1)
                .unwrap_or_else(|| panic!("trial {trial}: acknowledged seq {seq} is missing"));
            assert_eq!(body.seq.0, seq);
            let Event::Ruling(ruling) = &body.event else {
                panic!("trial {trial}: seq {seq} is not a ruling");
            };
            let Verdict::Valid { party, .. } = &ruling.verdict else {
                panic!("trial {trial}: seq {seq} is not a party ruling");
            };
            assert_eq!(
                party.0, lines[k],
                "trial {trial}: seq {seq} holds another ruling"
            );
        }
        total_acked += acks.len();
        if acks.len() < lines.len() {
            interrupted += 1;
        }
        drop(record_now);
        ok(&["verify", "--record", s(&record)]);
    }
    eprintln!("{TRIALS} trials, {total_acked} rulings acknowledged before the kills");
    // The kills did land while rulings were being made.
    assert!(total_acked > 0);
    assert!(
        interrupted > 0,
        "no SIGKILL landed while rulings were being made in {TRIALS} trials"
    );
    let v = show_json(&record);
    assert!(v["ruled"].as_u64().unwrap() >= total_acked as u64);
}
