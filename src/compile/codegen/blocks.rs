//! Compound statements with control flow — `if`, loops, `try`, `with` — and the
//! compile-time block stack that `return`, `break` and `continue` unwind: each block they
//! leave gets its cleanup inlined (pop an iterator, pop a `SetupFinally` block, run a
//! `finally` body, call `__exit__`, leave an except handler).

use super::super::bytecode::Instr;
use super::constants::{fold, truth};
use super::{Compiler, Label, Result};
use crate::syntax::SyntaxError;
use crate::syntax::ast::{ExceptHandler, Expr, ExprContext, Range, Stmt, WithItem};

/// A block the code being compiled is inside of, and what leaving it early takes.
#[derive(Clone, Copy, Debug)]
pub(super) enum FBlock<'a> {
    While {
        start: Label,
        exit: Label,
    },
    /// The iterator is on the stack.
    For {
        start: Label,
        exit: Label,
    },
    /// The body of `try` with handlers: a `SetupFinally` block is active.
    TryExcept,
    /// The body of `try` with `finally`: a `SetupFinally` block is active; leaving runs the
    /// `finally` body.
    TryFinally {
        body: &'a [Stmt],
    },
    /// The `finally` body run for an exception: `[prev_exc, exc]` on the stack and an
    /// except-handler block active.
    FinallyEnd,
    /// A `with` body: `[exit]` on the stack and a `SetupWith` block active.
    With {
        range: Range,
    },
    /// An except clause's body: `[prev_exc]` on the stack, an except-handler block active and,
    /// when the exception is bound to a name, a `SetupFinally` block that deletes the name.
    Handler {
        name: Option<&'a str>,
    },
}

impl<'a> Compiler<'a> {
    fn push_block(&mut self, block: FBlock<'a>) {
        self.unit.blocks.push(block);
    }

    fn pop_block(&mut self) {
        self.unit.blocks.pop();
    }

    /// Emits what leaving `block` early takes. With `preserve_top`, a value (the one being
    /// returned) sits on top of the stack and must stay there.
    fn unwind(&mut self, block: FBlock<'a>, preserve_top: bool) -> Result<()> {
        match block {
            FBlock::While { .. } => {}
            FBlock::For { .. } => {
                if preserve_top {
                    self.emit(Instr::Swap(2));
                }
                self.emit(Instr::Pop);
            }
            FBlock::TryExcept => self.emit(Instr::PopBlock),
            FBlock::TryFinally { body } => {
                self.emit(Instr::PopBlock);
                self.compile_body(body)?;
            }
            FBlock::FinallyEnd => {
                // [prev_exc, exc, top] -> [prev_exc, top] -> [top]
                if preserve_top {
                    self.emit(Instr::Swap(2));
                }
                self.emit(Instr::Pop);
                self.emit(Instr::PopExcept);
            }
            FBlock::With { range } => {
                self.emit(Instr::PopBlock);
                if preserve_top {
                    self.emit(Instr::Swap(2));
                }
                self.at(range, |c| {
                    c.call_exit_with_nones();
                    Ok(())
                })?;
            }
            FBlock::Handler { name } => {
                if name.is_some() {
                    self.emit(Instr::PopBlock);
                }
                self.emit(Instr::PopExcept);
                if let Some(name) = name {
                    self.clear_name(name)?;
                }
            }
        }
        Ok(())
    }

    /// Unwinds the innermost blocks while `stop` says to go on; each block is unwound with
    /// itself taken off the stack (so a `finally` body that returns does not run itself
    /// again) and put back afterwards. Returns the block `stop` stopped at, if any.
    fn unwind_blocks(
        &mut self,
        preserve_top: bool,
        stop: impl Fn(&FBlock<'a>) -> bool,
    ) -> Result<Option<FBlock<'a>>> {
        let mut taken = Vec::new();
        let mut found = None;
        while let Some(block) = self.unit.blocks.pop() {
            if stop(&block) {
                found = Some(block);
                self.unit.blocks.push(block);
                break;
            }
            let result = self.unwind(block, preserve_top);
            taken.push(block);
            if let Err(e) = result {
                self.unit.blocks.extend(taken.into_iter().rev());
                return Err(e);
            }
        }
        self.unit.blocks.extend(taken.into_iter().rev());
        Ok(found)
    }

