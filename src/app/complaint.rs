//! A complaint recorded where it arises: on the Counting screen (F12 or its
//! button, while the ballots are being ruled) and on the Results screen.
//! A party agent or observer recorded present lodges it, about one ballot
//! (by its number) or the count; the journal keeps it with its time.

use crate::app::Notice;
use crate::app::command::AppCommand;
use crate::app::theme;
use crate::domain::ballot::BallotNumber;
use crate::domain::count::Count;
use crate::domain::free_text::FreeText;
use crate::domain::message::{Explain, Label, Message, P};
use crate::domain::seq::Seq;
use crate::i18n::{T, Tr};
use crate::journal::event::Event;
use eframe::egui::{self, RichText};

/// The key that opens the complaint form on the Counting screen.
pub const COMPLAINT_KEY: egui::Key = egui::Key::F12;

/// A complaint being typed.
#[derive(Debug, Clone, Default)]
pub struct ComplaintForm {
    pub open: bool,
    /// The presence entry of who lodges it.
    pub by: Option<Seq>,
    /// The ballot's number, as typed (empty: the complaint is about the
    /// count, not one ballot).
    pub ballot: String,
    pub text: String,
    /// The first field takes the focus when the form opens.
    pub focus_pending: bool,
    /// The complaint is handed to the record, which then held this many:
    /// the form empties once it holds more (and keeps what was typed if
    /// the record refused to write it).
    pub awaiting: Option<usize>,
}

impl ComplaintForm {
    /// Opens the form, empty.
    pub fn open(&mut self) {
        *self = ComplaintForm {
            open: true,
            focus_pending: true,
            ..ComplaintForm::default()
        };
    }
}

/// Who may lodge a complaint: the party agents and observers recorded
/// present (not withdrawn), with how the form names them.
pub fn complainants(count: &Count, tr: Tr) -> Vec<(Seq, String)> {
    count
        .people()
        .iter()
        .filter(|(_, p)| p.withdrawn_by.is_none())
        .filter(|(_, p)| p.person.role.lodges_complaints())
        .map(|(seq, p)| {
            let person = &p.person;
            let mut label = format!("{} ({}", person.name, tr.role(person.role));
            if let Some(n) = person.party {
                label.push_str(&format!(" {}", tr.num(n)));
            }
            if let Some(org) = &person.organisation {
                label.push_str(&format!(", {org}"));
            }
            label.push(')');
            if p.departure.is_some() {
                label.push_str(&format!(" - {}", tr.t(T::HasLeft)));
            }
            (*seq, label)
        })
        .collect()
}

/// The complaint the form holds, checked as the journal will check it.
pub fn complaint_from(form: &ComplaintForm, count: &Count) -> Result<Event, Message> {
    let Some(by) = form.by else {
        return Err(Message::new(P::ChooseComplainant)
            .at("by")
            .labelled(Label::Complainant));
    };
    let typed = form.ballot.trim();
    let ballot = if typed.is_empty() {
        None
    } else {
        let digits = crate::domain::text::western_digits(typed);
        Some(BallotNumber(digits.parse().map_err(|_| {
            Message::new(P::NotWholeNumber)
                .text("value", typed)
                .at("ballot")
                .labelled(Label::Ballot)
        })?))
    };
    let text =
        FreeText::parse("text", form.text.trim()).map_err(|m| m.labelled(Label::ComplaintText))?;
    count
        .check_complaint(by, ballot)
        .map_err(|err| err.message())?;
    Ok(Event::Complaint { by, text, ballot })
}

/// The form, when open: who lodges it, the ballot if one, the complaint;
/// Enter in the complaint records it, Esc closes the form.
pub fn complaint_form_ui(
    ui: &mut egui::Ui,
    tr: Tr,
    count: &Count,
    form: &mut ComplaintForm,
    commands: &mut Vec<AppCommand>,
) {
    if !form.open {
        return;
    }
    if form
        .awaiting
        .is_some_and(|held| count.complaints().len() > held)
    {
        *form = ComplaintForm::default();
        return;
    }
    let people = complainants(count, tr);
    egui::Frame::new()
        .stroke(egui::Stroke::new(2.0, theme::WARNING))
        .inner_margin(egui::Margin::same(8))
        .show(ui, |ui| {
            ui.label(RichText::new(tr.t(T::ComplaintHeading)).strong().size(20.0));
            if people.is_empty() {
                ui.add(egui::Label::new(tr.t(T::NoComplainants)).wrap());
            }
            ui.label(tr.t(T::ComplaintBy));
            for (i, (seq, label)) in people.iter().enumerate() {
                let radio = ui.radio(form.by == Some(*seq), label);
                if i == 0 && std::mem::take(&mut form.focus_pending) {
                    radio.request_focus();
                }
                if radio.clicked() {
                    form.by = Some(*seq);
                }
            }
            let last = count
                .last_acted_on()
                .map(|(_, r)| tr.num(r.ballot))
                .unwrap_or_default();
            let ballot_label = ui.label(tr.t(T::ComplaintBallotField));
            ui.add(
                egui::TextEdit::singleline(&mut form.ballot)
                    .hint_text(if last.is_empty() {
                        String::new()
                    } else {
                        tr.f(T::ComplaintBallotHint, &[("ballot", &last)])
                    })
                    .desired_width(320.0),
            )
            .labelled_by(ballot_label.id);
            let text_label = ui.label(tr.t(T::ComplaintTextField));
            let text = ui
                .add(
                    egui::TextEdit::singleline(&mut form.text)
                        .desired_width(ui.available_width().min(640.0)),
                )
                .labelled_by(text_label.id);
            if people.is_empty() && std::mem::take(&mut form.focus_pending) {
                text.request_focus();
            }
            let entered = text.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            ui.horizontal(|ui| {
                if ui.button(tr.t(T::ComplaintRecord)).clicked() || entered {
                    match complaint_from(form, count) {
                        Ok(event) => {
                            commands.push(AppCommand::Append(event));
                            form.awaiting = Some(count.complaints().len());
                        }
                        Err(message) => commands.push(AppCommand::Notify(Notice::problem(message))),
                    }
                }
                if ui.button(tr.t(T::Cancel)).clicked()
                    || ui.input(|i| i.key_pressed(egui::Key::Escape))
                {
                    *form = ComplaintForm::default();
                }
            });
        });
}

/// The complaints recorded so far (the `last` ones only, when given),
/// newest last: when, by whom, about which ballot, and what.
pub fn complaints_list_ui(ui: &mut egui::Ui, tr: Tr, count: &Count, last: Option<usize>) {
    let complaints = count.complaints();
    ui.label(
        RichText::new(tr.f(T::ComplaintsRecorded, &[("n", &tr.num(complaints.len()))])).strong(),
    );
    let zone = count.zone();
    let shown = last.map_or(0, |n| complaints.len().saturating_sub(n));
    for c in &complaints[shown..] {
        let who = count
            .people()
            .get(&c.by)
            .map_or_else(String::new, |p| p.person.name.to_string());
        let at = c.at.map_or_else(String::new, |at| tr.time(&zone, at));
        let line = match c.ballot {
            Some(ballot) => tr.f(
                T::ComplaintLineBallot,
                &[
                    ("at", &at),
                    ("name", &who),
                    ("ballot", &tr.num(ballot)),
                    ("text", &c.text),
                ],
            ),
            None => tr.f(
                T::ComplaintLine,
                &[("at", &at), ("name", &who), ("text", &c.text)],
            ),
        };
        ui.add(egui::Label::new(line).wrap());
    }
}
