//! Bounds shared by every input path.

/// The largest count the record accepts. Canonical JSON (RFC 8785) represents
/// numbers as IEEE doubles, so every integer that is hashed stays below 2^53.
pub const MAX_COUNT: u64 = (1 << 53) - 1;

/// The most parties a station file may list (two-digit keying on the
/// counting screen, and a form that fits one page).
pub const MAX_PARTIES: usize = 99;

/// The longest free text (notes, reasons, explanations) in characters.
pub const MAX_TEXT_CHARS: usize = 2000;

/// A count as a signed number, for differences. Counts are bounded by
/// [`MAX_COUNT`] (< 2^53), so this never saturates in practice.
pub fn signed(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// A signed difference as written everywhere, in any language: `+3`, `-2`,
/// `0`.
pub fn difference_text(d: i64) -> String {
    if d == 0 { "0".into() } else { format!("{d:+}") }
}
