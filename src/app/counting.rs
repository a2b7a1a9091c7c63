//! Counting screen, the one used most: the next ballot number, one keystroke
//! (or one big button) per ruling, the ballot just ruled with what to write on
//! its back, the live tally, the last rulings with their ballot numbers, and
//! the criteria with their illustrations.

use crate::app::command::AppCommand;
use crate::app::counting_keys::{
    Action, CountKey, DISPUTE_KEY, KeyState, Mode, Refusal, invalid_keys, valid_keys,
};
use crate::app::illustration_ui::illustration_ui;
use crate::app::{Notice, Session, theme};
use crate::domain::ballot::BallotNumber;
use crate::domain::count::Count;
use crate::domain::criteria::Validity;
use crate::domain::free_text::FreeText;
use crate::domain::message::{Arg, Explain, Label};
use crate::domain::reconciliation::Figure;
use crate::domain::ruling::{RulingChoice, RulingRequest, Verdict};
use crate::domain::seq::Seq;
use crate::i18n::public_display::PublicText;
use crate::i18n::{T, Tr};
use crate::journal::event::Event;
use eframe::egui::{self, RichText};

/// The height kept for the ballot just ruled, in points.
const JUST_RULED_HEIGHT: f32 = 48.0;

/// How many recent rulings the screen lists.
const RECENT: usize = 8;

/// The key that shows or hides the public display.
pub const PUBLIC_DISPLAY_KEY: egui::Key = egui::Key::F11;

/// The keyboard state and the void reason being typed.
#[derive(Debug, Clone, Default)]
pub struct CountingState {
    pub keys: KeyState,
    pub void_reason: String,
    pub void_focus_pending: bool,
    /// Keys typed after a ruling or dispute in the same frame. They act in
    /// the next frame, on the count that the ruling leaves, so that `3` then
    /// `D` disputes the ballot just ruled, not the one before it. Keys typed
    /// after a key that opens the void prompt are dropped on purpose: the
    /// void is confirmed only once the prompt has been seen. They are also
    /// dropped when the ruling before them was not recorded, and when the
    /// screen changes.
    pub pending: Vec<CountKey>,
    /// A complaint being recorded: while its form is open, keys type into
    /// it and rule nothing.
    pub complaint: crate::app::complaint::ComplaintForm,
    /// F12 was pressed: the form opens once the keys typed before it have
    /// ruled.
    pub complaint_asked: bool,
    /// The public display is shown (F11 or its button here, or
    /// `open --public-display`); it stays shown on the other screens.
    pub public_display: bool,
}

/// One criterion's line: its key, code, title and count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CriterionLine {
    pub key: Option<char>,
    pub code: String,
    pub title: String,
    pub count: u64,
}

/// A recent ruling as listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecentRuling {
    /// The ballot's number, the one shown.
    pub ballot: BallotNumber,
    pub verdict: String,
    pub disputed_by: Vec<u32>,
    pub voided_by: Option<Seq>,
}

/// The ballot last ruled, disputed or voided, shown large at once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JustRuled {
    pub ballot: BallotNumber,
    pub verdict: String,
    pub disputed_by: Vec<u32>,
    /// Invalid or disputed, and live: its number goes on its back and it is
    /// set aside (for a review).
    pub set_aside: bool,
    pub voided: bool,
}

/// What the counting screen shows, computed from the count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountingView {
    /// The number the next ruling takes.
    pub next_ballot: u64,
    /// The next ruling rules again a ballot whose ruling was voided.
    pub next_again: bool,
    pub just_ruled: Option<JustRuled>,
    pub ruled: u64,
    pub in_box: Option<u64>,
    pub parties: Vec<crate::domain::public_view::PartyVotes>,
    pub invalid: Vec<CriterionLine>,
    pub other_valid: Vec<CriterionLine>,
    pub disputed: u64,
    pub recent: Vec<RecentRuling>,
}

/// A verdict as a line of text, with the party's abbreviation and the
/// criterion's title from the station file.
pub fn verdict_text(tr: Tr, count: &Count, verdict: &Verdict) -> String {
    tr.verdict_in(count.definition(), verdict)
}

