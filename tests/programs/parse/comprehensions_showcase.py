"""List, set and dict comprehensions and generator expressions."""

words = ["apple", "Banana", "cherry", "date", "Elderberry", "fig", "grape"]

# simple list comprehension
lengths = [len(w) for w in words]
print("lengths:", lengths)

# filter with two conditions on one clause
short_lower = [w for w in words if len(w) <= 5 if w.islower()]
print("short lower-case:", short_lower)

# two for-clauses and an if
pairs = [(i, j) for i in range(4) for j in range(i) if (i + j) % 2 == 1]
print("pairs:", pairs)

# nested comprehension producing a matrix
matrix = [[row * 3 + col for col in range(3)] for row in range(3)]
transposed = [[matrix[r][c] for r in range(3)] for c in range(3)]
print("matrix:", matrix)
print("transposed:", transposed)

# set comprehension (sorted before printing so the order is stable)
initials = {w[0].lower() for w in words}
print("initials:", sorted(initials))

# dict comprehension with a condition
by_length = {w: len(w) for w in words if len(w) > 4}
print("by length:", by_length)

# inverting a dictionary
inverse = {v: k for k, v in {"a": 1, "b": 2, "c": 3}.items()}
print("inverse:", inverse)

# dict comprehension with nested for
grid = {(x, y): x * y for x in range(1, 3) for y in range(1, 3)}
print("grid:", grid)

# walrus inside a comprehension filter
def slow_square(n):
    return n * n

big_squares = [sq for n in range(10) if (sq := slow_square(n)) > 20]
print("big squares:", big_squares, "last sq:", sq)

# generator expressions
total = sum(len(w) for w in words)
print("total letters:", total)
longest = max((len(w), w) for w in words)
print("longest:", longest)
any_upper = any(c.isupper() for w in words for c in w)
print("any upper:", any_upper)

# comprehension over enumerate/zip with tuple unpacking
indexed = [f"{i}:{w[:2]}" for i, w in enumerate(words, start=1)]
print("indexed:", indexed)
zipped = {a: b for a, b in zip("xyz", range(3))}
print("zipped:", zipped)

# conditional expression inside comprehension
parity = ["even" if n % 2 == 0 else "odd" for n in range(5)]
print("parity:", parity)

# flattening
nested = [[1, 2], [3], [], [4, 5, 6]]
flat = [x for sub in nested for x in sub]
print("flat:", flat)

# set of small integers
mods = {n % 4 for n in range(20)}
print("mods:", sorted(mods))
