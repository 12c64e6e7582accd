# Subscripted generics as base classes: class statements call __mro_entries__ on bases
# that are not classes (typing's aliases return the real class to derive from).
from typing import Generic, TypeVar, List, Dict

T = TypeVar("T")


class Stack(Generic[T]):
    def __init__(self):
        self.items = []


print(Stack.__mro__, Stack.__parameters__, Stack.__orig_bases__)


class Names(List[str]):
    pass


class Table(Dict[str, int]):
    pass


print(Names.__mro__, Names(["a"]), Table(a=1))


class Entry:
    def __mro_entries__(self, bases):
        return (dict,)


class FromEntry(Entry()):
    pass


print(FromEntry.__bases__, type(FromEntry.__orig_bases__[0]).__name__)
