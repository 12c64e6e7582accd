//! Symbol tables: which names each scope binds, and whether a name is local, global, free or a
//! cell — Python's scoping rules, with CPython's compile-time errors for `global`, `nonlocal`,
//! duplicate parameters, `import *` and assignment expressions in comprehensions.
//!
//! Scopes are numbered in the order a depth-first walk of the tree meets them (module first,
//! then each function, lambda, class and comprehension as it appears), so the code generator
//! can find a node's scope by walking in the same order.

use std::collections::HashMap;

use crate::syntax::SyntaxError;
use crate::syntax::ast::*;

pub type ScopeId = usize;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Class,
    Function,
    Lambda,
    Comprehension,
}

/// Where a name lives at run time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SymbolScope {
    /// A fast local of a function (or a name in a module or class namespace).
    Local,
    /// Declared `global`.
    GlobalExplicit,
    /// Used but bound nowhere in an enclosing function: looked up in globals, then builtins.
    GlobalImplicit,
    /// Bound in an enclosing function and used here.
    Free,
    /// Bound here and used by a nested function.
    Cell,
}

/// What a scope does with a name (several can hold at once).
pub mod flags {
    pub const DEF_GLOBAL: u16 = 1;
    pub const DEF_LOCAL: u16 = 1 << 1;
    pub const DEF_PARAM: u16 = 1 << 2;
    pub const DEF_NONLOCAL: u16 = 1 << 3;
    pub const USE: u16 = 1 << 4;
    pub const DEF_IMPORT: u16 = 1 << 5;
    pub const DEF_ANNOT: u16 = 1 << 6;
    /// The iteration variable of a comprehension.
    pub const DEF_COMP_ITER: u16 = 1 << 7;
    /// Bound by an assignment expression inside a comprehension.
    pub const DEF_COMP_WALRUS: u16 = 1 << 8;
    pub const BOUND: u16 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;
}

use flags::*;

#[derive(Clone, Debug)]
pub struct Symbol {
    pub name: String,
    pub flags: u16,
    pub scope: SymbolScope,
}

#[derive(Clone, Debug)]
pub struct Scope {
    pub kind: ScopeKind,
    pub name: String,
    pub parent: Option<ScopeId>,
    pub children: Vec<ScopeId>,
    /// The range of the node that opens the scope (the `def`, `class`, `lambda` or
    /// comprehension), by which the code generator finds a node's scope.
    pub range: Range,
    /// Symbols in the order they were first seen.
    pub symbols: Vec<Symbol>,
    index: HashMap<String, usize>,
    /// Parameter names in order (positional-only, ordinary, *args, keyword-only, **kwargs).
    pub params: Vec<String>,
    pub is_generator: bool,
    /// The class body must provide the `__class__` cell (a method uses `super()` or
    /// `__class__`).
    pub needs_class_cell: bool,
    /// Names a class body binds for itself while its methods take them, free, from an
    /// enclosing function: the class passes them through (CPython's DEF_FREE_CLASS).
    pub class_free: Vec<String>,
    /// The first `global`/`nonlocal` statement naming each name, where errors about it point.
    directives: HashMap<String, Range>,
}

impl Scope {
    fn new(kind: ScopeKind, name: &str, parent: Option<ScopeId>, range: Range) -> Scope {
        Scope {
            kind,
            name: name.to_string(),
            parent,
            children: Vec::new(),
            range,
            symbols: Vec::new(),
            index: HashMap::new(),
            params: Vec::new(),
            is_generator: false,
            needs_class_cell: false,
            class_free: Vec::new(),
            directives: HashMap::new(),
        }
    }

    pub fn lookup(&self, name: &str) -> Option<&Symbol> {
        self.index.get(name).map(|&i| &self.symbols[i])
    }

    fn flags_of(&self, name: &str) -> u16 {
        self.lookup(name).map_or(0, |s| s.flags)
    }

    fn is_function_like(&self) -> bool {
        matches!(
            self.kind,
            ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension
        )
    }
}

#[derive(Clone, Debug)]
pub struct SymbolTable {
    pub scopes: Vec<Scope>,
}

