//! Results screen: the summary of the count (votes per party, invalid and
//! valid ballots per criterion, disputes, figures, checks with their
//! explanations) and what still stands before sealing.

use crate::app::reconciliation::{ReconciliationView, check_status_ui, check_text, figure_text};
use crate::app::{Session, theme};
use crate::domain::count::{Count, SealingGap};
use crate::domain::criteria::Validity;
use crate::i18n::{T, Tr};
use eframe::egui::{self, RichText};

/// A sealing gap as a sentence.
pub fn gap_text(tr: Tr, gap: &SealingGap) -> String {
    match gap {
        SealingGap::FigureMissing(figure) => tr.f(
            T::GapFigure,
            &[
                ("symbol", &figure.symbol()),
                ("name", &figure_text(tr, *figure)),
            ],
        ),
        SealingGap::Unexplained { check, difference } => tr.f(
            T::GapUnexplained,
            &[
                ("check", &check_text(tr, *check)),
                ("d", &theme::signed(*difference)),
            ],
        ),
        SealingGap::RulingIncomplete { ruled, in_box } => {
            tr.f(T::GapRuling, &[("ruled", ruled), ("in_box", in_box)])
        }
    }
}

fn totals_grid(ui: &mut egui::Ui, id: &str, rows: Vec<(String, u64)>, tr: Tr) {
    let total: u64 = rows.iter().map(|(_, n)| n).sum();
    egui::Grid::new(id)
        .striped(true)
        .num_columns(2)
        .show(ui, |ui| {
            for (label, n) in rows {
                ui.label(label);
                ui.label(RichText::new(n.to_string()).strong().size(22.0));
                ui.end_row();
            }
            ui.label(RichText::new(tr.t(T::Total)).strong());
            ui.label(RichText::new(total.to_string()).strong().size(22.0));
            ui.end_row();
        });
}

pub fn results_ui(ui: &mut egui::Ui, tr: Tr, session: &mut Session) {
    let count: &Count = session.record.count();
    let def = count.definition();
    let tally = count.tally();
    let lang = tr.lang.code();
    let recon = ReconciliationView::new(count);
    egui::ScrollArea::vertical().show(ui, |ui| {
        ui.heading(tr.t(T::ResultsTitle));
        ui.columns(2, |columns| {
            let ui = &mut columns[0];
            ui.label(RichText::new(tr.t(T::VotesPerParty)).strong());
            let votes = def
                .parties
                .iter()
                .map(|p| {
                    (
                        format!("{} {} {}", p.number, p.abbreviation, p.name.get(lang)),
                        tally.votes_for(p.number),
                    )
                })
                .collect();
            totals_grid(ui, "votes", votes, tr);

            let ui = &mut columns[1];
            ui.label(RichText::new(tr.t(T::InvalidPerCriterion)).strong());
            let invalid = def
                .criteria
                .of(Validity::Invalid)
                .map(|c| {
                    (
                        format!("{} {}", c.code, c.title.get(lang)),
                        tally.invalid().get(&c.code).copied().unwrap_or(0),
                    )
                })
                .collect();
            totals_grid(ui, "invalid", invalid, tr);
            ui.add_space(6.0);
            ui.label(RichText::new(tr.t(T::ValidPerCriterion)).strong());
            let valid = def
                .criteria
                .of(Validity::Valid)
                .map(|c| {
                    (
                        format!("{} {}", c.code, c.title.get(lang)),
                        tally
                            .valid_by_criterion()
                            .get(&c.code)
                            .copied()
                            .unwrap_or(0),
                    )
                })
                .collect();
            totals_grid(ui, "valid", valid, tr);
            ui.add_space(6.0);
            ui.label(
                RichText::new(format!(
                    "{}: {}",
                    tr.t(T::DisputedRulings),
                    tally.disputed()
                ))
                .strong(),
            );
        });
        ui.separator();
        ui.heading(tr.t(T::FiguresTitle));
        egui::Grid::new("result_figures")
            .striped(true)
            .show(ui, |ui| {
                for row in &recon.figures {
                    ui.label(RichText::new(row.figure.symbol()).strong());
                    ui.label(figure_text(tr, row.figure));
                    ui.label(
                        RichText::new(row.value.map_or("-".into(), |v| v.to_string())).strong(),
                    );
                    ui.end_row();
                }
                ui.label(RichText::new("I").strong());
                ui.label(tr.t(T::FigureIssued));
                ui.label(
                    RichText::new(recon.issued.map_or("-".into(), |i| i.to_string())).strong(),
                );
                ui.end_row();
            });
        ui.separator();
        ui.heading(tr.t(T::ChecksTitle));
        egui::Grid::new("result_checks")
            .striped(true)
            .show(ui, |ui| {
                for check in &recon.checks {
                    ui.label(check_text(tr, check.name));
                    check_status_ui(ui, tr, check);
                    ui.label(check.explanation.as_deref().unwrap_or(""));
                    ui.end_row();
                }
            });
        ui.separator();
        ui.heading(tr.t(T::SealingTitle));
        let gaps = count.sealing_gaps();
        if gaps.is_empty() {
            ui.label(
                RichText::new(tr.t(T::SealingReady))
                    .color(theme::HOLDS)
                    .strong(),
            );
        } else {
            ui.label(tr.t(T::SealingGaps));
            for gap in &gaps {
                ui.label(RichText::new(format!("- {}", gap_text(tr, gap))).color(theme::DIFFERS));
            }
        }
        ui.weak(tr.t(T::SealingNotYet));
    });
}
