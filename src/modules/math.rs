//! The algorithms behind Python's `math` module, reproducing CPython 3.11's results.
//!
//! Every function here is pure Rust over `f64` and [`BigInt`] arguments; the interpreter converts
//! Python objects before calling (an `int` passed where a float is wanted goes through
//! [`int_to_f64`], which raises like `float(n)` does). Results agree bit for bit with CPython
//! wherever CPython's are exact or correctly rounded (`fsum`, `hypot`, `dist`, `isqrt`, `ldexp`,
//! `frexp`, `fmod`, `remainder`, the integer functions, ...). The transcendental functions call
//! the platform libm through Rust's `f64` methods, as CPython does, and then apply CPython's rules
//! for turning NaN and infinite results into exceptions:
//!
//! * a NaN from a non-NaN argument is `ValueError: math domain error`;
//! * an infinity from a finite argument is `OverflowError: math range error` for functions that
//!   can overflow (`exp`, `cosh`, ...), and `ValueError: math domain error` for singularities.
//!
//! Failures are [`MathError`]s carrying CPython's exception class name and exact message.

use std::cmp::Ordering;
use std::fmt;

use num_bigint::{BigInt, BigUint, Sign};
use num_traits::{One, Signed, ToPrimitive, Zero};

/// An exception raised by a `math` function.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MathError {
    /// The exception class: `ValueError`, `OverflowError`, `TypeError` or `ZeroDivisionError`.
    pub kind: &'static str,
    /// The message, as `str(exc)` shows it in CPython 3.11.
    pub msg: String,
}

impl MathError {
    fn new(kind: &'static str, msg: impl Into<String>) -> Self {
        MathError {
            kind,
            msg: msg.into(),
        }
    }

    fn domain() -> Self {
        Self::new("ValueError", "math domain error")
    }

    fn range() -> Self {
        Self::new("OverflowError", "math range error")
    }
}

impl fmt::Display for MathError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind, self.msg)
    }
}

impl std::error::Error for MathError {}

/// The result of a `math` function.
pub type MathResult<T> = Result<T, MathError>;

/// `math.pi`.
pub const PI: f64 = std::f64::consts::PI;
/// `math.e`.
pub const E: f64 = std::f64::consts::E;
/// `math.tau`.
pub const TAU: f64 = std::f64::consts::TAU;
/// `math.inf`.
pub const INF: f64 = f64::INFINITY;
/// `math.nan`.
pub const NAN: f64 = f64::NAN;

/// The largest C `long` on the platforms CPython's limits are quoted for.
const LONG_MAX: i64 = i64::MAX;

// ---------------------------------------------------------------------------------------------
// Exact float <-> integer machinery
// ---------------------------------------------------------------------------------------------

/// Splits a finite `x` into `(negative, m, e)` with `|x| == m * 2**e` exactly.
fn decompose(x: f64) -> (bool, u64, i64) {
    let bits = x.to_bits();
    let negative = bits >> 63 == 1;
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let fraction = bits & ((1u64 << 52) - 1);
    if biased == 0 {
        (negative, fraction, -1074)
    } else {
        (negative, fraction | (1u64 << 52), biased - 1075)
    }
}

/// Rounds `mant * 2**exp` (plus, if `sticky`, some positive amount below its last bit) to the
/// nearest double, ties to even, with gradual underflow; too large a value gives infinity.
fn round_to_f64(negative: bool, mant: &BigUint, exp: i64, sticky: bool) -> f64 {
    let sign = if negative { -1.0 } else { 1.0 };
    let nb = mant.bits() as i64;
    if nb == 0 {
        return sign * 0.0;
    }
    let top = nb - 1 + exp;
    if top > 1023 {
        return sign * f64::INFINITY;
    }
    let mut lsb = (top - 52).max(-1074);
    let shift = lsb - exp;
    let mut q: u64 = if shift <= 0 {
        // Exact: the value has at most 53 significant bits at this position.
        (mant << ((-shift) as u64)).to_u64().unwrap_or(0)
    } else if shift > nb {
        0
    } else {
        let shift_u = shift as u64;
        let q = (mant >> shift_u).to_u64().unwrap_or(0);
        let half = mant.bit(shift_u - 1);
        let lower = sticky || mant.trailing_zeros().is_some_and(|tz| tz < shift_u - 1);
        if half && (lower || q & 1 == 1) {
            q + 1
        } else {
            q
        }
    };
    if q == 0 {
        return sign * 0.0;
    }
    if q == 1u64 << 53 {
        q >>= 1;
        lsb += 1;
    }
    let bits = if q < 1u64 << 52 {
        // Subnormal: lsb is -1074.
        q
    } else {
        let biased = lsb + 52 + 1023;
        if biased >= 2047 {
            return sign * f64::INFINITY;
        }
        ((biased as u64) << 52) | (q - (1u64 << 52))
    };
    sign * f64::from_bits(bits)
}

