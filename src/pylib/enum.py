"""enum: enumerations -- EnumType (EnumMeta), Enum, IntEnum, StrEnum, Flag, IntFlag, auto,
unique, and the functional API Enum('Name', 'A B C').

Written for gilpy from the documented behaviour of CPython 3.11's module. A class body's
plain attributes become the members (instances of the class, created once, in definition
order); equal values make aliases; lookups are Color(value) and Color['NAME'].
"""

__all__ = ["EnumType", "EnumMeta", "Enum", "IntEnum", "StrEnum", "Flag", "IntFlag",
           "ReprEnum", "auto", "unique", "global_enum", "verify", "member",
           "nonmember", "property"]

_builtin_property = property


class auto:
    """A placeholder value: the enum chooses it (next integer, next power of two for
    flags, the lower-cased name for StrEnum)."""

    def __init__(self, value=None):
        self.value = value if value is not None else _auto_null

    def __repr__(self):
        return "auto(" + repr(self.value) + ")"


class _AutoNull:
    def __repr__(self):
        return "_auto_null"


_auto_null = _AutoNull()


class member:
    """Force an attribute to become a member."""

    def __init__(self, value):
        self.value = value


class nonmember:
    """Keep an attribute from becoming a member."""

    def __init__(self, value):
        self.value = value


property = _builtin_property


def _is_dunder(name):
    return len(name) > 4 and name[:2] == "__" and name[-2:] == "__" and \
        name[2] != "_" and name[-3] != "_"


def _is_sunder(name):
    return len(name) > 2 and name[0] == "_" and name[-1] == "_" and \
        name[1] != "_" and name[-2] != "_"


def _function():
    pass


_never_members = (type(_function), classmethod, staticmethod, _builtin_property)


def _is_descriptor(obj):
    if isinstance(obj, _never_members):
        return True
    return hasattr(obj, "__get__") or hasattr(obj, "__set__") or \
        hasattr(obj, "__delete__")


def _is_private(cls_name, name):
    prefix = "_" + cls_name.lstrip("_") + "__"
    return name.startswith(prefix) and not name.endswith("__")


def _member_type(bases):
    """The builtin data type members also are (int for IntEnum, ...), or object."""
    for base in bases:
        for klass in base.__mro__:
            if klass is object:
                continue
            if isinstance(klass, EnumType):
                continue
            if "__new__" in klass.__dict__ or klass in (int, str, float, bytes,
                                                        tuple):
                return klass
    return object


def _probe_metaclass_setattr():
    """Whether `Cls.x = v` and `del Cls.x` go through the metaclass's __setattr__ /
    __delattr__, which can then continue with type's, in this runtime (members are
    protected from rebinding only then)."""
    seen = []

    class Probe(type):
        def __setattr__(cls, name, value):
            seen.append(name)
            type.__setattr__(cls, name, value)

        def __delattr__(cls, name):
            seen.append(name)
            type.__delattr__(cls, name)

    class Target(metaclass=Probe):
        pass

    try:
        Target.probe = 1
        del Target.probe
    except Exception:
        # Missing pieces show up as AttributeError, or as RecursionError when type's
        # method comes back to the metaclass's.
        return False
    return len(seen) == 2 and not hasattr(Target, "probe")


_metaclass_setattr_works = _probe_metaclass_setattr()


