//! Commune tabulation: the commune election commission's sum of its
//! stations' results files, and the council seats. Every file has been
//! parsed and hashed by the caller; here they are checked against each other
//! (one election, one commune, the same parties and seats, one result per
//! station, a recount replacing exactly the original it links to), summed,
//! and the seats allocated. The commune results document is canonical JSON
//! carrying its own hash, and lists every station's results hash so that
//! anyone can trace a commune total back to the posted forms.

use crate::domain::hash::Hash256;
use crate::domain::identifier::{CommuneCode, ElectionId, StationCode};
use crate::domain::limits::{MAX_BALLOTS, MAX_SEATS};
use crate::domain::message::{Explain, Message, P};
use crate::domain::paper_codes::{PaperCode, PaperCodes};
use crate::domain::party::PartyNumber;
use crate::domain::results::{ElectionPart, PRACTICE_NOTICE, PartyPart, ResultsDocument};
use crate::domain::seats::{allocate, quotient_text};
use crate::domain::short_code::short_code;
use crate::domain::station::StationFile;
use crate::domain::text::LocalizedText;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// The `format` of a commune results document.
pub const COMMUNE_FORMAT: &str = "polltally-commune/1";

/// The tie rule every commune uses.
pub const TIE_RULE: &str = "more_votes_then_lot";

/// One station's results file, as read: a name for messages (its path),
/// the parsed document and the hash of its bytes.
#[derive(Debug, Clone)]
pub struct StationResults {
    pub file: String,
    pub doc: ResultsDocument,
    pub hash: Hash256,
}

/// Why a set of results files cannot be tabulated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TabulationError {
    NoFiles,
    OtherElection {
        file: String,
        found: ElectionId,
        expected: ElectionId,
    },
    OtherCommune {
        file: String,
        found: CommuneCode,
        expected: CommuneCode,
    },
    PracticeMixed {
        file: String,
    },
    OtherParties {
        file: String,
    },
    OtherSeats {
        file: String,
        found: u32,
        expected: u32,
    },
    SameFileTwice {
        file: String,
        other: String,
    },
    TwoForStation {
        station: StationCode,
        file: String,
        other: String,
    },
    TwoRecounts {
        station: StationCode,
        file: String,
        other: String,
    },
    /// The station files given as issued are none.
    NoIssuedStations,
    /// A results file of a station no issued station file is for.
    NotIssued {
        file: String,
        station: StationCode,
    },
    /// Two different station files issued for one station.
    IssuedTwice {
        station: StationCode,
        file: String,
        other: String,
    },
    /// A results file counted with another station file than the issued one.
    OtherDefinition {
        file: String,
        station: StationCode,
        found: Hash256,
        expected: Hash256,
    },
    /// A results file whose council seats are not its station file's.
    OtherSeatsIssued {
        file: String,
        found: u32,
        expected: u32,
    },
    /// A results file whose parties (numbers, abbreviations) are not its
    /// station file's.
    OtherPartiesIssued {
        file: String,
        station: StationCode,
    },
    /// A results file whose short code is not the one typed from copy C
    /// of its station's form.
    PaperDiffers {
        file: String,
        found: String,
        typed: PaperCode,
    },
    /// A short code typed for a station no issued station file is for.
    PaperNotIssued {
        typed: PaperCode,
    },
    /// A sum of the commune too large to count (each results file is
    /// bounded, so only a number of files no commune has gets here).
    SumTooLarge {
        field: String,
    },
}

