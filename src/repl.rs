//! The interactive prompt (REPL): reads entries at `>>> ` / `... ` — with line editing, history
//! and tab completion (rustyline) when stdin and stdout are terminals, from `sys.stdin` with the
//! prompts on stderr otherwise — runs each in `__main__` and reports results and errors as
//! CPython's interactive mode does; also the `exit`/`quit` builtins CPython's `site` adds.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::OnceLock;

use rustyline::completion::{Completer, Pair};
use rustyline::config::{CompletionType, Config};
use rustyline::error::ReadlineError;
use rustyline::highlight::Highlighter;
use rustyline::hint::Hinter;
use rustyline::history::FileHistory;
use rustyline::validate::Validator;
use rustyline::{Context, Editor, Helper};

use crate::builtins::{add_methods, set_type_attr};
use crate::compile::interactive::{Input, classify};
use crate::compile::{self, Mode};
use crate::object::dict::Dict;
use crate::object::gil_cell::Gil;
use crate::object::typeobj::{ExcType, Layout, new_type, type_of, types};
use crate::object::value::{Args, NativeData, ObjRef, Payload, PyObject, Value, new_dict_obj};
use crate::runtime::{signals, stream};
use crate::vm::Vm;
use crate::vm::exceptions::{PyErr, PyResult, type_error};
use crate::{Exception, Interpreter};

/// The file name REPL entries are compiled under, as in CPython.
const FILENAME: &str = "<stdin>";

/// How the end-of-file key is named in `exit`'s repr.
const EOF_KEY: &str = if cfg!(windows) {
    "Ctrl-Z plus Return"
} else {
    "Ctrl-D (i.e. EOF)"
};

/// The history file, in the user's home directory.
const HISTORY_FILE: &str = ".gilpy_history";

// ---------------------------------------------------------------------------------------------
// `exit` and `quit`

/// The payload of `exit` and `quit` (`_sitebuiltins.Quitter` in CPython).
#[derive(Debug)]
struct Quitter {
    name: &'static str,
}

impl NativeData for Quitter {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn quitter_type(gil: &Gil) -> &'static ObjRef {
    static T: OnceLock<ObjRef> = OnceLock::new();
    T.get_or_init(|| {
        let object = types().object.clone();
        let t = new_type(
            "Quitter",
            vec![object.clone()],
            vec![object],
            new_dict_obj(Dict::new()),
            Layout::Opaque,
            false,
            None,
        );
        add_methods(
            gil,
            &t,
            &[("__repr__", quitter_repr), ("__call__", quitter_call)],
        );
        set_type_attr(gil, &t, "__module__", Value::str("_sitebuiltins"));
        t
    })
}

/// Adds `exit` and `quit` to the builtins, as CPython's `site` module does in every mode
/// (scripts call `exit()` too).
pub fn install_site_builtins(py: &mut Interpreter) {
    let vm = &mut py.vm;
    let class = quitter_type(&vm.gil).clone();
    let builtins = vm.interp.builtins.clone();
    for name in ["exit", "quit"] {
        let quitter = Value::Obj(std::sync::Arc::new(PyObject {
            class: Some(class.clone()),
            dict: None,
            payload: Payload::Native(Box::new(Quitter { name })),
        }));
        vm.dict_set_str(&builtins, Value::str(name), quitter);
    }
}

fn this_quitter<'a>(args: &Args<'a>) -> PyResult<&'a Quitter> {
    let quitter = match args.pos.first().and_then(Value::payload) {
        Some(Payload::Native(n)) => n.as_any().downcast_ref::<Quitter>(),
        _ => None,
    };
    quitter.ok_or_else(|| type_error("descriptor requires a '_sitebuiltins.Quitter' object"))
}

fn quitter_repr(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let quitter = this_quitter(&args)?;
    Ok(Value::str(format!(
        "Use {}() or {EOF_KEY} to exit",
        quitter.name
    )))
}

