//! Draws the page model with printpdf: every run of text shaped and drawn
//! as glyph ids of a font embedded in the PDF (no reliance on a viewer's
//! fonts), with its text as `/ActualText`.
//!
//! The output is deterministic: fixed metadata dates, and the document
//! identifier (which printpdf draws at random) replaced by one made from the
//! results hash.

use crate::report::layout::{Item, PAGE_HEIGHT, PAGE_WIDTH, Page, Tone};
use crate::report::shaping::{self, Font};
use printpdf::{
    Codepoint, Color, DictItem, FontId, Line, LinePoint, Mm, Op, PaintMode, ParsedFont,
    PdfDocument, PdfFont, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, Rect, Rgb, TextItem,
    TextMatrix, WindingOrder,
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
                let mut pen = *x;
                for run in shaping::runs(text) {
                    let font = Font::of(&run, *bold);
                    shaped_run(&mut ops, font, &run.text, pen, *y, *size, *tone);
                    pen += shaping::width(font, &run.text, *size);
                }
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

/// A shaped run: each glyph placed at its pen position plus its offsets,
/// inside a marked-content span whose `/ActualText` is the run's text
/// (UTF-16BE with a byte-order mark), so that text extraction returns the
/// text as written.
fn shaped_run(ops: &mut Vec<Op>, font: Font, text: &str, x: f32, y: f32, size: f32, tone: Tone) {
    let mut actual = vec![0xFE, 0xFF];
    for unit in text.encode_utf16() {
        actual.extend_from_slice(&unit.to_be_bytes());
    }
    let mut properties = std::collections::BTreeMap::new();
    properties.insert(
        "ActualText".to_string(),
        DictItem::String {
            data: actual,
            literal: false,
        },
    );
    ops.push(Op::BeginMarkedContentWithProperties {
        tag: "Span".into(),
        properties: DictItem::Dict { map: properties },
    });
    ops.push(Op::StartTextSection);
    ops.push(Op::SetFillColor { col: colour(tone) });
    ops.push(Op::SetFont {
        font: PdfFontHandle::External(FontId(font.pdf_id().into())),
        size: Pt(size),
    });
    let scale = size / font.units_per_em() as f32;
    let mut pen = mm(x).0;
    let baseline = mm(PAGE_HEIGHT - y).0;
    for glyph in shaping::shape(font, text) {
        let gx = pen + glyph.x_offset as f32 * scale;
        let gy = baseline + glyph.y_offset as f32 * scale;
        ops.push(Op::SetTextMatrix {
            matrix: TextMatrix::Raw([1.0, 0.0, 0.0, 1.0, gx, gy]),
        });
        ops.push(Op::ShowText {
            items: vec![TextItem::GlyphIds(vec![Codepoint::new(glyph.id, 0.0)])],
        });
        pen += glyph.x_advance as f32 * scale;
    }
    ops.push(Op::EndTextSection);
    ops.push(Op::EndMarkedContent);
}

/// The PDF bytes of `pages`, titled `title`, identified by `id` (32 ASCII
/// characters; the same pages and id give the same bytes).
pub fn render(pages: &[Page], title: &str, id: &str) -> Vec<u8> {
    let mut doc = PdfDocument::new(title);
    // Only the fonts the pages use are embedded.
    let mut used = [false; Font::ALL.len()];
    for page in pages {
        for item in &page.items {
            if let Item::Text { text, bold, .. } = item {
                for run in shaping::runs(text) {
                    used[Font::of(&run, *bold) as usize] = true;
                }
            }
        }
    }
    for font in Font::ALL.into_iter().filter(|f| used[*f as usize]) {
        let mut warnings = Vec::new();
        if let Some(parsed) = ParsedFont::from_bytes(font.bytes(), 0, &mut warnings) {
            doc.resources
                .fonts
                .map
                .insert(FontId(font.pdf_id().into()), PdfFont::new(parsed));
        }
    }
    doc.metadata.info.producer = "polltally".into();
    doc.metadata.info.creator = "polltally".into();
    doc.metadata.info.identifier = id.into();
    let pdf_pages: Vec<PdfPage> = pages
        .iter()
        .map(|p| PdfPage::new(Mm(PAGE_WIDTH), Mm(PAGE_HEIGHT), ops(p)))
        .collect();
    doc.with_pages(pdf_pages);
    let mut warnings = Vec::new();
    // The whole font is embedded, so the glyph ids drawn are the shaper's.
    let options = PdfSaveOptions {
        subset_fonts: false,
        ..PdfSaveOptions::default()
    };
    let bytes = doc.save(&options, &mut warnings);
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
