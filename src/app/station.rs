//! Station screen: who and where, the parties in ballot order, the ballot
//! books, the definition hash, and the people present (recorded in the
//! journal).

use crate::app::command::AppCommand;
use crate::app::{Notice, Session};
use crate::domain::free_text::FreeText;
use crate::domain::message::{Explain, Label, Message, P};
use crate::domain::party::PartyNumber;
use crate::domain::person::{Person, Role};
use crate::domain::seq::Seq;
use crate::i18n::{T, Tr};
use crate::journal::event::Event;
use eframe::egui::{self, RichText};

/// What is being typed on the station screen.
#[derive(Debug, Clone)]
pub struct StationState {
    pub show_full_hash: bool,
    pub name: String,
    pub role: Role,
    pub party: String,
    pub organisation: String,
    /// Where to keep the live copy (a file on a USB stick), as typed.
    pub mirror_path: String,
    /// The presence entry whose withdrawal or departure is being
    /// confirmed, and which of the two.
    pub asking: Option<(Seq, PresenceStep)>,
    /// The reason typed for it.
    pub withdraw_reason: String,
    /// The reason field takes the focus when the prompt opens.
    pub withdraw_focus_pending: bool,
}

/// What is asked of a presence entry: withdrawn as a mistake, or the
/// person recorded as leaving.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PresenceStep {
    Withdraw,
    Leave,
}

impl Default for StationState {
    fn default() -> StationState {
        StationState {
            show_full_hash: false,
            name: String::new(),
            role: Role::Member,
            party: String::new(),
            organisation: String::new(),
            mirror_path: String::new(),
            asking: None,
            withdraw_reason: String::new(),
            withdraw_focus_pending: false,
        }
    }
}

impl StationState {
    /// Empties the form for the next person: the name, the party, the
    /// organisation, and the role back to its default, so that nobody
    /// becomes a second chief by the role picked for the one before.
    fn clear_form(&mut self) {
        let StationState {
            show_full_hash,
            mirror_path,
            asking,
            withdraw_reason,
            withdraw_focus_pending,
            ..
        } = std::mem::take(self);
        *self = StationState {
            show_full_hash,
            mirror_path,
            asking,
            withdraw_reason,
            withdraw_focus_pending,
            ..StationState::default()
        };
    }
}

/// One person present, as the screen lists them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonRow {
    pub seq: Seq,
    pub name: String,
    pub role: Role,
    pub affiliation: String,
    pub withdrawn_by: Option<Seq>,
    /// When the person arrived (the entry's time), as the screen shows it.
    pub arrived: String,
    /// When the person left and why, once recorded.
    pub left: Option<(String, String)>,
}

/// The people present, in the order they were recorded.
pub fn people_rows(session: &Session, tr: Tr) -> Vec<PersonRow> {
    let count = session.record.count();
    let def = count.definition();
    let zone = count.zone();
    let time = |at: Option<crate::domain::time::Timestamp>| {
        at.map_or_else(String::new, |at| tr.time(&zone, at))
    };
    count
        .people()
        .iter()
        .map(|(seq, p)| PersonRow {
            seq: *seq,
            name: p.person.name.to_string(),
            role: p.person.role,
            affiliation: match (&p.person.party, &p.person.organisation) {
                (Some(n), _) => def.party(*n).map_or_else(
                    || tr.num(n),
                    |party| format!("{} {}", tr.num(n), party.name.get(tr.lang.code())),
                ),
                (None, Some(org)) => org.to_string(),
                (None, None) => String::new(),
            },
            withdrawn_by: p.withdrawn_by,
            arrived: time(p.arrived_at),
            left: p
                .departure
                .as_ref()
                .map(|d| (time(d.at), d.reason.to_string())),
        })
        .collect()
}

