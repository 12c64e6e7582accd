//! The `itertools` module: lazy iterators as native types (`count`, `cycle`, `repeat`,
//! `accumulate`, `chain`, `compress`, `dropwhile`, `takewhile`, `filterfalse`, `groupby`,
//! `islice`, `starmap`, `tee`, `zip_longest`, `product`, `permutations`, `combinations`,
//! `combinations_with_replacement`, `pairwise`). Each keeps its state in a `GilCell` and never
//! holds a borrow of it while calling back into Python (`next()` of the underlying iterator,
//! a predicate, `==`), so re-entrant use cannot panic.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, OnceLock};

use num_traits::{Signed, ToPrimitive};

use super::math_module::{exact_args, int_arg};
use super::operator::{add_new, add_type_methods, native_type, new_class_arg, new_native, this};
use super::{ModuleInit, set_attr};
use crate::builtins::add_method;
use crate::compile::bytecode::BinaryOp;
use crate::object::gil_cell::{Gil, GilCell};
use crate::object::typeobj::{ExcType, Layout, type_data, type_of};
use crate::object::value::{Args, NativeData, NativeFn, NativeKind, ObjRef, Payload, Value};
use crate::vm::Vm;
use crate::vm::exceptions::{PyErr, PyResult, runtime_error, type_error, value_error};
use crate::vm::ops::as_bigint;

const _: ModuleInit = init;

// ---- shared machinery ----------------------------------------------------------------------

/// The end of an iterator.
fn stop() -> PyErr {
    PyErr::with_args(ExcType::StopIteration, vec![])
}

/// The value or the end of the iteration.
fn next_or_stop(v: Option<Value>) -> PyResult<Value> {
    v.ok_or_else(stop)
}

/// Binds arguments the way `PyArg_ParseTupleAndKeywords` reports errors: `f() takes at most
/// 2 arguments (3 given)`, `'x' is an invalid keyword argument for f()`.
fn parse_kw(
    args: &Args,
    fname: &str,
    names: &[&str],
    required: usize,
) -> PyResult<Vec<Option<Value>>> {
    let given = args.pos.len() + args.kw_names.len();
    if given > names.len() {
        return Err(type_error(format!(
            "{fname}() takes at most {} argument{} ({given} given)",
            names.len(),
            if names.len() == 1 { "" } else { "s" }
        )));
    }
    let mut out: Vec<Option<Value>> = args.pos.iter().cloned().map(Some).collect();
    out.resize(names.len(), None);
    for (k, v) in args.kw_names.iter().zip(args.kw_values) {
        let k = k.as_str().unwrap_or("");
        match names.iter().position(|n| *n == k) {
            Some(i) if out[i].is_some() => {
                return Err(type_error(format!(
                    "argument for {fname}() given by name ('{k}') and position ({})",
                    i + 1
                )));
            }
            Some(i) => out[i] = Some(v.clone()),
            None => {
                return Err(type_error(format!(
                    "'{k}' is an invalid keyword argument for {fname}()"
                )));
            }
        }
    }
    for (i, slot) in out.iter().enumerate().take(required) {
        if slot.is_none() {
            return Err(type_error(format!(
                "{fname}() missing required argument '{}' (pos {})",
                names[i],
                i + 1
            )));
        }
    }
    Ok(out)
}

/// The arguments of a constructor, without the class.
fn ctor_args<'a>(args: &Args<'a>) -> Args<'a> {
    Args {
        pos: args.pos.get(1..).unwrap_or(&[]),
        ..*args
    }
}

/// Positional arguments only, exactly `n` of them.
fn exact<'a>(args: &Args<'a>, name: &str, n: usize) -> PyResult<&'a [Value]> {
    exact_args(args, name, name, n)
}

fn iter_self(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.pos
        .first()
        .cloned()
        .ok_or_else(|| type_error("descriptor '__iter__' needs an argument"))
}

/// A native iterator type `itertools.<name>`.
fn iter_type(
    name: &str,
    new: Option<NativeFn>,
    next: NativeFn,
    extra: &[(&'static str, NativeFn)],
) -> ObjRef {
    let t = native_type(name, "itertools", None, Layout::Opaque, true, false);
    if let Some(new) = new {
        add_new(&t, new);
    }
    add_type_methods(&t, &[("__iter__", iter_self), ("__next__", next)]);
    add_type_methods(&t, extra);
    t
}

/// Declares `fn $getter() -> &'static ObjRef` creating the type once.
macro_rules! iterator_type {
    ($getter:ident, $name:literal, $new:expr, $next:expr, [$($extra:expr),* $(,)?]) => {
        fn $getter() -> &'static ObjRef {
            static T: OnceLock<ObjRef> = OnceLock::new();
            T.get_or_init(|| iter_type($name, $new, $next, &[$($extra),*]))
        }
    };
}

/// Creates the instance for a constructor called with class `args.pos[0]`.
fn construct(vm: &Vm, args: &Args, t: &'static ObjRef, data: impl NativeData) -> PyResult<Value> {
    let cls = new_class_arg(vm, args, t)?;
    Ok(new_native(t, &cls, data))
}

macro_rules! native_data {
    ($($t:ty),* $(,)?) => {
        $(
            impl NativeData for $t {
                fn as_any(&self) -> &dyn std::any::Any {
                    self
                }
            }
        )*
    };
}

/// Does a value support the number protocol, as `count()` requires?
fn is_number(vm: &Vm, v: &Value) -> bool {
    match v {
        Value::Int(_) | Value::Bool(_) | Value::Float(_) => true,
        _ => {
            matches!(v.payload(), Some(Payload::Int(_) | Payload::Float(_)))
                || ["__index__", "__int__", "__float__", "__complex__"]
                    .iter()
                    .any(|m| vm.lookup_special(type_of(v), m).is_some())
        }
    }
}

// ---- count ---------------------------------------------------------------------------------

#[derive(Debug)]
struct Count {
    current: GilCell<Value>,
    step: Value,
}

iterator_type!(
    count_type,
    "count",
    Some(count_new),
    count_next,
    [("__repr__", count_repr)]
);

fn count_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = parse_kw(&ctor_args(&args), "count", &["start", "step"], 0)?;
    let start = a[0].clone().unwrap_or(Value::Int(0));
    let step = a[1].clone().unwrap_or(Value::Int(1));
    if !is_number(vm, &start) || !is_number(vm, &step) {
        return Err(type_error("a number is required"));
    }
    let data = Count {
        current: GilCell::new(start),
        step,
    };
    construct(vm, &args, count_type(), data)
}

