//! Draws the page model with printpdf, using the built-in Helvetica fonts.
//! The output is deterministic: fixed metadata dates, and the document
//! identifier (which printpdf draws at random) replaced by one made from the
//! results hash.

use crate::report::layout::{Item, PAGE_HEIGHT, PAGE_WIDTH, Page, Tone};
use printpdf::{
    BuiltinFont, Color, Line, LinePoint, Mm, Op, PaintMode, PdfDocument, PdfFontHandle, PdfPage,
    PdfSaveOptions, Point, Pt, Rect, Rgb, TextItem, WindingOrder,
};

fn mm(v: f32) -> Pt {
    Mm(v).into_pt()
}

fn colour(tone: Tone) -> Color {
    let (r, g, b) = match tone {
        Tone::Black => (0.0, 0.0, 0.0),
        Tone::Red => (0.75, 0.05, 0.05),
        Tone::Grey => (0.35, 0.35, 0.35),
        Tone::Shade => (0.92, 0.92, 0.92),
    };
    Color::Rgb(Rgb {
        r,
        g,
        b,
        icc_profile: None,
    })
}

fn filled(x: f32, y_top: f32, w: f32, h: f32) -> Rect {
    Rect {
        x: mm(x),
        y: mm(PAGE_HEIGHT - y_top - h),
        width: mm(w),
        height: mm(h),
        mode: Some(PaintMode::Fill),
        winding_order: Some(WindingOrder::NonZero),
    }
}

fn ops(page: &Page) -> Vec<Op> {
    let mut ops = Vec::new();
    for item in &page.items {
        match item {
            Item::Text {
                x,
                y,
                size,
                bold,
                tone,
                text,
            } => {
                let font = if *bold {
                    BuiltinFont::HelveticaBold
                } else {
                    BuiltinFont::Helvetica
                };
                ops.push(Op::StartTextSection);
                ops.push(Op::SetFillColor { col: colour(*tone) });
                ops.push(Op::SetFont {
                    font: PdfFontHandle::Builtin(font),
                    size: Pt(*size),
                });
                ops.push(Op::SetTextCursor {
                    pos: Point {
                        x: mm(*x),
                        y: mm(PAGE_HEIGHT - y),
                    },
                });
                ops.push(Op::ShowText {
                    items: vec![TextItem::Text(text.clone())],
                });
                ops.push(Op::EndTextSection);
            }
            Item::Fill { x, y, w, h, tone } => {
                ops.push(Op::SetFillColor { col: colour(*tone) });
                ops.push(Op::DrawRectangle {
                    rectangle: filled(*x, *y, *w, *h),
                });
            }
            Item::Line {
                x1,
                y1,
                x2,
                y2,
                width,
            } => {
                ops.push(Op::SetOutlineColor {
                    col: colour(Tone::Black),
                });
                ops.push(Op::SetOutlineThickness { pt: mm(*width) });
                let point = |x: f32, y: f32| LinePoint {
                    p: Point {
                        x: mm(x),
                        y: mm(PAGE_HEIGHT - y),
                    },
                    bezier: false,
                };
                ops.push(Op::DrawLine {
                    line: Line {
                        points: vec![point(*x1, *y1), point(*x2, *y2)],
                        is_closed: false,
                    },
                });
            }
            Item::Qr {
                x,
                y,
                size,
                modules,
                width,
            } => {
                // The QR code is drawn as one filled square per dark module,
                // inside a marked-content section tagged QR.
                ops.push(Op::BeginMarkedContent { tag: "QR".into() });
                ops.push(Op::SetFillColor {
                    col: colour(Tone::Black),
                });
                let cell = size / *width as f32;
                for (i, dark) in modules.iter().enumerate() {
                    if *dark {
                        let (row, col) = (i / width, i % width);
                        ops.push(Op::DrawRectangle {
                            rectangle: filled(
                                x + col as f32 * cell,
                                y + row as f32 * cell,
                                cell,
                                cell,
                            ),
                        });
                    }
                }
                ops.push(Op::EndMarkedContent);
            }
        }
    }
    ops
}

/// The PDF bytes of `pages`, titled `title`, identified by `id` (32 ASCII
/// characters; the same pages and id give the same bytes).
pub fn render(pages: &[Page], title: &str, id: &str) -> Vec<u8> {
    let mut doc = PdfDocument::new(title);
    doc.metadata.info.producer = "polltally".into();
    doc.metadata.info.creator = "polltally".into();
    doc.metadata.info.identifier = id.into();
    let pdf_pages: Vec<PdfPage> = pages
        .iter()
        .map(|p| PdfPage::new(Mm(PAGE_WIDTH), Mm(PAGE_HEIGHT), ops(p)))
        .collect();
    doc.with_pages(pdf_pages);
    let mut warnings = Vec::new();
    let bytes = doc.save(&PdfSaveOptions::default(), &mut warnings);
    fix_random_ids(bytes, id)
}

/// printpdf writes random 32-character identifiers (the trailer /ID and the
/// XMP instance id); replaces each with `id`, byte for byte, so offsets stay.
fn fix_random_ids(mut bytes: Vec<u8>, id: &str) -> Vec<u8> {
    let id = id.as_bytes();
    if id.len() != 32 {
        return bytes;
    }
    let Some(start) = find(&bytes, b"/ID") else {
        return bytes;
    };
    let mut i = start;
    // The trailer: /ID[(<32 chars>)(<32 chars>)] in some spacing.
    let mut replaced = 0;
    while i < bytes.len() && replaced < 2 {
        if bytes[i] == b'(' && i + 33 < bytes.len() && bytes[i + 33] == b')' {
            bytes[i + 1..i + 33].copy_from_slice(id);
            replaced += 1;
            i += 34;
        } else {
            i += 1;
        }
    }
    bytes
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}
