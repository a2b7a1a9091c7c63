//! Ballot tracking by serial: per ballot book of the station file, the
//! serial of its first unused ballot (or that the book is unused, or used
//! up). From them the unused ballots U_serial, checked against the counted U
//! (`unused_by_serial`), and each book's used range for the results.

use crate::domain::limits::{MAX_BALLOT_BOOKS, MAX_COUNT};
use crate::domain::message::{Message, P};
use crate::domain::station::{BallotBook, StationDefinition};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How much of a ballot book was used, as read from the book after the
/// close. In files: `"unused"`, `"used_up"` or `{"first_unused": 10057}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BookUse {
    /// No ballot of the book was used.
    Unused,
    /// Every ballot of the book was used: none left.
    UsedUp,
    /// The serial of the first ballot still in the book; every ballot
    /// before it was used, it and every one after it are unused.
    FirstUnused(u64),
}

impl BookUse {
    /// The key of the state (`unused`, `used_up`, `first_unused`).
    pub fn key(self) -> &'static str {
        match self {
            BookUse::Unused => "unused",
            BookUse::UsedUp => "used_up",
            BookUse::FirstUnused(_) => "first_unused",
        }
    }

    /// Whether this use fits `book`: a first unused serial inside its range.
    pub fn fits(self, book: &BallotBook) -> bool {
        match self {
            BookUse::Unused | BookUse::UsedUp => true,
            BookUse::FirstUnused(serial) => {
                (book.first_serial..=book.last_serial).contains(&serial)
            }
        }
    }

    /// The unused ballots of `book` (None for a use that does not fit it).
    pub fn unused_in(self, book: &BallotBook) -> Option<u64> {
        if book.first_serial > book.last_serial || !self.fits(book) {
            return None;
        }
        match self {
            BookUse::Unused => book
                .last_serial
                .checked_sub(book.first_serial)?
                .checked_add(1),
            BookUse::UsedUp => Some(0),
            BookUse::FirstUnused(serial) => book.last_serial.checked_sub(serial)?.checked_add(1),
        }
    }

    /// The serials used, first to last (None when no ballot was used, or
    /// for a use that does not fit the book).
    pub fn used_range(self, book: &BallotBook) -> Option<(u64, u64)> {
        if book.first_serial > book.last_serial || !self.fits(book) {
            return None;
        }
        match self {
            BookUse::Unused => None,
            BookUse::UsedUp => Some((book.first_serial, book.last_serial)),
            BookUse::FirstUnused(serial) => {
                let last_used = serial.checked_sub(1)?;
                (last_used >= book.first_serial).then_some((book.first_serial, last_used))
            }
        }
    }
}

/// The field a book's use is named by in messages: `books["B-1801"]`.
pub fn book_field(book: &str) -> String {
    format!("books[{book:?}]")
}

/// May these books' uses be recorded for this station? At least one book;
/// each a book of the station file, a first unused serial inside its book.
/// Each refusal names the field and the value.
pub fn check_book_serials(
    def: &StationDefinition,
    books: &BTreeMap<String, BookUse>,
) -> Result<(), Message> {
    if books.is_empty() {
        return Err(Message::new(P::NoBookGiven).at("books"));
    }
    for (name, used) in books {
        let Some(book) = def.ballot_books.iter().find(|b| &b.book == name) else {
            let list: Vec<&str> = def.ballot_books.iter().map(|b| b.book.as_str()).collect();
            return Err(Message::new(P::NotBookOfStation)
                .quoted("value", name)
                .text("list", list.join(", "))
                .at(book_field(name)));
        };
        if let BookUse::FirstUnused(serial) = used
            && !used.fits(book)
        {
            return Err(Message::new(P::SerialOutsideBook)
                .num("value", *serial)
                .num("first", book.first_serial)
                .num("last", book.last_serial)
                .at(format!("{}.first_unused", book_field(name))));
        }
    }
    Ok(())
}

/// U_serial: the unused ballots the serials say, once every book of the
/// station is given (None while one is not).
pub fn unused_by_serial(def: &StationDefinition, books: &BTreeMap<String, BookUse>) -> Option<u64> {
    def.ballot_books.iter().try_fold(0u64, |sum, book| {
        let used = books.get(&book.book)?;
        sum.checked_add(used.unused_in(book)?)
    })
}

/// The books of the station not given yet, in the station file's order.
pub fn books_not_given<'a>(
    def: &'a StationDefinition,
    books: &BTreeMap<String, BookUse>,
) -> Vec<&'a str> {
    def.ballot_books
        .iter()
        .filter(|b| !books.contains_key(&b.book))
        .map(|b| b.book.as_str())
        .collect()
}

/// One ballot book as the results document and `show --json` list it: its
/// serials, the use recorded, the serials used and the ballots left.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BookSerialsPart {
    pub book: String,
    pub first_serial: u64,
    pub last_serial: u64,
    /// The use recorded; null while the book is not given.
    #[serde(rename = "use")]
    pub book_use: Option<BookUse>,
    /// The first serial used; null when none was (or not given).
    pub used_first: Option<u64>,
    /// The last serial used; null when none was (or not given).
    pub used_last: Option<u64>,
    /// The ballots left in the book; null while not given.
    pub unused: Option<u64>,
}

