//! Results screen: the summary of the count (votes per party, invalid and
//! valid ballots per criterion, disputes, figures, checks with their
//! explanations) and what still stands before sealing.

use crate::app::command::AppCommand;
use crate::app::jobs::Job;
use crate::app::reconciliation::{ReconciliationView, check_status_ui};
use crate::app::{Session, theme};
use crate::domain::count::Count;
use crate::domain::criteria::Validity;
use crate::domain::free_text::FreeText;
use crate::domain::hash::grouped;
use crate::domain::message::{Explain, Label, Message};
use crate::domain::party::PartyNumber;
use crate::domain::seal::{RefusalToSign, Seal, Signature, SignerRole};
use crate::domain::seq::Seq;
use crate::domain::short_code::short_code;
use crate::i18n::{T, Tr};
use eframe::egui::{self, RichText};
use std::collections::BTreeMap;

/// Rows and the tally's own total beneath them.
fn totals_grid(ui: &mut egui::Ui, id: &str, rows: Vec<(String, u64)>, total: u64, tr: Tr) {
    egui::Grid::new(id)
        .striped(true)
        .num_columns(2)
        .show(ui, |ui| {
            for (label, n) in rows {
                ui.label(label);
                ui.label(RichText::new(tr.num(n)).strong().size(22.0));
                ui.end_row();
            }
            ui.label(RichText::new(tr.t(T::Total)).strong());
            ui.label(RichText::new(tr.num(total)).strong().size(22.0));
            ui.end_row();
        });
}

/// How each person present takes part in the seal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SignChoice {
    #[default]
    Signs,
    Refuses,
    Absent,
}

/// The sealing form's state: a choice and a reason per person present, and
/// the seal waiting to be confirmed.
#[derive(Debug, Clone, Default)]
pub struct ResultsState {
    pub choices: BTreeMap<Seq, SignChoice>,
    pub reasons: BTreeMap<Seq, String>,
    /// The signatures and refusals checked and shown for confirmation.
    pub confirming: Option<(Vec<Signature>, Vec<RefusalToSign>)>,
    /// A complaint being recorded.
    pub complaint: crate::app::complaint::ComplaintForm,
}

/// A signer's role in the words of the screen, with the party of a party
/// agent.
fn signer_role(tr: Tr, role: &SignerRole, party: Option<PartyNumber>) -> String {
    let role = match role {
        SignerRole::Known(role) => tr.role(*role).to_string(),
        SignerRole::Written(text) => text.to_string(),
    };
    match party {
        Some(party) => format!("{role} {}", tr.num(party.0)),
        None => role,
    }
}

/// Who signed, who refused and why: shown before sealing, to confirm, and
/// after.
fn signers_ui(ui: &mut egui::Ui, tr: Tr, signed: &[Signature], refused: &[RefusalToSign]) {
    let names: Vec<String> = signed
        .iter()
        .map(|s| format!("{} ({})", s.name, signer_role(tr, &s.role, s.party)))
        .collect();
    let names = if names.is_empty() {
        tr.t(T::NoOne).to_string()
    } else {
        names.join(", ")
    };
    ui.label(RichText::new(tr.f(T::SignedBy, &[("names", &names)])).strong());
    for refusal in refused {
        ui.label(
            RichText::new(tr.f(
                T::RefusedLine,
                &[
                    ("name", &refusal.name),
                    ("role", &signer_role(tr, &refusal.role, refusal.party)),
                    ("reason", &refusal.reason),
                ],
            ))
            .strong()
            .color(theme::WARNING),
        );
    }
}

