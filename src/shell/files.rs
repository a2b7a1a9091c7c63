//! Files as the shells read and write them: output files written so that
//! they never destroy and are durable before they are reported written,
//! files read with an error naming the argument they came from and bounded
//! in size, and station files read and parsed.
//!
//! An output is written in two steps, all outputs of one command together:
//! each is staged (a temporary file created exclusively beside it, written
//! and fsynced), then each is put in place (renamed over its path, without
//! replacing what stands there unless that was allowed) and its directory
//! fsynced. Whatever fails, the temporary files are removed.

use crate::domain::limits::MAX_STATION_FILE_BYTES;
use crate::domain::message::{Explain, Message, P};
use crate::domain::station::StationFile;
use std::fs::File;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// The first bytes of every SQLite database, so of every count record.
pub const SQLITE_MAGIC: &[u8] = b"SQLite format 3\0";

/// The first four bytes of a SQLite write-ahead log (either byte order).
const WAL_MAGIC: [[u8; 4]; 2] = [[0x37, 0x7f, 0x06, 0x82], [0x37, 0x7f, 0x06, 0x83]];

/// What an output may do to a file that already stands at its path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Existing {
    /// The command line without `--force`: refused; the message says that
    /// `--force` replaces it.
    Refuse,
    /// The command line with `--force`: replaced, if it is a regular file
    /// that is neither a count record nor one of the command's inputs.
    Replace,
    /// The app, where a person typed the path: kept when it already holds
    /// exactly the bytes to write (saving twice is not an error), else
    /// refused, asking for another name.
    KeepSame,
}

/// An output file of one command: where it goes, the flag or field that
/// named it (messages name it), what it may do to an existing file, and
/// the files the command reads, which it never replaces.
#[derive(Debug, Clone, Copy)]
pub struct Output<'a> {
    pub path: &'a Path,
    pub field: &'a str,
    pub existing: Existing,
    /// The command's inputs: files, or folders whose `*.json` files it reads.
    pub inputs: &'a [PathBuf],
}

/// What stands at an output's path, once checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Standing {
    /// Nothing: the output is put there without replacing anything.
    Free,
    /// A file the output may replace (`--force`).
    Replaceable,
    /// A file that stays unless it holds the same bytes (the app).
    KeptUnlessSame,
}

impl Output<'_> {
    /// An output of the command line: `force` is `--force`.
    pub fn cli<'a>(
        path: &'a Path,
        flag: &'a str,
        force: bool,
        inputs: &'a [PathBuf],
    ) -> Output<'a> {
        Output {
            path,
            field: flag,
            existing: if force {
                Existing::Replace
            } else {
                Existing::Refuse
            },
            inputs,
        }
    }

    fn refused(&self, key: P) -> Message {
        Message::new(key)
            .text("path", self.path.display())
            .at(self.field)
    }

    /// Checks what stands at the path: nothing, a file this output may
    /// replace, or else the refusal that names the field and the path.
    fn check(&self) -> Result<Standing, Message> {
        if self.path.file_name().is_none() {
            return Err(Message::new(P::NoFilePath).at(self.field));
        }
        let link = match std::fs::symlink_metadata(self.path) {
            Ok(meta) => meta,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(Standing::Free),
            Err(err) => return Err(self.cannot_write(self.path, &err)),
        };
        // A link is judged by what it points to; a link to nothing is
        // replaced as a link (the rename never writes through it).
        let meta = match std::fs::metadata(self.path) {
            Ok(meta) => meta,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound && link.is_symlink() => link,
            Err(err) => return Err(self.cannot_write(self.path, &err)),
        };
        if meta.is_file() {
            // Only a regular file is opened: opening a pipe would block.
            if is_count_record(self.path).map_err(|err| self.cannot_write(self.path, &err))? {
                return Err(self.refused(P::OutIsRecord));
            }
        } else if !meta.is_symlink() {
            return Err(self.refused(P::OutNotRegular));
        }
        if self.inputs.iter().any(|input| is_input(self.path, input)) {
            return Err(self.refused(P::OutIsInput));
        }
        match self.existing {
            Existing::Refuse => Err(self.refused(P::OutExists)),
            Existing::Replace => Ok(Standing::Replaceable),
            Existing::KeepSame => Ok(Standing::KeptUnlessSame),
        }
    }

    /// Why the temporary file could not be put in place: a file that
    /// appeared there since the check is judged again (and refused).
    fn not_placed(&self, err: &std::io::Error) -> Message {
        if err.kind() != std::io::ErrorKind::AlreadyExists {
            return self.cannot_write(self.path, err);
        }
        match (self.check(), self.existing) {
            (Err(refusal), _) => refusal,
            (Ok(_), Existing::KeepSame) => self.refused(P::SaveExists),
            (Ok(_), Existing::Refuse | Existing::Replace) => self.refused(P::OutExists),
        }
    }

    fn cannot_write(&self, at: &Path, err: &std::io::Error) -> Message {
        Message::new(P::CannotWrite)
            .text("path", at.display())
            .text("detail", err)
            .at(self.field)
    }
}

