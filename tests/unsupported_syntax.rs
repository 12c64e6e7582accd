//! Syntax at the edges of gilpy's subset: `async`, `await`, `match` and `except*` are refused
//! with a clear `SyntaxError` that says so, while the soft keywords stay usable as names and the
//! rarer 3.11 forms that are in (`*args: *Ts`) parse.

use gilpy::syntax::parse_module;

fn error_of(source: &str) -> (String, usize, i64) {
    let err = parse_module(source, "t.py").expect_err("must be refused");
    (err.msg, err.lineno, err.offset)
}

#[test]
fn async_and_await_are_refused_clearly() {
    assert_eq!(
        error_of("async def f():\n    pass\n"),
        ("'async' is not supported by gilpy".into(), 1, 1)
    );
    assert_eq!(
        error_of("async with a:\n    pass\n"),
        ("'async' is not supported by gilpy".into(), 1, 1)
    );
    assert_eq!(
        error_of("def f():\n    x = await g()\n"),
        ("'await' is not supported by gilpy".into(), 2, 9)
    );
}

#[test]
fn match_statements_are_refused_clearly() {
    for source in [
        "match x:\n    case 1:\n        pass\n",
        "match (x):\n    case 1:\n        pass\n",
        "match -x:\n    case 1:\n        pass\n",
    ] {
        assert_eq!(
            error_of(source),
            ("'match' statements are not supported by gilpy".into(), 1, 1),
            "{source}"
        );
    }
}

#[test]
fn soft_keywords_remain_names() {
    let source =
        "match = 1\nmatch.x = 2\ncase = [match]\n_ = case\ntype = _\nprint(match, case, type)\n";
    assert!(parse_module(source, "t.py").is_ok());
}

#[test]
fn except_star_is_refused_clearly() {
    assert_eq!(
        error_of("try:\n    pass\nexcept* ValueError:\n    pass\n"),
        ("'except*' is not supported by gilpy".into(), 3, 1)
    );
}

#[test]
fn starred_vararg_annotation_parses() {
    use gilpy::syntax::ast::{ExprKind, StmtKind};
    let module = parse_module("def f(*args: *Ts): pass\n", "t.py").unwrap();
    let StmtKind::FunctionDef { args, .. } = &module.body[0].kind else {
        panic!("not a function");
    };
    let vararg = args.vararg.as_ref().unwrap();
    assert_eq!(vararg.arg, "args");
    let annotation = vararg.annotation.as_deref().unwrap();
    assert!(matches!(annotation.kind, ExprKind::Starred { .. }));
}
