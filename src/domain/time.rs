//! Calendar dates and instants, without a clock. The shells pass time in
//! through [`Clock`] so that the core and its tests stay deterministic.
//!
//! The calendar arithmetic is the `time` crate's; this module keeps
//! polltally's written forms (`YYYY-MM-DD`, and `YYYY-MM-DDTHH:MM:SSZ` in
//! UTC) and the years they allow, 1 to 9999.

use crate::domain::message::{Message, P};
use crate::domain::zone::Zone;
use std::fmt;
use std::str::FromStr;

/// Where the current time comes from: the laptop's clock and the zone it is
/// set to. The CLI and the app use the system's; tests use a fixed one.
pub trait Clock {
    /// The current instant.
    fn now(&self) -> Timestamp;

    /// The laptop's time zone, recorded when a count opens for a station
    /// file that names none.
    fn zone(&self) -> Zone;
}

/// A clock that always answers the same instant, in UTC (tests,
/// reproducible runs).
#[derive(Debug, Clone, Copy)]
pub struct FixedClock(pub Timestamp);

impl Clock for FixedClock {
    fn now(&self) -> Timestamp {
        self.0
    }

    fn zone(&self) -> Zone {
        Zone::utc()
    }
}

/// A clock that always answers the same instant, set to `zone`.
#[derive(Debug, Clone)]
pub struct FixedZonedClock {
    pub at: Timestamp,
    pub zone: Zone,
}

impl Clock for FixedZonedClock {
    fn now(&self) -> Timestamp {
        self.at
    }

    fn zone(&self) -> Zone {
        self.zone.clone()
    }
}

/// The years a date may have: those four digits can write.
const YEARS: std::ops::RangeInclusive<i32> = 1..=9999;

/// The first and the last day of the calendar, 0001-01-01 and 9999-12-31.
const FIRST_DAY: time::Date = match time::Date::from_ordinal_date(*YEARS.start(), 1) {
    Ok(date) => date,
    Err(_) => time::Date::MIN,
};
const LAST_DAY: time::Date = match time::Date::from_ordinal_date(*YEARS.end(), 365) {
    Ok(date) => date,
    Err(_) => time::Date::MAX,
};

/// A calendar date (proleptic Gregorian) in the years 1 to 9999, written
/// `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(time::Date);

impl Date {
    /// A date, if the day exists in that month and year.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !YEARS.contains(&year) {
            return None;
        }
        let month = time::Month::try_from(month).ok()?;
        time::Date::from_calendar_date(year, month, day)
            .ok()
            .map(Date)
    }

    pub fn year(self) -> i32 {
        self.0.year()
    }

    pub fn month(self) -> u8 {
        u8::from(self.0.month())
    }

    pub fn day(self) -> u8 {
        self.0.day()
    }

    /// Days since 1970-01-01 (negative before it).
    pub fn days_since_epoch(self) -> i64 {
        let epoch = time::UtcDateTime::UNIX_EPOCH.date();
        i64::from(self.0.to_julian_day() - epoch.to_julian_day())
    }

    /// The date `days` days later (earlier when negative). The calendar
    /// runs from 0001-01-01 to 9999-12-31: a count of days that would pass
    /// either end stops at it.
    pub fn plus_days(self, days: i64) -> Date {
        let julian = i64::from(self.0.to_julian_day())
            .saturating_add(days)
            .clamp(
                i64::from(FIRST_DAY.to_julian_day()),
                i64::from(LAST_DAY.to_julian_day()),
            );
        let end = if days < 0 { FIRST_DAY } else { LAST_DAY };
        Date(
            i32::try_from(julian)
                .ok()
                .and_then(|day| time::Date::from_julian_day(day).ok())
                .unwrap_or(end),
        )
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:04}-{:02}-{:02}",
            self.year(),
            self.month(),
            self.day()
        )
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

/// An instant, to the second, written in UTC as `YYYY-MM-DDTHH:MM:SSZ` in
/// the journal. It lies between 0001-01-01T00:00:00Z and
/// 9999-12-31T23:59:59Z, the instants that form can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(time::UtcDateTime);

