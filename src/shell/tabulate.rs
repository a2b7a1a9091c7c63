//! Reading a commune's results files for tabulation: each file read,
//! verified (format, canonical bytes, its own sums) and hashed, then handed
//! to the core. The CLI (`polltally tabulate`) and the app's Tabulation
//! screen both call [`tabulate_files`].

use crate::domain::hash::Hash256;
use crate::domain::message::{Explain, P};
use crate::domain::results::ResultsDocument;
use crate::domain::tabulation::{CommuneResults, StationResults, tabulate};
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
/// results files, that tabulating them again gives the same bytes.
pub fn check_commune(path: &Path, files: &[PathBuf]) -> anyhow::Result<CommuneResults> {
    let bytes = crate::shell::files::read_file(path, "commune")?;
    let commune = CommuneResults::parse(&bytes)
        .map_err(|problem| VerificationFailed(problem.at(path.display().to_string())))?;
    if !files.is_empty() {
        let again = tabulate_files(files)?.to_bytes()?;
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
