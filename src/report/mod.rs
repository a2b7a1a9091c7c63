//! The forms: a pure page model made from values the shell has read (the
//! results document, the criteria, the journal entries): the results form
//! ([`form`]) and its ruling log annex ([`annex`]), the comparison and
//! commune reports ([`tables`]), the trainer's report of a training round
//! ([`training`]), all in one page frame ([`frame`]) on the
//! layout tools of [`layout`]; drawn as PDF ([`pdf`]), with a QR code
//! ([`qr`]) and numbers in words ([`words`]). Nothing here reads a file or
//! the store.

pub mod annex;
pub mod form;
pub mod frame;
pub mod layout;
pub mod pdf;
pub mod qr;
pub mod shaping;
pub mod tables;
pub mod training;
pub mod words;

pub use tables::{commune_pages, commune_pdf, comparison_pages, comparison_pdf};

use crate::domain::ballot::Numbering;
use crate::domain::criteria::CriteriaSet;
use crate::domain::message::{Message, P};
use crate::domain::results::ResultsDocument;
use crate::domain::text::Numerals;
use crate::i18n::bilingual::Words;
use crate::i18n::{T, Tr};
use crate::journal::entry::EntryBody;

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
    /// Every copy, in the order they are printed.
    pub const ALL: [Copy; 3] = [Copy::A, Copy::B, Copy::C];

    /// `A`, `B` or `C`, either case.
    pub fn parse(text: &str) -> Result<Copy, Message> {
        match text {
            "A" | "a" => Ok(Copy::A),
            "B" | "b" => Ok(Copy::B),
            "C" | "c" => Ok(Copy::C),
            other => Err(Message::new(P::NotCopy).quoted("value", other)),
        }
    }

    /// The copy's letter, as printed in the file name and the PDF's id.
    pub fn letter(self) -> char {
        match self {
            Copy::A => 'A',
            Copy::B => 'B',
            Copy::C => 'C',
        }
    }

    /// The key of the copy's label at the top of each page.
    pub fn label(self) -> T {
        match self {
            Copy::A => T::CopyA,
            Copy::B => T::CopyB,
            Copy::C => T::CopyC,
        }
    }

    /// The key of where the copy goes, in the footer.
    pub fn destination(self) -> T {
        match self {
            Copy::A => T::CopyADestination,
            Copy::B => T::CopyBDestination,
            Copy::C => T::CopyCDestination,
        }
    }
}

/// The PDF of a sealed count's results form, one copy, followed by the
/// ruling log annex when its `entries` are given. Figures are written in
/// `numerals`. The shell reads the results document, the criteria and the
/// journal from the record; this only lays them out and draws them. The
/// annex's ballot numbers are derived from the entries; a review recount's
/// annex needs its original's numbers, given by [`results_pdf_with_ballots`].
pub fn results_pdf(
    doc: &ResultsDocument,
    criteria: &CriteriaSet,
    copy: Copy,
    numerals: Numerals,
    entries: Option<&[EntryBody]>,
) -> Result<Vec<u8>, Message> {
    match entries {
        Some(entries) => {
            let ballots = annex::numbering(entries);
            results_pdf_with_ballots(doc, criteria, copy, numerals, Some((entries, &ballots)))
        }
        None => results_pdf_with_ballots(doc, criteria, copy, numerals, None),
    }
}

/// [`results_pdf`], with the annex's entries and the count's ballot numbers
/// (the count's own, a review's rulings carrying their original's).
pub fn results_pdf_with_ballots(
    doc: &ResultsDocument,
    criteria: &CriteriaSet,
    copy: Copy,
    numerals: Numerals,
    annex: Option<(&[EntryBody], &Numbering)>,
) -> Result<Vec<u8>, Message> {
    let tr = Tr::default();
    let pages = form::pages(&Words::new(numerals), doc, copy, criteria, annex)?;
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
