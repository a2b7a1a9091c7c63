//! Drawings of a ballot marked the way each default criterion describes, as
//! plain vector primitives in a 100 x 140 box (y down). The counting screen
//! paints them with egui; the printed forms and training material can draw
//! the same primitives.

use crate::domain::practice::{Card, MarkKind, Shape};

/// What a primitive is drawn with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ink {
    /// The ballot's own printing (rows, boxes, logos).
    Print,
    /// The voter's pen.
    Pen,
    /// A faint or broken pen mark.
    Faint,
    /// The station's official stamp.
    Stamp,
    /// Paper colour: covers what was torn away.
    Paper,
}

/// One vector primitive.
#[derive(Debug, Clone, PartialEq)]
pub enum Primitive {
    /// An open polyline.
    Line {
        points: Vec<(f32, f32)>,
        ink: Ink,
        width: f32,
        dashed: bool,
    },
    /// A rectangle outline.
    Rect {
        min: (f32, f32),
        max: (f32, f32),
        ink: Ink,
    },
    /// A circle outline.
    Circle {
        center: (f32, f32),
        radius: f32,
        ink: Ink,
        dashed: bool,
    },
    /// A filled polygon.
    Fill { points: Vec<(f32, f32)>, ink: Ink },
}

/// The size of the drawing's coordinate box.
pub const WIDTH: f32 = 100.0;
pub const HEIGHT: f32 = 140.0;

const ROWS: usize = 3;
const ROW_TOP: f32 = 30.0;
const ROW_HEIGHT: f32 = 28.0;
const BOX_X: (f32, f32) = (72.0, 92.0);
const LOGO_X: (f32, f32) = (8.0, 26.0);

fn row_y(row: usize) -> f32 {
    ROW_TOP + ROW_HEIGHT * row as f32
}

/// The centre of party row `row`'s box.
fn box_centre(row: usize) -> (f32, f32) {
    ((BOX_X.0 + BOX_X.1) / 2.0, row_y(row) + ROW_HEIGHT / 2.0)
}

fn tick(centre: (f32, f32), scale: f32, ink: Ink, dashed: bool) -> Primitive {
    let (x, y) = centre;
    Primitive::Line {
        points: vec![
            (x - 7.0 * scale, y),
            (x - 2.0 * scale, y + 6.0 * scale),
            (x + 8.0 * scale, y - 8.0 * scale),
        ],
        ink,
        width: if ink == Ink::Faint { 1.2 } else { 2.2 },
        dashed,
    }
}

fn cross(centre: (f32, f32), half: f32) -> Vec<Primitive> {
    let (x, y) = centre;
    vec![
        Primitive::Line {
            points: vec![(x - half, y - half), (x + half, y + half)],
            ink: Ink::Pen,
            width: 2.2,
            dashed: false,
        },
        Primitive::Line {
            points: vec![(x - half, y + half), (x + half, y - half)],
            ink: Ink::Pen,
            width: 2.2,
            dashed: false,
        },
    ]
}

/// An unmarked ballot: a header with the stamp, and three party rows each
/// with a logo, a name and a box.
fn blank_ballot(stamped: bool) -> Vec<Primitive> {
    blank_ballot_of(ROWS, stamped)
}

/// The middle of party row `row` of a ballot, from its top: where a form
/// names the row's party beside the drawing.
pub fn row_middle(row: usize) -> f32 {
    row_y(row) + ROW_HEIGHT / 2.0
}

/// The height of a ballot of `rows` party rows: the header, the rows, and
/// room below them.
pub fn ballot_height(rows: usize) -> f32 {
    ROW_TOP + ROW_HEIGHT * rows as f32 + 26.0
}

/// Where the lines standing for a party's name end.
pub const NAME_END: f32 = 66.0;

/// Where a party row's number and name are written (left end, middle of
/// the text's height): over the row's name lines, right of its logo.
pub fn row_label(row: usize) -> (f32, f32) {
    (LOGO_X.1 + 4.0, row_y(row) + ROW_HEIGHT / 2.0)
}

