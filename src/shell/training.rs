//! A training round read back: the round a record holds, and its trainer's
//! report made from the record (for the CLI and the app).

use crate::domain::free_text::FreeText;
use crate::domain::message::{Message, P};
use crate::domain::practice::score;
use crate::domain::training::Training;
use crate::journal::event::Event;
use crate::store::Record;

/// The training round a record holds; a count is refused.
pub fn training_of(record: &Record) -> Result<&Training, Message> {
    record
        .count()
        .training()
        .ok_or_else(|| Message::new(P::NotATrainingRecord).text("path", record.path().display()))
}

/// The trainer's report of the round `record` holds, as PDF bytes.
pub fn report_pdf(record: &Record) -> anyhow::Result<Vec<u8>> {
    let training = training_of(record)?;
    let answers = training.answers();
    let scores = score(&training.deck, &answers);
    let journal = record.journal()?;
    let opened = journal
        .first()
        .map(|(_, body)| body.at)
        .unwrap_or_else(|| record.last_at());
    let last_answer = journal
        .iter()
        .rev()
        .find(|(_, body)| matches!(body.event, Event::TrainingAnswer { .. }))
        .map(|(_, body)| body.at);
    let zone = record.count().zone();
    let head = record.head();
    let report = crate::report::training::TrainingReport {
        definition: record.count().definition(),
        deck: &training.deck,
        answers: &answers,
        scores: &scores,
        trainer: training.spec.trainer.as_ref().map(FreeText::as_str),
        opened,
        last_answer,
        zone: &zone,
        definition_hash: &record.station().hash(),
        head: &head,
    };
    Ok(crate::report::training::training_pdf(&report)?)
}
