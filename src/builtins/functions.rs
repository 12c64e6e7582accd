//! The builtin functions: `print`, `len`, `isinstance`, `sorted`, `min`/`max`, `sum`,
//! `round`, `getattr` and the rest, with CPython's argument errors.

use std::sync::Arc;

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use super::sort::sort_values;
use crate::compile::bytecode::{BinaryOp, CompareOp};
use crate::object::number as num;
use crate::object::typeobj::{ExcType, is_subtype, type_data, type_of, types};
use crate::object::value::{Args, IterState, NativeFn, Payload, Value};
use crate::vm::Vm;
use crate::vm::eval::type_name;
use crate::vm::exceptions::{PyErr, PyResult, from_num_error, type_error, value_error};
use crate::vm::ops::{IntRef, as_int, index_value};
use crate::vm::protocol::new_iter;

pub const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("print", print),
    ("len", len),
    ("repr", repr),
    ("ascii", ascii),
    ("abs", abs),
    ("all", all),
    ("any", any),
    ("bin", bin),
    ("oct", oct),
    ("hex", hex),
    ("callable", callable),
    ("chr", chr),
    ("ord", ord),
    ("divmod", divmod),
    ("format", format),
    ("getattr", getattr),
    ("setattr", setattr),
    ("delattr", delattr),
    ("hasattr", hasattr),
    ("hash", hash),
    ("id", id),
    ("isinstance", isinstance),
    ("issubclass", issubclass),
    ("iter", iter),
    ("next", next),
    ("max", max),
    ("min", min),
    ("pow", pow),
    ("round", round),
    ("sorted", sorted),
    ("sum", sum),
    ("globals", globals),
    ("locals", locals),
    ("vars", vars),
    ("dir", dir),
    ("__build_class__", super::object::build_class),
    ("__import__", import),
    ("eval", eval),
    ("exec", exec),
];

fn print(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let mut sep = None;
    let mut end = None;
    let mut file = Value::None;
    let mut flush = false;
    for (k, v) in args.kw_names.iter().zip(args.kw_values) {
        match k.as_str().unwrap_or("") {
            "sep" => sep = text_arg(vm, v, "sep")?,
            "end" => end = text_arg(vm, v, "end")?,
            "file" => file = v.clone(),
            "flush" => flush = vm.is_true(v)?,
            other => {
                return Err(type_error(format!(
                    "print() got an unexpected keyword argument '{other}'"
                )));
            }
        }
    }
    // print() writes each argument, separator and end separately, as CPython does: that
    // decides where line buffering flushes and how threads' output interleaves.
    let mut pieces: Vec<String> = Vec::with_capacity(args.pos.len() * 2 + 1);
    for (i, v) in args.pos.iter().enumerate() {
        if i > 0 {
            pieces.push(sep.clone().unwrap_or_else(|| " ".into()));
        }
        match v.as_str() {
            Some(s) if !type_data(type_of(v)).heap => pieces.push(s.to_string()),
            _ => pieces.push(vm.str(v)?),
        }
    }
    pieces.push(end.unwrap_or_else(|| "\n".into()));
    let refs: Vec<&str> = pieces.iter().map(String::as_str).collect();
    vm.print_text(&file, &refs, flush)?;
    Ok(Value::None)
}

fn text_arg(vm: &mut Vm, v: &Value, what: &str) -> PyResult<Option<String>> {
    if v.is_none() {
        return Ok(None);
    }
    match v.as_str() {
        Some(s) => Ok(Some(s.to_string())),
        None => Err(type_error(format!(
            "{what} must be None or a string, not {}",
            type_name(v, vm)
        ))),
    }
}

fn len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = args.one("len")?;
    Ok(Value::Int(vm.len(v)? as i64))
}

fn repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = args.one("repr")?;
    Ok(Value::str(vm.repr(v)?))
}

fn ascii(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = args.one("ascii")?;
    Ok(Value::str(super::str::ascii_of(vm, v)?))
}

