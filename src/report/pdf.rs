//! Draws the page model with printpdf: every run of text shaped and drawn
//! as glyph ids of a font embedded in the PDF (no reliance on a viewer's
//! fonts), with its text as `/ActualText`.
//!
//! Pages are drawn and serialised a few at a time, their content streams
//! compressed at once: a long annex keeps only the finished bytes of its
//! pages, never the drawing operations of the whole document (a glyph's
//! operations take some hundred times the bytes they end as). printpdf then
//! writes the document around them: the fonts, embedded as for one document
//! that used every glyph the pages did, the metadata and the page tree.
//!
//! The output is deterministic: fixed metadata dates, and the document
//! identifier (which printpdf draws at random) replaced by one made from the
//! results hash.

use crate::report::layout::{Item, PAGE_HEIGHT, PAGE_WIDTH, Page, Tone};
use crate::report::shaping::{self, Font};
use lopdf::{Object, ObjectId, Stream};
use printpdf::{
    Codepoint, Color, DictItem, FontId, Line, LineCapStyle, LineDashPattern, LineJoinStyle,
    LinePoint, Mm, Op, PaintMode, ParsedFont, PdfDocument, PdfFont, PdfFontHandle, PdfPage,
    PdfSaveOptions, Point, Polygon, PolygonRing, Pt, Rect, Rgb, TextItem, TextMatrix, WindingOrder,
};
use std::collections::BTreeSet;

fn mm(v: f32) -> Pt {
    Mm(v).into_pt()
}

fn colour(tone: Tone) -> Color {
    let (r, g, b) = match tone {
        Tone::Black => (0.0, 0.0, 0.0),
        Tone::Red => (0.75, 0.05, 0.05),
        Tone::Grey => (0.35, 0.35, 0.35),
        Tone::Shade => (0.92, 0.92, 0.92),
        Tone::Pen => (0.05, 0.17, 0.55),
        Tone::FaintPen => (0.56, 0.64, 0.85),
        Tone::Stamp => (0.61, 0.15, 0.69),
        Tone::Paper => (1.0, 1.0, 1.0),
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

/// The glyph ids drawn in each font, indexed by [`Font`].
type Glyphs = [BTreeSet<u16>; Font::ALL.len()];

/// The drawing operations of `page`, adding the glyphs it draws to `used`.
fn ops(page: &Page, used: &mut Glyphs) -> Vec<Op> {
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
                    let glyphs = &mut used[font as usize];
                    shaped_run(&mut ops, glyphs, font, &run.text, pen, *y, *size, *tone);
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
            Item::Path {
                points,
                width,
                tone,
                closed,
                filled,
                dashed,
            } => path(&mut ops, points, *width, *tone, *closed, *filled, *dashed),
        }
    }
    ops
}

/// A drawn path, in its own graphics state (its caps, joins and dashes
/// do not reach what is drawn after it): stroked with round caps and
/// joins, dashed in steps of three widths, or filled.
fn path(
    ops: &mut Vec<Op>,
    points: &[(f32, f32)],
    width: f32,
    tone: Tone,
    closed: bool,
    filled: bool,
    dashed: bool,
) {
    let points: Vec<LinePoint> = points
        .iter()
        .map(|(x, y)| LinePoint {
            p: Point {
                x: mm(*x),
                y: mm(PAGE_HEIGHT - y),
            },
            bezier: false,
        })
        .collect();
    ops.push(Op::SaveGraphicsState);
    if filled {
        ops.push(Op::SetFillColor { col: colour(tone) });
        ops.push(Op::DrawPolygon {
            polygon: Polygon {
                rings: vec![PolygonRing { points }],
                mode: PaintMode::Fill,
                winding_order: WindingOrder::NonZero,
            },
        });
    } else {
        ops.push(Op::SetOutlineColor { col: colour(tone) });
        ops.push(Op::SetOutlineThickness { pt: mm(width) });
        ops.push(Op::SetLineCapStyle {
            cap: LineCapStyle::Round,
        });
        ops.push(Op::SetLineJoinStyle {
            join: LineJoinStyle::Round,
        });
        if dashed {
            let step = mm(width * 3.0).0;
            ops.push(Op::SetLineDashPattern {
                dash: LineDashPattern::new(0.0, &[step, step]),
            });
        }
        ops.push(Op::DrawLine {
            line: Line {
                points,
                is_closed: closed,
            },
        });
    }
    ops.push(Op::RestoreGraphicsState);
}

/// A shaped run: each glyph placed at its pen position plus its offsets,
/// inside a marked-content span whose `/ActualText` is the run's text
/// (UTF-16BE with a byte-order mark), so that text extraction returns the
/// text as written. The glyphs drawn are added to `used`.
#[allow(clippy::too_many_arguments)]
fn shaped_run(
    ops: &mut Vec<Op>,
    used: &mut BTreeSet<u16>,
    font: Font,
    text: &str,
    x: f32,
    y: f32,
    size: f32,
    tone: Tone,
) {
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
        used.insert(glyph.id);
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
    let mut writer = Writer::new(pages);
    for page in pages {
        writer.page(page);
    }
    writer.finish(title, id)
}

