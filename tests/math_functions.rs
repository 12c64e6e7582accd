//! Differential tests of `gilpy::modules::math` against CPython 3.11's `math` module.
//!
//! `tests/math/cases.txt` is written by `scripts/gen_math_expectations.py` (see its docstring
//! for the line format). Every case is replayed and its float bit patterns, ints, bools or
//! exception class and message must agree exactly; all mismatches are reported together.
//! Cases known not to match are listed in [`EXPECTED_MISMATCHES`] with the reason, and the
//! test also fails if one of them starts matching.

use gilpy::modules::math::{self, LogArg, MathError, MathResult};
use num_bigint::BigInt;

const CASES: &str = include_str!("math/cases.txt");

/// `(case line up to the result, reason)` for cases that cannot match CPython.
const EXPECTED_MISMATCHES: &[(&str, &str)] = &[
    ("cbrt|0x0.0000000000001p-1022", CBRT),
    ("cbrt|-0x0.0000000000001p-1022", CBRT),
    ("cbrt|0x0.012688b70e62bp-1022", CBRT),
    ("cbrt|0x1.999999999999ap-4", CBRT),
    ("cbrt|0x1.6666666666666p-1", CBRT),
    ("cbrt|0x1.8000000000000p+0", CBRT),
    ("cbrt|0x1.0000000000000p+1", CBRT),
    ("cbrt|-0x1.0000000000000p+1", CBRT),
    ("cbrt|0x1.4000000000000p+1", CBRT),
    ("cbrt|-0x1.c000000000000p+1", CBRT),
    ("cbrt|-0x1.921fb54442d18p+0", CBRT),
    ("cbrt|0x1.5bf0a8b145769p+1", CBRT),
    ("cbrt|0x1.4000000000000p+3", CBRT),
    ("cbrt|0x1.8b0a3d70a3d71p+3", CBRT),
    ("cbrt|0x1.9000000000000p+6", CBRT),
    ("cbrt|0x1.5e00000000000p+9", CBRT),
    ("cbrt|0x1.0000000000000p+52", CBRT),
    ("cbrt|0x1.0f0cf064dd592p+73", CBRT),
    ("cbrt|0x1.1ccf385ebc8a0p+1023", CBRT),
    ("cbrt|-0x1.1ccf385ebc8a0p+1023", CBRT),
];

/// Why `cbrt` differs: Rust links its own correctly rounded `cbrt` (from compiler-builtins)
/// instead of glibc's, whose results CPython returns and which are off by one ulp here.
const CBRT: &str = "Rust's cbrt is correctly rounded; glibc's (CPython's) is 1 ulp off";

/// A value in a case line.
#[derive(Debug, Clone, PartialEq)]
enum Val {
    F(f64),
    I(BigInt),
    B(bool),
    None,
    Sep,
}

/// Parses `float.hex()` output exactly.
fn parse_hex_float(s: &str) -> Option<f64> {
    let (negative, body) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let sign = if negative { -1.0 } else { 1.0 };
    match body {
        "inf" => return Some(sign * f64::INFINITY),
        "nan" => return Some(f64::NAN),
        _ => {}
    }
    let body = body.strip_prefix("0x")?;
    let (mantissa, exponent) = body.split_once('p')?;
    let mut exponent: i64 = exponent.parse().ok()?;
    let (int_part, frac_part) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let mut m: u64 = 0;
    for c in int_part.chars().chain(frac_part.chars()) {
        m = m.checked_mul(16)? + u64::from(c.to_digit(16)?);
    }
    exponent -= 4 * frac_part.len() as i64;
    // m has at most 53 significant bits, so scaling by powers of two in two steps is exact
    // unless the result is subnormal, which float.hex writes with exponent -1022 and an exact
    // fraction, so a single multiplication is exact there too.
    let mut x = m as f64;
    while exponent > 0 {
        let step = exponent.min(1000);
        x *= 2f64.powi(step as i32);
        exponent -= step;
    }
    while exponent < 0 {
        let step = (-exponent).min(1000);
        x *= 2f64.powi(-(step as i32));
        exponent += step;
    }
    Some(sign * x)
}

