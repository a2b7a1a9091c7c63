//! Reconciliation screen: the figures R, U, S, V, T, D, B as typed (with
//! their history), the derived ones, and every check with its status and,
//! where it differs, a field for the written explanation.

use crate::app::command::AppCommand;
use crate::app::{Notice, Session, theme};
use crate::domain::count::Count;
use crate::domain::free_text::FreeText;
use crate::domain::message::{Explain, Label, Message, P};
use crate::domain::reconciliation::{Check, CheckName, CheckStatus, Figure};
use crate::domain::serials::{BookSerialsPart, BookUse, SerialsPart, book_field};
use crate::i18n::{T, Tr};
use crate::journal::event::Event;
use eframe::egui::{self, RichText};
use std::collections::BTreeMap;

/// The values being typed, and explanations being written.
#[derive(Debug, Clone, Default)]
pub struct ReconciliationState {
    pub typed: BTreeMap<Figure, String>,
    pub explanations: BTreeMap<CheckName, String>,
    /// Per book, the first unused serial being typed.
    pub serials: BTreeMap<String, String>,
    /// Per book, "unused" or "used up" chosen but not yet recorded.
    pub book_choices: BTreeMap<String, BookUse>,
    /// The book whose field takes the keyboard next frame: the one after
    /// a book recorded with Enter, or the book whose value was refused.
    pub focus_book: Option<String>,
}

/// One figure row as the screen shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureRow {
    pub figure: Figure,
    pub value: Option<u64>,
    /// Earlier values, oldest first.
    pub earlier: Vec<u64>,
}

/// What the reconciliation screen shows, computed from the count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReconciliationView {
    pub figures: Vec<FigureRow>,
    pub issued: Option<i64>,
    pub valid: u64,
    pub invalid: u64,
    pub in_books: u64,
    pub registered: u64,
    pub missing: Vec<Figure>,
    pub checks: Vec<Check>,
    /// Every ballot book with its use recorded, and U_serial.
    pub serials: SerialsPart,
    /// The `unused_by_serial` check (pending before any book is given,
    /// when the count does not list it yet).
    pub serial_check: Check,
}

impl ReconciliationView {
    pub fn new(count: &Count) -> ReconciliationView {
        let figures = count.figures();
        ReconciliationView {
            figures: Figure::ALL
                .into_iter()
                .map(|figure| {
                    let history = count.figure_history(figure);
                    FigureRow {
                        figure,
                        value: figures.get(figure),
                        earlier: history
                            .iter()
                            .take(history.len().saturating_sub(1))
                            .map(|(_, v)| *v)
                            .collect(),
                    }
                })
                .collect(),
            issued: figures.issued(),
            valid: count.tally().valid_total(),
            invalid: count.tally().invalid_total(),
            in_books: count.definition().ballots_in_books(),
            registered: count.definition().registered_voters,
            missing: figures.missing(),
            serial_check: count
                .checks()
                .into_iter()
                .find(|c| c.name == CheckName::UnusedBySerial)
                .unwrap_or(Check {
                    name: CheckName::UnusedBySerial,
                    status: CheckStatus::Pending,
                    explanation: None,
                }),
            checks: count.checks(),
            serials: SerialsPart::of(count.definition(), count.book_serials()),
        }
    }

    /// The books not given yet, in the station file's order.
    pub fn books_missing(&self) -> Vec<&str> {
        self.serials
            .books
            .iter()
            .filter(|b| b.book_use.is_none())
            .map(|b| b.book.as_str())
            .collect()
    }
}

