//! The code generator: a checked module and its symbol table → a tree of code objects. This
//! file owns the compiler's state (the stack of code units being built), emission, labels,
//! constants and names, and how each name is loaded or stored given its scope.
//!
//! The rest is split by subject: `expr.rs` (expressions), `stmt.rs` (statements),
//! `blocks.rs` (loops, `try`, `with`, and leaving them early), `scopes.rs` (functions,
//! classes, lambdas, comprehensions), `constants.rs` (constant folding) and `stack.rs` (stack
//! effects and the static stack-depth pass).

// Compile errors are `SyntaxError`s, large but only on the cold path (see syntax/mod.rs).
#![allow(clippy::result_large_err)]

mod blocks;
mod constants;
mod expr;
mod scopes;
mod stack;
mod stmt;

use std::collections::HashMap;
use std::sync::Arc;

use super::Mode;
use super::bytecode::{CodeObject, Constant, Instr, Location, code_flags};
use super::symtable::{ScopeId, ScopeKind, SymbolScope, SymbolTable};
use crate::syntax::SyntaxError;
use crate::syntax::ast::{ExprContext, Module, Range, Stmt, StmtKind};

pub use stack::{jump_target, stack_effect, verify};

use blocks::FBlock;
use constants::ConstKey;

type Result<T> = std::result::Result<T, SyntaxError>;

/// Compiles a module that passed [`super::check_module`] with the table it produced.
pub fn compile_module(
    module: &Module,
    table: &SymbolTable,
    filename: &str,
    mode: Mode,
) -> Result<Arc<CodeObject>> {
    let unit = Unit::new(0, ScopeKind::Module, "<module>", "<module>", 1, None);
    let mut compiler = Compiler {
        table,
        filename: filename.to_string(),
        mode,
        unit,
        parents: Vec::new(),
    };
    compiler.module_body(&module.body)?;
    compiler.finish_unit()
}

/// A jump target inside the unit being built; resolved to an instruction index at the end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Label(u32);

/// Marks a label not yet bound to an instruction.
const UNBOUND: u32 = u32::MAX;

/// One code object being built.
struct Unit<'a> {
    scope: ScopeId,
    kind: ScopeKind,
    name: String,
    qualname: String,
    first_line: u32,
    argcount: u32,
    posonlyargcount: u32,
    kwonlyargcount: u32,
    flags: u32,
    /// The class whose body this is or which encloses it: private names (`__x`) are mangled
    /// with it.
    private: Option<String>,
    instructions: Vec<Instr>,
    locations: Vec<Location>,
    /// Label → instruction index (`UNBOUND` until bound).
    labels: Vec<u32>,
    consts: Vec<Constant>,
    const_index: HashMap<ConstKey, u32>,
    names: Vec<String>,
    name_index: HashMap<String, u32>,
    varnames: Vec<String>,
    varname_index: HashMap<String, u32>,
    cellvars: Vec<String>,
    freevars: Vec<String>,
    /// The compile-time block stack: what `return`, `break` and `continue` must undo.
    blocks: Vec<FBlock<'a>>,
    /// The source range the next instructions belong to.
    loc: Range,
    /// Inside a function (directly or through classes): `CO_NESTED`.
    nested: bool,
}

impl<'a> Unit<'a> {
    fn new(
        scope: ScopeId,
        kind: ScopeKind,
        name: &str,
        qualname: &str,
        first_line: u32,
        private: Option<String>,
    ) -> Unit<'a> {
        Unit {
            scope,
            kind,
            name: name.to_string(),
            qualname: qualname.to_string(),
            first_line,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            flags: 0,
            private,
            instructions: Vec::new(),
            locations: Vec::new(),
            labels: Vec::new(),
            consts: Vec::new(),
            const_index: HashMap::new(),
            names: Vec::new(),
            name_index: HashMap::new(),
            varnames: Vec::new(),
            varname_index: HashMap::new(),
            cellvars: Vec::new(),
            freevars: Vec::new(),
            blocks: Vec::new(),
            loc: Range::default(),
            nested: false,
        }
    }

    fn is_function_like(&self) -> bool {
        matches!(
            self.kind,
            ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension
        )
    }
}

