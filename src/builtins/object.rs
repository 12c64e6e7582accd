//! `object` and `type` — instance creation and initialisation, the default dunders, class
//! creation (`__build_class__`, `type(name, bases, ns)`, metaclasses, `__init_subclass__`,
//! `__set_name__`) — plus `property`, `classmethod`, `staticmethod`, `super` and the
//! generator and iterator methods.

use std::sync::Arc;

use super::{add_method, add_methods};
use crate::object::dict::Dict;
use crate::object::gil_cell::Gil;
use crate::object::typeobj::{
    BuiltinTypes, ExcType, Layout, c3_mro, is_subtype, new_type, type_data, type_of, types,
};
use crate::object::value::{Args, NativeKind, ObjRef, Payload, Property, Value, new_dict_obj};
use crate::vm::Vm;
use crate::vm::eval::{Resume, type_name};
use crate::vm::exceptions::{PyErr, PyResult, type_error};
use crate::vm::frame::Frame;
use crate::vm::ops::hash_pointer;

pub fn install(t: &BuiltinTypes, gil: &Gil) {
    let o = &t.object;
    add_method(gil, o, "__new__", object_new, NativeKind::StaticMethod);
    add_methods(
        gil,
        o,
        &[
            ("__init__", object_init),
            ("__repr__", object_repr),
            ("__str__", object_str),
            ("__eq__", object_eq),
            ("__ne__", object_ne),
            ("__hash__", object_hash),
            ("__setattr__", object_setattr),
            ("__getattribute__", object_getattribute),
            ("__delattr__", object_delattr),
            ("__format__", object_format),
            ("__dir__", object_dir),
        ],
    );
    add_method(
        gil,
        o,
        "__init_subclass__",
        object_init_subclass,
        NativeKind::ClassMethod,
    );
    add_method(gil, &t.type_, "__new__", type_new, NativeKind::StaticMethod);
    add_methods(
        gil,
        &t.type_,
        &[
            ("__init__", type_init),
            ("mro", type_mro),
            ("__call__", type_call),
            ("__setattr__", type_setattr),
            ("__subclasses__", type_subclasses),
            ("__instancecheck__", type_instancecheck),
            ("__subclasscheck__", type_subclasscheck),
        ],
    );
    add_method(
        gil,
        &t.property,
        "__new__",
        property_new,
        NativeKind::StaticMethod,
    );
    add_methods(
        gil,
        &t.property,
        &[
            ("getter", property_getter),
            ("setter", property_setter),
            ("deleter", property_deleter),
            ("__get__", property_get),
        ],
    );
    add_method(
        gil,
        &t.classmethod,
        "__new__",
        classmethod_new,
        NativeKind::StaticMethod,
    );
    add_method(
        gil,
        &t.staticmethod,
        "__new__",
        staticmethod_new,
        NativeKind::StaticMethod,
    );
    add_method(
        gil,
        &t.super_,
        "__new__",
        super_new,
        NativeKind::StaticMethod,
    );
    add_methods(
        gil,
        &t.generator,
        &[
            ("send", generator_send),
            ("throw", generator_throw),
            ("close", generator_close),
            ("__next__", iterator_next),
            ("__iter__", iterator_iter),
        ],
    );
    for it in [
        &t.iterator,
        &t.list_iterator,
        &t.list_reverseiterator,
        &t.tuple_iterator,
        &t.range_iterator,
        &t.str_iterator,
        &t.dict_keyiterator,
        &t.dict_valueiterator,
        &t.dict_itemiterator,
        &t.set_iterator,
        &t.callable_iterator,
        &t.enumerate,
        &t.zip,
        &t.map,
        &t.filter,
        &t.reversed,
    ] {
        add_methods(
            gil,
            it,
            &[("__next__", iterator_next), ("__iter__", iterator_iter)],
        );
    }
}

fn self_arg<'a>(args: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    args.pos
        .first()
        .ok_or_else(|| type_error(format!("descriptor '{name}' needs an argument")))
}

fn class_arg(args: &Args, name: &str) -> PyResult<ObjRef> {
    match args.pos.first() {
        Some(Value::Obj(o)) if matches!(o.payload, Payload::Type(_)) => Ok(o.clone()),
        Some(v) => Err(type_error(format!(
            "{name}(X): X is not a type object ({})",
            v.as_str().unwrap_or("?")
        ))),
        None => Err(type_error(format!("{name}(): not enough arguments"))),
    }
}

