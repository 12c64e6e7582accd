//! `range` and `slice`: constructors and methods. Ranges keep machine-word bounds
//! ([`RangeData`]); CPython's ranges take any int, so bounds (or a length) beyond 64 bits raise
//! `OverflowError` here. `slice.indices` works on ints of any size, as CPython's does.

use num_bigint::BigInt;
use num_traits::{Signed, Zero};

use super::list::{Sig, arity, new_class, not_implemented, receiver, seq_index, wrong_receiver};
use super::{add_method, add_methods, set_type_attr};
use crate::compile::bytecode::CompareOp;
use crate::object::gil_cell::Gil;
use crate::object::number::hash_tuple;
use crate::object::typeobj::{BuiltinTypes, ExcType, type_of, types};
use crate::object::value::{Args, IterState, NativeKind, Payload, RangeData, Value};
use crate::vm::Vm;
use crate::vm::containers::norm_index;
use crate::vm::eval::type_name;
use crate::vm::exceptions::{PyErr, PyResult, index_error, type_error, value_error};
use crate::vm::ops::{IntRef, as_int, index_value};
use crate::vm::protocol::new_iter;

pub fn install(t: &BuiltinTypes, gil: &Gil) {
    let r = &t.range;
    add_method(gil, r, "__new__", range_new, NativeKind::StaticMethod);
    add_methods(
        gil,
        r,
        &[
            ("count", count),
            ("index", index),
            ("__len__", len),
            ("__bool__", bool_),
            ("__getitem__", getitem),
            ("__contains__", contains),
            ("__iter__", iter),
            ("__reversed__", reversed),
            ("__eq__", eq),
            ("__ne__", ne),
            ("__hash__", hash),
            ("__repr__", repr),
        ],
    );
    let s = &t.slice;
    add_method(gil, s, "__new__", slice_new, NativeKind::StaticMethod);
    add_methods(
        gil,
        s,
        &[
            ("indices", indices),
            ("__eq__", slice_eq),
            ("__ne__", slice_ne),
            ("__lt__", slice_lt),
            ("__le__", slice_le),
            ("__gt__", slice_gt),
            ("__ge__", slice_ge),
            ("__repr__", slice_repr),
        ],
    );
    set_type_attr(gil, s, "__hash__", Value::None);
}

fn too_big() -> PyErr {
    PyErr::new(
        ExcType::OverflowError,
        "Python int too large to convert to C ssize_t",
    )
}

// ---- range ----

/// The range a method was called on, with its remaining arguments.
fn this<'a>(
    vm: &Vm,
    args: &Args<'a>,
    name: &str,
    sig: Sig,
) -> PyResult<(&'a Value, RangeData, &'a [Value])> {
    let (v, rest) = receiver(vm, args, &types().range, name, sig)?;
    match v.payload() {
        Some(Payload::Range(r)) => Ok((v, *r, rest)),
        _ => Err(wrong_receiver(
            vm,
            v,
            "range",
            name,
            matches!(sig, Sig::Slot(_)),
        )),
    }
}

/// A range bound: an int or an object with `__index__`, within 64 bits.
fn bound(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match as_int(v) {
        Some(IntRef::Small(i)) => Ok(i),
        Some(IntRef::Big(_)) => Err(too_big()),
        None => index_value(vm, v).map_err(|e| {
            if e.matches(ExcType::IndexError) {
                too_big()
            } else {
                e
            }
        }),
    }
}

/// The number of items of `range(start, stop, step)`, when it fits 64 bits.
fn length(start: i64, stop: i64, step: i64) -> Option<i64> {
    let (lo, hi, step) = if step > 0 {
        (i128::from(start), i128::from(stop), i128::from(step))
    } else {
        (i128::from(stop), i128::from(start), -i128::from(step))
    };
    let n = if lo >= hi {
        0
    } else {
        (hi - lo - 1) / step + 1
    };
    i64::try_from(n).ok()
}

/// A range value, refusing one whose length does not fit 64 bits.
fn new_range(start: i64, stop: i64, step: i64) -> PyResult<Value> {
    length(start, stop, step).ok_or_else(too_big)?;
    Ok(Value::obj(Payload::Range(RangeData { start, stop, step })))
}

