//! Training screen: on a count, starts a TRAINING round of practice ballots
//! for its station (a record of its own); on a training round, each member
//! in turn rules the same cards with the counting keys, seeing only the card
//! and their own last answer; then the scores, the commission's agreement
//! and the cards ruled differently, drawn, with the criteria that rule them.

use crate::app::command::AppCommand;
use crate::app::counting::{keys_after_enter, pressed_keys};
use crate::app::counting_keys::{Action, CountKey, DISPUTE_KEY, KeyState, Refusal};
use crate::app::illustration_ui::{illustration_ui, practice_card_ui};
use crate::app::{Notice, Session, theme};
use crate::domain::count::Count;
use crate::domain::criteria::Validity;
use crate::domain::free_text::FreeText;
use crate::domain::message::{Arg, Explain};
use crate::domain::practice::{Scores, score};
use crate::domain::ruling::{RulingChoice, RulingRequest};
use crate::domain::seq::Seq;
use crate::domain::training::Training;
use crate::i18n::{T, Tr};
use crate::journal::event::Event;
use eframe::egui::{self, RichText};

/// The Training screen's own input state.
#[derive(Debug, Clone)]
pub struct TrainingState {
    /// The name typed for the member who rules next.
    pub member: String,
    /// The member ruling now, and the card shown.
    pub round: Option<Round>,
    pub keys: KeyState,
    /// Keys typed after an answer in the same frame: they act in the next
    /// frame, once the answer is recorded (dropped if it was not).
    pub pending: Vec<CountKey>,
    /// The scores are shown (the expected rulings with them).
    pub show_scores: bool,
    /// The scores, and the last entry they were made from.
    pub scores: Option<(Seq, Scores)>,
    /// A name typed that is a member who has already answered: going on
    /// as them is asked for first (it replaces their rulings).
    pub confirm_member: Option<FreeText>,
    /// Showing the scores while a member who began has not finished is
    /// asked for first.
    pub confirm_scores: bool,
    /// The training rounds kept beside the open count, read once.
    pub rounds: Option<Vec<std::path::PathBuf>>,
    /// The member who has just ruled every card, and how many.
    pub done: Option<(String, u32)>,
    /// The name field takes the keyboard when next drawn: a member has
    /// just finished, and the next one types their name.
    pub focus_member: bool,
    /// A new round's deck, as typed on a count's Training screen.
    pub cards: String,
    pub seed: String,
    /// The kinds of ballot, as `KIND=WEIGHT,...` (empty: the default mix).
    pub mix: String,
    pub trainer: String,
}

impl Default for TrainingState {
    fn default() -> TrainingState {
        TrainingState {
            member: String::new(),
            round: None,
            keys: KeyState::default(),
            pending: Vec::new(),
            show_scores: false,
            scores: None,
            confirm_member: None,
            confirm_scores: false,
            done: None,
            rounds: None,
            focus_member: true,
            cards: "20".into(),
            seed: String::new(),
            mix: String::new(),
            trainer: String::new(),
        }
    }
}

/// A member ruling the deck.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Round {
    pub member: FreeText,
    /// The card shown, from 1.
    pub card: u32,
}

/// One member as listed while the round goes on: how far they got, never
/// how well.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberLine {
    pub member: String,
    pub ruled: usize,
}

/// What the screen shows of a training round, computed from the record.
#[derive(Debug, Clone, PartialEq)]
pub struct TrainingView {
    pub cards: usize,
    pub seed: u64,
    pub trainer: Option<String>,
    pub members: Vec<MemberLine>,
}

impl TrainingView {
    pub fn new(training: &Training) -> TrainingView {
        TrainingView {
            cards: training.deck.cards.len(),
            seed: training.spec.seed,
            trainer: training.spec.trainer.as_ref().map(|t| t.to_string()),
            members: training
                .members()
                .iter()
                .map(|m| MemberLine {
                    member: m.member.to_string(),
                    ruled: m.ruled(),
                })
                .collect(),
        }
    }
}

/// The id of the member's name field.
pub fn member_field_id() -> egui::Id {
    egui::Id::unique("polltally-training-member")
}

