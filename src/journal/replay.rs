//! Replaying a journal: each stored entry is verified against the chain
//! (sequence, `prev_hash`, `hash`, canonical form, the station it binds) and
//! then folded into the count with the same rules that admitted it. Appending
//! uses the same [`check_event`] and [`apply_event`], so a record that was
//! written by polltally always replays, and a record that replays obeys the
//! rules (for a seal, the rules it was sealed under: see
//! [`check_stored_event`]).

use crate::domain::canonical::to_canonical;
use crate::domain::count::{Count, CountError};
use crate::domain::hash::Hash256;
use crate::domain::message::{Explain, Message, P};
use crate::domain::recount::Origin;
use crate::domain::seq::Seq;
use crate::domain::station::StationFile;
use crate::domain::time::Timestamp;
use crate::domain::training::TrainingError;
use crate::journal::entry::{EntryBody, StoredEntry, chain_hash};
use crate::journal::event::{Event, format_of};
use crate::journal::fast::read_plain_ruling;
use std::sync::Arc;

/// Why an event cannot be appended (or was wrongly appended).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EventError {
    Count(CountError),
    NotOpened(&'static str),
    OpenedAgain,
    WrongBinding {
        field: &'static str,
        found: String,
        expected: String,
    },
}

impl From<CountError> for EventError {
    fn from(err: CountError) -> EventError {
        EventError::Count(err)
    }
}

impl Explain for EventError {
    fn message(&self) -> Message {
        match self {
            EventError::Count(err) => err.message(),
            EventError::NotOpened(kind) => Message::new(P::NotOpened).text("kind", kind),
            EventError::OpenedAgain => Message::new(P::OpenedAgain),
            // The format is this program's, not the station file's.
            EventError::WrongBinding {
                field: "format",
                found,
                expected,
            } => Message::new(P::WrongFormat)
                .quoted("found", found)
                .quoted("expected", expected),
            EventError::WrongBinding {
                field,
                found,
                expected,
            } => Message::new(P::WrongBinding)
                .text("field", field)
                .quoted("found", found)
                .quoted("expected", expected),
        }
    }
}

/// The first broken entry of a chain, named by its seq.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainError {
    pub seq: Seq,
    pub problem: Message,
}

impl Explain for ChainError {
    fn message(&self) -> Message {
        Message::new(P::ChainEntry)
            .num("seq", self.seq.0)
            .message("problem", self.problem.clone())
    }
}

