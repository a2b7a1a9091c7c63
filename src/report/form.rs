//! The results form (Cambodia's form 1102): the sections of a sealed count's
//! results document laid out as pages, then, when asked, the ruling log
//! annex, and the frame on every page. Pure: values in, pages out; the PDF
//! renderer only draws them.

use crate::domain::ballot::Numbering;
use crate::domain::criteria::CriteriaSet;
use crate::domain::hash::grouped;
use crate::domain::message::Message;
use crate::domain::party::PartyNumber;
use crate::domain::person::{Person, Role};
use crate::domain::reconciliation::{CheckName, CheckStatus};
use crate::domain::results::{CheckPart, ResultsDocument};
use crate::domain::seal::SignerRole;
use crate::domain::time::Timestamp;
use crate::i18n::T;
use crate::i18n::bilingual::Words;
use crate::journal::entry::EntryBody;
use crate::report::frame::{Footer, Frame, RIGHT};
use crate::report::layout::{
    ASCENT, DESCENT, Flow, GAP, Item, MARGIN, PAGE_WIDTH, Page, Tone, fit_size, line_height,
    text_width, wrap,
};
use crate::report::{Copy, annex, qr, words};

/// The smallest size of a label, and of a figure, on the form.
pub const LABEL_SIZE: f32 = 8.0;
pub const FIGURE_SIZE: f32 = 12.0;
/// The size of the values beside their labels.
const VALUE_SIZE: f32 = 8.5;
/// The size of a section's heading.
const HEADING_SIZE: f32 = 9.5;
/// Room above and below the runs of a row.
const PAD: f32 = 0.25;
/// The height of a row holding one figure.
const FIGURE_ROW: f32 = 2.0 * PAD + (ASCENT + DESCENT) * 0.3528 * FIGURE_SIZE;
/// The height of a person's row in the signature block: room to sign.
const SIGNATURE_ROW: f32 = 10.0;

/// The results form of a sealed count, one copy; then, if given, the ruling
/// log annex. Every page carries the footer (station, definition hash,
/// results hash and short code, page n of m, QR code).
///
/// The form fills its pages top to bottom, clear of the QR code (60 mm,
/// bottom right, the results hash and short code above it); labels are set
/// at 8 pt or more and figures at 12 pt or more. The first A4 page holds
/// everything up to the last signature for up to 4 parties (2 on a
/// practice form, whose header says PRACTICE) with three checks explained,
/// a refusal and four people signing; the people present, the complaints
/// and the checkpoints follow. With four people present the form takes two
/// pages up to 16 parties (15 on a practice form) and three up to 20. A
/// results document made before presence and complaints were listed has
/// neither section: its form is one page up to 4 parties, two up to 20.
/// Each party's row takes 5 mm, each person's signature row 10 mm.
pub fn pages(
    w: &Words,
    doc: &ResultsDocument,
    copy: Copy,
    criteria: &CriteriaSet,
    annex: Option<(&[EntryBody], &Numbering)>,
) -> Result<Vec<Page>, Message> {
    let hash = doc.hash()?;
    let qr = qr::modules(&qr::payload(doc, &hash));
    let frame = Frame {
        top: format!("{} | {}", doc.station.code, doc.election.id),
        label: Some(w.t(copy.label())),
        practice: doc.practice,
        training: false,
        footer: Footer::Results {
            station: doc.station.code.as_str(),
            definition_hash: &doc.definition_hash,
            results_hash: &hash,
            destination: w.t(copy.destination()),
            qr: qr.as_ref(),
        },
    };
    let mut flow = frame.flow(w);
    body(w, &mut flow, doc, criteria);
    if let Some((entries, ballots)) = annex {
        flow.new_page();
        annex::body(w, &mut flow, doc, criteria, entries, ballots);
    }
    let mut pages = flow.pages;
    frame.apply(w, &mut pages);
    Ok(pages)
}

/// The form's sections, top to bottom.
fn body(w: &Words, flow: &mut Flow, doc: &ResultsDocument, criteria: &CriteriaSet) {
    flow.paragraph(MARGIN, 12.0, true, Tone::Black, &w.t(T::FormTitle));
    recount(w, flow, doc);
    identity(w, flow, doc);
    votes(w, flow, doc);
    figures(w, flow, doc, criteria);
    books(w, flow, doc);
    checks(w, flow, doc);
    signatures(w, flow, doc);
    presence(w, flow, doc);
    complaints(w, flow, doc);
    // After the signatures: a long list of checkpoints runs onto the next
    // page, never the signatures away from the figures they sign.
    checkpoints(w, flow, doc);
}

