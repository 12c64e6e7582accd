"""Writes tests/numbers/cases.txt: CPython 3.11's int and float results for tests/numbers.rs.

Run with the oracle interpreter from the repository root:

    python3 scripts/gen_number_expectations.py

Every line is tab-separated fields: the gilpy function (of `gilpy::object::number`), its
arguments, and last the expected outcome. Lines starting with `#` are comments. A value is
written with a one-letter tag:

    i<decimal>        an int, e.g. i-123
    f<repr>/<hex>     a float: its repr and its IEEE-754 bits as 16 hex digits (the bits rule)
    s<text>           a str, with \\\\, \\t, \\n, \\r and \\u{HEX} escapes (every non-ASCII or
                      control character is escaped, so the file is plain ASCII)
    b<0|1>            a bool
    h<i,i,...>        a list of item hashes (for hash_tuple); `h` alone is the empty list

The expected outcome is `ok V...` (space-separated values; `lt`, `eq`, `gt` or `unordered`
for cmp_int_float), `complex` when Python's answer is a complex number (gilpy must fail with
kind "Complex"), or `raise KIND|MESSAGE`.
"""

import math
import os
import random
import struct
import sys

sys.set_int_max_str_digits(0)
LIMIT = 4300

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "numbers", "cases.txt")

lines = []


def esc(s):
    out = []
    for ch in s:
        o = ord(ch)
        if ch == "\\":
            out.append("\\\\")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif o < 0x20 or o >= 0x7F:
            out.append("\\u{%x}" % o)
        else:
            out.append(ch)
    return "".join(out)


def enc(v):
    if isinstance(v, bool):
        return "b%d" % v
    if isinstance(v, int):
        return "i%d" % v
    if isinstance(v, float):
        return "f%r/%016x" % (v, struct.unpack("<Q", struct.pack("<d", v))[0])
    if isinstance(v, str):
        return "s" + esc(v)
    if isinstance(v, list):
        return "h" + ",".join("%d" % x for x in v)
    raise TypeError(v)


def case(op, args, thunk):
    try:
        r = thunk()
    except Exception as e:  # noqa: BLE001 - every exception is an expectation
        sys.set_int_max_str_digits(0)
        exp = "raise %s|%s" % (type(e).__name__, esc(str(e)))
    else:
        if isinstance(r, complex):
            exp = "complex"
        elif isinstance(r, tuple):
            exp = "ok " + " ".join(enc(x) for x in r)
        else:
            exp = "ok " + enc(r)
    lines.append("\t".join([op] + [enc(a) for a in args] + [exp]))


def limited(f):
    """Runs f with CPython's default digit limit in force."""

    def run():
        sys.set_int_max_str_digits(LIMIT)
        try:
            return f()
        finally:
            sys.set_int_max_str_digits(0)

    return run


def comment(text):
    lines.append("# " + text)


rng = random.Random(3110)
inf, nan = math.inf, math.nan

INTS = [0, 1, -1, 2, -2, 3, 7, -7, 10, 255, -256, 2**31 - 1, 2**31, 2**53 - 1, 2**53, 2**53 + 1,
        -(2**53 + 1), 2**53 + 3, 2**54 + 2, 2**62, 2**63 - 1, 2**63, -2**63, -2**63 - 1, 2**64 - 1,
        2**64, -2**64, 10**20, -10**20, 2**100 + 1, 3**200, -(7**150), 10**400, -10**400, 2**1023,
        2**1024, 2**1024 - 2**970, 2**1024 - 2**971, -(2**1024 - 2**971), 2**61 - 1, 2**61,
        -(2**61 - 1), -2**61, 2**61 - 2, -(2**61 - 2), 2**122 - 1]

FLOATS = [0.0, -0.0, 0.5, -0.5, 1.0, -1.0, 1.5, 2.5, -2.5, 2.675, 0.1, 1 / 3, -2 / 3, 1e-300,
          5e-324, -5e-324, 2.2250738585072014e-308, 2.225073858507201e-308, 1e308,
          1.7976931348623157e308, -1.7976931348623157e308, 2.0**52, 2.0**53, 2.0**53 + 2, 1e22,
          1e23, 123.456, -123.456, 0.125, 0.375, 4503599627370495.5, -4503599627370495.5,
          0.49999999999999994, 1e16, 2.0**63, 2.0**64, -2.0**63, 2.0**61, 1e100, 3.0e-5, inf,
          -inf, nan]

