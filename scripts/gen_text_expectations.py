"""Writes tests/text/cases.txt: CPython 3.11's results for the str operations that
src/object/text.rs implements, checked by tests/text_methods.rs.

Run with CPython 3.11 (the oracle): python3 scripts/gen_text_expectations.py

File format, one record per line, fields separated by TAB:
  call   <method> <arg tokens...> = <result tokens...>
  sweep  <predicate> <ranges>      code points (within the universe) where it is true
  map    <operation> <cp:token>... single characters whose result differs from themselves
  universe <ranges>                code points swept: assigned in Python's Unicode data,
                                   surrogates excluded
Tokens: S<string> (escaped), I<int>, N (None), T / F (bools), L<n> (a list or tuple,
followed by its n element tokens), E<ExceptionType>:<message>.
Strings escape backslash as \\ and every character that is not printable ASCII or a
printable non-ASCII character (str.isprintable) as \\u{hex}. Ranges: comma-separated
hex `a-b` or `a`.
"""

import os
import sys
import unicodedata

assert sys.version_info[:2] == (3, 11), "the oracle is CPython 3.11"

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "tests", "text", "cases.txt")


def esc(s):
    out = []
    for c in s:
        if c == "\\":
            out.append("\\\\")
        elif ("\x20" <= c <= "\x7e") or (ord(c) > 0x7F and c.isprintable()):
            out.append(c)
        else:
            out.append("\\u{%x}" % ord(c))
    return "".join(out)


def tok(v):
    if v is None:
        return ["N"]
    if v is True:
        return ["T"]
    if v is False:
        return ["F"]
    if isinstance(v, int):
        return ["I%d" % v]
    if isinstance(v, str):
        return ["S" + esc(v)]
    if isinstance(v, (list, tuple)):
        out = ["L%d" % len(v)]
        for x in v:
            out += tok(x)
        return out
    raise TypeError(v)


lines = []


def call(method, *args):
    """Records CPython's answer for method(*args); the first arg is the receiver."""
    fn = {
        "repr": repr,
        "ascii": ascii,
        "mul": lambda s, n: s * n,
        "slice": lambda s, a, b, c: s[a:b:c],
        "join": lambda sep, items: sep.join(items),
        "startswith": lambda s, p, a, b: s.startswith(tuple(p), a, b),
        "endswith": lambda s, p, a, b: s.endswith(tuple(p), a, b),
    }.get(method) or (lambda s, *a: getattr(s, method)(*a))
    try:
        res = tok(fn(*args))
    except Exception as e:  # the exception is the expected result
        res = ["E%s:%s" % (type(e).__name__, esc(str(e)))]
    fields = ["call", method]
    for a in args:
        fields += tok(a)
    fields.append("=")
    fields += res
    lines.append("\t".join(fields))


SAMPLES = [
    "",
    "a",
    "hello world",
    "  Hello, World!  ",
    "Hello World",
    "hELLO wORLD",
    "python is FUN",
    "a,b,,c,",
    "one  two\tthree\nfour",
    "\t\n a b \x0b\x0c\r",
    "line1\nline2\r\nline3\rline4",
    "x\x1cy\x1dz\x1ew\x1fv",
    "p\x85q\u2028r\u2029s",
    "nbsp\xa0here\u3000ideo\u2003em",
    "café naïve résumé",
    "Ελληνικά ΟΔΟΣ οδός",
    "ΣΑΣ Σ ΑΣ. ΑΣ'Β",
    "日本語テキスト 中文",
    "emoji 😀👍🏽 done",
    "e\u0301 combining a\u0308",
    "straße ß ẞ",
    "ﬁne ﬂow ﬀ",
    "İstanbul ıi Iı",
    "ǅungla ǆ Ǆ ǈ ǋ",
    "ᾳ ᾼ ᾀ ᾲ",
    "ŉ ǰ ΐ",
    "ꭰꮎ Ꭰ ᏸ",
    "ა Ა ბ",
    "123",
    "١٢٣",
    "²³¹",
    "①②",
    "½⅓Ⅻ",
    "一二三十百千",
    "abc123",
    "ABC",
    "abc",
    "Abc Def",
    "ABC def",
    "_private",
    "1abc",
    "ñandú",
    "x-y",
    "\x00\x07\x7f\x80\x9f",
    "\xad\u200b\u200e\ufeff",
    "\ue000\U000f0000",
    "\U0001d400\U0010ffff",
    "it's",
    'say "hi"',
    "both ' and \"",
    "back\\slash",
    "tab\there",
    "-42",
    "+7",
    "ab\tcd\tefgh\ti",
    "a\tb\nc\td\re\tf",
    "mississippi",
    "aaaa",
]

