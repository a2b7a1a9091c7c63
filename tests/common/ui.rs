//! The app under egui_kittest: a window of 1366x768 with the app's fonts
//! (kittest then refuses any glyph no font can draw) and a fixed clock.

use eframe::egui::{self, Key};
use egui::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use polltally::app::places::Places;
use polltally::app::{PolltallyApp, Settings, theme};
use polltally::domain::time::{FixedClock, Timestamp};
use std::path::Path;
use std::time::Duration;

pub fn harness(data_dir: &Path) -> Harness<'static, PolltallyApp> {
    let places = Places::new(data_dir.to_path_buf());
    Harness::builder()
        .with_size(egui::vec2(1366.0, 768.0))
        .with_context_setup(theme::install)
        .build_eframe(move |_cc| {
            let clock = FixedClock(Timestamp::from_unix_seconds(1_812_000_000));
            PolltallyApp::new(Box::new(clock), places, Settings::default())
        })
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
