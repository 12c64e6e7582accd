//! `SetTable<K>`: the open-addressing hash table behind `set` and `frozenset`, laid out slot for
//! slot like CPython 3.11's, so that iteration order, `repr` and `set.pop()` agree with CPython.
//!
//! The table stores the caller's hash (CPython's `hash()` value, an `i64`) next to each key and
//! never hashes anything itself; key equality is supplied per call as a callback
//! `eq(stored, probe)`. Observable rules mirrored here (all checked against python3 by
//! `tests/set_order.rs`):
//!
//! * the table starts with 8 slots and always has a power-of-two size;
//! * a probe sequence starts at `hash & mask`, looks at a run of up to ten adjacent slots (only
//!   when the run fits before the end of the table, otherwise just the one slot), then jumps with
//!   `perturb >>= 5; i = i*5 + 1 + perturb` where `perturb` starts as the hash reinterpreted as
//!   unsigned and `i` is the start of the previous run;
//! * removal leaves a "dummy" slot; insertion reuses the *last* dummy met on the probe path (as
//!   observed on CPython 3.11, not the first), and
//!   only insertions into a never-used slot count toward `fill`;
//! * after an insertion into a never-used slot, when `fill * 5 >= mask * 3` the table is rebuilt
//!   for `used * 4` (or `used * 2` above 50 000 entries) entries: the new size is the smallest
//!   power of two (at least 8) greater than that number, and the live entries are re-inserted in
//!   old-table order, dropping dummies;
//! * `pop` scans forward (wrapping) from a remembered "finger" that survives rebuilds and `clear`;
//! * bulk operations (`set(other_set)`, `copy`, `|`, `&`, `-`, `^`, `set(dict)`, the in-place
//!   variants) follow CPython's own pre-sizing and copying strategies, which is why e.g.
//!   `set(s)` may order its elements differently from `s`.
//!
//! Nothing here panics: every index is masked and every size computation saturates.

const MIN_SIZE: usize = 8;
/// Number of extra adjacent slots examined before a perturbed jump.
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;
/// Above this many live entries, growth only doubles instead of quadrupling.
const FAST_GROWTH_LIMIT: usize = 50_000;

#[derive(Clone, Debug)]
enum Slot<K> {
    /// Never used since the last rebuild: terminates probe sequences.
    Empty,
    /// Held a key that was removed: probe sequences continue past it.
    Dummy,
    Full {
        hash: i64,
        key: K,
    },
}

/// Where a probe for a key ended up.
enum Probe {
    /// The key is stored at this index.
    Found(usize),
    /// The key is absent; the last dummy on the path (if any) and the empty slot ending it.
    Absent { dummy: Option<usize>, empty: usize },
}

/// A hash set whose slot layout, and so iteration and `pop` order, matches CPython 3.11's `set`.
#[derive(Clone, Debug)]
pub struct SetTable<K> {
    slots: Vec<Slot<K>>,
    /// Live plus dummy slots.
    fill: usize,
    /// Live slots.
    used: usize,
    /// Where the next `pop` starts scanning (taken modulo the table size).
    finger: usize,
}

impl<K> Default for SetTable<K> {
    fn default() -> Self {
        Self::new()
    }
}

fn empty_slots<K>(size: usize) -> Vec<Slot<K>> {
    let mut v = Vec::with_capacity(size);
    v.resize_with(size, || Slot::Empty);
    v
}

/// Index of the start of the next run of the probe sequence.
fn next_run(i: usize, perturb: &mut u64, mask: usize) -> usize {
    *perturb >>= PERTURB_SHIFT;
    let next = (i as u64)
        .wrapping_mul(5)
        .wrapping_add(1)
        .wrapping_add(*perturb);
    (next & mask as u64) as usize
}

/// Last index of the run of adjacent slots starting at `i`.
fn run_end(i: usize, mask: usize) -> usize {
    if i.saturating_add(LINEAR_PROBES) <= mask {
        i + LINEAR_PROBES
    } else {
        i
    }
}

/// The table size CPython picks to hold more than `minused` entries.
fn size_for(minused: usize) -> usize {
    let mut size = MIN_SIZE;
    while size <= minused {
        match size.checked_mul(2) {
            Some(s) => size = s,
            None => break,
        }
    }
    size
}

