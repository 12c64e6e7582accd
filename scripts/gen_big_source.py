# Generates a large, deterministic file of varied, valid Python 3.11 source for parser benchmarks and tests.
"""Write SIZE_BYTES (default 1 MiB) of varied, valid Python 3.11 code to OUT.

Usage: python3 scripts/gen_big_source.py OUT.py [SIZE_BYTES] [--seed=N] [--verify]

The output is a pure function of SIZE_BYTES and the seed: the same arguments always give
byte-for-byte the same file. It exercises classes, functions with every parameter kind,
nested loops, comprehensions, f-strings, displays, try/except/else/finally, with, lambdas,
decorators, string literals of every prefix, numbers of every kind, long expressions,
comments and blank lines. It avoids `match`, `async` and `await`. Every generated file
passes CPython's `compile()` (which is stricter than `ast.parse`); `--verify` checks that.
"""

import ast
import random
import re
import sys

DOTTED = re.compile(r"[A-Za-z_][A-Za-z_0-9]*(\.[A-Za-z_][A-Za-z_0-9]*)*")

NAMES = [
    "a", "b", "c", "x", "y", "z", "data", "items", "text", "value", "result",
    "count", "total", "node", "key", "cfg", "obj", "seq", "buf", "lock",
]
ATTRS = ["real", "imag", "name", "value", "items", "keys", "append", "get", "upper", "strip", "parent", "children"]
FUNCS = ["len", "print", "sorted", "max", "min", "sum", "abs", "repr", "str", "int", "list", "dict", "tuple", "set",
         "isinstance", "range", "enumerate", "zip", "map", "filter", "any", "all", "compute", "helper"]
EXCS = ["ValueError", "TypeError", "KeyError", "IndexError", "RuntimeError", "ZeroDivisionError",
        "AttributeError", "OSError", "StopIteration", "LookupError", "ArithmeticError"]
MODULES = ["os", "sys", "math", "time", "json", "re", "collections", "itertools", "functools", "threading",
           "os.path", "collections.abc", "concurrent.futures", "multiprocessing.pool"]
WORDS = ["alpha", "beta", "gamma", "delta", "spam", "eggs", "ham", "quux", "lorem", "ipsum", "dolor",
         "héllo", "naïve", "日本語", "Ωmega", "Grüße", "emoji 🐍", "tab\there", "x" * 30]
ASCII_WORDS = [w for w in WORDS if w.isascii() and "\t" not in w]
ESCAPES = ["\\n", "\\t", "\\\\", "\\x41", "\\0", "\\r", "\\u00e9", "\\N{BULLET}", "\\U0001F600", "\\101", "\\a"]
BYTE_ESCAPES = ["\\n", "\\t", "\\\\", "\\x7f", "\\0", "\\r", "\\xff", "\\101"]
BINOPS = {  # operator -> precedence level
    "|": 6, "^": 7, "&": 8, "<<": 9, ">>": 9, "+": 10, "-": 10,
    "*": 11, "/": 11, "//": 11, "%": 11, "@": 11,
}
CMPOPS = ["<", ">", "==", ">=", "<=", "!=", "in", "not in", "is", "is not"]
AUGOPS = ["+=", "-=", "*=", "/=", "//=", "%=", "**=", ">>=", "<<=", "&=", "^=", "|=", "@="]

# Precedence levels used to decide where parentheses are needed.
LAMBDA, IFEXP, OR, AND, NOT, CMP = 0, 1, 2, 3, 4, 5
UNARY, POWER, PRIMARY = 12, 13, 14