impl Timestamp {
    /// The instant `seconds` after 1970-01-01T00:00:00Z (before it when
    /// negative); a number of seconds beyond the first or last instant that
    /// can be written stops at it.
    pub fn from_unix_seconds(seconds: i64) -> Timestamp {
        let first = Date(FIRST_DAY).days_since_epoch() * 86_400;
        let last = Date(LAST_DAY).days_since_epoch() * 86_400 + 86_399;
        let end = if seconds < 0 { FIRST_DAY } else { LAST_DAY };
        Timestamp(
            time::UtcDateTime::from_unix_timestamp(seconds.clamp(first, last))
                .unwrap_or(time::UtcDateTime::new(end, time::Time::MIDNIGHT)),
        )
    }

    pub fn unix_seconds(self) -> i64 {
        self.0.unix_timestamp()
    }

    /// The UTC calendar date of this instant.
    pub fn date(self) -> Date {
        Date(self.0.date())
    }

    /// The UTC hour, 0-23.
    pub fn hour(self) -> u8 {
        self.0.hour()
    }

    /// The UTC minute, 0-59.
    pub fn minute(self) -> u8 {
        self.0.minute()
    }
}

impl Timestamp {
    /// The 20 bytes `YYYY-MM-DDTHH:MM:SSZ` (a year is 1-9999, see above).
    pub fn utc_bytes(self) -> [u8; 20] {
        let (date, time) = (self.0.date(), self.0.time());
        let year = u32::try_from(date.year()).unwrap_or(0) % 10_000;
        let digit = |n: u32| b'0' + (n % 10) as u8;
        let two = |n: u8| [digit(u32::from(n) / 10), digit(u32::from(n))];
        let [mo0, mo1] = two(u8::from(date.month()));
        let [d0, d1] = two(date.day());
        let [h0, h1] = two(time.hour());
        let [mi0, mi1] = two(time.minute());
        let [s0, s1] = two(time.second());
        [
            digit(year / 1000),
            digit(year / 100),
            digit(year / 10),
            digit(year),
            b'-',
            mo0,
            mo1,
            b'-',
            d0,
            d1,
            b'T',
            h0,
            h1,
            b':',
            mi0,
            mi1,
            b':',
            s0,
            s1,
            b'Z',
        ]
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let bytes = self.utc_bytes();
        f.write_str(std::str::from_utf8(&bytes).map_err(|_| fmt::Error)?)
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
        let field = |range: std::ops::Range<usize>| -> Option<u8> {
            let part = rest.get(range)?;
            part.bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| part.parse().ok())?
        };
        let (Some(h), Some(m), Some(sec)) = (field(1..3), field(4..6), field(7..9)) else {
            return Err(bad());
        };
        // Hours 0-23, minutes and seconds 0-59: no 24:00:00, no leap second.
        let time = time::Time::from_hms(h, m, sec).map_err(|_| bad())?;
        Ok(Timestamp(time::UtcDateTime::new(date.0, time)))
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
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
    fn days_and_calendar_dates_agree_over_every_year() {
        let first = Date::new(1, 1, 1).unwrap().days_since_epoch();
        let last = Date::new(9999, 12, 31).unwrap().days_since_epoch();
        assert_eq!((first, last), (-719_162, 2_932_896));
        let epoch = Date::new(1970, 1, 1).unwrap();
        for days in (first..=last).step_by(997) {
            let date = epoch.plus_days(days);
            assert_eq!(date.days_since_epoch(), days);
            assert_eq!(date.to_string().parse::<Date>().unwrap(), date);
            let noon = Timestamp::from_unix_seconds(days * 86_400 + 43_200);
            assert_eq!(noon.date(), date);
        }
    }

    #[test]
    fn leap_years_follow_the_gregorian_rule() {
        for (text, leap) in [
            ("1900-02-29", false),
            ("2000-02-29", true),
            ("2023-02-29", false),
            ("2024-02-29", true),
            ("2100-02-29", false),
            ("0004-02-29", true),
        ] {
            let parsed = text.parse::<Date>();
            if leap {
                assert_eq!(parsed.unwrap().to_string(), text);
            } else {
                assert_eq!(
                    parsed,
                    Err(Message::new(P::NotCalendarDate).quoted("value", text))
                );
            }
        }
        assert_eq!(
            Date::new(2023, 2, 28).unwrap().plus_days(1).to_string(),
            "2023-03-01"
        );
        assert_eq!(
            Date::new(2000, 2, 28).unwrap().plus_days(1).to_string(),
            "2000-02-29"
        );
    }