/// `range(stop)`, `range(start, stop[, step])`.
fn range_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, rest) = new_class(vm, &args, &types().range)?;
    if args.has_kwargs() {
        return Err(type_error("range() takes no keyword arguments"));
    }
    arity("range", rest, 1, 3)?;
    let (start, stop, step) = match rest {
        [stop] => (0, bound(vm, stop)?, 1),
        [start, stop] => (bound(vm, start)?, bound(vm, stop)?, 1),
        [start, stop, step] => {
            let (a, b) = (bound(vm, start)?, bound(vm, stop)?);
            let c = bound(vm, step)?;
            if c == 0 {
                return Err(value_error("range() arg 3 must not be zero"));
            }
            (a, b, c)
        }
        _ => (0, 0, 1),
    };
    new_range(start, stop, step)
}

/// The int a range membership test can answer arithmetically: exact ints and bools (other
/// values, `1.0` or an int subclass, are compared item by item, as CPython does).
fn plain_int(v: &Value) -> Option<Option<i64>> {
    match v {
        Value::Int(i) => Some(Some(*i)),
        Value::Bool(b) => Some(Some(i64::from(*b))),
        Value::Obj(o) if o.class.is_none() && matches!(o.payload, Payload::Int(_)) => Some(None),
        _ => None,
    }
}

/// The position of `i` in the range, if it is an item.
fn position(r: &RangeData, i: i64) -> Option<i64> {
    let (i, start, step) = (i128::from(i), i128::from(r.start), i128::from(r.step));
    let inside = if step > 0 {
        i >= start && i < i128::from(r.stop)
    } else {
        i <= start && i > i128::from(r.stop)
    };
    if inside && (i - start) % step == 0 {
        i64::try_from((i - start) / step).ok()
    } else {
        None
    }
}

/// Searches the items one by one with `==` (for values that are not plain ints).
fn search(vm: &mut Vm, r: &RangeData, x: &Value, count_all: bool) -> PyResult<(i64, Option<i64>)> {
    let (mut hits, mut first) = (0, None);
    let n = r.len();
    for k in 0..n {
        let item = Value::Int(r.item(k));
        if vm.eq(&item, x)? {
            hits += 1;
            first.get_or_insert(k);
            if !count_all {
                break;
            }
        }
    }
    Ok((hits, first))
}

fn count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, r, rest) = this(vm, &args, "count", Sig::One)?;
    match plain_int(&rest[0]) {
        Some(i) => Ok(Value::Int(i64::from(
            i.and_then(|i| position(&r, i)).is_some(),
        ))),
        None => Ok(Value::Int(search(vm, &r, &rest[0], true)?.0)),
    }
}

fn index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, r, rest) = this(vm, &args, "index", Sig::One)?;
    let x = &rest[0];
    match plain_int(x) {
        Some(i) => match i.and_then(|i| position(&r, i)) {
            Some(k) => Ok(Value::Int(k)),
            None => Err(value_error(format!("{} is not in range", vm.repr(x)?))),
        },
        None => match search(vm, &r, x, false)?.1 {
            Some(k) => Ok(Value::Int(k)),
            None => Err(value_error("sequence.index(x): x not in sequence")),
        },
    }
}

fn len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, r, _) = this(vm, &args, "__len__", Sig::Slot(0))?;
    Ok(Value::Int(r.len()))
}

fn bool_(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, r, _) = this(vm, &args, "__bool__", Sig::Slot(0))?;
    Ok(Value::Bool(!r.is_empty()))
}

/// `r[i]` and `r[a:b:c]` (a range again, computed as CPython computes it).
fn getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, r, rest) = this(vm, &args, "__getitem__", Sig::Slot(1))?;
    let key = &rest[0];
    if let Some(Payload::Slice(..)) = key.payload() {
        let (start, stop, step, _) = vm.slice_indices(key, r.len() as usize)?;
        let at = |k: isize| i128::from(r.start) + k as i128 * i128::from(r.step);
        let fit = |v: i128| i64::try_from(v).map_err(|_| too_big());
        let new_step = fit(i128::from(r.step) * step as i128)?;
        return new_range(fit(at(start))?, fit(at(stop))?, new_step);
    }
    let i = seq_index(vm, key, "range")?;
    match norm_index(i, r.len() as usize) {
        Some(k) => Ok(Value::Int(r.item(k as i64))),
        None => Err(index_error("range object index out of range")),
    }
}

fn contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, r, rest) = this(vm, &args, "__contains__", Sig::Slot(1))?;
    match plain_int(&rest[0]) {
        Some(i) => Ok(Value::Bool(i.and_then(|i| position(&r, i)).is_some())),
        None => Ok(Value::Bool(search(vm, &r, &rest[0], false)?.1.is_some())),
    }
}

