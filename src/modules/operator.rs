//! The `operator` module: the operators as functions (`add`, `lt`, `getitem`, the in-place
//! forms, their `__dunder__` aliases, …) and the callable types `itemgetter`, `attrgetter`
//! and `methodcaller`. Also the helpers the native modules of this group use to define their
//! own types (`native_type`, `new_native`, `native_data`).

use std::sync::{Arc, OnceLock};

use super::math_module::{exact_args, int_arg};
use super::{ModuleInit, set_attr};
use crate::builtins::{add_method, add_methods, native_function, set_type_attr};
use crate::compile::bytecode::{BinaryOp, CompareOp, UnaryOp};
use crate::object::dict::Dict;
use crate::object::gil_cell::{Gil, GilCell};
use crate::object::typeobj::{Layout, TypeData, is_subtype, type_data, type_of, types};
use crate::object::value::{
    Args, IterState, NativeData, NativeFn, NativeKind, ObjRef, Payload, PyObject, Value,
    new_dict_obj, new_instance,
};
use crate::vm::Vm;
use crate::vm::eval::type_name;
use crate::vm::exceptions::{PyErr, PyResult, type_error};

const _: ModuleInit = init;

// ---- helpers for native types --------------------------------------------------------------

/// A type object for a native module: `module.name`, one base (`object` unless given),
/// whether Python classes may derive from it, and whether the runtime must treat it like a
/// class (its dunders found by the core protocols even though its instances have a builtin
/// payload, as for `time.struct_time`, a tuple).
pub fn native_type(
    name: &str,
    module: &str,
    base: Option<&ObjRef>,
    layout: Layout,
    basetype: bool,
    heap: bool,
) -> ObjRef {
    let base = base.cloned().unwrap_or_else(|| types().object.clone());
    let mut mro = vec![base.clone()];
    mro.extend(type_data(&base).mro.iter().cloned());
    let t = Arc::new(PyObject {
        class: None,
        dict: None,
        payload: Payload::Type(TypeData {
            name: GilCell::new(name.to_string()),
            qualname: GilCell::new(name.to_string()),
            bases: vec![base].into(),
            mro: mro.into(),
            dict: new_dict_obj(Dict::new()),
            layout,
            heap,
            basetype,
        }),
    });
    let gil = unsafe { Gil::assume_held() };
    set_type_attr(&gil, &t, "__module__", Value::str(module));
    t
}

/// Adds `__new__` (a static method taking the class) to a native type.
pub fn add_new(t: &ObjRef, f: NativeFn) {
    let gil = unsafe { Gil::assume_held() };
    add_method(&gil, t, "__new__", f, NativeKind::StaticMethod);
}

