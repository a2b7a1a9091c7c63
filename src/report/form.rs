//! The results form (Cambodia's form 1102): the sections of a sealed count's
//! results document laid out as pages, then, when asked, the ruling log
//! annex, and the frame on every page. Pure: values in, pages out; the PDF
//! renderer only draws them.

use crate::domain::ballot::Numbering;
use crate::domain::criteria::CriteriaSet;
use crate::domain::hash::grouped;
use crate::domain::message::Message;
use crate::domain::reconciliation::{CheckName, CheckStatus};
use crate::domain::results::{CheckPart, ResultsDocument};
use crate::i18n::T;
use crate::i18n::bilingual::Words;
use crate::journal::entry::EntryBody;
use crate::report::frame::{Footer, Frame, RIGHT};
use crate::report::layout::{
    Flow, Item, MARGIN, PAGE_WIDTH, Page, Tone, fit_size, line_height, text_width, wrap,
};
use crate::report::{Copy, annex, qr, words};

/// The height of a party's row.
const ROW: f32 = 5.4;
/// The height of a row of figures.
const FIGURE_ROW: f32 = 4.0;

/// The results form of a sealed count, one copy; then, if given, the ruling
/// log annex. Every page carries the footer (station, definition hash,
/// results hash and short code, page n of m, QR code).
pub fn pages(
    w: &Words,
    doc: &ResultsDocument,
    copy: Copy,
    criteria: &CriteriaSet,
    annex: Option<(&[EntryBody], &Numbering)>,
) -> Result<Vec<Page>, Message> {
    let hash = doc.hash()?;
    let mut flow = Flow::new();
    body(w, &mut flow, doc, criteria);
    if let Some((entries, ballots)) = annex {
        flow.new_page();
        annex::body(w, &mut flow, doc, criteria, entries, ballots);
    }
    let qr = qr::modules(&qr::payload(doc, &hash));
    let frame = Frame {
        top: format!("{} | {}", doc.station.code, doc.election.id),
        label: Some(w.t(copy.label())),
        practice: doc.practice,
        footer: Footer::Results {
            station: doc.station.code.as_str(),
            definition_hash: &doc.definition_hash,
            results_hash: &hash,
            destination: w.t(copy.destination()),
            qr: qr.as_ref(),
        },
    };
    let mut pages = flow.pages;
    frame.apply(w, &mut pages);
    Ok(pages)
}

/// The form's sections, top to bottom.
fn body(w: &Words, flow: &mut Flow, doc: &ResultsDocument, criteria: &CriteriaSet) {
    flow.heading(w.km(T::FormTitle), w.en(T::FormTitle), 15.0);
    recount(w, flow, doc);
    identity(w, flow, doc);
    votes(w, flow, doc);
    figures(w, flow, doc, criteria);
    checks(w, flow, doc);
    signatures(w, flow, doc);
}

/// Wrapped text from `x` to the right margin, in black.
fn paragraph(flow: &mut Flow, x: f32, size: f32, bold: bool, text: &str) {
    flow.paragraph(x, size, bold, Tone::Black, text);
}

/// On a recount's form: RECOUNT, who ordered it and why, and the hash of
/// the results it recounts.
fn recount(w: &Words, flow: &mut Flow, doc: &ResultsDocument) {
    let Some(recount) = &doc.recount else {
        return;
    };
    flow.text(MARGIN, 13.0, true, Tone::Red, &w.t(T::FormRecount));
    flow.down(13.0);
    let of = w.each(|tr| {
        tr.f(
            T::FormRecountOf,
            &[
                ("mode", &tr.recount_mode(recount.mode)),
                ("authority", &recount.authority),
                ("reason", &recount.reason),
            ],
        )
    });
    paragraph(flow, MARGIN, 9.0, true, &of);
    paragraph(
        flow,
        MARGIN,
        9.0,
        false,
        &format!(
            "{}: {}",
            w.t(T::FormOriginalResults),
            grouped(&recount.original_results_hash.to_hex())
        ),
    );
}

