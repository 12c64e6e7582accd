//! The numeric semantics of Python's `int` and `float`: parsing, text, arithmetic, rounding,
//! exact int/float comparison and hashing, as pure functions over [`BigInt`] and `f64`.
//!
//! Every function reproduces CPython 3.11 exactly, results and error messages alike; a failure
//! is a [`NumError`] naming the exception class the caller should raise. The groups:
//!
//! * parsing: [`int_from_str`] (`int(s, base)`, with the 4300-digit limit) and
//!   [`float_from_str`] (`float(s)`);
//! * text: [`int_to_str_radix`] for `str`, `hex`, `oct` and `bin`;
//! * int arithmetic: [`int_floordiv`], [`int_mod`], [`int_divmod`], [`int_pow`],
//!   [`int_pow_mod`], [`int_true_div`], [`int_round`], the bit operations [`int_and`],
//!   [`int_or`], [`int_xor`], [`int_invert`], [`int_lshift`], [`int_rshift`] and
//!   [`int_bit_length`];
//! * float arithmetic: [`float_div`], [`float_floordiv`], [`float_mod`], [`float_divmod`],
//!   [`float_pow`], [`float_round`], [`float_round_to_int`];
//! * conversions: [`int_to_float`], [`float_to_int`] (`int(x)`, `math.trunc`), [`float_floor`],
//!   [`float_ceil`], and the exact comparison [`cmp_int_float`];
//! * hashes: [`hash_int`], [`hash_float`], [`hash_bool`], [`hash_tuple`].
//!
//! Known departures from CPython, all for inputs no real program uses:
//!
//! * an int result of `**` or `<<` longer than [`MAX_INT_BITS`] bits fails with `MemoryError`
//!   at once, where CPython tries to allocate it (and usually fails the same way);
//! * the 200-character cut of the text in `int()`'s error message, and which non-ASCII
//!   characters that text escapes, follow the project's `repr(str)`
//!   ([`crate::syntax::dump::str_repr`]).

use std::cmp::Ordering;
use std::fmt;

use num_bigint::{BigInt, BigUint, Sign};
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::object::text::repr_str as str_repr;

/// CPython 3.11's default `sys.get_int_max_str_digits()`: the most decimal digits (or digits of
/// any base that is not a power of two) that `int()` reads and `str()` writes.
pub const INT_MAX_STR_DIGITS: usize = 4300;

/// The longest int (in bits) that `**` and `<<` build; longer results are a `MemoryError`.
pub const MAX_INT_BITS: u64 = 1 << 31;

/// The modulus of numeric hashes on 64-bit builds: the Mersenne prime 2**61 - 1.
pub const HASH_MODULUS: u64 = (1 << 61) - 1;

/// `hash(float('inf'))`; `-inf` hashes to its negation.
pub const HASH_INF: i64 = 314_159;

/// A Python exception raised by a numeric operation: its class name and its message.
///
/// `kind` is one of `"ValueError"`, `"ZeroDivisionError"`, `"OverflowError"`, `"TypeError"`,
/// `"MemoryError"`, or `"Complex"`: the last is no exception but tells the caller of
/// [`float_pow`] or [`int_pow`] that Python's answer is a complex number, which it should
/// compute itself (a negative base raised to a fractional power).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumError {
    /// The exception class, e.g. `"ValueError"`.
    pub kind: &'static str,
    /// The message, exactly as CPython words it.
    pub msg: String,
}

impl NumError {
    fn new(kind: &'static str, msg: impl Into<String>) -> Self {
        NumError {
            kind,
            msg: msg.into(),
        }
    }

    fn value(msg: impl Into<String>) -> Self {
        Self::new("ValueError", msg)
    }

    fn zero_div(msg: impl Into<String>) -> Self {
        Self::new("ZeroDivisionError", msg)
    }

    fn overflow(msg: impl Into<String>) -> Self {
        Self::new("OverflowError", msg)
    }

    fn memory() -> Self {
        Self::new("MemoryError", "")
    }
}

impl fmt::Display for NumError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.msg.is_empty() {
            f.write_str(self.kind)
        } else {
            write!(f, "{}: {}", self.kind, self.msg)
        }
    }
}

impl std::error::Error for NumError {}

/// The result of `int ** int`: an int, or a float when the exponent is negative.
#[derive(Debug, Clone, PartialEq)]
pub enum IntOrFloat {
    /// An exact integer power.
    Int(BigInt),
    /// `float(a) ** float(b)`, for a negative exponent.
    Float(f64),
}

// ---------------------------------------------------------------------------------------------
// Parsing.

