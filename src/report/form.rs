//! The results form and the ruling log annex, laid out as pages from the
//! results document (and the journal, for the annex). Pure: values in, pages
//! out; the PDF renderer only draws them.

use crate::domain::criteria::CriteriaSet;
use crate::domain::hash::{Hash256, grouped};
use crate::domain::results::{PRACTICE_NOTICE, ResultsDocument, short_code};
use crate::i18n::{T, Tr};
use crate::journal::entry::EntryBody;
use crate::journal::event::Event;
use crate::report::Copy;
use crate::report::layout::{
    FOOTER_HEIGHT, Flow, Item, MARGIN, PAGE_HEIGHT, PAGE_WIDTH, Page, Tone, line_height,
    text_width, wrap,
};
use crate::report::{qr, words};

const RIGHT: f32 = PAGE_WIDTH - MARGIN;
/// The height of a party's row.
const ROW: f32 = 5.4;
/// The height of a row of figures.
const FIGURE_ROW: f32 = 4.0;

fn lang(tr: Tr) -> &'static str {
    tr.lang.code()
}

/// The results form of a sealed count, one copy; then, if given, the ruling
/// log annex. Every page carries the footer (station, definition hash,
/// results hash and short code, page n of m, QR code).
pub fn pages(
    tr: Tr,
    doc: &ResultsDocument,
    copy: Copy,
    criteria: &CriteriaSet,
    annex: Option<&[EntryBody]>,
) -> Vec<Page> {
    let hash = Hash256::of(&doc.to_bytes());
    let mut flow = Flow::new();
    form_body(tr, &mut flow, doc, criteria);
    if let Some(entries) = annex {
        flow.pages.push(Page::default());
        flow.y = MARGIN + crate::report::layout::HEADER_HEIGHT;
        annex_body(tr, &mut flow, doc, criteria, entries);
    }
    let total = flow.pages.len();
    let qr = qr::modules(&qr::payload(doc, &hash));
    let mut pages = flow.pages;
    for (i, page) in pages.iter_mut().enumerate() {
        frame(tr, page, doc, copy, &hash, qr.as_ref(), i + 1, total);
    }
    pages
}