# ---------------------------------------------------------------------------------------------
comment("int(s, base)")
INT_STRS = [
    ("0", 10), ("-0", 10), ("+17", 10), ("  42  ", 10), ("\t\n-5\r\x0b\x0c", 10), ("1_000", 10),
    ("1__000", 10), ("_1", 10), ("1_", 10), ("", 10), (" ", 10), ("- 1", 10), ("+-1", 10),
    ("abc", 10), ("abc", 16), ("ABC", 16), ("zz", 36), ("ZZ", 36), ("z", 35), ("12", 2), ("101", 2),
    ("0x1f", 16), ("0X1F", 16), ("-0x1f", 16), ("0x", 16), ("0x_", 16), ("0x_1", 16),
    ("0x__1", 16), ("0b1", 16), ("0o17", 8), ("0O17", 8), ("0b101", 2), ("0B1_1", 2), ("0x1", 10),
    ("0x1f", 0), ("-0x1f", 0), ("+0X1F", 0), ("0o17", 0), ("0b101", 0), ("0b2", 0), ("0o8", 0),
    ("010", 0), ("0", 0), ("00", 0), ("0_0", 0), ("0_7", 0), ("-00", 0), ("  0  ", 0), ("7", 0),
    ("1_2_3", 0), ("0x_ff", 0), ("0_x1", 0), ("09", 10), ("010", 10), ("010", 8), ("1e5", 10),
    ("1.0", 10), ("12\x00", 10), ("\x1c12\x1f", 10), ("\u00a012\u3000", 10), ("\u0085 1", 10),
    ("\u0661\u0662\u0663", 10), ("\U0001d7d9\U0001d7da", 10), ("\u0663", 0), ("0x\u0661", 0),
    ("-\u0660\u0661", 0), ("\uff11\uff10", 16), ("\u00e9", 10), ("a\u200b", 10), ("1\u2028", 10),
    ("12", 1), ("12", 37), ("12", 100), ("1", 36), ("9", 8), ("18446744073709551616", 10),
    ("-9223372036854775808", 10), ("ffffffffffffffffffffffff", 16), ("x" * 300, 10),
    ("\u00e9" * 250, 10), ("'", 10), ("\"'", 10), ("\\", 10), ("1" * 4300, 10),
    ("-" + "9" * 4300, 10), ("1" * 4301, 10), ("1" * 5000 + "x", 10), ("x" + "1" * 5000, 10),
    ("0" * 5000, 10), ("1_" * 4300 + "1", 10), ("1" * 5000 + "__", 10), ("1" * 5000 + "_", 10),
    ("1" * 5000 + " 1", 10), ("1" * 5000 + "\u00e9", 10), ("1" * 4301, 0), ("0" * 5000 + "1", 0),
    ("0" * 4000 + "1", 0), ("1" * 4301, 3), ("1" * 4301, 36), ("1" * 5000, 16), ("1" * 5000, 2),
    ("1" * 5000, 32), ("0x" + "f" * 5000, 0), ("0b" + "1" * 5000, 0), ("0o" + "7" * 5000, 0),
    ("1" * 4301, 37), ("7" * 4301, 8),
]
for s, b in INT_STRS:
    case("int_from_str", [s, b], limited(lambda s=s, b=b: int(s, b)))

