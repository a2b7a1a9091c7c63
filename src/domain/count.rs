//! The state of a count, derived from its journal one event at a time: the
//! rulings and their voids, the tally, the latest figures, the pile counts and
//! the explanations. Each change has a `check_*` (may it happen?) and an
//! `apply_*` (it happened); the journal checks, commits, then applies, so the
//! state moves in O(log n) per event and never needs a full re-fold. The
//! ballot numbers people see are derived here too (the rule is in `ballot`).

use crate::domain::ballot::{BallotNumber, Numbering};
use crate::domain::dense::DenseMap;
use crate::domain::free_text::FreeText;
use crate::domain::hash::Hash256;
use crate::domain::limits::MAX_BALLOTS;
use crate::domain::message::{Explain, Label, Message, P};
use crate::domain::party::PartyNumber;
use crate::domain::person::{Person, Role};
use crate::domain::reconciliation::{
    Check, CheckInputs, CheckName, CheckStatus, Figure, Figures, checks,
};
use crate::domain::recount::{self, Origin, RecountBinding, RecountMode, RecountState};
use crate::domain::ruling::{Ruling, RulingError, Verdict, not_on_ballot};
use crate::domain::seal::{Seal, check_signers};
use crate::domain::seq::Seq;
use crate::domain::serials::{BookUse, check_book_serials, unused_by_serial};
use crate::domain::station::StationDefinition;
use crate::domain::tally::Tally;
use crate::domain::time::Timestamp;
use crate::domain::training::{Training, TrainingError, TrainingSpec};
use crate::domain::zone::Zone;
use std::collections::BTreeMap;
use std::sync::Arc;

/// Why a change cannot be recorded. Messages name the field and the value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CountError {
    Ruling(RulingError),
    NoSuchEntry {
        target: Seq,
        last: Seq,
    },
    VoidOfVoid {
        target: Seq,
        of: Seq,
    },
    NotARuling {
        target: Seq,
    },
    AlreadyVoided {
        target: Seq,
        by: Seq,
    },
    NoFigures,
    TooLarge {
        figure: String,
        value: u64,
    },
    UnknownParty {
        party: u32,
        known: String,
    },
    UnknownCheck {
        check: String,
    },
    DisputeOfVoided {
        target: Seq,
        by: Seq,
    },
    AlreadyDisputing {
        party: u32,
        target: Seq,
    },
    NoDisputants,
    Person(Message),
    NotAPerson {
        target: Seq,
        /// The field that named it: `seq`, or `by` for a complaint.
        field: &'static str,
    },
    AlreadyWithdrawn {
        target: Seq,
        by: Seq,
    },
    /// A withdrawal of the presence of someone who lodged a complaint: the
    /// complaint would lose who lodged it.
    LodgedComplaint {
        target: Seq,
        complaint: Seq,
    },
    /// A departure of a person already recorded as gone.
    AlreadyDeparted {
        target: Seq,
        by: Seq,
    },
    /// A departure or complaint naming a presence entry that was withdrawn.
    PresenceWasWithdrawn {
        target: Seq,
        by: Seq,
        field: &'static str,
    },
    /// A complaint by someone who is neither a party agent nor an observer.
    NotAComplainant {
        target: Seq,
        role: Role,
    },
    /// A complaint about a ballot number no ruling has had.
    NoSuchBallot {
        ballot: BallotNumber,
        highest: u64,
    },
    Sealed {
        seq: Seq,
    },
    NotReady(Vec<SealingGap>),
    Seal(Message),
    /// Books' serials that do not fit the station's books.
    BookSerials(Message),
    RecountOfAnother {
        bound: Hash256,
        original: Hash256,
    },
    RecountWithoutOriginal,
    OriginalWithoutRecount,
    NotAReview,
    ReviewNeedsOriginal,
    NotUnderReview {
        original: Seq,
        under_review: String,
    },
    AlreadyReviewed {
        original: Seq,
        by: Seq,
    },
    /// A review asked for a ballot number that is not under review.
    BallotNotUnderReview {
        ballot: BallotNumber,
        under_review: String,
    },
    /// A review asked for a ballot number already ruled again.
    BallotAlreadyReviewed {
        ballot: BallotNumber,
    },
    /// A training round's rules.
    Training(TrainingError),
    /// A checkpoint asked for while the one at `seq` is the journal's last
    /// entry.
    CheckpointStands {
        seq: Seq,
    },
}

impl From<RulingError> for CountError {
    fn from(err: RulingError) -> CountError {
        CountError::Ruling(err)
    }
}

impl Explain for CountError {
    fn message(&self) -> Message {
        let seq = |key: P, target: Seq| Message::new(key).num("target", target.0);
        match self {
            CountError::Ruling(err) => err.message(),
            CountError::NoSuchEntry { target, last } => seq(P::NoSuchEntry, *target)
                .num("last", last.0)
                .at("seq")
                .labelled(Label::Ballot),
            CountError::VoidOfVoid { target, of } => seq(P::VoidOfVoid, *target)
                .num("of", of.0)
                .at("seq")
                .labelled(Label::Ballot),
            CountError::NotARuling { target } => seq(P::NotARuling, *target)
                .at("seq")
                .labelled(Label::Ballot),
            CountError::AlreadyVoided { target, by } => seq(P::AlreadyVoided, *target)
                .num("by", by.0)
                .at("seq")
                .labelled(Label::Ballot),
            CountError::NoFigures => Message::new(P::NoFigures).at("figures"),
            CountError::TooLarge { figure, value } => {
                let message = Message::new(P::TooLarge)
                    .num("value", *value)
                    .num("max", MAX_BALLOTS)
                    .at(figure.as_str());
                match Figure::ALL.into_iter().find(|f| f.key() == figure) {
                    Some(f) => message.labelled(Label::Figure(f)),
                    None => message,
                }
            }
            CountError::UnknownParty { party, known } => not_on_ballot(*party, known)
                .at("party")
                .labelled(Label::Party),
            CountError::UnknownCheck { check } => Message::new(P::UnknownCheck)
                .text("check", check)
                .at("check"),
            CountError::DisputeOfVoided { target, by } => seq(P::DisputeOfVoided, *target)
                .num("by", by.0)
                .at("seq")
                .labelled(Label::Ballot),
            CountError::AlreadyDisputing { party, target } => Message::new(P::AlreadyDisputing)
                .num("party", *party)
                .num("target", target.0)
                .at("parties")
                .labelled(Label::Disputants),
            CountError::NoDisputants => Message::new(P::NoDisputants)
                .at("parties")
                .labelled(Label::Disputants),
            CountError::Person(problem)
            | CountError::Seal(problem)
            | CountError::BookSerials(problem) => problem.clone(),
            CountError::NotAPerson { target, field } => seq(P::NotAPerson, *target).at(*field),
            CountError::AlreadyWithdrawn { target, by } => {
                seq(P::AlreadyWithdrawn, *target).num("by", by.0).at("seq")
            }
            CountError::LodgedComplaint { target, complaint } => seq(P::LodgedComplaint, *target)
                .num("complaint", complaint.0)
                .at("seq"),
            CountError::AlreadyDeparted { target, by } => {
                seq(P::AlreadyDeparted, *target).num("by", by.0).at("seq")
            }
            CountError::PresenceWasWithdrawn { target, by, field } => {
                seq(P::PresenceWasWithdrawn, *target)
                    .num("by", by.0)
                    .at(*field)
            }
            CountError::NotAComplainant { target, role } => seq(P::NotAComplainant, *target)
                .role("role", *role)
                .at("by"),
            CountError::NoSuchBallot { ballot, highest } => Message::new(P::NoSuchBallot)
                .num("ballot", ballot.0)
                .num("highest", *highest)
                .at("ballot")
                .labelled(Label::Ballot),
            CountError::Sealed { seq } => Message::new(P::Sealed).num("seq", seq.0),
            CountError::RecountOfAnother { bound, original } => Message::new(P::RecountOfAnother)
                .text("bound", bound)
                .text("original", original),
            CountError::RecountWithoutOriginal => Message::new(P::RecountWithoutOriginal),
            CountError::OriginalWithoutRecount => Message::new(P::OriginalWithoutRecount),
            CountError::NotAReview => Message::new(P::NotAReview)
                .at("review_of")
                .labelled(Label::Ballot),
            CountError::ReviewNeedsOriginal => Message::new(P::ReviewNeedsOriginal),
            CountError::NotUnderReview {
                original,
                under_review,
            } => Message::new(P::NotUnderReview)
                .num("original", original.0)
                .text("list", under_review)
                .at("review_of")
                .labelled(Label::Ballot),
            CountError::AlreadyReviewed { original, by } => Message::new(P::AlreadyReviewed)
                .num("original", original.0)
                .num("by", by.0)
                .at("review_of")
                .labelled(Label::Ballot),
            CountError::BallotNotUnderReview {
                ballot,
                under_review,
            } => Message::new(P::BallotNotUnderReview)
                .num("ballot", ballot.0)
                .text("list", under_review)
                .at("ballot")
                .labelled(Label::Ballot),
            CountError::BallotAlreadyReviewed { ballot } => Message::new(P::BallotAlreadyReviewed)
                .num("ballot", ballot.0)
                .at("ballot")
                .labelled(Label::Ballot),
            CountError::Training(err) => err.message(),
            CountError::CheckpointStands { seq } => {
                Message::new(P::CheckpointStands).num("seq", seq.0)
            }
            CountError::NotReady(gaps) => {
                Message::new(P::NotReady).list("gaps", gaps.iter().map(Explain::message).collect())
            }
        }
    }
}

