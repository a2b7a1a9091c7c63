//! The live copy of a count record on a second medium (`--mirror`, and the
//! Station screen): it follows every acknowledged entry; when the laptop
//! dies mid-count another laptop opens the copy and the count goes on to its
//! seal; a copy that cannot be written is shown, never silent, and caught up
//! when it can be again.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use polltally::domain::ruling::{RulingChoice, RulingRequest};
use polltally::journal::event::Event;
use polltally::shell::clock::SystemClock;
use polltally::store::Record;
use std::path::Path;
use std::time::Duration;

/// What `verify --record` says of `path`: entries and head.
fn verified(path: &Path) -> String {
    ok(&["verify", "--record", s(path)])
        .stdout
        .trim()
        .to_string()
}

#[test]
fn a_live_copy_follows_every_entry_and_the_count_goes_on_from_it_when_the_laptop_dies() {
    let laptop = tempfile::tempdir().unwrap();
    let stick = tempfile::tempdir().unwrap();
    let record = laptop.path().join("count.polltally");
    let mirror = stick.path().join("count-copy.polltally");
    let (rec, mir) = (s(&record), s(&mirror));
    ok(&[
        "new",
        "--station",
        s(&fixture("station-small.json")),
        "--record",
        rec,
        "--mirror",
        mir,
    ]);
    assert_eq!(verified(&record), verified(&mirror));
    ok(&[
        "figures",
        "--record",
        rec,
        "--mirror",
        mir,
        "--received",
        "500",
        "--unused",
        "300",
        "--spoiled",
        "0",
        "--voters-marked",
        "200",
        "--supplementary",
        "0",
        "--temporary-id",
        "0",
        "--in-box",
        "200",
    ]);
    ok(&["rule", "--record", rec, "--party", "3"]);
    // The copy missed the entry written without --mirror, and catches up.
    let r = ok(&["rule", "--record", rec, "--mirror", mir, "--party", "1"]);
    assert!(!r.stderr.contains("Live copy"), "{}", r.stderr);
    assert_eq!(verified(&record), verified(&mirror));

    // Counting with the copy; the laptop dies mid-count.
    let input: String = (0..198).map(|i| format!("{}\n", 1 + i % 4)).collect();
    let acks = rule_stdin_killed(
        &record,
        &["--mirror", mir],
        input,
        Duration::from_millis(300),
    );
    let last = last_ack(&acks);
    assert!(last > 5, "some rulings were acknowledged: {acks:?}");

    // Another laptop opens the stick's copy: every acknowledged ruling is
    // there, and the count goes on to its seal.
    let other = tempfile::tempdir().unwrap();
    let moved = other.path().join("count.polltally");
    std::fs::copy(&mirror, &moved).unwrap();
    let copy = Record::open_read(&moved).unwrap();
    assert!(copy.entries() >= last, "{} < {last}", copy.entries());
    let done = copy.count().rulings().len() as u64;
    drop(copy);
    rule_lines(s(&moved), times("2", (200 - done) as usize));
    seal_by_chief(s(&moved));
    export(&moved);
}

fn ruling(record: &Record) -> Event {
    Event::Ruling(
        RulingRequest {
            choice: RulingChoice::Party {
                party: 1,
                criterion: None,
            },
            disputed_by: vec![],
            note: None,
        }
        .resolve(record.count().definition())
        .unwrap(),
    )
}

#[test]
fn a_copy_that_cannot_be_written_is_shown_and_caught_up_when_it_can() {
    let laptop = tempfile::tempdir().unwrap();
    let stick = tempfile::tempdir().unwrap();
    let folder = stick.path().join("stick");
    std::fs::create_dir(&folder).unwrap();
    let station = polltally::domain::station::StationFile::parse(
        std::fs::read(fixture("station-small.json")).unwrap(),
    )
    .unwrap();
    let mut record = Record::create(
        &laptop.path().join("count.polltally"),
        station,
        &SystemClock,
    )
    .unwrap();
    let mirror = folder.join("copy.polltally");
    record.start_mirror(&mirror).unwrap();
    let status = record.mirror().unwrap();
    assert_eq!(
        (status.entries, status.behind, status.problem),
        (1, 0, None)
    );
    let event = ruling(&record);
    record.append(event, &SystemClock).unwrap();
    assert_eq!(record.mirror().unwrap().behind, 0);

    // The stick is pulled out: the count goes on, the copy says it is behind.
    let away = stick.path().join("away");
    std::fs::rename(&folder, &away).unwrap();
    for _ in 0..2 {
        let event = ruling(&record);
        record.append(event, &SystemClock).unwrap();
    }
    let status = record.mirror().unwrap();
    assert_eq!((status.entries, status.behind), (2, 2));
    assert!(status.problem.is_some());
    assert_eq!(record.entries(), 4);

    // Put back: the next entry brings it up to date.
    std::fs::rename(&away, &folder).unwrap();
    let event = ruling(&record);
    record.append(event, &SystemClock).unwrap();
    let status = record.mirror().unwrap();
    assert_eq!(
        (status.entries, status.behind, status.problem),
        (5, 0, None)
    );
    let copy = Record::open_read(&mirror).unwrap();
    assert_eq!(copy.head(), record.head());
}