impl SymbolTable {
    pub fn scope(&self, id: ScopeId) -> &Scope {
        &self.scopes[id]
    }
}

/// Builds and analyses the symbol table of a module.
pub fn build(module: &Module) -> Result<SymbolTable, SyntaxError> {
    let mut builder = Builder {
        scopes: vec![Scope::new(ScopeKind::Module, "top", None, Range::default())],
        current: 0,
        comprehension_iter: false,
    };
    builder.visit_body(&module.body)?;
    let mut table = SymbolTable {
        scopes: builder.scopes,
    };
    analyze(&mut table)?;
    Ok(table)
}

fn error(msg: impl Into<String>, range: Range) -> SyntaxError {
    SyntaxError::syntax(msg, range.start, range.end)
}

struct Builder {
    scopes: Vec<Scope>,
    current: ScopeId,
    /// Inside the iterable of a comprehension's first `for` (where `:=` is not allowed).
    comprehension_iter: bool,
}

impl Builder {
    fn scope(&mut self) -> &mut Scope {
        &mut self.scopes[self.current]
    }

    fn add(&mut self, name: &str, flag: u16) {
        self.add_in(self.current, name, flag);
    }

    fn add_in(&mut self, id: ScopeId, name: &str, flag: u16) {
        let scope = &mut self.scopes[id];
        match scope.index.get(name) {
            Some(&i) => scope.symbols[i].flags |= flag,
            None => {
                scope.index.insert(name.to_string(), scope.symbols.len());
                scope.symbols.push(Symbol {
                    name: name.to_string(),
                    flags: flag,
                    scope: SymbolScope::Local,
                });
            }
        }
    }

    fn enter(&mut self, kind: ScopeKind, name: &str, range: Range) -> ScopeId {
        let id = self.scopes.len();
        self.scopes
            .push(Scope::new(kind, name, Some(self.current), range));
        self.scopes[self.current].children.push(id);
        self.current = id;
        id
    }

    fn leave(&mut self, parent: ScopeId) {
        self.current = parent;
    }

    fn visit_body(&mut self, body: &[Stmt]) -> Result<(), SyntaxError> {
        body.iter().try_for_each(|s| self.visit_stmt(s))
    }

