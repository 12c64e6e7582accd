//! `list`: its constructor and methods, plus what the other container files (tuple, dict, set,
//! range, iterators) share: receiver and argument checks with CPython's messages, index
//! conversion, lexicographic comparison and the guard that prints `[...]` for a list that
//! contains itself.
//!
//! The dunders (`__len__`, `__getitem__`, `__add__`, …) work on the payload directly and never
//! go back through the Vm's dispatch: a subclass that overrides `__getitem__` and calls
//! `super().__getitem__(i)` must reach the list's own behaviour, not its override again.

use std::cell::RefCell;
use std::sync::Arc;

use super::sort::sort_values;
use super::{add_method, add_methods, set_type_attr};
use crate::compile::bytecode::CompareOp;
use crate::object::gil_cell::{Gil, GilCell, RefMut};
use crate::object::typeobj::{
    BuiltinTypes, ExcType, is_instance, is_subtype, type_data, type_of, types,
};
use crate::object::value::{Args, IterState, NativeKind, ObjRef, Payload, Value, new_instance};
use crate::vm::Vm;
use crate::vm::containers::norm_index;
use crate::vm::eval::type_name;
use crate::vm::exceptions::{PyErr, PyResult, index_error, type_error, value_error};
use crate::vm::ops::{IntRef, as_int, cmp_holds, index_value};
use crate::vm::protocol::new_iter;

pub fn install(t: &BuiltinTypes, gil: &Gil) {
    let l = &t.list;
    add_method(gil, l, "__new__", list_new, NativeKind::StaticMethod);
    add_methods(
        gil,
        l,
        &[
            ("__init__", list_init),
            ("append", append),
            ("extend", extend),
            ("insert", insert),
            ("remove", remove),
            ("pop", pop),
            ("clear", clear),
            ("index", index),
            ("count", count),
            ("sort", sort),
            ("reverse", reverse),
            ("copy", copy),
            ("__len__", len),
            ("__getitem__", getitem),
            ("__setitem__", setitem),
            ("__delitem__", delitem),
            ("__contains__", contains),
            ("__iter__", iter),
            ("__reversed__", reversed),
            ("__add__", add),
            ("__iadd__", iadd),
            ("__mul__", mul),
            ("__rmul__", rmul),
            ("__imul__", imul),
            ("__eq__", eq),
            ("__ne__", ne),
            ("__lt__", lt),
            ("__le__", le),
            ("__gt__", gt),
            ("__ge__", ge),
            ("__repr__", repr),
        ],
    );
    set_type_attr(gil, l, "__hash__", Value::None);
}

// ---- shared with the other container files ----

/// How a builtin method checks its arguments. CPython has two kinds of method objects with
/// different messages: method descriptors (`append`, `__getitem__` of list) and slot wrappers
/// (`__len__`, `__add__`, `__init__`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Sig {
    /// A method taking no arguments.
    NoArgs,
    /// A method taking exactly one argument.
    One,
    /// A method that counts its own positional arguments; keywords are refused.
    Var,
    /// A method that checks all its own arguments, keywords included.
    Kw,
    /// A slot wrapper taking exactly this many arguments.
    Slot(usize),
    /// A slot wrapper that checks its own arguments (`__init__`).
    SlotKw,
}

