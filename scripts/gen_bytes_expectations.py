"""Writes tests/bytes/cases.txt: CPython 3.11's results for the bytes operations that
src/object/bytes.rs implements (codecs, repr, hex/fromhex and the common methods),
checked by tests/bytes_methods.rs.

Run with CPython 3.11 (the oracle): python3 scripts/gen_bytes_expectations.py

File format, one case per line, fields separated by TAB:
  <operation> <argument tokens...> = <result tokens...>
Tokens (every payload is lowercase hex, so no token holds a TAB or a newline):
  b:<hex>            bytes, two hex digits per byte (b: alone is b'')
  s:<hex>            str, as the hex of its UTF-8 encoding
  i:<int>            an int (decimal)
  N                  None (an argument left out)
  T / F              True / False
  L:<n>              a list or tuple, followed by its n element tokens
  E:<Type>:<hex>     an exception: its type and the hex of its UTF-8 message
"""

import os
import sys

assert sys.version_info[:2] == (3, 11), "the oracle is CPython 3.11"

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "tests", "bytes", "cases.txt")


def tok(v):
    if v is None:
        return ["N"]
    if v is True:
        return ["T"]
    if v is False:
        return ["F"]
    if isinstance(v, int):
        return ["i:%d" % v]
    if isinstance(v, (bytes, bytearray)):
        return ["b:" + bytes(v).hex()]
    if isinstance(v, str):
        return ["s:" + v.encode("utf-8").hex()]
    if isinstance(v, (list, tuple)):
        out = ["L:%d" % len(v)]
        for x in v:
            out += tok(x)
        return out
    raise TypeError(v)


LINES = []


def case(op, args, fn):
    try:
        res = fn()
        rt = tok(res)
    except Exception as e:  # noqa: BLE001 - the exception is the expected answer
        rt = ["E:%s:%s" % (type(e).__name__, str(e).encode("utf-8").hex())]
    at = []
    for a in args:
        at += tok(a)
    LINES.append("\t".join([op] + at + ["="] + rt))


def opt(*a):
    """Drops trailing None arguments (None means 'left out')."""
    a = list(a)
    while a and a[-1] is None:
        a.pop()
    return a


# Invalid and valid UTF-8 of every kind.
UTF8_SAMPLES = [
    b"", b"abc", "héllo €𝄞".encode(), b"a\xe9b", b"\xe9", b"\x80", b"\xbf\x80abc",
    b"\xc0\x80", b"\xc1\xbf", b"\xe0\x80\x80", b"\xe0\x9f\xbf", b"\xf0\x80\x80\x80",
    b"\xf0\x8f\xbf\xbf", b"\xed\xa0\x80", b"\xed\xbf\xbf", b"\xed\xa0\x80\xed\xb0\x80",
    b"\xed\x9f\xbf", b"\xee\x80\x80", b"\xf4\x8f\xbf\xbf", b"\xf4\x90\x80\x80",
    b"\xf5\x80\x80\x80", b"\xf7\xbf\xbf\xbf", b"\xf8\x88\x80\x80\x80", b"\xfc\x84\x80\x80\x80\x80",
    b"\xfe", b"\xff", b"\xff\xfe", b"\xe2", b"\xe2\x82", b"\xe2\x82\xac", b"\xe2\x82x",
    b"\xe2x\xac", b"x\xe2\x82", b"\xf0\x9d", b"\xf0\x9d\x84", b"\xf0\x9d\x84\x9e",
    b"\xf0\x9d\x84x", b"\xf0\x9dx\x9e", b"\xc3", b"\xc3(", b"\xc3\xa9\xc3", b"a\x80\x80\x80b",
    b"\xc2\x80", b"\xdf\xbf", b"\xe0\xa0\x80", b"\xef\xbf\xbf", b"\xf0\x90\x80\x80",
    b"\xe0\xa0", b"\xed\x80", b"\xed\xa0", b"\xf4\x8f", b"\xf4\x90", b"\xf0\x8f",
    b"\xef\xbb\xbfbom", b"\x00\x7f", b"ab\xf1\x80\x80", b"\xc3\xa9\x80\xe9\xe9z",
]
ENCODINGS = ["utf-8", "utf8", "UTF-8", "u8", "utf_8", "Utf 8", "cp65001", "ascii", "us-ascii",
             "US_ASCII", "646", "latin-1", "latin1", "iso-8859-1", "ISO8859-1", "l1",
             "iso_8859_1:1987", "  utf-8  ", "foo", "utf..8", ""]
ERRORS = ["strict", "replace", "ignore", "backslashreplace", "bar"]

for b in UTF8_SAMPLES:
    for err in ERRORS:
        case("decode", [b, "utf-8", err], lambda: b.decode("utf-8", err))
for b in [b"", b"abc", b"a\xe9b", b"\x80\xff\x7f", b"\xe2\x82\xac"]:
    for enc in ["ascii", "latin-1"]:
        for err in ERRORS:
            case("decode", [b, enc, err], lambda: b.decode(enc, err))
for enc in ENCODINGS:
    case("decode", [b"a\xe9", enc, "replace"], lambda: b"a\xe9".decode(enc, "replace"))
    case("encode", ["aé€", enc, "replace"], lambda: "aé€".encode(enc, "replace"))
