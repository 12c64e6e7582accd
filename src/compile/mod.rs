//! AST → code: the symbol table (scopes of names) and the compile-time checks CPython makes
//! after parsing (`'return' outside function`, `nonlocal` errors, …). Bytecode generation
//! comes with the evaluation loop.

// Compile errors are `SyntaxError`s, large but only on the cold path (see syntax/mod.rs).
#![allow(clippy::result_large_err)]

pub mod checks;
pub mod interactive;
pub mod symtable;

use crate::syntax::SyntaxError;
use crate::syntax::ast::Module;

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