/// The `self` of a method of the builtin type `owner` and the remaining arguments, checked the
/// way CPython's method objects check them.
pub(crate) fn receiver<'a>(
    vm: &Vm,
    args: &Args<'a>,
    owner: &ObjRef,
    name: &str,
    sig: Sig,
) -> PyResult<(&'a Value, &'a [Value])> {
    // The type's name is only needed for an error: not computed on the common path.
    let tname = || type_data(owner).name(&vm.gil);
    let slot = matches!(sig, Sig::Slot(_) | Sig::SlotKw);
    let Some((this, rest)) = args.pos.split_first() else {
        let tname = tname();
        return Err(type_error(if slot {
            format!("descriptor '{name}' of '{tname}' object needs an argument")
        } else {
            format!("unbound method {tname}.{name}() needs an argument")
        }));
    };
    if !is_instance(this, owner) {
        return Err(wrong_receiver(vm, this, &tname(), name, slot));
    }
    match sig {
        Sig::Slot(n) => {
            if args.has_kwargs() {
                return Err(type_error(format!(
                    "wrapper {name}() takes no keyword arguments"
                )));
            }
            if rest.len() != n {
                let plural = if n == 1 { "" } else { "s" };
                return Err(type_error(format!(
                    "expected {n} argument{plural}, got {}",
                    rest.len()
                )));
            }
        }
        Sig::NoArgs | Sig::One | Sig::Var => {
            if args.has_kwargs() {
                return Err(type_error(format!(
                    "{}.{name}() takes no keyword arguments",
                    tname()
                )));
            }
            if sig == Sig::NoArgs && !rest.is_empty() {
                return Err(type_error(format!(
                    "{}.{name}() takes no arguments ({} given)",
                    tname(),
                    rest.len()
                )));
            }
            if sig == Sig::One && rest.len() != 1 {
                return Err(type_error(format!(
                    "{}.{name}() takes exactly one argument ({} given)",
                    tname(),
                    rest.len()
                )));
            }
        }
        Sig::Kw | Sig::SlotKw => {}
    }
    Ok((this, rest))
}

/// `descriptor 'append' for 'list' objects doesn't apply to a 'int' object`.
pub(crate) fn wrong_receiver(vm: &Vm, this: &Value, tname: &str, name: &str, slot: bool) -> PyErr {
    let got = type_name(this, vm);
    type_error(if slot {
        format!("descriptor '{name}' requires a '{tname}' object but received a '{got}'")
    } else {
        format!("descriptor '{name}' for '{tname}' objects doesn't apply to a '{got}' object")
    })
}

/// Positional arity of the methods Argument Clinic checks (`get expected at most 2 arguments,
/// got 3`); keywords were refused already.
pub(crate) fn arity(name: &str, rest: &[Value], min: usize, max: usize) -> PyResult<()> {
    let n = rest.len();
    if n < min {
        let plural = if min == 1 { "" } else { "s" };
        return Err(type_error(format!(
            "{name} expected at least {min} argument{plural}, got {n}"
        )));
    }
    if n > max {
        let plural = if max == 1 { "" } else { "s" };
        return Err(type_error(format!(
            "{name} expected at most {max} argument{plural}, got {n}"
        )));
    }
    Ok(())
}

/// The class argument of `owner.__new__(cls, …)`, which must be `owner` or a subclass, and the
/// arguments after it.
pub(crate) fn new_class<'a>(
    vm: &Vm,
    args: &Args<'a>,
    owner: &ObjRef,
) -> PyResult<(ObjRef, &'a [Value])> {
    let tname = type_data(owner).name(&vm.gil);
    match args.pos.split_first() {
        None => Err(type_error(format!(
            "{tname}.__new__(): not enough arguments"
        ))),
        Some((Value::Obj(cls), rest)) if matches!(cls.payload, Payload::Type(_)) => {
            if !is_subtype(cls, owner) {
                let cname = type_data(cls).name(&vm.gil);
                return Err(type_error(format!(
                    "{tname}.__new__({cname}): {cname} is not a subtype of {tname}"
                )));
            }
            Ok((cls.clone(), rest))
        }
        Some((v, _)) => Err(type_error(format!(
            "{tname}.__new__(X): X is not a type object ({})",
            type_name(v, vm)
        ))),
    }
}

/// A new object of class `cls` whose builtin base is `owner`: the bare payload for the builtin
/// type itself, an instance with a `__dict__` for a subclass.
pub(crate) fn make(cls: &ObjRef, owner: &ObjRef, payload: Payload) -> Value {
    if Arc::ptr_eq(cls, owner) {
        Value::obj(payload)
    } else {
        let with_dict = type_data(cls).heap;
        new_instance(cls.clone(), payload, with_dict)
    }
}