fn abs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = args.one("abs")?;
    match v {
        Value::Int(i) => Ok(match i.checked_abs() {
            Some(a) => Value::Int(a),
            None => Value::int(BigInt::from(*i).abs()),
        }),
        Value::Bool(b) => Ok(Value::Int(i64::from(*b))),
        Value::Float(f) => Ok(Value::Float(f.abs())),
        _ => {
            if let Some(m) = vm.lookup_special(type_of(v), "__abs__") {
                return vm.call_special(&m, v, &[]);
            }
            match v.payload() {
                Some(Payload::Int(b)) => Ok(Value::int(b.abs())),
                Some(Payload::Float(f)) => Ok(Value::Float(f.abs())),
                _ => Err(type_error(format!(
                    "bad operand type for abs(): '{}'",
                    type_name(v, vm)
                ))),
            }
        }
    }
}

fn all(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = args.one("all")?;
    let it = vm.get_iter(v)?;
    while let Some(x) = vm.next(&it)? {
        if !vm.is_true(&x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn any(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = args.one("any")?;
    let it = vm.get_iter(v)?;
    while let Some(x) = vm.next(&it)? {
        if vm.is_true(&x)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn int_operand(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    match as_int(v) {
        Some(i) => Ok(i.to_big()),
        None => {
            if let Some(m) = vm.lookup_special(type_of(v), "__index__") {
                let r = vm.call_special(&m, v, &[])?;
                return int_operand(vm, &r);
            }
            Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                type_name(v, vm)
            )))
        }
    }
}

fn radix(vm: &mut Vm, args: Args, name: &str, base: u32, prefix: &str) -> PyResult<Value> {
    let v = args.one(name)?;
    let n = int_operand(vm, v)?;
    // `int_to_str_radix` writes the prefix itself (`0b101`, `-0x1f`), as `bin()` does.
    let _ = prefix;
    Ok(Value::str(
        num::int_to_str_radix(&n, base).map_err(from_num_error)?,
    ))
}

fn bin(vm: &mut Vm, args: Args) -> PyResult<Value> {
    radix(vm, args, "bin", 2, "0b")
}

fn oct(vm: &mut Vm, args: Args) -> PyResult<Value> {
    radix(vm, args, "oct", 8, "0o")
}

fn hex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    radix(vm, args, "hex", 16, "0x")
}

fn callable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = args.one("callable")?;
    let r = match v.payload() {
        Some(
            Payload::Function(_)
            | Payload::Builtin(_)
            | Payload::BoundMethod { .. }
            | Payload::Type(_),
        ) => true,
        _ => vm.lookup_mro(type_of(v), &Value::str("__call__")).is_some(),
    };
    Ok(Value::Bool(r))
}

fn chr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = args.one("chr")?;
    let n = match as_int(v) {
        Some(IntRef::Small(i)) => i,
        Some(IntRef::Big(_)) => {
            return Err(PyErr::new(
                ExcType::OverflowError,
                "Python int too large to convert to C int",
            ));
        }
        None => {
            return Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                type_name(v, vm)
            )));
        }
    };
    match u32::try_from(n).ok().and_then(char::from_u32) {
        Some(c) => Ok(Value::str(c.to_string())),
        None if (0xD800..0xE000).contains(&n) => Err(value_error(
            "surrogate characters are not supported by gilpy",
        )),
        None => Err(value_error("chr() arg not in range(0x110000)")),
    }
}

fn ord(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = args.one("ord")?;
    if let Some(s) = v.as_pystr() {
        let mut chars = s.as_str().chars();
        return match (chars.next(), chars.next()) {
            (Some(c), None) => Ok(Value::Int(i64::from(u32::from(c)))),
            _ => Err(type_error(format!(
                "ord() expected a character, but string of length {} found",
                s.char_len()
            ))),
        };
    }
    if let Some(b) = vm.bytes_data(v) {
        return match b.as_slice() {
            [x] => Ok(Value::Int(i64::from(*x))),
            _ => Err(type_error(format!(
                "ord() expected a character, but string of length {} found",
                b.len()
            ))),
        };
    }
    Err(type_error(format!(
        "ord() expected string of length 1, but {} found",
        type_name(v, vm)
    )))
}

