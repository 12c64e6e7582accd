"""Writes tests/math/cases.txt: CPython 3.11's `math` results for tests/math_functions.rs.

Every case calls one `math` function on python3 (CPython 3.11, the oracle) and records the
outcome, one case per line:

    NAME|ARGS|RESULT

ARGS and RESULT are space-separated tokens. A float is its exact bit pattern as `float.hex()`
writes it (`0x1.8000000000000p+1`, `-0x0.0p+0`, `inf`, `-inf`, `nan`); an int is decimal;
`True`/`False` are bools; `None` is an omitted optional argument; `;` separates the two points
of `dist`. A tuple result (modf, frexp) is its items in order. A raised exception is written
as the whole RESULT `!Kind: message`.

Run: python3 scripts/gen_math_expectations.py
"""

import math
import os
import random

OUT = os.path.join(os.path.dirname(__file__), "..", "tests", "math", "cases.txt")

INF = math.inf
NAN = math.nan
SUB = 5e-324
MAXF = 1.7976931348623157e308

FLOATS = [
    0.0, -0.0, SUB, -SUB, 2.2250738585072014e-308, 1e-310, 1e-300, 1e-20, 1e-8, 0.1, 0.25,
    0.5, -0.5, 0.7, 0.9999999999999999, 1.0, -1.0, 1.0000000000000002, 1.5, 2.0, -2.0, 2.5,
    3.0, -3.5, math.pi, -math.pi / 2, math.e, 10.0, 12.345, -17.25, 100.0, 700.0, 710.0,
    -745.0, -746.0, 1e10, 2.0 ** 52 + 0.5, 2.0 ** 53, 1e22, 1e300, 1e308, -1e308, MAXF, INF,
    -INF, NAN,
]

ONE_ARG = [
    "sqrt", "exp", "exp2", "expm1", "cbrt", "log1p", "fabs", "sin", "cos", "tan", "asin",
    "acos", "atan", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "erf", "erfc", "degrees", "radians", "isfinite", "isinf", "isnan",
    "floor", "ceil", "trunc", "modf", "frexp", "ulp",
]

PAIRS = [
    (0.0, 0.0), (-0.0, 0.0), (0.0, -0.0), (-0.0, -0.0), (1.0, 0.0), (0.0, 1.0), (-1.0, -0.0),
    (1.0, 2.0), (-1.0, 2.0), (2.0, -1.0), (2.0, 0.5), (-8.0, 1.0 / 3), (-2.0, 3.0),
    (-2.0, -3.0), (10.0, 400.0), (10.0, -400.0), (0.5, -2000.0), (-0.0, -1.0), (0.0, -2.0),
    (7.5, 2.0), (-7.5, 2.0), (7.5, -2.0), (5.0, 2.0), (-5.0, 2.0), (3.0, 2.0), (1e308, 1e-308),
    (1e-308, 1e308), (MAXF, 2.0), (MAXF, 0.5), (SUB, 0.5), (SUB, 2.0), (3.0, SUB),
    (1e22, 3.0), (6.0, 4.0), (10.0, 4.0), (1.0, INF), (1.0, -INF), (-1.0, INF), (0.5, INF),
    (0.5, -INF), (2.0, INF), (2.0, -INF), (INF, 1.0), (-INF, 3.0), (-INF, 2.0), (-INF, -3.0),
    (-INF, -2.0), (INF, 0.0), (INF, INF), (INF, -INF), (-INF, INF), (-INF, -INF), (NAN, 0.0),
    (NAN, 1.0), (1.0, NAN), (2.0, NAN), (NAN, NAN), (INF, NAN), (0.0, -INF), (-0.0, -INF),
    (0.0, INF), (1.0, 1e-300), (-3.0, INF), (3.0, -INF),
]
TWO_ARG = ["pow", "atan2", "copysign", "fmod", "remainder", "nextafter"]

INTS = [
    0, 1, 2, 3, 7, 10, 12, 100, 1000, 2 ** 53 + 1, 2 ** 63 - 1, 2 ** 64, 10 ** 20,
    2 ** 1023, 2 ** 1024 - 2 ** 970, 2 ** 1024 - 2 ** 970 - 1, 2 ** 1024, 10 ** 308, 10 ** 400,
    3 ** 2000, 7 ** 5000 + 1, -1, -10 ** 400,
]


def tok(v):
    if isinstance(v, bool):
        return str(v)
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return v.hex()
    if v is None:
        return "None"
    raise TypeError(v)


def run(fn, args):
    try:
        r = fn(*args)
    except Exception as exc:  # noqa: BLE001 - every exception is an expectation
        return f"!{type(exc).__name__}: {exc}"
    if isinstance(r, tuple):
        return " ".join(tok(x) for x in r)
    return tok(r)


