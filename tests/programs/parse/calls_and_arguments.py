"""Calling functions: positional, keyword, *iterable, **mapping, generator arguments."""


def show(*args, **kwargs):
    parts = [repr(a) for a in args]
    parts += [f"{k}={v!r}" for k, v in sorted(kwargs.items())]
    return "show(" + ", ".join(parts) + ")"


def point(x, y, z=0):
    return (x, y, z)


print(show())
print(show(1, 2))
print(show(a=1, b="two"))
print(show(1, *[2, 3], 4, *(5,)))
print(show(**{"x": 1}, y=2, **{"z": 3}))
print(show(*"ab", sep="-", **dict(end="!")))
print(show(0, *range(2), key=None, *[9], **{"k": "v"}))

coords = [1, 2]
options = {"z": 3}
print(point(*coords))
print(point(*coords, **options))
print(point(**{"x": 7, "y": 8}))
print(point(1, y=2))

# a generator expression as the sole argument needs no extra parentheses
print(sum(x * x for x in range(5)))
print(max(len(w) for w in ["a", "abc", "ab"]))
print("".join(c.upper() for c in "shout" if c != "o"))
print(sorted((n % 3, n) for n in range(6)))
print(list(zip(range(3), (c for c in "xyz"))))

# assignment expressions as call arguments
print(show(n := 10, n * 2))
print(len(data := [1, 2, 3]), data)

# calls returning callables, method chains and nested calls
def adder(a):
    return lambda b: a + b


print(adder(1)(2))
print("  Chain Me  ".strip().lower().replace(" ", "_").split("_"))
print(dict(zip(["a", "b"], map(abs, [-1, -2]))))
print(int(float(str(3.75))), min(max(0, 15), 10))

# keyword arguments to builtins and bound methods
print(sorted(["pear", "Fig", "apple"], key=str.lower, reverse=True))
print("x".center(7, "*"), "{a}-{b}".format(b=2, a=1), print.__name__)
print(*[1, 2, 3], sep=" | ", end=" <end>\n")
printer = print
printer("via alias", "second", sep=", ")
fn = show
print(fn.__call__(1, k=2))
args = (3,)
kwargs = {"base": 2}
print(int("11", *()[:0], **kwargs), pow(*args, 2))