pub(crate) fn not_implemented() -> Value {
    crate::vm::singletons().not_implemented.clone()
}

/// Keys whose equality needs no Python code: ints, floats, bools, None and exact strs.
pub(crate) fn simple(v: &Value) -> bool {
    match v {
        Value::Obj(o) => o.class.is_none() && matches!(o.payload, Payload::Str(_)),
        _ => true,
    }
}

/// An index into a sequence: an int or an object with `__index__`. `what` names the sequence
/// in the error (`list indices must be integers or slices, not str`).
pub(crate) fn seq_index(vm: &mut Vm, key: &Value, what: &str) -> PyResult<i64> {
    match as_int(key) {
        Some(IntRef::Small(i)) => Ok(i),
        Some(IntRef::Big(_)) => Err(index_error("cannot fit 'int' into an index-sized integer")),
        None => {
            if let Some(m) = vm.lookup_special(type_of(key), "__index__") {
                let r = vm.call_special(&m, key, &[])?;
                if as_int(&r).is_none() {
                    return Err(type_error(format!(
                        "__index__ returned non-int (type {})",
                        type_name(&r, vm)
                    )));
                }
                return seq_index(vm, &r, what);
            }
            Err(type_error(format!(
                "{what} indices must be integers or slices, not {}",
                type_name(key, vm)
            )))
        }
    }
}

/// A machine-sized int argument (`pop(i)`, `insert(i, x)`): `OverflowError` beyond 64 bits.
pub(crate) fn ssize_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match as_int(v) {
        Some(IntRef::Small(i)) => Ok(i),
        Some(IntRef::Big(_)) => Err(PyErr::new(
            ExcType::OverflowError,
            "Python int too large to convert to C ssize_t",
        )),
        None => {
            let i = index_value(vm, v)?;
            Ok(i)
        }
    }
}

/// A `start`/`stop` bound of `index()`: big ints clamp, as CPython's slice indices do.
pub(crate) fn bound_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match as_int(v) {
        Some(IntRef::Small(i)) => Ok(i),
        Some(IntRef::Big(b)) => Ok(if b.sign() == num_bigint::Sign::Minus {
            i64::MIN
        } else {
            i64::MAX
        }),
        None => {
            if vm.lookup_special(type_of(v), "__index__").is_some() {
                return index_value(vm, v);
            }
            Err(type_error(
                "slice indices must be integers or have an __index__ method",
            ))
        }
    }
}

/// The `start`, `stop` range of `seq.index(x, start, stop)` over `len` items.
pub(crate) fn search_bounds(vm: &mut Vm, rest: &[Value], len: usize) -> PyResult<(usize, usize)> {
    let clamp = |i: i64| -> usize {
        let len = len as i64;
        let i = if i < 0 {
            i.saturating_add(len).max(0)
        } else {
            i
        };
        i.min(len) as usize
    };
    let start = match rest.get(1) {
        Some(v) => clamp(bound_arg(vm, v)?),
        None => 0,
    };
    let stop = match rest.get(2) {
        Some(v) => clamp(bound_arg(vm, v)?),
        None => len,
    };
    Ok((start, stop))
}

/// The repeat count of `seq * n`.
pub(crate) fn repeat_count(vm: &mut Vm, n: &Value) -> PyResult<usize> {
    let i = match as_int(n) {
        Some(IntRef::Small(i)) => i,
        Some(IntRef::Big(b)) => {
            if b.sign() == num_bigint::Sign::Minus {
                0
            } else {
                return Err(PyErr::new(
                    ExcType::OverflowError,
                    "cannot fit 'int' into an index-sized integer",
                ));
            }
        }
        None => index_value(vm, n)?,
    };
    Ok(i.max(0) as usize)
}

