//! `int` and `bool`: the constructors (`int(x)`, `int(s, base)`, `bool(x)`), the int methods
//! (`bit_length`, `to_bytes`, `from_bytes`, …), the arithmetic and comparison dunders (on the
//! int value, so `int.__add__(a, b)` and `super().__add__(b)` in a subclass work), bool's
//! own `&`/`|`/`^`, and the `real`/`imag`/`numerator`/`denominator` attributes.

use std::sync::Arc;

use num_bigint::{BigInt, Sign};
use num_traits::{Signed, ToPrimitive, Zero};

use super::str::{
    Clinic, index_int, new_class, no_args, not_implemented, one_arg, receiver, ssize_arg,
    wrapper_args,
};
use super::{add_method, add_methods, set_type_attr};
use crate::compile::bytecode::{BinaryOp, CompareOp};
use crate::object::format as fmt;
use crate::object::gil_cell::Gil;
use crate::object::number as num;
use crate::object::typeobj::{BuiltinTypes, ExcType, type_of, types};
use crate::object::value::{
    Args, GetSet, GetterFn, NativeFn, NativeKind, ObjRef, Payload, Value, new_instance,
};
use crate::vm::Vm;
use crate::vm::eval::type_name;
use crate::vm::exceptions::{
    PyErr, PyResult, exc_type_by_name, from_num_error, type_error, value_error,
};
use crate::vm::ops::as_int;

pub fn install(t: &BuiltinTypes, gil: &Gil) {
    let i = &t.int;
    add_method(gil, i, "__new__", int_new, NativeKind::StaticMethod);
    add_method(gil, i, "from_bytes", from_bytes, NativeKind::ClassMethod);
    add_methods(gil, i, METHODS);
    add_methods(gil, i, ARITHMETIC);
    add_methods(gil, i, COMPARISONS);
    add_getters(
        gil,
        i,
        &[
            ("real", get_self as GetterFn),
            ("numerator", get_self),
            ("imag", get_zero),
            ("denominator", get_one),
        ],
    );
    let b = &t.bool_;
    add_method(gil, b, "__new__", bool_new, NativeKind::StaticMethod);
    add_methods(gil, b, BOOL_METHODS);
}