/// May `event` be the entry at `seq` of this count, appended now?
pub fn check_event(
    count: &Count,
    station: &StationFile,
    seq: Seq,
    event: &Event,
) -> Result<(), EventError> {
    if seq == Seq::FIRST {
        return match event {
            Event::Opened {
                format,
                election_id,
                station_code,
                definition_hash,
                app_version: _,
                recount,
                time_zone: _,
                training,
                checkpoint_every,
            } => {
                let def = station.definition();
                let bindings = [
                    (
                        "format",
                        format.clone(),
                        format_of(training.is_some()).to_string(),
                    ),
                    (
                        "election_id",
                        election_id.to_string(),
                        def.election.id.to_string(),
                    ),
                    (
                        "station_code",
                        station_code.to_string(),
                        def.station.code.to_string(),
                    ),
                    (
                        "definition_hash",
                        definition_hash.to_hex(),
                        station.hash().to_hex(),
                    ),
                ];
                for (field, found, expected) in bindings {
                    if found != expected {
                        return Err(EventError::WrongBinding {
                            field,
                            found,
                            expected,
                        });
                    }
                }
                count.check_opening(recount.as_ref())?;
                // The opening entry's interval governs the count (it was
                // the station file's when the count began, whatever the
                // default later); a training round shows none.
                if let Some(every) = checkpoint_every
                    && (training.is_some()
                        || *every == 0
                        || u64::from(*every) > crate::domain::limits::MAX_BALLOTS)
                {
                    return Err(EventError::WrongBinding {
                        field: "checkpoint_every",
                        found: every.to_string(),
                        expected: if training.is_some() {
                            "none".to_string()
                        } else {
                            format!("1-{}", crate::domain::limits::MAX_BALLOTS)
                        },
                    });
                }
                match training {
                    // A recount recounts a count, never a training round.
                    Some(_) if recount.is_some() => Err(CountError::Training(
                        TrainingError::OnlyTraining { kind: "recount" },
                    )
                    .into()),
                    Some(spec) => {
                        spec.deck(def).map_err(CountError::Training)?;
                        Ok(())
                    }
                    None => Ok(()),
                }
            }
            other => Err(EventError::NotOpened(other.kind())),
        };
    }
    training_gate(count, event)?;
    match event {
        Event::Opened { .. } => Err(EventError::OpenedAgain),
        Event::FiguresRecorded { figures } => Ok(count.check_figures(figures)?),
        Event::Ruling(ruling) => Ok(count.check_ruling(ruling)?),
        Event::Review {
            original_seq,
            ruling,
        } => Ok(count.check_review(*original_seq, ruling)?),
        Event::Void { ruling_seq, .. } => Ok(count.check_void(*ruling_seq)?),
        Event::PileCount { party, count: n } => Ok(count.check_pile(*party, *n)?),
        Event::Explanation { check, .. } => Ok(count.check_explanation(*check)?),
        Event::Dispute {
            ruling_seq,
            parties,
        } => Ok(count.check_dispute(*ruling_seq, parties)?),
        Event::PersonPresent(person) => Ok(count.check_person(person)?),
        Event::PresenceWithdrawn { person_seq, .. } => Ok(count.check_withdrawal(*person_seq)?),
        Event::Departed { person_seq, .. } => Ok(count.check_departure(*person_seq)?),
        Event::Complaint { by, ballot, .. } => Ok(count.check_complaint(*by, *ballot)?),
        Event::Sealed(seal) => Ok(count.check_new_seal(seal)?),
        Event::TrainingAnswer {
            member,
            card,
            verdict,
        } => Ok(count.check_answer(member, *card, verdict)?),
        Event::Checkpoint => Ok(count.check_checkpoint()?),
        Event::BookSerials { books } => Ok(count.check_book_serials(books)?),
    }
}

/// A training round holds only training answers, and a count none.
fn training_gate(count: &Count, event: &Event) -> Result<(), EventError> {
    let answer = matches!(event, Event::TrainingAnswer { .. });
    match (count.training().is_some(), answer) {
        (true, false) => {
            Err(CountError::Training(TrainingError::OnlyTraining { kind: event.kind() }).into())
        }
        (false, true) => Err(CountError::Training(TrainingError::NotTraining).into()),
        _ => Ok(()),
    }
}

/// May `event`, read from a stored journal, be the entry at `seq`? The
/// rules of [`check_event`], but a seal is held only to the rules every
/// seal ever written obeys ([`Count::check_seal`]): the rules for who signs
/// ([`Count::check_new_seal`]) came after the first records were sealed, and
/// those records must still replay as they were sealed.
pub fn check_stored_event(
    count: &Count,
    station: &StationFile,
    seq: Seq,
    event: &Event,
) -> Result<(), EventError> {
    if seq != Seq::FIRST
        && let Event::Sealed(seal) = event
    {
        training_gate(count, event)?;
        return Ok(count.check_seal(seal)?);
    }
    check_event(count, station, seq, event)
}