fn object_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = class_arg(&args, "object.__new__")?;
    let excess = args.pos.len() > 1 || args.has_kwargs();
    if excess && (vm.overrides(&cls, "__new__") || !vm.overrides(&cls, "__init__")) {
        return Err(type_error(format!(
            "{}() takes no arguments",
            type_data(&cls).name(&vm.gil)
        )));
    }
    vm.object_new(&cls)
}

fn object_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let obj = self_arg(&args, "__init__")?;
    let excess = args.pos.len() > 1 || args.has_kwargs();
    if excess {
        let cls = type_of(obj).clone();
        if vm.overrides(&cls, "__init__") || !vm.overrides(&cls, "__new__") {
            return Err(type_error(format!(
                "{}.__init__() takes exactly one argument (the instance to initialize)",
                type_data(&cls).name(&vm.gil)
            )));
        }
    }
    Ok(Value::None)
}

fn object_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let obj = self_arg(&args, "__repr__")?;
    Ok(Value::str(vm.default_repr(obj)))
}

fn object_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let obj = self_arg(&args, "__str__")?;
    Ok(Value::str(vm.repr(obj)?))
}

fn object_eq(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.pos {
        [a, b] if a.is(b) => Ok(Value::Bool(true)),
        _ => Ok(crate::vm::singletons().not_implemented.clone()),
    }
}

fn object_ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.pos {
        [a, b] => {
            let r = vm.compare(crate::compile::bytecode::CompareOp::Eq, a, b)?;
            Ok(Value::Bool(!vm.is_true(&r)?))
        }
        _ => Ok(crate::vm::singletons().not_implemented.clone()),
    }
}

fn object_hash(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let obj = self_arg(&args, "__hash__")?;
    Ok(Value::Int(hash_pointer(obj.id())))
}

fn object_setattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [obj, name, value] = args.pos else {
        return Err(type_error(format!(
            "expected 3 arguments, got {}",
            args.pos.len()
        )));
    };
    vm.generic_setattr(obj, name, value.clone())?;
    Ok(Value::None)
}

fn object_getattribute(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [obj, name] = args.pos else {
        return Err(type_error("expected 2 arguments"));
    };
    vm.get_attr(obj, name)
}

fn object_delattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [obj, name] = args.pos else {
        return Err(type_error("expected 2 arguments"));
    };
    vm.del_attr(obj, name)?;
    Ok(Value::None)
}

fn object_format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [obj, spec] = args.pos else {
        return Err(type_error("expected 2 arguments"));
    };
    if spec.as_str().is_some_and(str::is_empty) {
        return Ok(Value::str(vm.str(obj)?));
    }
    Err(type_error(format!(
        "unsupported format string passed to {}.__format__",
        type_name(obj, vm)
    )))
}

fn object_dir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let obj = self_arg(&args, "__dir__")?;
    let names = vm.attribute_names(obj);
    Ok(Value::list(names.into_iter().map(Value::str).collect()))
}

fn object_init_subclass(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.has_kwargs() || args.pos.len() > 1 {
        let name = match args.pos.first().and_then(Value::payload) {
            Some(Payload::Type(d)) => d.name(&vm.gil),
            _ => "object".into(),
        };
        return Err(type_error(format!(
            "{name}.__init_subclass__() takes no keyword arguments"
        )));
    }
    Ok(Value::None)
}

fn type_init(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

/// `type.__call__(cls, *args)`: what a metaclass's `__call__` reaches through `super()`.
fn type_call(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = class_arg(&args, "type.__call__")?;
    vm.call_type(
        &cls,
        Args {
            pos: &args.pos[1..],
            ..args
        },
    )
}

/// `type.__setattr__(cls, name, value)`: the plain class attribute assignment.
fn type_setattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [cls, name, value] = args.pos else {
        return Err(type_error("expected 3 arguments"));
    };
    let Value::Obj(o) = cls else {
        return Err(type_error(
            "descriptor '__setattr__' requires a 'type' object",
        ));
    };
    let Payload::Type(d) = &o.payload else {
        return Err(type_error(
            "descriptor '__setattr__' requires a 'type' object",
        ));
    };
    if !d.heap {
        return Err(type_error(format!(
            "cannot set '{}' attribute of immutable type '{}'",
            name.as_str().unwrap_or(""),
            d.name(&vm.gil)
        )));
    }
    vm.dict_set_str(&d.dict, name.clone(), value.clone());
    Ok(Value::None)
}

