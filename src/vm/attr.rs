//! Attribute access: CPython's lookup order (data descriptors on the type, then the instance
//! `__dict__`, then other class attributes, then `__getattr__`), binding of methods,
//! `classmethod`/`staticmethod`/`property`, attributes of classes and modules, and `super()`.

use std::sync::Arc;

use super::Vm;
use super::eval::type_name;
use super::exceptions::{PyErr, PyResult, attribute_error, type_error};
use crate::object::typeobj::{ExcType, is_subtype, mro_iter, type_data, type_of, types};
use crate::object::value::{Args, NativeKind, ObjRef, Payload, Value, new_instance};

impl Vm {
    /// Finds `name` in a type's namespace or its MRO.
    pub fn lookup_mro(&self, t: &ObjRef, name: &Value) -> Option<Value> {
        mro_iter(t).find_map(|c| self.dict_get_str(&type_data(c).dict, name))
    }

    pub fn lookup_attr_on_type(&self, t: &Value, name: &str) -> Option<Value> {
        let o = t.as_obj()?;
        if !matches!(o.payload, Payload::Type(_)) {
            return None;
        }
        let v = self.lookup_mro(o, &Value::str(name))?;
        Some(match &v.payload() {
            Some(Payload::ClassMethod(f)) => Value::obj(Payload::BoundMethod {
                func: f.clone(),
                self_: t.clone(),
            }),
            _ => v,
        })
    }

    /// `obj.name`.
    pub fn get_attr(&mut self, obj: &Value, name: &Value) -> PyResult<Value> {
        if let Value::Obj(o) = obj {
            match &o.payload {
                Payload::Module(m) => return self.module_getattr(o, &m.name, name),
                Payload::Type(_) => return self.type_getattr(o, name),
                Payload::Super { type_, obj: inst } => {
                    return self.super_getattr(type_, inst, name);
                }
                _ => {}
            }
        }
        self.generic_getattr(obj, name)
    }

    fn generic_getattr(&mut self, obj: &Value, name: &Value) -> PyResult<Value> {
        let t = type_of(obj).clone();
        let descr = self.lookup_mro(&t, name);
        if let Some(d) = &descr
            && self.is_data_descriptor(d)
        {
            return self.descr_get(d, obj, &t);
        }
        let name_str = name.as_str().unwrap_or("");
        if (name_str.starts_with("__") || !matches!(obj.payload(), Some(Payload::Object)))
            && let Some(v) = self.special_attr(obj, name_str)?
        {
            return Ok(v);
        }
        if let Some(dict) = obj.as_obj().and_then(|o| o.dict.as_ref())
            && let Some(v) = self.dict_get_str(dict, name)
        {
            return Ok(v);
        }
        if let Some(d) = descr {
            return self.descr_get(&d, obj, &t);
        }
        if let Some(v) = self.exception_default_attr(obj, name_str) {
            return Ok(v);
        }
        if type_data(&t).heap
            && let Some(ga) = self.lookup_mro(&t, &Value::str("__getattr__"))
        {
            return self.call_special(&ga, obj, std::slice::from_ref(name));
        }
        Err(self.no_attribute(obj, name_str))
    }

    /// Attributes some exception classes derive from their arguments when they were created
    /// natively (without running `__init__`): `StopIteration.value`, `SystemExit.code`, the
    /// `OSError` fields, `ImportError.name`/`path`, `NameError.name`.
    fn exception_default_attr(&self, obj: &Value, name: &str) -> Option<Value> {
        let Some(Payload::Exception(d)) = obj.payload() else {
            return None;
        };
        let args = d
            .borrow(&self.gil)
            .args
            .as_tuple()
            .map(<[Value]>::to_vec)
            .unwrap_or_default();
        let is = |k: ExcType| crate::object::typeobj::is_instance(obj, types().exception(k));
        match name {
            "value" if is(ExcType::StopIteration) => {
                Some(args.first().cloned().unwrap_or(Value::None))
            }
            "code" if is(ExcType::SystemExit) => Some(match args.as_slice() {
                [] => Value::None,
                [c] => c.clone(),
                _ => Value::tuple(args.clone()),
            }),
            "errno" | "strerror" | "filename" | "filename2" if is(ExcType::OSError) => {
                Some(match (name, args.as_slice()) {
                    ("errno", [e, _, ..]) => e.clone(),
                    ("strerror", [_, s, ..]) => s.clone(),
                    _ => Value::None,
                })
            }
            "name" | "path" if is(ExcType::ImportError) => Some(Value::None),
            "msg" if is(ExcType::ImportError) => Some(args.first().cloned().unwrap_or(Value::None)),
            "name" if is(ExcType::NameError) => Some(Value::None),
            _ => None,
        }
    }

