//! Robustness test: every prefix and hundreds of byte mutations of the repo's Python programs must make `parse_module` return Ok or Err, never panic or hang.
//!
//! Inputs are the `.py` files under `tests/programs/` and `tests/syntax_errors/` and, when they
//! exist beside the crate, `../shared/workload/programs` and `../shared/bench/programs`. For each
//! file the test parses (a) prefixes cut at character boundaries (all of them for short files,
//! an even spread plus pseudo-random cuts for long ones) and (b) deterministic pseudo-random
//! mutations (inserted, deleted and replaced bytes, biased towards Python's delimiters). Each parse
//! runs on a worker thread under `catch_unwind`, with a 5 s watchdog: a hang is a bug as much as a
//! panic. On failure the test prints the smallest offending input (shrunk further when it panics).
//! The input being parsed is also written to `$CARGO_TARGET_TMPDIR/no_panic_current.py`, so an abort
//! that kills the whole process (a stack overflow) still leaves it behind.
//!
//! Sized for `cargo test --release` (a few seconds); debug builds run fewer cases.
//! `GILPY_NO_PANIC_CASES=N` overrides the number of prefixes and of mutations per file.

use std::cell::RefCell;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::Once;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread;
use std::time::{Duration, Instant};

const WATCHDOG: Duration = Duration::from_secs(5);
const WORKER_NAME: &str = "no_panic-worker";

/// Prefixes and mutations per file: (release, debug).
const CASES: (usize, usize) = (300, 40);

/// Tokens the mutator inserts or substitutes.
#[rustfmt::skip]
const TOKENS: &[&str] = &[
    "(", ")", "[", "]", "{", "}", ":", "\"", "'", "'''", "\"\"\"", "\\", "\t", "\n", "\r", "\r\n", "f\"{",
    "f'{x!r:{", "}", "=", ":=", ",", ".", "*", "**", "#", " ", "    ", "lambda", "def ", "class ", "if ",
    "else", "yield", "return", "0x", "1e", "1_", "0b2", "rb'", "u\"", "\u{feff}", "\u{a0}", "é", "\u{2028}",
    "\u{0}", "\x0c", "@", "->", "...", "not", "is", "in", "global x", "nonlocal y", "del ", "import ",
];

fn cases_per_file() -> usize {
    if let Some(n) = std::env::var("GILPY_NO_PANIC_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
    {
        return n;
    }
    if cfg!(debug_assertions) {
        CASES.1
    } else {
        CASES.0
    }
}

// ------------------------------------------------------------------------ inputs

fn collect_py(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect_py(&path, out);
        } else if path.extension().is_some_and(|ext| ext == "py") {
            out.push(path);
        }
    }
}

fn input_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for rel in [
        "tests/programs",
        "tests/syntax_errors",
        "../shared/workload/programs",
        "../shared/bench/programs",
    ] {
        collect_py(&root.join(rel), &mut files);
    }
    files
}

fn display_name(path: &Path) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    path.strip_prefix(root)
        .unwrap_or(path)
        .display()
        .to_string()
}

/// xorshift64*: small, deterministic, good enough to pick positions and tokens.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9e37_79b9_7f4a_7c15 | 1)
    }
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    /// Uniform-ish in 0..n (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ b as u64).wrapping_mul(0x100_0000_01b3)
    })
}

/// Prefixes of `source` ending on character boundaries: all of them when there are at most
/// `limit`, otherwise `limit` of them, half evenly spread and half pseudo-random.
fn prefixes(source: &str, limit: usize, rng: &mut Rng) -> Vec<String> {
    let mut cuts: Vec<usize> = source.char_indices().map(|(i, _)| i).collect();
    cuts.push(source.len());
    if cuts.len() > limit {
        let all = cuts;
        let mut chosen: Vec<usize> = (0..limit / 2)
            .map(|k| all[k * all.len() / (limit / 2).max(1)])
            .collect();
        chosen.extend((0..limit - limit / 2).map(|_| all[rng.below(all.len())]));
        chosen.push(source.len());
        chosen.sort_unstable();
        chosen.dedup();
        cuts = chosen;
    }
    cuts.into_iter()
        .map(|end| source[..end].to_string())
        .collect()
}

