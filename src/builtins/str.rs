//! `str`: its constructor and methods, plus the argument helpers that the builtin value types'
//! methods share (receiver checks and CPython's argument-count messages for each calling style).
//!
//! The text semantics live in `object::text`, `object::format` and `object::format_template`;
//! this file checks arguments the way CPython does and converts between those and values.

use std::sync::Arc;

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use super::{add_method, add_methods};
use crate::compile::bytecode::CompareOp;
use crate::object::bytes as codecs;
use crate::object::dict::Dict;
use crate::object::format as fmt;
use crate::object::format_template::{Accessor, Arg, FieldName, Resolved, Spec, compile};
use crate::object::gil_cell::Gil;
use crate::object::text;
use crate::object::typeobj::{BuiltinTypes, ExcType, is_subtype, type_data, type_of, types};
use crate::object::value::{
    Args, NativeKind, ObjRef, Payload, PyStr, Value, new_dict_obj, new_instance,
};
use crate::vm::Vm;
use crate::vm::eval::type_name;
use crate::vm::exceptions::{
    PyErr, PyResult, exc_type_by_name, key_error, type_error, value_error,
};
use crate::vm::ops::{IntRef, as_int};

pub fn install(t: &BuiltinTypes, gil: &Gil) {
    let s = &t.str_;
    add_method(gil, s, "__new__", str_new, NativeKind::StaticMethod);
    add_method(gil, s, "maketrans", maketrans, NativeKind::StaticMethod);
    add_methods(gil, s, SEARCH_METHODS);
    add_methods(gil, s, SHAPE_METHODS);
    add_methods(gil, s, PREDICATES);
    add_methods(gil, s, DUNDERS);
}

const SEARCH_METHODS: &[(&str, crate::object::value::NativeFn)] = &[
    ("split", split),
    ("rsplit", rsplit),
    ("join", join),
    ("replace", replace),
    ("find", find),
    ("rfind", rfind),
    ("index", index),
    ("rindex", rindex),
    ("count", count),
    ("startswith", startswith),
    ("endswith", endswith),
    ("partition", partition),
    ("rpartition", rpartition),
    ("splitlines", splitlines),
    ("removeprefix", removeprefix),
    ("removesuffix", removesuffix),
    ("translate", translate),
    ("format", format),
    ("format_map", format_map),
    ("encode", encode),
];

const SHAPE_METHODS: &[(&str, crate::object::value::NativeFn)] = &[
    ("strip", strip),
    ("lstrip", lstrip),
    ("rstrip", rstrip),
    ("upper", upper),
    ("lower", lower),
    ("title", title),
    ("capitalize", capitalize),
    ("swapcase", swapcase),
    ("casefold", casefold),
    ("center", center),
    ("ljust", ljust),
    ("rjust", rjust),
    ("zfill", zfill),
    ("expandtabs", expandtabs),
];

const PREDICATES: &[(&str, crate::object::value::NativeFn)] = &[
    ("isdigit", isdigit),
    ("isdecimal", isdecimal),
    ("isnumeric", isnumeric),
    ("isalpha", isalpha),
    ("isalnum", isalnum),
    ("isspace", isspace),
    ("isupper", isupper),
    ("islower", islower),
    ("istitle", istitle),
    ("isidentifier", isidentifier),
    ("isprintable", isprintable),
    ("isascii", isascii),
];

const DUNDERS: &[(&str, crate::object::value::NativeFn)] = &[
    ("__add__", dunder_add),
    ("__mul__", dunder_mul),
    ("__rmul__", dunder_mul),
    ("__mod__", dunder_mod),
    ("__rmod__", dunder_rmod),
    ("__eq__", dunder_eq),
    ("__ne__", dunder_ne),
    ("__lt__", dunder_lt),
    ("__le__", dunder_le),
    ("__gt__", dunder_gt),
    ("__ge__", dunder_ge),
    ("__hash__", dunder_hash),
    ("__len__", dunder_len),
    ("__contains__", dunder_contains),
    ("__getitem__", dunder_getitem),
    ("__iter__", dunder_iter),
    ("__str__", dunder_str),
    ("__repr__", dunder_repr),
    ("__format__", dunder_format),
    ("__getnewargs__", dunder_getnewargs),
];

// ---------------------------------------------------------------------------------------
// Helpers shared with bytes.rs, int.rs and float.rs
// ---------------------------------------------------------------------------------------

/// The receiver of a method defined on `ty` (`args.pos[0]`), extracted by `get`, and the
/// remaining arguments. CPython's messages: `unbound method str.upper() needs an argument`,
/// `descriptor 'upper' for 'str' objects doesn't apply to a 'int' object`, and for slot
/// wrappers (dunders) `descriptor '__add__' requires a 'str' object but received a 'int'`.
pub(crate) fn receiver<'a, T>(
    vm: &Vm,
    args: &Args<'a>,
    ty: &ObjRef,
    method: &str,
    get: impl Fn(&'a Value) -> Option<T>,
) -> PyResult<(T, Args<'a>)> {
    let tname = type_data(ty).name(&vm.gil);
    let Some((first, rest)) = args.pos.split_first() else {
        return Err(type_error(format!(
            "unbound method {tname}.{method}() needs an argument"
        )));
    };
    let found = if crate::object::typeobj::is_instance(first, ty) {
        get(first)
    } else {
        None
    };
    match found {
        Some(v) => Ok((v, Args { pos: rest, ..*args })),
        None => {
            let other = type_name(first, vm);
            Err(type_error(
                if method.starts_with("__") && method.ends_with("__") {
                    format!(
                        "descriptor '{method}' requires a '{tname}' object but received a '{other}'"
                    )
                } else {
                    format!(
                        "descriptor '{method}' for '{tname}' objects doesn't apply to a '{other}' object"
                    )
                },
            ))
        }
    }
}

