//! The QR code on every page of a results form: the station, the results
//! hash and the votes, in the `polltally-qr/1` payload, so that a phone can
//! read a posted form and check it against the results file or the
//! commune's published results (`commune.json`). The README documents the
//! payload; this module writes it, reads it back, and says where a payload
//! and a results or commune document disagree. `polltally verify --qr`
//! reads it from a photo (in the shell).
//!
//! The payload is written so that everything after the format name is in
//! the QR code's alphanumeric set (`0-9 A-Z space $%*+-./:`), which takes
//! 5.5 bits a character against 8 in byte mode; the size and error
//! correction below were chosen with `tests/qr_photo.sh`, a simulated phone
//! photo of the posted form.

use crate::domain::hash::Hash256;
use crate::domain::identifier::StationCode;
use crate::domain::message::{Message, P};
use crate::domain::party::PartyNumber;
use crate::domain::results::ResultsDocument;
use crate::domain::tabulation::CommuneResults;
use qrcode::{Color, EcLevel, QrCode};

/// The name of the payload format, its first word.
pub const QR_FORMAT: &str = "polltally-qr/1";

/// The side of the printed QR code, without its quiet zone, in millimetres.
/// The form keeps a white quiet zone of [`QR_QUIET_MODULES`] modules around
/// it.
pub const QR_SIZE_MM: f32 = 62.0;

/// The width of the white quiet zone around the code, in modules.
pub const QR_QUIET_MODULES: usize = 4;

/// The error correction level: M recovers about 15% of the code.
pub const QR_EC_LEVEL: EcLevel = EcLevel::L;

/// The token that ends the payload of a practice count.
const PRACTICE: &str = "PRACTICE";

/// The token before the invalid ballots.
const INVALID: &str = "I:";

/// What a `polltally-qr/1` payload says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrPayload {
    pub station: StationCode,
    pub hash: Hash256,
    /// Valid votes of each party, in the order of the ballot (the order of
    /// `parties` in the results file and the commune file).
    pub votes: Vec<u64>,
    /// The invalid ballots, all criteria together.
    pub invalid: u64,
    pub practice: bool,
}

impl QrPayload {
    /// The payload of the form of `doc`, whose results hash is `hash`.
    pub fn of(doc: &ResultsDocument, hash: &Hash256) -> QrPayload {
        QrPayload {
            station: doc.station.code.clone(),
            hash: *hash,
            votes: doc
                .parties
                .iter()
                .map(|p| doc.votes_for(p.number))
                .collect(),
            invalid: doc.figures.invalid,
            practice: doc.practice,
        }
    }

    /// The payload text: `polltally-qr/1 STATION HASH N N ... I:N`, and
    /// ` PRACTICE` on a practice count.
    pub fn text(&self) -> String {
        let mut words = vec![
            QR_FORMAT.to_string(),
            escape_station(self.station.as_str()),
            self.hash.to_hex().to_ascii_uppercase(),
        ];
        words.extend(self.votes.iter().map(u64::to_string));
        words.push(format!("{INVALID}{}", self.invalid));
        if self.practice {
            words.push(PRACTICE.into());
        }
        words.join(" ")
    }

    /// Reads a payload as a QR code gave it.
    pub fn parse(text: &str) -> Result<QrPayload, Message> {
        let not_ours = |why: &str| {
            Message::new(P::NotQrPayload)
                .quoted("value", &shorten(text))
                .text("why", why)
        };
        let mut words = text.split(' ');
        if words.next() != Some(QR_FORMAT) {
            return Err(not_ours(QR_FORMAT));
        }
        let station = words
            .next()
            .and_then(unescape_station)
            .and_then(|s| StationCode::parse(&s).ok())
            .ok_or_else(|| not_ours("station"))?;
        let hash = words
            .next()
            .filter(|h| h.len() == 64)
            .and_then(|h| h.to_ascii_lowercase().parse::<Hash256>().ok())
            .ok_or_else(|| not_ours("hash"))?;
        let mut votes = Vec::new();
        let mut invalid = None;
        let mut practice = false;
        for word in words {
            if invalid.is_none() {
                if let Some(n) = word.strip_prefix(INVALID) {
                    invalid = Some(number(n).ok_or_else(|| not_ours(INVALID))?);
                } else {
                    votes.push(number(word).ok_or_else(|| not_ours("votes"))?);
                }
            } else if word == PRACTICE && !practice {
                practice = true;
            } else {
                return Err(not_ours(word));
            }
        }
        let invalid = invalid.ok_or_else(|| not_ours(INVALID))?;
        if votes.is_empty() {
            return Err(not_ours("votes"));
        }
        Ok(QrPayload {
            station,
            hash,
            votes,
            invalid,
            practice,
        })
    }