for s in SAMPLES:
    call("repr", s)
    call("ascii", s)
    for m in ["upper", "lower", "casefold", "title", "capitalize", "swapcase",
              "isdigit", "isdecimal", "isnumeric", "isalpha", "isalnum", "isspace",
              "isupper", "islower", "istitle", "isidentifier", "isascii", "isprintable",
              "split", "rsplit", "splitlines", "strip", "lstrip", "rstrip"]:
        call(m, s)
    call("splitlines", s, True)
    call("split", s, None, 1)
    call("rsplit", s, None, 1)
    call("split", s, None, 0)
    call("rsplit", s, None, 2)
    call("expandtabs", s, 8)
    call("center", s, 21, "*")
    call("ljust", s, 20, "·")
    call("rjust", s, 20, " ")
    call("zfill", s, 12)
    call("slice", s, None, None, -1)
    call("slice", s, 1, -1, 2)

# Separators and maxsplit.
for s, sep in [("a,b,,c,", ","), ("a,b,,c,", ",,"), ("aaa", "aa"), ("xyx", "x"),
               ("1<>2<>3", "<>"), ("αβγαβ", "β"), ("日本日本", "本"), ("", ","),
               ("abc", "abc"), ("no sep", "|"), ("a😀b😀c", "😀")]:
    for n in [-1, 0, 1, 2, 100]:
        call("split", s, sep, n)
        call("rsplit", s, sep, n)
    call("partition", s, sep)
    call("rpartition", s, sep)
for s in ["a b c d", "  a  b  c  ", "\u2028a\x1cb\x85c\xa0", ""]:
    for n in [-5, -1, 0, 1, 2, 3, 10]:
        call("split", s, None, n)
        call("rsplit", s, None, n)
call("split", "abc", "")
call("rsplit", "abc", "")
call("partition", "abc", "")
call("rpartition", "abc", "")

# Splitlines over every boundary and look-alikes.
for c in "\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\u2028\u2029\xa0\t":
    call("splitlines", "a" + c + "b" + c, False)
    call("splitlines", "a" + c + "b" + c, True)
for s in ["\r\n\r\n", "\n\r", "x\r\r\ny", "\n", "abc"]:
    call("splitlines", s, False)
    call("splitlines", s, True)

# Join.
for sep, items in [(", ", ["a", "b", "c"]), ("", []), ("-", ["x"]), ("ß", ["α", "", "日"]),
                   ("", ["a", "b"]), ("\n", ["l1", "l2", ""])]:
    call("join", sep, items)

# Strip with chars.
for s, chars in [("xxhixx", "x"), ("abcHelloCBA", "abc"), ("  spaced  ", None),
                 ("  spaced  ", ""), ("ééaéé", "é"), ("😀x😀", "😀"), ("www.example.com", "cmowz."),
                 ("\x1c\x1dtext\x1f\x85", None)]:
    for m in ["strip", "lstrip", "rstrip"]:
        call(m, s, chars)

# Replace.
for s, old, new in [("hello world", "o", "0"), ("aaaa", "aa", "b"), ("abc", "", "-"),
                    ("", "", "x"), ("", "a", "b"), ("αβα", "α", "ω"), ("日本", "", "|"),
                    ("mississippi", "ss", "SS"), ("x", "xyz", "q")]:
    for n in [-1, 0, 1, 2, 10]:
        call("replace", s, old, new, n)

# Searching with start/end clamping.
BOUNDS = [(None, None), (0, None), (2, None), (-2, None), (-100, None), (100, None),
          (None, -1), (None, 2), (1, 3), (3, 1), (4, 4), (5, 5), (6, None), (-3, -1), (0, 100)]
for s, subs in [("hello hello", ["l", "lo", "hello", "", "z"]),
                ("αβγαβγ", ["β", "γα", ""]),
                ("日本😀日本", ["日本", "😀", ""])]:
    for sub in subs:
        for a, b in BOUNDS:
            for m in ["find", "rfind", "index", "rindex", "count"]:
                call(m, s, sub, a, b)
for s, ps in [("hello world", [["he"], ["wo"], ["ld"], [""], ["x", "hell"], []]),
              ("αβγ", [["α"], ["γ"], ["βγ"], [""]])]:
    for p in ps:
        for a, b in BOUNDS:
            call("startswith", s, p, a, b)
            call("endswith", s, p, a, b)

# Padding.
for s in ["abc", "ab", "a", "", "日本"]:
    for w in [-1, 0, 2, 3, 4, 5, 6, 7]:
        call("center", s, w, "*")
        call("ljust", s, w, "-")
        call("rjust", s, w, "é")
        call("zfill", s, w)
