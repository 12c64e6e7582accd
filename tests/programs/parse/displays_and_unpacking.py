"""Tuples, lists, dicts and sets, with starred and double-starred items."""

# tuples with and without parentheses, trailing commas, the empty tuple
empty = ()
single = 1,
single_paren = (1,)
pair = 1, 2
triple = (1, 2, 3,)
nested = (1, (2, 3), ((4,),))
print(empty, single, single_paren, pair, triple, nested)
print(len(()), type(()).__name__, () == tuple())

def returns_tuple():
    return 1, "two", 3.0

a, b, c = returns_tuple()
print("returned:", a, b, c)

# lists
empty_list = []
numbers = [1, 2, 3,]
mixed = [1, "two", [3, 4], (5,), {"six": 6}, None, True]
print(empty_list, numbers, mixed)

# starred items in displays
more = [0, *numbers, 4]
chars = [*"abc", *range(2)]
combined = (*numbers, *more)
print("starred list:", more, chars)
print("starred tuple:", combined)
print("starred set:", sorted({*numbers, *[3, 4, 5]}))

# dicts, including ** unpacking and duplicate keys (last one wins)
empty_dict = {}
defaults = {"color": "red", "size": 1}
overrides = {"size": 3}
merged = {**defaults, **overrides, "extra": True}
dup = {"k": 1, "k": 2}
print(empty_dict, merged, dup)
print("merged via |:", defaults | overrides)
nested_dict = {"outer": {"inner": [1, {"deep": ()}]}, 1: "int key", (1, 2): "tuple key"}
print(nested_dict)

# sets (only small ints and sorted output, so the order is stable)
s = {3, 1, 2}
print("set:", sorted(s), 2 in s, len({1, 1, 1}))
print("empty set is set():", set(), type({}).__name__)
fs = frozenset([1, 2])
print("frozenset:", sorted(fs | {3}))

# unpacking in returns and in for loops
def minmax(*values):
    return min(values), max(values)

lo, hi = minmax(*[5, 3, 9])
print("minmax:", lo, hi)
for first, *rest in [(1, 2, 3), (4,), (5, 6)]:
    print("first:", first, "rest:", rest)

# yield and return with starred expressions
def gen():
    yield 1, 2
    yield *"xy", 3

def spread(*parts):
    return *parts, "end"

print(list(gen()), spread(1, 2))

# subscripting displays directly
print([10, 20, 30][1], (7, 8)[-1], {"a": 1}["a"], "xyz"[::-1])
print([[1, 2], [3, 4]][1][0], {1: [2, 3]}[1][-1])
