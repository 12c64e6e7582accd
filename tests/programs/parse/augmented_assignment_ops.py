"""Every augmented assignment operator, on names, attributes and subscripts."""


class Matrix2:
    """A tiny 2x2 matrix supporting @ and @=."""

    def __init__(self, a, b, c, d):
        self.rows = [[a, b], [c, d]]

    def __matmul__(self, other):
        (a, b), (c, d) = self.rows
        (e, f), (g, h) = other.rows
        return Matrix2(a * e + b * g, a * f + b * h, c * e + d * g, c * f + d * h)

    def __repr__(self):
        return f"Matrix2({self.rows})"


class Counter:
    def __init__(self):
        self.value = 0


n = 10
n += 5
print("+=", n)
n -= 3
print("-=", n)
n *= 4
print("*=", n)
n //= 5
print("//=", n)
n %= 7
print("%=", n)
n **= 3
print("**=", n)
n <<= 2
print("<<=", n)
n >>= 1
print(">>=", n)
n &= 0b1111_0000
print("&=", n)
n |= 0x0F
print("|=", n)
n ^= 0o17
print("^=", n)

x = 7
x /= 2
print("/=", x)

m = Matrix2(1, 1, 1, 0)
m @= Matrix2(1, 1, 1, 0)
m @= m
print("@=", m)

s = "ab"
s += "cd"
s *= 2
print("str:", s)

lst = [1, 2]
lst += [3]
lst *= 2
print("list:", lst)

c = Counter()
c.value += 10
c.value *= 3
c.value -= 1
print("attribute:", c.value)

d = {"hits": 0}
for _ in range(5):
    d["hits"] += 1
d["hits"] **= 2
print("subscript:", d)

grid = [[0] * 3 for _ in range(2)]
grid[1][2] += 9
grid[0][0] -= 4
print("nested subscript:", grid)

flags = 0
for bit in (1, 4, 16):
    flags |= bit
flags &= ~4
flags ^= 0b11
print("flags:", bin(flags))