/// Adds methods to a native type.
pub fn add_type_methods(t: &ObjRef, methods: &[(&'static str, NativeFn)]) {
    let gil = unsafe { Gil::assume_held() };
    add_methods(&gil, t, methods);
}

/// An instance of native type `t` (or of `cls`, a Python subclass of it, which gets a dict).
pub fn new_native(t: &ObjRef, cls: &ObjRef, data: impl NativeData) -> Value {
    if Arc::ptr_eq(t, cls) {
        return Value::Obj(Arc::new(PyObject {
            class: Some(t.clone()),
            dict: None,
            payload: Payload::Native(Box::new(data)),
        }));
    }
    new_instance(cls.clone(), Payload::Native(Box::new(data)), true)
}

/// The state of a native object of Rust type `T`.
pub fn native_data<T: 'static>(v: &Value) -> Option<&T> {
    match v.payload()? {
        Payload::Native(n) => n.as_any().downcast_ref::<T>(),
        _ => None,
    }
}

/// The class argument of a native `__new__`, checked to derive from `t`.
pub fn new_class_arg(vm: &Vm, args: &Args, t: &ObjRef) -> PyResult<ObjRef> {
    let name = type_data(t).name(&vm.gil);
    match args.pos.first() {
        Some(Value::Obj(o)) if matches!(o.payload, Payload::Type(_)) && is_subtype(o, t) => {
            Ok(o.clone())
        }
        Some(Value::Obj(o)) if matches!(o.payload, Payload::Type(_)) => Err(type_error(format!(
            "{name}.__new__({}): {} is not a subtype of {name}",
            type_data(o).name(&vm.gil),
            type_data(o).name(&vm.gil)
        ))),
        _ => Err(type_error(format!(
            "{name}.__new__(X): X is not a type object"
        ))),
    }
}

/// The `self` of a native method, as its Rust state.
pub fn this<'a, T: 'static>(args: &Args<'a>, what: &str) -> PyResult<&'a T> {
    args.pos
        .first()
        .and_then(native_data::<T>)
        .ok_or_else(|| type_error(format!("descriptor requires a '{what}' object")))
}

// ---- the operator functions ----------------------------------------------------------------

macro_rules! binary_ops {
    ($($fn_name:ident => $op:expr, $py:literal;)*) => {
        $(
            fn $fn_name(vm: &mut Vm, args: Args) -> PyResult<Value> {
                let a = exact_args(&args, $py, concat!("_operator.", $py), 2)?;
                vm.binary_op($op, &a[0], &a[1])
            }
        )*
    };
}

binary_ops! {
    add => BinaryOp::Add, "add";
    sub => BinaryOp::Sub, "sub";
    mul => BinaryOp::Mult, "mul";
    matmul => BinaryOp::MatMult, "matmul";
    truediv => BinaryOp::Div, "truediv";
    floordiv => BinaryOp::FloorDiv, "floordiv";
    mod_ => BinaryOp::Mod, "mod";
    pow => BinaryOp::Pow, "pow";
    lshift => BinaryOp::LShift, "lshift";
    rshift => BinaryOp::RShift, "rshift";
    and_ => BinaryOp::BitAnd, "and_";
    or_ => BinaryOp::BitOr, "or_";
    xor => BinaryOp::BitXor, "xor";
}

macro_rules! inplace_ops {
    ($($fn_name:ident => $op:expr, $py:literal;)*) => {
        $(
            fn $fn_name(vm: &mut Vm, args: Args) -> PyResult<Value> {
                let a = exact_args(&args, $py, concat!("_operator.", $py), 2)?;
                vm.inplace_op($op, a[0].clone(), &a[1])
            }
        )*
    };
}

inplace_ops! {
    iadd => BinaryOp::Add, "iadd";
    isub => BinaryOp::Sub, "isub";
    imul => BinaryOp::Mult, "imul";
    imatmul => BinaryOp::MatMult, "imatmul";
    itruediv => BinaryOp::Div, "itruediv";
    ifloordiv => BinaryOp::FloorDiv, "ifloordiv";
    imod => BinaryOp::Mod, "imod";
    ipow => BinaryOp::Pow, "ipow";
    ilshift => BinaryOp::LShift, "ilshift";
    irshift => BinaryOp::RShift, "irshift";
    iand => BinaryOp::BitAnd, "iand";
    ior => BinaryOp::BitOr, "ior";
    ixor => BinaryOp::BitXor, "ixor";
}

macro_rules! compare_ops {
    ($($fn_name:ident => $op:expr, $py:literal;)*) => {
        $(
            fn $fn_name(vm: &mut Vm, args: Args) -> PyResult<Value> {
                let a = exact_args(&args, $py, concat!("_operator.", $py), 2)?;
                vm.compare($op, &a[0], &a[1])
            }
        )*
    };
}

compare_ops! {
    lt => CompareOp::Lt, "lt";
    le => CompareOp::Le, "le";
    eq => CompareOp::Eq, "eq";
    ne => CompareOp::Ne, "ne";
    gt => CompareOp::Gt, "gt";
    ge => CompareOp::Ge, "ge";
}

macro_rules! unary_ops {
    ($($fn_name:ident => $op:expr, $py:literal;)*) => {
        $(
            fn $fn_name(vm: &mut Vm, args: Args) -> PyResult<Value> {
                let a = args.one(concat!("_operator.", $py))?;
                vm.unary_op($op, a)
            }
        )*
    };
}

unary_ops! {
    neg => UnaryOp::Negative, "neg";
    pos => UnaryOp::Positive, "pos";
    invert => UnaryOp::Invert, "invert";
    inv => UnaryOp::Invert, "inv";
}

fn not_(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.one("_operator.not_")?;
    Ok(Value::Bool(!vm.is_true(a)?))
}

fn truth(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.one("_operator.truth")?;
    Ok(Value::Bool(vm.is_true(a)?))
}

fn abs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.one("_operator.abs")?;
    let builtin_abs = vm
        .dict_get_str(&vm.interp.builtins.clone(), &Value::str("abs"))
        .ok_or_else(|| type_error("abs is not available"))?;
    vm.call(&builtin_abs, Args::positional(std::slice::from_ref(a)))
}

fn index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.one("_operator.index")?;
    Ok(Value::int(int_arg(vm, a)?))
}

