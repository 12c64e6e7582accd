//! `float`: the constructor (`float(x)`, `float(s)`, `__float__`), the methods (`is_integer`,
//! `as_integer_ratio`, `hex`, `fromhex`, …), the arithmetic and comparison dunders (on the
//! float value, so `float.__add__(x, y)` and `super()` calls in a subclass work), and the
//! `real`/`imag` attributes.

use std::sync::Arc;

use num_bigint::{BigInt, BigUint};
use num_traits::{One, ToPrimitive, Zero};

use super::int::add_getters;
use super::str::{index_int, new_class, no_args, not_implemented, one_arg, receiver, wrapper_args};
use super::{add_method, add_methods};
use crate::compile::bytecode::{BinaryOp, CompareOp};
use crate::object::format as fmt;
use crate::object::gil_cell::Gil;
use crate::object::number as num;
use crate::object::typeobj::{BuiltinTypes, ExcType, type_of, types};
use crate::object::value::{Args, GetterFn, NativeFn, NativeKind, Payload, Value, new_instance};
use crate::vm::Vm;
use crate::vm::eval::type_name;
use crate::vm::exceptions::{
    PyErr, PyResult, exc_type_by_name, from_num_error, type_error, value_error,
};
use crate::vm::ops::as_int;

pub fn install(t: &BuiltinTypes, gil: &Gil) {
    let f = &t.float;
    add_method(gil, f, "__new__", float_new, NativeKind::StaticMethod);
    add_method(gil, f, "fromhex", fromhex, NativeKind::ClassMethod);
    add_methods(gil, f, METHODS);
    add_methods(gil, f, ARITHMETIC);
    add_methods(gil, f, COMPARISONS);
    add_getters(
        gil,
        f,
        &[("real", get_real as GetterFn), ("imag", get_imag)],
    );
}

const METHODS: &[(&str, NativeFn)] = &[
    ("is_integer", is_integer),
    ("as_integer_ratio", as_integer_ratio),
    ("hex", hex),
    ("conjugate", conjugate),
    ("__float__", dunder_float),
    ("__int__", dunder_int),
    ("__trunc__", dunder_trunc),
    ("__floor__", dunder_floor),
    ("__ceil__", dunder_ceil),
    ("__round__", dunder_round),
    ("__abs__", dunder_abs),
    ("__neg__", dunder_neg),
    ("__pos__", dunder_pos),
    ("__bool__", dunder_bool),
    ("__hash__", dunder_hash),
    ("__repr__", dunder_repr),
    ("__format__", dunder_format),
    ("__getnewargs__", dunder_getnewargs),
];

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

fn float_value(v: &Value) -> Option<f64> {
    match v {
        Value::Float(f) => Some(*f),
        _ => match v.payload() {
            Some(Payload::Float(f)) => Some(*f),
            _ => None,
        },
    }
}

fn this<'a>(vm: &Vm, args: &Args<'a>, method: &str) -> PyResult<(f64, Args<'a>)> {
    receiver(vm, args, &types().float, method, float_value)
}

/// The receiver of a slot wrapper taking no arguments.
fn unary(vm: &Vm, args: &Args, name: &str) -> PyResult<f64> {
    let (a, rest) = this(vm, args, name)?;
    wrapper_args(&rest, name, 0)?;
    Ok(a)
}

/// The receiver of a method taking no arguments.
fn nullary(vm: &Vm, args: &Args, name: &str) -> PyResult<f64> {
    let (a, rest) = this(vm, args, name)?;
    no_args(&rest, &format!("float.{name}"))?;
    Ok(a)
}

fn num_err(e: num::NumError) -> PyErr {
    from_num_error(e)
}

// ---------------------------------------------------------------------------------------
// The constructor
// ---------------------------------------------------------------------------------------

/// `float(x=0.0)`.
fn float_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (cls, rest) = new_class(vm, &args, &types().float)?;
    let a = rest.between("float", 0, 1)?;
    let f = match a.first() {
        Some(x) => float_of(vm, x)?,
        None => 0.0,
    };
    Ok(if Arc::ptr_eq(&cls, &types().float) {
        Value::Float(f)
    } else {
        new_instance(cls, Payload::Float(f), true)
    })
}

