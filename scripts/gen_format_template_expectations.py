"""Writes tests/format_template/cases.txt: CPython 3.11's view of str.format templates.

For every template it records what string.Formatter().parse() reports (or raises) and what
str.format does with it: the output (arguments render as <id|spec>, so the output shows which
argument each field read and its expanded spec), a template error (ValueError and message), or
some other exception ("other"; nothing is checked then). For every field name it records how
_string.formatter_field_name_split splits it. tests/format_template.rs checks all of it.

Format: one record per line, tab-separated fields escaped with \\\\, \\t, \\n, \\r; \\N is None.
  T template | P literal name spec conv | PE type msg | F ok out | F err type msg | F other type msg
  N name | NF int|str value | NA attr|int|str value | NE type msg
"""

import _string
import random
import string
import sys
from pathlib import Path

TEMPLATE_ERRORS = {
    "Single '}' encountered in format string",
    "Single '{' encountered in format string",
    "expected '}' before end of string",
    "unmatched '{' in format spec",
    "unexpected '{' in field name",
    "Missing ']' in format string",
    "Only '.' or '[' may follow ']' in format field specifier",
    "Empty attribute in format string",
    "end of string while looking for conversion specifier",
    "expected ':' after conversion specifier",
    "Max string recursion exceeded",
    "Too many decimal digits in format string",
    "cannot switch from manual field specification to automatic field numbering",
    "cannot switch from automatic field numbering to manual field specification",
}


def is_template_error(e):
    msg = str(e)
    return type(e) is ValueError and (
        msg in TEMPLATE_ERRORS or msg.startswith("Unknown conversion specifier ")
    )


class S(str):
    def __format__(self, spec):
        return "<" + str.__str__(self) + "|" + spec + ">"


class A:
    def __init__(self, ident):
        object.__setattr__(self, "_A__ident", ident)

    def __getattr__(self, name):
        return A(self.__ident + "." + name)

    def __getitem__(self, key):
        return A(self.__ident + "[" + repr(key) + "]")

    def __format__(self, spec):
        return "<" + self.__ident + "|" + spec + ">"

    def __repr__(self):
        return S("r:" + self.__ident)

    def __str__(self):
        return S("s:" + self.__ident)


ARGS = [A(str(i)) for i in range(30)]


def esc(s):
    if s is None:
        return "\\N"
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def line(*fields):
    return "\t".join(esc(f) for f in fields)


HAND = [
    "", "abc", "{", "}", "a}b", "a{b", "{{", "}}", "{{}}", "a{{b}}c", "{{{0}", "}}{{", "{0}}}",
    "{}", "{}{}{}", "{0}{1}{0}", "{a}{b}", "{}{a}{}", "{0}{a}{1}", "{a}{}{0}", "{}{0}", "{0}{}",
    "{0[}", "{0[}]}", "{0]}", "{0[a]b}", "{0.}", "{0..a}", "{0[]}", "{.a}", "{[0]}", "{[0]}{}",
    "{99999999999999999999}", "{0[99999999999999999999]}", "{9223372036854775807}",
    "{9223372036854775808}", "{0[9223372036854775808]}", "{0[9223372036854775807]}",
    "{0.9223372036854775808}", "{99999999999999999999a}", "{0[99999999999999999999a]}",
    "{9a99999999999999999999}", "{}{99999999999999999999}", "{0[99999999999999999999]x}",
    "{0[-1]}", "{0[ 1]}", "{ 0}", "{-1}", "{+1}", "{0[+1]}", "{0[\u0661]}", "{\u0661}",
    "{\u0661\u0662}", "{\U0001D7CF}", "{0[\uff11]}", "{0[0x1]}", "{0[1_0]}", "{0[01]}", "{007}",
    "{!}", "{!r", "{!rx}", "{!x}", "{!rr}", "{0!}", "{0!}}", "{0!}:}", "{0!:}", "{0!!}",
    "{0!::}", "{!\x01}", "{!\u00e9}", "{! }", "{!\x7f}", "{!\x80}", "{0!\u1234}",
    "{0!\U0001F600}", "{!a}", "{!a:x}", "{!r:x}", "{!s:>5}", "{0!r}", "{0!s:}", "{0!{}",
    "{0!r:{1}}", "{:{:x}}", "{:{:{}}}", "{:{:{:x}}}", "{0:{1:{2}}}", "{0!r:{1:{2}}}x",
    "{0!", "{0:{", "{0:}}", "{{}", "{0{}", "{a{b}c}", "{0:{1!r}}", "{0[{]}", "{0[:]}",
    "{0[!]}", "{0[a}b]}", "{:{0}}", "{0:{}}", "{!r:{}}", "{0!x:{0.}}", "{0.!x}", "{0.a[}",
    "{0:{{}}}", "{0:}}}", "{0:{}}}", "{a.b[c].d[1]}", "{0:{{x}}}", "{0[\u00e9]}", "{0[1a]}",
    "{0.1}", "{0[1].[2]}", "{0[1]x}", "{!r:", "{0!r:x", "{0:x", "{0!:x}", "{a!s}", "{0.a.}",
    "{0:{{}", "{0[]x}", "{0[a][}", "{0[a]]}", "{0[a][b]c}", "{0[a]..}", "{0.a[]}", "{0[a}",
    "{0:{a}{b}}", "{0:{1}{}}", "{[}", "{]}", "{:{[}}", "{0:{0[}}", "{0:{0!}}", "{0:}{}",
    "{0:{:{:x}}}", "{0:{x}", "{0:[}]}", "{0:[{]}]}", "{0[[]}", "{0[]]}", "{0[a.b]}", "{0.a[b].c}",
    "{name}", "{name[key]}", "{name.attr}", "{0.attr[1]}", "{0:>{1}}", "{0:{1}.{2}f}",
    "{:{}.{}}", "{:{}}{}", "{0:{1}}{2}", "x{0:{1}}y{2:{3}}z", "{:}", "{:>10}", "{a:{b}}",
    "{a:{}}", "{:{a}}", "{a:{0}}", "{0:{{{1}}}}", "{0:{{}}{}}", "{0:{}}", "{0:{}}{}",
    "line\nbreak{0}\ttab", "back\\slash{0}", "{0}\r", "\u00e9{0}\u00e9", "{\u00e9}",
    "{0:\u00e9}", "{a b}", "{a-b.c}", "{0[a b]}", "{0[ ]}", "{0. }", "{0.\u00e9}",
    "}{", "{0}}", "{0}{", "{}{", "{0}{1", "a{0}b}c", "{0}{1}}}", "{{0}}", "{{{{0}}}}",
    "{{{}}}", "{0:{{}", "{:::}", "{:!r}", "{::}", "{:}}", "{!:}", "{!!}", "{!!:}", "{!r!}",
    "{0!r:{0!s:{0}}}", "{0:{0:{0}}}", "{0:{0:}}", "{0:{0:x}}", "{0:{0:{{}}}}",
]

