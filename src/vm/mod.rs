//! The evaluation loop, frames, calls, generators, exceptions and tracebacks. So far: the text
//! of tracebacks that depends only on source positions.

pub mod traceback;
