//! The object model: Python's built-in types and the operations on their values.
//!
//! So far this holds the value semantics that need no interpreter state. These files use
//! nothing outside `object/`, so every layer may use them (the AST dump prints literals with
//! them):
//! - `bytes`: the utf-8/ascii/latin-1 codecs, `bytes` methods and `repr`;
//! - `format`: the format mini-language, `%` formatting, `repr(float)`;
//! - `format_template`: the template side of `str.format` (fields, names, numbering);
//! - `number`: int and float arithmetic, parsing, text forms and hashes;
//! - `set_table`: the hash table behind `set`, laid out as CPython's (so iteration order matches);
//! - `text`: `str` methods, predicates and `repr`/`ascii`.

pub mod bytes;
pub mod complex;
pub mod dict;
pub mod format;
pub mod format_template;
pub mod gil_cell;
pub mod number;
pub mod set_table;
pub mod text;
pub mod typeobj;
pub mod value;
