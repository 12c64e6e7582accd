//! Operators: binary and in-place arithmetic, unary operators, rich comparison, equality,
//! hashing and truth — native fast paths for the builtin types, then CPython's dunder dispatch
//! (`__add__`, then the reflected `__radd__`, a subclass's reflected method first) for user
//! classes, with CPython's `TypeError` messages.

use std::cmp::Ordering;
use std::sync::Arc;

use num_bigint::BigInt;
use num_traits::{ToPrimitive, Zero};

use super::Vm;
use super::eval::type_name;
use super::exceptions::{PyErr, PyResult, from_num_error, type_error};
use crate::compile::bytecode::{BinaryOp, CompareOp, UnaryOp};
use crate::object::number as num;
use crate::object::typeobj::{ExcType, is_subtype, mro_iter, type_data, type_of, types};
use crate::object::value::{Args, ObjRef, Payload, Value};

/// An int operand, borrowed when it is already big.
pub enum IntRef<'a> {
    Small(i64),
    Big(&'a BigInt),
}

impl IntRef<'_> {
    pub fn to_big(&self) -> BigInt {
        match self {
            IntRef::Small(i) => BigInt::from(*i),
            IntRef::Big(b) => (*b).clone(),
        }
    }
}

/// The int value of an int or bool (or int subclass instance).
pub fn as_int(v: &Value) -> Option<IntRef<'_>> {
    match v {
        Value::Int(i) => Some(IntRef::Small(*i)),
        Value::Bool(b) => Some(IntRef::Small(i64::from(*b))),
        Value::Obj(o) => match &o.payload {
            Payload::Int(b) => Some(IntRef::Big(b)),
            _ => None,
        },
        _ => None,
    }
}

pub fn as_bigint(v: &Value) -> Option<BigInt> {
    as_int(v).map(|i| i.to_big())
}

/// A float operand: a float, or an int converted exactly as CPython does for mixed arithmetic.
fn as_float_operand(v: &Value) -> Option<PyResult<f64>> {
    match v {
        Value::Float(f) => Some(Ok(*f)),
        Value::Obj(o) => match &o.payload {
            Payload::Float(f) => Some(Ok(*f)),
            Payload::Int(b) => Some(num::int_to_float(b).map_err(from_num_error)),
            _ => None,
        },
        Value::Int(i) => Some(Ok(*i as f64)),
        Value::Bool(b) => Some(Ok(f64::from(u8::from(*b)))),
        _ => None,
    }
}

fn is_float(v: &Value) -> bool {
    matches!(v, Value::Float(_))
        || matches!(v, Value::Obj(o) if matches!(o.payload, Payload::Float(_)))
}

pub fn op_symbol(op: BinaryOp) -> &'static str {
    match op {
        BinaryOp::Add => "+",
        BinaryOp::Sub => "-",
        BinaryOp::Mult => "*",
        BinaryOp::MatMult => "@",
        BinaryOp::Div => "/",
        BinaryOp::Mod => "%",
        BinaryOp::Pow => "**",
        BinaryOp::LShift => "<<",
        BinaryOp::RShift => ">>",
        BinaryOp::BitOr => "|",
        BinaryOp::BitXor => "^",
        BinaryOp::BitAnd => "&",
        BinaryOp::FloorDiv => "//",
    }
}

fn op_dunders(op: BinaryOp) -> (&'static str, &'static str, &'static str) {
    match op {
        BinaryOp::Add => ("__add__", "__radd__", "__iadd__"),
        BinaryOp::Sub => ("__sub__", "__rsub__", "__isub__"),
        BinaryOp::Mult => ("__mul__", "__rmul__", "__imul__"),
        BinaryOp::MatMult => ("__matmul__", "__rmatmul__", "__imatmul__"),
        BinaryOp::Div => ("__truediv__", "__rtruediv__", "__itruediv__"),
        BinaryOp::Mod => ("__mod__", "__rmod__", "__imod__"),
        BinaryOp::Pow => ("__pow__", "__rpow__", "__ipow__"),
        BinaryOp::LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
        BinaryOp::RShift => ("__rshift__", "__rrshift__", "__irshift__"),
        BinaryOp::BitOr => ("__or__", "__ror__", "__ior__"),
        BinaryOp::BitXor => ("__xor__", "__rxor__", "__ixor__"),
        BinaryOp::BitAnd => ("__and__", "__rand__", "__iand__"),
        BinaryOp::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
    }
}

pub fn is_not_implemented(v: &Value) -> bool {
    matches!(v.payload(), Some(Payload::NotImplemented))
}

impl Vm {
    /// Looks a special method up on a type (not the instance), the way CPython's slots do.
    /// Only definitions in classes written in Python (or native types that keep their
    /// methods in a namespace) count: builtin payloads are handled natively by the callers.
    pub fn lookup_special(&self, t: &ObjRef, name: &str) -> Option<Value> {
        for c in mro_iter(t) {
            let d = type_data(c);
            if !d.heap && is_core_type(c) {
                return None;
            }
            if let Some(v) = self.dict_get_str(&d.dict, &crate::vm::code::interned(name)) {
                return Some(v);
            }
        }
        None
    }