struct Compiler<'a> {
    table: &'a SymbolTable,
    filename: String,
    mode: Mode,
    /// The unit being built; the units it is nested in wait in `parents`.
    unit: Unit<'a>,
    parents: Vec<Unit<'a>>,
}

/// How a name is reached in the current unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Access {
    Fast,
    Deref,
    /// A class body reading a free variable: its own namespace first.
    ClassDeref,
    Global,
    Name,
}

/// An error that means the code generator and the symbol table disagree (a bug, reported
/// as an error rather than a panic).
fn internal_error(what: &str, range: Range) -> SyntaxError {
    SyntaxError::syntax(
        format!("internal compiler error: {what}"),
        range.start,
        range.end,
    )
}

fn location(range: Range) -> Location {
    Location {
        line: range.start.line,
        col: range.start.col,
        end_line: range.end.line,
        end_col: range.end.col,
    }
}

/// `__spam` inside `class Ham` is `_Ham__spam`: CPython's private name mangling.
fn mangle(private: Option<&str>, name: &str) -> String {
    let Some(class) = private else {
        return name.to_string();
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_string();
    }
    let class = class.trim_start_matches('_');
    if class.is_empty() {
        return name.to_string();
    }
    format!("_{class}{name}")
}

impl<'a> Compiler<'a> {
    // ---- emission ----

    fn emit(&mut self, instr: Instr) {
        let loc = location(self.unit.loc);
        self.unit.instructions.push(instr);
        self.unit.locations.push(loc);
    }

    fn new_label(&mut self) -> Label {
        let label = Label(self.unit.labels.len() as u32);
        self.unit.labels.push(UNBOUND);
        label
    }

    /// The next instruction emitted is the label's target.
    fn bind(&mut self, label: Label) {
        let here = self.unit.instructions.len() as u32;
        if let Some(slot) = self.unit.labels.get_mut(label.0 as usize) {
            *slot = here;
        }
    }

    /// Emits a jump (or `ForIter`, `SetupFinally`, …) whose target is `label`; the operand
    /// holds the label until the unit is finished.
    fn jump(&mut self, make: fn(u32) -> Instr, label: Label) {
        self.emit(make(label.0));
    }

    /// Runs `f` with the location set to `range`, restoring the previous one after.
    fn at<T>(&mut self, range: Range, f: impl FnOnce(&mut Self) -> Result<T>) -> Result<T> {
        let saved = std::mem::replace(&mut self.unit.loc, range);
        let result = f(self);
        self.unit.loc = saved;
        result
    }

    // ---- constants and names ----

    fn add_const(&mut self, value: Constant) -> u32 {
        let key = ConstKey::of(&value);
        if let Some(key) = &key
            && let Some(&i) = self.unit.const_index.get(key)
        {
            return i;
        }
        let i = self.unit.consts.len() as u32;
        self.unit.consts.push(value);
        if let Some(key) = key {
            self.unit.const_index.insert(key, i);
        }
        i
    }

    fn load_const(&mut self, value: Constant) {
        let i = self.add_const(value);
        self.emit(Instr::LoadConst(i));
    }

    fn load_none(&mut self) {
        self.load_const(Constant::None);
    }

    fn str_const(&mut self, s: &str) -> u32 {
        self.add_const(Constant::Str(s.to_string()))
    }

    /// The index of a name in `names` (attribute, global, import and namespace names).
    fn name_index(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.unit.name_index.get(name) {
            return i;
        }
        let i = self.unit.names.len() as u32;
        self.unit.names.push(name.to_string());
        self.unit.name_index.insert(name.to_string(), i);
        i
    }

    /// Like `name_index` for a name the program wrote, mangled if private.
    fn mangled_index(&mut self, name: &str) -> u32 {
        let mangled = self.mangle(name);
        self.name_index(&mangled)
    }

    fn mangle(&self, name: &str) -> String {
        mangle(self.unit.private.as_deref(), name)
    }

