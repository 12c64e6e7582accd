//! The exception classes' methods: construction (`args`, and the attributes some classes
//! derive from them: `StopIteration.value`, `SystemExit.code`, `OSError.errno`/`strerror`/
//! `filename`, `ImportError.name`/`path`), `with_traceback` and `add_note`.

use super::{add_method, add_methods};
use crate::object::gil_cell::Gil;
use crate::object::typeobj::{BuiltinTypes, ExcType, Layout, is_subtype, type_data, types};
use crate::object::value::{Args, NativeKind, ObjRef, Payload, Value};
use crate::vm::Vm;
use crate::vm::exceptions::{PyResult, new_exception, type_error};

pub fn install(t: &BuiltinTypes, gil: &Gil) {
    let base = t.exception(ExcType::BaseException);
    add_method(
        gil,
        base,
        "__new__",
        exception_new,
        NativeKind::StaticMethod,
    );
    add_methods(
        gil,
        base,
        &[
            ("__init__", exception_init),
            ("with_traceback", with_traceback),
            ("add_note", add_note),
        ],
    );
}

/// Classes whose constructor accepts keyword arguments.
fn accepts_kwargs(cls: &ObjRef) -> bool {
    is_subtype(cls, types().exception(ExcType::ImportError))
        || is_subtype(cls, types().exception(ExcType::NameError))
        || is_subtype(cls, types().exception(ExcType::AttributeError))
}

fn exception_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Value::Obj(cls)) = args.pos.first() else {
        return Err(type_error(
            "BaseException.__new__(X): X is not a type object",
        ));
    };
    if type_data(cls).layout != Layout::Exception {
        return Err(type_error(
            "BaseException.__new__(X): X is not a subtype of BaseException",
        ));
    }
    let rest = args.pos[1..].to_vec();
    let exc = new_exception(cls.clone(), rest.clone());
    set_derived_attributes(vm, &exc, cls, &rest);
    Ok(Value::Obj(exc))
}

fn exception_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Value::Obj(exc)) = args.pos.first() else {
        return Err(type_error("descriptor '__init__' needs an argument"));
    };
    let cls = crate::object::typeobj::type_of(&args.pos[0]).clone();
    if args.has_kwargs() {
        if !accepts_kwargs(&cls) {
            return Err(type_error(format!(
                "{}() takes no keyword arguments",
                type_data(&cls).name(&vm.gil)
            )));
        }
        if let Some(d) = &exc.dict {
            for (k, v) in args.kw_names.iter().zip(args.kw_values) {
                vm.dict_set_str(d, k.clone(), v.clone());
            }
        }
    }
    let rest = args.pos[1..].to_vec();
    if let Payload::Exception(d) = &exc.payload {
        d.borrow_mut(&vm.gil).args = Value::tuple(rest.clone());
    }
    set_derived_attributes(vm, exc, &cls, &rest);
    Ok(Value::None)
}

fn set_derived_attributes(vm: &mut Vm, exc: &ObjRef, cls: &ObjRef, args: &[Value]) {
    let Some(d) = &exc.dict else { return };
    let t = types();
    let set = |vm: &Vm, k: &str, v: Value| vm.dict_set_str(d, Value::str(k), v);
    if is_subtype(cls, t.exception(ExcType::StopIteration)) {
        set(vm, "value", args.first().cloned().unwrap_or(Value::None));
    } else if is_subtype(cls, t.exception(ExcType::SystemExit)) {
        let code = match args {
            [] => Value::None,
            [c] => c.clone(),
            _ => Value::tuple(args.to_vec()),
        };
        set(vm, "code", code);
    } else if is_subtype(cls, t.exception(ExcType::OSError)) {
        let (errno, strerror, filename) = match args {
            [e, s, rest @ ..] if (2..=5).contains(&args.len()) => (
                e.clone(),
                s.clone(),
                rest.first().cloned().unwrap_or(Value::None),
            ),
            _ => (Value::None, Value::None, Value::None),
        };
        set(vm, "errno", errno);
        set(vm, "strerror", strerror);
        set(vm, "filename", filename);
        if args.len() >= 3
            && let Payload::Exception(data) = &exc.payload
        {
            data.borrow_mut(&vm.gil).args = Value::tuple(args[..2].to_vec());
        }
    } else if is_subtype(cls, t.exception(ExcType::ImportError)) {
        if vm.dict_get_str(d, &Value::str("name")).is_none() {
            set(vm, "name", Value::None);
        }
        if vm.dict_get_str(d, &Value::str("path")).is_none() {
            set(vm, "path", Value::None);
        }
        set(vm, "msg", args.first().cloned().unwrap_or(Value::None));
    } else if is_subtype(cls, t.exception(ExcType::NameError))
        && vm.dict_get_str(d, &Value::str("name")).is_none()
    {
        set(vm, "name", Value::None);
    }
}

fn with_traceback(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [exc, tb] = args.pos else {
        return Err(type_error("with_traceback() takes exactly one argument"));
    };
    vm.set_attr(exc, &Value::str("__traceback__"), tb.clone())?;
    Ok(exc.clone())
}

fn add_note(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [exc, note] = args.pos else {
        return Err(type_error("add_note() takes exactly one argument"));
    };
    if note.as_str().is_none() {
        return Err(type_error(format!(
            "note must be a str, not '{}'",
            crate::vm::eval::type_name(note, vm)
        )));
    }
    let key = Value::str("__notes__");
    let Some(d) = exc.as_obj().and_then(|o| o.dict.clone()) else {
        return Ok(Value::None);
    };
    let notes = match vm.dict_get_str(&d, &key) {
        Some(n) => n,
        None => {
            let n = Value::list(Vec::new());
            vm.dict_set_str(&d, key, n.clone());
            n
        }
    };
    vm.list_append(&notes, note.clone())?;
    Ok(Value::None)
}
