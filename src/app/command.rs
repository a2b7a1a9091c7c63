//! What screens ask the app to do. Commands are applied after the frame that
//! emitted them: an append is one store transaction; a failure becomes a
//! notice on screen and changes nothing. Slow work that only reads (forms,
//! reports, tabulation, verification, file dialogs) becomes a background
//! job ([`crate::app::jobs`]) whose outcome the app applies when it arrives.

use crate::app::jobs::{Job, Outcome};
use crate::app::start::FileChoice;
use crate::app::{Notice, PolltallyApp, Said, Screen, Session, text_arg};
use crate::domain::comparison::Comparison;
use crate::domain::free_text::FreeText;
use crate::domain::seal::{RefusalToSign, Seal, Signature};
use crate::i18n::T;
use crate::journal::event::Event;
use crate::report::{Copy, results_pdf, results_pdf_with_ballots};
use crate::shell::files::save_beside;
use crate::store::Record;
use std::path::{Path, PathBuf};

/// A request from a screen.
#[derive(Debug, Clone, PartialEq)]
pub enum AppCommand {
    /// Open an existing count record.
    OpenRecord(PathBuf),
    /// Ask the system's file dialog for a file.
    ChooseFile(FileChoice),
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
    /// Show the app in another language (remembered between runs).
    SetLanguage(crate::i18n::Lang),
    /// Show figures in Western digits or Khmer numerals (remembered).
    SetNumerals(crate::domain::text::Numerals),
    DismissNotice,
    /// Show a message (an input error found while drawing).
    Notify(Notice),
    /// Seal the open count, with the time from the app's clock.
    Seal {
        signed: Vec<Signature>,
        refused: Vec<RefusalToSign>,
    },
    /// Save the forms and the results file beside the record; print copies
    /// A, B and C too when `print` is set.
    SaveForms {
        print: bool,
    },
    /// Start a recount of the open, sealed count beside it, and open it.
    StartRecount {
        authority: String,
        reason: String,
        mode: crate::domain::recount::RecountMode,
    },
    /// Save the open recount's comparison (JSON and PDF) beside it.
    SaveComparison,
    /// Tabulate a commune's results files and save the commune results
    /// (`out`, and a PDF beside it).
    Tabulate {
        inputs: crate::shell::tabulate::Inputs,
        out: PathBuf,
    },
    /// Start the live copy of the open record at this path (a USB stick).
    StartMirror(PathBuf),
    /// Read the issued station files listed on the Tabulation screen, for
    /// a short code field a station.
    ReadIssued(Vec<PathBuf>),
    /// Start a training round on the open count's station, beside it, and
    /// open it: the number of cards, the seed (empty: from the clock), the
    /// mix (empty: the default) and the trainer's name, as typed.
    StartTraining {
        cards: String,
        seed: String,
        mix: String,
        trainer: String,
    },
    /// Save the open training round's report (PDF) beside it.
    SaveTrainingReport,
    /// Verify a results file (alone, against a record, or a short code).
    Verify {
        results: PathBuf,
        record: Option<PathBuf>,
        code: Option<String>,
    },
}

impl AppCommand {
    /// Whether the command is an action of its own, whose outcome replaces
    /// the notice of the one before; showing a screen, switching the
    /// language or numerals and the notices themselves are not.
    fn is_action(&self) -> bool {
        match self {
            AppCommand::OpenRecord(_)
            | AppCommand::ChooseFile(_)
            | AppCommand::NewCount { .. }
            | AppCommand::OpenPractice
            | AppCommand::NewPractice
            | AppCommand::Close
            | AppCommand::Append(_)
            | AppCommand::Seal { .. }
            | AppCommand::SaveForms { .. }
            | AppCommand::StartRecount { .. }
            | AppCommand::SaveComparison
            | AppCommand::Tabulate { .. }
            | AppCommand::StartMirror(_)
            | AppCommand::StartTraining { .. }
            | AppCommand::SaveTrainingReport
            | AppCommand::Verify { .. } => true,
            AppCommand::ShowScreen(_)
            | AppCommand::SetLanguage(_)
            | AppCommand::SetNumerals(_)
            | AppCommand::DismissNotice
            | AppCommand::ReadIssued(_)
            | AppCommand::Notify(_) => false,
        }
    }
}

