//! Code that opens a scope of its own: `def`, `class`, `lambda` and comprehensions. Each
//! becomes a nested code object (its unit's locals, cells, free variables, flags and
//! qualified name come from its symbol-table scope) and, in the enclosing code, a function
//! made with its defaults, annotations and closure.

use std::sync::Arc;

use super::super::bytecode::{CodeObject, Constant, Instr, code_flags, make_function};
use super::super::symtable::{ScopeId, ScopeKind, SymbolScope};
use super::constants::fold;
use super::stmt::{docstring, has_annotations};
use super::{Compiler, Result, Unit, internal_error};
use crate::syntax::ast::{Arg, Arguments, Comprehension, Expr, ExprContext, Keyword, Range, Stmt};

/// What a comprehension builds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Comp {
    List,
    Set,
    Dict,
    Generator,
}

impl Comp {
    fn name(self) -> &'static str {
        match self {
            Comp::List => "<listcomp>",
            Comp::Set => "<setcomp>",
            Comp::Dict => "<dictcomp>",
            Comp::Generator => "<genexpr>",
        }
    }
}

/// The parameters in the order of `co_varnames`: positional-only, ordinary, keyword-only,
/// then `*args` and `**kwargs`.
fn parameters(args: &Arguments) -> impl Iterator<Item = &Arg> {
    args.posonlyargs
        .iter()
        .chain(&args.args)
        .chain(&args.kwonlyargs)
        .chain(&args.vararg)
        .chain(&args.kwarg)
}

/// The line a function or class starts on: its first decorator's, if it has any.
fn first_line(range: Range, decorators: &[Expr]) -> u32 {
    decorators
        .iter()
        .map(|d| d.range.start.line)
        .chain([range.start.line])
        .min()
        .unwrap_or(range.start.line)
}

impl<'a> Compiler<'a> {
    /// The qualified name of a function, class, lambda or comprehension named `name`
    /// defined in the current unit.
    fn qualname(&self, name: &str, kind: ScopeKind) -> String {
        let parent = &self.unit;
        if parent.kind == ScopeKind::Module {
            return name.to_string();
        }
        if matches!(kind, ScopeKind::Function | ScopeKind::Class) {
            let declared_global = self
                .table
                .scope(parent.scope)
                .lookup(name)
                .is_some_and(|s| s.scope == SymbolScope::GlobalExplicit);
            if declared_global {
                return name.to_string();
            }
        }
        match parent.kind {
            ScopeKind::Function | ScopeKind::Lambda => {
                format!("{}.<locals>.{name}", parent.qualname)
            }
            _ => format!("{}.{name}", parent.qualname),
        }
    }

