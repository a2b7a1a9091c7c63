//! A results file from arbitrary bytes: `ResultsDocument::parse`, as
//! `verify --results` and `tabulate` read one. What it accepts is canonical:
//! it writes back to the same bytes, and those read the same again.
#![no_main]

use libfuzzer_sys::fuzz_target;
use polltally::domain::results::ResultsDocument;

fuzz_target!(|data: &[u8]| {
    let Ok(doc) = ResultsDocument::parse(data) else {
        return;
    };
    let bytes = doc.to_bytes();
    assert_eq!(
        bytes.as_deref().ok(),
        Some(data),
        "accepted bytes are canonical"
    );
    assert!(doc.hash().is_ok());
    let again = ResultsDocument::parse(data);
    assert!(again.is_ok(), "a second reading agrees");
});
