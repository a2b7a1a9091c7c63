//! The trainer's report of a training round on practice ballots, in Khmer
//! and English: who trained and when, the deck, each member's score, the
//! commission's agreement (Fleiss' kappa), and every ballot the members
//! ruled differently, drawn as the members saw it, beside their rulings,
//! the expected ruling and the criterion's text and drawing. TRAINING
//! stands across every page, and the footer carries the training record's
//! journal head, so a printed report names the record it was made from.

use crate::domain::criteria::{CriteriaSet, CriterionCode};
use crate::domain::hash::{Hash256, grouped};
use crate::domain::message::Message;
use crate::domain::practice::{Answers, Deck, Disagreement, MarkKind, Scores};
use crate::domain::ruling::Verdict;
use crate::domain::station::StationDefinition;
use crate::domain::time::Timestamp;
use crate::domain::zone::Zone;
use crate::i18n::bilingual::Words;
use crate::i18n::{T, Tr};
use crate::illustration::{self, Ink, Primitive};
use crate::report::frame::{Footer, Frame, RIGHT};
use crate::report::layout::{
    ASCENT, DESCENT, Flow, HEADER_HEIGHT, Item, MARGIN, Page, Tone, em, line_height, text_width,
    wrap,
};
use crate::report::pdf;
use crate::report::tables::{Col, Doc, MIN_SIZE};

/// What the trainer's report is made from.
pub struct TrainingReport<'a> {
    /// The station: its code, election, parties and criteria.
    pub definition: &'a StationDefinition,
    pub deck: &'a Deck,
    /// Each member's answers, in the order the members first answered.
    pub answers: &'a [Answers],
    /// `practice::score(deck, answers)`.
    pub scores: &'a Scores,
    pub trainer: Option<&'a str>,
    /// When the training record was opened.
    pub opened: Timestamp,
    pub last_answer: Option<Timestamp>,
    /// The station's zone: times are printed local, with their offset.
    pub zone: &'a Zone,
    pub definition_hash: &'a Hash256,
    /// The training record's journal head the report was made at.
    pub head: &'a Hash256,
}

/// The size of the body text and of the table rows.
const BODY: f32 = 9.5;
/// The widest a practice ballot is drawn, and the tallest: a ballot of many
/// parties is drawn narrower, so that two fit on a page.
const CARD_WIDTH: f32 = 40.0;
const CARD_HEIGHT: f32 = 92.0;
/// Room left of a drawn ballot for its parties' numbers.
const NUMBER_ROOM: f32 = 6.0;
/// The width of a criterion's drawing beside a disagreed ballot.
const CRITERION_WIDTH: f32 = 18.0;
/// The width of the members' names beside their rulings.
const NAME_WIDTH: f32 = 40.0;

/// The trainer's report as a PDF; the same inputs give the same bytes.
pub fn training_pdf(r: &TrainingReport) -> Result<Vec<u8>, Message> {
    let pages = training_pages(r)?;
    let id = Hash256::of_parts(&[
        b"polltally training report",
        r.head.as_bytes(),
        r.definition_hash.as_bytes(),
    ]);
    let title = Words::default().t(T::TrnTitle);
    Ok(pdf::render(&pages, &title, &id.to_hex()[..32]))
}

/// The pages of the trainer's report.
pub fn training_pages(r: &TrainingReport) -> Result<Vec<Page>, Message> {
    let def = r.definition;
    let w = Words::new(def.numerals);
    let mut d = Doc::with(Words::new(def.numerals));
    d.heading(T::TrnTitle, 15.0);
    d.flow.y += 2.0;
    about(&mut d, &w, r);
    d.rule();
    scores(&mut d, &w, r);
    d.rule();
    agreement(&mut d, &w, r);
    d.rule();
    disagreements(&mut d, &w, r);

    let frame = Frame {
        top: format!("{} | {}", def.station.code, def.election.id),
        label: None,
        practice: false,
        training: true,
        footer: Footer::Hash(format!(
            "{}: {}",
            w.t(T::TrnHead),
            grouped(&r.head.to_hex())
        )),
    };
    let mut pages = d.flow.pages;
    frame.apply(&w, &mut pages);
    Ok(pages)
}

