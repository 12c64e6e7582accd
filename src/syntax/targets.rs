//! Assignment and deletion targets: turning a parsed expression into a `Store`/`Del` target, and
//! CPython's errors for expressions that cannot be one (`cannot assign to function call`, …).

use super::ast::{Constant, Expr, ExprContext, ExprKind};
use super::error::SyntaxError;

/// Where a target appears; it decides the wording of the error.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TargetKind {
    /// `=`, `for … in`, `with … as`, comprehension `for`.
    Store,
    /// `del`.
    Del,
}

/// CPython's name for the kind of expression `expr` is, as used in error messages.
pub fn expr_name(expr: &Expr) -> &'static str {
    match &expr.kind {
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred { .. } => "starred",
        ExprKind::Name { .. } => "name",
        ExprKind::List { .. } => "list",
        ExprKind::Tuple { .. } => "tuple",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield { .. } | ExprKind::YieldFrom { .. } => "yield expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set { .. } => "set display",
        ExprKind::JoinedStr { .. } | ExprKind::FormattedValue { .. } => "f-string expression",
        ExprKind::Constant { value, .. } => match value {
            Constant::None => "None",
            Constant::Bool(true) => "True",
            Constant::Bool(false) => "False",
            Constant::Ellipsis => "ellipsis",
            _ => "literal",
        },
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Slice { .. } => "slice",
    }
}

/// The first part of `expr` that cannot be a target, if any.
pub fn invalid_target(expr: &Expr, kind: TargetKind) -> Option<&Expr> {
    match &expr.kind {
        ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => None,
        ExprKind::Tuple { elts, .. } | ExprKind::List { elts, .. } => {
            elts.iter().find_map(|e| invalid_target(e, kind))
        }
        ExprKind::Starred { value, .. } => match kind {
            TargetKind::Del => Some(expr),
            TargetKind::Store => invalid_target(value, kind),
        },
        _ => Some(expr),
    }
}

/// Sets the context of a valid target (and of the names, tuples and lists inside it).
pub fn set_context(expr: &mut Expr, ctx: ExprContext) {
    match &mut expr.kind {
        ExprKind::Name { ctx: c, .. }
        | ExprKind::Attribute { ctx: c, .. }
        | ExprKind::Subscript { ctx: c, .. } => *c = ctx,
        ExprKind::Starred { ctx: c, value } => {
            *c = ctx;
            set_context(value, ctx);
        }
        ExprKind::Tuple { ctx: c, elts } | ExprKind::List { ctx: c, elts } => {
            *c = ctx;
            for e in elts {
                set_context(e, ctx);
            }
        }
        _ => {}
    }
}

/// Makes `expr` a target, or returns CPython's error for it.
pub fn to_target(mut expr: Expr, kind: TargetKind) -> Result<Expr, SyntaxError> {
    if let Some(bad) = invalid_target(&expr, kind) {
        return Err(target_error(bad, kind));
    }
    let ctx = match kind {
        TargetKind::Store => ExprContext::Store,
        TargetKind::Del => ExprContext::Del,
    };
    set_context(&mut expr, ctx);
    Ok(expr)
}

/// `cannot assign to …` / `cannot delete …`, pointing at the offending expression.
pub fn target_error(bad: &Expr, kind: TargetKind) -> SyntaxError {
    let verb = match kind {
        TargetKind::Store => "assign to",
        TargetKind::Del => "delete",
    };
    if kind == TargetKind::Store
        && matches!(
            bad.kind,
            ExprKind::Yield { .. } | ExprKind::YieldFrom { .. }
        )
    {
        return SyntaxError::syntax(
            "assignment to yield expression not possible",
            bad.range.start,
            bad.range.end,
        );
    }
    SyntaxError::syntax(
        format!("cannot {verb} {}", expr_name(bad)),
        bad.range.start,
        bad.range.end,
    )
}

