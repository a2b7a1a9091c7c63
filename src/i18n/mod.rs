//! The translation table: every user-visible string of the app comes from
//! here, by key. Templates name their arguments in braces (`{n}`) and are
//! filled by [`Tr::f`].

use crate::domain::clock_check::ClockNote;
use crate::domain::person::Role;
use crate::domain::reconciliation::{CheckName, CheckStatus, Figure};
use crate::domain::recount::RecountMode;
use crate::domain::ruling::Verdict;
use crate::domain::serials::{BookSerialsPart, BookUse};
use crate::domain::station::StationDefinition;
use crate::domain::text::{LocalizedText, Numerals};
use crate::domain::time::{Date, Timestamp};
use crate::domain::zone::Zone;
use std::fmt::Display;

/// A language the app can be shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum Lang {
    #[default]
    En,
    Km,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Km];

    /// The language code used to pick station-file texts (`name` maps).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Km => "km",
        }
    }

    /// The language's own name, for the language switch.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Km => "ខ្មែរ",
        }
    }
}

/// A table's texts for one key, in each language.
pub trait Bilingual: Copy {
    fn en(self) -> &'static str;
    fn km(self) -> &'static str;
}

/// The texts of every key of an enum, in English and Khmer. The match is
/// exhaustive, so a key without texts does not compile.
macro_rules! translations {
    ($name:ident; $($key:ident => $en:expr, $km:expr;)*) => {
        impl $name {
            /// Every key, for table-wide checks.
            pub const ALL: &'static [$name] = &[$($name::$key,)*];
        }

        impl $crate::i18n::Bilingual for $name {
            fn en(self) -> &'static str {
                match self { $($name::$key => $en,)* }
            }

            fn km(self) -> &'static str {
                match self { $($name::$key => $km,)* }
            }
        }
    };
}

