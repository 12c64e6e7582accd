//! Differential tests of `gilpy::object::bytes` against CPython 3.11's answers recorded in
//! `tests/bytes/cases.txt` (written by `scripts/gen_bytes_expectations.py`; its docstring
//! describes the format). Every mismatch is reported at once.

use gilpy::object::bytes::{self as by, BytesError};

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    B(Vec<u8>),
    S(String),
    I(i64),
    N,
    Bool(bool),
    L(Vec<Tok>),
    E(String, String),
}

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len() / 2)
        .map(|k| u8::from_str_radix(&s[2 * k..2 * k + 2], 16).expect("hex"))
        .collect()
}

fn parse<'a>(it: &mut impl Iterator<Item = &'a str>) -> Tok {
    let t = it.next().expect("token");
    match t {
        "N" => Tok::N,
        "T" => Tok::Bool(true),
        "F" => Tok::Bool(false),
        _ => {
            let (kind, rest) = t.split_once(':').expect("kind");
            match kind {
                "b" => Tok::B(unhex(rest)),
                "s" => Tok::S(String::from_utf8(unhex(rest)).expect("utf-8")),
                "i" => Tok::I(rest.parse().expect("int")),
                "L" => {
                    let n: usize = rest.parse().expect("len");
                    Tok::L((0..n).map(|_| parse(it)).collect())
                }
                "E" => {
                    let (ty, msg) = rest.split_once(':').expect("exc");
                    Tok::E(ty.into(), String::from_utf8(unhex(msg)).expect("utf-8"))
                }
                _ => panic!("bad token {t}"),
            }
        }
    }
}

fn b(t: &Tok) -> &[u8] {
    match t {
        Tok::B(v) => v,
        _ => panic!("want bytes, got {t:?}"),
    }
}

fn s(t: &Tok) -> &str {
    match t {
        Tok::S(v) => v,
        _ => panic!("want str, got {t:?}"),
    }
}

fn ob(t: &Tok) -> Option<&[u8]> {
    (t != &Tok::N).then(|| b(t))
}

fn oi(t: &Tok) -> Option<i64> {
    match t {
        Tok::I(v) => Some(*v),
        _ => None,
    }
}

fn err(e: BytesError) -> Tok {
    Tok::E(e.type_name().into(), e.message().into())
}

fn res<T>(r: Result<T, BytesError>, f: impl FnOnce(T) -> Tok) -> Tok {
    r.map_or_else(err, f)
}

fn list(v: Vec<Vec<u8>>) -> Tok {
    Tok::L(v.into_iter().map(Tok::B).collect())
}

