//! Reconciliation: the figures the commission counts (R, U, S, V, T, D, B),
//! the derived ones (I, ΣP, X) and the checks between them, each holding,
//! differing by a signed amount, or pending while an input is missing.

use crate::domain::free_text::FreeText;
use crate::domain::limits::signed;
use crate::domain::message::{Message, P};
use crate::domain::party::PartyNumber;
use crate::domain::serials::{BookUse, unused_by_serial};
use crate::domain::station::StationDefinition;
use crate::domain::tally::Tally;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

/// A figure counted by the commission (DESIGN.md, "Reconciliation").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Figure {
    /// R: ballots received.
    Received,
    /// U: ballots unused.
    Unused,
    /// S: ballots spoiled and cancelled.
    Spoiled,
    /// V: voters marked on the voter list.
    VotersMarked,
    /// T: voters on the supplementary list.
    Supplementary,
    /// D: of V, voters admitted with temporary identity documents.
    TemporaryId,
    /// B: ballots found in the box.
    InBox,
}

impl Figure {
    /// Every counted figure, in the order the forms list them.
    pub const ALL: [Figure; 7] = [
        Figure::Received,
        Figure::Unused,
        Figure::Spoiled,
        Figure::VotersMarked,
        Figure::Supplementary,
        Figure::TemporaryId,
        Figure::InBox,
    ];

    /// The key used in files and JSON (`voters_marked`).
    pub fn key(self) -> &'static str {
        match self {
            Figure::Received => "received",
            Figure::Unused => "unused",
            Figure::Spoiled => "spoiled",
            Figure::VotersMarked => "voters_marked",
            Figure::Supplementary => "supplementary",
            Figure::TemporaryId => "temporary_id",
            Figure::InBox => "in_box",
        }
    }

    /// The one-letter symbol of DESIGN.md.
    pub fn symbol(self) -> &'static str {
        match self {
            Figure::Received => "R",
            Figure::Unused => "U",
            Figure::Spoiled => "S",
            Figure::VotersMarked => "V",
            Figure::Supplementary => "T",
            Figure::TemporaryId => "D",
            Figure::InBox => "B",
        }
    }
}

impl fmt::Display for Figure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// The latest recorded value of each figure.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Figures(BTreeMap<Figure, u64>);

impl Figures {
    pub fn get(&self, figure: Figure) -> Option<u64> {
        self.0.get(&figure).copied()
    }

    /// Records a value; a later value replaces an earlier one.
    pub fn set(&mut self, figure: Figure, value: u64) {
        self.0.insert(figure, value);
    }

    /// I = R - U - S, once all three are recorded (negative if the figures
    /// are wrong, so the error shows).
    pub fn issued(&self) -> Option<i64> {
        let r = self.get(Figure::Received)?;
        let u = self.get(Figure::Unused)?;
        let s = self.get(Figure::Spoiled)?;
        Some(
            signed(r)
                .saturating_sub(signed(u))
                .saturating_sub(signed(s)),
        )
    }

    /// The figures not yet recorded.
    pub fn missing(&self) -> Vec<Figure> {
        Figure::ALL
            .into_iter()
            .filter(|f| !self.0.contains_key(f))
            .collect()
    }
}

/// The name of a check, as used in commands, JSON and forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CheckName {
    /// R = the number of ballots in the station file's books.
    Stock,
    /// I = V + T.
    IssuedVsVoted,
    /// B = I.
    BoxVsIssued,
    /// B = ΣP + X.
    BoxVsRulings,
    /// V ≤ Reg.
    Ceiling,
    /// The party's pile count = its ruling tally.
    CrossCheck(PartyNumber),
    /// U = U_serial, the unused ballots the books' serials say.
    UnusedBySerial,
}

impl fmt::Display for CheckName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CheckName::Stock => f.write_str("stock"),
            CheckName::IssuedVsVoted => f.write_str("issued_vs_voted"),
            CheckName::BoxVsIssued => f.write_str("box_vs_issued"),
            CheckName::BoxVsRulings => f.write_str("box_vs_rulings"),
            CheckName::Ceiling => f.write_str("ceiling"),
            CheckName::CrossCheck(party) => write!(f, "cross_check:{party}"),
            CheckName::UnusedBySerial => f.write_str("unused_by_serial"),
        }
    }
}

impl FromStr for CheckName {
    type Err = Message;

    fn from_str(s: &str) -> Result<CheckName, Message> {
        Ok(match s {
            "stock" => CheckName::Stock,
            "issued_vs_voted" => CheckName::IssuedVsVoted,
            "box_vs_issued" => CheckName::BoxVsIssued,
            "box_vs_rulings" => CheckName::BoxVsRulings,
            "ceiling" => CheckName::Ceiling,
            "unused_by_serial" => CheckName::UnusedBySerial,
            other => {
                let party = other
                    .strip_prefix("cross_check:")
                    .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
                    .and_then(|n| n.parse().ok())
                    .ok_or_else(|| Message::new(P::NotCheck).quoted("value", s))?;
                CheckName::CrossCheck(PartyNumber(party))
            }
        })
    }
}

