//! The stable sort behind `list.sort` and `sorted`: a merge sort that only asks "is a < b?"
//! (through `__lt__`, which may raise or be inconsistent — the sort still ends and never
//! panics), with `key` and `reverse` handled as CPython does.

use crate::compile::bytecode::CompareOp;
use crate::object::value::{Args, Value};
use crate::vm::Vm;
use crate::vm::exceptions::PyResult;

/// Sorts `items` in place: keys computed once each, stable, `reverse` keeping equal items in
/// their original order.
pub fn sort_values(
    vm: &mut Vm,
    items: &mut Vec<Value>,
    key: &Value,
    reverse: bool,
) -> PyResult<()> {
    let keys = if key.is_none() {
        None
    } else {
        let mut ks = Vec::with_capacity(items.len());
        for it in items.iter() {
            ks.push(vm.call(key, Args::positional(std::slice::from_ref(it)))?);
        }
        Some(ks)
    };
    let mut pairs: Vec<(Value, Value)> = match keys {
        Some(ks) => ks.into_iter().zip(items.drain(..)).collect(),
        None => items.drain(..).map(|v| (v.clone(), v)).collect(),
    };
    if reverse {
        pairs.reverse();
    }
    let result = merge_sort(vm, &mut pairs);
    if reverse {
        pairs.reverse();
    }
    items.extend(pairs.into_iter().map(|(_, v)| v));
    result
}

fn less(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    if let (Value::Int(x), Value::Int(y)) = (a, b) {
        return Ok(x < y);
    }
    if let (Value::Float(x), Value::Float(y)) = (a, b) {
        return Ok(x < y);
    }
    if let (Some(x), Some(y)) = (a.as_str(), b.as_str()) {
        return Ok(x < y);
    }
    let r = vm.compare(CompareOp::Lt, a, b)?;
    vm.is_true(&r)
}

/// Bottom-up merge sort on (key, value) pairs; stops at the first error.
fn merge_sort(vm: &mut Vm, v: &mut [(Value, Value)]) -> PyResult<()> {
    let n = v.len();
    const RUN: usize = 16;
    // Insertion sort small runs.
    let mut start = 0;
    while start < n {
        let end = (start + RUN).min(n);
        for i in start + 1..end {
            let mut j = i;
            while j > start && less(vm, &v[j].0, &v[j - 1].0)? {
                v.swap(j, j - 1);
                j -= 1;
            }
        }
        start = end;
    }
    let mut width = RUN;
    let mut buf: Vec<(Value, Value)> = Vec::with_capacity(n);
    while width < n {
        let mut lo = 0;
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            if mid < hi {
                merge(vm, v, lo, mid, hi, &mut buf)?;
            }
            lo = hi;
        }
        width *= 2;
    }
    Ok(())
}

fn merge(
    vm: &mut Vm,
    v: &mut [(Value, Value)],
    lo: usize,
    mid: usize,
    hi: usize,
    buf: &mut Vec<(Value, Value)>,
) -> PyResult<()> {
    buf.clear();
    let (mut i, mut j) = (lo, mid);
    let mut err = None;
    while i < mid && j < hi {
        // Take from the right only when strictly less: that keeps the sort stable.
        let take_right = match less(vm, &v[j].0, &v[i].0) {
            Ok(r) => r,
            Err(e) => {
                err = Some(e);
                break;
            }
        };
        if take_right {
            buf.push(std::mem::take(&mut v[j]));
            j += 1;
        } else {
            buf.push(std::mem::take(&mut v[i]));
            i += 1;
        }
    }
    while i < mid {
        buf.push(std::mem::take(&mut v[i]));
        i += 1;
    }
    while j < hi {
        buf.push(std::mem::take(&mut v[j]));
        j += 1;
    }
    for (k, item) in buf.drain(..).enumerate() {
        v[lo + k] = item;
    }
    match err {
        Some(e) => Err(e),
        None => Ok(()),
    }
}
