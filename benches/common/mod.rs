//! A sealed record of the sample station with a given number of ballots,
//! shared by the benchmarks.

#![allow(clippy::unwrap_used, clippy::expect_used, dead_code)]

use polltally::domain::free_text::FreeText;
use polltally::domain::person::{Person, Role};
use polltally::domain::reconciliation::Figure;
use polltally::domain::ruling::{RulingChoice, RulingRequest};
use polltally::domain::seal::{Seal, Signature};
use polltally::domain::station::StationFile;
use polltally::domain::time::Clock;
use polltally::journal::event::Event;
use polltally::shell::clock::SystemClock;
use polltally::store::Record;
use std::collections::BTreeMap;
use std::path::Path;

/// A record of the sample station at `path` holding `rulings` rulings, one in
/// `invalid_every` invalid, the others spread over the 12 parties.
pub fn record_with_rulings(path: &Path, rulings: usize, invalid_every: usize) -> Record {
    let station = StationFile::parse(polltally::app::places::SAMPLE_STATION.to_vec()).unwrap();
    let mut record = Record::create(path, station, &SystemClock).unwrap();
    for i in 0..rulings {
        let choice = if i % invalid_every == invalid_every - 1 {
            RulingChoice::Invalid {
                code: format!("I{}", 1 + i % 6),
            }
        } else {
            RulingChoice::Party {
                party: 1 + (i % 12) as u32,
                criterion: None,
            }
        };
        let ruling = RulingRequest {
            choice,
            disputed_by: vec![],
            note: None,
        }
        .resolve(record.count().definition())
        .unwrap();
        record.append(Event::Ruling(ruling), &SystemClock).unwrap();
    }
    record
}

/// A sealed count of the sample station: `ballots` rulings (every ninth
/// invalid), figures that fit, differing checks explained.
pub fn sealed_record(dir: &Path, ballots: usize) -> Record {
    let mut record = record_with_rulings(&dir.join("bench.polltally"), ballots, 9);
    let b = ballots as u64;
    let received = 700.max(b + 100);
    let figures: BTreeMap<Figure, u64> = [
        (Figure::Received, received),
        (Figure::Unused, received - b),
        (Figure::Spoiled, 0),
        (Figure::VotersMarked, b),
        (Figure::Supplementary, 0),
        (Figure::TemporaryId, 0),
        (Figure::InBox, b),
    ]
    .into_iter()
    .collect();
    record
        .append(Event::FiguresRecorded { figures }, &SystemClock)
        .unwrap();
    for check in ["stock", "issued_vs_voted", "box_vs_issued", "ceiling"] {
        let name = check.parse().unwrap();
        if record
            .count()
            .checks()
            .iter()
            .any(|c| c.name == name && c.status.word() == "differs")
        {
            record
                .append(
                    Event::Explanation {
                        check: name,
                        text: FreeText::parse("text", "benchmark figures").unwrap(),
                    },
                    &SystemClock,
                )
                .unwrap();
        }
    }
    // The chief is recorded present, then signs.
    let chief = Person {
        name: FreeText::parse("name", "Chan Sophea").unwrap(),
        role: Role::Chief,
        party: None,
        organisation: None,
    };
    record
        .append(Event::PersonPresent(chief.clone()), &SystemClock)
        .unwrap();
    let seal = Seal {
        at: SystemClock.now(),
        app_version: "bench".into(),
        signed: vec![Signature::of(&chief)],
        refused: vec![],
        lists_presence: true,
    };
    record.append(Event::Sealed(seal), &SystemClock).unwrap();
    record
}