pub fn training_ui(
    ui: &mut egui::Ui,
    tr: Tr,
    session: &mut Session,
    commands: &mut Vec<AppCommand>,
) {
    let count = session.record.count();
    let state = &mut session.training;
    let Some(training) = count.training() else {
        let path = session.record.path();
        let rounds = state
            .rounds
            .get_or_insert_with(|| crate::app::places::training_rounds(path))
            .clone();
        start_round_ui(ui, tr, state, &rounds, commands);
        return;
    };
    match state.round.clone() {
        Some(round) => ruling_ui(ui, tr, count, training, state, round, commands),
        None => {
            state.pending.clear();
            egui::ScrollArea::vertical()
                .id_salt("training")
                .show(ui, |ui| {
                    between_ui(ui, tr, training, state, commands);
                    if state.show_scores {
                        ui.separator();
                        // Scored once per entry recorded, not once a frame.
                        let entries = count.last_seq();
                        if state.scores.as_ref().is_none_or(|(at, _)| *at != entries) {
                            let scores = score(&training.deck, &training.answers());
                            state.scores = Some((entries, scores));
                        }
                        if let Some((_, scores)) = &state.scores {
                            scores_ui(ui, tr, count, scores);
                        }
                    }
                });
        }
    }
}

/// On a count: what training is, and the deck of a new round.
fn start_round_ui(
    ui: &mut egui::Ui,
    tr: Tr,
    state: &mut TrainingState,
    rounds: &[std::path::PathBuf],
    commands: &mut Vec<AppCommand>,
) {
    ui.heading(tr.t(T::ScreenTraining));
    ui.add(egui::Label::new(tr.t(T::TrainingWhat)).wrap());
    ui.add_space(8.0);
    // The rounds started from this count before, to go on with.
    if !rounds.is_empty() {
        ui.label(RichText::new(tr.t(T::TrainingRoundsKept)).strong());
        ui.horizontal_wrapped(|ui| {
            for path in rounds {
                let name = path
                    .file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                let text = tr.f(T::TrainingOpenRound, &[("name", &name)]);
                if ui.button(text).clicked() {
                    commands.push(AppCommand::OpenRecord(path.clone()));
                }
            }
        });
        ui.add_space(8.0);
    }
    egui::Grid::new("training_deck")
        .num_columns(2)
        .spacing([12.0, 8.0])
        .show(ui, |ui| {
            let label = ui.label(tr.t(T::TrainingCards));
            ui.add(egui::TextEdit::singleline(&mut state.cards).desired_width(80.0))
                .labelled_by(label.id);
            ui.end_row();
            let label = ui.label(tr.t(T::TrainingSeed));
            ui.add(
                egui::TextEdit::singleline(&mut state.seed)
                    .desired_width(200.0)
                    .hint_text(tr.t(T::TrainingSeedHint)),
            )
            .labelled_by(label.id);
            ui.end_row();
            let label = ui.label(tr.t(T::TrainingMix));
            ui.add(
                egui::TextEdit::singleline(&mut state.mix)
                    .desired_width(ui.available_width().min(560.0))
                    .hint_text(tr.t(T::TrainingMixHint)),
            )
            .labelled_by(label.id);
            ui.end_row();
            let label = ui.label(tr.t(T::TrainingTrainer));
            ui.add(egui::TextEdit::singleline(&mut state.trainer).desired_width(300.0))
                .labelled_by(label.id);
            ui.end_row();
        });
    ui.add_space(8.0);
    if ui
        .button(RichText::new(tr.t(T::TrainingStart)).size(20.0))
        .clicked()
    {
        commands.push(AppCommand::StartTraining {
            cards: state.cards.clone(),
            seed: state.seed.clone(),
            mix: state.mix.clone(),
            trainer: state.trainer.clone(),
        });
    }
}

