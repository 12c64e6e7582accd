//! Calling: functions (binding positional, keyword, default, `*args`, `**kwargs`,
//! keyword-only and positional-only parameters with CPython's error messages), bound methods,
//! builtins, classes (`__new__` then `__init__`) and objects with `__call__`.

use std::sync::Arc;

use super::Vm;
use super::eval::{FrameExit, Resume, type_name};
use super::exceptions::{PyErr, PyResult, type_error};
use super::frame::Frame;
use super::generator::Generator;
use crate::compile::bytecode::code_flags;
use crate::object::dict::Dict;
use crate::object::gil_cell::GilCell;
use crate::object::typeobj::{ExcType, is_subtype, type_data, type_of, types};
use crate::object::value::{Args, Function, ObjRef, Payload, Value, new_dict_obj};

impl Vm {
    /// `callable(*args, **kwargs)`.
    pub fn call(&mut self, callable: &Value, args: Args) -> PyResult<Value> {
        let Value::Obj(o) = callable else {
            return Err(not_callable(callable, self));
        };
        match &o.payload {
            Payload::Function(f) => self.call_function(f, args),
            Payload::Builtin(b) => match &b.self_ {
                Some(s) => {
                    let mut pos = Vec::with_capacity(args.pos.len() + 1);
                    pos.push(s.clone());
                    pos.extend_from_slice(args.pos);
                    (b.func)(self, Args { pos: &pos, ..args })
                }
                None => (b.func)(self, args),
            },
            Payload::BoundMethod { func, self_ } => {
                let mut pos = Vec::with_capacity(args.pos.len() + 1);
                pos.push(self_.clone());
                pos.extend_from_slice(args.pos);
                self.call(func, Args { pos: &pos, ..args })
            }
            Payload::Type(_) => {
                if let Some(meta) = &o.class
                    && type_data(meta).heap
                    && let Some(m) = self.lookup_mro(meta, &crate::vm::code::interned("__call__"))
                    && !matches!(m.payload(), Some(Payload::Builtin(_)))
                {
                    let mut pos = Vec::with_capacity(args.pos.len() + 1);
                    pos.push(callable.clone());
                    pos.extend_from_slice(args.pos);
                    return self.call(&m, Args { pos: &pos, ..args });
                }
                self.call_type(o, args)
            }
            _ => {
                let t = type_of(callable).clone();
                match self.lookup_mro(&t, &Value::str("__call__")) {
                    Some(m) => {
                        let bound = self.bind_descriptor(&m, callable)?;
                        self.call(&bound, args)
                    }
                    None => Err(not_callable(callable, self)),
                }
            }
        }
    }

    /// Calls a Python function: binds the arguments into a new frame and runs it (or, for a
    /// generator function, returns the generator).
    pub fn call_function(&mut self, f: &Function, args: Args) -> PyResult<Value> {
        let frame = self.function_frame(f, args)?;
        if f.code.co.is_generator() {
            return Ok(Generator::new_value(frame));
        }
        let mut frame = frame;
        let result = self.run_frame(&mut frame, Resume::Send(Value::None));
        self.frame_pool.give(frame);
        match result? {
            FrameExit::Return(v) | FrameExit::Yield(v) => Ok(v),
        }
    }