/// Builds the person from the form, or the message saying what is wrong.
fn person_from_form(state: &StationState) -> Result<Person, Message> {
    let typed = state.party.trim();
    let party = match state.role {
        // Left empty, the core says what a party agent needs.
        Role::PartyAgent if typed.is_empty() => None,
        Role::PartyAgent => Some(PartyNumber(
            crate::domain::text::western_digits(typed)
                .parse()
                .map_err(|_| {
                    Message::new(P::NotWholeNumber)
                        .text("value", typed)
                        .at("party")
                        .labelled(Label::Party)
                })?,
        )),
        _ => None,
    };
    let text = |field: &str, label: Label, typed: &str| {
        FreeText::parse(field, typed.trim()).map_err(|message| message.labelled(label))
    };
    let name = text("name", Label::Name, &state.name)?;
    let organisation = (state.role == Role::Observer)
        .then(|| text("organisation", Label::Organisation, &state.organisation))
        .transpose()?;
    Ok(Person {
        name,
        role: state.role,
        party,
        organisation,
    })
}

pub fn station_ui(
    ui: &mut egui::Ui,
    tr: Tr,
    session: &mut Session,
    commands: &mut Vec<AppCommand>,
) {
    let lang = tr.lang.code();
    let rows = people_rows(session, tr);
    let record = &session.record;
    let def = record.count().definition();
    let zone = record.count().zone();
    let state = &mut session.station;
    egui::ScrollArea::vertical().show(ui, |ui| {
        ui.columns(2, |columns| {
            let ui = &mut columns[0];
            // The values wrap within their column, so that the column
            // keeps to its half of the window.
            let value_width = (ui.available_width() * 0.6).max(120.0);
            egui::Grid::new("identity")
                .num_columns(2)
                .striped(true)
                .max_col_width(value_width)
                .show(ui, |ui| {
                    let mut row = |label: T, value: String| {
                        ui.add(egui::Label::new(RichText::new(tr.t(label)).strong()).wrap());
                        ui.add(egui::Label::new(value).wrap());
                        ui.end_row();
                    };
                    row(T::Election, def.election.name.get(lang).to_string());
                    row(T::ElectionId, def.election.id.to_string());
                    row(T::ElectionDate, tr.num(def.election.date));
                    row(
                        T::Station,
                        format!("{} {}", def.station.code, def.station.name.get(lang)),
                    );
                    row(
                        T::Commune,
                        format!(
                            "{} ({})",
                            def.station.commune.get(lang),
                            def.station.commune_code
                        ),
                    );
                    row(T::District, def.station.district.get(lang).to_string());
                    row(T::Province, def.station.province.get(lang).to_string());
                    row(T::RegisteredVoters, tr.num(def.registered_voters));
                    row(T::CouncilSeats, tr.num(def.council_seats));
                    row(T::ComplaintDays, tr.num(def.complaint_days));
                    row(T::TimeZone, zone.name().to_string());
                });
            ui.add_space(8.0);
            ui.label(RichText::new(tr.t(T::DefinitionHash)).strong());
            let hash = record.station().hash().to_hex();
            ui.monospace(crate::domain::hash::grouped(&hash[..16]));
            let toggle = if state.show_full_hash {
                T::HideFullHash
            } else {
                T::ShowFullHash
            };
            if ui.button(tr.t(toggle)).clicked() {
                state.show_full_hash = !state.show_full_hash;
            }
            if state.show_full_hash {
                ui.monospace(crate::domain::hash::grouped(&hash));
            }
            ui.add_space(8.0);
            mirror_ui(ui, tr, record, &mut state.mirror_path, commands);
            ui.add_space(8.0);
            ui.label(RichText::new(tr.t(T::BallotBooks)).strong());
            egui::Grid::new("books").striped(true).show(ui, |ui| {
                for head in [T::Book, T::Serials, T::Ballots] {
                    ui.label(RichText::new(tr.t(head)).strong());
                }
                ui.end_row();
                for book in &def.ballot_books {
                    ui.label(&book.book);
                    ui.label(format!(
                        "{} - {}",
                        tr.num(book.first_serial),
                        tr.num(book.last_serial)
                    ));
                    ui.label(tr.num(book.size()));
                    ui.end_row();
                }
                ui.label(RichText::new(tr.t(T::TotalInBooks)).strong());
                ui.label("");
                ui.label(RichText::new(tr.num(def.ballots_in_books())).strong());
                ui.end_row();
            });

            let ui = &mut columns[1];
            people_ui(ui, tr, &rows, record, state, commands);
            ui.separator();
            ui.label(RichText::new(tr.t(T::Parties)).strong());
            egui::Grid::new("parties").striped(true).show(ui, |ui| {
                for head in [T::Number, T::Abbreviation, T::PartyName] {
                    ui.label(RichText::new(tr.t(head)).strong());
                }
                ui.end_row();
                for party in &def.parties {
                    ui.label(RichText::new(tr.num(party.number)).strong().size(20.0));
                    ui.label(&party.abbreviation);
                    ui.label(party.name.get(lang));
                    ui.end_row();
                }
            });
        });
    });
}