impl Explain for TabulationError {
    fn message(&self) -> Message {
        match self {
            TabulationError::NoFiles => Message::new(P::NoResultsFiles),
            TabulationError::OtherElection {
                file,
                found,
                expected,
            } => Message::new(P::OtherElectionFile)
                .quoted("found", found.as_str())
                .quoted("expected", expected.as_str())
                .at(file.as_str()),
            TabulationError::OtherCommune {
                file,
                found,
                expected,
            } => Message::new(P::OtherCommuneFile)
                .quoted("found", found.as_str())
                .quoted("expected", expected.as_str())
                .at(file.as_str()),
            TabulationError::PracticeMixed { file } => {
                Message::new(P::PracticeMixed).at(file.as_str())
            }
            TabulationError::OtherParties { file } => {
                Message::new(P::OtherPartiesFile).at(file.as_str())
            }
            TabulationError::OtherSeats {
                file,
                found,
                expected,
            } => Message::new(P::OtherSeatsFile)
                .num("found", *found)
                .num("expected", *expected)
                .at(file.as_str()),
            TabulationError::SameFileTwice { file, other } => Message::new(P::SameFileTwice)
                .text("other", other)
                .at(file.as_str()),
            TabulationError::TwoForStation {
                station,
                file,
                other,
            } => Message::new(P::TwoForStation)
                .quoted("station", station.as_str())
                .text("other", other)
                .at(file.as_str()),
            TabulationError::TwoRecounts {
                station,
                file,
                other,
            } => Message::new(P::TwoRecounts)
                .quoted("station", station.as_str())
                .text("other", other)
                .at(file.as_str()),
            TabulationError::NoIssuedStations => Message::new(P::NoIssuedStations).at("stations"),
            TabulationError::NotIssued { file, station } => Message::new(P::StationNotIssued)
                .quoted("station", station.as_str())
                .at(file.as_str()),
            TabulationError::IssuedTwice {
                station,
                file,
                other,
            } => Message::new(P::StationIssuedTwice)
                .quoted("station", station.as_str())
                .text("other", other)
                .at(file.as_str()),
            TabulationError::OtherDefinition {
                file,
                station,
                found,
                expected,
            } => Message::new(P::OtherDefinitionFile)
                .text("found", found.to_hex())
                .quoted("station", station.as_str())
                .text("expected", expected.to_hex())
                .at(file.as_str()),
            TabulationError::OtherSeatsIssued {
                file,
                found,
                expected,
            } => Message::new(P::OtherSeatsIssued)
                .num("found", *found)
                .num("expected", *expected)
                .at(file.as_str()),
            TabulationError::OtherPartiesIssued { file, station } => {
                Message::new(P::OtherPartiesIssued)
                    .quoted("station", station.as_str())
                    .at(file.as_str())
            }
            TabulationError::PaperDiffers { file, found, typed } => Message::new(P::PaperDiffers)
                .text("found", found)
                .quoted("station", typed.station.as_str())
                .text("typed", &typed.code)
                .message("place", typed.place())
                .at(file.as_str()),
            TabulationError::PaperNotIssued { typed } => Message::new(P::PaperNotIssued)
                .quoted("station", typed.station.as_str())
                .message("place", typed.place())
                .at("codes"),
            TabulationError::SumTooLarge { field } => {
                Message::new(P::SumTooLarge).at(field.as_str())
            }
        }
    }
}

/// Adds `n` to the commune's `total` of `field`, never wrapping.
fn add(total: &mut u64, n: u64, field: &str) -> Result<(), TabulationError> {
    *total = total
        .checked_add(n)
        .ok_or_else(|| TabulationError::SumTooLarge {
            field: field.to_string(),
        })?;
    Ok(())
}

/// A station counted in the commune total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommuneStation {
    pub code: StationCode,
    pub results_hash: Hash256,
    /// For a recount: the results hash of the count it recounts.
    pub recount_of: Option<Hash256>,
    pub valid: u64,
    pub invalid: u64,
    /// Party number (as a string) -> valid votes at this station.
    pub votes: BTreeMap<String, u64>,
    /// Whether the results file's short code was checked against the one
    /// typed from copy C of the station's form (and matched). Absent only
    /// in commune files older than the check.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paper_checked: Option<bool>,
}

/// A station result replaced by a recount of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Replaced {
    pub code: StationCode,
    pub results_hash: Hash256,
    pub replaced_by: Hash256,
}

/// Sums of every figure over the commune's stations.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommuneFigures {
    pub registered_voters: u64,
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
    pub disputed: u64,
}

/// One seat won, with the quotient that won it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeatRow {
    pub seat: u32,
    pub party: u32,
    pub votes: u64,
    pub divisor: u32,
    /// `votes / divisor`, three decimals, rounded down.
    pub quotient: String,
    /// Won over an equal quotient because of more votes.
    pub by_more_votes: bool,
}

/// Seats left to a drawing of lots.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TieRow {
    pub seats: u32,
    pub parties: Vec<u32>,
    pub votes: u64,
    pub divisor: u32,
    pub quotient: String,
}