for s in ["", "abc", "é", "aé€b", "é€𝄞x", "a\x7f\x80\xff\u0100", "𝄞", "x€€€y€", "\U0010ffff"]:
    for enc in ["utf-8", "ascii", "latin-1"]:
        for err in ERRORS:
            case("encode", [s, enc, err], lambda: s.encode(enc, err))

# repr
ALL = bytes(range(256))
for b in [b"", b"abc", b"'", b'"', b"'\"", b"it's", b'say "hi"', b"\\", b"\t\n\r\x00\x1f\x7f\x80\xff",
          ALL, b"a'b\"c\\", b"\x0b\x0c"]:
    case("repr", [b], lambda: repr(b))

# hex / fromhex
for b in [b"", b"\x01", b"\x01\x02\x03\x04\x05", ALL[:16], b"\xab\xcd\xef"]:
    for sep, bps in [(None, None), (":", None), (":", 1), (":", 2), (":", -2), ("-", 3),
                     ("-", -3), (" ", 0), ("::", 1), ("é", 1), ("", 1), (":", 100), (":", -100)]:
        case("hex", [b, sep, bps], lambda: b.hex(*opt(sep, bps)))
for s in ["", "abc", "ab", "a b", "0 1 ", "  ", " a", "é", "1\x0b2 \x1c", "de ad be ef", "DEADbeef",
          "\t01\n02\r03\x0c04\x0b", "0g", "g0", "00 0", "ff\u00a0ff", "1 2", "  a0  b1  "]:
    case("fromhex", [s], lambda: bytes.fromhex(s))

# split / rsplit
SPLIT = [b"", b"   ", b"a b  c", b"  a b  c  ", b"\t\na\x0b\x0cb\rc\x1cd", b"a,b,,c,", b",a,b,",
         b"aaa", b"abcabcab", b"\x00 \x85 \xa0 x"]
for b in SPLIT:
    for sep in [None, b",", b"ab", b"a", b" ", b""]:
        for ms in [-1, 0, 1, 2, 10]:
            case("split", [b, sep, ms], lambda: b.split(sep, ms))
            case("rsplit", [b, sep, ms], lambda: b.rsplit(sep, ms))

# strip
for b in [b"", b"  a b  ", b"\t\n\x0b\x0c\r a \x1c\x85\xa0", b"xxaxyx", b"abc"]:
    for chars in [None, b"x", b"xy", b"", b" \x85", b"abc"]:
        for op in ["strip", "lstrip", "rstrip"]:
            case(op, [b, chars], lambda: getattr(b, op)(chars))

# replace
for b in [b"", b"abc", b"aaaa", b"abcabcab"]:
    for old, new in [(b"a", b"X"), (b"", b"-"), (b"ab", b""), (b"aa", b"b"), (b"z", b"q"),
                     (b"abc", b"abcabc")]:
        for cnt in [-1, 0, 1, 2, 100]:
            case("replace", [b, old, new, cnt], lambda: b.replace(old, new, cnt))

# find & co.
SE = [(None, None), (1, None), (-2, None), (0, 2), (2, 100), (-100, -1), (4, None), (3, 3),
      (5, 1), (3, None), (-1, -1)]
for b in [b"", b"abc", b"abcabc", b"aaaa"]:
    for sub in [b"", b"a", b"bc", b"ca", b"aa", b"z", b"abcabcx"]:
        for st, en in SE:
            for op in ["find", "rfind", "index", "rindex", "count"]:
                case(op, [b, sub, st, en], lambda: getattr(b, op)(sub, *opt(st, en)))
            for op in ["startswith", "endswith"]:
                case(op, [b, sub, st, en], lambda: getattr(b, op)(sub, *opt(st, en)))

# join
for sep in [b"", b",", b"--"]:
    for parts in [[], [b"a"], [b"a", b"b"], [b"", b"", b""], [b"ab", b"\xff", b"c"]]:
        case("join", [sep, parts], lambda: sep.join(parts))

# case mapping and predicates
PRED = [b"", b"abc", b"ABC", b"aBc1", b"123", b"\xb2\xb3", b"\xe9", b" \t\n\r\x0b\x0c", b"\x1c",
        b"\x85", b"\xa0", b"a b", b"0", b"Hello World", b"\xc3\xa9", b"ab12", b"A1", b"1a!", b"_"]
for b in PRED + [ALL]:
    for op in ["upper", "lower", "isdigit", "isalpha", "isspace", "isalnum", "isupper",
               "islower"]:
        case(op, [b], lambda: getattr(b, op)())

# partition
for b in [b"", b"abc", b"a,b,c", b",", b"abcabc"]:
    for sep in [b",", b"bc", b"z", b"", b"abcabcabc"]:
        for op in ["partition", "rpartition"]:
            case(op, [b, sep], lambda: getattr(b, op)(sep))

with open(OUT, "w", encoding="ascii", newline="\n") as f:
    for line in LINES:
        f.write(line + "\n")
print("wrote %d cases to %s" % (len(LINES), os.path.relpath(OUT)))
