//! `Value` and `PyObject`: how every Python value is represented.
//!
//! A `Value` is small and cheap to copy: `None`, `bool`, ints that fit a machine word and
//! floats are immediate; everything else is an `Arc` to a heap `PyObject`. A heap object holds
//! its class (only when it is not the payload's own builtin type: instances of user classes and
//! of subclasses of builtins), an optional instance `__dict__`, and a payload. Mutable payloads
//! keep their state in a [`GilCell`], so only the thread holding the GIL touches them.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use super::dict::Dict;
use super::gil_cell::GilCell;
use super::set_table::SetTable;
use super::typeobj::TypeData;
use crate::vm::Vm;
use crate::vm::code::Code;
use crate::vm::exceptions::PyResult;
use crate::vm::generator::Generator;

pub type ObjRef = Arc<PyObject>;

/// A Python value.
#[derive(Clone, Debug, Default)]
pub enum Value {
    /// Never visible to Python code: an unbound fast local, an empty cell, or the empty `self`
    /// slot of a call on the value stack.
    #[default]
    Null,
    None,
    Bool(bool),
    /// An int that fits in 64 bits; larger ones are `Payload::Int` objects.
    Int(i64),
    Float(f64),
    Obj(ObjRef),
}

/// A heap object.
#[derive(Debug)]
pub struct PyObject {
    /// The object's class when it is not the payload's builtin type.
    pub class: Option<ObjRef>,
    /// The instance `__dict__` (a dict object), for instances of user classes, functions and
    /// modules.
    pub dict: Option<ObjRef>,
    pub payload: Payload,
}

/// A `str`: the text, its length in characters, and its hash computed once.
#[derive(Debug)]
pub struct PyStr {
    text: Box<str>,
    char_len: usize,
    hash: AtomicI64,
}

const HASH_UNSET: i64 = -1;

