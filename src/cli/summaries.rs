//! The human summaries of `polltally compare` and `polltally tabulate`, in
//! the chosen language. The JSON files are the records; these are views.

use crate::domain::comparison::{Change, Comparison};
use crate::domain::tabulation::CommuneResults;
use crate::i18n::{T, Tr};
use std::fmt::Write;

fn signed(n: i64) -> String {
    if n > 0 {
        format!("+{n}")
    } else {
        n.to_string()
    }
}

fn change_row(out: &mut String, tr: Tr, label: &str, c: &Change) {
    let _ = writeln!(
        out,
        "  {label:<24} {:>8} {:>8} {:>8}",
        tr.num(c.original),
        tr.num(c.recount),
        tr.num(signed(c.difference))
    );
}

/// The comparison of a recount with its original.
pub fn comparison_text(c: &Comparison, tr: Tr) -> String {
    let mut out = String::new();
    if c.practice {
        let _ = writeln!(out, "{}", tr.t(T::Practice));
    }
    let _ = writeln!(
        out,
        "{}",
        tr.f(
            T::CmpTitle,
            &[
                ("station", &c.station_code),
                ("mode", &tr.recount_mode(c.recount.mode)),
                ("authority", &c.recount.authority),
                ("reason", &c.recount.reason),
            ]
        )
    );
    let _ = writeln!(
        out,
        "{}",
        tr.f(
            T::CmpHashes,
            &[
                ("original", &c.original_results_hash),
                ("recount", &c.recount_results_hash),
            ]
        )
    );
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
    if c.recount.mode == crate::domain::recount::RecountMode::Review {
        let _ = writeln!(
            out,
            "{}",
            tr.f(
                T::CmpChanged,
                &[
                    ("n", &tr.num(c.changed.len())),
                    ("reviewed", &tr.num(c.reviewed)),
                ]
            )
        );
        for r in &c.changed {
            let _ = writeln!(
                out,
                "  {}",
                tr.f(
                    T::CmpChangedRuling,
                    &[
                        ("seq", &tr.num(r.original_seq)),
                        ("old", &tr.verdict(&r.original)),
                        ("new", &tr.verdict(&r.recount)),
                    ]
                )
            );
        }
    }
    let _ = writeln!(out, "{}", tr.t(T::CmpLine));
    for (i, step) in c.line.iter().enumerate() {
        let who = match &step.recount {
            None => tr.t(T::CmpFirstCount).to_string(),
            Some(b) => b.authority.clone(),
        };
        let _ = writeln!(
            out,
            "  {}. {who}: {} {}, {} {} ({})",
            tr.num(i + 1),
            tr.t(T::ValidVotes),
            tr.num(step.valid),
            tr.t(T::InvalidBallots),
            tr.num(step.invalid),
            step.results_hash.short(16)
        );
    }
    out
}

/// The commune's totals and seats.
pub fn commune_text(c: &CommuneResults, tr: Tr) -> String {
    let mut out = String::new();
    if c.practice {
        let _ = writeln!(out, "{}", tr.t(T::Practice));
    }
    let _ = writeln!(
        out,
        "{}",
        tr.f(
            T::TabTitle,
            &[
                ("commune", &c.commune.get(tr.lang.code())),
                ("code", &c.commune_code),
                ("n", &tr.num(c.stations.len())),
            ]
        )
    );
    for r in &c.replaced {
        let _ = writeln!(
            out,
            "  {}",
            tr.f(
                T::TabReplaced,
                &[
                    ("code", &r.code),
                    ("old", &r.results_hash.short(16)),
                    ("new", &r.replaced_by.short(16)),
                ]
            )
        );
    }
    match &c.missing_stations {
        Some(missing) if !missing.is_empty() => {
            let _ = writeln!(
                out,
                "{}",
                tr.f(T::TabMissing, &[("list", &missing.join(", "))])
            );
        }
        Some(_) => {
            let _ = writeln!(out, "{}", tr.t(T::TabNoneMissing));
        }
        None => {
            let _ = writeln!(out, "{}", tr.t(T::TabListUnknown));
        }
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
        let parties: Vec<String> = t.parties.iter().map(u32::to_string).collect();
        let _ = writeln!(
            out,
            "{}",
            tr.f(
                T::TabTie,
                &[
                    ("seats", &tr.num(t.seats)),
                    ("parties", &parties.join(", ")),
                    ("quotient", &t.quotient),
                ]
            )
        );
    }
    let _ = writeln!(out, "{}", tr.f(T::TabHash, &[("hash", &c.hash())]));
    out
}