fn parse_val(tok: &str) -> Val {
    match tok {
        "True" => Val::B(true),
        "False" => Val::B(false),
        "None" => Val::None,
        ";" => Val::Sep,
        _ if tok.contains("0x") || tok.ends_with("inf") || tok.ends_with("nan") => {
            Val::F(parse_hex_float(tok).unwrap_or_else(|| panic!("bad float {tok:?}")))
        }
        _ => Val::I(tok.parse().unwrap_or_else(|_| panic!("bad token {tok:?}"))),
    }
}

fn render(v: &Val) -> String {
    match v {
        Val::F(x) => format!("{x:e} ({:016x})", x.to_bits()),
        Val::I(n) => {
            let s = n.to_string();
            if s.len() > 40 {
                format!("{}...({} digits)", &s[..20], s.len())
            } else {
                s
            }
        }
        Val::B(b) => b.to_string(),
        Val::None => "None".into(),
        Val::Sep => ";".into(),
    }
}

fn same(a: &Val, b: &Val) -> bool {
    match (a, b) {
        (Val::F(x), Val::F(y)) => (x.is_nan() && y.is_nan()) || x.to_bits() == y.to_bits(),
        _ => a == b,
    }
}

fn f(args: &[Val], i: usize) -> f64 {
    match args.get(i) {
        Some(Val::F(x)) => *x,
        other => panic!("argument {i} should be a float, got {other:?}"),
    }
}

fn int(args: &[Val], i: usize) -> &BigInt {
    match args.get(i) {
        Some(Val::I(n)) => n,
        other => panic!("argument {i} should be an int, got {other:?}"),
    }
}

fn floats(args: &[Val]) -> Vec<f64> {
    (0..args.len()).map(|i| f(args, i)).collect()
}

fn ints(args: &[Val]) -> Vec<BigInt> {
    (0..args.len()).map(|i| int(args, i).clone()).collect()
}

fn log_arg(v: &Val) -> LogArg<'_> {
    match v {
        Val::F(x) => LogArg::Float(*x),
        Val::I(n) => LogArg::Int(n),
        other => panic!("bad log argument {other:?}"),
    }
}

fn fl(r: MathResult<f64>) -> MathResult<Vec<Val>> {
    r.map(|x| vec![Val::F(x)])
}

fn it(r: MathResult<BigInt>) -> MathResult<Vec<Val>> {
    r.map(|n| vec![Val::I(n)])
}

fn ok_f(x: f64) -> MathResult<Vec<Val>> {
    Ok(vec![Val::F(x)])
}