/// `float(x)`: `__float__`, the float value, an int converted, `__index__`, then text.
pub(crate) fn float_of(vm: &mut Vm, x: &Value) -> PyResult<f64> {
    let t = type_of(x).clone();
    if let Some(m) = vm.lookup_special(&t, "__float__") {
        let r = vm.call_special(&m, x, &[])?;
        return float_value(&r).ok_or_else(|| {
            type_error(format!(
                "{}.__float__ returned non-float (type {})",
                type_name(x, vm),
                type_name(&r, vm)
            ))
        });
    }
    if let Some(f) = float_value(x) {
        return Ok(f);
    }
    if let Some(i) = index_int(vm, x)? {
        return num::int_to_float(&i).map_err(num_err);
    }
    if let Some(s) = x.as_str() {
        return num::float_from_str(s).map_err(num_err);
    }
    if let Some(d) = vm.bytes_data(x) {
        let text: String = d
            .iter()
            .map(|&c| {
                if c.is_ascii() {
                    char::from(c)
                } else {
                    '\u{fffd}'
                }
            })
            .collect();
        return num::float_from_str(&text).map_err(|_| {
            value_error(format!(
                "could not convert string to float: {}",
                crate::object::bytes::repr_bytes(&d)
            ))
        });
    }
    Err(type_error(format!(
        "float() argument must be a string or a real number, not '{}'",
        type_name(x, vm)
    )))
}

// ---------------------------------------------------------------------------------------
// Methods
// ---------------------------------------------------------------------------------------

fn is_integer(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = nullary(vm, &args, "is_integer")?;
    Ok(Value::Bool(a.is_finite() && a.fract() == 0.0))
}

/// A finite float as `(numerator, denominator)` in lowest terms.
fn ratio(x: f64) -> (BigInt, BigInt) {
    let bits = x.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i64;
    let fraction = bits & ((1 << 52) - 1);
    let (mut m, mut e) = if exponent == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1 << 52), exponent - 1075)
    };
    if m == 0 {
        return (BigInt::zero(), BigInt::one());
    }
    let tz = i64::from(m.trailing_zeros());
    m >>= tz;
    e += tz;
    let m = BigInt::from(m);
    let m = if x < 0.0 { -m } else { m };
    if e >= 0 {
        (m << (e as u64), BigInt::one())
    } else {
        (m, BigInt::one() << e.unsigned_abs())
    }
}

fn as_integer_ratio(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = nullary(vm, &args, "as_integer_ratio")?;
    if a.is_nan() {
        return Err(value_error("cannot convert NaN to integer ratio"));
    }
    if a.is_infinite() {
        return Err(PyErr::new(
            ExcType::OverflowError,
            "cannot convert Infinity to integer ratio",
        ));
    }
    let (n, d) = ratio(a);
    Ok(Value::tuple(vec![Value::int(n), Value::int(d)]))
}

/// `float.hex()`: `0x1.8000000000000p+0`, subnormals as `0x0.…p-1022`.
fn hex_text(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x.is_infinite() {
        return format!("{sign}inf");
    }
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = x.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i64;
    let fraction = bits & ((1 << 52) - 1);
    let (lead, e) = if exponent == 0 {
        (0, -1022)
    } else {
        (1, exponent - 1023)
    };
    format!("{sign}0x{lead}.{fraction:013x}p{e:+}")
}

fn hex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::str(hex_text(nullary(vm, &args, "hex")?)))
}

/// `float.fromhex(s)` (a class method: a subclass gets `cls(value)`).
fn fromhex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some((cls, rest)) = args.pos.split_first() else {
        return Err(type_error("fromhex() needs a class"));
    };
    let s = one_arg(&Args { pos: rest, ..args }, "float.fromhex")?;
    let Some(text) = s.as_str() else {
        return Err(type_error("bad argument type for built-in operation"));
    };
    let f = parse_hex_float(text)?;
    match cls {
        Value::Obj(c) if Arc::ptr_eq(c, &types().float) => Ok(Value::Float(f)),
        _ => vm.call(cls, Args::positional(&[Value::Float(f)])),
    }
}

fn invalid_hex() -> PyErr {
    value_error("invalid hexadecimal floating-point string")
}

fn hex_overflow() -> PyErr {
    PyErr::new(
        ExcType::OverflowError,
        "hexadecimal value too large to represent as a float",
    )
}