    /// A fast local's slot, adding it on first use (after the parameters, which are added
    /// when the unit starts): locals are numbered in the order the code first touches them.
    fn varname_index(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.unit.varname_index.get(name) {
            return i;
        }
        let i = self.unit.varnames.len() as u32;
        self.unit.varnames.push(name.to_string());
        self.unit.varname_index.insert(name.to_string(), i);
        i
    }

    /// The cell slot of a name: cellvars first, then freevars.
    fn cell_index(&self, name: &str) -> Option<u32> {
        let unit = &self.unit;
        if let Some(i) = unit.cellvars.iter().position(|n| n == name) {
            return Some(i as u32);
        }
        let i = unit.freevars.iter().position(|n| n == name)?;
        Some((unit.cellvars.len() + i) as u32)
    }

    // ---- names ----

    /// Where `name` lives as seen from the current unit, by its symbol's scope.
    fn access(&self, name: &str) -> Access {
        let scope = self
            .table
            .scope(self.unit.scope)
            .lookup(name)
            .map(|s| s.scope);
        match self.unit.kind {
            ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension => match scope {
                Some(SymbolScope::Local) => Access::Fast,
                Some(SymbolScope::Cell | SymbolScope::Free) => Access::Deref,
                _ => Access::Global,
            },
            ScopeKind::Class => match scope {
                Some(SymbolScope::GlobalExplicit) => Access::Global,
                Some(SymbolScope::Free | SymbolScope::Cell) => Access::ClassDeref,
                _ => Access::Name,
            },
            ScopeKind::Module => match scope {
                Some(SymbolScope::GlobalExplicit) => Access::Global,
                _ => Access::Name,
            },
        }
    }

    /// Loads, stores or deletes a variable, choosing the instruction from its scope.
    fn name_op(&mut self, name: &str, ctx: ExprContext) -> Result<()> {
        let instr = match self.access(name) {
            Access::Fast => {
                let i = self.varname_index(name);
                match ctx {
                    ExprContext::Load => Instr::LoadFast(i),
                    ExprContext::Store => Instr::StoreFast(i),
                    ExprContext::Del => Instr::DeleteFast(i),
                }
            }
            access @ (Access::Deref | Access::ClassDeref) => {
                let Some(i) = self.cell_index(name) else {
                    return Err(internal_error(
                        &format!("no cell for '{name}'"),
                        self.unit.loc,
                    ));
                };
                match ctx {
                    ExprContext::Load if access == Access::ClassDeref => Instr::LoadClassDeref(i),
                    ExprContext::Load => Instr::LoadDeref(i),
                    ExprContext::Store => Instr::StoreDeref(i),
                    ExprContext::Del => Instr::DeleteDeref(i),
                }
            }
            Access::Global => {
                let i = self.mangled_index(name);
                match ctx {
                    ExprContext::Load => Instr::LoadGlobal(i),
                    ExprContext::Store => Instr::StoreGlobal(i),
                    ExprContext::Del => Instr::DeleteGlobal(i),
                }
            }
            Access::Name => {
                let i = self.mangled_index(name);
                match ctx {
                    ExprContext::Load => Instr::LoadName(i),
                    ExprContext::Store => Instr::StoreName(i),
                    ExprContext::Del => Instr::DeleteName(i),
                }
            }
        };
        self.emit(instr);
        Ok(())
    }

    /// `LoadName`/`StoreName` of a dunder the compiler itself uses in module and class
    /// bodies (`__module__`, `__annotations__`, …).
    fn load_namespace(&mut self, name: &str) {
        let i = self.name_index(name);
        self.emit(Instr::LoadName(i));
    }

    fn store_namespace(&mut self, name: &str) {
        let i = self.name_index(name);
        self.emit(Instr::StoreName(i));
    }

    // ---- units ----