/// The commune results document (without its own hash, which
/// [`CommuneResults::to_bytes`] adds).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommuneResults {
    pub format: String,
    pub practice: bool,
    pub notice: Option<String>,
    pub election: ElectionPart,
    pub commune_code: CommuneCode,
    pub commune: LocalizedText,
    pub district: LocalizedText,
    pub province: LocalizedText,
    pub council_seats: u32,
    pub tie_rule: String,
    pub parties: Vec<PartyPart>,
    /// Party number (as a string) -> valid votes in the commune.
    pub votes: BTreeMap<String, u64>,
    /// Party number (as a string) -> seats won.
    pub seats: BTreeMap<String, u32>,
    /// Invalid criterion code -> ballots in the commune.
    pub invalid: BTreeMap<String, u64>,
    pub figures: CommuneFigures,
    /// The stations summed, by code.
    pub stations: Vec<CommuneStation>,
    /// Station results replaced by a recount of them.
    pub replaced: Vec<Replaced>,
    /// Stations the station files list for the commune with no results file;
    /// null when no station file lists the commune's stations.
    pub missing_stations: Option<Vec<StationCode>>,
    /// Stations with a short code typed from paper but no results file;
    /// absent when no codes were typed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paper_without_file: Option<Vec<StationCode>>,
    pub allocation: Vec<SeatRow>,
    /// Seats left to a drawing of lots (empty when none).
    pub ties: Vec<TieRow>,
}

impl CommuneResults {
    /// The hash of the document without its `hash` key.
    pub fn hash(&self) -> Result<Hash256, Message> {
        crate::domain::canonical::to_canonical(self).map(|bytes| Hash256::of(&bytes))
    }

    /// The file's bytes: canonical JSON of the document with its `hash`.
    pub fn to_bytes(&self) -> Result<Vec<u8>, Message> {
        let mut value = serde_json::to_value(self)
            .map_err(|err| Message::new(P::NotEncodable).text("detail", err))?;
        if let Some(object) = value.as_object_mut() {
            object.insert(
                "hash".into(),
                serde_json::Value::String(self.hash()?.to_hex()),
            );
        }
        crate::domain::canonical::to_canonical(&value)
    }

    /// Reads a commune results file and checks its hash.
    pub fn parse(bytes: &[u8]) -> Result<CommuneResults, Message> {
        let mut value: serde_json::Value =
            serde_json::from_slice(bytes).map_err(Message::verbatim)?;
        let stated = value
            .as_object_mut()
            .and_then(|o| o.remove("hash"))
            .and_then(|h| h.as_str().and_then(|h| h.parse::<Hash256>().ok()));
        if let Some((field, c)) = crate::domain::results::control_character(&value, String::new()) {
            return Err(Message::new(P::ControlCharacter)
                .text("c", format!("U+{:04X}", u32::from(c)))
                .at(field));
        }
        let doc: CommuneResults = serde_json::from_value(value).map_err(Message::verbatim)?;
        if stated != Some(doc.hash()?) || doc.to_bytes()? != bytes {
            return Err(Message::new(P::CommuneHashMismatch));
        }
        doc.check_bounds()?;
        Ok(doc)
    }

