//! Differential tests of `gilpy::object::text` against CPython 3.11's answers recorded in
//! `tests/text/cases.txt` (written by `scripts/gen_text_expectations.py`; its docstring
//! describes the format). Every mismatch is reported at once.

use gilpy::object::text::{self, TextError};

/// Why the cases below differ: Rust's standard library carries a newer Unicode than
/// CPython 3.11 (Unicode 14), which later gave these letters case pairs or the Lowercase
/// property (or, for U+0295, took it away).
const NEWER_UNICODE: &str = "Rust std case tables are newer than Unicode 14";

/// Cases known not to match, as (check label, reason). The test fails if one starts
/// matching, so the list stays honest.
const EXPECTED_MISMATCHES: &[(&str, &str)] = &[
    ("sweep\tislower\t295", NEWER_UNICODE),
    ("sweep\tislower\t10fc", NEWER_UNICODE),
    ("sweep\tislower\ta7f2", NEWER_UNICODE),
    ("sweep\tislower\ta7f3", NEWER_UNICODE),
    ("sweep\tislower\ta7f4", NEWER_UNICODE),
    ("sweep\tislower\tab69", NEWER_UNICODE),
    ("map\tupper\t19b", NEWER_UNICODE),
    ("map\tupper\t264", NEWER_UNICODE),
    ("map\tupper\ta7d3", NEWER_UNICODE),
    ("map\tupper\ta7d5", NEWER_UNICODE),
    ("map\ttitle\t19b", NEWER_UNICODE),
    ("map\ttitle\t264", NEWER_UNICODE),
    ("map\ttitle\ta7d3", NEWER_UNICODE),
    ("map\ttitle\ta7d5", NEWER_UNICODE),
    ("map\tcapitalize\t19b", NEWER_UNICODE),
    ("map\tcapitalize\t264", NEWER_UNICODE),
    ("map\tcapitalize\ta7d3", NEWER_UNICODE),
    ("map\tcapitalize\ta7d5", NEWER_UNICODE),
    ("map\tswapcase\t19b", NEWER_UNICODE),
    ("map\tswapcase\t264", NEWER_UNICODE),
    ("map\tswapcase\ta7d3", NEWER_UNICODE),
    ("map\tswapcase\ta7d5", NEWER_UNICODE),
];

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    S(String),
    I(i64),
    N,
    B(bool),
    L(Vec<Tok>),
    E(String),
}

fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut it = s.chars();
    while let Some(c) = it.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match it.next() {
            Some('\\') => out.push('\\'),
            Some('u') => {
                let hex: String = it.by_ref().skip(1).take_while(|&c| c != '}').collect();
                let v = u32::from_str_radix(&hex, 16).expect("bad \\u escape");
                out.push(char::from_u32(v).expect("bad code point"));
            }
            other => panic!("bad escape {other:?} in {s:?}"),
        }
    }
    out
}

fn parse_tok<'a>(it: &mut impl Iterator<Item = &'a str>) -> Tok {
    let t = it.next().expect("missing token");
    let (head, rest) = t.split_at(1);
    match head {
        "S" => Tok::S(unescape(rest)),
        "I" => Tok::I(rest.parse().unwrap_or(if rest.starts_with('-') {
            i64::MIN
        } else {
            i64::MAX
        })),
        "N" => Tok::N,
        "T" => Tok::B(true),
        "F" => Tok::B(false),
        "L" => {
            let n: usize = rest.parse().expect("bad list length");
            Tok::L((0..n).map(|_| parse_tok(it)).collect())
        }
        "E" => Tok::E(unescape(rest)),
        _ => panic!("bad token {t:?}"),
    }
}

fn s(t: &Tok) -> &str {
    match t {
        Tok::S(s) => s,
        _ => panic!("expected a string, got {t:?}"),
    }
}

fn oi(t: &Tok) -> Option<i64> {
    match t {
        Tok::I(i) => Some(*i),
        Tok::N => None,
        _ => panic!("expected an int or None, got {t:?}"),
    }
}

fn i(t: &Tok) -> i64 {
    oi(t).expect("expected an int")
}

fn os(t: &Tok) -> Option<&str> {
    match t {
        Tok::N => None,
        _ => Some(s(t)),
    }
}

fn strs(t: &Tok) -> Vec<&str> {
    match t {
        Tok::L(v) => v.iter().map(s).collect(),
        _ => panic!("expected a list, got {t:?}"),
    }
}

fn st(v: impl Into<String>) -> Tok {
    Tok::S(v.into())
}

fn list(v: Vec<String>) -> Tok {
    Tok::L(v.into_iter().map(Tok::S).collect())
}

