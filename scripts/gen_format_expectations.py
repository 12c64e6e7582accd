#!/usr/bin/env python3
"""Regenerate tests/format/cases.txt: CPython 3.11's text formatting of numbers and strings.

Run from anywhere (paths are resolved relative to this file):

    python3 scripts/gen_format_expectations.py

The table below is the input; each case is run through CPython and written as one line

    KIND<TAB>VALUE<TAB>SPEC<TAB>EXPECTED

KIND   repr   float_repr(VALUE)                       (SPEC is empty)
       int    format(int(VALUE), SPEC)
       float  format(float(VALUE), SPEC)              (VALUE is repr(x), or -nan)
       str    format(VALUE, SPEC)
       pct    SPEC % tuple(args)                      (VALUE lists the args, see below)
EXPECTED  "=" + the result, or "!" + "ExceptionType: message".

Every field is escaped so that it never holds a tab or a line break:
    \\\\ backslash   \\t tab   \\n newline   \\r carriage return
    \\xHH  other C0 controls, DEL and C1 controls
    \\u{H...}  a lone surrogate (it cannot be held by a Rust string)
In the VALUE of a pct line, each argument is TYPE:TEXT and arguments are separated by single
spaces (so a space inside TEXT is written \\x20): i:int, f:float (as VALUE of a float line),
s:str, r:any other object given by its repr() (its str() is the same).

The file is rewritten only when its content changes. The script stops with an explanation if
the interpreter is not CPython 3.11.
"""

import math
import platform
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "format" / "cases.txt"

INF = float("inf")
NAN = float("nan")
NEG_NAN = -NAN


def escape(text, space=False):
    out = []
    for ch in text:
        o = ord(ch)
        if ch == "\\":
            out.append("\\\\")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == " " and space:
            out.append("\\x20")
        elif o < 0x20 or 0x7F <= o < 0xA0:
            out.append("\\x%02x" % o)
        elif 0xD800 <= o < 0xE000:
            out.append("\\u{%x}" % o)
        else:
            out.append(ch)
    return "".join(out)


def float_text(x):
    if math.isnan(x) and math.copysign(1.0, x) < 0:
        return "-nan"
    return repr(x)


def outcome(thunk):
    try:
        return "=" + escape(thunk())
    except Exception as e:  # every exception is data here
        return "!" + escape(f"{type(e).__name__}: {e}")


def arg_text(a):
    if type(a) is int:
        return "i:" + str(a)
    if type(a) is float:
        return "f:" + float_text(a)
    if type(a) is str:
        return "s:" + escape(a, space=True)
    assert str(a) == repr(a), a
    return "r:" + escape(repr(a), space=True)


# ----------------------------------------------------------------------------------------------
# The table.

REPR_VALUES = [
    0.0, -0.0, 0.1, 0.1 + 0.2, 1 / 3, 2 / 3, 100.0, -1.5, 0.5, 4.35, 2.675, 1e15, 1e16,
    9999999999999998.0, 1e-4, 1e-5, 0.00012, 1.5e300, 1e100, 5e-324, 2.2250738585072014e-308,
    1.7976931348623157e308, 1e22, 1e23, 123456789.0,
    12345678901234567890.0, 2.0**53, 1e-7, 123.456, INF, -INF, NAN, NEG_NAN,
]

