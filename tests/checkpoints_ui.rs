//! Checkpoints on the counting screen: the 50th ruling of the practice
//! count shows one (ballot, entry and the code of the journal there, large),
//! it quiets once counting goes on, K shows one at once, and K typed after a
//! ruling in the same frame shows the journal with that ruling.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::ui::*;
use eframe::egui::Key;
use egui_kittest::kittest::Queryable;
use polltally::app::command::AppCommand;
use polltally::domain::ruling::{RulingChoice, RulingRequest};
use polltally::domain::seq::Seq;
use polltally::domain::short_code::checkpoint_code;
use polltally::journal::event::Event;

/// The code of the open record's entry at `seq`.
fn code_at(h: &egui_kittest::Harness<'_, polltally::app::PolltallyApp>, seq: u64) -> String {
    let record = &h.state().session.as_ref().unwrap().record;
    checkpoint_code(&record.hash_at(Seq(seq)).unwrap().unwrap())
}

#[test]
fn a_checkpoint_is_shown_every_fifty_rulings_and_on_k() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = practice(dir.path());
    assert!(
        h.query_by_label_contains("K shows a checkpoint code")
            .is_some()
    );
    let def = h
        .state()
        .session
        .as_ref()
        .unwrap()
        .record
        .count()
        .definition()
        .clone();
    for i in 0..49u32 {
        let ruling = RulingRequest {
            choice: RulingChoice::Party {
                party: 1 + i % 12,
                criterion: None,
            },
            disputed_by: vec![],
            note: None,
        }
        .resolve(&def)
        .unwrap();
        h.state_mut()
            .apply(AppCommand::Append(Event::Ruling(ruling)));
    }
    h.run();
    assert!(h.query_by_label_contains("CHECKPOINT").is_none());
    press(&mut h, &[digit(3)]);
    // The 50th ruling is entry 51 (entry 1 opens the record).
    assert!(
        h.query_by_label("CHECKPOINT: party agents, write it down")
            .is_some()
    );
    assert!(h.query_by_label("ballot 50, entry 51").is_some());
    let code = code_at(&h, 51);
    assert!(h.query_by_label(&code).is_some(), "{code}");
    // Counting goes on: the checkpoint stays, quieter.
    press(&mut h, &[digit(4)]);
    assert!(h.query_by_label_contains("Last checkpoint").is_some());
    assert!(h.query_by_label(&code).is_some());
    // K: a checkpoint of the journal as it stands.
    press(&mut h, &[Key::K]);
    assert!(h.query_by_label("ballot 51, entry 53").is_some());
    let asked = code_at(&h, 53);
    assert!(h.query_by_label(&asked).is_some(), "{asked}");
    assert!(
        h.query_by_label("CHECKPOINT: party agents, write it down")
            .is_some()
    );
    // K again with nothing recorded since: refused, no second code.
    press(&mut h, &[Key::K]);
    assert!(
        notice(&h).unwrap().contains("is the record as it stands"),
        "{:?}",
        notice(&h)
    );
    // K while a party number is half typed keeps it: 1, K, 2 is party 12.
    press(&mut h, &[digit(1), Key::K]);
    assert!(
        notice(&h)
            .unwrap()
            .contains("Finish the party number first"),
        "{:?}",
        notice(&h)
    );
    press(&mut h, &[digit(2)]);
    {
        let count = h.state().session.as_ref().unwrap().record.count();
        let (_, last) = count.last_live_ruling().unwrap();
        assert_eq!(last.verdict.party().unwrap().0, 12);
    }
    // A ruling and K typed in one frame: the checkpoint holds the ruling.
    burst(&mut h, &[digit(5), Key::K]);
    for _ in 0..3 {
        h.run();
    }
    assert!(h.query_by_label("ballot 53, entry 56").is_some());
    let count = h.state().session.as_ref().unwrap().record.count();
    let seqs: Vec<u64> = count.checkpoints().iter().map(|c| c.seq.0).collect();
    assert_eq!(seqs, [51, 53, 56]);
}