/// A ruling in the count, live or voided.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RulingRecord {
    pub ruling: Ruling,
    /// Parties that disputed the ruling after it was recorded, in order.
    pub later_disputes: Vec<PartyNumber>,
    pub voided_by: Option<Seq>,
    /// In a review recount: the original seq of the ballot ruled again.
    pub review_of: Option<Seq>,
    /// The ballot's number, the one people see (in a review, the
    /// original's number of the ballot).
    pub ballot: BallotNumber,
}

impl RulingRecord {
    /// Every party disputing the ruling: those named with it, then later ones.
    pub fn disputants(&self) -> impl Iterator<Item = PartyNumber> + '_ {
        self.ruling
            .disputed_by
            .iter()
            .chain(&self.later_disputes)
            .copied()
    }

    pub fn is_disputed(&self) -> bool {
        self.disputants().next().is_some()
    }

    pub fn is_live(&self) -> bool {
        self.voided_by.is_none()
    }

    /// A live ballot set aside for a review: ruled invalid, or disputed.
    /// Its number is written on its back; a review rules exactly these again.
    pub fn is_set_aside(&self) -> bool {
        self.is_live()
            && (self.is_disputed() || matches!(self.ruling.verdict, Verdict::Invalid { .. }))
    }
}

/// A person recorded as present, and whether the entry was withdrawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PresenceRecord {
    pub person: Person,
    pub withdrawn_by: Option<Seq>,
    /// When the presence entry was recorded: the person's arrival (none
    /// until the entry's time is noted, see [`Count::note_entry`]).
    pub arrived_at: Option<Timestamp>,
    /// The person's departure, once recorded.
    pub departure: Option<Departure>,
}

impl PresenceRecord {
    /// Whether the person is at the count now: not withdrawn as a
    /// mistake, and not gone (one who comes back has a presence of their
    /// own).
    pub fn is_here(&self) -> bool {
        self.withdrawn_by.is_none() && self.departure.is_none()
    }
}

/// A person leaving the count: the entry, when, and the reason given. A
/// departure is not a withdrawal: the person was present, and left.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Departure {
    pub seq: Seq,
    pub reason: FreeText,
    pub at: Option<Timestamp>,
}

/// A complaint lodged during the count by a party agent or observer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComplaintRecord {
    pub seq: Seq,
    /// The presence entry of the person complaining.
    pub by: Seq,
    pub text: FreeText,
    /// The ballot the complaint concerns, if one.
    pub ballot: Option<BallotNumber>,
    pub at: Option<Timestamp>,
}

/// What still stands between the count and its sealing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SealingGap {
    /// A figure has not been recorded.
    FigureMissing(Figure),
    /// A check differs and has no written explanation.
    Unexplained { check: CheckName, difference: i64 },
    /// Fewer ballots are ruled than were found in the box, without an
    /// explanation of `box_vs_rulings`.
    RulingIncomplete { ruled: u64, in_box: u64 },
    /// A review has not ruled again every ballot under review.
    Unreviewed { reviewed: u64, of: u64 },
}

impl Explain for SealingGap {
    fn message(&self) -> Message {
        match self {
            SealingGap::FigureMissing(figure) => {
                Message::new(P::GapFigure).figure("figure", *figure)
            }
            SealingGap::Unexplained { check, difference } => Message::new(P::GapUnexplained)
                .check("check", *check)
                .signed("difference", *difference),
            SealingGap::RulingIncomplete { ruled, in_box } => Message::new(P::GapUnruled)
                .num("ruled", *ruled)
                .num("in_box", *in_box),
            SealingGap::Unreviewed { reviewed, of } => Message::new(P::GapUnreviewed)
                .num("reviewed", *reviewed)
                .num("of", *of),
        }
    }
}

/// The derived state of one count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Count {
    def: Arc<StationDefinition>,
    last_seq: Seq,
    rulings: DenseMap<Seq, RulingRecord>,
    voids: BTreeMap<Seq, Seq>,
    ballots: Numbering,
    /// The ruling last ruled, disputed or voided: the ballot last acted on.
    last_acted_on: Option<Seq>,
    tally: Tally,
    figures: Figures,
    figure_history: BTreeMap<Figure, Vec<(Seq, u64)>>,
    piles: BTreeMap<PartyNumber, u64>,
    explanations: BTreeMap<CheckName, FreeText>,
    people: BTreeMap<Seq, PresenceRecord>,
    complaints: Vec<ComplaintRecord>,
    /// The latest departure entry and the presence entry it ends, until
    /// its time is noted.
    last_departure: Option<(Seq, Seq)>,
    /// The latest use recorded of each ballot book, by book.
    book_serials: BTreeMap<String, BookUse>,
    sealed: Option<(Seq, Seal)>,
    /// For a recount: the sealed original it was made from.
    origin: Option<Arc<Origin>>,
    recount: Option<RecountState>,
    /// The laptop's zone recorded at opening (used when the station file
    /// names none).
    recorded_zone: Option<Zone>,
    /// For a training round: its deck and the members' answers.
    training: Option<Box<Training>>,
    /// Every how many rulings a checkpoint falls, as the opening entry
    /// recorded it (none for records opened before checkpoints).
    checkpoint_every: Option<u32>,
    /// The ruling entries so far (rulings and reviews, voided or not).
    ruling_entries: u64,
    /// The last ruling entry (for the ballot a checkpoint names).
    checkpoints_ruling_seq: Option<Seq>,
    checkpoints: Vec<Checkpoint>,
}

/// A point of the journal shown on the counting screen for party agents to
/// write down: the entry, the last ballot ruled, and the entry's hash once
/// the shell has given it (its code is what is written down).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checkpoint {
    pub seq: Seq,
    /// The ballot ruled last at this point; `None` before the first.
    pub ballot: Option<BallotNumber>,
    /// Asked for (a key or `polltally checkpoint`), not every N rulings.
    pub asked: bool,
    pub hash: Option<Hash256>,
}

impl Count {
    /// An empty count of this station: every tally at zero, no figures.
    pub fn new(def: Arc<StationDefinition>) -> Count {
        Count {
            tally: Tally::empty(&def),
            def,
            last_seq: Seq(0),
            rulings: DenseMap::new(),
            voids: BTreeMap::new(),
            ballots: Numbering::default(),
            last_acted_on: None,
            figures: Figures::default(),
            figure_history: BTreeMap::new(),
            piles: BTreeMap::new(),
            explanations: BTreeMap::new(),
            people: BTreeMap::new(),
            complaints: Vec::new(),
            last_departure: None,
            book_serials: BTreeMap::new(),
            sealed: None,
            origin: None,
            recount: None,
            recorded_zone: None,
            training: None,
            checkpoint_every: None,
            ruling_entries: 0,
            checkpoints_ruling_seq: None,
            checkpoints: Vec::new(),
        }
    }

    /// An empty recount of `origin` (opened by a binding to it).
    pub fn for_recount(def: Arc<StationDefinition>, origin: Arc<Origin>) -> Count {
        Count {
            origin: Some(origin),
            ..Count::new(def)
        }
    }

