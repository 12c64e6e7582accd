"""Writes tests/set_order/cases.txt: CPython's set iteration orders for tests/set_order.rs.

Each scenario is a small program over integer sets, run here on python3 (CPython 3.11, the
oracle) and recorded as one operation per line, with the observed `list(s)` order after the
operations that the scenario checks. Format (values are decimal ints, hashes are not stored):

    case NAME
    iter A v...        A = set(iterable) / frozenset(...) / comprehension over the values
    lit A v...         A = {v, ...}  (a set display, compiled on its own)
    dict A v...        A = set(dict.fromkeys(values))
    new A              A = set()
    add A v | addrange A start stop step | discard A v | pop A v (v = popped value) | clear A
    update A v... | dupdate A v... (dict) | dsub A v... (difference_update with a list)
    sxd A v... | sxl A v...   A.symmetric_difference_update(dict.fromkeys(values) / list)
    isect C A v...     C = A.intersection(list)
    copy B A           B = A.copy() / set(A) / frozenset(A) / {*A}
    or|and|sub|xor C A B       C = A op B
    ior|iand|isub|ixor A B     A op= B
    expect A v...      list(A) must be exactly this
    end

Run: python3 scripts/gen_set_order_expectations.py
"""

import os
import random

OUT = os.path.join(os.path.dirname(__file__), "..", "tests", "set_order", "cases.txt")
M61 = 2**61 - 1


class Case:
    def __init__(self, name):
        self.name = name
        self.lines = []
        self.vars = {}

    def _emit(self, *parts):
        self.lines.append(" ".join(str(p) for p in parts))

    def expect(self, *names):
        for n in names or sorted(self.vars):
            self._emit("expect", n, *list(self.vars[n]))

    def iter(self, name, vals, how="list"):
        vals = list(vals)
        if how == "list":
            s = set(vals)
        elif how == "tuple":
            s = set(tuple(vals))
        elif how == "frozenset":
            s = frozenset(vals)
        elif how == "comp":
            s = {x for x in vals}
        elif how == "gen":
            s = set(x for x in vals)
        elif how == "keys":
            s = set(dict.fromkeys(vals).keys())
        else:
            raise ValueError(how)
        self.vars[name] = s
        self._emit("iter", name, *vals)

    def range(self, name, *args):
        self.vars[name] = set(range(*args))
        self._emit("iter", name, *range(*args))

    def lit(self, name, vals):
        vals = list(vals)
        src = "{" + ", ".join(repr(v) for v in vals) + "}"
        self.vars[name] = eval(compile(src, "<lit>", "eval"))
        self._emit("lit", name, *vals)

    def dict(self, name, vals):
        vals = list(vals)
        self.vars[name] = set(dict.fromkeys(vals))
        self._emit("dict", name, *vals)

    def new(self, name):
        self.vars[name] = set()
        self._emit("new", name)

    def add(self, name, v):
        self.vars[name].add(v)
        self._emit("add", name, v)

    def addrange(self, name, *args):
        for v in range(*args):
            self.vars[name].add(v)
        self._emit("addrange", name, *args)

    def discard(self, name, v):
        self.vars[name].discard(v)
        self._emit("discard", name, v)

    def pop(self, name):
        v = self.vars[name].pop()
        self._emit("pop", name, v)

    def clear(self, name):
        self.vars[name].clear()
        self._emit("clear", name)

    def update(self, name, vals):
        vals = list(vals)
        self.vars[name].update(vals)
        self._emit("update", name, *vals)

    def dupdate(self, name, vals):
        vals = list(vals)
        self.vars[name].update(dict.fromkeys(vals))
        self._emit("dupdate", name, *vals)

    def dsub(self, name, vals):
        vals = list(vals)
        self.vars[name].difference_update(vals)
        self._emit("dsub", name, *vals)

    def sxd(self, name, vals):
        vals = list(vals)
        self.vars[name].symmetric_difference_update(dict.fromkeys(vals))
        self._emit("sxd", name, *vals)

    def sxl(self, name, vals):
        vals = list(vals)
        self.vars[name].symmetric_difference_update(vals)
        self._emit("sxl", name, *vals)

    def isect(self, dst, a, vals):
        vals = list(vals)
        self.vars[dst] = self.vars[a].intersection(vals)
        self._emit("isect", dst, a, *vals)

    def copy(self, dst, src, how="copy"):
        s = self.vars[src]
        if how == "copy":
            r = s.copy()
        elif how == "set":
            r = set(s)
        elif how == "frozenset":
            r = frozenset(s)
        elif how == "star":
            r = {*s}
        else:
            raise ValueError(how)
        self.vars[dst] = r
        self._emit("copy", dst, src)

    def binop(self, op, dst, a, b):
        x, y = self.vars[a], self.vars[b]
        self.vars[dst] = {"or": x | y, "and": x & y, "sub": x - y, "xor": x ^ y}[op]
        self._emit(op, dst, a, b)

    def inplace(self, op, a, b):
        x, y = self.vars[a], self.vars[b]
        if op == "ior":
            x |= y
        elif op == "iand":
            x &= y
        elif op == "isub":
            x -= y
        else:
            x ^= y
        self.vars[a] = x
        self._emit(op, a, b)

    def text(self):
        return "\n".join([f"case {self.name}"] + self.lines + ["end"]) + "\n"