fn is_(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = exact_args(&args, "is_", "_operator.is_", 2)?;
    Ok(Value::Bool(a[0].is(&a[1])))
}

fn is_not(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = exact_args(&args, "is_not", "_operator.is_not", 2)?;
    Ok(Value::Bool(!a[0].is(&a[1])))
}

fn getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = exact_args(&args, "getitem", "_operator.getitem", 2)?;
    vm.get_item(&a[0], &a[1])
}

fn setitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = exact_args(&args, "setitem", "_operator.setitem", 3)?;
    vm.set_item(&a[0], a[1].clone(), a[2].clone())?;
    Ok(Value::None)
}

fn delitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = exact_args(&args, "delitem", "_operator.delitem", 2)?;
    vm.del_item(&a[0], &a[1])?;
    Ok(Value::None)
}

fn contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = exact_args(&args, "contains", "_operator.contains", 2)?;
    Ok(Value::Bool(vm.contains(&a[0], &a[1])?))
}

/// Is `v` a sequence for `concat` (a builtin sequence, or a class with `__getitem__`)?
fn is_sequence(vm: &Vm, v: &Value) -> bool {
    match v.payload() {
        Some(
            Payload::Str(_)
            | Payload::List(_)
            | Payload::Tuple(_)
            | Payload::Bytes(_)
            | Payload::ByteArray(_)
            | Payload::Range(_),
        ) => true,
        _ => vm.lookup_special(type_of(v), "__getitem__").is_some(),
    }
}

fn concat_args<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<&'a [Value]> {
    let a = exact_args(args, name, &format!("_operator.{name}"), 2)?;
    if !is_sequence(vm, &a[0]) {
        return Err(type_error(format!(
            "'{}' object can't be concatenated",
            type_name(&a[0], vm)
        )));
    }
    Ok(a)
}

fn concat(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = concat_args(vm, &args, "concat")?;
    vm.binary_op(BinaryOp::Add, &a[0], &a[1])
}

fn iconcat(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = concat_args(vm, &args, "iconcat")?;
    vm.inplace_op(BinaryOp::Add, a[0].clone(), &a[1])
}

/// Positions (or the count) of items equal to `b` in the iterable `a`.
fn search(vm: &mut Vm, a: &Value, b: &Value, count: bool) -> PyResult<Option<i64>> {
    let it = vm.get_iter(a)?;
    let mut n = 0i64;
    let mut i = 0i64;
    while let Some(x) = vm.next(&it)? {
        if x.is(b) || vm.eq(&x, b)? {
            if !count {
                return Ok(Some(i));
            }
            n += 1;
        }
        i += 1;
    }
    Ok(count.then_some(n))
}

fn count_of(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = exact_args(&args, "countOf", "_operator.countOf", 2)?;
    Ok(Value::Int(search(vm, &a[0], &a[1], true)?.unwrap_or(0)))
}

fn index_of(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = exact_args(&args, "indexOf", "_operator.indexOf", 2)?;
    match search(vm, &a[0], &a[1], false)? {
        Some(i) => Ok(Value::Int(i)),
        None => Err(PyErr::new(
            crate::object::typeobj::ExcType::ValueError,
            "sequence.index(x): x not in sequence",
        )),
    }
}

