//! The station's time zone, and every time a person reads. Files and the
//! journal keep UTC instants; a person reads the local time of the station
//! with its offset (`2027-06-07 01:30 (UTC+07:00)`), and the complaint
//! deadline is counted in the station's local calendar days.
//!
//! A zone is an IANA name, looked up in the time zone database compiled into
//! polltally (so a laptop without one, as on Windows, reads the same rules),
//! or a fixed offset from UTC. Nothing here reads a clock or a file.

use crate::domain::message::{Message, P};
use crate::domain::text::Numerals;
use crate::domain::time::{Date, Timestamp};
use std::fmt;

/// The largest offset a fixed zone may have: the zones people live in run
/// from UTC-12:00 to UTC+14:00.
const MAX_OFFSET_HOURS: i32 = 14;

/// A time zone: an IANA name (`Asia/Phnom_Penh`) or a fixed offset
/// (`+07:00`), written as [`Zone::name`].
#[derive(Debug, Clone)]
pub struct Zone {
    name: String,
    tz: jiff::tz::TimeZone,
}

impl PartialEq for Zone {
    fn eq(&self, other: &Zone) -> bool {
        self.name == other.name
    }
}

impl Eq for Zone {}

/// The wall clock of a zone at one instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LocalTime {
    pub date: Date,
    pub hour: u8,
    pub minute: u8,
    /// The zone's offset from UTC at that instant, in seconds.
    pub offset_seconds: i32,
}

impl Zone {
    /// UTC: the zone of records made before polltally recorded one.
    pub fn utc() -> Zone {
        Zone {
            name: "UTC".into(),
            tz: jiff::tz::TimeZone::UTC,
        }
    }

