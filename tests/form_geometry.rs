//! The printed forms checked as geometry over the page model: for every
//! copy, 1 to 20 parties, Western and Khmer numerals, recounts, and names
//! of 120 characters, every text run (its shaped width, from its ascent to
//! its descent) lies inside the margins, no two runs overlap, no two table
//! bands overlap, a run is either on a band or off it (never half painted
//! over), no run crosses a rule, and nothing enters the QR code or its quiet
//! zone. Labels are 8 pt or more and figures 12 pt or more; the results form
//! fits one page up to the limit stated on `report::form::pages`. The same
//! geometry holds for the ruling log annex, the comparison report and the
//! commune results.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use polltally::domain::ballot::Numbering;
use polltally::domain::comparison::{
    Change, ChangedRuling, Comparison, CriterionChange, LineStep, PartyChange, Totals,
};
use polltally::domain::criteria::CriteriaSet;
use polltally::domain::results::ResultsDocument;
use polltally::domain::tabulation::CommuneResults;
use polltally::domain::text::Numerals;
use polltally::i18n::bilingual::Words;
use polltally::journal::entry::EntryBody;
use polltally::report::layout::{Area, Item, MARGIN, PAGE_HEIGHT, PAGE_WIDTH, Page};
use polltally::report::{Copy, annex, commune_pages, comparison_pages, form};
use serde_json::{Value, json};

const NUMERALS: [Numerals; 2] = [Numerals::Western, Numerals::Khmer];

/// A name of exactly 120 characters, in words.
fn long_name(seed: &str) -> String {
    let mut name = String::new();
    while name.chars().count() < 120 {
        name.push_str(seed);
        name.push(' ');
    }
    name.chars().take(120).collect()
}

/// The shape of a results document to lay out.
#[derive(Clone, Copy, Debug)]
struct Shape {
    parties: usize,
    /// Commission members and party agents present.
    people: usize,
    long_names: bool,
    recount: bool,
    practice: bool,
    /// The votes of the first party (the others have a few more each).
    votes: u64,
}

