"""with statements: single and multiple items, tuple targets, parenthesised forms."""

import os
import tempfile
from contextlib import contextmanager, suppress


class Tracker:
    """Context manager that records enter/exit events and returns a pair."""

    events = []

    def __init__(self, name):
        self.name = name

    def __enter__(self):
        Tracker.events.append(f"enter {self.name}")
        return self.name, len(self.name)

    def __exit__(self, exc_type, exc, tb):
        Tracker.events.append(f"exit {self.name} ({exc_type.__name__ if exc_type else 'ok'})")
        return exc_type is KeyError  # swallow KeyError only


@contextmanager
def tag(label):
    Tracker.events.append(f"<{label}>")
    try:
        yield label.upper()
    finally:
        Tracker.events.append(f"</{label}>")


with Tracker("one") as pair:
    print("pair:", pair)

with Tracker("a") as first, Tracker("bb") as (name, size):
    print("first:", first, "name:", name, "size:", size)

with (Tracker("p1") as p1, Tracker("p2") as p2):
    print("parenthesised:", p1[0], p2[0])

with (Tracker("x"), tag("y")):
    print("parenthesised without targets")

with (
    tag("html") as html,
    tag("body") as body,
):
    print("nested tags:", html, body)

with Tracker("boom"):
    raise KeyError("swallowed")

with suppress(ZeroDivisionError):
    print(1 / 0)

with tag("outer") as outer:
    with tag("inner") as inner:
        print("nested with:", outer, inner)

print("events:")
for event in Tracker.events:
    print("  ", event)

# files in a temporary directory under /tmp
with tempfile.TemporaryDirectory(dir="/tmp") as tmp:
    src = os.path.join(tmp, "a.txt")
    dst = os.path.join(tmp, "b.txt")
    with open(src, "w") as fh:
        fh.write("line one\nline two\n")
    with (open(src) as f, open(dst, "w") as g):
        for line in f:
            g.write(line.upper())
    with open(dst) as fh, open(src) as fh2:
        print("copied:", fh.read().splitlines(), "original lines:", len(fh2.readlines()))
print("temporary directory removed:", not os.path.exists(tmp))