/// Runs one case.
fn call(name: &str, args: &[Val]) -> MathResult<Vec<Val>> {
    let x = || f(args, 0);
    let y = || f(args, 1);
    match name {
        "sqrt" => fl(math::sqrt(x())),
        "exp" => fl(math::exp(x())),
        "exp2" => fl(math::exp2(x())),
        "expm1" => fl(math::expm1(x())),
        "cbrt" => fl(math::cbrt(x())),
        "log1p" => fl(math::log1p(x())),
        "fabs" => fl(math::fabs(x())),
        "sin" => fl(math::sin(x())),
        "cos" => fl(math::cos(x())),
        "tan" => fl(math::tan(x())),
        "asin" => fl(math::asin(x())),
        "acos" => fl(math::acos(x())),
        "atan" => fl(math::atan(x())),
        "sinh" => fl(math::sinh(x())),
        "cosh" => fl(math::cosh(x())),
        "tanh" => fl(math::tanh(x())),
        "erf" => fl(math::erf(x())),
        "erfc" => fl(math::erfc(x())),
        "asinh" => fl(math::asinh(x())),
        "acosh" => fl(math::acosh(x())),
        "atanh" => fl(math::atanh(x())),
        "degrees" => ok_f(math::degrees(x())),
        "radians" => ok_f(math::radians(x())),
        "isfinite" => Ok(vec![Val::B(math::isfinite(x()))]),
        "isinf" => Ok(vec![Val::B(math::isinf(x()))]),
        "isnan" => Ok(vec![Val::B(math::isnan(x()))]),
        "floor" => it(math::floor(x())),
        "ceil" => it(math::ceil(x())),
        "trunc" => it(math::trunc(x())),
        "modf" => {
            let (a, b) = math::modf(x());
            Ok(vec![Val::F(a), Val::F(b)])
        }
        "frexp" => {
            let (m, e) = math::frexp(x());
            Ok(vec![Val::F(m), Val::I(BigInt::from(e))])
        }
        "ulp" => ok_f(math::ulp(x())),
        "pow" => fl(math::pow(x(), y())),
        "atan2" => fl(math::atan2(x(), y())),
        "copysign" => ok_f(math::copysign(x(), y())),
        "fmod" => fl(math::fmod(x(), y())),
        "remainder" => fl(math::remainder(x(), y())),
        "nextafter" => ok_f(math::nextafter(x(), y())),
        "ldexp" => fl(math::ldexp(x(), int(args, 1))),
        "log" => fl(math::log(log_arg(&args[0]), args.get(1).map(log_arg))),
        "log2" => fl(math::log2(log_arg(&args[0]))),
        "log10" => fl(math::log10(log_arg(&args[0]))),
        "fsum" => fl(math::fsum(&floats(args))),
        "hypot" => ok_f(math::hypot(&floats(args))),
        "prod" => {
            if args.iter().all(|a| matches!(a, Val::I(_))) {
                Ok(vec![Val::I(math::prod_int(&BigInt::from(1), &ints(args)))])
            } else {
                ok_f(math::prod_float(1.0, &floats(args)))
            }
        }
        "dist" => {
            let split = args
                .iter()
                .position(|a| *a == Val::Sep)
                .expect("dist separator");
            fl(math::dist(
                &floats(&args[..split]),
                &floats(&args[split + 1..]),
            ))
        }
        "isclose" => math::isclose(x(), y(), f(args, 2), f(args, 3)).map(|b| vec![Val::B(b)]),
        "gcd" => Ok(vec![Val::I(math::gcd(&ints(args)))]),
        "lcm" => Ok(vec![Val::I(math::lcm(&ints(args)))]),
        "isqrt" => it(math::isqrt(int(args, 0))),
        "factorial" => it(math::factorial(int(args, 0))),
        "comb" => it(math::comb(int(args, 0), int(args, 1))),
        "perm" => {
            let k = match &args[1] {
                Val::I(k) => Some(k),
                _ => None,
            };
            it(math::perm(int(args, 0), k))
        }
        "pi" => ok_f(math::PI),
        "e" => ok_f(math::E),
        "tau" => ok_f(math::TAU),
        "inf" => ok_f(math::INF),
        "nan" => ok_f(math::NAN),
        _ => panic!("unknown function {name}"),
    }
}

fn describe(r: &MathResult<Vec<Val>>) -> String {
    match r {
        Ok(vals) => vals.iter().map(render).collect::<Vec<_>>().join(", "),
        Err(MathError { kind, msg }) => format!("!{kind}: {msg}"),
    }
}

#[test]
fn math_matches_cpython() {
    let mut total = 0;
    let mut mismatches = Vec::new();
    let mut unexpected_matches = Vec::new();
    for line in CASES.lines().filter(|l| !l.is_empty()) {
        let mut parts = line.splitn(3, '|');
        let (name, args, expected) = match (parts.next(), parts.next(), parts.next()) {
            (Some(n), Some(a), Some(e)) => (n, a, e),
            _ => panic!("malformed line {line:?}"),
        };
        total += 1;
        let arg_vals: Vec<Val> = args.split_whitespace().map(parse_val).collect();
        let expected: MathResult<Vec<Val>> = match expected.strip_prefix('!') {
            Some(err) => {
                let (kind, msg) = err.split_once(": ").expect("error kind");
                Err(MathError {
                    kind: Box::leak(kind.to_string().into_boxed_str()),
                    msg: msg.to_string(),
                })
            }
            None => Ok(expected.split_whitespace().map(parse_val).collect()),
        };
        let got = call(name, &arg_vals);
        let matches = match (&got, &expected) {
            (Ok(a), Ok(b)) => a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same(x, y)),
            (Err(a), Err(b)) => a == b,
            _ => false,
        };
        let key = format!("{name}|{args}");
        let listed = EXPECTED_MISMATCHES.iter().any(|(k, _)| *k == key);
        if !matches && !listed {
            mismatches.push(format!(
                "{key}\n    got      {}\n    expected {}",
                describe(&got),
                describe(&expected)
            ));
        } else if matches && listed {
            unexpected_matches.push(key);
        }
    }
    println!(
        "{total} cases, {} match, {} listed as expected mismatches",
        total - mismatches.len() - EXPECTED_MISMATCHES.len() + unexpected_matches.len(),
        EXPECTED_MISMATCHES.len()
    );
    assert!(
        mismatches.is_empty() && unexpected_matches.is_empty(),
        "{} of {total} cases differ from CPython:\n{}\nnow matching but listed in \
         EXPECTED_MISMATCHES: {unexpected_matches:?}",
        mismatches.len(),
        mismatches.join("\n")
    );
}

