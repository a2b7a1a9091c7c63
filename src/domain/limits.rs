//! Bounds shared by every input path.

/// The largest count the record accepts. Canonical JSON (RFC 8785) represents
/// numbers as IEEE doubles, so every integer that is hashed stays below 2^53.
pub const MAX_COUNT: u64 = (1 << 53) - 1;

/// The most ballots one station counts: the most its ballot books may hold,
/// and the bound of every count made at a station (each figure, each party's
/// votes and pile count, each criterion's ballots, the disputed ballots) and
/// of its registered voters. A real station has a few hundred voters; the
/// bound is far above any of them and far below anything that could
/// overflow a sum of a whole country's stations.
pub const MAX_BALLOTS: u64 = 100_000;

/// The most seats a council may have (Cambodian commune councils have 5 to
/// 11).
pub const MAX_SEATS: u32 = 100;

/// The most days a complaint period may last.
pub const MAX_COMPLAINT_DAYS: u32 = 365;

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

/// The sum of `values`, or `None` when it would pass `u64::MAX`: sums of
/// numbers that came from outside never wrap.
pub fn checked_sum<'a>(values: impl IntoIterator<Item = &'a u64>) -> Option<u64> {
    values
        .into_iter()
        .try_fold(0u64, |total, n| total.checked_add(*n))
}

/// A signed difference as written everywhere, in any language: `+3`, `-2`,
/// `0`.
pub fn difference_text(d: i64) -> String {
    if d == 0 { "0".into() } else { format!("{d:+}") }
}
