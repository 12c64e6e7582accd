//! `set` and `frozenset`: constructors and methods, with CPython's iteration order.
//!
//! Order comes from [`SetTable`], which lays its slots out as CPython's set does; each method
//! here picks the same table operation CPython's does (merging another set copies its layout,
//! an exact dict pre-sizes, other iterables insert one by one), so results print in CPython's
//! order.
//!
//! Key equality may run Python code (`__eq__`), and Python code must never run while a set's
//! cell is borrowed. Single-key operations (`add`, `remove`, `in`) first collect the stored
//! keys whose comparison needs Python, compare them with no borrow held, then change the table
//! by identity. Bulk operations run on a private copy of the table with full Python equality
//! — or, when a dry run shows no comparison will need Python (the common case: ints, strs),
//! directly on the table.

use super::list::{
    ReprGuard, Sig, make, new_class, not_implemented, receiver, repr_join, simple, vm_repr,
    wrong_receiver,
};
use super::{add_method, add_methods, set_type_attr};
use crate::object::gil_cell::{Gil, GilCell};
use crate::object::set_table::SetTable;
use crate::object::typeobj::{BuiltinTypes, ExcType, type_data, types};
use crate::object::value::{Args, IterState, NativeFn, NativeKind, ObjRef, Payload, Value};
use crate::vm::Vm;
use crate::vm::containers::native_eq;
use crate::vm::eval::type_name;
use crate::vm::exceptions::{PyErr, PyResult, key_error, type_error};
use crate::vm::protocol::new_iter;

type Table = SetTable<Value>;
type EqFn<'e> = &'e mut dyn FnMut(&Value, &Value) -> bool;

const SET: bool = false;
const FROZEN: bool = true;

pub fn install(t: &BuiltinTypes, gil: &Gil) {
    let s = &t.set;
    add_method(gil, s, "__new__", set_new, NativeKind::StaticMethod);
    add_methods(
        gil,
        s,
        &[
            ("__init__", set_init),
            ("add", add),
            ("remove", remove),
            ("discard", discard),
            ("pop", pop),
            ("clear", clear),
            ("update", update),
            ("intersection_update", intersection_update),
            ("difference_update", difference_update),
            ("symmetric_difference_update", symmetric_difference_update),
            ("__ior__", ior),
            ("__iand__", iand),
            ("__isub__", isub),
            ("__ixor__", ixor),
        ],
    );
    add_methods(gil, s, &common::<SET>());
    set_type_attr(gil, s, "__hash__", Value::None);
    let f = &t.frozenset;
    add_method(gil, f, "__new__", frozenset_new, NativeKind::StaticMethod);
    add_methods(gil, f, &common::<FROZEN>());
    add_methods(gil, f, &[("__hash__", hash)]);
}

/// The methods set and frozenset share (each checks its own receiver type).
fn common<const F: bool>() -> Vec<(&'static str, NativeFn)> {
    vec![
        ("copy", copy::<F>),
        ("union", union::<F>),
        ("intersection", intersection::<F>),
        ("difference", difference::<F>),
        ("symmetric_difference", symmetric_difference::<F>),
        ("issubset", issubset::<F>),
        ("issuperset", issuperset::<F>),
        ("isdisjoint", isdisjoint::<F>),
        ("__contains__", contains::<F>),
        ("__len__", len::<F>),
        ("__iter__", iter::<F>),
        ("__or__", or::<F>),
        ("__and__", and::<F>),
        ("__sub__", sub::<F>),
        ("__xor__", xor::<F>),
        ("__ror__", ror::<F>),
        ("__rand__", rand::<F>),
        ("__rsub__", rsub::<F>),
        ("__rxor__", rxor::<F>),
        ("__eq__", eq::<F>),
        ("__ne__", ne::<F>),
        ("__le__", le::<F>),
        ("__lt__", lt::<F>),
        ("__ge__", ge::<F>),
        ("__gt__", gt::<F>),
        ("__repr__", repr::<F>),
    ]
}

// ---- access to the tables ----

/// A set's table: in a cell for `set`, immutable for `frozenset`.
#[derive(Clone, Copy)]
enum Body<'a> {
    Mutable(&'a GilCell<Table>),
    Frozen(&'a Table),
}

fn body_of(v: &Value) -> Option<Body<'_>> {
    match v.payload()? {
        Payload::Set(c) => Some(Body::Mutable(c)),
        Payload::FrozenSet(t) => Some(Body::Frozen(t)),
        _ => None,
    }
}