fn type_subclasses(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    // gilpy does not track subclasses (it keeps no weak references).
    Ok(Value::list(Vec::new()))
}

fn type_instancecheck(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [cls, obj] = args.pos else {
        return Err(type_error("expected 2 arguments"));
    };
    let Value::Obj(c) = cls else {
        return Ok(Value::Bool(false));
    };
    Ok(Value::Bool(is_subtype(type_of(obj), c)))
}

fn type_subclasscheck(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [Value::Obj(cls), Value::Obj(sub)] = args.pos else {
        return Err(type_error("expected 2 arguments"));
    };
    Ok(Value::Bool(is_subtype(sub, cls)))
}

fn type_mro(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = class_arg(&args, "mro")?;
    Ok(Value::list(
        crate::object::typeobj::mro_iter(&cls)
            .map(|c| Value::Obj(c.clone()))
            .collect(),
    ))
}

/// `type(name, bases, ns)` and metaclasses' `super().__new__(mcs, name, bases, ns)`.
fn type_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let meta = class_arg(&args, "type.__new__")?;
    let [_, name, bases, ns] = args.pos else {
        return Err(type_error("type.__new__() takes exactly 3 arguments"));
    };
    let Some(name) = name.as_str() else {
        return Err(type_error(format!(
            "type.__new__() argument 1 must be str, not {}",
            type_name(name, vm)
        )));
    };
    let Some(bases) = bases.as_tuple() else {
        return Err(type_error(format!(
            "type.__new__() argument 2 must be tuple, not {}",
            type_name(bases, vm)
        )));
    };
    let Some(Payload::Dict(_)) = ns.payload() else {
        return Err(type_error(format!(
            "type.__new__() argument 3 must be dict, not {}",
            type_name(ns, vm)
        )));
    };
    let Value::Obj(ns) = ns else {
        return Err(type_error("type.__new__(): bad namespace"));
    };
    let cls = vm.create_class(&meta, name, bases, ns, (args.kw_names, args.kw_values))?;
    Ok(Value::Obj(cls))
}

/// `__build_class__(func, name, *bases, metaclass=None, **kwds)`: runs the class body and
/// makes the class.
pub fn build_class(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [func, name, bases @ ..] = args.pos else {
        return Err(type_error("__build_class__: not enough arguments"));
    };
    let Some(Payload::Function(body)) = func.payload() else {
        return Err(type_error("__build_class__: func must be a function"));
    };
    let Some(name_str) = name.as_str() else {
        return Err(type_error("__build_class__: name is not a string"));
    };
    let mut meta: Option<Value> = None;
    let mut kw_names = Vec::new();
    let mut kw_values = Vec::new();
    for (k, v) in args.kw_names.iter().zip(args.kw_values) {
        if k.as_str() == Some("metaclass") {
            meta = Some(v.clone());
        } else {
            kw_names.push(k.clone());
            kw_values.push(v.clone());
        }
    }
    let original = bases.to_vec();
    let bases = vm.resolve_bases(bases)?;
    let replaced =
        bases.len() != original.len() || bases.iter().zip(&original).any(|(a, b)| !a.is(b));
    let meta = match meta {
        Some(m) => m,
        None => Value::Obj(vm.most_derived_metaclass(&types().type_, &bases)?),
    };
    let meta = match &meta {
        Value::Obj(m) if matches!(m.payload, Payload::Type(_)) => {
            Value::Obj(vm.most_derived_metaclass(m, &bases)?)
        }
        _ => meta,
    };
    let ns = match vm.lookup_attr_on_type(&meta, "__prepare__") {
        Some(prep) if !matches!(prep.payload(), Some(Payload::Builtin(_))) => vm.call(
            &prep,
            Args::positional(&[name.clone(), Value::tuple(bases.clone())]),
        )?,
        _ => Value::Obj(new_dict_obj(Dict::new())),
    };
    let Value::Obj(ns_obj) = &ns else {
        return Err(type_error("__prepare__() must return a mapping"));
    };
    if replaced {
        vm.set_item(&ns, Value::str("__orig_bases__"), Value::tuple(original))?;
    }
    let mut frame = Frame::new(
        &body.code,
        &body.globals,
        &body.builtins,
        Some(ns_obj.clone()),
    );
    if body.code.co.ncells() > 0 {
        let mut cells = Vec::new();
        for _ in 0..body.code.co.cellvars.len() {
            cells.push(crate::vm::call::new_cell(Value::Null));
        }
        cells.extend(body.closure.iter().cloned());
        frame.cells = cells.into();
    }
    let cell = match vm.run_frame(&mut frame, Resume::Send(Value::None))? {
        crate::vm::eval::FrameExit::Return(v) | crate::vm::eval::FrameExit::Yield(v) => v,
    };
    let mut pos = vec![name.clone(), Value::tuple(bases), ns.clone()];
    let cls = vm.call(
        &meta,
        Args {
            pos: &pos,
            kw_names: &kw_names,
            kw_values: &kw_values,
        },
    )?;
    pos.clear();
    if let Some(Payload::Cell(c)) = cell.payload() {
        c.replace(&vm.gil, cls.clone());
    }
    let _ = name_str;
    Ok(cls)
}

