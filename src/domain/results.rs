//! The results document (`polltally-results/1`): everything a sealed count
//! decided, as canonical JSON (RFC 8785). Its SHA-256 is the results hash,
//! printed on every form with a short code that a person can type back.

use crate::domain::count::Count;
use crate::domain::free_text::FreeText;
use crate::domain::hash::Hash256;
use crate::domain::identifier::{CommuneCode, ElectionId, StationCode};
use crate::domain::limits::{
    MAX_BALLOTS, MAX_COMPLAINT_DAYS, MAX_COUNT, MAX_PARTIES, MAX_SEATS, checked_sum,
    difference_text, signed,
};
use crate::domain::message::{Explain, Message, P};
use crate::domain::party::PartyNumber;
use crate::domain::person::{Person, Role};
use crate::domain::reconciliation::{
    Check, CheckName, CheckNumbers, CheckStatus, Figure, Figures, check_status,
};
use crate::domain::recount::RecountBinding;
use crate::domain::seal::{RefusalToSign, Seal, Signature, check_required_signers};
use crate::domain::seq::Seq;
use crate::domain::serials::{SerialsPart, SerialsProblem};
use crate::domain::station::StationFile;
use crate::domain::text::LocalizedText;
use crate::domain::time::Timestamp;
use crate::domain::zone::{Deadline, Zone};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// The `format` of every results document this version writes.
pub const RESULTS_FORMAT: &str = "polltally-results/1";

/// The marking of a practice count, in every document and on every page.
pub const PRACTICE_NOTICE: &str = "PRACTICE - NOT AN OFFICIAL RESULT";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ElectionPart {
    pub id: ElectionId,
    pub name: LocalizedText,
    pub date: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StationPart {
    pub code: StationCode,
    pub name: LocalizedText,
    pub commune_code: CommuneCode,
    pub commune: LocalizedText,
    pub district: LocalizedText,
    pub province: LocalizedText,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartyPart {
    pub number: u32,
    pub abbreviation: String,
    pub name: LocalizedText,
}

/// Every figure, counted and derived.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FiguresPart {
    pub received: u64,
    pub unused: u64,
    pub spoiled: u64,
    pub issued: i64,
    pub voters_marked: u64,
    pub supplementary: u64,
    pub temporary_id: u64,
    pub in_box: u64,
    pub valid: u64,
    pub invalid: u64,
}

/// A check as the document states it. In the file the status is two
/// fields, its word and its difference (`"status": "differs",
/// "difference": 3`), read together into one [`CheckStatus`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "CheckWire", into = "CheckWire")]
pub struct CheckPart {
    pub name: CheckName,
    pub status: CheckStatus,
    pub explanation: Option<FreeText>,
}

/// A check exactly as the file spells it.
#[derive(Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct CheckWire {
    name: CheckName,
    status: String,
    difference: Option<i64>,
    explanation: Option<FreeText>,
}

impl CheckPart {
    /// A check of the count as documents and `show --json` write it.
    pub fn of(check: Check) -> CheckPart {
        CheckPart {
            name: check.name,
            status: check.status,
            explanation: check.explanation,
        }
    }
}

impl TryFrom<CheckWire> for CheckPart {
    type Error = String;

    fn try_from(wire: CheckWire) -> Result<CheckPart, String> {
        let Some(status) = CheckStatus::from_parts(&wire.status, wire.difference) else {
            return Err(format!(
                "checks.{}: {:?} with difference {:?} is not a check status \
                 (holds 0, differs other than 0, pending null)",
                wire.name, wire.status, wire.difference
            ));
        };
        Ok(CheckPart {
            name: wire.name,
            status,
            explanation: wire.explanation,
        })
    }
}