/// What the seal will close, for the chief to confirm.
fn confirm_seal_ui(
    ui: &mut egui::Ui,
    tr: Tr,
    count: &Count,
    absent: &[String],
    state: &mut ResultsState,
    commands: &mut Vec<AppCommand>,
) {
    let Some((signed, refused)) = &state.confirming else {
        return;
    };
    let tally = count.tally();
    let mut go_back = false;
    egui::Frame::new()
        .stroke(egui::Stroke::new(3.0, theme::WARNING))
        .inner_margin(egui::Margin::same(10))
        .show(ui, |ui| {
            ui.label(RichText::new(tr.t(T::SealConfirmTitle)).size(22.0).strong());
            let in_box = count
                .figures()
                .get(crate::domain::reconciliation::Figure::InBox)
                .map_or_else(|| "-".to_string(), |b| tr.num(b));
            ui.label(tr.f(
                T::SealConfirmTotals,
                &[
                    ("ruled", &tr.num(tally.ruled())),
                    ("valid", &tr.num(tally.valid_total())),
                    ("invalid", &tr.num(tally.invalid_total())),
                    ("disputed", &tr.num(tally.disputed())),
                    ("in_box", &in_box),
                ],
            ));
            let votes: Vec<String> = count
                .definition()
                .parties
                .iter()
                .map(|p| {
                    format!(
                        "{} {}: {}",
                        p.number,
                        p.abbreviation,
                        tr.num(tally.votes_for(p.number))
                    )
                })
                .collect();
            ui.label(tr.f(T::SealConfirmVotes, &[("list", &votes.join(", "))]));
            signers_ui(ui, tr, signed, refused);
            if !absent.is_empty() {
                ui.label(tr.f(T::NotSigning, &[("names", &absent.join(", "))]));
            }
            ui.horizontal(|ui| {
                if ui
                    .button(
                        RichText::new(tr.t(T::SealConfirmButton))
                            .size(22.0)
                            .strong(),
                    )
                    .clicked()
                {
                    commands.push(AppCommand::Seal {
                        signed: signed.clone(),
                        refused: refused.clone(),
                    });
                    go_back = true;
                }
                if ui.button(tr.t(T::GoBack)).clicked() {
                    go_back = true;
                }
            });
        });
    if go_back {
        state.confirming = None;
    }
}

