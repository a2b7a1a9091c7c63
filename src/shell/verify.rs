//! Verifying a results file: alone (format, canonical bytes, its own sums and
//! checks), against the sealed record it came from, or against the short code
//! printed on a posted form. The CLI (`polltally verify --results`) and the
//! app's Verify screen both call [`check_results`]. And reading the QR code
//! of a photographed or scanned form ([`read_qr_image`]) to check it against
//! a results file or the commune's results ([`check_qr`]).

use crate::domain::hash::Hash256;
use crate::domain::identifier::{ElectionId, StationCode};
use crate::domain::limits::{MAX_IMAGE_FILE_BYTES, MAX_RESULTS_FILE_BYTES};
use crate::domain::message::{Explain, Message, P};
use crate::domain::results::{ResultsDocument, ResultsError};
use crate::domain::seq::Seq;
use crate::domain::short_code::{normalize_short_code, short_code};
use crate::report::qr::QrPayload;
use crate::store::Record;
use std::path::Path;

/// A check that did not pass (as opposed to input that could not be used).
#[derive(Debug)]
pub struct VerificationFailed(pub Message);

impl Explain for VerificationFailed {
    fn message(&self) -> Message {
        self.0.clone()
    }
}

/// `{problem} ({path})`.
fn in_file(problem: Message, path: &Path) -> Message {
    Message::new(P::InFile)
        .message("problem", problem)
        .text("path", path.display())
}

/// Two JSON files that should be the same bytes and are not: the first
/// field where they differ, told with `says` (`{found}`, `{expected}`).
pub fn differs(found: &[u8], expected: &[u8], says: P) -> VerificationFailed {
    let parse = |bytes: &[u8]| serde_json::from_slice::<serde_json::Value>(bytes).ok();
    // A document's own hash differs whenever anything in it does: name what
    // does first, and the hash only when nothing else differs.
    let without_hash = |value: &serde_json::Value| {
        let mut value = value.clone();
        if let Some(object) = value.as_object_mut() {
            object.remove("hash");
        }
        value
    };
    let first = parse(found).zip(parse(expected)).and_then(|(a, b)| {
        first_difference(&without_hash(&a), &without_hash(&b)).or_else(|| first_difference(&a, &b))
    });
    VerificationFailed(match first {
        Some((field, found, expected)) => Message::new(says)
            .text("found", found)
            .text("expected", expected)
            .at(field),
        None => Message::new(P::BytesDiffer),
    })
}

/// A results file that cannot be used, told by `message`: a file that is no
/// results document at all is bad input; one that reads but does not add up
/// has been changed ([`VerificationFailed`]).
pub fn unusable_results(err: &ResultsError, message: Message) -> anyhow::Error {
    if err.is_not_results() {
        message.into()
    } else {
        VerificationFailed(message).into()
    }
}

/// The first field where two JSON documents differ, as `path: a vs b`.
pub fn first_difference(
    a: &serde_json::Value,
    b: &serde_json::Value,
) -> Option<(String, String, String)> {
    use serde_json::Value;
    fn walk(path: String, a: &Value, b: &Value) -> Option<(String, String, String)> {
        match (a, b) {
            (Value::Object(x), Value::Object(y)) => {
                let mut keys: Vec<&String> = x.keys().chain(y.keys()).collect();
                keys.sort();
                keys.dedup();
                keys.into_iter().find_map(|k| {
                    let child = if path.is_empty() {
                        k.clone()
                    } else {
                        format!("{path}.{k}")
                    };
                    walk(
                        child,
                        x.get(k).unwrap_or(&Value::Null),
                        y.get(k).unwrap_or(&Value::Null),
                    )
                })
            }
            (Value::Array(x), Value::Array(y)) if x.len() == y.len() => x
                .iter()
                .zip(y)
                .enumerate()
                .find_map(|(i, (p, q))| walk(format!("{path}[{i}]"), p, q)),
            _ if a == b => None,
            _ => Some((path, a.to_string(), b.to_string())),
        }
    }
    walk(String::new(), a, b)
}

/// A record opened and verified, that ends at `head` when one is given.
pub fn check_record(path: &Path, head: Option<Hash256>) -> anyhow::Result<Record> {
    let record = Record::open_read(path)?;
    if let Some(expected) = head
        && expected != record.head()
    {
        let message = match record.seq_of_hash(expected)? {
            Some(seq) => Message::new(P::HeadAdded)
                .text("expected", expected)
                .num("seq", seq.0),
            None => Message::new(P::HeadMissing).text("expected", expected),
        };
        let message = message
            .num("n", record.entries())
            .text("head", record.head())
            .at("head");
        return Err(VerificationFailed(message).into());
    }
    Ok(record)
}

