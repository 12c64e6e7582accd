#!/usr/bin/env python3
"""Regenerate the expected outputs of the parser test data from CPython 3.11.

Run from anywhere (paths are resolved relative to this file):

    python3 scripts/gen_parse_expectations.py

Inputs (hand written, never modified by this script):
    tests/syntax_errors/NAME.py     one broken snippet per file
    tests/compile_errors/NAME.py    one snippet that parses but does not compile
    tests/programs/parse/NAME.py    valid, runnable programs

Outputs (rewritten only when their content changes):
    tests/syntax_errors/NAME.out    stderr of `python3 -I NAME.py` (cwd =
                                    tests/syntax_errors), with the absolute
                                    path of the script replaced by NAME.py
    tests/programs/parse/NAME.ast   ast.dump(ast.parse(src), indent=2,
                                    include_attributes=True) + "\\n"
    tests/programs/parse/NAME.out   stdout of `python3 -I NAME.py`
                                    (cwd = tests/programs/parse)

Every step is checked and the script stops with a non-zero exit status and
an explanation as soon as something does not hold:
  * the interpreter must be CPython 3.11;
  * every syntax-error snippet must be rejected by ast.parse() itself
    (tokenizer / parser errors only: no compiler or symtable errors), and the
    message printed when running the file must be the one ast.parse raised;
  * every corpus program must parse, exit with status 0, write nothing to
    stderr and print the same stdout on two runs (each run gets a fresh
    random string-hash seed, so set-ordering leaks are likely to show up);
  * the corpus as a whole must cover the list of constructs in
    REQUIRED_NODES / REQUIRED_TOKENS below.
"""

import ast
import io
import os
import platform
import re
import subprocess
import sys
import tokenize
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SYNTAX_DIR = ROOT / "tests" / "syntax_errors"
COMPILE_DIR = ROOT / "tests" / "compile_errors"
PARSE_DIR = ROOT / "tests" / "programs" / "parse"

# A fixed UTF-8 locale so that non-ASCII text in error messages and program
# output is never escaped differently depending on the caller's environment.
RUN_ENV = {
    "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
    "LC_ALL": "C.UTF-8",
    "LANG": "C.UTF-8",
    "HOME": "/tmp",
}
RUN_TIMEOUT = 30


class GenError(Exception):
    pass


def fail(msg):
    raise GenError(msg)


def write_if_changed(path, data):
    """Write bytes to path unless it already holds exactly those bytes."""
    try:
        if path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    path.write_bytes(data)
    return True


def run_script(directory, name):
    return subprocess.run(
        [sys.executable, "-I", name],
        cwd=directory,
        env=RUN_ENV,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=RUN_TIMEOUT,
    )


def check_no_orphans(directory, outputs):
    sources = {p.stem for p in directory.glob("*.py")}
    for ext in outputs:
        for p in sorted(directory.glob("*." + ext)):
            if p.stem not in sources:
                fail(f"{p}: expected-output file without a matching .py "
                     f"(delete it by hand if the test was removed)")


# ---------------------------------------------------------------------------
# Syntax errors
# ---------------------------------------------------------------------------

FILE_LINE = re.compile(rb'^  File "([^"\n]+)", line (\d+)\n')