    fn visit_stmt(&mut self, stmt: &Stmt) -> Result<(), SyntaxError> {
        match &stmt.kind {
            StmtKind::FunctionDef {
                name,
                args,
                body,
                decorator_list,
                returns,
            } => {
                self.visit_exprs(decorator_list)?;
                self.visit_defaults(args)?;
                self.visit_annotations(args)?;
                if let Some(r) = returns {
                    self.visit_expr(r)?;
                }
                self.add(name, DEF_LOCAL);
                let parent = self.current;
                self.enter(ScopeKind::Function, name, stmt.range);
                self.visit_params(args)?;
                self.visit_body(body)?;
                self.leave(parent);
            }
            StmtKind::ClassDef {
                name,
                bases,
                keywords,
                body,
                decorator_list,
            } => {
                self.visit_exprs(decorator_list)?;
                self.visit_exprs(bases)?;
                for k in keywords {
                    self.visit_expr(&k.value)?;
                }
                self.add(name, DEF_LOCAL);
                let parent = self.current;
                self.enter(ScopeKind::Class, name, stmt.range);
                self.visit_body(body)?;
                self.leave(parent);
            }
            StmtKind::Return { value } => {
                if let Some(v) = value {
                    self.visit_expr(v)?;
                }
            }
            StmtKind::Delete { targets } => self.visit_exprs(targets)?,
            StmtKind::Assign { targets, value } => {
                self.visit_exprs(targets)?;
                self.visit_expr(value)?;
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.visit_expr(target)?;
                self.visit_expr(value)?;
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => {
                if let (ExprKind::Name { id, .. }, true) = (&target.kind, simple) {
                    let current = self.scope().flags_of(id);
                    if current & (DEF_GLOBAL | DEF_NONLOCAL) != 0 {
                        let what = if current & DEF_GLOBAL != 0 {
                            "global"
                        } else {
                            "nonlocal"
                        };
                        return Err(error(
                            format!("annotated name '{id}' can't be {what}"),
                            stmt.range,
                        ));
                    }
                    self.add(id, DEF_ANNOT | DEF_LOCAL);
                } else {
                    self.visit_expr(target)?;
                }
                self.visit_expr(annotation)?;
                if let Some(v) = value {
                    self.visit_expr(v)?;
                }
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => {
                self.visit_expr(target)?;
                self.visit_expr(iter)?;
                self.visit_body(body)?;
                self.visit_body(orelse)?;
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.visit_expr(test)?;
                self.visit_body(body)?;
                self.visit_body(orelse)?;
            }
            StmtKind::With { items, body } => {
                for item in items {
                    self.visit_expr(&item.context_expr)?;
                    if let Some(v) = &item.optional_vars {
                        self.visit_expr(v)?;
                    }
                }
                self.visit_body(body)?;
            }
            StmtKind::Raise { exc, cause } => {
                for e in [exc, cause].into_iter().flatten() {
                    self.visit_expr(e)?;
                }
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                self.visit_body(body)?;
                for h in handlers {
                    if let Some(t) = &h.type_ {
                        self.visit_expr(t)?;
                    }
                    if let Some(name) = &h.name {
                        self.add(name, DEF_LOCAL);
                    }
                    self.visit_body(&h.body)?;
                }
                self.visit_body(orelse)?;
                self.visit_body(finalbody)?;
            }
            StmtKind::Assert { test, msg } => {
                self.visit_expr(test)?;
                if let Some(m) = msg {
                    self.visit_expr(m)?;
                }
            }
            StmtKind::Import { names } => {
                for alias in names {
                    // `import a.b` binds `a`.
                    let bound = alias
                        .asname
                        .as_deref()
                        .unwrap_or_else(|| alias.name.split('.').next().unwrap_or(&alias.name));
                    self.add(bound, DEF_IMPORT);
                }
            }
            StmtKind::ImportFrom { names, .. } => {
                for alias in names {
                    if alias.name == "*" {
                        if self.scope().kind != ScopeKind::Module {
                            return Err(error(
                                "import * only allowed at module level",
                                alias.range,
                            ));
                        }
                        continue;
                    }
                    self.add(alias.asname.as_deref().unwrap_or(&alias.name), DEF_IMPORT);
                }
            }
            StmtKind::Global { names } => {
                for name in names {
                    self.declare(name, DEF_GLOBAL, stmt.range)?;
                }
            }
            StmtKind::Nonlocal { names } => {
                for name in names {
                    self.declare(name, DEF_NONLOCAL, stmt.range)?;
                }
            }
            StmtKind::Expr { value } => self.visit_expr(value)?,
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
        }
        Ok(())
    }

    /// `global name` or `nonlocal name`, with CPython's checks on what came before.
    fn declare(&mut self, name: &str, flag: u16, range: Range) -> Result<(), SyntaxError> {
        let what = if flag == DEF_GLOBAL {
            "global"
        } else {
            "nonlocal"
        };
        let current = self.scope().flags_of(name);
        if current & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
            let msg = if current & DEF_PARAM != 0 {
                format!("name '{name}' is parameter and {what}")
            } else if current & USE != 0 {
                format!("name '{name}' is used prior to {what} declaration")
            } else if current & DEF_ANNOT != 0 {
                format!("annotated name '{name}' can't be {what}")
            } else {
                format!("name '{name}' is assigned to before {what} declaration")
            };
            return Err(error(msg, range));
        }
        if flag == DEF_NONLOCAL && self.scope().kind == ScopeKind::Module {
            return Err(error(
                "nonlocal declaration not allowed at module level",
                range,
            ));
        }
        self.add(name, flag);
        self.scope()
            .directives
            .entry(name.to_string())
            .or_insert(range);
        Ok(())
    }

    fn visit_params(&mut self, args: &Arguments) -> Result<(), SyntaxError> {
        for arg in args.all() {
            if self.scope().flags_of(&arg.arg) & DEF_PARAM != 0 {
                let msg = format!("duplicate argument '{}' in function definition", arg.arg);
                return Err(error(msg, arg.range));
            }
            self.add(&arg.arg, DEF_PARAM);
            self.scope().params.push(arg.arg.clone());
        }
        Ok(())
    }

    /// Defaults are evaluated where the function is defined.
    fn visit_defaults(&mut self, args: &Arguments) -> Result<(), SyntaxError> {
        self.visit_exprs(&args.defaults)?;
        for d in args.kw_defaults.iter().flatten() {
            self.visit_expr(d)?;
        }
        Ok(())
    }

    /// Annotations are evaluated where the function is defined, as in 3.11.
    fn visit_annotations(&mut self, args: &Arguments) -> Result<(), SyntaxError> {
        for arg in args.all() {
            if let Some(a) = &arg.annotation {
                self.visit_expr(a)?;
            }
        }
        Ok(())
    }

    fn visit_exprs(&mut self, exprs: &[Expr]) -> Result<(), SyntaxError> {
        exprs.iter().try_for_each(|e| self.visit_expr(e))
    }

    fn visit_expr(&mut self, expr: &Expr) -> Result<(), SyntaxError> {
        match &expr.kind {
            ExprKind::Name { id, ctx } => {
                let flag = match ctx {
                    ExprContext::Load => USE,
                    _ => DEF_LOCAL,
                };
                self.add(id, flag);
                // Zero-argument `super()` reads the class through the `__class__` cell.
                if *ctx == ExprContext::Load && id == "super" {
                    self.add("__class__", USE);
                }
            }
            ExprKind::NamedExpr { target, value } => {
                if self.comprehension_iter {
                    return Err(error(
                        "assignment expression cannot be used in a comprehension iterable expression",
                        expr.range,
                    ));
                }
                self.visit_expr(value)?;
                self.named_expr_target(target)?;
            }
            ExprKind::Lambda { args, body } => {
                self.visit_defaults(args)?;
                let parent = self.current;
                self.enter(ScopeKind::Lambda, "lambda", expr.range);
                self.visit_params(args)?;
                self.visit_expr(body)?;
                self.leave(parent);
            }
            ExprKind::ListComp { elt, generators } => {
                self.comprehension("listcomp", expr.range, generators, elt, None)?
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension("setcomp", expr.range, generators, elt, None)?
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension("genexpr", expr.range, generators, elt, None)?
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comprehension("dictcomp", expr.range, generators, key, Some(value))?,
            ExprKind::Yield { value } => {
                self.yield_check(expr)?;
                if let Some(v) = value {
                    self.visit_expr(v)?;
                }
            }
            ExprKind::YieldFrom { value } => {
                self.yield_check(expr)?;
                self.visit_expr(value)?;
            }
            ExprKind::BoolOp { values, .. } => self.visit_exprs(values)?,
            ExprKind::BinOp { left, right, .. } => {
                self.visit_expr(left)?;
                self.visit_expr(right)?;
            }
            ExprKind::UnaryOp { operand, .. } => self.visit_expr(operand)?,
            ExprKind::IfExp { test, body, orelse } => {
                self.visit_expr(test)?;
                self.visit_expr(body)?;
                self.visit_expr(orelse)?;
            }
            ExprKind::Dict { keys, values } => {
                for (key, value) in keys.iter().zip(values) {
                    if let Some(k) = key {
                        self.visit_expr(k)?;
                    }
                    self.visit_expr(value)?;
                }
            }
            ExprKind::Set { elts } | ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => {
                self.visit_exprs(elts)?
            }
            ExprKind::Compare {
                left, comparators, ..
            } => {
                self.visit_expr(left)?;
                self.visit_exprs(comparators)?;
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.visit_expr(func)?;
                self.visit_exprs(args)?;
                for k in keywords {
                    self.visit_expr(&k.value)?;
                }
            }
            ExprKind::FormattedValue {
                value, format_spec, ..
            } => {
                self.visit_expr(value)?;
                if let Some(spec) = format_spec {
                    self.visit_expr(spec)?;
                }
            }
            ExprKind::JoinedStr { values } => self.visit_exprs(values)?,
            ExprKind::Attribute { value, .. } | ExprKind::Starred { value, .. } => {
                self.visit_expr(value)?
            }
            ExprKind::Subscript { value, slice, .. } => {
                self.visit_expr(value)?;
                self.visit_expr(slice)?;
            }
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper, step].into_iter().flatten() {
                    self.visit_expr(part)?;
                }
            }
            ExprKind::Constant { .. } => {}
        }
        Ok(())
    }

