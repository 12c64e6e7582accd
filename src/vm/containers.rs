//! Container operations the evaluation loop and the builtins share: dict access with Python
//! equality, set building and set algebra, list growth, subscription and slicing of the
//! builtin sequences, and sequence unpacking — with CPython's errors.

use super::Vm;
use super::eval::type_name;
use super::exceptions::{PyErr, PyResult, index_error, key_error, type_error, value_error};
use super::ops::{IntRef, as_int, index_value};
use crate::compile::bytecode::{BinaryOp, CompareOp};
use crate::object::dict::Dict;
use crate::object::gil_cell::GilCell;
use crate::object::set_table::SetTable;
use crate::object::typeobj::{ExcType, type_data, type_of};
use crate::object::value::{ObjRef, Payload, RangeData, Value};

/// Keys whose equality needs no Python code: compared natively.
fn simple_key(v: &Value) -> bool {
    match v {
        Value::Obj(o) => o.class.is_none() && matches!(o.payload, Payload::Str(_)),
        _ => true,
    }
}

/// Native equality for simple keys (`simple_key`) against anything.
pub fn native_eq(a: &Value, b: &Value) -> PyResult<bool> {
    Ok(match (a, b) {
        (Value::Obj(x), Value::Obj(y)) => match (&x.payload, &y.payload) {
            (Payload::Str(p), Payload::Str(q)) => p.as_str() == q.as_str(),
            _ => false,
        },
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Float(x), Value::Float(y)) => x == y,
        (Value::Int(x), Value::Float(y)) | (Value::Float(y), Value::Int(x)) => *x as f64 == *y,
        (Value::Bool(x), Value::Int(y)) | (Value::Int(y), Value::Bool(x)) => i64::from(*x) == *y,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Bool(x), Value::Float(y)) | (Value::Float(y), Value::Bool(x)) => {
            f64::from(u8::from(*x)) == *y
        }
        (Value::None, Value::None) => true,
        (Value::Obj(o), Value::Int(i)) | (Value::Int(i), Value::Obj(o)) => match &o.payload {
            Payload::Int(b) => *b == num_bigint::BigInt::from(*i),
            Payload::Float(f) => *f == *i as f64,
            _ => false,
        },
        (Value::Obj(o), Value::Float(x)) | (Value::Float(x), Value::Obj(o)) => match &o.payload {
            Payload::Float(f) => f == x,
            Payload::Int(b) => {
                crate::object::number::cmp_int_float(b, *x) == Some(std::cmp::Ordering::Equal)
            }
            _ => false,
        },
        _ => false,
    })
}

pub fn dict_cell(d: &ObjRef) -> Option<&GilCell<Dict>> {
    match &d.payload {
        Payload::Dict(c) => Some(c),
        _ => None,
    }
}

fn changed_during_lookup() -> PyErr {
    PyErr::new(
        ExcType::RuntimeError,
        "dictionary changed size during iteration",
    )
}

impl Vm {
    // ---- dicts ----

    /// `d[key]` without raising: `Ok(None)` when absent.
    pub fn dict_get(&mut self, d: &ObjRef, key: &Value) -> PyResult<Option<Value>> {
        let hash = self.hash(key)?;
        let Some(cell) = dict_cell(d) else {
            return Ok(None);
        };
        let table = cell
            .try_borrow(&self.gil)
            .map_err(|_| changed_during_lookup())?;
        // Python equality runs only when one side needs it (an entry may be an object whose
        // __eq__ accepts the key even when the key itself is a plain str or int).
        let found = table.get_with(hash, key, &mut |a, b| {
            if simple_key(a) && simple_key(b) {
                native_eq(a, b)
            } else {
                self.eq(a, b)
            }
        })?;
        Ok(found.cloned())
    }

    /// `d[key] = value`.
    pub fn dict_set(&mut self, d: &ObjRef, key: Value, value: Value) -> PyResult<()> {
        let hash = self.hash(&key)?;
        let Some(cell) = dict_cell(d) else {
            return Ok(());
        };
        if simple_key(&key) {
            let mut table = cell
                .try_borrow_mut(&self.gil)
                .map_err(|_| changed_during_lookup())?;
            table.insert_with(hash, key, value, &mut native_eq)?;
            return Ok(());
        }
        let probe = {
            let table = cell
                .try_borrow(&self.gil)
                .map_err(|_| changed_during_lookup())?;
            let version = table.version;
            let p = table.probe(hash, &key, &mut |a, b| self.eq(a, b))?;
            (p, version)
        };
        let mut table = cell
            .try_borrow_mut(&self.gil)
            .map_err(|_| changed_during_lookup())?;
        if table.version != probe.1 {
            // An __eq__ changed the dict: look again, by identity only.
            table.insert_with(hash, key, value, &mut |_, _| Ok(false))?;
            return Ok(());
        }
        match probe.0 {
            crate::object::dict::Probe::Found(ix) => {
                if let Some(v) = table.value_at_mut(ix) {
                    *v = value;
                }
            }
            crate::object::dict::Probe::Vacant(slot) => table.insert_vacant(slot, hash, key, value),
        }
        Ok(())
    }

    /// `del d[key]`: the removed value, or `Ok(None)` when absent.
    pub fn dict_remove(&mut self, d: &ObjRef, key: &Value) -> PyResult<Option<Value>> {
        let hash = self.hash(key)?;
        let Some(cell) = dict_cell(d) else {
            return Ok(None);
        };
        if simple_key(key) {
            let mut table = cell
                .try_borrow_mut(&self.gil)
                .map_err(|_| changed_during_lookup())?;
            return Ok(table
                .remove_with(hash, key, &mut native_eq)?
                .map(|e| e.value));
        }
        let probe = {
            let table = cell
                .try_borrow(&self.gil)
                .map_err(|_| changed_during_lookup())?;
            table.probe(hash, key, &mut |a, b| self.eq(a, b))?
        };
        let mut table = cell
            .try_borrow_mut(&self.gil)
            .map_err(|_| changed_during_lookup())?;
        Ok(match probe {
            crate::object::dict::Probe::Found(ix) => table.remove_at(ix).map(|e| e.value),
            crate::object::dict::Probe::Vacant(_) => None,
        })
    }

