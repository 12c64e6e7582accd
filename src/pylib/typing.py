"""typing: the names annotations use -- Any, Union, Optional, the generic aliases (List,
Dict, Tuple, Callable, Iterable, ...), TypeVar, Generic, Protocol, NamedTuple, TypedDict,
NewType, Literal, ClassVar, Final, cast, overload and the introspection helpers.

Written for gilpy from the documented behaviour of CPython 3.11's module. Annotations are
evaluated but never checked: subscripting gives values that print, compare and hash as
CPython's do, and `get_origin` / `get_args` read them back.
"""

import sys as _sys
import collections as _collections
import collections.abc as _abc
import contextlib as _contextlib

TYPE_CHECKING = False


def _type_repr(obj):
    """How a parameter prints inside typing.X[...]."""
    if isinstance(obj, type):
        if obj.__module__ == "builtins":
            return obj.__qualname__
        return obj.__module__ + "." + obj.__qualname__
    if obj is ...:
        return "..."
    if isinstance(obj, type(_type_repr)):
        return obj.__name__
    if isinstance(obj, list):
        return "[" + ", ".join([_type_repr(a) for a in obj]) + "]"
    return repr(obj)


def _convert(arg):
    """None stands for NoneType and strings for forward references."""
    if arg is None:
        return type(None)
    if isinstance(arg, str):
        return ForwardRef(arg)
    return arg


def _as_tuple(params):
    if isinstance(params, tuple):
        return params
    return (params,)


def _collect_parameters(args):
    params = []
    for a in args:
        if isinstance(a, (TypeVar, ParamSpec)):
            if a not in params:
                params.append(a)
        else:
            for p in getattr(a, "__parameters__", ()):
                if p not in params:
                    params.append(p)
    return tuple(params)


class ForwardRef:
    """A type named by a string, to be resolved later."""

    def __init__(self, arg, is_argument=True, module=None, *, is_class=False):
        if not isinstance(arg, str):
            raise TypeError("Forward reference must be a string -- got " + repr(arg))
        self.__forward_arg__ = arg
        self.__forward_evaluated__ = False
        self.__forward_value__ = None
        self.__forward_module__ = module

    def __eq__(self, other):
        if not isinstance(other, ForwardRef):
            return NotImplemented
        return self.__forward_arg__ == other.__forward_arg__

    def __hash__(self):
        return hash(self.__forward_arg__)

    def __repr__(self):
        return "ForwardRef(" + repr(self.__forward_arg__) + ")"

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class _Final:
    """Base of typing's own objects: they cannot be subclassed casually."""
    __slots__ = ()


class _SpecialForm(_Final):
    """Any, NoReturn, ClassVar, Union, Optional, Literal, ...: a named object whose
    subscription is handled by a function."""

    def __init__(self, name, getitem=None, doc=None):
        self._name = name
        self._getitem = getitem
        self.__doc__ = doc

    def __repr__(self):
        return "typing." + self._name

    def __getitem__(self, parameters):
        if self._getitem is None:
            raise TypeError(repr(self) + " is not subscriptable")
        return self._getitem(self, parameters)

    def __call__(self, *args, **kwds):
        if self._name == "Any":
            raise TypeError("Any cannot be instantiated")
        raise TypeError("Cannot instantiate " + repr(self))

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __eq__(self, other):
        return self is other

    def __hash__(self):
        return hash(self._name)

    def __reduce__(self):
        return self._name


