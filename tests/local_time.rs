//! Local time, the complaint deadline and the laptop's clock, through the
//! real binary (with `TZ` standing for laptops set to other zones) and the
//! store.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use polltally::domain::clock_check::ClockNote;
use polltally::domain::station::StationFile;
use polltally::domain::time::{Clock, FixedClock, Timestamp};
use polltally::journal::event::Event;
use polltally::shell::clock::SystemClock;
use polltally::store::Record;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};

/// Runs with `TZ` set to `zone` and insists on exit 0.
fn ok_in(zone: &str, args: &[&str]) -> Run {
    let r = run_env(args, &[("TZ", zone)]);
    assert_eq!(
        r.code, 0,
        "polltally {args:?} failed: {}{}",
        r.stdout, r.stderr
    );
    r
}

/// A new count of the small station at `record`, opened on a laptop set to
/// `zone`.
fn new_small_in(zone: &str, record: &Path) -> Run {
    ok_in(
        zone,
        &[
            "new",
            "--station",
            s(&fixture("station-small.json")),
            "--record",
            s(record),
        ],
    )
}

/// Figures, three rulings, the chief present and signing: a count that
/// seals, each step run on a laptop set to `zone`.
fn count_and_seal_in(zone: &str, rec: &str) -> Run {
    ok_in(
        zone,
        &[
            "figures",
            "--record",
            rec,
            "--received",
            "500",
            "--unused",
            "497",
            "--spoiled",
            "0",
            "--voters-marked",
            "3",
            "--supplementary",
            "0",
            "--temporary-id",
            "0",
            "--in-box",
            "3",
        ],
    );
    for line in ["1", "2", "2"] {
        ok_in(zone, &["rule", "--record", rec, "--party", line]);
    }
    ok_in(
        zone,
        &[
            "present",
            "--record",
            rec,
            "--name",
            "Chan Sophea",
            "--role",
            "chief",
        ],
    );
    ok_in(
        zone,
        &["seal", "--record", rec, "--signed", "Chan Sophea:chief"],
    )
}

/// The small fixture station with `edit` applied, written into `dir`.
fn station_with(dir: &Path, edit: impl FnOnce(&mut Value)) -> PathBuf {
    let mut value: Value =
        serde_json::from_slice(&std::fs::read(fixture("station-small.json")).unwrap()).unwrap();
    edit(&mut value);
    let path = dir.join("station.json");
    std::fs::write(&path, serde_json::to_vec_pretty(&value).unwrap()).unwrap();
    path
}

fn results_of(record: &Path, zone: &str) -> (Vec<u8>, Value) {
    let out = record.with_extension(format!("{}.json", zone.replace('/', "-")));
    ok_in(zone, &["export", "--record", s(record), "--out", s(&out)]);
    let bytes = std::fs::read(&out).unwrap();
    let value = serde_json::from_slice(&bytes).unwrap();
    (bytes, value)
}

/// The local date `days` days after the date at `offset_hours` from UTC of
/// `sealed_at`, by plain arithmetic.
fn expected_deadline(sealed_at: &str, offset_hours: i64, days: i64) -> String {
    let sealed: Timestamp = sealed_at.parse().unwrap();
    Timestamp::from_unix_seconds(sealed.unix_seconds() + offset_hours * 3600)
        .date()
        .plus_days(days)
        .to_string()
}

#[test]
fn a_station_without_a_zone_keeps_the_zone_of_the_laptop_that_opened_it() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("count.polltally");
    let rec = s(&record);
    // Opened on a laptop in Phnom Penh...
    new_small_in("Asia/Phnom_Penh", &record);
    assert_eq!(show_json(&record)["time_zone"], json!("Asia/Phnom_Penh"));
    // ...counted and sealed on one set to New York...
    count_and_seal_in("America/New_York", rec);
    // ...and rendered on laptops in Berlin and Tokyo: the same bytes.
    let (berlin, doc) = results_of(&record, "Europe/Berlin");
    let (tokyo, _) = results_of(&record, "Asia/Tokyo");
    assert_eq!(berlin, tokyo);
    assert_eq!(doc["time_zone"], json!("Asia/Phnom_Penh"));
    let sealed_at = doc["sealed_at"].as_str().unwrap();
    let deadline = expected_deadline(sealed_at, 7, 3);
    assert_eq!(doc["complaint_deadline"], json!(deadline));
    // It ends at 23:59:59 in Phnom Penh, 16:59:59Z.
    assert_eq!(
        doc["complaint_deadline_ends"],
        json!(format!("{deadline}T16:59:59Z"))
    );
    // The summary reads Phnom Penh time on the Berlin laptop.
    let shown = ok_in("Europe/Berlin", &["show", "--record", rec]).stdout;
    assert!(shown.contains("Time zone: Asia/Phnom_Penh"), "{shown}");
    assert!(
        shown.contains(&format!(
            "Complaints may be filed until {deadline} 23:59 (UTC+07:00)."
        )),
        "{shown}"
    );
    let sealed_line = shown.lines().find(|l| l.starts_with("SEALED")).unwrap();
    assert!(sealed_line.ends_with("(UTC+07:00))"), "{sealed_line}");
}

