//! The format mini-language (`format(value, spec)`) and `%` formatting for int, float and str.
//!
//! Everything here is a pure function of Rust values, independent of the interpreter's object
//! model, and reproduces CPython 3.11 character for character, error messages included:
//!
//! * [`float_repr`]: `repr(float)` / `str(float)`;
//! * [`FormatSpec::parse`] / [`FormatSpec::parse_for`]: the standard format specifier
//!   `[[fill]align][sign]["z"]["#"]["0"][width][grouping]["." precision][type]`;
//! * [`format_int`], [`format_float`], [`format_str`]: `format(value, spec)` for the three types;
//! * [`percent_format`]: printf-style `template % args` with positional arguments.
//!
//! Known departures from CPython, all for inputs no real program uses:
//!
//! * a lone surrogate cannot live in a Rust `String`, so `format(0xD800, 'c')` and `'%c' % 0xD800`
//!   fail with a `ValueError` instead of producing the surrogate;
//! * output longer than [`MAX_TEXT_LEN`] characters (a width or precision in the hundreds of
//!   millions) fails with `MemoryError` instead of being built;
//! * argument-type errors of [`percent_format`] name the type of a [`PercentArg::Repr`] argument
//!   `object`, as the real type is not known here.

use std::fmt;

use num_bigint::{BigInt, BigUint, Sign as BigSign};
use num_traits::ToPrimitive;

/// The longest text (in characters) a width or precision may ask for before we answer
/// `MemoryError` rather than allocate it. CPython would try to build it.
pub const MAX_TEXT_LEN: usize = 1 << 26;

/// Beyond this many digits after the point, the exact decimal expansion of every finite `f64`
/// has ended (the smallest subnormal has 1074 fractional digits), so further digits are zeros.
const MAX_EXACT_FRACTION_DIGITS: usize = 1100;

/// Beyond this many significant digits, the exact decimal expansion of every finite `f64` has
/// ended (at most 767 significant digits), so further digits are zeros.
const MAX_EXACT_SIGNIFICANT_DIGITS: usize = 800;

/// A Python exception raised while formatting: its class name and its message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatError {
    /// `"ValueError"`, `"TypeError"`, `"OverflowError"` or `"MemoryError"`.
    pub kind: &'static str,
    pub msg: String,
}

impl FormatError {
    fn value(msg: impl Into<String>) -> FormatError {
        FormatError {
            kind: "ValueError",
            msg: msg.into(),
        }
    }

    fn type_error(msg: impl Into<String>) -> FormatError {
        FormatError {
            kind: "TypeError",
            msg: msg.into(),
        }
    }

    fn overflow(msg: impl Into<String>) -> FormatError {
        FormatError {
            kind: "OverflowError",
            msg: msg.into(),
        }
    }

    fn memory() -> FormatError {
        FormatError {
            kind: "MemoryError",
            msg: String::new(),
        }
    }
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.msg.is_empty() {
            f.write_str(self.kind)
        } else {
            write!(f, "{}: {}", self.kind, self.msg)
        }
    }
}

impl std::error::Error for FormatError {}

// ---------------------------------------------------------------------------------------------
// The format specifier.

/// Where padding goes: `<`, `>`, `^`, or `=` (between the sign and the digits).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
    Center,
    AfterSign,
}

/// The sign option: `-` (only negatives), `+` (always), ` ` (space for non-negatives).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sign {
    Minus,
    Plus,
    Space,
}

/// The thousands separator option: `,` or `_`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grouping {
    Comma,
    Underscore,
}

impl Grouping {
    fn char(self) -> char {
        match self {
            Grouping::Comma => ',',
            Grouping::Underscore => '_',
        }
    }
}

/// A parsed standard format specifier, field by field as written (nothing defaulted yet).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FormatSpec {
    /// The fill character, when one was written before the alignment.
    pub fill: Option<char>,
    pub align: Option<Align>,
    pub sign: Option<Sign>,
    /// `z`: turn a negative zero (after rounding) into a positive one (new in 3.11).
    pub no_neg_zero: bool,
    /// `#`: the alternate form.
    pub alternate: bool,
    /// `0` before the width: fill with `0` (if no fill was given) and, for numbers, pad after
    /// the sign (if no alignment was given).
    pub zero: bool,
    pub width: Option<usize>,
    pub grouping: Option<Grouping>,
    pub precision: Option<usize>,
    pub type_: Option<char>,
}

fn align_of(c: char) -> Option<Align> {
    match c {
        '<' => Some(Align::Left),
        '>' => Some(Align::Right),
        '^' => Some(Align::Center),
        '=' => Some(Align::AfterSign),
        _ => None,
    }
}

/// How CPython shows a presentation type in messages: itself when printable ASCII, else `\xNN`.
fn code_display(c: char) -> String {
    let n = c as u32;
    if n > 32 && n < 128 {
        c.to_string()
    } else {
        format!("\\x{n:x}")
    }
}