/// Parses `[sign] ['0x'] hexdigits ['.' hexdigits] ['p' [sign] digits]` (or inf/nan),
/// surrounded by whitespace, correctly rounded to the nearest float.
fn parse_hex_float(text: &str) -> PyResult<f64> {
    let s = text.trim_matches(|c: char| c.is_ascii_whitespace() || c == '\u{b}');
    let (negative, s) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let signed = |x: f64| if negative { -x } else { x };
    let lower = s.to_ascii_lowercase();
    if lower == "inf" || lower == "infinity" {
        return Ok(signed(f64::INFINITY));
    }
    if lower == "nan" {
        return Ok(signed(f64::NAN));
    }
    let s = lower.strip_prefix("0x").unwrap_or(&lower);
    let (mantissa_text, exp_text) = match s.split_once('p') {
        Some((m, e)) => (m, Some(e)),
        None => (s, None),
    };
    let (int_digits, frac_digits) = match mantissa_text.split_once('.') {
        Some((i, f)) => (i, f),
        None => (mantissa_text, ""),
    };
    let all_hex = |t: &str| t.bytes().all(|b| b.is_ascii_hexdigit());
    if int_digits.len() + frac_digits.len() == 0 || !all_hex(int_digits) || !all_hex(frac_digits) {
        return Err(invalid_hex());
    }
    let exp = match exp_text {
        None => 0i128,
        Some(e) => parse_exponent(e)?,
    };
    let digits = format!("{int_digits}{frac_digits}");
    let mantissa = BigUint::parse_bytes(digits.as_bytes(), 16).unwrap_or_default();
    let exp = exp - 4 * frac_digits.len() as i128;
    Ok(signed(scale(mantissa, exp)?))
}

/// A decimal exponent with an optional sign, saturated far beyond any float's range.
fn parse_exponent(e: &str) -> PyResult<i128> {
    let (neg, digits) = match e.as_bytes().first() {
        Some(b'-') => (true, &e[1..]),
        Some(b'+') => (false, &e[1..]),
        _ => (false, e),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(invalid_hex());
    }
    let mut v: i128 = 0;
    for b in digits.bytes() {
        v = (v * 10 + i128::from(b - b'0')).min(1 << 80);
    }
    Ok(if neg { -v } else { v })
}

/// `m * 2**e` as the nearest float (ties to even); `OverflowError` past the largest float.
fn scale(m: BigUint, e: i128) -> PyResult<f64> {
    if m.is_zero() {
        return Ok(0.0);
    }
    let top = i128::from(m.bits()) + e;
    if top > 1024 {
        return Err(hex_overflow());
    }
    if top < -1075 {
        return Ok(0.0);
    }
    let m = BigInt::from(m);
    let r = if e >= 0 {
        num::int_to_float(&(m << (e as u64)))
    } else {
        num::int_true_div(&m, &(BigInt::one() << (-e) as u64))
    };
    r.map_err(|_| hex_overflow())
}

fn conjugate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Float(nullary(vm, &args, "conjugate")?))
}

fn dunder_float(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Float(unary(vm, &args, "__float__")?))
}

fn dunder_int(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = unary(vm, &args, "__int__")?;
    Ok(Value::int(num::float_to_int(a).map_err(num_err)?))
}

fn dunder_trunc(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = nullary(vm, &args, "__trunc__")?;
    Ok(Value::int(num::float_to_int(a).map_err(num_err)?))
}

fn dunder_floor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = nullary(vm, &args, "__floor__")?;
    Ok(Value::int(num::float_floor(a).map_err(num_err)?))
}

fn dunder_ceil(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = nullary(vm, &args, "__ceil__")?;
    Ok(Value::int(num::float_ceil(a).map_err(num_err)?))
}

/// `float.__round__(ndigits=None)`: an int without ndigits, else a float.
fn dunder_round(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (a, rest) = this(vm, &args, "__round__")?;
    let r = rest.between("__round__", 0, 1)?;
    let Some(nd) = r.first().filter(|v| !v.is_none()) else {
        return Ok(Value::int(num::float_round_to_int(a).map_err(num_err)?));
    };
    let Some(nd) = index_int(vm, nd)? else {
        return Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(nd, vm)
        )));
    };
    let nd = nd
        .to_i64()
        .unwrap_or(if nd.sign() == num_bigint::Sign::Minus {
            i64::MIN
        } else {
            i64::MAX
        });
    Ok(Value::Float(num::float_round(a, nd).map_err(num_err)?))
}

fn dunder_abs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Float(unary(vm, &args, "__abs__")?.abs()))
}

fn dunder_neg(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Float(-unary(vm, &args, "__neg__")?))
}

fn dunder_pos(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Float(unary(vm, &args, "__pos__")?))
}

fn dunder_bool(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(unary(vm, &args, "__bool__")? != 0.0))
}

fn dunder_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = unary(vm, &args, "__hash__")?;
    Ok(Value::Int(vm.hash(&Value::Float(a))?))
}