impl PolltallyApp {
    /// Applies one command. An action replaces the notice of the action
    /// before it, whatever it says; moving between screens and switching
    /// the language or numerals keep it.
    pub fn apply(&mut self, command: AppCommand) {
        let tr = self.tr();
        if command.is_action() {
            self.notice = None;
        }
        // The commands that write an entry: the laptop's clock is checked
        // for each, and a doubtful clock is what the notice then says.
        let writes = matches!(
            command,
            AppCommand::Append(_)
                | AppCommand::Seal { .. }
                | AppCommand::NewCount { .. }
                | AppCommand::OpenPractice
                | AppCommand::NewPractice
                | AppCommand::StartRecount { .. }
                | AppCommand::StartTraining { .. }
        );
        let result: anyhow::Result<()> = match command {
            AppCommand::OpenRecord(path) => match Record::open(&path) {
                Ok(record) => {
                    self.notice = Some(Notice::info(
                        T::Opened,
                        vec![("path", text_arg(path.display()))],
                    ));
                    self.open_session(record);
                    Ok(())
                }
                // A record that reads whole but cannot be opened to write
                // (read-only media, another program writing it) is shown
                // for reading; one that does not read is refused as it was.
                Err(not_written) => match Record::open_read(&path) {
                    Ok(record) => {
                        self.notice = Some(Notice::info(
                            T::OpenedReadOnly,
                            vec![("path", text_arg(path.display()))],
                        ));
                        self.open_session(record);
                        Ok(())
                    }
                    Err(_) => Err(not_written.into()),
                },
            },
            AppCommand::ChooseFile(choice) => self
                .jobs
                .start(Job::ChooseFile, move || {
                    Outcome::Chosen(choice, choice.ask(tr))
                })
                .map_err(Into::into),
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
                Some(session) => {
                    let answered = match &event {
                        Event::TrainingAnswer { card, .. } => Some(*card),
                        _ => None,
                    };
                    let appended = session.record.append(event, self.clock.as_ref());
                    if appended.is_err() {
                        // Keys typed after a ruling that was not recorded
                        // would act on the count before it: drop them.
                        session.counting.pending.clear();
                        session.counting.keys.reset();
                        // A member's answer not recorded: back to its card.
                        let training = &mut session.training;
                        training.pending.clear();
                        training.keys.reset();
                        if let (Some(card), Some(round)) = (answered, &mut training.round) {
                            round.card = card;
                        }
                    }
                    appended.map(|_| ()).map_err(Into::into)
                }
                None => Ok(()),
            },
            AppCommand::ShowScreen(screen) => {
                // A training round has no count's screens.
                let screen = match &self.session {
                    Some(session)
                        if session.record.count().training().is_some()
                            && screen != Screen::Start =>
                    {
                        Screen::Training
                    }
                    _ => screen,
                };
                if self.session.is_some()
                    || matches!(screen, Screen::Start | Screen::Verify | Screen::Tabulation)
                {
                    if screen != self.screen
                        && let Some(session) = &mut self.session
                    {
                        // Keys held for the Counting screen (typed in the
                        // frame that left it) never act on a later visit.
                        session.counting.pending.clear();
                        session.counting.keys.reset();
                    }
                    self.screen = screen;
                }
                Ok(())
            }
            AppCommand::SetLanguage(lang) => {
                self.settings.lang = lang;
                Ok(())
            }
            AppCommand::SetNumerals(numerals) => {
                self.settings.numerals = Some(numerals);
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
            AppCommand::Seal { signed, refused } => match &mut self.session {
                Some(session) => {
                    let seal = Seal::new(self.clock.now(), signed, refused);
                    session
                        .record
                        .append(Event::Sealed(seal), self.clock.as_ref())
                        .map(|_| ())
                        .map_err(Into::into)
                }
                None => Ok(()),
            },
            AppCommand::SaveForms { print } => match &self.session {
                Some(session) => {
                    // The job reads the record through its own connection:
                    // a sealed record no longer changes.
                    let path = session.record.path().to_path_buf();
                    let printer = self.print_command.clone();
                    let job = if print {
                        Job::PrintForms
                    } else {
                        Job::SaveForms
                    };
                    self.jobs
                        .start(job, move || {
                            Outcome::Notice(Record::open_read(&path).map_err(Into::into).and_then(
                                |record| save_forms(&record, print.then_some(&printer), tr),
                            ))
                        })
                        .map_err(Into::into)
                }
                None => Ok(()),
            },
            AppCommand::StartRecount {
                authority,
                reason,
                mode,
            } => self.start_recount(&authority, &reason, mode),
            AppCommand::SaveComparison => match &self.session {
                Some(session) => {
                    let comparison = session.comparison().cloned();
                    let record = session.record.path().to_path_buf();
                    self.jobs
                        .start(Job::SaveComparison, move || {
                            Outcome::Notice(save_comparison(comparison.as_ref(), &record).map(
                                |paths| {
                                    Notice::info(T::SavedForms, vec![("paths", text_arg(paths))])
                                },
                            ))
                        })
                        .map_err(Into::into)
                }
                None => Ok(()),
            },
            AppCommand::Tabulate { inputs, out } => {
                if out.as_os_str().is_empty() {
                    let empty = crate::domain::message::Message::new(
                        crate::domain::message::P::MustNotBeEmpty,
                    )
                    .at("out")
                    .labelled(crate::domain::message::Label::CommuneResultsFile);
                    self.tabulation.outcome = Some(Err(Said::Problem(empty)));
                    self.tabulation.reveal = true;
                    Ok(())
                } else {
                    self.jobs
                        .start(Job::Tabulate, move || {
                            let commune = crate::shell::tabulate::tabulate_inputs(&inputs)
                                .and_then(|commune| {
                                    save_commune(&commune, &inputs, &out)?;
                                    Ok(commune)
                                });
                            Outcome::Tabulated(Box::new(commune))
                        })
                        .map_err(Into::into)
                }
            }
            AppCommand::StartMirror(path) => match &mut self.session {
                Some(session) => session
                    .record
                    .start_mirror(&path)
                    .map_err(Into::into)
                    .map(|()| {
                        self.notice = Some(Notice::info(
                            T::MirrorStarted,
                            vec![("path", text_arg(path.display()))],
                        ));
                    }),
                None => Ok(()),
            },
            AppCommand::ReadIssued(paths) => {
                match crate::shell::tabulate::read_issued(&paths) {
                    Ok(issued) => self.tabulation.set_issued(&issued),
                    Err(err) => self.tabulation.issued_problem = Some(Said::failure(&err)),
                }
                Ok(())
            }
            AppCommand::StartTraining {
                cards,
                seed,
                mix,
                trainer,
            } => self.start_training(&cards, &seed, &mix, &trainer),
            AppCommand::SaveTrainingReport => match &self.session {
                Some(session) => {
                    let path = session.record.path().to_path_buf();
                    self.jobs
                        .start(Job::SaveForms, move || {
                            Outcome::Notice(save_training_report(&path).map(|saved| {
                                Notice::info(
                                    T::SavedForms,
                                    vec![("paths", text_arg(saved.display()))],
                                )
                            }))
                        })
                        .map_err(Into::into)
                }
                None => Ok(()),
            },
            AppCommand::Verify {
                results,
                record,
                code,
            } => self
                .jobs
                .start(Job::Verify, move || {
                    Outcome::Verified(crate::shell::verify::check_results(
                        &results,
                        record.as_deref(),
                        code.as_deref(),
                    ))
                })
                .map_err(Into::into),
        };
        match result {
            Err(err) => self.notice = Some(Notice::failure(&err)),
            Ok(()) if writes => {
                if let Some(session) = &self.session {
                    let record = &session.record;
                    if !record.clock_notes().is_empty() {
                        self.notice = Some(Notice {
                            said: Said::Clock {
                                zone: record.count().zone(),
                                at: record.last_at(),
                                notes: record.clock_notes().to_vec(),
                            },
                            is_error: true,
                        });
                    }
                }
            }
            Ok(()) => {}
        }
    }

