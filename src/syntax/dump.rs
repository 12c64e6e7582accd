//! `gilpy --dump-ast`: the AST printed exactly as CPython's
//! `ast.dump(tree, indent=2, include_attributes=True)` prints it, so the two can be compared.

use super::ast::*;
use crate::object::bytes::repr_bytes as bytes_repr;
use crate::object::format::float_repr;
use crate::object::text::repr_str as str_repr;

/// One value in the dump: a node with named fields, a list, or a plain `repr`.
enum Value {
    Node {
        name: &'static str,
        fields: Vec<(&'static str, Value)>,
    },
    List(Vec<Value>),
    Repr(String),
}

/// The text of `ast.dump(module, indent=2, include_attributes=True)`.
pub fn dump_module(module: &Module) -> String {
    let tree = node(
        "Module",
        vec![
            ("body", stmts(&module.body)),
            ("type_ignores", Value::List(Vec::new())),
        ],
    );
    format_value(&tree, 0).0
}

fn node(name: &'static str, fields: Vec<(&'static str, Value)>) -> Value {
    Value::Node { name, fields }
}

fn repr(text: impl Into<String>) -> Value {
    Value::Repr(text.into())
}

/// CPython's formatting: a node whose fields are all simple and at most three fits on one line;
/// everything else opens a new indented line per field.
fn format_value(value: &Value, level: usize) -> (String, bool) {
    let level = level + 1;
    let prefix = format!("\n{}", "  ".repeat(level));
    let sep = format!(",\n{}", "  ".repeat(level));
    match value {
        Value::Repr(text) => (text.clone(), true),
        Value::List(items) => {
            if items.is_empty() {
                return ("[]".into(), true);
            }
            let parts: Vec<String> = items.iter().map(|v| format_value(v, level).0).collect();
            (format!("[{prefix}{}]", parts.join(&sep)), false)
        }
        Value::Node { name, fields } => {
            let mut all_simple = true;
            let mut args = Vec::with_capacity(fields.len());
            for (field, v) in fields {
                let (text, simple) = format_value(v, level);
                all_simple &= simple;
                args.push(format!("{field}={text}"));
            }
            if all_simple && args.len() <= 3 {
                return (format!("{name}({})", args.join(", ")), args.is_empty());
            }
            (format!("{name}({prefix}{})", args.join(&sep)), false)
        }
    }
}