impl CountingView {
    /// Builds the view; costs O(parties + criteria + recent), whatever the
    /// length of the journal.
    pub fn new(count: &Count, tr: Tr) -> CountingView {
        let def = count.definition();
        let tally = count.tally();
        let lang = tr.lang.code();
        let keys = invalid_keys(def);
        let alternatives = valid_keys(def);
        let line = |code: &crate::domain::criteria::CriterionCode, key: Option<char>, n: u64| {
            CriterionLine {
                key,
                code: code.to_string(),
                title: def
                    .criteria
                    .get(code)
                    .map_or(String::new(), |c| c.title.get(lang).to_string()),
                count: n,
            }
        };
        CountingView {
            next_ballot: count.next_ballot().0,
            next_again: count.ballots().next_is_again(),
            just_ruled: count.last_acted_on().map(|(_, r)| JustRuled {
                ballot: r.ballot,
                verdict: verdict_text(tr, count, &r.ruling.verdict),
                disputed_by: r.disputants().map(|p| p.0).collect(),
                set_aside: r.is_set_aside(),
                voided: !r.is_live(),
            }),
            ruled: tally.ruled(),
            in_box: count.figures().get(Figure::InBox),
            parties: crate::domain::public_view::party_votes(count, lang),
            invalid: def
                .criteria
                .of(Validity::Invalid)
                .map(|c| {
                    let key = keys
                        .iter()
                        .find(|(_, code)| *code == c.code)
                        .map(|(k, _)| *k);
                    line(
                        &c.code,
                        key,
                        tally.invalid().get(&c.code).copied().unwrap_or(0),
                    )
                })
                .collect(),
            other_valid: alternatives
                .iter()
                .map(|(key, code)| {
                    line(
                        code,
                        Some(*key),
                        tally.valid_by_criterion().get(code).copied().unwrap_or(0),
                    )
                })
                .collect(),
            disputed: tally.disputed(),
            recent: count
                .rulings()
                .iter()
                .rev()
                .take(RECENT)
                .map(|(_, r)| RecentRuling {
                    ballot: r.ballot,
                    verdict: verdict_text(tr, count, &r.ruling.verdict),
                    disputed_by: r.disputants().map(|p| p.0).collect(),
                    voided_by: r.voided_by,
                })
                .collect(),
        }
    }
}

/// The keys pressed this frame without Ctrl, Alt or Command (repeats left
/// out), each with the key at its physical position when known.
fn plain_presses(ui: &egui::Ui) -> Vec<(egui::Key, Option<egui::Key>)> {
    ui.input(|i| {
        i.events
            .iter()
            .filter_map(|event| match event {
                egui::Event::Key {
                    key,
                    physical_key,
                    pressed: true,
                    repeat: false,
                    modifiers,
                    ..
                } if !modifiers.ctrl && !modifiers.alt && !modifiers.command => {
                    Some((*key, *physical_key))
                }
                _ => None,
            })
            .collect()
    })
}

/// The keys pressed this frame, as the counting keyboard reads them. Letters
/// are read by their physical position, so they work with a Khmer layout.
pub(crate) fn pressed_keys(ui: &egui::Ui) -> Vec<CountKey> {
    count_keys(&plain_presses(ui))
}

/// The counting keys among `presses`, in order.
fn count_keys(presses: &[(egui::Key, Option<egui::Key>)]) -> Vec<CountKey> {
    presses
        .iter()
        .filter_map(|(key, physical)| {
            to_count_key(physical.unwrap_or(*key)).or_else(|| to_count_key(*key))
        })
        .collect()
}

/// The keys pressed this frame after the first Enter, as the counting
/// keyboard reads them: what a fast typist typed after the Enter that
/// began a member's turn, in the same frame.
pub(crate) fn keys_after_enter(ui: &egui::Ui) -> Vec<CountKey> {
    plain_presses(ui)
        .into_iter()
        .skip_while(|(key, _)| *key != egui::Key::Enter)
        .skip(1)
        .filter_map(|(key, physical)| {
            to_count_key(physical.unwrap_or(key)).or_else(|| to_count_key(key))
        })
        .collect()
}

/// The keys pressed this frame that the counting keyboard has no use for
/// (Tab, the arrows, ...), in the order pressed. The function keys change
/// screens and are not among them.
fn unused_keys(ui: &egui::Ui) -> Vec<egui::Key> {
    plain_presses(ui)
        .into_iter()
        .filter(|(key, physical)| {
            to_count_key(physical.unwrap_or(*key)).is_none()
                && to_count_key(*key).is_none()
                && !is_function_key(*key)
        })
        .map(|(key, _)| key)
        .collect()
}

