# isinstance/issubclass through ABCMeta's __instancecheck__/__subclasscheck__: the
# builtin types registered with collections.abc, __subclasshook__ (one-method ABCs) and
# virtual subclasses made by register().
import collections.abc as cabc
from abc import ABC, abstractmethod

print(isinstance([], cabc.Iterable), isinstance({}, cabc.Mapping), isinstance(3, cabc.Iterable))
print(isinstance((), cabc.Sequence), isinstance("s", cabc.Sequence), isinstance({1}, cabc.Set))
print(issubclass(dict, cabc.MutableMapping), issubclass(list, cabc.MutableSequence))
print(isinstance(len, cabc.Callable), isinstance(3, cabc.Hashable), isinstance([], cabc.Hashable))
print(isinstance(iter([]), cabc.Iterator), isinstance((x for x in []), cabc.Generator))


class Bag:
    def __len__(self):
        return 0

    def __iter__(self):
        return iter([])

    def __contains__(self, x):
        return False


print(isinstance(Bag(), cabc.Sized), isinstance(Bag(), cabc.Collection),
      isinstance(Bag(), cabc.Sequence))


class Drawable(ABC):
    @abstractmethod
    def draw(self):
        ...


class Circle:
    def draw(self):
        return "circle"


Drawable.register(Circle)
print(issubclass(Circle, Drawable), isinstance(Circle(), Drawable), isinstance(1, Drawable))


class Registry(cabc.Mapping):
    def __getitem__(self, key):
        return {"a": 1}[key]

    def __iter__(self):
        return iter(["a"])

    def __len__(self):
        return 1


print(Registry() == {"a": 1}, dict(Registry().items()))