/// Reads decimal digits from `chars[*pos..]`; `None` when there are none. Values above
/// `limit` are the error CPython reports for too many digits.
fn read_number(chars: &[char], pos: &mut usize, limit: u64) -> Result<Option<u64>, ()> {
    let start = *pos;
    let mut value: u64 = 0;
    while let Some(d) = chars.get(*pos).and_then(|c| c.to_digit(10)) {
        value = value
            .checked_mul(10)
            .and_then(|v| v.checked_add(u64::from(d)))
            .filter(|v| *v <= limit)
            .ok_or(())?;
        *pos += 1;
    }
    Ok((*pos > start).then_some(value))
}

impl FormatSpec {
    /// Parses `spec` without knowing the type of the value, so a malformed spec gives just
    /// `Invalid format specifier` (see [`FormatSpec::parse_for`] for CPython's full message).
    /// The thousands separator is checked against the written type only.
    pub fn parse(spec: &str) -> Result<FormatSpec, FormatError> {
        let parsed = FormatSpec::parse_fields(spec, None)?;
        parsed.check_grouping(None)?;
        Ok(parsed)
    }

    /// Parses `spec` for a value of Python type `type_name` whose default presentation type is
    /// `default_type` (`Some('d')` for int, `Some('s')` for str, `None` for float), with the
    /// messages of CPython 3.11.7, e.g. `Invalid format specifier 'xx' for object of type 'int'`.
    pub fn parse_for(
        spec: &str,
        type_name: &str,
        default_type: Option<char>,
    ) -> Result<FormatSpec, FormatError> {
        let parsed = FormatSpec::parse_fields(spec, Some(type_name))?;
        parsed.check_grouping(default_type)?;
        Ok(parsed)
    }

    fn parse_fields(spec: &str, type_name: Option<&str>) -> Result<FormatSpec, FormatError> {
        let chars: Vec<char> = spec.chars().collect();
        let mut out = FormatSpec::default();
        let mut pos = 0;
        if let Some(align) = chars.get(1).and_then(|c| align_of(*c)) {
            out.fill = chars.first().copied();
            out.align = Some(align);
            pos = 2;
        } else if let Some(align) = chars.first().and_then(|c| align_of(*c)) {
            out.align = Some(align);
            pos = 1;
        }
        out.sign = match chars.get(pos) {
            Some('+') => Some(Sign::Plus),
            Some('-') => Some(Sign::Minus),
            Some(' ') => Some(Sign::Space),
            _ => None,
        };
        if out.sign.is_some() {
            pos += 1;
        }
        if chars.get(pos) == Some(&'z') {
            out.no_neg_zero = true;
            pos += 1;
        }
        if chars.get(pos) == Some(&'#') {
            out.alternate = true;
            pos += 1;
        }
        if out.fill.is_none() && chars.get(pos) == Some(&'0') {
            out.zero = true;
            pos += 1;
        }
        let too_many = || FormatError::value("Too many decimal digits in format string");
        out.width = read_number(&chars, &mut pos, i64::MAX as u64)
            .map_err(|()| too_many())?
            .map(|w| w as usize);
        match chars.get(pos) {
            Some(',') => {
                out.grouping = Some(Grouping::Comma);
                pos += 1;
            }
            Some('_') => {
                out.grouping = Some(Grouping::Underscore);
                pos += 1;
            }
            _ => {}
        }
        match (out.grouping, chars.get(pos)) {
            (Some(Grouping::Comma), Some('_')) | (Some(Grouping::Underscore), Some(',')) => {
                return Err(FormatError::value("Cannot specify both ',' and '_'."));
            }
            _ => {}
        }
        if chars.get(pos) == Some(&'.') {
            pos += 1;
            let precision =
                read_number(&chars, &mut pos, i64::MAX as u64).map_err(|()| too_many())?;
            match precision {
                Some(p) => out.precision = Some(p as usize),
                None => return Err(FormatError::value("Format specifier missing precision")),
            }
        }
        match chars.len() - pos {
            0 => {}
            1 => out.type_ = chars.get(pos).copied(),
            _ => {
                return Err(FormatError::value(match type_name {
                    Some(name) => {
                        format!("Invalid format specifier '{spec}' for object of type '{name}'")
                    }
                    None => "Invalid format specifier".to_string(),
                }));
            }
        }
        Ok(out)
    }

    /// The separator is allowed with `d e f g E G % F` and no type, and `_` also with `b o x X`.
    fn check_grouping(&self, default_type: Option<char>) -> Result<(), FormatError> {
        let Some(grouping) = self.grouping else {
            return Ok(());
        };
        match self.type_.or(default_type) {
            None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => Ok(()),
            Some('b' | 'o' | 'x' | 'X') if grouping == Grouping::Underscore => Ok(()),
            Some(t) => Err(FormatError::value(format!(
                "Cannot specify '{}' with '{}'.",
                grouping.char(),
                code_display(t)
            ))),
        }
    }

    /// The separator and group size for the digits of presentation type `ty`.
    fn separator(&self, ty: char) -> Option<(char, usize)> {
        let grouping = self.grouping?;
        let size = if matches!(ty, 'b' | 'o' | 'x' | 'X') {
            4
        } else {
            3
        };
        Some((grouping.char(), size))
    }
}

fn unknown_code(code: char, type_name: &str) -> FormatError {
    FormatError::value(format!(
        "Unknown format code '{}' for object of type '{type_name}'",
        code_display(code)
    ))
}