/// The station, the election, the time, the people and the deck, as
/// label and value.
fn about(d: &mut Doc, w: &Words, r: &TrainingReport) {
    let def = r.definition;
    let cols = [Col::Left(MARGIN), Col::Left(MARGIN + 52.0)];
    let members: Vec<&str> = r.answers.iter().map(|a| a.member.as_str()).collect();
    let last = match r.last_answer {
        Some(at) => w.time(r.zone, at),
        None => w.t(T::TrnNoAnswer),
    };
    let rows = [
        (
            w.t(T::Station),
            format!("{}  {}", def.station.code, w.name(&def.station.name)),
        ),
        (
            w.t(T::Election),
            format!("{} ({})", w.name(&def.election.name), def.election.id),
        ),
        (w.t(T::DefinitionHash), grouped(&r.definition_hash.to_hex())),
        (w.t(T::TrnOpened), w.time(r.zone, r.opened)),
        (w.t(T::TrnLastAnswer), last),
        (
            w.t(T::TrnTrainer),
            r.trainer
                .map_or_else(|| w.t(T::TrnNoTrainer), str::to_string),
        ),
        (
            format!("{} ({})", w.t(T::TrnMembers), w.num(members.len())),
            members.join(", "),
        ),
        (
            w.t(T::TrnDeck),
            w.each(|tr| {
                tr.f(
                    T::TrnDeckSize,
                    &[
                        ("seed", &tr.num(r.deck.seed)),
                        ("n", &tr.num(r.deck.cards.len())),
                    ],
                )
            }),
        ),
    ];
    for (label, value) in rows {
        d.row(&cols, &[label, value], BODY, false);
    }
    for (i, kind) in kinds(w, r.deck).into_iter().enumerate() {
        let label = if i == 0 {
            w.t(T::TrnKinds)
        } else {
            String::new()
        };
        d.row(&cols, &[label, kind], BODY, false);
    }
}

/// The deck's mix: each kind of ballot in it, with how many cards of it
/// the deck holds and the criterion that rules it.
fn kinds(w: &Words, deck: &Deck) -> Vec<String> {
    MarkKind::ALL
        .iter()
        .filter_map(|kind| {
            let cards: Vec<_> = deck.cards.iter().filter(|c| c.kind == *kind).collect();
            let code = cards.first()?.expected.criterion();
            Some(format!(
                "{}  {code}  {}",
                w.num(cards.len()),
                w.t(kind_name(*kind))
            ))
        })
        .collect()
}

fn kind_name(kind: MarkKind) -> T {
    match kind {
        MarkKind::Tick => T::TrnKindTick,
        MarkKind::OtherMark => T::TrnKindOtherMark,
        MarkKind::BesideBox => T::TrnKindBesideBox,
        MarkKind::Faint => T::TrnKindFaint,
        MarkKind::NoStamp => T::TrnKindNoStamp,
        MarkKind::Blank => T::TrnKindBlank,
        MarkKind::TwoParties => T::TrnKindTwoParties,
        MarkKind::Straddling => T::TrnKindStraddling,
        MarkKind::Identifying => T::TrnKindIdentifying,
        MarkKind::Damaged => T::TrnKindDamaged,
    }
}