    /// `return value`: the value is computed first, then every enclosing block is left.
    pub(super) fn return_stmt(&mut self, value: Option<&'a Expr>) -> Result<()> {
        match value {
            Some(v) => self.compile_expr(v)?,
            None => self.load_none(),
        }
        self.unwind_blocks(true, |_| false)?;
        self.emit(Instr::ReturnValue);
        Ok(())
    }

    /// `break` leaves the innermost loop (popping a `for` loop's iterator); `continue` goes
    /// back to its start. Blocks inside the loop are left on the way.
    pub(super) fn break_or_continue(&mut self, is_break: bool, stmt: &Stmt) -> Result<()> {
        let is_loop = |b: &FBlock| matches!(b, FBlock::While { .. } | FBlock::For { .. });
        let found = self.unwind_blocks(false, is_loop)?;
        let target = match found {
            Some(FBlock::While { start, exit }) => {
                if is_break {
                    exit
                } else {
                    start
                }
            }
            Some(block @ FBlock::For { start, exit }) => {
                if !is_break {
                    start
                } else {
                    // Leaving a `for` loop drops its iterator.
                    self.unwind(block, false)?;
                    exit
                }
            }
            _ => {
                let msg = if is_break {
                    "'break' outside loop"
                } else {
                    "'continue' not properly in loop"
                };
                return Err(SyntaxError::syntax(msg, stmt.range.start, stmt.range.end));
            }
        };
        self.jump(Instr::Jump, target);
        Ok(())
    }

    /// `[exit] -> []`: call `exit(None, None, None)` and drop its result.
    fn call_exit_with_nones(&mut self) {
        self.emit(Instr::PushNull);
        for _ in 0..3 {
            self.load_none();
        }
        self.emit(Instr::Call(3));
        self.emit(Instr::Pop);
    }

    /// `name = None; del name`: an except clause's name does not outlive the clause.
    fn clear_name(&mut self, name: &str) -> Result<()> {
        self.load_none();
        self.name_op(name, ExprContext::Store)?;
        self.name_op(name, ExprContext::Del)
    }