/// A method taking no arguments: `str.upper() takes no arguments (1 given)`.
pub(crate) fn no_args(args: &Args, qualname: &str) -> PyResult<()> {
    if args.has_kwargs() {
        return Err(type_error(format!(
            "{qualname}() takes no keyword arguments"
        )));
    }
    if !args.pos.is_empty() {
        return Err(type_error(format!(
            "{qualname}() takes no arguments ({} given)",
            args.pos.len()
        )));
    }
    Ok(())
}

/// A method taking exactly one positional argument: `str.join() takes exactly one argument
/// (0 given)`.
pub(crate) fn one_arg<'a>(args: &Args<'a>, qualname: &str) -> PyResult<&'a Value> {
    if args.has_kwargs() {
        return Err(type_error(format!(
            "{qualname}() takes no keyword arguments"
        )));
    }
    match args.pos {
        [v] => Ok(v),
        _ => Err(type_error(format!(
            "{qualname}() takes exactly one argument ({} given)",
            args.pos.len()
        ))),
    }
}

/// Positional arguments parsed the old `PyArg_ParseTuple` way: `find() takes at least 1
/// argument (0 given)`, `find() takes at most 3 arguments (4 given)`.
pub(crate) fn tuple_args<'a>(
    args: &Args<'a>,
    fname: &str,
    min: usize,
    max: usize,
) -> PyResult<&'a [Value]> {
    if args.has_kwargs() {
        return Err(type_error(format!("{fname}() takes no keyword arguments")));
    }
    let n = args.pos.len();
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    if n < min {
        return Err(type_error(format!(
            "{fname}() takes at least {min} argument{} ({n} given)",
            plural(min)
        )));
    }
    if n > max {
        return Err(type_error(format!(
            "{fname}() takes at most {max} argument{} ({n} given)",
            plural(max)
        )));
    }
    Ok(args.pos)
}

/// The arguments of a slot wrapper (`str.__add__`): exactly `n` positional arguments,
/// `expected 1 argument, got 0`.
pub(crate) fn wrapper_args<'a>(args: &Args<'a>, name: &str, n: usize) -> PyResult<&'a [Value]> {
    if args.has_kwargs() {
        return Err(type_error(format!(
            "wrapper {name}() takes no keyword arguments"
        )));
    }
    if args.pos.len() != n {
        let plural = if n == 1 { "" } else { "s" };
        return Err(type_error(format!(
            "expected {n} argument{plural}, got {}",
            args.pos.len()
        )));
    }
    Ok(args.pos)
}

/// Argument Clinic binding of parameters `names`: the first `posonly` are positional-only,
/// at most `max_pos` may be given by position (the rest are keyword-only), the first
/// `required` must be given. Messages as CPython's: `split() takes at most 2 arguments (3
/// given)`, `to_bytes() takes at most 2 positional arguments (3 given)`, `'x' is an invalid
/// keyword argument for split()`, `from_bytes() missing required argument 'bytes' (pos 1)`.
pub(crate) struct Clinic<'n> {
    pub fname: &'n str,
    pub names: &'n [&'n str],
    pub posonly: usize,
    pub max_pos: usize,
    pub required: usize,
}

impl Clinic<'_> {
    pub(crate) fn bind(&self, args: &Args) -> PyResult<Vec<Option<Value>>> {
        let fname = self.fname;
        let n = args.pos.len();
        let total = n + args.kw_names.len();
        let max = self.names.len();
        if total > max {
            let plural = if max == 1 { "" } else { "s" };
            return Err(type_error(if self.required == max {
                format!("{fname}() takes exactly {max} argument{plural} ({total} given)")
            } else {
                format!("{fname}() takes at most {max} argument{plural} ({total} given)")
            }));
        }
        if n > self.max_pos {
            let plural = if self.max_pos == 1 { "" } else { "s" };
            let msg = if self.max_pos < self.names.len() {
                format!(
                    "{fname}() takes at most {} positional argument{plural} ({n} given)",
                    self.max_pos
                )
            } else if self.required == self.max_pos {
                format!(
                    "{fname}() takes exactly {} argument{plural} ({n} given)",
                    self.max_pos
                )
            } else {
                format!(
                    "{fname}() takes at most {} argument{plural} ({n} given)",
                    self.max_pos
                )
            };
            return Err(type_error(msg));
        }
        let mut out: Vec<Option<Value>> = args.pos.iter().cloned().map(Some).collect();
        out.resize(self.names.len(), None);
        for (k, v) in args.kw_names.iter().zip(args.kw_values) {
            let k = k.as_str().unwrap_or("");
            let slot = self.names[self.posonly..]
                .iter()
                .position(|n| *n == k)
                .map(|i| i + self.posonly);
            match slot {
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
        for (i, slot) in out.iter().enumerate().take(self.required) {
            if slot.is_none() {
                return Err(type_error(format!(
                    "{fname}() missing required argument '{}' (pos {})",
                    self.names[i],
                    i + 1
                )));
            }
        }
        Ok(out)
    }
}

/// The int an object stands for through `__index__` (`None` when it has none); the result
/// must be an int: `__index__ returned non-int (type float)`.
pub(crate) fn index_int(vm: &mut Vm, v: &Value) -> PyResult<Option<BigInt>> {
    if let Some(i) = as_int(v) {
        return Ok(Some(i.to_big()));
    }
    let Some(m) = vm.lookup_special(type_of(v), "__index__") else {
        return Ok(None);
    };
    let r = vm.call_special(&m, v, &[])?;
    match as_int(&r) {
        Some(i) => Ok(Some(i.to_big())),
        None => Err(type_error(format!(
            "__index__ returned non-int (type {})",
            type_name(&r, vm)
        ))),
    }
}

/// A `Py_ssize_t` argument: `'str' object cannot be interpreted as an integer`, and
/// `OverflowError` for ints beyond 64 bits.
pub(crate) fn ssize_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if let Some(IntRef::Small(i)) = as_int(v) {
        return Ok(i);
    }
    match index_int(vm, v)? {
        Some(b) => b.to_i64().ok_or_else(|| {
            PyErr::new(
                ExcType::OverflowError,
                "Python int too large to convert to C ssize_t",
            )
        }),
        None => Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(v, vm)
        ))),
    }
}