class _GenericAlias(_Final):
    """X[args]: remembers its origin and arguments; calling it makes an instance of
    the origin."""

    def __init__(self, origin, args, name=None, inst=True):
        self.__origin__ = origin
        self.__args__ = tuple(args)
        self.__parameters__ = _collect_parameters(self.__args__)
        self._name = name
        self._inst = inst

    def __repr__(self):
        if self._name is not None:
            head = "typing." + self._name
        else:
            head = _type_repr(self.__origin__)
        if not self.__args__:
            return head + "[()]"
        return head + "[" + ", ".join([_type_repr(a) for a in self.__args__]) + "]"

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return (self.__origin__ == other.__origin__
                and self.__args__ == other.__args__)

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __call__(self, *args, **kwargs):
        if not self._inst:
            raise TypeError("Type " + (self._name or "?") +
                            " cannot be instantiated; use " +
                            self.__origin__.__name__ + "() instead")
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except (AttributeError, TypeError):
            pass
        return result

    def __getitem__(self, params):
        params = _as_tuple(params)
        if not self.__parameters__:
            raise TypeError(repr(self) + " is not a generic class")
        if len(params) != len(self.__parameters__):
            raise TypeError("Too " + ("many" if len(params) > len(self.__parameters__)
                                      else "few") +
                            " arguments for " + repr(self))
        subst = dict(zip(self.__parameters__, [_convert(p) for p in params]))
        return self.copy_with(tuple([_substitute(a, subst) for a in self.__args__]))

    def copy_with(self, args):
        return _GenericAlias(self.__origin__, args, self._name, self._inst)

    def __mro_entries__(self, bases):
        if isinstance(self.__origin__, _SpecialForm):
            raise TypeError("Cannot subclass " + repr(self))
        if self._name is not None:
            return _alias_mro_entries(self, bases)
        if self.__origin__ is Generic:
            if Protocol in bases:
                return ()
            i = bases.index(self)
            for b in bases[i + 1:]:
                if isinstance(b, (_GenericAlias, _SpecialGenericAlias)) and \
                        b is not self:
                    return ()
        return (self.__origin__,)

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __instancecheck__(self, obj):
        raise TypeError("Subscripted generics cannot be used with class and "
                        "instance checks")

    def __subclasscheck__(self, cls):
        raise TypeError("Subscripted generics cannot be used with class and "
                        "instance checks")


def _alias_mro_entries(alias, bases):
    """Deriving from List[int] (or List) derives from list, and from Generic unless a
    later base brings it."""
    res = []
    if alias.__origin__ not in bases:
        res.append(alias.__origin__)
    i = bases.index(alias)
    for b in bases[i + 1:]:
        if isinstance(b, (_GenericAlias, _SpecialGenericAlias)) or \
                (isinstance(b, type) and issubclass(b, Generic)):
            break
    else:
        res.append(Generic)
    return tuple(res)


def _substitute(arg, subst):
    if isinstance(arg, (TypeVar, ParamSpec)):
        return subst.get(arg, arg)
    if isinstance(arg, _GenericAlias) and arg.__parameters__:
        return arg.copy_with(tuple([_substitute(a, subst) for a in arg.__args__]))
    if isinstance(arg, list):
        return [_substitute(a, subst) for a in arg]
    return arg


class _SpecialGenericAlias(_Final):
    """The bare names List, Dict, Iterable, ...: subscripting them gives an alias
    with `nparams` arguments."""

    def __init__(self, origin, nparams, name, inst=True):
        self.__origin__ = origin
        self._nparams = nparams
        self._name = name
        self._inst = inst
        self.__args__ = ()
        self.__parameters__ = ()

    def __repr__(self):
        return "typing." + self._name

    def __getitem__(self, params):
        params = tuple([_convert(p) for p in _as_tuple(params)])
        if self._nparams >= 0 and len(params) != self._nparams:
            raise TypeError("Too " + ("many" if len(params) > self._nparams
                                      else "few") +
                            " arguments for " + repr(self) + "; actual " +
                            str(len(params)) + ", expected " + str(self._nparams))
        return _GenericAlias(self.__origin__, params, self._name, self._inst)

    def __call__(self, *args, **kwargs):
        if not self._inst:
            raise TypeError("Type " + self._name + " cannot be instantiated; use " +
                            self.__origin__.__name__ + "() instead")
        return self.__origin__(*args, **kwargs)

    def __mro_entries__(self, bases):
        return _alias_mro_entries(self, bases)

    def __eq__(self, other):
        if isinstance(other, _SpecialGenericAlias):
            return self.__origin__ is other.__origin__ and self._name == other._name
        return NotImplemented

    def __hash__(self):
        return hash(self._name)

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __instancecheck__(self, obj):
        return isinstance(obj, self.__origin__)

    def __subclasscheck__(self, cls):
        return issubclass(cls, self.__origin__)