def gen_syntax_error(py, directory=SYNTAX_DIR):
    """Expected stderr of a snippet that fails to compile. In tests/syntax_errors the parser
    itself must reject it; in tests/compile_errors it must parse and fail in compile()."""
    name = py.name
    source = py.read_bytes()
    if not source:
        fail(f"{py}: empty snippet")
    # 1. The right stage must reject the snippet.
    try:
        ast.parse(source, filename=name)
    except SyntaxError as exc:  # includes IndentationError and TabError
        if directory != SYNTAX_DIR:
            fail(f"{py}: ast.parse() rejected this snippet; parser errors belong in "
                 f"tests/syntax_errors")
        expected = exc
    else:
        if directory == SYNTAX_DIR:
            fail(f"{py}: ast.parse() accepted this snippet; only tokenizer/parser "
                 f"errors belong in tests/syntax_errors")
        try:
            compile(source, name, "exec")
        except SyntaxError as exc:
            expected = exc
        else:
            fail(f"{py}: compile() accepted this snippet")

    # 2. Run it exactly like a user would.
    proc = run_script(directory, name)
    if proc.returncode != 1:
        fail(f"{py}: expected exit status 1, got {proc.returncode}")
    if proc.stdout:
        fail(f"{py}: unexpected stdout {proc.stdout!r}")
    err = proc.stderr

    # CPython shows the absolute path of the main script; normalise it.
    abs_path = os.fsencode(str(py.resolve()))
    quoted = b'"' + abs_path + b'"'
    if err.count(quoted) != 1:
        fail(f"{py}: expected the script path exactly once in stderr:\n"
             f"{err.decode('utf-8', 'replace')}")
    err = err.replace(quoted, b'"' + name.encode() + b'"')

    # 3. Cross-check with the exception ast.parse raised.
    m = FILE_LINE.match(err)
    if not m:
        fail(f"{py}: stderr does not start with a File line:\n"
             f"{err.decode('utf-8', 'replace')}")
    if int(m.group(2)) != expected.lineno:
        fail(f"{py}: reported line {m.group(2).decode()} but ast.parse "
             f"said line {expected.lineno}")
    last = err.decode("utf-8").rstrip("\n").split("\n")[-1]
    want = f"{type(expected).__name__}: {expected.msg}"
    if last != want:
        fail(f"{py}: last stderr line {last!r} != ast.parse error {want!r}")
    if "Traceback" in err.decode("utf-8"):
        fail(f"{py}: a traceback means this was not a compile-time error")

    write_if_changed(py.with_suffix(".out"), err)
    return type(expected).__name__, expected.msg


def gen_syntax_errors(directory=SYNTAX_DIR):
    files = sorted(directory.glob("*.py"))
    if not files:
        fail(f"no snippets found in {directory}")
    check_no_orphans(directory, ["out"])
    kinds = {}
    for py in files:
        if not re.fullmatch(r"[a-z0-9_]+\.py", py.name):
            fail(f"{py}: file names must be snake_case")
        _, msg = gen_syntax_error(py, directory)
        kinds[msg] = kinds.get(msg, 0) + 1
    return len(files), kinds


# ---------------------------------------------------------------------------
# Valid-program corpus
# ---------------------------------------------------------------------------

def dump_ast(source):
    tree = ast.parse(source)
    return ast.dump(tree, indent=2, include_attributes=True) + "\n"


def gen_program(py):
    name = py.name
    raw = py.read_bytes()
    source = raw.decode("utf-8")
    try:
        dumped = dump_ast(source)
    except SyntaxError as exc:
        fail(f"{py}: does not parse: {exc}")
    # Parsing the undecoded bytes must give the very same tree.
    if ast.dump(ast.parse(raw), indent=2, include_attributes=True) + "\n" != dumped:
        fail(f"{py}: AST differs between str and bytes input")

    outputs = []
    for attempt in range(2):
        proc = run_script(PARSE_DIR, name)
        if proc.returncode != 0 or proc.stderr:
            fail(f"{py}: run {attempt + 1} exited with {proc.returncode}; "
                 f"stderr:\n{proc.stderr.decode('utf-8', 'replace')}")
        if not proc.stdout.strip():
            fail(f"{py}: prints nothing")
        outputs.append(proc.stdout)
    if outputs[0] != outputs[1]:
        fail(f"{py}: output is not deterministic between two runs")

    write_if_changed(py.with_suffix(".ast"), dumped.encode("utf-8"))
    write_if_changed(py.with_suffix(".out"), outputs[0])
    return ast.parse(source), raw


# Constructs the corpus as a whole must contain.  Each entry is a description
# and a predicate over a single AST node.
def _op_names(cls):
    return [c.__name__ for c in cls.__subclasses__()]


def _is_str_const(n):
    return isinstance(n, ast.Constant) and isinstance(n.value, str)


