//! `polltally train`: a training round from the command line. `deck` makes
//! the TRAINING record, `answers` records one member's rulings from
//! standard input, `score` prints the scores and the agreement, `report`
//! writes the trainer's report.

use super::{open_to_write, record_lines, start_mirror, warn_after_write};
use crate::cli::args::TrainCommand;
use crate::domain::free_text::FreeText;
use crate::domain::message::{Explain, Message, P};
use crate::domain::practice::{Scores, score};
use crate::domain::rule_line::parse_rule_line;
use crate::domain::station::StationDefinition;
use crate::domain::time::Clock;
use crate::domain::training::{Training, TrainingSpec};
use crate::i18n::{T, Tr};
use crate::journal::event::Event;
use crate::shell::files::{Output, check_outputs, write_output};
use crate::shell::training::{report_pdf, training_of};
use crate::store::Record;
use std::path::Path;

/// Runs one `train` step.
pub fn run(
    command: TrainCommand,
    tr: Tr,
    mirror: Option<&Path>,
    clock: &dyn Clock,
) -> anyhow::Result<()> {
    match command {
        TrainCommand::Deck {
            station,
            record,
            cards,
            seed,
            mix,
            trainer,
        } => {
            // A seed from the clock is a number of seconds: below 2^53.
            let seed = seed.unwrap_or_else(|| clock.now().unix_seconds().unsigned_abs());
            let spec = TrainingSpec::new(seed, cards, &mix.unwrap_or_default(), trainer);
            let station = crate::shell::files::read_station(&station)?;
            // Refused before any file is made.
            spec.deck(station.definition())
                .map_err(|err| err.message())?;
            let mut made = Record::create_training(&record, station, spec, clock)?;
            warn_after_write(&made, tr);
            start_mirror(&mut made, mirror, tr)?;
            let def = made.count().definition();
            say!(
                "{}",
                tr.f(
                    T::CliTrainingCreated,
                    &[
                        ("path", &record.display()),
                        ("cards", &cards),
                        ("seed", &seed),
                        ("station", &def.station.code),
                    ]
                )
            );
            Ok(())
        }
        TrainCommand::Answers {
            record,
            member,
            from,
        } => answers(&record, &member, from, tr, mirror, clock),
        TrainCommand::Score { record, json } => {
            let record = Record::open_read(&record)?;
            let training = training_of(&record)?;
            let def = record.count().definition();
            let scores = score(&training.deck, &training.answers());
            if json {
                say!(
                    "{}",
                    serde_json::to_string_pretty(&score_json(def, training, &scores))?
                );
            } else {
                say_raw!("{}", score_text(def, training, &scores, tr));
            }
            Ok(())
        }
        TrainCommand::Report { record, out, force } => {
            let inputs = [record.clone()];
            let output = Output::cli(&out, "--out", force, &inputs);
            check_outputs(&[output])?;
            let record = Record::open_read(&record)?;
            let bytes = report_pdf(&record)?;
            write_output(output, &bytes)?;
            say!(
                "{}",
                tr.f(T::CliTrainingReport, &[("path", &out.display())])
            );
            Ok(())
        }
    }
}

/// Records `member`'s rulings, one card a line from `from` on.
fn answers(
    path: &Path,
    member: &FreeText,
    from: Option<u32>,
    tr: Tr,
    mirror: Option<&Path>,
    clock: &dyn Clock,
) -> anyhow::Result<()> {
    let mut record = open_to_write(path, tr, mirror)?;
    let training = training_of(&record)?;
    // A member who has answered goes on from their first card not ruled;
    // ruling a card again (`--from`) replaces their answer, which is said,
    // in case the name is another member's.
    let known = training.member(member.as_str());
    let from = match (from, known) {
        (Some(from), _) => from,
        (None, None) => 1,
        (None, Some(known)) => match known.next_card() {
            Some(next) => next,
            None => {
                return Err(Message::new(P::MemberRuledAll)
                    .text("member", &known.member)
                    .num("cards", training.deck.cards.len() as u64)
                    .at("member")
                    .into());
            }
        },
    };
    if let Some(known) = known.filter(|k| k.next_card() != Some(from)) {
        eprintln!(
            "{}",
            tr.f(
                T::CliTrainingMemberKnown,
                &[
                    ("member", &known.member),
                    ("ruled", &tr.num(known.ruled())),
                    ("cards", &tr.num(training.deck.cards.len())),
                ]
            )
        );
    }
    let mut card = from;
    let member = member.trimmed();
    let mut answer = |line: &str, record: &Record| -> Result<Option<Event>, Message> {
        if line.trim().is_empty() {
            return Ok(None);
        }
        let this = card;
        card = card.saturating_add(1);
        if line.trim() == "-" {
            return Ok(None);
        }
        let Some(request) = parse_rule_line(line)? else {
            return Ok(None);
        };
        if !request.disputed_by.is_empty() {
            return Err(Message::new(P::NoDisputeInTraining));
        }
        let verdict = request
            .resolve(record.count().definition())
            .map_err(|err| err.message())?
            .verdict;
        Ok(Some(Event::TrainingAnswer {
            member: member.clone(),
            card: this,
            verdict,
        }))
    };
    record_lines(&mut record, tr, clock, &mut answer)
}