impl Vm {
    /// Bases may define `__mro_entries__`; plain classes pass through.
    fn resolve_bases(&mut self, bases: &[Value]) -> PyResult<Vec<Value>> {
        let mut out = Vec::with_capacity(bases.len());
        let all = Value::tuple(bases.to_vec());
        for b in bases {
            if matches!(b.payload(), Some(Payload::Type(_))) {
                out.push(b.clone());
                continue;
            }
            if let Ok(m) = self.get_attr(b, &Value::str("__mro_entries__")) {
                let entries = self.call(&m, Args::positional(std::slice::from_ref(&all)))?;
                let Some(items) = entries.as_tuple() else {
                    return Err(type_error("__mro_entries__ must return a tuple"));
                };
                out.extend(items.iter().cloned());
                continue;
            }
            if let Some(Payload::Native(n)) = b.payload()
                && let Some(a) = n
                    .as_any()
                    .downcast_ref::<crate::vm::generic_alias::GenericAlias>()
            {
                out.push(a.origin.clone());
                continue;
            }
            out.push(b.clone());
        }
        Ok(out)
    }

    fn most_derived_metaclass(&mut self, meta: &ObjRef, bases: &[Value]) -> PyResult<ObjRef> {
        let mut winner = meta.clone();
        for b in bases {
            let bt = type_of(b).clone();
            if is_subtype(&winner, &bt) {
                continue;
            }
            if is_subtype(&bt, &winner) {
                winner = bt;
                continue;
            }
            return Err(type_error(
                "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
            ));
        }
        Ok(winner)
    }