class EnumType(type):
    """Metaclass of enumerations: turns the class body's attributes into members and
    makes the class iterable, sized and indexable by member name."""

    def __new__(metacls, cls, bases, classdict, *, boundary=None, _simple=False,
                **kwds):
        if not bases or (len(bases) == 1 and bases[0] is object):
            ns = dict(classdict)
            ns["_member_names_"] = []
            ns["_member_map_"] = {}
            ns["_value2member_map_"] = {}
            return super().__new__(metacls, cls, bases, ns, **kwds)
        for base in bases:
            if isinstance(base, EnumType) and base._member_names_:
                raise TypeError("<enum " + repr(cls) + "> cannot extend " +
                                repr(base))
        ns = {}
        members = []
        for key, value in classdict.items():
            if isinstance(value, nonmember):
                ns[key] = value.value
                continue
            if isinstance(value, member):
                members.append((key, value.value))
                continue
            if (_is_dunder(key) or _is_sunder(key) or _is_private(cls, key)
                    or _is_descriptor(value)):
                ns[key] = value
                continue
            members.append((key, value))
        user_new = ns.pop("__new__", None)
        member_type = _member_type(bases)
        ns["_member_names_"] = []
        ns["_member_map_"] = {}
        ns["_value2member_map_"] = {}
        ns["_member_type_"] = member_type
        enum_class = super().__new__(metacls, cls, bases, ns, **kwds)
        if user_new is not None:
            if isinstance(user_new, staticmethod):
                user_new = user_new.__func__
            setattr(enum_class, "_new_member_", user_new)
        # Calling the class looks a member up; a mixed-in type's __new__ (or the
        # class's own) only ever builds the members.
        setattr(enum_class, "__new__", Enum.__dict__["__new__"])
        _prefer_enum_methods(enum_class, classdict, member_type)
        if ReprEnum is not None and ReprEnum in bases:
            if "__str__" not in classdict:
                setattr(enum_class, "__str__", _mixin_str(member_type))
            if "__format__" not in classdict:
                setattr(enum_class, "__format__", _mixin_format)
        last_values = []
        for index, (key, value) in enumerate(members):
            if isinstance(value, auto):
                if value.value is _auto_null:
                    value.value = enum_class._generate_next_value_(
                        key, 1, index, list(last_values))
                value = value.value
            elif isinstance(value, tuple):
                value = tuple([v.value if isinstance(v, auto) else v for v in value])
            _add_member(enum_class, key, value, member_type)
            last_values.append(enum_class._member_map_[key]._value_)
        if Flag is not None and issubclass(enum_class, Flag):
            mask = 0
            for m in enum_class:
                mask |= m._value_
            setattr(enum_class, "_flag_mask_", mask)
        return enum_class

    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None,
                 start=1, boundary=None):
        if names is None:
            return cls.__new__(cls, value)
        return _create_enum(cls, value, names, module, type, start)

    def __contains__(cls, value):
        if isinstance(value, cls):
            return True
        if not isinstance(value, Enum):
            raise TypeError("unsupported operand type(s) for 'in': '" +
                            type(value).__qualname__ + "' and '" +
                            type(cls).__qualname__ + "'")
        return False

    def __iter__(cls):
        return iter([cls._member_map_[name] for name in cls._member_names_])

    def __reversed__(cls):
        names = list(cls._member_names_)
        names.reverse()
        return iter([cls._member_map_[name] for name in names])

    def __len__(cls):
        return len(cls._member_names_)

    def __bool__(cls):
        return True

    def __getitem__(cls, name):
        return cls._member_map_[name]

    @_builtin_property
    def __members__(cls):
        return dict(cls._member_map_)

    def __repr__(cls):
        if Flag is not None and issubclass(cls, Flag):
            return "<flag " + repr(cls.__name__) + ">"
        return "<enum " + repr(cls.__name__) + ">"

    if _metaclass_setattr_works:
        def __setattr__(cls, name, value):
            if name in cls.__dict__.get("_member_map_", {}):
                raise AttributeError("cannot reassign member " + repr(name))
            type.__setattr__(cls, name, value)

        def __delattr__(cls, name):
            if name in cls.__dict__.get("_member_map_", {}):
                raise AttributeError(repr(cls.__name__) + " cannot delete member " +
                                     repr(name) + ".")
            type.__delattr__(cls, name)

    def __dir__(cls):
        names = ["__class__", "__contains__", "__doc__", "__getitem__",
                 "__init_subclass__", "__iter__", "__len__", "__members__",
                 "__module__", "__name__", "__qualname__"]
        return sorted(set(names + list(cls._member_names_)))


EnumMeta = EnumType


def _prefer_enum_methods(enum_class, classdict, member_type):
    """repr/str/format found on the mixed-in data type (int, str, ...) or object,
    rather than on an enum base, are replaced by the enum base's."""
    for name in ("__repr__", "__str__", "__format__"):
        if name in classdict:
            continue
        owner = None
        for klass in enum_class.__mro__:
            if name in klass.__dict__:
                owner = klass
                break
        if owner is not member_type and owner is not object:
            continue
        for klass in enum_class.__mro__:
            if isinstance(klass, EnumType) and name in klass.__dict__:
                setattr(enum_class, name, klass.__dict__[name])
                break


def _mixin_str(member_type):
    if member_type is str:
        def __str__(self):
            return str.__str__(self)
    else:
        def __str__(self):
            return repr(self._value_)
    return __str__


def _mixin_format(self, format_spec):
    return format(self._value_, format_spec)