    /// `yield` makes the function a generator; in a comprehension it is an error.
    fn yield_check(&mut self, expr: &Expr) -> Result<(), SyntaxError> {
        let scope = &self.scopes[self.current];
        if scope.kind == ScopeKind::Comprehension {
            let kind = match scope.name.as_str() {
                "listcomp" => "list comprehension",
                "setcomp" => "set comprehension",
                "dictcomp" => "dict comprehension",
                _ => "generator expression",
            };
            return Err(error(format!("'yield' inside {kind}"), expr.range));
        }
        self.scope().is_generator = true;
        Ok(())
    }

    /// A comprehension: its first iterable is evaluated outside, the rest in its own scope.
    fn comprehension(
        &mut self,
        name: &str,
        range: Range,
        generators: &[Comprehension],
        elt: &Expr,
        value: Option<&Expr>,
    ) -> Result<(), SyntaxError> {
        let Some(first) = generators.first() else {
            return Ok(());
        };
        let was_iter = std::mem::replace(&mut self.comprehension_iter, true);
        self.visit_expr(&first.iter)?;
        self.comprehension_iter = was_iter;
        let parent = self.current;
        let id = self.enter(ScopeKind::Comprehension, name, range);
        self.scopes[id].params.push(".0".to_string());
        self.add(".0", DEF_PARAM);
        if name == "genexpr" {
            self.scopes[id].is_generator = true;
        }
        for (i, generator) in generators.iter().enumerate() {
            self.comprehension_target(&generator.target)?;
            if i > 0 {
                let was_iter = std::mem::replace(&mut self.comprehension_iter, true);
                self.visit_expr(&generator.iter)?;
                self.comprehension_iter = was_iter;
            }
            self.visit_exprs(&generator.ifs)?;
        }
        self.visit_expr(elt)?;
        if let Some(v) = value {
            self.visit_expr(v)?;
        }
        self.leave(parent);
        Ok(())
    }

