"""Assignment statements and targets: chained, unpacking, starred, del, annotations."""

# chained assignment
a = b = c = 0
print("chained:", a, b, c)
x = y = [1, 2]
y.append(3)
print("shared list:", x, x is y)

# tuple and list targets
first, second = 1, 2
first, second = second, first
print("swapped:", first, second)
(p, q), r = (3, 4), 5
print("nested tuple:", p, q, r)
[m, n] = "mn"
print("list target:", m, n)
[s, (t, u)] = [6, (7, 8)]
print("mixed:", s, t, u)
one, = [1]
print("single-element tuple target:", one)

# starred targets
head, *tail = [1, 2, 3, 4]
*init, last = "abcd"
left, *middle, right = range(6)
[*everything] = (9, 8)
print("starred:", head, tail, init, last, left, middle, right, everything)

# subscription and attribute targets
data = {}
data["key"] = "value"
data["nested"] = {}
data["nested"]["deep"] = 42
grid = [[0, 0], [0, 0]]
grid[0][1] = grid[1][0] = 5
nums = list(range(10))
nums[2:5] = ["x"]
nums[::3] = [None] * len(nums[::3])
print("subscripts:", data, grid, nums)


class Box:
    pass


box = Box()
box.width = 3
box.inner = Box()
box.inner.height = 4
box.width, box.inner.height = box.inner.height, box.width
print("attributes:", box.width, box.inner.height)
data["a"], box.label, (k1, k2) = 1, "lbl", "kv"
print("mixed targets:", data["a"], box.label, k1, k2)

# annotated assignments
count: int = 0
ratio: float
names: list[str] = ["x", "y"]
print("annotations:", __annotations__)


class Config:
    debug: bool = False
    level: int

    def __init__(self):
        self.path: str = "/tmp"
        self.retries: int = 3


cfg = Config()
print("config:", cfg.debug, cfg.path, cfg.retries, Config.__annotations__)

# del statements
temp = 1
del temp
lst = [0, 1, 2, 3, 4, 5]
del lst[0], lst[-1]
del lst[1:3]
d = {"a": 1, "b": 2, "c": 3}
del d["a"]
del (box.label)
del [k1, k2]
print("after del:", lst, d, hasattr(box, "label"), "temp" in dir())

# assignment expression values
total = sum(values := [1, 2, 3])
print("walrus in call:", total, values)
