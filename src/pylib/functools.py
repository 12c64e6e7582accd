"""functools: tools that act on functions -- reduce, partial, wraps and update_wrapper,
lru_cache and cache, total_ordering, cmp_to_key, cached_property, singledispatch.

Written for gilpy from the documented behaviour of CPython 3.11's module.
"""

__all__ = [
    "update_wrapper", "wraps", "WRAPPER_ASSIGNMENTS", "WRAPPER_UPDATES",
    "total_ordering", "cache", "cmp_to_key", "lru_cache", "reduce", "partial",
    "partialmethod", "singledispatch", "singledispatchmethod", "cached_property",
]

WRAPPER_ASSIGNMENTS = ("__module__", "__name__", "__qualname__", "__doc__",
                       "__annotations__")
WRAPPER_UPDATES = ("__dict__",)


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS,
                   updated=WRAPPER_UPDATES):
    """Make `wrapper` look like `wrapped`: copy the `assigned` attributes, merge the
    `updated` ones, and remember the original in `__wrapped__`."""
    for name in assigned:
        try:
            value = getattr(wrapped, name)
        except AttributeError:
            continue
        setattr(wrapper, name, value)
    for name in updated:
        target = getattr(wrapper, name)
        for key, value in getattr(wrapped, name, {}).items():
            target[key] = value
    # Set last, so a `__wrapped__` copied from `wrapped.__dict__` is replaced.
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    """Decorator form of update_wrapper."""
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned,
                   updated=updated)


# ---- reduce ----

_no_initial = object()


def reduce(function, iterable, initial=_no_initial):
    """Fold the items of `iterable` from the left with a two-argument function."""
    try:
        it = iter(iterable)
    except TypeError:
        raise TypeError("reduce() arg 2 must support iteration") from None
    if initial is _no_initial:
        try:
            acc = next(it)
        except StopIteration:
            raise TypeError(
                "reduce() of empty iterable with no initial value") from None
    else:
        acc = initial
    for item in it:
        acc = function(acc, item)
    return acc


# ---- partial ----

class partial:
    """A callable that calls `func` with some positional and keyword arguments
    filled in ahead of the ones given at call time."""

    def __new__(cls, *args, **keywords):
        if not args:
            raise TypeError("type 'partial' takes at least one argument")
        func = args[0]
        args = args[1:]
        if not callable(func):
            raise TypeError("the first argument must be callable")
        # A partial of a plain partial flattens into one.
        if type(func) is partial:
            args = func.args + args
            merged = dict(func.keywords)
            merged.update(keywords)
            keywords = merged
            func = func.func
        self = object.__new__(cls)
        self.func = func
        self.args = tuple(args)
        self.keywords = keywords
        return self

    def __init__(self, *args, **keywords):
        pass

    def __call__(self, *args, **keywords):
        merged = dict(self.keywords)
        merged.update(keywords)
        return self.func(*self.args, *args, **merged)

    def __repr__(self):
        parts = [repr(self.func)]
        for a in self.args:
            parts.append(repr(a))
        for k, v in self.keywords.items():
            parts.append(str(k) + "=" + repr(v))
        name = type(self).__qualname__
        if type(self).__module__ == "functools":
            name = "functools." + name
        return name + "(" + ", ".join(parts) + ")"


class partialmethod:
    """Like partial, but for methods: the bound instance comes first."""

    def __init__(self, func, /, *args, **keywords):
        if not callable(func) and not hasattr(func, "__get__"):
            raise TypeError("{!r} is not callable or a descriptor".format(func))
        self.func = func
        self.args = args
        self.keywords = keywords

    def __get__(self, obj, cls=None):
        return partial(_bind(self.func, obj, cls), *self.args, **self.keywords)


def _bind(func, obj, cls):
    """func.__get__(obj, cls): the function bound to obj (or itself for obj None)."""
    getter = getattr(type(func), "__get__", None)
    if getter is not None:
        return getter(func, obj, cls)
    if obj is None or isinstance(func, (staticmethod, partial)):
        return func
    if isinstance(func, classmethod):
        return partial(func.__func__, cls)
    # Plain functions here do not expose __get__; a partial binds `self` the same way.
    return partial(func, obj)


# ---- total_ordering ----

def _gt_from_lt(self, other):
    r = type(self).__lt__(self, other)
    if r is NotImplemented:
        return r
    return not r and self != other


def _le_from_lt(self, other):
    r = type(self).__lt__(self, other)
    if r is NotImplemented:
        return r
    return r or self == other


def _ge_from_lt(self, other):
    r = type(self).__lt__(self, other)
    if r is NotImplemented:
        return r
    return not r


def _ge_from_le(self, other):
    r = type(self).__le__(self, other)
    if r is NotImplemented:
        return r
    return not r or self == other


def _lt_from_le(self, other):
    r = type(self).__le__(self, other)
    if r is NotImplemented:
        return r
    return r and self != other


def _gt_from_le(self, other):
    r = type(self).__le__(self, other)
    if r is NotImplemented:
        return r
    return not r


def _lt_from_gt(self, other):
    r = type(self).__gt__(self, other)
    if r is NotImplemented:
        return r
    return not r and self != other