/// `items * count`; `MemoryError` when the result cannot be allocated.
pub(crate) fn repeat(items: &[Value], count: usize) -> PyResult<Vec<Value>> {
    let no_memory = || PyErr::new(ExcType::MemoryError, "");
    let total = items.len().checked_mul(count).ok_or_else(no_memory)?;
    let mut out = Vec::new();
    out.try_reserve_exact(total).map_err(|_| no_memory())?;
    for _ in 0..count {
        out.extend_from_slice(items);
    }
    Ok(out)
}

/// The items a slice (`start, stop, step, length` from `vm.slice_indices`) selects.
pub(crate) fn select(
    items: &[Value],
    (start, _stop, step, n): (isize, isize, isize, usize),
) -> Vec<Value> {
    let mut out = Vec::with_capacity(n);
    let mut i = start;
    for _ in 0..n {
        if let Some(v) = items.get(i as usize) {
            out.push(v.clone());
        }
        i += step;
    }
    out
}

/// Lexicographic comparison of two sequences: the first unequal pair decides, else the lengths.
pub(crate) fn seq_compare(vm: &mut Vm, op: CompareOp, x: &[Value], y: &[Value]) -> PyResult<bool> {
    if matches!(op, CompareOp::Eq | CompareOp::Ne) && x.len() != y.len() {
        return Ok(op == CompareOp::Ne);
    }
    for (p, q) in x.iter().zip(y) {
        if !vm.eq(p, q)? {
            return match op {
                CompareOp::Eq => Ok(false),
                CompareOp::Ne => Ok(true),
                _ => {
                    let r = vm.compare(op, p, q)?;
                    vm.is_true(&r)
                }
            };
        }
    }
    Ok(cmp_holds(op, x.len().cmp(&y.len())))
}