    pub fn no_attribute(&self, obj: &Value, name: &str) -> PyErr {
        let err = attribute_error(format!(
            "'{}' object has no attribute '{name}'",
            type_name(obj, self)
        ));
        self.set_attribute_error_context(&err, obj, name);
        err
    }

    /// `AttributeError.name` and `.obj`, which 3.11's "Did you mean" hints use.
    fn set_attribute_error_context(&self, err: &PyErr, obj: &Value, name: &str) {
        if let Some(d) = &err.exc.dict {
            self.dict_set_str(d, Value::str("name"), Value::str(name));
            self.dict_set_str(d, Value::str("obj"), obj.clone());
        }
    }

    fn is_data_descriptor(&self, d: &Value) -> bool {
        match d.payload() {
            Some(Payload::Property(_) | Payload::GetSet(_)) => true,
            Some(_) => {
                let t = type_of(d);
                type_data(t).heap
                    && (self.lookup_mro(t, &Value::str("__set__")).is_some()
                        || self.lookup_mro(t, &Value::str("__delete__")).is_some())
            }
            None => false,
        }
    }

    /// The descriptor protocol's `__get__` for a class attribute found on an instance.
    fn descr_get(&mut self, d: &Value, obj: &Value, t: &ObjRef) -> PyResult<Value> {
        match d.payload() {
            Some(Payload::Function(_)) => Ok(Value::obj(Payload::BoundMethod {
                func: d.clone(),
                self_: obj.clone(),
            })),
            Some(Payload::Builtin(b)) => Ok(match b.kind {
                NativeKind::Method => bind_builtin(d, b, obj.clone()),
                NativeKind::ClassMethod => bind_builtin(d, b, Value::Obj(t.clone())),
                _ => d.clone(),
            }),
            Some(Payload::ClassMethod(f)) => Ok(Value::obj(Payload::BoundMethod {
                func: f.clone(),
                self_: Value::Obj(t.clone()),
            })),
            Some(Payload::StaticMethod(f)) => Ok(f.clone()),
            Some(Payload::Property(p)) => {
                if p.fget.is_none() {
                    let pname = self.property_name(p);
                    return Err(attribute_error(format!(
                        "property {pname}of '{}' object has no getter",
                        type_name(obj, self)
                    )));
                }
                let f = p.fget.clone();
                self.call(&f, Args::positional(std::slice::from_ref(obj)))
            }
            Some(Payload::GetSet(g)) => (g.get)(self, obj),
            Some(_) => {
                let dt = type_of(d).clone();
                if type_data(&dt).heap
                    && let Some(get) = self.lookup_mro(&dt, &Value::str("__get__"))
                {
                    return self.call_special(&get, d, &[obj.clone(), Value::Obj(t.clone())]);
                }
                Ok(d.clone())
            }
            None => Ok(d.clone()),
        }
    }

    /// Binds a class attribute to an instance, as attribute access would (for special
    /// method calls).
    pub fn bind_descriptor(&mut self, d: &Value, obj: &Value) -> PyResult<Value> {
        let t = type_of(obj).clone();
        self.descr_get(d, obj, &t)
    }

    fn property_name(&mut self, p: &crate::object::value::Property) -> String {
        let f = if p.fget.is_none() { &p.fset } else { &p.fget };
        match f.payload() {
            Some(Payload::Function(func)) => {
                let n = func.name.get(&self.gil);
                format!("'{}' ", n.as_str().unwrap_or(""))
            }
            _ => String::new(),
        }
    }

    fn module_getattr(&mut self, o: &ObjRef, module: &str, name: &Value) -> PyResult<Value> {
        if let Some(d) = &o.dict {
            if let Some(v) = self.dict_get_str(d, name) {
                return Ok(v);
            }
            let n = name.as_str().unwrap_or("");
            if n == "__dict__" {
                return Ok(Value::Obj(d.clone()));
            }
            if n == "__class__" {
                return Ok(Value::Obj(types().module.clone()));
            }
            if let Some(ga) = self.dict_get_str(d, &Value::str("__getattr__")) {
                return self.call(&ga, Args::positional(std::slice::from_ref(name)));
            }
        }
        let err = attribute_error(format!(
            "module '{module}' has no attribute '{}'",
            name.as_str().unwrap_or("")
        ));
        Err(err)
    }

