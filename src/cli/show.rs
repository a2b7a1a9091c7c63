//! `polltally show`: the count as a human summary or as JSON. Both are views
//! of the derived count; nothing is computed here that the core does not
//! already hold.

use crate::domain::reconciliation::{Figure, Figures};
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
/// `figures`, `checks`.
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
    let checks: Vec<Value> = count
        .checks()
        .iter()
        .map(|c| {
            json!({
                "name": c.name.to_string(),
                "status": c.status.word(),
                "difference": c.status.difference(),
                "explanation": c.explanation,
            })
        })
        .collect();
    let voided = count
        .rulings()
        .values()
        .filter(|r| r.voided_by.is_some())
        .count();
    json!({
        "station": def.station.code,
        "election": def.election.id,
        "practice": def.practice,
        "definition_hash": record.station().hash().to_hex(),
        "head_hash": record.head().to_hex(),
        "entries": record.entries(),
        "ruled": tally.ruled(),
        "voided": voided,
        "votes": votes,
        "invalid": by_code(tally.invalid()),
        "valid_by_criterion": by_code(tally.valid_by_criterion()),
        "disputed": tally.disputed(),
        "figures": figure_values(count.figures(), tally.valid_total(), tally.invalid_total()),
        "registered_voters": def.registered_voters,
        "ballots_in_books": def.ballots_in_books(),
        "pile_counts": piles,
        "checks": checks,
    })
}

fn or_dash(value: Option<impl ToString>) -> String {
    value.map_or_else(|| "-".to_string(), |v| v.to_string())
}

/// The human summary.
pub fn summary(record: &Record) -> String {
    let count = record.count();
    let def = count.definition();
    let tally = count.tally();
    let mut s = String::new();
    // Writing to a String cannot fail.
    let mut line = |text: String| {
        let _ = writeln!(s, "{text}");
    };
    if def.practice {
        line("PRACTICE - NOT AN OFFICIAL RESULT".into());
    }
    line(format!(
        "Station        {}  {}",
        def.station.code,
        def.station.name.get("en")
    ));
    line(format!(
        "Election       {}  {}  {}",
        def.election.id,
        def.election.name.get("en"),
        def.election.date
    ));
    line(format!("Definition     {}", record.station().hash()));
    line(format!(
        "Journal        {} entries, head {}",
        record.entries(),
        record.head()
    ));
    let voided = count
        .rulings()
        .values()
        .filter(|r| r.voided_by.is_some())
        .count();
    line(format!(
        "Rulings        {} live, {} voided, {} disputed",
        tally.ruled(),
        voided,
        tally.disputed()
    ));
    line(String::new());
    line("Figures".into());
    line(format!(
        "  Reg registered_voters  {:>7}",
        def.registered_voters
    ));
    for figure in Figure::ALL {
        line(format!(
            "  {:<3} {:<17} {:>7}",
            figure.symbol(),
            figure.key(),
            or_dash(count.figures().get(figure))
        ));
    }
    line(format!(
        "  I   issued            {:>7}",
        or_dash(count.figures().issued())
    ));
    line(format!(
        "  ΣP  valid             {:>7}",
        tally.valid_total()
    ));
    line(format!(
        "  X   invalid           {:>7}",
        tally.invalid_total()
    ));
    line(String::new());
    line("Votes".into());
    for party in &def.parties {
        let pile = count.piles().get(&party.number);
        line(format!(
            "  {:>3} {:<6} {:<40} {:>7}{}",
            party.number,
            party.abbreviation,
            party.name.get("en"),
            tally.votes_for(party.number),
            pile.map_or(String::new(), |p| format!("   pile {p}"))
        ));
    }
    line(String::new());
    line("Invalid".into());
    for criterion in def.criteria.of(crate::domain::criteria::Validity::Invalid) {
        line(format!(
            "  {:<4} {:<40} {:>7}",
            criterion.code,
            criterion.title.get("en"),
            tally.invalid().get(&criterion.code).copied().unwrap_or(0)
        ));
    }
    line(String::new());
    line("Checks".into());
    for check in count.checks() {
        let status = match check.status.difference() {
            Some(d) if d != 0 => format!("{} by {d:+}", check.status.word()),
            _ => check.status.word().to_string(),
        };
        line(format!("  {:<16} {status}", check.name.to_string()));
        if let Some(text) = &check.explanation {
            line(format!("                   explained: {text}"));
        }
    }
    s
}
