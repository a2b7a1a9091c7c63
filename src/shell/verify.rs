//! Verifying a results file: alone (format, canonical bytes, its own sums and
//! checks), against the sealed record it came from, or against the short code
//! printed on a posted form. The CLI (`polltally verify --results`) and the
//! app's Verify screen both call [`check_results`].

use crate::domain::hash::Hash256;
use crate::domain::identifier::{ElectionId, StationCode};
use crate::domain::message::{Explain, Message, P};
use crate::domain::results::{ResultsDocument, ResultsError};
use crate::domain::short_code::{normalize_short_code, short_code};
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
    let first = parse(found)
        .zip(parse(expected))
        .and_then(|(a, b)| first_difference(&a, &b));
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
    let record = Record::open(path)?;
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

/// What a results file that passed is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verified {
    pub station: StationCode,
    pub election: ElectionId,
    pub hash: Hash256,
    pub code: String,
    pub practice: bool,
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
    let bytes = crate::shell::files::read_file(results, "results")?;
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
        let record = Record::open(path)?;
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
    })
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
