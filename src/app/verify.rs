//! Verify screen: a results file checked alone, against a count record, or
//! against the short code typed from a posted form; the same checks as
//! `polltally verify --results`.

use crate::app::command::AppCommand;
use crate::app::jobs::Job;
use crate::app::theme;
use crate::i18n::{T, Tr};
use crate::shell::verify::Verified;
use eframe::egui::{self, RichText};
use std::path::PathBuf;

/// The paths typed and the last outcome.
#[derive(Debug, Clone, Default)]
pub struct VerifyState {
    pub results: String,
    pub record: String,
    pub code: String,
    pub outcome: Option<Result<Verified, crate::app::Said>>,
}

fn field(ui: &mut egui::Ui, label: &str, value: &mut String) {
    ui.horizontal(|ui| {
        let label = ui.label(label);
        ui.add(egui::TextEdit::singleline(value).desired_width(560.0))
            .labelled_by(label.id);
    });
}

pub fn verify_ui(
    ui: &mut egui::Ui,
    tr: Tr,
    state: &mut VerifyState,
    busy: Option<Job>,
    commands: &mut Vec<AppCommand>,
) {
    ui.heading(tr.t(T::VerifyTitle));
    ui.weak(tr.t(T::VerifyHint));
    ui.add_space(6.0);
    field(ui, tr.t(T::ResultsFilePath), &mut state.results);
    field(ui, tr.t(T::RecordFileOptional), &mut state.record);
    field(ui, tr.t(T::CodeOptional), &mut state.code);
    if ui
        .add_enabled(
            busy.is_none(),
            egui::Button::new(RichText::new(tr.t(T::VerifyButton)).size(22.0)),
        )
        .clicked()
    {
        let optional = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_string());
        commands.push(AppCommand::Verify {
            results: PathBuf::from(state.results.trim()),
            record: optional(&state.record).map(PathBuf::from),
            code: optional(&state.code),
        });
    }
    ui.add_space(8.0);
    match &state.outcome {
        Some(Ok(v)) => {
            if v.practice {
                theme::practice_badge(ui, tr);
            }
            ui.label(
                RichText::new(tr.f(
                    T::VerifyMatches,
                    &[
                        ("station", &v.station),
                        ("election", &v.election),
                        ("code", &v.code),
                    ],
                ))
                .color(theme::HOLDS)
                .strong()
                .size(22.0),
            );
            ui.monospace(crate::domain::hash::grouped(&v.hash.to_hex()));
        }
        Some(Err(said)) => {
            ui.label(
                RichText::new(said.text(tr))
                    .color(theme::DIFFERS)
                    .strong()
                    .size(20.0),
            );
        }
        None => {}
    }
}