class _TupleAlias(_SpecialGenericAlias):
    """Tuple: any number of parameters, `Tuple[X, ...]` and `Tuple[()]`."""

    def __getitem__(self, params):
        if params == ():
            return _GenericAlias(tuple, (), "Tuple")
        params = tuple([_convert(p) for p in _as_tuple(params)])
        return _GenericAlias(tuple, params, "Tuple")


class _CallableGenericAlias(_GenericAlias):
    """Callable[[args], result] / Callable[..., result]."""

    def __repr__(self):
        args = self.__args__
        if len(args) == 2 and args[0] is ...:
            return "typing.Callable[..., " + _type_repr(args[1]) + "]"
        params = ", ".join([_type_repr(a) for a in args[:-1]])
        return "typing.Callable[[" + params + "], " + _type_repr(args[-1]) + "]"

    def copy_with(self, args):
        return _CallableGenericAlias(self.__origin__, args, self._name, self._inst)


class _CallableType(_SpecialGenericAlias):
    def __getitem__(self, params):
        if not isinstance(params, tuple) or len(params) != 2:
            raise TypeError("Callable must be used as Callable[[arg, ...], result].")
        args, result = params
        if args is ...:
            flat = (..., _convert(result))
        elif isinstance(args, list):
            flat = tuple([_convert(a) for a in args]) + (_convert(result),)
        else:
            raise TypeError("Callable[args, result]: args must be a list. Got " +
                            _type_repr(args))
        return _CallableGenericAlias(self.__origin__, flat, "Callable")


class _UnionGenericAlias(_GenericAlias):
    def __repr__(self):
        args = self.__args__
        if len(args) == 2:
            if args[1] is type(None):
                return "typing.Optional[" + _type_repr(args[0]) + "]"
            if args[0] is type(None):
                return "typing.Optional[" + _type_repr(args[1]) + "]"
        return "typing.Union[" + ", ".join([_type_repr(a) for a in args]) + "]"

    def __eq__(self, other):
        if not isinstance(other, _UnionGenericAlias):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def copy_with(self, args):
        return Union[args]

    def __instancecheck__(self, obj):
        return isinstance(obj, tuple([a for a in self.__args__ if isinstance(a, type)]))


class _LiteralGenericAlias(_GenericAlias):
    def __eq__(self, other):
        if not isinstance(other, _LiteralGenericAlias):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))


class _AnnotatedAlias(_GenericAlias):
    def __init__(self, origin, metadata):
        _GenericAlias.__init__(self, origin, (origin,), None)
        self.__metadata__ = metadata

    def __repr__(self):
        return "typing.Annotated[" + _type_repr(self.__origin__) + ", " + \
            ", ".join([repr(m) for m in self.__metadata__]) + "]"

    def __eq__(self, other):
        if not isinstance(other, _AnnotatedAlias):
            return NotImplemented
        return (self.__origin__ == other.__origin__
                and self.__metadata__ == other.__metadata__)

    def __hash__(self):
        return hash((self.__origin__, self.__metadata__))


# ---- special forms ----

def _union_getitem(self, parameters):
    if parameters == ():
        raise TypeError("Cannot take a Union of no types.")
    params = []
    for p in _as_tuple(parameters):
        p = _convert(p)
        if isinstance(p, _UnionGenericAlias):
            members = p.__args__
        elif type(p) is not type and hasattr(p, "__args__") and \
                type(p).__name__ == "UnionType":
            members = p.__args__
        else:
            members = (p,)
        for m in members:
            if m not in params:
                params.append(m)
    if len(params) == 1:
        return params[0]
    return _UnionGenericAlias(self, tuple(params), "Union")


def _optional_getitem(self, parameter):
    return Union[_convert(parameter), type(None)]


def _one_type_getitem(self, parameter):
    if isinstance(parameter, tuple):
        raise TypeError(repr(self) + " accepts only single type.")
    return _GenericAlias(self, (_convert(parameter),), self._name)


def _literal_getitem(self, parameters):
    return _LiteralGenericAlias(self, _as_tuple(parameters), "Literal")