impl From<CheckPart> for CheckWire {
    fn from(part: CheckPart) -> CheckWire {
        CheckWire {
            name: part.name,
            status: part.status.word().to_string(),
            difference: part.status.difference(),
            explanation: part.explanation,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JournalPart {
    pub entries: u64,
    pub head_hash: Hash256,
}

/// The results document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResultsDocument {
    pub format: String,
    pub practice: bool,
    /// `PRACTICE - NOT AN OFFICIAL RESULT` on a practice count, else null.
    pub notice: Option<String>,
    pub app_version: String,
    pub election: ElectionPart,
    pub station: StationPart,
    pub definition_hash: Hash256,
    pub registered_voters: u64,
    pub ballots_in_books: u64,
    pub council_seats: u32,
    pub parties: Vec<PartyPart>,
    pub figures: FiguresPart,
    /// Party number (as a string) -> valid votes; every party present.
    pub votes: BTreeMap<String, u64>,
    /// Invalid criterion code -> ballots; every invalid code present.
    pub invalid: BTreeMap<String, u64>,
    /// Valid criterion code -> ballots; every valid code present.
    pub valid_by_criterion: BTreeMap<String, u64>,
    pub disputed: u64,
    pub voided: u64,
    pub pile_counts: BTreeMap<String, u64>,
    pub checks: Vec<CheckPart>,
    pub people_present: Vec<Person>,
    pub signed: Vec<Signature>,
    pub refused: Vec<RefusalToSign>,
    pub sealed_at: Timestamp,
    pub complaint_days: u32,
    /// The last day to file a complaint: the local date of sealing +
    /// `complaint_days` (in UTC dates when the record knows no zone).
    pub complaint_deadline: String,
    /// The instant the complaint deadline ends: the last second of its
    /// local date (absent when the record knows no zone).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub complaint_deadline_ends: Option<Timestamp>,
    /// The station's time zone, in which people read every time of this
    /// count (absent for a record made before polltally recorded one: UTC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<Zone>,
    pub journal: JournalPart,
    /// Every station code of the commune, when the station file lists them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commune_stations: Option<Vec<StationCode>>,
    /// For a recount: the original's results hash, the authority, the reason
    /// and the mode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recount: Option<RecountBinding>,
    /// Every ballot book with the serials used, once any book's serial is
    /// recorded (absent otherwise, as in documents made before serials).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub serials: Option<SerialsPart>,
    /// The checkpoints shown during the count, in the order they fell
    /// (absent when none did, as in counts made before checkpoints).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checkpoints: Vec<CheckpointPart>,
    /// Everyone recorded present (entries withdrawn as mistakes left out),
    /// in the order recorded, with when they arrived and, for those who
    /// left, when and why.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub presence: Vec<PresencePart>,
    /// The complaints lodged during the count, in the order recorded.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub complaints: Vec<ComplaintPart>,
    /// How many complaints were lodged during the count (absent, with
    /// `presence`, in documents made before polltally recorded departures
    /// and complaints).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub complaints_lodged: Option<u64>,
}

/// A person present as the results document lists them: the presence
/// entry, who, when they arrived (the entry's time) and, if they left,
/// when and the reason given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PresencePart {
    pub seq: Seq,
    pub name: FreeText,
    pub role: Role,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party: Option<PartyNumber>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<FreeText>,
    pub arrived_at: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub departed_at: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub departure_reason: Option<FreeText>,
}

/// A complaint as the results document lists it: when, by whom (their
/// presence entry and name), about which ballot if one, and its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ComplaintPart {
    pub seq: Seq,
    pub at: Timestamp,
    pub by: Seq,
    pub name: FreeText,
    pub role: Role,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ballot: Option<u64>,
    pub text: FreeText,
}

/// A checkpoint as the results document lists it: the entry, the last
/// ballot ruled then, and the code party agents wrote down.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckpointPart {
    pub seq: Seq,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ballot: Option<u64>,
    pub code: String,
}

/// Why a results document cannot be made or read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResultsError {
    NotSealed,
    Unreadable(String),
    Format(String),
    NotCanonical,
    Inconsistent {
        field: String,
        found: String,
        why: Message,
    },
    /// A field past its bound, or a document the seal could not have made;
    /// the message names the field.
    Refused(Message),
}

impl ResultsError {
    /// Whether the bytes are no results document at all (bad input), as
    /// opposed to a results document that does not add up (a changed file).
    pub fn is_not_results(&self) -> bool {
        match self {
            ResultsError::Unreadable(_) | ResultsError::Format(_) => true,
            ResultsError::NotSealed
            | ResultsError::NotCanonical
            | ResultsError::Inconsistent { .. }
            | ResultsError::Refused(_) => false,
        }
    }
}

impl Explain for ResultsError {
    fn message(&self) -> Message {
        let file = |problem: Message| Message::new(P::ResultsFile).message("problem", problem);
        match self {
            ResultsError::NotSealed => Message::new(P::NotSealedResults),
            ResultsError::Unreadable(detail) => file(Message::verbatim(detail)),
            ResultsError::Format(found) => {
                file(Message::new(P::ResultsFormat).quoted("found", found))
            }
            ResultsError::NotCanonical => file(Message::new(P::NotCanonical)),
            ResultsError::Inconsistent { field, found, why } => file(
                Message::new(P::Inconsistent)
                    .text("field", field)
                    .text("found", found)
                    .message("why", why.clone()),
            ),
            ResultsError::Refused(problem) => file(problem.clone()),
        }
    }
}

/// The first text in the document holding a control character other than a
/// line break or a tab, and where: polltally writes none, and one in a
/// party's or a station's name would reach a terminal or a form as an
/// instruction rather than as text.
pub(crate) fn control_character(value: &serde_json::Value, at: String) -> Option<(String, char)> {
    let join = |key: &str| {
        if at.is_empty() {
            key.to_string()
        } else {
            format!("{at}.{key}")
        }
    };
    match value {
        serde_json::Value::String(text) => text
            .chars()
            .find(|c| c.is_control() && *c != '\n' && *c != '\t')
            .map(|c| (at.clone(), c)),
        serde_json::Value::Array(items) => items
            .iter()
            .enumerate()
            .find_map(|(i, item)| control_character(item, format!("{at}[{i}]"))),
        serde_json::Value::Object(map) => map.iter().find_map(|(key, item)| {
            key.chars()
                .find(|c| c.is_control())
                .map(|c| (join(key), c))
                .or_else(|| control_character(item, join(key)))
        }),
        _ => None,
    }
}

