//! The fonts polltally carries inside its binary (SIL Open Font License,
//! `assets/fonts/OFL.txt`), so no screen or form depends on the fonts of the
//! computer it runs on.

/// Noto Sans Khmer: Khmer on screen (after egui's Latin font) and on forms.
pub const KHMER: &[u8] = include_bytes!("../assets/fonts/NotoSansKhmer-Regular.ttf");

/// Noto Sans Khmer Bold: Khmer headings on forms.
pub const KHMER_BOLD: &[u8] = include_bytes!("../assets/fonts/NotoSansKhmer-Bold.ttf");

/// Noto Sans, cut to Latin-1 and common punctuation: Latin text on forms.
pub const LATIN: &[u8] = include_bytes!("../assets/fonts/NotoSans-Regular.ttf");

/// Noto Sans Bold, cut like [`LATIN`].
pub const LATIN_BOLD: &[u8] = include_bytes!("../assets/fonts/NotoSans-Bold.ttf");