    fn comprehension_target(&mut self, target: &Expr) -> Result<(), SyntaxError> {
        let mut names = Vec::new();
        bound_names(target, &mut names);
        for name in names {
            self.add(name, DEF_COMP_ITER);
        }
        self.visit_expr(target)
    }

    /// The target of `:=`: bound in the nearest enclosing function (or module), not in a
    /// comprehension, as PEP 572 says.
    fn named_expr_target(&mut self, target: &Expr) -> Result<(), SyntaxError> {
        let ExprKind::Name { id, .. } = &target.kind else {
            return self.visit_expr(target);
        };
        if self.scopes[self.current].kind != ScopeKind::Comprehension {
            self.add(id, DEF_LOCAL);
            return Ok(());
        }
        let mut scope = self.current;
        loop {
            let s = &self.scopes[scope];
            if s.kind != ScopeKind::Comprehension {
                break;
            }
            if s.flags_of(id) & DEF_COMP_ITER != 0 {
                let msg = format!(
                    "assignment expression cannot rebind comprehension iteration variable '{id}'"
                );
                return Err(error(msg, target.range));
            }
            scope = s.parent.unwrap_or(0);
        }
        match self.scopes[scope].kind {
            ScopeKind::Class => Err(error(
                "assignment expression within a comprehension cannot be used in a class body",
                target.range,
            )),
            ScopeKind::Module => {
                self.add(id, DEF_COMP_WALRUS | DEF_GLOBAL);
                self.add_in(scope, id, DEF_LOCAL);
                Ok(())
            }
            // A name declared global there stays global.
            _ if self.scopes[scope].flags_of(id) & DEF_GLOBAL != 0 => {
                self.add(id, DEF_COMP_WALRUS | DEF_GLOBAL);
                Ok(())
            }
            _ => {
                self.add(id, DEF_COMP_WALRUS | DEF_NONLOCAL);
                self.add_in(scope, id, DEF_LOCAL);
                Ok(())
            }
        }
    }
}

