//! Expressions: operators, comparisons, displays (with `*` and `**`), calls, f-strings,
//! subscripts and slices, conditional jumps on a condition, and assignment targets.

use super::super::bytecode::{self, BinaryOp, CompareOp, Constant, Instr};
use super::constants::{fold, from_ast};
use super::{Compiler, Label, Result, internal_error};
use crate::syntax::SyntaxError;
use crate::syntax::ast::{
    self, BoolOp, CmpOp, Expr, ExprContext, ExprKind, Keyword, Operator, UnaryOp,
};

/// Displays and argument lists longer than this are built item by item, so the value stack
/// stays shallow (CPython's guideline is the same).
const MAX_RUN: u32 = 30;

/// Dict displays build at most this many pairs at once for the same reason.
const MAX_MAP_RUN: u32 = 16;

/// What a display with starred items builds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Sequence {
    List,
    Tuple,
    Set,
}

pub(super) fn binary_op(op: Operator) -> BinaryOp {
    match op {
        Operator::Add => BinaryOp::Add,
        Operator::Sub => BinaryOp::Sub,
        Operator::Mult => BinaryOp::Mult,
        Operator::MatMult => BinaryOp::MatMult,
        Operator::Div => BinaryOp::Div,
        Operator::Mod => BinaryOp::Mod,
        Operator::Pow => BinaryOp::Pow,
        Operator::LShift => BinaryOp::LShift,
        Operator::RShift => BinaryOp::RShift,
        Operator::BitOr => BinaryOp::BitOr,
        Operator::BitXor => BinaryOp::BitXor,
        Operator::BitAnd => BinaryOp::BitAnd,
        Operator::FloorDiv => BinaryOp::FloorDiv,
    }
}

fn unary_op(op: UnaryOp) -> bytecode::UnaryOp {
    match op {
        UnaryOp::Invert => bytecode::UnaryOp::Invert,
        UnaryOp::Not => bytecode::UnaryOp::Not,
        UnaryOp::UAdd => bytecode::UnaryOp::Positive,
        UnaryOp::USub => bytecode::UnaryOp::Negative,
    }
}

fn compare_instr(op: CmpOp) -> Instr {
    match op {
        CmpOp::Eq => Instr::CompareOp(CompareOp::Eq),
        CmpOp::NotEq => Instr::CompareOp(CompareOp::Ne),
        CmpOp::Lt => Instr::CompareOp(CompareOp::Lt),
        CmpOp::LtE => Instr::CompareOp(CompareOp::Le),
        CmpOp::Gt => Instr::CompareOp(CompareOp::Gt),
        CmpOp::GtE => Instr::CompareOp(CompareOp::Ge),
        CmpOp::Is => Instr::IsOp(false),
        CmpOp::IsNot => Instr::IsOp(true),
        CmpOp::In => Instr::ContainsOp(false),
        CmpOp::NotIn => Instr::ContainsOp(true),
    }
}

fn conversion(c: ast::Conversion) -> bytecode::Conversion {
    match c {
        ast::Conversion::None => bytecode::Conversion::None,
        ast::Conversion::Str => bytecode::Conversion::Str,
        ast::Conversion::Repr => bytecode::Conversion::Repr,
        ast::Conversion::Ascii => bytecode::Conversion::Ascii,
    }
}

fn is_starred(e: &Expr) -> bool {
    matches!(e.kind, ExprKind::Starred { .. })
}

fn error(msg: &str, e: &Expr) -> SyntaxError {
    SyntaxError::syntax(msg, e.range.start, e.range.end)
}

impl<'a> Compiler<'a> {
    /// Pushes the value of an expression; its instructions carry its range.
    pub(super) fn compile_expr(&mut self, e: &'a Expr) -> Result<()> {
        self.at(e.range, |c| c.expr_kind(e))
    }