    /// A unit for the scope `scope`, with its cells and free variables (sorted, as CPython
    /// orders them) and its nesting flag.
    fn scope_unit(&self, scope: ScopeId, kind: ScopeKind, name: &str, line: u32) -> Unit<'a> {
        let table_scope = self.table.scope(scope);
        let private = match kind {
            ScopeKind::Class => Some(name.to_string()),
            _ => self.unit.private.clone(),
        };
        let mut unit = Unit::new(scope, kind, name, &self.qualname(name, kind), line, private);
        let of_scope = |wanted: SymbolScope| {
            table_scope
                .symbols
                .iter()
                .filter(move |s| s.scope == wanted)
                .map(|s| s.name.clone())
        };
        unit.cellvars = of_scope(SymbolScope::Cell).collect();
        if table_scope.needs_class_cell {
            unit.cellvars.push("__class__".to_string());
        }
        unit.freevars = of_scope(SymbolScope::Free)
            .chain(table_scope.class_free.iter().cloned())
            .collect();
        for names in [&mut unit.cellvars, &mut unit.freevars] {
            names.sort();
            names.dedup();
        }
        unit.nested = self.unit.is_function_like() || self.unit.nested;
        if kind != ScopeKind::Class {
            unit.flags = code_flags::OPTIMIZED | code_flags::NEWLOCALS;
            if unit.nested {
                unit.flags |= code_flags::NESTED;
            }
            if table_scope.is_generator {
                unit.flags |= code_flags::GENERATOR;
            }
        }
        unit
    }

    /// Pushes the unit of a function or lambda, with its parameters as the first locals.
    fn enter_function(
        &mut self,
        scope: ScopeId,
        kind: ScopeKind,
        name: &str,
        line: u32,
        args: &Arguments,
    ) {
        let mut unit = self.scope_unit(scope, kind, name, line);
        unit.posonlyargcount = args.posonlyargs.len() as u32;
        unit.argcount = (args.posonlyargs.len() + args.args.len()) as u32;
        unit.kwonlyargcount = args.kwonlyargs.len() as u32;
        if args.vararg.is_some() {
            unit.flags |= code_flags::VARARGS;
        }
        if args.kwarg.is_some() {
            unit.flags |= code_flags::VARKEYWORDS;
        }
        // Cells that are parameters come first, in parameter order (as in CPython, where
        // they share the parameter's slot), then the others, sorted.
        let (mut cells, rest): (Vec<String>, Vec<String>) = std::mem::take(&mut unit.cellvars)
            .into_iter()
            .partition(|c| parameters(args).any(|a| &a.arg == c));
        cells.sort_by_key(|c| parameters(args).position(|a| &a.arg == c));
        cells.extend(rest);
        unit.cellvars = cells;
        self.push_unit(unit);
        for arg in parameters(args) {
            self.varname_index(&arg.arg);
        }
    }

    /// Makes a function of a finished code object: its closure tuple (the cells of the
    /// names it takes from here) goes on top of the optional parts already pushed.
    fn make_function(&mut self, code: Arc<CodeObject>, mut flags: u8) -> Result<()> {
        if !code.freevars.is_empty() {
            for name in &code.freevars {
                let Some(i) = self.cell_index(name) else {
                    return Err(internal_error(
                        &format!("no cell for free variable '{name}'"),
                        self.unit.loc,
                    ));
                };
                self.emit(Instr::LoadClosure(i));
            }
            self.emit(Instr::BuildTuple(code.freevars.len() as u32));
            flags |= make_function::CLOSURE;
        }
        self.load_const(Constant::Code(code));
        self.emit(Instr::MakeFunction(flags));
        Ok(())
    }

    /// Pushes the defaults tuple and the keyword-only defaults dict, if there are any.
    fn defaults(&mut self, args: &'a Arguments) -> Result<u8> {
        let mut flags = 0;
        if !args.defaults.is_empty() {
            match args.defaults.iter().map(fold).collect::<Option<Vec<_>>>() {
                Some(values) => self.load_const(Constant::Tuple(values)),
                None => {
                    for d in &args.defaults {
                        self.compile_expr(d)?;
                    }
                    self.emit(Instr::BuildTuple(args.defaults.len() as u32));
                }
            }
            flags |= make_function::DEFAULTS;
        }
        let mut n = 0;
        for (arg, default) in args.kwonlyargs.iter().zip(&args.kw_defaults) {
            if let Some(default) = default {
                let name = self.mangle(&arg.arg);
                self.load_const(Constant::Str(name));
                self.compile_expr(default)?;
                n += 1;
            }
        }
        if n > 0 {
            self.emit(Instr::BuildMap(n));
            flags |= make_function::KWDEFAULTS;
        }
        Ok(flags)
    }

    /// Pushes the annotations tuple (name, value, name, value, …) if there are any, in
    /// CPython's order: ordinary, positional-only, `*args`, keyword-only, `**kwargs`,
    /// `return`.
    fn annotations(&mut self, args: &'a Arguments, returns: Option<&'a Expr>) -> Result<u8> {
        let params = args
            .args
            .iter()
            .chain(&args.posonlyargs)
            .chain(&args.vararg)
            .chain(&args.kwonlyargs)
            .chain(&args.kwarg);
        let mut n = 0;
        for arg in params {
            if let Some(annotation) = &arg.annotation {
                let name = self.mangle(&arg.arg);
                self.load_const(Constant::Str(name));
                self.compile_expr(annotation)?;
                n += 1;
            }
        }
        if let Some(returns) = returns {
            self.load_const(Constant::Str("return".to_string()));
            self.compile_expr(returns)?;
            n += 1;
        }
        if n == 0 {
            return Ok(0);
        }
        self.emit(Instr::BuildTuple(2 * n));
        Ok(make_function::ANNOTATIONS)
    }

    /// Evaluates the decorators (each with the NULL slot of its call) before what they
    /// decorate.
    fn decorators(&mut self, decorators: &'a [Expr]) -> Result<()> {
        for d in decorators {
            self.compile_expr(d)?;
            self.at(d.range, |c| {
                c.emit(Instr::PushNull);
                Ok(())
            })?;
        }
        Ok(())
    }

    /// Applies the decorators to the value on top, innermost (last written) first.
    fn apply_decorators(&mut self, decorators: &'a [Expr]) -> Result<()> {
        for d in decorators.iter().rev() {
            self.at(d.range, |c| {
                c.emit(Instr::Call(1));
                Ok(())
            })?;
        }
        Ok(())
    }

    pub(super) fn function_def(
        &mut self,
        stmt: &'a Stmt,
        name: &'a str,
        args: &'a Arguments,
        body: &'a [Stmt],
        decorators: &'a [Expr],
        returns: Option<&'a Expr>,
    ) -> Result<()> {
        self.decorators(decorators)?;
        let mut flags = self.defaults(args)?;
        flags |= self.annotations(args, returns)?;
        let scope = self.child_scope(ScopeKind::Function, stmt.range)?;
        let line = first_line(stmt.range, decorators);
        self.enter_function(scope, ScopeKind::Function, name, line, args);
        self.unit.loc = stmt.range;
        // consts[0] is the docstring, or None, so that a string constant there is never
        // mistaken for one.
        let body = match docstring(body) {
            Some(doc) => {
                self.add_const(Constant::Str(doc.to_string()));
                self.unit.flags |= code_flags::HAS_DOCSTRING;
                &body[1..]
            }
            None => {
                self.add_const(Constant::None);
                body
            }
        };
        self.compile_body(body)?;
        self.unit.loc = body.last().map_or(stmt.range, |s| s.range);
        self.load_none();
        self.emit(Instr::ReturnValue);
        let code = self.finish_unit()?;
        self.make_function(code, flags)?;
        self.apply_decorators(decorators)?;
        self.name_op(name, ExprContext::Store)
    }

    pub(super) fn lambda(
        &mut self,
        e: &'a Expr,
        args: &'a Arguments,
        body: &'a Expr,
    ) -> Result<()> {
        let flags = self.defaults(args)?;
        let scope = self.child_scope(ScopeKind::Lambda, e.range)?;
        self.enter_function(
            scope,
            ScopeKind::Lambda,
            "<lambda>",
            e.range.start.line,
            args,
        );
        // A lambda has no docstring: None goes first, as in a function without one.
        self.add_const(Constant::None);
        self.unit.loc = body.range;
        self.compile_expr(body)?;
        // A generator lambda (`lambda: (yield)`) returns None, not its body's value.
        if self.unit.flags & code_flags::GENERATOR != 0 {
            self.emit(Instr::Pop);
            self.load_none();
        }
        self.emit(Instr::ReturnValue);
        let code = self.finish_unit()?;
        self.at(e.range, |c| c.make_function(code, flags))
    }

    /// `class name(bases, keywords): body` is `__build_class__(<body function>, 'name',
    /// bases, keywords)`, decorated and stored.
    pub(super) fn class_def(
        &mut self,
        stmt: &'a Stmt,
        name: &'a str,
        bases: &'a [Expr],
        keywords: &'a [Keyword],
        body: &'a [Stmt],
        decorators: &'a [Expr],
    ) -> Result<()> {
        self.decorators(decorators)?;
        self.emit(Instr::LoadBuildClass);
        self.emit(Instr::PushNull);
        let scope = self.child_scope(ScopeKind::Class, stmt.range)?;
        let line = first_line(stmt.range, decorators);
        let unit = self.scope_unit(scope, ScopeKind::Class, name, line);
        self.push_unit(unit);
        self.unit.loc = stmt.range;
        self.class_body(body)?;
        let code = self.finish_unit()?;
        self.make_function(code, 0)?;
        let i = self.str_const(name);
        self.emit(Instr::LoadConst(i));
        self.call_args(2, bases, keywords)?;
        self.apply_decorators(decorators)?;
        self.name_op(name, ExprContext::Store)
    }

    /// The body function of a class: it runs in the new class's namespace and returns the
    /// `__class__` cell when methods need it (`type` fills it in).
    fn class_body(&mut self, body: &'a [Stmt]) -> Result<()> {
        self.load_namespace("__name__");
        self.store_namespace("__module__");
        let qualname = self.unit.qualname.clone();
        self.load_const(Constant::Str(qualname));
        self.store_namespace("__qualname__");
        if has_annotations(body) {
            self.emit(Instr::SetupAnnotations);
        }
        let body = self.store_docstring(body);
        self.compile_body(body)?;
        self.unit.loc = body.last().map_or(self.unit.loc, |s| s.range);
        if self.table.scope(self.unit.scope).needs_class_cell {
            let Some(i) = self.cell_index("__class__") else {
                return Err(internal_error("no __class__ cell", self.unit.loc));
            };
            self.emit(Instr::LoadClosure(i));
            self.emit(Instr::Copy(1));
            self.store_namespace("__classcell__");
        } else {
            self.load_none();
        }
        self.emit(Instr::ReturnValue);
        Ok(())
    }

    /// A comprehension is a function of one argument, the iterator of its first `for`
    /// (evaluated here, outside), called at once.
    pub(super) fn comprehension(
        &mut self,
        e: &'a Expr,
        kind: Comp,
        generators: &'a [Comprehension],
        elt: &'a Expr,
        value: Option<&'a Expr>,
    ) -> Result<()> {
        let Some(first) = generators.first() else {
            return Err(internal_error("comprehension without for", e.range));
        };
        let scope = self.child_scope(ScopeKind::Comprehension, e.range)?;
        let mut unit = self.scope_unit(
            scope,
            ScopeKind::Comprehension,
            kind.name(),
            e.range.start.line,
        );
        unit.argcount = 1;
        unit.loc = e.range;
        self.push_unit(unit);
        self.varname_index(".0");
        match kind {
            Comp::List => self.emit(Instr::BuildList(0)),
            Comp::Set => self.emit(Instr::BuildSet(0)),
            Comp::Dict => self.emit(Instr::BuildMap(0)),
            Comp::Generator => {}
        }
        self.comprehension_loops(kind, generators, elt, value)?;
        if kind == Comp::Generator {
            self.load_none();
        }
        self.emit(Instr::ReturnValue);
        let code = self.finish_unit()?;
        self.make_function(code, 0)?;
        self.emit(Instr::PushNull);
        self.compile_expr(&first.iter)?;
        self.emit(Instr::GetIter);
        self.emit(Instr::Call(1));
        Ok(())
    }

    /// The nested loops of a comprehension and the step that adds an element (or yields it).
    fn comprehension_loops(
        &mut self,
        kind: Comp,
        generators: &'a [Comprehension],
        elt: &'a Expr,
        value: Option<&'a Expr>,
    ) -> Result<()> {
        // The collection sits below one iterator per loop.
        let depth = generators.len() as u32 + 1;
        let mut loops = Vec::new();
        for (i, generator) in generators.iter().enumerate() {
            if i == 0 {
                let dot0 = self.varname_index(".0");
                self.emit(Instr::LoadFast(dot0));
            } else {
                self.compile_expr(&generator.iter)?;
                self.emit(Instr::GetIter);
            }
            let start = self.new_label();
            let end = self.new_label();
            self.bind(start);
            self.jump(Instr::ForIter, end);
            self.store_target(&generator.target)?;
            for condition in &generator.ifs {
                self.jump_if(condition, false, start)?;
            }
            loops.push((start, end));
        }
        self.compile_expr(elt)?;
        match (kind, value) {
            (Comp::List, _) => self.emit(Instr::ListAppend(depth)),
            (Comp::Set, _) => self.emit(Instr::SetAdd(depth)),
            (Comp::Dict, Some(value)) => {
                self.compile_expr(value)?;
                self.emit(Instr::MapAdd(depth));
            }
            (Comp::Dict, None) => {
                return Err(internal_error(
                    "dict comprehension without value",
                    elt.range,
                ));
            }
            (Comp::Generator, _) => {
                self.emit(Instr::YieldValue);
                self.emit(Instr::Pop);
            }
        }
        for (start, end) in loops.into_iter().rev() {
            self.jump(Instr::Jump, start);
            self.bind(end);
        }
        Ok(())
    }
}
