//! The hash table behind `dict` (and class, module and instance namespaces): entries in
//! insertion order plus an open-addressing index, the layout CPython has used since 3.6.
//!
//! Key equality may run Python code (`__eq__`), so the table never compares keys itself: the
//! caller passes an `eq` function. Identity is checked first, as CPython does, so a key is
//! always found again even if its `__eq__` is odd. `version` changes on every structural
//! change, which lets callers notice that an `__eq__` they ran mutated the dict.

use super::value::Value;
use crate::vm::exceptions::PyResult;

const EMPTY: u32 = u32::MAX;
const DUMMY: u32 = u32::MAX - 1;
const MIN_INDEX: usize = 8;

#[derive(Clone, Debug)]
pub struct Entry {
    pub hash: i64,
    pub key: Value,
    pub value: Value,
}

/// Where a key is, or where it would go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Probe {
    /// The entry index of the key.
    Found(usize),
    /// The index slot a new entry for the key should take.
    Vacant(usize),
}

#[derive(Clone, Debug, Default)]
pub struct Dict {
    /// Entries in insertion order; `None` marks a deleted one.
    entries: Vec<Option<Entry>>,
    /// Open-addressing table of entry indices (empty until the first insert).
    indices: Vec<u32>,
    used: usize,
    /// Index slots that are not `EMPTY` (live plus `DUMMY`).
    filled: usize,
    pub version: u64,
}

/// The equality test a lookup uses for keys with equal hashes that are not identical.
pub type KeyEq<'a> = &'a mut dyn FnMut(&Value, &Value) -> PyResult<bool>;

impl Dict {
    pub fn new() -> Dict {
        Dict::default()
    }

    pub fn with_capacity(n: usize) -> Dict {
        let mut d = Dict::new();
        d.entries.reserve(n);
        d
    }

