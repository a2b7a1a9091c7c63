//! The paper's short codes: what the commune election commission types from
//! copy C of each station's results form, one `STATION-CODE SHORT-CODE` a
//! line (`tabulate --codes`) or one field a station (the Tabulation screen).
//! A results file whose short code is not its paper's was changed after the
//! form was signed; tabulation refuses it (see
//! [`crate::domain::tabulation::check_paper`]).

use crate::domain::identifier::StationCode;
use crate::domain::message::{Message, P};
use crate::domain::short_code::normalize_short_code;

/// The most lines a codes file may have: more than the stations of any
/// commune, and of the whole country.
pub const MAX_CODE_LINES: usize = 100_000;

/// One short code typed from paper.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaperCode {
    pub station: StationCode,
    /// The code as [`normalize_short_code`] writes it (`7G2K-...`).
    pub code: String,
    /// Where it was typed: the line of a codes file, or none for the
    /// station's field on the Tabulation screen.
    pub line: Option<usize>,
}

impl PaperCode {
    /// Where it was typed, for messages.
    pub fn place(&self) -> Message {
        match self.line {
            Some(n) => Message::new(P::CodesLine).num("n", n as u64),
            None => Message::new(P::CodesField).quoted("station", self.station.as_str()),
        }
    }
}

/// The short codes typed from paper, in the order typed. A station may
/// have more than one line: the code of its count and of a recount of it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PaperCodes {
    pub codes: Vec<PaperCode>,
}

impl PaperCodes {
    /// Reads a codes file: `STATION-CODE SHORT-CODE` a line, the short code
    /// as printed or typed (case, spaces and dashes do not matter); blank
    /// lines and lines starting with `#` are left out. A line that is not
    /// one is refused with its number and text.
    pub fn parse(text: &str) -> Result<PaperCodes, Message> {
        let mut codes = Vec::new();
        for (index, line) in text.lines().enumerate() {
            let number = index + 1;
            if number > MAX_CODE_LINES {
                return Err(Message::new(P::TooManyCodeLines).num("max", MAX_CODE_LINES as u64));
            }
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let at_line = |problem: Message| {
                Message::new(P::Line)
                    .text("n", number)
                    .quoted("text", line)
                    .message("problem", problem)
            };
            let (station, code) = line
                .split_once(char::is_whitespace)
                .map(|(s, c)| (s, c.trim()))
                .unwrap_or((line, ""));
            if code.is_empty() {
                return Err(at_line(Message::new(P::CodeLineIncomplete)));
            }
            let station = StationCode::parse(station).map_err(at_line)?;
            let code = normalize_short_code(code).map_err(|m| at_line(unplaced(m)))?;
            codes.push(PaperCode {
                station,
                code,
                line: Some(number),
            });
        }
        Ok(PaperCodes { codes })
    }

    /// The codes typed in one field a station; empty fields are left out.
    /// A field that holds no short code is refused, named by its station.
    pub fn from_fields<'a>(
        fields: impl IntoIterator<Item = (&'a StationCode, &'a str)>,
    ) -> Result<PaperCodes, Message> {
        let mut codes = Vec::new();
        for (station, typed) in fields {
            if typed.trim().is_empty() {
                continue;
            }
            let code = normalize_short_code(typed)
                .map_err(|problem| unplaced(problem).at(format!("codes.{station}")))?;
            codes.push(PaperCode {
                station: station.clone(),
                code,
                line: None,
            });
        }
        Ok(PaperCodes { codes })
    }

    /// The codes typed for `station`.
    pub fn of<'a>(&'a self, station: &'a StationCode) -> impl Iterator<Item = &'a PaperCode> {
        self.codes.iter().filter(move |c| &c.station == station)
    }
}

/// The problem of a message without the field it was placed at (a short
/// code's own `code`), to be placed at the line or field it was typed in.
fn unplaced(message: Message) -> Message {
    match message {
        Message::At { problem, .. } => *problem,
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn station(code: &str) -> StationCode {
        StationCode::parse(code).unwrap()
    }

    #[test]
    fn a_codes_file_reads_a_station_and_its_code_a_line() {
        let codes = PaperCodes::parse(
            "# typed from copy C\n\nKH-01 7g2k 9xq4-ab3d ZZZZ\r\n  KH-02\t0000-0000-0000-000O  \n",
        )
        .unwrap();
        let read: Vec<(&str, &str, String)> = codes
            .codes
            .iter()
            .map(|c| (c.station.as_str(), c.code.as_str(), c.place().to_string()))
            .collect();
        assert_eq!(
            read,
            vec![
                ("KH-01", "7G2K-9XQ4-AB3D-ZZZZ", "line 3 of the codes".into()),
                ("KH-02", "0000-0000-0000-0000", "line 4 of the codes".into()),
            ]
        );
        assert_eq!(codes.of(&station("KH-02")).count(), 1);
    }

    #[test]
    fn a_line_that_is_not_a_station_and_a_code_is_refused_with_its_number() {
        let refusal = |text: &str| PaperCodes::parse(text).unwrap_err().to_string();
        assert_eq!(
            refusal("KH-01 7G2K-9XQ4-AB3D-ZZZZ\nKH-02\n"),
            "line 2: \"KH-02\": a station code and the short code of its form are needed"
        );
        assert_eq!(
            refusal("KH-01 7G2K-9XQ4-AB3D"),
            "line 1: \"KH-01 7G2K-9XQ4-AB3D\": \"7G2K-9XQ4-AB3D\" has 12 characters, a short code has 16"
        );
        assert_eq!(
            refusal("KH 01 7G2K-9XQ4-AB3D-ZZZZ"),
            "line 1: \"KH 01 7G2K-9XQ4-AB3D-ZZZZ\": \"01 7G2K-9XQ4-AB3D-ZZZZ\" has 18 characters, a short code has 16"
        );
        assert_eq!(
            refusal("KH,01 7G2K-9XQ4-AB3D-ZZZZ"),
            "line 1: \"KH,01 7G2K-9XQ4-AB3D-ZZZZ\": \"KH,01\" is not an identifier (1-64 letters, digits, '-', '_', '.', '/')"
        );
    }

    #[test]
    fn a_field_a_station_names_its_station_when_it_holds_no_code() {
        let (a, b) = (station("KH-01"), station("KH-02"));
        let codes = PaperCodes::from_fields([(&a, "7g2k9xq4ab3dzzzz"), (&b, "  ")]).unwrap();
        assert_eq!(codes.codes.len(), 1);
        assert_eq!(codes.codes[0].code, "7G2K-9XQ4-AB3D-ZZZZ");
        assert_eq!(
            codes.codes[0].place().to_string(),
            "the code typed for station \"KH-01\""
        );
        let err = PaperCodes::from_fields([(&b, "7G2K!")]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "codes.KH-02: \"7G2K!\" has the character '!', which no short code has"
        );
    }
}