/// The whole fonts are embedded, so the glyph ids drawn are the shaper's.
fn save_options() -> PdfSaveOptions {
    PdfSaveOptions {
        subset_fonts: false,
        ..PdfSaveOptions::default()
    }
}

/// How many pages are drawn before they are serialised together: enough
/// that printpdf's work for each document (preparing the fonts) is shared,
/// few enough that their drawing operations stay small (some 3 MB a page of
/// annex).
const PAGES_AT_ONCE: usize = 8;

/// A PDF being written a few pages at a time: the content streams of each
/// few pages are serialised and compressed as soon as those pages are
/// drawn, and only those bytes, and the glyphs each font has drawn, are kept
/// until the end.
struct Writer {
    /// A document holding the embedded fonts and the pages being serialised.
    scratch: PdfDocument,
    /// The compressed content stream of each page serialised so far.
    contents: Vec<Stream>,
    /// The glyphs drawn so far, in each font.
    used: Glyphs,
}

impl Writer {
    /// A writer for `pages`: only the fonts their text is drawn in are
    /// embedded.
    fn new(pages: &[Page]) -> Writer {
        let mut scratch = PdfDocument::new("");
        let mut needed = [false; Font::ALL.len()];
        for page in pages {
            for item in &page.items {
                if let Item::Text { text, bold, .. } = item {
                    for run in shaping::runs(text) {
                        needed[Font::of(&run, *bold) as usize] = true;
                    }
                }
            }
        }
        for font in Font::ALL.into_iter().filter(|f| needed[*f as usize]) {
            let mut warnings = Vec::new();
            if let Some(parsed) = ParsedFont::from_bytes(font.bytes(), 0, &mut warnings) {
                scratch
                    .resources
                    .fonts
                    .map
                    .insert(FontId(font.pdf_id().into()), PdfFont::new(parsed));
            }
        }
        Writer {
            scratch,
            contents: Vec::with_capacity(pages.len()),
            used: Default::default(),
        }
    }

    /// Draws `page`; every [`PAGES_AT_ONCE`] pages, serialises them.
    fn page(&mut self, page: &Page) {
        let ops = ops(page, &mut self.used);
        self.scratch
            .pages
            .push(PdfPage::new(Mm(PAGE_WIDTH), Mm(PAGE_HEIGHT), ops));
        if self.scratch.pages.len() >= PAGES_AT_ONCE {
            self.serialise();
        }
    }

    /// Serialises the pages drawn and not yet serialised, and keeps their
    /// compressed content streams: printpdf writes each exactly as in a
    /// whole document with the same fonts.
    fn serialise(&mut self) {
        if self.scratch.pages.is_empty() {
            return;
        }
        let mut warnings = Vec::new();
        let mut doc = self
            .scratch
            .to_lopdf_document(&save_options(), &mut warnings);
        let drawn = std::mem::take(&mut self.scratch.pages).len();
        let ids: Vec<ObjectId> = doc
            .get_pages()
            .values()
            .filter_map(|page| doc.get_dictionary(*page).ok().and_then(contents_id))
            .collect();
        for i in 0..drawn {
            let stream = ids.get(i).and_then(|id| doc.objects.remove(id));
            let mut content = match stream {
                Some(Object::Stream(stream)) => stream,
                _ => Stream::new(lopdf::Dictionary::new(), Vec::new()),
            };
            // A stream that compression would not shorten stays as it is.
            let _ = content.compress();
            self.contents.push(content);
        }
    }

    /// The PDF: the fonts embedded as for a document that drew every glyph
    /// the pages did, then the pages with their content streams.
    fn finish(mut self, title: &str, id: &str) -> Vec<u8> {
        self.serialise();
        let Writer {
            mut scratch,
            contents,
            used,
        } = self;
        scratch.metadata.info.document_title = title.into();
        scratch.metadata.info.producer = "polltally".into();
        scratch.metadata.info.creator = "polltally".into();
        scratch.metadata.info.identifier = id.into();
        // One page that draws every glyph used: printpdf writes the fonts'
        // widths and text mappings from the glyphs its pages draw.
        let mut glyph_ops = Vec::new();
        for font in Font::ALL {
            let glyphs = &used[font as usize];
            if glyphs.is_empty() {
                continue;
            }
            glyph_ops.push(Op::StartTextSection);
            glyph_ops.push(Op::SetFont {
                font: PdfFontHandle::External(FontId(font.pdf_id().into())),
                size: Pt(10.0),
            });
            glyph_ops.push(Op::ShowText {
                items: vec![TextItem::GlyphIds(
                    glyphs.iter().map(|g| Codepoint::new(*g, 0.0)).collect(),
                )],
            });
            glyph_ops.push(Op::EndTextSection);
        }
        scratch.pages = vec![PdfPage::new(Mm(PAGE_WIDTH), Mm(PAGE_HEIGHT), glyph_ops)];
        let mut warnings = Vec::new();
        let mut doc = scratch.to_lopdf_document(&save_options(), &mut warnings);
        drop(scratch);
        replace_pages(&mut doc, contents);
        doc.compress();
        let mut bytes = Vec::new();
        if doc.save_to(&mut bytes).is_err() {
            return Vec::new();
        }
        fix_random_ids(bytes, id)
    }
}

