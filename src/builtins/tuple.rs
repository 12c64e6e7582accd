//! `tuple`: its constructor (`tuple(iterable)`, honouring subclasses such as
//! `class Point(tuple)`) and methods. The dunders work on the payload directly, so a subclass
//! reaches them through `super()`.

use std::sync::Arc;

use super::list::{
    ReprGuard, Sig, count_equal, find, make, new_class, not_implemented, receiver, repeat,
    repeat_count, repr_join, search_bounds, select, seq_compare, seq_index, vm_repr,
    wrong_receiver,
};
use super::{add_method, add_methods};
use crate::compile::bytecode::CompareOp;
use crate::object::gil_cell::Gil;
use crate::object::number::hash_tuple;
use crate::object::typeobj::{BuiltinTypes, types};
use crate::object::value::{Args, IterState, NativeKind, Payload, Value};
use crate::vm::Vm;
use crate::vm::containers::norm_index;
use crate::vm::eval::type_name;
use crate::vm::exceptions::{PyResult, index_error, type_error, value_error};
use crate::vm::protocol::new_iter;

pub fn install(t: &BuiltinTypes, gil: &Gil) {
    let tu = &t.tuple;
    add_method(gil, tu, "__new__", tuple_new, NativeKind::StaticMethod);
    add_methods(
        gil,
        tu,
        &[
            ("count", count),
            ("index", index),
            ("__getitem__", getitem),
            ("__len__", len),
            ("__add__", add),
            ("__mul__", mul),
            ("__rmul__", rmul),
            ("__contains__", contains),
            ("__iter__", iter),
            ("__hash__", hash),
            ("__eq__", eq),
            ("__ne__", ne),
            ("__lt__", lt),
            ("__le__", le),
            ("__gt__", gt),
            ("__ge__", ge),
            ("__repr__", repr),
            ("__getnewargs__", getnewargs),
        ],
    );
}

fn items_of(v: &Value) -> Option<&[Value]> {
    match v.payload() {
        Some(Payload::Tuple(t)) => Some(t),
        _ => None,
    }
}

/// The tuple a method was called on, with its remaining arguments.
fn this<'a>(
    vm: &Vm,
    args: &Args<'a>,
    name: &str,
    sig: Sig,
) -> PyResult<(&'a Value, &'a [Value], &'a [Value])> {
    let (v, rest) = receiver(vm, args, &types().tuple, name, sig)?;
    match items_of(v) {
        Some(items) => Ok((v, items, rest)),
        None => Err(wrong_receiver(
            vm,
            v,
            "tuple",
            name,
            matches!(sig, Sig::Slot(_)),
        )),
    }
}

fn is_exact_tuple(v: &Value) -> bool {
    matches!(v, Value::Obj(o) if o.class.is_none() && matches!(o.payload, Payload::Tuple(_)))
}

/// `tuple.__new__(cls, iterable=())`.
fn tuple_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let owner = &types().tuple;
    let (cls, rest) = new_class(vm, &args, owner)?;
    if args.has_kwargs() {
        return Err(type_error("tuple() takes no keyword arguments"));
    }
    if rest.len() > 1 {
        return Err(type_error(format!(
            "tuple expected at most 1 argument, got {}",
            rest.len()
        )));
    }
    let exact = Arc::ptr_eq(&cls, owner);
    let items = match rest.first() {
        // `tuple(t)` of an exact tuple is `t` itself, as in CPython.
        Some(v) if exact && is_exact_tuple(v) => return Ok(v.clone()),
        Some(v) => vm.iterate(v)?,
        None => Vec::new(),
    };
    Ok(make(&cls, owner, Payload::Tuple(items.into())))
}

fn count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, items, rest) = this(vm, &args, "count", Sig::One)?;
    let get = |_: &Vm, i: usize| items.get(i).cloned();
    Ok(Value::Int(count_equal(vm, &get, &rest[0])? as i64))
}