/// A sealed results document of `shape`: three checks explained (one of
/// them differs), one refusal, large figures.
fn results(shape: Shape) -> ResultsDocument {
    let hash = |c: char| c.to_string().repeat(64);
    let party_name = |i: usize| {
        if shape.long_names {
            json!({"en": long_name("Party of the Long Name"), "km": long_name("គណបក្សឈ្មោះវែង")})
        } else {
            json!({"en": format!("Party {i} for Farmers' Progress"), "km": "គណបក្សយុត្តិធម៌ និងអភិវឌ្ឍន៍"})
        }
    };
    let parties: Vec<Value> = (1..=shape.parties)
        .map(|i| json!({"number": i, "abbreviation": format!("P{i:02}X"), "name": party_name(i)}))
        .collect();
    let votes: serde_json::Map<String, Value> = (1..=shape.parties)
        .map(|i| (i.to_string(), json!(shape.votes + 37 * i as u64)))
        .collect();
    let valid: u64 = (1..=shape.parties)
        .map(|i| shape.votes + 37 * i as u64)
        .sum();
    let person = |i: usize| {
        let name = if shape.long_names {
            long_name(&format!("Chan Sophea {i}"))
        } else {
            format!("Chan Sophea {i}")
        };
        match i {
            0 => json!({"name": name, "role": "chief"}),
            1 => json!({"name": name, "role": "secretary"}),
            2 => json!({"name": name, "role": "member"}),
            _ => json!({"name": name, "role": "party_agent", "party": 1 + i % shape.parties}),
        }
    };
    let people: Vec<Value> = (0..shape.people).map(person).collect();
    // Everyone arrived in the morning; the last one left before sealing.
    let presence: Vec<Value> = people
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let mut entry = p.clone();
            entry["seq"] = json!(2 + i);
            entry["arrived_at"] = json!("2027-06-06T00:30:00Z");
            if i + 1 == shape.people && i > 0 {
                entry["departed_at"] = json!("2027-06-06T11:45:00Z");
                entry["departure_reason"] =
                    json!("asked to leave by the station chief before the count");
            }
            entry
        })
        .collect();
    let signed: Vec<Value> = people
        .iter()
        .skip(1)
        .map(|p| json!({"name": p["name"], "role": p["role"]}))
        .collect();
    let refusal = people.first().map(|p| {
        json!({
            "name": p["name"],
            "role": p["role"],
            "reason": "The agent says two ballots of party 3 were ruled invalid without showing them to the agents"
        })
    });
    let explanation = "One voter put a ballot from the spare book into the box by mistake, as the chief saw and noted";
    let mut doc = json!({
        "format": "polltally-results/1",
        "practice": shape.practice,
        "notice": if shape.practice { json!("PRACTICE - NOT AN OFFICIAL RESULT") } else { Value::Null },
        "app_version": "0.1.0",
        "election": {"id": "cce-2027-practice", "date": "2027-06-06",
            "name": {"en": "Commune/Sangkat Council Elections 2027", "km": "ការបោះឆ្នោតជ្រើសរើសក្រុមប្រឹក្សាឃុំ សង្កាត់ ឆ្នាំ២០២៧"}},
        "station": {"code": "1804-03-0127", "commune_code": "180403",
            "name": {"en": "Boeung Chhouk Primary School, room 2", "km": "សាលាបឋមសិក្សាបឹងឈូក បន្ទប់ទី២"},
            "commune": {"en": "Boeung Chhouk", "km": "បឹងឈូក"},
            "district": {"en": "Phnum Thmei", "km": "ភ្នំថ្មី"},
            "province": {"en": "Preah Sovann", "km": "ព្រះសុវណ្ណ"}},
        "definition_hash": hash('e'),
        "registered_voters": 98765,
        "ballots_in_books": 99000,
        "council_seats": 9,
        "parties": parties,
        "figures": {"received": 99000, "unused": 8888, "spoiled": 77, "issued": 90035,
            "voters_marked": 90000, "supplementary": 35, "temporary_id": 1234, "in_box": 90036,
            "valid": valid, "invalid": 6543},
        "votes": votes,
        "invalid": {"I1": 1000, "I2": 2000, "I3": 3000, "I4": 43, "I5": 200, "I6": 300},
        "valid_by_criterion": {"V1": valid, "V2": 0, "V3": 0, "V4": 0},
        "disputed": 12,
        "voided": 3,
        "pile_counts": {},
        "checks": [
            {"name": "stock", "status": "holds", "difference": 0, "explanation": null},
            {"name": "issued_vs_voted", "status": "holds", "difference": 0, "explanation": explanation},
            {"name": "box_vs_issued", "status": "differs", "difference": 1, "explanation": explanation},
            {"name": "box_vs_rulings", "status": "holds", "difference": 0, "explanation": explanation},
            {"name": "ceiling", "status": "holds", "difference": 0, "explanation": null},
            {"name": "cross_check:1", "status": "differs", "difference": -2, "explanation": null},
            {"name": "cross_check:2", "status": "holds", "difference": 0, "explanation": null}
        ],
        "people_present": people,
        "signed": signed,
        "refused": refusal.into_iter().collect::<Vec<_>>(),
        "sealed_at": "2027-06-06T18:30:00Z",
        "complaint_days": 3,
        "complaint_deadline": "2027-06-09",
        "journal": {"entries": 1234, "head_hash": hash('a')},
        "presence": presence,
        "complaints_lodged": 0,
    });
    if shape.recount {
        doc["recount"] = json!({
            "original_results_hash": hash('b'),
            "authority": "Provincial Election Commission",
            "reason": "a complaint of party 3 about ballots ruled invalid",
            "mode": "review",
        });
    }
    serde_json::from_value(doc).expect("a results document")
}

