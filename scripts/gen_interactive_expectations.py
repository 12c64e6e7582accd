#!/usr/bin/env python3
"""Regenerates tests/interactive/cases.txt: how CPython 3.11's interactive mode classifies
the lines typed so far (codeop.compile_command, the decision behind the REPL's `...` prompt).

Each output line is `SOURCE<TAB>RESULT`, where SOURCE escapes backslash, newline and tab as
\\\\, \\n and \\t, and RESULT is `complete`, `incomplete` or
`error<TAB>TYPE<TAB>MESSAGE<TAB>LINENO<TAB>OFFSET`.
"""

import codeop
import sys
import warnings
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "tests" / "interactive" / "cases.txt"

CASES = [
    "x = 1", "print(1)\n", "", "# comment", "   ", "x = 1; y = 2",
    "if x:", "if x:\n    y = 1", "if x:\n    y = 1\n", "if x:\n    y = 1\n\n",
    "if x: pass", "if x: pass\n", "if x:\n    pass\n    ",
    "if x:\n  pass\nelse:", "if x:\n  pass\nelse:\n  pass", "if x:\n  pass\nelse:\n  pass\n",
    "for i in range(3):\n    print(i)\n\n", "while True:\n    break\nelse:\n    pass\n",
    "def f():", "def f():\n  return 1", "def f():\n  return 1\n", "def f(",
    "def f(a,\n      b):", "def f(a,\n      b):\n    return a\n",
    "class A:", "class A:\n    pass\n", "@dec", "@dec\ndef f():\n    pass\n",
    "try:", "try:\n  pass", "try:\n  pass\nexcept:\n  pass\n", "try:\n  pass\nfinally:",
    "with open(f) as g:", "with open(f) as g:\n    pass\n",
    "x = (1,", "x = (1,\n2", "x = (1,\n2)", "x = [1,\n2]", "x = {", "f(a,\n  b",
    'x = """abc', 'x = """abc\ndef', 'x = """abc\ndef"""', "x = 'abc",
    "x = 1 \\", "x = 1 \\\n+ 2",
    "x = 1 +", "x = )", "import", "lambda x:", "x =", "if x", "if x y:",
    "x = (1 2", "f'{a'", "1 = x", "def f(x, x):\n    pass\n",
    "x = 1\ny = 2", "x = 1\ny = 2\n", "if x:\n  pass\ny = 1",
    "def f():\n    pass\n\ndef g():\n    pass\n", "x = 1\n\n",
    "  x = 1", "if x:\n\ty = 1\n        z = 2\n",
]


def escape(text):
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")


def classify(source):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            code = codeop.compile_command(source, "<stdin>", "single")
    except SyntaxError as e:
        return "\t".join(["error", type(e).__name__, escape(e.msg), str(e.lineno), str(e.offset)])
    return "incomplete" if code is None else "complete"


def main():
    if sys.version_info[:2] != (3, 11):
        sys.exit("gen_interactive_expectations: needs CPython 3.11")
    lines = [f"{escape(source)}\t{classify(source)}" for source in CASES]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} cases written to {OUT}")


if __name__ == "__main__":
    main()