/// An unmarked ballot of `rows` party rows.
fn blank_ballot_of(rows: usize, stamped: bool) -> Vec<Primitive> {
    let mut shapes = vec![Primitive::Rect {
        min: (2.0, 2.0),
        max: (WIDTH - 2.0, ballot_height(rows) - 2.0),
        ink: Ink::Print,
    }];
    // Header lines (the election title).
    for (y, end) in [(12.0, 60.0), (20.0, 48.0)] {
        shapes.push(Primitive::Line {
            points: vec![(8.0, y), (end, y)],
            ink: Ink::Print,
            width: 1.5,
            dashed: false,
        });
    }
    shapes.push(Primitive::Circle {
        center: (82.0, 17.0),
        radius: 10.0,
        ink: if stamped { Ink::Stamp } else { Ink::Print },
        dashed: !stamped,
    });
    for row in 0..rows {
        let y = row_y(row);
        shapes.push(Primitive::Line {
            points: vec![(4.0, y), (WIDTH - 4.0, y)],
            ink: Ink::Print,
            width: 0.8,
            dashed: false,
        });
        shapes.push(Primitive::Rect {
            min: (LOGO_X.0, y + 7.0),
            max: (LOGO_X.1, y + ROW_HEIGHT - 7.0),
            ink: Ink::Print,
        });
        shapes.push(Primitive::Line {
            points: vec![(31.0, y + 13.0), (64.0, y + 13.0)],
            ink: Ink::Print,
            width: 1.5,
            dashed: false,
        });
        shapes.push(Primitive::Line {
            points: vec![(31.0, y + 20.0), (54.0, y + 20.0)],
            ink: Ink::Print,
            width: 1.0,
            dashed: false,
        });
        shapes.push(Primitive::Rect {
            min: (BOX_X.0, y + 6.0),
            max: (BOX_X.1, y + ROW_HEIGHT - 6.0),
            ink: Ink::Print,
        });
    }
    shapes
}

/// A practice ballot as its card says it is marked, on a ballot of
/// `rows` party rows (the station's parties, in ballot order), in a box
/// [`WIDTH`] wide and [`ballot_height`]`(rows)` tall.
pub fn practice_card(card: &Card, rows: usize) -> Vec<Primitive> {
    let rows = rows.max(1);
    let mut shapes = blank_ballot_of(rows, card.kind != MarkKind::NoStamp);
    let size = BOX_X.1 - BOX_X.0;
    let moved = |(x, y): (f32, f32)| (x + card.offset.0 * size, y + card.offset.1 * size);
    let in_box = |row: usize| moved(box_centre(row.min(rows - 1)));
    let first = card.rows.first().copied().unwrap_or(0);
    match card.kind {
        MarkKind::Tick | MarkKind::NoStamp => {
            shapes.push(tick(in_box(first), card.scale, Ink::Pen, false));
        }
        MarkKind::OtherMark => shapes.extend(other_mark(in_box(first), card.scale, card.shape)),
        MarkKind::BesideBox => {
            let logo = ((LOGO_X.0 + LOGO_X.1) / 2.0, row_y(first) + ROW_HEIGHT / 2.0);
            shapes.push(tick(moved(logo), card.scale, Ink::Pen, false));
        }
        MarkKind::Faint => shapes.push(tick(in_box(first), card.scale, Ink::Faint, true)),
        MarkKind::Blank => {}
        MarkKind::TwoParties => {
            for row in &card.rows {
                shapes.push(tick(in_box(*row), card.scale, Ink::Pen, false));
            }
        }
        MarkKind::Straddling => {
            let between = (box_centre(0).0, row_y(first + 1).min(row_y(rows)));
            shapes.extend(other_mark(moved(between), card.scale * 1.2, Shape::Cross));
        }
        MarkKind::Identifying => {
            shapes.push(tick(in_box(first), card.scale, Ink::Pen, false));
            shapes.push(signature(row_y(rows) + 13.0, card.scale));
        }
        MarkKind::Damaged => {
            shapes.push(tick(in_box(first), card.scale, Ink::Pen, false));
            // Torn away across the boxes, from above the marked row to
            // below it.
            let top = row_y(first.saturating_sub(1)).max(2.0);
            let bottom = (row_y(first + 2)).min(ballot_height(rows) - 2.0);
            let step = (bottom - top) / 4.0;
            let jagged: Vec<(f32, f32)> = (0..=4)
                .map(|i| {
                    let x = if i % 2 == 0 { 62.0 } else { 70.0 };
                    (x + card.offset.0 * 10.0, top + step * i as f32)
                })
                .collect();
            shapes.extend(tear(jagged, &[(WIDTH, bottom), (WIDTH, top)]));
        }
    }
    shapes
}