/// `float(n)`: the nearest double to `n`, or `OverflowError` if that is out of range.
pub fn int_to_f64(n: &BigInt) -> MathResult<f64> {
    let x = round_to_f64(n.sign() == Sign::Minus, n.magnitude(), 0, false);
    if x.is_infinite() {
        Err(MathError::new(
            "OverflowError",
            "int too large to convert to float",
        ))
    } else {
        Ok(x)
    }
}

/// The exact integer value of an integral finite double.
fn integral_to_bigint(x: f64) -> BigInt {
    let (negative, m, e) = decompose(x);
    let mag = if e >= 0 {
        BigUint::from(m) << (e as u64)
    } else {
        BigUint::from(m >> ((-e) as u64).min(63))
    };
    let sign = if negative { Sign::Minus } else { Sign::Plus };
    BigInt::from_biguint(sign, mag)
}

/// Converts an integral float to `int`, raising as CPython does for infinities and NaN.
fn float_to_int(x: f64) -> MathResult<BigInt> {
    if x.is_nan() {
        Err(MathError::new(
            "ValueError",
            "cannot convert float NaN to integer",
        ))
    } else if x.is_infinite() {
        Err(MathError::new(
            "OverflowError",
            "cannot convert float infinity to integer",
        ))
    } else {
        Ok(integral_to_bigint(x))
    }
}

// ---------------------------------------------------------------------------------------------
// Error conventions around libm calls
// ---------------------------------------------------------------------------------------------

/// Applies the one-argument conventions to `r = f(x)`.
fn check1(x: f64, r: f64, can_overflow: bool) -> MathResult<f64> {
    if r.is_nan() && !x.is_nan() {
        return Err(MathError::domain());
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow {
            MathError::range()
        } else {
            MathError::domain()
        });
    }
    Ok(r)
}

/// Applies the two-argument conventions to `r = f(x, y)`.
fn check2(x: f64, y: f64, r: f64) -> MathResult<f64> {
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(MathError::domain());
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(MathError::range());
    }
    Ok(r)
}