    /// Calls a special method found by `lookup_special` with `self` first.
    pub fn call_special(
        &mut self,
        method: &Value,
        self_: &Value,
        args: &[Value],
    ) -> PyResult<Value> {
        let mut all = Vec::with_capacity(args.len() + 1);
        all.push(self_.clone());
        all.extend_from_slice(args);
        match method.payload() {
            Some(Payload::Function(_)) | Some(Payload::Builtin(_)) => {
                self.call(method, Args::positional(&all))
            }
            _ => {
                let bound = self.bind_descriptor(method, self_)?;
                self.call(&bound, Args::positional(args))
            }
        }
    }

    /// `a op b`.
    pub fn binary_op(&mut self, op: BinaryOp, a: &Value, b: &Value) -> PyResult<Value> {
        if let (Value::Int(x), Value::Int(y)) = (a, b)
            && let Some(r) = small_int_op(op, *x, *y)
        {
            return r;
        }
        if let (Value::Float(x), Value::Float(y)) = (a, b) {
            return float_op(op, *x, *y);
        }
        let (name, rname, _) = op_dunders(op);
        self.dispatch_binary(op, a, b, name, rname)
    }

    /// `a op= b`: `__iadd__` first, then the ordinary operator; lists extend in place.
    pub fn inplace_op(&mut self, op: BinaryOp, a: Value, b: &Value) -> PyResult<Value> {
        if let (Value::Int(x), Value::Int(y)) = (&a, b)
            && let Some(r) = small_int_op(op, *x, *y)
        {
            return r;
        }
        let (name, rname, iname) = op_dunders(op);
        if let Some(m) = self.lookup_special(type_of(&a), iname) {
            let r = self.call_special(&m, &a, std::slice::from_ref(b))?;
            if !is_not_implemented(&r) {
                return Ok(r);
            }
        }
        if let Some(Payload::List(_)) = a.payload() {
            match op {
                BinaryOp::Add => {
                    self.list_extend(&a, b)?;
                    return Ok(a);
                }
                BinaryOp::Mult => {
                    self.list_inplace_repeat(&a, b)?;
                    return Ok(a);
                }
                _ => {}
            }
        }
        if let Some(Payload::ByteArray(cell)) = a.payload()
            && matches!(op, BinaryOp::Add | BinaryOp::Mult)
        {
            if op == BinaryOp::Add {
                let Some(extra) = self.bytes_data(b) else {
                    return Err(type_error(format!(
                        "can't concat {} to bytearray",
                        type_name(b, self)
                    )));
                };
                cell.borrow_mut(&self.gil).extend(extra);
            } else {
                let n = index_value(self, b)?.max(0) as usize;
                let mut data = cell.borrow_mut(&self.gil);
                let copy = data.clone();
                data.clear();
                for _ in 0..n {
                    data.extend_from_slice(&copy);
                }
            }
            return Ok(a);
        }
        if let Some(Payload::Set(_)) = a.payload()
            && let Some(r) = self.set_inplace(op, &a, b)
        {
            return r.map(|()| a);
        }
        if let Some(Payload::Dict(_)) = a.payload()
            && op == BinaryOp::BitOr
        {
            // `d |= x` accepts what dict.update accepts.
            self.call_method(&a, "update", std::slice::from_ref(b))?;
            return Ok(a);
        }
        self.dispatch_binary_sym(op, &a, b, name, rname, true)
    }

    fn dispatch_binary(
        &mut self,
        op: BinaryOp,
        a: &Value,
        b: &Value,
        name: &str,
        rname: &str,
    ) -> PyResult<Value> {
        self.dispatch_binary_sym(op, a, b, name, rname, false)
    }

    fn dispatch_binary_sym(
        &mut self,
        op: BinaryOp,
        a: &Value,
        b: &Value,
        name: &str,
        rname: &str,
        inplace: bool,
    ) -> PyResult<Value> {
        let ta = type_of(a).clone();
        let tb = type_of(b).clone();
        let same = Arc::ptr_eq(&ta, &tb);
        let ma = self.lookup_special(&ta, name);
        let mb = if same {
            None
        } else {
            self.lookup_special(&tb, rname)
        };
        // A subclass that overrides the reflected method gets the first try.
        if let Some(m) = &mb
            && is_subtype(&tb, &ta)
            && !same
        {
            let r = self.call_special(m, b, std::slice::from_ref(a))?;
            if !is_not_implemented(&r) {
                return Ok(r);
            }
        }
        if let Some(m) = &ma {
            let r = self.call_special(m, a, std::slice::from_ref(b))?;
            if !is_not_implemented(&r) {
                return Ok(r);
            }
        }
        if let Some(r) = self.native_binary(op, a, b) {
            return r;
        }
        if let Some(m) = &mb
            && !is_subtype(&tb, &ta)
        {
            let r = self.call_special(m, b, std::slice::from_ref(a))?;
            if !is_not_implemented(&r) {
                return Ok(r);
            }
        }
        let sym = op_symbol(op);
        let sym = if inplace {
            format!("{sym}=")
        } else {
            sym.to_string()
        };
        if op == BinaryOp::Pow && !inplace {
            return Err(type_error(format!(
                "unsupported operand type(s) for ** or pow(): '{}' and '{}'",
                type_name(a, self),
                type_name(b, self)
            )));
        }
        if op == BinaryOp::Add && !inplace && a.as_str().is_some() && b.as_str().is_none() {
            return Err(type_error(format!(
                "can only concatenate str (not \"{}\") to str",
                type_name(b, self)
            )));
        }
        if op == BinaryOp::Add && matches!(a.payload(), Some(Payload::List(_))) && !inplace {
            return Err(type_error(format!(
                "can only concatenate list (not \"{}\") to list",
                type_name(b, self)
            )));
        }
        if op == BinaryOp::Add && matches!(a.payload(), Some(Payload::Tuple(_))) {
            return Err(type_error(format!(
                "can only concatenate tuple (not \"{}\") to tuple",
                type_name(b, self)
            )));
        }
        Err(type_error(format!(
            "unsupported operand type(s) for {sym}: '{}' and '{}'",
            type_name(a, self),
            type_name(b, self)
        )))
    }

