# dict and its views: constructor, every method, edge and error cases.


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


# constructor
print(dict(), dict({"a": 1}), dict([("a", 1), ("b", 2)]), dict(a=1, b=2), dict({"a": 1}, a=2, c=3))
print(dict([["x", 1], "yz", (3, 4)]), dict(zip("abc", range(3))), dict({1: 2}.items()), dict(iter([(1, 2)])))
show("dict(5)", lambda: dict(5))
show("dict([1])", lambda: dict([1]))
show("dict([(1, 2, 3)])", lambda: dict([(1, 2, 3)]))
show("dict([(1, 2), 'abc'])", lambda: dict([(1, 2), "abc"]))
show("dict('ab')", lambda: dict("ab"))
show("dict(1, 2)", lambda: dict(1, 2))
show("dict([([], 1)])", lambda: dict([([], 1)]))


class Mapping:
    def keys(self):
        return ["k1", "k2"]

    def __getitem__(self, k):
        return k.upper()


print(dict(Mapping()), dict(Mapping(), k3=3))
d = {"old": 0}
d.__init__({"a": 1}, b=2)
print("init adds", d)
print(dict.__new__(dict, 1, 2), dict.fromkeys("ab"), dict.fromkeys([1, 2], 0), {}.fromkeys(range(3), []))
show("fromkeys()", lambda: dict.fromkeys())
show("fromkeys(1)", lambda: dict.fromkeys(1))
show("fromkeys([[]])", lambda: dict.fromkeys([[]]))

# access
d = {"a": 1, "b": 2, 3: "c"}
print(d["a"], d[3], d.get("a"), d.get("z"), d.get("z", 0), d.__getitem__("b"), d.__contains__("a"), "z" in d)
show("d['z']", lambda: d["z"])
show("d.__getitem__('z')", lambda: d.__getitem__("z"))
show("d[[]]", lambda: d[[]])
show("d.get([])", lambda: d.get([]))
show("d.get()", lambda: d.get())
show("d.get(1, 2, 3)", lambda: d.get(1, 2, 3))
print(d.setdefault("a", 9), d.setdefault("n"), d.setdefault("m", [1]), d)
show("setdefault([])", lambda: d.setdefault([]))
print(d.pop("n"), d.pop("zz", "dflt"), d)
show("pop('zz')", lambda: d.pop("zz"))
show("pop()", lambda: d.pop())
print(d.popitem(), d.popitem(), d)
show("popitem empty", lambda: {}.popitem())
d = {1: 1, 1.0: 2, True: 3}
print(d, len(d))
d = {}
d[1] = "int"
d[2.5] = "float"
d[None] = "none"
d[(1, 2)] = "tuple"
d["s"] = "str"
d.__setitem__(frozenset({1}), "fs")
print(d, d[(1, 2)], d[frozenset([1])])
del d[2.5]
d.__delitem__(None)
print(d)
show("del missing", lambda: d.__delitem__("missing"))
show("d[[]] = 1", lambda: d.__setitem__([], 1))

# update / copy / clear
d = {"a": 1}
d.update({"b": 2})
d.update([("c", 3)])
d.update(e=5)
d.update({"a": 0}, f=6)
d.update(Mapping())
d.update()
print(d)
show("update(1, 2)", lambda: d.update(1, 2))
show("update(5)", lambda: d.update(5))
show("update([1])", lambda: d.update([1]))
c = d.copy()
c["new"] = 1
print(len(d), len(c), type(c))
d.clear()
print(d, len(d))

# views
d = {"x": 1, "y": 2, "z": 3}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it, len(k), len(v), len(it))
print(list(k), list(v), list(it), "x" in k, 2 in v, ("y", 2) in it, ("y", 3) in it, "q" in k, 9 in v)
d["w"] = 4
print(list(k), list(v), list(it))
print(list(reversed(d)), list(reversed(k)), list(reversed(v)), list(reversed(it)), list(d.__reversed__()))
print(k.__len__(), list(k.__iter__()), k.__contains__("x"), it.__contains__(("x", 1)), it.__contains__("x"), it.__contains__(("x",)))
print(k.isdisjoint(["a", "b"]), k.isdisjoint({"x"}), it.isdisjoint([("x", 1)]), it.isdisjoint([("x", 2)]))
print(sorted(k & {"x", "q"}), sorted(k | {"q"}), sorted(k - {"x"}), sorted(k ^ {"x", "q"}), k == {"x", "y", "z", "w"}, k <= {"x", "y", "z", "w", "v"})
print(sorted(it & {("x", 1)}), sorted({"x": 1}.items() | {("x", 1), ("q", 0)}))
print(k == d.keys(), v == d.values())
show("[] in it", lambda: [] in it)
show("k & 5", lambda: k & 5)

# iteration and mutation
d = {i: i * i for i in range(5)}
print(list(d), list(d.__iter__()), [x for x in d.values()], sum(d.values()))
try:
    for key in d:
        d[key + 100] = 0
except RuntimeError as e:
    print("RuntimeError", e)
print(len(d))

# operators
a, b = {"a": 1, "b": 2}, {"b": 20, "c": 30}
print(a | b, b | a, a.__or__(b), a.__ror__(b), a.__or__([1]))
show("a | [1]", lambda: a | [1])
a |= b
print(a)
print(a.__ior__([("d", 4)]) is a, a)
a |= {"e": 5}
print(a)
show("a |= 5", lambda: a.__ior__(5))
print({1: 2} == {1: 2}, {1: 2} == {1: 3}, {1: 2} != {2: 1}, {1: 2}.__eq__({1: 2}), {1: 2}.__eq__([1]), {1: 2}.__ne__({1: 2}))
print({"a": [1, 2]} == {"a": [1, 2]}, {1: 1} == {1.0: 1.0})
show("{} < {}", lambda: {} < {})
show("hash({})", lambda: hash({}))
print(repr({}), {"a": 1, 2: [3]}.__repr__(), str({None: (1,)}))
r = {}
r["self"] = r
print(r, r.__repr__())
print(dict.__hash__)

# unbound methods and receiver errors
d = {}
dict.__setitem__(d, "k", "v")
dict.update(d, {"k2": 2})
print(d, dict.get(d, "k"), dict.keys(d), dict.__len__(d), dict.__contains__(d, "k"))
show("dict.get([], 1)", lambda: dict.get([], 1))
show("dict.keys()", lambda: dict.keys())
show("dict.__len__(1)", lambda: dict.__len__(1))
show("d.keys(1)", lambda: d.keys(1))
show("d.get(k=1)", lambda: d.get(k=1))


# keys with a user __eq__/__hash__
class Key:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return hash(self.v % 10)

    def __eq__(self, other):
        return isinstance(other, Key) and self.v % 10 == other.v % 10

    def __repr__(self):
        return f"Key({self.v})"


d = {Key(1): "one", Key(2): "two"}
d[Key(11)] = "eleven"
print(d, d[Key(21)], Key(31) in d, d.get(Key(3)), d.pop(Key(12)), d)
