//! Interpreter state shared by all threads: start-up (`startup`), signals, and the standard
//! streams' buffering and their write(2)/read(2) calls, with the GIL released around each
//! blocking call.

pub mod signals;
pub mod startup;
pub mod stream;
