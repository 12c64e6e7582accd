//! The errors CPython's code generator raises, found in the order it would meet them:
//! `return`/`yield` outside a function, `break`/`continue` outside a loop, misplaced starred
//! expressions, repeated keyword arguments, a bare `except:` that is not last, `__debug__`.

use crate::syntax::SyntaxError;
use crate::syntax::ast::*;

use super::symtable::SymbolTable;

/// Checks a module; the symbol table has already been built without errors.
pub fn check(module: &Module, _table: &SymbolTable) -> Result<(), SyntaxError> {
    let mut checker = Checker {
        in_function: false,
        in_loop: false,
    };
    checker.body(&module.body)
}

fn error(msg: impl Into<String>, range: Range) -> SyntaxError {
    SyntaxError::syntax(msg, range.start, range.end)
}

struct Checker {
    in_function: bool,
    in_loop: bool,
}

impl Checker {
    fn body(&mut self, body: &[Stmt]) -> Result<(), SyntaxError> {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    /// Checks a nested body with its own function and loop context.
    fn nested(
        &mut self,
        in_function: bool,
        in_loop: bool,
        f: impl FnOnce(&mut Self) -> Result<(), SyntaxError>,
    ) -> Result<(), SyntaxError> {
        let saved = (self.in_function, self.in_loop);
        self.in_function = in_function;
        self.in_loop = in_loop;
        let result = f(self);
        (self.in_function, self.in_loop) = saved;
        result
    }

    fn stmt(&mut self, stmt: &Stmt) -> Result<(), SyntaxError> {
        match &stmt.kind {
            StmtKind::FunctionDef {
                args,
                body,
                decorator_list,
                returns,
                ..
            } => {
                self.exprs(decorator_list)?;
                self.arguments(args, stmt.range)?;
                if let Some(r) = returns {
                    self.expr(r)?;
                }
                self.nested(true, false, |c| c.body(body))?;
            }
            StmtKind::ClassDef {
                bases,
                keywords,
                body,
                decorator_list,
                ..
            } => {
                self.exprs(decorator_list)?;
                self.call_arguments(bases, keywords)?;
                self.nested(false, false, |c| c.body(body))?;
            }
            StmtKind::Return { value } => {
                if !self.in_function {
                    return Err(error("'return' outside function", stmt.range));
                }
                if let Some(v) = value {
                    self.expr(v)?;
                }
            }
            StmtKind::Delete { targets } => {
                for t in targets {
                    self.target(t, "delete")?;
                }
            }
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                for t in targets {
                    self.target(t, "assign to")?;
                }
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(value)?;
                self.target(target, "assign to")?;
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                ..
            } => {
                if let Some(v) = value {
                    self.expr(v)?;
                }
                self.target(target, "assign to")?;
                self.expr(annotation)?;
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => {
                self.expr(iter)?;
                self.target(target, "assign to")?;
                let in_function = self.in_function;
                self.nested(in_function, true, |c| c.body(body))?;
                self.body(orelse)?;
            }
            StmtKind::While { test, body, orelse } => {
                self.expr(test)?;
                let in_function = self.in_function;
                self.nested(in_function, true, |c| c.body(body))?;
                self.body(orelse)?;
            }
            StmtKind::If { test, body, orelse } => {
                self.expr(test)?;
                self.body(body)?;
                self.body(orelse)?;
            }
            StmtKind::With { items, body } => {
                for item in items {
                    self.expr(&item.context_expr)?;
                    if let Some(v) = &item.optional_vars {
                        self.target(v, "assign to")?;
                    }
                }
                self.body(body)?;
            }
            StmtKind::Raise { exc, cause } => {
                for e in [exc, cause].into_iter().flatten() {
                    self.expr(e)?;
                }
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                self.body(body)?;
                for (i, handler) in handlers.iter().enumerate() {
                    if handler.type_.is_none() && i + 1 < handlers.len() {
                        return Err(error("default 'except:' must be last", handler.range));
                    }
                    if let Some(t) = &handler.type_ {
                        self.expr(t)?;
                    }
                    if handler.name.as_deref() == Some("__debug__") {
                        return Err(error("cannot assign to __debug__", handler.range));
                    }
                    self.body(&handler.body)?;
                }
                self.body(orelse)?;
                self.body(finalbody)?;
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                if let Some(m) = msg {
                    self.expr(m)?;
                }
            }
            StmtKind::Import { names } | StmtKind::ImportFrom { names, .. } => {
                for alias in names {
                    if alias.asname.as_deref() == Some("__debug__") {
                        return Err(error("cannot assign to __debug__", alias.range));
                    }
                }
            }
            StmtKind::Expr { value } => self.expr(value)?,
            StmtKind::Break if !self.in_loop => {
                return Err(error("'break' outside loop", stmt.range));
            }
            StmtKind::Continue if !self.in_loop => {
                return Err(error("'continue' not properly in loop", stmt.range));
            }
            StmtKind::Global { .. }
            | StmtKind::Nonlocal { .. }
            | StmtKind::Pass
            | StmtKind::Break
            | StmtKind::Continue => {}
        }
        Ok(())
    }

    /// Parameters: defaults and annotations are ordinary expressions; no parameter may be
    /// called `__debug__` (CPython points at the whole definition).
    fn arguments(&mut self, args: &Arguments, def_range: Range) -> Result<(), SyntaxError> {
        for arg in args.all() {
            if arg.arg == "__debug__" {
                return Err(error("cannot assign to __debug__", def_range));
            }
            if let Some(a) = &arg.annotation {
                self.expr(a)?;
            }
        }
        self.exprs(&args.defaults)?;
        for d in args.kw_defaults.iter().flatten() {
            self.expr(d)?;
        }
        Ok(())
    }

    /// An assignment or deletion target (`verb` is "assign to" or "delete").
    fn target(&mut self, target: &Expr, verb: &str) -> Result<(), SyntaxError> {
        match &target.kind {
            ExprKind::Name { id, .. } if id == "__debug__" => {
                Err(error(format!("cannot {verb} __debug__"), target.range))
            }
            ExprKind::Name { .. } => Ok(()),
            ExprKind::Attribute { value, attr, .. } => {
                if attr == "__debug__" {
                    return Err(error(format!("cannot {verb} __debug__"), target.range));
                }
                self.expr(value)
            }
            ExprKind::Subscript { value, slice, .. } => {
                self.expr(value)?;
                self.expr(slice)
            }
            ExprKind::Starred { .. } => Err(error(
                "starred assignment target must be in a list or tuple",
                target.range,
            )),
            ExprKind::Tuple { elts, .. } | ExprKind::List { elts, .. } => {
                let starred = elts
                    .iter()
                    .filter(|e| matches!(e.kind, ExprKind::Starred { .. }))
                    .count();
                if starred > 1 {
                    return Err(error(
                        "multiple starred expressions in assignment",
                        target.range,
                    ));
                }
                for e in elts {
                    match &e.kind {
                        ExprKind::Starred { value, .. } => self.target(value, verb)?,
                        _ => self.target(e, verb)?,
                    }
                }
                Ok(())
            }
            _ => self.expr(target),
        }
    }

    fn exprs(&mut self, exprs: &[Expr]) -> Result<(), SyntaxError> {
        exprs.iter().try_for_each(|e| self.expr(e))
    }

    /// Elements of a display or call, where `*value` is allowed.
    fn elements(&mut self, exprs: &[Expr]) -> Result<(), SyntaxError> {
        for e in exprs {
            match &e.kind {
                ExprKind::Starred { value, .. } => self.expr(value)?,
                _ => self.expr(e)?,
            }
        }
        Ok(())
    }

    fn call_arguments(&mut self, args: &[Expr], keywords: &[Keyword]) -> Result<(), SyntaxError> {
        for (i, keyword) in keywords.iter().enumerate() {
            let Some(name) = &keyword.arg else { continue };
            if name == "__debug__" {
                return Err(error("cannot assign to __debug__", keyword.range));
            }
            if keywords[..i].iter().any(|k| k.arg.as_ref() == Some(name)) {
                return Err(error(
                    format!("keyword argument repeated: {name}"),
                    keyword.range,
                ));
            }
        }
        self.elements(args)?;
        for k in keywords {
            self.expr(&k.value)?;
        }
        Ok(())
    }

    fn comprehension(
        &mut self,
        generators: &[Comprehension],
        parts: &[&Expr],
    ) -> Result<(), SyntaxError> {
        // Comprehensions are functions of their own, with no loop around them.
        self.nested(true, false, |c| {
            for generator in generators {
                c.expr(&generator.iter)?;
                c.target(&generator.target, "assign to")?;
                c.exprs(&generator.ifs)?;
            }
            parts.iter().try_for_each(|e| c.expr(e))
        })
    }

    fn expr(&mut self, expr: &Expr) -> Result<(), SyntaxError> {
        match &expr.kind {
            ExprKind::Starred { .. } => Err(error("can't use starred expression here", expr.range)),
            ExprKind::Yield { .. } | ExprKind::YieldFrom { .. } if !self.in_function => {
                Err(error("'yield' outside function", expr.range))
            }
            ExprKind::Yield { value } => value.as_deref().map_or(Ok(()), |v| self.expr(v)),
            ExprKind::YieldFrom { value } => self.expr(value),
            ExprKind::Name { .. } | ExprKind::Constant { .. } => Ok(()),
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                self.target(target, "assign to")
            }
            ExprKind::Lambda { args, body } => {
                self.arguments(args, expr.range)?;
                self.nested(true, false, |c| c.expr(body))
            }
            ExprKind::ListComp { elt, generators }
            | ExprKind::SetComp { elt, generators }
            | ExprKind::GeneratorExp { elt, generators } => self.comprehension(generators, &[elt]),
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comprehension(generators, &[key, value]),
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.expr(func)?;
                self.call_arguments(args, keywords)
            }
            ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } | ExprKind::Set { elts } => {
                self.elements(elts)
            }
            ExprKind::BoolOp { values, .. } => self.exprs(values),
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left)?;
                self.expr(right)
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand),
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                self.expr(body)?;
                self.expr(orelse)
            }
            ExprKind::Dict { keys, values } => {
                for (key, value) in keys.iter().zip(values) {
                    if let Some(k) = key {
                        self.expr(k)?;
                    }
                    self.expr(value)?;
                }
                Ok(())
            }
            ExprKind::Compare {
                left, comparators, ..
            } => {
                self.expr(left)?;
                self.exprs(comparators)
            }
            ExprKind::FormattedValue {
                value, format_spec, ..
            } => {
                self.expr(value)?;
                format_spec.as_deref().map_or(Ok(()), |s| self.expr(s))
            }
            ExprKind::JoinedStr { values } => self.exprs(values),
            ExprKind::Attribute { value, .. } => self.expr(value),
            ExprKind::Subscript { value, slice, .. } => {
                self.expr(value)?;
                self.expr(slice)
            }
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper, step].into_iter().flatten() {
                    self.expr(part)?;
                }
                Ok(())
            }
        }
    }
}