#[test]
fn a_laptop_zone_without_a_name_is_recorded_as_its_offset() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("count.polltally");
    // A POSIX TZ rule: seven hours east of UTC, no IANA name.
    new_small_in("<+07>-7", &record);
    assert_eq!(show_json(&record)["time_zone"], json!("+07:00"));
}

#[test]
fn the_station_files_zone_wins_over_the_laptops() {
    let dir = tempfile::tempdir().unwrap();
    let station = station_with(dir.path(), |v| v["time_zone"] = json!("+07:00"));
    let record = dir.path().join("count.polltally");
    let rec = s(&record);
    ok_in(
        "America/New_York",
        &["new", "--station", s(&station), "--record", rec],
    );
    assert_eq!(show_json(&record)["time_zone"], json!("+07:00"));
    // The opening entry records no laptop zone: the station file names one.
    let opened = Record::open(&record).unwrap().journal().unwrap();
    assert!(matches!(
        &opened[0].1.event,
        Event::Opened {
            time_zone: None,
            ..
        }
    ));
    count_and_seal_in("Europe/Berlin", rec);
    let (_, doc) = results_of(&record, "UTC");
    assert_eq!(doc["time_zone"], json!("+07:00"));
    let deadline = expected_deadline(doc["sealed_at"].as_str().unwrap(), 7, 3);
    assert_eq!(doc["complaint_deadline"], json!(deadline));
    // The form prints the deadline's date and the hour it ends, local; the
    // annex heads its time column with the offset and lists local times.
    let pdf = record.with_extension("pdf");
    ok(&["pdf", "--record", rec, "--out", s(&pdf), "--annex"]);
    let text = pdf_page_texts(&std::fs::read(&pdf).unwrap()).join("\n");
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains(&format!("{deadline} 23:59 (UTC+07:00)")),
        "{flat}"
    );
    assert!(flat.contains("ម៉ោង / Time (UTC+07:00)"), "{flat}");
    let sealed: Timestamp = doc["sealed_at"].as_str().unwrap().parse().unwrap();
    let local = Timestamp::from_unix_seconds(sealed.unix_seconds() + 7 * 3600)
        .to_string()
        .replace('T', " ");
    let sealed_local = &local[..16];
    assert!(
        flat.contains(&format!("(sealed {sealed_local} (UTC+07:00), plus 3 days)")),
        "{flat}"
    );
    assert!(flat.contains(&format!("7 {sealed_local} ")), "{flat}");
    assert!(!flat.contains(&sealed.to_string()), "{flat}");
}

#[test]
fn a_bad_time_zone_is_named_with_its_field_and_value() {
    let dir = tempfile::tempdir().unwrap();
    for (zone, shown) in [
        ("Mars/Olympus", "\"Mars/Olympus\""),
        ("+7", "\"+7\""),
        ("+15:00", "\"+15:00\""),
    ] {
        let station = station_with(dir.path(), |v| v["time_zone"] = json!(zone));
        let record = dir.path().join(format!("bad-{}.polltally", zone.len()));
        let r = run(&["new", "--station", s(&station), "--record", s(&record)]);
        assert_eq!(r.code, 2, "{}", r.stderr);
        assert!(
            r.stderr
                .contains(&format!("time_zone: {shown} is not a time zone")),
            "{}",
            r.stderr
        );
        assert!(!record.exists());
    }
}

#[test]
fn a_clock_outside_the_election_window_warns_and_is_noted_in_the_journal() {
    let dir = tempfile::tempdir().unwrap();
    // An election long past: this laptop's clock is outside its window.
    let station = station_with(dir.path(), |v| {
        v["election"]["date"] = json!("2001-01-01");
        v["time_zone"] = json!("Asia/Phnom_Penh");
    });
    let record = dir.path().join("count.polltally");
    let rec = s(&record);
    let opened = ok(&["new", "--station", s(&station), "--record", rec]);
    let warning = "warning: Check the laptop's clock: it reads ";
    let window = "outside the days of this election (2001-01-01 to 2001-01-04)";
    assert!(opened.stderr.starts_with(warning), "{}", opened.stderr);
    assert!(opened.stderr.contains(window), "{}", opened.stderr);
    assert!(opened.stderr.contains("(UTC+07:00)"), "{}", opened.stderr);
    let sealed = count_and_seal_in("UTC", rec);
    assert!(sealed.stderr.contains(window), "{}", sealed.stderr);
    // The summary in Khmer, times in Khmer numerals.
    let km = ok(&[
        "--lang",
        "km",
        "show",
        "--record",
        rec,
        "--numerals",
        "khmer",
    ])
    .stdout;
    assert!(km.contains("តំបន់ម៉ោង៖ Asia/Phnom_Penh"), "{km}");
    assert!(km.contains("២៣:៥៩ (UTC+០៧:០០)។"), "{km}");
    let journal = Record::open(&record).unwrap().journal().unwrap();
    let outside = |notes: &[ClockNote]| {
        matches!(notes, [ClockNote::OutsideWindow { first, last, .. }]
            if first.to_string() == "2001-01-01" && last.to_string() == "2001-01-04")
    };
    assert!(outside(&journal[0].1.clock), "{:?}", journal[0].1);
    let last = &journal.last().unwrap().1;
    assert!(matches!(last.event, Event::Sealed(_)));
    assert!(outside(&last.clock), "{last:?}");
    // The entries between are not checked against the window.
    assert!(journal[1].1.clock.is_empty(), "{:?}", journal[1].1);
}