fn run(op: &str, a: &[Tok]) -> Tok {
    match op {
        "decode" => res(by::decode(b(&a[0]), s(&a[1]), s(&a[2])), Tok::S),
        "encode" => res(by::encode(s(&a[0]), s(&a[1]), s(&a[2])), Tok::B),
        "repr" => Tok::S(by::repr_bytes(b(&a[0]))),
        "hex" => {
            let sep = (a[1] != Tok::N).then(|| s(&a[1]));
            res(by::hex(b(&a[0]), sep, oi(&a[2]).unwrap_or(1)), Tok::S)
        }
        "fromhex" => res(by::fromhex(s(&a[0])), Tok::B),
        "split" => res(
            by::split(b(&a[0]), ob(&a[1]), oi(&a[2]).unwrap_or(-1)),
            list,
        ),
        "rsplit" => res(
            by::rsplit(b(&a[0]), ob(&a[1]), oi(&a[2]).unwrap_or(-1)),
            list,
        ),
        "strip" => Tok::B(by::strip(b(&a[0]), ob(&a[1]))),
        "lstrip" => Tok::B(by::lstrip(b(&a[0]), ob(&a[1]))),
        "rstrip" => Tok::B(by::rstrip(b(&a[0]), ob(&a[1]))),
        "replace" => Tok::B(by::replace(
            b(&a[0]),
            b(&a[1]),
            b(&a[2]),
            oi(&a[3]).unwrap_or(-1),
        )),
        "find" => Tok::I(by::find(b(&a[0]), b(&a[1]), oi(&a[2]), oi(&a[3]))),
        "rfind" => Tok::I(by::rfind(b(&a[0]), b(&a[1]), oi(&a[2]), oi(&a[3]))),
        "count" => Tok::I(by::count(b(&a[0]), b(&a[1]), oi(&a[2]), oi(&a[3]))),
        "index" => res(by::index(b(&a[0]), b(&a[1]), oi(&a[2]), oi(&a[3])), Tok::I),
        "rindex" => res(by::rindex(b(&a[0]), b(&a[1]), oi(&a[2]), oi(&a[3])), Tok::I),
        "startswith" => Tok::Bool(by::startswith(b(&a[0]), b(&a[1]), oi(&a[2]), oi(&a[3]))),
        "endswith" => Tok::Bool(by::endswith(b(&a[0]), b(&a[1]), oi(&a[2]), oi(&a[3]))),
        "join" => {
            let Tok::L(parts) = &a[1] else {
                panic!("join wants a list")
            };
            let parts: Vec<&[u8]> = parts.iter().map(b).collect();
            Tok::B(by::join(b(&a[0]), &parts))
        }
        "upper" => Tok::B(by::upper(b(&a[0]))),
        "lower" => Tok::B(by::lower(b(&a[0]))),
        "isdigit" => Tok::Bool(by::isdigit(b(&a[0]))),
        "isalpha" => Tok::Bool(by::isalpha(b(&a[0]))),
        "isspace" => Tok::Bool(by::isspace(b(&a[0]))),
        "isalnum" => Tok::Bool(by::isalnum(b(&a[0]))),
        "isupper" => Tok::Bool(by::isupper(b(&a[0]))),
        "islower" => Tok::Bool(by::islower(b(&a[0]))),
        "partition" | "rpartition" => {
            let f = if op == "partition" {
                by::partition
            } else {
                by::rpartition
            };
            res(f(b(&a[0]), b(&a[1])), |(x, y, z)| {
                Tok::L(vec![Tok::B(x), Tok::B(y), Tok::B(z)])
            })
        }
        _ => panic!("unknown operation {op}"),
    }
}

#[test]
fn bytes_cases_match_cpython() {
    let text = include_str!("bytes/cases.txt");
    let mut total = 0;
    let mut bad = Vec::new();
    for line in text.lines().filter(|l| !l.is_empty()) {
        total += 1;
        let mut fields = line.split('\t');
        let op = fields.next().expect("operation");
        let mut args = Vec::new();
        let mut it = fields.peekable();
        while it.peek() != Some(&"=") {
            args.push(parse(&mut it));
        }
        it.next();
        let want = parse(&mut it);
        let got = run(op, &args);
        if got != want {
            bad.push(format!("{op} {args:?}\n   want {want:?}\n   got  {got:?}"));
        }
    }
    assert!(total > 1000, "too few cases: {total}");
    assert!(
        bad.is_empty(),
        "{} of {total} cases differ:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

/// Arbitrary bytes must never panic any operation.
#[test]
fn no_panics_on_odd_inputs() {
    let samples: [&[u8]; 6] = [
        b"",
        b"\xff\xfe\xfd",
        b"\xf4\x90",
        b"\xed\xa0\x80",
        b"  ",
        b"a",
    ];
    for x in samples {
        for enc in ["utf-8", "ascii", "latin-1", "", "\u{0}"] {
            for errors in [
                "strict",
                "replace",
                "surrogateescape",
                "xmlcharrefreplace",
                "",
            ] {
                let _ = by::decode(x, enc, errors);
                let _ = by::encode("a\u{10ffff}\u{e9}", enc, errors);
            }
        }
        for st in [i64::MIN, -1, 0, 1, i64::MAX] {
            let _ = by::find(x, b"a", Some(st), Some(-st.saturating_add(1)));
            let _ = by::count(x, b"", Some(st), Some(st));
            let _ = by::rsplit(x, None, st);
            let _ = by::hex(x, Some(":"), st);
            let _ = by::replace(x, b"", b"x", st);
        }
        let _ = by::fromhex("\u{e9}a");
    }
}
