//! The `gilpy` command: reads its arguments and hands the work to the library.

use std::process::ExitCode;

use gilpy::compile::{self, disassemble::disassemble};
use gilpy::syntax::{self, dump};
use gilpy::{Interpreter, Options};

const SHORT_USAGE: &str = "usage: gilpy [option] ... [-c cmd | -m mod | file | -] [arg] ...";

const USAGE: &str = "usage: gilpy [option] ... [-c cmd | -m mod | file | -] [arg] ...
Options:
-c cmd : program passed in as string (terminates option list)
-h     : print this help message and exit (also --help)
-i     : inspect interactively after running script
-m mod : run library module as a script (terminates option list)
-u     : force the stdout and stderr streams to be unbuffered;
         also PYTHONUNBUFFERED=x
-V     : print the Python version number and exit (also --version)
--check FILE    : parse and compile FILE, report the first error
--dump-ast FILE : print FILE's syntax tree as ast.dump(indent=2) does
--dis FILE      : print FILE's bytecode
file   : program read from script file
-      : program read from stdin (default; interactive mode if a tty)
arg ...: arguments passed to program in sys.argv[1:]
";

/// What to run.
enum Program {
    File(String),
    Command(String),
    Module(String),
    Stdin,
}

/// Development tools that only read a file.
enum Tool {
    Check,
    DumpAst,
    Dis,
}

/// The stack of the thread Python code runs on: deep recursion raises RecursionError well
/// before this is used up.
const STACK_SIZE: usize = 512 << 20;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, path] = args.as_slice() {
        let tool = match flag.as_str() {
            "--check" => Some(Tool::Check),
            "--dump-ast" => Some(Tool::DumpAst),
            "--dis" => Some(Tool::Dis),
            _ => None,
        };
        if let Some(tool) = tool {
            return run_tool(tool, path);
        }
    }
    let mut unbuffered = std::env::var_os("PYTHONUNBUFFERED").is_some_and(|v| !v.is_empty());
    let mut inspect = false;
    let mut i = 0;
    let program = loop {
        let Some(arg) = args.get(i) else {
            break Program::Stdin;
        };
        i += 1;
        match arg.as_str() {
            "-u" => unbuffered = true,
            "-i" => inspect = true,
            "-h" | "--help" | "-?" => {
                print!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            "-V" | "--version" => {
                println!("Python 3.11.7 (gilpy {})", env!("CARGO_PKG_VERSION"));
                return ExitCode::SUCCESS;
            }
            "-c" | "-m" => {
                let Some(value) = args.get(i) else {
                    eprintln!("Argument expected for the {arg} option\n{USAGE}");
                    return ExitCode::from(2);
                };
                i += 1;
                break if arg == "-c" {
                    Program::Command(value.clone())
                } else {
                    Program::Module(value.clone())
                };
            }
            "-" => break Program::Stdin,
            s if s.starts_with('-') && s.len() > 1 => {
                eprintln!(
                    "Unknown option: {s}\n{SHORT_USAGE}\nTry `gilpy -h' for more information."
                );
                return ExitCode::from(2);
            }
            s => break Program::File(s.to_string()),
        }
    };
    // PYTHONINSPECT=x acts as -i.
    inspect |= std::env::var_os("PYTHONINSPECT").is_some_and(|v| !v.is_empty());
    let rest = args[i..].to_vec();
    let worker = std::thread::Builder::new()
        .name("main".into())
        .stack_size(STACK_SIZE)
        .spawn(move || run(program, rest, unbuffered, inspect));
    match worker.map(|t| t.join()) {
        Ok(Ok(code)) => ExitCode::from(code),
        _ => ExitCode::from(1),
    }
}