def _annotated_getitem(self, params):
    if not isinstance(params, tuple) or len(params) < 2:
        raise TypeError("Annotated[...] should be used with at least two arguments "
                        "(a type and an annotation).")
    return _AnnotatedAlias(_convert(params[0]), tuple(params[1:]))


def _generic_getitem(self, parameters):
    return _GenericAlias(self, tuple([_convert(p) for p in _as_tuple(parameters)]),
                         self._name)


Any = _SpecialForm("Any", doc="Special type compatible with every type.")
NoReturn = _SpecialForm("NoReturn")
Never = _SpecialForm("Never")
Self = _SpecialForm("Self")
LiteralString = _SpecialForm("LiteralString")
TypeAlias = _SpecialForm("TypeAlias")
ClassVar = _SpecialForm("ClassVar", _one_type_getitem)
Final = _SpecialForm("Final", _one_type_getitem)
Required = _SpecialForm("Required", _one_type_getitem)
NotRequired = _SpecialForm("NotRequired", _one_type_getitem)
TypeGuard = _SpecialForm("TypeGuard", _one_type_getitem)
Unpack = _SpecialForm("Unpack", _one_type_getitem)
Union = _SpecialForm("Union", _union_getitem)
Optional = _SpecialForm("Optional", _optional_getitem)
Literal = _SpecialForm("Literal", _literal_getitem)
Concatenate = _SpecialForm("Concatenate", _generic_getitem)
Annotated = _SpecialForm("Annotated", _annotated_getitem)


# ---- type variables ----