/// The people present: the list, and the form that records one more.
fn people_ui(
    ui: &mut egui::Ui,
    tr: Tr,
    rows: &[PersonRow],
    record: &crate::store::Record,
    state: &mut StationState,
    commands: &mut Vec<AppCommand>,
) {
    ui.heading(tr.t(T::PeoplePresent));
    if rows.is_empty() {
        ui.label(RichText::new(tr.t(T::StationFirstStep)).strong());
        ui.weak(tr.t(T::NoPeopleYet));
    }
    // One person a row: who they are, wrapping within the column, then
    // the withdrawal.
    let who_width = (ui.available_width() - 220.0).max(120.0);
    egui::Grid::new("people")
        .striped(true)
        .max_col_width(who_width)
        .show(ui, |ui| {
            for row in rows {
                let mut who = format!(
                    "{} {}  {}  {}",
                    tr.t(T::Entry),
                    tr.num(row.seq),
                    row.name,
                    tr.role(row.role)
                );
                if !row.affiliation.is_empty() {
                    who.push_str(&format!("  {}", row.affiliation));
                }
                if !row.arrived.is_empty() {
                    who.push_str(&format!(
                        "\n{}",
                        tr.f(T::ArrivedAt, &[("time", &row.arrived)])
                    ));
                }
                if let Some((time, reason)) = &row.left {
                    who.push_str(&format!(
                        "\n{}",
                        tr.f(T::LeftAt, &[("time", time), ("reason", reason)])
                    ));
                }
                let who = RichText::new(who);
                ui.add(
                    egui::Label::new(if row.withdrawn_by.is_some() {
                        who.strikethrough()
                    } else {
                        who
                    })
                    .wrap(),
                );
                match row.withdrawn_by {
                    Some(by) => {
                        ui.weak(tr.f(T::WithdrawnBy, &[("seq", &tr.num(by))]));
                    }
                    None => {
                        // Asked for first: the prompt below says who, and why.
                        ui.horizontal(|ui| {
                            let mut ask = |ui: &mut egui::Ui, step: PresenceStep, key: T| {
                                let asking = state.asking == Some((row.seq, step));
                                if ui
                                    .add_enabled(!asking, egui::Button::new(tr.t(key)))
                                    .clicked()
                                {
                                    state.asking = Some((row.seq, step));
                                    state.withdraw_reason.clear();
                                    state.withdraw_focus_pending = true;
                                }
                            };
                            // One who left stays on the lists as having left:
                            // neither leaves again nor is withdrawn.
                            if row.left.is_none() {
                                ask(ui, PresenceStep::Leave, T::Leave);
                                ask(ui, PresenceStep::Withdraw, T::Withdraw);
                            }
                        });
                    }
                }
                ui.end_row();
            }
        });
    if let Some((target, step)) = state.asking {
        let standing =
            |r: &&PersonRow| r.seq == target && r.withdrawn_by.is_none() && r.left.is_none();
        match rows.iter().find(standing) {
            Some(row) => withdraw_prompt_ui(ui, tr, row, step, state, commands),
            None => state.asking = None,
        }
    }
    ui.add_space(6.0);
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(tr.t(T::PersonName));
        let name = ui
            .add(egui::TextEdit::singleline(&mut state.name).desired_width(260.0))
            .labelled_by(label.id);
        crate::app::focus::first_input(ui, &name);
        ui.label(tr.t(T::Role));
        for role in Role::ALL {
            ui.radio_value(&mut state.role, role, tr.role(role));
        }
        match state.role {
            Role::PartyAgent => {
                let label = ui.label(tr.t(T::PartyNumberField));
                ui.add(egui::TextEdit::singleline(&mut state.party).desired_width(60.0))
                    .labelled_by(label.id);
            }
            Role::Observer => {
                let label = ui.label(tr.t(T::OrganisationField));
                ui.add(egui::TextEdit::singleline(&mut state.organisation).desired_width(220.0))
                    .labelled_by(label.id);
            }
            Role::Chief | Role::Secretary | Role::Member => {}
        }
        let entered = name.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if ui.button(tr.t(T::AddPerson)).clicked() || entered {
            let checked = person_from_form(state).and_then(|person| {
                record
                    .count()
                    .check_person(&person)
                    .map_err(|e| e.message())?;
                Ok(person)
            });
            match checked {
                Ok(person) => {
                    commands.push(AppCommand::Append(Event::PersonPresent(person)));
                    state.clear_form();
                }
                Err(message) => commands.push(AppCommand::Notify(Notice::problem(message))),
            }
        }
    });
}

