//! Sealing, the results document, export, verify and the PDF forms, through
//! the real binary (and the library where the bytes are checked).

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use std::path::{Path, PathBuf};

/// Figures for the small fixture station (books hold 500 ballots).
fn figures(rec: &str, in_box: u64) {
    record_figures(rec, [500, 180, 0, 318, 2, 1, in_box]);
}

/// 20 rulings: parties 1-4 in turn, with I2 for every fifth ballot.
fn rulings(rec: &str) {
    rule_lines(
        rec,
        (0..20).map(|i| {
            if i % 5 == 4 {
                "I2".to_string()
            } else {
                (1 + i % 4).to_string()
            }
        }),
    );
}

/// A sealed count of the small station; returns its directory and record.
fn sealed() -> (tempfile::TempDir, PathBuf) {
    let (dir, record) = new_record(&fixture("station-small.json"));
    let rec = s(&record);
    figures(rec, 320);
    rulings(rec);
    ok(&[
        "explain",
        "--record",
        rec,
        "--check",
        "box_vs_rulings",
        "--text",
        "300 ballots to be ruled at the commune office",
    ]);
    present(rec, "Chan Sophea", "chief", None);
    present(rec, "Sok Dara", "secretary", None);
    present(rec, "Keo Rith", "party_agent", Some("3"));
    let r = ok(&[
        "seal",
        "--record",
        rec,
        "--signed",
        "Chan Sophea:chief",
        "--signed",
        "Sok Dara:secretary",
        "--refused",
        "Keo Rith:party_agent:the blank ballots were not shown",
    ]);
    assert!(r.stdout.contains("short code"), "{}", r.stdout);
    (dir, record)
}