/// Stores an entry known to be absent into a table without dummies: first empty slot on its path.
fn insert_clean<K>(slots: &mut [Slot<K>], hash: i64, key: K) {
    let mask = slots.len() - 1;
    let mut i = (hash as u64 as usize) & mask;
    let mut perturb = hash as u64;
    loop {
        for j in i..=run_end(i, mask) {
            if let Some(slot @ Slot::Empty) = slots.get_mut(j) {
                *slot = Slot::Full { hash, key };
                return;
            }
        }
        i = next_run(i, &mut perturb, mask);
    }
}

impl<K> SetTable<K> {
    /// An empty set with CPython's initial 8-slot table (`set()`, `BUILD_SET 0`).
    pub fn new() -> Self {
        SetTable {
            slots: empty_slots(MIN_SIZE),
            fill: 0,
            used: 0,
            finger: 0,
        }
    }

    /// Number of live keys.
    pub fn len(&self) -> usize {
        self.used
    }

    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// Current number of slots (a power of two, at least 8); mirrors `sys.getsizeof` growth.
    pub fn table_size(&self) -> usize {
        self.slots.len()
    }

    fn mask(&self) -> usize {
        self.slots.len() - 1
    }

    /// Keys in table (= Python iteration) order.
    pub fn iter(&self) -> impl Iterator<Item = &K> + '_ {
        self.iter_hashed().map(|(_, k)| k)
    }

    /// `(hash, key)` pairs in table order.
    pub fn iter_hashed(&self) -> impl Iterator<Item = (i64, &K)> + '_ {
        self.slots.iter().filter_map(|s| match s {
            Slot::Full { hash, key } => Some((*hash, key)),
            _ => None,
        })
    }

    /// Consumes the set, yielding `(hash, key)` pairs in table order.
    pub fn into_hashed(self) -> impl Iterator<Item = (i64, K)> {
        self.slots.into_iter().filter_map(|s| match s {
            Slot::Full { hash, key } => Some((hash, key)),
            _ => None,
        })
    }

    fn probe(&self, hash: i64, key: &K, eq: &mut impl FnMut(&K, &K) -> bool) -> Probe {
        let mask = self.mask();
        let mut i = (hash as u64 as usize) & mask;
        let mut perturb = hash as u64;
        let mut dummy = None;
        loop {
            for j in i..=run_end(i, mask) {
                match self.slots.get(j) {
                    None | Some(Slot::Empty) => return Probe::Absent { dummy, empty: j },
                    Some(Slot::Dummy) => dummy = Some(j),
                    Some(Slot::Full { hash: h, key: k }) => {
                        if *h == hash && eq(k, key) {
                            return Probe::Found(j);
                        }
                    }
                }
            }
            i = next_run(i, &mut perturb, mask);
        }
    }

    /// Whether a key equal to `key` (with hash `hash`) is present.
    pub fn contains(&self, hash: i64, key: &K, mut eq: impl FnMut(&K, &K) -> bool) -> bool {
        matches!(self.probe(hash, key, &mut eq), Probe::Found(_))
    }

    /// The stored key equal to `key`, if any.
    pub fn get(&self, hash: i64, key: &K, mut eq: impl FnMut(&K, &K) -> bool) -> Option<&K> {
        match self.probe(hash, key, &mut eq) {
            Probe::Found(j) => match self.slots.get(j) {
                Some(Slot::Full { key, .. }) => Some(key),
                _ => None,
            },
            Probe::Absent { .. } => None,
        }
    }

    fn add_entry(&mut self, hash: i64, key: K, eq: &mut impl FnMut(&K, &K) -> bool) -> bool {
        let (dummy, empty) = match self.probe(hash, &key, eq) {
            Probe::Found(_) => return false,
            Probe::Absent { dummy, empty } => (dummy, empty),
        };
        self.used += 1;
        if let Some(d) = dummy {
            if let Some(slot) = self.slots.get_mut(d) {
                *slot = Slot::Full { hash, key };
            }
            return true;
        }
        if let Some(slot) = self.slots.get_mut(empty) {
            *slot = Slot::Full { hash, key };
        }
        self.fill += 1;
        if self.fill.saturating_mul(5) >= self.mask().saturating_mul(3) {
            self.resize(self.growth_target());
        }
        true
    }

    fn growth_target(&self) -> usize {
        if self.used > FAST_GROWTH_LIMIT {
            self.used.saturating_mul(2)
        } else {
            self.used.saturating_mul(4)
        }
    }

    /// `set.add`: inserts `key` unless an equal key is present (which is kept). Returns whether
    /// the key was added. `eq` is called as `eq(stored, new)`.
    pub fn insert(&mut self, hash: i64, key: K, mut eq: impl FnMut(&K, &K) -> bool) -> bool {
        self.add_entry(hash, key, &mut eq)
    }

    /// `set.discard`/`set.remove`: takes out the key equal to `key`, leaving a dummy slot (the
    /// table never shrinks here).
    pub fn remove(&mut self, hash: i64, key: &K, mut eq: impl FnMut(&K, &K) -> bool) -> Option<K> {
        self.discard_entry(hash, key, &mut eq)
    }

    fn discard_entry(
        &mut self,
        hash: i64,
        key: &K,
        eq: &mut impl FnMut(&K, &K) -> bool,
    ) -> Option<K> {
        let Probe::Found(j) = self.probe(hash, key, eq) else {
            return None;
        };
        let slot = self.slots.get_mut(j)?;
        match std::mem::replace(slot, Slot::Dummy) {
            Slot::Full { key, .. } => {
                self.used -= 1;
                Some(key)
            }
            other => {
                *slot = other;
                None
            }
        }
    }

    /// `set.pop`: the first live slot at or after the finger (wrapping), as `(hash, key)`.
    pub fn pop(&mut self) -> Option<(i64, K)> {
        if self.used == 0 {
            return None;
        }
        let mask = self.mask();
        let mut i = self.finger & mask;
        for _ in 0..=mask {
            if let Some(slot @ Slot::Full { .. }) = self.slots.get_mut(i)
                && let Slot::Full { hash, key } = std::mem::replace(slot, Slot::Dummy)
            {
                self.used -= 1;
                self.finger = i + 1;
                return Some((hash, key));
            }
            i = (i + 1) & mask;
        }
        None
    }

    /// `set.clear`: back to an empty 8-slot table (the pop finger is kept, as in CPython).
    pub fn clear(&mut self) {
        self.slots = empty_slots(MIN_SIZE);
        self.fill = 0;
        self.used = 0;
    }

    /// Rebuilds the table with room for more than `minused` entries, dropping dummies.
    fn resize(&mut self, minused: usize) {
        let newsize = size_for(minused);
        if newsize == MIN_SIZE && self.slots.len() == MIN_SIZE && self.fill == self.used {
            return;
        }
        let old = std::mem::replace(&mut self.slots, empty_slots(newsize));
        self.fill = self.used;
        for slot in old {
            if let Slot::Full { hash, key } = slot {
                insert_clean(&mut self.slots, hash, key);
            }
        }
    }

    /// A set built by adding each item in turn: `set(iterable)` / `frozenset(iterable)` for a
    /// non-set, non-dict iterable (list, tuple, range, dict views, generators), set
    /// comprehensions, and displays that are not folded to a constant (see
    /// [`SetTable::from_constant_display`]).
    pub fn from_hashed_iter(
        items: impl IntoIterator<Item = (i64, K)>,
        eq: impl FnMut(&K, &K) -> bool,
    ) -> Self {
        let mut s = Self::new();
        s.extend_hashed(items, eq);
        s
    }

    /// `s.update(iterable)` for a non-set, non-dict iterable: plain insertion of each item.
    pub fn extend_hashed(
        &mut self,
        items: impl IntoIterator<Item = (i64, K)>,
        mut eq: impl FnMut(&K, &K) -> bool,
    ) {
        for (hash, key) in items {
            self.add_entry(hash, key, &mut eq);
        }
    }

    /// `set(d)` for an exact `dict` `d` with `len` keys, given in dict order.
    pub fn from_dict_keys(
        len: usize,
        keys: impl IntoIterator<Item = (i64, K)>,
        eq: impl FnMut(&K, &K) -> bool,
    ) -> Self {
        let mut s = Self::new();
        s.update_from_dict_keys(len, keys, eq);
        s
    }

    /// `s.update(d)` for an exact `dict`: one up-front resize for `len` new keys, then insertion.
    pub fn update_from_dict_keys(
        &mut self,
        len: usize,
        keys: impl IntoIterator<Item = (i64, K)>,
        mut eq: impl FnMut(&K, &K) -> bool,
    ) {
        if self.fill.saturating_add(len).saturating_mul(5) >= self.mask().saturating_mul(3) {
            self.resize(self.used.saturating_add(len).saturating_mul(2));
        }
        for (hash, key) in keys {
            self.add_entry(hash, key, &mut eq);
        }
    }
}

