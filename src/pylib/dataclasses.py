"""dataclasses: the @dataclass decorator, which reads a class's annotated fields (in
definition order) and adds __init__, __repr__, __eq__, ordering, __hash__ and frozen
assignment checks; field(), fields(), asdict(), astuple(), replace(), make_dataclass(),
is_dataclass(), MISSING, KW_ONLY, InitVar and FrozenInstanceError.

Written for gilpy from the documented behaviour of CPython 3.11's module. The generated
methods are closures over the field list (no source is compiled); they raise the same
errors, with the same messages, as CPython's generated code.
"""

import copy as _copy
from collections import _bind_arguments

__all__ = ["dataclass", "field", "Field", "FrozenInstanceError", "InitVar",
           "KW_ONLY", "MISSING", "fields", "asdict", "astuple", "make_dataclass",
           "replace", "is_dataclass"]


class FrozenInstanceError(AttributeError):
    pass


class _MISSING_TYPE:
    pass


MISSING = _MISSING_TYPE()


class _KW_ONLY_TYPE:
    pass


KW_ONLY = _KW_ONLY_TYPE()


class InitVar:
    """Annotation of an init-only pseudo-field, passed to __post_init__."""
    __slots__ = ("type",)

    def __init__(self, type):
        self.type = type

    def __repr__(self):
        if isinstance(self.type, type):
            name = self.type.__name__
        else:
            name = repr(self.type)
        return "dataclasses.InitVar[" + name + "]"

    def __class_getitem__(cls, type):
        return InitVar(type)


class _FieldKind:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name


_FIELD = _FieldKind("_FIELD")
_FIELD_CLASSVAR = _FieldKind("_FIELD_CLASSVAR")
_FIELD_INITVAR = _FieldKind("_FIELD_INITVAR")


class Field:
    """One field of a dataclass: name, type, default or default_factory, and whether
    it takes part in __init__, __repr__, comparisons and hashing."""

    def __init__(self, default, default_factory, init, repr, hash, compare,
                 metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = {} if metadata is None else metadata
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        return ("Field(name=" + repr(self.name) + ",type=" + repr(self.type) +
                ",default=" + repr(self.default) +
                ",default_factory=" + repr(self.default_factory) +
                ",init=" + repr(self.init) + ",repr=" + repr(self.repr) +
                ",hash=" + repr(self.hash) + ",compare=" + repr(self.compare) +
                ",metadata=" + repr(self.metadata) + ",kw_only=" + repr(self.kw_only) +
                ",_field_type=" + repr(self._field_type) + ")")

    def __set_name__(self, owner, name):
        func = getattr(type(self.default), "__set_name__", None)
        if func is not None:
            func(self.default, owner, name)


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True,
          hash=None, compare=True, metadata=None, kw_only=MISSING):
    """Describe a field: a default (or a factory called for each instance) and its
    options."""
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError("cannot specify both default and default_factory")
    return Field(default, default_factory, init, repr, hash, compare, metadata,
                 kw_only)


_FIELDS = "__dataclass_fields__"
_PARAMS = "__dataclass_params__"


class _DataclassParams:
    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen

    def __repr__(self):
        return ("_DataclassParams(init=" + repr(self.init) + ",repr=" +
                repr(self.repr) + ",eq=" + repr(self.eq) + ",order=" +
                repr(self.order) + ",unsafe_hash=" + repr(self.unsafe_hash) +
                ",frozen=" + repr(self.frozen) + ")")


def _is_classvar(annotation):
    if isinstance(annotation, str):
        return annotation.startswith("ClassVar") or \
            annotation.startswith("typing.ClassVar")
    typing = _sys_modules().get("typing")
    if typing is None:
        return False
    return annotation is typing.ClassVar or \
        getattr(annotation, "__origin__", None) is typing.ClassVar


def _is_initvar(annotation):
    if isinstance(annotation, str):
        return annotation.startswith("InitVar") or \
            annotation.startswith("dataclasses.InitVar")
    return annotation is InitVar or isinstance(annotation, InitVar)


