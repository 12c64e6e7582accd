//! The `builtins` module and the methods of the builtin types.
//!
//! `functions.rs` holds the builtin functions (`print`, `len`, `sorted`, …); each other file
//! holds one builtin type's methods and constructor, installed into the type's namespace once
//! per process by [`install_types`].

pub mod args;
pub mod bytes;
pub mod dict;
pub mod exceptions;
pub mod float;
pub mod functions;
pub mod int;
pub mod iterators;
pub mod list;
pub mod object;
pub mod range;
pub mod set;
pub mod sort;
pub mod str;
pub mod tuple;

use std::sync::Arc;

use crate::object::gil_cell::Gil;
use crate::object::typeobj::{BuiltinTypes, type_data, types};
use crate::object::value::{Builtin, NativeFn, NativeKind, ObjRef, Payload, Value};
use crate::vm::Vm;

/// A native function value (a module-level function).
pub fn native_function(name: &'static str, func: NativeFn) -> Value {
    Value::obj(Payload::Builtin(Builtin {
        name,
        func,
        kind: NativeKind::Function,
        self_: None,
        owner: None,
    }))
}

/// Adds a method implemented in Rust to a type's namespace.
pub fn add_method(gil: &Gil, t: &ObjRef, name: &'static str, func: NativeFn, kind: NativeKind) {
    let f = Value::obj(Payload::Builtin(Builtin {
        name,
        func,
        kind,
        self_: None,
        owner: Some(t.clone()),
    }));
    set_type_attr(gil, t, name, f);
}

/// Stores a value in a type's namespace (builtin types are set up this way, once).
pub fn set_type_attr(gil: &Gil, t: &ObjRef, name: &str, value: Value) {
    let dict = &type_data(t).dict;
    if let Payload::Dict(d) = &dict.payload {
        let key = Value::str(name);
        let hash = key.as_pystr().map_or(0, |s| s.hash());
        let _ = d
            .borrow_mut(gil)
            .insert_with(hash, key, value, &mut |a, b| Ok(a.as_str() == b.as_str()));
    }
}

/// Adds several methods of the same kind.
pub fn add_methods(gil: &Gil, t: &ObjRef, methods: &[(&'static str, NativeFn)]) {
    for &(name, func) in methods {
        add_method(gil, t, name, func, NativeKind::Method);
    }
}

/// Fills every builtin type's namespace (once per process).
pub fn install_types(t: &BuiltinTypes, gil: &Gil) {
    object::install(t, gil);
    exceptions::install(t, gil);
    for extra in EXTRA_INSTALLERS {
        extra(t, gil);
    }
}

/// Installers of the other builtin types, each in its own file.
const EXTRA_INSTALLERS: &[fn(&BuiltinTypes, &Gil)] = &[
    str::install,
    bytes::install,
    int::install,
    float::install,
    list::install,
    tuple::install,
    dict::install,
    set::install,
    range::install,
    iterators::install,
];

/// Creates the `builtins` namespace of an interpreter.
pub fn populate_builtins(vm: &mut Vm) {
    crate::object::typeobj::install_methods(install_types);
    let b = vm.interp.builtins.clone();
    let t = types();
    let set = |vm: &mut Vm, name: &str, v: Value| vm.dict_set_str(&b, Value::str(name), v);
    for (name, ty) in [
        ("object", &t.object),
        ("type", &t.type_),
        ("int", &t.int),
        ("bool", &t.bool_),
        ("float", &t.float),
        ("str", &t.str_),
        ("bytes", &t.bytes),
        ("bytearray", &t.bytearray),
        ("tuple", &t.tuple),
        ("list", &t.list),
        ("dict", &t.dict),
        ("set", &t.set),
        ("frozenset", &t.frozenset),
        ("range", &t.range),
        ("slice", &t.slice),
        ("property", &t.property),
        ("classmethod", &t.classmethod),
        ("staticmethod", &t.staticmethod),
        ("super", &t.super_),
        ("enumerate", &t.enumerate),
        ("zip", &t.zip),
        ("map", &t.map),
        ("filter", &t.filter),
        ("reversed", &t.reversed),
    ] {
        set(vm, name, Value::Obj(ty.clone()));
    }
    for (name, exc) in t.exception_names() {
        set(vm, name, Value::Obj(exc.clone()));
    }
    set(
        vm,
        "EnvironmentError",
        Value::Obj(
            t.exception(crate::object::typeobj::ExcType::OSError)
                .clone(),
        ),
    );
    set(
        vm,
        "IOError",
        Value::Obj(
            t.exception(crate::object::typeobj::ExcType::OSError)
                .clone(),
        ),
    );
    let s = crate::vm::singletons();
    set(vm, "NotImplemented", s.not_implemented.clone());
    set(vm, "Ellipsis", s.ellipsis.clone());
    set(vm, "None", Value::None);
    set(vm, "True", Value::Bool(true));
    set(vm, "False", Value::Bool(false));
    set(vm, "__debug__", Value::Bool(true));
    set(vm, "__name__", Value::str("builtins"));
    for &(name, func) in functions::FUNCTIONS {
        set(vm, name, native_function(name, func));
    }
}

/// Is this value the given builtin type object?
pub fn is_type(v: &Value, t: &ObjRef) -> bool {
    matches!(v, Value::Obj(o) if Arc::ptr_eq(o, t))
}