macro_rules! libm_1 {
    ($(#[$doc:meta] $name:ident => $method:ident, $overflow:expr;)*) => {
        $(
            #[$doc]
            pub fn $name(x: f64) -> MathResult<f64> {
                check1(x, x.$method(), $overflow)
            }
        )*
    };
}

libm_1! {
    /// `math.sqrt(x)`.
    sqrt => sqrt, false;
    /// `math.exp(x)`.
    exp => exp, true;
    /// `math.exp2(x)`.
    exp2 => exp2, true;
    /// `math.expm1(x)`.
    expm1 => exp_m1, true;
    /// `math.cbrt(x)`.
    cbrt => cbrt, false;
    /// `math.log1p(x)`.
    log1p => ln_1p, false;
    /// `math.fabs(x)`.
    fabs => abs, false;
    /// `math.sin(x)`.
    sin => sin, false;
    /// `math.cos(x)`.
    cos => cos, false;
    /// `math.tan(x)`.
    tan => tan, false;
    /// `math.asin(x)`.
    asin => asin, false;
    /// `math.acos(x)`.
    acos => acos, false;
    /// `math.atan(x)`.
    atan => atan, false;
    /// `math.sinh(x)`.
    sinh => sinh, true;
    /// `math.cosh(x)`.
    cosh => cosh, true;
    /// `math.tanh(x)`.
    tanh => tanh, false;
}

// Rust's `f64` has no stable error function, so `erf` and `erfc` come straight from the C
// library, as in CPython 3.11. Both are C99 functions of one double with no side effects beyond
// `errno`, which makes calling them safe.
unsafe extern "C" {
    #[link_name = "erf"]
    safe fn libm_erf(x: f64) -> f64;
    #[link_name = "erfc"]
    safe fn libm_erfc(x: f64) -> f64;
}

/// `math.erf(x)`.
pub fn erf(x: f64) -> MathResult<f64> {
    check1(x, libm_erf(x), false)
}

/// `math.erfc(x)`.
pub fn erfc(x: f64) -> MathResult<f64> {
    check1(x, libm_erfc(x), false)
}

// Rust's own `asinh`, `acosh` and `atanh` do not call libm, so these evaluate the classic
// argument-range formulas that the C library uses, on top of libm's `log` and `log1p`. Ranges are
// chosen, as there, by the high 32 bits of the argument.

/// The high 32 bits of `|x|`'s representation.
fn high_word(x: f64) -> u32 {
    ((x.to_bits() >> 32) as u32) & 0x7fff_ffff
}

/// `math.asinh(x)`.
pub fn asinh(x: f64) -> MathResult<f64> {
    let hi = high_word(x);
    let a = x.abs();
    let r = if hi < 0x3e30_0000 {
        // |x| < 2**-28: asinh(x) rounds to x.
        x
    } else if hi > 0x41b0_0000 {
        if !x.is_finite() {
            return Ok(x + x);
        }
        (a.ln() + std::f64::consts::LN_2).copysign(x)
    } else if hi > 0x4000_0000 {
        (2.0 * a + 1.0 / ((a * a + 1.0).sqrt() + a))
            .ln()
            .copysign(x)
    } else {
        let t = a * a;
        (a + t / (1.0 + (1.0 + t).sqrt())).ln_1p().copysign(x)
    };
    check1(x, r, false)
}

/// `math.acosh(x)`.
pub fn acosh(x: f64) -> MathResult<f64> {
    let bits = x.to_bits();
    let hi = (bits >> 32) as u32;
    let r = if x.is_nan() {
        x
    } else if x < 1.0 {
        f64::NAN
    } else if hi >= 0x41b0_0000 {
        if x.is_infinite() {
            x
        } else {
            x.ln() + std::f64::consts::LN_2
        }
    } else if x == 1.0 {
        0.0
    } else if hi > 0x4000_0000 {
        (2.0 * x - 1.0 / (x + (x * x - 1.0).sqrt())).ln()
    } else {
        let t = x - 1.0;
        (t + (2.0 * t + t * t).sqrt()).ln_1p()
    };
    check1(x, r, false)
}

/// `math.atanh(x)`.
pub fn atanh(x: f64) -> MathResult<f64> {
    let a = x.abs();
    let r = if x.is_nan() {
        x
    } else if a > 1.0 {
        f64::NAN
    } else if a == 1.0 {
        f64::INFINITY.copysign(x)
    } else if a < 0.5 {
        if a < 1.0 / 268_435_456.0 {
            x
        } else {
            let t = a + a;
            (0.5 * (t + t * a / (1.0 - a)).ln_1p()).copysign(x)
        }
    } else {
        (0.5 * ((a + a) / (1.0 - a)).ln_1p()).copysign(x)
    };
    check1(x, r, false)
}

/// `math.atan2(y, x)`, with C99's special values for infinities and zeros.
pub fn atan2(y: f64, x: f64) -> MathResult<f64> {
    let r = if x.is_nan() || y.is_nan() {
        f64::NAN
    } else if y.is_infinite() {
        let angle = if x.is_infinite() {
            if x.is_sign_positive() {
                PI / 4.0
            } else {
                0.75 * PI
            }
        } else {
            PI / 2.0
        };
        angle.copysign(y)
    } else if x.is_infinite() || y == 0.0 {
        if x.is_sign_positive() {
            0.0f64.copysign(y)
        } else {
            PI.copysign(y)
        }
    } else {
        y.atan2(x)
    };
    check2(y, x, r)
}

/// `math.degrees(x)`.
pub fn degrees(x: f64) -> f64 {
    x * (180.0 / PI)
}

/// `math.radians(x)`.
pub fn radians(x: f64) -> f64 {
    x * (PI / 180.0)
}

/// `math.isfinite(x)`.
pub fn isfinite(x: f64) -> bool {
    x.is_finite()
}

/// `math.isinf(x)`.
pub fn isinf(x: f64) -> bool {
    x.is_infinite()
}

/// `math.isnan(x)`.
pub fn isnan(x: f64) -> bool {
    x.is_nan()
}

// ---------------------------------------------------------------------------------------------
// Logarithms
// ---------------------------------------------------------------------------------------------

/// An argument of the logarithms, which treat ints beyond float range specially.
#[derive(Debug, Clone, Copy)]
pub enum LogArg<'a> {
    /// A Python float.
    Float(f64),
    /// A Python int (or bool).
    Int(&'a BigInt),
}

/// Which logarithm a helper computes.
#[derive(Clone, Copy)]
enum Base {
    Natural,
    Two,
    Ten,
}

impl Base {
    fn apply(self, x: f64) -> f64 {
        match self {
            Base::Natural => x.ln(),
            Base::Two => x.log2(),
            Base::Ten => x.log10(),
        }
    }

    /// The logarithm of a float, with domain errors for zero and negative arguments.
    fn of_float(self, x: f64) -> MathResult<f64> {
        if x.is_nan() {
            Ok(x)
        } else if x > 0.0 {
            Ok(self.apply(x))
        } else {
            Err(MathError::domain())
        }
    }

    /// The logarithm of a Python int or float.
    fn of(self, arg: LogArg<'_>) -> MathResult<f64> {
        match arg {
            LogArg::Float(x) => self.of_float(x),
            LogArg::Int(n) => {
                if n.sign() != Sign::Plus {
                    return Err(MathError::domain());
                }
                match int_to_f64(n) {
                    Ok(x) => Ok(self.apply(x)),
                    Err(_) => {
                        let (m, e) = frexp_int(n.magnitude());
                        Ok(self.apply(m) + self.apply(2.0) * e as f64)
                    }
                }
            }
        }
    }
}

/// Splits a positive integer as `m * 2**e` with `m` in `[0.5, 1)` rounded to 53 bits.
fn frexp_int(n: &BigUint) -> (f64, i64) {
    let nb = n.bits() as i64;
    let m = round_to_f64(false, n, -nb, false);
    if m >= 1.0 { (m / 2.0, nb + 1) } else { (m, nb) }
}

/// `math.log(x)` or `math.log(x, base)`.
pub fn log(x: LogArg<'_>, base: Option<LogArg<'_>>) -> MathResult<f64> {
    let num = Base::Natural.of(x)?;
    let Some(base) = base else {
        return Ok(num);
    };
    let den = Base::Natural.of(base)?;
    if den == 0.0 {
        return Err(MathError::new(
            "ZeroDivisionError",
            "float division by zero",
        ));
    }
    Ok(num / den)
}

/// `math.log2(x)`.
pub fn log2(x: LogArg<'_>) -> MathResult<f64> {
    Base::Two.of(x)
}

/// `math.log10(x)`.
pub fn log10(x: LogArg<'_>) -> MathResult<f64> {
    Base::Ten.of(x)
}

// ---------------------------------------------------------------------------------------------
// Powers, rounding and float surgery
// ---------------------------------------------------------------------------------------------

/// `math.pow(x, y)`, with IEEE special cases handled before libm sees them.
pub fn pow(x: f64, y: f64) -> MathResult<f64> {
    if x.is_finite() && y.is_finite() {
        let r = x.powf(y);
        if r.is_nan() || (r.is_infinite() && x == 0.0) {
            return Err(MathError::domain());
        }
        if r.is_infinite() {
            return Err(MathError::range());
        }
        return Ok(r);
    }
    let r = if x.is_nan() {
        if y == 0.0 { 1.0 } else { x }
    } else if y.is_nan() {
        if x == 1.0 { 1.0 } else { y }
    } else if x.is_infinite() {
        let odd_y = y.is_finite() && (y.abs() % 2.0) == 1.0;
        match y.partial_cmp(&0.0) {
            Some(Ordering::Greater) => {
                if odd_y {
                    x
                } else {
                    x.abs()
                }
            }
            Some(Ordering::Equal) => 1.0,
            _ => {
                if odd_y {
                    0.0f64.copysign(x)
                } else {
                    0.0
                }
            }
        }
    } else {
        // y is infinite, x finite.
        let ax = x.abs();
        if ax == 1.0 {
            1.0
        } else if (y > 0.0 && ax > 1.0) || (y < 0.0 && ax < 1.0) {
            f64::INFINITY
        } else {
            0.0
        }
    };
    Ok(r)
}

/// `math.floor(x)` for a float.
pub fn floor(x: f64) -> MathResult<BigInt> {
    float_to_int(x.floor())
}

/// `math.ceil(x)` for a float.
pub fn ceil(x: f64) -> MathResult<BigInt> {
    float_to_int(x.ceil())
}

/// `math.trunc(x)` for a float.
pub fn trunc(x: f64) -> MathResult<BigInt> {
    float_to_int(x.trunc())
}

/// `math.copysign(x, y)`.
pub fn copysign(x: f64, y: f64) -> f64 {
    x.copysign(y)
}

/// `math.fmod(x, y)`: the exact remainder with the sign of `x`.
pub fn fmod(x: f64, y: f64) -> MathResult<f64> {
    if y.is_infinite() && x.is_finite() {
        return Ok(x);
    }
    check2(x, y, x % y)
}

/// `math.remainder(x, y)`: the exact IEEE 754 remainder, `x - n*y` for the nearest `n`.
pub fn remainder(x: f64, y: f64) -> MathResult<f64> {
    let r = if x.is_nan() || y.is_nan() || x.is_infinite() || y == 0.0 {
        f64::NAN
    } else if y.is_infinite() {
        x
    } else {
        let (ax, ay) = (x.abs(), y.abs());
        let m = ax % ay;
        let rest = ay - m;
        let r = match m.partial_cmp(&rest) {
            Some(Ordering::Less) => m,
            Some(Ordering::Greater) => -rest,
            _ => {
                // A tie: round the quotient to even.
                let odd = if (2.0 * ay).is_finite() {
                    ax % (2.0 * ay) >= ay
                } else {
                    ax >= ay
                };
                if odd { -rest } else { m }
            }
        };
        if x.is_sign_negative() { -r } else { r }
    };
    check2(x, y, r)
}

/// `math.modf(x)`: `(fractional part, integer part)`, both with the sign of `x`.
pub fn modf(x: f64) -> (f64, f64) {
    if x.is_nan() {
        (x, x)
    } else if x.is_infinite() {
        (0.0f64.copysign(x), x)
    } else {
        let int = x.trunc();
        ((x - int).copysign(x), int)
    }
}

/// `math.frexp(x)`: `(m, e)` with `x == m * 2**e` and `0.5 <= |m| < 1`.
pub fn frexp(x: f64) -> (f64, i64) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let (negative, m, e) = decompose(x);
    let nb = 64 - i64::from(m.leading_zeros());
    (
        round_to_f64(negative, &BigUint::from(m), -nb, false),
        e + nb,
    )
}

