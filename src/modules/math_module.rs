//! The Python-facing `math` module: converts arguments the way CPython 3.11 does (floats, ints
//! of any size, `__float__`, `__index__`, `__floor__`/`__ceil__`/`__trunc__`), calls the pure
//! algorithms of `modules::math`, and raises CPython's exceptions. Also the argument helpers
//! the other native modules share (`float_arg`, `int_arg`, `exact_args`).

use num_bigint::BigInt;

use super::math as m;
use super::math::{LogArg, MathError};
use super::{ModuleInit, set_attr};
use crate::builtins::native_function;
use crate::object::typeobj::{type_data, type_of};
use crate::object::value::{Args, NativeFn, ObjRef, Payload, Value};
use crate::vm::Vm;
use crate::vm::eval::type_name;
use crate::vm::exceptions::{PyErr, PyResult, exc_type_by_name, type_error};
use crate::vm::ops::as_bigint;

const _: ModuleInit = init;

/// A `math` failure as the exception it names.
pub fn math_error(e: MathError) -> PyErr {
    PyErr::new(exc_type_by_name(e.kind), e.msg)
}

/// Does this value's type define methods a native caller must honour (a class written in
/// Python, or a native type keeping its methods in a namespace)?
fn has_own_methods(v: &Value) -> bool {
    type_data(type_of(v)).heap || matches!(v.payload(), Some(Payload::Native(_)))
}

/// A float argument as CPython's `PyFloat_AsDouble` converts it: floats, ints (too large:
/// `OverflowError`), then `__float__`, then `__index__`; otherwise `must be real number, not X`.
pub fn float_arg(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(f) => return Ok(*f),
        Value::Int(i) => return Ok(*i as f64),
        Value::Bool(b) => return Ok(f64::from(u8::from(*b))),
        _ => {}
    }
    if has_own_methods(v)
        && let Some(f) = vm.lookup_special(type_of(v), "__float__")
    {
        let r = vm.call_special(&f, v, &[])?;
        return match float_value(&r) {
            Some(x) => Ok(x),
            None => Err(type_error(format!(
                "{}.__float__ returned non-float (type {})",
                type_name(v, vm),
                type_name(&r, vm)
            ))),
        };
    }
    match v.payload() {
        Some(Payload::Float(f)) => return Ok(*f),
        Some(Payload::Int(n)) => return m::int_to_f64(n).map_err(math_error),
        _ => {}
    }
    if has_own_methods(v)
        && let Some(f) = vm.lookup_special(type_of(v), "__index__")
    {
        let n = index_result(vm, v, &f)?;
        return m::int_to_f64(&n).map_err(math_error);
    }
    Err(type_error(format!(
        "must be real number, not {}",
        type_name(v, vm)
    )))
}

/// The value of a float (or float subclass instance).
fn float_value(v: &Value) -> Option<f64> {
    match v {
        Value::Float(f) => Some(*f),
        _ => match v.payload() {
            Some(Payload::Float(f)) => Some(*f),
            _ => None,
        },
    }
}

/// Calls `__index__` and checks it returned an int.
fn index_result(vm: &mut Vm, v: &Value, method: &Value) -> PyResult<BigInt> {
    let r = vm.call_special(method, v, &[])?;
    as_bigint(&r).ok_or_else(|| {
        type_error(format!(
            "__index__ returned non-int (type {})",
            type_name(&r, vm)
        ))
    })
}

/// An integer argument with `__index__` semantics: `'float' object cannot be interpreted as
/// an integer` for anything else.
pub fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    if let Some(n) = as_bigint(v) {
        return Ok(n);
    }
    if has_own_methods(v)
        && let Some(f) = vm.lookup_special(type_of(v), "__index__")
    {
        return index_result(vm, v, &f);
    }
    Err(type_error(format!(
        "'{}' object cannot be interpreted as an integer",
        type_name(v, vm)
    )))
}

/// Exactly `n` positional arguments and no keywords, with CPython's messages for functions
/// parsed by `_PyArg_CheckPositional`: `pow expected 2 arguments, got 1`.
pub fn exact_args<'a>(args: &Args<'a>, short: &str, full: &str, n: usize) -> PyResult<&'a [Value]> {
    if args.has_kwargs() {
        return Err(type_error(format!("{full}() takes no keyword arguments")));
    }
    if args.pos.len() != n {
        let plural = if n == 1 { "" } else { "s" };
        return Err(type_error(format!(
            "{short} expected {n} argument{plural}, got {}",
            args.pos.len()
        )));
    }
    Ok(args.pos)
}