thread_local! {
    /// Containers whose repr is being computed on this thread (by address).
    static IN_REPR: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

/// Marks a container as being printed; `None` when it already is (a self-reference).
pub(crate) struct ReprGuard(usize);

impl ReprGuard {
    pub(crate) fn enter(v: &Value) -> Option<ReprGuard> {
        let id = v.id();
        IN_REPR.with(|s| {
            let mut s = s.borrow_mut();
            if s.contains(&id) {
                None
            } else {
                s.push(id);
                Some(ReprGuard(id))
            }
        })
    }
}

impl Drop for ReprGuard {
    fn drop(&mut self) {
        IN_REPR.with(|s| {
            let mut s = s.borrow_mut();
            if let Some(pos) = s.iter().rposition(|&x| x == self.0) {
                s.remove(pos);
            }
        });
    }
}

/// `repr(v)` when the Vm's own repr of the builtin applies (no class in the way overrides
/// `__repr__`): the Vm prints it, with its guard against self-reference. Only a class's own
/// `__repr__` that calls the builtin one through `super()` is printed by the container files,
/// with [`ReprGuard`].
pub(crate) fn vm_repr(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    if vm.lookup_special(type_of(v), "__repr__").is_some() {
        return Ok(None);
    }
    Ok(Some(Value::str(vm.repr(v)?)))
}

/// `repr(a), repr(b), …`.
pub(crate) fn repr_join(vm: &mut Vm, items: &[Value]) -> PyResult<String> {
    let mut parts = Vec::with_capacity(items.len());
    for it in items {
        parts.push(vm.repr(it)?);
    }
    Ok(parts.join(", "))
}

/// The first position in `start..stop` (re-checked against `len()` as items may vanish while
/// `__eq__` runs) whose item equals `x`.
pub(crate) fn find(
    vm: &mut Vm,
    get: &dyn Fn(&Vm, usize) -> Option<Value>,
    x: &Value,
    start: usize,
    stop: usize,
) -> PyResult<Option<usize>> {
    let mut i = start;
    while i < stop {
        let Some(item) = get(vm, i) else { break };
        if item.is(x) || vm.eq(&item, x)? {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

/// How many items equal `x`.
pub(crate) fn count_equal(
    vm: &mut Vm,
    get: &dyn Fn(&Vm, usize) -> Option<Value>,
    x: &Value,
) -> PyResult<usize> {
    let mut n = 0;
    let mut i = 0;
    while let Some(item) = get(vm, i) {
        if item.is(x) || vm.eq(&item, x)? {
            n += 1;
        }
        i += 1;
    }
    Ok(n)
}

// ---- list itself ----

fn cell_of(v: &Value) -> Option<&GilCell<Vec<Value>>> {
    match v.payload() {
        Some(Payload::List(l)) => Some(l),
        _ => None,
    }
}

/// A list method's receiver: the value, its items, and the remaining arguments.
type Receiver<'a> = (&'a Value, &'a GilCell<Vec<Value>>, &'a [Value]);

/// The list a method was called on, with its remaining arguments.
fn this<'a>(vm: &Vm, args: &Args<'a>, name: &str, sig: Sig) -> PyResult<Receiver<'a>> {
    let list = &types().list;
    let (v, rest) = receiver(vm, args, list, name, sig)?;
    match cell_of(v) {
        Some(cell) => Ok((v, cell, rest)),
        None => Err(wrong_receiver(
            vm,
            v,
            "list",
            name,
            matches!(sig, Sig::Slot(_)),
        )),
    }
}

/// Exclusive access to a list's items; the borrow is never held while Python code runs, so a
/// conflict would be an interpreter bug, reported as an error rather than a panic.
fn items_mut<'a>(vm: &'a Vm, cell: &'a GilCell<Vec<Value>>) -> PyResult<RefMut<'a, Vec<Value>>> {
    cell.try_borrow_mut(&vm.gil)
        .map_err(|_| PyErr::new(ExcType::RuntimeError, "list is being modified elsewhere"))
}

fn snapshot(vm: &Vm, cell: &GilCell<Vec<Value>>) -> Vec<Value> {
    cell.try_borrow(&vm.gil)
        .map(|v| v.clone())
        .unwrap_or_default()
}

fn item_at(vm: &Vm, cell: &GilCell<Vec<Value>>, i: usize) -> Option<Value> {
    cell.try_borrow(&vm.gil).ok()?.get(i).cloned()
}

fn list_len(vm: &Vm, cell: &GilCell<Vec<Value>>) -> usize {
    cell.try_borrow(&vm.gil).map_or(0, |v| v.len())
}

/// `list.__new__(cls, *args)`: an empty list (`__init__` fills it).
fn list_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let list = &types().list;
    let (cls, _) = new_class(vm, &args, list)?;
    Ok(make(&cls, list, Payload::List(GilCell::new(Vec::new()))))
}

/// `list.__init__(self, iterable=())`: empties the list, then extends it.
fn list_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, cell, rest) = this(vm, &args, "__init__", Sig::SlotKw)?;
    if args.has_kwargs() {
        return Err(type_error("list() takes no keyword arguments"));
    }
    if rest.len() > 1 {
        return Err(type_error(format!(
            "list expected at most 1 argument, got {}",
            rest.len()
        )));
    }
    items_mut(vm, cell)?.clear();
    if let Some(iterable) = rest.first() {
        let items = vm.iterate(iterable)?;
        items_mut(vm, cell)?.extend(items);
    }
    Ok(Value::None)
}

fn append(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, cell, rest) = this(vm, &args, "append", Sig::One)?;
    items_mut(vm, cell)?.push(rest[0].clone());
    Ok(Value::None)
}

fn extend(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, cell, rest) = this(vm, &args, "extend", Sig::One)?;
    let items = vm.iterate(&rest[0])?;
    items_mut(vm, cell)?.extend(items);
    Ok(Value::None)
}

fn insert(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, cell, rest) = this(vm, &args, "insert", Sig::Var)?;
    let [i, x] = rest else {
        return Err(type_error(format!(
            "insert expected 2 arguments, got {}",
            rest.len()
        )));
    };
    let i = ssize_arg(vm, i)?;
    let mut items = items_mut(vm, cell)?;
    let len = items.len() as i64;
    let at = if i < 0 { (i + len).max(0) } else { i.min(len) };
    items.insert(at as usize, x.clone());
    Ok(Value::None)
}

