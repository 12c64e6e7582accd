//! Native modules: the registry `import` consults for built-in module names, and the modules
//! themselves (`sys`, `io`'s stream objects, and the pure algorithms behind `math` and
//! `random`).

pub mod collections;
pub mod io;
pub mod itertools;
pub mod math;
pub mod math_module;
pub mod operator;
pub mod os;
pub mod random;
pub mod random_module;
pub mod sys;
pub mod time;

use crate::object::dict::Dict;
use crate::object::typeobj::ExcType;
use crate::object::value::{Module, ObjRef, Payload, PyObject, Value, new_dict_obj};
use crate::vm::Vm;
use crate::vm::exceptions::{PyErr, PyResult};

/// Creates a native module: `init` fills its namespace.
pub type ModuleInit = fn(&mut Vm, &ObjRef) -> PyResult<()>;

/// The built-in modules, by import name.
pub fn native_module(name: &str) -> Option<ModuleInit> {
    Some(match name {
        "sys" => sys::init,
        "_collections" => collections::init,
        "itertools" => itertools::init,
        "math" => math_module::init,
        "operator" => operator::init,
        "os" => os::init,
        "posixpath" => os::init_path,
        "random" => random_module::init,
        "time" => time::init,
        _ => return None,
    })
}

/// Every built-in module name (`sys.builtin_module_names`).
pub const BUILTIN_MODULE_NAMES: &[&str] = &[
    "_collections",
    "builtins",
    "itertools",
    "math",
    "operator",
    "os",
    "posixpath",
    "random",
    "sys",
    "time",
];

/// A new, empty module object with `__name__` set.
pub fn new_module(vm: &Vm, name: &str) -> ObjRef {
    let dict = new_dict_obj(Dict::new());
    vm.dict_set_str(&dict, Value::str("__name__"), Value::str(name));
    vm.dict_set_str(&dict, Value::str("__doc__"), Value::None);
    vm.dict_set_str(&dict, Value::str("__package__"), Value::None);
    vm.dict_set_str(&dict, Value::str("__loader__"), Value::None);
    vm.dict_set_str(&dict, Value::str("__spec__"), Value::None);
    std::sync::Arc::new(PyObject {
        class: None,
        dict: Some(dict),
        payload: Payload::Module(Module {
            name: name.to_string(),
        }),
    })
}

/// Sets `module.name = value`.
pub fn set_attr(vm: &Vm, module: &ObjRef, name: &str, value: Value) {
    if let Some(d) = &module.dict {
        vm.dict_set_str(d, Value::str(name), value);
    }
}

/// The `OSError` subclass CPython raises for an errno, with `(errno, strerror)` arguments.
pub fn os_error(errno: i32, strerror: &str) -> PyErr {
    os_error_with_filename(errno, strerror, None)
}

/// `OSError(errno, strerror, filename)`: `[Errno 2] No such file or directory: 'x'`.
pub fn os_error_with_filename(errno: i32, strerror: &str, filename: Option<Value>) -> PyErr {
    let kind = match errno {
        libc::ENOENT => ExcType::FileNotFoundError,
        libc::EEXIST => ExcType::FileExistsError,
        libc::EACCES | libc::EPERM => ExcType::PermissionError,
        libc::EISDIR => ExcType::IsADirectoryError,
        libc::ENOTDIR => ExcType::NotADirectoryError,
        libc::EPIPE | libc::ESHUTDOWN => ExcType::BrokenPipeError,
        libc::ECHILD => ExcType::ChildProcessError,
        libc::ESRCH => ExcType::ProcessLookupError,
        libc::EINTR => ExcType::InterruptedError,
        libc::EAGAIN | libc::EALREADY | libc::EINPROGRESS => ExcType::BlockingIOError,
        libc::ETIMEDOUT => ExcType::TimeoutError,
        libc::ECONNREFUSED => ExcType::ConnectionRefusedError,
        libc::ECONNRESET => ExcType::ConnectionResetError,
        libc::ECONNABORTED => ExcType::ConnectionAbortedError,
        _ => ExcType::OSError,
    };
    let mut args = vec![Value::Int(i64::from(errno)), Value::str(strerror)];
    let err = PyErr::with_args(kind, args.clone());
    if let Some(d) = &err.exc.dict {
        let gil = unsafe { crate::object::gil_cell::Gil::assume_held() };
        let set = |k: &str, v: Value| {
            let key = Value::str(k);
            let h = key.as_pystr().map_or(0, |s| s.hash());
            if let Payload::Dict(dd) = &d.payload {
                let _ = dd
                    .borrow_mut(&gil)
                    .insert_with(h, key, v, &mut |a, b| Ok(a.as_str() == b.as_str()));
            }
        };
        set("errno", args.remove(0));
        set("strerror", Value::str(strerror));
        set("filename", filename.unwrap_or(Value::None));
    }
    err
}

/// The message of an errno, as `os.strerror` gives it.
pub fn strerror(errno: i32) -> String {
    std::io::Error::from_raw_os_error(errno)
        .to_string()
        .split(" (os error")
        .next()
        .unwrap_or("")
        .to_string()
}