    /// A frame for a call, with its arguments bound.
    pub fn function_frame<'f>(&mut self, f: &'f Function, args: Args) -> PyResult<Frame<'f>> {
        let (fast, stack) = self.frame_pool.take();
        let mut frame = Frame::with_vectors(&f.code, &f.globals, &f.builtins, None, fast, stack);
        self.bind_arguments(f, &mut frame.fast, args)?;
        let co = &f.code.co;
        if co.ncells() > 0 {
            let mut cells = Vec::with_capacity(co.ncells());
            for _ in 0..co.cellvars.len() {
                cells.push(new_cell(Value::Null));
            }
            cells.extend(f.closure.iter().cloned());
            for &(cell, arg) in &co.cell2arg {
                let v = std::mem::take(&mut frame.fast[arg as usize]);
                if let Payload::Cell(c) = &cells[cell as usize].payload {
                    c.replace(&self.gil, v);
                }
            }
            frame.cells = cells.into();
        }
        Ok(frame)
    }

    /// Fills the fast locals from the call's arguments, raising CPython's `TypeError`s.
    fn bind_arguments(&mut self, f: &Function, fast: &mut [Value], args: Args) -> PyResult<()> {
        let co = &f.code.co;
        let nparams = co.argcount as usize;
        let nkwonly = co.kwonlyargcount as usize;
        let has_varargs = co.flags & code_flags::VARARGS != 0;
        let has_varkw = co.flags & code_flags::VARKEYWORDS != 0;
        let npos = args.pos.len();
        // Fast path: exactly the positional parameters, nothing else.
        if npos == nparams && !args.has_kwargs() && nkwonly == 0 && !has_varargs && !has_varkw {
            fast[..npos].clone_from_slice(args.pos);
            return Ok(());
        }
        let ncopy = npos.min(nparams);
        fast[..ncopy].clone_from_slice(&args.pos[..ncopy]);
        let vararg_index = nparams + nkwonly;
        if has_varargs {
            let extra = if npos > nparams {
                args.pos[nparams..].to_vec()
            } else {
                Vec::new()
            };
            fast[vararg_index] = Value::tuple(extra);
        }
        let kwargs = if has_varkw {
            let d = new_dict_obj(Dict::new());
            fast[vararg_index + usize::from(has_varargs)] = Value::Obj(d.clone());
            Some(d)
        } else {
            None
        };
        let posonly = co.posonlyargcount as usize;
        let mut posonly_as_kw: Vec<String> = Vec::new();
        for (name, value) in args.kw_names.iter().zip(args.kw_values) {
            let Some(n) = name.as_str() else {
                return Err(type_error(format!(
                    "{}() keywords must be strings",
                    self.qualname(f)
                )));
            };
            let slot = co.varnames[posonly..nparams + nkwonly]
                .iter()
                .position(|v| v == n)
                .map(|i| i + posonly);
            match slot {
                Some(i) => {
                    if !fast[i].is_null() {
                        return Err(type_error(format!(
                            "{}() got multiple values for argument '{n}'",
                            self.qualname(f)
                        )));
                    }
                    fast[i] = value.clone();
                }
                None => {
                    if let Some(d) = &kwargs {
                        self.dict_set(d, name.clone(), value.clone())?;
                    } else if co.varnames[..posonly].iter().any(|v| v == n) {
                        posonly_as_kw.push(n.to_string());
                    } else {
                        return Err(type_error(format!(
                            "{}() got an unexpected keyword argument '{n}'",
                            self.qualname(f)
                        )));
                    }
                }
            }
        }
        if !posonly_as_kw.is_empty() {
            return Err(type_error(format!(
                "{}() got some positional-only arguments passed as keyword arguments: '{}'",
                self.qualname(f),
                posonly_as_kw.join(", ")
            )));
        }
        if npos > nparams && !has_varargs {
            return Err(self.too_many_positional(f, fast, npos));
        }
        self.fill_defaults(f, fast)
    }

    fn fill_defaults(&mut self, f: &Function, fast: &mut [Value]) -> PyResult<()> {
        let co = &f.code.co;
        let nparams = co.argcount as usize;
        let nkwonly = co.kwonlyargcount as usize;
        let defaults = f.defaults.get(&self.gil);
        let ndefaults = defaults.as_ref().map_or(0, |d| d.len());
        let first_default = nparams.saturating_sub(ndefaults);
        let mut missing = Vec::new();
        for i in 0..nparams {
            if fast[i].is_null() {
                if i >= first_default
                    && let Some(d) = &defaults
                {
                    fast[i] = d[i - first_default].clone();
                } else {
                    missing.push(co.varnames[i].clone());
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.missing_arguments(f, &missing, "positional"));
        }
        if nkwonly == 0 {
            return Ok(());
        }
        let kwdefaults = f.kwdefaults.get(&self.gil);
        for (slot, name) in fast[nparams..nparams + nkwonly]
            .iter_mut()
            .zip(&co.varnames[nparams..])
        {
            if slot.is_null() {
                let name_str = name;
                let name = Value::str(name_str.as_str());
                let default = match &kwdefaults {
                    Some(d) => self.dict_get_str(d, &name),
                    None => None,
                };
                match default {
                    Some(v) => *slot = v,
                    None => missing.push(name_str.clone()),
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.missing_arguments(f, &missing, "keyword-only"));
        }
        Ok(())
    }

    fn missing_arguments(&self, f: &Function, names: &[String], kind: &str) -> PyErr {
        let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
        let list = match quoted.len() {
            1 => quoted[0].clone(),
            2 => format!("{} and {}", quoted[0], quoted[1]),
            n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
        };
        let plural = if names.len() == 1 { "" } else { "s" };
        type_error(format!(
            "{}() missing {} required {kind} argument{plural}: {list}",
            self.qualname(f),
            names.len()
        ))
    }

    fn too_many_positional(&self, f: &Function, fast: &[Value], given: usize) -> PyErr {
        let co = &f.code.co;
        let nparams = co.argcount as usize;
        let ndefaults = f.defaults.get(&self.gil).map_or(0, |d| d.len());
        let takes = if ndefaults > 0 {
            format!("from {} to {nparams}", nparams - ndefaults)
        } else {
            nparams.to_string()
        };
        let plural = if nparams == 1 && ndefaults == 0 {
            ""
        } else {
            "s"
        };
        let kwonly_given = fast[nparams..nparams + co.kwonlyargcount as usize]
            .iter()
            .filter(|v| !v.is_null())
            .count();
        let given_text = if kwonly_given > 0 {
            format!(
                "{given} positional argument{} (and {kwonly_given} keyword-only argument{}) were",
                if given == 1 { "" } else { "s" },
                if kwonly_given == 1 { "" } else { "s" }
            )
        } else if given == 1 {
            "1 was".to_string()
        } else {
            format!("{given} were")
        };
        type_error(format!(
            "{}() takes {takes} positional argument{plural} but {given_text} given",
            self.qualname(f)
        ))
    }

    fn qualname(&self, f: &Function) -> String {
        f.qualname
            .get(&self.gil)
            .as_str()
            .unwrap_or("?")
            .to_string()
    }

    /// The name CPython uses for a callable in argument errors: `f()`, `A.m()`, `print()`.
    pub fn callable_name(&self, v: &Value) -> String {
        match v.payload() {
            Some(Payload::Function(f)) => format!("{}()", self.qualname(f)),
            Some(Payload::BoundMethod { func, .. }) => self.callable_name(func),
            Some(Payload::Builtin(b)) => format!("{}()", b.name),
            Some(Payload::Type(d)) => format!("{}()", d.name(&self.gil)),
            _ => format!("{} object", type_name(v, self)),
        }
    }

    /// A callable as CPython names it in `**` errors: `__main__.f()`, `print()`, `A()`.
    pub fn function_str(&self, v: &Value) -> String {
        match v.payload() {
            Some(Payload::Function(f)) => match f.module.as_str() {
                Some(m) if m != "builtins" => format!("{m}.{}()", self.qualname(f)),
                _ => format!("{}()", self.qualname(f)),
            },
            Some(Payload::BoundMethod { func, .. }) => self.function_str(func),
            _ => self.callable_name(v),
        }
    }

    /// Calling a class: `__new__`, then `__init__` when the result is an instance.
    pub fn call_type(&mut self, cls: &ObjRef, args: Args) -> PyResult<Value> {
        if Arc::ptr_eq(cls, &types().type_) {
            if args.pos.len() == 1 && !args.has_kwargs() {
                return Ok(Value::Obj(type_of(&args.pos[0]).clone()));
            }
            if args.pos.len() != 3 {
                return Err(type_error("type() takes 1 or 3 arguments"));
            }
        }
        let new = self
            .lookup_mro(cls, &Value::str("__new__"))
            .unwrap_or(Value::None);
        let mut pos = Vec::with_capacity(args.pos.len() + 1);
        pos.push(Value::Obj(cls.clone()));
        pos.extend_from_slice(args.pos);
        let new_fn = match new.payload() {
            Some(Payload::StaticMethod(f)) => f.clone(),
            _ => new,
        };
        let obj = self.call(&new_fn, Args { pos: &pos, ..args })?;
        if !is_subtype(type_of(&obj), cls) {
            return Ok(obj);
        }
        let t = type_of(&obj).clone();
        if let Some(init) = self.lookup_mro(&t, &Value::str("__init__")) {
            pos[0] = obj.clone();
            let r = self.call(&init, Args { pos: &pos, ..args })?;
            if !r.is_none() {
                return Err(type_error(format!(
                    "__init__() should return None, not '{}'",
                    type_name(&r, self)
                )));
            }
        }
        Ok(obj)
    }

    /// Does a class override `name` (defined below `object` in its MRO)?
    pub fn overrides(&self, cls: &ObjRef, name: &str) -> bool {
        let key = Value::str(name);
        crate::object::typeobj::mro_iter(cls)
            .take_while(|c| !Arc::ptr_eq(c, &types().object))
            .any(|c| self.dict_get_str(&type_data(c).dict, &key).is_some())
    }
}

pub fn new_cell(v: Value) -> ObjRef {
    match Value::obj(Payload::Cell(GilCell::new(v))) {
        Value::Obj(o) => o,
        _ => types().object.clone(),
    }
}

fn not_callable(v: &Value, vm: &Vm) -> PyErr {
    PyErr::new(
        ExcType::TypeError,
        format!("'{}' object is not callable", type_name(v, vm)),
    )
}