fn with_range(mut fields: Vec<(&'static str, Value)>, range: Range) -> Vec<(&'static str, Value)> {
    fields.push(("lineno", repr(range.start.line.to_string())));
    fields.push(("col_offset", repr(range.start.col.to_string())));
    fields.push(("end_lineno", repr(range.end.line.to_string())));
    fields.push(("end_col_offset", repr(range.end.col.to_string())));
    fields
}

/// Adds `name=value` unless the value is absent (CPython leaves out optional fields that are None).
fn optional(fields: &mut Vec<(&'static str, Value)>, name: &'static str, value: Option<Value>) {
    if let Some(v) = value {
        fields.push((name, v));
    }
}

fn stmts(body: &[Stmt]) -> Value {
    Value::List(body.iter().map(stmt).collect())
}

fn exprs(items: &[Expr]) -> Value {
    Value::List(items.iter().map(expr).collect())
}

fn opt_expr(e: &Option<Box<Expr>>) -> Option<Value> {
    e.as_deref().map(expr)
}

fn name_list(names: &[String]) -> Value {
    Value::List(names.iter().map(|n| repr(str_repr(n))).collect())
}

fn stmt(s: &Stmt) -> Value {
    let (name, fields) = stmt_fields(&s.kind);
    node(name, with_range(fields, s.range))
}

fn stmt_fields(kind: &StmtKind) -> (&'static str, Vec<(&'static str, Value)>) {
    match kind {
        StmtKind::FunctionDef {
            name,
            args,
            body,
            decorator_list,
            returns,
        } => {
            let mut f = vec![
                ("name", repr(str_repr(name))),
                ("args", arguments(args)),
                ("body", stmts(body)),
                ("decorator_list", exprs(decorator_list)),
            ];
            optional(&mut f, "returns", opt_expr(returns));
            ("FunctionDef", f)
        }
        StmtKind::ClassDef {
            name,
            bases,
            keywords,
            body,
            decorator_list,
        } => (
            "ClassDef",
            vec![
                ("name", repr(str_repr(name))),
                ("bases", exprs(bases)),
                (
                    "keywords",
                    Value::List(keywords.iter().map(keyword).collect()),
                ),
                ("body", stmts(body)),
                ("decorator_list", exprs(decorator_list)),
            ],
        ),
        StmtKind::Return { value } => {
            let mut f = Vec::new();
            optional(&mut f, "value", opt_expr(value));
            ("Return", f)
        }
        StmtKind::Delete { targets } => ("Delete", vec![("targets", exprs(targets))]),
        StmtKind::Assign { targets, value } => (
            "Assign",
            vec![("targets", exprs(targets)), ("value", expr(value))],
        ),
        StmtKind::AugAssign { target, op, value } => (
            "AugAssign",
            vec![
                ("target", expr(target)),
                ("op", operator(*op)),
                ("value", expr(value)),
            ],
        ),
        StmtKind::AnnAssign {
            target,
            annotation,
            value,
            simple,
        } => {
            let mut f = vec![("target", expr(target)), ("annotation", expr(annotation))];
            optional(&mut f, "value", opt_expr(value));
            f.push(("simple", repr(if *simple { "1" } else { "0" })));
            ("AnnAssign", f)
        }
        StmtKind::For {
            target,
            iter,
            body,
            orelse,
        } => (
            "For",
            vec![
                ("target", expr(target)),
                ("iter", expr(iter)),
                ("body", stmts(body)),
                ("orelse", stmts(orelse)),
            ],
        ),
        StmtKind::While { test, body, orelse } => (
            "While",
            vec![
                ("test", expr(test)),
                ("body", stmts(body)),
                ("orelse", stmts(orelse)),
            ],
        ),
        StmtKind::If { test, body, orelse } => (
            "If",
            vec![
                ("test", expr(test)),
                ("body", stmts(body)),
                ("orelse", stmts(orelse)),
            ],
        ),
        StmtKind::With { items, body } => (
            "With",
            vec![
                ("items", Value::List(items.iter().map(with_item).collect())),
                ("body", stmts(body)),
            ],
        ),
        StmtKind::Raise { exc, cause } => {
            let mut f = Vec::new();
            optional(&mut f, "exc", opt_expr(exc));
            optional(&mut f, "cause", opt_expr(cause));
            ("Raise", f)
        }
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        } => (
            "Try",
            vec![
                ("body", stmts(body)),
                (
                    "handlers",
                    Value::List(handlers.iter().map(handler).collect()),
                ),
                ("orelse", stmts(orelse)),
                ("finalbody", stmts(finalbody)),
            ],
        ),
        StmtKind::Assert { test, msg } => {
            let mut f = vec![("test", expr(test))];
            optional(&mut f, "msg", opt_expr(msg));
            ("Assert", f)
        }
        StmtKind::Import { names } => ("Import", vec![("names", aliases(names))]),
        StmtKind::ImportFrom {
            module,
            names,
            level,
        } => {
            let mut f = Vec::new();
            optional(&mut f, "module", module.as_ref().map(|m| repr(str_repr(m))));
            f.push(("names", aliases(names)));
            f.push(("level", repr(level.to_string())));
            ("ImportFrom", f)
        }
        StmtKind::Global { names } => ("Global", vec![("names", name_list(names))]),
        StmtKind::Nonlocal { names } => ("Nonlocal", vec![("names", name_list(names))]),
        StmtKind::Expr { value } => ("Expr", vec![("value", expr(value))]),
        StmtKind::Pass => ("Pass", Vec::new()),
        StmtKind::Break => ("Break", Vec::new()),
        StmtKind::Continue => ("Continue", Vec::new()),
    }
}

fn expr(e: &Expr) -> Value {
    let (name, fields) = expr_fields(&e.kind);
    node(name, with_range(fields, e.range))
}

fn ctx(c: ExprContext) -> Value {
    node(
        match c {
            ExprContext::Load => "Load",
            ExprContext::Store => "Store",
            ExprContext::Del => "Del",
        },
        Vec::new(),
    )
}