fn divmod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.between("divmod", 2, 2)?;
    let (x, y) = (&a[0], &a[1]);
    if let (Some(p), Some(q)) = (as_int(x), as_int(y)) {
        let (d, m) = num::int_divmod(&p.to_big(), &q.to_big()).map_err(from_num_error)?;
        return Ok(Value::tuple(vec![Value::int(d), Value::int(m)]));
    }
    let is_num = |v: &Value| matches!(v, Value::Int(_) | Value::Bool(_) | Value::Float(_));
    if is_num(x) && is_num(y) {
        let f = |v: &Value| match v {
            Value::Float(f) => *f,
            Value::Int(i) => *i as f64,
            Value::Bool(b) => f64::from(u8::from(*b)),
            _ => 0.0,
        };
        let (d, m) = num::float_divmod(f(x), f(y)).map_err(from_num_error)?;
        return Ok(Value::tuple(vec![Value::Float(d), Value::Float(m)]));
    }
    if let Some(m) = vm.lookup_special(type_of(x), "__divmod__") {
        let r = vm.call_special(&m, x, std::slice::from_ref(y))?;
        if !vm.is_not_implemented(&r) {
            return Ok(r);
        }
    }
    if let Some(m) = vm.lookup_special(type_of(y), "__rdivmod__") {
        let r = vm.call_special(&m, y, std::slice::from_ref(x))?;
        if !vm.is_not_implemented(&r) {
            return Ok(r);
        }
    }
    Err(type_error(format!(
        "unsupported operand type(s) for divmod(): '{}' and '{}'",
        type_name(x, vm),
        type_name(y, vm)
    )))
}

fn format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.between("format", 1, 2)?;
    let spec = match a.get(1) {
        Some(s) => match s.as_str() {
            Some(s) => s.to_string(),
            None => {
                return Err(type_error(format!(
                    "format() argument 2 must be str, not {}",
                    type_name(s, vm)
                )));
            }
        },
        None => String::new(),
    };
    Ok(Value::str(vm.format(&a[0], &spec)?))
}

fn attr_name(vm: &Vm, v: &Value, func: &str) -> PyResult<Value> {
    if v.as_str().is_some() {
        return Ok(v.clone());
    }
    let _ = func;
    Err(type_error(format!(
        "attribute name must be string, not '{}'",
        type_name(v, vm)
    )))
}

fn getattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.between("getattr", 2, 3)?;
    let name = attr_name(vm, &a[1], "getattr")?;
    match vm.get_attr(&a[0], &name) {
        Ok(v) => Ok(v),
        Err(e) if a.len() == 3 && e.matches(ExcType::AttributeError) => Ok(a[2].clone()),
        Err(e) => Err(e),
    }
}

fn setattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.between("setattr", 3, 3)?;
    let name = attr_name(vm, &a[1], "setattr")?;
    vm.set_attr(&a[0], &name, a[2].clone())?;
    Ok(Value::None)
}

fn delattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.between("delattr", 2, 2)?;
    let name = attr_name(vm, &a[1], "delattr")?;
    vm.del_attr(&a[0], &name)?;
    Ok(Value::None)
}

fn hasattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.between("hasattr", 2, 2)?;
    let name = attr_name(vm, &a[1], "hasattr")?;
    match vm.get_attr(&a[0], &name) {
        Ok(_) => Ok(Value::Bool(true)),
        Err(e) if e.matches(ExcType::AttributeError) => Ok(Value::Bool(false)),
        Err(e) => Err(e),
    }
}

fn hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = args.one("hash")?;
    Ok(Value::Int(vm.hash(v)?))
}

fn id(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = args.one("id")?;
    Ok(Value::int(BigInt::from(v.id())))
}