    /// The scope a nested `def`, `class`, `lambda` or comprehension opens: the child of the
    /// current scope made for the node at `range`.
    fn child_scope(&self, kind: ScopeKind, range: Range) -> Result<ScopeId> {
        self.table
            .scope(self.unit.scope)
            .children
            .iter()
            .copied()
            .find(|&id| {
                let scope = self.table.scope(id);
                scope.kind == kind && scope.range == range
            })
            .ok_or_else(|| internal_error("no scope for a nested block", range))
    }

    /// Starts compiling a nested code object; `finish_unit` ends it.
    fn push_unit(&mut self, unit: Unit<'a>) {
        let parent = std::mem::replace(&mut self.unit, unit);
        self.parents.push(parent);
    }

    /// Ends the current unit, returning to its parent, and builds its code object.
    fn finish_unit(&mut self) -> Result<Arc<CodeObject>> {
        let unit = match self.parents.pop() {
            Some(parent) => std::mem::replace(&mut self.unit, parent),
            None => std::mem::replace(
                &mut self.unit,
                Unit::new(0, ScopeKind::Module, "", "", 0, None),
            ),
        };
        self.assemble(unit).map(Arc::new)
    }

    /// Resolves labels and computes the stack size.
    fn assemble(&self, unit: Unit<'a>) -> Result<CodeObject> {
        let mut instructions = unit.instructions;
        for instr in instructions.iter_mut() {
            if let Some(label) = jump_target(*instr) {
                let target = unit.labels.get(label as usize).copied().unwrap_or(UNBOUND);
                if target == UNBOUND {
                    return Err(internal_error("jump to an unbound label", unit.loc));
                }
                stack::retarget(instr, target);
            }
        }
        let (instructions, locations) = stack::remove_unreachable(instructions, unit.locations);
        let mut code = CodeObject {
            name: unit.name,
            qualname: unit.qualname,
            filename: self.filename.clone(),
            first_line: unit.first_line,
            argcount: unit.argcount,
            posonlyargcount: unit.posonlyargcount,
            kwonlyargcount: unit.kwonlyargcount,
            flags: unit.flags,
            varnames: unit.varnames,
            cell2arg: Vec::new(),
            cellvars: unit.cellvars,
            freevars: unit.freevars,
            names: unit.names,
            consts: unit.consts,
            instructions,
            stacksize: 0,
            locations,
        };
        code.cell2arg = cell_to_arg(&code);
        code.stacksize = stack::max_depth(&code);
        Ok(code)
    }

    /// The statements of a module (or REPL entry, or the expression of `eval`).
    fn module_body(&mut self, body: &'a [Stmt]) -> Result<()> {
        if self.mode == Mode::Eval {
            if let [stmt] = body
                && let StmtKind::Expr { value } = &stmt.kind
            {
                self.compile_expr(value)?;
                self.emit(Instr::ReturnValue);
                return Ok(());
            }
            return Err(internal_error(
                "eval needs one expression",
                Range::default(),
            ));
        }
        self.unit.loc = body.first().map_or(Range::default(), |s| s.range);
        let end = body.last().map_or(Range::default(), |s| s.range);
        if stmt::has_annotations(body) {
            self.emit(Instr::SetupAnnotations);
        }
        let body = if self.mode == Mode::Exec {
            self.store_docstring(body)
        } else {
            body
        };
        self.compile_body(body)?;
        // The implicit `return None` belongs to the last statement, as in CPython.
        self.unit.loc = end;
        self.load_none();
        self.emit(Instr::ReturnValue);
        Ok(())
    }
}

/// Parameters that are also cells: their values are copied into the cells on entry.
fn cell_to_arg(code: &CodeObject) -> Vec<(u32, u32)> {
    let nargs = code.argcount as usize
        + code.kwonlyargcount as usize
        + usize::from(code.flags & code_flags::VARARGS != 0)
        + usize::from(code.flags & code_flags::VARKEYWORDS != 0);
    let params = &code.varnames[..nargs.min(code.varnames.len())];
    code.cellvars
        .iter()
        .enumerate()
        .filter_map(|(cell, name)| {
            let arg = params.iter().position(|p| p == name)?;
            Some((cell as u32, arg as u32))
        })
        .collect()
}

#[cfg(test)]
mod tests;
