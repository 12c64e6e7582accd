# list: constructor, every method, edge and error cases.


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


# constructor
print(list(), list([]), list((1, 2)), list("abc"), list(range(4)), list({1: 2, 3: 4}))
print(list(x * x for x in range(5)))
show("list(5)", lambda: list(5))
show("list(1, 2)", lambda: list(1, 2))
show("list(x=1)", lambda: list(x=1))
l = [1, 2]
l.__init__([7, 8, 9])
print("reinit", l)
l.__init__()
print("reinit empty", l)
print(list.__new__(list, 1, 2, 3))
show("list.__new__(int)", lambda: list.__new__(int))
show("list.__new__(5)", lambda: list.__new__(5))

# append / extend / insert
l = []
l.append(1)
l.append([2])
l.extend((3, 4))
l.extend("ab")
l.extend(range(2))
l.extend(l)
print(l)
show("append()", lambda: l.append())
show("append(1, 2)", lambda: l.append(1, 2))
show("extend(5)", lambda: l.extend(5))
l = [1, 2, 3]
l.insert(0, "a")
l.insert(-1, "b")
l.insert(100, "c")
l.insert(-100, "d")
print(l)
show("insert(1)", lambda: l.insert(1))
show("insert('x', 1)", lambda: l.insert("x", 1))
show("insert(10**20, 1)", lambda: l.insert(10**20, 1))

# remove / pop / clear
l = [1, 2, 3, 2, 1]
l.remove(2)
print(l)
show("remove(9)", lambda: l.remove(9))
print(l.pop(), l.pop(0), l.pop(-1), l)
show("pop empty", lambda: [].pop())
show("pop(5)", lambda: [1].pop(5))
show("pop(-2)", lambda: [1].pop(-2))
show("pop('a')", lambda: [1].pop("a"))
show("pop(1, 2)", lambda: [1].pop(1, 2))
l = [1, 2, 3]
l.clear()
print("cleared", l, len(l))

# index / count
l = [5, 6, 7, 6, 5, 1.0, True]
print(l.index(6), l.index(6, 2), l.index(5, -3), l.index(1), l.count(6), l.count(1), l.count(9))
show("index(9)", lambda: l.index(9))
show("index('x')", lambda: l.index("x"))
show("index(6, 4)", lambda: l.index(6, 4))
show("index(6, 0, 1)", lambda: l.index(6, 0, 1))
show("index(6, 'a')", lambda: l.index(6, "a"))
show("index(6, -10**30, 10**30)", lambda: l.index(6, -(10**30), 10**30))
show("index()", lambda: l.index())
show("count()", lambda: l.count())

# sort / reverse / copy
l = [3, 1, 2, 5, 4]
l.sort()
print(l)
l.sort(reverse=True)
print(l)
words = ["banana", "Apple", "cherry", "apple", "Banana"]
words.sort(key=str.lower)
print(words)
words.sort(key=len, reverse=True)
print(words)
pairs = [(1, "b"), (0, "a"), (1, "a"), (0, "b")]
pairs.sort(key=lambda p: p[0])
print(pairs)
show("sort(key=1)", lambda: [2, 1].sort(key=1))
show("sort positional", lambda: [2, 1].sort(len))
show("sort(foo=1)", lambda: [2, 1].sort(foo=1))
show("sort(reverse=None)", lambda: [2, 1].sort(reverse=None))
show("sort mixed", lambda: [1, "a", 2].sort())
m = [3, 1, 2]
try:
    m.sort(key=lambda x: 1 / (x - 1))
except ZeroDivisionError as e:
    print("key error", e, m)


def meddle(x):
    victim.append(x)
    return x


victim = [3, 1, 2]
show("modified during sort", lambda: victim.sort(key=meddle))
print(victim)
seen = []


def peek(x):
    seen.append(len(watched))
    return x


