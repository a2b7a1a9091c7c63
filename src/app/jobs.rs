//! Work that would hold up the screen runs on its own thread: rendering,
//! saving and printing the forms, the comparison report, tabulating a
//! commune, verifying a results file, and the system's file dialogs. A job
//! only reads the count record (through its own connection) and writes
//! files beside it; appending to the record, a ruling or the seal, stays on
//! the UI thread. Its outcome comes back over a channel and the app applies
//! it at the start of a frame, as it applies the screens' commands.

use crate::app::start::FileChoice;
use crate::domain::tabulation::CommuneResults;
use crate::i18n::T;
use crate::shell::verify::Verified;
use eframe::egui;
use std::path::PathBuf;
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// What a job in flight is doing: the busy line says it, and the buttons
/// that would start another job wait for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Job {
    SaveForms,
    PrintForms,
    SaveComparison,
    Tabulate,
    Verify,
    ChooseFile,
}

impl Job {
    /// The busy line's text.
    pub fn busy_text(self) -> T {
        match self {
            Job::SaveForms => T::BusySavingForms,
            Job::PrintForms => T::BusyPrintingForms,
            Job::SaveComparison => T::BusySavingComparison,
            Job::Tabulate => T::BusyTabulating,
            Job::Verify => T::BusyVerifying,
            Job::ChooseFile => T::BusyChoosingFile,
        }
    }
}

/// What a job hands back to the app.
#[derive(Debug)]
pub enum Outcome {
    /// The notice of the work (what was saved or printed, or what to do
    /// about it), or why it failed.
    Notice(anyhow::Result<crate::app::Notice>),
    /// The commune results for the tabulation screen (boxed: they are
    /// large beside the other outcomes).
    Tabulated(Box<anyhow::Result<CommuneResults>>),
    /// The verdict for the verify screen.
    Verified(anyhow::Result<Verified>),
    /// The file chosen in the system's dialog; `None` if cancelled or no
    /// dialog could open.
    Chosen(FileChoice, Option<PathBuf>),
    /// The job ended without an outcome (its thread stopped).
    Stopped,
}

/// A job on its own thread.
struct Running {
    job: Job,
    receiver: mpsc::Receiver<Outcome>,
    /// Its outcome, once received.
    outcome: Option<Outcome>,
    /// Whether a frame has shown it as busy: every job is on screen for at
    /// least one frame, so that a click always shows that it was taken.
    shown: bool,
}

impl Running {
    /// Takes the outcome from the channel if it has arrived.
    fn receive(&mut self, timeout: Duration) {
        if self.outcome.is_some() {
            return;
        }
        self.outcome = match self.receiver.recv_timeout(timeout) {
            Ok(outcome) => Some(outcome),
            Err(mpsc::RecvTimeoutError::Timeout) => None,
            Err(mpsc::RecvTimeoutError::Disconnected) => Some(Outcome::Stopped),
        };
    }
}

/// The jobs in flight.
#[derive(Default)]
pub struct Jobs {
    running: Vec<Running>,
    /// Woken when a job finishes, so that its outcome is shown without
    /// waiting for input.
    repaint: Option<egui::Context>,
}

impl Jobs {
    /// The first job in flight, if any.
    pub fn busy(&self) -> Option<Job> {
        self.running.first().map(|r| r.job)
    }