/// The one argument of a one-argument math function.
fn one_float(vm: &mut Vm, args: &Args, name: &str) -> PyResult<f64> {
    let v = args.one(name)?;
    float_arg(vm, v)
}

/// The two float arguments of a two-argument math function.
fn two_floats(vm: &mut Vm, args: &Args, short: &str) -> PyResult<(f64, f64)> {
    let a = exact_args(args, short, &format!("math.{short}"), 2)?;
    Ok((float_arg(vm, &a[0])?, float_arg(vm, &a[1])?))
}

fn float_result(r: Result<f64, MathError>) -> PyResult<Value> {
    r.map(Value::Float).map_err(math_error)
}

/// Defines `fn name(vm, args)` wrappers around one-argument functions of `modules::math`.
macro_rules! unary {
    ($($fn_name:ident => $pure:path, $py:literal;)*) => {
        $(
            fn $fn_name(vm: &mut Vm, args: Args) -> PyResult<Value> {
                let x = one_float(vm, &args, $py)?;
                float_result($pure(x))
            }
        )*
    };
}

unary! {
    sqrt => m::sqrt, "math.sqrt";
    exp => m::exp, "math.exp";
    exp2 => m::exp2, "math.exp2";
    expm1 => m::expm1, "math.expm1";
    cbrt => platform_cbrt, "math.cbrt";
    log1p => m::log1p, "math.log1p";
    fabs => m::fabs, "math.fabs";
    sin => m::sin, "math.sin";
    cos => m::cos, "math.cos";
    tan => m::tan, "math.tan";
    asin => m::asin, "math.asin";
    acos => m::acos, "math.acos";
    atan => m::atan, "math.atan";
    sinh => m::sinh, "math.sinh";
    cosh => m::cosh, "math.cosh";
    tanh => m::tanh, "math.tanh";
    asinh => m::asinh, "math.asinh";
    acosh => m::acosh, "math.acosh";
    atanh => m::atanh, "math.atanh";
    erf => m::erf, "math.erf";
    erfc => m::erfc, "math.erfc";
    gamma => libm_gamma, "math.gamma";
    lgamma => libm_lgamma, "math.lgamma";
}

/// Defines wrappers around one-argument functions that cannot fail once converted.
macro_rules! unary_total {
    ($($fn_name:ident => $pure:path, $py:literal, $wrap:path;)*) => {
        $(
            fn $fn_name(vm: &mut Vm, args: Args) -> PyResult<Value> {
                let x = one_float(vm, &args, $py)?;
                Ok($wrap($pure(x)))
            }
        )*
    };
}

unary_total! {
    degrees => m::degrees, "math.degrees", Value::Float;
    radians => m::radians, "math.radians", Value::Float;
    ulp => m::ulp, "math.ulp", Value::Float;
    isfinite => m::isfinite, "math.isfinite", Value::Bool;
    isinf => m::isinf, "math.isinf", Value::Bool;
    isnan => m::isnan, "math.isnan", Value::Bool;
}

// The pure module has no gamma functions; these use the platform libm (CPython 3.11 computes
// its own Lanczos approximation, so the last bit may differ) with CPython's error rules.
unsafe extern "C" {
    #[link_name = "tgamma"]
    safe fn c_tgamma(x: f64) -> f64;
    #[link_name = "lgamma"]
    safe fn c_lgamma(x: f64) -> f64;
}

/// `cbrt` from the C library CPython links. Rust's runtime (compiler-builtins) defines a
/// `cbrt` of its own that shadows the platform's inside the executable and differs from glibc's
/// in the last bit (`cbrt(2)`), so the platform's is looked up dynamically.
fn platform_cbrt(x: f64) -> Result<f64, MathError> {
    type CFn = extern "C" fn(f64) -> f64;
    static CBRT: std::sync::OnceLock<Option<CFn>> = std::sync::OnceLock::new();
    let f = CBRT.get_or_init(|| {
        // SAFETY: looking up a symbol by a NUL-terminated name; a found `cbrt` has the C
        // signature `double cbrt(double)`.
        unsafe {
            let p = libc::dlsym(libc::RTLD_DEFAULT, c"cbrt".as_ptr());
            (!p.is_null()).then(|| std::mem::transmute::<*mut libc::c_void, CFn>(p))
        }
    });
    Ok(match f {
        Some(f) => f(x),
        None => x.cbrt(),
    })
}

