//! `dict` (constructor, `fromkeys`, methods, dunders) and the methods of its views
//! `dict_keys`, `dict_values` and `dict_items`. Their operators (`keys() & other`, view
//! comparisons, `len`, iteration, `in`) are native in the Vm; what is here also serves explicit
//! calls, `super()` from subclasses and `reversed()`.
//!
//! `dict.update` and the constructor store into the payload directly, as CPython does, so a
//! subclass's `__setitem__` is not called by them; `fromkeys` on a subclass does call it.

use super::list::{
    ReprGuard, Sig, arity, make, new_class, not_implemented, receiver, vm_repr, wrong_receiver,
};
use super::{add_method, add_methods, set_type_attr};
use crate::object::dict::Dict;
use crate::object::gil_cell::{Gil, GilCell};
use crate::object::typeobj::{BuiltinTypes, ExcType, type_of, types};
use crate::object::value::{
    Args, DictViewKind, IterState, NativeFn, NativeKind, ObjRef, Payload, Value,
};
use crate::vm::Vm;
use crate::vm::exceptions::{PyErr, PyResult, key_error, type_error, value_error};
use crate::vm::protocol::new_iter;

pub fn install(t: &BuiltinTypes, gil: &Gil) {
    let d = &t.dict;
    add_method(gil, d, "__new__", dict_new, NativeKind::StaticMethod);
    add_method(gil, d, "fromkeys", fromkeys, NativeKind::ClassMethod);
    add_methods(
        gil,
        d,
        &[
            ("__init__", dict_init),
            ("keys", keys),
            ("values", values),
            ("items", items),
            ("get", get),
            ("setdefault", setdefault),
            ("pop", pop),
            ("popitem", popitem),
            ("update", update),
            ("copy", copy),
            ("clear", clear),
            ("__getitem__", getitem),
            ("__setitem__", setitem),
            ("__delitem__", delitem),
            ("__contains__", contains),
            ("__len__", len),
            ("__iter__", iter),
            ("__eq__", eq),
            ("__ne__", ne),
            ("__or__", or),
            ("__ror__", ror),
            ("__ior__", ior),
            ("__repr__", repr),
            ("__reversed__", reversed),
        ],
    );
    set_type_attr(gil, d, "__hash__", Value::None);
    add_methods(
        gil,
        &t.dict_keys,
        &[
            ("__len__", view_len::<KEYS>),
            ("__iter__", view_iter::<KEYS>),
            ("__contains__", view_contains::<KEYS>),
            ("__reversed__", view_reversed::<KEYS>),
            ("isdisjoint", view_isdisjoint::<KEYS>),
        ],
    );
    add_methods(gil, &t.dict_keys, &set_like::<KEYS>());
    add_methods(
        gil,
        &t.dict_values,
        &[
            ("__len__", view_len::<VALUES>),
            ("__iter__", view_iter::<VALUES>),
            ("__reversed__", view_reversed::<VALUES>),
        ],
    );
    add_methods(
        gil,
        &t.dict_items,
        &[
            ("__len__", view_len::<ITEMS>),
            ("__iter__", view_iter::<ITEMS>),
            ("__contains__", view_contains::<ITEMS>),
            ("__reversed__", view_reversed::<ITEMS>),
            ("isdisjoint", view_isdisjoint::<ITEMS>),
        ],
    );
    add_methods(gil, &t.dict_items, &set_like::<ITEMS>());
}

fn cell_of(d: &ObjRef) -> Option<&GilCell<Dict>> {
    match &d.payload {
        Payload::Dict(c) => Some(c),
        _ => None,
    }
}

fn dict_obj(v: &Value) -> Option<&ObjRef> {
    match v {
        Value::Obj(o) if matches!(o.payload, Payload::Dict(_)) => Some(o),
        _ => None,
    }
}

