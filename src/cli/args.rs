//! The command line as typed: subcommands and flags. These names are a
//! contract with users' scripts and the commune commission's tools.

use crate::app::Screen;
use crate::domain::ballot::BallotNumber;
use crate::domain::free_text::FreeText;
use crate::domain::hash::Hash256;
use crate::domain::message::{Message, P};
use crate::domain::party::PartyNumber;
use crate::domain::person::Role;
use crate::domain::practice::Mix;
use crate::domain::reconciliation::CheckName;
use crate::domain::recount::RecountMode;
use crate::domain::seq::Seq;
use crate::domain::short_code::normalize_short_code;
use crate::domain::text::Numerals;
use crate::i18n::Lang;
use crate::report::Copy;
use crate::shell::verify::NotedCheckpoint;
use clap::builder::{TypedValueParser, ValueParser};
use clap::{ArgGroup, Args, Parser, Subcommand};
use std::path::PathBuf;

/// What `polltally --version` prints after the name: the version and the
/// commit it was built from (see build.rs).
pub const VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (commit ",
    env!("POLLTALLY_COMMIT"),
    ")"
);

#[derive(Debug, Parser)]
#[command(
    name = "polltally",
    version = VERSION,
    about = "Offline ballot counting for polling-station commissions",
    long_about = "Offline ballot counting for polling-station commissions.\n\n\
        A count record is one SQLite file holding the station file and an append-only, \
        hash-chained journal of everything the commission records.\n\n\
        Without a subcommand, polltally opens the counting window on the practice count.\n\n\
        Exit codes: 0 ok, 1 verification failed, 2 bad input or usage (nothing written, \
        but the rulings `rule --stdin` acknowledged before a refused line)."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// The language of messages, summaries and the app: en or km.
    #[arg(long, global = true, value_name = "en|km", value_parser = lang())]
    pub lang: Option<Lang>,
    /// With a command that writes a record: keep a live copy of it at this
    /// path (on a USB stick), brought up to date after every entry; an
    /// earlier copy of the same record is brought up to date.
    #[arg(long, global = true, value_name = "PATH")]
    pub mirror: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open the counting window (what `polltally` alone does, on the
    /// practice count).
    Open {
        /// The count record to open.
        #[arg(long, value_name = "PATH")]
        record: Option<PathBuf>,
        /// The screen to show first: station, reconciliation, counting,
        /// cross-check, results, verify, recount, tabulation or training.
        #[arg(long, value_name = "NAME", value_parser = screen())]
        screen: Option<Screen>,
        /// Also open the public display: a second window for a screen facing
        /// the room, showing the ballot just ruled and the live tally.
        #[arg(long)]
        public_display: bool,
    },
    /// Start a new count record from a station file.
    New {
        /// The station file issued by the commune election commission.
        #[arg(long, value_name = "FILE")]
        station: PathBuf,
        /// Where to create the count record (must not exist).
        #[arg(long, value_name = "PATH")]
        record: PathBuf,
    },
    /// Record reconciliation figures (a later value replaces an earlier one).
    Figures(FiguresArgs),
    /// Record, per ballot book, the serial of its first unused ballot, or
    /// that it is unused or used up (a later value for a book replaces an
    /// earlier one).
    Serials(SerialsArgs),
    /// Rule a ballot valid for a party or invalid under a criterion.
    Rule(RuleArgs),
    /// Void a ruling, with the reason.
    Void {
        #[arg(long, value_name = "PATH")]
        record: PathBuf,
        /// The seq of the ruling to void.
        #[arg(long, value_name = "N", value_parser = seq())]
        seq: Seq,
        #[arg(long, value_name = "TEXT", value_parser = text("reason"))]
        reason: FreeText,
    },
    /// Record that party agents dispute a ruling already recorded.
    Dispute {
        #[arg(long, value_name = "PATH")]
        record: PathBuf,
        /// The seq of the ruling disputed.
        #[arg(long, value_name = "N", value_parser = seq())]
        seq: Seq,
        /// A disputing party (repeat for several).
        #[arg(long = "party", value_name = "NUM", required = true, value_parser = party())]
        parties: Vec<PartyNumber>,
    },
    /// Record a person present: commission member, party agent or observer.
    Present {
        #[arg(long, value_name = "PATH")]
        record: PathBuf,
        #[arg(long, value_name = "TEXT", value_parser = text("name"))]
        name: FreeText,
        /// chief, secretary, member, party_agent or observer.
        #[arg(long, value_name = "ROLE", value_parser = role())]
        role: Role,
        /// The party a party agent represents.
        #[arg(long, value_name = "NUM", value_parser = party())]
        party: Option<PartyNumber>,
        /// The organisation an observer represents.
        #[arg(long, value_name = "TEXT", value_parser = text("organisation"))]
        organisation: Option<FreeText>,
    },
    /// Withdraw a presence entry recorded by mistake (a person who leaves
    /// is recorded with depart).
    Withdraw {
        #[arg(long, value_name = "PATH")]
        record: PathBuf,
        /// The seq of the presence entry.
        #[arg(long, value_name = "N", value_parser = seq())]
        seq: Seq,
        #[arg(long, value_name = "TEXT", value_parser = text("reason"))]
        reason: FreeText,
    },
    /// Record that a person present left the count, when and why (asked to
    /// leave, left on their own, ...).
    Depart {
        #[arg(long, value_name = "PATH")]
        record: PathBuf,
        /// The seq of the person's presence entry.
        #[arg(long, value_name = "N", value_parser = seq())]
        seq: Seq,
        /// Why the person left, as given.
        #[arg(long, value_name = "TEXT", value_parser = text("reason"))]
        reason: FreeText,
    },
    /// Record a complaint a party agent or observer lodges during the count.
    Complaint {
        #[arg(long, value_name = "PATH")]
        record: PathBuf,
        /// The seq of the complaining party agent's or observer's presence
        /// entry.
        #[arg(long, value_name = "SEQ", value_parser = seq())]
        by: Seq,
        /// The complaint, as lodged.
        #[arg(long, value_name = "TEXT", value_parser = text("text"))]
        text: FreeText,
        /// The number of the ballot the complaint concerns, if one.
        #[arg(long, value_name = "N", value_parser = ballot())]
        ballot: Option<BallotNumber>,
    },
    /// Show a checkpoint now: the ballot number, the entry and the code of
    /// the journal at this point, for party agents to write down.
    Checkpoint {
        #[arg(long, value_name = "PATH")]
        record: PathBuf,
    },
    /// Record the number of ballots in a party's pile.
    Pile {
        #[arg(long, value_name = "PATH")]
        record: PathBuf,
        #[arg(long, value_name = "NUM", value_parser = party())]
        party: PartyNumber,
        #[arg(long, value_name = "N")]
        count: u64,
    },
    /// Record the written explanation for a check.
    Explain {
        #[arg(long, value_name = "PATH")]
        record: PathBuf,
        /// stock, issued_vs_voted, box_vs_issued, box_vs_rulings, ceiling, unused_by_serial or cross_check:<party>.
        #[arg(long, value_name = "NAME", value_parser = check())]
        check: CheckName,
        #[arg(long, value_name = "TEXT", value_parser = text("text"))]
        text: FreeText,
    },
    /// Show the count: figures, tally and checks.
    Show {
        #[arg(long, value_name = "PATH")]
        record: PathBuf,
        /// Print JSON instead of the summary.
        #[arg(long)]
        json: bool,
        /// Figures in the summary in western digits or khmer numerals.
        #[arg(long, value_name = "western|khmer", value_parser = numerals())]
        numerals: Option<Numerals>,
    },
    /// Seal the count: nothing can be recorded after it.
    Seal {
        #[arg(long, value_name = "PATH")]
        record: PathBuf,
        /// Someone who signed, as NAME:ROLE (repeat for each): a person
        /// recorded present, in the role key they were recorded in (chief,
        /// secretary, member, party_agent, observer); the chief signs
        #[arg(long, value_name = "NAME:ROLE", required = true)]
        signed: Vec<String>,
        /// Someone who refused to sign, as NAME:ROLE:REASON (repeat for each),
        /// recorded present like a signer
        #[arg(long, value_name = "NAME:ROLE:REASON")]
        refused: Vec<String>,
    },
    /// Write the results document of a sealed count (the bytes that are hashed).
    Export {
        #[arg(long, value_name = "PATH")]
        record: PathBuf,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Replace an existing output file (never a count record, one of
        /// the command's inputs, or anything but a regular file).
        #[arg(long)]
        force: bool,
    },
    /// Start a recount of a sealed count, as ordered by an authority: a new
    /// record linked to the original by its results hash.
    Recount {
        /// The sealed count to recount.
        #[arg(long, value_name = "PATH")]
        record: PathBuf,
        /// Who ordered the recount (e.g. the provincial election commission).
        #[arg(long, value_name = "TEXT", value_parser = text("authority"))]
        authority: FreeText,
        /// Why (e.g. the complaint it answers).
        #[arg(long, value_name = "TEXT", value_parser = text("reason"))]
        reason: FreeText,
        /// full: every ballot ruled again; review: only the ballots the
        /// original ruled invalid or disputed, by their original seq.
        #[arg(long, value_name = "full|review", value_parser = mode())]
        mode: RecountMode,
        /// Where to create the recount record (must not exist).
        #[arg(long, value_name = "PATH")]
        out: PathBuf,
    },
    /// Compare a recount with its original: per party, per criterion, the
    /// totals, every changed ruling, and the whole line of recounts.
    Compare {
        #[arg(long, value_name = "PATH")]
        original: PathBuf,
        #[arg(long, value_name = "PATH")]
        recount: PathBuf,
        /// Write the comparison as JSON.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Write the comparison as a PDF.
        #[arg(long, value_name = "FILE")]
        pdf: Option<PathBuf>,
        /// Replace an existing output file (never a count record, one of
        /// the command's inputs, or anything but a regular file).
        #[arg(long)]
        force: bool,
    },
    /// Sum the results files of a commune and allocate its council seats.
    Tabulate {
        /// Where to write the commune results (JSON).
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Also write the commune results as a PDF.
        #[arg(long, value_name = "FILE")]
        pdf: Option<PathBuf>,
        /// Replace an existing output file (never a count record, one of
        /// the command's inputs, or anything but a regular file).
        #[arg(long)]
        force: bool,
        /// A station file the commune election commission issued, or a
        /// directory of them (every `*.json` in it); repeat for each. With
        /// them, a results file is accepted only for an issued station and
        /// its station file, and issued stations without results are listed.
        #[arg(long, value_name = "FILE|DIR")]
        stations: Vec<PathBuf>,
        /// The short codes typed from copy C of each station's form, one
        /// `STATION-CODE SHORT-CODE` a line (`#` starts a comment). A results
        /// file whose short code is not its paper's is refused; stations with
        /// a file but no code, or a code but no file, are listed.
        #[arg(long, value_name = "FILE")]
        codes: Option<PathBuf>,
        /// The stations' results files, or their count records (.polltally),
        /// whose journals are verified and sealed results taken.
        #[arg(value_name = "RESULTS_FILE", required = true)]
        results: Vec<PathBuf>,
    },
    /// Write the results form of a sealed count as a PDF.
    Pdf {
        #[arg(long, value_name = "PATH")]
        record: PathBuf,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Which copy: A (sealed to the NEC), B (posted at the station), C (to the commune election commission).
        #[arg(long, value_name = "A|B|C", default_value = "B", value_parser = copy())]
        copy: Copy,
        /// Add the ruling log annex: every journal entry in order.
        #[arg(long)]
        annex: bool,
        /// Figures in western digits or khmer numerals (default: the station file's).
        #[arg(long, value_name = "western|khmer", value_parser = numerals())]
        numerals: Option<Numerals>,
        /// Replace an existing output file (never a count record, one of
        /// the command's inputs, or anything but a regular file).
        #[arg(long)]
        force: bool,
    },
    /// Train the commission before election day: practice ballots for the
    /// station, each member's rulings of them, scores and agreement.
    #[command(subcommand)]
    Train(TrainCommand),
    /// Verify a record's hash chain, or a results file (alone, against a
    /// record, or against a short code typed from a posted form), or the QR
    /// code of a photographed form against a results or commune file.
    #[command(group(ArgGroup::new("qr_against").args(["results", "commune"])))]
    Verify {
        #[arg(
            long,
            value_name = "PATH",
            required_unless_present_any = ["results", "commune", "qr"],
            conflicts_with_all = ["commune", "qr"]
        )]
        record: Option<PathBuf>,
        /// A checkpoint noted during the count, as SEQ:CODE (repeat for
        /// each): the record must pass through it, or the results file
        /// list it.
        #[arg(
            long = "checkpoint",
            value_name = "SEQ:CODE",
            conflicts_with_all = ["commune", "qr"],
            value_parser = checkpoint()
        )]
        checkpoints: Vec<NotedCheckpoint>,
        /// The head hash the record must end at (e.g. from a printed form).
        #[arg(
            long,
            value_name = "HASH",
            requires = "record",
            conflicts_with = "results",
            value_parser = hash("head")
        )]
        head: Option<Hash256>,
        /// A results file made by `polltally export`.
        #[arg(long, value_name = "FILE")]
        results: Option<PathBuf>,
        /// The short code printed on a posted form.
        #[arg(
            long,
            value_name = "SHORTCODE",
            requires = "results",
            conflicts_with = "record",
            value_parser = short_code()
        )]
        code: Option<String>,
        /// A commune results file made by `polltally tabulate`: its own
        /// hash, and with the stations' results files, that tabulating them
        /// again gives the same file.
        #[arg(long, value_name = "FILE", conflicts_with = "results")]
        commune: Option<PathBuf>,
        /// With --commune: the issued station files (or a directory of
        /// them) the commune file was tabulated against; repeat for each.
        #[arg(long, value_name = "FILE|DIR", requires = "commune")]
        stations: Vec<PathBuf>,
        /// With --commune: the short codes typed from paper the commune file
        /// was tabulated with.
        #[arg(long, value_name = "FILE", requires = "commune")]
        codes: Option<PathBuf>,
        /// With --commune: the stations' results files.
        #[arg(value_name = "RESULTS_FILE", requires = "commune")]
        files: Vec<PathBuf>,
        /// A photo or scan (PNG or JPEG) of a results form: its QR code is
        /// checked against --results or --commune.
        #[arg(
            long,
            value_name = "IMAGE",
            conflicts_with_all = ["head", "code"],
            requires = "qr_against"
        )]
        qr: Option<PathBuf>,
    },
}