fn is_function_key(key: egui::Key) -> bool {
    key.name()
        .strip_prefix('F')
        .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

/// The first key pressed this frame, by the name printed on it.
fn first_pressed(ui: &egui::Ui) -> Option<String> {
    ui.input(|i| {
        i.events.iter().find_map(|event| match event {
            egui::Event::Key {
                key,
                pressed: true,
                repeat: false,
                ..
            } if !is_function_key(*key) => Some(key_name(*key)),
            _ => None,
        })
    })
}

/// A key as printed on the keyboard: `5`, `Q`, `Tab`.
fn key_name(key: egui::Key) -> String {
    match to_count_key(key) {
        Some(CountKey::Digit(d)) => d.to_string(),
        Some(CountKey::Letter(c)) => c.to_string(),
        _ => key.name().to_string(),
    }
}

/// The id of the void reason field: on the counting screen the one widget
/// that may hold the keyboard focus.
pub fn void_reason_id() -> egui::Id {
    egui::Id::unique("polltally-void-reason")
}

/// What may hold the keyboard focus on the counting screen: the void
/// reason while a void is asked for, else nothing, so that every key goes
/// to the counting keyboard and Enter never presses a focused button.
pub fn allowed_focus(state: &CountingState) -> Option<egui::Id> {
    matches!(state.keys.mode, Mode::Void { .. }).then(void_reason_id)
}

/// Says why a key did nothing.
fn unused_key_notice(key: egui::Key) -> AppCommand {
    AppCommand::Notify(if key == egui::Key::Tab {
        Notice::refusal(T::TabWhileCounting, vec![])
    } else {
        Notice::refusal(T::KeyDoesNothing, vec![("key", Arg::Text(key_name(key)))])
    })
}

/// The digit keys, 0 to 9.
pub const DIGIT_KEYS: [egui::Key; 10] = [
    egui::Key::Num0,
    egui::Key::Num1,
    egui::Key::Num2,
    egui::Key::Num3,
    egui::Key::Num4,
    egui::Key::Num5,
    egui::Key::Num6,
    egui::Key::Num7,
    egui::Key::Num8,
    egui::Key::Num9,
];

fn to_count_key(key: egui::Key) -> Option<CountKey> {
    use egui::Key;
    if let Some(d) = DIGIT_KEYS.iter().position(|k| *k == key) {
        return Some(CountKey::Digit(d as u8));
    }
    Some(match key {
        Key::Enter => CountKey::Enter,
        Key::Escape => CountKey::Escape,
        Key::Backspace => CountKey::Backspace,
        Key::Space => CountKey::Space,
        other => {
            let name = other.name();
            let mut chars = name.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) if c.is_ascii_alphabetic() => {
                    CountKey::Letter(c.to_ascii_uppercase())
                }
                _ => return None,
            }
        }
    })
}

/// Turns a keyboard action into a command (checked by the core first, so
/// that a refusal is shown at once and nothing is written).
fn act(action: Action, count: &Count, commands: &mut Vec<AppCommand>) {
    let refuse = |commands: &mut Vec<AppCommand>, notice: Notice| {
        commands.push(AppCommand::Notify(notice));
    };
    match action {
        Action::Rule(request) => match request.resolve(count.definition()) {
            Ok(ruling) => commands.push(AppCommand::Append(Event::Ruling(ruling))),
            Err(err) => refuse(commands, Notice::problem(err.message())),
        },
        Action::Checkpoint => match count.check_checkpoint() {
            Ok(()) => commands.push(AppCommand::Append(Event::Checkpoint)),
            Err(err) => refuse(commands, Notice::problem(err.message())),
        },
        Action::Dispute { target, parties } => match count.check_dispute(target, &parties) {
            Ok(()) => commands.push(AppCommand::Append(Event::Dispute {
                ruling_seq: target,
                parties,
            })),
            Err(err) => refuse(commands, Notice::problem(err.message())),
        },
        Action::Refused(Refusal::NoSuchPrefix(digits)) => {
            let digits = digits.parse::<u64>().map_or(Arg::Text(digits), Arg::Num);
            refuse(
                commands,
                Notice::refusal(T::NoSuchPartyPrefix, vec![("digits", digits)]),
            );
        }
        Action::Refused(Refusal::FinishFirst) => {
            refuse(commands, Notice::refusal(T::CheckpointFinishFirst, vec![]))
        }
        Action::Refused(Refusal::NothingToVoid) => {
            refuse(commands, Notice::refusal(T::NothingToVoid, vec![]))
        }
        Action::Refused(Refusal::NothingToDispute) => {
            refuse(commands, Notice::refusal(T::NothingToDispute, vec![]))
        }
        Action::Refused(Refusal::UnusedKey(key)) => {
            refuse(
                commands,
                Notice::refusal(T::KeyDoesNothing, vec![("key", Arg::Text(key.to_string()))]),
            );
        }
    }
}

/// The ballot number of the ruling at `seq`, as shown.
fn ballot_of(tr: Tr, count: &Count, seq: Seq) -> String {
    count
        .rulings()
        .get(&seq)
        .map_or(String::from("?"), |r| tr.num(r.ballot))
}

