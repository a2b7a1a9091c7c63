//! A sealed record of the sample station with a given number of ballots,
//! shared by the benchmarks.

#![allow(clippy::unwrap_used, clippy::expect_used, dead_code)]

use polltally::domain::reconciliation::Figure;
use polltally::domain::ruling::{RulingChoice, RulingRequest};
use polltally::domain::seal::{Seal, Signature};
use polltally::domain::station::StationFile;
use polltally::domain::time::Clock;
use polltally::journal::event::Event;
use polltally::store::Record;
use polltally::system::SystemClock;
use std::collections::BTreeMap;
use std::path::Path;

/// A sealed count of the sample station: `ballots` rulings (every ninth
/// invalid), figures that fit, differing checks explained.
pub fn sealed_record(dir: &Path, ballots: usize) -> Record {
    let station = StationFile::parse(polltally::app::places::SAMPLE_STATION.to_vec()).unwrap();
    let mut record = Record::create(&dir.join("bench.polltally"), station, &SystemClock).unwrap();
    for i in 0..ballots {
        let choice = if i % 9 == 8 {
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
                        text: "benchmark figures".into(),
                    },
                    &SystemClock,
                )
                .unwrap();
        }
    }
    let seal = Seal {
        at: SystemClock.now(),
        app_version: "bench".into(),
        signed: vec![Signature {
            name: "Chan Sophea".into(),
            role: "chief".into(),
        }],
        refused: vec![],
    };
    record.append(Event::Sealed(seal), &SystemClock).unwrap();
    record
}
