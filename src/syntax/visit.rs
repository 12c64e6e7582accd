//! Walking expression trees without recursion, so that deeply nested input cannot overflow the
//! Rust stack while the front end adjusts or inspects it.

use super::ast::{Arguments, Expr, ExprKind, Stmt, StmtKind};

/// Calls `f` on `root` and on every expression nested in it, parents before children.
pub fn walk_expr_mut(root: &mut Expr, f: &mut impl FnMut(&mut Expr)) {
    let mut stack = vec![root];
    while let Some(expr) = stack.pop() {
        f(expr);
        push_children_mut(expr, &mut stack);
    }
}

/// Pushes the direct sub-expressions of `expr` onto `stack`.
pub fn push_children_mut<'a>(expr: &'a mut Expr, stack: &mut Vec<&'a mut Expr>) {
    match &mut expr.kind {
        ExprKind::BoolOp { values, .. } => stack.extend(values.iter_mut()),
        ExprKind::NamedExpr { target, value } => {
            stack.push(target);
            stack.push(value);
        }
        ExprKind::BinOp { left, right, .. } => {
            stack.push(left);
            stack.push(right);
        }
        ExprKind::UnaryOp { operand, .. } => stack.push(operand),
        ExprKind::Lambda { args, body } => {
            stack.extend(args.defaults.iter_mut());
            stack.extend(args.kw_defaults.iter_mut().flatten());
            stack.push(body);
        }
        ExprKind::IfExp { test, body, orelse } => {
            stack.push(test);
            stack.push(body);
            stack.push(orelse);
        }
        ExprKind::Dict { keys, values } => {
            stack.extend(keys.iter_mut().flatten());
            stack.extend(values.iter_mut());
        }
        ExprKind::Set { elts } | ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => {
            stack.extend(elts.iter_mut())
        }
        ExprKind::ListComp { elt, generators }
        | ExprKind::SetComp { elt, generators }
        | ExprKind::GeneratorExp { elt, generators } => {
            stack.push(elt);
            for generator in generators {
                stack.push(&mut generator.target);
                stack.push(&mut generator.iter);
                stack.extend(generator.ifs.iter_mut());
            }
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => {
            stack.push(key);
            stack.push(value);
            for generator in generators {
                stack.push(&mut generator.target);
                stack.push(&mut generator.iter);
                stack.extend(generator.ifs.iter_mut());
            }
        }
        ExprKind::Yield { value } => stack.extend(value.as_deref_mut()),
        ExprKind::YieldFrom { value } => stack.push(value),
        ExprKind::Compare {
            left, comparators, ..
        } => {
            stack.push(left);
            stack.extend(comparators.iter_mut());
        }
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            stack.push(func);
            stack.extend(args.iter_mut());
            stack.extend(keywords.iter_mut().map(|k| &mut k.value));
        }
        ExprKind::FormattedValue {
            value, format_spec, ..
        } => {
            stack.push(value);
            stack.extend(format_spec.as_deref_mut());
        }
        ExprKind::JoinedStr { values } => stack.extend(values.iter_mut()),
        ExprKind::Attribute { value, .. } | ExprKind::Starred { value, .. } => stack.push(value),
        ExprKind::Subscript { value, slice, .. } => {
            stack.push(value);
            stack.push(slice);
        }
        ExprKind::Slice { lower, upper, step } => {
            stack.extend(lower.as_deref_mut());
            stack.extend(upper.as_deref_mut());
            stack.extend(step.as_deref_mut());
        }
        ExprKind::Constant { .. } | ExprKind::Name { .. } => {}
    }
}

/// The depth of the deepest chain of nested expressions in `root` (1 for a leaf).
pub fn expr_depth(root: &mut Expr) -> usize {
    let mut deepest = 0;
    let mut stack = vec![(root, 1usize)];
    let mut children = Vec::new();
    while let Some((expr, depth)) = stack.pop() {
        deepest = deepest.max(depth);
        push_children_mut(expr, &mut children);
        stack.extend(children.drain(..).map(|child| (child, depth + 1)));
    }
    deepest
}

