//! Differential tests of `gilpy::modules::random` against CPython 3.11's `random.Random`.
//!
//! `tests/random/cases.txt` is written by `scripts/gen_random_expectations.py` (see its
//! docstring for the line format); every line is replayed in order on one generator and every
//! result, float bit pattern and error message must agree exactly.

use gilpy::modules::random::{ExcKind, Random, RandomError, RandomState};
use num_bigint::BigInt;

const CASES: &str = include_str!("random/cases.txt");

/// What a replayed call produced, rendered like the expectations file renders CPython's.
type Outcome = Result<String, RandomError>;

fn int(s: &str) -> BigInt {
    s.parse().unwrap_or_else(|_| panic!("bad int {s:?}"))
}

fn usize_arg(s: &str) -> usize {
    s.parse().unwrap_or_else(|_| panic!("bad count {s:?}"))
}

/// Parses `REPR HEXBITS`, checking that the repr round-trips to the recorded bits.
fn float(s: &str) -> f64 {
    let (repr, bits) = s.split_once([' ', '/']).unwrap_or((s, ""));
    let value: f64 = repr.parse().unwrap_or_else(|_| panic!("bad float {s:?}"));
    if !bits.is_empty() {
        let bits = u64::from_str_radix(bits, 16).expect("float bits");
        assert_eq!(value.to_bits(), bits, "repr {repr} does not round-trip");
    }
    value
}

fn render_float(x: f64) -> String {
    format!("{:016x}", x.to_bits())
}

fn render_list(items: &[usize]) -> String {
    items
        .iter()
        .map(|i| i.to_string())
        .collect::<Vec<_>>()
        .join(" ")
}

fn hex_bytes(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).expect("hex byte"))
        .collect()
}

fn parse_state(s: &str) -> RandomState {
    let mut parts = s.split(' ');
    let index = usize_arg(parts.next().expect("index"));
    let gauss_next = match parts.next().expect("gauss_next") {
        "None" => None,
        g => Some(float(g)),
    };
    let words = parts
        .map(|w| w.parse().expect("state word"))
        .collect::<Vec<u32>>();
    RandomState {
        words,
        index,
        gauss_next,
    }
}

fn render_state(state: &RandomState) -> String {
    let gauss = match state.gauss_next {
        None => "None".to_string(),
        Some(g) => format!("{g:?}/{:016x}", g.to_bits()),
    };
    let mut out = format!("{} {gauss}", state.index);
    for w in &state.words {
        out.push(' ');
        out.push_str(&w.to_string());
    }
    out
}

/// Runs one line's call, returning what it produced.
fn replay(rng: &mut Random, op: &str, args: &[&str]) -> Outcome {
    let big = |i: usize| int(args[i]);
    let real = |i: usize| float(args[i]);
    Ok(match op {
        "seed" => {
            match args[0] {
                "int" => rng.seed(&big(1)),
                "str" => rng.seed_str(std::str::from_utf8(&hex_bytes(args[1])).expect("utf-8")),
                "bytes" => rng.seed_bytes(&hex_bytes(args[1])),
                other => panic!("unknown seed kind {other}"),
            }
            "-".to_string()
        }
        "random" => render_float(rng.random()),
        "uniform" => render_float(rng.uniform(real(0), real(1))),
        "gauss" => render_float(rng.gauss(real(0), real(1))),
        "normalvariate" => render_float(rng.normalvariate(real(0), real(1))),
        "randint" => rng.randint(&big(0), &big(1))?.to_string(),
        "randrange" => {
            let stop = (args[1] != "None").then(|| big(1));
            rng.randrange(&big(0), stop.as_ref(), &big(2))?.to_string()
        }
        "getrandbits" => rng.getrandbits(&big(0))?.to_string(),
        "choice" => rng.choice_index(usize_arg(args[0]))?.to_string(),
        "shuffle" => render_list(&rng.shuffle_indices(usize_arg(args[0]))?),
        "sample" => {
            let k = args[1].parse().expect("sample size");
            render_list(&rng.sample_indices(usize_arg(args[0]), k)?)
        }
        "state" => render_state(&rng.getstate()),
        "setstate" => {
            rng.setstate(&parse_state(&args.join(" ")))?;
            "-".to_string()
        }
        "setstate_bad" => {
            let (len, index) = (usize_arg(args[0]), usize_arg(args[1]));
            let words = (0..len as u32).collect();
            rng.setstate(&RandomState {
                words,
                index,
                gauss_next: None,
            })?;
            "None".to_string()
        }
        other => panic!("unknown op {other}"),
    })
}

/// Turns an expectation into the form [`replay`] renders, so the two compare as strings.
fn normalize_expected(op: &str, expected: &str) -> String {
    match op {
        "random" | "uniform" | "gauss" | "normalvariate" => render_float(float(expected)),
        "state" => render_state(&parse_state(expected)),
        _ => expected.to_string(),
    }
}

fn render_outcome(outcome: &Outcome) -> String {
    match outcome {
        Ok(s) => s.clone(),
        Err(e) => format!("raise {}|{}", e.kind, e.message),
    }
}

/// Counts the individual values a line checks (list items and state words count one each).
fn values_in(op: &str, expected: &str) -> usize {
    match op {
        "seed" | "setstate" => 0,
        "shuffle" | "sample" | "state" if !expected.starts_with("raise ") => {
            expected.split(' ').filter(|s| !s.is_empty()).count()
        }
        _ => 1,
    }
}