fn is_anyset(v: &Value) -> bool {
    body_of(v).is_some()
}

fn busy() -> PyErr {
    PyErr::new(ExcType::RuntimeError, "Set changed size during iteration")
}

/// Reads a table (never while Python code runs).
fn with_table<R>(vm: &Vm, body: Body, f: impl FnOnce(&Table) -> R) -> PyResult<R> {
    match body {
        Body::Mutable(c) => Ok(f(&*c.try_borrow(&vm.gil).map_err(|_| busy())?)),
        Body::Frozen(t) => Ok(f(t)),
    }
}

/// A private copy of a table, slot for slot (same layout, so the same results).
fn snapshot(vm: &Vm, body: Body) -> PyResult<Table> {
    with_table(vm, body, Table::clone)
}

fn owner(frozen: bool) -> &'static ObjRef {
    if frozen {
        &types().frozenset
    } else {
        &types().set
    }
}

/// The set (or frozenset) a method was called on, with its remaining arguments.
fn this<'a, const F: bool>(
    vm: &Vm,
    args: &Args<'a>,
    name: &str,
    sig: Sig,
) -> PyResult<(&'a Value, Body<'a>, &'a [Value])> {
    let (v, rest) = receiver(vm, args, owner(F), name, sig)?;
    match body_of(v) {
        Some(b) => Ok((v, b, rest)),
        None => {
            let tname = type_data(owner(F)).name(&vm.gil);
            Err(wrong_receiver(
                vm,
                v,
                &tname,
                name,
                matches!(sig, Sig::Slot(_)),
            ))
        }
    }
}

/// A `set` method's receiver: its cell.
fn this_mut<'a>(
    vm: &Vm,
    args: &Args<'a>,
    name: &str,
    sig: Sig,
) -> PyResult<(&'a Value, &'a GilCell<Table>, &'a [Value])> {
    match this::<SET>(vm, args, name, sig)? {
        (v, Body::Mutable(c), rest) => Ok((v, c, rest)),
        (v, Body::Frozen(_), _) => Err(wrong_receiver(
            vm,
            v,
            "set",
            name,
            matches!(sig, Sig::Slot(_)),
        )),
    }
}

/// A new set or frozenset (exact type) around a table.
fn wrap(frozen: bool, table: Table) -> Value {
    if frozen {
        Value::obj(Payload::FrozenSet(table))
    } else {
        Value::obj(Payload::Set(GilCell::new(table)))
    }
}

// ---- equality ----

/// Equality that needs no Python code: identity, or native equality of simple keys.
fn fast_eq(a: &Value, b: &Value) -> bool {
    a.is(b) || (simple(a) && simple(b) && native_eq(a, b).unwrap_or(false))
}

/// Full Python equality for the table's infallible callback; the first error is kept and
/// later comparisons answer "not equal" so the operation ends quickly.
struct PyEq<'v> {
    vm: &'v mut Vm,
    err: Option<PyErr>,
}

impl<'v> PyEq<'v> {
    fn new(vm: &'v mut Vm) -> Self {
        PyEq { vm, err: None }
    }

    fn call(&mut self, a: &Value, b: &Value) -> bool {
        if self.err.is_some() {
            return false;
        }
        if a.is(b) {
            return true;
        }
        if simple(a) && simple(b) {
            return native_eq(a, b).unwrap_or(false);
        }
        match self.vm.eq(a, b) {
            Ok(r) => r,
            Err(e) => {
                self.err = Some(e);
                false
            }
        }
    }