REQUIRED_NODES = {
    "chained assignment a = b = c":
        lambda n: isinstance(n, ast.Assign) and len(n.targets) >= 2,
    "tuple assignment target":
        lambda n: isinstance(n, ast.Assign) and isinstance(n.targets[0], ast.Tuple),
    "list assignment target":
        lambda n: isinstance(n, ast.Assign) and isinstance(n.targets[0], ast.List),
    "starred assignment target":
        lambda n: isinstance(n, ast.Assign) and isinstance(n.targets[0], (ast.Tuple, ast.List))
        and any(isinstance(e, ast.Starred) for e in n.targets[0].elts),
    "subscription assignment target":
        lambda n: isinstance(n, ast.Assign) and isinstance(n.targets[0], ast.Subscript),
    "attribute assignment target":
        lambda n: isinstance(n, ast.Assign) and isinstance(n.targets[0], ast.Attribute),
    "annotated assignment with value":
        lambda n: isinstance(n, ast.AnnAssign) and n.value is not None and n.simple,
    "annotated assignment without value":
        lambda n: isinstance(n, ast.AnnAssign) and n.value is None,
    "annotated attribute assignment":
        lambda n: isinstance(n, ast.AnnAssign) and isinstance(n.target, ast.Attribute),
    "pass": lambda n: isinstance(n, ast.Pass),
    "del": lambda n: isinstance(n, ast.Delete),
    "return": lambda n: isinstance(n, ast.Return),
    "raise ... from ...": lambda n: isinstance(n, ast.Raise) and n.cause is not None,
    "bare raise": lambda n: isinstance(n, ast.Raise) and n.exc is None,
    "global": lambda n: isinstance(n, ast.Global),
    "nonlocal": lambda n: isinstance(n, ast.Nonlocal),
    "assert with message": lambda n: isinstance(n, ast.Assert) and n.msg is not None,
    "import a.b as c":
        lambda n: isinstance(n, ast.Import)
        and any("." in a.name and a.asname for a in n.names),
    "from a.b import x as y, z":
        lambda n: isinstance(n, ast.ImportFrom) and n.level == 0 and n.module
        and "." in n.module and len(n.names) >= 2 and any(a.asname for a in n.names),
    "from . import x":
        lambda n: isinstance(n, ast.ImportFrom) and n.level == 1 and n.module is None,
    "from .. m import y":
        lambda n: isinstance(n, ast.ImportFrom) and n.level == 2 and n.module,
    "from m import *":
        lambda n: isinstance(n, ast.ImportFrom) and n.names[0].name == "*",
    "if/elif/else":
        lambda n: isinstance(n, ast.If) and len(n.orelse) == 1
        and isinstance(n.orelse[0], ast.If) and n.orelse[0].orelse,
    "while/else": lambda n: isinstance(n, ast.While) and n.orelse,
    "for/else": lambda n: isinstance(n, ast.For) and n.orelse,
    "for with tuple target":
        lambda n: isinstance(n, ast.For) and isinstance(n.target, ast.Tuple),
    "try/except/else/finally":
        lambda n: isinstance(n, ast.Try) and n.handlers and n.orelse and n.finalbody,
    "except (A, B) as e":
        lambda n: isinstance(n, ast.ExceptHandler) and isinstance(n.type, ast.Tuple)
        and n.name,
    "bare except": lambda n: isinstance(n, ast.ExceptHandler) and n.type is None,
    "with a as b, c as (d, e)":
        lambda n: isinstance(n, ast.With) and len(n.items) >= 2
        and any(isinstance(i.optional_vars, ast.Tuple) for i in n.items),
    "with item without as":
        lambda n: isinstance(n, ast.With) and any(i.optional_vars is None for i in n.items),
    "def with defaults":
        lambda n: isinstance(n, ast.FunctionDef) and n.args.defaults,
    "def *args": lambda n: isinstance(n, ast.FunctionDef) and n.args.vararg,
    "def **kwargs": lambda n: isinstance(n, ast.FunctionDef) and n.args.kwarg,
    "def keyword-only after bare *":
        lambda n: isinstance(n, ast.FunctionDef) and n.args.kwonlyargs
        and n.args.vararg is None,
    "def keyword-only default":
        lambda n: isinstance(n, ast.FunctionDef) and any(d is not None for d in n.args.kw_defaults),
    "def positional-only": lambda n: isinstance(n, ast.FunctionDef) and n.args.posonlyargs,
    "def parameter annotations":
        lambda n: isinstance(n, ast.FunctionDef)
        and any(a.annotation for a in n.args.args + n.args.kwonlyargs),
    "def return annotation": lambda n: isinstance(n, ast.FunctionDef) and n.returns,
    "decorator with call":
        lambda n: isinstance(n, ast.FunctionDef)
        and any(isinstance(d, ast.Call) for d in n.decorator_list),
    "decorator with subscript/attribute expression":
        lambda n: isinstance(n, (ast.FunctionDef, ast.ClassDef))
        and any(isinstance(d, ast.Attribute) and isinstance(d.value, ast.Subscript)
                for d in n.decorator_list),
    "decorator with lambda":
        lambda n: isinstance(n, (ast.FunctionDef, ast.ClassDef))
        and any(isinstance(d, ast.Lambda) for d in n.decorator_list),
    "class with bases": lambda n: isinstance(n, ast.ClassDef) and n.bases,
    "class with metaclass=":
        lambda n: isinstance(n, ast.ClassDef)
        and any(k.arg == "metaclass" for k in n.keywords),
    "class with other keywords":
        lambda n: isinstance(n, ast.ClassDef)
        and any(k.arg != "metaclass" for k in n.keywords),
    "break": lambda n: isinstance(n, ast.Break),
    "continue": lambda n: isinstance(n, ast.Continue),
    "lambda without params": lambda n: isinstance(n, ast.Lambda) and not (
        n.args.args or n.args.vararg or n.args.kwarg or n.args.kwonlyargs or n.args.posonlyargs),
    "lambda with defaults": lambda n: isinstance(n, ast.Lambda) and n.args.defaults,
    "lambda *args **kw": lambda n: isinstance(n, ast.Lambda) and n.args.vararg and n.args.kwarg,
    "lambda keyword-only": lambda n: isinstance(n, ast.Lambda) and n.args.kwonlyargs,
    "lambda positional-only": lambda n: isinstance(n, ast.Lambda) and n.args.posonlyargs,
    "conditional expression": lambda n: isinstance(n, ast.IfExp),
    "or": lambda n: isinstance(n, ast.BoolOp) and isinstance(n.op, ast.Or),
    "and": lambda n: isinstance(n, ast.BoolOp) and isinstance(n.op, ast.And),
    "chained comparison (3+ operands)":
        lambda n: isinstance(n, ast.Compare) and len(n.ops) >= 2,
    "-2**2":
        lambda n: isinstance(n, ast.UnaryOp) and isinstance(n.op, ast.USub)
        and isinstance(n.operand, ast.BinOp) and isinstance(n.operand.op, ast.Pow),
    "2**-1":
        lambda n: isinstance(n, ast.BinOp) and isinstance(n.op, ast.Pow)
        and isinstance(n.right, ast.UnaryOp),
    "call with *args": lambda n: isinstance(n, ast.Call) and any(isinstance(a, ast.Starred) for a in n.args),
    "call with **kwargs": lambda n: isinstance(n, ast.Call) and any(k.arg is None for k in n.keywords),
    "call with keyword": lambda n: isinstance(n, ast.Call) and any(k.arg for k in n.keywords),
    "call with bare generator argument":
        lambda n: isinstance(n, ast.Call) and len(n.args) == 1
        and isinstance(n.args[0], ast.GeneratorExp) and not n.keywords,
    "slice with step":
        lambda n: isinstance(n, ast.Slice) and n.lower and n.upper and n.step,
    "slice ::step": lambda n: isinstance(n, ast.Slice) and not n.lower and not n.upper and n.step,
    "subscript tuple with slice":
        lambda n: isinstance(n, ast.Subscript) and isinstance(n.slice, ast.Tuple)
        and any(isinstance(e, ast.Slice) for e in n.slice.elts),
    "a[:, None]":
        lambda n: isinstance(n, ast.Subscript) and isinstance(n.slice, ast.Tuple)
        and any(isinstance(e, ast.Constant) and e.value is None for e in n.slice.elts),
    "a[...]":
        lambda n: isinstance(n, ast.Subscript) and isinstance(n.slice, ast.Constant)
        and n.slice.value is Ellipsis,
    "... constant": lambda n: isinstance(n, ast.Constant) and n.value is Ellipsis,
    "complex literal": lambda n: isinstance(n, ast.Constant) and isinstance(n.value, complex),
    "bytes literal": lambda n: isinstance(n, ast.Constant) and isinstance(n.value, bytes),
    "huge int": lambda n: isinstance(n, ast.Constant) and type(n.value) is int and n.value > 2 ** 64,
    "u-prefixed string": lambda n: isinstance(n, ast.Constant) and n.kind == "u",
    "f-string": lambda n: isinstance(n, ast.JoinedStr),
    "f-string mixed with plain literal":
        lambda n: isinstance(n, ast.JoinedStr) and len(n.values) >= 2
        and _is_str_const(n.values[0]) and isinstance(n.values[1], ast.FormattedValue),
    "f-string !r": lambda n: isinstance(n, ast.FormattedValue) and n.conversion == ord("r"),
    "f-string !s": lambda n: isinstance(n, ast.FormattedValue) and n.conversion == ord("s"),
    "f-string !a": lambda n: isinstance(n, ast.FormattedValue) and n.conversion == ord("a"),
    "f-string format spec with nested field":
        lambda n: isinstance(n, ast.FormattedValue) and n.format_spec is not None
        and any(isinstance(v, ast.FormattedValue) for v in n.format_spec.values),
    "nested f-string":
        lambda n: isinstance(n, ast.FormattedValue) and isinstance(n.value, ast.JoinedStr),
    "empty tuple": lambda n: isinstance(n, ast.Tuple) and not n.elts,
    "dict with **": lambda n: isinstance(n, ast.Dict) and None in n.keys,
    "set display": lambda n: isinstance(n, ast.Set),
    "starred in list display":
        lambda n: isinstance(n, ast.List) and any(isinstance(e, ast.Starred) for e in n.elts),
    "starred in set display":
        lambda n: isinstance(n, ast.Set) and any(isinstance(e, ast.Starred) for e in n.elts),
    "list comprehension with 2 fors and if":
        lambda n: isinstance(n, ast.ListComp) and len(n.generators) >= 2
        and any(g.ifs for g in n.generators),
    "comprehension with several ifs":
        lambda n: isinstance(n, (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp))
        and any(len(g.ifs) >= 2 for g in n.generators),
    "set comprehension": lambda n: isinstance(n, ast.SetComp),
    "dict comprehension": lambda n: isinstance(n, ast.DictComp),
    "generator expression with 2 fors":
        lambda n: isinstance(n, ast.GeneratorExp) and len(n.generators) >= 2,
    "yield": lambda n: isinstance(n, ast.Yield),
    "bare yield": lambda n: isinstance(n, ast.Yield) and n.value is None,
    "yield from": lambda n: isinstance(n, ast.YieldFrom),
    "x = yield y":
        lambda n: isinstance(n, ast.Assign) and isinstance(n.value, ast.Yield)
        and n.value.value is not None,
    "walrus in if": lambda n: isinstance(n, ast.If) and isinstance(n.test, ast.NamedExpr),
    "walrus in while": lambda n: isinstance(n, ast.While) and any(
        isinstance(x, ast.NamedExpr) for x in ast.walk(n.test)),
    "walrus in comprehension":
        lambda n: isinstance(n, ast.comprehension) and any(
            isinstance(x, ast.NamedExpr) for i in n.ifs for x in ast.walk(i)),
    "walrus as call argument":
        lambda n: isinstance(n, ast.Call) and any(isinstance(a, ast.NamedExpr) for a in n.args),
    "docstring":
        lambda n: isinstance(n, (ast.FunctionDef, ast.ClassDef, ast.Module)) and n.body
        and isinstance(n.body[0], ast.Expr) and _is_str_const(n.body[0].value),
    "if __name__ == '__main__'":
        lambda n: isinstance(n, ast.If) and isinstance(n.test, ast.Compare)
        and isinstance(n.test.left, ast.Name) and n.test.left.id == "__name__",
    "unicode identifier":
        lambda n: isinstance(n, ast.Name) and not n.id.isascii(),
}
for _op in _op_names(ast.operator):
    REQUIRED_NODES[f"binary {_op}"] = (
        lambda n, _op=_op: isinstance(n, ast.BinOp) and type(n.op).__name__ == _op)
    REQUIRED_NODES[f"augmented {_op}="] = (
        lambda n, _op=_op: isinstance(n, ast.AugAssign) and type(n.op).__name__ == _op)
