# set and frozenset: constructors, every method, edge and error cases. Int keys hash to
# themselves, so these sets print in CPython's order; sets of strs are printed sorted.


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


# constructors and layouts
print(set(), set([3, 1, 2]), set((9, 17, 1, 25)), set(range(20)), set({40: 0, 8: 0, 0: 0}), set(x * 8 for x in range(6)))
print(frozenset(), frozenset([1, 2]), frozenset(range(5, 0, -1)), {10, 1, 5}, set([-1, -2, 7]), {2**61, 1, 2**61 + 1})
print(sorted(set("hello")), sorted(frozenset("abc")), set(set([33, 1, 65])), set(frozenset([8, 16, 0])))
big = set(range(0, 200, 7))
print(big, set(big), big.copy())
show("set(5)", lambda: set(5))
show("set(1, 2)", lambda: set(1, 2))
show("set(x=1)", lambda: set(x=1))
show("set([[]])", lambda: set([[]]))
show("frozenset(1, 2)", lambda: frozenset(1, 2))
show("frozenset(x=1)", lambda: frozenset(x=1))
f = frozenset([1, 2])
print(frozenset(f) is f, f.copy() is f, set.__new__(set, [1]), frozenset.__new__(frozenset, [3]))
s = {1, 2}
s.__init__([5, 6])
print("reinit", s)
s.__init__()
print("reinit empty", s)

# add / remove / discard / pop / clear
s = set()
for x in [5, 13, 21, 3, 5, 29, 37]:
    s.add(x)
print(s, len(s))
s.remove(13)
s.discard(21)
s.discard(999)
print(s)
s.add(45)
s.add(13)
print(s)
show("remove(999)", lambda: s.remove(999))
show("remove([])", lambda: s.remove([]))
show("add([])", lambda: s.add([]))
show("discard({})", lambda: s.discard({}))
nested = {frozenset([1]), frozenset()}
nested.remove({1})
nested.discard(set())
print(nested, {frozenset([2])}.__contains__({2}), {frozenset([2])}.__contains__({3}))
s = set(range(10, 15))
print([s.pop() for _ in range(3)], s)
s = {100, 4, 36}
print(s.pop(), s.pop(), s.pop(), s)
show("pop empty", lambda: set().pop())
s = {1, 2, 3}
s.clear()
print(s, len(s))
s.add(7)
print(s)

# the operations taking any iterables
a = {1, 2, 3, 4}
print(a.union(), a.union([5]), a.union({9: 0}, (10,), range(3)), a.union({4, 12, 20}), a.union(a))
print(a.intersection(), a.intersection([2, 4, 6]), a.intersection({3: 0, 1: 0}), a.intersection({2, 3}, [3, 4]), a.intersection(a))
print(a.difference(), a.difference([1]), a.difference({2: 0}, (3,)), a.difference({1, 2, 100}), a.difference(a))
print(a.symmetric_difference([4, 5]), a.symmetric_difference({5: 0, 1: 0}), a.symmetric_difference({3, 17}), a.symmetric_difference(a))
print(a.issubset([1, 2, 3, 4, 5]), a.issubset({1}), a.issubset(range(10)), a.issuperset([1, 2]), a.issuperset({1, 9}), a.issuperset(()))
print(a.isdisjoint([5, 6]), a.isdisjoint({4}), a.isdisjoint(range(4, 10)), set().isdisjoint(set()), a.isdisjoint(a))
print(a, "unchanged")
show("union(5)", lambda: a.union(5))
show("union([[]])", lambda: a.union([[]]))
show("issubset(5)", lambda: a.issubset(5))
show("isdisjoint()", lambda: a.isdisjoint())
show("symmetric_difference(1, 2)", lambda: a.symmetric_difference(1, 2))
show("union(x=1)", lambda: a.union(x=1))

# the in-place ones
s = {1, 2, 3}
s.update([4], {5: 0}, (6, 14), {22, 30})
print(s)
s.update(s)
print(s)
s.intersection_update([1, 2, 3, 4, 5, 6, 14, 99], {1, 2, 3, 14, 30})
print(s)
s.difference_update({2}, [3])
print(s)
s.symmetric_difference_update([1, 8])
print(s)
s.symmetric_difference_update({8: 0, 9: 0})
print(s)
s.symmetric_difference_update({14, 40})
print(s)
s.difference_update(s)
print(s)
s = set(range(30))
s.difference_update(range(0, 30, 2))
print(s)
s.add(100)
print(s)
s = {1, 2}
s.intersection_update(s)
print(s)
s.symmetric_difference_update(s)
print(s)
s = {1, 2, 3}
show("update partly", lambda: s.update([10, [], 11]))
print(s)

