//! Whether the laptop's clock can be believed. A count is opened and sealed
//! on election night, so a clock reading a local date outside the election
//! window is probably wrong: polltally warns and writes a note into the
//! journal entry, and records the time as read. A clock that reads earlier
//! than the entry before is noted the same way; the order of entries is
//! their seq, never their time.
//!
//! The window runs from election day to [`DAYS_AFTER`] days after it (local
//! dates) for a count, and to [`DAYS_AFTER_FOR_RECOUNT`] days after it for a
//! recount, which an authority may order once complaints are heard.

use crate::domain::time::{Date, Timestamp};
use crate::domain::zone::Zone;
use serde::{Deserialize, Serialize};

/// Days after election day that a count may still open or seal without a
/// warning: a count runs through the night, and may be finished or sealed
/// the days after.
pub const DAYS_AFTER: i64 = 3;

/// Days after election day that a recount may open or seal without a
/// warning.
pub const DAYS_AFTER_FOR_RECOUNT: i64 = 60;

/// The local dates on which a count (or a recount) is expected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ElectionWindow {
    pub first: Date,
    pub last: Date,
}

impl ElectionWindow {
    /// The window of an election held on `election_day`.
    pub fn of(election_day: Date, recount: bool) -> ElectionWindow {
        let after = if recount {
            DAYS_AFTER_FOR_RECOUNT
        } else {
            DAYS_AFTER
        };
        ElectionWindow {
            first: election_day,
            last: election_day.plus_days(after),
        }
    }

    pub fn contains(self, date: Date) -> bool {
        self.first <= date && date <= self.last
    }
}

/// Something doubtful about the time an entry was recorded at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum ClockNote {
    /// The laptop's clock read `local_date` (in the station's zone), outside
    /// the election window `first`..=`last`.
    OutsideWindow {
        local_date: Date,
        first: Date,
        last: Date,
    },
    /// The laptop's clock read earlier than the entry before, recorded at
    /// `previous_at`.
    Backwards { previous_at: Timestamp },
}

/// What is doubtful about `now` for the next entry: outside `window` (for
/// an opening or a seal, the entries that are checked against it), or
/// before `previous`, the time of the entry before.
pub fn check(
    now: Timestamp,
    zone: &Zone,
    previous: Option<Timestamp>,
    window: Option<ElectionWindow>,
) -> Vec<ClockNote> {
    let mut notes = Vec::new();
    if let Some(window) = window {
        let local_date = zone.local_date(now);
        if !window.contains(local_date) {
            notes.push(ClockNote::OutsideWindow {
                local_date,
                first: window.first,
                last: window.last,
            });
        }
    }
    if let Some(previous_at) = previous.filter(|previous| now < *previous) {
        notes.push(ClockNote::Backwards { previous_at });
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Timestamp {
        text.parse().unwrap()
    }

    #[test]
    fn the_window_is_counted_in_local_dates() {
        let zone = Zone::parse("Asia/Phnom_Penh").unwrap();
        let window = ElectionWindow::of("2027-06-06".parse().unwrap(), false);
        assert_eq!(window.last.to_string(), "2027-06-09");
        // 23:30Z on the 5th is 06:30 local on election day.
        assert!(check(at("2027-06-05T23:30:00Z"), &zone, None, Some(window)).is_empty());
        // 16:59Z on the 9th is 23:59 local on the last day.
        assert!(check(at("2027-06-09T16:59:00Z"), &zone, None, Some(window)).is_empty());
        // One minute later it is the 10th.
        assert_eq!(
            check(at("2027-06-09T17:00:00Z"), &zone, None, Some(window)),
            vec![ClockNote::OutsideWindow {
                local_date: "2027-06-10".parse().unwrap(),
                first: window.first,
                last: window.last,
            }]
        );
        // A laptop reset to 2000.
        let reset = check(at("2000-01-01T00:00:00Z"), &zone, None, Some(window));
        assert!(matches!(reset[..], [ClockNote::OutsideWindow { .. }]));
        // Entries other than the opening and the seal are not checked.
        assert!(check(at("2000-01-01T00:00:00Z"), &zone, None, None).is_empty());
        // A recount may come weeks later.
        let recount = ElectionWindow::of("2027-06-06".parse().unwrap(), true);
        assert!(check(at("2027-07-01T03:00:00Z"), &zone, None, Some(recount)).is_empty());
    }

    #[test]
    fn a_clock_that_goes_back_is_noted() {
        let zone = Zone::utc();
        let before = at("2027-06-06T20:00:00Z");
        assert_eq!(
            check(at("2027-06-06T19:59:59Z"), &zone, Some(before), None),
            vec![ClockNote::Backwards {
                previous_at: before
            }]
        );
        assert!(check(before, &zone, Some(before), None).is_empty());
        let json = serde_json::to_string(&ClockNote::Backwards {
            previous_at: before,
        })
        .unwrap();
        assert_eq!(
            json,
            r#"{"kind":"backwards","previous_at":"2027-06-06T20:00:00Z"}"#
        );
    }
}
