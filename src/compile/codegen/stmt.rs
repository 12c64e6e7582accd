//! Simple statements: expression statements, assignments (plain, augmented, annotated),
//! `del`, `raise`, `assert`, imports and docstrings; compound statements are dispatched to
//! `blocks.rs` and `scopes.rs`.

use super::super::Mode;
use super::super::bytecode::{Constant, Instr};
use super::super::symtable::ScopeKind;
use super::expr::binary_op;
use super::{Compiler, Result};
use crate::syntax::SyntaxError;
use crate::syntax::ast::{
    Alias, Expr, ExprContext, ExprKind, Operator, Range, Stmt, StmtKind, UnaryOp,
};
use num_bigint::BigInt;

/// The docstring of a body: its first statement when that is a string literal.
pub(super) fn docstring(body: &[Stmt]) -> Option<&str> {
    let StmtKind::Expr { value } = &body.first()?.kind else {
        return None;
    };
    match &value.kind {
        ExprKind::Constant {
            value: crate::syntax::ast::Constant::Str(s),
            ..
        } => Some(s),
        _ => None,
    }
}

/// The last comparison a condition tests directly (through `not`, `and`, `or`), if any.
fn last_comparison(test: &Expr) -> Option<Range> {
    match &test.kind {
        ExprKind::Compare { .. } => Some(test.range),
        ExprKind::UnaryOp {
            op: UnaryOp::Not,
            operand,
        } => last_comparison(operand),
        ExprKind::BoolOp { values, .. } => values.iter().rev().find_map(last_comparison),
        _ => None,
    }
}

/// Whether a module or class body has an annotated assignment outside nested functions and
/// classes (then it needs `__annotations__`).
pub(super) fn has_annotations(body: &[Stmt]) -> bool {
    body.iter().any(|stmt| match &stmt.kind {
        StmtKind::AnnAssign { .. } => true,
        StmtKind::For { body, orelse, .. }
        | StmtKind::While { body, orelse, .. }
        | StmtKind::If { body, orelse, .. } => has_annotations(body) || has_annotations(orelse),
        StmtKind::With { body, .. } => has_annotations(body),
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        } => {
            has_annotations(body)
                || handlers.iter().any(|h| has_annotations(&h.body))
                || has_annotations(orelse)
                || has_annotations(finalbody)
        }
        _ => false,
    })
}

impl<'a> Compiler<'a> {
    pub(super) fn compile_body(&mut self, body: &'a [Stmt]) -> Result<()> {
        body.iter().try_for_each(|s| self.compile_stmt(s))
    }

    pub(super) fn compile_stmt(&mut self, stmt: &'a Stmt) -> Result<()> {
        self.at(stmt.range, |c| c.stmt_kind(stmt))
    }

