//! AST → code: the symbol table (scopes of names), the compile-time checks CPython makes
//! after parsing (`'return' outside function`, `nonlocal` errors, …), the code generator that
//! turns a checked module into bytecode, and its disassembler.

// Compile errors are `SyntaxError`s, large but only on the cold path (see syntax/mod.rs).
#![allow(clippy::result_large_err)]

pub mod bytecode;
pub mod checks;
pub mod codegen;
pub mod disassemble;
pub mod interactive;
pub mod symtable;

use std::sync::Arc;

use crate::syntax::ast::{Module, Pos, StmtKind};
use crate::syntax::{SyntaxError, on_large_stack};

/// What the source is compiled as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A script, `-c` or a module: statements, the module's value is None.
    Exec,
    /// One REPL entry: statements whose expression statements echo their value (`PrintExpr`).
    Interactive,
    /// `eval()`: a single expression whose value the code returns.
    Eval,
}

/// Sources this long or longer are checked and compiled on a thread with a large stack (the
/// tree walks recurse once per level of nesting); shorter ones nest at most a few thousand
/// levels, which an optimized build walks within any thread's stack (as the parser assumes).
const SMALL_SOURCE: usize = 4096;

/// Runs every compile-time check on a parsed module, in CPython's order: the symbol table's
/// errors first (they come from an earlier pass), then the code generator's, in source order.
pub fn check_module(module: &Module) -> Result<symtable::SymbolTable, SyntaxError> {
    let table = symtable::build(module)?;
    checks::check(module, &table)?;
    Ok(table)
}

/// Parses `source` and runs the compile-time checks: what `gilpy --check` does.
///
/// ```
/// let err = gilpy::compile::check_source("def f():\n    pass\nreturn 1\n", "t.py").unwrap_err();
/// assert_eq!(err.msg, "'return' outside function");
/// assert_eq!(err.lineno, 3);
/// ```
pub fn check_source(source: &str, filename: &str) -> Result<Module, SyntaxError> {
    let module = crate::syntax::parse_module(source, filename)?;
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    check_module(&module).map_err(|e| e.locate(source, filename))?;
    Ok(module)
}

/// Parse + check + generate code: what running a script, `-c`, the REPL (Interactive:
/// expression statements echo via `PrintExpr`) and `eval()` (Eval: a single expression, its
/// value returned) use.
///
/// In Eval mode the source must be one expression (`eval()` itself strips leading spaces and
/// tabs first, as CPython's does; this function does not, like `compile(..., 'eval')`).
///
/// ```
/// use gilpy::compile::{compile_source, Mode};
/// let code = compile_source("x = 1\nprint(x)\n", "t.py", Mode::Exec).unwrap();
/// assert_eq!(code.name, "<module>");
/// let err = compile_source("x = 1", "<string>", Mode::Eval).unwrap_err();
/// assert_eq!(err.msg, "invalid syntax");
/// ```
pub fn compile_source(
    source: &str,
    filename: &str,
    mode: Mode,
) -> Result<Arc<bytecode::CodeObject>, SyntaxError> {
    let module = crate::syntax::parse_module(source, filename)?;
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let work = || -> Result<_, SyntaxError> {
        if mode == Mode::Eval {
            require_one_expression(&module, source)?;
        }
        let table = check_module(&module)?;
        codegen::compile_module(&module, &table, filename, mode)
    };
    let result = if source.len() < SMALL_SOURCE {
        work()
    } else {
        on_large_stack(source.len(), work)
    };
    result.map_err(|e| e.locate(source, filename))
}

/// Eval mode accepts exactly one expression statement (`eval("x = 1")` is invalid syntax).
/// CPython's error points at the first token that cannot continue the expression: the `=`
/// of an assignment, the `;` or the next statement after an expression, a statement's
/// keyword.
fn require_one_expression(module: &Module, source: &str) -> Result<(), SyntaxError> {
    let (from, token) = match module.body.as_slice() {
        [stmt] if matches!(stmt.kind, StmtKind::Expr { .. }) => return Ok(()),
        [first, ..] => match &first.kind {
            StmtKind::Expr { .. } => (first.range.end, Token::Any),
            StmtKind::Assign { targets, .. } => (
                targets.first().map_or(first.range.start, |t| t.range.end),
                Token::Char,
            ),
            StmtKind::AnnAssign { target, .. } => (target.range.end, Token::Char),
            StmtKind::AugAssign { target, .. } => (target.range.end, Token::Operator),
            _ => (first.range.start, Token::Any),
        },
        [] => return Err(invalid_syntax(Pos { line: 1, col: 0 }, 1)),
    };
    let (at, len) = next_token(source, from, token);
    Err(invalid_syntax(at, len))
}

/// What kind of token the error underlines.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Token {
    /// One character: `=`, `:`.
    Char,
    /// An augmented assignment operator, up to its `=`.
    Operator,
    /// A word, or else one character.
    Any,
}

/// The position and byte length of the first token at or after `from`.
fn next_token(source: &str, from: Pos, token: Token) -> (Pos, u32) {
    let mut pos = from;
    let lines: Vec<&str> = source.split('\n').collect();
    while let Some(line) = lines.get(pos.line.saturating_sub(1) as usize) {
        let rest = line.get(pos.col as usize..).unwrap_or("");
        let skipped = rest.len() - rest.trim_start().len();
        let rest = rest.trim_start();
        if rest.is_empty() || rest.starts_with('#') || rest.starts_with('\\') {
            pos = Pos {
                line: pos.line + 1,
                col: 0,
            };
            continue;
        }
        pos.col += skipped as u32;
        let word = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        let len = match token {
            Token::Operator => rest.find('=').map_or(1, |i| i + 1),
            Token::Any if word > 0 => word,
            _ => rest.chars().next().map_or(1, char::len_utf8),
        };
        return (pos, len as u32);
    }
    (from, 1)
}

fn invalid_syntax(at: Pos, len: u32) -> SyntaxError {
    let end = Pos {
        line: at.line,
        col: at.col + len,
    };
    SyntaxError::syntax("invalid syntax", at, end)
}
