//! The ruling log annex of the results form: every journal entry of the
//! count, one line each (entry number, time, what was done), in Khmer and
//! English. It follows the form's pages and shares their frame; the shell
//! reads the entries from the record and passes them in. A ruling, and a
//! void or dispute of one, names its ballot by the ballot number people
//! wrote on the back; the entry number stays the record's address.

use crate::domain::ballot::{BallotNumber, Numbering};
use crate::domain::criteria::CriteriaSet;
use crate::domain::party::PartyNumber;
use crate::domain::results::ResultsDocument;
use crate::domain::ruling::Ruling;
use crate::domain::seq::Seq;
use crate::i18n::bilingual::Words;
use crate::i18n::{T, Tr, VerdictNames, VerdictWording};
use crate::journal::entry::EntryBody;
use crate::journal::event::Event;
use crate::report::frame::RIGHT;
use crate::report::layout::{Flow, MARGIN, Tone, wrap};

/// The annex: its title, then a line per entry, the column headings
/// repeated on every page.
pub fn body(
    w: &Words,
    flow: &mut Flow,
    doc: &ResultsDocument,
    criteria: &CriteriaSet,
    entries: &[EntryBody],
    ballots: &Numbering,
) {
    flow.text(MARGIN, 16.0, true, Tone::Black, &w.t(T::AnnexTitle));
    flow.down(16.0);
    let zone = doc.zone();
    let time_heading = format!("{} ({})", w.t(T::AnnexTime), w.offset(&zone, doc.sealed_at));
    let header = |flow: &mut Flow| {
        flow.text(MARGIN, 9.0, true, Tone::Black, &w.t(T::Entry));
        flow.text(MARGIN + 16.0, 9.0, true, Tone::Black, &time_heading);
        flow.text(MARGIN + 52.0, 9.0, true, Tone::Black, &w.t(T::AnnexWhat));
        flow.y += 5.0;
    };
    header(flow);
    for entry in entries {
        let text = describe(w, doc, criteria, ballots, entry.seq, &entry.event);
        let lines = wrap(&text, 9.0, false, RIGHT - MARGIN - 52.0);
        let before = flow.pages.len();
        flow.need(4.4 * lines.len().max(1) as f32);
        if flow.pages.len() != before {
            header(flow);
        }
        flow.text(MARGIN, 9.0, true, Tone::Black, &entry.seq.to_string());
        flow.text(
            MARGIN + 16.0,
            9.0,
            false,
            Tone::Black,
            &w.time_in_column(&zone, entry.at, doc.sealed_at),
        );
        for line in &lines {
            flow.text(MARGIN + 52.0, 9.0, false, Tone::Black, line);
            flow.y += 4.4;
        }
        if lines.is_empty() {
            flow.y += 4.4;
        }
    }
}

/// The ballot numbers of a count read from its own entries (a review's
/// rulings, whose numbers are the original's, get none).
pub fn numbering(entries: &[EntryBody]) -> Numbering {
    let mut ballots = Numbering::default();
    for entry in entries {
        match &entry.event {
            Event::Ruling(_) => {
                ballots.ruled(entry.seq);
            }
            Event::Void { ruling_seq, .. } => ballots.voided(*ruling_seq),
            Event::Opened { .. }
            | Event::FiguresRecorded { .. }
            | Event::Review { .. }
            | Event::PileCount { .. }
            | Event::Explanation { .. }
            | Event::Dispute { .. }
            | Event::PersonPresent(_)
            | Event::PresenceWithdrawn { .. }
            | Event::Sealed(_) => {}
        }
    }
    ballots
}

/// One line of the annex for the entry at `seq`, in both languages.
pub fn describe(
    w: &Words,
    doc: &ResultsDocument,
    criteria: &CriteriaSet,
    ballots: &Numbering,
    seq: Seq,
    event: &Event,
) -> String {
    w.each(|tr| describe_in(tr, doc, criteria, ballots, seq, event))
}