    fn done(self) -> PyResult<()> {
        match self.err {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }
}

/// Would looking any of `probes` up in `table` compare keys in a way only Python can answer?
fn needs_python(table: &Table, probes: &[(i64, Value)]) -> bool {
    let mut needed = false;
    for (h, k) in probes {
        table.get(*h, k, |a, b| {
            if a.is(b) {
                true
            } else if simple(a) && simple(b) {
                native_eq(a, b).unwrap_or(false)
            } else {
                needed = true;
                false
            }
        });
        if needed {
            return true;
        }
    }
    false
}

/// The stored key equal to `key`: candidates needing Python equality are collected under the
/// borrow and compared after it ends.
fn find_key(vm: &mut Vm, body: Body, hash: i64, key: &Value) -> PyResult<Option<Value>> {
    let mut pending = Vec::new();
    let found = with_table(vm, body, |t| {
        t.get(hash, key, |stored, probe| {
            if stored.is(probe) {
                true
            } else if simple(stored) && simple(probe) {
                native_eq(stored, probe).unwrap_or(false)
            } else {
                pending.push(stored.clone());
                false
            }
        })
        .cloned()
    })?;
    if found.is_some() {
        return Ok(found);
    }
    for cand in pending {
        if vm.eq(&cand, key)? {
            return Ok(Some(cand));
        }
    }
    Ok(None)
}

/// The hash of a key to look up; a `set` key is looked up as the equal frozenset, as CPython's
/// `in`, `remove` and `discard` do.
fn lookup_key(vm: &mut Vm, key: &Value) -> PyResult<(i64, Value)> {
    match vm.hash(key) {
        Ok(h) => Ok((h, key.clone())),
        Err(e)
            if e.matches(ExcType::TypeError) && matches!(key.payload(), Some(Payload::Set(_))) =>
        {
            let Some(body) = body_of(key) else {
                return Err(e);
            };
            let frozen = wrap(FROZEN, with_table(vm, body, Table::copy)?);
            let h = vm.hash(&frozen)?;
            Ok((h, frozen))
        }
        Err(e) => Err(e),
    }
}

/// `set.add` for one hashed key.
fn add_key(vm: &mut Vm, cell: &GilCell<Table>, hash: i64, key: Value) -> PyResult<()> {
    if find_key(vm, Body::Mutable(cell), hash, &key)?.is_some() {
        return Ok(());
    }
    cell.try_borrow_mut(&vm.gil)
        .map_err(|_| busy())?
        .insert(hash, key, fast_eq);
    Ok(())
}

/// `set.discard` for one hashed key: whether it was there.
fn discard_key(vm: &mut Vm, cell: &GilCell<Table>, hash: i64, key: &Value) -> PyResult<bool> {
    let Some(stored) = find_key(vm, Body::Mutable(cell), hash, key)? else {
        return Ok(false);
    };
    cell.try_borrow_mut(&vm.gil)
        .map_err(|_| busy())?
        .remove(hash, &stored, |a, b| a.is(b));
    Ok(true)
}

// ---- the other operand of a bulk operation ----

/// Another operand, read as CPython reads it: a set's table, an exact dict's keys (with their
/// stored hashes), or the hashed items of any other iterable.
enum Src {
    Set(Table),
    Dict(Vec<(i64, Value)>),
    Items(Vec<(i64, Value)>),
}

fn source(vm: &mut Vm, v: &Value) -> PyResult<Src> {
    if let Some(body) = body_of(v) {
        return Ok(Src::Set(snapshot(vm, body)?));
    }
    if let Value::Obj(o) = v
        && o.class.is_none()
        && let Payload::Dict(d) = &o.payload
    {
        let keys = d
            .try_borrow(&vm.gil)
            .map_err(|_| busy())?
            .iter()
            .map(|e| (e.hash, e.key.clone()))
            .collect();
        return Ok(Src::Dict(keys));
    }
    let mut items = Vec::new();
    let it = vm.get_iter(v)?;
    while let Some(x) = vm.next(&it)? {
        let h = vm.hash(&x)?;
        items.push((h, x));
    }
    Ok(Src::Items(items))
}

/// The keys of a source, for a dry run of [`needs_python`].
fn probes(src: &Src) -> Vec<(i64, Value)> {
    match src {
        Src::Set(t) => t.iter_hashed().map(|(h, k)| (h, k.clone())).collect(),
        Src::Dict(k) | Src::Items(k) => k.clone(),
    }
}

/// A new table holding a source's keys, built as `set(src)` builds it.
fn table_from(src: &Src, eq: EqFn) -> Table {
    match src {
        Src::Set(t) => t.copy(),
        Src::Dict(k) => Table::from_dict_keys(k.len(), k.iter().cloned(), eq),
        Src::Items(k) => Table::from_hashed_iter(k.iter().cloned(), eq),
    }
}

/// `table |= src`, CPython's `set_update_internal`.
fn merge_into(table: &mut Table, src: &Src, eq: EqFn) {
    match src {
        Src::Set(t) => table.update_from_set(t, eq),
        Src::Dict(k) => table.update_from_dict_keys(k.len(), k.iter().cloned(), eq),
        Src::Items(k) => table.extend_hashed(k.iter().cloned(), eq),
    }
}

/// `table & src`, CPython's `set_intersection`.
fn intersect(table: &Table, src: &Src, eq: EqFn) -> Table {
    match src {
        Src::Set(t) => table.intersection(t, eq),
        Src::Dict(k) | Src::Items(k) => table.intersection_with_iter(k.iter().cloned(), eq),
    }
}

/// `table - src`, CPython's `set_difference`.
fn subtract(table: &Table, src: &Src, eq: EqFn) -> Table {
    match src {
        Src::Set(t) => table.difference(t, eq),
        Src::Dict(k) if (table.len() >> 2) <= k.len() => {
            // Dict keys are distinct: a lookup table of them needs no comparisons.
            let lookup = Table::from_dict_keys(k.len(), k.iter().cloned(), |_, _| false);
            table.difference(&lookup, eq)
        }
        Src::Dict(k) | Src::Items(k) => {
            let mut r = table.copy();
            r.difference_update_iter(k.iter().cloned(), eq);
            r
        }
    }
}

/// `table -= src` in place, CPython's `set_difference_update_internal`.
fn subtract_in_place(table: &mut Table, src: &Src, eq: EqFn) {
    match src {
        Src::Set(t) => table.difference_update(t, eq),
        Src::Dict(k) | Src::Items(k) => table.difference_update_iter(k.iter().cloned(), eq),
    }
}

/// `table ^ src`: a set built from `src`, symmetric-difference-updated with `table`.
fn symmetric(table: &Table, src: &Src, eq: EqFn) -> Table {
    let mut other = table_from(src, &mut *eq);
    other.symmetric_difference_update(table, eq);
    other
}

/// `table ^= src` in place, CPython's `set_symmetric_difference_update`.
fn symmetric_in_place(table: &mut Table, src: &Src, eq: EqFn) {
    match src {
        Src::Set(t) => table.symmetric_difference_update(t, eq),
        Src::Dict(k) => table.symmetric_difference_update_dict_keys(k.iter().cloned(), eq),
        Src::Items(k) => {
            let other = Table::from_hashed_iter(k.iter().cloned(), &mut *eq);
            table.symmetric_difference_update(&other, eq);
        }
    }
}

/// Runs a bulk change on a set's own table: in place when no comparison with `probes` needs
/// Python, otherwise on a copy with Python equality, stored back when it succeeded.
fn apply(
    vm: &mut Vm,
    cell: &GilCell<Table>,
    probes: &[(i64, Value)],
    op: impl FnOnce(&mut Table, EqFn),
) -> PyResult<()> {
    let needed = needs_python(&*cell.try_borrow(&vm.gil).map_err(|_| busy())?, probes);
    if !needed {
        let mut table = cell.try_borrow_mut(&vm.gil).map_err(|_| busy())?;
        op(&mut table, &mut fast_eq);
        return Ok(());
    }
    let mut table = snapshot(vm, Body::Mutable(cell))?;
    let mut pe = PyEq::new(vm);
    op(&mut table, &mut |a, b| pe.call(a, b));
    pe.done()?;
    *cell.try_borrow_mut(&vm.gil).map_err(|_| busy())? = table;
    Ok(())
}

/// Runs an operation that builds a new table from private copies, with Python equality.
fn compute<R>(vm: &mut Vm, op: impl FnOnce(EqFn) -> R) -> PyResult<R> {
    let mut pe = PyEq::new(vm);
    let r = op(&mut |a, b| pe.call(a, b));
    pe.done()?;
    Ok(r)
}

// ---- constructors ----

/// `set.__new__(cls, *args)`: an empty set (`__init__` fills it).
fn set_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let owner = &types().set;
    let (cls, _) = new_class(vm, &args, owner)?;
    if args.has_kwargs() && std::sync::Arc::ptr_eq(&cls, owner) {
        return Err(type_error("set() takes no keyword arguments"));
    }
    Ok(make(&cls, owner, Payload::Set(GilCell::new(Table::new()))))
}

