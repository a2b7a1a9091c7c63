//! Everything that can happen to a count, as data. Each variant is written
//! to the journal as canonical JSON with a `type` tag; nothing is ever
//! changed or removed, a mistake is undone by a later event.

use crate::domain::ballot::BallotNumber;
use crate::domain::free_text::FreeText;
use crate::domain::hash::Hash256;
use crate::domain::identifier::{ElectionId, StationCode};
use crate::domain::party::PartyNumber;
use crate::domain::person::Person;
use crate::domain::reconciliation::{CheckName, Figure};
use crate::domain::recount::RecountBinding;
use crate::domain::ruling::{Ruling, Verdict};
use crate::domain::seal::Seal;
use crate::domain::seq::Seq;
use crate::domain::serials::BookUse;
use crate::domain::training::TrainingSpec;
use crate::domain::zone::Zone;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The format a count record's first entry binds.
pub const RECORD_FORMAT: &str = "polltally-record/1";

/// The format a training round's first entry binds: a program that reads
/// only counts refuses it by its format, not as a damaged count.
pub const TRAINING_FORMAT: &str = "polltally-training/1";

/// The format of a record opened with (or without) a training round.
pub fn format_of(training: bool) -> &'static str {
    if training {
        TRAINING_FORMAT
    } else {
        RECORD_FORMAT
    }
}

/// One event in the journal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Event {
    /// The first entry: binds the record to a station file.
    Opened {
        format: String,
        election_id: ElectionId,
        station_code: StationCode,
        definition_hash: Hash256,
        app_version: String,
        /// For a recount: the sealed original it recounts, and by whose order.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        recount: Option<RecountBinding>,
        /// The laptop's time zone at opening, when the station file names
        /// none (a recount keeps its original's): every local time and the
        /// complaint deadline of this count follow it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        time_zone: Option<Zone>,

        /// For a training round: the deck its members rule. A record
        /// opened with one is never a count.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        training: Option<Box<TrainingSpec>>,
        /// Every how many rulings the counting screen shows a checkpoint:
        /// the station file's, as this count follows it (none in records
        /// opened before checkpoints, which have none).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        checkpoint_every: Option<u32>,
    },
    /// One or more reconciliation figures, as counted; a later value of a
    /// figure replaces an earlier one.
    FiguresRecorded { figures: BTreeMap<Figure, u64> },
    /// A ballot ruled valid for a party or invalid under a criterion.
    Ruling(Ruling),
    /// In a review recount: the ballot the original ruled at
    /// `original_seq`, ruled again.
    Review { original_seq: Seq, ruling: Ruling },
    /// Takes back the ruling at `ruling_seq`, with the reason.
    Void { ruling_seq: Seq, reason: FreeText },
    /// The number of ballots in a party's pile, counted after ruling.
    PileCount { party: PartyNumber, count: u64 },
    /// The commission's written explanation for a check.
    Explanation { check: CheckName, text: FreeText },
    /// Party agents dispute the ruling at `ruling_seq` after it was recorded.
    Dispute {
        ruling_seq: Seq,
        parties: Vec<PartyNumber>,
    },
    /// A person present at the count.
    PersonPresent(Person),
    /// Takes back the presence entry at `person_seq` as a mistake, with the
    /// reason (a person who leaves is [`Event::Departed`]).
    PresenceWithdrawn { person_seq: Seq, reason: FreeText },
    /// The person recorded present at `person_seq` left the count (asked
    /// to leave, or on their own), with the reason given.
    Departed { person_seq: Seq, reason: FreeText },
    /// A complaint lodged during the count by the party agent or observer
    /// recorded present at `by`, about ballot `ballot` when it concerns one.
    Complaint {
        by: Seq,
        text: FreeText,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        ballot: Option<BallotNumber>,
    },
    /// The chief seals the count; nothing can follow.
    Sealed(Seal),
    /// A checkpoint asked for (a key or `polltally checkpoint`): the
    /// journal with this entry, shown for party agents to write down.
    Checkpoint,
    /// In a training round: how `member` ruled card `card` of the deck (a
    /// later answer to the same card replaces this one).
    TrainingAnswer {
        member: FreeText,
        card: u32,
        verdict: Verdict,
    },
    /// Per ballot book of the station file, how much of it was used: the
    /// serial of its first unused ballot, or that it is unused or used up.
    /// A later use of a book replaces an earlier one.
    BookSerials { books: BTreeMap<String, BookUse> },
}

