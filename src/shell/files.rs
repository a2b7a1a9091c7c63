//! Files as the shells read and write them: whole files written safely
//! (temporary file, then rename), files read with an error naming the
//! argument they came from and bounded in size, and station files read and
//! parsed.

use crate::domain::limits::MAX_STATION_FILE_BYTES;
use crate::domain::message::{Explain, Message, P};
use crate::domain::station::StationFile;
use std::io::Read;
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

/// Reads a whole file of at most `max` bytes; errors name `field` (the
/// argument it came from) and the path. A larger file is refused from its
/// size before anything is read, and the read itself stops past `max`, so
/// neither a file that grows meanwhile nor a pipe makes it read more.
pub fn read_file(path: &Path, field: &str, max: u64) -> Result<Vec<u8>, Message> {
    let cannot_read = |err: std::io::Error| {
        Message::new(P::CannotRead)
            .text("path", path.display())
            .text("detail", err)
            .at(field)
    };
    let too_large = |size: u64| {
        Message::new(P::FileTooLarge)
            .text("path", path.display())
            .num("size", size)
            .num("max", max)
            .at(field)
    };
    let file = std::fs::File::open(path).map_err(cannot_read)?;
    let size = file.metadata().map_err(cannot_read)?.len();
    if size > max {
        return Err(too_large(size));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(cannot_read)?;
    if bytes.len() as u64 > max {
        return Err(Message::new(P::FileOverMax)
            .text("path", path.display())
            .num("max", max)
            .at(field));
    }
    Ok(bytes)
}

/// The first `n` bytes of a file (fewer when it is shorter), to tell what
/// it is without reading it whole; errors as [`read_file`]'s.
pub fn first_bytes(path: &Path, field: &str, n: u64) -> Result<Vec<u8>, Message> {
    let cannot_read = |err: std::io::Error| {
        Message::new(P::CannotRead)
            .text("path", path.display())
            .text("detail", err)
            .at(field)
    };
    let file = std::fs::File::open(path).map_err(cannot_read)?;
    let mut bytes = Vec::new();
    file.take(n).read_to_end(&mut bytes).map_err(cannot_read)?;
    Ok(bytes)
}

/// Reads and parses a station file; errors name the file.
pub fn read_station(path: &Path) -> Result<StationFile, Message> {
    let bytes = read_file(path, "station", MAX_STATION_FILE_BYTES)?;
    StationFile::parse(bytes).map_err(|err| {
        Message::new(P::InStationFile)
            .message("problem", err.message())
            .text("path", path.display())
    })
}