    /// Where this payload and the results file `doc` (whose hash is
    /// `hash`) disagree: each field with both values, the payload's first.
    pub fn differences_from_results(&self, doc: &ResultsDocument, hash: &Hash256) -> Vec<Message> {
        let expected = QrPayload::of(doc, hash);
        let parties: Vec<PartyNumber> = doc.parties.iter().map(|p| PartyNumber(p.number)).collect();
        let mut out = Vec::new();
        if self.station != expected.station {
            out.push(says(
                "station",
                self.station.as_str(),
                expected.station.as_str(),
            ));
        }
        if self.hash != expected.hash {
            out.push(says("hash", self.hash, expected.hash));
        }
        out.extend(vote_differences(&parties, &self.votes, &expected.votes));
        if self.invalid != expected.invalid {
            out.push(says("invalid", self.invalid, expected.invalid));
        }
        if self.practice != expected.practice {
            out.push(says("practice", self.practice, expected.practice));
        }
        out
    }

    /// Where this payload and the commune results disagree: the station
    /// must be counted there with this results hash, these votes and this
    /// number of invalid ballots.
    pub fn differences_from_commune(&self, commune: &CommuneResults) -> Vec<Message> {
        let mut out = Vec::new();
        if self.practice != commune.practice {
            out.push(says("practice", self.practice, commune.practice));
        }
        let Some(station) = commune.stations.iter().find(|s| s.code == self.station) else {
            out.push(
                Message::new(P::QrStationNotInCommune)
                    .quoted("station", self.station.as_str())
                    .at("station"),
            );
            return out;
        };
        if station.results_hash != self.hash {
            let replaced = commune
                .replaced
                .iter()
                .find(|r| r.code == self.station && r.results_hash == self.hash);
            out.push(match replaced {
                Some(r) => Message::new(P::QrReplacedByRecount)
                    .text("recount", r.replaced_by)
                    .at("hash"),
                None => says("hash", self.hash, station.results_hash),
            });
        }
        let parties: Vec<PartyNumber> = commune
            .parties
            .iter()
            .map(|p| PartyNumber(p.number))
            .collect();
        let counted: Vec<u64> = parties
            .iter()
            .map(|p| station.votes.get(&p.to_string()).copied().unwrap_or(0))
            .collect();
        out.extend(vote_differences(&parties, &self.votes, &counted));
        if self.invalid != station.invalid {
            out.push(says("invalid", self.invalid, station.invalid));
        }
        out
    }
}

/// `field: the QR code says {found}, the file says {expected}`.
fn says(field: &str, found: impl std::fmt::Display, expected: impl std::fmt::Display) -> Message {
    Message::new(P::QrSays)
        .text("found", found)
        .text("expected", expected)
        .at(field)
}

/// The parties whose votes differ, by party number (`votes.3`), the votes
/// being in the order of `parties`; and, when the code lists more or fewer
/// parties than the file, how many each lists (`votes`).
fn vote_differences(parties: &[PartyNumber], found: &[u64], expected: &[u64]) -> Vec<Message> {
    let mut out: Vec<Message> = parties
        .iter()
        .zip(found.iter().zip(expected))
        .filter(|(_, (a, b))| a != b)
        .map(|(party, (a, b))| says(&format!("votes.{party}"), a, b))
        .collect();
    if found.len() != expected.len() {
        out.push(
            Message::new(P::QrPartyCount)
                .num("found", found.len() as u64)
                .num("expected", expected.len() as u64)
                .at("votes"),
        );
    }
    out
}