def _is_kw_only_marker(annotation):
    if isinstance(annotation, str):
        return annotation in ("KW_ONLY", "dataclasses.KW_ONLY")
    return annotation is KW_ONLY


def _sys_modules():
    import sys
    return sys.modules


def _get_field(cls, name, annotation, default_kw_only):
    default = cls.__dict__.get(name, MISSING)
    if isinstance(default, Field):
        f = default
    else:
        f = field(default=default)
    f.name = name
    f.type = annotation
    f._field_type = _FIELD
    if _is_classvar(annotation):
        f._field_type = _FIELD_CLASSVAR
    elif _is_initvar(annotation):
        f._field_type = _FIELD_INITVAR
    if f._field_type is not _FIELD:
        if f.default_factory is not MISSING:
            raise TypeError("field " + name + " cannot have a default factory")
    if f._field_type is _FIELD or f._field_type is _FIELD_INITVAR:
        if f.kw_only is MISSING:
            f.kw_only = default_kw_only
    else:
        f.kw_only = False
    if f._field_type is _FIELD and f.default is not MISSING and \
            type(f.default).__hash__ is None:
        raise ValueError("mutable default " + repr(type(f.default)) +
                         " for field " + name +
                         " is not allowed: use default_factory")
    return f


def _set_new_attribute(cls, name, value):
    if name in cls.__dict__:
        return True
    setattr(cls, name, value)
    return False


def _name_method(func, cls, name):
    func.__name__ = name
    func.__qualname__ = cls.__qualname__ + "." + name
    return func


# ---- generated methods ----

def _make_init(cls, all_fields, frozen, has_post_init):
    std = [f for f in all_fields
           if f._field_type in (_FIELD, _FIELD_INITVAR) and f.init]
    pos_names = tuple([f.name for f in std if not f.kw_only])
    kw_names = tuple([f.name for f in std if f.kw_only])
    seen_default = None
    for f in std:
        if f.kw_only:
            continue
        has_default = f.default is not MISSING or f.default_factory is not MISSING
        if has_default:
            seen_default = f
        elif seen_default is not None:
            raise TypeError("non-default argument " + repr(f.name) +
                            " follows default argument")
    # Defaults the binder may fill in; factories are called per instance.
    defaults = {}
    for f in std:
        if f.default_factory is not MISSING:
            defaults[f.name] = _FACTORY
        elif f.default is not MISSING:
            defaults[f.name] = f.default
    qualname = cls.__qualname__ + ".__init__"
    by_name = {}
    for f in all_fields:
        by_name[f.name] = f
    # Fields that are not __init__ parameters but still get a value.
    hidden = [f for f in all_fields
              if f._field_type is _FIELD and not f.init and
              (f.default is not MISSING or f.default_factory is not MISSING)]
    initvar_names = [f.name for f in std if f._field_type is _FIELD_INITVAR]
    if frozen:
        def store(obj, name, value):
            object.__setattr__(obj, name, value)
    else:
        def store(obj, name, value):
            setattr(obj, name, value)

    def __init__(self, *args, **kwargs):
        values = _bind_arguments(qualname, pos_names, defaults, args, kwargs,
                                 kw_names)
        initvars = []
        for name, value in zip(pos_names + kw_names, values):
            f = by_name[name]
            if value is _FACTORY:
                value = f.default_factory()
            if f._field_type is _FIELD_INITVAR:
                initvars.append(value)
                continue
            store(self, name, value)
        for f in hidden:
            if f.default_factory is not MISSING:
                store(self, f.name, f.default_factory())
            else:
                store(self, f.name, f.default)
        if has_post_init:
            self.__post_init__(*initvars)

    __init__.__dataclass_initvars__ = initvar_names
    return _name_method(__init__, cls, "__init__")


class _FactoryMarker:
    def __repr__(self):
        return "<factory>"


_FACTORY = _FactoryMarker()

# Objects whose repr is being built, for "..." on self-reference.
_repr_running = set()


