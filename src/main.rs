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
    let source = match read_source(path) {
        Ok(source) => source,
        Err(err) => {
            eprintln!(
                "gilpy: can't open file '{path}': [Errno {}] {}",
                err.0, err.1
            );
            return ExitCode::from(2);
        }
    };
    // Like CPython, a script's errors name it by its absolute path; --check keeps the path given.
    let shown = match mode {
        Mode::Run => absolute(path),
        _ => path.clone(),
    };
    let text = source.clone();
    let outcome = syntax::on_large_stack(source.len(), move || {
        syntax::parse_module(&text, &shown)
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

/// The file's text; a file that is not UTF-8 is decoded lossily, as the tokenizer would reject it.
fn read_source(path: &str) -> Result<String, (i32, String)> {
    match std::fs::read(path) {
        Ok(bytes) => Ok(String::from_utf8(bytes)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())),
        Err(err) => {
            let errno = err.raw_os_error().unwrap_or(0);
            let text = match err.kind() {
                std::io::ErrorKind::NotFound => "No such file or directory".to_string(),
                _ => err.to_string(),
            };
            Err((errno, text))
        }
    }
}

fn absolute(path: &str) -> String {
    std::path::absolute(path)
        .map(|p| p.display().to_string())
        .unwrap_or_else(|_| path.to_string())
}