/// The ruled count beside the ballots in the box, as the progress bar shows
/// it (and the public display): its text, how full it is, and whether more
/// were ruled than were in the box.
pub(crate) fn progress(tr: Tr, ruled: u64, in_box: Option<u64>) -> (String, f32, bool) {
    match in_box {
        Some(b) if ruled > b => (
            tr.f(
                T::RuledOverBox,
                &[
                    ("ruled", &tr.num(ruled)),
                    ("over", &tr.num(ruled - b)),
                    ("in_box", &tr.num(b)),
                ],
            ),
            1.0,
            true,
        ),
        Some(b) => (
            tr.f(
                T::RuledOf,
                &[("ruled", &tr.num(ruled)), ("in_box", &tr.num(b))],
            ),
            if b == 0 {
                1.0
            } else {
                (ruled as f32 / b as f32).min(1.0)
            },
            false,
        ),
        None => (
            tr.f(T::RuledNoBox, &[("ruled", &tr.num(ruled))]),
            0.0,
            false,
        ),
    }
}

/// The warning shown when more ballots were ruled than were in the box (on
/// this screen and on Results); `None` otherwise.
pub fn over_box_warning(tr: Tr, count: &Count) -> Option<String> {
    let ruled = count.tally().ruled();
    let in_box = count.figures().get(Figure::InBox)?;
    (ruled > in_box).then(|| {
        tr.f(
            T::OverBoxWarning,
            &[
                ("ruled", &tr.num(ruled)),
                ("over", &tr.num(ruled - in_box)),
                ("in_box", &tr.num(in_box)),
            ],
        )
    })
}

/// The line under the ballot number: what the keyboard is waiting for.
fn prompt_text(tr: Tr, count: &Count, keys: &KeyState) -> String {
    if let Mode::Dispute { target, parties } = &keys.mode {
        let mut list: Vec<String> = parties.iter().map(|p| tr.num(p)).collect();
        if !keys.digits.is_empty() {
            list.push(format!("{}_", tr.num(&keys.digits)));
        }
        return tr.f(
            T::DisputePrompt,
            &[
                ("ballot", &ballot_of(tr, count, *target)),
                ("parties", &list.join(", ")),
            ],
        );
    }
    if let Some(code) = &keys.armed {
        let title = count
            .definition()
            .criteria
            .get(code)
            .map_or("", |c| c.title.get(tr.lang.code()));
        return tr.f(T::Armed, &[("code", code), ("title", &title)]);
    }
    if !keys.digits.is_empty() {
        return tr.f(T::PartyPrefix, &[("digits", &tr.num(&keys.digits))]);
    }
    tr.t(T::TypeParty).into()
}

