//! Differential tests of `gilpy::object::number` against CPython 3.11's int and float.
//!
//! `tests/numbers/cases.txt` is written by `scripts/gen_number_expectations.py` (see its
//! docstring for the line format). Every case is run, results are compared exactly (floats by
//! bit pattern, errors by class and message), and all mismatches are reported together. A
//! second test feeds pseudo-random inputs to every function to check that none panics.

use std::cmp::Ordering;
use std::panic::{AssertUnwindSafe, catch_unwind};

use gilpy::object::number::{self as num, IntOrFloat, NumError};
use num_bigint::BigInt;

const CASES: &str = include_str!("numbers/cases.txt");

/// An argument as the expectations file writes it.
#[derive(Debug, Clone)]
enum Arg {
    Int(BigInt),
    Float(f64),
    Str(String),
    Bool(bool),
    Hashes(Vec<i64>),
}

fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('\\') => out.push('\\'),
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('u') => {
                assert_eq!(chars.next(), Some('{'), "bad escape in {s:?}");
                let hex: String = chars.by_ref().take_while(|&c| c != '}').collect();
                let code = u32::from_str_radix(&hex, 16).expect("escape hex");
                out.push(char::from_u32(code).expect("escape code point"));
            }
            other => panic!("bad escape {other:?} in {s:?}"),
        }
    }
    out
}

/// The bits of a `f<repr>/<hex>` token.
fn float_bits(token: &str) -> f64 {
    let (_, hex) = token.split_once('/').expect("float token has bits");
    f64::from_bits(u64::from_str_radix(hex, 16).expect("float bits"))
}

fn parse_arg(token: &str) -> Arg {
    let (tag, body) = token.split_at(1);
    match tag {
        "i" => Arg::Int(body.parse().unwrap_or_else(|_| panic!("bad int {token:?}"))),
        "f" => Arg::Float(float_bits(body)),
        "s" => Arg::Str(unescape(body)),
        "b" => Arg::Bool(body == "1"),
        "h" if body.is_empty() => Arg::Hashes(Vec::new()),
        "h" => Arg::Hashes(
            body.split(',')
                .map(|h| h.parse().expect("hash item"))
                .collect(),
        ),
        _ => panic!("bad token {token:?}"),
    }
}

/// A value rendered canonically: what both sides are compared on.
fn render_int(v: &BigInt) -> String {
    format!("i{v}")
}

fn render_float(x: f64) -> String {
    if x.is_nan() {
        // The payload is not observable from Python; the sign is (math.copysign).
        if x.is_sign_negative() {
            "f-nan"
        } else {
            "fnan"
        }
        .to_string()
    } else {
        format!("f{:016x}", x.to_bits())
    }
}

fn render_err(e: &NumError) -> String {
    if e.kind == "Complex" {
        "complex".to_string()
    } else {
        format!("raise {}|{}", e.kind, e.msg)
    }
}

/// The expected outcome in canonical form.
fn canonical_expected(expected: &str) -> String {
    if let Some(raised) = expected.strip_prefix("raise ") {
        return format!("raise {}", unescape(raised));
    }
    if expected == "complex" {
        return expected.to_string();
    }
    let values = expected.strip_prefix("ok ").expect("ok, raise or complex");
    let rendered: Vec<String> = values
        .split(' ')
        .map(|token| match token {
            "lt" | "eq" | "gt" | "unordered" => token.to_string(),
            _ => match parse_arg(token) {
                Arg::Int(v) => render_int(&v),
                Arg::Float(x) => render_float(x),
                Arg::Str(s) => format!("s{s}"),
                Arg::Bool(b) => format!("b{}", u8::from(b)),
                Arg::Hashes(_) => panic!("hash list as a result"),
            },
        })
        .collect();
    format!("ok {}", rendered.join(" "))
}

fn int(args: &[Arg], i: usize) -> &BigInt {
    match &args[i] {
        Arg::Int(v) => v,
        other => panic!("argument {i} should be an int: {other:?}"),
    }
}

fn float(args: &[Arg], i: usize) -> f64 {
    match &args[i] {
        Arg::Float(x) => *x,
        other => panic!("argument {i} should be a float: {other:?}"),
    }
}

fn small(args: &[Arg], i: usize) -> i64 {
    int(args, i).try_into().expect("small int argument")
}

fn ok_int(r: Result<BigInt, NumError>) -> String {
    r.map_or_else(|e| render_err(&e), |v| format!("ok {}", render_int(&v)))
}

fn ok_float(r: Result<f64, NumError>) -> String {
    r.map_or_else(|e| render_err(&e), |x| format!("ok {}", render_float(x)))
}

