//! Text for the PDF forms: split into runs by script, and each run shaped
//! with rustybuzz against the embedded font for its script (for Khmer:
//! reordering of pre-base vowels, coeng subscripts, mark positioning). PDF
//! writers do not shape; the form draws the shaped glyph ids and carries the
//! original text as `/ActualText`, so copying or extracting gives back the
//! exact text.

use std::sync::OnceLock;

/// A font the forms draw with, embedded in the binary and in each PDF.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Font {
    Latin,
    LatinBold,
    Khmer,
    KhmerBold,
}

impl Font {
    pub const ALL: [Font; 4] = [Font::Latin, Font::LatinBold, Font::Khmer, Font::KhmerBold];

    /// The font of a run of text.
    pub fn of(run: &Run, bold: bool) -> Font {
        match (run.khmer, bold) {
            (true, true) => Font::KhmerBold,
            (true, false) => Font::Khmer,
            (false, true) => Font::LatinBold,
            (false, false) => Font::Latin,
        }
    }

    pub fn bytes(self) -> &'static [u8] {
        match self {
            Font::Latin => crate::fonts::LATIN,
            Font::LatinBold => crate::fonts::LATIN_BOLD,
            Font::Khmer => crate::fonts::KHMER,
            Font::KhmerBold => crate::fonts::KHMER_BOLD,
        }
    }

    /// The font's resource name in the PDF (fixed, so that the same pages
    /// give the same bytes).
    pub fn pdf_id(self) -> &'static str {
        match self {
            Font::Latin => "FLatin",
            Font::LatinBold => "FLatinBold",
            Font::Khmer => "FKhmer",
            Font::KhmerBold => "FKhmerBold",
        }
    }

    fn face(self) -> Option<&'static rustybuzz::Face<'static>> {
        static FACES: OnceLock<[Option<rustybuzz::Face<'static>>; 4]> = OnceLock::new();
        let faces =
            FACES.get_or_init(|| Font::ALL.map(|f| rustybuzz::Face::from_slice(f.bytes(), 0)));
        faces[self as usize].as_ref()
    }

    /// The font's units per em.
    pub fn units_per_em(self) -> i32 {
        self.face().map_or(1000, |f| f.units_per_em())
    }
}

/// A run of text in one script.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub text: String,
    pub khmer: bool,
}

/// Whether `c` is a Khmer letter, sign or digit.
pub fn is_khmer(c: char) -> bool {
    ('\u{1780}'..='\u{17FF}').contains(&c) || ('\u{19E0}'..='\u{19FF}').contains(&c)
}

/// Splits text into Khmer and non-Khmer runs. Spaces and punctuation between
/// two Khmer words stay in the Khmer run, so a phrase is one run.
pub fn runs(text: &str) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let khmer = if is_khmer(c) {
            true
        } else if c == ' ' || c == '\u{200B}' {
            // A space joins the Khmer run when Khmer follows it too.
            let before = out.last().is_some_and(|r| r.khmer);
            let after = chars[i + 1..]
                .iter()
                .find(|c| **c != ' ')
                .is_some_and(|c| is_khmer(*c));
            before && after
        } else {
            false
        };
        match out.last_mut() {
            Some(run) if run.khmer == khmer => run.text.push(c),
            _ => out.push(Run {
                text: c.to_string(),
                khmer,
            }),
        }
    }
    out
}

/// One shaped glyph, in font units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Glyph {
    pub id: u16,
    pub x_advance: i32,
    pub x_offset: i32,
    pub y_offset: i32,
}

/// The most shaped runs kept for reuse; past it the store starts again.
const SHAPED_KEPT: usize = 20_000;

/// Shapes a run in `font`. A form measures a text before it draws it, and an
/// annex repeats the same words on every row: runs already shaped are
/// reused (shaping is a pure function of the font and the text).
pub fn shape(font: Font, text: &str) -> Vec<Glyph> {
    // One store a font, so that looking a run up needs no copy of its text.
    type Shaped = [std::collections::HashMap<String, Vec<Glyph>>; Font::ALL.len()];
    static SHAPED: OnceLock<std::sync::Mutex<Shaped>> = OnceLock::new();
    let store = SHAPED.get_or_init(Default::default);
    if let Ok(shaped) = store.lock()
        && let Some(glyphs) = shaped[font as usize].get(text)
    {
        return glyphs.clone();
    }
    let glyphs = shape_now(font, text);
    if let Ok(mut shaped) = store.lock() {
        let kept = &mut shaped[font as usize];
        if kept.len() >= SHAPED_KEPT {
            kept.clear();
        }
        kept.insert(text.to_string(), glyphs.clone());
    }
    glyphs
}

/// Shapes a run in `font` with rustybuzz.
fn shape_now(font: Font, text: &str) -> Vec<Glyph> {
    let Some(face) = font.face() else {
        return Vec::new();
    };
    let mut buffer = rustybuzz::UnicodeBuffer::new();
    buffer.push_str(text);
    buffer.guess_segment_properties();
    let shaped = rustybuzz::shape(face, &[], buffer);
    shaped
        .glyph_infos()
        .iter()
        .zip(shaped.glyph_positions())
        .map(|(info, pos)| Glyph {
            id: u16::try_from(info.glyph_id).unwrap_or(0),
            x_advance: pos.x_advance,
            x_offset: pos.x_offset,
            y_offset: pos.y_offset,
        })
        .collect()
}

/// The width of a shaped run in millimetres at `size` points.
pub fn width(font: Font, text: &str, size: f32) -> f32 {
    let units: i32 = shape(font, text).iter().map(|g| g.x_advance).sum();
    units as f32 / font.units_per_em() as f32 * size * 25.4 / 72.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_split_by_script_and_keep_khmer_phrases_whole() {
        let r = runs("FPP  គណបក្ស វឌ្ឍនភាព Farmers");
        assert_eq!(
            r,
            vec![
                Run {
                    text: "FPP  ".into(),
                    khmer: false
                },
                Run {
                    text: "គណបក្ស វឌ្ឍនភាព".into(),
                    khmer: true
                },
                Run {
                    text: " Farmers".into(),
                    khmer: false
                },
            ]
        );
    }

    #[test]
    fn shaping_reorders_and_stacks() {
        // ប្រ: the coeng ro is drawn before its base; the glyph sequence
        // differs from a character-by-character mapping.
        let glyphs = shape(Font::Khmer, "ប្រជាធិបតេយ្យ");
        assert!(!glyphs.is_empty());
        assert!(
            glyphs.iter().all(|g| g.id != 0),
            "no missing glyphs: {glyphs:?}"
        );
        let chars = "ប្រជាធិបតេយ្យ".chars().count();
        assert_ne!(
            glyphs.len(),
            chars,
            "coeng and vowels are not one glyph per character"
        );
        assert!(width(Font::Khmer, "ប្រជាធិបតេយ្យភូមិ", 12.0) > 5.0);
    }

    #[test]
    fn latin_text_is_shaped_with_the_embedded_latin_fonts() {
        for font in [Font::Latin, Font::LatinBold] {
            let text = "Results form, copy B: 0123456789 ()-:.,/";
            let glyphs = shape(font, text);
            assert_eq!(glyphs.len(), text.chars().count(), "{font:?}");
            assert!(glyphs.iter().all(|g| g.id != 0), "{font:?}: {glyphs:?}");
        }
        // Bold is wider than regular.
        assert!(width(Font::LatinBold, "Results", 12.0) > width(Font::Latin, "Results", 12.0));
    }
}