/// `math.ldexp(x, i)`: `x * 2**i`, correctly rounded.
pub fn ldexp(x: f64, i: &BigInt) -> MathResult<f64> {
    if x == 0.0 || !x.is_finite() {
        return Ok(x);
    }
    let Some(i) = i
        .to_i64()
        .filter(|i| (i32::MIN as i64..=i32::MAX as i64).contains(i))
    else {
        if i.is_negative() {
            return Ok(0.0f64.copysign(x));
        }
        return Err(MathError::range());
    };
    let (negative, m, e) = decompose(x);
    let r = round_to_f64(negative, &BigUint::from(m), e + i, false);
    if r.is_infinite() {
        Err(MathError::range())
    } else {
        Ok(r)
    }
}

/// The float after `x` towards `y`.
pub fn nextafter(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return x + y;
    }
    if x == y {
        return y;
    }
    if x == 0.0 {
        return f64::from_bits(1).copysign(y);
    }
    let bits = x.to_bits();
    let away = (y > x) == (x > 0.0);
    f64::from_bits(if away { bits + 1 } else { bits - 1 })
}

/// `math.ulp(x)`: the value of the least significant bit of `x`.
pub fn ulp(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    let x = x.abs();
    if x.is_infinite() {
        return x;
    }
    let up = nextafter(x, f64::INFINITY);
    if up.is_infinite() {
        x - nextafter(x, 0.0)
    } else {
        up - x
    }
}

