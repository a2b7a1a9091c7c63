//! The command line: the same operations as the app, as subcommands of the
//! one binary. Each command parses its arguments into core types, calls the
//! core and the store, and prints. Exit codes: 0 ok, 1 verification failed,
//! 2 bad input or usage (nothing written but the rulings `rule --stdin`
//! acknowledged before a refused line).

pub mod args;
pub mod help;

pub mod show;
pub mod summaries;

use crate::app::Launch;
use crate::domain::free_text::FreeText;
use crate::domain::hash::Hash256;
use crate::domain::limits::MAX_RULE_LINE_BYTES;
use crate::domain::message::{Explain, Message, P};
use crate::domain::person::Person;
use crate::domain::reconciliation::Figure;
use crate::domain::recount::RecountMode;
use crate::domain::rule_line::parse_rule_line;
use crate::domain::ruling::{RulingChoice, RulingRequest};
use crate::domain::seal::{Seal, parse_refusal, parse_signature};
use crate::domain::seq::Seq;
use crate::domain::serials::BookUse;
use crate::domain::short_code::short_code;
use crate::domain::time::Clock;
use crate::i18n::{Lang, T, Tr};
use crate::journal::event::Event;
use crate::journal::replay::ChainError;
use crate::shell::clock::SystemClock;
use crate::shell::files::{Output, check_outputs, write_output};
use crate::shell::tabulate::Inputs;
use crate::shell::verify::QrAgainst;
use crate::store::{Record, StoreError};
use args::{Cli, Command, FiguresArgs, RuleArgs, SerialsArgs};
use clap::{CommandFactory, FromArgMatches};
use std::collections::BTreeMap;
use std::io::{BufRead, Read, Write};
use std::path::Path;
use std::process::ExitCode;

/// Writes a line to standard output. A reader that went away (`| head`)
/// is not an error of the command: what was recorded stays recorded.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}

/// [`say!`] without the line break.
macro_rules! say_raw {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stdout(), $($arg)*);
    }};
}

mod train;

/// Exit code: success.
pub const EXIT_OK: u8 = 0;
/// Exit code: a verification failed (broken chain, head or hash mismatch).
pub const EXIT_VERIFY_FAILED: u8 = 1;
/// Exit code: bad input or usage; nothing was written, except the rulings
/// of the lines `rule --stdin` acknowledged before a refused line (its
/// error says which).
pub const EXIT_BAD_INPUT: u8 = 2;

pub use crate::shell::verify::VerificationFailed;

/// Runs the command line with the process's arguments.
pub fn run() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // The help is shown in the language asked for, so `--lang` is read
    // before the arguments are parsed.
    let asked = args.iter().enumerate().find_map(|(i, arg)| {
        let arg = arg.to_str()?;
        match arg.strip_prefix("--lang=") {
            Some(code) => Some(code),
            None if arg == "--lang" => args.get(i + 1)?.to_str(),
            None => None,
        }
    });
    let help_lang = asked
        .and_then(|l| args::parse_lang(l).ok())
        .unwrap_or_default();
    let command = help::localize(Cli::command(), help_lang);
    let parsed = command
        .try_get_matches_from(&args)
        .and_then(|matches| Cli::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(err) => {
            // An argument that is not its type is refused with polltally's
            // own message, like any bad input; clap words the rest.
            if let Some(problem) =
                std::error::Error::source(&err).and_then(|source| source.downcast_ref::<Message>())
            {
                let tr = Tr::new(help_lang);
                eprintln!("{}{} {}", tr.t(T::Error), tr.colon(), tr.message(problem));
                return ExitCode::from(EXIT_BAD_INPUT);
            }
            let _ = err.print();
            return ExitCode::from(u8::try_from(err.exit_code()).unwrap_or(EXIT_BAD_INPUT));
        }
    };
    let command = cli.command.unwrap_or(Command::Open {
        record: None,
        screen: None,
        public_display: false,
    });
    let lang = cli.lang;
    let tr = Tr::new(lang.unwrap_or_default());
    match execute(command, lang, cli.mirror.as_deref(), &SystemClock) {
        Ok(()) => ExitCode::from(EXIT_OK),
        Err(err) => {
            eprintln!(
                "{}{} {}",
                tr.t(T::Error),
                tr.colon(),
                crate::shell::explain::error_text(tr, &err)
            );
            ExitCode::from(exit_code(&err))
        }
    }
}

