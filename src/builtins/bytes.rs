//! `bytes` and `bytearray`: their constructors, their shared methods (one generic
//! implementation, instantiated per type so each returns its own type), and bytearray's
//! mutators (`append`, `extend`, `pop`, `insert`, `remove`, item and slice assignment, …).
//!
//! The byte semantics live in `object::bytes`; the ASCII-only case and padding methods it
//! does not have are small enough to sit here.

use std::sync::Arc;

use num_traits::ToPrimitive;

use super::str::{
    Clinic, bytes_error, index_int, new_class, no_args, not_implemented, one_arg, receiver,
    slice_index, ssize_arg, tuple_args, wrapper_args,
};
use super::{add_method, add_methods};
use crate::compile::bytecode::CompareOp;
use crate::object::bytes as b;
use crate::object::gil_cell::{Gil, GilCell};
use crate::object::typeobj::{BuiltinTypes, ExcType, type_of, types};
use crate::object::value::{Args, NativeFn, NativeKind, ObjRef, Payload, Value, new_instance};
use crate::vm::Vm;
use crate::vm::containers::norm_index;
use crate::vm::eval::type_name;
use crate::vm::exceptions::{PyErr, PyResult, index_error, type_error, value_error};
use crate::vm::ops::as_int;

pub fn install(t: &BuiltinTypes, gil: &Gil) {
    add_method(
        gil,
        &t.bytes,
        "__new__",
        bytes_new,
        NativeKind::StaticMethod,
    );
    add_methods(gil, &t.bytes, &shared::<false>());
    add_methods(
        gil,
        &t.bytes,
        &[
            ("__hash__", bytes_hash),
            ("__getnewargs__", bytes_getnewargs),
        ],
    );
    add_method(
        gil,
        &t.bytes,
        "fromhex",
        fromhex::<false>,
        NativeKind::ClassMethod,
    );
    add_method(
        gil,
        &t.bytes,
        "maketrans",
        maketrans,
        NativeKind::StaticMethod,
    );

    let ba = &t.bytearray;
    add_method(gil, ba, "__new__", bytearray_new, NativeKind::StaticMethod);
    add_methods(gil, ba, &shared::<true>());
    add_methods(gil, ba, MUTATORS);
    add_method(gil, ba, "fromhex", fromhex::<true>, NativeKind::ClassMethod);
    add_method(gil, ba, "maketrans", maketrans, NativeKind::StaticMethod);
}

/// The methods bytes and bytearray share; `BA` selects the receiver and result type.
fn shared<const BA: bool>() -> Vec<(&'static str, NativeFn)> {
    vec![
        ("decode", decode::<BA>),
        ("hex", hex::<BA>),
        ("split", split::<BA>),
        ("rsplit", rsplit::<BA>),
        ("strip", strip::<BA>),
        ("lstrip", lstrip::<BA>),
        ("rstrip", rstrip::<BA>),
        ("replace", replace::<BA>),
        ("find", find::<BA>),
        ("rfind", rfind::<BA>),
        ("index", index::<BA>),
        ("rindex", rindex::<BA>),
        ("count", count::<BA>),
        ("startswith", startswith::<BA>),
        ("endswith", endswith::<BA>),
        ("join", join::<BA>),
        ("upper", upper::<BA>),
        ("lower", lower::<BA>),
        ("title", title::<BA>),
        ("capitalize", capitalize::<BA>),
        ("swapcase", swapcase::<BA>),
        ("isdigit", isdigit::<BA>),
        ("isalpha", isalpha::<BA>),
        ("isalnum", isalnum::<BA>),
        ("isspace", isspace::<BA>),
        ("isupper", isupper::<BA>),
        ("islower", islower::<BA>),
        ("istitle", istitle::<BA>),
        ("isascii", isascii::<BA>),
        ("partition", partition::<BA>),
        ("rpartition", rpartition::<BA>),
        ("center", center::<BA>),
        ("ljust", ljust::<BA>),
        ("rjust", rjust::<BA>),
        ("zfill", zfill::<BA>),
        ("splitlines", splitlines::<BA>),
        ("expandtabs", expandtabs::<BA>),
        ("removeprefix", removeprefix::<BA>),
        ("removesuffix", removesuffix::<BA>),
        ("translate", translate::<BA>),
        ("__len__", dunder_len::<BA>),
        ("__getitem__", dunder_getitem::<BA>),
        ("__iter__", dunder_iter::<BA>),
        ("__contains__", dunder_contains::<BA>),
        ("__add__", dunder_add::<BA>),
        ("__mul__", dunder_mul::<BA>),
        ("__rmul__", dunder_mul::<BA>),
        ("__eq__", dunder_eq::<BA>),
        ("__ne__", dunder_ne::<BA>),
        ("__lt__", dunder_lt::<BA>),
        ("__le__", dunder_le::<BA>),
        ("__gt__", dunder_gt::<BA>),
        ("__ge__", dunder_ge::<BA>),
        ("__repr__", dunder_repr::<BA>),
        ("__str__", dunder_repr::<BA>),
    ]
}

const MUTATORS: &[(&str, NativeFn)] = &[
    ("__init__", bytearray_init),
    ("append", append),
    ("extend", extend),
    ("pop", pop),
    ("insert", insert),
    ("remove", remove),
    ("clear", clear),
    ("reverse", reverse),
    ("copy", copy),
    ("__setitem__", setitem),
    ("__delitem__", delitem),
    ("__iadd__", iadd),
    ("__imul__", imul),
];

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

fn type_obj<const BA: bool>() -> &'static ObjRef {
    if BA {
        &types().bytearray
    } else {
        &types().bytes
    }
}

fn tname<const BA: bool>() -> &'static str {
    if BA { "bytearray" } else { "bytes" }
}

