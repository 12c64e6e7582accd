//! Interactive input: deciding whether the lines typed so far at the REPL make a complete
//! statement, need more lines (the `...` prompt), or are already wrong — as CPython's
//! interactive mode (and `codeop.compile_command`) decides.

use crate::syntax::SyntaxError;
use crate::syntax::ast::{Module, Pos, Stmt, StmtKind};
use crate::syntax::error::nth_line;
use crate::syntax::lexer;

/// What the lines typed so far amount to.
#[derive(Debug)]
pub enum Input {
    /// A whole statement, ready to run.
    Complete(Module),
    /// More lines could complete it.
    Incomplete,
    Invalid(SyntaxError),
}

/// Classifies `source`, the lines entered so far joined by newlines (the last line without
/// its newline; an empty line typed to end a block adds one).
///
/// ```
/// use gilpy::compile::interactive::{classify, Input};
/// assert!(matches!(classify("x = 1", "<stdin>"), Input::Complete(_)));
/// assert!(matches!(classify("if x:", "<stdin>"), Input::Incomplete));
/// assert!(matches!(classify("if x:\n    y = 1", "<stdin>"), Input::Incomplete));
/// assert!(matches!(classify("if x:\n    y = 1\n", "<stdin>"), Input::Complete(_)));
/// assert!(matches!(classify("x = 1 +", "<stdin>"), Input::Invalid(_)));
/// ```
pub fn classify(source: &str, filename: &str) -> Input {
    if source
        .lines()
        .all(|line| line.trim().is_empty() || line.trim_start().starts_with('#'))
    {
        return Input::Complete(Module { body: Vec::new() });
    }
    match super::check_source(source, filename) {
        Ok(module) if block_left_open(&module, source) => Input::Incomplete,
        Ok(module) => match second_statement(&module) {
            Some(index) => Input::Invalid(one_statement_only(&module, index, source, filename)),
            None => Input::Complete(module),
        },
        Err(err) if err.incomplete => Input::Incomplete,
        Err(err) => Input::Invalid(err),
    }
}

/// A compound statement is finished only by an empty line (the input then ends in a newline).
fn block_left_open(module: &Module, source: &str) -> bool {
    module.body.last().is_some_and(is_compound) && !source.ends_with('\n')
}

fn is_compound(stmt: &Stmt) -> bool {
    matches!(
        stmt.kind,
        StmtKind::FunctionDef { .. }
            | StmtKind::ClassDef { .. }
            | StmtKind::If { .. }
            | StmtKind::For { .. }
            | StmtKind::While { .. }
            | StmtKind::Try { .. }
            | StmtKind::With { .. }
    )
}

/// The index of a statement on a later line than the first one: the REPL compiles one
/// statement at a time (`x = 1; y = 2` on one line still counts as one).
fn second_statement(module: &Module) -> Option<usize> {
    let first_line_end = module.body.first()?.range.end.line;
    module
        .body
        .iter()
        .position(|s| s.range.start.line > first_line_end)
}

/// CPython's error for a second statement: after a compound statement the parser stops at the
/// next statement's first token; after a simple one, at the end of the first line.
fn one_statement_only(module: &Module, index: usize, source: &str, filename: &str) -> SyntaxError {
    let first = &module.body[0];
    let error = if is_compound(first) {
        let start = module.body[index].range.start;
        let tokens = lexer::tokenize(source).tokens;
        let end = tokens
            .iter()
            .find(|t| t.lo == start)
            .map_or(start, |t| t.hi);
        SyntaxError::syntax("invalid syntax", start, end)
    } else {
        let line = first.range.end.line;
        let width = nth_line(source, line as usize).map_or(0, str::len) as u32;
        let end_of_line = Pos { line, col: width };
        SyntaxError::syntax(
            "multiple statements found while compiling a single statement",
            end_of_line,
            end_of_line,
        )
    };
    error.locate(source, filename)
}