/// Per member: ballots ruled, correct rulings, and correct rulings per
/// criterion as `correct/ballots`, as many criteria side by side as fit
/// (more criteria take more tables).
fn scores(d: &mut Doc, w: &Words, r: &TrainingReport) {
    // The heading, its note, and each table's two header rows and a row a
    // member, kept on one page where they fit.
    let tables = r.scores.members.len() as f32 + 2.0;
    keep_together(d, 4.0 * line_height(11.0) + tables * line_height(BODY));
    d.heading(T::TrnScores, 11.0);
    d.paragraph(8.5, false, Tone::Black, &w.t(T::TrnScoresNote));
    d.flow.y += 1.0;
    let mut codes: Vec<&CriterionCode> = r
        .scores
        .members
        .iter()
        .flat_map(|m| m.per_criterion.iter().map(|(code, _, _)| code))
        .collect();
    let criteria = &r.definition.criteria;
    codes.sort_by(|a, b| (listed(criteria, a), *a).cmp(&(listed(criteria, b), *b)));
    codes.dedup();
    let (ruled, correct, first) = (MARGIN + 54.0, MARGIN + 70.0, MARGIN + 70.0);
    // The widest cell, all of the deck's cards correct.
    let cards = w.num(r.deck.cards.len());
    let step = text_width(&format!("{cards}/{cards}"), BODY, false) + 2.5;
    let per_table = (((RIGHT - first) / step) as usize).max(1);
    let chunks: Vec<&[&CriterionCode]> = if codes.is_empty() {
        vec![&codes[..]]
    } else {
        codes.chunks(per_table).collect()
    };
    for chunk in chunks {
        let mut cols = vec![Col::Left(MARGIN), Col::Right(ruled), Col::Right(correct)];
        cols.extend((1..=chunk.len()).map(|i| Col::Right(first + step * i as f32)));
        let mut km = vec![
            w.km(T::TrnMember).to_string(),
            w.km(T::TrnRuled).to_string(),
            w.km(T::TrnCorrect).to_string(),
        ];
        km.extend(chunk.iter().map(|c| c.to_string()));
        d.row(&cols, &km, MIN_SIZE, true);
        let mut en = vec![
            w.en(T::TrnMember).to_string(),
            w.en(T::TrnRuled).to_string(),
            w.en(T::TrnCorrect).to_string(),
        ];
        en.extend(chunk.iter().map(|_| String::new()));
        d.row(&cols, &en, MIN_SIZE, true);
        for m in &r.scores.members {
            let mut cells = vec![m.member.clone(), w.num(m.ruled), w.num(m.correct)];
            cells.extend(chunk.iter().map(|code| {
                m.per_criterion
                    .iter()
                    .find(|(c, _, _)| c == *code)
                    .map_or(String::new(), |(_, cards, right)| {
                        format!("{}/{}", w.num(right), w.num(cards))
                    })
            }));
            d.row(&cols, &cells, BODY, false);
        }
        d.flow.y += 2.0;
    }
}

/// Fleiss' kappa over the whole rulings, with the ballots and members it
/// is over, then per criterion chosen; a kappa that cannot be computed is
/// a dash, with the reason beneath it.
fn agreement(d: &mut Doc, w: &Words, r: &TrainingReport) {
    // The heading, its note, the header rows, the whole rulings on two
    // lines with its reason, and a row a criterion with the reasons under
    // those that have one, kept on one page where they fit.
    let note = wrap(&w.t(T::TrnAgreementNote), 8.5, false, RIGHT - MARGIN).len();
    let reasons = r.scores.by_criterion.iter().filter(|(_, k)| k.is_none());
    let rows = r.scores.by_criterion.len() + reasons.count() + 4;
    keep_together(
        d,
        line_height(11.0) * 1.75
            + note as f32 * line_height(8.5)
            + 2.0 * line_height(MIN_SIZE)
            + rows as f32 * line_height(BODY)
            + 3.0,
    );
    d.heading(T::TrnAgreement, 11.0);
    d.paragraph(8.5, false, Tone::Black, &w.t(T::TrnAgreementNote));
    d.flow.y += 1.0;
    let cols = [
        Col::Left(MARGIN),
        Col::Right(MARGIN + 128.0),
        Col::Right(MARGIN + 152.0),
        Col::Right(RIGHT),
    ];
    let label_only = [Col::Left(MARGIN + 4.0)];
    d.row(
        &cols,
        &[
            String::new(),
            w.km(T::TrnBallots).into(),
            w.km(T::TrnRaters).into(),
            w.km(T::TrnKappa).into(),
        ],
        MIN_SIZE,
        true,
    );
    d.row(
        &cols,
        &[
            String::new(),
            w.en(T::TrnBallots).into(),
            w.en(T::TrnRaters).into(),
            w.en(T::TrnKappa).into(),
        ],
        MIN_SIZE,
        true,
    );
    let (ballots, raters, kappa, why) = match &r.scores.agreement {
        Some(a) => (
            w.num(a.subjects),
            w.num(a.raters),
            a.kappa.map_or("-".to_string(), |k| kappa_text(w, k)),
            a.kappa.is_none().then(|| w.t(T::TrnKappaOneRuling)),
        ),
        None => (
            String::new(),
            w.num(r.answers.len()),
            "-".to_string(),
            Some(w.t(if r.answers.len() < 2 {
                T::TrnKappaTooFew
            } else {
                T::TrnKappaNoCommon
            })),
        ),
    };
    d.row(
        &cols,
        &[w.t(T::TrnWhole), ballots, raters, kappa],
        BODY,
        true,
    );
    if let Some(why) = why {
        d.row(&label_only, &[why], 8.5, false);
    }
    if !r.scores.left_out.is_empty() {
        let cards = r.deck.cards.len();
        let left_out = w.each(|tr| {
            tr.f(
                T::TrainingLeftOut,
                &[("members", &tr.left_out(&r.scores.left_out, cards))],
            )
        });
        d.row(&label_only, &[left_out], 8.5, false);
    }
    if r.scores.by_criterion.is_empty() {
        return;
    }
    d.flow.y += 1.0;
    d.row(&[Col::Left(MARGIN)], &[w.t(T::TrnPerCriterion)], BODY, true);
    let mut by_criterion: Vec<_> = r.scores.by_criterion.iter().collect();
    let criteria = &r.definition.criteria;
    by_criterion.sort_by(|(a, _), (b, _)| (listed(criteria, a), a).cmp(&(listed(criteria, b), b)));
    for (code, kappa) in by_criterion {
        let label = format!(
            "{code} {}",
            criterion_title(w, &r.definition.criteria, code)
        );
        let shown = kappa.map_or("-".to_string(), |k| kappa_text(w, k));
        d.row(
            &cols,
            &[label, String::new(), String::new(), shown],
            BODY,
            false,
        );
        if kappa.is_none() {
            d.row(&label_only, &[w.t(T::TrnKappaAlways)], 8.5, false);
        }
    }
}