impl ResultsDocument {
    /// The results of a sealed count. `head` is the hash of the last entry
    /// (the seal).
    pub fn of_sealed(
        count: &Count,
        station: &StationFile,
        head: Hash256,
    ) -> Result<ResultsDocument, ResultsError> {
        if count.training().is_some() {
            return Err(ResultsError::Refused(Message::new(P::TrainingNotACount)));
        }
        let Some((_, seal)) = count.seal() else {
            return Err(ResultsError::NotSealed);
        };
        let def = count.definition();
        let tally = count.tally();
        let figures = count.figures();
        let get = |f: Figure| figures.get(f).unwrap_or(0);
        let deadline = complaint_deadline(count.known_zone(), seal.at, def.complaint_days);
        Ok(ResultsDocument {
            format: RESULTS_FORMAT.into(),
            practice: def.practice,
            notice: def.practice.then(|| PRACTICE_NOTICE.to_string()),
            app_version: seal.app_version.clone(),
            election: ElectionPart {
                id: def.election.id.clone(),
                name: def.election.name.clone(),
                date: def.election.date.to_string(),
            },
            station: StationPart {
                code: def.station.code.clone(),
                name: def.station.name.clone(),
                commune_code: def.station.commune_code.clone(),
                commune: def.station.commune.clone(),
                district: def.station.district.clone(),
                province: def.station.province.clone(),
            },
            definition_hash: station.hash(),
            registered_voters: def.registered_voters,
            ballots_in_books: def.ballots_in_books(),
            council_seats: def.council_seats,
            parties: def
                .parties
                .iter()
                .map(|p| PartyPart {
                    number: p.number.0,
                    abbreviation: p.abbreviation.clone(),
                    name: p.name.clone(),
                })
                .collect(),
            figures: FiguresPart {
                received: get(Figure::Received),
                unused: get(Figure::Unused),
                spoiled: get(Figure::Spoiled),
                issued: figures.issued().unwrap_or(0),
                voters_marked: get(Figure::VotersMarked),
                supplementary: get(Figure::Supplementary),
                temporary_id: get(Figure::TemporaryId),
                in_box: get(Figure::InBox),
                valid: tally.valid_total(),
                invalid: tally.invalid_total(),
            },
            votes: tally
                .votes()
                .iter()
                .map(|(p, n)| (p.to_string(), *n))
                .collect(),
            invalid: tally
                .invalid()
                .iter()
                .map(|(c, n)| (c.to_string(), *n))
                .collect(),
            valid_by_criterion: tally
                .valid_by_criterion()
                .iter()
                .map(|(c, n)| (c.to_string(), *n))
                .collect(),
            disputed: tally.disputed(),
            voided: count.voided(),
            pile_counts: count
                .piles()
                .iter()
                .map(|(p, n)| (p.to_string(), *n))
                .collect(),
            checks: count.checks().into_iter().map(CheckPart::of).collect(),
            people_present: count
                .people()
                .values()
                .filter(|p| p.withdrawn_by.is_none())
                .map(|p| p.person.clone())
                .collect(),
            signed: seal.signed.clone(),
            refused: seal.refused.clone(),
            sealed_at: seal.at,
            complaint_days: def.complaint_days,
            complaint_deadline: deadline.date.to_string(),
            complaint_deadline_ends: count.known_zone().map(|_| deadline.ends),
            time_zone: count.known_zone().cloned(),
            journal: JournalPart {
                entries: count.last_seq().0,
                head_hash: head,
            },
            commune_stations: def.commune_stations.clone(),
            recount: count.recount().map(|state| state.binding.clone()),
            checkpoints: count
                .checkpoints()
                .iter()
                .filter_map(|c| {
                    Some(CheckpointPart {
                        seq: c.seq,
                        ballot: c.ballot.map(|b| b.0),
                        code: crate::domain::short_code::checkpoint_code(&c.hash?),
                    })
                })
                .collect(),
            serials: (!count.book_serials().is_empty())
                .then(|| SerialsPart::of(def, count.book_serials())),
            presence: if seal.lists_presence {
                presence_of(count)
            } else {
                Vec::new()
            },
            complaints: if seal.lists_presence {
                complaints_of(count)
            } else {
                Vec::new()
            },
            complaints_lodged: seal.lists_presence.then(|| count.complaints().len() as u64),
        })
    }

    /// The canonical bytes: what is exported and hashed.
    pub fn to_bytes(&self) -> Result<Vec<u8>, Message> {
        crate::domain::canonical::to_canonical(self)
    }

    /// The results hash: SHA-256 of the canonical bytes.
    pub fn hash(&self) -> Result<Hash256, Message> {
        self.to_bytes().map(|bytes| Hash256::of(&bytes))
    }

    /// Reads a results file: the format, canonical bytes, every number
    /// within its bound, the council and its parties, the sums and every
    /// check recomputed from its own figures, and the signatures its seal
    /// needs. Each refusal names the field.
    pub fn parse(bytes: &[u8]) -> Result<ResultsDocument, ResultsError> {
        let value: serde_json::Value =
            serde_json::from_slice(bytes).map_err(|e| ResultsError::Unreadable(e.to_string()))?;
        let format = value
            .get("format")
            .and_then(|f| f.as_str())
            .unwrap_or_default();
        if format != RESULTS_FORMAT {
            return Err(ResultsError::Format(format.to_string()));
        }
        if let Some((field, c)) = control_character(&value, String::new()) {
            return Err(ResultsError::Refused(
                Message::new(P::ControlCharacter)
                    .text("c", format!("U+{:04X}", u32::from(c)))
                    .at(field),
            ));
        }
        let doc: ResultsDocument =
            serde_json::from_value(value).map_err(|e| ResultsError::Unreadable(e.to_string()))?;
        if doc.to_bytes().ok().as_deref() != Some(bytes) {
            return Err(ResultsError::NotCanonical);
        }
        doc.election
            .date
            .parse::<crate::domain::time::Date>()
            .map_err(|problem| ResultsError::Refused(problem.at("election.date")))?;
        doc.check_council()?;
        doc.check_bounds()?;
        doc.check_serials()?;
        doc.check_consistency()?;
        doc.check_checks()?;
        doc.check_signatures()?;
        Ok(doc)
    }

