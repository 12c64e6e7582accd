//! gilpy: a small Python with a real global interpreter lock, as a library.
//!
//! So far the library holds the front end — [`syntax::parse_module`] turns Python source into
//! its abstract syntax tree, or into the `SyntaxError` CPython 3.11 would report, and
//! [`compile::check_source`] adds the compile-time checks — and the parts of the runtime that
//! need no interpreter state: value semantics ([`object`]), the algorithms behind native
//! modules ([`modules`]) and traceback text ([`vm::traceback`]).
//!
//! ```
//! let module = gilpy::syntax::parse_module("print('hello')\n", "hello.py").unwrap();
//! assert_eq!(module.body.len(), 1);
//! ```

pub mod compile;
pub mod modules;
pub mod object;
pub mod syntax;
pub mod vm;
