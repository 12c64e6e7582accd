//! AST construction for the grammar's actions: node builders and the checks CPython's parser
//! makes while building (argument order, parameter order, targets), with CPython's messages.

use lalrpop_util::ParseError;

use super::ast::*;
use super::error::SyntaxError;
use super::targets::{self, TargetKind};
use super::token::Tok;

/// Wraps an error found by an action so LALRPOP passes it through.
pub fn user(error: SyntaxError) -> ParseError<Pos, Tok, SyntaxError> {
    ParseError::User { error }
}

/// The error for syntax gilpy's subset leaves out (`async`, `await`).
pub fn unsupported(what: &str, l: Pos, r: Pos) -> ParseError<Pos, Tok, SyntaxError> {
    user(SyntaxError::syntax(
        format!("{what} is not supported by gilpy"),
        l,
        r,
    ))
}

/// One item between the parentheses of a call, before the order checks.
pub enum ArgItem {
    Positional(Expr),
    /// A generator expression without its own parentheses: `f(x for x in y)`.
    Generator(Expr),
    Starred(Range, Expr),
    DoubleStarred(Range, Expr),
    /// `name=value`: the whole range, the end of the `=`, the name and the value.
    Keyword(Range, Pos, Expr, Expr),
}

/// One item of a parameter list, before the order checks.
pub enum ParamItem {
    Plain(Arg, Option<Expr>),
    Star(Range, Option<Arg>),
    DoubleStar(Range, Arg),
    Slash(Range),
}

/// The kind of comprehension being built.
pub enum Comp {
    List(Expr),
    Set(Expr),
    Generator(Expr),
    Dict(Expr, Expr),
}

fn err(msg: impl Into<String>, range: Range) -> SyntaxError {
    SyntaxError::syntax(msg, range.start, range.end)
}

pub fn constant(l: Pos, r: Pos, value: Constant) -> Expr {
    Expr::new(Range::new(l, r), ExprKind::Constant { value, kind: None })
}

pub fn arg(l: Pos, r: Pos, name: String, annotation: Option<Expr>) -> Arg {
    Arg {
        range: Range::new(l, r),
        arg: name,
        annotation: annotation.map(Box::new),
    }
}

pub fn dotted(first: String, rest: Vec<String>) -> String {
    let mut name = first;
    for part in rest {
        name.push('.');
        name.push_str(&part);
    }
    name
}

pub fn tuple_of(l: Pos, r: Pos, elts: Vec<Expr>) -> Expr {
    Expr::new(
        Range::new(l, r),
        ExprKind::Tuple {
            elts,
            ctx: ExprContext::Load,
        },
    )
}

pub fn tuple(l: Pos, r: Pos, first: Expr, rest: Vec<Expr>) -> Expr {
    let mut elts = Vec::with_capacity(rest.len() + 1);
    elts.push(first);
    elts.extend(rest);
    tuple_of(l, r, elts)
}

/// `(expr)`: the expression itself; a lone starred expression cannot be parenthesized.
/// A slice `lower:upper:step`; each `*_end` is where that part ends, so that an empty last
/// part does not stretch the slice to the next token.
pub fn slice(
    l: Pos,
    lower: Option<Expr>,
    colon_end: Pos,
    upper: Option<Expr>,
    upper_end: Pos,
    step: Option<(Pos, Option<Expr>, Pos)>,
) -> Expr {
    let end = match &step {
        Some((colon, None, _)) => *colon,
        Some((_, Some(_), end)) => *end,
        None if upper.is_some() => upper_end,
        None => colon_end,
    };
    Expr::new(
        Range::new(l, end),
        ExprKind::Slice {
            lower: lower.map(Box::new),
            upper: upper.map(Box::new),
            step: step.and_then(|s| s.1).map(Box::new),
        },
    )
}

pub fn parenthesized(expr: Expr) -> Result<Expr, SyntaxError> {
    if let ExprKind::Starred { .. } = expr.kind {
        return Err(err("cannot use starred expression here", expr.range));
    }
    Ok(expr)
}

pub fn bin_op(l: Pos, r: Pos, left: Expr, op: Operator, right: Expr) -> Expr {
    Expr::new(
        Range::new(l, r),
        ExprKind::BinOp {
            left: Box::new(left),
            op,
            right: Box::new(right),
        },
    )
}

pub fn unary(l: Pos, r: Pos, op: UnaryOp, operand: Expr) -> Expr {
    Expr::new(
        Range::new(l, r),
        ExprKind::UnaryOp {
            op,
            operand: Box::new(operand),
        },
    )
}

