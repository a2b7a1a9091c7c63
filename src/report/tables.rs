//! The two documents that go up from the stations, as PDFs in Khmer and
//! English: the comparison of a recount with its original, and the commune
//! results with the council seats. Both are headings and tables on A4 pages,
//! each page carrying the document's hash in its footer.

use crate::domain::comparison::{Change, Comparison};
use crate::domain::hash::grouped;
use crate::domain::message::Message;
use crate::domain::recount::RecountMode;
use crate::domain::results::PartyPart;
use crate::domain::tabulation::CommuneResults;
use crate::i18n::T;
use crate::i18n::bilingual::Words;
use crate::report::frame::{Footer, Frame, RIGHT};
use crate::report::layout::{Flow, GAP, MARGIN, Page, Tone, line_height, wrap};
use crate::report::pdf;

/// The most parties side by side in the table of votes per station.
const PARTY_COLUMNS: usize = 10;

/// The smallest size of any text in the reports.
pub(crate) const MIN_SIZE: f32 = 8.0;
/// The room kept for a figure left of a right-aligned column's edge.
const FIGURE_ROOM: f32 = 20.0;

/// A column: its right edge for figures, its left edge for text.
#[derive(Clone, Copy)]
pub(crate) enum Col {
    Left(f32),
    Right(f32),
}

/// A report being laid out: headings, paragraphs and table rows down the
/// pages, in the words of `w`.
pub(crate) struct Doc {
    pub(crate) w: Words,
    pub(crate) flow: Flow,
}

impl Doc {
    fn new() -> Doc {
        Doc::with(Words::default())
    }

    /// A report in the words of `w` (its numerals).
    pub(crate) fn with(w: Words) -> Doc {
        Doc {
            w,
            flow: Flow::new(),
        }
    }

    /// A heading: Khmer, then English beneath, with room for a first line
    /// of what follows it.
    pub(crate) fn heading(&mut self, key: T, size: f32) {
        self.flow.need(line_height(size) * 2.0 + 6.0);
        self.flow
            .heading(&self.w.km_text(key), &self.w.en_text(key), size);
    }

    pub(crate) fn paragraph(&mut self, size: f32, bold: bool, tone: Tone, text: &str) {
        self.flow.paragraph(MARGIN, size, bold, tone, text);
    }

    /// One row of cells: figures right-aligned on their column's right
    /// edge, text wrapped before the next column (the row as tall as its
    /// tallest cell). Nothing is set smaller than `size`.
    pub(crate) fn row(&mut self, cols: &[Col], cells: &[String], size: f32, bold: bool) {
        let size = size.max(MIN_SIZE);
        let lines: Vec<Vec<String>> = cols
            .iter()
            .zip(cells)
            .enumerate()
            .map(|(i, (col, cell))| match col {
                Col::Right(_) => vec![cell.clone()],
                Col::Left(x) => {
                    let next = cols.get(i + 1).map_or(RIGHT, |c| match c {
                        Col::Left(n) => *n - GAP,
                        Col::Right(n) => *n - FIGURE_ROOM,
                    });
                    wrap(cell, size, bold, next - x)
                }
            })
            .collect();
        let height =
            lines.iter().map(Vec::len).max().unwrap_or(1).max(1) as f32 * line_height(size);
        self.flow.need(height);
        let top = self.flow.y;
        for (col, lines) in cols.iter().zip(&lines) {
            self.flow.y = top;
            for line in lines {
                match col {
                    Col::Right(x) => self.flow.text_right(*x, size, bold, line),
                    Col::Left(x) => self.flow.text(*x, size, bold, Tone::Black, line),
                }
                self.flow.down(size);
            }
        }
        self.flow.y = top + height;
    }

    pub(crate) fn rule(&mut self) {
        self.flow.rule();
    }

    /// Frames every page: the document line at the top, the hash and the
    /// page number at the bottom.
    fn finish(self, top: String, practice: bool, hash_line: String) -> Vec<Page> {
        let frame = Frame {
            top,
            label: None,
            practice,
            training: false,
            footer: Footer::Hash(hash_line),
        };
        let mut pages = self.flow.pages;
        frame.apply(&self.w, &mut pages);
        pages
    }
}

fn change_cells(label: String, c: &Change) -> Vec<String> {
    vec![
        label,
        c.original.to_string(),
        c.recount.to_string(),
        crate::domain::limits::difference_text(c.difference),
    ]
}

/// The comparison report as a PDF.
pub fn comparison_pdf(c: &Comparison) -> Result<Vec<u8>, Message> {
    let pages = comparison_pages(c)?;
    let hash = crate::domain::hash::Hash256::of(&c.to_bytes()?);
    Ok(pdf::render(
        &pages,
        &Words::default().t(T::CmpFormTitle),
        &hash.to_hex()[..32],
    ))
}