for _op in _op_names(ast.unaryop):
    REQUIRED_NODES[f"unary {_op}"] = (
        lambda n, _op=_op: isinstance(n, ast.UnaryOp) and type(n.op).__name__ == _op)
for _op in _op_names(ast.cmpop):
    REQUIRED_NODES[f"comparison {_op}"] = (
        lambda n, _op=_op: isinstance(n, ast.Compare)
        and any(type(o).__name__ == _op for o in n.ops))
for _name in ("match", "case", "type", "_"):
    REQUIRED_NODES[f"soft keyword {_name!r} assigned as a name"] = (
        lambda n, _name=_name: isinstance(n, ast.Name) and n.id == _name
        and isinstance(n.ctx, ast.Store))

# Lexical features, checked on the token stream / raw text.
STRING_PREFIXES = ["", "r", "b", "rb", "br", "f", "rf", "fr", "u"]
UPPER_PREFIXES = ["R", "B", "F", "U", "Rb", "bR", "RB", "Fr", "rF", "FR"]
ESCAPES = [r"\n", r"\t", r"\\", r"\'", r'\"', r"\a", r"\b", r"\f", r"\v",
           r"\0", r"\101", r"\x", r"\u", r"\U", r"\N{"]
NUMBER_FORMS = {
    "hex with underscores": r"0[xX][0-9a-fA-F_]*_[0-9a-fA-F_]*",
    "octal with underscores": r"0[oO][0-7_]*_[0-7_]*",
    "binary with underscores": r"0[bB][01_]*_[01_]*",
    "decimal with underscores": r"[1-9][0-9]*_[0-9_]+",
    "float with exponent": r"[0-9.]+[eE][-+]?[0-9]+",
    "negative exponent": r"[0-9.]+[eE]-[0-9]+",
    "trailing dot float": r"[0-9]+\.",
    "leading dot float": r"\.[0-9]+",
    "imaginary": r"[0-9.]+[jJ]",
}
ESCAPE_RE = re.compile(r"\\(N\{|[0-7]{1,3}|[xuU]|.)", re.S)


