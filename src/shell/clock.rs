//! The computer's clock, the only one the shells read; the core takes time
//! as a value through [`Clock`].

use crate::domain::time::{Clock, Timestamp};
use crate::domain::zone::Zone;
use std::time::{SystemTime, UNIX_EPOCH};

/// The computer's clock, in whole seconds.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Timestamp {
        let seconds = match SystemTime::now().duration_since(UNIX_EPOCH) {
            Ok(since) => i64::try_from(since.as_secs()).unwrap_or(i64::MAX),
            Err(before) => -i64::try_from(before.duration().as_secs()).unwrap_or(i64::MAX),
        };
        Timestamp::from_unix_seconds(seconds)
    }

    fn zone(&self) -> Zone {
        laptop_zone(self.now())
    }
}

/// The zone the laptop is set to (the `TZ` variable first, then the
/// system's setting): its IANA name when the compiled-in database knows it,
/// else its offset from UTC at `now`, else UTC.
pub fn laptop_zone(now: Timestamp) -> Zone {
    let Ok(system) = jiff::tz::TimeZone::try_system() else {
        return Zone::utc();
    };
    if let Some(zone) = system.iana_name().and_then(|name| Zone::parse(name).ok()) {
        return zone;
    }
    match jiff::Timestamp::from_second(now.unix_seconds()) {
        Ok(instant) => Zone::fixed(system.to_offset(instant).seconds()),
        Err(_) => Zone::utc(),
    }
}
