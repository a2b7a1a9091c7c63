//! A map keyed by a count's own small numbers (seqs, ballot numbers), kept
//! in a vector indexed by the number: a count adds its entries in order, so
//! adding, finding and taking back are O(1) (amortised), where an ordered
//! tree would search from its root every time. Iterates in key order, like
//! the `BTreeMap` it stands in for.

use crate::domain::ballot::BallotNumber;
use crate::domain::seq::Seq;

/// A number that is its own index: the seqs and ballot numbers of one
/// count, which start at 1 and never skip far (a record's seqs follow one
/// another; its ballot numbers are given one after another).
pub trait DenseKey: Copy + Ord {
    fn index(self) -> usize;
}

impl DenseKey for Seq {
    fn index(self) -> usize {
        usize::try_from(self.0).unwrap_or(usize::MAX)
    }
}

impl DenseKey for BallotNumber {
    fn index(self) -> usize {
        usize::try_from(self.0).unwrap_or(usize::MAX)
    }
}

/// See the module documentation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DenseMap<K, V> {
    /// Slot `i` holds the entry of key `i`; never ends with an empty slot.
    slots: Vec<Option<(K, V)>>,
    len: usize,
}

impl<K, V> Default for DenseMap<K, V> {
    fn default() -> Self {
        DenseMap {
            slots: Vec::new(),
            len: 0,
        }
    }
}

impl<K: DenseKey, V> DenseMap<K, V> {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn get(&self, key: &K) -> Option<&V> {
        match self.slots.get(key.index()) {
            Some(Some((_, v))) => Some(v),
            _ => None,
        }
    }

    pub fn get_mut(&mut self, key: &K) -> Option<&mut V> {
        match self.slots.get_mut(key.index()) {
            Some(Some((_, v))) => Some(v),
            _ => None,
        }
    }

    pub fn contains_key(&self, key: &K) -> bool {
        self.get(key).is_some()
    }

    /// Sets the value of `key`; returns the one it replaces.
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        let i = key.index();
        if i >= self.slots.len() {
            self.slots.resize_with(i + 1, || None);
        }
        let old = self.slots[i].replace((key, value)).map(|(_, v)| v);
        if old.is_none() {
            self.len += 1;
        }
        old
    }

    /// Takes `key` out; returns its value.
    pub fn remove(&mut self, key: &K) -> Option<V> {
        let (_, value) = self.slots.get_mut(key.index())?.take()?;
        self.len -= 1;
        while matches!(self.slots.last(), Some(None)) {
            self.slots.pop();
        }
        Some(value)
    }

    /// The entry with the highest key.
    pub fn last_key_value(&self) -> Option<(&K, &V)> {
        self.slots.last()?.as_ref().map(|(k, v)| (k, v))
    }

    /// The entries in key order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (&K, &V)> {
        self.slots.iter().flatten().map(|(k, v)| (k, v))
    }

    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &K> {
        self.iter().map(|(k, _)| k)
    }

    pub fn values(&self) -> impl DoubleEndedIterator<Item = &V> {
        self.iter().map(|(_, v)| v)
    }
}

impl<K: DenseKey, V> std::ops::Index<&K> for DenseMap<K, V> {
    type Output = V;

    /// Panics when `key` is absent, as a `BTreeMap` does.
    fn index(&self, key: &K) -> &V {
        match self.get(key) {
            Some(v) => v,
            None => panic!("no entry for this key"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn behaves_as_an_ordered_map_under_any_mix_of_steps() {
        let mut dense: DenseMap<Seq, u64> = DenseMap::new();
        let mut tree: BTreeMap<Seq, u64> = BTreeMap::new();
        let mut state = 7u64;
        for step in 0..5_000u64 {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let key = Seq((state >> 33) % 300);
            if (state >> 20).is_multiple_of(3) {
                assert_eq!(dense.remove(&key), tree.remove(&key));
            } else {
                assert_eq!(dense.insert(key, step), tree.insert(key, step));
            }
            assert_eq!(dense.len(), tree.len());
            assert_eq!(dense.get(&key), tree.get(&key));
            assert_eq!(dense.last_key_value(), tree.last_key_value());
            if step % 97 == 0 {
                assert!(dense.iter().eq(tree.iter()));
                assert!(dense.iter().rev().eq(tree.iter().rev()));
            }
        }
        for key in tree.keys().copied().collect::<Vec<_>>() {
            dense.remove(&key);
        }
        assert!(dense.is_empty());
        assert_eq!(dense.slots.len(), 0);
    }
}
