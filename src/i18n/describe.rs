//! Sentences about recounts and commune results, made once for every place
//! that shows them: the CLI's summaries, the PDFs (in each language) and the
//! app's screens.

use super::{T, Tr, VerdictWording};
use crate::domain::comparison::{ChangedRuling, Comparison, LineStep};
use crate::domain::message::Message;
use crate::domain::tabulation::{CommuneResults, Replaced, TieRow};

impl Tr {
    /// `Station S: review ... ordered by A (R)`.
    pub fn recount_title(self, c: &Comparison) -> String {
        self.f(
            T::CmpTitle,
            &[
                ("station", &c.station_code),
                ("mode", &self.recount_mode(c.recount.mode)),
                ("authority", &c.recount.authority),
                ("reason", &c.recount.reason),
            ],
        )
    }

    /// `Rulings changed: n of m ruled again`.
    pub fn changed_count(self, c: &Comparison) -> String {
        self.f(
            T::CmpChanged,
            &[
                ("n", &self.num(c.changed.len())),
                ("reviewed", &self.num(c.reviewed)),
            ],
        )
    }

    /// `ballot 17: invalid I4 -> party 2 (V3)`.
    pub fn changed_ruling(self, r: &ChangedRuling) -> String {
        self.f(
            T::CmpChangedRuling,
            &[
                ("ballot", &self.num(r.ballot)),
                ("old", &self.verdict(&r.original, VerdictWording::Short)),
                ("new", &self.verdict(&r.recount, VerdictWording::Short)),
            ],
        )
    }

    /// One count of the line: `2. NEC: Valid votes 46, Invalid ballots 4`.
    pub fn line_step(self, index: usize, step: &LineStep) -> String {
        let who = match &step.recount {
            None => self.t(T::CmpFirstCount).to_string(),
            Some(b) => b.authority.to_string(),
        };
        format!(
            "{}. {who}: {} {}, {} {}",
            self.num(index + 1),
            self.t(T::ValidVotes),
            self.num(step.valid),
            self.t(T::InvalidBallots),
            self.num(step.invalid)
        )
    }

    /// `Commune C (code): n stations`.
    pub fn commune_title(self, c: &CommuneResults) -> String {
        self.f(
            T::TabTitle,
            &[
                ("commune", &c.commune.get(self.lang.code())),
                ("code", &c.commune_code),
                ("n", &self.num(c.stations.len())),
            ],
        )
    }

    /// `station S: results a replaced by the recount b`.
    pub fn replaced(self, r: &Replaced) -> String {
        self.f(
            T::TabReplaced,
            &[
                ("code", &r.code),
                ("old", &r.results_hash.short(16)),
                ("new", &r.replaced_by.short(16)),
            ],
        )
    }

    /// The stations without results, or that there are none, or that the
    /// station files do not say.
    pub fn missing_stations(self, c: &CommuneResults) -> String {
        match &c.missing_stations {
            Some(missing) if !missing.is_empty() => {
                let codes: Vec<&str> = missing.iter().map(|code| code.as_str()).collect();
                self.f(T::TabMissing, &[("list", &codes.join(", "))])
            }
            Some(_) => self.t(T::TabNoneMissing).to_string(),
            None => self.t(T::TabListUnknown).to_string(),
        }
    }

    /// Whether the stations' files were checked against the short codes
    /// typed from paper: each line, and whether it tells of a problem
    /// (a station without a code, or a code without a file). Nothing for a
    /// commune file older than the check.
    pub fn paper(self, c: &CommuneResults) -> Vec<(String, bool)> {
        let Some(without_file) = &c.paper_without_file else {
            return if c.stations.iter().any(|s| s.paper_checked.is_some()) {
                vec![(self.t(T::TabPaperNone).to_string(), false)]
            } else {
                vec![]
            };
        };
        let join = |codes: Vec<&str>| codes.join(", ");
        let no_code: Vec<&str> = c
            .stations
            .iter()
            .filter(|s| s.paper_checked != Some(true))
            .map(|s| s.code.as_str())
            .collect();
        let checked = c.stations.len() - no_code.len();
        let mut lines = vec![(
            self.f(
                T::TabPaperChecked,
                &[
                    ("n", &self.num(checked)),
                    ("m", &self.num(c.stations.len())),
                ],
            ),
            false,
        )];
        if !no_code.is_empty() {
            lines.push((self.f(T::TabPaperNoCode, &[("list", &join(no_code))]), true));
        }
        if !without_file.is_empty() {
            let codes = without_file.iter().map(|code| code.as_str()).collect();
            lines.push((self.f(T::TabPaperNoFile, &[("list", &join(codes))]), true));
        }
        lines
    }

    /// Where the live copy stands: up to date, behind, or failing and why.
    pub fn mirror_status(
        self,
        path: &str,
        entries: u64,
        behind: u64,
        problem: Option<&Message>,
    ) -> String {
        let n = self.num(entries);
        let behind_text = self.num(behind);
        match problem {
            Some(problem) => self.f(
                T::MirrorFailing,
                &[
                    ("path", &path),
                    ("n", &n),
                    ("behind", &behind_text),
                    ("problem", &self.message(problem)),
                ],
            ),
            None if behind > 0 => self.f(
                T::MirrorBehind,
                &[("path", &path), ("n", &n), ("behind", &behind_text)],
            ),
            None => self.f(T::MirrorUpToDate, &[("path", &path), ("n", &n)]),
        }
    }

    /// `Tie: n seat(s) for a drawing of lots among parties ...`.
    pub fn tie(self, t: &TieRow) -> String {
        let parties: Vec<String> = t.parties.iter().map(u32::to_string).collect();
        self.f(
            T::TabTie,
            &[
                ("seats", &self.num(t.seats)),
                ("parties", &parties.join(", ")),
                ("quotient", &t.quotient),
            ],
        )
    }
}
