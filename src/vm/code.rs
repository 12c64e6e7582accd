//! Run-time code objects: a compiled `CodeObject` with its constants turned into values and
//! its names into interned str objects, made once when the code is loaded.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use crate::compile::bytecode::{CodeObject, Constant};
use crate::object::value::{Payload, Value};

#[derive(Debug)]
pub struct Code {
    pub co: Arc<CodeObject>,
    pub consts: Box<[Value]>,
    /// `co.names` as str values (their hashes are computed once, here).
    pub names: Box<[Value]>,
    /// `co.varnames`, for error messages and `locals()`.
    pub varnames: Box<[Value]>,
    pub qualname: Value,
    pub name: Value,
}

impl Code {
    pub fn new(co: Arc<CodeObject>) -> Arc<Code> {
        let consts = co.consts.iter().map(constant_value).collect();
        let names = co.names.iter().map(|n| interned(n)).collect();
        let varnames = co.varnames.iter().map(|n| interned(n)).collect();
        Arc::new(Code {
            qualname: Value::str(co.qualname.as_str()),
            name: Value::str(co.name.as_str()),
            consts,
            names,
            varnames,
            co,
        })
    }

    pub fn nlocals(&self) -> usize {
        self.co.varnames.len()
    }

    /// The docstring, if the code has one.
    pub fn docstring(&self) -> Value {
        if self.co.flags & crate::compile::bytecode::code_flags::HAS_DOCSTRING != 0 {
            self.consts.first().cloned().unwrap_or(Value::None)
        } else {
            Value::None
        }
    }
}

/// The one str object for an identifier, shared by every code object: dict lookups of
/// names then succeed on the identity check, without comparing text.
pub fn interned(name: &str) -> Value {
    static TABLE: OnceLock<Mutex<HashMap<Box<str>, Value>>> = OnceLock::new();
    let table = TABLE.get_or_init(|| Mutex::new(HashMap::new()));
    let Ok(mut t) = table.lock() else {
        return Value::str(name);
    };
    if let Some(v) = t.get(name) {
        return v.clone();
    }
    let v = Value::str(name);
    if let Some(s) = v.as_pystr() {
        s.hash();
    }
    // Only identifier-like strings are kept, so the table stays small.
    if name.len() <= 64 {
        t.insert(name.into(), v.clone());
    }
    v
}

/// The value of a constant.
pub fn constant_value(c: &Constant) -> Value {
    match c {
        Constant::None => Value::None,
        Constant::Bool(b) => Value::Bool(*b),
        Constant::Int(i) => Value::int(i.clone()),
        Constant::Float(f) => Value::Float(*f),
        Constant::Complex { real, imag } => crate::object::complex::new_complex(*real, *imag),
        Constant::Str(s) if is_identifier_like(s) => interned(s),
        Constant::Str(s) => Value::str(s.as_str()),
        Constant::Bytes(b) => Value::bytes(b.clone()),
        Constant::Tuple(items) => {
            Value::tuple(items.iter().map(constant_value).collect::<Vec<_>>())
        }
        Constant::FrozenSet(items) => frozenset_constant(items),
        Constant::Ellipsis => crate::vm::singletons().ellipsis.clone(),
        Constant::Code(co) => Value::obj(Payload::Code(Code::new(co.clone()))),
    }
}

/// Short ASCII identifiers (names, attribute names, keyword names) are worth interning.
fn is_identifier_like(s: &str) -> bool {
    s.len() <= 32 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// A folded set display: a frozenset built from the items in order, then rebuilt from its own
/// iteration order (CPython merges its constants that way), so the set made from it at run
/// time iterates as CPython's does.
fn frozenset_constant(items: &[Constant]) -> Value {
    use crate::object::set_table::SetTable;
    let values: Vec<Value> = items.iter().map(constant_value).collect();
    let hashed: Vec<(i64, Value)> = values
        .into_iter()
        .map(|v| (crate::vm::ops::native_hash(&v).unwrap_or(0), v))
        .collect();
    let eq =
        |a: &Value, b: &Value| crate::vm::containers::native_eq(a, b).unwrap_or(false) || a.is(b);
    let folded = SetTable::from_hashed_iter(hashed, eq);
    let merged = SetTable::from_hashed_iter(folded.into_hashed(), eq);
    Value::obj(Payload::FrozenSet(merged))
}