    /// The builtin types' operators; `None` means NotImplemented.
    fn native_binary(&mut self, op: BinaryOp, a: &Value, b: &Value) -> Option<PyResult<Value>> {
        if let (Value::Bool(x), Value::Bool(y)) = (a, b) {
            match op {
                BinaryOp::BitAnd => return Some(Ok(Value::Bool(*x & *y))),
                BinaryOp::BitOr => return Some(Ok(Value::Bool(*x | *y))),
                BinaryOp::BitXor => return Some(Ok(Value::Bool(*x ^ *y))),
                _ => {}
            }
        }
        if let (Some(x), Some(y)) = (as_int(a), as_int(b)) {
            return Some(big_int_op(op, &x.to_big(), &y.to_big()));
        }
        if (is_float(a) || is_float(b))
            && let (Some(x), Some(y)) = (as_float_operand(a), as_float_operand(b))
        {
            return Some(match (x, y) {
                (Ok(x), Ok(y)) => float_op(op, x, y),
                (Err(e), _) | (_, Err(e)) => Err(e),
            });
        }
        match (a.payload(), b.payload()) {
            (Some(Payload::Str(x)), Some(Payload::Str(y))) if op == BinaryOp::Add => {
                let mut s = String::with_capacity(x.as_str().len() + y.as_str().len());
                s.push_str(x.as_str());
                s.push_str(y.as_str());
                return Some(Ok(Value::str(s)));
            }
            (Some(Payload::Str(_)), _) if op == BinaryOp::Mod => {
                return Some(self.str_percent(a, b));
            }
            (Some(Payload::Bytes(_)), Some(Payload::Bytes(_)))
            | (Some(Payload::Bytes(_)), Some(Payload::ByteArray(_)))
                if op == BinaryOp::Add =>
            {
                let mut v = self.bytes_data(a).unwrap_or_default();
                v.extend(self.bytes_data(b).unwrap_or_default());
                return Some(Ok(Value::bytes(v)));
            }
            (Some(Payload::ByteArray(_)), Some(Payload::Bytes(_)))
            | (Some(Payload::ByteArray(_)), Some(Payload::ByteArray(_)))
                if op == BinaryOp::Add =>
            {
                let mut v = self.bytes_data(a).unwrap_or_default();
                v.extend(self.bytes_data(b).unwrap_or_default());
                return Some(Ok(crate::object::value::Value::obj(Payload::ByteArray(
                    crate::object::gil_cell::GilCell::new(v),
                ))));
            }
            (Some(Payload::List(x)), Some(Payload::List(y))) if op == BinaryOp::Add => {
                let mut v = x.borrow(&self.gil).clone();
                v.extend(y.borrow(&self.gil).iter().cloned());
                return Some(Ok(Value::list(v)));
            }
            (Some(Payload::Tuple(x)), Some(Payload::Tuple(y))) if op == BinaryOp::Add => {
                let mut v = x.to_vec();
                v.extend(y.iter().cloned());
                return Some(Ok(Value::tuple(v)));
            }
            (Some(Payload::Dict(_)), Some(Payload::Dict(_))) if op == BinaryOp::BitOr => {
                return Some(self.dict_or(a, b));
            }
            _ => {}
        }
        if op == BinaryOp::Mult {
            if let Some(n) = as_int(b)
                && let Some(r) = self.sequence_repeat(a, &n)
            {
                return Some(r);
            }
            if let Some(n) = as_int(a)
                && let Some(r) = self.sequence_repeat(b, &n)
            {
                return Some(r);
            }
        }
        if let (
            Some(Payload::Set(_) | Payload::FrozenSet(_)),
            Some(Payload::Set(_) | Payload::FrozenSet(_)),
        ) = (a.payload(), b.payload())
        {
            return self.set_binary(op, a, b);
        }
        if let (Some(Payload::DictView(..)), _) | (_, Some(Payload::DictView(..))) =
            (a.payload(), b.payload())
        {
            return self.dict_view_binary(op, a, b);
        }
        None
    }