/// Between two members: the deck, who has ruled how many cards, the name
/// of the next member, and the scores when asked for.
fn between_ui(
    ui: &mut egui::Ui,
    tr: Tr,
    training: &Training,
    state: &mut TrainingState,
    commands: &mut Vec<AppCommand>,
) {
    let view = TrainingView::new(training);
    if let Some((member, cards)) = &state.done {
        ui.label(
            RichText::new(tr.f(
                T::TrainingMemberDone,
                &[("member", member), ("cards", &tr.num(cards))],
            ))
            .size(18.0)
            .strong()
            .color(theme::SEALED),
        );
    }
    ui.label(
        RichText::new(tr.f(
            T::TrainingDeckLine,
            &[("cards", &tr.num(view.cards)), ("seed", &tr.num(view.seed))],
        ))
        .size(18.0),
    );
    if let Some(trainer) = &view.trainer {
        ui.label(tr.f(T::TrainingLedBy, &[("trainer", trainer)]));
    }
    ui.add_space(6.0);
    if view.members.is_empty() {
        ui.label(tr.t(T::TrainingNoAnswers));
    }
    for m in &view.members {
        ui.label(tr.f(
            T::TrainingMemberProgress,
            &[
                ("member", &m.member),
                ("ruled", &tr.num(m.ruled)),
                ("cards", &tr.num(view.cards)),
            ],
        ));
    }
    ui.add_space(10.0);
    let who = ui.label(RichText::new(tr.t(T::TrainingWhoRules)).strong());
    let mut begin = false;
    ui.horizontal(|ui| {
        let field = ui
            .add(
                egui::TextEdit::singleline(&mut state.member)
                    .id(member_field_id())
                    .desired_width(260.0)
                    .hint_text(tr.t(T::TrainingMemberHint)),
            )
            .labelled_by(who.id);
        if std::mem::take(&mut state.focus_member) {
            field.request_focus();
        }
        if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            begin = true;
            // Keys typed after the Enter in the same frame rule the first
            // cards, as they would a frame later.
            state.pending = keys_after_enter(ui);
        }
        begin |= ui
            .button(RichText::new(tr.t(T::TrainingBegin)).size(18.0))
            .clicked();
    });
    ui.add(egui::Label::new(RichText::new(tr.t(T::TrainingPrivacy)).weak()).wrap());
    if begin {
        match FreeText::parse("member", &state.member) {
            // A name already answering is asked about first: another
            // member must not go on with (and replace) their rulings.
            Ok(member)
                if training.member(member.as_str()).is_some()
                    && state.confirm_member.as_ref() != Some(&member) =>
            {
                state.confirm_member = Some(member);
                state.pending.clear();
            }
            Ok(member) => {
                begin_round(training, state, member);
                if !state.pending.is_empty() {
                    ui.ctx().request_repaint();
                }
            }
            Err(problem) => {
                state.pending.clear();
                commands.push(AppCommand::Notify(Notice::problem(problem)));
            }
        }
    }
    if let Some(member) = state.confirm_member.clone()
        && let Some(known) = training.member(member.as_str())
    {
        ui.label(
            RichText::new(tr.f(
                T::TrainingNameTaken,
                &[
                    ("member", &known.member),
                    ("ruled", &tr.num(known.ruled())),
                    ("cards", &tr.num(view.cards)),
                ],
            ))
            .color(theme::WARNING),
        );
        let go_on = tr.f(T::TrainingGoOnAs, &[("member", &known.member)]);
        if ui.button(go_on).clicked() {
            begin_round(training, state, member);
        }
    }
    ui.add_space(10.0);
    // The scores show the expected rulings and everyone's answers: a member
    // who began and has not finished should not see them and go on.
    let unfinished: Vec<&str> = view
        .members
        .iter()
        .filter(|m| m.ruled < view.cards)
        .map(|m| m.member.as_str())
        .collect();
    ui.horizontal(|ui| {
        if state.show_scores {
            if ui.button(tr.t(T::TrainingHideScores)).clicked() {
                state.show_scores = false;
            }
            if ui.button(tr.t(T::TrainingSaveReport)).clicked() {
                commands.push(AppCommand::SaveTrainingReport);
            }
        } else if ui.button(tr.t(T::TrainingShowScores)).clicked() {
            if unfinished.is_empty() {
                state.show_scores = true;
            } else {
                state.confirm_scores = true;
            }
        }
    });
    if state.confirm_scores && !state.show_scores {
        ui.label(
            RichText::new(tr.f(
                T::TrainingScoresEarly,
                &[("members", &unfinished.join(", "))],
            ))
            .color(theme::WARNING),
        );
        if ui.button(tr.t(T::TrainingShowScoresNow)).clicked() {
            state.show_scores = true;
            state.confirm_scores = false;
        }
    }
}