/// The exit code an error means: 1 when something did not verify, else 2.
pub fn exit_code(err: &anyhow::Error) -> u8 {
    let verification = err.chain().any(|cause| {
        cause.is::<ChainError>()
            || cause.is::<VerificationFailed>()
            || matches!(
                cause.downcast_ref::<StoreError>(),
                Some(
                    StoreError::Chain(_) | StoreError::Original { .. } | StoreError::Damaged { .. }
                )
            )
    });
    if verification {
        EXIT_VERIFY_FAILED
    } else {
        EXIT_BAD_INPUT
    }
}

/// Runs one parsed command; `lang` is the one asked for with `--lang`.
pub fn execute(
    command: Command,
    lang: Option<Lang>,
    mirror: Option<&Path>,
    clock: &dyn Clock,
) -> anyhow::Result<()> {
    let tr = Tr::new(lang.unwrap_or_default());
    if mirror.is_some() && !command.writes_a_record() {
        return Err(Message::new(P::MirrorNeedsWriting).at("mirror").into());
    }
    match command {
        Command::Open {
            record,
            screen,
            public_display,
        } => crate::app::run(Launch {
            record,
            screen,
            lang,
            public_display,
        }),
        Command::New { station, record } => new(&station, &record, tr, mirror, clock),
        Command::Figures(args) => figures(args, tr, mirror, clock),
        Command::Serials(args) => serials(args, tr, mirror, clock),
        Command::Rule(args) => rule(args, tr, mirror, clock),
        Command::Void {
            record,
            seq,
            reason,
        } => append_one(
            &record,
            Event::Void {
                ruling_seq: seq,
                reason,
            },
            tr,
            mirror,
            clock,
        ),
        Command::Pile {
            record,
            party,
            count,
        } => append_one(
            &record,
            Event::PileCount { party, count },
            tr,
            mirror,
            clock,
        ),
        Command::Explain {
            record,
            check,
            text,
        } => append_one(
            &record,
            Event::Explanation { check, text },
            tr,
            mirror,
            clock,
        ),
        Command::Dispute {
            record,
            seq,
            parties,
        } => append_one(
            &record,
            Event::Dispute {
                ruling_seq: seq,
                parties,
            },
            tr,
            mirror,
            clock,
        ),
        Command::Present {
            record,
            name,
            role,
            party,
            organisation,
        } => {
            let person = Person {
                name,
                role,
                party,
                organisation,
            };
            append_one(&record, Event::PersonPresent(person), tr, mirror, clock)
        }
        Command::Withdraw {
            record,
            seq,
            reason,
        } => append_one(
            &record,
            Event::PresenceWithdrawn {
                person_seq: seq,
                reason,
            },
            tr,
            mirror,
            clock,
        ),
        Command::Depart {
            record,
            seq,
            reason,
        } => append_one(
            &record,
            Event::Departed {
                person_seq: seq,
                reason,
            },
            tr,
            mirror,
            clock,
        ),
        Command::Complaint {
            record,
            by,
            text,
            ballot,
        } => append_one(
            &record,
            Event::Complaint { by, text, ballot },
            tr,
            mirror,
            clock,
        ),
        Command::Train(step) => train::run(step, tr, mirror, clock),
        Command::Checkpoint { record } => {
            let mut record = open_to_write(&record, tr, mirror)?;
            let seq = record.append(Event::Checkpoint, clock)?;
            warn_after_write(&record, tr);
            let shown = record
                .count()
                .checkpoints()
                .last()
                .filter(|c| c.seq == seq)
                .and_then(|c| Some((c.ballot, c.hash?)));
            if let Some((ballot, hash)) = shown {
                say!("{}", checkpoint_line(tr, seq, ballot, &hash));
            }
            Ok(())
        }
        Command::Show {
            record,
            json,
            numerals,
        } => {
            let record = Record::open_read(&record)?;
            let tr = tr.with_numerals(numerals.unwrap_or(record.count().definition().numerals));
            // A training round is shown as its scores: it has no tally.
            if let Some(training) = record.count().training() {
                let def = record.count().definition();
                let scores = crate::domain::practice::score(&training.deck, &training.answers());
                if json {
                    say!(
                        "{}",
                        serde_json::to_string_pretty(&train::score_json(def, training, &scores))?
                    );
                } else {
                    say_raw!("{}", train::score_text(def, training, &scores, tr));
                }
                return Ok(());
            }
            if json {
                say!("{}", serde_json::to_string_pretty(&show::json(&record))?);
            } else {
                say_raw!("{}", show::summary(&record, tr));
            }
            Ok(())
        }
        Command::Verify {
            qr: Some(image),
            results,
            commune,
            files,
            stations,
            codes,
            ..
        } => {
            let inputs = inputs(files, stations, codes)?;
            let against = match (&results, &commune) {
                (Some(results), _) => QrAgainst::Results(results),
                (None, Some(commune)) => QrAgainst::Commune(commune, &inputs),
                (None, None) => {
                    return Err(Message::new(P::VerifyNeedsInput).at("verify").into());
                }
            };
            verify_qr(&image, against, tr)
        }
        Command::Verify {
            commune: Some(commune),
            files,
            stations,
            codes,
            ..
        } => verify_commune(&commune, inputs(files, stations, codes)?, tr),
        Command::Verify {
            record,
            head,
            results,
            code,
            checkpoints,
            ..
        } => match (results, record) {
            (Some(results), record) => verify_results(
                &results,
                record.as_deref(),
                code.as_deref(),
                &checkpoints,
                tr,
            ),
            (None, Some(record)) => verify(&record, head, &checkpoints, tr),
            (None, None) => Err(Message::new(P::VerifyNeedsInput).at("verify").into()),
        },
        Command::Seal {
            record,
            signed,
            refused,
        } => {
            let signed = signed
                .iter()
                .enumerate()
                .map(|(i, s)| parse_signature(i, s))
                .collect::<Result<Vec<_>, _>>()?;
            let refused = refused
                .iter()
                .enumerate()
                .map(|(i, r)| parse_refusal(i, r))
                .collect::<Result<Vec<_>, _>>()?;
            let mut record = open_to_write(&record, tr, mirror)?;
            // Each signer and refuser is the person recorded present under
            // that name and role; a party agent signs for the party recorded.
            let seal =
                Seal::of_present(clock.now(), &signed, &refused, &record.count().recorded())?;
            let seq = record.append(Event::Sealed(seal), clock)?;
            warn_after_write(&record, tr);
            let results = record.results()?;
            let hash = results.hash()?;
            say!("ok {seq}");
            say!("{}", tr.f(T::CliResultsHash, &[("hash", &hash)]));
            say!("{}", tr.f(T::CliShortCode, &[("code", &short_code(&hash))]));
            Ok(())
        }
        Command::Export { record, out, force } => {
            let inputs = [record.clone()];
            let output = Output::cli(&out, "--out", force, &inputs);
            check_outputs(&[output])?;
            let record = Record::open_read(&record)?;
            let bytes = record.results()?.to_bytes()?;
            write_output(output, &bytes)?;
            say!(
                "{}",
                tr.f(T::CliResultsHash, &[("hash", &Hash256::of(&bytes))])
            );
            Ok(())
        }
        Command::Recount {
            record,
            authority,
            reason,
            mode,
            out,
        } => recount(
            &record,
            (&authority, &reason, mode),
            (&out, mirror),
            tr,
            clock,
        ),
        Command::Compare {
            original,
            recount,
            out,
            pdf,
            force,
        } => compare(
            &original,
            &recount,
            out.as_deref(),
            pdf.as_deref(),
            force,
            tr,
        ),
        Command::Tabulate {
            out,
            pdf,
            force,
            stations,
            codes,
            results,
        } => {
            // Every file the tabulation reads, which its outputs never replace.
            let read: Vec<std::path::PathBuf> = results
                .iter()
                .chain(&stations)
                .chain(&codes)
                .cloned()
                .collect();
            let out = Output::cli(&out, "--out", force, &read);
            let pdf = pdf
                .as_deref()
                .map(|pdf| Output::cli(pdf, "--pdf", force, &read));
            tabulate(
                &inputs(results.clone(), stations.clone(), codes.clone())?,
                out,
                pdf,
                tr,
            )
        }
        Command::Pdf {
            record,
            out,
            copy,
            annex,
            numerals,
            force,
        } => {
            let inputs = [record.clone()];
            let output = Output::cli(&out, "--out", force, &inputs);
            check_outputs(&[output])?;
            let record = Record::open_read(&record)?;
            let doc = record.results()?;
            let def = record.count().definition();
            let entries: Option<Vec<_>> = if annex {
                Some(
                    record
                        .journal()?
                        .into_iter()
                        .map(|(_, body)| body)
                        .collect(),
                )
            } else {
                None
            };
            let pdf = crate::report::results_pdf_with_ballots(
                &doc,
                &def.criteria,
                copy,
                numerals.unwrap_or(def.numerals),
                entries.as_deref().map(|e| (e, record.count().ballots())),
            )?;
            write_output(output, &pdf)?;
            say!("{}", tr.f(T::CliWrote, &[("path", &out.display())]));
            Ok(())
        }
    }
}