def _add_member(enum_class, name, value, member_type):
    """Create one member (or record an alias of an existing one)."""
    args = value if isinstance(value, tuple) else (value,)
    if member_type is tuple:
        args = (args,)
    creator = enum_class.__dict__.get("_new_member_")
    if creator is None:
        for klass in enum_class.__mro__:
            if "_new_member_" in klass.__dict__:
                creator = klass.__dict__["_new_member_"]
                break
    if creator is not None:
        new_member = creator(enum_class, *args)
    elif member_type is object:
        new_member = object.__new__(enum_class)
    else:
        new_member = member_type.__new__(enum_class, *args)
    if not hasattr(new_member, "_value_"):
        if member_type is object:
            new_member._value_ = value
        else:
            new_member._value_ = member_type(*args)
    value = new_member._value_
    new_member._name_ = name
    new_member.__objclass__ = enum_class
    new_member._sort_order_ = len(enum_class._member_names_)
    init = None
    for klass in enum_class.__mro__:
        if "__init__" in klass.__dict__:
            init = klass.__dict__["__init__"]
            break
    if init is not None and init is not Enum.__dict__["__init__"] and \
            init is not object.__init__ and klass is not member_type:
        init(new_member, *args)
    for existing in enum_class._member_map_.values():
        if existing._value_ == value:
            new_member = existing
            break
    else:
        if Flag is None or not issubclass(enum_class, Flag) or _is_single_bit(value):
            enum_class._member_names_.append(name)
        elif value == 0 or not _is_single_bit(value):
            # Multi-bit flag values are aliases of a combination, not canonical.
            pass
    # Set before registering: EnumType.__setattr__ refuses to rebind members.
    setattr(enum_class, name, new_member)
    enum_class._member_map_[name] = new_member
    try:
        if value not in enum_class._value2member_map_:
            enum_class._value2member_map_[value] = new_member
    except TypeError:
        pass


def _is_single_bit(value):
    return isinstance(value, int) and value > 0 and (value & (value - 1)) == 0


def _create_enum(cls, class_name, names, module, type_, start):
    """The functional API: Enum('Name', 'A B') / [('A', 1), ...] / {'A': 1}."""
    bases = (cls,) if type_ is None else (type_, cls)
    if isinstance(names, str):
        names = names.replace(",", " ").split()
    items = []
    if isinstance(names, dict):
        items = list(names.items())
    else:
        names = list(names)
        if names and isinstance(names[0], str):
            last_values = []
            for count, name in enumerate(names):
                value = cls._generate_next_value_(name, start, count, list(last_values))
                last_values.append(value)
                items.append((name, value))
        else:
            items = [tuple(item) for item in names]
    classdict = {}
    for name, value in items:
        classdict[name] = value
    if module is None:
        import sys
        getframe = getattr(sys, "_getframe", None)
        module = "__main__"
        if getframe is not None:
            try:
                module = getframe(2).f_globals.get("__name__", "__main__")
            except (AttributeError, ValueError):
                pass
    classdict["__module__"] = module
    metacls = type(cls)
    return metacls.__new__(metacls, class_name, bases, classdict)


