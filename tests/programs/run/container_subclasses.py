# Subclasses of the builtin containers: constructors, super() calls into the builtin methods,
# overridden dunders, __missing__, and the types operations return.


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


class Stack(list):
    def push(self, x):
        self.append(x)

    def peek(self):
        return self[-1]


s = Stack([1, 2])
s.push(3)
print(s, type(s).__name__, len(s), s.peek(), s.pop(), s, isinstance(s, list), s == [1, 2], Stack() == [])
print(Stack(), Stack("ab"), Stack(range(3)) + [9], type(Stack([1]) + [2]).__name__, type(Stack([1]) * 2).__name__, type(s.copy()).__name__)
s.attr = "has a dict"
print(s.attr, s[0:1], type(s[0:1]).__name__, sorted(Stack([3, 1, 2])), list(reversed(Stack([1, 2]))))
show("Stack(1, 2)", lambda: Stack(1, 2))


class Logged(list):
    def __init__(self, items, tag):
        super().__init__(items)
        self.tag = tag

    def __setitem__(self, i, v):
        print("set", i, v)
        super().__setitem__(i, v)

    def __getitem__(self, i):
        v = super().__getitem__(i)
        return ("got", v)

    def __len__(self):
        return super().__len__() * 10

    def __contains__(self, x):
        return super().__contains__(x) or x == "always"

    def __iter__(self):
        return iter(["custom"] + [x for x in super().__iter__()])

    def append(self, x):
        super().append(x * 2)

    def __repr__(self):
        return "Logged" + super().__repr__()


g = Logged([1, 2], "t")
g[0] = 5
g.append(4)
print(g.tag, g[0], g[1:], len(g), 5 in g, "always" in g, 99 in g, list(g), g)
print(list.__len__(g), list.__getitem__(g, 0), list.__repr__(g))
g.extend([7])
g.sort(reverse=True)
print(list.__repr__(g), g.index(7), g.count(5))


class Recursive(list):
    def __repr__(self):
        return "R" + super().__repr__()


r = Recursive([1])
r.append(r)
print(r)


class MyDict(dict):
    def __missing__(self, key):
        return f"missing {key!r}"


md = MyDict(a=1)
print(md["a"], md["b"], md.get("b"), "b" in md, md, type(md).__name__, md.__getitem__("zz"))
print(type(md.copy()).__name__, type(md | {"x": 1}).__name__, MyDict.fromkeys("ab", 0), type(MyDict.fromkeys("a")).__name__)


class Counter(dict):
    def __missing__(self, key):
        self[key] = 0
        return 0


c = Counter()
for w in "abracadabra":
    c[w] += 1
print(sorted(c.items()))


class DefaultList(dict):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.inits = True

    def __setitem__(self, key, value):
        super().__setitem__(key, [value])


dl = DefaultList({"a": 1}, b=2)
dl["c"] = 3
dl.update(d=4)
dl.setdefault("e", 5)
print(dl, dl.inits, DefaultList.fromkeys("xy", 0))


class Lower(dict):
    def __getitem__(self, key):
        return super().__getitem__(key.lower())

    def __delitem__(self, key):
        super().__delitem__(key.lower())


lo = Lower(a=1, b=2)
print(lo["A"], lo.get("A"), dict(lo), lo)
del lo["B"]
print(lo)
show("lo['Q']", lambda: lo["Q"])


class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))

    @property
    def x(self):
        return self[0]

    def __repr__(self):
        return f"Point{super().__repr__()}"


p = Point(1, 2)
print(p, p.x, p[1], len(p), p + (3,), type(p + (3,)).__name__, p == (1, 2), hash(p) == hash((1, 2)), tuple(p), list(p))
print(p.__getnewargs__(), type(p[:]).__name__, p.count(1), p.index(2), isinstance(p, tuple))


class Pair(tuple):
    pass


print(Pair([1, 2]), Pair(), type(Pair("ab")).__name__, Pair((1,)) == (1,))
show("tuple.__new__(Pair, 5)", lambda: tuple.__new__(Pair, 5))


class Tags(set):
    def add(self, item):
        super().add(item.lower())


t = Tags()
t.add("A")
t.add("a")
t.update(["B"])
print(sorted(t), type(t).__name__, type(t | {"c"}).__name__, type(t.copy()).__name__, t == {"a", "B"})
print(Tags([1, 2]), repr(Tags()), frozenset(Tags([3])))


class Frozen(frozenset):
    def __new__(cls, items, label):
        self = super().__new__(cls, items)
        self.label = label
        return self


fz = Frozen([1, 2], "lbl")
print(fz, fz.label, type(fz.union([3])).__name__, fz == frozenset([1, 2]), hash(fz) == hash(frozenset([1, 2])), type(fz.copy()).__name__)


class Named(set):
    def __init__(self, items, name):
        super().__init__(items)
        self.name = name


n = Named([3, 1], "n")
print(n, n.name)
show("Named(1, 2, 3)", lambda: Named(1, 2, 3))


class Sorted(list):
    def __lt__(self, other):
        return len(self) < len(other)


print(sorted([Sorted([1, 2, 3]), Sorted([9]), Sorted([5, 5])]))