fn new(
    station_path: &Path,
    record_path: &Path,
    tr: Tr,
    mirror: Option<&Path>,
    clock: &dyn Clock,
) -> anyhow::Result<()> {
    let station = crate::shell::files::read_station(station_path)?;
    let mut record = Record::create(record_path, station, clock)?;
    warn_after_write(&record, tr);
    start_mirror(&mut record, mirror, tr)?;
    let def = record.station().definition();
    say!(
        "{}",
        tr.f(
            T::CliCreated,
            &[
                ("path", &record_path.display()),
                ("station", &def.station.code),
                ("election", &def.election.id),
                ("hash", &record.station().hash()),
            ]
        )
    );
    Ok(())
}

/// A checkpoint as the command line shows it: `checkpoint: ballot 50,
/// entry 53, code 7G2K-9XQM-T4H0`.
fn checkpoint_line(
    tr: Tr,
    seq: Seq,
    ballot: Option<crate::domain::ballot::BallotNumber>,
    hash: &Hash256,
) -> String {
    tr.f(
        T::CliCheckpoint,
        &[
            (
                "ballot",
                &ballot.map_or_else(|| "-".to_string(), |b| tr.num(b)),
            ),
            ("seq", &tr.num(seq)),
            ("code", &crate::domain::short_code::checkpoint_code(hash)),
        ],
    )
}

