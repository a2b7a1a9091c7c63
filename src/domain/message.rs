//! Messages that explain a problem, kept free of any one language: a key of
//! the problem table and its arguments. The core returns them inside its
//! error types; the i18n tables render them in the chosen language (an
//! error's `Display` is its English rendering), and the shells show them.

use crate::domain::limits::MAX_QUOTED_CHARS;
use crate::domain::person::Role;
use crate::domain::reconciliation::{CheckName, Figure};
use std::fmt;

/// A key of the problem table: one problem polltally can explain. Its texts,
/// in every language, are in `i18n::problems`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum P {
    // Station files.
    Bom,
    EmptyFile,
    NotJsonObject,
    Json,
    NotIdentifier,
    TooLarge,
    NotFormat,
    NoParties,
    TooManyParties,
    NotPartyNumber,
    UsedTwice,
    AbbreviationLength,
    NoBooks,
    SerialAfterLast,
    SerialsOverlap,
    TooManyBallots,
    MoreThanBallots,
    MoreThanVoters,
    MoreThanSeats,
    ZeroSeats,
    TooManyBooks,
    TooManyCriteria,
    TooManyStations,
    TooManyLanguages,
    NoCriteria,
    NotDate,
    NotCalendarDate,
    NotTimestamp,
    NotTimeZone,
    NotCriterionCode,
    CriterionCodeTwice,
    NoValidCriterion,
    NoInvalidCriterion,
    NoLanguage,
    NotLanguageCode,
    TextEmpty,
    OwnStationMissing,
    NotHash,
    NotCheck,

    // Free text, people, seals.
    MustNotBeEmpty,
    TooLong,
    ControlCharacter,
    NotRole,
    NameOneLine,
    NotOnBallot,
    AgentNamesParty,
    ObserverNamesOrganisation,
    OnlyAgentNamesParty,
    OnlyObserverNamesOrganisation,
    NoColon,
    ChiefSigns,
    AlsoSigned,
    NotNameRole,
    NotNameRoleReason,
    PersonAs,
    AgentAs,
    NotPresent,
    NoOnePresent,
    NamedTwice,
    PresentForParties,
    RoleSigns,

    // Rulings and the count.
    UnknownCriterion,
    NotValidCriterion,
    NotInvalidCriterion,
    PartyNamedTwice,
    NoSuchEntry,
    VoidOfVoid,
    NotARuling,
    AlreadyVoided,
    NoFigures,
    UnknownCheck,
    DisputeOfVoided,
    AlreadyDisputing,
    NoDisputants,
    NotAPerson,
    AlreadyWithdrawn,
    AlreadyDeparted,
    LodgedComplaint,
    SignerLeft,
    PresenceWasWithdrawn,
    NotAComplainant,
    NoSuchBallot,
    NotAnEntry,
    ReasonWithDeparture,
    ComplainantNotListed,
    ComplaintsListed,
    PresenceDiffers,
    ChooseComplainant,
    Sealed,
    NotReady,
    GapFigure,
    GapUnexplained,
    GapUnruled,
    RecountOfAnother,
    RecountWithoutOriginal,
    OriginalWithoutRecount,
    NotAReview,
    ReviewNeedsOriginal,
    NotUnderReview,
    AlreadyReviewed,
    BallotNotUnderReview,
    BallotAlreadyReviewed,
    NoBookGiven,
    NotBookOfStation,
    SerialOutsideBook,

    // Training rounds.
    AnswerInCount,
    CountEntryInTraining,
    NoSuchCard,
    TooManyMembers,
    DeckSize,
    DeckCriterionMissing,
    DeckEmptyMix,
    DeckTooFewParties,
    NotMixEntry,
    TrainingNotACount,
    NotATrainingRecord,
    NoDisputeInTraining,
    NotANumber,
    WrongFormat,
    MemberRuledAll,
    MixKindTwice,
    NotCanonicalCode,
    BadCheckpoint,
    CheckpointMissing,
    CheckpointDiffers,
    CheckpointStands,
    CheckpointElsewhere,
    CheckpointsFailed,
    CheckpointNotListed,
    GapUnreviewed,
    NotRecountMode,
    RecountOfUnsealed,
    OriginalCount,
    NoResultsFiles,
    OtherElectionFile,
    OtherCommuneFile,
    PracticeMixed,
    OtherPartiesFile,
    OtherSeatsFile,
    SameFileTwice,
    TwoForStation,
    TwoRecounts,
    NoIssuedStations,
    StationNotIssued,
    StationIssuedTwice,
    OtherDefinitionFile,
    OtherSeatsIssued,
    OtherPartiesIssued,
    PaperDiffers,
    PaperNotIssued,
    CodesLine,
    CodesField,
    InCodesFile,
    NotUtf8,
    CommuneHashMismatch,
    NotARecountRecord,
    RecountOfOtherResults,
    NotOpened,
    OpenedAgain,
    WrongBinding,

    // The journal and the record.
    ChainEntry,
    EntryMissing,
    JournalEmpty,
    OutOfOrder,
    FirstPrevHash,
    PrevHash,
    EntryChanged,
    EntryUnreadable,
    EntryNotCanonical,
    EntrySeq,
    EntryBreaksRules,
    EntryBadHash,
    NoSuchFile,
    RecordExists,
    NotARecord,
    NoStationFile,
    NotRegularFile,
    NoWal,
    RecordDamaged,
    RecordReadOnly,
    NotInFile,
    CheckpointIncomplete,
    IntegrityCheck,
    SealRowDisagrees,
    RowWrongType,
    NotADatabase,
    DatabaseCorrupt,
    MirrorFailed,
    MirrorIsRecord,
    MirrorOfOther,
    PathNotUtf8,
    MirrorNeedsWriting,
    MirrorGone,
    SqliteDiskFull,
    SqliteReadOnly,
    SqliteCannotOpen,
    SqliteBusy,
    SqliteIo,
    WalDamaged,
    NewerRecord,
    StoredStation,
    ChangedElsewhere,
    CannotEncode,
    Record,

    // Results files and verification.
    NotSealedResults,
    ResultsFile,
    ResultsFormat,
    NotCanonical,
    Inconsistent,
    VotesAddUp,
    DeadlineIs,
    InvalidAddUp,
    ValidIs,
    IssuedIs,
    PartiesAre,
    NoSuchCheck,
    CheckMissing,
    CheckUnexplained,
    RulingUnexplained,
    NotPartyOfFile,
    SumTooLarge,
    FiguresGive,
    NoticeOnPractice,
    SerialsGive,
    InFile,
    CodeCharacter,
    CodeLength,
    CodeLineIncomplete,
    TooManyCodeLines,
    CodeMismatch,
    OtherElection,
    OtherStation,
    FileSaysRecordSays,
    CommuneDiffers,
    BytesDiffer,
    HeadAdded,
    HeadMissing,
    NotQrPayload,
    QrSays,
    QrPartyCount,
    QrStationNotInCommune,
    QrReplacedByRecount,
    QrDisagrees,
    NoQrCode,
    NotImage,

    // The shells: files, arguments, lines.
    CannotRead,
    CannotWrite,
    CannotCreate,
    OutExists,
    OutIsRecord,
    OutIsInput,
    OutNotRegular,
    OutTwice,
    SaveExists,
    InStationFile,
    NoHome,
    WindowFailed,
    NotScreen,
    VerifyNeedsInput,
    RuleNeedsChoice,
    NotLang,
    NotNumerals,
    NotCopy,
    LineUnreadable,
    Line,
    LineTooLong,
    RecordedBefore,
    RecordedOneBefore,
    FileTooLarge,
    FileOverMax,
    NotBallotNumber,
    NotPartyNumberAt,
    PartyFirst,
    DisputeAlone,
    NotEncodable,
    TooManyWords,
    NotWholeNumber,
    NotBookSerial,
    NoFilePath,
    NotHandedOver,
    ProgramStatus,
}

