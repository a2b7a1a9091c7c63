//! The time to make the PDF results form, and the form with the ruling log
//! annex for 1,000 ballots. Goals: form < 150 ms, annex of 1,000 ballots < 1 s.
//!
//! Run with `cargo bench --bench forms`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::sealed_record;
use polltally::report::{Copy, results_pdf};
use polltally::store::Record;
use std::path::Path;
use std::time::{Duration, Instant};

/// The form (and annex) of a sealed record, read from the store as the
/// command line does.
fn form_pdf(record: &Record, copy: Copy, annex: bool) -> Vec<u8> {
    let doc = record.results().unwrap();
    let def = record.count().definition();
    let entries: Option<Vec<_>> = annex.then(|| {
        record
            .journal()
            .unwrap()
            .into_iter()
            .map(|(_, body)| body)
            .collect()
    });
    results_pdf(&doc, &def.criteria, copy, def.numerals, entries.as_deref()).unwrap()
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
            std::hint::black_box(form_pdf(&form_record, Copy::B, false));
            start.elapsed()
        })
        .collect();
    let large = tempfile::tempdir_in(base).unwrap();
    let annex_record = sealed_record(large.path(), 1000);
    let annex: Vec<Duration> = (0..5)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(form_pdf(&annex_record, Copy::B, true));
            start.elapsed()
        })
        .collect();
    let pages = {
        let bytes = form_pdf(&annex_record, Copy::B, true);
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