pub fn bool_op(l: Pos, r: Pos, op: BoolOp, first: Expr, rest: Vec<Expr>) -> Expr {
    let mut values = Vec::with_capacity(rest.len() + 1);
    values.push(first);
    values.extend(rest);
    Expr::new(Range::new(l, r), ExprKind::BoolOp { op, values })
}

pub fn compare(l: Pos, r: Pos, left: Expr, rest: Vec<(CmpOp, Expr)>) -> Expr {
    let (ops, comparators) = rest.into_iter().unzip();
    Expr::new(
        Range::new(l, r),
        ExprKind::Compare {
            left: Box::new(left),
            ops,
            comparators,
        },
    )
}

pub fn named_expr(l: Pos, r: Pos, target: Expr, value: Expr) -> Result<Expr, SyntaxError> {
    let target = targets::named_expr_target(target)?;
    Ok(Expr::new(
        Range::new(l, r),
        ExprKind::NamedExpr {
            target: Box::new(target),
            value: Box::new(value),
        },
    ))
}

pub fn dict(l: Pos, r: Pos, items: Vec<(Option<Expr>, Expr)>) -> Expr {
    let (keys, values) = items.into_iter().unzip();
    Expr::new(Range::new(l, r), ExprKind::Dict { keys, values })
}

pub fn comprehension(
    target: Expr,
    iter: Expr,
    ifs: Vec<Expr>,
) -> Result<Comprehension, SyntaxError> {
    Ok(Comprehension {
        target: targets::to_target(target, TargetKind::Store)?,
        iter,
        ifs,
    })
}

pub fn comprehension_expr(l: Pos, r: Pos, comp: Comp, generators: Vec<Comprehension>) -> Expr {
    let kind = match comp {
        Comp::List(elt) => ExprKind::ListComp {
            elt: Box::new(elt),
            generators,
        },
        Comp::Set(elt) => ExprKind::SetComp {
            elt: Box::new(elt),
            generators,
        },
        Comp::Generator(elt) => ExprKind::GeneratorExp {
            elt: Box::new(elt),
            generators,
        },
        Comp::Dict(key, value) => ExprKind::DictComp {
            key: Box::new(key),
            value: Box::new(value),
            generators,
        },
    };
    Expr::new(Range::new(l, r), kind)
}

/// A call, with CPython's checks on the order of its arguments.
/// A call `func(items)`; `open` is where its `(` is.
pub fn call(
    l: Pos,
    open: Pos,
    r: Pos,
    func: Expr,
    items: Vec<ArgItem>,
) -> Result<Expr, SyntaxError> {
    let close = Range::new(
        Pos {
            line: r.line,
            col: r.col.saturating_sub(1),
        },
        r,
    );
    let (args, keywords) = arguments(items, close, Some(open))?;
    Ok(Expr::new(
        Range::new(l, r),
        ExprKind::Call {
            func: Box::new(func),
            args,
            keywords,
        },
    ))
}

/// Splits call arguments into positional and keyword ones. `close` is where the closing `)` is
/// (CPython points there when the order is wrong); in a call, `open` is where its `(` is, and a
/// lone generator argument's range runs over the call's parentheses.
fn arguments(
    items: Vec<ArgItem>,
    close: Range,
    open: Option<Pos>,
) -> Result<(Vec<Expr>, Vec<Keyword>), SyntaxError> {
    let count = items.len();
    let mut args = Vec::new();
    let mut keywords: Vec<Keyword> = Vec::new();
    let mut seen_keyword = false;
    let mut seen_double_star = false;
    for item in items {
        match item {
            ArgItem::Positional(e) => {
                if seen_double_star {
                    return Err(err(
                        "positional argument follows keyword argument unpacking",
                        close,
                    ));
                }
                if seen_keyword {
                    return Err(err("positional argument follows keyword argument", close));
                }
                args.push(e);
            }
            ArgItem::Generator(mut e) => {
                if count > 1 {
                    return Err(err("Generator expression must be parenthesized", e.range));
                }
                if let Some(open) = open {
                    // The generator's range runs over the call's parentheses, as in CPython.
                    e.range = Range::new(open, close.end);
                }
                args.push(e);
            }
            ArgItem::Starred(range, value) => {
                if seen_double_star {
                    let star = Range::new(
                        range.start,
                        Pos {
                            line: range.start.line,
                            col: range.start.col + 1,
                        },
                    );
                    return Err(err(
                        "iterable argument unpacking follows keyword argument unpacking",
                        star,
                    ));
                }
                args.push(Expr::new(
                    range,
                    ExprKind::Starred {
                        value: Box::new(value),
                        ctx: ExprContext::Load,
                    },
                ));
            }
            ArgItem::DoubleStarred(range, value) => {
                seen_double_star = true;
                keywords.push(Keyword {
                    range,
                    arg: None,
                    value,
                });
            }
            ArgItem::Keyword(range, equals_end, name, value) => {
                let ExprKind::Name { id, .. } = name.kind else {
                    // CPython points from the start of the name to the end of the `=`.
                    let up_to_equals = Range::new(range.start, equals_end);
                    if let ExprKind::Constant {
                        value: Constant::Bool(_) | Constant::None,
                        ..
                    } = name.kind
                    {
                        return Err(err(
                            format!("cannot assign to {}", targets::expr_name(&name)),
                            up_to_equals,
                        ));
                    }
                    return Err(err(
                        "expression cannot contain assignment, perhaps you meant \"==\"?",
                        up_to_equals,
                    ));
                };
                seen_keyword = true;
                keywords.push(Keyword {
                    range,
                    arg: Some(id),
                    value,
                });
            }
        }
    }
    Ok((args, keywords))
}