/// Calls `f` on each expression held directly by `stmt` or by the statements nested in it.
/// Statements nest at most 100 deep (the tokenizer's indentation limit), so this recurses.
pub fn for_each_expr_in_stmt(stmt: &mut Stmt, f: &mut impl FnMut(&mut Expr)) {
    let mut exprs: Vec<&mut Expr> = Vec::new();
    let mut bodies: Vec<&mut Vec<Stmt>> = Vec::new();
    match &mut stmt.kind {
        StmtKind::FunctionDef {
            args,
            body,
            decorator_list,
            returns,
            ..
        } => {
            exprs.extend(decorator_list.iter_mut());
            push_arguments(args, &mut exprs);
            exprs.extend(returns.as_deref_mut());
            bodies.push(body);
        }
        StmtKind::ClassDef {
            bases,
            keywords,
            body,
            decorator_list,
            ..
        } => {
            exprs.extend(decorator_list.iter_mut());
            exprs.extend(bases.iter_mut());
            exprs.extend(keywords.iter_mut().map(|k| &mut k.value));
            bodies.push(body);
        }
        StmtKind::Return { value } => exprs.extend(value.as_deref_mut()),
        StmtKind::Delete { targets } => exprs.extend(targets.iter_mut()),
        StmtKind::Assign { targets, value } => {
            exprs.extend(targets.iter_mut());
            exprs.push(value);
        }
        StmtKind::AugAssign { target, value, .. } => {
            exprs.push(target);
            exprs.push(value);
        }
        StmtKind::AnnAssign {
            target,
            annotation,
            value,
            ..
        } => {
            exprs.push(target);
            exprs.push(annotation);
            exprs.extend(value.as_deref_mut());
        }
        StmtKind::For {
            target,
            iter,
            body,
            orelse,
        } => {
            exprs.push(target);
            exprs.push(iter);
            bodies.push(body);
            bodies.push(orelse);
        }
        StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
            exprs.push(test);
            bodies.push(body);
            bodies.push(orelse);
        }
        StmtKind::With { items, body } => {
            for item in items {
                exprs.push(&mut item.context_expr);
                exprs.extend(item.optional_vars.as_deref_mut());
            }
            bodies.push(body);
        }
        StmtKind::Raise { exc, cause } => {
            exprs.extend(exc.as_deref_mut());
            exprs.extend(cause.as_deref_mut());
        }
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        } => {
            bodies.push(body);
            for handler in handlers {
                exprs.extend(handler.type_.as_deref_mut());
                bodies.push(&mut handler.body);
            }
            bodies.push(orelse);
            bodies.push(finalbody);
        }
        StmtKind::Assert { test, msg } => {
            exprs.push(test);
            exprs.extend(msg.as_deref_mut());
        }
        StmtKind::Expr { value } => exprs.push(value),
        StmtKind::Import { .. }
        | StmtKind::ImportFrom { .. }
        | StmtKind::Global { .. }
        | StmtKind::Nonlocal { .. }
        | StmtKind::Pass
        | StmtKind::Break
        | StmtKind::Continue => {}
    }
    for expr in exprs {
        f(expr);
    }
    for body in bodies {
        for child in body.iter_mut() {
            for_each_expr_in_stmt(child, f);
        }
    }
}

fn push_arguments<'a>(args: &'a mut Arguments, exprs: &mut Vec<&'a mut Expr>) {
    exprs.extend(args.defaults.iter_mut());
    exprs.extend(args.kw_defaults.iter_mut().flatten());
    // Field by field (not `Arguments::all_mut`): the defaults above stay borrowed.
    let all = args
        .posonlyargs
        .iter_mut()
        .chain(args.args.iter_mut())
        .chain(args.vararg.iter_mut())
        .chain(args.kwonlyargs.iter_mut())
        .chain(args.kwarg.iter_mut());
    exprs.extend(all.filter_map(|a| a.annotation.as_deref_mut()));
}
