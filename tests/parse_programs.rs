//! Valid programs parse to the same tree CPython builds: `gilpy --dump-ast` is compared with
//! `ast.dump(ast.parse(src), indent=2, include_attributes=True)`, checked in for the project's
//! corpus and computed by python3 on the spot for the shared tutorial and benchmark programs.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn python_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "py"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

fn gilpy(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_gilpy"))
        .args(args)
        .output()
        .expect("gilpy runs")
}

#[test]
fn corpus_trees_match_cpython() {
    let files = python_files(&root().join("tests/programs/parse"));
    assert!(
        files.len() >= 30,
        "the corpus has only {} programs",
        files.len()
    );
    let mut failures = Vec::new();
    for file in &files {
        let expected = std::fs::read_to_string(file.with_extension("ast")).expect("expected tree");
        let out = gilpy(&["--dump-ast", file.to_str().unwrap()]);
        let got = String::from_utf8_lossy(&out.stdout);
        if got != expected || !out.status.success() {
            failures.push(format!(
                "{}: {}",
                file.display(),
                String::from_utf8_lossy(&out.stderr)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "trees differ:\n{}",
        failures.join("\n")
    );
}

/// The shared tutorial and benchmark programs, when they sit beside the project.
fn shared_programs() -> Vec<PathBuf> {
    let shared = root().join("../shared");
    let mut files = python_files(&shared.join("workload/programs"));
    files.extend(python_files(&shared.join("bench/programs")));
    files
}

#[test]
fn shared_programs_pass_check() {
    let files = shared_programs();
    if files.is_empty() {
        eprintln!("../shared is not here: nothing to check");
        return;
    }
    for file in &files {
        let out = gilpy(&["--check", file.to_str().unwrap()]);
        assert!(
            out.status.success(),
            "{} does not parse:\n{}",
            file.display(),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn shared_programs_trees_match_python3() {
    let files = shared_programs();
    let python = Command::new("python3").arg("--version").output();
    if files.is_empty() || python.is_err() {
        eprintln!("../shared or python3 is missing: nothing to compare");
        return;
    }
    let dump = "import ast, sys\nprint(ast.dump(ast.parse(open(sys.argv[1], 'rb').read()), indent=2, include_attributes=True))";
    for file in &files {
        let path = file.to_str().unwrap();
        let expected = Command::new("python3")
            .args(["-c", dump, path])
            .output()
            .unwrap();
        let got = gilpy(&["--dump-ast", path]);
        assert_eq!(
            String::from_utf8_lossy(&got.stdout),
            String::from_utf8_lossy(&expected.stdout),
            "tree of {path} differs from python3's"
        );
    }
}

#[test]
fn dump_ast_of_a_broken_file_reports_the_error() {
    let file = root().join("tests/syntax_errors/expected_colon_if.py");
    let out = gilpy(&["--dump-ast", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).ends_with("SyntaxError: expected ':'\n"));
}

#[test]
fn bad_arguments_print_usage() {
    let out = gilpy(&["-Z"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("Unknown option: -Z\nusage: gilpy"));
    let out = gilpy(&["--check", "/nonexistent/file.py"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "gilpy: can't open file '/nonexistent/file.py': [Errno 2] No such file or directory\n"
    );
}