/// The receiver's bytes (copied out of a bytearray) and the other arguments.
fn this<'a, const BA: bool>(
    vm: &Vm,
    args: &Args<'a>,
    method: &str,
) -> PyResult<(Vec<u8>, Args<'a>)> {
    let (p, rest) = receiver(vm, args, type_obj::<BA>(), method, |v| match v.payload() {
        Some(p @ (Payload::Bytes(_) | Payload::ByteArray(_))) => Some(p),
        _ => None,
    })?;
    let data = match p {
        Payload::Bytes(d) => d.to_vec(),
        Payload::ByteArray(c) => c.borrow(&vm.gil).clone(),
        _ => Vec::new(),
    };
    Ok((data, rest))
}

/// A new value of the receiver's builtin type.
fn make<const BA: bool>(data: Vec<u8>) -> Value {
    if BA {
        Value::obj(Payload::ByteArray(GilCell::new(data)))
    } else {
        Value::bytes(data)
    }
}

/// A bytes-like argument: `a bytes-like object is required, not 'str'`.
fn buffer(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    vm.bytes_data(v).ok_or_else(|| {
        type_error(format!(
            "a bytes-like object is required, not '{}'",
            type_name(v, vm)
        ))
    })
}

/// An int in range(256) (through `__index__`), with `msg` when out of range.
fn byte_value(vm: &mut Vm, v: &Value, msg: &str) -> PyResult<u8> {
    match index_int(vm, v)? {
        Some(i) => i.to_u8().ok_or_else(|| value_error(msg)),
        None => Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(v, vm)
        ))),
    }
}

/// The needle of find/count/index: a byte value or a bytes-like object.
fn needle(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(d) = vm.bytes_data(v) {
        return Ok(d);
    }
    if as_int(v).is_some() || vm.lookup_special(type_of(v), "__index__").is_some() {
        return Ok(vec![byte_value(vm, v, "byte must be in range(0, 256)")?]);
    }
    Err(type_error(format!(
        "argument should be integer or bytes-like object, not '{}'",
        type_name(v, vm)
    )))
}

fn list_of<const BA: bool>(parts: Vec<Vec<u8>>) -> Value {
    Value::list(parts.into_iter().map(make::<BA>).collect())
}

fn three<const BA: bool>(p: b::Parts) -> Value {
    Value::tuple(vec![make::<BA>(p.0), make::<BA>(p.1), make::<BA>(p.2)])
}

fn qual<const BA: bool>(name: &str) -> String {
    format!("{}.{name}", tname::<BA>())
}

// ---------------------------------------------------------------------------------------
// Constructors
// ---------------------------------------------------------------------------------------

const CTOR_NAMES: &[&str] = &["source", "encoding", "errors"];

/// `bytes(source, encoding, errors)`.
fn bytes_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (cls, rest) = new_class(vm, &args, &types().bytes)?;
    let a = Clinic {
        fname: "bytes",
        names: CTOR_NAMES,
        posonly: 0,
        max_pos: 3,
        required: 0,
    }
    .bind(&rest)?;
    let data = source_bytes(vm, &a, false)?;
    Ok(if Arc::ptr_eq(&cls, &types().bytes) {
        Value::bytes(data)
    } else {
        new_instance(cls, Payload::Bytes(data.into()), true)
    })
}

/// `bytearray.__new__`: an empty bytearray of the class; `__init__` fills it.
fn bytearray_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (cls, _) = new_class(vm, &args, &types().bytearray)?;
    let payload = Payload::ByteArray(GilCell::new(Vec::new()));
    Ok(if Arc::ptr_eq(&cls, &types().bytearray) {
        Value::obj(payload)
    } else {
        new_instance(cls, payload, true)
    })
}

/// `bytearray.__init__(source, encoding, errors)`: replaces the contents.
fn bytearray_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (cell, rest) = bytearray_this(vm, &args, "__init__")?;
    let a = Clinic {
        fname: "bytearray",
        names: CTOR_NAMES,
        posonly: 0,
        max_pos: 3,
        required: 0,
    }
    .bind(&rest)?;
    let data = source_bytes(vm, &a, true)?;
    *cell.borrow_mut(&vm.gil) = data;
    Ok(Value::None)
}

/// The bytes a `bytes(...)`/`bytearray(...)` call builds, with CPython's checks in its order.
fn source_bytes(vm: &mut Vm, a: &[Option<Value>], bytearray: bool) -> PyResult<Vec<u8>> {
    let what = if bytearray { "bytearray" } else { "bytes" };
    let (src, enc, errors) = (&a[0], &a[1], &a[2]);
    let Some(x) = src else {
        if enc.is_some() {
            return Err(type_error("encoding without a string argument"));
        }
        if errors.is_some() {
            return Err(type_error("errors without a string argument"));
        }
        return Ok(Vec::new());
    };
    if let Some(e) = enc {
        let Some(s) = x.as_str() else {
            return Err(type_error("encoding without a string argument"));
        };
        let e = text_arg(vm, e, what, "encoding")?;
        let errs = match errors {
            Some(v) => text_arg(vm, v, what, "errors")?,
            None => "strict".into(),
        };
        return b::encode(s, &e, &errs).map_err(bytes_error);
    }
    if errors.is_some() {
        return Err(type_error(if x.as_str().is_some() {
            "string argument without an encoding"
        } else {
            "errors without a string argument"
        }));
    }
    if !bytearray && let Some(m) = vm.lookup_special(type_of(x), "__bytes__") {
        let r = vm.call_special(&m, x, &[])?;
        return match r.payload() {
            Some(Payload::Bytes(d)) => Ok(d.to_vec()),
            _ => Err(type_error(format!(
                "__bytes__ returned non-bytes (type {})",
                type_name(&r, vm)
            ))),
        };
    }
    if x.as_str().is_some() {
        return Err(type_error("string argument without an encoding"));
    }
    if let Some(n) = index_int(vm, x)? {
        return zeros(&n);
    }
    if let Some(d) = vm.bytes_data(x) {
        return Ok(d);
    }
    let range_msg = if bytearray {
        "byte must be in range(0, 256)"
    } else {
        "bytes must be in range(0, 256)"
    };
    iterable_bytes(vm, x, what, range_msg)
}