/// `isinstance`/`issubclass`'s class-or-tuple argument, checked recursively.
fn class_matches(cls: &crate::object::value::ObjRef, spec: &Value, fname: &str) -> PyResult<bool> {
    match spec.payload() {
        Some(Payload::Type(_)) => {
            let Value::Obj(t) = spec else {
                return Ok(false);
            };
            Ok(is_subtype(cls, t))
        }
        Some(Payload::Tuple(items)) => {
            for it in items.iter() {
                if class_matches(cls, it, fname)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => Err(type_error(format!(
            "{fname}() arg 2 must be a type, a tuple of types, or a union"
        ))),
    }
}

/// A metaclass's `__instancecheck__`/`__subclasscheck__` (ABCMeta's), if the class has one.
fn check_hook(vm: &mut Vm, cls: &Value, hook: &str, arg: &Value) -> PyResult<Option<bool>> {
    let meta = type_of(cls).clone();
    if !type_data(&meta).heap {
        return Ok(None);
    }
    match vm.lookup_mro(&meta, &Value::str(hook)) {
        Some(m) if !matches!(m.payload(), Some(Payload::Builtin(_))) => {
            let r = vm.call(&m, Args::positional(&[cls.clone(), arg.clone()]))?;
            Ok(Some(vm.is_true(&r)?))
        }
        _ => Ok(None),
    }
}

fn isinstance(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.between("isinstance", 2, 2)?;
    if let Some(items) = a[1].as_tuple() {
        for c in items {
            let r = isinstance(vm, Args::positional(&[a[0].clone(), c.clone()]))?;
            if matches!(r, Value::Bool(true)) {
                return Ok(r);
            }
        }
        return Ok(Value::Bool(false));
    }
    if let Some(r) = check_hook(vm, &a[1], "__instancecheck__", &a[0])? {
        return Ok(Value::Bool(r));
    }
    let t = type_of(&a[0]).clone();
    Ok(Value::Bool(class_matches(&t, &a[1], "isinstance")?))
}

fn issubclass(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.between("issubclass", 2, 2)?;
    if let Some(items) = a[1].as_tuple() {
        for c in items {
            let r = issubclass(vm, Args::positional(&[a[0].clone(), c.clone()]))?;
            if matches!(r, Value::Bool(true)) {
                return Ok(r);
            }
        }
        return Ok(Value::Bool(false));
    }
    if let Some(r) = check_hook(vm, &a[1], "__subclasscheck__", &a[0])? {
        return Ok(Value::Bool(r));
    }
    let Some(Payload::Type(_)) = a[0].payload() else {
        return Err(type_error("issubclass() arg 1 must be a class"));
    };
    let Value::Obj(c) = &a[0] else {
        return Ok(Value::Bool(false));
    };
    Ok(Value::Bool(class_matches(c, &a[1], "issubclass")?))
}

fn iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.between("iter", 1, 2)?;
    if a.len() == 2 {
        let is_callable = callable(vm, Args::positional(&a[..1]))?;
        if !matches!(is_callable, Value::Bool(true)) {
            return Err(type_error("iter(v, w): v must be callable"));
        }
        return Ok(new_iter(IterState::Callable {
            func: a[0].clone(),
            sentinel: a[1].clone(),
        }));
    }
    vm.get_iter(&a[0])
}

fn next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.between("next", 1, 2)?;
    let it = &a[0];
    let is_iter = matches!(
        it.payload(),
        Some(Payload::Iterator(_) | Payload::Generator(_))
    ) || vm
        .lookup_mro(type_of(it), &Value::str("__next__"))
        .is_some();
    if !is_iter {
        return Err(type_error(format!(
            "'{}' object is not an iterator",
            type_name(it, vm)
        )));
    }
    if let Some(Payload::Generator(g)) = it.payload() {
        return match vm.gen_resume(g, crate::vm::eval::Resume::Send(Value::None)) {
            Ok(crate::vm::generator::GenResult::Yielded(v)) => Ok(v),
            Ok(crate::vm::generator::GenResult::Returned(v)) => match a.get(1) {
                Some(d) => Ok(d.clone()),
                None => Err(crate::vm::exceptions::stop_iteration(v)),
            },
            Err(e) => Err(e),
        };
    }
    match vm.next(it)? {
        Some(v) => Ok(v),
        None => match a.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(PyErr::with_args(ExcType::StopIteration, vec![])),
        },
    }
}