/// Checks every output of a command before any work: each may be written
/// where it is named, and no two name the same file. Writing checks again.
pub fn check_outputs(outputs: &[Output]) -> Result<(), Message> {
    standings(outputs).map(|_| ())
}

/// What stands at each output's path; the first refusal, if any.
fn standings(outputs: &[Output]) -> Result<Vec<Standing>, Message> {
    let mut standings = Vec::new();
    for (i, output) in outputs.iter().enumerate() {
        standings.push(output.check()?);
        if outputs
            .iter()
            .take(i)
            .any(|other| same_place(other.path, output.path))
        {
            return Err(output.refused(P::OutTwice));
        }
    }
    Ok(standings)
}

/// Writes every output with its bytes, all or none as far as the file
/// system allows: each is checked, then staged (see the module), then put
/// in place. If one cannot be staged, nothing is written; if one cannot be
/// put in place, the outputs already put in place that were new are removed
/// again (a file replaced with `--force` stays replaced).
pub fn write_outputs(outputs: &[(Output, &[u8])]) -> anyhow::Result<()> {
    let only: Vec<Output> = outputs.iter().map(|(o, _)| *o).collect();
    let standings = standings(&only)?;
    let mut staged: Vec<(Output, Standing, Staged)> = Vec::new();
    for ((output, bytes), standing) in outputs.iter().zip(standings) {
        if standing == Standing::KeptUnlessSame {
            if same_bytes(output.path, bytes) {
                continue;
            }
            return Err(output.refused(P::SaveExists).into());
        }
        // On an error, `staged` is dropped, which removes every temporary file.
        let temp = Staged::write(output.path, bytes)
            .map_err(|err| output.cannot_write(output.path, &err))?;
        staged.push((*output, standing, temp));
    }
    let mut placed: Vec<PathBuf> = Vec::new();
    for (output, standing, temp) in staged {
        let result = match standing {
            Standing::Replaceable => temp.replace(output.path),
            Standing::Free | Standing::KeptUnlessSame => temp.put_new(output.path),
        }
        .map_err(|err| output.not_placed(&err))
        .and_then(|()| {
            if standing == Standing::Free {
                placed.push(output.path.to_path_buf());
            }
            sync_dir(output.path).map_err(|err| output.cannot_write(output.path, &err))
        });
        if let Err(message) = result {
            for path in &placed {
                let _ = std::fs::remove_file(path);
            }
            return Err(message.into());
        }
    }
    Ok(())
}

/// Saves `bytes` at `path` for the app, which names the file itself (forms
/// and comparisons beside their record): never over an existing file. A
/// file that already holds these bytes is the save done before, and is
/// kept; any other file keeps its name and the output takes the first free
/// `stem (2).ext`, `stem (3).ext`, ... Picking a name rather than asking
/// keeps saving one click, and the notice lists the names used. Returns
/// where the bytes are.
pub fn save_beside(path: &Path, bytes: &[u8]) -> anyhow::Result<PathBuf> {
    let field = "path";
    for n in 1..=MAX_NAMES {
        let candidate = numbered(path, n);
        let output = Output {
            path: &candidate,
            field,
            existing: Existing::KeepSame,
            inputs: &[],
        };
        match output.check() {
            Ok(Standing::Free) => {}
            Ok(_) if same_bytes(&candidate, bytes) => return Ok(candidate),
            // Taken by anything else, a record included: try the next name.
            Ok(_) | Err(_) => continue,
        }
        let temp = Staged::write(&candidate, bytes)
            .map_err(|err| output.cannot_write(&candidate, &err))?;
        match temp.put_new(&candidate) {
            Ok(()) => {
                sync_dir(&candidate).map_err(|err| output.cannot_write(&candidate, &err))?;
                return Ok(candidate);
            }
            Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(err) => return Err(output.cannot_write(&candidate, &err).into()),
        }
    }
    Err(Message::new(P::SaveExists)
        .text("path", path.display())
        .into())
}