    fn sequence_repeat(&mut self, seq: &Value, n: &IntRef) -> Option<PyResult<Value>> {
        let count = match n {
            IntRef::Small(i) => (*i).max(0) as usize,
            IntRef::Big(b) => {
                if b.sign() == num_bigint::Sign::Minus {
                    0
                } else {
                    return Some(Err(PyErr::new(
                        ExcType::OverflowError,
                        "cannot fit 'int' into an index-sized integer",
                    )));
                }
            }
        };
        let p = seq.payload()?;
        let too_big = |len: usize| len.checked_mul(count).is_none_or(|t| t > (1 << 40));
        Some(match p {
            Payload::Str(s) => {
                if too_big(s.as_str().len()) {
                    Err(PyErr::new(ExcType::MemoryError, ""))
                } else {
                    Ok(Value::str(s.as_str().repeat(count)))
                }
            }
            Payload::List(l) => {
                let items = l.borrow(&self.gil);
                if too_big(items.len()) {
                    Err(PyErr::new(ExcType::MemoryError, ""))
                } else {
                    let mut v = Vec::with_capacity(items.len() * count);
                    for _ in 0..count {
                        v.extend(items.iter().cloned());
                    }
                    Ok(Value::list(v))
                }
            }
            Payload::Tuple(t) => {
                if too_big(t.len()) {
                    Err(PyErr::new(ExcType::MemoryError, ""))
                } else {
                    let mut v = Vec::with_capacity(t.len() * count);
                    for _ in 0..count {
                        v.extend(t.iter().cloned());
                    }
                    Ok(Value::tuple(v))
                }
            }
            Payload::Bytes(b) => {
                if too_big(b.len()) {
                    Err(PyErr::new(ExcType::MemoryError, ""))
                } else {
                    Ok(Value::bytes(b.repeat(count)))
                }
            }
            Payload::ByteArray(b) => {
                let data = b.borrow(&self.gil).clone();
                if too_big(data.len()) {
                    Err(PyErr::new(ExcType::MemoryError, ""))
                } else {
                    Ok(Value::obj(Payload::ByteArray(
                        crate::object::gil_cell::GilCell::new(data.repeat(count)),
                    )))
                }
            }
            _ => return None,
        })
    }

    /// `-a`, `+a`, `~a`, `not a`.
    pub fn unary_op(&mut self, op: UnaryOp, a: &Value) -> PyResult<Value> {
        if op == UnaryOp::Not {
            return Ok(Value::Bool(!self.is_true(a)?));
        }
        let name = match op {
            UnaryOp::Negative => "__neg__",
            UnaryOp::Positive => "__pos__",
            UnaryOp::Invert => "__invert__",
            UnaryOp::Not => "__bool__",
        };
        if let Some(m) = self.lookup_special(type_of(a), name) {
            return self.call_special(&m, a, &[]);
        }
        if let Some(i) = as_int(a) {
            return Ok(match (op, i) {
                (UnaryOp::Negative, IntRef::Small(x)) => match x.checked_neg() {
                    Some(r) => Value::Int(r),
                    None => Value::int(-BigInt::from(x)),
                },
                (UnaryOp::Negative, IntRef::Big(b)) => Value::int(-b.clone()),
                (UnaryOp::Positive, i) => Value::int(i.to_big()),
                (UnaryOp::Invert, IntRef::Small(x)) => Value::Int(!x),
                (UnaryOp::Invert, IntRef::Big(b)) => Value::int(num::int_invert(b)),
                (UnaryOp::Not, _) => Value::None,
            });
        }
        if let Some(Ok(f)) = is_float(a).then(|| as_float_operand(a)).flatten() {
            match op {
                UnaryOp::Negative => return Ok(Value::Float(-f)),
                UnaryOp::Positive => return Ok(Value::Float(f)),
                _ => {}
            }
        }
        let sym = match op {
            UnaryOp::Negative => "-",
            UnaryOp::Positive => "+",
            _ => "~",
        };
        Err(type_error(format!(
            "bad operand type for unary {sym}: '{}'",
            type_name(a, self)
        )))
    }

