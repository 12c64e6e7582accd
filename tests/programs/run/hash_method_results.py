# A __hash__ method's int result is the hash itself (CPython only reduces values that do
# not fit a machine word): Enum members hash as their names, dataclasses with
# unsafe_hash as the tuple of their fields.
from dataclasses import dataclass
from enum import Enum


class Big:
    def __hash__(self):
        return 2 ** 62


class ViaTuple:
    def __hash__(self):
        return hash((1, 2))


print(hash(Big()) == 2 ** 62, hash(ViaTuple()) == hash((1, 2)))


class Color(Enum):
    RED = 1


print(hash(Color.RED) == hash("RED"))


@dataclass(frozen=True)
class Point:
    x: int
    y: int


print(hash(Point(1, 2)) == hash((1, 2)))