def classify_escape(tail):
    """Map the text after a backslash to one of the ESCAPES entries."""
    if tail[0] in "01234567":
        return "\\0" if tail == "0" else "\\101" if len(tail) == 3 else "\\" + tail
    return "\\" + tail


RAW_FEATURES = {
    "backslash continuation": lambda text: "\\\n" in text,
    "semicolon-separated statements": None,  # checked via tokens
    "tab indentation": lambda text: re.search(r"^\t+\S", text, re.M) is not None,
    "blank lines and comments": lambda text: "\n\n" in text and "#" in text,
    "implicit line joining in brackets": None,  # checked via tokens (NL tokens)
}


def check_coverage(programs):
    """Fail if the corpus misses any required construct."""
    missing = []
    found = {k: False for k in REQUIRED_NODES}
    prefixes = set()
    escapes = set()
    numbers = set()
    semicolon = nl_in_brackets = False
    adjacent_f_plain = False
    raw_ok = {k: False for k in RAW_FEATURES}
    for path, (tree, raw) in programs.items():
        for node in ast.walk(tree):
            for desc, pred in REQUIRED_NODES.items():
                if not found[desc] and pred(node):
                    found[desc] = True
        text = raw.decode("utf-8")
        for desc, pred in RAW_FEATURES.items():
            if pred is not None and pred(text):
                raw_ok[desc] = True
        depth = 0
        prev = None
        for tok in tokenize.tokenize(io.BytesIO(raw).readline):
            if tok.type == tokenize.OP and tok.string in "([{":
                depth += 1
            elif tok.type == tokenize.OP and tok.string in ")]}":
                depth -= 1
            elif tok.type == tokenize.OP and tok.string == ";":
                semicolon = True
            elif tok.type == tokenize.NL and depth > 0:
                nl_in_brackets = True
            elif tok.type == tokenize.STRING:
                prefix = re.match(r"[A-Za-z]*", tok.string).group(0)
                prefixes.add(prefix)
                body = tok.string[len(prefix):]
                if "r" not in prefix.lower():
                    for esc in ESCAPE_RE.finditer(body):
                        escapes.add(classify_escape(esc.group(1)))
                if prev is not None and prev.type == tokenize.STRING:
                    prev_prefix = re.match(r"[A-Za-z]*", prev.string).group(0)
                    if ("f" in prev_prefix.lower()) != ("f" in prefix.lower()):
                        adjacent_f_plain = True
            elif tok.type == tokenize.NUMBER:
                for desc, pat in NUMBER_FORMS.items():
                    if re.fullmatch(pat, tok.string):
                        numbers.add(desc)
            if tok.type not in (tokenize.NL, tokenize.COMMENT):
                prev = tok
    missing += [d for d, ok in found.items() if not ok]
    missing += [f"string prefix {p!r}" for p in STRING_PREFIXES if p not in
                {x.lower() for x in prefixes}]
    missing += [f"upper-case string prefix {p!r}" for p in UPPER_PREFIXES if p not in prefixes]
    missing += [f"escape {e}" for e in ESCAPES if e not in escapes]
    missing += [f"number {d}" for d in NUMBER_FORMS if d not in numbers]
    missing += [d for d, ok in raw_ok.items() if RAW_FEATURES[d] is not None and not ok]
    if not semicolon:
        missing.append("semicolon-separated statements")
    if not nl_in_brackets:
        missing.append("implicit line joining in brackets")
    if not adjacent_f_plain:
        missing.append("implicit concatenation of f-string and plain string")
    if missing:
        fail("the corpus in tests/programs/parse misses these constructs:\n  "
             + "\n  ".join(missing))