/// Opens a record to write to it; says so when that migrated its schema.
fn open_to_write(path: &Path, tr: Tr, mirror: Option<&Path>) -> anyhow::Result<Record> {
    let mut record = Record::open(path)?;
    if let Some((from, to)) = record.migrated() {
        eprintln!(
            "{}",
            tr.f(
                T::CliMigrated,
                &[("path", &path.display()), ("from", &from), ("to", &to)]
            )
        );
    }
    start_mirror(&mut record, mirror, tr)?;
    Ok(record)
}

/// Starts the live copy asked for with `--mirror`, and says where it stands.
fn start_mirror(record: &mut Record, mirror: Option<&Path>, tr: Tr) -> anyhow::Result<()> {
    if let Some(path) = mirror {
        record.start_mirror(path)?;
        warn_mirror(record, tr);
    }
    Ok(())
}

/// Says on stderr when the live copy is behind or failed (never silently).
fn warn_mirror(record: &Record, tr: Tr) {
    if let Some(status) = record.mirror()
        && (status.behind > 0 || status.problem.is_some())
    {
        eprintln!(
            "{}{} {}",
            tr.t(T::Warning),
            tr.colon(),
            tr.mirror_status(
                &status.path.display().to_string(),
                status.entries,
                status.behind,
                status.problem.as_ref()
            )
        );
    }
}

fn append_one(
    path: &Path,
    event: Event,
    tr: Tr,
    mirror: Option<&Path>,
    clock: &dyn Clock,
) -> anyhow::Result<()> {
    let mut record = open_to_write(path, tr, mirror)?;
    let seq = record.append(event, clock)?;
    warn_after_write(&record, tr);
    say!("ok {seq}");
    Ok(())
}

/// Warns on standard error when the laptop's clock was doubtful for the
/// entry just written (the record notes it with the entry).
/// Warns of what was doubtful about the laptop's clock when the last entry
/// was written, and of a live copy that is behind.
fn warn_after_write(record: &Record, tr: Tr) {
    warn_mirror(record, tr);
    let notes = record.clock_notes();
    if !notes.is_empty() {
        let text = tr.clock_notes(&record.count().zone(), record.last_at(), notes);
        eprintln!("{}{} {text}", tr.t(T::Warning), tr.colon());
    }
}

