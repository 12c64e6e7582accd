# copy: shallow and deep copies of builtin containers, instances (via __dict__ and
# __slots__), subclasses of builtins, the __copy__/__deepcopy__ and __getstate__/
# __setstate__ hooks, shared and cyclic structure through the memo, and collections.
import copy
from collections import deque, defaultdict, OrderedDict, Counter, namedtuple


data = [1, [2, 3], {"k": [4]}, (5, [6])]
shallow = copy.copy(data)
deep = copy.deepcopy(data)
print(shallow, deep, shallow == data, deep == data)
print(shallow is data, shallow[1] is data[1], deep[1] is data[1], deep[2]["k"] is data[2]["k"])
print(deep[3] is data[3], deep[3][1] is data[3][1])
deep[1].append(99)
print(data[1], deep[1])

d = {"a": [1], "b": {"c": 2}}
print(copy.copy(d)["a"] is d["a"], copy.deepcopy(d)["a"] is d["a"], copy.deepcopy(d) == d)
s = {1, 2, 3}
print(copy.copy(s) == s, copy.copy(s) is s, copy.deepcopy(frozenset(s)) == frozenset(s))
t = (1, 2, (3, 4))
print(copy.copy(t) is t, copy.deepcopy(t) is t)
t2 = (1, [2])
dt2 = copy.deepcopy(t2)
print(dt2, dt2 is t2, dt2[1] is t2[1])
print(copy.copy(5), copy.deepcopy("text"), copy.deepcopy(None), copy.deepcopy(3.5))
print(copy.deepcopy(len) is len, copy.copy(int) is int, copy.deepcopy(range(3)))
ba = bytearray(b"xy")
print(copy.copy(ba), copy.copy(ba) is ba)


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)


p = Point([1], {"a": 2})
p2 = copy.copy(p)
p3 = copy.deepcopy(p)
print(p2, p3, p2 is p, p2.x is p.x, p3.x is p.x, type(p3).__name__)
p3.x.append(2)
print(p.x, p3.x)


class Tracked:
    def __init__(self):
        self.items = [1]

    def __copy__(self):
        print("__copy__ called")
        new = Tracked()
        new.items = self.items
        return new

    def __deepcopy__(self, memo):
        print("__deepcopy__ called with", type(memo).__name__)
        new = Tracked()
        new.items = copy.deepcopy(self.items, memo)
        return new


tr = Tracked()
print(copy.copy(tr).items is tr.items, copy.deepcopy(tr).items is tr.items)

cyclic = [1]
cyclic.append(cyclic)
cc = copy.deepcopy(cyclic)
print(cc[1] is cc, cc is cyclic, len(cc))
shared = [0]
pair = copy.deepcopy([shared, shared])
print(pair[0] is pair[1], pair[0] is shared)
node = {"name": "root"}
node["self"] = node
nc = copy.deepcopy(node)
print(nc["self"] is nc, nc["name"])


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = [1]


sl = copy.deepcopy(Slotted())
print(sl.a, hasattr(sl, "b"))


class MyList(list):
    pass


ml = MyList([1, [2]])
ml.tag = "t"
mlc = copy.deepcopy(ml)
print(type(mlc).__name__, mlc, mlc.tag, mlc[1] is ml[1])


class MyDict(dict):
    pass


md = MyDict(a=[1])
md.extra = 1
mdc = copy.copy(md)
print(type(mdc).__name__, mdc, mdc.extra, mdc["a"] is md["a"])


class Stateful:
    def __init__(self):
        self.value = 1

    def __getstate__(self):
        return {"value": self.value * 10}

    def __setstate__(self, state):
        self.__dict__.update(state)
        self.restored = True


st = copy.deepcopy(Stateful())
print(st.value, st.restored)

dq = deque([1, [2]], maxlen=5)
dq2, dq3 = copy.copy(dq), copy.deepcopy(dq)
print(dq2, dq3, dq2[1] is dq[1], dq3[1] is dq[1], dq3.maxlen)
dd = defaultdict(list, a=[1])
ddc = copy.deepcopy(dd)
print(ddc, ddc["a"] is dd["a"], ddc.default_factory, type(copy.copy(dd)).__name__)
print(copy.copy(OrderedDict(a=1)), copy.deepcopy(Counter("aab")), copy.deepcopy(OrderedDict(b=[1])))
Pt = namedtuple("Pt", "x y")
pt = Pt([1], 2)
print(copy.copy(pt), copy.deepcopy(pt), copy.copy(pt).x is pt.x, copy.deepcopy(pt).x is pt.x)

memo = {}
item = [1]
result = copy.deepcopy([item, item], memo)
print(id(item) in memo, memo[id(item)] is result[0])
print(issubclass(copy.Error, Exception), copy.error is copy.Error)
