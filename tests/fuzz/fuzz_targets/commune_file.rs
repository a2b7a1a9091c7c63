//! A commune results file from arbitrary bytes: `CommuneResults::parse`, as
//! `verify --commune` and `verify --qr --commune` read one. What it accepts
//! writes back to the same bytes and its own hash.
//!
//! The file's hash stops almost every mutation before the checks behind
//! it, so a document that is JSON is read a second time with its hash made
//! right for its other members.
#![no_main]

use libfuzzer_sys::fuzz_target;
use polltally::domain::canonical::to_canonical;
use polltally::domain::hash::Hash256;
use polltally::domain::tabulation::CommuneResults;

fn read(data: &[u8]) {
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
}

fuzz_target!(|data: &[u8]| {
    read(data);
    let Ok(mut value) = serde_json::from_slice::<serde_json::Value>(data) else {
        return;
    };
    let Some(object) = value.as_object_mut() else {
        return;
    };
    object.remove("hash");
    let Ok(unhashed) = to_canonical(&value) else {
        return;
    };
    value["hash"] = serde_json::Value::from(Hash256::of(&unhashed).to_hex());
    if let Ok(rehashed) = to_canonical(&value) {
        read(&rehashed);
    }
});