/// A key enum and its texts in one table.
macro_rules! texts {
    ($(#[$doc:meta])* $name:ident; $($key:ident => $en:expr, $km:expr;)*) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $name { $($key,)* }

        translations!($name; $($key => $en, $km;)*);
    };
}

pub mod bilingual;
pub mod describe;
pub mod glossary;
pub mod help;
pub mod message;
pub mod problems;
pub mod public_display;

texts! {
    /// A key of the translation table.
    T;
    AppName => "polltally", "polltally";
    Practice => "PRACTICE - NOT AN OFFICIAL RESULT", "អនុវត្តសាកល្បង - មិនមែនលទ្ធផលផ្លូវការ";
    ScreenStation => "Station", "ការិយាល័យ";
    ScreenReconciliation => "Reconciliation", "ផ្គូផ្គងតួលេខ";
    ScreenCounting => "Counting", "រាប់សន្លឹកឆ្នោត";
    ScreenCrossCheck => "Cross-check", "ពិនិត្យគំនរ";
    ScreenResults => "Results", "លទ្ធផល";
    CloseCount => "Close count", "បិទកំណត់ត្រា";
    Dismiss => "Dismiss", "បិទសារ";

    StartTitle => "Start a count, or open one", "ចាប់ផ្ដើមការរាប់ ឬបើកការរាប់មួយ";
    OpenPractice => "Open the practice count", "បើកការរាប់សាកល្បង";
    PracticeHint => "A fictional station to learn on. Its record is kept in {path}", "ការិយាល័យប្រឌិតសម្រាប់រៀន។ កំណត់ត្រារបស់វារក្សាទុកនៅ {path}";
    NewPractice => "Start a fresh practice count", "ចាប់ផ្ដើមការរាប់សាកល្បងថ្មី";
    ReopenLast => "Reopen the last count: {path}", "បើកការរាប់ចុងក្រោយឡើងវិញ៖ {path}";
    OpenRecordTitle => "Open a count record", "បើកកំណត់ត្រាការរាប់";
    RecordPath => "Count record file", "ឯកសារកំណត់ត្រាការរាប់";
    Browse => "Browse...", "ស្វែងរក...";
    Open => "Open", "បើក";
    NewCountTitle => "Start a new count from the station file", "ចាប់ផ្ដើមការរាប់ថ្មីពីឯកសារការិយាល័យ";
    StationPath => "Station file", "ឯកសារការិយាល័យ";
    NewRecordPath => "New count record file (optional)", "ឯកសារកំណត់ត្រាថ្មី (ស្រេចចិត្ត)";
    NewRecordHint => "Left empty, the record is made in {dir}", "បើទុកទទេ កំណត់ត្រាត្រូវបង្កើតនៅ {dir}";
    StartCount => "Start the count", "ចាប់ផ្ដើមការរាប់";
    NoDialog => "No file was chosen. Where no file dialog opens, type the path instead.", "មិនបានជ្រើសឯកសារ។ បើប្រអប់ជ្រើសឯកសារមិនបើក សូមវាយផ្លូវឯកសារជំនួសវិញ។";
    Opened => "Opened {path}", "បានបើក {path}";
    OpenedReadOnly => "Opened for reading only: {path} cannot be opened to write (read-only media, or another program writing it). It can be looked at and verified; nothing can be recorded in it.", "បានបើកសម្រាប់តែអានប៉ុណ្ណោះ៖ មិនអាចបើក {path} ដើម្បីសរសេរបានទេ (ឧបករណ៍ផ្ទុកសម្រាប់តែអាន ឬកម្មវិធីផ្សេងកំពុងសរសេរវា)។ អាចមើល និងផ្ទៀងផ្ទាត់បាន ប៉ុន្តែមិនអាចកត់ត្រាអ្វីក្នុងវាបានទេ។";
    Error => "error", "កំហុស";
    CliTrainingCreated => "created {path}: a TRAINING round of {cards} cards (seed {seed}) for station {station}; it is never a count", "បានបង្កើត {path}៖ វគ្គបណ្ដុះបណ្ដាល {cards} សន្លឹក (គ្រាប់ពូជ {seed}) សម្រាប់ការិយាល័យ {station}; វាមិនមែនជាការរាប់ទេ";
    CliTrainingReport => "wrote the trainer's report to {path}", "បានសរសេររបាយការណ៍គ្រូបង្គោលទៅ {path}";
    CliTrainingMemberKnown => "note: {member} has already ruled {ruled} of {cards} cards; an answer given now to one of them replaces theirs", "ចំណាំ៖ {member} បានសម្រេច {ruled} ក្នុង {cards} សន្លឹករួចហើយ; ចម្លើយដែលឲ្យឥឡូវលើសន្លឹកទាំងនោះជំនួសចម្លើយរបស់គាត់";
    CliTrainingHeading => "TRAINING - station {station}, {cards} cards, seed {seed}", "ហ្វឹកហាត់ - ការិយាល័យ {station} {cards} សន្លឹក គ្រាប់ពូជ {seed}";
    CliTrainingMember => "{member}: {correct} of {cards} correct ({ruled} ruled); {per}", "{member}៖ ត្រូវ {correct} ក្នុង {cards} (បានសម្រេច {ruled}); {per}";
    CliTrainingCard => "card {card} (expected {expected}): {rulings}", "សន្លឹកទី {card} (ចម្លើយត្រូវ {expected})៖ {rulings}";
    CliTrainingNotACount => "TRAINING round: its answers are evidence of training, never a count", "វគ្គបណ្ដុះបណ្ដាល៖ ចម្លើយរបស់វាជាភស្តុតាងនៃការហ្វឹកហាត់ មិនមែនជាការរាប់ទេ";
    CheckpointNow => "CHECKPOINT: party agents, write it down", "ចំណុចត្រួតពិនិត្យ៖ ភ្នាក់ងារគណបក្ស សូមកត់ទុក";
    CheckpointLast => "Last checkpoint (K: a checkpoint now)", "ចំណុចត្រួតពិនិត្យចុងក្រោយ (K៖ ចំណុចត្រួតពិនិត្យឥឡូវ)";
    CheckpointWhere => "ballot {ballot}, entry {seq}", "សន្លឹកឆ្នោតទី {ballot} ការកត់ត្រាទី {seq}";
    CheckpointFinishFirst => "Finish the party number first (Enter), or Esc, then K for a checkpoint.", "សូមបញ្ចប់លេខគណបក្សជាមុនសិន (Enter) ឬ Esc បន្ទាប់មក K សម្រាប់ចំណុចត្រួតពិនិត្យ។";
    CheckpointHint => "K shows a checkpoint code for party agents to write down.", "K បង្ហាញកូដចំណុចត្រួតពិនិត្យ សម្រាប់ភ្នាក់ងារគណបក្សកត់ទុក។";
    FormCheckpoints => "Checkpoints shown during the count", "ចំណុចត្រួតពិនិត្យដែលបានបង្ហាញក្នុងពេលរាប់";
    FormCheckpointLegend => "ballot, entry: code", "សន្លឹកឆ្នោត, ការកត់ត្រា៖ កូដ";
    CliCheckpoint => "checkpoint: ballot {ballot}, entry {seq}, code {code}", "ចំណុចត្រួតពិនិត្យ៖ សន្លឹកឆ្នោតទី {ballot} ការកត់ត្រាទី {seq} កូដ {code}";
    CliCheckpointListed => "ok: the results file lists checkpoint {seq} {code}", "ត្រឹមត្រូវ៖ ឯកសារលទ្ធផលរាយចំណុចត្រួតពិនិត្យ {seq} {code}";
    CliCheckpointPassed => "ok: passes through checkpoint {seq} {code}", "ត្រឹមត្រូវ៖ ឆ្លងកាត់ចំណុចត្រួតពិនិត្យ {seq} {code}";
    CliCreated => "created {path}: station {station}, election {election}, definition hash {hash}", "បានបង្កើត {path}៖ ការិយាល័យ {station} ការបោះឆ្នោត {election} ហាសឯកសារការិយាល័យ {hash}";
    CliResultsHash => "results hash {hash}", "ហាសលទ្ធផល {hash}";
    CliShortCode => "short code {code}", "កូដខ្លី {code}";
    CliRecountCreated => "created {path}: {mode} of the count with results hash {hash}; {n} ballots to rule again, {carried} rulings carried over", "បានបង្កើត {path}៖ {mode} នៃការរាប់ដែលមានហាសលទ្ធផល {hash}; សន្លឹកឆ្នោតចំនួន {n} ត្រូវសម្រេចម្ដងទៀត ការសម្រេចចំនួន {carried} យកមកប្រើដដែល";
    CliFullRecountCreated => "created {path}: full recount of the count with results hash {hash}; every ballot is ruled again", "បានបង្កើត {path}៖ ការរាប់ឡើងវិញទាំងស្រុងនៃការរាប់ដែលមានហាសលទ្ធផល {hash}; សន្លឹកឆ្នោតទាំងអស់ត្រូវសម្រេចម្ដងទៀត";
    CliUnderReview => "ballots under review (original seq): {list}", "សន្លឹកឆ្នោតកំពុងពិនិត្យ (លេខដើម)៖ {list}";
    CmpTitle => "Station {station}: {mode} ordered by {authority} ({reason})", "ការិយាល័យ {station}៖ {mode} តាមបញ្ជារបស់ {authority} ({reason})";
    CmpHashes => "original results {original}, recount results {recount}", "លទ្ធផលដើម {original} លទ្ធផលរាប់ឡើងវិញ {recount}";
    CmpOriginal => "original", "ដើម";
    CmpRecount => "recount", "រាប់ឡើងវិញ";
    CmpDifference => "difference", "ភាពខុសគ្នា";
    CmpParty => "party {n} {abbr}", "គណបក្ស {n} {abbr}";
    CmpByCriterion => "By criterion:", "តាមលក្ខណៈវិនិច្ឆ័យ៖";
    CmpChanged => "Rulings changed: {n} of {reviewed} ruled again", "ការសម្រេចដែលបានផ្លាស់ប្ដូរ៖ {n} ក្នុងចំណោម {reviewed} ដែលបានសម្រេចម្ដងទៀត";
    CmpChangedRuling => "ballot {ballot}: {old} -> {new}", "សន្លឹកឆ្នោតទី {ballot}៖ {old} -> {new}";
    CmpLine => "The line of counts:", "ខ្សែនៃការរាប់៖";
    CmpFirstCount => "first count", "ការរាប់លើកដំបូង";
    CmpFormTitle => "Comparison of a recount with its original", "ការប្រៀបធៀបការរាប់ឡើងវិញជាមួយការរាប់ដើម";
    TabTitle => "Commune {commune} ({code}): {n} stations", "ឃុំ សង្កាត់ {commune} ({code})៖ ការិយាល័យចំនួន {n}";
    TabReplaced => "station {code}: results {old} replaced by the recount {new}", "ការិយាល័យ {code}៖ លទ្ធផល {old} ត្រូវបានជំនួសដោយការរាប់ឡើងវិញ {new}";
    TabMissing => "Stations without results: {list}", "ការិយាល័យគ្មានលទ្ធផល៖ {list}";
    TabNoneMissing => "Every station of the commune has results.", "ការិយាល័យទាំងអស់នៃឃុំ សង្កាត់មានលទ្ធផល។";
    TabListUnknown => "The station files do not list the commune's stations; missing stations cannot be named.", "ឯកសារការិយាល័យមិនរាយការិយាល័យនៃឃុំ សង្កាត់ទេ; មិនអាចរាយឈ្មោះការិយាល័យដែលខ្វះបានទេ។";
    TabVotes => "votes", "សំឡេង";
    TabSeats => "seats", "អាសនៈ";
    TabTie => "Tie: {seats} seat(s) for a drawing of lots among parties {parties} (quotient {quotient})", "ស្មើគ្នា៖ អាសនៈ {seats} សម្រាប់ការចាប់ឆ្នោតរវាងគណបក្ស {parties} (ផលចែក {quotient})";
    TabHash => "commune results hash {hash}", "ហាសលទ្ធផលឃុំ សង្កាត់ {hash}";
    TabHashLabel => "Commune results hash (SHA-256)", "ហាសលទ្ធផលឃុំ សង្កាត់ (SHA-256)";
    TabPerStation => "Votes per station", "សំឡេងឆ្នោតតាមការិយាល័យ";
    TabValid => "valid", "បានការ";
    TabInvalid => "invalid", "មិនបានការ";
    TabTotal => "Total", "សរុប";
    TabFormTitle => "Commune results and council seats", "លទ្ធផលឃុំ សង្កាត់ និងអាសនៈក្រុមប្រឹក្សា";
    TabStations => "Stations and their results hashes", "ការិយាល័យ និងហាសលទ្ធផល";
    TabAllocation => "Seat allocation (highest average, divisors {#1}, {#2}, {#3}, ...)", "ការបែងចែកអាសនៈ (មធ្យមភាគខ្ពស់បំផុត តួចែក {#1} {#2} {#3} ...)";
    TabSeat => "seat", "អាសនៈ";
    TabDivisor => "divisor", "តួចែក";
    TabQuotient => "quotient", "ផលចែក";
    TabByMoreVotes => "tie won by more votes", "ស្មើគ្នា ឈ្នះដោយសំឡេងច្រើនជាង";
    VerdictShortParty => "party {party} ({code})", "គណបក្ស {party} ({code})";
    VerdictShortInvalid => "invalid {code}", "មិនបានការ {code}";
    BackToStart => "Back to the start", "ត្រឡប់ទៅដើម";
    ScreenRecount => "Recount", "រាប់ឡើងវិញ";
    ScreenTabulation => "Tabulation", "សរុបលទ្ធផល";
    OpenTabulation => "Tabulate a commune", "សរុបលទ្ធផលឃុំ សង្កាត់";
    RecountNeedsSeal => "A recount can be started once the count is sealed.", "អាចចាប់ផ្ដើមការរាប់ឡើងវិញបាន នៅពេលការរាប់បានបិទត្រា។";
    RecountFullHint => "Every ballot is ruled again on the counting screen (F4).", "សន្លឹកឆ្នោតទាំងអស់ត្រូវសម្រេចម្ដងទៀតនៅអេក្រង់រាប់ (F4)។";
    RecountStartTitle => "Start a recount ordered by an authority", "ចាប់ផ្ដើមការរាប់ឡើងវិញតាមបញ្ជារបស់អាជ្ញាធរ";
    RecountStartHint => "The recount is a new record beside this one, linked to this count's results hash.", "ការរាប់ឡើងវិញជាកំណត់ត្រាថ្មីនៅក្បែរកំណត់ត្រានេះ ភ្ជាប់នឹងហាសលទ្ធផលនៃការរាប់នេះ។";
    RecountAuthority => "Ordered by", "បញ្ជាដោយ";
    RecountReason => "Reason", "មូលហេតុ";
    RecountStart => "Start the recount", "ចាប់ផ្ដើមការរាប់ឡើងវិញ";
    ReviewProgress => "Ballots ruled again: {done} of {of}", "សន្លឹកឆ្នោតបានសម្រេចម្ដងទៀត៖ {done} នៃ {of}";
    ReviewHint => "Type the number written on the back of the ballot, then the ruling (3, 3 V3, I2), then Enter.", "វាយលេខដែលសរសេរនៅខាងក្រោយសន្លឹកឆ្នោត បន្ទាប់មកការសម្រេច (3, 3 V3, I2) រួចចុច Enter។";
    ReviewSeq => "Ballot number", "លេខសន្លឹកឆ្នោត";
    ReviewRuling => "Ruling", "ការសម្រេច";
    ReviewRecord => "Record the ruling", "កត់ត្រាការសម្រេច";
    CmpSave => "Save the comparison (JSON and PDF)", "រក្សាទុកការប្រៀបធៀប (JSON និង PDF)";
    TabHint => "List the stations' results files or count records (.polltally), one a line. Each is verified; a recount replaces the original it links to.", "រាយឯកសារលទ្ធផល ឬកំណត់ត្រាការរាប់ (.polltally) នៃការិយាល័យ មួយបន្ទាត់មួយ។ ឯកសារនីមួយៗត្រូវបានផ្ទៀងផ្ទាត់; ការរាប់ឡើងវិញជំនួសការរាប់ដើមដែលវាភ្ជាប់។";
    TabIssuedFiles => "Issued station files (or folders of them)", "ឯកសារការិយាល័យដែលបានចេញ (ឬថតរបស់វា)";
    TabReadStations => "Read the station files", "អានឯកសារការិយាល័យ";
    TabIssuedRead => "{n} issued stations read.", "បានអានការិយាល័យដែលបានចេញចំនួន {n}។";
    TabCodesHint => "Type each station's short code from copy C of its results form. A results file whose code differs is refused.", "វាយកូដខ្លីនៃការិយាល័យនីមួយៗពីច្បាប់ចម្លង C នៃទម្រង់លទ្ធផលរបស់វា។ ឯកសារលទ្ធផលដែលមានកូដខុសគ្នានឹងត្រូវបដិសេធ។";
    TabCodesNeedStations => "Give the issued station files and read them to type each station's short code from paper.", "សូមផ្ដល់ឯកសារការិយាល័យដែលបានចេញ ហើយអានវា ដើម្បីវាយកូដខ្លីនៃការិយាល័យនីមួយៗពីក្រដាស។";
    TabStationColumn => "Station", "ការិយាល័យ";
    TabCodeColumn => "Short code on copy C", "កូដខ្លីលើច្បាប់ចម្លង C";
    TabNotACode => "not a short code", "មិនមែនជាកូដខ្លីទេ";
    TabPaperNone => "Not checked against paper: no short codes were typed.", "មិនបានផ្ទៀងផ្ទាត់ជាមួយក្រដាសទេ៖ គ្មានកូដខ្លីត្រូវបានវាយទេ។";
    TabPaperChecked => "Checked against paper: {n} of {m} stations.", "បានផ្ទៀងផ្ទាត់ជាមួយក្រដាស៖ ការិយាល័យចំនួន {n} ក្នុងចំណោម {m}។";
    TabPaperNoCode => "No short code typed for: {list}", "គ្មានកូដខ្លីត្រូវបានវាយសម្រាប់៖ {list}";
    TabPaperNoFile => "Short code typed but no results file: {list}", "មានកូដខ្លី ប៉ុន្តែគ្មានឯកសារលទ្ធផល៖ {list}";
    TabFiles => "Results files", "ឯកសារលទ្ធផល";
    TabOut => "Save the commune results as", "រក្សាទុកលទ្ធផលឃុំ សង្កាត់ជា";
    TabButton => "Tabulate", "សរុបលទ្ធផល";
    HelpVersion => "Print the version", "បង្ហាញកំណែ";
    HelpHelp => "Print this help", "បង្ហាញជំនួយនេះ";
    HelpOptions => "Options", "ជម្រើស";
    HelpCommands => "Commands", "ពាក្យបញ្ជា";
    HelpUsage => "Usage:", "ការប្រើ៖";
    CliCommuneVerified => "ok: commune {code}, {n} stations, commune results hash {hash}", "ត្រឹមត្រូវ៖ ឃុំ សង្កាត់ {code} ការិយាល័យចំនួន {n} ហាសលទ្ធផលឃុំ សង្កាត់ {hash}";
    CliWrote => "wrote {path}", "បានសរសេរ {path}";
    MirrorHeading => "Live copy on a USB stick", "ច្បាប់ចម្លងផ្ទាល់លើឧបករណ៍ផ្ទុកចល័ត";
    MirrorHint => "Every entry is also written to this file, so that another laptop can go on with the count if this one fails.", "ការកត់ត្រានីមួយៗក៏ត្រូវបានសរសេរទៅឯកសារនេះដែរ ដើម្បីឱ្យកុំព្យូទ័រយួរដៃផ្សេងអាចបន្តការរាប់បាន ប្រសិនបើកុំព្យូទ័រនេះខូច។";
    MirrorPath => "Copy file", "ឯកសារច្បាប់ចម្លង";
    MirrorStart => "Start the live copy", "ចាប់ផ្ដើមច្បាប់ចម្លងផ្ទាល់";
    MirrorStarted => "Live copy started: {path}", "បានចាប់ផ្ដើមច្បាប់ចម្លងផ្ទាល់៖ {path}";
    MirrorUpToDate => "Live copy {path}: up to date ({n} entries).", "ច្បាប់ចម្លងផ្ទាល់ {path}៖ ទាន់សម័យ (ការកត់ត្រាចំនួន {n})។";
    MirrorBehind => "Live copy {path}: {behind} not copied yet ({n} entries copied).", "ច្បាប់ចម្លងផ្ទាល់ {path}៖ {behind} មិនទាន់បានចម្លង (បានចម្លងការកត់ត្រាចំនួន {n})។";
    MirrorFailing => "Live copy {path}: {behind} not copied yet ({n} entries copied): {problem}. It is tried again after the next entry.", "ច្បាប់ចម្លងផ្ទាល់ {path}៖ {behind} មិនទាន់បានចម្លង (បានចម្លងការកត់ត្រាចំនួន {n})៖ {problem}។ វានឹងត្រូវសាកល្បងម្ដងទៀតបន្ទាប់ពីការកត់ត្រាបន្ទាប់។";
    CliMigrated => "note: {path} was brought from schema version {from} to {to} to write to it", "ចំណាំ៖ {path} ត្រូវបានប្ដូរពីកំណែគ្រោងទី {from} ទៅ {to} ដើម្បីសរសេរទៅវា";
    CliResultsVerified => "ok: station {station}, election {election}, results hash {hash}, short code {code}", "ត្រឹមត្រូវ៖ ការិយាល័យ {station} ការបោះឆ្នោត {election} ហាសលទ្ធផល {hash} កូដខ្លី {code}";
    CliChainIntact => "ok: chain intact, {n} entries, head {head}", "ត្រឹមត្រូវ៖ ខ្សែសង្វាក់នៅដដែល ការកត់ត្រាចំនួន {n} ហាសចុងក្រោយ {head}";
    CliQrVerified => "ok: the QR code of {image} matches {file}: station {station}, results hash {hash}, votes of {n} parties", "ត្រឹមត្រូវ៖ កូដ QR នៃ {image} ត្រូវនឹង {file}៖ ការិយាល័យ {station} ហាសលទ្ធផល {hash} សំឡេងឆ្នោតនៃគណបក្សចំនួន {n}";
    Created => "Started a new count in {path}", "បានចាប់ផ្ដើមការរាប់ថ្មីនៅ {path}";
    FieldProblem => "{field}: {problem}", "{field}៖ {problem}";
    DisputantsField => "Parties disputing", "គណបក្សដែលជំទាស់";
    CriterionField => "Criterion", "លក្ខណៈវិនិច្ឆ័យ";
    NoPrintCommand => "No printer command ({command}) was found on this computer. The forms are saved in {dir}: print them from another computer, or install a printer and try again.", "រកមិនឃើញពាក្យបញ្ជាបោះពុម្ព ({command}) នៅលើកុំព្យូទ័រនេះទេ។ ទម្រង់ត្រូវបានរក្សាទុកនៅ {dir}៖ សូមបោះពុម្ពពីកុំព្យូទ័រផ្សេង ឬដំឡើងម៉ាស៊ីនបោះពុម្ព រួចព្យាយាមម្ដងទៀត។";

    Election => "Election", "ការបោះឆ្នោត";
    ElectionId => "Election id", "លេខសម្គាល់ការបោះឆ្នោត";
    Station => "Station", "ការិយាល័យបោះឆ្នោត";
    Commune => "Commune", "ឃុំ សង្កាត់";
    District => "District", "ក្រុង ស្រុក ខណ្ឌ";
    Province => "Province", "រាជធានី ខេត្ត";
    ElectionDate => "Date", "កាលបរិច្ឆេទ";
    RegisteredVoters => "Registered voters", "អ្នកបោះឆ្នោតចុះឈ្មោះ";
    CouncilSeats => "Council seats", "អាសនៈក្រុមប្រឹក្សា";
    ComplaintDays => "Days for complaints", "ចំនួនថ្ងៃដាក់ពាក្យបណ្ដឹង";
    Parties => "Parties in ballot order", "គណបក្សតាមលំដាប់លើសន្លឹកឆ្នោត";
    Number => "No.", "លេខ";
    Abbreviation => "Abbr.", "អក្សរកាត់";
    PartyName => "Name", "ឈ្មោះ";
    BallotBooks => "Ballot books", "សៀវភៅសន្លឹកឆ្នោត";
    Book => "Book", "សៀវភៅ";
    Serials => "Serials", "លេខរៀង";
    Ballots => "Ballots", "សន្លឹកឆ្នោត";
    TotalInBooks => "In all books", "សរុបក្នុងសៀវភៅ";
    DefinitionHash => "Definition hash", "ហាសឯកសារការិយាល័យ";
    ShowFullHash => "Show the full hash", "បង្ហាញហាសពេញ";
    HideFullHash => "Hide the full hash", "លាក់ហាសពេញ";
    PeoplePresent => "People present", "អ្នកមានវត្តមាន";
    PersonName => "Full name", "ឈ្មោះពេញ";
    Role => "Role", "តួនាទី";
    RoleChief => "Chief", "ប្រធាន";
    RoleSecretary => "Secretary", "លេខាធិការ";
    RoleMember => "Member", "សមាជិក";
    RolePartyAgent => "Party agent", "ភ្នាក់ងារគណបក្ស";
    RoleObserver => "Observer", "អ្នកសង្កេតការណ៍";
    PartyNumberField => "Party number", "លេខគណបក្ស";
    OrganisationField => "Organisation", "អង្គការ";
    AddPerson => "Record present", "កត់ត្រាវត្តមាន";
    Withdraw => "Withdraw", "ដកចេញ";
    WithdrawnBy => "withdrawn (entry {seq})", "បានដកចេញ (ការកត់ត្រាទី {seq})";
    NoPeopleYet => "No one recorded yet.", "មិនទាន់បានកត់ត្រាវត្តមានអ្នកណាម្នាក់នៅឡើយទេ។";
    Entry => "Entry", "ការកត់ត្រា";
    StationFirstStep => "First step: record everyone present: the commission, the party agents, the observers.", "ជំហានដំបូង៖ កត់ត្រាអ្នកមានវត្តមានទាំងអស់៖ គណៈកម្មការ ភ្នាក់ងារគណបក្ស អ្នកសង្កេតការណ៍។";
    WithdrawPrompt => "Withdraw {name} (entry {seq})? Give the reason:", "ដក {name} (ការកត់ត្រាទី {seq}) ចេញឬ? សូមផ្ដល់មូលហេតុ៖";
    WithdrawReason => "Reason for withdrawing", "មូលហេតុនៃការដកចេញ";
    WithdrawConfirm => "Withdraw {name}", "ដក {name} ចេញ";
    NextAfterStation => "Next, when everyone present is recorded: the figures counted before the box is opened.", "បន្ទាប់ ពេលកត់ត្រាអ្នកមានវត្តមានទាំងអស់រួច៖ តួលេខដែលបានរាប់មុនពេលបើកហិប។";
    NextAfterReconciliation => "Next, when the figures are recorded: rule the ballots one by one.", "បន្ទាប់ ពេលកត់ត្រាតួលេខរួច៖ សម្រេចសន្លឹកឆ្នោតម្ដងមួយសន្លឹក។";
    NextAfterCounting => "Next, when every ballot is ruled: count each party's pile again.", "បន្ទាប់ ពេលសម្រេចសន្លឹកឆ្នោតទាំងអស់រួច៖ រាប់គំនររបស់គណបក្សនីមួយៗម្ដងទៀត។";
    NextAfterCrossCheck => "Next, when the piles are counted: check the results and seal the count.", "បន្ទាប់ ពេលរាប់គំនររួច៖ ពិនិត្យលទ្ធផល ហើយបិទត្រាការរាប់។";
    GoToScreen => "Go to {screen}", "ទៅ {screen}";

    FiguresTitle => "Figures counted by the commission", "តួលេខដែលគណៈកម្មការរាប់";
    FigureReceived => "Ballots received", "សន្លឹកឆ្នោតដែលបានទទួល";
    FigureUnused => "Ballots unused", "សន្លឹកឆ្នោតមិនបានប្រើ";
    FigureSpoiled => "Ballots spoiled and cancelled", "សន្លឹកឆ្នោតខូច និងបានលុបចោល";
    FigureVotersMarked => "Voters marked on the voter list", "ឈ្មោះដែលបានគូសក្នុងបញ្ជី";
    FigureSupplementary => "Voters on the supplementary list", "អ្នកបោះឆ្នោតក្នុងបញ្ជីបន្ថែម";
    FigureTemporaryId => "Of V: with temporary identity documents", "ក្នុង V៖ ប្រើ ឯ.អ (ឯកសារបញ្ជាក់អត្តសញ្ញាណ)";
    FigureInBox => "Ballots found in the box", "សន្លឹកឆ្នោតក្នុងហិប";
    FigureIssued => "Ballots issued to voters (R - U - S)", "សន្លឹកឆ្នោតដែលបានចែក (R - U - S)";
    ValidVotes => "Valid votes", "សំឡេងឆ្នោតបានការ";
    InvalidBallots => "Invalid ballots", "សន្លឹកឆ្នោតមិនបានការ";
    ExpectedFromBooks => "{n} in the station's books", "ចំនួន {n} ក្នុងសៀវភៅរបស់ការិយាល័យ";
    RecordFigures => "Record figures", "កត់ត្រាតួលេខ";
    Recorded => "Recorded", "បានកត់ត្រា";
    NewValue => "New value", "តម្លៃថ្មី";
    NotRecorded => "not recorded", "មិនទាន់កត់ត្រា";
    Earlier => "earlier: {values}", "មុននេះ៖ {values}";
    MissingFigures => "Still to record: {list}", "នៅត្រូវកត់ត្រា៖ {list}";
    AllFiguresRecorded => "All figures are recorded.", "តួលេខទាំងអស់បានកត់ត្រារួចហើយ។";
    NothingChanged => "Nothing to record: no figure was changed.", "គ្មានអ្វីត្រូវកត់ត្រា៖ គ្មានតួលេខណាផ្លាស់ប្ដូរ។";
    BooksTitle => "Ballot books by serial", "សៀវភៅសន្លឹកឆ្នោតតាមលេខរៀង";
    BooksHelp => "For each book: the serial of its first unused ballot, or that the book is unused or used up.", "សម្រាប់សៀវភៅនីមួយៗ៖ លេខរៀងនៃសន្លឹកឆ្នោតមិនបានប្រើដំបូង ឬថាសៀវភៅមិនបានប្រើ ឬប្រើអស់។";
    BookSerials => "serials {first}-{last}", "លេខរៀង {first}-{last}";
    FirstUnusedSerial => "First unused serial", "លេខរៀងមិនបានប្រើដំបូង";
    BookUnused => "Book unused", "សៀវភៅមិនបានប្រើ";
    BookUsedUp => "Book used up", "សៀវភៅប្រើអស់";
    BookFirstUnused => "first unused {serial}", "មិនបានប្រើដំបូង {serial}";
    BookNotGiven => "not given", "មិនទាន់ផ្ដល់";
    BookUnusedWhole => "unused", "មិនបានប្រើ";
    BookUsedUpWord => "used up", "ប្រើអស់";
    BookUsedUpRange => "used up: {first}-{last}", "ប្រើអស់៖ {first}-{last}";
    BookUsedRange => "used {first}-{last}, {n} unused", "បានប្រើ {first}-{last} មិនបានប្រើ {n}";
    RecordSerials => "Record serials", "កត់ត្រាលេខរៀង";
    UnusedBySerial => "Ballots unused by the books' serials", "សន្លឹកឆ្នោតមិនបានប្រើតាមលេខរៀងសៀវភៅ";
    BooksMissing => "Books still to give: {list}", "សៀវភៅនៅត្រូវផ្ដល់៖ {list}";
    AllBooksGiven => "Every book is given.", "សៀវភៅទាំងអស់បានផ្ដល់រួចហើយ។";
    NoSerialChanged => "Nothing to record: no book was changed.", "គ្មានអ្វីត្រូវកត់ត្រា៖ គ្មានសៀវភៅណាផ្លាស់ប្ដូរ។";

    ChecksTitle => "Checks", "ការត្រួតពិនិត្យ";
    CheckStock => "Ballots received = ballots in the books", "សន្លឹកឆ្នោតបានទទួល = សន្លឹកក្នុងសៀវភៅ";
    CheckIssuedVsVoted => "Issued = voters marked + supplementary", "បានចែក = ឈ្មោះបានគូស + បញ្ជីបន្ថែម";
    CheckBoxVsIssued => "Ballots in the box = ballots issued", "សន្លឹកក្នុងហិប = សន្លឹកបានចែក";
    CheckBoxVsRulings => "Ballots in the box = ballots ruled", "សន្លឹកក្នុងហិប = សន្លឹកបានសម្រេច";
    CheckCeiling => "Voters marked no more than registered voters", "ឈ្មោះបានគូស មិនលើសអ្នកចុះឈ្មោះ";
    CheckCrossCheck => "Pile of party {party} = its tally", "គំនររបស់គណបក្ស {party} = ចំនួនរាប់បានរបស់វា";
    CheckUnusedBySerial => "Ballots unused = unused by serial", "សន្លឹកមិនបានប្រើ = មិនបានប្រើតាមលេខរៀង";
    Holds => "holds", "ត្រូវគ្នា";
    Differs => "differs by {d}", "ខុសគ្នា {d}";
    Pending => "pending", "កំពុងរង់ចាំ";
    Explanation => "Explanation", "ការពន្យល់";
    ExplanationFor => "Explanation for {check}", "ការពន្យល់សម្រាប់ {check}";
    RecordExplanation => "Record explanation", "កត់ត្រាការពន្យល់";

    NextBallot => "Ballot", "សន្លឹកឆ្នោតទី";
    RuledOf => "Ruled {ruled} of {in_box} ballots in the box", "បានសម្រេច {ruled} ក្នុងចំណោម {in_box} សន្លឹកក្នុងហិប";
    RuledNoBox => "Ruled {ruled} ballots (ballots in the box not yet recorded)", "បានសម្រេច {ruled} សន្លឹក (មិនទាន់កត់ត្រាសន្លឹកក្នុងហិប)";
    TypeParty => "Type the party number.", "វាយលេខគណបក្ស។";
    PartyPrefix => "{digits}: Enter for party {digits}, or type the next digit.", "{digits}៖ ចុច Enter សម្រាប់គណបក្ស {digits} ឬវាយខ្ទង់បន្ទាប់។";
    NoSuchPartyPrefix => "No party number starts with {digits}.", "គ្មានលេខគណបក្សណាចាប់ផ្ដើមដោយ {digits} ទេ។";
    Armed => "Next ruling: {code} {title}. Type the party number (Esc cancels).", "ការសម្រេចបន្ទាប់៖ {code} {title}។ វាយលេខគណបក្ស (Esc ដើម្បីបោះបង់)។";
    DisputePrompt => "Ballot {ballot} disputed by: {parties}. Type party numbers with spaces, Enter records, Esc cancels.", "សន្លឹកឆ្នោតទី {ballot} ត្រូវបានជំទាស់ដោយ៖ {parties}។ វាយលេខគណបក្សដោយដកឃ្លា ចុច Enter ដើម្បីកត់ត្រា Esc ដើម្បីបោះបង់។";
    VoidPrompt => "Void ruling of ballot {ballot} ({verdict})? Reason:", "លុបការសម្រេចនៃសន្លឹកឆ្នោតទី {ballot} ({verdict})? មូលហេតុ៖";
    VoidReason => "Reason for the void", "មូលហេតុនៃការលុប";
    VoidConfirm => "Void (Enter)", "លុប (Enter)";
    Cancel => "Cancel (Esc)", "បោះបង់ (Esc)";
    VoidReasonDefault => "keyed in error", "វាយខុស";
    NothingToVoid => "There is no ruling to void.", "គ្មានការសម្រេចដើម្បីលុបទេ។";
    NothingToDispute => "There is no ruling to dispute.", "គ្មានការសម្រេចដើម្បីជំទាស់ទេ។";
    DisputeLast => "Dispute the last ruling (D)", "ជំទាស់ការសម្រេចចុងក្រោយ (D)";
    VoidLast => "Void the last ruling (Backspace)", "លុបការសម្រេចចុងក្រោយ (Backspace)";
    ValidHeading => "Valid: for a party", "បានការ៖ សម្រាប់គណបក្ស";
    InvalidHeading => "Invalid ballot", "សន្លឹកឆ្នោតមិនបានការ";
    OtherValidMarks => "Other valid marks: press, then the party", "សញ្ញាបានការផ្សេងទៀត៖ ចុច រួចវាយលេខគណបក្ស";
    LastRulings => "Last rulings", "ការសម្រេចចុងក្រោយ";
    NoRulingsYet => "No ballot ruled yet.", "មិនទាន់មានសន្លឹកឆ្នោតបានសម្រេចទេ។";
    VerdictParty => "party {party} {abbr} ({code})", "គណបក្ស {party} {abbr} ({code})";
    VerdictInvalid => "invalid {code} {title}", "មិនបានការ {code} {title}";
    Voided => "voided", "បានលុប";
    BallotColumn => "Ballot", "លេខ";
    RulingColumn => "Ruling", "ការសម្រេច";
    JustRuled => "Ballot {ballot}: {verdict}", "សន្លឹកឆ្នោតទី {ballot}៖ {verdict}";
    WriteOnBack => "Write {ballot} on the back of this ballot and set it aside.", "សរសេរលេខ {ballot} នៅខាងក្រោយសន្លឹកឆ្នោតនេះ ហើយទុកវាដាច់ដោយឡែក។";
    JustVoided => "Ballot {ballot}: ruling voided.", "សន្លឹកឆ្នោតទី {ballot}៖ ការសម្រេចត្រូវបានលុប។";
    JustVoidedAgain => "Ballot {ballot}: ruling voided. Rule this ballot again: it stays ballot {ballot}.", "សន្លឹកឆ្នោតទី {ballot}៖ ការសម្រេចត្រូវបានលុប។ សូមសម្រេចសន្លឹកឆ្នោតនេះម្ដងទៀត៖ វានៅតែជាសន្លឹកឆ្នោតទី {ballot}។";
    CliUnderReviewBallots => "ballot numbers under review (written on their backs): {list}", "លេខសន្លឹកឆ្នោតកំពុងពិនិត្យ (សរសេរនៅខាងក្រោយ)៖ {list}";
    DisputedBy => "disputed by {parties}", "ជំទាស់ដោយ {parties}";
    Criteria => "Criteria", "លក្ខណៈវិនិច្ឆ័យ";
    Example => "Example: {text}", "ឧទាហរណ៍៖ {text}";
    TallyLabel => "Party {party} tally: {n}", "ចំនួនរាប់បានរបស់គណបក្ស {party}៖ {n}";
    InvalidTallyLabel => "{code} tally: {n}", "ចំនួនរាប់បាន {code}៖ {n}";
    KeysHelp => "Keys: party number (Enter when asked) | Q W E R T Y invalid | Z X C other valid marks | D dispute | K checkpoint | Backspace void | Esc cancel", "គ្រាប់ចុច៖ លេខគណបក្ស (Enter ពេលសួរ) | Q W E R T Y មិនបានការ | Z X C សញ្ញាបានការផ្សេង | D ជំទាស់ | K ចំណុចត្រួតពិនិត្យ | Backspace លុប | Esc បោះបង់";
    Disputed => "Disputed", "បានជំទាស់";
    TabWhileCounting => "Tab does nothing on the Counting screen: type the party number, or a key listed below. F2-F9 change screens.", "Tab មិនធ្វើអ្វីនៅអេក្រង់រាប់ទេ៖ វាយលេខគណបក្ស ឬគ្រាប់ចុចដែលរាយខាងក្រោម។ F2-F9 ប្ដូរអេក្រង់។";
    KeyDoesNothing => "{key} does nothing here: type the party number, or a key listed below.", "{key} មិនធ្វើអ្វីនៅទីនេះទេ៖ វាយលេខគណបក្ស ឬគ្រាប់ចុចដែលរាយខាងក្រោម។";
    KeyWhileSealed => "{key}: nothing is recorded, the count is sealed.", "{key}៖ មិនបានកត់ត្រាអ្វីទេ ការរាប់បានបិទត្រា។";
    RuledOverBox => "Ruled {ruled}: {over} more than the {in_box} ballots in the box", "បានសម្រេចចំនួន {ruled}៖ លើស {over} ពីសន្លឹកចំនួន {in_box} ក្នុងហិប";
    OverBoxWarning => "{ruled} ballots ruled, {over} more than the {in_box} found in the box (B). Look for ballots ruled twice and void them, or correct B on the Reconciliation screen.", "បានសម្រេចសន្លឹកឆ្នោតចំនួន {ruled} លើស {over} ពីសន្លឹកចំនួន {in_box} ដែលរកឃើញក្នុងហិប (B)។ សូមរកសន្លឹកដែលបានសម្រេចពីរដង ហើយលុបវាចោល ឬកែ B នៅអេក្រង់ផ្គូផ្គងតួលេខ។";
    DisputedCount => "Disputed: {n}", "បានជំទាស់៖ {n}";

    CrossTitle => "Pile counts per party", "ចំនួនក្នុងគំនរនៃគណបក្សនីមួយៗ";
    Tally => "Tally", "ចំនួនរាប់បាន";
    PileCount => "Pile count", "ចំនួនក្នុងគំនរ";
    Difference => "Difference", "ភាពខុសគ្នា";
    RecordPiles => "Record pile counts", "កត់ត្រាចំនួនក្នុងគំនរ";
    PileField => "Pile of party {party}", "គំនររបស់គណបក្ស {party}";

    ResultsTitle => "Results of the count", "លទ្ធផលនៃការរាប់";
    VotesPerParty => "Votes per party", "សំឡេងឆ្នោតតាមគណបក្ស";
    InvalidPerCriterion => "Invalid ballots per criterion", "សន្លឹកមិនបានការតាមលក្ខណៈវិនិច្ឆ័យ";
    ValidPerCriterion => "Valid ballots per criterion", "សន្លឹកបានការតាមលក្ខណៈវិនិច្ឆ័យ";
    DisputedRulings => "Disputed rulings", "ការសម្រេចដែលត្រូវបានជំទាស់";
    Total => "Total", "សរុប";
    SealingTitle => "Sealing", "ការបិទត្រា";
    SealingGaps => "Before the count can be sealed:", "មុនពេលអាចបិទត្រាការរាប់បាន៖";
    SealingReady => "Nothing is missing: the count can be sealed.", "គ្មានអ្វីខ្វះទេ៖ អាចបិទត្រាការរាប់បាន។";

    Sealed => "SEALED", "បានបិទត្រា";
    SealedAtEntry => "SEALED (Entry {seq}, {at})", "បានបិទត្រា (ការកត់ត្រាទី {seq}, {at})";
    SummaryJournal => "Journal: {entries} entries, head {head}", "បញ្ជីកត់ត្រា៖ ការកត់ត្រាចំនួន {entries} ហាសចុងក្រោយ {head}";
    SummaryRulings => "Rulings: {live} live, {voided} voided, {disputed} disputed", "ការសម្រេច៖ {live} នៅជាធរមាន {voided} បានលុប {disputed} បានជំទាស់";
    SealedNothingMore => "The count is sealed: nothing more can be recorded.", "ការរាប់បានបិទត្រា៖ មិនអាចកត់ត្រាអ្វីបន្ថែមទៀតបានទេ។";
    SealedSummary => "Sealed {at}. Results hash {hash}", "បានបិទត្រា {at}។ ហាសលទ្ធផល {hash}";
    TimeZone => "Time zone", "តំបន់ម៉ោង";
    ComplaintsUntil => "Complaints may be filed until {deadline}.", "អាចដាក់បណ្ដឹងបានរហូតដល់ {deadline}។";
    ClockOutsideWindow => "Check the laptop's clock: it reads {now}, outside the days of this election ({first} to {last}). The time is recorded as read, and the record notes it.", "សូមពិនិត្យនាឡិកាកុំព្យូទ័រ៖ វាបង្ហាញ {now} ក្រៅថ្ងៃនៃការបោះឆ្នោតនេះ ({first} ដល់ {last})។ ពេលវេលាត្រូវបានកត់ត្រាដូចដែលបានអាន ហើយកំណត់ត្រាបានកត់សម្គាល់វា។";
    ClockBackwards => "Check the laptop's clock: it reads {now}, earlier than the entry before ({previous}). The entries keep their order, and the record notes the time.", "សូមពិនិត្យនាឡិកាកុំព្យូទ័រ៖ វាបង្ហាញ {now} មុនការកត់ត្រាមុន ({previous})។ ការកត់ត្រាទាំងអស់រក្សាលំដាប់របស់វា ហើយកំណត់ត្រាបានកត់សម្គាល់ពេលវេលានេះ។";
    Warning => "warning", "ការព្រមាន";
    ShortCode => "Short code", "កូដខ្លី";
    SealButton => "Seal the count", "បិទត្រាការរាប់";
    SealIntro => "Who signs the result? Everyone recorded as present is listed.", "តើនរណាចុះហត្ថលេខាលើលទ្ធផល? អ្នកមានវត្តមានទាំងអស់ត្រូវបានរាយ។";
    SignerSigns => "signs", "ចុះហត្ថលេខា";
    SignerRefuses => "refuses", "បដិសេធ";
    SignerAbsent => "does not sign", "មិនចុះហត្ថលេខា";
    RefusalReason => "Reason given by {name}", "មូលហេតុដែល {name} ផ្ដល់";
    SealNeedsPeople => "Record the people present on the Station screen first: at least the chief signs.", "សូមកត់ត្រាអ្នកមានវត្តមាននៅអេក្រង់ការិយាល័យជាមុន៖ យ៉ាងហោចណាស់ប្រធានចុះហត្ថលេខា។";
    SealConfirmTitle => "Seal the count? After sealing nothing more can be recorded.", "បិទត្រាការរាប់ឬ? បន្ទាប់ពីបិទត្រា មិនអាចកត់ត្រាអ្វីបន្ថែមទៀតបានទេ។";
    SealConfirmTotals => "Ballots ruled: {ruled} ({valid} valid, {invalid} invalid), {disputed} disputed. Ballots in the box: {in_box}.", "សន្លឹកឆ្នោតបានសម្រេច៖ {ruled} (បានការ {valid} មិនបានការ {invalid}) បានជំទាស់ {disputed}។ សន្លឹកក្នុងហិប៖ {in_box}។";
    SealConfirmVotes => "Votes: {list}", "សំឡេងឆ្នោត៖ {list}";
    SealConfirmButton => "Yes, seal the count now", "បាទ/ចាស បិទត្រាការរាប់ឥឡូវនេះ";
    GoBack => "Go back", "ត្រឡប់ក្រោយ";
    SignedBy => "Signed by: {names}", "ចុះហត្ថលេខាដោយ៖ {names}";
    RefusedLine => "Refused to sign: {name} ({role}), reason: {reason}", "បដិសេធមិនចុះហត្ថលេខា៖ {name} ({role}) មូលហេតុ៖ {reason}";
    NotSigning => "Does not sign: {names}", "មិនចុះហត្ថលេខា៖ {names}";
    NoOne => "no one", "គ្មាននរណាម្នាក់";
    SaveForms => "Save the forms (copies A, B, C, annex, results file)", "រក្សាទុកទម្រង់ (ច្បាប់ចម្លង A B C ឧបសម្ព័ន្ធ ឯកសារលទ្ធផល)";
    PrintForms => "Print copies A, B and C", "បោះពុម្ពច្បាប់ចម្លង A B និង C";
    SavedForms => "Saved: {paths}", "បានរក្សាទុក៖ {paths}";
    Printed => "Sent to the printer: {paths}", "បានផ្ញើទៅម៉ាស៊ីនបោះពុម្ព៖ {paths}";
    OpenedToPrint => "The forms could not be sent to the printer ({error}), so they are open in the PDF viewer: print copies A, B and C from there. The forms are saved in {dir}.", "មិនអាចផ្ញើទម្រង់ទៅម៉ាស៊ីនបោះពុម្ពបានទេ ({error}) ដូច្នេះទម្រង់ត្រូវបានបើកក្នុងកម្មវិធីមើល PDF៖ សូមបោះពុម្ពច្បាប់ចម្លង A B និង C ពីទីនោះ។ ទម្រង់ត្រូវបានរក្សាទុកនៅ {dir}។";
    NoPrinter => "The printer refused the forms ({error}). The forms are saved in {dir}: check that the printer is on and has paper and try again, or print them from another computer.", "ម៉ាស៊ីនបោះពុម្ពមិនទទួលទម្រង់ ({error})។ ទម្រង់ត្រូវបានរក្សាទុកនៅ {dir}៖ សូមពិនិត្យថាម៉ាស៊ីនបោះពុម្ពបើក និងមានក្រដាស រួចព្យាយាមម្ដងទៀត ឬបោះពុម្ពពីកុំព្យូទ័រផ្សេង។";
    ScreenVerify => "Verify", "ផ្ទៀងផ្ទាត់";
    VerifyTitle => "Verify a results file", "ផ្ទៀងផ្ទាត់ឯកសារលទ្ធផល";
    VerifyHint => "Check a results file alone, against a count record, or against the short code on a posted form.", "ពិនិត្យឯកសារលទ្ធផលតែឯង ជាមួយកំណត់ត្រាការរាប់ ឬជាមួយកូដខ្លីលើទម្រង់ដែលបានបិទផ្សាយ។";
    ResultsFilePath => "Results file", "ឯកសារលទ្ធផល";
    RecordFileOptional => "Count record (optional)", "កំណត់ត្រាការរាប់ (ស្រេចចិត្ត)";
    CodeOptional => "Short code from the form (optional)", "កូដខ្លីពីទម្រង់ (ស្រេចចិត្ត)";
    VerifyButton => "Verify", "ផ្ទៀងផ្ទាត់";
    VerifyMatches => "Verified: station {station}, election {election}, short code {code}", "បានផ្ទៀងផ្ទាត់៖ ការិយាល័យ {station} ការបោះឆ្នោត {election} កូដខ្លី {code}";
    OpenVerify => "Verify a results file", "ផ្ទៀងផ្ទាត់ឯកសារលទ្ធផល";
    BusySavingForms => "Saving the forms...", "កំពុងរក្សាទុកទម្រង់...";
    BusyPrintingForms => "Saving the forms and sending copies A, B and C to the printer...", "កំពុងរក្សាទុកទម្រង់ និងផ្ញើច្បាប់ចម្លង A B និង C ទៅម៉ាស៊ីនបោះពុម្ព...";
    BusySavingComparison => "Saving the comparison...", "កំពុងរក្សាទុកការប្រៀបធៀប...";
    BusyTabulating => "Tabulating the commune...", "កំពុងសរុបលទ្ធផលឃុំ សង្កាត់...";
    BusyVerifying => "Verifying the results file...", "កំពុងផ្ទៀងផ្ទាត់ឯកសារលទ្ធផល...";
    BusyChoosingFile => "Waiting for a file to be chosen...", "កំពុងរង់ចាំការជ្រើសឯកសារ...";
    JobStopped => "The work stopped before it finished. Try again.", "ការងារបានឈប់មុនពេលបញ្ចប់។ សូមព្យាយាមម្ដងទៀត។";

    FormTitle => "Result of the count at the polling station", "លទ្ធផលនៃការរាប់សន្លឹកឆ្នោតនៅការិយាល័យបោះឆ្នោត";
    CopyA => "COPY A", "ច្បាប់ចម្លង A";
    CopyB => "COPY B", "ច្បាប់ចម្លង B";
    CopyC => "COPY C", "ច្បាប់ចម្លង C";
    CopyADestination => "Sealed in the package to the National Election Committee", "ដាក់ក្នុងកញ្ចប់បិទត្រា ផ្ញើទៅគណៈកម្មាធិការជាតិរៀបចំការបោះឆ្នោត";
    CopyBDestination => "Posted outside the polling station", "បិទផ្សាយនៅខាងក្រៅការិយាល័យបោះឆ្នោត";
    CopyCDestination => "For the commune election commission", "សម្រាប់គណៈកម្មការឃុំ សង្កាត់រៀបចំការបោះឆ្នោត";
    FormCrossHold => "Pile count = tally for parties {parties}", "ចំនួនក្នុងគំនរ = ចំនួនរាប់បាន សម្រាប់គណបក្ស {parties}";
    FormCrossPending => "Pile not counted for parties {parties}", "មិនទាន់រាប់គំនរសម្រាប់គណបក្ស {parties}";
    FormSignatures => "Signatures", "ហត្ថលេខា";
    FormSigned => "signed", "បានចុះហត្ថលេខា";
    FormRefused => "refused to sign", "បដិសេធមិនចុះហត្ថលេខា";
    FormComplaint => "Complaints about this count may be filed with the commune election commission of {commune} until {date} (sealed {sealed}, plus {days} days).", "បណ្ដឹងអំពីការរាប់នេះ អាចដាក់ជូនគណៈកម្មការឃុំ សង្កាត់រៀបចំការបោះឆ្នោត {commune} រហូតដល់ {date} (បិទត្រា {sealed} បូក {days} ថ្ងៃ)។";
    FormResultsHash => "Results hash (SHA-256 of the results file)", "ហាសលទ្ធផល (SHA-256 នៃឯកសារលទ្ធផល)";
    FormShortCode => "Short code (type it into polltally verify)", "កូដខ្លី (វាយចូល polltally verify ដើម្បីផ្ទៀងផ្ទាត់)";
    FormRecount => "RECOUNT", "ការរាប់ឡើងវិញ";
    FormRecountOf => "{mode} ordered by {authority} ({reason})", "{mode} តាមបញ្ជារបស់ {authority} ({reason})";
    FormOriginalResults => "Results hash of the count recounted", "ហាសលទ្ធផលនៃការរាប់ដែលត្រូវរាប់ឡើងវិញ";
    FormPage => "Page {n} of {m}", "ទំព័រទី {n} នៃ {m}";
    FormSignName => "Name and role", "ឈ្មោះ និងតួនាទី";
    FormSignDeclared => "Declared in the app", "បានប្រកាសក្នុងកម្មវិធី";
    FormSignHere => "Signature", "ហត្ថលេខា";
    FormSignRefusal => "Refusal and reason", "ការបដិសេធ និងមូលហេតុ";
    FormNotDeclared => "not declared", "មិនបានប្រកាស";
    AnnexTitle => "Annex: ruling log (every journal entry in order)", "ឧបសម្ព័ន្ធ៖ បញ្ជីការសម្រេច (ការកត់ត្រានីមួយៗនៃបញ្ជីកត់ត្រា តាមលំដាប់)";
    AnnexTime => "Time", "ម៉ោង";
    AnnexWhat => "Entry", "ការកត់ត្រា";
    AnnexOpened => "count opened for station {station}, definition {hash}", "បើកការរាប់សម្រាប់ការិយាល័យ {station} ហាសឯកសារការិយាល័យ {hash}";
    AnnexFigures => "figures {figures}", "តួលេខ {figures}";
    AnnexBookSerials => "ballot books {books}", "សៀវភៅសន្លឹកឆ្នោត {books}";
    AnnexValid => "valid: party {party} ({code})", "បានការ៖ គណបក្ស {party} ({code})";
    AnnexReview => "ballot {ballot} (entry {seq} of the original) ruled again: {ruling}", "សន្លឹកឆ្នោតទី {ballot} (ការកត់ត្រាទី {seq} នៃការរាប់ដើម) សម្រេចម្ដងទៀត៖ {ruling}";
    AnnexBallot => "ballot {ballot}: {ruling}", "សន្លឹកឆ្នោតទី {ballot}៖ {ruling}";
    AnnexRecount => "{mode} ordered by {authority} ({reason}) of the count with results {hash}", "{mode} តាមបញ្ជារបស់ {authority} ({reason}) នៃការរាប់ដែលមានលទ្ធផល {hash}";
    RecountFull => "full recount", "ការរាប់ឡើងវិញទាំងស្រុង";
    RecountReview => "review of invalid and disputed ballots", "ការពិនិត្យឡើងវិញសន្លឹកមិនបានការ និងសន្លឹកដែលមានការជំទាស់";
    AnnexInvalid => "invalid: {code} {title}", "មិនបានការ៖ {code} {title}";
    AnnexVoid => "void of entry {seq} (ballot {ballot}): {reason}", "លុបការកត់ត្រាទី {seq} (សន្លឹកឆ្នោតទី {ballot})៖ {reason}";
    AnnexPile => "pile count of party {party}: {n}", "ចំនួនក្នុងគំនររបស់គណបក្ស {party}៖ {n}";
    AnnexExplanation => "explanation of {check}: {text}", "ការពន្យល់ {check}៖ {text}";
    AnnexDispute => "entry {seq} (ballot {ballot}) disputed by {parties}", "ការកត់ត្រាទី {seq} (សន្លឹកឆ្នោតទី {ballot}) ត្រូវបានជំទាស់ដោយ {parties}";
    AnnexPresent => "present: {name} ({role})", "មានវត្តមាន៖ {name} ({role})";
    AnnexWithdrawn => "presence entry {seq} withdrawn: {reason}", "ដកការកត់ត្រាវត្តមានទី {seq}៖ {reason}";
    AnnexSealed => "count sealed; signed by {names}", "ការរាប់បានបិទត្រា ចុះហត្ថលេខាដោយ {names}";

    TrnMarker => "TRAINING - NOT A COUNT", "ការបណ្ដុះបណ្ដាល - មិនមែនជាការរាប់សន្លឹកឆ្នោតទេ";
    TrnTitle => "Trainer's report: a round of practice ballots", "របាយការណ៍គ្រូបណ្ដុះបណ្ដាល៖ វគ្គហ្វឹកហាត់លើសន្លឹកឆ្នោតសាកល្បង";
    TrnOpened => "Round opened", "វគ្គបានបើក";
    TrnLastAnswer => "Last answer", "ចម្លើយចុងក្រោយ";
    TrnNoAnswer => "none yet", "មិនទាន់មាន";
    TrnTrainer => "Trainer", "គ្រូបណ្ដុះបណ្ដាល";
    TrnNoTrainer => "not named", "មិនបានបញ្ជាក់ឈ្មោះ";
    TrnMembers => "Members", "សមាជិក";
    TrnDeck => "Deck", "សន្លឹកឆ្នោតសាកល្បង";
    TrnDeckSize => "seed {seed}, {n} practice ballots", "លេខគ្រាប់ពូជ {seed} ចំនួន {n} សន្លឹក";
    TrnKinds => "Kinds of ballot", "ប្រភេទសន្លឹកឆ្នោត";
    TrnKindTick => "prescribed tick", "សញ្ញាធីកតាមការកំណត់";
    TrnKindOtherMark => "other mark in a box", "សញ្ញាផ្សេងក្នុងប្រអប់";
    TrnKindBesideBox => "mark beside the box", "សញ្ញានៅក្បែរប្រអប់";
    TrnKindFaint => "faint or partial mark", "សញ្ញាស្រាល ឬមិនពេញ";
    TrnKindNoStamp => "no official stamp", "គ្មានត្រាផ្លូវការ";
    TrnKindBlank => "blank", "សន្លឹកទទេ";
    TrnKindTwoParties => "marks for two parties", "សញ្ញាសម្រាប់គណបក្សពីរ";
    TrnKindStraddling => "mark across two rows", "សញ្ញាឆ្លងជួរពីរ";
    TrnKindIdentifying => "name or signature", "ឈ្មោះ ឬហត្ថលេខា";
    TrnKindDamaged => "torn or damaged", "រហែក ឬប្រឡាក់";
    TrnScores => "Scores", "ពិន្ទុ";
    TrnScoresNote => "Correct rulings of each member: overall, and per criterion the ballots are ruled under (correct/ballots).", "ការសម្រេចត្រឹមត្រូវរបស់សមាជិកម្នាក់ៗ៖ សរុប និងតាមលក្ខណៈវិនិច្ឆ័យដែលសន្លឹកឆ្នោតត្រូវសម្រេច (ត្រឹមត្រូវ/សន្លឹក)។";
    TrnMember => "Member", "សមាជិក";
    TrnRuled => "Ruled", "បានសម្រេច";
    TrnCorrect => "Correct", "ត្រឹមត្រូវ";
    TrnAgreement => "Agreement of the commission", "ការឯកភាពរបស់គណៈកម្មការ";
    TrnAgreementNote => "Fleiss' kappa over the ballots every member ruled: {#1} when all rule alike, {#0} when they agree no more than chance would make them.", "កាប៉ា Fleiss លើសន្លឹកឆ្នោតដែលសមាជិកគ្រប់រូបបានសម្រេច៖ {#1} នៅពេលគ្រប់គ្នាសម្រេចដូចគ្នា {#0} នៅពេលឯកភាពគ្នាមិនលើសពីចៃដន្យ។";
    TrnBallots => "Ballots", "សន្លឹកឆ្នោត";
    TrnRaters => "Members", "សមាជិក";
    TrnKappa => "Kappa", "កាប៉ា";
    TrnWhole => "Whole rulings (party and criterion)", "ការសម្រេចទាំងមូល (គណបក្ស និងលក្ខណៈវិនិច្ឆ័យ)";
    TrnPerCriterion => "Per criterion chosen", "តាមលក្ខណៈវិនិច្ឆ័យដែលបានជ្រើស";
    TrnKappaTooFew => "fewer than two members answered", "សមាជិកឆ្លើយតិចជាងពីរនាក់";
    TrnKappaNoCommon => "no ballot was ruled by every member", "គ្មានសន្លឹកឆ្នោតណាដែលសមាជិកគ្រប់រូបបានសម្រេចទេ";
    TrnKappaOneRuling => "undefined: every member gave every ballot one same ruling", "មិនអាចកំណត់បាន៖ សមាជិកគ្រប់រូបសម្រេចសន្លឹកឆ្នោតគ្រប់សន្លឹកដូចគ្នាទាំងអស់";
    TrnKappaAlways => "undefined: every member chose it for every ballot", "មិនអាចកំណត់បាន៖ សមាជិកគ្រប់រូបបានជ្រើសវាសម្រាប់សន្លឹកឆ្នោតគ្រប់សន្លឹក";
    TrnDisagreed => "Ballots the members ruled differently", "សន្លឹកឆ្នោតដែលសមាជិកសម្រេចខុសគ្នា";
    TrnDisagreedCount => "{n} of {total} ballots", "{n} ក្នុងចំណោម {total} សន្លឹក";
    TrnNoDisagreement => "The members ruled every ballot alike.", "សមាជិកបានសម្រេចសន្លឹកឆ្នោតគ្រប់សន្លឹកដូចគ្នា។";
    TrnCard => "Practice ballot {n}", "សន្លឹកឆ្នោតសាកល្បងទី {n}";
    TrnExpected => "Expected", "ការសម្រេចត្រឹមត្រូវ";
    TrnRulingValid => "party {party} {abbr}, {code} {title}", "គណបក្ស {party} {abbr}, {code} {title}";
    TrnRulingInvalid => "invalid, {code} {title}", "មិនបានការ, {code} {title}";
    TrnNotRuled => "not ruled", "មិនបានសម្រេច";
    TrnAsExpected => "as expected", "ត្រូវ";
    TrnHead => "Training record, journal head (SHA-256)", "កំណត់ត្រាបណ្ដុះបណ្ដាល ហាសចុងក្រោយនៃបញ្ជីកត់ត្រា (SHA-256)";
    ScreenTraining => "Training", "ហ្វឹកហាត់";
    TrainingCreated => "Started a TRAINING round in {path}", "បានចាប់ផ្ដើមវគ្គហ្វឹកហាត់ក្នុង {path}";
    TrainingBadge => "TRAINING - NOT A COUNT", "ការបណ្ដុះបណ្ដាល - មិនមែនជាការរាប់សន្លឹកឆ្នោតទេ";
    TrainingWhat => "Before election day, each member rules the same practice ballots of this station in turn, with the counting keys. The round is kept in a TRAINING record of its own, beside this one; it is never a count. Then the scores show which kinds of ballot the commission rules differently, to settle them against the written criteria.", "មុនថ្ងៃបោះឆ្នោត សមាជិកម្នាក់ៗសម្រេចសន្លឹកឆ្នោតហ្វឹកហាត់ដូចគ្នានៃការិយាល័យនេះម្ដងម្នាក់ ដោយប្រើគ្រាប់ចុចរាប់។ វគ្គនេះត្រូវបានរក្សាទុកក្នុងកំណត់ត្រាហ្វឹកហាត់ដាច់ដោយឡែក នៅក្បែរកំណត់ត្រានេះ វាមិនមែនជាការរាប់ទេ។ បន្ទាប់មក ពិន្ទុបង្ហាញប្រភេទសន្លឹកឆ្នោតដែលគណៈកម្មការសម្រេចខុសគ្នា ដើម្បីដោះស្រាយតាមលក្ខណៈវិនិច្ឆ័យដែលបានសរសេរ។";
    TrainingRoundsKept => "Training rounds of this station, kept beside this count:", "វគ្គហ្វឹកហាត់នៃការិយាល័យនេះ ដែលរក្សាទុកក្បែរការរាប់នេះ៖";
    TrainingOpenRound => "Go on with {name}", "បន្តជាមួយ {name}";
    TrainingCards => "Practice ballots", "សន្លឹកឆ្នោតហ្វឹកហាត់";
    TrainingSeed => "Seed (the same seed gives the same ballots)", "គ្រាប់ពូជ (គ្រាប់ពូជដូចគ្នាផ្ដល់សន្លឹកឆ្នោតដូចគ្នា)";
    TrainingSeedHint => "empty: a new deck", "ទទេ៖ បណ្ដុំថ្មី";
    TrainingMix => "Kinds of ballot", "ប្រភេទសន្លឹកឆ្នោត";
    TrainingMixHint => "empty: every kind, mostly clear ones; or e.g. tick=2,beside-box=3,two-parties=3", "ទទេ៖ គ្រប់ប្រភេទ ភាគច្រើនច្បាស់; ឬឧ. tick=2,beside-box=3,two-parties=3";
    TrainingTrainer => "Trainer", "គ្រូបង្គោល";
    TrainingStart => "Start a training round on this station", "ចាប់ផ្ដើមវគ្គហ្វឹកហាត់លើការិយាល័យនេះ";
    TrainingDeckLine => "{cards} practice ballots, seed {seed}", "សន្លឹកឆ្នោតហ្វឹកហាត់ចំនួន {cards} គ្រាប់ពូជ {seed}";
    TrainingLedBy => "Trainer: {trainer}", "គ្រូបង្គោល៖ {trainer}";
    TrainingMemberProgress => "{member}: {ruled} of {cards} ballots ruled", "{member}៖ បានសម្រេច {ruled} ក្នុង {cards}";
    TrainingWhoRules => "Who rules next? Each member rules alone; the others do not watch the screen.", "អ្នកណាសម្រេចបន្ទាប់? សមាជិកម្នាក់ៗសម្រេចតែម្នាក់ឯង អ្នកផ្សេងមិនមើលអេក្រង់ទេ។";
    TrainingMemberHint => "member's name", "ឈ្មោះសមាជិក";
    TrainingBegin => "Begin ruling", "ចាប់ផ្ដើមសម្រេច";
    TrainingPrivacy => "While a member rules, the screen shows neither the expected rulings nor the others' answers.", "ពេលសមាជិកសម្រេច អេក្រង់មិនបង្ហាញចម្លើយត្រូវ ឬចម្លើយរបស់អ្នកដទៃទេ។";
    TrainingNameTaken => "{member} has already ruled {ruled} of {cards} ballots. Another member types another name; {member} goes on here:", "{member} បានសម្រេចសន្លឹកឆ្នោត {ruled} ក្នុង {cards} រួចហើយ។ សមាជិកផ្សេងវាយឈ្មោះផ្សេង; {member} បន្តនៅទីនេះ៖";
    TrainingGoOnAs => "Go on as {member} (new rulings replace theirs)", "បន្តជា {member} (ការសម្រេចថ្មីជំនួសការសម្រេចរបស់គាត់)";
    TrainingScoresEarly => "Not every ballot is ruled yet by {members}. The scores show the expected rulings and everyone's answers: once they are shown, these members should not go on.", "{members} មិនទាន់សម្រេចសន្លឹកឆ្នោតទាំងអស់នៅឡើយ។ ពិន្ទុបង្ហាញចម្លើយត្រូវ និងចម្លើយរបស់អ្នកទាំងអស់៖ ពេលបង្ហាញរួច សមាជិកទាំងនេះមិនគួរបន្តទេ។";
    TrainingShowScoresNow => "Show the scores now", "បង្ហាញពិន្ទុឥឡូវ";
    TrainingShowScores => "Show the scores", "បង្ហាញពិន្ទុ";
    TrainingHideScores => "Hide the scores", "លាក់ពិន្ទុ";
    TrainingSaveReport => "Save the trainer's report (PDF)", "រក្សាទុករបាយការណ៍គ្រូបង្គោល (PDF)";
    TrainingMemberDone => "{member} has ruled all {cards} ballots. Hand over to the next member.", "{member} បានសម្រេចសន្លឹកឆ្នោតទាំង {cards} រួចហើយ។ សូមប្រគល់ឲ្យសមាជិកបន្ទាប់។";
    TrainingKeysHelp => "Keys as when counting: a party's number rules valid for it; {invalid} rule invalid; {valid} pick another valid mark; Backspace goes back one ballot; Esc clears what is typed.", "គ្រាប់ចុចដូចពេលរាប់៖ លេខគណបក្សសម្រេចបានការសម្រាប់វា; {invalid} សម្រេចមិនបានការ; {valid} ជ្រើសសញ្ញាបានការផ្សេង; Backspace ត្រឡប់ក្រោយមួយសន្លឹក; Esc លុបអ្វីដែលបានវាយ។";
    TrainingRuling => "{member}: practice ballot {card} of {cards}", "{member}៖ សន្លឹកឆ្នោតហ្វឹកហាត់ទី {card} ក្នុង {cards}";
    TrainingAnsweredBefore => "You ruled this ballot before: {verdict}. A new ruling replaces it.", "អ្នកបានសម្រេចសន្លឹកនេះរួច៖ {verdict}។ ការសម្រេចថ្មីជំនួសវា។";
    TrainingBack => "Back one ballot", "ត្រឡប់ក្រោយមួយសន្លឹក";
    TrainingStop => "Stop (go on later from here)", "ឈប់ (បន្តពេលក្រោយពីទីនេះ)";
    TrainingScores => "Scores", "ពិន្ទុ";
    TrainingMember => "Member", "សមាជិក";
    TrainingCorrect => "Correct", "ត្រឹមត្រូវ";
    TrainingPerCriterion => "Correct per criterion", "ត្រឹមត្រូវតាមលក្ខណៈវិនិច្ឆ័យ";
    TrainingCorrectOf => "{correct} of {ruled} ruled", "{correct} ក្នុង {ruled} ដែលបានសម្រេច";
    TrainingCard => "Practice ballot {card}", "សន្លឹកឆ្នោតហ្វឹកហាត់ទី {card}";
    TrainingExpected => "The criteria say: {verdict}", "លក្ខណៈវិនិច្ឆ័យចែងថា៖ {verdict}";
    TrainingNoAnswers => "No member has answered yet.", "មិនទាន់មានសមាជិកណាឆ្លើយនៅឡើយទេ។";
    TrainingKappa => "Agreement (Fleiss' kappa): {kappa} over {ballots} ballots ruled by all {raters} members", "ការយល់ស្របគ្នា (Fleiss' kappa)៖ {kappa} លើសន្លឹកឆ្នោតចំនួន {ballots} ដែលសមាជិកទាំង {raters} នាក់បានសម្រេច";
    TrainingNoKappa => "Agreement needs two members who ruled the same cards.", "ការយល់ស្របគ្នាត្រូវការសមាជិកពីរនាក់ដែលបានសម្រេចសន្លឹកដូចគ្នា។";
    TrainingLeftOut => "The agreement leaves out {members}, who ruled too few of the cards.", "ការយល់ស្របគ្នាមិនរាប់បញ្ចូល {members} ដែលបានសម្រេចសន្លឹកតិចពេក។";
    TrainingRuledOf => "{ruled} of {cards}", "{ruled} ក្នុង {cards}";
    TrainingKappaPer => "Agreement per criterion: {per}", "ការយល់ស្របគ្នាតាមលក្ខណៈវិនិច្ឆ័យ៖ {per}";
    TrainingDisagreed => "Cards ruled differently: {n}", "សន្លឹកដែលបានសម្រេចខុសគ្នា៖ {n}";
    TrainingNotRuled => "not ruled", "មិនបានសម្រេច";
    AnnexCheckpoint => "checkpoint shown (its code is on the form)", "ចំណុចត្រួតពិនិត្យត្រូវបានបង្ហាញ (កូដរបស់វានៅលើទម្រង់)";
    AnnexTrainingAnswer => "TRAINING: {member} ruled card {card} {verdict}", "ហ្វឹកហាត់៖ {member} បានសម្រេចសន្លឹកទី {card} {verdict}";
    AnnexDeparted => "the person of presence entry {seq} left: {reason}", "បុគ្គលនៃការកត់ត្រាវត្តមានទី {seq} បានចាកចេញ៖ {reason}";
    AnnexComplaint => "complaint by the person of presence entry {seq}: {text}", "បណ្ដឹងដោយបុគ្គលនៃការកត់ត្រាវត្តមានទី {seq}៖ {text}";
    FormPresence => "Present at the count", "អ្នកមានវត្តមាននៅការរាប់";
    FormPresenceName => "Name", "ឈ្មោះ";
    FormPresenceRole => "Role", "តួនាទី";
    FormPresenceArrived => "Arrived", "មកដល់";
    FormPresenceLeft => "Left", "ចាកចេញ";
    FormTimesLegend => "Local times ({offset}), on {date} unless dated", "ម៉ោងក្នុងស្រុក ({offset}) {date} បើគ្មានកាលបរិច្ឆេទផ្សេង";
    FormPresenceReason => "Reason for leaving, as given", "មូលហេតុនៃការចាកចេញ ដូចដែលបានផ្ដល់";
    FormComplaints => "Complaints during the count", "បណ្ដឹងក្នុងពេលរាប់";
    FormNoComplaints => "No complaint was lodged during the count.", "គ្មានបណ្ដឹងត្រូវបានដាក់ក្នុងពេលរាប់ទេ។";
    FormComplaintsLodged => "Complaints lodged during the count: {n}", "ចំនួនបណ្ដឹងដែលបានដាក់ក្នុងពេលរាប់៖ {n}";
    FormComplaintAt => "Time", "ពេលវេលា";
    FormComplaintBy => "Lodged by", "ដាក់ដោយ";
    FormComplaintBallot => "Ballot", "សន្លឹកឆ្នោត";
    FormComplaintText => "Complaint", "បណ្ដឹង";
    FormComplaintFurther => "Any complaint can be taken further to the commune election commission until {date}.", "បណ្ដឹងណាមួយអាចដាក់បន្តទៅគណៈកម្មការឃុំ សង្កាត់រៀបចំការបោះឆ្នោត រហូតដល់ {date}។";
    Leave => "Leave", "ចាកចេញ";
    ArrivedAt => "arrived {time}", "មកដល់ {time}";
    LeftAt => "left {time}: {reason}", "ចាកចេញ {time}៖ {reason}";
    LeavePrompt => "{name} (entry {seq}) leaves the count. Why, as given (asked to leave, left on their own, ...)?", "{name} (ការកត់ត្រាទី {seq}) ចាកចេញពីការរាប់។ ហេតុអ្វី ដូចដែលបានផ្ដល់ (ត្រូវបានស្នើឱ្យចេញ ចេញដោយខ្លួនឯង ...)?";
    LeaveReason => "Reason for leaving", "មូលហេតុនៃការចាកចេញ";
    LeaveConfirm => "Record that {name} left", "កត់ត្រាថា {name} បានចាកចេញ";
    HasLeft => "has left", "បានចាកចេញ";
    ComplaintHeading => "A complaint during the count", "បណ្ដឹងក្នុងពេលរាប់";
    ComplaintButton => "Record a complaint (F12)", "កត់ត្រាបណ្ដឹង (F12)";
    ComplaintButtonPlain => "Record a complaint", "កត់ត្រាបណ្ដឹង";
    NoComplainants => "No party agent or observer is recorded present: record them on the Station screen first.", "គ្មានភ្នាក់ងារគណបក្ស ឬអ្នកសង្កេតការណ៍ត្រូវបានកត់ត្រាថាមានវត្តមានទេ៖ សូមកត់ត្រាពួកគេនៅអេក្រង់ការិយាល័យជាមុនសិន។";
    ComplaintBy => "Lodged by", "ដាក់ដោយ";
    ComplaintBallotField => "Ballot number, if it concerns one ballot", "លេខសន្លឹកឆ្នោត ប្រសិនបើទាក់ទងសន្លឹកឆ្នោតមួយ";
    ComplaintBallotHint => "the last ruled is {ballot}", "សន្លឹកចុងក្រោយដែលបានសម្រេចគឺ {ballot}";
    ComplaintTextField => "The complaint, as lodged", "បណ្ដឹង ដូចដែលបានដាក់";
    ComplaintRecord => "Record the complaint", "កត់ត្រាបណ្ដឹង";
    ComplaintsRecorded => "Complaints recorded: {n}", "ចំនួនបណ្ដឹងដែលបានកត់ត្រា៖ {n}";
    ComplaintLine => "{at}, {name}: {text}", "{at}, {name}៖ {text}";
    ComplaintLineBallot => "{at}, {name}, ballot {ballot}: {text}", "{at}, {name}, សន្លឹកឆ្នោតទី {ballot}៖ {text}";
    AnnexComplaintBallot => "complaint by the person of presence entry {seq} about ballot {ballot}: {text}", "បណ្ដឹងដោយបុគ្គលនៃការកត់ត្រាវត្តមានទី {seq} អំពីសន្លឹកឆ្នោតទី {ballot}៖ {text}";
}

/// The months of the solar calendar as Khmer dates name them.
const KHMER_MONTHS: [&str; 12] = [
    "មករា",
    "កុម្ភៈ",
    "មីនា",
    "មេសា",
    "ឧសភា",
    "មិថុនា",
    "កក្កដា",
    "សីហា",
    "កញ្ញា",
    "តុលា",
    "វិច្ឆិកា",
    "ធ្នូ",
];

/// How messages name figures and checks: by the keys the command line and
/// files use (`R (received)`, `issued_vs_voted`), or by the names a screen
/// shows (`R Ballots received`, `I = V + T`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Names {
    #[default]
    Keys,
    Labels,
}

