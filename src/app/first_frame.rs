//! Measuring the cold start: with `POLLTALLY_EXIT_AFTER_FIRST_FRAME` set,
//! the app writes on standard error how long after [`run`](crate::app::run)
//! began its first frame was on screen (when the second frame starts, so the
//! first was painted and shown), then closes the window. The packaging
//! tests time the installed build this way; nothing else uses it.

use eframe::egui;
use std::time::Instant;

/// The environment variable that asks for the measurement.
pub const VARIABLE: &str = "POLLTALLY_EXIT_AFTER_FIRST_FRAME";

/// An app that closes once its first frame has been shown.
pub struct FirstFrame<A> {
    pub app: A,
    pub started: Instant,
    frames: u32,
}

impl<A> FirstFrame<A> {
    pub fn new(app: A, started: Instant) -> FirstFrame<A> {
        FirstFrame {
            app,
            started,
            frames: 0,
        }
    }

    /// Whether the measurement was asked for.
    pub fn asked() -> bool {
        std::env::var_os(VARIABLE).is_some_and(|v| !v.is_empty())
    }
}

impl<A: eframe::App> eframe::App for FirstFrame<A> {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        self.frames = self.frames.saturating_add(1);
        if self.frames == 2 {
            eprintln!(
                "first frame shown after {} ms",
                self.started.elapsed().as_millis()
            );
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
        self.app.ui(ui, frame);
        ui.ctx().request_repaint();
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.app.save(storage);
    }
}