/// Is `x` zero or a negative integer (a pole of the gamma function)?
fn is_gamma_pole(x: f64) -> bool {
    x <= 0.0 && x == x.floor()
}

fn libm_gamma(x: f64) -> Result<f64, MathError> {
    if x.is_nan() || x == f64::INFINITY {
        return Ok(x);
    }
    if x == f64::NEG_INFINITY || is_gamma_pole(x) {
        return Err(domain_error());
    }
    let r = c_tgamma(x);
    if r.is_infinite() {
        return Err(MathError {
            kind: "OverflowError",
            msg: "math range error".into(),
        });
    }
    Ok(r)
}

fn libm_lgamma(x: f64) -> Result<f64, MathError> {
    if x.is_nan() {
        return Ok(x);
    }
    if x.is_infinite() {
        return Ok(f64::INFINITY);
    }
    if is_gamma_pole(x) {
        return Err(domain_error());
    }
    let r = c_lgamma(x);
    if r.is_infinite() {
        return Err(MathError {
            kind: "OverflowError",
            msg: "math range error".into(),
        });
    }
    Ok(r)
}

fn domain_error() -> MathError {
    MathError {
        kind: "ValueError",
        msg: "math domain error".into(),
    }
}

/// Defines wrappers around two-argument float functions.
macro_rules! binary {
    ($($fn_name:ident => $body:expr, $py:literal;)*) => {
        $(
            fn $fn_name(vm: &mut Vm, args: Args) -> PyResult<Value> {
                let (x, y) = two_floats(vm, &args, $py)?;
                let f: fn(f64, f64) -> Result<f64, MathError> = $body;
                float_result(f(x, y))
            }
        )*
    };
}

binary! {
    pow => m::pow, "pow";
    atan2 => m::atan2, "atan2";
    fmod => m::fmod, "fmod";
    remainder => m::remainder, "remainder";
    copysign => |x, y| Ok(m::copysign(x, y)), "copysign";
    nextafter => |x, y| Ok(m::nextafter(x, y)), "nextafter";
}

/// An argument of `log`: ints keep their exact value (they may exceed the float range).
enum LogValue {
    Float(f64),
    Int(BigInt),
}

impl LogValue {
    fn as_arg(&self) -> LogArg<'_> {
        match self {
            LogValue::Float(x) => LogArg::Float(*x),
            LogValue::Int(n) => LogArg::Int(n),
        }
    }
}

fn log_value(vm: &mut Vm, v: &Value) -> PyResult<LogValue> {
    match as_bigint(v) {
        Some(n) => Ok(LogValue::Int(n)),
        None => Ok(LogValue::Float(float_arg(vm, v)?)),
    }
}

fn log(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.has_kwargs() {
        return Err(type_error("math.log() takes no keyword arguments"));
    }
    if !(1..=2).contains(&args.pos.len()) {
        return Err(type_error("math.log requires 1 to 2 arguments"));
    }
    let x = log_value(vm, &args.pos[0])?;
    let base = match args.pos.get(1) {
        Some(b) => Some(log_value(vm, b)?),
        None => None,
    };
    float_result(m::log(x.as_arg(), base.as_ref().map(LogValue::as_arg)))
}

fn log2(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = log_value(vm, args.one("math.log2")?)?;
    float_result(m::log2(x.as_arg()))
}

fn log10(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = log_value(vm, args.one("math.log10")?)?;
    float_result(m::log10(x.as_arg()))
}

/// Which rounding `floor`, `ceil` and `trunc` perform.
#[derive(Clone, Copy)]
enum Rounding {
    Floor,
    Ceil,
    Trunc,
}

impl Rounding {
    fn dunder(self) -> &'static str {
        match self {
            Rounding::Floor => "__floor__",
            Rounding::Ceil => "__ceil__",
            Rounding::Trunc => "__trunc__",
        }
    }

    fn apply(self, x: f64) -> PyResult<Value> {
        let r = match self {
            Rounding::Floor => m::floor(x),
            Rounding::Ceil => m::ceil(x),
            Rounding::Trunc => m::trunc(x),
        };
        r.map(Value::int).map_err(math_error)
    }
}