/// Folds an event that [`check_event`] admitted into the count.
pub fn apply_event(count: &mut Count, seq: Seq, event: Event) {
    match event {
        Event::Opened {
            recount,
            time_zone,
            training,
            checkpoint_every,
            ..
        } => {
            count.apply_opening(seq, recount);
            count.apply_recorded_zone(time_zone);
            count.apply_checkpoint_every(checkpoint_every);
            if let Some(spec) = training {
                count.apply_training(*spec);
            }
        }
        Event::FiguresRecorded { figures } => count.apply_figures(seq, &figures),
        Event::BookSerials { books } => count.apply_book_serials(seq, &books),
        Event::Ruling(ruling) => count.apply_ruling(seq, ruling),
        Event::Review {
            original_seq,
            ruling,
        } => count.apply_review(seq, original_seq, ruling),
        Event::Void { ruling_seq, .. } => count.apply_void(seq, ruling_seq),
        Event::PileCount { party, count: n } => count.apply_pile(seq, party, n),
        Event::Explanation { check, text } => count.apply_explanation(seq, check, text),
        Event::Dispute {
            ruling_seq,
            parties,
        } => count.apply_dispute(seq, ruling_seq, &parties),
        Event::PersonPresent(person) => count.apply_person(seq, person),
        Event::PresenceWithdrawn { person_seq, .. } => count.apply_withdrawal(seq, person_seq),
        Event::Departed { person_seq, reason } => count.apply_departure(seq, person_seq, reason),
        Event::Complaint { by, text, ballot } => count.apply_complaint(seq, by, text, ballot),
        Event::Sealed(seal) => count.apply_seal(seq, seal),
        Event::TrainingAnswer {
            member,
            card,
            verdict,
        } => count.apply_answer(seq, &member, card, verdict),
        Event::Checkpoint => count.apply_checkpoint(seq),
    }
}

/// A journal being replayed, entry by entry.
pub struct Replay {
    station: StationFile,
    count: Count,
    head: Hash256,
    /// Bytes written back by the reading of plain rulings, reused.
    scratch: Vec<u8>,
}

/// A fully replayed journal.
#[derive(Debug)]
pub struct Replayed {
    pub count: Count,
    /// The hash of the last entry.
    pub head: Hash256,
}

impl Replay {
    pub fn new(station: StationFile) -> Replay {
        Replay::with_origin(station, None)
    }

    /// A replay of a recount of `origin` (or of a first count, with none).
    pub fn with_origin(station: StationFile, origin: Option<Arc<Origin>>) -> Replay {
        let def = Arc::new(station.definition().clone());
        let count = match origin {
            Some(origin) => Count::for_recount(def, origin),
            None => Count::new(def),
        };
        Replay {
            station,
            count,
            head: Hash256::ZERO,
            scratch: Vec::new(),
        }
    }

    /// Verifies the next stored entry and folds it in; returns when it was
    /// recorded.
    pub fn push(&mut self, stored: &StoredEntry) -> Result<Timestamp, ChainError> {
        let expected = self.count.next_seq();
        let fail = |seq: Seq, problem: Message| Err(ChainError { seq, problem });
        if stored.seq != expected {
            return if stored.seq > expected {
                fail(
                    expected,
                    Message::new(P::EntryMissing).num("next", stored.seq.0),
                )
            } else {
                fail(
                    stored.seq,
                    Message::new(P::OutOfOrder).num("expected", expected.0),
                )
            };
        }
        if stored.prev_hash != self.head {
            let what = if expected == Seq::FIRST {
                Message::new(P::FirstPrevHash)
            } else {
                Message::new(P::PrevHash).num("seq", self.count.last_seq().0)
            };
            return fail(expected, what);
        }
        if chain_hash(stored.prev_hash, &stored.canonical) != stored.hash {
            return fail(expected, Message::new(P::EntryChanged));
        }
        let body = match read_plain_ruling(&stored.canonical, &mut self.scratch) {
            Some(body) => body,
            None => {
                let body: EntryBody = match serde_json::from_slice(&stored.canonical) {
                    Ok(body) => body,
                    Err(err) => {
                        return fail(
                            expected,
                            Message::new(P::EntryUnreadable).text("detail", err),
                        );
                    }
                };
                if to_canonical(&body).ok().as_deref() != Some(&stored.canonical[..]) {
                    return fail(expected, Message::new(P::EntryNotCanonical));
                }
                body
            }
        };
        if body.seq != expected {
            return fail(expected, Message::new(P::EntrySeq).num("seq", body.seq.0));
        }
        if let Err(err) = check_stored_event(&self.count, &self.station, expected, &body.event) {
            return fail(
                expected,
                Message::new(P::EntryBreaksRules).message("problem", err.message()),
            );
        }
        apply_event(&mut self.count, expected, body.event);
        self.count.note_entry(expected, stored.hash, body.at);
        self.head = stored.hash;
        Ok(body.at)
    }