/// A value filling a placeholder of a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// Shown as is: names, codes, quoted values, hashes, paths.
    Text(String),
    /// A number, shown in the chosen numerals.
    Num(u64),
    /// A signed difference (`+3`, `-2`, `0`), in the chosen numerals.
    Signed(i64),
    /// A figure: by its symbol and key on the command line and in files
    /// (`R (received)`), by its symbol and name on screen.
    Figure(Figure),
    /// A check: by its key on the command line and in files
    /// (`issued_vs_voted`), by its name on screen.
    Check(CheckName),
    /// A nested message, rendered in the same language.
    Message(Box<Message>),
    /// Several messages, joined by "; ".
    List(Vec<Message>),
    /// A role at the count: by its key on the command line and in files
    /// (`party_agent`), by its name on screen.
    Role(Role),
}

/// A field as a screen names it: by the label beside its input, where the
/// command line and files name it by its path (`refused[0].reason`,
/// `review_of`). Its texts, in every language, are in `i18n`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Label {
    /// The number of a ballot (`seq`, `review_of`).
    Ballot,
    /// A ruling as typed (`3`, `3 V3`, `I2`).
    Ruling,
    /// A party number (`party`).
    Party,
    /// The parties disputing a ruling (`parties`, `disputed_by`).
    Disputants,
    /// A criterion code (`criterion`, `invalid`).
    Criterion,
    /// A person's full name (`name`).
    Name,
    /// An observer's organisation (`organisation`).
    Organisation,
    /// Who signs the count (`signed`).
    Signatures,
    /// The reason for a void.
    VoidReason,
    /// The reason a person gives for refusing to sign (`refused[i].reason`).
    RefusalReason { name: String },
    /// Who ordered a recount (`authority`).
    Authority,
    /// Why a recount was ordered (`reason`).
    RecountReason,
    /// The explanation of a check.
    Explanation(CheckName),
    /// A figure of the reconciliation.
    Figure(Figure),
    /// A check of the reconciliation.
    Check(CheckName),
    /// The pile count of a party.
    Pile(u32),
    /// The count record file to open.
    RecordFile,
    /// The station file a new count starts from.
    StationFile,
    /// Where the commune results are saved.
    CommuneResultsFile,
    /// Who lodges a complaint (`by`).
    Complainant,
    /// A complaint's text (`text`).
    ComplaintText,
}

