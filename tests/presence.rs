//! Who watched and who complained, through the real binary: `depart`
//! records a person leaving with the reason, `complaint` a party agent's or
//! observer's complaint with its ballot; each refusal names the field and
//! the value; the results file and the posted form list them.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{
    count_with_people, depart, export, ok, pdf_page_texts, present, record_figures, run, s,
};

/// Runs a command that must be refused with exit 2; its stderr.
fn refused(args: &[&str]) -> String {
    let r = run(args);
    assert_eq!(r.code, 2, "{args:?}: {}{}", r.stdout, r.stderr);
    r.stderr
}

#[test]
fn depart_and_complaint_are_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("count.polltally");
    count_with_people(&record);
    let rec = s(&record);
    let entries = || common::show_json(&record)["entries"].as_u64().unwrap();
    let before = entries();

    // An unknown seq, a ruling's seq, an empty reason.
    let err = refused(&["depart", "--record", rec, "--seq", "99", "--reason", "x"]);
    assert!(
        err.contains("seq: 99 is not a person recorded as present"),
        "{err}"
    );
    let err = refused(&["depart", "--record", rec, "--seq", "5", "--reason", "x"]);
    assert!(err.contains("seq: 5 is not a person"), "{err}");
    let err = refused(&["depart", "--record", rec, "--seq", "4", "--reason", "  "]);
    assert!(err.contains("reason: must not be empty"), "{err}");
    let err = refused(&["complaint", "--record", rec, "--by", "42", "--text", "x"]);
    assert!(
        err.contains("by: 42 is not a person recorded as present"),
        "{err}"
    );
    let err = refused(&["complaint", "--record", rec, "--by", "3", "--text", ""]);
    assert!(err.contains("text: must not be empty"), "{err}");
    // A commission member does not complain to the commission.
    let err = refused(&["complaint", "--record", rec, "--by", "2", "--text", "x"]);
    assert!(
        err.contains("by: the person of entry 2 is recorded as chief"),
        "{err}"
    );
    // A ballot number no ruling has had.
    let err = refused(&[
        "complaint",
        "--record",
        rec,
        "--by",
        "3",
        "--text",
        "x",
        "--ballot",
        "4",
    ]);
    assert!(
        err.contains(
            "ballot: no ballot has number 4 in this count (the highest number given so far is 3)"
        ),
        "{err}"
    );
    assert_eq!(entries(), before, "a refusal writes nothing");

    // A person withdrawn as a mistake neither leaves nor complains.
    ok(&[
        "withdraw",
        "--record",
        rec,
        "--seq",
        "4",
        "--reason",
        "wrong name",
    ]);
    let err = refused(&["depart", "--record", rec, "--seq", "4", "--reason", "x"]);
    assert!(
        err.contains("seq: the presence of entry 4 was withdrawn by entry 8 as a mistake"),
        "{err}"
    );
    let err = refused(&["complaint", "--record", rec, "--by", "4", "--text", "x"]);
    assert!(
        err.contains("by: the presence of entry 4 was withdrawn by entry 8"),
        "{err}"
    );

    // Leaving twice.
    depart(rec, 3, "left on his own");
    let err = refused(&["depart", "--record", rec, "--seq", "3", "--reason", "x"]);
    assert!(
        err.contains("seq: the person of entry 3 already left (entry 9)"),
        "{err}"
    );

    // A sealed count takes neither.
    record_figures(rec, [500, 497, 0, 3, 0, 0, 3]);
    ok(&["seal", "--record", rec, "--signed", "Chan Sophea:chief"]);
    let sealed = entries();
    for args in [
        vec!["depart", "--record", rec, "--seq", "2", "--reason", "home"],
        vec!["complaint", "--record", rec, "--by", "3", "--text", "late"],
    ] {
        let err = refused(&args);
        assert!(err.contains("the count was sealed at entry"), "{err}");
    }
    assert_eq!(entries(), sealed);
}

