//! A commune results file from arbitrary bytes: `CommuneResults::parse`, as
//! `verify --commune` and `verify --qr --commune` read one. What it accepts
//! writes back to the same bytes and its own hash.
#![no_main]

use libfuzzer_sys::fuzz_target;
use polltally::domain::tabulation::CommuneResults;

fuzz_target!(|data: &[u8]| {
    let Ok(doc) = CommuneResults::parse(data) else {
        return;
    };
    let bytes = doc.to_bytes();
    assert_eq!(
        bytes.as_deref().ok(),
        Some(data),
        "accepted bytes are canonical"
    );
    let again = CommuneResults::parse(data);
    assert!(again.is_ok(), "a second reading agrees");
});