# operators and dunders (the operator syntax's result order is checked in set_operator_order)
a, b = {1, 2, 3, 9}, {3, 4, 17}
print(sorted(a | b), a & b, a - b, sorted(a ^ b), b - a)
print(a.__or__(b), a.__and__(b), a.__sub__(b), a.__xor__(b), a.__ror__(b), a.__rand__(b), a.__rsub__(b), a.__rxor__(b))
print(a.__or__([1]), a.__and__(5), frozenset(a).__or__(b), a.__or__(frozenset(b)), type(frozenset(a) & b).__name__, type(a - frozenset(b)).__name__)
show("a | [1]", lambda: a | [1])
show("a - 'x'", lambda: a - "x")
c = {1, 2}
c |= {3}
print(c)
c &= {1, 3, 50}
print(c)
c -= {1}
print(c)
c ^= {3, 4}
print(c)
print(c.__ior__({99}) is c, c, c.__iand__({11, 99, 4}) is c, c, c.__isub__({4}) is c, c, c.__ixor__({0}) is c, c, c.__ior__([5]))
c = {3, 1, 2}
c.__ior__({11})
print(c)
c.__iand__(set([1, 3, 11, 50]))
print(c)
c.__isub__({1})
print(c)
c.__ixor__({3, 4})
print(c)
show("c |= [1]", lambda: c.__ior__([1]))
print({1, 2} == {2, 1}, {1} == frozenset([1]), {1} != {2}, {1} < {1, 2}, {1, 2} <= {1, 2}, {1, 2} > {1}, {1} >= {1, 2}, {1} == [1])
print({1}.__eq__({1}), {1}.__eq__([1]), {1}.__lt__({1}), {1}.__le__({1}), {1, 2}.__gt__({2}), {1}.__ge__(set()), {1}.__ne__({1}))
show("{1} <= [1]", lambda: {1} <= [1])
print(2 in a, 5 in a, a.__contains__(9), a.__len__(), len(frozenset()), list(a.__iter__()), sorted(a, reverse=True))
print(repr(set()), repr(frozenset()), {1, 2}.__repr__(), frozenset([3]).__repr__(), str({None}))
r = [set()]
print(r, {(1, 2), (3, 4)} == {(3, 4), (1, 2)})
print(hash(frozenset([1, 2])) == hash(frozenset([2, 1])), frozenset([1, 2]).__hash__() == hash(frozenset([1, 2])), hash(frozenset()) == frozenset().__hash__())
show("hash(set())", lambda: hash(set()))
print(set.__hash__, {frozenset([1]): "x"}[frozenset([1])])

# unbound use and receiver errors
s = set()
set.add(s, 4)
set.update(s, [5])
print(s, set.__len__(s), set.__contains__(s, 4), frozenset.union(frozenset([1]), [2]), set.union(s, [0]))
show("set.add()", lambda: set.add())
show("set.add(frozenset(), 1)", lambda: set.add(frozenset(), 1))
show("set.union([1])", lambda: set.union([1]))
show("frozenset.union({1})", lambda: frozenset.union({1}))
show("set.__len__(5)", lambda: set.__len__(5))
show("s.add(x=1)", lambda: s.add(x=1))
show("s.pop(1)", lambda: s.pop(1))


# keys with their own __eq__ and __hash__
class Key:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return self.v % 10

    def __eq__(self, other):
        return isinstance(other, Key) and self.v % 10 == other.v % 10

    def __repr__(self):
        return f"Key({self.v})"


ks = {Key(1), Key(2), Key(11)}
print(ks, Key(21) in ks, len(ks))
ks.add(Key(31))
ks.discard(Key(12))
print(ks, ks | {Key(41), Key(5)}, ks.intersection([Key(51)]), ks - {Key(61)}, ks.issubset([Key(1)]))
ks.update([Key(3), Key(13)])
ks.difference_update([Key(23)])
print(ks)


class Boom:
    def __hash__(self):
        return 1

    def __eq__(self, other):
        raise ValueError("no comparing")


show("Boom in {1}", lambda: Boom() in {1})
bs = {Boom()}
show("add second Boom", lambda: bs.add(Boom()))
show("Boom union", lambda: bs | {Boom()})
print(len(bs))