impl PyStr {
    pub fn new(text: impl Into<Box<str>>) -> PyStr {
        let text = text.into();
        let char_len = if text.is_ascii() {
            text.len()
        } else {
            text.chars().count()
        };
        PyStr {
            text,
            char_len,
            hash: AtomicI64::new(HASH_UNSET),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// `len(s)`: characters, not bytes.
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    pub fn is_ascii(&self) -> bool {
        self.char_len == self.text.len()
    }

    /// The str's hash. CPython randomises str hashes per process; gilpy's are fixed (FNV-1a
    /// over the UTF-8 bytes), so runs are reproducible.
    pub fn hash(&self) -> i64 {
        let h = self.hash.load(Ordering::Relaxed);
        if h != HASH_UNSET {
            return h;
        }
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for &b in self.text.as_bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        let h = if h as i64 == HASH_UNSET { -2 } else { h as i64 };
        self.hash.store(h, Ordering::Relaxed);
        h
    }
}

/// `range(start, stop, step)` with machine-word bounds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RangeData {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

impl RangeData {
    pub fn len(&self) -> i64 {
        let (lo, hi, step) = if self.step > 0 {
            (self.start as i128, self.stop as i128, self.step as i128)
        } else {
            (self.stop as i128, self.start as i128, -(self.step as i128))
        };
        if lo >= hi {
            0
        } else {
            ((hi - lo - 1) / step + 1) as i64
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn item(&self, i: i64) -> i64 {
        self.start + i * self.step
    }
}

/// A Python function: code plus everything bound when `def` ran.
#[derive(Debug)]
pub struct Function {
    pub code: Arc<Code>,
    pub globals: ObjRef,
    pub builtins: ObjRef,
    pub name: GilCell<Value>,
    pub qualname: GilCell<Value>,
    pub module: Value,
    pub doc: GilCell<Value>,
    pub defaults: GilCell<Option<Arc<[Value]>>>,
    pub kwdefaults: GilCell<Option<ObjRef>>,
    pub annotations: GilCell<Option<ObjRef>>,
    pub closure: Box<[ObjRef]>,
}

/// The signature of a function written in Rust: positional arguments, then the keyword
/// arguments as parallel name and value slices.
pub type NativeFn = fn(&mut Vm, Args) -> PyResult<Value>;

/// Arguments of a native call, borrowed from the caller's value stack where possible.
#[derive(Clone, Copy, Debug)]
pub struct Args<'a> {
    pub pos: &'a [Value],
    pub kw_names: &'a [Value],
    pub kw_values: &'a [Value],
}

impl<'a> Args<'a> {
    pub fn positional(pos: &'a [Value]) -> Args<'a> {
        Args {
            pos,
            kw_names: &[],
            kw_values: &[],
        }
    }

    pub fn has_kwargs(&self) -> bool {
        !self.kw_names.is_empty()
    }
}

/// How a native function found in a type's dict binds to an instance.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NativeKind {
    /// A plain function (a module function, or already bound).
    Function,
    /// A method: `obj.m` binds `obj` as the first argument.
    Method,
    /// A class method: `obj.m` and `cls.m` bind the class.
    ClassMethod,
    /// `__new__`: a static method taking the class first.
    StaticMethod,
}

/// A function written in Rust, possibly bound to `self`.
#[derive(Debug)]
pub struct Builtin {
    pub name: &'static str,
    pub func: NativeFn,
    pub kind: NativeKind,
    /// The bound first argument (`"abc".upper`), or the module for a module function.
    pub self_: Option<Value>,
    /// The type that defines a method (for `repr` and argument checks).
    pub owner: Option<ObjRef>,
}

/// A getter (and optional setter) written in Rust: `range.start`, `type.__name__`, …
pub type GetterFn = fn(&mut Vm, &Value) -> PyResult<Value>;
pub type SetterFn = fn(&mut Vm, &Value, Value) -> PyResult<()>;

#[derive(Debug)]
pub struct GetSet {
    pub name: &'static str,
    pub get: GetterFn,
    pub set: Option<SetterFn>,
    pub owner: Option<ObjRef>,
}

#[derive(Debug)]
pub struct Property {
    pub fget: Value,
    pub fset: Value,
    pub fdel: Value,
    pub doc: Value,
}

/// A module: its namespace is a dict object.
#[derive(Debug)]
pub struct Module {
    pub name: String,
}

/// The data every exception instance carries.
#[derive(Debug, Default)]
pub struct ExcData {
    pub args: Value,
    pub traceback: Vec<TracebackEntry>,
    pub cause: Value,
    pub context: Value,
    pub suppress_context: bool,
}

/// One frame of a traceback: the code and the instruction that was running.
#[derive(Clone, Debug)]
pub struct TracebackEntry {
    pub code: Arc<Code>,
    pub instr: usize,
    /// The frame's globals (for the names a `NameError` suggestion may offer).
    pub globals: ObjRef,
}

/// State native types keep in a payload of their own (deque, locks, files, …).
pub trait NativeData: std::fmt::Debug + Send + Sync + std::any::Any {
    fn as_any(&self) -> &dyn std::any::Any;
}

/// The iterators over builtin containers.
#[derive(Debug)]
pub enum IterState {
    /// Over a list, tuple or anything indexable by position.
    Seq {
        seq: Value,
        index: usize,
    },
    Range {
        next: i64,
        step: i64,
        remaining: i64,
    },
    Str {
        text: ObjRef,
        byte_pos: usize,
    },
    /// A snapshot of keys/values/items, checked against the size at creation.
    Dict {
        dict: ObjRef,
        index: usize,
        kind: DictViewKind,
        len: usize,
    },
    Set {
        items: Vec<Value>,
        index: usize,
    },
    /// `iter(callable, sentinel)`.
    Callable {
        func: Value,
        sentinel: Value,
    },
    /// `__getitem__`-based iteration of an object without `__iter__`.
    GetItem {
        obj: Value,
        index: i64,
    },
    Enumerate {
        iter: Value,
        count: Value,
    },
    Zip {
        iters: Vec<Value>,
        strict: bool,
    },
    Map {
        func: Value,
        iters: Vec<Value>,
    },
    Filter {
        func: Value,
        iter: Value,
    },
    Reversed {
        seq: Value,
        index: i64,
    },
    Exhausted,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DictViewKind {
    Keys,
    Values,
    Items,
}

/// The payload of a heap object, one variant per builtin layout.
#[derive(Debug)]
pub enum Payload {
    /// An instance of `object` or of a user class with no builtin base but `object`.
    Object,
    Str(PyStr),
    /// An int beyond 64 bits (or an instance of a subclass of int).
    Int(BigInt),
    /// An instance of a subclass of float.
    Float(f64),
    Bytes(Box<[u8]>),
    ByteArray(GilCell<Vec<u8>>),
    Tuple(Box<[Value]>),
    List(GilCell<Vec<Value>>),
    Dict(GilCell<Dict>),
    Set(GilCell<SetTable<Value>>),
    FrozenSet(SetTable<Value>),
    Range(RangeData),
    Slice(Value, Value, Value),
    Function(Function),
    Builtin(Builtin),
    BoundMethod {
        func: Value,
        self_: Value,
    },
    GetSet(GetSet),
    Property(Property),
    ClassMethod(Value),
    StaticMethod(Value),
    Type(TypeData),
    Module(Module),
    /// A closure cell; `Value::Null` when empty.
    Cell(GilCell<Value>),
    Code(Arc<Code>),
    Exception(GilCell<ExcData>),
    Iterator(GilCell<IterState>),
    DictView(DictViewKind, ObjRef),
    Generator(Generator),
    Super {
        type_: ObjRef,
        obj: Value,
    },
    NotImplemented,
    Ellipsis,
    Native(Box<dyn NativeData>),
}

impl Value {
    pub fn obj(payload: Payload) -> Value {
        Value::Obj(Arc::new(PyObject {
            class: None,
            dict: None,
            payload,
        }))
    }

    pub fn str(text: impl Into<Box<str>>) -> Value {
        Value::obj(Payload::Str(PyStr::new(text)))
    }

    pub fn tuple(items: impl Into<Box<[Value]>>) -> Value {
        Value::obj(Payload::Tuple(items.into()))
    }

    pub fn list(items: Vec<Value>) -> Value {
        Value::obj(Payload::List(GilCell::new(items)))
    }

    pub fn dict(dict: Dict) -> Value {
        Value::obj(Payload::Dict(GilCell::new(dict)))
    }

    pub fn bytes(data: impl Into<Box<[u8]>>) -> Value {
        Value::obj(Payload::Bytes(data.into()))
    }

    /// An int from a big integer, stored immediately when it fits 64 bits.
    pub fn int(n: BigInt) -> Value {
        match n.to_i64() {
            Some(i) => Value::Int(i),
            None => Value::obj(Payload::Int(n)),
        }
    }

    pub fn from_bool(b: bool) -> Value {
        Value::Bool(b)
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    pub fn as_obj(&self) -> Option<&ObjRef> {
        match self {
            Value::Obj(o) => Some(o),
            _ => None,
        }
    }

    pub fn payload(&self) -> Option<&Payload> {
        self.as_obj().map(|o| &o.payload)
    }

    /// The text of a str (or str subclass) value.
    pub fn as_str(&self) -> Option<&str> {
        match self.payload() {
            Some(Payload::Str(s)) => Some(s.as_str()),
            _ => None,
        }
    }

    pub fn as_pystr(&self) -> Option<&PyStr> {
        match self.payload() {
            Some(Payload::Str(s)) => Some(s),
            _ => None,
        }
    }

    pub fn as_tuple(&self) -> Option<&[Value]> {
        match self.payload() {
            Some(Payload::Tuple(t)) => Some(t),
            _ => None,
        }
    }

    /// Identity: `a is b`.
    pub fn is(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Obj(a), Value::Obj(b)) => Arc::ptr_eq(a, b),
            (Value::None, Value::None) | (Value::Null, Value::Null) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            // Small ints are cached in CPython, so `is` holds for equal values there too.
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
            _ => false,
        }
    }

    /// `id(x)`: the object's address, or a stable number for immediates.
    pub fn id(&self) -> usize {
        match self {
            Value::Obj(o) => Arc::as_ptr(o) as usize,
            Value::Null => 0,
            Value::None => 0x1000,
            Value::Bool(b) => 0x2000 + usize::from(*b) * 0x20,
            Value::Int(i) => 0x10_0000_0000usize.wrapping_add((*i as usize).wrapping_mul(32)),
            Value::Float(f) => (f.to_bits() as usize).rotate_left(5) | 1,
        }
    }
}

impl PyObject {
    /// The object's instance dict, if it has one.
    pub fn dict_obj(&self) -> Option<&ObjRef> {
        self.dict.as_ref()
    }
}

/// Creates a heap object of a given class with an instance dict.
pub fn new_instance(class: ObjRef, payload: Payload, with_dict: bool) -> Value {
    let dict = with_dict.then(|| new_dict_obj(Dict::new()));
    Value::Obj(Arc::new(PyObject {
        class: Some(class),
        dict,
        payload,
    }))
}

pub fn new_dict_obj(dict: Dict) -> ObjRef {
    Arc::new(PyObject {
        class: None,
        dict: None,
        payload: Payload::Dict(GilCell::new(dict)),
    })
}