/// The seal section: what is missing, the signers, the seal button; once
/// sealed, the hash, the short code and the forms.
fn seal_ui(
    ui: &mut egui::Ui,
    tr: Tr,
    session: &mut Session,
    busy: Option<Job>,
    commands: &mut Vec<AppCommand>,
) {
    let results_hash = session.results_hash();
    let record = &session.record;
    let count = record.count();
    if let Some((_, seal)) = count.seal() {
        if let Some(hash) = results_hash {
            let zone = count.zone();
            ui.label(
                RichText::new(tr.f(
                    T::SealedSummary,
                    &[
                        ("at", &tr.time(&zone, seal.at)),
                        ("hash", &grouped(&hash.to_hex())),
                    ],
                ))
                .strong(),
            );
            let deadline = zone.complaint_deadline(seal.at, count.definition().complaint_days);
            ui.label(tr.f(
                T::ComplaintsUntil,
                &[("deadline", &tr.time(&zone, deadline.ends))],
            ));
            ui.label(
                RichText::new(format!(
                    "{}{} {}",
                    tr.t(T::ShortCode),
                    tr.colon(),
                    short_code(&hash)
                ))
                .size(26.0)
                .strong(),
            );
        }
        signers_ui(ui, tr, &seal.signed, &seal.refused);
        ui.horizontal(|ui| {
            // One job at a time: the busy line says what is under way.
            let idle = busy.is_none();
            if ui
                .add_enabled(idle, egui::Button::new(tr.t(T::SaveForms)))
                .clicked()
            {
                commands.push(AppCommand::SaveForms { print: false });
            }
            if ui
                .add_enabled(idle, egui::Button::new(tr.t(T::PrintForms)))
                .clicked()
            {
                commands.push(AppCommand::SaveForms { print: true });
            }
        });
        return;
    }
    let gaps = count.sealing_gaps();
    if !gaps.is_empty() {
        ui.label(tr.t(T::SealingGaps));
        for gap in &gaps {
            ui.label(
                RichText::new(format!("- {}", tr.message(&gap.message()))).color(theme::DIFFERS),
            );
        }
        return;
    }
    ui.label(
        RichText::new(tr.t(T::SealingReady))
            .color(theme::HOLDS)
            .strong(),
    );
    let people: Vec<(Seq, &FreeText, String)> = count
        .people()
        .iter()
        .filter(|(_, p)| p.is_here())
        .map(|(seq, p)| {
            let role = SignerRole::Known(p.person.role);
            (*seq, &p.person.name, signer_role(tr, &role, p.person.party))
        })
        .collect();
    if people.is_empty() {
        ui.label(RichText::new(tr.t(T::SealNeedsPeople)).color(theme::DIFFERS));
        return;
    }
    let state = &mut session.results;
    if state.confirming.is_some() {
        let absent: Vec<String> = people
            .iter()
            .filter(|(seq, _, _)| state.choices.get(seq) == Some(&SignChoice::Absent))
            .map(|(_, name, role)| format!("{name} ({role})"))
            .collect();
        confirm_seal_ui(ui, tr, count, &absent, state, commands);
        return;
    }
    ui.label(tr.t(T::SealIntro));
    for (seq, name, role) in &people {
        let mut person = None;
        ui.horizontal_wrapped(|ui| {
            person = Some(ui.label(format!("{name} ({role})")));
            let choice = state.choices.entry(*seq).or_default();
            ui.radio_value(choice, SignChoice::Signs, tr.t(T::SignerSigns));
            ui.radio_value(choice, SignChoice::Refuses, tr.t(T::SignerRefuses));
            ui.radio_value(choice, SignChoice::Absent, tr.t(T::SignerAbsent));
        });
        if state.choices.get(seq) == Some(&SignChoice::Refuses) {
            // A line of its own, as wide as the screen allows: a reason is
            // a sentence or two.
            let reason = state.reasons.entry(*seq).or_default();
            let field = ui.add(
                egui::TextEdit::singleline(reason)
                    .hint_text(tr.f(T::RefusalReason, &[("name", *name)]))
                    .desired_width(ui.available_width().min(720.0)),
            );
            if let Some(person) = person {
                field.labelled_by(person.id);
            }
        }
        ui.separator();
    }
    // Checked as the choices stand, so that the reason the seal is refused
    // stands beside its button.
    let checked = seal_choices(count, state);
    ui.horizontal_wrapped(|ui| {
        let button = ui.add_enabled(
            checked.is_ok(),
            egui::Button::new(RichText::new(tr.t(T::SealButton)).size(22.0).strong()),
        );
        match &checked {
            // Sealed only once confirmed: the next frame shows what the seal
            // will close.
            Ok(choices) if button.clicked() => state.confirming = Some(choices.clone()),
            Ok(_) => {}
            Err(message) => {
                ui.label(
                    RichText::new(tr.message(message))
                        .strong()
                        .color(theme::DIFFERS),
                );
            }
        }
    });
}

/// The signatures and refusals the choices on the seal form make, checked
/// by the rules for a new seal; or why the count cannot be sealed so.
pub fn seal_choices(
    count: &Count,
    state: &ResultsState,
) -> Result<(Vec<Signature>, Vec<RefusalToSign>), Message> {
    let mut signed = Vec::new();
    let mut refused = Vec::new();
    for (seq, record) in count.people() {
        // Withdrawn, or gone: not at the table to sign.
        if !record.is_here() {
            continue;
        }
        // The person as recorded present: the role is kept as the role (its
        // key in the file), never as the words of the language on screen,
        // and a party agent signs for the party recorded.
        let person = &record.person;
        match state.choices.get(seq).copied().unwrap_or_default() {
            SignChoice::Signs => signed.push(Signature::of(person)),
            SignChoice::Refuses => {
                let at = format!("refused[{}].reason", refused.len());
                let typed = state.reasons.get(seq).map_or("", |r| r.trim());
                let reason = FreeText::parse(&at, typed).map_err(|message| {
                    message.labelled(Label::RefusalReason {
                        name: person.name.to_string(),
                    })
                })?;
                refused.push(RefusalToSign::of(person, reason));
            }
            SignChoice::Absent => {}
        }
    }
    // The time does not matter to the check.
    let probe = Seal::new(
        crate::domain::time::Timestamp::from_unix_seconds(0),
        signed.clone(),
        refused.clone(),
    );
    count.check_new_seal(&probe).map_err(|err| err.message())?;
    Ok((signed, refused))
}

