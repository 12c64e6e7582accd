"""Binary, unary, boolean and comparison operators and their precedence."""

a, b = 17, 5

print("a + b =", a + b)
print("a - b =", a - b)
print("a * b =", a * b)
print("a / b =", a / b)
print("a // b =", a // b)
print("a % b =", a % b)
print("a ** 2 =", a ** 2)
print("a << 2 =", a << 2)
print("a >> 1 =", a >> 1)
print("a & b =", a & b)
print("a | b =", a | b)
print("a ^ b =", a ^ b)

# unary operators
print("-a =", -a, " +b =", +b, " ~a =", ~a)
print("not a:", not a)

# power binds tighter than unary minus on its left, looser on its right
print("-2**2 =", -2**2)
print("2**-1 =", 2**-1)
print("(-2)**2 =", (-2) ** 2)
print("2**3**2 =", 2 ** 3 ** 2)

# mixing precedence levels
print("1 + 2 * 3 - 4 / 2 =", 1 + 2 * 3 - 4 / 2)
print("(1 + 2) * 3 =", (1 + 2) * 3)
print("1 | 2 ^ 3 & 4 =", 1 | 2 ^ 3 & 4)
print("1 << 2 + 1 =", 1 << 2 + 1)
print("-3 % 5 =", -3 % 5, " -7 // 2 =", -7 // 2)


class Vec:
    def __init__(self, *xs):
        self.xs = xs

    def __matmul__(self, other):
        return sum(p * q for p, q in zip(self.xs, other.xs))


print("dot product:", Vec(1, 2, 3) @ Vec(4, 5, 6))

# chained comparisons
x = 5
print("1 < x < 10:", 1 < x < 10)
print("1 < x > 10:", 1 < x > 10)
print("0 <= x <= 5 != 6:", 0 <= x <= 5 != 6)
print("x == 5 >= 4 > 3:", x == 5 >= 4 > 3)

items = [1, 2, 3]
print("2 in items:", 2 in items)
print("4 not in items:", 4 not in items)
print("items is items:", items is items)
print("items is not None:", items is not None)
print("2 in items is not False:", 2 in items is not False)

# boolean operators return operands
print("0 or 'default':", 0 or "default")
print("'x' and 'y':", "x" and "y")
print("None or 0 or []:", None or 0 or [])
print("not (a > b and b > 0) or a == 17:", not (a > b and b > 0) or a == 17)

# conditional expressions, nested
for n in (-3, 0, 8):
    sign = "negative" if n < 0 else "zero" if n == 0 else "positive"
    print(n, "is", sign)

# operators on other types
print("list concat:", [1] + [2] * 3)
print("string repeat:", "ab" * 3)
print("set ops:", sorted({1, 2, 3} & {2, 3, 4}), sorted({1, 2} | {5}), sorted({1, 2, 3} - {2}), sorted({1, 2} ^ {2, 3}))
print("tuple compare:", (1, 2, 3) < (1, 2, 4))
print("string compare:", "apple" < "banana" <= "banana")
