//! The `_collections` module: `deque`, a double-ended queue with an optional maximum length,
//! and its forward and reverse iterators (the Python `collections` package re-exports it).

use std::cell::RefCell;
use std::collections::VecDeque;
use std::sync::{Arc, OnceLock};

use super::{ModuleInit, set_attr};
use crate::builtins::{add_method, add_methods, set_type_attr};
use crate::compile::bytecode::CompareOp;
use crate::object::dict::Dict;
use crate::object::gil_cell::{Gil, GilCell};
use crate::object::typeobj::{ExcType, Layout, new_type, type_of, types};
use crate::object::value::{
    Args, GetSet, NativeData, NativeKind, ObjRef, Payload, PyObject, Value, new_dict_obj,
    new_instance,
};
use crate::vm::Vm;
use crate::vm::eval::type_name;
use crate::vm::exceptions::{PyErr, PyResult, index_error, runtime_error, type_error, value_error};
use crate::vm::ops::{as_int, index_value};

const _: ModuleInit = init;

/// Fills the `_collections` module.
pub fn init(vm: &mut Vm, m: &ObjRef) -> PyResult<()> {
    set_attr(vm, m, "deque", Value::Obj(deque_type().clone()));
    set_attr(
        vm,
        m,
        "_deque_iterator",
        Value::Obj(iter_type(false).clone()),
    );
    set_attr(
        vm,
        m,
        "_deque_reverse_iterator",
        Value::Obj(iter_type(true).clone()),
    );
    Ok(())
}

/// A deque's contents. `state` changes on every mutation, so iterators notice them.
#[derive(Debug, Default)]
struct DequeData {
    items: VecDeque<Value>,
    maxlen: Option<usize>,
    state: u64,
}

impl DequeData {
    fn push_back(&mut self, v: Value) {
        self.state = self.state.wrapping_add(1);
        if self.maxlen == Some(0) {
            return;
        }
        if Some(self.items.len()) == self.maxlen {
            self.items.pop_front();
        }
        self.items.push_back(v);
    }

    fn push_front(&mut self, v: Value) {
        self.state = self.state.wrapping_add(1);
        if self.maxlen == Some(0) {
            return;
        }
        if Some(self.items.len()) == self.maxlen {
            self.items.pop_back();
        }
        self.items.push_front(v);
    }

    fn touch(&mut self) {
        self.state = self.state.wrapping_add(1);
    }
}

/// The payload of a deque object.
#[derive(Debug)]
struct Deque {
    data: GilCell<DequeData>,
}

