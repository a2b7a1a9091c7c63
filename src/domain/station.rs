//! The station file (`polltally-station/1`) issued by the commune election
//! commission: parsed once at the boundary into a [`StationDefinition`], with
//! errors that name the field path and the value. The definition hash is
//! SHA-256 over the exact bytes loaded.

use crate::domain::criteria::{CriteriaSet, Criterion, CriterionCode, Validity};
use crate::domain::hash::Hash256;
use crate::domain::identifier::{CommuneCode, ElectionId, StationCode, check_identifier};
use crate::domain::limits::{
    MAX_BALLOT_BOOKS, MAX_BALLOTS, MAX_COMMUNE_STATIONS, MAX_COMPLAINT_DAYS, MAX_COUNT,
    MAX_CRITERIA, MAX_PARTIES, MAX_SEATS, MAX_STATION_FILE_BYTES,
};
use crate::domain::message::{Explain, Message, P};
use crate::domain::party::{Party, PartyNumber};
use crate::domain::person::Role;
use crate::domain::text::{LocalizedText, Numerals};
use crate::domain::time::Date;
use crate::domain::zone::Zone;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;

/// The `format` value of every station file this version reads.
pub const STATION_FORMAT: &str = "polltally-station/1";

/// A station file that failed to parse or validate: the field path and what
/// is wrong with its value, e.g. `parties[3].number: 4 is used twice`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StationError {
    pub path: String,
    pub problem: Message,
}

impl Explain for StationError {
    fn message(&self) -> Message {
        self.problem.clone().at(self.path.as_str())
    }
}

fn fail<T>(path: impl Into<String>, problem: Message) -> Result<T, StationError> {
    Err(StationError {
        path: path.into(),
        problem,
    })
}

/// The election a station belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Election {
    pub id: ElectionId,
    pub name: LocalizedText,
    pub date: Date,
}

/// Where the count happens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StationIdentity {
    pub code: StationCode,
    pub name: LocalizedText,
    pub commune_code: CommuneCode,
    pub commune: LocalizedText,
    pub district: LocalizedText,
    pub province: LocalizedText,
}

/// A book of ballot papers issued to the station, by serial range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BallotBook {
    pub book: String,
    pub first_serial: u64,
    pub last_serial: u64,
}

impl BallotBook {
    /// How many ballots the book holds.
    pub fn size(&self) -> u64 {
        self.last_serial - self.first_serial + 1
    }
}

/// Every how many rulings a checkpoint is shown when the station file
/// does not say.
pub const DEFAULT_CHECKPOINT_EVERY: u32 = 50;

/// A validated station file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StationDefinition {
    pub election: Election,
    pub station: StationIdentity,
    pub registered_voters: u64,
    pub parties: Vec<Party>,
    pub ballot_books: Vec<BallotBook>,
    pub council_seats: u32,
    pub complaint_days: u32,
    /// The station's time zone, if the file names one; else the laptop's
    /// zone at opening, recorded in the journal, is used.
    pub time_zone: Option<Zone>,
    pub practice: bool,
    pub criteria: CriteriaSet,
    /// How figures are shown unless the user chooses otherwise.
    pub numerals: Numerals,
    /// Every station code of the commune, when the commission lists them, so
    /// that tabulation can name the stations still missing.
    pub commune_stations: Option<Vec<StationCode>>,
    /// The roles whose signature the seal needs besides the chief's (the
    /// chief always signs); none unless the file names them.
    pub required_signers: Vec<Role>,
    /// Every how many rulings the counting screen shows a checkpoint code
    /// for party agents to write down.
    pub checkpoint_every: u32,
}

impl StationDefinition {
    pub fn party(&self, number: PartyNumber) -> Option<&Party> {
        self.parties.iter().find(|p| p.number == number)
    }

    /// The number of ballots in the station's books: the expected R.
    pub fn ballots_in_books(&self) -> u64 {
        self.ballot_books.iter().map(BallotBook::size).sum()
    }