fn text_arg(vm: &Vm, v: &Value, fname: &str, param: &str) -> PyResult<String> {
    v.as_str().map(str::to_string).ok_or_else(|| {
        type_error(format!(
            "{fname}() argument '{param}' must be str, not {}",
            type_name(v, vm)
        ))
    })
}

/// `bytes(n)`: n zero bytes.
fn zeros(n: &num_bigint::BigInt) -> PyResult<Vec<u8>> {
    if n.sign() == num_bigint::Sign::Minus {
        return Err(value_error("negative count"));
    }
    let n = n.to_usize().ok_or_else(|| {
        PyErr::new(
            ExcType::OverflowError,
            "cannot fit 'int' into an index-sized integer",
        )
    })?;
    let mut v = Vec::new();
    v.try_reserve(n)
        .map_err(|_| PyErr::new(ExcType::MemoryError, ""))?;
    v.resize(n, 0);
    Ok(v)
}

/// The bytes of an iterable of ints: `cannot convert 'float' object to bytes`.
fn iterable_bytes(vm: &mut Vm, x: &Value, what: &str, range_msg: &str) -> PyResult<Vec<u8>> {
    let it = vm.get_iter(x).map_err(|e| {
        if e.matches(ExcType::TypeError) {
            type_error(format!(
                "cannot convert '{}' object to {what}",
                type_name(x, vm)
            ))
        } else {
            e
        }
    })?;
    let mut out = Vec::new();
    while let Some(item) = vm.next(&it)? {
        out.push(byte_value(vm, &item, range_msg)?);
    }
    Ok(out)
}

/// `PyBytes_FromObject`: the bytes of a bytes-like object or an iterable of ints (no
/// counts, no str), for `int.from_bytes`.
pub(crate) fn bytes_from_object(vm: &mut Vm, x: &Value) -> PyResult<Vec<u8>> {
    if let Some(m) = vm.lookup_special(type_of(x), "__bytes__") {
        let r = vm.call_special(&m, x, &[])?;
        return match r.payload() {
            Some(Payload::Bytes(d)) => Ok(d.to_vec()),
            _ => Err(type_error(format!(
                "__bytes__ returned non-bytes (type {})",
                type_name(&r, vm)
            ))),
        };
    }
    if let Some(d) = vm.bytes_data(x) {
        return Ok(d);
    }
    if x.as_str().is_some() || as_int(x).is_some() {
        return Err(type_error(format!(
            "cannot convert '{}' object to bytes",
            type_name(x, vm)
        )));
    }
    iterable_bytes(vm, x, "bytes", "bytes must be in range(0, 256)")
}

// ---------------------------------------------------------------------------------------
// Codecs and hex
// ---------------------------------------------------------------------------------------

fn decode<const BA: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (data, rest) = this::<BA>(vm, &args, "decode")?;
    let a = Clinic {
        fname: "decode",
        names: &["encoding", "errors"],
        posonly: 0,
        max_pos: 2,
        required: 0,
    }
    .bind(&rest)?;
    let enc = match &a[0] {
        Some(v) => text_arg(vm, v, "decode", "encoding")?,
        None => "utf-8".into(),
    };
    let errors = match &a[1] {
        Some(v) => text_arg(vm, v, "decode", "errors")?,
        None => "strict".into(),
    };
    Ok(Value::str(
        b::decode(&data, &enc, &errors).map_err(bytes_error)?,
    ))
}

fn hex<const BA: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (data, rest) = this::<BA>(vm, &args, "hex")?;
    let a = Clinic {
        fname: "hex",
        names: &["sep", "bytes_per_sep"],
        posonly: 0,
        max_pos: 2,
        required: 0,
    }
    .bind(&rest)?;
    let sep = match &a[0] {
        None => None,
        Some(v) => match (v.as_str(), vm.bytes_data(v)) {
            (Some(s), _) => Some(s.to_string()),
            (None, Some(d)) => Some(d.iter().map(|&x| char::from(x)).collect()),
            (None, None) => {
                return Err(type_error(format!(
                    "object of type '{}' has no len()",
                    type_name(v, vm)
                )));
            }
        },
    };
    let per = match &a[1] {
        Some(v) => ssize_arg(vm, v)?,
        None => 1,
    };
    Ok(Value::str(
        b::hex(&data, sep.as_deref(), per).map_err(bytes_error)?,
    ))
}

/// `bytes.fromhex(s)` / `bytearray.fromhex(s)` (a class method: subclasses get an instance
/// made by calling them with the bytes).
fn fromhex<const BA: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some((cls, rest)) = args.pos.split_first() else {
        return Err(type_error("fromhex() needs a class"));
    };
    let s = one_arg(&Args { pos: rest, ..args }, &qual::<BA>("fromhex"))?;
    let Some(text) = s.as_str() else {
        return Err(type_error(format!(
            "fromhex() argument must be str, not {}",
            type_name(s, vm)
        )));
    };
    let data = b::fromhex(text).map_err(bytes_error)?;
    let v = make::<BA>(data);
    match cls {
        Value::Obj(c) if Arc::ptr_eq(c, type_obj::<BA>()) => Ok(v),
        _ => vm.call(cls, Args::positional(&[v])),
    }
}