    /// Applies the outcome of a background job.
    pub fn receive(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Notice(Ok(notice)) => self.notice = Some(notice),
            Outcome::Notice(Err(err)) => self.notice = Some(Notice::failure(&err)),
            Outcome::Tabulated(commune) => {
                self.tabulation.outcome = Some((*commune).map_err(|err| Said::failure(&err)));
                self.tabulation.reveal = true;
            }
            Outcome::Verified(verified) => {
                self.verify.outcome = Some(verified.map_err(|err| Said::failure(&err)));
            }
            Outcome::Chosen(FileChoice::Record, Some(path)) => {
                self.apply(AppCommand::OpenRecord(path));
            }
            Outcome::Chosen(FileChoice::Station, Some(path)) => {
                self.start.station_path = path.display().to_string();
            }
            Outcome::Chosen(_, None) => self.notice = Some(Notice::info(T::NoDialog, vec![])),
            Outcome::Stopped => self.notice = Some(Notice::refusal(T::JobStopped, vec![])),
        }
    }

    /// Opens `record` on the first step not yet done; "Reopen the last
    /// count" remembers it unless it is a practice count or a training
    /// round.
    fn open_session(&mut self, record: Record) {
        // A training round is not the count to go back to.
        if !record.count().definition().practice && record.count().training().is_none() {
            self.settings.last_record = Some(record.path().to_path_buf());
        }
        if self.screen == Screen::Start {
            self.screen = crate::app::steps::opening_screen(record.count());
        }
        self.session = Some(Session::new(record));
    }

    /// Creates the recount record beside the original (`NAME-recount-N`)
    /// and opens it.
    fn start_recount(
        &mut self,
        authority: &str,
        reason: &str,
        mode: crate::domain::recount::RecountMode,
    ) -> anyhow::Result<()> {
        let Some(session) = &self.session else {
            return Ok(());
        };
        let authority = FreeText::parse("authority", authority)?;
        let reason = FreeText::parse("reason", reason)?;
        let path = crate::app::places::beside(session.record.path(), "recount");
        let record = Record::create_recount(
            &session.record,
            &path,
            &authority,
            &reason,
            mode,
            self.clock.as_ref(),
        )?;
        self.notice = Some(Notice::info(
            T::Created,
            vec![("path", text_arg(path.display()))],
        ));
        self.open_session(record);
        self.screen = Screen::Recount;
        Ok(())
    }

    /// Creates a training round of the open count's station beside it
    /// (`NAME-training-N`) and opens it.
    fn start_training(
        &mut self,
        cards: &str,
        seed: &str,
        mix: &str,
        trainer: &str,
    ) -> anyhow::Result<()> {
        use crate::domain::message::{Message, P};
        let Some(session) = &self.session else {
            return Ok(());
        };
        let number = |field: &'static str, text: &str| -> Result<u64, Message> {
            text.trim().parse::<u64>().map_err(|_| {
                Message::new(P::NotANumber)
                    .quoted("value", text.trim())
                    .at(field)
            })
        };
        let cards = number("cards", cards)?;
        let cards = u32::try_from(cards).map_err(|_| {
            Message::new(P::DeckSize)
                .num("value", cards)
                .num("max", u64::from(crate::domain::practice::MAX_CARDS))
                .at("cards")
        })?;
        let seed = if seed.trim().is_empty() {
            self.clock.now().unix_seconds().unsigned_abs()
        } else {
            number("seed", seed)?
        };
        let trainer = if trainer.trim().is_empty() {
            None
        } else {
            Some(FreeText::parse("trainer", trainer)?)
        };
        let mix = if mix.trim().is_empty() {
            crate::domain::practice::Mix::default()
        } else {
            crate::domain::practice::Mix::parse(mix).map_err(|m| m.at("mix"))?
        };
        let spec = crate::domain::training::TrainingSpec::new(seed, cards, &mix, trainer);
        let station = session.record.station().clone();
        spec.deck(station.definition())
            .map_err(|err| crate::domain::message::Explain::message(&err))?;
        let path = crate::app::places::beside(session.record.path(), "training");
        let record = Record::create_training(&path, station, spec, self.clock.as_ref())?;
        self.notice = Some(Notice::info(
            T::TrainingCreated,
            vec![("path", text_arg(path.display()))],
        ));
        self.open_session(record);
        self.screen = Screen::Training;
        Ok(())
    }

    fn new_count(&mut self, station: &Path, record: Option<PathBuf>) -> anyhow::Result<()> {
        let file = crate::shell::files::read_station(station)?;
        let path = match record {
            Some(path) => path,
            None => self.places.new_record_path(&file, self.clock.as_ref())?,
        };
        let record = Record::create(&path, file, self.clock.as_ref())?;
        self.notice = Some(Notice::info(
            T::Created,
            vec![("path", text_arg(path.display()))],
        ));
        self.open_session(record);
        Ok(())
    }
}

