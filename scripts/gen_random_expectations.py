"""Writes tests/random/cases.txt: CPython 3.11's `random.Random` results for tests/random_sequences.rs.

Run with the oracle interpreter from the repository root:

    python3 scripts/gen_random_expectations.py

Every line of the output is three tab-separated fields, `op`, `args` and `expected`, and is
replayed in order against one gilpy `Random`:

    seed          int N | str HEX | bytes HEX   reseed (HEX is the UTF-8 / raw bytes in hex)
    random        -                             expected: FLOAT
    uniform       A B                           expected: FLOAT
    gauss         MU SIGMA                      expected: FLOAT
    normalvariate MU SIGMA                      expected: FLOAT
    randint       A B                           expected: INT
    randrange     START STOP|None STEP          expected: INT
    getrandbits   K                             expected: INT
    choice        LEN                           expected: the chosen index of range(LEN)
    shuffle       N                             expected: list(range(N)) after shuffle
    sample        N K                           expected: sample(range(N), K)
    state         -                             expected: getstate() (see below)
    setstate      STATE                         load a getstate() result, expected: -
    setstate_bad  LEN INDEX                     expected: the error for a bad state vector

A FLOAT is `repr` and the IEEE-754 bits in hex; a list is space-separated; a state is the index,
`gauss_next` (`None` or a FLOAT with `/` for its space) and the 624 words. When a call raises,
expected is `raise KIND|MESSAGE` instead.
"""

import os
import random
import struct
import warnings

warnings.simplefilter("ignore", DeprecationWarning)

OUT = os.path.join(os.path.dirname(__file__), "..", "tests", "random", "cases.txt")

SEEDS = [
    ("int", 0),
    ("int", 1),
    ("int", 12345),
    ("int", -7),
    ("int", 2**100),
    ("int", 2**32),
    ("int", 2**32 - 1),
    ("int", 2**1000 + 12345),
    ("str", "hello"),
    ("str", ""),
    ("str", "h\u00e9llo w\u00f6rld \U0001f40d" * 9),
    ("bytes", b"\x00\xffgilpy"),
]


def fmt_float(x):
    return "%r %016x" % (x, struct.unpack(">Q", struct.pack(">d", x))[0])


def fmt_state(state):
    version, internal, gauss_next = state
    assert version == 3
    words, index = internal[:-1], internal[-1]
    g = "None" if gauss_next is None else fmt_float(gauss_next).replace(" ", "/")
    return " ".join([str(index), g] + [str(w) for w in words])


class Writer:
    def __init__(self):
        self.lines = []
        self.rng = random.Random()

    def emit(self, op, args, expected):
        self.lines.append("%s\t%s\t%s" % (op, args or "-", expected))

    def seed(self, kind, value):
        self.rng.seed(value)
        if kind == "int":
            arg = "int %d" % value
        elif kind == "str":
            arg = "str %s" % value.encode("utf-8").hex()
        else:
            arg = "bytes %s" % value.hex()
        self.emit("seed", arg, "-")

    def call(self, op, args, fn, render):
        try:
            expected = render(fn())
        except Exception as exc:  # the exception is the expectation
            expected = "raise %s|%s" % (type(exc).__name__, exc)
        self.emit(op, " ".join(str(a) for a in args), expected)

    def random(self):
        self.call("random", [], self.rng.random, fmt_float)

    def uniform(self, a, b):
        self.call("uniform", [repr(a), repr(b)], lambda: self.rng.uniform(a, b), fmt_float)

    def gauss(self, mu, sigma):
        self.call("gauss", [repr(mu), repr(sigma)], lambda: self.rng.gauss(mu, sigma), fmt_float)

    def normalvariate(self, mu, sigma):
        self.call(
            "normalvariate",
            [repr(mu), repr(sigma)],
            lambda: self.rng.normalvariate(mu, sigma),
            fmt_float,
        )

    def randint(self, a, b):
        self.call("randint", [a, b], lambda: self.rng.randint(a, b), str)

    def randrange(self, start, stop=None, step=1):
        self.call(
            "randrange",
            [start, stop, step],
            lambda: self.rng.randrange(start, stop, step),
            str,
        )

    def getrandbits(self, k):
        self.call("getrandbits", [k], lambda: self.rng.getrandbits(k), str)

    def choice(self, n):
        self.call("choice", [n], lambda: self.rng.choice(range(n)), str)

    def shuffle(self, n):
        def run():
            items = list(range(n))
            self.rng.shuffle(items)
            return items

        self.call("shuffle", [n], run, lambda xs: " ".join(map(str, xs)))

    def sample(self, n, k):
        self.call(
            "sample",
            [n, k],
            lambda: self.rng.sample(range(n), k),
            lambda xs: " ".join(map(str, xs)),
        )

    def state(self):
        self.emit("state", None, fmt_state(self.rng.getstate()))

    def setstate(self, state):
        self.rng.setstate(state)
        self.emit("setstate", fmt_state(state), "-")

    def setstate_bad(self, length, index):
        state = (3, tuple(range(length)) + (index,), None)
        self.call("setstate_bad", [length, index], lambda: self.rng.setstate(state), repr)