/// How many names `save_beside` tries before it gives up.
const MAX_NAMES: u32 = 99;

/// `path`, or for `n` above 1, `stem (n).ext` beside it.
fn numbered(path: &Path, n: u32) -> PathBuf {
    if n <= 1 {
        return path.to_path_buf();
    }
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = match path.extension() {
        Some(ext) => format!("{stem} ({n}).{}", ext.to_string_lossy()),
        None => format!("{stem} ({n})"),
    };
    path.with_file_name(name)
}

/// A temporary file beside its output, written and fsynced; removed when
/// dropped unless it was put in place.
struct Staged {
    temp: PathBuf,
    placed: bool,
}

/// Numbers the temporary files of this process, so that each has a name no
/// one else uses (with the process id).
static TEMP_NUMBER: AtomicU64 = AtomicU64::new(0);

/// How many temporary names are tried before giving up.
const TEMP_TRIES: u32 = 100;

impl Staged {
    /// Creates a temporary file beside `path` (`NAME.PID-N.part`), writes
    /// `bytes` and fsyncs it. The file is created exclusively (O_CREAT |
    /// O_EXCL): a file or a link already at that name is never opened, so a
    /// link left there cannot send the bytes elsewhere; the next number is
    /// tried instead.
    fn write(path: &Path, bytes: &[u8]) -> std::io::Result<Staged> {
        let (mut file, staged) = Staged::create(path)?;
        let written = file.write_all(bytes).and_then(|()| file.sync_all());
        drop(file);
        // On an error `staged` is dropped here, removing the temporary file.
        written.map(|()| staged)
    }

    fn create(path: &Path) -> std::io::Result<(File, Staged)> {
        let name = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        for _ in 0..TEMP_TRIES {
            let n = TEMP_NUMBER.fetch_add(1, Ordering::Relaxed);
            let temp = path.with_file_name(format!("{name}.{}-{n}.part", std::process::id()));
            match std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&temp)
            {
                Ok(file) => {
                    return Ok((
                        file,
                        Staged {
                            temp,
                            placed: false,
                        },
                    ));
                }
                Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => {}
                Err(err) => return Err(err),
            }
        }
        Err(std::io::Error::new(
            std::io::ErrorKind::AlreadyExists,
            format!("{TEMP_TRIES} temporary names beside it are taken"),
        ))
    }

    /// Renames the temporary file over `path`, replacing what is there.
    fn replace(mut self, path: &Path) -> std::io::Result<()> {
        std::fs::rename(&self.temp, path)?;
        self.placed = true;
        Ok(())
    }

    /// Puts the temporary file at `path` only if nothing is there: fails
    /// with `AlreadyExists` otherwise, leaving what is there untouched.
    fn put_new(mut self, path: &Path) -> std::io::Result<()> {
        rename_no_replace(&self.temp, path)?;
        self.placed = true;
        Ok(())
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        if !self.placed {
            let _ = std::fs::remove_file(&self.temp);
        }
    }
}

/// Renames `from` to `to` unless `to` exists, in one step where the system
/// can: `renameat2(RENAME_NOREPLACE)` on Linux (ext4, btrfs, xfs, vfat and
/// exfat sticks), else a hard link and the removal of `from`. Where neither
/// works (a file system with neither), `to` is looked for just before a
/// plain rename: a file that appears in between those two calls would be
/// replaced.
fn rename_no_replace(from: &Path, to: &Path) -> std::io::Result<()> {
    #[cfg(target_os = "linux")]
    {
        use rustix::fs::{CWD, RenameFlags, renameat_with};
        match renameat_with(CWD, from, CWD, to, RenameFlags::NOREPLACE) {
            Ok(()) => return Ok(()),
            Err(err)
                if err == rustix::io::Errno::INVAL
                    || err == rustix::io::Errno::NOSYS
                    || err == rustix::io::Errno::NOTSUP => {}
            Err(err) => return Err(err.into()),
        }
    }
    match std::fs::hard_link(from, to) {
        Ok(()) => {
            // The output is in place; a temporary name that cannot be
            // removed is only a second name for it.
            let _ = std::fs::remove_file(from);
            return Ok(());
        }
        Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => return Err(err),
        Err(_) => {}
    }
    if std::fs::symlink_metadata(to).is_ok() {
        return Err(std::io::Error::from(std::io::ErrorKind::AlreadyExists));
    }
    std::fs::rename(from, to)
}