/// The pages of the comparison report.
pub fn comparison_pages(c: &Comparison) -> Result<Vec<Page>, Message> {
    let mut d = Doc::new();
    let w = Words::default();
    d.heading(T::CmpFormTitle, 15.0);
    let title = w.each(|tr| tr.recount_title(c));
    d.paragraph(10.0, false, Tone::Black, &title);
    d.paragraph(
        9.0,
        false,
        Tone::Black,
        &format!(
            "{}: {}",
            w.t(T::CmpOriginal),
            grouped(&c.original_results_hash.to_hex())
        ),
    );
    d.paragraph(
        9.0,
        false,
        Tone::Black,
        &format!(
            "{}: {}",
            w.t(T::CmpRecount),
            grouped(&c.recount_results_hash.to_hex())
        ),
    );
    d.rule();
    let cols = [
        Col::Left(MARGIN),
        Col::Right(120.0),
        Col::Right(150.0),
        Col::Right(RIGHT),
    ];
    let header = vec![
        String::new(),
        w.t(T::CmpOriginal),
        w.t(T::CmpRecount),
        w.t(T::CmpDifference),
    ];
    d.heading(T::ScreenResults, 11.0);
    d.row(&cols, &header, 7.5, true);
    for p in &c.parties {
        let label = w.each(|tr| tr.f(T::CmpParty, &[("n", &p.number), ("abbr", &p.abbreviation)]));
        d.row(&cols, &change_cells(label, &p.change), 9.5, false);
    }
    d.row(
        &cols,
        &change_cells(w.t(T::ValidVotes), &c.totals.valid),
        9.5,
        true,
    );
    d.row(
        &cols,
        &change_cells(w.t(T::InvalidBallots), &c.totals.invalid),
        9.5,
        true,
    );
    d.row(
        &cols,
        &change_cells(w.t(T::FigureInBox), &c.totals.in_box),
        9.5,
        true,
    );
    d.rule();
    d.paragraph(10.0, true, Tone::Black, &w.t(T::CmpByCriterion));
    for k in &c.criteria {
        d.row(&cols, &change_cells(k.code.clone(), &k.change), 9.5, false);
    }
    if c.recount.mode == RecountMode::Review {
        d.rule();
        d.paragraph(10.0, true, Tone::Black, &w.each(|tr| tr.changed_count(c)));
        for r in &c.changed {
            d.paragraph(9.0, false, Tone::Black, &w.each(|tr| tr.changed_ruling(r)));
        }
    }
    d.rule();
    d.paragraph(10.0, true, Tone::Black, &w.t(T::CmpLine));
    for (i, step) in c.line.iter().enumerate() {
        let line = format!(
            "{}; {}",
            w.each(|tr| tr.line_step(i, step)),
            grouped(&step.results_hash.to_hex())
        );
        d.paragraph(8.5, false, Tone::Black, &line);
    }
    let hash = crate::domain::hash::Hash256::of(&c.to_bytes()?);
    let top = format!("{} | {}", c.station_code, c.election_id);
    let hash_line = format!("SHA-256 {}", grouped(&hash.to_hex()));
    Ok(d.finish(top, c.practice, hash_line))
}

/// The commune results as a PDF: stations and their hashes, totals, the
/// seat allocation and the document's hash.
pub fn commune_pdf(c: &CommuneResults) -> Result<Vec<u8>, Message> {
    let pages = commune_pages(c)?;
    let hash = c.hash()?;
    Ok(pdf::render(
        &pages,
        &Words::default().t(T::TabFormTitle),
        &hash.to_hex()[..32],
    ))
}

