//! The public display: a second window for a TV or projector facing the
//! room, or the agents' side of a second monitor. It shows, in very large
//! type scaled to the window, the ballot just ruled, the live tally and the
//! count's markings, from [`PublicView`]. It is drawn in the same frame as
//! the app's window (an immediate viewport), and has no widget that takes
//! input: nothing can be done from it.

use crate::app::counting::progress;
use crate::app::illustration_ui::illustration_ui;
use crate::app::theme;
use crate::domain::count::Count;
use crate::domain::public_view::{LastBallot, LastVerdict, PublicView};
use crate::i18n::public_display::PublicText;
use crate::i18n::{T, Tr};
use eframe::egui::{self, Align, Color32, Layout, Rect, RichText, UiBuilder};

/// The size the display is laid out for; at any other size every length
/// is scaled by the smaller of the two ratios.
const DESIGN: egui::Vec2 = egui::vec2(1920.0, 1080.0);

/// The id of the display's window.
pub fn viewport_id() -> egui::ViewportId {
    egui::ViewportId::from_hash_of("polltally-public-display")
}

/// Shows the display of `count` in its own window, in this frame; returns
/// `false` once the window's close button was pressed (the caller then
/// stops showing it: the window is hidden until opened again).
pub fn show(ctx: &egui::Context, tr: Tr, count: &Count) -> bool {
    let builder = egui::ViewportBuilder::default()
        .with_title(tr.t(PublicText::WindowTitle))
        .with_app_id("polltally-public-display")
        .with_inner_size([1280.0, 720.0])
        .with_min_inner_size([640.0, 360.0])
        // Opening it leaves the keyboard with the counting screen.
        .with_active(false);
    ctx.show_viewport_immediate(viewport_id(), builder, |ui, _class| {
        // Clicked (to move it onto the projector), it hands the keyboard
        // back: every key is for the counting screen.
        if ui.input(|i| i.viewport().focused == Some(true)) {
            ui.ctx()
                .send_viewport_cmd_to(egui::ViewportId::ROOT, egui::ViewportCommand::Focus);
        }
        let view = PublicView::of(count, tr.lang.code());
        egui::CentralPanel::default().show(ui, |ui| public_display_ui(ui, tr, &view));
        !ui.input(|i| i.viewport().close_requested())
    })
}

/// The largest size, at most `size`, at which `text` keeps to `width` on
/// one line (never below half of `size`: a longer text wraps instead).
fn fitted(ui: &egui::Ui, text: &str, size: f32, width: f32) -> f32 {
    let wide = theme::text_width(ui, text, egui::FontId::proportional(size));
    if wide <= width || wide <= 0.0 {
        size
    } else {
        (size * width / wide).max(size * 0.5)
    }
}

/// A line of text in `rect`, at `size` or smaller to keep to its width,
/// aligned to `align`; it wraps rather than leaving the rectangle.
fn line_in(
    ui: &mut egui::Ui,
    rect: Rect,
    text: &str,
    size: f32,
    colour: Color32,
    align: Align,
) -> egui::Response {
    let size = fitted(ui, text, size, rect.width());
    let layout = match align {
        Align::Max => Layout::right_to_left(Align::Center),
        Align::Min | Align::Center => Layout::left_to_right(Align::Center).with_main_align(align),
    };
    ui.scope_builder(UiBuilder::new().max_rect(rect).layout(layout), |ui| {
        ui.add(
            egui::Label::new(RichText::new(text).size(size).strong().color(colour))
                .selectable(false)
                .wrap(),
        )
    })
    .inner
}

/// Splits `rect` into a top part `height` tall and the rest below it.
fn split_top(rect: Rect, height: f32) -> (Rect, Rect) {
    let height = height.min(rect.height());
    (
        Rect::from_min_size(rect.min, egui::vec2(rect.width(), height)),
        Rect::from_min_max(egui::pos2(rect.min.x, rect.min.y + height), rect.max),
    )
}

/// Splits `rect` into a left part `share` of its width and the rest.
fn split_left(rect: Rect, share: f32) -> (Rect, Rect) {
    let width = rect.width() * share;
    (
        Rect::from_min_size(rect.min, egui::vec2(width, rect.height())),
        Rect::from_min_max(egui::pos2(rect.min.x + width, rect.min.y), rect.max),
    )
}