impl NativeData for Deque {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// The payload of a deque iterator: the deque, the next position and the state it expects.
#[derive(Debug)]
struct DequeIter {
    deque: Value,
    pos: GilCell<usize>,
    state: u64,
    reverse: bool,
}

impl NativeData for DequeIter {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn native_type(name: &str, with_dict: ObjRef) -> ObjRef {
    let object = types().object.clone();
    new_type(
        name,
        vec![object.clone()],
        vec![object],
        with_dict,
        Layout::Opaque,
        false,
        None,
    )
}

/// The `collections.deque` type.
pub fn deque_type() -> &'static ObjRef {
    static T: OnceLock<ObjRef> = OnceLock::new();
    T.get_or_init(|| {
        let t = native_type("deque", new_dict_obj(Dict::new()));
        let gil = unsafe { Gil::assume_held() };
        add_method(&gil, &t, "__new__", deque_new, NativeKind::StaticMethod);
        add_methods(&gil, &t, DEQUE_METHODS);
        let maxlen = Value::obj(Payload::GetSet(GetSet {
            name: "maxlen",
            get: get_maxlen,
            set: None,
            owner: Some(t.clone()),
        }));
        set_type_attr(&gil, &t, "maxlen", maxlen);
        set_type_attr(&gil, &t, "__hash__", Value::None);
        set_type_attr(&gil, &t, "__module__", Value::str("collections"));
        set_type_attr(
            &gil,
            &t,
            "__doc__",
            Value::str("A list-like sequence optimized for data accesses near its endpoints."),
        );
        t
    })
}

const DEQUE_METHODS: &[(&str, crate::object::value::NativeFn)] = &[
    ("__init__", deque_init),
    ("append", append),
    ("appendleft", appendleft),
    ("pop", pop),
    ("popleft", popleft),
    ("extend", extend),
    ("extendleft", extendleft),
    ("rotate", rotate),
    ("clear", clear),
    ("copy", copy),
    ("__copy__", copy),
    ("count", count),
    ("index", index),
    ("insert", insert),
    ("remove", remove),
    ("reverse", reverse),
    ("__len__", len),
    ("__bool__", bool_),
    ("__iter__", iter),
    ("__reversed__", reversed),
    ("__getitem__", getitem),
    ("__setitem__", setitem),
    ("__delitem__", delitem),
    ("__contains__", contains),
    ("__repr__", repr),
    ("__eq__", eq),
    ("__ne__", ne),
    ("__lt__", lt),
    ("__le__", le),
    ("__gt__", gt),
    ("__ge__", ge),
    ("__add__", add),
    ("__iadd__", iadd),
    ("__mul__", mul),
    ("__rmul__", mul),
    ("__imul__", imul),
    ("__reduce__", reduce),
];

/// `_collections._deque_iterator` / `_deque_reverse_iterator`.
fn iter_type(reverse: bool) -> &'static ObjRef {
    static FWD: OnceLock<ObjRef> = OnceLock::new();
    static REV: OnceLock<ObjRef> = OnceLock::new();
    let cell = if reverse { &REV } else { &FWD };
    cell.get_or_init(|| {
        let name = if reverse {
            "_deque_reverse_iterator"
        } else {
            "_deque_iterator"
        };
        let t = native_type(name, new_dict_obj(Dict::new()));
        let gil = unsafe { Gil::assume_held() };
        add_methods(
            &gil,
            &t,
            &[("__next__", iter_next), ("__iter__", iter_self)],
        );
        set_type_attr(&gil, &t, "__module__", Value::str("_collections"));
        t
    })
}

fn deque_of(v: &Value) -> Option<&Deque> {
    match v.payload()? {
        Payload::Native(n) => n.as_any().downcast_ref::<Deque>(),
        _ => None,
    }
}

/// `self` of a deque method, with CPython's complaint when it is something else.
fn this<'a>(vm: &Vm, args: &Args<'a>, method: &str) -> PyResult<(&'a Value, &'a Deque)> {
    let Some(s) = args.pos.first() else {
        return Err(type_error(format!(
            "descriptor '{method}' of 'collections.deque' object needs an argument"
        )));
    };
    match deque_of(s) {
        Some(d) => Ok((s, d)),
        None => Err(type_error(format!(
            "descriptor '{method}' for 'collections.deque' objects doesn't apply to a '{}' object",
            type_name(s, vm)
        ))),
    }
}

/// The arguments after `self`.
fn rest<'a>(args: &Args<'a>) -> Args<'a> {
    Args {
        pos: args.pos.get(1..).unwrap_or(&[]),
        ..*args
    }
}

/// Exactly `n` arguments after `self`: `deque.append() takes exactly one argument (0 given)`.
fn exact<'a>(args: &Args<'a>, method: &str, n: usize) -> PyResult<&'a [Value]> {
    let r = rest(args);
    r.no_kwargs(&format!("deque.{method}"))?;
    if r.pos.len() == n {
        return Ok(r.pos);
    }
    let what = match n {
        0 => "no arguments".to_string(),
        1 => "exactly one argument".to_string(),
        _ => format!("exactly {n} arguments"),
    };
    Err(type_error(format!(
        "deque.{method}() takes {what} ({} given)",
        r.pos.len()
    )))
}

fn snapshot(vm: &Vm, d: &Deque) -> (Vec<Value>, u64) {
    let data = d.data.borrow(&vm.gil);
    (data.items.iter().cloned().collect(), data.state)
}

fn mutated(vm: &Vm, d: &Deque, state: u64) -> bool {
    d.data.borrow(&vm.gil).state != state
}

