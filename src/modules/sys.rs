//! The `sys` module: argv, path, modules, the standard streams, exit, the recursion limit,
//! version information, `exc_info`, the switch interval.

use std::sync::atomic::Ordering;

use super::{ModuleInit, set_attr};
use crate::builtins::native_function;
use crate::object::typeobj::ExcType;
use crate::object::value::{Args, ObjRef, Value};
use crate::vm::Vm;
use crate::vm::exceptions::{PyErr, PyResult, type_error, value_error};

const _: ModuleInit = init;

/// CPython version gilpy follows.
pub const VERSION_INFO: (i64, i64, i64) = (3, 11, 7);

pub fn init(vm: &mut Vm, m: &ObjRef) -> PyResult<()> {
    let (major, minor, micro) = VERSION_INFO;
    set_attr(vm, m, "modules", Value::Obj(vm.interp.modules.clone()));
    set_attr(
        vm,
        m,
        "version",
        Value::str(format!(
            "{major}.{minor}.{micro} (gilpy {})",
            env!("CARGO_PKG_VERSION")
        )),
    );
    set_attr(
        vm,
        m,
        "version_info",
        Value::tuple(vec![
            Value::Int(major),
            Value::Int(minor),
            Value::Int(micro),
            Value::str("final"),
            Value::Int(0),
        ]),
    );
    set_attr(
        vm,
        m,
        "hexversion",
        Value::Int((major << 24) | (minor << 16) | (micro << 8) | 0xf0),
    );
    set_attr(vm, m, "platform", Value::str("linux"));
    set_attr(vm, m, "byteorder", Value::str("little"));
    set_attr(vm, m, "maxsize", Value::Int(i64::MAX));
    set_attr(vm, m, "implementation_name", Value::str("gilpy"));
    set_attr(
        vm,
        m,
        "builtin_module_names",
        Value::tuple(
            super::BUILTIN_MODULE_NAMES
                .iter()
                .map(|n| Value::str(*n))
                .collect::<Vec<_>>(),
        ),
    );
    let exe = std::env::current_exe()
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_default();
    set_attr(vm, m, "executable", Value::str(exe));
    set_attr(vm, m, "argv", Value::list(Vec::new()));
    set_attr(vm, m, "path", Value::list(Vec::new()));
    set_attr(vm, m, "dont_write_bytecode", Value::Bool(true));
    for (name, f) in [
        ("exit", exit as crate::object::value::NativeFn),
        ("getrecursionlimit", getrecursionlimit),
        ("setrecursionlimit", setrecursionlimit),
        ("exc_info", exc_info),
        ("exception", exception),
        ("getswitchinterval", getswitchinterval),
        ("setswitchinterval", setswitchinterval),
        ("intern", intern),
    ] {
        set_attr(vm, m, name, native_function(name, f));
    }
    Ok(())
}

fn exit(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.between("exit", 0, 1)?;
    Err(PyErr::with_args(ExcType::SystemExit, a.to_vec()))
}

fn getrecursionlimit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.between("getrecursionlimit", 0, 0)?;
    Ok(Value::Int(vm.recursion_limit() as i64))
}

fn setrecursionlimit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = args.one("setrecursionlimit")?;
    let n = match v {
        Value::Int(n) => *n,
        _ => {
            return Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                crate::vm::eval::type_name(v, vm)
            )));
        }
    };
    if n < 1 {
        return Err(value_error(
            "recursion limit must be greater or equal than 1",
        ));
    }
    if (n as usize) <= vm.depth {
        return Err(PyErr::new(
            ExcType::RecursionError,
            format!(
                "cannot set the recursion limit to {n} at the recursion depth {}: the limit is too low",
                vm.depth
            ),
        ));
    }
    vm.interp
        .recursion_limit
        .store(n as usize, Ordering::Relaxed);
    Ok(Value::None)
}

fn exc_info(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.between("exc_info", 0, 0)?;
    let h = vm.handled.clone();
    if h.is_null() || h.is_none() {
        return Ok(Value::tuple(vec![Value::None, Value::None, Value::None]));
    }
    let t = Value::Obj(crate::object::typeobj::type_of(&h).clone());
    let tb = vm.traceback_value(&h);
    Ok(Value::tuple(vec![t, h, tb]))
}

fn exception(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.between("exception", 0, 0)?;
    let h = vm.handled.clone();
    Ok(if h.is_null() { Value::None } else { h })
}

fn getswitchinterval(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.between("getswitchinterval", 0, 0)?;
    Ok(Value::Float(vm.interp.switch_interval()))
}

fn setswitchinterval(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = args.one("setswitchinterval")?;
    let x = match v {
        Value::Float(f) => *f,
        Value::Int(i) => *i as f64,
        _ => {
            return Err(type_error(format!(
                "must be real number, not {}",
                crate::vm::eval::type_name(v, vm)
            )));
        }
    };
    if x <= 0.0 {
        return Err(value_error("switch interval must be strictly positive"));
    }
    vm.interp.set_switch_interval(x);
    Ok(Value::None)
}

fn intern(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = args.one("intern")?;
    if v.as_str().is_none() {
        return Err(type_error("intern() argument must be str"));
    }
    Ok(v.clone())
}
