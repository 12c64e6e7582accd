#!/usr/bin/env python3
"""Regenerates tests/traceback/cases.txt: the position markers CPython 3.11 prints under a
traceback's source line (`^^^^`, `~~~^~~~`), for snippets that fail in different expressions.

Each case runs a snippet, takes the innermost frame of the traceback, and records the source
line, the frame's positions (line, end line, byte columns) and the marker line CPython printed
under it (empty when it printed none). Fields are tab-separated; backslashes, tabs and newlines
in text are escaped as \\\\, \\t and \\n.
"""

import linecache
import sys
import traceback
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "tests" / "traceback" / "cases.txt"

PRELUDE = "a = 1\nb = 'x'\nd = {}\nl = [1, 2]\nz = 0\nclass O: pass\no = O()\n" \
          "def f(*args):\n    raise ValueError('v')\n"

SNIPPETS = [
    "1 / 0", "x = 1 / 0", "x = a / z", "x = a + b", "x = (a + b)", "x = a  +  b * 2",
    "x = b * 2 + a", "x = a ** b", "x = a // z + 1", "x = 1 + (a / z)", "x = l[5]",
    "x = l[ 5 ]", "x = d['key']", "x = d['k'] + 1", "x = l[0] + l[9]", "x = f(1)",
    "x = f(1) + 2", "print(f(a, b))", "x = o.missing", "x = o.missing + 1", "x = len(a)",
    "y = undefined_name", "x = [a + b]", "x = {'k': a / z}", "x = a if a / z else b",
    "x = not a + b", "x = -b", "x = a < b", "x = a @ a", "x = a % z", "x = a << b",
    "x = (a +\n     b)", "x = f(\n    1)", "x = 'é' + a", "x = 'éé' * b + a",
    "x = a+b", "x = a +b", "x = a+ b", "x = a  /z", "x = l [9]", "x = d['a'][0]",
    "x = l[0][0]", "x = l[1:2][5]", "x = a / z  # comment", "x = (a) / (z)",
    "x = [1, 2][a + b]", "x = l[a / z]", "del d['gone']", "d['k'] += 1", "l[9] = 1",
    "x = a.real.imag.bad", "x = int('q')", "x = f()()", "assert a / z",
    "for i in a: pass", "x = [i / z for i in l]", "raise ValueError('boom')",
    "x = 1 / 0; y = 2", "if a / z: pass", "x = (\n    a / z\n)",
]


def escape(text):
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def case(snippet):
    source = PRELUDE + snippet + "\n"
    # The traceback module reads source lines through linecache.
    linecache.cache["case.py"] = (len(source), None, source.splitlines(True), "case.py")
    code = compile(source, "case.py", "exec")
    try:
        exec(code, {"__name__": "__main__"})
    except Exception as exc:  # noqa: BLE001 - every failure is a case
        frames = traceback.extract_tb(exc.__traceback__)
        frame = frames[-1]
        lines = source.split("\n")
        text = lines[frame.lineno - 1]
        formatted = traceback.format_list([frame])[0].rstrip("\n").split("\n")
        markers = formatted[2] if len(formatted) > 2 else ""
        return "\t".join([
            escape(text), str(frame.lineno), str(frame.end_lineno), str(frame.colno),
            str(frame.end_colno), escape(markers),
            escape("\n".join(lines[frame.lineno - 1:frame.end_lineno])),
        ])
    raise SystemExit(f"snippet did not fail: {snippet!r}")


def main():
    if sys.version_info[:2] != (3, 11):
        sys.exit("gen_traceback_expectations: needs CPython 3.11")
    rows = [case(s) for s in SNIPPETS]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} cases written to {OUT}")


if __name__ == "__main__":
    main()