fn ok_ints(r: Result<(BigInt, BigInt), NumError>) -> String {
    r.map_or_else(
        |e| render_err(&e),
        |(a, b)| format!("ok {} {}", render_int(&a), render_int(&b)),
    )
}

/// Runs one case and renders its outcome canonically.
fn run(op: &str, args: &[Arg]) -> String {
    match op {
        "int_from_str" => {
            let Arg::Str(s) = &args[0] else {
                panic!("int_from_str takes a str")
            };
            let base = u32::try_from(small(args, 1)).expect("base");
            ok_int(num::int_from_str(s, base))
        }
        "float_from_str" => {
            let Arg::Str(s) = &args[0] else {
                panic!("float_from_str takes a str")
            };
            ok_float(num::float_from_str(s))
        }
        "int_to_str" => {
            let radix = u32::try_from(small(args, 1)).expect("radix");
            num::int_to_str_radix(int(args, 0), radix)
                .map_or_else(|e| render_err(&e), |s| format!("ok s{s}"))
        }
        "int_divmod" => ok_ints(num::int_divmod(int(args, 0), int(args, 1))),
        "int_floordiv" => ok_int(num::int_floordiv(int(args, 0), int(args, 1))),
        "int_mod" => ok_int(num::int_mod(int(args, 0), int(args, 1))),
        "int_pow" => match num::int_pow(int(args, 0), int(args, 1)) {
            Ok(IntOrFloat::Int(v)) => format!("ok {}", render_int(&v)),
            Ok(IntOrFloat::Float(x)) => format!("ok {}", render_float(x)),
            Err(e) => render_err(&e),
        },
        "int_pow_mod" => ok_int(num::int_pow_mod(int(args, 0), int(args, 1), int(args, 2))),
        "int_true_div" => ok_float(num::int_true_div(int(args, 0), int(args, 1))),
        "int_to_float" => ok_float(num::int_to_float(int(args, 0))),
        "int_round" => ok_int(Ok(num::int_round(int(args, 0), small(args, 1)))),
        "int_and" => ok_int(Ok(num::int_and(int(args, 0), int(args, 1)))),
        "int_or" => ok_int(Ok(num::int_or(int(args, 0), int(args, 1)))),
        "int_xor" => ok_int(Ok(num::int_xor(int(args, 0), int(args, 1)))),
        "int_invert" => ok_int(Ok(num::int_invert(int(args, 0)))),
        "int_bit_length" => ok_int(Ok(BigInt::from(num::int_bit_length(int(args, 0))))),
        "int_lshift" => ok_int(num::int_lshift(int(args, 0), int(args, 1))),
        "int_rshift" => ok_int(num::int_rshift(int(args, 0), int(args, 1))),
        "float_div" => ok_float(num::float_div(float(args, 0), float(args, 1))),
        "float_floordiv" => ok_float(num::float_floordiv(float(args, 0), float(args, 1))),
        "float_mod" => ok_float(num::float_mod(float(args, 0), float(args, 1))),
        "float_divmod" => num::float_divmod(float(args, 0), float(args, 1)).map_or_else(
            |e| render_err(&e),
            |(q, r)| format!("ok {} {}", render_float(q), render_float(r)),
        ),
        "float_pow" => ok_float(num::float_pow(float(args, 0), float(args, 1))),
        "float_round_to_int" => ok_int(num::float_round_to_int(float(args, 0))),
        "float_round" => ok_float(num::float_round(float(args, 0), small(args, 1))),
        "float_floor" => ok_int(num::float_floor(float(args, 0))),
        "float_ceil" => ok_int(num::float_ceil(float(args, 0))),
        "float_to_int" => ok_int(num::float_to_int(float(args, 0))),
        "cmp_int_float" => {
            let word = match num::cmp_int_float(int(args, 0), float(args, 1)) {
                Some(Ordering::Less) => "lt",
                Some(Ordering::Equal) => "eq",
                Some(Ordering::Greater) => "gt",
                None => "unordered",
            };
            format!("ok {word}")
        }
        "hash_int" => ok_int(Ok(num::hash_int(int(args, 0)).into())),
        "hash_bool" => {
            let Arg::Bool(b) = args[0] else {
                panic!("hash_bool takes a bool")
            };
            ok_int(Ok(num::hash_bool(b).into()))
        }
        "hash_float" => {
            let identity = usize::try_from(int(args, 1)).expect("identity");
            ok_int(Ok(num::hash_float(float(args, 0), identity).into()))
        }
        "hash_tuple" => {
            let Arg::Hashes(items) = &args[0] else {
                panic!("hash_tuple takes item hashes")
            };
            ok_int(Ok(num::hash_tuple(items).into()))
        }
        _ => panic!("unknown operation {op:?}"),
    }
}

