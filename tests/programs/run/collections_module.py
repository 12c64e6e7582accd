# collections: deque, defaultdict, Counter, OrderedDict, namedtuple, ChainMap, UserDict
# and collections.abc mixins -- normal use, reprs and error messages.
from collections import (deque, defaultdict, Counter, OrderedDict, namedtuple,
                         ChainMap, UserDict, UserList)
import collections
import collections.abc as cabc


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)


# ---- deque ----
d = deque([1, 2, 3])
print(d, len(d), d[0], d[-1], 2 in d, 7 in d, bool(d), bool(deque()))
d.append(4)
d.appendleft(0)
print(d, d.pop(), d.popleft(), d)
d.extend([7, 8])
d.extendleft([9, 10])
print(d)
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
print(d.count(7), d.index(7), d.index(2, 1, 5))
d.remove(7)
d.reverse()
print(d, list(reversed(d)), d.copy(), d == deque(d), d != deque())
d.insert(1, "x")
d[0] = "first"
del d[2]
print(d, d.maxlen)
d.clear()
print(d, len(d))
print(deque("abc"), deque(range(3), maxlen=5), deque([1, 2, 3, 4], maxlen=2))
last3 = deque(maxlen=3)
for i in range(6):
    last3.append(i)
print(last3, last3.maxlen)
last3.appendleft(-1)
print(last3)
last3.extendleft([10, 20])
print(last3)
print(deque([1, 2]) + deque([3]), deque([1, 2]) * 2, deque([1, 2], maxlen=3) * 2)
acc = deque([1])
acc += [2, 3]
acc *= 2
print(acc)
print(deque([1, 2]) < deque([1, 3]), deque([2]) > deque([1, 9]), deque([1]) <= deque([1]))
print(deque([1]) == [1], deque() == deque([]))
nested = deque()
nested.append(nested)
print(nested)


class Named(deque):
    pass


print(Named([1, 2]), Named([1], 3), type(Named([1]).copy()).__name__)
print([x * 2 for x in deque([1, 2, 3])], sum(deque([1, 2, 3])))
attempt("pop empty", lambda: deque().pop())
attempt("popleft empty", lambda: deque().popleft())
attempt("index missing", lambda: deque([1, 2]).index(5))
attempt("remove missing", lambda: deque([1, 2]).remove(5))
attempt("out of range", lambda: deque([1])[5])
attempt("slice", lambda: deque([1])[0:1])
attempt("str index", lambda: deque([1])["a"])
attempt("full insert", lambda: deque([1], maxlen=1).insert(0, 2))
attempt("negative maxlen", lambda: deque(maxlen=-1))
attempt("bad maxlen", lambda: deque(maxlen="x"))
attempt("bad kw", lambda: deque(x=1))
attempt("too many", lambda: deque([1], 2, 3))
attempt("append()", lambda: deque().append())
attempt("pop(1)", lambda: deque([1]).pop(1))
attempt("concat list", lambda: deque([1]) + [2])


def mutate_while_iterating():
    q = deque([1, 2, 3])
    for item in q:
        q.append(item)


attempt("mutation", mutate_while_iterating)

# A breadth-first search, the way tutorials use deque.
graph = {"a": ["b", "c"], "b": ["d"], "c": ["d", "e"], "d": ["f"], "e": ["f"], "f": []}
seen = ["a"]
queue = deque(["a"])
while queue:
    node = queue.popleft()
    for nxt in graph[node]:
        if nxt not in seen:
            seen.append(nxt)
            queue.append(nxt)
print("bfs", seen)

# ---- defaultdict ----
dd = defaultdict(int)
for ch in "mississippi":
    dd[ch] += 1
print(dd, dd["zz"], len(dd), dd.default_factory)
groups = defaultdict(list)
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups[word[0]].append(word)
print(groups, dict(groups))
print(defaultdict(), defaultdict(None, {"a": 1}), defaultdict(lambda: "n/a")["k"])
print(defaultdict(int, a=1, b=2), defaultdict(list, [("x", [1])]))
nd = defaultdict(lambda: defaultdict(int))
nd["a"]["b"] += 1
print(nd["a"]["b"], isinstance(nd, dict), type(nd).__name__)
cp = dd.copy()
print(type(cp).__name__, cp.default_factory, cp == dd, cp is dd)
print(dd.get("unknown"), "unknown" in dd)
attempt("no factory", lambda: defaultdict()["missing"])
attempt("bad factory", lambda: defaultdict(3))
print(defaultdict(int, {"a": 1}) | {"b": 2})

# ---- Counter ----
c = Counter("abracadabra")
print(c)
print(c.most_common(2), c.most_common()[-1], c["a"], c["z"], c.total())
print(sorted(c.elements()), list(Counter(a=2, b=0, c=-1).elements()))
c.update("aaz")
c.update({"b": 10})
print(c)
c.subtract({"a": 100})
print(c)
print(Counter(), Counter({"x": 3}), Counter(cats=4, dogs=8))
x, y = Counter(a=3, b=1), Counter(a=1, b=2)
print(x + y, x - y, x | y, x & y, +Counter(a=-1, b=2), -Counter(a=-1, b=2))
x += y
print(x)
x -= Counter(a=10)
print(x)
print(Counter(a=1) == Counter(a=1, b=0), Counter(a=1) <= Counter(a=2), Counter(a=3) > Counter(a=2))
words = "the quick brown fox jumps over the lazy dog the end".split()
print(Counter(words).most_common(3))
del c["b"]
del c["never"]
print("b" in c, len(c))
attempt("fromkeys", lambda: Counter.fromkeys("ab"))
attempt("add int", lambda: Counter() + 1)

