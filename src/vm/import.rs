//! The import system: `import a.b.c`, `from . import x`, `from m import *` — built-in
//! modules, modules written in the subset and embedded in the binary (`src/pylib/`), and `.py`
//! files and packages found on `sys.path`, cached in `sys.modules`.

use std::path::{Path, PathBuf};

use super::Vm;
use super::eval::{Resume, type_name};
use super::exceptions::{PyErr, PyResult, type_error, value_error};
use super::frame::Frame;
use crate::compile::Mode;
use crate::modules::{native_module, new_module, set_attr};
use crate::object::typeobj::ExcType;
use crate::object::value::{ObjRef, Payload, Value};

/// Modules written in the subset and compiled into the binary: (name, source, is_package).
pub const PYLIB: &[(&str, &str, bool)] = &[
    ("__future__", include_str!("../pylib/__future__.py"), false),
    ("abc", include_str!("../pylib/abc.py"), false),
    ("bisect", include_str!("../pylib/bisect.py"), false),
    (
        "collections",
        include_str!("../pylib/collections/__init__.py"),
        true,
    ),
    (
        "collections.abc",
        include_str!("../pylib/collections/abc.py"),
        false,
    ),
    ("contextlib", include_str!("../pylib/contextlib.py"), false),
    ("copy", include_str!("../pylib/copy.py"), false),
    (
        "dataclasses",
        include_str!("../pylib/dataclasses.py"),
        false,
    ),
    ("enum", include_str!("../pylib/enum.py"), false),
    ("functools", include_str!("../pylib/functools.py"), false),
    ("heapq", include_str!("../pylib/heapq.py"), false),
    ("string", include_str!("../pylib/string.py"), false),
    ("typing", include_str!("../pylib/typing.py"), false),
];

impl Vm {
    /// `IMPORT_NAME`: imports `name` (relative to the importing module for level > 0) and
    /// returns the top package (no fromlist) or the module itself.
    pub fn import_name(
        &mut self,
        name: &Value,
        globals: &ObjRef,
        fromlist: &Value,
        level: &Value,
    ) -> PyResult<Value> {
        let name = name.as_str().unwrap_or("").to_string();
        let level = match level {
            Value::Int(l) if *l >= 0 => *l as usize,
            Value::Int(_) => return Err(value_error("level must be >= 0")),
            _ => 0,
        };
        let full = if level > 0 {
            self.resolve_relative(&name, globals, level)?
        } else {
            if name.is_empty() {
                return Err(value_error("Empty module name"));
            }
            name.clone()
        };
        let module = self.import_module(&full)?;
        let has_fromlist = match fromlist {
            Value::None | Value::Null => false,
            v => self.is_true(v)?,
        };
        if has_fromlist {
            self.import_fromlist(&module, &full, fromlist)?;
            return Ok(module);
        }
        if level > 0 && name.is_empty() {
            return Ok(module);
        }
        // `import a.b.c` binds `a`.
        let top = match name.split_once('.') {
            Some((first, _)) if level == 0 => first.to_string(),
            _ if level == 0 => return Ok(module),
            _ => {
                let cut = full.len() - name.len();
                let first = name.split('.').next().unwrap_or("");
                format!("{}{first}", &full[..cut])
            }
        };
        self.import_module(&top)
    }

    fn resolve_relative(&mut self, name: &str, globals: &ObjRef, level: usize) -> PyResult<String> {
        let package = self
            .dict_get_str(globals, &Value::str("__package__"))
            .filter(|p| !p.is_none());
        let package = match package {
            Some(p) => p.as_str().unwrap_or("").to_string(),
            None => {
                let modname = self
                    .dict_get_str(globals, &Value::str("__name__"))
                    .and_then(|n| n.as_str().map(str::to_string))
                    .unwrap_or_default();
                let is_pkg = self
                    .dict_get_str(globals, &Value::str("__path__"))
                    .is_some();
                if is_pkg {
                    modname
                } else {
                    modname
                        .rsplit_once('.')
                        .map(|(p, _)| p.to_string())
                        .unwrap_or_default()
                }
            }
        };
        if package.is_empty() {
            return Err(PyErr::new(
                ExcType::ImportError,
                "attempted relative import with no known parent package",
            ));
        }
        let mut parts: Vec<&str> = package.split('.').collect();
        if level > parts.len() {
            return Err(PyErr::new(
                ExcType::ImportError,
                "attempted relative import beyond top-level package",
            ));
        }
        parts.truncate(parts.len() - (level - 1));
        let base = parts.join(".");
        Ok(if name.is_empty() {
            base
        } else {
            format!("{base}.{name}")
        })
    }

    fn import_fromlist(&mut self, module: &Value, full: &str, fromlist: &Value) -> PyResult<()> {
        let is_package = module
            .as_obj()
            .and_then(|o| o.dict.clone())
            .is_some_and(|d| self.dict_get_str(&d, &Value::str("__path__")).is_some());
        if !is_package {
            return Ok(());
        }
        for item in self.iterate(fromlist)? {
            let Some(n) = item.as_str() else { continue };
            if n == "*" {
                continue;
            }
            if self.get_attr(module, &item).is_err() {
                match self.import_module(&format!("{full}.{n}")) {
                    Ok(_) => {}
                    Err(e) if e.matches(ExcType::ModuleNotFoundError) => {}
                    Err(e) => return Err(e),
                }
            }
        }
        Ok(())
    }