/// A decimal number of at most 16 digits, digits only.
fn number(text: &str) -> Option<u64> {
    if text.is_empty() || text.len() > 16 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// At most 80 characters of a text read from a code, for a message.
fn shorten(text: &str) -> String {
    let mut short: String = text.chars().take(80).collect();
    if short.len() < text.len() {
        short.push_str("...");
    }
    short
}

/// The station code in the alphanumeric set: digits, capitals, `-`, `.`
/// and `/` as they are; every other byte (small letters, `_`) as `%XX`,
/// its value in hexadecimal. Station codes never hold `%`.
fn escape_station(code: &str) -> String {
    code.bytes()
        .map(|b| {
            if b.is_ascii_digit() || b.is_ascii_uppercase() || b"-./".contains(&b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// The station code written by [`escape_station`].
fn unescape_station(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The dark modules of the QR code for `text`, as a square of booleans
/// (row-major), and its width in modules.
pub fn modules(text: &str) -> Option<(Vec<bool>, usize)> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), QR_EC_LEVEL).ok()?;
    let width = code.width();
    let dark = code
        .to_colors()
        .into_iter()
        .map(|c| c == Color::Dark)
        .collect();
    Some((dark, width))
}

/// The payload of the form of `doc`, whose results hash is `hash`.
pub fn payload(doc: &ResultsDocument, hash: &Hash256) -> String {
    QrPayload::of(doc, hash).text()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(practice: bool) -> QrPayload {
        QrPayload {
            station: StationCode::parse("1804-03-0127").unwrap(),
            hash: Hash256::of(b"results"),
            votes: (1..=20).map(|p| 100 + p).collect(),
            invalid: 17,
            practice,
        }
    }

    #[test]
    fn a_payload_reads_back_as_written() {
        for practice in [false, true] {
            let payload = sample(practice);
            assert_eq!(QrPayload::parse(&payload.text()), Ok(payload));
        }
    }

    #[test]
    fn everything_after_the_format_name_is_alphanumeric() {
        let mut payload = sample(true);
        payload.station = StationCode::parse("x_1/b.C-2").unwrap();
        let text = payload.text();
        let rest = text.strip_prefix("polltally-qr/1 ").unwrap();
        assert!(
            rest.chars()
                .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase() || " $%*+-./:".contains(c)),
            "{rest}"
        );
        assert!(rest.starts_with("%78%5F1/%62.C-2 "), "{rest}");
        assert_eq!(QrPayload::parse(&text), Ok(payload));
    }

    #[test]
    fn the_payload_is_documented_in_its_order() {
        let payload = QrPayload {
            votes: vec![4, 12],
            invalid: 2,
            ..sample(true)
        };
        let hash = payload.hash.to_hex().to_ascii_uppercase();
        assert_eq!(
            payload.text(),
            format!("polltally-qr/1 1804-03-0127 {hash} 4 12 I:2 PRACTICE")
        );
    }

    #[test]
    fn other_texts_are_refused() {
        let good = sample(false).text();
        let bad = [
            String::new(),
            "polltally-results/1|0101".into(),
            good.replace("I:17", ""),
            good.replace("I:17", "I:17 EXTRA"),
            good.replace(" 101 ", " 1:101 "),
            good.replace(" 101 ", " X "),
            good.replace(" 101 ", "  "),
            good.replace("1804-03-0127", "%ZZ"),
            format!("{good} PRACTICE PRACTICE"),
            good.chars().take(40).collect(),
        ];
        for text in bad {
            assert!(QrPayload::parse(&text).is_err(), "{text}");
        }
    }

    #[test]
    fn vote_differences_name_the_party_and_both_values() {
        let parties = [PartyNumber(1), PartyNumber(2), PartyNumber(7)];
        let differences = vote_differences(&parties, &[4, 5, 6], &[4, 6, 6]);
        assert_eq!(differences, vec![says("votes.2", 5, 6)]);
        let differences = vote_differences(&parties, &[4, 5], &[4, 5, 6]);
        assert_eq!(
            differences,
            vec![
                Message::new(P::QrPartyCount)
                    .num("found", 2u64)
                    .num("expected", 3u64)
                    .at("votes")
            ]
        );
        assert!(vote_differences(&parties, &[4, 5, 6], &[4, 5, 6]).is_empty());
    }

    #[test]
    fn a_20_party_payload_fits_a_code_of_at_most_45_modules() {
        // QR_SIZE_MM was measured with photos of 20-party forms whose votes
        // have three digits, up to version 7 (45 modules); a wider code
        // would make each module smaller than the photos were shown to read.
        let (_, width) = modules(&sample(true).text()).unwrap();
        assert!(width <= 45, "{width} modules");
        let mut invalid = sample(true);
        invalid.invalid = 999;
        let (_, width) = modules(&invalid.text()).unwrap();
        assert!(width <= 45, "{width} modules");
    }
}
