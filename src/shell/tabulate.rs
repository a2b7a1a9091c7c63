//! Reading a commune's results files for tabulation: each file read,
//! verified (format, canonical bytes, its own sums) and hashed, then handed
//! to the core. The CLI (`polltally tabulate`) and the app's Tabulation
//! screen both call [`tabulate_files`]; with the station files the commune
//! election commission issued, the CLI calls [`tabulate_against`].

use crate::domain::hash::Hash256;
use crate::domain::message::{Explain, Message, P};
use crate::domain::results::ResultsDocument;
use crate::domain::tabulation::{
    CommuneResults, IssuedStation, StationResults, tabulate, tabulate_issued,
};
use crate::shell::verify::{VerificationFailed, unusable_results};
use std::path::{Path, PathBuf};

/// Reads and verifies one results file. A file that is no results document
/// is bad input; one that reads but does not add up has been changed.
pub fn read_results(path: &Path) -> anyhow::Result<StationResults> {
    let bytes = crate::shell::files::read_file(path, "results")?;
    let file = path.display().to_string();
    let doc = ResultsDocument::parse(&bytes)
        .map_err(|err| unusable_results(&err, err.message().at(&file)))?;
    Ok(StationResults {
        file,
        doc,
        hash: Hash256::of(&bytes),
    })
}

/// Checks a commune results file's own hash and, given the stations'
/// results files, that tabulating them again (against the issued station
/// files, when given) gives the same bytes.
pub fn check_commune(
    path: &Path,
    files: &[PathBuf],
    stations: &[PathBuf],
) -> anyhow::Result<CommuneResults> {
    let bytes = crate::shell::files::read_file(path, "commune")?;
    let commune = CommuneResults::parse(&bytes)
        .map_err(|problem| VerificationFailed(problem.at(path.display().to_string())))?;
    if !files.is_empty() {
        let again = tabulate_against(files, stations)?.to_bytes()?;
        if again != bytes {
            return Err(crate::shell::verify::differs(&bytes, &again, P::CommuneDiffers).into());
        }
    }
    Ok(commune)
}

/// Writes the commune results file, and its PDF when asked.
pub fn write_commune(
    commune: &CommuneResults,
    out: &Path,
    pdf: Option<&Path>,
) -> anyhow::Result<()> {
    crate::shell::files::write_file(out, &commune.to_bytes()?)?;
    if let Some(pdf) = pdf {
        crate::shell::files::write_file(pdf, &crate::report::commune_pdf(commune)?)?;
    }
    Ok(())
}

/// Reads every file and tabulates the commune.
pub fn tabulate_files(paths: &[PathBuf]) -> anyhow::Result<CommuneResults> {
    let files = paths
        .iter()
        .map(|p| read_results(p))
        .collect::<anyhow::Result<Vec<_>>>()?;
    Ok(tabulate(&files)?)
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

/// Reads every results file and tabulates the commune; against the issued
/// station files when any are given (see [`tabulate_issued`]), else as
/// [`tabulate_files`].
pub fn tabulate_against(paths: &[PathBuf], stations: &[PathBuf]) -> anyhow::Result<CommuneResults> {
    if stations.is_empty() {
        return tabulate_files(paths);
    }
    let issued = read_issued(stations)?;
    let files = paths
        .iter()
        .map(|p| read_results(p))
        .collect::<anyhow::Result<Vec<_>>>()?;
    Ok(tabulate_issued(&files, &issued)?)
}
