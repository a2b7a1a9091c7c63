//! Comparing a sealed recount with its original, both opened from their
//! records (each replayed and verified). The CLI (`polltally compare`) and
//! the app's Comparison screen both call [`compare_records`].

use crate::domain::comparison::{Comparison, compare};
use crate::domain::message::{Message, P};
use crate::shell::verify::VerificationFailed;
use crate::store::Record;
use std::path::Path;

/// Opens both records; the recount must be sealed and bound to exactly the
/// original's results.
pub fn compare_records(original: &Path, recount: &Path) -> anyhow::Result<Comparison> {
    let original_record = Record::open_read(original)?;
    let original_hash = original_record.results()?.hash()?;
    let recount_record = Record::open_read(recount)?;
    let Some(state) = recount_record.count().recount() else {
        return Err(Message::new(P::NotARecountRecord)
            .text("path", recount.display())
            .at("recount")
            .into());
    };
    if state.binding.original_results_hash != original_hash {
        return Err(VerificationFailed(
            Message::new(P::RecountOfOtherResults)
                .text("bound", state.binding.original_results_hash)
                .text("original", original_hash)
                .at("recount"),
        )
        .into());
    }
    let results = recount_record.results()?;
    let hash = results.hash()?;
    compare(recount_record.count(), &results, hash).ok_or_else(|| {
        Message::new(P::NotARecountRecord)
            .text("path", recount.display())
            .at("recount")
            .into()
    })
}