/// A `start`/`end` argument of the search methods: None, or an int clipped to 64 bits.
pub(crate) fn slice_index(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<i64>> {
    let Some(v) = v.filter(|v| !v.is_none()) else {
        return Ok(None);
    };
    match index_int(vm, v)? {
        Some(b) => Ok(Some(b.to_i64().unwrap_or(
            if b.sign() == num_bigint::Sign::Minus {
                i64::MIN
            } else {
                i64::MAX
            },
        ))),
        None => Err(type_error(
            "slice indices must be integers or None or have an __index__ method",
        )),
    }
}

/// The class a `__new__` was called with, checked against the builtin type `base`, and the
/// constructor's own arguments.
pub(crate) fn new_class<'a>(
    vm: &Vm,
    args: &Args<'a>,
    base: &ObjRef,
) -> PyResult<(ObjRef, Args<'a>)> {
    let bname = type_data(base).name(&vm.gil);
    let Some((first, rest)) = args.pos.split_first() else {
        return Err(type_error(format!(
            "{bname}.__new__(): not enough arguments"
        )));
    };
    let cls = match first {
        Value::Obj(o) if matches!(o.payload, Payload::Type(_)) => o.clone(),
        other => {
            return Err(type_error(format!(
                "{bname}.__new__(X): X is not a type object ({})",
                type_name(other, vm)
            )));
        }
    };
    let cname = type_data(&cls).name(&vm.gil);
    if !is_subtype(&cls, base) {
        return Err(type_error(format!(
            "{bname}.__new__({cname}): {cname} is not a subtype of {bname}"
        )));
    }
    if !type_data(&cls).heap && !Arc::ptr_eq(&cls, base) {
        return Err(type_error(format!(
            "{bname}.__new__({cname}) is not safe, use {cname}.__new__()"
        )));
    }
    Ok((cls, Args { pos: rest, ..*args }))
}

pub(crate) fn not_implemented() -> Value {
    crate::vm::singletons().not_implemented.clone()
}

/// A `bytes` codec or method error as the Python exception it names.
pub(crate) fn bytes_error(e: codecs::BytesError) -> PyErr {
    let kind = match e.type_name() {
        "NotImplementedError" => ExcType::NotImplementedError,
        other => exc_type_by_name(other),
    };
    PyErr::new(kind, e.message())
}

fn text_error(e: text::TextError) -> PyErr {
    PyErr::new(exc_type_by_name(e.kind), e.msg)
}

/// `ascii(v)`: the repr with every non-ASCII character escaped.
pub(crate) fn ascii_of(vm: &mut Vm, v: &Value) -> PyResult<String> {
    if let Some(s) = v.as_str()
        && !type_data(type_of(v)).heap
    {
        return Ok(text::ascii_str(s));
    }
    let r = vm.repr(v)?;
    let mut out = String::with_capacity(r.len());
    for c in r.chars() {
        let n = c as u32;
        match n {
            0..=0x7f => out.push(c),
            0x80..=0xff => out.push_str(&format!("\\x{n:02x}")),
            0x100..=0xffff => out.push_str(&format!("\\u{n:04x}")),
            _ => out.push_str(&format!("\\U{n:08x}")),
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------
// This file's own helpers
// ---------------------------------------------------------------------------------------

/// The receiving str of a str method and the other arguments.
fn this<'a>(vm: &Vm, args: &Args<'a>, method: &str) -> PyResult<(&'a PyStr, Args<'a>)> {
    receiver(vm, args, &types().str_, method, Value::as_pystr)
}

/// A str argument: `{prefix}must be str, not int`.
fn str_arg<'a>(vm: &Vm, v: &'a Value, prefix: &str) -> PyResult<&'a str> {
    v.as_str()
        .ok_or_else(|| type_error(format!("{prefix}must be str, not {}", type_name(v, vm))))
}

fn new_str(s: impl Into<Box<str>>) -> Value {
    Value::str(s)
}

/// The str as a plain `str` value (itself when it is not an instance of a subclass).
fn plain(v: &Value) -> Value {
    match v {
        Value::Obj(o) if o.class.is_none() => v.clone(),
        _ => new_str(v.as_str().unwrap_or("")),
    }
}

fn str_list(items: Vec<String>) -> Value {
    Value::list(items.into_iter().map(new_str).collect())
}

// ---------------------------------------------------------------------------------------
// The constructor
// ---------------------------------------------------------------------------------------