/// A problem, named by key, with its arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    /// A template of the problem table.
    Text {
        key: P,
        args: Vec<(&'static str, Arg)>,
    },
    /// A problem with a field (`parties[3].number: ...`). Field names are
    /// the file's or the command line's, the same in every language; a
    /// screen names the field by its `label` when it has one.
    At {
        field: String,
        label: Option<Label>,
        problem: Box<Message>,
    },
    /// Text from outside polltally (the JSON parser, SQLite, the operating
    /// system) that has no translation; shown as it came.
    Verbatim(String),
}

impl Message {
    pub fn new(key: P) -> Message {
        Message::Text {
            key,
            args: Vec::new(),
        }
    }

    /// Adds a text argument.
    pub fn text(self, name: &'static str, value: impl fmt::Display) -> Message {
        self.with(name, Arg::Text(value.to_string()))
    }

    /// Adds a quoted text argument (`"abc"`), for values the user typed; a
    /// value longer than [`MAX_QUOTED_CHARS`] is quoted by its beginning and
    /// `…`, so that a huge input is never repeated back whole.
    pub fn quoted(self, name: &'static str, value: &str) -> Message {
        let quoted = match value.char_indices().nth(MAX_QUOTED_CHARS) {
            Some((end, _)) => format!("{:?}…", &value[..end]),
            None => format!("{value:?}"),
        };
        self.with(name, Arg::Text(quoted))
    }

    /// Adds a number argument.
    pub fn num(self, name: &'static str, value: impl Into<u64>) -> Message {
        self.with(name, Arg::Num(value.into()))
    }

    /// Adds a signed difference argument.
    pub fn signed(self, name: &'static str, value: i64) -> Message {
        self.with(name, Arg::Signed(value))
    }

    /// Adds a figure argument.
    pub fn figure(self, name: &'static str, value: Figure) -> Message {
        self.with(name, Arg::Figure(value))
    }

    /// Adds a check argument.
    pub fn check(self, name: &'static str, value: CheckName) -> Message {
        self.with(name, Arg::Check(value))
    }

    /// Adds a role argument.
    pub fn role(self, name: &'static str, value: Role) -> Message {
        self.with(name, Arg::Role(value))
    }

    /// Adds a nested message argument.
    pub fn message(self, name: &'static str, value: Message) -> Message {
        self.with(name, Arg::Message(Box::new(value)))
    }

    /// Adds a list of messages, shown joined by "; ".
    pub fn list(self, name: &'static str, items: Vec<Message>) -> Message {
        self.with(name, Arg::List(items))
    }

    fn with(self, name: &'static str, arg: Arg) -> Message {
        match self {
            Message::Text { key, mut args } => {
                args.push((name, arg));
                Message::Text { key, args }
            }
            other => other,
        }
    }

    /// This message as the problem of `field`.
    pub fn at(self, field: impl Into<String>) -> Message {
        Message::At {
            field: field.into(),
            label: None,
            problem: Box::new(self),
        }
    }

    /// The field of this message, named on screen by `label` (its path
    /// stays for the command line and files). A message without a field is
    /// left as it is.
    pub fn labelled(self, label: Label) -> Message {
        match self {
            Message::At { field, problem, .. } => Message::At {
                field,
                label: Some(label),
                problem,
            },
            other => other,
        }
    }

    pub fn verbatim(text: impl fmt::Display) -> Message {
        Message::Verbatim(text.to_string())
    }
}

/// An error that can say what is wrong as a [`Message`].
pub trait Explain {
    fn message(&self) -> Message;
}

impl Explain for Message {
    fn message(&self) -> Message {
        self.clone()
    }
}