    /// Every number within its bound: the council's seats as a station's;
    /// each station's counts at most [`MAX_BALLOTS`]; the commune's sums at
    /// most that many for each station summed; seats at most the council's.
    fn check_bounds(&self) -> Result<(), Message> {
        if self.council_seats == 0 {
            return Err(Message::new(P::ZeroSeats).at("council_seats"));
        }
        if self.council_seats > MAX_SEATS {
            return Err(Message::new(P::MoreThanSeats)
                .num("value", self.council_seats)
                .num("max", MAX_SEATS)
                .at("council_seats"));
        }
        let most = |max: u64, value: u64, field: String| {
            if value > max {
                Err(Message::new(P::TooLarge)
                    .num("value", value)
                    .num("max", max)
                    .at(field))
            } else {
                Ok(())
            }
        };
        for (i, station) in self.stations.iter().enumerate() {
            most(MAX_BALLOTS, station.valid, format!("stations[{i}].valid"))?;
            most(
                MAX_BALLOTS,
                station.invalid,
                format!("stations[{i}].invalid"),
            )?;
            for (party, n) in &station.votes {
                most(MAX_BALLOTS, *n, format!("stations[{i}].votes.{party}"))?;
            }
        }
        let stations = u64::try_from(self.stations.len()).unwrap_or(u64::MAX);
        let commune = MAX_BALLOTS.saturating_mul(stations);
        let f = &self.figures;
        for (field, value) in [
            ("registered_voters", f.registered_voters),
            ("received", f.received),
            ("unused", f.unused),
            ("spoiled", f.spoiled),
            ("voters_marked", f.voters_marked),
            ("supplementary", f.supplementary),
            ("temporary_id", f.temporary_id),
            ("in_box", f.in_box),
            ("valid", f.valid),
            ("invalid", f.invalid),
            ("disputed", f.disputed),
        ] {
            most(commune, value, format!("figures.{field}"))?;
        }
        for (name, map) in [("votes", &self.votes), ("invalid", &self.invalid)] {
            for (key, n) in map {
                most(commune, *n, format!("{name}.{key}"))?;
            }
        }
        for (party, n) in &self.seats {
            most(
                u64::from(self.council_seats),
                u64::from(*n),
                format!("seats.{party}"),
            )?;
        }
        Ok(())
    }
}

/// Tabulates one commune.
pub fn tabulate(files: &[StationResults]) -> Result<CommuneResults, TabulationError> {
    let Some(first) = files.first() else {
        return Err(TabulationError::NoFiles);
    };
    let head = &first.doc;
    for f in files {
        let d = &f.doc;
        if d.election.id != head.election.id {
            return Err(TabulationError::OtherElection {
                file: f.file.clone(),
                found: d.election.id.clone(),
                expected: head.election.id.clone(),
            });
        }
        if d.station.commune_code != head.station.commune_code {
            return Err(TabulationError::OtherCommune {
                file: f.file.clone(),
                found: d.station.commune_code.clone(),
                expected: head.station.commune_code.clone(),
            });
        }
        if d.practice != head.practice {
            return Err(TabulationError::PracticeMixed {
                file: f.file.clone(),
            });
        }
        if d.parties != head.parties {
            return Err(TabulationError::OtherParties {
                file: f.file.clone(),
            });
        }
        if d.council_seats != head.council_seats {
            return Err(TabulationError::OtherSeats {
                file: f.file.clone(),
                found: d.council_seats,
                expected: head.council_seats,
            });
        }
    }
    let (counted, replaced) = one_per_station(files)?;

    let mut votes: BTreeMap<String, u64> = head
        .parties
        .iter()
        .map(|p| (p.number.to_string(), 0))
        .collect();
    let mut invalid: BTreeMap<String, u64> = BTreeMap::new();
    let mut figures = CommuneFigures::default();
    for f in &counted {
        let d = &f.doc;
        for (party, n) in &d.votes {
            add(votes.entry(party.clone()).or_insert(0), *n, "votes")?;
        }
        for (code, n) in &d.invalid {
            add(invalid.entry(code.clone()).or_insert(0), *n, "invalid")?;
        }
        let s = &d.figures;
        let t = &mut figures;
        for (total, n, field) in [
            (
                &mut t.registered_voters,
                d.registered_voters,
                "figures.registered_voters",
            ),
            (&mut t.received, s.received, "figures.received"),
            (&mut t.unused, s.unused, "figures.unused"),
            (&mut t.spoiled, s.spoiled, "figures.spoiled"),
            (
                &mut t.voters_marked,
                s.voters_marked,
                "figures.voters_marked",
            ),
            (
                &mut t.supplementary,
                s.supplementary,
                "figures.supplementary",
            ),
            (&mut t.temporary_id, s.temporary_id, "figures.temporary_id"),
            (&mut t.in_box, s.in_box, "figures.in_box"),
            (&mut t.valid, s.valid, "figures.valid"),
            (&mut t.invalid, s.invalid, "figures.invalid"),
            (&mut t.disputed, d.disputed, "figures.disputed"),
        ] {
            add(total, n, field)?;
        }
        t.issued = t
            .issued
            .checked_add(s.issued)
            .ok_or_else(|| TabulationError::SumTooLarge {
                field: "figures.issued".into(),
            })?;
    }

    let by_party: BTreeMap<PartyNumber, u64> = head
        .parties
        .iter()
        .map(|p| {
            let n = votes.get(&p.number.to_string()).copied().unwrap_or(0);
            (PartyNumber(p.number), n)
        })
        .collect();
    let allocation = allocate(&by_party, head.council_seats);

    // Every station any file lists, less those counted; unknown when no
    // file lists the commune's stations.
    let lists: Vec<&Vec<StationCode>> = files
        .iter()
        .filter_map(|f| f.doc.commune_stations.as_ref())
        .collect();
    let present: BTreeSet<&StationCode> = counted.iter().map(|f| &f.doc.station.code).collect();
    let missing_stations = (!lists.is_empty()).then(|| {
        let listed: BTreeSet<&StationCode> = lists.into_iter().flatten().collect();
        listed
            .into_iter()
            .filter(|code| !present.contains(code))
            .cloned()
            .collect()
    });

    let mut stations: Vec<CommuneStation> = counted
        .iter()
        .map(|f| CommuneStation {
            code: f.doc.station.code.clone(),
            results_hash: f.hash,
            recount_of: f.doc.recount.as_ref().map(|r| r.original_results_hash),
            valid: f.doc.figures.valid,
            invalid: f.doc.figures.invalid,
            votes: f.doc.votes.clone(),
            paper_checked: Some(false),
        })
        .collect();
    stations.sort_by(|a, b| a.code.cmp(&b.code));

    Ok(CommuneResults {
        format: COMMUNE_FORMAT.into(),
        practice: head.practice,
        notice: head.practice.then(|| PRACTICE_NOTICE.to_string()),
        election: head.election.clone(),
        commune_code: head.station.commune_code.clone(),
        commune: head.station.commune.clone(),
        district: head.station.district.clone(),
        province: head.station.province.clone(),
        council_seats: head.council_seats,
        tie_rule: TIE_RULE.into(),
        parties: head.parties.clone(),
        seats: allocation
            .seats
            .iter()
            .map(|(p, n)| (p.to_string(), *n))
            .collect(),
        votes,
        invalid,
        figures,
        stations,
        replaced,
        missing_stations,
        paper_without_file: None,
        allocation: allocation
            .awards
            .iter()
            .map(|a| SeatRow {
                seat: a.seat,
                party: a.party.0,
                votes: a.votes,
                divisor: a.divisor,
                quotient: a.quotient_text(),
                by_more_votes: a.by_more_votes,
            })
            .collect(),
        ties: allocation
            .ties
            .iter()
            .map(|t| TieRow {
                seats: t.seats,
                parties: t.parties.iter().map(|p| p.0).collect(),
                votes: t.votes,
                divisor: t.divisor,
                quotient: quotient_text(t.votes, t.divisor),
            })
            .collect(),
    })
}

