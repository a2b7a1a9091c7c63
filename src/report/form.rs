//! The results form and the ruling log annex, laid out as pages from the
//! results document (and the journal, for the annex). Pure: values in, pages
//! out; the PDF renderer only draws them.

use crate::domain::criteria::CriteriaSet;
use crate::domain::hash::{Hash256, grouped, groups};
use crate::domain::reconciliation::{CheckName, CheckStatus};
use crate::domain::results::{CheckPart, ResultsDocument, short_code};
use crate::domain::text::{LocalizedText, Numerals};
use crate::i18n::{Lang, T, Tr, VerdictNames, VerdictWording};
use crate::journal::entry::EntryBody;
use crate::journal::event::Event;
use crate::report::Copy;
use crate::report::layout::{
    FOOTER_HEIGHT, Flow, Item, MARGIN, PAGE_HEIGHT, PAGE_WIDTH, Page, Tone, fit_size, line_height,
    text_width, wrap,
};
use crate::report::{qr, words};

const RIGHT: f32 = PAGE_WIDTH - MARGIN;
/// The height of a party's row.
const ROW: f32 = 5.4;
/// The height of a row of figures.
const FIGURE_ROW: f32 = 4.0;

/// The forms print Khmer first and English beside it.
pub struct Words {
    km: Tr,
    en: Tr,
    numerals: Numerals,
}

impl Default for Words {
    fn default() -> Words {
        Words::new(Numerals::Western)
    }
}

impl Words {
    /// Both languages, figures in `numerals`.
    pub fn new(numerals: Numerals) -> Words {
        Words {
            km: Tr::new(Lang::Km),
            en: Tr::new(Lang::En),
            numerals,
        }
    }

    /// A figure in the form's numerals.
    pub fn num(&self, value: impl std::fmt::Display) -> String {
        self.numerals.show(&value.to_string())
    }

    /// `ខ្មែរ / English`.
    pub fn t(&self, key: T) -> String {
        format!("{} / {}", self.km.t(key), self.en.t(key))
    }

    /// A template in both languages.
    pub fn f(&self, key: T, args: &[(&str, &dyn std::fmt::Display)]) -> String {
        format!("{} / {}", self.km.f(key, args), self.en.f(key, args))
    }

    /// A check's name in both languages; a name the file gives that is no
    /// check, as it is.
    pub fn check(&self, check: &CheckPart) -> String {
        match check.check() {
            Some(name) => format!("{} / {}", self.km.check(name), self.en.check(name)),
            None => check.name.clone(),
        }
    }

    /// A check's status in both languages, figures in the form's numerals;
    /// a status the file gives that is no status, as it is.
    pub fn status(&self, check: &CheckPart) -> String {
        let Some(status) = check.state() else {
            return check.status.clone();
        };
        let km = self.km.with_numerals(self.numerals).status(status);
        let en = self.en.with_numerals(self.numerals).status(status);
        format!("{km} / {en}")
    }

    /// Only the Khmer, or only the English, for a heading on two lines.
    pub fn km(&self, key: T) -> &'static str {
        self.km.t(key)
    }

    pub fn en(&self, key: T) -> &'static str {
        self.en.t(key)
    }

    /// The same text made in each language: `ខ្មែរ / English`.
    pub fn each(&self, make: impl Fn(Tr) -> String) -> String {
        format!("{} / {}", make(self.km), make(self.en))
    }

    /// A station-file text: the Khmer, then the English if it differs.
    pub fn name(&self, text: &LocalizedText) -> String {
        match (text.exactly("km"), text.exactly("en")) {
            (Some(km), Some(en)) if km != en => format!("{km} / {en}"),
            _ => text.get("km").to_string(),
        }
    }
}

