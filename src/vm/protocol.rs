//! The object protocols the builtins rest on: iteration (`iter`/`next`), `len`, `in`,
//! `repr`/`str`/`format`, context managers, and calling a method by name.

use std::sync::Arc;

use super::Vm;
use super::eval::type_name;
use super::exceptions::{PyErr, PyResult, type_error};
use super::ops::{as_int, is_not_implemented};
use crate::object::format as fmt;
use crate::object::gil_cell::GilCell;
use crate::object::text::repr_str;
use crate::object::typeobj::{ExcType, type_data, type_of, types};
use crate::object::value::{Args, DictViewKind, IterState, ObjRef, Payload, RangeData, Value};

impl Vm {
    // ---- iteration ----

    /// `iter(v)`.
    pub fn get_iter(&mut self, v: &Value) -> PyResult<Value> {
        let t = type_of(v).clone();
        if type_data(&t).heap || matches!(v.payload(), Some(Payload::Native(_))) {
            if let Some(m) = self.lookup_special(&t, "__iter__") {
                let it = self.call_special(&m, v, &[])?;
                if !self.is_iterator(&it) {
                    return Err(type_error(format!(
                        "iter() returned non-iterator of type '{}'",
                        type_name(&it, self)
                    )));
                }
                return Ok(it);
            }
            if self.lookup_special(&t, "__getitem__").is_some() {
                return Ok(new_iter(IterState::GetItem {
                    obj: v.clone(),
                    index: 0,
                }));
            }
        }
        let state = match v.payload() {
            Some(Payload::List(_) | Payload::Tuple(_)) => IterState::Seq {
                seq: v.clone(),
                index: 0,
            },
            Some(Payload::Range(r)) => IterState::Range {
                next: r.start,
                step: r.step,
                remaining: r.len(),
            },
            Some(Payload::Str(_)) => IterState::Str {
                text: v
                    .as_obj()
                    .cloned()
                    .unwrap_or_else(|| types().object.clone()),
                byte_pos: 0,
            },
            Some(Payload::Dict(d)) => IterState::Dict {
                dict: v
                    .as_obj()
                    .cloned()
                    .unwrap_or_else(|| types().object.clone()),
                index: 0,
                kind: DictViewKind::Keys,
                len: d.borrow(&self.gil).len(),
            },
            Some(Payload::DictView(kind, d)) => IterState::Dict {
                dict: d.clone(),
                index: 0,
                kind: *kind,
                len: self.len(&Value::Obj(d.clone()))?,
            },
            Some(Payload::Set(_) | Payload::FrozenSet(_)) => IterState::Set {
                items: self.set_items(v).unwrap_or_default(),
                index: 0,
            },
            Some(Payload::Bytes(_) | Payload::ByteArray(_)) => IterState::Seq {
                seq: v.clone(),
                index: 0,
            },
            Some(Payload::Iterator(_) | Payload::Generator(_)) => return Ok(v.clone()),
            _ => {
                return Err(type_error(format!(
                    "'{}' object is not iterable",
                    type_name(v, self)
                )));
            }
        };
        Ok(new_iter(state))
    }

    fn is_iterator(&self, v: &Value) -> bool {
        matches!(
            v.payload(),
            Some(Payload::Iterator(_) | Payload::Generator(_))
        ) || self.lookup_special(type_of(v), "__next__").is_some()
    }