/// `member` begins (or goes on) ruling: from the first card they have not
/// ruled, or from card 1 when they ruled every card; a member who has
/// answered goes on under the name first recorded.
fn begin_round(training: &Training, state: &mut TrainingState, member: FreeText) {
    let known = training.member(member.as_str());
    let card = known.and_then(|m| m.next_card()).unwrap_or(1);
    let member = known.map_or_else(|| member.trimmed(), |m| m.member.clone());
    state.round = Some(Round { member, card });
    state.keys.reset();
    state.member.clear();
    state.show_scores = false;
    state.confirm_scores = false;
    state.confirm_member = None;
    state.done = None;
}

/// A member ruling: the card drawn large, the keys of the counting screen,
/// the member's own last answer.
fn ruling_ui(
    ui: &mut egui::Ui,
    tr: Tr,
    count: &Count,
    training: &Training,
    state: &mut TrainingState,
    round: Round,
    commands: &mut Vec<AppCommand>,
) {
    let def = count.definition();
    let total = training.deck.cards.len() as u32;
    // Past the last card: its answer was recorded (one that was not sends
    // the member back to its card), so the member has finished.
    if round.card > total {
        state.round = None;
        state.pending.clear();
        state.keys.reset();
        state.focus_member = true;
        state.done = Some((round.member.to_string(), total));
        return;
    }
    // The keys, in the order typed; after an answer the rest wait for the
    // next frame, when the answer is recorded.
    let mut keys = std::mem::take(&mut state.pending);
    keys.extend(pressed_keys(ui));
    let mut keys = keys.into_iter();
    let mut card = round.card;
    while let Some(key) = keys.next() {
        let action = match key {
            CountKey::Backspace if state.keys.digits.is_empty() && state.keys.armed.is_none() => {
                // Back one card: the next answer replaces the one given.
                card = card.saturating_sub(1).max(1);
                None
            }
            CountKey::Letter(DISPUTE_KEY) => Some(Action::Refused(Refusal::UnusedKey(DISPUTE_KEY))),
            other => state.keys.press(other, count),
        };
        let answered = answer(action, count, &round.member, card, commands);
        if answered {
            card += 1;
            state.pending = keys.collect();
            if !state.pending.is_empty() {
                ui.ctx().request_repaint();
            }
            break;
        }
    }
    if let Some(r) = &mut state.round {
        r.card = card;
    }

    let Some(shown) = card_of(training, card) else {
        // Past the last card, until the next frame ends the round.
        ui.ctx().request_repaint();
        return;
    };
    egui::Panel::bottom("training_keys").show(ui, |ui| {
        // The letters this station's criteria have keys for.
        let letters = |keys: Vec<(char, crate::domain::criteria::CriterionCode)>| {
            keys.iter()
                .map(|(k, _)| k.to_string())
                .collect::<Vec<_>>()
                .join(" ")
        };
        let help = tr.f(
            T::TrainingKeysHelp,
            &[
                (
                    "invalid",
                    &letters(crate::app::counting_keys::invalid_keys(def)),
                ),
                (
                    "valid",
                    &letters(crate::app::counting_keys::valid_keys(def)),
                ),
            ],
        );
        ui.add(egui::Label::new(RichText::new(help).weak()).wrap());
    });
    let labels: Vec<String> = def
        .parties
        .iter()
        .map(|p| format!("{}  {}", tr.num(p.number), p.abbreviation))
        .collect();
    // The card as tall as the screen allows, its panel as wide as the card
    // (at most two fifths of the window).
    let rows = labels.len().max(1);
    let tall = crate::illustration::ballot_height(rows) / crate::illustration::WIDTH;
    let height = (ui.available_height() - 24.0).clamp(200.0, 900.0);
    let width = (height / tall + 16.0).min(ui.available_width() * 0.40);
    egui::Panel::left("training_card")
        .resizable(false)
        .exact_size(width)
        .show(ui, |ui| {
            let fits = ui.available_width() * tall;
            practice_card_ui(ui, shown, &labels, height.min(fits));
        });
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical()
            .id_salt("training_ruling")
            .show(ui, |ui| {
                ui.label(
                    RichText::new(tr.f(
                        T::TrainingRuling,
                        &[
                            ("member", &round.member),
                            ("card", &tr.num(card)),
                            ("cards", &tr.num(total)),
                        ],
                    ))
                    .size(26.0)
                    .strong(),
                );
                // The member's own answer to the card before, never anyone else's.
                let before = training.member(round.member.as_str()).and_then(|m| {
                    let i = (card as usize).checked_sub(1)?;
                    m.rulings.get(i).cloned().flatten()
                });
                let line = match before {
                    Some((_, verdict)) => tr.f(
                        T::TrainingAnsweredBefore,
                        &[("verdict", &tr.verdict_in(def, &verdict))],
                    ),
                    None => String::new(),
                };
                ui.label(RichText::new(line).size(16.0));
                // What the keyboard waits for: a second digit, or the party of a
                // mark picked.
                if let Some(code) = &state.keys.armed {
                    let title = def
                        .criteria
                        .get(code)
                        .map_or("", |c| c.title.get(tr.lang.code()));
                    ui.label(
                        RichText::new(tr.f(T::Armed, &[("code", code), ("title", &title)]))
                            .size(16.0)
                            .strong(),
                    );
                } else if !state.keys.digits.is_empty() {
                    ui.label(
                        RichText::new(
                            tr.f(T::PartyPrefix, &[("digits", &tr.num(&state.keys.digits))]),
                        )
                        .size(16.0)
                        .strong(),
                    );
                }

                ui.add_space(6.0);
                let mut clicked: Option<RulingRequest> = None;
                ui.label(RichText::new(tr.t(T::ValidHeading)).strong());
                ui.horizontal_wrapped(|ui| {
                    for p in &def.parties {
                        let text =
                            RichText::new(format!("{}  {}", tr.num(p.number), p.abbreviation))
                                .size(20.0)
                                .strong();
                        if theme::big_button(ui, text, theme::VALID, egui::vec2(120.0, 40.0))
                            .on_hover_text(p.name.get(tr.lang.code()))
                            .clicked()
                        {
                            clicked = Some(RulingRequest {
                                choice: RulingChoice::Party {
                                    party: p.number.0,
                                    criterion: state.keys.armed.take().map(|c| c.to_string()),
                                },
                                disputed_by: vec![],
                                note: None,
                            });
                        }
                    }
                });
                ui.add_space(4.0);
                ui.label(RichText::new(tr.t(T::InvalidHeading)).strong());
                let invalid_keys = crate::app::counting_keys::invalid_keys(def);
                ui.horizontal_wrapped(|ui| {
                    for c in def.criteria.of(Validity::Invalid) {
                        let key = invalid_keys
                            .iter()
                            .find(|(_, code)| *code == c.code)
                            .map_or(String::new(), |(k, _)| format!("{k}  "));
                        let text = RichText::new(format!(
                            "{key}{} {}",
                            c.code,
                            c.title.get(tr.lang.code())
                        ))
                        .size(16.0)
                        .strong();
                        if theme::big_button(ui, text, theme::INVALID, egui::vec2(220.0, 36.0))
                            .clicked()
                        {
                            clicked = Some(RulingRequest {
                                choice: RulingChoice::Invalid {
                                    code: c.code.to_string(),
                                },
                                disputed_by: vec![],
                                note: None,
                            });
                        }
                    }
                });
                ui.add_space(4.0);
                ui.label(RichText::new(tr.t(T::OtherValidMarks)).strong());
                let valid_keys = crate::app::counting_keys::valid_keys(def);
                ui.horizontal_wrapped(|ui| {
                    for (key, code) in &valid_keys {
                        let selected = state.keys.armed.as_ref() == Some(code);
                        let title = def
                            .criteria
                            .get(code)
                            .map_or("", |c| c.title.get(tr.lang.code()));
                        if ui
                            .selectable_label(selected, format!("{key}  {code} {title}"))
                            .clicked()
                        {
                            state.keys.armed = Some(code.clone());
                        }
                    }
                });
                ui.add_space(10.0);
                ui.horizontal(|ui| {
                    if card > 1 && ui.button(tr.t(T::TrainingBack)).clicked() {
                        state.keys.reset();
                        if let Some(r) = &mut state.round {
                            r.card = card - 1;
                        }
                    }
                    if ui.button(tr.t(T::TrainingStop)).clicked() {
                        state.round = None;
                        state.focus_member = true;
                        state.keys.reset();
                        state.pending.clear();
                    }
                });
                if let Some(request) = clicked
                    && answer(
                        Some(Action::Rule(request)),
                        count,
                        &round.member,
                        card,
                        commands,
                    )
                {
                    state.keys.reset();
                    if let Some(r) = &mut state.round {
                        r.card = card + 1;
                    }
                }
            });
    });
}

