//! Interpreter start-up: the `builtins`, `sys` and `__main__` modules, `sys.argv`,
//! `sys.path` and the standard streams.

use std::sync::Arc;

use crate::Options;
use crate::modules::io::new_text_io;
use crate::modules::{new_module, set_attr};
use crate::object::value::{Module, ObjRef, Payload, PyObject, Value};
use crate::runtime::stream::TextStream;
use crate::vm::Vm;

/// Sets up `sys` and `__main__`; returns the `__main__` module.
pub fn init_sys(vm: &mut Vm, options: &Options) -> ObjRef {
    let builtins = Arc::new(PyObject {
        class: None,
        dict: Some(vm.interp.builtins.clone()),
        payload: Payload::Module(Module {
            name: "builtins".into(),
        }),
    });
    let modules = vm.interp.modules.clone();
    vm.dict_set_str(&modules, Value::str("builtins"), Value::Obj(builtins));
    if let Ok(Value::Obj(sys)) = vm.import_module("sys") {
        let argv = options
            .argv
            .iter()
            .map(|a| Value::str(a.as_str()))
            .collect();
        set_attr(vm, &sys, "argv", Value::list(argv));
        set_attr(vm, &sys, "orig_argv", Value::list(Vec::new()));
        let path = options
            .path
            .iter()
            .map(|p| Value::str(p.as_str()))
            .collect();
        set_attr(vm, &sys, "path", Value::list(path));
        let streams = [
            ("stdin", TextStream::stdin(options.unbuffered)),
            ("stdout", TextStream::stdout(options.unbuffered)),
            ("stderr", TextStream::stderr(options.unbuffered)),
        ];
        for (name, stream) in streams {
            let v = stream.map_or(Value::None, |s| new_text_io(Arc::new(s)));
            set_attr(vm, &sys, name, v.clone());
            set_attr(vm, &sys, &format!("__{name}__"), v);
        }
    }
    let main = new_module(vm, "__main__");
    set_attr(
        vm,
        &main,
        "__builtins__",
        Value::Obj(vm.interp.builtins.clone()),
    );
    vm.dict_set_str(&modules, Value::str("__main__"), Value::Obj(main.clone()));
    main
}
