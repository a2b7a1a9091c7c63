//! `polltally rule --stdin` from arbitrary bytes: read line by line as the
//! command reads standard input (a line that is not UTF-8 stops it), each
//! line through `parse_rule_line`, and each request resolved against the
//! small station's definition as the command resolves it.
#![no_main]

use std::io::BufRead;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use polltally::domain::rule_line::parse_rule_line;
use polltally::domain::station::StationFile;

fn station() -> Option<&'static StationFile> {
    static STATION: OnceLock<Option<StationFile>> = OnceLock::new();
    STATION
        .get_or_init(|| {
            StationFile::parse(include_bytes!("../../fixtures/station-small.json").to_vec()).ok()
        })
        .as_ref()
}

fuzz_target!(|data: &[u8]| {
    let Some(station) = station() else {
        panic!("the small station fixture reads");
    };
    for line in std::io::Cursor::new(data).lines() {
        let Ok(line) = line else { break };
        let Ok(request) = parse_rule_line(&line) else {
            continue;
        };
        let Some(request) = request else {
            assert!(line.trim().is_empty(), "only a blank line is no ruling");
            continue;
        };
        assert!(!line.trim().is_empty());
        if let Ok(ruling) = request.resolve(station.definition()) {
            let _ = format!("{ruling:?}");
        }
    }
});