fn call(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some((f, rest)) = args.pos.split_first() else {
        return Err(type_error("call expected at least 1 argument, got 0"));
    };
    vm.call(f, Args { pos: rest, ..args })
}

/// What a builtin iterator still holds, when that is cheap to know.
fn builtin_iter_remaining(vm: &Vm, v: &Value) -> Option<usize> {
    let Some(Payload::Iterator(cell)) = v.payload() else {
        return None;
    };
    let state = cell.try_borrow(&vm.gil).ok()?;
    match &*state {
        IterState::Seq { seq, index } => {
            let len = match seq.payload()? {
                Payload::List(l) => l.try_borrow(&vm.gil).ok()?.len(),
                Payload::Tuple(t) => t.len(),
                Payload::Bytes(b) => b.len(),
                _ => return None,
            };
            Some(len.saturating_sub(*index))
        }
        IterState::Range { remaining, .. } => usize::try_from(*remaining).ok(),
        IterState::Set { items, index } => Some(items.len().saturating_sub(*index)),
        IterState::Exhausted => Some(0),
        _ => None,
    }
}

fn has_len(vm: &Vm, v: &Value) -> bool {
    match v.payload() {
        Some(
            Payload::Str(_)
            | Payload::List(_)
            | Payload::Tuple(_)
            | Payload::Dict(_)
            | Payload::Set(_)
            | Payload::FrozenSet(_)
            | Payload::Bytes(_)
            | Payload::ByteArray(_)
            | Payload::Range(_)
            | Payload::DictView(..),
        ) => true,
        _ => vm.lookup_special(type_of(v), "__len__").is_some(),
    }
}

fn length_hint(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("length_hint")?;
    let a = args.between("length_hint", 1, 2)?;
    let default = match a.get(1) {
        Some(d) => match crate::vm::ops::as_int(d) {
            Some(_) => crate::vm::ops::index_value(vm, d)?,
            None => {
                return Err(type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    type_name(d, vm)
                )));
            }
        },
        None => 0,
    };
    let obj = &a[0];
    if has_len(vm, obj) {
        return Ok(Value::Int(vm.len(obj)? as i64));
    }
    if let Some(n) = builtin_iter_remaining(vm, obj) {
        return Ok(Value::Int(n as i64));
    }
    if let Some(m) = vm.lookup_special(type_of(obj), "__length_hint__") {
        let r = vm.call_special(&m, obj, &[])?;
        if crate::vm::ops::is_not_implemented(&r) {
            return Ok(Value::Int(default));
        }
        let Some(_) = crate::vm::ops::as_int(&r) else {
            return Err(type_error(format!(
                "__length_hint__ must be an integer, not {}",
                type_name(&r, vm)
            )));
        };
        let n = crate::vm::ops::index_value(vm, &r)?;
        if n < 0 {
            return Err(PyErr::new(
                crate::object::typeobj::ExcType::ValueError,
                "__length_hint__() should return >= 0",
            ));
        }
        return Ok(Value::Int(n));
    }
    Ok(Value::Int(default))
}

// ---- itemgetter ----------------------------------------------------------------------------

#[derive(Debug)]
struct ItemGetter {
    items: Vec<Value>,
}

impl NativeData for ItemGetter {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn itemgetter_type() -> &'static ObjRef {
    static T: OnceLock<ObjRef> = OnceLock::new();
    T.get_or_init(|| {
        let t = native_type("itemgetter", "operator", None, Layout::Opaque, false, false);
        add_new(&t, itemgetter_new);
        add_type_methods(
            &t,
            &[("__call__", itemgetter_call), ("__repr__", itemgetter_repr)],
        );
        t
    })
}

fn itemgetter_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = new_class_arg(vm, &args, itemgetter_type())?;
    if args.has_kwargs() {
        return Err(type_error("itemgetter() takes no keyword arguments"));
    }
    let items = args.pos[1..].to_vec();
    if items.is_empty() {
        return Err(type_error("itemgetter expected 1 argument, got 0"));
    }
    Ok(new_native(itemgetter_type(), &cls, ItemGetter { items }))
}