fn iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, r, _) = this(vm, &args, "__iter__", Sig::Slot(0))?;
    Ok(new_iter(IterState::Range {
        next: r.start,
        step: r.step,
        remaining: r.len(),
    }))
}

/// `reversed(range)`: a range iterator from the last item down.
pub(crate) fn reversed_range(r: &RangeData) -> Value {
    let n = r.len();
    let last = if n == 0 { r.start } else { r.item(n - 1) };
    new_iter(IterState::Range {
        next: last,
        step: r.step.wrapping_neg(),
        remaining: n,
    })
}

fn reversed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, r, _) = this(vm, &args, "__reversed__", Sig::NoArgs)?;
    Ok(reversed_range(&r))
}

/// Ranges are equal when they hold the same items.
fn same_items(x: &RangeData, y: &RangeData) -> bool {
    let (lx, ly) = (x.len(), y.len());
    lx == ly && (lx == 0 || (x.start == y.start && (lx == 1 || x.step == y.step)))
}

fn range_compare(vm: &mut Vm, args: Args, name: &str, want_equal: bool) -> PyResult<Value> {
    let (_, r, rest) = this(vm, &args, name, Sig::Slot(1))?;
    match rest[0].payload() {
        Some(Payload::Range(o)) => Ok(Value::Bool(same_items(&r, o) == want_equal)),
        _ => Ok(not_implemented()),
    }
}

fn eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    range_compare(vm, args, "__eq__", true)
}

fn ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    range_compare(vm, args, "__ne__", false)
}

/// The hash of `(len, start, step)`, with `None` for what does not affect equality: both for
/// an empty range, the step for a range of one item.
fn hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, r, _) = this(vm, &args, "__hash__", Sig::Slot(0))?;
    let n = r.len();
    let parts = match n {
        0 => [Value::Int(0), Value::None, Value::None],
        1 => [Value::Int(1), Value::Int(r.start), Value::None],
        _ => [Value::Int(n), Value::Int(r.start), Value::Int(r.step)],
    };
    let mut hashes = Vec::with_capacity(3);
    for p in &parts {
        hashes.push(vm.hash(p)?);
    }
    Ok(Value::Int(hash_tuple(&hashes)))
}

fn repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, r, _) = this(vm, &args, "__repr__", Sig::Slot(0))?;
    Ok(Value::str(if r.step == 1 {
        format!("range({}, {})", r.start, r.stop)
    } else {
        format!("range({}, {}, {})", r.start, r.stop, r.step)
    }))
}

// ---- slice ----

/// The slice a method was called on: its start, stop and step, and the remaining arguments.
fn slice_this<'a>(
    vm: &Vm,
    args: &Args<'a>,
    name: &str,
    sig: Sig,
) -> PyResult<([&'a Value; 3], &'a [Value])> {
    let (v, rest) = receiver(vm, args, &types().slice, name, sig)?;
    match v.payload() {
        Some(Payload::Slice(a, b, c)) => Ok(([a, b, c], rest)),
        _ => Err(wrong_receiver(
            vm,
            v,
            "slice",
            name,
            matches!(sig, Sig::Slot(_)),
        )),
    }
}

/// `slice(stop)`, `slice(start, stop[, step])`: any values are kept as given.
fn slice_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, rest) = new_class(vm, &args, &types().slice)?;
    if args.has_kwargs() {
        return Err(type_error("slice() takes no keyword arguments"));
    }
    arity("slice", rest, 1, 3)?;
    let (a, b, c) = match rest {
        [stop] => (Value::None, stop.clone(), Value::None),
        [start, stop] => (start.clone(), stop.clone(), Value::None),
        [start, stop, step] => (start.clone(), stop.clone(), step.clone()),
        _ => (Value::None, Value::None, Value::None),
    };
    Ok(Value::obj(Payload::Slice(a, b, c)))
}

/// An int of any size through `__index__`; `msg` is the error for other values (`None`: the
/// usual `'X' object cannot be interpreted as an integer`).
fn big_index(vm: &mut Vm, v: &Value, msg: Option<&str>) -> PyResult<BigInt> {
    if let Some(i) = as_int(v) {
        return Ok(i.to_big());
    }
    if let Some(m) = vm.lookup_special(type_of(v), "__index__") {
        let r = vm.call_special(&m, v, &[])?;
        if let Some(i) = as_int(&r) {
            return Ok(i.to_big());
        }
        return Err(type_error(format!(
            "__index__ returned non-int (type {})",
            type_name(&r, vm)
        )));
    }
    Err(type_error(match msg {
        Some(m) => m.to_string(),
        None => format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(v, vm)
        ),
    }))
}

