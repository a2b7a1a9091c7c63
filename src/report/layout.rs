//! A plain page model (positions in millimetres from the top-left corner of
//! an A4 page) and the few layout tools the forms use: a cursor that moves
//! down and starts a new page when the next block does not fit above the
//! footer, and text widths from the shaped runs.

use crate::report::shaping::{self, Font};

/// A4 portrait, in millimetres.
pub const PAGE_WIDTH: f32 = 210.0;
pub const PAGE_HEIGHT: f32 = 297.0;
pub const MARGIN: f32 = 12.0;
/// Room kept at the bottom of every page for the footer and the QR code:
/// the code and its quiet zone below the footer's rule.
pub const FOOTER_HEIGHT: f32 = crate::report::qr::QR_SIZE_MM + 8.0;
/// Room kept at the top of every page for the page header.
pub const HEADER_HEIGHT: f32 = 16.0;

/// Colours the forms use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Black,
    Red,
    Grey,
    Shade,
}

/// One thing drawn on a page.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// Text whose baseline is at `y`.
    Text {
        x: f32,
        y: f32,
        size: f32,
        bold: bool,
        tone: Tone,
        text: String,
    },
    /// A filled rectangle.
    Fill {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        tone: Tone,
    },
    /// A straight line.
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
    },
    /// A QR code `size` millimetres wide, from its module matrix.
    Qr {
        x: f32,
        y: f32,
        size: f32,
        modules: Vec<bool>,
        width: usize,
    },
}

/// One page.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Page {
    pub items: Vec<Item>,
}

/// The width of `text` in millimetres at `size` points, every run as shaped
/// in the font it is drawn with.
pub fn text_width(text: &str, size: f32, bold: bool) -> f32 {
    shaping::runs(text)
        .iter()
        .map(|run| shaping::width(Font::of(run, bold), &run.text, size))
        .sum()
}

/// The text as the forms can show it: printable ASCII and Khmer; any other
/// character as `?`.
pub fn printable(text: &str) -> String {
    text.chars()
        .map(|c| {
            if (' '..='~').contains(&c) || shaping::is_khmer(c) {
                c
            } else {
                '?'
            }
        })
        .collect()
}

/// Splits `text` into lines no wider than `width` millimetres.
pub fn wrap(text: &str, size: f32, bold: bool, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if text_width(&candidate, size, bold) > width && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
            line = word.to_string();
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// The size, at most `size`, at which `text` fits in `width` millimetres.
pub fn fit_size(text: &str, size: f32, bold: bool, width: f32) -> f32 {
    let wide = text_width(text, size, bold);
    if wide > width {
        size * width / wide
    } else {
        size
    }
}

/// Points to millimetres of line height.
pub fn line_height(size: f32) -> f32 {
    size * 0.3528 * 1.3
}

/// A cursor over pages.
pub struct Flow {
    pub pages: Vec<Page>,
    /// The top of the free space on the current page.
    pub y: f32,
}

impl Default for Flow {
    fn default() -> Flow {
        Flow::new()
    }
}

impl Flow {
    pub fn new() -> Flow {
        Flow {
            pages: vec![Page::default()],
            y: MARGIN + HEADER_HEIGHT,
        }
    }

    /// The bottom of the space for content.
    pub fn bottom() -> f32 {
        PAGE_HEIGHT - MARGIN - FOOTER_HEIGHT
    }

    /// Starts a new page when `height` does not fit on this one.
    pub fn need(&mut self, height: f32) {
        if self.y + height > Flow::bottom() {
            self.new_page();
        }
    }

    /// Continues at the top of a new page.
    pub fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = MARGIN + HEADER_HEIGHT;
    }

    pub fn push(&mut self, item: Item) {
        if let Some(page) = self.pages.last_mut() {
            page.items.push(item);
        }
    }

    /// Text at the current line, left-aligned at `x`.
    pub fn text(&mut self, x: f32, size: f32, bold: bool, tone: Tone, text: &str) {
        let y = self.y + size * 0.3528;
        self.push(Item::Text {
            x,
            y,
            size,
            bold,
            tone,
            text: printable(text),
        });
    }

    /// Text at the current line, right-aligned at `right`.
    pub fn text_right(&mut self, right: f32, size: f32, bold: bool, text: &str) {
        let text = printable(text);
        let x = right - text_width(&text, size, bold);
        self.text(x, size, bold, Tone::Black, &text);
    }

    /// Text wrapped from `x` to the right margin, a new page whenever the
    /// next line does not fit.
    pub fn paragraph(&mut self, x: f32, size: f32, bold: bool, tone: Tone, text: &str) {
        for line in wrap(text, size, bold, PAGE_WIDTH - MARGIN - x) {
            self.need(line_height(size));
            self.text(x, size, bold, tone, &line);
            self.down(size);
        }
    }

    /// A heading: `km` in bold at `size`, then `en` beneath it a size
    /// smaller, kept together on one page.
    pub fn heading(&mut self, km: &str, en: &str, size: f32) {
        self.need(line_height(size) + line_height(size * 0.75));
        self.text(MARGIN, size, true, Tone::Black, km);
        self.down(size);
        self.text(MARGIN, size * 0.75, true, Tone::Black, en);
        self.down(size * 0.75);
    }

    /// Moves down by one line of `size`.
    pub fn down(&mut self, size: f32) {
        self.y += line_height(size);
    }

    /// A full-width rule under the current line.
    pub fn rule(&mut self) {
        let y = self.y;
        self.push(Item::Line {
            x1: MARGIN,
            y1: y,
            x2: PAGE_WIDTH - MARGIN,
            y2: y,
            width: 0.4,
        });
        self.y += 1.5;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_have_one_width_so_figures_align() {
        assert_eq!(
            text_width("111", 10.0, false),
            text_width("888", 10.0, false)
        );
        assert!(text_width("WWW", 10.0, false) > text_width("iii", 10.0, false));
    }

    #[test]
    fn wrapping_keeps_lines_within_the_width() {
        let text = "two voters left the station with their ballots after signing the list";
        let lines = wrap(text, 9.0, false, 50.0);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| text_width(l, 9.0, false) <= 50.0));
        assert_eq!(lines.join(" "), text);
    }

    #[test]
    fn the_flow_breaks_pages_above_the_footer() {
        let mut flow = Flow::new();
        for _ in 0..200 {
            flow.need(5.0);
            flow.text(MARGIN, 10.0, false, Tone::Black, "line");
            flow.y += 5.0;
        }
        assert!(flow.pages.len() > 1);
        for page in &flow.pages {
            for item in &page.items {
                if let Item::Text { y, .. } = item {
                    assert!(*y <= Flow::bottom() + 5.0);
                }
            }
        }
        assert_eq!(printable("Sok ជា ΣP"), "Sok ជា ?P");
    }
}