/// The checkpoints shown during the count, as party agents wrote them
/// down: each ballot, entry and code.
fn checkpoints(w: &Words, flow: &mut Flow, doc: &ResultsDocument) {
    if doc.checkpoints.is_empty() {
        return;
    }
    heading(w, flow, T::FormCheckpoints, line_height(LABEL_SIZE));
    paragraph(
        flow,
        MARGIN,
        LABEL_SIZE,
        false,
        &w.t(T::FormCheckpointLegend),
    );
    let list: Vec<String> = doc
        .checkpoints
        .iter()
        .map(|c| {
            let ballot = c.ballot.map_or_else(|| "-".to_string(), |b| w.num(b));
            format!("{ballot}, {}: {}", w.num(c.seq), c.code)
        })
        .collect();
    // In columns, each checkpoint whole on its line, as many across as the
    // widest fits.
    let cell = list
        .iter()
        .map(|item| text_width(item, LABEL_SIZE, true))
        .fold(0.0, f32::max)
        + 3.0 * GAP;
    let mut start = 0;
    while let Some(rest) = list.get(start..).filter(|rest| !rest.is_empty()) {
        flow.need(line_height(LABEL_SIZE));
        // The row's width, clear of the QR code's corner where it reaches.
        let right = flow.right(line_height(LABEL_SIZE));
        let across = (((right - MARGIN) / cell).floor() as usize).max(1);
        let top = flow.y;
        for (i, item) in rest.iter().take(across).enumerate() {
            flow.y = top;
            flow.text(
                MARGIN + i as f32 * cell,
                LABEL_SIZE,
                true,
                Tone::Black,
                item,
            );
        }
        flow.y = top;
        flow.down(LABEL_SIZE);
        start += across;
    }
    flow.rule();
}

/// Everyone present at the count, as recorded: who, in which role, when
/// they arrived and, for those who left, when and the reason given. Times
/// are local, the offset in the headings.
fn presence(w: &Words, flow: &mut Flow, doc: &ResultsDocument) {
    if doc.presence.is_empty() {
        return;
    }
    heading(w, flow, T::FormPresence, 3.0 * line_height(LABEL_SIZE));
    let time = times_legend(w, flow, doc);
    let heads = [
        w.t(T::FormPresenceName),
        w.t(T::FormPresenceRole),
        w.t(T::FormPresenceArrived),
        w.t(T::FormPresenceLeft),
        w.t(T::FormPresenceReason),
    ];
    let rows = doc.presence.iter().map(|p| {
        let role = role_text(w, p.role);
        let role = match (&p.party, &p.organisation) {
            (Some(n), _) => format!("{role}, {}", party_text(doc, w, *n)),
            (None, Some(org)) => format!("{role}, {org}"),
            (None, None) => role,
        };
        [
            p.name.to_string(),
            role,
            time(p.arrived_at),
            p.departed_at.map_or_else(|| "-".to_string(), &time),
            p.departure_reason
                .as_ref()
                .map_or_else(String::new, |r| r.to_string()),
        ]
    });
    if doc.presence.iter().any(|p| p.departed_at.is_some()) {
        let rows: Vec<[String; 5]> = rows.collect();
        table(flow, &[0.25, 0.22, 0.11, 0.11, 0.31], &heads, &rows);
    } else {
        // No one left: who, in which role, and when they came.
        let [name, role, arrived, ..] = heads;
        let rows: Vec<[String; 3]> = rows.map(|[n, r, a, ..]| [n, r, a]).collect();
        table(flow, &[0.35, 0.45, 0.2], &[name, role, arrived], &rows);
    }
    flow.rule();
}

/// The complaints lodged during the count (or that none was), and where
/// and until when a complaint can be taken further.
fn complaints(w: &Words, flow: &mut Flow, doc: &ResultsDocument) {
    let Some(lodged) = doc.complaints_lodged else {
        return;
    };
    heading(w, flow, T::FormComplaints, 2.0 * line_height(LABEL_SIZE));
    let further = |tr: crate::i18n::Tr| {
        tr.f(
            T::FormComplaintFurther,
            &[("date", &tr.time(&doc.zone(), doc.complaint_deadline_end()))],
        )
    };
    if lodged == 0 {
        paragraph(flow, MARGIN, LABEL_SIZE, false, &w.t(T::FormNoComplaints));
    } else {
        paragraph(
            flow,
            MARGIN,
            LABEL_SIZE,
            false,
            &w.f(T::FormComplaintsLodged, &[("n", &w.num(lodged))]),
        );
        let time = times_legend(w, flow, doc);
        let heads = [
            w.t(T::FormComplaintAt),
            w.t(T::FormComplaintBy),
            w.t(T::FormComplaintBallot),
            w.t(T::FormComplaintText),
        ];
        let rows: Vec<[String; 4]> = doc
            .complaints
            .iter()
            .map(|c| {
                [
                    time(c.at),
                    format!("{}, {}", c.name, role_text(w, c.role)),
                    c.ballot.map_or_else(|| "-".to_string(), |b| w.num(b)),
                    c.text.to_string(),
                ]
            })
            .collect();
        table(flow, &[0.16, 0.26, 0.1, 0.48], &heads, &rows);
    }
    paragraph(flow, MARGIN, LABEL_SIZE, true, &w.each(further));
    flow.rule();
}