    /// `Class.name`.
    fn type_getattr(&mut self, cls: &ObjRef, name: &Value) -> PyResult<Value> {
        let meta = type_of(&Value::Obj(cls.clone())).clone();
        let meta_descr = if Arc::ptr_eq(&meta, &types().type_) {
            None
        } else {
            self.lookup_mro(&meta, name)
        };
        if let Some(d) = &meta_descr
            && self.is_data_descriptor(d)
        {
            return self.descr_get(d, &Value::Obj(cls.clone()), &meta);
        }
        let n = name.as_str().unwrap_or("");
        if n.starts_with("__")
            && let Some(v) = self.type_special_attr(cls, n)?
        {
            return Ok(v);
        }
        if let Some(v) = self.lookup_mro(cls, name) {
            return self.class_descr_get(&v, cls);
        }
        if let Some(d) = meta_descr {
            return self.descr_get(&d, &Value::Obj(cls.clone()), &meta);
        }
        if let Some(v) = self.lookup_mro(&types().type_, name)
            && let Some(Payload::Builtin(b)) = v.payload()
        {
            return Ok(bind_builtin(&v, b, Value::Obj(cls.clone())));
        }
        let err = attribute_error(format!(
            "type object '{}' has no attribute '{n}'",
            type_data(cls).name(&self.gil)
        ));
        self.set_attribute_error_context(&err, &Value::Obj(cls.clone()), n);
        Err(err)
    }

    /// A class attribute read through the class (no instance).
    fn class_descr_get(&mut self, v: &Value, cls: &ObjRef) -> PyResult<Value> {
        match v.payload() {
            Some(Payload::ClassMethod(f)) => Ok(Value::obj(Payload::BoundMethod {
                func: f.clone(),
                self_: Value::Obj(cls.clone()),
            })),
            Some(Payload::StaticMethod(f)) => Ok(f.clone()),
            Some(Payload::Builtin(b)) if b.kind == NativeKind::ClassMethod => {
                Ok(bind_builtin(v, b, Value::Obj(cls.clone())))
            }
            Some(Payload::Function(_) | Payload::Property(_) | Payload::Builtin(_)) => {
                Ok(v.clone())
            }
            Some(_) => {
                let dt = type_of(v).clone();
                if type_data(&dt).heap
                    && let Some(get) = self.lookup_mro(&dt, &Value::str("__get__"))
                {
                    return self.call_special(&get, v, &[Value::None, Value::Obj(cls.clone())]);
                }
                Ok(v.clone())
            }
            None => Ok(v.clone()),
        }
    }

    fn type_special_attr(&mut self, cls: &ObjRef, name: &str) -> PyResult<Option<Value>> {
        let d = type_data(cls);
        Ok(Some(match name {
            "__name__" => Value::str(d.name.get(&self.gil)),
            "__qualname__" => Value::str(d.qualname.get(&self.gil)),
            "__mro__" => Value::tuple(
                mro_iter(cls)
                    .map(|c| Value::Obj(c.clone()))
                    .collect::<Vec<_>>(),
            ),
            "__bases__" => Value::tuple(
                d.bases
                    .iter()
                    .map(|c| Value::Obj(c.clone()))
                    .collect::<Vec<_>>(),
            ),
            "__base__" => d
                .bases
                .first()
                .map_or(Value::None, |b| Value::Obj(b.clone())),
            "__dict__" => Value::Obj(d.dict.clone()),
            "__class__" => Value::Obj(type_of(&Value::Obj(cls.clone())).clone()),
            "__module__" => {
                return Ok(Some(
                    self.dict_get_str(&d.dict, &Value::str("__module__"))
                        .unwrap_or_else(|| Value::str("builtins")),
                ));
            }
            "__doc__" => {
                return Ok(Some(
                    self.dict_get_str(&d.dict, &Value::str("__doc__"))
                        .unwrap_or(Value::None),
                ));
            }
            _ => return Ok(None),
        }))
    }

