//! Type objects: `TypeData` (name, bases, MRO, namespace, instance layout), the registry of
//! builtin types and exception classes, `type(x)`, subclass tests and C3 linearisation.
//!
//! Builtin types are created once per process and shared by every interpreter and thread; they
//! are immutable from Python (`int.x = 1` is a `TypeError`), so sharing them needs no lock.

use std::sync::{Arc, OnceLock};

use super::dict::Dict;
use super::gil_cell::{Gil, GilCell};
use super::value::{IterState, ObjRef, Payload, PyObject, Value, new_dict_obj};

/// What instances of a type carry: the payload of the builtin base a class derives from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    Object,
    Int,
    Float,
    Str,
    Bytes,
    ByteArray,
    Tuple,
    List,
    Dict,
    Set,
    FrozenSet,
    Exception,
    Type,
    /// Instances cannot be created from Python (functions, code, iterators, …).
    Opaque,
}

#[derive(Debug)]
pub struct TypeData {
    pub name: GilCell<String>,
    pub qualname: GilCell<String>,
    pub bases: Box<[ObjRef]>,
    /// The method resolution order after the type itself.
    pub mro: Box<[ObjRef]>,
    /// The namespace (a dict object).
    pub dict: ObjRef,
    pub layout: Layout,
    /// Defined by a `class` statement (mutable, instances have a `__dict__`).
    pub heap: bool,
    /// May be subclassed.
    pub basetype: bool,
}

impl TypeData {
    pub fn name(&self, gil: &Gil) -> String {
        self.name.get(gil)
    }
}

/// The type object of a value: `type(x)`.
pub fn type_of(v: &Value) -> &ObjRef {
    let t = types();
    match v {
        Value::Null | Value::None => &t.none_type,
        Value::Bool(_) => &t.bool_,
        Value::Int(_) => &t.int,
        Value::Float(_) => &t.float,
        Value::Obj(o) => match &o.class {
            Some(c) => c,
            None => payload_type(&o.payload, t),
        },
    }
}

fn payload_type<'a>(p: &Payload, t: &'a BuiltinTypes) -> &'a ObjRef {
    match p {
        Payload::Object => &t.object,
        Payload::Str(_) => &t.str_,
        Payload::Int(_) => &t.int,
        Payload::Float(_) => &t.float,
        Payload::Bytes(_) => &t.bytes,
        Payload::ByteArray(_) => &t.bytearray,
        Payload::Tuple(_) => &t.tuple,
        Payload::List(_) => &t.list,
        Payload::Dict(_) => &t.dict,
        Payload::Set(_) => &t.set,
        Payload::FrozenSet(_) => &t.frozenset,
        Payload::Range(_) => &t.range,
        Payload::Slice(..) => &t.slice,
        Payload::Function(_) => &t.function,
        Payload::Builtin(b)
            if b.self_.is_some() && b.kind != super::value::NativeKind::Function =>
        {
            &t.builtin_method
        }
        Payload::Builtin(b) if b.kind == super::value::NativeKind::Function => &t.builtin_function,
        Payload::Builtin(_) => &t.method_descriptor,
        Payload::BoundMethod { .. } => &t.method,
        Payload::GetSet(_) => &t.getset_descriptor,
        Payload::Property(_) => &t.property,
        Payload::ClassMethod(_) => &t.classmethod,
        Payload::StaticMethod(_) => &t.staticmethod,
        Payload::Type(_) => &t.type_,
        Payload::Module(_) => &t.module,
        Payload::Cell(_) => &t.cell,
        Payload::Code(_) => &t.code,
        Payload::Exception(_) => &t.exceptions[ExcType::BaseException as usize],
        Payload::Iterator(state) => iterator_type(state, t),
        Payload::DictView(kind, _) => match kind {
            super::value::DictViewKind::Keys => &t.dict_keys,
            super::value::DictViewKind::Values => &t.dict_values,
            super::value::DictViewKind::Items => &t.dict_items,
        },
        Payload::Generator(_) => &t.generator,
        Payload::Super { .. } => &t.super_,
        Payload::NotImplemented => &t.not_implemented_type,
        Payload::Ellipsis => &t.ellipsis_type,
        Payload::Native(_) => &t.object,
    }
}

