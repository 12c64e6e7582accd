//! Fuzz target: arbitrary bytes, decoded lossily as UTF-8, must make the front end (parser,
//! symbol table, compile-time checks, REPL input classification) return a result, never panic or
//! hang.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let source = String::from_utf8_lossy(data);
    // Either result is fine; a panic, an abort or a timeout is the bug libFuzzer reports.
    // `classify` parses, builds the symbol table and runs the compile-time checks.
    let _ = gilpy::compile::interactive::classify(&source, "<fuzz>");
});
