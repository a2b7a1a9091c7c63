//! Reading a record's write-ahead log (`-wal`) as SQLite would, to tell a
//! log damaged in the middle from one merely cut short. SQLite applies the
//! log's frames up to the first one whose checksum fails and silently drops
//! the rest: right for a write cut short by a crash (a transaction never
//! acknowledged), wrong for a changed byte in the middle, which would drop
//! acknowledged entries after it. A frame that fails while the one after it
//! is whole (its checksum right when started from the failing frame's
//! stored one) is damage, when the whole frames after it hold pages the
//! record's file does not (polltally brings its log into the file after
//! every commit, so there its frames are in the file already and nothing is
//! lost); polltally reports it and never opens such a record for writing,
//! so the log is never reset and nothing more is lost.
//!
//! Format: <https://www.sqlite.org/fileformat2.html#walformat>.

/// A log damaged in the middle: the first frame whose checksum fails, and
/// the whole frames after it that SQLite would drop, of which `commits` end
/// a transaction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WalDamage {
    pub frame: u64,
    pub dropped: u64,
    pub commits: u64,
}

const HEADER: usize = 32;
const FRAME_HEADER: usize = 24;

/// SQLite's checksum of `data` (a multiple of 8 bytes) continued from
/// `seed`, in the byte order the log's magic number says.
fn checksum(seed: (u32, u32), data: &[u8], big_endian: bool) -> (u32, u32) {
    let (mut s0, mut s1) = seed;
    for pair in data.chunks_exact(8) {
        let word = |b: &[u8]| {
            let b = [b[0], b[1], b[2], b[3]];
            if big_endian {
                u32::from_be_bytes(b)
            } else {
                u32::from_le_bytes(b)
            }
        };
        s0 = s0.wrapping_add(word(&pair[..4])).wrapping_add(s1);
        s1 = s1.wrapping_add(word(&pair[4..])).wrapping_add(s0);
    }
    (s0, s1)
}