/// `str(object='')` and `str(object=b'', encoding='utf-8', errors='strict')`.
fn str_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (cls, rest) = new_class(vm, &args, &types().str_)?;
    let a = Clinic {
        fname: "str",
        names: &["object", "encoding", "errors"],
        posonly: 0,
        max_pos: 3,
        required: 0,
    }
    .bind(&rest)?;
    let exact = Arc::ptr_eq(&cls, &types().str_);
    let text = match (&a[0], &a[1], &a[2]) {
        (None, None, None) => String::new(),
        (Some(o), None, None) => {
            if exact && matches!(o, Value::Obj(ob) if ob.class.is_none()) && o.as_str().is_some() {
                return Ok(o.clone());
            }
            vm.str(o)?
        }
        (o, enc, errors) => decode_object(vm, o.as_ref(), enc.as_ref(), errors.as_ref())?,
    };
    Ok(if exact {
        new_str(text)
    } else {
        new_instance(cls, Payload::Str(PyStr::new(text)), true)
    })
}

/// `str(b, encoding, errors)`: decodes a bytes-like object.
fn decode_object(
    vm: &mut Vm,
    obj: Option<&Value>,
    encoding: Option<&Value>,
    errors: Option<&Value>,
) -> PyResult<String> {
    let encoding = match encoding {
        Some(e) => str_arg(vm, e, "str() argument 'encoding' ")?,
        None => "utf-8",
    };
    let errors = match errors {
        Some(e) => str_arg(vm, e, "str() argument 'errors' ")?,
        None => "strict",
    };
    let data = match obj {
        None => Vec::new(),
        Some(o) => match vm.bytes_data(o) {
            Some(d) => d,
            None if o.as_str().is_some() => {
                return Err(type_error("decoding str is not supported"));
            }
            None => {
                return Err(type_error(format!(
                    "decoding to str: need a bytes-like object, {} found",
                    type_name(o, vm)
                )));
            }
        },
    };
    codecs::decode(&data, encoding, errors).map_err(bytes_error)
}

// ---------------------------------------------------------------------------------------
// Splitting, joining, searching
// ---------------------------------------------------------------------------------------

fn split_args(vm: &mut Vm, rest: &Args, fname: &str) -> PyResult<(Option<String>, i64)> {
    let a = Clinic {
        fname,
        names: &["sep", "maxsplit"],
        posonly: 0,
        max_pos: 2,
        required: 0,
    }
    .bind(rest)?;
    let sep = match &a[0] {
        None | Some(Value::None) => None,
        Some(v) => Some(
            v.as_str()
                .ok_or_else(|| {
                    type_error(format!("must be str or None, not {}", type_name(v, vm)))
                })?
                .to_string(),
        ),
    };
    let maxsplit = match &a[1] {
        None => -1,
        Some(v) => ssize_arg(vm, v)?,
    };
    Ok((sep, maxsplit))
}

fn split(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = this(vm, &args, "split")?;
    let (sep, maxsplit) = split_args(vm, &rest, "split")?;
    let parts = text::split(s.as_str(), sep.as_deref(), maxsplit).map_err(text_error)?;
    Ok(str_list(parts))
}

fn rsplit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = this(vm, &args, "rsplit")?;
    let (sep, maxsplit) = split_args(vm, &rest, "rsplit")?;
    let parts = text::rsplit(s.as_str(), sep.as_deref(), maxsplit).map_err(text_error)?;
    Ok(str_list(parts))
}

fn join(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = this(vm, &args, "join")?;
    let iterable = one_arg(&rest, "str.join")?;
    let items = match iterable.payload() {
        Some(Payload::List(l)) => l.borrow(&vm.gil).clone(),
        Some(Payload::Tuple(t)) => t.to_vec(),
        _ => {
            let it = vm.get_iter(iterable).map_err(|e| {
                if e.matches(ExcType::TypeError) {
                    type_error("can only join an iterable")
                } else {
                    e
                }
            })?;
            let mut out = Vec::new();
            while let Some(x) = vm.next(&it)? {
                out.push(x);
            }
            out
        }
    };
    let mut parts: Vec<&str> = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        match item.as_str() {
            Some(t) => parts.push(t),
            None => {
                return Err(type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    type_name(item, vm)
                )));
            }
        }
    }
    Ok(new_str(text::join(s.as_str(), &parts)))
}

fn replace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = this(vm, &args, "replace")?;
    let a = rest.between("replace", 2, 3)?;
    let old = str_arg(vm, &a[0], "replace() argument 1 ")?;
    let new = str_arg(vm, &a[1], "replace() argument 2 ")?;
    let count = match a.get(2) {
        Some(v) => ssize_arg(vm, v)?,
        None => -1,
    };
    let out = text::replace(s.as_str(), old, new, count).map_err(text_error)?;
    Ok(new_str(out))
}

/// The `(sub, start, end)` arguments of find/count/index: start and end are read first, as
/// CPython does, then `sub` must be a str.
fn find_args<'a>(
    vm: &mut Vm,
    rest: &Args<'a>,
    fname: &str,
) -> PyResult<(&'a str, Option<i64>, Option<i64>)> {
    let a = tuple_args(rest, fname, 1, 3)?;
    let start = slice_index(vm, a.get(1))?;
    let end = slice_index(vm, a.get(2))?;
    let sub = str_arg(vm, &a[0], "")?;
    Ok((sub, start, end))
}

fn find(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = this(vm, &args, "find")?;
    let (sub, start, end) = find_args(vm, &rest, "find")?;
    Ok(Value::Int(text::find(s.as_str(), sub, start, end)))
}

fn rfind(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = this(vm, &args, "rfind")?;
    let (sub, start, end) = find_args(vm, &rest, "rfind")?;
    Ok(Value::Int(text::rfind(s.as_str(), sub, start, end)))
}

fn index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = this(vm, &args, "index")?;
    let (sub, start, end) = find_args(vm, &rest, "index")?;
    let i = text::index(s.as_str(), sub, start, end).map_err(text_error)?;
    Ok(Value::Int(i))
}