def main():
    lines = []

    def case(name, args, fn=None, shown=None):
        fn = fn or getattr(math, name)
        result = run(fn, args)
        shown = args if shown is None else shown
        lines.append(f"{name}|{' '.join(tok(a) for a in shown)}|{result}")

    for name in ONE_ARG:
        for x in FLOATS:
            case(name, [x])
    for name in TWO_ARG:
        for x, y in PAIRS:
            case(name, [x, y])
    for x in [1.0, -1.0, MAXF, SUB, 0.75, 1e-310, -0.0, INF, NAN]:
        for i in [0, 1, -1, 5, 1023, 1024, 2000, -1022, -1074, -1075, -1076, -2000, 10 ** 30,
                  -10 ** 30, 2 ** 31, -2 ** 31]:
            case("ldexp", [x, i])
    for n in [float.fromhex("0x1.fffffffffffffp-1"), float.fromhex("0x1.8000000000001p-1022")]:
        for i in [-1, -52, -53, -54, -1073]:
            case("ldexp", [n, i])
    # Logarithms of floats and ints, with and without bases.
    for name in ["log", "log2", "log10"]:
        for x in FLOATS:
            case(name, [x])
        for n in INTS:
            case(name, [n])
    for x, b in [(8.0, 2.0), (100, 10), (10 ** 400, 10), (10 ** 400, 10 ** 300), (10, 1),
                 (1, 10), (0, 2), (2, 0), (1, 0.0), (2.0, -1.0), (INF, 2.0), (2.0, INF),
                 (NAN, 2.0), (1e-320, 1e300), (2 ** 5000, 2), (3 ** 2000, 3.0), (10, 1.0)]:
        case("log", [x, b])
    # Sums and norms.
    seqs = [
        [], [0.0], [-0.0], [-0.0, -0.0], [1.0], [0.1] * 10, [1e100, 1.0, -1e100, 1e-100, 1e50,
        -1.0, -1e50], [1e308, 1e308, -1e308], [1e308, -1e308, 1e308], [MAXF, 2.0 ** 970],
        [MAXF, 2.0 ** 969], [1.0, 2.0 ** -53], [1.0, 2.0 ** -53, 2.0 ** -106],
        [1.0, -(2.0 ** -54), -(2.0 ** -107)], [1.0, 2.0 ** -53, 2.0 ** -53], [SUB] * 7,
        [INF, 1.0], [INF, -INF], [NAN, 1.0], [NAN, INF, -INF], [INF, INF],
        [INF, 1e308, 1e308], [NAN, 1e308, 1e308], [3.0, 4.0], [3.0, -4.0, 12.0],
        [1e-320, 1e-320], [1e300, 1e300], [MAXF, MAXF], [1e308, 1e-308], [SUB, SUB, SUB],
        [0.1, 0.2, 0.3], [1.0, 1.0, 1.0], [1.5, 2.5, 3.5, 4.5], [2.0 ** 600, 2.0 ** -600, 1.0],
        [INF, NAN], [NAN, 0.0], [-INF, 5.0], [0.7] * 13, [1e16, 1.0, -1e16],
        [x / 7 for x in range(1, 40)], [(-1) ** k * 10.0 ** k for k in range(-30, 30)],
    ]
    for seq in seqs:
        case("fsum", seq, fn=lambda *a: math.fsum(a))
        case("hypot", seq)
        case("prod", seq, fn=lambda *a: math.prod(a))
    for p, q in [([], []), ([1.0], [4.0]), ([1.0, 2.0], [4.0, 6.0]), ([0.1, 0.2, 0.3],
                 [0.3, 0.2, 0.1]), ([1e308], [-1e308]), ([1e308, 1.0], [-1e308, 0.0]),
                 ([INF, 0.0], [0.0, NAN]), ([NAN, 1.0], [0.0, 1.0]), ([1.0], [1.0, 2.0]),
                 ([1e-320, 3e-320], [-1e-320, 0.0]), ([-0.0], [0.0])]:
        shown = " ".join([tok(a) for a in p] + [";"] + [tok(a) for a in q])
        lines.append(f"dist|{shown}|{run(math.dist, (p, q))}")
    # Closeness.
    for a, b, rel, ab in [(1.0, 1.0, 1e-9, 0.0), (1.0, 1.0 + 1e-10, 1e-9, 0.0),
                          (1.0, 1.0 + 1e-8, 1e-9, 0.0), (0.0, 1e-10, 1e-9, 0.0),
                          (0.0, 1e-10, 1e-9, 1e-9), (INF, INF, 1e-9, 0.0), (INF, -INF, 1.0, 1.0),
                          (NAN, NAN, 1e-9, 0.0), (1e308, MAXF, 0.5, 0.0), (1.0, 2.0, -1.0, 0.0),
                          (1.0, 1.0, 0.0, -1.0), (1.0, 2.0, NAN, 0.0), (1.0, 2.0, INF, 0.0),
                          (-1.0, 1.0, 2.0, 0.0)]:
        case("isclose", [a, b, rel, ab],
             fn=lambda a, b, r, t: math.isclose(a, b, rel_tol=r, abs_tol=t))
    # Integer functions.
    int_sets = [[], [0], [5], [-5], [0, 0], [12, 18], [-12, 18], [12, -18, 30], [0, 7],
                [2 ** 100, 2 ** 80 * 3], [10 ** 400, 10 ** 300 * 7], [3 ** 200, 2 ** 300],
                [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [6, 10, 15], [-4, 0, 6]]
    for s in int_sets:
        case("gcd", s)
        case("lcm", s)
        case("prod", s, fn=lambda *a: math.prod(a))
    for n in [0, 1, 2, 3, 4, 15, 16, 17, 24, 25, 99, 2 ** 52 - 1, 2 ** 52, 2 ** 53 + 1,
              10 ** 20, 10 ** 400, 10 ** 400 - 1, (10 ** 200 + 1) ** 2, -1, -10 ** 400]:
        case("isqrt", [n])
    for n in [0, 1, 2, 5, 10, 20, 21, 50, 170, 171, 500, 1000, -1, -10 ** 30, 2 ** 63 - 1 + 1,
              10 ** 30]:
        if 0 <= n <= 1000 or n < 0 or n > 2 ** 62:
            case("factorial", [n])
    combos = [(0, 0), (5, 0), (5, 2), (5, 5), (5, 6), (10, 3), (52, 5), (100, 50), (1000, 3),
              (1000, 997), (10 ** 30, 2), (10 ** 30, 10 ** 30 - 2), (10 ** 30, 10 ** 25),
              (10 ** 30, 10 ** 30 + 1), (5, 10 ** 30), (2 ** 64, 3), (-1, 2), (2, -1),
              (-1, -1), (-5, 10 ** 30)]
    for n, k in combos:
        case("comb", [n, k])
        case("perm", [n, k])
    for n in [0, 5, 20, -1, 10 ** 30]:
        case("perm", [n, None], fn=lambda n, k: math.perm(n, k))
    # Seeded random arguments, spread over many binades.
    rng = random.Random(311)

    def rfloat():
        kind = rng.random()
        if kind < 0.1:
            return float.fromhex(f"0x0.{rng.getrandbits(52):013x}p-1022") * rng.choice([1, -1])
        m = 1 + rng.getrandbits(52) / 2 ** 52
        return math.ldexp(m, rng.randint(-1074, 1023)) * rng.choice([1, -1])

    def small():
        return rng.uniform(-30, 30) * rng.choice([1, 1e-3, 1e3])

    for name in ["sin", "cos", "tan", "atan", "exp", "expm1", "sinh", "cosh", "tanh", "asinh",
                 "log1p", "sqrt", "fabs", "exp2", "floor", "frexp", "modf", "ulp", "erf", "erfc"]:
        for _ in range(25):
            case(name, [small()])
            case(name, [rfloat()])
    for name in ["asin", "acos", "atanh"]:
        for _ in range(25):
            case(name, [rng.uniform(-1, 1)])
    for _ in range(40):
        x = abs(rfloat())
        case("log", [x])
        case("log2", [x])
        case("log10", [x])
        case("acosh", [1 + abs(small())])
        n = rng.getrandbits(rng.randint(1, 3000)) + 1
        case("log", [n])
        case("log2", [n])
        case("log10", [n])
        case("log", [n, rng.getrandbits(rng.randint(2, 2000)) + 2])
    for name in ["pow", "atan2", "fmod", "remainder", "copysign", "nextafter"]:
        for _ in range(40):
            case(name, [rfloat(), rfloat()])
            case(name, [small(), small()])
    for _ in range(40):
        case("pow", [abs(small()), small()])
        case("ldexp", [rfloat(), rng.randint(-2200, 2200)])
    for _ in range(60):
        n = rng.randint(2, 8)
        vec = [rng.choice([rfloat(), small(), small() * 1e-200]) for _ in range(n)]
        case("fsum", vec, fn=lambda *a: math.fsum(a))
        case("hypot", vec)
        vals = [small() for _ in range(n)]
        case("hypot", vals)
        cancel = vals + [-v * (1 + rng.random() * 2 ** -40) for v in vals] + [rng.random()]
        rng.shuffle(cancel)
        case("fsum", cancel, fn=lambda *a: math.fsum(a))
        p = [small() for _ in range(n)]
        q = [small() for _ in range(n)]
        shown = " ".join([tok(a) for a in p] + [";"] + [tok(a) for a in q])
        lines.append(f"dist|{shown}|{run(math.dist, (p, q))}")
    for _ in range(30):
        a = rng.getrandbits(rng.randint(1, 500)) * rng.choice([1, -1])
        b = rng.getrandbits(rng.randint(1, 500))
        c = rng.getrandbits(64) * rng.getrandbits(64)
        case("gcd", [a * c, b * c])
        case("lcm", [a, b, c])
        case("isqrt", [rng.getrandbits(rng.randint(1, 2000))])
        n = rng.randint(0, 400)
        k = rng.randint(0, 420)
        case("comb", [n, k])
        case("perm", [n, k])
    # Constants.
    for name in ["pi", "e", "tau", "inf", "nan"]:
        case(name, [], fn=lambda name=name: getattr(math, name))

    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        f.write("\n".join(lines) + "\n")
    print(f"wrote {len(lines)} cases to {OUT}")


if __name__ == "__main__":
    main()