def _ge_from_gt(self, other):
    r = type(self).__gt__(self, other)
    if r is NotImplemented:
        return r
    return r or self == other


def _le_from_gt(self, other):
    r = type(self).__gt__(self, other)
    if r is NotImplemented:
        return r
    return not r


def _le_from_ge(self, other):
    r = type(self).__ge__(self, other)
    if r is NotImplemented:
        return r
    return not r or self == other


def _gt_from_ge(self, other):
    r = type(self).__ge__(self, other)
    if r is NotImplemented:
        return r
    return r and self != other


def _lt_from_ge(self, other):
    r = type(self).__ge__(self, other)
    if r is NotImplemented:
        return r
    return not r


# For each operation a class may define: the other three, derived from it.
_derived = {
    "__lt__": [("__gt__", _gt_from_lt), ("__le__", _le_from_lt),
               ("__ge__", _ge_from_lt)],
    "__le__": [("__ge__", _ge_from_le), ("__lt__", _lt_from_le),
               ("__gt__", _gt_from_le)],
    "__gt__": [("__lt__", _lt_from_gt), ("__ge__", _ge_from_gt),
               ("__le__", _le_from_gt)],
    "__ge__": [("__le__", _le_from_ge), ("__gt__", _gt_from_ge),
               ("__lt__", _lt_from_ge)],
}


def total_ordering(cls):
    """Class decorator: given one of __lt__, __le__, __gt__, __ge__, supply the rest."""
    defined = []
    for op in ("__lt__", "__le__", "__gt__", "__ge__"):
        mine = getattr(cls, op, None)
        if mine is not None and mine is not getattr(object, op, None):
            defined.append(op)
    if not defined:
        raise ValueError(
            "must define at least one ordering operation: < > <= >=")
    root = max(defined)
    for name, func in _derived[root]:
        if name not in defined:
            func.__name__ = name
            setattr(cls, name, func)
    return cls


# ---- cmp_to_key ----

def cmp_to_key(mycmp):
    """Turn an old-style comparison function into a key function."""

    class K(object):
        __slots__ = ("obj",)

        def __init__(self, obj):
            self.obj = obj

        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0

        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0

        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0

        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0

        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0

        __hash__ = None

    return K


# ---- lru_cache ----

_CacheInfo = None


def _cache_info_type():
    global _CacheInfo
    if _CacheInfo is None:
        from collections import namedtuple
        _CacheInfo = namedtuple("CacheInfo",
                                ["hits", "misses", "maxsize", "currsize"])
    return _CacheInfo


# Argument types whose single value can be the cache key itself.
_plain_key_types = (int, str)
_kwd_mark = object()


def _make_key(args, kwds, typed):
    key = args
    if kwds:
        key = key + (_kwd_mark,)
        for item in kwds.items():
            key = key + item
    if typed:
        key = key + tuple([type(v) for v in args])
        if kwds:
            key = key + tuple([type(v) for v in kwds.values()])
    elif len(key) == 1 and type(key[0]) in _plain_key_types:
        return key[0]
    return _HashedKey(key)


class _HashedKey:
    """A tuple key whose hash is computed once."""

    __slots__ = ("items", "hashvalue")

    def __init__(self, items):
        self.items = items
        self.hashvalue = hash(items)

    def __hash__(self):
        return self.hashvalue

    def __eq__(self, other):
        return type(other) is _HashedKey and self.items == other.items


class _lru_cache_wrapper:
    """The callable lru_cache returns: memoises `func` keyed by its arguments.

    A bounded cache keeps its entries on a circular doubly linked list, most recently
    used next to the root: each link is [prev, next, key, result]."""

    def __init__(self, func, maxsize, typed):
        self.__wrapped__ = func
        self._maxsize = maxsize
        self._typed = typed
        self._cache = {}
        self._hits = 0
        self._misses = 0
        root = []
        root[:] = [root, root, None, None]
        self._root = root

    def __call__(self, *args, **kwds):
        maxsize = self._maxsize
        if maxsize == 0:
            self._misses += 1
            return self.__wrapped__(*args, **kwds)
        key = _make_key(args, kwds, self._typed)
        cache = self._cache
        if maxsize is None:
            if key in cache:
                self._hits += 1
                return cache[key]
            self._misses += 1
            result = self.__wrapped__(*args, **kwds)
            cache[key] = result
            return result
        link = cache.get(key)
        if link is not None:
            self._hits += 1
            # Unlink, then put back just before the root (most recently used).
            link_prev, link_next, _, result = link
            link_prev[1] = link_next
            link_next[0] = link_prev
            root = self._root
            last = root[0]
            last[1] = root[0] = link
            link[0] = last
            link[1] = root
            return result
        self._misses += 1
        result = self.__wrapped__(*args, **kwds)
        if key in cache:
            # A recursive call cached it meanwhile; keep that entry.
            return result
        root = self._root
        if len(cache) >= maxsize:
            # Evict the least recently used entry, just after the root.
            oldest = root[1]
            root[1] = oldest[1]
            oldest[1][0] = root
            del cache[oldest[2]]
        last = root[0]
        link = [last, root, key, result]
        last[1] = root[0] = link
        cache[key] = link
        return result

    def cache_info(self):
        """Report cache statistics."""
        return _cache_info_type()(self._hits, self._misses, self._maxsize,
                                  len(self._cache))

    def cache_clear(self):
        """Clear the cache and cache statistics."""
        self._cache.clear()
        root = self._root
        root[:] = [root, root, None, None]
        self._hits = 0
        self._misses = 0

    def cache_parameters(self):
        return {"maxsize": self._maxsize, "typed": self._typed}

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return _BoundCached(self, obj)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