fn dunder_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::str(fmt::float_repr(unary(vm, &args, "__repr__")?)))
}

/// `float.__format__(spec)`: an empty spec gives `str(self)`.
fn dunder_format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (a, rest) = this(vm, &args, "__format__")?;
    let spec = one_arg(&rest, "float.__format__")?;
    let Some(spec) = spec.as_str() else {
        return Err(type_error(format!(
            "__format__() argument must be str, not {}",
            type_name(spec, vm)
        )));
    };
    if spec.is_empty() {
        return Ok(Value::str(vm.str(&args.pos[0])?));
    }
    let out =
        fmt::format_float(a, spec).map_err(|e| PyErr::new(exc_type_by_name(e.kind), e.msg))?;
    Ok(Value::str(out))
}

fn dunder_getnewargs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::tuple(vec![Value::Float(nullary(
        vm,
        &args,
        "__getnewargs__",
    )?)]))
}

fn get_real(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    float_value(v)
        .map(Value::Float)
        .ok_or_else(|| type_error("descriptor requires a 'float' object"))
}

fn get_imag(_vm: &mut Vm, _v: &Value) -> PyResult<Value> {
    Ok(Value::Float(0.0))
}

// ---------------------------------------------------------------------------------------
// Arithmetic and comparison: the other operand may be a float or an int (converted
// exactly as mixed arithmetic does); anything else gives NotImplemented.
// ---------------------------------------------------------------------------------------

/// The other operand as a float, `None` for NotImplemented.
fn other_float(v: &Value) -> PyResult<Option<f64>> {
    if let Some(f) = float_value(v) {
        return Ok(Some(f));
    }
    match as_int(v) {
        Some(i) => num::int_to_float(&i.to_big()).map(Some).map_err(num_err),
        None => Ok(None),
    }
}

fn operands(vm: &Vm, args: &Args, name: &str) -> PyResult<Option<(f64, f64)>> {
    let (a, rest) = this(vm, args, name)?;
    let other = &wrapper_args(&rest, name, 1)?[0];
    Ok(other_float(other)?.map(|b| (a, b)))
}

fn arith(vm: &mut Vm, args: Args, name: &str, op: BinaryOp, reflected: bool) -> PyResult<Value> {
    let Some((a, b)) = operands(vm, &args, name)? else {
        return Ok(not_implemented());
    };
    let (x, y) = if reflected { (b, a) } else { (a, b) };
    vm.binary_op(op, &Value::Float(x), &Value::Float(y))
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
}

/// `x ** y` for floats; a negative base with a fractional exponent gives the complex power.
fn float_power(x: f64, y: f64) -> PyResult<Value> {
    match num::float_pow(x, y) {
        Ok(r) => Ok(Value::Float(r)),
        Err(e) if e.kind == "Complex" => {
            let length = x.abs().powf(y);
            let phase = std::f64::consts::PI * y;
            Ok(crate::object::complex::new_complex(
                length * phase.cos(),
                length * phase.sin(),
            ))
        }
        Err(e) => Err(num_err(e)),
    }
}

/// `__pow__(other, mod=None)` and `__rpow__`: a third argument is refused for floats.
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
    let Some(b) = other_float(&rest.pos[0])? else {
        return Ok(not_implemented());
    };
    if rest.pos.get(1).is_some_and(|m| !m.is_none()) {
        return Err(type_error(
            "pow() 3rd argument not allowed unless all arguments are integers",
        ));
    }
    if reflected {
        float_power(b, a)
    } else {
        float_power(a, b)
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
    let (q, r) = num::float_divmod(x, y).map_err(num_err)?;
    Ok(Value::tuple(vec![Value::Float(q), Value::Float(r)]))
}

fn dunder_divmod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    divmod(vm, args, "__divmod__", false)
}

fn dunder_rdivmod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    divmod(vm, args, "__rdivmod__", true)
}

/// Comparisons: against an int, exactly (no rounding of the int).
fn compare(vm: &mut Vm, args: Args, name: &str, op: CompareOp) -> PyResult<Value> {
    let (a, rest) = this(vm, &args, name)?;
    let other = &wrapper_args(&rest, name, 1)?[0];
    let plain_other = if let Some(f) = float_value(other) {
        Value::Float(f)
    } else if let Some(i) = as_int(other) {
        Value::int(i.to_big())
    } else {
        return Ok(not_implemented());
    };
    vm.compare(op, &Value::Float(a), &plain_other)
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
