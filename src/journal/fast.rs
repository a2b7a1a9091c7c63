//! The common entry read without the general machinery: a ruling with no
//! note and no clock notes is nearly every entry of a count, and replaying
//! a record is mostly reading them. [`read_plain_ruling`] reads such an
//! entry straight from its bytes and accepts it only when
//! [`write_plain_ruling`] writes those very bytes back, and
//! [`write_plain_ruling`] writes exactly what
//! [`crate::domain::canonical::to_canonical`] writes (tested below, over
//! every shape). So an entry this path accepts is one the general path
//! (parse, then encode canonically and compare) accepts with the same
//! body; everything else, including every entry that is wrong in any way,
//! goes the general path and is judged and named there.

use crate::domain::criteria::CriterionCode;
use crate::domain::party::PartyNumber;
use crate::domain::ruling::{Ruling, Verdict};
use crate::domain::seq::Seq;
use crate::domain::time::Timestamp;
use crate::journal::entry::EntryBody;
use crate::journal::event::Event;

/// The largest integer JSON carries exactly (2^53 - 1).
const MAX_EXACT: u64 = (1 << 53) - 1;

/// A ruling entry with no note and no clock notes, read from its canonical
/// bytes; `None` for anything else (which the general path then reads).
/// `scratch` is a buffer reused between calls.
pub fn read_plain_ruling(bytes: &[u8], scratch: &mut Vec<u8>) -> Option<EntryBody> {
    let mut c = Cursor(bytes);
    c.literal(b"{\"at\":\"")?;
    let at: Timestamp = std::str::from_utf8(c.take(20)?).ok()?.parse().ok()?;
    c.literal(b"\",\"event\":{")?;
    let mut disputed_by = Vec::new();
    if c.eat(b"\"disputed_by\":[") {
        loop {
            let party = u32::try_from(c.number()?).ok()?;
            disputed_by.push(PartyNumber(party));
            if c.eat(b"]") {
                break;
            }
            c.literal(b",")?;
        }
        c.literal(b",")?;
    }
    c.literal(b"\"type\":\"ruling\",\"verdict\":{\"criterion\":\"")?;
    let code = c.take_while(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
    let criterion = CriterionCode::parse(std::str::from_utf8(code).ok()?).ok()?;
    c.literal(b"\",\"kind\":\"")?;
    let verdict = if c.eat(b"valid\",\"party\":") {
        let party = PartyNumber(u32::try_from(c.number()?).ok()?);
        Verdict::Valid { party, criterion }
    } else {
        c.literal(b"invalid\"")?;
        Verdict::Invalid { criterion }
    };
    c.literal(b"}},\"seq\":")?;
    let seq = Seq(c.number()?);
    c.literal(b"}")?;
    if !c.0.is_empty() {
        return None;
    }
    let body = EntryBody {
        seq,
        at,
        event: Event::Ruling(Ruling {
            verdict,
            disputed_by,
            note: None,
        }),
        clock: vec![],
    };
    scratch.clear();
    (write_plain_ruling(&body, scratch) && scratch[..] == *bytes).then_some(body)
}

/// Writes the canonical bytes of a ruling entry with no note and no clock
/// notes into `out`; false (and `out` unspecified) for any other entry.
pub fn write_plain_ruling(body: &EntryBody, out: &mut Vec<u8>) -> bool {
    let Event::Ruling(ruling) = &body.event else {
        return false;
    };
    if ruling.note.is_some() || !body.clock.is_empty() || body.seq.0 > MAX_EXACT {
        return false;
    }
    // A criterion code is letters and digits: nothing in it is escaped.
    let criterion = ruling.verdict.criterion().as_str();
    if !criterion.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return false;
    }
    out.extend_from_slice(b"{\"at\":\"");
    out.extend_from_slice(&body.at.utc_bytes());
    out.extend_from_slice(b"\",\"event\":{");
    if let Some((first, rest)) = ruling.disputed_by.split_first() {
        out.extend_from_slice(b"\"disputed_by\":[");
        number(out, u64::from(first.0));
        for party in rest {
            out.push(b',');
            number(out, u64::from(party.0));
        }
        out.extend_from_slice(b"],");
    }
    out.extend_from_slice(b"\"type\":\"ruling\",\"verdict\":{\"criterion\":\"");
    out.extend_from_slice(criterion.as_bytes());
    out.extend_from_slice(b"\",\"kind\":");
    match ruling.verdict.party() {
        Some(party) => {
            out.extend_from_slice(b"\"valid\",\"party\":");
            number(out, u64::from(party.0));
        }
        None => out.extend_from_slice(b"\"invalid\""),
    }
    out.extend_from_slice(b"}},\"seq\":");
    number(out, body.seq.0);
    out.push(b'}');
    true
}

/// A non-negative integer in decimal, as JSON writes it.
fn number(out: &mut Vec<u8>, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[at..]);
}

/// Bytes being read from the front.
struct Cursor<'a>(&'a [u8]);

impl<'a> Cursor<'a> {
    fn literal(&mut self, expected: &[u8]) -> Option<()> {
        self.eat(expected).then_some(())
    }