#[test]
fn sequences_match_cpython() {
    let mut rng = Random::with_seed(&BigInt::from(0));
    let mut calls = 0usize;
    let mut values = 0usize;
    let mut failures = Vec::new();
    for (lineno, line) in CASES.lines().enumerate() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        assert_eq!(fields.len(), 3, "line {}: {line:?}", lineno + 1);
        let (op, args, expected) = (fields[0], fields[1], fields[2]);
        let args: Vec<&str> = args.split(' ').collect();
        let got = render_outcome(&replay(&mut rng, op, &args));
        let want = normalize_expected(op, expected);
        if op != "seed" && op != "setstate" {
            calls += 1;
            values += values_in(op, expected);
        }
        if got != want {
            let clip = |s: &str| s.chars().take(160).collect::<String>();
            failures.push(format!(
                "line {}: {op} {}\n   want {}\n    got {}",
                lineno + 1,
                clip(&args.join(" ")),
                clip(&want),
                clip(&got)
            ));
        }
    }
    println!("checked {calls} calls, {values} values");
    assert!(calls > 2000, "too few cases: {calls}");
    assert!(
        failures.is_empty(),
        "{} of {calls} calls differ from CPython:\n{}",
        failures.len(),
        failures[..failures.len().min(20)].join("\n")
    );
}

#[test]
fn float_repr_of_first_value() {
    // random.Random(0).random() == 0.8444218515250481 in CPython.
    let mut rng = Random::with_seed(&BigInt::from(0));
    assert_eq!(rng.random(), 0.8444218515250481);
    let mut rng = Random::with_str_seed("hello");
    assert_eq!(format!("{:?}", rng.random()), "0.3537754404730722");
}

#[test]
fn shuffle_permutes_any_slice_like_shuffle_indices() {
    let mut a = Random::with_seed(&BigInt::from(42));
    let mut b = a.clone();
    let mut words = ["a", "b", "c", "d", "e", "f", "g"];
    a.shuffle(&mut words);
    let order = b.shuffle_indices(7).unwrap();
    let expected: Vec<&str> = order
        .iter()
        .map(|&i| ["a", "b", "c", "d", "e", "f", "g"][i])
        .collect();
    assert_eq!(words.to_vec(), expected);
    assert_eq!(a.random().to_bits(), b.random().to_bits());
}

#[test]
fn entropy_seeding_differs_between_generators() {
    let mut a = Random::new();
    let mut b = Random::default();
    let xs: Vec<u32> = (0..8).map(|_| a.next_u32()).collect();
    let ys: Vec<u32> = (0..8).map(|_| b.next_u32()).collect();
    assert_ne!(xs, ys);
    let mut c = Random::with_seed(&BigInt::from(5));
    c.seed_from_entropy();
    assert_ne!(c.getstate(), Random::with_seed(&BigInt::from(5)).getstate());
}

#[test]
fn getstate_setstate_round_trip() {
    let mut a = Random::with_seed(&BigInt::from(99));
    a.gauss(0.0, 1.0);
    let saved = a.getstate();
    assert!(saved.gauss_next.is_some());
    let first: Vec<u64> = (0..5).map(|_| a.gauss(1.0, 2.0).to_bits()).collect();
    let mut b = Random::with_seed(&BigInt::from(1));
    b.setstate(&saved).unwrap();
    let second: Vec<u64> = (0..5).map(|_| b.gauss(1.0, 2.0).to_bits()).collect();
    assert_eq!(first, second);
}

#[test]
fn errors_have_python_kinds_and_display() {
    let mut rng = Random::with_seed(&BigInt::from(0));
    let err = rng
        .randrange(&BigInt::from(5), Some(&BigInt::from(3)), &BigInt::from(1))
        .unwrap_err();
    assert_eq!(err.kind, ExcKind::ValueError);
    assert_eq!(
        err.to_string(),
        "ValueError: empty range for randrange() (5, 3, -2)"
    );
    let err = rng.choice_index(0).unwrap_err();
    assert_eq!(
        err.to_string(),
        "IndexError: Cannot choose from an empty sequence"
    );
    // A failed call draws nothing: the stream continues as if it never happened.
    let mut fresh = Random::with_seed(&BigInt::from(0));
    assert_eq!(rng.random().to_bits(), fresh.random().to_bits());
}

#[test]
fn degenerate_arguments_do_not_panic() {
    let mut rng = Random::with_seed(&BigInt::from(3));
    assert_eq!(rng.randbelow(&BigInt::from(0)), BigInt::from(0));
    assert_eq!(rng.randbelow(&BigInt::from(-4)), BigInt::from(0));
    assert_eq!(rng.randbelow_usize(0), 0);
    let err = rng.sample_indices(usize::MAX, i64::MAX).unwrap_err();
    assert_eq!(err.kind, ExcKind::MemoryError);
    assert_eq!(
        rng.shuffle_indices(usize::MAX).unwrap_err().kind,
        ExcKind::MemoryError
    );
    let picks = rng.sample_indices(usize::MAX, 3).unwrap();
    assert_eq!(picks.len(), 3);
    let big = BigInt::from(1) << 200u32;
    assert!(rng.randbelow(&big) < big);
}