/// Writes the commune results where the Tabulation screen says, and its
/// PDF beside it. The person typed that path just now, so a file already
/// there is not replaced and no other name is picked behind their back:
/// they are asked for another name (unless the file already holds exactly
/// these results, when saving again is not an error). An input of the
/// tabulation is never replaced.
fn save_commune(
    commune: &crate::domain::tabulation::CommuneResults,
    inputs: &crate::shell::tabulate::Inputs,
    out: &Path,
) -> anyhow::Result<()> {
    use crate::domain::message::{Label, Message};
    use crate::shell::files::{Existing, Output};
    let read: Vec<PathBuf> = inputs
        .results
        .iter()
        .chain(&inputs.stations)
        .cloned()
        .collect();
    let pdf = out.with_extension("pdf");
    let output = |path| Output {
        path,
        field: "out",
        existing: Existing::KeepSame,
        inputs: &read,
    };
    crate::shell::tabulate::write_commune(commune, output(out), Some(output(&pdf))).map_err(|err| {
        match err.downcast::<Message>() {
            Ok(message) => message.labelled(Label::CommuneResultsFile).into(),
            Err(err) => err,
        }
    })
}

/// Writes copies A, B and C, the form with its annex, and the results file
/// beside the record; prints A, B and C with `printer` when given.
/// Printing that fails leaves the forms saved and says what to do. A file
/// of the same name that holds other bytes is never replaced: the new one
/// takes the next free name (see [`crate::shell::files::save_beside`]), and
/// the notice lists the names used.
fn save_forms(
    record: &Record,
    printer: Option<&crate::app::printing::Printer>,
    tr: crate::i18n::Tr,
) -> anyhow::Result<Notice> {
    let numerals = tr.numerals;
    let dir = record
        .path()
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let stem = record
        .path()
        .file_stem()
        .map_or_else(|| "count".to_string(), |s| s.to_string_lossy().into_owned());
    let doc = record.results()?;
    let criteria = &record.count().definition().criteria;
    let mut written = Vec::new();
    for copy in Copy::ALL {
        let path = dir.join(format!("{stem}-copy-{}.pdf", copy.letter()));
        written.push(save_beside(
            &path,
            &results_pdf(&doc, criteria, copy, numerals, None)?,
        )?);
    }
    let entries: Vec<_> = record
        .journal()?
        .into_iter()
        .map(|(_, body)| body)
        .collect();
    let annex = save_beside(
        &dir.join(format!("{stem}-annex.pdf")),
        &results_pdf_with_ballots(
            &doc,
            criteria,
            Copy::B,
            numerals,
            Some((&entries, record.count().ballots())),
        )?,
    )?;
    let results = save_beside(&dir.join(format!("{stem}-results.json")), &doc.to_bytes()?)?;
    let forms: Vec<PathBuf> = written.clone();
    written.push(annex);
    written.push(results);
    let list = written
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ");
    let Some(printer) = printer else {
        return Ok(Notice::info(T::SavedForms, vec![("paths", text_arg(list))]));
    };
    Ok(crate::app::printing::print(
        printer,
        &forms,
        text_arg(dir.display()),
    ))
}

/// Writes the comparison of the open, sealed recount beside its record.
fn save_comparison(comparison: Option<&Comparison>, record: &Path) -> anyhow::Result<String> {
    let Some(comparison) = comparison else {
        return Ok(String::new());
    };
    let json = save_beside(
        &record.with_extension("comparison.json"),
        &comparison.to_bytes()?,
    )?;
    let pdf = save_beside(
        &record.with_extension("comparison.pdf"),
        &crate::report::comparison_pdf(comparison)?,
    )?;
    Ok(format!("{}, {}", json.display(), pdf.display()))
}

/// Writes the trainer's report of the training round at `record` beside
/// it; the name it was saved under.
fn save_training_report(record: &Path) -> anyhow::Result<PathBuf> {
    let read = Record::open_read(record)?;
    let pdf = crate::shell::training::report_pdf(&read)?;
    save_beside(&record.with_extension("report.pdf"), &pdf)
}