CASES = []


def case(name):
    c = Case(name)
    CASES.append(c)
    return c


def basics():
    for vals in ([10, 1, 5], [1, 10, 5], [3, 1, 2], [0, 8], [8, 0], [0, 8, 16], [16, 8, 0],
                 [-1, -2], [-2, -1], [-1, 1, 0], [7, 15, 23, 31, 39], [5, 13, 21, 4, 12]):
        for how in ("list", "tuple", "frozenset", "comp", "gen", "keys"):
            c = case(f"ctor_{how}_{'_'.join(map(str, vals))}")
            c.iter("A", vals, how)
            c.expect()
        c = case(f"lit_{'_'.join(map(str, vals))}")
        c.lit("A", vals)
        c.expect()
        c = case(f"dict_{'_'.join(map(str, vals))}")
        c.dict("A", vals)
        c.expect()
    for n in list(range(0, 40)) + [50, 64, 100, 200, 513, 1000, 4096, 5000]:
        c = case(f"range_{n}")
        c.range("A", n)
        c.range("B", n - 1, -1, -1)
        c.copy("C", "A")
        c.copy("D", "B", "star")
        c.expect()
    for step in (2, 3, 8, 16, 32, 64, 1 << 20, 1 << 32, 1 << 40):
        for n in (5, 9, 20, 60):
            c = case(f"step_{step}_{n}")
            c.range("A", 0, step * n, step)
            c.range("B", step * n, 0, -step)
            c.lit("C", range(0, step * n, step))
            c.dict("D", range(step * n, 0, -step))
            c.copy("E", "A", "frozenset")
            c.expect()


def special_values():
    groups = {
        "neg": [-1, -2, -3, -8, -9, -16, -100, 0, 1, 2],
        "big": [M61 - 1, M61, M61 + 1, M61 + 8, 2 * M61, 2**62, 2**63 - 1, -(2**63), 2**64 + 5,
                -(M61 + 3), 2**100, -(2**90)],
        "collide": [k * 2**33 for k in range(12)] + [k * 2**60 for k in range(1, 8)],
        "mixed": [0, M61, 2 * M61, 8, M61 + 8, -1, -2, -M61, 2**61, 2**61 + 1],
    }
    for gname, vals in groups.items():
        for seed in range(6):
            rnd = random.Random(seed)
            vs = vals[:]
            rnd.shuffle(vs)
            c = case(f"{gname}_{seed}")
            c.iter("A", vs)
            c.lit("B", vs)
            c.dict("C", vs)
            c.iter("D", vs, "comp")
            c.expect()
            for v in vs[::3]:
                c.discard("A", v)
            c.expect("A")
            for v in vs[::2]:
                c.add("A", v + 1)
            c.expect("A")
            while c.vars["A"]:
                c.pop("A")
            c.add("A", vs[0])
            c.expect("A")


def literals():
    rnd = random.Random(7)
    for i in range(40):
        n = rnd.choice([1, 2, 3, 4, 5, 6, 8, 11, 17, 30])
        mod = rnd.choice([8, 16, 32, 64, 1000])
        vals = [rnd.randrange(-mod, mod) * rnd.choice([1, 8, 32, 2**20]) for _ in range(n)]
        c = case(f"literal_{i}")
        c.lit("A", vals)
        c.iter("B", vals)
        c.iter("C", vals, "comp")
        c.expect()


def random_mutations():
    for seed in range(80):
        rnd = random.Random(1000 + seed)
        c = case(f"mutate_{seed}")
        spread = rnd.choice([16, 64, 256, 5000, 2**40])
        mult = rnd.choice([1, 8, 32, 1024])
        c.new("A")
        ops = rnd.randrange(20, 400)
        for step in range(ops):
            r = rnd.random()
            v = rnd.randrange(-spread, spread) * mult
            if r < 0.55:
                c.add("A", v)
            elif r < 0.75:
                present = list(c.vars["A"])
                if present and rnd.random() < 0.8:
                    v = rnd.choice(present)
                c.discard("A", v)
            elif r < 0.9:
                if c.vars["A"]:
                    c.pop("A")
            elif r < 0.92:
                c.clear("A")
            elif r < 0.96:
                c.update("A", [rnd.randrange(-spread, spread) * mult for _ in range(rnd.randrange(1, 12))])
            else:
                c.dupdate("A", [rnd.randrange(-spread, spread) * mult for _ in range(rnd.randrange(1, 12))])
            if step % 10 == 0:
                c.expect("A")
        c.copy("B", "A")
        c.expect()