impl BookSerialsPart {
    /// The book as the station file issued it.
    fn book(&self) -> BallotBook {
        BallotBook {
            book: self.book.clone(),
            first_serial: self.first_serial,
            last_serial: self.last_serial,
        }
    }

    fn of(book: &BallotBook, used: Option<BookUse>) -> BookSerialsPart {
        let range = used.and_then(|u| u.used_range(book));
        BookSerialsPart {
            book: book.book.clone(),
            first_serial: book.first_serial,
            last_serial: book.last_serial,
            book_use: used,
            used_first: range.map(|r| r.0),
            used_last: range.map(|r| r.1),
            unused: used.and_then(|u| u.unused_in(book)),
        }
    }
}

/// Every book of the station with its use, and U_serial.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SerialsPart {
    /// Every book of the station file, in its order.
    pub books: Vec<BookSerialsPart>,
    /// U_serial: the unused ballots the serials say; null while a book is
    /// not given.
    pub unused: Option<u64>,
}

/// Why the serials of a results document do not stand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SerialsProblem {
    /// A number or a list past its bound, or books that are no station's.
    Refused(Message),
    /// A derived value that is not what the books' serials give.
    Inconsistent {
        field: String,
        found: String,
        why: Message,
    },
}

impl SerialsPart {
    /// The books of the station with the uses recorded.
    pub fn of(def: &StationDefinition, books: &BTreeMap<String, BookUse>) -> SerialsPart {
        SerialsPart {
            books: def
                .ballot_books
                .iter()
                .map(|b| BookSerialsPart::of(b, books.get(&b.book).copied()))
                .collect(),
            unused: unused_by_serial(def, books),
        }
    }