    /// The seats and the parties: at least one seat and at most
    /// [`MAX_SEATS`]; at least one party, at most [`MAX_PARTIES`], each
    /// numbered 1-999 once.
    fn check_council(&self) -> Result<(), ResultsError> {
        let refuse = |message: Message| Err(ResultsError::Refused(message));
        if self.council_seats == 0 {
            return refuse(Message::new(P::ZeroSeats).at("council_seats"));
        }
        if self.council_seats > MAX_SEATS {
            return refuse(
                Message::new(P::MoreThanSeats)
                    .num("value", self.council_seats)
                    .num("max", MAX_SEATS)
                    .at("council_seats"),
            );
        }
        if self.parties.is_empty() {
            return refuse(Message::new(P::NoParties).at("parties"));
        }
        if self.parties.len() > MAX_PARTIES {
            return refuse(
                Message::new(P::TooManyParties)
                    .num("n", self.parties.len() as u64)
                    .num("max", MAX_PARTIES as u64)
                    .at("parties"),
            );
        }
        for (i, party) in self.parties.iter().enumerate() {
            let at = format!("parties[{i}].number");
            if party.number == 0 || party.number > 999 {
                return refuse(
                    Message::new(P::NotPartyNumber)
                        .num("n", party.number)
                        .at(at),
                );
            }
            if let Some(j) = self.parties[..i]
                .iter()
                .position(|p| p.number == party.number)
            {
                return refuse(
                    Message::new(P::UsedTwice)
                        .num("value", party.number)
                        .text("other", format!("parties[{j}]"))
                        .at(at),
                );
            }
        }
        Ok(())
    }

    /// Every number within its bound, before anything is summed: the counts
    /// of a station at most [`MAX_BALLOTS`], its registered voters too, the
    /// complaint days at most [`MAX_COMPLAINT_DAYS`], the journal's numbers
    /// below 2^53 (and no more voids than entries); and a pile count only
    /// for a party of the file.
    fn check_bounds(&self) -> Result<(), ResultsError> {
        let refuse = |message: Message| Err(ResultsError::Refused(message));
        if self.registered_voters > MAX_BALLOTS {
            return refuse(
                Message::new(P::MoreThanVoters)
                    .num("value", self.registered_voters)
                    .num("max", MAX_BALLOTS)
                    .at("registered_voters"),
            );
        }
        let more_than_ballots = |value: u64, field: &dyn Fn() -> String| {
            if value > MAX_BALLOTS {
                refuse(
                    Message::new(P::MoreThanBallots)
                        .num("value", value)
                        .num("max", MAX_BALLOTS)
                        .at(field()),
                )
            } else {
                Ok(())
            }
        };
        let f = &self.figures;
        for (field, value) in [
            ("ballots_in_books", self.ballots_in_books),
            ("figures.received", f.received),
            ("figures.unused", f.unused),
            ("figures.spoiled", f.spoiled),
            ("figures.voters_marked", f.voters_marked),
            ("figures.supplementary", f.supplementary),
            ("figures.temporary_id", f.temporary_id),
            ("figures.in_box", f.in_box),
            ("figures.valid", f.valid),
            ("figures.invalid", f.invalid),
        ] {
            more_than_ballots(value, &|| field.to_string())?;
        }
        for (name, map) in [
            ("votes", &self.votes),
            ("invalid", &self.invalid),
            ("valid_by_criterion", &self.valid_by_criterion),
            ("pile_counts", &self.pile_counts),
        ] {
            for (key, n) in map {
                more_than_ballots(*n, &|| format!("{name}.{key}"))?;
            }
        }
        more_than_ballots(self.disputed, &|| "disputed".to_string())?;
        for (field, value, max) in [
            (
                "complaint_days",
                u64::from(self.complaint_days),
                u64::from(MAX_COMPLAINT_DAYS),
            ),
            ("journal.entries", self.journal.entries, MAX_COUNT),
            // Each void is an entry of the journal, and so is each
            // checkpoint.
            ("voided", self.voided, self.journal.entries),
            (
                "checkpoints",
                self.checkpoints.len() as u64,
                self.journal.entries,
            ),
        ] {
            if value > max {
                return refuse(
                    Message::new(P::TooLarge)
                        .num("value", value)
                        .num("max", max)
                        .at(field),
                );
            }
        }
        for (i, c) in self.checkpoints.iter().enumerate() {
            if c.seq.0 == 0 || c.seq.0 > self.journal.entries {
                return refuse(
                    Message::new(P::TooLarge)
                        .num("value", c.seq.0)
                        .num("max", self.journal.entries)
                        .at(format!("checkpoints[{i}].seq")),
                );
            }
            if let Some(ballot) = c.ballot {
                more_than_ballots(ballot, &|| format!("checkpoints[{i}].ballot"))?;
            }
            let written = crate::domain::short_code::normalize_checkpoint_code(&c.code)
                .map_err(|m| ResultsError::Refused(m.at(format!("checkpoints[{i}].code"))))?;
            if written != c.code {
                return refuse(
                    Message::new(P::NotCanonicalCode)
                        .quoted("value", &c.code)
                        .quoted("expected", &written)
                        .at(format!("checkpoints[{i}].code")),
                );
            }
        }
        let numbers: BTreeSet<String> = self.parties.iter().map(|p| p.number.to_string()).collect();
        for party in self.pile_counts.keys() {
            if !numbers.contains(party) {
                return refuse(
                    Message::new(P::NotPartyOfFile)
                        .quoted("value", party)
                        .at(format!("pile_counts.{party}")),
                );
            }
        }
        Ok(())
    }

