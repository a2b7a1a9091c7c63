//! Khmer on the forms: every Khmer run is shaped (the glyph ids drawn are the
//! shaper's, not one glyph per character) and carries its text as
//! `/ActualText`, so extraction gives back the exact Khmer.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use polltally::report::shaping;
use std::path::PathBuf;

/// A sealed practice count of the sample station, and its form (copy B).
fn sample_form() -> (tempfile::TempDir, PathBuf, Vec<u8>) {
    let (dir, record) = new_record(&sample_station());
    let rec = s(&record);
    record_figures(rec, [700, 660, 0, 40, 0, 0, 40]);
    rule_lines(
        rec,
        (0..40).map(|i| {
            if i % 8 == 7 {
                "I1".to_string()
            } else {
                (1 + i % 12).to_string()
            }
        }),
    );
    seal_by_chief(rec);
    let out = dir.path().join("form.pdf");
    ok(&["pdf", "--record", rec, "--out", s(&out), "--copy", "B"]);
    let pdf = std::fs::read(&out).unwrap();
    (dir, record, pdf)
}

#[test]
fn extracted_text_holds_the_exact_khmer() {
    let (_dir, _record, pdf) = sample_form();
    let text = pdf_page_texts(&pdf).join("\n");
    for khmer in [
        "សាលាបឋមសិក្សាបឹងឈូក បន្ទប់ទី២",
        "គណបក្សទឹកស្អាត",
        "គណបក្សប្រជាធិបតេយ្យភូមិ",
        "គណបក្សយុត្តិធម៌ និងអភិវឌ្ឍន៍",
        "មិនមែនសន្លឹកឆ្នោតផ្លូវការ",
        "សន្លឹកឆ្នោតទទេ",
        "ច្រើនជាងមួយគណបក្ស",
        "លទ្ធផលនៃការរាប់សន្លឹកឆ្នោតនៅការិយាល័យបោះឆ្នោត",
        "សំឡេងឆ្នោតតាមគណបក្ស",
        "តួលេខដែលគណៈកម្មការរាប់",
    ] {
        assert!(
            text.contains(khmer),
            "{khmer} is not in the extracted text:\n{text}"
        );
    }
    // The English stays beside it.
    assert!(text.contains("Clean Water Party"));
    assert!(text.contains("Result of the count at the polling station"));
}

/// The glyph ids drawn inside the ActualText span of `run`.
fn glyphs_drawn_for(pdf: &[u8], run: &str) -> Option<Vec<u16>> {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    for (_, page) in doc.get_pages() {
        let content = lopdf::content::Content::decode(&doc.get_page_content(page)).unwrap();
        let mut inside = false;
        let mut ids = Vec::new();
        for op in &content.operations {
            match op.operator.as_str() {
                "BDC" => {
                    let actual = op.operands.get(1).and_then(|p| match p {
                        lopdf::Object::Dictionary(d) => d.get(b"ActualText").ok().cloned(),
                        _ => None,
                    });
                    if let Some(lopdf::Object::String(bytes, _)) = actual {
                        let units: Vec<u16> = bytes[2..]
                            .chunks(2)
                            .map(|c| u16::from_be_bytes([c[0], c[1]]))
                            .collect();
                        inside = String::from_utf16_lossy(&units) == run;
                        ids.clear();
                    }
                }
                "EMC" if inside => return Some(ids),
                "Tj" | "TJ" if inside => {
                    for operand in &op.operands {
                        let items: Vec<&lopdf::Object> = match operand {
                            lopdf::Object::Array(items) => items.iter().collect(),
                            other => vec![other],
                        };
                        for item in items {
                            if let lopdf::Object::String(bytes, _) = item {
                                ids.extend(
                                    bytes.chunks(2).map(|c| u16::from_be_bytes([c[0], c[1]])),
                                );
                            }
                        }
                    }
                }
                _ => {}
            }
        }
    }
    None
}