/// `bytes.maketrans(frm, to)`: a 256-byte translation table.
fn maketrans(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.between("maketrans", 2, 2)?;
    let from = buffer(vm, &a[0])?;
    let to = buffer(vm, &a[1])?;
    if from.len() != to.len() {
        return Err(value_error("maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255).collect();
    for (&f, &t) in from.iter().zip(&to) {
        table[usize::from(f)] = t;
    }
    Ok(Value::bytes(table))
}

fn translate<const BA: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (data, rest) = this::<BA>(vm, &args, "translate")?;
    let a = Clinic {
        fname: "translate",
        names: &["table", "delete"],
        posonly: 1,
        max_pos: 2,
        required: 1,
    }
    .bind(&rest)?;
    let table = match &a[0] {
        Some(Value::None) | None => None,
        Some(t) => {
            let t = buffer(vm, t)?;
            if t.len() != 256 {
                return Err(value_error("translation table must be 256 characters long"));
            }
            Some(t)
        }
    };
    let delete = match &a[1] {
        Some(d) => buffer(vm, d)?,
        None => Vec::new(),
    };
    let out = data
        .iter()
        .filter(|x| !delete.contains(x))
        .map(|&x| table.as_ref().map_or(x, |t| t[usize::from(x)]))
        .collect();
    Ok(make::<BA>(out))
}

// ---------------------------------------------------------------------------------------
// Splitting, searching, joining
// ---------------------------------------------------------------------------------------

fn split_args(vm: &mut Vm, rest: &Args, fname: &str) -> PyResult<(Option<Vec<u8>>, i64)> {
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
        Some(v) => Some(buffer(vm, v)?),
    };
    let maxsplit = match &a[1] {
        Some(v) => ssize_arg(vm, v)?,
        None => -1,
    };
    Ok((sep, maxsplit))
}

fn split<const BA: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (data, rest) = this::<BA>(vm, &args, "split")?;
    let (sep, max) = split_args(vm, &rest, "split")?;
    let parts = b::split(&data, sep.as_deref(), max).map_err(bytes_error)?;
    Ok(list_of::<BA>(parts))
}

fn rsplit<const BA: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (data, rest) = this::<BA>(vm, &args, "rsplit")?;
    let (sep, max) = split_args(vm, &rest, "rsplit")?;
    let parts = b::rsplit(&data, sep.as_deref(), max).map_err(bytes_error)?;
    Ok(list_of::<BA>(parts))
}

fn strip_with<const BA: bool>(
    vm: &mut Vm,
    args: Args,
    fname: &str,
    f: fn(&[u8], Option<&[u8]>) -> Vec<u8>,
) -> PyResult<Value> {
    let (data, rest) = this::<BA>(vm, &args, fname)?;
    let a = rest.between(fname, 0, 1)?;
    let chars = match a.first() {
        None | Some(Value::None) => None,
        Some(v) => Some(buffer(vm, v)?),
    };
    Ok(make::<BA>(f(&data, chars.as_deref())))
}

fn strip<const BA: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_with::<BA>(vm, args, "strip", b::strip)
}

fn lstrip<const BA: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_with::<BA>(vm, args, "lstrip", b::lstrip)
}

fn rstrip<const BA: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_with::<BA>(vm, args, "rstrip", b::rstrip)
}

fn replace<const BA: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (data, rest) = this::<BA>(vm, &args, "replace")?;
    let a = rest.between("replace", 2, 3)?;
    let old = buffer(vm, &a[0])?;
    let new = buffer(vm, &a[1])?;
    let count = match a.get(2) {
        Some(v) => ssize_arg(vm, v)?,
        None => -1,
    };
    Ok(make::<BA>(b::replace(&data, &old, &new, count)))
}

type FindArgs = (Vec<u8>, Option<i64>, Option<i64>);

fn find_args(vm: &mut Vm, rest: &Args, fname: &str) -> PyResult<FindArgs> {
    let a = tuple_args(rest, fname, 1, 3)?;
    let start = slice_index(vm, a.get(1))?;
    let end = slice_index(vm, a.get(2))?;
    Ok((needle(vm, &a[0])?, start, end))
}

fn find<const BA: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (data, rest) = this::<BA>(vm, &args, "find")?;
    let (sub, s, e) = find_args(vm, &rest, "find")?;
    Ok(Value::Int(b::find(&data, &sub, s, e)))
}

fn rfind<const BA: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (data, rest) = this::<BA>(vm, &args, "rfind")?;
    let (sub, s, e) = find_args(vm, &rest, "rfind")?;
    Ok(Value::Int(b::rfind(&data, &sub, s, e)))
}

fn index<const BA: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (data, rest) = this::<BA>(vm, &args, "index")?;
    let (sub, s, e) = find_args(vm, &rest, "index")?;
    Ok(Value::Int(
        b::index(&data, &sub, s, e).map_err(bytes_error)?,
    ))
}

fn rindex<const BA: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (data, rest) = this::<BA>(vm, &args, "rindex")?;
    let (sub, s, e) = find_args(vm, &rest, "rindex")?;
    Ok(Value::Int(
        b::rindex(&data, &sub, s, e).map_err(bytes_error)?,
    ))
}

fn count<const BA: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (data, rest) = this::<BA>(vm, &args, "count")?;
    let (sub, s, e) = find_args(vm, &rest, "count")?;
    Ok(Value::Int(b::count(&data, &sub, s, e)))
}

/// startswith/endswith: a prefix or a tuple of them, checked lazily as CPython does.
fn tail_match<const BA: bool>(
    vm: &mut Vm,
    args: Args,
    fname: &str,
    at_end: bool,
) -> PyResult<Value> {
    let (data, rest) = this::<BA>(vm, &args, fname)?;
    let a = tuple_args(&rest, fname, 1, 3)?;
    let start = slice_index(vm, a.get(1))?;
    let end = slice_index(vm, a.get(2))?;
    let test = |affix: &[u8]| {
        if at_end {
            b::endswith(&data, affix, start, end)
        } else {
            b::startswith(&data, affix, start, end)
        }
    };
    if let Some(items) = a[0].as_tuple() {
        for it in items {
            if test(&buffer(vm, it)?) {
                return Ok(Value::Bool(true));
            }
        }
        return Ok(Value::Bool(false));
    }
    match vm.bytes_data(&a[0]) {
        Some(affix) => Ok(Value::Bool(test(&affix))),
        None => Err(type_error(format!(
            "{fname} first arg must be bytes or a tuple of bytes, not {}",
            type_name(&a[0], vm)
        ))),
    }
}

fn startswith<const BA: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    tail_match::<BA>(vm, args, "startswith", false)
}

fn endswith<const BA: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    tail_match::<BA>(vm, args, "endswith", true)
}

