//! Argument checking for functions written in Rust, with CPython's messages for builtins:
//! `len() takes exactly one argument (2 given)`, `split() takes at most 2 arguments (3 given)`,
//! `print() got an unexpected keyword argument 'x'`, `… missing required argument 'x' (pos 1)`.

use crate::object::value::{Args, Value};
use crate::vm::exceptions::{PyResult, type_error};

impl<'a> Args<'a> {
    /// The value of keyword argument `name`, if given.
    pub fn kwarg(&self, name: &str) -> Option<&'a Value> {
        self.kw_names
            .iter()
            .position(|n| n.as_str() == Some(name))
            .map(|i| &self.kw_values[i])
    }

    /// Refuses keyword arguments: `f() takes no keyword arguments`.
    pub fn no_kwargs(&self, fname: &str) -> PyResult<()> {
        if self.has_kwargs() {
            return Err(type_error(format!("{fname}() takes no keyword arguments")));
        }
        Ok(())
    }

    /// Exactly one positional argument and no keywords.
    pub fn one(&self, fname: &str) -> PyResult<&'a Value> {
        self.no_kwargs(fname)?;
        match self.pos {
            [v] => Ok(v),
            _ => Err(type_error(format!(
                "{fname}() takes exactly one argument ({} given)",
                self.pos.len()
            ))),
        }
    }

    /// Between `min` and `max` positional arguments, no keywords (`f expected at most 2
    /// arguments, got 3` is what CPython says for most builtins with optional arguments).
    pub fn between(&self, fname: &str, min: usize, max: usize) -> PyResult<&'a [Value]> {
        self.no_kwargs(fname)?;
        let n = self.pos.len();
        if n < min {
            let plural = if min == 1 { "" } else { "s" };
            return Err(type_error(format!(
                "{fname} expected at least {min} argument{plural}, got {n}"
            )));
        }
        if n > max {
            let plural = if max == 1 { "" } else { "s" };
            return Err(type_error(format!(
                "{fname} expected at most {max} argument{plural}, got {n}"
            )));
        }
        Ok(self.pos)
    }

    /// Binds positional-or-keyword parameters `names` (the first `required` are required),
    /// the Argument Clinic way: `fname() takes at most N arguments (M given)`,
    /// `fname() got an unexpected keyword argument 'k'`, `fname() missing required argument
    /// 'x' (pos 1)`, `argument for fname() given by name ('x') and position (1)`.
    pub fn bind(
        &self,
        fname: &str,
        names: &[&str],
        required: usize,
    ) -> PyResult<Vec<Option<Value>>> {
        let n = self.pos.len();
        if n > names.len() {
            let msg = if names.len() == 1 && required == 1 {
                format!("{fname}() takes exactly one argument ({n} given)")
            } else if required == names.len() {
                let plural = if names.len() == 1 { "" } else { "s" };
                format!(
                    "{fname}() takes exactly {} argument{plural} ({n} given)",
                    names.len()
                )
            } else {
                let plural = if names.len() == 1 { "" } else { "s" };
                format!(
                    "{fname}() takes at most {} argument{plural} ({n} given)",
                    names.len()
                )
            };
            return Err(type_error(msg));
        }
        let mut out: Vec<Option<Value>> = self.pos.iter().cloned().map(Some).collect();
        out.resize(names.len(), None);
        for (k, v) in self.kw_names.iter().zip(self.kw_values) {
            let k = k.as_str().unwrap_or("");
            match names.iter().position(|n| *n == k) {
                Some(i) if out[i].is_some() => {
                    return Err(type_error(format!(
                        "argument for {fname}() given by name ('{k}') and position ({})",
                        i + 1
                    )));
                }
                Some(i) => out[i] = Some(v.clone()),
                None => {
                    return Err(type_error(format!(
                        "{fname}() got an unexpected keyword argument '{k}'"
                    )));
                }
            }
        }
        for (i, slot) in out.iter().enumerate().take(required) {
            if slot.is_none() {
                return Err(type_error(format!(
                    "{fname}() missing required argument '{}' (pos {})",
                    names[i],
                    i + 1
                )));
            }
        }
        Ok(out)
    }
}