/// `set.__init__(self, iterable=())`: empties the set, then adds the iterable's items.
fn set_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (v, cell, rest) = this_mut(vm, &args, "__init__", Sig::SlotKw)?;
    if args.has_kwargs() {
        return Err(type_error("set() takes no keyword arguments"));
    }
    if rest.len() > 1 {
        return Err(type_error(format!(
            "{} expected at most 1 argument, got {}",
            type_name(v, vm),
            rest.len()
        )));
    }
    cell.try_borrow_mut(&vm.gil).map_err(|_| busy())?.clear();
    if let Some(iterable) = rest.first() {
        update_one(vm, v, cell, iterable)?;
    }
    Ok(Value::None)
}

/// `frozenset.__new__(cls, iterable=())`.
fn frozenset_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let owner = &types().frozenset;
    let (cls, rest) = new_class(vm, &args, owner)?;
    let exact = std::sync::Arc::ptr_eq(&cls, owner);
    if args.has_kwargs() && exact {
        return Err(type_error("frozenset() takes no keyword arguments"));
    }
    if rest.len() > 1 {
        return Err(type_error(format!(
            "{} expected at most 1 argument, got {}",
            type_data(&cls).name(&vm.gil),
            rest.len()
        )));
    }
    let table = match rest.first() {
        // `frozenset(f)` of an exact frozenset is `f` itself.
        Some(v)
            if exact
                && v.as_obj().is_some_and(|o| o.class.is_none())
                && matches!(v.payload(), Some(Payload::FrozenSet(_))) =>
        {
            return Ok(v.clone());
        }
        Some(v) => {
            let src = source(vm, v)?;
            compute(vm, |eq| {
                let mut t = Table::new();
                merge_into(&mut t, &src, eq);
                t
            })?
        }
        None => Table::new(),
    };
    Ok(make(&cls, owner, Payload::FrozenSet(table)))
}