fn iterator_type<'a>(state: &GilCell<IterState>, t: &'a BuiltinTypes) -> &'a ObjRef {
    // The kind of an iterator never changes after creation except to `Exhausted`; reading
    // the discriminant needs no GIL-protected data beyond that, but we still go through a
    // token for uniformity.
    let gil = unsafe { Gil::assume_held() };
    let Ok(s) = state.try_borrow(&gil) else {
        return &t.iterator;
    };
    match &*s {
        IterState::Seq { seq, .. } => match seq.payload() {
            Some(Payload::List(_)) => &t.list_iterator,
            Some(Payload::Tuple(_)) => &t.tuple_iterator,
            _ => &t.iterator,
        },
        IterState::Range { .. } => &t.range_iterator,
        IterState::Str { .. } => &t.str_iterator,
        IterState::Dict { kind, .. } => match kind {
            super::value::DictViewKind::Keys => &t.dict_keyiterator,
            super::value::DictViewKind::Values => &t.dict_valueiterator,
            super::value::DictViewKind::Items => &t.dict_itemiterator,
        },
        IterState::Set { .. } => &t.set_iterator,
        IterState::Callable { .. } => &t.callable_iterator,
        IterState::GetItem { .. } | IterState::Exhausted => &t.iterator,
        IterState::Enumerate { .. } => &t.enumerate,
        IterState::Zip { .. } => &t.zip,
        IterState::Map { .. } => &t.map,
        IterState::Filter { .. } => &t.filter,
        IterState::Reversed { seq, .. } => match seq.payload() {
            Some(Payload::List(_)) => &t.list_reverseiterator,
            _ => &t.reversed,
        },
    }
}

pub fn type_data(t: &ObjRef) -> &TypeData {
    match &t.payload {
        Payload::Type(d) => d,
        // Every class reference points at a type object; this arm is unreachable in practice.
        _ => &types().object_data_fallback,
    }
}

/// `issubclass(a, b)` for two type objects.
pub fn is_subtype(a: &ObjRef, b: &ObjRef) -> bool {
    Arc::ptr_eq(a, b) || type_data(a).mro.iter().any(|t| Arc::ptr_eq(t, b))
}

/// `isinstance(v, t)` for a type object `t` (no `__instancecheck__`).
pub fn is_instance(v: &Value, t: &ObjRef) -> bool {
    is_subtype(type_of(v), t)
}

/// The type itself followed by its MRO.
pub fn mro_iter(t: &ObjRef) -> impl Iterator<Item = &ObjRef> {
    std::iter::once(t).chain(type_data(t).mro.iter())
}

/// C3 linearisation of a new class's bases: the MRO after the class itself.
pub fn c3_mro(bases: &[ObjRef]) -> Result<Vec<ObjRef>, String> {
    let mut seqs: Vec<Vec<ObjRef>> = bases
        .iter()
        .map(|b| mro_iter(b).cloned().collect())
        .collect();
    seqs.push(bases.to_vec());
    let mut out = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let candidate = seqs.iter().map(|s| &s[0]).find(|c| {
            !seqs
                .iter()
                .any(|s| s[1..].iter().any(|x| Arc::ptr_eq(x, c)))
        });
        let Some(c) = candidate.cloned() else {
            return Err(mro_conflict(bases));
        };
        for s in &mut seqs {
            if Arc::ptr_eq(&s[0], &c) {
                s.remove(0);
            }
        }
        out.push(c);
    }
}