impl<K: Clone> SetTable<K> {
    /// `s.copy()`, `set(other_set)`, `frozenset(other_set)`, `{*other_set}`: a fresh set merged
    /// from `other` (not a slot-for-slot clone: the copy may get a smaller table).
    pub fn copy(&self) -> Self {
        let mut s = Self::new();
        // Merging into an empty table never compares keys.
        s.update_from_set(self, |_, _| false);
        s
    }

    /// `s.update(other_set)` / `s |= other_set` (with `other` not `s` itself; `s |= s` is a no-op).
    pub fn update_from_set(&mut self, other: &SetTable<K>, mut eq: impl FnMut(&K, &K) -> bool) {
        if other.used == 0 {
            return;
        }
        if self.fill.saturating_add(other.used).saturating_mul(5) >= self.mask().saturating_mul(3) {
            self.resize(self.used.saturating_add(other.used).saturating_mul(2));
        }
        if self.fill == 0 && self.slots.len() == other.slots.len() && other.fill == other.used {
            for (mine, theirs) in self.slots.iter_mut().zip(&other.slots) {
                if let Slot::Full { hash, key } = theirs {
                    *mine = Slot::Full {
                        hash: *hash,
                        key: key.clone(),
                    };
                }
            }
            self.fill = other.used;
            self.used = other.used;
            return;
        }
        if self.fill == 0 {
            self.fill = other.used;
            self.used = other.used;
            for (hash, key) in other.iter_hashed() {
                insert_clean(&mut self.slots, hash, key.clone());
            }
            return;
        }
        for (hash, key) in other.iter_hashed() {
            self.add_entry(hash, key.clone(), &mut eq);
        }
    }