/// The election, the station and its commune, and until when a complaint
/// can be made.
fn identity(w: &Words, flow: &mut Flow, doc: &ResultsDocument) {
    let identity = [
        (
            T::Election,
            format!(
                "{} ({}), {}",
                w.name(&doc.election.name),
                doc.election.id,
                doc.election.date
            ),
        ),
        (
            T::Station,
            format!("{} {}", doc.station.code, w.name(&doc.station.name)),
        ),
        (
            T::Commune,
            format!(
                "{} ({}), {} {}, {} {}",
                w.name(&doc.station.commune),
                doc.station.commune_code,
                &w.t(T::District),
                w.name(&doc.station.district),
                &w.t(T::Province),
                w.name(&doc.station.province)
            ),
        ),
    ];
    for (label, value) in identity {
        flow.text(MARGIN, 9.0, true, Tone::Black, &w.t(label));
        paragraph(flow, MARGIN + 42.0, 9.0, false, &value);
    }
    let zone = doc.zone();
    let (deadline, sealed) = (
        w.time(&zone, doc.complaint_deadline_end()),
        w.time(&zone, doc.sealed_at),
    );
    let complaint = w.each(|tr| {
        tr.f(
            T::FormComplaint,
            &[
                ("date", &deadline),
                ("sealed", &sealed),
                ("days", &w.num(doc.complaint_days)),
                ("commune", &doc.station.commune.get(tr.lang.code())),
            ],
        )
    });
    paragraph(flow, MARGIN, 9.0, true, &complaint);
    flow.y += 1.0;
    flow.rule();
}

/// Votes per party, in ballot order, in digits and in words; then the
/// valid votes.
fn votes(w: &Words, flow: &mut Flow, doc: &ResultsDocument) {
    flow.need(12.0);
    flow.text(MARGIN, 12.0, true, Tone::Black, &w.t(T::VotesPerParty));
    flow.down(12.0);
    let votes_right = MARGIN + 124.0;
    for (i, party) in doc.parties.iter().enumerate() {
        flow.need(7.0);
        if i % 2 == 0 {
            let y = flow.y - 0.8;
            flow.push(Item::Fill {
                x: MARGIN,
                y,
                w: PAGE_WIDTH - 2.0 * MARGIN,
                h: ROW,
                tone: Tone::Shade,
            });
        }
        let n = doc.votes_for(party.number);
        flow.text(
            MARGIN + 1.0,
            12.0,
            true,
            Tone::Black,
            &party.number.to_string(),
        );
        flow.text(
            MARGIN + 9.0,
            9.5,
            false,
            Tone::Black,
            &format!("{}  {}", party.abbreviation, w.name(&party.name)),
        );
        flow.text_right(votes_right, 14.0, true, &w.num(n));
        flow.text(
            votes_right + 3.0,
            8.0,
            false,
            Tone::Black,
            &format!("{} / {}", words::khmer(n), words::english(n)),
        );
        flow.y += ROW;
    }
    flow.need(7.0);
    flow.text(MARGIN + 9.0, 11.0, true, Tone::Black, &w.t(T::ValidVotes));
    flow.text_right(votes_right, 14.0, true, &w.num(doc.figures.valid));
    flow.text(
        votes_right + 3.0,
        8.0,
        false,
        Tone::Black,
        &format!(
            "{} / {}",
            words::khmer(doc.figures.valid),
            words::english(doc.figures.valid)
        ),
    );
    flow.y += 7.0;
    flow.rule();
}

/// One row of the figures: its key, its label in Khmer then English, and
/// the figure.
type FigureRow = (String, String, String);

