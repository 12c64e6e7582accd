# The itertools module: every iterator, lazily, with CPython's reprs and errors.
import itertools as it
import operator


def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "=", repr(r))


def take(n, iterable):
    return list(it.islice(iterable, n))


# count, cycle, repeat
c = it.count()
print(c, take(5, c), c)
print(take(4, it.count(10, 5)), take(3, it.count(2.5, 0.5)), take(3, it.count(step=-1)))
print(it.count(5, 1), it.count(5, 1.0), it.count(1.5, 2), it.count(start=3, step=2))
show("count('a')", lambda: it.count("a"))
show("count(x=1)", lambda: it.count(x=1))
show("count(1, 2, 3)", lambda: it.count(1, 2, 3))
print(take(7, it.cycle("abc")), list(it.cycle([])))
show("cycle()", lambda: it.cycle())
show("cycle(1)", lambda: it.cycle(1))
r = it.repeat("x", 3)
print(r, list(r), r, list(it.repeat(1, -2)), take(3, it.repeat(None)))
print(it.repeat(7), operator.length_hint(it.repeat(0, 4)))
show("repeat()", lambda: it.repeat())
show("repeat(1, 'a')", lambda: it.repeat(1, "a"))

# accumulate, chain, compress
print(list(it.accumulate([1, 2, 3, 4])), list(it.accumulate([1, 2, 3, 4], operator.mul)))
print(list(it.accumulate([3, 1, 4, 1, 5], max)), list(it.accumulate([1, 2], initial=100)))
print(list(it.accumulate([], initial=0)), list(it.accumulate([])), list(it.accumulate("abc")))
print(list(it.accumulate([1, 2, 3], func=lambda a, b: a - b)))
show("accumulate()", lambda: it.accumulate())
print(list(it.chain("ab", [1, 2], (), range(2))), list(it.chain()))
print(list(it.chain.from_iterable(["ab", "cd", []])), take(3, it.chain.from_iterable(it.repeat("xy"))))
show("chain(x=1)", lambda: it.chain(x=1))
show("list(chain(1))", lambda: list(it.chain(1)))
print(list(it.compress("abcdef", [1, 0, 1, 0, 1, 1])), list(it.compress("abc", it.count())))
show("compress([1])", lambda: it.compress([1]))

# dropwhile, takewhile, filterfalse, starmap, pairwise
print(list(it.dropwhile(lambda x: x < 3, [1, 2, 3, 4, 1])), list(it.takewhile(lambda x: x < 3, [1, 2, 3, 4, 1])))
print(list(it.filterfalse(None, [0, 1, "", "a", None, []])), list(it.filterfalse(lambda x: x % 2, range(10))))
print(list(it.starmap(pow, [(2, 3), [3, 2], (10, 0)])), list(it.starmap(lambda *a: sum(a), ["ab" and (1, 2, 3)])))
print(list(it.pairwise("abcd")), list(it.pairwise([1])), list(it.pairwise([])))
show("dropwhile(None)", lambda: it.dropwhile(None))
show("takewhile(1, 2, 3)", lambda: it.takewhile(1, 2, 3))
show("starmap(pow)", lambda: it.starmap(pow))
show("list(starmap(pow, [1]))", lambda: list(it.starmap(pow, [1])))
show("pairwise()", lambda: it.pairwise())

# groupby
print([(k, list(g)) for k, g in it.groupby("aaabbcaa")])
print([(k, len(list(g))) for k, g in it.groupby([1, 3, 5, 2, 4, 7], key=lambda x: x % 2)])
print([k for k, _ in it.groupby([])], [k for k, _ in it.groupby("aabbb")])
gb = it.groupby("aabbbc")
k1, g1 = next(gb)
k2, g2 = next(gb)
print(k1, list(g1), k2, next(g2), list(g2), list(g2))
print(type(g1).__name__, type(gb).__name__)
show("groupby()", lambda: it.groupby())
show("groupby([1], foo=1)", lambda: it.groupby([1], foo=1))

# islice
print(list(it.islice("abcdefg", 3)), list(it.islice("abcdefg", 2, 5)), list(it.islice("abcdefg", 1, None, 2)))
print(list(it.islice("abc", None)), list(it.islice(range(100), 90, None, 4)), list(it.islice("abc", 5, 10)))
print(list(it.islice(it.count(), 3, 10, 3)), list(it.islice("abc", 0)))
source = iter(range(10))
print(list(it.islice(source, 2, 4)), next(source))
for bad in [(-1,), (-2,), ("a",), (0, -1), (0, "a"), ("a", 1), (0, 1, 0), (0, 1, "a"), (None, None, -1)]:
    show(f"islice({bad})", lambda: it.islice("abc", *bad))
show("islice('abc')", lambda: it.islice("abc"))
show("islice(1, 2)", lambda: it.islice(1, 2))

# tee
a, b = it.tee(iter([1, 2, 3, 4]))
print(next(a), next(a), list(b), list(a))
x, y, z = it.tee("abc", 3)
print(list(x), list(y), list(z), it.tee([1], 0), type(x).__name__)
p, q = it.tee(it.count())
print(take(3, p), take(5, q), take(2, p))
u, v = it.tee(iter("xyz"))
w, = it.tee(u, 1)
print(w is u, list(w), list(v))
show("tee([1], -1)", lambda: it.tee([1], -1))
show("tee()", lambda: it.tee())

# zip_longest
print(list(it.zip_longest("abc", [1, 2])), list(it.zip_longest("ab", "xyz", fillvalue="-")))
print(list(it.zip_longest()), list(it.zip_longest([])), list(it.zip_longest([1], [], [2, 3])))
show("zip_longest(foo=1)", lambda: it.zip_longest([1], foo=1))

# Combinatorics
print(list(it.product("ab", [0, 1])), list(it.product("ab", repeat=2)), list(it.product()))
print(list(it.product([1, 2], [])), len(list(it.product(range(3), repeat=3))))
print(list(it.permutations("abc")), list(it.permutations("abcd", 2)))
print(list(it.permutations([1, 2], 3)), list(it.permutations([], 0)), list(it.permutations("ab", 0)))
print(list(it.combinations("abcd", 2)), list(it.combinations(range(4), 3)), list(it.combinations("ab", 3)))
print(list(it.combinations("abc", 0)), list(it.combinations([], 0)))
print(list(it.combinations_with_replacement("abc", 2)), list(it.combinations_with_replacement([], 2)))
print(list(it.combinations_with_replacement([], 0)), len(list(it.combinations_with_replacement(range(5), 3))))
show("product([1], repeat=-1)", lambda: it.product([1], repeat=-1))
show("product([1], foo=1)", lambda: it.product([1], foo=1))
show("permutations([1], -1)", lambda: it.permutations([1], -1))
show("permutations([1], 'a')", lambda: it.permutations([1], "a"))
show("combinations([1])", lambda: it.combinations([1]))
show("combinations([1], -1)", lambda: it.combinations([1], -1))
show("combinations_with_replacement('ab', -2)", lambda: it.combinations_with_replacement("ab", -2))

# Laziness: items are produced on demand, and iterators are their own iterators.
log = []


def gen():
    for i in range(5):
        log.append(i)
        yield i


m = it.takewhile(lambda v: v < 10, gen())
print(next(m), log, iter(m) is m)
print(take(2, it.chain(gen(), gen())), log)
print(type(it.count()), type(it.chain.from_iterable([])), it.chain)


class Counter(it.count):
    pass


cc = Counter(10)
print(type(cc).__name__, next(cc), next(cc), isinstance(cc, it.count))