INT_GRID_VALUES = [0, 1, -1, 255, -1234, 123456789, 2**63, -(10**30)]
INT_GRID_SPECS = [
    "", "d", "n", ",", "_", "b", "#b", "o", "#o", "x", "#x", "X", "#X", "_x", "#_b", "+d", " d",
    "-d", "10", "<10", "^10", "=+10", "*^11,", "010", "#010x", "012,", "08_", "e", ".2f", "g",
    "%", "E",
]
INT_CASES = [
    # errors, in CPython's order of checking
    (1, ".2"), (1, ".2d"), (1, ".2x"), (1, "+.2x"), (1, ".2n"), (65, ".2c"), (65, "z.2c"),
    (1, "z"), (1, "zd"), (1, "zx"), (1, "z,"), (1, "+z"), (1, "z+"), (65, "z+c"), (65, "z#c"),
    (1, ",n"), (1, "_n"), (1, ",x"), (1, ",b"), (1, ",X"), (1, ",o"), (65, ",c"), (65, "_c"),
    (65, "+,c"), (1, ",,"), (1, ",_"), (1, "_,"), (1, "__"), (1, ",\x01"), (1, ",é"),
    (1, ", "), (1, "z,q"), (1, ".2,f"), (1, "xx"), (1, "n,"), (1, "_010"), (1, "+ s"),
    (1, "."), (1, ".x"), (1, "010."), (1, "99999999999999999999"),
    (1, "9223372036854775808"), (1, "q"), (1, "zq"), (1, "+q"), (1, ".2q"), (1, "s"),
    (1, ".2s"), (1, "é"), (1, "\x01"), (1, "😀"), (1, "0#"),
    (65, "+c"), (65, "#c"), (1, " c"), (65, "+#c"), (0x110000, "+c"),
    (0x110000, "c"), (-1, "c"), (2**63 - 1, "c"), (2**63, "c"), (-(2**63), "c"),
    (-(2**63) - 1, "c"), (10**30, "c"), (0xD800, "c"),
    (10**400, "f"), (10**400, "e"), (10**400, "%"), (2**1024 - 2**970, "e"),
    # successes
    (65, "c"), (0, "c"), (0x10FFFF, "c"), (233, "c"), (65, "=5c"), (97, "^5c"), (97, "05c"),
    (1, "<c"), (10**400, ""), (10**400, "d"), (10**100, ","), (2**1024 - 2**970 - 1, "e"),
    (2**53 + 1, "f"), (2**54 + 2, ".0f"), (2**54 + 3, ".0f"), (10**30, "f"), (10**22, "e"),
    (-(10**20), "%"), (3, ".2%"), (1, ".0%"), (1, "#.0%"), (1, ".0e"), (-3, "#g"), (1, "zf"),
    (-1, "z.0f"), (1, "+#x"), (-255, "#x"), (-255, "#X"), (-255, "#o"), (-255, "#b"),
    (255, "=+10x"), (255, "#=10x"), (255, "#10x"), (255, "#<10x"), (0, "#b"), (0, "#x"),
    (0, "+d"), (5, " d"), (-5, " d"), (5, "+05"), (5, " 05"), (5, "=^5"), (1, "^4"),
    (-1, "^5"), (0xDEADBEEF, "_x"), (0xDEADBEEF, "#_x"), (0xDEADBEEF, "_X"), (255, "#012_x"),
    (255, "#013_x"), (255, "#011_b"), (1, "020_x"), (1, "021_b"), (1, "#021_o"),
    (2**40, "_o"), (2**40, "_b"), (2**40, "_X"), (2**40, "_"), (10**30, "_d"),
    (-(10**30), "030,"), (1234, "08,"), (1234, "09,"), (1234, "0=9,"), (1234, "0=8,"),
    (1234, "x=8,"), (1234, "<08,"), (12, "<05"), (12, "*<05"), (1, "010_"), (123456789, "n"),
    (123456789, ","), (-1234, "08n"), (1, "#0"), (1, "00"), (1, "0010"), (1, "<"), (1, ">"),
    (1, "+"), (1, " "), (1, "\x00<5"), (3, "\n>5"), (3, "\t^5"), (3, "é>5"), (3, "😀^4"),
    (3, ">>3"), (3, "<<3"), (3, "{^5"),
]