    /// `a op b` for comparisons.
    pub fn compare(&mut self, op: CompareOp, a: &Value, b: &Value) -> PyResult<Value> {
        if let (Value::Int(x), Value::Int(y)) = (a, b) {
            return Ok(Value::Bool(cmp_holds(op, x.cmp(y))));
        }
        if let (Value::Float(x), Value::Float(y)) = (a, b) {
            return Ok(Value::Bool(float_cmp(op, *x, *y)));
        }
        let (name, rname) = compare_dunders(op);
        let ta = type_of(a).clone();
        let tb = type_of(b).clone();
        let same = Arc::ptr_eq(&ta, &tb);
        // Comparisons try the reflected method even between instances of one class.
        let mb = self.lookup_special(&tb, rname);
        if let Some(m) = &mb
            && !same
            && is_subtype(&tb, &ta)
        {
            let r = self.call_special(m, b, std::slice::from_ref(a))?;
            if !is_not_implemented(&r) {
                return Ok(r);
            }
        }
        if let Some(m) = self.lookup_special(&ta, name) {
            let r = self.call_special(&m, a, std::slice::from_ref(b))?;
            if !is_not_implemented(&r) {
                return Ok(r);
            }
        }
        if let Some(r) = self.native_compare(op, a, b)? {
            return Ok(Value::Bool(r));
        }
        if let Some(m) = &mb
            && (same || !is_subtype(&tb, &ta))
        {
            let r = self.call_special(m, b, std::slice::from_ref(a))?;
            if !is_not_implemented(&r) {
                return Ok(r);
            }
        }
        match op {
            CompareOp::Eq => Ok(Value::Bool(a.is(b))),
            CompareOp::Ne => {
                // `!=` defaults to the inverse of a user `__eq__`.
                if let Some(m) = self.lookup_special(&ta, "__eq__") {
                    let r = self.call_special(&m, a, std::slice::from_ref(b))?;
                    if !is_not_implemented(&r) {
                        return Ok(Value::Bool(!self.is_true(&r)?));
                    }
                }
                Ok(Value::Bool(!a.is(b)))
            }
            _ => Err(type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                compare_symbol(op),
                type_name(a, self),
                type_name(b, self)
            ))),
        }
    }

    /// `a == b` as a bool (containers use it; identity implies equality there).
    pub fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if a.is(b) && !is_float(a) {
            return Ok(true);
        }
        match (a, b) {
            (Value::Int(x), Value::Int(y)) => return Ok(x == y),
            (Value::Float(x), Value::Float(y)) => return Ok(x == y),
            _ => {}
        }
        if let (Some(x), Some(y)) = (a.as_pystr(), b.as_pystr())
            && !type_data(type_of(a)).heap
            && !type_data(type_of(b)).heap
        {
            return Ok(x.as_str() == y.as_str());
        }
        let r = self.compare(CompareOp::Eq, a, b)?;
        self.is_true(&r)
    }

    /// Native comparisons of builtin values; `None` when the types do not compare natively.
    fn native_compare(&mut self, op: CompareOp, a: &Value, b: &Value) -> PyResult<Option<bool>> {
        if let (Some(x), Some(y)) = (as_int(a), as_int(b)) {
            let ord = match (&x, &y) {
                (IntRef::Small(x), IntRef::Small(y)) => x.cmp(y),
                _ => x.to_big().cmp(&y.to_big()),
            };
            return Ok(Some(cmp_holds(op, ord)));
        }
        if is_float(a) || is_float(b) {
            let fa = float_of(a);
            let fb = float_of(b);
            match (fa, fb, as_int(a), as_int(b)) {
                (Some(x), Some(y), _, _) => return Ok(Some(float_cmp(op, x, y))),
                (Some(x), None, _, Some(i)) => {
                    let ord = num::cmp_int_float(&i.to_big(), x).map(Ordering::reverse);
                    return Ok(Some(match ord {
                        Some(o) => cmp_holds(op, o),
                        None => op == CompareOp::Ne,
                    }));
                }
                (None, Some(y), Some(i), _) => {
                    let ord = num::cmp_int_float(&i.to_big(), y);
                    return Ok(Some(match ord {
                        Some(o) => cmp_holds(op, o),
                        None => op == CompareOp::Ne,
                    }));
                }
                _ => {}
            }
        }
        match (a.payload(), b.payload()) {
            (Some(Payload::Str(x)), Some(Payload::Str(y))) => {
                Ok(Some(cmp_holds(op, x.as_str().cmp(y.as_str()))))
            }
            (
                Some(Payload::Bytes(_) | Payload::ByteArray(_)),
                Some(Payload::Bytes(_) | Payload::ByteArray(_)),
            ) => {
                let x = self.bytes_data(a).unwrap_or_default();
                let y = self.bytes_data(b).unwrap_or_default();
                Ok(Some(cmp_holds(op, x.cmp(&y))))
            }
            (Some(Payload::Tuple(x)), Some(Payload::Tuple(y))) => {
                let (x, y) = (x.to_vec(), y.to_vec());
                self.sequence_compare(op, &x, &y).map(Some)
            }
            (Some(Payload::List(x)), Some(Payload::List(y))) => {
                let x = x.borrow(&self.gil).clone();
                let y = y.borrow(&self.gil).clone();
                self.sequence_compare(op, &x, &y).map(Some)
            }
            (Some(Payload::Dict(_)), Some(Payload::Dict(_))) => match op {
                CompareOp::Eq => self.dict_eq(a, b).map(Some),
                CompareOp::Ne => self.dict_eq(a, b).map(|r| Some(!r)),
                _ => Ok(None),
            },
            (
                Some(Payload::Set(_) | Payload::FrozenSet(_)),
                Some(Payload::Set(_) | Payload::FrozenSet(_)),
            ) => self.set_compare(op, a, b).map(Some),
            (Some(Payload::Range(x)), Some(Payload::Range(y))) => match op {
                CompareOp::Eq | CompareOp::Ne => {
                    let same = range_eq(x, y);
                    Ok(Some(same == (op == CompareOp::Eq)))
                }
                _ => Ok(None),
            },
            (Some(Payload::DictView(..)), Some(Payload::DictView(..))) => {
                self.dict_view_compare(op, a, b)
            }
            (Some(Payload::Slice(..)), Some(Payload::Slice(..))) => Ok(None),
            _ => Ok(None),
        }
    }

    /// Lexicographic comparison of two sequences, items compared with `==` then `op`.
    fn sequence_compare(&mut self, op: CompareOp, x: &[Value], y: &[Value]) -> PyResult<bool> {
        for (p, q) in x.iter().zip(y.iter()) {
            if !self.eq(p, q)? {
                return match op {
                    CompareOp::Eq => Ok(false),
                    CompareOp::Ne => Ok(true),
                    _ => {
                        let r = self.compare(op, p, q)?;
                        self.is_true(&r)
                    }
                };
            }
        }
        Ok(cmp_holds(op, x.len().cmp(&y.len())))
    }

    /// `hash(v)`.
    pub fn hash(&mut self, v: &Value) -> PyResult<i64> {
        match v {
            Value::Int(i) => return Ok(hash_i64(*i)),
            Value::Bool(b) => return Ok(num::hash_bool(*b)),
            Value::Float(f) => return Ok(num::hash_float(*f, v.id())),
            Value::None | Value::Null => return Ok(hash_pointer(0x1000)),
            Value::Obj(_) => {}
        }
        let t = type_of(v).clone();
        if type_data(&t).heap {
            let hash_attr = self.lookup_special(&t, "__hash__");
            match hash_attr {
                Some(Value::None) => {
                    return Err(type_error(format!(
                        "unhashable type: '{}'",
                        type_name(v, self)
                    )));
                }
                Some(m) => {
                    let r = self.call_special(&m, v, &[])?;
                    // A machine-word result is the hash itself (-1 is reserved: -2).
                    return match as_int(&r) {
                        Some(IntRef::Small(i)) => Ok(if i == -1 { -2 } else { i }),
                        Some(IntRef::Big(b)) => Ok(num::hash_int(b)),
                        None => Err(type_error("__hash__ method should return an integer")),
                    };
                }
                None => {}
            }
        }
        let Value::Obj(o) = v else {
            return Ok(0);
        };
        match &o.payload {
            Payload::Str(s) => Ok(s.hash()),
            Payload::Int(b) => Ok(num::hash_int(b)),
            Payload::Float(f) => Ok(num::hash_float(*f, v.id())),
            Payload::Bytes(b) => Ok(crate::object::value::PyStr::new(
                String::from_utf8_lossy(b).into_owned(),
            )
            .hash()),
            Payload::Tuple(items) => {
                let mut hashes = Vec::with_capacity(items.len());
                for it in items.iter() {
                    hashes.push(self.hash(it)?);
                }
                Ok(num::hash_tuple(&hashes))
            }
            Payload::FrozenSet(s) => Ok(frozenset_hash(s.iter_hashed().map(|(h, _)| h))),
            Payload::Range(r) => {
                // (len, start, step), with start and step None when they do not matter.
                let len = r.len();
                let items = match len {
                    0 => [Value::Int(0), Value::None, Value::None],
                    1 => [Value::Int(1), Value::Int(r.start), Value::None],
                    _ => [Value::Int(len), Value::Int(r.start), Value::Int(r.step)],
                };
                let mut hashes = Vec::new();
                for it in &items {
                    hashes.push(self.hash(it)?);
                }
                Ok(num::hash_tuple(&hashes))
            }
            Payload::List(_)
            | Payload::Dict(_)
            | Payload::Set(_)
            | Payload::ByteArray(_)
            | Payload::Slice(..) => Err(type_error(format!(
                "unhashable type: '{}'",
                type_name(v, self)
            ))),
            Payload::BoundMethod { func, self_ } => {
                let a = self.hash(func)?;
                let b = hash_pointer(self_.id());
                Ok(a ^ b)
            }
            _ => Ok(hash_pointer(v.id())),
        }
    }

    /// `bool(v)`.
    pub fn is_true(&mut self, v: &Value) -> PyResult<bool> {
        match v {
            Value::Bool(b) => return Ok(*b),
            Value::None | Value::Null => return Ok(false),
            Value::Int(i) => return Ok(*i != 0),
            Value::Float(f) => return Ok(*f != 0.0),
            Value::Obj(_) => {}
        }
        let t = type_of(v).clone();
        if type_data(&t).heap || matches!(v.payload(), Some(Payload::Native(_))) {
            if let Some(m) = self.lookup_special(&t, "__bool__") {
                let r = self.call_special(&m, v, &[])?;
                return match r {
                    Value::Bool(b) => Ok(b),
                    _ => Err(type_error(format!(
                        "__bool__ should return bool, returned {}",
                        type_name(&r, self)
                    ))),
                };
            }
            if let Some(m) = self.lookup_special(&t, "__len__") {
                let r = self.call_special(&m, v, &[])?;
                return Ok(self.len_result(&r)? != 0);
            }
        }
        let Value::Obj(o) = v else { return Ok(true) };
        Ok(match &o.payload {
            Payload::Str(s) => !s.as_str().is_empty(),
            Payload::Int(b) => !b.is_zero(),
            Payload::Float(f) => *f != 0.0,
            Payload::Bytes(b) => !b.is_empty(),
            Payload::ByteArray(b) => !b.borrow(&self.gil).is_empty(),
            Payload::Tuple(t) => !t.is_empty(),
            Payload::List(l) => !l.borrow(&self.gil).is_empty(),
            Payload::Dict(d) => !d.borrow(&self.gil).is_empty(),
            Payload::Set(s) => !s.borrow(&self.gil).is_empty(),
            Payload::FrozenSet(s) => !s.is_empty(),
            Payload::Range(r) => !r.is_empty(),
            Payload::DictView(_, d) => self.len(&Value::Obj(d.clone()))? != 0,
            _ => true,
        })
    }

    /// Checks the result of `__len__`: a non-negative int.
    pub fn len_result(&mut self, r: &Value) -> PyResult<usize> {
        match as_int(r) {
            Some(IntRef::Small(i)) if i >= 0 => Ok(i as usize),
            Some(IntRef::Small(_)) => Err(PyErr::new(
                ExcType::ValueError,
                "__len__() should return >= 0",
            )),
            Some(IntRef::Big(_)) => Err(PyErr::new(
                ExcType::OverflowError,
                "cannot fit 'int' into an index-sized integer",
            )),
            None => Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                type_name(r, self)
            ))),
        }
    }
}