/// The cells of a grid of `n` items in `columns` columns filling `rect`,
/// row by row, `gap` apart.
fn cells(rect: Rect, n: usize, columns: usize, gap: f32) -> Vec<Rect> {
    let columns = columns.max(1);
    let rows = n.div_ceil(columns).max(1);
    let width = (rect.width() - gap * (columns - 1) as f32) / columns as f32;
    let height = (rect.height() - gap * (rows - 1) as f32) / rows as f32;
    (0..n)
        .map(|i| {
            let (row, column) = (i / columns, i % columns);
            Rect::from_min_size(
                egui::pos2(
                    rect.min.x + column as f32 * (width + gap),
                    rect.min.y + row as f32 * (height + gap),
                ),
                egui::vec2(width.max(0.0), height.max(0.0)),
            )
        })
        .collect()
}

/// The display: the markings and the ruled count along the top, the ballot
/// just ruled on the left, the tally on the right; every size follows the
/// space given, so that it fits from 1366x768 up.
pub fn public_display_ui(ui: &mut egui::Ui, tr: Tr, view: &PublicView) {
    ui.style_mut().interaction.selectable_labels = false;
    let full = ui.available_rect_before_wrap();
    let s = (full.width() / DESIGN.x).min(full.height() / DESIGN.y);
    let gap = 16.0 * s;
    let (top, body) = split_top(full, 96.0 * s);
    top_ui(ui, tr, view, top.shrink2(egui::vec2(0.0, 8.0 * s)), s);
    let body = body.shrink2(egui::vec2(0.0, gap));
    let (left, right) = split_left(body, 0.4);
    let right = Rect::from_min_max(egui::pos2(right.min.x + 2.0 * gap, right.min.y), right.max);
    if view.marking.sealed {
        let (first, rest) = split_top(left, 140.0 * s);
        line_in(
            ui,
            first,
            tr.t(T::Sealed),
            110.0 * s,
            theme::SEALED,
            Align::Min,
        );
        let (second, _) = split_top(rest, 160.0 * s);
        line_in(
            ui,
            second,
            tr.t(T::SealedNothingMore),
            48.0 * s,
            theme::DIFFERS,
            Align::Min,
        );
    } else {
        just_ruled_ui(ui, tr, view.last.as_ref(), left, s);
    }
    tally_ui(ui, tr, view, right, s);
}

/// The markings (PRACTICE, TRAINING, SEALED) on the left, the ballots
/// ruled of those in the box on the right.
fn top_ui(ui: &mut egui::Ui, tr: Tr, view: &PublicView, rect: Rect, s: f32) {
    let (left, right) = split_left(rect, 0.5);
    let mut markings = Vec::new();
    if view.marking.training {
        markings.push(tr.t(T::TrainingBadge));
    } else if view.marking.practice {
        markings.push(tr.t(T::Practice));
    }
    if view.marking.sealed {
        markings.push(tr.t(T::Sealed));
    }
    if !markings.is_empty() {
        let text = markings.join("  ");
        let size = fitted(ui, &text, 44.0 * s, left.width() - 24.0 * s);
        let width = theme::text_width(ui, &text, egui::FontId::proportional(size)) + 24.0 * s;
        let band =
            Rect::from_min_size(left.min, egui::vec2(width.min(left.width()), left.height()));
        let fill = if view.marking.sealed && markings.len() == 1 {
            theme::SEALED
        } else {
            theme::WARNING
        };
        ui.painter().rect_filled(band, 6.0 * s, fill);
        line_in(
            ui,
            band.shrink2(egui::vec2(12.0 * s, 0.0)),
            &text,
            size,
            theme::ON_COLOUR,
            Align::Min,
        );
    }
    let (text, _, over) = progress(tr, view.ruled, view.in_box);
    let colour = if over {
        theme::DIFFERS
    } else {
        ui.visuals().strong_text_color()
    };
    line_in(
        ui,
        right.shrink2(egui::vec2(12.0 * s, 0.0)),
        &text,
        44.0 * s,
        colour,
        Align::Max,
    );
}

