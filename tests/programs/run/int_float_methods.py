# int, bool and float methods, called as methods and as unbound functions.

def show(f):
    try:
        r = f()
        print(type(r).__name__, repr(r))
    except Exception as e:
        print(type(e).__name__, e)

# int
for n in [0, 1, -1, 5, 255, -256, 2**63, -(2**64) + 3, 10**30]:
    print(n, n.bit_length(), n.bit_count(), n.as_integer_ratio(), n.conjugate(), n.__index__(), n.__int__(),
          n.__float__(), n.__trunc__(), n.__floor__(), n.__ceil__(), n.__round__(), n.__round__(-1), n.__abs__(), n.__neg__(), n.__pos__(), n.__invert__(), n.__bool__())
print((1234).__round__(-2), (1250).__round__(-2), (1350).__round__(-2), (-1250).__round__(-2), (5).__round__(2))
print((1024).to_bytes(2, "big"), (1024).to_bytes(2, "little"), (1024).to_bytes(4, byteorder="big"), (-1).to_bytes(2, "big", signed=True))
print((0).to_bytes(0, "big"), (255).to_bytes(), (5).to_bytes(length=3), (-129).to_bytes(2, "little", signed=True))
show(lambda: (256).to_bytes(1, "big"))
show(lambda: (-1).to_bytes(1, "big"))
show(lambda: (1).to_bytes(1, "middle"))
show(lambda: (1).to_bytes(-1, "big"))
show(lambda: (128).to_bytes(1, "big", signed=True))
print(int.from_bytes(b"\x04\x00", "big"), int.from_bytes(b"\x04\x00", "little"), int.from_bytes(b"\xff\xff", "big", signed=True))
print(int.from_bytes([1, 2], "big"), int.from_bytes(b"", "big"), int.from_bytes(bytearray(b"\x01"), byteorder="little"), int.from_bytes(b"\x80"))
show(lambda: int.from_bytes(b"\x00", "sideways"))
show(lambda: int.from_bytes("ab", "big"))
show(lambda: int.from_bytes(5, "big"))
class MyInt(int):
    pass
r = MyInt.from_bytes(b"\x02", "big")
print(type(r).__name__, r)
print(int.__add__(2, 3), int.__sub__(2, 3), int.__mul__(4, 5), int.__truediv__(7, 2), int.__floordiv__(7, 2), int.__mod__(-7, 3))
print(int.__pow__(2, 10), int.__pow__(2, 10, 1000), int.__pow__(2, -1), int.__divmod__(7, -2), int.__rdivmod__(7, 2), int.__lshift__(1, 70), int.__rshift__(-9, 1))
print(int.__and__(12, 10), int.__or__(12, 10), int.__xor__(12, 10), int.__radd__(1, 2), int.__rsub__(1, 10), int.__rtruediv__(2, 1))
print(int.__add__(1, 1.5), int.__eq__(1, 1.0), int.__lt__(1, 2), int.__ge__(1, 2), int.__eq__(1, 1), int.__ne__(1, 2), int.__hash__(5), int.__hash__(-1))
print((5).__add__(True), (5).__radd__(2), True.__add__(True), int.__repr__(True), int.__str__(7), int.__format__(255, "x"), (7).__format__(">4"))
show(lambda: int.__truediv__(1, 0))
show(lambda: int.__floordiv__(1, 0))
show(lambda: int.__mod__(1, 0))
show(lambda: int.__divmod__(1, 0))
show(lambda: int.__lshift__(1, -1))
show(lambda: int.__add__("a", 1))
show(lambda: int.bit_length("a"))
show(lambda: int.bit_length())
show(lambda: (5).bit_length(1))
show(lambda: (5).__round__("x"))
print(sum([MyInt(1), MyInt(2)]), MyInt(3) + MyInt(4), type(MyInt(3) + MyInt(4)).__name__, -MyInt(2), abs(MyInt(-3)))
class Money(int):
    def __add__(self, other):
        return Money(super().__add__(other))
    def __repr__(self):
        return "Money(" + super().__repr__() + ")"
