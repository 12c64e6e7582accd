# The operator module: operator functions, their dunder aliases, itemgetter, attrgetter,
# methodcaller, with CPython's reprs and errors.
import operator


def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "=", repr(r))


for name in ["add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "lshift", "rshift",
             "and_", "or_", "xor", "lt", "le", "eq", "ne", "gt", "ge", "is_", "is_not"]:
    f = getattr(operator, name)
    show(f"{name}(7, 3)", lambda: f(7, 3))
show("add('a', 'b')", lambda: operator.add("a", "b"))
show("matmul(1, 2)", lambda: operator.matmul(1, 2))
show("truediv(1, 0)", lambda: operator.truediv(1, 0))
show("add(1)", lambda: operator.add(1))
show("add(1, b=2)", lambda: operator.add(1, b=2))
show("lt(1, 'a')", lambda: operator.lt(1, "a"))
for name in ["neg", "pos", "abs", "invert", "inv", "not_", "truth", "index"]:
    f = getattr(operator, name)
    show(f"{name}(-5)", lambda: f(-5))
show("neg('a')", lambda: operator.neg("a"))
show("index(1.5)", lambda: operator.index(1.5))
show("index(True)", lambda: operator.index(True))
show("not_()", lambda: operator.not_())
show("abs(-2.5)", lambda: operator.abs(-2.5))

print(operator.__add__ is operator.add, operator.__and__ is operator.and_,
      operator.__not__ is operator.not_, operator.__inv__ is operator.inv)
print(hasattr(operator, "__is_"), hasattr(operator, "__truth__"))

# In place: mutable objects change, immutable ones do not.
lst = [1]
print(operator.iadd(lst, [2]), lst)
t = (1,)
print(operator.iadd(t, (2,)), t)
print(operator.imul([0], 3), operator.isub(5, 2), operator.ior(4, 1), operator.ipow(2, 5))
print(operator.iconcat([1], [2]), operator.concat("x", "y"))
show("concat(1, 2)", lambda: operator.concat(1, 2))

# Containers.
d = {"a": 1}
print(operator.getitem(d, "a"), operator.contains(d, "a"), operator.contains([1, 2], 3))
operator.setitem(d, "b", 2)
operator.delitem(d, "a")
print(d)
show("getitem([1], 5)", lambda: operator.getitem([1], 5))
print(operator.countOf([1, 2, 1, 1], 1), operator.indexOf("abc", "c"))
show("indexOf([1], 2)", lambda: operator.indexOf([1], 2))
print(operator.length_hint([1, 2, 3]), operator.length_hint(iter([1, 2])), operator.length_hint(5, 7))


class Hint:
    def __length_hint__(self):
        return 42


print(operator.length_hint(Hint()))
print(operator.call(max, 3, 9, 4), operator.call(sorted, [3, 1], reverse=True))

# itemgetter
g = operator.itemgetter(1)
print(g, g([10, 20, 30]), g("xyz"))
g2 = operator.itemgetter(0, -1)
print(g2, g2([1, 2, 3]))
print(operator.itemgetter("k")({"k": "v"}))
print(sorted([(1, "b"), (0, "z"), (2, "a")], key=operator.itemgetter(1)))
show("itemgetter()", lambda: operator.itemgetter())
show("itemgetter(1)()", lambda: operator.itemgetter(1)())
show("itemgetter(1)([1], 2)", lambda: operator.itemgetter(1)([1], 2))
show("itemgetter(5)([1])", lambda: operator.itemgetter(5)([1]))
print(type(g), type(g).__name__)


# attrgetter
class Node:
    def __init__(self, name, child=None):
        self.name = name
        self.child = child


tree = Node("root", Node("kid", Node("grandkid")))
a = operator.attrgetter("name")
print(a, a(tree))
deep = operator.attrgetter("child.child.name", "child.name")
print(deep, deep(tree))
show("attrgetter(1)", lambda: operator.attrgetter(1))
show("attrgetter()", lambda: operator.attrgetter())
show("attrgetter('nope')(tree)", lambda: operator.attrgetter("nope")(tree))
print(sorted([Node("b"), Node("a")], key=operator.attrgetter("name"))[0].name)

# methodcaller
m = operator.methodcaller("split", ",", maxsplit=1)
print(m, m("a,b,c"))
up = operator.methodcaller("upper")
print(up, up("shout"))
print(operator.methodcaller("get", "x", "default")({}))
show("methodcaller()", lambda: operator.methodcaller())
show("methodcaller(1)", lambda: operator.methodcaller(1))
show("methodcaller('nope')(1)", lambda: operator.methodcaller("nope")(1))
print(list(map(operator.methodcaller("strip"), [" a ", "b "])))
