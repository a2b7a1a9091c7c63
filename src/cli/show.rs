//! `polltally show`: the count as a human summary or as JSON. Both are views
//! of the derived count; nothing is computed here that the core does not
//! already hold.

use crate::domain::reconciliation::{Figure, Figures};
use crate::domain::results::CheckPart;
use crate::domain::serials::SerialsPart;
use crate::i18n::{T, Tr};
use crate::store::Record;
use serde_json::{Map, Value, json};
use std::fmt::Write;

fn figure_values(figures: &Figures, valid: u64, invalid: u64) -> Map<String, Value> {
    let mut map = Map::new();
    for figure in Figure::ALL {
        map.insert(figure.key().into(), json!(figures.get(figure)));
    }
    map.insert("issued".into(), json!(figures.issued()));
    map.insert("valid".into(), json!(valid));
    map.insert("invalid".into(), json!(invalid));
    map
}

/// The JSON view. Keys are a contract: `station`, `definition_hash`,
/// `head_hash`, `entries`, `ruled`, `votes`, `invalid`, `disputed`,
/// `figures`, `checks`; and `recount` (null for a first count). `rulings`
/// lists every ruling with its `seq` and its `ballot` number; `serials`
/// every ballot book with its use (null while not given), the serials used
/// and the ballots left, and `serials.unused` (U_serial, null while a book
/// is not given).
pub fn json(record: &Record) -> Value {
    let count = record.count();
    let def = count.definition();
    let tally = count.tally();
    let votes: Map<String, Value> = tally
        .votes()
        .iter()
        .map(|(party, n)| (party.to_string(), json!(n)))
        .collect();
    let by_code = |map: &std::collections::BTreeMap<_, u64>| -> Map<String, Value> {
        map.iter()
            .map(
                |(code, n): (&crate::domain::criteria::CriterionCode, &u64)| {
                    (code.to_string(), json!(n))
                },
            )
            .collect()
    };
    let piles: Map<String, Value> = count
        .piles()
        .iter()
        .map(|(party, n)| (party.to_string(), json!(n)))
        .collect();
    // Every ruling, by its seq (the record's address) beside its ballot
    // number (the number people see).
    let rulings: Vec<Value> = count
        .rulings()
        .iter()
        .map(|(seq, r)| {
            json!({
                "seq": seq.0,
                "ballot": r.ballot.0,
                "live": r.is_live(),
                "set_aside": r.is_set_aside(),
                "review_of": r.review_of.map(|s| s.0),
            })
        })
        .collect();
    let checks: Vec<CheckPart> = count.checks().into_iter().map(CheckPart::of).collect();
    json!({
        "station": def.station.code,
        "election": def.election.id,
        "practice": def.practice,
        "time_zone": count.known_zone().map(|zone| zone.name()),
        "definition_hash": record.station().hash().to_hex(),
        "head_hash": record.head().to_hex(),
        "entries": record.entries(),
        "ruled": tally.ruled(),
        "voided": count.voided(),
        "next_ballot": count.next_ballot().0,
        "rulings": rulings,
        "votes": votes,
        "invalid": by_code(tally.invalid()),
        "valid_by_criterion": by_code(tally.valid_by_criterion()),
        "disputed": tally.disputed(),
        "figures": figure_values(count.figures(), tally.valid_total(), tally.invalid_total()),
        "registered_voters": def.registered_voters,
        "ballots_in_books": def.ballots_in_books(),
        "pile_counts": piles,
        "checks": checks,
        "checkpoint_every": count.checkpoint_every(),
        "checkpoints": count.checkpoints().iter().map(|c| json!({
            "seq": c.seq.0,
            "ballot": c.ballot.map(|b| b.0),
            "code": c.hash.as_ref().map(crate::domain::short_code::checkpoint_code),
            "asked": c.asked,
        })).collect::<Vec<_>>(),
        "serials": SerialsPart::of(def, count.book_serials()),
        "presence": crate::domain::results::presence_of(count),
        "complaints": crate::domain::results::complaints_of(count),
        "recount": count.recount().map(|state| json!({
            "original_results_hash": state.binding.original_results_hash.to_hex(),
            "authority": state.binding.authority,
            "reason": state.binding.reason,
            "mode": state.binding.mode.key(),
            "carried_over": state.carried,
            "under_review": state.to_review.keys().map(|s| s.0).collect::<Vec<_>>(),
            "under_review_ballots": state.to_review.values().map(|r| r.ballot.0).collect::<Vec<_>>(),
            "reviewed": state.reviewed.keys().map(|s| s.0).collect::<Vec<_>>(),
            "reviewed_ballots": state
                .reviewed
                .keys()
                .filter_map(|s| state.to_review.get(s).map(|r| r.ballot.0))
                .collect::<Vec<_>>(),
        })),
    })
}

