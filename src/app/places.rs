//! Where the app keeps its files: the user's data directory (or
//! `POLLTALLY_DATA_DIR`), the practice records and the default place for new
//! count records.

use crate::domain::message::{Message, P};
use crate::domain::station::StationFile;
use crate::domain::time::Clock;
use crate::store::Record;
use std::path::{Path, PathBuf};

/// The built-in practice station.
pub const SAMPLE_STATION: &[u8] = include_bytes!("../../assets/sample-station.json");

/// The app's data directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Places {
    data_dir: PathBuf,
}

impl Places {
    pub fn new(data_dir: PathBuf) -> Places {
        Places { data_dir }
    }

    /// `POLLTALLY_DATA_DIR` if set, else the platform's data directory.
    pub fn from_environment() -> anyhow::Result<Places> {
        if let Some(dir) = std::env::var_os("POLLTALLY_DATA_DIR") {
            return Ok(Places::new(PathBuf::from(dir)));
        }
        let dirs = directories::ProjectDirs::from("", "", "polltally")
            .ok_or_else(|| Message::new(P::NoHome))?;
        Ok(Places::new(dirs.data_dir().to_path_buf()))
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    fn ensure_dir(&self) -> anyhow::Result<()> {
        std::fs::create_dir_all(&self.data_dir).map_err(|err| {
            Message::new(P::CannotCreate)
                .text("path", self.data_dir.display())
                .text("detail", err)
                .into()
        })
    }

    /// The practice record's path.
    pub fn practice_path(&self) -> PathBuf {
        self.data_dir.join("practice.polltally")
    }

    /// Opens the practice record, creating it from the built-in station the
    /// first time.
    pub fn practice_record(&self, clock: &dyn Clock) -> anyhow::Result<Record> {
        let path = self.practice_path();
        if path.exists() {
            return Ok(Record::open(&path)?);
        }
        self.ensure_dir()?;
        let station = StationFile::parse(SAMPLE_STATION.to_vec())?;
        Ok(Record::create(&path, station, clock)?)
    }

    /// A new practice record beside the others (the old ones are kept).
    pub fn new_practice_record(&self, clock: &dyn Clock) -> anyhow::Result<Record> {
        self.ensure_dir()?;
        let station = StationFile::parse(SAMPLE_STATION.to_vec())?;
        let path = self.unused_path("practice", clock);
        Ok(Record::create(&path, station, clock)?)
    }

    /// Where a new count of `station` goes when no path is given:
    /// `<station code>-<date>.polltally` in the data directory.
    pub fn new_record_path(
        &self,
        station: &StationFile,
        clock: &dyn Clock,
    ) -> anyhow::Result<PathBuf> {
        self.ensure_dir()?;
        let code: String = station
            .definition()
            .station
            .code
            .as_str()
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        Ok(self.unused_path(&code, clock))
    }

    fn unused_path(&self, stem: &str, clock: &dyn Clock) -> PathBuf {
        let date = clock.zone().local_date(clock.now());
        let base = format!("{stem}-{date}");
        let mut path = self.data_dir.join(format!("{base}.polltally"));
        let mut n = 2;
        while path.exists() {
            path = self.data_dir.join(format!("{base}-{n}.polltally"));
            n += 1;
        }
        path
    }
}

/// The first free name beside the record at `record` for a record of
/// `kind` made from it: `NAME-recount-1.polltally`, `NAME-training-2...`.
pub fn beside(record: &Path, kind: &str) -> PathBuf {
    let stem = record
        .file_stem()
        .map_or_else(|| "count".to_string(), |s| s.to_string_lossy().into_owned());
    let dir = record.parent().map(Path::to_path_buf).unwrap_or_default();
    (1..)
        .map(|n| dir.join(format!("{stem}-{kind}-{n}.polltally")))
        .find(|p| !p.exists())
        .unwrap_or_else(|| dir.join(format!("{stem}-{kind}.polltally")))
}

/// The training rounds started from the count at `record`: the files
/// `NAME-training-N.polltally` beside it, in the order of N.
pub fn training_rounds(record: &Path) -> Vec<PathBuf> {
    let (Some(dir), Some(stem)) = (record.parent(), record.file_stem()) else {
        return Vec::new();
    };
    let prefix = format!("{}-training-", stem.to_string_lossy());
    let Ok(entries) = std::fs::read_dir(if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    }) else {
        return Vec::new();
    };
    let mut rounds: Vec<(u64, PathBuf)> = entries
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            let n = name
                .strip_prefix(&prefix)?
                .strip_suffix(".polltally")?
                .parse::<u64>()
                .ok()?;
            Some((n, dir.join(name)))
        })
        .collect();
    rounds.sort();
    rounds.into_iter().map(|(_, path)| path).collect()
}