fn new_deque_value(class: Option<ObjRef>, items: VecDeque<Value>, maxlen: Option<usize>) -> Value {
    let payload = Payload::Native(Box::new(Deque {
        data: GilCell::new(DequeData {
            items,
            maxlen,
            state: 0,
        }),
    }));
    match class {
        Some(c) if !Arc::ptr_eq(&c, deque_type()) => new_instance(c, payload, true),
        _ => Value::Obj(Arc::new(PyObject {
            class: Some(deque_type().clone()),
            dict: None,
            payload,
        })),
    }
}

fn deque_new(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = match args.pos.first() {
        Some(Value::Obj(o)) if matches!(o.payload, Payload::Type(_)) => o.clone(),
        _ => return Err(type_error("deque.__new__(X): X is not a type object")),
    };
    Ok(new_deque_value(Some(cls), VecDeque::new(), None))
}

fn parse_maxlen(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<usize>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => {
            if as_int(v).is_none() && vm.lookup_special(type_of(v), "__index__").is_none() {
                return Err(type_error("an integer is required"));
            }
            let n = index_value(vm, v)?;
            if n < 0 {
                return Err(value_error("maxlen must be non-negative"));
            }
            Ok(Some(n as usize))
        }
    }
}

fn deque_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, d) = this(vm, &args, "__init__")?;
    let r = rest(&args);
    for k in r.kw_names {
        let k = k.as_str().unwrap_or("");
        if k != "iterable" && k != "maxlen" {
            return Err(type_error(format!(
                "'{k}' is an invalid keyword argument for deque()"
            )));
        }
    }
    let bound = r.bind("deque", &["iterable", "maxlen"], 0)?;
    let maxlen = parse_maxlen(vm, bound[1].as_ref())?;
    {
        let mut data = d.data.borrow_mut(&vm.gil);
        data.maxlen = maxlen;
        data.items.clear();
        data.touch();
    }
    if let Some(it) = &bound[0] {
        extend_from(vm, s, d, it, false)?;
    }
    Ok(Value::None)
}

fn get_maxlen(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let gil = unsafe { Gil::assume_held() };
    match deque_of(v) {
        Some(d) => Ok(match d.data.borrow(&gil).maxlen {
            Some(n) => Value::Int(n as i64),
            None => Value::None,
        }),
        None => Err(type_error("descriptor 'maxlen' needs a deque")),
    }
}

fn append(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, d) = this(vm, &args, "append")?;
    let v = exact(&args, "append", 1)?[0].clone();
    d.data.borrow_mut(&vm.gil).push_back(v);
    Ok(Value::None)
}

fn appendleft(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, d) = this(vm, &args, "appendleft")?;
    let v = exact(&args, "appendleft", 1)?[0].clone();
    d.data.borrow_mut(&vm.gil).push_front(v);
    Ok(Value::None)
}

fn pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, d) = this(vm, &args, "pop")?;
    exact(&args, "pop", 0)?;
    let mut data = d.data.borrow_mut(&vm.gil);
    data.touch();
    data.items
        .pop_back()
        .ok_or_else(|| index_error("pop from an empty deque"))
}

fn popleft(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, d) = this(vm, &args, "popleft")?;
    exact(&args, "popleft", 0)?;
    let mut data = d.data.borrow_mut(&vm.gil);
    data.touch();
    data.items
        .pop_front()
        .ok_or_else(|| index_error("pop from an empty deque"))
}

/// Appends every item of `iterable` (on the left, reversing, for `extendleft`). The items are
/// pulled one at a time, so an iterator that looks at the deque sees it grow.
fn extend_from(vm: &mut Vm, s: &Value, d: &Deque, iterable: &Value, left: bool) -> PyResult<()> {
    if iterable.is(s) {
        let (items, _) = snapshot(vm, d);
        let mut data = d.data.borrow_mut(&vm.gil);
        for v in items {
            if left {
                data.push_front(v);
            } else {
                data.push_back(v);
            }
        }
        return Ok(());
    }
    let it = vm.get_iter(iterable)?;
    while let Some(v) = vm.next(&it)? {
        let mut data = d.data.borrow_mut(&vm.gil);
        if left {
            data.push_front(v);
        } else {
            data.push_back(v);
        }
    }
    Ok(())
}