    /// Imports a module by its full dotted name (parents first).
    pub fn import_module(&mut self, full: &str) -> PyResult<Value> {
        let key = Value::str(full);
        if let Some(m) = self.dict_get_str(&self.interp.modules.clone(), &key) {
            if m.is_none() {
                return Err(module_not_found(full));
            }
            return Ok(m);
        }
        let (parent, search_path) = match full.rsplit_once('.') {
            Some((parent, _)) => {
                let p = self.import_module(parent)?;
                // Importing the parent may have registered this module (`os` sets `os.path`).
                if let Some(m) = self.dict_get_str(&self.interp.modules.clone(), &key) {
                    return Ok(m);
                }
                let path = p
                    .as_obj()
                    .and_then(|o| o.dict.clone())
                    .and_then(|d| self.dict_get_str(&d, &Value::str("__path__")));
                let Some(path) = path else {
                    return Err(PyErr::new(
                        ExcType::ModuleNotFoundError,
                        format!("No module named '{full}'; '{parent}' is not a package"),
                    ));
                };
                (Some(p), self.iterate(&path)?)
            }
            None => (None, self.sys_path()),
        };
        let module = self.load_module(full, &search_path)?;
        if let (Some(p), Some((_, last))) = (parent, full.rsplit_once('.')) {
            self.set_attr(&p, &Value::str(last), module.clone())?;
        }
        Ok(module)
    }

    fn sys_path(&mut self) -> Vec<Value> {
        match self.sys_attr("path") {
            Some(p) => self.iterate(&p).unwrap_or_default(),
            None => Vec::new(),
        }
    }

    /// Finds and executes a module not yet in `sys.modules`.
    fn load_module(&mut self, full: &str, search_path: &[Value]) -> PyResult<Value> {
        if let Some(init) = native_module(full) {
            let m = new_module(self, full);
            self.register_module(full, &m);
            if let Err(e) = init(self, &m) {
                self.dict_del_str(&self.interp.modules.clone(), &Value::str(full));
                return Err(e);
            }
            return Ok(Value::Obj(m));
        }
        if let Some(&(_, source, is_package)) = PYLIB.iter().find(|(n, _, _)| *n == full) {
            let filename = format!("<frozen {full}>");
            return self.exec_module_source(full, source, &filename, is_package.then(Vec::new));
        }
        let last = full.rsplit('.').next().unwrap_or(full);
        for dir in search_path {
            let Some(dir) = dir.as_str() else { continue };
            let base = if dir.is_empty() {
                PathBuf::from(".")
            } else {
                PathBuf::from(dir)
            };
            let pkg_init = base.join(last).join("__init__.py");
            if pkg_init.is_file() {
                let pkg_dir = base.join(last);
                return self.exec_module_file(full, &pkg_init, Some(vec![path_str(&pkg_dir)]));
            }
            let file = base.join(format!("{last}.py"));
            if file.is_file() {
                return self.exec_module_file(full, &file, None);
            }
        }
        Err(module_not_found(full))
    }

    fn register_module(&mut self, name: &str, m: &ObjRef) {
        let modules = self.interp.modules.clone();
        self.dict_set_str(&modules, Value::str(name), Value::Obj(m.clone()));
    }

    fn exec_module_file(
        &mut self,
        full: &str,
        path: &Path,
        pkg_path: Option<Vec<String>>,
    ) -> PyResult<Value> {
        let source = std::fs::read(path)
            .map_err(|e| crate::modules::os_error(e.raw_os_error().unwrap_or(0), &e.to_string()))?;
        let source = String::from_utf8(source).map_err(|_| {
            PyErr::new(
                ExcType::SyntaxError,
                format!("Non-UTF-8 code in file {}", path.display()),
            )
        })?;
        let filename = path_str(path);
        self.exec_module_source(full, &source, &filename, pkg_path)
    }

    /// Runs a module's source in a fresh module registered as `full`.
    pub fn exec_module_source(
        &mut self,
        full: &str,
        source: &str,
        filename: &str,
        pkg_path: Option<Vec<String>>,
    ) -> PyResult<Value> {
        let m = new_module(self, full);
        set_attr(self, &m, "__file__", Value::str(filename));
        let package = match &pkg_path {
            Some(paths) => {
                set_attr(
                    self,
                    &m,
                    "__path__",
                    Value::list(paths.iter().map(|p| Value::str(p.as_str())).collect()),
                );
                full.to_string()
            }
            None => full
                .rsplit_once('.')
                .map(|(p, _)| p.to_string())
                .unwrap_or_default(),
        };
        set_attr(self, &m, "__package__", Value::str(package));
        self.register_module(full, &m);
        if let Err(e) = self.run_source_in(source, filename, &m, Mode::Exec) {
            self.dict_del_str(&self.interp.modules.clone(), &Value::str(full));
            return Err(e);
        }
        // The module may have replaced itself in sys.modules.
        Ok(self
            .dict_get_str(&self.interp.modules.clone(), &Value::str(full))
            .unwrap_or(Value::Obj(m)))
    }