/// Two columns: the counted figures on the left; valid and invalid ballots,
/// invalid per criterion and disputes on the right.
fn figures(w: &Words, flow: &mut Flow, doc: &ResultsDocument, criteria: &CriteriaSet) {
    let (mut left, mut right) = figure_rows(w, doc, criteria);
    let rows = left.len().max(right.len());
    left.resize(rows, (String::new(), String::new(), String::new()));
    right.resize(rows, (String::new(), String::new(), String::new()));
    let column = (RIGHT - MARGIN) / 2.0;
    flow.need(line_height(9.5) + rows as f32 * FIGURE_ROW);
    // Each column's heading is set smaller when it would run into the next.
    for (x, key) in [
        (MARGIN, T::FiguresTitle),
        (MARGIN + column + 3.0, T::InvalidPerCriterion),
    ] {
        let text = w.t(key);
        let size = fit_size(&text, 9.5, true, column - 4.0);
        flow.text(x, size, true, Tone::Black, &text);
    }
    flow.down(9.5);
    for (l, r) in left.iter().zip(&right) {
        for (x, (key, label, value)) in [(MARGIN, l), (MARGIN + column + 3.0, r)] {
            if key.is_empty() && label.is_empty() {
                continue;
            }
            flow.text(x, 8.5, true, Tone::Black, key);
            // A long label is set smaller so that it stops before the figure.
            let room = column - 8.0 - 16.0;
            let size = (7.0 * room / text_width(label, 7.0, false).max(0.1)).clamp(5.0, 7.0);
            flow.text(x + 8.0, size, false, Tone::Black, label);
            flow.text_right(x + column - 5.0, 10.5, true, &w.num(value));
        }
        flow.y += FIGURE_ROW;
    }
    flow.rule();
}

/// The rows of the two figure columns, left and right.
fn figure_rows(
    w: &Words,
    doc: &ResultsDocument,
    criteria: &CriteriaSet,
) -> (Vec<FigureRow>, Vec<FigureRow>) {
    let f = &doc.figures;
    let figures: Vec<(&str, T, String)> = vec![
        (
            "Reg",
            T::RegisteredVoters,
            doc.registered_voters.to_string(),
        ),
        ("R", T::FigureReceived, f.received.to_string()),
        ("U", T::FigureUnused, f.unused.to_string()),
        ("S", T::FigureSpoiled, f.spoiled.to_string()),
        ("I", T::FigureIssued, f.issued.to_string()),
        ("V", T::FigureVotersMarked, f.voters_marked.to_string()),
        ("T", T::FigureSupplementary, f.supplementary.to_string()),
        ("D", T::FigureTemporaryId, f.temporary_id.to_string()),
        ("B", T::FigureInBox, f.in_box.to_string()),
        ("P", T::ValidVotes, f.valid.to_string()),
        ("X", T::InvalidBallots, f.invalid.to_string()),
    ];
    let rows = |on_right: bool| -> Vec<FigureRow> {
        figures
            .iter()
            .filter(|(symbol, _, _)| matches!(*symbol, "P" | "X") == on_right)
            .map(|(symbol, label, value)| {
                (
                    symbol.to_string(),
                    format!("{} / {}", w.km(*label), w.en(*label)),
                    value.clone(),
                )
            })
            .collect()
    };
    let left = rows(false);
    let mut right = rows(true);
    for (code, n) in &doc.invalid {
        let title = |lang: &str| {
            criteria
                .find(code)
                .and_then(|c| c.title.exactly(lang).map(str::to_string))
                .unwrap_or_default()
        };
        right.push((
            code.clone(),
            format!("{} / {}", title("km"), title("en")),
            n.to_string(),
        ));
    }
    right.push((
        String::new(),
        w.t(T::DisputedRulings),
        doc.disputed.to_string(),
    ));
    (left, right)
}