def growth():
    for seed, n in enumerate([10, 100, 1000, 3000, 12000]):
        rnd = random.Random(seed)
        c = case(f"growth_{n}")
        c.new("A")
        vals = [rnd.randrange(-10 * n, 10 * n) for _ in range(n)]
        for i, v in enumerate(vals):
            c.add("A", v)
            if i & (i - 1) == 0 and i < 3000:
                c.expect("A")
        c.expect("A")
        for v in vals[: n // 2]:
            c.discard("A", v)
        c.expect("A")
        c.copy("B", "A")
        c.add("A", -1)
        c.expect()


def set_ops():
    rnd = random.Random(99)
    for i in range(120):
        c = case(f"ops_{i}")
        spread = rnd.choice([8, 20, 64, 300, 2**33])
        mult = rnd.choice([1, 8, 64])
        na, nb = rnd.randrange(0, 60), rnd.randrange(0, 60)
        if rnd.random() < 0.2:
            na = rnd.randrange(100, 400)
        c.iter("A", [rnd.randrange(-spread, spread) * mult for _ in range(na)])
        c.iter("B", [rnd.randrange(-spread, spread) * mult for _ in range(nb)], rnd.choice(["list", "frozenset"]))
        if rnd.random() < 0.5:
            present = list(c.vars["A"])
            for v in present[: len(present) // 3]:
                c.discard("A", v)
        if rnd.random() < 0.3 and c.vars["B"] and isinstance(c.vars["B"], set):
            c.pop("B")
        for op in ("or", "and", "sub", "xor"):
            c.binop(op, op.upper() + "1", "A", "B")
            c.binop(op, op.upper() + "2", "B", "A")
        c.binop(rnd.choice(["or", "and", "sub", "xor"]), "S", "A", "A")
        c.isect("I", "A", [rnd.randrange(-spread, spread) * mult for _ in range(nb)])
        c.expect()
        c.copy("C", "A")
        c.inplace(rnd.choice(["ior", "iand", "isub", "ixor"]), "C", "B")
        c.inplace(rnd.choice(["ior", "iand", "isub", "ixor"]), "C", rnd.choice(["A", "B", "C"]))
        c.dsub("A", [rnd.randrange(-spread, spread) * mult for _ in range(rnd.randrange(0, 80))])
        c.expect()
        for _ in range(3):
            if c.vars["C"]:
                c.pop("C")
        c.add("C", rnd.randrange(-spread, spread) * mult)
        c.add("A", rnd.randrange(-spread, spread) * mult)
        c.expect()


def edge_cases():
    # The pop finger survives clear(), growth and &=.
    for n in (3, 6, 12, 40):
        c = case(f"finger_{n}")
        c.range("A", n)
        for _ in range(n // 2):
            c.pop("A")
        c.clear("A")
        c.update("A", range(n))
        c.pop("A")
        c.update("A", range(n, 4 * n))
        c.pop("A")
        c.range("B", 0, 8 * n)
        c.inplace("iand", "A", "B")
        c.pop("A")
        c.inplace("iand", "A", "A")
        c.pop("A")
        c.expect()
    # Merging into a set that still holds dummies, and a ^ a leaving only dummies.
    for n in (4, 9, 30, 100):
        c = case(f"merge_dummies_{n}")
        c.range("A", n)
        for v in range(0, n, 2):
            c.discard("A", v)
        c.range("B", n, 0, -3)
        c.inplace("ior", "A", "B")
        c.binop("xor", "X", "A", "A")
        c.add("X", 7)
        c.add("X", 8 * n)
        c.binop("sub", "D", "A", "A")
        c.add("D", 3)
        c.expect()
    # Difference paths: copy-then-discard (|a| > 4|b|) with dummy purge, and b 8x larger than a.
    for n in (20, 33, 64, 200):
        c = case(f"difference_{n}")
        c.range("A", n)
        c.range("B", 0, n, 5)
        c.binop("sub", "D", "A", "B")
        c.range("C", -8 * n, 8 * n)
        c.copy("E", "A")
        c.inplace("isub", "E", "C")
        c.add("E", 1)
        c.copy("F", "A")
        c.dsub("F", range(0, n, 2))
        c.expect()
    # Symmetric difference with a dict (walked in dict order) or a list (made a set first).
    for seed in range(12):
        rnd = random.Random(500 + seed)
        c = case(f"symdiff_iter_{seed}")
        vals = [rnd.randrange(-64, 64) * 8 for _ in range(rnd.randrange(3, 50))]
        c.iter("A", vals[: len(vals) // 2])
        c.copy("B", "A")
        more = [rnd.randrange(-64, 64) * 8 for _ in range(rnd.randrange(3, 50))]
        c.sxd("A", more)
        c.sxl("B", more)
        c.expect()

    # Above 50000 entries the table only doubles.
    c = case("growth_past_50000")
    c.new("A")
    c.addrange("A", 0, 3 * 70000, 3)
    c.add("A", -1)
    c.expect("A")


def main():
    edge_cases()
    basics()
    special_values()
    literals()
    random_mutations()
    growth()
    set_ops()
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        for c in CASES:
            f.write(c.text())
    print(f"wrote {len(CASES)} cases to {os.path.normpath(OUT)}")


if __name__ == "__main__":
    main()