pub fn results_ui(
    ui: &mut egui::Ui,
    tr: Tr,
    session: &mut Session,
    busy: Option<Job>,
    commands: &mut Vec<AppCommand>,
) {
    egui::ScrollArea::vertical().show(ui, |ui| {
        if let Some(warning) = crate::app::counting::over_box_warning(tr, session.record.count()) {
            ui.label(RichText::new(warning).strong().color(theme::DIFFERS));
        }
        ui.heading(tr.t(T::SealingTitle));
        seal_ui(ui, tr, session, busy, commands);
        ui.separator();
        complaints_ui(ui, tr, session, commands);
        ui.separator();
        summary_ui(ui, tr, session.record.count());
    });
}

/// The complaints recorded during the count, and the form that records
/// one more (until the count is sealed).
fn complaints_ui(ui: &mut egui::Ui, tr: Tr, session: &mut Session, commands: &mut Vec<AppCommand>) {
    let count = session.record.count();
    let form = &mut session.results.complaint;
    crate::app::complaint::complaints_list_ui(ui, tr, count, None);
    if count.seal().is_some() {
        return;
    }
    if form.open {
        crate::app::complaint::complaint_form_ui(ui, tr, count, form, commands);
    } else if ui.button(tr.t(T::ComplaintButtonPlain)).clicked() {
        form.open();
    }
}

/// The summary of the count.
fn summary_ui(ui: &mut egui::Ui, tr: Tr, count: &Count) {
    let def = count.definition();
    let tally = count.tally();
    let lang = tr.lang.code();
    let recon = ReconciliationView::new(count);
    {
        ui.heading(tr.t(T::ResultsTitle));
        ui.columns(2, |columns| {
            let ui = &mut columns[0];
            ui.label(RichText::new(tr.t(T::VotesPerParty)).strong());
            let votes = def
                .parties
                .iter()
                .map(|p| {
                    (
                        format!(
                            "{} {} {}",
                            tr.num(p.number),
                            p.abbreviation,
                            p.name.get(lang)
                        ),
                        tally.votes_for(p.number),
                    )
                })
                .collect();
            totals_grid(ui, "votes", votes, tally.valid_total(), tr);

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
            totals_grid(ui, "invalid", invalid, tally.invalid_total(), tr);
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
            totals_grid(ui, "valid", valid, tally.valid_total(), tr);
            ui.add_space(6.0);
            ui.label(
                RichText::new(format!(
                    "{}{} {}",
                    tr.t(T::DisputedRulings),
                    tr.colon(),
                    tr.num(tally.disputed())
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
                    ui.label(tr.figure(row.figure));
                    ui.label(RichText::new(row.value.map_or("-".into(), |v| tr.num(v))).strong());
                    ui.end_row();
                }
                ui.label(RichText::new("I").strong());
                ui.label(tr.t(T::FigureIssued));
                ui.label(RichText::new(recon.issued.map_or("-".into(), |i| tr.num(i))).strong());
                ui.end_row();
            });
        ui.separator();
        ui.heading(tr.t(T::ChecksTitle));
        egui::Grid::new("result_checks")
            .striped(true)
            .show(ui, |ui| {
                for check in &recon.checks {
                    ui.label(tr.check(check.name));
                    check_status_ui(ui, tr, check);
                    ui.label(check.explanation.as_deref().unwrap_or(""));
                    ui.end_row();
                }
            });
    }
}