/// The books' uses typed or chosen that differ from the recorded ones: a
/// serial typed wins over a choice (typing clears the choice). A serial that
/// is not a whole number is refused naming the book and the value.
pub fn changed_books(
    books: &[BookSerialsPart],
    typed: &BTreeMap<String, String>,
    chosen: &BTreeMap<String, BookUse>,
) -> Result<BTreeMap<String, BookUse>, Message> {
    let mut changed = BTreeMap::new();
    for book in books {
        let text = typed
            .get(&book.book)
            .map(|t| t.trim())
            .filter(|t| !t.is_empty());
        let used = match text {
            Some(text) => {
                // Serials are written with spaces or commas in some books.
                let digits: String = text
                    .chars()
                    .filter(|c| !matches!(c, ' ' | ',' | '\u{a0}'))
                    .collect();
                let serial: u64 = digits.parse().map_err(|_| {
                    Message::new(P::NotWholeNumber)
                        .text("value", text)
                        .at(format!("{}.first_unused", book_field(&book.book)))
                })?;
                BookUse::FirstUnused(serial)
            }
            None => match chosen.get(&book.book) {
                Some(used) => *used,
                None => continue,
            },
        };
        if book.book_use != Some(used) {
            changed.insert(book.book.clone(), used);
        }
    }
    Ok(changed)
}

/// Parses the typed figures that differ from the recorded ones.
fn changed_figures(
    view: &ReconciliationView,
    typed: &BTreeMap<Figure, String>,
) -> Result<BTreeMap<Figure, u64>, Message> {
    let mut changed = BTreeMap::new();
    for row in &view.figures {
        let Some(text) = typed
            .get(&row.figure)
            .map(|t| t.trim())
            .filter(|t| !t.is_empty())
        else {
            continue;
        };
        let value: u64 = text.parse().map_err(|_| {
            Message::new(P::NotWholeNumber)
                .text("value", text)
                .at(row.figure.key())
                .labelled(Label::Figure(row.figure))
        })?;
        if row.value != Some(value) {
            changed.insert(row.figure, value);
        }
    }
    Ok(changed)
}

/// A check's status in its colour; its accessible name is "check: status".
pub fn check_status_ui(ui: &mut egui::Ui, tr: Tr, check: &Check) {
    let colour = match check.status {
        CheckStatus::Holds => theme::HOLDS,
        CheckStatus::Differs(_) => theme::DIFFERS,
        CheckStatus::Pending => ui.visuals().weak_text_color(),
    };
    let status = tr.status(check.status);
    let accessible = format!("{}: {status}", tr.check(check.name));
    ui.label(RichText::new(status).color(colour).strong())
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, accessible.clone()));
}

/// Shows checks with their status and explanation fields; used here and on
/// the cross-check screen.
pub fn checks_ui(
    ui: &mut egui::Ui,
    tr: Tr,
    count: &Count,
    checks: &[Check],
    explanations: &mut BTreeMap<CheckName, String>,
    commands: &mut Vec<AppCommand>,
) {
    // One check a row that wraps within the width it is given: its name and
    // status, then its explanation or the field to write one.
    for check in checks {
        let name = tr.check(check.name);
        let mut name_label = None;
        ui.horizontal_wrapped(|ui| {
            name_label = Some(ui.label(&name));
            check_status_ui(ui, tr, check);
        });
        if let Some(text) = &check.explanation {
            ui.add(
                egui::Label::new(format!("{}{} {text}", tr.t(T::Explanation), tr.colon())).wrap(),
            );
        }
        if matches!(check.status, CheckStatus::Differs(_)) {
            let text = explanations.entry(check.name).or_default();
            ui.horizontal_wrapped(|ui| {
                let hint = tr.f(T::ExplanationFor, &[("check", &name)]);
                let mut field = ui.add(
                    egui::TextEdit::singleline(text)
                        .hint_text(hint)
                        .desired_width(ui.available_width().clamp(120.0, 360.0)),
                );
                if let Some(label) = &name_label {
                    field = field.labelled_by(label.id);
                }
                let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                if ui.button(tr.t(T::RecordExplanation)).clicked() || entered {
                    let checked = FreeText::parse("text", text.trim())
                        .map_err(|m| m.labelled(Label::Explanation(check.name)))
                        .and_then(|typed| {
                            count
                                .check_explanation(check.name)
                                .map_err(|err| err.message())?;
                            Ok(typed)
                        });
                    match checked {
                        Ok(typed) => {
                            commands.push(AppCommand::Append(Event::Explanation {
                                check: check.name,
                                text: typed,
                            }));
                            text.clear();
                        }
                        Err(message) => commands.push(AppCommand::Notify(Notice::problem(message))),
                    }
                }
            });
        }
        ui.separator();
    }
}