/// The dict a method was called on, with its remaining arguments.
fn this<'a>(
    vm: &Vm,
    args: &Args<'a>,
    name: &str,
    sig: Sig,
) -> PyResult<(&'a Value, &'a ObjRef, &'a [Value])> {
    let (v, rest) = receiver(vm, args, &types().dict, name, sig)?;
    match dict_obj(v) {
        Some(d) => Ok((v, d, rest)),
        None => Err(wrong_receiver(
            vm,
            v,
            "dict",
            name,
            matches!(sig, Sig::Slot(_)),
        )),
    }
}

/// The entries of a dict (a snapshot, so Python code may run while they are used).
fn entries(vm: &Vm, d: &ObjRef) -> Vec<(Value, Value)> {
    cell_of(d)
        .and_then(|c| c.try_borrow(&vm.gil).ok())
        .map(|t| t.iter().map(|e| (e.key.clone(), e.value.clone())).collect())
        .unwrap_or_default()
}

fn dict_len(vm: &Vm, d: &ObjRef) -> usize {
    cell_of(d)
        .and_then(|c| c.try_borrow(&vm.gil).ok())
        .map_or(0, |t| t.len())
}

fn busy() -> PyErr {
    PyErr::new(
        ExcType::RuntimeError,
        "dictionary changed size during iteration",
    )
}

/// A new, empty, exact dict.
fn new_dict() -> (Value, ObjRef) {
    let obj = crate::object::value::new_dict_obj(Dict::new());
    (Value::Obj(obj.clone()), obj)
}

// ---- building and updating ----

/// `d.update(arg)`: a dict, a mapping (anything with `keys()`), or an iterable of pairs.
fn update_from(vm: &mut Vm, d: &ObjRef, arg: &Value) -> PyResult<()> {
    if let Some(src) = dict_obj(arg) {
        // A subclass that iterates its own way is read through `keys()`, as CPython does.
        let own_iter = src.class.is_some() && vm.lookup_special(type_of(arg), "__iter__").is_some();
        if !own_iter {
            for (k, v) in entries(vm, src) {
                vm.dict_set(d, k, v)?;
            }
            return Ok(());
        }
    }
    let keys = match vm.get_attr(arg, &Value::str("keys")) {
        Ok(k) => Some(k),
        Err(e) if e.matches(ExcType::AttributeError) => None,
        Err(e) => return Err(e),
    };
    match keys {
        Some(keys) => {
            let ks = vm.call(&keys, Args::positional(&[]))?;
            for k in vm.iterate(&ks)? {
                let v = vm.get_item(arg, &k)?;
                vm.dict_set(d, k, v)?;
            }
            Ok(())
        }
        None => update_from_pairs(vm, d, arg),
    }
}

/// `dict([(k, v), …])`: every element must be an iterable of exactly two items.
fn update_from_pairs(vm: &mut Vm, d: &ObjRef, arg: &Value) -> PyResult<()> {
    let it = vm.get_iter(arg)?;
    let mut i = 0usize;
    while let Some(elem) = vm.next(&it)? {
        let pair = match elem.payload() {
            Some(Payload::Tuple(t)) if elem.as_obj().is_some_and(|o| o.class.is_none()) => {
                t.to_vec()
            }
            _ => {
                let inner = vm.get_iter(&elem).map_err(|e| {
                    if e.matches(ExcType::TypeError) {
                        type_error(format!(
                            "cannot convert dictionary update sequence element #{i} to a sequence"
                        ))
                    } else {
                        e
                    }
                })?;
                let mut items = Vec::with_capacity(2);
                while let Some(x) = vm.next(&inner)? {
                    items.push(x);
                }
                items
            }
        };
        let [k, v] = <[Value; 2]>::try_from(pair).map_err(|p| {
            value_error(format!(
                "dictionary update sequence element #{i} has length {}; 2 is required",
                p.len()
            ))
        })?;
        vm.dict_set(d, k, v)?;
        i += 1;
    }
    Ok(())
}

