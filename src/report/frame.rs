//! The frame around every page of a printed document, drawn once the content
//! is laid out and the page count is known: the line at the top (whose
//! station or commune, which election, which copy), PRACTICE across every
//! page of a practice record (TRAINING across a trainer's report), and the
//! footer that binds each page to its document with "page n of m". The results form and its annex, the
//! comparison report and the commune results share this one frame; only
//! what the footer holds differs.

use crate::domain::hash::{Hash256, grouped, groups};
use crate::domain::short_code::short_code;
use crate::i18n::T;
use crate::i18n::bilingual::Words;
use crate::report::layout::{
    ASCENT, Corner, FOOTER_HEIGHT, Flow, GAP, HEADER_HEIGHT, Item, MARGIN, PAGE_HEIGHT, PAGE_WIDTH,
    Page, Tone, em, fit_size, line_height, printable, qr_quiet_zone, text_width, wrap,
};
use crate::report::qr::QR_SIZE_MM;

/// The x of the right margin.
pub const RIGHT: f32 = PAGE_WIDTH - MARGIN;

/// What the frame of a document's pages says.
pub struct Frame<'a> {
    /// Top left, in grey: `station | election` or `commune | election`.
    pub top: String,
    /// Top right, in bold: the copy's label on a results form.
    pub label: Option<String>,
    /// PRACTICE across the top of every page (and atop the results form's
    /// footer).
    pub practice: bool,
    /// TRAINING across the top of every page of a trainer's report, in
    /// place of PRACTICE: a training round is no count at all.
    pub training: bool,
    /// What binds the page to its document.
    pub footer: Footer<'a>,
}

/// The bottom of each page.
pub enum Footer<'a> {
    /// The results form's: the station and its definition hash, the results
    /// hash on two lines, the short code, the page and where the copy goes,
    /// and the QR code beside them.
    Results {
        station: &'a str,
        definition_hash: &'a Hash256,
        results_hash: &'a Hash256,
        /// Where this copy goes, already worded.
        destination: String,
        /// The QR code's modules and width, when the payload fits one.
        qr: Option<&'a (Vec<bool>, usize)>,
    },
    /// A report's: one line with the document's hash, then the page.
    Hash(String),
}

/// Where the frame's parts sit. The results form's footer holds more, so
/// its header is set a size larger and its rule sits higher.
struct Geometry {
    /// The baseline of the top line.
    top: f32,
    /// PRACTICE across the top: its largest size and its baseline.
    practice_size: f32,
    practice_y: f32,
    /// How far below the content area the footer's rule runs, and its width.
    rule_below: f32,
    rule_width: f32,
}

const RESULTS_FORM: Geometry = Geometry {
    top: MARGIN + 3.5,
    practice_size: 16.0,
    practice_y: MARGIN + 11.0,
    rule_below: 2.0,
    rule_width: 0.6,
};

const REPORT: Geometry = Geometry {
    top: MARGIN + 3.0,
    practice_size: 14.0,
    practice_y: MARGIN + 10.0,
    rule_below: 4.0,
    rule_width: 0.4,
};

/// The results form's footer text: its size and where the QR code sits.
const FOOTER_SIZE: f32 = 8.0;
const SHORT_CODE_SIZE: f32 = 14.0;