// ---------------------------------------------------------------------------------------------
// Comparisons
// ---------------------------------------------------------------------------------------------

/// `math.isclose(a, b, rel_tol=..., abs_tol=...)` (Python's defaults are `1e-09` and `0.0`).
pub fn isclose(a: f64, b: f64, rel_tol: f64, abs_tol: f64) -> MathResult<bool> {
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(MathError::new(
            "ValueError",
            "tolerances must be non-negative",
        ));
    }
    if a == b {
        return Ok(true);
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(false);
    }
    let diff = (b - a).abs();
    Ok(diff <= (rel_tol * b).abs() || diff <= (rel_tol * a).abs() || diff <= abs_tol)
}

// ---------------------------------------------------------------------------------------------
// Sums, products and norms
// ---------------------------------------------------------------------------------------------

/// `math.fsum(items)`: the correctly rounded sum, computed with exact non-overlapping partials.
pub fn fsum(items: &[f64]) -> MathResult<f64> {
    // `partials` holds finite doubles, increasing in magnitude, whose exact sum is the exact
    // running total.
    let mut partials: Vec<f64> = Vec::new();
    let mut special = 0.0f64;
    let mut infinities = 0.0f64;
    for &item in items {
        let mut x = item;
        let mut kept = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[kept] = lo;
                kept += 1;
            }
            x = hi;
        }
        partials.truncate(kept);
        if x != 0.0 {
            if !x.is_finite() {
                if item.is_finite() {
                    return Err(MathError::new(
                        "OverflowError",
                        "intermediate overflow in fsum",
                    ));
                }
                if item.is_infinite() {
                    infinities += item;
                }
                special += item;
                partials.clear();
            } else {
                partials.push(x);
            }
        }
    }
    if special != 0.0 {
        if infinities.is_nan() {
            return Err(MathError::new("ValueError", "-inf + inf in fsum"));
        }
        return Ok(special);
    }
    Ok(round_partials(&partials))
}