fn count_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c: &Count = this(&args, "itertools.count")?;
    let current = c.current.borrow(&vm.gil).clone();
    let next = vm.binary_op(BinaryOp::Add, &current, &c.step)?;
    *c.current.borrow_mut(&vm.gil) = next;
    Ok(current)
}

fn count_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c: &Count = this(&args, "itertools.count")?;
    let current = c.current.borrow(&vm.gil).clone();
    let start = vm.repr(&current)?;
    let step_is_one = matches!(&c.step, Value::Int(1) | Value::Bool(true));
    if step_is_one {
        return Ok(Value::str(format!("count({start})")));
    }
    let step = vm.repr(&c.step)?;
    Ok(Value::str(format!("count({start}, {step})")))
}

// ---- cycle ---------------------------------------------------------------------------------

#[derive(Debug)]
struct Cycle {
    it: Value,
    state: GilCell<CycleState>,
}

#[derive(Debug)]
struct CycleState {
    saved: Vec<Value>,
    index: usize,
    first_pass: bool,
}

iterator_type!(cycle_type, "cycle", Some(cycle_new), cycle_next, []);

fn cycle_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let rest = ctor_args(&args);
    let a = exact(&rest, "cycle", 1)?;
    let it = vm.get_iter(&a[0])?;
    let state = CycleState {
        saved: Vec::new(),
        index: 0,
        first_pass: true,
    };
    construct(
        vm,
        &args,
        cycle_type(),
        Cycle {
            it,
            state: GilCell::new(state),
        },
    )
}

fn cycle_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c: &Cycle = this(&args, "itertools.cycle")?;
    if c.state.borrow(&vm.gil).first_pass {
        if let Some(x) = vm.next(&c.it)? {
            c.state.borrow_mut(&vm.gil).saved.push(x.clone());
            return Ok(x);
        }
        c.state.borrow_mut(&vm.gil).first_pass = false;
    }
    let mut st = c.state.borrow_mut(&vm.gil);
    if st.saved.is_empty() {
        return Err(stop());
    }
    let x = st.saved[st.index].clone();
    st.index = (st.index + 1) % st.saved.len();
    Ok(x)
}

// ---- repeat --------------------------------------------------------------------------------

#[derive(Debug)]
struct Repeat {
    object: Value,
    /// `None`: forever.
    remaining: GilCell<Option<i64>>,
}

iterator_type!(
    repeat_type,
    "repeat",
    Some(repeat_new),
    repeat_next,
    [
        ("__repr__", repeat_repr),
        ("__length_hint__", repeat_length_hint)
    ]
);

/// A `Py_ssize_t` argument: an int that fits, else `OverflowError`.
fn ssize_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    int_arg(vm, v)?.to_i64().ok_or_else(|| {
        PyErr::new(
            ExcType::OverflowError,
            "Python int too large to convert to C ssize_t",
        )
    })
}

fn repeat_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = parse_kw(&ctor_args(&args), "repeat", &["object", "times"], 1)?;
    let object = a[0].clone().unwrap_or(Value::None);
    let remaining = match &a[1] {
        None => None,
        Some(t) => Some(ssize_arg(vm, t)?.max(0)),
    };
    let data = Repeat {
        object,
        remaining: GilCell::new(remaining),
    };
    construct(vm, &args, repeat_type(), data)
}

fn repeat_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r: &Repeat = this(&args, "itertools.repeat")?;
    let mut remaining = r.remaining.borrow_mut(&vm.gil);
    match remaining.as_mut() {
        None => Ok(r.object.clone()),
        Some(0) => Err(stop()),
        Some(n) => {
            *n -= 1;
            Ok(r.object.clone())
        }
    }
}

fn repeat_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r: &Repeat = this(&args, "itertools.repeat")?;
    let remaining = *r.remaining.borrow(&vm.gil);
    let object = vm.repr(&r.object)?;
    Ok(Value::str(match remaining {
        None => format!("repeat({object})"),
        Some(n) => format!("repeat({object}, {n})"),
    }))
}

fn repeat_length_hint(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r: &Repeat = this(&args, "itertools.repeat")?;
    match *r.remaining.borrow(&vm.gil) {
        None => Err(type_error("len() of unsized object")),
        Some(n) => Ok(Value::Int(n)),
    }
}

// ---- accumulate ----------------------------------------------------------------------------

#[derive(Debug)]
struct Accumulate {
    it: Value,
    func: Option<Value>,
    state: GilCell<AccumulateState>,
}

#[derive(Debug)]
struct AccumulateState {
    total: Option<Value>,
    initial: Option<Value>,
}

iterator_type!(
    accumulate_type,
    "accumulate",
    Some(accumulate_new),
    accumulate_next,
    []
);