/// A kappa as printed: two decimals, or a dash where it is undefined.
pub fn kappa_text(kappa: Option<f64>) -> String {
    kappa.map_or_else(|| "-".to_string(), |k| format!("{k:.2}"))
}

/// The scores in words, for the terminal.
pub fn score_text(def: &StationDefinition, training: &Training, scores: &Scores, tr: Tr) -> String {
    let mut out = String::new();
    let mut line = |text: String| {
        out.push_str(&text);
        out.push('\n');
    };
    line(tr.f(
        T::CliTrainingHeading,
        &[
            ("station", &def.station.code),
            ("cards", &tr.num(training.deck.cards.len())),
            ("seed", &training.spec.seed),
        ],
    ));
    if scores.members.is_empty() {
        line(tr.t(T::TrainingNoAnswers).to_string());
    }
    for m in &scores.members {
        let per: Vec<String> = m
            .per_criterion
            .iter()
            .map(|(code, cards, correct)| format!("{code} {}/{}", tr.num(correct), tr.num(cards)))
            .collect();
        line(tr.f(
            T::CliTrainingMember,
            &[
                ("member", &m.member),
                ("correct", &tr.num(m.correct)),
                ("cards", &tr.num(training.deck.cards.len())),
                ("ruled", &tr.num(m.ruled)),
                ("per", &per.join(", ")),
            ],
        ));
    }
    match &scores.agreement {
        Some(a) => line(tr.f(
            T::TrainingKappa,
            &[
                ("kappa", &kappa_text(a.kappa)),
                ("ballots", &tr.num(a.subjects)),
                ("raters", &tr.num(a.raters)),
            ],
        )),
        None => line(tr.t(T::TrainingNoKappa).to_string()),
    }
    if !scores.left_out.is_empty() {
        line(tr.f(
            T::TrainingLeftOut,
            &[(
                "members",
                &tr.left_out(&scores.left_out, training.deck.cards.len()),
            )],
        ));
    }
    if !scores.by_criterion.is_empty() {
        let per: Vec<String> = scores
            .by_criterion
            .iter()
            .map(|(code, k)| format!("{code} {}", kappa_text(*k)))
            .collect();
        line(tr.f(T::TrainingKappaPer, &[("per", &per.join(", "))]));
    }
    if !scores.disagreements.is_empty() {
        line(tr.f(
            T::TrainingDisagreed,
            &[("n", &tr.num(scores.disagreements.len()))],
        ));
    }
    for d in &scores.disagreements {
        let rulings: Vec<String> = d
            .rulings
            .iter()
            .map(|(member, ruling)| {
                let said = ruling.as_ref().map_or_else(
                    || tr.t(T::TrainingNotRuled).to_string(),
                    |v| tr.verdict_in(def, v),
                );
                format!("{member}: {said}")
            })
            .collect();
        line(tr.f(
            T::CliTrainingCard,
            &[
                ("card", &tr.num(d.card)),
                ("expected", &tr.verdict_in(def, &d.expected)),
                ("rulings", &rulings.join("; ")),
            ],
        ));
    }
    out
}

/// The scores as JSON, for scripts.
pub fn score_json(
    def: &StationDefinition,
    training: &Training,
    scores: &Scores,
) -> serde_json::Value {
    use serde_json::json;
    let verdict = |v: &crate::domain::ruling::Verdict| serde_json::to_value(v).unwrap_or_default();
    json!({
        "training": true,
        "election_id": def.election.id.to_string(),
        "station_code": def.station.code.to_string(),
        "seed": training.spec.seed,
        "cards": training.deck.cards.len(),
        "mix": training.spec.mix,
        "trainer": training.spec.trainer,
        "members": scores.members.iter().map(|m| json!({
            "member": m.member,
            "ruled": m.ruled,
            "correct": m.correct,
            "per_criterion": m.per_criterion.iter().map(|(code, cards, correct)| json!({
                "criterion": code.to_string(),
                "cards": cards,
                "correct": correct,
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "agreement": scores.agreement.as_ref().map(|a| json!({
            "kappa": a.kappa,
            "ballots": a.subjects,
            "raters": a.raters,
            "observed": a.observed,
            "by_chance": a.by_chance,
        })),
        "left_out": scores.left_out.iter().map(|(member, ruled)| json!({
            "member": member,
            "ruled": ruled,
        })).collect::<Vec<_>>(),
        "by_criterion": scores.by_criterion.iter().map(|(code, kappa)| json!({
            "criterion": code.to_string(),
            "kappa": kappa,
        })).collect::<Vec<_>>(),
        "disagreements": scores.disagreements.iter().map(|d| json!({
            "card": d.card,
            "expected": verdict(&d.expected),
            "rulings": d.rulings.iter().map(|(member, ruling)| json!({
                "member": member,
                "ruling": ruling.as_ref().map(verdict),
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}