fn extend(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, d) = this(vm, &args, "extend")?;
    let it = exact(&args, "extend", 1)?[0].clone();
    extend_from(vm, s, d, &it, false)?;
    Ok(Value::None)
}

fn extendleft(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, d) = this(vm, &args, "extendleft")?;
    let it = exact(&args, "extendleft", 1)?[0].clone();
    extend_from(vm, s, d, &it, true)?;
    Ok(Value::None)
}

fn rotate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, d) = this(vm, &args, "rotate")?;
    let r = rest(&args);
    r.no_kwargs("deque.rotate")?;
    let n = match r.pos {
        [] => 1,
        [n] => index_value(vm, n)?,
        _ => {
            return Err(type_error(format!(
                "rotate expected at most 1 argument, got {}",
                r.pos.len()
            )));
        }
    };
    let mut data = d.data.borrow_mut(&vm.gil);
    let len = data.items.len();
    if len > 1 {
        let k = n.rem_euclid(len as i64) as usize;
        data.items.rotate_right(k);
    }
    data.touch();
    Ok(Value::None)
}

fn clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, d) = this(vm, &args, "clear")?;
    exact(&args, "clear", 0)?;
    // Drop the items after releasing the borrow: their destructors may run Python code later.
    let old = {
        let mut data = d.data.borrow_mut(&vm.gil);
        data.touch();
        std::mem::take(&mut data.items)
    };
    drop(old);
    Ok(Value::None)
}

/// A shallow copy of the same class: subclasses are called as `type(d)(d)` or
/// `type(d)(d, maxlen)`, the way CPython copies them.
fn copy_of(vm: &mut Vm, s: &Value, d: &Deque) -> PyResult<Value> {
    let t = type_of(s).clone();
    let (items, maxlen) = {
        let data = d.data.borrow(&vm.gil);
        (data.items.clone(), data.maxlen)
    };
    if Arc::ptr_eq(&t, deque_type()) {
        return Ok(new_deque_value(None, items, maxlen));
    }
    let cls = Value::Obj(t);
    match maxlen {
        Some(m) => vm.call(&cls, Args::positional(&[s.clone(), Value::Int(m as i64)])),
        None => vm.call(&cls, Args::positional(std::slice::from_ref(s))),
    }
}

fn copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, d) = this(vm, &args, "copy")?;
    exact(&args, "copy", 0)?;
    copy_of(vm, s, d)
}

fn count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, d) = this(vm, &args, "count")?;
    let x = exact(&args, "count", 1)?[0].clone();
    let (items, state) = snapshot(vm, d);
    let mut n = 0;
    for v in &items {
        if vm.eq(v, &x)? {
            n += 1;
        }
        if mutated(vm, d, state) {
            return Err(runtime_error("deque mutated during iteration"));
        }
    }
    Ok(Value::Int(n))
}

/// Clamps a `start`/`stop` argument of `index` the way sequence slices do.
fn clamp_bound(vm: &mut Vm, v: &Value, len: usize) -> PyResult<usize> {
    let i = index_value(vm, v)?;
    let len = len as i64;
    let i = if i < 0 { (i + len).max(0) } else { i.min(len) };
    Ok(i as usize)
}

fn index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, d) = this(vm, &args, "index")?;
    let r = rest(&args);
    r.no_kwargs("index")?;
    if r.pos.is_empty() {
        return Err(type_error("index() takes at least 1 argument (0 given)"));
    }
    if r.pos.len() > 3 {
        return Err(type_error(format!(
            "index expected at most 3 arguments, got {}",
            r.pos.len()
        )));
    }
    let x = r.pos[0].clone();
    let (items, state) = snapshot(vm, d);
    let start = match r.pos.get(1) {
        Some(v) => clamp_bound(vm, v, items.len())?,
        None => 0,
    };
    let stop = match r.pos.get(2) {
        Some(v) => clamp_bound(vm, v, items.len())?,
        None => items.len(),
    };
    for (i, v) in items.iter().enumerate().take(stop).skip(start) {
        if vm.eq(v, &x)? {
            return Ok(Value::Int(i as i64));
        }
        if mutated(vm, d, state) {
            return Err(runtime_error("deque mutated during iteration"));
        }
    }
    let shown = vm.repr(&x)?;
    Err(value_error(format!("{shown} is not in deque")))
}