pub fn counting_ui(
    ui: &mut egui::Ui,
    tr: Tr,
    session: &mut Session,
    commands: &mut Vec<AppCommand>,
) {
    let count = session.record.count();
    let state = &mut session.counting;
    let view = CountingView::new(count, tr);

    let sealed = count.seal().is_some();
    if sealed {
        state.keys.reset();
        if let Some(key) = first_pressed(ui) {
            commands.push(AppCommand::Notify(Notice::refusal(
                T::KeyWhileSealed,
                vec![("key", Arg::Text(key.to_string()))],
            )));
        }
    }
    // F12 opens the complaint form, once the keys typed before it in the
    // same frame have ruled; those typed after it are dropped. While the
    // form is open, the keys type into it and rule nothing.
    let presses = plain_presses(ui);
    let complaint_at = presses
        .iter()
        .position(|(key, _)| *key == crate::app::complaint::COMPLAINT_KEY);
    let complaint_key = ui
        .input_mut(|i| i.consume_key(egui::Modifiers::NONE, crate::app::complaint::COMPLAINT_KEY));
    if complaint_key && !sealed && !state.complaint.open {
        state.complaint_asked = true;
    }
    // Nothing but the void reason holds the focus here (see
    // `allowed_focus`): whatever was focused before, the keys rule.
    let listening =
        !sealed && !state.complaint.open && !matches!(state.keys.mode, Mode::Void { .. });
    if listening && let Some(key) = unused_keys(ui).last() {
        commands.push(unused_key_notice(*key));
    }
    if !listening {
        // Keys held over from a burst do not wait for a later screen state.
        state.pending.clear();
    } else {
        let mut keys = std::mem::take(&mut state.pending);
        match complaint_at {
            Some(at) => keys.extend(count_keys(&presses[..at])),
            None => keys.extend(pressed_keys(ui)),
        }
        let mut keys = keys.into_iter();
        while let Some(key) = keys.next() {
            let action = state.keys.press(key, count);
            let writes = matches!(
                action,
                Some(Action::Rule(_) | Action::Dispute { .. } | Action::Checkpoint)
            );
            if let Some(action) = action {
                act(action, count, commands);
            }
            if matches!(state.keys.mode, Mode::Void { .. }) {
                state.void_reason = tr.t(T::VoidReasonDefault).into();
                state.void_focus_pending = true;
                break;
            }
            if writes {
                // The rest waits for the frame after this ruling is applied.
                state.pending = keys.collect();
                if !state.pending.is_empty() {
                    ui.ctx().request_repaint();
                }
                break;
            }
        }
    }

    if state.complaint_asked && state.pending.is_empty() {
        state.complaint_asked = false;
        if listening && !matches!(state.keys.mode, Mode::Void { .. }) {
            state.keys.reset();
            state.complaint.open();
        }
    }

    if ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, PUBLIC_DISPLAY_KEY)) {
        state.public_display = !state.public_display;
    }

    // The keys and the next step stay in sight below everything, however
    // far the ruling panel scrolls.
    egui::Panel::bottom("counting_keys").show(ui, |ui| {
        if !sealed {
            crate::app::steps::next_step_ui(ui, tr, count, crate::app::Screen::Counting, commands);
        }
        ui.horizontal_wrapped(|ui| {
            let label = if state.public_display {
                PublicText::Hide
            } else {
                PublicText::Show
            };
            if ui.button(tr.t(label)).clicked() {
                state.public_display = !state.public_display;
            }
            if ui
                .add_enabled(
                    !sealed && !state.complaint.open,
                    egui::Button::new(tr.t(T::ComplaintButton)),
                )
                .clicked()
            {
                state.keys.reset();
                state.complaint.open();
            }
            ui.add(egui::Label::new(RichText::new(tr.t(T::KeysHelp)).weak()).wrap());
        });
    });
    egui::Panel::right("counting_side")
        .resizable(false)
        .exact_size(ui.available_width() * 0.33)
        .show(ui, |ui| side_panel_ui(ui, tr, count, &view));
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical()
            .id_salt("ruling")
            .show(ui, |ui| {
                if state.complaint.open {
                    crate::app::complaint::complaint_form_ui(
                        ui,
                        tr,
                        count,
                        &mut state.complaint,
                        commands,
                    );
                    ui.add_space(8.0);
                }
                // Nothing is ruled by a click while a complaint is typed.
                let ruling = !state.complaint.open;
                ui.add_enabled_ui(ruling, |ui| {
                    ruling_panel_ui(ui, tr, count, state, &view, commands);
                });
            });
    });
}

