"""Function parameters of every kind, annotations and lambdas."""

from typing import Optional


def greet(name: str, greeting: str = "Hello", punctuation: str = "!") -> str:
    """Positional-or-keyword parameters with defaults."""
    return f"{greeting}, {name}{punctuation}"


def total(*numbers: float, start: float = 0) -> float:
    result = start
    for n in numbers:
        result += n
    return result


def describe(**fields) -> str:
    return ", ".join(f"{k}={v!r}" for k, v in sorted(fields.items()))


def connect(host, port=80, *, timeout=10.0, retries: int = 3, verbose):
    """Keyword-only parameters after a bare star (one without a default)."""
    return f"{host}:{port} timeout={timeout} retries={retries} verbose={verbose}"


def divmod_pos(a, b, /):
    """Positional-only parameters."""
    return a // b, a % b


def everything(a, b=2, /, c=3, *args, d, e=5, **kwargs) -> dict:
    return {"a": a, "b": b, "c": c, "args": args, "d": d, "e": e, "kwargs": kwargs}


def maybe(value: Optional[int] = None) -> "int | None":
    return None if value is None else value * 2


def no_args():
    return "nothing needed"


print(greet("Ann"))
print(greet("Bob", "Hi"))
print(greet(name="Cy", punctuation="?"))
print(total(1, 2, 3.5))
print(total(*[1, 2], start=10))
print(describe(color="red", size=3))
print(describe(**{"b": 2, "a": 1}))
print(connect("example.org", verbose=True))
print(connect("example.org", 8080, timeout=1, retries=0, verbose=False))
print(divmod_pos(17, 5))
try:
    divmod_pos(a=17, b=5)
except TypeError:
    print("positional-only parameters cannot be passed by keyword")
print(everything(1, d=4))
print(everything(1, 20, 30, 40, 50, d=4, z=26))
print(maybe(), maybe(21))
print(no_args())
print("annotations:", total.__annotations__)
print("defaults:", connect.__defaults__, connect.__kwdefaults__)

# lambdas with every parameter form
no_params = lambda: "constant"
one = lambda x: x + 1
with_default = lambda x, y=10: x * y
var_args = lambda *args, **kwargs: (args, sorted(kwargs))
kw_only = lambda a, *, scale=2: a * scale
pos_only = lambda a, b, /, c=0: a - b + c
star_kw = lambda *a, sep="-": sep.join(map(str, a))

print(no_params(), one(1), with_default(3), with_default(3, 3))
print(var_args(1, 2, k=3, j=4))
print(kw_only(5), kw_only(5, scale=3))
print(pos_only(10, 4), pos_only(10, 4, c=1))
print(star_kw(1, 2, 3), star_kw(1, 2, sep="+"))
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)))
adders = [lambda x, n=n: x + n for n in range(3)]
print([f(10) for f in adders])