/// `exit(code=None)`: raises `SystemExit(code)`.
fn quitter_call(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this_quitter(&args)?;
    let rest = Args {
        pos: args.pos.get(1..).unwrap_or_default(),
        kw_names: args.kw_names,
        kw_values: args.kw_values,
    };
    let code = rest
        .bind("__call__", &["code"], 0)?
        .into_iter()
        .next()
        .flatten()
        .unwrap_or(Value::None);
    // Created by calling the class, so `code` is set exactly as `raise SystemExit(code)` sets it.
    let class = Value::Obj(types().exception(ExcType::SystemExit).clone());
    match vm.call(&class, Args::positional(&[code]))? {
        Value::Obj(exc) => Err(PyErr::from_instance(exc)),
        _ => Err(type_error("exceptions must derive from BaseException")),
    }
}

// ---------------------------------------------------------------------------------------------
// The session

/// What one read from the user gave.
enum Read {
    Line(String),
    /// Ctrl-C at the prompt.
    Interrupt,
    Eof,
}

/// After an entry: go on, or leave the process with a status.
enum Step {
    Continue,
    Exit(u8),
}

/// The interpreter, shared between the loop and the completer (which runs while the loop waits
/// in `readline`, so the two never borrow it at once).
type Shared<'r, 'p> = &'r RefCell<&'p mut Interpreter>;

/// Runs the interactive prompt until end of input or `SystemExit`; returns the exit status.
/// `banner` prints the version lines first (not after `-i` ran a program).
pub fn interact(py: &mut Interpreter, banner: bool) -> u8 {
    set_default_prompts(py);
    if banner {
        print_banner(py);
    }
    let terminal = stream::is_tty(0) && stream::is_tty(1);
    let shared = RefCell::new(py);
    let mut reader = match terminal.then(|| Terminal::open(&shared)).flatten() {
        Some(t) => Reader::Terminal(Box::new(t)),
        None => Reader::Piped,
    };
    let mut lines: Vec<String> = Vec::new();
    loop {
        let prompt = {
            let mut py = shared.borrow_mut();
            py.vm.flush_std_streams();
            prompt_text(&mut py, !lines.is_empty())
        };
        let read = reader.read(&shared, &prompt);
        let mut py = shared.borrow_mut();
        let step = match read {
            Read::Line(line) => take_line(&mut py, &mut lines, line),
            Read::Interrupt => {
                lines.clear();
                // rustyline already ended the line; the plain reader did not.
                let text = if reader.is_terminal() {
                    "KeyboardInterrupt\n"
                } else {
                    "\nKeyboardInterrupt\n"
                };
                py.vm.write_stderr(text);
                Step::Continue
            }
            Read::Eof if lines.is_empty() => {
                end_prompt_line(&mut py, &reader);
                py.vm.flush_std_streams();
                return 0;
            }
            Read::Eof => {
                end_prompt_line(&mut py, &reader);
                let source = lines.join("\n") + "\n";
                lines.clear();
                finish_at_eof(&mut py, &source)
            }
        };
        if let Step::Exit(status) = step {
            py.vm.flush_std_streams();
            return status;
        }
    }
}

/// Adds a line to the entry being typed; runs the entry (or reports its error) once `classify`
/// calls it complete, and keeps the lines while it needs more.
fn take_line(py: &mut Interpreter, lines: &mut Vec<String>, line: String) -> Step {
    lines.push(line);
    let source = lines.join("\n");
    match classify(&source, FILENAME) {
        Input::Incomplete => Step::Continue,
        Input::Complete(module) => {
            lines.clear();
            if module.body.is_empty() {
                return Step::Continue;
            }
            run_entry(py, &source)
        }
        Input::Invalid(err) => {
            lines.clear();
            report_syntax_error(py, err)
        }
    }
}

/// End of input leaves the cursor after the prompt: the plain reader ends that line as CPython
/// does (rustyline already did).
fn end_prompt_line(py: &mut Interpreter, reader: &Reader) {
    if !reader.is_terminal() {
        py.vm.write_stderr("\n");
    }
}

/// `gilpy -i PROGRAM`: reports how the program ended (its `SystemExit` too: under `-i` it is
/// an ordinary exception), then runs the prompt; returns the exit status.
pub fn inspect_after(py: &mut Interpreter, outcome: Result<(), Exception>) -> u8 {
    if let Err(e) = outcome {
        let report = if e.type_name == "SystemExit" {
            // The traceback is gone by now; CPython would print it above this line.
            match e.message.as_str() {
                "" => "SystemExit\n".to_string(),
                m => format!("SystemExit: {m}\n"),
            }
        } else {
            e.report
        };
        py.vm.flush_std_streams();
        py.vm.write_stderr(&report);
    }
    interact(py, false)
}

