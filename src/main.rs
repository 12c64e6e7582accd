//! The `gilpy` command: reads its arguments and hands the work to the library.

use std::process::ExitCode;

use gilpy::syntax::{self, dump};

const USAGE: &str = "usage: gilpy [--check | --dump-ast] FILE";

enum Mode {
    Run,
    Check,
    DumpAst,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (mode, path) = match args.as_slice() {
        [flag, path] if flag == "--check" => (Mode::Check, path),
        [flag, path] if flag == "--dump-ast" => (Mode::DumpAst, path),
        [path] if !path.starts_with('-') => (Mode::Run, path),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(err) => {
            eprintln!("gilpy: can't open file '{path}': {}", os_error(&err));
            return ExitCode::from(2);
        }
    };
    // Like CPython, a script's errors name it by its absolute path; --check keeps the path given.
    let shown = match mode {
        Mode::Run => absolute(path),
        _ => path.clone(),
    };
    let source = match String::from_utf8(bytes) {
        Ok(source) => source,
        Err(err) => {
            eprintln!(
                "{}",
                non_utf8_error(err.as_bytes(), err.utf8_error(), &shown)
            );
            return ExitCode::from(1);
        }
    };
    let len = source.len();
    let outcome = syntax::on_large_stack(len, move || {
        let parsed = match mode {
            Mode::DumpAst => syntax::parse_module(&source, &shown),
            _ => gilpy::compile::check_source(&source, &shown),
        };
        parsed
            .map(|module| match mode {
                Mode::DumpAst => Some(dump::dump_module(&module)),
                Mode::Check => None,
                Mode::Run => Some(String::new()),
            })
            .map_err(|err| err.report())
    });
    match outcome {
        Err(report) => {
            eprint!("{report}");
            ExitCode::from(1)
        }
        Ok(Some(text)) if !text.is_empty() => {
            println!("{text}");
            ExitCode::SUCCESS
        }
        Ok(Some(_)) => {
            eprintln!(
                "gilpy: {path} parses, but running programs is not implemented yet (use --check or --dump-ast)"
            );
            ExitCode::from(2)
        }
        Ok(None) => ExitCode::SUCCESS,
    }
}

/// `[Errno 2] No such file or directory`, as Python words an OS error.
fn os_error(err: &std::io::Error) -> String {
    let errno = err.raw_os_error().unwrap_or(0);
    let text = err.to_string();
    // Rust appends " (os error N)" to the system's message; Python shows the message alone.
    let text = text.split(" (os error").next().unwrap_or(&text);
    format!("[Errno {errno}] {text}")
}

/// CPython's error for a source file that is not UTF-8 (gilpy reads no coding declarations).
fn non_utf8_error(bytes: &[u8], err: std::str::Utf8Error, shown: &str) -> String {
    let at = err.valid_up_to();
    let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
    format!(
        "SyntaxError: Non-UTF-8 code starting with '\\x{:02x}' in file {shown} on line {line}, \
         but no encoding declared; see https://peps.python.org/pep-0263/ for details",
        bytes[at]
    )
}

fn absolute(path: &str) -> String {
    std::path::absolute(path)
        .map(|p| p.display().to_string())
        .unwrap_or_else(|_| path.to_string())
}