const SLICE_INDEX_MSG: &str = "slice indices must be integers or None or have an __index__ method";

/// One bound of `slice.indices`: its default, or the value clamped into `lower..=upper`.
fn clamp_bound(
    vm: &mut Vm,
    v: &Value,
    default: &BigInt,
    (len, lower, upper): (&BigInt, &BigInt, &BigInt),
) -> PyResult<BigInt> {
    if v.is_none() {
        return Ok(default.clone());
    }
    let mut i = big_index(vm, v, Some(SLICE_INDEX_MSG))?;
    if i.is_negative() {
        i += len;
        if &i < lower {
            i = lower.clone();
        }
    } else if &i > upper {
        i = upper.clone();
    }
    Ok(i)
}

/// `slice.indices(length)`: `(start, stop, step)` for a sequence of that length.
fn indices(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let ([start, stop, step], rest) = slice_this(vm, &args, "indices", Sig::One)?;
    let len = big_index(vm, &rest[0], None)?;
    if len.is_negative() {
        return Err(value_error("length should not be negative"));
    }
    let step = if step.is_none() {
        BigInt::from(1)
    } else {
        big_index(vm, step, Some(SLICE_INDEX_MSG))?
    };
    if step.is_zero() {
        return Err(value_error("slice step cannot be zero"));
    }
    let (lower, upper) = if step.is_negative() {
        (BigInt::from(-1), &len - 1)
    } else {
        (BigInt::zero(), len.clone())
    };
    let (first, last) = if step.is_negative() {
        (&upper, &lower)
    } else {
        (&lower, &upper)
    };
    let limits = (&len, &lower, &upper);
    let start = clamp_bound(vm, start, first, limits)?;
    let stop = clamp_bound(vm, stop, last, limits)?;
    Ok(Value::tuple(vec![
        Value::int(start),
        Value::int(stop),
        Value::int(step),
    ]))
}

/// Slices compare as the tuples `(start, stop, step)`.
fn slice_compare(vm: &mut Vm, args: Args, name: &str, op: CompareOp) -> PyResult<Value> {
    let ([a, b, c], rest) = slice_this(vm, &args, name, Sig::Slot(1))?;
    let Some(Payload::Slice(x, y, z)) = rest[0].payload() else {
        return Ok(not_implemented());
    };
    let mine = Value::tuple(vec![a.clone(), b.clone(), c.clone()]);
    let theirs = Value::tuple(vec![x.clone(), y.clone(), z.clone()]);
    vm.compare(op, &mine, &theirs)
}

fn slice_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    slice_compare(vm, args, "__eq__", CompareOp::Eq)
}

fn slice_ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    slice_compare(vm, args, "__ne__", CompareOp::Ne)
}

fn slice_lt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    slice_compare(vm, args, "__lt__", CompareOp::Lt)
}

fn slice_le(vm: &mut Vm, args: Args) -> PyResult<Value> {
    slice_compare(vm, args, "__le__", CompareOp::Le)
}

fn slice_gt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    slice_compare(vm, args, "__gt__", CompareOp::Gt)
}

fn slice_ge(vm: &mut Vm, args: Args) -> PyResult<Value> {
    slice_compare(vm, args, "__ge__", CompareOp::Ge)
}

fn slice_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let ([a, b, c], _) = slice_this(vm, &args, "__repr__", Sig::Slot(0))?;
    let text = format!("slice({}, {}, {})", vm.repr(a)?, vm.repr(b)?, vm.repr(c)?);
    Ok(Value::str(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_and_positions() {
        assert_eq!(length(0, 10, 3), Some(4));
        assert_eq!(length(10, 0, -3), Some(4));
        assert_eq!(length(0, 0, 1), Some(0));
        assert_eq!(length(i64::MIN, i64::MAX, 1), None);
        let r = RangeData {
            start: 1,
            stop: 20,
            step: 4,
        };
        assert_eq!(position(&r, 9), Some(2));
        assert_eq!(position(&r, 10), None);
        assert_eq!(position(&r, 21), None);
    }
}
