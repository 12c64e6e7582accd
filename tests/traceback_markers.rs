//! The markers under a traceback's source line (`^^^^`, `~~~^~~~`) compared with CPython
//! 3.11's, for the cases in tests/traceback/cases.txt (made by
//! scripts/gen_traceback_expectations.py from real tracebacks).

use gilpy::vm::traceback::{Positions, position_markers};

mod common;
use common::unescape;

/// Lines where gilpy knowingly prints other markers than CPython 3.11.7. CPython mixes byte
/// and character offsets when it looks for the operator, which moves the `^` right after some
/// non-ASCII literals (but not others: `'éé' * b` is marked correctly); gilpy marks the
/// operator itself.
const EXPECTED_MISMATCHES: &[&str] = &["x = 'é' + a"];

#[test]
fn markers_match_cpython() {
    let mut failures = Vec::new();
    let mut count = 0;
    for row in include_str!("traceback/cases.txt").lines() {
        let fields: Vec<&str> = row.split('\t').collect();
        let [text, lineno, end_lineno, col, end_col, markers, _] = fields[..] else {
            panic!("bad row: {row}");
        };
        let number = |s: &str| s.parse::<usize>().expect("a number");
        let at = Positions {
            lineno: number(lineno) as u32,
            end_lineno: number(end_lineno) as u32,
            col: number(col),
            end_col: number(end_col),
        };
        let line = unescape(text);
        let expected = unescape(markers);
        let got = position_markers(&line, at).unwrap_or_default();
        count += 1;
        if EXPECTED_MISMATCHES.contains(&line.as_str()) {
            assert_ne!(
                got, expected,
                "{line:?} now matches: remove it from EXPECTED_MISMATCHES"
            );
            continue;
        }
        if got != expected {
            failures.push(format!(
                "{line:?} {at:?}\n  expected {expected:?}\n  got      {got:?}"
            ));
        }
    }
    assert!(count >= 60, "only {count} cases");
    assert!(
        failures.is_empty(),
        "{} of {count} differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