/// Sorts parameters into CPython's `arguments`, with its checks and messages.
pub fn parameters(items: Vec<ParamItem>, is_lambda: bool) -> Result<Arguments, SyntaxError> {
    let mut out = Arguments::default();
    let mut star: Option<(Range, bool)> = None; // where `*` was, and whether it named an argument
    let mut kwarg_seen = false;
    let mut default_seen = false;
    let mut slash_seen = false;
    let mut positional: Vec<Arg> = Vec::new();
    for item in items {
        if kwarg_seen {
            let range = match &item {
                ParamItem::Plain(a, _) => a.range,
                ParamItem::Star(r, _) | ParamItem::DoubleStar(r, _) | ParamItem::Slash(r) => *r,
            };
            return Err(err("arguments cannot follow var-keyword argument", range));
        }
        match item {
            ParamItem::Slash(range) => {
                if slash_seen {
                    return Err(err("/ may appear only once", range));
                }
                if star.is_some() {
                    return Err(err("/ must be ahead of *", range));
                }
                if positional.is_empty() {
                    return Err(err("invalid syntax", range));
                }
                slash_seen = true;
                out.posonlyargs = std::mem::take(&mut positional);
            }
            ParamItem::Star(range, arg) => {
                if star.is_some() {
                    return Err(err("* argument may appear only once", range));
                }
                star = Some((range, arg.is_some()));
                out.vararg = arg;
            }
            ParamItem::DoubleStar(_, arg) => {
                kwarg_seen = true;
                out.kwarg = Some(arg);
            }
            ParamItem::Plain(arg, default) => {
                if star.is_some() {
                    out.kwonlyargs.push(arg);
                    out.kw_defaults.push(default);
                    continue;
                }
                match default {
                    Some(d) => {
                        default_seen = true;
                        out.defaults.push(d);
                    }
                    None if default_seen => {
                        return Err(err(
                            "non-default argument follows default argument",
                            arg.range,
                        ));
                    }
                    None => {}
                }
                positional.push(arg);
            }
        }
    }
    if let Some((range, false)) = star
        && out.kwonlyargs.is_empty()
    {
        // In a lambda CPython points just past the `*`, in a def at it.
        let range = if is_lambda {
            Range::new(
                range.end,
                Pos {
                    line: range.end.line,
                    col: range.end.col + 1,
                },
            )
        } else {
            range
        };
        return Err(err("named arguments must follow bare *", range));
    }
    out.args = positional;
    Ok(out)
}

pub fn lambda(l: Pos, r: Pos, params: Vec<ParamItem>, body: Expr) -> Result<Expr, SyntaxError> {
    let args = parameters(params, true)?;
    Ok(Expr::new(
        Range::new(l, r),
        ExprKind::Lambda {
            args: Box::new(args),
            body: Box::new(body),
        },
    ))
}

/// The statements of a block and where it ends. A block ends where its last line does,
/// including a trailing `;` that its last statement's own range leaves out (as in CPython).
pub struct Block {
    pub body: Vec<Stmt>,
    pub end: Pos,
}

/// One line of simple statements; `semicolon` is the end of a trailing `;`.
pub fn simple_line(first: Stmt, rest: Vec<Stmt>, semicolon: Option<Pos>) -> Block {
    let mut body = Vec::with_capacity(rest.len() + 1);
    body.push(first);
    body.extend(rest);
    let last = body.last().map_or(Pos::default(), |s| s.range.end);
    Block {
        body,
        end: semicolon.unwrap_or(last),
    }
}