fn figures(
    args: FiguresArgs,
    tr: Tr,
    mirror: Option<&Path>,
    clock: &dyn Clock,
) -> anyhow::Result<()> {
    let given = [
        (Figure::Received, args.received),
        (Figure::Unused, args.unused),
        (Figure::Spoiled, args.spoiled),
        (Figure::VotersMarked, args.voters_marked),
        (Figure::Supplementary, args.supplementary),
        (Figure::TemporaryId, args.temporary_id),
        (Figure::InBox, args.in_box),
    ];
    let figures: BTreeMap<Figure, u64> = given
        .into_iter()
        .filter_map(|(figure, value)| value.map(|v| (figure, v)))
        .collect();
    append_one(
        &args.record,
        Event::FiguresRecorded { figures },
        tr,
        mirror,
        clock,
    )
}

/// `polltally serials`: each book once, whichever flag names it.
fn serials(
    args: SerialsArgs,
    tr: Tr,
    mirror: Option<&Path>,
    clock: &dyn Clock,
) -> anyhow::Result<()> {
    let given = args
        .first_unused
        .into_iter()
        .map(|(book, serial)| (book, BookUse::FirstUnused(serial), "--first-unused"))
        .chain(
            args.unused
                .into_iter()
                .map(|book| (book, BookUse::Unused, "--unused")),
        )
        .chain(
            args.used_up
                .into_iter()
                .map(|book| (book, BookUse::UsedUp, "--used-up")),
        );
    let mut books: BTreeMap<String, BookUse> = BTreeMap::new();
    let mut flags: BTreeMap<String, &str> = BTreeMap::new();
    for (book, used, flag) in given {
        if let Some(other) = flags.insert(book.clone(), flag) {
            return Err(Message::new(P::UsedTwice)
                .quoted("value", &book)
                .text("other", other)
                .at(flag)
                .into());
        }
        books.insert(book, used);
    }
    append_one(
        &args.record,
        Event::BookSerials { books },
        tr,
        mirror,
        clock,
    )
}

fn rule(args: RuleArgs, tr: Tr, mirror: Option<&Path>, clock: &dyn Clock) -> anyhow::Result<()> {
    let mut record = open_to_write(&args.record, tr, mirror)?;
    if args.stdin {
        return rule_stdin(&mut record, tr, clock);
    }
    let choice = match (args.party, args.invalid) {
        (Some(party), None) => RulingChoice::Party {
            party: party.0,
            criterion: args.criterion,
        },
        (None, Some(code)) => RulingChoice::Invalid { code },
        _ => return Err(Message::new(P::RuleNeedsChoice).at("rule").into()),
    };
    let request = RulingRequest {
        choice,
        disputed_by: args.disputed_by.into_iter().map(|p| p.0).collect(),
        note: args.note,
    };
    let ruling = request.resolve(record.count().definition())?;
    let review_of = match (args.review_of, args.ballot) {
        (Some(original), _) => Some(original),
        (None, Some(ballot)) => Some(record.count().review_target(ballot)?),
        (None, None) => None,
    };
    let event = match review_of {
        Some(original) => Event::Review {
            original_seq: original,
            ruling,
        },
        None => Event::Ruling(ruling),
    };
    let seq = record.append(event, clock)?;
    warn_after_write(&record, tr);
    say!("ok {seq}");
    Ok(())
}

fn compare(
    original: &Path,
    recount: &Path,
    out: Option<&Path>,
    pdf: Option<&Path>,
    force: bool,
    tr: Tr,
) -> anyhow::Result<()> {
    let read = [original.to_path_buf(), recount.to_path_buf()];
    let out = out.map(|out| Output::cli(out, "--out", force, &read));
    let pdf = pdf.map(|pdf| Output::cli(pdf, "--pdf", force, &read));
    let outputs: Vec<Output> = out.into_iter().chain(pdf).collect();
    check_outputs(&outputs)?;
    let comparison = crate::shell::compare::compare_records(original, recount)?;
    let json = match out {
        Some(_) => comparison.to_bytes()?,
        None => Vec::new(),
    };
    let form = match pdf {
        Some(_) => crate::report::comparison_pdf(&comparison)?,
        None => Vec::new(),
    };
    let written: Vec<(Output, &[u8])> = out
        .map(|o| (o, json.as_slice()))
        .into_iter()
        .chain(pdf.map(|o| (o, form.as_slice())))
        .collect();
    crate::shell::files::write_outputs(&written)?;
    say_raw!("{}", summaries::comparison_text(&comparison, tr));
    Ok(())
}

