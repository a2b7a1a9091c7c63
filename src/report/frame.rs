//! The frame around every page of a printed document, drawn once the content
//! is laid out and the page count is known: the line at the top (whose
//! station or commune, which election, which copy), PRACTICE across every
//! page of a practice record, and the footer that binds each page to its
//! document with "page n of m". The results form and its annex, the
//! comparison report and the commune results share this one frame; only
//! what the footer holds differs.

use crate::domain::hash::{Hash256, grouped, groups};
use crate::domain::short_code::short_code;
use crate::i18n::T;
use crate::i18n::bilingual::Words;
use crate::report::layout::{
    FOOTER_HEIGHT, Item, MARGIN, PAGE_HEIGHT, PAGE_WIDTH, Page, Tone, fit_size, line_height,
    printable, text_width,
};
use crate::report::qr::{QR_QUIET_MODULES, QR_SIZE_MM};

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

    fn geometry(&self) -> &'static Geometry {
        match self.footer {
            Footer::Results { .. } => &RESULTS_FORM,
            Footer::Hash(_) => &REPORT,
        }
    }

    /// The frame of page `number` of `total`: the header, the footer's rule,
    /// then the footer.
    fn items(&self, w: &Words, number: usize, total: usize) -> Vec<Item> {
        let g = self.geometry();
        let mut items = self.header(w, g);
        let rule = PAGE_HEIGHT - MARGIN - FOOTER_HEIGHT + g.rule_below;
        items.push(Item::Line {
            x1: MARGIN,
            y1: rule,
            x2: RIGHT,
            y2: rule,
            width: g.rule_width,
        });
        let page = w.f(T::FormPage, &[("n", &number), ("m", &total)]);
        match &self.footer {
            Footer::Results {
                station,
                definition_hash,
                results_hash,
                destination,
                qr,
            } => {
                let station = format!(
                    "{} {}   {} {}",
                    &w.t(T::Station),
                    station,
                    &w.t(T::DefinitionHash),
                    grouped(&definition_hash.short(16))
                );
                let page = format!("{page}   {destination}");
                items.extend(self.results_footer(w, rule, station, page, results_hash, *qr));
            }
            Footer::Hash(line) => {
                let size = fit_size(line, 8.5, true, RIGHT - MARGIN);
                items.push(text(MARGIN, rule + 5.0, size, true, Tone::Black, line));
                items.push(text(MARGIN, rule + 10.0, 8.5, false, Tone::Black, &page));
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
        if self.practice {
            let notice = w.t(T::Practice);
            let size = fit_size(&notice, g.practice_size, true, RIGHT - MARGIN);
            let x = (PAGE_WIDTH - text_width(&notice, size, true)) / 2.0;
            items.push(text(x, g.practice_y, size, true, Tone::Red, &notice));
        }
        items
    }

    /// The results form's footer under the rule at `rule`: PRACTICE on a
    /// practice count, the `station` line, the results hash on two lines,
    /// the short code, the `page` line; the QR code to the right.
    fn results_footer(
        &self,
        w: &Words,
        rule: f32,
        station: String,
        page: String,
        results_hash: &Hash256,
        qr: Option<&(Vec<bool>, usize)>,
    ) -> Vec<Item> {
        let hex = groups(&results_hash.to_hex());
        let (first, second) = hex.split_at(hex.len() / 2);
        let mut lines = vec![
            (9.0, false, Tone::Black, station),
            (9.0, true, Tone::Black, w.t(T::FormResultsHash)),
            (9.0, false, Tone::Black, first.join(" ")),
            (9.0, false, Tone::Black, second.join(" ")),
            (9.0, true, Tone::Black, w.t(T::FormShortCode)),
            (16.0, true, Tone::Black, short_code(results_hash)),
            (9.0, false, Tone::Black, page),
        ];
        if self.practice {
            let notice = w.t(T::Practice);
            let size = fit_size(&notice, 12.0, true, RIGHT - MARGIN - FOOTER_HEIGHT);
            lines.insert(0, (size, true, Tone::Red, notice));
        }
        // The lines stop short of the code's quiet zone.
        let quiet = qr.map_or(0.0, |(_, width)| {
            QR_SIZE_MM / *width as f32 * QR_QUIET_MODULES as f32
        });
        let room = RIGHT - MARGIN - qr.map_or(0.0, |_| QR_SIZE_MM + quiet);
        let mut items = Vec::new();
        let mut y = rule + 1.5;
        for (size, bold, tone, line) in lines {
            let size = fit_size(&line, size, bold, room);
            y += line_height(size) * 0.85;
            items.push(text(MARGIN, y, size, bold, tone, &line));
        }
        if let Some((modules, width)) = qr {
            // The code at the size chosen for a phone's photo, with its
            // quiet zone white below the rule.
            let size = QR_SIZE_MM;
            items.push(Item::Qr {
                x: RIGHT - size,
                y: rule + RESULTS_FORM.rule_width / 2.0 + quiet,
                size,
                modules: modules.clone(),
                width: *width,
            });
        }
        items
    }
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