/// `math.floor`/`ceil`/`trunc`: ints as they are, floats rounded, other objects through their
/// dunder (`floor` and `ceil` fall back to the float conversion; `trunc` does not).
fn round_to_int(vm: &mut Vm, v: &Value, how: Rounding) -> PyResult<Value> {
    if let Value::Float(x) = v {
        return how.apply(*x);
    }
    if has_own_methods(v)
        && let Some(f) = vm.lookup_special(type_of(v), how.dunder())
    {
        return vm.call_special(&f, v, &[]);
    }
    if let Some(n) = as_bigint(v) {
        return Ok(Value::int(n));
    }
    if let Some(x) = float_value(v) {
        return how.apply(x);
    }
    if let Rounding::Trunc = how {
        return Err(type_error(format!(
            "type {} doesn't define __trunc__ method",
            type_name(v, vm)
        )));
    }
    let x = float_arg(vm, v)?;
    how.apply(x)
}

fn floor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = args.one("math.floor")?;
    round_to_int(vm, v, Rounding::Floor)
}

fn ceil(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = args.one("math.ceil")?;
    round_to_int(vm, v, Rounding::Ceil)
}

fn trunc(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = args.one("math.trunc")?;
    round_to_int(vm, v, Rounding::Trunc)
}

fn modf(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = one_float(vm, &args, "math.modf")?;
    let (frac, int) = m::modf(x);
    Ok(Value::tuple(vec![Value::Float(frac), Value::Float(int)]))
}

fn frexp(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = one_float(vm, &args, "math.frexp")?;
    let (mant, exp) = m::frexp(x);
    Ok(Value::tuple(vec![Value::Float(mant), Value::Int(exp)]))
}

fn ldexp(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = exact_args(&args, "ldexp", "math.ldexp", 2)?;
    let x = float_arg(vm, &a[0])?;
    let Some(i) = as_bigint(&a[1]) else {
        return Err(type_error("Expected an int as second argument to ldexp."));
    };
    float_result(m::ldexp(x, &i))
}

/// Keyword arguments of a function with keyword-only parameters: `'k' is an invalid keyword
/// argument for f()` for unknown names.
fn keyword_only(args: &Args, fname: &str, allowed: &[&str]) -> PyResult<Vec<Option<Value>>> {
    let mut out = vec![None; allowed.len()];
    for (k, v) in args.kw_names.iter().zip(args.kw_values) {
        let k = k.as_str().unwrap_or("");
        match allowed.iter().position(|a| *a == k) {
            Some(i) => out[i] = Some(v.clone()),
            None => {
                return Err(type_error(format!(
                    "'{k}' is an invalid keyword argument for {fname}()"
                )));
            }
        }
    }
    Ok(out)
}

fn isclose(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.pos.len() > 2 {
        return Err(type_error(format!(
            "isclose() takes exactly 2 positional arguments ({} given)",
            args.pos.len()
        )));
    }
    let names = ["a", "b", "rel_tol", "abs_tol"];
    let mut slots = keyword_only(&args, "isclose", &names)?;
    for (i, v) in args.pos.iter().enumerate() {
        if slots[i].is_some() {
            return Err(type_error(format!(
                "argument for isclose() given by name ('{}') and position ({})",
                names[i],
                i + 1
            )));
        }
        slots[i] = Some(v.clone());
    }
    let mut vals = [0.0, 0.0, 1e-9, 0.0];
    for (i, slot) in slots.iter().enumerate() {
        match slot {
            Some(v) => vals[i] = float_arg(vm, v)?,
            None if i < 2 => {
                return Err(type_error(format!(
                    "isclose() missing required argument '{}' (pos {})",
                    names[i],
                    i + 1
                )));
            }
            None => {}
        }
    }
    m::isclose(vals[0], vals[1], vals[2], vals[3])
        .map(Value::Bool)
        .map_err(math_error)
}

fn fsum(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = args.one("math.fsum")?;
    let it = vm.get_iter(v)?;
    let mut items = Vec::new();
    while let Some(x) = vm.next(&it)? {
        items.push(float_arg(vm, &x)?);
    }
    float_result(m::fsum(&items))
}

fn prod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.pos.len() != 1 {
        return Err(type_error(format!(
            "prod() takes exactly 1 positional argument ({} given)",
            args.pos.len()
        )));
    }
    let kw = keyword_only(&args, "prod", &["start"])?;
    let mut acc = kw[0].clone().unwrap_or(Value::Int(1));
    let it = vm.get_iter(&args.pos[0])?;
    while let Some(x) = vm.next(&it)? {
        acc = vm.binary_op(crate::compile::bytecode::BinaryOp::Mult, &acc, &x)?;
    }
    Ok(acc)
}