impl Serialize for CheckName {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for CheckName {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<CheckName, D::Error> {
        String::deserialize(deserializer)?
            .parse()
            .map_err(serde::de::Error::custom)
    }
}

/// The outcome of a check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckStatus {
    Holds,
    /// The signed difference, left side minus right side as the check is
    /// written (for `ceiling`, V - Reg).
    Differs(i64),
    /// An input is missing (or, for `box_vs_rulings`, ruling is not done).
    Pending,
}

impl CheckStatus {
    /// `holds`, `differs` or `pending`.
    pub fn word(self) -> &'static str {
        match self {
            CheckStatus::Holds => "holds",
            CheckStatus::Differs(_) => "differs",
            CheckStatus::Pending => "pending",
        }
    }

    /// The status a word and a difference write (`"differs", Some(3)`), if
    /// they are one: the inverse of [`CheckStatus::word`] with
    /// [`CheckStatus::difference`].
    pub fn from_parts(word: &str, difference: Option<i64>) -> Option<CheckStatus> {
        match (word, difference) {
            ("holds", Some(0)) => Some(CheckStatus::Holds),
            ("differs", Some(d)) if d != 0 => Some(CheckStatus::Differs(d)),
            ("pending", None) => Some(CheckStatus::Pending),
            _ => None,
        }
    }

    pub fn difference(self) -> Option<i64> {
        match self {
            CheckStatus::Holds => Some(0),
            CheckStatus::Differs(d) => Some(d),
            CheckStatus::Pending => None,
        }
    }

    fn equal(left: i64, right: i64) -> CheckStatus {
        if left == right {
            CheckStatus::Holds
        } else {
            CheckStatus::Differs(left.saturating_sub(right))
        }
    }
}

/// A check with its status and the commission's written explanation, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    pub name: CheckName,
    pub status: CheckStatus,
    pub explanation: Option<FreeText>,
}

/// Everything the checks are computed from.
pub struct CheckInputs<'a> {
    pub def: &'a StationDefinition,
    pub figures: &'a Figures,
    pub tally: &'a Tally,
    pub piles: &'a BTreeMap<PartyNumber, u64>,
    pub explanations: &'a BTreeMap<CheckName, FreeText>,
    /// The books' uses recorded so far, by book.
    pub book_serials: &'a BTreeMap<String, BookUse>,
}

/// The numbers a check reads: the counted figures (missing while not
/// recorded), the station's own numbers, and the tallies.
pub struct CheckNumbers<'a> {
    pub figures: &'a Figures,
    pub ballots_in_books: u64,
    pub registered_voters: u64,
    /// Live rulings: ΣP + X.
    pub ruled: u64,
    /// A party's valid votes.
    pub votes: &'a dyn Fn(PartyNumber) -> u64,
    pub piles: &'a BTreeMap<PartyNumber, u64>,
    /// U_serial, once every book's serial is given.
    pub unused_by_serial: Option<u64>,
}

/// The status of one check. The one place the checks' rules are written:
/// the live count and a results file's own consistency test both use it.
/// Its inputs are bounded where they are read (a count, a results file), so
/// the arithmetic saturates only as a last net and never wraps.
pub fn check_status(name: CheckName, n: &CheckNumbers<'_>) -> CheckStatus {
    let f = n.figures;
    let fig = |figure| f.get(figure).map(signed);
    match name {
        CheckName::Stock => fig(Figure::Received).map_or(CheckStatus::Pending, |r| {
            CheckStatus::equal(r, signed(n.ballots_in_books))
        }),
        CheckName::IssuedVsVoted => {
            match (
                f.issued(),
                fig(Figure::VotersMarked),
                fig(Figure::Supplementary),
            ) {
                (Some(i), Some(v), Some(t)) => CheckStatus::equal(i, v.saturating_add(t)),
                _ => CheckStatus::Pending,
            }
        }
        CheckName::BoxVsIssued => match (fig(Figure::InBox), f.issued()) {
            (Some(b), Some(i)) => CheckStatus::equal(b, i),
            _ => CheckStatus::Pending,
        },
        CheckName::BoxVsRulings => fig(Figure::InBox).map_or(CheckStatus::Pending, |b| {
            let ruled = signed(n.ruled);
            if ruled < b {
                CheckStatus::Pending
            } else {
                CheckStatus::equal(b, ruled)
            }
        }),
        CheckName::Ceiling => fig(Figure::VotersMarked).map_or(CheckStatus::Pending, |v| {
            let reg = signed(n.registered_voters);
            if v <= reg {
                CheckStatus::Holds
            } else {
                CheckStatus::Differs(v.saturating_sub(reg))
            }
        }),
        CheckName::CrossCheck(party) => n.piles.get(&party).map_or(CheckStatus::Pending, |pile| {
            CheckStatus::equal(signed(*pile), signed((n.votes)(party)))
        }),
        CheckName::UnusedBySerial => match (fig(Figure::Unused), n.unused_by_serial) {
            (Some(u), Some(by_serial)) => CheckStatus::equal(u, signed(by_serial)),
            _ => CheckStatus::Pending,
        },
    }
}