/// Turns a keyboard action into the member's answer to `card` (checked by
/// the core first, so that a refusal is shown at once and nothing is
/// written); whether an answer was sent.
fn answer(
    action: Option<Action>,
    count: &Count,
    member: &FreeText,
    card: u32,
    commands: &mut Vec<AppCommand>,
) -> bool {
    let refuse = |commands: &mut Vec<AppCommand>, notice: Notice| {
        commands.push(AppCommand::Notify(notice));
        false
    };
    match action {
        None => false,
        Some(Action::Rule(request)) => {
            let verdict = match request.resolve(count.definition()) {
                Ok(ruling) => ruling.verdict,
                Err(err) => return refuse(commands, Notice::problem(err.message())),
            };
            if let Err(err) = count.check_answer(member, card, &verdict) {
                return refuse(commands, Notice::problem(err.message()));
            }
            commands.push(AppCommand::Append(Event::TrainingAnswer {
                member: member.clone(),
                card,
                verdict,
            }));
            true
        }
        Some(Action::Dispute { .. }) => false,
        // A training round has no checkpoints: the key means nothing here.
        Some(Action::Checkpoint) => refuse(
            commands,
            Notice::refusal(
                T::KeyDoesNothing,
                vec![(
                    "key",
                    Arg::Text(crate::app::counting_keys::CHECKPOINT_KEY.to_string()),
                )],
            ),
        ),
        Some(Action::Refused(Refusal::NoSuchPrefix(digits))) => {
            let digits = digits.parse::<u64>().map_or(Arg::Text(digits), Arg::Num);
            refuse(
                commands,
                Notice::refusal(T::NoSuchPartyPrefix, vec![("digits", digits)]),
            )
        }
        Some(Action::Refused(
            Refusal::NothingToVoid | Refusal::NothingToDispute | Refusal::FinishFirst,
        )) => false,
        Some(Action::Refused(Refusal::UnusedKey(key))) => refuse(
            commands,
            Notice::refusal(T::KeyDoesNothing, vec![("key", Arg::Text(key.to_string()))]),
        ),
    }
}