/// The results form of a sealed count, one copy; then, if given, the ruling
/// log annex. Every page carries the footer (station, definition hash,
/// results hash and short code, page n of m, QR code).
pub fn pages(
    w: &Words,
    doc: &ResultsDocument,
    copy: Copy,
    criteria: &CriteriaSet,
    annex: Option<&[EntryBody]>,
) -> Vec<Page> {
    let hash = Hash256::of(&doc.to_bytes());
    let mut flow = Flow::new();
    form_body(w, &mut flow, doc, criteria);
    if let Some(entries) = annex {
        flow.pages.push(Page::default());
        flow.y = MARGIN + crate::report::layout::HEADER_HEIGHT;
        annex_body(w, &mut flow, doc, criteria, entries);
    }
    let total = flow.pages.len();
    let qr = qr::modules(&qr::payload(doc, &hash));
    let mut pages = flow.pages;
    for (i, page) in pages.iter_mut().enumerate() {
        frame(w, page, doc, copy, &hash, qr.as_ref(), i + 1, total);
    }
    pages
}

/// A heading: the Khmer line, then the English beneath it, kept together
/// on one page.
pub(crate) fn heading(w: &Words, flow: &mut Flow, key: T, size: f32) {
    flow.need(line_height(size) + line_height(size * 0.75));
    flow.text(MARGIN, size, true, Tone::Black, w.km(key));
    flow.down(size);
    flow.text(MARGIN, size * 0.75, true, Tone::Black, w.en(key));
    flow.down(size * 0.75);
}

/// Wrapped text from `x` to the right margin, in black.
fn paragraph(flow: &mut Flow, x: f32, size: f32, bold: bool, text: &str) {
    flow.paragraph(x, size, bold, Tone::Black, text);
}

