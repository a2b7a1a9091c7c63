//! The translation table: every user-visible string of the app comes from
//! here, by key. Templates name their arguments in braces (`{n}`) and are
//! filled by [`Tr::f`].

use std::fmt::Display;

/// A language the app can be shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum Lang {
    #[default]
    En,
}

impl Lang {
    /// The language code used to pick station-file texts (`name` maps).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
        }
    }
}

macro_rules! texts {
    ($($key:ident => $en:expr,)*) => {
        /// A key of the translation table.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum T { $($key,)* }

        impl T {
            /// Every key, for table-wide checks.
            pub const ALL: &'static [T] = &[$(T::$key,)*];

            fn en(self) -> &'static str {
                match self { $(T::$key => $en,)* }
            }
        }
    };
}

texts! {
    AppName => "polltally",
    Practice => "PRACTICE - NOT AN OFFICIAL RESULT",
    ScreenStart => "Start",
    ScreenStation => "Station",
    ScreenReconciliation => "Reconciliation",
    ScreenCounting => "Counting",
    ScreenCrossCheck => "Cross-check",
    ScreenResults => "Results",
    CloseCount => "Close count",
    Dismiss => "Dismiss",

    StartTitle => "Start a count, or open one",
    OpenPractice => "Open the practice count",
    PracticeHint => "A fictional station to learn on. Its record is kept in {path}",
    NewPractice => "Start a fresh practice count",
    ReopenLast => "Reopen the last count: {path}",
    OpenRecordTitle => "Open a count record",
    RecordPath => "Count record file",
    Browse => "Browse...",
    Open => "Open",
    NewCountTitle => "Start a new count from the station file",
    StationPath => "Station file",
    NewRecordPath => "New count record file (optional)",
    NewRecordHint => "Left empty, the record is made in {dir}",
    StartCount => "Start the count",
    NoDialog => "No file was chosen. Where no file dialog opens, type the path instead.",
    PathEmpty => "{field}: give a file path",
    Opened => "Opened {path}",
    Created => "Started a new count in {path}",

    Election => "Election",
    ElectionId => "Election id",
    Station => "Station",
    Commune => "Commune",
    District => "District",
    Province => "Province",
    ElectionDate => "Date",
    RegisteredVoters => "Registered voters",
    CouncilSeats => "Council seats",
    ComplaintDays => "Days for complaints",
    Parties => "Parties in ballot order",
    Number => "No.",
    Abbreviation => "Abbr.",
    PartyName => "Name",
    BallotBooks => "Ballot books",
    Book => "Book",
    Serials => "Serials",
    Ballots => "Ballots",
    TotalInBooks => "In all books",
    DefinitionHash => "Definition hash",
    ShowFullHash => "Show the full hash",
    HideFullHash => "Hide the full hash",
    PeoplePresent => "People present",
    PersonName => "Full name",
    Role => "Role",
    PartyOrOrganisation => "Party or organisation",
    RoleChief => "Chief",
    RoleSecretary => "Secretary",
    RoleMember => "Member",
    RolePartyAgent => "Party agent",
    RoleObserver => "Observer",
    PartyNumberField => "Party number",
    OrganisationField => "Organisation",
    AddPerson => "Record present",
    Withdraw => "Withdraw",
    WithdrawnBy => "withdrawn (entry {seq})",
    WithdrawReasonDefault => "entered in error",
    NoPeopleYet => "No one recorded yet.",
    Entry => "Entry",

    FiguresTitle => "Figures counted by the commission",
    FigureReceived => "Ballots received",
    FigureUnused => "Ballots unused",
    FigureSpoiled => "Ballots spoiled and cancelled",
    FigureVotersMarked => "Voters marked on the voter list",
    FigureSupplementary => "Voters on the supplementary list",
    FigureTemporaryId => "Of V: with temporary identity documents",
    FigureInBox => "Ballots found in the box",
    FigureIssued => "Ballots issued to voters (R - U - S)",
    ValidVotes => "Valid votes",
    InvalidBallots => "Invalid ballots",
    ExpectedFromBooks => "{n} in the station's books",
    RecordFigures => "Record figures",
    Recorded => "Recorded",
    NewValue => "New value",
    NotRecorded => "not recorded",
    Earlier => "earlier: {values}",
    MissingFigures => "Still to record: {list}",
    AllFiguresRecorded => "All figures are recorded.",
    NotANumber => "{field}: \"{value}\" is not a whole number",
    NothingChanged => "Nothing to record: no figure was changed.",

    ChecksTitle => "Checks",
    CheckStock => "Ballots received = ballots in the books",
    CheckIssuedVsVoted => "Issued = voters marked + supplementary",
    CheckBoxVsIssued => "Ballots in the box = ballots issued",
    CheckBoxVsRulings => "Ballots in the box = ballots ruled",
    CheckCeiling => "Voters marked no more than registered voters",
    CheckCrossCheck => "Pile of party {party} = its tally",
    Holds => "holds",
    Differs => "differs by {d}",
    Pending => "pending",
    Explanation => "Explanation",
    ExplanationFor => "Explanation for {check}",
    RecordExplanation => "Record explanation",

    NextBallot => "Ballot",
    RuledOf => "Ruled {ruled} of {in_box} ballots in the box",
    RuledNoBox => "Ruled {ruled} ballots (ballots in the box not yet recorded)",
    TypeParty => "Type the party number.",
    PartyPrefix => "{digits}: Enter for party {digits}, or type the next digit.",
    NoSuchPartyPrefix => "No party number starts with {digits}.",
    Armed => "Next ruling: {code} {title}. Type the party number (Esc cancels).",
    DisputePrompt => "Ruling {seq} disputed by: {parties}. Type party numbers with spaces, Enter records, Esc cancels.",
    VoidPrompt => "Void ruling {seq} ({verdict})? Reason:",
    VoidReason => "Reason for the void",
    VoidConfirm => "Void (Enter)",
    Cancel => "Cancel (Esc)",
    VoidReasonDefault => "keyed in error",
    NothingToVoid => "There is no ruling to void.",
    NothingToDispute => "There is no ruling to dispute.",
    DisputeLast => "Dispute the last ruling (D)",
    VoidLast => "Void the last ruling (Backspace)",
    ValidHeading => "Valid: for a party",
    InvalidHeading => "Invalid ballot",
    OtherValidMarks => "Other valid marks: press, then the party",
    LastRulings => "Last rulings",
    NoRulingsYet => "No ballot ruled yet.",
    VerdictParty => "party {party} {abbr} ({code})",
    VerdictInvalid => "invalid {code} {title}",
    VoidedBy => "voided by {seq}",
    DisputedBy => "disputed by {parties}",
    Criteria => "Criteria",
    Example => "Example: {text}",
    TallyLabel => "Party {party} tally: {n}",
    InvalidTallyLabel => "{code} tally: {n}",
    KeysHelp => "Keys: party number (Enter when asked) | Q W E R T Y invalid | Z X C other valid marks | D dispute | Backspace void | Esc cancel",
    Disputed => "Disputed",
    Key => "key {key}",

    CrossTitle => "Pile counts per party",
    Tally => "Tally",
    PileCount => "Pile count",
    Difference => "Difference",
    RecordPiles => "Record pile counts",
    PileField => "Pile of party {party}",

    ResultsTitle => "Results of the count",
    VotesPerParty => "Votes per party",
    InvalidPerCriterion => "Invalid ballots per criterion",
    ValidPerCriterion => "Valid ballots per criterion",
    DisputedRulings => "Disputed rulings",
    Total => "Total",
    SealingTitle => "Sealing",
    SealingGaps => "Before the count can be sealed:",
    SealingReady => "Nothing is missing: the count can be sealed.",
    GapFigure => "{symbol} {name} is not recorded",
    GapUnexplained => "{check} differs by {d} and has no explanation",
    GapRuling => "{ruled} of the {in_box} ballots in the box are ruled",

    Sealed => "SEALED",
    SealedNothingMore => "The count is sealed: nothing more can be recorded.",
    SealedSummary => "Sealed {at}. Results hash {hash}",
    ShortCode => "Short code",
    SealButton => "Seal the count",
    SealIntro => "Who signs the result? Everyone recorded as present is listed.",
    SignerSigns => "signs",
    SignerRefuses => "refuses",
    SignerAbsent => "does not sign",
    RefusalReason => "Reason given by {name}",
    SealNeedsPeople => "Record the people present on the Station screen first: at least the chief signs.",
    SaveForms => "Save the forms (copies A, B, C, annex, results file)",
    PrintForms => "Print copies A, B and C",
    SavedForms => "Saved: {paths}",
    Printed => "Sent to the printer: {paths}",
    NoPrinter => "Printing failed ({error}); the forms are saved in {dir}",
    ScreenVerify => "Verify",
    VerifyTitle => "Verify a results file",
    VerifyHint => "Check a results file alone, against a count record, or against the short code on a posted form.",
    ResultsFilePath => "Results file",
    RecordFileOptional => "Count record (optional)",
    CodeOptional => "Short code from the form (optional)",
    VerifyButton => "Verify",
    VerifyMatches => "Verified: station {station}, election {election}, short code {code}",
    OpenVerify => "Verify a results file",

    FormTitle => "Result of the count at the polling station",
    CopyA => "COPY A",
    CopyB => "COPY B",
    CopyC => "COPY C",
    CopyADestination => "Sealed in the package to the National Election Committee",
    CopyBDestination => "Posted outside the polling station",
    CopyCDestination => "For the commune election commission",
    FormCrossHold => "Pile count = tally for parties {parties}",
    FormCrossPending => "Pile not counted for parties {parties}",
    FormSignatures => "Signatures",
    FormSigned => "signed",
    FormRefused => "refused to sign",
    FormComplaint => "Complaints about this count may be filed with the commune election commission of {commune} until {date} (sealed {sealed}, plus {days} days).",
    FormResultsHash => "Results hash (SHA-256 of the results file)",
    FormShortCode => "Short code (type it into polltally verify)",
    FormPage => "Page {n} of {m}",
    AnnexTitle => "Annex: ruling log (every journal entry in order)",
    AnnexTime => "Time (UTC)",
    AnnexWhat => "Entry",
    AnnexOpened => "count opened for station {station}, definition {hash}",
    AnnexFigures => "figures {figures}",
    AnnexValid => "valid: party {party} ({code})",
    AnnexInvalid => "invalid: {code} {title}",
    AnnexVoid => "void of entry {seq}: {reason}",
    AnnexPile => "pile count of party {party}: {n}",
    AnnexExplanation => "explanation of {check}: {text}",
    AnnexDispute => "entry {seq} disputed by {parties}",
    AnnexPresent => "present: {name} ({role})",
    AnnexWithdrawn => "presence entry {seq} withdrawn: {reason}",
    AnnexSealed => "count sealed; signed by {names}",
}

/// Looks strings up in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tr {
    pub lang: Lang,
}

impl Tr {
    pub fn new(lang: Lang) -> Tr {
        Tr { lang }
    }

    /// The text of `key`.
    pub fn t(self, key: T) -> &'static str {
        match self.lang {
            Lang::En => key.en(),
        }
    }

    /// The text of `key` with `{name}` placeholders filled.
    pub fn f(self, key: T, args: &[(&str, &dyn Display)]) -> String {
        let mut text = self.t(key).to_string();
        for (name, value) in args {
            text = text.replace(&format!("{{{name}}}"), &value.to_string());
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_english_text() {
        for key in T::ALL {
            assert!(!Tr::default().t(*key).trim().is_empty(), "{key:?}");
        }
    }

    #[test]
    fn templates_fill_every_placeholder() {
        let tr = Tr::default();
        let text = tr.f(T::RuledOf, &[("ruled", &3), ("in_box", &10)]);
        assert_eq!(text, "Ruled 3 of 10 ballots in the box");
    }
}
