# typing and dataclasses: annotation values (reprs, equality, get_origin/get_args),
# Generic, NamedTuple, TypedDict, NewType; @dataclass with init/repr/eq/order/frozen,
# field(), defaults and factories, inheritance, __post_init__, InitVar, KW_ONLY, asdict,
# astuple, replace, fields -- and the errors of the generated methods.
import dataclasses
from dataclasses import (dataclass, field, fields, asdict, astuple, replace,
                         FrozenInstanceError, is_dataclass, InitVar, KW_ONLY)


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


# ---- typing ----
from typing import *
import typing

T = TypeVar('T'); KT = TypeVar('KT', bound=int); S = TypeVar('S', int, str, covariant=True)
class Foo: pass
for x in [Any, List, List[int], Dict[str, int], Tuple[int, ...], Tuple[()], Tuple, Set[Foo], Optional[int], Union[int, str], Union[int, None, str], Union[int], Callable[[int, str], bool], Callable[..., int], Callable, Iterable[T], Iterator, Generator[int, None, None], T, KT, S, Optional['Foo'], List['Foo'], Type[Foo], Literal[1, 'a'], ClassVar[int], Final[int], Sequence[int], Mapping[str, int], FrozenSet[int], DefaultDict[str, int], Deque[int], Counter[str], Annotated[int, 'meta'], NoReturn, Union, Optional, Protocol, Dict[str, List[int]], typing.Text, AnyStr, Hashable, Awaitable[int], Type]:
    print(repr(x))
print(Optional[int] == Union[int, None], Union[int, str] == Union[str, int], List[int] == List[int], hash(List[int]) == hash(List[int]))
print(get_origin(List[int]), get_args(Dict[str, int]), get_origin(Optional[int]), get_args(Optional[int]), get_args(Callable[[int], str]))
class Stack(Generic[T]):
    def __init__(self): self.items: List[T] = []
    def push(self, item: T) -> None: self.items.append(item)
s = Stack[int](); s.push(3)
print(Stack[int], s.items, Stack.__name__)
class P(NamedTuple):
    x: int
    y: int = 0
    def norm(self): return self.x + self.y
print(P(1), P(1, 2).norm(), P._fields, P.__mro__, P._field_defaults, P.__annotations__)
P2 = NamedTuple('P2', [('a', int), ('b', str)]); print(P2(1, 'x'), P2.__annotations__)
UserId = NewType('UserId', int); print(UserId(5), UserId, type(UserId(5)))
class TD(TypedDict):
    name: str
    age: int
print(TD(name='a', age=3), type(TD(name='a', age=1)), TD.__annotations__)
class TD2(TypedDict, total=False):
    x: int
print(TD2(x=1), TD2.__total__)
print(cast(int, 'x'), TYPE_CHECKING)
@overload
def f(x: int) -> int: ...
@overload
def f(x: str) -> str: ...
def f(x): return x
print(f(1))
print(typing.get_type_hints(P))
def g(a: int, b: 'str' = 'x') -> List[int]: return [a]
print(g.__annotations__, get_type_hints(g))
try: List()
except TypeError as e: print(e)
try: Union[()]
except TypeError as e: print(e)
try: Any()
except TypeError as e: print(e)
print(Dict[str, T][int], List[T][str])
@runtime_checkable
class Closer(Protocol):
    def close(self) -> None: ...
print(Closer.__name__)
print(Optional[List[int]], Union[List[int], None, Dict[str, Any]])


# ---- dataclasses ----
@dataclass
class P:
    x: int
    y: int = 0
print(P(1), P(1, 2) == P(1, 2), P(1) == P(2), P(1) != P(1), P.__doc__, P(x=3, y=4))
t(lambda: P()); t(lambda: P(1,2,3)); t(lambda: P(1, z=3)); t(lambda: P(1, x=2)); t(lambda: P(y=1))
@dataclass(frozen=True)
class F:
    x: int
    tags: tuple = ()
f = F(1)
def s(): f.x = 2
t(s)
def d(): del f.x
t(d)
def s2(): f.z = 2
t(s2)
print(hash(F(1)) == hash(F(1)), F(1) == F(1), {F(1), F(1)} == {F(1)}, P.__hash__)
t(lambda: dataclass(order=True, eq=False)(type('Q', (), {})))
def bad():
    @dataclass
    class B:
        x: int = 0
        y: int
t(bad)
def mut():
    @dataclass
    class B:
        x: list = []
t(mut)
@dataclass(order=True)
class O:
    a: int
    b: str = field(default='z', compare=False)
t(lambda: O(1) < O(2)); t(lambda: O(1) < 3); t(lambda: O(1) == O(1, 'q')); print(sorted([O(3), O(1), O(2)]))
print(fields(P)[0].name, fields(P)[0].type, [f.name for f in fields(P(1))])
t(lambda: fields(3))
print(P.__init__.__qualname__, P.__repr__.__qualname__, P.__eq__.__name__)
@dataclass
class K:
    x: int
    y: int = field(default=5, kw_only=True)
t(lambda: K(1, 2)); t(lambda: K(1, y=2))
@dataclass(kw_only=True)
class K2:
    x: int
t(lambda: K2(1)); t(lambda: K2()); t(lambda: K2(x=1))
t(lambda: replace(P(1), z=1)); t(lambda: asdict(3)); t(lambda: replace(P(1), y=9))
@dataclass
class Inv:
    name: str
    items: List[str] = field(default_factory=list)
    count: int = field(default=0, repr=False)
    total: ClassVar[int] = 0
    def add(self, it): self.items.append(it); self.count += 1
a = Inv('a'); b = Inv('b'); a.add('x')
print(a, b, a.items is b.items, Inv.total, [f.name for f in fields(Inv)], Inv.__doc__)
@dataclass
class Line:
    start: P
    end: P
    tags: list = field(default_factory=lambda: ['t'])
ln = Line(P(0, 0), P(1, 1))
print(ln, asdict(ln), astuple(ln))
@dataclass
class C:
    a: float
    b: float
    c: float = field(init=False)
    def __post_init__(self): self.c = self.a + self.b
print(C(1, 2), C(1.5, 2).c)
@dataclass
class Base:
    x: int = 0
@dataclass
class Derived(Base):
    y: int = 1
print(Derived(), Derived(5, 6), is_dataclass(Derived), is_dataclass(Derived()), is_dataclass(3))
@dataclass
class WithInit:
    v: int
    scale: InitVar[int] = 2
    def __post_init__(self, scale): self.v *= scale
print(WithInit(3), WithInit(3, 10))
@dataclass(repr=False, eq=False)
class NoRepr:
    q: int
n = NoRepr(1); print(n == NoRepr(1), repr(n).startswith('<__main__.NoRepr object'))
@dataclass(unsafe_hash=True)
class UH:
    a: int
print(hash(UH(1)) == hash(UH(1)), UH(1) in {UH(1): 0}, UH(2) in {UH(1): 0})
@dataclass
class Rec:
    name: str
    child: Optional['Rec'] = None
r = Rec('a'); r.child = r; print(r)
@dataclass
class KO:
    a: int
    _: KW_ONLY
    b: int = 2
    c: int = 3
print(KO(1, c=5), KO.__match_args__)
t(lambda: KO(1, 2))
@dataclass(frozen=True)
class FP:
    x: int
    def __post_init__(self): object.__setattr__(self, 'x', self.x * 2)
print(FP(2))
print(dataclasses.asdict(Inv('z', ['q'])), type(fields(P)[0]).__name__)