fn join<const BA: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (sep, rest) = this::<BA>(vm, &args, "join")?;
    let iterable = one_arg(&rest, &qual::<BA>("join"))?;
    let it = vm.get_iter(iterable).map_err(|e| {
        if e.matches(ExcType::TypeError) {
            type_error("can only join an iterable")
        } else {
            e
        }
    })?;
    let mut parts = Vec::new();
    let mut i = 0usize;
    while let Some(item) = vm.next(&it)? {
        match vm.bytes_data(&item) {
            Some(d) => parts.push(d),
            None => {
                return Err(type_error(format!(
                    "sequence item {i}: expected a bytes-like object, {} found",
                    type_name(&item, vm)
                )));
            }
        }
        i += 1;
    }
    Ok(make::<BA>(b::join(&sep, &parts)))
}

fn partition<const BA: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (data, rest) = this::<BA>(vm, &args, "partition")?;
    let sep = buffer(vm, one_arg(&rest, &qual::<BA>("partition"))?)?;
    Ok(three::<BA>(b::partition(&data, &sep).map_err(bytes_error)?))
}

fn rpartition<const BA: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (data, rest) = this::<BA>(vm, &args, "rpartition")?;
    let sep = buffer(vm, one_arg(&rest, &qual::<BA>("rpartition"))?)?;
    Ok(three::<BA>(
        b::rpartition(&data, &sep).map_err(bytes_error)?,
    ))
}

fn splitlines<const BA: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (data, rest) = this::<BA>(vm, &args, "splitlines")?;
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
    Ok(list_of::<BA>(ascii_splitlines(&data, keepends)))
}

/// `bytes.splitlines`: only \n, \r and \r\n end lines.
fn ascii_splitlines(data: &[u8], keepends: bool) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < data.len() {
        let brk = match data[i] {
            b'\r' if data.get(i + 1) == Some(&b'\n') => 2,
            b'\r' | b'\n' => 1,
            _ => 0,
        };
        if brk == 0 {
            i += 1;
            continue;
        }
        let end = if keepends { i + brk } else { i };
        out.push(data[start..end].to_vec());
        i += brk;
        start = i;
    }
    if start < data.len() {
        out.push(data[start..].to_vec());
    }
    out
}

fn removeprefix<const BA: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (data, rest) = this::<BA>(vm, &args, "removeprefix")?;
    let p = buffer(vm, one_arg(&rest, &qual::<BA>("removeprefix"))?)?;
    Ok(make::<BA>(
        data.strip_prefix(p.as_slice()).unwrap_or(&data).to_vec(),
    ))
}

fn removesuffix<const BA: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (data, rest) = this::<BA>(vm, &args, "removesuffix")?;
    let p = buffer(vm, one_arg(&rest, &qual::<BA>("removesuffix"))?)?;
    Ok(make::<BA>(
        data.strip_suffix(p.as_slice()).unwrap_or(&data).to_vec(),
    ))
}

// ---------------------------------------------------------------------------------------
// Case, padding, predicates (ASCII only, as CPython's bytes methods are)
// ---------------------------------------------------------------------------------------

fn mapped<const BA: bool>(
    vm: &mut Vm,
    args: Args,
    name: &str,
    f: fn(&[u8]) -> Vec<u8>,
) -> PyResult<Value> {
    let (data, rest) = this::<BA>(vm, &args, name)?;
    no_args(&rest, &qual::<BA>(name))?;
    Ok(make::<BA>(f(&data)))
}

fn upper<const BA: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    mapped::<BA>(vm, args, "upper", b::upper)
}

fn lower<const BA: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    mapped::<BA>(vm, args, "lower", b::lower)
}

fn ascii_title(data: &[u8]) -> Vec<u8> {
    let mut prev_cased = false;
    data.iter()
        .map(|&x| {
            let out = if prev_cased {
                x.to_ascii_lowercase()
            } else {
                x.to_ascii_uppercase()
            };
            prev_cased = x.is_ascii_alphabetic();
            out
        })
        .collect()
}

fn ascii_capitalize(data: &[u8]) -> Vec<u8> {
    data.iter()
        .enumerate()
        .map(|(i, x)| {
            if i == 0 {
                x.to_ascii_uppercase()
            } else {
                x.to_ascii_lowercase()
            }
        })
        .collect()
}

fn ascii_swapcase(data: &[u8]) -> Vec<u8> {
    data.iter()
        .map(|&x| {
            if x.is_ascii_uppercase() {
                x.to_ascii_lowercase()
            } else {
                x.to_ascii_uppercase()
            }
        })
        .collect()
}

fn title<const BA: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    mapped::<BA>(vm, args, "title", ascii_title)
}

fn capitalize<const BA: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    mapped::<BA>(vm, args, "capitalize", ascii_capitalize)
}

fn swapcase<const BA: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    mapped::<BA>(vm, args, "swapcase", ascii_swapcase)
}

fn predicate<const BA: bool>(
    vm: &mut Vm,
    args: Args,
    name: &str,
    f: fn(&[u8]) -> bool,
) -> PyResult<Value> {
    let (data, rest) = this::<BA>(vm, &args, name)?;
    no_args(&rest, &qual::<BA>(name))?;
    Ok(Value::Bool(f(&data)))
}

fn ascii_istitle(data: &[u8]) -> bool {
    let mut cased = false;
    let mut prev_cased = false;
    for &x in data {
        if x.is_ascii_uppercase() {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else if x.is_ascii_lowercase() {
            if !prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    cased
}

fn isdigit<const BA: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    predicate::<BA>(vm, args, "isdigit", b::isdigit)
}

fn isalpha<const BA: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    predicate::<BA>(vm, args, "isalpha", b::isalpha)
}

fn isalnum<const BA: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    predicate::<BA>(vm, args, "isalnum", b::isalnum)
}

fn isspace<const BA: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    predicate::<BA>(vm, args, "isspace", b::isspace)
}

fn isupper<const BA: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    predicate::<BA>(vm, args, "isupper", b::isupper)
}

fn islower<const BA: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    predicate::<BA>(vm, args, "islower", b::islower)
}

fn istitle<const BA: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    predicate::<BA>(vm, args, "istitle", ascii_istitle)
}

fn isascii<const BA: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    predicate::<BA>(vm, args, "isascii", <[u8]>::is_ascii)
}