fn ruling_panel_ui(
    ui: &mut egui::Ui,
    tr: Tr,
    count: &Count,
    state: &mut CountingState,
    view: &CountingView,
    commands: &mut Vec<AppCommand>,
) {
    ui.horizontal(|ui| {
        ui.label(RichText::new(tr.t(T::NextBallot)).size(30.0));
        ui.label(RichText::new(tr.num(view.next_ballot)).size(64.0).strong());
        ui.vertical(|ui| {
            // The count in words above the bar, never drawn over its fill.
            let (text, fraction, over) = progress(tr, view.ruled, view.in_box);
            let text = RichText::new(text);
            ui.label(if over {
                text.color(theme::DIFFERS).strong()
            } else {
                text
            });
            let bar = egui::ProgressBar::new(fraction)
                .desired_width(420.0)
                .desired_height(10.0);
            ui.add(if over { bar.fill(theme::DIFFERS) } else { bar });
            ui.label(tr.f(T::DisputedCount, &[("n", &tr.num(view.disputed))]));
        });
    });

    // The ballot just ruled keeps one fixed height, shown or not, so that
    // the buttons below never move between one ruling and the next.
    ui.horizontal(|ui| {
        ui.set_min_height(JUST_RULED_HEIGHT);
        if let Some(just) = view.just_ruled.as_ref().filter(|_| count.seal().is_none()) {
            let again = view.next_again && view.next_ballot == just.ballot.0;
            just_ruled_ui(ui, tr, just, again);
        }
    });
    if let Some(warning) = over_box_warning(tr, count) {
        ui.label(RichText::new(warning).strong().color(theme::DIFFERS));
    }
    let sealed = count.seal().is_some();
    if sealed {
        ui.label(
            RichText::new(tr.t(T::Sealed))
                .size(40.0)
                .strong()
                .color(theme::SEALED),
        );
        ui.label(
            RichText::new(tr.t(T::SealedNothingMore))
                .size(22.0)
                .strong()
                .color(theme::DIFFERS),
        );
        // The buttons stay to show the tallies beside them, greyed out.
        ui.disable();
    } else if let Mode::Void { target } = state.keys.mode {
        void_prompt_ui(ui, tr, count, state, target, commands);
    } else {
        ui.label(
            RichText::new(prompt_text(tr, count, &state.keys))
                .size(22.0)
                .strong(),
        );
    }
    ui.add_space(4.0);

    ui.label(RichText::new(tr.t(T::ValidHeading)).strong());
    let columns = if view.parties.len() > 9 { 4 } else { 3 };
    let cell = (ui.available_width() / columns as f32) - 10.0;
    let button = egui::vec2(cell - 62.0, 46.0);
    egui::Grid::new("party_buttons")
        .spacing([10.0, 6.0])
        .show(ui, |ui| {
            for (i, party) in view.parties.iter().enumerate() {
                ui.horizontal(|ui| {
                    let text =
                        RichText::new(format!("{}  {}", tr.num(party.number), party.abbreviation))
                            .size(24.0)
                            .strong();
                    let fill = if sealed { theme::SPENT } else { theme::VALID };
                    let clicked = theme::big_button(ui, text, fill, button)
                        .on_hover_text(&party.name)
                        .clicked();
                    if clicked
                        && let Some(p) = count
                            .definition()
                            .parties
                            .iter()
                            .find(|p| p.number == party.number)
                    {
                        let action = state.keys.click_party(p.number);
                        act(action, count, commands);
                    }
                    tally_label(
                        ui,
                        tr,
                        tr.f(
                            T::TallyLabel,
                            &[
                                ("party", &tr.num(party.number)),
                                ("n", &tr.num(party.votes)),
                            ],
                        ),
                        party.votes,
                    );
                });
                if (i + 1) % columns == 0 {
                    ui.end_row();
                }
            }
        });

    ui.add_space(4.0);
    ui.label(RichText::new(tr.t(T::InvalidHeading)).strong());
    // As many columns (at most 3) as the widest button and its tally fit.
    let widest = view
        .invalid
        .iter()
        .map(|line| {
            let key = line.key.map_or(String::new(), |k| format!("{k}  "));
            let text = format!("{key}{} {}", line.code, line.title);
            theme::text_width(ui, &text, egui::FontId::proportional(17.0))
        })
        .fold(0.0, f32::max);
    let cell = widest + 2.0 * ui.spacing().button_padding.x + 72.0;
    let invalid_columns = ((ui.available_width() / cell).floor() as usize).clamp(1, 3);
    let invalid_button = egui::vec2((ui.available_width() / invalid_columns as f32) - 72.0, 40.0);
    egui::Grid::new("invalid_buttons")
        .spacing([10.0, 6.0])
        .show(ui, |ui| {
            for (i, line) in view.invalid.iter().enumerate() {
                ui.horizontal(|ui| {
                    let key = line.key.map_or(String::new(), |k| format!("{k}  "));
                    let text = RichText::new(format!("{key}{} {}", line.code, line.title))
                        .size(17.0)
                        .strong();
                    let fill = if sealed { theme::SPENT } else { theme::INVALID };
                    if theme::big_button(ui, text, fill, invalid_button).clicked() {
                        state.keys.reset();
                        let request = RulingRequest {
                            choice: RulingChoice::Invalid {
                                code: line.code.clone(),
                            },
                            disputed_by: vec![],
                            note: None,
                        };
                        act(Action::Rule(request), count, commands);
                    }
                    tally_label(
                        ui,
                        tr,
                        tr.f(
                            T::InvalidTallyLabel,
                            &[("code", &line.code), ("n", &tr.num(line.count))],
                        ),
                        line.count,
                    );
                });
                if (i + 1) % invalid_columns == 0 {
                    ui.end_row();
                }
            }
        });
    ui.add_space(4.0);
    ui.label(RichText::new(tr.t(T::OtherValidMarks)).strong());
    ui.horizontal_wrapped(|ui| {
        for line in &view.other_valid {
            let key = line.key.map_or(String::new(), |k| format!("{k}  "));
            let selected = state
                .keys
                .armed
                .as_ref()
                .is_some_and(|c| c.as_str() == line.code);
            let text = RichText::new(format!(
                "{key}{} {} ({})",
                line.code,
                line.title,
                tr.num(line.count)
            ));
            if ui.selectable_label(selected, text).clicked() {
                state.keys.armed = count
                    .definition()
                    .criteria
                    .find(&line.code)
                    .map(|c| c.code.clone());
            }
        }
    });
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        if ui
            .button(RichText::new(tr.t(T::DisputeLast)).color(theme::WARNING))
            .clicked()
            && let Some(action) = state.keys.press(CountKey::Letter(DISPUTE_KEY), count)
        {
            act(action, count, commands);
        }
        if ui
            .button(RichText::new(tr.t(T::VoidLast)).color(theme::WARNING))
            .clicked()
        {
            state.keys.digits.clear();
            state.keys.armed = None;
            match state.keys.press(CountKey::Backspace, count) {
                Some(action) => act(action, count, commands),
                None => {
                    state.void_reason = tr.t(T::VoidReasonDefault).into();
                    state.void_focus_pending = true;
                }
            }
        }
    });
}