    /// `next(it)`: `Ok(None)` when the iterator is exhausted.
    pub fn next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        match it.payload() {
            Some(Payload::Iterator(state)) if it.as_obj().is_some_and(|o| o.class.is_none()) => {
                return self.iter_next(state);
            }
            Some(Payload::Generator(g)) => return self.gen_next(g),
            _ => {}
        }
        let t = type_of(it).clone();
        match self.lookup_special(&t, "__next__") {
            Some(m) => match self.call_special(&m, it, &[]) {
                Ok(v) => Ok(Some(v)),
                Err(e) if e.matches(ExcType::StopIteration) => Ok(None),
                Err(e) => Err(e),
            },
            None => match it.payload() {
                Some(Payload::Iterator(state)) => self.iter_next(state),
                _ => Err(type_error(format!(
                    "'{}' object is not an iterator",
                    type_name(it, self)
                ))),
            },
        }
    }

    /// Advances a builtin iterator directly (for `it.__next__()` on any iterator payload).
    pub fn next_builtin(&mut self, it: &Value) -> PyResult<Option<Value>> {
        match it.payload() {
            Some(Payload::Iterator(state)) => self.iter_next(state),
            _ => self.next(it),
        }
    }

    /// Advances a builtin iterator.
    fn iter_next(&mut self, cell: &GilCell<IterState>) -> PyResult<Option<Value>> {
        let mut state = cell.borrow_mut(&self.gil);
        match &mut *state {
            IterState::Seq { seq, index } => {
                let item = match seq.payload() {
                    Some(Payload::List(l)) => l.borrow(&self.gil).get(*index).cloned(),
                    Some(Payload::Tuple(t)) => t.get(*index).cloned(),
                    Some(Payload::Bytes(b)) => b.get(*index).map(|&x| Value::Int(i64::from(x))),
                    Some(Payload::ByteArray(b)) => b
                        .borrow(&self.gil)
                        .get(*index)
                        .map(|&x| Value::Int(i64::from(x))),
                    _ => None,
                };
                match item {
                    Some(v) => {
                        *index += 1;
                        Ok(Some(v))
                    }
                    None => {
                        *state = IterState::Exhausted;
                        Ok(None)
                    }
                }
            }
            IterState::Range {
                next,
                step,
                remaining,
            } => {
                if *remaining <= 0 {
                    return Ok(None);
                }
                let v = *next;
                *remaining -= 1;
                *next = next.wrapping_add(*step);
                Ok(Some(Value::Int(v)))
            }
            IterState::Str { text, byte_pos } => {
                let Payload::Str(s) = &text.payload else {
                    return Ok(None);
                };
                let rest = &s.as_str()[*byte_pos..];
                match rest.chars().next() {
                    Some(c) => {
                        *byte_pos += c.len_utf8();
                        Ok(Some(Value::str(c.to_string())))
                    }
                    None => Ok(None),
                }
            }
            IterState::Dict {
                dict,
                index,
                kind,
                len,
            } => {
                let Payload::Dict(d) = &dict.payload else {
                    return Ok(None);
                };
                let table = d.borrow(&self.gil);
                if table.len() != *len {
                    *len = usize::MAX;
                    return Err(PyErr::new(
                        ExcType::RuntimeError,
                        "dictionary changed size during iteration",
                    ));
                }
                while let Some(slot) = table.slot(*index) {
                    *index += 1;
                    if let Some(e) = slot {
                        return Ok(Some(match kind {
                            DictViewKind::Keys => e.key.clone(),
                            DictViewKind::Values => e.value.clone(),
                            DictViewKind::Items => {
                                Value::tuple(vec![e.key.clone(), e.value.clone()])
                            }
                        }));
                    }
                }
                Ok(None)
            }
            IterState::Set { items, index } => {
                let v = items.get(*index).cloned();
                *index += 1;
                Ok(v)
            }
            IterState::Exhausted => Ok(None),
            _ => {
                // Iterators whose step runs Python code: release the borrow first.
                drop(state);
                self.iter_next_calling(cell)
            }
        }
    }

    /// The builtin iterators that call back into Python (`map`, `filter`, `zip`, …).
    fn iter_next_calling(&mut self, cell: &GilCell<IterState>) -> PyResult<Option<Value>> {
        let snapshot = {
            let s = cell.borrow(&self.gil);
            match &*s {
                IterState::Callable { func, sentinel } => {
                    Step::Callable(func.clone(), sentinel.clone())
                }
                IterState::GetItem { obj, index } => Step::GetItem(obj.clone(), *index),
                IterState::Enumerate { iter, count } => {
                    Step::Enumerate(iter.clone(), count.clone())
                }
                IterState::Zip { iters, strict } => Step::Zip(iters.clone(), *strict),
                IterState::Map { func, iters } => Step::Map(func.clone(), iters.clone()),
                IterState::Filter { func, iter } => Step::Filter(func.clone(), iter.clone()),
                IterState::Reversed { seq, index } => Step::Reversed(seq.clone(), *index),
                _ => Step::Done,
            }
        };
        let exhaust = |vm: &mut Vm| {
            cell.replace(&vm.gil, IterState::Exhausted);
        };
        match snapshot {
            Step::Done => Ok(None),
            Step::Callable(func, sentinel) => {
                let v = self.call(&func, Args::positional(&[]))?;
                if self.eq(&v, &sentinel)? {
                    exhaust(self);
                    return Ok(None);
                }
                Ok(Some(v))
            }
            Step::GetItem(obj, index) => match self.get_item(&obj, &Value::Int(index)) {
                Ok(v) => {
                    if let IterState::GetItem { index, .. } = &mut *cell.borrow_mut(&self.gil) {
                        *index += 1;
                    }
                    Ok(Some(v))
                }
                Err(e) if e.matches(ExcType::IndexError) || e.matches(ExcType::StopIteration) => {
                    exhaust(self);
                    Ok(None)
                }
                Err(e) => Err(e),
            },
            Step::Enumerate(iter, count) => {
                let Some(v) = self.next(&iter)? else {
                    return Ok(None);
                };
                let next_count = self.binary_op(
                    crate::compile::bytecode::BinaryOp::Add,
                    &count,
                    &Value::Int(1),
                )?;
                if let IterState::Enumerate { count: c, .. } = &mut *cell.borrow_mut(&self.gil) {
                    *c = next_count;
                }
                Ok(Some(Value::tuple(vec![count, v])))
            }
            Step::Zip(iters, strict) => {
                if iters.is_empty() {
                    return Ok(None);
                }
                let mut items = Vec::with_capacity(iters.len());
                for (i, it) in iters.iter().enumerate() {
                    match self.next(it)? {
                        Some(v) => items.push(v),
                        None => {
                            exhaust(self);
                            if strict && let Some(e) = self.zip_strict_error(&iters, i) {
                                return Err(e);
                            }
                            return Ok(None);
                        }
                    }
                }
                Ok(Some(Value::tuple(items)))
            }
            Step::Map(func, iters) => {
                let mut args = Vec::with_capacity(iters.len());
                for it in &iters {
                    match self.next(it)? {
                        Some(v) => args.push(v),
                        None => return Ok(None),
                    }
                }
                self.call(&func, Args::positional(&args)).map(Some)
            }
            Step::Filter(func, iter) => loop {
                let Some(v) = self.next(&iter)? else {
                    return Ok(None);
                };
                let keep = if func.is_none() {
                    self.is_true(&v)?
                } else {
                    let r = self.call(&func, Args::positional(std::slice::from_ref(&v)))?;
                    self.is_true(&r)?
                };
                if keep {
                    return Ok(Some(v));
                }
            },
            Step::Reversed(seq, index) => {
                if index < 0 {
                    return Ok(None);
                }
                let n = self.len(&seq)? as i64;
                if index >= n {
                    exhaust(self);
                    return Ok(None);
                }
                let v = self.get_item(&seq, &Value::Int(index))?;
                if let IterState::Reversed { index, .. } = &mut *cell.borrow_mut(&self.gil) {
                    *index -= 1;
                }
                Ok(Some(v))
            }
        }
    }

    /// `zip(strict=True)` found iterator `short` exhausted: an error unless all the others
    /// are exhausted too.
    fn zip_strict_error(&mut self, iters: &[Value], short: usize) -> Option<PyErr> {
        let plural = if short == 1 { "" } else { "s" };
        if short > 0 {
            return Some(PyErr::new(
                ExcType::ValueError,
                format!(
                    "zip() argument {} is shorter than argument{plural} 1{}",
                    short + 1,
                    if short > 1 {
                        format!("-{short}")
                    } else {
                        String::new()
                    }
                ),
            ));
        }
        for (i, it) in iters.iter().enumerate().skip(1) {
            if let Ok(Some(_)) = self.next(it) {
                let plural = if i == 1 { "" } else { "s" };
                return Some(PyErr::new(
                    ExcType::ValueError,
                    format!(
                        "zip() argument {} is longer than argument{plural} 1{}",
                        i + 1,
                        if i > 1 {
                            format!("-{i}")
                        } else {
                            String::new()
                        }
                    ),
                ));
            }
        }
        None
    }

    /// Collects an iterable into a vector.
    pub fn iterate(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        match v.payload() {
            Some(Payload::List(l)) if !type_data(type_of(v)).heap => {
                return Ok(l.borrow(&self.gil).clone());
            }
            Some(Payload::Tuple(t)) if !type_data(type_of(v)).heap => return Ok(t.to_vec()),
            _ => {}
        }
        let it = self.get_iter(v)?;
        let mut out = Vec::new();
        while let Some(x) = self.next(&it)? {
            out.push(x);
        }
        Ok(out)
    }

    // ---- len and in ----

    /// `len(v)`.
    pub fn len(&mut self, v: &Value) -> PyResult<usize> {
        let t = type_of(v).clone();
        if (type_data(&t).heap || matches!(v.payload(), Some(Payload::Native(_))))
            && let Some(m) = self.lookup_special(&t, "__len__")
        {
            let r = self.call_special(&m, v, &[])?;
            return self.len_result(&r);
        }
        let n = match v.payload() {
            Some(Payload::Str(s)) => s.char_len(),
            Some(Payload::Bytes(b)) => b.len(),
            Some(Payload::ByteArray(b)) => b.borrow(&self.gil).len(),
            Some(Payload::Tuple(t)) => t.len(),
            Some(Payload::List(l)) => l.borrow(&self.gil).len(),
            Some(Payload::Dict(d)) => d.borrow(&self.gil).len(),
            Some(Payload::Set(s)) => s.borrow(&self.gil).len(),
            Some(Payload::FrozenSet(s)) => s.len(),
            Some(Payload::Range(r)) => r.len() as usize,
            Some(Payload::DictView(_, d)) => return self.len(&Value::Obj(d.clone())),
            _ => {
                return Err(type_error(format!(
                    "object of type '{}' has no len()",
                    type_name(v, self)
                )));
            }
        };
        Ok(n)
    }

    /// `item in container`.
    pub fn contains(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        let t = type_of(container).clone();
        if type_data(&t).heap || matches!(container.payload(), Some(Payload::Native(_))) {
            if let Some(m) = self.lookup_special(&t, "__contains__") {
                let r = self.call_special(&m, container, std::slice::from_ref(item))?;
                return self.is_true(&r);
            }
            if self.lookup_special(&t, "__iter__").is_some()
                || self.lookup_special(&t, "__getitem__").is_some()
            {
                return self.contains_by_iteration(container, item);
            }
        }
        match container.payload() {
            Some(Payload::Dict(_)) => {
                let Value::Obj(d) = container else {
                    return Ok(false);
                };
                Ok(self.dict_get(d, item)?.is_some())
            }
            Some(Payload::Set(_) | Payload::FrozenSet(_)) => self.set_contains(container, item),
            Some(Payload::Str(s)) => match item.as_str() {
                Some(sub) => Ok(s.as_str().contains(sub)),
                None => Err(type_error(format!(
                    "'in <string>' requires string as left operand, not {}",
                    type_name(item, self)
                ))),
            },
            Some(Payload::List(_) | Payload::Tuple(_)) => {
                let items = self.list_items(container);
                for x in &items {
                    if x.is(item) || self.eq(x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Some(Payload::Range(r)) => {
                if as_int(item).is_some() {
                    Ok(range_contains(r, item))
                } else {
                    self.contains_by_iteration(container, item)
                }
            }
            Some(Payload::Bytes(_) | Payload::ByteArray(_)) => {
                let hay = self.bytes_data(container).unwrap_or_default();
                if let Some(n) = as_int(item) {
                    let n = n.to_big();
                    return Ok(hay.iter().any(|&b| num_bigint::BigInt::from(b) == n));
                }
                let needle = self.bytes_data(item).ok_or_else(|| {
                    type_error(format!(
                        "a bytes-like object is required, not '{}'",
                        type_name(item, self)
                    ))
                })?;
                Ok(needle.is_empty() || hay.windows(needle.len()).any(|w| w == needle))
            }
            Some(Payload::DictView(kind, d)) => match kind {
                DictViewKind::Keys => Ok(self.dict_get(d, item)?.is_some()),
                _ => self.contains_by_iteration(container, item),
            },
            Some(Payload::Iterator(_) | Payload::Generator(_)) => {
                self.contains_by_iteration(container, item)
            }
            _ => Err(type_error(format!(
                "argument of type '{}' is not iterable",
                type_name(container, self)
            ))),
        }
    }

    fn contains_by_iteration(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        let it = self.get_iter(container)?;
        while let Some(x) = self.next(&it)? {
            if x.is(item) || self.eq(&x, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// The bytes of a bytes or bytearray value.
    pub fn bytes_data(&self, v: &Value) -> Option<Vec<u8>> {
        match v.payload()? {
            Payload::Bytes(b) => Some(b.to_vec()),
            Payload::ByteArray(b) => Some(b.borrow(&self.gil).clone()),
            _ => None,
        }
    }

    // ---- repr, str, format ----

    /// `repr(v)`.
    pub fn repr(&mut self, v: &Value) -> PyResult<String> {
        match v {
            Value::None | Value::Null => return Ok("None".into()),
            Value::Bool(b) => return Ok(if *b { "True" } else { "False" }.into()),
            Value::Int(i) => return Ok(i.to_string()),
            Value::Float(f) => return Ok(fmt::float_repr(*f)),
            Value::Obj(_) => {}
        }
        let t = type_of(v).clone();
        if (type_data(&t).heap || matches!(v.payload(), Some(Payload::Native(_))))
            && let Some(m) = self.lookup_special(&t, "__repr__")
        {
            let r = self.call_special(&m, v, &[])?;
            return match r.as_str() {
                Some(s) => Ok(s.to_string()),
                None => Err(type_error(format!(
                    "__repr__ returned non-string (type {})",
                    type_name(&r, self)
                ))),
            };
        }
        self.native_repr(v)
    }

    /// `str(v)`.
    pub fn str(&mut self, v: &Value) -> PyResult<String> {
        if let Some(s) = v.as_str()
            && !type_data(type_of(v)).heap
        {
            return Ok(s.to_string());
        }
        let t = type_of(v).clone();
        if type_data(&t).heap || matches!(v.payload(), Some(Payload::Native(_))) {
            if let Some(m) = self.lookup_special(&t, "__str__") {
                let r = self.call_special(&m, v, &[])?;
                return match r.as_str() {
                    Some(s) => Ok(s.to_string()),
                    None => Err(type_error(format!(
                        "__str__ returned non-string (type {})",
                        type_name(&r, self)
                    ))),
                };
            }
            if self.lookup_special(&t, "__repr__").is_some()
                && !matches!(v.payload(), Some(Payload::Exception(_)))
            {
                return self.repr(v);
            }
        }
        match v.payload() {
            Some(Payload::Str(s)) => Ok(s.as_str().to_string()),
            Some(Payload::Exception(_)) => self.exception_str(v),
            _ => self.repr(v),
        }
    }

    /// `str(exc)`: empty, the single argument's str, or the args tuple's.
    pub fn exception_str(&mut self, v: &Value) -> PyResult<String> {
        let Some(Payload::Exception(d)) = v.payload() else {
            return self.repr(v);
        };
        let args = d.borrow(&self.gil).args.clone();
        let items = args.as_tuple().map(<[Value]>::to_vec).unwrap_or_default();
        let is_key_error =
            crate::object::typeobj::is_instance(v, types().exception(ExcType::KeyError));
        if crate::object::typeobj::is_instance(v, types().exception(ExcType::OSError))
            && items.len() >= 2
            && let Some(text) = self.os_error_str(v, &items)?
        {
            return Ok(text);
        }
        match items.len() {
            0 => Ok(String::new()),
            1 if is_key_error => self.repr(&items[0]),
            1 => self.str(&items[0]),
            _ => self.repr(&args),
        }
    }

    /// `[Errno 2] No such file or directory: 'name'`.
    fn os_error_str(&mut self, v: &Value, args: &[Value]) -> PyResult<Option<String>> {
        let filename = v
            .as_obj()
            .and_then(|o| o.dict.clone())
            .and_then(|d| self.dict_get_str(&d, &Value::str("filename")))
            .filter(|f| !f.is_none());
        let errno = self.str(&args[0])?;
        let strerror = self.str(&args[1])?;
        Ok(Some(match filename {
            Some(f) => format!("[Errno {errno}] {strerror}: {}", self.repr(&f)?),
            None => format!("[Errno {errno}] {strerror}"),
        }))
    }

    /// `format(v, spec)`.
    pub fn format(&mut self, v: &Value, spec: &str) -> PyResult<String> {
        let t = type_of(v).clone();
        if type_data(&t).heap || matches!(v.payload(), Some(Payload::Native(_))) {
            if let Some(m) = self.lookup_special(&t, "__format__") {
                let r = self.call_special(&m, v, &[Value::str(spec)])?;
                return match r.as_str() {
                    Some(s) => Ok(s.to_string()),
                    None => Err(type_error(format!(
                        "__format__ must return a str, not {}",
                        type_name(&r, self)
                    ))),
                };
            }
            // `object.__format__`: an empty spec gives str(v), which a subclass may override.
            if spec.is_empty() && type_data(&t).heap {
                return self.str(v);
            }
            if !matches!(
                v.payload(),
                Some(Payload::Int(_) | Payload::Float(_) | Payload::Str(_))
            ) {
                if spec.is_empty() {
                    return self.str(v);
                }
                return Err(type_error(format!(
                    "unsupported format string passed to {}.__format__",
                    type_name(v, self)
                )));
            }
        }
        let r = match v {
            Value::Bool(b) if spec.is_empty() => Ok(if *b { "True" } else { "False" }.to_string()),
            Value::Int(_) | Value::Bool(_) => {
                fmt::format_int(&as_int(v).map(|i| i.to_big()).unwrap_or_default(), spec)
            }
            Value::Float(f) => fmt::format_float(*f, spec),
            Value::Obj(o) => match &o.payload {
                Payload::Int(b) => fmt::format_int(b, spec),
                Payload::Float(f) => fmt::format_float(*f, spec),
                Payload::Str(s) => fmt::format_str(s.as_str(), spec),
                _ => {
                    if spec.is_empty() {
                        return self.str(v);
                    }
                    return Err(type_error(format!(
                        "unsupported format string passed to {}.__format__",
                        type_name(v, self)
                    )));
                }
            },
            Value::None | Value::Null => {
                if spec.is_empty() {
                    Ok("None".into())
                } else {
                    return Err(type_error(
                        "unsupported format string passed to NoneType.__format__",
                    ));
                }
            }
        };
        r.map_err(|e| PyErr::new(super::exceptions::exc_type_by_name(e.kind), e.msg))
    }

    /// The builtin types' reprs.
    fn native_repr(&mut self, v: &Value) -> PyResult<String> {
        let Value::Obj(o) = v else {
            return Ok(String::new());
        };
        Ok(match &o.payload {
            Payload::Str(s) => repr_str(s.as_str()),
            Payload::Int(b) => b.to_string(),
            Payload::Float(f) => fmt::float_repr(*f),
            Payload::Bytes(b) => crate::object::bytes::repr_bytes(b),
            Payload::ByteArray(b) => {
                let inner = crate::object::bytes::repr_bytes(&b.borrow(&self.gil));
                format!("{}({inner})", type_name(v, self))
            }
            Payload::Tuple(items) => {
                if items.is_empty() {
                    return Ok("()".into());
                }
                let Some(_guard) = self.repr_enter(o) else {
                    return Ok("(...)".into());
                };
                let parts = self.repr_items(items)?;
                if parts.len() == 1 {
                    format!("({},)", parts[0])
                } else {
                    format!("({})", parts.join(", "))
                }
            }
            Payload::List(l) => {
                let items = l.borrow(&self.gil).clone();
                if items.is_empty() {
                    return Ok("[]".into());
                }
                let Some(_guard) = self.repr_enter(o) else {
                    return Ok("[...]".into());
                };
                format!("[{}]", self.repr_items(&items)?.join(", "))
            }
            Payload::Dict(d) => {
                let items: Vec<(Value, Value)> = d
                    .borrow(&self.gil)
                    .iter()
                    .map(|e| (e.key.clone(), e.value.clone()))
                    .collect();
                if items.is_empty() {
                    return Ok("{}".into());
                }
                let Some(_guard) = self.repr_enter(o) else {
                    return Ok("{...}".into());
                };
                let mut parts = Vec::with_capacity(items.len());
                for (k, val) in &items {
                    parts.push(format!("{}: {}", self.repr(k)?, self.repr(val)?));
                }
                format!("{{{}}}", parts.join(", "))
            }
            Payload::Set(_) | Payload::FrozenSet(_) => {
                let items = self.set_items(v).unwrap_or_default();
                let frozen = matches!(o.payload, Payload::FrozenSet(_));
                let name = type_name(v, self);
                if items.is_empty() {
                    return Ok(format!("{name}()"));
                }
                let Some(_guard) = self.repr_enter(o) else {
                    return Ok(format!("{name}(...)"));
                };
                let body = format!("{{{}}}", self.repr_items(&items)?.join(", "));
                if frozen || o.class.is_some() {
                    format!("{name}({body})")
                } else {
                    body
                }
            }
            Payload::Range(r) => range_repr(r),
            Payload::Slice(a, b, c) => {
                format!(
                    "slice({}, {}, {})",
                    self.repr(a)?,
                    self.repr(b)?,
                    self.repr(c)?
                )
            }
            Payload::Function(f) => {
                let q = f.qualname.get(&self.gil);
                format!("<function {} at {:#x}>", q.as_str().unwrap_or("?"), v.id())
            }
            Payload::Builtin(b) => match (&b.self_, b.kind) {
                (Some(s), kind) if kind != crate::object::value::NativeKind::Function => {
                    if let Value::Obj(so) = s
                        && matches!(so.payload, Payload::Type(_))
                    {
                        format!(
                            "<built-in method {} of type object at {:#x}>",
                            b.name,
                            s.id()
                        )
                    } else {
                        format!(
                            "<built-in method {} of {} object at {:#x}>",
                            b.name,
                            type_name(s, self),
                            s.id()
                        )
                    }
                }
                (None, crate::object::value::NativeKind::Method) => {
                    let owner = b
                        .owner
                        .as_ref()
                        .map(|t| type_data(t).name(&self.gil))
                        .unwrap_or_default();
                    format!("<method '{}' of '{owner}' objects>", b.name)
                }
                _ => format!("<built-in function {}>", b.name),
            },
            Payload::BoundMethod { func, self_ } => {
                let fname = self.qualname_of(func);
                format!("<bound method {fname} of {}>", self.repr(self_)?)
            }
            Payload::Type(_) => {
                let name = self.class_qualified_name(o);
                format!("<class '{name}'>")
            }
            Payload::Module(m) => {
                let file = o
                    .dict
                    .as_ref()
                    .and_then(|d| self.dict_get_str(d, &Value::str("__file__")));
                match file.as_ref().and_then(Value::as_str) {
                    Some(f) => format!("<module '{}' from '{f}'>", m.name),
                    None => format!("<module '{}' (built-in)>", m.name),
                }
            }
            Payload::Exception(d) => {
                let args = d.borrow(&self.gil).args.clone();
                let name = type_name(v, self);
                let items = args.as_tuple().map(<[Value]>::to_vec).unwrap_or_default();
                if items.len() == 1 {
                    format!("{name}({})", self.repr(&items[0])?)
                } else {
                    format!("{name}{}", self.repr(&args)?)
                }
            }
            Payload::Generator(g) => format!(
                "<generator object {} at {:#x}>",
                g.qualname.as_str().unwrap_or("?"),
                v.id()
            ),
            Payload::DictView(kind, d) => {
                let name = match kind {
                    DictViewKind::Keys => "dict_keys",
                    DictViewKind::Values => "dict_values",
                    DictViewKind::Items => "dict_items",
                };
                let view = Value::obj(Payload::DictView(*kind, d.clone()));
                let items = self.iterate(&view)?;
                format!("{name}([{}])", self.repr_items(&items)?.join(", "))
            }
            Payload::NotImplemented => "NotImplemented".into(),
            Payload::Ellipsis => "Ellipsis".into(),
            Payload::Cell(_) => format!("<cell at {:#x}>", v.id()),
            Payload::Code(c) => format!(
                "<code object {} at {:#x}, file \"{}\", line {}>",
                c.co.name,
                v.id(),
                c.co.filename,
                c.co.first_line
            ),
            Payload::Native(n) => {
                if let Some(z) = n.as_any().downcast_ref::<crate::object::complex::Complex>() {
                    crate::object::complex::complex_repr(z)
                } else if let Some(a) = n
                    .as_any()
                    .downcast_ref::<super::generic_alias::GenericAlias>()
                {
                    self.alias_repr(a)?
                } else {
                    self.default_repr(v)
                }
            }
            _ => self.default_repr(v),
        })
    }

    /// `<module.Name object at 0x…>`.
    pub fn default_repr(&mut self, v: &Value) -> String {
        let t = type_of(v).clone();
        format!(
            "<{} object at {:#x}>",
            self.class_qualified_name(&t),
            v.id()
        )
    }

    /// `module.QualName` of a class, or just the name for builtins.
    pub fn class_qualified_name(&self, t: &ObjRef) -> String {
        let d = type_data(t);
        let qual = d.qualname.get(&self.gil);
        let module = self.dict_get_str(&d.dict, &Value::str("__module__"));
        match module.as_ref().and_then(Value::as_str) {
            Some(m) if m != "builtins" => format!("{m}.{qual}"),
            _ => qual,
        }
    }

    fn qualname_of(&mut self, func: &Value) -> String {
        match func.payload() {
            Some(Payload::Function(f)) => f
                .qualname
                .get(&self.gil)
                .as_str()
                .unwrap_or("?")
                .to_string(),
            Some(Payload::Builtin(b)) => b.name.to_string(),
            _ => self
                .get_attr(func, &Value::str("__qualname__"))
                .ok()
                .and_then(|q| q.as_str().map(str::to_string))
                .unwrap_or_else(|| "?".into()),
        }
    }

    fn repr_items(&mut self, items: &[Value]) -> PyResult<Vec<String>> {
        items.iter().map(|x| self.repr(x)).collect()
    }

    /// Marks a container as being printed, for `[...]` on self-reference.
    fn repr_enter(&mut self, o: &ObjRef) -> Option<ReprGuard> {
        let id = Arc::as_ptr(o) as usize;
        REPR_STACK.with(|s| {
            let mut s = s.borrow_mut();
            if s.contains(&id) {
                None
            } else {
                s.push(id);
                Some(ReprGuard)
            }
        })
    }

    // ---- context managers ----

    /// `with mgr:` — the bound `__exit__` and the result of `__enter__()`.
    pub fn before_with(&mut self, mgr: &Value) -> PyResult<(Value, Value)> {
        let t = type_of(mgr).clone();
        let enter = self.lookup_special_any(&t, "__enter__");
        let exit = self.lookup_special_any(&t, "__exit__");
        let (Some(enter), Some(exit)) = (enter, exit) else {
            let missing = if self.lookup_special_any(&t, "__enter__").is_none() {
                ""
            } else {
                " (missed __exit__ method)"
            };
            return Err(type_error(format!(
                "'{}' object does not support the context manager protocol{missing}",
                type_name(mgr, self)
            )));
        };
        let exit = self.bind_descriptor(&exit, mgr)?;
        let entered = self.call_special(&enter, mgr, &[])?;
        Ok((exit, entered))
    }

    /// `lookup_special` that also sees the methods of builtin types.
    pub fn lookup_special_any(&self, t: &ObjRef, name: &str) -> Option<Value> {
        crate::object::typeobj::mro_iter(t)
            .find_map(|c| self.dict_get_str(&type_data(c).dict, &Value::str(name)))
    }

    /// Calls `exit(type, exc, tb)` for an exception leaving a `with` block.
    pub fn with_except_start(&mut self, exit: &Value, exc: &Value) -> PyResult<Value> {
        let t = Value::Obj(type_of(exc).clone());
        let tb = self.traceback_value(exc);
        self.call(exit, Args::positional(&[t, exc.clone(), tb]))
    }

    /// `obj.name(*args)`.
    pub fn call_method(&mut self, obj: &Value, name: &str, args: &[Value]) -> PyResult<Value> {
        let (f, self_) = self.load_method(obj, &Value::str(name))?;
        match self_ {
            Some(s) => {
                let mut all = Vec::with_capacity(args.len() + 1);
                all.push(s);
                all.extend_from_slice(args);
                self.call(&f, Args::positional(&all))
            }
            None => self.call(&f, Args::positional(args)),
        }
    }

    /// The REPL echo: print `repr(v)` unless it is None, and keep it in `builtins._`.
    pub fn display_hook(&mut self, v: Value) -> PyResult<()> {
        if v.is_none() {
            return Ok(());
        }
        let text = self.repr(&v)?;
        self.dict_set_str(&self.interp.builtins.clone(), Value::str("_"), Value::None);
        self.write_stdout(&format!("{text}\n"))?;
        let b = self.interp.builtins.clone();
        self.dict_set_str(&b, Value::str("_"), v);
        Ok(())
    }

    /// Was NotImplemented returned? (re-exported for native modules)
    pub fn is_not_implemented(&self, v: &Value) -> bool {
        is_not_implemented(v)
    }
}

enum Step {
    Done,
    Callable(Value, Value),
    GetItem(Value, i64),
    Enumerate(Value, Value),
    Zip(Vec<Value>, bool),
    Map(Value, Vec<Value>),
    Filter(Value, Value),
    Reversed(Value, i64),
}

thread_local! {
    static REPR_STACK: std::cell::RefCell<Vec<usize>> = const { std::cell::RefCell::new(Vec::new()) };
}

struct ReprGuard;

impl Drop for ReprGuard {
    fn drop(&mut self) {
        REPR_STACK.with(|s| {
            s.borrow_mut().pop();
        });
    }
}

pub fn new_iter(state: IterState) -> Value {
    Value::obj(Payload::Iterator(GilCell::new(state)))
}

fn range_contains(r: &RangeData, item: &Value) -> bool {
    let Some(crate::vm::ops::IntRef::Small(i)) = as_int(item) else {
        return false;
    };
    if r.step > 0 {
        i >= r.start && i < r.stop && (i - r.start) % r.step == 0
    } else {
        i <= r.start && i > r.stop && (r.start - i) % (-r.step) == 0
    }
}

fn range_repr(r: &RangeData) -> String {
    if r.step == 1 {
        format!("range({}, {})", r.start, r.stop)
    } else {
        format!("range({}, {}, {})", r.start, r.stop, r.step)
    }
}