    fn expr_kind(&mut self, e: &'a Expr) -> Result<()> {
        if matches!(
            e.kind,
            ExprKind::Constant { .. }
                | ExprKind::UnaryOp { .. }
                | ExprKind::Tuple { .. }
                | ExprKind::Name { .. }
        ) && let Some(value) = fold(e)
        {
            self.load_const(value);
            return Ok(());
        }
        match &e.kind {
            ExprKind::Constant { value, .. } => self.load_const(from_ast(value)),
            ExprKind::Name { id, .. } => self.name_op(id, ExprContext::Load)?,
            ExprKind::Attribute { value, attr, .. } => {
                self.compile_expr(value)?;
                let i = self.mangled_index(attr);
                self.emit(Instr::LoadAttr(i));
            }
            ExprKind::Subscript { value, slice, .. } => {
                self.compile_expr(value)?;
                self.compile_expr(slice)?;
                self.emit(Instr::BinarySubscr);
            }
            ExprKind::Slice { lower, upper, step } => self.slice(lower, upper, step)?,
            ExprKind::Call {
                func,
                args,
                keywords,
            } => self.call(func, args, keywords)?,
            ExprKind::BinOp { left, op, right } => {
                self.compile_expr(left)?;
                self.compile_expr(right)?;
                self.emit(Instr::BinaryOp(binary_op(*op)));
            }
            ExprKind::UnaryOp { op, operand } => {
                self.compile_expr(operand)?;
                self.emit(Instr::UnaryOp(unary_op(*op)));
            }
            ExprKind::BoolOp { op, values } => self.bool_op(*op, values)?,
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => self.compare(left, ops, comparators)?,
            ExprKind::IfExp { test, body, orelse } => {
                let orelse_label = self.new_label();
                let end = self.new_label();
                self.jump_if(test, false, orelse_label)?;
                self.compile_expr(body)?;
                self.jump(Instr::Jump, end);
                self.bind(orelse_label);
                self.compile_expr(orelse)?;
                self.bind(end);
            }
            ExprKind::NamedExpr { target, value } => {
                self.compile_expr(value)?;
                self.emit(Instr::Copy(1));
                self.store_target(target)?;
            }
            ExprKind::Tuple { elts, .. } => self.sequence(0, elts, Sequence::Tuple)?,
            ExprKind::List { elts, .. } => self.sequence(0, elts, Sequence::List)?,
            ExprKind::Set { elts } => self.sequence(0, elts, Sequence::Set)?,
            ExprKind::Dict { keys, values } => self.dict(keys, values)?,
            ExprKind::JoinedStr { values } => self.joined_str(values)?,
            ExprKind::FormattedValue {
                value,
                conversion: conv,
                format_spec,
            } => self.formatted_value(value, *conv, format_spec.as_deref())?,
            ExprKind::Yield { value } => {
                match value {
                    Some(v) => self.compile_expr(v)?,
                    None => self.load_none(),
                }
                self.emit(Instr::YieldValue);
            }
            ExprKind::YieldFrom { value } => {
                self.compile_expr(value)?;
                self.emit(Instr::GetYieldFromIter);
                self.load_none();
                self.emit(Instr::YieldFrom);
            }
            ExprKind::Lambda { args, body } => self.lambda(e, args, body)?,
            ExprKind::ListComp { elt, generators } => {
                self.comprehension(e, super::scopes::Comp::List, generators, elt, None)?
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension(e, super::scopes::Comp::Set, generators, elt, None)?
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comprehension(e, super::scopes::Comp::Dict, generators, key, Some(value))?,
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e, super::scopes::Comp::Generator, generators, elt, None)?
            }
            ExprKind::Starred { .. } => return Err(error("can't use starred expression here", e)),
        }
        Ok(())
    }

    /// `lower:upper:step`, missing parts as None.
    fn slice(
        &mut self,
        lower: &'a Option<Box<Expr>>,
        upper: &'a Option<Box<Expr>>,
        step: &'a Option<Box<Expr>>,
    ) -> Result<()> {
        for part in [lower, upper] {
            match part {
                Some(e) => self.compile_expr(e)?,
                None => self.load_none(),
            }
        }
        match step {
            Some(s) => {
                self.compile_expr(s)?;
                self.emit(Instr::BuildSlice(3));
            }
            None => self.emit(Instr::BuildSlice(2)),
        }
        Ok(())
    }

    /// `a and b`, `a or b`: the first value that decides is the result, the rest are not
    /// evaluated.
    fn bool_op(&mut self, op: BoolOp, values: &'a [Expr]) -> Result<()> {
        let Some((last, rest)) = values.split_last() else {
            return Err(internal_error("empty boolean operation", self.unit.loc));
        };
        let end = self.new_label();
        for value in rest {
            self.compile_expr(value)?;
            match op {
                BoolOp::And => self.jump(Instr::JumpIfFalseOrPop, end),
                BoolOp::Or => self.jump(Instr::JumpIfTrueOrPop, end),
            }
        }
        self.compile_expr(last)?;
        self.bind(end);
        Ok(())
    }

    /// `a < b < c` evaluates `b` once and stops at the first false comparison, leaving its
    /// result.
    fn compare(&mut self, left: &'a Expr, ops: &[CmpOp], comparators: &'a [Expr]) -> Result<()> {
        self.compile_expr(left)?;
        let (Some((&last_op, first_ops)), Some((last, middle))) =
            (ops.split_last(), comparators.split_last())
        else {
            return Err(internal_error("empty comparison", self.unit.loc));
        };
        if middle.is_empty() {
            self.compile_expr(last)?;
            self.emit(compare_instr(last_op));
            return Ok(());
        }
        let cleanup = self.new_label();
        let end = self.new_label();
        for (&op, operand) in first_ops.iter().zip(middle) {
            self.compile_expr(operand)?;
            // [a, b] -> [b, a, b]: keep b for the next comparison.
            self.emit(Instr::Swap(2));
            self.emit(Instr::Copy(2));
            self.emit(compare_instr(op));
            self.jump(Instr::JumpIfFalseOrPop, cleanup);
        }
        self.compile_expr(last)?;
        self.emit(compare_instr(last_op));
        self.jump(Instr::Jump, end);
        // [b, False] -> [False]
        self.bind(cleanup);
        self.emit(Instr::Swap(2));
        self.emit(Instr::Pop);
        self.bind(end);
        Ok(())
    }

    /// Jumps to `target` when the condition's truth is `when`, evaluating `not`, `and` and
    /// `or` by jumps rather than by building their values.
    pub(super) fn jump_if(&mut self, e: &'a Expr, when: bool, target: Label) -> Result<()> {
        match &e.kind {
            ExprKind::UnaryOp {
                op: UnaryOp::Not,
                operand,
            } if fold(e).is_none() => self.jump_if(operand, !when, target),
            ExprKind::BoolOp { op, values } if !values.is_empty() => {
                let (rest, last) = values.split_at(values.len() - 1);
                // `or` is true as soon as one value is; `and` is false as soon as one is.
                let decisive = *op == BoolOp::Or;
                if when == decisive {
                    for value in rest {
                        self.jump_if(value, when, target)?;
                    }
                    self.jump_if(&last[0], when, target)
                } else {
                    let skip = self.new_label();
                    for value in rest {
                        self.jump_if(value, !when, skip)?;
                    }
                    self.jump_if(&last[0], when, target)?;
                    self.bind(skip);
                    Ok(())
                }
            }
            _ => {
                self.compile_expr(e)?;
                self.at(e.range, |c| {
                    let jump = if when {
                        Instr::PopJumpIfTrue
                    } else {
                        Instr::PopJumpIfFalse
                    };
                    c.jump(jump, target);
                    Ok(())
                })
            }
        }
    }

    // ---- displays ----

    /// A tuple, list or set display (or the positional arguments of a call with `*`, with
    /// `pushed` values already on the stack as its first items).
    fn sequence(&mut self, pushed: u32, elts: &'a [Expr], kind: Sequence) -> Result<()> {
        let starred = elts.iter().any(is_starred);
        if !starred && kind != Sequence::Tuple && pushed == 0 && elts.len() >= 3 {
            // A list or set of constants extends an empty one from a constant tuple.
            if let Some(items) = elts.iter().map(fold).collect::<Option<Vec<_>>>() {
                self.emit(build(kind, 0));
                self.load_const(if kind == Sequence::Set {
                    Constant::FrozenSet(items)
                } else {
                    Constant::Tuple(items)
                });
                self.emit(extend(kind));
                return Ok(());
            }
        }
        let mut run = pushed;
        let mut built = false;
        for elt in elts {
            if let ExprKind::Starred { value, .. } = &elt.kind {
                if !built {
                    self.emit(build(kind, run));
                    built = true;
                }
                self.compile_expr(value)?;
                self.emit(extend(kind));
            } else {
                self.compile_expr(elt)?;
                if built {
                    self.emit(append(kind));
                } else {
                    run += 1;
                    if run >= MAX_RUN && (elts.len() as u32 + pushed) > MAX_RUN {
                        self.emit(build(kind, run));
                        built = true;
                    }
                }
            }
        }
        match (built, kind) {
            (false, Sequence::Tuple) => self.emit(Instr::BuildTuple(run)),
            (false, _) => self.emit(build(kind, run)),
            (true, Sequence::Tuple) => self.emit(Instr::ListToTuple),
            (true, _) => {}
        }
        Ok(())
    }

    /// A dict display; `**m` entries update the dict built so far.
    fn dict(&mut self, keys: &'a [Option<Expr>], values: &'a [Expr]) -> Result<()> {
        let mut run = 0;
        let mut built = false;
        for (key, value) in keys.iter().zip(values) {
            match key {
                Some(key) => {
                    self.compile_expr(key)?;
                    self.compile_expr(value)?;
                    if built {
                        self.emit(Instr::MapAdd(1));
                    } else {
                        run += 1;
                        if run >= MAX_MAP_RUN && keys.len() as u32 > MAX_MAP_RUN {
                            self.emit(Instr::BuildMap(run));
                            built = true;
                        }
                    }
                }
                None => {
                    if !built {
                        self.emit(Instr::BuildMap(run));
                        built = true;
                    }
                    self.compile_expr(value)?;
                    self.emit(Instr::DictUpdate(1));
                }
            }
        }
        if !built {
            self.emit(Instr::BuildMap(run));
        }
        Ok(())
    }

    // ---- f-strings ----

    fn joined_str(&mut self, values: &'a [Expr]) -> Result<()> {
        match values {
            [] => self.load_const(Constant::Str(String::new())),
            [single] => self.compile_expr(single)?,
            _ => {
                for value in values {
                    self.compile_expr(value)?;
                }
                self.emit(Instr::BuildString(values.len() as u32));
            }
        }
        Ok(())
    }

    fn formatted_value(
        &mut self,
        value: &'a Expr,
        conv: ast::Conversion,
        spec: Option<&'a Expr>,
    ) -> Result<()> {
        self.compile_expr(value)?;
        if let Some(spec) = spec {
            self.compile_expr(spec)?;
        }
        self.emit(Instr::FormatValue(conversion(conv), spec.is_some()));
        Ok(())
    }

    // ---- calls ----

    /// `f(args)`: `f; NULL; args; Call`, or for `obj.m(args)` `obj; LoadMethod m; args;
    /// Call`, so the method is called without making a bound method.
    fn call(&mut self, func: &'a Expr, args: &'a [Expr], keywords: &'a [Keyword]) -> Result<()> {
        let plain = !args.iter().any(is_starred) && keywords.iter().all(|k| k.arg.is_some());
        match &func.kind {
            ExprKind::Attribute { value, attr, .. } if plain => {
                self.compile_expr(value)?;
                self.at(func.range, |c| {
                    let i = c.mangled_index(attr);
                    c.emit(Instr::LoadMethod(i));
                    Ok(())
                })?;
            }
            _ => {
                self.compile_expr(func)?;
                self.emit(Instr::PushNull);
            }
        }
        self.call_args(0, args, keywords)
    }

    /// The arguments and the call itself, with the callable, its NULL or self slot and
    /// `pushed` positional arguments already on the stack.
    pub(super) fn call_args(
        &mut self,
        pushed: u32,
        args: &'a [Expr],
        keywords: &'a [Keyword],
    ) -> Result<()> {
        let unpacking = args.iter().any(is_starred) || keywords.iter().any(|k| k.arg.is_none());
        if unpacking {
            self.sequence(pushed, args, Sequence::Tuple)?;
            if keywords.is_empty() {
                self.emit(Instr::CallFunctionEx(false));
            } else {
                self.keyword_dict(keywords)?;
                self.emit(Instr::CallFunctionEx(true));
            }
            return Ok(());
        }
        for arg in args {
            self.compile_expr(arg)?;
        }
        let mut names = Vec::new();
        for keyword in keywords {
            self.compile_expr(&keyword.value)?;
            names.push(Constant::Str(keyword.arg.clone().unwrap_or_default()));
        }
        if !names.is_empty() {
            let i = self.add_const(Constant::Tuple(names));
            self.emit(Instr::KwNames(i));
        }
        self.emit(Instr::Call(pushed + (args.len() + keywords.len()) as u32));
        Ok(())
    }

    /// The keyword arguments of a call with `**` (or with `*` and keywords) as one dict:
    /// runs of `name=value` become maps, merged in order with each `**mapping`.
    fn keyword_dict(&mut self, keywords: &'a [Keyword]) -> Result<()> {
        let mut run = 0;
        let mut built = false;
        for keyword in keywords {
            match &keyword.arg {
                Some(name) => {
                    let i = self.str_const(name);
                    self.emit(Instr::LoadConst(i));
                    self.compile_expr(&keyword.value)?;
                    run += 1;
                }
                None => {
                    self.flush_keywords(&mut run, &mut built);
                    if !built {
                        self.emit(Instr::BuildMap(0));
                        built = true;
                    }
                    self.compile_expr(&keyword.value)?;
                    self.emit(Instr::DictMerge(1));
                }
            }
        }
        self.flush_keywords(&mut run, &mut built);
        Ok(())
    }

    fn flush_keywords(&mut self, run: &mut u32, built: &mut bool) {
        if *run == 0 {
            return;
        }
        self.emit(Instr::BuildMap(*run));
        if *built {
            self.emit(Instr::DictMerge(1));
        }
        *built = true;
        *run = 0;
    }

    // ---- assignment targets ----

    /// Stores the value on top of the stack into a target.
    pub(super) fn store_target(&mut self, target: &'a Expr) -> Result<()> {
        self.at(target.range, |c| match &target.kind {
            ExprKind::Name { id, .. } => c.name_op(id, ExprContext::Store),
            ExprKind::Attribute { value, attr, .. } => {
                c.compile_expr(value)?;
                let i = c.mangled_index(attr);
                c.emit(Instr::StoreAttr(i));
                Ok(())
            }
            ExprKind::Subscript { value, slice, .. } => {
                c.compile_expr(value)?;
                c.compile_expr(slice)?;
                c.emit(Instr::StoreSubscr);
                Ok(())
            }
            ExprKind::Tuple { elts, .. } | ExprKind::List { elts, .. } => c.unpack(elts),
            ExprKind::Starred { .. } => Err(error(
                "starred assignment target must be in a list or tuple",
                target,
            )),
            _ => Err(error("cannot assign to expression", target)),
        })
    }

    /// `a, *b, c = value`: unpack, then store each item in order.
    fn unpack(&mut self, elts: &'a [Expr]) -> Result<()> {
        let n = elts.len() as u32;
        match elts.iter().position(is_starred) {
            Some(star) => {
                let star = star as u32;
                self.emit(Instr::UnpackEx(star, n - star - 1));
            }
            None => self.emit(Instr::UnpackSequence(n)),
        }
        for elt in elts {
            match &elt.kind {
                ExprKind::Starred { value, .. } => self.store_target(value)?,
                _ => self.store_target(elt)?,
            }
        }
        Ok(())
    }

    /// `del target`.
    pub(super) fn delete_target(&mut self, target: &'a Expr) -> Result<()> {
        self.at(target.range, |c| match &target.kind {
            ExprKind::Name { id, .. } => c.name_op(id, ExprContext::Del),
            ExprKind::Attribute { value, attr, .. } => {
                c.compile_expr(value)?;
                let i = c.mangled_index(attr);
                c.emit(Instr::DeleteAttr(i));
                Ok(())
            }
            ExprKind::Subscript { value, slice, .. } => {
                c.compile_expr(value)?;
                c.compile_expr(slice)?;
                c.emit(Instr::DeleteSubscr);
                Ok(())
            }
            ExprKind::Tuple { elts, .. } | ExprKind::List { elts, .. } => {
                elts.iter().try_for_each(|e| c.delete_target(e))
            }
            _ => Err(error("cannot delete expression", target)),
        })
    }
}

fn build(kind: Sequence, n: u32) -> Instr {
    match kind {
        Sequence::List | Sequence::Tuple => Instr::BuildList(n),
        Sequence::Set => Instr::BuildSet(n),
    }
}

fn extend(kind: Sequence) -> Instr {
    match kind {
        Sequence::List | Sequence::Tuple => Instr::ListExtend(1),
        Sequence::Set => Instr::SetUpdate(1),
    }
}

fn append(kind: Sequence) -> Instr {
    match kind {
        Sequence::List | Sequence::Tuple => Instr::ListAppend(1),
        Sequence::Set => Instr::SetAdd(1),
    }
}