fn be32(bytes: &[u8], at: usize) -> u32 {
    bytes
        .get(at..at + 4)
        .map_or(0, |b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
}

/// Reads a log; `None` when it is whole, empty, cut short, not a log SQLite
/// would read at all (it then applies none of it), or when what SQLite would
/// drop is already in the record's file: `page(n, size)` reads page `n` of
/// it (none past its end).
pub fn damage(bytes: &[u8], page: impl Fn(u32, usize) -> Option<Vec<u8>>) -> Option<WalDamage> {
    if bytes.len() < HEADER {
        return None;
    }
    let magic = be32(bytes, 0);
    let big_endian = match magic {
        0x377f_0682 => false,
        0x377f_0683 => true,
        _ => return None,
    };
    let page_size = usize::try_from(be32(bytes, 8)).ok()?;
    if !(512..=65536).contains(&page_size) || !page_size.is_power_of_two() {
        return None;
    }
    let salts = (be32(bytes, 16), be32(bytes, 20));
    let stored = |at: usize| (be32(bytes, at), be32(bytes, at + 4));
    if checksum((0, 0), &bytes[..24], big_endian) != stored(24) {
        return None;
    }
    let frame_len = FRAME_HEADER + page_size;
    let frames: Vec<&[u8]> = bytes[HEADER..].chunks_exact(frame_len).collect();
    // The checksum of a frame: its first 8 bytes and its page, from `seed`.
    let sum = |frame: &[u8], seed| {
        let head = checksum(seed, &frame[..8], big_endian);
        checksum(head, &frame[FRAME_HEADER..], big_endian)
    };
    let ours = |frame: &[u8]| (be32(frame, 8), be32(frame, 12)) == salts;
    let stored_of = |frame: &[u8]| (be32(frame, 16), be32(frame, 20));
    let mut seed = stored(24);
    for (i, frame) in frames.iter().enumerate() {
        if !ours(frame) {
            // Frames of an earlier round of the log: its end.
            return None;
        }
        if sum(frame, seed) == stored_of(frame) {
            seed = stored_of(frame);
            continue;
        }
        // The first failing frame: damage if a whole frame of this round
        // follows it (a crash cuts a log short; it does not mend it).
        let mut seed = stored_of(frame);
        let mut dropped = 0;
        let mut commits = 0;
        // The last whole version of each page SQLite would drop.
        let mut last: std::collections::BTreeMap<u32, &[u8]> = std::collections::BTreeMap::new();
        for next in &frames[i + 1..] {
            if !ours(next) || sum(next, seed) != stored_of(next) {
                break;
            }
            seed = stored_of(next);
            dropped += 1;
            if be32(next, 4) != 0 {
                commits += 1;
            }
            last.insert(be32(next, 0), &next[FRAME_HEADER..]);
        }
        let missing = last
            .iter()
            .any(|(n, data)| page(*n, page_size).as_deref() != Some(*data));
        return (dropped > 0 && missing).then_some(WalDamage {
            frame: i as u64 + 1,
            dropped,
            commits,
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A log of `n` frames of 512-byte pages, each a commit, checksummed as
    /// SQLite writes them (little-endian magic).
    fn log(n: u32) -> Vec<u8> {
        let page = 512usize;
        let mut out = vec![0u8; HEADER];
        out[..4].copy_from_slice(&0x377f_0682u32.to_be_bytes());
        out[4..8].copy_from_slice(&3_007_000u32.to_be_bytes());
        out[8..12].copy_from_slice(&(page as u32).to_be_bytes());
        out[16..20].copy_from_slice(&7u32.to_be_bytes());
        out[20..24].copy_from_slice(&9u32.to_be_bytes());
        let mut seed = checksum((0, 0), &out[..24], false);
        out[24..28].copy_from_slice(&seed.0.to_be_bytes());
        out[28..32].copy_from_slice(&seed.1.to_be_bytes());
        for k in 0..n {
            let mut frame = vec![0u8; FRAME_HEADER + page];
            frame[..4].copy_from_slice(&(k + 2).to_be_bytes());
            frame[4..8].copy_from_slice(&(k + 2).to_be_bytes());
            frame[8..12].copy_from_slice(&7u32.to_be_bytes());
            frame[12..16].copy_from_slice(&9u32.to_be_bytes());
            for (j, b) in frame[FRAME_HEADER..].iter_mut().enumerate() {
                *b = (j as u32 * 31 + k) as u8;
            }
            let head = checksum(seed, &frame[..8], false);
            seed = checksum(head, &frame[FRAME_HEADER..], false);
            frame[16..20].copy_from_slice(&seed.0.to_be_bytes());
            frame[20..24].copy_from_slice(&seed.1.to_be_bytes());
            out.extend(frame);
        }
        out
    }

    #[test]
    fn a_whole_log_and_one_cut_short_are_not_damage() {
        let whole = log(5);
        assert_eq!(damage(&whole, nothing), None);
        // Cut inside the last frame, or its last frame torn.
        assert_eq!(damage(&whole[..whole.len() - 100], nothing), None);
        let mut torn = whole.clone();
        let last = torn.len() - 10;
        torn[last] ^= 1;
        assert_eq!(damage(&torn, nothing), None);
        assert_eq!(damage(&[], nothing), None);
    }

    #[test]
    fn a_changed_byte_in_the_middle_is_damage_with_what_it_drops() {
        let mut changed = log(5);
        // A byte of frame 2's page.
        changed[HEADER + (FRAME_HEADER + 512) + FRAME_HEADER + 40] ^= 0x40;
        assert_eq!(
            damage(&changed, nothing),
            Some(WalDamage {
                frame: 2,
                dropped: 3,
                commits: 3
            })
        );
        // Not damage when the file holds those pages already: the log was
        // brought into it before the byte changed.
        let pages = log(5);
        let in_file = |n: u32, size: usize| {
            let k = n as usize - 2;
            let at = HEADER + k * (FRAME_HEADER + size) + FRAME_HEADER;
            Some(pages[at..at + size].to_vec())
        };
        assert_eq!(damage(&changed, in_file), None);
    }

    /// A record's file that holds none of the log's pages.
    fn nothing(_: u32, _: usize) -> Option<Vec<u8>> {
        None
    }
}