watched = [2, 1]
watched.sort(key=peek)
print("length seen during sort", seen, watched)
l = [1, 2, 3]
l.reverse()
print(l)
c = l.copy()
c.append(0)
print(l, c, type(c))

# dunders, called directly and through operators
l = [1, 2, 3, 4, 5]
print(len(l), l.__len__(), l[0], l[-1], l[1:3], l[::-1], l[::2], l.__getitem__(1), l.__getitem__(slice(1, None)))
show("l[10]", lambda: l[10])
show("l['a']", lambda: l["a"])
show("l[10**20]", lambda: l[10**20])
show("l.__getitem__('a')", lambda: l.__getitem__("a"))
l[0] = 10
l.__setitem__(1, 20)
print(l)
l[1:3] = ["a", "b", "c"]
print(l)
l[::2] = [0, 0, 0]
print(l)
l.__setitem__(slice(0, 2), [])
print(l)
show("l[::2] = [1]", lambda: l.__setitem__(slice(None, None, 2), [1]))
show("l[0:1] = 5", lambda: l.__setitem__(slice(0, 1), 5))
show("l[::2] = 5", lambda: l.__setitem__(slice(None, None, 2), 5))
show("l[10] = 1", lambda: l.__setitem__(10, 1))
l = list(range(10))
del l[0]
l.__delitem__(-1)
del l[::3]
print(l)
l.__delitem__(slice(1, 3))
print(l)
show("del l[10]", lambda: l.__delitem__(10))
show("del l['a']", lambda: l.__delitem__("a"))
l = [1, [2], "x"]
print(2 in l, [2] in l, l.__contains__("x"), l.__contains__("y"))
print(list(l.__iter__()), list(reversed(l)), list(l.__reversed__()))
print([1, 2] + [3], [1, 2].__add__([3]), [1] * 3, 3 * [1], [1, 2].__mul__(2), [1].__rmul__(2), [1] * -1, [1] * 0)
show("[1] + (2,)", lambda: [1] + (2,))
show("[1].__add__((2,))", lambda: [1].__add__((2,)))
show("[1].__mul__('a')", lambda: [1].__mul__("a"))
l = [1]
l += (2, 3)
l += "ab"
print(l, l.__iadd__([9]) is l)
l *= 2
print(l, l.__imul__(1) is l)
l *= 0
print(l)
print([1, 2] == [1, 2], [1, 2] != [1, 3], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9], [1] <= [1], [1] >= [2])
print([1].__eq__([1]), [1].__eq__((1,)), [1].__lt__(5), [1].__ne__([2]), [1].__ge__([0]), [1].__gt__([1]), [1].__le__([1, 0]))
show("[1] < ['a']", lambda: [1] < ["a"])
print(repr([]), [1, "a", None, [2.5]].__repr__(), str([True]))
r = [1]
r.append(r)
print(r, r.__repr__())
print(list.__hash__, [1].__class__)
show("hash([])", lambda: hash([]))

# unbound methods
l = []
list.append(l, 5)
list.extend(l, [6])
list.__setitem__(l, 0, 4)
print(l, list.__len__(l), list.__getitem__(l, 1), list.pop(l), list.__contains__(l, 4))
show("list.append()", lambda: list.append())
show("list.append(5, 1)", lambda: list.append(5, 1))
show("list.__len__(5)", lambda: list.__len__(5))
show("list.__len__()", lambda: list.__len__())
show("[].clear(1)", lambda: [].clear(1))
show("[].append(x=1)", lambda: [].append(x=1))
show("list.__init__(5)", lambda: list.__init__(5))

# a list of user objects compared with __eq__
class Loose:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return isinstance(other, Loose) and self.v % 10 == other.v % 10

    def __repr__(self):
        return f"Loose({self.v})"


items = [Loose(1), Loose(2), Loose(11)]
print(items.index(Loose(21)), items.count(Loose(1)), Loose(12) in items)
items.remove(Loose(31))
print(items)