fn min_max(vm: &mut Vm, args: Args, name: &str, op: CompareOp) -> PyResult<Value> {
    let mut key = Value::None;
    let mut default = None;
    for (k, v) in args.kw_names.iter().zip(args.kw_values) {
        match k.as_str().unwrap_or("") {
            "key" => key = v.clone(),
            "default" => default = Some(v.clone()),
            other => {
                return Err(type_error(format!(
                    "{name}() got an unexpected keyword argument '{other}'"
                )));
            }
        }
    }
    let items = match args.pos.len() {
        0 => {
            return Err(type_error(format!(
                "{name} expected at least 1 argument, got 0"
            )));
        }
        1 => vm.iterate(&args.pos[0])?,
        _ => {
            if default.is_some() {
                return Err(type_error(format!(
                    "Cannot specify a default for {name}() with multiple positional arguments"
                )));
            }
            args.pos.to_vec()
        }
    };
    let mut best: Option<(Value, Value)> = None;
    for it in items {
        let k = if key.is_none() {
            it.clone()
        } else {
            vm.call(&key, Args::positional(std::slice::from_ref(&it)))?
        };
        best = match best {
            None => Some((k, it)),
            Some((bk, bv)) => {
                let r = vm.compare(op, &k, &bk)?;
                if vm.is_true(&r)? {
                    Some((k, it))
                } else {
                    Some((bk, bv))
                }
            }
        };
    }
    match best {
        Some((_, v)) => Ok(v),
        None => match default {
            Some(d) => Ok(d),
            None => Err(value_error(format!("{name}() arg is an empty sequence"))),
        },
    }
}

fn max(vm: &mut Vm, args: Args) -> PyResult<Value> {
    min_max(vm, args, "max", CompareOp::Gt)
}

fn min(vm: &mut Vm, args: Args) -> PyResult<Value> {
    min_max(vm, args, "min", CompareOp::Lt)
}

fn pow(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.bind("pow", &["base", "exp", "mod"], 2)?;
    let (base, exp) = (
        a[0].clone().unwrap_or_default(),
        a[1].clone().unwrap_or_default(),
    );
    match &a[2] {
        Some(m) if !m.is_none() => {
            let (Some(b), Some(e), Some(m)) = (as_int(&base), as_int(&exp), as_int(m)) else {
                return Err(type_error(
                    "pow() 3rd argument not allowed unless all arguments are integers",
                ));
            };
            let r =
                num::int_pow_mod(&b.to_big(), &e.to_big(), &m.to_big()).map_err(from_num_error)?;
            Ok(Value::int(r))
        }
        _ => vm.binary_op(BinaryOp::Pow, &base, &exp),
    }
}

fn round(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.bind("round", &["number", "ndigits"], 1)?;
    let x = a[0].clone().unwrap_or_default();
    let nd = a[1].clone().filter(|v| !v.is_none());
    if let Some(m) = vm.lookup_special(type_of(&x), "__round__") {
        let args: Vec<Value> = nd.into_iter().collect();
        return vm.call_special(&m, &x, &args);
    }
    if let Some(i) = as_int(&x) {
        return match nd {
            None => Ok(Value::int(i.to_big())),
            Some(n) => {
                let n = index_value(vm, &n)?;
                Ok(Value::int(num::int_round(&i.to_big(), n)))
            }
        };
    }
    let f = match (&x, x.payload()) {
        (Value::Float(f), _) => *f,
        (_, Some(Payload::Float(f))) => *f,
        _ => {
            return Err(type_error(format!(
                "type {} doesn't define __round__ method",
                type_name(&x, vm)
            )));
        }
    };
    match nd {
        None => Ok(Value::int(
            num::float_round_to_int(f).map_err(from_num_error)?,
        )),
        Some(n) => {
            let n = index_value(vm, &n)?;
            Ok(Value::Float(
                num::float_round(f, n).map_err(from_num_error)?,
            ))
        }
    }
}

fn sorted(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.pos.len() != 1 {
        return Err(type_error(format!(
            "sorted expected 1 argument, got {}",
            args.pos.len()
        )));
    }
    let mut key = Value::None;
    let mut reverse = false;
    for (k, v) in args.kw_names.iter().zip(args.kw_values) {
        match k.as_str().unwrap_or("") {
            "key" => key = v.clone(),
            "reverse" => reverse = vm.is_true(v)?,
            other => {
                return Err(type_error(format!(
                    "sort() got an unexpected keyword argument '{other}'"
                )));
            }
        }
    }
    let mut items = vm.iterate(&args.pos[0])?;
    sort_values(vm, &mut items, &key, reverse)?;
    Ok(Value::list(items))
}