// ---- set-only methods ----

fn add(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, cell, rest) = this_mut(vm, &args, "add", Sig::One)?;
    let h = vm.hash(&rest[0])?;
    add_key(vm, cell, h, rest[0].clone())?;
    Ok(Value::None)
}

fn remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, cell, rest) = this_mut(vm, &args, "remove", Sig::One)?;
    let (h, key) = lookup_key(vm, &rest[0])?;
    if discard_key(vm, cell, h, &key)? {
        Ok(Value::None)
    } else {
        Err(key_error(rest[0].clone()))
    }
}

fn discard(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, cell, rest) = this_mut(vm, &args, "discard", Sig::One)?;
    let (h, key) = lookup_key(vm, &rest[0])?;
    discard_key(vm, cell, h, &key)?;
    Ok(Value::None)
}

fn pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, cell, _) = this_mut(vm, &args, "pop", Sig::NoArgs)?;
    let popped = cell.try_borrow_mut(&vm.gil).map_err(|_| busy())?.pop();
    match popped {
        Some((_, key)) => Ok(key),
        None => Err(key_error(Value::str("pop from an empty set"))),
    }
}

fn clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, cell, _) = this_mut(vm, &args, "clear", Sig::NoArgs)?;
    cell.try_borrow_mut(&vm.gil).map_err(|_| busy())?.clear();
    Ok(Value::None)
}

/// `s.update(other)` for one operand.
fn update_one(vm: &mut Vm, this_v: &Value, cell: &GilCell<Table>, other: &Value) -> PyResult<()> {
    if other.is(this_v) {
        return Ok(());
    }
    let is_dict = matches!(other, Value::Obj(o) if o.class.is_none() && matches!(o.payload, Payload::Dict(_)));
    if !is_anyset(other) && !is_dict {
        // Any other iterable: its items are added one at a time, as they come.
        let it = vm.get_iter(other)?;
        while let Some(x) = vm.next(&it)? {
            let h = vm.hash(&x)?;
            add_key(vm, cell, h, x)?;
        }
        return Ok(());
    }
    let src = source(vm, other)?;
    let keys = probes(&src);
    apply(vm, cell, &keys, |t, eq| merge_into(t, &src, eq))
}

fn update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (v, cell, rest) = this_mut(vm, &args, "update", Sig::Var)?;
    for other in rest {
        update_one(vm, v, cell, other)?;
    }
    Ok(Value::None)
}

/// `s.intersection_update(*others)`: the set takes the body of the intersection (its `pop`
/// position restarts, where CPython keeps it: only `pop` order after this call can differ).
fn intersection_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (v, cell, rest) = this_mut(vm, &args, "intersection_update", Sig::Var)?;
    let result = intersection_of(vm, v, Body::Mutable(cell), rest)?;
    *cell.try_borrow_mut(&vm.gil).map_err(|_| busy())? = result;
    Ok(Value::None)
}

/// `s -= other` / `s.difference_update(other)` for one operand.
fn difference_update_one(
    vm: &mut Vm,
    this_v: &Value,
    cell: &GilCell<Table>,
    other: &Value,
) -> PyResult<()> {
    if other.is(this_v) {
        cell.try_borrow_mut(&vm.gil).map_err(|_| busy())?.clear();
        return Ok(());
    }
    let src = source(vm, other)?;
    let keys = probes(&src);
    apply(vm, cell, &keys, |t, eq| subtract_in_place(t, &src, eq))
}

