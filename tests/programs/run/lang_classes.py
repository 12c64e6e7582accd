# Classes: inheritance, C3 MRO, super(), properties, class/static methods, dunders.
class Animal:
    kind = "animal"

    def __init__(self, name):
        self.name = name

    def speak(self):
        return f"{self.name} makes a sound"

    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"


class Dog(Animal):
    kind = "dog"

    def speak(self):
        return super().speak() + " (woof)"


class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age


p = Puppy("Rex", 1)
print(p, p.speak(), p.kind, Animal.kind, p.age)
print(isinstance(p, Animal), issubclass(Puppy, Dog), isinstance(p, (int, Dog)))
print([c.__name__ for c in Puppy.__mro__])


class A:
    def who(self):
        return "A"


class B(A):
    def who(self):
        return "B>" + super().who()


class C(A):
    def who(self):
        return "C>" + super().who()


class D(B, C):
    def who(self):
        return "D>" + super().who()


print(D().who(), [k.__name__ for k in D.__mro__])


class Temperature:
    def __init__(self):
        self._c = 0

    @property
    def celsius(self):
        return self._c

    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._c = value

    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32

    @classmethod
    def boiling(cls):
        t = cls()
        t.celsius = 100
        return t

    @staticmethod
    def describe():
        return "temperature"


t = Temperature.boiling()
print(t.celsius, t.fahrenheit, Temperature.describe(), t.describe())
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
try:
    t.fahrenheit = 5
except AttributeError as e:
    print("AttributeError:", e)


class Vector:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y)

    def __mul__(self, k):
        return Vector(self.x * k, self.y * k)

    def __rmul__(self, k):
        return self * k

    def __eq__(self, other):
        return isinstance(other, Vector) and (self.x, self.y) == (other.x, other.y)

    def __hash__(self):
        return hash((self.x, self.y))

    def __len__(self):
        return 2

    def __getitem__(self, i):
        return (self.x, self.y)[i]

    def __bool__(self):
        return bool(self.x or self.y)

    def __repr__(self):
        return f"Vector({self.x}, {self.y})"

    def __lt__(self, other):
        return (self.x, self.y) < (other.x, other.y)


v = Vector(1, 2) + Vector(3, 4)
print(v, v * 2, 3 * v, v == Vector(4, 6), v != Vector(4, 6), len(v), v[1], list(v))
print(bool(Vector(0, 0)), bool(v), {Vector(1, 1): "a"}[Vector(1, 1)])
print(sorted([Vector(3, 1), Vector(1, 2), Vector(2, 0)]))
print(max([Vector(3, 1), Vector(1, 2)]), Vector(1, 2) in [Vector(1, 2)])
try:
    Vector(1, 2) - Vector(1, 1)
except TypeError as e:
    print("TypeError:", e)
try:
    Vector(1, 2) > 5
except TypeError as e:
    print("TypeError:", e)


class Counter:
    count = 0

    def __init__(self):
        Counter.count += 1
        self.__secret = 42

    def secret(self):
        return self.__secret

    def __call__(self, x):
        return x + self.count


c1, c2 = Counter(), Counter()
print(Counter.count, c1.secret(), c1(10), callable(c1), hasattr(c1, "_Counter__secret"))


class Lazy:
    def __getattr__(self, name):
        return f"<{name}>"


lz = Lazy()
lz.real = 1
print(lz.real, lz.missing, getattr(lz, "other"))
print(type(p).__name__, type(p).__qualname__, Puppy.__bases__[0].__name__)


class Meta(type):
    def __new__(mcs, name, bases, ns):
        ns["tag"] = name.lower()
        return super().__new__(mcs, name, bases, ns)


class Tagged(metaclass=Meta):
    pass


print(Tagged.tag, type(Tagged).__name__)


class Base:
    registry = []

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        Base.registry.append(cls.__name__)


class Plugin1(Base):
    pass


class Plugin2(Base):
    pass


print(Base.registry)
o = object()
try:
    o.x = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    Animal()
except TypeError as e:
    print("TypeError:", e)
try:
    Animal("a", "b")
except TypeError as e:
    print("TypeError:", e)
try:
    class Bad(int, str):
        pass
except TypeError as e:
    print("TypeError:", e)