/// `dict(arg, **kw)` / `d.update(arg, **kw)`.
fn update_common(vm: &mut Vm, d: &ObjRef, arg: Option<&Value>, args: &Args) -> PyResult<()> {
    if let Some(arg) = arg {
        update_from(vm, d, arg)?;
    }
    for (k, v) in args.kw_names.iter().zip(args.kw_values) {
        vm.dict_set(d, k.clone(), v.clone())?;
    }
    Ok(())
}

/// `dict.__new__(cls, *args, **kw)`: an empty dict (`__init__` fills it).
fn dict_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let owner = &types().dict;
    let (cls, _) = new_class(vm, &args, owner)?;
    Ok(make(&cls, owner, Payload::Dict(GilCell::new(Dict::new()))))
}

/// `dict.__init__(self, mapping_or_pairs=(), **kw)`: adds to what is there.
fn dict_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, d, rest) = this(vm, &args, "__init__", Sig::SlotKw)?;
    if rest.len() > 1 {
        return Err(type_error(format!(
            "dict expected at most 1 argument, got {}",
            rest.len()
        )));
    }
    update_common(vm, d, rest.first(), &args)?;
    Ok(Value::None)
}

fn update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, d, rest) = this(vm, &args, "update", Sig::Kw)?;
    if rest.len() > 1 {
        return Err(type_error(format!(
            "update expected at most 1 argument, got {}",
            rest.len()
        )));
    }
    update_common(vm, d, rest.first(), &args)?;
    Ok(Value::None)
}

/// `cls.fromkeys(iterable, value=None)`: `cls()` filled through `__setitem__` (directly for
/// an exact dict).
fn fromkeys(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some((cls, rest)) = args.pos.split_first() else {
        return Err(type_error(
            "descriptor 'fromkeys' of 'dict' object needs an argument",
        ));
    };
    if args.has_kwargs() {
        return Err(type_error("dict.fromkeys() takes no keyword arguments"));
    }
    arity("fromkeys", rest, 1, 2)?;
    let value = rest.get(1).cloned().unwrap_or(Value::None);
    let d = vm.call(cls, Args::positional(&[]))?;
    let exact =
        matches!(&d, Value::Obj(o) if o.class.is_none() && matches!(o.payload, Payload::Dict(_)));
    let it = vm.get_iter(&rest[0])?;
    while let Some(key) = vm.next(&it)? {
        match (exact, &d) {
            (true, Value::Obj(o)) => vm.dict_set(o, key, value.clone())?,
            _ => vm.set_item(&d, key, value.clone())?,
        }
    }
    Ok(d)
}

// ---- methods ----

fn view(vm: &mut Vm, args: Args, name: &str, kind: DictViewKind) -> PyResult<Value> {
    let (_, d, _) = this(vm, &args, name, Sig::NoArgs)?;
    Ok(Value::obj(Payload::DictView(kind, d.clone())))
}

fn keys(vm: &mut Vm, args: Args) -> PyResult<Value> {
    view(vm, args, "keys", DictViewKind::Keys)
}

fn values(vm: &mut Vm, args: Args) -> PyResult<Value> {
    view(vm, args, "values", DictViewKind::Values)
}

fn items(vm: &mut Vm, args: Args) -> PyResult<Value> {
    view(vm, args, "items", DictViewKind::Items)
}

fn get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, d, rest) = this(vm, &args, "get", Sig::Var)?;
    arity("get", rest, 1, 2)?;
    match vm.dict_get(d, &rest[0])? {
        Some(v) => Ok(v),
        None => Ok(rest.get(1).cloned().unwrap_or(Value::None)),
    }
}

fn setdefault(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, d, rest) = this(vm, &args, "setdefault", Sig::Var)?;
    arity("setdefault", rest, 1, 2)?;
    if let Some(v) = vm.dict_get(d, &rest[0])? {
        return Ok(v);
    }
    let default = rest.get(1).cloned().unwrap_or(Value::None);
    vm.dict_set(d, rest[0].clone(), default.clone())?;
    Ok(default)
}

