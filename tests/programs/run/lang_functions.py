# Functions: arguments, defaults, *args/**kwargs, keyword-only, positional-only, closures,
# decorators, lambdas, recursion, generators, and CPython's argument errors.
def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, kw)


print(f(1, c=3))
print(f(1, 2, 3, 4, c=5, e=6))
print(f(*[1, 2], **{"c": 3, "z": 0}))


def pos_only(a, b, /, c):
    return a + b + c


print(pos_only(1, 2, c=3), pos_only(1, 2, 3))
errors = [
    lambda: f(),
    lambda: f(1),
    lambda: f(1, c=1, a=2),
    lambda: pos_only(a=1, b=2, c=3),
    lambda: pos_only(1, 2, 3, 4),
    lambda: (lambda x: x)(),
    lambda: (lambda: 0)(1),
    lambda: (lambda x, y: 0)(1, 2, 3),
    lambda: (lambda x, y=1: 0)(1, 2, 3),
    lambda: (lambda x, *, k: 0)(1),
    lambda: (lambda x, *, k: 0)(1, 2, k=3),
    lambda: f(1, c=2, **{"c": 3}),
    lambda: (lambda a, b, c: 0)(1),
    lambda: (lambda: 0)(x=1),
]
for e in errors:
    try:
        e()
    except TypeError as err:
        print("TypeError:", err)


def make_counter(start=0):
    count = start

    def step(by=1):
        nonlocal count
        count += by
        return count

    return step


c = make_counter(10)
c()
print(c(5), c.__name__, c.__qualname__)

total = 0


def add_global(n):
    global total
    total += n


add_global(3)
add_global(4)
print(total)


def trace(fn):
    def wrapper(*args, **kwargs):
        print("call", fn.__name__, args, kwargs)
        return fn(*args, **kwargs)

    return wrapper


def twice(fn):
    def wrapper(*args):
        return fn(fn(*args))

    return wrapper


@trace
@twice
def inc(x):
    return x + 1


print(inc(1))
square = lambda x: x * x
print(square(7), (lambda *a, **k: (a, k))(1, b=2))
print(list(map(lambda x: x * 2, [1, 2, 3])), list(filter(None, [0, 1, 2, None])))


def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)


print(fact(30), fact(900) > 0)


def deep(n):
    return deep(n + 1)


try:
    deep(0)
except RecursionError as e:
    print("RecursionError:", e)


def fib_gen():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


g = fib_gen()
print([next(g) for _ in range(10)])


def delegating():
    r = yield from inner()
    print("inner returned", r)
    yield "done"


def inner():
    x = yield "first"
    print("inner got", x)
    return "value"


d = delegating()
print(next(d), d.send("sent"))
print(sum(x * x for x in range(10)), list(x for x in "abc"))


def accumulate():
    total = 0
    while True:
        x = yield total
        if x is None:
            return total
        total += x


acc = accumulate()
next(acc)
acc.send(5)
print(acc.send(10))
try:
    acc.send(None)
except StopIteration as e:
    print("StopIteration", e.value)


def thrower():
    try:
        yield 1
    except ValueError as e:
        print("caught inside", e)
        yield 2


t = thrower()
next(t)
print(t.throw(ValueError("x")))
print(f.__defaults__, f.__kwdefaults__, f.__name__)


def annotated(n: int, flag: bool = False) -> tuple[int, bool]:
    return n, flag


print(annotated.__annotations__)
print(annotated(3))
x = 10


def scopes():
    x = 20

    def inner():
        return x

    return inner()


print(scopes(), x)


class K:
    y = 5
    z = [y * i for i in range(3)] if False else None

    def m(self):
        return self.y


print(K().m(), K.z)