print(repr(Money(2) + 3), repr(Money(2) + Money(5)), str(Money(4)), Money(7) * 2, "{}".format(Money(9)))
# bool
print(True & 1, type(True & 1).__name__, True + True, True | 2, 3 ^ True)
print(bool.__and__(True, False), bool.__or__(False, True), bool.__xor__(True, False), bool.__and__(True, 3), bool.__repr__(True), True.__invert__(), -True)
print(True.bit_length(), True.as_integer_ratio(), False.conjugate(), True.__index__(), True.__float__(), True.real, True.numerator)
# float
for x in [0.0, -0.0, 1.5, -2.5, 3.0, 1e300, 0.1, -7.25, 2.0**-1074]:
    print(x, x.is_integer(), x.as_integer_ratio(), x.hex(), x.conjugate(), x.__int__(), x.__trunc__(), x.__floor__(), x.__ceil__(),
          x.__round__(), x.__round__(1), x.__abs__(), x.__neg__(), x.__bool__(), x.__float__(), x.real, x.imag)
for x in [float("inf"), float("-inf"), float("nan")]:
    print(x, x.is_integer(), x.hex(), x.__round__(2), x.__abs__(), x.conjugate())
    show(lambda: x.as_integer_ratio())
    show(lambda: x.__int__())
    show(lambda: x.__round__())
    show(lambda: x.__floor__())
print((2.675).__round__(2), (2.5).__round__(), (3.5).__round__(), (-2.5).__round__(), (1234.5).__round__(-2), (0.5).__round__(0))
for s in ["0x1.8p1", "0x1p-1074", "-0X1.FFFFFFFFFFFFFP+1023", "  0x10  ", "inf", "-Infinity", "nan", "0x.8", "1", "0x1.000000000000008p0", "0x1.0000000000001p-1074", "0x1p-1075", "0x1.8p-1074"]:
    show(lambda: float.fromhex(s))
show(lambda: float.fromhex("0x1p10000"))
show(lambda: float.fromhex("xyz"))
show(lambda: float.fromhex(""))
show(lambda: float.fromhex(1))
class MyFloat(float):
    pass
r = MyFloat.fromhex("0x1p1")
print(type(r).__name__, r)
print(float.__add__(1.5, 2), float.__radd__(1.5, 2), float.__sub__(1.5, 2), float.__rsub__(1.5, 2), float.__mul__(1.5, 2), float.__truediv__(3.0, 2))
print(float.__floordiv__(7.5, 2), float.__mod__(-7.5, 2), float.__pow__(2.0, 3), float.__divmod__(7.5, 2), float.__rtruediv__(2.0, 1), float.__rpow__(2.0, 3))
print(float.__eq__(1.0, 1), float.__lt__(1.0, 2), float.__eq__(1.0, "a"), float.__add__(1.0, "a"), float.__hash__(1.5) == hash(1.5), float.__repr__(0.1), float.__format__(3.14159, ".2f"))
show(lambda: float.__truediv__(1.0, 0))
show(lambda: float.__mod__(1.0, 0.0))
show(lambda: float.__pow__(0.0, -1))
show(lambda: float.__add__(1, 2.0))
print(repr(float.__pow__(-8.0, 1/3)), repr(float.__rpow__(0.5, -8.0)))
print(sum([MyFloat(1.5), MyFloat(2.5)]), MyFloat(1.5) * 2, type(MyFloat(1.5) * 2).__name__, round(MyFloat(2.5)), int(MyFloat(2.9)), float(MyFloat(2.9)))
class Temp(float):
    def __repr__(self):
        return "Temp(" + super().__repr__() + ")"
    def __add__(self, other):
        return Temp(super().__add__(other))
print(repr(Temp(1.5) + 1), str(Temp(2.0)), Temp(3.25).is_integer(), Temp(3.0).is_integer())
# real / imag / numerator / denominator on plain values
x = 5
print(x.real, x.imag, x.numerator, x.denominator, (2.5).real, (2.5).imag, True.real, (-7).numerator, MyInt(4).real)
try:
    x.real = 3
except AttributeError as e:
    print(type(e).__name__, e)
