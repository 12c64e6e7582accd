"""Classes: inheritance, class keywords, metaclasses, properties and special methods."""


class RegistryMeta(type):
    """Metaclass that records every class created with it."""

    registry = {}

    def __new__(mcls, name, bases, namespace, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        mcls.registry[name] = cls
        return cls


class Plugin(metaclass=RegistryMeta):
    kind = "base"

    def __init_subclass__(cls, /, kind="generic", priority=0, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.kind = kind
        cls.priority = priority


class CsvPlugin(Plugin, kind="csv", priority=2):
    pass


class JsonPlugin(Plugin, kind="json"):
    pass


class Shape:
    sides = 0

    def __init__(self, name):
        self._name = name

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, value):
        if not value:
            raise ValueError("empty name")
        self._name = value

    def area(self):
        raise NotImplementedError

    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"

    def __lt__(self, other):
        return self.area() < other.area()


class Rectangle(Shape):
    sides = 4

    def __init__(self, width, height, name="rect"):
        super().__init__(name)
        self.width, self.height = width, height

    def area(self):
        return self.width * self.height

    @classmethod
    def square(cls, side):
        return cls(side, side, name="square")

    @staticmethod
    def is_valid(w, h):
        return w > 0 and h > 0


class Triangle(Shape):
    sides = 3

    def __init__(self, base, height):
        super().__init__("triangle")
        self.base, self.height = base, height

    def area(self):
        return self.base * self.height / 2


class Vector:
    __slots__ = ("x", "y")

    def __init__(self, x=0, y=0):
        self.x, self.y = x, y

    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y)

    def __mul__(self, k):
        return Vector(self.x * k, self.y * k)

    __rmul__ = __mul__

    def __eq__(self, other):
        return (self.x, self.y) == (other.x, other.y)

    def __iter__(self):
        yield self.x
        yield self.y

    def __repr__(self):
        return "Vector(%r, %r)" % (self.x, self.y)


print("registry:", sorted(RegistryMeta.registry))
print("plugins:", [(p.__name__, p.kind, p.priority) for p in (CsvPlugin, JsonPlugin)])
shapes = [Rectangle(3, 4), Triangle(6, 5), Rectangle.square(2)]
print("shapes:", shapes)
print("sorted by area:", sorted(shapes))
print("areas:", [s.area() for s in shapes], "sides:", [s.sides for s in shapes])
shapes[0].name = "renamed"
print("renamed:", shapes[0].name, Rectangle.is_valid(1, 0))
try:
    shapes[0].name = ""
except ValueError as e:
    print("setter refused:", e)
print("mro:", [c.__name__ for c in Rectangle.__mro__])
v = Vector(1, 2) + Vector(3, 4)
print(v, 2 * v, v * 3, list(v), v == Vector(4, 6))
print("isinstance:", isinstance(shapes[1], Shape), issubclass(CsvPlugin, Plugin))