/// Starts a new page when a block `height` tall does not fit on this one
/// but would on a page of its own.
fn keep_together(d: &mut Doc, height: f32) {
    let page = d.flow.bottom() - (MARGIN + HEADER_HEIGHT);
    if height <= page {
        d.flow.need(height);
    }
}

/// Where a criterion stands in the station's list (the valid ones first,
/// as the counting screen lists them); a code not listed after them all.
fn listed(criteria: &CriteriaSet, code: &CriterionCode) -> usize {
    criteria
        .iter()
        .position(|c| &c.code == code)
        .unwrap_or(usize::MAX)
}

/// A kappa to two places, never `-0.00`.
fn kappa_text(w: &Words, kappa: f64) -> String {
    let text = format!("{kappa:.2}");
    if text == "-0.00" {
        w.num("0.00")
    } else {
        w.num(text)
    }
}

/// A criterion's title in both languages, or nothing for a code the
/// station's criteria do not hold.
fn criterion_title(w: &Words, criteria: &CriteriaSet, code: &CriterionCode) -> String {
    criteria
        .get(code)
        .map_or(String::new(), |c| w.name(&c.title))
}

/// A ruling as the trainer reads it: the party's number and abbreviation,
/// or invalid, and the criterion's code and title.
fn ruling(tr: Tr, def: &StationDefinition, verdict: &Verdict) -> String {
    let title = |code: &CriterionCode| {
        def.criteria
            .get(code)
            .map_or("", |c| c.title.get(tr.lang.code()))
            .to_string()
    };
    match verdict {
        Verdict::Valid { party, criterion } => tr.f(
            T::TrnRulingValid,
            &[
                ("party", &tr.num(party)),
                (
                    "abbr",
                    &def.party(*party).map_or("", |p| p.abbreviation.as_str()),
                ),
                ("code", criterion),
                ("title", &title(criterion)),
            ],
        ),
        Verdict::Invalid { criterion } => tr.f(
            T::TrnRulingInvalid,
            &[("code", criterion), ("title", &title(criterion))],
        ),
    }
}

/// The cards the members ruled differently, each drawn beside what each
/// member ruled, the expected ruling, and the criterion's text and drawing.
fn disagreements(d: &mut Doc, w: &Words, r: &TrainingReport) {
    d.heading(T::TrnDisagreed, 11.0);
    let count = w.f(
        T::TrnDisagreedCount,
        &[
            ("n", &w.num(r.scores.disagreements.len())),
            ("total", &w.num(r.deck.cards.len())),
        ],
    );
    if r.scores.disagreements.is_empty() {
        d.paragraph(BODY, false, Tone::Black, &w.t(T::TrnNoDisagreement));
        return;
    }
    d.paragraph(BODY, false, Tone::Black, &count);
    d.flow.y += 2.0;
    for (i, disagreement) in r.scores.disagreements.iter().enumerate() {
        if i > 0 {
            d.rule();
            d.flow.y += 2.0;
        }
        card_block(&mut d.flow, w, r, disagreement);
    }
}

/// One line of text beside a drawing: its runs share a baseline.
struct Line {
    size: f32,
    runs: Vec<(f32, bool, Tone, String)>,
}

