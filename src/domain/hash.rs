//! SHA-256 digests as a value type, written as 64 lowercase hex digits
//! wherever they are stored, hashed or shown.

use crate::domain::message::{Message, P};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use sha2::{Digest, Sha256};
use std::fmt;
use std::str::FromStr;

/// A SHA-256 digest.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Hash256([u8; 32]);

impl Hash256 {
    /// The all-zero digest: the `prev_hash` of a journal's first entry.
    pub const ZERO: Hash256 = Hash256([0; 32]);

    /// SHA-256 of `bytes`.
    pub fn of(bytes: &[u8]) -> Hash256 {
        Hash256(Sha256::digest(bytes).into())
    }

    /// SHA-256 of the concatenation of `parts`.
    pub fn of_parts(parts: &[&[u8]]) -> Hash256 {
        let mut hasher = Sha256::new();
        for part in parts {
            hasher.update(part);
        }
        Hash256(hasher.finalize().into())
    }

    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// The full hash as 64 hex digits.
    pub fn to_hex(&self) -> String {
        self.to_string()
    }

    /// The first `n` hex digits, for short on-screen references.
    pub fn short(&self, n: usize) -> String {
        let hex = self.to_hex();
        hex.get(..n.min(hex.len())).unwrap_or(&hex).to_string()
    }
}

/// Hex digits in groups of four, for reading aloud and comparing by eye.
pub fn grouped(hex: &str) -> String {
    groups(hex).join(" ")
}

/// Hex digits cut into groups of four (the last may be shorter), for a
/// hash set on more than one line.
pub fn groups(hex: &str) -> Vec<String> {
    hex.as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect()
}

impl fmt::Display for Hash256 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for byte in self.0 {
            write!(f, "{byte:02x}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for Hash256 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Hash256({self})")
    }
}

/// The value of each hex digit (either case); 0x10 for any other byte.
const HEX: [u8; 256] = {
    let mut table = [0x10u8; 256];
    let mut i = 0;
    while i < 10 {
        table[b'0' as usize + i] = i as u8;
        i += 1;
    }
    let mut i = 0;
    while i < 6 {
        table[b'a' as usize + i] = 10 + i as u8;
        table[b'A' as usize + i] = 10 + i as u8;
        i += 1;
    }
    table
};

impl FromStr for Hash256 {
    type Err = Message;

    /// Accepts 64 hex digits, either case.
    fn from_str(s: &str) -> Result<Hash256, Message> {
        let bad = || Message::new(P::NotHash).quoted("value", s);
        if s.len() != 64 || !s.is_ascii() {
            return Err(bad());
        }
        let mut out = [0u8; 32];
        let mut invalid = 0u8;
        for (byte, pair) in out.iter_mut().zip(s.as_bytes().chunks_exact(2)) {
            let (high, low) = (HEX[usize::from(pair[0])], HEX[usize::from(pair[1])]);
            invalid |= (high | low) & 0x10;
            *byte = high << 4 | (low & 0x0f);
        }
        if invalid != 0 {
            return Err(bad());
        }
        Ok(Hash256(out))
    }
}

impl Serialize for Hash256 {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_hex())
    }
}

impl<'de> Deserialize<'de> for Hash256 {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Hash256, D::Error> {
        let text = String::deserialize(deserializer)?;
        // Stored hashes are lowercase; anything else is not what was written.
        if text.bytes().any(|b| b.is_ascii_uppercase()) {
            return Err(serde::de::Error::custom(format!(
                "{text:?} is not a lowercase SHA-256 hash"
            )));
        }
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_digest_of_abc() {
        assert_eq!(
            Hash256::of(b"abc").to_hex(),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(Hash256::of_parts(&[b"a", b"bc"]), Hash256::of(b"abc"));
    }

    #[test]
    fn hex_round_trip_and_refusals() {
        let h = Hash256::of(b"polltally");
        assert_eq!(h.to_hex().parse::<Hash256>().unwrap(), h);
        assert_eq!(h.to_hex().to_uppercase().parse::<Hash256>().unwrap(), h);
        assert!("abc".parse::<Hash256>().is_err());
        assert!("zz".repeat(32).parse::<Hash256>().is_err());
        assert!(
            format!("{}+", &h.to_hex()[..63])
                .parse::<Hash256>()
                .is_err()
        );
        assert!(format!("g{}", &h.to_hex()[1..]).parse::<Hash256>().is_err());
        assert_eq!(h.short(8).len(), 8);
    }

    #[test]
    fn hex_is_grouped_in_fours() {
        let hex = Hash256::of(b"abc").to_hex();
        let parts = groups(&hex);
        assert_eq!(parts.len(), 16);
        assert_eq!(parts[0], "ba78");
        assert_eq!(grouped(&hex), parts.join(" "));
        assert_eq!(grouped("abcdef"), "abcd ef");
    }
}
