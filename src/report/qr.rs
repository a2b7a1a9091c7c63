//! The QR code on every page: a compact, exact copy of the figures and the
//! results hash, so a phone can read the figures and check them against the
//! results file.

use crate::domain::hash::Hash256;
use crate::domain::results::ResultsDocument;
use qrcode::{Color, EcLevel, QrCode};

/// The QR payload: `polltally-results/1` fields separated by `|`:
/// station, election, results hash, figures, votes by party, invalid by
/// criterion, and `PRACTICE` on a practice count.
pub fn payload(doc: &ResultsDocument, hash: &Hash256) -> String {
    let f = &doc.figures;
    let figures = format!(
        "R{} U{} S{} I{} V{} T{} D{} B{} P{} X{}",
        f.received,
        f.unused,
        f.spoiled,
        f.issued,
        f.voters_marked,
        f.supplementary,
        f.temporary_id,
        f.in_box,
        f.valid,
        f.invalid
    );
    let votes: Vec<String> = doc
        .parties
        .iter()
        .map(|p| format!("{}:{}", p.number, doc.votes_for(p.number)))
        .collect();
    let invalid: Vec<String> = doc
        .invalid
        .iter()
        .map(|(c, n)| format!("{c}:{n}"))
        .collect();
    let mut fields = vec![
        doc.format.clone(),
        doc.station.code.to_string(),
        doc.election.id.to_string(),
        hash.to_hex(),
        figures,
        votes.join(","),
        invalid.join(","),
    ];
    if doc.practice {
        fields.push("PRACTICE".into());
    }
    fields.join("|")
}

/// The dark modules of the QR code for `text`, as a square of booleans
/// (row-major), and its width in modules.
pub fn modules(text: &str) -> Option<(Vec<bool>, usize)> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    let width = code.width();
    let dark = code
        .to_colors()
        .into_iter()
        .map(|c| c == Color::Dark)
        .collect();
    Some((dark, width))
}

/// The printed width of the QR code, in millimetres, without its quiet
/// zone: large enough for a phone at arm's length to read the posted form.
pub const QR_SIZE_MM: f32 = 60.0;