/// Lines of `text` wrapped from `x` to `right`.
fn lines(text: &str, x: f32, right: f32, size: f32, bold: bool, tone: Tone) -> Vec<Line> {
    wrap(text, size, bold, right - x)
        .into_iter()
        .map(|part| Line {
            size,
            runs: vec![(x, bold, tone, part)],
        })
        .collect()
}

/// A name and what it says side by side, each wrapped in its column.
fn named(name: &str, text: &str, x: f32, right: f32, bold: bool, tone: Tone) -> Vec<Line> {
    let names = wrap(name, BODY, bold, NAME_WIDTH - 2.0);
    let texts = wrap(text, BODY, bold, right - x - NAME_WIDTH);
    (0..names.len().max(texts.len()))
        .map(|i| {
            let mut runs = Vec::new();
            if let Some(name) = names.get(i) {
                runs.push((x, bold, Tone::Black, name.clone()));
            }
            if let Some(text) = texts.get(i) {
                runs.push((x + NAME_WIDTH, bold, tone, text.clone()));
            }
            Line { size: BODY, runs }
        })
        .collect()
}

/// One disagreed card: the ballot drawn at the left, the expected
/// criterion's drawing beside it, and the text to the right.
fn card_block(flow: &mut Flow, w: &Words, r: &TrainingReport, disagreement: &Disagreement) {
    let def = r.definition;
    let Some(card) = r.deck.cards.iter().find(|c| c.number == disagreement.card) else {
        return;
    };
    let rows = def.parties.len().max(1);
    let ballot = illustration::ballot_height(rows);
    let card_width = CARD_WIDTH.min(CARD_HEIGHT * illustration::WIDTH / ballot);
    let card_scale = card_width / illustration::WIDTH;
    let card_height = ballot * card_scale;
    let code = disagreement.expected.criterion();
    let criterion_drawing = illustration::for_criterion(code.as_str());
    let card_x = MARGIN + NUMBER_ROOM;
    let crit_x = card_x + card_width + 4.0;
    let crit_scale = CRITERION_WIDTH / illustration::WIDTH;
    let crit_height = illustration::HEIGHT * crit_scale + line_height(9.0) + 1.0;
    let text_x = match criterion_drawing {
        Some(_) => crit_x + CRITERION_WIDTH + 5.0,
        None => crit_x + 1.0,
    };

    let mut text = lines(
        &w.f(T::TrnCard, &[("n", &w.num(card.number))]),
        text_x,
        RIGHT,
        11.0,
        true,
        Tone::Black,
    );
    for (member, verdict) in &disagreement.rulings {
        let (said, tone) = match verdict {
            Some(v) if *v == disagreement.expected => (
                format!(
                    "{} ({})",
                    w.each(|tr| ruling(tr, def, v)),
                    w.t(T::TrnAsExpected)
                ),
                Tone::Black,
            ),
            Some(v) => (w.each(|tr| ruling(tr, def, v)), Tone::Red),
            None => (w.t(T::TrnNotRuled), Tone::Red),
        };
        text.extend(named(member, &said, text_x, RIGHT, false, tone));
    }
    text.extend(named(
        &w.t(T::TrnExpected),
        &w.each(|tr| ruling(tr, def, &disagreement.expected)),
        text_x,
        RIGHT,
        true,
        Tone::Black,
    ));
    if let Some(criterion) = def.criteria.get(code) {
        text.push(Line {
            size: 3.0,
            runs: Vec::new(),
        });
        text.extend(lines(
            &format!("{code} {}", w.name(&criterion.title)),
            text_x,
            RIGHT,
            BODY,
            true,
            Tone::Black,
        ));
        for lang in ["km", "en"] {
            if let Some(rule) = criterion.rule.exactly(lang) {
                text.extend(lines(rule, text_x, RIGHT, 9.0, false, Tone::Black));
            }
        }
    }

    let text_height: f32 = text.iter().map(|l| line_height(l.size)).sum();
    let drawings = card_height.max(if criterion_drawing.is_some() {
        crit_height
    } else {
        0.0
    });
    // The whole block on one page, unless it is taller than a page: then
    // from the top of one, its text running on to the next.
    let page = flow.bottom() - (MARGIN + HEADER_HEIGHT);
    if drawings.max(text_height).min(page) > flow.bottom() - flow.y {
        flow.new_page();
    }
    let top = flow.y;
    draw(
        flow,
        &illustration::practice_card(card, rows),
        card_x,
        top,
        card_scale,
    );
    // Each row's party number beside it, as on the real ballot.
    for (row, party) in def.parties.iter().enumerate() {
        let number = w.num(party.number);
        let middle = top + illustration::row_middle(row) * card_scale;
        flow.push(Item::Text {
            x: card_x - 1.0 - text_width(&number, 8.0, false),
            y: middle + (ASCENT - DESCENT) / 2.0 * em(8.0),
            size: 8.0,
            bold: false,
            tone: Tone::Grey,
            text: number,
        });
    }
    if let Some(shapes) = &criterion_drawing {
        draw(flow, shapes, crit_x, top, crit_scale);
        flow.y = top + illustration::HEIGHT * crit_scale + 1.0;
        flow.text(crit_x, 9.0, true, Tone::Black, code.as_str());
    }
    flow.y = top;
    let page = flow.pages.len();
    for line in text {
        flow.need(line_height(line.size));
        for (x, bold, tone, run) in &line.runs {
            flow.text(*x, line.size, *bold, *tone, run);
        }
        flow.down(line.size);
    }
    // Below the drawings when the text stayed on their page.
    if flow.pages.len() == page {
        flow.y = flow.y.max(top + drawings);
    }
    flow.y += 2.0;
}