/// How much padding `width` asks for beyond `len`, or `None`.
fn margin(len: usize, width: i64) -> Option<usize> {
    usize::try_from(width)
        .ok()
        .filter(|&w| w > len)
        .map(|w| w - len)
}

fn padded(data: &[u8], left: usize, right: usize, fill: u8) -> PyResult<Vec<u8>> {
    let total = left
        .checked_add(right)
        .and_then(|n| n.checked_add(data.len()))
        .ok_or_else(|| PyErr::new(ExcType::MemoryError, ""))?;
    let mut out = Vec::new();
    out.try_reserve(total)
        .map_err(|_| PyErr::new(ExcType::MemoryError, ""))?;
    out.resize(left, fill);
    out.extend_from_slice(data);
    out.resize(total, fill);
    Ok(out)
}

/// center/ljust/rjust: `where_` splits the margin into left and right padding.
fn pad_with<const BA: bool>(
    vm: &mut Vm,
    args: Args,
    fname: &str,
    where_: fn(usize, i64) -> usize,
) -> PyResult<Value> {
    let (data, rest) = this::<BA>(vm, &args, fname)?;
    let a = rest.between(fname, 1, 2)?;
    let width = ssize_arg(vm, &a[0])?;
    let fill = match a.get(1) {
        None => b' ',
        Some(v) => match vm.bytes_data(v) {
            Some(d) if d.len() == 1 => d[0],
            _ => {
                return Err(type_error(format!(
                    "{fname}() argument 2 must be a byte string of length 1, not {}",
                    type_name(v, vm)
                )));
            }
        },
    };
    let Some(m) = margin(data.len(), width) else {
        return Ok(make::<BA>(data));
    };
    let left = where_(m, width);
    Ok(make::<BA>(padded(&data, left, m - left, fill)?))
}

fn center<const BA: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    // The odd extra fill byte goes left only when the width is odd (CPython's rule).
    pad_with::<BA>(vm, args, "center", |m, w| m / 2 + (m & (w as usize) & 1))
}

fn ljust<const BA: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pad_with::<BA>(vm, args, "ljust", |_, _| 0)
}

fn rjust<const BA: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pad_with::<BA>(vm, args, "rjust", |m, _| m)
}

fn zfill<const BA: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (data, rest) = this::<BA>(vm, &args, "zfill")?;
    let width = ssize_arg(vm, one_arg(&rest, &qual::<BA>("zfill"))?)?;
    let Some(m) = margin(data.len(), width) else {
        return Ok(make::<BA>(data));
    };
    let mut out = padded(&data, m, 0, b'0')?;
    if let Some(&sign @ (b'+' | b'-')) = data.first() {
        out[0] = sign;
        out[m] = b'0';
    }
    Ok(make::<BA>(out))
}

fn expandtabs<const BA: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (data, rest) = this::<BA>(vm, &args, "expandtabs")?;
    let a = Clinic {
        fname: "expandtabs",
        names: &["tabsize"],
        posonly: 0,
        max_pos: 1,
        required: 0,
    }
    .bind(&rest)?;
    let tab = match &a[0] {
        Some(v) => ssize_arg(vm, v)?,
        None => 8,
    };
    let tab = usize::try_from(tab).unwrap_or(0);
    let mut out = Vec::with_capacity(data.len());
    let mut col = 0usize;
    for &x in &data {
        match x {
            b'\t' if tab > 0 => {
                let n = tab - col % tab;
                out.resize(out.len() + n, b' ');
                col += n;
            }
            b'\t' => {}
            b'\n' | b'\r' => {
                out.push(x);
                col = 0;
            }
            _ => {
                out.push(x);
                col += 1;
            }
        }
    }
    Ok(make::<BA>(out))
}

// ---------------------------------------------------------------------------------------
// Special methods (on the payload, so calls through the class bypass subclass overrides)
// ---------------------------------------------------------------------------------------

fn binary<'a, const BA: bool>(
    vm: &Vm,
    args: &Args<'a>,
    name: &str,
) -> PyResult<(Vec<u8>, &'a Value)> {
    let (data, rest) = this::<BA>(vm, args, name)?;
    let a = wrapper_args(&rest, name, 1)?;
    Ok((data, &a[0]))
}

fn unary<const BA: bool>(vm: &Vm, args: &Args, name: &str) -> PyResult<Vec<u8>> {
    let (data, rest) = this::<BA>(vm, args, name)?;
    wrapper_args(&rest, name, 0)?;
    Ok(data)
}

fn dunder_len<const BA: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let data = unary::<BA>(vm, &args, "__len__")?;
    Ok(Value::Int(i64::try_from(data.len()).unwrap_or(i64::MAX)))
}

fn dunder_getitem<const BA: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (data, key) = binary::<BA>(vm, &args, "__getitem__")?;
    vm.get_item(&make::<BA>(data), key)
}

fn dunder_iter<const BA: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let data = unary::<BA>(vm, &args, "__iter__")?;
    vm.get_iter(&make::<BA>(data))
}

fn dunder_contains<const BA: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (data, item) = binary::<BA>(vm, &args, "__contains__")?;
    if let Some(sub) = vm.bytes_data(item) {
        return Ok(Value::Bool(b::find(&data, &sub, None, None) >= 0));
    }
    if as_int(item).is_none() && vm.lookup_special(type_of(item), "__index__").is_none() {
        return Err(type_error(format!(
            "a bytes-like object is required, not '{}'",
            type_name(item, vm)
        )));
    }
    let x = byte_value(vm, item, "byte must be in range(0, 256)")?;
    Ok(Value::Bool(data.contains(&x)))
}

fn dunder_add<const BA: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (mut data, other) = binary::<BA>(vm, &args, "__add__")?;
    match vm.bytes_data(other) {
        Some(d) => {
            data.extend(d);
            Ok(make::<BA>(data))
        }
        None => Err(type_error(format!(
            "can't concat {} to {}",
            type_name(other, vm),
            tname::<BA>()
        ))),
    }
}