fn print_banner(py: &mut Interpreter) {
    let version = sys_str(py, "version").unwrap_or_else(|| "3.11".to_string());
    let platform = sys_str(py, "platform").unwrap_or_else(|| std::env::consts::OS.to_string());
    // gilpy has no help(), copyright, credits or license: only say what exists.
    let text =
        format!("Python {version} on {platform}\nType \"exit()\" or press {EOF_KEY} to leave.\n");
    py.vm.write_stderr(&text);
}

fn sys_str(py: &mut Interpreter, name: &str) -> Option<String> {
    py.vm.sys_attr(name)?.as_str().map(str::to_string)
}

fn sys_module(py: &Interpreter) -> Option<ObjRef> {
    let modules = py.vm.interp.modules.clone();
    match py.vm.dict_get_str(&modules, &Value::str("sys"))? {
        Value::Obj(m) => Some(m),
        _ => None,
    }
}

/// `sys.ps1` and `sys.ps2` exist only in interactive mode.
fn set_default_prompts(py: &mut Interpreter) {
    let Some(sys) = sys_module(py) else { return };
    for (name, text) in [("ps1", ">>> "), ("ps2", "... ")] {
        if py.vm.sys_attr(name).is_none() {
            crate::modules::set_attr(&py.vm, &sys, name, Value::str(text));
        }
    }
}

/// `str(sys.ps1)` (or `sys.ps2` inside an entry), read anew for each prompt as CPython does.
fn prompt_text(py: &mut Interpreter, continuation: bool) -> String {
    let (name, default) = if continuation {
        ("ps2", "... ")
    } else {
        ("ps1", ">>> ")
    };
    match py.vm.sys_attr(name) {
        Some(v) => py.vm.str(&v).unwrap_or_default(),
        None => default.to_string(),
    }
}

/// Compiles and runs one complete entry; expression statements echo through the display hook.
fn run_entry(py: &mut Interpreter, source: &str) -> Step {
    // Compiled here rather than through `run_source_in`, which would keep the text for
    // tracebacks: CPython shows no source lines for `<stdin>`, and each entry would replace the
    // last one under the same name.
    let code = match compile::compile_source(source, FILENAME, Mode::Interactive) {
        Ok(code) => code,
        Err(e) => return report_syntax_error(py, e),
    };
    let Some(globals) = py.main.dict.clone() else {
        return Step::Continue;
    };
    match py.vm.run_code(code, &globals, Some(globals.clone())) {
        Ok(_) => Step::Continue,
        Err(err) => report_error(py, &err),
    }
}

/// End of input inside an entry ends the entry: CPython runs it, or reports why it cannot.
fn finish_at_eof(py: &mut Interpreter, source: &str) -> Step {
    match classify(source, FILENAME) {
        Input::Complete(module) if module.body.is_empty() => Step::Continue,
        Input::Complete(_) => run_entry(py, source),
        Input::Invalid(err) => report_syntax_error(py, err),
        Input::Incomplete => match compile::check_source(source, FILENAME) {
            Err(err) => report_syntax_error(py, err),
            Ok(_) => run_entry(py, source),
        },
    }
}

fn report_syntax_error(py: &mut Interpreter, err: crate::syntax::SyntaxError) -> Step {
    let err = py.vm.syntax_error(err);
    report_error(py, &err)
}

/// Prints an exception as `sys.excepthook` would and keeps it in `sys.last_*`; `SystemExit`
/// ends the session instead.
fn report_error(py: &mut Interpreter, err: &PyErr) -> Step {
    if err.matches(ExcType::SystemExit) {
        return Step::Exit(exit_status(py, err));
    }
    remember_last(py, err);
    let report = py.vm.format_exception(err);
    py.vm.flush_std_streams();
    py.vm.write_stderr(&report);
    Step::Continue
}