/// What `tabulate` and `verify --commune` were given; the codes file read.
fn inputs(
    results: Vec<std::path::PathBuf>,
    stations: Vec<std::path::PathBuf>,
    codes: Option<std::path::PathBuf>,
) -> anyhow::Result<Inputs> {
    Ok(Inputs {
        results,
        stations,
        codes: codes
            .as_deref()
            .map(crate::shell::tabulate::read_codes)
            .transpose()?,
    })
}

fn tabulate(inputs: &Inputs, out: Output, pdf: Option<Output>, tr: Tr) -> anyhow::Result<()> {
    let outputs: Vec<Output> = std::iter::once(out).chain(pdf).collect();
    check_outputs(&outputs)?;
    let commune = crate::shell::tabulate::tabulate_inputs(inputs)?;
    crate::shell::tabulate::write_commune(&commune, out, pdf)?;
    say_raw!("{}", summaries::commune_text(&commune, tr)?);
    Ok(())
}

/// Starts a recount of `original` as ordered (`authority`, `reason`,
/// `mode`) at `out`, with its live copy at `mirror` when asked.
fn recount(
    original: &Path,
    (authority, reason, mode): (&FreeText, &FreeText, RecountMode),
    (out, mirror): (&Path, Option<&Path>),
    tr: Tr,
    clock: &dyn Clock,
) -> anyhow::Result<()> {
    let original = Record::open_read(original)?;
    let mut record = Record::create_recount(&original, out, authority, reason, mode, clock)?;
    warn_after_write(&record, tr);
    start_mirror(&mut record, mirror, tr)?;
    let Some(state) = record.count().recount() else {
        return Ok(());
    };
    if mode == RecountMode::Full {
        say!(
            "{}",
            tr.f(
                T::CliFullRecountCreated,
                &[
                    ("path", &out.display()),
                    ("hash", &state.binding.original_results_hash),
                ]
            )
        );
        return Ok(());
    }
    say!(
        "{}",
        tr.f(
            T::CliRecountCreated,
            &[
                ("path", &out.display()),
                ("mode", &tr.recount_mode(mode)),
                ("hash", &state.binding.original_results_hash),
                ("n", &tr.num(state.to_review.len())),
                ("carried", &tr.num(state.carried)),
            ]
        )
    );
    {
        let seqs: Vec<String> = state.to_review.keys().map(|s| s.0.to_string()).collect();
        say!("{}", tr.f(T::CliUnderReview, &[("list", &seqs.join(" "))]));
        let ballots: Vec<String> = state
            .to_review
            .values()
            .map(|r| r.ballot.0.to_string())
            .collect();
        say!(
            "{}",
            tr.f(T::CliUnderReviewBallots, &[("list", &ballots.join(" "))])
        );
    }
    Ok(())
}

/// Rules one line of standard input at a time, printing `ok <seq>` once
/// each ruling is durable. A line longer than [`MAX_RULE_LINE_BYTES`] is
/// refused without reading the rest of it. A refused line stops the stream;
/// the rulings before it stay recorded, and the error says which.
fn rule_stdin(record: &mut Record, tr: Tr, clock: &dyn Clock) -> anyhow::Result<()> {
    let mut ruling = |line: &str, record: &Record| -> Result<Option<Event>, Message> {
        Ok(match parse_rule_line(line)? {
            Some(request) => Some(Event::Ruling(
                request
                    .resolve(record.count().definition())
                    .map_err(|err| err.message())?,
            )),
            None => None,
        })
    };
    record_lines(record, tr, clock, &mut ruling)
}

/// Turns one line of standard input into the entry it records (`None`:
/// nothing to record).
type LineReader<'a> = dyn FnMut(&str, &Record) -> Result<Option<Event>, Message> + 'a;