fn remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, cell, rest) = this(vm, &args, "remove", Sig::One)?;
    let get = |vm: &Vm, i: usize| item_at(vm, cell, i);
    match find(vm, &get, &rest[0], 0, usize::MAX)? {
        Some(i) => {
            let mut items = items_mut(vm, cell)?;
            if i < items.len() {
                items.remove(i);
            }
            Ok(Value::None)
        }
        None => Err(value_error("list.remove(x): x not in list")),
    }
}

fn pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, cell, rest) = this(vm, &args, "pop", Sig::Var)?;
    if rest.len() > 1 {
        return Err(type_error(format!(
            "pop expected at most 1 argument, got {}",
            rest.len()
        )));
    }
    let i = match rest.first() {
        Some(v) => ssize_arg(vm, v)?,
        None => -1,
    };
    let mut items = items_mut(vm, cell)?;
    if items.is_empty() {
        return Err(index_error("pop from empty list"));
    }
    match norm_index(i, items.len()) {
        Some(ix) => Ok(items.remove(ix)),
        None => Err(index_error("pop index out of range")),
    }
}

fn clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, cell, _) = this(vm, &args, "clear", Sig::NoArgs)?;
    items_mut(vm, cell)?.clear();
    Ok(Value::None)
}

fn index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, cell, rest) = this(vm, &args, "index", Sig::Var)?;
    if rest.is_empty() || rest.len() > 3 {
        return Err(if rest.is_empty() {
            type_error("index expected at least 1 argument, got 0")
        } else {
            type_error(format!(
                "index expected at most 3 arguments, got {}",
                rest.len()
            ))
        });
    }
    let len = list_len(vm, cell);
    let (start, stop) = search_bounds(vm, rest, len)?;
    let get = |vm: &Vm, i: usize| item_at(vm, cell, i);
    match find(vm, &get, &rest[0], start, stop)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => {
            let r = vm.repr(&rest[0])?;
            Err(value_error(format!("{r} is not in list")))
        }
    }
}

fn count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, cell, rest) = this(vm, &args, "count", Sig::One)?;
    let get = |vm: &Vm, i: usize| item_at(vm, cell, i);
    Ok(Value::Int(count_equal(vm, &get, &rest[0])? as i64))
}

/// `list.sort(*, key=None, reverse=False)`. The items are taken out of the list while it is
/// sorted (it looks empty to the key function and to `__lt__`, as in CPython); whatever was
/// put into it meanwhile is discarded and reported as `list modified during sort`.
fn sort(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, cell, rest) = this(vm, &args, "sort", Sig::Kw)?;
    let total = rest.len() + args.kw_names.len();
    if total > 2 {
        return Err(type_error(format!(
            "sort() takes at most 2 arguments ({total} given)"
        )));
    }
    if !rest.is_empty() {
        return Err(type_error("sort() takes no positional arguments"));
    }
    let mut key = Value::None;
    let mut reverse = false;
    for (k, v) in args.kw_names.iter().zip(args.kw_values) {
        match k.as_str().unwrap_or("") {
            "key" => key = v.clone(),
            "reverse" => reverse = index_value(vm, v)? != 0,
            other => {
                return Err(type_error(format!(
                    "'{other}' is an invalid keyword argument for sort()"
                )));
            }
        }
    }
    let mut items = std::mem::take(&mut *items_mut(vm, cell)?);
    let result = sort_values(vm, &mut items, &key, reverse);
    let meddled = std::mem::replace(&mut *items_mut(vm, cell)?, items);
    result?;
    if !meddled.is_empty() {
        return Err(value_error("list modified during sort"));
    }
    Ok(Value::None)
}

fn reverse(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, cell, _) = this(vm, &args, "reverse", Sig::NoArgs)?;
    items_mut(vm, cell)?.reverse();
    Ok(Value::None)
}