#[test]
fn the_results_file_and_the_form_list_who_left_and_every_complaint() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("count.polltally");
    count_with_people(&record);
    let rec = s(&record);
    assert_eq!(
        depart(rec, 4, "asked to leave by the station chief")
            .stdout
            .trim(),
        "ok 8"
    );
    ok(&[
        "complaint",
        "--record",
        rec,
        "--by",
        "3",
        "--text",
        "ballot 2 was held up too briefly",
        "--ballot",
        "2",
    ]);
    // One who was sent away may still complain of it.
    ok(&[
        "complaint",
        "--record",
        rec,
        "--by",
        "4",
        "--text",
        "I was sent away before the count",
    ]);
    // `show --json` lists them before sealing too.
    let shown = common::show_json(&record);
    assert_eq!(shown["presence"].as_array().unwrap().len(), 3);
    assert_eq!(
        shown["presence"][2]["departure_reason"],
        "asked to leave by the station chief"
    );
    assert_eq!(shown["complaints"].as_array().unwrap().len(), 2);
    record_figures(rec, [500, 497, 0, 3, 0, 0, 3]);
    ok(&["seal", "--record", rec, "--signed", "Chan Sophea:chief"]);

    let results = export(&record);
    let doc: serde_json::Value = serde_json::from_slice(&std::fs::read(&results).unwrap()).unwrap();
    let presence = doc["presence"].as_array().unwrap();
    assert_eq!(presence.len(), 3);
    let observer = &presence[2];
    assert_eq!(observer["name"], "Ly Navy");
    assert_eq!(observer["organisation"], "NICFEC");
    assert_eq!(
        observer["departure_reason"],
        "asked to leave by the station chief"
    );
    assert!(observer["departed_at"].as_str().unwrap() >= observer["arrived_at"].as_str().unwrap());
    assert!(presence[0].get("departed_at").is_none());
    assert_eq!(doc["complaints_lodged"], 2);
    let complaints = doc["complaints"].as_array().unwrap();
    assert_eq!(complaints[0]["name"], "Keo Rith");
    assert_eq!(complaints[0]["ballot"], 2);
    assert_eq!(complaints[1]["by"], 4);
    assert!(complaints[1].get("ballot").is_none());
    // The file verifies against its record.
    ok(&["verify", "--results", s(&results), "--record", rec]);

    let pdf = dir.path().join("form.pdf");
    ok(&["pdf", "--record", rec, "--out", s(&pdf)]);
    // Lines wrap in the table's columns: compare words.
    let text = pdf_page_texts(&std::fs::read(&pdf).unwrap())
        .join("\n")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for wanted in [
        "Present at the count",
        "Ly Navy",
        "asked to leave by the station chief",
        "Complaints lodged during the count: 2",
        "ballot 2 was held up too briefly",
        "I was sent away before the count",
        "Any complaint can be taken further to the commune election commission until",
        "រហូតដល់",
    ] {
        assert!(text.contains(wanted), "{wanted:?} not in the form:\n{text}");
    }
}

#[test]
fn a_form_without_complaints_says_so_and_where_to_take_one() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("count.polltally");
    count_with_people(&record);
    let rec = s(&record);
    record_figures(rec, [500, 497, 0, 3, 0, 0, 3]);
    ok(&["seal", "--record", rec, "--signed", "Chan Sophea:chief"]);
    let doc: serde_json::Value =
        serde_json::from_slice(&std::fs::read(export(&record)).unwrap()).unwrap();
    assert_eq!(doc["complaints_lodged"], 0);
    assert!(doc.get("complaints").is_none());
    let pdf = dir.path().join("form.pdf");
    ok(&["pdf", "--record", rec, "--out", s(&pdf)]);
    let text = pdf_page_texts(&std::fs::read(&pdf).unwrap()).join("\n");
    assert!(
        text.contains("No complaint was lodged during the count."),
        "{text}"
    );
    assert!(text.contains("can be taken further"), "{text}");
}

#[test]
fn a_results_file_that_drops_a_departure_does_not_verify() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("count.polltally");
    count_with_people(&record);
    let rec = s(&record);
    depart(rec, 4, "asked to leave");
    record_figures(rec, [500, 497, 0, 3, 0, 0, 3]);
    ok(&["seal", "--record", rec, "--signed", "Chan Sophea:chief"]);
    let results = export(&record);
    let mut doc: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&results).unwrap()).unwrap();
    // Without the list of who was present and the count of complaints (as
    // a count sealed before they were listed would give): not this count.
    let map = doc.as_object_mut().unwrap();
    map.remove("presence");
    map.remove("complaints_lodged");
    let edited = dir.path().join("edited.json");
    std::fs::write(&edited, canonical(&doc)).unwrap();
    let r = run(&["verify", "--results", s(&edited), "--record", rec]);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stderr.contains("complaints_lodged") || r.stderr.contains("presence"),
        "{}",
        r.stderr
    );
}

/// JSON in canonical form (sorted keys, no spaces), as results files are:
/// every object here has ASCII keys and no floats.
fn canonical(value: &serde_json::Value) -> Vec<u8> {
    // serde_json's map keeps keys sorted (no preserve_order feature).
    serde_json::to_vec(value).unwrap()
}