fn rindex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = this(vm, &args, "rindex")?;
    let (sub, start, end) = find_args(vm, &rest, "rindex")?;
    let i = text::rindex(s.as_str(), sub, start, end).map_err(text_error)?;
    Ok(Value::Int(i))
}

fn count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = this(vm, &args, "count")?;
    let (sub, start, end) = find_args(vm, &rest, "count")?;
    Ok(Value::Int(text::count(s.as_str(), sub, start, end)))
}

/// startswith/endswith: a str or a tuple of str, the tuple's items checked lazily (a match
/// before a bad item wins), as CPython does.
fn tail_match(vm: &mut Vm, args: Args, fname: &str, at_end: bool) -> PyResult<Value> {
    let (s, rest) = this(vm, &args, fname)?;
    let a = tuple_args(&rest, fname, 1, 3)?;
    let start = slice_index(vm, a.get(1))?;
    let end = slice_index(vm, a.get(2))?;
    let test = |affix: &str| {
        if at_end {
            text::endswith(s.as_str(), &[affix], start, end)
        } else {
            text::startswith(s.as_str(), &[affix], start, end)
        }
    };
    if let Some(affix) = a[0].as_str() {
        return Ok(Value::Bool(test(affix)));
    }
    let Some(items) = a[0].as_tuple() else {
        return Err(type_error(format!(
            "{fname} first arg must be str or a tuple of str, not {}",
            type_name(&a[0], vm)
        )));
    };
    for it in items {
        let Some(affix) = it.as_str() else {
            return Err(type_error(format!(
                "tuple for {fname} must only contain str, not {}",
                type_name(it, vm)
            )));
        };
        if test(affix) {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn startswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    tail_match(vm, args, "startswith", false)
}

fn endswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    tail_match(vm, args, "endswith", true)
}

fn three(parts: (String, String, String)) -> Value {
    Value::tuple(vec![new_str(parts.0), new_str(parts.1), new_str(parts.2)])
}

fn partition(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = this(vm, &args, "partition")?;
    let sep = str_arg(vm, one_arg(&rest, "str.partition")?, "")?;
    Ok(three(text::partition(s.as_str(), sep).map_err(text_error)?))
}

fn rpartition(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = this(vm, &args, "rpartition")?;
    let sep = str_arg(vm, one_arg(&rest, "str.rpartition")?, "")?;
    Ok(three(
        text::rpartition(s.as_str(), sep).map_err(text_error)?,
    ))
}

fn splitlines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = this(vm, &args, "splitlines")?;
    let a = Clinic {
        fname: "splitlines",
        names: &["keepends"],
        posonly: 0,
        max_pos: 1,
        required: 0,
    }
    .bind(&rest)?;
    let keepends = match &a[0] {
        Some(v) => ssize_arg(vm, v)? != 0,
        None => false,
    };
    Ok(str_list(text::splitlines(s.as_str(), keepends)))
}

fn removeprefix(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = this(vm, &args, "removeprefix")?;
    let p = str_arg(
        vm,
        one_arg(&rest, "str.removeprefix")?,
        "removeprefix() argument ",
    )?;
    Ok(new_str(text::removeprefix(s.as_str(), p)))
}

fn removesuffix(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = this(vm, &args, "removesuffix")?;
    let p = str_arg(
        vm,
        one_arg(&rest, "str.removesuffix")?,
        "removesuffix() argument ",
    )?;
    Ok(new_str(text::removesuffix(s.as_str(), p)))
}

// ---------------------------------------------------------------------------------------
// translate / maketrans
// ---------------------------------------------------------------------------------------

/// `str.maketrans(x[, y[, z]])`: a dict from code points to code points, strings or None.
fn maketrans(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.between("maketrans", 1, 3)?;
    let d = new_dict_obj(Dict::new());
    if a.len() == 1 {
        let Some(Payload::Dict(_)) = a[0].payload() else {
            return Err(type_error(
                "if you give only one argument to maketrans it must be a dict",
            ));
        };
        for (k, v) in vm.mapping_items(&a[0])? {
            let key = match (k.as_str(), as_int(&k)) {
                (Some(s), _) => {
                    let mut it = s.chars();
                    match (it.next(), it.next()) {
                        (Some(c), None) => Value::Int(i64::from(c as u32)),
                        _ => {
                            return Err(value_error(
                                "string keys in translate table must be of length 1",
                            ));
                        }
                    }
                }
                (None, Some(_)) => k.clone(),
                (None, None) => {
                    return Err(type_error(
                        "keys in translate table must be strings or integers",
                    ));
                }
            };
            vm.dict_set(&d, key, v)?;
        }
        return Ok(Value::Obj(d));
    }
    let Some(x) = a[0].as_str() else {
        return Err(type_error(
            "first maketrans argument must be a string if there is a second argument",
        ));
    };
    let y = str_arg(vm, &a[1], "maketrans() argument 2 ")?;
    let z = match a.get(2) {
        Some(z) => str_arg(vm, z, "maketrans() argument 3 ")?,
        None => "",
    };
    if x.chars().count() != y.chars().count() {
        return Err(value_error(
            "the first two maketrans arguments must have equal length",
        ));
    }
    for (cx, cy) in x.chars().zip(y.chars()) {
        let (kx, vy) = (i64::from(cx as u32), i64::from(cy as u32));
        vm.dict_set(&d, Value::Int(kx), Value::Int(vy))?;
    }
    for c in z.chars() {
        vm.dict_set(&d, Value::Int(i64::from(c as u32)), Value::None)?;
    }
    Ok(Value::Obj(d))
}