    /// Attributes builtin objects carry in their payload.
    fn special_attr(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        if name == "__class__" {
            return Ok(Some(Value::Obj(type_of(obj).clone())));
        }
        if name == "__dict__"
            && let Some(d) = obj.as_obj().and_then(|o| o.dict.clone())
        {
            return Ok(Some(Value::Obj(d)));
        }
        let Value::Obj(o) = obj else {
            return Ok(number_attr(obj, name));
        };
        Ok(match &o.payload {
            Payload::Exception(d) => {
                let d = d.borrow(&self.gil);
                match name {
                    "args" => Some(d.args.clone()),
                    "__cause__" => Some(d.cause.clone()),
                    "__context__" => Some(d.context.clone()),
                    "__suppress_context__" => Some(Value::Bool(d.suppress_context)),
                    "__traceback__" => {
                        drop(d);
                        Some(self.traceback_value(obj))
                    }
                    _ => None,
                }
            }
            Payload::Function(f) => match name {
                "__name__" => Some(f.name.get(&self.gil)),
                "__qualname__" => Some(f.qualname.get(&self.gil)),
                "__doc__" => Some(f.doc.get(&self.gil)),
                "__module__" => Some(f.module.clone()),
                "__globals__" => Some(Value::Obj(f.globals.clone())),
                "__code__" => Some(Value::obj(Payload::Code(f.code.clone()))),
                "__defaults__" => Some(
                    f.defaults
                        .get(&self.gil)
                        .map_or(Value::None, |d| Value::tuple(d.to_vec())),
                ),
                "__kwdefaults__" => {
                    Some(f.kwdefaults.get(&self.gil).map_or(Value::None, Value::Obj))
                }
                "__closure__" => Some(if f.closure.is_empty() {
                    Value::None
                } else {
                    Value::tuple(
                        f.closure
                            .iter()
                            .map(|c| Value::Obj(c.clone()))
                            .collect::<Vec<_>>(),
                    )
                }),
                "__annotations__" => {
                    let existing = f.annotations.get(&self.gil);
                    Some(Value::Obj(existing.unwrap_or_else(|| {
                        let d = crate::object::value::new_dict_obj(Default::default());
                        f.annotations.replace(&self.gil, Some(d.clone()));
                        d
                    })))
                }
                _ => None,
            },
            Payload::BoundMethod { func, self_ } => match name {
                "__self__" => Some(self_.clone()),
                "__func__" => Some(func.clone()),
                _ => {
                    if name.starts_with("__")
                        && !matches!(name, "__doc__" | "__name__" | "__qualname__" | "__module__")
                    {
                        None
                    } else {
                        Some(self.get_attr(func, &Value::str(name))?)
                    }
                }
            },
            Payload::Builtin(b) => match name {
                "__name__" => Some(Value::str(b.name)),
                "__qualname__" => Some(Value::str(match &b.owner {
                    Some(t) => format!("{}.{}", type_data(t).name(&self.gil), b.name),
                    None => b.name.to_string(),
                })),
                "__self__" => Some(b.self_.clone().unwrap_or(Value::None)),
                "__doc__" => Some(Value::None),
                "__module__" => Some(Value::None),
                _ => None,
            },
            Payload::Int(b) => number_attr(&Value::int(b.clone()), name),
            Payload::Float(f) => number_attr(&Value::Float(*f), name),
            Payload::Range(r) => match name {
                "start" => Some(Value::Int(r.start)),
                "stop" => Some(Value::Int(r.stop)),
                "step" => Some(Value::Int(r.step)),
                _ => None,
            },
            Payload::Slice(a, b, c) => match name {
                "start" => Some(a.clone()),
                "stop" => Some(b.clone()),
                "step" => Some(c.clone()),
                _ => None,
            },
            Payload::Property(p) => match name {
                "fget" => Some(p.fget.clone()),
                "fset" => Some(p.fset.clone()),
                "fdel" => Some(p.fdel.clone()),
                "__doc__" => Some(p.doc.clone()),
                _ => None,
            },
            Payload::ClassMethod(f) | Payload::StaticMethod(f) => match name {
                "__func__" | "__wrapped__" => Some(f.clone()),
                _ => None,
            },
            Payload::Generator(g) => match name {
                "__name__" => Some(g.name.clone()),
                "__qualname__" => Some(g.qualname.clone()),
                _ => None,
            },
            Payload::Cell(c) => match name {
                "cell_contents" => {
                    let v = c.get(&self.gil);
                    if v.is_null() {
                        return Err(PyErr::new(ExcType::ValueError, "Cell is empty"));
                    }
                    Some(v)
                }
                _ => None,
            },
            Payload::Code(c) => match name {
                "co_name" => Some(c.name.clone()),
                "co_qualname" => Some(c.qualname.clone()),
                "co_filename" => Some(Value::str(c.co.filename.as_str())),
                "co_firstlineno" => Some(Value::Int(i64::from(c.co.first_line))),
                "co_argcount" => Some(Value::Int(i64::from(c.co.argcount))),
                "co_varnames" => Some(Value::tuple(c.varnames.to_vec())),
                "co_flags" => Some(Value::Int(i64::from(c.co.flags & 0xffff))),
                _ => None,
            },
            _ => None,
        })
    }