fn repeat(data: &[u8], n: i64) -> PyResult<Vec<u8>> {
    let n = usize::try_from(n).unwrap_or(0);
    let total = data
        .len()
        .checked_mul(n)
        .ok_or_else(|| PyErr::new(ExcType::MemoryError, ""))?;
    let mut out = Vec::new();
    out.try_reserve(total)
        .map_err(|_| PyErr::new(ExcType::MemoryError, ""))?;
    for _ in 0..n {
        out.extend_from_slice(data);
    }
    Ok(out)
}

fn dunder_mul<const BA: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (data, rest) = this::<BA>(vm, &args, "__mul__")?;
    if rest.pos.len() != 1 || rest.has_kwargs() {
        return Err(type_error(format!(
            " expected 1 argument, got {}",
            rest.pos.len()
        )));
    }
    let n = ssize_arg(vm, &rest.pos[0])?;
    Ok(make::<BA>(repeat(&data, n)?))
}

fn compare<const BA: bool>(vm: &mut Vm, args: Args, name: &str, op: CompareOp) -> PyResult<Value> {
    let (data, other) = binary::<BA>(vm, &args, name)?;
    match vm.bytes_data(other) {
        Some(o) => Ok(Value::Bool(crate::vm::ops::cmp_holds(op, data.cmp(&o)))),
        None => Ok(not_implemented()),
    }
}

fn dunder_eq<const BA: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare::<BA>(vm, args, "__eq__", CompareOp::Eq)
}

fn dunder_ne<const BA: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare::<BA>(vm, args, "__ne__", CompareOp::Ne)
}

fn dunder_lt<const BA: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare::<BA>(vm, args, "__lt__", CompareOp::Lt)
}

fn dunder_le<const BA: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare::<BA>(vm, args, "__le__", CompareOp::Le)
}

fn dunder_gt<const BA: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare::<BA>(vm, args, "__gt__", CompareOp::Gt)
}

fn dunder_ge<const BA: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare::<BA>(vm, args, "__ge__", CompareOp::Ge)
}

fn dunder_repr<const BA: bool>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let data = unary::<BA>(vm, &args, "__repr__")?;
    if !BA {
        return Ok(Value::str(b::repr_bytes(&data)));
    }
    // A subclass's repr carries its own name: `MyBA(b'..')`.
    let name = type_name(&args.pos[0], vm);
    Ok(Value::str(format!("{name}({})", b::repr_bytes(&data))))
}

fn bytes_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let data = unary::<false>(vm, &args, "__hash__")?;
    Ok(Value::Int(vm.hash(&Value::bytes(data))?))
}

fn bytes_getnewargs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (data, rest) = this::<false>(vm, &args, "__getnewargs__")?;
    no_args(&rest, "bytes.__getnewargs__")?;
    Ok(Value::tuple(vec![Value::bytes(data)]))
}

// ---------------------------------------------------------------------------------------
// bytearray's mutators
// ---------------------------------------------------------------------------------------

/// The receiving bytearray's cell.
fn bytearray_this<'a>(
    vm: &Vm,
    args: &Args<'a>,
    method: &str,
) -> PyResult<(&'a GilCell<Vec<u8>>, Args<'a>)> {
    receiver(vm, args, &types().bytearray, method, |v| {
        match v.payload() {
            Some(Payload::ByteArray(c)) => Some(c),
            _ => None,
        }
    })
}

fn busy() -> PyErr {
    PyErr::new(
        ExcType::BufferError,
        "Existing exports of data: object cannot be re-sized",
    )
}

/// Runs `f` on the bytearray's contents (no Python code runs meanwhile).
fn mutate<T>(vm: &Vm, cell: &GilCell<Vec<u8>>, f: impl FnOnce(&mut Vec<u8>) -> T) -> PyResult<T> {
    let mut data = cell.try_borrow_mut(&vm.gil).map_err(|_| busy())?;
    Ok(f(&mut data))
}

fn append(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (cell, rest) = bytearray_this(vm, &args, "append")?;
    let item = one_arg(&rest, "bytearray.append")?;
    let x = byte_value(vm, item, "byte must be in range(0, 256)")?;
    mutate(vm, cell, |d| d.push(x))?;
    Ok(Value::None)
}

/// The bytes `extend` adds: a bytes-like object's, or an iterable of ints'.
fn extension(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(d) = vm.bytes_data(v) {
        return Ok(d);
    }
    let it = vm.get_iter(v).map_err(|e| {
        if e.matches(ExcType::TypeError) {
            type_error(format!("can't extend bytearray with {}", type_name(v, vm)))
        } else {
            e
        }
    })?;
    let mut out = Vec::new();
    while let Some(item) = vm.next(&it)? {
        out.push(byte_value(vm, &item, "byte must be in range(0, 256)")?);
    }
    Ok(out)
}

fn extend(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (cell, rest) = bytearray_this(vm, &args, "extend")?;
    let more = extension(vm, one_arg(&rest, "bytearray.extend")?)?;
    mutate(vm, cell, |d| d.extend(more))?;
    Ok(Value::None)
}

fn pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (cell, rest) = bytearray_this(vm, &args, "pop")?;
    let a = rest.between("pop", 0, 1)?;
    let i = match a.first() {
        Some(v) => ssize_arg(vm, v)?,
        None => -1,
    };
    let r = mutate(vm, cell, |d| {
        if d.is_empty() {
            return Err(index_error("pop from empty bytearray"));
        }
        match norm_index(i, d.len()) {
            Some(ix) => Ok(d.remove(ix)),
            None => Err(index_error("pop index out of range")),
        }
    })??;
    Ok(Value::Int(i64::from(r)))
}

fn insert(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (cell, rest) = bytearray_this(vm, &args, "insert")?;
    if rest.has_kwargs() {
        return Err(type_error("insert() takes no keyword arguments"));
    }
    let [i, item] = rest.pos else {
        return Err(type_error(format!(
            "insert expected 2 arguments, got {}",
            rest.pos.len()
        )));
    };
    let i = ssize_arg(vm, i)?;
    let x = byte_value(vm, item, "byte must be in range(0, 256)")?;
    mutate(vm, cell, |d| {
        let len = i64::try_from(d.len()).unwrap_or(i64::MAX);
        let at = if i < 0 { (i + len).max(0) } else { i.min(len) };
        d.insert(at as usize, x);
    })?;
    Ok(Value::None)
}