/// What the translation table maps one character to: `None` keeps it.
fn lookup_translation(vm: &mut Vm, table: &Value, c: char) -> PyResult<Option<Value>> {
    let key = Value::Int(i64::from(c as u32));
    if let Value::Obj(o) = table
        && o.class.is_none()
        && matches!(o.payload, Payload::Dict(_))
    {
        return vm.dict_get(o, &key);
    }
    match vm.get_item(table, &key) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.matches(ExcType::LookupError) => Ok(None),
        Err(e) => Err(e),
    }
}

fn translate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = this(vm, &args, "translate")?;
    let table = one_arg(&rest, "str.translate")?;
    let mut out = String::with_capacity(s.as_str().len());
    for c in s.as_str().chars() {
        let Some(v) = lookup_translation(vm, table, c)? else {
            out.push(c);
            continue;
        };
        if v.is_none() {
            continue;
        }
        if let Some(t) = v.as_str() {
            out.push_str(t);
            continue;
        }
        match as_int(&v) {
            Some(IntRef::Small(n)) if (0..0x11_0000).contains(&n) => {
                out.push(char::from_u32(n as u32).unwrap_or('\u{fffd}'));
            }
            Some(_) => return Err(value_error("character mapping must be in range(0x110000)")),
            None => {
                return Err(type_error(
                    "character mapping must return integer, None or str",
                ));
            }
        }
    }
    Ok(new_str(out))
}

// ---------------------------------------------------------------------------------------
// format / format_map
// ---------------------------------------------------------------------------------------

/// Where a template's fields find their values.
enum Kwargs<'a> {
    /// `str.format`'s keyword arguments.
    Given(&'a [Value], &'a [Value]),
    /// `str.format_map`'s mapping.
    Mapping(&'a Value),
}

struct FormatArgs<'a> {
    pos: &'a [Value],
    kw: Kwargs<'a>,
}

fn format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = this(vm, &args, "format")?;
    let fa = FormatArgs {
        pos: rest.pos,
        kw: Kwargs::Given(rest.kw_names, rest.kw_values),
    };
    format_with(vm, s.as_str(), &fa)
}

fn format_map(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = this(vm, &args, "format_map")?;
    let mapping = one_arg(&rest, "str.format_map")?;
    let fa = FormatArgs {
        pos: &[],
        kw: Kwargs::Mapping(mapping),
    };
    format_with(vm, s.as_str(), &fa)
}

fn format_with(vm: &mut Vm, template: &str, fa: &FormatArgs) -> PyResult<Value> {
    let pieces = compile(template).map_err(|e| PyErr::new(exc_type_by_name(e.kind), e.msg))?;
    let mut out = String::new();
    render(vm, &pieces, fa, &mut out)?;
    Ok(new_str(out))
}

fn render(vm: &mut Vm, pieces: &[Resolved], fa: &FormatArgs, out: &mut String) -> PyResult<()> {
    for piece in pieces {
        let field = match piece {
            Resolved::Literal(t) => {
                out.push_str(t);
                continue;
            }
            Resolved::Field(f) => f,
        };
        let v = field_value(vm, &field.name, fa)?;
        let v = match field.conversion {
            Some('r') => new_str(vm.repr(&v)?),
            Some('s') => new_str(vm.str(&v)?),
            Some('a') => new_str(ascii_of(vm, &v)?),
            _ => v,
        };
        let spec = match &field.spec {
            Spec::Plain(s) => s.clone(),
            Spec::Nested(inner) => {
                let mut s = String::new();
                render(vm, inner, fa, &mut s)?;
                s
            }
        };
        out.push_str(&format_value(vm, &v, &spec)?);
    }
    Ok(())
}

/// `format(v, spec)`. An instance of a subclass of int, float or str that does not override
/// `__format__` formats as `str(v)` under an empty spec, as the builtin `__format__`s do
/// (`vm.format` formats the payload instead).
fn format_value(vm: &mut Vm, v: &Value, spec: &str) -> PyResult<String> {
    let t = type_of(v).clone();
    if spec.is_empty() && type_data(&t).heap && vm.lookup_special(&t, "__format__").is_none() {
        return vm.str(v);
    }
    vm.format(v, spec)
}

/// The value a field name reads: the argument, then each attribute or item lookup.
fn field_value(vm: &mut Vm, name: &FieldName, fa: &FormatArgs) -> PyResult<Value> {
    let mut v = match &name.first {
        Arg::Index(i) => {
            if let Kwargs::Mapping(_) = fa.kw {
                return Err(value_error("Format string contains positional fields"));
            }
            fa.pos.get(*i).cloned().ok_or_else(|| {
                PyErr::new(
                    ExcType::IndexError,
                    format!("Replacement index {i} out of range for positional args tuple"),
                )
            })?
        }
        Arg::Keyword(k) => match &fa.kw {
            Kwargs::Given(names, values) => names
                .iter()
                .position(|n| n.as_str() == Some(k.as_str()))
                .map(|i| values[i].clone())
                .ok_or_else(|| key_error(new_str(k.as_str())))?,
            Kwargs::Mapping(m) => vm.get_item(m, &new_str(k.as_str()))?,
        },
        // `compile` numbers every automatic field.
        Arg::Auto => return Err(value_error("Format string contains positional fields")),
    };
    for acc in &name.rest {
        v = match acc {
            Accessor::Attribute(a) => vm.get_attr(&v, &new_str(a.as_str()))?,
            Accessor::Index(i) => {
                let key = Value::Int(i64::try_from(*i).unwrap_or(i64::MAX));
                vm.get_item(&v, &key)?
            }
            Accessor::Key(k) => vm.get_item(&v, &new_str(k.as_str()))?,
        };
    }
    Ok(v)
}

