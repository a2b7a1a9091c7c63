//! Journal entries and the hash chain:
//! `hash = SHA-256(prev_hash || canonical bytes of the entry)`, where
//! `prev_hash` is the 32 raw bytes of the previous entry's hash (32 zero bytes
//! for the first entry) and the canonical bytes are the RFC 8785 encoding of
//! `{"at": ..., "event": ..., "seq": ...}`.

use crate::domain::canonical::to_canonical;
use crate::domain::clock_check::ClockNote;
use crate::domain::hash::Hash256;
use crate::domain::message::Message;
use crate::domain::seq::Seq;
use crate::domain::time::Timestamp;
use crate::journal::event::Event;
use serde::{Deserialize, Serialize};

/// What an entry says: its position, when it was recorded, the event, and
/// what was doubtful about the laptop's clock when it was recorded (absent
/// when nothing was, and in records made before polltally noted it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntryBody {
    pub seq: Seq,
    pub at: Timestamp,
    pub event: Event,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub clock: Vec<ClockNote>,
}

/// An entry as the store keeps it: the exact bytes that were hashed and the
/// two hashes of the chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredEntry {
    pub seq: Seq,
    pub canonical: Vec<u8>,
    pub prev_hash: Hash256,
    pub hash: Hash256,
}

impl StoredEntry {
    /// No entry yet: a buffer that rows of a journal are read into.
    pub fn empty() -> StoredEntry {
        StoredEntry {
            seq: Seq(0),
            canonical: Vec::new(),
            prev_hash: Hash256::ZERO,
            hash: Hash256::ZERO,
        }
    }

    /// Encodes `body` canonically and chains it to `prev_hash`.
    pub fn new(prev_hash: Hash256, body: &EntryBody) -> Result<StoredEntry, Message> {
        let canonical = to_canonical(body)?;
        Ok(StoredEntry {
            seq: body.seq,
            hash: chain_hash(prev_hash, &canonical),
            canonical,
            prev_hash,
        })
    }
}

/// The chain rule.
pub fn chain_hash(prev_hash: Hash256, canonical: &[u8]) -> Hash256 {
    Hash256::of_parts(&[prev_hash.as_bytes(), canonical])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::party::PartyNumber;

    #[test]
    fn the_canonical_bytes_sort_members_and_chain_from_zero() {
        let body = EntryBody {
            seq: Seq(2),
            at: Timestamp::from_unix_seconds(1_800_000_000),
            event: Event::PileCount {
                party: PartyNumber(3),
                count: 41,
            },
            clock: vec![],
        };
        let stored = StoredEntry::new(Hash256::ZERO, &body).unwrap();
        assert_eq!(
            String::from_utf8(stored.canonical.clone()).unwrap(),
            r#"{"at":"2027-01-15T08:00:00Z","event":{"count":41,"party":3,"type":"pile_count"},"seq":2}"#
        );
        let mut manual = vec![0u8; 32];
        manual.extend_from_slice(&stored.canonical);
        assert_eq!(stored.hash, Hash256::of(&manual));
    }
}