/// The ballot just ruled: its number, what it counts for (the party's
/// number and name, or the invalid criterion with its drawing), and who
/// disputes it.
fn just_ruled_ui(ui: &mut egui::Ui, tr: Tr, last: Option<&LastBallot>, rect: Rect, s: f32) {
    let Some(last) = last else {
        let (first, _) = split_top(rect, 120.0 * s);
        let weak = ui.visuals().weak_text_color();
        line_in(
            ui,
            first,
            tr.t(PublicText::NoBallotYet),
            56.0 * s,
            weak,
            Align::Min,
        );
        return;
    };
    let text = ui.visuals().strong_text_color();
    let (number, rest) = split_top(rect, 190.0 * s);
    line_in(
        ui,
        number,
        &tr.f(
            PublicText::BallotJustRuled,
            &[("ballot", &tr.num(last.ballot))],
        ),
        150.0 * s,
        text,
        Align::Min,
    );
    let (verdict, rest) = split_top(rest, 110.0 * s);
    let (name, rest) = split_top(rest, 260.0 * s);
    match &last.verdict {
        LastVerdict::Party {
            number,
            name: party,
        } => {
            line_in(
                ui,
                verdict,
                &tr.f(PublicText::ValidFor, &[("party", &tr.num(number))]),
                80.0 * s,
                theme::VALID,
                Align::Min,
            );
            line_in(ui, name, party, 64.0 * s, text, Align::Min);
        }
        LastVerdict::Invalid { code, title } => {
            line_in(
                ui,
                verdict,
                &tr.f(PublicText::Invalid, &[("code", code)]),
                80.0 * s,
                theme::INVALID,
                Align::Min,
            );
            // The drawing of such a ballot, its title beside it.
            let drawn = ui
                .scope_builder(UiBuilder::new().max_rect(name), |ui| {
                    illustration_ui(ui, code.as_str(), name.height());
                    ui.min_rect()
                })
                .inner;
            let words = Rect::from_min_max(
                egui::pos2((drawn.max.x + 24.0 * s).min(name.max.x), name.min.y),
                name.max,
            );
            line_in(ui, words, title, 64.0 * s, text, Align::Min);
        }
    }
    if !last.disputed_by.is_empty() {
        let list: Vec<String> = last.disputed_by.iter().map(|p| tr.num(p)).collect();
        let (line, _) = split_top(rest.shrink2(egui::vec2(0.0, 12.0 * s)), 130.0 * s);
        line_in(
            ui,
            line,
            &tr.f(
                if list.len() > 1 {
                    PublicText::DisputedByMany
                } else {
                    PublicText::DisputedBy
                },
                &[("parties", &list.join(", "))],
            ),
            56.0 * s,
            theme::WARNING,
            Align::Min,
        );
    }
}

/// The width kept for a tally figure of `size` in a cell `width` wide:
/// four digits' worth (a station's box holds fewer than 10,000 ballots; a
/// longer figure is set smaller), at most nearly half the cell.
fn figure_width(ui: &egui::Ui, width: f32, size: f32) -> f32 {
    theme::text_width(ui, "0000", egui::FontId::proportional(size)).min(width * 0.45)
}

/// A tally cell: the name on the left, the figure large on the right, the
/// figure's accessible name saying what it counts.
fn tally_cell_ui(
    ui: &mut egui::Ui,
    rect: Rect,
    name: &str,
    figure: &str,
    accessible: String,
    sizes: (f32, f32),
) {
    let (words, number) = split_left(
        rect,
        1.0 - figure_width(ui, rect.width(), sizes.1) / rect.width().max(1.0),
    );
    ui.painter()
        .rect_filled(rect, 4.0, ui.visuals().faint_bg_color);
    let colour = ui.visuals().text_color();
    line_in(
        ui,
        words.shrink2(egui::vec2(8.0, 0.0)),
        name,
        sizes.0,
        colour,
        Align::Min,
    );
    let strong = ui.visuals().strong_text_color();
    line_in(
        ui,
        number.shrink2(egui::vec2(8.0, 0.0)),
        figure,
        sizes.1,
        strong,
        Align::Max,
    )
    .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, accessible.clone()));
}

/// A figure of the tally as shown: what it counts, the figure, and the
/// figure's accessible name.
struct TallyCell {
    name: String,
    figure: String,
    accessible: String,
}