fn copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, cell, _) = this(vm, &args, "copy", Sig::NoArgs)?;
    Ok(Value::list(snapshot(vm, cell)))
}

fn len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, cell, _) = this(vm, &args, "__len__", Sig::Slot(0))?;
    Ok(Value::Int(list_len(vm, cell) as i64))
}

fn is_slice(v: &Value) -> bool {
    matches!(v.payload(), Some(Payload::Slice(..)))
}

fn getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, cell, rest) = this(vm, &args, "__getitem__", Sig::One)?;
    let key = &rest[0];
    if is_slice(key) {
        let items = snapshot(vm, cell);
        let idx = vm.slice_indices(key, items.len())?;
        return Ok(Value::list(select(&items, idx)));
    }
    let i = seq_index(vm, key, "list")?;
    let items = cell
        .try_borrow(&vm.gil)
        .map_err(|_| index_error("list index out of range"))?;
    match norm_index(i, items.len()) {
        Some(ix) => Ok(items[ix].clone()),
        None => Err(index_error("list index out of range")),
    }
}

fn setitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (this_v, cell, rest) = this(vm, &args, "__setitem__", Sig::Slot(2))?;
    let (key, value) = (&rest[0], &rest[1]);
    if is_slice(key) {
        assign_slice(vm, this_v, cell, key, value)?;
        return Ok(Value::None);
    }
    let i = seq_index(vm, key, "list")?;
    let mut items = items_mut(vm, cell)?;
    match norm_index(i, items.len()) {
        Some(ix) => {
            items[ix] = value.clone();
            Ok(Value::None)
        }
        None => Err(index_error("list assignment index out of range")),
    }
}

/// `l[a:b:c] = iterable`.
fn assign_slice(
    vm: &mut Vm,
    this_v: &Value,
    cell: &GilCell<Vec<Value>>,
    key: &Value,
    value: &Value,
) -> PyResult<()> {
    let len = list_len(vm, cell);
    let (start, stop, step, n) = vm.slice_indices(key, len)?;
    let msg = if step == 1 {
        "can only assign an iterable"
    } else {
        "must assign iterable to extended slice"
    };
    let new_items = if value.is(this_v) {
        snapshot(vm, cell)
    } else {
        let it = vm.get_iter(value).map_err(|e| {
            if e.matches(ExcType::TypeError) {
                type_error(msg)
            } else {
                e
            }
        })?;
        let mut out = Vec::new();
        while let Some(v) = vm.next(&it)? {
            out.push(v);
        }
        out
    };
    let mut items = items_mut(vm, cell)?;
    if step == 1 {
        // The iterable may have changed the list: clamp to its current length.
        let len = items.len();
        let lo = (start.max(0) as usize).min(len);
        let hi = (stop.max(0) as usize).clamp(lo, len);
        items.splice(lo..hi, new_items);
        return Ok(());
    }
    if new_items.len() != n {
        return Err(value_error(format!(
            "attempt to assign sequence of size {} to extended slice of size {n}",
            new_items.len()
        )));
    }
    let mut i = start;
    for v in new_items {
        if let Some(slot) = items.get_mut(i as usize) {
            *slot = v;
        }
        i += step;
    }
    Ok(())
}

fn delitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, cell, rest) = this(vm, &args, "__delitem__", Sig::Slot(1))?;
    let key = &rest[0];
    if is_slice(key) {
        let len = list_len(vm, cell);
        let (start, _, step, n) = vm.slice_indices(key, len)?;
        let mut items = items_mut(vm, cell)?;
        let mut doomed = vec![false; items.len()];
        for k in 0..n {
            if let Some(d) = doomed.get_mut((start + k as isize * step) as usize) {
                *d = true;
            }
        }
        let mut i = 0;
        items.retain(|_| {
            i += 1;
            !doomed[i - 1]
        });
        return Ok(Value::None);
    }
    let i = seq_index(vm, key, "list")?;
    let mut items = items_mut(vm, cell)?;
    match norm_index(i, items.len()) {
        Some(ix) => {
            items.remove(ix);
            Ok(Value::None)
        }
        None => Err(index_error("list assignment index out of range")),
    }
}