    pub fn definition(&self) -> &StationDefinition {
        &self.def
    }

    /// The seq of the last event applied (0 before the first).
    pub fn last_seq(&self) -> Seq {
        self.last_seq
    }

    /// The seq the next event will get.
    pub fn next_seq(&self) -> Seq {
        self.last_seq.next()
    }

    // ---- rulings ----

    pub fn check_ruling(&self, ruling: &Ruling) -> Result<(), CountError> {
        self.ensure_open()?;
        if self
            .recount
            .as_ref()
            .is_some_and(|s| s.binding.mode == RecountMode::Review)
        {
            return Err(CountError::ReviewNeedsOriginal);
        }
        // No station counts more ballots than its books may hold, so that
        // every tally stays within the bounds its results file is read by.
        let ruled = self.tally.ruled();
        if ruled >= MAX_BALLOTS {
            return Err(CountError::TooLarge {
                figure: "ballot".into(),
                value: ruled.saturating_add(1),
            });
        }
        ruling.check(&self.def).map_err(CountError::from)
    }

    pub fn apply_ruling(&mut self, seq: Seq, ruling: Ruling) {
        let ballot = self.ballots.ruled(seq);
        self.insert_ruling(seq, ruling, None, ballot);
        self.count_ruling_entry(seq);
    }

    /// Counts a ruling (or a review's ruling of the ballot at `review_of`).
    fn insert_ruling(
        &mut self,
        seq: Seq,
        ruling: Ruling,
        review_of: Option<Seq>,
        ballot: BallotNumber,
    ) {
        self.tally.add(&ruling.verdict, ruling.is_disputed());
        self.last_acted_on = Some(seq);
        self.rulings.insert(
            seq,
            RulingRecord {
                ruling,
                later_disputes: Vec::new(),
                voided_by: None,
                review_of,
                ballot,
            },
        );
        self.last_seq = seq;
    }

    // ---- checkpoints ----

    /// Makes a checkpoint fall every `every` ruling entries (from the
    /// opening entry).
    pub fn apply_checkpoint_every(&mut self, every: Option<u32>) {
        self.checkpoint_every = every;
    }

    /// Every how many rulings a checkpoint falls in this count.
    pub fn checkpoint_every(&self) -> Option<u32> {
        self.checkpoint_every
    }

    /// May a checkpoint be asked for now? Not once sealed, and not while
    /// the checkpoint shown is still the journal as it stands (a second
    /// would show the same ballots under another code).
    pub fn check_checkpoint(&self) -> Result<(), CountError> {
        self.ensure_open()?;
        match self.checkpoints.last() {
            Some(last) if last.seq == self.last_seq => {
                Err(CountError::CheckpointStands { seq: last.seq })
            }
            _ => Ok(()),
        }
    }

    /// The checkpoint asked for at `seq`: the journal as it stands with it.
    pub fn apply_checkpoint(&mut self, seq: Seq) {
        self.last_seq = seq;
        let ballot = self.last_ballot();
        self.checkpoints.push(Checkpoint {
            seq,
            ballot,
            asked: true,
            hash: None,
        });
    }

    /// The ballot of the last ruling entry, if any.
    fn last_ballot(&self) -> Option<BallotNumber> {
        self.checkpoints_ruling_seq
            .and_then(|seq| self.rulings.get(&seq).map(|r| r.ballot))
    }

    /// Counts a ruling entry at `seq`; every `checkpoint_every`-th is a
    /// checkpoint.
    fn count_ruling_entry(&mut self, seq: Seq) {
        self.ruling_entries = self.ruling_entries.saturating_add(1);
        self.checkpoints_ruling_seq = Some(seq);
        if let Some(every) = self.checkpoint_every
            && every > 0
            && self.ruling_entries.is_multiple_of(u64::from(every))
        {
            let ballot = self.last_ballot();
            self.checkpoints.push(Checkpoint {
                seq,
                ballot,
                asked: false,
                hash: None,
            });
        }
    }

    /// Notes the hash and time of the entry at `seq`, as the shell wrote
    /// or read it: a checkpoint there gets its code; an arrival, departure
    /// or complaint its time.
    pub fn note_entry(&mut self, seq: Seq, hash: Hash256, at: Timestamp) {
        if let Some(last) = self.checkpoints.last_mut()
            && last.seq == seq
        {
            last.hash = Some(hash);
        }
        if let Some(record) = self.people.get_mut(&seq) {
            record.arrived_at = Some(at);
        }
        if let Some((_, person)) = self.last_departure.take_if(|(s, _)| *s == seq)
            && let Some(departure) = self
                .people
                .get_mut(&person)
                .and_then(|p| p.departure.as_mut())
        {
            departure.at = Some(at);
        }
        if let Some(last) = self.complaints.last_mut()
            && last.seq == seq
        {
            last.at = Some(at);
        }
    }

    /// The checkpoints so far, in the order they fell.
    pub fn checkpoints(&self) -> &[Checkpoint] {
        &self.checkpoints
    }

    // ---- training rounds (the rules are in `training`) ----

    /// The training round this record holds; `None` for a count.
    pub fn training(&self) -> Option<&Training> {
        self.training.as_deref()
    }

    /// Makes this record a training round ruling the deck `spec` names
    /// (the opening entry admitted it, so the deck can be made).
    pub fn apply_training(&mut self, spec: TrainingSpec) {
        if let Ok(deck) = spec.deck(&self.def) {
            self.training = Some(Box::new(Training::new(spec, deck)));
        }
    }

    pub fn check_answer(
        &self,
        member: &FreeText,
        card: u32,
        verdict: &Verdict,
    ) -> Result<(), CountError> {
        let Some(training) = &self.training else {
            return Err(CountError::Training(TrainingError::NotTraining));
        };
        training
            .check_answer(&self.def, member, card, verdict)
            .map_err(CountError::Training)
    }

    pub fn apply_answer(&mut self, seq: Seq, member: &FreeText, card: u32, verdict: Verdict) {
        if let Some(training) = &mut self.training {
            training.apply_answer(seq, member, card, verdict);
        }
        self.last_seq = seq;
    }

    // ---- time ----

    /// Keeps the laptop's zone that the opening entry recorded.
    pub fn apply_recorded_zone(&mut self, zone: Option<Zone>) {
        self.recorded_zone = zone;
    }

    /// The station's time zone: the station file's, else the laptop's
    /// recorded at opening; none for a record made before polltally
    /// recorded one.
    pub fn known_zone(&self) -> Option<&Zone> {
        self.def.time_zone.as_ref().or(self.recorded_zone.as_ref())
    }

    /// The zone every local time of this count is read in: the known one,
    /// else UTC (as records made before polltally recorded a zone were).
    pub fn zone(&self) -> Zone {
        self.known_zone().cloned().unwrap_or_else(Zone::utc)
    }

    // ---- recounts (the rules are in `recount`) ----

    /// May the first entry open this count (with or without a recount
    /// binding)? A recount's binding must name the original it was made from.
    pub fn check_opening(&self, recount: Option<&RecountBinding>) -> Result<(), CountError> {
        recount::check_opening(recount, self.origin.as_deref())
    }

    /// Opens the count; a recount takes the original's figures, and a review
    /// carries over every live ruling of the original that was valid and
    /// undisputed, leaving the others to be ruled again.
    pub fn apply_opening(&mut self, seq: Seq, recount: Option<RecountBinding>) {
        self.last_seq = seq;
        let (Some(binding), Some(origin)) = (recount, self.origin.clone()) else {
            return;
        };
        let opening = recount::open(binding, &origin);
        self.apply_figures(seq, &opening.figures);
        self.book_serials = origin.count.book_serials.clone();
        for verdict in &opening.carried {
            self.tally.add(verdict, false);
        }
        self.recount = Some(opening.state);
    }

    /// May `ruling` rule again the ballot the original ruled at `original`?
    pub fn check_review(&self, original: Seq, ruling: &Ruling) -> Result<(), CountError> {
        self.ensure_open()?;
        recount::check_review(self.recount.as_ref(), original)?;
        ruling.check(&self.def).map_err(CountError::from)
    }