def _make_repr(cls, flds):
    names = [f.name for f in flds if f.repr]

    def __repr__(self):
        key = id(self)
        if key in _repr_running:
            return "..."
        _repr_running.add(key)
        try:
            parts = [name + "=" + repr(getattr(self, name)) for name in names]
        finally:
            _repr_running.discard(key)
        return self.__class__.__qualname__ + "(" + ", ".join(parts) + ")"

    return _name_method(__repr__, cls, "__repr__")


def _make_eq(cls, flds):
    names = [f.name for f in flds if f.compare]

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return tuple([getattr(self, n) for n in names]) == \
                tuple([getattr(other, n) for n in names])
        return NotImplemented

    return _name_method(__eq__, cls, "__eq__")


def _make_order(cls, flds, name):
    names = [f.name for f in flds if f.compare]

    def key(obj):
        return tuple([getattr(obj, n) for n in names])

    if name == "__lt__":
        def method(self, other):
            if other.__class__ is self.__class__:
                return key(self) < key(other)
            return NotImplemented
    elif name == "__le__":
        def method(self, other):
            if other.__class__ is self.__class__:
                return key(self) <= key(other)
            return NotImplemented
    elif name == "__gt__":
        def method(self, other):
            if other.__class__ is self.__class__:
                return key(self) > key(other)
            return NotImplemented
    else:
        def method(self, other):
            if other.__class__ is self.__class__:
                return key(self) >= key(other)
            return NotImplemented
    return _name_method(method, cls, name)


def _make_hash(cls, flds):
    names = [f.name for f in flds
             if (f.compare if f.hash is None else f.hash)]

    def __hash__(self):
        return hash(tuple([getattr(self, n) for n in names]))

    return _name_method(__hash__, cls, "__hash__")


def _make_frozen(cls, flds):
    names = frozenset([f.name for f in flds])

    def __setattr__(self, name, value):
        if type(self) is cls or name in names:
            raise FrozenInstanceError("cannot assign to field " + repr(name))
        super(cls, self).__setattr__(name, value)

    def __delattr__(self, name):
        if type(self) is cls or name in names:
            raise FrozenInstanceError("cannot delete field " + repr(name))
        super(cls, self).__delattr__(name)

    return (_name_method(__setattr__, cls, "__setattr__"),
            _name_method(__delattr__, cls, "__delattr__"))


# ---- the decorator ----

