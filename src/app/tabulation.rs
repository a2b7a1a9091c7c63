//! Tabulation screen: the commune election commission lists its stations'
//! results files (or count records) and the station files it issued, types
//! each station's short code from copy C of its form, tabulates, and saves
//! the commune results (JSON and PDF); the same checks and sums as
//! `polltally tabulate`.

use crate::app::command::AppCommand;
use crate::app::jobs::Job;
use crate::app::theme;
use crate::domain::identifier::StationCode;
use crate::domain::paper_codes::PaperCodes;
use crate::domain::tabulation::{CommuneResults, IssuedStation};
use crate::i18n::{T, Tr};
use crate::shell::tabulate::Inputs;
use eframe::egui::{self, RichText};
use std::path::PathBuf;

/// One issued station and the short code typed for it.
#[derive(Debug, Clone)]
pub struct IssuedRow {
    pub code: StationCode,
    pub name: crate::domain::text::LocalizedText,
    /// As typed from copy C of the station's form.
    pub typed: String,
}

/// The files typed, the issued stations read, and the last outcome.
#[derive(Debug, Clone, Default)]
pub struct TabulationState {
    /// One results file or count record a line.
    pub files: String,
    /// One issued station file or folder of them a line.
    pub stations: String,
    /// The issued stations read from `stations`, in code order.
    pub issued: Vec<IssuedRow>,
    /// Why the station files could not be read.
    pub issued_problem: Option<crate::app::Said>,
    /// Where the commune results go (`.json`; the PDF beside it).
    pub out: String,
    pub outcome: Option<Result<CommuneResults, crate::app::Said>>,
    /// A new outcome, to be scrolled into view once shown.
    pub reveal: bool,
}

/// The paths listed one a line, blank lines left out.
fn lines(text: &str) -> Vec<PathBuf> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(PathBuf::from)
        .collect()
}

impl TabulationState {
    /// The results files listed.
    pub fn paths(&self) -> Vec<PathBuf> {
        lines(&self.files)
    }

    /// The station files or folders listed.
    pub fn station_paths(&self) -> Vec<PathBuf> {
        lines(&self.stations)
    }

    /// Shows the issued stations read; a code already typed for a station
    /// still listed is kept.
    pub fn set_issued(&mut self, issued: &[IssuedStation]) {
        let mut rows: Vec<IssuedRow> = issued
            .iter()
            .map(|i| {
                let station = &i.station.definition().station;
                let typed = self
                    .issued
                    .iter()
                    .find(|row| row.code == station.code)
                    .map(|row| row.typed.clone())
                    .unwrap_or_default();
                IssuedRow {
                    code: station.code.clone(),
                    name: station.name.clone(),
                    typed,
                }
            })
            .collect();
        rows.sort_by(|a, b| a.code.cmp(&b.code));
        rows.dedup_by(|a, b| a.code == b.code);
        self.issued = rows;
        self.issued_problem = None;
    }

    /// What to tabulate: the codes typed (none when no field holds one).
    pub fn inputs(&self) -> Result<Inputs, crate::domain::message::Message> {
        let codes = PaperCodes::from_fields(
            self.issued
                .iter()
                .map(|row| (&row.code, row.typed.as_str())),
        )?;
        Ok(Inputs {
            results: self.paths(),
            stations: self.station_paths(),
            codes: (!codes.codes.is_empty()).then_some(codes),
        })
    }
}

pub fn tabulation_ui(
    ui: &mut egui::Ui,
    tr: Tr,
    state: &mut TabulationState,
    busy: Option<Job>,
    commands: &mut Vec<AppCommand>,
) {
    // A commune's stations, their codes and the outcome run past the window:
    // the whole screen scrolls.
    egui::ScrollArea::vertical()
        .id_salt("tabulation")
        .auto_shrink([false, false])
        .show(ui, |ui| tabulation_body_ui(ui, tr, state, busy, commands));
}