/// One to four random edits of the source's bytes; the result is decoded lossily, as a caller
/// holding arbitrary bytes would do.
fn mutate(source: &str, rng: &mut Rng) -> String {
    let mut bytes = source.as_bytes().to_vec();
    for _ in 0..1 + rng.below(4) {
        let pos = if bytes.is_empty() {
            0
        } else {
            rng.below(bytes.len() + 1)
        };
        let token: Vec<u8> = if rng.below(6) == 0 {
            vec![rng.next() as u8]
        } else {
            TOKENS[rng.below(TOKENS.len())].as_bytes().to_vec()
        };
        match rng.below(5) {
            // insert a token
            0 | 1 => {
                bytes.splice(pos..pos, token);
            }
            // delete 1..8 bytes
            2 => {
                let end = (pos + 1 + rng.below(8)).min(bytes.len());
                bytes.drain(pos.min(end)..end);
            }
            // replace 1..4 bytes with a token
            3 => {
                let end = (pos + 1 + rng.below(4)).min(bytes.len());
                bytes.splice(pos.min(end)..end, token);
            }
            // duplicate a short slice somewhere else (repeats brackets, indents, quotes)
            _ => {
                let end = (pos + 1 + rng.below(24)).min(bytes.len());
                let chunk: Vec<u8> = bytes[pos.min(end)..end].to_vec();
                let at = rng.below(bytes.len() + 1);
                bytes.splice(at..at, chunk);
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

// ------------------------------------------------------------------------ the watched parser

thread_local! {
    /// The message and location of the last panic on this (worker) thread.
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Panics on worker threads are expected (and reported by the test): record them quietly
/// instead of printing a backtrace for every mutated input.
fn install_quiet_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let default = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if thread::current()
                .name()
                .is_some_and(|n| n.starts_with(WORKER_NAME))
            {
                let msg = if let Some(s) = info.payload().downcast_ref::<&str>() {
                    (*s).to_string()
                } else if let Some(s) = info.payload().downcast_ref::<String>() {
                    s.clone()
                } else {
                    "<non-string panic payload>".to_string()
                };
                let at = info
                    .location()
                    .map(|l| format!("{}:{}:{}", l.file(), l.line(), l.column()));
                let text = format!("panicked at {}: {msg}", at.as_deref().unwrap_or("?"));
                LAST_PANIC.with(|p| *p.borrow_mut() = Some(text));
            } else {
                default(info);
            }
        }));
    });
}

enum Outcome {
    Fine,
    Panicked(String),
    Hung,
}

/// A thread that parses what it is sent, one input at a time; replaced when it hangs.
struct Watched {
    jobs: Sender<String>,
    results: Receiver<Result<(), String>>,
    scratch: PathBuf,
}

impl Watched {
    fn new(tag: &str) -> Watched {
        install_quiet_hook();
        let (jobs, job_rx) = mpsc::channel::<String>();
        let (res_tx, results) = mpsc::channel();
        thread::Builder::new()
            .name(format!("{WORKER_NAME}-{tag}"))
            .stack_size(8 << 20) // the size of a main thread's stack, where the binary parses
            .spawn(move || {
                for source in job_rx {
                    let outcome = panic::catch_unwind(AssertUnwindSafe(|| {
                        // Ok and Err are both fine; only unwinding out of here is a failure.
                        let _ = gilpy::syntax::parse_module(&source, "<no_panic>");
                    }));
                    let report = outcome.map_err(|_| {
                        LAST_PANIC
                            .with(|p| p.borrow_mut().take())
                            .unwrap_or_else(|| "panicked".to_string())
                    });
                    if res_tx.send(report).is_err() {
                        break;
                    }
                }
            })
            .expect("spawn parser worker");
        let scratch =
            PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("no_panic_current_{tag}.py"));
        Watched {
            jobs,
            results,
            scratch,
        }
    }

    fn parse(&mut self, source: &str, tag: &str) -> Outcome {
        // Leave the input on disk first: if the process dies (stack overflow), it is still there.
        let _ = std::fs::write(&self.scratch, source);
        self.jobs.send(source.to_string()).expect("worker alive");
        match self.results.recv_timeout(WATCHDOG) {
            Ok(Ok(())) => Outcome::Fine,
            Ok(Err(msg)) => Outcome::Panicked(msg),
            Err(RecvTimeoutError::Timeout) => {
                // The old worker is stuck for good; carry on with a fresh one.
                *self = Watched::new(tag);
                Outcome::Hung
            }
            Err(RecvTimeoutError::Disconnected) => {
                Outcome::Panicked("worker thread died".to_string())
            }
        }
    }
}

// ------------------------------------------------------------------------ failures

struct Failure {
    file: String,
    what: String, // "prefix" or "mutation #N"
    outcome: String,
    input: String,
}