fn range_eq(x: &crate::object::value::RangeData, y: &crate::object::value::RangeData) -> bool {
    let (lx, ly) = (x.len(), y.len());
    if lx != ly {
        return false;
    }
    if lx == 0 {
        return true;
    }
    if x.start != y.start {
        return false;
    }
    lx == 1 || x.step == y.step
}

/// The core builtin types whose operators are implemented natively by payload.
fn is_core_type(t: &ObjRef) -> bool {
    let ty = types();
    [
        &ty.object,
        &ty.int,
        &ty.bool_,
        &ty.float,
        &ty.str_,
        &ty.bytes,
        &ty.bytearray,
        &ty.tuple,
        &ty.list,
        &ty.dict,
        &ty.set,
        &ty.frozenset,
        &ty.type_,
    ]
    .iter()
    .any(|c| Arc::ptr_eq(c, t))
        || type_data(t).layout == crate::object::typeobj::Layout::Exception
}

fn float_of(v: &Value) -> Option<f64> {
    match v {
        Value::Float(f) => Some(*f),
        Value::Obj(o) => match &o.payload {
            Payload::Float(f) => Some(*f),
            _ => None,
        },
        _ => None,
    }
}

pub fn hash_i64(i: i64) -> i64 {
    const M: u64 = num::HASH_MODULUS;
    let h = (i.unsigned_abs() % M) as i64;
    let h = if i < 0 { -h } else { h };
    if h == -1 { -2 } else { h }
}