    /// The original seq of the ballot numbered `ballot` in the original,
    /// if a review may rule it again now; or why not, by ballot number.
    pub fn review_target(&self, ballot: BallotNumber) -> Result<Seq, CountError> {
        self.ensure_open()?;
        let (Some(state), Some(origin)) = (
            self.recount
                .as_ref()
                .filter(|s| s.binding.mode == RecountMode::Review),
            self.origin.as_deref(),
        ) else {
            return Err(CountError::NotAReview);
        };
        let numbers = origin.count.ballots();
        let Some(original) = numbers
            .live_ruling(ballot)
            .filter(|seq| state.to_review.contains_key(seq))
        else {
            let list: Vec<BallotNumber> = state
                .to_review
                .keys()
                .filter_map(|seq| numbers.of(*seq))
                .collect();
            return Err(CountError::BallotNotUnderReview {
                ballot,
                under_review: recount::number_list(list.iter()),
            });
        };
        if state.reviewed.contains_key(&original) {
            return Err(CountError::BallotAlreadyReviewed { ballot });
        }
        Ok(original)
    }

    pub fn apply_review(&mut self, seq: Seq, original: Seq, ruling: Ruling) {
        let ballot = self
            .origin
            .as_deref()
            .and_then(|o| o.count.ballots().of(original))
            .unwrap_or(BallotNumber(0));
        self.ballots.reviewed(seq, ballot);
        self.insert_ruling(seq, ruling, Some(original), ballot);
        self.count_ruling_entry(seq);
        if let Some(state) = &mut self.recount {
            state.reviewed.insert(original, seq);
        }
    }

    /// The recount this count is, if it is one.
    pub fn recount(&self) -> Option<&RecountState> {
        self.recount.as_ref()
    }

    /// The sealed count this one recounts, if it is a recount.
    pub fn origin(&self) -> Option<&Origin> {
        self.origin.as_deref()
    }

    // ---- disputes raised after a ruling ----

    pub fn check_dispute(&self, target: Seq, parties: &[PartyNumber]) -> Result<(), CountError> {
        self.ensure_open()?;
        let record = self.live_ruling(target)?;
        if parties.is_empty() {
            return Err(CountError::NoDisputants);
        }
        for (i, party) in parties.iter().enumerate() {
            if self.def.party(*party).is_none() {
                return Err(CountError::UnknownParty {
                    party: party.0,
                    known: self.def.party_numbers_text(),
                });
            }
            if parties[..i].contains(party) {
                return Err(RulingError::DisputantTwice { party: party.0 }.into());
            }
            if record.disputants().any(|p| p == *party) {
                return Err(CountError::AlreadyDisputing {
                    party: party.0,
                    target,
                });
            }
        }
        Ok(())
    }

    pub fn apply_dispute(&mut self, seq: Seq, target: Seq, parties: &[PartyNumber]) {
        if let Some(record) = self.rulings.get_mut(&target) {
            let was_disputed = record.is_disputed();
            record.later_disputes.extend_from_slice(parties);
            if record.is_live() && !was_disputed && record.is_disputed() {
                self.tally.add_dispute();
            }
            self.last_acted_on = Some(target);
        }
        self.last_seq = seq;
    }

    /// The live ruling at `target`, or why there is none.
    fn live_ruling(&self, target: Seq) -> Result<&RulingRecord, CountError> {
        match self.rulings.get(&target) {
            Some(record) => match record.voided_by {
                Some(by) => Err(CountError::DisputeOfVoided { target, by }),
                None => Ok(record),
            },
            None if target.0 == 0 || target > self.last_seq => Err(CountError::NoSuchEntry {
                target,
                last: self.last_seq,
            }),
            None => Err(CountError::NotARuling { target }),
        }
    }

    // ---- voids ----

    /// May the ruling at `target` be voided? (The reason is a [`FreeText`].)
    pub fn check_void(&self, target: Seq) -> Result<(), CountError> {
        self.ensure_open()?;
        if let Some(record) = self.rulings.get(&target) {
            return match record.voided_by {
                Some(by) => Err(CountError::AlreadyVoided { target, by }),
                None => Ok(()),
            };
        }
        if let Some(of) = self.voids.get(&target) {
            return Err(CountError::VoidOfVoid { target, of: *of });
        }
        if target.0 == 0 || target > self.last_seq {
            return Err(CountError::NoSuchEntry {
                target,
                last: self.last_seq,
            });
        }
        Err(CountError::NotARuling { target })
    }

    pub fn apply_void(&mut self, seq: Seq, target: Seq) {
        if let Some(record) = self.rulings.get_mut(&target)
            && record.voided_by.is_none()
        {
            record.voided_by = Some(seq);
            self.tally
                .remove(&record.ruling.verdict, record.is_disputed());
            // A voided review frees its ballot to be ruled again.
            if let (Some(original), Some(state)) = (record.review_of, &mut self.recount) {
                state.reviewed.remove(&original);
            }
            self.ballots.voided(target);
            self.last_acted_on = Some(target);
        }
        self.voids.insert(seq, target);
        self.last_seq = seq;
    }

    // ---- figures ----

    pub fn check_figures(&self, figures: &BTreeMap<Figure, u64>) -> Result<(), CountError> {
        self.ensure_open()?;
        if figures.is_empty() {
            return Err(CountError::NoFigures);
        }
        for (figure, value) in figures {
            if *value > MAX_BALLOTS {
                return Err(CountError::TooLarge {
                    figure: figure.key().to_string(),
                    value: *value,
                });
            }
        }
        Ok(())
    }

    pub fn apply_figures(&mut self, seq: Seq, figures: &BTreeMap<Figure, u64>) {
        for (figure, value) in figures {
            self.figures.set(*figure, *value);
            self.figure_history
                .entry(*figure)
                .or_default()
                .push((seq, *value));
        }
        self.last_seq = seq;
    }

    // ---- ballot books by serial ----

    /// May these books' uses be recorded? Books of the station file, first
    /// unused serials inside their books.
    pub fn check_book_serials(&self, books: &BTreeMap<String, BookUse>) -> Result<(), CountError> {
        self.ensure_open()?;
        check_book_serials(&self.def, books).map_err(CountError::BookSerials)
    }

    /// Records the books' uses; a later use of a book replaces an earlier one.
    pub fn apply_book_serials(&mut self, seq: Seq, books: &BTreeMap<String, BookUse>) {
        for (book, used) in books {
            self.book_serials.insert(book.clone(), *used);
        }
        self.last_seq = seq;
    }

    /// The latest use recorded of each book, by book.
    pub fn book_serials(&self) -> &BTreeMap<String, BookUse> {
        &self.book_serials
    }

    /// U_serial: the unused ballots the books' serials say, once every book
    /// is given.
    pub fn unused_by_serial(&self) -> Option<u64> {
        unused_by_serial(&self.def, &self.book_serials)
    }

    // ---- pile counts ----

    pub fn check_pile(&self, party: PartyNumber, count: u64) -> Result<(), CountError> {
        self.ensure_open()?;
        if self.def.party(party).is_none() {
            return Err(CountError::UnknownParty {
                party: party.0,
                known: self.def.party_numbers_text(),
            });
        }
        if count > MAX_BALLOTS {
            return Err(CountError::TooLarge {
                figure: "count".into(),
                value: count,
            });
        }
        Ok(())
    }

    pub fn apply_pile(&mut self, seq: Seq, party: PartyNumber, count: u64) {
        self.piles.insert(party, count);
        self.last_seq = seq;
    }

    // ---- explanations ----

    /// May `check` be explained? It must be a check of this count.
    pub fn check_explanation(&self, check: CheckName) -> Result<(), CountError> {
        self.ensure_open()?;
        if let CheckName::CrossCheck(party) = check
            && self.def.party(party).is_none()
        {
            return Err(CountError::UnknownCheck {
                check: check.to_string(),
            });
        }
        Ok(())
    }

    pub fn apply_explanation(&mut self, seq: Seq, check: CheckName, text: FreeText) {
        self.explanations.insert(check, text);
        self.last_seq = seq;
    }

    // ---- people present ----

    pub fn check_person(&self, person: &Person) -> Result<(), CountError> {
        self.ensure_open()?;
        person.check(&self.def).map_err(CountError::Person)
    }

    pub fn apply_person(&mut self, seq: Seq, person: Person) {
        self.people.insert(
            seq,
            PresenceRecord {
                person,
                withdrawn_by: None,
                arrived_at: None,
                departure: None,
            },
        );
        self.last_seq = seq;
    }