for f in ["", "ab", "😀"]:
    call("center", "x", 5, f)
    call("ljust", "x", 5, f)
    call("rjust", "x", 5, f)
for s in ["-1", "+1", "--1", "-", "1-", "-αβ"]:
    for w in [0, 1, 2, 4, 6]:
        call("zfill", s, w)
call("center", "a", 2**62, " ")
call("zfill", "a", 2**62)

# Tabs.
for s in ["a\tb", "\t", "abcd\tx", "1\t12\t123\t1234\t12345", "a\nb\tc", "a\r\tb", "é\tx", "日本\t."]:
    for t in [-3, 0, 1, 2, 4, 8]:
        call("expandtabs", s, t)
call("expandtabs", "a\tb", 2**31)
call("expandtabs", "a\tb", -(2**31) - 1)

# Prefixes.
for s, p in [("prefix_rest", "prefix_"), ("abc", ""), ("abc", "abcd"), ("日本語", "日"), ("abc", "b")]:
    call("removeprefix", s, p)
    call("removesuffix", s, p)
    call("removesuffix", s, s[-1:])

# Repetition.
for s in ["ab", "", "é😀"]:
    for n in [-2, 0, 1, 3]:
        call("mul", s, n)
call("mul", "ab", 2**62)
call("mul", "a", 2**62)

# Slicing.
SL = [None, 0, 1, 2, 3, -1, -2, -4, 5, 100, -100]
for a in SL:
    for b in SL:
        for c in [None, 1, 2, -1, -2]:
            call("slice", "a日c😀e", a, b, c)
call("slice", "abc", None, None, 0)
call("slice", "abc", 2**63 - 1, -(2**63), -(2**63))
call("slice", "", None, None, -1)

# Case mapping in context (final sigma, title after apostrophes and digits).
for s in ["ΣΑΣ", "ΑΣ ΑΣΑ", "Σ", "ΑΣ1", "ΑΣ'", "Α'Σ", "ΑΣ\u0301Α", "ΑΣ\u0301", "they're bill's",
          "3rd place", "hello_world", "o'neil mcDONALD", "ǆemal ǅ", "ß ß", "ΑΣ.Α ΑΣ.",
          "Σ̈Α", "aΣ", "\u00c5Σ\u00ad"]:
    for m in ["lower", "title", "capitalize", "swapcase", "casefold", "upper", "istitle"]:
        call(m, s)

# Single characters of interest: whitespace, unassigned, and formats.
for c in ["\x1c", "\x1f", "\x85", "\xa0", "\u2028", "\u200b", "\u0378", "\uffff", "\U0010ffff",
          "\U000e0000", "\u180e", "\u2e2f", "\u0e33", "\u309b", "\ufe71", "\uff9e", "\u00b7"]:
    for m in ["isspace", "isprintable", "isidentifier", "isalpha", "repr", "ascii"]:
        call(m, c)
    call("isidentifier", "a" + c)


def ranges(cps):
    out = []
    start = prev = None
    for cp in cps:
        if start is not None and cp == prev + 1:
            prev = cp
            continue
        if start is not None:
            out.append("%x" % start if start == prev else "%x-%x" % (start, prev))
        start = prev = cp
    if start is not None:
        out.append("%x" % start if start == prev else "%x-%x" % (start, prev))
    return ",".join(out)


UNIVERSE = [cp for cp in range(sys.maxunicode + 1)
            if unicodedata.category(chr(cp)) not in ("Cn", "Cs")]
lines.append("universe\t" + ranges(UNIVERSE))
for pred in ["isprintable", "isdigit", "isdecimal", "isnumeric", "isalpha", "isalnum",
             "isspace", "isupper", "islower", "istitle", "isidentifier"]:
    lines.append("sweep\t%s\t%s" % (pred, ranges(
        cp for cp in UNIVERSE if getattr(chr(cp), pred)())))
lines.append("sweep\txid_continue\t" + ranges(
    cp for cp in UNIVERSE if ("a" + chr(cp)).isidentifier()))
for op in ["upper", "lower", "casefold", "title", "capitalize", "swapcase"]:
    pairs = []
    for cp in UNIVERSE:
        r = getattr(chr(cp), op)()
        if r != chr(cp):
            pairs.append("%x:%s" % (cp, tok(r)[0]))
    lines.append("map\t%s\t%s" % (op, "\t".join(pairs)))

os.makedirs(os.path.dirname(OUT), exist_ok=True)
with open(OUT, "w", encoding="utf-8", newline="\n") as f:
    f.write("\n".join(lines) + "\n")
print("wrote %d lines (%d calls) to %s" % (len(lines), sum(l.startswith("call") for l in lines), OUT))
