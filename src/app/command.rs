//! What screens ask the app to do. Commands are applied after the frame that
//! emitted them: an append is one store transaction; a failure becomes a
//! notice on screen and changes nothing.

use crate::app::{Notice, PolltallyApp, Screen, Session};
use crate::domain::station::StationFile;
use crate::i18n::T;
use crate::journal::event::Event;
use crate::store::Record;
use std::path::PathBuf;

/// A request from a screen.
#[derive(Debug, Clone, PartialEq)]
pub enum AppCommand {
    /// Open an existing count record.
    OpenRecord(PathBuf),
    /// Start a new count: a station file, and where the record goes (a
    /// default place when `None`).
    NewCount {
        station: PathBuf,
        record: Option<PathBuf>,
    },
    /// Open the practice count, creating it from the built-in station.
    OpenPractice,
    /// Start a new practice count beside the old ones.
    NewPractice,
    /// Close the open count.
    Close,
    /// Append one event to the open count.
    Append(Event),
    ShowScreen(Screen),
    DismissNotice,
    /// Show a message (an input error found while drawing).
    Notify(Notice),
}

impl PolltallyApp {
    /// Applies one command.
    pub fn apply(&mut self, command: AppCommand) {
        let tr = self.tr();
        let result: anyhow::Result<()> = match command {
            AppCommand::OpenRecord(path) => Record::open(&path).map_err(Into::into).map(|record| {
                self.notice = Some(info(tr.f(T::Opened, &[("path", &path.display())])));
                self.open_session(record);
            }),
            AppCommand::NewCount { station, record } => self.new_count(&station, record),
            AppCommand::OpenPractice => self
                .places
                .practice_record(self.clock.as_ref())
                .map(|record| self.open_session(record)),
            AppCommand::NewPractice => self
                .places
                .new_practice_record(self.clock.as_ref())
                .map(|record| self.open_session(record)),
            AppCommand::Close => {
                self.session = None;
                self.screen = Screen::Start;
                Ok(())
            }
            AppCommand::Append(event) => match &mut self.session {
                Some(session) => session
                    .record
                    .append(event, self.clock.as_ref())
                    .map(|_| ())
                    .map_err(Into::into),
                None => Ok(()),
            },
            AppCommand::ShowScreen(screen) => {
                if self.session.is_some() || screen == Screen::Start {
                    self.screen = screen;
                }
                Ok(())
            }
            AppCommand::DismissNotice => {
                self.notice = None;
                Ok(())
            }
            AppCommand::Notify(notice) => {
                self.notice = Some(notice);
                Ok(())
            }
        };
        if let Err(err) = result {
            self.notice = Some(Notice {
                text: format!("{err:#}"),
                is_error: true,
            });
        }
    }

    fn open_session(&mut self, record: Record) {
        self.settings.last_record = Some(record.path().to_path_buf());
        self.session = Some(Session::new(record));
        if self.screen == Screen::Start {
            self.screen = Screen::Counting;
        }
    }

    fn new_count(&mut self, station: &PathBuf, record: Option<PathBuf>) -> anyhow::Result<()> {
        let bytes = std::fs::read(station)
            .map_err(|err| anyhow::anyhow!("station: cannot read {}: {err}", station.display()))?;
        let file = StationFile::parse(bytes)
            .map_err(|err| anyhow::anyhow!("{err} (station file {})", station.display()))?;
        let path = match record {
            Some(path) => path,
            None => self.places.new_record_path(&file, self.clock.as_ref())?,
        };
        let record = Record::create(&path, file, self.clock.as_ref())?;
        let tr = self.tr();
        self.notice = Some(info(tr.f(T::Created, &[("path", &path.display())])));
        self.open_session(record);
        Ok(())
    }
}

fn info(text: String) -> Notice {
    Notice {
        text,
        is_error: false,
    }
}