fn insert(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, d) = this(vm, &args, "insert")?;
    let r = rest(&args);
    r.no_kwargs("insert")?;
    let [i, x] = r.pos else {
        return Err(type_error(format!(
            "insert() takes exactly 2 arguments ({} given)",
            r.pos.len()
        )));
    };
    let i = index_value(vm, i)?;
    let mut data = d.data.borrow_mut(&vm.gil);
    if Some(data.items.len()) == data.maxlen {
        return Err(index_error("deque already at its maximum size"));
    }
    let len = data.items.len() as i64;
    let at = if i < 0 { (i + len).max(0) } else { i.min(len) };
    data.items.insert(at as usize, x.clone());
    data.touch();
    Ok(Value::None)
}

fn remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, d) = this(vm, &args, "remove")?;
    let x = exact(&args, "remove", 1)?[0].clone();
    let (items, state) = snapshot(vm, d);
    for (i, v) in items.iter().enumerate() {
        let found = vm.eq(v, &x)?;
        if mutated(vm, d, state) {
            return Err(index_error("deque mutated during remove()."));
        }
        if found {
            let removed = {
                let mut data = d.data.borrow_mut(&vm.gil);
                data.touch();
                data.items.remove(i)
            };
            drop(removed);
            return Ok(Value::None);
        }
    }
    let shown = vm.repr(&x)?;
    Err(value_error(format!("{shown} is not in deque")))
}

fn reverse(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, d) = this(vm, &args, "reverse")?;
    exact(&args, "reverse", 0)?;
    let mut data = d.data.borrow_mut(&vm.gil);
    data.items.make_contiguous().reverse();
    data.touch();
    Ok(Value::None)
}

fn len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, d) = this(vm, &args, "__len__")?;
    Ok(Value::Int(d.data.borrow(&vm.gil).items.len() as i64))
}

fn bool_(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, d) = this(vm, &args, "__bool__")?;
    Ok(Value::Bool(!d.data.borrow(&vm.gil).items.is_empty()))
}

fn new_iter(vm: &Vm, s: &Value, d: &Deque, reverse: bool) -> Value {
    let state = d.data.borrow(&vm.gil).state;
    Value::Obj(Arc::new(PyObject {
        class: Some(iter_type(reverse).clone()),
        dict: None,
        payload: Payload::Native(Box::new(DequeIter {
            deque: s.clone(),
            pos: GilCell::new(0),
            state,
            reverse,
        })),
    }))
}

fn iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, d) = this(vm, &args, "__iter__")?;
    Ok(new_iter(vm, s, d, false))
}

fn reversed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, d) = this(vm, &args, "__reversed__")?;
    Ok(new_iter(vm, s, d, true))
}

fn iter_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let it = args
        .pos
        .first()
        .and_then(|v| match v.payload() {
            Some(Payload::Native(n)) => n.as_any().downcast_ref::<DequeIter>(),
            _ => None,
        })
        .ok_or_else(|| type_error("descriptor '__next__' needs a deque iterator"))?;
    let Some(d) = deque_of(&it.deque) else {
        return Err(PyErr::with_args(ExcType::StopIteration, vec![]));
    };
    let data = d.data.borrow(&vm.gil);
    if data.state != it.state {
        return Err(runtime_error("deque mutated during iteration"));
    }
    let mut pos = it.pos.borrow_mut(&vm.gil);
    let len = data.items.len();
    if *pos >= len {
        return Err(PyErr::with_args(ExcType::StopIteration, vec![]));
    }
    let i = if it.reverse { len - 1 - *pos } else { *pos };
    *pos += 1;
    Ok(data.items[i].clone())
}

fn iter_self(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.pos
        .first()
        .cloned()
        .ok_or_else(|| type_error("descriptor '__iter__' needs an argument"))
}