fn index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, items, rest) = this(vm, &args, "index", Sig::Var)?;
    if rest.is_empty() {
        return Err(type_error("index expected at least 1 argument, got 0"));
    }
    if rest.len() > 3 {
        return Err(type_error(format!(
            "index expected at most 3 arguments, got {}",
            rest.len()
        )));
    }
    let (start, stop) = search_bounds(vm, rest, items.len())?;
    let get = |_: &Vm, i: usize| items.get(i).cloned();
    match find(vm, &get, &rest[0], start, stop)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(value_error("tuple.index(x): x not in tuple")),
    }
}

fn getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (v, items, rest) = this(vm, &args, "__getitem__", Sig::Slot(1))?;
    let key = &rest[0];
    if let Some(Payload::Slice(..)) = key.payload() {
        let idx = vm.slice_indices(key, items.len())?;
        if is_exact_tuple(v) && idx.2 == 1 && idx.3 == items.len() {
            return Ok(v.clone());
        }
        return Ok(Value::tuple(select(items, idx)));
    }
    let i = seq_index(vm, key, "tuple")?;
    match norm_index(i, items.len()) {
        Some(ix) => Ok(items[ix].clone()),
        None => Err(index_error("tuple index out of range")),
    }
}

fn len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, items, _) = this(vm, &args, "__len__", Sig::Slot(0))?;
    Ok(Value::Int(items.len() as i64))
}

fn add(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, items, rest) = this(vm, &args, "__add__", Sig::Slot(1))?;
    let Some(other) = items_of(&rest[0]) else {
        return Err(type_error(format!(
            "can only concatenate tuple (not \"{}\") to tuple",
            type_name(&rest[0], vm)
        )));
    };
    let mut out = items.to_vec();
    out.extend_from_slice(other);
    Ok(Value::tuple(out))
}

fn mul(vm: &mut Vm, args: Args) -> PyResult<Value> {
    repeated(vm, args, "__mul__")
}

fn rmul(vm: &mut Vm, args: Args) -> PyResult<Value> {
    repeated(vm, args, "__rmul__")
}

fn repeated(vm: &mut Vm, args: Args, name: &str) -> PyResult<Value> {
    let (v, items, rest) = this(vm, &args, name, Sig::Slot(1))?;
    let n = repeat_count(vm, &rest[0])?;
    if n == 1 && is_exact_tuple(v) {
        return Ok(v.clone());
    }
    Ok(Value::tuple(repeat(items, n)?))
}

fn contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, items, rest) = this(vm, &args, "__contains__", Sig::Slot(1))?;
    let get = |_: &Vm, i: usize| items.get(i).cloned();
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

fn hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, items, _) = this(vm, &args, "__hash__", Sig::Slot(0))?;
    let mut hashes = Vec::with_capacity(items.len());
    for it in items {
        hashes.push(vm.hash(it)?);
    }
    Ok(Value::Int(hash_tuple(&hashes)))
}

fn compare(vm: &mut Vm, args: Args, name: &str, op: CompareOp) -> PyResult<Value> {
    let (_, items, rest) = this(vm, &args, name, Sig::Slot(1))?;
    let Some(other) = items_of(&rest[0]) else {
        return Ok(not_implemented());
    };
    Ok(Value::Bool(seq_compare(vm, op, items, other)?))
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
    let (v, items, _) = this(vm, &args, "__repr__", Sig::Slot(0))?;
    if let Some(r) = vm_repr(vm, v)? {
        return Ok(r);
    }
    if items.is_empty() {
        return Ok(Value::str("()"));
    }
    let Some(_guard) = ReprGuard::enter(v) else {
        return Ok(Value::str("(...)"));
    };
    let body = repr_join(vm, items)?;
    Ok(Value::str(if items.len() == 1 {
        format!("({body},)")
    } else {
        format!("({body})")
    }))
}

/// `t.__getnewargs__()`: `(tuple(t),)`, what copying and pickling a subclass instance use.
fn getnewargs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, items, _) = this(vm, &args, "__getnewargs__", Sig::NoArgs)?;
    Ok(Value::tuple(vec![Value::tuple(items.to_vec())]))
}