    pub(super) fn if_stmt(
        &mut self,
        test: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> Result<()> {
        let orelse_label = self.new_label();
        self.jump_if(test, false, orelse_label)?;
        self.compile_body(body)?;
        if orelse.is_empty() {
            self.bind(orelse_label);
            return Ok(());
        }
        let end = self.new_label();
        self.jump(Instr::Jump, end);
        self.bind(orelse_label);
        self.compile_body(orelse)?;
        self.bind(end);
        Ok(())
    }

    pub(super) fn while_stmt(
        &mut self,
        test: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> Result<()> {
        let start = self.new_label();
        let orelse_label = self.new_label();
        let exit = self.new_label();
        self.bind(start);
        // `while True:` tests nothing.
        if fold(test).and_then(|c| truth(&c)) != Some(true) {
            self.jump_if(test, false, orelse_label)?;
        }
        self.push_block(FBlock::While { start, exit });
        self.compile_body(body)?;
        self.pop_block();
        self.jump(Instr::Jump, start);
        self.bind(orelse_label);
        self.compile_body(orelse)?;
        self.bind(exit);
        Ok(())
    }

    pub(super) fn for_stmt(
        &mut self,
        target: &'a Expr,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> Result<()> {
        let start = self.new_label();
        let cleanup = self.new_label();
        let exit = self.new_label();
        self.compile_expr(iter)?;
        self.emit(Instr::GetIter);
        self.bind(start);
        self.jump(Instr::ForIter, cleanup);
        self.store_target(target)?;
        self.push_block(FBlock::For { start, exit });
        self.compile_body(body)?;
        self.pop_block();
        self.jump(Instr::Jump, start);
        // ForIter has popped the exhausted iterator.
        self.bind(cleanup);
        self.compile_body(orelse)?;
        self.bind(exit);
        Ok(())
    }

    /// `with a as x, b: body` is `with a as x: with b: body`.
    pub(super) fn with_stmt(
        &mut self,
        items: &'a [WithItem],
        body: &'a [Stmt],
        range: Range,
    ) -> Result<()> {
        let Some((item, rest)) = items.split_first() else {
            return self.compile_body(body);
        };
        let handler = self.new_label();
        let suppress = self.new_label();
        let end = self.new_label();
        self.compile_expr(&item.context_expr)?;
        self.emit(Instr::BeforeWith);
        self.jump(Instr::SetupWith, handler);
        // [exit, enter_result]: the result goes to the target, inside the block.
        self.push_block(FBlock::With { range });
        match &item.optional_vars {
            Some(target) => self.store_target(target)?,
            None => self.emit(Instr::Pop),
        }
        self.with_stmt(rest, body, range)?;
        self.pop_block();
        self.emit(Instr::PopBlock);
        self.call_exit_with_nones();
        self.jump(Instr::Jump, end);
        // [exit, prev_exc, exc]: a true result from __exit__ swallows the exception.
        self.bind(handler);
        self.emit(Instr::WithExceptStart);
        self.jump(Instr::PopJumpIfTrue, suppress);
        self.emit(Instr::Reraise);
        self.bind(suppress);
        self.emit(Instr::Pop);
        self.emit(Instr::PopExcept);
        self.emit(Instr::Pop);
        self.bind(end);
        Ok(())
    }

    pub(super) fn try_stmt(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
        finalbody: &'a [Stmt],
    ) -> Result<()> {
        if finalbody.is_empty() {
            return self.try_except(body, handlers, orelse);
        }
        self.try_finally(finalbody, |c| {
            if handlers.is_empty() {
                c.compile_body(body)?;
                c.compile_body(orelse)
            } else {
                c.try_except(body, handlers, orelse)
            }
        })
    }

    /// `try: <protected> finally: <finalbody>`: the `finally` body is compiled twice, on
    /// the normal path and as the exception handler (which re-raises after it).
    fn try_finally(
        &mut self,
        finalbody: &'a [Stmt],
        protected: impl FnOnce(&mut Self) -> Result<()>,
    ) -> Result<()> {
        let handler = self.new_label();
        let end = self.new_label();
        self.jump(Instr::SetupFinally, handler);
        self.push_block(FBlock::TryFinally { body: finalbody });
        protected(self)?;
        self.pop_block();
        self.emit(Instr::PopBlock);
        self.compile_body(finalbody)?;
        self.jump(Instr::Jump, end);
        // [prev_exc, exc]
        self.bind(handler);
        self.push_block(FBlock::FinallyEnd);
        self.compile_body(finalbody)?;
        self.pop_block();
        self.emit(Instr::Reraise);
        self.bind(end);
        Ok(())
    }

    /// `try: body except ...: ... else: orelse`. The handlers run with `[prev_exc, exc]` on
    /// the stack; none matching re-raises.
    fn try_except(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
    ) -> Result<()> {
        let dispatch = self.new_label();
        let end = self.new_label();
        self.jump(Instr::SetupFinally, dispatch);
        self.push_block(FBlock::TryExcept);
        self.compile_body(body)?;
        self.pop_block();
        self.emit(Instr::PopBlock);
        self.compile_body(orelse)?;
        self.jump(Instr::Jump, end);
        self.bind(dispatch);
        for handler in handlers {
            self.at(handler.range, |c| c.except_clause(handler, end))?;
        }
        self.emit(Instr::Reraise);
        self.bind(end);
        Ok(())
    }

    /// One `except T as name:` clause, entered with `[prev_exc, exc]`; falls through to the
    /// next clause when the type does not match.
    fn except_clause(&mut self, handler: &'a ExceptHandler, end: Label) -> Result<()> {
        let next = self.new_label();
        if let Some(type_) = &handler.type_ {
            self.compile_expr(type_)?;
            self.emit(Instr::CheckExcMatch);
            self.jump(Instr::PopJumpIfFalse, next);
        }
        match &handler.name {
            Some(name) => {
                self.name_op(name, ExprContext::Store)?;
                // The name is deleted however the body ends.
                let cleanup = self.new_label();
                self.jump(Instr::SetupFinally, cleanup);
                self.push_block(FBlock::Handler { name: Some(name) });
                self.compile_body(&handler.body)?;
                self.pop_block();
                self.emit(Instr::PopBlock);
                self.emit(Instr::PopExcept);
                self.clear_name(name)?;
                self.jump(Instr::Jump, end);
                // [prev_exc, prev_exc2, exc2]
                self.bind(cleanup);
                self.clear_name(name)?;
                self.emit(Instr::Reraise);
            }
            None => {
                self.emit(Instr::Pop);
                self.push_block(FBlock::Handler { name: None });
                self.compile_body(&handler.body)?;
                self.pop_block();
                self.emit(Instr::PopExcept);
                self.jump(Instr::Jump, end);
            }
        }
        self.bind(next);
        Ok(())
    }
}
