"""copy: shallow and deep copies -- copy() and deepcopy() (with the memo dict that keeps
shared and self-referencing structure), honouring __copy__ / __deepcopy__, __reduce__ and
the __getstate__/__setstate__ hooks; copy.Error.

Written for gilpy from the documented behaviour of CPython 3.11's module. Instances of
classes are rebuilt with cls.__new__(cls) and their __dict__ (and __slots__) copied;
subclasses of list, dict and set get their items copied too.
"""

__all__ = ["Error", "copy", "deepcopy"]


class Error(Exception):
    pass


error = Error


def _function():
    pass


# Values copy() and deepcopy() return unchanged.
_atomic = {type(None), int, float, bool, str, bytes, type, range,
           type(_function), type(len), type(Ellipsis), type(NotImplemented),
           type(1j)}
try:
    _atomic.add(type(property()))
except TypeError:
    pass

_missing = object()


def _is_atomic(cls):
    if cls in _atomic:
        return True
    # Classes (any metaclass) are copied by reference too.
    return issubclass(cls, type)


def _class_dict_lookup(cls, name):
    for base in cls.__mro__:
        if name in base.__dict__:
            return base.__dict__[name]
    return _missing


def _slot_names(cls):
    names = []
    for base in cls.__mro__:
        slots = base.__dict__.get("__slots__", ())
        if isinstance(slots, str):
            slots = (slots,)
        for name in slots:
            if name in ("__dict__", "__weakref__"):
                continue
            if name.startswith("__") and not name.endswith("__"):
                name = "_" + base.__name__.lstrip("_") + name
            names.append(name)
    return names


def _get_state(x):
    """The state an instance is rebuilt from: __getstate__() when the class defines
    one, else its __dict__ (a copy) plus its slots."""
    getstate = _class_dict_lookup(type(x), "__getstate__")
    if getstate is not _missing and getstate is not getattr(object, "__getstate__", None):
        return x.__getstate__()
    state = None
    d = getattr(x, "__dict__", None)
    if d:
        state = dict(d)
    slots = {}
    for name in _slot_names(type(x)):
        try:
            slots[name] = getattr(x, name)
        except AttributeError:
            pass
    if slots:
        return (state, slots)
    return state


def _set_state(y, state):
    if state is None:
        return
    setstate = getattr(y, "__setstate__", None)
    if setstate is not None and _class_dict_lookup(type(y), "__setstate__") is not _missing:
        setstate(state)
        return
    slots = None
    if isinstance(state, tuple) and len(state) == 2:
        state, slots = state
    if state:
        y.__dict__.update(state)
    if slots:
        for name, value in slots.items():
            setattr(y, name, value)


def _new_like(x, memo=None):
    """A new, empty object of x's class (tuple subclasses get their items now, deep
    copied when a memo is given)."""
    cls = type(x)
    getnewargs = getattr(x, "__getnewargs__", None)
    args = None
    if getnewargs is not None:
        args = getnewargs()
    elif isinstance(x, tuple):
        args = (tuple(x),)
    if args is None:
        return cls.__new__(cls)
    if memo is not None:
        args = deepcopy(args, memo)
    return cls.__new__(cls, *args)


def _reduce(x):
    """x.__reduce_ex__(4) or x.__reduce__(), when the class provides one, else None."""
    cls = type(x)
    for name in ("__reduce_ex__", "__reduce__"):
        method = _class_dict_lookup(cls, name)
        if method is _missing or method is _class_dict_lookup(object, name):
            continue
        if name == "__reduce_ex__":
            return getattr(x, name)(4)
        return getattr(x, name)()
    return None


def _reconstruct(x, info, deep, memo):
    if isinstance(info, str):
        return x
    func, args = info[0], info[1]
    state = info[2] if len(info) > 2 else None
    listitems = info[3] if len(info) > 3 else None
    dictitems = info[4] if len(info) > 4 else None
    if deep:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        _set_state(y, state)
    if listitems is not None:
        for item in listitems:
            if deep:
                item = deepcopy(item, memo)
            y.append(item)
    if dictitems is not None:
        for key, value in dictitems:
            if deep:
                key = deepcopy(key, memo)
                value = deepcopy(value, memo)
            y[key] = value
    return y


def _copy_instance(x):
    y = _new_like(x)
    if isinstance(x, dict):
        for k, v in dict.items(x):
            dict.__setitem__(y, k, v)
    elif isinstance(x, list):
        list.extend(y, x)
    elif isinstance(x, set):
        set.update(y, x)
    _set_state(y, _get_state(x))
    return y


def copy(x):
    """A shallow copy of x."""
    cls = type(x)
    if _is_atomic(cls):
        return x
    if cls is list:
        return list(x)
    if cls is dict:
        return dict(x)
    if cls is set:
        return set(x)
    if cls is tuple or cls is frozenset:
        return x
    if cls is bytearray:
        return bytearray(x)
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    info = _reduce(x)
    if info is not None:
        return _reconstruct(x, info, False, None)
    return _copy_instance(x)


def _keep_alive(x, memo):
    """Keep x alive as long as the memo: its id must not be reused by another object
    while the memo maps it."""
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def deepcopy(x, memo=None, _nil=[]):
    """A deep copy of x: containers and instances are copied recursively; objects
    reached twice are copied once."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if _is_atomic(cls):
        return x
    if cls is list:
        y = []
        memo[d] = y
        for item in x:
            y.append(deepcopy(item, memo))
    elif cls is tuple:
        items = [deepcopy(item, memo) for item in x]
        # The tuple may have been copied while copying its items (a cycle through it).
        if d in memo:
            return memo[d]
        same = True
        for a, b in zip(x, items):
            if a is not b:
                same = False
                break
        y = x if same else tuple(items)
    elif cls is dict:
        y = {}
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls is set:
        y = set()
        memo[d] = y
        for item in x:
            y.add(deepcopy(item, memo))
    elif cls is frozenset:
        y = frozenset([deepcopy(item, memo) for item in x])
    elif cls is bytearray:
        y = bytearray(x)
    else:
        copier = getattr(x, "__deepcopy__", None)
        if copier is not None and not isinstance(x, type):
            y = copier(memo)
        else:
            info = _reduce(x)
            if info is not None:
                y = _reconstruct(x, info, True, memo)
            else:
                y = _deepcopy_instance(x, memo)
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _deepcopy_instance(x, memo):
    y = _new_like(x, memo)
    memo[id(x)] = y
    if isinstance(x, dict):
        for k, v in dict.items(x):
            dict.__setitem__(y, deepcopy(k, memo), deepcopy(v, memo))
    elif isinstance(x, list):
        for item in x:
            list.append(y, deepcopy(item, memo))
    elif isinstance(x, set):
        for item in x:
            set.add(y, deepcopy(item, memo))
    state = _get_state(x)
    if state is not None:
        _set_state(y, deepcopy(state, memo))
    return y
