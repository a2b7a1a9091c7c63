//! Tabulation screen: the commune election commission lists its stations'
//! results files, tabulates them, and saves the commune results (JSON and
//! PDF); the same checks and sums as `polltally tabulate`.

use crate::app::command::AppCommand;
use crate::app::jobs::Job;
use crate::app::theme;
use crate::domain::tabulation::CommuneResults;
use crate::i18n::{T, Tr};
use eframe::egui::{self, RichText};
use std::path::PathBuf;

/// The files typed and the last outcome.
#[derive(Debug, Clone, Default)]
pub struct TabulationState {
    /// One results file a line.
    pub files: String,
    /// Where the commune results go (`.json`; the PDF beside it).
    pub out: String,
    pub outcome: Option<Result<CommuneResults, crate::app::Said>>,
}

impl TabulationState {
    /// The files listed, one a line, blank lines left out.
    pub fn paths(&self) -> Vec<PathBuf> {
        self.files
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(PathBuf::from)
            .collect()
    }
}

pub fn tabulation_ui(
    ui: &mut egui::Ui,
    tr: Tr,
    state: &mut TabulationState,
    busy: Option<Job>,
    commands: &mut Vec<AppCommand>,
) {
    ui.heading(tr.t(T::TabFormTitle));
    ui.weak(tr.t(T::TabHint));
    ui.horizontal(|ui| {
        let label = ui.label(tr.t(T::TabFiles));
        ui.add(
            egui::TextEdit::multiline(&mut state.files)
                .desired_rows(6)
                .desired_width(640.0),
        )
        .labelled_by(label.id);
    });
    ui.horizontal(|ui| {
        let label = ui.label(tr.t(T::TabOut));
        ui.add(egui::TextEdit::singleline(&mut state.out).desired_width(560.0))
            .labelled_by(label.id);
    });
    if ui
        .add_enabled(
            busy.is_none(),
            egui::Button::new(RichText::new(tr.t(T::TabButton)).size(20.0)),
        )
        .clicked()
    {
        commands.push(AppCommand::Tabulate {
            files: state.paths(),
            out: PathBuf::from(state.out.trim()),
        });
    }
    ui.add_space(8.0);
    match &state.outcome {
        Some(Ok(c)) => commune_ui(ui, tr, c),
        Some(Err(said)) => {
            ui.label(
                RichText::new(said.text(tr))
                    .color(theme::DIFFERS)
                    .strong()
                    .size(18.0),
            );
        }
        None => {}
    }
}

fn commune_ui(ui: &mut egui::Ui, tr: Tr, c: &CommuneResults) {
    if c.practice {
        theme::practice_badge(ui, tr);
    }
    ui.label(RichText::new(tr.commune_title(c)).strong());
    for r in &c.replaced {
        ui.label(tr.replaced(r));
    }
    let missing = RichText::new(tr.missing_stations(c));
    match &c.missing_stations {
        Some(list) if !list.is_empty() => ui.label(missing.color(theme::DIFFERS)),
        _ => ui.label(missing),
    };
    egui::Grid::new("commune_totals")
        .striped(true)
        .num_columns(3)
        .show(ui, |ui| {
            ui.label("");
            ui.strong(tr.t(T::TabVotes));
            ui.strong(tr.t(T::TabSeats));
            ui.end_row();
            for p in &c.parties {
                let key = p.number.to_string();
                ui.label(format!(
                    "{} {}  {}",
                    p.number,
                    p.abbreviation,
                    p.name.get(tr.lang.code())
                ));
                ui.label(tr.num(c.votes.get(&key).copied().unwrap_or(0)));
                ui.label(
                    RichText::new(tr.num(c.seats.get(&key).copied().unwrap_or(0)))
                        .strong()
                        .size(18.0),
                );
                ui.end_row();
            }
        });
    for t in &c.ties {
        ui.label(RichText::new(tr.tie(t)).color(theme::DIFFERS).strong());
    }
    match c.hash() {
        Ok(hash) => ui.monospace(tr.f(T::TabHash, &[("hash", &hash)])),
        Err(err) => ui.label(RichText::new(tr.message(&err)).color(theme::DIFFERS)),
    };
}
