//! The CPU cost of one frame of the Training screen (laying out and
//! tessellating): a member ruling, and the scores with every card ruled
//! differently drawn, for a small round (20 cards, 3 members) and the
//! largest (500 cards, 50 members, every card ruled differently). The
//! ruling frame must not grow with the round (goal ratio <= 1.5); the
//! scores of the largest round must stay under 100 ms a frame.
//!
//! Run with `cargo bench --bench training_frame`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use eframe::egui;
use polltally::app::command::AppCommand;
use polltally::app::places::Places;
use polltally::app::training::Round;
use polltally::app::{PolltallyApp, Screen, Settings, theme};
use polltally::domain::criteria::CriterionCode;
use polltally::domain::free_text::FreeText;
use polltally::domain::practice::Mix;
use polltally::domain::ruling::Verdict;
use polltally::domain::station::StationFile;
use polltally::domain::training::TrainingSpec;
use polltally::journal::event::Event;
use polltally::shell::clock::SystemClock;
use polltally::store::Record;
use std::path::Path;
use std::time::{Duration, Instant};

const WARMUP: usize = 10;
const FRAMES: usize = 60;

/// A training round of the practice station: `cards` cards, `members`
/// members, the first ruling as expected and the others each calling one
/// card in two blank (so every card is ruled differently by someone).
fn round(dir: &Path, cards: u32, members: usize) -> std::path::PathBuf {
    let path = dir.join(format!("round-{cards}-{members}.polltally"));
    let station = StationFile::parse(polltally::app::places::SAMPLE_STATION.to_vec()).unwrap();
    let spec = TrainingSpec::new(3, cards, &Mix::default(), None);
    let mut record = Record::create_training(&path, station, spec, &SystemClock).unwrap();
    let deck = record.count().training().unwrap().deck.clone();
    let blank = Verdict::Invalid {
        criterion: CriterionCode::parse("I2").unwrap(),
    };
    for m in 0..members {
        let member = FreeText::parse("member", &format!("Member {m}")).unwrap();
        for card in &deck.cards {
            let verdict = if m > 0 && card.number as usize % 2 == m % 2 {
                blank.clone()
            } else {
                card.expected.clone()
            };
            record
                .append(
                    Event::TrainingAnswer {
                        member: member.clone(),
                        card: card.number,
                        verdict,
                    },
                    &SystemClock,
                )
                .unwrap();
        }
    }
    path
}

/// The median time of one Training-screen frame over the round at `path`,
/// a member ruling (`ruling`) or the scores shown.
fn median_frame(dir: &Path, path: &Path, ruling: bool) -> (Duration, usize) {
    let ctx = egui::Context::default();
    theme::install(&ctx);
    let mut app = PolltallyApp::new(
        Box::new(SystemClock),
        Places::new(dir.to_path_buf()),
        Settings::default(),
    );
    app.apply(AppCommand::OpenRecord(path.to_path_buf()));
    assert_eq!(app.screen, Screen::Training);
    let training = &mut app.session.as_mut().unwrap().training;
    if ruling {
        training.round = Some(Round {
            member: FreeText::parse("member", "Late member").unwrap(),
            card: 1,
        });
    } else {
        training.show_scores = true;
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
    assert!(vertices > 2_000, "the screen drew only {vertices} vertices");
    times.sort();
    (times[times.len() / 2], vertices)
}

fn main() {
    // Rounds are written where a commit costs no disk flush, when there is
    // such a place: the frames, not the writing, are measured.
    let base = if Path::new("/dev/shm").is_dir() {
        Path::new("/dev/shm").to_path_buf()
    } else {
        Path::new(env!("CARGO_TARGET_TMPDIR")).to_path_buf()
    };
    let dir = tempfile::tempdir_in(base).unwrap();
    let small = round(dir.path(), 20, 3);
    let large = round(dir.path(), 500, 50);
    let (ruling_small, _) = median_frame(dir.path(), &small, true);
    let (ruling_large, _) = median_frame(dir.path(), &large, true);
    let (scores_small, v_small) = median_frame(dir.path(), &small, false);
    let (scores_large, v_large) = median_frame(dir.path(), &large, false);
    let ratio = ruling_large.as_secs_f64() / ruling_small.as_secs_f64();
    println!("ruling frame, 20 cards x 3 members:    {ruling_small:?}");
    println!(
        "ruling frame, 500 cards x 50 members:  {ruling_large:?} (ratio {ratio:.2}, goal <= 1.5)"
    );
    println!("scores frame, 20 cards x 3 members:    {scores_small:?} ({v_small} vertices)");
    println!(
        "scores frame, 500 cards x 50 members:  {scores_large:?} ({v_large} vertices, goal < 100 ms)"
    );
    if ratio > 1.5 || scores_large > Duration::from_millis(100) {
        eprintln!("GOAL MISSED");
        std::process::exit(1);
    }
}
