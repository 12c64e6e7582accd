//! `list[int]`, `tuple[int, bool]`, `dict[str, int]`: the values annotations build when a
//! builtin type is subscripted (enough to store and print them, as 3.11's `types.GenericAlias`).

use super::Vm;
use super::exceptions::PyResult;
use crate::object::typeobj::type_data;
use crate::object::value::{NativeData, Payload, Value};

#[derive(Debug)]
pub struct GenericAlias {
    pub origin: Value,
    pub args: Vec<Value>,
}

impl NativeData for GenericAlias {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

pub fn new_alias(_vm: &mut Vm, origin: Value, key: Value) -> Value {
    let args = match key.as_tuple() {
        Some(items) => items.to_vec(),
        None => vec![key],
    };
    Value::obj(Payload::Native(Box::new(GenericAlias { origin, args })))
}

impl Vm {
    /// `list[int]` prints as `list[int]`: classes by name, other values by repr.
    pub fn alias_repr(&mut self, a: &GenericAlias) -> PyResult<String> {
        let name = |vm: &mut Vm, v: &Value| -> PyResult<String> {
            match v.payload() {
                Some(Payload::Type(d)) => {
                    let module = vm.dict_get_str(&d.dict, &Value::str("__module__"));
                    let qual = d.qualname.get(&vm.gil);
                    Ok(match module.as_ref().and_then(Value::as_str) {
                        Some(m) if m != "builtins" => format!("{m}.{qual}"),
                        _ => qual,
                    })
                }
                Some(Payload::Ellipsis) => Ok("...".into()),
                _ => vm.repr(v),
            }
        };
        let origin = name(self, &a.origin)?;
        let mut parts = Vec::new();
        for arg in &a.args {
            parts.push(name(self, arg)?);
        }
        let _ = type_data;
        Ok(format!("{origin}[{}]", parts.join(", ")))
    }
}