#[test]
fn sealing_is_refused_with_the_list_of_what_is_missing() {
    let (_dir, record) = new_record(&fixture("station-small.json"));
    let rec = s(&record);
    let seal = |extra: &[&str]| {
        let mut args = vec!["seal", "--record", rec, "--signed", "Chan Sophea:chief"];
        args.extend_from_slice(extra);
        run(&args)
    };
    // Figures missing.
    let r = seal(&[]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("the count cannot be sealed yet"),
        "{}",
        r.stderr
    );
    for missing in [
        "R (received)",
        "U (unused)",
        "S (spoiled)",
        "V (voters_marked)",
        "T (supplementary)",
        "D (temporary_id)",
        "B (in_box)",
    ] {
        assert!(
            r.stderr.contains(&format!("{missing} is not recorded")),
            "{missing}: {}",
            r.stderr
        );
    }
    // A check that differs without an explanation, and ballots not all ruled.
    figures(rec, 22);
    ok(&["figures", "--record", rec, "--voters-marked", "300"]);
    rulings(rec);
    let r = seal(&[]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("issued_vs_voted differs by +18 and has no explanation"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("box_vs_issued differs by -298 and has no explanation"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("20 of the 22 ballots in the box are ruled"),
        "{}",
        r.stderr
    );
    ok(&[
        "explain",
        "--record",
        rec,
        "--check",
        "issued_vs_voted",
        "--text",
        "18 voters not ticked on the list",
    ]);
    ok(&[
        "explain",
        "--record",
        rec,
        "--check",
        "box_vs_issued",
        "--text",
        "ballots counted elsewhere",
    ]);
    let r = seal(&[]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("20 of the 22 ballots") && !r.stderr.contains("issued_vs_voted"),
        "{}",
        r.stderr
    );
    // Bad names.
    ok(&["rule", "--record", rec, "--party", "1"]);
    ok(&["rule", "--record", rec, "--party", "2"]);
    let r = run(&["seal", "--record", rec, "--signed", "Chan Sophea"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("signed: \"Chan Sophea\" is not NAME:ROLE"),
        "{}",
        r.stderr
    );
    let r = run(&[
        "seal",
        "--record",
        rec,
        "--signed",
        "Chan Sophea:chief",
        "--refused",
        "Keo Rith:agent",
    ]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("is not NAME:ROLE:REASON"), "{}", r.stderr);
    let r = run(&["seal", "--record", rec]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("--signed"), "{}", r.stderr);
    let before = show_json(&record)["entries"].clone();
    assert_eq!(before, 27);
    seal_by_chief(rec);
    let r = seal(&[]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("the count was sealed at entry 29"),
        "{}",
        r.stderr
    );
}

#[test]
fn after_the_seal_every_write_is_refused() {
    let (_dir, record) = sealed();
    let rec = s(&record);
    let before = show_json(&record);
    for args in [
        vec!["rule", "--record", rec, "--party", "1"],
        vec!["void", "--record", rec, "--seq", "3", "--reason", "late"],
        vec!["figures", "--record", rec, "--in-box", "20"],
        vec!["pile", "--record", rec, "--party", "1", "--count", "5"],
        vec![
            "explain", "--record", rec, "--check", "stock", "--text", "x",
        ],
        vec!["dispute", "--record", rec, "--seq", "3", "--party", "2"],
        vec![
            "present",
            "--record",
            rec,
            "--name",
            "Late Comer",
            "--role",
            "member",
        ],
    ] {
        let r = run(&args);
        assert_eq!(r.code, 2, "{args:?}");
        assert!(
            r.stderr.contains("was sealed at entry"),
            "{args:?}: {}",
            r.stderr
        );
    }
    assert_eq!(show_json(&record)["head_hash"], before["head_hash"]);

    // The core refuses too.
    let mut opened = polltally::store::Record::open(&record).unwrap();
    let ruling = polltally::domain::ruling::RulingRequest {
        choice: polltally::domain::ruling::RulingChoice::Party {
            party: 1,
            criterion: None,
        },
        disputed_by: vec![],
        note: None,
    }
    .resolve(opened.count().definition())
    .unwrap();
    let err = opened
        .append(
            polltally::journal::event::Event::Ruling(ruling),
            &polltally::shell::clock::SystemClock,
        )
        .unwrap_err();
    assert!(err.to_string().contains("was sealed at entry"), "{err}");
    drop(opened);

    // And so does the database, for an entry that follows the chain.
    let conn = rusqlite::Connection::open(&record).unwrap();
    let (seq, head): (i64, String) = conn
        .query_row(
            "SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let err = conn
        .execute(
            "INSERT INTO journal (seq, canonical, prev_hash, hash) VALUES (?1, x'7b7d', ?2, ?3)",
            rusqlite::params![seq + 1, head, "ab".repeat(32)],
        )
        .unwrap_err();
    assert!(err.to_string().contains("the count is sealed"), "{err}");
}

#[test]
fn exports_are_byte_identical_and_verify() {
    let (dir, record) = sealed();
    let rec = s(&record);
    let a = dir.path().join("a.json");
    let b = dir.path().join("b.json");
    let out_a = ok(&["export", "--record", rec, "--out", s(&a)]).stdout;
    ok(&["export", "--record", rec, "--out", s(&b)]);
    let bytes = std::fs::read(&a).unwrap();
    assert_eq!(bytes, std::fs::read(&b).unwrap());
    let hash = polltally::domain::hash::Hash256::of(&bytes);
    assert!(out_a.contains(&hash.to_hex()), "{out_a}");

    let doc: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(doc["format"], "polltally-results/1");
    assert_eq!(doc["station"]["code"], "0101-01-0001");
    assert_eq!(
        doc["votes"],
        serde_json::json!({"1": 4, "2": 4, "3": 4, "4": 4})
    );
    assert_eq!(doc["invalid"]["I2"], 4);
    assert_eq!(doc["signed"][1]["name"], "Sok Dara");
    assert_eq!(
        doc["refused"][0]["reason"],
        "the blank ballots were not shown"
    );
    assert_eq!(doc["practice"], false);
    assert_eq!(doc["notice"], serde_json::Value::Null);
    assert_eq!(doc["journal"]["head_hash"], show_json(&record)["head_hash"]);

    let r = ok(&["verify", "--results", s(&a)]);
    let code = polltally::domain::short_code::short_code(&hash);
    assert!(r.stdout.contains(&code), "{}", r.stdout);
    ok(&["verify", "--results", s(&a), "--record", rec]);
    ok(&[
        "verify",
        "--results",
        s(&a),
        "--code",
        &code.to_lowercase().replace('-', " "),
    ]);
}

fn edited(bytes: &[u8], edit: impl FnOnce(&mut serde_json::Value)) -> Vec<u8> {
    let mut v: serde_json::Value = serde_json::from_slice(bytes).unwrap();
    edit(&mut v);
    serde_jcs::to_vec(&v).unwrap()
}

#[test]
fn edited_truncated_foreign_and_forged_results_are_refused() {
    let (dir, record) = sealed();
    let rec = s(&record);
    let file = dir.path().join("results.json");
    ok(&["export", "--record", rec, "--out", s(&file)]);
    let bytes = std::fs::read(&file).unwrap();
    let write = |name: &str, bytes: &[u8]| -> PathBuf {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        p
    };

    // Truncated: not a results document at all.
    let truncated = write("truncated.json", &bytes[..bytes.len() / 2]);
    let r = run(&["verify", "--results", s(&truncated)]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("results file: EOF while parsing"),
        "{}",
        r.stderr
    );

    // One vote moved: its own sums no longer hold.
    let moved = write(
        "moved.json",
        &edited(&bytes, |v| v["votes"]["1"] = 5.into()),
    );
    let r = run(&["verify", "--results", s(&moved)]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains("figures.valid is 16, but the votes add up to 17"),
        "{}",
        r.stderr
    );

    // A vote moved with every sum adjusted: only the record (or the code) tells.
    let careful = write(
        "careful.json",
        &edited(&bytes, |v| {
            v["votes"]["1"] = 5.into();
            v["votes"]["2"] = 3.into();
        }),
    );
    ok(&["verify", "--results", s(&careful)]);
    let r = run(&["verify", "--results", s(&careful), "--record", rec]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains("votes.1: the results file says 5, the record says 4"),
        "{}",
        r.stderr
    );
    let real_code =
        polltally::domain::short_code::short_code(&polltally::domain::hash::Hash256::of(&bytes));
    let r = run(&["verify", "--results", s(&careful), "--code", &real_code]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("does not match this results file"),
        "{}",
        r.stderr
    );

    // Re-saved with spaces: not canonical.
    let pretty: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    let resaved = write(
        "pretty.json",
        serde_json::to_string_pretty(&pretty).unwrap().as_bytes(),
    );
    let r = run(&["verify", "--results", s(&resaved)]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("not in canonical form"), "{}", r.stderr);

    // Another station's results against this record.
    let (_other_dir, other) = {
        let (d, r) = new_record(&sample_station());
        let rr = s(&r);
        record_figures(rr, [700, 100, 0, 600, 0, 0, 1]);
        ok(&["rule", "--record", rr, "--party", "3"]);
        ok(&[
            "explain",
            "--record",
            rr,
            "--check",
            "box_vs_issued",
            "--text",
            "test",
        ]);
        seal_by_chief(rr);
        (d, r)
    };
    let foreign = dir.path().join("foreign.json");
    ok(&["export", "--record", s(&other), "--out", s(&foreign)]);
    let r = run(&["verify", "--results", s(&foreign), "--record", rec]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains("election.id: the results file is for election \"cce-2027-practice\""),
        "{}",
        r.stderr
    );

    // A forged or mistyped code.
    let r = run(&[
        "verify",
        "--results",
        s(&file),
        "--code",
        "0000-0000-0000-0000",
    ]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("does not match this results file"),
        "{}",
        r.stderr
    );
    let r = run(&["verify", "--results", s(&file), "--code", "12"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("has 2 characters, a short code has 16"),
        "{}",
        r.stderr
    );
    let r = run(&[
        "export",
        "--record",
        s(&new_record(&fixture("station-small.json")).1),
        "--out",
        s(&dir.path().join("x.json")),
    ]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("the count is not sealed"), "{}", r.stderr);
}

fn page_texts(pdf: &[u8]) -> Vec<String> {
    pdf_page_texts(pdf)
}

/// Rebuilds the QR code of the first page from its drawn squares and
/// decodes it.
fn decode_qr(pdf: &[u8]) -> String {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    let (_, page) = doc.get_pages().into_iter().next().unwrap();
    let content = lopdf::content::Content::decode(&doc.get_page_content(page)).unwrap();
    let mut inside = false;
    let mut squares: Vec<(f32, f32, f32)> = Vec::new();
    for op in &content.operations {
        match op.operator.as_str() {
            "BMC" if op.operands.first().and_then(|o| o.as_name().ok()) == Some(b"QR") => {
                inside = true
            }
            "EMC" => inside = false,
            "re" if inside => {
                let n: Vec<f32> = op.operands.iter().map(|o| o.as_float().unwrap()).collect();
                squares.push((n[0], n[1], n[2]));
            }
            _ => {}
        }
    }
    assert!(
        squares.len() > 100,
        "the QR code is drawn ({} squares)",
        squares.len()
    );
    let cell = squares[0].2;
    let min_x = squares.iter().map(|s| s.0).fold(f32::MAX, f32::min);
    let max_y = squares.iter().map(|s| s.1).fold(f32::MIN, f32::max);
    let cols = squares
        .iter()
        .map(|s| ((s.0 - min_x) / cell).round() as usize)
        .max()
        .unwrap()
        + 1;
    let rows = squares
        .iter()
        .map(|s| ((max_y - s.1) / cell).round() as usize)
        .max()
        .unwrap()
        + 1;
    let width = cols.max(rows);
    let (scale, quiet) = (4, 4);
    let size = (width + 2 * quiet) * scale;
    let mut dark = vec![false; size * size];
    for (x, y, _) in &squares {
        let col = ((x - min_x) / cell).round() as usize + quiet;
        let row = ((max_y - y) / cell).round() as usize + quiet;
        for dy in 0..scale {
            for dx in 0..scale {
                dark[(row * scale + dy) * size + col * scale + dx] = true;
            }
        }
    }
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(size, size, |x, y| {
        if dark[y * size + x] { 0 } else { 255 }
    });
    let grids = image.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code found");
    grids[0].decode().unwrap().1
}

fn pdf(record: &Path, out: &Path, copy: &str, annex: bool) -> Vec<u8> {
    let mut args = vec![
        "pdf",
        "--record",
        s(record),
        "--out",
        s(out),
        "--copy",
        copy,
    ];
    if annex {
        args.push("--annex");
    }
    ok(&args);
    std::fs::read(out).unwrap()
}

#[test]
fn the_form_carries_the_figures_the_hash_and_a_readable_qr_code() {
    let (dir, record) = sealed();
    let export = dir.path().join("results.json");
    ok(&["export", "--record", s(&record), "--out", s(&export)]);
    let bytes = std::fs::read(&export).unwrap();
    let hash = polltally::domain::hash::Hash256::of(&bytes);
    let doc: serde_json::Value = serde_json::from_slice(&bytes).unwrap();

    for copy in ["A", "B", "C"] {
        let form = pdf(
            &record,
            &dir.path().join(format!("form-{copy}.pdf")),
            copy,
            false,
        );
        let pages = page_texts(&form);
        // The first page holds everything up to the signatures; the people
        // present and the complaints follow.
        assert!(
            pages.len() <= 2,
            "the form of a 4-party station takes at most two pages"
        );
        assert!(pages.join("\n").contains("Present at the count"));
        let text = &pages[0];
        assert!(text.contains(&format!("COPY {copy}")), "{text}");
        assert!(text.contains("0101-01-0001"), "{text}");
        // The hash in its groups, in order: the footer prints four lines of
        // four groups above the QR code.
        let grouped = polltally::domain::hash::grouped(&hash.to_hex());
        let groups: Vec<&str> = grouped.split(' ').collect();
        for line in groups.chunks(4) {
            assert!(text.contains(&line.join(" ")), "{text}");
        }
        assert!(text.contains(&polltally::domain::short_code::short_code(&hash)));
        for party in doc["parties"].as_array().unwrap() {
            let n = doc["votes"][party["number"].to_string()].as_u64().unwrap();
            assert!(
                text.contains(&format!(
                    "{} {} / {}",
                    party["abbreviation"].as_str().unwrap(),
                    party["name"]["km"].as_str().unwrap(),
                    party["name"]["en"].as_str().unwrap()
                )),
                "{text}"
            );
            assert!(
                text.contains(&polltally::report::words::english(n)),
                "{text}"
            );
        }
        // The signature block: each name, its role, what was declared.
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            flat.contains("Chan Sophea ប្រធាន / Chief")
                && flat.contains("refused to sign: the blank ballots were not shown"),
            "{text}"
        );
        let deadline = doc["complaint_deadline"].as_str().unwrap();
        assert!(
            text.contains(deadline),
            "the complaint deadline {deadline} is printed: {text}"
        );
        let payload = decode_qr(&form);
        let hex = hash.to_hex().to_ascii_uppercase();
        assert_eq!(
            payload,
            format!(
                "polltally-qr/1 0101-01-0001 {hex} 4 4 4 4 I:{}",
                doc["figures"]["invalid"]
            )
        );
    }
}

#[test]
fn pdfs_of_the_same_record_are_byte_identical() {
    let (dir, record) = sealed();
    let a = pdf(&record, &dir.path().join("a.pdf"), "B", true);
    let b = pdf(&record, &dir.path().join("b.pdf"), "B", true);
    assert_eq!(a, b);
    // In one process too.
    let opened = polltally::store::Record::open(&record).unwrap();
    let doc = opened.results().unwrap();
    let def = opened.count().definition();
    let entries: Vec<_> = opened
        .journal()
        .unwrap()
        .into_iter()
        .map(|(_, body)| body)
        .collect();
    let form = || {
        polltally::report::results_pdf(
            &doc,
            &def.criteria,
            polltally::report::Copy::B,
            def.numerals,
            Some(&entries),
        )
        .unwrap()
    };
    let c = form();
    let d = form();
    assert_eq!(c, d);
    assert_eq!(a, c);
    // The copies differ only where they should.
    let other = pdf(&record, &dir.path().join("c.pdf"), "C", true);
    assert_ne!(a, other);
}

#[test]
fn the_annex_lists_every_entry_and_practice_is_marked_on_every_page() {
    let (dir, record) = new_record(&sample_station());
    let rec = s(&record);
    record_figures(rec, [700, 100, 0, 600, 0, 0, 150]);
    rule_lines(
        rec,
        (0..150).map(|i| {
            if i % 7 == 0 {
                "I3".to_string()
            } else {
                (1 + i % 12).to_string()
            }
        }),
    );
    ok(&[
        "void",
        "--record",
        rec,
        "--seq",
        "10",
        "--reason",
        "keyed in error",
    ]);
    ok(&["rule", "--record", rec, "--party", "5"]);
    ok(&[
        "explain",
        "--record",
        rec,
        "--check",
        "box_vs_issued",
        "--text",
        "450 ballots counted elsewhere",
    ]);
    seal_by_chief(rec);
    let export = dir.path().join("r.json");
    ok(&["export", "--record", rec, "--out", s(&export)]);
    let doc: serde_json::Value = serde_json::from_slice(&std::fs::read(&export).unwrap()).unwrap();
    assert_eq!(doc["practice"], true);
    assert_eq!(doc["notice"], "PRACTICE - NOT AN OFFICIAL RESULT");

    let form = pdf(&record, &dir.path().join("annex.pdf"), "B", true);
    let pages = page_texts(&form);
    assert!(pages.len() >= 3, "{} pages", pages.len());
    let total = pages.len();
    for (i, page) in pages.iter().enumerate() {
        assert!(
            page.contains("PRACTICE - NOT AN OFFICIAL RESULT"),
            "page {}",
            i + 1
        );
        assert!(
            page.contains(&format!("Page {} of {total}", i + 1)),
            "page {}",
            i + 1
        );
    }
    let annex = pages[1..].join("\n");
    // An entry's text wraps, narrower beside the QR code.
    let flat = annex.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("void of entry 10"), "{annex}");
    // Rulings, voids and disputes name the ballot by its number (entry 10
    // was ballot 8; the ruling after that older void is a new ballot, 151).
    assert!(flat.contains("void of entry 10 (ballot 8):"), "{annex}");
    assert!(flat.contains("ballot 151: valid: party 5"), "{annex}");
    assert!(flat.contains("keyed in error"), "{annex}");
    assert!(flat.contains("invalid: I3 More than one party"), "{annex}");
    assert!(
        flat.contains("count sealed; signed by Chan Sophea"),
        "{annex}"
    );
    // Each entry is a line of its own that starts with its seq ("10" is not
    // found inside "110").
    for seq in 1..=156 {
        let n = seq.to_string();
        assert!(
            annex
                .lines()
                .any(|l| l == n || l.starts_with(&format!("{n} "))),
            "entry {seq} missing"
        );
    }
}