#[test]
fn a_clock_inside_the_election_window_says_nothing() {
    let dir = tempfile::tempdir().unwrap();
    // An election held today, as this laptop reads the date.
    let today = SystemClock.zone().local_date(SystemClock.now()).to_string();
    let station = station_with(dir.path(), |v| v["election"]["date"] = json!(today));
    let record = dir.path().join("count.polltally");
    let opened = ok(&["new", "--station", s(&station), "--record", s(&record)]);
    assert_eq!(opened.stderr, "");
    let journal = Record::open(&record).unwrap().journal().unwrap();
    assert!(journal[0].1.clock.is_empty());
}

#[test]
fn a_clock_that_goes_back_is_noted_and_the_order_stays_the_seq() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("count.polltally");
    let station = StationFile::parse(std::fs::read(sample_station()).unwrap()).unwrap();
    // Election night, 20:00 in Phnom Penh.
    let evening = Timestamp::from_unix_seconds(1_812_286_800);
    let mut record = Record::create(&path, station, &FixedClock(evening)).unwrap();
    assert!(record.clock_notes().is_empty());
    let figures = Event::FiguresRecorded {
        figures: [(polltally::domain::reconciliation::Figure::InBox, 3)].into(),
    };
    // The clock is set back an hour.
    let earlier = Timestamp::from_unix_seconds(evening.unix_seconds() - 3600);
    let seq = record
        .append(figures.clone(), &FixedClock(earlier))
        .unwrap();
    assert_eq!(
        record.clock_notes(),
        &[ClockNote::Backwards {
            previous_at: evening
        }]
    );
    // The next entry, a minute later on the new clock, is in order again.
    let later = Timestamp::from_unix_seconds(earlier.unix_seconds() + 60);
    let next = record.append(figures, &FixedClock(later)).unwrap();
    assert!(record.clock_notes().is_empty());
    assert!(next > seq);
    // Read back: the note is in the journal, the entries in seq order.
    let journal = Record::open(&path).unwrap().journal().unwrap();
    let seqs: Vec<u64> = journal.iter().map(|(e, _)| e.seq.0).collect();
    assert_eq!(seqs, [1, 2, 3]);
    assert!(journal[0].1.at > journal[1].1.at);
    assert!(matches!(
        journal[1].1.clock[..],
        [ClockNote::Backwards { previous_at }] if previous_at == evening
    ));
    assert!(journal[2].1.clock.is_empty());
    // And the command line warns of it when it happens.
    let dir2 = tempfile::tempdir().unwrap();
    let future = station_with(dir2.path(), |v| v["time_zone"] = json!("+07:00"));
    let path2 = dir2.path().join("count.polltally");
    let station = StationFile::parse(std::fs::read(&future).unwrap()).unwrap();
    // A record whose last entry is a day ahead of this laptop's clock.
    let tomorrow = Timestamp::from_unix_seconds(SystemClock.now().unix_seconds() + 86_400);
    Record::create(&path2, station, &FixedClock(tomorrow)).unwrap();
    let r = ok(&[
        "pile",
        "--record",
        s(&path2),
        "--party",
        "1",
        "--count",
        "0",
    ]);
    assert!(
        r.stderr.contains("earlier than the entry before"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_results_file_whose_deadline_does_not_follow_from_its_zone_is_refused() {
    use polltally::domain::results::ResultsDocument;
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("count.polltally");
    let rec = s(&record);
    new_small_in("Asia/Phnom_Penh", &record);
    count_and_seal_in("Asia/Phnom_Penh", rec);
    let (bytes, _) = results_of(&record, "UTC");
    let doc = ResultsDocument::parse(&bytes).unwrap();
    // The deadline as the UTC date would give it, or the zone changed.
    let mut utc_deadline = doc.clone();
    utc_deadline.complaint_deadline = expected_deadline(&doc.sealed_at.to_string(), 0, 3);
    let mut other_zone = doc.clone();
    other_zone.time_zone = Some(polltally::domain::zone::Zone::parse("America/New_York").unwrap());
    let mut changed = 0;
    for edited in [utc_deadline, other_zone] {
        if edited.complaint_deadline == doc.complaint_deadline && edited.time_zone == doc.time_zone
        {
            continue; // sealed at an hour when both give the same date
        }
        changed += 1;
        let err = ResultsDocument::parse(&edited.to_bytes().unwrap()).unwrap_err();
        assert!(err.to_string().contains("complaint_deadline"), "{err}");
    }
    assert!(changed >= 1);
}