TOKENS = [
    "{", "}", "{{", "}}", "!", ":", ".", "[", "]", "0", "1", "12", "a", "r", "s", "x", ">5",
    "\u00e9", "\u0661", " ", "{}", "{0}", "{a}", "{:{}}", "!r", "[0]", ".b",
]


def random_templates(n, seed):
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        k = rng.randint(1, 8)
        out.append("".join(rng.choice(TOKENS) for _ in range(k)))
    return out


def main():
    root = Path(__file__).resolve().parent.parent
    templates = []
    seen = set()
    for t in HAND + random_templates(400, 3111):
        if t not in seen:
            seen.add(t)
            templates.append(t)
    names = [
        "", "0", "a", "0.a", "0[1]", "a[b]", "0[a", "0.a[b", "0[]", "0.", "0..a", "0[a]b",
        "0[1].x[y]", "[0]", ".a", "99999999999999999999", "0[99999999999999999999]",
        "\u0661", "0[\u0662]", "0[a]]", "0[[]", "0.a.b.c", "0[-1]", "-1",
    ]
    out = []
    for t in templates:
        out.append(line("T", t))
        try:
            parsed = list(string.Formatter().parse(t))
        except Exception as e:  # noqa: BLE001 - we record whatever CPython raises
            out.append(line("PE", type(e).__name__, str(e)))
        else:
            for lit, name, spec, conv in parsed:
                out.append(line("P", lit, name, spec, conv))
                if name is not None and name not in names:
                    names.append(name)
        kwargs = {t[i:j]: A("k:" + t[i:j]) for i in range(len(t)) for j in range(i, len(t) + 1)}
        try:
            res = t.format(*ARGS, **kwargs)
        except Exception as e:  # noqa: BLE001
            kind = "err" if is_template_error(e) else "other"
            out.append(line("F", kind, type(e).__name__, str(e)))
        else:
            out.append(line("F", "ok", res))
    for name in names:
        out.append(line("N", name))
        try:
            first, rest = _string.formatter_field_name_split(name)
            recs = [line("NF", "int" if isinstance(first, int) else "str", str(first))]
            for is_attr, key in rest:
                kind = "attr" if is_attr else ("int" if isinstance(key, int) else "str")
                recs.append(line("NA", kind, str(key)))
        except Exception as e:  # noqa: BLE001
            out.append(line("NE", type(e).__name__, str(e)))
        else:
            out.extend(recs)
    dest = root / "tests" / "format_template" / "cases.txt"
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"{len(templates)} templates, {len(names)} names -> {dest}", file=sys.stderr)


if __name__ == "__main__":
    main()
