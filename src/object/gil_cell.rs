//! `GilCell`: the cell that holds every piece of mutable Python state (list items, dict
//! entries, attributes, globals), readable and writable only by the thread holding the GIL.
//!
//! The GIL is what makes sharing these cells between OS threads sound, exactly as in CPython:
//! only one thread runs Python code at a time, so a plain (non-atomic) borrow flag suffices.
//! The flag still matters within one thread: a `__lt__` that mutates the list being sorted, or
//! an `__eq__` that empties the dict being searched, finds the cell borrowed and gets a Python
//! error instead of undefined behaviour.

use std::cell::{Cell, UnsafeCell};
use std::marker::PhantomData;
use std::ops::{Deref, DerefMut};

/// Proof that the current thread holds the GIL. Only the GIL (and the interpreter's start-up,
/// before any second thread exists) makes one; it is not `Send`, so it cannot leave the thread
/// that took the lock.
#[derive(Debug)]
pub struct Gil {
    _not_send: PhantomData<*const ()>,
}

impl Gil {
    /// # Safety
    /// The caller must hold the GIL for as long as the token lives (or be the only thread
    /// touching Python objects).
    pub unsafe fn assume_held() -> Gil {
        Gil {
            _not_send: PhantomData,
        }
    }
}

const UNUSED: isize = 0;
const WRITING: isize = -1;

/// Mutable state shared between threads under the GIL.
pub struct GilCell<T> {
    flag: Cell<isize>,
    value: UnsafeCell<T>,
}

// SAFETY: every access goes through `borrow`/`borrow_mut`, which take a `&Gil`: only the thread
// holding the GIL touches the flag or the value, so the accesses are serialised.
unsafe impl<T: Send> Sync for GilCell<T> {}
unsafe impl<T: Send> Send for GilCell<T> {}

/// The cell was already borrowed in a conflicting way (re-entrant mutation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BorrowError;

impl<T> GilCell<T> {
    pub const fn new(value: T) -> GilCell<T> {
        GilCell {
            flag: Cell::new(UNUSED),
            value: UnsafeCell::new(value),
        }
    }

    /// Shared access; fails while the value is being mutated.
    pub fn try_borrow<'a>(&'a self, _gil: &Gil) -> Result<Ref<'a, T>, BorrowError> {
        let flag = self.flag.get();
        if flag == WRITING {
            return Err(BorrowError);
        }
        self.flag.set(flag + 1);
        Ok(Ref { cell: self })
    }

    /// Exclusive access; fails while anyone else reads or writes the value.
    pub fn try_borrow_mut<'a>(&'a self, _gil: &Gil) -> Result<RefMut<'a, T>, BorrowError> {
        if self.flag.get() != UNUSED {
            return Err(BorrowError);
        }
        self.flag.set(WRITING);
        Ok(RefMut { cell: self })
    }

    /// Shared access where the code cannot re-enter Python while it holds the borrow. A
    /// conflict here is an interpreter bug, reported as such.
    pub fn borrow<'a>(&'a self, gil: &Gil) -> Ref<'a, T> {
        match self.try_borrow(gil) {
            Ok(r) => r,
            Err(_) => conflict(),
        }
    }

    /// Exclusive access where the code cannot re-enter Python while it holds the borrow.
    pub fn borrow_mut<'a>(&'a self, gil: &Gil) -> RefMut<'a, T> {
        match self.try_borrow_mut(gil) {
            Ok(r) => r,
            Err(_) => conflict(),
        }
    }

    /// Replaces the value, returning the old one.
    pub fn replace(&self, gil: &Gil, value: T) -> T {
        std::mem::replace(&mut *self.borrow_mut(gil), value)
    }

    /// Direct access when the caller owns the cell exclusively.
    pub fn get_mut(&mut self) -> &mut T {
        self.value.get_mut()
    }

    pub fn into_inner(self) -> T {
        self.value.into_inner()
    }
}

impl<T: Clone> GilCell<T> {
    /// A copy of the value (cheap for `Value`s: a reference-count increment).
    pub fn get(&self, gil: &Gil) -> T {
        self.borrow(gil).clone()
    }
}

#[cold]
fn conflict() -> ! {
    panic!("interpreter bug: a GilCell was borrowed re-entrantly")
}

impl<T: Default> Default for GilCell<T> {
    fn default() -> Self {
        GilCell::new(T::default())
    }
}

impl<T> std::fmt::Debug for GilCell<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("GilCell(..)")
    }
}

pub struct Ref<'a, T> {
    cell: &'a GilCell<T>,
}

impl<T> Deref for Ref<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        // SAFETY: the flag counts this reader, so no writer exists.
        unsafe { &*self.cell.value.get() }
    }
}

impl<T> Drop for Ref<'_, T> {
    fn drop(&mut self) {
        self.cell.flag.set(self.cell.flag.get() - 1);
    }
}

pub struct RefMut<'a, T> {
    cell: &'a GilCell<T>,
}

impl<T> Deref for RefMut<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        // SAFETY: the flag marks this as the only access.
        unsafe { &*self.cell.value.get() }
    }
}

impl<T> DerefMut for RefMut<'_, T> {
    fn deref_mut(&mut self) -> &mut T {
        // SAFETY: the flag marks this as the only access.
        unsafe { &mut *self.cell.value.get() }
    }
}

impl<T> Drop for RefMut<'_, T> {
    fn drop(&mut self) {
        self.cell.flag.set(UNUSED);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readers_share_writers_exclude() {
        let gil = unsafe { Gil::assume_held() };
        let cell = GilCell::new(vec![1, 2]);
        let a = cell.borrow(&gil);
        let b = cell.borrow(&gil);
        assert_eq!(a.len() + b.len(), 4);
        assert!(cell.try_borrow_mut(&gil).is_err());
        drop((a, b));
        cell.borrow_mut(&gil).push(3);
        let w = cell.borrow_mut(&gil);
        assert!(cell.try_borrow(&gil).is_err());
        drop(w);
        assert_eq!(cell.get(&gil), vec![1, 2, 3]);
    }
}