fn accumulate_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let rest = ctor_args(&args);
    if rest.pos.len() > 2 {
        return Err(type_error(format!(
            "accumulate() takes at most 2 positional arguments ({} given)",
            rest.pos.len()
        )));
    }
    let a = parse_kw(&rest, "accumulate", &["iterable", "func", "initial"], 1)?;
    let it = vm.get_iter(a[0].as_ref().unwrap_or(&Value::None))?;
    let func = a[1].clone().filter(|f| !f.is_none());
    let initial = a[2].clone().filter(|i| !i.is_none());
    let state = AccumulateState {
        total: None,
        initial,
    };
    let data = Accumulate {
        it,
        func,
        state: GilCell::new(state),
    };
    construct(vm, &args, accumulate_type(), data)
}

fn accumulate_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a: &Accumulate = this(&args, "itertools.accumulate")?;
    let (initial, total) = {
        let mut st = a.state.borrow_mut(&vm.gil);
        (st.initial.take(), st.total.clone())
    };
    if let Some(first) = initial {
        a.state.borrow_mut(&vm.gil).total = Some(first.clone());
        return Ok(first);
    }
    let x = next_or_stop(vm.next(&a.it)?)?;
    let new_total = match (total, &a.func) {
        (None, _) => x,
        (Some(t), None) => vm.binary_op(BinaryOp::Add, &t, &x)?,
        (Some(t), Some(f)) => vm.call(f, Args::positional(&[t, x]))?,
    };
    a.state.borrow_mut(&vm.gil).total = Some(new_total.clone());
    Ok(new_total)
}

// ---- chain ---------------------------------------------------------------------------------

#[derive(Debug)]
struct Chain {
    /// An iterator over the iterables.
    sources: Value,
    state: GilCell<ChainState>,
}

#[derive(Debug, Default)]
struct ChainState {
    active: Option<Value>,
    done: bool,
}

fn chain_type() -> &'static ObjRef {
    static T: OnceLock<ObjRef> = OnceLock::new();
    T.get_or_init(|| {
        let t = iter_type("chain", Some(chain_new), chain_next, &[]);
        let gil = unsafe { Gil::assume_held() };
        add_method(
            &gil,
            &t,
            "from_iterable",
            chain_from_iterable,
            NativeKind::ClassMethod,
        );
        t
    })
}

fn chain_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.has_kwargs() {
        return Err(type_error("chain() takes no keyword arguments"));
    }
    let sources = vm.get_iter(&Value::tuple(ctor_args(&args).pos.to_vec()))?;
    let data = Chain {
        sources,
        state: GilCell::new(ChainState::default()),
    };
    construct(vm, &args, chain_type(), data)
}

fn chain_from_iterable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let rest = ctor_args(&args);
    let v = rest.one("from_iterable")?;
    let sources = vm.get_iter(v)?;
    let data = Chain {
        sources,
        state: GilCell::new(ChainState::default()),
    };
    construct(vm, &args, chain_type(), data)
}

fn chain_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c: &Chain = this(&args, "itertools.chain")?;
    loop {
        let (active, done) = {
            let st = c.state.borrow(&vm.gil);
            (st.active.clone(), st.done)
        };
        if done {
            return Err(stop());
        }
        let Some(active) = active else {
            match vm.next(&c.sources)? {
                Some(iterable) => {
                    let it = vm.get_iter(&iterable)?;
                    c.state.borrow_mut(&vm.gil).active = Some(it);
                }
                None => {
                    c.state.borrow_mut(&vm.gil).done = true;
                    return Err(stop());
                }
            }
            continue;
        };
        if let Some(x) = vm.next(&active)? {
            return Ok(x);
        }
        c.state.borrow_mut(&vm.gil).active = None;
    }
}

// ---- compress, dropwhile, takewhile, filterfalse, starmap, pairwise -------------------------

#[derive(Debug)]
struct Compress {
    data: Value,
    selectors: Value,
}

iterator_type!(
    compress_type,
    "compress",
    Some(compress_new),
    compress_next,
    []
);

fn compress_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = ctor_args(&args).bind("compress", &["data", "selectors"], 2)?;
    let data = vm.get_iter(a[0].as_ref().unwrap_or(&Value::None))?;
    let selectors = vm.get_iter(a[1].as_ref().unwrap_or(&Value::None))?;
    construct(vm, &args, compress_type(), Compress { data, selectors })
}

fn compress_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c: &Compress = this(&args, "itertools.compress")?;
    loop {
        let d = next_or_stop(vm.next(&c.data)?)?;
        let s = next_or_stop(vm.next(&c.selectors)?)?;
        if vm.is_true(&s)? {
            return Ok(d);
        }
    }
}

/// A predicate and an iterator, with a flag (dropping / stopped).
#[derive(Debug)]
struct PredicateIter {
    predicate: Value,
    it: Value,
    flag: GilCell<bool>,
}

fn predicate_parts(vm: &mut Vm, args: &Args, name: &str) -> PyResult<(Value, Value)> {
    let rest = ctor_args(args);
    if rest.has_kwargs() {
        return Err(type_error(format!("{name}() takes no keyword arguments")));
    }
    let a = exact(&rest, name, 2)?;
    let it = vm.get_iter(&a[1])?;
    Ok((a[0].clone(), it))
}

iterator_type!(
    dropwhile_type,
    "dropwhile",
    Some(dropwhile_new),
    dropwhile_next,
    []
);
iterator_type!(
    takewhile_type,
    "takewhile",
    Some(takewhile_new),
    takewhile_next,
    []
);
iterator_type!(
    filterfalse_type,
    "filterfalse",
    Some(filterfalse_new),
    filterfalse_next,
    []
);