impl Frame<'_> {
    /// Frames every page, numbering them `n of m`; the frame is drawn
    /// beneath the content.
    pub fn apply(&self, w: &Words, pages: &mut [Page]) {
        let total = pages.len();
        for (i, page) in pages.iter_mut().enumerate() {
            let items = self.items(w, i + 1, total);
            page.items.splice(0..0, items);
        }
    }

    /// The flow of the content inside this frame: below the header, above
    /// the footer, and clear of the QR code, its quiet zone and the hash
    /// above it.
    pub fn flow(&self, w: &Words) -> Flow {
        let top = if self.practice || self.training {
            MARGIN + HEADER_HEIGHT
        } else {
            MARGIN + HEADER_HEIGHT - 10.0
        };
        match self.footer {
            Footer::Results { .. } => {
                let (corner, bottom) = self.results_layout(w);
                Flow::within(top, bottom - GAP, corner)
            }
            Footer::Hash(_) => Flow::within(top, PAGE_HEIGHT - MARGIN - FOOTER_HEIGHT, None),
        }
    }

    fn geometry(&self) -> &'static Geometry {
        match self.footer {
            Footer::Results { .. } => &RESULTS_FORM,
            Footer::Hash(_) => &REPORT,
        }
    }

    /// The frame of page `number` of `total`: the header, then the footer.
    fn items(&self, w: &Words, number: usize, total: usize) -> Vec<Item> {
        let g = self.geometry();
        let mut items = self.header(w, g);
        let page = page_text(w, number, total);
        match &self.footer {
            Footer::Results { .. } => items.extend(self.results_footer(w, &page)),
            Footer::Hash(line) => {
                let rule = PAGE_HEIGHT - MARGIN - FOOTER_HEIGHT + g.rule_below;
                items.push(Item::Line {
                    x1: MARGIN,
                    y1: rule,
                    x2: RIGHT,
                    y2: rule,
                    width: g.rule_width,
                });
                let mut y = rule + 1.0;
                for (bold, line) in [(true, line.as_str()), (false, page.as_str())] {
                    for part in wrap(line, FOOTER_SIZE, bold, RIGHT - MARGIN) {
                        y += line_height(FOOTER_SIZE);
                        items.push(text(MARGIN, y, FOOTER_SIZE, bold, Tone::Black, &part));
                    }
                }
            }
        }
        items
    }

    /// The top line, the copy's label and PRACTICE.
    fn header(&self, w: &Words, g: &Geometry) -> Vec<Item> {
        let mut items = vec![text(MARGIN, g.top, 9.0, false, Tone::Grey, &self.top)];
        if let Some(label) = &self.label {
            let width = text_width(label, 10.0, true);
            items.push(text(RIGHT - width, g.top, 10.0, true, Tone::Black, label));
        }
        let notice = if self.training {
            Some(w.t(T::TrnMarker))
        } else if self.practice {
            Some(w.t(T::Practice))
        } else {
            None
        };
        if let Some(notice) = notice {
            let size = fit_size(&notice, g.practice_size, true, RIGHT - MARGIN);
            let x = (PAGE_WIDTH - text_width(&notice, size, true)) / 2.0;
            items.push(text(x, g.practice_y, size, true, Tone::Red, &notice));
        }
        items
    }

    /// The lines of the results form's footer that bind the figures, each
    /// with its size and weight, wrapped to `width`: the results hash on
    /// four lines and the short code. They stand above the QR code.
    fn hash_lines(&self, w: &Words, width: f32) -> Vec<(f32, bool, String)> {
        let Footer::Results { results_hash, .. } = &self.footer else {
            return Vec::new();
        };
        let hex = groups(&results_hash.to_hex());
        let mut lines = vec![(FOOTER_SIZE, true, w.t(T::FormResultsHash))];
        lines.extend(hex.chunks(4).map(|c| (FOOTER_SIZE, false, c.join(" "))));
        lines.push((FOOTER_SIZE, true, w.t(T::FormShortCode)));
        lines.push((SHORT_CODE_SIZE, true, short_code(results_hash)));
        wrapped(lines, width)
    }

    /// The footer's lines beside the QR code: the station and its
    /// definition hash, the `page` and where the copy goes.
    fn station_lines(&self, w: &Words, page: &str, width: f32) -> Vec<(f32, bool, String)> {
        let Footer::Results {
            station,
            definition_hash,
            destination,
            ..
        } = &self.footer
        else {
            return Vec::new();
        };
        let lines = vec![
            (
                FOOTER_SIZE,
                false,
                format!(
                    "{} {}   {} {}",
                    &w.t(T::Station),
                    station,
                    &w.t(T::DefinitionHash),
                    grouped(&definition_hash.short(16))
                ),
            ),
            (FOOTER_SIZE, true, format!("{page}   {destination}")),
        ];
        wrapped(lines, width)
    }

    /// Where the results form's footer sits: the corner kept free for the
    /// QR code with the hash above it (none without a QR code: the hash then
    /// joins the lines at the bottom), and the top of the lines at the
    /// bottom, with page numbers of two digits.
    fn results_layout(&self, w: &Words) -> (Option<Corner>, f32) {
        let page = page_text(w, 99, 99);
        let height = |lines: &[(f32, bool, String)]| -> f32 {
            lines.iter().map(|(size, _, _)| line_height(*size)).sum()
        };
        match self.qr_width() {
            Some(modules) => {
                let quiet = qr_quiet_zone(QR_SIZE_MM, modules);
                let left = RIGHT - QR_SIZE_MM - quiet;
                let qr_top = PAGE_HEIGHT - MARGIN - QR_SIZE_MM - quiet;
                let hash = self.hash_lines(w, RIGHT - left);
                let corner = Corner {
                    left,
                    top: qr_top - height(&hash) - 1.0,
                };
                let bottom = self.station_lines(w, &page, left - GAP - MARGIN);
                (Some(corner), PAGE_HEIGHT - MARGIN - height(&bottom) - 1.5)
            }
            None => {
                let mut lines = self.hash_lines(w, RIGHT - MARGIN);
                lines.extend(self.station_lines(w, &page, RIGHT - MARGIN));
                (None, PAGE_HEIGHT - MARGIN - height(&lines) - 1.5)
            }
        }
    }

    /// The width in modules of the QR code, if the form has one.
    fn qr_width(&self) -> Option<usize> {
        match &self.footer {
            Footer::Results { qr, .. } => qr.map(|(_, width)| *width),
            Footer::Hash(_) => None,
        }
    }

    /// The results form's footer: a rule, the station's lines and the
    /// page at the bottom left; the QR code in the corner with the results
    /// hash and the short code above it.
    fn results_footer(&self, w: &Words, page: &str) -> Vec<Item> {
        let (corner, top) = self.results_layout(w);
        let right = corner.map_or(RIGHT, |c| c.left - GAP);
        let mut items = vec![Item::Line {
            x1: MARGIN,
            y1: top,
            x2: right,
            y2: top,
            width: 0.6,
        }];
        let mut bottom = self.station_lines(w, page, right - MARGIN);
        let mut put = |x: f32, mut y: f32, lines: Vec<(f32, bool, String)>| {
            for (size, bold, line) in lines {
                items.push(text(
                    x,
                    y + ASCENT * em(size),
                    size,
                    bold,
                    Tone::Black,
                    &line,
                ));
                y += line_height(size);
            }
        };
        match (corner, &self.footer) {
            (
                Some(corner),
                Footer::Results {
                    qr: Some((modules, width)),
                    ..
                },
            ) => {
                put(MARGIN, top + 1.0, bottom);
                put(
                    corner.left,
                    corner.top,
                    self.hash_lines(w, RIGHT - corner.left),
                );
                items.push(Item::Qr {
                    x: RIGHT - QR_SIZE_MM,
                    y: PAGE_HEIGHT - MARGIN - QR_SIZE_MM,
                    size: QR_SIZE_MM,
                    modules: modules.clone(),
                    width: *width,
                });
            }
            _ => {
                let mut lines = self.hash_lines(w, RIGHT - MARGIN);
                lines.append(&mut bottom);
                put(MARGIN, top + 1.0, lines);
            }
        }
        items
    }
}

/// Each line wrapped to `width`, keeping its size and weight.
fn wrapped(lines: Vec<(f32, bool, String)>, width: f32) -> Vec<(f32, bool, String)> {
    lines
        .into_iter()
        .flat_map(|(size, bold, line)| {
            wrap(&line, size, bold, width)
                .into_iter()
                .map(move |part| (size, bold, part))
        })
        .collect()
}

/// `Page n of m`, in the form's numerals.
fn page_text(w: &Words, number: usize, total: usize) -> String {
    w.f(T::FormPage, &[("n", &w.num(number)), ("m", &w.num(total))])
}

/// A run of text at a fixed place, outside the flow of the content.
fn text(x: f32, y: f32, size: f32, bold: bool, tone: Tone, text: &str) -> Item {
    Item::Text {
        x,
        y,
        size,
        bold,
        tone,
        text: printable(text),
    }
}