/// How a part of the tally is laid out: its columns, the height of its
/// rows and the gap between cells, the sizes of the names and figures.
#[derive(Debug, Clone, Copy)]
struct Grid {
    columns: usize,
    row: f32,
    gap: f32,
    sizes: (f32, f32),
}

/// One part of the tally under its heading (text, colour, height), its
/// cells in `grid`; returns the space left below it.
fn section_ui(
    ui: &mut egui::Ui,
    rect: Rect,
    heading: (&str, Color32, f32),
    cells_shown: &[TallyCell],
    grid: Grid,
) -> Rect {
    let (text, colour, height) = heading;
    let (head, rest) = split_top(rect, height);
    line_in(ui, head, text, height * 0.625, colour, Align::Min);
    let rows = cells_shown.len().div_ceil(grid.columns.max(1));
    let (area, rest) = split_top(rest, rows as f32 * (grid.row + grid.gap));
    let places = cells(area, cells_shown.len(), grid.columns, grid.gap);
    // Every name of the part in one size, the largest at which each keeps
    // to its cell's width (a name that would shrink too far wraps).
    let cell_width = places.first().map_or(0.0, |r| r.width());
    let words = cell_width - figure_width(ui, cell_width, grid.sizes.1) - 16.0;
    let name_size = cells_shown
        .iter()
        .map(|cell| fitted(ui, &cell.name, grid.sizes.0, words))
        .fold(grid.sizes.0, f32::min);
    for (cell, at) in cells_shown.iter().zip(places) {
        tally_cell_ui(
            ui,
            at,
            &cell.name,
            &cell.figure,
            cell.accessible.clone(),
            (name_size, grid.sizes.1),
        );
    }
    rest
}

/// The live tally: every party with its votes, then every invalid
/// criterion with its count, in rows as tall as the space allows.
fn tally_ui(ui: &mut egui::Ui, tr: Tr, view: &PublicView, rect: Rect, s: f32) {
    let gap = 10.0 * s;
    let heading = 64.0 * s;
    let party_columns = if view.parties.len() > 6 { 2 } else { 1 };
    let invalid_columns = 3;
    // Rows share what the two headings leave; a row is never taller than
    // its design height.
    let rows = (view.parties.len().div_ceil(party_columns)
        + view.invalid.len().div_ceil(invalid_columns)) as f32;
    let spare = rect.height() - 2.0 * heading - gap * rows;
    let row = (spare / rows.max(1.0)).clamp(0.0, 96.0 * s);
    let sizes = ((row * 0.5).min(40.0 * s), (row * 0.8).min(64.0 * s));
    let parties: Vec<TallyCell> = view
        .parties
        .iter()
        .map(|party| {
            let number = tr.num(party.number);
            let votes = tr.num(party.votes);
            TallyCell {
                // Number and abbreviation, large enough for the back of
                // the room; the full name is in the figure's accessible
                // name and beside the ballot just ruled.
                name: format!("{number}  {}", party.abbreviation),
                accessible: tr.f(
                    PublicText::PartyVotes,
                    &[("party", &number), ("name", &party.name), ("n", &votes)],
                ),
                figure: votes,
            }
        })
        .collect();
    let invalid: Vec<TallyCell> = view
        .invalid
        .iter()
        .map(|line| {
            let count = tr.num(line.count);
            TallyCell {
                name: format!("{}  {}", line.code, line.title),
                accessible: tr.f(
                    PublicText::CriterionCount,
                    &[("code", &line.code), ("title", &line.title), ("n", &count)],
                ),
                figure: count,
            }
        })
        .collect();
    let rest = section_ui(
        ui,
        rect,
        (tr.t(PublicText::VotesHeading), theme::VALID, heading),
        &parties,
        Grid {
            columns: party_columns,
            row,
            gap,
            sizes,
        },
    );
    if !invalid.is_empty() {
        section_ui(
            ui,
            rest,
            (tr.t(PublicText::InvalidHeading), theme::INVALID, heading),
            &invalid,
            Grid {
                columns: invalid_columns,
                row,
                gap,
                sizes: (sizes.0 * 0.85, sizes.1 * 0.85),
            },
        );
    }
}