/// A checkpoint as an agent noted it: the entry and its code, typed as
/// `SEQ:CODE`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotedCheckpoint {
    pub seq: Seq,
    pub code: String,
}

impl NotedCheckpoint {
    /// `53:7G2K-9XQM-T4H0` (the code as forgiving as when typed anywhere).
    pub fn parse(text: &str) -> Result<NotedCheckpoint, Message> {
        let bad = || Message::new(P::BadCheckpoint).quoted("value", text);
        let (seq, code) = text.split_once(':').ok_or_else(bad)?;
        let seq = seq.trim().parse::<u64>().map_err(|_| bad())?;
        let code = crate::domain::short_code::normalize_checkpoint_code(code)?;
        Ok(NotedCheckpoint {
            seq: Seq(seq),
            code,
        })
    }
}

/// Whether `record` passes through each noted checkpoint: the entry at its
/// seq exists and its code is the one noted. Every checkpoint is checked,
/// each with its own outcome.
pub fn checkpoint_outcomes(
    record: &Record,
    noted: &[NotedCheckpoint],
) -> anyhow::Result<Vec<Result<(), Message>>> {
    let shown: Vec<(Seq, Option<u64>, String)> = record
        .count()
        .checkpoints()
        .iter()
        .filter_map(|c| {
            let code = crate::domain::short_code::checkpoint_code(c.hash.as_ref()?);
            Some((c.seq, c.ballot.map(|b| b.0), code))
        })
        .collect();
    let mut outcomes = Vec::with_capacity(noted.len());
    for n in noted {
        let outcome = match record.hash_at(n.seq)? {
            None => Err(Message::new(P::CheckpointMissing)
                .num("seq", n.seq.0)
                .num("entries", record.entries())),
            Some(hash) => {
                let found = crate::domain::short_code::checkpoint_code(&hash);
                if found == n.code {
                    Ok(())
                } else {
                    Err(elsewhere(&shown, n).unwrap_or_else(|| {
                        Message::new(P::CheckpointDiffers)
                            .num("seq", n.seq.0)
                            .text("found", &found)
                            .text("noted", &n.code)
                    }))
                }
            }
        };
        outcomes.push(outcome);
    }
    Ok(outcomes)
}

/// Whether the noted checkpoints are among those a results file lists.
pub fn checkpoints_listed(
    listed: &[crate::domain::results::CheckpointPart],
    noted: &[NotedCheckpoint],
) -> Vec<Result<(), Message>> {
    let shown: Vec<(Seq, Option<u64>, String)> = listed
        .iter()
        .map(|c| (c.seq, c.ballot, c.code.clone()))
        .collect();
    noted
        .iter()
        .map(|n| {
            if shown
                .iter()
                .any(|(seq, _, code)| *seq == n.seq && *code == n.code)
            {
                return Ok(());
            }
            Err(elsewhere(&shown, n).unwrap_or_else(|| {
                let at: Vec<String> = shown
                    .iter()
                    .filter(|(seq, _, _)| *seq == n.seq)
                    .map(|(seq, _, code)| format!("{}:{code}", seq.0))
                    .collect();
                Message::new(P::CheckpointNotListed)
                    .num("seq", n.seq.0)
                    .text("noted", &n.code)
                    .text(
                        "listed",
                        if at.is_empty() {
                            "-".to_string()
                        } else {
                            at.join(", ")
                        },
                    )
            }))
        })
        .collect()
}

/// A noted code that is the code of another checkpoint: most likely the
/// ballot number was written where the entry number goes.
fn elsewhere(shown: &[(Seq, Option<u64>, String)], n: &NotedCheckpoint) -> Option<Message> {
    let (entry, ballot, _) = shown
        .iter()
        .find(|(seq, _, code)| *code == n.code && *seq != n.seq)?;
    Some(
        Message::new(P::CheckpointElsewhere)
            .num("seq", n.seq.0)
            .text("noted", &n.code)
            .num("entry", entry.0)
            .text(
                "ballot",
                ballot.map_or_else(|| "-".to_string(), |b| b.to_string()),
            ),
    )
}