    /// `obj.name = value`.
    pub fn set_attr(&mut self, obj: &Value, name: &Value, value: Value) -> PyResult<()> {
        let n = name.as_str().unwrap_or("");
        let t = type_of(obj).clone();
        if let Value::Obj(o) = obj {
            match &o.payload {
                Payload::Type(d) => {
                    if let Some(meta) = &o.class
                        && type_data(meta).heap
                        && let Some(sa) = self.lookup_mro(meta, &Value::str("__setattr__"))
                        && !matches!(sa.payload(), Some(Payload::Builtin(_)))
                    {
                        self.call(&sa, Args::positional(&[obj.clone(), name.clone(), value]))?;
                        return Ok(());
                    }
                    if !d.heap {
                        return Err(type_error(format!(
                            "cannot set '{n}' attribute of immutable type '{}'",
                            d.name(&self.gil)
                        )));
                    }
                    match n {
                        "__name__" => {
                            if let Some(s) = value.as_str() {
                                d.name.replace(&self.gil, s.to_string());
                            }
                        }
                        "__qualname__" => {
                            if let Some(s) = value.as_str() {
                                d.qualname.replace(&self.gil, s.to_string());
                            }
                        }
                        _ => {}
                    }
                    let dict = d.dict.clone();
                    self.dict_set_str(&dict, name.clone(), value);
                    return Ok(());
                }
                Payload::Module(_) => {
                    if let Some(d) = &o.dict {
                        self.dict_set_str(d, name.clone(), value);
                    }
                    return Ok(());
                }
                _ => {}
            }
        }
        if type_data(&t).heap
            && let Some(sa) = self.lookup_mro(&t, &Value::str("__setattr__"))
            && !matches!(sa.payload(), Some(Payload::Builtin(_)))
        {
            self.call_special(&sa, obj, &[name.clone(), value])?;
            return Ok(());
        }
        self.generic_setattr(obj, name, value)
    }

    /// `object.__setattr__`: data descriptors, then the instance dict.
    pub fn generic_setattr(&mut self, obj: &Value, name: &Value, value: Value) -> PyResult<()> {
        let n = name.as_str().unwrap_or("");
        let t = type_of(obj).clone();
        if let Some(d) = self.lookup_mro(&t, name) {
            match d.payload() {
                Some(Payload::Property(p)) => {
                    if p.fset.is_none() {
                        let pname = self.property_name(p);
                        return Err(attribute_error(format!(
                            "property {pname}of '{}' object has no setter",
                            type_name(obj, self)
                        )));
                    }
                    let f = p.fset.clone();
                    self.call(&f, Args::positional(&[obj.clone(), value]))?;
                    return Ok(());
                }
                Some(Payload::GetSet(g)) => {
                    return match g.set {
                        Some(set) => set(self, obj, value),
                        None => Err(attribute_error(format!(
                            "attribute '{n}' of '{}' objects is not writable",
                            type_name(obj, self)
                        ))),
                    };
                }
                Some(_) => {
                    let dt = type_of(&d).clone();
                    if type_data(&dt).heap
                        && let Some(set) = self.lookup_mro(&dt, &Value::str("__set__"))
                    {
                        self.call_special(&set, &d, &[obj.clone(), value])?;
                        return Ok(());
                    }
                }
                None => {}
            }
        }
        if let Value::Obj(o) = obj {
            if let Some(done) = self.set_special_attr(o, n, &value)? {
                return Ok(done);
            }
            if let Some(dict) = &o.dict {
                self.dict_set_str(dict, name.clone(), value);
                return Ok(());
            }
        }
        Err(self.no_attribute(obj, n))
    }