    /// The presence entry at `target`, standing (not withdrawn); `field`
    /// named it.
    fn standing_person(
        &self,
        target: Seq,
        field: &'static str,
    ) -> Result<&PresenceRecord, CountError> {
        match self.people.get(&target) {
            Some(PresenceRecord {
                withdrawn_by: Some(by),
                ..
            }) => Err(CountError::PresenceWasWithdrawn {
                target,
                by: *by,
                field,
            }),
            Some(record) => Ok(record),
            None => Err(CountError::NotAPerson { target, field }),
        }
    }

    /// May the person recorded at `target` be recorded as leaving?
    pub fn check_departure(&self, target: Seq) -> Result<(), CountError> {
        self.ensure_open()?;
        let record = self.standing_person(target, "seq")?;
        match &record.departure {
            Some(departure) => Err(CountError::AlreadyDeparted {
                target,
                by: departure.seq,
            }),
            None => Ok(()),
        }
    }

    pub fn apply_departure(&mut self, seq: Seq, target: Seq, reason: FreeText) {
        if let Some(record) = self.people.get_mut(&target) {
            record.departure = Some(Departure {
                seq,
                reason,
                at: None,
            });
            self.last_departure = Some((seq, target));
        }
        self.last_seq = seq;
    }

    /// May the person recorded at `by` lodge a complaint, about `ballot`
    /// if one is named? A party agent or observer, recorded and not
    /// withdrawn (one who has left may still complain of it); the ballot a
    /// number some ruling of this count has had.
    pub fn check_complaint(&self, by: Seq, ballot: Option<BallotNumber>) -> Result<(), CountError> {
        self.ensure_open()?;
        let record = self.standing_person(by, "by")?;
        let role = record.person.role;
        if !role.lodges_complaints() {
            return Err(CountError::NotAComplainant { target: by, role });
        }
        if let Some(ballot) = ballot
            && !self.ballots.all().values().any(|b| *b == ballot)
        {
            let highest = self.ballots.all().values().map(|b| b.0).max().unwrap_or(0);
            return Err(CountError::NoSuchBallot { ballot, highest });
        }
        Ok(())
    }

    pub fn apply_complaint(
        &mut self,
        seq: Seq,
        by: Seq,
        text: FreeText,
        ballot: Option<BallotNumber>,
    ) {
        self.complaints.push(ComplaintRecord {
            seq,
            by,
            text,
            ballot,
            at: None,
        });
        self.last_seq = seq;
    }

    /// The complaints lodged, in the order recorded.
    pub fn complaints(&self) -> &[ComplaintRecord] {
        &self.complaints
    }

    /// May the presence entry at `target` be withdrawn?
    pub fn check_withdrawal(&self, target: Seq) -> Result<(), CountError> {
        self.ensure_open()?;
        match self.people.get(&target) {
            Some(PresenceRecord {
                withdrawn_by: Some(by),
                ..
            }) => Err(CountError::AlreadyWithdrawn { target, by: *by }),
            Some(PresenceRecord {
                departure: Some(departure),
                ..
            }) => Err(CountError::AlreadyDeparted {
                target,
                by: departure.seq,
            }),
            Some(_) => match self.complaints.iter().find(|c| c.by == target) {
                Some(c) => Err(CountError::LodgedComplaint {
                    target,
                    complaint: c.seq,
                }),
                None => Ok(()),
            },
            None => Err(CountError::NotAPerson {
                target,
                field: "seq",
            }),
        }
    }

    pub fn apply_withdrawal(&mut self, seq: Seq, target: Seq) {
        if let Some(record) = self.people.get_mut(&target) {
            record.withdrawn_by = Some(seq);
        }
        self.last_seq = seq;
    }

    // ---- sealing ----

    /// Refuses any change once the count is sealed.
    fn ensure_open(&self) -> Result<(), CountError> {
        match &self.sealed {
            Some((seq, _)) => Err(CountError::Sealed { seq: *seq }),
            None => Ok(()),
        }
    }

    pub fn check_seal(&self, seal: &Seal) -> Result<(), CountError> {
        self.ensure_open()?;
        let gaps = self.sealing_gaps();
        if !gaps.is_empty() {
            return Err(CountError::NotReady(gaps));
        }
        seal.check().map_err(CountError::Seal)
    }

    /// May `seal` be made now? The rules of [`Count::check_seal`], and the
    /// rules for who signs ([`check_signers`]): the chief signs (and every
    /// role the station file requires), and every signer and refuser was
    /// recorded present. A new seal is checked by both; a record sealed
    /// before the second replays by the first alone.
    pub fn check_new_seal(&self, seal: &Seal) -> Result<(), CountError> {
        self.check_seal(seal)?;
        let mut required = vec![Role::Chief];
        required.extend(
            self.def
                .required_signers
                .iter()
                .filter(|r| **r != Role::Chief),
        );
        self.check_signers_here(seal)?;
        check_signers(seal, &self.present(), &required).map_err(CountError::Seal)
    }

    /// A signer or refuser who left the count, and was not recorded
    /// present again, is named as having left.
    fn check_signers_here(&self, seal: &Seal) -> Result<(), CountError> {
        let signed = seal
            .signed
            .iter()
            .enumerate()
            .map(|(i, s)| (format!("signed[{i}]"), &s.name, s.role.role(), s.party));
        let refused = seal
            .refused
            .iter()
            .enumerate()
            .map(|(i, r)| (format!("refused[{i}]"), &r.name, r.role.role(), r.party));
        let present = self.present();
        for (field, name, role, party) in signed.chain(refused) {
            let is = |p: &Person| p.name == *name && Some(p.role) == role && p.party == party;
            if present.iter().any(|p| is(p)) {
                continue;
            }
            let left = self.people.values().find_map(|r| match &r.departure {
                Some(d) if r.withdrawn_by.is_none() && is(&r.person) => Some(d.seq),
                _ => None,
            });
            if let Some(entry) = left {
                return Err(CountError::Seal(
                    Message::new(P::SignerLeft)
                        .quoted("name", name.as_str())
                        .num("entry", entry.0)
                        .at(field),
                ));
            }
        }
        Ok(())
    }

    pub fn apply_seal(&mut self, seq: Seq, seal: Seal) {
        self.sealed = Some((seq, seal));
        self.last_seq = seq;
    }

    /// The seal and its seq, once the count is sealed.
    pub fn seal(&self) -> Option<(Seq, &Seal)> {
        self.sealed.as_ref().map(|(seq, seal)| (*seq, seal))
    }

    // ---- what the count shows ----

    /// Every value recorded for each figure, oldest first, with its seq.
    pub fn figure_history(&self, figure: Figure) -> &[(Seq, u64)] {
        self.figure_history.get(&figure).map_or(&[], Vec::as_slice)
    }

    /// The people recorded as present, by seq, withdrawn entries included.
    pub fn people(&self) -> &BTreeMap<Seq, PresenceRecord> {
        &self.people
    }

    /// The people recorded present and not withdrawn, those who left
    /// included, in the order recorded: whom a signature can name (the
    /// seal's rules then say whether they may sign).
    pub fn recorded(&self) -> Vec<&Person> {
        self.people
            .values()
            .filter(|p| p.withdrawn_by.is_none())
            .map(|p| &p.person)
            .collect()
    }

    /// The people present now: recorded, not withdrawn and not left, in
    /// the order recorded (one who came back after leaving is recorded
    /// present again).
    pub fn present(&self) -> Vec<&Person> {
        self.people
            .values()
            .filter(|p| p.is_here())
            .map(|p| &p.person)
            .collect()
    }

    /// What must still be done before the count can be sealed: every figure
    /// recorded, every differing check explained, and every ballot in the box
    /// ruled (or the shortfall explained).
    pub fn sealing_gaps(&self) -> Vec<SealingGap> {
        let mut gaps: Vec<SealingGap> = self
            .figures
            .missing()
            .into_iter()
            .map(SealingGap::FigureMissing)
            .collect();
        for check in self.checks() {
            if check.explanation.is_some() {
                continue;
            }
            match check.status {
                CheckStatus::Differs(difference) => gaps.push(SealingGap::Unexplained {
                    check: check.name,
                    difference,
                }),
                CheckStatus::Pending if check.name == CheckName::BoxVsRulings => {
                    if let Some(in_box) = self.figures.get(Figure::InBox) {
                        gaps.push(SealingGap::RulingIncomplete {
                            ruled: self.tally.ruled(),
                            in_box,
                        });
                    }
                }
                CheckStatus::Holds | CheckStatus::Pending => {}
            }
        }
        if let Some(state) = &self.recount
            && state.reviewed.len() < state.to_review.len()
        {
            gaps.push(SealingGap::Unreviewed {
                reviewed: state.reviewed.len() as u64,
                of: state.to_review.len() as u64,
            });
        }
        gaps
    }

