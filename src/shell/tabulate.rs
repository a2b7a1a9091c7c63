//! Reading a commune's inputs for tabulation: each station's results file
//! (or its count record) read, verified (format, canonical bytes, its own
//! sums; a record's whole journal) and hashed; the issued station files and
//! the short codes typed from paper read; then all handed to the core. The
//! CLI (`polltally tabulate`) and the app's Tabulation screen both call
//! [`tabulate_inputs`].

use crate::domain::hash::Hash256;
use crate::domain::limits::{MAX_CODES_FILE_BYTES, MAX_COMMUNE_FILE_BYTES, MAX_RESULTS_FILE_BYTES};
use crate::domain::message::{Explain, Message, P};
use crate::domain::paper_codes::PaperCodes;
use crate::domain::results::ResultsDocument;
use crate::domain::tabulation::{
    CommuneResults, IssuedStation, StationResults, TabulationError, tabulate_commune,
};
use crate::shell::files::Output;
use crate::shell::verify::{VerificationFailed, unusable_results};
use crate::store::record::{Record, StoreError};
use std::path::{Path, PathBuf};

/// What a commune tabulates.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Inputs {
    /// Each station's results file or count record (`.polltally`).
    pub results: Vec<PathBuf>,
    /// The station files the commune election commission issued, or
    /// directories of them; none: results are not held to them.
    pub stations: Vec<PathBuf>,
    /// The short codes typed from copy C of the forms; none: results are
    /// not held to paper.
    pub codes: Option<PaperCodes>,
}

/// Reads and verifies one station's results: a results file, or a count
/// record whose journal is replayed and verified and whose sealed results
/// are taken (the bytes `polltally export` writes). A file that is neither
/// is bad input; one that reads but does not add up, or a record whose
/// journal does not verify, has been changed.
pub fn read_results(path: &Path) -> anyhow::Result<StationResults> {
    let magic = crate::shell::files::first_bytes(
        path,
        "results",
        crate::shell::files::SQLITE_MAGIC.len() as u64,
    )?;
    let file = path.display().to_string();
    let bytes = if magic == crate::shell::files::SQLITE_MAGIC {
        record_results(path)?
    } else {
        crate::shell::files::read_file(path, "results", MAX_RESULTS_FILE_BYTES)?
    };
    let doc = ResultsDocument::parse(&bytes)
        .map_err(|err| unusable_results(&err, err.message().at(&file)))?;
    Ok(StationResults {
        file,
        doc,
        hash: Hash256::of(&bytes),
    })
}

/// The results file of a sealed count record, as `polltally export` writes
/// it; errors name the record.
fn record_results(path: &Path) -> anyhow::Result<Vec<u8>> {
    let file = path.display().to_string();
    let record = Record::open_read(path).map_err(|err| -> anyhow::Error {
        let message = err.message().at(&file);
        match err {
            StoreError::Chain(_) | StoreError::Original { .. } | StoreError::Damaged { .. } => {
                VerificationFailed(message).into()
            }
            _ => message.into(),
        }
    })?;
    let doc = record.results().map_err(|err| err.message().at(&file))?;
    Ok(doc.to_bytes().map_err(|err| err.at(&file))?)
}

/// Reads a codes file (`STATION-CODE SHORT-CODE` a line); errors name it.
pub fn read_codes(path: &Path) -> Result<PaperCodes, Message> {
    let bytes = crate::shell::files::read_file(path, "codes", MAX_CODES_FILE_BYTES)?;
    let text = String::from_utf8(bytes).map_err(|_| {
        Message::new(P::NotUtf8)
            .text("path", path.display())
            .at("codes")
    })?;
    PaperCodes::parse(&text).map_err(|problem| {
        Message::new(P::InCodesFile)
            .text("path", path.display())
            .message("problem", problem)
            .at("codes")
    })
}

/// Reads every input and tabulates the commune (see
/// [`tabulate_commune`]).
pub fn tabulate_inputs(inputs: &Inputs) -> anyhow::Result<CommuneResults> {
    let issued = if inputs.stations.is_empty() {
        None
    } else {
        Some(read_issued(&inputs.stations)?)
    };
    let files = inputs
        .results
        .iter()
        .map(|p| read_results(p))
        .collect::<anyhow::Result<Vec<_>>>()?;
    tabulate_commune(&files, issued.as_deref(), inputs.codes.as_ref()).map_err(|err| match err {
        // A file that is not the one the commission signed was changed.
        TabulationError::PaperDiffers { .. } => VerificationFailed(err.message()).into(),
        other => other.into(),
    })
}

/// Checks a commune results file's own hash and, given the inputs it was
/// tabulated from, that tabulating them again gives the same bytes.
pub fn check_commune(path: &Path, inputs: &Inputs) -> anyhow::Result<CommuneResults> {
    let bytes = crate::shell::files::read_file(path, "commune", MAX_COMMUNE_FILE_BYTES)?;
    let commune = CommuneResults::parse(&bytes)
        .map_err(|problem| VerificationFailed(problem.at(path.display().to_string())))?;
    if !inputs.results.is_empty() {
        let again = tabulate_inputs(inputs)?.to_bytes()?;
        if again != bytes {
            return Err(crate::shell::verify::differs(&bytes, &again, P::CommuneDiffers).into());
        }
    }
    Ok(commune)
}

/// Writes the commune results file, and its PDF when asked: both or
/// neither (see [`crate::shell::files::write_outputs`]).
pub fn write_commune(
    commune: &CommuneResults,
    out: Output,
    pdf: Option<Output>,
) -> anyhow::Result<()> {
    let json = commune.to_bytes()?;
    let form = match pdf {
        Some(_) => crate::report::commune_pdf(commune)?,
        None => Vec::new(),
    };
    let outputs: Vec<(Output, &[u8])> = std::iter::once((out, json.as_slice()))
        .chain(pdf.map(|pdf| (pdf, form.as_slice())))
        .collect();
    crate::shell::files::write_outputs(&outputs)
}

/// Reads the issued station files: each path a station file, or a
/// directory whose every `*.json` is one (in name order).
pub fn read_issued(paths: &[PathBuf]) -> anyhow::Result<Vec<IssuedStation>> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let entries = std::fs::read_dir(path).map_err(|err| {
                Message::new(P::CannotRead)
                    .text("path", path.display())
                    .text("detail", err)
                    .at("stations")
            })?;
            let mut inside: Vec<PathBuf> = entries
                .filter_map(|entry| entry.ok().map(|e| e.path()))
                .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "json"))
                .collect();
            inside.sort();
            files.extend(inside);
        } else {
            files.push(path.clone());
        }
    }
    files
        .iter()
        .map(|path| {
            Ok(IssuedStation {
                file: path.display().to_string(),
                station: crate::shell::files::read_station(path)?,
            })
        })
        .collect()
}