    /// A module's or class's docstring goes to `__doc__`; returns the rest of the body.
    pub(super) fn store_docstring(&mut self, body: &'a [Stmt]) -> &'a [Stmt] {
        let Some(doc) = docstring(body) else {
            return body;
        };
        let saved = std::mem::replace(&mut self.unit.loc, body[0].range);
        self.load_const(Constant::Str(doc.to_string()));
        self.store_namespace("__doc__");
        self.unit.loc = saved;
        &body[1..]
    }

    fn stmt_kind(&mut self, stmt: &'a Stmt) -> Result<()> {
        match &stmt.kind {
            StmtKind::Expr { value } => self.expression_statement(value)?,
            StmtKind::Assign { targets, value } => {
                self.compile_expr(value)?;
                for (i, target) in targets.iter().enumerate() {
                    if i + 1 < targets.len() {
                        self.emit(Instr::Copy(1));
                    }
                    self.store_target(target)?;
                }
            }
            StmtKind::AugAssign { target, op, value } => self.aug_assign(target, *op, value)?,
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => self.ann_assign(target, annotation, value.as_deref(), *simple)?,
            StmtKind::Delete { targets } => {
                for target in targets {
                    self.delete_target(target)?;
                }
            }
            StmtKind::Pass | StmtKind::Global { .. } | StmtKind::Nonlocal { .. } => {}
            StmtKind::Raise { exc, cause } => {
                let mut n = 0;
                for part in [exc, cause].into_iter().flatten() {
                    self.compile_expr(part)?;
                    n += 1;
                }
                self.emit(Instr::Raise(n));
            }
            StmtKind::Assert { test, msg } => self.assert(test, msg.as_deref())?,
            StmtKind::Import { names } => names.iter().try_for_each(|a| self.import(a))?,
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => self.import_from(module.as_deref(), names, *level)?,
            StmtKind::If { test, body, orelse } => self.if_stmt(test, body, orelse)?,
            StmtKind::While { test, body, orelse } => self.while_stmt(test, body, orelse)?,
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => self.for_stmt(target, iter, body, orelse)?,
            StmtKind::With { items, body } => self.with_stmt(items, body, stmt.range)?,
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => self.try_stmt(body, handlers, orelse, finalbody)?,
            StmtKind::Return { value } => self.return_stmt(value.as_deref())?,
            StmtKind::Break => self.break_or_continue(true, stmt)?,
            StmtKind::Continue => self.break_or_continue(false, stmt)?,
            StmtKind::FunctionDef {
                name,
                args,
                body,
                decorator_list,
                returns,
            } => self.function_def(stmt, name, args, body, decorator_list, returns.as_deref())?,
            StmtKind::ClassDef {
                name,
                bases,
                keywords,
                body,
                decorator_list,
            } => self.class_def(stmt, name, bases, keywords, body, decorator_list)?,
        }
        Ok(())
    }

    /// The REPL echoes the value of an expression statement at its top level (also inside
    /// `if` or `for` there, as CPython does); elsewhere the value is dropped, and a lone
    /// constant (a docstring-like string, `...`) is not even evaluated.
    fn expression_statement(&mut self, value: &'a Expr) -> Result<()> {
        if self.mode == Mode::Interactive && self.unit.kind == ScopeKind::Module {
            self.compile_expr(value)?;
            self.emit(Instr::PrintExpr);
            return Ok(());
        }
        if matches!(value.kind, ExprKind::Constant { .. }) {
            return Ok(());
        }
        self.compile_expr(value)?;
        self.emit(Instr::Pop);
        Ok(())
    }

    /// `target op= value`: the container and key of `a.x`/`a[i]` are evaluated once.
    fn aug_assign(&mut self, target: &'a Expr, op: Operator, value: &'a Expr) -> Result<()> {
        let op = Instr::InplaceOp(binary_op(op));
        match &target.kind {
            ExprKind::Name { id, .. } => {
                self.at(target.range, |c| c.name_op(id, ExprContext::Load))?;
                self.compile_expr(value)?;
                self.emit(op);
                self.at(target.range, |c| c.name_op(id, ExprContext::Store))
            }
            ExprKind::Attribute {
                value: obj, attr, ..
            } => {
                self.compile_expr(obj)?;
                let i = self.mangled_index(attr);
                self.at(target.range, |c| {
                    c.emit(Instr::Copy(1));
                    c.emit(Instr::LoadAttr(i));
                    Ok(())
                })?;
                self.compile_expr(value)?;
                self.emit(op);
                // [obj, result] -> [result, obj]
                self.at(target.range, |c| {
                    c.emit(Instr::Swap(2));
                    c.emit(Instr::StoreAttr(i));
                    Ok(())
                })
            }
            ExprKind::Subscript {
                value: container,
                slice,
                ..
            } => {
                self.compile_expr(container)?;
                self.compile_expr(slice)?;
                self.at(target.range, |c| {
                    c.emit(Instr::Copy(2));
                    c.emit(Instr::Copy(2));
                    c.emit(Instr::BinarySubscr);
                    Ok(())
                })?;
                self.compile_expr(value)?;
                self.emit(op);
                // [container, key, result] -> [result, container, key]
                self.at(target.range, |c| {
                    c.emit(Instr::Swap(3));
                    c.emit(Instr::Swap(2));
                    c.emit(Instr::StoreSubscr);
                    Ok(())
                })
            }
            _ => Err(SyntaxError::syntax(
                "'expression' is an illegal expression for augmented assignment",
                target.range.start,
                target.range.end,
            )),
        }
    }

    /// `target: annotation [= value]`. Module and class bodies record a simple name's
    /// annotation in `__annotations__` and evaluate other annotations; functions evaluate
    /// none. Without a value, an attribute's object or a subscript's parts are still
    /// evaluated.
    fn ann_assign(
        &mut self,
        target: &'a Expr,
        annotation: &'a Expr,
        value: Option<&'a Expr>,
        simple: bool,
    ) -> Result<()> {
        let namespace = matches!(self.unit.kind, ScopeKind::Module | ScopeKind::Class);
        if let Some(value) = value {
            self.compile_expr(value)?;
            self.store_target(target)?;
        }
        match &target.kind {
            ExprKind::Name { id, .. } if simple && namespace => {
                self.compile_expr(annotation)?;
                self.load_namespace("__annotations__");
                let key = self.mangle(id);
                self.load_const(Constant::Str(key));
                self.emit(Instr::StoreSubscr);
                return Ok(());
            }
            ExprKind::Attribute { value: obj, .. } if value.is_none() => {
                self.compile_expr(obj)?;
                self.emit(Instr::Pop);
            }
            ExprKind::Subscript {
                value: container,
                slice,
                ..
            } if value.is_none() => {
                for part in [container, slice] {
                    self.compile_expr(part)?;
                    self.emit(Instr::Pop);
                }
            }
            _ => {}
        }
        if !simple && namespace {
            self.compile_expr(annotation)?;
            self.emit(Instr::Pop);
        }
        Ok(())
    }

    /// `assert test, msg`: `raise AssertionError(msg)` unless the test holds.
    fn assert(&mut self, test: &'a Expr, msg: Option<&'a Expr>) -> Result<()> {
        let ok = self.new_label();
        self.jump_if(test, true, ok)?;
        // CPython 3.11 raises from the comparison in the test, when there is one, so its
        // traceback underlines `x == y` rather than the whole statement.
        let range = last_comparison(test).unwrap_or(self.unit.loc);
        self.at(range, |c| {
            c.emit(Instr::LoadAssertionError);
            if let Some(msg) = msg {
                c.emit(Instr::PushNull);
                c.compile_expr(msg)?;
                c.emit(Instr::Call(1));
            }
            c.emit(Instr::Raise(1));
            Ok(())
        })?;
        self.bind(ok);
        Ok(())
    }

    /// `import a.b.c` binds `a`; `import a.b.c as d` binds the submodule, reached from the
    /// package by attribute steps.
    fn import(&mut self, alias: &'a Alias) -> Result<()> {
        self.load_const(Constant::Int(BigInt::from(0)));
        self.load_none();
        let i = self.name_index(&alias.name);
        self.emit(Instr::ImportName(i));
        let mut parts = alias.name.split('.');
        let top = parts.next().unwrap_or(&alias.name);
        let Some(asname) = &alias.asname else {
            return self.name_op(top, ExprContext::Store);
        };
        let rest: Vec<&str> = parts.collect();
        let Some((last, middle)) = rest.split_last() else {
            return self.name_op(asname, ExprContext::Store);
        };
        for part in middle {
            // [package, sub] -> [sub]
            let i = self.name_index(part);
            self.emit(Instr::ImportFrom(i));
            self.emit(Instr::Swap(2));
            self.emit(Instr::Pop);
        }
        let i = self.name_index(last);
        self.emit(Instr::ImportFrom(i));
        self.name_op(asname, ExprContext::Store)?;
        self.emit(Instr::Pop);
        Ok(())
    }

    /// `from module import names` (or `*`), relative by `level` dots.
    fn import_from(&mut self, module: Option<&str>, names: &'a [Alias], level: u32) -> Result<()> {
        self.load_const(Constant::Int(BigInt::from(level)));
        let fromlist = names
            .iter()
            .map(|a| Constant::Str(a.name.clone()))
            .collect();
        self.load_const(Constant::Tuple(fromlist));
        let i = self.name_index(module.unwrap_or(""));
        self.emit(Instr::ImportName(i));
        if names.first().is_some_and(|a| a.name == "*") {
            self.emit(Instr::ImportStar);
            return Ok(());
        }
        for alias in names {
            let i = self.name_index(&alias.name);
            self.emit(Instr::ImportFrom(i));
            self.name_op(
                alias.asname.as_deref().unwrap_or(&alias.name),
                ExprContext::Store,
            )?;
        }
        self.emit(Instr::Pop);
        Ok(())
    }
}