fn form_body(tr: Tr, flow: &mut Flow, doc: &ResultsDocument, criteria: &CriteriaSet) {
    let l = lang(tr);
    flow.text(MARGIN, 16.0, true, Tone::Black, tr.t(T::FormTitle));
    flow.down(16.0);
    let identity = [
        (
            T::Election,
            format!(
                "{} ({}), {}",
                doc.election.name.get(l),
                doc.election.id,
                doc.election.date
            ),
        ),
        (
            T::Station,
            format!("{} {}", doc.station.code, doc.station.name.get(l)),
        ),
        (
            T::Commune,
            format!(
                "{} ({}), {} {}, {} {}",
                doc.station.commune.get(l),
                doc.station.commune_code,
                tr.t(T::District),
                doc.station.district.get(l),
                tr.t(T::Province),
                doc.station.province.get(l)
            ),
        ),
    ];
    for (label, value) in identity {
        flow.text(MARGIN, 10.0, true, Tone::Black, tr.t(label));
        flow.text(MARGIN + 26.0, 10.0, false, Tone::Black, &value);
        flow.down(10.0);
    }
    let complaint = tr.f(
        T::FormComplaint,
        &[
            ("date", &doc.complaint_deadline),
            ("sealed", &doc.sealed_at),
            ("days", &doc.complaint_days),
            ("commune", &doc.station.commune.get(l)),
        ],
    );
    // Bold text is about 6% wider than the metrics used for wrapping.
    for line in wrap(&complaint, 10.0, (PAGE_WIDTH - 2.0 * MARGIN) / 1.06) {
        flow.text(MARGIN, 10.0, true, Tone::Black, &line);
        flow.y += 4.6;
    }
    flow.y += 1.0;
    flow.rule();

    // Votes per party, in ballot order, in digits and in words.
    flow.need(12.0);
    flow.text(MARGIN, 12.0, true, Tone::Black, tr.t(T::VotesPerParty));
    flow.down(12.0);
    let votes_right = MARGIN + 128.0;
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
            11.0,
            false,
            Tone::Black,
            &format!("{}  {}", party.abbreviation, party.name.get(l)),
        );
        flow.text_right(votes_right, 14.0, true, &n.to_string());
        flow.text(
            votes_right + 3.0,
            9.0,
            false,
            Tone::Black,
            &words::english(n),
        );
        flow.y += ROW;
    }
    flow.need(7.0);
    flow.text(MARGIN + 9.0, 11.0, true, Tone::Black, tr.t(T::ValidVotes));
    flow.text_right(votes_right, 14.0, true, &doc.figures.valid.to_string());
    flow.text(
        votes_right + 3.0,
        9.0,
        false,
        Tone::Black,
        &words::english(doc.figures.valid),
    );
    flow.y += 7.0;
    flow.rule();

    // Reconciliation figures, left; invalid ballots per criterion, right.
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
    let mut invalid_rows: Vec<(String, String)> = doc
        .invalid
        .iter()
        .map(|(code, n)| {
            let title = criteria
                .find(code)
                .map_or(String::new(), |c| c.title.get(l).to_string());
            (format!("{code} {title}"), n.to_string())
        })
        .collect();
    invalid_rows.push((
        tr.t(T::DisputedRulings).to_string(),
        doc.disputed.to_string(),
    ));
    let rows = figures.len().max(invalid_rows.len() + 1);
    flow.need(line_height(12.0) + rows as f32 * FIGURE_ROW);
    flow.text(MARGIN, 12.0, true, Tone::Black, tr.t(T::FiguresTitle));
    flow.text(
        MARGIN + 104.0,
        12.0,
        true,
        Tone::Black,
        tr.t(T::InvalidPerCriterion),
    );
    flow.down(12.0);
    let top = flow.y;
    for (symbol, label, value) in &figures {
        flow.text(MARGIN, 10.0, true, Tone::Black, symbol);
        flow.text(MARGIN + 9.0, 9.0, false, Tone::Black, tr.t(*label));
        flow.text_right(MARGIN + 96.0, 11.0, true, value);
        flow.y += FIGURE_ROW;
    }
    let bottom = flow.y;
    flow.y = top;
    for (label, value) in &invalid_rows {
        flow.text(MARGIN + 104.0, 9.0, false, Tone::Black, label);
        flow.text_right(RIGHT, 11.0, true, value);
        flow.y += FIGURE_ROW;
    }
    flow.y = flow.y.max(bottom);
    flow.rule();

    // Checks, with their differences and explanations.
    flow.need(line_height(12.0) + 5.0);
    flow.text(MARGIN, 12.0, true, Tone::Black, tr.t(T::ChecksTitle));
    flow.down(12.0);
    // Cross-checks that hold, or whose pile was not counted, take one line
    // each group; checks that differ are listed one by one.
    let is_cross = |name: &str| name.starts_with("cross_check:");
    let group = |status: &str| -> Vec<&str> {
        doc.checks
            .iter()
            .filter(|c| is_cross(&c.name) && c.status == status)
            .map(|c| c.name.trim_start_matches("cross_check:"))
            .collect()
    };
    let (cross_holding, cross_pending) = (group("holds"), group("pending"));
    let shown = doc
        .checks
        .iter()
        .filter(|c| !is_cross(&c.name) || c.status == "differs");
    for check in shown {
        let status = match check.difference {
            Some(d) if d != 0 => format!("{} {d:+}", check.status),
            _ => check.status.clone(),
        };
        let explanation = check.explanation.as_deref().unwrap_or("");
        let lines = wrap(explanation, 9.0, 90.0);
        flow.need(5.0 * lines.len().max(1) as f32);
        let tone = if check.status == "differs" {
            Tone::Red
        } else {
            Tone::Black
        };
        flow.text(MARGIN, 9.0, false, Tone::Black, &check.name);
        flow.text(MARGIN + 40.0, 9.0, true, tone, &status);
        for line in &lines {
            flow.text(MARGIN + 72.0, 9.0, false, Tone::Black, line);
            flow.y += 4.2;
        }
        if lines.is_empty() {
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
                &tr.f(key, &[("parties", &parties.join(", "))]),
            );
            flow.y += 4.2;
        }
    }
    flow.rule();

    // Signatures.
    // The signature block stays together on one page.
    let refusal_lines: usize = doc
        .refused
        .iter()
        .map(|r| {
            wrap(
                &format!("{}: {}", tr.t(T::FormRefused), r.reason),
                9.0,
                80.0,
            )
            .len()
        })
        .sum();
    flow.need(line_height(12.0) + 5.0 * doc.signed.len() as f32 + 5.0 * refusal_lines as f32);
    flow.text(MARGIN, 12.0, true, Tone::Black, tr.t(T::FormSignatures));
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
        flow.text(MARGIN + 104.0, 10.0, true, Tone::Black, tr.t(T::FormSigned));
        flow.y += 5.0;
    }
    for r in &doc.refused {
        let lines = wrap(
            &format!("{}: {}", tr.t(T::FormRefused), r.reason),
            9.0,
            80.0,
        );
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

/// One line of the annex for an entry.
pub fn describe(tr: Tr, doc: &ResultsDocument, criteria: &CriteriaSet, event: &Event) -> String {
    let l = lang(tr);
    let party = |n: u32| {
        doc.parties
            .iter()
            .find(|p| p.number == n)
            .map_or(n.to_string(), |p| format!("{n} {}", p.abbreviation))
    };
    let list = |parties: &[crate::domain::party::PartyNumber]| {
        parties
            .iter()
            .map(|p| p.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    match event {
        Event::Opened {
            station_code,
            definition_hash,
            ..
        } => tr.f(
            T::AnnexOpened,
            &[
                ("station", station_code),
                ("hash", &definition_hash.short(16)),
            ],
        ),
        Event::FiguresRecorded { figures } => {
            let parts: Vec<String> = figures
                .iter()
                .map(|(f, v)| format!("{}={v}", f.symbol()))
                .collect();
            tr.f(T::AnnexFigures, &[("figures", &parts.join(" "))])
        }
        Event::Ruling(r) => {
            let mut text = match &r.verdict {
                crate::domain::ruling::Verdict::Valid {
                    party: p,
                    criterion,
                } => tr.f(
                    T::AnnexValid,
                    &[("party", &party(p.0)), ("code", criterion)],
                ),
                crate::domain::ruling::Verdict::Invalid { criterion } => {
                    let title = criteria.get(criterion).map_or("", |c| c.title.get(l));
                    tr.f(T::AnnexInvalid, &[("code", criterion), ("title", &title)])
                }
            };
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
        }
        Event::Void { ruling_seq, reason } => {
            tr.f(T::AnnexVoid, &[("seq", ruling_seq), ("reason", reason)])
        }
        Event::PileCount { party: p, count } => {
            tr.f(T::AnnexPile, &[("party", &party(p.0)), ("n", count)])
        }
        Event::Explanation { check, text } => {
            tr.f(T::AnnexExplanation, &[("check", check), ("text", text)])
        }
        Event::Dispute {
            ruling_seq,
            parties,
        } => tr.f(
            T::AnnexDispute,
            &[("seq", ruling_seq), ("parties", &list(parties))],
        ),
        Event::PersonPresent(p) => tr.f(
            T::AnnexPresent,
            &[("name", &p.name), ("role", &p.role.key())],
        ),
        Event::PresenceWithdrawn { person_seq, reason } => tr.f(
            T::AnnexWithdrawn,
            &[("seq", person_seq), ("reason", reason)],
        ),
        Event::Sealed(seal) => {
            let names: Vec<String> = seal.signed.iter().map(|s| s.name.clone()).collect();
            tr.f(T::AnnexSealed, &[("names", &names.join(", "))])
        }
    }
}

fn annex_body(
    tr: Tr,
    flow: &mut Flow,
    doc: &ResultsDocument,
    criteria: &CriteriaSet,
    entries: &[EntryBody],
) {
    flow.text(MARGIN, 16.0, true, Tone::Black, tr.t(T::AnnexTitle));
    flow.down(16.0);
    let header = |flow: &mut Flow| {
        flow.text(MARGIN, 9.0, true, Tone::Black, tr.t(T::Entry));
        flow.text(MARGIN + 16.0, 9.0, true, Tone::Black, tr.t(T::AnnexTime));
        flow.text(MARGIN + 52.0, 9.0, true, Tone::Black, tr.t(T::AnnexWhat));
        flow.y += 5.0;
    };
    header(flow);
    for entry in entries {
        let text = describe(tr, doc, criteria, &entry.event);
        let lines = wrap(&text, 9.0, RIGHT - MARGIN - 52.0);
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
            &entry.at.to_string(),
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

/// The page header, the practice marking and the footer with the hashes and
/// the QR code.
#[allow(clippy::too_many_arguments)]
fn frame(
    tr: Tr,
    page: &mut Page,
    doc: &ResultsDocument,
    copy: Copy,
    hash: &Hash256,
    qr: Option<&(Vec<bool>, usize)>,
    number: usize,
    total: usize,
) {
    let mut items = Vec::new();
    let text = |x: f32, y: f32, size: f32, bold: bool, tone: Tone, t: String| Item::Text {
        x,
        y,
        size,
        bold,
        tone,
        text: crate::report::layout::printable(&t),
    };
    // Header.
    items.push(text(
        MARGIN,
        MARGIN + 3.5,
        9.0,
        false,
        Tone::Grey,
        format!("{} | {}", doc.station.code, doc.election.id),
    ));
    let label = format!("{} - {}", tr.t(copy.label()), tr.t(copy.destination()));
    let w = text_width(&label, 10.0, true);
    items.push(text(
        RIGHT - w,
        MARGIN + 3.5,
        10.0,
        true,
        Tone::Black,
        label,
    ));
    if doc.practice {
        let w = text_width(PRACTICE_NOTICE, 16.0, true);
        items.push(text(
            (PAGE_WIDTH - w) / 2.0,
            MARGIN + 11.0,
            16.0,
            true,
            Tone::Red,
            PRACTICE_NOTICE.into(),
        ));
    }
    // Footer.
    let top = PAGE_HEIGHT - MARGIN - FOOTER_HEIGHT + 2.0;
    items.push(Item::Line {
        x1: MARGIN,
        y1: top,
        x2: RIGHT,
        y2: top,
        width: 0.6,
    });
    let hex = hash.to_hex();
    let groups: Vec<String> = hex
        .as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect();
    let mut lines = vec![
        (
            9.0,
            false,
            Tone::Black,
            format!(
                "{} {}   {} {}",
                tr.t(T::Station),
                doc.station.code,
                tr.t(T::DefinitionHash),
                grouped(&doc.definition_hash.short(16))
            ),
        ),
        (9.0, true, Tone::Black, tr.t(T::FormResultsHash).to_string()),
        (9.0, false, Tone::Black, groups[..8].join(" ")),
        (9.0, false, Tone::Black, groups[8..].join(" ")),
        (9.0, true, Tone::Black, tr.t(T::FormShortCode).to_string()),
        (16.0, true, Tone::Black, short_code(hash)),
        (
            9.0,
            false,
            Tone::Black,
            format!(
                "{}   {}",
                tr.f(T::FormPage, &[("n", &number), ("m", &total)]),
                tr.t(copy.destination())
            ),
        ),
    ];
    if doc.practice {
        lines.insert(0, (12.0, true, Tone::Red, PRACTICE_NOTICE.to_string()));
    }
    let mut y = top + 1.5;
    for (size, bold, tone, line) in lines {
        y += line_height(size) * 0.85;
        items.push(text(MARGIN, y, size, bold, tone, line));
    }
    if let Some((modules, width)) = qr {
        let size = FOOTER_HEIGHT - 4.0;
        items.push(Item::Qr {
            x: RIGHT - size,
            y: top + 2.0,
            size,
            modules: modules.clone(),
            width: *width,
        });
    }
    items.append(&mut page.items);
    page.items = items;
}