FLOAT_GRID_VALUES = [0.0, -0.0, 1.5, -2.5, 1234.5678, 0.1, 1e16, 1e-5, 1e300, 5e-324, INF]
FLOAT_GRID_SPECS = [
    "", "e", "E", "f", "F", "g", "G", "n", "%", ".0", ".1", ".3", ".17", ".0f", ".2f",
    ".10e", ".3g", "#", "#.3", "#g", "#.0f", "#.0e", "+", " ", "<12", "^12", "=+12", "012",
    "012,", ",", "_", ",.2f", "z.1f", "015,.3e",
]
FLOAT_CASES = [
    # round half to even on the exact binary value
    (2.675, ".2f"), (0.5, ".0f"), (1.5, ".0f"), (2.5, ".0f"), (3.5, ".0f"), (-0.5, ".0f"),
    (0.125, ".2f"), (0.375, ".2f"), (0.25, ".1f"), (0.35, ".1f"), (0.000125, ".2e"),
    (1.0000000000000002, ".17g"), (9.5, ".1"), (9.5, ".0e"), (9.5, ".1g"), (999999.5, "g"),
    (999999.4, "g"), (0.000099999, ".3g"), (99.99, ".3"), (99.95, ".3"), (123.456, ".5"),
    # where g and no-type switch to exponents
    (1e16, ".17"), (1e16, "g"), (1e15, ""), (1e15, "g"), (9999999999999998.0, ""),
    (123.0, ".3"), (123.0, ".2"), (100.0, ".3"), (1.0, ".3"), (12.0, ".2"), (1.0, ".1"),
    (10.0, ".1"), (0.0001, ""), (0.0001, ".0"), (0.0001, "g"), (1e-5, ".1"), (1e-5, "g"),
    (0.00012345, ".2"), (123456.0, ".6"), (1234567.0, ".6"), (123456.0, "g"),
    (1234567.0, "g"), (1e22, ""), (1e23, ""), (1.5e300, ""), (1e100, "#g"), (1e100, "#.3"),
    (1.5, "#.3"), (100.0, "#.3"), (100.0, "#.3g"), (1.0, "#"), (1e16, "#"), (1.0, "#.0"),
    (0.0, ".0"), (0.0, "#g"), (0.0, "#.0g"), (1.5, "010.3"),
    # long exact expansions
    (0.1, ".20f"), (0.1, ".17"), (0.1, ".16"), (1.0, ".200f"), (1e300, "f"),
    (5e-324, ".760e"), (5e-324, ".1200f"), (1e-320, "e"), (5e-324, ".3g"),
    (1.7976931348623157e308, ".0f"), (1e308, "%"), (1e300, "%"), (1e-7, "%"),
    (2 / 3, ".3%"), (1 / 3, ""), (1 / 3, ".2%"),
    # 'z' and negative zero
    (-0.0, "z"), (-0.0001, "z.2f"), (-0.0, "zf"), (-1e-10, "z.3g"), (-1e-10, "z.3e"),
    (-0.5, "z.0f"), (-0.5, "z"), (-0.0, "+z"), (-0.0, " z.1e"), (-0.0, "z#"),
    (-1e-10, "z%"), (-0.004, "z.2%"), (-0.0, "z=+8.2f"), (-0.0, "z010,"), (-INF, "z"),
    (NAN, "z"), (-0.0, ".0e"), (-0.0, "g"), (-0.0, "%"),
    # nan and infinities
    (NAN, ""), (NEG_NAN, ""), (NEG_NAN, "+"), (NAN, "+f"), (NAN, "E"), (NAN, " "), (NAN, "%"),
    (INF, "F"), (INF, "%"), (INF, "010"), (-INF, "012,"), (NAN, "09,"), (INF, "#10,.2e"),
    (-INF, "=+9"), (-INF, "09"), (INF, "0=10,"), (-INF, "G"),
    # grouping and zero padding
    (1234567.5, ","), (1234567.5, "_"), (1234.5, "010,"), (1234.5, "011,"), (1e20, "010,"),
    (1e20, "015,"), (-1234.5, "012,.1f"), (-1234.5, "^+15,.1f"), (1e16, ","),
    (1234567.0, ",.10"), (123456789.0, "n"), (1234567.0, "n"), (1234567.891, "_.2f"),
    (-1234567.891, "020_.2e"), (1234567.891, ",%"), (1234.5, "x=12,"),
    # errors
    (1.0, "d"), (1.0, "c"), (1.0, "s"), (1.0, "x"), (1.0, "q"), (1.0, "zq"), (1.0, ".2q"),
    (1.0, "é"), (1.0, ",n"), (1.0, "_n"), (1.0, ",c"), (1.0, ",d"), (1.0, "+c"), (1.0, "#d"),
    (1.0, ".2d"), (1.0, "zd"), (-0.0, "z+"), (1.0, ".2147483648f"),
    (1.0, ".99999999999999999999f"), (1.0, ".2147483648q"), (1.0, ".3000000000d"),
    (1.0, ".2147483648"), (1.0, ".2,f"), (1.0, "xx"), (1.0, "."), (1.0, ",_"),
]

