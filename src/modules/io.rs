//! Text stream objects: `sys.stdout`, `sys.stderr`, `sys.stdin` (and files later) as Python
//! objects of type `_io.TextIOWrapper` over the runtime's buffered `TextStream`. Blocking calls
//! go through the interpreter's `allow_threads` door.

use std::sync::{Arc, OnceLock};

use crate::builtins::{add_methods, set_type_attr};
use crate::object::dict::Dict;
use crate::object::gil_cell::Gil;
use crate::object::typeobj::{Layout, new_type, types};
use crate::object::value::{
    Args, GetSet, NativeData, ObjRef, Payload, PyObject, Value, new_dict_obj,
};
use crate::runtime::stream::{NoGil, StreamError, TextStream};
use crate::vm::Vm;
use crate::vm::exceptions::{PyErr, PyResult, exc_type_by_name, type_error};

/// The payload of a text stream object.
#[derive(Debug)]
pub struct TextIO {
    pub stream: Arc<TextStream>,
}

impl NativeData for TextIO {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// The `_io.TextIOWrapper` type.
pub fn text_io_type() -> &'static ObjRef {
    static T: OnceLock<ObjRef> = OnceLock::new();
    T.get_or_init(|| {
        let object = types().object.clone();
        let t = new_type(
            "TextIOWrapper",
            vec![object.clone()],
            vec![object],
            new_dict_obj(Dict::new()),
            Layout::Opaque,
            false,
            None,
        );
        let gil = unsafe { Gil::assume_held() };
        add_methods(
            &gil,
            &t,
            &[
                ("write", write),
                ("flush", flush),
                ("readline", readline),
                ("read", read),
                ("fileno", fileno),
                ("isatty", isatty),
                ("close", close),
                ("readable", readable),
                ("writable", writable),
                ("__enter__", enter),
                ("__exit__", exit),
                ("__iter__", enter),
                ("__next__", next_line),
                ("__repr__", repr),
            ],
        );
        for (name, get) in [
            ("name", get_name as fn(&mut Vm, &Value) -> PyResult<Value>),
            ("encoding", get_encoding),
            ("closed", get_closed),
            ("line_buffering", get_line_buffering),
            ("errors", get_errors),
        ] {
            let g = Value::obj(Payload::GetSet(GetSet {
                name,
                get,
                set: None,
                owner: Some(t.clone()),
            }));
            set_type_attr(&gil, &t, name, g);
        }
        set_type_attr(&gil, &t, "__module__", Value::str("_io"));
        t
    })
}

/// Wraps a stream as a Python object.
pub fn new_text_io(stream: Arc<TextStream>) -> Value {
    Value::Obj(Arc::new(PyObject {
        class: Some(text_io_type().clone()),
        dict: None,
        payload: Payload::Native(Box::new(TextIO { stream })),
    }))
}

/// The stream inside a text stream object.
pub fn stream_of(v: &Value) -> Option<&Arc<TextStream>> {
    match v.payload()? {
        Payload::Native(n) => n.as_any().downcast_ref::<TextIO>().map(|t| &t.stream),
        _ => None,
    }
}

fn this<'a>(args: &Args<'a>) -> PyResult<&'a Arc<TextStream>> {
    args.pos
        .first()
        .and_then(stream_of)
        .ok_or_else(|| type_error("descriptor requires a '_io.TextIOWrapper' object"))
}

/// A stream error as the Python exception it stands for.
pub fn stream_error(e: StreamError) -> PyErr {
    let name = e.type_name();
    let msg = e.message();
    match &e {
        StreamError::Os(err) => {
            let errno = err.raw_os_error().unwrap_or(0);
            crate::modules::os_error(errno, &crate::modules::strerror(errno))
        }
        _ => PyErr::new(exc_type_by_name(name), msg),
    }
}

fn write(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(&args)?;
    let Some(text) = args.pos.get(1) else {
        return Err(type_error("write() takes exactly one argument (0 given)"));
    };
    let Some(t) = text.as_str() else {
        return Err(type_error(format!(
            "write() argument must be str, not {}",
            crate::vm::eval::type_name(text, vm)
        )));
    };
    s.write_str(t, &NoGil).map_err(stream_error)?;
    Ok(Value::Int(crate::object::text::char_len(t) as i64))
}

fn flush(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    this(&args)?.flush(&NoGil).map_err(stream_error)?;
    Ok(Value::None)
}

fn readline(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(&args)?;
    let line = s.read_line(None, &NoGil).map_err(stream_error)?;
    Ok(Value::str(line))
}