comment("float(s)")
FLOAT_STRS = [
    "0", "-0", "+0.0", "1", "1.", ".5", "-.5", ".", "1e5", "1E5", "1e+5", "1e-5", "1e", "e5",
    "1.5e", "1_000.5", "1_e5", "1e1_0", "1__0", "_1", "1_", "1_.5", "1._5", "1.5_", "  3.25  ",
    "\t-2\n", "inf", "-inf", "+inf", "Inf", "iNfInItY", "-Infinity", "infinit", "in", "nan",
    "-nan", "+NaN", "nAn", "nan_", "inf_", "nanx", "0x1p3", "0x10", "1e99999999999999999999",
    "-1e99999999999999999999", "1e-99999999999999999999", "1e308", "1.7976931348623157e308",
    "1.7976931348623158e308", "1.7976931348623159e308", "2e308", "5e-324", "2e-324", "3e-324",
    "2.4703282292062328e-324", "2.4703282292062327e-324", "2.2250738585072011e-308",
    "0.1", "0.30000000000000004", "9007199254740993", "9007199254740993.0000000001",
    "123456789012345678901234567890", "1" * 400, "0." + "0" * 400 + "1", "1" * 400 + "e-400",
    "", " ", "- 1", "--1", "1 1", "1e5.5", "x", "x" * 300, "12\x00", "\u0661.\u0665",
    "\u00a01.5\u2003", " \u2003 1.5\x1c ", "1\u2028", "1\u00e9", "\uff11e\uff12", "1.5j",
    "infinity" * 2, "0e0", "-0e-0", "00001.5000", "1_2.3_4e5_6",
]
for s in FLOAT_STRS:
    case("float_from_str", [s], lambda s=s: float(s))

# ---------------------------------------------------------------------------------------------
comment("str, hex, oct, bin")
TEXT_INTS = [0, 1, -1, 31, -31, 255, -256, 2**63, -2**63, 2**64 - 1, 10**20, -(3**100),
             10**4300 - 1, -(10**4300 - 1), 10**4300, -(10**4300), 10**5000, 2**14285,
             2**14286]
for v in TEXT_INTS:
    case("int_to_str", [v, 10], limited(lambda v=v: str(v)))
for v in [0, 1, -1, 31, -31, 255, -256, 2**63, -2**64, 10**20, 10**5000]:
    case("int_to_str", [v, 16], lambda v=v: hex(v))
    case("int_to_str", [v, 8], lambda v=v: oct(v))
    case("int_to_str", [v, 2], lambda v=v: bin(v))

# ---------------------------------------------------------------------------------------------
comment("int // % divmod")
DIV_A = [0, 7, -7, 1, -1, 6, -6, 2**64 + 3, -(2**64 + 3), 10**30 + 7, -(10**30) - 7, 2**63]
DIV_B = [1, -1, 3, -3, 2, 2**64, -2**64, 10**20 + 1, -(10**20 + 1), 0]
for a in DIV_A:
    for b in DIV_B:
        case("int_divmod", [a, b], lambda a=a, b=b: divmod(a, b))
