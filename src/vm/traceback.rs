//! Traceback text: the markers CPython 3.11 prints under a frame's source line — `^^^^` under
//! the failing expression, and `~~~^~~~` when it is a binary operation (`^` under the operator)
//! or a subscript (`^` under the brackets).

use crate::syntax::ast::{ExprKind, StmtKind};
use crate::syntax::parse_module;

/// Where an instruction came from: 1-based lines, 0-based byte columns (a code object's
/// `co_positions`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Positions {
    pub lineno: u32,
    pub end_lineno: u32,
    pub col: usize,
    pub end_col: usize,
}

/// The marker line printed under `line` (the frame's first source line, without its line
/// ending), or `None` when CPython prints none: a plain expression that spans the whole line
/// gets no markers.
///
/// ```
/// use gilpy::vm::traceback::{position_markers, Positions};
/// let at = Positions { lineno: 1, end_lineno: 1, col: 4, end_col: 9 };
/// assert_eq!(position_markers("x = 1 / 0", at).as_deref(), Some("        ~~^~~"));
/// let whole = Positions { lineno: 1, end_lineno: 1, col: 0, end_col: 8 };
/// assert_eq!(position_markers("f(a, b)", whole), None);
/// ```
pub fn position_markers(line: &str, at: Positions) -> Option<String> {
    let chars: Vec<char> = line.chars().collect();
    let indent = line.len() - line.trim_start().len();
    let stripped_len = line.trim().chars().count();
    let leading = line[..indent].chars().count();
    let start = char_index(line, at.col);
    let mut end = char_index(line, at.end_col);
    let mut anchors = None;
    if at.lineno == at.end_lineno {
        let segment: String = chars.get(start..end.max(start))?.iter().collect();
        anchors = anchors_in(&segment);
    } else {
        // A range running onto later lines is marked to the end of this one.
        end = leading + stripped_len;
    }
    let width = end.checked_sub(start)?;
    let split = anchors.is_some_and(|(left, right)| right > left);
    if width >= stripped_len && !split {
        return None;
    }
    let mut out = String::from("    ");
    out.push_str(&" ".repeat(start.saturating_sub(leading)));
    match anchors {
        Some((left, right)) => {
            out.push_str(&"~".repeat(left));
            out.push_str(&"^".repeat(right.saturating_sub(left)));
            out.push_str(&"~".repeat(width.saturating_sub(right)));
        }
        None => out.push_str(&"^".repeat(width)),
    }
    Some(out)
}

/// The character index of byte column `col` in `line` (clamped to the line).
fn char_index(line: &str, col: usize) -> usize {
    let mut col = col.min(line.len());
    while !line.is_char_boundary(col) {
        col -= 1;
    }
    line[..col].chars().count()
}