/// The steps of a training round.
#[derive(Debug, Subcommand)]
pub enum TrainCommand {
    /// Make a practice deck for a station: a new TRAINING record (never a
    /// count) whose cards every member rules in turn.
    Deck {
        /// The station file issued by the commune election commission.
        #[arg(long, value_name = "FILE")]
        station: PathBuf,
        /// Where to create the training record (must not exist).
        #[arg(long, value_name = "PATH")]
        record: PathBuf,
        /// How many practice ballots (1 to 500).
        #[arg(long, value_name = "N", default_value_t = 20)]
        cards: u32,
        /// The seed the deck is drawn from: the same seed, cards and mix
        /// give the same deck on every laptop (default: from the clock).
        #[arg(long, value_name = "N")]
        seed: Option<u64>,
        /// The weight of each kind of ballot, as KIND=WEIGHT,...; kinds
        /// left out weigh 0 (kinds: tick, other-mark, beside-box, faint,
        /// no-stamp, blank, two-parties, straddling, identifying, damaged).
        #[arg(long, value_name = "KIND=W,...", value_parser = mix())]
        mix: Option<Mix>,
        /// Who leads the round.
        #[arg(long, value_name = "NAME", value_parser = text("trainer"))]
        trainer: Option<FreeText>,
    },
    /// Record one member's rulings of the deck, one card a line from
    /// standard input: `3`, `3 V3`, `I2`, or `-` to leave a card unruled; a
    /// later answer to a card replaces the earlier one.
    Answers {
        /// The training record.
        #[arg(long, value_name = "PATH")]
        record: PathBuf,
        /// The member who rules.
        #[arg(long, value_name = "NAME", value_parser = text("member"))]
        member: FreeText,
        /// The card the first line rules (default: the member's first card
        /// not ruled, 1 for a new member).
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
        from: Option<u32>,
    },
    /// Score a training round: each member's correct rulings, the
    /// commission's agreement (Fleiss' kappa), the cards ruled differently.
    Score {
        /// The training record.
        #[arg(long, value_name = "PATH")]
        record: PathBuf,
        /// Print JSON instead of the summary.
        #[arg(long)]
        json: bool,
    },
    /// Write the trainer's report of a training round as a PDF.
    Report {
        /// The training record.
        #[arg(long, value_name = "PATH")]
        record: PathBuf,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Replace an existing output file (never a count record, one of
        /// the command's inputs, or anything but a regular file).
        #[arg(long)]
        force: bool,
    },
}

impl Command {
    /// Whether the command writes to a count record (and so may keep a
    /// live copy of it).
    pub fn writes_a_record(&self) -> bool {
        match self {
            Command::New { .. }
            | Command::Figures(_)
            | Command::Serials(_)
            | Command::Rule(_)
            | Command::Void { .. }
            | Command::Dispute { .. }
            | Command::Pile { .. }
            | Command::Explain { .. }
            | Command::Present { .. }
            | Command::Withdraw { .. }
            | Command::Depart { .. }
            | Command::Complaint { .. }
            | Command::Checkpoint { .. }
            | Command::Seal { .. }
            | Command::Recount { .. }
            | Command::Train(TrainCommand::Deck { .. } | TrainCommand::Answers { .. }) => true,
            Command::Open { .. }
            | Command::Show { .. }
            | Command::Export { .. }
            | Command::Compare { .. }
            | Command::Tabulate { .. }
            | Command::Pdf { .. }
            | Command::Verify { .. }
            | Command::Train(TrainCommand::Score { .. } | TrainCommand::Report { .. }) => false,
        }
    }
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("figure").required(true).multiple(true)))]
pub struct FiguresArgs {
    #[arg(long, value_name = "PATH")]
    pub record: PathBuf,
    /// R: ballots received.
    #[arg(long, value_name = "N", group = "figure")]
    pub received: Option<u64>,
    /// U: ballots unused.
    #[arg(long, value_name = "N", group = "figure")]
    pub unused: Option<u64>,
    /// S: ballots spoiled and cancelled.
    #[arg(long, value_name = "N", group = "figure")]
    pub spoiled: Option<u64>,
    /// V: voters marked on the voter list.
    #[arg(long, value_name = "N", group = "figure")]
    pub voters_marked: Option<u64>,
    /// T: voters on the supplementary list.
    #[arg(long, value_name = "N", group = "figure")]
    pub supplementary: Option<u64>,
    /// D: of V, voters admitted with temporary identity documents.
    #[arg(long, value_name = "N", group = "figure")]
    pub temporary_id: Option<u64>,
    /// B: ballots found in the box.
    #[arg(long, value_name = "N", group = "figure")]
    pub in_box: Option<u64>,
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("book").required(true).multiple(true)))]
pub struct SerialsArgs {
    #[arg(long, value_name = "PATH")]
    pub record: PathBuf,
    /// A book partly used: its name and the serial of its first unused
    /// ballot (repeat for each book).
    #[arg(long = "first-unused", value_name = "BOOK=SERIAL", group = "book", value_parser = book_serial())]
    pub first_unused: Vec<(String, u64)>,
    /// A book none of whose ballots was used (repeat for each book).
    #[arg(long, value_name = "BOOK", group = "book")]
    pub unused: Vec<String>,
    /// A book all of whose ballots were used (repeat for each book).
    #[arg(long = "used-up", value_name = "BOOK", group = "book")]
    pub used_up: Vec<String>,
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("ruling").required(true).args(["party", "invalid", "stdin"])))]
pub struct RuleArgs {
    #[arg(long, value_name = "PATH")]
    pub record: PathBuf,
    /// Valid for this party (its number on the ballot).
    #[arg(long, value_name = "NUM", value_parser = party())]
    pub party: Option<PartyNumber>,
    /// The valid criterion (default: the first valid one, V1).
    #[arg(long, value_name = "CODE", requires = "party")]
    pub criterion: Option<String>,
    /// Invalid under this criterion.
    #[arg(long, value_name = "CODE")]
    pub invalid: Option<String>,
    /// A party whose agent disputes the ruling (repeat for several).
    #[arg(
        long = "disputed-by",
        value_name = "NUM",
        conflicts_with = "stdin",
        value_parser = party()
    )]
    pub disputed_by: Vec<PartyNumber>,
    #[arg(
        long,
        value_name = "TEXT",
        conflicts_with = "stdin",
        value_parser = text("note")
    )]
    pub note: Option<FreeText>,
    /// Read one ruling a line: `3`, `3 V3`, `I2`, optionally followed by `dispute=5,7`.
    #[arg(long)]
    pub stdin: bool,
    /// In a review recount: the original seq of the ballot ruled again.
    #[arg(
        long = "review-of",
        value_name = "SEQ",
        conflicts_with = "stdin",
        value_parser = seq()
    )]
    pub review_of: Option<Seq>,
    /// In a review recount: the number written on the back of the ballot ruled again
    #[arg(
        long = "ballot",
        value_name = "N",
        conflicts_with_all = ["stdin", "review_of"],
        value_parser = ballot()
    )]
    pub ballot: Option<BallotNumber>,
}