/// The id and dictionary of the document's first page.
fn first_page(doc: &lopdf::Document) -> Option<(ObjectId, &lopdf::Dictionary)> {
    let id = *doc.get_pages().values().next()?;
    Some((id, doc.get_dictionary(id).ok()?))
}

/// The object holding a page's content stream.
fn contents_id(page: &lopdf::Dictionary) -> Option<ObjectId> {
    page.get(b"Contents").and_then(Object::as_reference).ok()
}

/// Replaces the document's one page by a page for each content stream,
/// each like the first: the same box, parent and resources.
fn replace_pages(doc: &mut lopdf::Document, contents: Vec<Stream>) {
    let Some((first, template)) = first_page(doc).map(|(id, page)| (id, page.clone())) else {
        return;
    };
    let Some(first_contents) = contents_id(&template) else {
        return;
    };
    let Ok(parent) = template.get(b"Parent").and_then(Object::as_reference) else {
        return;
    };
    let mut kids = Vec::with_capacity(contents.len());
    for (i, content) in contents.into_iter().enumerate() {
        if i == 0 {
            doc.objects.insert(first_contents, Object::Stream(content));
            kids.push(Object::Reference(first));
        } else {
            let content = doc.add_object(content);
            let mut page = template.clone();
            page.set("Contents", Object::Reference(content));
            kids.push(Object::Reference(doc.add_object(page)));
        }
    }
    if let Ok(Object::Dictionary(tree)) = doc.get_object_mut(parent) {
        tree.set("Count", Object::Integer(kids.len() as i64));
        tree.set("Kids", Object::Array(kids));
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::{Dictionary, Document};

    /// `n` pages of rows as an annex draws them (Khmer and Latin, regular
    /// and bold, grey and red), with a band, rules and a QR code.
    fn pages(n: usize) -> Vec<Page> {
        let text = |x: f32, y: f32, bold: bool, tone: Tone, text: String| Item::Text {
            x,
            y,
            size: 8.5,
            bold,
            tone,
            text,
        };
        (0..n)
            .map(|p| {
                let mut items = vec![
                    Item::Fill {
                        x: 12.0,
                        y: 20.0,
                        w: 186.0,
                        h: 6.0,
                        tone: Tone::Shade,
                    },
                    text(12.0, 15.0, false, Tone::Grey, format!("KH-0101 | page {p}")),
                    text(60.0, 15.0, true, Tone::Red, "ការអនុវត្ត PRACTICE".into()),
                ];
                for row in 0..40 {
                    let y = 30.0 + row as f32 * 5.0;
                    let seq = p * 40 + row;
                    items.push(text(12.0, y, true, Tone::Black, seq.to_string()));
                    items.push(text(
                        30.0,
                        y,
                        false,
                        Tone::Black,
                        format!("សន្លឹកឆ្នោត {seq}: មានសុពលភាព គណបក្ស ៣ / ballot {seq}: valid: party 3"),
                    ));
                }
                items.push(Item::Line {
                    x1: 12.0,
                    y1: 240.0,
                    x2: 140.0,
                    y2: 240.0,
                    width: 0.6,
                });
                items.push(Item::Qr {
                    x: 150.0,
                    y: 240.0,
                    size: 40.0,
                    modules: (0..21 * 21).map(|i| (i * 7 + i / 21) % 3 == 0).collect(),
                    width: 21,
                });
                Page { items }
            })
            .collect()
    }

    /// The PDF as printpdf writes a document whose pages are all drawn
    /// before it is saved.
    fn whole_document(pages: &[Page], title: &str) -> Vec<u8> {
        let writer = Writer::new(pages);
        let mut doc = writer.scratch;
        doc.metadata.info.document_title = title.into();
        let mut used = Glyphs::default();
        let all = pages
            .iter()
            .map(|p| PdfPage::new(Mm(PAGE_WIDTH), Mm(PAGE_HEIGHT), ops(p, &mut used)))
            .collect();
        doc.with_pages(all);
        doc.save(&save_options(), &mut Vec::new())
    }

    /// An object with every reference followed and every stream decoded
    /// (a page's parent left out), as text to compare.
    fn resolved(doc: &Document, object: &Object) -> String {
        match object {
            Object::Reference(id) => doc
                .get_object(*id)
                .map_or("missing".into(), |o| resolved(doc, o)),
            Object::Array(items) => {
                let items: Vec<String> = items.iter().map(|o| resolved(doc, o)).collect();
                format!("[{}]", items.join(" "))
            }
            Object::Dictionary(dict) => resolved_dict(doc, dict),
            Object::Stream(stream) => format!(
                "{} stream {:?}",
                resolved_dict(doc, &stream.dict),
                stream
                    .decompressed_content()
                    .unwrap_or(stream.content.clone())
            ),
            other => format!("{other:?}"),
        }
    }

    fn resolved_dict(doc: &Document, dict: &Dictionary) -> String {
        let entries: Vec<String> = dict
            .iter()
            .filter(|(k, _)| !matches!(k.as_slice(), b"Parent" | b"Length" | b"Filter"))
            .map(|(k, v)| format!("/{} {}", String::from_utf8_lossy(k), resolved(doc, v)))
            .collect();
        format!("<<{}>>", entries.join(" "))
    }

    /// Each page of a PDF resolved, in order, and its document information.
    fn described(bytes: &[u8]) -> (Vec<String>, String) {
        let doc = Document::load_mem(bytes).unwrap();
        let pages = doc
            .get_pages()
            .values()
            .map(|id| resolved(&doc, &Object::Reference(*id)))
            .collect();
        let info = doc
            .trailer
            .get(b"Info")
            .map_or("none".into(), |i| resolved(&doc, i));
        (pages, info)
    }

    #[test]
    fn pages_written_a_few_at_a_time_are_the_pages_of_a_whole_document() {
        // More pages than are serialised at once.
        let count = PAGES_AT_ONCE + 2;
        let pages = pages(count);
        let streamed = render(&pages, "Results form", &"0".repeat(32));
        let whole = whole_document(&pages, "Results form");
        let (streamed_pages, streamed_info) = described(&streamed);
        let (whole_pages, _) = described(&whole);
        assert_eq!(streamed_pages.len(), count);
        assert_eq!(whole_pages.len(), count);
        // Every page the same: its content stream, box and resources, the
        // embedded fonts with their widths and text mappings.
        for (streamed, whole) in streamed_pages.iter().zip(&whole_pages) {
            assert_eq!(streamed, whole);
        }
        assert!(
            streamed_pages[0].contains("FKhmer"),
            "{}",
            streamed_pages[0]
        );
        // The document information as before: made by polltally (in
        // UTF-16), with the identifier given.
        let polltally = "feff0070006f006c006c00740061006c006c0079";
        assert!(
            streamed_info.contains(&format!("/Producer <{polltally}>")),
            "{streamed_info}"
        );
        assert!(
            streamed_info.contains(&format!("/Identifier ({})", "0".repeat(32))),
            "{streamed_info}"
        );
        // Content streams are stored compressed.
        let doc = Document::load_mem(&streamed).unwrap();
        for id in doc.get_pages().values() {
            let page = doc.get_dictionary(*id).unwrap();
            let contents = page.get(b"Contents").unwrap().as_reference().unwrap();
            let stream = doc.get_object(contents).unwrap().as_stream().unwrap();
            assert_eq!(
                stream.dict.get(b"Filter").unwrap().as_name().unwrap(),
                b"FlateDecode"
            );
        }
    }

    #[test]
    fn the_writer_keeps_the_drawing_of_only_a_few_pages() {
        let pages = pages(PAGES_AT_ONCE + 3);
        let mut writer = Writer::new(&pages);
        for (i, page) in pages.iter().enumerate() {
            writer.page(page);
            // Every page but the last few drawn is held as its compressed
            // content stream only.
            assert!(writer.scratch.pages.len() < PAGES_AT_ONCE, "page {i}");
            assert_eq!(writer.contents.len() + writer.scratch.pages.len(), i + 1);
        }
        assert_eq!(writer.contents.len(), PAGES_AT_ONCE);
        assert!(
            writer
                .contents
                .iter()
                .all(|s| s.dict.get(b"Filter").is_ok())
        );
        let bytes = writer.finish("Results form", &"0".repeat(32));
        let doc = Document::load_mem(&bytes).unwrap();
        assert_eq!(doc.get_pages().len(), pages.len());
    }

    #[test]
    fn the_same_pages_give_the_same_bytes() {
        let pages = pages(2);
        let id = "0123456789abcdef0123456789abcdeA";
        let first = render(&pages, "Results form", id);
        assert_eq!(first, render(&pages, "Results form", id));
        assert!(find(&first, id.as_bytes()).is_some());
    }
}
