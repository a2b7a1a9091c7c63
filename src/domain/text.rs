//! Texts given in several languages (`{"en": "...", "km": "..."}`), as the
//! station file and the criteria carry them.

use crate::domain::limits::{MAX_LANGUAGES, MAX_TEXT_CHARS};
use crate::domain::message::{Message, P};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A text in one or more languages, keyed by a lowercase language code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct LocalizedText(BTreeMap<String, String>);

impl LocalizedText {
    /// Builds a text from `(language, text)` pairs; used for built-in texts.
    pub fn from_pairs(pairs: &[(&str, &str)]) -> LocalizedText {
        LocalizedText(
            pairs
                .iter()
                .map(|(lang, text)| (lang.to_string(), text.to_string()))
                .collect(),
        )
    }

    /// Checks a text read from a file: at least one language and at most
    /// [`MAX_LANGUAGES`], language codes of two or three lowercase letters,
    /// no empty text, none longer than [`MAX_TEXT_CHARS`] characters.
    pub fn validate(&self) -> Result<(), Message> {
        if self.0.is_empty() {
            return Err(Message::new(P::NoLanguage));
        }
        if self.0.len() > MAX_LANGUAGES {
            return Err(Message::new(P::TooManyLanguages)
                .num("n", self.0.len() as u64)
                .num("max", MAX_LANGUAGES as u64));
        }
        for (lang, text) in &self.0 {
            let code_ok =
                (2..=3).contains(&lang.len()) && lang.bytes().all(|b| b.is_ascii_lowercase());
            if !code_ok {
                return Err(Message::new(P::NotLanguageCode).quoted("value", lang));
            }
            if text.trim().is_empty() {
                return Err(Message::new(P::TextEmpty).at(lang.as_str()));
            }
            let chars = text.chars().count();
            if chars > MAX_TEXT_CHARS {
                return Err(Message::new(P::TooLong)
                    .num("n", chars as u64)
                    .num("max", MAX_TEXT_CHARS as u64)
                    .at(lang.as_str()));
            }
        }
        Ok(())
    }

    /// The text in `lang`, else in English, else in Khmer, else any.
    pub fn get(&self, lang: &str) -> &str {
        [lang, "en", "km"]
            .iter()
            .find_map(|l| self.0.get(*l))
            .or_else(|| self.0.values().next())
            .map_or("", String::as_str)
    }

    /// The text in exactly `lang`, if given.
    pub fn exactly(&self, lang: &str) -> Option<&str> {
        self.0.get(lang).map(String::as_str)
    }
}

/// How figures are written: Western digits or Khmer numerals (០-៩).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Numerals {
    #[default]
    Western,
    Khmer,
}

/// `text` with Khmer numerals (០-៩) read as the digits they are, as typed
/// into a number field on a Khmer keyboard.
pub fn western_digits(text: &str) -> String {
    text.chars()
        .map(|c| match u32::from(c) {
            d @ 0x17E0..=0x17E9 => char::from_u32(u32::from(b'0') + d - 0x17E0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

impl Numerals {
    /// `text` with its digits written in these numerals.
    pub fn show(self, text: &str) -> String {
        match self {
            Numerals::Western => text.to_string(),
            Numerals::Khmer => text
                .chars()
                .map(|c| match c.to_digit(10) {
                    Some(d) => char::from_u32(0x17E0 + d).unwrap_or(c),
                    None => c,
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn khmer_numerals_typed_read_as_digits() {
        assert_eq!(western_digits("១៩"), "19");
        assert_eq!(western_digits("ab ៥0"), "ab 50");
    }

    #[test]
    fn khmer_numerals_replace_digits_only() {
        assert_eq!(Numerals::Khmer.show("612 / -3"), "៦១២ / -៣");
        assert_eq!(Numerals::Western.show("612"), "612");
    }

    #[test]
    fn falls_back_to_english_then_khmer() {
        let t = LocalizedText::from_pairs(&[("en", "Blank"), ("km", "ទទេ")]);
        assert_eq!(t.get("km"), "ទទេ");
        assert_eq!(t.get("fr"), "Blank");
        let km_only = LocalizedText::from_pairs(&[("km", "ទទេ")]);
        assert_eq!(km_only.get("en"), "ទទេ");
    }

    #[test]
    fn validation_names_the_bad_language_or_text() {
        assert!(
            LocalizedText::from_pairs(&[])
                .validate()
                .unwrap_err()
                .to_string()
                .contains("at least one")
        );
        assert!(
            LocalizedText::from_pairs(&[("EN", "x")])
                .validate()
                .unwrap_err()
                .to_string()
                .contains("\"EN\"")
        );
        assert!(
            LocalizedText::from_pairs(&[("en", " ")])
                .validate()
                .unwrap_err()
                .to_string()
                .contains("en: the text is empty")
        );
    }
}