fn contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, cell, rest) = this(vm, &args, "__contains__", Sig::Slot(1))?;
    let get = |vm: &Vm, i: usize| item_at(vm, cell, i);
    Ok(Value::Bool(
        find(vm, &get, &rest[0], 0, usize::MAX)?.is_some(),
    ))
}

fn iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (v, _, _) = this(vm, &args, "__iter__", Sig::Slot(0))?;
    Ok(new_iter(IterState::Seq {
        seq: v.clone(),
        index: 0,
    }))
}

fn reversed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (v, cell, _) = this(vm, &args, "__reversed__", Sig::NoArgs)?;
    Ok(new_iter(IterState::Reversed {
        seq: v.clone(),
        index: list_len(vm, cell) as i64 - 1,
    }))
}

fn add(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, cell, rest) = this(vm, &args, "__add__", Sig::Slot(1))?;
    let Some(other) = cell_of(&rest[0]) else {
        return Err(type_error(format!(
            "can only concatenate list (not \"{}\") to list",
            type_name(&rest[0], vm)
        )));
    };
    let mut items = snapshot(vm, cell);
    items.extend(snapshot(vm, other));
    Ok(Value::list(items))
}

fn iadd(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (v, cell, rest) = this(vm, &args, "__iadd__", Sig::Slot(1))?;
    let items = vm.iterate(&rest[0])?;
    items_mut(vm, cell)?.extend(items);
    Ok(v.clone())
}

fn mul(vm: &mut Vm, args: Args) -> PyResult<Value> {
    repeated(vm, args, "__mul__")
}

fn rmul(vm: &mut Vm, args: Args) -> PyResult<Value> {
    repeated(vm, args, "__rmul__")
}

fn repeated(vm: &mut Vm, args: Args, name: &str) -> PyResult<Value> {
    let (_, cell, rest) = this(vm, &args, name, Sig::Slot(1))?;
    let n = repeat_count(vm, &rest[0])?;
    let items = snapshot(vm, cell);
    Ok(Value::list(repeat(&items, n)?))
}

fn imul(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (v, cell, rest) = this(vm, &args, "__imul__", Sig::Slot(1))?;
    let n = repeat_count(vm, &rest[0])?;
    let items = snapshot(vm, cell);
    let grown = repeat(&items, n)?;
    *items_mut(vm, cell)? = grown;
    Ok(v.clone())
}

fn compare(vm: &mut Vm, args: Args, name: &str, op: CompareOp) -> PyResult<Value> {
    let (_, cell, rest) = this(vm, &args, name, Sig::Slot(1))?;
    let Some(other) = cell_of(&rest[0]) else {
        return Ok(not_implemented());
    };
    let x = snapshot(vm, cell);
    let y = snapshot(vm, other);
    Ok(Value::Bool(seq_compare(vm, op, &x, &y)?))
}

fn eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, "__eq__", CompareOp::Eq)
}

fn ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, "__ne__", CompareOp::Ne)
}

fn lt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, "__lt__", CompareOp::Lt)
}

fn le(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, "__le__", CompareOp::Le)
}

fn gt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, "__gt__", CompareOp::Gt)
}

fn ge(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, "__ge__", CompareOp::Ge)
}

fn repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (v, cell, _) = this(vm, &args, "__repr__", Sig::Slot(0))?;
    if let Some(r) = vm_repr(vm, v)? {
        return Ok(r);
    }
    let items = snapshot(vm, cell);
    if items.is_empty() {
        return Ok(Value::str("[]"));
    }
    let Some(_guard) = ReprGuard::enter(v) else {
        return Ok(Value::str("[...]"));
    };
    Ok(Value::str(format!("[{}]", repr_join(vm, &items)?)))
}
