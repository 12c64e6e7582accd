//! Robustness test: every prefix and hundreds of byte mutations of the repo's Python programs must
//! make the front end (`compile::interactive::classify`: parser, symbol table, compile-time checks)
//! return a result, never panic or hang.
//!
//! Inputs are the `.py` files under `tests/programs/` and `tests/syntax_errors/` and, when they
//! exist beside the crate, `../shared/workload/programs` and `../shared/bench/programs`. For each
//! file the test parses (a) prefixes cut at character boundaries (all of them for short files,
//! an even spread plus pseudo-random cuts for long ones) and (b) deterministic pseudo-random
//! mutations (inserted, deleted and replaced bytes, biased towards Python's delimiters). Each parse
//! runs on a worker thread under `catch_unwind`, with a 5 s watchdog: a hang is a bug as much as a
//! panic. On failure the test prints the smallest offending input (shrunk further when it panics).
//! A stack overflow aborts the whole process instead: the cases are deterministic, so rerun with
//! `GILPY_NO_PANIC_SCRATCH=1` and each input is first written to
//! `$CARGO_TARGET_TMPDIR/no_panic_current_{prefixes,mutations}.py`, where the fatal one stays.
//!
//! Sized for `cargo test --release` (about 10 s on 2 cores): the number of cases per file shrinks
//! as the corpus grows so the bytes parsed stay within a budget; debug builds run a twentieth.
//! `GILPY_NO_PANIC_CASES=N` sets the number of prefixes and of mutations per file instead.

use std::cell::RefCell;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Once};
use std::thread;
use std::time::{Duration, Instant};

const WATCHDOG: Duration = Duration::from_secs(5);
const WORKER_NAME: &str = "no_panic-worker";

/// Work each of the two tests may do in a release build, in bytes parsed, counting each call as
/// `CALL_COST` bytes more than its input (parse_module has a fixed cost per call); and the bounds
/// on the number of prefixes / mutations per file that this budget is turned into.
const BYTE_BUDGET: usize = 56 << 20;
const CALL_COST: usize = 400;
const MIN_CASES: usize = 20;
const MAX_CASES: usize = 300;

/// The largest number of cases per file (prefixes or mutations) whose estimated cost stays
/// within the budget: as the corpus grows, each file gets fewer cases.
fn cases_per_file(files: &[(PathBuf, String)], prefix: bool) -> usize {
    if let Some(n) = std::env::var("GILPY_NO_PANIC_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
    {
        return n;
    }
    let budget = if cfg!(debug_assertions) {
        BYTE_BUDGET / 20
    } else {
        BYTE_BUDGET
    };
    let cost = |n: usize| -> usize {
        files
            .iter()
            .map(|(_, src)| {
                if prefix {
                    // a file has at most chars + 1 prefixes, half its length on average
                    n.min(src.chars().count() + 1) * (src.len() / 2 + CALL_COST)
                } else {
                    n * (src.len() + CALL_COST)
                }
            })
            .sum()
    };
    let mut n = MIN_CASES;
    while n < MAX_CASES && cost(n + 10) <= budget {
        n += 10;
    }
    n
}

/// Tokens the mutator inserts or substitutes.
#[rustfmt::skip]
const TOKENS: &[&str] = &[
    "(", ")", "[", "]", "{", "}", ":", "\"", "'", "'''", "\"\"\"", "\\", "\t", "\n", "\r", "\r\n", "f\"{",
    "f'{x!r:{", "}", "=", ":=", ",", ".", "*", "**", "#", " ", "    ", "lambda", "def ", "class ", "if ",
    "else", "yield", "return", "0x", "1e", "1_", "0b2", "rb'", "u\"", "\u{feff}", "\u{a0}", "é", "\u{2028}",
    "\u{0}", "\x0c", "@", "->", "...", "not", "is", "in", "global x", "nonlocal y", "del ", "import ",
];

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
    Panicked(String),
    Hung,
}

/// A batch of inputs for the worker: parse `inputs[start..]` in order.
struct Job {
    inputs: Arc<Vec<String>>,
    start: usize,
}

/// A thread that parses batches of inputs while the test thread watches its progress (no
/// hand-off per input: that would cost more than the small parses themselves). A worker stuck
/// on one input is abandoned and replaced.
struct Watched {
    tag: String,
    jobs: Sender<Job>,
    /// per finished batch: (index, panic message) of each input that panicked
    results: Receiver<Vec<(usize, String)>>,
    /// 1 + the index of the input being parsed
    progress: Arc<AtomicUsize>,
}