    #[test]
    fn dates_run_from_year_1_to_year_9999() {
        assert_eq!(Date::new(1, 1, 1).unwrap().to_string(), "0001-01-01");
        assert_eq!(Date::new(9999, 12, 31).unwrap().to_string(), "9999-12-31");
        assert_eq!(Date::new(0, 12, 31), None);
        assert_eq!(Date::new(10_000, 1, 1), None);
        assert_eq!(Date::new(2022, 6, 0), None);
        assert_eq!(Date::new(2022, 6, 31), None);
        for text in ["0001-01-01", "9999-12-31"] {
            assert_eq!(text.parse::<Date>().unwrap().to_string(), text);
        }
        assert_eq!(
            "0000-12-31".parse::<Date>(),
            Err(Message::new(P::NotCalendarDate).quoted("value", "0000-12-31"))
        );
        for shape in ["10000-01-01", "-001-01-01", "+2022-06-05", "2022-06-05 "] {
            assert_eq!(
                shape.parse::<Date>(),
                Err(Message::new(P::NotDate).quoted("value", shape))
            );
        }
    }

    #[test]
    fn the_last_second_of_a_day_is_59_and_there_is_no_leap_second() {
        let t: Timestamp = "2016-12-31T23:59:59Z".parse().unwrap();
        assert_eq!(t.to_string(), "2016-12-31T23:59:59Z");
        assert_eq!(t.date().to_string(), "2016-12-31");
        assert_eq!(
            Timestamp::from_unix_seconds(t.unix_seconds() + 1).to_string(),
            "2017-01-01T00:00:00Z"
        );
        for bad in [
            "2016-12-31T23:59:60Z",
            "2016-12-31T23:60:00Z",
            "2016-12-31T24:00:00Z",
            "2016-12-31T23:59:59",
            "2016-12-31T23:59:59+00:00",
            "2016-12-31t23:59:59Z",
            "2016-12-31T23:59:5xZ",
            "2016-12-31T23:59:+9Z",
            "2016-02-30T00:00:00Z",
        ] {
            assert_eq!(
                bad.parse::<Timestamp>(),
                Err(Message::new(P::NotTimestamp).quoted("value", bad))
            );
        }
    }

    #[test]
    fn timestamps_cover_years_1_to_9999_and_stop_there() {
        for text in ["0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z"] {
            let t: Timestamp = text.parse().unwrap();
            assert_eq!(t.to_string(), text);
            assert_eq!(Timestamp::from_unix_seconds(t.unix_seconds()), t);
        }
        assert_eq!(
            Timestamp::from_unix_seconds(-1).to_string(),
            "1969-12-31T23:59:59Z"
        );
        assert_eq!(
            Timestamp::from_unix_seconds(i64::MIN).to_string(),
            "0001-01-01T00:00:00Z"
        );
        assert_eq!(
            Timestamp::from_unix_seconds(i64::MAX).to_string(),
            "9999-12-31T23:59:59Z"
        );
        let json = serde_json::to_string(&Timestamp::from_unix_seconds(0)).unwrap();
        assert_eq!(json, "\"1970-01-01T00:00:00Z\"");
        assert_eq!(
            serde_json::from_str::<Timestamp>(&json).unwrap(),
            Timestamp::from_unix_seconds(0)
        );
    }

    #[test]
    fn deadlines_count_whole_days_from_the_utc_date() {
        // Sealed one second before midnight UTC: the day counts as day 0.
        let sealed: Timestamp = "2027-12-29T23:59:59Z".parse().unwrap();
        assert_eq!(sealed.date().plus_days(3).to_string(), "2028-01-01");
        assert_eq!(sealed.date().plus_days(0), sealed.date());
        let leap: Date = "2028-02-27".parse().unwrap();
        assert_eq!(leap.plus_days(3).to_string(), "2028-03-01");
        assert_eq!(leap.plus_days(-58).to_string(), "2027-12-31");
        assert_eq!(leap.plus_days(366).to_string(), "2029-02-27");
        // A period past the end of the calendar ends on its last day.
        let last = Date::new(9999, 12, 31).unwrap();
        assert_eq!(last.plus_days(1), last);
        assert_eq!(leap.plus_days(i64::from(u32::MAX)), last);
        assert_eq!(leap.plus_days(i64::MAX), last);
        let first = Date::new(1, 1, 1).unwrap();
        assert_eq!(leap.plus_days(i64::MIN), first);
    }
}