    /// Every job in flight, oldest first.
    pub fn in_flight(&self) -> impl Iterator<Item = Job> + '_ {
        self.running.iter().map(|r| r.job)
    }

    /// Runs `work` on a new thread.
    pub fn start(
        &mut self,
        job: Job,
        work: impl FnOnce() -> Outcome + Send + 'static,
    ) -> std::io::Result<()> {
        let (sender, receiver) = mpsc::channel();
        let repaint = self.repaint.clone();
        std::thread::Builder::new()
            .name(format!("polltally {job:?}"))
            .spawn(move || {
                // The app may have closed in the meantime: nobody to tell.
                let _ = sender.send(work());
                if let Some(ctx) = repaint {
                    ctx.request_repaint();
                }
            })?;
        self.running.push(Running {
            job,
            receiver,
            outcome: None,
            shown: false,
        });
        Ok(())
    }

    /// The context to wake when a job finishes.
    pub fn set_repaint(&mut self, ctx: &egui::Context) {
        if self.repaint.is_none() {
            self.repaint = Some(ctx.clone());
        }
    }

    /// Notes that the jobs in flight have been drawn as busy.
    pub fn mark_shown(&mut self) {
        for running in &mut self.running {
            running.shown = true;
        }
    }

    /// The outcomes of the jobs that have finished and have been shown as
    /// busy, oldest first; those jobs are done.
    pub fn finished(&mut self) -> Vec<Outcome> {
        let mut outcomes = Vec::new();
        let mut still = Vec::new();
        for mut running in std::mem::take(&mut self.running) {
            running.receive(Duration::ZERO);
            match running.outcome.take() {
                Some(outcome) if running.shown => outcomes.push(outcome),
                outcome => {
                    running.outcome = outcome;
                    still.push(running);
                }
            }
        }
        self.running = still;
        outcomes
    }

    /// Waits until every job in flight has its outcome, or until `timeout`
    /// has passed; true if none is left waiting. The outcomes are applied
    /// by the next frame. For a caller that steps frames itself (tests).
    pub fn wait(&mut self, timeout: Duration) -> bool {
        let deadline = Instant::now() + timeout;
        for running in &mut self.running {
            running.receive(deadline.saturating_duration_since(Instant::now()));
        }
        self.running.iter().all(|r| r.outcome.is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn released() -> crate::app::Notice {
        crate::app::Notice::info(crate::i18n::T::SavedForms, vec![])
    }

    #[test]
    fn a_job_runs_on_its_own_thread_and_is_shown_busy_before_its_outcome() {
        let (release, gate) = mpsc::channel::<()>();
        let mut jobs = Jobs::default();
        jobs.start(Job::SaveForms, move || {
            // Run on the caller's thread, this would wait in vain for the
            // release below and answer `Stopped`.
            match gate.recv_timeout(Duration::from_secs(10)) {
                Ok(()) => Outcome::Notice(Ok(released())),
                Err(_) => Outcome::Stopped,
            }
        })
        .unwrap();
        assert_eq!(jobs.busy(), Some(Job::SaveForms));
        assert!(jobs.finished().is_empty());
        release.send(()).unwrap();
        assert!(jobs.wait(Duration::from_secs(10)));
        assert!(jobs.finished().is_empty(), "not yet shown as busy");
        jobs.mark_shown();
        let outcomes = jobs.finished();
        assert!(
            matches!(outcomes.as_slice(), [Outcome::Notice(Ok(notice))] if *notice == released()),
            "{outcomes:?}"
        );
        assert_eq!(jobs.busy(), None);
    }

    #[test]
    fn a_job_whose_thread_stops_reports_that_it_stopped() {
        let mut jobs = Jobs::default();
        jobs.start(Job::Tabulate, || panic!("stopped on purpose"))
            .unwrap();
        assert!(jobs.wait(Duration::from_secs(10)));
        jobs.mark_shown();
        assert!(matches!(jobs.finished().as_slice(), [Outcome::Stopped]));
    }

    #[test]
    fn jobs_finish_in_any_order_and_each_outcome_arrives_once() {
        let mut jobs = Jobs::default();
        let (release, gate) = mpsc::channel::<()>();
        jobs.start(Job::ChooseFile, || {
            Outcome::Chosen(FileChoice::Station, None)
        })
        .unwrap();
        jobs.start(Job::Verify, move || {
            let _ = gate.recv_timeout(Duration::from_secs(10));
            Outcome::Chosen(FileChoice::Record, None)
        })
        .unwrap();
        assert_eq!(
            jobs.in_flight().collect::<Vec<_>>(),
            [Job::ChooseFile, Job::Verify]
        );
        jobs.mark_shown();
        // The first answers at once; the second waits for its release.
        assert!(!jobs.wait(Duration::from_secs(2)));
        let first = jobs.finished();
        assert!(matches!(
            first.as_slice(),
            [Outcome::Chosen(FileChoice::Station, None)]
        ));
        assert_eq!(jobs.busy(), Some(Job::Verify));
        release.send(()).unwrap();
        assert!(jobs.wait(Duration::from_secs(10)));
        assert!(matches!(
            jobs.finished().as_slice(),
            [Outcome::Chosen(FileChoice::Record, None)]
        ));
        assert!(jobs.finished().is_empty());
    }
}