// ---------------------------------------------------------------------------------------------
// Padding, alignment and digit grouping.

/// A number split the way padding and grouping see it: sign, prefix (`0x`), the integer digits
/// (the only part that is grouped) and the rest (fraction, exponent, `%`, or `inf`/`nan`).
struct Number {
    negative: bool,
    prefix: &'static str,
    digits: String,
    rest: String,
}

/// Inserts `sep` every `size` digits counting from the right. When `min_width` is more than
/// the digits need, zeros are added on the left (and grouped) until the text is at least that
/// wide; like CPython, a separator is never left in front, so the result may be one wider.
fn group_digits(digits: &str, min_width: usize, sep: char, size: usize) -> String {
    let bytes = digits.as_bytes();
    let mut remaining = bytes.len();
    let mut still_needed = min_width;
    let mut groups: Vec<String> = Vec::new();
    loop {
        let len = remaining.max(still_needed).max(1).min(size);
        let taken = len.min(remaining);
        let mut group = "0".repeat(len - taken);
        group.push_str(&digits[remaining - taken..remaining]);
        groups.push(group);
        remaining -= taken;
        still_needed = still_needed.saturating_sub(len);
        if remaining == 0 && still_needed == 0 {
            break;
        }
        still_needed = still_needed.saturating_sub(1);
    }
    groups.reverse();
    groups.join(&sep.to_string())
}

/// Builds `count` copies of `fill`, refusing absurd sizes.
fn padding(fill: char, count: usize) -> Result<String, FormatError> {
    if count > MAX_TEXT_LEN {
        return Err(FormatError::memory());
    }
    Ok(std::iter::repeat_n(fill, count).collect())
}

/// Pads `body` (already complete) to `width` with `fill`, placed per `align`; `AfterSign` puts
/// the padding after the first `split` characters.
fn pad(
    body: &str,
    split: usize,
    width: usize,
    fill: char,
    align: Align,
) -> Result<String, FormatError> {
    let len = body.chars().count();
    if width <= len {
        return Ok(body.to_string());
    }
    let total = width - len;
    Ok(match align {
        Align::Left => body.to_string() + &padding(fill, total)?,
        Align::Right => padding(fill, total)? + body,
        Align::Center => {
            let left = total / 2;
            padding(fill, left)? + body + &padding(fill, total - left)?
        }
        Align::AfterSign => {
            let at = body
                .char_indices()
                .nth(split)
                .map_or(body.len(), |(i, _)| i);
            let mut out = body[..at].to_string();
            out.push_str(&padding(fill, total)?);
            out.push_str(&body[at..]);
            out
        }
    })
}

/// Lays out a number per the fill, alignment, sign and width of `spec`.
fn layout_number(
    num: Number,
    spec: &FormatSpec,
    separator: Option<(char, usize)>,
) -> Result<String, FormatError> {
    let sign = if num.negative {
        "-"
    } else {
        match spec.sign {
            Some(Sign::Plus) => "+",
            Some(Sign::Space) => " ",
            _ => "",
        }
    };
    let fill = spec.fill.unwrap_or(if spec.zero { '0' } else { ' ' });
    let align = spec.align.unwrap_or(if spec.zero {
        Align::AfterSign
    } else {
        Align::Right
    });
    let width = spec.width.unwrap_or(0);
    let digits = match separator {
        Some((sep, size)) if !num.digits.is_empty() => {
            let zero_padded = fill == '0' && align == Align::AfterSign;
            let others = sign.len() + num.prefix.len() + num.rest.chars().count();
            let min_width = if zero_padded {
                width.saturating_sub(others)
            } else {
                0
            };
            if min_width > MAX_TEXT_LEN {
                return Err(FormatError::memory());
            }
            group_digits(&num.digits, min_width, sep, size)
        }
        _ => num.digits,
    };
    let body = format!("{sign}{}{digits}{}", num.prefix, num.rest);
    pad(&body, sign.len() + num.prefix.len(), width, fill, align)
}

// ---------------------------------------------------------------------------------------------
// Exact decimal digits of a double.

/// `x` (finite, non-negative) as `m * 2^e` exactly.
fn decompose(x: f64) -> (u64, i32) {
    let bits = x.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1u64 << 52) - 1);
    if exponent == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1u64 << 52), exponent - 1075)
    }
}

fn pow10(k: usize) -> BigUint {
    BigUint::from(10u32).pow(k as u32)
}

/// `m * 2^e * 10^k` rounded to an integer, ties to even.
fn scaled_round(m: u64, e: i32, k: i64) -> BigUint {
    let mut num = BigUint::from(m);
    let mut den = BigUint::from(1u32);
    if e >= 0 {
        num <<= e as u32;
    } else {
        den <<= e.unsigned_abs();
    }
    if k >= 0 {
        num *= pow10(k as usize);
    } else {
        den *= pow10(k.unsigned_abs() as usize);
    }
    let quotient = &num / &den;
    let twice_rest: BigUint = (&num % &den) << 1u32;
    let round_up = match twice_rest.cmp(&den) {
        std::cmp::Ordering::Greater => true,
        std::cmp::Ordering::Equal => quotient.bit(0),
        std::cmp::Ordering::Less => false,
    };
    if round_up { quotient + 1u32 } else { quotient }
}

