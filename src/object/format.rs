//! The format mini-language (`format(value, spec)`) and `%` formatting for int, float and str.