/// The ballot just ruled, disputed or voided: its number large, and for a
/// ballot set aside, what to write on its back. `again`: its ruling was
/// voided and the next ruling is this ballot again.
fn just_ruled_ui(ui: &mut egui::Ui, tr: Tr, just: &JustRuled, again: bool) {
    let number = tr.num(just.ballot);
    let mut line = tr.f(
        T::JustRuled,
        &[("ballot", &number), ("verdict", &just.verdict)],
    );
    if !just.disputed_by.is_empty() {
        let list: Vec<String> = just.disputed_by.iter().map(|p| tr.num(p)).collect();
        line.push_str(&format!(
            "; {}",
            tr.f(T::DisputedBy, &[("parties", &list.join(", "))])
        ));
    }
    if just.voided {
        let key = if again {
            T::JustVoidedAgain
        } else {
            T::JustVoided
        };
        line = tr.f(key, &[("ballot", &number)]);
    }
    let colour = if just.set_aside {
        theme::WARNING
    } else {
        ui.visuals().text_color()
    };
    ui.label(
        RichText::new(&number)
            .size(if just.set_aside { 40.0 } else { 28.0 })
            .strong()
            .color(colour),
    );
    ui.vertical(|ui| {
        ui.label(RichText::new(line).size(16.0));
        if just.set_aside {
            ui.label(
                RichText::new(tr.f(T::WriteOnBack, &[("ballot", &number)]))
                    .size(20.0)
                    .strong()
                    .color(colour),
            );
        }
    });
}

/// A tally figure, large, whose accessible name says what it counts.
fn tally_label(ui: &mut egui::Ui, tr: Tr, accessible: String, n: u64) {
    let response = ui.add_sized(
        egui::vec2(52.0, 40.0),
        egui::Label::new(RichText::new(tr.num(n)).size(28.0).strong()),
    );
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, accessible.clone()));
}

fn void_prompt_ui(
    ui: &mut egui::Ui,
    tr: Tr,
    count: &Count,
    state: &mut CountingState,
    target: Seq,
    commands: &mut Vec<AppCommand>,
) {
    let verdict = count.rulings().get(&target).map_or(String::new(), |r| {
        verdict_text(tr, count, &r.ruling.verdict)
    });
    egui::Frame::new()
        .stroke(egui::Stroke::new(2.0, theme::WARNING))
        .inner_margin(egui::Margin::same(6))
        .show(ui, |ui| {
            ui.label(
                RichText::new(tr.f(
                    T::VoidPrompt,
                    &[
                        ("ballot", &ballot_of(tr, count, target)),
                        ("verdict", &verdict),
                    ],
                ))
                .size(20.0)
                .strong(),
            );
            ui.horizontal(|ui| {
                let field = ui.add(
                    egui::TextEdit::singleline(&mut state.void_reason)
                        .id(void_reason_id())
                        .hint_text(tr.t(T::VoidReason))
                        .desired_width(360.0),
                );
                if state.void_focus_pending {
                    field.request_focus();
                    state.void_focus_pending = false;
                }
                let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                let escape = ui.input(|i| i.key_pressed(egui::Key::Escape));
                if ui.button(tr.t(T::VoidConfirm)).clicked() || enter {
                    let checked = FreeText::parse("reason", state.void_reason.trim())
                        .map_err(|message| message.labelled(Label::VoidReason))
                        .and_then(|reason| {
                            count.check_void(target).map_err(|err| err.message())?;
                            Ok(reason)
                        });
                    match checked {
                        Ok(reason) => {
                            commands.push(AppCommand::Append(Event::Void {
                                ruling_seq: target,
                                reason,
                            }));
                            state.keys.reset();
                        }
                        Err(message) => commands.push(AppCommand::Notify(Notice::problem(message))),
                    }
                }
                if ui.button(tr.t(T::Cancel)).clicked() || escape {
                    state.keys.reset();
                }
            });
        });
}

