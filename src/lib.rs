//! gilpy: a small Python with a real global interpreter lock, as a library.
//!
//! The `gilpy` command is a thin layer over this API: create an [`Interpreter`], run a file or
//! a source string in its `__main__` module, or evaluate an expression to a Rust value.
//!
//! ```
//! use gilpy::{Interpreter, RustValue};
//!
//! let mut py = Interpreter::new();
//! py.run_source("def square(n):\n    return n * n\n", "<embedded>").unwrap();
//! assert_eq!(py.eval("square(12) + 1").unwrap(), RustValue::Int(145));
//! let err = py.eval("1 / 0").unwrap_err();
//! assert_eq!(err.type_name, "ZeroDivisionError");
//! assert_eq!(err.message, "division by zero");
//! ```
//!
//! Frames of Python code run on the calling thread's stack; run deeply recursive code on a
//! thread with a large stack (the `gilpy` command uses 512 MiB) — beyond the stack budget gilpy
//! raises `RecursionError` rather than overflowing.

pub mod builtins;
pub mod compile;
pub mod modules;
pub mod object;
pub mod repl;
pub mod runtime;
pub mod syntax;
pub mod vm;

use std::sync::Arc;

use object::value::{Payload, Value};
use vm::Vm;
use vm::exceptions::PyErr;

/// How an interpreter starts: what `sys.argv`, `sys.path` and the standard streams are.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// `sys.argv`.
    pub argv: Vec<String>,
    /// `sys.path` (the script's directory first, as the `gilpy` command sets it).
    pub path: Vec<String>,
    /// Unbuffered standard streams (`-u`, `PYTHONUNBUFFERED`).
    pub unbuffered: bool,
    /// Bytes of stack the interpreter may use before raising `RecursionError` (0: 6 MiB, safe
    /// on a default 8 MiB main thread).
    pub stack_budget: usize,
}

/// A Python exception that escaped to Rust.
#[derive(Clone, Debug, PartialEq)]
pub struct Exception {
    /// The exception class's name, e.g. `"ValueError"`.
    pub type_name: String,
    /// `str(exception)`.
    pub message: String,
    /// What CPython would print for it: traceback and `Type: message`.
    pub report: String,
    /// For `SystemExit`: the exit status the process should end with.
    pub exit_status: Option<i32>,
}

/// A Python value converted for Rust.
#[derive(Clone, Debug, PartialEq)]
pub enum RustValue {
    None,
    Bool(bool),
    /// An int that fits in 64 bits.
    Int(i64),
    /// A larger int, in decimal.
    BigInt(String),
    Float(f64),
    Str(String),
    Bytes(Vec<u8>),
    List(Vec<RustValue>),
    Tuple(Vec<RustValue>),
    Dict(Vec<(RustValue, RustValue)>),
    /// Anything else, by its `repr()`.
    Other(String),
}

/// One Python interpreter, used from the thread that created it.
pub struct Interpreter {
    vm: Vm,
    main: object::value::ObjRef,
}

impl Default for Interpreter {
    fn default() -> Self {
        Interpreter::new()
    }
}

impl Interpreter {
    /// An interpreter with empty `sys.argv` and `sys.path` and buffered streams.
    pub fn new() -> Interpreter {
        Interpreter::with_options(Options::default())
    }

    /// An interpreter configured by `options`.
    pub fn with_options(options: Options) -> Interpreter {
        let interp = vm::Interpreter::new();
        // SAFETY: this thread is the interpreter's only one so far: it holds the GIL.
        let mut vm = unsafe { Vm::new(interp) };
        vm.set_stack_budget(if options.stack_budget == 0 {
            6 << 20
        } else {
            options.stack_budget
        });
        builtins::populate_builtins(&mut vm);
        let main = runtime::startup::init_sys(&mut vm, &options);
        Interpreter { vm, main }
    }

    /// Runs a script file as `__main__` (`__file__` set to its path).
    pub fn run_file(&mut self, path: &str) -> Result<(), Exception> {
        let source = std::fs::read(path).map_err(|e| {
            let err = modules::os_error_with_filename(
                e.raw_os_error().unwrap_or(0),
                &modules::strerror(e.raw_os_error().unwrap_or(0)),
                Some(Value::str(path)),
            );
            self.exception(&err)
        })?;
        let source = String::from_utf8(source).map_err(|e| {
            let bytes = e.as_bytes();
            let at = e.utf8_error().valid_up_to();
            let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            let message = format!(
                "Non-UTF-8 code starting with '\\x{:02x}' in file {path} on line {line}, \
                 but no encoding declared; see https://peps.python.org/pep-0263/ for details",
                bytes[at]
            );
            Exception {
                type_name: "SyntaxError".into(),
                report: format!("SyntaxError: {message}\n"),
                message,
                exit_status: None,
            }
        })?;
        let source = source
            .strip_prefix('\u{feff}')
            .unwrap_or(&source)
            .to_string();
        modules::set_attr(&self.vm, &self.main, "__file__", Value::str(path));
        self.run_source(&source, path)
    }

