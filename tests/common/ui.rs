//! The app under egui_kittest: a window of 1366x768 (or a size given) with
//! the app's fonts (kittest then refuses any glyph no font can draw) and a
//! fixed clock, and the steps the UI tests share.

use eframe::egui::{self, Key};
use egui::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use polltally::app::places::Places;
use polltally::app::{PolltallyApp, Settings, theme};
use polltally::domain::time::{FixedClock, Timestamp};
use std::path::Path;
use std::time::Duration;

/// The fixed clock of the UI tests: 2027-06-06T13:00:00Z, the evening of
/// the fixtures' election day.
pub const ELECTION_NIGHT: i64 = 1_812_286_800;

/// The app in a window of 1366x768 with the default settings.
pub fn harness(data_dir: &Path) -> Harness<'static, PolltallyApp> {
    harness_with(data_dir, (1366.0, 768.0), Settings::default())
}

/// The app in a window of `size` (width, height) with `settings`, its
/// records under `data_dir`.
pub fn harness_with(
    data_dir: &Path,
    size: (f32, f32),
    settings: Settings,
) -> Harness<'static, PolltallyApp> {
    let places = Places::new(data_dir.to_path_buf());
    Harness::builder()
        .with_size(egui::vec2(size.0, size.1))
        .with_context_setup(theme::install)
        .build_eframe(move |_cc| {
            // Election night: 2027-06-06T13:00:00Z, 20:00 in Phnom Penh, on
            // the fixtures' election day (a clock outside it would warn).
            let clock = FixedClock(Timestamp::from_unix_seconds(ELECTION_NIGHT));
            PolltallyApp::new(Box::new(clock), places, settings)
        })
}

/// The app in a window of 1366x768 with the default settings, its clock
/// fixed at `at` (seconds since 1970, UTC).
pub fn harness_at(data_dir: &Path, at: i64) -> Harness<'static, PolltallyApp> {
    let places = Places::new(data_dir.to_path_buf());
    Harness::builder()
        .with_size(egui::vec2(1366.0, 768.0))
        .with_context_setup(theme::install)
        .build_eframe(move |_cc| {
            let clock = FixedClock(Timestamp::from_unix_seconds(at));
            PolltallyApp::new(Box::new(clock), places, Settings::default())
        })
}

/// The app with the practice count (parties 1-12) open on Counting.
pub fn practice(dir: &Path) -> Harness<'static, PolltallyApp> {
    let mut h = harness(dir);
    h.run();
    h.get_by_label("Open the practice count").click();
    h.run();
    h
}

/// The key of the digit `n` (0-9).
pub fn digit(n: u32) -> Key {
    polltally::app::counting::DIGIT_KEYS[n as usize]
}

/// Presses each key in a frame of its own, the app running after each.
pub fn press(h: &mut Harness<'_, PolltallyApp>, keys: &[Key]) {
    for key in keys {
        h.key_press(*key);
        h.run();
    }
}

/// Every key given in one frame (pressed and released), then the app runs
/// until it settles. (The harness's own `key_press` gives each event a frame
/// of its own.)
pub fn burst(h: &mut Harness<'_, PolltallyApp>, keys: &[Key]) {
    for key in keys {
        for pressed in [true, false] {
            h.input_mut().events.push(egui::Event::Key {
                key: *key,
                physical_key: None,
                pressed,
                repeat: false,
                modifiers: egui::Modifiers::default(),
            });
        }
    }
    h.step();
    h.run();
}

/// The notice shown, if any, in the language of the screen.
pub fn notice(h: &Harness<'_, PolltallyApp>) -> Option<String> {
    let tr = h.state().tr();
    h.state().notice.as_ref().map(|n| n.text(tr))
}

/// Records a person present from the Station screen (which must be shown).
pub fn record_present(
    h: &mut Harness<'_, PolltallyApp>,
    name: &str,
    role: &str,
    party: Option<&str>,
) {
    type_into(h, "Full name", name);
    h.get_by_label(role).click();
    h.run();
    if let Some(party) = party {
        type_into(h, "Party number", party);
    }
    h.get_by_label("Record present").click();
    h.run();
}

/// Opens the count record at `record` from the Start screen (which must be
/// shown).
pub fn open_record(h: &mut Harness<'_, PolltallyApp>, record: &Path) {
    type_into(h, "Count record file", super::s(record));
    h.get_by_label("Open").click();
    h.run();
}

/// The app with the count record at `record` open, its records under `dir`.
pub fn open_count(dir: &Path, record: &Path) -> Harness<'static, PolltallyApp> {
    let mut h = harness(dir);
    h.run();
    open_record(&mut h, record);
    h
}

/// The app with a sealed count of the small fixture station (rulings 1, 2,
/// 2) at `dir`/count.polltally open on Results (F6).
pub fn sealed_on_results(dir: &Path) -> Harness<'static, PolltallyApp> {
    let record = dir.join("count.polltally");
    super::sealed_count(
        &super::fixture("station-small.json"),
        &record,
        &["1", "2", "2"],
    );
    let mut h = open_count(dir, &record);
    h.key_press(Key::F6);
    h.run();
    h
}

/// Opens the sealed count at `record` from the Start screen, goes to
/// Recount (F8) and starts a review ordered by the Provincial Election
/// Commission with the reason "complaint 4".
pub fn start_review(h: &mut Harness<'_, PolltallyApp>, record: &Path) {
    open_record(h, record);
    h.key_press(Key::F8);
    h.run();
    type_into(h, "Ordered by", "Provincial Election Commission");
    type_into(h, "Reason", "complaint 4");
    h.get_by_label("Start the recount").click();
    h.run();
}

/// Takes the click (or keys) just given, then steps the app until the work
/// it runs off the UI thread (forms, reports, tabulation, verification) has
/// finished and its outcome is on screen. Each step first waits for the
/// jobs' outcomes, up to a second, so that no frame races a thread; it gives
/// up after 120 steps.
pub fn finish_jobs(h: &mut Harness<'_, PolltallyApp>) {
    h.step();
    for _ in 0..120 {
        if h.state().jobs.busy().is_none() {
            h.run();
            return;
        }
        h.state_mut().jobs.wait(Duration::from_secs(1));
        h.step();
    }
    panic!("the app's background work did not finish within 120 steps");
}

/// Replaces the text of the field labelled `label` (of `role`).
pub fn retype(h: &mut Harness<'_, PolltallyApp>, role: Role, label: &str, text: &str) {
    h.get_by_role_and_label(role, label).focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    h.run();
    h.get_by_role_and_label(role, label).type_text(text);
    h.run();
}

/// Replaces the text of the one-line field labelled `label`.
pub fn type_into(h: &mut Harness<'_, PolltallyApp>, label: &str, text: &str) {
    retype(h, Role::TextInput, label, text);
}

/// The open count as it stands (a copy).
pub fn count_of(h: &Harness<'_, PolltallyApp>) -> polltally::domain::count::Count {
    h.state()
        .session
        .as_ref()
        .expect("a count is open")
        .record
        .count()
        .clone()
}