fn remember_last(py: &mut Interpreter, err: &PyErr) {
    let Some(sys) = sys_module(py) else { return };
    let exc = err.value();
    let traceback = py.vm.traceback_value(&exc);
    let class = Value::Obj(type_of(&exc).clone());
    for (name, value) in [
        ("last_type", class),
        ("last_value", exc),
        ("last_traceback", traceback),
    ] {
        crate::modules::set_attr(&py.vm, &sys, name, value);
    }
}

/// The process status `SystemExit` asks for: None → 0, an int → its low byte (what `exit(3)`
/// passes on), anything else is printed and gives 1.
fn exit_status(py: &mut Interpreter, err: &PyErr) -> u8 {
    let code = py
        .vm
        .get_attr(&err.value(), &Value::str("code"))
        .unwrap_or(Value::None);
    match &code {
        Value::None => 0,
        Value::Bool(b) => u8::from(*b),
        // Truncation is the point: the OS keeps the low byte of the status.
        Value::Int(i) => *i as u8,
        Value::Obj(o) if matches!(o.payload, Payload::Int(_)) => 255,
        _ => {
            let text = py.vm.str(&code).unwrap_or_default();
            py.vm.flush_std_streams();
            py.vm.write_stderr(&format!("{text}\n"));
            1
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Reading lines

/// Where entries come from.
enum Reader<'r, 'p> {
    /// A terminal on stdin and stdout: rustyline.
    Terminal(Box<Terminal<'r, 'p>>),
    /// Anything else: `sys.stdin.readline()`, prompts on stderr (as CPython without readline).
    Piped,
}

impl Reader<'_, '_> {
    fn is_terminal(&self) -> bool {
        matches!(self, Reader::Terminal(_))
    }

    fn read(&mut self, py: &RefCell<&mut Interpreter>, prompt: &str) -> Read {
        match self {
            Reader::Terminal(t) => t.read(prompt),
            Reader::Piped => read_piped(&mut py.borrow_mut(), prompt),
        }
    }
}

fn read_piped(py: &mut Interpreter, prompt: &str) -> Read {
    py.vm.write_stderr(prompt);
    let stdin = match py.vm.sys_attr("stdin") {
        Some(v) if !v.is_none() => v,
        _ => return Read::Eof,
    };
    let result = py.vm.call_method(&stdin, "readline", &[]);
    if signals::take_sigint() {
        return Read::Interrupt;
    }
    match result {
        Ok(v) => match v.as_str() {
            None | Some("") => Read::Eof,
            Some(s) => {
                let s = s.strip_suffix('\n').unwrap_or(s);
                Read::Line(s.strip_suffix('\r').unwrap_or(s).to_string())
            }
        },
        Err(e) if e.matches(ExcType::KeyboardInterrupt) => Read::Interrupt,
        Err(e) => {
            let report = py.vm.format_exception(&e);
            py.vm.write_stderr(&report);
            Read::Eof
        }
    }
}

/// rustyline on the terminal, with the history file and lines still to hand out from a paste.
struct Terminal<'r, 'p> {
    editor: Editor<Completion<'r, 'p>, FileHistory>,
    history: Option<PathBuf>,
    pasted: VecDeque<String>,
}

impl<'r, 'p> Terminal<'r, 'p> {
    fn open(py: Shared<'r, 'p>) -> Option<Terminal<'r, 'p>> {
        let mut editor = Editor::with_config(editor_config()).ok()?;
        editor.set_helper(Some(Completion { py }));
        let history = std::env::var_os("HOME")
            .filter(|h| !h.is_empty())
            .map(|home| PathBuf::from(home).join(HISTORY_FILE));
        if let Some(path) = &history {
            // A missing or unreadable history file only means starting afresh.
            let _ = editor.load_history(path);
        }
        Some(Terminal {
            editor,
            history,
            pasted: VecDeque::new(),
        })
    }

    fn read(&mut self, prompt: &str) -> Read {
        if let Some(line) = self.pasted.pop_front() {
            return Read::Line(line);
        }
        let result = self.editor.readline(prompt);
        // A SIGINT that came while waiting for input must not interrupt the next entry.
        signals::take_sigint();
        match result {
            Ok(text) => {
                // A bracketed paste comes back whole: hand it out line by line, as if typed.
                let mut lines = text
                    .split('\n')
                    .map(|l| l.strip_suffix('\r').unwrap_or(l).to_string());
                let first = lines.next().unwrap_or_default();
                self.pasted.extend(lines);
                self.remember(&first);
                for line in self.pasted.clone() {
                    self.remember(&line);
                }
                Read::Line(first)
            }
            Err(ReadlineError::Interrupted) => Read::Interrupt,
            Err(_) => Read::Eof,
        }
    }

    /// Adds a line to the history and appends it to the file at once, so the history survives
    /// however the process ends; failing to write it is not worth a word.
    fn remember(&mut self, line: &str) {
        if line.trim().is_empty() {
            return;
        }
        let _ = self.editor.add_history_entry(line);
        if let Some(path) = &self.history {
            let _ = self.editor.append_history(path);
        }
    }
}

fn editor_config() -> Config {
    Config::builder()
        .auto_add_history(false)
        .completion_type(CompletionType::List)
        // Output left without a newline would be drawn over by the prompt: ask the terminal
        // where the cursor is and start a new line if needed.
        .check_cursor_position(true)
        .max_history_size(1000)
        // GNU readline under CPython skips a line equal to the one before it.
        .and_then(|b| b.history_ignore_dups(true))
        .map(|b| b.build())
        .unwrap_or_default()
}

// ---------------------------------------------------------------------------------------------
// Tab completion

/// Python's keywords (`keyword.kwlist` in 3.11).
const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

/// Completes names (keywords, `__main__`'s globals, builtins) and `name.attr` (from `dir()`).
struct Completion<'r, 'p> {
    py: Shared<'r, 'p>,
}

impl Completer for Completion<'_, '_> {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        let before = line.get(..pos).unwrap_or(line);
        let start = word_start(before);
        let word = &before[start..];
        if word.is_empty() {
            // As CPython's completer: TAB with nothing to complete indents.
            return Ok((pos, vec![candidate("\t".to_string())]));
        }
        let Ok(mut py) = self.py.try_borrow_mut() else {
            return Ok((pos, Vec::new()));
        };
        Ok(match word.rfind('.') {
            Some(dot) => {
                let (expr, prefix) = (&word[..dot], &word[dot + 1..]);
                (start + dot + 1, attribute_matches(&mut py, expr, prefix))
            }
            None => (start, global_matches(&mut py, word)),
        })
    }
}

impl Hinter for Completion<'_, '_> {
    type Hint = String;
}

impl Highlighter for Completion<'_, '_> {}

impl Validator for Completion<'_, '_> {}

impl Helper for Completion<'_, '_> {}

fn candidate(text: String) -> Pair {
    Pair {
        display: text.clone(),
        replacement: text,
    }
}

/// Where the dotted name that ends at the cursor starts.
fn word_start(before: &str) -> usize {
    before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric() || c == '_' || c == '.')
        .last()
        .map_or(before.len(), |(i, _)| i)
}

fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_alphabetic() || c == '_')
        && chars.all(|c| c.is_alphanumeric() || c == '_')
}