/// What a results file that passed is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verified {
    pub station: StationCode,
    pub election: ElectionId,
    pub hash: Hash256,
    pub code: String,
    pub practice: bool,
    /// The checkpoints the file lists.
    pub checkpoints: Vec<crate::domain::results::CheckpointPart>,
}

/// Checks a results file alone, against a record, or against a typed short
/// code. A failure that is a mismatch is a [`VerificationFailed`]; the CLI and
/// the app's Verify screen show the same messages.
pub fn check_results(
    results: &Path,
    record: Option<&Path>,
    code: Option<&str>,
) -> anyhow::Result<Verified> {
    let typed = code.map(normalize_short_code).transpose()?;
    let bytes = crate::shell::files::read_file(results, "results", MAX_RESULTS_FILE_BYTES)?;
    let doc = ResultsDocument::parse(&bytes)
        .map_err(|err| unusable_results(&err, in_file(err.message(), results)))?;
    let hash = Hash256::of(&bytes);
    let code_of_file = short_code(&hash);
    if let Some(typed) = typed
        && typed != code_of_file
    {
        return Err(VerificationFailed(
            Message::new(P::CodeMismatch)
                .text("typed", typed)
                .text("code", &code_of_file)
                .at("code"),
        )
        .into());
    }
    if let Some(path) = record {
        let record = Record::open_read(path)?;
        let expected = record.results()?;
        let def = record.count().definition();
        if doc.election.id != def.election.id {
            return Err(VerificationFailed(
                Message::new(P::OtherElection)
                    .quoted("file", doc.election.id.as_str())
                    .quoted("record", def.election.id.as_str())
                    .at("election.id"),
            )
            .into());
        }
        if doc.station.code != def.station.code {
            return Err(VerificationFailed(
                Message::new(P::OtherStation)
                    .quoted("file", doc.station.code.as_str())
                    .quoted("record", def.station.code.as_str())
                    .at("station.code"),
            )
            .into());
        }
        let expected_bytes = expected.to_bytes()?;
        if expected_bytes != bytes {
            return Err(differs(&bytes, &expected_bytes, P::FileSaysRecordSays).into());
        }
    }
    Ok(Verified {
        station: doc.station.code,
        election: doc.election.id,
        hash,
        code: code_of_file,
        practice: doc.practice,
        checkpoints: doc.checkpoints,
    })
}

/// The smallest side a photo is shrunk to when its QR code is looked for
/// again at a lower resolution.
const SMALLEST_SIDE: u32 = 400;

/// The longest side, in pixels, a photo is looked at with: a 12-megapixel
/// phone photo's (4000 x 3000). A larger one is shrunk to it first.
const LARGEST_SIDE: u32 = 4000;

/// The largest side of a photo that is also looked at enlarged.
const ENLARGED_UP_TO: u32 = 1600;

/// How a photo is looked at, in turn, until a code reads: its size in
/// percent and the smoothing (a Gaussian's sigma, in pixels). The QR reader
/// finds a code's grid only when its modules' edges are clean enough, and a
/// noisy, blurred photo of modules a few pixels wide reads at one of these
/// and not at the others (measured on `tests/qr_photo.sh`'s photos).
const LOOKS: [(u32, f32); 9] = [
    (100, 0.0),
    (100, 0.8),
    (100, 1.0),
    (125, 0.8),
    (150, 0.0),
    (150, 1.0),
    (150, 1.6),
    (175, 2.0),
    (200, 2.0),
];

