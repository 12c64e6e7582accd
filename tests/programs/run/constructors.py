# The constructors of str, bytes, bytearray, int, bool and float.

def show(f):
    try:
        r = f()
        print(type(r).__name__, repr(r))
    except Exception as e:
        print(type(e).__name__, e)

# str
show(lambda: str())
show(lambda: str(5))
show(lambda: str(2.5))
show(lambda: str([1, "a"]))
show(lambda: str(None))
show(lambda: str(b"abc"))
show(lambda: str(b"h\xc3\xa9", "utf-8"))
show(lambda: str(b"h\xe9", "latin-1"))
show(lambda: str(b"h\xe9", "utf-8", "replace"))
show(lambda: str(b"h\xe9", errors="ignore"))
show(lambda: str(bytearray(b"xy"), "ascii"))
show(lambda: str(object=7))
show(lambda: str(b"\xff", "utf-8"))
show(lambda: str(1, "utf-8"))
show(lambda: str("a", "utf-8"))
show(lambda: str(b"a", "nope"))
show(lambda: str(1, 2, 3, 4))
show(lambda: str(x=1))
show(lambda: str(b"a", encoding=1))
class WithStr:
    def __str__(self):
        return "custom"
class BadStr:
    def __str__(self):
        return 5
show(lambda: str(WithStr()))
show(lambda: str(BadStr()))
# int
show(lambda: int())
show(lambda: int(7))
show(lambda: int(-3.9))
show(lambda: int(3.9))
show(lambda: int(True))
show(lambda: int("  42  "))
show(lambda: int("-0b101", 0))
show(lambda: int("0x1F", 16))
show(lambda: int("1_000"))
show(lambda: int("z", 36))
show(lambda: int("12", base=3))
show(lambda: int(b"17"))
show(lambda: int(bytearray(b"-5")))
show(lambda: int("١٢٣"))
show(lambda: int("99999999999999999999999"))
show(lambda: int(1e20))
show(lambda: int("x"))
show(lambda: int(""))
show(lambda: int("1.5"))
show(lambda: int("12", 1))
show(lambda: int("12", 37))
show(lambda: int(12, 10))
show(lambda: int([1]))
show(lambda: int(None))
show(lambda: int(b"x"))
show(lambda: int(float("inf")))
show(lambda: int(float("nan")))
show(lambda: int("9", 8))
show(lambda: int(x=5))
show(lambda: int("5", base=10, x=1))
show(lambda: int("5", "10"))
show(lambda: int(1, 2, 3))
class WithInt:
    def __int__(self):
        return 42
class WithIndex:
    def __index__(self):
        return 7
class BadInt:
    def __int__(self):
        return "x"
class BadIndex:
    def __index__(self):
        return 1.5
show(lambda: int(WithInt()))
show(lambda: int(WithIndex()))
show(lambda: int(BadInt()))
show(lambda: int(BadIndex()))
show(lambda: int("11", WithIndex()))
# bool
show(lambda: bool())
show(lambda: bool(0))
show(lambda: bool(""))
show(lambda: bool("x"))
show(lambda: bool([]))
show(lambda: bool(0.0))
show(lambda: bool(None))
show(lambda: bool(1, 2))
show(lambda: bool(x=1))
class WithBool:
    def __bool__(self):
        return False
class WithLen:
    def __len__(self):
        return 3
show(lambda: bool(WithBool()))
show(lambda: bool(WithLen()))
# float
show(lambda: float())
show(lambda: float(3))
show(lambda: float(True))
show(lambda: float("  1.5  "))
show(lambda: float("1e3"))
show(lambda: float("-inf"))
show(lambda: float("nan"))
show(lambda: float("Infinity"))
show(lambda: float("1_0.5"))
show(lambda: float(b"2.5"))
show(lambda: float(2**70))
show(lambda: float(10**400))
show(lambda: float("x"))
show(lambda: float(""))
show(lambda: float("1.5.5"))
show(lambda: float([]))
show(lambda: float(None))
show(lambda: float(x=1))
show(lambda: float(1, 2))
class WithFloat:
    def __float__(self):
        return 2.5
class BadFloat:
    def __float__(self):
        return 2
show(lambda: float(WithFloat()))
show(lambda: float(BadFloat()))
show(lambda: float(WithIndex()))
# bytes
show(lambda: bytes())
show(lambda: bytes(3))
show(lambda: bytes([65, 66, 67]))
show(lambda: bytes((1, 2)))
show(lambda: bytes(range(3)))
show(lambda: bytes("héllo", "utf-8"))
show(lambda: bytes("abc", encoding="ascii"))
show(lambda: bytes("é", "ascii", "replace"))
show(lambda: bytes(b"xyz"))
show(lambda: bytes(bytearray(b"ab")))
show(lambda: bytes(x for x in [104, 105]))
show(lambda: bytes(WithIndex()))
show(lambda: bytes("abc"))
show(lambda: bytes(-1))
show(lambda: bytes([256]))
show(lambda: bytes([-1]))
show(lambda: bytes(["a"]))
show(lambda: bytes(1.5))
show(lambda: bytes(None))
show(lambda: bytes(5, "utf-8"))
show(lambda: bytes("é", "ascii"))
show(lambda: bytes(x=1))
class WithBytes:
    def __bytes__(self):
        return b"custom"
show(lambda: bytes(WithBytes()))
# bytearray
show(lambda: bytearray())
show(lambda: bytearray(2))
show(lambda: bytearray([1, 255]))
show(lambda: bytearray("hé", "utf-8"))
show(lambda: bytearray(b"abc"))
show(lambda: bytearray(range(65, 68)))
show(lambda: bytearray("abc"))
show(lambda: bytearray(-2))
show(lambda: bytearray([300]))
show(lambda: bytearray(1.5))
show(lambda: bytearray(None))
# subclasses
class MyStr(str):
    pass
class MyInt(int):
    def double(self):
        return self * 2
class MyFloat(float):
    pass
class MyBytes(bytes):
    pass
class MyBA(bytearray):
    pass
for v in [MyStr("hi"), MyStr(12), MyInt("7"), MyInt(3.5), MyInt(), MyFloat("2.5"), MyFloat(), MyBytes(b"q"), MyBytes(2)]:
    print(type(v).__name__, repr(v), v == v)
for v in [MyBA([1, 2]), MyBA(b"xy"), MyBA()]:
    print(type(v).__name__, [*v], v == v)
for v in []:
    print(type(v).__name__, repr(v), v == v)
print(MyInt(5).double(), MyInt(5) + 1, type(MyInt(5) + 1).__name__, isinstance(MyInt(1), int), MyStr("a") + "b")
class Celsius(float):
    def __new__(cls, value):
        return super().__new__(cls, value * 2)
print(Celsius(1.5), type(Celsius(1.5)).__name__)
class Upper(str):
    def __new__(cls, value):
        return super().__new__(cls, value.upper())
print(Upper("abc"), type(Upper("abc")).__name__)
class Tagged(int):
    def __new__(cls, value, tag):
        obj = int.__new__(cls, value)
        obj.tag = tag
        return obj
t = Tagged(5, "five")
print(t, t.tag, t + 1)
show(lambda: MyInt("x"))
show(lambda: int.__new__(int, "5"))
show(lambda: str.__new__(MyStr, "x"))
show(lambda: int.__new__(str, "5"))
show(lambda: str.__new__(int))
print(int, str, float, bool, bytes, bytearray)
print(type(int("5")) is int, type(bool(1)) is bool, type(str(b"x", "ascii")) is str)