fn pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, d, rest) = this(vm, &args, "pop", Sig::Var)?;
    arity("pop", rest, 1, 2)?;
    match vm.dict_remove(d, &rest[0])? {
        Some(v) => Ok(v),
        None => match rest.get(1) {
            Some(default) => Ok(default.clone()),
            None => Err(key_error(rest[0].clone())),
        },
    }
}

fn popitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, d, _) = this(vm, &args, "popitem", Sig::NoArgs)?;
    let Some(cell) = cell_of(d) else {
        return Err(busy());
    };
    let last = cell.try_borrow_mut(&vm.gil).map_err(|_| busy())?.pop_last();
    match last {
        Some(e) => Ok(Value::tuple(vec![e.key, e.value])),
        None => Err(key_error(Value::str("popitem(): dictionary is empty"))),
    }
}

fn copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, d, _) = this(vm, &args, "copy", Sig::NoArgs)?;
    let table = cell_of(d)
        .and_then(|c| c.try_borrow(&vm.gil).ok())
        .map(|t| t.clone())
        .ok_or_else(busy)?;
    Ok(Value::dict(table))
}

fn clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, d, _) = this(vm, &args, "clear", Sig::NoArgs)?;
    if let Some(cell) = cell_of(d) {
        cell.try_borrow_mut(&vm.gil).map_err(|_| busy())?.clear();
    }
    Ok(Value::None)
}

// ---- dunders ----

/// `d[key]`: a subclass's `__missing__` answers for absent keys.
fn getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (v, d, rest) = this(vm, &args, "__getitem__", Sig::One)?;
    let key = &rest[0];
    if let Some(found) = vm.dict_get(d, key)? {
        return Ok(found);
    }
    if d.class.is_some()
        && let Some(m) = vm.lookup_special(type_of(v), "__missing__")
    {
        return vm.call_special(&m, v, std::slice::from_ref(key));
    }
    Err(key_error(key.clone()))
}

fn setitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, d, rest) = this(vm, &args, "__setitem__", Sig::Slot(2))?;
    vm.dict_set(d, rest[0].clone(), rest[1].clone())?;
    Ok(Value::None)
}

fn delitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, d, rest) = this(vm, &args, "__delitem__", Sig::Slot(1))?;
    match vm.dict_remove(d, &rest[0])? {
        Some(_) => Ok(Value::None),
        None => Err(key_error(rest[0].clone())),
    }
}

fn contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, d, rest) = this(vm, &args, "__contains__", Sig::One)?;
    Ok(Value::Bool(vm.dict_get(d, &rest[0])?.is_some()))
}

fn len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, d, _) = this(vm, &args, "__len__", Sig::Slot(0))?;
    Ok(Value::Int(dict_len(vm, d) as i64))
}

fn dict_iter(vm: &Vm, d: &ObjRef, kind: DictViewKind) -> Value {
    new_iter(IterState::Dict {
        dict: d.clone(),
        index: 0,
        kind,
        len: dict_len(vm, d),
    })
}

fn iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, d, _) = this(vm, &args, "__iter__", Sig::Slot(0))?;
    Ok(dict_iter(vm, d, DictViewKind::Keys))
}

/// `a == b` for two dicts: the same keys, each with an equal value.
fn dict_equal(vm: &mut Vm, a: &ObjRef, b: &ObjRef) -> PyResult<bool> {
    let items = entries(vm, a);
    if items.len() != dict_len(vm, b) {
        return Ok(false);
    }
    for (k, v) in items {
        match vm.dict_get(b, &k)? {
            Some(w) if v.is(&w) || vm.eq(&v, &w)? => {}
            _ => return Ok(false),
        }
    }
    Ok(true)
}

fn eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, d, rest) = this(vm, &args, "__eq__", Sig::Slot(1))?;
    match dict_obj(&rest[0]) {
        Some(other) => Ok(Value::Bool(dict_equal(vm, d, other)?)),
        None => Ok(not_implemented()),
    }
}