    /// The books' serials, when the document lists them: each book once,
    /// within bounds, every derived number what the serials give.
    fn check_serials(&self) -> Result<(), ResultsError> {
        let Some(serials) = &self.serials else {
            return Ok(());
        };
        serials
            .check(self.ballots_in_books)
            .map_err(|problem| match problem {
                SerialsProblem::Refused(message) => ResultsError::Refused(message),
                SerialsProblem::Inconsistent { field, found, why } => {
                    ResultsError::Inconsistent { field, found, why }
                }
            })
    }

    /// The checks of the count, each once, in the order the count lists
    /// them: the five of the figures, `unused_by_serial` once any book's
    /// serial is recorded, then a cross-check per party once any pile count
    /// is recorded.
    fn expected_checks(&self) -> Vec<CheckName> {
        let mut names = vec![
            CheckName::Stock,
            CheckName::IssuedVsVoted,
            CheckName::BoxVsIssued,
            CheckName::BoxVsRulings,
            CheckName::Ceiling,
        ];
        if self.serials.is_some() {
            names.push(CheckName::UnusedBySerial);
        }
        if !self.pile_counts.is_empty() {
            names.extend(
                self.parties
                    .iter()
                    .map(|p| CheckName::CrossCheck(PartyNumber(p.number))),
            );
        }
        names
    }

    /// Every check of the count is present, once, with the status its
    /// figures give; and, as the seal needs, every check that differs is
    /// explained, and so is a box with fewer ballots ruled than it held.
    fn check_checks(&self) -> Result<(), ResultsError> {
        let refuse = |message: Message| Err(ResultsError::Refused(message));
        let mut seen: BTreeMap<CheckName, usize> = BTreeMap::new();
        for (i, check) in self.checks.iter().enumerate() {
            if let Some(j) = seen.insert(check.name, i) {
                return refuse(
                    Message::new(P::UsedTwice)
                        .text("value", check.name)
                        .text("other", format!("checks[{j}]"))
                        .at(format!("checks[{i}]")),
                );
            }
        }
        for name in self.expected_checks() {
            if !seen.contains_key(&name) {
                return refuse(
                    Message::new(P::CheckMissing)
                        .text("check", name)
                        .at("checks"),
                );
            }
        }
        let expected = self.expected_checks();
        for check in &self.checks {
            if !expected.contains(&check.name) {
                return refuse(Message::new(P::NoSuchCheck).at(format!("checks.{}", check.name)));
            }
            if check.explanation.is_some() {
                continue;
            }
            let at = format!("checks.{}", check.name);
            match check.status {
                CheckStatus::Differs(difference) => {
                    return refuse(
                        Message::new(P::CheckUnexplained)
                            .text("difference", difference_text(difference))
                            .at(at),
                    );
                }
                CheckStatus::Pending if check.name == CheckName::BoxVsRulings => {
                    return refuse(Message::new(P::RulingUnexplained).at(at));
                }
                CheckStatus::Holds | CheckStatus::Pending => {}
            }
        }
        Ok(())
    }

    /// The signatures every seal has: someone signed, no one both signed
    /// and refused, names and roles as the seal writes them; and, for a seal
    /// whose roles are all keys (every seal polltally makes now), the chief
    /// signed. A seal made before roles were keys, with a role in words,
    /// is held to the rules it was made under, as its record is.
    fn check_signatures(&self) -> Result<(), ResultsError> {
        let seal = Seal {
            at: self.sealed_at,
            app_version: self.app_version.clone(),
            signed: self.signed.clone(),
            refused: self.refused.clone(),
            lists_presence: self.complaints_lodged.is_some(),
        };
        seal.check().map_err(ResultsError::Refused)?;
        if seal.roles_are_keys() {
            check_required_signers(&seal, &[Role::Chief]).map_err(ResultsError::Refused)?;
        }
        Ok(())
    }

