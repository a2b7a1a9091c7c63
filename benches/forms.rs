//! The time to make the PDF results form, and the form with the ruling log
//! annex for 1,000 ballots. Goals: form < 150 ms, annex of 1,000 ballots < 1 s.
//!
//! Run with `cargo bench --bench forms`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use polltally::domain::reconciliation::Figure;
use polltally::domain::ruling::{RulingChoice, RulingRequest};
use polltally::domain::seal::{Seal, Signature};
use polltally::domain::station::StationFile;
use polltally::domain::time::Clock;
use polltally::journal::event::Event;
use polltally::report::{Copy, render_record};
use polltally::store::Record;
use polltally::system::SystemClock;
use std::collections::BTreeMap;
use std::path::Path;
use std::time::{Duration, Instant};

fn sealed_record(dir: &Path, ballots: usize) -> Record {
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

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn main() {
    let base = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let small = tempfile::tempdir_in(base).unwrap();
    let form_record = sealed_record(small.path(), 300);
    let form: Vec<Duration> = (0..20)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(render_record(&form_record, Copy::B, false, None).unwrap());
            start.elapsed()
        })
        .collect();
    let large = tempfile::tempdir_in(base).unwrap();
    let annex_record = sealed_record(large.path(), 1000);
    let annex: Vec<Duration> = (0..5)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(render_record(&annex_record, Copy::B, true, None).unwrap());
            start.elapsed()
        })
        .collect();
    let pages = {
        let bytes = render_record(&annex_record, Copy::B, true, None).unwrap();
        lopdf::Document::load_mem(&bytes).unwrap().get_pages().len()
    };
    println!(
        "results form (12 parties):            median {:>8.1} ms  (goal < 150 ms)",
        median(form).as_secs_f64() * 1e3
    );
    println!(
        "form + annex, 1,000 ballots ({pages} pages): median {:>8.1} ms  (goal < 1000 ms)",
        median(annex).as_secs_f64() * 1e3
    );
}