    /// Ends the replay; a journal without its opening entry is broken.
    pub fn finish(self) -> Result<Replayed, ChainError> {
        if self.count.last_seq() == Seq(0) {
            return Err(ChainError {
                seq: Seq::FIRST,
                problem: Message::new(P::JournalEmpty),
            });
        }
        Ok(Replayed {
            count: self.count,
            head: self.head,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::criteria::CriterionCode;
    use crate::domain::party::PartyNumber;
    use crate::domain::ruling::{Ruling, Verdict};
    use crate::domain::time::Timestamp;
    use crate::domain::zone::Zone;
    use crate::journal::event::RECORD_FORMAT;

    fn station() -> StationFile {
        StationFile::parse(include_bytes!("../../tests/fixtures/station-small.json").to_vec())
            .unwrap()
    }

    fn opened(station: &StationFile) -> Event {
        Event::Opened {
            format: RECORD_FORMAT.into(),
            election_id: station.definition().election.id.clone(),
            station_code: station.definition().station.code.clone(),
            definition_hash: station.hash(),
            app_version: "test".into(),
            recount: None,
            time_zone: None,
            training: None,
            checkpoint_every: None,
        }
    }

    fn vote(party: u32) -> Event {
        Event::Ruling(Ruling {
            verdict: Verdict::Valid {
                party: PartyNumber(party),
                criterion: CriterionCode::parse("V1").unwrap(),
            },
            disputed_by: vec![],
            note: None,
        })
    }

    fn chain(events: Vec<Event>) -> Vec<StoredEntry> {
        let mut prev = Hash256::ZERO;
        events
            .into_iter()
            .enumerate()
            .map(|(i, event)| {
                let body = EntryBody {
                    seq: Seq(i as u64 + 1),
                    at: Timestamp::from_unix_seconds(0),
                    event,
                    clock: vec![],
                };
                let stored = StoredEntry::new(prev, &body).unwrap();
                prev = stored.hash;
                stored
            })
            .collect()
    }

    fn replay(entries: &[StoredEntry]) -> Result<Replayed, ChainError> {
        let mut r = Replay::new(station());
        for e in entries {
            r.push(e)?;
        }
        r.finish()
    }

    fn training_opened(station: &StationFile) -> Event {
        let mut e = opened(station);
        if let Event::Opened {
            training, format, ..
        } = &mut e
        {
            *format = crate::journal::event::TRAINING_FORMAT.into();
            *training = Some(Box::new(crate::domain::training::TrainingSpec::new(
                5,
                4,
                &crate::domain::practice::Mix(vec![(crate::domain::practice::MarkKind::Tick, 1)]),
                None,
            )));
        }
        e
    }

    fn answer(card: u32) -> Event {
        Event::TrainingAnswer {
            member: crate::domain::free_text::FreeText::parse("member", "Sok").unwrap(),
            card,
            verdict: Verdict::Invalid {
                criterion: CriterionCode::parse("I2").unwrap(),
            },
        }
    }

    #[test]
    fn a_training_round_replays_its_answers_and_nothing_of_a_count() {
        let s = station();
        let done = replay(&chain(vec![training_opened(&s), answer(1), answer(4)])).unwrap();
        let training = done.count.training().unwrap();
        assert_eq!(training.deck.cards.len(), 4);
        assert_eq!(training.members()[0].ruled(), 2);
        // A ruling written into a training round (by hand, or by another
        // program) breaks the chain at its entry.
        let err = replay(&chain(vec![training_opened(&s), answer(1), vote(1)])).unwrap_err();
        assert_eq!(err.seq, Seq(3));
        assert!(err.to_string().contains("TRAINING"), "{err}");
        // And an answer written into a count.
        let err = replay(&chain(vec![opened(&s), vote(1), answer(1)])).unwrap_err();
        assert_eq!(err.seq, Seq(3));
        // A training round must say so in its format, and a count must not.
        let mut unmarked = training_opened(&s);
        if let Event::Opened { format, .. } = &mut unmarked {
            *format = RECORD_FORMAT.into();
        }
        let err = replay(&chain(vec![unmarked])).unwrap_err();
        assert_eq!(err.seq, Seq(1));
        assert!(
            err.to_string().contains(
                "the record's format is \"polltally-record/1\"; with what it opens, it must be \"polltally-training/1\""
            ),
            "{err}"
        );
        // A card the deck does not have.
        let err = replay(&chain(vec![training_opened(&s), answer(5)])).unwrap_err();
        assert_eq!(err.seq, Seq(2));
    }

    #[test]
    fn a_good_chain_replays_into_the_tally() {
        let s = station();
        let entries = chain(vec![opened(&s), vote(1), vote(2), vote(2)]);
        let done = replay(&entries).unwrap();
        assert_eq!(done.count.tally().votes_for(PartyNumber(2)), 2);
        assert_eq!(done.head, entries[3].hash);
    }

    #[test]
    fn the_first_entry_must_bind_this_station() {
        let s = station();
        let mut bad = opened(&s);
        if let Event::Opened {
            definition_hash, ..
        } = &mut bad
        {
            *definition_hash = Hash256::of(b"another file");
        }
        let err = replay(&chain(vec![bad])).unwrap_err();
        assert_eq!(err.seq, Seq(1));
        assert!(
            err.problem.to_string().contains("opens definition_hash"),
            "{err}"
        );
        let err = replay(&chain(vec![vote(1)])).unwrap_err();
        assert!(err.to_string().contains("must open the record"), "{err}");
        let err = replay(&chain(vec![opened(&s), opened(&s)])).unwrap_err();
        assert_eq!(
            err.to_string(),
            "entry 2: breaks the rules of a count: only the first entry may open the record"
        );
    }

    #[test]
    fn an_entry_that_breaks_the_rules_is_named() {
        let s = station();
        let err = replay(&chain(vec![opened(&s), vote(9)])).unwrap_err();
        assert_eq!(err.seq, Seq(2));
        assert!(
            err.problem
                .to_string()
                .contains("party: 9 is not on this station's ballot"),
            "{err}"
        );
    }

    #[test]
    fn non_canonical_bytes_are_refused_even_with_a_correct_hash() {
        let s = station();
        let mut entries = chain(vec![opened(&s), vote(1)]);
        let mut text = String::from_utf8(entries[1].canonical.clone()).unwrap();
        text.insert(1, ' ');
        entries[1].canonical = text.into_bytes();
        entries[1].hash = chain_hash(entries[1].prev_hash, &entries[1].canonical);
        assert_eq!(
            replay(&entries).unwrap_err().to_string(),
            "entry 2: is not in canonical form"
        );
    }

    #[test]
    fn a_record_made_before_zones_were_recorded_replays_in_utc() {
        let s = station();
        let entries = chain(vec![opened(&s), vote(1)]);
        // The opening entry as polltally wrote it before: no zone, no notes.
        let text = String::from_utf8(entries[0].canonical.clone()).unwrap();
        assert!(
            !text.contains("time_zone") && !text.contains("clock"),
            "{text}"
        );
        let done = replay(&entries).unwrap();
        assert_eq!(done.count.known_zone(), None);
        assert_eq!(done.count.zone(), Zone::utc());
        // One that recorded the laptop's zone is read in it.
        let mut zoned = opened(&s);
        if let Event::Opened { time_zone, .. } = &mut zoned {
            *time_zone = Some(Zone::parse("Asia/Phnom_Penh").unwrap());
        }
        let done = replay(&chain(vec![zoned, vote(1)])).unwrap();
        assert_eq!(done.count.zone().name(), "Asia/Phnom_Penh");
    }

    #[test]
    fn an_empty_journal_is_broken() {
        assert_eq!(
            replay(&[]).unwrap_err().to_string(),
            "entry 1: missing (the journal is empty)"
        );
    }
}