/// Shortens a long text for the report.
fn clip(s: &str) -> String {
    if s.chars().count() <= 160 {
        s.to_string()
    } else {
        let head: String = s.chars().take(160).collect();
        format!("{head}... ({} chars)", s.chars().count())
    }
}

#[test]
fn numbers_match_cpython() {
    let mut total = 0;
    let mut failures = Vec::new();
    for (index, line) in CASES.lines().enumerate() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        total += 1;
        let fields: Vec<&str> = line.split('\t').collect();
        let (op, rest) = fields.split_first().expect("operation");
        let (expected, raw_args) = rest.split_last().expect("expectation");
        let args: Vec<Arg> = raw_args.iter().map(|a| parse_arg(a)).collect();
        let expected = canonical_expected(expected);
        let actual = catch_unwind(AssertUnwindSafe(|| run(op, &args)))
            .unwrap_or_else(|_| "PANIC".to_string());
        if actual != expected {
            failures.push(format!(
                "line {}: {op} {}\n    expected {}\n    got      {}",
                index + 1,
                clip(&raw_args.join(" ")),
                clip(&expected),
                clip(&actual)
            ));
        }
    }
    assert!(total > 0, "no cases read");
    println!("{} of {total} cases match CPython", total - failures.len());
    assert!(
        failures.is_empty(),
        "{} of {total} cases differ from CPython:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// A small deterministic generator (xorshift64*) for the no-panic test.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn float(&mut self) -> f64 {
        const SPECIAL: [f64; 8] = [
            0.0,
            -0.0,
            1.0,
            -1.0,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            0.5,
        ];
        if self.below(4) == 0 {
            SPECIAL[self.below(SPECIAL.len())]
        } else {
            f64::from_bits(self.next())
        }
    }

    fn int(&mut self) -> BigInt {
        let words: Vec<u32> = (0..self.below(40)).map(|_| self.next() as u32).collect();
        let v = BigInt::from_slice(num_bigint::Sign::Plus, &words) >> self.below(32);
        if self.below(2) == 0 { -v } else { v }
    }

    fn text(&mut self) -> String {
        const PIECES: [&str; 24] = [
            "0",
            "1",
            "7",
            "9",
            "a",
            "f",
            "z",
            "x",
            "o",
            "b",
            "_",
            "-",
            "+",
            ".",
            "e",
            " ",
            "\t",
            "inf",
            "nan",
            "\u{661}",
            "\u{a0}",
            "\u{e9}",
            "0x",
            "\u{1d7ce}",
        ];
        (0..self.below(12))
            .map(|_| PIECES[self.below(PIECES.len())])
            .collect()
    }
}

#[test]
fn no_input_panics() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for _ in 0..20_000 {
        let s = rng.text();
        let base = [0, 1, 2, 8, 10, 16, 36, 37][rng.below(8)];
        let _ = num::int_from_str(&s, base);
        let _ = num::float_from_str(&s);
        let (x, y) = (rng.float(), rng.float());
        let _ = num::float_div(x, y);
        let _ = num::float_floordiv(x, y);
        let _ = num::float_mod(x, y);
        let _ = num::float_divmod(x, y);
        let _ = num::float_pow(x, y);
        let _ = num::float_round(x, rng.below(700) as i64 - 350);
        let _ = num::float_round_to_int(x);
        let _ = num::float_floor(x);
        let _ = num::float_ceil(x);
        let _ = num::float_to_int(x);
        let _ = num::hash_float(x, rng.next() as usize);
        let (a, b) = (rng.int(), rng.int());
        let _ = num::cmp_int_float(&a, x);
        let _ = num::int_to_float(&a);
        let _ = num::int_true_div(&a, &b);
        let _ = num::int_divmod(&a, &b);
        let _ = num::int_floordiv(&a, &b);
        let _ = num::int_mod(&a, &b);
        let small = BigInt::from(rng.below(70) as i64 - 5);
        let _ = num::int_pow(&a, &small);
        let _ = num::int_pow_mod(&a, &b, &small);
        let _ = num::int_pow_mod(&a, &small, &b);
        let _ = num::int_round(&a, rng.below(400) as i64 - 390);
        let _ = num::int_lshift(&a, &small);
        let _ = num::int_rshift(&a, &b);
        let _ = num::int_to_str_radix(&a, [2, 8, 10, 16, 0, 3][rng.below(6)]);
        let _ = num::hash_int(&a);
        let _ = num::hash_tuple(&[rng.next() as i64, num::hash_int(&b)]);
    }
}
