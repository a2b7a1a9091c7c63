//! A station file from arbitrary bytes: `StationFile::parse`, as `new` and
//! `tabulate --stations` read one. What it accepts keeps its exact bytes and
//! their hash, and reads the same a second time.
#![no_main]

use libfuzzer_sys::fuzz_target;
use polltally::domain::hash::Hash256;
use polltally::domain::limits::{MAX_BALLOTS, MAX_PARTIES, MAX_SEATS};
use polltally::domain::station::StationFile;

fuzz_target!(|data: &[u8]| {
    let Ok(station) = StationFile::parse(data.to_vec()) else {
        return;
    };
    assert_eq!(station.bytes(), data, "the station file keeps its bytes");
    assert_eq!(
        station.hash(),
        Hash256::of(data),
        "the hash is of the bytes"
    );
    let def = station.definition();
    assert!(!def.parties.is_empty() && def.parties.len() <= MAX_PARTIES);
    assert!(def.ballots_in_books() <= MAX_BALLOTS);
    assert!(def.council_seats >= 1 && def.council_seats <= MAX_SEATS);
    let _ = def.party_numbers_text();
    let again = StationFile::parse(station.bytes().to_vec());
    assert_eq!(
        again.ok().as_ref(),
        Some(&station),
        "a second reading agrees"
    );
});