/// The code points of the digit zero of every run of ten Unicode decimal digits (category Nd,
/// Unicode 14.0 as in CPython 3.11) outside ASCII. Each run holds the digits 0 to 9 in order.
const DECIMAL_ZEROS: [u32; 65] = [
    0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66, 0xDE6,
    0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50,
    0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
    0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650,
    0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0, 0x16B50,
    0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
];

/// Whether a non-ASCII character is whitespace for `str.isspace` (Unicode 14.0).
fn is_unicode_space(c: char) -> bool {
    matches!(
        c as u32,
        0x85 | 0xA0 | 0x1680 | 0x2000..=0x200A | 0x2028 | 0x2029 | 0x202F | 0x205F | 0x3000
    )
}

/// The value of a non-ASCII Unicode decimal digit.
fn unicode_decimal(c: char) -> Option<u8> {
    let cp = c as u32;
    let i = DECIMAL_ZEROS.partition_point(|&z| z <= cp);
    let zero = *DECIMAL_ZEROS.get(i.checked_sub(1)?)?;
    let v = cp - zero;
    (v < 10).then_some(v as u8)
}

/// The text `int()` and `float()` actually read: ASCII stays, other whitespace becomes a space,
/// other decimal digits become ASCII digits, and anything else becomes `?` (never valid).
fn to_ascii_number_text(s: &str) -> Vec<u8> {
    s.chars()
        .map(|c| {
            if c.is_ascii() {
                c as u8
            } else if is_unicode_space(c) {
                b' '
            } else if let Some(d) = unicode_decimal(c) {
                b'0' + d
            } else {
                b'?'
            }
        })
        .collect()
}

/// ASCII whitespace as C's `isspace` sees it (what CPython strips around numbers).
fn is_c_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// The value of an ASCII digit or letter as a digit (36 for anything else).
fn digit_value(b: u8) -> u32 {
    match b {
        b'0'..=b'9' => u32::from(b - b'0'),
        b'a'..=b'z' => u32::from(b - b'a') + 10,
        b'A'..=b'Z' => u32::from(b - b'A') + 10,
        _ => 36,
    }
}

fn limit_error_from_str(digits: usize) -> NumError {
    NumError::value(format!(
        "Exceeds the limit ({INT_MAX_STR_DIGITS} digits) for integer string conversion: \
         value has {digits} digits; use sys.set_int_max_str_digits() to increase the limit"
    ))
}

/// `int(s, base)` for a str `s`: `base` is 0 (take it from the prefix, as a literal) or 2 to 36.
///
/// Surrounding whitespace is ignored, a sign is allowed, single underscores may separate
/// digits (and follow a `0x`/`0o`/`0b` prefix), and non-ASCII decimal digits count as digits.
/// Bases that are not powers of two read at most [`INT_MAX_STR_DIGITS`] digits.
pub fn int_from_str(s: &str, base: u32) -> Result<BigInt, NumError> {
    if base == 1 || base > 36 {
        return Err(NumError::value("int() base must be >= 2 and <= 36, or 0"));
    }
    let invalid = || {
        let repr: String = str_repr(s).chars().take(200).collect();
        NumError::value(format!(
            "invalid literal for int() with base {base}: {repr}"
        ))
    };
    let text = to_ascii_number_text(s);
    let at = |i: usize| text.get(i).copied().unwrap_or(0);
    let mut i = 0;
    while i < text.len() && is_c_space(text[i]) {
        i += 1;
    }
    let negative = match at(i) {
        b'-' => {
            i += 1;
            true
        }
        b'+' => {
            i += 1;
            false
        }
        _ => false,
    };
    let mut radix = base;
    // Base 0 without a prefix reads decimal, but a leading zero then allows only zeros.
    let mut zeros_only = false;
    if radix == 0 {
        radix = match (at(i), at(i + 1).to_ascii_lowercase()) {
            (b'0', b'x') => 16,
            (b'0', b'o') => 8,
            (b'0', b'b') => 2,
            (b'0', _) => {
                zeros_only = true;
                10
            }
            _ => 10,
        };
    }
    let prefix = match radix {
        16 => b'x',
        8 => b'o',
        2 => b'b',
        _ => 0,
    };
    if prefix != 0 && at(i) == b'0' && at(i + 1).to_ascii_lowercase() == prefix {
        i += 2;
        if at(i) == b'_' {
            i += 1;
        }
    }
    if at(i) == b'_' {
        return Err(invalid());
    }
    let mut digits: Vec<u8> = Vec::new();
    let mut prev_underscore = false;
    while i < text.len() {
        let b = text[i];
        if b == b'_' {
            if prev_underscore {
                return Err(invalid());
            }
            prev_underscore = true;
        } else if digit_value(b) < radix {
            digits.push(digit_value(b) as u8);
            prev_underscore = false;
        } else {
            break;
        }
        i += 1;
    }
    if prev_underscore {
        return Err(invalid());
    }
    if !radix.is_power_of_two() && digits.len() > INT_MAX_STR_DIGITS {
        return Err(limit_error_from_str(digits.len()));
    }
    if digits.is_empty() || (zeros_only && digits.iter().any(|&d| d != 0)) {
        return Err(invalid());
    }
    while i < text.len() && is_c_space(text[i]) {
        i += 1;
    }
    if i != text.len() {
        return Err(invalid());
    }
    let sign = if negative { Sign::Minus } else { Sign::Plus };
    BigInt::from_radix_be(sign, &digits, radix).ok_or_else(invalid)
}

