# functools: reduce, partial, wraps/update_wrapper, lru_cache/cache, total_ordering,
# cmp_to_key, cached_property, singledispatch -- normal use, reprs and error messages.
import functools
from functools import (reduce, partial, wraps, update_wrapper, lru_cache, cache,
                       total_ordering, cmp_to_key, cached_property)


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)


def no_addr(text, obj):
    return text.replace("0x" + format(id(obj), "x"), "0xADDR")


# ---- reduce ----
print(reduce(lambda a, b: a + b, [1, 2, 3, 4]))
print(reduce(lambda a, b: a * b, range(1, 6), 10))
print(reduce(lambda a, b: a + b, [], "initial"))
print(reduce(max, [3, 9, 2]))
print(reduce(lambda acc, w: acc + [len(w)], ["ab", "c", "def"], []))
attempt("empty", lambda: reduce(lambda a, b: a, []))
attempt("not iterable", lambda: reduce(lambda a, b: a, 3))

# ---- partial ----
def power(base, exp, *, mod=None):
    r = base ** exp
    return r if mod is None else r % mod

square = partial(power, exp=2)
cube_mod = partial(power, 3, mod=5)
print(square(7), cube_mod(3), square(3, exp=3))
print(square.func is power, square.args, square.keywords)
print(cube_mod.args, cube_mod.keywords)
print(no_addr(repr(square), power))
print(no_addr(repr(partial(power, 2, 10)), power))
nested = partial(cube_mod, 4)
print(nested(), nested.func is power, nested.args, nested.keywords)
attempt("partial()", lambda: partial())
attempt("partial(3)", lambda: partial(3))


class MyPartial(partial):
    pass


print(no_addr(repr(MyPartial(power, 1)), power))
print(list(map(partial(int, base=2), ["101", "11"])))

# ---- wraps / update_wrapper ----
def logged(fn):
    @wraps(fn)
    def inner(*args, **kwargs):
        """inner doc"""
        print("calling", fn.__name__, args, kwargs)
        return fn(*args, **kwargs)
    return inner


@logged
def greet(name, punct="!"):
    """Return a greeting."""
    return "hello " + name + punct


print(greet("ada"), greet("bob", punct="?"))
print(greet.__name__, greet.__doc__, greet.__qualname__, greet.__module__)
print(greet.__wrapped__.__name__, greet.__wrapped__("x"))


def source():
    "the source"


source.custom = 42


def target():
    pass


update_wrapper(target, source)
print(target.__name__, target.__doc__, target.custom, target.__wrapped__ is source)
print(functools.WRAPPER_ASSIGNMENTS, functools.WRAPPER_UPDATES)

# ---- lru_cache / cache ----
calls = []


@lru_cache(maxsize=2)
def slow_square(x):
    calls.append(x)
    return x * x


print(slow_square(2), slow_square(2), slow_square(3), slow_square(4), slow_square(2))
print(calls)
print(slow_square.cache_info())
info = slow_square.cache_info()
print(info.hits, info.misses, info.maxsize, info.currsize, info[0], len(info))
slow_square.cache_clear()
print(slow_square.cache_info())
print(slow_square.__name__, slow_square.__wrapped__(5))


@lru_cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(60), fib.cache_info())


@cache
def factorial(n):
    return 1 if n == 0 else n * factorial(n - 1)


print(factorial(20), factorial.cache_info(), factorial.__name__)
print(factorial(5), factorial.cache_info().hits)


@lru_cache(maxsize=None)
def add(a, b=1):
    return a + b


print(add(1), add(1, 1), add(a=1), add(1, b=1), add.cache_info())
print(add.cache_parameters())


@lru_cache(maxsize=0)
def never_cached(x):
    return x


print(never_cached(1), never_cached(1), never_cached.cache_info())


@lru_cache(typed=True)
def typed_fn(x):
    return type(x).__name__


print(typed_fn(1), typed_fn(1.0), typed_fn.cache_info())
attempt("lru_cache('x')", lambda: lru_cache("x"))


class Account:
    def __init__(self, rate):
        self.rate = rate

    @lru_cache(maxsize=None)
    def interest(self, amount):
        return amount * self.rate


acct = Account(2)
print(acct.interest(10), acct.interest(10), Account.interest.cache_info())

# ---- total_ordering ----
@total_ordering
class Version:
    def __init__(self, major, minor):
        self.major = major
        self.minor = minor

    def __eq__(self, other):
        return (self.major, self.minor) == (other.major, other.minor)

    def __lt__(self, other):
        return (self.major, self.minor) < (other.major, other.minor)

    def __repr__(self):
        return "v%d.%d" % (self.major, self.minor)


a, b = Version(1, 2), Version(1, 10)
print(a < b, a <= b, a > b, a >= b, a == b, a != b, b >= a)
print(sorted([b, a, Version(0, 9)]), max(a, b), Version.__gt__.__name__)


@total_ordering
class Weight:
    def __init__(self, kg):
        self.kg = kg

    def __eq__(self, other):
        return self.kg == other.kg

    def __ge__(self, other):
        return self.kg >= other.kg


print(Weight(1) < Weight(2), Weight(3) <= Weight(3), Weight(5) > Weight(4))
attempt("no ordering", lambda: total_ordering(type("Plain", (), {})))

# ---- cmp_to_key ----
def by_length_then_alpha(x, y):
    if len(x) != len(y):
        return len(x) - len(y)
    return -1 if x < y else (1 if x > y else 0)


words = ["pear", "fig", "apple", "kiwi", "date"]
print(sorted(words, key=cmp_to_key(by_length_then_alpha)))
print(sorted([3, 1, 2], key=cmp_to_key(lambda p, q: q - p)))
key = cmp_to_key(lambda p, q: p - q)
print(key(1) < key(2), key(2) == key(2), key(3) >= key(4))

# ---- cached_property ----
class Circle:
    def __init__(self, r):
        self.r = r
        self.computed = 0

    @cached_property
    def area(self):
        """The area."""
        self.computed += 1
        return 3 * self.r * self.r


c = Circle(2)
print(c.area, c.area, c.computed, "area" in c.__dict__)
del c.area
print(c.area, c.computed)
print(type(Circle.__dict__["area"]).__name__, Circle.area.attrname, Circle.area.__doc__)

# ---- singledispatch ----
@functools.singledispatch
def describe(x):
    return "something"


@describe.register(int)
def _(x):
    return "an int"


@describe.register
def _(x: list):
    return "a list of %d" % len(x)


print(describe(1), describe([1, 2]), describe("s"), describe(True))