    /// Namespace access by a str key (names, attributes): never runs Python code.
    pub fn dict_get_str(&self, d: &ObjRef, key: &Value) -> Option<Value> {
        let s = key.as_pystr()?;
        let cell = dict_cell(d)?;
        let table = cell.try_borrow(&self.gil).ok()?;
        table
            .get_with(s.hash(), key, &mut native_eq)
            .ok()
            .flatten()
            .cloned()
    }

    pub fn dict_set_str(&self, d: &ObjRef, key: Value, value: Value) {
        let Some(s) = key.as_pystr() else { return };
        let hash = s.hash();
        if let Some(cell) = dict_cell(d)
            && let Ok(mut table) = cell.try_borrow_mut(&self.gil)
        {
            let _ = table.insert_with(hash, key, value, &mut native_eq);
        }
    }

    pub fn dict_del_str(&self, d: &ObjRef, key: &Value) -> bool {
        let Some(s) = key.as_pystr() else {
            return false;
        };
        let Some(cell) = dict_cell(d) else {
            return false;
        };
        let Ok(mut table) = cell.try_borrow_mut(&self.gil) else {
            return false;
        };
        matches!(
            table.remove_with(s.hash(), key, &mut native_eq),
            Ok(Some(_))
        )
    }

    /// A namespace read that also works for non-dict mappings (class bodies may use any).
    pub fn mapping_get(&mut self, ns: &ObjRef, key: &Value) -> PyResult<Option<Value>> {
        if dict_cell(ns).is_some() {
            return Ok(self.dict_get_str(ns, key));
        }
        match self.get_item(&Value::Obj(ns.clone()), key) {
            Ok(v) => Ok(Some(v)),
            Err(e) if e.matches(ExcType::KeyError) => Ok(None),
            Err(e) => Err(e),
        }
    }

    pub fn store_mapping(&mut self, ns: &ObjRef, key: Value, value: Value) -> PyResult<()> {
        if dict_cell(ns).is_some() && ns.class.is_none() {
            self.dict_set_str(ns, key, value);
            return Ok(());
        }
        self.set_item(&Value::Obj(ns.clone()), key, value)
    }

    pub fn delete_mapping(&mut self, ns: &ObjRef, key: &Value) -> PyResult<bool> {
        if dict_cell(ns).is_some() && ns.class.is_none() {
            return Ok(self.dict_del_str(ns, key));
        }
        match self.del_item(&Value::Obj(ns.clone()), key) {
            Ok(()) => Ok(true),
            Err(e) if e.matches(ExcType::KeyError) => Ok(false),
            Err(e) => Err(e),
        }
    }

    /// `{k1: v1, ...}`.
    pub fn build_map(&mut self, items: Vec<Value>) -> PyResult<Value> {
        let d = crate::object::value::new_dict_obj(Dict::with_capacity(items.len() / 2));
        let mut it = items.into_iter();
        while let (Some(k), Some(v)) = (it.next(), it.next()) {
            self.dict_set(&d, k, v)?;
        }
        Ok(Value::Obj(d))
    }

    /// The (key, value) pairs of any mapping: a dict directly, otherwise `keys()` and `[k]`.
    pub fn mapping_items(&mut self, m: &Value) -> PyResult<Vec<(Value, Value)>> {
        if let Some(Payload::Dict(d)) = m.payload() {
            return Ok(d
                .borrow(&self.gil)
                .iter()
                .map(|e| (e.key.clone(), e.value.clone()))
                .collect());
        }
        let keys = match self.call_method(m, "keys", &[]) {
            Ok(k) => k,
            Err(e) if e.matches(ExcType::AttributeError) => {
                return Err(type_error(format!(
                    "'{}' object is not a mapping",
                    type_name(m, self)
                )));
            }
            Err(e) => return Err(e),
        };
        let mut out = Vec::new();
        for k in self.iterate(&keys)? {
            let v = self.get_item(m, &k)?;
            out.push((k, v));
        }
        Ok(out)
    }

    /// `{**m}` in a display.
    pub fn dict_update_display(&mut self, d: &Value, m: &Value) -> PyResult<()> {
        let Value::Obj(dobj) = d else { return Ok(()) };
        let items = self.mapping_items(m)?;
        for (k, v) in items {
            self.dict_set(dobj, k, v)?;
        }
        Ok(())
    }

    /// `f(**m)`: merge into the kwargs dict, refusing repeated and non-str keys.
    pub fn dict_merge_kwargs(&mut self, func: &Value, d: &Value, m: &Value) -> PyResult<()> {
        let Value::Obj(dobj) = d else { return Ok(()) };
        let items = match self.mapping_items(m) {
            Ok(items) => items,
            Err(e) if e.matches(ExcType::TypeError) => {
                return Err(type_error(format!(
                    "{} argument after ** must be a mapping, not {}",
                    self.function_str(func),
                    type_name(m, self)
                )));
            }
            Err(e) => return Err(e),
        };
        for (k, v) in items {
            if k.as_str().is_none() {
                return Err(type_error("keywords must be strings"));
            }
            if self.dict_get(dobj, &k)?.is_some() {
                return Err(type_error(format!(
                    "{} got multiple values for keyword argument '{}'",
                    self.function_str(func),
                    k.as_str().unwrap_or("")
                )));
            }
            self.dict_set(dobj, k, v)?;
        }
        Ok(())
    }