/// How a ruling's verdict is worded where it is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerdictWording<'a> {
    /// `party 3 (V3)`, `invalid I4`: a changed ruling in a comparison.
    Short,
    /// `party 3 AP (V3)`, `invalid I4 Torn`: the counting and recount
    /// screens; a name not known is left empty.
    Line(VerdictNames<'a>),
    /// `valid: party 3 AP (V3)`, `invalid: I4 Torn`: the ruling log annex;
    /// a party whose abbreviation is not known is its number alone.
    Annex(VerdictNames<'a>),
}

/// What a verdict's wording names beside the party number and the criterion
/// code, when known: the party's abbreviation and the criterion's title in
/// the language shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct VerdictNames<'a> {
    pub abbreviation: Option<&'a str>,
    pub title: Option<&'a str>,
}

/// Looks strings up in one language, and writes figures in chosen numerals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tr {
    pub lang: Lang,
    pub numerals: Numerals,
    pub names: Names,
}

impl Tr {
    pub fn new(lang: Lang) -> Tr {
        Tr {
            lang,
            numerals: Numerals::Western,
            names: Names::Keys,
        }
    }

    pub fn with_numerals(self, numerals: Numerals) -> Tr {
        Tr { numerals, ..self }
    }

    /// Messages name figures and checks as a screen shows them.
    pub fn on_screen(self) -> Tr {
        Tr {
            names: Names::Labels,
            ..self
        }
    }

