//! Fuzz target: arbitrary bytes, decoded lossily as UTF-8, must make `parse_module` return Ok or Err, never panic or hang.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let source = String::from_utf8_lossy(data);
    // Either result is fine; a panic, an abort or a timeout is the bug libFuzzer reports.
    let _ = gilpy::syntax::parse_module(&source, "<fuzz>");
});