fn dist(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = exact_args(&args, "dist", "math.dist", 2)?;
    let p = vm.iterate(&a[0])?;
    let q = vm.iterate(&a[1])?;
    if p.len() != q.len() {
        return Err(PyErr::new(
            crate::object::typeobj::ExcType::ValueError,
            "both points must have the same number of dimensions",
        ));
    }
    let p: Vec<f64> = p
        .iter()
        .map(|x| float_arg(vm, x))
        .collect::<PyResult<_>>()?;
    let q: Vec<f64> = q
        .iter()
        .map(|x| float_arg(vm, x))
        .collect::<PyResult<_>>()?;
    float_result(m::dist(&p, &q))
}

fn hypot(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("math.hypot")?;
    let coords: Vec<f64> = args
        .pos
        .iter()
        .map(|x| float_arg(vm, x))
        .collect::<PyResult<_>>()?;
    Ok(Value::Float(m::hypot(&coords)))
}

fn int_args(vm: &mut Vm, args: &Args, fname: &str) -> PyResult<Vec<BigInt>> {
    args.no_kwargs(fname)?;
    args.pos.iter().map(|v| int_arg(vm, v)).collect()
}

fn gcd(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let ns = int_args(vm, &args, "math.gcd")?;
    Ok(Value::int(m::gcd(&ns)))
}

fn lcm(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let ns = int_args(vm, &args, "math.lcm")?;
    Ok(Value::int(m::lcm(&ns)))
}

fn int_result(r: Result<BigInt, MathError>) -> PyResult<Value> {
    r.map(Value::int).map_err(math_error)
}

fn factorial(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let n = int_arg(vm, args.one("math.factorial")?)?;
    int_result(m::factorial(&n))
}

fn isqrt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let n = int_arg(vm, args.one("math.isqrt")?)?;
    int_result(m::isqrt(&n))
}

fn comb(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = exact_args(&args, "comb", "math.comb", 2)?;
    let n = int_arg(vm, &a[0])?;
    let k = int_arg(vm, &a[1])?;
    int_result(m::comb(&n, &k))
}

fn perm(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.has_kwargs() {
        return Err(type_error("math.perm() takes no keyword arguments"));
    }
    let a = args.between("perm", 1, 2)?;
    let n = int_arg(vm, &a[0])?;
    let k = match a.get(1) {
        None | Some(Value::None) => None,
        Some(v) => Some(int_arg(vm, v)?),
    };
    int_result(m::perm(&n, k.as_ref()))
}

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("sqrt", sqrt),
    ("exp", exp),
    ("exp2", exp2),
    ("expm1", expm1),
    ("cbrt", cbrt),
    ("log1p", log1p),
    ("fabs", fabs),
    ("sin", sin),
    ("cos", cos),
    ("tan", tan),
    ("asin", asin),
    ("acos", acos),
    ("atan", atan),
    ("sinh", sinh),
    ("cosh", cosh),
    ("tanh", tanh),
    ("asinh", asinh),
    ("acosh", acosh),
    ("atanh", atanh),
    ("erf", erf),
    ("erfc", erfc),
    ("gamma", gamma),
    ("lgamma", lgamma),
    ("degrees", degrees),
    ("radians", radians),
    ("ulp", ulp),
    ("isfinite", isfinite),
    ("isinf", isinf),
    ("isnan", isnan),
    ("pow", pow),
    ("atan2", atan2),
    ("fmod", fmod),
    ("remainder", remainder),
    ("copysign", copysign),
    ("nextafter", nextafter),
    ("log", log),
    ("log2", log2),
    ("log10", log10),
    ("floor", floor),
    ("ceil", ceil),
    ("trunc", trunc),
    ("modf", modf),
    ("frexp", frexp),
    ("ldexp", ldexp),
    ("isclose", isclose),
    ("fsum", fsum),
    ("prod", prod),
    ("dist", dist),
    ("hypot", hypot),
    ("gcd", gcd),
    ("lcm", lcm),
    ("factorial", factorial),
    ("isqrt", isqrt),
    ("comb", comb),
    ("perm", perm),
];

pub fn init(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    for &(name, f) in FUNCTIONS {
        set_attr(vm, module, name, native_function(name, f));
    }
    for (name, x) in [
        ("pi", m::PI),
        ("e", m::E),
        ("tau", m::TAU),
        ("inf", m::INF),
        ("nan", m::NAN),
    ] {
        set_attr(vm, module, name, Value::Float(x));
    }
    Ok(())
}