fn difference_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (v, cell, rest) = this_mut(vm, &args, "difference_update", Sig::Var)?;
    for other in rest {
        difference_update_one(vm, v, cell, other)?;
    }
    Ok(Value::None)
}

/// `s ^= other` / `s.symmetric_difference_update(other)`.
fn symmetric_update(
    vm: &mut Vm,
    this_v: &Value,
    cell: &GilCell<Table>,
    other: &Value,
) -> PyResult<()> {
    if other.is(this_v) {
        cell.try_borrow_mut(&vm.gil).map_err(|_| busy())?.clear();
        return Ok(());
    }
    let src = match source(vm, other)? {
        // An iterable is first made a set, with Python equality between its own items.
        Src::Items(k) => Src::Set(compute(vm, |eq| Table::from_hashed_iter(k, eq))?),
        src => src,
    };
    let keys = probes(&src);
    apply(vm, cell, &keys, |t, eq| symmetric_in_place(t, &src, eq))
}

fn symmetric_difference_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (v, cell, rest) = this_mut(vm, &args, "symmetric_difference_update", Sig::One)?;
    symmetric_update(vm, v, cell, &rest[0])?;
    Ok(Value::None)
}

/// The in-place operators take only sets (anything else is NotImplemented) and return self.
fn inplace(
    vm: &mut Vm,
    args: Args,
    name: &str,
    op: fn(&mut Vm, &Value, &GilCell<Table>, &Value) -> PyResult<()>,
) -> PyResult<Value> {
    let (v, cell, rest) = this_mut(vm, &args, name, Sig::Slot(1))?;
    if !is_anyset(&rest[0]) {
        return Ok(not_implemented());
    }
    op(vm, v, cell, &rest[0])?;
    Ok(v.clone())
}

fn ior(vm: &mut Vm, args: Args) -> PyResult<Value> {
    inplace(vm, args, "__ior__", update_one)
}

fn iand(vm: &mut Vm, args: Args) -> PyResult<Value> {
    inplace(vm, args, "__iand__", |vm, v, cell, other| {
        let result = intersection_of(vm, v, Body::Mutable(cell), std::slice::from_ref(other))?;
        *cell.try_borrow_mut(&vm.gil).map_err(|_| busy())? = result;
        Ok(())
    })
}

fn isub(vm: &mut Vm, args: Args) -> PyResult<Value> {
    inplace(vm, args, "__isub__", difference_update_one)
}

fn ixor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    inplace(vm, args, "__ixor__", symmetric_update)
}

// ---- methods of both ----

fn copy<const F: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (v, body, _) = this::<F>(vm, &args, "copy", Sig::NoArgs)?;
    if F && v.as_obj().is_some_and(|o| o.class.is_none()) {
        return Ok(v.clone());
    }
    Ok(wrap(F, with_table(vm, body, Table::copy)?))
}

/// `a.union(*others)` / `a | b`: a copy of `a` updated with each operand.
fn union_of(
    vm: &mut Vm,
    this_v: &Value,
    body: Body,
    frozen: bool,
    others: &[Value],
) -> PyResult<Value> {
    let mut result = with_table(vm, body, Table::copy)?;
    for other in others {
        if other.is(this_v) {
            continue;
        }
        let src = source(vm, other)?;
        compute(vm, |eq| merge_into(&mut result, &src, eq))?;
    }
    Ok(wrap(frozen, result))
}

/// `a.intersection(*others)`: intersected with each operand in turn (`a & a` is a copy).
fn intersection_of(vm: &mut Vm, this_v: &Value, body: Body, others: &[Value]) -> PyResult<Table> {
    let mut current = snapshot(vm, body)?;
    if others.is_empty() {
        return Ok(current.copy());
    }
    for (i, other) in others.iter().enumerate() {
        // Only the first step intersects the set itself; later ones work on new sets.
        current = if i == 0 && other.is(this_v) {
            current.copy()
        } else {
            let src = source(vm, other)?;
            compute(vm, |eq| intersect(&current, &src, eq))?
        };
    }
    Ok(current)
}

/// `a.difference(*others)`: the first operand as `set_difference`, the rest removed in place.
fn difference_of(vm: &mut Vm, body: Body, others: &[Value]) -> PyResult<Table> {
    let Some((first, rest)) = others.split_first() else {
        return with_table(vm, body, Table::copy);
    };
    let mine = snapshot(vm, body)?;
    let src = source(vm, first)?;
    let mut result = compute(vm, |eq| subtract(&mine, &src, eq))?;
    for other in rest {
        let src = source(vm, other)?;
        compute(vm, |eq| subtract_in_place(&mut result, &src, eq))?;
    }
    Ok(result)
}

