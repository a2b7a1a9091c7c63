//! The computer's clock, the only one the shells read; the core takes time
//! as a value through [`Clock`].

use crate::domain::time::{Clock, Timestamp};
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
}