fn next_line(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(&args)?;
    let line = s.read_line(None, &NoGil).map_err(stream_error)?;
    if line.is_empty() {
        return Err(PyErr::with_args(
            crate::object::typeobj::ExcType::StopIteration,
            vec![],
        ));
    }
    Ok(Value::str(line))
}

fn read(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(&args)?;
    let n = match args.pos.get(1) {
        None | Some(Value::None) => None,
        Some(v) => {
            let n = crate::vm::ops::index_value(vm, v)?;
            (n >= 0).then_some(n as usize)
        }
    };
    Ok(Value::str(s.read(n, &NoGil).map_err(stream_error)?))
}

fn fileno(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(i64::from(
        this(&args)?.fileno().map_err(stream_error)?,
    )))
}

fn isatty(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(this(&args)?.isatty().map_err(stream_error)?))
}

fn close(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    this(&args)?.close(&NoGil).map_err(stream_error)?;
    Ok(Value::None)
}

fn readable(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(this(&args)?.readable()))
}

fn writable(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(this(&args)?.writable()))
}

fn enter(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    this(&args)?;
    Ok(args.pos[0].clone())
}

fn exit(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    this(&args)?.close(&NoGil).map_err(stream_error)?;
    Ok(Value::None)
}

fn repr(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::str(this(&args)?.repr()))
}

fn stream_arg(v: &Value) -> PyResult<&Arc<TextStream>> {
    stream_of(v).ok_or_else(|| type_error("expected a text stream"))
}

fn get_name(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::str(stream_arg(v)?.name()))
}

fn get_encoding(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::str(stream_arg(v)?.encoding()))
}

fn get_closed(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::Bool(stream_arg(v)?.closed()))
}

fn get_line_buffering(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::Bool(stream_arg(v)?.line_buffering()))
}

fn get_errors(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::str(stream_arg(v)?.errors().name()))
}

impl Vm {
    /// Writes text to `file` (None: `sys.stdout`), as print() does, then flushes if asked.
    pub fn print_text(&mut self, file: &Value, pieces: &[&str], flush: bool) -> PyResult<()> {
        let file = if file.is_none() {
            match self.sys_attr("stdout") {
                Some(f) if !f.is_none() => f,
                _ => return Ok(()),
            }
        } else {
            file.clone()
        };
        if let Some(s) = stream_of(&file) {
            for p in pieces {
                s.write_str(p, &NoGil).map_err(stream_error)?;
            }
            if flush {
                s.flush(&NoGil).map_err(stream_error)?;
            }
            return Ok(());
        }
        for p in pieces {
            self.call_method(&file, "write", &[Value::str(*p)])?;
        }
        if flush {
            self.call_method(&file, "flush", &[])?;
        }
        Ok(())
    }

    /// Writes to `sys.stdout` (the REPL's echo).
    pub fn write_stdout(&mut self, text: &str) -> PyResult<()> {
        self.print_text(&Value::None, &[text], false)
    }

    /// Writes to `sys.stderr` (tracebacks), falling back to the process's stderr.
    pub fn write_stderr(&mut self, text: &str) {
        match self.sys_attr("stderr") {
            Some(f) if stream_of(&f).is_some() => {
                if let Some(s) = stream_of(&f) {
                    let _ = s.write_str(text, &NoGil);
                    let _ = s.flush(&NoGil);
                }
            }
            Some(f) if !f.is_none() => {
                if self.call_method(&f, "write", &[Value::str(text)]).is_err() {
                    eprint!("{text}");
                }
            }
            _ => eprint!("{text}"),
        }
    }

    /// `sys.<name>`, if the sys module exists.
    pub fn sys_attr(&self, name: &str) -> Option<Value> {
        let sys = self.dict_get_str(&self.interp.modules, &Value::str("sys"))?;
        let d = sys.as_obj()?.dict.clone()?;
        self.dict_get_str(&d, &Value::str(name))
    }

    /// Flushes `sys.stdout` and `sys.stderr` (at exit, before fork).
    pub fn flush_std_streams(&mut self) {
        for name in ["stdout", "stderr"] {
            if let Some(f) = self.sys_attr(name) {
                match stream_of(&f) {
                    Some(s) => {
                        let _ = s.flush(&NoGil);
                    }
                    None if !f.is_none() => {
                        let _ = self.call_method(&f, "flush", &[]);
                    }
                    None => {}
                }
            }
        }
    }
}