    /// A set display of three or more constants (`{10, 1, 5}`): CPython folds it to a frozenset
    /// constant (built from the items in order, then rebuilt from its own iteration order when
    /// constants are merged) and merges that into a fresh set at run time.
    pub fn from_constant_display(
        items: impl IntoIterator<Item = (i64, K)>,
        mut eq: impl FnMut(&K, &K) -> bool,
    ) -> Self {
        let folded = Self::from_hashed_iter(items, &mut eq);
        let merged = Self::from_hashed_iter(folded.into_hashed(), &mut eq);
        let mut s = Self::new();
        s.update_from_set(&merged, &mut eq);
        s
    }

    /// `a | b`: a copy of `a` updated with `b` (`a | a` is just the copy).
    pub fn union(&self, other: &SetTable<K>, eq: impl FnMut(&K, &K) -> bool) -> Self {
        let mut s = self.copy();
        if std::ptr::eq(self, other) {
            return s;
        }
        s.update_from_set(other, eq);
        s
    }

    /// `a & b`: walks the smaller set (`b` on a tie) in table order, keeping keys found in the
    /// other. `a & a` is a copy.
    pub fn intersection(&self, other: &SetTable<K>, mut eq: impl FnMut(&K, &K) -> bool) -> Self {
        if std::ptr::eq(self, other) {
            return self.copy();
        }
        let (big, small) = if other.used > self.used {
            (other, self)
        } else {
            (self, other)
        };
        let mut s = Self::new();
        for (hash, key) in small.iter_hashed() {
            if matches!(big.probe(hash, key, &mut eq), Probe::Found(_)) {
                s.add_entry(hash, key.clone(), &mut eq);
            }
        }
        s
    }

    /// `a.intersection(iterable)` for a non-set iterable: items of `iterable` found in `a`, in
    /// iteration order of `iterable`.
    pub fn intersection_with_iter(
        &self,
        items: impl IntoIterator<Item = (i64, K)>,
        mut eq: impl FnMut(&K, &K) -> bool,
    ) -> Self {
        let mut s = Self::new();
        for (hash, key) in items {
            if matches!(self.probe(hash, &key, &mut eq), Probe::Found(_)) {
                s.add_entry(hash, key, &mut eq);
            }
        }
        s
    }