fn dropwhile_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (predicate, it) = predicate_parts(vm, &args, "dropwhile")?;
    let data = PredicateIter {
        predicate,
        it,
        flag: GilCell::new(true),
    };
    construct(vm, &args, dropwhile_type(), data)
}

fn test(vm: &mut Vm, predicate: &Value, x: &Value) -> PyResult<bool> {
    let r = vm.call(predicate, Args::positional(std::slice::from_ref(x)))?;
    vm.is_true(&r)
}

fn dropwhile_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d: &PredicateIter = this(&args, "itertools.dropwhile")?;
    loop {
        let x = next_or_stop(vm.next(&d.it)?)?;
        if !*d.flag.borrow(&vm.gil) {
            return Ok(x);
        }
        if !test(vm, &d.predicate, &x)? {
            *d.flag.borrow_mut(&vm.gil) = false;
            return Ok(x);
        }
    }
}

fn takewhile_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (predicate, it) = predicate_parts(vm, &args, "takewhile")?;
    let data = PredicateIter {
        predicate,
        it,
        flag: GilCell::new(false),
    };
    construct(vm, &args, takewhile_type(), data)
}

fn takewhile_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t: &PredicateIter = this(&args, "itertools.takewhile")?;
    if *t.flag.borrow(&vm.gil) {
        return Err(stop());
    }
    let x = next_or_stop(vm.next(&t.it)?)?;
    if test(vm, &t.predicate, &x)? {
        return Ok(x);
    }
    *t.flag.borrow_mut(&vm.gil) = true;
    Err(stop())
}

fn filterfalse_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (predicate, it) = predicate_parts(vm, &args, "filterfalse")?;
    let data = PredicateIter {
        predicate,
        it,
        flag: GilCell::new(false),
    };
    construct(vm, &args, filterfalse_type(), data)
}

fn filterfalse_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f: &PredicateIter = this(&args, "itertools.filterfalse")?;
    loop {
        let x = next_or_stop(vm.next(&f.it)?)?;
        let keep = if f.predicate.is_none() {
            vm.is_true(&x)?
        } else {
            test(vm, &f.predicate, &x)?
        };
        if !keep {
            return Ok(x);
        }
    }
}

#[derive(Debug)]
struct StarMap {
    func: Value,
    it: Value,
}

iterator_type!(starmap_type, "starmap", Some(starmap_new), starmap_next, []);

fn starmap_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (func, it) = predicate_parts(vm, &args, "starmap")?;
    construct(vm, &args, starmap_type(), StarMap { func, it })
}

fn starmap_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s: &StarMap = this(&args, "itertools.starmap")?;
    let item = next_or_stop(vm.next(&s.it)?)?;
    let call_args = vm.iterate(&item)?;
    vm.call(&s.func, Args::positional(&call_args))
}

#[derive(Debug)]
struct Pairwise {
    it: Value,
    old: GilCell<Option<Value>>,
}

iterator_type!(
    pairwise_type,
    "pairwise",
    Some(pairwise_new),
    pairwise_next,
    []
);

fn pairwise_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let rest = ctor_args(&args);
    if rest.has_kwargs() {
        return Err(type_error("pairwise() takes no keyword arguments"));
    }
    let a = exact(&rest, "pairwise", 1)?;
    let it = vm.get_iter(&a[0])?;
    let data = Pairwise {
        it,
        old: GilCell::new(None),
    };
    construct(vm, &args, pairwise_type(), data)
}

fn pairwise_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p: &Pairwise = this(&args, "itertools.pairwise")?;
    let old = p.old.borrow(&vm.gil).clone();
    let old = match old {
        Some(o) => o,
        None => {
            let o = next_or_stop(vm.next(&p.it)?)?;
            *p.old.borrow_mut(&vm.gil) = Some(o.clone());
            o
        }
    };
    let Some(new) = vm.next(&p.it)? else {
        *p.old.borrow_mut(&vm.gil) = None;
        return Err(stop());
    };
    *p.old.borrow_mut(&vm.gil) = Some(new.clone());
    Ok(Value::tuple(vec![old, new]))
}

// ---- groupby -------------------------------------------------------------------------------

#[derive(Debug)]
struct GroupBy {
    it: Value,
    key: Option<Value>,
    state: GilCell<GroupState>,
}

#[derive(Debug, Default)]
struct GroupState {
    target_key: Option<Value>,
    current_key: Option<Value>,
    current_value: Option<Value>,
    /// The id of the grouper still allowed to run (0: none).
    live_grouper: u64,
    last_id: u64,
}

#[derive(Debug)]
struct Grouper {
    parent: Value,
    target_key: Value,
    id: u64,
}

iterator_type!(groupby_type, "groupby", Some(groupby_new), groupby_next, []);
iterator_type!(grouper_type, "_grouper", None, grouper_next, []);

fn groupby_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = parse_kw(&ctor_args(&args), "groupby", &["iterable", "key"], 1)?;
    let it = vm.get_iter(a[0].as_ref().unwrap_or(&Value::None))?;
    let key = a[1].clone().filter(|k| !k.is_none());
    let data = GroupBy {
        it,
        key,
        state: GilCell::new(GroupState::default()),
    };
    construct(vm, &args, groupby_type(), data)
}

/// Reads the next value and its key into the state.
fn groupby_step(vm: &mut Vm, g: &GroupBy) -> PyResult<()> {
    let value = next_or_stop(vm.next(&g.it)?)?;
    let key = match &g.key {
        Some(f) => vm.call(f, Args::positional(std::slice::from_ref(&value)))?,
        None => value.clone(),
    };
    let mut st = g.state.borrow_mut(&vm.gil);
    st.current_value = Some(value);
    st.current_key = Some(key);
    Ok(())
}