/// The hash of a constant-like value (int, float, str, bytes, tuple of those, None, bool),
/// computed without an interpreter; `None` for anything else.
pub fn native_hash(v: &Value) -> Option<i64> {
    Some(match v {
        Value::Int(i) => hash_i64(*i),
        Value::Bool(b) => num::hash_bool(*b),
        Value::Float(f) => num::hash_float(*f, v.id()),
        Value::None | Value::Null => hash_pointer(0x1000),
        Value::Obj(o) => match &o.payload {
            Payload::Str(s) => s.hash(),
            Payload::Int(b) => num::hash_int(b),
            Payload::Tuple(items) => {
                let hashes: Option<Vec<i64>> = items.iter().map(native_hash).collect();
                num::hash_tuple(&hashes?)
            }
            _ => return None,
        },
    })
}

/// CPython's hash of an object by address: the address rotated right by four bits.
pub fn hash_pointer(addr: usize) -> i64 {
    let h = addr.rotate_right(4) as i64;
    if h == -1 { -2 } else { h }
}

/// `hash(frozenset)`: CPython's order-independent mix of the item hashes.
fn frozenset_hash(hashes: impl Iterator<Item = i64>) -> i64 {
    let mut hash: u64 = 0;
    let mut n: u64 = 0;
    for h in hashes {
        let h = h as u64;
        hash ^= ((h ^ 89_869_747) ^ (h << 16)).wrapping_mul(3_644_798_167);
        n += 1;
    }
    hash ^= (n + 1).wrapping_mul(1_927_868_237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69_069).wrapping_add(907_133_923);
    let h = hash as i64;
    if h == -1 { 590_923_713 } else { h }
}

fn compare_dunders(op: CompareOp) -> (&'static str, &'static str) {
    match op {
        CompareOp::Lt => ("__lt__", "__gt__"),
        CompareOp::Le => ("__le__", "__ge__"),
        CompareOp::Eq => ("__eq__", "__eq__"),
        CompareOp::Ne => ("__ne__", "__ne__"),
        CompareOp::Gt => ("__gt__", "__lt__"),
        CompareOp::Ge => ("__ge__", "__le__"),
    }
}

pub fn compare_symbol(op: CompareOp) -> &'static str {
    match op {
        CompareOp::Lt => "<",
        CompareOp::Le => "<=",
        CompareOp::Eq => "==",
        CompareOp::Ne => "!=",
        CompareOp::Gt => ">",
        CompareOp::Ge => ">=",
    }
}

pub fn cmp_holds(op: CompareOp, ord: Ordering) -> bool {
    match op {
        CompareOp::Lt => ord == Ordering::Less,
        CompareOp::Le => ord != Ordering::Greater,
        CompareOp::Eq => ord == Ordering::Equal,
        CompareOp::Ne => ord != Ordering::Equal,
        CompareOp::Gt => ord == Ordering::Greater,
        CompareOp::Ge => ord != Ordering::Less,
    }
}

