//! Free text typed by people: notes on rulings, reasons for voids and
//! withdrawals, explanations of checks, names, organisations and the
//! authority of a recount. Checked once where it is typed or read from a
//! file; everything after takes a [`FreeText`] and need not check again.

use crate::domain::limits::MAX_TEXT_CHARS;
use crate::domain::message::{Message, P};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A text a person wrote: not blank, at most [`MAX_TEXT_CHARS`] characters,
/// no control characters but line breaks. In files, the same JSON string.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct FreeText(String);

/// The rule, without a field to name.
fn check(text: &str) -> Result<(), Message> {
    if text.trim().is_empty() {
        return Err(Message::new(P::MustNotBeEmpty));
    }
    let chars = text.chars().count();
    if chars > MAX_TEXT_CHARS {
        return Err(Message::new(P::TooLong)
            .num("n", chars as u64)
            .num("max", MAX_TEXT_CHARS as u64));
    }
    if let Some(c) = text.chars().find(|c| c.is_control() && *c != '\n') {
        return Err(Message::new(P::ControlCharacter).text("c", format!("{c:?}")));
    }
    Ok(())
}

impl FreeText {
    /// Checks `text` as typed into `field`; the error names the field, e.g.
    /// `reason: must not be empty`.
    pub fn parse(field: &str, text: &str) -> Result<FreeText, Message> {
        check(text).map_err(|problem| problem.at(field))?;
        Ok(FreeText(text.to_string()))
    }

    /// The text without leading and trailing white space (still a free
    /// text: it was not blank).
    pub fn trimmed(&self) -> FreeText {
        FreeText(self.0.trim().to_string())
    }

    /// The text as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A free text reads as the `str` it holds.
impl std::ops::Deref for FreeText {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for FreeText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl PartialEq<str> for FreeText {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for FreeText {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl<'de> Deserialize<'de> for FreeText {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<FreeText, D::Error> {
        let text = String::deserialize(deserializer)?;
        check(&text).map_err(serde::de::Error::custom)?;
        Ok(FreeText(text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn free_text_is_refused_blank_too_long_or_with_control_characters() {
        let err = |text: &str| FreeText::parse("reason", text).unwrap_err().to_string();
        assert_eq!(err(" \n "), "reason: must not be empty");
        assert!(err(&"x".repeat(MAX_TEXT_CHARS + 1)).contains("too long"));
        assert!(err("a\tb").starts_with("reason: "));
        let text = FreeText::parse("reason", " two lines\nof text ").unwrap();
        assert_eq!(text.as_str(), " two lines\nof text ");
        assert_eq!(text.trimmed().as_str(), "two lines\nof text");
    }

    #[test]
    fn free_text_reads_and_writes_as_the_same_string() {
        let text: FreeText = serde_json::from_str(r#""wrong pile""#).unwrap();
        assert_eq!(serde_json::to_string(&text).unwrap(), r#""wrong pile""#);
        let err = serde_json::from_str::<FreeText>(r#"" ""#).unwrap_err();
        assert!(err.to_string().starts_with("must not be empty"), "{err}");
    }
}
