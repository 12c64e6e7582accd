//! The REPL's decision for the lines typed so far — complete, needs more lines, or an error —
//! compared with CPython's (`codeop.compile_command`), from tests/interactive/cases.txt made by
//! scripts/gen_interactive_expectations.py. Error columns are not compared: codeop compiles the
//! text without its final newline, so its columns at the end of a line differ from the REPL's.

use gilpy::compile::interactive::{Input, classify};

mod common;
use common::unescape;

fn describe(input: &Input) -> String {
    match input {
        Input::Complete(_) => "complete".into(),
        Input::Incomplete => "incomplete".into(),
        Input::Invalid(err) => format!(
            "error\t{}\t{}\t{}",
            err.kind.name(),
            err.msg.replace('\n', "\\n"),
            err.lineno
        ),
    }
}

#[test]
fn interactive_input_is_classified_as_cpython_does() {
    let cases = include_str!("interactive/cases.txt");
    let mut failures = Vec::new();
    let mut count = 0;
    for line in cases.lines().filter(|l| !l.is_empty()) {
        let (source, expected) = line.split_once('\t').expect("SOURCE<TAB>RESULT");
        // Drop the column: see the module comment.
        let expected = match expected.rsplit_once('\t') {
            Some((head, _)) if expected.starts_with("error") => head,
            _ => expected,
        };
        let source = unescape(source);
        let got = describe(&classify(&source, "<stdin>"));
        count += 1;
        if got != expected {
            failures.push(format!(
                "{source:?}\n  expected {expected}\n  got      {got}"
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