#[test]
fn a_copy_of_another_record_or_the_record_itself_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.polltally");
    let b = dir.path().join("b.polltally");
    new_small(&a);
    new_small(&b);
    rule_lines(s(&b), times("1", 2));
    let r = run(&["rule", "--record", s(&a), "--mirror", s(&b), "--party", "1"]);
    assert_eq!(r.code, 2, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stderr.contains("it is not a copy of this record"),
        "{}",
        r.stderr
    );
    let r = run(&["rule", "--record", s(&a), "--mirror", s(&a), "--party", "1"]);
    assert_eq!(r.code, 2, "{}{}", r.stdout, r.stderr);
    assert!(r.stderr.contains("it is the record itself"), "{}", r.stderr);
    let r = run(&["verify", "--record", s(&a), "--mirror", s(&b)]);
    assert_eq!(r.code, 2, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stderr
            .contains("a live copy is kept only by a command that writes a record"),
        "{}",
        r.stderr
    );
}

#[test]
fn the_station_screen_starts_the_live_copy_and_every_screen_shows_it_falling_behind() {
    use common::ui::{open_count, type_into};
    use egui_kittest::kittest::{NodeT, Queryable};
    let dir = tempfile::tempdir().unwrap();
    let stick = tempfile::tempdir().unwrap();
    let folder = stick.path().join("stick");
    std::fs::create_dir(&folder).unwrap();
    let record = dir.path().join("count.polltally");
    new_small(&record);
    let mut h = open_count(dir.path(), &record);
    h.key_press(eframe::egui::Key::F2);
    h.run();
    let copy = folder.join("count-copy.polltally");
    type_into(&mut h, "Copy file", s(&copy));
    h.get_by_label("Start the live copy").click();
    h.run();
    assert!(
        h.query_by_label_contains("Live copy started").is_some(),
        "the notice says the copy started"
    );
    assert!(
        h.query_by_label_contains("up to date (1 entries)")
            .is_some()
    );
    // Recording a person empties the person's form, not the copy's path.
    type_into(&mut h, "Full name", "Chan Sophea");
    h.get_by_label("Record present").click();
    h.run();
    let field = h.get_by_role_and_label(eframe::egui::accesskit::Role::TextInput, "Copy file");
    assert_eq!(field.accesskit_node().value().as_deref(), Some(s(&copy)));
    assert!(
        h.query_by_label_contains("up to date (2 entries)")
            .is_some()
    );
    let append = |h: &mut egui_kittest::Harness<'_, polltally::app::PolltallyApp>| {
        let event = ruling(&h.state().session.as_ref().unwrap().record);
        h.state_mut()
            .apply(polltally::app::command::AppCommand::Append(event));
        h.run();
    };
    append(&mut h);
    assert!(
        h.query_by_label_contains("up to date (3 entries)")
            .is_some()
    );

    // Pulled out: shown in red on every screen, the count goes on.
    let away = stick.path().join("away");
    std::fs::rename(&folder, &away).unwrap();
    append(&mut h);
    h.key_press(eframe::egui::Key::F4);
    h.run();
    assert!(
        h.query_by_label_contains("1 not copied yet (3 entries copied)")
            .is_some(),
        "the counting screen shows the copy behind"
    );
    // Put back: caught up after the next entry, and quiet again.
    std::fs::rename(&away, &folder).unwrap();
    append(&mut h);
    assert!(h.query_by_label_contains("not copied yet").is_none());
    let copied = Record::open_read(&copy).unwrap();
    assert_eq!(copied.entries(), 5);
    assert_eq!(
        copied.head(),
        h.state().session.as_ref().unwrap().record.head()
    );
}
