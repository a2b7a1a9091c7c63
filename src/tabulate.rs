//! Reading a commune's results files for tabulation: each file read,
//! verified (format, canonical bytes, its own sums) and hashed, then handed
//! to the core. The CLI (`polltally tabulate`) and the app's Tabulation
//! screen both call [`tabulate_files`].

use crate::domain::hash::Hash256;
use crate::domain::results::{ResultsDocument, ResultsError};
use crate::domain::tabulation::{CommuneResults, StationResults, tabulate};
use crate::i18n::{Explain, P};
use crate::verify::VerificationFailed;
use std::path::{Path, PathBuf};

/// Reads and verifies one results file. A file that is no results document
/// is bad input; one that reads but does not add up has been changed.
pub fn read_results(path: &Path) -> anyhow::Result<StationResults> {
    let bytes = crate::system::read_file(path, "results")?;
    let file = path.display().to_string();
    match ResultsDocument::parse(&bytes) {
        Ok(doc) => Ok(StationResults {
            file,
            doc,
            hash: Hash256::of(&bytes),
        }),
        Err(err @ (ResultsError::Unreadable(_) | ResultsError::Format(_))) => {
            Err(err.message().at(file).into())
        }
        Err(err) => Err(VerificationFailed(err.message().at(file)).into()),
    }
}

/// Checks a commune results file's own hash and, given the stations'
/// results files, that tabulating them again gives the same bytes.
pub fn check_commune(path: &Path, files: &[PathBuf]) -> anyhow::Result<CommuneResults> {
    let bytes = crate::system::read_file(path, "commune")?;
    let commune = CommuneResults::parse(&bytes)
        .map_err(|problem| VerificationFailed(problem.at(path.display().to_string())))?;
    if !files.is_empty() {
        let again = tabulate_files(files)?.to_bytes();
        if again != bytes {
            return Err(crate::verify::differs(&bytes, &again, P::CommuneDiffers).into());
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
    crate::system::write_file(out, &commune.to_bytes())?;
    if let Some(pdf) = pdf {
        crate::system::write_file(pdf, &crate::report::commune_pdf(commune))?;
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