fn union<const F: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (v, body, rest) = this::<F>(vm, &args, "union", Sig::Var)?;
    union_of(vm, v, body, F, rest)
}

fn intersection<const F: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (v, body, rest) = this::<F>(vm, &args, "intersection", Sig::Var)?;
    Ok(wrap(F, intersection_of(vm, v, body, rest)?))
}

fn difference<const F: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, body, rest) = this::<F>(vm, &args, "difference", Sig::Var)?;
    Ok(wrap(F, difference_of(vm, body, rest)?))
}

fn symmetric_of(vm: &mut Vm, body: Body, other: &Value) -> PyResult<Table> {
    let mine = snapshot(vm, body)?;
    let src = source(vm, other)?;
    compute(vm, |eq| symmetric(&mine, &src, eq))
}

fn symmetric_difference<const F: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, body, rest) = this::<F>(vm, &args, "symmetric_difference", Sig::One)?;
    Ok(wrap(F, symmetric_of(vm, body, &rest[0])?))
}

/// Is every key of `a` in `b`?
fn subset(vm: &mut Vm, a: &Table, b: &Table) -> PyResult<bool> {
    if a.len() > b.len() {
        return Ok(false);
    }
    compute(vm, |eq| {
        a.iter_hashed().all(|(h, k)| b.contains(h, k, &mut *eq))
    })
}

/// A private table of any iterable's keys (`set(other)`).
fn table_of(vm: &mut Vm, other: &Value) -> PyResult<Table> {
    match body_of(other) {
        Some(body) => snapshot(vm, body),
        None => {
            let src = source(vm, other)?;
            compute(vm, |eq| table_from(&src, eq))
        }
    }
}

fn issubset<const F: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, body, rest) = this::<F>(vm, &args, "issubset", Sig::One)?;
    let other = table_of(vm, &rest[0])?;
    let mine = snapshot(vm, body)?;
    Ok(Value::Bool(subset(vm, &mine, &other)?))
}

fn issuperset<const F: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, body, rest) = this::<F>(vm, &args, "issuperset", Sig::One)?;
    let mine = snapshot(vm, body)?;
    if let Some(ob) = body_of(&rest[0]) {
        let other = snapshot(vm, ob)?;
        return Ok(Value::Bool(subset(vm, &other, &mine)?));
    }
    let it = vm.get_iter(&rest[0])?;
    while let Some(x) = vm.next(&it)? {
        let h = vm.hash(&x)?;
        if !compute(vm, |eq| mine.contains(h, &x, eq))? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn isdisjoint<const F: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (v, body, rest) = this::<F>(vm, &args, "isdisjoint", Sig::One)?;
    let mine = snapshot(vm, body)?;
    if rest[0].is(v) {
        return Ok(Value::Bool(mine.is_empty()));
    }
    if let Some(ob) = body_of(&rest[0]) {
        let other = snapshot(vm, ob)?;
        let (small, big) = if mine.len() > other.len() {
            (&other, &mine)
        } else {
            (&mine, &other)
        };
        let common = compute(vm, |eq| {
            small
                .iter_hashed()
                .any(|(h, k)| big.contains(h, k, &mut *eq))
        })?;
        return Ok(Value::Bool(!common));
    }
    let it = vm.get_iter(&rest[0])?;
    while let Some(x) = vm.next(&it)? {
        let h = vm.hash(&x)?;
        if compute(vm, |eq| mine.contains(h, &x, eq))? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn contains<const F: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, body, rest) = this::<F>(vm, &args, "__contains__", Sig::One)?;
    let (h, key) = lookup_key(vm, &rest[0])?;
    Ok(Value::Bool(find_key(vm, body, h, &key)?.is_some()))
}

fn len<const F: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, body, _) = this::<F>(vm, &args, "__len__", Sig::Slot(0))?;
    Ok(Value::Int(with_table(vm, body, Table::len)? as i64))
}

fn iter<const F: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, body, _) = this::<F>(vm, &args, "__iter__", Sig::Slot(0))?;
    let items = with_table(vm, body, |t| t.iter().cloned().collect())?;
    Ok(new_iter(IterState::Set { items, index: 0 }))
}

/// A binary set operator.
#[derive(Clone, Copy)]
enum Op {
    Or,
    And,
    Sub,
    Xor,
}

