//! Recount screen. On a sealed count: start a recount ordered by an
//! authority (full, or a review of the invalid and disputed ballots). On a
//! review: the ballots under review, each asked for by the ballot number
//! written on its back during the first count, and ruled again. On a sealed
//! recount: the comparison with its original, saved as JSON and PDF.

use crate::app::command::AppCommand;
use crate::app::counting::verdict_text;
use crate::app::jobs::Job;
use crate::app::{Notice, Session, theme};
use crate::domain::ballot::BallotNumber;
use crate::domain::comparison::Comparison;
use crate::domain::count::Count;
use crate::domain::message::{Explain, Label, Message, P};
use crate::domain::recount::RecountMode;
use crate::domain::rule_line::parse_rule_line;
use crate::domain::seq::Seq;
use crate::i18n::{T, Tr};
use crate::journal::event::Event;
use eframe::egui::{self, RichText};

/// What the user has typed on the screen.
#[derive(Debug, Clone)]
pub struct RecountState {
    pub authority: String,
    pub reason: String,
    pub mode: RecountMode,
    /// The ballot number typed (as written on the ballot's back).
    pub ballot: String,
    pub ruling: String,
    /// Put the cursor back in the ballot number field on the next frame.
    pub focus_seq: bool,
}

impl Default for RecountState {
    fn default() -> RecountState {
        RecountState {
            authority: String::new(),
            reason: String::new(),
            mode: RecountMode::Review,
            ballot: String::new(),
            ruling: String::new(),
            focus_seq: true,
        }
    }
}

/// A ballot under review, as the screen lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewRow {
    /// The ballot's number in the original, written on its back.
    pub ballot: BallotNumber,
    /// Its ruling's seq in the original (the record's address, not shown).
    pub original_seq: Seq,
    pub original: String,
    /// The new ruling and its seq, once ruled again.
    pub again: Option<(Seq, String)>,
}

/// The ballots under review of a review recount, in original order.
pub fn review_rows(count: &Count, tr: Tr) -> Vec<ReviewRow> {
    let Some(state) = count.recount() else {
        return Vec::new();
    };
    state
        .to_review
        .iter()
        .map(|(seq, record)| {
            let mut original = verdict_text(tr, count, &record.ruling.verdict);
            if record.is_disputed() {
                let parties: Vec<String> = record.disputants().map(|p| tr.num(p)).collect();
                original.push_str(&format!(
                    "; {}",
                    tr.f(T::DisputedBy, &[("parties", &parties.join(", "))])
                ));
            }
            let again = state.reviewed.get(seq).and_then(|new| {
                let ruling = &count.rulings().get(new)?.ruling;
                Some((*new, verdict_text(tr, count, &ruling.verdict)))
            });
            ReviewRow {
                ballot: record.ballot,
                original_seq: *seq,
                original,
                again,
            }
        })
        .collect()
}

fn field(ui: &mut egui::Ui, label: &str, value: &mut String, width: f32) -> egui::Response {
    ui.horizontal(|ui| {
        let label = ui.label(label);
        ui.add(egui::TextEdit::singleline(value).desired_width(width))
            .labelled_by(label.id)
    })
    .inner
}

pub fn recount_ui(
    ui: &mut egui::Ui,
    tr: Tr,
    session: &mut Session,
    busy: Option<Job>,
    commands: &mut Vec<AppCommand>,
) {
    let count = session.record.count();
    if let Some(recount) = count.recount() {
        let b = &recount.binding;
        ui.heading(RichText::new(tr.t(T::FormRecount)).color(theme::DIFFERS));
        ui.label(tr.f(
            T::FormRecountOf,
            &[
                ("mode", &tr.recount_mode(b.mode)),
                ("authority", &b.authority),
                ("reason", &b.reason),
            ],
        ));
        ui.monospace(format!(
            "{}{} {}",
            tr.t(T::FormOriginalResults),
            tr.colon(),
            crate::domain::hash::grouped(&b.original_results_hash.to_hex())
        ));
        ui.add_space(8.0);
    }
    match (count.recount(), count.seal()) {
        (Some(recount), None) if recount.binding.mode == RecountMode::Review => {
            review_ui(ui, tr, count, &mut session.recount, commands);
        }
        (Some(_), None) => {
            ui.label(tr.t(T::RecountFullHint));
        }
        (Some(_), Some(_)) => comparison_ui(ui, tr, session.comparison(), busy, commands),
        (None, Some(_)) => start_ui(ui, tr, &mut session.recount, commands),
        (None, None) => {
            ui.label(tr.t(T::RecountNeedsSeal));
        }
    }
}

fn start_ui(ui: &mut egui::Ui, tr: Tr, state: &mut RecountState, commands: &mut Vec<AppCommand>) {
    ui.heading(tr.t(T::RecountStartTitle));
    ui.weak(tr.t(T::RecountStartHint));
    field(ui, tr.t(T::RecountAuthority), &mut state.authority, 420.0);
    field(ui, tr.t(T::RecountReason), &mut state.reason, 420.0);
    ui.horizontal(|ui| {
        for mode in [RecountMode::Review, RecountMode::Full] {
            ui.radio_value(&mut state.mode, mode, tr.recount_mode(mode));
        }
    });
    if ui
        .button(RichText::new(tr.t(T::RecountStart)).size(20.0))
        .clicked()
    {
        commands.push(AppCommand::StartRecount {
            authority: state.authority.trim().to_string(),
            reason: state.reason.trim().to_string(),
            mode: state.mode,
        });
    }
}