/// Below this window width the checks are shown under a screen's content
/// instead of in a panel beside it.
pub const CHECKS_BESIDE_FROM: f32 = 1200.0;

/// Whether the checks go in a panel beside the content (a wide window).
fn checks_beside(ui: &egui::Ui) -> bool {
    ui.available_width() >= CHECKS_BESIDE_FROM
}

/// The checks with their heading.
fn checks_section_ui(
    ui: &mut egui::Ui,
    tr: Tr,
    count: &Count,
    checks: &[Check],
    explanations: &mut BTreeMap<CheckName, String>,
    commands: &mut Vec<AppCommand>,
) {
    ui.heading(tr.t(T::ChecksTitle));
    checks_ui(ui, tr, count, checks, explanations, commands);
}

/// The checks in a panel on the right, taking `share` of the width, when
/// the window is wide enough; returns whether they were placed there. A
/// screen whose checks were not placed beside it shows them after its
/// content with [`checks_after_ui`].
#[allow(clippy::too_many_arguments)]
pub fn checks_panel_ui(
    ui: &mut egui::Ui,
    id: &str,
    share: f32,
    tr: Tr,
    count: &Count,
    checks: &[Check],
    explanations: &mut BTreeMap<CheckName, String>,
    commands: &mut Vec<AppCommand>,
) -> bool {
    if !checks_beside(ui) {
        return false;
    }
    egui::Panel::right(id.to_string())
        .resizable(false)
        .exact_size(ui.available_width() * share)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("checks")
                .show(ui, |ui| {
                    checks_section_ui(ui, tr, count, checks, explanations, commands);
                });
        });
    true
}

/// The checks after a screen's content, unless they are `beside` it.
pub fn checks_after_ui(
    ui: &mut egui::Ui,
    beside: bool,
    tr: Tr,
    count: &Count,
    checks: &[Check],
    explanations: &mut BTreeMap<CheckName, String>,
    commands: &mut Vec<AppCommand>,
) {
    if !beside {
        ui.add_space(8.0);
        checks_section_ui(ui, tr, count, checks, explanations, commands);
    }
}

pub fn reconciliation_ui(
    ui: &mut egui::Ui,
    tr: Tr,
    session: &mut Session,
    commands: &mut Vec<AppCommand>,
) {
    let count = session.record.count();
    let view = ReconciliationView::new(count);
    let state = &mut session.reconciliation;
    let beside = checks_panel_ui(
        ui,
        "reconciliation_checks",
        0.5,
        tr,
        count,
        &view.checks,
        &mut state.explanations,
        commands,
    );
    // In a scope of its own: the figures' scroll bar belongs to their area,
    // not to the checks panel beside it.
    ui.scope(|ui| reconciliation_area_ui(ui, tr, count, &view, beside, state, commands));
}

