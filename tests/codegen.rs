//! The code generator on whole programs and on snippets: every program of the corpus (and of
//! the shared tutorial and benchmark programs, when they sit beside the project) compiles,
//! with stack depths that agree on every path; its code objects have CPython's names,
//! parameters, flags, locals, cells and free variables (compared with python3 when it is
//! installed); and the snippets under tests/codegen/ disassemble to the checked-in `.dis`
//! text (`GILPY_BLESS=1` rewrites those files).

use std::path::{Path, PathBuf};
use std::process::Command;

use gilpy::compile::bytecode::{CodeObject, Constant, Instr, code_flags};
use gilpy::compile::codegen::verify;
use gilpy::compile::disassemble::disassemble;
use gilpy::compile::{Mode, compile_source};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn files_with_extension(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == ext))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// The corpus, then the shared programs when `../shared` exists.
fn programs() -> Vec<PathBuf> {
    let mut files = files_with_extension(&root().join("tests/programs/parse"), "py");
    let shared = root().join("../shared");
    files.extend(files_with_extension(
        &shared.join("workload/programs"),
        "py",
    ));
    files.extend(files_with_extension(&shared.join("bench/programs"), "py"));
    files
}

fn compile_file(path: &Path) -> std::sync::Arc<CodeObject> {
    let source = std::fs::read_to_string(path).expect("readable program");
    compile_source(&source, &path.display().to_string(), Mode::Exec)
        .unwrap_or_else(|e| panic!("{} does not compile: {}", path.display(), e.report()))
}

#[test]
fn every_program_compiles_with_consistent_stack_depths() {
    let files = programs();
    assert!(files.len() >= 30, "only {} programs", files.len());
    for file in &files {
        let code = compile_file(file);
        if let Err(problem) = verify(&code) {
            panic!("{}: {problem}", file.display());
        }
    }
}

/// One line per code object: what CPython's `code` object also records.
fn summary(code: &CodeObject, out: &mut Vec<String>) {
    let flags = code.flags
        & (code_flags::OPTIMIZED
            | code_flags::NEWLOCALS
            | code_flags::VARARGS
            | code_flags::VARKEYWORDS
            | code_flags::NESTED
            | code_flags::GENERATOR);
    out.push(format!(
        "{}|{}|{}|{}|{}|{}|{}|{}|{}|{}",
        code.qualname,
        code.name,
        code.first_line,
        code.argcount,
        code.posonlyargcount,
        code.kwonlyargcount,
        flags,
        code.varnames.join(","),
        code.cellvars.join(","),
        code.freevars.join(","),
    ));
    for c in &code.consts {
        if let Constant::Code(inner) = c {
            summary(inner, out);
        }
    }
}

const PYTHON_SUMMARY: &str = r#"
import sys
if sys.version_info[:2] != (3, 11):
    print("not 3.11")
    sys.exit(0)
def walk(code, out):
    out.append("|".join(str(x) for x in (
        code.co_qualname, code.co_name, code.co_firstlineno, code.co_argcount,
        code.co_posonlyargcount, code.co_kwonlyargcount, code.co_flags & 0x3f,
        ",".join(code.co_varnames), ",".join(code.co_cellvars), ",".join(code.co_freevars))))
    for c in code.co_consts:
        if hasattr(c, "co_code"):
            walk(c, out)
for path in sys.argv[1:]:
    out = []
    walk(compile(open(path, "rb").read(), path, "exec"), out)
    print("\n".join(sorted(out)))
    print("\0")
"#;