    /// A zone as a station file or the journal writes it: an IANA name of
    /// the compiled-in database, or `+HH:MM` / `-HH:MM` up to 14 hours.
    pub fn parse(text: &str) -> Result<Zone, Message> {
        let bad = || Message::new(P::NotTimeZone).quoted("value", text);
        if text.starts_with(['+', '-']) {
            return parse_offset(text).map(Zone::fixed).ok_or_else(bad);
        }
        let shape_ok = !text.is_empty()
            && text.len() <= 64
            && text
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"/_+-".contains(&b));
        if !shape_ok {
            return Err(bad());
        }
        let tz = jiff::tz::TimeZoneDatabase::bundled()
            .get(text)
            .map_err(|_| bad())?;
        if tz.is_unknown() {
            return Err(bad());
        }
        let name = tz.iana_name().unwrap_or(text).to_string();
        Ok(Zone { name, tz })
    }

    /// A fixed offset from UTC, in whole minutes (seconds are dropped),
    /// within 14 hours either way.
    pub fn fixed(offset_seconds: i32) -> Zone {
        let limit = MAX_OFFSET_HOURS * 3600;
        let minutes = offset_seconds.clamp(-limit, limit) / 60;
        let offset = jiff::tz::Offset::from_seconds(minutes * 60).unwrap_or(jiff::tz::Offset::UTC);
        Zone {
            name: offset_text(minutes * 60, Numerals::Western),
            tz: jiff::tz::TimeZone::fixed(offset),
        }
    }

    /// As files write it: the IANA name, or `+07:00`.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The wall clock of this zone at `at`.
    pub fn local(&self, at: Timestamp) -> LocalTime {
        let utc = LocalTime {
            date: at.date(),
            hour: at.hour(),
            minute: at.minute(),
            offset_seconds: 0,
        };
        let Ok(instant) = jiff::Timestamp::from_second(at.unix_seconds()) else {
            return utc;
        };
        let zoned = instant.to_zoned(self.tz.clone());
        let Some(date) = civil_date(zoned.date()) else {
            // Before 0001-01-01 local: only the very first instants.
            return utc;
        };
        LocalTime {
            date,
            hour: u8::try_from(zoned.hour()).unwrap_or(0),
            minute: u8::try_from(zoned.minute()).unwrap_or(0),
            offset_seconds: zoned.offset().seconds(),
        }
    }

    /// The local calendar date at `at`.
    pub fn local_date(&self, at: Timestamp) -> Date {
        self.local(at).date
    }

    /// The last second of the local day `date`: the instant before the next
    /// local day starts (which a change of the clocks may move).
    pub fn end_of_day(&self, date: Date) -> Timestamp {
        let last = Timestamp::from_unix_seconds(i64::MAX);
        let next_day = jiff::civil::Date::new(
            i16::try_from(date.year()).unwrap_or(i16::MAX),
            i8::try_from(date.month()).unwrap_or(1),
            i8::try_from(date.day()).unwrap_or(1),
        )
        .and_then(|d| d.tomorrow());
        let Ok(next_day) = next_day else {
            return last;
        };
        match next_day.to_zoned(self.tz.clone()) {
            Ok(start) => Timestamp::from_unix_seconds(start.timestamp().as_second() - 1),
            Err(_) => last,
        }
    }

    /// How a person reads `at`: the local date and time to the minute, and
    /// the offset, `2027-06-07 01:30 (UTC+07:00)`, in `numerals`. The one
    /// way polltally writes a time for people.
    pub fn display(&self, at: Timestamp, numerals: Numerals) -> String {
        let local = self.local(at);
        format!(
            "{} ({})",
            wall_clock(local, numerals),
            self.offset_display(at, numerals)
        )
    }

    /// The offset at `at` as people read it: `UTC+07:00`.
    pub fn offset_display(&self, at: Timestamp, numerals: Numerals) -> String {
        format!(
            "UTC{}",
            offset_text(self.local(at).offset_seconds, numerals)
        )
    }

    /// `at` as [`Zone::display`] writes it, in a column whose heading names
    /// the offset at `heading`: the offset is left out where it is the
    /// heading's (`2027-06-07 01:30`), and written where the clocks changed.
    pub fn display_in_column(
        &self,
        at: Timestamp,
        numerals: Numerals,
        heading: Timestamp,
    ) -> String {
        let local = self.local(at);
        if local.offset_seconds == self.local(heading).offset_seconds {
            wall_clock(local, numerals)
        } else {
            self.display(at, numerals)
        }
    }

    /// The last day to file a complaint about a count sealed at `sealed`:
    /// the local date of sealing plus `days` local calendar days, ending at
    /// the last second of that day.
    pub fn complaint_deadline(&self, sealed: Timestamp, days: u32) -> Deadline {
        let date = self.local_date(sealed).plus_days(i64::from(days));
        Deadline {
            date,
            ends: self.end_of_day(date),
        }
    }
}

/// The complaint deadline: its local date and the instant it ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Deadline {
    pub date: Date,
    pub ends: Timestamp,
}

impl fmt::Display for Zone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name)
    }
}

impl serde::Serialize for Zone {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.name)
    }
}

