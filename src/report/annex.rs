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
use crate::report::layout::{Flow, GAP, MARGIN, Tone, line_height, text_width, wrap};

/// The size of the annex's text.
const SIZE: f32 = 8.5;

/// The annex: its title, then a line per entry, the column headings
/// repeated on every page. The columns are as wide as their widest cell;
/// the last one wraps, narrower beside the QR code.
pub fn body(
    w: &Words,
    flow: &mut Flow,
    doc: &ResultsDocument,
    criteria: &CriteriaSet,
    entries: &[EntryBody],
    ballots: &Numbering,
) {
    flow.paragraph(MARGIN, 14.0, true, Tone::Black, &w.t(T::AnnexTitle));
    let zone = doc.zone();
    let time_heading = format!("{} ({})", w.t(T::AnnexTime), w.offset(&zone, doc.sealed_at));
    let rows: Vec<(String, String, String)> = entries
        .iter()
        .map(|entry| {
            (
                w.num(entry.seq),
                w.time_in_column(&zone, entry.at, doc.sealed_at),
                describe(w, doc, criteria, ballots, entry.seq, &entry.event),
            )
        })
        .collect();
    let heads = [w.t(T::Entry), time_heading, w.t(T::AnnexWhat)];
    // Digits are all one width, so the longest cell is the widest: only
    // the longest of each length is shaped.
    let widest = |cells: &mut dyn Iterator<Item = &String>, bold: bool| {
        let mut longest: std::collections::BTreeMap<usize, &String> = Default::default();
        for cell in cells {
            longest.entry(cell.chars().count()).or_insert(cell);
        }
        longest
            .values()
            .rev()
            .take(2)
            .map(|c| text_width(c, SIZE, bold))
            .fold(0.0, f32::max)
    };
    // The entry and time columns hold their figures on one line; their
    // headings wrap within them.
    let entry_width = widest(&mut rows.iter().map(|r| &r.0), true).max(12.0) + GAP;
    let time_width = widest(&mut rows.iter().map(|r| &r.1), false).max(20.0) + GAP;
    let xs = [
        MARGIN,
        MARGIN + entry_width,
        MARGIN + entry_width + time_width,
    ];
    let header = |flow: &mut Flow| {
        let widths = [
            entry_width - GAP,
            time_width - GAP,
            flow.right(10.0) - xs[2],
        ];
        let lines: Vec<Vec<String>> = heads
            .iter()
            .zip(widths)
            .map(|(head, width)| wrap(head, SIZE, true, width))
            .collect();
        let tallest = lines.iter().map(Vec::len).max().unwrap_or(1);
        flow.need((tallest + 1) as f32 * line_height(SIZE));
        let top = flow.y;
        for (x, lines) in xs.iter().zip(&lines) {
            flow.y = top;
            for line in lines {
                flow.text(*x, SIZE, true, Tone::Black, line);
                flow.down(SIZE);
            }
        }
        flow.y = top + tallest as f32 * line_height(SIZE) + 1.0;
    };
    header(flow);
    for (seq, time, text) in &rows {
        let what = |width: f32| wrap(text, SIZE, false, width - xs[2]);
        let height = |lines: &[String]| line_height(SIZE) * lines.len().max(1) as f32;
        // At full width where the row stays clear of the QR code; else
        // measured beside it, where the column is narrowest.
        let mut lines = what(RIGHT);
        if flow.right(height(&lines)) < RIGHT || flow.y + height(&lines) > flow.bottom() {
            let narrowest = flow.right(f32::MAX);
            let narrow = what(narrowest);
            let before = flow.pages.len();
            flow.need(height(&narrow));
            if flow.pages.len() != before {
                header(flow);
            }
            // Laid out again only where the row lands at another width.
            let right = flow.right(height(&narrow));
            lines = if right == narrowest {
                narrow
            } else if right == RIGHT {
                lines
            } else {
                what(right)
            };
        }
        let height = height(&lines);
        let top = flow.y;
        flow.text(xs[0], SIZE, true, Tone::Black, seq);
        flow.text(xs[1], SIZE, false, Tone::Black, time);
        for line in &lines {
            flow.text(xs[2], SIZE, false, Tone::Black, line);
            flow.down(SIZE);
        }
        flow.y = top + height;
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
            | Event::Departed { .. }
            | Event::Complaint { .. }
            | Event::Sealed(_)
            | Event::TrainingAnswer { .. }
            | Event::Checkpoint
            | Event::BookSerials { .. } => {}
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
    let party = |n: u32| abbreviation(n).map_or(tr.num(n), |a| format!("{} {a}", tr.num(n)));
    let list = |parties: &[PartyNumber]| {
        parties
            .iter()
            .map(|p| tr.num(p))
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
                .map(|(f, v)| format!("{}={}", f.symbol(), tr.num(v)))
                .collect();
            tr.f(T::AnnexFigures, &[("figures", &parts.join(" "))])
        }
        Event::BookSerials { books } => {
            let parts: Vec<String> = books
                .iter()
                .map(|(book, used)| format!("{book} {}", tr.book_use(*used)))
                .collect();
            tr.f(T::AnnexBookSerials, &[("books", &parts.join(", "))])
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
                ("seq", &tr.num(original_seq)),
                ("ruling", &ruling_text(ruling)),
            ],
        ),
        Event::Void { ruling_seq, reason } => tr.f(
            T::AnnexVoid,
            &[
                ("seq", &tr.num(ruling_seq)),
                ("ballot", &ballot(*ruling_seq)),
                ("reason", reason),
            ],
        ),
        Event::PileCount { party: p, count } => tr.f(
            T::AnnexPile,
            &[("party", &party(p.0)), ("n", &tr.num(count))],
        ),
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
                ("seq", &tr.num(ruling_seq)),
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
            &[("seq", &tr.num(person_seq)), ("reason", reason)],
        ),
        Event::Departed { person_seq, reason } => tr.f(
            T::AnnexDeparted,
            &[("seq", &tr.num(person_seq)), ("reason", reason)],
        ),
        Event::Complaint { by, text, ballot } => match ballot {
            Some(ballot) => tr.f(
                T::AnnexComplaintBallot,
                &[
                    ("seq", &tr.num(by)),
                    ("ballot", &tr.num(ballot)),
                    ("text", text),
                ],
            ),
            None => tr.f(T::AnnexComplaint, &[("seq", &tr.num(by)), ("text", text)]),
        },
        Event::Sealed(seal) => {
            let names: Vec<String> = seal.signed.iter().map(|s| s.name.to_string()).collect();
            tr.f(T::AnnexSealed, &[("names", &names.join(", "))])
        }
        Event::Checkpoint => tr.t(T::AnnexCheckpoint).to_string(),
        Event::TrainingAnswer {
            member,
            card,
            verdict,
        } => tr.f(
            T::AnnexTrainingAnswer,
            &[
                ("member", member),
                ("card", &tr.num(card)),
                ("verdict", &tr.verdict(verdict, VerdictWording::Short)),
            ],
        ),
    }
}