/// Reads the QR code of a photo or scan (PNG or JPEG) and its
/// `polltally-qr/1` payload. A phone's photo can be far larger than the
/// code needs, and a large noisy image can hide the code's finder
/// patterns, so the image is searched again at half the size, down to
/// [`SMALLEST_SIDE`], until a code reads; at each size it is also
/// smoothed, and a small one enlarged, for a blurred, noisy photo.
pub fn read_qr_image(path: &Path) -> anyhow::Result<QrPayload> {
    let bytes = crate::shell::files::read_file(path, "qr", MAX_IMAGE_FILE_BYTES)?;
    let image = image::load_from_memory(&bytes).map_err(|err| {
        Message::new(P::NotImage)
            .text("path", path.display())
            .text("detail", err)
            .at("qr")
    })?;
    let mut grey = image.to_luma8();
    drop(image);
    // A photo larger than a phone's is shrunk first: its code reads as
    // well, in a fraction of the time and memory.
    let (w, h) = grey.dimensions();
    if w.max(h) > LARGEST_SIDE {
        let scale = f64::from(LARGEST_SIDE) / f64::from(w.max(h));
        let (sw, sh) = (
            ((f64::from(w) * scale) as u32).max(1),
            ((f64::from(h) * scale) as u32).max(1),
        );
        grey = image::imageops::resize(&grey, sw, sh, image::imageops::FilterType::Triangle);
    }
    let mut texts = Vec::new();
    loop {
        let (w, h) = grey.dimensions();
        for &(percent, sigma) in &LOOKS {
            let Some(look) = looked_at(&grey, percent, sigma) else {
                continue;
            };
            texts.extend(qr_texts(&look));
            if let Some(payload) = texts.iter().find_map(|t| QrPayload::parse(t).ok()) {
                return Ok(payload);
            }
        }
        if w.min(h) / 2 < SMALLEST_SIDE {
            break;
        }
        grey = image::imageops::resize(&grey, w / 2, h / 2, image::imageops::FilterType::Triangle);
    }
    // A code that reads but is not polltally's says what it holds.
    match texts.first() {
        Some(text) => Err(QrPayload::parse(text)
            .err()
            .unwrap_or_else(|| Message::new(P::NoQrCode).text("path", path.display()))
            .at("qr")
            .into()),
        None => Err(Message::new(P::NoQrCode)
            .text("path", path.display())
            .at("qr")
            .into()),
    }
}

/// `grey` at `percent` of its size, smoothed by `sigma`; none when a large
/// photo would be enlarged.
fn looked_at(grey: &image::GrayImage, percent: u32, sigma: f32) -> Option<image::GrayImage> {
    let (w, h) = grey.dimensions();
    let sized = match percent {
        100 => grey.clone(),
        _ if w.max(h) > ENLARGED_UP_TO => return None,
        _ => image::imageops::resize(
            grey,
            w * percent / 100,
            h * percent / 100,
            image::imageops::FilterType::CatmullRom,
        ),
    };
    Some(if sigma > 0.0 {
        image::imageops::blur(&sized, sigma)
    } else {
        sized
    })
}

/// The texts of every QR code that decodes in `grey`.
fn qr_texts(grey: &image::GrayImage) -> Vec<String> {
    let (w, h) = grey.dimensions();
    let mut prepared =
        rqrr::PreparedImage::prepare_from_greyscale(w as usize, h as usize, |x, y| {
            // Inside the image by construction: x < w and y < h.
            grey.get_pixel(x as u32, y as u32).0[0]
        });
    prepared
        .detect_grids()
        .into_iter()
        .filter_map(|grid| grid.decode().ok().map(|(_, text)| text))
        .collect()
}

/// What a QR code is checked against: a results file, or a commune
/// results file (with, optionally, the stations' results files it is
/// checked against first).
pub enum QrAgainst<'a> {
    Results(&'a Path),
    Commune(&'a Path, &'a crate::shell::tabulate::Inputs),
}

/// Checks the QR code of the photo `image` against a results file (the same
/// station, results hash, votes and invalid ballots) or a commune file (the
/// station counted there with that results hash, those votes and invalid
/// ballots). Every difference is named, with both values.
pub fn check_qr(image: &Path, against: QrAgainst) -> anyhow::Result<QrPayload> {
    let payload = read_qr_image(image)?;
    let (file, differences) = match against {
        QrAgainst::Results(path) => {
            let bytes = crate::shell::files::read_file(path, "results", MAX_RESULTS_FILE_BYTES)?;
            let doc = ResultsDocument::parse(&bytes)
                .map_err(|err| unusable_results(&err, in_file(err.message(), path)))?;
            let hash = Hash256::of(&bytes);
            (path, payload.differences_from_results(&doc, &hash))
        }
        QrAgainst::Commune(path, inputs) => {
            let commune = crate::shell::tabulate::check_commune(path, inputs)?;
            (path, payload.differences_from_commune(&commune))
        }
    };
    if differences.is_empty() {
        Ok(payload)
    } else {
        Err(VerificationFailed(
            Message::new(P::QrDisagrees)
                .text("image", image.display())
                .text("file", file.display())
                .list("list", differences),
        )
        .into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_difference_names_the_path() {
        let a = serde_json::json!({"votes": {"1": 5, "2": 7}, "x": [1, 2]});
        let b = serde_json::json!({"votes": {"1": 5, "2": 8}, "x": [1, 2]});
        assert_eq!(
            first_difference(&a, &b),
            Some(("votes.2".into(), "7".into(), "8".into()))
        );
        assert_eq!(first_difference(&a, &a), None);
    }
}