/// The digits of `x` (finite, non-negative) rounded to `precision` places after the point,
/// without the point: at least `precision + 1` digits.
fn fixed_digits(x: f64, precision: usize) -> String {
    let exact = precision.min(MAX_EXACT_FRACTION_DIGITS);
    let (m, e) = decompose(x);
    let mut digits = scaled_round(m, e, exact as i64).to_string();
    if digits.len() < exact + 1 {
        digits = "0".repeat(exact + 1 - digits.len()) + &digits;
    }
    digits.push_str(&"0".repeat(precision - exact));
    digits
}

/// `x` (finite, non-negative) rounded to `precision + 1` significant digits: the digits and
/// the decimal exponent of the first one.
fn scientific_digits(x: f64, precision: usize) -> (String, i32) {
    let exact = precision.min(MAX_EXACT_SIGNIFICANT_DIGITS);
    let padding = "0".repeat(precision - exact);
    if x == 0.0 {
        return ("0".repeat(precision + 1), 0);
    }
    let (m, e) = decompose(x);
    let mut exponent = x.log10().floor() as i32;
    let mut digits = String::new();
    for _ in 0..8 {
        digits = scaled_round(m, e, exact as i64 - i64::from(exponent)).to_string();
        if digits.len() > exact + 1 {
            exponent += 1;
        } else if digits.len() < exact + 1 {
            exponent -= 1;
        } else {
            break;
        }
    }
    digits.truncate(exact + 1);
    (digits + &padding, exponent)
}

/// The shortest digits that read back as `x` (finite, non-negative), and the decimal exponent
/// of the first one.
fn shortest_digits(x: f64) -> (String, i32) {
    let text = format!("{x:e}");
    let (mantissa, exponent) = text.split_once('e').unwrap_or((text.as_str(), "0"));
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    (digits, exponent.parse().unwrap_or(0))
}

fn exponent_text(exponent: i32) -> String {
    let sign = if exponent < 0 { '-' } else { '+' };
    format!("{sign}{:02}", exponent.unsigned_abs())
}

/// Places the point in `digits` (the first digit has decimal exponent `exponent`), in
/// scientific or positional notation. `alternate` keeps a point with no digits after it;
/// `add_dot_0` writes `.0` after a positional integer.
fn place_point(
    digits: &str,
    exponent: i32,
    scientific: bool,
    alternate: bool,
    add_dot_0: bool,
) -> String {
    if scientific {
        let (first, others) = digits.split_at(1.min(digits.len()));
        let point = if !others.is_empty() || alternate {
            "."
        } else {
            ""
        };
        return format!("{first}{point}{others}e{}", exponent_text(exponent));
    }
    let (int_part, fraction) = if exponent >= 0 {
        let point = exponent as usize + 1;
        if digits.len() > point {
            (digits[..point].to_string(), digits[point..].to_string())
        } else {
            (
                digits.to_string() + &"0".repeat(point - digits.len()),
                String::new(),
            )
        }
    } else {
        let zeros = "0".repeat(exponent.unsigned_abs() as usize - 1);
        ("0".to_string(), zeros + digits)
    };
    if !fraction.is_empty() {
        format!("{int_part}.{fraction}")
    } else if add_dot_0 {
        format!("{int_part}.0")
    } else if alternate {
        format!("{int_part}.")
    } else {
        int_part
    }
}

fn trim_zeros(digits: &mut String) {
    while digits.len() > 1 && digits.ends_with('0') {
        digits.pop();
    }
}

/// `x` (finite, non-negative) in `g` style with `precision >= 1` significant digits. With
/// `add_dot_0` (no presentation type) positional integers get `.0` and scientific notation
/// starts one exponent earlier.
fn general_text(x: f64, precision: usize, alternate: bool, add_dot_0: bool) -> String {
    let (mut digits, exponent) = scientific_digits(x, precision - 1);
    let limit = if add_dot_0 {
        precision as i64 - 1
    } else {
        precision as i64
    };
    let scientific = exponent < -4 || i64::from(exponent) >= limit;
    if !alternate {
        trim_zeros(&mut digits);
    }
    place_point(&digits, exponent, scientific, alternate, add_dot_0)
}

/// `repr` of `x` (finite, non-negative); `alternate` as in `format(x, '#')`.
fn repr_text(x: f64, alternate: bool) -> String {
    let (digits, exponent) = shortest_digits(x);
    let scientific = !(-4..16).contains(&exponent);
    place_point(&digits, exponent, scientific, alternate, true)
}

/// Python's `repr(x)` (and `str(x)`) for a float: the shortest digits that round-trip,
/// positional for exponents -4 to 15, else scientific (`1e+16`, `1e-05`).
pub fn float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".to_string();
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x.is_infinite() {
        return format!("{sign}inf");
    }
    format!("{sign}{}", repr_text(x.abs(), false))
}

// ---------------------------------------------------------------------------------------------
// Conversions between int and float.