/// A piece torn away along `edge`: paper over the part the edge closes
/// with `around` (the ballot's own edge), and the tear's line.
fn tear(edge: Vec<(f32, f32)>, around: &[(f32, f32)]) -> [Primitive; 2] {
    let mut torn = edge.clone();
    torn.extend(around);
    [
        Primitive::Fill {
            points: torn,
            ink: Ink::Paper,
        },
        Primitive::Line {
            points: edge,
            ink: Ink::Print,
            width: 1.2,
            dashed: false,
        },
    ]
}

/// A signature written below the party rows, its baseline at `y`.
fn signature(y: f32, scale: f32) -> Primitive {
    let points = (0..12)
        .map(|i| {
            let wave = if i % 2 == 0 { -4.0 } else { 4.0 };
            (14.0 + 6.0 * i as f32, y + wave * scale)
        })
        .collect();
    Primitive::Line {
        points,
        ink: Ink::Pen,
        width: 1.6,
        dashed: false,
    }
}

/// A mark other than the prescribed tick, centred at `centre`.
fn other_mark(centre: (f32, f32), scale: f32, shape: Shape) -> Vec<Primitive> {
    let (x, y) = centre;
    let pen = |points: Vec<(f32, f32)>| Primitive::Line {
        points,
        ink: Ink::Pen,
        width: 2.2,
        dashed: false,
    };
    match shape {
        Shape::Cross => cross(centre, 6.0 * scale),
        Shape::Circle => vec![Primitive::Circle {
            center: centre,
            radius: 6.5 * scale,
            ink: Ink::Pen,
            dashed: false,
        }],
        Shape::Vee => vec![pen(vec![
            (x - 6.0 * scale, y - 6.0 * scale),
            (x, y + 6.0 * scale),
            (x + 6.0 * scale, y - 6.0 * scale),
        ])],
        Shape::Wave => vec![pen((0..=6)
            .map(|i| {
                let up = if i % 2 == 0 { -3.0 } else { 3.0 };
                (x - 7.0 * scale + 2.33 * scale * i as f32, y + up * scale)
            })
            .collect())],
    }
}

