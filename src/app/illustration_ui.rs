//! Paints a ballot illustration (see [`crate::illustration`]) with egui.

use crate::domain::practice::Card;
use crate::illustration::{self, Ink, Primitive};
use eframe::egui::{self, Color32, Pos2, Shape, Stroke, StrokeKind};

fn colour(ink: Ink) -> Color32 {
    match ink {
        Ink::Print => Color32::from_gray(90),
        Ink::Pen => Color32::from_rgb(0x0d, 0x2c, 0x8c),
        Ink::Faint => Color32::from_rgb(0x8f, 0xa4, 0xd8),
        Ink::Stamp => Color32::from_rgb(0x9c, 0x27, 0xb0),
        Ink::Paper => Color32::from_gray(235),
    }
}

/// Draws the illustration of `code` in a box `height` points tall; draws
/// nothing for a code without one.
pub fn illustration_ui(ui: &mut egui::Ui, code: &str, height: f32) {
    let Some(shapes) = illustration::for_criterion(code) else {
        return;
    };
    primitives_ui(ui, shapes, illustration::HEIGHT, height);
}

/// Draws a practice ballot of `labels` party rows (each row's number and
/// abbreviation written on it, as on the real ballot) in a box `height`
/// points tall.
pub fn practice_card_ui(ui: &mut egui::Ui, card: &Card, labels: &[String], height: f32) {
    let rows = labels.len().max(1);
    let shapes = illustration::practice_card(card, rows);
    let response = primitives_ui(ui, shapes, illustration::ballot_height(rows), height);
    let scale = height / illustration::ballot_height(rows);
    let painter = ui.painter_at(response.rect);
    let font = egui::FontId::proportional((11.0 * scale).clamp(9.0, 22.0));
    for (row, label) in labels.iter().enumerate() {
        let (x, y) = illustration::row_label(row);
        let at = Pos2::new(
            response.rect.min.x + x * scale,
            response.rect.min.y + y * scale,
        );
        // Written over the row's name lines, on the paper's colour.
        let galley = painter.layout_no_wrap(label.clone(), font.clone(), Color32::from_gray(20));
        let rect =
            egui::Rect::from_min_size(Pos2::new(at.x, at.y - galley.size().y / 2.0), galley.size());
        // The paper covers the row's name lines, up to its box.
        let covered = egui::Rect::from_min_max(
            rect.min,
            Pos2::new(
                rect.max
                    .x
                    .max(response.rect.min.x + illustration::NAME_END * scale),
                rect.max.y,
            ),
        );
        painter.rect_filled(covered.expand(1.0), 0.0, Color32::WHITE);
        painter.galley(rect.min, galley, Color32::from_gray(20));
    }
}

/// Paints `shapes`, drawn in a box [`illustration::WIDTH`] wide and `units`
/// tall, in a box `height` points tall.
fn primitives_ui(
    ui: &mut egui::Ui,
    shapes: Vec<Primitive>,
    units: f32,
    height: f32,
) -> egui::Response {
    let scale = height / units;
    let size = egui::vec2(illustration::WIDTH * scale, height);
    let (response, painter) = ui.allocate_painter(size, egui::Sense::hover());
    let origin = response.rect.min;
    let at = |(x, y): (f32, f32)| Pos2::new(origin.x + x * scale, origin.y + y * scale);
    painter.rect_filled(response.rect, 2.0, Color32::WHITE);
    for shape in shapes {
        match shape {
            Primitive::Line {
                points,
                ink,
                width,
                dashed,
            } => {
                let points: Vec<Pos2> = points.into_iter().map(at).collect();
                let stroke = Stroke::new(width * scale.max(0.6), colour(ink));
                if dashed {
                    painter.extend(Shape::dashed_line(&points, stroke, 3.0, 2.5));
                } else {
                    painter.add(Shape::line(points, stroke));
                }
            }
            Primitive::Rect { min, max, ink } => {
                painter.rect_stroke(
                    egui::Rect::from_min_max(at(min), at(max)),
                    0.0,
                    Stroke::new(1.0, colour(ink)),
                    StrokeKind::Inside,
                );
            }
            Primitive::Circle {
                center,
                radius,
                ink,
                dashed,
            } => {
                let stroke = Stroke::new(1.4, colour(ink));
                if dashed {
                    let points: Vec<Pos2> = (0..=32)
                        .map(|i| {
                            let a = i as f32 / 32.0 * std::f32::consts::TAU;
                            at((center.0 + radius * a.cos(), center.1 + radius * a.sin()))
                        })
                        .collect();
                    painter.extend(Shape::dashed_line(&points, stroke, 3.0, 2.5));
                } else {
                    painter.circle_stroke(at(center), radius * scale, stroke);
                }
            }
            Primitive::Fill { points, ink } => {
                let points: Vec<Pos2> = points.into_iter().map(at).collect();
                painter.add(Shape::convex_polygon(points, colour(ink), Stroke::NONE));
            }
        }
    }
    response
}