/// The colour of an ink on paper.
fn tone(ink: Ink) -> Tone {
    match ink {
        Ink::Print => Tone::Grey,
        Ink::Pen => Tone::Pen,
        Ink::Faint => Tone::FaintPen,
        Ink::Stamp => Tone::Stamp,
        Ink::Paper => Tone::Paper,
    }
}

/// The thinnest stroke drawn, in millimetres: a hairline still prints.
const HAIRLINE: f32 = 0.15;
/// The strokes of outlines and circles, in drawing units (as the screen
/// paints them).
const OUTLINE: f32 = 1.0;
const CIRCLE: f32 = 1.4;

/// Draws `shapes` (in drawing units, y down) with their top-left corner at
/// (`x`, `y`), `scale` millimetres a unit.
fn draw(flow: &mut Flow, shapes: &[Primitive], x: f32, y: f32, scale: f32) {
    let at = |(px, py): (f32, f32)| (x + px * scale, y + py * scale);
    let stroke = |units: f32| (units * scale).max(HAIRLINE);
    for shape in shapes {
        let item = match shape {
            Primitive::Line {
                points,
                ink,
                width,
                dashed,
            } => Item::Path {
                points: points.iter().copied().map(at).collect(),
                width: stroke(*width),
                tone: tone(*ink),
                closed: false,
                filled: false,
                dashed: *dashed,
            },
            Primitive::Rect { min, max, ink } => Item::Path {
                points: vec![at(*min), at((max.0, min.1)), at(*max), at((min.0, max.1))],
                width: stroke(OUTLINE),
                tone: tone(*ink),
                closed: true,
                filled: false,
                dashed: false,
            },
            Primitive::Circle {
                center,
                radius,
                ink,
                dashed,
            } => Item::Path {
                points: (0..48)
                    .map(|i| {
                        let a = i as f32 / 48.0 * std::f32::consts::TAU;
                        at((center.0 + radius * a.cos(), center.1 + radius * a.sin()))
                    })
                    .collect(),
                width: stroke(CIRCLE),
                tone: tone(*ink),
                closed: true,
                filled: false,
                dashed: *dashed,
            },
            Primitive::Fill { points, ink } => Item::Path {
                points: points.iter().copied().map(at).collect(),
                width: 0.0,
                tone: tone(*ink),
                closed: true,
                filled: true,
                dashed: false,
            },
        };
        flow.push(item);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::practice::{Mix, score};
    use crate::domain::station::StationFile;
    use crate::report::layout::Area;

    fn station() -> StationFile {
        StationFile::parse(include_bytes!("../../assets/sample-station.json").to_vec()).unwrap()
    }

    fn code(text: &str) -> CriterionCode {
        CriterionCode::parse(text).unwrap()
    }

    /// Three members over a 20-card deck: the first rules every card as
    /// expected; the second rules faint ticks blank and two-party ballots
    /// valid for their first party; the third leaves card 3 unruled and
    /// rules other marks invalid as identifying.
    fn round(def: &StationDefinition) -> (Deck, Vec<Answers>) {
        let deck = Deck::generate(def, 7, 20, &Mix::default()).unwrap();
        let right: Vec<Option<Verdict>> = deck
            .cards
            .iter()
            .map(|c| Some(c.expected.clone()))
            .collect();
        let mut second = right.clone();
        let mut third = right.clone();
        for (i, card) in deck.cards.iter().enumerate() {
            match card.kind {
                MarkKind::Faint => {
                    second[i] = Some(Verdict::Invalid {
                        criterion: code("I2"),
                    });
                }
                MarkKind::TwoParties => {
                    second[i] = Some(Verdict::Valid {
                        party: def.parties[card.rows[0]].number,
                        criterion: code("V1"),
                    });
                }
                MarkKind::OtherMark => {
                    third[i] = Some(Verdict::Invalid {
                        criterion: code("I5"),
                    });
                }
                _ => {}
            }
        }
        third[2] = None;
        let answers = vec![
            Answers {
                member: "Sok Dara".into(),
                rulings: right,
            },
            Answers {
                member: "Chan Sophea".into(),
                rulings: second,
            },
            Answers {
                member: "Keo Malis".into(),
                rulings: third,
            },
        ];
        (deck, answers)
    }

    fn pages_of(def: &StationDefinition, deck: &Deck, answers: &[Answers]) -> Vec<Page> {
        let scores = score(deck, answers);
        let zone = Zone::parse("Asia/Phnom_Penh").unwrap();
        let hash = Hash256::of(b"station");
        let head = Hash256::of(b"head");
        let report = TrainingReport {
            definition: def,
            deck,
            answers,
            scores: &scores,
            trainer: Some("Heng Vanna"),
            opened: Timestamp::from_unix_seconds(1_811_000_000),
            last_answer: Some(Timestamp::from_unix_seconds(1_811_003_600)),
            zone: &zone,
            definition_hash: &hash,
            head: &head,
        };
        training_pages(&report).unwrap()
    }

    fn text_of(page: &Page) -> String {
        page.items
            .iter()
            .filter_map(|i| match i {
                Item::Text { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The drawings of disagreed ballots: their outlines, as wide as a
    /// ballot of the station is drawn.
    fn ballots_drawn(pages: &[Page], rows: usize) -> usize {
        let width = CARD_WIDTH
            .min(CARD_HEIGHT * illustration::WIDTH / illustration::ballot_height(rows))
            * 0.96;
        pages
            .iter()
            .flat_map(|p| &p.items)
            .filter(|i| match i {
                Item::Path {
                    points,
                    closed: true,
                    filled: false,
                    ..
                } if points.len() == 4 => (points[1].0 - points[0].0 - width).abs() < 0.01,
                _ => false,
            })
            .count()
    }

    #[test]
    fn the_report_names_the_people_the_scores_and_the_disagreed_ballots() {
        let s = station();
        let def = s.definition();
        let (deck, answers) = round(def);
        let scores = score(&deck, &answers);
        let pages = pages_of(def, &deck, &answers);
        assert!(!scores.disagreements.is_empty());
        let w = Words::default();
        let all: String = pages.iter().map(text_of).collect::<Vec<_>>().join("\n");
        for page in &pages {
            assert!(text_of(page).contains(&w.t(T::TrnMarker)));
            assert!(!text_of(page).contains(&w.t(T::Practice)));
        }
        for name in ["Sok Dara", "Chan Sophea", "Keo Malis", "Heng Vanna"] {
            assert!(all.contains(name), "{name}");
        }
        let kappa = scores.agreement.as_ref().unwrap().kappa.unwrap();
        assert!(all.contains(&format!("{kappa:.2}")), "{kappa}");
        for (_, k) in &scores.by_criterion {
            if let Some(k) = k {
                assert!(all.contains(&format!("{k:.2}")), "{k}");
            }
        }
        for d in &scores.disagreements {
            let title = w.f(T::TrnCard, &[("n", &d.card)]);
            assert!(all.contains(&title), "{title}");
        }
        // The correct per criterion of the second member, who ruled every
        // faint tick blank.
        let faint = deck
            .cards
            .iter()
            .filter(|c| c.kind == MarkKind::Faint)
            .count();
        assert!(all.contains(&format!("0/{faint}")));
        assert_eq!(
            ballots_drawn(&pages, def.parties.len()),
            scores.disagreements.len()
        );
        // The time, local with its offset.
        assert!(all.contains("(UTC+07:00)"));
    }

    #[test]
    fn a_round_without_disagreement_draws_no_ballot() {
        let s = station();
        let def = s.definition();
        let (deck, mut answers) = round(def);
        answers[1].rulings = answers[0].rulings.clone();
        answers[2].rulings = answers[0].rulings.clone();
        let pages = pages_of(def, &deck, &answers);
        let all: String = pages.iter().map(text_of).collect::<Vec<_>>().join("\n");
        assert!(all.contains(&Words::default().t(T::TrnNoDisagreement)));
        assert!(
            pages
                .iter()
                .flat_map(|p| &p.items)
                .all(|i| !matches!(i, Item::Path { .. }))
        );
    }

    #[test]
    fn a_kappa_that_cannot_be_computed_is_a_dash_with_the_reason() {
        let s = station();
        let def = s.definition();
        let (deck, answers) = round(def);
        let w = Words::default();
        // One member alone.
        let pages = pages_of(def, &deck, &answers[..1]);
        let all: String = pages.iter().map(text_of).collect::<Vec<_>>().join("\n");
        assert!(all.contains(&w.t(T::TrnKappaTooFew)));
        // Every member rules every ballot blank: chance alone agrees fully.
        let blank: Vec<Answers> = answers
            .iter()
            .map(|a| Answers {
                member: a.member.clone(),
                rulings: vec![
                    Some(Verdict::Invalid {
                        criterion: code("I2")
                    });
                    20
                ],
            })
            .collect();
        let pages = pages_of(def, &deck, &blank);
        let all: String = pages.iter().map(text_of).collect::<Vec<_>>().join("\n");
        assert!(all.contains(&w.t(T::TrnKappaOneRuling)));
        assert!(all.contains(&w.t(T::TrnKappaAlways)));
        assert!(all.lines().any(|l| l == "-"));
    }

    #[test]
    fn figures_are_printed_in_the_stations_numerals() {
        let s = station();
        let mut def = s.definition().clone();
        def.numerals = crate::domain::text::Numerals::Khmer;
        let (deck, answers) = round(&def);
        let scores = score(&deck, &answers);
        let pages = pages_of(&def, &deck, &answers);
        let all: String = pages.iter().map(text_of).collect::<Vec<_>>().join("\n");
        let kappa = scores.agreement.as_ref().unwrap().kappa.unwrap();
        let khmer = crate::domain::text::Numerals::Khmer.show(&format!("{kappa:.2}"));
        assert!(all.contains(&khmer), "{khmer}");
        assert!(!all.contains(&format!("{kappa:.2}")));
        let first = &scores.disagreements[0];
        let title = Words::new(def.numerals).f(
            T::TrnCard,
            &[(
                "n",
                &crate::domain::text::Numerals::Khmer.show(&first.card.to_string()),
            )],
        );
        assert!(all.contains(&title), "{title}");
    }

    #[test]
    fn every_item_lies_inside_the_margins_and_no_text_runs_into_another_or_a_drawing() {
        let s = station();
        let def = s.definition();
        let (deck, answers) = round(def);
        let content = Area {
            left: MARGIN,
            top: MARGIN,
            right: RIGHT,
            bottom: crate::report::layout::PAGE_HEIGHT - MARGIN,
        };
        for (p, page) in pages_of(def, &deck, &answers).iter().enumerate() {
            let texts: Vec<(&Item, Area)> = page
                .items
                .iter()
                .filter(|i| matches!(i, Item::Text { .. }))
                .map(|i| (i, i.area()))
                .collect();
            // The drawings and the rules between the parts.
            let drawn: Vec<Area> = page
                .items
                .iter()
                .filter(|i| matches!(i, Item::Path { .. } | Item::Line { .. }))
                .map(Item::area)
                .collect();
            for item in &page.items {
                assert!(content.contains(&item.area()), "page {p}: {item:?}");
                if let Item::Text { size, .. } = item {
                    assert!(*size >= MIN_SIZE, "page {p}: {item:?}");
                }
            }
            for (n, (a, area)) in texts.iter().enumerate() {
                for (b, other) in &texts[n + 1..] {
                    assert!(!area.overlaps(other), "page {p}: {a:?} overlaps {b:?}");
                }
                for line in &drawn {
                    assert!(!area.overlaps(line), "page {p}: {a:?} on {line:?}");
                }
            }
        }
    }
}