fn mro_conflict(bases: &[ObjRef]) -> String {
    let gil = unsafe { Gil::assume_held() };
    let names: Vec<String> = bases.iter().map(|b| type_data(b).name(&gil)).collect();
    format!(
        "Cannot create a consistent method resolution order (MRO) for bases {}",
        names.join(", ")
    )
}

/// Creates a type object.
pub fn new_type(
    name: &str,
    bases: Vec<ObjRef>,
    mro: Vec<ObjRef>,
    dict: ObjRef,
    layout: Layout,
    heap: bool,
    metaclass: Option<ObjRef>,
) -> ObjRef {
    Arc::new(PyObject {
        class: metaclass,
        dict: None,
        payload: Payload::Type(TypeData {
            name: GilCell::new(name.to_string()),
            qualname: GilCell::new(name.to_string()),
            bases: bases.into(),
            mro: mro.into(),
            dict,
            layout,
            heap,
            basetype: true,
        }),
    })
}

macro_rules! exception_types {
    ($($name:ident : $parent:ident),* $(,)?) => {
        /// The builtin exception classes, each with its parent.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        #[repr(usize)]
        pub enum ExcType { BaseException, $($name),* }

        const EXCEPTION_TREE: &[(ExcType, &str, ExcType)] = &[
            $((ExcType::$name, stringify!($name), ExcType::$parent)),*
        ];
    };
}

exception_types! {
    Exception: BaseException,
    GeneratorExit: BaseException,
    KeyboardInterrupt: BaseException,
    SystemExit: BaseException,
    ArithmeticError: Exception,
    FloatingPointError: ArithmeticError,
    OverflowError: ArithmeticError,
    ZeroDivisionError: ArithmeticError,
    AssertionError: Exception,
    AttributeError: Exception,
    BufferError: Exception,
    EOFError: Exception,
    ImportError: Exception,
    ModuleNotFoundError: ImportError,
    LookupError: Exception,
    IndexError: LookupError,
    KeyError: LookupError,
    MemoryError: Exception,
    NameError: Exception,
    UnboundLocalError: NameError,
    OSError: Exception,
    BlockingIOError: OSError,
    ChildProcessError: OSError,
    ConnectionError: OSError,
    BrokenPipeError: ConnectionError,
    ConnectionAbortedError: ConnectionError,
    ConnectionRefusedError: ConnectionError,
    ConnectionResetError: ConnectionError,
    FileExistsError: OSError,
    FileNotFoundError: OSError,
    InterruptedError: OSError,
    IsADirectoryError: OSError,
    NotADirectoryError: OSError,
    PermissionError: OSError,
    ProcessLookupError: OSError,
    TimeoutError: OSError,
    ReferenceError: Exception,
    RuntimeError: Exception,
    NotImplementedError: RuntimeError,
    RecursionError: RuntimeError,
    StopAsyncIteration: Exception,
    StopIteration: Exception,
    SyntaxError: Exception,
    IndentationError: SyntaxError,
    TabError: IndentationError,
    SystemError: Exception,
    TypeError: Exception,
    ValueError: Exception,
    UnicodeError: ValueError,
    UnicodeDecodeError: UnicodeError,
    UnicodeEncodeError: UnicodeError,
    UnicodeTranslateError: UnicodeError,
    Warning: Exception,
    BytesWarning: Warning,
    DeprecationWarning: Warning,
    EncodingWarning: Warning,
    FutureWarning: Warning,
    ImportWarning: Warning,
    PendingDeprecationWarning: Warning,
    ResourceWarning: Warning,
    RuntimeWarning: Warning,
    SyntaxWarning: Warning,
    UnicodeWarning: Warning,
    UserWarning: Warning,
}

