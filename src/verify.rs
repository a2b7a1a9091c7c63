//! Verifying a results file: alone (format, canonical bytes, its own sums and
//! checks), against the sealed record it came from, or against the short code
//! printed on a posted form. The CLI (`polltally verify --results`) and the
//! app's Verify screen both call [`check_results`].

use crate::domain::hash::Hash256;
use crate::domain::results::{ResultsDocument, first_difference, normalize_short_code, short_code};
use crate::store::Record;
use anyhow::{Context, anyhow};
use std::path::Path;

/// A check that did not pass (as opposed to input that could not be used).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct VerificationFailed(pub String);

/// What a results file that passed is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verified {
    pub station: String,
    pub election: String,
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
    let typed = code
        .map(|c| normalize_short_code(c).map_err(|e| anyhow!(e)))
        .transpose()?;
    let bytes = std::fs::read(results)
        .with_context(|| format!("results: cannot read {}", results.display()))?;
    let doc = match ResultsDocument::parse(&bytes) {
        Ok(doc) => doc,
        // A file that is no results document at all is bad input; one that
        // reads but does not add up has been changed.
        Err(err @ crate::domain::results::ResultsError::Unreadable(_))
        | Err(err @ crate::domain::results::ResultsError::Format(_)) => {
            return Err(anyhow!("{err} ({})", results.display()));
        }
        Err(err) => return Err(VerificationFailed(format!("{err} ({})", results.display())).into()),
    };
    let hash = Hash256::of(&bytes);
    let code_of_file = short_code(&hash);
    if let Some(typed) = typed
        && typed != code_of_file
    {
        return Err(VerificationFailed(format!(
            "code: {typed} does not match this results file (its code is {code_of_file}); the form and the file disagree"
        ))
        .into());
    }
    if let Some(path) = record {
        let record = Record::open(path)?;
        let expected = record.results()?;
        let def = record.count().definition();
        if doc.election.id != def.election.id {
            return Err(VerificationFailed(format!(
                "election.id: the results file is for election {:?}, the record for {:?}",
                doc.election.id, def.election.id
            ))
            .into());
        }
        if doc.station.code != def.station.code {
            return Err(VerificationFailed(format!(
                "station.code: the results file is for station {:?}, the record for {:?}",
                doc.station.code, def.station.code
            ))
            .into());
        }
        let expected_bytes = expected.to_bytes();
        if expected_bytes != bytes {
            let a: serde_json::Value = serde_json::from_slice(&bytes)?;
            let b: serde_json::Value = serde_json::from_slice(&expected_bytes)?;
            let detail = match first_difference(&a, &b) {
                Some((path, file, rec)) => {
                    format!("{path}: the results file says {file}, the record says {rec}")
                }
                None => "the bytes differ".into(),
            };
            return Err(VerificationFailed(detail).into());
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