/// A station file the commune election commission issued, as read: a name
/// for messages (its path) and the file.
#[derive(Debug, Clone)]
pub struct IssuedStation {
    pub file: String,
    pub station: StationFile,
}

/// Tabulates one commune against the station files its commission issued.
/// Each results file must be for an issued station and counted with that
/// station's file (its definition hash the hash of the issued bytes), with
/// the file's council seats and parties; so a results file copied under
/// another station's code, or counted with another version of a station
/// file, is refused. The issued stations without a counted result are the
/// missing ones. The same station file given twice counts once.
pub fn tabulate_issued(
    files: &[StationResults],
    issued: &[IssuedStation],
) -> Result<CommuneResults, TabulationError> {
    if issued.is_empty() {
        return Err(TabulationError::NoIssuedStations);
    }
    let mut by_code: BTreeMap<&StationCode, &IssuedStation> = BTreeMap::new();
    for i in issued {
        let code = &i.station.definition().station.code;
        if let Some(other) = by_code.insert(code, i)
            && other.station.hash() != i.station.hash()
        {
            return Err(TabulationError::IssuedTwice {
                station: code.clone(),
                file: i.file.clone(),
                other: other.file.clone(),
            });
        }
    }
    for f in files {
        let code = &f.doc.station.code;
        let Some(station) = by_code.get(code).map(|i| &i.station) else {
            return Err(TabulationError::NotIssued {
                file: f.file.clone(),
                station: code.clone(),
            });
        };
        if f.doc.definition_hash != station.hash() {
            return Err(TabulationError::OtherDefinition {
                file: f.file.clone(),
                station: code.clone(),
                found: f.doc.definition_hash,
                expected: station.hash(),
            });
        }
        let definition = station.definition();
        if f.doc.council_seats != definition.council_seats {
            return Err(TabulationError::OtherSeatsIssued {
                file: f.file.clone(),
                found: f.doc.council_seats,
                expected: definition.council_seats,
            });
        }
        let in_file = f
            .doc
            .parties
            .iter()
            .map(|p| (p.number, p.abbreviation.as_str()));
        let in_station = definition
            .parties
            .iter()
            .map(|p| (p.number.0, p.abbreviation.as_str()));
        if !in_file.eq(in_station) {
            return Err(TabulationError::OtherPartiesIssued {
                file: f.file.clone(),
                station: code.clone(),
            });
        }
    }
    let mut commune = tabulate(files)?;
    let counted: BTreeSet<&StationCode> = commune.stations.iter().map(|s| &s.code).collect();
    let missing = by_code
        .keys()
        .filter(|code| !counted.contains(*code))
        .map(|code| (*code).clone())
        .collect();
    commune.missing_stations = Some(missing);
    Ok(commune)
}