    pub fn tally(&self) -> &Tally {
        &self.tally
    }

    pub fn figures(&self) -> &Figures {
        &self.figures
    }

    pub fn piles(&self) -> &BTreeMap<PartyNumber, u64> {
        &self.piles
    }

    pub fn explanations(&self) -> &BTreeMap<CheckName, FreeText> {
        &self.explanations
    }

    /// Every ruling by seq, voided ones included.
    pub fn rulings(&self) -> &DenseMap<Seq, RulingRecord> {
        &self.rulings
    }

    /// The ballot numbers of this count's rulings.
    pub fn ballots(&self) -> &Numbering {
        &self.ballots
    }

    /// The number the next ruling will take.
    pub fn next_ballot(&self) -> BallotNumber {
        self.ballots.next()
    }

    /// The ruling of the ballot last ruled, disputed or voided, with its
    /// seq: what the counting screen shows right after each of them.
    pub fn last_acted_on(&self) -> Option<(Seq, &RulingRecord)> {
        let seq = self.last_acted_on?;
        self.rulings.get(&seq).map(|r| (seq, r))
    }

    /// The seq of the live ruling of ballot `ballot` in this count.
    pub fn ruling_of_ballot(&self, ballot: BallotNumber) -> Option<Seq> {
        self.ballots.live_ruling(ballot)
    }

    /// How many rulings were voided.
    pub fn voided(&self) -> u64 {
        self.rulings.values().filter(|r| !r.is_live()).count() as u64
    }

    /// The latest live ruling, if any (what a "void last" key would void).
    pub fn last_live_ruling(&self) -> Option<(Seq, &Ruling)> {
        self.rulings
            .iter()
            .rev()
            .find(|(_, r)| r.is_live())
            .map(|(seq, r)| (*seq, &r.ruling))
    }