/// Writes under a heading how the times below read (local, the offset, on
/// the day of sealing unless dated), and returns how to write a time:
/// `19:05` on the day of sealing, else with its date (and its offset
/// where it differs).
fn times_legend<'a>(
    w: &'a Words,
    flow: &mut Flow,
    doc: &'a ResultsDocument,
) -> impl Fn(Timestamp) -> String + 'a {
    let zone = doc.zone();
    let sealed = w.time_in_column(&zone, doc.sealed_at, doc.sealed_at);
    let day: String = sealed.split(' ').next().unwrap_or_default().to_string();
    let offset = w.offset(&zone, doc.sealed_at);
    let legend = w.each(|tr| {
        tr.f(
            T::FormTimesLegend,
            &[
                ("offset", &offset),
                ("date", &tr.date(zone.local_date(doc.sealed_at))),
            ],
        )
    });
    paragraph(flow, MARGIN, LABEL_SIZE, false, &legend);
    let prefix = format!("{day} ");
    move |at: Timestamp| {
        let text = w.time_in_column(&zone, at, doc.sealed_at);
        match text.strip_prefix(&prefix) {
            Some(clock) => clock.to_string(),
            None => text,
        }
    }
}

/// A party as the form names it: its number and abbreviation.
fn party_text(doc: &ResultsDocument, w: &Words, n: PartyNumber) -> String {
    doc.parties
        .iter()
        .find(|p| p.number == n.0)
        .map_or(w.num(n), |p| {
            format!("{} {}", w.num(p.number), p.abbreviation)
        })
}

/// A table of wrapped cells in columns of the given shares of the width
/// left of the QR code: the headings in bold, then each row, kept whole
/// on a page (the headings again on a new page).
fn table<const N: usize>(
    flow: &mut Flow,
    shares: &[f32; N],
    heads: &[String; N],
    rows: &[[String; N]],
) {
    // Each cell's lines and the columns' left edges: every row at the width
    // beside the QR code, so that the columns stay under their headings
    // wherever a row lands.
    let layout = |flow: &Flow, cells: &[String; N], bold: bool| {
        let right = flow.right(f32::MAX);
        let width = right - MARGIN;
        let mut x = MARGIN;
        let mut out = Vec::with_capacity(N);
        for (cell, share) in cells.iter().zip(shares) {
            let column = width * share;
            out.push((x, wrap(cell, LABEL_SIZE, bold, column - GAP)));
            x += column;
        }
        out
    };
    let height = |flow: &Flow, cells: &[String; N], bold: bool| {
        let lines = layout(flow, cells, bold)
            .iter()
            .map(|(_, l)| l.len())
            .max()
            .unwrap_or(1);
        lines.max(1)
    };
    let place = |flow: &mut Flow, cells: &[String; N], bold: bool, lines: usize| {
        let placed = layout(flow, cells, bold);
        let top = flow.y;
        for (x, cell) in &placed {
            lines_at(flow, *x, top, LABEL_SIZE, bold, Tone::Black, cell);
        }
        flow.y = top + lines as f32 * line_height(LABEL_SIZE);
    };
    let head_lines = height(flow, heads, true);
    flow.need(head_lines as f32 * line_height(LABEL_SIZE));
    place(flow, heads, true, head_lines);
    for row in rows {
        let lines = height(flow, row, false);
        let before = flow.pages.len();
        flow.need(lines as f32 * line_height(LABEL_SIZE));
        if flow.pages.len() != before {
            // The row begins a new page: the headings again above it.
            place(flow, heads, true, head_lines);
        }
        place(flow, row, false, lines);
    }
    flow.y += GAP;
}

/// Wrapped text from `x` to the right edge, in black.
fn paragraph(flow: &mut Flow, x: f32, size: f32, bold: bool, text: &str) {
    flow.paragraph(x, size, bold, Tone::Black, text);
}

/// A section's heading, kept on the page with `next` millimetres of what
/// follows it.
fn heading(w: &Words, flow: &mut Flow, key: T, next: f32) {
    flow.need(line_height(HEADING_SIZE) + next);
    paragraph(flow, MARGIN, HEADING_SIZE, true, &w.t(key));
}

/// The date of the election as printed, in the form's numerals.
fn date_text(w: &Words, date: &str) -> String {
    w.num(date)
}

/// A role, in both languages.
pub fn role_text(w: &Words, role: Role) -> String {
    w.each(|tr| tr.role(role).to_string())
}