/// Where the operator of a binary operation, or the brackets of a subscript, sit in the
/// expression text `segment`: character offsets `(left, right)` with `^` from left to right.
fn anchors_in(segment: &str) -> Option<(usize, usize)> {
    let module = parse_module(segment, "<segment>").ok()?;
    let [stmt] = module.body.as_slice() else {
        return None;
    };
    let StmtKind::Expr { value } = &stmt.kind else {
        return None;
    };
    // The segment is one line, so node columns are byte offsets into it.
    let chars: Vec<char> = segment.chars().collect();
    let at = |col: u32| char_index(segment, col as usize);
    match &value.kind {
        ExprKind::BinOp { left, right, .. } => {
            // The operator is the first character after the left operand that is neither
            // white space nor a parenthesis; two-character operators get two `^`.
            let from = at(left.range.end.col);
            let to = at(right.range.start.col);
            let offset = chars[from..to]
                .iter()
                .position(|c| !c.is_whitespace() && *c != '(' && *c != ')')?;
            let left_anchor = from + offset;
            let second = chars.get(left_anchor + 1).filter(|_| left_anchor + 1 < to);
            let right_anchor = match second {
                Some(c) if !c.is_whitespace() => left_anchor + 2,
                _ => left_anchor + 1,
            };
            Some((left_anchor, right_anchor))
        }
        ExprKind::Subscript {
            value: base, slice, ..
        } => {
            let open = at(base.range.end.col);
            let left_anchor = open + chars[open..].iter().position(|c| *c == '[')?;
            let after = at(slice.range.end.col);
            let right_anchor = after + chars[after..].iter().position(|c| *c == ']')? + 1;
            Some((left_anchor, right_anchor))
        }
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------------
// Printing an exception the way CPython's default excepthook does.

use std::sync::Arc;

use super::Vm;
use super::exceptions::PyErr;
use crate::object::typeobj::{ExcType, is_instance, type_data, type_of, types};
use crate::object::value::{Payload, Value};

impl Vm {
    /// The full report of an uncaught exception: chained exceptions first, then each
    /// traceback with source lines and position markers, then `Type: message`.
    pub fn format_exception(&mut self, err: &PyErr) -> String {
        let mut seen = Vec::new();
        let mut out = String::new();
        self.format_chain(&err.value(), &mut seen, &mut out);
        out
    }

    fn format_chain(&mut self, exc: &Value, seen: &mut Vec<usize>, out: &mut String) {
        seen.push(exc.id());
        let Some(Payload::Exception(d)) = exc.payload() else {
            return;
        };
        let (cause, context, suppress) = {
            let d = d.borrow(&self.gil);
            (d.cause.clone(), d.context.clone(), d.suppress_context)
        };
        if !cause.is_none() && !seen.contains(&cause.id()) {
            self.format_chain(&cause, seen, out);
            out.push_str(
                "\nThe above exception was the direct cause of the following exception:\n\n",
            );
        } else if !context.is_none() && !suppress && !seen.contains(&context.id()) {
            self.format_chain(&context, seen, out);
            out.push_str(
                "\nDuring handling of the above exception, another exception occurred:\n\n",
            );
        }
        self.format_single(exc, out);
    }

    fn format_single(&mut self, exc: &Value, out: &mut String) {
        let Some(Payload::Exception(d)) = exc.payload() else {
            return;
        };
        let entries = d.borrow(&self.gil).traceback.clone();
        if !entries.is_empty() {
            out.push_str("Traceback (most recent call last):\n");
        }
        // Entries were recorded innermost first; print outermost first.
        for e in entries.iter().rev() {
            let co = &e.code.co;
            let loc = co.locations.get(e.instr).copied().unwrap_or_default();
            out.push_str(&format!(
                "  File \"{}\", line {}, in {}\n",
                co.filename, loc.line, co.name
            ));
            if let Some(line) = self.source_line(&co.filename, loc.line as usize) {
                let stripped = line.trim();
                if !stripped.is_empty() {
                    out.push_str(&format!("    {stripped}\n"));
                    let at = Positions {
                        lineno: loc.line,
                        end_lineno: loc.end_line,
                        col: loc.col as usize,
                        end_col: loc.end_col as usize,
                    };
                    if loc.end_line >= loc.line
                        && let Some(markers) = position_markers(&line, at)
                    {
                        out.push_str(&markers);
                        out.push('\n');
                    }
                }
            }
        }
        out.push_str(&self.exception_line(exc));
    }

    /// `Type: message` (or a SyntaxError's own report).
    fn exception_line(&mut self, exc: &Value) -> String {
        if is_instance(exc, types().exception(ExcType::SyntaxError))
            && let Some(report) = exc
                .as_obj()
                .and_then(|o| o.dict.clone())
                .and_then(|d| self.dict_get_str(&d, &Value::str("_report")))
                .and_then(|r| r.as_str().map(str::to_string))
        {
            return report;
        }
        let t = type_of(exc).clone();
        let d = type_data(&t);
        let qual = d.qualname.get(&self.gil);
        let module = self
            .dict_get_str(&d.dict, &Value::str("__module__"))
            .and_then(|m| m.as_str().map(str::to_string));
        let name = match module.as_deref() {
            Some("__main__" | "builtins") | None => qual,
            Some(m) => format!("{m}.{qual}"),
        };
        let msg = match self.str(exc) {
            Ok(s) => s,
            Err(_) => "<exception str() failed>".to_string(),
        };
        let hint = self
            .suggestion(exc)
            .map(|s| format!(". Did you mean: '{s}'?"));
        let msg = msg + hint.as_deref().unwrap_or("");
        let mut line = if msg.is_empty() {
            format!("{name}\n")
        } else {
            format!("{name}: {msg}\n")
        };
        if let Some(notes) = exc
            .as_obj()
            .and_then(|o| o.dict.clone())
            .and_then(|d| self.dict_get_str(&d, &Value::str("__notes__")))
            && let Ok(items) = self.iterate(&notes)
        {
            for n in items {
                if let Ok(s) = self.str(&n) {
                    line.push_str(&s);
                    line.push('\n');
                }
            }
        }
        line
    }

    /// The "Did you mean" name for an `AttributeError` (from `dir(obj)`) or a `NameError`
    /// (from the failing frame's locals, globals and builtins).
    fn suggestion(&mut self, exc: &Value) -> Option<String> {
        let dict = exc.as_obj()?.dict.clone()?;
        let name = self.dict_get_str(&dict, &Value::str("name"))?;
        let name = name.as_str()?.to_string();
        if is_instance(exc, types().exception(ExcType::AttributeError)) {
            let obj = self.dict_get_str(&dict, &Value::str("obj"))?;
            let names = self.attribute_names(&obj);
            return super::suggestions::suggest(&name, names.iter().map(String::as_str));
        }
        if !is_instance(exc, types().exception(ExcType::NameError)) {
            return None;
        }
        let Some(Payload::Exception(d)) = exc.payload() else {
            return None;
        };
        let entry = d.borrow(&self.gil).traceback.first().cloned()?;
        let mut names: Vec<String> = entry.code.co.varnames.clone();
        names.extend(entry.code.co.cellvars.iter().cloned());
        names.extend(entry.code.co.freevars.iter().cloned());
        for ns in [&entry.globals, &self.interp.builtins.clone()] {
            if let Payload::Dict(t) = &ns.payload {
                names.extend(
                    t.borrow(&self.gil)
                        .iter()
                        .filter_map(|e| e.key.as_str().map(str::to_string)),
                );
            }
        }
        super::suggestions::suggest(&name, names.iter().map(String::as_str))
    }

    /// Line `n` of a file, from the sources the interpreter compiled or from disk.
    pub fn source_line(&self, filename: &str, n: usize) -> Option<String> {
        let text = self.interp.source(filename).or_else(|| {
            std::fs::read_to_string(filename)
                .ok()
                .map(|s| Arc::from(s.as_str()))
        })?;
        crate::syntax::error::nth_line(&text, n).map(str::to_string)
    }

    /// Keeps a compiled source for tracebacks.
    pub fn remember_source(&self, filename: &str, source: &str) {
        // CPython shows no source lines for `<stdin>`, `<string>` (-c, exec) and the like.
        if !filename.starts_with('<') || filename.starts_with("<frozen") {
            self.interp.remember_source(filename, source);
        }
    }

    /// A compile error as the `SyntaxError` exception instance Python code sees.
    pub fn syntax_error(&mut self, e: crate::syntax::SyntaxError) -> PyErr {
        let kind = match e.kind.name() {
            "IndentationError" => ExcType::IndentationError,
            "TabError" => ExcType::TabError,
            "RecursionError" => ExcType::RecursionError,
            _ => ExcType::SyntaxError,
        };
        let err = PyErr::new(kind, e.msg.clone());
        if let Some(d) = &err.exc.dict {
            let text = e.text.clone().map_or(Value::None, Value::str);
            for (k, v) in [
                ("msg", Value::str(e.msg.as_str())),
                ("filename", Value::str(e.filename.as_str())),
                ("lineno", Value::Int(e.lineno as i64)),
                ("offset", Value::Int(e.offset)),
                ("end_lineno", Value::Int(e.end_lineno as i64)),
                ("end_offset", Value::Int(e.end_offset)),
                ("text", text),
                ("_report", Value::str(e.report())),
            ] {
                self.dict_set_str(d, Value::str(k), v);
            }
        }
        err
    }

    /// The value of `exc.__traceback__` (gilpy does not expose traceback objects yet: the
    /// entries live inside the exception).
    pub fn traceback_value(&self, exc: &Value) -> Value {
        let _ = exc;
        Value::None
    }
}