/// A compound statement as a block of its own.
pub fn compound(stmt: Stmt) -> Block {
    Block {
        end: stmt.range.end,
        body: vec![stmt],
    }
}

/// The lines of an indented block, joined.
pub fn join_blocks(lines: Vec<Block>) -> Block {
    let end = lines.last().map_or(Pos::default(), |b| b.end);
    Block {
        body: lines.into_iter().flat_map(|b| b.body).collect(),
        end,
    }
}

fn split(block: Option<Block>) -> (Vec<Stmt>, Option<Pos>) {
    match block {
        Some(b) => (b.body, Some(b.end)),
        None => (Vec::new(), None),
    }
}

pub fn function_def(
    l: Pos,
    decorator_list: Vec<Expr>,
    name: String,
    params: Vec<ParamItem>,
    returns: Option<Expr>,
    body: Block,
) -> Result<Stmt, SyntaxError> {
    let args = parameters(params, false)?;
    Ok(Stmt::new(
        Range::new(l, body.end),
        StmtKind::FunctionDef {
            name,
            args: Box::new(args),
            body: body.body,
            decorator_list,
            returns: returns.map(Box::new),
        },
    ))
}

pub fn class_def(
    l: Pos,
    decorator_list: Vec<Expr>,
    name: String,
    bases: Option<(Vec<ArgItem>, Pos)>,
    body: Block,
) -> Result<Stmt, SyntaxError> {
    let (bases, keywords) = match bases {
        Some((items, close)) => {
            let close = Range::new(
                close,
                Pos {
                    line: close.line,
                    col: close.col + 1,
                },
            );
            arguments(items, close, None)?
        }
        None => (Vec::new(), Vec::new()),
    };
    Ok(Stmt::new(
        Range::new(l, body.end),
        StmtKind::ClassDef {
            name,
            bases,
            keywords,
            body: body.body,
            decorator_list,
        },
    ))
}

pub fn if_chain(
    l: Pos,
    test: Expr,
    body: Block,
    elifs: Vec<(Pos, Expr, Block)>,
    orelse: Option<Block>,
) -> Stmt {
    // Build from the last `elif` outwards: each one is an `If` in the previous one's `orelse`.
    let (mut tail, mut tail_end) = split(orelse);
    for (el, etest, ebody) in elifs.into_iter().rev() {
        let end = tail_end.unwrap_or(ebody.end);
        tail = vec![Stmt::new(
            Range::new(el, end),
            StmtKind::If {
                test: Box::new(etest),
                body: ebody.body,
                orelse: tail,
            },
        )];
        tail_end = Some(end);
    }
    Stmt::new(
        Range::new(l, tail_end.unwrap_or(body.end)),
        StmtKind::If {
            test: Box::new(test),
            body: body.body,
            orelse: tail,
        },
    )
}

pub fn while_loop(l: Pos, test: Expr, body: Block, orelse: Option<Block>) -> Stmt {
    let (orelse, orelse_end) = split(orelse);
    Stmt::new(
        Range::new(l, orelse_end.unwrap_or(body.end)),
        StmtKind::While {
            test: Box::new(test),
            body: body.body,
            orelse,
        },
    )
}

pub fn for_loop(
    l: Pos,
    target: Expr,
    iter: Expr,
    body: Block,
    orelse: Option<Block>,
) -> Result<Stmt, SyntaxError> {
    let target = targets::to_target(target, TargetKind::Store)?;
    let (orelse, orelse_end) = split(orelse);
    Ok(Stmt::new(
        Range::new(l, orelse_end.unwrap_or(body.end)),
        StmtKind::For {
            target: Box::new(target),
            iter: Box::new(iter),
            body: body.body,
            orelse,
        },
    ))
}

pub fn try_stmt(
    l: Pos,
    body: Block,
    handlers: Vec<ExceptHandler>,
    orelse: Option<Block>,
    finalbody: Option<Block>,
) -> Stmt {
    let (orelse, orelse_end) = split(orelse);
    let (finalbody, final_end) = split(finalbody);
    let end = final_end
        .or(orelse_end)
        .or(handlers.last().map(|h| h.range.end))
        .unwrap_or(body.end);
    Stmt::new(
        Range::new(l, end),
        StmtKind::Try {
            body: body.body,
            handlers,
            orelse,
            finalbody,
        },
    )
}

pub fn except_handler(
    l: Pos,
    type_: Option<Expr>,
    name: Option<String>,
    body: Block,
) -> ExceptHandler {
    ExceptHandler {
        range: Range::new(l, body.end),
        type_: type_.map(Box::new),
        name,
        body: body.body,
    }
}