    /// Makes a class: checks the bases, computes the MRO and layout, copies the namespace
    /// (making `__new__` a static method and `__init_subclass__` a class method), then runs
    /// `__set_name__` and the parent's `__init_subclass__`.
    pub fn create_class(
        &mut self,
        meta: &ObjRef,
        name: &str,
        bases: &[Value],
        ns: &ObjRef,
        kwargs: (&[Value], &[Value]),
    ) -> PyResult<ObjRef> {
        let mut base_types = Vec::with_capacity(bases.len());
        for b in bases {
            match b {
                Value::Obj(o) if matches!(o.payload, Payload::Type(_)) => {
                    if !type_data(o).basetype {
                        return Err(type_error(format!(
                            "type '{}' is not an acceptable base type",
                            type_data(o).name(&self.gil)
                        )));
                    }
                    base_types.push(o.clone());
                }
                _ => return Err(type_error("bases must be types")),
            }
        }
        if base_types.is_empty() {
            base_types.push(types().object.clone());
        }
        for (i, b) in base_types.iter().enumerate() {
            if base_types[..i].iter().any(|p| Arc::ptr_eq(p, b)) {
                return Err(type_error(format!(
                    "duplicate base class {}",
                    type_data(b).name(&self.gil)
                )));
            }
        }
        let layout = self.solid_layout(&base_types)?;
        let mro = c3_mro(&base_types).map_err(type_error)?;
        let dict = new_dict_obj(Dict::new());
        let items = self.mapping_items(&Value::Obj(ns.clone()))?;
        let mut qualname = name.to_string();
        let mut has_eq = false;
        let mut has_hash = false;
        for (k, v) in items {
            let key = k.as_str().unwrap_or("");
            match key {
                "__qualname__" => {
                    if let Some(q) = v.as_str() {
                        qualname = q.to_string();
                    }
                    continue;
                }
                "__classcell__" => continue,
                "__eq__" => has_eq = true,
                "__hash__" => has_hash = true,
                _ => {}
            }
            let v = match (key, v.payload()) {
                ("__new__", Some(Payload::Function(_))) => {
                    Value::obj(Payload::StaticMethod(v.clone()))
                }
                ("__init_subclass__" | "__class_getitem__", Some(Payload::Function(_))) => {
                    Value::obj(Payload::ClassMethod(v.clone()))
                }
                _ => v,
            };
            self.dict_set(&dict, k, v)?;
        }
        if has_eq && !has_hash {
            self.dict_set_str(&dict, Value::str("__hash__"), Value::None);
        }
        if self.dict_get_str(&dict, &Value::str("__doc__")).is_none() {
            self.dict_set_str(&dict, Value::str("__doc__"), Value::None);
        }
        let metaclass = if Arc::ptr_eq(meta, &types().type_) {
            None
        } else {
            Some(meta.clone())
        };
        let cls = new_type(
            name,
            base_types.clone(),
            mro,
            dict.clone(),
            layout,
            true,
            metaclass,
        );
        if let Payload::Type(d) = &cls.payload {
            d.qualname.replace(&self.gil, qualname);
        }
        self.set_names(&cls, &dict)?;
        self.init_subclass(&cls, kwargs)?;
        Ok(cls)
    }

    /// The payload layout instances of a class with these bases carry.
    fn solid_layout(&self, bases: &[ObjRef]) -> PyResult<Layout> {
        let mut layout = Layout::Object;
        for b in bases {
            let l = type_data(b).layout;
            if l == Layout::Object {
                continue;
            }
            if layout != Layout::Object && layout != l {
                return Err(type_error("multiple bases have instance lay-out conflict"));
            }
            layout = l;
        }
        Ok(layout)
    }

    fn set_names(&mut self, cls: &ObjRef, dict: &ObjRef) -> PyResult<()> {
        let items: Vec<(Value, Value)> = match &dict.payload {
            Payload::Dict(d) => d
                .borrow(&self.gil)
                .iter()
                .map(|e| (e.key.clone(), e.value.clone()))
                .collect(),
            _ => Vec::new(),
        };
        for (k, v) in items {
            let vt = type_of(&v).clone();
            if !type_data(&vt).heap {
                continue;
            }
            if let Some(m) = self.lookup_mro(&vt, &Value::str("__set_name__")) {
                self.call_special(&m, &v, &[Value::Obj(cls.clone()), k])?;
            }
        }
        Ok(())
    }

    fn init_subclass(&mut self, cls: &ObjRef, kwargs: (&[Value], &[Value])) -> PyResult<()> {
        let mro: Vec<ObjRef> = type_data(cls).mro.to_vec();
        let key = Value::str("__init_subclass__");
        for c in &mro {
            if let Some(v) = self.dict_get_str(&type_data(c).dict, &key) {
                let f = match v.payload() {
                    Some(Payload::ClassMethod(f)) => f.clone(),
                    _ => v,
                };
                self.call(
                    &f,
                    Args {
                        pos: &[Value::Obj(cls.clone())],
                        kw_names: kwargs.0,
                        kw_values: kwargs.1,
                    },
                )?;
                return Ok(());
            }
        }
        Ok(())
    }
}

fn property_new(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = Args {
        pos: args.pos.get(1..).unwrap_or(&[]),
        ..args
    };
    let b = a.bind("property", &["fget", "fset", "fdel", "doc"], 0)?;
    let get = |i: usize| b[i].clone().unwrap_or(Value::None);
    Ok(Value::obj(Payload::Property(Property {
        fget: get(0),
        fset: get(1),
        fdel: get(2),
        doc: get(3),
    })))
}

