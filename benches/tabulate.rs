//! A whole country's results: 23,000 station results files, written to disk,
//! then read, verified (format, canonical bytes, sums and checks), hashed and
//! tabulated commune by commune (14 stations to a commune, as in Cambodia's
//! 1,646 communes). Then the same against the 23,000 station files the
//! commune election commissions issued (`tabulate --stations`) and each
//! commune's short codes typed from paper (`tabulate --codes`). Goal: each
//! < 10 s on 2 cores.
//!
//! Run with `cargo bench --bench tabulate`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::sealed_record;
use polltally::domain::hash::Hash256;
use polltally::domain::identifier::{CommuneCode, StationCode};
use polltally::domain::results::ResultsDocument;
use polltally::domain::short_code::short_code;
use polltally::domain::station::StationFile;
use polltally::domain::tabulation::{StationResults, tabulate};
use polltally::shell::tabulate::{Inputs, read_codes, read_results, tabulate_inputs};
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

/// Station `i`'s code, commune and the commune's stations.
fn station_of(i: usize) -> (String, String, Vec<String>) {
    let commune = i / PER_COMMUNE;
    let first = commune * PER_COMMUNE;
    let last = (first + PER_COMMUNE).min(STATIONS);
    (
        format!("{commune:04}-{:02}", i % PER_COMMUNE),
        format!("{commune:06}"),
        (first..last)
            .map(|j| format!("{commune:04}-{:02}", j % PER_COMMUNE))
            .collect(),
    )
}

/// Station `i`'s station file, as its commune election commission issues
/// it: the template's with the station's own code, commune and list.
fn station_file(template: &serde_json::Value, i: usize) -> StationFile {
    let (code, commune, list) = station_of(i);
    let mut value = template.clone();
    value["station"]["code"] = code.into();
    value["station"]["commune_code"] = commune.into();
    value["commune_stations"] = list.into();
    StationFile::parse(serde_json::to_vec_pretty(&value).unwrap()).unwrap()
}

/// Station `i`'s results, counted with `station`: the template with the
/// station's own code, commune and a random split of the same valid votes
/// among the parties.
fn station_doc(
    template: &ResultsDocument,
    station: &StationFile,
    i: usize,
    seed: &mut u64,
) -> ResultsDocument {
    let mut doc = template.clone();
    let (code, commune, list) = station_of(i);
    doc.station.code = StationCode::parse(&code).unwrap();
    doc.station.commune_code = CommuneCode::parse(&commune).unwrap();
    doc.commune_stations = Some(
        list.iter()
            .map(|c| StationCode::parse(c).unwrap())
            .collect(),
    );
    doc.definition_hash = station.hash();
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
    let record = sealed_record(dir.path(), 300);
    let template = record.results().unwrap();
    let station_template: serde_json::Value =
        serde_json::from_slice(record.station().bytes()).unwrap();
    let files_dir = dir.path().join("results");
    let stations_dir = dir.path().join("stations");
    let codes_dir = dir.path().join("codes");
    for d in [&files_dir, &stations_dir, &codes_dir] {
        std::fs::create_dir_all(d).unwrap();
    }
    let mut seed = 7u64;
    let started = Instant::now();
    let mut codes: BTreeMap<String, String> = BTreeMap::new();
    let paths: Vec<PathBuf> = (0..STATIONS)
        .map(|i| {
            let station = station_file(&station_template, i);
            let doc = station_doc(&template, &station, i, &mut seed);
            let commune = doc.station.commune_code.to_string();
            let issued = stations_dir.join(&commune);
            std::fs::create_dir_all(&issued).unwrap();
            std::fs::write(
                issued.join(format!("{}.json", doc.station.code)),
                station.bytes(),
            )
            .unwrap();
            let bytes = doc.to_bytes().unwrap();
            codes.entry(commune).or_default().push_str(&format!(
                "{} {}\n",
                doc.station.code,
                short_code(&Hash256::of(&bytes))
            ));
            let path = files_dir.join(format!("{}.json", doc.station.code));
            std::fs::write(&path, bytes).unwrap();
            path
        })
        .collect();
    for (commune, text) in &codes {
        std::fs::write(codes_dir.join(format!("{commune}.txt")), text).unwrap();
    }
    let bytes: u64 = paths
        .iter()
        .map(|p| std::fs::metadata(p).unwrap().len())
        .sum();
    println!(
        "wrote {STATIONS} results files ({:.1} MB), their station files and codes in {:.2} s",
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

    // Against the issued station files and the codes typed from paper, as
    // `polltally tabulate --stations DIR --codes FILE` does it for each
    // commune, the communes shared among the cores.
    let started = Instant::now();
    let communes: Vec<(&String, Vec<PathBuf>)> = codes
        .keys()
        .zip(paths.chunks(PER_COMMUNE))
        .map(|(commune, group)| (commune, group.to_vec()))
        .collect();
    let per_core = communes.len().div_ceil(cores);
    let checked: usize = std::thread::scope(|scope| {
        let handles: Vec<_> = communes
            .chunks(per_core)
            .map(|part| {
                let (stations_dir, codes_dir) = (&stations_dir, &codes_dir);
                scope.spawn(move || {
                    let mut checked = 0;
                    for (commune, results) in part {
                        let inputs = Inputs {
                            results: results.clone(),
                            stations: vec![stations_dir.join(commune.as_str())],
                            codes: Some(
                                read_codes(&codes_dir.join(format!("{commune}.txt"))).unwrap(),
                            ),
                        };
                        let c = tabulate_inputs(&inputs).unwrap();
                        assert_eq!(c.missing_stations, Some(vec![]));
                        checked += c
                            .stations
                            .iter()
                            .filter(|s| s.paper_checked == Some(true))
                            .count();
                    }
                    checked
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).sum()
    });
    let total = started.elapsed();
    assert_eq!(checked, STATIONS);
    println!(
        "with the issued station files and the paper's codes: {} communes, {checked} stations checked against paper, in {:.2} s on {cores} cores (goal < 10 s)",
        communes.len(),
        total.as_secs_f64()
    );
    assert!(total.as_secs_f64() < 10.0, "tabulation took {total:?}");
}