    /// The keyword names and values of a `**kwargs` dict.
    pub fn kwargs_from_dict(&mut self, d: &Value) -> PyResult<(Vec<Value>, Vec<Value>)> {
        let items = self.mapping_items(d)?;
        let mut names = Vec::with_capacity(items.len());
        let mut values = Vec::with_capacity(items.len());
        for (k, v) in items {
            if k.as_str().is_none() {
                return Err(type_error("keywords must be strings"));
            }
            names.push(k);
            values.push(v);
        }
        Ok((names, values))
    }

    pub fn dict_or(&mut self, a: &Value, b: &Value) -> PyResult<Value> {
        let items = self.mapping_items(a)?;
        let d = crate::object::value::new_dict_obj(Dict::new());
        for (k, v) in items {
            self.dict_set(&d, k, v)?;
        }
        let out = Value::Obj(d);
        self.dict_update_display(&out, b)?;
        Ok(out)
    }

    pub fn dict_eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        let (Some(Payload::Dict(x)), Some(Value::Obj(bo))) = (a.payload(), Some(b)) else {
            return Ok(false);
        };
        let items: Vec<(Value, Value)> = x
            .borrow(&self.gil)
            .iter()
            .map(|e| (e.key.clone(), e.value.clone()))
            .collect();
        if items.len() != self.len(b)? {
            return Ok(false);
        }
        for (k, v) in items {
            match self.dict_get(bo, &k)? {
                Some(w) => {
                    if !self.eq(&v, &w)? {
                        return Ok(false);
                    }
                }
                None => return Ok(false),
            }
        }
        Ok(true)
    }

    // ---- sets ----

    pub fn new_set(&mut self, items: Vec<Value>) -> PyResult<Value> {
        let mut table = SetTable::new();
        self.set_table_extend(&mut table, items)?;
        Ok(Value::obj(Payload::Set(GilCell::new(table))))
    }

    pub fn new_frozenset(&mut self, items: Vec<Value>) -> PyResult<Value> {
        let mut table = SetTable::new();
        self.set_table_extend(&mut table, items)?;
        Ok(Value::obj(Payload::FrozenSet(table)))
    }

    /// Adds items to a table being built (not yet shared, so Python equality is safe).
    pub fn set_table_extend(
        &mut self,
        table: &mut SetTable<Value>,
        items: Vec<Value>,
    ) -> PyResult<()> {
        for item in items {
            let h = self.hash(&item)?;
            let mut err = None;
            table.insert(h, item, |a, b| self.eq_or_record(a, b, &mut err));
            if let Some(e) = err {
                return Err(e);
            }
        }
        Ok(())
    }

    /// Equality for the set table's infallible callback: an error is kept for the caller.
    fn eq_or_record(&mut self, a: &Value, b: &Value, err: &mut Option<PyErr>) -> bool {
        if err.is_some() {
            return false;
        }
        if simple_key(a) && simple_key(b) {
            return native_eq(a, b).unwrap_or(false);
        }
        match self.eq(a, b) {
            Ok(r) => r,
            Err(e) => {
                *err = Some(e);
                false
            }
        }
    }

    pub fn set_add(&mut self, set: &Value, item: Value) -> PyResult<()> {
        let Some(Payload::Set(cell)) = set.payload() else {
            return Ok(());
        };
        let h = self.hash(&item)?;
        let mut table = cell
            .try_borrow_mut(&self.gil)
            .map_err(|_| PyErr::new(ExcType::RuntimeError, "Set changed size during iteration"))?;
        let mut err = None;
        table.insert(h, item, |a, b| {
            if simple_key(a) && simple_key(b) {
                native_eq(a, b).unwrap_or(false)
            } else {
                // Comparing user objects while the set is borrowed: identity and native
                // equality only, so an __eq__ cannot mutate the set under us.
                a.is(b) || {
                    err.get_or_insert(());
                    false
                }
            }
        });
        drop(table);
        if err.is_some() {
            // Some candidate needed Python equality: redo the insert with it, on a copy.
            return self.set_add_slow(cell, set);
        }
        Ok(())
    }

    fn set_add_slow(&mut self, cell: &GilCell<SetTable<Value>>, _set: &Value) -> PyResult<()> {
        // Rebuild the table with full equality (items were inserted possibly twice).
        let items: Vec<Value> = cell.borrow(&self.gil).iter().cloned().collect();
        let mut table = SetTable::new();
        self.set_table_extend(&mut table, items)?;
        *cell.borrow_mut(&self.gil) = table;
        Ok(())
    }

    /// A copy of a set's or frozenset's table (so no borrow is held while comparing).
    pub fn set_table_copy(&self, v: &Value) -> Option<SetTable<Value>> {
        match v.payload()? {
            Payload::Set(c) => Some(c.borrow(&self.gil).copy()),
            Payload::FrozenSet(t) => Some(t.copy()),
            _ => None,
        }
    }

    /// The items of a set or frozenset (a snapshot).
    pub fn set_items(&self, v: &Value) -> Option<Vec<Value>> {
        match v.payload()? {
            Payload::Set(c) => Some(c.borrow(&self.gil).iter().cloned().collect()),
            Payload::FrozenSet(t) => Some(t.iter().cloned().collect()),
            _ => None,
        }
    }

    pub fn set_contains(&mut self, set: &Value, item: &Value) -> PyResult<bool> {
        let h = match self.hash(item) {
            Ok(h) => h,
            // `{2} in s` looks for the equal frozenset, as CPython does.
            Err(e)
                if matches!(item.payload(), Some(Payload::Set(_)))
                    && e.matches(ExcType::TypeError) =>
            {
                let items = self.set_items(item).unwrap_or_default();
                let key = self.new_frozenset(items)?;
                return self.set_contains(set, &key);
            }
            Err(e) => return Err(e),
        };
        let items: Vec<(i64, Value)> = match set.payload() {
            Some(Payload::Set(c)) => c
                .borrow(&self.gil)
                .iter_hashed()
                .filter(|(hh, _)| *hh == h)
                .map(|(hh, v)| (hh, v.clone()))
                .collect(),
            Some(Payload::FrozenSet(t)) => t
                .iter_hashed()
                .filter(|(hh, _)| *hh == h)
                .map(|(hh, v)| (hh, v.clone()))
                .collect(),
            _ => return Ok(false),
        };
        for (_, v) in items {
            if v.is(item) || self.eq(&v, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    pub fn set_update(&mut self, set: &Value, iterable: &Value) -> PyResult<()> {
        if let (Some(Payload::Set(dst)), Some(other)) =
            (set.payload(), self.set_table_copy(iterable))
        {
            // Merging a set keeps CPython's slot order (its set_merge), which item-by-item
            // insertion would not.
            let simple = other.iter().all(simple_key);
            if simple {
                let mut table = dst.try_borrow_mut(&self.gil).map_err(|_| {
                    PyErr::new(ExcType::RuntimeError, "Set changed size during iteration")
                })?;
                table.update_from_set(&other, |a, b| native_eq(a, b).unwrap_or(false));
                return Ok(());
            }
        }
        let items = self.iterate(iterable)?;
        for it in items {
            self.set_add(set, it)?;
        }
        Ok(())
    }

    /// `a | b`, `a & b`, `a - b`, `a ^ b` for sets; the result has the left operand's kind.
    /// The table operations are CPython's, so the result iterates in CPython's order.
    pub fn set_binary(&mut self, op: BinaryOp, a: &Value, b: &Value) -> Option<PyResult<Value>> {
        if !matches!(
            op,
            BinaryOp::BitOr | BinaryOp::BitAnd | BinaryOp::Sub | BinaryOp::BitXor
        ) {
            return None;
        }
        let frozen = matches!(a.payload(), Some(Payload::FrozenSet(_)));
        let x = self.set_table_copy(a)?;
        let y = self.set_table_copy(b)?;
        let mut err = None;
        let table = {
            let mut eq = |p: &Value, q: &Value| self.eq_or_record(p, q, &mut err);
            match op {
                BinaryOp::BitOr => x.union(&y, &mut eq),
                BinaryOp::BitAnd => x.intersection(&y, &mut eq),
                BinaryOp::Sub => x.difference(&y, &mut eq),
                _ => x.symmetric_difference(&y, &mut eq),
            }
        };
        if let Some(e) = err {
            return Some(Err(e));
        }
        Some(Ok(if frozen {
            Value::obj(Payload::FrozenSet(table))
        } else {
            Value::obj(Payload::Set(GilCell::new(table)))
        }))
    }

    /// `s |= t` and friends, in place; `None` when the operator does not apply.
    pub fn set_inplace(&mut self, op: BinaryOp, a: &Value, b: &Value) -> Option<PyResult<()>> {
        if !matches!(b.payload(), Some(Payload::Set(_) | Payload::FrozenSet(_))) {
            return None;
        }
        if !matches!(
            op,
            BinaryOp::BitOr | BinaryOp::BitAnd | BinaryOp::Sub | BinaryOp::BitXor
        ) {
            return None;
        }
        let Some(Payload::Set(dst)) = a.payload() else {
            return None;
        };
        let other = self.set_table_copy(b)?;
        let mine = self.set_table_copy(a)?;
        if !(other.iter().all(simple_key) && mine.iter().all(simple_key)) {
            // Keys with Python equality: compute aside, then replace the table.
            let result = self.set_binary(op, a, b)?;
            return Some(result.map(|v| {
                if let Some(Payload::Set(src)) = v.payload() {
                    let table = src.borrow(&self.gil).copy();
                    *dst.borrow_mut(&self.gil) = table;
                }
            }));
        }
        // The in-place table operations CPython uses (merge, intersection swap, removal that
        // leaves dummies), which decide the order the set iterates in afterwards.
        let Ok(mut table) = dst.try_borrow_mut(&self.gil) else {
            return Some(Err(PyErr::new(
                ExcType::RuntimeError,
                "Set changed size during iteration",
            )));
        };
        let eq = |x: &Value, y: &Value| native_eq(x, y).unwrap_or(false);
        match op {
            BinaryOp::BitOr => table.update_from_set(&other, eq),
            BinaryOp::BitAnd => table.intersection_update(&other, eq),
            BinaryOp::Sub => table.difference_update(&other, eq),
            _ => table.symmetric_difference_update(&other, eq),
        }
        Some(Ok(()))
    }

    pub fn set_compare(&mut self, op: CompareOp, a: &Value, b: &Value) -> PyResult<bool> {
        let xs = self.set_items(a).unwrap_or_default();
        let ys = self.set_items(b).unwrap_or_default();
        let mut sub = true;
        for x in &xs {
            if !self.set_contains(b, x)? {
                sub = false;
                break;
            }
        }
        let mut sup = true;
        for y in &ys {
            if !self.set_contains(a, y)? {
                sup = false;
                break;
            }
        }
        Ok(match op {
            CompareOp::Eq => sub && sup,
            CompareOp::Ne => !(sub && sup),
            CompareOp::Le => sub,
            CompareOp::Lt => sub && xs.len() < ys.len(),
            CompareOp::Ge => sup,
            CompareOp::Gt => sup && xs.len() > ys.len(),
        })
    }

    // ---- lists ----

    pub fn list_append(&mut self, list: &Value, v: Value) -> PyResult<()> {
        if let Some(Payload::List(l)) = list.payload() {
            l.try_borrow_mut(&self.gil)
                .map_err(|_| value_error("list modified during sort"))?
                .push(v);
        }
        Ok(())
    }

    pub fn list_extend(&mut self, list: &Value, iterable: &Value) -> PyResult<()> {
        let items = self.iterate(iterable)?;
        if let Some(Payload::List(l)) = list.payload() {
            l.try_borrow_mut(&self.gil)
                .map_err(|_| value_error("list modified during sort"))?
                .extend(items);
        }
        Ok(())
    }

    pub fn list_inplace_repeat(&mut self, list: &Value, n: &Value) -> PyResult<()> {
        let count = match as_int(n) {
            Some(IntRef::Small(i)) => i.max(0) as usize,
            _ => {
                return Err(type_error(format!(
                    "can't multiply sequence by non-int of type '{}'",
                    type_name(n, self)
                )));
            }
        };
        if let Some(Payload::List(l)) = list.payload() {
            let mut items = l.borrow_mut(&self.gil);
            let orig = items.clone();
            items.clear();
            for _ in 0..count {
                items.extend(orig.iter().cloned());
            }
        }
        Ok(())
    }

    /// The items of a list (a snapshot), or of a tuple.
    pub fn list_items(&self, v: &Value) -> Vec<Value> {
        match v.payload() {
            Some(Payload::List(l)) => l.borrow(&self.gil).clone(),
            Some(Payload::Tuple(t)) => t.to_vec(),
            _ => Vec::new(),
        }
    }

    // ---- unpacking ----

    pub fn unpack_sequence(&mut self, seq: &Value, n: usize) -> PyResult<Vec<Value>> {
        let items = match seq.payload() {
            Some(Payload::Tuple(t)) => t.to_vec(),
            Some(Payload::List(l)) => l.borrow(&self.gil).clone(),
            _ => {
                let it = self.get_iter(seq).map_err(|e| {
                    if e.matches(ExcType::TypeError) {
                        type_error(format!(
                            "cannot unpack non-iterable {} object",
                            type_name(seq, self)
                        ))
                    } else {
                        e
                    }
                })?;
                let mut out = Vec::with_capacity(n);
                while let Some(v) = self.next(&it)? {
                    if out.len() == n {
                        return Err(value_error(format!(
                            "too many values to unpack (expected {n})"
                        )));
                    }
                    out.push(v);
                }
                out
            }
        };
        if items.len() < n {
            return Err(value_error(format!(
                "not enough values to unpack (expected {n}, got {})",
                items.len()
            )));
        }
        if items.len() > n {
            return Err(value_error(format!(
                "too many values to unpack (expected {n})"
            )));
        }
        Ok(items)
    }

    pub fn unpack_ex(&mut self, seq: &Value, before: usize, after: usize) -> PyResult<Vec<Value>> {
        let items = self.iterate(seq).map_err(|e| {
            if e.matches(ExcType::TypeError) {
                type_error(format!(
                    "cannot unpack non-iterable {} object",
                    type_name(seq, self)
                ))
            } else {
                e
            }
        })?;
        if items.len() < before + after {
            return Err(value_error(format!(
                "not enough values to unpack (expected at least {}, got {})",
                before + after,
                items.len()
            )));
        }
        let mut out = Vec::with_capacity(before + after + 1);
        out.extend_from_slice(&items[..before]);
        let mid_end = items.len() - after;
        out.push(Value::list(items[before..mid_end].to_vec()));
        out.extend_from_slice(&items[mid_end..]);
        Ok(out)
    }

    // ---- subscription ----

    /// `container[key]`.
    pub fn get_item(&mut self, container: &Value, key: &Value) -> PyResult<Value> {
        let t = type_of(container).clone();
        if (type_data(&t).heap || matches!(container.payload(), Some(Payload::Native(_))))
            && let Some(m) = self.lookup_special(&t, "__getitem__")
        {
            return self.call_special(&m, container, std::slice::from_ref(key));
        }
        if let Value::Obj(o) = container {
            match &o.payload {
                Payload::List(l) => {
                    if let Value::Int(i) = key {
                        let items = l.borrow(&self.gil);
                        return match norm_index(*i, items.len()) {
                            Some(ix) => Ok(items[ix].clone()),
                            None => Err(index_error("list index out of range")),
                        };
                    }
                    if let Some(Payload::Slice(..)) = key.payload() {
                        let items = l.borrow(&self.gil).clone();
                        let idx = self.slice_indices(key, items.len())?;
                        return Ok(Value::list(select(&items, idx)));
                    }
                    let i = self.seq_index(key, "list")?;
                    let items = l.borrow(&self.gil);
                    return match norm_index(i, items.len()) {
                        Some(ix) => Ok(items[ix].clone()),
                        None => Err(index_error("list index out of range")),
                    };
                }
                Payload::Tuple(items) => {
                    if let Some(Payload::Slice(..)) = key.payload() {
                        let idx = self.slice_indices(key, items.len())?;
                        return Ok(Value::tuple(select(items, idx)));
                    }
                    let i = self.seq_index(key, "tuple")?;
                    return match norm_index(i, items.len()) {
                        Some(ix) => Ok(items[ix].clone()),
                        None => Err(index_error("tuple index out of range")),
                    };
                }
                Payload::Str(s) => return self.str_subscript(s, key),
                Payload::Dict(_) => {
                    if let Some(v) = self.dict_get(o, key)? {
                        return Ok(v);
                    }
                    if o.class.is_some()
                        && let Some(m) = self.lookup_special(&t, "__missing__")
                    {
                        return self.call_special(&m, container, std::slice::from_ref(key));
                    }
                    return Err(key_error(key.clone()));
                }
                Payload::Range(r) => return self.range_subscript(r, key),
                Payload::Bytes(b) => {
                    if let Some(Payload::Slice(..)) = key.payload() {
                        let idx = self.slice_indices(key, b.len())?;
                        return Ok(Value::bytes(select(b, idx)));
                    }
                    let i = self.seq_index(key, "byte")?;
                    return match norm_index(i, b.len()) {
                        Some(ix) => Ok(Value::Int(i64::from(b[ix]))),
                        None => Err(index_error("index out of range")),
                    };
                }
                Payload::ByteArray(b) => {
                    let data = b.borrow(&self.gil).clone();
                    if let Some(Payload::Slice(..)) = key.payload() {
                        let idx = self.slice_indices(key, data.len())?;
                        return Ok(Value::obj(Payload::ByteArray(GilCell::new(select(
                            &data, idx,
                        )))));
                    }
                    let i = self.seq_index(key, "bytearray")?;
                    return match norm_index(i, data.len()) {
                        Some(ix) => Ok(Value::Int(i64::from(data[ix]))),
                        None => Err(index_error("bytearray index out of range")),
                    };
                }
                Payload::Type(_) => return self.class_getitem(container, key),
                _ => {}
            }
        }
        Err(type_error(format!(
            "'{}' object is not subscriptable",
            type_name(container, self)
        )))
    }

    fn seq_index(&mut self, key: &Value, what: &str) -> PyResult<i64> {
        match as_int(key) {
            Some(IntRef::Small(i)) => Ok(i),
            Some(IntRef::Big(_)) => Err(PyErr::new(
                ExcType::IndexError,
                "cannot fit 'int' into an index-sized integer",
            )),
            None => {
                if let Some(m) = self.lookup_special(type_of(key), "__index__") {
                    let r = self.call_special(&m, key, &[])?;
                    return self.seq_index(&r, what);
                }
                Err(type_error(format!(
                    "{what} indices must be integers or slices, not {}",
                    type_name(key, self)
                )))
            }
        }
    }

    fn str_subscript(&mut self, s: &crate::object::value::PyStr, key: &Value) -> PyResult<Value> {
        if let Some(Payload::Slice(..)) = key.payload() {
            let n = s.char_len();
            let idx = self.slice_indices(key, n)?;
            if s.is_ascii() {
                let bytes = s.as_str().as_bytes();
                let picked = select(bytes, idx);
                return Ok(Value::str(String::from_utf8(picked).unwrap_or_default()));
            }
            let chars: Vec<char> = s.as_str().chars().collect();
            return Ok(Value::str(
                select(&chars, idx).into_iter().collect::<String>(),
            ));
        }
        let i = match as_int(key) {
            Some(IntRef::Small(i)) => i,
            _ => {
                if let Some(m) = self.lookup_special(type_of(key), "__index__") {
                    let r = self.call_special(&m, key, &[])?;
                    return self.str_subscript(s, &r);
                }
                return Err(type_error(format!(
                    "string indices must be integers, not '{}'",
                    type_name(key, self)
                )));
            }
        };
        let Some(ix) = norm_index(i, s.char_len()) else {
            return Err(index_error("string index out of range"));
        };
        let c = if s.is_ascii() {
            s.as_str()[ix..ix + 1].to_string()
        } else {
            s.as_str()
                .chars()
                .nth(ix)
                .map(String::from)
                .unwrap_or_default()
        };
        Ok(Value::str(c))
    }

    fn range_subscript(&mut self, r: &RangeData, key: &Value) -> PyResult<Value> {
        if let Some(Payload::Slice(..)) = key.payload() {
            let len = r.len() as usize;
            let (start, stop, step, _n) = self.slice_indices(key, len)?;
            let new_start = r.start + start as i64 * r.step;
            let new_step = r.step * step as i64;
            let new_stop = r.start + stop as i64 * r.step;
            return Ok(Value::obj(Payload::Range(RangeData {
                start: new_start,
                stop: new_stop,
                step: new_step,
            })));
        }
        let i = self.seq_index(key, "range")?;
        match norm_index(i, r.len() as usize) {
            Some(ix) => Ok(Value::Int(r.item(ix as i64))),
            None => Err(index_error("range object index out of range")),
        }
    }

    /// `container[key] = value`.
    pub fn set_item(&mut self, container: &Value, key: Value, value: Value) -> PyResult<()> {
        let t = type_of(container).clone();
        if (type_data(&t).heap || matches!(container.payload(), Some(Payload::Native(_))))
            && let Some(m) = self.lookup_special(&t, "__setitem__")
        {
            self.call_special(&m, container, &[key, value])?;
            return Ok(());
        }
        if let Value::Obj(o) = container {
            match &o.payload {
                Payload::Dict(_) => return self.dict_set(o, key, value),
                Payload::List(l) => {
                    if let Some(Payload::Slice(..)) = key.payload() {
                        return self.list_set_slice(l, &key, &value);
                    }
                    let i = self.seq_index(&key, "list")?;
                    let mut items = l.borrow_mut(&self.gil);
                    return match norm_index(i, items.len()) {
                        Some(ix) => {
                            items[ix] = value;
                            Ok(())
                        }
                        None => Err(index_error("list assignment index out of range")),
                    };
                }
                Payload::ByteArray(_) if matches!(key.payload(), Some(Payload::Slice(..))) => {
                    return self.call_type_method(container, "__setitem__", &[key, value]);
                }
                Payload::ByteArray(b) => {
                    let i = self.seq_index(&key, "bytearray")?;
                    let byte = match as_int(&value) {
                        Some(IntRef::Small(v)) if (0..256).contains(&v) => v as u8,
                        Some(_) => return Err(value_error("byte must be in range(0, 256)")),
                        None => {
                            return Err(type_error(format!(
                                "'{}' object cannot be interpreted as an integer",
                                type_name(&value, self)
                            )));
                        }
                    };
                    let mut data = b.borrow_mut(&self.gil);
                    return match norm_index(i, data.len()) {
                        Some(ix) => {
                            data[ix] = byte;
                            Ok(())
                        }
                        None => Err(index_error("bytearray index out of range")),
                    };
                }
                _ => {}
            }
        }
        Err(type_error(format!(
            "'{}' object does not support item assignment",
            type_name(container, self)
        )))
    }

    fn list_set_slice(
        &mut self,
        l: &GilCell<Vec<Value>>,
        key: &Value,
        value: &Value,
    ) -> PyResult<()> {
        let new_items = self.iterate(value).map_err(|e| {
            if e.matches(ExcType::TypeError) {
                type_error("can only assign an iterable")
            } else {
                e
            }
        })?;
        let len = l.borrow(&self.gil).len();
        let (start, stop, step, n) = self.slice_indices(key, len)?;
        let mut items = l.borrow_mut(&self.gil);
        if step == 1 {
            let stop = stop.max(start);
            items.splice(start as usize..stop as usize, new_items);
            return Ok(());
        }
        if new_items.len() != n {
            return Err(value_error(format!(
                "attempt to assign sequence of size {} to extended slice of size {n}",
                new_items.len()
            )));
        }
        let mut i = start;
        for v in new_items {
            items[i as usize] = v;
            i += step;
        }
        Ok(())
    }

    /// `del container[key]`.
    pub fn del_item(&mut self, container: &Value, key: &Value) -> PyResult<()> {
        let t = type_of(container).clone();
        if (type_data(&t).heap || matches!(container.payload(), Some(Payload::Native(_))))
            && let Some(m) = self.lookup_special(&t, "__delitem__")
        {
            self.call_special(&m, container, std::slice::from_ref(key))?;
            return Ok(());
        }
        if let Value::Obj(o) = container {
            match &o.payload {
                Payload::Dict(_) => {
                    return match self.dict_remove(o, key)? {
                        Some(_) => Ok(()),
                        None => Err(key_error(key.clone())),
                    };
                }
                Payload::ByteArray(_) => {
                    return self.call_type_method(
                        container,
                        "__delitem__",
                        std::slice::from_ref(key),
                    );
                }
                Payload::List(l) => {
                    if let Some(Payload::Slice(..)) = key.payload() {
                        let len = l.borrow(&self.gil).len();
                        let (start, _stop, step, n) = self.slice_indices(key, len)?;
                        let mut remove: Vec<usize> = (0..n)
                            .map(|k| (start + k as isize * step) as usize)
                            .collect();
                        remove.sort_unstable();
                        let mut items = l.borrow_mut(&self.gil);
                        for ix in remove.into_iter().rev() {
                            items.remove(ix);
                        }
                        return Ok(());
                    }
                    let i = self.seq_index(key, "list")?;
                    let mut items = l.borrow_mut(&self.gil);
                    return match norm_index(i, items.len()) {
                        Some(ix) => {
                            items.remove(ix);
                            Ok(())
                        }
                        None => Err(index_error("list assignment index out of range")),
                    };
                }
                _ => {}
            }
        }
        Err(type_error(format!(
            "'{}' object doesn't support item deletion",
            type_name(container, self)
        )))
    }

    /// Calls a builtin type's own method on a value (for cases the Vm leaves to the type).
    fn call_type_method(&mut self, obj: &Value, name: &str, args: &[Value]) -> PyResult<()> {
        let t = type_of(obj).clone();
        let Some(m) = self.lookup_special_any(&t, name) else {
            return Err(type_error(format!(
                "'{}' object does not support this operation",
                type_name(obj, self)
            )));
        };
        self.call_special(&m, obj, args)?;
        Ok(())
    }

    /// A slice's (start, stop, step, length) for a sequence of `len` items, as CPython's
    /// `slice.indices` computes them.
    pub fn slice_indices(
        &mut self,
        slice: &Value,
        len: usize,
    ) -> PyResult<(isize, isize, isize, usize)> {
        let Some(Payload::Slice(start, stop, step)) = slice.payload() else {
            return Err(type_error("expected a slice"));
        };
        let step = if step.is_none() {
            1
        } else {
            slice_bound(self, step)?
        };
        if step == 0 {
            return Err(value_error("slice step cannot be zero"));
        }
        let len = len as i64;
        let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
        let clamp = |v: i64| -> i64 {
            if v < 0 {
                (v + len).max(lower)
            } else {
                v.min(upper)
            }
        };
        let start = if start.is_none() {
            if step < 0 { upper } else { lower }
        } else {
            clamp(slice_bound(self, start)?)
        };
        let stop = if stop.is_none() {
            if step < 0 { lower } else { upper }
        } else {
            clamp(slice_bound(self, stop)?)
        };
        let n = if step > 0 {
            if start < stop {
                (stop - start - 1) / step + 1
            } else {
                0
            }
        } else if stop < start {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        };
        Ok((start as isize, stop as isize, step as isize, n as usize))
    }

    fn class_getitem(&mut self, t: &Value, key: &Value) -> PyResult<Value> {
        // `list[int]`, `tuple[int, bool]`: annotations only need a value that prints.
        if let Some(m) = self.lookup_attr_on_type(t, "__class_getitem__") {
            return self.call(
                &m,
                crate::object::value::Args::positional(std::slice::from_ref(key)),
            );
        }
        let Value::Obj(o) = t else {
            return Err(type_error("not subscriptable"));
        };
        if type_data(o).heap {
            return Err(type_error(format!(
                "type '{}' is not subscriptable",
                type_data(o).name(&self.gil)
            )));
        }
        Ok(crate::vm::generic_alias::new_alias(
            self,
            t.clone(),
            key.clone(),
        ))
    }
}

fn slice_bound(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match as_int(v) {
        Some(IntRef::Small(i)) => Ok(i),
        Some(IntRef::Big(b)) => Ok(if b.sign() == num_bigint::Sign::Minus {
            i64::MIN / 2
        } else {
            i64::MAX / 2
        }),
        None => index_value(vm, v).map_err(|_| {
            type_error("slice indices must be integers or None or have an __index__ method")
        }),
    }
}

/// A Python index into `0..len`, negative counting from the end.
pub fn norm_index(i: i64, len: usize) -> Option<usize> {
    let len = len as i64;
    let i = if i < 0 { i + len } else { i };
    (0..len).contains(&i).then_some(i as usize)
}

fn select<T: Clone>(items: &[T], (start, _stop, step, n): (isize, isize, isize, usize)) -> Vec<T> {
    let mut out = Vec::with_capacity(n);
    let mut i = start;
    for _ in 0..n {
        out.push(items[i as usize].clone());
        i += step;
    }
    out
}

impl Vm {
    /// `template % args` for str.
    pub fn str_percent(&mut self, template: &Value, args: &Value) -> PyResult<Value> {
        use crate::object::format::{PercentArg, percent_format};
        let t = template.as_str().unwrap_or("");
        let items: Vec<Value> = match args.payload() {
            Some(Payload::Tuple(items)) if !type_data(type_of(args)).heap => items.to_vec(),
            _ => vec![args.clone()],
        };
        if t.contains("%(") {
            return self.str_percent_mapping(t, args);
        }
        let mut pargs = Vec::with_capacity(items.len());
        for v in &items {
            pargs.push(match v {
                Value::Bool(b) => PercentArg::Bool(*b),
                Value::Int(i) => PercentArg::Int((*i).into()),
                Value::Float(f) => PercentArg::Float(*f),
                _ => match v.payload() {
                    Some(Payload::Int(b)) => PercentArg::Int(b.clone()),
                    Some(Payload::Float(f)) => PercentArg::Float(*f),
                    Some(Payload::Str(s)) if !type_data(type_of(v)).heap => {
                        PercentArg::Str(s.as_str().to_string())
                    }
                    _ => PercentArg::Object {
                        str: self.str(v)?,
                        repr: self.repr(v)?,
                        type_name: type_name(v, self),
                    },
                },
            });
        }
        percent_format(t, &pargs)
            .map(Value::str)
            .map_err(|e| PyErr::new(super::exceptions::exc_type_by_name(e.kind), e.msg))
    }

    /// `"%(name)s" % mapping`: each key looked up and formatted on its own.
    fn str_percent_mapping(&mut self, t: &str, mapping: &Value) -> PyResult<Value> {
        let mut out = String::new();
        let mut rest = t;
        while let Some(i) = rest.find('%') {
            out.push_str(&rest[..i]);
            let after = &rest[i + 1..];
            if let Some(stripped) = after.strip_prefix('(') {
                let Some(close) = stripped.find(')') else {
                    return Err(value_error("incomplete format key"));
                };
                let key = &stripped[..close];
                let value = self.get_item(mapping, &Value::str(key))?;
                let spec_start = &stripped[close + 1..];
                let spec_len = spec_start
                    .find(|c: char| c.is_ascii_alphabetic() || c == '%')
                    .map_or(spec_start.len(), |p| p + 1);
                let piece = format!("%{}", &spec_start[..spec_len]);
                let formatted = self.str_percent(&Value::str(piece), &Value::tuple(vec![value]))?;
                out.push_str(formatted.as_str().unwrap_or(""));
                rest = &spec_start[spec_len..];
            } else {
                let spec_len = after
                    .find(|c: char| c.is_ascii_alphabetic() || c == '%')
                    .map_or(after.len(), |p| p + 1);
                let piece = format!("%{}", &after[..spec_len]);
                if piece == "%%" {
                    out.push('%');
                } else {
                    return Err(type_error("format requires a mapping"));
                }
                rest = &after[spec_len..];
            }
        }
        out.push_str(rest);
        Ok(Value::str(out))
    }

    /// `keys() & other`, `keys() | other`, … : set operations on dict views.
    pub fn dict_view_binary(
        &mut self,
        op: BinaryOp,
        a: &Value,
        b: &Value,
    ) -> Option<PyResult<Value>> {
        if !matches!(
            op,
            BinaryOp::BitAnd | BinaryOp::BitOr | BinaryOp::Sub | BinaryOp::BitXor
        ) {
            return None;
        }
        let as_set = |vm: &mut Vm, v: &Value| -> PyResult<Value> {
            let items = vm.iterate(v)?;
            vm.new_set(items)
        };
        let r = (|| {
            let x = as_set(self, a)?;
            let y = as_set(self, b)?;
            self.set_binary(op, &x, &y)
                .unwrap_or_else(|| Err(type_error("unsupported dict view operation")))
        })();
        Some(r)
    }

    /// `d.keys() == other.keys()` and the subset comparisons of views.
    pub fn dict_view_compare(
        &mut self,
        op: CompareOp,
        a: &Value,
        b: &Value,
    ) -> PyResult<Option<bool>> {
        let values_view = |v: &Value| {
            matches!(
                v.payload(),
                Some(Payload::DictView(
                    crate::object::value::DictViewKind::Values,
                    _
                ))
            )
        };
        if values_view(a) || values_view(b) {
            return Ok(None);
        }
        let x = {
            let items = self.iterate(a)?;
            self.new_set(items)?
        };
        let y = {
            let items = self.iterate(b)?;
            self.new_set(items)?
        };
        self.set_compare(op, &x, &y).map(Some)
    }
}
