//! Files as the shells read and write them: whole files written safely
//! (temporary file, then rename), files read with an error naming the
//! argument they came from, and station files read and parsed.

use crate::domain::message::{Explain, Message, P};
use crate::domain::station::StationFile;
use std::path::Path;

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