def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args,
                   kw_only, slots):
    all_fields = {}
    any_frozen_base = False
    has_dataclass_bases = False
    for base in cls.__mro__[-1:0:-1]:
        base_fields = base.__dict__.get(_FIELDS)
        if base_fields is not None:
            has_dataclass_bases = True
            for f in base_fields.values():
                all_fields[f.name] = f
            if base.__dict__[_PARAMS].frozen:
                any_frozen_base = True

    annotations = cls.__dict__.get("__annotations__", {})
    own_fields = []
    kw_only_now = kw_only
    for name, annotation in annotations.items():
        if _is_kw_only_marker(annotation):
            kw_only_now = True
            continue
        own_fields.append(_get_field(cls, name, annotation, kw_only_now))
    for f in own_fields:
        all_fields[f.name] = f
        # The class attribute keeps a plain default; a Field object is removed.
        if isinstance(cls.__dict__.get(f.name), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)
    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and name not in annotations:
            raise TypeError(repr(name) + " is a field but has no type annotation")

    if has_dataclass_bases:
        if any_frozen_base and not frozen:
            raise TypeError("cannot inherit non-frozen dataclass from a frozen one")
        if not any_frozen_base and frozen:
            raise TypeError("cannot inherit frozen dataclass from a non-frozen one")

    setattr(cls, _FIELDS, all_fields)
    setattr(cls, _PARAMS, _DataclassParams(init, repr, eq, order, unsafe_hash,
                                           frozen))

    class_hash = cls.__dict__.get("__hash__", MISSING)
    has_explicit_hash = not (class_hash is MISSING or
                             (class_hash is None and "__eq__" in cls.__dict__))

    flds = [f for f in all_fields.values() if f._field_type is _FIELD]
    all_list = list(all_fields.values())
    if init:
        has_post_init = hasattr(cls, "__post_init__")
        _set_new_attribute(cls, "__init__",
                           _make_init(cls, all_list, frozen, has_post_init))
    if repr:
        _set_new_attribute(cls, "__repr__", _make_repr(cls, flds))
    if eq:
        _set_new_attribute(cls, "__eq__", _make_eq(cls, flds))
    if order:
        for name in ("__lt__", "__le__", "__gt__", "__ge__"):
            if _set_new_attribute(cls, name, _make_order(cls, flds, name)):
                raise TypeError("Cannot overwrite attribute " + name +
                                " in class " + cls.__name__ +
                                ". Consider using functools.total_ordering")
    if frozen:
        setter, deleter = _make_frozen(cls, flds)
        for name, fn in (("__setattr__", setter), ("__delattr__", deleter)):
            if _set_new_attribute(cls, name, fn):
                raise TypeError("Cannot overwrite attribute " + name +
                                " in class " + cls.__name__)

    # Which __hash__ the class ends up with, as the dataclass rules decide.
    if unsafe_hash:
        if has_explicit_hash:
            raise TypeError("Cannot overwrite attribute __hash__ in class " +
                            cls.__name__)
        cls.__hash__ = _make_hash(cls, flds)
    elif eq and frozen:
        if not has_explicit_hash:
            cls.__hash__ = _make_hash(cls, flds)
    elif eq:
        if not has_explicit_hash:
            cls.__hash__ = None

    if not getattr(cls, "__doc__", None):
        cls.__doc__ = cls.__name__ + _signature_text(all_list)

    if match_args:
        _set_new_attribute(cls, "__match_args__",
                           tuple([f.name for f in all_list
                                  if f._field_type in (_FIELD, _FIELD_INITVAR)
                                  and f.init and not f.kw_only]))
    if slots:
        cls = _add_slots(cls, frozen)
    return cls


def _annotation_text(t):
    """An annotation as inspect.signature shows it."""
    if isinstance(t, type):
        if t.__module__ == "builtins":
            return t.__qualname__
        return t.__module__ + "." + t.__qualname__
    if isinstance(t, str):
        return t
    text = repr(t)
    if text.startswith("typing."):
        return text[len("typing."):]
    return text


def _signature_text(all_fields):
    """'(x: int, y: int = 0)': the __init__ signature, used as the default docstring."""
    parts = []
    star = False
    for f in all_fields:
        if f._field_type is _FIELD_CLASSVAR or not f.init:
            continue
        if f.kw_only and not star:
            parts.append("*")
            star = True
        text = f.name + ": " + _annotation_text(f.type)
        if f.default_factory is not MISSING:
            text += " = <factory>"
        elif f.default is not MISSING:
            text += " = " + repr(f.default)
        parts.append(text)
    return "(" + ", ".join(parts) + ")"


def _add_slots(cls, frozen):
    ns = dict(cls.__dict__)
    names = tuple([f.name for f in fields(cls)])
    ns["__slots__"] = names
    for name in names:
        ns.pop(name, None)
    ns.pop("__dict__", None)
    ns.pop("__weakref__", None)
    qualname = getattr(cls, "__qualname__", None)
    new_cls = type(cls)(cls.__name__, cls.__bases__, ns)
    if qualname is not None:
        new_cls.__qualname__ = qualname
    return new_cls


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False,
              unsafe_hash=False, frozen=False, match_args=True, kw_only=False,
              slots=False, weakref_slot=False):
    """Class decorator adding the special methods of a record type, from the
    annotated class attributes."""
    if order and not eq:
        raise ValueError("eq must be true if order is true")

    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen,
                              match_args, kw_only, slots)

    if cls is None:
        return wrap
    return wrap(cls)


# ---- helpers on dataclasses ----