/// Whether the underscores of `text` each sit between two digits, as `float()` requires.
fn underscores_between_digits(text: &[u8]) -> bool {
    text.iter().enumerate().all(|(i, &b)| {
        b != b'_'
            || (i > 0
                && text[i - 1].is_ascii_digit()
                && text.get(i + 1).is_some_and(u8::is_ascii_digit))
    })
}

/// Whether `text` is a decimal float literal: digits with an optional point (at least one
/// digit in all), then an optional exponent `e`/`E`, optional sign and digits.
fn is_decimal_literal(text: &[u8]) -> bool {
    let mut i = 0;
    let mut mantissa_digits = 0;
    while text.get(i).is_some_and(u8::is_ascii_digit) {
        i += 1;
        mantissa_digits += 1;
    }
    if text.get(i) == Some(&b'.') {
        i += 1;
        while text.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
            mantissa_digits += 1;
        }
    }
    if mantissa_digits == 0 {
        return false;
    }
    if matches!(text.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(text.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let start = i;
        while text.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == start {
            return false;
        }
    }
    i == text.len()
}

/// `float(s)` for a str `s`: a decimal literal (correctly rounded), `inf`, `infinity` or `nan`
/// in any case, with an optional sign, surrounding whitespace and underscores between digits.
pub fn float_from_str(s: &str) -> Result<f64, NumError> {
    let invalid = || {
        NumError::value(format!(
            "could not convert string to float: {}",
            str_repr(s)
        ))
    };
    let mut text = to_ascii_number_text(s);
    if text.contains(&b'_') {
        if !underscores_between_digits(&text) {
            return Err(invalid());
        }
        text.retain(|&b| b != b'_');
    }
    let start = text
        .iter()
        .position(|&b| !is_c_space(b))
        .unwrap_or(text.len());
    let end = text
        .iter()
        .rposition(|&b| !is_c_space(b))
        .map_or(start, |p| p + 1);
    let body = &text[start..end];
    let (negative, unsigned) = match body.first() {
        Some(b'-') => (true, &body[1..]),
        Some(b'+') => (false, &body[1..]),
        _ => (false, body),
    };
    let magnitude =
        if unsigned.eq_ignore_ascii_case(b"inf") || unsigned.eq_ignore_ascii_case(b"infinity") {
            f64::INFINITY
        } else if unsigned.eq_ignore_ascii_case(b"nan") {
            f64::NAN
        } else if is_decimal_literal(unsigned) {
            let literal = std::str::from_utf8(unsigned).map_err(|_| invalid())?;
            literal.parse::<f64>().map_err(|_| invalid())?
        } else {
            return Err(invalid());
        };
    Ok(if negative { -magnitude } else { magnitude })
}

// ---------------------------------------------------------------------------------------------
// Text.

/// An upper bound that is certain: whether `|value|` has more than `limit` decimal digits,
/// decided from its bit length when that suffices.
fn more_decimal_digits_than(value: &BigInt, limit: usize) -> Option<bool> {
    let bits = value.bits();
    // |value| >= 2**(bits-1), which has more than (bits-1)*log10(2) digits.
    if bits > 0 && (bits - 1) as f64 * std::f64::consts::LOG10_2 >= limit as f64 + 1.0 {
        return Some(true);
    }
    // |value| < 2**bits, which has at most bits*log10(2) + 1 digits.
    if (bits as f64 * std::f64::consts::LOG10_2) + 1.0 < limit as f64 {
        return Some(false);
    }
    None
}