fn res<T>(r: Result<T, TextError>, f: impl FnOnce(T) -> Tok) -> Tok {
    match r {
        Ok(v) => f(v),
        Err(e) => Tok::E(format!("{}:{}", e.kind, e.msg)),
    }
}

fn triple(t: (String, String, String)) -> Tok {
    list(vec![t.0, t.1, t.2])
}

/// Runs one recorded call through the Rust implementation.
fn run(method: &str, a: &[Tok]) -> Tok {
    let arg = |k: usize| a.get(k).unwrap_or(&Tok::N);
    let recv = || s(&a[0]);
    match method {
        "repr" => st(text::repr_str(recv())),
        "ascii" => st(text::ascii_str(recv())),
        "upper" => st(text::upper(recv())),
        "lower" => st(text::lower(recv())),
        "casefold" => st(text::casefold(recv())),
        "title" => st(text::title(recv())),
        "capitalize" => st(text::capitalize(recv())),
        "swapcase" => st(text::swapcase(recv())),
        "isdigit" => Tok::B(text::isdigit(recv())),
        "isdecimal" => Tok::B(text::isdecimal(recv())),
        "isnumeric" => Tok::B(text::isnumeric(recv())),
        "isalpha" => Tok::B(text::isalpha(recv())),
        "isalnum" => Tok::B(text::isalnum(recv())),
        "isspace" => Tok::B(text::isspace(recv())),
        "isupper" => Tok::B(text::isupper(recv())),
        "islower" => Tok::B(text::islower(recv())),
        "istitle" => Tok::B(text::istitle(recv())),
        "isidentifier" => Tok::B(text::isidentifier(recv())),
        "isascii" => Tok::B(text::isascii(recv())),
        "isprintable" => Tok::B(text::isprintable(recv())),
        "split" | "rsplit" => {
            let sep = os(arg(1));
            let n = oi(arg(2)).unwrap_or(-1);
            let f = if method == "split" {
                text::split
            } else {
                text::rsplit
            };
            res(f(recv(), sep, n), list)
        }
        "splitlines" => list(text::splitlines(recv(), matches!(arg(1), Tok::B(true)))),
        "strip" => st(text::strip(recv(), os(arg(1)))),
        "lstrip" => st(text::lstrip(recv(), os(arg(1)))),
        "rstrip" => st(text::rstrip(recv(), os(arg(1)))),
        "expandtabs" => res(text::expandtabs(recv(), i(arg(1))), st),
        "center" => res(text::center(recv(), i(arg(1)), s(arg(2))), st),
        "ljust" => res(text::ljust(recv(), i(arg(1)), s(arg(2))), st),
        "rjust" => res(text::rjust(recv(), i(arg(1)), s(arg(2))), st),
        "zfill" => res(text::zfill(recv(), i(arg(1))), st),
        "slice" => res(
            text::char_slice(recv(), oi(arg(1)), oi(arg(2)), oi(arg(3))),
            st,
        ),
        "partition" => res(text::partition(recv(), s(arg(1))), triple),
        "rpartition" => res(text::rpartition(recv(), s(arg(1))), triple),
        "join" => {
            let items = strs(arg(1));
            st(text::join(recv(), &items))
        }
        "replace" => res(text::replace(recv(), s(arg(1)), s(arg(2)), i(arg(3))), st),
        "find" => Tok::I(text::find(recv(), s(arg(1)), oi(arg(2)), oi(arg(3)))),
        "rfind" => Tok::I(text::rfind(recv(), s(arg(1)), oi(arg(2)), oi(arg(3)))),
        "count" => Tok::I(text::count(recv(), s(arg(1)), oi(arg(2)), oi(arg(3)))),
        "index" => res(
            text::index(recv(), s(arg(1)), oi(arg(2)), oi(arg(3))),
            Tok::I,
        ),
        "rindex" => res(
            text::rindex(recv(), s(arg(1)), oi(arg(2)), oi(arg(3))),
            Tok::I,
        ),
        "startswith" => Tok::B(text::startswith(
            recv(),
            &strs(arg(1)),
            oi(arg(2)),
            oi(arg(3)),
        )),
        "endswith" => Tok::B(text::endswith(
            recv(),
            &strs(arg(1)),
            oi(arg(2)),
            oi(arg(3)),
        )),
        "removeprefix" => st(text::removeprefix(recv(), s(arg(1)))),
        "removesuffix" => st(text::removesuffix(recv(), s(arg(1)))),
        "mul" => res(text::repeat(recv(), i(arg(1))), st),
        _ => panic!("unknown method {method}"),
    }
}

fn parse_ranges(r: &str) -> Vec<(u32, u32)> {
    r.split(',')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (a, b) = p.split_once('-').unwrap_or((p, p));
            (
                u32::from_str_radix(a, 16).unwrap(),
                u32::from_str_radix(b, 16).unwrap(),
            )
        })
        .collect()
}