/// Adds read-only attributes computed from the value.
pub(crate) fn add_getters(gil: &Gil, t: &ObjRef, getters: &[(&'static str, GetterFn)]) {
    for &(name, get) in getters {
        let g = Value::obj(Payload::GetSet(GetSet {
            name,
            get,
            set: None,
            owner: Some(t.clone()),
        }));
        set_type_attr(gil, t, name, g);
    }
}

const METHODS: &[(&str, NativeFn)] = &[
    ("bit_length", bit_length),
    ("bit_count", bit_count),
    ("to_bytes", to_bytes),
    ("as_integer_ratio", as_integer_ratio),
    ("conjugate", conjugate),
    ("__index__", dunder_index),
    ("__int__", dunder_int),
    ("__float__", dunder_float),
    ("__round__", dunder_round),
    ("__trunc__", dunder_trunc),
    ("__floor__", dunder_floor),
    ("__ceil__", dunder_ceil),
    ("__abs__", dunder_abs),
    ("__neg__", dunder_neg),
    ("__pos__", dunder_pos),
    ("__invert__", dunder_invert),
    ("__bool__", dunder_bool),
    ("__hash__", dunder_hash),
    ("__repr__", dunder_repr),
    ("__format__", dunder_format),
    ("__getnewargs__", dunder_getnewargs),
];

const BOOL_METHODS: &[(&str, NativeFn)] = &[
    ("__repr__", bool_repr),
    ("__and__", bool_and),
    ("__rand__", bool_and),
    ("__or__", bool_or),
    ("__ror__", bool_or),
    ("__xor__", bool_xor),
    ("__rxor__", bool_xor),
];

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

/// The receiving int (or bool) and the other arguments.
fn this<'a>(vm: &Vm, args: &Args<'a>, method: &str) -> PyResult<(BigInt, Args<'a>)> {
    receiver(vm, args, &types().int, method, |v| {
        as_int(v).map(|i| i.to_big())
    })
}

/// The receiver of a slot wrapper taking no arguments (`expected 0 arguments, got 1`).
fn unary(vm: &Vm, args: &Args, name: &str) -> PyResult<BigInt> {
    let (a, rest) = this(vm, args, name)?;
    wrapper_args(&rest, name, 0)?;
    Ok(a)
}

/// The receiver of a method taking no arguments (`int.__trunc__() takes no arguments`).
fn nullary(vm: &Vm, args: &Args, name: &str) -> PyResult<BigInt> {
    let (a, rest) = this(vm, args, name)?;
    no_args(&rest, &format!("int.{name}"))?;
    Ok(a)
}

fn num_err(e: num::NumError) -> PyErr {
    from_num_error(e)
}

// ---------------------------------------------------------------------------------------
// Constructors
// ---------------------------------------------------------------------------------------

/// `int(x=0)`, `int(x, base=10)`.
fn int_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (cls, rest) = new_class(vm, &args, &types().int)?;
    let a = Clinic {
        fname: "int",
        names: &["x", "base"],
        posonly: 1,
        max_pos: 2,
        required: 0,
    }
    .bind(&rest)?;
    let n = match (&a[0], &a[1]) {
        (None, None) => BigInt::zero(),
        (Some(x), None) => int_of(vm, x)?,
        (x, Some(base)) => {
            // CPython clamps the base to a machine word before checking its range.
            let base = match index_int(vm, base)? {
                Some(b) => b.to_i64().unwrap_or(-1),
                None => ssize_arg(vm, base)?,
            };
            if base != 0 && !(2..=36).contains(&base) {
                return Err(value_error("int() base must be >= 2 and <= 36, or 0"));
            }
            match x {
                None => BigInt::zero(),
                Some(x) => parse_with_base(vm, x, base as u32)?,
            }
        }
    };
    Ok(if Arc::ptr_eq(&cls, &types().int) {
        Value::int(n)
    } else {
        new_instance(cls, Payload::Int(n), true)
    })
}

/// `int(s, base)` for a str, bytes or bytearray.
fn parse_with_base(vm: &Vm, x: &Value, base: u32) -> PyResult<BigInt> {
    if let Some(s) = x.as_str() {
        return num::int_from_str(s, base).map_err(num_err);
    }
    if let Some(d) = vm.bytes_data(x) {
        return int_from_bytes_text(&d, base);
    }
    Err(type_error(
        "int() can't convert non-string with explicit base",
    ))
}

/// Parses bytes as `int()` does: as ASCII text; the error shows the bytes' repr.
fn int_from_bytes_text(d: &[u8], base: u32) -> PyResult<BigInt> {
    let text: String = d
        .iter()
        .map(|&x| {
            if x.is_ascii() {
                char::from(x)
            } else {
                '\u{fffd}'
            }
        })
        .collect();
    num::int_from_str(&text, base).map_err(|e| {
        if e.msg.starts_with("invalid literal") {
            value_error(format!(
                "invalid literal for int() with base {base}: {}",
                crate::object::bytes::repr_bytes(d)
            ))
        } else {
            num_err(e)
        }
    })
}

/// `int(x)` for one argument: `__int__`, the int value, a float truncated, `__index__`,
/// `__trunc__`, then text.
pub(crate) fn int_of(vm: &mut Vm, x: &Value) -> PyResult<BigInt> {
    let t = type_of(x).clone();
    if let Some(m) = vm.lookup_special(&t, "__int__") {
        let r = vm.call_special(&m, x, &[])?;
        return as_int(&r).map(|i| i.to_big()).ok_or_else(|| {
            type_error(format!(
                "__int__ returned non-int (type {})",
                type_name(&r, vm)
            ))
        });
    }
    if let Some(i) = as_int(x) {
        return Ok(i.to_big());
    }
    if let Some(f) = float_value(x) {
        return num::float_to_int(f).map_err(num_err);
    }
    if let Some(i) = index_int(vm, x)? {
        return Ok(i);
    }
    if let Some(m) = vm.lookup_special(&t, "__trunc__") {
        let r = vm.call_special(&m, x, &[])?;
        return match index_int(vm, &r)? {
            Some(i) => Ok(i),
            None => Err(type_error(format!(
                "__trunc__ returned non-Integral (type {})",
                type_name(&r, vm)
            ))),
        };
    }
    if let Some(s) = x.as_str() {
        return num::int_from_str(s, 10).map_err(num_err);
    }
    if let Some(d) = vm.bytes_data(x) {
        return int_from_bytes_text(&d, 10);
    }
    Err(type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        type_name(x, vm)
    )))
}

