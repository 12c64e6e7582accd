# abc and enum: abstract base classes (abstract methods, properties, class methods,
# register, the instantiation error in its singular and plural forms) and enumerations
# (Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique, aliases, lookups, the functional
# API) -- reprs, str/format and error messages.
from abc import ABC, ABCMeta, abstractmethod
import abc
from enum import Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique
import enum


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


# ---- abc ----
class Shape(ABC):
    @abstractmethod
    def area(self):
        """The area."""

    @abstractmethod
    def perimeter(self):
        ...

    def describe(self):
        return "%s with area %s" % (type(self).__name__, self.area())


class Square(Shape):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side ** 2

    def perimeter(self):
        return 4 * self.side


class HalfDone(Shape):
    def area(self):
        return 0


t(lambda: Shape())
t(lambda: HalfDone())
sq = Square(3)
print(sq.area(), sq.perimeter(), sq.describe(), isinstance(sq, Shape), issubclass(Square, ABC))
print(sorted(Shape.__abstractmethods__), sorted(HalfDone.__abstractmethods__), Square.__abstractmethods__)
print(type(Shape).__name__, type(Square) is ABCMeta, Shape.area.__isabstractmethod__)


class Base(metaclass=ABCMeta):
    @property
    @abstractmethod
    def name(self):
        ...

    @classmethod
    @abstractmethod
    def create(cls):
        ...

    @staticmethod
    @abstractmethod
    def helper():
        ...


class Impl(Base):
    @property
    def name(self):
        return "impl"

    @classmethod
    def create(cls):
        return cls()

    @staticmethod
    def helper():
        return 42


t(lambda: Base())
print(Impl.create().name, Impl.helper(), sorted(Base.__abstractmethods__))


class NoAbstract(ABC):
    def __init__(self, v):
        self.v = v


print(NoAbstract(5).v)
t(lambda: type("Plain", (ABC,), {})(1))


class Drawable(ABC):
    @abstractmethod
    def draw(self):
        ...


class Circle:
    def draw(self):
        return "circle"


Drawable.register(Circle)
print(Drawable.register(Circle) is Circle)


class Widget(Drawable):
    def draw(self):
        return "widget " + super().draw().__class__.__name__


print(Widget().draw())
t(lambda: Drawable.register(3))

# ---- enum ----
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
print(Color.RED, repr(Color.RED), Color.RED.name, Color.RED.value, Color(2), Color['BLUE'], list(Color), len(Color))
print(Color.RED in Color, Color.RED is Color(1), Color.RED == Color.RED, Color.RED != Color.GREEN, Color, type(Color.RED), isinstance(Color.GREEN, Color))
t(lambda: Color(7)); t(lambda: Color['PINK']); t(lambda: Color.RED < Color.GREEN)
print(f"{Color.RED}", format(Color.RED, '>12') + '|', str(Color.BLUE), [c.name for c in Color], {c: c.value for c in Color})
print(Color.__members__, hash(Color.RED) == hash(Color.RED), Color.RED.__class__.__name__)
for c in reversed(Color): print(c, end=' ')
print()
class P(Flag):
    R = auto(); W = auto(); X = auto()
print(list(P), P.R|P.W, repr(P.R|P.W), str(P.R|P.W), repr(P(0)), str(P(0)), P.R in (P.R|P.W), list(P.R|P.X), ~P.R, bool(P(0)), len(P.R|P.W), P(3), (P.R|P.W).name, P(0).name, P.R.value, repr(P))
class IP(IntFlag):
    A = 1; B = 2
print(IP.A|IP.B, repr(IP.A|IP.B), str(IP.A|2), IP.A + 1, repr(IP(0)))
class S(StrEnum):
    A = auto(); B = 'bee'
print(S.A, repr(S.A), S.B == 'bee', f'{S.A}', S('a'), S.A.upper(), isinstance(S.A, str))
class C(Enum):
    R = 1; G = 2; ALIAS = 1
    def describe(self): return self.name.lower()
    @classmethod
    def default(cls): return cls.R
    @property
    def pretty(self): return '*' + self.name
print(list(C), C.ALIAS, C.ALIAS is C.R, C.__members__, C.R.describe(), C.default(), C._member_names_, C.G.pretty)
try:
    @unique
    class U(Enum):
        A = 1; B = 1
except ValueError as e: print(e)
class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass; self.radius = radius
    @property
    def gravity(self): return 6.673e-11 * self.mass / (self.radius * self.radius)
print(Planet.EARTH, Planet.EARTH.value, Planet.EARTH.mass, repr(Planet.MERCURY), round(Planet.EARTH.gravity, 2))
A = Enum('A', 'X Y Z'); print(list(A), A.Y.value, repr(A))
B = Enum('B', [('P', 5), ('Q', 7)]); print(list(B))
class Ord(IntEnum):
    LOW = 1; HIGH = 2
print(Ord.LOW < Ord.HIGH, sorted([Ord.HIGH, Ord.LOW]), Ord.LOW + 1, Ord(2), int(Ord.HIGH), Ord.HIGH == 2, str(Ord.LOW), f"{Ord.HIGH}", repr(Ord.LOW))
class Auto(Enum):
    A = auto(); B = auto(); C = 10; D = auto()
print(list(Auto))
print(C.R._value_, C.R._name_)
class Shape(Enum):
    SQUARE = 2
    def __str__(self): return 'shape:' + self.name
print(Shape.SQUARE, str(Shape.SQUARE), repr(Shape.SQUARE))
class Status(Enum):
    ACTIVE = 'active'
    @classmethod
    def _missing_(cls, value):
        for m in cls:
            if m.value == value.lower(): return m
print(Status('ACTIVE'))
t(lambda: Status('nope'))
def ext():
    class More(Color): PINK = 4
t(ext)
import copy; print(copy.deepcopy(Color.RED) is Color.RED, copy.copy([Color.RED])[0] is Color.RED)
class Weekday(Flag):
    MON = 1; TUE = 2; WED = 4; WEEKEND = 0
print(Weekday.MON | Weekday.WED, list(Weekday))