/// The human summary, in the language of `tr`.
pub fn summary(record: &Record, tr: Tr) -> String {
    let count = record.count();
    let def = count.definition();
    let tally = count.tally();
    let lang = tr.lang.code();
    let mut s = String::new();
    // Writing to a String cannot fail.
    let mut line = |text: String| {
        let _ = writeln!(s, "{text}");
    };
    if def.practice {
        line(tr.t(T::Practice).into());
    }
    if let Some(state) = count.recount() {
        let b = &state.binding;
        line(format!(
            "{}{} {}",
            tr.t(T::FormRecount),
            tr.colon(),
            tr.f(
                T::FormRecountOf,
                &[
                    ("mode", &tr.recount_mode(b.mode)),
                    ("authority", &b.authority),
                    ("reason", &b.reason),
                ],
            )
        ));
        line(format!(
            "{}{} {}",
            tr.t(T::FormOriginalResults),
            tr.colon(),
            b.original_results_hash
        ));
        if b.mode == crate::domain::recount::RecountMode::Review {
            line(tr.f(
                T::ReviewProgress,
                &[
                    ("done", &tr.num(state.reviewed.len())),
                    ("of", &tr.num(state.to_review.len())),
                ],
            ));
        }
    }
    let zone = count.zone();
    if let Some((seq, seal)) = count.seal() {
        line(tr.f(
            T::SealedAtEntry,
            &[("seq", &tr.num(seq)), ("at", &tr.time(&zone, seal.at))],
        ));
        let deadline = zone.complaint_deadline(seal.at, def.complaint_days);
        line(tr.f(
            T::ComplaintsUntil,
            &[("deadline", &tr.time(&zone, deadline.ends))],
        ));
    }
    line(format!(
        "{}{} {}  {}",
        tr.t(T::Station),
        tr.colon(),
        def.station.code,
        def.station.name.get(lang)
    ));
    line(format!(
        "{}{} {}  {}  {}",
        tr.t(T::Election),
        tr.colon(),
        def.election.id,
        def.election.name.get(lang),
        tr.num(def.election.date)
    ));
    line(format!("{}{} {zone}", tr.t(T::TimeZone), tr.colon()));
    line(format!(
        "{}{} {}",
        tr.t(T::DefinitionHash),
        tr.colon(),
        record.station().hash()
    ));
    line(tr.f(
        T::SummaryJournal,
        &[("entries", &record.entries()), ("head", &record.head())],
    ));
    line(tr.f(
        T::SummaryRulings,
        &[
            ("live", &tally.ruled()),
            ("voided", &count.voided()),
            ("disputed", &tally.disputed()),
        ],
    ));
    line(String::new());
    line(tr.t(T::FiguresTitle).into());
    line(format!(
        "  Reg {:<44} {:>7}",
        tr.t(T::RegisteredVoters),
        tr.num(def.registered_voters)
    ));
    for figure in Figure::ALL {
        line(format!(
            "  {:<3} {:<44} {:>7}",
            figure.symbol(),
            tr.figure(figure),
            count
                .figures()
                .get(figure)
                .map_or("-".into(), |v| tr.num(v))
        ));
    }
    line(format!(
        "  I   {:<44} {:>7}",
        tr.t(T::FigureIssued),
        count.figures().issued().map_or("-".into(), |v| tr.num(v))
    ));
    line(format!(
        "  P   {:<44} {:>7}",
        tr.t(T::ValidVotes),
        tr.num(tally.valid_total())
    ));
    line(format!(
        "  X   {:<44} {:>7}",
        tr.t(T::InvalidBallots),
        tr.num(tally.invalid_total())
    ));
    line(String::new());
    line(tr.t(T::BooksTitle).into());
    let serials = SerialsPart::of(def, count.book_serials());
    for book in &serials.books {
        line(format!(
            "  {:<12} {:<24} {}",
            book.book,
            tr.f(
                T::BookSerials,
                &[
                    ("first", &tr.num(book.first_serial)),
                    ("last", &tr.num(book.last_serial))
                ]
            ),
            tr.book_range(book)
        ));
    }
    line(format!(
        "  U   {:<44} {:>7}",
        tr.t(T::UnusedBySerial),
        serials.unused.map_or("-".into(), |v| tr.num(v))
    ));
    line(String::new());
    line(tr.t(T::VotesPerParty).into());
    for party in &def.parties {
        let pile = count.piles().get(&party.number);
        line(format!(
            "  {:>3} {:<6} {:<40} {:>7}{}",
            party.number,
            party.abbreviation,
            party.name.get(lang),
            tr.num(tally.votes_for(party.number)),
            pile.map_or(String::new(), |p| format!(
                "   {} {}",
                tr.t(T::PileCount),
                tr.num(p)
            ))
        ));
    }
    line(String::new());
    line(tr.t(T::InvalidPerCriterion).into());
    for criterion in def.criteria.of(crate::domain::criteria::Validity::Invalid) {
        line(format!(
            "  {:<4} {:<40} {:>7}",
            criterion.code,
            criterion.title.get(lang),
            tr.num(tally.invalid().get(&criterion.code).copied().unwrap_or(0))
        ));
    }
    line(String::new());
    line(tr.t(T::ChecksTitle).into());
    for check in count.checks() {
        line(format!(
            "  {:<16} {}",
            check.name.to_string(),
            tr.status(check.status)
        ));
        if let Some(text) = &check.explanation {
            line(format!(
                "                   {}: {text}",
                tr.t(T::Explanation)
            ));
        }
    }
    s
}