fn float_value(v: &Value) -> Option<f64> {
    match v {
        Value::Float(f) => Some(*f),
        _ => match v.payload() {
            Some(Payload::Float(f)) => Some(*f),
            _ => None,
        },
    }
}

/// `bool(x=False)`.
fn bool_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, rest) = new_class(vm, &args, &types().bool_)?;
    let a = rest.between("bool", 0, 1)?;
    match a.first() {
        Some(x) => Ok(Value::Bool(vm.is_true(x)?)),
        None => Ok(Value::Bool(false)),
    }
}

// ---------------------------------------------------------------------------------------
// Methods
// ---------------------------------------------------------------------------------------

fn bit_length(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = nullary(vm, &args, "bit_length")?;
    Ok(Value::Int(
        i64::try_from(num::int_bit_length(&a)).unwrap_or(i64::MAX),
    ))
}

fn bit_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = nullary(vm, &args, "bit_count")?;
    let ones: u64 = a
        .magnitude()
        .to_u64_digits()
        .iter()
        .map(|d| u64::from(d.count_ones()))
        .sum();
    Ok(Value::Int(i64::try_from(ones).unwrap_or(i64::MAX)))
}

fn as_integer_ratio(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = nullary(vm, &args, "as_integer_ratio")?;
    Ok(Value::tuple(vec![Value::int(a), Value::Int(1)]))
}

fn conjugate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::int(nullary(vm, &args, "conjugate")?))
}

fn dunder_index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::int(unary(vm, &args, "__index__")?))
}

fn dunder_int(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::int(unary(vm, &args, "__int__")?))
}

fn dunder_float(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = unary(vm, &args, "__float__")?;
    Ok(Value::Float(num::int_to_float(&a).map_err(num_err)?))
}

fn dunder_trunc(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::int(nullary(vm, &args, "__trunc__")?))
}

fn dunder_floor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::int(nullary(vm, &args, "__floor__")?))
}

fn dunder_ceil(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::int(nullary(vm, &args, "__ceil__")?))
}

fn dunder_pos(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::int(unary(vm, &args, "__pos__")?))
}

fn dunder_abs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::int(unary(vm, &args, "__abs__")?.abs()))
}

fn dunder_neg(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::int(-unary(vm, &args, "__neg__")?))
}

fn dunder_invert(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::int(num::int_invert(&unary(
        vm,
        &args,
        "__invert__",
    )?)))
}

fn dunder_bool(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(!unary(vm, &args, "__bool__")?.is_zero()))
}

fn dunder_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(num::hash_int(&unary(vm, &args, "__hash__")?)))
}

fn dunder_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = unary(vm, &args, "__repr__")?;
    Ok(Value::str(num::int_to_str_radix(&a, 10).map_err(num_err)?))
}

/// `int.__format__(spec)`: an empty spec gives `str(self)` (so `True` and subclasses with
/// their own `__str__` or `__repr__` show that).
fn dunder_format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (a, rest) = this(vm, &args, "__format__")?;
    let spec = one_arg(&rest, "int.__format__")?;
    let Some(spec) = spec.as_str() else {
        return Err(type_error(format!(
            "__format__() argument must be str, not {}",
            type_name(spec, vm)
        )));
    };
    if spec.is_empty() {
        return Ok(Value::str(vm.str(&args.pos[0])?));
    }
    let out = fmt::format_int(&a, spec).map_err(|e| PyErr::new(exc_type_by_name(e.kind), e.msg))?;
    Ok(Value::str(out))
}