/// A signer's role as declared at sealing, in both languages.
fn signer_role_text(w: &Words, role: &SignerRole) -> String {
    match role {
        SignerRole::Known(role) => role_text(w, *role),
        SignerRole::Written(text) => text.to_string(),
    }
}

/// On a recount's form: RECOUNT, who ordered it and why, and the hash of
/// the results it recounts.
fn recount(w: &Words, flow: &mut Flow, doc: &ResultsDocument) {
    let Some(recount) = &doc.recount else {
        return;
    };
    flow.paragraph(MARGIN, 12.0, true, Tone::Red, &w.t(T::FormRecount));
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
    paragraph(flow, MARGIN, VALUE_SIZE, true, &of);
    paragraph(
        flow,
        MARGIN,
        VALUE_SIZE,
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
                date_text(w, &doc.election.date)
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
    let labels: Vec<String> = identity.iter().map(|(key, _)| w.t(*key)).collect();
    let column = labels
        .iter()
        .map(|l| text_width(l, LABEL_SIZE, true))
        .fold(0.0, f32::max)
        + GAP;
    for (label, (_, value)) in labels.iter().zip(&identity) {
        flow.need(line_height(VALUE_SIZE));
        flow.text(MARGIN, LABEL_SIZE, true, Tone::Black, label);
        paragraph(flow, MARGIN + column, VALUE_SIZE, false, value);
    }
    let zone = doc.zone();
    // Each language writes its dates as its readers do.
    let complaint = w.each(|tr| {
        tr.f(
            T::FormComplaint,
            &[
                ("date", &tr.time(&zone, doc.complaint_deadline_end())),
                ("sealed", &tr.day_counted_from(&zone, doc.sealed_at)),
                ("days", &w.num(doc.complaint_days)),
                ("commune", &doc.station.commune.get(tr.lang.code())),
            ],
        )
    });
    paragraph(flow, MARGIN, VALUE_SIZE, true, &complaint);
    flow.rule();
}

/// The grey band behind a table row `height` tall from the current line,
/// when `shaded`: exactly the row's height, so that it never reaches the
/// next row's figures.
fn band(flow: &mut Flow, height: f32, shaded: bool) {
    if shaded {
        let y = flow.y;
        flow.push(Item::Fill {
            x: MARGIN,
            y,
            w: PAGE_WIDTH - 2.0 * MARGIN,
            h: height,
            tone: Tone::Shade,
        });
    }
}

/// Lines of `text` placed from `top` at `x`, each no wider than `width`.
fn lines_at(
    flow: &mut Flow,
    x: f32,
    top: f32,
    size: f32,
    bold: bool,
    tone: Tone,
    lines: &[String],
) {
    let y = flow.y;
    flow.y = top;
    for line in lines {
        flow.text(x, size, bold, tone, line);
        flow.down(size);
    }
    flow.y = y;
}

/// The height of `n` lines of `size`, with the row's padding.
fn lines_height(n: usize, size: f32) -> f32 {
    if n == 0 {
        return 0.0;
    }
    2.0 * PAD + (n - 1) as f32 * line_height(size) + (ASCENT + DESCENT) * 0.3528 * size
}

/// Votes per party, in ballot order, in digits and in words; then the
/// valid votes. Every other row is shaded, its band exactly the row's
/// height.
fn votes(w: &Words, flow: &mut Flow, doc: &ResultsDocument) {
    heading(w, flow, T::VotesPerParty, FIGURE_ROW);
    // The party numbers' column as wide as the widest of them.
    let number_room = doc
        .parties
        .iter()
        .map(|p| text_width(&w.num(p.number), FIGURE_SIZE, true))
        .fold(0.0, f32::max);
    let name_x = MARGIN + 1.0 + number_room + GAP;
    let figure_room = doc
        .parties
        .iter()
        .map(|p| doc.votes_for(p.number))
        .chain([doc.figures.valid])
        .map(|n| text_width(&w.num(n), FIGURE_SIZE, true))
        .fold(0.0, f32::max);
    let mut rows: Vec<(String, String, u64, bool)> = doc
        .parties
        .iter()
        .map(|p| {
            (
                w.num(p.number),
                format!("{}  {}", p.abbreviation, w.name(&p.name)),
                doc.votes_for(p.number),
                false,
            )
        })
        .collect();
    rows.push((String::new(), w.t(T::ValidVotes), doc.figures.valid, true));
    let in_words = |n: u64| format!("{} / {}", words::khmer(n), words::english(n));
    // The names and the words share the width left by the figures: each
    // its widest line when both fit, else in proportion.
    let widest = |texts: &mut dyn Iterator<Item = f32>| texts.fold(1.0, f32::max);
    let names_wide = widest(&mut rows.iter().map(|r| text_width(&r.1, LABEL_SIZE, r.3)));
    let words_wide = widest(
        &mut rows
            .iter()
            .map(|r| text_width(&in_words(r.2), LABEL_SIZE, false)),
    );
    let shared = RIGHT - name_x - figure_room - 2.0 * GAP;
    let name_room = if names_wide + words_wide <= shared {
        shared - words_wide
    } else {
        (shared * names_wide / (names_wide + words_wide)).max(shared * 0.4)
    };
    let votes_right = name_x + name_room + GAP + figure_room;
    let words_x = votes_right + GAP;
    let words_room = RIGHT - words_x;
    for (i, (number, name, n, total)) in rows.iter().enumerate() {
        let names = wrap(name, LABEL_SIZE, *total, name_room);
        let in_words = wrap(&in_words(*n), LABEL_SIZE, false, words_room);
        let height = FIGURE_ROW
            .max(lines_height(names.len(), LABEL_SIZE))
            .max(lines_height(in_words.len(), LABEL_SIZE));
        flow.need_wide(height, flow.full());
        band(flow, height, i % 2 == 0 && !total);
        let top = flow.y + PAD;
        lines_at(
            flow,
            MARGIN + 1.0,
            top,
            FIGURE_SIZE,
            true,
            Tone::Black,
            std::slice::from_ref(number),
        );
        lines_at(flow, name_x, top, LABEL_SIZE, *total, Tone::Black, &names);
        let figure = w.num(n);
        let x = votes_right - text_width(&figure, FIGURE_SIZE, true);
        lines_at(flow, x, top, FIGURE_SIZE, true, Tone::Black, &[figure]);
        lines_at(
            flow,
            words_x,
            top,
            LABEL_SIZE,
            false,
            Tone::Black,
            &in_words,
        );
        flow.y += height;
    }
    flow.rule();
}

/// One row of the figures: its key, its label in Khmer then English, and
/// the figure.
type FigureRow = (String, String, String);

/// The counted figures, then valid and invalid ballots, invalid per
/// criterion and disputes: side by side in two columns where the page is
/// wide enough for both; else one beneath the other in the width left
/// beside the QR code, so that the figures of many parties' forms still
/// stand on the first page.
fn figures(w: &Words, flow: &mut Flow, doc: &ResultsDocument, criteria: &CriteriaSet) {
    let (left, right) = figure_rows(w, doc, criteria);
    let figure_room = left
        .iter()
        .chain(&right)
        .map(|(_, _, value)| text_width(&w.num(value), FIGURE_SIZE, true))
        .fold(0.0, f32::max);
    let groups = [(T::FiguresTitle, &left), (T::InvalidPerCriterion, &right)];
    // The counted figures have the longer labels.
    let wide = (flow.full() - GAP) * 0.56;
    let columns = [
        (MARGIN, wide),
        (MARGIN + wide + GAP, flow.full() - GAP - wide),
    ];
    let side_by_side: f32 = heads_height(w, &groups, &columns)
        + (0..left.len().max(right.len()))
            .map(|i| {
                let row = |j: usize, rows: &Vec<FigureRow>| {
                    rows.get(i)
                        .map_or(0.0, |r| figure_height(r, columns[j].1, figure_room))
                };
                row(0, &left).max(row(1, &right))
            })
            .sum::<f32>();
    if flow.y + side_by_side <= flow.bottom() && flow.right(side_by_side) >= RIGHT {
        let top = flow.y;
        for ((key, _), (x, width)) in groups.iter().zip(&columns) {
            let (size, lines) = figure_head(w, *key, *width);
            lines_at(flow, *x, top, size, true, Tone::Black, &lines);
        }
        flow.y += heads_height(w, &groups, &columns);
        for i in 0..left.len().max(right.len()) {
            let top = flow.y;
            let mut height: f32 = 0.0;
            for (j, rows) in [&left, &right].iter().enumerate() {
                if let Some(row) = rows.get(i) {
                    flow.y = top;
                    let (x, width) = columns[j];
                    height = height.max(figure_row(w, flow, x, width, row, figure_room));
                }
            }
            flow.y = top + height;
        }
    } else {
        let width = flow.right(f32::MAX) - MARGIN;
        for (key, rows) in groups {
            let (size, lines) = figure_head(w, key, width);
            let first = rows
                .first()
                .map_or(0.0, |r| figure_height(r, width, figure_room));
            flow.need(lines.len() as f32 * line_height(size) + first);
            let top = flow.y;
            lines_at(flow, MARGIN, top, size, true, Tone::Black, &lines);
            flow.y += lines.len() as f32 * line_height(size);
            for row in rows {
                flow.need(figure_height(row, width, figure_room));
                let top = flow.y;
                let height = figure_row(w, flow, MARGIN, width, row, figure_room);
                flow.y = top + height;
            }
        }
    }
    flow.rule();
}

/// A figure group's heading, at `width`: its size and lines.
fn figure_head(w: &Words, key: T, width: f32) -> (f32, Vec<String>) {
    let text = w.t(key);
    let size = fit_size(&text, HEADING_SIZE, true, width).max(LABEL_SIZE);
    (size, wrap(&text, size, true, width))
}

/// The height of the figure groups' headings side by side.
fn heads_height(w: &Words, groups: &[(T, &Vec<FigureRow>); 2], columns: &[(f32, f32); 2]) -> f32 {
    groups
        .iter()
        .zip(columns)
        .map(|((key, _), (_, width))| {
            let (size, lines) = figure_head(w, *key, *width);
            lines.len() as f32 * line_height(size)
        })
        .fold(0.0, f32::max)
}

/// The label of a figure's row `width` wide, wrapped before its figure.
fn figure_label(row: &FigureRow, width: f32, figure_room: f32) -> Vec<String> {
    wrap(&row.1, LABEL_SIZE, false, width - 8.0 - figure_room - GAP)
}

/// The height of a figure's row `width` wide.
fn figure_height(row: &FigureRow, width: f32, figure_room: f32) -> f32 {
    lines_height(figure_label(row, width, figure_room).len(), LABEL_SIZE).max(FIGURE_ROW)
}

/// One figure's row at `x`, `width` wide, from the current line: its key,
/// its label and its figure. Returns its height; the flow stays put.
fn figure_row(
    w: &Words,
    flow: &mut Flow,
    x: f32,
    width: f32,
    row: &FigureRow,
    figure_room: f32,
) -> f32 {
    let (key, _, value) = row;
    let top = flow.y + PAD;
    let label = figure_label(row, width, figure_room);
    lines_at(
        flow,
        x,
        top,
        LABEL_SIZE,
        true,
        Tone::Black,
        std::slice::from_ref(key),
    );
    lines_at(flow, x + 8.0, top, LABEL_SIZE, false, Tone::Black, &label);
    let figure = w.num(value);
    let fx = x + width - text_width(&figure, FIGURE_SIZE, true);
    lines_at(flow, fx, top, FIGURE_SIZE, true, Tone::Black, &[figure]);
    figure_height(row, width, figure_room)
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

/// The ballot books by serial, when the count recorded them: each book's
/// used range (or unused, used up), then U_serial.
fn books(w: &Words, flow: &mut Flow, doc: &ResultsDocument) {
    let Some(serials) = &doc.serials else {
        return;
    };
    // The list is kept together, with its heading: one line a book, and
    // U_serial.
    let lines = serials.books.len().saturating_add(1) as f32;
    heading(w, flow, T::BooksTitle, lines * line_height(LABEL_SIZE));
    for book in &serials.books {
        let range = w.each(|tr| tr.book_range(book));
        paragraph(
            flow,
            MARGIN,
            LABEL_SIZE,
            false,
            &format!("{}: {range}", book.book),
        );
    }
    let unused = serials.unused.map_or("-".into(), |n| w.num(n));
    paragraph(
        flow,
        MARGIN,
        LABEL_SIZE,
        true,
        &format!("U {}: {unused}", w.t(T::UnusedBySerial)),
    );
    flow.rule();
}

/// Checks, with their differences and explanations. Cross-checks that hold,
/// or whose pile was not counted, take one line each group; checks that
/// differ are listed one by one.
fn checks(w: &Words, flow: &mut Flow, doc: &ResultsDocument) {
    heading(w, flow, T::ChecksTitle, line_height(LABEL_SIZE));
    let cross_party = |c: &CheckPart| match c.name {
        CheckName::CrossCheck(party) => Some(party),
        _ => None,
    };
    let group = |status: CheckStatus| -> Vec<String> {
        doc.checks
            .iter()
            .filter(|c| c.status == status)
            .filter_map(|c| cross_party(c).map(|p| w.num(p)))
            .collect()
    };
    let (cross_holding, cross_pending) = (group(CheckStatus::Holds), group(CheckStatus::Pending));
    let differs = |c: &CheckPart| matches!(c.status, CheckStatus::Differs(_));
    let shown = doc
        .checks
        .iter()
        .filter(|c| cross_party(c).is_none() || differs(c));
    // Each check: its name and status in both languages side by side, then
    // any explanation beneath.
    for check in shown {
        let tone = if differs(check) {
            Tone::Red
        } else {
            Tone::Black
        };
        let (name, status) = (w.check(check), w.status(check));
        let row = |flow: &Flow| {
            let right = flow.right(2.0 * line_height(LABEL_SIZE));
            let split = MARGIN + (right - MARGIN) * 0.62;
            let names = wrap(&name, LABEL_SIZE, false, split - GAP - MARGIN);
            let statuses = wrap(&status, LABEL_SIZE, true, right - split);
            (split, names, statuses)
        };
        let (_, names, statuses) = row(flow);
        let lines = names.len().max(statuses.len());
        flow.need(lines as f32 * line_height(LABEL_SIZE));
        // Laid out again for the page it lands on, which may be narrower.
        let (split, names, statuses) = row(flow);
        let top = flow.y;
        lines_at(flow, MARGIN, top, LABEL_SIZE, false, Tone::Black, &names);
        lines_at(flow, split, top, LABEL_SIZE, true, tone, &statuses);
        flow.y += names.len().max(statuses.len()) as f32 * line_height(LABEL_SIZE);
        if let Some(explanation) = check.explanation.as_deref() {
            paragraph(flow, MARGIN + 6.0, LABEL_SIZE, false, explanation);
        }
    }
    for (parties, key) in [
        (cross_holding, T::FormCrossHold),
        (cross_pending, T::FormCrossPending),
    ] {
        if !parties.is_empty() {
            paragraph(
                flow,
                MARGIN,
                LABEL_SIZE,
                false,
                &w.f(key, &[("parties", &parties.join(", "))]),
            );
        }
    }
    flow.rule();
}

/// One row of the signature block: who, in which role, and what they
/// declared in the app at sealing.
struct Signer {
    name: String,
    role: String,
    declared: Declared,
}

/// What a person declared in the app at sealing.
enum Declared {
    Signed,
    Refused(String),
    Nothing,
}

/// The signature block's rows: every commission member and party agent
/// present, in the order recorded; then anyone who signed or refused
/// without being recorded present.
fn signers(w: &Words, doc: &ResultsDocument) -> Vec<Signer> {
    let declared = |name: &str| {
        if let Some(r) = doc.refused.iter().find(|r| r.name.as_str() == name) {
            Declared::Refused(r.reason.to_string())
        } else if doc.signed.iter().any(|s| s.name.as_str() == name) {
            Declared::Signed
        } else {
            Declared::Nothing
        }
    };
    let party = |n: PartyNumber| {
        doc.parties
            .iter()
            .find(|p| p.number == n.0)
            .map_or(w.num(n), |p| {
                format!("{} {}", w.num(p.number), p.abbreviation)
            })
    };
    // Those at the table when the count was sealed: in a document that
    // lists departures, everyone present who had not left, each once (one
    // who left and came back has two presences); else everyone present.
    let at_table: Vec<Person> = if doc.complaints_lodged.is_some() {
        let mut people: Vec<Person> = Vec::new();
        for p in doc.presence.iter().filter(|p| p.departed_at.is_none()) {
            let person = Person {
                name: p.name.clone(),
                role: p.role,
                party: p.party,
                organisation: p.organisation.clone(),
            };
            if !people.contains(&person) {
                people.push(person);
            }
        }
        people
    } else {
        doc.people_present.clone()
    };
    let mut rows: Vec<Signer> = at_table
        .iter()
        .filter(|p| match p.role {
            Role::Chief | Role::Secretary | Role::Member | Role::PartyAgent => true,
            Role::Observer => false,
        })
        .map(|p| Signer {
            name: p.name.to_string(),
            role: match p.party {
                Some(n) => format!("{}, {}", role_text(w, p.role), party(n)),
                None => role_text(w, p.role),
            },
            declared: declared(p.name.as_str()),
        })
        .collect();
    let listed = |name: &str, rows: &[Signer]| rows.iter().any(|r| r.name == name);
    for s in &doc.signed {
        if !listed(s.name.as_str(), &rows) {
            rows.push(Signer {
                name: s.name.to_string(),
                role: signer_role_text(w, &s.role),
                declared: declared(s.name.as_str()),
            });
        }
    }
    for r in &doc.refused {
        if !listed(r.name.as_str(), &rows) {
            rows.push(Signer {
                name: r.name.to_string(),
                role: signer_role_text(w, &r.role),
                declared: declared(r.name.as_str()),
            });
        }
    }
    rows
}

/// The signature block: a row for each person who signs by hand, with
/// their printed name and role, what they declared in the app, a line to
/// sign on and a box for a refusal and its reason. The block takes the
/// width left beside the QR code when it reaches down to it.
fn signatures(w: &Words, flow: &mut Flow, doc: &ResultsDocument) {
    let rows = signers(w, doc);
    let heads = [
        T::FormSignName,
        T::FormSignDeclared,
        T::FormSignHere,
        T::FormSignRefusal,
    ];
    // The columns' left edges and widths for a block `width` wide.
    let columns = |width: f32| {
        let parts = [0.28, 0.32, 0.2, 0.2];
        let mut x = MARGIN;
        parts.map(|part| {
            let column = (x, width * part - GAP);
            x += width * part;
            column
        })
    };
    // The lines of each cell of a row, at `width`.
    let cells = |width: f32, texts: [&str; 4], bold: [bool; 4]| {
        let cols = columns(width);
        let mut i = 0;
        texts.map(|text| {
            let lines = wrap(text, LABEL_SIZE, bold[i], cols[i].1);
            i += 1;
            lines
        })
    };
    let head_texts = heads.map(|key| w.t(key));
    let head_refs = [
        head_texts[0].as_str(),
        head_texts[1].as_str(),
        head_texts[2].as_str(),
        head_texts[3].as_str(),
    ];
    let head_height = |width: f32| {
        let lines = cells(width, head_refs, [true; 4]);
        lines_height(lines.iter().map(Vec::len).max().unwrap_or(1), LABEL_SIZE)
    };
    // The heading and the column heads stay with the first row.
    let first = line_height(HEADING_SIZE) + head_height(flow.right(0.0) - MARGIN) + SIGNATURE_ROW;
    flow.need(first + 2.0 * line_height(LABEL_SIZE));
    heading(w, flow, T::FormSignatures, 0.0);
    let declared = |signer: &Signer| match &signer.declared {
        Declared::Signed => w.t(T::FormSigned),
        Declared::Refused(reason) => format!("{}: {}", w.t(T::FormRefused), reason),
        Declared::Nothing => w.t(T::FormNotDeclared),
    };
    // A row's columns, lines and height in a block `width` wide.
    let layout = |signer: &Signer, width: f32| {
        let cols = columns(width);
        let names = wrap(&signer.name, VALUE_SIZE, true, cols[0].1);
        let roles = wrap(&signer.role, LABEL_SIZE, false, cols[0].1);
        let said = wrap(&declared(signer), LABEL_SIZE, false, cols[1].1);
        let text =
            lines_height(names.len(), VALUE_SIZE) + roles.len() as f32 * line_height(LABEL_SIZE);
        let height = SIGNATURE_ROW
            .max(text + PAD)
            .max(lines_height(said.len(), LABEL_SIZE));
        (cols, names, roles, said, height)
    };
    // The block keeps one width on each page: beside the QR code if the
    // rest of it reaches down there (measured at that narrower width).
    let block_width = |flow: &Flow, rest: &[Signer]| {
        let narrow = flow.right(f32::MAX) - MARGIN;
        let height = head_height(narrow) + rest.iter().map(|s| layout(s, narrow).4).sum::<f32>();
        flow.right(height) - MARGIN
    };
    let head = |flow: &mut Flow, width: f32| {
        let lines = cells(width, head_refs, [true; 4]);
        let top = flow.y + PAD;
        for ((x, _), lines) in columns(width).iter().zip(&lines) {
            lines_at(flow, *x, top, LABEL_SIZE, true, Tone::Black, lines);
        }
        flow.y += head_height(width);
    };
    let mut width = block_width(flow, &rows);
    head(flow, width);
    for (i, signer) in rows.iter().enumerate() {
        let narrow = flow.right(f32::MAX) - MARGIN;
        let before = flow.pages.len();
        flow.need(layout(signer, narrow.min(width)).4);
        if flow.pages.len() != before {
            width = block_width(flow, &rows[i..]);
            head(flow, width);
        }
        let (cols, names, roles, said, height) = layout(signer, width);
        let top = flow.y + PAD;
        lines_at(flow, cols[0].0, top, VALUE_SIZE, true, Tone::Black, &names);
        let role_top = top + names.len() as f32 * line_height(VALUE_SIZE);
        lines_at(
            flow,
            cols[0].0,
            role_top,
            LABEL_SIZE,
            false,
            Tone::Black,
            &roles,
        );
        let tone = match signer.declared {
            Declared::Refused(_) => Tone::Red,
            Declared::Signed | Declared::Nothing => Tone::Black,
        };
        lines_at(flow, cols[1].0, top, LABEL_SIZE, false, tone, &said);
        // The line to sign on, at the bottom of the row.
        let bottom = flow.y + height;
        let (x, width) = cols[2];
        flow.push(Item::Line {
            x1: x,
            y1: bottom - 1.0,
            x2: x + width,
            y2: bottom - 1.0,
            width: 0.3,
        });
        // The box for a refusal and its reason.
        let (x, width) = cols[3];
        let (t, b) = (flow.y + 1.0, bottom - 1.0);
        for (x1, y1, x2, y2) in [
            (x, t, x + width, t),
            (x, b, x + width, b),
            (x, t, x, b),
            (x + width, t, x + width, b),
        ] {
            flow.push(Item::Line {
                x1,
                y1,
                x2,
                y2,
                width: 0.3,
            });
        }
        flow.y = bottom;
    }
}
