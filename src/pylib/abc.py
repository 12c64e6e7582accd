"""abc: abstract base classes -- ABCMeta (abstract-method bookkeeping, virtual subclasses
through register() and __subclasshook__), ABC, abstractmethod and its property and
class/static method variants.

Written for gilpy from the documented behaviour of CPython 3.11's module. Instantiating a
class that still has abstract methods raises CPython's TypeError.
"""

__all__ = ["ABC", "ABCMeta", "abstractmethod", "abstractclassmethod",
           "abstractstaticmethod", "abstractproperty", "get_cache_token",
           "update_abstractmethods"]


def abstractmethod(funcobj):
    """Mark a method abstract: classes keeping it cannot be instantiated."""
    funcobj.__isabstractmethod__ = True
    return funcobj


class abstractclassmethod(classmethod):
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractstaticmethod(staticmethod):
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractproperty(property):
    __isabstractmethod__ = True


def _is_abstract(value):
    """Whether a class attribute counts as abstract (properties and class/static
    methods count when the function they wrap does)."""
    if getattr(value, "__isabstractmethod__", False):
        return True
    for name in ("fget", "fset", "fdel", "__func__"):
        inner = getattr(value, name, None)
        if inner is not None and getattr(inner, "__isabstractmethod__", False):
            return True
    return False


def _compute_abstracts(cls):
    abstracts = set()
    for name, value in cls.__dict__.items():
        if _is_abstract(value):
            abstracts.add(name)
    for base in cls.__bases__:
        for name in getattr(base, "__abstractmethods__", ()):
            value = getattr(cls, name, None)
            if _is_abstract(value):
                abstracts.add(name)
    return frozenset(abstracts)


def _abstract_error(cls):
    names = sorted(cls.__abstractmethods__)
    plural = "" if len(names) == 1 else "s"
    return TypeError("Can't instantiate abstract class " + cls.__name__ +
                     " with abstract method" + plural + " " + ", ".join(names))


_cache_token = 0


def get_cache_token():
    """A token that changes whenever a virtual subclass is registered."""
    return _cache_token


def _probe_metaclass_call():
    """Whether calling a class goes through its metaclass's __call__, which can then
    continue with type.__call__, in this runtime."""
    seen = []

    class Probe(type):
        def __call__(cls, *args, **kwargs):
            seen.append(cls)
            return super().__call__(*args, **kwargs)

    class Target(metaclass=Probe):
        pass

    try:
        made = Target()
    except Exception:
        return False
    return bool(seen) and type(made) is Target


_metaclass_call_works = _probe_metaclass_call()


def _guarded_new(owner):
    """A __new__ for runtimes whose class calls skip the metaclass: refuses abstract
    classes, then continues with the next __new__ after `owner`."""

    def __new__(cls, *args, **kwargs):
        if cls.__abstractmethods__:
            raise _abstract_error(cls)
        mro = cls.__mro__
        nxt = None
        nxt_owner = object
        for base in mro[mro.index(owner) + 1:]:
            if "__new__" in base.__dict__:
                nxt = base.__dict__["__new__"]
                nxt_owner = base
                break
        if nxt is None or nxt_owner is object:
            if (args or kwargs) and cls.__init__ is object.__init__:
                raise TypeError(cls.__name__ + "() takes no arguments")
            return object.__new__(cls)
        if isinstance(nxt, staticmethod):
            nxt = nxt.__func__
        return nxt(cls, *args, **kwargs)

    return __new__


class ABCMeta(type):
    """Metaclass of abstract base classes."""

    def __new__(mcls, name, bases, namespace, /, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        cls.__abstractmethods__ = _compute_abstracts(cls)
        cls._abc_registry = []
        # Direct subclasses, for virtual subclasses registered further down.
        cls._abc_subclasses = []
        for base in bases:
            if isinstance(base, ABCMeta):
                base._abc_subclasses.append(cls)
        if not _metaclass_call_works and "__new__" not in namespace:
            cls.__new__ = staticmethod(_guarded_new(cls))
        return cls

    if _metaclass_call_works:
        def __call__(cls, *args, **kwargs):
            if cls.__abstractmethods__:
                raise _abstract_error(cls)
            return super().__call__(*args, **kwargs)

    def register(cls, subclass):
        """Register a virtual subclass."""
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        if issubclass(subclass, cls):
            return subclass
        if issubclass(cls, subclass):
            raise RuntimeError("Refusing to create an inheritance cycle")
        cls._abc_registry.append(subclass)
        global _cache_token
        _cache_token += 1
        return subclass

    def __instancecheck__(cls, instance):
        return cls.__subclasscheck__(type(instance))

    def __subclasscheck__(cls, subclass):
        if not isinstance(subclass, type):
            raise TypeError("issubclass() arg 1 must be a class")
        if cls in getattr(subclass, "__mro__", ()):
            return True
        hook = cls.__dict__.get("__subclasshook__")
        if hook is None:
            for base in cls.__mro__:
                if "__subclasshook__" in base.__dict__:
                    hook = base.__dict__["__subclasshook__"]
                    break
        if hook is not None:
            if isinstance(hook, classmethod):
                hook = hook.__func__
            ok = hook(cls, subclass)
            if ok is not NotImplemented:
                return bool(ok)
        for reg in cls._abc_registry:
            if reg is subclass or issubclass(subclass, reg):
                return True
        for sub in cls._abc_subclasses:
            if sub is not cls and issubclass(subclass, sub):
                return True
        return False

    def _dump_registry(cls, file=None):
        print("Class: " + cls.__module__ + "." + cls.__qualname__, file=file)
        print("Inv. counter: " + str(get_cache_token()), file=file)


def update_abstractmethods(cls):
    """Recompute an ABC's abstract methods after it was changed (as class decorators
    that add methods must)."""
    if not hasattr(cls, "__abstractmethods__"):
        return cls
    cls.__abstractmethods__ = _compute_abstracts(cls)
    return cls


class ABC(metaclass=ABCMeta):
    """Helper base: inherit from ABC instead of writing metaclass=ABCMeta."""
    __slots__ = ()