# ---- OrderedDict ----
od = OrderedDict()
od["one"] = 1
od["two"] = 2
od["three"] = 3
print(od, list(od), list(od.items()))
od.move_to_end("one")
print(list(od))
od.move_to_end("three", last=False)
print(list(od))
print(od.popitem(), od.popitem(last=False), od)
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == {"b": 2, "a": 1})
print(OrderedDict(), OrderedDict.fromkeys("xy"), list(reversed(OrderedDict.fromkeys("abc"))))
attempt("popitem empty", lambda: OrderedDict().popitem())
attempt("move missing", lambda: OrderedDict(a=1).move_to_end("b"))

# ---- namedtuple ----
Point = namedtuple("Point", ["x", "y"])
p = Point(1, y=2)
print(p, p.x, p.y, p[0], p[-1], len(p), p == (1, 2), tuple(p))
px, py = p
print(px, py, Point._fields, Point(y=5, x=3), Point.__name__, Point.__doc__)
print(p._asdict(), p._replace(x=10), Point._make([7, 8]), p + (3,))
print(isinstance(p, tuple), hash(p) == hash((1, 2)), sorted([Point(2, 1), Point(1, 5)]))
Color = namedtuple("Color", "red green blue", defaults=[0])
print(Color(1, 2), Color._field_defaults, Color(1, 2, 3).blue)
Renamed = namedtuple("Renamed", ["ok", "def", "ok", "_hidden"], rename=True)
print(Renamed._fields, Renamed(1, 2, 3, 4))
Spaced = namedtuple("Spaced", "a, b  c")
print(Spaced(1, 2, 3), Point.x.__doc__)


class Point3(namedtuple("Point3", "x y z")):
    __slots__ = ()

    def norm1(self):
        return abs(self.x) + abs(self.y) + abs(self.z)


print(Point3(1, -2, 3).norm1(), Point3(1, 2, 3))
attempt("missing", lambda: Point(1))
attempt("too many", lambda: Point(1, 2, 3))
attempt("unexpected", lambda: Point(1, y=2, z=3))
attempt("twice", lambda: Point(1, x=2))
attempt("none", lambda: Point())
attempt("_make", lambda: Point._make([1]))
attempt("_replace", lambda: p._replace(z=1))
attempt("duplicate", lambda: namedtuple("Q", "a a"))
attempt("underscore", lambda: namedtuple("Q", "_a"))
attempt("keyword", lambda: namedtuple("Q", "class"))
attempt("identifier", lambda: namedtuple("Q", "1a"))
attempt("typename", lambda: namedtuple("1Q", "a"))
attempt("defaults", lambda: namedtuple("Q", "a", defaults=(1, 2)))


def set_field():
    p.x = 5


attempt("readonly", set_field)

# ---- ChainMap ----
defaults = {"color": "red", "user": "guest"}
overrides = {"user": "admin"}
cm = ChainMap(overrides, defaults)
print(cm, cm["user"], cm["color"], len(cm), sorted(cm), "color" in cm, cm.get("nope", 0))
cm["color"] = "blue"
print(overrides, defaults, dict(cm.items()))
child = cm.new_child({"user": "root"})
print(child["user"], child.parents["user"], child.maps[0])
print(ChainMap(), list(ChainMap({"a": 1}, {"b": 2, "a": 3})))
attempt("delete missing", lambda: cm.__delitem__("missing"))
attempt("pop missing", lambda: ChainMap({}).pop("x"))
attempt("popitem empty", lambda: ChainMap().popitem())

# ---- UserDict / UserList ----
class LowerDict(UserDict):
    def __setitem__(self, key, value):
        super().__setitem__(key.lower(), value)


ld = LowerDict({"A": 1})
ld["B"] = 2
print(ld, ld["a"], "b" in ld, len(ld), ld.get("c", "-"))
ul = UserList([3, 1, 2])
ul.append(0)
ul.sort()
print(ul, ul[1:], len(ul), ul + [9])

# ---- collections.abc mixins ----
class Registry(cabc.MutableMapping):
    def __init__(self):
        self._data = {}

    def __getitem__(self, key):
        return self._data[key]

    def __setitem__(self, key, value):
        self._data[key] = value

    def __delitem__(self, key):
        del self._data[key]

    def __iter__(self):
        return iter(self._data)

    def __len__(self):
        return len(self._data)


r = Registry()
r["a"] = 1
r.update(b=2, c=3)
print(len(r), r.get("a"), r.get("z", "dflt"), "b" in r, r.pop("c"), r.setdefault("d", 4))
print(sorted(r.keys()), sorted(r.values()), sorted(r.items()))


class Countdown(cabc.Sequence):
    def __init__(self, n):
        self.n = n

    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError(i)
        return self.n - i

    def __len__(self):
        return self.n


cd = Countdown(4)
print(list(cd), 2 in cd, cd.index(2), cd.count(1), list(reversed(cd)))


class Incomplete(cabc.Mapping):
    def __getitem__(self, key):
        return key


attempt("abstract", lambda: Incomplete())
print(cabc.Iterable.__name__, cabc.Callable.__name__, cabc.Hashable.__name__,
      cabc.Generator.__name__, cabc.Sized.__name__, cabc.Container.__name__)
print(issubclass(Registry, cabc.Mapping), isinstance(r, cabc.MutableMapping))
print(collections.deque is deque, deque.__module__, deque.__name__)
