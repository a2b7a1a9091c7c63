//! `polltally verify --qr`: the QR code of a photographed results form,
//! checked against the results file and the commune's results.
//!
//! The photos are made here, in Rust: the QR code is redrawn from the
//! squares the form's PDF draws, at their place and size on an A4 page at
//! 100 dpi (a phone at arm's length), then degraded as `tests/qr_photo.sh`
//! degrades a real rendering: rotated 4 degrees with a perspective, blurred,
//! noisy, its contrast squeezed to 15-85%, saved as JPEG.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{
    commune_station, export, fixture, ok, record_figures, rule_lines, run, s, sealed_count,
};
use image::{GrayImage, Luma};
use std::path::{Path, PathBuf};

/// The resolution of the photos, in dots per inch.
const DPI: f32 = 100.0;

/// The squares of the QR code on the first page of a PDF, in points from
/// the bottom left: (x, y, side).
fn qr_squares(pdf: &[u8]) -> Vec<(f32, f32, f32)> {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    let (_, page) = doc.get_pages().into_iter().next().unwrap();
    let content = lopdf::content::Content::decode(&doc.get_page_content(page)).unwrap();
    let mut inside = false;
    let mut squares = Vec::new();
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
    assert!(squares.len() > 100, "the QR code is drawn");
    squares
}

/// An A4 page at [`DPI`] with the squares drawn where the PDF draws them
/// (drawn at three times the resolution, then scaled down, as a camera
/// averages what falls on each pixel).
fn page_image(squares: &[(f32, f32, f32)]) -> GrayImage {
    let fine = DPI * 3.0 / 72.0;
    let (w, h) = (595.0_f32, 842.0_f32);
    let mut page = GrayImage::from_pixel((w * fine) as u32, (h * fine) as u32, Luma([255]));
    for &(x, y, side) in squares {
        let (x0, x1) = (
            (x * fine).round() as u32,
            ((x + side) * fine).round() as u32,
        );
        let (y0, y1) = (
            ((h - y - side) * fine).round() as u32,
            ((h - y) * fine).round() as u32,
        );
        for py in y0..y1 {
            for px in x0..x1 {
                page.put_pixel(px, py, Luma([0]));
            }
        }
    }
    let (pw, ph) = page.dimensions();
    image::imageops::resize(&page, pw / 3, ph / 3, image::imageops::FilterType::Triangle)
}

/// A phone's photo of `page`: rotated 4 degrees with the top edge 4%
/// narrower, blurred (sigma 1.5 pixels), Gaussian noise (sigma 10 grey
/// levels, seeded), the contrast squeezed to 15-85%.
fn photo(page: &GrayImage) -> GrayImage {
    let (w, h) = page.dimensions();
    let (cx, cy) = (w as f32 / 2.0, h as f32 / 2.0);
    let (sin, cos) = 4.0_f32.to_radians().sin_cos();
    let sample = |x: f32, y: f32| -> f32 {
        if x < 0.0 || y < 0.0 || x >= (w - 1) as f32 || y >= (h - 1) as f32 {
            return 255.0;
        }
        let (x0, y0) = (x.floor(), y.floor());
        let (fx, fy) = (x - x0, y - y0);
        let p = |dx: u32, dy: u32| f32::from(page.get_pixel(x0 as u32 + dx, y0 as u32 + dy).0[0]);
        (p(0, 0) * (1.0 - fx) + p(1, 0) * fx) * (1.0 - fy)
            + (p(0, 1) * (1.0 - fx) + p(1, 1) * fx) * fy
    };
    let mut out = GrayImage::new(w, h);
    for (x, y, pixel) in out.enumerate_pixels_mut() {
        // Back from the photo to the page: undo the perspective, then the
        // rotation.
        let squeeze = 1.0 - 0.08 * (1.0 - y as f32 / h as f32);
        let (dx, dy) = ((x as f32 - cx) / squeeze, y as f32 - cy);
        let (sx, sy) = (cx + dx * cos + dy * sin, cy - dx * sin + dy * cos);
        *pixel = Luma([sample(sx, sy) as u8]);
    }
    let mut out = image::imageops::blur(&out, 1.5);
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut uniform = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        ((seed >> 11) as f32 + 1.0) / (1u64 << 53) as f32
    };
    for pixel in out.pixels_mut() {
        let gauss = (-2.0 * uniform().ln()).sqrt() * (std::f32::consts::TAU * uniform()).cos();
        let v = f32::from(pixel.0[0]) + 10.0 * gauss;
        let squeezed = 0.15 * 255.0 + v.clamp(0.0, 255.0) * 0.70;
        pixel.0[0] = squeezed.round() as u8;
    }
    out
}