STR_GRID_VALUES = ["", "a", "abc", "héllo", "😀x"]
STR_GRID_SPECS = [
    "", "s", "5", "<5", ">5", "^5", "^6", "*^7", "05", ">05", ".1", ".0", "^7.2", "x^6.5",
    ".10", "=<4s",
]
STR_CASES = [
    ("tab\there", "^12"), ("new\nline", "*>10"), ("abc", ".9223372036854775807"),
    ("abc", ".2147483648"), ("a", "\x00<3"),
    # errors
    ("a", "+"), ("a", " "), ("a", "-"), ("a", "#"), ("a", "z"), ("a", "=5"), ("ab", "0=5"),
    ("ab", "=5"), ("a", ","), ("a", "_"), ("abc", ",.2"), ("abc", "+,"), ("abc", "#,"),
    ("a", ",é"), ("a", "d"), ("a", ",d"), ("a", "+d"), ("a", "+.2d"), ("a", "#d"),
    ("a", "z5d"), ("a", "=d"), ("a", "x"), ("a", "c"), ("a", "n"), ("a", "%"), ("a", "g"),
    ("a", "é"), ("a", "z.2"), ("a", "+#"), ("a", "#="), ("a", "+="), ("a", "z#"), ("a", "z+"),
    ("a", "z="), ("a", "+z"), ("a", "=z#"), ("a", "=#"), ("a", "^z"), ("a", "_s"),
    ("a", ",s"), ("a", "xx"), ("a", "\x00\x00"), ("a", "."), ("a", "99999999999999999999"),
    ("a", "#<"),
]


class Obj(list):
    """A list stands for 'any other object' (its str() is its repr())."""