fn sum(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.bind("sum", &["iterable", "start"], 1)?;
    let mut total = a[1].clone().unwrap_or(Value::Int(0));
    if total.as_str().is_some() {
        return Err(type_error(
            "sum() can't sum strings [use ''.join(seq) instead]",
        ));
    }
    if matches!(total.payload(), Some(Payload::Bytes(_))) {
        return Err(type_error(
            "sum() can't sum bytes [use b''.join(seq) instead]",
        ));
    }
    let it = vm.get_iter(a[0].as_ref().unwrap_or(&Value::None))?;
    // Exact float sums accumulate in one f64, as CPython does.
    while let Some(x) = vm.next(&it)? {
        total = vm.binary_op(BinaryOp::Add, &total, &x)?;
    }
    Ok(total)
}

fn globals(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.between("globals", 0, 0)?;
    match vm.current_frame() {
        Some(f) => Ok(Value::Obj(f.globals.clone())),
        None => Ok(Value::None),
    }
}

fn locals(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.between("locals", 0, 0)?;
    vm.frame_locals()
}

fn vars(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.between("vars", 0, 1)?;
    match a.first() {
        None => vm.frame_locals(),
        Some(v) => match vm.get_attr(v, &Value::str("__dict__")) {
            Ok(d) => Ok(d),
            Err(e) if e.matches(ExcType::AttributeError) => {
                Err(type_error("vars() argument must have __dict__ attribute"))
            }
            Err(e) => Err(e),
        },
    }
}

fn dir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.between("dir", 0, 1)?;
    let mut names: Vec<String> = Vec::new();
    match a.first() {
        None => {
            let l = vm.frame_locals()?;
            if let Some(Payload::Dict(d)) = l.payload() {
                names = d
                    .borrow(&vm.gil)
                    .iter()
                    .filter_map(|e| e.key.as_str().map(str::to_string))
                    .collect();
            }
        }
        Some(v) => {
            if let Some(m) = vm.lookup_special(type_of(v), "__dir__") {
                let r = vm.call_special(&m, v, &[])?;
                let items = vm.iterate(&r)?;
                names = items
                    .iter()
                    .filter_map(|x| x.as_str().map(str::to_string))
                    .collect();
            } else {
                names = vm.attribute_names(v);
            }
        }
    }
    names.sort();
    names.dedup();
    Ok(Value::list(names.into_iter().map(Value::str).collect()))
}

fn import(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.bind(
        "__import__",
        &["name", "globals", "locals", "fromlist", "level"],
        1,
    )?;
    let name = a[0].clone().unwrap_or_default();
    if name.as_str().is_none() {
        return Err(type_error(format!(
            "__import__() argument 1 must be str, not {}",
            type_name(&name, vm)
        )));
    }
    let globals = match &a[1] {
        Some(Value::Obj(g)) if matches!(g.payload, Payload::Dict(_)) => g.clone(),
        _ => crate::object::value::new_dict_obj(Default::default()),
    };
    let fromlist = a[3].clone().unwrap_or(Value::None);
    let level = a[4].clone().unwrap_or(Value::Int(0));
    vm.import_name(&name, &globals, &fromlist, &level)
}

impl Vm {
    /// `locals()`: the namespace of a module or class body, or a snapshot of a function's
    /// fast locals and cells.
    pub fn frame_locals(&mut self) -> PyResult<Value> {
        let Some(f) = self.current_frame() else {
            return Ok(Value::None);
        };
        if let Some(ns) = &f.namespace {
            return Ok(Value::Obj(ns.clone()));
        }
        let code = f.code.clone();
        let fast = f.fast.clone();
        let cells = f.cells.clone();
        let d = crate::object::value::new_dict_obj(Default::default());
        for (name, v) in code.varnames.iter().zip(fast.iter()) {
            if !v.is_null() {
                self.dict_set_str(&d, name.clone(), v.clone());
            }
        }
        let cell_names = code.co.cellvars.iter().chain(code.co.freevars.iter());
        for (name, cell) in cell_names.zip(cells.iter()) {
            if let Payload::Cell(c) = &cell.payload {
                let v = c.get(&self.gil);
                if !v.is_null() {
                    self.dict_set_str(&d, Value::str(name.as_str()), v);
                }
            }
        }
        Ok(Value::Obj(d))
    }