/// Whether the expression could have been parsed as a `bitwise_or` in CPython's grammar, i.e.
/// it is no comparison, boolean operation, conditional, lambda, starred or yield.
pub fn is_bitwise_or(expr: &Expr) -> bool {
    !matches!(
        expr.kind,
        ExprKind::Compare { .. }
            | ExprKind::BoolOp { .. }
            | ExprKind::UnaryOp {
                op: super::ast::UnaryOp::Not,
                ..
            }
            | ExprKind::IfExp { .. }
            | ExprKind::Lambda { .. }
            | ExprKind::NamedExpr { .. }
            | ExprKind::Starred { .. }
            | ExprKind::Yield { .. }
            | ExprKind::YieldFrom { .. }
    )
}

/// The targets of `a = b = value`: each made a `Store` target, or CPython's error.
///
/// `value_is_simple` says the value starts with a plain operand (CPython's `bitwise_or`); then
/// a single invalid target gets the hint `here. Maybe you meant '==' instead of '='?`, because
/// CPython reads `f() = 1` as a mistyped comparison. A `parenthesized` target is an operand
/// whatever is inside the parentheses.
pub fn assignment_targets(
    targets: Vec<Expr>,
    value_is_simple: bool,
    parenthesized: bool,
) -> Result<Vec<Expr>, SyntaxError> {
    let single = targets.len() == 1;
    let mut out = Vec::with_capacity(targets.len());
    for target in targets {
        if let Some(bad) = invalid_target(&target, TargetKind::Store) {
            if single && value_is_simple && (parenthesized || mistyped_comparison(&target)) {
                return Err(SyntaxError::syntax(
                    format!(
                        "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                        expr_name(&target)
                    ),
                    target.range.start,
                    target.range.end,
                ));
            }
            return Err(target_error(bad, TargetKind::Store));
        }
        out.push(to_target(target, TargetKind::Store)?);
    }
    Ok(out)
}

/// Whether CPython would take `target = …` for a comparison typed with `=`.
fn mistyped_comparison(target: &Expr) -> bool {
    let excluded = match &target.kind {
        ExprKind::List { .. } | ExprKind::Tuple { .. } | ExprKind::GeneratorExp { .. } => true,
        ExprKind::Constant { value, .. } => matches!(value, Constant::None | Constant::Bool(_)),
        _ => false,
    };
    !excluded && is_bitwise_or(target)
}

/// The target of an augmented assignment (`x += 1`): a name, attribute or subscript.
pub fn aug_target(mut target: Expr) -> Result<Expr, SyntaxError> {
    match target.kind {
        ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {
            set_context(&mut target, ExprContext::Store);
            Ok(target)
        }
        _ => Err(SyntaxError::syntax(
            format!(
                "'{}' is an illegal expression for augmented assignment",
                expr_name(&target)
            ),
            target.range.start,
            target.range.end,
        )),
    }
}

/// The target of an annotated assignment (`x: int = 0`).
pub fn annotation_target(mut target: Expr) -> Result<Expr, SyntaxError> {
    match &target.kind {
        ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {
            set_context(&mut target, ExprContext::Store);
            Ok(target)
        }
        ExprKind::Tuple { elts, .. } | ExprKind::List { elts, .. } => {
            // Without parentheses CPython points at the first element only.
            let range = match elts.first() {
                Some(first) if first.range.start == target.range.start => first.range,
                _ => target.range,
            };
            Err(SyntaxError::syntax(
                format!(
                    "only single target (not {}) can be annotated",
                    expr_name(&target)
                ),
                range.start,
                range.end,
            ))
        }
        _ => Err(SyntaxError::syntax(
            "illegal target for annotation",
            target.range.start,
            target.range.end,
        )),
    }
}

/// The target of `name := value`.
pub fn named_expr_target(mut target: Expr) -> Result<Expr, SyntaxError> {
    if let ExprKind::Name { .. } = target.kind {
        set_context(&mut target, ExprContext::Store);
        return Ok(target);
    }
    Err(SyntaxError::syntax(
        format!(
            "cannot use assignment expressions with {}",
            expr_name(&target)
        ),
        target.range.start,
        target.range.end,
    ))
}
