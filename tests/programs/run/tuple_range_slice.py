# tuple, range and slice: constructors, methods, edge and error cases.


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


# ---- tuple ----
print(tuple(), tuple([1, 2]), tuple("ab"), tuple(range(3)), tuple({1: 2}), tuple(x for x in "xyz"))
t = (1, 2)
print(tuple(t) is t, tuple.__new__(tuple, [1]))
show("tuple(5)", lambda: tuple(5))
show("tuple(1, 2)", lambda: tuple(1, 2))
show("tuple(x=1)", lambda: tuple(x=1))
show("tuple.__new__(list)", lambda: tuple.__new__(list))
t = (3, 1, 3, 2, 3)
print(t.count(3), t.count(9), t.index(3), t.index(3, 1), t.index(3, -2), t.index(2, 0, 4))
show("t.index(9)", lambda: t.index(9))
show("t.index(3, 5)", lambda: t.index(3, 5))
show("t.index()", lambda: t.index())
show("t.count()", lambda: t.count())
print(t[0], t[-1], t[1:3], t[::-1], t[:], t.__getitem__(2), t.__getitem__(slice(0, 2)))
show("t[9]", lambda: t[9])
show("t['a']", lambda: t["a"])
print(len(t), t.__len__(), t + (4,), t.__add__(()), (1,) * 3, 2 * (1, 2), (1, 2).__mul__(0), (7,).__rmul__(2))
show("t + [1]", lambda: t + [1])
show("t.__add__([1])", lambda: t.__add__([1]))
print(3 in t, 9 in t, t.__contains__(1), list(t.__iter__()), list(reversed(t)))
print(hash((1, 2)) == hash((1, 2)), hash(()) == hash(()), (1, 2).__hash__() == hash((1, 2)), hash((1, "a", (2.5, None))) == (1, "a", (2.5, None)).__hash__())
show("hash(([],))", lambda: hash(([],)))
print((1, 2) == (1, 2), (1, 2) < (1, 3), (1,) < (1, 0), (2,) >= (1, 5), (1, 2).__eq__([1, 2]), (1,).__lt__((2,)), (1,).__ne__((1,)))
show("(1,) < ('a',)", lambda: (1,) < ("a",))
print(repr(()), repr((1,)), (1, "a").__repr__(), str((None, (2,))))
print((1, 2).__getnewargs__())
print(tuple.__len__((1, 2, 3)), tuple.count((1, 1), 1))
show("tuple.count([1], 1)", lambda: tuple.count([1], 1))
show("tuple.__len__()", lambda: tuple.__len__())

# ---- range ----
print(range(5), range(1, 5), range(1, 10, 3), range(10, 0, -2), range(-3), range(True, 3))
print(list(range(5)), list(range(1, 10, 3)), list(range(10, 0, -3)), list(range(0)), list(range(5, 1)))
show("range()", lambda: range())
show("range(1, 2, 3, 4)", lambda: range(1, 2, 3, 4))
show("range(1.5)", lambda: range(1.5))
show("range('a')", lambda: range("a"))
show("range(1, 'b')", lambda: range(1, "b"))
show("range(1, 2, 0)", lambda: range(1, 2, 0))
show("range(x=1)", lambda: range(x=1))


class Idx:
    def __index__(self):
        return 4


print(range(Idx()), list(range(1, Idx())))
r = range(2, 20, 3)
print(len(r), r.__len__(), r.start, r.stop, r.step, not range(0), not not r, r.__bool__())
print(r[0], r[-1], r[2], r.__getitem__(1), r[1:4], r[::-1], r[::2], r[-2:], r[10:])
# A slice whose stop is not on the step: the bound CPython computes is start + stop * step.
print(r.__getitem__(slice(0, 3, 2)), range(10).__getitem__(slice(0, 3, 2)), range(10).__getitem__(slice(None, None, 3)))
print(range(10)[8:2:-3], range(0, 10, 3)[1:], range(0, 10, 3)[::-1], list(range(10)[0:3:2]))
show("r[100]", lambda: r[100])
show("r['a']", lambda: r["a"])
show("r[::0]", lambda: r[::0])
print(5 in r, 6 in r, 20 in r, -1 in r, r.__contains__(8), r.__contains__(9), True in range(2), r.__contains__(5.0), r.__contains__("a"))
print(r.index(8), r.count(8), r.count(9), r.count(8.0), r.index(11.0), range(5).count(True))
show("r.index(9)", lambda: r.index(9))
show("r.index('a')", lambda: r.index("a"))
show("r.index()", lambda: r.index())
print(list(r.__iter__()), list(reversed(r)), list(r.__reversed__()), list(reversed(range(10, 0, -3))), list(reversed(range(0))))
print(range(0) == range(5, 5), range(0, 3) == range(0, 3, 1), range(1, 2, 5) == range(1, 3, 7), range(3) == range(4), range(3) != range(3))
print(range(3).__eq__(range(3)), range(3).__eq__([0, 1, 2]), range(3).__ne__(range(2)))
print(hash(range(3)) == range(3).__hash__(), range(0).__hash__() == range(5, 5).__hash__(), range(1, 2, 5).__hash__() == range(1, 3, 7).__hash__())
print(repr(range(3)), range(1, 9, 2).__repr__(), str(range(-1, -5, -1)))
print(list(zip(range(3), range(10, 7, -1))), sum(range(101)), max(range(7)), sorted(range(5, 0, -1)))

# ---- slice ----
s = slice(5)
print(s, s.start, s.stop, s.step, slice(1, 5), slice(1, 5, 2), slice(None, None, -1), slice("a", [1], None))
show("slice()", lambda: slice())
show("slice(1, 2, 3, 4)", lambda: slice(1, 2, 3, 4))
show("slice(x=1)", lambda: slice(x=1))
for sl in [slice(None), slice(2, None), slice(None, -1), slice(-100, 100), slice(None, None, -1), slice(10, -10, -2), slice(-3, None, 3), slice(10**30, -(10**30), -1), slice(0, 5, 10**30)]:
    print(sl, sl.indices(7), sl.indices(0), list(range(7))[sl], "abcdefg"[sl])
print(slice(1, 10**30).indices(10**30 + 5))
show("indices(-1)", lambda: slice(1).indices(-1))
show("indices(1.0)", lambda: slice(1).indices(1.0))
show("step 0", lambda: slice(1, 2, 0).indices(5))
show("bad start", lambda: slice("a").indices(5))
show("bad step", lambda: slice(1, 2, "x").indices(5))
show("indices()", lambda: slice(1).indices())
print(slice(1, Idx()).indices(10), slice(Idx()).indices(2))
print(slice(1, 2) == slice(1, 2), slice(1, 2) != slice(1, 3), slice(1, 2) < slice(1, 3), slice(None) == slice(None, None, None), slice(1) == 1)
print(slice(1, 2).__eq__(slice(1, 2)), slice(1).__eq__(5), slice(0, 1).__ge__(slice(0, 0)))
show("slice(1) < slice('a')", lambda: slice(1) < slice("a"))
show("hash(slice(1))", lambda: hash(slice(1)))
print(repr(slice(1, 2)), slice(1).__repr__(), [1, 2, 3, 4][slice(1, None, 2)])