/// Tabulates one commune: against the issued station files when given
/// ([`tabulate_issued`], else [`tabulate`]), and each station's counted
/// results file against the short code typed from its paper when codes are
/// given ([`check_paper`]).
pub fn tabulate_commune(
    files: &[StationResults],
    issued: Option<&[IssuedStation]>,
    codes: Option<&PaperCodes>,
) -> Result<CommuneResults, TabulationError> {
    let mut commune = match issued {
        Some(issued) => tabulate_issued(files, issued)?,
        None => tabulate(files)?,
    };
    if let Some(codes) = codes {
        let issued: Option<BTreeSet<&StationCode>> = issued.map(|issued| {
            issued
                .iter()
                .map(|i| &i.station.definition().station.code)
                .collect()
        });
        check_paper(&mut commune, files, codes, issued.as_ref())?;
    }
    Ok(commune)
}

/// Holds the results files to the short codes typed from paper. Every code
/// typed must be the short code of one of its station's results files (the
/// count or a recount of it), else the station's counted file is refused: it
/// is not the file the commission signed. A station is `paper_checked` when
/// the code of the file that counts was typed; stations typed without any
/// results file are listed in `paper_without_file`. With issued station
/// files, a code for a station none is for is refused.
pub fn check_paper(
    commune: &mut CommuneResults,
    files: &[StationResults],
    codes: &PaperCodes,
    issued: Option<&BTreeSet<&StationCode>>,
) -> Result<(), TabulationError> {
    let mut of_station: BTreeMap<&StationCode, Vec<&StationResults>> = BTreeMap::new();
    for f in files {
        of_station.entry(&f.doc.station.code).or_default().push(f);
    }
    let mut without_file = BTreeSet::new();
    for typed in &codes.codes {
        if let Some(issued) = issued
            && !issued.contains(&typed.station)
        {
            return Err(TabulationError::PaperNotIssued {
                typed: typed.clone(),
            });
        }
        let Some(group) = of_station.get(&typed.station) else {
            without_file.insert(typed.station.clone());
            continue;
        };
        if group.iter().any(|f| short_code(&f.hash) == typed.code) {
            continue;
        }
        let counted = commune
            .stations
            .iter()
            .find(|s| s.code == typed.station)
            .map(|s| s.results_hash);
        let Some(file) = group
            .iter()
            .find(|f| Some(f.hash) == counted)
            .or(group.first())
        else {
            continue;
        };
        return Err(TabulationError::PaperDiffers {
            file: file.file.clone(),
            found: short_code(&file.hash),
            typed: typed.clone(),
        });
    }
    let typed: BTreeSet<(&StationCode, &str)> = codes
        .codes
        .iter()
        .map(|c| (&c.station, c.code.as_str()))
        .collect();
    for station in &mut commune.stations {
        let code = short_code(&station.results_hash);
        station.paper_checked = Some(typed.contains(&(&station.code, code.as_str())));
    }
    commune.paper_without_file = Some(without_file.into_iter().collect());
    Ok(())
}