PCT_CASES = [
    # %d %i %u and friends
    ("%d", (3,)), ("%d", (3.7,)), ("%d", (-3.7,)), ("%d", (-0.0,)), ("%i", (0.999,)),
    ("%u", (3.5,)), ("%d", (1e300,)), ("%i", (-(2.0**70),)), ("%d", (NAN,)), ("%d", (INF,)),
    ("%d", ("a",)), ("%i", ("a",)), ("%u", ("a",)), ("%x", ("a",)), ("%x", (3.0,)),
    ("%o", (1.5,)), ("%X", (1.5,)), ("%i", (10**30,)), ("%x", (10**30,)), ("%05d", (-3,)),
    ("%+d", (3,)), ("% d", (3,)), ("% +d", (3,)), ("%+ d", (3,)), ("%-05d|", (3,)),
    ("%0-5d|", (3,)), ("%-+5d|", (3,)), ("% 5d", (3,)), ("%#d", (3,)), ("%ld", (3,)),
    ("%hd", (3,)), ("%Ld", (3,)), ("%lld", (3,)), ("%.3d", (5,)), ("%.3d", (-5,)),
    ("%.0d", (0,)), ("%+.3d", (5,)), ("%+05.3d", (5,)), ("%0+8.3d", (-5,)),
    ("%+08.3d", (5,)), ("%08.3d|", (5,)),
    # %o %x %X
    ("%#x", (31,)), ("%#X", (31,)), ("%#o", (15,)), ("%o", (15,)), ("%#x", (-31,)),
    ("%x", (-255,)), ("%X", (255,)), ("%+x", (255,)), ("% #x", (255,)), ("%#+5x|", (255,)),
    ("%#-8o|", (8,)), ("%.3x", (-5,)), ("%#.3o", (-5,)), ("%#.3x", (5,)), ("%#8.3x|", (5,)),
    ("%#08.3x|", (5,)), ("%#08x", (255,)), ("%#5o", (8,)), ("%.0x", (0,)), ("%#.0x", (0,)),
    ("%#.0o", (0,)), ("%#o", (0,)), ("%x", (0,)),
    # floats
    ("%f", (1.5,)), ("%e", (1.5,)), ("%E", (1.5,)), ("%g", (1.5,)), ("%#g", (1.5,)),
    ("%G", (1e-10,)), ("%g", (1e16,)), ("%g", (123456789.0,)), ("%g", (0.0001,)),
    ("%g", (1e-5,)), ("%g", (0.0,)), ("%#.0g", (0.0,)), ("%.3g", (100.0,)),
    ("%#.3g", (100.0,)), ("%.0e", (1.5,)), ("%#.0e", (1.5,)), ("%#.0f", (1.5,)),
    ("%.0f", (2.5,)), ("%.1f", (0.25,)), ("%.1f", (0.35,)), ("%+.0f", (0.5,)),
    ("%.2e", (0.000125,)), ("%#.3e", (1.0,)), ("%F", (INF,)), ("%f", (NAN,)),
    ("%010f", (-INF,)), ("%+.3g", (INF,)), ("% g", (NAN,)), ("%.3g", (NAN,)), ("%+f", (0.0,)),
    ("%f", (-0.0,)), ("% .2f", (1.0,)), ("%.20f", (0.1,)), ("%.200f", (1.0,)),
    ("%10.4f|", (3.14159,)), ("%-10.4f|", (3.14159,)), ("%010.4f", (-3.14159,)),
    ("%10.3e|", (12345.678,)), ("%-12.3E|", (12345.678,)), ("%.5f", (2**70,)), ("%f", (3,)),
    ("%g", (10,)), ("%e", (10**20,)), ("%e", (0,)), ("%lf", (1.5,)), ("%f", (10**400,)),
    ("%f", ("a",)), ("%e", ("a",)), ("%g", ("a",)),
    # %c
    ("%c", (65,)), ("%c", ("x",)), ("%c", ("é",)), ("%c", ("xy",)), ("%c", ("",)),
    ("%c", (1.5,)), ("%c", (Obj(),)), ("%c", (-1,)), ("%c", (0x110000,)), ("%c", (10**30,)),
    ("%c", (0,)), ("%c", (0x10FFFF,)), ("%c", (0xD800,)), ("%5c", (65,)), ("%-5c|", ("x",)),
    ("%.1c", ("x",)), ("%.0c", (65,)), ("%3.0c|", ("x",)), ("%+c", (65,)), ("%#c", (65,)),
    ("%05c", (65,)), ("%*c", (3, "é")), ("%c%c", (72, "i")),
    # %s %r %a
    ("%s", (3,)), ("%s", (-(10**20),)), ("%s", (1.5,)), ("%s", (1e16,)), ("%s", (-0.0,)),
    ("%r", (-0.0,)), ("%r", (1.5,)), ("%r", (5,)), ("%a", (5,)), ("%a", (1.5,)), ("%s", ("a",)),
    ("%r", ("a",)), ("%r", ("it's",)), ("%r", ("\"'",)), ("%r", ('say "hi"',)),
    ("%r", ("tab\t\\ new\n\x00\x7f",)), ("%r", ("é\xa0\xad\u2028😀",)), ("%a", ("é",)),
    ("%a", ("a\n",)), ("%a", ("😀\u2028",)), ("%s", (Obj([1, "é"]),)),
    ("%r", (Obj([1, "é"]),)), ("%a", (Obj([1, "é"]),)), ("%5s|", ("ab",)),
    ("%-5s|", ("ab",)), ("%.1s", ("ab",)), ("%5.1r", ("ab",)), ("%.1a", ("xy",)),
    ("%5a", ("é",)), ("%.0s", ("ab",)), ("%3.0s|", ("ab",)), ("%.0r", (5,)),
    ("%.3s", (1.2345,)), ("%5s|", (10,)), ("%#s", ("a",)), ("%+s", ("a",)), ("%05s", ("a",)),
    ("%s", ("",)), ("%s|%s", ("a b", " ")),
    # *, widths and precisions
    ("%*d", (5, 3)), ("%-*d|", (5, 3)), ("%*d|", (-5, 3)), ("%.*f", (2, 3.14159)),
    ("%.*f", (-1, 3.14159)), ("%*.*f", (8, 2, 3.14159)), ("%*.*d", (5, 3, 7)),
    ("%.*s", (-1, "ab")), ("%.*d", (-1, 5)), ("%.*d", (-1, 0)), ("%*d", ("a", 3)),
    ("%*d", (1.5, 3)), ("%.*d", ("a", 3)), ("%*d", (5,)), ("%*s", (2**63, "a")),
    ("%.*s", (2**63, "a")), ("%.*f", (2**31, 1.0)), ("%*%", (3,)),
    ("%.2147483648f", (1.0,)), ("%99999999999999999999d", (1,)),
    ("%.99999999999999999999d", (1,)),
    # %%, structure errors
    ("%%", ()), ("100%% of %d", (5,)), ("%%%s", (1,)), ("%s%%", (1,)), ("%5%", ()),
    ("%5%", (1,)), ("%-5%|", (1,)), ("%.3%", ()), ("a%", ()), ("%", ()), ("%5", (1,)),
    ("%.", (1,)), ("% ", (1,)), ("%-", (1,)), ("%#", (1,)), ("%*", (1,)), ("%.*", (1,)),
    ("%l", (1,)), ("%ly", (1,)), ("%s%", (1,)), ("%y", (1,)), ("abc%y", (1,)),
    ("é%y", (1,)), ("%é", (1,)), ("%\x01", (1,)), ("%\x1f", (1,)), ("%\x7f", (1,)),
    ("%~", (1,)), ("%s%y", (1,)), ("%s %y", ()), ("%y", ()), ("%d %y", ("a",)),
    ("%(x)s", (1,)), ("%s %s", ("a",)), ("%s", ("a", "b")), ("%s", ()), ("x", (1,)),
    ("x", ()), ("", ()), ("no conversions", ()), ("%s and %r", ("x", "y")),
    ("%d%%|%-6.2f|%x", (7, 2.5, 255)),
]