    /// The party numbers, for error messages (`1-12` or `1, 3, 7`).
    pub fn party_numbers_text(&self) -> String {
        let numbers: Vec<u32> = self.parties.iter().map(|p| p.number.0).collect();
        let contiguous = numbers.windows(2).all(|w| w[1] == w[0] + 1);
        match (numbers.first(), numbers.last()) {
            (Some(first), Some(last)) if contiguous && numbers.len() > 2 => {
                format!("{first}-{last}")
            }
            _ => numbers
                .iter()
                .map(u32::to_string)
                .collect::<Vec<_>>()
                .join(", "),
        }
    }
}

/// A station file as loaded: its exact bytes, their hash, and the validated
/// definition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StationFile {
    bytes: Vec<u8>,
    hash: Hash256,
    definition: StationDefinition,
}

impl StationFile {
    /// Parses and validates the bytes of a station file.
    pub fn parse(bytes: Vec<u8>) -> Result<StationFile, StationError> {
        let definition = parse_definition(&bytes)?;
        Ok(StationFile {
            hash: Hash256::of(&bytes),
            bytes,
            definition,
        })
    }

    /// The exact bytes loaded.
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The definition hash: SHA-256 over [`StationFile::bytes`].
    pub fn hash(&self) -> Hash256 {
        self.hash
    }

    pub fn definition(&self) -> &StationDefinition {
        &self.definition
    }
}