/// The pages of the commune results.
pub fn commune_pages(c: &CommuneResults) -> Result<Vec<Page>, Message> {
    let mut d = Doc::new();
    let w = Words::default();
    d.heading(T::TabFormTitle, 15.0);
    let title = w.each(|tr| tr.commune_title(c));
    d.paragraph(10.0, false, Tone::Black, &title);
    d.paragraph(9.0, false, Tone::Black, &w.name(&c.election.name));
    d.rule();

    let cols = [Col::Left(MARGIN), Col::Right(150.0), Col::Right(RIGHT)];
    d.row(
        &cols,
        &[String::new(), w.t(T::TabVotes), w.t(T::TabSeats)],
        7.5,
        true,
    );
    for p in &c.parties {
        let key = p.number.to_string();
        let label = format!("{} {}  {}", p.number, p.abbreviation, w.name(&p.name));
        d.row(
            &cols,
            &[
                label,
                c.votes.get(&key).copied().unwrap_or(0).to_string(),
                c.seats.get(&key).copied().unwrap_or(0).to_string(),
            ],
            9.5,
            false,
        );
    }
    d.row(
        &cols,
        &[
            w.t(T::ValidVotes),
            c.figures.valid.to_string(),
            c.council_seats.to_string(),
        ],
        9.5,
        true,
    );
    d.row(
        &cols,
        &[
            w.t(T::InvalidBallots),
            c.figures.invalid.to_string(),
            String::new(),
        ],
        9.5,
        true,
    );
    d.rule();

    d.heading(T::TabAllocation, 11.0);
    let seat_cols = [
        Col::Right(MARGIN + 20.0),
        Col::Left(MARGIN + 24.0),
        Col::Right(112.0),
        Col::Right(140.0),
        Col::Right(172.0),
        Col::Left(176.0),
    ];
    d.row(
        &seat_cols,
        &[
            w.t(T::TabSeat),
            String::new(),
            w.t(T::TabVotes),
            w.t(T::TabDivisor),
            w.t(T::TabQuotient),
            String::new(),
        ],
        6.5,
        true,
    );
    for s in &c.allocation {
        let party = c
            .parties
            .iter()
            .find(|p| p.number == s.party)
            .map_or(s.party.to_string(), |p| {
                format!("{} {}", p.number, p.abbreviation)
            });
        d.row(
            &seat_cols,
            &[
                s.seat.to_string(),
                party,
                s.votes.to_string(),
                s.divisor.to_string(),
                s.quotient.clone(),
                if s.by_more_votes {
                    "*".to_string()
                } else {
                    String::new()
                },
            ],
            9.0,
            false,
        );
    }
    if c.allocation.iter().any(|s| s.by_more_votes) {
        d.paragraph(
            8.5,
            false,
            Tone::Black,
            &format!("* {}", w.t(T::TabByMoreVotes)),
        );
    }
    for t in &c.ties {
        d.paragraph(9.5, true, Tone::Red, &w.each(|tr| tr.tie(t)));
    }
    d.rule();

    // Per station: valid, invalid and each party's votes; then each
    // station's results hash.
    d.heading(T::TabPerStation, 11.0);
    // At most PARTY_COLUMNS parties side by side: more parties take more
    // tables, each with the stations' codes and totals.
    let first_party = MARGIN + 58.0;
    let chunks: Vec<&[PartyPart]> = c.parties.chunks(PARTY_COLUMNS).collect();
    for parties in chunks {
        let step = (RIGHT - first_party) / PARTY_COLUMNS as f32;
        let mut cols = vec![
            Col::Left(MARGIN),
            Col::Right(MARGIN + 40.0),
            Col::Right(first_party - 2.0),
        ];
        cols.extend((1..=parties.len()).map(|i| Col::Right(first_party + step * i as f32)));
        // Two header lines: Khmer names and party numbers, then English
        // names and abbreviations.
        let mut km = vec![
            String::new(),
            w.km(T::TabValid).into(),
            w.km(T::TabInvalid).into(),
        ];
        km.extend(parties.iter().map(|p| p.number.to_string()));
        d.row(&cols, &km, 8.0, true);
        let mut en = vec![
            String::new(),
            w.en(T::TabValid).into(),
            w.en(T::TabInvalid).into(),
        ];
        en.extend(parties.iter().map(|p| p.abbreviation.clone()));
        d.row(&cols, &en, 8.0, true);
        let votes = |votes: &std::collections::BTreeMap<String, u64>, p: &PartyPart| {
            votes
                .get(&p.number.to_string())
                .copied()
                .unwrap_or(0)
                .to_string()
        };
        for s in &c.stations {
            let mut cells = vec![
                s.code.to_string(),
                s.valid.to_string(),
                s.invalid.to_string(),
            ];
            cells.extend(parties.iter().map(|p| votes(&s.votes, p)));
            d.row(&cols, &cells, 8.0, false);
        }
        let mut totals = vec![
            w.t(T::TabTotal),
            c.figures.valid.to_string(),
            c.figures.invalid.to_string(),
        ];
        totals.extend(parties.iter().map(|p| votes(&c.votes, p)));
        d.row(&cols, &totals, 8.0, true);
    }
    d.rule();
    d.heading(T::TabStations, 11.0);
    let station_cols = [Col::Left(MARGIN), Col::Left(MARGIN + 34.0)];
    for s in &c.stations {
        d.row(
            &station_cols,
            &[s.code.to_string(), grouped(&s.results_hash.to_hex())],
            8.0,
            false,
        );
    }
    for r in &c.replaced {
        d.paragraph(8.0, false, Tone::Black, &w.each(|tr| tr.replaced(r)));
    }
    d.paragraph(8.5, true, Tone::Black, &w.each(|tr| tr.missing_stations(c)));
    for (i, (_, problem)) in w.en_tr().paper(c).into_iter().enumerate() {
        let line = w.each(|tr| tr.paper(c).get(i).map(|l| l.0.clone()).unwrap_or_default());
        let tone = if problem { Tone::Red } else { Tone::Black };
        d.paragraph(8.5, problem, tone, &line);
    }

    let hash = c.hash()?;
    let top = format!("{} | {}", c.commune_code, c.election.id);
    let hash_line = format!("{}: {}", w.t(T::TabHashLabel), grouped(&hash.to_hex()));
    Ok(d.finish(top, c.practice, hash_line))
}