class Enum(metaclass=EnumType):
    """Base class of enumerations: subclass it and list the members as class
    attributes."""

    def __new__(cls, value, names=None, *, module=None, qualname=None, type=None,
                start=1, boundary=None):
        if names is not None:
            return _create_enum(cls, value, names, module, type, start)
        if isinstance(value, cls) and type is None:
            return value
        try:
            return cls._value2member_map_[value]
        except KeyError:
            pass
        except TypeError:
            for m in cls._member_map_.values():
                if m._value_ == value:
                    return m
        result = cls._missing_(value)
        if isinstance(result, cls):
            return result
        if result is None:
            raise ValueError(repr(value) + " is not a valid " + cls.__qualname__)
        raise TypeError("error in " + cls.__name__ + "._missing_: returned " +
                        repr(result) + " instead of None or a valid member")

    def __init__(self, *args, **kwds):
        pass

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        """Next value for auto(): one more than the last value, or `start`."""
        if not last_values:
            return start
        for last in reversed(last_values):
            try:
                return last + 1
            except TypeError:
                pass
        return start

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        return "<" + self.__class__.__name__ + "." + self._name_ + ": " + \
            repr(self._value_) + ">"

    def __str__(self):
        return self.__class__.__name__ + "." + self._name_

    def __format__(self, format_spec):
        return format(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __dir__(self):
        return ["__class__", "__doc__", "__eq__", "__hash__", "__module__", "name",
                "value"]

    @_builtin_property
    def name(self):
        """The member's name."""
        return self._name_

    @_builtin_property
    def value(self):
        """The member's value."""
        return self._value_


# Set after the base classes exist, so EnumType.__new__ can test for them.
ReprEnum = None
Flag = None


class ReprEnum(Enum):
    """Members print (str and format) as their mixed-in type's value; only repr()
    shows the enum."""


class IntEnum(int, ReprEnum):
    """Enum whose members are also ints."""

    def __str__(self):
        return repr(self._value_)

    def __format__(self, format_spec):
        return format(self._value_, format_spec)


class StrEnum(str, ReprEnum):
    """Enum whose members are also strs; auto() gives the lower-cased name."""

    def __new__(cls, *values):
        if len(values) > 3:
            raise TypeError("too many arguments for str(): " + repr(values))
        if len(values) == 1 and not isinstance(values[0], str):
            raise TypeError(repr(values[0]) + " is not a string")
        value = str(*values)
        obj = str.__new__(cls, value)
        obj._value_ = value
        return obj

    def __str__(self):
        return self._value_

    def __format__(self, format_spec):
        return format(self._value_, format_spec)

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


class Flag(Enum):
    """Enum whose members combine with |, & and ^ (values are bit flags; auto()
    gives the next power of two)."""

    _flag_mask_ = 0

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        high = 0
        for v in last_values:
            if isinstance(v, int) and v > high:
                high = v
        bit = 1
        while bit <= high:
            bit <<= 1
        return bit

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError(repr(value) + " is not a valid " + cls.__qualname__)
        mask = cls._flag_mask_
        if value < 0:
            value = value & mask
        if value & ~mask:
            raise ValueError(repr(value) + " is not a valid " + cls.__qualname__)
        return _pseudo_member(cls, value)

    def _decompose(self):
        return [m for m in self.__class__ if m._value_ & self._value_ == m._value_
                and m._value_]

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError("unsupported operand type(s) for 'in': '" +
                            type(other).__qualname__ + "' and '" +
                            self.__class__.__qualname__ + "'")
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        return iter(self._decompose())

    def __len__(self):
        return len(self._decompose())

    def __bool__(self):
        return bool(self._value_)

    def __repr__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return "<" + cls_name + ": " + repr(self._value_) + ">"
        return "<" + cls_name + "." + self._name_ + ": " + repr(self._value_) + ">"

    def __str__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return cls_name + "(" + repr(self._value_) + ")"
        return cls_name + "." + self._name_

    def __or__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.__class__(self._value_ | other._value_)

    def __and__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.__class__(self._value_ & other._value_)

    def __xor__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.__class__(self._value_ ^ other._value_)

    def __invert__(self):
        return self.__class__(self._flag_mask_ ^ self._value_)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__


def _pseudo_member(cls, value):
    """The member standing for a combination of flags, made once per value."""
    existing = cls._value2member_map_.get(value)
    if existing is not None:
        return existing
    member_type = cls._member_type_
    if member_type is object:
        pseudo = object.__new__(cls)
    else:
        pseudo = member_type.__new__(cls, value)
    pseudo._value_ = value
    parts = [m._name_ for m in cls if m._value_ & value == m._value_]
    pseudo._name_ = "|".join(parts) if parts else None
    cls._value2member_map_[value] = pseudo
    return pseudo


class IntFlag(int, ReprEnum, Flag):
    """Flag whose members are also ints."""

    def __str__(self):
        return repr(self._value_)

    def __format__(self, format_spec):
        return format(self._value_, format_spec)

    def __or__(self, other):
        if isinstance(other, Flag):
            other = other._value_
        elif not isinstance(other, int):
            return NotImplemented
        return self.__class__(self._value_ | other)

    def __and__(self, other):
        if isinstance(other, Flag):
            other = other._value_
        elif not isinstance(other, int):
            return NotImplemented
        return self.__class__(self._value_ & other)

    def __xor__(self, other):
        if isinstance(other, Flag):
            other = other._value_
        elif not isinstance(other, int):
            return NotImplemented
        return self.__class__(self._value_ ^ other)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__


def unique(enumeration):
    """Class decorator: refuse aliases (members with equal values)."""
    duplicates = []
    for name, m in enumeration.__members__.items():
        if name != m._name_:
            duplicates.append((name, m._name_))
    if duplicates:
        details = ", ".join([alias + " -> " + name for alias, name in duplicates])
        raise ValueError("duplicate values found in " + repr(enumeration) + ": " +
                         details)
    return enumeration


def global_enum(cls):
    return cls


def verify(*checks):
    def decorator(enumeration):
        return enumeration
    return decorator