fn remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (cell, rest) = bytearray_this(vm, &args, "remove")?;
    let item = one_arg(&rest, "bytearray.remove")?;
    let x = byte_value(vm, item, "byte must be in range(0, 256)")?;
    let found = mutate(vm, cell, |d| match d.iter().position(|&y| y == x) {
        Some(ix) => {
            d.remove(ix);
            true
        }
        None => false,
    })?;
    if !found {
        return Err(value_error("value not found in bytearray"));
    }
    Ok(Value::None)
}

fn clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (cell, rest) = bytearray_this(vm, &args, "clear")?;
    no_args(&rest, "bytearray.clear")?;
    mutate(vm, cell, Vec::clear)?;
    Ok(Value::None)
}

fn reverse(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (cell, rest) = bytearray_this(vm, &args, "reverse")?;
    no_args(&rest, "bytearray.reverse")?;
    mutate(vm, cell, |d| d.reverse())?;
    Ok(Value::None)
}

fn copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (cell, rest) = bytearray_this(vm, &args, "copy")?;
    no_args(&rest, "bytearray.copy")?;
    Ok(make::<true>(cell.borrow(&vm.gil).clone()))
}

/// The bytes a slice assignment stores.
fn slice_source(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(d) = vm.bytes_data(v) {
        return Ok(d);
    }
    let not_ok =
        || type_error("can assign only bytes, buffers, or iterables of ints in range(0, 256)");
    if v.as_str().is_some() || as_int(v).is_some() {
        return Err(not_ok());
    }
    let it = vm.get_iter(v).map_err(|e| {
        if e.matches(ExcType::TypeError) {
            not_ok()
        } else {
            e
        }
    })?;
    let mut out = Vec::new();
    while let Some(item) = vm.next(&it)? {
        out.push(byte_value(vm, &item, "byte must be in range(0, 256)")?);
    }
    Ok(out)
}

fn key_error_for(vm: &Vm, key: &Value) -> PyErr {
    type_error(format!(
        "bytearray indices must be integers or slices, not {}",
        type_name(key, vm)
    ))
}

fn setitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (cell, rest) = bytearray_this(vm, &args, "__setitem__")?;
    let [key, value] = rest.pos else {
        return Err(type_error(format!(
            " expected 2 arguments, got {}",
            rest.pos.len()
        )));
    };
    if let Some(Payload::Slice(..)) = key.payload() {
        let src = slice_source(vm, value)?;
        let len = cell.borrow(&vm.gil).len();
        let (start, stop, step, n) = vm.slice_indices(key, len)?;
        return mutate(vm, cell, |d| assign_slice(d, (start, stop, step, n), src))?
            .map(|()| Value::None);
    }
    let Some(i) = index_int(vm, key)? else {
        return Err(key_error_for(vm, key));
    };
    let x = byte_value(vm, value, "byte must be in range(0, 256)")?;
    let i = i.to_i64().unwrap_or(i64::MAX);
    mutate(vm, cell, |d| match norm_index(i, d.len()) {
        Some(ix) => {
            d[ix] = x;
            Ok(Value::None)
        }
        None => Err(index_error("bytearray index out of range")),
    })?
}

fn assign_slice(
    d: &mut Vec<u8>,
    (start, stop, step, n): (isize, isize, isize, usize),
    src: Vec<u8>,
) -> PyResult<()> {
    if step == 1 {
        let start = start as usize;
        let stop = (stop as usize).max(start);
        d.splice(start..stop, src);
        return Ok(());
    }
    if src.len() != n {
        return Err(value_error(format!(
            "attempt to assign bytes of size {} to extended slice of size {n}",
            src.len()
        )));
    }
    for (k, x) in src.into_iter().enumerate() {
        d[(start + k as isize * step) as usize] = x;
    }
    Ok(())
}

fn delitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (cell, rest) = bytearray_this(vm, &args, "__delitem__")?;
    let key = &wrapper_args(&rest, "__delitem__", 1)?[0];
    if let Some(Payload::Slice(..)) = key.payload() {
        let len = cell.borrow(&vm.gil).len();
        let (start, _, step, n) = vm.slice_indices(key, len)?;
        let mut gone: Vec<usize> = (0..n)
            .map(|k| (start + k as isize * step) as usize)
            .collect();
        gone.sort_unstable();
        mutate(vm, cell, |d| {
            for ix in gone.into_iter().rev() {
                d.remove(ix);
            }
        })?;
        return Ok(Value::None);
    }
    let Some(i) = index_int(vm, key)? else {
        return Err(key_error_for(vm, key));
    };
    let i = i.to_i64().unwrap_or(i64::MAX);
    mutate(vm, cell, |d| match norm_index(i, d.len()) {
        Some(ix) => {
            d.remove(ix);
            Ok(Value::None)
        }
        None => Err(index_error("bytearray index out of range")),
    })?
}

fn iadd(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (cell, rest) = bytearray_this(vm, &args, "__iadd__")?;
    let other = &wrapper_args(&rest, "__iadd__", 1)?[0];
    let Some(more) = vm.bytes_data(other) else {
        return Err(type_error(format!(
            "can't concat {} to bytearray",
            type_name(other, vm)
        )));
    };
    mutate(vm, cell, |d| d.extend(more))?;
    Ok(args.pos[0].clone())
}

fn imul(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (cell, rest) = bytearray_this(vm, &args, "__imul__")?;
    let n = ssize_arg(vm, &wrapper_args(&rest, "__imul__", 1)?[0])?;
    let data = cell.borrow(&vm.gil).clone();
    let out = repeat(&data, n)?;
    mutate(vm, cell, |d| *d = out)?;
    Ok(args.pos[0].clone())
}