/// The single argument of a getter's `__call__`.
fn getter_arg<'a>(args: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    if args.has_kwargs() {
        return Err(type_error(format!("{name}() takes no keyword arguments")));
    }
    match args.pos {
        [_, obj] => Ok(obj),
        _ => Err(type_error(format!(
            "{name} expected 1 argument, got {}",
            args.pos.len().saturating_sub(1)
        ))),
    }
}

fn itemgetter_call(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g: &ItemGetter = this(&args, "operator.itemgetter")?;
    let obj = getter_arg(&args, "itemgetter")?;
    if let [item] = g.items.as_slice() {
        return vm.get_item(obj, item);
    }
    let mut out = Vec::with_capacity(g.items.len());
    for item in &g.items {
        out.push(vm.get_item(obj, item)?);
    }
    Ok(Value::tuple(out))
}

fn itemgetter_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g: &ItemGetter = this(&args, "operator.itemgetter")?;
    let parts = g
        .items
        .iter()
        .map(|v| vm.repr(v))
        .collect::<PyResult<Vec<_>>>()?;
    Ok(Value::str(format!(
        "operator.itemgetter({})",
        parts.join(", ")
    )))
}

// ---- attrgetter ----------------------------------------------------------------------------

#[derive(Debug)]
struct AttrGetter {
    /// The names as given (for the repr).
    names: Vec<Value>,
    /// Each name split at its dots.
    paths: Vec<Vec<Value>>,
}

impl NativeData for AttrGetter {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn attrgetter_type() -> &'static ObjRef {
    static T: OnceLock<ObjRef> = OnceLock::new();
    T.get_or_init(|| {
        let t = native_type("attrgetter", "operator", None, Layout::Opaque, false, false);
        add_new(&t, attrgetter_new);
        add_type_methods(
            &t,
            &[("__call__", attrgetter_call), ("__repr__", attrgetter_repr)],
        );
        t
    })
}

fn attrgetter_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = new_class_arg(vm, &args, attrgetter_type())?;
    if args.has_kwargs() {
        return Err(type_error("attrgetter() takes no keyword arguments"));
    }
    let names = args.pos[1..].to_vec();
    if names.is_empty() {
        return Err(type_error("attrgetter expected 1 argument, got 0"));
    }
    let mut paths = Vec::with_capacity(names.len());
    for n in &names {
        let Some(s) = n.as_str() else {
            return Err(type_error("attribute name must be a string"));
        };
        paths.push(s.split('.').map(Value::str).collect());
    }
    Ok(new_native(
        attrgetter_type(),
        &cls,
        AttrGetter { names, paths },
    ))
}

fn attrgetter_call(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g: &AttrGetter = this(&args, "operator.attrgetter")?;
    let obj = getter_arg(&args, "attrgetter")?;
    let mut out = Vec::with_capacity(g.paths.len());
    for path in &g.paths {
        let mut v = obj.clone();
        for part in path {
            v = vm.get_attr(&v, part)?;
        }
        out.push(v);
    }
    if out.len() == 1 {
        return Ok(out.pop().unwrap_or(Value::None));
    }
    Ok(Value::tuple(out))
}

fn attrgetter_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g: &AttrGetter = this(&args, "operator.attrgetter")?;
    let parts = g
        .names
        .iter()
        .map(|v| vm.repr(v))
        .collect::<PyResult<Vec<_>>>()?;
    Ok(Value::str(format!(
        "operator.attrgetter({})",
        parts.join(", ")
    )))
}

// ---- methodcaller --------------------------------------------------------------------------

#[derive(Debug)]
struct MethodCaller {
    name: Value,
    args: Vec<Value>,
    kw_names: Vec<Value>,
    kw_values: Vec<Value>,
}

impl NativeData for MethodCaller {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn methodcaller_type() -> &'static ObjRef {
    static T: OnceLock<ObjRef> = OnceLock::new();
    T.get_or_init(|| {
        let t = native_type(
            "methodcaller",
            "operator",
            None,
            Layout::Opaque,
            false,
            false,
        );
        add_new(&t, methodcaller_new);
        add_type_methods(
            &t,
            &[
                ("__call__", methodcaller_call),
                ("__repr__", methodcaller_repr),
            ],
        );
        t
    })
}