    pub fn len(&self) -> usize {
        self.used
    }

    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// Finds `key`, comparing with `eq` only entries of equal hash that are not `key` itself.
    pub fn probe(&self, hash: i64, key: &Value, eq: KeyEq) -> PyResult<Probe> {
        if self.indices.is_empty() {
            return Ok(Probe::Vacant(usize::MAX));
        }
        let mask = self.indices.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        let mut first_dummy = None;
        loop {
            match self.indices[i] {
                EMPTY => return Ok(Probe::Vacant(first_dummy.unwrap_or(i))),
                DUMMY => {
                    first_dummy.get_or_insert(i);
                }
                ix => {
                    if let Some(e) = &self.entries[ix as usize]
                        && e.hash == hash
                        && (e.key.is(key) || eq(&e.key, key)?)
                    {
                        return Ok(Probe::Found(ix as usize));
                    }
                }
            }
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    /// Looks a key up when its equality needs no Python code (str keys, ints, identity).
    pub fn get_with(&self, hash: i64, key: &Value, eq: KeyEq) -> PyResult<Option<&Value>> {
        Ok(match self.probe(hash, key, eq)? {
            Probe::Found(ix) => self.entries[ix].as_ref().map(|e| &e.value),
            Probe::Vacant(_) => None,
        })
    }

    pub fn entry(&self, ix: usize) -> Option<&Entry> {
        self.entries.get(ix).and_then(|e| e.as_ref())
    }

    pub fn value_at_mut(&mut self, ix: usize) -> Option<&mut Value> {
        self.entries
            .get_mut(ix)
            .and_then(|e| e.as_mut())
            .map(|e| &mut e.value)
    }

    /// Inserts or replaces; `eq` as for [`Dict::probe`]. Returns the old value.
    pub fn insert_with(
        &mut self,
        hash: i64,
        key: Value,
        value: Value,
        eq: KeyEq,
    ) -> PyResult<Option<Value>> {
        match self.probe(hash, &key, eq)? {
            Probe::Found(ix) => {
                let slot = self.value_at_mut(ix);
                Ok(slot.map(|v| std::mem::replace(v, value)))
            }
            Probe::Vacant(slot) => {
                self.insert_vacant(slot, hash, key, value);
                Ok(None)
            }
        }
    }

    /// Appends a new entry into the vacant index slot a probe just returned.
    pub fn insert_vacant(&mut self, slot: usize, hash: i64, key: Value, value: Value) {
        self.version = self.version.wrapping_add(1);
        if self.indices.is_empty() || (self.filled + 1) * 3 > self.indices.len() * 2 {
            self.entries.push(Some(Entry { hash, key, value }));
            self.used += 1;
            self.rebuild();
            return;
        }
        if self.indices[slot] == EMPTY {
            self.filled += 1;
        }
        self.indices[slot] = self.entries.len() as u32;
        self.entries.push(Some(Entry { hash, key, value }));
        self.used += 1;
    }

    /// Removes the entry at `ix` (found by a probe), returning it.
    pub fn remove_at(&mut self, ix: usize) -> Option<Entry> {
        let entry = self.entries.get_mut(ix)?.take()?;
        self.version = self.version.wrapping_add(1);
        let mask = self.indices.len() - 1;
        let mut perturb = entry.hash as u64;
        let mut i = (entry.hash as u64 as usize) & mask;
        while self.indices[i] != ix as u32 {
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
        self.indices[i] = DUMMY;
        self.used -= 1;
        if self.used == 0 {
            self.clear();
        }
        Some(entry)
    }

    pub fn remove_with(&mut self, hash: i64, key: &Value, eq: KeyEq) -> PyResult<Option<Entry>> {
        Ok(match self.probe(hash, key, eq)? {
            Probe::Found(ix) => self.remove_at(ix),
            Probe::Vacant(_) => None,
        })
    }

    pub fn clear(&mut self) {
        self.entries.clear();
        self.indices.clear();
        self.used = 0;
        self.filled = 0;
        self.version = self.version.wrapping_add(1);
    }

    /// Compacts the entries (dropping deleted ones) and rebuilds the index at a size with
    /// room to grow.
    fn rebuild(&mut self) {
        if self.used != self.entries.len() {
            self.entries.retain(|e| e.is_some());
        }
        let mut size = MIN_INDEX;
        while size * 2 < self.used * 3 + 2 {
            size *= 2;
        }
        size *= 2;
        self.indices.clear();
        self.indices.resize(size, EMPTY);
        let mask = size - 1;
        for (ix, e) in self.entries.iter().enumerate() {
            let Some(e) = e else { continue };
            let mut perturb = e.hash as u64;
            let mut i = (e.hash as u64 as usize) & mask;
            while self.indices[i] != EMPTY {
                perturb >>= 5;
                i = (i
                    .wrapping_mul(5)
                    .wrapping_add(1)
                    .wrapping_add(perturb as usize))
                    & mask;
            }
            self.indices[i] = ix as u32;
        }
        self.filled = self.used;
    }

    /// Live entries in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = &Entry> + '_ {
        self.entries.iter().flatten()
    }

    /// The `n`-th slot of the entry list (for iterators that survive mutation: they keep a
    /// position, not a borrow). `None` past the end; `Some(None)` for a deleted entry.
    pub fn slot(&self, n: usize) -> Option<Option<&Entry>> {
        self.entries.get(n).map(|e| e.as_ref())
    }

    /// The number of entry slots (live and deleted).
    pub fn slots(&self) -> usize {
        self.entries.len()
    }

    /// Removes and returns the last entry (`popitem`).
    pub fn pop_last(&mut self) -> Option<Entry> {
        let ix = self.entries.iter().rposition(|e| e.is_some())?;
        self.remove_at(ix)
    }

    pub fn keys(&self) -> Vec<Value> {
        self.iter().map(|e| e.key.clone()).collect()
    }

    pub fn values(&self) -> Vec<Value> {
        self.iter().map(|e| e.value.clone()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int_eq(a: &Value, b: &Value) -> PyResult<bool> {
        Ok(matches!((a, b), (Value::Int(x), Value::Int(y)) if x == y))
    }

    #[test]
    fn insertion_order_survives_deletes_and_growth() {
        let mut d = Dict::new();
        for i in 0..100 {
            d.insert_with(i % 7, Value::Int(i), Value::Int(i * 2), &mut int_eq)
                .unwrap();
        }
        for i in (0..100).step_by(3) {
            assert!(
                d.remove_with(i % 7, &Value::Int(i), &mut int_eq)
                    .unwrap()
                    .is_some()
            );
        }
        d.insert_with(0, Value::Int(0), Value::Int(-1), &mut int_eq)
            .unwrap();
        let keys: Vec<i64> = d
            .iter()
            .map(|e| match e.key {
                Value::Int(i) => i,
                _ => -1,
            })
            .collect();
        let mut expected: Vec<i64> = (0..100).filter(|i| i % 3 != 0).collect();
        expected.push(0);
        assert_eq!(keys, expected);
        for &k in &expected {
            assert!(
                d.get_with(k % 7, &Value::Int(k), &mut int_eq)
                    .unwrap()
                    .is_some()
            );
        }
    }
}