    fn check_consistency(&self) -> Result<(), ResultsError> {
        let bad = |field: &str, found: String, why: Message| {
            Err(ResultsError::Inconsistent {
                field: field.into(),
                found,
                why,
            })
        };
        let f = &self.figures;
        let sum = |field: &str, map: &BTreeMap<String, u64>| {
            checked_sum(map.values()).ok_or_else(|| {
                ResultsError::Refused(Message::new(P::SumTooLarge).at(field.to_string()))
            })
        };
        let votes = sum("votes", &self.votes)?;
        if votes != f.valid {
            return bad(
                "figures.valid",
                f.valid.to_string(),
                Message::new(P::VotesAddUp).text("n", votes),
            );
        }
        let invalid = sum("invalid", &self.invalid)?;
        if invalid != f.invalid {
            return bad(
                "figures.invalid",
                f.invalid.to_string(),
                Message::new(P::InvalidAddUp).text("n", invalid),
            );
        }
        let by_criterion = sum("valid_by_criterion", &self.valid_by_criterion)?;
        if by_criterion != f.valid {
            return bad(
                "valid_by_criterion",
                by_criterion.to_string(),
                Message::new(P::ValidIs).text("n", f.valid),
            );
        }
        // Bounded by `check_bounds`: no subtraction here can overflow.
        let issued = signed(f.received)
            .saturating_sub(signed(f.unused))
            .saturating_sub(signed(f.spoiled));
        if issued != f.issued {
            return bad(
                "figures.issued",
                f.issued.to_string(),
                Message::new(P::IssuedIs).text("n", issued),
            );
        }
        let party_numbers: Vec<String> =
            self.parties.iter().map(|p| p.number.to_string()).collect();
        let mut vote_keys: Vec<&String> = self.votes.keys().collect();
        vote_keys.sort();
        let mut listed: Vec<&String> = party_numbers.iter().collect();
        listed.sort();
        if vote_keys != listed {
            return bad(
                "votes",
                format!("{vote_keys:?}"),
                Message::new(P::PartiesAre).text("list", format!("{listed:?}")),
            );
        }
        for check in &self.checks {
            let expected = self.expected_status(check.name);
            let Some(expected) = expected else {
                return bad(
                    &format!("checks.{}", check.name),
                    check.status.word().to_string(),
                    Message::new(P::NoSuchCheck),
                );
            };
            if check.status != expected {
                return bad(
                    &format!("checks.{}", check.name),
                    format!("{} {:?}", check.status.word(), check.status.difference()),
                    Message::new(P::FiguresGive)
                        .text("status", expected.word())
                        .text("difference", format!("{:?}", expected.difference())),
                );
            }
        }
        let deadline =
            complaint_deadline(self.time_zone.as_ref(), self.sealed_at, self.complaint_days);
        let ends = self.time_zone.as_ref().map(|_| deadline.ends);
        if self.complaint_deadline != deadline.date.to_string()
            || self.complaint_deadline_ends != ends
        {
            return bad(
                "complaint_deadline",
                format!(
                    "{} {:?}",
                    self.complaint_deadline,
                    self.complaint_deadline_ends.map(|t| t.to_string())
                ),
                Message::new(P::DeadlineIs)
                    .text("date", deadline.date)
                    .text("zone", self.zone()),
            );
        }
        if self.practice != self.notice.is_some() {
            return bad(
                "notice",
                format!("{:?}", self.notice),
                Message::new(P::NoticeOnPractice),
            );
        }
        self.check_presence()
    }

    /// The people present and the complaints: each time within the count
    /// (a departure after its arrival, nothing after the seal), a reason
    /// exactly for each departure, each complaint by a person listed
    /// present under the same name, and the complaints counted.
    fn check_presence(&self) -> Result<(), ResultsError> {
        let bad = |field: String, found: String, why: Message| {
            Err(ResultsError::Inconsistent { field, found, why })
        };
        let mut seqs = BTreeSet::new();
        for (i, p) in self.presence.iter().enumerate() {
            if p.seq.0 == 0 || p.seq.0 > self.journal.entries || !seqs.insert(p.seq) {
                return bad(
                    format!("presence[{i}].seq"),
                    p.seq.to_string(),
                    Message::new(P::NotAnEntry).num("entries", self.journal.entries),
                );
            }
            match (p.departed_at, &p.departure_reason) {
                (Some(_), None) => {
                    return bad(
                        format!("presence[{i}].departure_reason"),
                        "null".into(),
                        Message::new(P::ReasonWithDeparture),
                    );
                }
                (None, Some(_)) => {
                    return bad(
                        format!("presence[{i}].departed_at"),
                        "null".into(),
                        Message::new(P::ReasonWithDeparture),
                    );
                }
                _ => {}
            }
            if let Some(party) = p.party
                && !self.parties.iter().any(|listed| listed.number == party.0)
            {
                return bad(
                    format!("presence[{i}].party"),
                    party.to_string(),
                    Message::new(P::NotPartyOfFile).quoted("value", &party.to_string()),
                );
            }
        }
        // Everyone listed present is who `people_present` lists, in order.
        if self.complaints_lodged.is_some() {
            let listed: Vec<Person> = self
                .presence
                .iter()
                .map(|p| Person {
                    name: p.name.clone(),
                    role: p.role,
                    party: p.party,
                    organisation: p.organisation.clone(),
                })
                .collect();
            if listed != self.people_present {
                return bad(
                    "presence".into(),
                    format!("{} people", listed.len()),
                    Message::new(P::PresenceDiffers).num("n", self.people_present.len() as u64),
                );
            }
        }
        for (i, c) in self.complaints.iter().enumerate() {
            let listed = self.presence.iter().find(|p| p.seq == c.by);
            if listed.is_none_or(|p| p.name != c.name || p.role != c.role) {
                return bad(
                    format!("complaints[{i}].by"),
                    c.by.to_string(),
                    Message::new(P::ComplainantNotListed).quoted("name", c.name.as_str()),
                );
            }
            if !c.role.lodges_complaints() {
                return bad(
                    format!("complaints[{i}].role"),
                    c.role.key().into(),
                    Message::new(P::NotAComplainant)
                        .num("target", c.by.0)
                        .role("role", c.role),
                );
            }
            if c.seq.0 == 0 || c.seq.0 > self.journal.entries || !seqs.insert(c.seq) {
                return bad(
                    format!("complaints[{i}].seq"),
                    c.seq.to_string(),
                    Message::new(P::NotAnEntry).num("entries", self.journal.entries),
                );
            }
            if let Some(ballot) = c.ballot
                && (ballot == 0 || ballot > MAX_BALLOTS)
            {
                return bad(
                    format!("complaints[{i}].ballot"),
                    ballot.to_string(),
                    Message::new(P::NotBallotNumber).num("value", ballot),
                );
            }
        }
        let listed = self.complaints.len() as u64;
        match self.complaints_lodged {
            Some(n) if n != listed => bad(
                "complaints_lodged".into(),
                n.to_string(),
                Message::new(P::ComplaintsListed).num("n", listed),
            ),
            None if listed > 0 || !self.presence.is_empty() => bad(
                "complaints_lodged".into(),
                "null".into(),
                Message::new(P::ComplaintsListed).num("n", listed),
            ),
            _ => Ok(()),
        }
    }