fn methodcaller_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = new_class_arg(vm, &args, methodcaller_type())?;
    let Some(name) = args.pos.get(1) else {
        return Err(type_error(
            "methodcaller needs at least one argument, the method name",
        ));
    };
    if name.as_str().is_none() {
        return Err(type_error("method name must be a string"));
    }
    let data = MethodCaller {
        name: name.clone(),
        args: args.pos[2..].to_vec(),
        kw_names: args.kw_names.to_vec(),
        kw_values: args.kw_values.to_vec(),
    };
    Ok(new_native(methodcaller_type(), &cls, data))
}

fn methodcaller_call(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c: &MethodCaller = this(&args, "operator.methodcaller")?;
    let obj = getter_arg(&args, "methodcaller")?;
    let method = vm.get_attr(obj, &c.name)?;
    vm.call(
        &method,
        Args {
            pos: &c.args,
            kw_names: &c.kw_names,
            kw_values: &c.kw_values,
        },
    )
}

fn methodcaller_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c: &MethodCaller = this(&args, "operator.methodcaller")?;
    let mut parts = vec![vm.repr(&c.name)?];
    for a in &c.args {
        parts.push(vm.repr(a)?);
    }
    for (k, v) in c.kw_names.iter().zip(&c.kw_values) {
        let k = k.as_str().unwrap_or("");
        parts.push(format!("{k}={}", vm.repr(v)?));
    }
    Ok(Value::str(format!(
        "operator.methodcaller({})",
        parts.join(", ")
    )))
}

// ---- the module ----------------------------------------------------------------------------

/// The functions, by name; `true` marks those that also have a `__name__` alias.
const FUNCTIONS: &[(&str, NativeFn, bool)] = &[
    ("abs", abs, true),
    ("add", add, true),
    ("and_", and_, true),
    ("call", call, true),
    ("concat", concat, true),
    ("contains", contains, true),
    ("countOf", count_of, false),
    ("delitem", delitem, true),
    ("eq", eq, true),
    ("floordiv", floordiv, true),
    ("ge", ge, true),
    ("getitem", getitem, true),
    ("gt", gt, true),
    ("iadd", iadd, true),
    ("iand", iand, true),
    ("iconcat", iconcat, true),
    ("ifloordiv", ifloordiv, true),
    ("ilshift", ilshift, true),
    ("imatmul", imatmul, true),
    ("imod", imod, true),
    ("imul", imul, true),
    ("index", index, true),
    ("indexOf", index_of, false),
    ("inv", inv, true),
    ("invert", invert, true),
    ("ior", ior, true),
    ("ipow", ipow, true),
    ("irshift", irshift, true),
    ("is_", is_, false),
    ("is_not", is_not, false),
    ("isub", isub, true),
    ("itruediv", itruediv, true),
    ("ixor", ixor, true),
    ("le", le, true),
    ("length_hint", length_hint, false),
    ("lshift", lshift, true),
    ("lt", lt, true),
    ("matmul", matmul, true),
    ("mod", mod_, true),
    ("mul", mul, true),
    ("ne", ne, true),
    ("neg", neg, true),
    ("not_", not_, true),
    ("or_", or_, true),
    ("pos", pos, true),
    ("pow", pow, true),
    ("rshift", rshift, true),
    ("setitem", setitem, true),
    ("sub", sub, true),
    ("truediv", truediv, true),
    ("truth", truth, false),
    ("xor", xor, true),
];

pub fn init(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    for &(name, f, dunder) in FUNCTIONS {
        let func = native_function(name, f);
        if dunder {
            let alias = format!("__{}__", name.trim_end_matches('_'));
            set_attr(vm, module, &alias, func.clone());
        }
        set_attr(vm, module, name, func);
    }
    for t in [itemgetter_type(), attrgetter_type(), methodcaller_type()] {
        let name = type_data(t).name(&vm.gil);
        set_attr(vm, module, &name, Value::Obj(t.clone()));
    }
    Ok(())
}