pub fn with_item(context_expr: Expr, target: Expr) -> Result<WithItem, SyntaxError> {
    let target = targets::to_target(target, TargetKind::Store)?;
    Ok(WithItem {
        context_expr,
        optional_vars: Some(Box::new(target)),
    })
}

pub fn with_stmt(l: Pos, items: Vec<WithItem>, body: Block) -> Stmt {
    Stmt::new(
        Range::new(l, body.end),
        StmtKind::With {
            items,
            body: body.body,
        },
    )
}

pub fn delete(l: Pos, r: Pos, targets: Vec<Expr>) -> Result<Stmt, SyntaxError> {
    let targets = targets
        .into_iter()
        .map(|t| targets::to_target(t, TargetKind::Del))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Stmt::new(Range::new(l, r), StmtKind::Delete { targets }))
}

pub fn import_from(
    l: Pos,
    r: Pos,
    dots: Vec<u32>,
    module: Option<String>,
    import_token: (Pos, Pos),
    names: Vec<Alias>,
) -> Result<Stmt, SyntaxError> {
    if dots.is_empty() && module.is_none() {
        return Err(SyntaxError::syntax(
            "invalid syntax",
            import_token.0,
            import_token.1,
        ));
    }
    Ok(Stmt::new(
        Range::new(l, r),
        StmtKind::ImportFrom {
            module,
            names,
            level: dots.iter().sum(),
        },
    ))
}

/// `a = b = value` (the last element of `rest` is the value).
pub fn assign(l: Pos, r: Pos, first: Expr, mut rest: Vec<Expr>) -> Result<Stmt, SyntaxError> {
    let value = rest.pop().unwrap_or_else(|| constant(l, r, Constant::None));
    let mut all = Vec::with_capacity(rest.len() + 1);
    all.push(first);
    all.extend(rest);
    let simple_value = starts_with_operand(&value);
    let parenthesized = all[0].range.start != l;
    let targets = targets::assignment_targets(all, simple_value, parenthesized)?;
    Ok(Stmt::new(
        Range::new(l, r),
        StmtKind::Assign {
            targets,
            value: Box::new(value),
        },
    ))
}

/// Whether the expression's text begins with a plain operand (not `not`, `lambda`, `yield`
/// or `*`), following the leftmost operand down through operators.
fn starts_with_operand(expr: &Expr) -> bool {
    let mut e = expr;
    loop {
        let next = match &e.kind {
            ExprKind::BoolOp { values, .. } => values.first(),
            ExprKind::Compare { left, .. } | ExprKind::BinOp { left, .. } => Some(&**left),
            ExprKind::IfExp { body, .. } => Some(&**body),
            ExprKind::Tuple { elts, .. } => elts.first(),
            ExprKind::UnaryOp {
                op: UnaryOp::Not, ..
            }
            | ExprKind::Lambda { .. }
            | ExprKind::Yield { .. }
            | ExprKind::YieldFrom { .. }
            | ExprKind::Starred { .. } => return false,
            _ => return true,
        };
        match next {
            // A child that starts later than its parent was in parentheses: an operand.
            Some(child) if child.range.start == e.range.start => e = child,
            _ => return true,
        }
    }
}

pub fn aug_assign(
    l: Pos,
    r: Pos,
    target: Expr,
    op: Operator,
    value: Expr,
) -> Result<Stmt, SyntaxError> {
    let target = targets::aug_target(target)?;
    Ok(Stmt::new(
        Range::new(l, r),
        StmtKind::AugAssign {
            target: Box::new(target),
            op,
            value: Box::new(value),
        },
    ))
}

/// `target: annotation = value`; `colon` is where the `:` is.
pub fn ann_assign(
    l: Pos,
    r: Pos,
    target: Expr,
    colon: Pos,
    annotation: Expr,
    value: Option<Expr>,
) -> Result<Stmt, SyntaxError> {
    // A starred expression is no expression in CPython's grammar: `*a: int` is plain bad syntax.
    if let ExprKind::Starred { .. } = target.kind {
        let end = Pos {
            line: colon.line,
            col: colon.col + 1,
        };
        return Err(SyntaxError::syntax("invalid syntax", colon, end));
    }
    let simple = matches!(target.kind, ExprKind::Name { .. }) && target.range.start == l;
    let target = targets::annotation_target(target)?;
    Ok(Stmt::new(
        Range::new(l, r),
        StmtKind::AnnAssign {
            target: Box::new(target),
            annotation: Box::new(annotation),
            value: value.map(Box::new),
            simple,
        },
    ))
}
