//! The human summaries of `polltally compare` and `polltally tabulate`, in
//! the chosen language. The JSON files are the records; these are views.

use crate::domain::comparison::{Change, Comparison};
use crate::domain::message::Message;
use crate::domain::recount::RecountMode;
use crate::domain::tabulation::CommuneResults;
use crate::i18n::{T, Tr};
use std::fmt::Write;

fn change_row(out: &mut String, tr: Tr, label: &str, c: &Change) {
    let _ = writeln!(
        out,
        "  {label:<24} {:>8} {:>8} {:>8}",
        tr.num(c.original),
        tr.num(c.recount),
        tr.difference(c.difference)
    );
}

/// The comparison of a recount with its original.
pub fn comparison_text(c: &Comparison, tr: Tr) -> String {
    let mut out = String::new();
    if c.practice {
        let _ = writeln!(out, "{}", tr.t(T::Practice));
    }
    let _ = writeln!(out, "{}", tr.recount_title(c));
    let hashes = tr.f(
        T::CmpHashes,
        &[
            ("original", &c.original_results_hash),
            ("recount", &c.recount_results_hash),
        ],
    );
    let _ = writeln!(out, "{hashes}");
    let _ = writeln!(
        out,
        "  {:<24} {:>8} {:>8} {:>8}",
        "",
        tr.t(T::CmpOriginal),
        tr.t(T::CmpRecount),
        tr.t(T::CmpDifference)
    );
    for p in &c.parties {
        let label = tr.f(T::CmpParty, &[("n", &p.number), ("abbr", &p.abbreviation)]);
        change_row(&mut out, tr, &label, &p.change);
    }
    change_row(&mut out, tr, tr.t(T::ValidVotes), &c.totals.valid);
    change_row(&mut out, tr, tr.t(T::InvalidBallots), &c.totals.invalid);
    change_row(&mut out, tr, tr.t(T::FigureInBox), &c.totals.in_box);
    let _ = writeln!(out, "{}", tr.t(T::CmpByCriterion));
    for k in &c.criteria {
        change_row(&mut out, tr, &k.code, &k.change);
    }
    if c.recount.mode == RecountMode::Review {
        let _ = writeln!(out, "{}", tr.changed_count(c));
        for r in &c.changed {
            let _ = writeln!(out, "  {}", tr.changed_ruling(r));
        }
    }
    let _ = writeln!(out, "{}", tr.t(T::CmpLine));
    for (i, step) in c.line.iter().enumerate() {
        let _ = writeln!(
            out,
            "  {} ({})",
            tr.line_step(i, step),
            step.results_hash.short(16)
        );
    }
    out
}

/// The commune's totals and seats.
pub fn commune_text(c: &CommuneResults, tr: Tr) -> Result<String, Message> {
    let mut out = String::new();
    if c.practice {
        let _ = writeln!(out, "{}", tr.t(T::Practice));
    }
    let _ = writeln!(out, "{}", tr.commune_title(c));
    for r in &c.replaced {
        let _ = writeln!(out, "  {}", tr.replaced(r));
    }
    let _ = writeln!(out, "{}", tr.missing_stations(c));
    for (line, _) in tr.paper(c) {
        let _ = writeln!(out, "{line}");
    }
    let _ = writeln!(
        out,
        "  {:<24} {:>10} {:>6}",
        "",
        tr.t(T::TabVotes),
        tr.t(T::TabSeats)
    );
    for p in &c.parties {
        let key = p.number.to_string();
        let label = tr.f(T::CmpParty, &[("n", &p.number), ("abbr", &p.abbreviation)]);
        let _ = writeln!(
            out,
            "  {label:<24} {:>10} {:>6}",
            tr.num(c.votes.get(&key).copied().unwrap_or(0)),
            tr.num(c.seats.get(&key).copied().unwrap_or(0))
        );
    }
    for t in &c.ties {
        let _ = writeln!(out, "{}", tr.tie(t));
    }
    let _ = writeln!(out, "{}", tr.f(T::TabHash, &[("hash", &c.hash()?)]));
    Ok(out)
}