/// `float(value)`, correctly rounded, or CPython's `OverflowError`.
pub fn int_to_f64(value: &BigInt) -> Result<f64, FormatError> {
    let too_large = || FormatError::overflow("int too large to convert to float");
    let magnitude = value.magnitude();
    let bits = magnitude.bits();
    let unsigned = if bits <= 64 {
        magnitude.to_u64().ok_or_else(too_large)? as f64
    } else {
        let shift = bits - 64;
        if shift > 1023 {
            return Err(too_large());
        }
        let mut top = (magnitude >> shift).to_u64().ok_or_else(too_large)?;
        // A sticky bit for everything shifted out keeps the final rounding exact.
        if magnitude.trailing_zeros().unwrap_or(0) < shift {
            top |= 1;
        }
        let scale = f64::from_bits((1023 + shift) << 52);
        top as f64 * scale
    };
    if !unsigned.is_finite() {
        return Err(too_large());
    }
    Ok(if value.sign() == BigSign::Minus {
        -unsigned
    } else {
        unsigned
    })
}

/// `int(x)`: truncation toward zero, or CPython's error for nan and infinities.
pub fn f64_to_int(x: f64) -> Result<BigInt, FormatError> {
    if x.is_nan() {
        return Err(FormatError::value("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(FormatError::overflow(
            "cannot convert float infinity to integer",
        ));
    }
    let (m, e) = decompose(x.abs());
    let magnitude = if e >= 0 {
        BigUint::from(m) << e as u32
    } else {
        BigUint::from(m) >> e.unsigned_abs()
    };
    let sign = if x < 0.0 {
        BigSign::Minus
    } else {
        BigSign::Plus
    };
    Ok(BigInt::from_biguint(sign, magnitude))
}

// ---------------------------------------------------------------------------------------------
// format() for int, float and str.

