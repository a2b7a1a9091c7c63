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
