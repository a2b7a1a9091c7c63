//! What the shells take from the operating system: the clock, and whole
//! files written safely.

use crate::domain::station::StationFile;
use crate::domain::time::{Clock, Timestamp};
use crate::i18n::{Explain, Message, P};
use std::path::Path;
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

/// Writes a whole file: to a temporary file beside it, then renamed, so that
/// a reader never sees half a file.
pub fn write_file(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".part");
    let tmp = std::path::PathBuf::from(tmp);
    let cannot_write = |at: &Path, err: std::io::Error| {
        Message::new(P::CannotWrite)
            .text("path", at.display())
            .text("detail", err)
    };
    std::fs::write(&tmp, bytes).map_err(|err| cannot_write(&tmp, err))?;
    std::fs::rename(&tmp, path).map_err(|err| cannot_write(path, err))?;
    Ok(())
}

/// Reads a whole file; the error names `field` (the argument it came
/// from), the path and the system's reason.
pub fn read_file(path: &Path, field: &str) -> Result<Vec<u8>, Message> {
    std::fs::read(path).map_err(|err| {
        Message::new(P::CannotRead)
            .text("path", path.display())
            .text("detail", err)
            .at(field)
    })
}

/// Reads and parses a station file; errors name the file.
pub fn read_station(path: &Path) -> Result<StationFile, Message> {
    let bytes = read_file(path, "station")?;
    StationFile::parse(bytes).map_err(|err| {
        Message::new(P::InStationFile)
            .message("problem", err.message())
            .text("path", path.display())
    })
}