// ---- the wire form, exactly as the file spells it ----

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStationFile {
    format: String,
    election: RawElection,
    station: RawStation,
    registered_voters: u64,
    parties: Vec<RawParty>,
    ballot_books: Vec<RawBook>,
    council_seats: u32,
    complaint_days: u32,
    #[serde(default)]
    time_zone: Option<String>,
    #[serde(default)]
    practice: bool,
    criteria: Option<Vec<RawCriterion>>,
    #[serde(default)]
    numerals: Numerals,
    #[serde(default)]
    commune_stations: Option<Vec<String>>,
    #[serde(default)]
    required_signers: Vec<String>,
    #[serde(default)]
    checkpoint_every: Option<u64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawElection {
    id: String,
    name: LocalizedText,
    date: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStation {
    code: String,
    name: LocalizedText,
    commune_code: String,
    commune: LocalizedText,
    district: LocalizedText,
    province: LocalizedText,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawParty {
    number: u32,
    abbreviation: String,
    name: LocalizedText,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBook {
    book: String,
    first_serial: u64,
    last_serial: u64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCriterion {
    code: String,
    valid: bool,
    title: LocalizedText,
    rule: LocalizedText,
    example: Option<LocalizedText>,
}

fn parse_definition(bytes: &[u8]) -> Result<StationDefinition, StationError> {
    if bytes.len() as u64 > MAX_STATION_FILE_BYTES {
        return fail(
            "station file",
            Message::new(P::TooLarge)
                .num("value", bytes.len() as u64)
                .num("max", MAX_STATION_FILE_BYTES),
        );
    }
    if bytes.starts_with(b"\xef\xbb\xbf") {
        return fail("station file", Message::new(P::Bom));
    }
    match bytes.iter().find(|b| !b.is_ascii_whitespace()) {
        None => return fail("station file", Message::new(P::EmptyFile)),
        Some(b'{') => {}
        Some(_) => return fail("station file", Message::new(P::NotJsonObject)),
    }
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let raw: RawStationFile = match serde_path_to_error::deserialize(&mut de) {
        Ok(raw) => raw,
        Err(err) => {
            let path = err.path().to_string();
            let inner = err.into_inner();
            let path = if path == "." || path == "?" {
                "station file".to_string()
            } else {
                path
            };
            return fail(path, Message::new(P::Json).text("detail", inner));
        }
    };
    if let Err(err) = de.end() {
        return fail("station file", Message::new(P::Json).text("detail", err));
    }
    validate(raw)
}

/// An identifier at `path`, parsed by `parse`.
fn identifier<T>(
    path: &str,
    value: &str,
    parse: fn(&str) -> Result<T, Message>,
) -> Result<T, StationError> {
    parse(value).or_else(|message| fail(path, message))
}

fn check_text(path: &str, text: &LocalizedText) -> Result<(), StationError> {
    text.validate().or_else(|message| fail(path, message))
}

fn check_count(path: &str, value: u64) -> Result<u64, StationError> {
    if value > MAX_COUNT {
        return fail(
            path,
            Message::new(P::TooLarge)
                .num("value", value)
                .num("max", MAX_COUNT),
        );
    }
    Ok(value)
}

fn validate(raw: RawStationFile) -> Result<StationDefinition, StationError> {
    if raw.format != STATION_FORMAT {
        return fail(
            "format",
            Message::new(P::NotFormat)
                .quoted("found", &raw.format)
                .quoted("expected", STATION_FORMAT),
        );
    }

    let election_id = identifier(ElectionId::FIELD, &raw.election.id, ElectionId::parse)?;
    check_text("election.name", &raw.election.name)?;
    let date: Date = raw
        .election
        .date
        .parse()
        .or_else(|message: Message| fail("election.date", message))?;
    let time_zone = match &raw.time_zone {
        Some(text) => Some(Zone::parse(text).or_else(|message| fail("time_zone", message))?),
        None => None,
    };

    let s = &raw.station;
    let station_code = identifier(StationCode::FIELD, &s.code, StationCode::parse)?;
    check_text("station.name", &s.name)?;
    let commune_code = identifier(CommuneCode::FIELD, &s.commune_code, CommuneCode::parse)?;
    check_text("station.commune", &s.commune)?;
    check_text("station.district", &s.district)?;
    check_text("station.province", &s.province)?;

    let registered_voters = raw.registered_voters;
    if registered_voters > MAX_BALLOTS {
        return fail(
            "registered_voters",
            Message::new(P::MoreThanVoters)
                .num("value", registered_voters)
                .num("max", MAX_BALLOTS),
        );
    }

    if raw.parties.is_empty() {
        return fail("parties", Message::new(P::NoParties));
    }
    if raw.parties.len() > MAX_PARTIES {
        return fail(
            "parties",
            Message::new(P::TooManyParties)
                .num("n", raw.parties.len() as u64)
                .num("max", MAX_PARTIES as u64),
        );
    }
    let mut parties: Vec<Party> = Vec::with_capacity(raw.parties.len());
    for (i, p) in raw.parties.into_iter().enumerate() {
        if p.number == 0 || p.number > 999 {
            return fail(
                format!("parties[{i}].number"),
                Message::new(P::NotPartyNumber).num("n", p.number),
            );
        }
        if let Some(j) = parties.iter().position(|q| q.number.0 == p.number) {
            return fail(
                format!("parties[{i}].number"),
                Message::new(P::UsedTwice)
                    .num("value", p.number)
                    .text("other", format!("parties[{j}]")),
            );
        }
        let abbreviation = p.abbreviation.trim();
        if abbreviation.is_empty() || abbreviation.chars().count() > 16 {
            return fail(
                format!("parties[{i}].abbreviation"),
                Message::new(P::AbbreviationLength).quoted("value", &p.abbreviation),
            );
        }
        if let Some(j) = parties.iter().position(|q| q.abbreviation == abbreviation) {
            return fail(
                format!("parties[{i}].abbreviation"),
                Message::new(P::UsedTwice)
                    .quoted("value", abbreviation)
                    .text("other", format!("parties[{j}]")),
            );
        }
        check_text(&format!("parties[{i}].name"), &p.name)?;
        parties.push(Party {
            number: PartyNumber(p.number),
            abbreviation: abbreviation.to_string(),
            name: p.name,
        });
    }

    if raw.ballot_books.is_empty() {
        return fail("ballot_books", Message::new(P::NoBooks));
    }
    if raw.ballot_books.len() > MAX_BALLOT_BOOKS {
        return fail(
            "ballot_books",
            Message::new(P::TooManyBooks)
                .num("n", raw.ballot_books.len() as u64)
                .num("max", MAX_BALLOT_BOOKS as u64),
        );
    }
    let mut ballot_books: Vec<BallotBook> = Vec::with_capacity(raw.ballot_books.len());
    let mut book_names: BTreeMap<String, usize> = BTreeMap::new();
    for (i, b) in raw.ballot_books.into_iter().enumerate() {
        identifier(
            &format!("ballot_books[{i}].book"),
            &b.book,
            check_identifier,
        )?;
        if let Some(j) = book_names.insert(b.book.clone(), i) {
            return fail(
                format!("ballot_books[{i}].book"),
                Message::new(P::UsedTwice)
                    .quoted("value", &b.book)
                    .text("other", format!("ballot_books[{j}]")),
            );
        }
        check_count(&format!("ballot_books[{i}].last_serial"), b.last_serial)?;
        if b.first_serial > b.last_serial {
            return fail(
                format!("ballot_books[{i}].first_serial"),
                Message::new(P::SerialAfterLast)
                    .num("first", b.first_serial)
                    .num("last", b.last_serial),
            );
        }
        ballot_books.push(BallotBook {
            book: b.book,
            first_serial: b.first_serial,
            last_serial: b.last_serial,
        });
    }
    let ranges: Vec<(u64, u64)> = ballot_books
        .iter()
        .map(|b| (b.first_serial, b.last_serial))
        .collect();
    if let Some((i, j)) = first_overlap(&ranges)
        && let (Some(book), Some(other)) = (ballot_books.get(i), ballot_books.get(j))
    {
        return fail(
            format!("ballot_books[{i}]"),
            Message::new(P::SerialsOverlap)
                .num("first", book.first_serial)
                .num("last", book.last_serial)
                .text("other", format!("ballot_books[{j}]"))
                .num("other_first", other.first_serial)
                .num("other_last", other.last_serial),
        );
    }
    let in_books: u128 = ballot_books.iter().map(|b| u128::from(b.size())).sum();
    if in_books > u128::from(MAX_BALLOTS) {
        return fail(
            "ballot_books",
            Message::new(P::TooManyBallots)
                .text("n", in_books)
                .num("max", MAX_BALLOTS),
        );
    }

    if raw.council_seats == 0 {
        return fail("council_seats", Message::new(P::ZeroSeats));
    }
    if raw.council_seats > MAX_SEATS {
        return fail(
            "council_seats",
            Message::new(P::MoreThanSeats)
                .num("value", raw.council_seats)
                .num("max", MAX_SEATS),
        );
    }
    if raw.complaint_days > MAX_COMPLAINT_DAYS {
        return fail(
            "complaint_days",
            Message::new(P::TooLarge)
                .num("value", raw.complaint_days)
                .num("max", MAX_COMPLAINT_DAYS),
        );
    }
    let commune_stations = match &raw.commune_stations {
        None => None,
        Some(listed) => {
            if listed.len() > MAX_COMMUNE_STATIONS {
                return fail(
                    "commune_stations",
                    Message::new(P::TooManyStations)
                        .num("n", listed.len() as u64)
                        .num("max", MAX_COMMUNE_STATIONS as u64),
                );
            }
            let mut codes: Vec<StationCode> = Vec::with_capacity(listed.len());
            let mut seen: BTreeMap<StationCode, usize> = BTreeMap::new();
            for (i, code) in listed.iter().enumerate() {
                let code = identifier(&format!("commune_stations[{i}]"), code, StationCode::parse)?;
                if let Some(j) = seen.insert(code.clone(), i) {
                    return fail(
                        format!("commune_stations[{i}]"),
                        Message::new(P::UsedTwice)
                            .quoted("value", code.as_str())
                            .text("other", format!("commune_stations[{j}]")),
                    );
                }
                codes.push(code);
            }
            if !codes.contains(&station_code) {
                return fail(
                    "commune_stations",
                    Message::new(P::OwnStationMissing).quoted("code", station_code.as_str()),
                );
            }
            Some(codes)
        }
    };

    let mut required_signers: Vec<Role> = Vec::with_capacity(Role::ALL.len());
    for (i, key) in raw.required_signers.iter().enumerate() {
        let at = format!("required_signers[{i}]");
        let role = Role::parse(key).or_else(|message| fail(&at, message))?;
        if let Some(j) = required_signers.iter().position(|r| *r == role) {
            return fail(
                at,
                Message::new(P::UsedTwice)
                    .quoted("value", key)
                    .text("other", format!("required_signers[{j}]")),
            );
        }
        required_signers.push(role);
    }

    let checkpoint_every = match raw.checkpoint_every {
        None => DEFAULT_CHECKPOINT_EVERY,
        Some(0) => return fail("checkpoint_every", Message::new(P::ZeroSeats)),
        Some(n) => match u32::try_from(n)
            .ok()
            .filter(|n| u64::from(*n) <= MAX_BALLOTS)
        {
            Some(n) => n,
            None => {
                return fail(
                    "checkpoint_every",
                    Message::new(P::MoreThanBallots)
                        .num("value", n)
                        .num("max", MAX_BALLOTS),
                );
            }
        },
    };

    let criteria = match raw.criteria {
        None => CriteriaSet::default_set(),
        Some(list) => {
            if list.is_empty() {
                return fail("criteria", Message::new(P::NoCriteria));
            }
            if list.len() > MAX_CRITERIA {
                return fail(
                    "criteria",
                    Message::new(P::TooManyCriteria)
                        .num("n", list.len() as u64)
                        .num("max", MAX_CRITERIA as u64),
                );
            }
            let mut criteria = Vec::with_capacity(list.len());
            for (i, c) in list.into_iter().enumerate() {
                let code = CriterionCode::parse(&c.code)
                    .or_else(|message| fail(format!("criteria[{i}].code"), message))?;
                check_text(&format!("criteria[{i}].title"), &c.title)?;
                check_text(&format!("criteria[{i}].rule"), &c.rule)?;
                if let Some(example) = &c.example {
                    check_text(&format!("criteria[{i}].example"), example)?;
                }
                criteria.push(Criterion {
                    code,
                    validity: if c.valid {
                        Validity::Valid
                    } else {
                        Validity::Invalid
                    },
                    title: c.title,
                    rule: c.rule,
                    example: c.example,
                });
            }
            CriteriaSet::new(criteria).or_else(|(at, message)| match at {
                Some(i) => fail(format!("criteria[{i}].code"), message),
                None => fail("criteria", message),
            })?
        }
    };

    Ok(StationDefinition {
        election: Election {
            id: election_id,
            name: raw.election.name,
            date,
        },
        station: StationIdentity {
            code: station_code,
            name: raw.station.name,
            commune_code,
            commune: raw.station.commune,
            district: raw.station.district,
            province: raw.station.province,
        },
        registered_voters,
        parties,
        ballot_books,
        council_seats: raw.council_seats,
        complaint_days: raw.complaint_days,
        time_zone,
        practice: raw.practice,
        criteria,
        numerals: raw.numerals,
        commune_stations,
        required_signers,
        checkpoint_every,
    })
}

/// The first range, in the order given, that overlaps a range before it,
/// and the first of those it overlaps: `(i, j)` with `j < i`. The ranges are
/// `(first, last)` with `first <= last`. Until the first overlap the ranges
/// seen are disjoint, so kept by their first value only the one starting
/// last at or before a range's end can reach into it: one look-up a range,
/// O(n log n) in all, then one pass to name the first range overlapped.
fn first_overlap(ranges: &[(u64, u64)]) -> Option<(usize, usize)> {
    let mut seen: BTreeMap<u64, u64> = BTreeMap::new();
    for (i, &(first, last)) in ranges.iter().enumerate() {
        let reaches = seen
            .range(..=last)
            .next_back()
            .is_some_and(|(_, &end)| end >= first);
        if reaches {
            let j = ranges.iter().position(|&(f, l)| first <= l && f <= last)?;
            return Some((i, j));
        }
        seen.insert(first, last);
    }
    None
}

impl fmt::Display for StationIdentity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.code, self.name.get("en"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = include_str!("../../assets/sample-station.json");

    fn edited(edit: impl FnOnce(&mut serde_json::Value)) -> Vec<u8> {
        let mut v: serde_json::Value = serde_json::from_str(SAMPLE).unwrap();
        edit(&mut v);
        serde_json::to_vec(&v).unwrap()
    }

    fn error_of(bytes: Vec<u8>) -> String {
        StationFile::parse(bytes).unwrap_err().to_string()
    }

    #[test]
    fn the_sample_station_parses() {
        let file = StationFile::parse(SAMPLE.as_bytes().to_vec()).unwrap();
        let def = file.definition();
        assert_eq!(def.parties.len(), 12);
        assert!(def.ballot_books.len() >= 2);
        assert!(def.practice);
        assert_eq!(file.hash(), Hash256::of(SAMPLE.as_bytes()));
        assert_eq!(def.party_numbers_text(), "1-12");
    }

    #[test]
    fn duplicate_party_numbers_are_named_with_their_index() {
        let msg = error_of(edited(|v| v["parties"][2]["number"] = 4.into()));
        assert_eq!(msg, "parties[3].number: 4 is used twice (also parties[2])");
    }

    #[test]
    fn unknown_fields_are_refused_with_their_path() {
        let msg = error_of(edited(|v| v["parties"][1]["colour"] = "red".into()));
        assert!(msg.starts_with("parties[1]"), "{msg}");
        assert!(msg.contains("unknown field `colour`"), "{msg}");
    }

    #[test]
    fn overlapping_books_are_refused() {
        let msg = error_of(edited(|v| {
            v["ballot_books"][1]["first_serial"] = v["ballot_books"][0]["last_serial"].clone();
        }));
        assert!(msg.starts_with("ballot_books[1]: serials"), "{msg}");
        assert!(msg.contains("overlap ballot_books[0]"), "{msg}");
    }

    #[test]
    fn replaced_criteria_take_effect() {
        let bytes = edited(|v| {
            v["criteria"] = serde_json::json!([
                {"code": "OK", "valid": true, "title": {"en": "Fine"}, "rule": {"en": "One mark."}},
                {"code": "NO", "valid": false, "title": {"en": "Not fine"}, "rule": {"en": "Anything else."}}
            ]);
        });
        let file = StationFile::parse(bytes).unwrap();
        let criteria = &file.definition().criteria;
        assert_eq!(criteria.default_valid().code.as_str(), "OK");
        assert_eq!(criteria.codes_text(Validity::Invalid), "NO");
    }

    #[test]
    fn numbers_past_their_bounds_are_refused_with_the_field() {
        assert_eq!(
            error_of(edited(|v| v["registered_voters"] = 100_001.into())),
            "registered_voters: 100001 is more than 100000, the most voters one station has"
        );
        assert_eq!(
            error_of(edited(|v| {
                v["ballot_books"] = serde_json::json!([
                    {"book": "A", "first_serial": 1, "last_serial": 60_000},
                    {"book": "B", "first_serial": 60_001, "last_serial": 100_001}
                ]);
            })),
            "ballot_books: 100001 ballots in all is more than 100000, \
             the most ballots one station counts"
        );
        assert_eq!(
            error_of(edited(|v| v["council_seats"] = 101.into())),
            "council_seats: 101 is more than 100, the most seats a council has"
        );
        assert_eq!(
            error_of(edited(|v| v["complaint_days"] = 4_294_967_295u64.into())),
            "complaint_days: 4294967295 is too large (at most 365)"
        );
        // At the bounds, accepted.
        let at_bounds = edited(|v| {
            v["registered_voters"] = 100_000.into();
            v["council_seats"] = 100.into();
            v["complaint_days"] = 365.into();
            v["ballot_books"] = serde_json::json!([
                {"book": "A", "first_serial": 900_000_001, "last_serial": 900_100_000}
            ]);
        });
        assert_eq!(
            StationFile::parse(at_bounds)
                .unwrap()
                .definition()
                .ballots_in_books(),
            100_000
        );
    }

    /// The overlap check as it was: every book against every book before it.
    fn first_overlap_pairwise(ranges: &[(u64, u64)]) -> Option<(usize, usize)> {
        ranges.iter().enumerate().find_map(|(i, &(first, last))| {
            ranges[..i]
                .iter()
                .position(|&(f, l)| first <= l && f <= last)
                .map(|j| (i, j))
        })
    }

    proptest::proptest! {
        #[test]
        fn the_overlap_check_names_the_books_the_pairwise_one_named(
            ranges in proptest::collection::vec((0u64..200, 0u64..20), 0..40)
        ) {
            let ranges: Vec<(u64, u64)> = ranges.iter().map(|&(f, len)| (f, f + len)).collect();
            proptest::prop_assert_eq!(first_overlap(&ranges), first_overlap_pairwise(&ranges));
        }
    }

    #[test]
    fn the_overlap_check_of_100000_books_is_one_pass() {
        // Books of one ballot, shuffled, then one overlapping the middle:
        // checked pairwise, 5 billion comparisons; here, one look-up each.
        let mut ranges: Vec<(u64, u64)> = (0..100_000u64)
            .map(|k| ((k * 7_919) % 100_000 * 2, (k * 7_919) % 100_000 * 2))
            .collect();
        assert_eq!(first_overlap(&ranges), None);
        ranges.push((100_000, 100_001));
        let (i, j) = first_overlap(&ranges).unwrap();
        assert_eq!((i, ranges[j]), (100_000, (100_000, 100_000)));
    }

    #[test]
    fn lists_past_their_bounds_are_refused_before_they_are_checked() {
        let books: Vec<serde_json::Value> = (0..=MAX_BALLOT_BOOKS)
            .map(|k| serde_json::json!({"book": format!("B{k}"), "first_serial": k, "last_serial": k}))
            .collect();
        assert_eq!(
            error_of(edited(|v| v["ballot_books"] = books.into())),
            "ballot_books: 1001 ballot books listed, at most 1000 are supported"
        );
        let stations: Vec<String> = (0..=MAX_COMMUNE_STATIONS)
            .map(|k| format!("0101-01-{k:04}"))
            .collect();
        assert_eq!(
            error_of(edited(|v| v["commune_stations"] = stations.into())),
            "commune_stations: 1001 stations listed, at most 1000 are supported"
        );
        let criterion = serde_json::json!({"code": "V1", "valid": true, "title": {"en": "t"}, "rule": {"en": "r"}});
        assert_eq!(
            error_of(edited(
                |v| v["criteria"] = vec![criterion; MAX_CRITERIA + 1].into()
            )),
            "criteria: 51 criteria listed, at most 50 are supported"
        );
        assert_eq!(
            error_of(edited(
                |v| v["parties"][0]["name"]["en"] = "x".repeat(2001).into()
            )),
            "parties[0].name: en: 2001 characters is too long (at most 2000)"
        );
        let languages: serde_json::Map<String, serde_json::Value> =
            ["aa", "bb", "cc", "dd", "ee", "ff", "gg", "hh", "ii"]
                .iter()
                .map(|l| (l.to_string(), "x".into()))
                .collect();
        assert_eq!(
            error_of(edited(|v| v["station"]["name"] = languages.into())),
            "station.name: 9 languages, at most 8 are supported"
        );
        assert_eq!(
            error_of(vec![b' '; MAX_STATION_FILE_BYTES as usize + 1]),
            "station file: 4194305 is too large (at most 4194304)"
        );
    }

    #[test]
    fn a_long_value_is_quoted_by_its_beginning() {
        let name = "b".repeat(5000);
        let msg = error_of(edited(|v| {
            v["ballot_books"][0]["book"] = name.clone().into()
        }));
        assert!(msg.len() < 400, "{msg}");
        assert!(msg.contains(&format!("\"{}\"…", &name[..100])), "{msg}");
    }

    #[test]
    fn trailing_bytes_after_the_object_are_refused() {
        let mut bytes = SAMPLE.as_bytes().to_vec();
        bytes.extend_from_slice(b"{}");
        assert!(error_of(bytes).starts_with("station file: trailing characters"));
    }
}