/// Checks, with their differences and explanations. Cross-checks that hold,
/// or whose pile was not counted, take one line each group; checks that
/// differ are listed one by one.
fn checks(w: &Words, flow: &mut Flow, doc: &ResultsDocument) {
    flow.need(line_height(12.0) + 5.0);
    flow.text(MARGIN, 12.0, true, Tone::Black, &w.t(T::ChecksTitle));
    flow.down(12.0);
    // Cross-checks that hold, or whose pile was not counted, take one line
    // each group; checks that differ are listed one by one.
    let cross_party = |c: &CheckPart| match c.name {
        CheckName::CrossCheck(party) => Some(party),
        _ => None,
    };
    let group = |status: CheckStatus| -> Vec<String> {
        doc.checks
            .iter()
            .filter(|c| c.status == status)
            .filter_map(|c| cross_party(c).map(|p| p.to_string()))
            .collect()
    };
    let (cross_holding, cross_pending) = (group(CheckStatus::Holds), group(CheckStatus::Pending));
    let differs = |c: &CheckPart| matches!(c.status, CheckStatus::Differs(_));
    let shown = doc
        .checks
        .iter()
        .filter(|c| cross_party(c).is_none() || differs(c));
    // Each check: its name and status in both languages, then any
    // explanation beneath.
    let status_x = MARGIN + 112.0;
    for check in shown {
        let name = w.check(check);
        let status = w.status(check);
        let explanation = check.explanation.as_deref().unwrap_or("");
        let lines = wrap(explanation, 9.0, false, RIGHT - MARGIN - 6.0);
        flow.need(4.4 + 4.2 * lines.len() as f32);
        let tone = if differs(check) {
            Tone::Red
        } else {
            Tone::Black
        };
        let size = fit_size(&name, 9.0, false, status_x - MARGIN - 2.0);
        flow.text(MARGIN, size, false, Tone::Black, &name);
        let size = fit_size(&status, 9.0, true, RIGHT - status_x);
        flow.text(status_x, size, true, tone, &status);
        flow.y += 4.4;
        for line in &lines {
            flow.text(MARGIN + 6.0, 9.0, false, Tone::Black, line);
            flow.y += 4.2;
        }
    }
    for (parties, key) in [
        (cross_holding, T::FormCrossHold),
        (cross_pending, T::FormCrossPending),
    ] {
        if !parties.is_empty() {
            flow.need(5.0);
            flow.text(
                MARGIN,
                9.0,
                false,
                Tone::Black,
                &w.f(key, &[("parties", &parties.join(", "))]),
            );
            flow.y += 4.2;
        }
    }
    flow.rule();
}

/// Who signed, and who refused and why; the block stays together on one
/// page.
fn signatures(w: &Words, flow: &mut Flow, doc: &ResultsDocument) {
    let refusal = |reason: &str| {
        wrap(
            &format!("{}: {}", &w.t(T::FormRefused), reason),
            9.0,
            false,
            80.0,
        )
    };
    let refusal_lines: usize = doc.refused.iter().map(|r| refusal(&r.reason).len()).sum();
    flow.need(line_height(12.0) + 5.0 * doc.signed.len() as f32 + 5.0 * refusal_lines as f32);
    flow.text(MARGIN, 12.0, true, Tone::Black, &w.t(T::FormSignatures));
    flow.down(12.0);
    for s in &doc.signed {
        flow.need(5.0);
        flow.text(
            MARGIN,
            10.0,
            false,
            Tone::Black,
            &format!("{} ({})", s.name, s.role),
        );
        flow.text(MARGIN + 104.0, 10.0, true, Tone::Black, &w.t(T::FormSigned));
        flow.y += 5.0;
    }
    for r in &doc.refused {
        let lines = refusal(&r.reason);
        flow.need(5.0 * lines.len() as f32);
        flow.text(
            MARGIN,
            10.0,
            false,
            Tone::Black,
            &format!("{} ({})", r.name, r.role),
        );
        for line in lines {
            flow.text(MARGIN + 104.0, 9.0, true, Tone::Red, &line);
            flow.y += 4.4;
        }
        flow.y += 0.6;
    }
}