for a in [7, -7, 0, 2**64 + 3]:
    for b in [3, -3, 0, -2**64]:
        case("int_floordiv", [a, b], lambda a=a, b=b: a // b)
        case("int_mod", [a, b], lambda a=a, b=b: a % b)

comment("int ** int")
POWS = [(2, 10), (2, 100), (-3, 3), (-3, 4), (0, 0), (0, 5), (5, 0), (-5, 0), (1, 2**100),
        (-1, 2**100), (-1, 2**100 + 1), (0, 2**100), (7, 300), (-2, 63), (2, 64), (10, 400),
        (2, -1), (-2, -1), (-2, -3), (0, -1), (0, -2**100), (10, -400), (2, -1074), (2, -1075),
        (2, -1076), (3, -2), (10**400, -1), (2, -(10**400)), (1, -(10**400)), (-1, -3),
        (2**60, -17), (10, -1), (3, -1)]
for a, b in POWS:
    case("int_pow", [a, b], lambda a=a, b=b: a ** b)

comment("pow(a, b, m)")
POWMODS = [(2, 10, 1000), (2, 10, -1000), (-2, 3, 7), (-2, 3, -7), (3, -1, 7), (3, -1, -7),
           (-3, -2, 7), (2, -1, 4), (0, -1, 5), (0, -1, 1), (0, -1, -1), (2, -1, 1), (5, 0, 1),
           (5, 0, -1), (0, 0, 7), (2, 3, 0), (2, -3, 0), (7, 2**100, 2**61 - 1),
           (2**200 + 1, 3**50, 10**30 + 7), (-(2**200 + 1), 3**50, -(10**30 + 7)),
           (123456789, -5, 10**9 + 7), (10**9 + 8, -1, 10**9 + 7), (6, -1, 9), (4, 0, 4),
           (4, 1, 4), (-4, 1, 4), (-1, 1, 3), (12, 2, -5)]
for a, b, m in POWMODS:
    case("int_pow_mod", [a, b, m], lambda a=a, b=b, m=m: pow(a, b, m))

comment("int / int")
TRUEDIV = [(1, 3), (-1, 3), (1, -3), (0, 5), (0, -5), (-0, 5), (7, 0), (0, 0), (2**53 + 1, 1),
           (2**53 + 3, 1), (2**54 + 2, 2), (2**54 + 6, 2), (2**1024, 1), (2**1024 - 2**970, 1),
           (2**1024 - 2**971, 1), (2**1100, 2**76), (2**1100, 2**76 + 1), (2**1100 - 1, 2**77),
           (1, 2**1074), (1, 2**1075), (3, 2**1076), (1, 3 * 2**1073), (1, 2**1075 - 1),
           (-1, 2**1075 - 1), (1, 2**1075 + 1), (2**1022 - 1, 2**2044), (10**400, 10**399),
           (10**400, 3), (-(10**400), 7 * 10**380), (1, 10**400), (-1, 10**400), (10**400, 1),
           (2**2000 + 1, 2**1990), (3**1000, 2**1500 + 1), (2**62 + 1, 2**61), (2**64 + 2, 3)]
for _ in range(40):
    a = rng.getrandbits(rng.randrange(1, 2500)) * rng.choice([1, -1])
    b = rng.getrandbits(rng.randrange(1, 2500)) + 1
    TRUEDIV.append((a, b))
for _ in range(12):
    # Quotients near the subnormal range and near ties.
    b = rng.getrandbits(200) | 1
    TRUEDIV.append((b * rng.getrandbits(30) + rng.randrange(3), b << 1100))
for a, b in TRUEDIV:
    case("int_true_div", [a, b], lambda a=a, b=b: a / b)

comment("float(int)")
TO_FLOAT = INTS + [2**53 + 5, 2**53 + 7, (2**53 + 1) * 2**100, (2**53 + 1) * 2**100 + 1,
                   -(2**53 + 1) * 2**900, 2**1023 * (2**53 - 1) // 2**52]
for _ in range(20):
    TO_FLOAT.append(rng.getrandbits(rng.randrange(54, 1030)) * rng.choice([1, -1]))
for v in TO_FLOAT:
    case("int_to_float", [v], lambda v=v: float(v))

comment("round(int, ndigits)")
INT_ROUNDS = [(15, -1), (25, -1), (-25, -1), (-15, -1), (5, -1), (4, -1), (-5, -1), (-6, -1),
              (149, -2), (150, -2), (250, -2), (-250, -2), (0, -3), (123, 5), (123, 0),
              (5, -400), (-5, -400), (10**50 + 5 * 10**29, -30), (10**50 + 15 * 10**29, -30),
              (2**64, -19), (2**64, -20), (2**64, -21), (-(10**400), -399), (10**400 * 5, -401),
              (10**400 * 15, -401), (95, -2), (-95, -2), (45, -2)]
for a, n in INT_ROUNDS:
    case("int_round", [a, n], lambda a=a, n=n: round(a, n))

comment("bit operations")
BITS = [0, 5, -5, 255, -256, 2**70 + 3, -(2**70) - 3, -1]
for a in BITS:
    for b in BITS:
        case("int_and", [a, b], lambda a=a, b=b: a & b)
        case("int_or", [a, b], lambda a=a, b=b: a | b)
        case("int_xor", [a, b], lambda a=a, b=b: a ^ b)
for a in BITS + [2**64, -2**64]:
    case("int_invert", [a], lambda a=a: ~a)
    case("int_bit_length", [a], lambda a=a: a.bit_length())
    for n in [0, 1, 3, 63, 64, 65, 200, -1]:
        case("int_lshift", [a, n], lambda a=a, n=n: a << n)
        case("int_rshift", [a, n], lambda a=a, n=n: a >> n)
    case("int_rshift", [a, 2**64], lambda a=a: a >> 2**64)
for a, n in [(1, 2**64), (0, 2**64), (0, 2**100), (-1, 2**64 + 1), (1, -(2**100)),
             (-7, 1), (-7, 2), (-(2**100), 99), (-(2**100) - 1, 100), (-(2**100), 101)]:
    case("int_lshift", [a, n], lambda a=a, n=n: a << n)
    case("int_rshift", [a, n], lambda a=a, n=n: a >> n)

# ---------------------------------------------------------------------------------------------
comment("float / // % divmod")
FGRID = [0.0, -0.0, 1.0, -1.0, 5.5, -5.5, 0.1, 3.0, -3.0, 1e308, 5e-324, -1e-300, inf, -inf, nan]
for a in FGRID:
    for b in FGRID:
        case("float_divmod", [a, b], lambda a=a, b=b: divmod(a, b))
for a in [7.5, -7.5, 0.0, -0.0, 1e308, inf, nan]:
    for b in [2.0, -2.0, 0.0, -0.0, 1e-308, inf, -inf, nan]:
        case("float_floordiv", [a, b], lambda a=a, b=b: a // b)
        case("float_mod", [a, b], lambda a=a, b=b: a % b)
        case("float_div", [a, b], lambda a=a, b=b: a / b)
for _ in range(30):
    a = rng.uniform(-1e6, 1e6) * 10 ** rng.randrange(-20, 20)
    b = rng.uniform(-100, 100) * 10 ** rng.randrange(-20, 20)
    case("float_divmod", [a, b], lambda a=a, b=b: divmod(a, b))

comment("float ** float")
PGRID_A = [0.0, -0.0, 1.0, -1.0, 2.0, -2.0, 0.5, -0.5, 10.0, -10.0, 1e308, 5e-324, inf, -inf, nan]
PGRID_B = [0.0, -0.0, 1.0, -1.0, 2.0, 3.0, -3.0, 0.5, -0.5, 1e-300, 401.0, -401.0, 1e300,
           -1e300, 2.0**53 + 2, inf, -inf, nan]
for a in PGRID_A:
    for b in PGRID_B:
        case("float_pow", [a, b], lambda a=a, b=b: a ** b)
for _ in range(20):
    a = rng.uniform(0, 50)
    b = rng.uniform(-30, 30)
    case("float_pow", [a, b], lambda a=a, b=b: a ** b)

comment("round(float), round(float, ndigits)")
ROUND_INT = FLOATS + [3.5, -3.5, 0.5000000000000001, 2.0**52 + 0.5, 1e300]
for x in ROUND_INT:
    case("float_round_to_int", [x], lambda x=x: round(x))
FLOAT_ROUNDS = [(2.675, 2), (0.125, 2), (0.375, 2), (2.5, 0), (1.5, 0), (-0.5, 0), (0.5, 0),
                (-0.4, 0), (1e22, -22), (5e-324, 323), (5e-324, 324), (1e-320, 323),
                (1.7976931348623157e308, -308), (-1.7976931348623157e308, -308),
                (1.7976931348623157e308, -307), (1e300, -300), (1e300, -400), (-1e300, -400),
                (123456.5, 0), (0.285, 2), (1.005, 2), (0.045, 2), (1.5, 323), (1.5, 324),
                (1.5, -308), (1.5, -309), (-1.5, -309), (inf, 2), (-inf, 0), (nan, 2), (-0.0, 1),
                (0.0, -5), (123.456, -2), (-123.456, 1), (5.5e-10, 10), (2.5e-10, 10),
                (1.2345e20, -15), (9.5, 0), (8.5, 0), (0.1, 17), (0.1, 30), (1 / 3, 16),
                (2**52 + 0.5, 0), (4503599627370497.0, -1), (1e16 + 2, -1), (2.0**1023, -300)]
for x in FLOATS:
    for n in [0, 1, 2, -1, 3]:
        FLOAT_ROUNDS.append((x, n))
for _ in range(60):
    x = rng.uniform(-1, 1) * 10 ** rng.randrange(-30, 30)
    n = rng.randrange(-25, 35)
    FLOAT_ROUNDS.append((x, n))
for _ in range(20):
    # Exact decimal halves: k + 0.5 scaled by a power of two fraction that has few digits.
    k = rng.randrange(0, 10**6)
    FLOAT_ROUNDS.append(((2 * k + 1) / 2**rng.randrange(1, 8), rng.randrange(0, 7)))
for x, n in FLOAT_ROUNDS:
    case("float_round", [x, n], lambda x=x, n=n: round(x, n))

comment("math.floor / math.ceil / int() of floats")
for x in FLOATS + [-0.1, -1.5, 2.0**1023 * 1.5, -1e300]:
    case("float_floor", [x], lambda x=x: math.floor(x))
    case("float_ceil", [x], lambda x=x: math.ceil(x))
    case("float_to_int", [x], lambda x=x: int(x))


# ---------------------------------------------------------------------------------------------
def ordering(a, x):
    if a < x:
        return "lt"
    if a == x:
        return "eq"
    if a > x:
        return "gt"
    return "unordered"


comment("int <=> float, exactly")
CMPS = [(2**53 + 1, float(2**53 + 1)), (2**53, 2.0**53), (0, -0.0), (0, 0.0), (1, 0.5),
        (-1, -0.5), (0, 5e-324), (0, -5e-324), (10**400, inf), (10**400, 1e308), (-10**400, -inf),
        (-10**400, -1e308), (3, nan), (2**1024, 1.7976931348623157e308),
        (2**1024 - 2**971, 1.7976931348623157e308), (-2, -2.5), (-3, -2.5), (2**63, 2.0**63),
        (2**63 - 1, 2.0**63), (2**64 + 1, 2.0**64), (-(2**64) - 1, -(2.0**64)),
        (-(2**53) - 1, -(2.0**53)), (10**22, 1e22), (10**23, 1e23), (3, 3.0000000000000004)]
for a in [0, 1, -1, 2**53 + 1, -(2**62), 10**400]:
    for x in [0.0, 0.75, -0.75, 1.0, -1.0, 2.0**53, 2.0**62, -(2.0**62), 1e300, nan, -inf]:
        CMPS.append((a, x))
for a, x in CMPS:
    lines.append("\t".join(["cmp_int_float", enc(a), enc(x), "ok " + ordering(a, x)]))

comment("hashes")
for v in INTS + [-3, 2**61 + 5, -(2**61) - 5, 2**183, -(2**183), 2**122 - 2]:
    case("hash_int", [v], lambda v=v: hash(v))
for b in [False, True]:
    case("hash_bool", [b], lambda b=b: hash(b))
for x in FLOATS[:-1] + [-1.0, -0.1, 2.0**60, 2.0**-60, 1.5 * 2.0**-1030, 2.0**1023,
                        float(2**61 - 1), -(2.0**61), 2.0**62, 1e-310]:
    case("hash_float", [x, 0], lambda x=x: hash(x))
for _ in range(3):
    x = float("nan")
    case("hash_float", [x, id(x)], lambda x=x: hash(x))
TUPLES = [(), (0,), (1,), (-1,), (-2,), (1, 2), (2, 1), (1, 2, 3), ("a",), (1.5, -0.5), (None,),
          ((1, 2), 3), (2**61 - 1, 2**61), (True, False), tuple(range(20)), (nan,), (1, nan)]
for t in TUPLES:
    hs = [hash(item) for item in t]
    lines.append("\t".join(["hash_tuple", enc(hs), "ok " + enc(hash(t))]))


class Hashed:
    """An object whose hash is a given value."""

    def __init__(self, h):
        self.h = h

    def __hash__(self):
        return self.h


for _ in range(15):
    items = [Hashed(rng.randrange(-2**63, 2**63)) for _ in range(rng.randrange(0, 6))]
    hs = [hash(item) for item in items]
    lines.append("\t".join(["hash_tuple", enc(hs), "ok " + enc(hash(tuple(items)))]))

os.makedirs(os.path.dirname(OUT), exist_ok=True)
with open(OUT, "w", encoding="ascii", newline="\n") as f:
    f.write("\n".join(lines) + "\n")
print("wrote %d lines to %s" % (sum(1 for x in lines if not x.startswith("#")), os.path.normpath(OUT)))