/// What is wrong with the geometry of `pages`, one line a problem.
/// `figures` asks that every run of digits alone be 12 pt or more.
fn problems(what: &str, pages: &[Page], figures: bool) -> Vec<String> {
    let content = Area {
        left: MARGIN,
        top: MARGIN,
        right: PAGE_WIDTH - MARGIN,
        bottom: PAGE_HEIGHT - MARGIN,
    };
    let sheet = Area {
        left: 0.0,
        top: 0.0,
        right: PAGE_WIDTH,
        bottom: PAGE_HEIGHT,
    };
    let mut out = Vec::new();
    for (p, page) in pages.iter().enumerate() {
        let items = &page.items;
        // Each item's area once: a text's width is shaped.
        let areas: Vec<Area> = items.iter().map(Item::area).collect();
        let at = |i: usize| format!("{what}, page {}: {}", p + 1, describe(&items[i], areas[i]));
        let of = |kind: fn(&Item) -> bool| -> Vec<usize> {
            (0..items.len()).filter(|i| kind(&items[*i])).collect()
        };
        let texts = of(|i| matches!(i, Item::Text { .. }));
        let fills = of(|i| matches!(i, Item::Fill { .. }));
        let lines = of(|i| matches!(i, Item::Line { .. }));
        let qrs = of(|i| matches!(i, Item::Qr { .. }));
        for (i, item) in items.iter().enumerate() {
            match item {
                Item::Qr { x, y, size, .. } => {
                    let code = Area {
                        left: *x,
                        top: *y,
                        right: x + size,
                        bottom: y + size,
                    };
                    if !content.contains(&code) || !sheet.contains(&areas[i]) {
                        out.push(format!("{} leaves the page", at(i)));
                    }
                }
                _ => {
                    if !content.contains(&areas[i]) {
                        out.push(format!("{} leaves the margins", at(i)));
                    }
                }
            }
            if let Item::Text { size, text, .. } = item {
                if *size < 7.99 {
                    out.push(format!("{} is smaller than 8 pt", at(i)));
                }
                let digits = !text.is_empty()
                    && text
                        .chars()
                        .all(|c| c.is_ascii_digit() || ('០'..='៩').contains(&c));
                if figures && digits && *size < 11.99 {
                    out.push(format!("{} is a figure smaller than 12 pt", at(i)));
                }
            }
        }
        for (n, &a) in texts.iter().enumerate() {
            for &b in &texts[n + 1..] {
                if areas[a].overlaps(&areas[b]) {
                    out.push(format!("{} overlaps {}", at(a), at(b)));
                }
            }
            for &f in &fills {
                if areas[a].overlaps(&areas[f]) && !areas[f].contains(&areas[a]) {
                    out.push(format!("{} is half under the band {}", at(a), at(f)));
                }
            }
            for &l in &lines {
                if areas[a].overlaps(&areas[l]) {
                    out.push(format!("{} crosses the line {}", at(a), at(l)));
                }
            }
        }
        for (n, &a) in fills.iter().enumerate() {
            for &b in &fills[n + 1..] {
                if areas[a].overlaps(&areas[b]) {
                    out.push(format!("{} overlaps {}", at(a), at(b)));
                }
            }
        }
        for &q in &qrs {
            for i in (0..items.len()).filter(|i| *i != q) {
                if areas[q].overlaps(&areas[i]) {
                    out.push(format!("{} enters the QR code or its quiet zone", at(i)));
                }
            }
        }
    }
    out
}

fn describe(item: &Item, area: Area) -> String {
    match item {
        Item::Text { size, text, .. } => {
            let short: String = text.chars().take(50).collect();
            format!("text {short:?} at {size} pt {area:?}")
        }
        _ => format!("{area:?}"),
    }
}

fn assert_clean(problems: Vec<String>) {
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems[..problems.len().min(30)].join("\n")
    );
}

/// The pages of the results form of `doc`.
fn form_pages(doc: &ResultsDocument, copy: Copy, numerals: Numerals) -> Vec<Page> {
    form::pages(
        &Words::new(numerals),
        doc,
        copy,
        &CriteriaSet::default_set(),
        None,
    )
    .unwrap()
}

#[test]
fn every_results_form_lies_inside_its_margins_without_overlaps() {
    let mut all = Vec::new();
    for parties in 1..=20 {
        for (long_names, recount, practice) in [
            (false, false, true),
            (true, false, false),
            (false, true, false),
        ] {
            let shape = Shape {
                parties,
                people: 6,
                long_names,
                recount,
                practice,
                votes: 1000,
            };
            let doc = results(shape);
            for copy in Copy::ALL {
                for numerals in NUMERALS {
                    let pages = form_pages(&doc, copy, numerals);
                    all.extend(problems(
                        &format!("{shape:?} copy {copy:?} {numerals:?}"),
                        &pages,
                        true,
                    ));
                }
            }
        }
    }
    assert_clean(all);
}