/// A position argument: an int (or an object with `__index__`), normalised against `len`.
fn position(vm: &mut Vm, key: &Value, len: usize) -> PyResult<usize> {
    if as_int(key).is_none() && vm.lookup_special(type_of(key), "__index__").is_none() {
        return Err(type_error(format!(
            "sequence index must be integer, not '{}'",
            type_name(key, vm)
        )));
    }
    let i = index_value(vm, key)?;
    let n = len as i64;
    let i = if i < 0 { i + n } else { i };
    if i < 0 || i >= n {
        return Err(index_error("deque index out of range"));
    }
    Ok(i as usize)
}

fn getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, d) = this(vm, &args, "__getitem__")?;
    let key = exact(&args, "__getitem__", 1)?[0].clone();
    let len = d.data.borrow(&vm.gil).items.len();
    let i = position(vm, &key, len)?;
    let data = d.data.borrow(&vm.gil);
    data.items
        .get(i)
        .cloned()
        .ok_or_else(|| index_error("deque index out of range"))
}

fn setitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, d) = this(vm, &args, "__setitem__")?;
    let [key, v] = exact(&args, "__setitem__", 2)? else {
        return Err(type_error("__setitem__ expects 2 arguments"));
    };
    let len = d.data.borrow(&vm.gil).items.len();
    let i = position(vm, key, len)?;
    let old = {
        let mut data = d.data.borrow_mut(&vm.gil);
        match data.items.get_mut(i) {
            Some(slot) => std::mem::replace(slot, v.clone()),
            None => return Err(index_error("deque index out of range")),
        }
    };
    drop(old);
    Ok(Value::None)
}

fn delitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, d) = this(vm, &args, "__delitem__")?;
    let key = exact(&args, "__delitem__", 1)?[0].clone();
    let len = d.data.borrow(&vm.gil).items.len();
    let i = position(vm, &key, len)?;
    let old = {
        let mut data = d.data.borrow_mut(&vm.gil);
        data.touch();
        data.items.remove(i)
    };
    drop(old);
    Ok(Value::None)
}

fn contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, d) = this(vm, &args, "__contains__")?;
    let x = exact(&args, "__contains__", 1)?[0].clone();
    let (items, state) = snapshot(vm, d);
    for v in &items {
        if vm.eq(v, &x)? {
            return Ok(Value::Bool(true));
        }
        if mutated(vm, d, state) {
            return Err(runtime_error("deque mutated during iteration"));
        }
    }
    Ok(Value::Bool(false))
}

thread_local! {
    /// Deques whose repr is being built on this thread, for `[...]` on self-reference.
    static REPR_STACK: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

fn repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, d) = this(vm, &args, "__repr__")?;
    let id = s.id();
    if REPR_STACK.with(|r| r.borrow().contains(&id)) {
        return Ok(Value::str("[...]"));
    }
    REPR_STACK.with(|r| r.borrow_mut().push(id));
    let body = repr_body(vm, s, d);
    REPR_STACK.with(|r| {
        let mut r = r.borrow_mut();
        if let Some(p) = r.iter().rposition(|x| *x == id) {
            r.remove(p);
        }
    });
    Ok(Value::str(body?))
}

fn repr_body(vm: &mut Vm, s: &Value, d: &Deque) -> PyResult<String> {
    let (items, _) = snapshot(vm, d);
    let maxlen = d.data.borrow(&vm.gil).maxlen;
    let mut parts = Vec::with_capacity(items.len());
    for v in &items {
        parts.push(vm.repr(v)?);
    }
    let name = crate::object::typeobj::type_data(type_of(s)).name(&vm.gil);
    Ok(match maxlen {
        Some(m) => format!("{name}([{}], maxlen={m})", parts.join(", ")),
        None => format!("{name}([{}])", parts.join(", ")),
    })
}