// ---- value parsers: each argument becomes its type as it is read ----
//
// Numbers keep clap's own message for what is no number at all (`invalid
// value 'x' for '--party <NUM>'`); every other refusal is one of polltally's
// messages, naming the argument, which the CLI renders like any error of a
// command (in the language asked for, exit code 2).

/// A parser whose refusal is a polltally message at `field`.
fn ours<T>(field: &'static str, parse: fn(&str) -> Result<T, Message>) -> ValueParser
where
    T: Clone + Send + Sync + 'static,
{
    ValueParser::new(move |text: &str| parse(text).map_err(|problem| problem.at(field)))
}

fn party() -> impl TypedValueParser<Value = PartyNumber> {
    clap::value_parser!(u32).map(PartyNumber)
}

fn ballot() -> impl TypedValueParser<Value = BallotNumber> {
    clap::value_parser!(u64).map(BallotNumber)
}

fn seq() -> impl TypedValueParser<Value = Seq> {
    clap::value_parser!(u64).map(Seq)
}

/// A free text typed into the argument `field`.
fn text(field: &'static str) -> ValueParser {
    ValueParser::new(move |text: &str| FreeText::parse(field, text))
}

/// A book and the serial of its first unused ballot: `B-1801=180057`.
fn book_serial() -> ValueParser {
    ours("first-unused", |text| {
        let Some((book, serial)) = text.split_once('=') else {
            return Err(Message::new(P::NotBookSerial).quoted("value", text));
        };
        let serial = serial
            .trim()
            .parse::<u64>()
            .map_err(|_| Message::new(P::NotWholeNumber).text("value", serial))?;
        Ok((book.trim().to_string(), serial))
    })
}

fn role() -> ValueParser {
    ours("role", Role::parse)
}

fn check() -> ValueParser {
    ours("check", str::parse::<CheckName>)
}

fn mode() -> ValueParser {
    ours("mode", RecountMode::parse)
}

fn copy() -> ValueParser {
    ours("copy", Copy::parse)
}

fn hash(field: &'static str) -> ValueParser {
    ours(field, str::parse::<Hash256>)
}

/// A short code as typed, in its written form (`7G2K-...`).
fn short_code() -> ValueParser {
    ValueParser::new(normalize_short_code)
}

fn numerals() -> ValueParser {
    ours("numerals", |text| match text {
        "western" => Ok(Numerals::Western),
        "khmer" => Ok(Numerals::Khmer),
        other => Err(Message::new(P::NotNumerals).quoted("value", other)),
    })
}

/// `en` or `km`.
pub fn parse_lang(text: &str) -> Result<Lang, Message> {
    Lang::ALL
        .into_iter()
        .find(|lang| lang.code() == text)
        .ok_or_else(|| Message::new(P::NotLang).quoted("value", text))
}

fn lang() -> ValueParser {
    ours("lang", parse_lang)
}

/// A mix of practice ballots: `tick=4,blank=1`.
fn mix() -> ValueParser {
    ours("mix", Mix::parse)
}

fn checkpoint() -> ValueParser {
    ours("checkpoint", NotedCheckpoint::parse)
}

fn screen() -> ValueParser {
    ours("screen", |name| {
        Screen::parse(name).ok_or_else(|| Message::new(P::NotScreen).quoted("value", name))
    })
}