    /// A check's status recomputed from the document's own figures, by the
    /// same rules as the live count.
    fn expected_status(&self, name: CheckName) -> Option<CheckStatus> {
        if let CheckName::CrossCheck(party) = name {
            self.votes.get(&party.to_string())?;
        }
        let f = &self.figures;
        let mut figures = Figures::default();
        for (figure, value) in [
            (Figure::Received, f.received),
            (Figure::Unused, f.unused),
            (Figure::Spoiled, f.spoiled),
            (Figure::VotersMarked, f.voters_marked),
            (Figure::Supplementary, f.supplementary),
            (Figure::TemporaryId, f.temporary_id),
            (Figure::InBox, f.in_box),
        ] {
            figures.set(figure, value);
        }
        let piles: BTreeMap<PartyNumber, u64> = self
            .pile_counts
            .iter()
            .filter_map(|(party, n)| Some((PartyNumber(party.parse().ok()?), *n)))
            .collect();
        let votes = |party: PartyNumber| self.votes_for(party.0);
        Some(check_status(
            name,
            &CheckNumbers {
                figures: &figures,
                ballots_in_books: self.ballots_in_books,
                registered_voters: self.registered_voters,
                ruled: f.valid.saturating_add(f.invalid),
                votes: &votes,
                piles: &piles,
                unused_by_serial: self.serials.as_ref().and_then(|s| s.unused),
            },
        ))
    }

    /// The zone the document's times are read in (UTC when it names none).
    pub fn zone(&self) -> Zone {
        self.time_zone.clone().unwrap_or_else(Zone::utc)
    }

    /// The instant the complaint deadline ends; for a document that names no
    /// zone, the end of its UTC date.
    pub fn complaint_deadline_end(&self) -> Timestamp {
        self.complaint_deadline_ends
            .unwrap_or_else(|| complaint_deadline(None, self.sealed_at, self.complaint_days).ends)
    }

    /// The valid ballots of a party, by number.
    pub fn votes_for(&self, party: u32) -> u64 {
        self.votes.get(&party.to_string()).copied().unwrap_or(0)
    }
}

/// Everyone recorded present and not withdrawn, with their times.
pub fn presence_of(count: &Count) -> Vec<PresencePart> {
    count
        .people()
        .iter()
        .filter(|(_, p)| p.withdrawn_by.is_none())
        .filter_map(|(seq, p)| {
            Some(PresencePart {
                seq: *seq,
                name: p.person.name.clone(),
                role: p.person.role,
                party: p.person.party,
                organisation: p.person.organisation.clone(),
                arrived_at: p.arrived_at?,
                departed_at: p.departure.as_ref().and_then(|d| d.at),
                departure_reason: p.departure.as_ref().map(|d| d.reason.clone()),
            })
        })
        .collect()
}

/// The complaints lodged, each with the name and role of who lodged it.
pub fn complaints_of(count: &Count) -> Vec<ComplaintPart> {
    count
        .complaints()
        .iter()
        .filter_map(|c| {
            let person = &count.people().get(&c.by)?.person;
            Some(ComplaintPart {
                seq: c.seq,
                at: c.at?,
                by: c.by,
                name: person.name.clone(),
                role: person.role,
                ballot: c.ballot.map(|b| b.0),
                text: c.text.clone(),
            })
        })
        .collect()
}