/// The binary operators take only sets; the result has the left operand's base type. A
/// reflected operator (`__ror__`) computes `other op self`.
fn binary<const F: bool>(
    vm: &mut Vm,
    args: Args,
    name: &str,
    op: Op,
    reflected: bool,
) -> PyResult<Value> {
    let (v, body, rest) = this::<F>(vm, &args, name, Sig::Slot(1))?;
    let Some(other_body) = body_of(&rest[0]) else {
        return Ok(not_implemented());
    };
    let (left, left_body, right) = if reflected {
        (&rest[0], other_body, v)
    } else {
        (v, body, &rest[0])
    };
    let frozen = matches!(left_body, Body::Frozen(_));
    let right = std::slice::from_ref(right);
    let table = match op {
        Op::Or => return union_of(vm, left, left_body, frozen, right),
        Op::And => intersection_of(vm, left, left_body, right)?,
        Op::Sub => difference_of(vm, left_body, right)?,
        Op::Xor => symmetric_of(vm, left_body, &right[0])?,
    };
    Ok(wrap(frozen, table))
}

fn or<const F: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    binary::<F>(vm, args, "__or__", Op::Or, false)
}

fn and<const F: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    binary::<F>(vm, args, "__and__", Op::And, false)
}

fn sub<const F: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    binary::<F>(vm, args, "__sub__", Op::Sub, false)
}

fn xor<const F: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    binary::<F>(vm, args, "__xor__", Op::Xor, false)
}

fn ror<const F: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    binary::<F>(vm, args, "__ror__", Op::Or, true)
}

fn rand<const F: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    binary::<F>(vm, args, "__rand__", Op::And, true)
}

fn rsub<const F: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    binary::<F>(vm, args, "__rsub__", Op::Sub, true)
}

fn rxor<const F: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    binary::<F>(vm, args, "__rxor__", Op::Xor, true)
}

/// The comparisons: equality and the subset/superset orders; anything but a set is
/// NotImplemented.
fn compare<const F: bool>(vm: &mut Vm, args: Args, name: &str) -> PyResult<Value> {
    let (_, body, rest) = this::<F>(vm, &args, name, Sig::Slot(1))?;
    let Some(other_body) = body_of(&rest[0]) else {
        return Ok(not_implemented());
    };
    let a = snapshot(vm, body)?;
    let b = snapshot(vm, other_body)?;
    let r = match name {
        "__eq__" => a.len() == b.len() && subset(vm, &a, &b)?,
        "__ne__" => !(a.len() == b.len() && subset(vm, &a, &b)?),
        "__le__" => subset(vm, &a, &b)?,
        "__lt__" => a.len() < b.len() && subset(vm, &a, &b)?,
        "__ge__" => subset(vm, &b, &a)?,
        _ => a.len() > b.len() && subset(vm, &b, &a)?,
    };
    Ok(Value::Bool(r))
}

fn eq<const F: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare::<F>(vm, args, "__eq__")
}

fn ne<const F: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare::<F>(vm, args, "__ne__")
}

fn le<const F: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare::<F>(vm, args, "__le__")
}

fn lt<const F: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare::<F>(vm, args, "__lt__")
}

fn ge<const F: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare::<F>(vm, args, "__ge__")
}

fn gt<const F: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare::<F>(vm, args, "__gt__")
}

/// `{1, 2}` for an exact set; `frozenset({1, 2})`, `MySet({1, 2})`, `set()` otherwise.
fn repr<const F: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (v, body, _) = this::<F>(vm, &args, "__repr__", Sig::Slot(0))?;
    if let Some(r) = vm_repr(vm, v)? {
        return Ok(r);
    }
    let name = type_name(v, vm);
    let items: Vec<Value> = with_table(vm, body, |t| t.iter().cloned().collect())?;
    if items.is_empty() {
        return Ok(Value::str(format!("{name}()")));
    }
    let Some(_guard) = ReprGuard::enter(v) else {
        return Ok(Value::str(format!("{name}(...)")));
    };
    let body_text = format!("{{{}}}", repr_join(vm, &items)?);
    let exact_set = !F && v.as_obj().is_some_and(|o| o.class.is_none());
    Ok(Value::str(if exact_set {
        body_text
    } else {
        format!("{name}({body_text})")
    }))
}

/// `hash(frozenset)`: computed on an exact frozenset with the same keys, so a subclass's own
/// `__hash__` is not called again.
fn hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, body, _) = this::<FROZEN>(vm, &args, "__hash__", Sig::Slot(0))?;
    let plain = wrap(FROZEN, snapshot(vm, body)?);
    Ok(Value::Int(vm.hash(&plain)?))
}