fn property_with(args: &Args, which: usize) -> PyResult<Value> {
    let [p, f] = args.pos else {
        return Err(type_error("expected 1 argument"));
    };
    let Some(Payload::Property(p)) = p.payload() else {
        return Err(type_error("descriptor requires a 'property' object"));
    };
    let mut parts = [p.fget.clone(), p.fset.clone(), p.fdel.clone()];
    parts[which] = f.clone();
    let [fget, fset, fdel] = parts;
    Ok(Value::obj(Payload::Property(Property {
        fget,
        fset,
        fdel,
        doc: p.doc.clone(),
    })))
}

fn property_getter(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    property_with(&args, 0)
}

fn property_setter(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    property_with(&args, 1)
}

fn property_deleter(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    property_with(&args, 2)
}

fn property_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [p, obj, ..] = args.pos else {
        return Err(type_error("expected at least 1 argument"));
    };
    if obj.is_none() {
        return Ok(p.clone());
    }
    let Some(Payload::Property(prop)) = p.payload() else {
        return Err(type_error("descriptor requires a 'property' object"));
    };
    let f = prop.fget.clone();
    vm.call(&f, Args::positional(std::slice::from_ref(obj)))
}

fn classmethod_new(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.pos {
        [_, f] => Ok(Value::obj(Payload::ClassMethod(f.clone()))),
        _ => Err(type_error(format!(
            "classmethod expected 1 argument, got {}",
            args.pos.len().saturating_sub(1)
        ))),
    }
}

fn staticmethod_new(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.pos {
        [_, f] => Ok(Value::obj(Payload::StaticMethod(f.clone()))),
        _ => Err(type_error(format!(
            "staticmethod expected 1 argument, got {}",
            args.pos.len().saturating_sub(1)
        ))),
    }
}

fn super_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.pos {
        [_, Value::Obj(t), obj] if matches!(t.payload, Payload::Type(_)) => {
            vm.new_super(t.clone(), obj.clone())
        }
        [_, t, _] => Err(type_error(format!(
            "super() argument 1 must be a type, not {}",
            type_name(t, vm)
        ))),
        [_] => Err(PyErr::new(ExcType::RuntimeError, "super(): no arguments")),
        _ => Err(type_error("super() takes at most 2 arguments")),
    }
}

fn generator_of<'a>(args: &Args<'a>) -> PyResult<&'a crate::vm::generator::Generator> {
    match args.pos.first().and_then(Value::payload) {
        Some(Payload::Generator(g)) => Ok(g),
        _ => Err(type_error("descriptor requires a 'generator' object")),
    }
}

fn generator_send(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = generator_of(&args)?;
    let v = args.pos.get(1).cloned().unwrap_or(Value::None);
    vm.gen_send(g, v)
}

fn generator_throw(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = generator_of(&args)?;
    let (typ, val) = match args.pos {
        [_, t] => (t.clone(), Value::None),
        [_, t, v, ..] => (t.clone(), v.clone()),
        _ => return Err(type_error("throw expected at least 1 argument, got 0")),
    };
    let err = if matches!(typ.payload(), Some(Payload::Type(_))) && !val.is_none() {
        if matches!(val.payload(), Some(Payload::Exception(_))) {
            vm.make_exception(val)?
        } else {
            let inst = vm.call(&typ, Args::positional(&[val]))?;
            vm.make_exception(inst)?
        }
    } else {
        vm.make_exception(typ)?
    };
    vm.gen_throw(g, err)
}

fn generator_close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = generator_of(&args)?;
    vm.gen_close(g)
}

fn iterator_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let it = self_arg(&args, "__next__")?;
    if let Some(Payload::Generator(g)) = it.payload() {
        return vm.gen_send(g, Value::None);
    }
    match it.payload() {
        Some(Payload::Iterator(_)) => {}
        _ => return Err(type_error("descriptor '__next__' requires an iterator")),
    }
    // The builtin iterator's own step (its class may be a subclass's).
    let plain = Value::Obj(match it {
        Value::Obj(o) => o.clone(),
        _ => return Err(type_error("not an iterator")),
    });
    match vm.next_builtin(&plain)? {
        Some(v) => Ok(v),
        None => Err(PyErr::with_args(ExcType::StopIteration, vec![])),
    }
}

fn iterator_iter(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(args.pos.first().cloned().unwrap_or(Value::None))
}