    /// The colon after a label: `:` in English, `៖` in Khmer.
    pub fn colon(self) -> &'static str {
        match self.lang {
            Lang::En => ":",
            Lang::Km => "៖",
        }
    }

    /// A figure in the chosen numerals.
    pub fn num(self, value: impl Display) -> String {
        self.numerals.show(&value.to_string())
    }

    /// A time as people read it: local to `zone`, with its offset, in the
    /// chosen numerals. Khmer writes the date in words, as officials do:
    /// `ថ្ងៃទី ៧ ខែមិថុនា ឆ្នាំ ២០២៧ ម៉ោង ០១:៣០ (UTC+០៧:០០)`.
    pub fn time(self, zone: &Zone, at: Timestamp) -> String {
        match self.lang {
            Lang::En => zone.display(at, self.numerals),
            Lang::Km => {
                let local = zone.local(at);
                let clock = self.num(format!("{:02}:{:02}", local.hour, local.minute));
                format!(
                    "{} ម៉ោង {clock} ({})",
                    self.date(local.date),
                    zone.offset_display(at, self.numerals)
                )
            }
        }
    }

    /// The moment days are counted from (a seal, for the complaint
    /// deadline): the time in English; in Khmer the date alone, the day the
    /// count of days starts from, so that the sentence fits the form.
    pub fn day_counted_from(self, zone: &Zone, at: Timestamp) -> String {
        match self.lang {
            Lang::En => self.time(zone, at),
            Lang::Km => self.date(zone.local_date(at)),
        }
    }

    /// A calendar date as people read it: `2027-06-07`, in Khmer
    /// `ថ្ងៃទី ៧ ខែមិថុនា ឆ្នាំ ២០២៧`.
    pub fn date(self, date: Date) -> String {
        match self.lang {
            Lang::En => self.num(date),
            Lang::Km => {
                let month = usize::from(date.month()).saturating_sub(1);
                format!(
                    "ថ្ងៃទី {} ខែ{} ឆ្នាំ {}",
                    self.num(date.day()),
                    KHMER_MONTHS.get(month).copied().unwrap_or_default(),
                    self.num(date.year())
                )
            }
        }
    }

    /// What was doubtful about the laptop's clock when an entry was
    /// recorded at `at`, one sentence a note.
    pub fn clock_notes(self, zone: &Zone, at: Timestamp, notes: &[ClockNote]) -> String {
        let now = self.time(zone, at);
        let sentences: Vec<String> = notes
            .iter()
            .map(|note| match note {
                ClockNote::OutsideWindow { first, last, .. } => self.f(
                    T::ClockOutsideWindow,
                    &[
                        ("now", &now),
                        ("first", &self.date(*first)),
                        ("last", &self.date(*last)),
                    ],
                ),
                ClockNote::Backwards { previous_at } => self.f(
                    T::ClockBackwards,
                    &[("now", &now), ("previous", &self.time(zone, *previous_at))],
                ),
            })
            .collect();
        sentences.join(" ")
    }

    /// The text of `key` of any table (interface texts [`T`], problems
    /// [`crate::domain::message::P`], help [`help::H`]).
    pub fn t(self, key: impl Bilingual) -> &'static str {
        match self.lang {
            Lang::En => key.en(),
            Lang::Km => key.km(),
        }
    }

    /// The name of a figure.
    pub fn figure(self, figure: Figure) -> &'static str {
        self.t(match figure {
            Figure::Received => T::FigureReceived,
            Figure::Unused => T::FigureUnused,
            Figure::Spoiled => T::FigureSpoiled,
            Figure::VotersMarked => T::FigureVotersMarked,
            Figure::Supplementary => T::FigureSupplementary,
            Figure::TemporaryId => T::FigureTemporaryId,
            Figure::InBox => T::FigureInBox,
        })
    }

    /// The name of a check.
    pub fn check(self, name: CheckName) -> String {
        match name {
            CheckName::Stock => self.t(T::CheckStock).into(),
            CheckName::IssuedVsVoted => self.t(T::CheckIssuedVsVoted).into(),
            CheckName::BoxVsIssued => self.t(T::CheckBoxVsIssued).into(),
            CheckName::BoxVsRulings => self.t(T::CheckBoxVsRulings).into(),
            CheckName::Ceiling => self.t(T::CheckCeiling).into(),
            CheckName::CrossCheck(party) => {
                self.f(T::CheckCrossCheck, &[("party", &self.num(party))])
            }
            CheckName::UnusedBySerial => self.t(T::CheckUnusedBySerial).into(),
        }
    }

    /// A book's use as recorded: `used up`, `unused`, `first unused 180557`.
    pub fn book_use(self, used: BookUse) -> String {
        match used {
            BookUse::Unused => self.t(T::BookUnusedWhole).into(),
            BookUse::UsedUp => self.t(T::BookUsedUpWord).into(),
            BookUse::FirstUnused(serial) => {
                self.f(T::BookFirstUnused, &[("serial", &self.num(serial))])
            }
        }
    }

    /// A book's used range: `used up: 180001-180100`, `used
    /// 180501-180556, 44 unused`, `unused`, or `not given`.
    pub fn book_range(self, book: &BookSerialsPart) -> String {
        let Some(used) = book.book_use else {
            return self.t(T::BookNotGiven).into();
        };
        match (used, book.used_first, book.used_last) {
            (BookUse::UsedUp, Some(first), Some(last)) => self.f(
                T::BookUsedUpRange,
                &[("first", &self.num(first)), ("last", &self.num(last))],
            ),
            (BookUse::FirstUnused(_), Some(first), Some(last)) => self.f(
                T::BookUsedRange,
                &[
                    ("first", &self.num(first)),
                    ("last", &self.num(last)),
                    ("n", &self.num(book.unused.unwrap_or(0))),
                ],
            ),
            (BookUse::Unused, _, _) => self.t(T::BookUnusedWhole).into(),
            // A range a document left out: the use alone.
            (BookUse::UsedUp | BookUse::FirstUnused(_), _, _) => self.book_use(used),
        }
    }

    /// `holds`, `differs by +3`, `pending`.
    pub fn status(self, status: CheckStatus) -> String {
        match status {
            CheckStatus::Holds => self.t(T::Holds).into(),
            CheckStatus::Differs(d) => self.f(T::Differs, &[("d", &self.difference(d))]),
            CheckStatus::Pending => self.t(T::Pending).into(),
        }
    }

    /// A verdict as `wording` says: the one place a ruling's verdict is put
    /// into words, for the screens, the command line and the forms.
    pub fn verdict(self, verdict: &Verdict, wording: VerdictWording) -> String {
        match (verdict, wording) {
            (Verdict::Valid { party, criterion }, VerdictWording::Short) => self.f(
                T::VerdictShortParty,
                &[("party", party), ("code", criterion)],
            ),
            (Verdict::Invalid { criterion }, VerdictWording::Short) => {
                self.f(T::VerdictShortInvalid, &[("code", criterion)])
            }
            (Verdict::Valid { party, criterion }, VerdictWording::Line(names)) => self.f(
                T::VerdictParty,
                &[
                    ("party", &self.num(party)),
                    ("abbr", &names.abbreviation.unwrap_or("")),
                    ("code", criterion),
                ],
            ),
            (Verdict::Invalid { criterion }, VerdictWording::Line(names)) => self.f(
                T::VerdictInvalid,
                &[("code", criterion), ("title", &names.title.unwrap_or(""))],
            ),
            (Verdict::Valid { party, criterion }, VerdictWording::Annex(names)) => {
                let party = names
                    .abbreviation
                    .map_or(self.num(party), |a| format!("{} {a}", self.num(party)));
                self.f(T::AnnexValid, &[("party", &party), ("code", criterion)])
            }
            (Verdict::Invalid { criterion }, VerdictWording::Annex(names)) => self.f(
                T::AnnexInvalid,
                &[("code", criterion), ("title", &names.title.unwrap_or(""))],
            ),
        }
    }

    /// A verdict as a line of text, with the party's abbreviation and the
    /// criterion's title from the station file: `party 3 AP (V3)`.
    pub fn verdict_in(self, def: &StationDefinition, verdict: &Verdict) -> String {
        let names = VerdictNames {
            abbreviation: verdict
                .party()
                .and_then(|party| def.party(party))
                .map(|p| p.abbreviation.as_str()),
            title: def
                .criteria
                .get(verdict.criterion())
                .map(|c| c.title.get(self.lang.code())),
        };
        self.verdict(verdict, VerdictWording::Line(names))
    }

    /// The members a training round's agreement leaves out, each with the
    /// cards they ruled: `Pich (1 of 20)`.
    pub fn left_out(self, left_out: &[(String, usize)], cards: usize) -> String {
        left_out
            .iter()
            .map(|(member, ruled)| {
                let of = self.f(
                    T::TrainingRuledOf,
                    &[("ruled", &self.num(ruled)), ("cards", &self.num(cards))],
                );
                format!("{member} ({of})")
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The name of a recount mode.
    pub fn recount_mode(self, mode: RecountMode) -> &'static str {
        self.t(match mode {
            RecountMode::Full => T::RecountFull,
            RecountMode::Review => T::RecountReview,
        })
    }

    /// The name of a role.
    pub fn role(self, role: Role) -> &'static str {
        self.t(match role {
            Role::Chief => T::RoleChief,
            Role::Secretary => T::RoleSecretary,
            Role::Member => T::RoleMember,
            Role::PartyAgent => T::RolePartyAgent,
            Role::Observer => T::RoleObserver,
        })
    }

    /// The text of `key` with `{name}` placeholders filled.
    pub fn f(self, key: impl Bilingual, args: &[(&str, &dyn Display)]) -> String {
        message::fill(self.t(key), |name| {
            args.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, value)| value.to_string())
                .or_else(|| self.literal(name))
        })
    }

    /// A station file's text (a criterion's rule or example) in this
    /// language: a figure it writes as `{#3}` follows the chosen numerals.
    pub fn station_text(self, text: &LocalizedText) -> String {
        message::fill(text.get(self.lang.code()), |name| self.literal(name))
    }

    /// A number written into a template as `{#64}`, in the chosen numerals:
    /// a template's own figures follow the numeral setting as the figures
    /// put into it do.
    pub(crate) fn literal(self, name: &str) -> Option<String> {
        let digits = name.strip_prefix('#')?;
        (!digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit())).then(|| self.num(digits))
    }

    /// A difference in these numerals: `+3`, `-2`, `0`.
    pub fn difference(self, d: i64) -> String {
        self.num(crate::domain::limits::difference_text(d))
    }
}