/// A kappa as shown: two decimals, or a dash where it is undefined.
fn kappa_text(tr: Tr, kappa: Option<f64>) -> String {
    kappa.map_or_else(|| "-".to_string(), |k| tr.num(format!("{k:.2}")))
}

/// The scores, the agreement and the cards ruled differently.
fn scores_ui(ui: &mut egui::Ui, tr: Tr, count: &Count, scores: &Scores) {
    let def = count.definition();
    ui.heading(tr.t(T::TrainingScores));
    // One column per criterion the deck has cards of: correct of cards.
    let codes: Vec<_> = scores
        .members
        .first()
        .map(|m| {
            m.per_criterion
                .iter()
                .map(|(code, _, _)| code.clone())
                .collect()
        })
        .unwrap_or_default();
    egui::ScrollArea::horizontal()
        .id_salt("training_scores")
        .show(ui, |ui| {
            egui::Grid::new("training_scores")
                .striped(true)
                .spacing([14.0, 4.0])
                .show(ui, |ui| {
                    ui.label(RichText::new(tr.t(T::TrainingMember)).strong());
                    ui.label(RichText::new(tr.t(T::TrainingCorrect)).strong());
                    for code in &codes {
                        ui.label(RichText::new(code.as_str()).strong());
                    }
                    ui.end_row();
                    for m in &scores.members {
                        ui.label(&m.member);
                        ui.label(tr.f(
                            T::TrainingCorrectOf,
                            &[("correct", &tr.num(m.correct)), ("ruled", &tr.num(m.ruled))],
                        ));
                        for (_, cards, correct) in &m.per_criterion {
                            let text = format!("{}/{}", tr.num(correct), tr.num(cards));
                            ui.label(if correct < cards {
                                RichText::new(text).color(theme::DIFFERS)
                            } else {
                                RichText::new(text)
                            });
                        }
                        ui.end_row();
                    }
                });
        });
    ui.add_space(8.0);
    match &scores.agreement {
        Some(a) => ui.label(
            RichText::new(tr.f(
                T::TrainingKappa,
                &[
                    ("kappa", &kappa_text(tr, a.kappa)),
                    ("ballots", &tr.num(a.subjects)),
                    ("raters", &tr.num(a.raters)),
                ],
            ))
            .size(18.0)
            .strong(),
        ),
        None => ui.label(tr.t(T::TrainingNoKappa)),
    };
    if !scores.left_out.is_empty()
        && let Some(training) = count.training()
    {
        let members = tr.left_out(&scores.left_out, training.deck.cards.len());
        ui.label(
            RichText::new(tr.f(T::TrainingLeftOut, &[("members", &members)])).color(theme::WARNING),
        );
    }
    if !scores.by_criterion.is_empty() {
        let per: Vec<String> = scores
            .by_criterion
            .iter()
            .map(|(code, k)| format!("{code} {}", kappa_text(tr, *k)))
            .collect();
        ui.label(tr.f(T::TrainingKappaPer, &[("per", &per.join("   "))]));
    }
    ui.add_space(8.0);
    ui.heading(tr.f(
        T::TrainingDisagreed,
        &[("n", &tr.num(scores.disagreements.len()))],
    ));
    let labels: Vec<String> = def
        .parties
        .iter()
        .map(|p| format!("{}  {}", tr.num(p.number), p.abbreviation))
        .collect();
    let Some(training) = count.training() else {
        return;
    };
    for d in &scores.disagreements {
        let Some(card) = card_of(training, d.card) else {
            continue;
        };
        ui.separator();
        ui.horizontal_top(|ui| {
            practice_card_ui(ui, card, &labels, 380.0);
            ui.vertical(|ui| {
                ui.label(
                    RichText::new(tr.f(T::TrainingCard, &[("card", &tr.num(d.card))]))
                        .size(18.0)
                        .strong(),
                );
                for (member, ruling) in &d.rulings {
                    let said = ruling.as_ref().map_or_else(
                        || tr.t(T::TrainingNotRuled).to_string(),
                        |v| tr.verdict_in(def, v),
                    );
                    let right = ruling.as_ref() == Some(&d.expected);
                    let text = RichText::new(format!("{member}: {said}"));
                    ui.label(if right {
                        text
                    } else {
                        text.color(theme::DIFFERS)
                    });
                }
                ui.label(
                    RichText::new(tr.f(
                        T::TrainingExpected,
                        &[("verdict", &tr.verdict_in(def, &d.expected))],
                    ))
                    .strong(),
                );
                if let Some(c) = def.criteria.get(d.expected.criterion()) {
                    ui.horizontal_top(|ui| {
                        illustration_ui(ui, c.code.as_str(), 110.0);
                        ui.vertical(|ui| {
                            ui.label(
                                RichText::new(format!(
                                    "{} {}",
                                    c.code,
                                    c.title.get(tr.lang.code())
                                ))
                                .strong(),
                            );
                            ui.add(egui::Label::new(tr.station_text(&c.rule)).wrap());
                        });
                    });
                }
            });
        });
    }
}

/// Card `number` (from 1) of the round's deck.
fn card_of(training: &Training, number: u32) -> Option<&crate::domain::practice::Card> {
    let i = (number as usize).checked_sub(1)?;
    training.deck.cards.get(i)
}