impl<'de> serde::Deserialize<'de> for Zone {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Zone, D::Error> {
        let text = String::deserialize(deserializer)?;
        Zone::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// `2027-06-07 01:30`.
fn wall_clock(local: LocalTime, numerals: Numerals) -> String {
    numerals.show(&format!(
        "{} {:02}:{:02}",
        local.date, local.hour, local.minute
    ))
}

/// `+07:00`, `-03:30`, `+00:00`.
fn offset_text(seconds: i32, numerals: Numerals) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let minutes = seconds.unsigned_abs() / 60;
    numerals.show(&format!("{sign}{:02}:{:02}", minutes / 60, minutes % 60))
}

/// `+HH:MM` or `-HH:MM`, up to 14 hours, as seconds.
fn parse_offset(text: &str) -> Option<i32> {
    let b = text.as_bytes();
    if b.len() != 6 || b[3] != b':' {
        return None;
    }
    let digits = |range: std::ops::Range<usize>| -> Option<i32> {
        let part = text.get(range)?;
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    let (hours, minutes) = (digits(1..3)?, digits(4..6)?);
    let seconds = hours * 3600 + minutes * 60;
    if minutes > 59 || seconds > MAX_OFFSET_HOURS * 3600 {
        return None;
    }
    Some(if b[0] == b'-' { -seconds } else { seconds })
}

fn civil_date(date: jiff::civil::Date) -> Option<Date> {
    Date::new(
        i32::from(date.year()),
        u8::try_from(date.month()).ok()?,
        u8::try_from(date.day()).ok()?,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Timestamp {
        text.parse().unwrap()
    }

    /// Seal times around local and UTC midnight, in three kinds of zone,
    /// with the deadline each must give (3 complaint days unless said).
    #[test]
    fn the_complaint_deadline_counts_local_days() {
        let table: &[(&str, &str, u32, &str, &str)] = &[
            // zone, sealed (UTC), days, deadline date, ends (UTC)
            // The case: 01:30 local on 7 June is 18:30Z on the 6th.
            (
                "Asia/Phnom_Penh",
                "2027-06-06T18:30:00Z",
                3,
                "2027-06-10",
                "2027-06-10T16:59:59Z",
            ),
            (
                "+07:00",
                "2027-06-06T18:30:00Z",
                3,
                "2027-06-10",
                "2027-06-10T16:59:59Z",
            ),
            // 23:59 local on the 6th, one minute before local midnight.
            (
                "Asia/Phnom_Penh",
                "2027-06-06T16:59:00Z",
                3,
                "2027-06-09",
                "2027-06-09T16:59:59Z",
            ),
            // 00:00 local on the 7th, local midnight.
            (
                "Asia/Phnom_Penh",
                "2027-06-06T17:00:00Z",
                3,
                "2027-06-10",
                "2027-06-10T16:59:59Z",
            ),
            // Around UTC midnight: 06:59 and 07:00 local, same local day.
            (
                "Asia/Phnom_Penh",
                "2027-06-06T23:59:59Z",
                3,
                "2027-06-10",
                "2027-06-10T16:59:59Z",
            ),
            (
                "Asia/Phnom_Penh",
                "2027-06-07T00:00:00Z",
                3,
                "2027-06-10",
                "2027-06-10T16:59:59Z",
            ),
            (
                "+07:00",
                "2027-06-07T00:00:00Z",
                0,
                "2027-06-07",
                "2027-06-07T16:59:59Z",
            ),
            // A zone behind UTC: 21:00 local on the 6th is 00:00Z on the 7th.
            (
                "-03:00",
                "2027-06-07T00:00:00Z",
                3,
                "2027-06-09",
                "2027-06-10T02:59:59Z",
            ),
            // UTC itself: the old rule.
            (
                "UTC",
                "2027-06-06T18:30:00Z",
                3,
                "2027-06-09",
                "2027-06-09T23:59:59Z",
            ),
            // Berlin in summer (UTC+2): 01:30 local on 29 March is 23:30Z on the 28th...
            (
                "Europe/Berlin",
                "2027-03-28T23:30:00Z",
                3,
                "2027-04-01",
                "2027-04-01T21:59:59Z",
            ),
            // ...and sealed on the night the clocks go forward (28 March
            // 2027, 02:00 CET -> 03:00 CEST): 00:30 CET, still the 28th.
            (
                "Europe/Berlin",
                "2027-03-27T23:30:00Z",
                3,
                "2027-03-31",
                "2027-03-31T21:59:59Z",
            ),
            // The deadline day itself ends under the other offset: sealed
            // in winter time (UTC+1), ends in summer time (UTC+2).
            (
                "Europe/Berlin",
                "2027-03-25T23:30:00Z",
                3,
                "2027-03-29",
                "2027-03-29T21:59:59Z",
            ),
            // The night the clocks go back (31 October 2027, 03:00 CEST ->
            // 02:00 CET): the deadline day 31 October has 25 hours.
            (
                "Europe/Berlin",
                "2027-10-27T22:30:00Z",
                3,
                "2027-10-31",
                "2027-10-31T22:59:59Z",
            ),
        ];
        for (zone, sealed, days, date, ends) in table {
            let zone = Zone::parse(zone).unwrap();
            let deadline = zone.complaint_deadline(at(sealed), *days);
            assert_eq!(
                (deadline.date.to_string(), deadline.ends.to_string()),
                (date.to_string(), ends.to_string()),
                "{zone} sealed {sealed} + {days}"
            );
            // It ends at 23:59 local on its date.
            let end = zone.local(deadline.ends);
            assert_eq!((end.date, end.hour, end.minute), (deadline.date, 23, 59));
        }
    }

    #[test]
    fn times_read_local_with_their_offset() {
        let phnom_penh = Zone::parse("Asia/Phnom_Penh").unwrap();
        let sealed = at("2027-06-06T18:30:00Z");
        assert_eq!(
            phnom_penh.display(sealed, Numerals::Western),
            "2027-06-07 01:30 (UTC+07:00)"
        );
        assert_eq!(
            phnom_penh.display(sealed, Numerals::Khmer),
            "២០២៧-០៦-០៧ ០១:៣០ (UTC+០៧:០០)"
        );
        assert_eq!(
            Zone::parse("-03:30")
                .unwrap()
                .display(sealed, Numerals::Western),
            "2027-06-06 15:00 (UTC-03:30)"
        );
        assert_eq!(
            Zone::utc().display(sealed, Numerals::Western),
            "2027-06-06 18:30 (UTC+00:00)"
        );
        assert_eq!(
            phnom_penh.offset_display(sealed, Numerals::Khmer),
            "UTC+០៧:០០"
        );
        let berlin = Zone::parse("Europe/Berlin").unwrap();
        // In a column headed by the winter offset, a summer time says its own.
        let winter = at("2027-01-10T12:00:00Z");
        assert_eq!(
            berlin.display_in_column(winter, Numerals::Western, winter),
            "2027-01-10 13:00"
        );
        assert_eq!(
            berlin.display_in_column(at("2027-07-10T12:00:00Z"), Numerals::Western, winter),
            "2027-07-10 14:00 (UTC+02:00)"
        );
        assert_eq!(
            berlin.display(at("2027-01-10T12:00:00Z"), Numerals::Western),
            "2027-01-10 13:00 (UTC+01:00)"
        );
        assert_eq!(
            berlin.display(at("2027-07-10T12:00:00Z"), Numerals::Western),
            "2027-07-10 14:00 (UTC+02:00)"
        );
    }

    #[test]
    fn zones_parse_as_names_or_offsets() {
        assert_eq!(
            Zone::parse("Asia/Phnom_Penh").unwrap().name(),
            "Asia/Phnom_Penh"
        );
        // The database's own spelling is kept.
        assert_eq!(
            Zone::parse("asia/phnom_penh").unwrap().name(),
            "Asia/Phnom_Penh"
        );
        assert_eq!(Zone::parse("+07:00").unwrap().name(), "+07:00");
        assert_eq!(Zone::parse("-12:00").unwrap().name(), "-12:00");
        assert_eq!(Zone::parse("+14:00").unwrap().name(), "+14:00");
        assert_eq!(Zone::fixed(7 * 3600).name(), "+07:00");
        assert_eq!(Zone::fixed(-(5 * 3600 + 30 * 60)).name(), "-05:30");
        for bad in [
            "Mars/Olympus",
            "",
            "+7:00",
            "+07:60",
            "+14:01",
            "+0700",
            "07:00",
            "Etc/Unknown",
            "../../etc/passwd",
            "Asia/Phnom Penh",
        ] {
            assert_eq!(
                Zone::parse(bad),
                Err(Message::new(P::NotTimeZone).quoted("value", bad)),
                "{bad}"
            );
        }
    }

    #[test]
    fn a_zone_round_trips_through_json_and_refuses_unknown_names() {
        let zone = Zone::parse("Europe/Berlin").unwrap();
        let json = serde_json::to_string(&zone).unwrap();
        assert_eq!(json, "\"Europe/Berlin\"");
        assert_eq!(serde_json::from_str::<Zone>(&json).unwrap(), zone);
        assert!(serde_json::from_str::<Zone>("\"Mars/Olympus\"").is_err());
    }
}