/// Sums non-overlapping partials (increasing magnitude) with a single correct rounding.
fn round_partials(partials: &[f64]) -> f64 {
    let mut n = partials.len();
    if n == 0 {
        return 0.0;
    }
    n -= 1;
    let mut hi = partials[n];
    let mut lo = 0.0;
    while n > 0 {
        n -= 1;
        let x = hi;
        let y = partials[n];
        hi = x + y;
        lo = y - (hi - x);
        if lo != 0.0 {
            break;
        }
    }
    // If the rounding error is exactly half an ulp and the partials below push the same way,
    // the tie was broken in the wrong direction: round away instead.
    if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
        let y = lo * 2.0;
        let x = hi + y;
        if x - hi == y {
            hi = x;
        }
    }
    hi
}

/// `math.prod` over floats: left-to-right products starting from `start`.
pub fn prod_float(start: f64, items: &[f64]) -> f64 {
    items.iter().fold(start, |acc, &x| acc * x)
}

/// `math.prod` over ints.
pub fn prod_int(start: &BigInt, items: &[BigInt]) -> BigInt {
    items.iter().fold(start.clone(), |acc, x| acc * x)
}

/// The Euclidean norm of `values`, correctly rounded; infinities win over NaNs.
fn norm(values: &[f64]) -> f64 {
    let mut max = 0.0f64;
    let mut found_nan = false;
    for &v in values {
        let a = v.abs();
        found_nan |= a.is_nan();
        if a > max {
            max = a;
        }
    }
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || values.len() <= 1 {
        return max;
    }
    let parts: Vec<(u64, i64)> = values
        .iter()
        .map(|&v| {
            let (_, m, e) = decompose(v);
            (m, e)
        })
        .filter(|&(m, _)| m != 0)
        .collect();
    let emin = parts.iter().map(|&(_, e)| e).min().unwrap_or(0);
    let mut sum = BigUint::zero();
    for &(m, e) in &parts {
        let m = BigUint::from(m);
        sum += (&m * &m) << (2 * (e - emin)) as u64;
    }
    let k = (120 - sum.bits() as i64).max(0) / 2 + 1;
    let scaled = sum << (2 * k) as u64;
    let root = scaled.sqrt();
    let sticky = &root * &root != scaled;
    round_to_f64(false, &root, emin - k, sticky)
}

/// `math.hypot(*coordinates)`.
pub fn hypot(coordinates: &[f64]) -> f64 {
    norm(coordinates)
}