/// Every function on awkward arguments returns without panicking, and quickly.
#[test]
fn no_panics_on_edge_inputs() {
    let floats = [
        0.0,
        -0.0,
        f64::from_bits(1),
        -f64::from_bits(1),
        f64::MIN_POSITIVE,
        f64::MAX,
        f64::MIN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
        -f64::NAN,
        f64::from_bits(0x7ff0_0000_0000_0001),
        1.0,
        -1.0,
        0.5,
        2.0f64.powi(1000),
    ];
    let huge = BigInt::from(10).pow(500);
    let ints = [
        BigInt::from(0),
        BigInt::from(-1),
        BigInt::from(i64::MAX),
        BigInt::from(i64::MIN),
        BigInt::from(u64::MAX),
        huge.clone(),
        -huge.clone(),
    ];
    let one_arg: &[fn(f64) -> MathResult<f64>] = &[
        math::sqrt,
        math::exp,
        math::exp2,
        math::expm1,
        math::cbrt,
        math::log1p,
        math::fabs,
        math::sin,
        math::cos,
        math::tan,
        math::asin,
        math::acos,
        math::atan,
        math::sinh,
        math::cosh,
        math::tanh,
        math::asinh,
        math::acosh,
        math::atanh,
        math::erf,
        math::erfc,
    ];
    for &x in &floats {
        for f in one_arg {
            let _ = f(x);
        }
        let _ = (math::floor(x), math::ceil(x), math::trunc(x));
        let _ = (math::modf(x), math::frexp(x), math::ulp(x));
        let _ = (math::degrees(x), math::radians(x));
        let _ = math::log(LogArg::Float(x), Some(LogArg::Float(x)));
        let _ = (math::log2(LogArg::Float(x)), math::log10(LogArg::Float(x)));
        for &y in &floats {
            let _ = (math::pow(x, y), math::atan2(x, y), math::fmod(x, y));
            let _ = (
                math::remainder(x, y),
                math::nextafter(x, y),
                math::copysign(x, y),
            );
            let _ = (math::hypot(&[x, y, x]), math::dist(&[x, y], &[y, x]));
            let _ = (math::fsum(&[x, y, x, y]), math::isclose(x, y, x, y));
        }
        for n in &ints {
            let _ = math::ldexp(x, n);
        }
    }
    for n in &ints {
        let _ = math::log(LogArg::Int(n), Some(LogArg::Int(n)));
        let _ = (math::isqrt(n), math::int_to_f64(n));
        if n.bits() > 64 || n.sign() == num_bigint::Sign::Minus {
            let _ = math::factorial(n);
        }
        for k in &ints {
            let _ = (
                math::gcd(&[n.clone(), k.clone()]),
                math::lcm(&[n.clone(), k.clone()]),
            );
        }
    }
    // Pairs whose answer is an error, zero or small (others would, as in CPython, take forever).
    let pairs = [
        (-huge.clone(), huge.clone()),
        (huge.clone(), -huge.clone()),
        (BigInt::from(5), huge.clone()),
        (huge.clone(), huge.clone() - 2),
        (huge.clone(), BigInt::from(i64::MAX) * 4),
        (huge.clone(), BigInt::from(3)),
        (BigInt::from(i64::MIN), BigInt::from(i64::MAX)),
    ];
    for (n, k) in &pairs {
        let _ = (
            math::comb(n, k),
            math::perm(n, Some(k)),
            math::perm(n, None),
        );
    }
    let big = math::factorial(&BigInt::from(20_000)).expect("factorial");
    assert_eq!(big.bits(), 256_909);
    let c = math::comb(&BigInt::from(20_000), &BigInt::from(10_000)).expect("comb");
    assert_eq!(c.bits(), 19_993);
}