fn dunder_getnewargs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = nullary(vm, &args, "__getnewargs__")?;
    Ok(Value::tuple(vec![Value::int(a)]))
}

/// `int.__round__(ndigits)`: the int itself, or rounded to a multiple of `10**-ndigits`.
fn dunder_round(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (a, rest) = this(vm, &args, "__round__")?;
    let r = rest.between("__round__", 0, 1)?;
    let Some(nd) = r.first() else {
        return Ok(Value::int(a));
    };
    let Some(nd) = index_int(vm, nd)? else {
        return Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(nd, vm)
        )));
    };
    let nd = nd
        .to_i64()
        .unwrap_or(if nd.is_negative() { i64::MIN } else { 0 });
    Ok(Value::int(num::int_round(&a, nd)))
}

/// The `byteorder` argument of to_bytes/from_bytes: true for big-endian.
fn byteorder(vm: &Vm, v: Option<&Value>, fname: &str) -> PyResult<bool> {
    let Some(v) = v else { return Ok(true) };
    match v.as_str() {
        Some("big") => Ok(true),
        Some("little") => Ok(false),
        Some(_) => Err(value_error("byteorder must be either 'little' or 'big'")),
        None => Err(type_error(format!(
            "{fname}() argument 'byteorder' must be str, not {}",
            type_name(v, vm)
        ))),
    }
}