    /// Every reconciliation check, with explanations.
    pub fn checks(&self) -> Vec<Check> {
        checks(&CheckInputs {
            def: &self.def,
            figures: &self.figures,
            tally: &self.tally,
            piles: &self.piles,
            explanations: &self.explanations,
            book_serials: &self.book_serials,
        })
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::domain::ruling::{RulingChoice, RulingRequest};
    use crate::domain::station::StationFile;
    use proptest::prelude::*;

    /// A count of the small test station (parties 1-4), not opened yet.
    pub(crate) fn count() -> Count {
        let bytes = include_bytes!("../../tests/fixtures/station-small.json").to_vec();
        Count::new(Arc::new(
            StationFile::parse(bytes).unwrap().definition().clone(),
        ))
    }

    /// `choice` resolved into a ruling of `count`'s station.
    pub(crate) fn ruling(count: &Count, choice: RulingChoice, disputed_by: Vec<u32>) -> Ruling {
        RulingRequest {
            choice,
            disputed_by,
            note: None,
        }
        .resolve(count.definition())
        .unwrap()
    }

    /// A ruling for party `n` with the default valid criterion.
    pub(crate) fn party(n: u32) -> RulingChoice {
        RulingChoice::Party {
            party: n,
            criterion: None,
        }
    }

    #[test]
    fn a_void_takes_the_ruling_out_of_the_tally() {
        let mut c = count();
        c.apply_opening(Seq(1), None);
        let r = ruling(&c, party(2), vec![1]);
        c.apply_ruling(Seq(2), r);
        assert_eq!(c.tally().votes_for(PartyNumber(2)), 1);
        assert_eq!(c.tally().disputed(), 1);
        c.check_void(Seq(2)).unwrap();
        c.apply_void(Seq(3), Seq(2));
        assert_eq!(c.tally().votes_for(PartyNumber(2)), 0);
        assert_eq!(c.tally().disputed(), 0);
        assert!(c.last_live_ruling().is_none());
    }

    #[test]
    fn voids_refuse_twice_voids_unknown_and_other_events() {
        let mut c = count();
        c.apply_opening(Seq(1), None);
        let r = ruling(&c, party(1), vec![]);
        c.apply_ruling(Seq(2), r);
        c.apply_void(Seq(3), Seq(2));
        let mut figures = BTreeMap::new();
        figures.insert(Figure::InBox, 10);
        c.apply_figures(Seq(4), &figures);
        let err = |target| c.check_void(Seq(target)).unwrap_err().to_string();
        assert_eq!(err(2), "seq: ruling 2 was already voided by seq 3");
        assert_eq!(
            err(3),
            "seq: 3 is a void (of seq 2), not a ruling; voids cannot be voided"
        );
        assert_eq!(err(4), "seq: 4 is not a ruling");
        assert_eq!(err(1), "seq: 1 is not a ruling");
        assert_eq!(err(9), "seq: 9 does not exist (the journal ends at seq 4)");
        assert_eq!(err(0), "seq: 0 does not exist (the journal ends at seq 4)");
        assert_eq!(
            FreeText::parse("reason", " ").unwrap_err().to_string(),
            "reason: must not be empty"
        );
    }

    #[test]
    fn explanations_and_piles_name_unknown_parties() {
        let c = count();
        assert_eq!(
            c.check_pile(PartyNumber(7), 3).unwrap_err().to_string(),
            "party: 7 is not on this station's ballot (parties 1-4)"
        );
        assert_eq!(
            c.check_explanation(CheckName::CrossCheck(PartyNumber(7)))
                .unwrap_err()
                .to_string(),
            "check: cross_check:7 is not a check of this count"
        );
        assert!(c.check_explanation(CheckName::Stock).is_ok());
    }

    #[test]
    fn a_later_dispute_counts_once_and_leaves_with_a_void() {
        let mut c = count();
        c.apply_opening(Seq(1), None);
        let r = ruling(&c, party(2), vec![]);
        c.apply_ruling(Seq(2), r);
        c.check_dispute(Seq(2), &[PartyNumber(1), PartyNumber(3)])
            .unwrap();
        c.apply_dispute(Seq(3), Seq(2), &[PartyNumber(1), PartyNumber(3)]);
        assert_eq!(c.tally().disputed(), 1);
        assert_eq!(
            c.check_dispute(Seq(2), &[PartyNumber(3)])
                .unwrap_err()
                .to_string(),
            "parties: party 3 already disputes ruling 2"
        );
        c.check_dispute(Seq(2), &[PartyNumber(4)]).unwrap();
        c.apply_dispute(Seq(4), Seq(2), &[PartyNumber(4)]);
        assert_eq!(c.tally().disputed(), 1);
        let disputants: Vec<u32> = c.rulings()[&Seq(2)].disputants().map(|p| p.0).collect();
        assert_eq!(disputants, [1, 3, 4]);
        c.apply_void(Seq(5), Seq(2));
        assert_eq!(c.tally().disputed(), 0);
        assert_eq!(
            c.check_dispute(Seq(2), &[PartyNumber(2)])
                .unwrap_err()
                .to_string(),
            "seq: ruling 2 was voided by seq 5; a void ruling cannot be disputed"
        );
        assert_eq!(
            c.check_dispute(Seq(3), &[PartyNumber(2)])
                .unwrap_err()
                .to_string(),
            "seq: 3 is not a ruling"
        );
        assert_eq!(
            c.check_dispute(Seq(9), &[]).unwrap_err().to_string(),
            "seq: 9 does not exist (the journal ends at seq 5)"
        );
    }

    #[test]
    fn ballot_numbers_follow_rulings_and_survive_a_void_of_the_last() {
        let mut c = count();
        c.apply_opening(Seq(1), None);
        let mut figures = BTreeMap::new();
        figures.insert(Figure::InBox, 10);
        c.apply_figures(Seq(2), &figures);
        let one = ruling(&c, party(1), vec![]);
        c.apply_ruling(Seq(3), one.clone());
        c.apply_ruling(Seq(4), one.clone());
        assert_eq!(c.rulings()[&Seq(3)].ballot, BallotNumber(1));
        assert_eq!(c.rulings()[&Seq(4)].ballot, BallotNumber(2));
        assert_eq!(c.next_ballot(), BallotNumber(3));
        // Ballot 2 voided with Backspace and ruled again: ballot 2.
        c.apply_void(Seq(5), Seq(4));
        assert_eq!(c.next_ballot(), BallotNumber(2));
        assert_eq!(c.last_acted_on().map(|(s, _)| s), Some(Seq(4)));
        c.apply_ruling(Seq(6), one.clone());
        assert_eq!(c.rulings()[&Seq(6)].ballot, BallotNumber(2));
        assert_eq!(c.ruling_of_ballot(BallotNumber(2)), Some(Seq(6)));
        // A void of an older ruling keeps its number with it.
        c.apply_ruling(Seq(7), one.clone());
        c.apply_void(Seq(8), Seq(3));
        assert_eq!(c.ruling_of_ballot(BallotNumber(1)), None);
        assert_eq!(c.next_ballot(), BallotNumber(4));
        c.apply_ruling(Seq(9), one);
        assert_eq!(c.rulings()[&Seq(9)].ballot, BallotNumber(4));
        // A later dispute makes its ballot the one the screen shows.
        c.apply_dispute(Seq(10), Seq(6), &[PartyNumber(2)]);
        let (seq, record) = c.last_acted_on().unwrap();
        assert_eq!((seq, record.ballot), (Seq(6), BallotNumber(2)));
        assert!(record.is_disputed());
    }

    #[test]
    fn a_departure_and_a_complaint_take_the_times_of_their_entries() {
        use crate::domain::person::Role;
        use crate::domain::time::Timestamp;
        let mut c = count();
        c.apply_opening(Seq(1), None);
        let agent = Person {
            name: FreeText::parse("name", "Keo Rith").unwrap(),
            role: Role::PartyAgent,
            party: Some(PartyNumber(1)),
            organisation: None,
        };
        c.apply_person(Seq(2), agent);
        c.note_entry(Seq(2), Hash256::ZERO, Timestamp::from_unix_seconds(100));
        assert_eq!(
            c.people()[&Seq(2)].arrived_at,
            Some(Timestamp::from_unix_seconds(100))
        );
        // No ballot ruled yet: a complaint about ballot 1 names none.
        assert_eq!(
            c.check_complaint(Seq(2), Some(BallotNumber(1)))
                .unwrap_err()
                .to_string(),
            "ballot: no ballot has number 1 in this count (the highest number given so far is 0)"
        );
        let text = FreeText::parse("text", "shown too fast").unwrap();
        c.check_complaint(Seq(2), None).unwrap();
        c.apply_complaint(Seq(3), Seq(2), text, None);
        c.note_entry(Seq(3), Hash256::ZERO, Timestamp::from_unix_seconds(200));
        assert_eq!(
            c.complaints()[0].at,
            Some(Timestamp::from_unix_seconds(200))
        );
        c.check_departure(Seq(2)).unwrap();
        let reason = FreeText::parse("reason", "went home").unwrap();
        c.apply_departure(Seq(4), Seq(2), reason);
        c.note_entry(Seq(4), Hash256::ZERO, Timestamp::from_unix_seconds(300));
        let departure = c.people()[&Seq(2)].departure.clone().unwrap();
        assert_eq!(departure.at, Some(Timestamp::from_unix_seconds(300)));
        assert_eq!(departure.seq, Seq(4));
        // Gone: not present, cannot leave again, may still complain.
        assert!(c.present().is_empty());
        assert_eq!(
            c.check_departure(Seq(2)).unwrap_err().to_string(),
            "seq: the person of entry 2 already left (entry 4)"
        );
        c.check_complaint(Seq(2), None).unwrap();
        // A later entry's time does not move the departure's.
        c.note_entry(Seq(5), Hash256::ZERO, Timestamp::from_unix_seconds(400));
        assert_eq!(
            c.people()[&Seq(2)].departure.as_ref().unwrap().at,
            Some(Timestamp::from_unix_seconds(300))
        );
    }

    #[test]
    fn presence_is_recorded_and_withdrawn_once() {
        use crate::domain::person::Role;
        let mut c = count();
        c.apply_opening(Seq(1), None);
        let p = Person {
            name: FreeText::parse("name", "Chan Sophea").unwrap(),
            role: Role::Chief,
            party: None,
            organisation: None,
        };
        c.check_person(&p).unwrap();
        c.apply_person(Seq(2), p);
        c.check_withdrawal(Seq(2)).unwrap();
        c.apply_withdrawal(Seq(3), Seq(2));
        assert_eq!(c.people()[&Seq(2)].withdrawn_by, Some(Seq(3)));
        assert_eq!(
            c.check_withdrawal(Seq(2)).unwrap_err().to_string(),
            "seq: the presence of entry 2 was already withdrawn by seq 3"
        );
        assert_eq!(
            c.check_withdrawal(Seq(1)).unwrap_err().to_string(),
            "seq: 1 is not a person recorded as present"
        );
    }

    #[test]
    fn figure_history_keeps_every_value() {
        let mut c = count();
        c.apply_opening(Seq(1), None);
        for (seq, value) in [(2, 498), (3, 500)] {
            let mut f = BTreeMap::new();
            f.insert(Figure::Received, value);
            c.apply_figures(Seq(seq), &f);
        }
        assert_eq!(
            c.figure_history(Figure::Received),
            &[(Seq(2), 498), (Seq(3), 500)]
        );
        assert_eq!(c.figures().get(Figure::Received), Some(500));
        assert!(c.figure_history(Figure::Unused).is_empty());
    }

    #[test]
    fn sealing_gaps_list_missing_figures_unexplained_checks_and_unruled_ballots() {
        let mut c = count();
        c.apply_opening(Seq(1), None);
        assert_eq!(c.sealing_gaps().len(), 7);
        let mut f = BTreeMap::new();
        for (figure, value) in [
            (Figure::Received, 500),
            (Figure::Unused, 200),
            (Figure::Spoiled, 0),
            (Figure::VotersMarked, 299),
            (Figure::Supplementary, 1),
            (Figure::TemporaryId, 0),
            (Figure::InBox, 3),
        ] {
            f.insert(figure, value);
        }
        c.apply_figures(Seq(2), &f);
        let r = ruling(&c, party(1), vec![]);
        c.apply_ruling(Seq(3), r);
        let gaps = c.sealing_gaps();
        assert_eq!(
            gaps,
            vec![
                SealingGap::Unexplained {
                    check: CheckName::BoxVsIssued,
                    difference: -297
                },
                SealingGap::RulingIncomplete {
                    ruled: 1,
                    in_box: 3
                },
            ]
        );
        let text = |t: &str| FreeText::parse("text", t).unwrap();
        c.apply_explanation(Seq(4), CheckName::BoxVsIssued, text("ballots taken away"));
        c.apply_explanation(
            Seq(5),
            CheckName::BoxVsRulings,
            text("two ballots stuck together, counted later"),
        );
        assert!(c.sealing_gaps().is_empty());
    }

    #[test]
    fn books_serials_are_checked_kept_by_book_and_a_differing_u_needs_its_explanation() {
        let mut c = count();
        c.apply_opening(Seq(1), None);
        // The small station: T-1 serials 1-250, T-2 251-500.
        let books = |pairs: &[(&str, BookUse)]| -> BTreeMap<String, BookUse> {
            pairs.iter().map(|(b, u)| (b.to_string(), *u)).collect()
        };
        assert_eq!(
            c.check_book_serials(&books(&[("T-2", BookUse::FirstUnused(250))]))
                .unwrap_err()
                .to_string(),
            "books[\"T-2\"].first_unused: 250 is outside the book's serials 251-500"
        );
        assert!(
            c.check_book_serials(&books(&[("T-3", BookUse::Unused)]))
                .is_err()
        );
        c.apply_book_serials(Seq(2), &books(&[("T-1", BookUse::UsedUp)]));
        assert_eq!(c.unused_by_serial(), None);
        c.apply_book_serials(Seq(3), &books(&[("T-2", BookUse::FirstUnused(301))]));
        assert_eq!(c.unused_by_serial(), Some(200));
        // A later use of a book replaces the earlier one.
        c.apply_book_serials(Seq(4), &books(&[("T-1", BookUse::FirstUnused(201))]));
        assert_eq!(c.unused_by_serial(), Some(250));
        c.apply_figures(Seq(5), &BTreeMap::from([(Figure::Unused, 249)]));
        assert!(c.sealing_gaps().contains(&SealingGap::Unexplained {
            check: CheckName::UnusedBySerial,
            difference: -1
        }));
        c.apply_explanation(
            Seq(6),
            CheckName::UnusedBySerial,
            FreeText::parse("text", "one ballot torn out of T-1").unwrap(),
        );
        assert!(
            !c.sealing_gaps()
                .iter()
                .any(|g| matches!(g, SealingGap::Unexplained { .. }))
        );
    }

    #[test]
    fn no_more_ballots_are_ruled_than_a_station_counts() {
        let mut c = count();
        c.apply_opening(Seq(1), None);
        let r = ruling(&c, party(1), vec![]);
        for i in 0..crate::domain::limits::MAX_BALLOTS {
            c.apply_ruling(Seq(2 + i), r.clone());
        }
        assert_eq!(
            c.check_ruling(&r).unwrap_err().to_string(),
            "ballot: 100001 is too large (at most 100000)"
        );
        // Nor is a figure or a pile count larger than that.
        let f = BTreeMap::from([(Figure::InBox, 100_001)]);
        assert_eq!(
            c.check_figures(&f).unwrap_err().to_string(),
            "in_box: 100001 is too large (at most 100000)"
        );
        assert_eq!(
            c.check_pile(PartyNumber(1), 9_300_000_000_000_000_000)
                .unwrap_err()
                .to_string(),
            "count: 9300000000000000000 is too large (at most 100000)"
        );
    }

    #[test]
    fn a_new_seal_needs_the_chief_present_while_an_older_seal_is_read_as_it_was() {
        use crate::domain::seal::Signature;
        let mut c = count();
        c.apply_opening(Seq(1), None);
        let mut f = BTreeMap::new();
        for figure in Figure::ALL {
            f.insert(figure, 0);
        }
        f.insert(Figure::Received, 500);
        f.insert(Figure::Unused, 497);
        f.insert(Figure::VotersMarked, 3);
        f.insert(Figure::InBox, 3);
        c.apply_figures(Seq(2), &f);
        for (i, n) in [1, 2, 2].into_iter().enumerate() {
            let r = ruling(&c, party(n), vec![]);
            c.apply_ruling(Seq(3 + i as u64), r);
        }
        assert!(c.sealing_gaps().is_empty());
        let chief = Person {
            name: FreeText::parse("name", "Chan Sophea").unwrap(),
            role: Role::Chief,
            party: None,
            organisation: None,
        };
        let seal = Seal::new(
            crate::domain::time::Timestamp::from_unix_seconds(0),
            vec![Signature::of(&chief)],
            vec![],
        );
        // Signed by a chief never recorded present: a seal in an older
        // record replays, a new one is refused.
        assert_eq!(c.check_seal(&seal), Ok(()));
        assert_eq!(
            c.check_new_seal(&seal).unwrap_err().to_string(),
            "signed[0]: \"Chan Sophea\" as chief is not recorded present (present: no one yet)"
        );
        c.apply_person(Seq(6), chief);
        assert_eq!(c.check_new_seal(&seal), Ok(()));
        c.apply_withdrawal(Seq(7), Seq(6));
        assert!(c.check_new_seal(&seal).is_err());
    }

    /// A step of a random count.
    #[derive(Debug, Clone)]
    enum Step {
        Rule {
            party: Option<u32>,
            invalid: usize,
            disputed: bool,
        },
        Void {
            back: usize,
        },
        Dispute {
            back: usize,
            party: u32,
        },
        Figure {
            which: usize,
            value: u64,
        },
        Pile {
            party: u32,
            count: u64,
        },
    }

    fn step() -> impl Strategy<Value = Step> {
        prop_oneof![
            6 => (prop::option::of(1u32..=4), 0usize..6, any::<bool>())
                .prop_map(|(party, invalid, disputed)| Step::Rule { party, invalid, disputed }),
            2 => (0usize..30).prop_map(|back| Step::Void { back }),
            1 => (0usize..30, 1u32..=4).prop_map(|(back, party)| Step::Dispute { back, party }),
            1 => (0usize..7, 0u64..600).prop_map(|(which, value)| Step::Figure { which, value }),
            1 => (1u32..=4, 0u64..100).prop_map(|(party, count)| Step::Pile { party, count }),
        ]
    }

    /// The same numbers, computed the plain way from the whole history.
    fn fresh_fold(
        count: &Count,
        history: &[(Seq, Ruling)],
        voided: &[Seq],
        later: &[Seq],
    ) -> Tally {
        let mut tally = Tally::empty(count.definition());
        for (seq, r) in history {
            if !voided.contains(seq) {
                tally.add(&r.verdict, r.is_disputed() || later.contains(seq));
            }
        }
        tally
    }

    proptest! {
        #[test]
        fn incremental_tally_equals_a_fresh_fold(steps in prop::collection::vec(step(), 1..120)) {
            let mut c = count();
            c.apply_opening(Seq(1), None);
            let invalid_codes = ["I1", "I2", "I3", "I4", "I5", "I6"];
            let mut history: Vec<(Seq, Ruling)> = vec![];
            let mut voided: Vec<Seq> = vec![];
            let mut later_disputed: Vec<Seq> = vec![];
            let mut latest_figures: BTreeMap<Figure, u64> = BTreeMap::new();
            for s in steps {
                let seq = c.next_seq();
                match s {
                    Step::Rule { party: p, invalid, disputed } => {
                        let choice = match p {
                            Some(n) => party(n),
                            None => RulingChoice::Invalid { code: invalid_codes[invalid].into() },
                        };
                        let r = ruling(&c, choice, if disputed { vec![3] } else { vec![] });
                        prop_assert!(c.check_ruling(&r).is_ok());
                        c.apply_ruling(seq, r.clone());
                        history.push((seq, r));
                    }
                    Step::Void { back } => {
                        let Some(target) = history.iter().rev().nth(back % (history.len() + 1)).map(|h| h.0) else { continue };
                        let allowed = c.check_void(target).is_ok();
                        prop_assert_eq!(allowed, !voided.contains(&target));
                        if allowed {
                            c.apply_void(seq, target);
                            voided.push(target);
                        }
                    }
                    Step::Dispute { back, party } => {
                        let Some((target, r)) = history.iter().rev().nth(back % (history.len() + 1)).cloned() else { continue };
                        let allowed = c.check_dispute(target, &[PartyNumber(party)]).is_ok();
                        let already = r.disputed_by.contains(&PartyNumber(party))
                            || c.rulings()[&target].later_disputes.contains(&PartyNumber(party));
                        prop_assert_eq!(allowed, !voided.contains(&target) && !already);
                        if allowed {
                            c.apply_dispute(seq, target, &[PartyNumber(party)]);
                            later_disputed.push(target);
                        }
                    }
                    Step::Figure { which, value } => {
                        let mut f = BTreeMap::new();
                        f.insert(Figure::ALL[which], value);
                        c.apply_figures(seq, &f);
                        latest_figures.insert(Figure::ALL[which], value);
                    }
                    Step::Pile { party, count } => c.apply_pile(seq, PartyNumber(party), count),
                }
                prop_assert_eq!(c.tally(), &fresh_fold(&c, &history, &voided, &later_disputed));
                let live = history.iter().filter(|(s, _)| !voided.contains(s)).count() as u64;
                prop_assert_eq!(c.tally().ruled(), live);
                let disputed = history
                    .iter()
                    .filter(|(s, r)| !voided.contains(s) && (r.is_disputed() || later_disputed.contains(s)))
                    .count() as u64;
                prop_assert_eq!(c.tally().disputed(), disputed);
                for (f, v) in &latest_figures {
                    prop_assert_eq!(c.figures().get(*f), Some(*v));
                }
                // The last live ruling is the latest ruling not voided, and
                // there is none exactly when every ruling was voided.
                let expected = history.iter().rev().find(|(s, _)| !voided.contains(s));
                let last = c.last_live_ruling();
                prop_assert_eq!(last, expected.map(|(s, r)| (*s, r)));
                if let Some((seq, _)) = last {
                    prop_assert!(c.rulings()[&seq].is_live());
                }
            }
        }
    }
}