    fn eat(&mut self, expected: &[u8]) -> bool {
        match self.0.strip_prefix(expected) {
            Some(rest) => {
                self.0 = rest;
                true
            }
            None => false,
        }
    }

    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let (taken, rest) = self.0.split_at_checked(n)?;
        self.0 = rest;
        Some(taken)
    }

    fn take_while(&mut self, keep: impl Fn(u8) -> bool) -> &'a [u8] {
        let n = self.0.iter().take_while(|&&b| keep(b)).count();
        let (taken, rest) = self.0.split_at(n);
        self.0 = rest;
        taken
    }

    /// A non-negative integer JSON carries exactly (leading zeros are
    /// caught by the comparison with the bytes written back).
    fn number(&mut self) -> Option<u64> {
        let digits = self.take_while(|b| b.is_ascii_digit());
        if digits.is_empty() || digits.len() > 16 {
            return None;
        }
        let value = digits
            .iter()
            .fold(0u64, |n, d| n * 10 + u64::from(d - b'0'));
        (value <= MAX_EXACT).then_some(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::canonical::to_canonical;
    use crate::domain::free_text::FreeText;

    fn body(seq: u64, at: i64, verdict: Verdict, disputed_by: Vec<u32>) -> EntryBody {
        EntryBody {
            seq: Seq(seq),
            at: Timestamp::from_unix_seconds(at),
            event: Event::Ruling(Ruling {
                verdict,
                disputed_by: disputed_by.into_iter().map(PartyNumber).collect(),
                note: None,
            }),
            clock: vec![],
        }
    }

    fn shapes() -> Vec<EntryBody> {
        let code = |c: &str| CriterionCode::parse(c).unwrap();
        let mut all = vec![];
        for (seq, at) in [
            (1, 0),
            (2, 1_800_000_000),
            (99_999, -62_135_596_800),
            (MAX_EXACT, 253_402_300_799),
        ] {
            for verdict in [
                Verdict::Valid {
                    party: PartyNumber(3),
                    criterion: code("V1"),
                },
                Verdict::Valid {
                    party: PartyNumber(u32::MAX),
                    criterion: code("VALID99X"),
                },
                Verdict::Valid {
                    party: PartyNumber(0),
                    criterion: code("A"),
                },
                Verdict::Invalid {
                    criterion: code("I2"),
                },
            ] {
                for disputed in [vec![], vec![5], vec![12, 1, 999, 0]] {
                    all.push(body(seq, at, verdict.clone(), disputed));
                }
            }
        }
        all
    }

    #[test]
    fn writes_what_the_canonical_encoding_writes_and_reads_it_back() {
        let mut out = vec![];
        let mut scratch = vec![];
        for b in shapes() {
            out.clear();
            assert!(write_plain_ruling(&b, &mut out), "{b:?}");
            let canonical = to_canonical(&b).unwrap();
            assert_eq!(
                String::from_utf8_lossy(&out),
                String::from_utf8_lossy(&canonical)
            );
            assert_eq!(read_plain_ruling(&canonical, &mut scratch), Some(b));
        }
    }

    #[test]
    fn leaves_every_other_entry_to_the_general_path() {
        let mut scratch = vec![];
        let mut noted = shapes().remove(0);
        if let Event::Ruling(r) = &mut noted.event {
            r.note = Some(FreeText::parse("note", "torn corner").unwrap());
        }
        let other = EntryBody {
            event: Event::PileCount {
                party: PartyNumber(1),
                count: 4,
            },
            ..noted.clone()
        };
        for b in [noted, other] {
            assert!(!write_plain_ruling(&b, &mut vec![]));
            assert_eq!(
                read_plain_ruling(&to_canonical(&b).unwrap(), &mut scratch),
                None
            );
        }
    }

    proptest::proptest! {
        /// Whatever bytes the plain path reads, the general path reads the
        /// same way: parsed to the same body, canonical.
        #[test]
        fn what_is_read_here_the_general_path_reads_alike(
            pick in 0usize..48,
            edits in proptest::collection::vec(
                (0usize..200, proptest::prop_oneof![0u8..128, b'0'..=b'9'], 0u8..3),
                1..4,
            ),
        ) {
            let mut bytes = to_canonical(&shapes()[pick]).unwrap();
            for (at, byte, how) in edits {
                let at = at % (bytes.len() + 1);
                match how {
                    0 if at < bytes.len() => bytes[at] = byte,
                    1 => bytes.insert(at, byte),
                    _ if at < bytes.len() => { bytes.remove(at); }
                    _ => {}
                }
            }
            if let Some(body) = read_plain_ruling(&bytes, &mut vec![]) {
                let general: EntryBody = serde_json::from_slice(&bytes).unwrap();
                proptest::prop_assert_eq!(&general, &body);
                proptest::prop_assert_eq!(to_canonical(&general).unwrap(), bytes);
            }
        }
    }

    #[test]
    fn bytes_that_are_not_exactly_canonical_are_not_read() {
        let mut scratch = vec![];
        let good = String::from_utf8(to_canonical(&shapes()[14]).unwrap()).unwrap();
        assert!(read_plain_ruling(good.as_bytes(), &mut scratch).is_some());
        let variants = [
            good.replace("\"seq\":2", "\"seq\":02"),
            good.replace("\"seq\":2", "\"seq\":2.0"),
            good.replace("\"party\":", "\"party\": "),
            good.replace("[12,", "[012,"),
            good.replace("\"V", "\"v"),
            good.replace("T08", "T24"),
            good.replace("\"seq\":2}", "\"seq\":9007199254740992}"),
            format!("{good} "),
            good.replace("disputed_by", "disputed"),
        ];
        for bad in variants {
            assert_ne!(bad, good);
            assert_eq!(
                read_plain_ruling(bad.as_bytes(), &mut scratch),
                None,
                "{bad}"
            );
        }
    }
}