    /// The names `dir(obj)` lists: the instance dict and every class in the MRO.
    pub fn attribute_names(&mut self, v: &Value) -> Vec<String> {
        let mut names = Vec::new();
        let mut add_dict = |vm: &Vm, d: &crate::object::value::ObjRef| {
            if let Payload::Dict(d) = &d.payload {
                names.extend(
                    d.borrow(&vm.gil)
                        .iter()
                        .filter_map(|e| e.key.as_str().map(str::to_string)),
                );
            }
        };
        if let Some(d) = v.as_obj().and_then(|o| o.dict.clone()) {
            add_dict(self, &d);
        }
        let t = match v {
            Value::Obj(o) if matches!(o.payload, Payload::Type(_)) => o.clone(),
            _ => type_of(v).clone(),
        };
        for c in crate::object::typeobj::mro_iter(&t) {
            add_dict(self, &type_data(c).dict);
        }
        if Arc::ptr_eq(&t, &types().object) || !names.is_empty() {
            names.push("__class__".into());
        }
        names
    }
}

/// `int(x)` for the builtin callers that need a machine int from a value.
pub fn to_i64(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let i = int_operand(vm, v)?;
    i.to_i64().ok_or_else(|| {
        PyErr::new(
            ExcType::OverflowError,
            "Python int too large to convert to C ssize_t",
        )
    })
}

/// The globals and locals `eval`/`exec` run with: the given ones, or the caller's.
fn eval_scope(
    vm: &mut Vm,
    fname: &str,
    globals: Option<&Value>,
    locals: Option<&Value>,
) -> PyResult<(
    crate::object::value::ObjRef,
    Option<crate::object::value::ObjRef>,
)> {
    let globals = match globals {
        Some(Value::Obj(g)) if matches!(g.payload, Payload::Dict(_)) => Some(g.clone()),
        Some(Value::None) | None => None,
        Some(other) => {
            return Err(type_error(format!(
                "{fname}() globals must be a dict, not {}",
                type_name(other, vm)
            )));
        }
    };
    let locals = match locals {
        Some(Value::Obj(l)) => Some(l.clone()),
        _ => None,
    };
    match globals {
        Some(g) => {
            let ns = locals.unwrap_or_else(|| g.clone());
            Ok((g, Some(ns)))
        }
        None => {
            let Some(frame) = vm.current_frame() else {
                return Err(type_error(format!("{fname}() needs a frame")));
            };
            let g = frame.globals.clone();
            let ns = match locals {
                Some(l) => l,
                None => match vm.frame_locals()? {
                    Value::Obj(d) => d,
                    _ => g.clone(),
                },
            };
            Ok((g, Some(ns)))
        }
    }
}

fn run_text(vm: &mut Vm, args: Args, fname: &str, mode: crate::compile::Mode) -> PyResult<Value> {
    let a = args.bind(fname, &["source", "globals", "locals"], 1)?;
    let source = a[0].clone().unwrap_or_default();
    let Some(text) = source.as_str() else {
        let what = if mode == crate::compile::Mode::Eval {
            "eval() arg 1 must be a string, bytes or code object"
        } else {
            "exec() arg 1 must be a string, bytes or code object"
        };
        return Err(type_error(what));
    };
    let text = if mode == crate::compile::Mode::Eval {
        text.trim_start_matches([' ', '\t']).to_string()
    } else {
        text.to_string()
    };
    let (globals, ns) = eval_scope(vm, fname, a[1].as_ref(), a[2].as_ref())?;
    let code =
        crate::compile::compile_source(&text, "<string>", mode).map_err(|e| vm.syntax_error(e))?;
    let builtins_key = Value::str("__builtins__");
    if vm.dict_get_str(&globals, &builtins_key).is_none() {
        let b = vm.interp.builtins.clone();
        vm.dict_set_str(&globals, builtins_key, Value::Obj(b));
    }
    vm.run_code(code, &globals, ns)
}

fn eval(vm: &mut Vm, args: Args) -> PyResult<Value> {
    run_text(vm, args, "eval", crate::compile::Mode::Eval)
}

fn exec(vm: &mut Vm, args: Args) -> PyResult<Value> {
    run_text(vm, args, "exec", crate::compile::Mode::Exec)?;
    Ok(Value::None)
}