#[test]
fn code_objects_match_cpython() {
    let files = programs();
    let paths: Vec<&str> = files.iter().map(|f| f.to_str().unwrap()).collect();
    // One python3 for all the files: a summary per file, each ended by a NUL line.
    let Ok(python) = Command::new("python3")
        .arg("-c")
        .arg(PYTHON_SUMMARY)
        .args(&paths)
        .output()
    else {
        eprintln!("python3 is missing: nothing to compare");
        return;
    };
    let stdout = String::from_utf8_lossy(&python.stdout);
    if stdout.starts_with("not 3.11") {
        eprintln!("python3 is not 3.11 (comprehensions differ from 3.12 on): nothing to compare");
        return;
    }
    let expected: Vec<&str> = stdout.split("\0\n").collect();
    assert!(expected.len() > files.len(), "python3 failed: {stdout}");
    let mut failures = Vec::new();
    for (file, expected) in files.iter().zip(expected) {
        let expected = expected.trim_end();
        let mut got = Vec::new();
        summary(&compile_file(file), &mut got);
        got.sort();
        let got = got.join("\n");
        if got != expected {
            let only_in = |a: &str, b: &str, who: &str| -> Vec<String> {
                a.lines()
                    .filter(|l| !b.lines().any(|m| m == *l))
                    .map(|l| format!("  {who}: {l}"))
                    .collect()
            };
            let mut differ = only_in(&got, expected, "gilpy  ");
            differ.extend(only_in(expected, &got, "cpython"));
            failures.push(format!("{}:\n{}", file.display(), differ.join("\n")));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn snippets_disassemble_as_checked_in() {
    let dir = root().join("tests/codegen");
    let snippets = files_with_extension(&dir, "py");
    assert!(snippets.len() >= 12, "only {} snippets", snippets.len());
    let bless = std::env::var_os("GILPY_BLESS").is_some();
    let mut failures = Vec::new();
    for file in &snippets {
        let name = file.file_name().unwrap().to_string_lossy().to_string();
        let source = std::fs::read_to_string(file).unwrap();
        let code = compile_source(&source, &name, Mode::Exec)
            .unwrap_or_else(|e| panic!("{name}: {}", e.report()));
        verify(&code).unwrap_or_else(|e| panic!("{name}: {e}"));
        let text = disassemble(&code);
        let expected_path = file.with_extension("dis");
        if bless {
            std::fs::write(&expected_path, &text).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if text != expected {
            failures.push(format!("{name}: disassembly differs; got:\n{text}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn instructions(source: &str, mode: Mode) -> Vec<Instr> {
    compile_source(source, "<test>", mode)
        .unwrap()
        .instructions
        .clone()
}

#[test]
fn interactive_mode_echoes_expression_statements() {
    let code = instructions("x = 1\nx\nif x:\n    x + 1\n", Mode::Interactive);
    assert_eq!(
        code.iter()
            .filter(|i| matches!(i, Instr::PrintExpr))
            .count(),
        2
    );
    let code = instructions("x\n", Mode::Exec);
    assert!(!code.contains(&Instr::PrintExpr));
    // Only the module's own statements echo, not a function's.
    let code = compile_source("def f():\n    1 + 1\n", "<stdin>", Mode::Interactive).unwrap();
    let Some(Constant::Code(f)) = code.consts.iter().find(|c| matches!(c, Constant::Code(_)))
    else {
        panic!("no function")
    };
    assert!(!f.instructions.contains(&Instr::PrintExpr));
}

#[test]
fn eval_mode_returns_the_expression() {
    let code = instructions("a + 1", Mode::Eval);
    assert_eq!(code.last(), Some(&Instr::ReturnValue));
    assert!(!code.contains(&Instr::Pop));
    for bad in ["x = 1", "1; 2", "", "import os"] {
        let err = compile_source(bad, "<string>", Mode::Eval).unwrap_err();
        assert_eq!(err.msg, "invalid syntax", "{bad:?}");
    }
    let err = compile_source("(yield)", "<string>", Mode::Eval).unwrap_err();
    assert_eq!(err.msg, "'yield' outside function");
}

#[test]
fn compile_errors_are_syntax_errors() {
    let err = compile_source("def f():\n    nonlocal x\n", "t.py", Mode::Exec).unwrap_err();
    assert_eq!(err.msg, "no binding for nonlocal 'x' found");
    let err = compile_source("break\n", "t.py", Mode::Exec).unwrap_err();
    assert_eq!(err.msg, "'break' outside loop");
    assert_eq!(err.filename, "t.py");
}

#[test]
fn deeply_nested_expressions_compile() {
    // Deep enough to need the large stack the compiler runs on for big sources (brackets
    // nest at most 200 deep, as in CPython); the padding makes each source big.
    let depth = 2900;
    let padding = format!("{}\n", "#".repeat(5000));
    let deep = [
        format!("x = {}1\n", "-".repeat(depth)),
        format!("x = {}1\n", "not ".repeat(depth)),
        format!("x = {}\n", vec!["a"; depth].join(" + ")),
        format!("x = a{}\n", ".b".repeat(depth)),
        format!("x = f{}\n", "()".repeat(depth)),
        format!("x = a{}\n", "[0]".repeat(depth)),
        format!("x = {}1{}\n", "[".repeat(190), "]".repeat(190)),
        format!("x = {}1{}\n", "(lambda: ".repeat(190), ")".repeat(190)),
        format!("x = {}\n", vec!["a"; depth].join(" < ")),
        format!("x = {}\n", vec!["a"; depth].join(" and ")),
    ];
    for source in &deep {
        let code = compile_source(&format!("{padding}{source}"), "t.py", Mode::Exec).unwrap();
        verify(&code).unwrap();
    }
}

#[test]
fn deep_small_sources_compile_on_a_test_thread() {
    // Under the large-stack threshold: compiled on the caller's (2 MiB test) thread, which
    // holds the deepest such source in a release build (debug builds' frames are far larger).
    let sizes: &[usize] = if cfg!(debug_assertions) {
        &[30]
    } else {
        &[1000, 2900]
    };
    for &n in sizes {
        let source = format!("x = {}1\n", "-".repeat(n));
        compile_source(&source, "t.py", Mode::Exec).unwrap();
        let source = format!("x = {}\n", vec!["a"; n / 4].join("+"));
        compile_source(&source, "t.py", Mode::Exec).unwrap();
        let source = format!("x = a{}\n", ".b".repeat(n / 2));
        compile_source(&source, "t.py", Mode::Exec).unwrap();
        let source = format!("x = f{}\n", "()".repeat(n / 2));
        compile_source(&source, "t.py", Mode::Exec).unwrap();
    }
}

/// Variants of the programs that still pass the checks (cut after some line, or with one line
/// dropped) must compile, and compile to code whose stack depths agree, without a panic.
#[test]
fn program_variants_compile_without_panicking() {
    let cuts_per_file = if cfg!(debug_assertions) { 8 } else { 60 };
    let mut compiled = 0;
    for file in programs() {
        let source = std::fs::read_to_string(&file).unwrap();
        let lines: Vec<&str> = source.lines().collect();
        let step = (lines.len() / cuts_per_file).max(1);
        for at in (0..lines.len()).step_by(step) {
            let prefix = lines[..at].join("\n") + "\n";
            let dropped = [&lines[..at], &lines[at + 1..]].concat().join("\n") + "\n";
            for variant in [prefix, dropped] {
                // Whether it compiled, and the stack check's verdict; errors are fine.
                let outcome = std::panic::catch_unwind(|| {
                    compile_source(&variant, "v.py", Mode::Exec)
                        .ok()
                        .map(|code| verify(&code))
                });
                match outcome {
                    Ok(Some(Ok(()))) => compiled += 1,
                    Ok(Some(Err(problem))) => panic!("{}: {problem}\n{variant}", file.display()),
                    Ok(None) => {}
                    Err(_) => panic!("{}: the compiler panicked on\n{variant}", file.display()),
                }
            }
        }
    }
    assert!(compiled > 100, "only {compiled} variants compiled");
}

#[test]
fn eval_mode_errors_point_where_cpython_points() {
    let cases = [
        ("x = 1", (1, 3, 1, 4)),
        ("1; 2", (1, 2, 1, 3)),
        ("1 ; 2", (1, 3, 1, 4)),
        ("import os", (1, 1, 1, 7)),
        ("1\n2", (2, 1, 2, 2)),
        ("x += 1", (1, 3, 1, 5)),
        ("x: int", (1, 2, 1, 3)),
        ("def f(): pass", (1, 1, 1, 4)),
    ];
    for (source, (line, offset, end_line, end_offset)) in cases {
        let err = compile_source(source, "<string>", Mode::Eval).unwrap_err();
        assert_eq!(err.msg, "invalid syntax");
        assert_eq!(
            (err.lineno, err.offset, err.end_lineno, err.end_offset),
            (line, offset, end_line, end_offset),
            "{source:?}"
        );
    }
}