/// Every builtin type, created once per process.
#[derive(Debug)]
pub struct BuiltinTypes {
    pub object: ObjRef,
    pub type_: ObjRef,
    pub none_type: ObjRef,
    pub not_implemented_type: ObjRef,
    pub ellipsis_type: ObjRef,
    pub int: ObjRef,
    pub bool_: ObjRef,
    pub float: ObjRef,
    pub str_: ObjRef,
    pub bytes: ObjRef,
    pub bytearray: ObjRef,
    pub tuple: ObjRef,
    pub list: ObjRef,
    pub dict: ObjRef,
    pub set: ObjRef,
    pub frozenset: ObjRef,
    pub range: ObjRef,
    pub slice: ObjRef,
    pub function: ObjRef,
    pub builtin_function: ObjRef,
    pub builtin_method: ObjRef,
    pub method_descriptor: ObjRef,
    pub method: ObjRef,
    pub getset_descriptor: ObjRef,
    pub property: ObjRef,
    pub classmethod: ObjRef,
    pub staticmethod: ObjRef,
    pub module: ObjRef,
    pub cell: ObjRef,
    pub code: ObjRef,
    pub generator: ObjRef,
    pub super_: ObjRef,
    pub dict_keys: ObjRef,
    pub dict_values: ObjRef,
    pub dict_items: ObjRef,
    pub iterator: ObjRef,
    pub list_iterator: ObjRef,
    pub list_reverseiterator: ObjRef,
    pub tuple_iterator: ObjRef,
    pub range_iterator: ObjRef,
    pub str_iterator: ObjRef,
    pub dict_keyiterator: ObjRef,
    pub dict_valueiterator: ObjRef,
    pub dict_itemiterator: ObjRef,
    pub set_iterator: ObjRef,
    pub callable_iterator: ObjRef,
    pub enumerate: ObjRef,
    pub zip: ObjRef,
    pub map: ObjRef,
    pub filter: ObjRef,
    pub reversed: ObjRef,
    pub exceptions: Vec<ObjRef>,
    /// Returned by `type_data` for a non-type (never in practice).
    object_data_fallback: TypeData,
}

static TYPES: OnceLock<BuiltinTypes> = OnceLock::new();

/// The builtin types. The first call creates them and fills their namespaces.
pub fn types() -> &'static BuiltinTypes {
    TYPES.get_or_init(|| {
        let t = create_types();
        // Method tables are installed after the registry exists (they refer to it).
        t
    })
}

/// Fills the builtin types' namespaces; called once by the interpreter at start-up.
pub fn install_methods(install: impl FnOnce(&BuiltinTypes, &Gil)) {
    static DONE: OnceLock<()> = OnceLock::new();
    DONE.get_or_init(|| {
        let gil = unsafe { Gil::assume_held() };
        install(types(), &gil);
    });
}