    /// Runs a module found on `sys.path` as `__main__` (`gilpy -m name`).
    pub fn run_module(&mut self, name: &str) -> Result<(), Exception> {
        let rel = name.replace('.', "/");
        let dirs = self
            .vm
            .sys_attr("path")
            .map(|p| self.vm.list_items(&p))
            .unwrap_or_default();
        for dir in dirs {
            let Some(dir) = dir.as_str() else { continue };
            let base = std::path::Path::new(if dir.is_empty() { "." } else { dir });
            for candidate in [
                base.join(format!("{rel}.py")),
                base.join(&rel).join("__main__.py"),
            ] {
                if candidate.is_file() {
                    let path = std::path::absolute(&candidate).unwrap_or(candidate);
                    return self.run_file(&path.display().to_string());
                }
            }
        }
        let err = PyErr::new(
            object::typeobj::ExcType::ModuleNotFoundError,
            format!("No module named {name}"),
        );
        let mut e = self.exception(&err);
        e.report = format!(
            "{}: No module named {name}\n",
            std::env::args().next().unwrap_or_default()
        );
        e.exit_status = Some(1);
        Err(e)
    }

    /// Runs source code in the `__main__` module.
    pub fn run_source(&mut self, source: &str, filename: &str) -> Result<(), Exception> {
        let main = self.main.clone();
        let r = self
            .vm
            .run_source_in(source, filename, &main, compile::Mode::Exec);
        r.map(|_| ()).map_err(|e| self.exception(&e))
    }

    /// Runs one REPL entry in `__main__`: expression statements print their value.
    pub fn run_interactive(&mut self, source: &str) -> Result<(), Exception> {
        let main = self.main.clone();
        let r = self
            .vm
            .run_source_in(source, "<stdin>", &main, compile::Mode::Interactive);
        r.map(|_| ()).map_err(|e| self.exception(&e))
    }

    /// Evaluates an expression in `__main__`'s namespace.
    pub fn eval(&mut self, expr: &str) -> Result<RustValue, Exception> {
        let main = self.main.clone();
        let v = self
            .vm
            .run_source_in(expr, "<string>", &main, compile::Mode::Eval)
            .map_err(|e| self.exception(&e))?;
        Ok(self.rust_value(&v))
    }

    /// Flushes `sys.stdout` and `sys.stderr` (the `gilpy` command does this at exit).
    pub fn flush(&mut self) {
        self.vm.flush_std_streams();
    }

    /// Writes an exception's report to `sys.stderr`, as an uncaught exception prints.
    pub fn print_exception(&mut self, e: &Exception) {
        self.vm.flush_std_streams();
        self.vm.write_stderr(&e.report);
    }

    fn exception(&mut self, err: &PyErr) -> Exception {
        let v = err.value();
        let type_name = vm::eval::type_name(&v, &self.vm);
        let message = self.vm.str(&v).unwrap_or_default();
        let exit_status = self.exit_status(err);
        let report = if err.matches(object::typeobj::ExcType::SystemExit) {
            match &exit_status {
                Some(_) => self.system_exit_text(err),
                None => String::new(),
            }
        } else {
            self.vm.format_exception(err)
        };
        Exception {
            type_name,
            message,
            report,
            exit_status,
        }
    }

    /// `SystemExit(code)`: None → 0, an int → itself, anything else → 1 (its str is printed).
    fn exit_status(&mut self, err: &PyErr) -> Option<i32> {
        if !err.matches(object::typeobj::ExcType::SystemExit) {
            return None;
        }
        let code = self.system_exit_code(err);
        Some(match code {
            Value::None => 0,
            Value::Int(i) => i as i32,
            Value::Bool(b) => i32::from(b),
            _ => 1,
        })
    }

    fn system_exit_code(&mut self, err: &PyErr) -> Value {
        self.vm
            .get_attr(&err.value(), &Value::str("code"))
            .unwrap_or(Value::None)
    }

    fn system_exit_text(&mut self, err: &PyErr) -> String {
        match self.system_exit_code(err) {
            Value::None | Value::Int(_) | Value::Bool(_) => String::new(),
            v => format!("{}\n", self.vm.str(&v).unwrap_or_default()),
        }
    }

    fn rust_value(&mut self, v: &Value) -> RustValue {
        match v {
            Value::None | Value::Null => RustValue::None,
            Value::Bool(b) => RustValue::Bool(*b),
            Value::Int(i) => RustValue::Int(*i),
            Value::Float(f) => RustValue::Float(*f),
            Value::Obj(o) => match &o.payload {
                Payload::Str(s) => RustValue::Str(s.as_str().to_string()),
                Payload::Int(b) => RustValue::BigInt(b.to_string()),
                Payload::Bytes(b) => RustValue::Bytes(b.to_vec()),
                Payload::List(_) | Payload::Tuple(_) => {
                    let items = self.vm.list_items(v);
                    let items = items.iter().map(|x| self.rust_value(x)).collect();
                    if matches!(o.payload, Payload::List(_)) {
                        RustValue::List(items)
                    } else {
                        RustValue::Tuple(items)
                    }
                }
                Payload::Dict(d) => {
                    let pairs: Vec<(Value, Value)> = d
                        .borrow(&self.vm.gil)
                        .iter()
                        .map(|e| (e.key.clone(), e.value.clone()))
                        .collect();
                    RustValue::Dict(
                        pairs
                            .iter()
                            .map(|(k, x)| (self.rust_value(k), self.rust_value(x)))
                            .collect(),
                    )
                }
                _ => RustValue::Other(self.vm.repr(v).unwrap_or_default()),
            },
        }
    }

    /// The interpreter state shared by its threads.
    pub fn state(&self) -> &Arc<vm::Interpreter> {
        &self.vm.interp
    }
}
