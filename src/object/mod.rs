//! The object model: Python's built-in types and the operations on their values.
//!
//! So far this holds the parts that need no interpreter state: the format mini-language and
//! the text forms of numbers (`repr`, `format`, `%`), and `str`'s methods and `repr`.

pub mod format;
pub mod text;