class _BoundCached:
    """A cached function bound to an instance (methods decorated with lru_cache)."""

    def __init__(self, wrapper, obj):
        self.__func__ = wrapper
        self.__self__ = obj

    def __call__(self, *args, **kwds):
        return self.__func__(self.__self__, *args, **kwds)

    def cache_info(self):
        return self.__func__.cache_info()

    def cache_clear(self):
        self.__func__.cache_clear()

    def __getattr__(self, name):
        return getattr(self.__func__, name)

    def __repr__(self):
        return "<bound method {} of {!r}>".format(
            getattr(self.__func__, "__qualname__", "?"), self.__self__)


def lru_cache(maxsize=128, typed=False):
    """Decorator: memoise a function, keeping at most `maxsize` results
    (all of them when maxsize is None)."""
    if isinstance(maxsize, int) and not isinstance(maxsize, bool):
        if maxsize < 0:
            maxsize = 0
    elif callable(maxsize) and isinstance(typed, bool):
        func = maxsize
        wrapper = _lru_cache_wrapper(func, 128, typed)
        return update_wrapper(wrapper, func)
    elif maxsize is not None:
        raise TypeError(
            "Expected first argument to be an integer, a callable, or None")

    def decorating_function(func):
        wrapper = _lru_cache_wrapper(func, maxsize, typed)
        return update_wrapper(wrapper, func)

    return decorating_function


def cache(user_function):
    """Simple unbounded cache (lru_cache(maxsize=None))."""
    return lru_cache(maxsize=None)(user_function)


# ---- cached_property ----

_NOT_FOUND = object()


class cached_property:
    """A property computed once per instance and then stored in its __dict__."""

    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = func.__doc__

    def __set_name__(self, owner, name):
        if self.attrname is None:
            self.attrname = name
        elif name != self.attrname:
            raise TypeError(
                "Cannot assign the same cached_property to two different names "
                "({!r} and {!r}).".format(self.attrname, name))

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        if self.attrname is None:
            raise TypeError(
                "Cannot use cached_property instance without calling "
                "__set_name__ on it.")
        try:
            cache = instance.__dict__
        except AttributeError:
            raise TypeError(
                "No '__dict__' attribute on {!r} instance to cache {!r} "
                "property.".format(type(instance).__name__, self.attrname)) from None
        val = cache.get(self.attrname, _NOT_FOUND)
        if val is _NOT_FOUND:
            val = self.func(instance)
            cache[self.attrname] = val
        return val


# ---- singledispatch ----

def _find_impl(cls, registry):
    for base in cls.__mro__:
        if base in registry:
            return registry[base]
    return registry[object]


def singledispatch(func):
    """Single-dispatch generic function: the implementation is chosen by the type
    of the first argument."""
    registry = {object: func}

    def dispatch(cls):
        return _find_impl(cls, registry)

    def register(cls, func=None):
        if func is None:
            if isinstance(cls, type):
                return lambda f: register(cls, f)
            ann = getattr(cls, "__annotations__", {})
            if not ann:
                raise TypeError(
                    "Invalid first argument to `register()`: {!r}. Use either "
                    "`@register(some_class)` or plain `@register` on an "
                    "annotated function.".format(cls))
            func = cls
            cls = None
            for name, value in ann.items():
                if name != "return":
                    cls = value
                    break
        registry[cls] = func
        return func

    def wrapper(*args, **kw):
        if not args:
            raise TypeError("{} requires at least 1 positional argument".format(
                getattr(func, "__name__", "singledispatch function")))
        return dispatch(args[0].__class__)(*args, **kw)

    wrapper.register = register
    wrapper.dispatch = dispatch
    wrapper.registry = registry
    update_wrapper(wrapper, func)
    return wrapper


class singledispatchmethod:
    """singledispatch for methods: dispatches on the first argument after self."""

    def __init__(self, func):
        if not callable(func) and not hasattr(func, "__get__"):
            raise TypeError("{!r} is not callable or a descriptor".format(func))
        self.dispatcher = singledispatch(func)
        self.func = func

    def register(self, cls, method=None):
        return self.dispatcher.register(cls, func=method)

    def __get__(self, obj, cls=None):
        def _method(*args, **kwargs):
            method = self.dispatcher.dispatch(args[0].__class__)
            return _bind(method, obj, cls)(*args, **kwargs)

        _method.__isabstractmethod__ = getattr(self.func, "__isabstractmethod__",
                                               False)
        _method.register = self.register
        update_wrapper(_method, self.func)
        return _method

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, "__isabstractmethod__", False)