/// A photo of the first page of `form`, saved as `name` (JPEG) in `dir`.
fn photo_of_form(form: &Path, dir: &Path, name: &str) -> PathBuf {
    let squares = qr_squares(&std::fs::read(form).unwrap());
    let path = dir.join(name);
    photo(&page_image(&squares)).save(&path).unwrap();
    path
}

/// The form of `record`, copy `copy`, as a PDF beside it (made again
/// when asked again: `--force` replaces the earlier one).
fn form(record: &Path, copy: &str) -> PathBuf {
    let out = record.with_file_name(format!("form-{copy}.pdf"));
    ok(&[
        "pdf",
        "--record",
        s(record),
        "--copy",
        copy,
        "--out",
        s(&out),
        "--force",
    ]);
    out
}

/// A sealed count of station `code` in `dir`, and its results file.
fn count(dir: &Path, code: &str, name: &str, lines: &[&str]) -> (PathBuf, PathBuf) {
    let station = commune_station(dir, code, None);
    let sub = dir.join(name);
    std::fs::create_dir_all(&sub).unwrap();
    let record = sub.join("count.polltally");
    sealed_count(&station, &record, lines);
    let results = export(&record);
    (record, results)
}

const STATION: &str = "0101-01-0001";
/// Votes 2, 1, 1, 1 and one invalid ballot.
const COUNT: [&str; 6] = ["1", "1", "2", "3", "4", "I1"];
/// Another count of the same station: votes 1, 2, 1, 1.
const OTHER_COUNT: [&str; 6] = ["1", "2", "2", "3", "4", "I1"];

#[test]
fn a_photo_of_every_copy_matches_its_results_file_and_the_commune() {
    let dir = tempfile::tempdir().unwrap();
    let (record, results) = count(dir.path(), STATION, "one", &COUNT);
    let (_, neighbour) = count(dir.path(), "0101-01-0002", "two", &["1", "2"]);
    let commune = dir.path().join("commune.json");
    ok(&["tabulate", "--out", s(&commune), s(&results), s(&neighbour)]);
    let hash = polltally::domain::hash::Hash256::of(&std::fs::read(&results).unwrap());
    for copy in ["A", "B", "C"] {
        let photo = photo_of_form(&form(&record, copy), dir.path(), &format!("{copy}.jpg"));
        let r = ok(&["verify", "--qr", s(&photo), "--results", s(&results)]);
        assert!(
            r.stdout.contains(&format!(
                "ok: the QR code of {} matches {}: station {STATION}, results hash {hash}, votes of 4 parties",
                photo.display(),
                results.display()
            )),
            "{}",
            r.stdout
        );
        let r = ok(&["verify", "--qr", s(&photo), "--commune", s(&commune)]);
        assert!(r.stdout.contains("ok: the QR code of"), "{}", r.stdout);
        // With the stations' files, the commune file is checked first.
        ok(&[
            "verify",
            "--qr",
            s(&photo),
            "--commune",
            s(&commune),
            s(&results),
            s(&neighbour),
        ]);
    }
}

