# enumerate, zip (strict=), map, filter and reversed: construction, laziness, errors.


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


# enumerate
print(list(enumerate("abc")), list(enumerate("abc", 1)), list(enumerate("ab", start=-5)), list(enumerate([], 3)))
print(list(enumerate(iterable="xy")), list(enumerate(start=2, iterable="xy")), list(enumerate(range(2), 10**20)))
print(list(enumerate("ab", True)), dict(enumerate("ab")))


class Idx:
    def __index__(self):
        return 7


print(list(enumerate("ab", Idx())))
show("enumerate()", lambda: enumerate())
show("enumerate(5)", lambda: enumerate(5))
show("enumerate('a', 1.5)", lambda: enumerate("a", 1.5))
show("enumerate('a', 'b')", lambda: enumerate("a", "b"))
show("enumerate('a', 1, 2)", lambda: enumerate("a", 1, 2))
show("enumerate('a', x=1)", lambda: enumerate("a", x=1))
show("enumerate('a', iterable='b')", lambda: enumerate("a", iterable="b"))
show("enumerate('a', 1, start=2)", lambda: enumerate("a", 1, start=2))
show("enumerate(start=2)", lambda: enumerate(start=2))
show("enumerate(x=2)", lambda: enumerate(x=2))
show("enumerate(iterable='a', x=2)", lambda: enumerate(iterable="a", x=2))
show("enumerate(1, 2, x=3)", lambda: enumerate(1, 2, x=3))
e = enumerate("xyz")
print(next(e), next(e), list(e), list(e), iter(e) is e, type(e).__name__)

# zip
print(list(zip()), list(zip("ab")), list(zip("abc", [1, 2])), list(zip(range(3), "xyz", (True, False, None))))
print(list(zip(strict=True)), list(zip("a", strict=False)), list(zip("abc", [1], strict=False)))
show("zip strict short", lambda: list(zip("abc", [1, 2], strict=True)))
show("zip strict long", lambda: list(zip("a", [1, 2], strict=True)))
show("zip strict third long", lambda: list(zip("a", [1], [2, 3], strict=True)))
show("zip strict third short", lambda: list(zip("ab", [1, 2], [3], strict=True)))
show("zip(5)", lambda: zip(5))
show("zip('a', 5)", lambda: zip("a", 5))
show("zip(x=1)", lambda: zip("a", x=1))
z = zip("ab", "cd")
print(type(z).__name__, next(z), list(z), iter(z) is z)
it = iter([1, 2, 3, 4, 5])
print(list(zip(it, it)), list(it))

# map
print(list(map(str, [1, 2])), list(map(pow, [2, 3], [3, 2])), list(map(lambda a, b, c: a + b + c, "ab", "cd", "efg")))
print(list(map(len, [])), type(map(len, [])).__name__)
show("map(len)", lambda: map(len))
show("map()", lambda: map())
show("map(len, 5)", lambda: map(len, 5))
show("map(len, [1])", lambda: list(map(len, [1])))
show("map(len, x=[1])", lambda: map(len, x=[1]))
calls = []


def noisy(x):
    calls.append(x)
    return x * 2


m = map(noisy, [1, 2, 3])
print(calls, next(m), calls, list(m), calls)

# filter
print(list(filter(None, [0, 1, "", "a", None, [], [0]])), list(filter(lambda x: x % 2, range(7))), list(filter(str.isdigit, "a1b2")))
show("filter(len)", lambda: filter(len))
show("filter(None, 5)", lambda: filter(None, 5))
show("filter(None, [], [])", lambda: filter(None, [], []))
show("filter(x=1)", lambda: filter(None, x=1))
f = filter(None, [0, 5, 0, 6])
print(next(f), list(f), type(f).__name__)

# reversed
print(list(reversed([1, 2, 3])), list(reversed((1, 2))), list(reversed("abc")), list(reversed(range(5))), list(reversed(range(1, 10, 4))))
print(list(reversed(range(0))), list(reversed(range(10, 0, -3))), list(reversed(b"ab")), list(reversed([])))
d = {"a": 1, "b": 2, "c": 3}
print(list(reversed(d)), list(reversed(d.keys())), list(reversed(d.values())), list(reversed(d.items())))
show("reversed(5)", lambda: reversed(5))
show("reversed({1})", lambda: reversed({1}))
show("reversed()", lambda: reversed())
show("reversed([], [])", lambda: reversed([], []))
show("reversed(seq=[])", lambda: reversed(seq=[]))
show("reversed(iter([]))", lambda: reversed(iter([])))


class Seq:
    def __len__(self):
        return 3

    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10


class Own:
    def __reversed__(self):
        return iter(["own", "reversal"])


class NotReversible:
    __reversed__ = None

    def __len__(self):
        return 1

    def __getitem__(self, i):
        return i


class NoLen:
    def __getitem__(self, i):
        return i


print(list(reversed(Seq())), list(reversed(Own())))
show("reversed(NotReversible())", lambda: reversed(NotReversible()))
show("reversed(NoLen())", lambda: reversed(NoLen()))
l = [1, 2, 3, 4]
r = reversed(l)
print(next(r), next(r))
l.clear()
print(list(r))
l = [1, 2, 3]
r = reversed(l)
l.append(4)
print(list(r))
print(list(l.__reversed__()), list(range(3).__reversed__()), list(d.__reversed__()))

# chaining them
print(list(map(lambda p: p[0] * p[1], zip(range(5), reversed(range(5))))))
print(dict(filter(lambda kv: kv[1] > 1, enumerate([3, 1, 2, 0]))))
print(list(zip(*[(1, "b"), (0, "a")])))