/// Records one entry a line of standard input, each acknowledged as `ok
/// SEQ` once it is durable; stops at the first refused line, saying which
/// entries were recorded before it.
fn record_lines(
    record: &mut Record,
    tr: Tr,
    clock: &dyn Clock,
    read: &mut LineReader,
) -> anyhow::Result<()> {
    let mut stdin = std::io::stdin().lock();
    let mut out = std::io::stdout().lock();
    // The first and the last seq recorded, and how many.
    let mut recorded: Option<(Seq, Seq, u64)> = None;
    for number in 1.. {
        let outcome = rule_stdin_line(&mut stdin, &mut out, number, record, tr, clock, read);
        match outcome {
            Ok(LineOutcome::End) => break,
            Ok(LineOutcome::Blank) => {}
            Ok(LineOutcome::Recorded(seq)) => {
                recorded = Some(match recorded {
                    None => (seq, seq, 1),
                    Some((first, _, n)) => (first, seq, n + 1),
                });
            }
            Err((problem, seq)) => {
                if let Some(seq) = seq {
                    recorded = Some(match recorded {
                        None => (seq, seq, 1),
                        Some((first, _, n)) => (first, seq, n + 1),
                    });
                }
                return Err(match recorded {
                    None => problem,
                    Some((first, _, 1)) => Message::new(P::RecordedOneBefore)
                        .message("problem", problem)
                        .num("seq", first.0),
                    Some((first, last, n)) => Message::new(P::RecordedBefore)
                        .message("problem", problem)
                        .num("first", first.0)
                        .num("last", last.0)
                        .num("n", n),
                }
                .into());
            }
        }
    }
    Ok(())
}

/// What one line of `rule --stdin` did.
enum LineOutcome {
    /// No more input.
    End,
    /// A blank line: nothing to rule.
    Blank,
    /// The ruling, recorded and acknowledged.
    Recorded(Seq),
}

/// Reads, rules and acknowledges one line. A refusal carries the seq of a
/// ruling recorded before the problem (its acknowledgement could not be
/// written), so that the error counts it.
fn rule_stdin_line(
    input: &mut impl BufRead,
    out: &mut impl Write,
    number: usize,
    record: &mut Record,
    tr: Tr,
    clock: &dyn Clock,
    read: &mut LineReader,
) -> Result<LineOutcome, (Message, Option<Seq>)> {
    let unreadable = |detail: &dyn std::fmt::Display| {
        Message::new(P::LineUnreadable)
            .text("n", number)
            .text("detail", detail)
    };
    let line = match read_bounded_line(input, MAX_RULE_LINE_BYTES) {
        Ok(None) => return Ok(LineOutcome::End),
        Ok(Some(Ok(line))) => line,
        Ok(Some(Err(start))) => {
            return Err((
                Message::new(P::LineTooLong)
                    .text("n", number)
                    .num("max", MAX_RULE_LINE_BYTES as u64)
                    .quoted("text", &String::from_utf8_lossy(&start)),
                None,
            ));
        }
        Err(err) => return Err((unreadable(&err), None)),
    };
    let line = String::from_utf8(line).map_err(|err| (unreadable(&err), None))?;
    let at_line = |problem: Message| {
        Message::new(P::Line)
            .text("n", number)
            .quoted("text", line.trim())
            .message("problem", problem)
    };
    let event = read(&line, record).map_err(|problem| (at_line(problem), None))?;
    let Some(event) = event else {
        return Ok(LineOutcome::Blank);
    };
    let seq = record
        .append(event, clock)
        .map_err(|err| (at_line(err.message()), None))?;
    warn_after_write(record, tr);
    writeln!(out, "ok {seq}")
        .and_then(|()| out.flush())
        .map_err(|err| {
            let problem = Message::new(P::CannotWrite)
                .text("path", "stdout")
                .text("detail", err);
            (problem, Some(seq))
        })?;
    Ok(LineOutcome::Recorded(seq))
}

/// Reads one line of at most `max` bytes, without its line break: `None`
/// at the end of the input, `Err` with the bytes read so far (`max` and
/// one more) when the line is longer; the rest of such a line is not read.
fn read_bounded_line(
    input: &mut impl BufRead,
    max: usize,
) -> std::io::Result<Option<Result<Vec<u8>, Vec<u8>>>> {
    let mut line = Vec::new();
    let read = input
        .by_ref()
        .take(max as u64 + 1)
        .read_until(b'\n', &mut line)?;
    if read == 0 {
        return Ok(None);
    }
    if line.last() == Some(&b'\n') {
        line.pop();
        if line.last() == Some(&b'\r') {
            line.pop();
        }
    } else if line.len() > max {
        return Ok(Some(Err(line)));
    }
    Ok(Some(Ok(line)))
}