    /// `a &= b` with `b` a different set (see [`SetTable::intersection_update_self`]): `a` takes
    /// the layout of `a & b` (its pop finger is kept).
    pub fn intersection_update(&mut self, other: &SetTable<K>, eq: impl FnMut(&K, &K) -> bool) {
        let s = self.intersection(other, eq);
        self.slots = s.slots;
        self.fill = s.fill;
        self.used = s.used;
    }

    /// `a &= a`: `a` takes the layout of its own copy (its pop finger is kept).
    pub fn intersection_update_self(&mut self) {
        let s = self.copy();
        self.slots = s.slots;
        self.fill = s.fill;
        self.used = s.used;
    }

    /// `a - b`.
    pub fn difference(&self, other: &SetTable<K>, mut eq: impl FnMut(&K, &K) -> bool) -> Self {
        if (self.used >> 2) > other.used {
            let mut s = self.copy();
            s.difference_update(other, eq);
            return s;
        }
        let mut s = Self::new();
        for (hash, key) in self.iter_hashed() {
            if !matches!(other.probe(hash, key, &mut eq), Probe::Found(_)) {
                s.add_entry(hash, key.clone(), &mut eq);
            }
        }
        s
    }

    /// `a -= b` with `b` a different set (`a -= a` is [`SetTable::clear`]): removes the common
    /// keys, then rebuilds if more than a quarter of the slots are dummies.
    pub fn difference_update(&mut self, other: &SetTable<K>, mut eq: impl FnMut(&K, &K) -> bool) {
        for (hash, key) in other.iter_hashed() {
            if self.used == 0 {
                break;
            }
            self.discard_entry(hash, key, &mut eq);
        }
        self.purge_dummies();
    }

    /// `a.difference_update(iterable)` for a non-set iterable.
    pub fn difference_update_iter(
        &mut self,
        items: impl IntoIterator<Item = (i64, K)>,
        mut eq: impl FnMut(&K, &K) -> bool,
    ) {
        for (hash, key) in items {
            self.discard_entry(hash, &key, &mut eq);
        }
        self.purge_dummies();
    }

    fn purge_dummies(&mut self) {
        if self.fill.saturating_sub(self.used) > self.mask() / 4 {
            self.resize(self.growth_target());
        }
    }

    /// `a ^ b`: a copy of `b`, symmetric-difference-updated with `a`.
    pub fn symmetric_difference(
        &self,
        other: &SetTable<K>,
        eq: impl FnMut(&K, &K) -> bool,
    ) -> Self {
        let mut s = other.copy();
        s.symmetric_difference_update(self, eq);
        s
    }

    /// `a ^= b` with `b` a different set (`a ^= a` is [`SetTable::clear`]); for another iterable,
    /// build it with [`SetTable::from_hashed_iter`] first, as CPython does. Walks `b` in table
    /// order, removing keys present in `a` and adding the others.
    pub fn symmetric_difference_update(
        &mut self,
        other: &SetTable<K>,
        mut eq: impl FnMut(&K, &K) -> bool,
    ) {
        for (hash, key) in other.iter_hashed() {
            if self.discard_entry(hash, key, &mut eq).is_none() {
                self.add_entry(hash, key.clone(), &mut eq);
            }
        }
    }

    /// `a ^= d` / `a.symmetric_difference_update(d)` for an exact `dict` `d`: its keys (distinct,
    /// in dict order) are each removed from `a` if present, else added. For other non-set
    /// iterables CPython first builds a set: use [`SetTable::from_hashed_iter`] and
    /// [`SetTable::symmetric_difference_update`].
    pub fn symmetric_difference_update_dict_keys(
        &mut self,
        keys: impl IntoIterator<Item = (i64, K)>,
        mut eq: impl FnMut(&K, &K) -> bool,
    ) {
        for (hash, key) in keys {
            if self.discard_entry(hash, &key, &mut eq).is_none() {
                self.add_entry(hash, key, &mut eq);
            }
        }
    }
}
