//! A plain page model (positions in millimetres from the top-left corner of
//! an A4 page) and the few layout tools the forms use: a cursor that moves
//! down and starts a new page when the next block does not fit above the
//! footer, keeping clear of a corner (the QR code) where one is kept free;
//! text widths from the shaped runs; and the area each item covers, which
//! the geometric test of the forms checks.

use crate::report::qr::QR_QUIET_MODULES;
use crate::report::shaping::{self, Font};
use std::collections::VecDeque;

/// A4 portrait, in millimetres.
pub const PAGE_WIDTH: f32 = 210.0;
pub const PAGE_HEIGHT: f32 = 297.0;
pub const MARGIN: f32 = 12.0;
/// Room kept at the bottom of every page of a report for its footer (the
/// results form's footer is laid out by its frame, around the QR code).
pub const FOOTER_HEIGHT: f32 = 38.0;
/// Room kept at the top of every page for the page header.
pub const HEADER_HEIGHT: f32 = 16.0;

/// Colours the forms use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Black,
    Red,
    Grey,
    Shade,
    /// A voter's pen on a drawn ballot: dark blue.
    Pen,
    /// A faint or broken pen mark: light blue.
    FaintPen,
    /// The station's official stamp: purple.
    Stamp,
    /// The paper itself: white, over what was torn away.
    Paper,
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
    /// A drawn path (a ballot's drawing): a polyline `width` millimetres
    /// wide, or a polygon filled in its tone when `filled`.
    Path {
        points: Vec<(f32, f32)>,
        width: f32,
        tone: Tone,
        closed: bool,
        filled: bool,
        dashed: bool,
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

/// Splits `text` into lines no wider than `width` millimetres (a word
/// wider than a line is cut).
pub fn wrap(text: &str, size: f32, bold: bool, width: f32) -> Vec<String> {
    let mut words: VecDeque<String> = text.split_whitespace().map(str::to_string).collect();
    let mut lines = Vec::new();
    while !words.is_empty() {
        lines.push(next_line(&mut words, size, bold, width));
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

/// Points to millimetres of line height: a run's reach above and below its
/// baseline, and a little room.
pub fn line_height(size: f32) -> f32 {
    size * 0.3528 * 1.2
}

/// How far a text run reaches above its baseline and below it, in ems
/// (the size in millimetres): room for Khmer vowels above and subscript
/// consonants below. Lines of text are set at least this far apart.
pub const ASCENT: f32 = 0.8;
pub const DESCENT: f32 = 0.3;

/// Points to millimetres.
pub fn em(size: f32) -> f32 {
    size * 0.3528
}

/// A rectangle on the page, in millimetres from the top-left corner.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Area {
    pub left: f32,
    pub top: f32,
    pub right: f32,
    pub bottom: f32,
}

impl Area {
    /// Whether the two share more than an edge (a hundredth of a millimetre
    /// is no overlap).
    pub fn overlaps(&self, other: &Area) -> bool {
        const EPS: f32 = 0.01;
        self.left < other.right - EPS
            && other.left < self.right - EPS
            && self.top < other.bottom - EPS
            && other.top < self.bottom - EPS
    }

    /// Whether `other` lies inside this one.
    pub fn contains(&self, other: &Area) -> bool {
        const EPS: f32 = 0.01;
        other.left >= self.left - EPS
            && other.right <= self.right + EPS
            && other.top >= self.top - EPS
            && other.bottom <= self.bottom + EPS
    }
}

impl Item {
    /// The part of the page the item covers: a text run from its ascent to
    /// its descent over its shaped width; a QR code with its quiet zone of
    /// [`QR_QUIET_MODULES`] modules on every side.
    pub fn area(&self) -> Area {
        match self {
            Item::Text {
                x,
                y,
                size,
                bold,
                text,
                ..
            } => Area {
                left: *x,
                top: y - ASCENT * em(*size),
                right: x + text_width(text, *size, *bold),
                bottom: y + DESCENT * em(*size),
            },
            Item::Fill { x, y, w, h, .. } => Area {
                left: *x,
                top: *y,
                right: x + w,
                bottom: y + h,
            },
            Item::Line {
                x1,
                y1,
                x2,
                y2,
                width,
            } => {
                // Lines end square at their ends: only their width spreads
                // across them.
                let (across_x, across_y) = if (y1 - y2).abs() < 0.001 {
                    (0.0, width / 2.0)
                } else if (x1 - x2).abs() < 0.001 {
                    (width / 2.0, 0.0)
                } else {
                    (width / 2.0, width / 2.0)
                };
                Area {
                    left: x1.min(*x2) - across_x,
                    top: y1.min(*y2) - across_y,
                    right: x1.max(*x2) + across_x,
                    bottom: y1.max(*y2) + across_y,
                }
            }
            Item::Qr {
                x, y, size, width, ..
            } => {
                let quiet = qr_quiet_zone(*size, *width);
                Area {
                    left: x - quiet,
                    top: y - quiet,
                    right: x + size + quiet,
                    bottom: y + size + quiet,
                }
            }
            Item::Path {
                points,
                width,
                filled,
                ..
            } => {
                // A stroke spreads half its width on every side of its
                // points (round caps and joins); a fill covers its points.
                let spread = if *filled { 0.0 } else { width / 2.0 };
                let mut area = Area {
                    left: f32::MAX,
                    top: f32::MAX,
                    right: f32::MIN,
                    bottom: f32::MIN,
                };
                for (x, y) in points {
                    area.left = area.left.min(x - spread);
                    area.top = area.top.min(y - spread);
                    area.right = area.right.max(x + spread);
                    area.bottom = area.bottom.max(y + spread);
                }
                if points.is_empty() {
                    area = Area {
                        left: 0.0,
                        top: 0.0,
                        right: 0.0,
                        bottom: 0.0,
                    };
                }
                area
            }
        }
    }
}

/// The quiet zone, in millimetres, of a QR code `size` millimetres wide of
/// `width` modules.
pub fn qr_quiet_zone(size: f32, width: usize) -> f32 {
    QR_QUIET_MODULES as f32 * size / width.max(1) as f32
}

/// The room kept between blocks that sit side by side.
pub const GAP: f32 = 3.0;

/// A corner of the page kept free of content (the QR code and its quiet
/// zone, at the bottom right): content that reaches below `top` must end
/// left of `left`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Corner {
    pub left: f32,
    pub top: f32,
}

/// A cursor over pages.
pub struct Flow {
    pub pages: Vec<Page>,
    /// The top of the free space on the current page.
    pub y: f32,
    /// The top and the bottom of the space for content on every page.
    top: f32,
    bottom: f32,
    /// The corner kept free on every page, if any.
    corner: Option<Corner>,
}

impl Default for Flow {
    fn default() -> Flow {
        Flow::new()
    }
}

impl Flow {
    /// A flow above a report's footer.
    pub fn new() -> Flow {
        Flow::within(
            MARGIN + HEADER_HEIGHT,
            PAGE_HEIGHT - MARGIN - FOOTER_HEIGHT,
            None,
        )
    }

    /// A flow whose content starts at `top` and ends at `bottom` on every
    /// page, and keeps out of `corner`.
    pub fn within(top: f32, bottom: f32, corner: Option<Corner>) -> Flow {
        Flow {
            pages: vec![Page::default()],
            y: top,
            top,
            bottom,
            corner,
        }
    }

    /// The bottom of the space for content.
    pub fn bottom(&self) -> f32 {
        self.bottom
    }

    /// The right edge of the content for a block `height` tall starting at
    /// the current line: the margin, or left of the corner kept free when
    /// the block reaches down beside it.
    pub fn right(&self, height: f32) -> f32 {
        match self.corner {
            Some(corner) if self.y + height > corner.top => corner.left - GAP,
            _ => PAGE_WIDTH - MARGIN,
        }
    }

    /// The full width of the content, margin to margin.
    pub fn full(&self) -> f32 {
        PAGE_WIDTH - 2.0 * MARGIN
    }

    /// Starts a new page when `height` does not fit on this one.
    pub fn need(&mut self, height: f32) {
        if self.y + height > self.bottom {
            self.new_page();
        }
    }

    /// Starts a new page when a block `height` tall and `width` wide (from
    /// the left margin) does not fit on this one beside the corner.
    pub fn need_wide(&mut self, height: f32, width: f32) {
        self.need(height);
        if MARGIN + width > self.right(height) + 0.01 {
            self.new_page();
        }
    }

    /// Continues at the top of a new page.
    pub fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = self.top;
    }

    pub fn push(&mut self, item: Item) {
        if let Some(page) = self.pages.last_mut() {
            page.items.push(item);
        }
    }

    /// Text at the current line, left-aligned at `x`.
    pub fn text(&mut self, x: f32, size: f32, bold: bool, tone: Tone, text: &str) {
        if text.is_empty() {
            return;
        }
        let y = self.y + ASCENT * em(size);
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

    /// Text wrapped from `x` to the right edge (the margin, or the corner
    /// kept free beside it), a new page whenever the next line does not
    /// fit.
    pub fn paragraph(&mut self, x: f32, size: f32, bold: bool, tone: Tone, text: &str) {
        let height = line_height(size);
        let mut words: VecDeque<String> = text.split_whitespace().map(str::to_string).collect();
        while !words.is_empty() {
            self.need(height);
            let width = self.right(height) - x;
            let line = next_line(&mut words, size, bold, width);
            self.text(x, size, bold, tone, &line);
            self.down(size);
        }
    }

    /// A heading: `km` in bold at `size`, then `en` beneath it a size
    /// smaller, kept together on one page.
    pub fn heading(&mut self, km: &str, en: &str, size: f32) {
        self.need(line_height(size) + line_height(size * 0.75));
        self.paragraph(MARGIN, size, true, Tone::Black, km);
        self.paragraph(MARGIN, size * 0.75, true, Tone::Black, en);
    }

    /// Moves down by one line of `size`.
    pub fn down(&mut self, size: f32) {
        self.y += line_height(size);
    }

    /// A rule under the current line, as wide as the content there.
    pub fn rule(&mut self) {
        let y = self.y + 0.5;
        let right = self.right(1.0);
        self.push(Item::Line {
            x1: MARGIN,
            y1: y,
            x2: right,
            y2: y,
            width: 0.4,
        });
        self.y += 2.0;
    }
}

/// The next line of `words` no wider than `width`, taken off the front; a
/// word wider than a line is cut where it stops fitting.
fn next_line(words: &mut VecDeque<String>, size: f32, bold: bool, width: f32) -> String {
    let mut line = String::new();
    while let Some(word) = words.pop_front() {
        let candidate = if line.is_empty() {
            word.clone()
        } else {
            format!("{line} {word}")
        };
        if text_width(&candidate, size, bold) <= width {
            line = candidate;
            continue;
        }
        if line.is_empty() {
            // Cut only between clusters: never before a Khmer vowel sign
            // or after a subscript mark.
            let mut end = 0;
            let mut chars = word.char_indices().peekable();
            while let Some((i, c)) = chars.next() {
                let next = i + c.len_utf8();
                let joined = c == '\u{17D2}'
                    || chars.peek().is_some_and(|(_, n)| {
                        ('\u{17B4}'..='\u{17D3}').contains(n) || *n == '\u{17DD}'
                    });
                if joined && chars.peek().is_some() {
                    continue;
                }
                if end > 0 && text_width(&word[..next], size, bold) > width {
                    break;
                }
                end = next;
            }
            if end < word.len() {
                words.push_front(word[end..].to_string());
            }
            line = word[..end].to_string();
        } else {
            words.push_front(word);
        }
        break;
    }
    line
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
                    assert!(*y <= flow.bottom() + 5.0);
                }
            }
        }
        assert_eq!(printable("Sok ជា ΣP"), "Sok ជា ?P");
    }
}