/// Prints the outcome of [`check_results`].
pub fn verify_results(
    results: &Path,
    record: Option<&Path>,
    code: Option<&str>,
    checkpoints: &[crate::shell::verify::NotedCheckpoint],
    tr: Tr,
) -> anyhow::Result<()> {
    let verified = crate::shell::verify::check_results(results, record, code)?;
    if verified.practice {
        say!("{}", tr.t(T::Practice));
    }
    say!(
        "{}",
        tr.f(
            T::CliResultsVerified,
            &[
                ("station", &verified.station),
                ("election", &verified.election),
                ("hash", &verified.hash),
                ("code", &verified.code),
            ]
        )
    );
    // The file lists what it lists: bound to the paper by --code, or to
    // the record by --record; said as listed, not as passed through.
    let outcomes = crate::shell::verify::checkpoints_listed(&verified.checkpoints, checkpoints);
    say_checkpoints(checkpoints, outcomes, T::CliCheckpointListed, tr)
}

/// Says of each noted checkpoint whether it passes; fails (exit 1) when
/// any does not, once every one has been said.
fn say_checkpoints(
    noted: &[crate::shell::verify::NotedCheckpoint],
    outcomes: Vec<Result<(), Message>>,
    passed: T,
    tr: Tr,
) -> anyhow::Result<()> {
    let mut failed = 0u64;
    for (n, outcome) in noted.iter().zip(outcomes) {
        match outcome {
            Ok(()) => say!(
                "{}",
                tr.f(passed, &[("seq", &tr.num(n.seq)), ("code", &n.code)])
            ),
            Err(problem) => {
                failed += 1;
                eprintln!("{}{} {}", tr.t(T::Error), tr.colon(), tr.message(&problem));
            }
        }
    }
    if failed > 0 {
        return Err(VerificationFailed(
            Message::new(P::CheckpointsFailed)
                .num("failed", failed)
                .num("noted", noted.len() as u64),
        )
        .into());
    }
    Ok(())
}

/// Prints the outcome of [`crate::shell::verify::check_qr`].
fn verify_qr(image: &Path, against: QrAgainst, tr: Tr) -> anyhow::Result<()> {
    let file = match &against {
        QrAgainst::Results(path) | QrAgainst::Commune(path, _) => path.display().to_string(),
    };
    let payload = crate::shell::verify::check_qr(image, against)?;
    if payload.practice {
        say!("{}", tr.t(T::Practice));
    }
    say!(
        "{}",
        tr.f(
            T::CliQrVerified,
            &[
                ("image", &image.display()),
                ("file", &file),
                ("station", &payload.station),
                ("hash", &payload.hash),
                ("n", &tr.num(payload.votes.len())),
            ]
        )
    );
    Ok(())
}

/// Prints the outcome of [`crate::shell::tabulate::check_commune`].
fn verify_commune(path: &Path, inputs: Inputs, tr: Tr) -> anyhow::Result<()> {
    let commune = crate::shell::tabulate::check_commune(path, &inputs)?;
    say!(
        "{}",
        tr.f(
            T::CliCommuneVerified,
            &[
                ("code", &commune.commune_code),
                ("n", &tr.num(commune.stations.len())),
                ("hash", &commune.hash()?),
            ]
        )
    );
    Ok(())
}

fn verify(
    path: &Path,
    head: Option<Hash256>,
    checkpoints: &[crate::shell::verify::NotedCheckpoint],
    tr: Tr,
) -> anyhow::Result<()> {
    let record = crate::shell::verify::check_record(path, head)?;
    let outcomes = crate::shell::verify::checkpoint_outcomes(&record, checkpoints)?;
    say!(
        "{}",
        tr.f(
            T::CliChainIntact,
            &[("n", &tr.num(record.entries())), ("head", &record.head())]
        )
    );
    if record.count().training().is_some() {
        say!("{}", tr.t(T::CliTrainingNotACount));
    }
    say_checkpoints(checkpoints, outcomes, T::CliCheckpointPassed, tr)
}