/// The one-page limit stated on `report::form::pages`: with three checks
/// explained, a refusal and four people signing, the form of up to this
/// many parties fits one page (fewer on a practice form, whose header
/// holds PRACTICE).
const PARTIES_ON_ONE_PAGE: usize = 4;
const PARTIES_ON_ONE_PRACTICE_PAGE: usize = 2;
/// With four people present and the complaints section, the form takes two
/// pages up to this many parties, three past it.
const PARTIES_ON_TWO_PAGES: usize = 16;
const PARTIES_ON_TWO_PRACTICE_PAGES: usize = 15;

#[test]
fn the_form_fits_one_page_up_to_its_stated_limit_and_two_pages_past_it() {
    for parties in 1..=20 {
        for practice in [false, true] {
            let shape = Shape {
                parties,
                people: 4,
                long_names: false,
                recount: false,
                practice,
                votes: 100,
            };
            let limit = if practice {
                PARTIES_ON_ONE_PRACTICE_PAGE
            } else {
                PARTIES_ON_ONE_PAGE
            };
            let two_pages = if practice {
                PARTIES_ON_TWO_PRACTICE_PAGES
            } else {
                PARTIES_ON_TWO_PAGES
            };
            // A document made before presence and complaints were listed.
            let mut older = results(shape);
            older.presence.clear();
            older.complaints_lodged = None;
            for copy in Copy::ALL {
                for numerals in NUMERALS {
                    let pages = form_pages(&older, copy, numerals).len();
                    let fits = if parties <= limit {
                        pages == 1
                    } else {
                        pages <= 2
                    };
                    assert!(fits, "{pages} pages: {shape:?} copy {copy:?} {numerals:?}");
                    // With everyone present and the complaints listed: the
                    // first page still holds everything up to the last
                    // signature; the lists follow, on two pages in all.
                    let pages = form_pages(&results(shape), copy, numerals);
                    let most = if parties <= two_pages { 2 } else { 3 };
                    assert!(pages.len() <= most, "{} pages: {shape:?}", pages.len());
                    if parties <= limit {
                        let first = page_text(&pages[0]);
                        assert!(
                            first.contains("Chan Sophea 3") && first.contains("Signature"),
                            "signatures past page 1: {shape:?} copy {copy:?} {numerals:?}"
                        );
                    }
                }
            }
        }
    }
    // A practice recount of 20 parties with twelve people signing runs onto
    // a third page, framed alike.
    let shape = Shape {
        parties: 20,
        people: 12,
        long_names: false,
        recount: true,
        practice: true,
        votes: 1000,
    };
    let pages = form_pages(&results(shape), Copy::B, Numerals::Khmer);
    assert_eq!(pages.len(), 3);
    assert_clean(problems("20 parties, 12 people", &pages, true));
}