fn expr_fields(kind: &ExprKind) -> (&'static str, Vec<(&'static str, Value)>) {
    match kind {
        ExprKind::BoolOp { op, values } => (
            "BoolOp",
            vec![
                (
                    "op",
                    node(
                        match op {
                            BoolOp::And => "And",
                            BoolOp::Or => "Or",
                        },
                        Vec::new(),
                    ),
                ),
                ("values", exprs(values)),
            ],
        ),
        ExprKind::NamedExpr { target, value } => (
            "NamedExpr",
            vec![("target", expr(target)), ("value", expr(value))],
        ),
        ExprKind::BinOp { left, op, right } => (
            "BinOp",
            vec![
                ("left", expr(left)),
                ("op", operator(*op)),
                ("right", expr(right)),
            ],
        ),
        ExprKind::UnaryOp { op, operand } => (
            "UnaryOp",
            vec![
                (
                    "op",
                    node(
                        match op {
                            UnaryOp::Invert => "Invert",
                            UnaryOp::Not => "Not",
                            UnaryOp::UAdd => "UAdd",
                            UnaryOp::USub => "USub",
                        },
                        Vec::new(),
                    ),
                ),
                ("operand", expr(operand)),
            ],
        ),
        ExprKind::Lambda { args, body } => (
            "Lambda",
            vec![("args", arguments(args)), ("body", expr(body))],
        ),
        ExprKind::IfExp { test, body, orelse } => (
            "IfExp",
            vec![
                ("test", expr(test)),
                ("body", expr(body)),
                ("orelse", expr(orelse)),
            ],
        ),
        ExprKind::Dict { keys, values } => (
            "Dict",
            vec![
                (
                    "keys",
                    Value::List(
                        keys.iter()
                            .map(|k| k.as_ref().map_or_else(|| repr("None"), expr))
                            .collect(),
                    ),
                ),
                ("values", exprs(values)),
            ],
        ),
        ExprKind::Set { elts } => ("Set", vec![("elts", exprs(elts))]),
        ExprKind::ListComp { elt, generators } => ("ListComp", comp_fields(elt, generators)),
        ExprKind::SetComp { elt, generators } => ("SetComp", comp_fields(elt, generators)),
        ExprKind::GeneratorExp { elt, generators } => {
            ("GeneratorExp", comp_fields(elt, generators))
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => (
            "DictComp",
            vec![
                ("key", expr(key)),
                ("value", expr(value)),
                ("generators", comprehensions(generators)),
            ],
        ),
        ExprKind::Yield { value } => {
            let mut f = Vec::new();
            optional(&mut f, "value", opt_expr(value));
            ("Yield", f)
        }
        ExprKind::YieldFrom { value } => ("YieldFrom", vec![("value", expr(value))]),
        ExprKind::Compare {
            left,
            ops,
            comparators,
        } => (
            "Compare",
            vec![
                ("left", expr(left)),
                ("ops", Value::List(ops.iter().map(|o| cmp_op(*o)).collect())),
                ("comparators", exprs(comparators)),
            ],
        ),
        ExprKind::Call {
            func,
            args,
            keywords,
        } => (
            "Call",
            vec![
                ("func", expr(func)),
                ("args", exprs(args)),
                (
                    "keywords",
                    Value::List(keywords.iter().map(keyword).collect()),
                ),
            ],
        ),
        ExprKind::FormattedValue {
            value,
            conversion,
            format_spec,
        } => {
            let mut f = vec![
                ("value", expr(value)),
                ("conversion", repr(conversion.code().to_string())),
            ];
            optional(&mut f, "format_spec", opt_expr(format_spec));
            ("FormattedValue", f)
        }
        ExprKind::JoinedStr { values } => ("JoinedStr", vec![("values", exprs(values))]),
        ExprKind::Constant { value, kind } => {
            let mut f = vec![("value", repr(constant_repr(value)))];
            optional(&mut f, "kind", kind.as_ref().map(|k| repr(str_repr(k))));
            ("Constant", f)
        }
        ExprKind::Attribute {
            value,
            attr,
            ctx: c,
        } => (
            "Attribute",
            vec![
                ("value", expr(value)),
                ("attr", repr(str_repr(attr))),
                ("ctx", ctx(*c)),
            ],
        ),
        ExprKind::Subscript {
            value,
            slice,
            ctx: c,
        } => (
            "Subscript",
            vec![
                ("value", expr(value)),
                ("slice", expr(slice)),
                ("ctx", ctx(*c)),
            ],
        ),
        ExprKind::Starred { value, ctx: c } => {
            ("Starred", vec![("value", expr(value)), ("ctx", ctx(*c))])
        }
        ExprKind::Name { id, ctx: c } => {
            ("Name", vec![("id", repr(str_repr(id))), ("ctx", ctx(*c))])
        }
        ExprKind::List { elts, ctx: c } => ("List", vec![("elts", exprs(elts)), ("ctx", ctx(*c))]),
        ExprKind::Tuple { elts, ctx: c } => {
            ("Tuple", vec![("elts", exprs(elts)), ("ctx", ctx(*c))])
        }
        ExprKind::Slice { lower, upper, step } => {
            let mut f = Vec::new();
            optional(&mut f, "lower", opt_expr(lower));
            optional(&mut f, "upper", opt_expr(upper));
            optional(&mut f, "step", opt_expr(step));
            ("Slice", f)
        }
    }
}

fn comp_fields(elt: &Expr, generators: &[Comprehension]) -> Vec<(&'static str, Value)> {
    vec![
        ("elt", expr(elt)),
        ("generators", comprehensions(generators)),
    ]
}

fn comprehensions(generators: &[Comprehension]) -> Value {
    Value::List(
        generators
            .iter()
            .map(|g| {
                node(
                    "comprehension",
                    vec![
                        ("target", expr(&g.target)),
                        ("iter", expr(&g.iter)),
                        ("ifs", exprs(&g.ifs)),
                        ("is_async", repr("0")),
                    ],
                )
            })
            .collect(),
    )
}

fn arguments(a: &Arguments) -> Value {
    let mut f = vec![
        (
            "posonlyargs",
            Value::List(a.posonlyargs.iter().map(arg).collect()),
        ),
        ("args", Value::List(a.args.iter().map(arg).collect())),
    ];
    optional(&mut f, "vararg", a.vararg.as_ref().map(arg));
    f.push((
        "kwonlyargs",
        Value::List(a.kwonlyargs.iter().map(arg).collect()),
    ));
    f.push((
        "kw_defaults",
        Value::List(
            a.kw_defaults
                .iter()
                .map(|d| d.as_ref().map_or_else(|| repr("None"), expr))
                .collect(),
        ),
    ));
    optional(&mut f, "kwarg", a.kwarg.as_ref().map(arg));
    f.push(("defaults", exprs(&a.defaults)));
    node("arguments", f)
}

fn arg(a: &Arg) -> Value {
    let mut f = vec![("arg", repr(str_repr(&a.arg)))];
    optional(&mut f, "annotation", opt_expr(&a.annotation));
    node("arg", with_range(f, a.range))
}

fn keyword(k: &Keyword) -> Value {
    let mut f = Vec::new();
    optional(&mut f, "arg", k.arg.as_ref().map(|a| repr(str_repr(a))));
    f.push(("value", expr(&k.value)));
    node("keyword", with_range(f, k.range))
}

fn aliases(names: &[Alias]) -> Value {
    Value::List(
        names
            .iter()
            .map(|a| {
                let mut f = vec![("name", repr(str_repr(&a.name)))];
                optional(
                    &mut f,
                    "asname",
                    a.asname.as_ref().map(|n| repr(str_repr(n))),
                );
                node("alias", with_range(f, a.range))
            })
            .collect(),
    )
}

fn with_item(item: &WithItem) -> Value {
    let mut f = vec![("context_expr", expr(&item.context_expr))];
    optional(&mut f, "optional_vars", opt_expr(&item.optional_vars));
    node("withitem", f)
}

fn handler(h: &ExceptHandler) -> Value {
    let mut f = Vec::new();
    optional(&mut f, "type", opt_expr(&h.type_));
    optional(&mut f, "name", h.name.as_ref().map(|n| repr(str_repr(n))));
    f.push(("body", stmts(&h.body)));
    node("ExceptHandler", with_range(f, h.range))
}

fn operator(op: Operator) -> Value {
    let name = match op {
        Operator::Add => "Add",
        Operator::Sub => "Sub",
        Operator::Mult => "Mult",
        Operator::MatMult => "MatMult",
        Operator::Div => "Div",
        Operator::Mod => "Mod",
        Operator::Pow => "Pow",
        Operator::LShift => "LShift",
        Operator::RShift => "RShift",
        Operator::BitOr => "BitOr",
        Operator::BitXor => "BitXor",
        Operator::BitAnd => "BitAnd",
        Operator::FloorDiv => "FloorDiv",
    };
    node(name, Vec::new())
}

fn cmp_op(op: CmpOp) -> Value {
    let name = match op {
        CmpOp::Eq => "Eq",
        CmpOp::NotEq => "NotEq",
        CmpOp::Lt => "Lt",
        CmpOp::LtE => "LtE",
        CmpOp::Gt => "Gt",
        CmpOp::GtE => "GtE",
        CmpOp::Is => "Is",
        CmpOp::IsNot => "IsNot",
        CmpOp::In => "In",
        CmpOp::NotIn => "NotIn",
    };
    node(name, Vec::new())
}

fn constant_repr(value: &Constant) -> String {
    match value {
        Constant::None => "None".into(),
        Constant::Bool(true) => "True".into(),
        Constant::Bool(false) => "False".into(),
        Constant::Ellipsis => "Ellipsis".into(),
        Constant::Str(s) => str_repr(s),
        Constant::Bytes(b) => bytes_repr(b),
        Constant::Int(i) => i.to_string(),
        Constant::Float(f) => float_repr(*f),
        Constant::Complex { real, imag } => complex_repr(*real, *imag),
    }
}

/// Python's `repr(complex)` for the values literals make (`3j`, `1.5j`).
fn complex_repr(real: f64, imag: f64) -> String {
    let part = |v: f64| {
        let text = float_repr(v);
        text.strip_suffix(".0").map(str::to_string).unwrap_or(text)
    };
    if real == 0.0 && real.is_sign_positive() {
        format!("{}j", part(imag))
    } else {
        let sign = if imag >= 0.0 || imag.is_nan() {
            "+"
        } else {
            ""
        };
        format!("({}{}{}j)", part(real), sign, part(imag))
    }
}