fn groupby_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = args.pos.first().cloned().unwrap_or(Value::None);
    let g: &GroupBy = this(&args, "itertools.groupby")?;
    g.state.borrow_mut(&vm.gil).live_grouper = 0;
    // Skip what is left of the current group.
    loop {
        let (current, target) = {
            let st = g.state.borrow(&vm.gil);
            (st.current_key.clone(), st.target_key.clone())
        };
        match (current, target) {
            (None, _) => {}
            (Some(_), None) => break,
            (Some(c), Some(t)) => {
                if !vm.eq(&t, &c)? {
                    break;
                }
            }
        }
        groupby_step(vm, g)?;
    }
    let (key, id) = {
        let mut st = g.state.borrow_mut(&vm.gil);
        let key = st.current_key.clone().unwrap_or(Value::None);
        st.target_key = Some(key.clone());
        st.last_id += 1;
        st.live_grouper = st.last_id;
        (key, st.last_id)
    };
    let grouper = new_native(
        grouper_type(),
        grouper_type(),
        Grouper {
            parent: me,
            target_key: key.clone(),
            id,
        },
    );
    Ok(Value::tuple(vec![key, grouper]))
}

fn grouper_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let gr: &Grouper = this(&args, "itertools._grouper")?;
    let g: &GroupBy = super::operator::native_data(&gr.parent)
        .ok_or_else(|| type_error("_grouper without its groupby"))?;
    if g.state.borrow(&vm.gil).live_grouper != gr.id {
        return Err(stop());
    }
    if g.state.borrow(&vm.gil).current_value.is_none() {
        groupby_step(vm, g)?;
    }
    let current = g
        .state
        .borrow(&vm.gil)
        .current_key
        .clone()
        .unwrap_or(Value::None);
    if !vm.eq(&gr.target_key, &current)? {
        return Err(stop());
    }
    next_or_stop(g.state.borrow_mut(&vm.gil).current_value.take())
}

// ---- islice --------------------------------------------------------------------------------

#[derive(Debug)]
struct ISlice {
    state: GilCell<ISliceState>,
}

#[derive(Debug)]
struct ISliceState {
    /// `None` once exhausted.
    it: Option<Value>,
    next: usize,
    stop: Option<usize>,
    step: usize,
    count: usize,
}

iterator_type!(islice_type, "islice", Some(islice_new), islice_next, []);

/// An argument of `islice` as a machine int, or `None` when it is not an int that fits
/// (CPython's `PyNumber_AsSsize_t` failing, an error the caller replaces).
fn islice_int(vm: &mut Vm, v: &Value) -> PyResult<Option<i64>> {
    match int_arg(vm, v) {
        Ok(n) => Ok(n.to_i64()),
        Err(e) if e.matches(ExcType::TypeError) => Ok(None),
        Err(e) => Err(e),
    }
}

const STOP_MSG: &str =
    "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
const INDEX_MSG: &str = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
const STEP_MSG: &str = "Step for islice() must be a positive integer or None.";

/// `(start, stop, step)` of `islice(it, stop)` or `islice(it, start, stop[, step])`, with
/// CPython's choice of message: a bad stop first, then negative indices, then the step.
fn islice_bounds(vm: &mut Vm, a: &[Value]) -> PyResult<(usize, Option<usize>, usize)> {
    let (start_v, stop_v, step_v) = match a {
        [_, stop] => (None, stop, None),
        [_, start, stop, rest @ ..] => (Some(start), stop, rest.first()),
        _ => return Err(type_error("islice expected at least 2 arguments")),
    };
    let start = match start_v {
        None => 0,
        Some(v) if v.is_none() => 0,
        Some(v) => islice_int(vm, v)?.unwrap_or(-1),
    };
    let stop = if stop_v.is_none() {
        -1
    } else {
        match islice_int(vm, stop_v)? {
            Some(n) if n != -1 => n,
            _ => return Err(value_error(STOP_MSG)),
        }
    };
    if start < 0 || stop < -1 {
        return Err(value_error(INDEX_MSG));
    }
    let step = match step_v {
        None => 1,
        Some(v) if v.is_none() => 1,
        Some(v) => islice_int(vm, v)?.unwrap_or(-1),
    };
    if step < 1 {
        return Err(value_error(STEP_MSG));
    }
    let stop = (stop >= 0).then_some(stop as usize);
    Ok((start as usize, stop, step as usize))
}

fn islice_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let rest = ctor_args(&args);
    if rest.has_kwargs() {
        return Err(type_error("islice() takes no keyword arguments"));
    }
    let a = rest.between("islice", 2, 4)?;
    let (start, stop, step) = islice_bounds(vm, a)?;
    let it = vm.get_iter(&a[0])?;
    let state = ISliceState {
        it: Some(it),
        next: start,
        stop,
        step,
        count: 0,
    };
    construct(
        vm,
        &args,
        islice_type(),
        ISlice {
            state: GilCell::new(state),
        },
    )
}