/// Runs the program in a new interpreter; returns the exit status.
fn run(program: Program, rest: Vec<String>, unbuffered: bool, inspect: bool) -> u8 {
    let (argv0, path0) = match &program {
        Program::File(f) => {
            let abs = absolute(f);
            let dir = std::path::Path::new(&abs)
                .parent()
                .map(|p| p.display().to_string())
                .unwrap_or_default();
            (f.clone(), dir)
        }
        Program::Command(_) => ("-c".to_string(), String::new()),
        Program::Module(_) => (String::new(), cwd()),
        Program::Stdin => (String::new(), String::new()),
    };
    let mut argv = vec![argv0];
    argv.extend(rest);
    gilpy::runtime::signals::install_sigint_handler();
    let mut py = Interpreter::with_options(Options {
        argv,
        path: vec![path0],
        unbuffered,
        stack_budget: STACK_SIZE - (16 << 20),
    });
    gilpy::repl::install_site_builtins(&mut py);
    // No program: the prompt, if stdin is a terminal or -i asks for it (CPython's rule).
    if matches!(program, Program::Stdin) && (inspect || gilpy::runtime::stream::is_tty(0)) {
        let status = gilpy::repl::interact(&mut py, true);
        py.flush();
        return status;
    }
    let result = match &program {
        Program::File(f) => {
            if let Err(e) = std::fs::metadata(f) {
                eprintln!(
                    "gilpy: can't open file '{}': [Errno {}] {}",
                    absolute(f),
                    e.raw_os_error().unwrap_or(0),
                    gilpy::modules::strerror(e.raw_os_error().unwrap_or(0))
                );
                return 2;
            }
            py.run_file(&absolute(f))
        }
        Program::Command(c) => py.run_source(c, "<string>"),
        Program::Module(m) => py.run_module(m),
        Program::Stdin => {
            let mut source = String::new();
            if std::io::Read::read_to_string(&mut std::io::stdin(), &mut source).is_err() {
                return 1;
            }
            py.run_source(&source, "<stdin>")
        }
    };
    if inspect {
        let status = gilpy::repl::inspect_after(&mut py, result);
        py.flush();
        return status;
    }
    let status = match result {
        Ok(()) => 0,
        Err(e) => {
            py.print_exception(&e);
            if e.type_name == "KeyboardInterrupt" {
                py.flush();
                return die_by_sigint();
            }
            match e.exit_status {
                Some(s) => s as u8,
                None => 1,
            }
        }
    };
    py.flush();
    status
}

fn run_tool(tool: Tool, path: &str) -> ExitCode {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(err) => {
            eprintln!("gilpy: can't open file '{path}': {}", os_error(&err));
            return ExitCode::from(2);
        }
    };
    let source = match String::from_utf8(bytes) {
        Ok(source) => source,
        Err(err) => {
            eprintln!("{}", non_utf8_error(err.as_bytes(), err.utf8_error(), path));
            return ExitCode::from(1);
        }
    };
    let shown = path.to_string();
    let outcome = syntax::on_large_stack(source.len(), move || match tool {
        Tool::Dis => compile::compile_source(&source, &shown, compile::Mode::Exec)
            .map(|code| disassemble(&code).trim_end().to_string())
            .map_err(|err| err.report()),
        Tool::DumpAst => syntax::parse_module(&source, &shown)
            .map(|m| dump::dump_module(&m))
            .map_err(|err| err.report()),
        Tool::Check => compile::check_source(&source, &shown)
            .map(|_| String::new())
            .map_err(|err| err.report()),
    });
    match outcome {
        Err(report) => {
            eprint!("{report}");
            ExitCode::from(1)
        }
        Ok(text) => {
            if !text.is_empty() {
                println!("{text}");
            }
            ExitCode::SUCCESS
        }
    }
}

/// `[Errno 2] No such file or directory`, as Python words an OS error.
fn os_error(err: &std::io::Error) -> String {
    let errno = err.raw_os_error().unwrap_or(0);
    format!("[Errno {errno}] {}", gilpy::modules::strerror(errno))
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

fn cwd() -> String {
    std::env::current_dir()
        .map(|p| p.display().to_string())
        .unwrap_or_default()
}

/// An uncaught KeyboardInterrupt ends the process by SIGINT, as CPython does (so a shell sees
/// "killed by SIGINT", status 130).
fn die_by_sigint() -> u8 {
    gilpy::runtime::signals::exit_by_sigint();
    130
}