/// Fsyncs the directory that holds `path`, so that the rename into it
/// survives a power cut. Windows has no such call (and needs none: NTFS
/// journals the rename).
fn sync_dir(path: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        let dir = match path.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir,
            _ => Path::new("."),
        };
        File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        Ok(())
    }
}

/// Whether the regular file at `path` is a SQLite database (a count
/// record), its write-ahead log, or a companion (`-wal`, `-shm`,
/// `-journal`) of one.
fn is_count_record(path: &Path) -> std::io::Result<bool> {
    let mut head = [0u8; 16];
    let mut file = File::open(path)?;
    let n = read_up_to(&mut file, &mut head)?;
    let head = head.get(..n).unwrap_or_default();
    if head.starts_with(SQLITE_MAGIC) || WAL_MAGIC.iter().any(|m| head.starts_with(m)) {
        return Ok(true);
    }
    let name = path.as_os_str().to_string_lossy();
    for suffix in ["-wal", "-shm", "-journal"] {
        if let Some(database) = name.strip_suffix(suffix)
            && std::fs::metadata(database).is_ok_and(|m| m.is_file())
            && is_count_record(Path::new(database))?
        {
            return Ok(true);
        }
    }
    Ok(false)
}

fn read_up_to(file: &mut File, buf: &mut [u8]) -> std::io::Result<usize> {
    use std::io::Read;
    let mut n = 0;
    while let Some(rest) = buf.get_mut(n..) {
        if rest.is_empty() {
            break;
        }
        match file.read(rest)? {
            0 => break,
            read => n += read,
        }
    }
    Ok(n)
}

/// Whether `path` (which exists) is `input`, or one of the `*.json` files
/// of the folder `input`.
fn is_input(path: &Path, input: &Path) -> bool {
    if same_file(path, input) {
        return true;
    }
    input.is_dir()
        && path.extension().is_some_and(|e| e == "json")
        && path
            .parent()
            .map(|p| {
                if p.as_os_str().is_empty() {
                    Path::new(".")
                } else {
                    p
                }
            })
            .is_some_and(|parent| same_file(parent, input))
}

/// Whether two existing paths are one file: the same canonical path, or on
/// unix the same device and inode (a hard link).
fn same_file(a: &Path, b: &Path) -> bool {
    if let (Ok(a), Ok(b)) = (a.canonicalize(), b.canonicalize())
        && a == b
    {
        return true;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(a), Ok(b)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return a.dev() == b.dev() && a.ino() == b.ino();
        }
    }
    false
}

/// Whether two output paths name one place, whether or not it exists yet:
/// the same file name in the same folder.
fn same_place(a: &Path, b: &Path) -> bool {
    let folder = |p: &Path| match p.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    };
    a.file_name() == b.file_name() && same_file(&folder(a), &folder(b)) || same_file(a, b)
}

/// Whether the file at `path` holds exactly `bytes` (read only when its
/// size says it may).
fn same_bytes(path: &Path, bytes: &[u8]) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64)
        && std::fs::read(path).is_ok_and(|held| held == bytes)
}

