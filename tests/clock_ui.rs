//! Local times and the laptop's clock on screen, through the real app: a
//! clock outside the election window warns when a count opens, in the
//! language and numerals shown; a sealed count reads its seal and its
//! complaint deadline in the station's local time.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::ui::{ELECTION_NIGHT, digit, harness_at, notice, open_count, practice, press};
use eframe::egui::Key;
use egui_kittest::kittest::Queryable;
use polltally::domain::clock_check::ClockNote;
use polltally::domain::station::StationFile;
use polltally::domain::text::Numerals;
use polltally::domain::time::{FixedClock, Timestamp};
use polltally::i18n::{Lang, Tr};
use polltally::store::Record;

/// 2027-06-03T05:20:00Z: 12:20 in Phnom Penh, three days before the
/// practice station's election day (2027-06-06).
const BEFORE_ELECTION_DAY: i64 = 1_812_000_000;

#[test]
fn a_clock_before_election_day_warns_when_the_count_opens() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness_at(dir.path(), BEFORE_ELECTION_DAY);
    h.run();
    h.get_by_label("Open the practice count").click();
    h.run();
    let warning = "Check the laptop's clock: it reads 2027-06-03 12:20 (UTC+07:00), outside \
                   the days of this election (2027-06-06 to 2027-06-09). The time is recorded \
                   as read, and the record notes it.";
    assert_eq!(notice(&h).as_deref(), Some(warning));
    assert!(
        h.query_by_label_contains("Check the laptop's clock")
            .is_some()
    );
    // Worded when drawn: in Khmer with Khmer numerals once chosen.
    h.state_mut().settings.lang = Lang::Km;
    h.state_mut().settings.numerals = Some(Numerals::Khmer);
    h.run();
    let km = notice(&h).unwrap();
    assert!(
        km.starts_with("សូមពិនិត្យនាឡិកាកុំព្យូទ័រ៖ វាបង្ហាញ ថ្ងៃទី ៣ ខែមិថុនា ឆ្នាំ ២០២៧ ម៉ោង ១២:២០ (UTC+០៧:០០)"),
        "{km}"
    );
    assert!(
        km.contains("(ថ្ងៃទី ៦ ខែមិថុនា ឆ្នាំ ២០២៧ ដល់ ថ្ងៃទី ៩ ខែមិថុនា ឆ្នាំ ២០២៧)"),
        "{km}"
    );
    assert!(h.query_by_label_contains("១២:២០ (UTC+០៧:០០)").is_some());
    // The journal notes it with the opening entry.
    let path = h
        .state()
        .session
        .as_ref()
        .unwrap()
        .record
        .path()
        .to_path_buf();
    let journal = Record::open(&path).unwrap().journal().unwrap();
    assert!(matches!(
        journal[0].1.clock[..],
        [ClockNote::OutsideWindow { .. }]
    ));
}

#[test]
fn a_clock_on_election_night_says_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let h = practice(dir.path());
    assert_eq!(notice(&h), None);
    let path = h
        .state()
        .session
        .as_ref()
        .unwrap()
        .record
        .path()
        .to_path_buf();
    let journal = Record::open(&path).unwrap().journal().unwrap();
    assert!(journal[0].1.clock.is_empty());
}

#[test]
fn the_results_screen_reads_the_seal_and_the_deadline_in_local_time() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("count.polltally");
    // The small fixture station, in Phnom Penh.
    let mut station: serde_json::Value =
        serde_json::from_slice(&std::fs::read(common::fixture("station-small.json")).unwrap())
            .unwrap();
    station["time_zone"] = serde_json::json!("Asia/Phnom_Penh");
    let station_path = dir.path().join("station.json");
    std::fs::write(&station_path, serde_json::to_vec(&station).unwrap()).unwrap();
    common::sealed_count(&station_path, &record, &["1", "2", "2"]);
    let doc = Record::open(&record).unwrap().results().unwrap();
    let deadline = &doc.complaint_deadline;
    let mut h = open_count(dir.path(), &record);
    h.key_press(Key::F6);
    h.run();
    assert!(
        h.query_by_label_contains("(UTC+07:00). Results hash")
            .is_some(),
        "the seal is read in Phnom Penh time"
    );
    let until = format!("Complaints may be filed until {deadline} 23:59 (UTC+07:00).");
    assert!(h.query_by_label_contains(&until).is_some(), "{until}");
    h.state_mut().settings.lang = Lang::Km;
    h.state_mut().settings.numerals = Some(Numerals::Khmer);
    h.run();
    // Khmer writes the date in words: ថ្ងៃទី ... ខែ ... ឆ្នាំ ...
    let deadline_km = Tr::new(Lang::Km)
        .with_numerals(Numerals::Khmer)
        .date(deadline.parse().unwrap());
    assert!(deadline_km.starts_with("ថ្ងៃទី "), "{deadline_km}");
    let until_km = format!("អាចដាក់បណ្ដឹងបានរហូតដល់ {deadline_km} ម៉ោង ២៣:៥៩ (UTC+០៧:០០)។");
    assert!(h.query_by_label_contains(&until_km).is_some(), "{until_km}");
}

#[test]
fn a_ruling_recorded_earlier_than_the_entry_before_warns_and_keeps_its_place() {
    let dir = tempfile::tempdir().unwrap();
    // The practice count was opened at 21:00 in Phnom Penh on a laptop
    // whose clock has since been set back an hour.
    let path = dir.path().join("practice.polltally");
    let station = StationFile::parse(std::fs::read(common::sample_station()).unwrap()).unwrap();
    let opened = Timestamp::from_unix_seconds(ELECTION_NIGHT + 3600);
    Record::create(&path, station, &FixedClock(opened)).unwrap();
    let mut h = practice(dir.path());
    assert_eq!(notice(&h), None);
    press(&mut h, &[digit(3)]);
    assert_eq!(
        notice(&h).as_deref(),
        Some(
            "Check the laptop's clock: it reads 2027-06-06 20:00 (UTC+07:00), earlier than \
             the entry before (2027-06-06 21:00 (UTC+07:00)). The entries keep their order, \
             and the record notes the time."
        )
    );
    let journal = Record::open(&path).unwrap().journal().unwrap();
    assert_eq!(journal.len(), 2);
    assert!(matches!(
        journal[1].1.clock[..],
        [ClockNote::Backwards { previous_at }] if previous_at == opened
    ));
    // The next ruling follows it in time: nothing to say.
    press(&mut h, &[digit(4)]);
    assert_eq!(notice(&h), None);
}

#[test]
fn the_station_screen_names_the_time_zone_its_times_are_read_in() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = practice(dir.path());
    press(&mut h, &[Key::F2]);
    assert!(h.query_by_label("Time zone").is_some());
    assert!(h.query_by_label("Asia/Phnom_Penh").is_some());
}