    fn set_special_attr(&mut self, o: &ObjRef, name: &str, value: &Value) -> PyResult<Option<()>> {
        match &o.payload {
            Payload::Exception(d) => {
                let mut d = d.borrow_mut(&self.gil);
                match name {
                    "args" => {
                        drop(d);
                        let items = self.iterate(value)?;
                        if let Payload::Exception(d) = &o.payload {
                            d.borrow_mut(&self.gil).args = Value::tuple(items);
                        }
                    }
                    "__cause__" => {
                        d.cause = value.clone();
                        d.suppress_context = true;
                    }
                    "__context__" => d.context = value.clone(),
                    "__suppress_context__" => {
                        d.suppress_context = matches!(value, Value::Bool(true))
                    }
                    "__traceback__" => {
                        if value.is_none() {
                            d.traceback.clear();
                        }
                    }
                    _ => return Ok(None),
                }
                Ok(Some(()))
            }
            Payload::Function(f) => {
                match name {
                    "__name__" => {
                        f.name.replace(&self.gil, value.clone());
                    }
                    "__qualname__" => {
                        f.qualname.replace(&self.gil, value.clone());
                    }
                    "__doc__" => {
                        f.doc.replace(&self.gil, value.clone());
                    }
                    "__defaults__" => {
                        let d = value.as_tuple().map(std::sync::Arc::from);
                        f.defaults.replace(&self.gil, d);
                    }
                    "__kwdefaults__" => {
                        f.kwdefaults.replace(&self.gil, value.as_obj().cloned());
                    }
                    "__annotations__" => {
                        f.annotations.replace(&self.gil, value.as_obj().cloned());
                    }
                    _ => return Ok(None),
                }
                Ok(Some(()))
            }
            _ => Ok(None),
        }
    }

    /// `del obj.name`.
    pub fn del_attr(&mut self, obj: &Value, name: &Value) -> PyResult<()> {
        let n = name.as_str().unwrap_or("");
        let t = type_of(obj).clone();
        if let Value::Obj(o) = obj
            && let Payload::Type(d) = &o.payload
        {
            if let Some(meta) = &o.class
                && type_data(meta).heap
                && let Some(da) = self.lookup_mro(meta, &Value::str("__delattr__"))
                && !matches!(da.payload(), Some(Payload::Builtin(_)))
            {
                self.call(&da, Args::positional(&[obj.clone(), name.clone()]))?;
                return Ok(());
            }
            if !d.heap {
                return Err(type_error(format!(
                    "cannot delete '{n}' attribute of immutable type '{}'",
                    d.name(&self.gil)
                )));
            }
            if self.dict_del_str(&d.dict, name) {
                return Ok(());
            }
            return Err(attribute_error(format!(
                "type object '{}' has no attribute '{n}'",
                d.name(&self.gil)
            )));
        }
        if type_data(&t).heap
            && let Some(da) = self.lookup_mro(&t, &Value::str("__delattr__"))
            && !matches!(da.payload(), Some(Payload::Builtin(_)))
        {
            self.call_special(&da, obj, std::slice::from_ref(name))?;
            return Ok(());
        }
        if let Some(d) = self.lookup_mro(&t, name)
            && let Some(Payload::Property(p)) = d.payload()
        {
            if p.fdel.is_none() {
                let pname = self.property_name(p);
                return Err(attribute_error(format!(
                    "property {pname}of '{}' object has no deleter",
                    type_name(obj, self)
                )));
            }
            let f = p.fdel.clone();
            self.call(&f, Args::positional(std::slice::from_ref(obj)))?;
            return Ok(());
        }
        if let Some(dict) = obj.as_obj().and_then(|o| o.dict.as_ref())
            && self.dict_del_str(dict, name)
        {
            return Ok(());
        }
        Err(self.no_attribute(obj, n))
    }