def per_seed(w, kind, value):
    """The brief's table: ten results of each call, each group from a fresh seed."""
    groups = [
        lambda: w.random(),
        lambda: w.randint(1, 100),
        lambda: w.randrange(0, 1000, 7),
        lambda: w.choice(10),
        lambda: w.shuffle(20),
        lambda: w.uniform(1.5, 9.25),
        lambda: w.sample(100, 5),
        lambda: w.sample(100000, 10),
    ] + [lambda k=k: w.getrandbits(k) for k in (1, 31, 32, 33, 64, 100)]
    for group in groups:
        w.seed(kind, value)
        for _ in range(10):
            group()
    w.seed(kind, value)
    w.state()


def mixed_stream(w):
    """One long interleaved stream from seed 2024, covering edge cases and every error."""
    w.seed("int", 2024)
    for k in (0, 1, 2, 63, 64, 65, 96, 127, 128, 1000):
        w.getrandbits(k)
    for args in [
        (10,),
        (1,),
        (2**31 - 1,),
        (2**64,),
        (-10, 10),
        (10, -10, -1),
        (10, -10, -3),
        (0, 10, 3),
        (-(2**70), 2**70, 2**65 + 1),
        (2**100, 2**100 + 5),
        (5, 3),
        (3, 3),
        (0, 10, 0),
        (10, 0, 2),
        (0, 10, -1),
        (0,),
        (-5,),
        (5, None, 2),
    ]:
        w.randrange(*args)
    for a, b in [(1, 6), (0, 0), (-(2**80), 2**80), (5, 3), (7, 6)]:
        w.randint(a, b)
    for n in (1, 2, 3, 1000, 0):
        w.choice(n)
    for n in (0, 1, 2, 3, 52, 1000):
        w.shuffle(n)
    # Both of sample's strategies, and the boundaries of its size rule.
    for n, k in [
        (0, 0),
        (5, 0),
        (20, 5),
        (21, 5),
        (22, 5),
        (85, 6),
        (86, 6),
        (85, 21),
        (86, 21),
        (277, 22),
        (278, 22),
        (100, 50),
        (277, 50),
        (278, 50),
        (10, 10),
        (1000, 1000),
        (10**6, 100),
        (10**12, 20),
        (5, 6),
        (5, -1),
    ]:
        w.sample(n, k)
    for a, b in [(0.0, 1.0), (-1e300, 1e300), (5.0, 5.0), (9.25, 1.5), (1e-310, 2e-310)]:
        w.uniform(a, b)
    for mu, sigma in [(0.0, 1.0), (100.0, 15.0), (0.0, 1.0), (-3.5, 0.001)]:
        w.gauss(mu, sigma)
    w.state()  # a pending gauss_next
    for mu, sigma in [(0.0, 1.0), (100.0, 15.0), (-3.5, 0.001)] * 4:
        w.normalvariate(mu, sigma)
    w.gauss(0.0, 1.0)
    w.seed("int", 2024)  # seeding clears gauss_next
    for _ in range(3):
        w.gauss(0.0, 1.0)
    for _ in range(700):  # crosses a twist
        w.random()
    w.state()
    for k in (-1, 2**31, -(2**31) - 1, 2**64):
        w.getrandbits(k)
    for length, index in [(623, 0), (625, 0), (624, 625), (624, 624), (624, 0)]:
        w.setstate_bad(length, index)
    w.random()  # after setstate with index 0 on words 0..623


def setstate_stream(w):
    """Loads states from elsewhere, including one mid-block and one with gauss_next set."""
    donor = random.Random(777)
    for _ in range(5):
        donor.random()
    donor.gauss(0.0, 1.0)
    w.seed("int", 1)
    w.setstate(donor.getstate())
    w.state()
    w.gauss(0.0, 1.0)
    for _ in range(10):
        w.random()
    w.state()
    internal = tuple((i * 2654435761) % 2**32 for i in range(624)) + (600,)
    w.setstate((3, internal, None))
    for _ in range(40):
        w.randint(1, 10**9)
    w.state()


def main():
    w = Writer()
    for kind, value in SEEDS:
        per_seed(w, kind, value)
    mixed_stream(w)
    setstate_stream(w)
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("# Generated by scripts/gen_random_expectations.py from CPython 3.11; do not edit.\n")
        f.write("\n".join(w.lines) + "\n")
    print("wrote %d lines to %s" % (len(w.lines), os.path.normpath(OUT)))


if __name__ == "__main__":
    main()
