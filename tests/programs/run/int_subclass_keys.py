# Instances of int subclasses (IntEnum members among them) as dict and set keys: equal
# to and hashing like the plain int, so either finds the other.
from enum import IntEnum


class Level(IntEnum):
    LOW = 1
    HIGH = 2


class MyInt(int):
    pass


print({MyInt(1): "a"}.get(1), {1: "b"}.get(MyInt(1)), 1 in {MyInt(1)})
print({Level.LOW: "low"}[1], {1: "one"}[Level.LOW], Level.HIGH in {2, 3})
counts = {}
for level in [Level.LOW, 1, Level.LOW, 2]:
    counts[level] = counts.get(level, 0) + 1
print(counts)