/// Writes one output (see [`write_outputs`]).
pub fn write_output(output: Output, bytes: &[u8]) -> anyhow::Result<()> {
    write_outputs(&[(output, bytes)])
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    fn output<'a>(path: &'a Path, existing: Existing) -> Output<'a> {
        Output {
            path,
            field: "--out",
            existing,
            inputs: &[],
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_link_at_a_temporary_name_is_never_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        std::fs::write(&victim, "kept").unwrap();
        let out = dir.path().join("out.json");
        // Links at the next temporary names this process would use.
        let next = TEMP_NUMBER.load(Ordering::Relaxed);
        for n in next..next + 20 {
            let name = format!("out.json.{}-{n}.part", std::process::id());
            std::os::unix::fs::symlink(&victim, dir.path().join(name)).unwrap();
        }
        write_output(output(&out, Existing::Refuse), b"new").unwrap();
        assert_eq!(std::fs::read(&victim).unwrap(), b"kept");
        assert_eq!(std::fs::read(&out).unwrap(), b"new");
        assert!(!std::fs::symlink_metadata(&out).unwrap().is_symlink());
    }

    #[test]
    fn putting_in_place_never_replaces_a_file_that_appeared() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out.json");
        let staged = Staged::write(&out, b"new").unwrap();
        let temp = staged.temp.clone();
        // Between the check and the rename, someone writes the file.
        std::fs::write(&out, "theirs").unwrap();
        let err = staged.put_new(&out).unwrap_err();
        assert_eq!(err.kind(), std::io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read(&out).unwrap(), b"theirs");
        assert!(!temp.exists(), "the temporary file is removed");
    }

    #[test]
    fn outputs_are_written_all_or_none() {
        let dir = tempfile::tempdir().unwrap();
        let first = dir.path().join("first.json");
        let second = dir.path().join("second.pdf");
        std::fs::write(&second, "notes").unwrap();
        let err = write_outputs(&[
            (output(&first, Existing::Refuse), b"one"),
            (output(&second, Existing::Refuse), b"two"),
        ])
        .unwrap_err();
        assert!(format!("{err:#}").contains("already exists"), "{err:#}");
        assert!(!first.exists());
        assert_eq!(std::fs::read(&second).unwrap(), b"notes");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        // With --force both are written.
        write_outputs(&[
            (output(&first, Existing::Replace), b"one"),
            (output(&second, Existing::Replace), b"two"),
        ])
        .unwrap();
        assert_eq!(std::fs::read(&second).unwrap(), b"two");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
    }

    #[test]
    fn a_count_record_and_its_companions_are_never_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let record = dir.path().join("count.polltally");
        let mut bytes = SQLITE_MAGIC.to_vec();
        bytes.extend([0u8; 84]);
        std::fs::write(&record, &bytes).unwrap();
        let wal = dir.path().join("count.polltally-wal");
        std::fs::write(&wal, "log").unwrap();
        // A database by any name.
        let renamed = dir.path().join("notes.txt");
        std::fs::write(&renamed, &bytes).unwrap();
        for path in [&record, &wal, &renamed] {
            let err = write_output(output(path, Existing::Replace), b"x").unwrap_err();
            assert!(format!("{err:#}").contains("count record"), "{err:#}");
        }
        assert_eq!(std::fs::read(&record).unwrap(), bytes);
        assert_eq!(std::fs::read(&wal).unwrap(), b"log");
    }

    #[test]
    fn the_app_saves_under_a_free_name_and_keeps_a_save_it_already_made() {
        let dir = tempfile::tempdir().unwrap();
        let form = dir.path().join("count-copy-B.pdf");
        assert_eq!(save_beside(&form, b"form").unwrap(), form);
        // The same bytes again: the file already saved.
        assert_eq!(save_beside(&form, b"form").unwrap(), form);
        // Other bytes: a new name, the first file kept.
        let second = save_beside(&form, b"other form").unwrap();
        assert_eq!(second, dir.path().join("count-copy-B (2).pdf"));
        assert_eq!(std::fs::read(&form).unwrap(), b"form");
        assert_eq!(std::fs::read(&second).unwrap(), b"other form");
        // A folder in the way is passed over too.
        let results = dir.path().join("count-results.json");
        std::fs::create_dir(&results).unwrap();
        assert_eq!(
            save_beside(&results, b"{}").unwrap(),
            dir.path().join("count-results (2).json")
        );
        assert!(results.is_dir());
    }

    #[test]
    fn the_app_asks_for_another_name_rather_than_replacing_what_was_typed() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("commune.json");
        std::fs::write(&out, "older results").unwrap();
        let err = write_output(output(&out, Existing::KeepSame), b"results").unwrap_err();
        assert!(format!("{err:#}").contains("another name"), "{err:#}");
        assert_eq!(std::fs::read(&out).unwrap(), b"older results");
        std::fs::write(&out, "results").unwrap();
        write_output(output(&out, Existing::KeepSame), b"results").unwrap();
    }
}