/// The complaint deadline of a count sealed at `sealed`: counted in the
/// local days of `zone`, or in UTC days for a record that knows no zone.
fn complaint_deadline(zone: Option<&Zone>, sealed: Timestamp, days: u32) -> Deadline {
    match zone {
        Some(zone) => zone.complaint_deadline(sealed, days),
        None => Zone::utc().complaint_deadline(sealed, days),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A results file polltally wrote: 20 parties, 2103 ballots.
    const SEALED: &[u8] = include_bytes!("../../tests/fixtures/photo-20-parties.json");

    fn value() -> serde_json::Value {
        serde_json::from_slice(SEALED).unwrap()
    }

    /// The document with `edit` applied, in canonical bytes.
    fn edited(edit: impl FnOnce(&mut serde_json::Value)) -> Vec<u8> {
        let mut v = value();
        edit(&mut v);
        crate::domain::canonical::to_canonical(&v).unwrap()
    }

    fn refusal(bytes: &[u8]) -> String {
        let err = ResultsDocument::parse(bytes).unwrap_err();
        assert!(!err.is_not_results(), "{err:?}");
        err.message().to_string()
    }

    /// Every number of the document a forger could change, by its path.
    const NUMBERS: [&[&str]; 18] = [
        &["registered_voters"],
        &["ballots_in_books"],
        &["council_seats"],
        &["complaint_days"],
        &["disputed"],
        &["voided"],
        &["figures", "received"],
        &["figures", "unused"],
        &["figures", "spoiled"],
        &["figures", "voters_marked"],
        &["figures", "supplementary"],
        &["figures", "temporary_id"],
        &["figures", "in_box"],
        &["figures", "valid"],
        &["figures", "invalid"],
        &["votes", "7"],
        &["invalid", "I1"],
        &["valid_by_criterion", "V1"],
    ];

    fn at<'a>(v: &'a mut serde_json::Value, path: &[&str]) -> &'a mut serde_json::Value {
        path.iter().fold(v, |v, key| &mut v[*key])
    }

    #[test]
    fn the_sealed_fixture_reads() {
        let doc = ResultsDocument::parse(SEALED).unwrap();
        assert_eq!(doc.figures.valid, 2100);
    }

    #[test]
    fn votes_that_wrap_in_a_u64_sum_are_refused_by_their_bound() {
        let bytes = edited(|v| {
            v["votes"]["1"] = 9_300_000_000_000_000_000u64.into();
            v["votes"]["2"] = 9_146_744_073_709_552_000u64.into();
        });
        assert_eq!(
            refusal(&bytes),
            "results file: votes.1: 9300000000000000000 is more than 100000, \
             the most ballots one station counts"
        );
    }

    #[test]
    fn a_pile_count_of_no_party_and_an_extra_check_are_refused() {
        let bytes = edited(|v| {
            v["pile_counts"] = serde_json::json!({"77": 1});
        });
        assert_eq!(
            refusal(&bytes),
            "results file: pile_counts.77: \"77\" is not a party of this results file"
        );
        let bytes = edited(|v| {
            let check = serde_json::json!({"name": "cross_check:1", "status": "pending",
                "difference": null, "explanation": null});
            v["checks"].as_array_mut().unwrap().push(check);
        });
        assert_eq!(
            refusal(&bytes),
            "results file: checks.cross_check:1: no such check"
        );
    }

    #[test]
    fn a_role_in_words_keeps_the_rules_of_its_time() {
        let old = include_bytes!("../../tests/fixtures/sealed-written-roles.json");
        assert!(ResultsDocument::parse(old).is_ok());
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// Any number, anywhere: no panic; past its bound, a refusal that
        /// is not mistaken for a file of another kind.
        #[test]
        fn any_number_anywhere_is_read_or_refused_without_panic(
            field in 0..NUMBERS.len(),
            n in prop_oneof![
                0u64..200_000,
                (1u64 << 53) - 2..(1u64 << 53) + 2,
                any::<u64>(),
                Just(u64::MAX),
            ],
        ) {
            let path = NUMBERS[field];
            let bytes = edited(|v| *at(v, path) = n.into());
            let parsed = ResultsDocument::parse(&bytes);
            if n > MAX_BALLOTS {
                prop_assert!(parsed.is_err(), "{:?} = {} was read", path, n);
            }
        }

        /// Two parties' votes moved so that their u64 sum is unchanged
        /// (wrapping): always refused, never a panic.
        #[test]
        fn votes_moved_around_the_u64_circle_are_refused(
            a in 1u32..=20,
            b in 1u32..=20,
            huge in (1u64 << 53)..=u64::MAX,
        ) {
            prop_assume!(a != b);
            let bytes = edited(|v| {
                let va = v["votes"][a.to_string()].as_u64().unwrap();
                let vb = v["votes"][b.to_string()].as_u64().unwrap();
                v["votes"][a.to_string()] = huge.into();
                v["votes"][b.to_string()] = va.wrapping_add(vb).wrapping_sub(huge).into();
            });
            prop_assert!(ResultsDocument::parse(&bytes).is_err());
        }

        /// Arbitrary bytes, and the document with arbitrary bytes spliced
        /// in: no panic.
        #[test]
        fn arbitrary_bytes_never_panic(
            junk in proptest::collection::vec(any::<u8>(), 0..256),
            offset in 0..SEALED.len(),
        ) {
            let _ = ResultsDocument::parse(&junk);
            let mut spliced = SEALED[..offset].to_vec();
            spliced.extend_from_slice(&junk);
            spliced.extend_from_slice(&SEALED[offset..]);
            let _ = ResultsDocument::parse(&spliced);
        }
    }
}