/// One line of the annex for an entry, in `tr`'s language.
fn describe_in(
    tr: Tr,
    doc: &ResultsDocument,
    criteria: &CriteriaSet,
    ballots: &Numbering,
    seq: Seq,
    event: &Event,
) -> String {
    let lang = tr.lang.code();
    // The ballot of the ruling at `seq`, as written on its back.
    let ballot = |seq: Seq| {
        ballots
            .of(seq)
            .map_or("?".to_string(), |n: BallotNumber| tr.num(n))
    };
    let abbreviation = |n: u32| {
        doc.parties
            .iter()
            .find(|p| p.number == n)
            .map(|p| p.abbreviation.as_str())
    };
    let party = |n: u32| abbreviation(n).map_or(n.to_string(), |a| format!("{n} {a}"));
    let list = |parties: &[PartyNumber]| {
        parties
            .iter()
            .map(|p| p.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    // A ruling as the annex words it: the verdict, who disputed it, its note.
    let ruling_text = |r: &Ruling| {
        let names = VerdictNames {
            abbreviation: r.verdict.party().and_then(|p| abbreviation(p.0)),
            title: criteria
                .get(r.verdict.criterion())
                .map(|c| c.title.get(lang)),
        };
        let mut text = tr.verdict(&r.verdict, VerdictWording::Annex(names));
        if r.is_disputed() {
            text.push_str(&format!(
                "; {}",
                tr.f(T::DisputedBy, &[("parties", &list(&r.disputed_by))])
            ));
        }
        if let Some(note) = &r.note {
            text.push_str(&format!("; {note}"));
        }
        text
    };
    match event {
        Event::Opened {
            station_code,
            definition_hash,
            recount,
            ..
        } => {
            let opened = tr.f(
                T::AnnexOpened,
                &[
                    ("station", station_code),
                    ("hash", &definition_hash.short(16)),
                ],
            );
            match recount {
                None => opened,
                Some(b) => format!(
                    "{opened}; {}",
                    tr.f(
                        T::AnnexRecount,
                        &[
                            ("mode", &tr.recount_mode(b.mode)),
                            ("authority", &b.authority),
                            ("reason", &b.reason),
                            ("hash", &b.original_results_hash.short(16)),
                        ]
                    )
                ),
            }
        }
        Event::FiguresRecorded { figures } => {
            let parts: Vec<String> = figures
                .iter()
                .map(|(f, v)| format!("{}={v}", f.symbol()))
                .collect();
            tr.f(T::AnnexFigures, &[("figures", &parts.join(" "))])
        }
        Event::Ruling(r) => tr.f(
            T::AnnexBallot,
            &[("ballot", &ballot(seq)), ("ruling", &ruling_text(r))],
        ),
        // A ruling again in a review names the original's entry too.
        Event::Review {
            original_seq,
            ruling,
        } => tr.f(
            T::AnnexReview,
            &[
                ("ballot", &ballot(seq)),
                ("seq", original_seq),
                ("ruling", &ruling_text(ruling)),
            ],
        ),
        Event::Void { ruling_seq, reason } => tr.f(
            T::AnnexVoid,
            &[
                ("seq", ruling_seq),
                ("ballot", &ballot(*ruling_seq)),
                ("reason", reason),
            ],
        ),
        Event::PileCount { party: p, count } => {
            tr.f(T::AnnexPile, &[("party", &party(p.0)), ("n", count)])
        }
        Event::Explanation { check, text } => tr.f(
            T::AnnexExplanation,
            &[("check", &tr.check(*check)), ("text", text)],
        ),
        Event::Dispute {
            ruling_seq,
            parties,
        } => tr.f(
            T::AnnexDispute,
            &[
                ("seq", ruling_seq),
                ("ballot", &ballot(*ruling_seq)),
                ("parties", &list(parties)),
            ],
        ),
        Event::PersonPresent(p) => tr.f(
            T::AnnexPresent,
            &[("name", &p.name), ("role", &tr.role(p.role))],
        ),
        Event::PresenceWithdrawn { person_seq, reason } => tr.f(
            T::AnnexWithdrawn,
            &[("seq", person_seq), ("reason", reason)],
        ),
        Event::Sealed(seal) => {
            let names: Vec<String> = seal.signed.iter().map(|s| s.name.to_string()).collect();
            tr.f(T::AnnexSealed, &[("names", &names.join(", "))])
        }
    }
}