/// The names an assignment target binds.
fn bound_names<'a>(target: &'a Expr, out: &mut Vec<&'a str>) {
    match &target.kind {
        ExprKind::Name { id, .. } => out.push(id),
        ExprKind::Tuple { elts, .. } | ExprKind::List { elts, .. } => {
            for e in elts {
                bound_names(e, out);
            }
        }
        ExprKind::Starred { value, .. } => bound_names(value, out),
        _ => {}
    }
}

/// Decides the scope of every symbol, innermost scopes first, and marks cells.
fn analyze(table: &mut SymbolTable) -> Result<(), SyntaxError> {
    analyze_scope(table, 0)
}

fn analyze_scope(table: &mut SymbolTable, id: ScopeId) -> Result<(), SyntaxError> {
    let children = table.scopes[id].children.clone();
    for child in children {
        analyze_scope(table, child)?;
    }
    let count = table.scopes[id].symbols.len();
    for i in 0..count {
        let name = table.scopes[id].symbols[i].name.clone();
        let flags = table.scopes[id].symbols[i].flags;
        let scope = resolve(table, id, &name, flags)?;
        table.scopes[id].symbols[i].scope = scope;
    }
    // A name a nested function takes as free is a cell here if bound here; otherwise it
    // passes through as free (so the closure can reach the scope that binds it).
    let children = table.scopes[id].children.clone();
    for child in children {
        let child_scope = &table.scopes[child];
        let free: Vec<String> = child_scope
            .symbols
            .iter()
            .filter(|s| s.scope == SymbolScope::Free)
            .map(|s| s.name.clone())
            .chain(child_scope.class_free.iter().cloned())
            .collect();
        for name in free {
            pass_free(table, id, &name);
        }
    }
    Ok(())
}

/// Records that `name`, free in a child of `id`, is needed from `id`.
fn pass_free(table: &mut SymbolTable, id: ScopeId, name: &str) {
    let scope = &mut table.scopes[id];
    if scope.kind == ScopeKind::Class && name == "__class__" {
        scope.needs_class_cell = true;
        return;
    }
    match scope.index.get(name) {
        Some(&i) => {
            let symbol = &mut scope.symbols[i];
            match symbol.scope {
                SymbolScope::Local if scope.kind != ScopeKind::Class => {
                    symbol.scope = SymbolScope::Cell
                }
                // A class body's names are not closed over; the method's free variable comes
                // from further out, so the class passes it through as well.
                SymbolScope::Local if !scope.class_free.iter().any(|n| n == name) => {
                    scope.class_free.push(name.to_string());
                }
                _ => {}
            }
        }
        None if scope.kind != ScopeKind::Module => {
            scope.index.insert(name.to_string(), scope.symbols.len());
            scope.symbols.push(Symbol {
                name: name.to_string(),
                flags: 0,
                scope: SymbolScope::Free,
            });
        }
        None => {}
    }
}

/// The scope of `name` in scope `id`, given what `id` does with it.
fn resolve(
    table: &SymbolTable,
    id: ScopeId,
    name: &str,
    flags: u16,
) -> Result<SymbolScope, SyntaxError> {
    let scope = &table.scopes[id];
    if flags & DEF_GLOBAL != 0 {
        if flags & DEF_NONLOCAL != 0 {
            let range = scope.directives.get(name).copied().unwrap_or_default();
            return Err(error(
                format!("name '{name}' is nonlocal and global"),
                range,
            ));
        }
        return Ok(SymbolScope::GlobalExplicit);
    }
    if flags & DEF_NONLOCAL != 0 {
        if enclosing_binding(table, scope.parent, name) {
            return Ok(SymbolScope::Free);
        }
        let range = scope.directives.get(name).copied().unwrap_or_default();
        return Err(error(
            format!("no binding for nonlocal '{name}' found"),
            range,
        ));
    }
    if flags & BOUND != 0 {
        return Ok(SymbolScope::Local);
    }
    if scope.kind != ScopeKind::Module && enclosing_binding(table, scope.parent, name) {
        return Ok(SymbolScope::Free);
    }
    Ok(SymbolScope::GlobalImplicit)
}

