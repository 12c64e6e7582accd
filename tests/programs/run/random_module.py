# The random module: after seeding, the same values as CPython, bit for bit.
import random


def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "=", repr(r))


random.seed(12345)
print([random.random() for _ in range(3)])
print([random.randint(1, 6) for _ in range(10)])
print([random.randrange(100) for _ in range(5)], random.randrange(10, 20), random.randrange(0, 100, 7))
print(random.randrange(-5, 5, 3), random.randrange(10, 0, -2), random.randint(-10**20, 10**20))
print(random.choice("abcdefg"), random.choice([1, 2, 3]), random.choice(range(1000)))
print(random.choices(["a", "b", "c"], k=5))
print(random.choices("abc", weights=[1, 5, 10], k=6))
print(random.choices("abc", cum_weights=[1, 6, 16], k=6))
print(random.choices(range(4), [0.5, 0.25, 0.125, 0.125], k=4))
items = list(range(10))
random.shuffle(items)
print(items)
print(random.sample(items, 4), random.sample(range(10000), 3), random.sample("abcdef", 6))
print(random.sample(["x", "y", "z"], 4, counts=[1, 2, 3]) if False else random.sample(["x", "y", "z"], 4, counts=[1, 2, 3]))
print(random.uniform(1, 5), random.uniform(-1.5, 1.5))
print(random.gauss(0, 1), random.gauss(0, 1), random.gauss(10, 2))
print(random.normalvariate(2, 3), random.lognormvariate(0, 0.5))
print(random.getrandbits(1), random.getrandbits(32), random.getrandbits(100), random.getrandbits(0))
print(random.triangular(), random.triangular(1, 5, 2), random.triangular(2, 2, 2))
print(random.expovariate(2), random.paretovariate(3), random.weibullvariate(1, 2))
print(random.randbytes(6))

# State round trip.
state = random.getstate()
print(type(state), len(state), state[0], len(state[1]), state[2])
first = [random.random() for _ in range(4)]
random.setstate(state)
print(first == [random.random() for _ in range(4)])

# Seeds of every supported type.
for seed in [0, 1, -1, 2 ** 64 + 5, 10 ** 40, 3.5, -2.25, "hello", b"hello", bytearray(b"hi"), True, None]:
    random.seed(seed)
    if seed is None:
        print("None", 0 <= random.random() < 1)
    else:
        print(repr(seed), random.random(), random.randrange(1000))
random.seed("legacy", version=1)
print("version 1", random.random())

# Independent generators; subclasses.
r1 = random.Random(42)
r2 = random.Random(42)
print(r1.random() == r2.random(), r1.randint(1, 100), r2.randint(1, 100))
print(random.Random("seed").random(), random.Random(7).choice("abcdef"))
print(type(r1), isinstance(r1, random.Random))


class Dice(random.Random):
    def __init__(self, sides, seed):
        super().__init__(seed)
        self.sides = sides

    def roll(self):
        return self.randint(1, self.sides)


d = Dice(20, 99)
print(type(d).__name__, [d.roll() for _ in range(5)], isinstance(d, random.Random))


class Noisy(random.Random):
    def seed(self, a=None):
        print("seeding with", a)
        super().seed(a)


n = Noisy(5)
print(n.random() == random.Random(5).random())

# Errors.
show("randint(1)", lambda: random.randint(1))
show("randint(1, 2, 3)", lambda: random.randint(1, 2, 3))
show("randint(5, 1)", lambda: random.randint(5, 1))
show("randrange(0)", lambda: random.randrange(0))
show("randrange(1, 5, 0)", lambda: random.randrange(1, 5, 0))
show("randrange(10, 1)", lambda: random.randrange(10, 1))
show("randrange('a')", lambda: random.randrange("a"))
show("choice([])", lambda: random.choice([]))
show("choices([1], [1, 2])", lambda: random.choices([1], [1, 2]))
show("choices([1, 2], 3)", lambda: random.choices([1, 2], 3))
show("choices([1, 2], [0, 0])", lambda: random.choices([1, 2], [0, 0]))
show("choices([1], [1], cum_weights=[1])", lambda: random.choices([1], [1], cum_weights=[1]))
show("sample({1, 2}, 1)", lambda: random.sample({1, 2}, 1))
show("sample([1, 2], 3)", lambda: random.sample([1, 2], 3))
show("sample([1, 2], -1)", lambda: random.sample([1, 2], -1))
show("sample([1, 2])", lambda: random.sample([1, 2]))
show("sample([1, 2], 1, counts=[1])", lambda: random.sample([1, 2], 1, counts=[1]))
show("shuffle((1, 2))", lambda: random.shuffle((1, 2)))
show("getrandbits(-1)", lambda: random.getrandbits(-1))
show("getrandbits(1.5)", lambda: random.getrandbits(1.5))
show("random(1)", lambda: random.random(1))
show("seed([1])", lambda: random.seed([1]))
show("uniform(1)", lambda: random.uniform(1))
show("expovariate(0)", lambda: random.expovariate(0))
show("setstate((9, (), None))", lambda: random.setstate((9, (), None)))
show("setstate((3, (1, 2), None))", lambda: random.setstate((3, (1, 2), None)))
show("Random(1, 2)", lambda: random.Random(1, 2))