/// Every check, in DESIGN.md's order; `unused_by_serial` appears once any
/// book's serial is recorded, the cross-checks (one per party, in ballot
/// order) once any pile count is.
pub fn checks(inputs: &CheckInputs<'_>) -> Vec<Check> {
    let votes = |party| inputs.tally.votes_for(party);
    let numbers = CheckNumbers {
        figures: inputs.figures,
        ballots_in_books: inputs.def.ballots_in_books(),
        registered_voters: inputs.def.registered_voters,
        ruled: inputs.tally.ruled(),
        votes: &votes,
        piles: inputs.piles,
        unused_by_serial: unused_by_serial(inputs.def, inputs.book_serials),
    };
    let mut names = vec![
        CheckName::Stock,
        CheckName::IssuedVsVoted,
        CheckName::BoxVsIssued,
        CheckName::BoxVsRulings,
        CheckName::Ceiling,
    ];
    if !inputs.book_serials.is_empty() {
        names.push(CheckName::UnusedBySerial);
    }
    if !inputs.piles.is_empty() {
        names.extend(
            inputs
                .def
                .parties
                .iter()
                .map(|p| CheckName::CrossCheck(p.number)),
        );
    }
    names
        .into_iter()
        .map(|name| Check {
            name,
            status: check_status(name, &numbers),
            explanation: inputs.explanations.get(&name).cloned(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ruling::{RulingChoice, RulingRequest};
    use crate::domain::station::StationFile;

    fn def() -> StationDefinition {
        let bytes = include_bytes!("../../tests/fixtures/station-small.json").to_vec();
        StationFile::parse(bytes).unwrap().definition().clone()
    }

    fn status_of(checks: &[Check], name: &str) -> CheckStatus {
        checks
            .iter()
            .find(|c| c.name.to_string() == name)
            .map(|c| c.status)
            .unwrap_or_else(|| panic!("no check {name}"))
    }

    struct Case {
        figures: Figures,
        tally: Tally,
        piles: BTreeMap<PartyNumber, u64>,
        explanations: BTreeMap<CheckName, FreeText>,
        books: BTreeMap<String, BookUse>,
        def: StationDefinition,
    }

    impl Case {
        fn new() -> Case {
            let def = def();
            Case {
                figures: Figures::default(),
                tally: Tally::empty(&def),
                piles: BTreeMap::new(),
                explanations: BTreeMap::new(),
                books: BTreeMap::new(),
                def,
            }
        }
        fn rule(&mut self, party: u32, times: usize) {
            let r = RulingRequest {
                choice: RulingChoice::Party {
                    party,
                    criterion: None,
                },
                disputed_by: vec![],
                note: None,
            }
            .resolve(&self.def)
            .unwrap();
            for _ in 0..times {
                self.tally.add(&r.verdict, false);
            }
        }
        fn checks(&self) -> Vec<Check> {
            checks(&CheckInputs {
                def: &self.def,
                figures: &self.figures,
                tally: &self.tally,
                piles: &self.piles,
                explanations: &self.explanations,
                book_serials: &self.books,
            })
        }
    }

    #[test]
    fn every_check_is_pending_without_figures() {
        let c = Case::new();
        let checks = c.checks();
        let names: Vec<String> = checks.iter().map(|c| c.name.to_string()).collect();
        assert_eq!(
            names,
            [
                "stock",
                "issued_vs_voted",
                "box_vs_issued",
                "box_vs_rulings",
                "ceiling"
            ]
        );
        assert!(checks.iter().all(|c| c.status == CheckStatus::Pending));
    }

    #[test]
    fn stock_compares_received_with_the_books() {
        let mut c = Case::new();
        c.figures.set(Figure::Received, 500);
        assert_eq!(status_of(&c.checks(), "stock"), CheckStatus::Holds);
        c.figures.set(Figure::Received, 498);
        assert_eq!(status_of(&c.checks(), "stock"), CheckStatus::Differs(-2));
    }

    #[test]
    fn issued_is_received_less_unused_and_spoiled() {
        let mut c = Case::new();
        for (f, v) in [
            (Figure::Received, 500),
            (Figure::Unused, 180),
            (Figure::Spoiled, 4),
        ] {
            c.figures.set(f, v);
        }
        assert_eq!(c.figures.issued(), Some(316));
        c.figures.set(Figure::VotersMarked, 310);
        assert_eq!(
            status_of(&c.checks(), "issued_vs_voted"),
            CheckStatus::Pending
        );
        c.figures.set(Figure::Supplementary, 6);
        assert_eq!(
            status_of(&c.checks(), "issued_vs_voted"),
            CheckStatus::Holds
        );
        c.figures.set(Figure::Supplementary, 9);
        assert_eq!(
            status_of(&c.checks(), "issued_vs_voted"),
            CheckStatus::Differs(-3)
        );
        c.figures.set(Figure::InBox, 317);
        assert_eq!(
            status_of(&c.checks(), "box_vs_issued"),
            CheckStatus::Differs(1)
        );
    }

    #[test]
    fn box_vs_rulings_waits_until_ruling_reaches_the_box() {
        let mut c = Case::new();
        c.figures.set(Figure::InBox, 5);
        c.rule(1, 4);
        assert_eq!(
            status_of(&c.checks(), "box_vs_rulings"),
            CheckStatus::Pending
        );
        c.rule(2, 1);
        assert_eq!(status_of(&c.checks(), "box_vs_rulings"), CheckStatus::Holds);
        c.rule(3, 2);
        assert_eq!(
            status_of(&c.checks(), "box_vs_rulings"),
            CheckStatus::Differs(-2)
        );
    }

    #[test]
    fn ceiling_differs_only_above_registered_voters() {
        let mut c = Case::new();
        c.figures.set(Figure::VotersMarked, 400);
        assert_eq!(status_of(&c.checks(), "ceiling"), CheckStatus::Holds);
        c.figures.set(Figure::VotersMarked, 403);
        assert_eq!(status_of(&c.checks(), "ceiling"), CheckStatus::Differs(3));
    }

    #[test]
    fn cross_checks_appear_with_the_first_pile_count() {
        let mut c = Case::new();
        c.rule(2, 3);
        c.piles.insert(PartyNumber(2), 4);
        c.explanations.insert(
            CheckName::CrossCheck(PartyNumber(2)),
            FreeText::parse("text", "one ballot was in the wrong pile").unwrap(),
        );
        let checks = c.checks();
        assert_eq!(checks.len(), 5 + 4);
        assert_eq!(status_of(&checks, "cross_check:1"), CheckStatus::Pending);
        let two = checks
            .iter()
            .find(|c| c.name.to_string() == "cross_check:2")
            .unwrap();
        assert_eq!(two.status, CheckStatus::Differs(1));
        assert_eq!(
            two.explanation.as_ref().map(FreeText::as_str),
            Some("one ballot was in the wrong pile")
        );
    }

    #[test]
    fn unused_by_serial_appears_with_the_first_book_and_compares_u() {
        let mut c = Case::new();
        assert!(
            c.checks()
                .iter()
                .all(|c| c.name != CheckName::UnusedBySerial)
        );
        c.books.insert("T-1".into(), BookUse::UsedUp);
        // Listed after ceiling; pending while T-2 is not given and U not counted.
        let names: Vec<String> = c.checks().iter().map(|c| c.name.to_string()).collect();
        assert_eq!(names.last().map(String::as_str), Some("unused_by_serial"));
        assert_eq!(
            status_of(&c.checks(), "unused_by_serial"),
            CheckStatus::Pending
        );
        c.books.insert("T-2".into(), BookUse::FirstUnused(321));
        assert_eq!(
            status_of(&c.checks(), "unused_by_serial"),
            CheckStatus::Pending
        );
        // 321..=500: 180 unused.
        c.figures.set(Figure::Unused, 180);
        assert_eq!(
            status_of(&c.checks(), "unused_by_serial"),
            CheckStatus::Holds
        );
        c.figures.set(Figure::Unused, 183);
        assert_eq!(
            status_of(&c.checks(), "unused_by_serial"),
            CheckStatus::Differs(3)
        );
        c.books.insert("T-1".into(), BookUse::Unused);
        assert_eq!(
            status_of(&c.checks(), "unused_by_serial"),
            CheckStatus::Differs(183 - 430)
        );
    }

    #[test]
    fn check_names_round_trip_and_refuse_garbage() {
        for name in [
            "stock",
            "issued_vs_voted",
            "box_vs_issued",
            "box_vs_rulings",
            "ceiling",
            "unused_by_serial",
            "cross_check:12",
        ] {
            assert_eq!(name.parse::<CheckName>().unwrap().to_string(), name);
        }
        for bad in [
            "Stock",
            "cross_check:",
            "cross_check:x",
            "cross_check:-1",
            "box",
        ] {
            assert!(bad.parse::<CheckName>().is_err(), "{bad}");
        }
    }
}