fn form_body(w: &Words, flow: &mut Flow, doc: &ResultsDocument, criteria: &CriteriaSet) {
    heading(w, flow, T::FormTitle, 15.0);
    if let Some(recount) = &doc.recount {
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
    let complaint = w.each(|tr| {
        tr.f(
            T::FormComplaint,
            &[
                ("date", &doc.complaint_deadline),
                ("sealed", &doc.sealed_at),
                ("days", &doc.complaint_days),
                ("commune", &doc.station.commune.get(tr.lang.code())),
            ],
        )
    });
    paragraph(flow, MARGIN, 9.0, true, &complaint);
    flow.y += 1.0;
    flow.rule();

    // Votes per party, in ballot order, in digits and in words.
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
    // Two columns: the counted figures on the left; valid and invalid
    // ballots, invalid per criterion and disputes on the right. Each row:
    // key, the label in Khmer then English, the figure at the column's edge.
    let mut left: Vec<(String, String, String)> = figures
        .iter()
        .filter(|(symbol, _, _)| !matches!(*symbol, "P" | "X"))
        .map(|(symbol, label, value)| {
            (
                symbol.to_string(),
                format!("{} / {}", w.km(*label), w.en(*label)),
                value.clone(),
            )
        })
        .collect();
    let mut right: Vec<(String, String, String)> = figures
        .iter()
        .filter(|(symbol, _, _)| matches!(*symbol, "P" | "X"))
        .map(|(symbol, label, value)| {
            (
                symbol.to_string(),
                format!("{} / {}", w.km(*label), w.en(*label)),
                value.clone(),
            )
        })
        .collect();
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

    // Checks, with their differences and explanations.
    flow.need(line_height(12.0) + 5.0);
    flow.text(MARGIN, 12.0, true, Tone::Black, &w.t(T::ChecksTitle));
    flow.down(12.0);
    // Cross-checks that hold, or whose pile was not counted, take one line
    // each group; checks that differ are listed one by one.
    let cross_party = |c: &CheckPart| match c.check() {
        Some(CheckName::CrossCheck(party)) => Some(party),
        _ => None,
    };
    let group = |status: CheckStatus| -> Vec<String> {
        doc.checks
            .iter()
            .filter(|c| c.state() == Some(status))
            .filter_map(|c| cross_party(c).map(|p| p.to_string()))
            .collect()
    };
    let (cross_holding, cross_pending) = (group(CheckStatus::Holds), group(CheckStatus::Pending));
    let differs = |c: &CheckPart| matches!(c.state(), Some(CheckStatus::Differs(_)));
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

    // Signatures.
    // The signature block stays together on one page.
    let refusal_lines: usize = doc
        .refused
        .iter()
        .map(|r| {
            wrap(
                &format!("{}: {}", &w.t(T::FormRefused), r.reason),
                9.0,
                false,
                80.0,
            )
            .len()
        })
        .sum();
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
        let lines = wrap(
            &format!("{}: {}", &w.t(T::FormRefused), r.reason),
            9.0,
            false,
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
/// One line of the annex for an entry, in both languages.
pub fn describe(w: &Words, doc: &ResultsDocument, criteria: &CriteriaSet, event: &Event) -> String {
    w.each(|tr| describe_in(tr, doc, criteria, event))
}

fn describe_in(tr: Tr, doc: &ResultsDocument, criteria: &CriteriaSet, event: &Event) -> String {
    let lang = tr.lang.code();
    let abbreviation = |n: u32| {
        doc.parties
            .iter()
            .find(|p| p.number == n)
            .map(|p| p.abbreviation.as_str())
    };
    let party = |n: u32| abbreviation(n).map_or(n.to_string(), |a| format!("{n} {a}"));
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
        Event::Ruling(r) | Event::Review { ruling: r, .. } => {
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
            if let Event::Review { original_seq, .. } = event {
                text = tr.f(T::AnnexReview, &[("seq", original_seq), ("ruling", &text)]);
            }
            text
        }
        Event::Void { ruling_seq, reason } => {
            tr.f(T::AnnexVoid, &[("seq", ruling_seq), ("reason", reason)])
        }
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
            &[("seq", ruling_seq), ("parties", &list(parties))],
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
            let names: Vec<String> = seal.signed.iter().map(|s| s.name.clone()).collect();
            tr.f(T::AnnexSealed, &[("names", &names.join(", "))])
        }
    }
}

fn annex_body(
    w: &Words,
    flow: &mut Flow,
    doc: &ResultsDocument,
    criteria: &CriteriaSet,
    entries: &[EntryBody],
) {
    flow.text(MARGIN, 16.0, true, Tone::Black, &w.t(T::AnnexTitle));
    flow.down(16.0);
    let header = |flow: &mut Flow| {
        flow.text(MARGIN, 9.0, true, Tone::Black, &w.t(T::Entry));
        flow.text(MARGIN + 16.0, 9.0, true, Tone::Black, &w.t(T::AnnexTime));
        flow.text(MARGIN + 52.0, 9.0, true, Tone::Black, &w.t(T::AnnexWhat));
        flow.y += 5.0;
    };
    header(flow);
    for entry in entries {
        let text = describe(w, doc, criteria, &entry.event);
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
    w: &Words,
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
    let label = w.t(copy.label());
    let width = text_width(&label, 10.0, true);
    items.push(text(
        RIGHT - width,
        MARGIN + 3.5,
        10.0,
        true,
        Tone::Black,
        label,
    ));
    if doc.practice {
        let notice = w.t(T::Practice);
        let size = fit_size(&notice, 16.0, true, RIGHT - MARGIN);
        let width = text_width(&notice, size, true);
        items.push(text(
            (PAGE_WIDTH - width) / 2.0,
            MARGIN + 11.0,
            size,
            true,
            Tone::Red,
            notice,
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
    let hex = groups(&hash.to_hex());
    let (first, second) = hex.split_at(hex.len() / 2);
    let mut lines = vec![
        (
            9.0,
            false,
            Tone::Black,
            format!(
                "{} {}   {} {}",
                &w.t(T::Station),
                doc.station.code,
                &w.t(T::DefinitionHash),
                grouped(&doc.definition_hash.short(16))
            ),
        ),
        (9.0, true, Tone::Black, w.t(T::FormResultsHash)),
        (9.0, false, Tone::Black, first.join(" ")),
        (9.0, false, Tone::Black, second.join(" ")),
        (9.0, true, Tone::Black, w.t(T::FormShortCode)),
        (16.0, true, Tone::Black, short_code(hash)),
        (
            9.0,
            false,
            Tone::Black,
            format!(
                "{}   {}",
                w.f(T::FormPage, &[("n", &number), ("m", &total)]),
                &w.t(copy.destination())
            ),
        ),
    ];
    if doc.practice {
        let notice = w.t(T::Practice);
        let size = fit_size(&notice, 12.0, true, RIGHT - MARGIN - FOOTER_HEIGHT);
        lines.insert(0, (size, true, Tone::Red, notice));
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