impl Watched {
    fn new(tag: &str) -> Watched {
        install_quiet_hook();
        let (jobs, job_rx) = mpsc::channel::<Job>();
        let (res_tx, results) = mpsc::channel();
        let progress = Arc::new(AtomicUsize::new(0));
        let seen = Arc::clone(&progress);
        let scratch = std::env::var_os("GILPY_NO_PANIC_SCRATCH").map(|_| {
            PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("no_panic_current_{tag}.py"))
        });
        thread::Builder::new()
            .name(format!("{WORKER_NAME}-{tag}"))
            .stack_size(8 << 20) // the size of a main thread's stack, where the binary parses
            .spawn(move || {
                for job in job_rx {
                    let mut panics = Vec::new();
                    for (i, source) in job.inputs.iter().enumerate().skip(job.start) {
                        seen.store(i + 1, Ordering::SeqCst);
                        // Leave the input on disk first: a stack overflow kills the process.
                        if let Some(path) = &scratch {
                            let _ = std::fs::write(path, source);
                        }
                        let outcome = panic::catch_unwind(AssertUnwindSafe(|| {
                            // Ok and Err are both fine; only unwinding out of here is a failure.
                            let _ = gilpy::compile::interactive::classify(source, "<no_panic>");
                        }));
                        if outcome.is_err() {
                            let msg = LAST_PANIC.with(|p| p.borrow_mut().take());
                            panics.push((i, msg.unwrap_or_else(|| "panicked".to_string())));
                        }
                    }
                    if res_tx.send(panics).is_err() {
                        break;
                    }
                }
            })
            .expect("spawn parser worker");
        Watched {
            tag: tag.to_string(),
            jobs,
            results,
            progress,
        }
    }

    /// Parses every input; returns the failing ones by index.
    fn parse_all(&mut self, inputs: Vec<String>) -> Vec<(usize, Outcome)> {
        let inputs = Arc::new(inputs);
        let mut failures = Vec::new();
        let mut start = 0;
        while start < inputs.len() {
            self.progress.store(start, Ordering::SeqCst);
            let job = Job {
                inputs: Arc::clone(&inputs),
                start,
            };
            self.jobs.send(job).expect("worker alive");
            let mut last = start;
            let mut last_change = Instant::now();
            loop {
                match self.results.recv_timeout(Duration::from_millis(20)) {
                    Ok(panics) => {
                        failures.extend(panics.into_iter().map(|(i, m)| (i, Outcome::Panicked(m))));
                        start = inputs.len();
                        break;
                    }
                    Err(RecvTimeoutError::Timeout) => {
                        let now = self.progress.load(Ordering::SeqCst);
                        if now != last {
                            last = now;
                            last_change = Instant::now();
                        } else if last_change.elapsed() > WATCHDOG {
                            // Stuck on one input: note it, abandon the worker, go on after it.
                            let stuck = now.max(start + 1) - 1;
                            failures.push((stuck, Outcome::Hung));
                            *self = Watched::new(&self.tag.clone());
                            start = stuck + 1;
                            break;
                        }
                    }
                    Err(RecvTimeoutError::Disconnected) => {
                        panic!("parser worker thread died");
                    }
                }
            }
        }
        failures
    }
}

// ------------------------------------------------------------------------ failures

struct Failure {
    file: String,
    what: String, // "prefix" or "mutation #N"
    outcome: String,
    input: String,
}

/// Greedy shrink of a panicking input: drop ever smaller chunks of characters while the parser
/// still panics at the same place. Bounded by a few seconds.
fn shrink(input: &str, message: &str, watched: &mut Watched) -> String {
    let location = message.split(": ").next().unwrap_or(message).to_string();
    let still_fails = |candidate: &str, watched: &mut Watched| {
        let result = watched.parse_all(vec![candidate.to_string()]);
        matches!(result.first(), Some((_, Outcome::Panicked(m))) if m.starts_with(&location))
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

fn report(failures: &mut [Failure], watched: &mut Watched) -> String {
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
            let small = shrink(&f.input, &f.outcome, watched);
            text += &format!("shrunk to ({} bytes): {:?}\n", small.len(), small);
        }
    }
    text
}

// ------------------------------------------------------------------------ the tests

fn run(
    tag: &str,
    prefix_mode: bool,
    make_inputs: impl Fn(&str, usize, &mut Rng) -> Vec<(String, String)>,
) {
    let files: Vec<(PathBuf, String)> = input_files()
        .into_iter()
        .filter_map(|path| {
            let bytes = std::fs::read(&path).ok()?;
            Some((path, String::from_utf8_lossy(&bytes).into_owned()))
        })
        .collect();
    assert!(
        !files.is_empty(),
        "no .py inputs found under tests/programs or ../shared"
    );
    let corpus_bytes: usize = files.iter().map(|(_, s)| s.len()).sum();
    let count = cases_per_file(&files, prefix_mode);
    let started = Instant::now();
    let mut watched = Watched::new(tag);
    let mut failures = Vec::new();
    let mut parsed = 0usize;
    let mut hangs = 0usize;
    for (path, source) in &files {
        let mut rng = Rng::new(fnv1a(&display_name(path)) ^ fnv1a(tag));
        let (labels, inputs): (Vec<String>, Vec<String>) =
            make_inputs(source, count, &mut rng).into_iter().unzip();
        parsed += inputs.len();
        for (i, outcome) in watched.parse_all(inputs.clone()) {
            let outcome = match outcome {
                Outcome::Panicked(msg) => msg,
                Outcome::Hung => {
                    hangs += 1;
                    "hang".to_string()
                }
            };
            failures.push(Failure {
                file: display_name(path),
                what: labels[i].clone(),
                outcome,
                input: inputs[i].clone(),
            });
        }
        // each hang costs the full watchdog time: stop looking after a few
        if hangs >= 3 {
            break;
        }
    }
    eprintln!(
        "no_panic/{tag}: {parsed} parses ({count} per file) of {} files, {corpus_bytes} bytes, in {:.1?}, {} failures",
        files.len(),
        started.elapsed(),
        failures.len()
    );
    if !failures.is_empty() {
        let text = report(&mut failures, &mut watched);
        panic!("{text}");
    }
}

#[test]
fn prefixes_never_panic_or_hang() {
    run("prefixes", true, |source, limit, rng| {
        prefixes(source, limit, rng)
            .into_iter()
            .map(|p| (format!("prefix of {} chars", p.chars().count()), p))
            .collect()
    });
}

#[test]
fn mutations_never_panic_or_hang() {
    run("mutations", false, |source, count, rng| {
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