def fields(class_or_instance):
    """The fields of a dataclass (type or instance), in order, without ClassVar and
    InitVar pseudo-fields."""
    try:
        flds = getattr(class_or_instance, _FIELDS)
    except AttributeError:
        raise TypeError("must be called with a dataclass type or instance") from None
    return tuple([f for f in flds.values() if f._field_type is _FIELD])


def _is_dataclass_instance(obj):
    return hasattr(type(obj), _FIELDS)


def is_dataclass(obj):
    """Whether obj is a dataclass or an instance of one."""
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, _FIELDS)


def asdict(obj, *, dict_factory=dict):
    """The fields as a dict, converting nested dataclasses, lists, tuples and dicts
    recursively (other values are deep-copied)."""
    if not _is_dataclass_instance(obj):
        raise TypeError("asdict() should be called on dataclass instances")
    return _asdict_inner(obj, dict_factory)


def _asdict_inner(obj, dict_factory):
    if _is_dataclass_instance(obj):
        result = []
        for f in fields(obj):
            result.append((f.name, _asdict_inner(getattr(obj, f.name), dict_factory)))
        return dict_factory(result)
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):
        return type(obj)(*[_asdict_inner(v, dict_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_asdict_inner(v, dict_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_asdict_inner(k, dict_factory),
                          _asdict_inner(v, dict_factory))
                         for k, v in obj.items())
    return _copy.deepcopy(obj)


def astuple(obj, *, tuple_factory=tuple):
    """The field values as a tuple, converting nested values like asdict()."""
    if not _is_dataclass_instance(obj):
        raise TypeError("astuple() should be called on dataclass instances")
    return _astuple_inner(obj, tuple_factory)


def _astuple_inner(obj, tuple_factory):
    if _is_dataclass_instance(obj):
        return tuple_factory([_astuple_inner(getattr(obj, f.name), tuple_factory)
                              for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):
        return type(obj)(*[_astuple_inner(v, tuple_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_astuple_inner(v, tuple_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_astuple_inner(k, tuple_factory),
                          _astuple_inner(v, tuple_factory))
                         for k, v in obj.items())
    return _copy.deepcopy(obj)


def replace(obj, /, **changes):
    """A new instance like obj with some fields changed (through __init__)."""
    if not _is_dataclass_instance(obj):
        raise TypeError("replace() should be called on dataclass instances")
    for f in getattr(obj, _FIELDS).values():
        if f._field_type is _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError("field " + f.name + " is declared with init=False, "
                                 "it cannot be specified with replace()")
            continue
        if f.name not in changes:
            if f._field_type is _FIELD_INITVAR and f.default is MISSING:
                raise ValueError("InitVar " + repr(f.name) +
                                 " must be specified with replace()")
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, init=True,
                   repr=True, eq=True, order=False, unsafe_hash=False,
                   frozen=False, match_args=True, kw_only=False, slots=False,
                   weakref_slot=False, module=None):
    """Create a dataclass from a list of names, (name, type) or
    (name, type, Field) items."""
    ns = dict(namespace or {})
    annotations = {}
    seen = set()
    for item in fields:
        if isinstance(item, str):
            name = item
            tp = "typing.Any"
        elif len(item) == 2:
            name, tp = item
        elif len(item) == 3:
            name, tp, spec = item
            ns[name] = spec
        else:
            raise TypeError("Invalid field: " + repr(item))
        if not isinstance(name, str) or not name.isidentifier():
            raise TypeError("Field names must be valid identifiers: " + repr(name))
        if name in seen:
            raise TypeError("Field name duplicated: " + repr(name))
        seen.add(name)
        annotations[name] = tp
    ns["__annotations__"] = annotations
    ns["__module__"] = module if module is not None else "types"
    cls = type(cls_name, bases, ns)
    return dataclass(cls, init=init, repr=repr, eq=eq, order=order,
                     unsafe_hash=unsafe_hash, frozen=frozen, match_args=match_args,
                     kw_only=kw_only, slots=slots)