fn predicate(name: &str) -> fn(&str) -> bool {
    match name {
        "isprintable" => text::isprintable,
        "isdigit" => text::isdigit,
        "isdecimal" => text::isdecimal,
        "isnumeric" => text::isnumeric,
        "isalpha" => text::isalpha,
        "isalnum" => text::isalnum,
        "isspace" => text::isspace,
        "isupper" => text::isupper,
        "islower" => text::islower,
        "istitle" => text::istitle,
        "isidentifier" => text::isidentifier,
        "xid_continue" => |s: &str| text::isidentifier(&format!("a{s}")),
        _ => panic!("unknown predicate {name}"),
    }
}

fn mapping(name: &str) -> fn(&str) -> String {
    match name {
        "upper" => text::upper,
        "lower" => text::lower,
        "casefold" => text::casefold,
        "title" => text::title,
        "capitalize" => text::capitalize,
        "swapcase" => text::swapcase,
        _ => panic!("unknown mapping {name}"),
    }
}

#[test]
fn text_methods_match_cpython() {
    let data =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/text/cases.txt"))
            .expect("tests/text/cases.txt (run scripts/gen_text_expectations.py)");
    let mut universe: Vec<char> = Vec::new();
    // Each check: (its label, as EXPECTED_MISMATCHES names it; matched?; detail).
    let mut checks: Vec<(String, bool, String)> = Vec::new();
    for line in data.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        match fields[0] {
            "call" => {
                let eq = fields.iter().position(|&f| f == "=").expect("no =");
                let mut it = fields[2..eq].iter().copied().peekable();
                let mut args = Vec::new();
                while it.peek().is_some() {
                    args.push(parse_tok(&mut it));
                }
                let want = parse_tok(&mut fields[eq + 1..].iter().copied());
                let got = run(fields[1], &args);
                let label = line.split("\t=\t").next().unwrap_or(line).to_string();
                checks.push((label, got == want, format!("want {want:?}, got {got:?}")));
            }
            "universe" => {
                universe = parse_ranges(fields[1])
                    .into_iter()
                    .flat_map(|(a, b)| (a..=b).filter_map(char::from_u32))
                    .collect();
            }
            "sweep" => {
                let pred = predicate(fields[1]);
                let truth = parse_ranges(fields.get(2).copied().unwrap_or(""));
                let want = |c: char| truth.iter().any(|&(a, b)| a <= c as u32 && c as u32 <= b);
                for &c in &universe {
                    let w = want(c);
                    let g = pred(&c.to_string());
                    checks.push((
                        format!("sweep\t{}\t{:x}", fields[1], c as u32),
                        g == w,
                        format!("want {w}, got {g}"),
                    ));
                }
            }
            "map" => {
                let f = mapping(fields[1]);
                let mut want = std::collections::HashMap::new();
                for pair in &fields[2..] {
                    let (cp, t) = pair.split_once(':').expect("bad map pair");
                    want.insert(u32::from_str_radix(cp, 16).unwrap(), unescape(&t[1..]));
                }
                for &c in &universe {
                    let w = want
                        .get(&(c as u32))
                        .cloned()
                        .unwrap_or_else(|| c.to_string());
                    let g = f(&c.to_string());
                    checks.push((
                        format!("map\t{}\t{:x}", fields[1], c as u32),
                        g == w,
                        format!("want {w:?}, got {g:?}"),
                    ));
                }
            }
            other => panic!("unknown record {other}"),
        }
    }
    let mut failures = Vec::new();
    let mut expected_seen = vec![false; EXPECTED_MISMATCHES.len()];
    let mut matched = 0;
    for (label, ok, detail) in &checks {
        let known = EXPECTED_MISMATCHES.iter().position(|(p, _)| label == p);
        match (ok, known) {
            (true, None) => matched += 1,
            (false, Some(k)) => expected_seen[k] = true,
            (true, Some(k)) => failures.push(format!(
                "now matches, drop from EXPECTED_MISMATCHES ({}): {label:?}",
                EXPECTED_MISMATCHES[k].1
            )),
            (false, None) => failures.push(format!("{label:?}: {detail}")),
        }
    }
    for (k, seen) in expected_seen.iter().enumerate() {
        if !seen {
            failures.push(format!(
                "EXPECTED_MISMATCHES entry {:?} matched no failing case",
                EXPECTED_MISMATCHES[k].0
            ));
        }
    }
    eprintln!(
        "{} checks, {matched} match, {} expected mismatches",
        checks.len(),
        expected_seen.iter().filter(|&&s| s).count()
    );
    assert!(
        failures.is_empty(),
        "{} problem(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}