#[test]
fn a_photo_of_a_20_party_form_with_three_digit_votes_reads() {
    // The longest payload a 20-party count carries: every party's votes in
    // three digits, and three-digit invalid ballots.
    let dir = tempfile::tempdir().unwrap();
    let mut station: serde_json::Value =
        serde_json::from_slice(&std::fs::read(fixture("station-small.json")).unwrap()).unwrap();
    station["parties"] = (1..=20)
        .map(|n| {
            serde_json::json!({
                "number": n,
                "abbreviation": format!("P{n}"),
                "name": { "en": format!("Party {n}"), "km": format!("គណបក្ស {n}") }
            })
        })
        .collect();
    station["ballot_books"] = serde_json::json!([
        { "book": "T-1", "first_serial": 1, "last_serial": 2500 }
    ]);
    station["registered_voters"] = serde_json::json!(2400);
    let station_file = dir.path().join("station-20.json");
    std::fs::write(&station_file, serde_json::to_vec(&station).unwrap()).unwrap();
    let record = dir.path().join("count.polltally");
    let rec = s(&record);
    ok(&["new", "--station", s(&station_file), "--record", rec]);
    // 2,100 valid ballots and 120 invalid ones: 178 characters, QR
    // version 6.
    let ballots = 2220;
    record_figures(rec, [2500, 2500 - ballots, 0, ballots, 0, 0, ballots]);
    rule_lines(
        rec,
        (0..ballots).map(|i| {
            if i < 2100 {
                (i % 20 + 1).to_string()
            } else {
                "I1".into()
            }
        }),
    );
    common::seal_by_chief(rec);
    let results = export(&record);
    for copy in ["A", "B", "C"] {
        let photo = photo_of_form(&form(&record, copy), dir.path(), &format!("{copy}.jpg"));
        let r = ok(&["verify", "--qr", s(&photo), "--results", s(&results)]);
        assert!(r.stdout.contains("votes of 20 parties"), "{}", r.stdout);
        let squares = qr_squares(&std::fs::read(form(&record, copy)).unwrap());
        let width = (squares.iter().map(|q| q.0).fold(f32::MIN, f32::max)
            - squares.iter().map(|q| q.0).fold(f32::MAX, f32::min))
            / squares[0].2;
        assert_eq!(width.round() as usize + 1, 41, "version 6");
    }
}