def lines():
    yield from (("repr", float_text(x), "", outcome(lambda x=x: repr(x))) for x in REPR_VALUES)
    ints = [(v, s) for v in INT_GRID_VALUES for s in INT_GRID_SPECS] + INT_CASES
    for v, s in ints:
        yield "int", str(v), escape(s), outcome(lambda: format(v, s))
    floats = [(v, s) for v in FLOAT_GRID_VALUES for s in FLOAT_GRID_SPECS] + FLOAT_CASES
    for v, s in floats:
        yield "float", float_text(v), escape(s), outcome(lambda: format(v, s))
    strs = [(v, s) for v in STR_GRID_VALUES for s in STR_GRID_SPECS] + STR_CASES
    for v, s in strs:
        yield "str", escape(v), escape(s), outcome(lambda: format(v, s))
    for template, args in PCT_CASES:
        encoded = " ".join(arg_text(a) for a in args)
        yield "pct", encoded, escape(template), outcome(lambda: template % args)


def main():
    if platform.python_implementation() != "CPython" or sys.version_info[:2] != (3, 11):
        sys.exit(f"need CPython 3.11, this is {platform.python_implementation()} {sys.version}")
    seen = set()
    rows = []
    for row in lines():
        key = row[:3]
        if key in seen:  # a grid may repeat a hand-written case
            continue
        seen.add(key)
        rows.append("\t".join(row))
    header = (
        "# Generated by scripts/gen_format_expectations.py from CPython "
        f"{platform.python_version()}; do not edit.\n"
        "# KIND<TAB>VALUE<TAB>SPEC<TAB>EXPECTED (=text or !Exception: message)\n"
    )
    text = header + "\n".join(rows) + "\n"
    OUT.parent.mkdir(parents=True, exist_ok=True)
    if not OUT.exists() or OUT.read_text(encoding="utf-8") != text:
        OUT.write_text(text, encoding="utf-8")
        print(f"wrote {OUT.relative_to(ROOT)} ({len(rows)} cases)")
    else:
        print(f"{OUT.relative_to(ROOT)} is up to date ({len(rows)} cases)")


if __name__ == "__main__":
    main()