impl Event {
    /// The `type` tag, for messages and listings.
    pub fn kind(&self) -> &'static str {
        match self {
            Event::Opened { .. } => "opened",
            Event::FiguresRecorded { .. } => "figures_recorded",
            Event::Ruling(_) => "ruling",
            Event::Review { .. } => "review",
            Event::Void { .. } => "void",
            Event::PileCount { .. } => "pile_count",
            Event::Explanation { .. } => "explanation",
            Event::Dispute { .. } => "dispute",
            Event::PersonPresent(_) => "person_present",
            Event::PresenceWithdrawn { .. } => "presence_withdrawn",
            Event::Departed { .. } => "departed",
            Event::Complaint { .. } => "complaint",
            Event::Sealed(_) => "sealed",
            Event::TrainingAnswer { .. } => "training_answer",
            Event::Checkpoint => "checkpoint",
            Event::BookSerials { .. } => "book_serials",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::criteria::CriterionCode;

    #[test]
    fn a_ruling_event_is_flat_with_its_type_tag() {
        let e = Event::Ruling(Ruling {
            verdict: Verdict::Invalid {
                criterion: CriterionCode::parse("I2").unwrap(),
            },
            disputed_by: vec![PartyNumber(5)],
            note: None,
        });
        let json = serde_json::to_string(&e).unwrap();
        assert_eq!(
            json,
            r#"{"type":"ruling","verdict":{"kind":"invalid","criterion":"I2"},"disputed_by":[5]}"#
        );
        assert_eq!(serde_json::from_str::<Event>(&json).unwrap(), e);
    }

    #[test]
    fn unknown_fields_and_types_are_refused() {
        assert!(
            serde_json::from_str::<Event>(
                r#"{"type":"void","ruling_seq":3,"reason":"x","extra":1}"#
            )
            .is_err()
        );
        assert!(serde_json::from_str::<Event>(r#"{"type":"erase","seq":3}"#).is_err());
        assert!(
            serde_json::from_str::<Event>(
                r#"{"type":"ruling","verdict":{"kind":"invalid","criterion":"I2"},"x":1}"#
            )
            .is_err()
        );
    }

    #[test]
    fn book_serials_serialize_by_book() {
        let books = BTreeMap::from([
            ("B-1801".to_string(), BookUse::UsedUp),
            ("B-1806".to_string(), BookUse::FirstUnused(180557)),
            ("B-1807".to_string(), BookUse::Unused),
        ]);
        let e = Event::BookSerials { books };
        let json = serde_json::to_string(&e).unwrap();
        assert_eq!(
            json,
            r#"{"type":"book_serials","books":{"B-1801":"used_up","B-1806":{"first_unused":180557},"B-1807":"unused"}}"#
        );
        assert_eq!(serde_json::from_str::<Event>(&json).unwrap(), e);
    }

    #[test]
    fn departures_and_complaints_serialize_flat() {
        let reason = FreeText::parse("reason", "asked to leave by the chief").unwrap();
        let e = Event::Departed {
            person_seq: Seq(4),
            reason,
        };
        let json = serde_json::to_string(&e).unwrap();
        assert_eq!(
            json,
            r#"{"type":"departed","person_seq":4,"reason":"asked to leave by the chief"}"#
        );
        assert_eq!(serde_json::from_str::<Event>(&json).unwrap(), e);
        let text = FreeText::parse("text", "mark outside the box").unwrap();
        let e = Event::Complaint {
            by: Seq(5),
            text,
            ballot: Some(BallotNumber(42)),
        };
        let json = serde_json::to_string(&e).unwrap();
        assert_eq!(
            json,
            r#"{"type":"complaint","by":5,"text":"mark outside the box","ballot":42}"#
        );
        assert_eq!(serde_json::from_str::<Event>(&json).unwrap(), e);
        let json = r#"{"type":"complaint","by":5,"text":"x"}"#;
        assert!(matches!(
            serde_json::from_str::<Event>(json).unwrap(),
            Event::Complaint { ballot: None, .. }
        ));
    }

    #[test]
    fn figures_serialize_by_key() {
        let mut figures = BTreeMap::new();
        figures.insert(Figure::VotersMarked, 310);
        figures.insert(Figure::InBox, 316);
        let json = serde_json::to_string(&Event::FiguresRecorded { figures }).unwrap();
        assert_eq!(
            json,
            r#"{"type":"figures_recorded","figures":{"voters_marked":310,"in_box":316}}"#
        );
    }
}
