//! The constructors of the builtin iterator types: `enumerate`, `zip` (with `strict=`), `map`,
//! `filter` and `reversed`. Stepping them is the Vm's (`IterState`); `__next__`/`__iter__` are
//! installed with the other iterator methods.

use super::add_method;
use super::list::new_class;
use super::range::reversed_range;
use crate::object::gil_cell::Gil;
use crate::object::typeobj::{BuiltinTypes, type_of, types};
use crate::object::value::{Args, IterState, NativeKind, Payload, Value};
use crate::vm::Vm;
use crate::vm::eval::type_name;
use crate::vm::exceptions::{PyResult, type_error};
use crate::vm::ops::as_int;
use crate::vm::protocol::new_iter;

pub fn install(t: &BuiltinTypes, gil: &Gil) {
    add_method(
        gil,
        &t.enumerate,
        "__new__",
        enumerate_new,
        NativeKind::StaticMethod,
    );
    add_method(gil, &t.zip, "__new__", zip_new, NativeKind::StaticMethod);
    add_method(gil, &t.map, "__new__", map_new, NativeKind::StaticMethod);
    add_method(
        gil,
        &t.filter,
        "__new__",
        filter_new,
        NativeKind::StaticMethod,
    );
    add_method(
        gil,
        &t.reversed,
        "__new__",
        reversed_new,
        NativeKind::StaticMethod,
    );
}

/// `enumerate(iterable, start=0)`, with the argument checks CPython's fast path makes.
fn enumerate_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, rest) = new_class(vm, &args, &types().enumerate)?;
    let (iterable, start) = enumerate_args(rest, &args)?;
    let iter = vm.get_iter(iterable)?;
    let count = match start {
        None => Value::Int(0),
        Some(s) => start_count(vm, s)?,
    };
    Ok(new_iter(IterState::Enumerate { iter, count }))
}

/// The iterable and start of `enumerate`, given by position or by name.
fn enumerate_args<'a>(
    pos: &'a [Value],
    args: &Args<'a>,
) -> PyResult<(&'a Value, Option<&'a Value>)> {
    let (names, values) = (args.kw_names, args.kw_values);
    let check = |i: usize, want: &str| {
        let got = names[i].as_str().unwrap_or("");
        if got == want {
            Ok(())
        } else {
            Err(type_error(format!(
                "'{got}' is an invalid keyword argument for enumerate()"
            )))
        }
    };
    let total = pos.len() + names.len();
    match (total, names.len()) {
        (2, 0) => Ok((&pos[0], Some(&pos[1]))),
        (2, 1) => {
            check(0, "start")?;
            Ok((&pos[0], Some(&values[0])))
        }
        (2, _) => {
            if names[0].as_str() == Some("start") {
                check(1, "iterable")?;
                return Ok((&values[1], Some(&values[0])));
            }
            check(0, "iterable")?;
            check(1, "start")?;
            Ok((&values[0], Some(&values[1])))
        }
        (1, 1) => {
            check(0, "iterable")?;
            Ok((&values[0], None))
        }
        (1, _) => Ok((&pos[0], None)),
        _ if pos.is_empty() => Err(type_error(
            "enumerate() missing required argument 'iterable'",
        )),
        _ => Err(type_error(format!(
            "enumerate() takes at most 2 arguments ({total} given)"
        ))),
    }
}

/// `enumerate`'s start: any int (kept as an int, however large), or an `__index__` result.
fn start_count(vm: &mut Vm, s: &Value) -> PyResult<Value> {
    if let Some(i) = as_int(s) {
        return Ok(Value::int(i.to_big()));
    }
    if let Some(m) = vm.lookup_special(type_of(s), "__index__") {
        let r = vm.call_special(&m, s, &[])?;
        if let Some(i) = as_int(&r) {
            return Ok(Value::int(i.to_big()));
        }
    }
    Err(type_error(format!(
        "'{}' object cannot be interpreted as an integer",
        type_name(s, vm)
    )))
}

/// `zip(*iterables, strict=False)`.
fn zip_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, rest) = new_class(vm, &args, &types().zip)?;
    let mut strict = false;
    for (k, v) in args.kw_names.iter().zip(args.kw_values) {
        match k.as_str().unwrap_or("") {
            "strict" => strict = vm.is_true(v)?,
            other => {
                return Err(type_error(format!(
                    "'{other}' is an invalid keyword argument for zip()"
                )));
            }
        }
    }
    let mut iters = Vec::with_capacity(rest.len());
    for it in rest {
        iters.push(vm.get_iter(it)?);
    }
    Ok(new_iter(IterState::Zip { iters, strict }))
}

/// `map(func, *iterables)`.
fn map_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, rest) = new_class(vm, &args, &types().map)?;
    if args.has_kwargs() {
        return Err(type_error("map() takes no keyword arguments"));
    }
    let Some((func, iterables)) = rest.split_first().filter(|(_, r)| !r.is_empty()) else {
        return Err(type_error("map() must have at least two arguments."));
    };
    let mut iters = Vec::with_capacity(iterables.len());
    for it in iterables {
        iters.push(vm.get_iter(it)?);
    }
    Ok(new_iter(IterState::Map {
        func: func.clone(),
        iters,
    }))
}

/// `filter(function_or_None, iterable)`.
fn filter_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, rest) = new_class(vm, &args, &types().filter)?;
    if args.has_kwargs() {
        return Err(type_error("filter() takes no keyword arguments"));
    }
    let [func, iterable] = rest else {
        return Err(type_error(format!(
            "filter expected 2 arguments, got {}",
            rest.len()
        )));
    };
    let iter = vm.get_iter(iterable)?;
    Ok(new_iter(IterState::Filter {
        func: func.clone(),
        iter,
    }))
}

/// `reversed(seq)`: the sequence's `__reversed__` when its type has one (list, range, dict and
/// its views, or a class's own), else `len()` and indexing from the end — for sequences only
/// (dicts and sets are not reversible that way).
fn reversed_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, rest) = new_class(vm, &args, &types().reversed)?;
    if args.has_kwargs() {
        return Err(type_error("reversed() takes no keyword arguments"));
    }
    let [seq] = rest else {
        return Err(type_error(format!(
            "reversed expected 1 argument, got {}",
            rest.len()
        )));
    };
    let t = type_of(seq).clone();
    if let Some(m) = vm.lookup_special_any(&t, "__reversed__") {
        if m.is_none() {
            return Err(not_reversible(vm, seq));
        }
        if let Some(Payload::Range(r)) = seq.payload() {
            return Ok(reversed_range(r));
        }
        return vm.call_special(&m, seq, &[]);
    }
    if !is_sequence(vm, seq) {
        return Err(not_reversible(vm, seq));
    }
    let n = vm.len(seq)?;
    Ok(new_iter(IterState::Reversed {
        seq: seq.clone(),
        index: n as i64 - 1,
    }))
}

/// Does the value support indexing by position (CPython's `PySequence_Check`): a builtin
/// sequence payload, or a class with `__getitem__` that is not a dict?
fn is_sequence(vm: &Vm, v: &Value) -> bool {
    match v.payload() {
        Some(Payload::Dict(_)) => false,
        Some(
            Payload::Str(_)
            | Payload::Tuple(_)
            | Payload::List(_)
            | Payload::Bytes(_)
            | Payload::ByteArray(_)
            | Payload::Range(_),
        ) => true,
        _ => vm.lookup_special(type_of(v), "__getitem__").is_some(),
    }
}

fn not_reversible(vm: &Vm, v: &Value) -> crate::vm::exceptions::PyErr {
    type_error(format!("'{}' object is not reversible", type_name(v, vm)))
}