/// Rich comparison of two deques, element by element like lists; `NotImplemented` when the
/// other operand is not a deque.
fn compare(vm: &mut Vm, args: Args, op: CompareOp, method: &str) -> PyResult<Value> {
    let (_, d) = this(vm, &args, method)?;
    let other = exact(&args, method, 1)?[0].clone();
    let Some(o) = deque_of(&other) else {
        return Ok(crate::vm::singletons().not_implemented.clone());
    };
    let (a, _) = snapshot(vm, d);
    let (b, _) = snapshot(vm, o);
    let mut i = 0;
    while i < a.len() && i < b.len() {
        if !vm.eq(&a[i], &b[i])? {
            break;
        }
        i += 1;
    }
    if i < a.len() && i < b.len() {
        return match op {
            CompareOp::Eq => Ok(Value::Bool(false)),
            CompareOp::Ne => Ok(Value::Bool(true)),
            _ => vm.compare(op, &a[i], &b[i]),
        };
    }
    Ok(Value::Bool(crate::vm::ops::cmp_holds(
        op,
        a.len().cmp(&b.len()),
    )))
}

fn eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, CompareOp::Eq, "__eq__")
}

fn ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, CompareOp::Ne, "__ne__")
}

fn lt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, CompareOp::Lt, "__lt__")
}

fn le(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, CompareOp::Le, "__le__")
}

fn gt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, CompareOp::Gt, "__gt__")
}

fn ge(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, CompareOp::Ge, "__ge__")
}

fn add(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, d) = this(vm, &args, "__add__")?;
    let other = exact(&args, "__add__", 1)?[0].clone();
    if deque_of(&other).is_none() {
        return Err(type_error(format!(
            "can only concatenate deque (not \"{}\") to deque",
            type_name(&other, vm)
        )));
    }
    let out = copy_of(vm, s, d)?;
    let Some(od) = deque_of(&out) else {
        return Ok(out);
    };
    extend_from(vm, &out, od, &other, false)?;
    Ok(out)
}

fn iadd(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, d) = this(vm, &args, "__iadd__")?;
    let other = exact(&args, "__iadd__", 1)?[0].clone();
    extend_from(vm, s, d, &other, false)?;
    Ok(s.clone())
}

/// Repeats the contents in place `n` times; only the last `maxlen` items survive.
fn repeat_in_place(vm: &mut Vm, d: &Deque, n: &Value) -> PyResult<()> {
    let n = index_value(vm, n)?;
    let (items, _) = snapshot(vm, d);
    let mut data = d.data.borrow_mut(&vm.gil);
    data.items.clear();
    data.touch();
    for _ in 0..n.max(0) {
        for v in &items {
            data.push_back(v.clone());
        }
    }
    Ok(())
}

fn mul(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, d) = this(vm, &args, "__mul__")?;
    let n = exact(&args, "__mul__", 1)?[0].clone();
    if as_int(&n).is_none() && vm.lookup_special(type_of(&n), "__index__").is_none() {
        return Ok(crate::vm::singletons().not_implemented.clone());
    }
    let out = copy_of(vm, s, d)?;
    if let Some(od) = deque_of(&out) {
        repeat_in_place(vm, od, &n)?;
    }
    Ok(out)
}

fn imul(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, d) = this(vm, &args, "__imul__")?;
    let n = exact(&args, "__imul__", 1)?[0].clone();
    if as_int(&n).is_none() && vm.lookup_special(type_of(&n), "__index__").is_none() {
        return Ok(crate::vm::singletons().not_implemented.clone());
    }
    repeat_in_place(vm, d, &n)?;
    Ok(s.clone())
}

/// `(type(d), (), state, iter(d))`, or `(type(d), ((), maxlen), …)`: what `copy` and
/// `pickle` rebuild a deque from.
fn reduce(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, d) = this(vm, &args, "__reduce__")?;
    exact(&args, "__reduce__", 0)?;
    let maxlen = d.data.borrow(&vm.gil).maxlen;
    let ctor_args = match maxlen {
        Some(m) => Value::tuple(vec![Value::tuple(vec![]), Value::Int(m as i64)]),
        None => Value::tuple(vec![]),
    };
    let state = match s.as_obj().and_then(|o| o.dict.clone()) {
        Some(dict) if vm.len(&Value::Obj(dict.clone()))? > 0 => Value::Obj(dict),
        _ => Value::None,
    };
    Ok(Value::tuple(vec![
        Value::Obj(type_of(s).clone()),
        ctor_args,
        state,
        new_iter(vm, s, d, false),
    ]))
}