    /// Compiles and runs source in a module's namespace; returns the code's value (the
    /// expression's for `Mode::Eval`).
    pub fn run_source_in(
        &mut self,
        source: &str,
        filename: &str,
        module: &ObjRef,
        mode: Mode,
    ) -> PyResult<Value> {
        let code = crate::compile::compile_source(source, filename, mode)
            .map_err(|e| self.syntax_error(e))?;
        self.remember_source(filename, source);
        let Some(globals) = module.dict.clone() else {
            return Err(type_error("module has no namespace"));
        };
        self.run_code(code, &globals, Some(globals.clone()))
    }

    /// Runs a compiled module-level code object.
    pub fn run_code(
        &mut self,
        co: std::sync::Arc<crate::compile::bytecode::CodeObject>,
        globals: &ObjRef,
        namespace: Option<ObjRef>,
    ) -> PyResult<Value> {
        let code = super::code::Code::new(co);
        let builtins = self.interp.builtins.clone();
        if self
            .dict_get_str(globals, &Value::str("__builtins__"))
            .is_none()
        {
            let b = self
                .dict_get_str(&self.interp.modules.clone(), &Value::str("builtins"))
                .unwrap_or(Value::Obj(builtins.clone()));
            self.dict_set_str(globals, Value::str("__builtins__"), b);
        }
        let mut frame = Frame::new(&code, globals, &builtins, namespace);
        match self.run_frame(&mut frame, Resume::Send(Value::None))? {
            super::eval::FrameExit::Return(v) | super::eval::FrameExit::Yield(v) => Ok(v),
        }
    }

    /// `IMPORT_FROM`: `module.name`, or the submodule `module.name` once imported.
    pub fn import_from(&mut self, module: &Value, name: &Value) -> PyResult<Value> {
        match self.get_attr(module, name) {
            Ok(v) => return Ok(v),
            Err(e) if !e.matches(ExcType::AttributeError) => return Err(e),
            Err(_) => {}
        }
        let n = name.as_str().unwrap_or("");
        let modname = self
            .get_attr(module, &Value::str("__name__"))
            .ok()
            .and_then(|v| v.as_str().map(str::to_string));
        if let Some(pkg) = &modname {
            let sub = format!("{pkg}.{n}");
            if let Some(m) =
                self.dict_get_str(&self.interp.modules.clone(), &Value::str(sub.as_str()))
            {
                return Ok(m);
            }
        }
        let modname = modname.unwrap_or_else(|| "<unknown module name>".into());
        let file = self
            .get_attr(module, &Value::str("__file__"))
            .ok()
            .and_then(|v| v.as_str().map(str::to_string));
        let location = match file {
            Some(f) => format!(" ({f})"),
            None => " (unknown location)".to_string(),
        };
        let err = PyErr::new(
            ExcType::ImportError,
            format!("cannot import name '{n}' from '{modname}'{location}"),
        );
        if let Some(d) = &err.exc.dict {
            self.dict_set_str(d, Value::str("name"), Value::str(modname));
        }
        Err(err)
    }

    /// `from m import *`: `__all__`, or every public name.
    pub fn import_star(&mut self, module: &Value, ns: &ObjRef) -> PyResult<()> {
        let Some(d) = module.as_obj().and_then(|o| o.dict.clone()) else {
            return Ok(());
        };
        let names: Vec<Value> = match self.dict_get_str(&d, &Value::str("__all__")) {
            Some(all) => self.iterate(&all)?,
            None => match &d.payload {
                Payload::Dict(t) => t
                    .borrow(&self.gil)
                    .iter()
                    .filter(|e| e.key.as_str().is_some_and(|k| !k.starts_with('_')))
                    .map(|e| e.key.clone())
                    .collect(),
                _ => Vec::new(),
            },
        };
        for n in names {
            if n.as_str().is_none() {
                return Err(type_error(format!(
                    "Item in {}.__all__ must be str, not {}",
                    "module",
                    type_name(&n, self)
                )));
            }
            let v = self.get_attr(module, &n)?;
            self.store_mapping(ns, n, v)?;
        }
        Ok(())
    }
}

fn module_not_found(name: &str) -> PyErr {
    let err = PyErr::new(
        ExcType::ModuleNotFoundError,
        format!("No module named '{name}'"),
    );
    if let Some(d) = &err.exc.dict {
        let gil = unsafe { crate::object::gil_cell::Gil::assume_held() };
        let key = Value::str("name");
        let h = key.as_pystr().map_or(0, |s| s.hash());
        if let Payload::Dict(dd) = &d.payload {
            let _ = dd
                .borrow_mut(&gil)
                .insert_with(h, key, Value::str(name), &mut |a, b| {
                    Ok(a.as_str() == b.as_str())
                });
        }
    }
    err
}

fn path_str(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}