/// Asks to confirm a withdrawal or a departure, with the reason.
fn withdraw_prompt_ui(
    ui: &mut egui::Ui,
    tr: Tr,
    row: &PersonRow,
    step: PresenceStep,
    state: &mut StationState,
    commands: &mut Vec<AppCommand>,
) {
    egui::Frame::new()
        .stroke(egui::Stroke::new(2.0, crate::app::theme::WARNING))
        .inner_margin(egui::Margin::same(6))
        .show(ui, |ui| {
            let (prompt, hint, confirm) = match step {
                PresenceStep::Withdraw => {
                    (T::WithdrawPrompt, T::WithdrawReason, T::WithdrawConfirm)
                }
                PresenceStep::Leave => (T::LeavePrompt, T::LeaveReason, T::LeaveConfirm),
            };
            let prompt = ui.add(
                egui::Label::new(
                    RichText::new(tr.f(prompt, &[("name", &row.name), ("seq", &tr.num(row.seq))]))
                        .strong(),
                )
                .wrap(),
            );
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut state.withdraw_reason)
                        .hint_text(tr.t(hint))
                        .desired_width(ui.available_width().min(520.0)),
                )
                .labelled_by(prompt.id);
            if std::mem::take(&mut state.withdraw_focus_pending) {
                field.request_focus();
            }
            let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            ui.horizontal(|ui| {
                let confirm = tr.f(confirm, &[("name", &row.name)]);
                if ui.button(confirm).clicked() || entered {
                    match FreeText::parse("reason", state.withdraw_reason.trim()) {
                        Ok(reason) => {
                            let person_seq = row.seq;
                            commands.push(AppCommand::Append(match step {
                                PresenceStep::Withdraw => {
                                    Event::PresenceWithdrawn { person_seq, reason }
                                }
                                PresenceStep::Leave => Event::Departed { person_seq, reason },
                            }));
                            state.asking = None;
                            state.withdraw_reason.clear();
                        }
                        Err(message) => commands.push(AppCommand::Notify(Notice::problem(message))),
                    }
                }
                if ui.button(tr.t(T::Cancel)).clicked()
                    || ui.input(|i| i.key_pressed(egui::Key::Escape))
                {
                    state.asking = None;
                }
            });
        });
}

/// The live copy on a second medium: where it is kept, and how it stands.
fn mirror_ui(
    ui: &mut egui::Ui,
    tr: Tr,
    record: &crate::store::Record,
    path: &mut String,
    commands: &mut Vec<AppCommand>,
) {
    ui.label(RichText::new(tr.t(T::MirrorHeading)).strong());
    ui.add(egui::Label::new(RichText::new(tr.t(T::MirrorHint)).weak()).wrap());
    let label = ui.label(tr.t(T::MirrorPath));
    ui.add(egui::TextEdit::singleline(path).desired_width(f32::INFINITY))
        .labelled_by(label.id);
    if ui
        .add_enabled(
            !path.trim().is_empty(),
            egui::Button::new(tr.t(T::MirrorStart)),
        )
        .clicked()
    {
        commands.push(AppCommand::StartMirror(std::path::PathBuf::from(
            path.trim(),
        )));
    }
    if let Some(status) = record.mirror() {
        crate::app::theme::mirror_status_ui(ui, tr, &status);
    }
}