/// The drawing for a criterion code of the default set, if it has one.
pub fn for_criterion(code: &str) -> Option<Vec<Primitive>> {
    let mut shapes = blank_ballot(code != "I1");
    match code {
        "V1" => shapes.push(tick(box_centre(1), 1.0, Ink::Pen, false)),
        "V2" => shapes.extend(cross(box_centre(1), 6.0)),
        "V3" => {
            let logo = ((LOGO_X.0 + LOGO_X.1) / 2.0, row_y(1) + ROW_HEIGHT / 2.0);
            shapes.push(tick(logo, 1.0, Ink::Pen, false));
        }
        "V4" => shapes.push(tick(box_centre(1), 1.0, Ink::Faint, true)),
        "I1" => {
            shapes.push(tick(box_centre(1), 1.0, Ink::Pen, false));
            shapes.extend(cross((82.0, 17.0), 7.0));
        }
        "I2" => {}
        "I3" => {
            shapes.push(tick(box_centre(0), 1.0, Ink::Pen, false));
            shapes.push(tick(box_centre(2), 1.0, Ink::Pen, false));
        }
        "I4" => shapes.extend(cross((box_centre(1).0, row_y(2)), 8.0)),
        "I5" => {
            shapes.push(tick(box_centre(1), 1.0, Ink::Pen, false));
            shapes.push(signature(row_y(ROWS) + 12.0, 1.0));
        }
        "I6" => {
            let jagged = vec![
                (60.0, 2.0),
                (66.0, 30.0),
                (58.0, 52.0),
                (70.0, 76.0),
                (62.0, 98.0),
                (WIDTH, 104.0),
            ];
            shapes.extend(tear(jagged, &[(WIDTH, 2.0)]));
        }
        _ => return None,
    }
    Some(shapes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::criteria::CriteriaSet;

    fn pen_marks(shapes: &[Primitive]) -> usize {
        shapes
            .iter()
            .filter(|s| {
                matches!(
                    s,
                    Primitive::Line {
                        ink: Ink::Pen | Ink::Faint,
                        ..
                    }
                )
            })
            .count()
    }

    #[test]
    fn every_default_criterion_has_a_drawing_inside_the_box() {
        for c in CriteriaSet::default_set().iter() {
            let shapes = for_criterion(c.code.as_str()).unwrap_or_else(|| panic!("{}", c.code));
            for s in &shapes {
                let points: Vec<(f32, f32)> = match s {
                    Primitive::Line { points, .. } | Primitive::Fill { points, .. } => {
                        points.clone()
                    }
                    Primitive::Rect { min, max, .. } => vec![*min, *max],
                    Primitive::Circle { center, .. } => vec![*center],
                };
                for (x, y) in points {
                    assert!(
                        (0.0..=WIDTH).contains(&x) && (0.0..=HEIGHT).contains(&y),
                        "{}: {x},{y}",
                        c.code
                    );
                }
            }
        }
        assert!(for_criterion("Z1").is_none());
    }

    fn inside(shapes: &[Primitive], height: f32) -> bool {
        shapes.iter().all(|s| {
            let points: Vec<(f32, f32)> = match s {
                Primitive::Line { points, .. } | Primitive::Fill { points, .. } => points.clone(),
                Primitive::Rect { min, max, .. } => vec![*min, *max],
                Primitive::Circle { center, radius, .. } => vec![
                    (center.0 - radius, center.1 - radius),
                    (center.0 + radius, center.1 + radius),
                ],
            };
            points
                .iter()
                .all(|(x, y)| (0.0..=WIDTH).contains(x) && (0.0..=height).contains(y))
        })
    }

    #[test]
    fn every_practice_card_is_drawn_inside_its_ballot_with_its_marks() {
        use crate::domain::practice::{Deck, Mix};
        use crate::domain::station::StationFile;
        let station =
            StationFile::parse(include_bytes!("../assets/sample-station.json").to_vec()).unwrap();
        let def = station.definition();
        let rows = def.parties.len();
        for seed in 0..20 {
            for card in Deck::generate(def, seed, 40, &Mix::default())
                .unwrap()
                .cards
            {
                let shapes = practice_card(&card, rows);
                assert!(inside(&shapes, ballot_height(rows)), "{card:?}");
                let pens = shapes
                    .iter()
                    .filter(|s| match s {
                        Primitive::Line { ink, .. } | Primitive::Circle { ink, .. } => {
                            matches!(ink, Ink::Pen | Ink::Faint)
                        }
                        _ => false,
                    })
                    .count();
                let stamped = shapes.iter().any(|s| {
                    matches!(
                        s,
                        Primitive::Circle {
                            ink: Ink::Stamp,
                            ..
                        }
                    )
                });
                assert_eq!(stamped, card.kind != MarkKind::NoStamp, "{card:?}");
                let expected = match card.kind {
                    MarkKind::Blank => 0..=0,
                    MarkKind::TwoParties | MarkKind::Identifying => 2..=2,
                    MarkKind::OtherMark | MarkKind::Straddling => 1..=2,
                    _ => 1..=1,
                };
                assert!(expected.contains(&pens), "{pens} pen marks on {card:?}");
            }
        }
    }

    #[test]
    fn the_drawings_differ_as_the_criteria_do() {
        let blank = for_criterion("I2").unwrap();
        assert_eq!(pen_marks(&blank), 0);
        assert_eq!(pen_marks(&for_criterion("V1").unwrap()), 1);
        assert_eq!(pen_marks(&for_criterion("I3").unwrap()), 2);
        assert_ne!(for_criterion("V1"), for_criterion("V4"));
        assert_ne!(for_criterion("V1"), for_criterion("V3"));
    }
}