/// The placeholder names of a template, sorted, for table checks.
#[cfg(test)]
pub(crate) fn placeholders(text: &str) -> Vec<String> {
    let mut found: Vec<String> = text
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_string()))
        .collect();
    found.sort();
    found.dedup();
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_english_and_khmer_text() {
        for key in T::ALL {
            for lang in Lang::ALL {
                assert!(
                    !Tr::new(lang).t(*key).trim().is_empty(),
                    "{key:?} has no {lang:?} text"
                );
            }
        }
    }

    #[test]
    fn both_languages_fill_the_same_placeholders() {
        for key in T::ALL {
            assert_eq!(placeholders(key.en()), placeholders(key.km()), "{key:?}");
        }
    }

    #[test]
    fn the_khmer_table_is_khmer() {
        let khmer = T::ALL
            .iter()
            .filter(|k| {
                k.km()
                    .chars()
                    .any(|c| ('\u{1780}'..='\u{17ff}').contains(&c))
            })
            .count();
        // Only the product's name stays in Latin letters.
        assert_eq!(khmer, T::ALL.len() - 1);
    }

    #[test]
    fn a_verdict_is_worded_for_where_it_is_shown() {
        use crate::domain::criteria::CriterionCode;
        use crate::domain::party::PartyNumber;
        let code = |c: &str| CriterionCode::parse(c).unwrap();
        let valid = Verdict::Valid {
            party: PartyNumber(3),
            criterion: code("V3"),
        };
        let invalid = Verdict::Invalid {
            criterion: code("I4"),
        };
        let names = VerdictNames {
            abbreviation: Some("GP"),
            title: Some("Torn"),
        };
        let unknown = VerdictNames::default();
        let tr = Tr::default();
        let say = |v: &Verdict, w: VerdictWording| tr.verdict(v, w);
        assert_eq!(say(&valid, VerdictWording::Short), "party 3 (V3)");
        assert_eq!(say(&invalid, VerdictWording::Short), "invalid I4");
        assert_eq!(say(&valid, VerdictWording::Line(names)), "party 3 GP (V3)");
        assert_eq!(say(&valid, VerdictWording::Line(unknown)), "party 3  (V3)");
        assert_eq!(
            say(&invalid, VerdictWording::Line(names)),
            "invalid I4 Torn"
        );
        assert_eq!(say(&invalid, VerdictWording::Line(unknown)), "invalid I4 ");
        assert_eq!(
            say(&valid, VerdictWording::Annex(names)),
            "valid: party 3 GP (V3)"
        );
        assert_eq!(
            say(&valid, VerdictWording::Annex(unknown)),
            "valid: party 3 (V3)"
        );
        assert_eq!(
            say(&invalid, VerdictWording::Annex(names)),
            "invalid: I4 Torn"
        );
        assert_eq!(
            Tr::new(Lang::Km).verdict(&invalid, VerdictWording::Short),
            "មិនបានការ I4"
        );
    }

    #[test]
    fn templates_fill_every_placeholder() {
        let tr = Tr::default();
        let text = tr.f(T::RuledOf, &[("ruled", &3), ("in_box", &10)]);
        assert_eq!(text, "Ruled 3 of 10 ballots in the box");
    }
}
