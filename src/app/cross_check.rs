//! Cross-check screen: after ruling, each party's pile is counted again and
//! compared with its ruling tally; differences stand out and take a written
//! explanation.

use crate::app::command::AppCommand;
use crate::app::reconciliation::{checks_after_ui, checks_panel_ui};
use crate::app::{Notice, Session, theme};
use crate::domain::count::Count;
use crate::domain::message::{Explain, Label, Message, P};
use crate::domain::party::PartyNumber;
use crate::domain::reconciliation::{Check, CheckName, CheckStatus};
use crate::i18n::{T, Tr};
use crate::journal::event::Event;
use eframe::egui::{self, RichText};
use std::collections::BTreeMap;

/// Pile counts being typed, and explanations being written.
#[derive(Debug, Clone, Default)]
pub struct CrossCheckState {
    pub typed: BTreeMap<PartyNumber, String>,
    pub explanations: BTreeMap<CheckName, String>,
}

/// One party's row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PileRow {
    pub party: PartyNumber,
    pub abbreviation: String,
    pub name: String,
    pub tally: u64,
    pub pile: Option<u64>,
    /// The party's cross-check, as the core computes it.
    pub status: CheckStatus,
}

/// What the cross-check screen shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CrossCheckView {
    pub rows: Vec<PileRow>,
    pub checks: Vec<Check>,
}

impl CrossCheckView {
    pub fn new(count: &Count, tr: Tr) -> CrossCheckView {
        let def = count.definition();
        let checks: Vec<Check> = count
            .checks()
            .into_iter()
            .filter(|c| matches!(c.name, CheckName::CrossCheck(_)))
            .collect();
        let status = |party: PartyNumber| {
            checks
                .iter()
                .find(|c| c.name == CheckName::CrossCheck(party))
                .map_or(CheckStatus::Pending, |c| c.status)
        };
        CrossCheckView {
            rows: def
                .parties
                .iter()
                .map(|p| PileRow {
                    party: p.number,
                    abbreviation: p.abbreviation.clone(),
                    name: p.name.get(tr.lang.code()).to_string(),
                    tally: count.tally().votes_for(p.number),
                    pile: count.piles().get(&p.number).copied(),
                    status: status(p.number),
                })
                .collect(),
            checks,
        }
    }
}

pub fn cross_check_ui(
    ui: &mut egui::Ui,
    tr: Tr,
    session: &mut Session,
    commands: &mut Vec<AppCommand>,
) {
    let count = session.record.count();
    let view = CrossCheckView::new(count, tr);
    let state = &mut session.cross_check;
    let beside = checks_panel_ui(
        ui,
        "cross_check_checks",
        0.42,
        tr,
        count,
        &view.checks,
        &mut state.explanations,
        commands,
    );
    egui::ScrollArea::vertical()
        .id_salt("piles")
        .show(ui, |ui| {
            ui.heading(tr.t(T::CrossTitle));
            let mut entered = false;
            egui::Grid::new("piles")
                .striped(true)
                .num_columns(6)
                .show(ui, |ui| {
                    for head in [
                        T::Number,
                        T::PartyName,
                        T::Tally,
                        T::PileCount,
                        T::NewValue,
                        T::Difference,
                    ] {
                        ui.label(RichText::new(tr.t(head)).strong());
                    }
                    ui.end_row();
                    for (i, row) in view.rows.iter().enumerate() {
                        let party_label = ui.label(
                            RichText::new(format!("{} {}", tr.num(row.party), row.abbreviation))
                                .strong()
                                .size(20.0),
                        );
                        ui.label(&row.name);
                        ui.label(RichText::new(tr.num(row.tally)).size(22.0).strong());
                        match row.pile {
                            Some(p) => ui.label(RichText::new(tr.num(p)).size(22.0).strong()),
                            None => ui.weak(tr.t(T::NotRecorded)),
                        };
                        let text = state.typed.entry(row.party).or_default();
                        let field = ui
                            .add(
                                egui::TextEdit::singleline(text)
                                    .hint_text(tr.f(T::PileField, &[("party", &row.party)]))
                                    .desired_width(160.0),
                            )
                            .labelled_by(party_label.id);
                        if i == 0 {
                            crate::app::focus::first_input(ui, &field);
                        }
                        if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                            entered = true;
                        }
                        match row.status {
                            CheckStatus::Holds => {
                                ui.label(RichText::new(tr.num(0)).color(theme::HOLDS).strong())
                            }
                            CheckStatus::Differs(d) => ui.label(
                                RichText::new(tr.difference(d))
                                    .color(theme::ON_COLOUR)
                                    .background_color(theme::DIFFERS)
                                    .strong()
                                    .size(22.0),
                            ),
                            CheckStatus::Pending => ui.label(""),
                        };
                        ui.end_row();
                    }
                });
            if ui.button(tr.t(T::RecordPiles)).clicked() || entered {
                record_piles(count, &view, &mut state.typed, commands);
            }
            checks_after_ui(
                ui,
                beside,
                tr,
                count,
                &view.checks,
                &mut state.explanations,
                commands,
            );
        });
}

/// Emits one pile-count event per changed, valid field; a bad field stops
/// and is named.
fn record_piles(
    count: &Count,
    view: &CrossCheckView,
    typed: &mut BTreeMap<PartyNumber, String>,
    commands: &mut Vec<AppCommand>,
) {
    let mut events = Vec::new();
    for row in &view.rows {
        let Some(text) = typed
            .get(&row.party)
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty())
        else {
            continue;
        };
        let parsed = text.parse::<u64>().map_err(|_| {
            Message::new(P::NotWholeNumber)
                .text("value", &text)
                .at("count")
                .labelled(Label::Pile(row.party.0))
        });
        let checked = parsed.and_then(|n| {
            count
                .check_pile(row.party, n)
                .map(|()| n)
                .map_err(|e| e.message().labelled(Label::Pile(row.party.0)))
        });
        match checked {
            Ok(n) if row.pile == Some(n) => {}
            Ok(n) => events.push((row.party, n)),
            Err(message) => {
                commands.push(AppCommand::Notify(Notice::problem(message)));
                return;
            }
        }
    }
    if events.is_empty() {
        commands.push(AppCommand::Notify(Notice::info(T::NothingChanged, vec![])));
    }
    for (party, n) in events {
        typed.remove(&party);
        commands.push(AppCommand::Append(Event::PileCount { party, count: n }));
    }
}