fn create_types() -> BuiltinTypes {
    let object = new_type(
        "object",
        vec![],
        vec![],
        new_dict_obj(Dict::new()),
        Layout::Object,
        false,
        None,
    );
    let mk = |name: &str, base: &ObjRef, layout: Layout, basetype: bool| {
        let mut mro = vec![base.clone()];
        mro.extend(type_data(base).mro.iter().cloned());
        let t = new_type(
            name,
            vec![base.clone()],
            mro,
            new_dict_obj(Dict::new()),
            layout,
            false,
            None,
        );
        if !basetype && let Payload::Type(_) = &t.payload {
            // `basetype` is set at creation; rebuild with the flag (types are immutable).
            return rebuild_final(t);
        }
        t
    };
    let opaque = |name: &str| mk(name, &object, Layout::Opaque, false);
    let int = mk("int", &object, Layout::Int, true);
    let mut exceptions: Vec<ObjRef> = vec![mk("BaseException", &object, Layout::Exception, true)];
    for (kind, name, parent) in EXCEPTION_TREE {
        debug_assert_eq!(*kind as usize, exceptions.len());
        let parent = exceptions[*parent as usize].clone();
        exceptions.push(mk(name, &parent, Layout::Exception, true));
    }
    BuiltinTypes {
        type_: mk("type", &object, Layout::Type, true),
        none_type: opaque("NoneType"),
        not_implemented_type: opaque("NotImplementedType"),
        ellipsis_type: opaque("ellipsis"),
        bool_: mk("bool", &int, Layout::Int, false),
        int,
        float: mk("float", &object, Layout::Float, true),
        str_: mk("str", &object, Layout::Str, true),
        bytes: mk("bytes", &object, Layout::Bytes, true),
        bytearray: mk("bytearray", &object, Layout::ByteArray, true),
        tuple: mk("tuple", &object, Layout::Tuple, true),
        list: mk("list", &object, Layout::List, true),
        dict: mk("dict", &object, Layout::Dict, true),
        set: mk("set", &object, Layout::Set, true),
        frozenset: mk("frozenset", &object, Layout::FrozenSet, true),
        range: opaque("range"),
        slice: opaque("slice"),
        function: opaque("function"),
        builtin_function: opaque("builtin_function_or_method"),
        builtin_method: opaque("builtin_function_or_method"),
        method_descriptor: opaque("method_descriptor"),
        method: opaque("method"),
        getset_descriptor: opaque("getset_descriptor"),
        property: mk("property", &object, Layout::Opaque, true),
        classmethod: mk("classmethod", &object, Layout::Opaque, true),
        staticmethod: mk("staticmethod", &object, Layout::Opaque, true),
        module: mk("module", &object, Layout::Opaque, true),
        cell: opaque("cell"),
        code: opaque("code"),
        generator: opaque("generator"),
        super_: mk("super", &object, Layout::Opaque, true),
        dict_keys: opaque("dict_keys"),
        dict_values: opaque("dict_values"),
        dict_items: opaque("dict_items"),
        iterator: opaque("iterator"),
        list_iterator: opaque("list_iterator"),
        list_reverseiterator: opaque("list_reverseiterator"),
        tuple_iterator: opaque("tuple_iterator"),
        range_iterator: opaque("range_iterator"),
        str_iterator: opaque("str_ascii_iterator"),
        dict_keyiterator: opaque("dict_keyiterator"),
        dict_valueiterator: opaque("dict_valueiterator"),
        dict_itemiterator: opaque("dict_itemiterator"),
        set_iterator: opaque("set_iterator"),
        callable_iterator: opaque("callable_iterator"),
        enumerate: mk("enumerate", &object, Layout::Opaque, false),
        zip: mk("zip", &object, Layout::Opaque, false),
        map: mk("map", &object, Layout::Opaque, false),
        filter: mk("filter", &object, Layout::Opaque, false),
        reversed: mk("reversed", &object, Layout::Opaque, false),
        exceptions,
        object,
        object_data_fallback: TypeData {
            name: GilCell::new("object".into()),
            qualname: GilCell::new("object".into()),
            bases: Box::new([]),
            mro: Box::new([]),
            dict: new_dict_obj(Dict::new()),
            layout: Layout::Object,
            heap: false,
            basetype: true,
        },
    }
}

/// The same type with `basetype` cleared (for `bool`, `range`, … which cannot be subclassed).
fn rebuild_final(t: ObjRef) -> ObjRef {
    match Arc::try_unwrap(t) {
        Ok(PyObject {
            class,
            dict,
            payload: Payload::Type(mut data),
        }) => {
            data.basetype = false;
            Arc::new(PyObject {
                class,
                dict,
                payload: Payload::Type(data),
            })
        }
        Ok(other) => Arc::new(other),
        Err(shared) => shared,
    }
}

impl BuiltinTypes {
    pub fn exception(&self, kind: ExcType) -> &ObjRef {
        &self.exceptions[kind as usize]
    }

    /// The builtin exception classes by name, in definition order.
    pub fn exception_names(&self) -> impl Iterator<Item = (&'static str, &ObjRef)> {
        std::iter::once("BaseException")
            .chain(EXCEPTION_TREE.iter().map(|(_, n, _)| *n))
            .zip(self.exceptions.iter())
    }
}
