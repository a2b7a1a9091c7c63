//! Khmer first, English beside it: the wording of the printed forms and
//! reports, made from the same tables as every screen. The report layer
//! lays these strings out; it does not choose words itself.

use super::{Lang, T, Tr};
use crate::domain::results::CheckPart;
use crate::domain::text::{LocalizedText, Numerals};
use crate::domain::time::Timestamp;
use crate::domain::zone::Zone;

/// The forms print Khmer first and English beside it.
pub struct Words {
    km: Tr,
    en: Tr,
    numerals: Numerals,
}

impl Default for Words {
    fn default() -> Words {
        Words::new(Numerals::Western)
    }
}

impl Words {
    /// Both languages, figures in `numerals`.
    pub fn new(numerals: Numerals) -> Words {
        Words {
            km: Tr::new(Lang::Km).with_numerals(numerals),
            en: Tr::new(Lang::En).with_numerals(numerals),
            numerals,
        }
    }

    /// A figure in the form's numerals.
    pub fn num(&self, value: impl std::fmt::Display) -> String {
        self.numerals.show(&value.to_string())
    }

    /// A time as people read it: local to `zone`, with its offset, in the
    /// form's numerals (the same in both languages).
    pub fn time(&self, zone: &Zone, at: Timestamp) -> String {
        zone.display(at, self.numerals)
    }

    /// The offset of `zone` at `at`, `UTC+07:00`, for a column heading.
    pub fn offset(&self, zone: &Zone, at: Timestamp) -> String {
        zone.offset_display(at, self.numerals)
    }

    /// A time in a column whose heading names the offset at `heading`.
    pub fn time_in_column(&self, zone: &Zone, at: Timestamp, heading: Timestamp) -> String {
        zone.display_in_column(at, self.numerals, heading)
    }

    /// `ខ្មែរ / English`, a template's own figures (`{#1}`) in the form's
    /// numerals.
    pub fn t(&self, key: T) -> String {
        format!("{} / {}", self.km.f(key, &[]), self.en.f(key, &[]))
    }

    /// A template in both languages.
    pub fn f(&self, key: T, args: &[(&str, &dyn std::fmt::Display)]) -> String {
        format!("{} / {}", self.km.f(key, args), self.en.f(key, args))
    }

    /// A check's name in both languages.
    pub fn check(&self, check: &CheckPart) -> String {
        format!(
            "{} / {}",
            self.km.check(check.name),
            self.en.check(check.name)
        )
    }

    /// A check's status in both languages, figures in the form's numerals.
    pub fn status(&self, check: &CheckPart) -> String {
        let status = check.status;
        let km = self.km.with_numerals(self.numerals).status(status);
        let en = self.en.with_numerals(self.numerals).status(status);
        format!("{km} / {en}")
    }

    /// Only the Khmer, for a heading on two lines.
    pub fn km(&self, key: T) -> &'static str {
        self.km.t(key)
    }

    /// Only the Khmer, a template's own figures in the form's numerals.
    pub fn km_text(&self, key: T) -> String {
        self.km.f(key, &[])
    }

    /// Only the English, a template's own figures in the form's numerals.
    pub fn en_text(&self, key: T) -> String {
        self.en.f(key, &[])
    }

    /// Only the English, for a heading on two lines.
    pub fn en(&self, key: T) -> &'static str {
        self.en.t(key)
    }

    /// The English of the pair, for what is the same in both languages.
    pub fn en_tr(&self) -> Tr {
        self.en
    }

    /// The same text made in each language: `ខ្មែរ / English`; each
    /// language's `Tr` writes figures in the form's numerals.
    pub fn each(&self, make: impl Fn(Tr) -> String) -> String {
        format!("{} / {}", make(self.km), make(self.en))
    }

    /// A station-file text: the Khmer, then the English if it differs.
    pub fn name(&self, text: &LocalizedText) -> String {
        match (text.exactly("km"), text.exactly("en")) {
            (Some(km), Some(en)) if km != en => format!("{km} / {en}"),
            _ => text.get("km").to_string(),
        }
    }
}