#[test]
fn a_photo_checked_against_another_count_names_every_difference() {
    let dir = tempfile::tempdir().unwrap();
    let (record, results) = count(dir.path(), STATION, "one", &COUNT);
    let (_, other) = count(dir.path(), STATION, "other", &OTHER_COUNT);
    let (_, neighbour) = count(dir.path(), "0101-01-0002", "two", &["1", "2"]);
    let hash = |path: &Path| polltally::domain::hash::Hash256::of(&std::fs::read(path).unwrap());
    let photo = photo_of_form(&form(&record, "B"), dir.path(), "B.jpg");

    let r = run(&["verify", "--qr", s(&photo), "--results", s(&other)]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    for difference in [
        format!(
            "hash: the QR code says {}, the file says {}",
            hash(&results),
            hash(&other)
        ),
        "votes.1: the QR code says 2, the file says 1".to_string(),
        "votes.2: the QR code says 1, the file says 2".to_string(),
    ] {
        assert!(r.stderr.contains(&difference), "{difference}: {}", r.stderr);
    }
    assert!(!r.stderr.contains("votes.3"), "{}", r.stderr);

    // The commune counted the other count of this station.
    let commune = dir.path().join("commune.json");
    ok(&["tabulate", "--out", s(&commune), s(&other), s(&neighbour)]);
    let r = run(&["verify", "--qr", s(&photo), "--commune", s(&commune)]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("hash: the QR code says"), "{}", r.stderr);
    assert!(
        r.stderr
            .contains("votes.1: the QR code says 2, the file says 1"),
        "{}",
        r.stderr
    );

    // A commune without this station.
    let without = dir.path().join("without.json");
    ok(&["tabulate", "--out", s(&without), s(&neighbour)]);
    let r = run(&["verify", "--qr", s(&photo), "--commune", s(&without)]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains(&format!(
            "station \"{STATION}\" is not counted in the commune file"
        )),
        "{}",
        r.stderr
    );
}

#[test]
fn an_image_without_a_readable_qr_code_is_refused_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let (_, results) = count(dir.path(), STATION, "one", &COUNT);

    // A page of grey stripes: an image, but no code.
    let blank = dir.path().join("blank.png");
    GrayImage::from_fn(400, 300, |x, y| {
        Luma([((x / 7 + y / 11) % 2 * 200) as u8 + 30])
    })
    .save(&blank)
    .unwrap();
    let r = run(&["verify", "--qr", s(&blank), "--results", s(&results)]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr
            .contains(&format!("no readable QR code in {}", blank.display())),
        "{}",
        r.stderr
    );

    // No image at all.
    let r = run(&["verify", "--qr", s(&results), "--results", s(&results)]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains(&format!(
            "{} is not a PNG or JPEG image that can be read",
            results.display()
        )),
        "{}",
        r.stderr
    );

    // A QR code, but not polltally's.
    let (modules, width) = polltally::report::qr::modules("https://example.org/").unwrap();
    let scale = 8;
    let side = ((width + 8) * scale) as u32;
    let other = dir.path().join("other.png");
    GrayImage::from_fn(side, side, |x, y| {
        let (col, row) = ((x as usize / scale).checked_sub(4), (y as usize / scale).checked_sub(4));
        let dark = matches!((col, row), (Some(c), Some(r)) if c < width && r < width && modules[r * width + c]);
        Luma([if dark { 0 } else { 255 }])
    })
    .save(&other)
    .unwrap();
    let r = run(&["verify", "--qr", s(&other), "--results", s(&results)]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("the QR code holds \"https://example.org/\", not a polltally-qr/1 payload"),
        "{}",
        r.stderr
    );

    // --qr needs a file to check against.
    let r = run(&["verify", "--qr", s(&blank)]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains("--results <FILE>|--commune <FILE>") && !r.stderr.contains("--record"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_photo_of_a_count_the_commune_replaced_by_a_recount_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let (record, results) = count(dir.path(), STATION, "one", &COUNT);
    let recounted = dir.path().join("recount.polltally");
    assert_eq!(common::recount(&record, &recounted, "CEC", "full").code, 0);
    common::rule_lines(s(&recounted), OTHER_COUNT);
    common::seal_by_chief(s(&recounted));
    let recount_results = export(&recounted);
    let commune = dir.path().join("commune.json");
    ok(&[
        "tabulate",
        "--out",
        s(&commune),
        s(&results),
        s(&recount_results),
    ]);
    let recount_hash =
        polltally::domain::hash::Hash256::of(&std::fs::read(&recount_results).unwrap());

    let photo = photo_of_form(&form(&record, "B"), dir.path(), "B.jpg");
    let r = run(&["verify", "--qr", s(&photo), "--commune", s(&commune)]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains(&format!(
            "hash: the commune file counts a recount of this station instead (results hash {recount_hash})"
        )),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("votes.1: the QR code says 2, the file says 1"),
        "{}",
        r.stderr
    );
}

#[test]
fn the_code_is_printed_at_its_size_inside_a_white_quiet_zone_on_every_page() {
    use polltally::report::layout::{Item, PAGE_HEIGHT, PAGE_WIDTH, text_width};
    use polltally::report::qr::{QR_QUIET_MODULES, QR_SIZE_MM};
    let dir = tempfile::tempdir().unwrap();
    let (record, _) = count(dir.path(), STATION, "one", &COUNT);
    let practice = dir.path().join("practice.polltally");
    let rec = s(&practice);
    ok(&[
        "new",
        "--station",
        s(&common::sample_station()),
        "--record",
        rec,
    ]);
    record_figures(rec, [700, 696, 0, 4, 0, 0, 4]);
    rule_lines(rec, ["1", "2", "12", "I1"]);
    common::seal_by_chief(rec);
    for record in [record, practice] {
        let opened = polltally::store::Record::open(&record).unwrap();
        let doc = opened.results().unwrap();
        let def = opened.count().definition();
        let entries: Vec<_> = opened
            .journal()
            .unwrap()
            .into_iter()
            .map(|(_, body)| body)
            .collect();
        let ballots = polltally::domain::ballot::Numbering::default();
        let words = polltally::i18n::bilingual::Words::new(def.numerals);
        for copy in polltally::report::Copy::ALL {
            let pages = polltally::report::form::pages(
                &words,
                &doc,
                copy,
                &def.criteria,
                Some((&entries, &ballots)),
            )
            .unwrap();
            for (n, page) in pages.iter().enumerate() {
                let at = format!("{copy:?} page {}", n + 1);
                let codes: Vec<(f32, f32, f32, usize)> = page
                    .items
                    .iter()
                    .filter_map(|item| match item {
                        Item::Qr {
                            x, y, size, width, ..
                        } => Some((*x, *y, *size, *width)),
                        _ => None,
                    })
                    .collect();
                assert_eq!(codes.len(), 1, "{at}: one code");
                let (x, y, size, width) = codes[0];
                assert_eq!(size, QR_SIZE_MM, "{at}");
                let quiet = size / width as f32 * QR_QUIET_MODULES as f32;
                let zone = (x - quiet, y - quiet, x + size + quiet, y + size + quiet);
                assert!(
                    zone.0 >= 0.0 && zone.1 >= 0.0 && zone.2 <= PAGE_WIDTH && zone.3 <= PAGE_HEIGHT,
                    "{at}: the quiet zone {zone:?} is on the page"
                );
                let clear = |b: (f32, f32, f32, f32)| {
                    b.2 <= zone.0 || b.0 >= zone.2 || b.3 <= zone.1 || b.1 >= zone.3
                };
                for item in &page.items {
                    let b = match item {
                        Item::Text {
                            x,
                            y,
                            size,
                            bold,
                            text,
                            ..
                        } => {
                            let mm = size * 0.3528;
                            (
                                *x,
                                y - mm * 0.8,
                                x + text_width(text, *size, *bold),
                                y + mm * 0.25,
                            )
                        }
                        Item::Fill { x, y, w, h, .. } => (*x, *y, x + w, y + h),
                        Item::Line {
                            x1,
                            y1,
                            x2,
                            y2,
                            width,
                        } => (
                            x1.min(*x2) - width / 2.0,
                            y1.min(*y2) - width / 2.0,
                            x1.max(*x2) + width / 2.0,
                            y1.max(*y2) + width / 2.0,
                        ),
                        Item::Path { .. } => {
                            let a = item.area();
                            (a.left, a.top, a.right, a.bottom)
                        }
                        Item::Qr { .. } => continue,
                    };
                    assert!(clear(b), "{at}: {item:?} is inside the quiet zone {zone:?}");
                }
            }
        }
    }
}

/// Photos made by `tests/qr_photo.sh` (noise seeds 1 and 3) of copy A of a
/// 20-party practice form at 100 dpi (in grey, as JPEG), which zbarimg read
/// and `verify --qr` once did not: the reader now looks at a photo in turn
/// at several sizes and smoothings until a code reads.
#[test]
fn the_photo_pipelines_100_dpi_photos_of_a_20_party_form_read() {
    for (photo, results) in [
        ("photo-20-parties-100dpi.jpg", "photo-20-parties.json"),
        (
            "photo-20-parties-100dpi-seed3.jpg",
            "photo-20-parties-seed3.json",
        ),
    ] {
        let (photo, results) = (fixture(photo), fixture(results));
        let r = run(&["verify", "--qr", s(&photo), "--results", s(&results)]);
        assert_eq!(r.code, 0, "{}: {}", photo.display(), r.stderr);
        assert!(r.stdout.contains("votes of 20 parties"), "{}", r.stdout);
    }
}

/// A photo larger than a phone's (here 4,500 x 6,000 pixels, the 100 dpi
/// photo enlarged five times) is shrunk before its code is looked for, and
/// still reads.
#[test]
fn a_photo_larger_than_a_phones_reads() {
    let dir = tempfile::tempdir().unwrap();
    let small = image::open(fixture("photo-20-parties-100dpi.jpg"))
        .unwrap()
        .to_luma8();
    let (w, h) = small.dimensions();
    let large =
        image::imageops::resize(&small, w * 5, h * 5, image::imageops::FilterType::Triangle);
    let photo = dir.path().join("large.png");
    large.save(&photo).unwrap();
    let results = fixture("photo-20-parties.json");
    let r = run(&["verify", "--qr", s(&photo), "--results", s(&results)]);
    assert_eq!(r.code, 0, "{}", r.stderr);
}