/// The figures, the ballot books and (unless beside) the checks, scrolling.
fn reconciliation_area_ui(
    ui: &mut egui::Ui,
    tr: Tr,
    count: &Count,
    view: &ReconciliationView,
    beside: bool,
    state: &mut ReconciliationState,
    commands: &mut Vec<AppCommand>,
) {
    egui::ScrollArea::vertical()
        .id_salt("figures")
        .show(ui, |ui| {
            ui.heading(tr.t(T::FiguresTitle));
            let mut entered = false;
            egui::Grid::new("figures")
                .striped(true)
                .num_columns(4)
                .show(ui, |ui| {
                    ui.label("");
                    ui.label("");
                    ui.label(RichText::new(tr.t(T::Recorded)).strong());
                    ui.label(RichText::new(tr.t(T::NewValue)).strong());
                    ui.end_row();
                    for (i, row) in view.figures.iter().enumerate() {
                        ui.label(RichText::new(row.figure.symbol()).strong().size(22.0));
                        // The figure's name, and beneath it what is known of
                        // it (the books' number, earlier values).
                        let mut notes = Vec::new();
                        if row.figure == Figure::Received {
                            notes
                                .push(tr.f(T::ExpectedFromBooks, &[("n", &tr.num(view.in_books))]));
                        }
                        if !row.earlier.is_empty() {
                            let values: Vec<String> =
                                row.earlier.iter().map(|v| tr.num(v)).collect();
                            notes.push(tr.f(T::Earlier, &[("values", &values.join(", "))]));
                        }
                        let label = ui
                            .vertical(|ui| {
                                let label = ui.label(tr.figure(row.figure));
                                if !notes.is_empty() {
                                    ui.label(RichText::new(notes.join("; ")).weak().small());
                                }
                                label
                            })
                            .inner;
                        match row.value {
                            Some(v) => ui.label(RichText::new(tr.num(v)).strong().size(24.0)),
                            None => ui.weak(tr.t(T::NotRecorded)),
                        };
                        let text = state.typed.entry(row.figure).or_default();
                        let field = ui
                            .add(egui::TextEdit::singleline(text).desired_width(110.0))
                            .labelled_by(label.id);
                        if i == 0 {
                            crate::app::focus::first_input(ui, &field);
                        }
                        if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                            entered = true;
                        }
                        ui.end_row();
                    }
                    ui.label(RichText::new("I").strong().size(22.0));
                    ui.label(tr.t(T::FigureIssued));
                    ui.label(
                        RichText::new(view.issued.map_or("-".into(), |i| tr.num(i)))
                            .strong()
                            .size(24.0),
                    );
                    ui.end_row();
                    ui.label(RichText::new("ΣP").strong().size(22.0));
                    ui.label(tr.t(T::ValidVotes));
                    ui.label(RichText::new(tr.num(view.valid)).strong().size(24.0));
                    ui.end_row();
                    ui.label(RichText::new("X").strong().size(22.0));
                    ui.label(tr.t(T::InvalidBallots));
                    ui.label(RichText::new(tr.num(view.invalid)).strong().size(24.0));
                    ui.end_row();
                    ui.label(RichText::new("Reg").strong().size(22.0));
                    ui.label(tr.t(T::RegisteredVoters));
                    ui.label(RichText::new(tr.num(view.registered)).strong().size(24.0));
                    ui.end_row();
                });
            if ui.button(tr.t(T::RecordFigures)).clicked() || entered {
                match changed_figures(view, &state.typed) {
                    Ok(changed) if changed.is_empty() => {
                        commands.push(AppCommand::Notify(Notice::info(T::NothingChanged, vec![])))
                    }
                    Ok(changed) => match count.check_figures(&changed) {
                        Err(err) => {
                            commands.push(AppCommand::Notify(Notice::problem(err.message())))
                        }
                        Ok(()) => {
                            for figure in changed.keys() {
                                state.typed.remove(figure);
                            }
                            commands.push(AppCommand::Append(Event::FiguresRecorded {
                                figures: changed,
                            }));
                        }
                    },
                    Err(message) => commands.push(AppCommand::Notify(Notice::problem(message))),
                }
            }
            if view.missing.is_empty() {
                ui.label(RichText::new(tr.t(T::AllFiguresRecorded)).color(theme::HOLDS));
            } else {
                let list: Vec<&str> = view.missing.iter().map(|f| f.symbol()).collect();
                ui.label(tr.f(T::MissingFigures, &[("list", &list.join(", "))]));
            }
            ui.add_space(8.0);
            books_ui(ui, tr, count, view, state, commands);
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

/// The ballot books by serial: per book its serials and use recorded, a
/// field for the first unused serial and the choices "book unused" and
/// "book used up"; then U_serial beside the counted U, with the check.
/// Enter in a field records every book changed, as the figures do; a value
/// refused stays typed, and the notice names the book and the value.
fn books_ui(
    ui: &mut egui::Ui,
    tr: Tr,
    count: &Count,
    view: &ReconciliationView,
    state: &mut ReconciliationState,
    commands: &mut Vec<AppCommand>,
) {
    ui.heading(tr.t(T::BooksTitle));
    ui.add(egui::Label::new(RichText::new(tr.t(T::BooksHelp)).weak()).wrap());
    let mut entered: Option<usize> = None;
    let mut tabbed: Option<usize> = None;
    let focus_book = state.focus_book.take();
    egui::Grid::new("books")
        .striped(true)
        .num_columns(4)
        .show(ui, |ui| {
            for (i, book) in view.serials.books.iter().enumerate() {
                // Short texts that never wrap: a grid cell is narrow in the
                // first frame, and a wrapped text would keep it so.
                let label = ui
                    .vertical(|ui| {
                        let label =
                            ui.add(egui::Label::new(RichText::new(&book.book).strong()).extend());
                        let serials = tr.f(
                            T::BookSerials,
                            &[
                                ("first", &tr.num(book.first_serial)),
                                ("last", &tr.num(book.last_serial)),
                            ],
                        );
                        ui.add(egui::Label::new(RichText::new(serials).weak().small()).extend());
                        ui.add(
                            egui::Label::new(RichText::new(tr.book_range(book)).small()).extend(),
                        );
                        label
                    })
                    .inner;
                let text = state.serials.entry(book.book.clone()).or_default();
                let field = ui
                    .add(
                        egui::TextEdit::singleline(text)
                            .hint_text(tr.t(T::FirstUnusedSerial))
                            .min_size(egui::vec2(150.0, 0.0))
                            .desired_width(150.0),
                    )
                    .labelled_by(label.id);
                if focus_book.as_deref() == Some(book.book.as_str()) {
                    field.request_focus();
                }
                if field.changed() && !text.trim().is_empty() {
                    state.book_choices.remove(&book.book);
                }
                if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                    entered = Some(i);
                }
                // Tab from a book's field goes on to the next book's field,
                // not to this book's buttons: serials are typed in a row.
                if field.lost_focus()
                    && ui.input(|i| i.key_pressed(egui::Key::Tab) && !i.modifiers.shift)
                {
                    tabbed = Some(i);
                }
                for (choice, key) in [
                    (BookUse::Unused, T::BookUnused),
                    (BookUse::UsedUp, T::BookUsedUp),
                ] {
                    let chosen = state.book_choices.get(&book.book) == Some(&choice)
                        || (book.book_use == Some(choice)
                            && !state.book_choices.contains_key(&book.book)
                            && state
                                .serials
                                .get(&book.book)
                                .is_none_or(|t| t.trim().is_empty()));
                    let name = format!("{} {}", book.book, tr.t(key));
                    let button = ui
                        .add(egui::Button::selectable(chosen, tr.t(key)))
                        .on_hover_text(name.clone());
                    button.widget_info(|| {
                        egui::WidgetInfo::selected(egui::Role::Button, true, chosen, &name)
                    });
                    if button.clicked() {
                        state.book_choices.insert(book.book.clone(), choice);
                        state.serials.remove(&book.book);
                    }
                }
                ui.end_row();
            }
        });
    // After Enter, the keyboard goes on to the next book's field, or stays
    // on the field when its value is refused.
    let book_at = |i: usize| view.serials.books.get(i).map(|b| b.book.clone());
    if let Some(i) = tabbed
        && let Some(next) = book_at(i + 1)
    {
        state.focus_book = Some(next);
        ui.ctx().request_repaint();
    }
    if ui.button(tr.t(T::RecordSerials)).clicked() || entered.is_some() {
        let next = entered.and_then(|i| book_at(i + 1));
        let again = entered.and_then(book_at);
        match changed_books(&view.serials.books, &state.serials, &state.book_choices) {
            Ok(changed) if changed.is_empty() => {
                state.focus_book = next;
                commands.push(AppCommand::Notify(Notice::info(T::NoSerialChanged, vec![])))
            }
            Ok(changed) => match count.check_book_serials(&changed) {
                Err(err) => {
                    state.focus_book = again;
                    commands.push(AppCommand::Notify(Notice::problem(err.message())))
                }
                Ok(()) => {
                    state.focus_book = next;
                    for book in changed.keys() {
                        state.serials.remove(book);
                        state.book_choices.remove(book);
                    }
                    commands.push(AppCommand::Append(Event::BookSerials { books: changed }));
                }
            },
            Err(message) => {
                state.focus_book = again;
                commands.push(AppCommand::Notify(Notice::problem(message)))
            }
        }
    }
    let missing = view.books_missing();
    if missing.is_empty() {
        ui.label(RichText::new(tr.t(T::AllBooksGiven)).color(theme::HOLDS));
    } else {
        ui.add(egui::Label::new(tr.f(T::BooksMissing, &[("list", &missing.join(", "))])).wrap());
    }
    // U_serial beside the counted U, and the check between them.
    let counted = view
        .figures
        .iter()
        .find(|r| r.figure == Figure::Unused)
        .and_then(|r| r.value);
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("U").strong().size(22.0));
        ui.label(tr.t(T::UnusedBySerial));
        ui.label(
            RichText::new(view.serials.unused.map_or("-".into(), |n| tr.num(n)))
                .strong()
                .size(24.0),
        );
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(format!(
            "{} {}",
            tr.figure(Figure::Unused),
            counted.map_or("-".into(), |n| tr.num(n))
        ));
        ui.label(tr.check(CheckName::UnusedBySerial));
        check_status_ui(ui, tr, &view.serial_check);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn book(name: &str, first: u64, used: Option<BookUse>) -> BookSerialsPart {
        BookSerialsPart {
            book: name.into(),
            first_serial: first,
            last_serial: first + 99,
            book_use: used,
            used_first: None,
            used_last: None,
            unused: None,
        }
    }

    #[test]
    fn serials_typed_with_spaces_or_commas_are_read_and_a_typed_serial_beats_a_choice() {
        let books = [
            book("B-1", 1001, None),
            book("B-2", 1101, Some(BookUse::UsedUp)),
            book("B-3", 1201, None),
        ];
        let typed = BTreeMap::from([
            ("B-1".to_string(), " 1 057 ".to_string()),
            ("B-3".to_string(), "1,250".to_string()),
        ]);
        // B-2 chosen as it is recorded: nothing to record for it.
        let chosen = BTreeMap::from([
            ("B-2".to_string(), BookUse::UsedUp),
            ("B-3".to_string(), BookUse::Unused),
        ]);
        let changed = changed_books(&books, &typed, &chosen).unwrap();
        assert_eq!(
            changed,
            BTreeMap::from([
                ("B-1".to_string(), BookUse::FirstUnused(1057)),
                ("B-3".to_string(), BookUse::FirstUnused(1250)),
            ])
        );
    }

    #[test]
    fn a_serial_that_is_no_number_is_refused_naming_the_book_and_the_value() {
        let books = [book("B-1", 1001, None)];
        let typed = BTreeMap::from([("B-1".to_string(), "10S7".to_string())]);
        let refused = changed_books(&books, &typed, &BTreeMap::new()).unwrap_err();
        assert_eq!(
            refused.to_string(),
            "books[\"B-1\"].first_unused: \"10S7\" is not a whole number"
        );
    }
}