def gen_programs():
    files = sorted(PARSE_DIR.glob("*.py"))
    if not files:
        fail(f"no programs found in {PARSE_DIR}")
    check_no_orphans(PARSE_DIR, ["ast", "out"])
    programs = {}
    for py in files:
        if not re.fullmatch(r"[a-z0-9_]+\.py", py.name):
            fail(f"{py}: file names must be snake_case")
        programs[py] = gen_program(py)
    check_coverage(programs)
    return len(files)


def main():
    if platform.python_implementation() != "CPython" or sys.version_info[:2] != (3, 11):
        fail(f"this script must run under CPython 3.11, not "
             f"{platform.python_implementation()} {platform.python_version()}")
    for directory in (SYNTAX_DIR, COMPILE_DIR):
        n_err, kinds = gen_syntax_errors(directory)
        print(f"{n_err} error cases in {directory.relative_to(ROOT)}:")
        for msg, count in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0])):
            print(f"  {count:3d}  {msg}")
    n_prog = gen_programs()
    print(f"{n_prog} programs in {PARSE_DIR.relative_to(ROOT)}")


if __name__ == "__main__":
    try:
        main()
    except GenError as exc:
        print(f"gen_parse_expectations: error: {exc}", file=sys.stderr)
        sys.exit(1)