/// Keywords get what follows them (CPython's completer adds a space or a colon).
fn keyword_completion(word: &str) -> String {
    match word {
        "finally" | "try" => format!("{word}:"),
        "False" | "None" | "True" | "break" | "continue" | "pass" | "else" => word.to_string(),
        _ => format!("{word} "),
    }
}

fn global_matches(py: &mut Interpreter, prefix: &str) -> Vec<Pair> {
    let mut out: Vec<String> = KEYWORDS
        .iter()
        .filter(|k| k.starts_with(prefix))
        .map(|k| keyword_completion(k))
        .collect();
    let mut seen: Vec<&str> = KEYWORDS
        .iter()
        .copied()
        .filter(|k| k.starts_with(prefix))
        .collect();
    let mut entries = py
        .main
        .dict
        .as_ref()
        .map(|d| dict_entries(&py.vm, d))
        .unwrap_or_default();
    entries.extend(dict_entries(&py.vm, &py.vm.interp.builtins.clone()));
    let mut names = Vec::new();
    for (name, value) in &entries {
        if name.starts_with(prefix) && !seen.contains(&name.as_str()) {
            seen.push(name);
            names.push(with_call_paren(&py.vm, name, value));
        }
    }
    names.sort();
    out.extend(names);
    out.into_iter().map(candidate).collect()
}

