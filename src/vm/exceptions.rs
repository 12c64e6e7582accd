//! Raising from Rust: `PyErr` (a raised exception instance), `PyResult`, and the helpers that
//! build CPython's exceptions (`TypeError`, `KeyError(key)`, `StopIteration(value)`, …).

use crate::object::gil_cell::{Gil, GilCell};
use crate::object::typeobj::{ExcType, is_subtype, type_of, types};
use crate::object::value::{ExcData, ObjRef, Payload, Value, new_instance};

/// A raised Python exception: the exception instance.
#[derive(Clone, Debug)]
pub struct PyErr {
    pub exc: ObjRef,
}

pub type PyResult<T> = Result<T, PyErr>;

impl PyErr {
    /// A builtin exception with a message: `PyErr::new(ExcType::TypeError, "…")`.
    pub fn new(kind: ExcType, msg: impl Into<String>) -> PyErr {
        PyErr::with_args(kind, vec![Value::str(msg.into())])
    }

    pub fn with_args(kind: ExcType, args: Vec<Value>) -> PyErr {
        PyErr {
            exc: new_exception(types().exception(kind).clone(), args),
        }
    }

    /// Wraps an exception instance (the caller checked it is one).
    pub fn from_instance(exc: ObjRef) -> PyErr {
        PyErr { exc }
    }

    pub fn value(&self) -> Value {
        Value::Obj(self.exc.clone())
    }

    /// Is this an instance of the builtin exception class `kind` (or a subclass)?
    pub fn matches(&self, kind: ExcType) -> bool {
        is_subtype(type_of(&self.value()), types().exception(kind))
    }

    pub fn data(&self) -> Option<&GilCell<ExcData>> {
        match &self.exc.payload {
            Payload::Exception(d) => Some(d),
            _ => None,
        }
    }

    /// The exception's `args` tuple items.
    pub fn args(&self, gil: &Gil) -> Vec<Value> {
        self.data()
            .map(|d| d.borrow(gil).args.as_tuple().map(<[Value]>::to_vec))
            .and_then(|a| a)
            .unwrap_or_default()
    }
}

/// Creates an exception instance of `class` with `args`.
pub fn new_exception(class: ObjRef, args: Vec<Value>) -> ObjRef {
    let data = ExcData {
        args: Value::tuple(args),
        traceback: Vec::new(),
        cause: Value::None,
        context: Value::None,
        suppress_context: false,
    };
    match new_instance(class, Payload::Exception(GilCell::new(data)), true) {
        Value::Obj(o) => o,
        _ => unreachable_exception(),
    }
}

#[cold]
fn unreachable_exception() -> ObjRef {
    // `new_instance` always returns an object.
    types().object.clone()
}

pub fn type_error(msg: impl Into<String>) -> PyErr {
    PyErr::new(ExcType::TypeError, msg)
}

pub fn value_error(msg: impl Into<String>) -> PyErr {
    PyErr::new(ExcType::ValueError, msg)
}

pub fn index_error(msg: impl Into<String>) -> PyErr {
    PyErr::new(ExcType::IndexError, msg)
}

pub fn attribute_error(msg: impl Into<String>) -> PyErr {
    PyErr::new(ExcType::AttributeError, msg)
}

pub fn runtime_error(msg: impl Into<String>) -> PyErr {
    PyErr::new(ExcType::RuntimeError, msg)
}

pub fn overflow_error(msg: impl Into<String>) -> PyErr {
    PyErr::new(ExcType::OverflowError, msg)
}

pub fn zero_division(msg: impl Into<String>) -> PyErr {
    PyErr::new(ExcType::ZeroDivisionError, msg)
}

pub fn name_error(name: &str) -> PyErr {
    PyErr::new(ExcType::NameError, format!("name '{name}' is not defined"))
}

/// `KeyError(key)`: the key itself is the argument (its repr is the message).
pub fn key_error(key: Value) -> PyErr {
    PyErr::with_args(ExcType::KeyError, vec![key])
}

/// `StopIteration(value)`, or a bare `StopIteration` for None.
pub fn stop_iteration(value: Value) -> PyErr {
    if value.is_none() {
        PyErr::with_args(ExcType::StopIteration, vec![])
    } else {
        PyErr::with_args(ExcType::StopIteration, vec![value])
    }
}

/// A numeric error from `object::number` as the exception it names.
pub fn from_num_error(e: crate::object::number::NumError) -> PyErr {
    PyErr::new(exc_type_by_name(e.kind), e.msg)
}

/// The builtin exception class with this name (`ValueError` when unknown).
pub fn exc_type_by_name(name: &str) -> ExcType {
    match name {
        "TypeError" => ExcType::TypeError,
        "ZeroDivisionError" => ExcType::ZeroDivisionError,
        "OverflowError" => ExcType::OverflowError,
        "MemoryError" => ExcType::MemoryError,
        "IndexError" => ExcType::IndexError,
        "KeyError" => ExcType::KeyError,
        "UnicodeDecodeError" => ExcType::UnicodeDecodeError,
        "UnicodeEncodeError" => ExcType::UnicodeEncodeError,
        "LookupError" => ExcType::LookupError,
        "RuntimeError" => ExcType::RuntimeError,
        _ => ExcType::ValueError,
    }
}