/// The text of an int in a radix: `str(v)` for 10 (limited to [`INT_MAX_STR_DIGITS`] digits),
/// `hex(v)` for 16 (`-0x1f`), `oct(v)` for 8 (`0o17`), `bin(v)` for 2 (`0b0`); any other radix
/// from 3 to 36 gives the bare lowercase digits with a `-` sign and no limit.
pub fn int_to_str_radix(value: &BigInt, radix: u32) -> Result<String, NumError> {
    if !(2..=36).contains(&radix) {
        return Err(NumError::value(format!(
            "radix {radix} is not between 2 and 36"
        )));
    }
    if radix == 10 {
        let limit_error = || {
            NumError::value(format!(
                "Exceeds the limit ({INT_MAX_STR_DIGITS} digits) for integer string \
                 conversion; use sys.set_int_max_str_digits() to increase the limit"
            ))
        };
        if more_decimal_digits_than(value, INT_MAX_STR_DIGITS) == Some(true) {
            return Err(limit_error());
        }
        let text = value.to_str_radix(10);
        let digits = text.len() - usize::from(text.starts_with('-'));
        if digits > INT_MAX_STR_DIGITS {
            return Err(limit_error());
        }
        return Ok(text);
    }
    let prefix = match radix {
        16 => "0x",
        8 => "0o",
        2 => "0b",
        _ => "",
    };
    let sign = if value.is_negative() { "-" } else { "" };
    Ok(format!(
        "{sign}{prefix}{}",
        value.magnitude().to_str_radix(radix)
    ))
}

// ---------------------------------------------------------------------------------------------
// Exact conversions between f64 and integers.

/// A finite `x` as `m * 2**e` with `m < 2**53`, sign dropped.
fn decompose(x: f64) -> (u64, i64) {
    let bits = x.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i64;
    let fraction = bits & ((1 << 52) - 1);
    if exponent == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1 << 52), exponent - 1075)
    }
}

/// `2.0**e` for `e` in -1022..=1023.
fn pow2(e: i64) -> f64 {
    f64::from_bits(((e + 1023) as u64) << 52)
}

/// `m * 2**e` for an integer `0 <= m <= 2**53` when the product is representable (or is 0, or
/// overflows: then `None`).
fn scale_by_pow2(m: f64, e: i64) -> Option<f64> {
    if m == 0.0 {
        return Some(0.0);
    }
    if e > 1100 {
        return None;
    }
    if e < -1200 {
        return Some(0.0);
    }
    let mut x = m;
    let mut e = e;
    while e > 1000 {
        x *= pow2(1000);
        e -= 1000;
    }
    while e < -1000 {
        x *= pow2(-1000);
        e += 1000;
    }
    x *= pow2(e);
    x.is_finite().then_some(x)
}

/// The float nearest (ties to even) to `(q + t) * 2**exp` where `t` is 0 when `!sticky` and
/// strictly between 0 and 1 otherwise; `None` when it overflows. With `sticky`, `q` must carry
/// at least two bits below the result's last one (callers ensure it).
fn round_scaled(q: &BigUint, exp: i64, sticky: bool) -> Option<f64> {
    let k = q.bits() as i64;
    if k == 0 {
        return Some(0.0);
    }
    // Bits to drop: keep at most 53, and none below 2**-1074.
    let drop = (k - 53).max(-1074 - exp);
    if drop <= 0 {
        return scale_by_pow2(q.to_u64()? as f64, exp);
    }
    let shift = drop as u64;
    let mut m = (q >> shift).to_u64().unwrap_or(0);
    let half = q.bit(shift - 1);
    let below_half = q.trailing_zeros().is_some_and(|tz| tz < shift - 1);
    if half && (below_half || sticky || m & 1 == 1) {
        m += 1;
    }
    scale_by_pow2(m as f64, exp + drop)
}

/// `float(value)`: correctly rounded (ties to even), or `OverflowError`.
pub fn int_to_float(value: &BigInt) -> Result<f64, NumError> {
    let magnitude = round_scaled(value.magnitude(), 0, false)
        .ok_or_else(|| NumError::overflow("int too large to convert to float"))?;
    Ok(if value.is_negative() {
        -magnitude
    } else {
        magnitude
    })
}

/// The exact int value of an integral finite float.
fn integral_to_int(x: f64) -> BigInt {
    let (m, e) = decompose(x);
    let magnitude = if e >= 0 {
        BigUint::from(m) << e as u64
    } else {
        BigUint::from(m >> e.unsigned_abs().min(63))
    };
    let sign = if x < 0.0 { Sign::Minus } else { Sign::Plus };
    BigInt::from_biguint(sign, magnitude)
}

fn check_convertible(x: f64) -> Result<(), NumError> {
    if x.is_nan() {
        return Err(NumError::value("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(NumError::overflow(
            "cannot convert float infinity to integer",
        ));
    }
    Ok(())
}