class Ctx:
    """What the code being generated is nested inside."""

    def __init__(self, func=False, loop=False, cls=False, enclosing=()):
        self.func = func          # inside a def: return/yield allowed
        self.loop = loop          # inside a loop body: break/continue allowed
        self.cls = cls            # directly in a class body: no walrus inside comprehensions
        self.enclosing = list(enclosing)  # names bound in the enclosing function (for nonlocal)

    def child(self, **kw):
        c = Ctx(self.func, self.loop, self.cls, self.enclosing)
        for k, v in kw.items():
            setattr(c, k, v)
        return c


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.counter = 0
        self.ctx = Ctx()
        self.in_fstring = 0
        self.in_comp = 0  # nesting depth of comprehensions being generated

    # ----------------------------------------------------------------- helpers
    def fresh(self, prefix="v"):
        self.counter += 1
        return f"{prefix}_{self.counter}"

    def chance(self, p):
        return self.r.random() < p

    def pick(self, seq):
        return self.r.choice(seq)

    def name(self):
        return self.pick(NAMES)

    # ----------------------------------------------------------------- literals
    def number(self):
        r = self.r
        k = r.randrange(16)
        if k == 0:
            return str(r.randrange(10))
        if k == 1:
            return str(r.randrange(10**12))
        if k == 2:
            return "{:_}".format(r.randrange(10**4, 10**15))
        if k == 3:
            return r.choice(["0x", "0X", "0x_"]) + format(r.randrange(1 << 40), r.choice(["x", "X"]))
        if k == 4:
            return r.choice(["0o", "0O"]) + format(r.randrange(1 << 20), "o")
        if k == 5:
            return r.choice(["0b", "0B", "0b_"]) + format(r.randrange(1 << 16), "b")
        if k == 6:
            return f"{r.randrange(1000)}.{r.randrange(1000)}"
        if k == 7:
            return f".{r.randrange(1, 99999)}"
        if k == 8:
            return f"{r.randrange(1, 99)}."
        if k == 9:
            return f"{r.randrange(1, 10)}{r.choice('eE')}{r.choice(['', '+', '-'])}{r.randrange(1, 300)}"
        if k == 10:
            return f"{r.randrange(1, 10)}.{r.randrange(100)}{r.choice('eE')}-{r.randrange(1, 30)}"
        if k == 11:
            return f"{r.randrange(1, 100)}{r.choice('jJ')}"
        if k == 12:
            return f"{r.randrange(100)}.{r.randrange(100)}{r.choice('jJ')}"
        if k == 13:
            return r.choice(["0", "00", "0_0", "000", "1_0.0_1e+1_0", "1e1_0j", "0.0", "0e0", "0_000.5"])
        if k == 14:
            return str(r.randrange(10**30, 10**40))  # larger than 64 bits
        return str(r.randrange(256))

    def str_body(self, quote, is_bytes, raw, triple):
        """Literal text for the inside of a string with the given delimiters."""
        r = self.r
        parts = []
        for _ in range(r.randrange(0, 5)):
            k = r.randrange(7)
            if k < 3:
                parts.append(r.choice(ASCII_WORDS if is_bytes else WORDS).replace("\t", "\\t" if not raw else " "))
            elif k == 3:
                parts.append(" ")
            elif k == 4 and not raw:
                parts.append(r.choice(BYTE_ESCAPES if is_bytes else ESCAPES))
            elif k == 4 and raw:
                parts.append(r.choice(["\\d+", "\\w*", "\\s", "[a-z]\\b", "\\\\"]))
            elif k == 5:
                # the other quote character, or an escaped own quote
                other = "'" if quote[0] == '"' else '"'
                parts.append(other if r.random() < 0.7 else ("\\" + quote[0]))
            elif k == 6 and triple:
                parts.append("\nline two " + r.choice(ASCII_WORDS) + "\n  indented line")
        s = "".join(parts)
        if triple:
            # never let the body end with the quote char (would merge with the closing triple)
            if s.endswith(quote[0]):
                s += " "
        return s

    def string(self, allow_bytes=True, kind=None):
        r = self.r
        if kind is None:
            kind = r.choice(["str", "str", "str", "raw", "bytes", "rawbytes", "u", "f"] if allow_bytes
                            else ["str", "str", "raw", "u", "f"])
        if kind == "f":
            return self.fstring()
        prefix = {
            "str": [""],
            "raw": ["r", "R"],
            "bytes": ["b", "B"],
            "rawbytes": ["rb", "br", "Rb", "bR", "RB", "BR", "rB", "Br"],
            "u": ["u", "U"],
        }[kind]
        prefix = r.choice(prefix)
        triple = r.random() < 0.15
        q = r.choice(['"', "'"])
        quote = q * 3 if triple else q
        body = self.str_body(quote, kind in ("bytes", "rawbytes"), kind in ("raw", "rawbytes"), triple)
        if not triple:
            body = body.replace("\n", " ")
        return prefix + quote + body + quote

    def fstring(self):
        r = self.r
        prefix = r.choice(["f", "F", "rf", "fr", "Rf", "fR", "RF"])
        raw = "r" in prefix.lower()
        triple = r.random() < 0.15
        q = r.choice(['"', "'"])
        quote = q * 3 if triple else q
        inner_q = "'" if q == '"' else '"'
        parts = []
        for _ in range(r.randrange(1, 5)):
            k = r.randrange(9)
            if k < 2:
                parts.append(r.choice(WORDS).replace("\t", " "))
            elif k == 2:
                parts.append(r.choice(["{{", "}}", "{{literal}}", " "]))
            elif k == 3 and not raw:
                parts.append(r.choice(["\\n", "\\t", "\\x41", "\\u00e9"]))
            else:
                parts.append(self.fstring_field(inner_q, depth=0))
        body = "".join(parts)
        if triple and body.endswith(q):
            body += " "
        return prefix + quote + body + quote

    def fstring_field(self, inner_q, depth):
        r = self.r
        self.in_fstring += 1
        try:
            e = self.fexpr(inner_q, depth)
        finally:
            self.in_fstring -= 1
        if r.random() < 0.1:
            e = e + "="  # self-documenting expression
            if r.random() < 0.5:
                e = " " + e
        conv = r.choice(["", "", "", "!r", "!s", "!a"])
        spec = ""
        k = r.randrange(8)
        if k == 0:
            spec = ":" + r.choice([">10", "<8", "^12", "08.3f", ",", "_", "+.2e", "x", "#o", "%", "*^30", "=+9"])
        elif k == 1:
            spec = ":{" + self.pick(NAMES) + "}." + "{" + self.pick(NAMES) + "}"
        elif k == 2 and depth == 0:
            spec = ":>{" + self.pick(NAMES) + "}"
        return "{" + e + conv + spec + "}"

    def fexpr(self, inner_q, depth):
        """An expression for inside an f-string replacement field (3.11 rules: no backslashes,
        no comments, no reuse of the enclosing quote)."""
        r = self.r
        k = r.randrange(10)
        if k < 3:
            return self.name()
        if k == 3:
            return f"{self.name()}.{self.pick(ATTRS)}"
        if k == 4:
            return f"{self.name()}[{r.randrange(10)}]"
        if k == 5 and inner_q:
            return f"{self.name()}[{inner_q}{self.pick(ASCII_WORDS)}{inner_q}]"
        if k == 6:
            return f"{self.pick(FUNCS)}({self.name()}, {r.randrange(100)})"
        if k == 7:
            return f"{self.name()} {self.pick(list(BINOPS))} {self.number()}"
        if k == 8:
            return f"{self.name()} if {self.name()} {self.pick(CMPOPS)} {self.name()} else {self.number()}"
        if depth == 0 and inner_q:
            # nested f-string delimited by the other quote; its fields may use no quotes at all
            return "f" + inner_q + "x" + self.fstring_field(None, depth + 1) + inner_q
        return f"[{self.name()} for {self.name()} in {self.name()}[1:-1]]"

    # ----------------------------------------------------------------- expressions
    def wrap(self, pair, need):
        s, lvl = pair
        if lvl < need:
            return "(" + s + ")"
        return s

    def expr(self, depth=0, need=LAMBDA):
        """Returns an expression string that can stand where precedence `need` is required."""
        return self.wrap(self.expr_l(depth), need)

    def expr_l(self, depth):
        r = self.r
        if depth >= 4 or r.random() < 0.22 + depth * 0.12:
            return self.atom(depth)
        k = r.randrange(100)
        d = depth + 1
        if k < 18:
            op = self.pick(list(BINOPS))
            lvl = BINOPS[op]
            return f"{self.expr(d, lvl)} {op} {self.expr(d, lvl + 1)}", lvl
        if k < 22:
            return f"{self.expr(d, PRIMARY)} ** {self.expr(d, UNARY)}", POWER
        if k < 26:
            return self.pick(["-", "+", "~"]) + self.expr(d, UNARY), UNARY
        if k < 29:
            return "not " + self.expr(d, NOT), NOT
        if k < 36:
            parts = [self.expr(d, 6)]
            for _ in range(r.randrange(1, 3)):
                op = self.pick(CMPOPS)
                parts.append(op)
                if op.startswith("is"):
                    if not DOTTED.fullmatch(parts[-2]):
                        parts[-2] = self.name()  # `is` against a literal draws a SyntaxWarning
                    parts.append(self.pick(["None", self.name()]))
                else:
                    parts.append(self.expr(d, 6))
            return " ".join(parts), CMP
        if k < 41:
            op = self.pick(["and", "or"])
            lvl = AND if op == "and" else OR
            n = r.randrange(2, 4)
            return f" {op} ".join(self.expr(d, lvl + 1) for _ in range(n)), lvl
        if k < 44:
            return f"{self.expr(d, OR)} if {self.expr(d, OR)} else {self.expr(d, IFEXP)}", IFEXP
        if k < 47:
            return self.lambda_expr(d), LAMBDA
        if k < 60:
            return self.call(d), PRIMARY
        if k < 65:
            return f"{self.primary_base(d, allow_str=True)}.{self.pick(ATTRS)}", PRIMARY
        if k < 72:
            return f"{self.primary_base(d)}[{self.subscript(d)}]", PRIMARY
        if k < 86:
            return self.display(d), PRIMARY
        if k < 92:
            return self.comprehension(d), PRIMARY
        if k < 94 and not self.in_fstring and not self.in_comp and not self.ctx.cls:
            target = self.fresh("w")
            return f"({target} := {self.expr(d, OR)})", PRIMARY
        if k < 96 and self.ctx.func and not self.in_fstring and not self.in_comp:
            return self.pick(["(yield)", f"(yield {self.expr(d)})", f"(yield from {self.expr(d, OR)})"]), PRIMARY
        if k < 98:
            return "(" + self.expr(d) + ")", PRIMARY
        return self.fstring(), PRIMARY

    def primary_base(self, depth, allow_str=False):
        """Something that can be called, subscripted or have an attribute taken (never a
        bare literal, which CPython would warn about)."""
        r = self.r
        k = r.randrange(10)
        if k < 5:
            return self.name()
        if k < 6:
            return f"{self.name()}.{self.pick(ATTRS)}"
        if k < 7 and allow_str:
            return self.string(allow_bytes=True, kind=r.choice(["str", "raw", "bytes", "f"]))
        if k < 8 and depth < 4:
            return self.call(depth + 1)
        if k < 9 and depth < 4:
            return f"{self.name()}[{self.subscript(depth + 1)}]"
        if depth < 4:
            s, lvl = self.expr_l(depth + 1)
            return "(" + self.name() + " or " + s + ")" if lvl >= OR else "(" + self.name() + " or (" + s + "))"
        return self.name()

    def atom(self, depth):
        r = self.r
        k = r.randrange(20)
        if k < 8:
            return self.name(), PRIMARY
        if k < 12:
            return self.number(), PRIMARY
        if k < 16:
            if self.chance(0.1):
                # implicit concatenation of adjacent literals (same bytes-ness)
                kind = r.choice(["str", "raw", "u", "f"])
                return " ".join(self.string(kind=kind if kind != "f" else r.choice(["str", "f"]))
                                for _ in range(r.randrange(2, 4))), PRIMARY
            return self.string(), PRIMARY
        if k < 19:
            return r.choice(["True", "False", "None", "...", "self", "__name__"]), PRIMARY
        return f"{self.name()}.{self.pick(ATTRS)}", PRIMARY

    def subscript(self, d):
        r = self.r
        k = r.randrange(8)
        def opt():
            return self.expr(d + 1, IFEXP) if self.chance(0.6) else ""
        if k < 3:
            return self.expr(d + 1)
        if k == 3:
            return f"{opt()}:{opt()}"
        if k == 4:
            return f"{opt()}:{opt()}:{opt()}"
        if k == 5:
            return f"{self.expr(d + 1)}, {self.expr(d + 1)}"
        if k == 6:
            return f"{opt()}:{opt()}, ..."
        return f"::{self.number() if self.chance(0.5) else '-1'}"

    def call(self, d):
        r = self.r
        func = self.pick(FUNCS) if self.chance(0.6) else self.primary_base(d)
        if self.chance(0.08):
            # generator expression as the sole argument
            t = self.fresh("g")
            self.in_comp += 1
            try:
                return f"{func}({self.expr(d, OR)} for {t} in {self.expr(d, OR)})"
            finally:
                self.in_comp -= 1
        args = [self.expr(d) for _ in range(r.randrange(0, 4))]
        if self.chance(0.2):
            args.append("*" + self.expr(d, 6))
        for _ in range(r.randrange(0, 3) if self.chance(0.4) else 0):
            args.append(f"{self.fresh('k')}={self.expr(d)}")
        if self.chance(0.15):
            args.append("**" + self.expr(d, 6))
        trailing = "," if args and self.chance(0.1) else ""
        return f"{func}({', '.join(args)}{trailing})"

    def display(self, d):
        r = self.r
        k = r.randrange(6)
        n = r.randrange(0, 5)
        if k < 2:
            items = [self.expr(d) if not self.chance(0.1) else "*" + self.expr(d, 6) for _ in range(n)]
            return "[" + ", ".join(items) + ("," if items and self.chance(0.15) else "") + "]"
        if k == 2:
            items = [self.expr(d) if not self.chance(0.1) else "*" + self.expr(d, 6) for _ in range(n)]
            if len(items) == 1:
                return "(" + items[0] + ",)"
            return "(" + ", ".join(items) + ")"
        if k < 5:
            items = []
            for _ in range(n):
                if self.chance(0.1):
                    items.append("**" + self.expr(d, 6))
                else:
                    items.append(f"{self.expr(d, IFEXP)}: {self.expr(d)}")
            inner = ", ".join(items)
            if self.in_fstring:
                return "{ " + inner + " }" if inner else "dict()"
            return "{" + inner + "}"
        items = [self.expr(d) if not self.chance(0.1) else "*" + self.expr(d, 6) for _ in range(max(n, 1))]
        inner = ", ".join(items)
        return "{ " + inner + " }" if self.in_fstring else "{" + inner + "}"

    def comp_target(self):
        r = self.r
        if self.chance(0.7):
            return self.fresh("i")
        return ", ".join(self.fresh("i") for _ in range(r.randrange(2, 4)))

    def comprehension(self, d):
        self.in_comp += 1
        try:
            return self.comprehension_inner(d)
        finally:
            self.in_comp -= 1

    def comprehension_inner(self, d):
        r = self.r
        clauses = []
        for j in range(r.randrange(1, 3)):
            clauses.append(f"for {self.comp_target()} in {self.expr(d, OR)}")
            for _ in range(r.randrange(0, 2)):
                if self.ctx.cls or self.in_fstring or self.in_comp > 1 or not self.chance(0.2):
                    clauses.append(f"if {self.expr(d, OR)}")
                else:
                    clauses.append(f"if ({self.fresh('m')} := {self.expr(d, OR)})")
        tail = " ".join(clauses)
        k = r.randrange(4)
        if k == 0:
            return f"[{self.expr(d)} {tail}]"
        if k == 1:
            open_ = "{ " if self.in_fstring else "{"
            return f"{open_}{self.expr(d)} {tail}}}"
        if k == 2:
            open_ = "{ " if self.in_fstring else "{"
            return f"{open_}{self.expr(d, IFEXP)}: {self.expr(d)} {tail}}}"
        return f"({self.expr(d)} {tail})"

    def lambda_expr(self, d):
        params = self.params(annotations=False, max_each=2)
        return f"lambda{' ' if params else ''}{params}: {self.expr(d, IFEXP)}"

    # ----------------------------------------------------------------- parameters
    def params(self, annotations=True, max_each=3):
        r = self.r
        out = []
        have_default = False

        def one(allow_default=True, force_default=False):
            nonlocal have_default
            p = self.fresh("p")
            if annotations and self.chance(0.4):
                p += ": " + self.annotation()
            if force_default or (allow_default and self.chance(0.35)):
                p += (" = " if ":" in p else "=") + self.expr(3, IFEXP)
                return p, True
            return p, False

        posonly = r.randrange(0, max_each + 1) if self.chance(0.35) else 0
        normal = r.randrange(0, max_each + 1)
        for _ in range(posonly):
            p, dflt = one(force_default=have_default)
            have_default |= dflt
            out.append(p)
        if posonly:
            out.append("/")
        for _ in range(normal):
            p, dflt = one(force_default=have_default)
            have_default |= dflt
            out.append(p)
        kwonly = r.randrange(0, max_each + 1) if self.chance(0.4) else 0
        if self.chance(0.35):
            star = "*" + self.fresh("args")
            if annotations and self.chance(0.3):
                star += ": " + self.annotation()
            out.append(star)
        elif kwonly:
            out.append("*")
        for _ in range(kwonly):
            p, _ = one()
            out.append(p)
        if self.chance(0.3):
            kw = "**" + self.fresh("kw")
            if annotations and self.chance(0.3):
                kw += ": " + self.annotation()
            out.append(kw)
        trailing = "," if out and out[-1] != "/" and annotations and self.chance(0.05) else ""
        return ", ".join(out) + trailing

    def annotation(self):
        r = self.r
        return r.choice([
            "int", "str", "float", "bool", "bytes", "None", "object",
            "list[int]", "dict[str, int]", "tuple[int, ...]", "set[str]", "int | None",
            "'ForwardRef'", "Callable[[int, str], bool]", "Optional[list[dict[str, Any]]]",
            "typing.Any", "collections.abc.Iterable[bytes]",
        ])

    # ----------------------------------------------------------------- statements
    # A "block" is a list of (depth, text) lines; text may span physical lines.
    def target(self):
        r = self.r
        k = r.randrange(10)
        if k < 5:
            return self.name()
        if k < 7:
            return f"{self.primary_base(3)}.{self.pick(ATTRS)}"
        if k < 8:
            return f"{self.name()}[{self.expr(3)}]"
        if k < 9:
            names = [self.name() for _ in range(r.randrange(2, 4))]
            names[r.randrange(len(names))] = "*" + self.name()
            return ", ".join(names) if self.chance(0.5) else "[" + ", ".join(names) + "]"
        return "(" + ", ".join(self.name() for _ in range(r.randrange(2, 4))) + ")"

    def simple_stmt(self):
        r = self.r
        ctx = self.ctx
        k = r.randrange(100)
        if k < 25:
            return f"{self.target()} = {self.rhs()}"
        if k < 30:
            return " = ".join(self.name() for _ in range(r.randrange(2, 4))) + " = " + self.expr()
        if k < 38:
            t = self.name() if self.chance(0.7) else f"{self.name()}.{self.pick(ATTRS)}"
            return f"{t} {self.pick(AUGOPS)} {self.expr()}"
        if k < 43:
            t = self.name() if self.chance(0.7) else f"self.{self.pick(ATTRS)}"
            if self.chance(0.7):
                return f"{t}: {self.annotation()} = {self.expr()}"
            return f"{t}: {self.annotation()}"
        if k < 60:
            return self.call(1)
        if k < 62:
            return "del " + ", ".join(self.pick([self.name(), f"{self.name()}[{self.expr(3)}]", f"{self.name()}.{self.pick(ATTRS)}"])
                                     for _ in range(r.randrange(1, 3)))
        if k < 64:
            return "pass"
        if k < 68:
            cond = self.expr(1, OR)
            if isinstance(ast.parse(cond, mode="eval").body, ast.Tuple):
                cond = "len" + cond  # asserting a tuple draws a SyntaxWarning
            return f"assert {cond}" + (f", {self.string(allow_bytes=False)}" if self.chance(0.5) else "")
        if k < 71:
            exc = f"{self.pick(EXCS)}({self.string(allow_bytes=False) if self.chance(0.7) else ''})"
            if self.chance(0.3):
                return f"raise {exc} from {self.pick(['None', self.name()])}"
            return f"raise {exc}"
        if k < 74:
            return self.import_stmt(ctx.func or ctx.cls)
        if ctx.func and k < 84:
            if self.chance(0.25):
                return self.pick(["yield", f"yield {self.expr()}", f"yield from {self.expr(1)}",
                                  f"yield {self.expr(1)}, {self.expr(1)}"])
            if self.chance(0.2):
                return f"return {self.expr(1)}, *{self.expr(2, 6)}"
            return self.pick(["return", f"return {self.expr()}"])
        if ctx.loop and k < 90:
            return self.pick(["break", "continue"])
        return f"{self.name()} = {self.expr()}"

    def rhs(self):
        r = self.r
        if self.chance(0.15):
            return ", ".join(self.expr(1) for _ in range(r.randrange(2, 4)))
        if self.chance(0.05) and self.ctx.func:
            return f"yield {self.expr(1)}"
        return self.expr()

    def import_stmt(self, not_module_level):
        r = self.r
        mod = self.pick(MODULES)
        k = r.randrange(5)
        if k == 0:
            return f"import {mod}"
        if k == 1:
            return f"import {mod} as {self.fresh('mod')}, {self.pick(MODULES)}"
        if k == 2 and not not_module_level:
            return f"from {mod} import *"
        if k == 3:
            names = ", ".join(f"{self.pick(NAMES)}" + (f" as {self.fresh('alias')}" if self.chance(0.3) else "")
                              for _ in range(r.randrange(1, 5)))
            if self.chance(0.4):
                return f"from {mod} import ({names},)"
            return f"from {mod} import {names}"
        return f"from {self.pick(['.', '..', '.' + self.pick(NAMES)])} import {self.pick(NAMES)}"

    def simple_line(self):
        r = self.r
        stmts = [self.simple_stmt()]
        while self.chance(0.08):
            stmts.append(self.simple_stmt())
        line = "; ".join(stmts)
        if self.chance(0.05):
            line += ";"
        if self.chance(0.12):
            line += "  # " + self.comment_text()
        return line

    def comment_text(self):
        r = self.r
        return " ".join(r.choice(WORDS + ["TODO:", "NOTE", "'quote", '"dq', "(paren", "}", "\\", "#"])
                        for _ in range(r.randrange(1, 8))).replace("\t", " ")

    def body(self, depth, n=None):
        r = self.r
        if n is None:
            n = r.randrange(1, 5)
        lines = []
        for _ in range(n):
            lines.extend(self.stmt(depth))
        if not any(t.strip() and not t.lstrip().startswith("#") for _, t in lines):
            lines.append((depth, "pass"))
        return lines

    def stmt(self, depth):
        r = self.r
        out = []
        if self.chance(0.06):
            out.append((depth + r.choice([0, 0, -1, 1, 2]) if depth > 0 else 0, "# " + self.comment_text()))
        if self.chance(0.05):
            out.append((0, r.choice(["", "", "   ", "\t"])))  # blank or whitespace-only line
        if depth >= 5 or self.chance(0.65):
            out.append((depth, self.simple_line()))
            return out
        k = r.randrange(100)
        if k < 22:
            out.extend(self.if_stmt(depth))
        elif k < 38:
            out.extend(self.for_stmt(depth))
        elif k < 46:
            out.extend(self.while_stmt(depth))
        elif k < 62:
            out.extend(self.try_stmt(depth))
        elif k < 74:
            out.extend(self.with_stmt(depth))
        elif k < 86:
            out.extend(self.funcdef(depth))
        elif k < 92:
            out.extend(self.classdef(depth))
        else:
            out.extend(self.long_stmt(depth))
        return out

    def if_stmt(self, depth):
        r = self.r
        out = [(depth, f"if {self.condition()}:")]
        out += self.body(depth + 1)
        for _ in range(r.randrange(0, 3)):
            out.append((depth, f"elif {self.condition()}:"))
            out += self.body(depth + 1)
        if self.chance(0.5):
            out.append((depth, "else:"))
            out += self.body(depth + 1)
        return out

    def condition(self):
        if self.chance(0.1) and not self.ctx.cls:
            return f"({self.fresh('n')} := {self.expr(1, OR)}) {self.pick(CMPOPS[:6])} {self.expr(2, 6)}"
        return self.expr(1, IFEXP)

    def for_stmt(self, depth):
        r = self.r
        tgt = self.comp_target() if self.chance(0.8) else f"{self.name()}.{self.pick(ATTRS)}"
        if self.chance(0.2):
            tgt = "(" + tgt + ")" if "," in tgt else tgt
        it = self.pick([
            f"range({self.number()})", f"enumerate({self.name()})", f"zip({self.name()}, {self.name()})",
            self.expr(1), f"{self.name()}.items()", f"*{self.name()}, {self.name()}",
        ])
        out = [(depth, f"for {tgt} in {it}:")]
        saved = self.ctx
        self.ctx = saved.child(loop=True)
        out += self.body(depth + 1)
        self.ctx = saved
        if self.chance(0.2):
            out.append((depth, "else:"))
            out += self.body(depth + 1)
        return out

    def while_stmt(self, depth):
        out = [(depth, f"while {self.condition()}:")]
        saved = self.ctx
        self.ctx = saved.child(loop=True)
        out += self.body(depth + 1)
        self.ctx = saved
        if self.chance(0.2):
            out.append((depth, "else:"))
            out += self.body(depth + 1)
        return out

    def try_stmt(self, depth):
        r = self.r
        out = [(depth, "try:")]
        out += self.body(depth + 1)
        n_except = r.randrange(0, 4)
        has_finally = n_except == 0 or self.chance(0.35)
        for i in range(n_except):
            k = r.randrange(4)
            if k == 0:
                head = f"except {self.pick(EXCS)}:"
            elif k == 1:
                head = f"except {self.pick(EXCS)} as {self.fresh('e')}:"
            elif k == 2:
                excs = ", ".join(self.pick(EXCS) for _ in range(r.randrange(2, 4)))
                head = f"except ({excs}) as {self.fresh('e')}:" if self.chance(0.5) else f"except ({excs}):"
            else:
                head = f"except {self.pick(EXCS)} as {self.fresh('e')}:"
            if i == n_except - 1 and self.chance(0.2):
                head = "except:"
            out.append((depth, head))
            out += self.body(depth + 1)
        if n_except and self.chance(0.3):
            out.append((depth, "else:"))
            out += self.body(depth + 1)
        if has_finally:
            out.append((depth, "finally:"))
            out += self.body(depth + 1)
        return out

    def with_stmt(self, depth):
        r = self.r
        items = []
        for _ in range(r.randrange(1, 4)):
            ctxmgr = self.pick([f"open({self.name()})", "lock", f"{self.name()}.{self.pick(ATTRS)}()", self.call(2)])
            if self.chance(0.6):
                ctxmgr += f" as {self.pick([self.fresh('f'), '(' + self.name() + ', ' + self.name() + ')', self.name() + '.' + self.pick(ATTRS)])}"
            items.append(ctxmgr)
        if len(items) > 1 and self.chance(0.3):
            head = "with (\n" + ",\n".join("    " + it for it in items) + ",\n):"
        else:
            head = "with " + ", ".join(items) + ":"
        return [(depth, head)] + self.body(depth + 1)

    def decorators(self, depth):
        r = self.r
        out = []
        for _ in range(r.randrange(0, 3) if self.chance(0.4) else 0):
            out.append((depth, "@" + self.pick([
                self.name(), "staticmethod", "classmethod", "property", "functools.lru_cache(maxsize=128)",
                f"{self.name()}.{self.pick(ATTRS)}", f"register({self.string(allow_bytes=False)}, priority={self.number()})",
                "(lambda fn: fn)", f"{self.name()}[{self.number()}]",
            ])))
        return out

    def funcdef(self, depth):
        r = self.r
        out = self.decorators(depth)
        fname = self.fresh("func")
        ret = f" -> {self.annotation()}" if self.chance(0.3) else ""
        params = self.params()
        out.append((depth, f"def {fname}({params}){ret}:"))
        saved = self.ctx
        local = self.fresh("loc")
        self.ctx = Ctx(func=True, loop=False, cls=False, enclosing=[local])
        inner = []
        if self.chance(0.3):
            inner.append((depth + 1, self.docstring()))
        if self.chance(0.15):
            inner.append((depth + 1, "global " + ", ".join(self.fresh("g") for _ in range(r.randrange(1, 3)))))
        if saved.func and saved.enclosing and self.chance(0.4):
            inner.append((depth + 1, f"nonlocal {saved.enclosing[0]}"))
        inner.append((depth + 1, f"{local} = {self.expr(2)}"))
        inner += self.body(depth + 1)
        self.ctx = saved
        return out + inner + [(0, "")] * r.randrange(0, 2)

    def docstring(self):
        r = self.r
        q = r.choice(['"""', "'''"])
        lines = [r.choice(ASCII_WORDS) + " " + r.choice(WORDS).replace("\t", " ")]
        if self.chance(0.5):
            lines += ["", "Args:", "    x: the " + r.choice(ASCII_WORDS) + " value", "Returns: something"]
        return q + "\n".join(lines) + q

    def classdef(self, depth):
        r = self.r
        out = self.decorators(depth)
        cname = self.fresh("Class")
        bases = [self.pick(["object", "Base", "dict", "Exception", "collections.abc.Mapping", self.name()])
                 for _ in range(r.randrange(0, 3))]
        if self.chance(0.15):
            bases.append(f"metaclass={self.pick(['ABCMeta', 'type', 'Meta'])}")
        if self.chance(0.05):
            bases.append(f"**{self.name()}")
        head = f"class {cname}({', '.join(bases)}):" if bases or self.chance(0.3) else f"class {cname}:"
        out.append((depth, head))
        saved = self.ctx
        self.ctx = Ctx(func=False, loop=False, cls=True)
        if self.chance(0.5):
            out.append((depth + 1, self.docstring()))
        for _ in range(r.randrange(1, 5)):
            k = r.randrange(10)
            if k < 5:
                out += self.method(depth + 1)
            elif k < 8:
                out.append((depth + 1, self.simple_line()))
            else:
                out += self.stmt(depth + 1)
            if self.chance(0.5):
                out.append((0, ""))
        self.ctx = saved
        return out

    def method(self, depth):
        r = self.r
        out = self.decorators(depth)
        mname = self.pick(["__init__", "__repr__", "__eq__", "__len__", "__iter__", "__enter__", "__exit__",
                           "run", "process", "update", "__getitem__"]) if self.chance(0.5) else self.fresh("meth")
        params = self.params()
        if params.startswith("*") or params.startswith("/"):
            params = "self, " + params if not params.startswith("/") else "self" + params[1:]
        elif params:
            params = "self, " + params
        else:
            params = "self"
        out.append((depth, f"def {mname}({params}):"))
        saved = self.ctx
        local = self.fresh("loc")
        self.ctx = Ctx(func=True, enclosing=[local])
        body = [(depth + 1, f"{local} = self.{self.pick(ATTRS)}")]
        body += self.body(depth + 1)
        self.ctx = saved
        return out + body

    def long_stmt(self, depth):
        """Long expressions: spread over many lines in brackets, or with backslash continuation."""
        r = self.r
        k = r.randrange(4)
        if k == 0:
            terms = [self.expr(3, 11) for _ in range(r.randrange(20, 60))]
            lines = []
            for i, t in enumerate(terms):
                op = "" if i == 0 else self.pick(["+", "-", "*", "|", "&", "^"]) + " "
                lines.append("    " + op + t + ("  # " + self.comment_text() if self.chance(0.05) else ""))
            return [(depth, f"{self.fresh('long')} = (\n" + "\n".join(lines) + "\n)")]
        if k == 1:
            entries = []
            for _ in range(r.randrange(20, 80)):
                entries.append(f"    {self.string(allow_bytes=False, kind='str')}: {self.expr(2)},")
            return [(depth, f"{self.fresh('table')} = {{\n" + "\n".join(entries) + "\n}")]
        if k == 2:
            nums = [self.number() for _ in range(r.randrange(40, 200))]
            rows = [", ".join(nums[i:i + 8]) for i in range(0, len(nums), 8)]
            return [(depth, f"{self.fresh('nums')} = [\n    " + ",\n    ".join(rows) + ",\n]")]
        parts = [self.expr(2, 10) for _ in range(r.randrange(3, 8))]
        return [(depth, f"{self.fresh('cont')} = " + " + \\\n        ".join(parts))]

    def nested_parens(self, depth):
        n = self.r.randrange(5, 30)
        return [(depth, f"{self.fresh('deep')} = " + "(" * n + self.expr(2) + ")" * n)]

    def top_unit(self):
        r = self.r
        self.ctx = Ctx()
        k = r.randrange(100)
        if k < 30:
            lines = self.funcdef(0)
        elif k < 55:
            lines = self.classdef(0)
        elif k < 62:
            lines = [(0, self.import_stmt(False)) for _ in range(r.randrange(1, 6))]
        elif k < 66:
            lines = self.nested_parens(0)
        elif k < 70:
            lines = [(0, "# " + self.comment_text()) for _ in range(r.randrange(1, 6))]
        else:
            lines = []
            for _ in range(r.randrange(1, 6)):
                lines += self.stmt(0)
        return lines

    def render(self, lines, unit):
        out = []
        for depth, text in lines:
            pad = unit * max(depth, 0)
            if not text.strip():
                out.append(text)
                continue
            out.append("\n".join(pad + part for part in text.split("\n")))
        return "\n".join(out) + "\n"


def generate(size, seed=20240611):
    g = Gen(seed)
    header = (
        "# Generated by scripts/gen_big_source.py -- varied, valid Python 3.11 for parser benchmarks.\n"
        '"""Module docstring: this file is machine-generated and is never executed."""\n\n'
    )
    chunks = [header]
    total = len(header.encode())
    while total < size:
        unit = g.r.choice(["    ", "    ", "    ", "  ", "\t", "        "])
        text = g.render(g.top_unit(), unit)
        if g.chance(0.7):
            text += "\n" * g.r.randrange(1, 3)
        chunks.append(text)
        total += len(text.encode())
    return "".join(chunks)


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    flags = [a for a in argv[1:] if a.startswith("--")]
    if not args or len(args) > 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    out = args[0]
    size = int(args[1]) if len(args) > 1 else 1 << 20
    seed = 20240611
    for f in flags:
        if f.startswith("--seed="):
            seed = int(f.split("=", 1)[1])
    src = generate(size, seed)
    with open(out, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(src)
    if "--verify" in flags:
        import warnings
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # a SyntaxWarning counts as a failure too
            compile(src, out, "exec")
        print(f"{out}: {len(src.encode())} bytes, {src.count(chr(10))} lines, compiles OK", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