fn encode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = this(vm, &args, "encode")?;
    let a = Clinic {
        fname: "encode",
        names: &["encoding", "errors"],
        posonly: 0,
        max_pos: 2,
        required: 0,
    }
    .bind(&rest)?;
    let encoding = match &a[0] {
        Some(v) => str_arg(vm, v, "encode() argument 'encoding' ")?.to_string(),
        None => "utf-8".into(),
    };
    let errors = match &a[1] {
        Some(v) => str_arg(vm, v, "encode() argument 'errors' ")?.to_string(),
        None => "strict".into(),
    };
    let data = codecs::encode(s.as_str(), &encoding, &errors).map_err(bytes_error)?;
    Ok(Value::bytes(data))
}

// ---------------------------------------------------------------------------------------
// Stripping, case, padding
// ---------------------------------------------------------------------------------------

fn strip_with(
    vm: &mut Vm,
    args: Args,
    fname: &str,
    f: for<'t> fn(&'t str, Option<&str>) -> &'t str,
) -> PyResult<Value> {
    let (s, rest) = this(vm, &args, fname)?;
    let a = rest.between(fname, 0, 1)?;
    let chars = match a.first() {
        None | Some(Value::None) => None,
        Some(v) => Some(
            v.as_str()
                .ok_or_else(|| type_error(format!("{fname} arg must be None or str")))?,
        ),
    };
    Ok(new_str(f(s.as_str(), chars)))
}

fn strip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_with(vm, args, "strip", text::strip)
}

fn lstrip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_with(vm, args, "lstrip", text::lstrip)
}

fn rstrip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_with(vm, args, "rstrip", text::rstrip)
}

/// A method without arguments mapping the text to new text.
fn mapped(vm: &mut Vm, args: Args, name: &str, f: fn(&str) -> String) -> PyResult<Value> {
    let (s, rest) = this(vm, &args, name)?;
    no_args(&rest, &format!("str.{name}"))?;
    Ok(new_str(f(s.as_str())))
}

fn upper(vm: &mut Vm, args: Args) -> PyResult<Value> {
    mapped(vm, args, "upper", text::upper)
}

fn lower(vm: &mut Vm, args: Args) -> PyResult<Value> {
    mapped(vm, args, "lower", text::lower)
}

fn title(vm: &mut Vm, args: Args) -> PyResult<Value> {
    mapped(vm, args, "title", text::title)
}

fn capitalize(vm: &mut Vm, args: Args) -> PyResult<Value> {
    mapped(vm, args, "capitalize", text::capitalize)
}

fn swapcase(vm: &mut Vm, args: Args) -> PyResult<Value> {
    mapped(vm, args, "swapcase", text::swapcase)
}

fn casefold(vm: &mut Vm, args: Args) -> PyResult<Value> {
    mapped(vm, args, "casefold", text::casefold)
}

fn pad_with(
    vm: &mut Vm,
    args: Args,
    fname: &str,
    f: fn(&str, i64, &str) -> Result<String, text::TextError>,
) -> PyResult<Value> {
    let (s, rest) = this(vm, &args, fname)?;
    let a = rest.between(fname, 1, 2)?;
    let width = ssize_arg(vm, &a[0])?;
    let fill = match a.get(1) {
        Some(v) => v.as_str().ok_or_else(|| {
            type_error(format!(
                "The fill character must be a unicode character, not {}",
                type_name(v, vm)
            ))
        })?,
        None => " ",
    };
    Ok(new_str(f(s.as_str(), width, fill).map_err(text_error)?))
}

fn center(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pad_with(vm, args, "center", text::center)
}

fn ljust(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pad_with(vm, args, "ljust", text::ljust)
}

fn rjust(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pad_with(vm, args, "rjust", text::rjust)
}

fn zfill(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = this(vm, &args, "zfill")?;
    let width = ssize_arg(vm, one_arg(&rest, "str.zfill")?)?;
    Ok(new_str(text::zfill(s.as_str(), width).map_err(text_error)?))
}

fn expandtabs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = this(vm, &args, "expandtabs")?;
    let a = Clinic {
        fname: "expandtabs",
        names: &["tabsize"],
        posonly: 0,
        max_pos: 1,
        required: 0,
    }
    .bind(&rest)?;
    let tabsize = match &a[0] {
        Some(v) => ssize_arg(vm, v)?,
        None => 8,
    };
    Ok(new_str(
        text::expandtabs(s.as_str(), tabsize).map_err(text_error)?,
    ))
}

// ---------------------------------------------------------------------------------------
// Predicates
// ---------------------------------------------------------------------------------------

fn predicate(vm: &mut Vm, args: Args, name: &str, f: fn(&str) -> bool) -> PyResult<Value> {
    let (s, rest) = this(vm, &args, name)?;
    no_args(&rest, &format!("str.{name}"))?;
    Ok(Value::Bool(f(s.as_str())))
}

fn isdigit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    predicate(vm, args, "isdigit", text::isdigit)
}

fn isdecimal(vm: &mut Vm, args: Args) -> PyResult<Value> {
    predicate(vm, args, "isdecimal", text::isdecimal)
}

fn isnumeric(vm: &mut Vm, args: Args) -> PyResult<Value> {
    predicate(vm, args, "isnumeric", text::isnumeric)
}

fn isalpha(vm: &mut Vm, args: Args) -> PyResult<Value> {
    predicate(vm, args, "isalpha", text::isalpha)
}