/// `int.to_bytes(length=1, byteorder='big', *, signed=False)`.
fn to_bytes(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (a, rest) = this(vm, &args, "to_bytes")?;
    let p = Clinic {
        fname: "to_bytes",
        names: &["length", "byteorder", "signed"],
        posonly: 0,
        max_pos: 2,
        required: 0,
    }
    .bind(&rest)?;
    let length = match &p[0] {
        Some(v) => ssize_arg(vm, v)?,
        None => 1,
    };
    if length < 0 {
        return Err(value_error("length argument must be non-negative"));
    }
    let big = byteorder(vm, p[1].as_ref(), "to_bytes")?;
    let signed = match &p[2] {
        Some(v) => vm.is_true(v)?,
        None => false,
    };
    if a.is_negative() && !signed {
        return Err(PyErr::new(
            ExcType::OverflowError,
            "can't convert negative int to unsigned",
        ));
    }
    let mut bytes = if signed {
        a.to_signed_bytes_be()
    } else {
        a.magnitude().to_bytes_be()
    };
    if a.is_zero() {
        bytes.clear();
    }
    let len = usize::try_from(length).unwrap_or(usize::MAX);
    if bytes.len() > len {
        return Err(PyErr::new(ExcType::OverflowError, "int too big to convert"));
    }
    let fill = if a.is_negative() { 0xff } else { 0 };
    let mut out = Vec::new();
    out.try_reserve(len)
        .map_err(|_| PyErr::new(ExcType::MemoryError, ""))?;
    out.resize(len - bytes.len(), fill);
    out.extend(bytes);
    if !big {
        out.reverse();
    }
    Ok(Value::bytes(out))
}

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)`; a subclass gets
/// `cls(value)`.
fn from_bytes(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some((cls, rest)) = args.pos.split_first() else {
        return Err(type_error("from_bytes() needs a class"));
    };
    let p = Clinic {
        fname: "from_bytes",
        names: &["bytes", "byteorder", "signed"],
        posonly: 0,
        max_pos: 2,
        required: 1,
    }
    .bind(&Args { pos: rest, ..args })?;
    let source = p[0].clone().unwrap_or(Value::None);
    let big = byteorder(vm, p[1].as_ref(), "from_bytes")?;
    let signed = match &p[2] {
        Some(v) => vm.is_true(v)?,
        None => false,
    };
    let mut data = super::bytes::bytes_from_object(vm, &source)?;
    if !big {
        data.reverse();
    }
    let n = if signed {
        BigInt::from_signed_bytes_be(&data)
    } else {
        BigInt::from_bytes_be(Sign::Plus, &data)
    };
    match cls {
        Value::Obj(c) if Arc::ptr_eq(c, &types().int) => Ok(Value::int(n)),
        _ => vm.call(cls, Args::positional(&[Value::int(n)])),
    }
}

fn get_self(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    as_int(v)
        .map(|i| Value::int(i.to_big()))
        .ok_or_else(|| type_error("descriptor requires an 'int' object"))
}

fn get_zero(_vm: &mut Vm, _v: &Value) -> PyResult<Value> {
    Ok(Value::Int(0))
}

fn get_one(_vm: &mut Vm, _v: &Value) -> PyResult<Value> {
    Ok(Value::Int(1))
}

// ---------------------------------------------------------------------------------------
// Arithmetic and comparison dunders: both operands become plain ints, then the VM's own
// operator runs (an operand that is not an int gives NotImplemented).
// ---------------------------------------------------------------------------------------

fn operands(vm: &Vm, args: &Args, name: &str) -> PyResult<Option<(Value, Value)>> {
    let (a, rest) = this(vm, args, name)?;
    let other = &wrapper_args(&rest, name, 1)?[0];
    Ok(as_int(other).map(|b| (Value::int(a), Value::int(b.to_big()))))
}

fn arith(vm: &mut Vm, args: Args, name: &str, op: BinaryOp, reflected: bool) -> PyResult<Value> {
    let Some((a, b)) = operands(vm, &args, name)? else {
        return Ok(not_implemented());
    };
    if reflected {
        vm.binary_op(op, &b, &a)
    } else {
        vm.binary_op(op, &a, &b)
    }
}

macro_rules! arith_dunders {
    ($($f:ident $name:literal $op:ident $refl:literal;)*) => {
        $(fn $f(vm: &mut Vm, args: Args) -> PyResult<Value> {
            arith(vm, args, $name, BinaryOp::$op, $refl)
        })*
        const ARITHMETIC: &[(&str, NativeFn)] = &[
            $(($name, $f),)*
            ("__pow__", dunder_pow),
            ("__rpow__", dunder_rpow),
            ("__divmod__", dunder_divmod),
            ("__rdivmod__", dunder_rdivmod),
        ];
    };
}

arith_dunders! {
    add "__add__" Add false;
    radd "__radd__" Add true;
    sub "__sub__" Sub false;
    rsub "__rsub__" Sub true;
    mul "__mul__" Mult false;
    rmul "__rmul__" Mult true;
    truediv "__truediv__" Div false;
    rtruediv "__rtruediv__" Div true;
    floordiv "__floordiv__" FloorDiv false;
    rfloordiv "__rfloordiv__" FloorDiv true;
    modulo "__mod__" Mod false;
    rmodulo "__rmod__" Mod true;
    lshift "__lshift__" LShift false;
    rlshift "__rlshift__" LShift true;
    rshift "__rshift__" RShift false;
    rrshift "__rrshift__" RShift true;
    and "__and__" BitAnd false;
    rand "__rand__" BitAnd true;
    or "__or__" BitOr false;
    ror "__ror__" BitOr true;
    xor "__xor__" BitXor false;
    rxor "__rxor__" BitXor true;
}

/// `__pow__(other, mod=None)` and `__rpow__`: a ternary slot wrapper.
fn power(vm: &mut Vm, args: Args, name: &str, reflected: bool) -> PyResult<Value> {
    let (a, rest) = this(vm, &args, name)?;
    match rest.pos.len() {
        0 => return Err(type_error(" expected at least 1 argument, got 0")),
        1 | 2 => {}
        n => {
            return Err(type_error(format!(
                " expected at most 2 arguments, got {n}"
            )));
        }
    }
    let Some(b) = as_int(&rest.pos[0]).map(|i| i.to_big()) else {
        return Ok(not_implemented());
    };
    let (base, exp) = if reflected { (b, a) } else { (a, b) };
    match rest.pos.get(1).filter(|m| !m.is_none()) {
        None => vm.binary_op(BinaryOp::Pow, &Value::int(base), &Value::int(exp)),
        Some(m) => match as_int(m) {
            Some(m) => Ok(Value::int(
                num::int_pow_mod(&base, &exp, &m.to_big()).map_err(num_err)?,
            )),
            None => Ok(not_implemented()),
        },
    }
}

fn dunder_pow(vm: &mut Vm, args: Args) -> PyResult<Value> {
    power(vm, args, "__pow__", false)
}

fn dunder_rpow(vm: &mut Vm, args: Args) -> PyResult<Value> {
    power(vm, args, "__rpow__", true)
}

fn divmod(vm: &mut Vm, args: Args, name: &str, reflected: bool) -> PyResult<Value> {
    let Some((a, b)) = operands(vm, &args, name)? else {
        return Ok(not_implemented());
    };
    let (x, y) = if reflected { (b, a) } else { (a, b) };
    let (x, y) = (
        as_int(&x).map(|i| i.to_big()).unwrap_or_default(),
        as_int(&y).map(|i| i.to_big()).unwrap_or_default(),
    );
    let (q, r) = num::int_divmod(&x, &y).map_err(num_err)?;
    Ok(Value::tuple(vec![Value::int(q), Value::int(r)]))
}

fn dunder_divmod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    divmod(vm, args, "__divmod__", false)
}

fn dunder_rdivmod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    divmod(vm, args, "__rdivmod__", true)
}

fn compare(vm: &mut Vm, args: Args, name: &str, op: CompareOp) -> PyResult<Value> {
    let Some((a, b)) = operands(vm, &args, name)? else {
        return Ok(not_implemented());
    };
    vm.compare(op, &a, &b)
}

macro_rules! compare_dunders {
    ($($f:ident $name:literal $op:ident;)*) => {
        $(fn $f(vm: &mut Vm, args: Args) -> PyResult<Value> {
            compare(vm, args, $name, CompareOp::$op)
        })*
        const COMPARISONS: &[(&str, NativeFn)] = &[$(($name, $f),)*];
    };
}

compare_dunders! {
    eq "__eq__" Eq;
    ne "__ne__" Ne;
    lt "__lt__" Lt;
    le "__le__" Le;
    gt "__gt__" Gt;
    ge "__ge__" Ge;
}

// ---------------------------------------------------------------------------------------
// bool
// ---------------------------------------------------------------------------------------

fn bool_this<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<(bool, Args<'a>)> {
    receiver(vm, args, &types().bool_, name, |v| match v {
        Value::Bool(b) => Some(*b),
        _ => None,
    })
}

fn bool_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (b, rest) = bool_this(vm, &args, "__repr__")?;
    wrapper_args(&rest, "__repr__", 0)?;
    Ok(Value::str(if b { "True" } else { "False" }))
}

/// `&`, `|`, `^` of two bools give a bool; with another int, the int result.
fn bool_op(vm: &mut Vm, args: Args, name: &str, op: BinaryOp) -> PyResult<Value> {
    let (a, rest) = bool_this(vm, &args, name)?;
    let other = &wrapper_args(&rest, name, 1)?[0];
    if let Value::Bool(b) = other {
        return Ok(Value::Bool(match op {
            BinaryOp::BitAnd => a & b,
            BinaryOp::BitOr => a | b,
            _ => a ^ b,
        }));
    }
    match as_int(other) {
        Some(b) => vm.binary_op(op, &Value::Int(i64::from(a)), &Value::int(b.to_big())),
        None => Ok(not_implemented()),
    }
}

fn bool_and(vm: &mut Vm, args: Args) -> PyResult<Value> {
    bool_op(vm, args, "__and__", BinaryOp::BitAnd)
}

fn bool_or(vm: &mut Vm, args: Args) -> PyResult<Value> {
    bool_op(vm, args, "__or__", BinaryOp::BitOr)
}

fn bool_xor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    bool_op(vm, args, "__xor__", BinaryOp::BitXor)
}
