//! Text → AST: the lexer (logos + indentation), the LALRPOP parser, and syntax errors reported
//! exactly as CPython 3.11 reports them.
//!
//! ```
//! let module = gilpy::syntax::parse_module("x = 1\n", "example.py").unwrap();
//! assert_eq!(module.body.len(), 1);
//! let err = gilpy::syntax::parse_module("if x == 1\n    pass\n", "bad.py").unwrap_err();
//! assert_eq!(err.msg, "expected ':'");
//! ```

// A `SyntaxError` carries every field of CPython's exception, so it is large; it only travels
// on the cold path where parsing has already failed.
#![allow(clippy::result_large_err)]

pub mod ast;
mod builder;
mod diagnose;
pub mod dump;
pub mod error;
pub mod lexer;
pub mod number;
mod strings;
mod targets;
pub mod token;
mod visit;

use std::cell::Cell;
use std::rc::Rc;

pub use error::{ErrorKind, SyntaxError};

use ast::{Expr, Module, Pos, StmtKind};
use lalrpop_util::ParseError;
use token::{Tok, Token};

lalrpop_util::lalrpop_mod!(
    #[allow(clippy::all, clippy::pedantic, unused)]
    python
);

/// Expressions nested deeper than this are refused, as CPython refuses them, so that later
/// stages can walk the tree recursively.
pub const MAX_EXPRESSION_DEPTH: usize = 3000;

/// Sources shorter than this are parsed on the caller's thread: they cannot nest more than a
/// few thousand levels, which any thread's stack holds.
const SMALL_SOURCE: usize = 4096;

/// Parses a whole source file into its AST, or returns the `SyntaxError` CPython would raise.
///
/// `filename` is only used in the error (it is what the report's `File "…"` line shows).
///
/// ```
/// use gilpy::syntax::{parse_module, ast::StmtKind};
/// let module = parse_module("def f(x):\n    return x * 2\n", "f.py").unwrap();
/// assert!(matches!(module.body[0].kind, StmtKind::FunctionDef { .. }));
/// ```
pub fn parse_module(source: &str, filename: &str) -> Result<Module, SyntaxError> {
    // A UTF-8 byte order mark at the start is not part of the program.
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    // Small sources cannot nest deep enough to need a thread of their own (starting one costs
    // more than parsing them).
    let result = if source.len() < SMALL_SOURCE {
        parse_source(source)
    } else {
        on_large_stack(source.len(), || parse_source(source))
    };
    result.map_err(|e| e.locate(source, filename))
}

/// Runs `work` on a thread whose stack is large enough for the deepest tree `len` bytes of
/// source can produce, so that dropping or walking it cannot overflow.
pub fn on_large_stack<T: Send>(len: usize, work: impl FnOnce() -> T + Send) -> T {
    let stack = (64usize << 20)
        .saturating_add(len.saturating_mul(128))
        .min(1 << 30);
    let slot = std::sync::Mutex::new(Some(work));
    let take = || slot.lock().ok().and_then(|mut w| w.take());
    let spawned = std::thread::scope(|scope| {
        let handle = std::thread::Builder::new()
            .name("gilpy-parser".into())
            .stack_size(stack)
            .spawn_scoped(scope, || take().map(|work| work()))
            .ok()?;
        Some(
            handle
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
        )
    });
    match spawned.flatten() {
        Some(result) => result,
        // No thread could be started: do the work here, on the caller's stack.
        None => match take() {
            Some(work) => work(),
            None => unreachable!("the work runs exactly once"),
        },
    }
}

/// Parses source text on the current thread; errors are not yet attached to the text.
fn parse_source(source: &str) -> Result<Module, SyntaxError> {
    let lexed = lexer::tokenize(source);
    let token_error = lexed.error;
    let consumed = Rc::new(Cell::new(0usize));
    let counter = Rc::clone(&consumed);
    let input = lexed.tokens.into_iter().map(move |t: Token| {
        counter.set(counter.get() + 1);
        Ok::<_, SyntaxError>((t.lo, t.tok, t.hi))
    });
    let result = python::ModuleParser::new().parse(input);
    let failure = match result {
        Ok(mut module) => {
            if let Some((err, _)) = token_error {
                return Err(err);
            }
            check_depth(&mut module)?;
            return Ok(module);
        }
        Err(failure) => failure,
    };
    let error_at = consumed.get().saturating_sub(1);
    // The tokens were handed to the parser; errors are rare, so tokenize again to explain one.
    let lexed = lexer::tokenize(source);
    diagnose::explain(&lexed, failure, error_at, token_error)
}

/// Parses the text CPython 3.11 makes of an f-string field, `(expression)`.
pub(crate) fn parse_fstring_expression(wrapped: &str) -> Result<Expr, SyntaxError> {
    let mut module = parse_source(wrapped)?;
    match module.body.pop().map(|s| s.kind) {
        Some(StmtKind::Expr { value }) if module.body.is_empty() => Ok(*value),
        _ => Err(SyntaxError::syntax(
            "invalid syntax",
            Pos { line: 1, col: 0 },
            Pos { line: 1, col: 1 },
        )),
    }
}

/// Parses a run of already-made tokens (used to understand a part of a broken line).
pub(crate) fn parse_tokens(
    tokens: Vec<Token>,
) -> Result<Module, ParseError<Pos, Tok, SyntaxError>> {
    let input = tokens
        .into_iter()
        .map(|t| Ok::<_, SyntaxError>((t.lo, t.tok, t.hi)));
    python::ModuleParser::new().parse(input)
}

fn check_depth(module: &mut Module) -> Result<(), SyntaxError> {
    let mut deepest = 0;
    for stmt in &mut module.body {
        visit::for_each_expr_in_stmt(stmt, &mut |e| deepest = deepest.max(visit::expr_depth(e)));
    }
    if deepest > MAX_EXPRESSION_DEPTH {
        return Err(SyntaxError::with_caret(
            ErrorKind::RecursionError,
            "maximum recursion depth exceeded during compilation",
            error::Caret::Located,
        ));
    }
    Ok(())
}