/// The texts of the page's runs, joined.
fn page_text(page: &Page) -> String {
    page.items
        .iter()
        .filter_map(|i| match i {
            Item::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn khmer_numerals_are_everywhere_on_the_form() {
    let shape = Shape {
        parties: 12,
        people: 4,
        long_names: false,
        recount: false,
        practice: false,
        votes: 1000,
    };
    let pages = form_pages(&results(shape), Copy::B, Numerals::Khmer);
    assert_eq!(pages.len(), 2);
    let text = page_text(&pages[0]);
    // Party numbers, figures, the election date, the complaint deadline, the
    // page number.
    for expected in [
        "១២",
        "១៤៤៤",
        "៩៨៧៦៥",
        "២០២៧-០៦-០៦",
        "២០២៧-០៦-០៩",
        "ទំព័រទី ១ នៃ ២",
        "Page ១ of ២",
    ] {
        assert!(
            text.contains(expected),
            "{expected} is not on the form:\n{text}"
        );
    }
    // No Western figure stands alone on the form.
    for item in &pages[0].items {
        if let Item::Text { text, .. } = item {
            assert!(
                !text.chars().all(|c| c.is_ascii_digit()),
                "{text} is in Western numerals"
            );
        }
    }
}

#[test]
fn the_signature_block_lists_everyone_present_with_a_line_and_a_box() {
    let shape = Shape {
        parties: 5,
        people: 5,
        long_names: false,
        recount: false,
        practice: false,
        votes: 1000,
    };
    let doc = results(shape);
    let pages = form_pages(&doc, Copy::B, Numerals::Western);
    let text = pages.iter().map(page_text).collect::<Vec<_>>().join("\n");
    for person in &doc.people_present {
        assert!(text.contains(person.name.as_str()), "{}", person.name);
    }
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains("ប្រធាន / Chief"), "{text}");
    assert!(text.contains("Party agent, 4 P04X"), "{text}");
    // What was declared in the app stays beside it.
    assert!(text.contains("refused to sign: The agent says"), "{text}");
    assert_eq!(text.matches("បានចុះហត្ថលេខា / signed").count(), 4, "{text}");
    // A line to sign on and a box of four lines for each person.
    let lines = pages[0]
        .items
        .iter()
        .filter(|i| matches!(i, Item::Line { .. }))
        .count();
    assert!(lines >= 5 * 5, "{lines} lines");
}

/// A sealed count of the sample station with rulings, voids, disputes and
/// long reasons, read back as the command line reads it.
fn sample_record(dir: &std::path::Path) -> std::path::PathBuf {
    let record = dir.join("count.polltally");
    let rec = s(&record);
    ok(&["new", "--station", s(&sample_station()), "--record", rec]);
    record_figures(rec, [700, 600, 0, 100, 0, 0, 100]);
    rule_lines(
        rec,
        (0..101).map(|i| match i % 9 {
            8 => "I3".to_string(),
            5 => format!("{} dispute=5,7", 1 + i % 12),
            _ => (1 + i % 12).to_string(),
        }),
    );
    let reason = long_name("keyed in error by the secretary");
    ok(&["void", "--record", rec, "--seq", "10", "--reason", &reason]);
    present(rec, "Chan Sophea", "chief", None);
    present(rec, &long_name("Keo Dara"), "party_agent", Some("3"));
    ok(&["seal", "--record", rec, "--signed", "Chan Sophea:chief"]);
    record
}

/// The sealed sample record's results, criteria, journal entries and
/// ballot numbers: what its annex is laid out from.
fn sample_annex(
    dir: &std::path::Path,
) -> (ResultsDocument, CriteriaSet, Vec<EntryBody>, Numbering) {
    let record = polltally::store::Record::open(&sample_record(dir)).unwrap();
    let doc = record.results().unwrap();
    let criteria = record.count().definition().criteria.clone();
    let entries: Vec<_> = record
        .journal()
        .unwrap()
        .into_iter()
        .map(|(_, b)| b)
        .collect();
    let ballots = annex::numbering(&entries);
    (doc, criteria, entries, ballots)
}

#[test]
fn the_annex_lies_inside_its_margins_without_overlaps() {
    let dir = tempfile::tempdir().unwrap();
    let (doc, criteria, entries, ballots) = sample_annex(dir.path());
    for copy in Copy::ALL {
        for numerals in NUMERALS {
            let pages = form::pages(
                &Words::new(numerals),
                &doc,
                copy,
                &criteria,
                Some((&entries, &ballots)),
            )
            .unwrap();
            assert!(pages.len() >= 3, "{} pages", pages.len());
            let (form, annex) = pages.split_at(1);
            assert_clean(problems(&format!("form {copy:?} {numerals:?}"), form, true));
            assert_clean(problems(
                &format!("annex {copy:?} {numerals:?}"),
                annex,
                false,
            ));
        }
    }
}

fn de<T: serde::de::DeserializeOwned>(value: Value) -> T {
    serde_json::from_value(value).unwrap()
}

/// A comparison of a review of `parties` parties with changed rulings.
fn comparison(parties: usize) -> Comparison {
    let step = |c: char| LineStep {
        results_hash: de(json!(c.to_string().repeat(64))),
        recount: None,
        votes: (1..=parties).map(|i| (i.to_string(), 12345)).collect(),
        valid: 90000,
        invalid: 5000,
    };
    let binding = json!({
        "original_results_hash": "b".repeat(64),
        "authority": long_name("Provincial Election Commission"),
        "reason": long_name("a complaint"),
        "mode": "review",
    });
    Comparison {
        format: "polltally-comparison/1".into(),
        practice: true,
        notice: Some("PRACTICE - NOT AN OFFICIAL RESULT".into()),
        election_id: de(json!("cce-2027-practice")),
        station_code: de(json!("1804-03-0127")),
        original_results_hash: de(json!("b".repeat(64))),
        recount_results_hash: de(json!("c".repeat(64))),
        recount: de(binding),
        parties: (1..=parties)
            .map(|i| PartyChange {
                number: i as u32,
                abbreviation: format!("P{i:02}X"),
                change: Change::new(12345, 12399),
            })
            .collect(),
        criteria: ["V1", "V2", "V3", "V4", "I1", "I2", "I3", "I4", "I5", "I6"]
            .iter()
            .map(|c| CriterionChange {
                code: c.to_string(),
                change: Change::new(1000, 999),
            })
            .collect(),
        totals: Totals {
            valid: Change::new(90000, 90054),
            invalid: Change::new(5000, 4946),
            in_box: Change::new(95000, 95000),
        },
        changed: (1..=30)
            .map(|i| ChangedRuling {
                ballot: de(json!(i)),
                original_seq: de(json!(i + 10)),
                recount_seq: de(json!(i + 200)),
                original: de(json!({"kind": "invalid", "criterion": "I4"})),
                recount: de(json!({"kind": "valid", "party": 1 + i % parties, "criterion": "V3"})),
            })
            .collect(),
        reviewed: 300,
        line: vec![step('b'), step('c')],
    }
}

#[test]
fn the_comparison_lies_inside_its_margins_without_overlaps() {
    for parties in 1..=20 {
        let pages = comparison_pages(&comparison(parties)).unwrap();
        assert_clean(problems(&format!("comparison of {parties}"), &pages, false));
    }
}

/// The commune results of `stations` stations and `parties` parties.
fn commune(parties: usize, stations: usize) -> CommuneResults {
    let votes: serde_json::Map<String, Value> = (1..=parties)
        .map(|i| (i.to_string(), json!(123_456 + i)))
        .collect();
    let seats: serde_json::Map<String, Value> = (1..=parties)
        .map(|i| (i.to_string(), json!(i % 3)))
        .collect();
    let station_rows: Vec<Value> = (1..=stations)
        .map(|i| {
            json!({"code": format!("1804-03-{i:04}"), "results_hash": "d".repeat(64),
                "recount_of": null, "valid": 98765, "invalid": 4321, "votes": votes})
        })
        .collect();
    let parties_json: Vec<Value> = (1..=parties)
        .map(|i| {
            json!({"number": i, "abbreviation": format!("P{i:02}X"),
            "name": {"en": long_name("Party of the Long Name"), "km": long_name("គណបក្សឈ្មោះវែង")}})
        })
        .collect();
    de(json!({
        "format": "polltally-commune/1",
        "practice": false,
        "notice": null,
        "election": {"id": "cce-2027-practice", "date": "2027-06-06",
            "name": {"en": long_name("Commune Council Elections"), "km": "ការបោះឆ្នោតជ្រើសរើសក្រុមប្រឹក្សាឃុំ"}},
        "commune_code": "180403",
        "commune": {"en": "Boeung Chhouk", "km": "បឹងឈូក"},
        "district": {"en": "Phnum Thmei", "km": "ភ្នំថ្មី"},
        "province": {"en": "Preah Sovann", "km": "ព្រះសុវណ្ណ"},
        "council_seats": 11,
        "tie_rule": "more_votes_then_lot",
        "parties": parties_json,
        "votes": votes,
        "seats": seats,
        "invalid": {"I1": 1},
        "figures": {"registered_voters": 999999, "received": 999999, "unused": 1, "spoiled": 1,
            "issued": 999997, "voters_marked": 999997, "supplementary": 0, "temporary_id": 0,
            "in_box": 999997, "valid": 999000, "invalid": 997, "disputed": 3},
        "stations": station_rows,
        "replaced": [],
        "missing_stations": ["1804-03-0999"],
        "allocation": (1..=11).map(|s| json!({"seat": s, "party": 1 + s % parties, "votes": 123456,
            "divisor": s, "quotient": "123456.000", "by_more_votes": s == 3})).collect::<Vec<_>>(),
        "ties": [{"seats": 1, "parties": [1, parties], "votes": 5, "divisor": 2, "quotient": "2.500"}],
    }))
}

#[test]
fn the_commune_results_lie_inside_their_margins_without_overlaps() {
    for parties in 1..=20 {
        for stations in [1, 40] {
            let pages = commune_pages(&commune(parties, stations)).unwrap();
            assert_clean(problems(
                &format!("commune of {parties} parties, {stations} stations"),
                &pages,
                false,
            ));
        }
    }
}

/// The text run on the first page that contains `needle`, and its area.
fn run_with(page: &Page, needle: &str) -> Area {
    page.items
        .iter()
        .find(|i| matches!(i, Item::Text { text, .. } if text.contains(needle)))
        .map(Item::area)
        .unwrap_or_else(|| panic!("no run with {needle}"))
}

/// The QR code's area with its quiet zone on the page.
fn qr_area(page: &Page) -> Area {
    page.items
        .iter()
        .find(|i| matches!(i, Item::Qr { .. }))
        .map(Item::area)
        .expect("a QR code")
}

#[test]
fn copy_as_destination_stays_clear_of_the_qr_code_and_inside_the_margin() {
    let shape = Shape {
        parties: 12,
        people: 4,
        long_names: false,
        recount: false,
        practice: true,
        votes: 100,
    };
    let pages = form_pages(&results(shape), Copy::A, Numerals::Western);
    for page in &pages {
        let footer = run_with(page, "Sealed");
        let qr = qr_area(page);
        assert!(footer.right <= qr.left, "{footer:?} runs into {qr:?}");
        assert!(footer.right <= PAGE_WIDTH - MARGIN);
        // The rest of that line wraps, inside the margin too.
        let rest = run_with(page, "Committee");
        assert!(rest.right <= qr.left, "{rest:?} runs into {qr:?}");
    }
}

#[test]
fn a_white_rows_figures_are_not_painted_over_by_the_next_rows_band() {
    let shape = Shape {
        parties: 12,
        people: 2,
        long_names: false,
        recount: false,
        practice: false,
        votes: 100,
    };
    let pages = form_pages(&results(shape), Copy::B, Numerals::Western);
    let bands: Vec<Area> = pages[0]
        .items
        .iter()
        .filter(|i| matches!(i, Item::Fill { .. }))
        .map(Item::area)
        .collect();
    assert_eq!(bands.len(), 6, "every other of 12 parties is shaded");
    // Party 2's votes (174) stand on a white row, wholly off every band;
    // party 1's (137) wholly on the first band.
    let exactly = |figure: &str| {
        pages[0]
            .items
            .iter()
            .find(|i| matches!(i, Item::Text { text, .. } if text == figure))
            .map(Item::area)
            .unwrap_or_else(|| panic!("no figure {figure}"))
    };
    let white = exactly("174");
    assert!(bands.iter().all(|b| !b.overlaps(&white)), "{white:?}");
    let shaded = exactly("137");
    assert!(bands.iter().any(|b| b.contains(&shaded)), "{shaded:?}");
}

#[test]
fn the_annex_title_and_column_headings_stay_on_the_page_and_apart() {
    let dir = tempfile::tempdir().unwrap();
    let (doc, criteria, entries, ballots) = sample_annex(dir.path());
    let pages = form::pages(
        &Words::default(),
        &doc,
        Copy::B,
        &criteria,
        Some((&entries, &ballots)),
    )
    .unwrap();
    let has = |page: &&Page, needle: &str| {
        page.items
            .iter()
            .any(|i| matches!(i, Item::Text { text, .. } if text.contains(needle)))
    };
    let annex = pages.iter().find(|p| has(p, "ឧបសម្ព័ន្ធ")).expect("the annex");
    let title = run_with(annex, "ឧបសម្ព័ន្ធ");
    assert!(title.right <= PAGE_WIDTH - MARGIN, "{title:?}");
    let entry = run_with(annex, "Entry");
    let time = run_with(annex, "Time");
    assert!(entry.right <= time.left, "{entry:?} runs into {time:?}");
}