#[test]
fn one_who_left_signs_only_once_recorded_present_again() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("count.polltally");
    count_with_people(&record);
    let rec = s(&record);
    depart(rec, 3, "went home");
    record_figures(rec, [500, 497, 0, 3, 0, 0, 3]);
    let sign = [
        "seal",
        "--record",
        rec,
        "--signed",
        "Chan Sophea:chief",
        "--signed",
        "Keo Rith:party_agent",
    ];
    let err = refused(&sign);
    assert!(err.contains("Keo Rith"), "{err}");
    // Back at the station: recorded present again, and signs.
    present(rec, "Keo Rith", "party_agent", Some("2"));
    ok(&sign);
    let doc: serde_json::Value =
        serde_json::from_slice(&std::fs::read(export(&record)).unwrap()).unwrap();
    let keo: Vec<&serde_json::Value> = doc["presence"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["name"] == "Keo Rith")
        .collect();
    assert_eq!(keo.len(), 2, "both presences listed");
    assert_eq!(keo[0]["departure_reason"], "went home");
    assert!(keo[1].get("departed_at").is_none());
}

#[test]
fn a_clock_set_back_during_the_count_still_gives_results_that_verify() {
    use polltally::domain::free_text::FreeText;
    use polltally::domain::person::{Person, Role};
    use polltally::domain::seal::{Seal, Signature};
    use polltally::domain::seq::Seq;
    use polltally::domain::station::StationFile;
    use polltally::domain::time::{FixedClock, Timestamp};
    use polltally::journal::event::Event;
    use polltally::store::Record;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("count.polltally");
    let station = StationFile::parse(std::fs::read(common::sample_station()).unwrap()).unwrap();
    let evening = Timestamp::from_unix_seconds(1_812_286_800);
    let at = |minutes: i64| {
        FixedClock(Timestamp::from_unix_seconds(
            evening.unix_seconds() + 60 * minutes,
        ))
    };
    let mut record = Record::create(&path, station, &at(0)).unwrap();
    let text = |t: &str| FreeText::parse("text", t).unwrap();
    let chief = Person {
        name: text("Chan Sophea"),
        role: Role::Chief,
        party: None,
        organisation: None,
    };
    let observer = Person {
        name: text("Ly Navy"),
        role: Role::Observer,
        party: None,
        organisation: Some(text("NICFEC")),
    };
    record
        .append(Event::PersonPresent(chief.clone()), &at(0))
        .unwrap();
    record
        .append(Event::PersonPresent(observer), &at(30))
        .unwrap();
    // The clock is set back an hour: the observer leaves "before" arriving,
    // and complains "before" the seal's time is reached again.
    record
        .append(
            Event::Departed {
                person_seq: Seq(3),
                reason: text("asked to leave"),
            },
            &at(-30),
        )
        .unwrap();
    record
        .append(
            Event::Complaint {
                by: Seq(3),
                text: text("sent away"),
                ballot: None,
            },
            &at(90),
        )
        .unwrap();
    let figures = [
        ("received", 700),
        ("unused", 700),
        ("spoiled", 0),
        ("voters_marked", 0),
        ("supplementary", 0),
        ("temporary_id", 0),
        ("in_box", 0),
    ];
    let figures = figures
        .into_iter()
        .map(|(k, v)| (serde_json::from_value(serde_json::json!(k)).unwrap(), v))
        .collect();
    record
        .append(Event::FiguresRecorded { figures }, &at(-20))
        .unwrap();
    let seal = Seal::new(
        Timestamp::from_unix_seconds(evening.unix_seconds() - 600),
        vec![Signature::of(&chief)],
        vec![],
    );
    record.append(Event::Sealed(seal), &at(-10)).unwrap();
    drop(record);
    let results = export(&path);
    ok(&["verify", "--results", s(&results), "--record", s(&path)]);
}

#[test]
fn one_who_left_is_not_withdrawn_and_is_named_as_gone_when_signing() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("count.polltally");
    count_with_people(&record);
    let rec = s(&record);
    depart(rec, 3, "went home");
    // A withdrawal would take the departure off the posted form.
    let err = refused(&["withdraw", "--record", rec, "--seq", "3", "--reason", "x"]);
    assert!(
        err.contains("seq: the person of entry 3 already left (entry 8)"),
        "{err}"
    );
    record_figures(rec, [500, 497, 0, 3, 0, 0, 3]);
    let err = refused(&[
        "seal",
        "--record",
        rec,
        "--signed",
        "Chan Sophea:chief",
        "--refused",
        "Keo Rith:party_agent:not shown",
    ]);
    assert!(
        err.contains("refused[0]: \"Keo Rith\" left the count (entry 8)"),
        "{err}"
    );
    // Sealed without him: the form has no signature row for him, and lists
    // him as present and gone.
    ok(&["seal", "--record", rec, "--signed", "Chan Sophea:chief"]);
    let pdf = dir.path().join("form.pdf");
    ok(&["pdf", "--record", rec, "--out", s(&pdf)]);
    let pages = pdf_page_texts(&std::fs::read(&pdf).unwrap());
    let all = pages.join("\n");
    let signatures = all.find("Signatures").unwrap();
    let present = all.find("Present at the count").unwrap();
    let block = &all[signatures..present];
    assert!(!block.contains("Keo Rith"), "{block}");
    assert!(all[present..].contains("went home"), "{all}");
}
