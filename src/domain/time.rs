//! Calendar dates and instants, without a clock. The shells pass time in
//! through [`Clock`] so that the core and its tests stay deterministic.

use crate::domain::message::{Message, P};
use std::fmt;
use std::str::FromStr;

/// Where the current time comes from. The CLI and the app use the system
/// clock; tests use a fixed one.
pub trait Clock {
    /// The current instant.
    fn now(&self) -> Timestamp;
}

/// A clock that always answers the same instant (tests, reproducible runs).
#[derive(Debug, Clone, Copy)]
pub struct FixedClock(pub Timestamp);

impl Clock for FixedClock {
    fn now(&self) -> Timestamp {
        self.0
    }
}

/// A calendar date (proleptic Gregorian), written `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

impl Date {
    /// A date, if the day exists in that month and year.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1..=9999).contains(&year) || !(1..=12).contains(&month) || day == 0 {
            return None;
        }
        (day <= days_in_month(year, month)).then_some(Date { year, month, day })
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn month(self) -> u8 {
        self.month
    }

    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before it).
    pub fn days_since_epoch(self) -> i64 {
        days_from_civil(self.year, self.month, self.day)
    }

    /// The date `days` days later.
    pub fn plus_days(self, days: i64) -> Date {
        let (year, month, day) = civil_from_days(self.days_since_epoch() + days);
        Date { year, month, day }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = Message;

    fn from_str(s: &str) -> Result<Date, Message> {
        let bytes = s.as_bytes();
        let shape_ok = bytes.len() == 10
            && bytes[4] == b'-'
            && bytes[7] == b'-'
            && bytes
                .iter()
                .enumerate()
                .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
        if !shape_ok {
            return Err(Message::new(P::NotDate).quoted("value", s));
        }
        let number = |range: std::ops::Range<usize>| -> Option<u32> { s.get(range)?.parse().ok() };
        let (Some(year), Some(month), Some(day)) = (number(0..4), number(5..7), number(8..10))
        else {
            return Err(Message::new(P::NotDate).quoted("value", s));
        };
        let month = u8::try_from(month).unwrap_or(0);
        let day = u8::try_from(day).unwrap_or(0);
        let year = i32::try_from(year).unwrap_or(0);
        Date::new(year, month, day)
            .ok_or_else(|| Message::new(P::NotCalendarDate).quoted("value", s))
    }
}

/// An instant, in whole seconds since 1970-01-01T00:00:00Z, written in UTC as
/// `YYYY-MM-DDTHH:MM:SSZ` in the journal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(i64);

impl Timestamp {
    pub fn from_unix_seconds(seconds: i64) -> Timestamp {
        Timestamp(seconds)
    }

    pub fn unix_seconds(self) -> i64 {
        self.0
    }

    /// The UTC calendar date of this instant.
    pub fn date(self) -> Date {
        let (year, month, day) = civil_from_days(self.0.div_euclid(86_400));
        Date { year, month, day }
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let secs = self.0.rem_euclid(86_400);
        write!(
            f,
            "{}T{:02}:{:02}:{:02}Z",
            self.date(),
            secs / 3600,
            secs / 60 % 60,
            secs % 60
        )
    }
}

impl FromStr for Timestamp {
    type Err = Message;

    fn from_str(s: &str) -> Result<Timestamp, Message> {
        let bad = || Message::new(P::NotTimestamp).quoted("value", s);
        let (Some(date), Some(rest)) = (s.get(..10), s.get(10..)) else {
            return Err(bad());
        };
        let date: Date = date.parse().map_err(|_| bad())?;
        let b = rest.as_bytes();
        if b.len() != 10 || b[0] != b'T' || b[3] != b':' || b[6] != b':' || b[9] != b'Z' {
            return Err(bad());
        }
        let field = |range: std::ops::Range<usize>| -> Option<i64> {
            let part = rest.get(range)?;
            part.bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| part.parse().ok())?
        };
        let (Some(h), Some(m), Some(sec)) = (field(1..3), field(4..6), field(7..9)) else {
            return Err(bad());
        };
        if h > 23 || m > 59 || sec > 59 {
            return Err(bad());
        }
        Ok(Timestamp(
            date.days_since_epoch() * 86_400 + h * 3600 + m * 60 + sec,
        ))
    }
}

impl serde::Serialize for Timestamp {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Timestamp {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Timestamp, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

// Howard Hinnant's civil calendar algorithms (public domain).
fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(days: i64) -> (i32, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_and_print_round_trip() {
        let d: Date = "2022-06-05".parse().unwrap();
        assert_eq!((d.year(), d.month(), d.day()), (2022, 6, 5));
        assert_eq!(d.to_string(), "2022-06-05");
    }

    #[test]
    fn impossible_dates_are_refused() {
        for bad in [
            "2023-02-29",
            "2022-13-01",
            "2022-00-10",
            "2022-6-5",
            "22-06-05",
            "2022/06/05",
            "2022-06-5x",
        ] {
            assert!(bad.parse::<Date>().is_err(), "{bad} accepted");
        }
        assert!("2024-02-29".parse::<Date>().is_ok());
    }

    #[test]
    fn plus_days_crosses_months_and_leap_days() {
        let d = Date::new(2024, 2, 27).unwrap();
        assert_eq!(d.plus_days(3).to_string(), "2024-03-01");
        assert_eq!(
            Date::new(2022, 12, 30).unwrap().plus_days(5).to_string(),
            "2023-01-04"
        );
    }

    #[test]
    fn timestamps_print_in_utc_and_parse_back() {
        let t = Timestamp::from_unix_seconds(1_654_387_200 + 3600 * 15 + 61);
        assert_eq!(t.to_string(), "2022-06-05T15:01:01Z");
        assert_eq!(t.to_string().parse::<Timestamp>().unwrap(), t);
        assert_eq!(
            Timestamp::from_unix_seconds(0).to_string(),
            "1970-01-01T00:00:00Z"
        );
        assert!("2022-06-05T24:00:00Z".parse::<Timestamp>().is_err());
        assert!("2022-06-05 15:01:01Z".parse::<Timestamp>().is_err());
    }

    #[test]
    fn days_and_civil_dates_agree_over_centuries() {
        for days in (-800_000..800_000).step_by(997) {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
    }
}