/// `int(x)` and `math.trunc(x)`: rounding toward zero.
pub fn float_to_int(x: f64) -> Result<BigInt, NumError> {
    check_convertible(x)?;
    Ok(integral_to_int(x.trunc()))
}

/// `math.floor(x)` for a float.
pub fn float_floor(x: f64) -> Result<BigInt, NumError> {
    check_convertible(x)?;
    Ok(integral_to_int(x.floor()))
}

/// `math.ceil(x)` for a float.
pub fn float_ceil(x: f64) -> Result<BigInt, NumError> {
    check_convertible(x)?;
    Ok(integral_to_int(x.ceil()))
}

/// How `a` compares with `x`, exactly (no rounding of either side); `None` when `x` is NaN.
/// This is `a < x`, `a == x`, `a > x` for an int and a float in Python.
pub fn cmp_int_float(a: &BigInt, x: f64) -> Option<Ordering> {
    if x.is_nan() {
        return None;
    }
    if x.is_infinite() {
        return Some(if x > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    let floor = x.floor();
    Some(match a.cmp(&integral_to_int(floor)) {
        Ordering::Equal if floor != x => Ordering::Less,
        other => other,
    })
}

// ---------------------------------------------------------------------------------------------
// Int arithmetic.

/// `(a // b, a % b)` with the remainder taking the divisor's sign; `b` must not be zero.
fn floor_divmod(a: &BigInt, b: &BigInt) -> (BigInt, BigInt) {
    let mut q = a / b;
    let mut r = a % b;
    if !r.is_zero() && (r.is_negative() != b.is_negative()) {
        q -= 1;
        r += b;
    }
    (q, r)
}

/// `a // b` for ints (rounding toward negative infinity).
pub fn int_floordiv(a: &BigInt, b: &BigInt) -> Result<BigInt, NumError> {
    if b.is_zero() {
        return Err(NumError::zero_div("integer division or modulo by zero"));
    }
    Ok(floor_divmod(a, b).0)
}

/// `a % b` for ints (the result has the divisor's sign).
pub fn int_mod(a: &BigInt, b: &BigInt) -> Result<BigInt, NumError> {
    if b.is_zero() {
        return Err(NumError::zero_div("integer modulo by zero"));
    }
    Ok(floor_divmod(a, b).1)
}

/// `divmod(a, b)` for ints.
pub fn int_divmod(a: &BigInt, b: &BigInt) -> Result<(BigInt, BigInt), NumError> {
    if b.is_zero() {
        return Err(NumError::zero_div("integer division or modulo by zero"));
    }
    Ok(floor_divmod(a, b))
}

/// `a ** b` for ints: an int for `b >= 0`, else `float(a) ** float(b)` (see [`float_pow`]).
pub fn int_pow(a: &BigInt, b: &BigInt) -> Result<IntOrFloat, NumError> {
    if b.is_negative() {
        return float_pow(int_to_float(a)?, int_to_float(b)?).map(IntOrFloat::Float);
    }
    let magnitude = a.magnitude();
    if magnitude.is_zero() || magnitude.is_one() {
        let value = if b.is_zero() {
            BigInt::one()
        } else if b.bit(0) {
            a.clone()
        } else {
            a.abs()
        };
        return Ok(IntOrFloat::Int(value));
    }
    let exponent = b
        .to_u32()
        .filter(|&e| magnitude.bits().saturating_mul(u64::from(e)) < MAX_INT_BITS)
        .ok_or_else(NumError::memory)?;
    Ok(IntOrFloat::Int(a.pow(exponent)))
}

/// `pow(a, b, m)` for ints: the result has the sign of `m`; a negative `b` uses the inverse of
/// `a` modulo `m`.
pub fn int_pow_mod(a: &BigInt, b: &BigInt, m: &BigInt) -> Result<BigInt, NumError> {
    if m.is_zero() {
        return Err(NumError::value("pow() 3rd argument cannot be 0"));
    }
    let modulus = m.magnitude();
    if modulus.is_one() {
        return Ok(BigInt::zero());
    }
    let mut base = floor_divmod(a, &BigInt::from(modulus.clone()))
        .1
        .into_parts()
        .1;
    if b.is_negative() {
        base = base
            .modinv(modulus)
            .ok_or_else(|| NumError::value("base is not invertible for the given modulus"))?;
    }
    let r = BigInt::from(base.modpow(b.magnitude(), modulus));
    Ok(if m.is_negative() && !r.is_zero() {
        r + m
    } else {
        r
    })
}

/// `a / b` for ints: the float nearest to the exact quotient, even for huge operands.
pub fn int_true_div(a: &BigInt, b: &BigInt) -> Result<f64, NumError> {
    if b.is_zero() {
        return Err(NumError::zero_div("division by zero"));
    }
    let too_large = || NumError::overflow("integer division result too large for a float");
    let negative = a.is_negative() != b.is_negative();
    let (na, nb) = (a.magnitude(), b.magnitude());
    let with_sign = |x: f64| if negative { -x } else { x };
    if na.bits() <= 53 && nb.bits() <= 53 {
        // Both are exact floats, and IEEE division rounds correctly.
        let (fa, fb) = (
            na.to_u64().unwrap_or(0) as f64,
            nb.to_u64().unwrap_or(1) as f64,
        );
        return Ok(with_sign(fa / fb));
    }
    if na.is_zero() {
        return Ok(with_sign(0.0));
    }
    // The quotient lies in [2**(diff-1), 2**(diff+1)).
    let diff = na.bits() as i64 - nb.bits() as i64;
    if diff > 1025 {
        return Err(too_large());
    }
    if diff < -1080 {
        return Ok(with_sign(0.0));
    }
    // Scale so that the integer quotient keeps at least two bits below the result's last.
    let scale = (diff - 55).max(-1076);
    let (q, r) = if scale >= 0 {
        let d = nb << scale as u64;
        (na / &d, na % &d)
    } else {
        let n = na << scale.unsigned_abs();
        (&n / nb, &n % nb)
    };
    let x = round_scaled(&q, scale, !r.is_zero()).ok_or_else(too_large)?;
    Ok(with_sign(x))
}

/// `round(a, ndigits)` for an int: unchanged for `ndigits >= 0`, else rounded to a multiple of
/// `10**-ndigits`, ties to even.
pub fn int_round(a: &BigInt, ndigits: i64) -> BigInt {
    if ndigits >= 0 || a.is_zero() {
        return a.clone();
    }
    let places = ndigits.unsigned_abs();
    // 10**places > 2*|a| rounds everything to zero.
    if places as f64 > a.bits() as f64 * std::f64::consts::LOG10_2 + 2.0 {
        return BigInt::zero();
    }
    let Ok(places) = u32::try_from(places) else {
        return BigInt::zero();
    };
    let unit = BigInt::from(10u32).pow(places);
    let (mut q, r) = floor_divmod(a, &unit);
    let twice = &r * 2u32;
    if twice > unit || (twice == unit && q.bit(0)) {
        q += 1;
    }
    q * unit
}

/// `a & b` for ints (two's complement on negative values).
pub fn int_and(a: &BigInt, b: &BigInt) -> BigInt {
    a & b
}

/// `a | b` for ints.
pub fn int_or(a: &BigInt, b: &BigInt) -> BigInt {
    a | b
}

/// `a ^ b` for ints.
pub fn int_xor(a: &BigInt, b: &BigInt) -> BigInt {
    a ^ b
}

/// `~a`, which is `-a - 1`.
pub fn int_invert(a: &BigInt) -> BigInt {
    -a - 1
}

/// `a << n`.
pub fn int_lshift(a: &BigInt, n: &BigInt) -> Result<BigInt, NumError> {
    if n.is_negative() {
        return Err(NumError::value("negative shift count"));
    }
    if a.is_zero() {
        return Ok(BigInt::zero());
    }
    let count = n
        .to_u64()
        .filter(|&c| c.saturating_add(a.bits()) <= MAX_INT_BITS)
        .ok_or_else(NumError::memory)?;
    Ok(a << count)
}

/// `a >> n`, rounding toward negative infinity.
pub fn int_rshift(a: &BigInt, n: &BigInt) -> Result<BigInt, NumError> {
    if n.is_negative() {
        return Err(NumError::value("negative shift count"));
    }
    match n.to_u64() {
        Some(count) if count < a.bits() => Ok(a >> count),
        _ => Ok(if a.is_negative() {
            -BigInt::one()
        } else {
            BigInt::zero()
        }),
    }
}

/// `a.bit_length()`: the bits of `|a|`, 0 for 0.
pub fn int_bit_length(a: &BigInt) -> u64 {
    a.bits()
}

// ---------------------------------------------------------------------------------------------
// Float arithmetic.

/// `a / b` for floats.
pub fn float_div(a: f64, b: f64) -> Result<f64, NumError> {
    if b == 0.0 {
        return Err(NumError::zero_div("float division by zero"));
    }
    Ok(a / b)
}

/// The remainder of `a / b` with the sign of `b` (a zero remainder takes `b`'s sign too).
fn python_fmod(a: f64, b: f64) -> f64 {
    let r = a % b;
    if r == 0.0 {
        0.0f64.copysign(b)
    } else if (r < 0.0) != (b < 0.0) {
        r + b
    } else {
        r
    }
}

/// `divmod(a, b)` for floats with a nonzero `b`, as CPython computes it: the quotient is
/// `(a - a % b) / b` snapped to the nearest integer.
fn float_divmod_unchecked(a: f64, b: f64) -> (f64, f64) {
    let truncated_rem = a % b;
    let mut quotient = (a - truncated_rem) / b;
    let rem = if truncated_rem == 0.0 {
        0.0f64.copysign(b)
    } else if (truncated_rem < 0.0) != (b < 0.0) {
        quotient -= 1.0;
        truncated_rem + b
    } else {
        truncated_rem
    };
    let floor_quotient = if quotient == 0.0 {
        0.0f64.copysign(a / b)
    } else {
        let f = quotient.floor();
        if quotient - f > 0.5 { f + 1.0 } else { f }
    };
    (floor_quotient, rem)
}

/// `a // b` for floats.
pub fn float_floordiv(a: f64, b: f64) -> Result<f64, NumError> {
    if b == 0.0 {
        return Err(NumError::zero_div("float floor division by zero"));
    }
    Ok(float_divmod_unchecked(a, b).0)
}

/// `a % b` for floats (the result has the divisor's sign).
pub fn float_mod(a: f64, b: f64) -> Result<f64, NumError> {
    if b == 0.0 {
        return Err(NumError::zero_div("float modulo"));
    }
    Ok(python_fmod(a, b))
}

/// `divmod(a, b)` for floats.
pub fn float_divmod(a: f64, b: f64) -> Result<(f64, f64), NumError> {
    if b == 0.0 {
        return Err(NumError::zero_div("float divmod()"));
    }
    Ok(float_divmod_unchecked(a, b))
}

/// Whether `x` is an odd integer.
fn is_odd_integer(x: f64) -> bool {
    x.is_finite() && x.floor() == x && (x % 2.0).abs() == 1.0
}

/// `a ** b` for floats, with C99's special values and CPython's errors. A negative `a` with a
/// non-integral `b` gives `Err` of kind `"Complex"`: Python's answer is then the complex power.
pub fn float_pow(a: f64, b: f64) -> Result<f64, NumError> {
    if b == 0.0 {
        return Ok(1.0);
    }
    if a.is_nan() {
        return Ok(a);
    }
    if b.is_nan() {
        return Ok(if a == 1.0 { 1.0 } else { b });
    }
    if b.is_infinite() {
        let magnitude = a.abs();
        return Ok(if magnitude == 1.0 {
            1.0
        } else if (b > 0.0) == (magnitude > 1.0) {
            f64::INFINITY
        } else {
            0.0
        });
    }
    if a.is_infinite() {
        let odd = is_odd_integer(b);
        return Ok(match (a > 0.0, b > 0.0) {
            (true, true) => a,
            (true, false) => 0.0,
            (false, true) if odd => a,
            (false, true) => -a,
            (false, false) if odd => -0.0,
            (false, false) => 0.0,
        });
    }
    if a == 0.0 {
        if b < 0.0 {
            return Err(NumError::zero_div(
                "0.0 cannot be raised to a negative power",
            ));
        }
        return Ok(if is_odd_integer(b) { a } else { 0.0 });
    }
    let mut negate = false;
    let mut base = a;
    if a < 0.0 {
        if b.floor() != b {
            return Err(NumError::new(
                "Complex",
                "negative number cannot be raised to a fractional power",
            ));
        }
        negate = is_odd_integer(b);
        base = -a;
    }
    let magnitude = if base == 1.0 { 1.0 } else { base.powf(b) };
    if magnitude.is_infinite() {
        return Err(NumError::overflow("(34, 'Numerical result out of range')"));
    }
    Ok(if negate { -magnitude } else { magnitude })
}

/// `round(x)`: the nearest int, ties to even.
pub fn float_round_to_int(x: f64) -> Result<BigInt, NumError> {
    check_convertible(x)?;
    let (m, e) = decompose(x);
    if e >= 0 {
        return Ok(integral_to_int(x));
    }
    let shift = e.unsigned_abs();
    let magnitude = if shift > 54 {
        0
    } else {
        let q = m >> shift;
        let r = m & ((1u64 << shift) - 1);
        let half = 1u64 << (shift - 1);
        if r > half || (r == half && q & 1 == 1) {
            q + 1
        } else {
            q
        }
    };
    let value = BigInt::from(magnitude);
    Ok(if x < 0.0 { -value } else { value })
}

/// `round(x, ndigits)` for a float: the float nearest to the exact value of `x` rounded (ties
/// to even) to `ndigits` decimal places, so `round(2.675, 2) == 2.67`. The sign of a zero
/// result follows `x`.
pub fn float_round(x: f64, ndigits: i64) -> Result<f64, NumError> {
    // Beyond these, every float is unchanged, or rounds to zero (CPython's bounds).
    const NDIGITS_MAX: i64 = 323;
    const NDIGITS_MIN: i64 = -308;
    if !x.is_finite() || x == 0.0 || ndigits > NDIGITS_MAX {
        return Ok(x);
    }
    if ndigits < NDIGITS_MIN {
        return Ok(0.0f64.copysign(x));
    }
    // |x| * 10**ndigits = num / den exactly.
    let (m, e) = decompose(x);
    let mut num = BigUint::from(m);
    let mut den = BigUint::one();
    if e >= 0 {
        num <<= e as u64;
    } else {
        den <<= e.unsigned_abs();
    }
    let ten_power = BigUint::from(10u32).pow(ndigits.unsigned_abs() as u32);
    if ndigits >= 0 {
        num *= &ten_power;
    } else {
        den *= &ten_power;
    }
    let mut q = &num / &den;
    let twice_r = (&num % &den) << 1u32;
    if twice_r > den || (twice_r == den && q.bit(0)) {
        q += 1u32;
    }
    let q = BigInt::from(q);
    let magnitude = if ndigits >= 0 {
        int_true_div(&q, &BigInt::from(ten_power))
    } else {
        int_to_float(&(q * BigInt::from(ten_power)))
    }
    .map_err(|_| NumError::overflow("rounded value too large to represent"))?;
    Ok(magnitude.copysign(x))
}

// ---------------------------------------------------------------------------------------------
// Hashes.

/// Applies the sign to a reduced hash and maps -1 (an error marker in C) to -2.
fn signed_hash(magnitude: u64, negative: bool) -> i64 {
    let h = magnitude as i64;
    let h = if negative { -h } else { h };
    if h == -1 { -2 } else { h }
}

/// `hash(a)` for an int: `|a| mod (2**61 - 1)` with `a`'s sign, where -1 becomes -2.
pub fn hash_int(a: &BigInt) -> i64 {
    let reduced = (a.magnitude() % HASH_MODULUS).to_u64().unwrap_or(0);
    signed_hash(reduced, a.is_negative())
}

/// `hash(b)` for a bool: that of the int 0 or 1.
pub fn hash_bool(b: bool) -> i64 {
    i64::from(b)
}

/// `hash(x)` for a float: equal to the hash of any int or fraction of the same value (the
/// value `m * 2**e` hashes as `m * 2**e mod (2**61 - 1)`, signed); `inf` gives 314159 and
/// `-inf` -314159.
///
/// A NaN hashes by identity since Python 3.10: `identity` is the address of the float object
/// (`id(x)`), rotated right by 4 bits into the hash. It is ignored for all other values.
pub fn hash_float(x: f64, identity: usize) -> i64 {
    if x.is_nan() {
        let h = identity.rotate_right(4) as u64 as i64;
        return if h == -1 { -2 } else { h };
    }
    if x.is_infinite() {
        return if x > 0.0 { HASH_INF } else { -HASH_INF };
    }
    let (m, e) = decompose(x);
    // 2**61 is 1 modulo the prime, so 2**e is 2**(e mod 61).
    let power = e.rem_euclid(61) as u32;
    let reduced = ((u128::from(m) << power) % u128::from(HASH_MODULUS)) as u64;
    signed_hash(reduced, x < 0.0)
}

/// `hash(t)` for a tuple whose items hash to `items`: the xxHash-based mix of Python 3.8+.
pub fn hash_tuple(items: &[i64]) -> i64 {
    const PRIME_1: u64 = 11_400_714_785_074_694_791;
    const PRIME_2: u64 = 14_029_467_366_897_019_727;
    const PRIME_5: u64 = 2_870_177_450_012_600_261;
    let mut acc = PRIME_5;
    for &item in items {
        acc = acc.wrapping_add((item as u64).wrapping_mul(PRIME_2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(PRIME_1);
    }
    acc = acc.wrapping_add(items.len() as u64 ^ (PRIME_5 ^ 3_527_539));
    if acc == u64::MAX {
        1_546_275_796
    } else {
        acc as i64
    }
}