/// Greedy shrink of a panicking input: drop lines, then ever smaller chunks of characters, while
/// the parser still panics at the same place. Bounded by a few seconds.
fn shrink(input: &str, message: &str, watched: &mut Watched, tag: &str) -> String {
    let location = message.split(": ").next().unwrap_or(message).to_string();
    let still_fails = |candidate: &str, watched: &mut Watched| match watched.parse(candidate, tag) {
        Outcome::Panicked(m) => m.starts_with(&location),
        _ => false,
    };
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut best: Vec<char> = input.chars().collect();
    let mut chunk = best.len().div_ceil(2).max(1);
    while chunk >= 1 && Instant::now() < deadline {
        let mut start = 0;
        let mut progressed = false;
        while start < best.len() && Instant::now() < deadline {
            let end = (start + chunk).min(best.len());
            let candidate: String = best[..start].iter().chain(best[end..].iter()).collect();
            if still_fails(&candidate, watched) {
                best = candidate.chars().collect();
                progressed = true;
            } else {
                start += chunk;
            }
        }
        if !progressed {
            if chunk == 1 {
                break;
            }
            chunk /= 2;
        }
    }
    best.into_iter().collect()
}

fn report(failures: &mut [Failure], watched: &mut Watched, tag: &str) -> String {
    failures.sort_by_key(|f| f.input.len());
    let mut text = format!(
        "{} input(s) made the parser panic or hang\n",
        failures.len()
    );
    let mut seen: Vec<String> = Vec::new();
    for f in failures.iter() {
        // one entry per distinct panic location (or per hang), smallest input first
        let key = f
            .outcome
            .split(": ")
            .next()
            .unwrap_or(&f.outcome)
            .to_string();
        if seen.contains(&key) {
            continue;
        }
        seen.push(key);
        text += &format!(
            "\n== {} ({}, {}): {}\n",
            f.file,
            f.what,
            f.input.len(),
            f.outcome
        );
        text += &format!("smallest input ({} bytes): {:?}\n", f.input.len(), f.input);
        if f.outcome != "hang" {
            let small = shrink(&f.input, &f.outcome, watched, tag);
            text += &format!("shrunk to ({} bytes): {:?}\n", small.len(), small);
        }
    }
    text
}

// ------------------------------------------------------------------------ the tests

fn run(tag: &str, make_inputs: impl Fn(&str, &mut Rng) -> Vec<(String, String)>) {
    let files = input_files();
    assert!(
        !files.is_empty(),
        "no .py inputs found under tests/programs or ../shared"
    );
    let started = Instant::now();
    let mut watched = Watched::new(tag);
    let mut failures = Vec::new();
    let mut parsed = 0usize;
    let mut hangs = 0usize;
    for path in &files {
        let Ok(bytes) = std::fs::read(path) else {
            continue;
        };
        let source = String::from_utf8_lossy(&bytes).into_owned();
        let mut rng = Rng::new(fnv1a(&display_name(path)) ^ fnv1a(tag));
        for (what, input) in make_inputs(&source, &mut rng) {
            parsed += 1;
            let outcome = match watched.parse(&input, tag) {
                Outcome::Fine => continue,
                Outcome::Panicked(msg) => msg,
                Outcome::Hung => {
                    hangs += 1;
                    "hang".to_string()
                }
            };
            failures.push(Failure {
                file: display_name(path),
                what,
                outcome,
                input,
            });
            // each hang costs the full watchdog time: stop looking after a few
            if hangs >= 3 {
                break;
            }
        }
        if hangs >= 3 {
            break;
        }
    }
    eprintln!(
        "no_panic/{tag}: {parsed} parses of {} files in {:.1?}, {} failures",
        files.len(),
        started.elapsed(),
        failures.len()
    );
    if !failures.is_empty() {
        let text = report(&mut failures, &mut watched, tag);
        panic!("{text}");
    }
}

#[test]
fn prefixes_never_panic_or_hang() {
    let limit = cases_per_file();
    run("prefixes", |source, rng| {
        prefixes(source, limit, rng)
            .into_iter()
            .map(|p| (format!("prefix of {} chars", p.chars().count()), p))
            .collect()
    });
}

#[test]
fn mutations_never_panic_or_hang() {
    let count = cases_per_file();
    run("mutations", |source, rng| {
        (0..count)
            .map(|i| (format!("mutation #{i}"), mutate(source, rng)))
            .collect()
    });
}

#[test]
fn mutator_is_deterministic_and_prefixes_respect_char_boundaries() {
    let text = "héllo = '日本'\nprint(héllo)\n";
    let a: Vec<String> = (0..20)
        .map({
            let mut rng = Rng::new(7);
            move |_| mutate(text, &mut rng)
        })
        .collect();
    let b: Vec<String> = (0..20)
        .map({
            let mut rng = Rng::new(7);
            move |_| mutate(text, &mut rng)
        })
        .collect();
    assert_eq!(a, b);
    let mut rng = Rng::new(1);
    let all = prefixes(text, 1000, &mut rng);
    assert_eq!(all.len(), text.chars().count() + 1);
    let some = prefixes(text, 6, &mut rng);
    assert!(some.len() <= 7 && some.last().map(String::as_str) == Some(text));
}