fn islice_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s: &ISlice = this(&args, "itertools.islice")?;
    let Some(it) = s.state.borrow(&vm.gil).it.clone() else {
        return Err(stop());
    };
    let exhausted = |vm: &Vm| {
        s.state.borrow_mut(&vm.gil).it = None;
        stop()
    };
    loop {
        let (count, next) = {
            let st = s.state.borrow(&vm.gil);
            (st.count, st.next)
        };
        if count >= next {
            break;
        }
        if vm.next(&it)?.is_none() {
            return Err(exhausted(vm));
        }
        s.state.borrow_mut(&vm.gil).count += 1;
    }
    let (count, stop_at) = {
        let st = s.state.borrow(&vm.gil);
        (st.count, st.stop)
    };
    if stop_at.is_some_and(|st| count >= st) {
        return Err(exhausted(vm));
    }
    let Some(item) = vm.next(&it)? else {
        return Err(exhausted(vm));
    };
    let mut st = s.state.borrow_mut(&vm.gil);
    st.count += 1;
    let advanced = st.next.checked_add(st.step);
    st.next = match (advanced, st.stop) {
        (Some(n), Some(stop)) if n > stop => stop,
        (Some(n), _) => n,
        (None, Some(stop)) => stop,
        (None, None) => usize::MAX,
    };
    Ok(item)
}

// ---- tee -----------------------------------------------------------------------------------

/// What the iterators of one `tee()` share: the source, the items some of them have not
/// read yet, and where each of them is.
#[derive(Debug)]
struct TeeShared {
    state: GilCell<TeeState>,
}

#[derive(Debug)]
struct TeeState {
    it: Value,
    buffer: VecDeque<Value>,
    /// The position of `buffer[0]` in the source.
    base: u64,
    /// Each live tee iterator's next position.
    positions: HashMap<u64, u64>,
    last_id: u64,
    running: bool,
    exhausted: bool,
}

impl TeeState {
    /// Registers a new reader at `pos`.
    fn add_reader(&mut self, pos: u64) -> u64 {
        self.last_id += 1;
        self.positions.insert(self.last_id, pos);
        self.last_id
    }

    /// Drops the items every reader has passed.
    fn trim(&mut self) {
        let min = self.positions.values().copied().min().unwrap_or(u64::MAX);
        while self.base < min && !self.buffer.is_empty() {
            self.buffer.pop_front();
            self.base += 1;
        }
    }
}

#[derive(Debug)]
struct Tee {
    shared: Arc<TeeShared>,
    id: u64,
}

impl Drop for Tee {
    fn drop(&mut self) {
        // Objects are freed by the thread holding the GIL.
        let gil = unsafe { Gil::assume_held() };
        if let Ok(mut st) = self.shared.state.try_borrow_mut(&gil) {
            st.positions.remove(&self.id);
            st.trim();
        }
    }
}

iterator_type!(
    tee_type,
    "_tee",
    Some(tee_new),
    tee_next,
    [("__copy__", tee_copy)]
);

fn new_tee(it: Value) -> Value {
    let mut state = TeeState {
        it,
        buffer: VecDeque::new(),
        base: 0,
        positions: HashMap::new(),
        last_id: 0,
        running: false,
        exhausted: false,
    };
    let id = state.add_reader(0);
    let shared = Arc::new(TeeShared {
        state: GilCell::new(state),
    });
    new_native(tee_type(), tee_type(), Tee { shared, id })
}

fn tee_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    new_class_arg(vm, &args, tee_type())?;
    let rest = ctor_args(&args);
    let v = exact(&rest, "_tee", 1)?;
    let it = vm.get_iter(&v[0])?;
    Ok(new_tee(it))
}

fn tee_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t: &Tee = this(&args, "itertools._tee")?;
    let id = {
        let mut st = t.shared.state.borrow_mut(&vm.gil);
        let pos = st.positions.get(&t.id).copied().unwrap_or(st.base);
        st.add_reader(pos)
    };
    Ok(new_native(
        tee_type(),
        tee_type(),
        Tee {
            shared: t.shared.clone(),
            id,
        },
    ))
}

fn tee_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t: &Tee = this(&args, "itertools._tee")?;
    let source = {
        let mut st = t.shared.state.borrow_mut(&vm.gil);
        let pos = st.positions.get(&t.id).copied().unwrap_or(st.base);
        let offset = (pos - st.base.min(pos)) as usize;
        if let Some(x) = st.buffer.get(offset).cloned() {
            st.positions.insert(t.id, pos + 1);
            st.trim();
            return Ok(x);
        }
        if st.exhausted {
            return Err(stop());
        }
        if st.running {
            return Err(runtime_error("cannot re-enter the tee iterator"));
        }
        st.running = true;
        st.it.clone()
    };
    let r = vm.next(&source);
    let mut st = t.shared.state.borrow_mut(&vm.gil);
    st.running = false;
    match r? {
        Some(x) => {
            st.buffer.push_back(x.clone());
            let pos = st.positions.get(&t.id).copied().unwrap_or(st.base);
            st.positions.insert(t.id, pos + 1);
            st.trim();
            Ok(x)
        }
        None => {
            st.exhausted = true;
            Err(stop())
        }
    }
}

fn tee(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("tee")?;
    let a = args.between("tee", 1, 2)?;
    let n = match a.get(1) {
        Some(v) => ssize_arg(vm, v)?,
        None => 2,
    };
    if n < 0 {
        return Err(value_error("n must be >= 0"));
    }
    if n == 0 {
        return Ok(Value::tuple(Vec::new()));
    }
    let it = vm.get_iter(&a[0])?;
    let copyable = vm.lookup_special(type_of(&it), "__copy__").is_some();
    let first = if copyable { it } else { new_tee(it) };
    let mut out = vec![first];
    for _ in 1..n {
        let last = out.last().cloned().unwrap_or(Value::None);
        out.push(vm.call_method(&last, "__copy__", &[])?);
    }
    Ok(Value::tuple(out))
}

// ---- zip_longest ---------------------------------------------------------------------------

