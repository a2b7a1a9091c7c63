//! The forms: a pure page model made from the results document and the
//! journal ([`form`], [`layout`]), drawn as PDF ([`pdf`]), with a QR code
//! ([`qr`]) and numbers in words ([`words`]).

pub mod form;
pub mod layout;
pub mod pdf;
pub mod qr;
pub mod shaping;
pub mod tables;
pub mod words;

pub use tables::{commune_pdf, comparison_pdf};

use crate::domain::message::{Message, P};
use crate::domain::text::Numerals;
use crate::i18n::{T, Tr};
use crate::store::Record;

/// The three copies of the results form (Cambodia's form 1102).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Copy {
    /// Sealed in the package to the NEC.
    A,
    /// Posted outside the polling station.
    B,
    /// For the commune election commission.
    C,
}

impl Copy {
    pub const ALL: [Copy; 3] = [Copy::A, Copy::B, Copy::C];

    pub fn parse(text: &str) -> Result<Copy, Message> {
        match text {
            "A" | "a" => Ok(Copy::A),
            "B" | "b" => Ok(Copy::B),
            "C" | "c" => Ok(Copy::C),
            other => Err(Message::new(P::NotCopy).quoted("value", other)),
        }
    }

    pub fn letter(self) -> char {
        match self {
            Copy::A => 'A',
            Copy::B => 'B',
            Copy::C => 'C',
        }
    }

    pub fn label(self) -> T {
        match self {
            Copy::A => T::CopyA,
            Copy::B => T::CopyB,
            Copy::C => T::CopyC,
        }
    }

    pub fn destination(self) -> T {
        match self {
            Copy::A => T::CopyADestination,
            Copy::B => T::CopyBDestination,
            Copy::C => T::CopyCDestination,
        }
    }
}

/// The PDF of a sealed record's results form (and annex).
/// Figures are written in `numerals`, or in the station file's default.
pub fn render_record(
    record: &Record,
    copy: Copy,
    annex: bool,
    numerals: Option<Numerals>,
) -> anyhow::Result<Vec<u8>> {
    let doc = record.results()?;
    let criteria = &record.count().definition().criteria;
    let entries: Option<Vec<_>> = if annex {
        Some(
            record
                .journal()?
                .into_iter()
                .map(|(_, body)| body)
                .collect(),
        )
    } else {
        None
    };
    let tr = Tr::default();
    let numerals = numerals.unwrap_or(record.count().definition().numerals);
    let pages = form::pages(
        &form::Words::new(numerals),
        &doc,
        copy,
        criteria,
        entries.as_deref(),
    )?;
    let hash = doc.hash()?;
    let title = format!(
        "{} {} {}",
        tr.t(T::FormTitle),
        doc.station.code,
        copy.letter()
    );
    let mut id = hash.to_hex()[..31].to_string();
    id.push(copy.letter());
    Ok(pdf::render(&pages, &title, &id))
}