fn ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, d, rest) = this(vm, &args, "__ne__", Sig::Slot(1))?;
    match dict_obj(&rest[0]) {
        Some(other) => Ok(Value::Bool(!dict_equal(vm, d, other)?)),
        None => Ok(not_implemented()),
    }
}

/// `a | b`: a new (exact) dict with `a`'s items updated by `b`'s.
fn merged(vm: &mut Vm, a: &ObjRef, b: &Value) -> PyResult<Value> {
    let (out, obj) = new_dict();
    for (k, v) in entries(vm, a) {
        vm.dict_set(&obj, k, v)?;
    }
    update_from(vm, &obj, b)?;
    Ok(out)
}

fn or(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, d, rest) = this(vm, &args, "__or__", Sig::Slot(1))?;
    if dict_obj(&rest[0]).is_none() {
        return Ok(not_implemented());
    }
    merged(vm, d, &rest[0])
}

fn ror(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (v, _, rest) = this(vm, &args, "__ror__", Sig::Slot(1))?;
    let Some(other) = dict_obj(&rest[0]) else {
        return Ok(not_implemented());
    };
    merged(vm, other, v)
}

/// `d |= other`: any mapping or iterable of pairs, as `update` takes.
fn ior(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (v, d, rest) = this(vm, &args, "__ior__", Sig::Slot(1))?;
    update_from(vm, d, &rest[0])?;
    Ok(v.clone())
}

fn repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (v, d, _) = this(vm, &args, "__repr__", Sig::Slot(0))?;
    if let Some(r) = vm_repr(vm, v)? {
        return Ok(r);
    }
    let items = entries(vm, d);
    if items.is_empty() {
        return Ok(Value::str("{}"));
    }
    let Some(_guard) = ReprGuard::enter(v) else {
        return Ok(Value::str("{...}"));
    };
    let mut parts = Vec::with_capacity(items.len());
    for (k, val) in &items {
        parts.push(format!("{}: {}", vm.repr(k)?, vm.repr(val)?));
    }
    Ok(Value::str(format!("{{{}}}", parts.join(", "))))
}

/// An iterator over a snapshot of the keys, values or items, last first.
fn reversed_snapshot(vm: &Vm, d: &ObjRef, kind: DictViewKind) -> Value {
    let items: Vec<Value> = entries(vm, d)
        .into_iter()
        .map(|(k, v)| match kind {
            DictViewKind::Keys => k,
            DictViewKind::Values => v,
            DictViewKind::Items => Value::tuple(vec![k, v]),
        })
        .collect();
    let index = items.len() as i64 - 1;
    new_iter(IterState::Reversed {
        seq: Value::tuple(items),
        index,
    })
}

fn reversed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, d, _) = this(vm, &args, "__reversed__", Sig::NoArgs)?;
    Ok(reversed_snapshot(vm, d, DictViewKind::Keys))
}

// ---- views ----

const KEYS: u8 = 0;
const VALUES: u8 = 1;
const ITEMS: u8 = 2;

fn view_kind<const K: u8>() -> (DictViewKind, &'static ObjRef) {
    let t = types();
    match K {
        KEYS => (DictViewKind::Keys, &t.dict_keys),
        VALUES => (DictViewKind::Values, &t.dict_values),
        _ => (DictViewKind::Items, &t.dict_items),
    }
}

/// The dict behind the view a method was called on, with the remaining arguments.
fn view_this<'a, const K: u8>(
    vm: &Vm,
    args: &Args<'a>,
    name: &str,
    sig: Sig,
) -> PyResult<(&'a ObjRef, &'a [Value])> {
    let (kind, owner) = view_kind::<K>();
    let (v, rest) = receiver(vm, args, owner, name, sig)?;
    match v.payload() {
        Some(Payload::DictView(k, d)) if *k == kind => Ok((d, rest)),
        _ => Err(wrong_receiver(
            vm,
            v,
            "dict view",
            name,
            matches!(sig, Sig::Slot(_)),
        )),
    }
}