/// `math.dist(p, q)`.
pub fn dist(p: &[f64], q: &[f64]) -> MathResult<f64> {
    if p.len() != q.len() {
        return Err(MathError::new(
            "ValueError",
            "both points must have the same number of dimensions",
        ));
    }
    let diffs: Vec<f64> = p.iter().zip(q).map(|(a, b)| (a - b).abs()).collect();
    Ok(norm(&diffs))
}

// ---------------------------------------------------------------------------------------------
// Integer functions
// ---------------------------------------------------------------------------------------------

fn gcd_mag(a: &BigUint, b: &BigUint) -> BigUint {
    let (mut a, mut b) = (a.clone(), b.clone());
    while !b.is_zero() {
        let r = &a % &b;
        a = b;
        b = r;
    }
    a
}

/// `math.gcd(*integers)`.
pub fn gcd(integers: &[BigInt]) -> BigInt {
    let mut acc = BigUint::zero();
    for n in integers {
        acc = gcd_mag(&acc, n.magnitude());
    }
    BigInt::from(acc)
}

/// `math.lcm(*integers)`.
pub fn lcm(integers: &[BigInt]) -> BigInt {
    let mut acc = BigUint::one();
    for n in integers {
        let m = n.magnitude();
        if acc.is_zero() || m.is_zero() {
            acc = BigUint::zero();
            continue;
        }
        let g = gcd_mag(&acc, m);
        acc = &acc / &g * m;
    }
    BigInt::from(acc)
}

/// `math.isqrt(n)`: the floor of the exact square root.
pub fn isqrt(n: &BigInt) -> MathResult<BigInt> {
    if n.is_negative() {
        return Err(MathError::new(
            "ValueError",
            "isqrt() argument must be nonnegative",
        ));
    }
    Ok(BigInt::from(n.magnitude().sqrt()))
}

/// The product `start * (start+1) * ... * (start+count-1)`, by balanced splitting.
fn range_product(start: &BigInt, count: u64) -> BigInt {
    match count {
        0 => BigInt::one(),
        1..=16 => {
            let mut acc = start.clone();
            for i in 1..count {
                acc *= start + i;
            }
            acc
        }
        _ => {
            let half = count / 2;
            range_product(start, half) * range_product(&(start + half), count - half)
        }
    }
}

/// `math.factorial(n)`.
pub fn factorial(n: &BigInt) -> MathResult<BigInt> {
    if n.is_negative() {
        return Err(MathError::new(
            "ValueError",
            "factorial() not defined for negative values",
        ));
    }
    let Some(n) = n.to_i64() else {
        return Err(MathError::new(
            "OverflowError",
            format!("factorial() argument should not exceed {LONG_MAX}"),
        ));
    };
    Ok(range_product(&BigInt::one(), n as u64))
}

fn check_nonnegative(n: &BigInt, k: &BigInt) -> MathResult<()> {
    if n.is_negative() {
        return Err(MathError::new(
            "ValueError",
            "n must be a non-negative integer",
        ));
    }
    if k.is_negative() {
        return Err(MathError::new(
            "ValueError",
            "k must be a non-negative integer",
        ));
    }
    Ok(())
}

/// `math.comb(n, k)`.
pub fn comb(n: &BigInt, k: &BigInt) -> MathResult<BigInt> {
    check_nonnegative(n, k)?;
    if k > n {
        return Ok(BigInt::zero());
    }
    let other = n - k;
    let k = if other < *k { other } else { k.clone() };
    let Some(k) = k.to_i64() else {
        return Err(MathError::new(
            "OverflowError",
            format!("min(n - k, k) must not exceed {LONG_MAX}"),
        ));
    };
    let k = k as u64;
    let top = range_product(&(n - k + 1u32), k);
    Ok(top / range_product(&BigInt::one(), k))
}

/// `math.perm(n, k)`; `k = None` is `factorial(n)`.
pub fn perm(n: &BigInt, k: Option<&BigInt>) -> MathResult<BigInt> {
    let Some(k) = k else {
        return factorial(n);
    };
    check_nonnegative(n, k)?;
    if k > n {
        return Ok(BigInt::zero());
    }
    let Some(k) = k.to_i64() else {
        return Err(MathError::new(
            "OverflowError",
            format!("k must not exceed {LONG_MAX}"),
        ));
    };
    let k = k as u64;
    Ok(range_product(&(n - k + 1u32), k))
}