fn float_cmp(op: CompareOp, x: f64, y: f64) -> bool {
    match op {
        CompareOp::Lt => x < y,
        CompareOp::Le => x <= y,
        CompareOp::Eq => x == y,
        CompareOp::Ne => x != y,
        CompareOp::Gt => x > y,
        CompareOp::Ge => x >= y,
    }
}

/// Machine-word int arithmetic; `None` when the result needs the big-int path.
#[inline]
fn small_int_op(op: BinaryOp, x: i64, y: i64) -> Option<PyResult<Value>> {
    let r = match op {
        BinaryOp::Add => x.checked_add(y).map(Value::Int),
        BinaryOp::Sub => x.checked_sub(y).map(Value::Int),
        BinaryOp::Mult => x.checked_mul(y).map(Value::Int),
        BinaryOp::FloorDiv => {
            if y == 0 || (x == i64::MIN && y == -1) {
                return None;
            }
            Some(Value::Int(
                x.div_euclid(y) - i64::from(y < 0 && x.rem_euclid(y) != 0),
            ))
        }
        BinaryOp::Mod => {
            if y == 0 || (x == i64::MIN && y == -1) {
                return None;
            }
            let r = x % y;
            Some(Value::Int(if r != 0 && ((r < 0) != (y < 0)) {
                r + y
            } else {
                r
            }))
        }
        BinaryOp::BitAnd => Some(Value::Int(x & y)),
        BinaryOp::BitOr => Some(Value::Int(x | y)),
        BinaryOp::BitXor => Some(Value::Int(x ^ y)),
        BinaryOp::Div => {
            if y == 0 {
                return None;
            }
            if x.unsigned_abs() < (1 << 53) && y.unsigned_abs() < (1 << 53) {
                Some(Value::Float(x as f64 / y as f64))
            } else {
                None
            }
        }
        BinaryOp::LShift => {
            if (0..63).contains(&y) && x.unsigned_abs() < (1u64 << (62 - y)) {
                Some(Value::Int(x << y))
            } else {
                None
            }
        }
        BinaryOp::RShift => {
            if y >= 0 {
                Some(Value::Int(if y >= 64 {
                    if x < 0 { -1 } else { 0 }
                } else {
                    x >> y
                }))
            } else {
                None
            }
        }
        BinaryOp::Pow => {
            if (0..64).contains(&y) {
                x.checked_pow(y as u32).map(Value::Int)
            } else {
                None
            }
        }
        BinaryOp::MatMult => None,
    };
    r.map(Ok)
}

fn big_int_op(op: BinaryOp, x: &BigInt, y: &BigInt) -> PyResult<Value> {
    let r = match op {
        BinaryOp::Add => Ok(Value::int(x + y)),
        BinaryOp::Sub => Ok(Value::int(x - y)),
        BinaryOp::Mult => Ok(Value::int(x * y)),
        BinaryOp::FloorDiv => num::int_floordiv(x, y).map(Value::int),
        BinaryOp::Mod => num::int_mod(x, y).map(Value::int),
        BinaryOp::Div => num::int_true_div(x, y).map(Value::Float),
        BinaryOp::Pow => num::int_pow(x, y).map(|r| match r {
            num::IntOrFloat::Int(i) => Value::int(i),
            num::IntOrFloat::Float(f) => Value::Float(f),
        }),
        BinaryOp::LShift => num::int_lshift(x, y).map(Value::int),
        BinaryOp::RShift => num::int_rshift(x, y).map(Value::int),
        BinaryOp::BitAnd => Ok(Value::int(num::int_and(x, y))),
        BinaryOp::BitOr => Ok(Value::int(num::int_or(x, y))),
        BinaryOp::BitXor => Ok(Value::int(num::int_xor(x, y))),
        BinaryOp::MatMult => {
            return Err(type_error(
                "unsupported operand type(s) for @: 'int' and 'int'",
            ));
        }
    };
    r.map_err(from_num_error)
}

fn float_op(op: BinaryOp, x: f64, y: f64) -> PyResult<Value> {
    let r = match op {
        BinaryOp::Add => Ok(x + y),
        BinaryOp::Sub => Ok(x - y),
        BinaryOp::Mult => Ok(x * y),
        BinaryOp::Div => num::float_div(x, y),
        BinaryOp::FloorDiv => num::float_floordiv(x, y),
        BinaryOp::Mod => num::float_mod(x, y),
        BinaryOp::Pow => num::float_pow(x, y),
        _ => {
            return Err(type_error(format!(
                "unsupported operand type(s) for {}: 'float' and 'float'",
                op_symbol(op)
            )));
        }
    };
    r.map(Value::Float).map_err(from_num_error)
}

/// An index-sized int from a value with `__index__` semantics (ints and bools only here).
pub fn index_value(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match as_int(v) {
        Some(IntRef::Small(i)) => Ok(i),
        Some(IntRef::Big(b)) => b.to_i64().ok_or_else(|| {
            PyErr::new(
                ExcType::IndexError,
                "cannot fit 'int' into an index-sized integer",
            )
        }),
        None => {
            if let Some(m) = vm.lookup_special(type_of(v), "__index__") {
                let r = vm.call_special(&m, v, &[])?;
                return index_value(vm, &r);
            }
            Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                type_name(v, vm)
            )))
        }
    }
}