fn review_ui(
    ui: &mut egui::Ui,
    tr: Tr,
    count: &Count,
    state: &mut RecountState,
    commands: &mut Vec<AppCommand>,
) {
    let rows = review_rows(count, tr);
    let done = rows.iter().filter(|r| r.again.is_some()).count();
    ui.heading(tr.f(
        T::ReviewProgress,
        &[("done", &tr.num(done)), ("of", &tr.num(rows.len()))],
    ));
    ui.weak(tr.t(T::ReviewHint));
    let seq_field = field(ui, tr.t(T::ReviewSeq), &mut state.ballot, 120.0);
    if std::mem::take(&mut state.focus_seq) {
        seq_field.request_focus();
    }
    let ruling_field = field(ui, tr.t(T::ReviewRuling), &mut state.ruling, 200.0);
    let entered = (seq_field.lost_focus() || ruling_field.lost_focus())
        && ui.input(|i| i.key_pressed(egui::Key::Enter));
    if ui.button(tr.t(T::ReviewRecord)).clicked() || entered {
        match review_event(count, state) {
            Ok(event) => {
                commands.push(AppCommand::Append(event));
                state.ballot.clear();
                state.ruling.clear();
                state.focus_seq = true;
            }
            Err(message) => commands.push(AppCommand::Notify(Notice::problem(message))),
        }
    }
    ui.add_space(6.0);
    egui::ScrollArea::vertical().show(ui, |ui| {
        egui::Grid::new("review_rows")
            .striped(true)
            .num_columns(3)
            .show(ui, |ui| {
                ui.strong(tr.t(T::ReviewSeq));
                ui.strong(tr.t(T::CmpOriginal));
                ui.strong(tr.t(T::CmpRecount));
                ui.end_row();
                for row in &rows {
                    ui.label(RichText::new(tr.num(row.ballot)).monospace().size(18.0));
                    ui.label(&row.original);
                    match &row.again {
                        Some((_, text)) => ui.label(RichText::new(text).color(theme::HOLDS)),
                        None => ui.weak(tr.t(T::Pending)),
                    };
                    ui.end_row();
                }
            });
    });
}

/// The event the typed ballot number and ruling ask for, checked against
/// the count. Problems with what was typed name the field by its label on
/// the screen.
fn review_event(count: &Count, state: &RecountState) -> Result<Event, Message> {
    let typed = state.ballot.trim();
    let ballot = typed.parse::<u64>().map(BallotNumber).map_err(|_| {
        Message::new(P::NotBallotNumber)
            .quoted("value", typed)
            .at("ballot")
            .labelled(Label::Ballot)
    })?;
    let request = parse_rule_line(&state.ruling)
        .map_err(|e| e.at("ruling").labelled(Label::Ruling))?
        .ok_or_else(|| {
            Message::new(P::MustNotBeEmpty)
                .at("ruling")
                .labelled(Label::Ruling)
        })?;
    let ruling = request
        .resolve(count.definition())
        .map_err(|e| e.message())?;
    let original = count.review_target(ballot).map_err(|e| e.message())?;
    count
        .check_review(original, &ruling)
        .map_err(|e| e.message())?;
    Ok(Event::Review {
        original_seq: original,
        ruling,
    })
}

fn comparison_ui(
    ui: &mut egui::Ui,
    tr: Tr,
    comparison: Option<&Comparison>,
    busy: Option<Job>,
    commands: &mut Vec<AppCommand>,
) {
    let Some(c) = comparison else {
        return;
    };
    ui.horizontal(|ui| {
        ui.heading(tr.t(T::CmpFormTitle));
        if ui
            .add_enabled(busy.is_none(), egui::Button::new(tr.t(T::CmpSave)))
            .clicked()
        {
            commands.push(AppCommand::SaveComparison);
        }
    });
    egui::ScrollArea::vertical().show(ui, |ui| comparison_body_ui(ui, tr, c));
}

fn comparison_body_ui(ui: &mut egui::Ui, tr: Tr, c: &Comparison) {
    egui::Grid::new("comparison")
        .striped(true)
        .num_columns(4)
        .show(ui, |ui| {
            ui.label("");
            ui.strong(tr.t(T::CmpOriginal));
            ui.strong(tr.t(T::CmpRecount));
            ui.strong(tr.t(T::CmpDifference));
            ui.end_row();
            let row = |ui: &mut egui::Ui, label: String, ch: &crate::domain::comparison::Change| {
                ui.label(label);
                ui.label(tr.num(ch.original));
                ui.label(tr.num(ch.recount));
                let color = if ch.difference == 0 {
                    ui.visuals().text_color()
                } else {
                    theme::DIFFERS
                };
                ui.label(
                    RichText::new(tr.difference(ch.difference))
                        .color(color)
                        .strong(),
                );
                ui.end_row();
            };
            for p in &c.parties {
                row(
                    ui,
                    tr.f(T::CmpParty, &[("n", &p.number), ("abbr", &p.abbreviation)]),
                    &p.change,
                );
            }
            row(ui, tr.t(T::ValidVotes).into(), &c.totals.valid);
            row(ui, tr.t(T::InvalidBallots).into(), &c.totals.invalid);
            for k in &c.criteria {
                row(ui, k.code.clone(), &k.change);
            }
        });
    if c.recount.mode == RecountMode::Review {
        ui.label(tr.changed_count(c));
        for r in &c.changed {
            ui.label(tr.changed_ruling(r));
        }
    }
    ui.label(RichText::new(tr.t(T::CmpLine)).strong());
    for (i, step) in c.line.iter().enumerate() {
        ui.label(tr.line_step(i, step));
    }
}