fn isalnum(vm: &mut Vm, args: Args) -> PyResult<Value> {
    predicate(vm, args, "isalnum", text::isalnum)
}

fn isspace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    predicate(vm, args, "isspace", text::isspace)
}

fn isupper(vm: &mut Vm, args: Args) -> PyResult<Value> {
    predicate(vm, args, "isupper", text::isupper)
}

fn islower(vm: &mut Vm, args: Args) -> PyResult<Value> {
    predicate(vm, args, "islower", text::islower)
}

fn istitle(vm: &mut Vm, args: Args) -> PyResult<Value> {
    predicate(vm, args, "istitle", text::istitle)
}

fn isidentifier(vm: &mut Vm, args: Args) -> PyResult<Value> {
    predicate(vm, args, "isidentifier", text::isidentifier)
}

fn isprintable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    predicate(vm, args, "isprintable", text::isprintable)
}

fn isascii(vm: &mut Vm, args: Args) -> PyResult<Value> {
    predicate(vm, args, "isascii", text::isascii)
}

// ---------------------------------------------------------------------------------------
// Special methods: each works on the str payload, so `super().__str__()` and calls through
// the class (`str.__add__(a, b)`) bypass a subclass's overrides.
// ---------------------------------------------------------------------------------------

/// The receiver and the single argument of a binary slot wrapper.
fn binary<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<(&'a PyStr, &'a Value)> {
    let (s, rest) = this(vm, args, name)?;
    let a = wrapper_args(&rest, name, 1)?;
    Ok((s, &a[0]))
}

fn unary<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<(&'a PyStr, &'a Value)> {
    let (s, rest) = this(vm, args, name)?;
    wrapper_args(&rest, name, 0)?;
    Ok((s, &args.pos[0]))
}

fn dunder_add(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, other) = binary(vm, &args, "__add__")?;
    match other.as_str() {
        Some(o) => Ok(new_str(format!("{}{o}", s.as_str()))),
        None => Err(type_error(format!(
            "can only concatenate str (not \"{}\") to str",
            type_name(other, vm)
        ))),
    }
}

/// `__mul__`/`__rmul__`: repetition (the argument goes through `__index__`).
fn dunder_mul(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = this(vm, &args, "__mul__")?;
    if rest.pos.len() != 1 || rest.has_kwargs() {
        return Err(type_error(format!(
            " expected 1 argument, got {}",
            rest.pos.len()
        )));
    }
    let n = ssize_arg(vm, &rest.pos[0])?;
    Ok(new_str(text::repeat(s.as_str(), n).map_err(text_error)?))
}

fn dunder_mod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, other) = binary(vm, &args, "__mod__")?;
    let template = plain(&args.pos[0]);
    vm.str_percent(&template, other)
}

fn dunder_rmod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    binary(vm, &args, "__rmod__")?;
    Ok(not_implemented())
}

fn compare(vm: &mut Vm, args: Args, name: &str, op: CompareOp) -> PyResult<Value> {
    let (s, other) = binary(vm, &args, name)?;
    match other.as_str() {
        Some(o) => Ok(Value::Bool(crate::vm::ops::cmp_holds(
            op,
            s.as_str().cmp(o),
        ))),
        None => Ok(not_implemented()),
    }
}

fn dunder_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, "__eq__", CompareOp::Eq)
}

fn dunder_ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, "__ne__", CompareOp::Ne)
}

fn dunder_lt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, "__lt__", CompareOp::Lt)
}

fn dunder_le(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, "__le__", CompareOp::Le)
}

fn dunder_gt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, "__gt__", CompareOp::Gt)
}

fn dunder_ge(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, "__ge__", CompareOp::Ge)
}

fn dunder_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = unary(vm, &args, "__hash__")?;
    Ok(Value::Int(s.hash()))
}

fn dunder_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = unary(vm, &args, "__len__")?;
    Ok(Value::Int(i64::try_from(s.char_len()).unwrap_or(i64::MAX)))
}

fn dunder_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, other) = binary(vm, &args, "__contains__")?;
    match other.as_str() {
        Some(o) => Ok(Value::Bool(s.as_str().contains(o))),
        None => Err(type_error(format!(
            "'in <string>' requires string as left operand, not {}",
            type_name(other, vm)
        ))),
    }
}

fn dunder_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, key) = binary(vm, &args, "__getitem__")?;
    let p = plain(&args.pos[0]);
    vm.get_item(&p, key)
}

fn dunder_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, v) = unary(vm, &args, "__iter__")?;
    let p = plain(v);
    vm.get_iter(&p)
}

fn dunder_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, v) = unary(vm, &args, "__str__")?;
    Ok(plain(v))
}

fn dunder_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = unary(vm, &args, "__repr__")?;
    Ok(new_str(text::repr_str(s.as_str())))
}

/// `str.__format__(spec)`: an empty spec gives `str(self)` (a subclass's `__str__` counts).
fn dunder_format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = this(vm, &args, "__format__")?;
    let spec = one_arg(&rest, "str.__format__")?;
    let spec = str_arg(vm, spec, "__format__() argument ")?;
    if spec.is_empty() {
        return Ok(new_str(vm.str(&args.pos[0])?));
    }
    let out = fmt::format_str(s.as_str(), spec)
        .map_err(|e| PyErr::new(exc_type_by_name(e.kind), e.msg))?;
    Ok(new_str(out))
}

fn dunder_getnewargs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, rest) = this(vm, &args, "__getnewargs__")?;
    no_args(&rest, "str.__getnewargs__")?;
    Ok(Value::tuple(vec![plain(&args.pos[0])]))
}
