//! Short codes: the first 80 bits of a results hash in Crockford base32,
//! printed on every form beside the hash so that a person can type the
//! code back to check a posted form against a results file.

use crate::domain::hash::Hash256;
use crate::domain::message::{Message, P};

/// The Crockford base32 alphabet: no I, L, O or U.
const CROCKFORD: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// Characters of the short code: 16 characters of 5 bits = 80 bits.
pub const SHORT_CODE_CHARS: usize = 16;

/// The short code of a results hash: its first 80 bits in Crockford base32,
/// in four groups (`7G2K-...`). Matching it by changing figures by hand
/// would take about 2^79 tries.
pub fn short_code(hash: &Hash256) -> String {
    code_of(hash, SHORT_CODE_CHARS)
}

/// Characters of a checkpoint code: 12 characters of 5 bits = 60 bits.
pub const CHECKPOINT_CODE_CHARS: usize = 12;

/// The checkpoint code of a journal entry's hash: its first 60 bits in
/// Crockford base32, in three groups (`7G2K-9XQM-T4H0`), short enough to
/// copy by hand at a table. A journal rewritten before the entry (other
/// rulings) whose entry there still gave this code would take about 2^60
/// tries of SHA-256: years of a graphics card's work, against the days
/// between the count and the commune's tabulation; and every code an
/// agent noted must match at once.
pub fn checkpoint_code(hash: &Hash256) -> String {
    code_of(hash, CHECKPOINT_CODE_CHARS)
}

/// The first `chars` × 5 bits of `hash` (at most 80) in Crockford base32,
/// in groups of four.
fn code_of(hash: &Hash256, chars: usize) -> String {
    let bytes = hash.as_bytes();
    let mut bits: u128 = 0;
    for b in &bytes[..10] {
        bits = (bits << 8) | u128::from(*b);
    }
    let chars: Vec<char> = (0..chars.min(SHORT_CODE_CHARS))
        .map(|i| {
            let shift = 80 - 5 * (i + 1);
            char::from(CROCKFORD[((bits >> shift) & 31) as usize])
        })
        .collect();
    chars
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

/// A short code as typed: case, spaces and dashes do not matter, and the
/// letters Crockford reads as digits (O as 0, I and L as 1) are accepted.
pub fn normalize_short_code(typed: &str) -> Result<String, Message> {
    normalize(typed, SHORT_CODE_CHARS)
}

/// A checkpoint code as written down and typed back: as forgiving as
/// [`normalize_short_code`], of [`CHECKPOINT_CODE_CHARS`] characters.
pub fn normalize_checkpoint_code(typed: &str) -> Result<String, Message> {
    normalize(typed, CHECKPOINT_CODE_CHARS)
}

fn normalize(typed: &str, chars: usize) -> Result<String, Message> {
    let mut out = String::new();
    for c in typed.chars() {
        let c = c.to_ascii_uppercase();
        let c = match c {
            '-' | ' ' => continue,
            'O' => '0',
            'I' | 'L' => '1',
            other => other,
        };
        if !CROCKFORD.contains(&(c as u8)) || !c.is_ascii() {
            return Err(Message::new(P::CodeCharacter)
                .quoted("value", typed)
                .text("c", format!("{c:?}"))
                .at("code"));
        }
        out.push(c);
    }
    if out.len() != chars {
        return Err(Message::new(P::CodeLength)
            .quoted("value", typed)
            .num("n", out.len() as u64)
            .num("expected", chars as u64)
            .at("code"));
    }
    Ok(out
        .as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join("-"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_codes_take_eighty_bits_in_crockford_base32() {
        let h: Hash256 = "ffffffffffffffffffff00000000000000000000000000000000000000000000"
            .parse()
            .unwrap();
        assert_eq!(short_code(&h), "ZZZZ-ZZZZ-ZZZZ-ZZZZ");
        let h: Hash256 = "0000000000000000000fffffffffffffffffffffffffffffffffffffffffffff"
            .parse()
            .unwrap();
        assert_eq!(short_code(&h), "0000-0000-0000-000F");
        let h = Hash256::of(b"polltally");
        let code = short_code(&h);
        assert_eq!(code.len(), 19);
        assert_eq!(
            normalize_short_code(&code.to_lowercase().replace('-', " ")).unwrap(),
            code
        );
    }

    #[test]
    fn checkpoint_codes_take_sixty_bits_of_the_same_code() {
        let h = Hash256::of(b"entry");
        let code = checkpoint_code(&h);
        assert_eq!(code.len(), 14);
        assert!(short_code(&h).starts_with(&code));
        assert_eq!(
            normalize_checkpoint_code(&code.to_lowercase().replace('-', "")).unwrap(),
            code
        );
        assert!(normalize_checkpoint_code(&short_code(&h)).is_err());
    }

    #[test]
    fn typed_codes_forgive_lookalikes_and_refuse_junk() {
        assert_eq!(
            normalize_short_code("oooo-iiii-llll-0000").unwrap(),
            "0000-1111-1111-0000"
        );
        assert!(
            normalize_short_code("UUUU-0000-0000-0000")
                .unwrap_err()
                .to_string()
                .contains("'U'")
        );
        assert!(
            normalize_short_code("0000-0000")
                .unwrap_err()
                .to_string()
                .contains("has 8 characters")
        );
    }
}