/// The last checkpoint, large enough to copy by hand: the ballot, the
/// entry and the code; set off while it is the journal's last entry (just
/// reached or asked for), quieter once counting has gone on.
fn checkpoint_ui(ui: &mut egui::Ui, tr: Tr, count: &Count) {
    let Some(last) = count.checkpoints().last() else {
        if count.checkpoint_every().is_some() && count.seal().is_none() {
            ui.weak(tr.t(T::CheckpointHint));
            ui.separator();
        }
        return;
    };
    let Some(hash) = &last.hash else {
        return;
    };
    let code = crate::domain::short_code::checkpoint_code(hash);
    let ballot = last.ballot.map_or_else(|| "-".to_string(), |b| tr.num(b));
    let fresh = last.seq == count.last_seq();
    let frame = egui::Frame::new()
        .inner_margin(egui::Margin::same(6))
        .stroke(egui::Stroke::new(
            if fresh { 3.0 } else { 1.0 },
            if fresh {
                theme::WARNING
            } else {
                ui.visuals().weak_text_color()
            },
        ));
    frame.show(ui, |ui| {
        let heading = if fresh {
            T::CheckpointNow
        } else {
            T::CheckpointLast
        };
        ui.label(RichText::new(tr.t(heading)).strong());
        ui.label(tr.f(
            T::CheckpointWhere,
            &[("ballot", &ballot), ("seq", &tr.num(last.seq))],
        ));
        ui.label(
            RichText::new(&code)
                .monospace()
                .size(if fresh { 30.0 } else { 20.0 })
                .strong(),
        );
    });
    ui.separator();
}

fn side_panel_ui(ui: &mut egui::Ui, tr: Tr, count: &Count, view: &CountingView) {
    checkpoint_ui(ui, tr, count);
    if !count.complaints().is_empty() {
        crate::app::complaint::complaints_list_ui(ui, tr, count, Some(2));
        ui.separator();
    }
    ui.label(RichText::new(tr.t(T::LastRulings)).strong());
    if view.recent.is_empty() {
        ui.weak(tr.t(T::NoRulingsYet));
    }
    // Two columns that keep to the panel: the ballot number, and the ruling
    // with its notes (disputes, a void) beneath it.
    let ruling_width = (ui.available_width() - 60.0).max(80.0);
    egui::Grid::new("recent")
        .striped(true)
        .max_col_width(ruling_width)
        .show(ui, |ui| {
            if !view.recent.is_empty() {
                ui.strong(tr.t(T::BallotColumn));
                ui.strong(tr.t(T::RulingColumn));
                ui.end_row();
            }
            for r in &view.recent {
                ui.label(RichText::new(tr.num(r.ballot)).monospace());
                ui.vertical(|ui| {
                    let text = RichText::new(&r.verdict);
                    ui.add(
                        egui::Label::new(if r.voided_by.is_some() {
                            text.strikethrough()
                        } else {
                            text
                        })
                        .wrap(),
                    );
                    let mut notes = Vec::new();
                    if !r.disputed_by.is_empty() {
                        let list: Vec<String> = r.disputed_by.iter().map(|p| tr.num(p)).collect();
                        notes.push(tr.f(T::DisputedBy, &[("parties", &list.join(", "))]));
                    }
                    if r.voided_by.is_some() {
                        notes.push(tr.t(T::Voided).to_string());
                    }
                    if !notes.is_empty() {
                        ui.add(
                            egui::Label::new(RichText::new(notes.join("; ")).color(theme::WARNING))
                                .wrap(),
                        );
                    }
                });
                ui.end_row();
            }
        });
    ui.separator();
    ui.label(RichText::new(tr.t(T::Criteria)).strong());
    let lang = tr.lang.code();
    egui::ScrollArea::vertical()
        .id_salt("criteria")
        .show(ui, |ui| {
            for criterion in count.definition().criteria.iter() {
                ui.horizontal(|ui| {
                    illustration_ui(ui, criterion.code.as_str(), 90.0);
                    ui.vertical(|ui| {
                        let colour = match criterion.validity {
                            Validity::Valid => theme::VALID,
                            Validity::Invalid => theme::INVALID,
                        };
                        ui.label(
                            RichText::new(format!(
                                "{} {}",
                                criterion.code,
                                criterion.title.get(lang)
                            ))
                            .strong()
                            .color(colour),
                        );
                        ui.label(RichText::new(tr.station_text(&criterion.rule)).size(15.0));
                        if let Some(example) = &criterion.example {
                            ui.label(
                                RichText::new(
                                    tr.f(T::Example, &[("text", &tr.station_text(example))]),
                                )
                                .size(14.0)
                                .italics(),
                            );
                        }
                    });
                });
                ui.add_space(4.0);
            }
        });
}
