//! The CPU cost of one frame of the counting screen (building the view,
//! laying out and tessellating), with 0 and with 10,000 rulings in the
//! journal, alone and with the public display shown beside it (here drawn
//! inside the same window, as egui does without a second native window).
//! The frame must not grow with the journal: goal ratio <= 1.2.
//!
//! Run with `cargo bench --bench counting_frame`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::record_with_rulings;
use eframe::egui;
use polltally::app::command::AppCommand;
use polltally::app::places::Places;
use polltally::app::{PolltallyApp, Screen, Settings, theme};
use polltally::shell::clock::SystemClock;
use std::path::Path;
use std::time::{Duration, Instant};

const WARMUP: usize = 30;
const FRAMES: usize = 300;

/// A record of the practice station holding `rulings` rulings.
fn record_with(dir: &Path, rulings: usize) -> std::path::PathBuf {
    let path = dir.join(format!("count-{rulings}.polltally"));
    record_with_rulings(&path, rulings, 10);
    path
}

/// The median time of one counting-screen frame over the record at `path`,
/// with the public display shown or not, and the vertices the frame drew.
fn median_frame(dir: &Path, path: &Path, display: bool) -> (Duration, usize) {
    let ctx = egui::Context::default();
    theme::install(&ctx);
    let mut app = PolltallyApp::new(
        Box::new(SystemClock),
        Places::new(dir.to_path_buf()),
        Settings::default(),
    );
    app.apply(AppCommand::OpenRecord(path.to_path_buf()));
    app.apply(AppCommand::ShowScreen(Screen::Counting));
    // The frames timed are the counting screen over this record.
    assert_eq!(app.screen, Screen::Counting);
    assert!(app.session.is_some(), "{} did not open", path.display());
    if let Some(session) = app.session.as_mut() {
        session.counting.public_display = display;
    }
    let input = || egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1366.0, 768.0),
        )),
        ..Default::default()
    };
    let mut times = Vec::with_capacity(FRAMES);
    let mut vertices = 0;
    for i in 0..WARMUP + FRAMES {
        let start = Instant::now();
        let output = ctx.run_ui(input(), |ui| app.frame_ui(ui));
        let meshes = ctx.tessellate(output.shapes, output.pixels_per_point);
        vertices = meshes
            .iter()
            .map(|m| match &m.primitive {
                egui::epaint::Primitive::Mesh(mesh) => mesh.vertices.len(),
                egui::epaint::Primitive::Callback(_) => 0,
            })
            .sum::<usize>();
        std::hint::black_box(meshes);
        if i >= WARMUP {
            times.push(start.elapsed());
        }
    }
    // A frame that drew nothing would measure nothing.
    assert!(
        vertices > 5_000,
        "the counting screen drew only {vertices} vertices"
    );
    times.sort();
    (times[times.len() / 2], vertices)
}

fn main() {
    let base = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let dir = tempfile::tempdir_in(base).unwrap();
    let empty = record_with(dir.path(), 0);
    let full = record_with(dir.path(), 10_000);
    // The public display draws (here inside the counting screen's window).
    let alone = median_frame(dir.path(), &full, false).1;
    let both = median_frame(dir.path(), &full, true).1;
    assert!(
        both > alone + 2_000,
        "the public display drew only {} vertices",
        both.saturating_sub(alone)
    );
    // Alternate the measurements so that machine noise hits all alike.
    for display in [false, true] {
        let mut small = Vec::new();
        let mut large = Vec::new();
        for _ in 0..3 {
            small.push(median_frame(dir.path(), &empty, display).0);
            large.push(median_frame(dir.path(), &full, display).0);
        }
        small.sort();
        large.sort();
        let (a, b) = (small[1], large[1]);
        let what = if display {
            "counting frame + public display"
        } else {
            "counting frame"
        };
        println!(
            "{what}, 0 rulings:      median {:>7.3} ms",
            a.as_secs_f64() * 1e3
        );
        println!(
            "{what}, 10,000 rulings: median {:>7.3} ms",
            b.as_secs_f64() * 1e3
        );
        println!(
            "ratio: {:.3}  (goal <= 1.2)",
            b.as_secs_f64() / a.as_secs_f64()
        );
    }
}
