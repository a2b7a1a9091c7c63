//! Journal sequence numbers: the identity of every recorded event, and the
//! number a void or a recount review refers to.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The position of an entry in the journal; the first entry is seq 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Seq(pub u64);

impl Seq {
    pub const FIRST: Seq = Seq(1);

    pub fn next(self) -> Seq {
        Seq(self.0 + 1)
    }
}

impl fmt::Display for Seq {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}