fn view_len<const K: u8>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (d, _) = view_this::<K>(vm, &args, "__len__", Sig::Slot(0))?;
    Ok(Value::Int(dict_len(vm, d) as i64))
}

fn view_iter<const K: u8>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (d, _) = view_this::<K>(vm, &args, "__iter__", Sig::Slot(0))?;
    Ok(dict_iter(vm, d, view_kind::<K>().0))
}

/// `x in view`: a key lookup for keys, a key lookup plus a value comparison for items.
fn in_view(vm: &mut Vm, d: &ObjRef, kind: DictViewKind, x: &Value) -> PyResult<bool> {
    match kind {
        DictViewKind::Keys => Ok(vm.dict_get(d, x)?.is_some()),
        DictViewKind::Items => {
            let Some([k, v]) = x.as_tuple() else {
                return Ok(false);
            };
            match vm.dict_get(d, k)? {
                Some(found) => Ok(found.is(v) || vm.eq(&found, v)?),
                None => Ok(false),
            }
        }
        DictViewKind::Values => {
            for (_, v) in entries(vm, d) {
                if v.is(x) || vm.eq(&v, x)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}

fn view_contains<const K: u8>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (d, rest) = view_this::<K>(vm, &args, "__contains__", Sig::Slot(1))?;
    Ok(Value::Bool(in_view(vm, d, view_kind::<K>().0, &rest[0])?))
}

fn view_reversed<const K: u8>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (d, _) = view_this::<K>(vm, &args, "__reversed__", Sig::NoArgs)?;
    Ok(reversed_snapshot(vm, d, view_kind::<K>().0))
}

/// `view.isdisjoint(iterable)`: no item of the iterable is in the view.
fn view_isdisjoint<const K: u8>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (d, rest) = view_this::<K>(vm, &args, "isdisjoint", Sig::One)?;
    let kind = view_kind::<K>().0;
    let it = vm.get_iter(&rest[0])?;
    while let Some(x) = vm.next(&it)? {
        if in_view(vm, d, kind, &x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

// ---- keys and items views are set-like ----

/// The comparisons and set operators of keys and items views (found before the Vm's native
/// view operations, so these decide).
fn set_like<const K: u8>() -> Vec<(&'static str, NativeFn)> {
    vec![
        ("__eq__", view_cmp::<K, EQ>),
        ("__ne__", view_cmp::<K, NE>),
        ("__lt__", view_cmp::<K, LT>),
        ("__le__", view_cmp::<K, LE>),
        ("__gt__", view_cmp::<K, GT>),
        ("__ge__", view_cmp::<K, GE>),
        ("__or__", view_op::<K, OR, false>),
        ("__ror__", view_op::<K, OR, true>),
        ("__and__", view_op::<K, AND, false>),
        ("__rand__", view_op::<K, AND, true>),
        ("__sub__", view_op::<K, SUB, false>),
        ("__rsub__", view_op::<K, SUB, true>),
        ("__xor__", view_op::<K, XOR, false>),
        ("__rxor__", view_op::<K, XOR, true>),
    ]
}

const EQ: u8 = 0;
const NE: u8 = 1;
const LT: u8 = 2;
const LE: u8 = 3;
const GT: u8 = 4;
const GE: u8 = 5;

const OR: u8 = 0;
const AND: u8 = 1;
const SUB: u8 = 2;
const XOR: u8 = 3;

const CMP_NAMES: [&str; 6] = ["__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"];
const OP_NAMES: [[&str; 2]; 4] = [
    ["__or__", "__ror__"],
    ["__and__", "__rand__"],
    ["__sub__", "__rsub__"],
    ["__xor__", "__rxor__"],
];

/// A keys or items view (the set-like ones).
fn set_like_view(v: &Value) -> Option<(DictViewKind, &ObjRef)> {
    match v.payload() {
        Some(Payload::DictView(kind, d)) if *kind != DictViewKind::Values => Some((*kind, d)),
        _ => None,
    }
}

/// Is every item of `a` in `b`?
fn all_in(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    let it = vm.get_iter(a)?;
    while let Some(x) = vm.next(&it)? {
        if !vm.contains(b, &x)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// View comparisons: as sets, against sets and other keys or items views.
fn view_cmp<const K: u8, const OP: u8>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let name = CMP_NAMES[usize::from(OP)];
    let (_, rest) = view_this::<K>(vm, &args, name, Sig::Slot(1))?;
    let (me, other) = (&args.pos[0], &rest[0]);
    let is_set = matches!(
        other.payload(),
        Some(Payload::Set(_) | Payload::FrozenSet(_))
    );
    if !is_set && set_like_view(other).is_none() {
        return Ok(not_implemented());
    }
    let (mine, theirs) = (vm.len(me)?, vm.len(other)?);
    let r = match OP {
        EQ => mine == theirs && all_in(vm, me, other)?,
        NE => !(mine == theirs && all_in(vm, me, other)?),
        LT => mine < theirs && all_in(vm, me, other)?,
        LE => mine <= theirs && all_in(vm, me, other)?,
        GT => mine > theirs && all_in(vm, other, me)?,
        _ => mine >= theirs && all_in(vm, other, me)?,
    };
    Ok(Value::Bool(r))
}

/// `set(v)`, from the dict itself for the keys of an exact dict (as CPython does).
fn view_to_set(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let source = match set_like_view(v) {
        Some((DictViewKind::Keys, d)) if d.class.is_none() => Value::Obj(d.clone()),
        _ => v.clone(),
    };
    vm.call(
        &Value::Obj(types().set.clone()),
        Args::positional(&[source]),
    )
}

/// `view & other` (either side may be the view): the items of the smaller operand found in
/// the other, in its order.
fn view_intersection(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let (mut view, mut other) = if set_like_view(a).is_some() {
        (a, b)
    } else {
        (b, a)
    };
    let mine = vm.len(view)?;
    let exact_set =
        matches!(other, Value::Obj(o) if o.class.is_none() && matches!(o.payload, Payload::Set(_)));
    if exact_set && mine <= vm.len(other)? {
        return vm.call_method(other, "intersection", std::slice::from_ref(view));
    }
    if set_like_view(other).is_some() && vm.len(other)? > mine {
        std::mem::swap(&mut view, &mut other);
    }
    let Some((kind, d)) = set_like_view(view) else {
        return Err(type_error("unsupported dict view operation"));
    };
    let result = view_to_set(vm, &Value::tuple(Vec::new()))?;
    let it = vm.get_iter(other)?;
    while let Some(x) = vm.next(&it)? {
        if in_view(vm, d, kind, &x)? {
            vm.call_method(&result, "add", &[x])?;
        }
    }
    Ok(result)
}

/// `view | other`, `view - other`, `view ^ other` and `view & other`, and their reflections:
/// a new set from the left operand, updated with the right one.
fn view_op<const K: u8, const OP: u8, const REFLECTED: bool>(
    vm: &mut Vm,
    args: Args,
) -> PyResult<Value> {
    let name = OP_NAMES[usize::from(OP)][usize::from(REFLECTED)];
    let (_, rest) = view_this::<K>(vm, &args, name, Sig::Slot(1))?;
    let (left, right) = if REFLECTED {
        (&rest[0], &args.pos[0])
    } else {
        (&args.pos[0], &rest[0])
    };
    if OP == AND {
        return view_intersection(vm, left, right);
    }
    let result = view_to_set(vm, left)?;
    let method = match OP {
        OR => "update",
        SUB => "difference_update",
        _ => "symmetric_difference_update",
    };
    vm.call_method(&result, method, std::slice::from_ref(right))?;
    Ok(result)
}