fn tabulation_body_ui(
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
                .desired_rows(4)
                .desired_width(640.0),
        )
        .labelled_by(label.id);
    });
    ui.horizontal(|ui| {
        let label = ui.label(tr.t(T::TabIssuedFiles));
        ui.add(
            egui::TextEdit::multiline(&mut state.stations)
                .desired_rows(2)
                .desired_width(480.0),
        )
        .labelled_by(label.id);
        if ui
            .add_enabled(
                busy.is_none() && !state.station_paths().is_empty(),
                egui::Button::new(tr.t(T::TabReadStations)),
            )
            .clicked()
        {
            commands.push(AppCommand::ReadIssued(state.station_paths()));
        }
    });
    codes_ui(ui, tr, state);
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
        match state.inputs() {
            Ok(inputs) => commands.push(AppCommand::Tabulate {
                inputs,
                out: PathBuf::from(state.out.trim()),
            }),
            Err(problem) => {
                state.outcome = Some(Err(crate::app::Said::Problem(problem)));
                state.reveal = true;
            }
        }
    }
    ui.add_space(8.0);
    let shown = match &state.outcome {
        Some(Ok(c)) => Some(commune_ui(ui, tr, c)),
        Some(Err(said)) => Some(
            ui.label(
                RichText::new(said.text(tr))
                    .color(theme::DIFFERS)
                    .strong()
                    .size(18.0),
            )
            .rect,
        ),
        None => None,
    };
    if let Some(rect) = shown
        && std::mem::take(&mut state.reveal)
    {
        ui.scroll_to_rect(rect, Some(egui::Align::TOP));
    }
}

/// A field a station for the short code on copy C of its form, each
/// checked as it is typed.
fn codes_ui(ui: &mut egui::Ui, tr: Tr, state: &mut TabulationState) {
    if let Some(problem) = &state.issued_problem {
        ui.label(
            RichText::new(problem.text(tr))
                .color(theme::DIFFERS)
                .strong(),
        );
    }
    if state.issued.is_empty() {
        ui.weak(tr.t(T::TabCodesNeedStations));
        return;
    }
    ui.label(tr.f(T::TabIssuedRead, &[("n", &tr.num(state.issued.len()))]));
    ui.weak(tr.t(T::TabCodesHint));
    let mut problems = Vec::new();
    egui::Grid::new("issued_codes")
        .striped(true)
        .num_columns(3)
        .show(ui, |ui| {
            ui.strong(tr.t(T::TabStationColumn));
            ui.strong(tr.t(T::TabCodeColumn));
            ui.label("");
            ui.end_row();
            for row in &mut state.issued {
                let label = ui
                    .scope(|ui| {
                        ui.set_max_width(340.0);
                        ui.add(
                            egui::Label::new(format!(
                                "{}  {}",
                                row.code,
                                row.name.get(tr.lang.code())
                            ))
                            .truncate(),
                        )
                    })
                    .inner;
                ui.add_sized(
                    [250.0, 24.0],
                    egui::TextEdit::singleline(&mut row.typed).font(egui::TextStyle::Monospace),
                )
                .labelled_by(label.id);
                match PaperCodes::from_fields([(&row.code, row.typed.as_str())]) {
                    Ok(codes) => match codes.codes.first() {
                        Some(code) => ui.monospace(&code.code),
                        None => ui.label(""),
                    },
                    Err(problem) => {
                        problems.push(problem);
                        ui.label(
                            RichText::new(tr.t(T::TabNotACode))
                                .color(theme::DIFFERS)
                                .strong(),
                        )
                    }
                };
                ui.end_row();
            }
        });
    for problem in problems {
        ui.label(RichText::new(tr.message(&problem)).color(theme::DIFFERS));
    }
}

/// The commune's outcome; returns where it was drawn.
fn commune_ui(ui: &mut egui::Ui, tr: Tr, c: &CommuneResults) -> egui::Rect {
    ui.scope(|ui| commune_body_ui(ui, tr, c)).response.rect
}

fn commune_body_ui(ui: &mut egui::Ui, tr: Tr, c: &CommuneResults) {
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
    for (line, problem) in tr.paper(c) {
        let text = RichText::new(line);
        if problem {
            ui.label(text.color(theme::DIFFERS));
        } else {
            ui.label(text);
        }
    }
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