class TypeVar(_Final):
    """A type variable: T = TypeVar('T'); prints as ~T (+T covariant, -T
    contravariant)."""

    def __init__(self, name, *constraints, bound=None, covariant=False,
                 contravariant=False):
        if covariant and contravariant:
            raise ValueError("Bivariant types are not supported.")
        if len(constraints) == 1:
            raise TypeError("A single constraint is not allowed")
        self.__name__ = name
        self.__constraints__ = tuple([_convert(c) for c in constraints])
        self.__bound__ = _convert(bound) if bound is not None else None
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)
        self.__module__ = _caller_module()

    def __repr__(self):
        if self.__covariant__:
            prefix = "+"
        elif self.__contravariant__:
            prefix = "-"
        else:
            prefix = "~"
        return prefix + self.__name__

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class ParamSpec(_Final):
    """A parameter specification variable: P = ParamSpec('P')."""

    def __init__(self, name, *, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

    @property
    def args(self):
        return _ParamSpecPart(self, "args")

    @property
    def kwargs(self):
        return _ParamSpecPart(self, "kwargs")

    def __repr__(self):
        return "~" + self.__name__


class _ParamSpecPart(_Final):
    def __init__(self, origin, part):
        self.__origin__ = origin
        self._part = part

    def __repr__(self):
        return self.__origin__.__name__ + "." + self._part


class TypeVarTuple(_Final):
    def __init__(self, name):
        self.__name__ = name

    def __repr__(self):
        return self.__name__

    def __iter__(self):
        yield Unpack[self]


def _caller_module(depth=2):
    getframe = getattr(_sys, "_getframe", None)
    if getframe is None:
        return "__main__"
    try:
        return getframe(depth).f_globals.get("__name__", "__main__")
    except (AttributeError, ValueError):
        return "__main__"


AnyStr = TypeVar("AnyStr", bytes, str)
AnyStr.__module__ = "typing"
Text = str


# ---- Generic and Protocol ----

def _probe_mro_entries():
    """Whether class statements here call __mro_entries__ on non-class bases."""
    class Entry:
        def __mro_entries__(self, bases):
            return (object,)
    try:
        class Probe(Entry()):
            pass
    except TypeError:
        return False
    return True


_mro_entries_work = _probe_mro_entries()


class Generic:
    """Base of user generic classes: class Stack(Generic[T]); Stack[int] gives an
    alias that prints as __main__.Stack[int]."""
    __slots__ = ()

    def __class_getitem__(cls, params):
        params = tuple([_convert(p) for p in _as_tuple(params)])
        if cls is Generic or cls is Protocol:
            if not params:
                raise TypeError("Parameter list to " + cls.__qualname__ +
                                "[...] cannot be empty")
            for p in params:
                if not isinstance(p, (TypeVar, ParamSpec)):
                    raise TypeError("Parameters to " + cls.__name__ +
                                    "[...] must all be type variables or "
                                    "parameter specification variables.")
            if not _mro_entries_work:
                # The alias could not serve as a base class here; the class can.
                return cls
        return _GenericAlias(cls, params)

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        params = []
        for base in cls.__dict__.get("__orig_bases__", ()):
            for p in getattr(base, "__parameters__", ()):
                if p not in params:
                    params.append(p)
        cls.__parameters__ = tuple(params)


class Protocol(Generic):
    """Base of structural types (static checking only here)."""
    __slots__ = ()
    _is_protocol = True


def runtime_checkable(cls):
    cls._is_runtime_protocol = True
    return cls


# ---- aliases of concrete and abstract collections ----

Hashable = _SpecialGenericAlias(_abc.Hashable, 0, "Hashable")
Sized = _SpecialGenericAlias(_abc.Sized, 0, "Sized")
Awaitable = _SpecialGenericAlias(_abc.Awaitable, 1, "Awaitable")
Coroutine = _SpecialGenericAlias(_abc.Coroutine, 3, "Coroutine")
AsyncIterable = _SpecialGenericAlias(_abc.AsyncIterable, 1, "AsyncIterable")
AsyncIterator = _SpecialGenericAlias(_abc.AsyncIterator, 1, "AsyncIterator")
Iterable = _SpecialGenericAlias(_abc.Iterable, 1, "Iterable")
Iterator = _SpecialGenericAlias(_abc.Iterator, 1, "Iterator")
Reversible = _SpecialGenericAlias(_abc.Reversible, 1, "Reversible")
Container = _SpecialGenericAlias(_abc.Container, 1, "Container")
Collection = _SpecialGenericAlias(_abc.Collection, 1, "Collection")
Callable = _CallableType(_abc.Callable, 2, "Callable")
AbstractSet = _SpecialGenericAlias(_abc.Set, 1, "AbstractSet")
MutableSet = _SpecialGenericAlias(_abc.MutableSet, 1, "MutableSet")
Mapping = _SpecialGenericAlias(_abc.Mapping, 2, "Mapping")
MutableMapping = _SpecialGenericAlias(_abc.MutableMapping, 2, "MutableMapping")
Sequence = _SpecialGenericAlias(_abc.Sequence, 1, "Sequence")
MutableSequence = _SpecialGenericAlias(_abc.MutableSequence, 1, "MutableSequence")
ByteString = _SpecialGenericAlias(_abc.ByteString, 0, "ByteString")
Tuple = _TupleAlias(tuple, -1, "Tuple", inst=False)
List = _SpecialGenericAlias(list, 1, "List", inst=False)
Deque = _SpecialGenericAlias(_collections.deque, 1, "Deque")
Set = _SpecialGenericAlias(set, 1, "Set", inst=False)
FrozenSet = _SpecialGenericAlias(frozenset, 1, "FrozenSet", inst=False)
MappingView = _SpecialGenericAlias(_abc.MappingView, 1, "MappingView")
KeysView = _SpecialGenericAlias(_abc.KeysView, 1, "KeysView")
ItemsView = _SpecialGenericAlias(_abc.ItemsView, 2, "ItemsView")
ValuesView = _SpecialGenericAlias(_abc.ValuesView, 1, "ValuesView")
ContextManager = _SpecialGenericAlias(_contextlib.AbstractContextManager, 1,
                                      "ContextManager")
AsyncContextManager = _SpecialGenericAlias(object, 1, "AsyncContextManager")
Dict = _SpecialGenericAlias(dict, 2, "Dict", inst=False)
DefaultDict = _SpecialGenericAlias(_collections.defaultdict, 2, "DefaultDict")
OrderedDict = _SpecialGenericAlias(_collections.OrderedDict, 2, "OrderedDict")
Counter = _SpecialGenericAlias(_collections.Counter, 1, "Counter")
ChainMap = _SpecialGenericAlias(_collections.ChainMap, 2, "ChainMap")
Generator = _SpecialGenericAlias(_abc.Generator, 3, "Generator")
AsyncGenerator = _SpecialGenericAlias(_abc.AsyncGenerator, 2, "AsyncGenerator")
Type = _SpecialGenericAlias(type, 1, "Type")


# ---- protocols with one method ----

class SupportsInt(Protocol):
    __slots__ = ()


class SupportsFloat(Protocol):
    __slots__ = ()


class SupportsComplex(Protocol):
    __slots__ = ()


class SupportsBytes(Protocol):
    __slots__ = ()


class SupportsIndex(Protocol):
    __slots__ = ()


class SupportsAbs(Protocol):
    __slots__ = ()


class SupportsRound(Protocol):
    __slots__ = ()


# ---- NamedTuple and TypedDict ----

_namedtuple_reserved = frozenset(["__new__", "__init__", "__slots__",
                                  "__getnewargs__", "_fields", "_field_defaults",
                                  "_make", "_replace", "_asdict", "_source"])
_namedtuple_skip = frozenset(["__module__", "__qualname__", "__annotations__",
                              "__orig_bases__", "__classcell__"])


def _make_namedtuple(name, types, defaults, module):
    fields = [n for n, t in types]
    nm_tpl = _collections.namedtuple(name, fields, defaults=defaults, module=module)
    nm_tpl.__annotations__ = dict(types)
    return nm_tpl


class _NamedTupleMeta(type):
    def __new__(mcls, typename, bases, ns, **kwargs):
        if not bases:
            return type.__new__(mcls, typename, bases, ns)
        types = ns.get("__annotations__", {})
        default_names = []
        for field_name in types:
            if field_name in ns:
                default_names.append(field_name)
            elif default_names:
                raise TypeError("Non-default namedtuple field " + field_name +
                                " cannot follow default field" +
                                ("s " if len(default_names) > 1 else " ") +
                                ", ".join(default_names))
        nm_tpl = _make_namedtuple(typename, list(types.items()),
                                  [ns[n] for n in default_names],
                                  ns.get("__module__", "__main__"))
        for key, value in ns.items():
            if key in _namedtuple_reserved:
                raise AttributeError("Cannot overwrite NamedTuple attribute " + key)
            if key in _namedtuple_skip or key in types:
                continue
            setattr(nm_tpl, key, value)
        return nm_tpl


class NamedTuple(metaclass=_NamedTupleMeta):
    """Typed version of collections.namedtuple: class syntax with annotated fields,
    or NamedTuple('Name', [('x', int), ...])."""

    def __new__(cls, typename, fields=None, /, **kwargs):
        if fields is None:
            fields = list(kwargs.items())
        return _make_namedtuple(typename, list(fields), None, _caller_module())


class _TypedDictMeta(type):
    def __new__(mcls, name, bases, ns, total=True):
        if not bases:
            return type.__new__(mcls, name, bases, ns)
        annotations = {}
        for base in bases:
            annotations.update(base.__dict__.get("__annotations__", {}))
        annotations.update(ns.get("__annotations__", {}))
        ns = dict(ns)
        ns["__annotations__"] = annotations

        def __new__(cls, *args, **kwargs):
            return dict(*args, **kwargs)

        ns["__new__"] = __new__
        cls = type.__new__(mcls, name, (dict,), ns)
        cls.__total__ = total
        keys = frozenset(annotations)
        cls.__required_keys__ = keys if total else frozenset()
        cls.__optional_keys__ = frozenset() if total else keys
        return cls


class TypedDict(metaclass=_TypedDictMeta):
    """A dict with a fixed set of typed keys (instances are plain dicts)."""


def NewType(name, tp):
    """A distinct name for a type, for static checkers: calling it returns its
    argument unchanged."""
    return _NewType(name, tp, _caller_module())


class _NewType:
    def __init__(self, name, tp, module):
        self.__name__ = name
        self.__qualname__ = name
        self.__supertype__ = tp
        self.__module__ = module

    def __call__(self, x):
        return x

    def __repr__(self):
        return self.__module__ + "." + self.__qualname__

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


# ---- functions ----

def cast(typ, val):
    """Tell a type checker val has type typ; returns val unchanged."""
    return val


def assert_type(val, typ):
    return val


def reveal_type(obj):
    print("Runtime type is " + repr(type(obj).__name__), file=_sys.stderr)
    return obj


def assert_never(arg):
    raise AssertionError("Expected code to be unreachable, but got: " + repr(arg))


_overload_registry = {}


def _overload_dummy(*args, **kwds):
    raise NotImplementedError(
        "You should not call an overloaded function. A series of @overload-decorated "
        "functions outside a stub module should always be followed by an "
        "implementation that is not @overload-ed.")


def overload(func):
    """Mark a signature of an overloaded function (the implementation follows)."""
    key = getattr(func, "__qualname__", None)
    _overload_registry.setdefault(key, []).append(func)
    return _overload_dummy


def get_overloads(func):
    return list(_overload_registry.get(getattr(func, "__qualname__", None), []))


def clear_overloads():
    _overload_registry.clear()


def final(f):
    try:
        f.__final__ = True
    except (AttributeError, TypeError):
        pass
    return f


def no_type_check(arg):
    return arg


def no_type_check_decorator(decorator):
    return decorator


def dataclass_transform(**kwargs):
    def decorator(cls_or_fn):
        return cls_or_fn
    return decorator


def get_origin(tp):
    """The unsubscripted form: get_origin(List[int]) is list."""
    if isinstance(tp, _AnnotatedAlias):
        return Annotated
    if isinstance(tp, (_GenericAlias, _SpecialGenericAlias)):
        return tp.__origin__
    if tp is Generic:
        return Generic
    origin = getattr(tp, "__origin__", None)
    if origin is not None and not isinstance(tp, type):
        return origin
    return None


def get_args(tp):
    """The arguments: get_args(Dict[str, int]) is (str, int)."""
    if isinstance(tp, _AnnotatedAlias):
        return (tp.__origin__,) + tp.__metadata__
    if isinstance(tp, _CallableGenericAlias):
        args = tp.__args__
        if args[0] is ...:
            return args
        return (list(args[:-1]), args[-1])
    if isinstance(tp, _GenericAlias):
        return tp.__args__
    args = getattr(tp, "__args__", None)
    if isinstance(args, tuple) and not isinstance(tp, type):
        return args
    return ()


def _resolve_name(value, globalns):
    """A string annotation naming a global or builtin (possibly dotted) becomes the
    object it names; anything more complex stays a string."""
    if not isinstance(value, str):
        return type(None) if value is None else value
    parts = value.strip().split(".")
    for part in parts:
        if not part.isidentifier():
            return value
    if globalns is not None and parts[0] in globalns:
        obj = globalns[parts[0]]
    else:
        import builtins
        if not hasattr(builtins, parts[0]):
            return value
        obj = getattr(builtins, parts[0])
    for part in parts[1:]:
        if not hasattr(obj, part):
            return value
        obj = getattr(obj, part)
    return obj


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    """The annotations of a function, module or class (merged along the MRO for
    classes). String annotations that name an object are resolved; others stay
    strings."""
    if isinstance(obj, type):
        hints = {}
        for base in reversed(obj.__mro__):
            ann = base.__dict__.get("__annotations__", {})
            base_globals = globalns
            if base_globals is None:
                module = _sys.modules.get(base.__module__)
                base_globals = getattr(module, "__dict__", None)
            for name, value in ann.items():
                hints[name] = _resolve_name(value, base_globals)
        return hints
    ann = getattr(obj, "__annotations__", None)
    if ann is None:
        return {}
    if globalns is None:
        globalns = getattr(obj, "__globals__", None)
        if globalns is None and hasattr(obj, "__dict__") and \
                type(obj).__name__ == "module":
            globalns = obj.__dict__
    hints = {}
    for name, value in ann.items():
        hints[name] = _resolve_name(value, globalns)
    return hints


def is_typeddict(tp):
    return isinstance(tp, _TypedDictMeta)
