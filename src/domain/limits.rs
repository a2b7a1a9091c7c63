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

/// The longest free text (notes, reasons, explanations) in characters, and
/// the longest text of a station file (a name, a criterion's rule or
/// example) in each of its languages.
pub const MAX_TEXT_CHARS: usize = 2000;

/// The most ballot books a station file may list. A station's few hundred
/// ballots come in a handful of books (of 50 or 100 ballots); a thousand is
/// far above any of them, and keeps the checks of every book (names used
/// once, serial ranges that do not overlap) quick on every command.
pub const MAX_BALLOT_BOOKS: usize = 1000;

/// The most criteria a station file may list (the default set has ten; the
/// counting screen gives each a key).
pub const MAX_CRITERIA: usize = 50;

/// The most station codes `commune_stations` may list: far more than the
/// polling stations of any commune.
pub const MAX_COMMUNE_STATIONS: usize = 1000;

/// The most languages one text of a station file may be given in.
pub const MAX_LANGUAGES: usize = 8;

/// The largest station file read, in bytes. The sample station (12 parties,
/// seven books) is 3.4 KB; 99 parties with long names in two languages and
/// a thousand books are some 200 KB. A larger file is refused from its size,
/// before it is read.
pub const MAX_STATION_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// The largest results file read (`tabulate`, `verify --results`,
/// `compare`, `verify --qr`), in bytes: it carries what the station file
/// does and the station's counts, so it is bounded like a station file.
pub const MAX_RESULTS_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// The largest commune results file read (`verify --commune`,
/// `verify --qr --commune`), in bytes: a thousand stations of 99 parties
/// are some 2 MB.
pub const MAX_COMMUNE_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// The largest codes file read (`tabulate --codes`), in bytes: room for
/// its most lines ([`crate::domain::paper_codes::MAX_CODE_LINES`]), each a
/// station code, a short code and a comment.
pub const MAX_CODES_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// The largest photo or scan read (`verify --qr`), in bytes: a phone's
/// photo is a few megabytes, a page scanned to PNG at 600 dpi some 30 MB.
pub const MAX_IMAGE_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// The longest line `rule --stdin` reads, in bytes. A ruling line is a few
/// characters (`12 V3 dispute=1,4,7`); a longer line is refused without
/// reading the rest of it.
pub const MAX_RULE_LINE_BYTES: usize = 4096;

/// The most characters of a value a message quotes; a longer value is
/// quoted by its beginning and `…`, so that an error never repeats a huge
/// input back.
pub const MAX_QUOTED_CHARS: usize = 100;

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

/// The longest name of a person (one line), in characters.
pub const MAX_NAME_CHARS: usize = 120;
