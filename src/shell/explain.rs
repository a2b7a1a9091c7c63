//! Errors as people read them: the shells' errors (`anyhow` chains) turned
//! into text in the chosen language. Each cause that polltally can explain
//! carries a language-free [`Message`] and is rendered from the problem
//! table; causes from outside (the operating system, SQLite) are shown as
//! they came.

use crate::domain::count::{CountError, SealingGap};
use crate::domain::message::{Explain, Message};
use crate::domain::results::ResultsError;
use crate::domain::ruling::RulingError;
use crate::domain::station::StationError;
use crate::domain::tabulation::TabulationError;
use crate::i18n::Tr;
use crate::i18n::message::explained_error;
use crate::journal::replay::{ChainError, EventError};
use crate::shell::verify::VerificationFailed;
use crate::store::StoreError;

explained_error!(StoreError, VerificationFailed);

/// The message of a polltally error found in an error chain, if it is one.
pub fn explain(cause: &(dyn std::error::Error + 'static)) -> Option<Message> {
    macro_rules! try_types {
        ($($t:ty),*) => {$(
            if let Some(err) = cause.downcast_ref::<$t>() {
                return Some(err.message());
            }
        )*};
    }
    try_types!(
        Message,
        StationError,
        CountError,
        RulingError,
        EventError,
        ChainError,
        StoreError,
        ResultsError,
        VerificationFailed,
        SealingGap,
        TabulationError
    );
    None
}

/// The causes of an error chain as messages, outermost first: each cause
/// polltally can explain as its message, others as they came.
pub fn error_messages(err: &anyhow::Error) -> Vec<Message> {
    err.chain()
        .map(|cause| explain(cause).unwrap_or_else(|| Message::verbatim(cause)))
        .collect()
}

/// An error of the shells in `tr`'s language: each cause of the chain that
/// polltally can explain is rendered from the table, others as they are;
/// causes are joined by ": " like `{:#}`.
pub fn error_text(tr: Tr, err: &anyhow::Error) -> String {
    error_messages(err)
        .iter()
        .map(|message| tr.message(message))
        .collect::<Vec<_>>()
        .join(": ")
}