/// `(name, value)` for each str key of a dict, copied out so no borrow outlives the call.
fn dict_entries(vm: &Vm, dict: &ObjRef) -> Vec<(String, Value)> {
    let Payload::Dict(d) = &dict.payload else {
        return Vec::new();
    };
    let Ok(d) = d.try_borrow(&vm.gil) else {
        return Vec::new();
    };
    d.iter()
        .filter_map(|e| Some((e.key.as_str()?.to_string(), e.value.clone())))
        .collect()
}

fn with_call_paren(vm: &Vm, name: &str, value: &Value) -> String {
    if is_callable(vm, value) {
        format!("{name}(")
    } else {
        name.to_string()
    }
}

/// `callable(v)`, decided from the type alone (nothing runs).
fn is_callable(vm: &Vm, v: &Value) -> bool {
    match v.payload() {
        Some(
            Payload::Function(_)
            | Payload::Builtin(_)
            | Payload::BoundMethod { .. }
            | Payload::Type(_),
        ) => true,
        _ => vm.lookup_mro(type_of(v), &Value::str("__call__")).is_some(),
    }
}

/// `expr.prefix<TAB>`: `expr` is evaluated only when it is a plain dotted name (name lookups
/// and attribute lookups, no calls, no subscripts).
fn attribute_matches(py: &mut Interpreter, expr: &str, prefix: &str) -> Vec<Pair> {
    if !expr.split('.').all(is_identifier) {
        return Vec::new();
    }
    let Some(obj) = evaluate_dotted(py, expr) else {
        return Vec::new();
    };
    let names = attribute_names(py, &obj);
    // As CPython's completer: private names only when asked for (or when nothing else fits).
    let mut hide: Option<&str> = match prefix {
        "" => Some("_"),
        "_" => Some("__"),
        _ => None,
    };
    loop {
        let chosen: Vec<&String> = names
            .iter()
            .filter(|n| n.starts_with(prefix) && hide.is_none_or(|h| !n.starts_with(h)))
            .collect();
        if !chosen.is_empty() || hide.is_none() {
            return chosen
                .into_iter()
                .map(|n| candidate(attribute_completion(py, &obj, n)))
                .collect();
        }
        hide = if hide == Some("_") { Some("__") } else { None };
    }
}

fn evaluate_dotted(py: &mut Interpreter, expr: &str) -> Option<Value> {
    let mut parts = expr.split('.');
    let first = Value::str(parts.next()?);
    let globals = py.main.dict.clone()?;
    let builtins = py.vm.interp.builtins.clone();
    let mut obj = py
        .vm
        .dict_get_str(&globals, &first)
        .or_else(|| py.vm.dict_get_str(&builtins, &first))?;
    for part in parts {
        obj = py.vm.get_attr(&obj, &Value::str(part)).ok()?;
    }
    Some(obj)
}

/// `dir(obj)`, or nothing if it fails.
fn attribute_names(py: &mut Interpreter, obj: &Value) -> Vec<String> {
    let builtins = py.vm.interp.builtins.clone();
    let Some(dir) = py.vm.dict_get_str(&builtins, &Value::str("dir")) else {
        return Vec::new();
    };
    let Ok(list) = py
        .vm
        .call(&dir, Args::positional(std::slice::from_ref(obj)))
    else {
        return Vec::new();
    };
    let Ok(items) = py.vm.iterate(&list) else {
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|v| v.as_str().map(str::to_string))
        .collect()
}

/// `name(` for a callable attribute; a property is not read (its getter could do anything).
fn attribute_completion(py: &mut Interpreter, obj: &Value, name: &str) -> String {
    let key = Value::str(name);
    let on_type = py.vm.lookup_mro(type_of(obj), &key);
    if matches!(
        on_type.as_ref().and_then(Value::payload),
        Some(Payload::Property(_))
    ) {
        return name.to_string();
    }
    match py.vm.get_attr(obj, &key) {
        Ok(value) => with_call_paren(&py.vm, name, &value),
        Err(_) => name.to_string(),
    }
}