/// The one result that counts for each station: a station's files must form
/// one line of recounts (each linking to the one before by its results
/// hash); the last of the line counts and the others are replaced.
fn one_per_station(
    files: &[StationResults],
) -> Result<(Vec<&StationResults>, Vec<Replaced>), TabulationError> {
    let mut by_hash: BTreeMap<Hash256, &StationResults> = BTreeMap::new();
    for f in files {
        if let Some(other) = by_hash.insert(f.hash, f) {
            return Err(TabulationError::SameFileTwice {
                file: f.file.clone(),
                other: other.file.clone(),
            });
        }
    }
    let mut by_station: BTreeMap<&StationCode, Vec<&StationResults>> = BTreeMap::new();
    for f in files {
        by_station.entry(&f.doc.station.code).or_default().push(f);
    }
    let mut counted = Vec::new();
    let mut replaced = Vec::new();
    for (station, group) in by_station {
        // Which file recounts which, inside the group.
        let mut successor: BTreeMap<Hash256, &StationResults> = BTreeMap::new();
        for f in &group {
            let Some(of) = f.doc.recount.as_ref().map(|r| r.original_results_hash) else {
                continue;
            };
            if !group.iter().any(|g| g.hash == of) {
                continue;
            }
            if let Some(other) = successor.insert(of, f) {
                return Err(TabulationError::TwoRecounts {
                    station: station.clone(),
                    file: f.file.clone(),
                    other: other.file.clone(),
                });
            }
        }
        let last: Vec<&&StationResults> = group
            .iter()
            .filter(|f| !successor.contains_key(&f.hash))
            .collect();
        match last.as_slice() {
            [one] => {
                counted.push(**one);
                for f in &group {
                    if let Some(next) = successor.get(&f.hash) {
                        replaced.push(Replaced {
                            code: station.clone(),
                            results_hash: f.hash,
                            replaced_by: next.hash,
                        });
                    }
                }
            }
            [a, b, ..] => {
                return Err(TabulationError::TwoForStation {
                    station: station.clone(),
                    file: b.file.clone(),
                    other: a.file.clone(),
                });
            }
            [] => {
                // A cycle cannot be made (a hash covers the link), but say so
                // rather than drop the station.
                let file = group.first().map(|f| f.file.clone()).unwrap_or_default();
                return Err(TabulationError::TwoForStation {
                    station: station.clone(),
                    file: file.clone(),
                    other: file,
                });
            }
        }
    }
    counted.sort_by(|a, b| a.doc.station.code.cmp(&b.doc.station.code));
    replaced.sort_by(|a, b| {
        a.code
            .cmp(&b.code)
            .then(a.results_hash.cmp(&b.results_hash))
    });
    Ok((counted, replaced))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The commune of the one station of the fixture.
    fn commune() -> CommuneResults {
        let bytes = include_bytes!("../../tests/fixtures/photo-20-parties.json");
        let doc = ResultsDocument::parse(bytes).unwrap();
        tabulate(&[StationResults {
            file: "station.json".into(),
            doc,
            hash: Hash256::of(bytes),
        }])
        .unwrap()
    }

    fn refusal(doc: &CommuneResults) -> String {
        let bytes = doc.to_bytes().unwrap();
        CommuneResults::parse(&bytes).unwrap_err().to_string()
    }

    #[test]
    fn a_commune_file_with_its_own_hash_is_still_held_to_the_bounds() {
        let c = commune();
        assert_eq!(CommuneResults::parse(&c.to_bytes().unwrap()), Ok(c.clone()));
        let mut seats = c.clone();
        seats.council_seats = 0;
        assert_eq!(
            refusal(&seats),
            "council_seats: 0 is not allowed (at least 1)"
        );
        let mut votes = c.clone();
        votes.votes.insert("1".into(), 9_300_000_000_000_000_000);
        assert_eq!(
            refusal(&votes),
            "votes.1: 9300000000000000000 is too large (at most 100000)"
        );
        let mut named = c.clone();
        named.parties[0].abbreviation = "A\u{7}".into();
        assert_eq!(
            refusal(&named),
            "parties[0].abbreviation: contains the control character U+0007"
        );
        let mut station = c;
        station.stations[0].valid = 100_001;
        assert_eq!(
            refusal(&station),
            "stations[0].valid: 100001 is too large (at most 100000)"
        );
    }
}