    /// `obj.name` for a call: `(function, Some(obj))` when the call can pass `obj` directly.
    pub fn load_method(&mut self, obj: &Value, name: &Value) -> PyResult<(Value, Option<Value>)> {
        if let Value::Obj(o) = obj
            && matches!(
                o.payload,
                Payload::Type(_) | Payload::Module(_) | Payload::Super { .. }
            )
        {
            return Ok((self.get_attr(obj, name)?, None));
        }
        let t = type_of(obj).clone();
        if let Some(d) = self.lookup_mro(&t, name) {
            let plain = match d.payload() {
                Some(Payload::Function(_)) => true,
                Some(Payload::Builtin(b)) => b.kind == NativeKind::Method,
                _ => false,
            };
            if plain {
                let shadowed = obj
                    .as_obj()
                    .and_then(|o| o.dict.as_ref())
                    .is_some_and(|dict| self.dict_get_str(dict, name).is_some());
                if !shadowed {
                    return Ok((d, Some(obj.clone())));
                }
            }
        }
        Ok((self.get_attr(obj, name)?, None))
    }

    /// `super(type, obj)`.
    pub fn new_super(&mut self, type_: ObjRef, obj: Value) -> PyResult<Value> {
        let ok = match &obj {
            Value::Obj(o) if matches!(o.payload, Payload::Type(_)) => is_subtype(o, &type_),
            _ => false,
        } || is_subtype(type_of(&obj), &type_);
        if !ok {
            return Err(type_error(
                "super(type, obj): obj must be an instance or subtype of type",
            ));
        }
        Ok(Value::obj(Payload::Super { type_, obj }))
    }

    fn super_getattr(&mut self, start: &ObjRef, obj: &Value, name: &Value) -> PyResult<Value> {
        // Search the MRO of the object's type (or the class itself) after `start`.
        let (cls, is_class) = match obj {
            Value::Obj(o) if matches!(o.payload, Payload::Type(_)) => (o.clone(), true),
            _ => (type_of(obj).clone(), false),
        };
        let mro: Vec<ObjRef> = mro_iter(&cls).cloned().collect();
        let pos = mro.iter().position(|c| Arc::ptr_eq(c, start));
        let n = name.as_str().unwrap_or("");
        if let Some(pos) = pos {
            for c in &mro[pos + 1..] {
                if let Some(v) = self.dict_get_str(&type_data(c).dict, name) {
                    if is_class {
                        return self.class_descr_get(&v, &cls);
                    }
                    return self.descr_get(&v, obj, &cls);
                }
            }
        }
        if n == "__class__" {
            return Ok(Value::Obj(types().super_.clone()));
        }
        Err(attribute_error(format!(
            "'super' object has no attribute '{n}'"
        )))
    }

    /// Creates an instance of a class for `object.__new__(cls)`.
    pub fn object_new(&mut self, cls: &ObjRef) -> PyResult<Value> {
        let d = type_data(cls);
        if !d.heap && !Arc::ptr_eq(cls, &types().object) {
            return Err(type_error(format!(
                "object.__new__({}) is not safe, use {}.__new__()",
                d.name(&self.gil),
                d.name(&self.gil)
            )));
        }
        Ok(new_instance(cls.clone(), Payload::Object, d.heap))
    }
}

/// `real`/`imag`/`numerator`/`denominator` of numbers.
fn number_attr(v: &Value, name: &str) -> Option<Value> {
    match v {
        Value::Int(_) | Value::Bool(_) | Value::Obj(_) => match name {
            "real" | "numerator" => {
                let i = crate::vm::ops::as_bigint(v)?;
                Some(Value::int(i))
            }
            "imag" => Some(Value::Int(0)),
            "denominator" => Some(Value::Int(1)),
            _ => None,
        }
        .or_else(|| match (v, name) {
            (Value::Obj(o), "real") => match &o.payload {
                Payload::Float(f) => Some(Value::Float(*f)),
                _ => None,
            },
            _ => None,
        }),
        Value::Float(f) => match name {
            "real" => Some(Value::Float(*f)),
            "imag" => Some(Value::Float(0.0)),
            _ => None,
        },
        _ => None,
    }
}

/// A builtin method bound to an object (`[].append`).
pub fn bind_builtin(d: &Value, b: &crate::object::value::Builtin, self_: Value) -> Value {
    let _ = d;
    Value::obj(Payload::Builtin(crate::object::value::Builtin {
        name: b.name,
        func: b.func,
        kind: b.kind,
        self_: Some(self_),
        owner: b.owner.clone(),
    }))
}