#[derive(Debug)]
struct ZipLongest {
    fill: Value,
    state: GilCell<ZipState>,
}

#[derive(Debug)]
struct ZipState {
    /// `None` for an exhausted iterator.
    iters: Vec<Option<Value>>,
    active: usize,
}

iterator_type!(
    zip_longest_type,
    "zip_longest",
    Some(zip_longest_new),
    zip_longest_next,
    []
);

fn zip_longest_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let mut fill = Value::None;
    for (k, v) in args.kw_names.iter().zip(args.kw_values) {
        if k.as_str() != Some("fillvalue") {
            return Err(type_error(
                "zip_longest() got an unexpected keyword argument",
            ));
        }
        fill = v.clone();
    }
    let mut iters = Vec::new();
    for v in ctor_args(&args).pos {
        iters.push(Some(vm.get_iter(v)?));
    }
    let active = iters.len();
    let data = ZipLongest {
        fill,
        state: GilCell::new(ZipState { iters, active }),
    };
    construct(vm, &args, zip_longest_type(), data)
}

fn zip_longest_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let z: &ZipLongest = this(&args, "itertools.zip_longest")?;
    let iters = {
        let st = z.state.borrow(&vm.gil);
        if st.active == 0 {
            return Err(stop());
        }
        st.iters.clone()
    };
    let mut out = Vec::with_capacity(iters.len());
    for (i, it) in iters.iter().enumerate() {
        let Some(it) = it else {
            out.push(z.fill.clone());
            continue;
        };
        match vm.next(it)? {
            Some(x) => out.push(x),
            None => {
                let mut st = z.state.borrow_mut(&vm.gil);
                st.active -= 1;
                st.iters[i] = None;
                if st.active == 0 {
                    return Err(stop());
                }
                out.push(z.fill.clone());
            }
        }
    }
    Ok(Value::tuple(out))
}

// ---- combinatorics: product, permutations, combinations ------------------------------------

/// Index state of the combinatoric iterators; `None` before the first result.
#[derive(Debug)]
struct Combinatoric {
    pool: Vec<Value>,
    state: GilCell<CombState>,
}

#[derive(Debug)]
struct CombState {
    indices: Vec<usize>,
    /// `permutations`' countdown per position.
    cycles: Vec<usize>,
    started: bool,
    done: bool,
}

impl CombState {
    fn new(indices: Vec<usize>, cycles: Vec<usize>, done: bool) -> CombState {
        CombState {
            indices,
            cycles,
            started: false,
            done,
        }
    }
}

/// `product`'s pools (each repeated) and its per-position indices.
#[derive(Debug)]
struct Product {
    pools: Vec<Vec<Value>>,
    state: GilCell<CombState>,
}

iterator_type!(product_type, "product", Some(product_new), product_next, []);
iterator_type!(
    permutations_type,
    "permutations",
    Some(permutations_new),
    permutations_next,
    []
);
iterator_type!(
    combinations_type,
    "combinations",
    Some(combinations_new),
    combinations_next,
    []
);
iterator_type!(
    cwr_type,
    "combinations_with_replacement",
    Some(cwr_new),
    cwr_next,
    []
);

fn product_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let mut repeat = 1i64;
    for (k, v) in args.kw_names.iter().zip(args.kw_values) {
        let k = k.as_str().unwrap_or("");
        if k != "repeat" {
            return Err(type_error(format!(
                "'{k}' is an invalid keyword argument for product()"
            )));
        }
        repeat = ssize_arg(vm, v)?;
    }
    if repeat < 0 {
        return Err(value_error("repeat argument cannot be negative"));
    }
    let mut base = Vec::new();
    for v in ctor_args(&args).pos {
        base.push(vm.iterate(v)?);
    }
    let total = usize::try_from(repeat)
        .ok()
        .and_then(|r| r.checked_mul(base.len()))
        .ok_or_else(|| PyErr::with_args(ExcType::MemoryError, vec![]))?;
    let mut pools = Vec::new();
    pools
        .try_reserve_exact(total)
        .map_err(|_| PyErr::with_args(ExcType::MemoryError, vec![]))?;
    if !base.is_empty() {
        for _ in 0..repeat {
            pools.extend(base.iter().cloned());
        }
    }
    let done = pools.iter().any(Vec::is_empty);
    let state = CombState::new(vec![0; pools.len()], Vec::new(), done);
    let data = Product {
        pools,
        state: GilCell::new(state),
    };
    construct(vm, &args, product_type(), data)
}

fn product_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p: &Product = this(&args, "itertools.product")?;
    let mut st = p.state.borrow_mut(&vm.gil);
    if st.done {
        return Err(stop());
    }
    if st.started {
        // Advance like an odometer, rightmost wheel first.
        let mut i = p.pools.len();
        loop {
            if i == 0 {
                st.done = true;
                return Err(stop());
            }
            i -= 1;
            st.indices[i] += 1;
            if st.indices[i] < p.pools[i].len() {
                break;
            }
            st.indices[i] = 0;
        }
    }
    st.started = true;
    let items: Vec<Value> = st
        .indices
        .iter()
        .zip(&p.pools)
        .map(|(&i, pool)| pool[i].clone())
        .collect();
    Ok(Value::tuple(items))
}

/// The `r` argument of `permutations`/`combinations`.
fn r_arg(vm: &mut Vm, v: &Value, expected_int_msg: Option<&str>) -> PyResult<i64> {
    let n = match (as_bigint(v), expected_int_msg) {
        (None, Some(msg)) => return Err(type_error(msg)),
        _ => int_arg(vm, v)?,
    };
    let n = n
        .to_i64()
        .unwrap_or(if n.is_negative() { -1 } else { i64::MAX });
    if n < 0 {
        return Err(value_error("r must be non-negative"));
    }
    Ok(n)
}