/// Whether a function scope enclosing `from` binds `name` (class bodies do not count, and
/// neither does the module).
fn enclosing_binding(table: &SymbolTable, from: Option<ScopeId>, name: &str) -> bool {
    let mut next = from;
    while let Some(id) = next {
        let scope = &table.scopes[id];
        if scope.kind == ScopeKind::Module {
            return false;
        }
        // A class body binds `__class__` for the functions defined in it.
        if scope.kind == ScopeKind::Class && name == "__class__" {
            return true;
        }
        if scope.is_function_like() {
            let flags = scope.flags_of(name);
            if flags & DEF_GLOBAL != 0 {
                return false;
            }
            if flags & (BOUND | DEF_NONLOCAL) != 0 {
                return true;
            }
        }
        next = scope.parent;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::parse_module;

    fn table(source: &str) -> SymbolTable {
        build(&parse_module(source, "t.py").unwrap()).unwrap()
    }

    fn scope_of(table: &SymbolTable, scope: &str, name: &str) -> SymbolScope {
        let s = table.scopes.iter().find(|s| s.name == scope).unwrap();
        s.lookup(name).unwrap().scope
    }

    #[test]
    fn closures_get_cells_and_free_variables() {
        let t = table(
            "def outer():\n    x = 1\n    def inner():\n        return x + y\n    return inner\n",
        );
        assert_eq!(scope_of(&t, "outer", "x"), SymbolScope::Cell);
        assert_eq!(scope_of(&t, "inner", "x"), SymbolScope::Free);
        assert_eq!(scope_of(&t, "inner", "y"), SymbolScope::GlobalImplicit);
        assert_eq!(scope_of(&t, "outer", "inner"), SymbolScope::Local);
    }

    #[test]
    fn class_bodies_are_not_enclosing_scopes() {
        let t = table(
            "def f():\n    x = 1\n    class A:\n        x = 2\n        def m(self):\n            return x\n",
        );
        assert_eq!(scope_of(&t, "m", "x"), SymbolScope::Free);
        assert_eq!(scope_of(&t, "f", "x"), SymbolScope::Cell);
        assert_eq!(scope_of(&t, "A", "x"), SymbolScope::Local);
    }

    #[test]
    fn free_variables_pass_through_intermediate_functions() {
        let t = table(
            "def a():\n    v = 1\n    def b():\n        def c():\n            return v\n        return c\n    return b\n",
        );
        assert_eq!(scope_of(&t, "b", "v"), SymbolScope::Free);
        assert_eq!(scope_of(&t, "a", "v"), SymbolScope::Cell);
    }

    #[test]
    fn global_nonlocal_and_comprehensions() {
        let t = table(
            "n = 0\ndef f():\n    global n\n    n += 1\n    c = 0\n    def g():\n        nonlocal c\n        c += 1\n    return [i for i in range(3) if (last := i)]\n",
        );
        assert_eq!(scope_of(&t, "f", "n"), SymbolScope::GlobalExplicit);
        assert_eq!(scope_of(&t, "g", "c"), SymbolScope::Free);
        assert_eq!(scope_of(&t, "f", "c"), SymbolScope::Cell);
        assert_eq!(scope_of(&t, "listcomp", "i"), SymbolScope::Local);
        assert_eq!(scope_of(&t, "listcomp", "last"), SymbolScope::Free);
        assert_eq!(scope_of(&t, "f", "last"), SymbolScope::Cell);
        assert_eq!(scope_of(&t, "f", "range"), SymbolScope::GlobalImplicit);
    }

    #[test]
    fn super_needs_the_class_cell() {
        let t = table("class A(B):\n    def m(self):\n        return super().m()\n");
        assert!(
            t.scopes
                .iter()
                .find(|s| s.name == "A")
                .unwrap()
                .needs_class_cell
        );
    }
}