/// `format(value, spec)` for an int (also used by `bool`): types `b c d o x X n`, none, and the
/// float types through `float(value)`.
pub fn format_int(value: &BigInt, spec: &str) -> Result<String, FormatError> {
    let parsed = FormatSpec::parse_for(spec, "int", Some('d'))?;
    if spec.is_empty() {
        return Ok(value.to_string());
    }
    let ty = parsed.type_.unwrap_or('d');
    match ty {
        'b' | 'c' | 'd' | 'n' | 'o' | 'x' | 'X' => {}
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            return float_with_spec(int_to_f64(value)?, &parsed);
        }
        other => return Err(unknown_code(other, "int")),
    }
    if parsed.precision.is_some() {
        return Err(FormatError::value(
            "Precision not allowed in integer format specifier",
        ));
    }
    if parsed.no_neg_zero {
        return Err(FormatError::value(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    if ty == 'c' {
        return format_char(value, &parsed);
    }
    let (radix, prefix) = match ty {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mut digits = value.magnitude().to_str_radix(radix);
    if ty == 'X' {
        digits.make_ascii_uppercase();
    }
    let number = Number {
        negative: value.sign() == BigSign::Minus,
        prefix: if parsed.alternate { prefix } else { "" },
        digits,
        rest: String::new(),
    };
    let separator = if ty == 'n' {
        None
    } else {
        parsed.separator(ty)
    };
    layout_number(number, &parsed, separator)
}

/// The character with code `code`, with `%c`'s checks and messages; `format()` reports codes
/// beyond a C long differently from `%`.
fn char_of(code: &BigInt, from_format: bool) -> Result<char, FormatError> {
    let not_long = code.to_i64().is_none();
    if not_long && from_format {
        return Err(FormatError::overflow(
            "Python int too large to convert to C long",
        ));
    }
    let in_range = code.to_u32().filter(|n| *n < 0x110000);
    let Some(n) = in_range else {
        return Err(FormatError::overflow("%c arg not in range(0x110000)"));
    };
    char::from_u32(n).ok_or_else(|| {
        FormatError::value(format!(
            "%c arg U+{n:04X} is a surrogate, which this implementation cannot represent"
        ))
    })
}

fn format_char(value: &BigInt, spec: &FormatSpec) -> Result<String, FormatError> {
    if spec.sign.is_some() {
        return Err(FormatError::value(
            "Sign not allowed with integer format specifier 'c'",
        ));
    }
    if spec.alternate {
        return Err(FormatError::value(
            "Alternate form (#) not allowed with integer format specifier 'c'",
        ));
    }
    let number = Number {
        negative: false,
        prefix: "",
        digits: String::new(),
        rest: char_of(value, true)?.to_string(),
    };
    layout_number(number, spec, None)
}

/// `format(value, spec)` for a float: types `e E f F g G n %` and none.
pub fn format_float(value: f64, spec: &str) -> Result<String, FormatError> {
    let parsed = FormatSpec::parse_for(spec, "float", None)?;
    float_with_spec(value, &parsed)
}

fn float_with_spec(value: f64, spec: &FormatSpec) -> Result<String, FormatError> {
    let ty = spec.type_;
    match ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => {}
        Some(other) => return Err(unknown_code(other, "float")),
    }
    if let Some(precision) = spec.precision {
        if precision > i32::MAX as usize {
            return Err(FormatError::value("precision too big"));
        }
        if precision > MAX_TEXT_LEN {
            return Err(FormatError::memory());
        }
    }
    let x = if ty == Some('%') {
        value * 100.0
    } else {
        value
    };
    let mut negative = x.is_sign_negative() && !x.is_nan();
    let upper = matches!(ty, Some('E' | 'F' | 'G'));
    let magnitude = x.abs();
    let mut text = if x.is_nan() {
        "nan".to_string()
    } else if x.is_infinite() {
        "inf".to_string()
    } else {
        match (ty, spec.precision) {
            (Some('f' | 'F' | '%'), precision) => {
                let precision = precision.unwrap_or(6);
                let digits = fixed_digits(magnitude, precision);
                let (int_part, fraction) = digits.split_at(digits.len() - precision);
                let point = if precision > 0 || spec.alternate {
                    "."
                } else {
                    ""
                };
                format!("{int_part}{point}{fraction}")
            }
            (Some('e' | 'E'), precision) => {
                let (digits, exponent) = scientific_digits(magnitude, precision.unwrap_or(6));
                place_point(&digits, exponent, true, spec.alternate, false)
            }
            (Some(_), precision) => general_text(
                magnitude,
                precision.unwrap_or(6).max(1),
                spec.alternate,
                false,
            ),
            (None, Some(precision)) => {
                general_text(magnitude, precision.max(1), spec.alternate, true)
            }
            (None, None) => repr_text(magnitude, spec.alternate),
        }
    };
    if negative && spec.no_neg_zero && x.is_finite() {
        let mantissa = text.split(['e', 'E']).next().unwrap_or("");
        negative = mantissa.bytes().any(|b| (b'1'..=b'9').contains(&b));
    }
    if upper {
        text.make_ascii_uppercase();
    }
    if ty == Some('%') {
        text.push('%');
    }
    let digit_count = text.bytes().take_while(u8::is_ascii_digit).count();
    let rest = text.split_off(digit_count);
    let number = Number {
        negative,
        prefix: "",
        digits: text,
        rest,
    };
    let separator = if ty == Some('n') {
        None
    } else {
        spec.separator('f')
    };
    layout_number(number, spec, separator)
}

/// `format(value, spec)` for a str: type `s` or none; the precision truncates.
pub fn format_str(value: &str, spec: &str) -> Result<String, FormatError> {
    let parsed = FormatSpec::parse_for(spec, "str", Some('s'))?;
    if let Some(other) = parsed.type_.filter(|t| *t != 's') {
        return Err(unknown_code(other, "str"));
    }
    match parsed.sign {
        Some(Sign::Space) => {
            return Err(FormatError::value(
                "Space not allowed in string format specifier",
            ));
        }
        Some(_) => {
            return Err(FormatError::value(
                "Sign not allowed in string format specifier",
            ));
        }
        None => {}
    }
    if parsed.no_neg_zero {
        return Err(FormatError::value(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if parsed.alternate {
        return Err(FormatError::value(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    if parsed.align == Some(Align::AfterSign) {
        return Err(FormatError::value(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    let text = truncate(value, parsed.precision);
    let fill = parsed.fill.unwrap_or(if parsed.zero { '0' } else { ' ' });
    let align = parsed.align.unwrap_or(Align::Left);
    pad(text, 0, parsed.width.unwrap_or(0), fill, align)
}

/// The first `precision` characters of `text` (all of it without a precision).
fn truncate(text: &str, precision: Option<usize>) -> &str {
    match precision.and_then(|p| text.char_indices().nth(p)) {
        Some((end, _)) => &text[..end],
        None => text,
    }
}

// ---------------------------------------------------------------------------------------------
// printf-style formatting.

/// One positional argument of `template % args`, already reduced to what `%` needs.
#[derive(Debug, Clone, PartialEq)]
pub enum PercentArg {
    /// An int (or bool already turned into 0/1 by the caller).
    Int(BigInt),
    Float(f64),
    /// A str object: `%s` gives it as is, `%r` and `%a` quote it as `repr(str)` does, and `%c`
    /// accepts it when it is one character long.
    Str(String),
    /// Any other object, given by its `repr()`; `%s` uses it too (so pass objects whose `str`
    /// differs from their `repr` as [`PercentArg::Str`] of their `str()`), and the numeric
    /// conversions reject it naming its type `object`.
    Repr(String),
    /// A bool: `%s` gives `True`/`False`, the numeric conversions 1/0.
    Bool(bool),
    /// Any other object with both texts: `%s` uses `str`, `%r`/`%a` use `repr`; the numeric
    /// conversions reject it naming `type_name`.
    Object {
        str: String,
        repr: String,
        type_name: String,
    },
}

impl PercentArg {
    fn type_name(&self) -> &str {
        match self {
            PercentArg::Int(_) => "int",
            PercentArg::Float(_) => "float",
            PercentArg::Str(_) => "str",
            PercentArg::Repr(_) => "object",
            PercentArg::Bool(_) => "bool",
            PercentArg::Object { type_name, .. } => type_name,
        }
    }
}

/// `ascii()` from a `repr()`: every non-ASCII character escaped.
fn ascii_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let n = c as u32;
        match n {
            0..=0x7f => out.push(c),
            0x80..=0xff => out.push_str(&format!("\\x{n:02x}")),
            0x100..=0xffff => out.push_str(&format!("\\u{n:04x}")),
            _ => out.push_str(&format!("\\U{n:08x}")),
        }
    }
    out
}

/// The flags, width and precision of one `%` conversion.
#[derive(Default)]
struct PercentSpec {
    left: bool,
    plus: bool,
    space: bool,
    alternate: bool,
    zero: bool,
    width: usize,
    precision: Option<usize>,
}

impl PercentSpec {
    fn sign(&self) -> Option<Sign> {
        if self.plus {
            Some(Sign::Plus)
        } else if self.space {
            Some(Sign::Space)
        } else {
            None
        }
    }

    /// Pads text (a string conversion) with spaces to the width.
    fn pad_text(&self, text: &str) -> Result<String, FormatError> {
        let align = if self.left { Align::Left } else { Align::Right };
        pad(text, 0, self.width, ' ', align)
    }

    /// The equivalent format spec for the float conversions and `%c`.
    fn to_format_spec(&self, type_: Option<char>) -> FormatSpec {
        let zero = self.zero && !self.left;
        FormatSpec {
            fill: Some(if zero { '0' } else { ' ' }),
            align: Some(if self.left {
                Align::Left
            } else if zero {
                Align::AfterSign
            } else {
                Align::Right
            }),
            sign: self.sign(),
            alternate: self.alternate,
            width: Some(self.width),
            precision: Some(self.precision.unwrap_or(6)),
            type_,
            ..FormatSpec::default()
        }
    }
}

/// The arguments, consumed left to right.
struct ArgCursor<'a> {
    args: &'a [PercentArg],
    next: usize,
}

impl<'a> ArgCursor<'a> {
    fn take(&mut self) -> Result<&'a PercentArg, FormatError> {
        let arg = self
            .args
            .get(self.next)
            .ok_or_else(|| FormatError::type_error("not enough arguments for format string"))?;
        self.next += 1;
        Ok(arg)
    }

    /// A `*` width or precision: an int that fits CPython's C type (`ssize_t` for widths,
    /// `int` for precisions).
    fn take_star(&mut self, c_type: &str, max: i64) -> Result<i64, FormatError> {
        let PercentArg::Int(n) = self.take()? else {
            return Err(FormatError::type_error("* wants int"));
        };
        n.to_i64()
            .filter(|n| (-max - 1..=max).contains(n))
            .ok_or_else(|| {
                FormatError::overflow(format!("Python int too large to convert to C {c_type}"))
            })
    }
}

/// `template % args` (positional arguments only): conversions `d i u o x X e E f F g G c r s a`
/// and `%%`, flags `- + space # 0`, width and precision (`*` takes them from the arguments),
/// one length modifier `h`, `l` or `L` ignored. A `%(name)` key fails as CPython does for a tuple.
pub fn percent_format(template: &str, args: &[PercentArg]) -> Result<String, FormatError> {
    let chars: Vec<char> = template.chars().collect();
    let mut cursor = ArgCursor { args, next: 0 };
    let mut out = String::with_capacity(template.len());
    let mut pos = 0;
    let incomplete = || FormatError::value("incomplete format");
    while let Some(&c) = chars.get(pos) {
        pos += 1;
        if c != '%' {
            out.push(c);
            continue;
        }
        match chars.get(pos) {
            None => return Err(incomplete()),
            Some('%') => {
                out.push('%');
                pos += 1;
                continue;
            }
            Some('(') => return Err(FormatError::type_error("format requires a mapping")),
            _ => {}
        }
        let mut spec = PercentSpec::default();
        while let Some(flag) = chars.get(pos) {
            match flag {
                '-' => spec.left = true,
                '+' => spec.plus = true,
                ' ' => spec.space = true,
                '#' => spec.alternate = true,
                '0' => spec.zero = true,
                _ => break,
            }
            pos += 1;
        }
        if chars.get(pos) == Some(&'*') {
            pos += 1;
            let width = cursor.take_star("ssize_t", i64::MAX)?;
            if width < 0 {
                spec.left = true;
            }
            spec.width = usize::try_from(width.unsigned_abs()).unwrap_or(usize::MAX);
        } else {
            let width = read_number(&chars, &mut pos, i64::MAX as u64)
                .map_err(|()| FormatError::value("width too big"))?;
            spec.width = width.unwrap_or(0) as usize;
        }
        if chars.get(pos) == Some(&'.') {
            pos += 1;
            if chars.get(pos) == Some(&'*') {
                pos += 1;
                let precision = cursor.take_star("int", i64::from(i32::MAX))?;
                spec.precision = Some(precision.max(0) as usize);
            } else {
                let precision = read_number(&chars, &mut pos, i32::MAX as u64)
                    .map_err(|()| FormatError::value("precision too big"))?;
                spec.precision = Some(precision.unwrap_or(0) as usize);
            }
        }
        if matches!(chars.get(pos), Some('h' | 'l' | 'L')) {
            pos += 1;
        }
        let Some(&conversion) = chars.get(pos) else {
            return Err(incomplete());
        };
        let index = pos;
        pos += 1;
        let arg = cursor.take()?;
        out.push_str(&convert(conversion, index, arg, &spec)?);
    }
    if cursor.next < args.len() {
        return Err(FormatError::type_error(
            "not all arguments converted during string formatting",
        ));
    }
    Ok(out)
}

/// One `%` conversion of one argument.
fn convert(
    conversion: char,
    index: usize,
    arg: &PercentArg,
    spec: &PercentSpec,
) -> Result<String, FormatError> {
    if spec.width > MAX_TEXT_LEN {
        return Err(FormatError::memory());
    }
    match conversion {
        's' | 'r' | 'a' => {
            let text = match (conversion, arg) {
                (_, PercentArg::Int(n)) => n.to_string(),
                (_, PercentArg::Float(x)) => float_repr(*x),
                ('s', PercentArg::Str(s)) => s.clone(),
                (_, PercentArg::Str(s)) => super::text::repr_str(s),
                (_, PercentArg::Repr(r)) => r.clone(),
                (_, PercentArg::Bool(b)) => if *b { "True" } else { "False" }.to_string(),
                ('s', PercentArg::Object { str, .. }) => str.clone(),
                (_, PercentArg::Object { repr, .. }) => repr.clone(),
            };
            let text = if conversion == 'a' {
                ascii_escape(&text)
            } else {
                text
            };
            spec.pad_text(truncate(&text, spec.precision))
        }
        'c' => {
            let c = match arg {
                PercentArg::Int(n) => char_of(n, false)?,
                PercentArg::Bool(b) => char_of(&BigInt::from(u8::from(*b)), false)?,
                PercentArg::Str(s) if s.chars().count() == 1 => s.chars().next().unwrap_or(' '),
                _ => return Err(FormatError::type_error("%c requires int or char")),
            };
            spec.pad_text(&c.to_string())
        }
        'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
            let integer = matches!(conversion, 'o' | 'x' | 'X');
            let value = match arg {
                PercentArg::Int(n) => n.clone(),
                PercentArg::Bool(b) => BigInt::from(u8::from(*b)),
                PercentArg::Float(x) if !integer => f64_to_int(*x)?,
                other => {
                    let wanted = if integer {
                        "an integer is required"
                    } else {
                        "a real number is required"
                    };
                    return Err(FormatError::type_error(format!(
                        "%{conversion} format: {wanted}, not {}",
                        other.type_name()
                    )));
                }
            };
            percent_integer(&value, conversion, spec)
        }
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
            let x = match arg {
                PercentArg::Int(n) => int_to_f64(n)?,
                PercentArg::Bool(b) => f64::from(u8::from(*b)),
                PercentArg::Float(x) => *x,
                other => {
                    return Err(FormatError::type_error(format!(
                        "must be real number, not {}",
                        other.type_name()
                    )));
                }
            };
            float_with_spec(x, &spec.to_format_spec(Some(conversion)))
        }
        other => {
            let n = other as u32;
            let shown = if (31..=126).contains(&n) { other } else { '?' };
            Err(FormatError::value(format!(
                "unsupported format character '{shown}' (0x{n:x}) at index {index}"
            )))
        }
    }
}

/// `%d %o %x %X`: the precision is a minimum number of digits; `#` adds `0o`/`0x`/`0X`.
fn percent_integer(
    value: &BigInt,
    conversion: char,
    spec: &PercentSpec,
) -> Result<String, FormatError> {
    let (radix, prefix) = match conversion {
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mut digits = value.magnitude().to_str_radix(radix);
    if conversion == 'X' {
        digits.make_ascii_uppercase();
    }
    if let Some(precision) = spec.precision {
        if precision > MAX_TEXT_LEN {
            return Err(FormatError::memory());
        }
        if digits.len() < precision {
            digits = "0".repeat(precision - digits.len()) + &digits;
        }
    }
    let number = Number {
        negative: value.sign() == BigSign::Minus,
        prefix: if spec.alternate { prefix } else { "" },
        digits,
        rest: String::new(),
    };
    layout_number(number, &spec.to_format_spec(None), None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float_repr_basics() {
        assert_eq!(float_repr(1e16), "1e+16");
        assert_eq!(float_repr(1e-5), "1e-05");
        assert_eq!(float_repr(-0.0), "-0.0");
        assert_eq!(float_repr(100.0), "100.0");
        assert_eq!(float_repr(1.5e300), "1.5e+300");
        assert_eq!(float_repr(f64::NEG_INFINITY), "-inf");
    }

    #[test]
    fn grouping_pads_with_grouped_zeros() {
        assert_eq!(group_digits("1234", 8, ',', 3), "0,001,234");
        assert_eq!(group_digits("1", 10, '_', 3), "00_000_001");
        assert_eq!(group_digits("", 0, ',', 3), "0");
    }

    #[test]
    fn ties_round_to_even() {
        assert_eq!(fixed_digits(2.5, 0), "2");
        assert_eq!(fixed_digits(0.125, 2), "012");
        assert_eq!(scientific_digits(9.5, 0), ("1".to_string(), 1));
    }
}