fn pool_tuple(c: &Combinatoric, indices: &[usize]) -> Value {
    Value::tuple(
        indices
            .iter()
            .map(|&i| c.pool[i].clone())
            .collect::<Vec<_>>(),
    )
}

fn permutations_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = ctor_args(&args).bind("permutations", &["iterable", "r"], 1)?;
    let pool = vm.iterate(a[0].as_ref().unwrap_or(&Value::None))?;
    let n = pool.len();
    let r = match &a[1] {
        None | Some(Value::None) => n,
        Some(v) => r_arg(vm, v, Some("Expected int as r"))? as usize,
    };
    let state = if r > n {
        CombState::new(Vec::new(), Vec::new(), true)
    } else {
        CombState::new((0..n).collect(), (n - r + 1..=n).rev().collect(), false)
    };
    let data = Combinatoric {
        pool,
        state: GilCell::new(state),
    };
    construct(vm, &args, permutations_type(), data)
}

fn permutations_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c: &Combinatoric = this(&args, "itertools.permutations")?;
    let mut st = c.state.borrow_mut(&vm.gil);
    if st.done {
        return Err(stop());
    }
    let n = c.pool.len();
    let r = st.cycles.len();
    if !st.started {
        st.started = true;
        return Ok(pool_tuple(c, &st.indices[..r]));
    }
    if n == 0 {
        st.done = true;
        return Err(stop());
    }
    for i in (0..r).rev() {
        st.cycles[i] -= 1;
        if st.cycles[i] == 0 {
            // Rotate position i to the end and reset its countdown.
            st.indices[i..].rotate_left(1);
            st.cycles[i] = n - i;
        } else {
            let j = st.cycles[i];
            st.indices.swap(i, n - j);
            return Ok(pool_tuple(c, &st.indices[..r]));
        }
    }
    st.done = true;
    Err(stop())
}

fn combinations_args(vm: &mut Vm, args: &Args, name: &str) -> PyResult<(Vec<Value>, usize)> {
    let a = ctor_args(args).bind(name, &["iterable", "r"], 2)?;
    let pool = vm.iterate(a[0].as_ref().unwrap_or(&Value::None))?;
    let r = r_arg(vm, a[1].as_ref().unwrap_or(&Value::None), None)? as usize;
    Ok((pool, r))
}

fn combinations_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (pool, r) = combinations_args(vm, &args, "combinations")?;
    let state = CombState::new((0..r.min(pool.len())).collect(), Vec::new(), r > pool.len());
    let data = Combinatoric {
        pool,
        state: GilCell::new(state),
    };
    construct(vm, &args, combinations_type(), data)
}

fn combinations_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c: &Combinatoric = this(&args, "itertools.combinations")?;
    let mut st = c.state.borrow_mut(&vm.gil);
    if st.done {
        return Err(stop());
    }
    let n = c.pool.len();
    let r = st.indices.len();
    if st.started {
        // The rightmost index that can still move right.
        let Some(i) = (0..r).rev().find(|&i| st.indices[i] != i + n - r) else {
            st.done = true;
            return Err(stop());
        };
        st.indices[i] += 1;
        for j in i + 1..r {
            st.indices[j] = st.indices[j - 1] + 1;
        }
    }
    st.started = true;
    Ok(pool_tuple(c, &st.indices))
}

fn cwr_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (pool, r) = combinations_args(vm, &args, "combinations_with_replacement")?;
    let done = pool.is_empty() && r > 0;
    let state = CombState::new(if done { Vec::new() } else { vec![0; r] }, Vec::new(), done);
    let data = Combinatoric {
        pool,
        state: GilCell::new(state),
    };
    construct(vm, &args, cwr_type(), data)
}

fn cwr_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c: &Combinatoric = this(&args, "itertools.combinations_with_replacement")?;
    let mut st = c.state.borrow_mut(&vm.gil);
    if st.done {
        return Err(stop());
    }
    let n = c.pool.len();
    let r = st.indices.len();
    if st.started {
        let Some(i) = (0..r).rev().find(|&i| st.indices[i] != n - 1) else {
            st.done = true;
            return Err(stop());
        };
        let v = st.indices[i] + 1;
        for slot in &mut st.indices[i..] {
            *slot = v;
        }
    }
    st.started = true;
    Ok(pool_tuple(c, &st.indices))
}

native_data!(
    Count,
    Cycle,
    Repeat,
    Accumulate,
    Chain,
    Compress,
    PredicateIter,
    StarMap,
    Pairwise,
    GroupBy,
    Grouper,
    ISlice,
    Tee,
    ZipLongest,
    Product,
    Combinatoric,
);

// ---- the module ----------------------------------------------------------------------------

pub fn init(vm: &mut Vm, m: &ObjRef) -> PyResult<()> {
    let types = [
        count_type(),
        cycle_type(),
        repeat_type(),
        accumulate_type(),
        chain_type(),
        compress_type(),
        dropwhile_type(),
        takewhile_type(),
        filterfalse_type(),
        groupby_type(),
        grouper_type(),
        islice_type(),
        starmap_type(),
        tee_type(),
        zip_longest_type(),
        product_type(),
        permutations_type(),
        combinations_type(),
        cwr_type(),
        pairwise_type(),
    ];
    for t in types {
        let name = type_data(t).name(&vm.gil);
        set_attr(vm, m, &name, Value::Obj(t.clone()));
    }
    set_attr(vm, m, "tee", crate::builtins::native_function("tee", tee));
    Ok(())
}
