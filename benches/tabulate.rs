//! A whole country's results: 23,000 station results files, written to disk,
//! then read, verified (format, canonical bytes, sums and checks), hashed and
//! tabulated commune by commune (14 stations to a commune, as in Cambodia's
//! 1,646 communes). Goal: < 10 s on 2 cores.
//!
//! Run with `cargo bench --bench tabulate`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::sealed_record;
use polltally::domain::identifier::{CommuneCode, StationCode};
use polltally::domain::results::ResultsDocument;
use polltally::domain::tabulation::{StationResults, tabulate};
use polltally::shell::tabulate::read_results;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

const STATIONS: usize = 23_000;
const PER_COMMUNE: usize = 14;

fn lcg(state: &mut u64) -> u64 {
    *state = state
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    *state >> 33
}

/// Station `i`'s results: the template with its own code, commune and a
/// random split of the same valid votes among the parties.
fn station_doc(template: &ResultsDocument, i: usize, seed: &mut u64) -> ResultsDocument {
    let mut doc = template.clone();
    let commune = i / PER_COMMUNE;
    doc.station.code = StationCode::parse(&format!("{commune:04}-{:02}", i % PER_COMMUNE)).unwrap();
    doc.station.commune_code = CommuneCode::parse(&format!("{commune:06}")).unwrap();
    let first = commune * PER_COMMUNE;
    let last = (first + PER_COMMUNE).min(STATIONS);
    doc.commune_stations = Some(
        (first..last)
            .map(|j| StationCode::parse(&format!("{commune:04}-{:02}", j % PER_COMMUNE)).unwrap())
            .collect(),
    );
    let parties: Vec<String> = doc.votes.keys().cloned().collect();
    let mut left = doc.figures.valid;
    for (k, party) in parties.iter().enumerate() {
        let n = if k + 1 == parties.len() {
            left
        } else {
            lcg(seed) % (left + 1) / 2
        };
        doc.votes.insert(party.clone(), n);
        left -= n;
    }
    doc
}

fn main() {
    let base = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let dir = tempfile::tempdir_in(base).unwrap();
    let template = sealed_record(dir.path(), 300).results().unwrap();
    let files_dir = dir.path().join("results");
    std::fs::create_dir_all(&files_dir).unwrap();
    let mut seed = 7u64;
    let started = Instant::now();
    let paths: Vec<PathBuf> = (0..STATIONS)
        .map(|i| {
            let doc = station_doc(&template, i, &mut seed);
            let path = files_dir.join(format!("{}.json", doc.station.code));
            std::fs::write(&path, doc.to_bytes().unwrap()).unwrap();
            path
        })
        .collect();
    let bytes: u64 = paths
        .iter()
        .map(|p| std::fs::metadata(p).unwrap().len())
        .sum();
    println!(
        "wrote {STATIONS} results files ({:.1} MB) in {:.2} s",
        bytes as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );

    // Read, verify and hash every file, on every core; then one tabulation
    // per commune.
    let started = Instant::now();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = paths.len().div_ceil(cores);
    let read: Vec<StationResults> = std::thread::scope(|scope| {
        let handles: Vec<_> = paths
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|p| read_results(p).unwrap())
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    let read_time = started.elapsed();
    let mut by_commune: BTreeMap<CommuneCode, Vec<StationResults>> = BTreeMap::new();
    for r in read {
        by_commune
            .entry(r.doc.station.commune_code.clone())
            .or_default()
            .push(r);
    }
    let mut seats = 0u64;
    let mut bytes_out = 0usize;
    for files in by_commune.values() {
        let commune = tabulate(files).unwrap();
        seats += commune.allocation.len() as u64;
        bytes_out += commune.to_bytes().unwrap().len();
    }
    let total = started.elapsed();
    println!(
        "read and verified {STATIONS} files in {:.2} s on {cores} cores; tabulated {} communes ({seats} seats, {:.1} MB of commune files): {:.2} s in all (goal < 10 s)",
        read_time.as_secs_f64(),
        by_commune.len(),
        bytes_out as f64 / 1e6,
        total.as_secs_f64()
    );
    assert!(total.as_secs_f64() < 10.0, "tabulation took {total:?}");

    // The same on one core, as `polltally tabulate` does it per commune.
    let started = Instant::now();
    let mut communes = 0;
    for group in paths.chunks(PER_COMMUNE) {
        let files: Vec<StationResults> = group.iter().map(|p| read_results(p).unwrap()).collect();
        tabulate(&files).unwrap();
        communes += 1;
    }
    println!(
        "on one core, commune by commune: {communes} communes in {:.2} s",
        started.elapsed().as_secs_f64()
    );
}