#[test]
fn the_glyphs_drawn_are_the_shapers_not_the_characters() {
    let (_dir, _record, pdf) = sample_form();
    for run in ["គណបក្សប្រជាធិបតេយ្យភូមិ", "គណបក្សទឹកស្អាត"]
    {
        let drawn = glyphs_drawn_for(&pdf, run).unwrap_or_else(|| panic!("no span for {run}"));
        let shaped: Vec<u16> = shaping::shape(shaping::Font::Khmer, run)
            .iter()
            .map(|g| g.id)
            .collect();
        assert_eq!(drawn, shaped, "{run}");
        // Unshaped text would be one glyph per character.
        assert_ne!(drawn.len(), run.chars().count(), "{run}");
    }
}

#[test]
fn figures_can_be_printed_in_khmer_numerals_without_changing_the_results() {
    let (dir, record, western) = sample_form();
    let out = dir.path().join("khmer.pdf");
    ok(&[
        "pdf",
        "--record",
        s(&record),
        "--out",
        s(&out),
        "--copy",
        "B",
        "--numerals",
        "khmer",
    ]);
    let khmer = std::fs::read(&out).unwrap();
    let text = pdf_page_texts(&khmer).join("\n");
    // 40 ballots in the box, 35 valid votes: ៤០ and ៣៥.
    assert!(text.contains("៤០"), "{text}");
    assert!(text.contains("៣៥"), "{text}");
    // The hash, the short code and the QR payload are those of the same results.
    let western_text = pdf_page_texts(&western).join("\n");
    let code_line = |t: &str| {
        t.lines()
            .find(|l| l.len() == 19 && l.matches('-').count() == 3)
            .map(str::to_string)
    };
    assert!(code_line(&western_text).is_some());
    assert_eq!(code_line(&text), code_line(&western_text));
    let r = run(&[
        "pdf",
        "--record",
        s(&record),
        "--out",
        s(&out),
        "--numerals",
        "roman",
    ]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("numerals: \"roman\" is not western or khmer"),
        "{}",
        r.stderr
    );
}

#[test]
fn every_font_of_the_form_is_embedded() {
    let (_dir, _record, pdf) = sample_form();
    let doc = lopdf::Document::load_mem(&pdf).unwrap();
    let resolve = |o: &lopdf::Object| -> lopdf::Dictionary {
        match o {
            lopdf::Object::Reference(id) => doc.get_dictionary(*id).unwrap().clone(),
            other => other.as_dict().unwrap().clone(),
        }
    };
    let mut embedded = Vec::new();
    for object in doc.objects.values() {
        let Ok(dict) = object.as_dict() else { continue };
        if dict.get(b"Type").and_then(|t| t.as_name()).ok() != Some(b"Font".as_slice()) {
            continue;
        }
        let subtype = dict.get(b"Subtype").and_then(|t| t.as_name()).unwrap();
        // No standard font that a viewer would substitute from its own.
        assert!(
            subtype == b"Type0" || subtype == b"CIDFontType2",
            "font subtype {}",
            String::from_utf8_lossy(subtype)
        );
        if subtype != b"Type0" {
            continue;
        }
        let descendants = dict.get(b"DescendantFonts").unwrap();
        let descendants = match descendants {
            lopdf::Object::Reference(id) => {
                doc.get_object(*id).unwrap().as_array().unwrap().clone()
            }
            other => other.as_array().unwrap().clone(),
        };
        for descendant in &descendants {
            let cid = resolve(descendant);
            let descriptor = resolve(cid.get(b"FontDescriptor").unwrap());
            assert!(descriptor.get(b"FontFile2").is_ok(), "a font file");
            embedded.push(
                String::from_utf8_lossy(dict.get(b"BaseFont").unwrap().as_name().unwrap())
                    .into_owned(),
            );
        }
    }
    embedded.sort();
    assert_eq!(
        embedded.len(),
        4,
        "Khmer and Latin, regular and bold: {embedded:?}"
    );
    assert!(!pdf.windows(9).any(|w| w == b"Helvetica"));
}