    /// A document's serials as the count would have written them: at most
    /// [`MAX_BALLOT_BOOKS`] books, each once, serials below 2^53 and in
    /// order, as many ballots as `ballots_in_books`, each use inside its
    /// book, and every derived number what the serials give.
    pub fn check(&self, ballots_in_books: u64) -> Result<(), SerialsProblem> {
        let refuse = |m: Message| Err(SerialsProblem::Refused(m));
        if self.books.is_empty() {
            return refuse(Message::new(P::NoBookGiven).at("serials.books"));
        }
        if self.books.len() > MAX_BALLOT_BOOKS {
            return refuse(
                Message::new(P::TooManyBooks)
                    .num("n", self.books.len() as u64)
                    .num("max", MAX_BALLOT_BOOKS as u64)
                    .at("serials.books"),
            );
        }
        let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
        let mut total: u64 = 0;
        let mut unused: Option<u64> = Some(0);
        for (i, part) in self.books.iter().enumerate() {
            let at = |field: &str| format!("serials.books[{i}].{field}");
            if let Some(j) = seen.insert(part.book.as_str(), i) {
                return refuse(
                    Message::new(P::UsedTwice)
                        .quoted("value", &part.book)
                        .text("other", format!("serials.books[{j}]"))
                        .at(at("book")),
                );
            }
            for (field, value) in [
                ("first_serial", Some(part.first_serial)),
                ("last_serial", Some(part.last_serial)),
                ("used_first", part.used_first),
                ("used_last", part.used_last),
                ("unused", part.unused),
            ] {
                if let Some(value) = value
                    && value > MAX_COUNT
                {
                    return refuse(
                        Message::new(P::TooLarge)
                            .num("value", value)
                            .num("max", MAX_COUNT)
                            .at(at(field)),
                    );
                }
            }
            if part.first_serial > part.last_serial {
                return refuse(
                    Message::new(P::SerialAfterLast)
                        .num("first", part.first_serial)
                        .num("last", part.last_serial)
                        .at(at("first_serial")),
                );
            }
            let book = part.book();
            if let Some(BookUse::FirstUnused(serial)) = part.book_use
                && !BookUse::FirstUnused(serial).fits(&book)
            {
                return refuse(
                    Message::new(P::SerialOutsideBook)
                        .num("value", serial)
                        .num("first", part.first_serial)
                        .num("last", part.last_serial)
                        .at(format!("{}.first_unused", at("use"))),
                );
            }
            let expected = BookSerialsPart::of(&book, part.book_use);
            for (field, found, given) in [
                ("used_first", part.used_first, expected.used_first),
                ("used_last", part.used_last, expected.used_last),
                ("unused", part.unused, expected.unused),
            ] {
                if found != given {
                    return Err(SerialsProblem::Inconsistent {
                        field: at(field),
                        found: format!("{found:?}"),
                        why: Message::new(P::SerialsGive).text("value", format!("{given:?}")),
                    });
                }
            }
            // Each book is below 2^53 and there are at most 1000: no wrap.
            total = total.saturating_add(book.size());
            unused = match (unused, expected.unused) {
                (Some(sum), Some(n)) => sum.checked_add(n),
                _ => None,
            };
        }
        if total != ballots_in_books {
            return Err(SerialsProblem::Inconsistent {
                field: "ballots_in_books".into(),
                found: ballots_in_books.to_string(),
                why: Message::new(P::SerialsGive).text("value", total),
            });
        }
        if self.unused != unused {
            return Err(SerialsProblem::Inconsistent {
                field: "serials.unused".into(),
                found: format!("{:?}", self.unused),
                why: Message::new(P::SerialsGive).text("value", format!("{unused:?}")),
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::station::StationFile;

    /// The sample station: books B-1801..B-1807, serials 180001-180700.
    fn sample() -> StationDefinition {
        let bytes = include_bytes!("../../assets/sample-station.json").to_vec();
        StationFile::parse(bytes).unwrap().definition().clone()
    }

    fn books(pairs: &[(&str, BookUse)]) -> BTreeMap<String, BookUse> {
        pairs.iter().map(|(b, u)| (b.to_string(), *u)).collect()
    }

    fn all_used_up(def: &StationDefinition) -> BTreeMap<String, BookUse> {
        def.ballot_books
            .iter()
            .map(|b| (b.book.clone(), BookUse::UsedUp))
            .collect()
    }

    #[test]
    fn the_uses_serialize_as_words_or_the_first_unused_serial() {
        let b = books(&[
            ("B-1801", BookUse::UsedUp),
            ("B-1802", BookUse::FirstUnused(180157)),
            ("B-1803", BookUse::Unused),
        ]);
        let json = serde_json::to_string(&b).unwrap();
        assert_eq!(
            json,
            r#"{"B-1801":"used_up","B-1802":{"first_unused":180157},"B-1803":"unused"}"#
        );
        assert_eq!(
            serde_json::from_str::<BTreeMap<String, BookUse>>(&json).unwrap(),
            b
        );
        assert!(serde_json::from_str::<BookUse>(r#""half""#).is_err());
        assert!(serde_json::from_str::<BookUse>(r#"{"first_unused":-1}"#).is_err());
    }

    #[test]
    fn every_book_used_up_leaves_no_unused_ballot() {
        let def = sample();
        let b = all_used_up(&def);
        assert_eq!(check_book_serials(&def, &b), Ok(()));
        assert_eq!(unused_by_serial(&def, &b), Some(0));
        let first = &def.ballot_books[0];
        assert_eq!(BookUse::UsedUp.used_range(first), Some((180001, 180100)));
    }

    #[test]
    fn one_book_partly_used_and_one_untouched() {
        let def = sample();
        let mut b = all_used_up(&def);
        b.insert("B-1806".into(), BookUse::FirstUnused(180557));
        b.insert("B-1807".into(), BookUse::Unused);
        assert_eq!(check_book_serials(&def, &b), Ok(()));
        // 180557..=180600 is 44 ballots, and the whole of B-1807 is 100.
        assert_eq!(unused_by_serial(&def, &b), Some(144));
        let b6 = &def.ballot_books[5];
        assert_eq!(
            BookUse::FirstUnused(180557).used_range(b6),
            Some((180501, 180556))
        );
        assert_eq!(BookUse::Unused.used_range(&def.ballot_books[6]), None);
        // The first serial of a book as its first unused: nothing used.
        assert_eq!(BookUse::FirstUnused(180501).used_range(b6), None);
        assert_eq!(BookUse::FirstUnused(180501).unused_in(b6), Some(100));
        assert_eq!(BookUse::FirstUnused(180600).unused_in(b6), Some(1));
    }

    #[test]
    fn u_serial_waits_for_every_book() {
        let def = sample();
        let b = books(&[("B-1801", BookUse::UsedUp)]);
        assert_eq!(check_book_serials(&def, &b), Ok(()));
        assert_eq!(unused_by_serial(&def, &b), None);
        assert_eq!(books_not_given(&def, &b).len(), 6);
    }

    #[test]
    fn a_serial_outside_its_book_is_refused_with_the_field_and_value() {
        let def = sample();
        for serial in [180000, 180101, 12345, u64::MAX] {
            let b = books(&[("B-1801", BookUse::FirstUnused(serial))]);
            assert_eq!(
                check_book_serials(&def, &b).unwrap_err().to_string(),
                format!(
                    "books[\"B-1801\"].first_unused: {serial} is outside the book's serials \
                     180001-180100"
                )
            );
        }
    }

    #[test]
    fn a_book_not_in_the_station_file_is_refused() {
        let def = sample();
        let b = books(&[("B-0001", BookUse::UsedUp)]);
        assert_eq!(
            check_book_serials(&def, &b).unwrap_err().to_string(),
            "books[\"B-0001\"]: \"B-0001\" is not a ballot book of this station \
             (B-1801, B-1802, B-1803, B-1804, B-1805, B-1806, B-1807)"
        );
        assert_eq!(
            check_book_serials(&def, &BTreeMap::new())
                .unwrap_err()
                .to_string(),
            "books: give at least one ballot book"
        );
    }
}
