//! Differential tests of `gilpy::runtime::stream` against the write(2)/read(2) calls CPython
//! 3.11 makes, recorded in `tests/stream/expectations.txt` by
//! `scripts/gen_stream_expectations.py` (its docstring describes the method and the format);
//! plus what a table cannot show: the standard streams' settings on real pipes and terminals,
//! signals interrupting writes, threads sharing a stream, fork.

use gilpy::runtime::stream::{
    AllowThreads, BlockingCall, Direction, Errors, NoGil, SignalRaised, StdStream, StreamConfig,
    StreamError, TextStream,
};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::os::fd::RawFd;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::thread;
use std::time::Duration;

const EXPECTATIONS: &str = include_str!("stream/expectations.txt");

/// A descriptor number no test opens (a closed one could be reused by a parallel test).
const NOT_OPEN: RawFd = 999_999;

/// Records each blocking call, then runs it (no GIL here).
#[derive(Default)]
struct Log {
    calls: RefCell<Vec<BlockingCall>>,
    signal_checks: Cell<usize>,
}

impl AllowThreads for Log {
    fn allow_threads(&self, call: BlockingCall, run: &mut dyn FnMut()) {
        self.calls.borrow_mut().push(call);
        run();
    }

    fn check_signals(&self) -> Result<(), SignalRaised> {
        self.signal_checks.set(self.signal_checks.get() + 1);
        Ok(())
    }
}

impl Log {
    fn writes(&self) -> Vec<(RawFd, usize)> {
        let calls = self.calls.borrow();
        let writes = calls.iter().filter_map(|c| match *c {
            BlockingCall::Write { fd, len } => Some((fd, len)),
            _ => None,
        });
        writes.collect()
    }

    fn read_sizes(&self) -> Vec<usize> {
        let calls = self.calls.borrow();
        let reads = calls.iter().filter_map(|c| match *c {
            BlockingCall::Read { len, .. } => Some(len),
            _ => None,
        });
        reads.collect()
    }
}

fn pipe() -> (RawFd, RawFd) {
    let mut fds = [0; 2];
    // SAFETY: fds has room for the two descriptors pipe() returns.
    assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0);
    (fds[0], fds[1])
}

fn close(fd: RawFd) {
    // SAFETY: the caller owns fd.
    unsafe { libc::close(fd) };
}

fn write_fd(fd: RawFd, data: &[u8]) {
    // SAFETY: data is valid for its length.
    let n = unsafe { libc::write(fd, data.as_ptr().cast(), data.len()) };
    assert_eq!(n, data.len() as isize);
}

/// Reads `fd` to end of file on a thread (closing it), sleeping `pause` between reads.
fn drain(fd: RawFd, pause: Duration) -> thread::JoinHandle<Vec<u8>> {
    thread::spawn(move || {
        let mut all = Vec::new();
        let mut buf = vec![0u8; 4096];
        loop {
            // SAFETY: buf is writable for its length.
            let n = unsafe { libc::read(fd, buf.as_mut_ptr().cast(), buf.len()) };
            if n <= 0 {
                close(fd);
                return all;
            }
            all.extend_from_slice(&buf[..n as usize]);
            thread::sleep(pause);
        }
    })
}

fn config(fd: RawFd, name: &str, kind: &str, size: usize) -> StreamConfig {
    StreamConfig {
        fd,
        name: name.into(),
        direction: Direction::Write,
        line_buffering: kind == "line",
        write_through: kind == "unbuffered",
        buffer_size: size,
        errors: Errors::Strict,
        close_fd: true,
    }
}

/// `stdout=block:4096` → ("block", 4096).
fn setting(field: &str) -> (String, usize) {
    let (_, value) = field.split_once('=').expect("stream=kind:size");
    let (kind, size) = value.split_once(':').expect("kind:size");
    (kind.to_string(), size.parse().expect("size"))
}

/// The text a `PIECES` spec of the expectations file stands for.
fn text_of(pieces: &str) -> String {
    let piece = |p: &str| match p {
        "nl" => "\n".to_string(),
        "cr" => "\r".to_string(),
        "sp" => " ".to_string(),
        "empty" => String::new(),
        _ => match p.split_once('*') {
            Some((c, n)) => c.repeat(n.parse().expect("count")),
            None => p.to_string(),
        },
    };
    pieces.split('+').map(piece).collect()
}

type Modes = HashMap<String, [(String, usize); 2]>;

fn modes() -> Modes {
    let mut modes = HashMap::new();
    for line in EXPECTATIONS.lines().filter(|l| l.starts_with("mode\t")) {
        let f: Vec<&str> = line.split('\t').collect();
        modes.insert(f[1].to_string(), [setting(f[2]), setting(f[3])]);
    }
    modes
}

/// Replays one write scenario on two pipes; returns the write(2) calls as `fd:len` with fd
/// 1 for stdout and 2 for stderr, after checking that every byte arrived in order.
fn replay_writes(mode: &[(String, usize); 2], ops: &str) -> String {
    let (out_r, out_w) = pipe();
    let (err_r, err_w) = pipe();
    let readers = [drain(out_r, Duration::ZERO), drain(err_r, Duration::ZERO)];
    let streams = [
        TextStream::new(config(out_w, "<stdout>", &mode[0].0, mode[0].1)),
        TextStream::new(config(err_w, "<stderr>", &mode[1].0, mode[1].1)),
    ];
    let log = Log::default();
    let mut sent = [String::new(), String::new()];
    for op in ops.split_whitespace() {
        let result = match op {
            "fo" => streams[0].flush(&log),
            "fe" => streams[1].flush(&log),
            _ => {
                let (which, pieces) = op.split_once(':').expect("o:/e: op");
                let k = usize::from(which == "e");
                let text = text_of(pieces);
                sent[k].push_str(&text);
                streams[k].write_str(&text, &log)
            }
        };
        result.expect("write");
    }
    // What the interpreter does at exit: stdout first, then stderr.
    streams[0].flush(&log).expect("flush stdout");
    streams[1].flush(&log).expect("flush stderr");
    drop(streams);
    for (reader, text) in readers.into_iter().zip(&sent) {
        assert_eq!(reader.join().expect("reader"), text.as_bytes());
    }
    let chunks = log.writes().into_iter().map(|(fd, len)| {
        let which = if fd == out_w { 1 } else { 2 };
        format!("{which}:{len}")
    });
    chunks.collect::<Vec<_>>().join(" ")
}

#[test]
fn write_chunks_match_cpython() {
    let modes = modes();
    let mut failures = Vec::new();
    let mut count = 0;
    for line in EXPECTATIONS.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        if line.starts_with('#') || f[0] == "mode" || f[0] == "read" {
            continue;
        }
        let (name, mode, ops, want) = (f[0], f[1], f[2], f[3]);
        let got = replay_writes(&modes[mode], ops);
        if got != want {
            failures.push(format!(
                "{name} ({mode}):\n  CPython: {want}\n  gilpy:   {got}"
            ));
        }
        count += 1;
    }
    assert!(count >= 30, "only {count} write scenarios");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// `s:<hex>` for a result, `E:<hex object>:<start>:<end>:<hex reason>` for a decode error.
fn result_token(result: Result<String, StreamError>) -> String {
    let hex = |b: &[u8]| b.iter().map(|x| format!("{x:02x}")).collect::<String>();
    match result {
        Ok(s) => format!("s:{}", hex(s.as_bytes())),
        Err(StreamError::Decode {
            object,
            start,
            end,
            reason,
        }) => format!(
            "E:{}:{start}:{end}:{}",
            hex(&object),
            hex(reason.as_bytes())
        ),
        Err(e) => format!("other:{e}"),
    }
}

fn unhex(s: &str) -> Vec<u8> {
    let byte = |k: usize| u8::from_str_radix(&s[k..k + 2], 16).expect("hex");
    (0..s.len()).step_by(2).map(byte).collect()
}

/// Replays one read scenario: (result tokens, read(2) sizes).
fn replay_reads(parts: &str, ops: &str) -> (String, String) {
    let (r, w) = pipe();
    let mut writer = Some(w);
    let stdin = TextStream::new(StreamConfig {
        direction: Direction::Read,
        ..config(r, "<stdin>", "block", 4096)
    });
    let log = Log::default();
    let mut results = Vec::new();
    for (part, op) in parts.split_whitespace().zip(ops.split_whitespace()) {
        for piece in part.split(',') {
            match (piece, writer) {
                ("-", _) | (_, None) => {}
                ("EOF", Some(fd)) => {
                    close(fd);
                    writer = None;
                }
                (hex, Some(fd)) => write_fd(fd, &unhex(hex)),
            }
        }
        let (kind, arg) = op.split_once(':').unwrap_or((op, ""));
        let n = arg.parse().ok();
        let result = match kind {
            "readline" => stdin.read_line(n, &log),
            _ => stdin.read(n, &log),
        };
        results.push(result_token(result));
    }
    if let Some(fd) = writer {
        close(fd);
    }
    let sizes = log.read_sizes().into_iter().map(|n| n.to_string());
    (results.join(" "), sizes.collect::<Vec<_>>().join(" "))
}

#[test]
fn reads_match_cpython() {
    let mut failures = Vec::new();
    for line in EXPECTATIONS.lines().filter(|l| l.starts_with("read\t")) {
        let f: Vec<&str> = line.split('\t').collect();
        let (name, parts, ops) = (f[1], f[2], f[3]);
        let want = (f[4].to_string(), f[5].to_string());
        let got = replay_reads(parts, ops);
        if got != want {
            failures.push(format!("{name}:\n  CPython: {want:?}\n  gilpy:   {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// `line:1024` as the expectations file writes a stream's settings.
fn describe(c: &StreamConfig) -> String {
    let kind = match (c.buffer_size, c.line_buffering) {
        (0, _) => "unbuffered",
        (_, true) => "line",
        _ => "block",
    };
    format!("{kind}:{}", c.buffer_size)
}

/// A pseudo-terminal: (master, slave).
fn pty() -> (RawFd, RawFd) {
    // SAFETY: plain libc calls on descriptors we own; ptsname_r writes into `name`.
    unsafe {
        let master = libc::posix_openpt(libc::O_RDWR | libc::O_NOCTTY);
        assert!(master >= 0);
        assert_eq!(libc::grantpt(master), 0);
        assert_eq!(libc::unlockpt(master), 0);
        let mut name = [0 as libc::c_char; 128];
        assert_eq!(libc::ptsname_r(master, name.as_mut_ptr(), name.len()), 0);
        let slave = libc::open(name.as_ptr(), libc::O_RDWR | libc::O_NOCTTY);
        assert!(slave >= 0);
        (master, slave)
    }
}

#[test]
fn stdio_settings_match_cpython_on_pipes_and_terminals() {
    let modes = modes();
    let want = |mode: &str| {
        let [out, err] = &modes[mode];
        format!("{}:{} {}:{}", out.0, out.1, err.0, err.1)
    };
    let settings = |fd: RawFd, unbuffered: bool| {
        let out = StreamConfig::stdio(StdStream::Stdout, fd, unbuffered).expect("open fd");
        let err = StreamConfig::stdio(StdStream::Stderr, fd, unbuffered).expect("open fd");
        format!("{} {}", describe(&out), describe(&err))
    };
    let (r, w) = pipe();
    assert_eq!(settings(w, false), want("pipe"));
    assert_eq!(settings(w, true), want("unbuffered"));
    let (master, slave) = pty();
    assert_eq!(settings(slave, false), want("tty"));
    let stdin = StreamConfig::stdio(StdStream::Stdin, slave, false).expect("open fd");
    assert!(stdin.line_buffering && stdin.buffer_size > 0);
    let stdin = StreamConfig::stdio(StdStream::Stdin, r, true).expect("open fd");
    assert!(!stdin.line_buffering && stdin.write_through && stdin.buffer_size > 0);
    let out = TextStream::new(StreamConfig::stdio(StdStream::Stdout, slave, false).unwrap());
    assert_eq!(out.isatty().ok(), Some(true));
    for fd in [r, w, master, slave] {
        close(fd);
    }
    // A descriptor that is not open: no stream at all (sys.stdout is None).
    assert!(StreamConfig::stdio(StdStream::Stdout, NOT_OPEN, false).is_none());
}

extern "C" fn on_signal(_: libc::c_int) {}

/// Installs a SIGUSR1 handler without SA_RESTART, so a blocked write(2) returns early.
fn interrupting_handler() {
    // SAFETY: a zeroed sigaction with a valid handler and an empty mask.
    unsafe {
        let mut act: libc::sigaction = std::mem::zeroed();
        act.sa_sigaction = on_signal as extern "C" fn(libc::c_int) as usize;
        libc::sigemptyset(&mut act.sa_mask);
        assert_eq!(
            libc::sigaction(libc::SIGUSR1, &act, std::ptr::null_mut()),
            0
        );
    }
}

/// Writes `text` through `stream` (one write_str and a flush) while another thread keeps
/// signalling this one; returns the logged write(2) calls and signal checks.
fn write_while_signalled(stream: &TextStream, text: &str) -> (usize, usize) {
    let me = unsafe { libc::pthread_self() };
    let done = Arc::new(AtomicBool::new(false));
    let flag = done.clone();
    let signaller = thread::spawn(move || {
        while !flag.load(Ordering::Relaxed) {
            // SAFETY: `me` is alive until `done` is set and this thread is joined.
            unsafe { libc::pthread_kill(me, libc::SIGUSR1) };
            thread::sleep(Duration::from_micros(500));
        }
    });
    let log = Log::default();
    let result = stream
        .write_str(text, &log)
        .and_then(|()| stream.flush(&log));
    done.store(true, Ordering::Relaxed);
    signaller.join().expect("signaller");
    result.expect("write despite signals");
    (log.writes().len(), log.signal_checks.get())
}

#[test]
fn short_writes_and_eintr_are_retried() {
    interrupting_handler();
    let text: String = (0..40_000).map(|i| format!("{i:>6}\n")).collect();
    for (kind, size) in [("unbuffered", 0), ("block", 4096)] {
        let (r, w) = pipe();
        let reader = drain(r, Duration::from_micros(200));
        let stream = TextStream::new(config(w, "<stdout>", kind, size));
        let (writes, checks) = write_while_signalled(&stream, &text);
        drop(stream);
        let got = reader.join().expect("reader");
        assert!(got == text.as_bytes(), "{kind}: bytes lost or reordered");
        assert!(writes > 1, "{kind}: no write(2) was interrupted");
        assert!(
            checks + 1 >= writes,
            "{kind}: signals not checked between writes"
        );
    }
}

/// A gate whose signal handler raises on the first check.
struct RaisingHandler;

impl AllowThreads for RaisingHandler {
    fn allow_threads(&self, _call: BlockingCall, run: &mut dyn FnMut()) {
        run();
    }

    fn check_signals(&self) -> Result<(), SignalRaised> {
        Err(SignalRaised)
    }
}

#[test]
fn a_raising_signal_handler_stops_the_write() {
    let (r, w) = pipe();
    let reader = drain(r, Duration::ZERO);
    let stream = TextStream::new(config(w, "<stdout>", "block", 4096));
    // a goes into the buffer when b arrives; c makes b go out after the buffer is written.
    stream
        .write_str(&"a".repeat(3000), &RaisingHandler)
        .unwrap();
    stream
        .write_str(&"b".repeat(6000), &RaisingHandler)
        .unwrap();
    let err = stream.write_str(&"c".repeat(3000), &RaisingHandler);
    assert!(matches!(err, Err(StreamError::Signal)));
    stream.flush(&NoGil).unwrap();
    drop(stream);
    // The buffer went out before the handler ran; b and c are dropped, as in CPython, where
    // the exception leaves BufferedWriter.write after the text layer handed b over.
    assert_eq!(reader.join().unwrap(), "a".repeat(3000).as_bytes());
}

/// A signal handler that prints to the stream being written (with a flush).
struct PrintingHandler<'a> {
    stream: RefCell<Option<&'a TextStream>>,
    error: RefCell<Option<String>>,
}

impl AllowThreads for PrintingHandler<'_> {
    fn allow_threads(&self, _call: BlockingCall, run: &mut dyn FnMut()) {
        run();
    }

    fn check_signals(&self) -> Result<(), SignalRaised> {
        if let Some(stream) = self.stream.borrow_mut().take() {
            let inner = stream
                .write_str("x\n", &NoGil)
                .and_then(|()| stream.flush(&NoGil));
            *self.error.borrow_mut() = inner.err().map(|e| e.to_string());
        }
        Ok(())
    }
}

#[test]
fn reentrant_use_from_a_signal_handler_is_cpythons_runtime_error() {
    let (r, w) = pipe();
    let reader = drain(r, Duration::ZERO);
    let stream = TextStream::new(config(w, "<stdout>", "block", 4096));
    let handler = PrintingHandler {
        stream: RefCell::new(Some(&stream)),
        error: RefCell::new(None),
    };
    stream.write_str(&"a".repeat(3000), &handler).unwrap();
    stream.flush(&handler).unwrap();
    assert_eq!(
        handler.error.borrow().as_deref(),
        Some("RuntimeError: reentrant call inside <_io.BufferedWriter name='<stdout>'>")
    );
    drop(stream);
    // The handler's text is lost, as in CPython: the text layer had handed it over.
    assert_eq!(reader.join().unwrap(), "a".repeat(3000).as_bytes());
}

/// A stand-in GIL: one holder at a time; allow_threads releases it around the call.
#[derive(Default)]
struct FakeGil {
    held: Mutex<bool>,
    freed: Condvar,
}

impl FakeGil {
    fn take(&self) {
        let mut held = self.held.lock().unwrap();
        while *held {
            held = self.freed.wait(held).unwrap();
        }
        *held = true;
    }

    fn drop_gil(&self) {
        *self.held.lock().unwrap() = false;
        self.freed.notify_all();
    }
}

impl AllowThreads for FakeGil {
    fn allow_threads(&self, _call: BlockingCall, run: &mut dyn FnMut()) {
        self.drop_gil();
        run();
        self.take();
    }
}

#[test]
fn threads_share_a_stream_without_losing_or_tearing_lines() {
    for (kind, size) in [("line", 4096), ("block", 4096), ("unbuffered", 0)] {
        let (r, w) = pipe();
        let reader = drain(r, Duration::ZERO);
        let stream = Arc::new(TextStream::new(config(w, "<stdout>", kind, size)));
        let gil = Arc::new(FakeGil::default());
        let workers: Vec<_> = (0..4)
            .map(|t| {
                let (stream, gil) = (stream.clone(), gil.clone());
                thread::spawn(move || {
                    gil.take();
                    for j in 0..2000 {
                        let line = format!("thread {t} line {j:04} {}\n", "x".repeat(j % 90));
                        stream.write_str(&line, &*gil).expect("write");
                        if j % 5 == 0 {
                            // A switch, as the eval loop's drop request makes.
                            gil.drop_gil();
                            thread::yield_now();
                            gil.take();
                        }
                    }
                    gil.drop_gil();
                })
            })
            .collect();
        for worker in workers {
            worker.join().expect("worker");
        }
        stream.flush(&NoGil).expect("flush");
        drop(stream);
        let out = String::from_utf8(reader.join().unwrap()).expect("utf-8");
        for t in 0..4 {
            let prefix = format!("thread {t} line ");
            let lines: Vec<&str> = out.lines().filter(|l| l.starts_with(&prefix)).collect();
            assert_eq!(lines.len(), 2000, "{kind}: thread {t}");
            for (j, line) in lines.iter().enumerate() {
                let want = format!("thread {t} line {j:04} {}", "x".repeat(j % 90));
                assert_eq!(*line, want, "{kind}: a line torn or out of order");
            }
        }
        assert_eq!(out.lines().count(), 8000, "{kind}: stray text");
    }
}

#[test]
fn fork_child_repeats_or_discards_the_parents_pending_output() {
    for discard in [false, true] {
        let (r, w) = pipe();
        let reader = drain(r, Duration::ZERO);
        let stream = TextStream::new(config(w, "<stdout>", "block", 4096));
        stream.write_str("pending ", &NoGil).unwrap();
        let guard = stream.prepare_fork();
        // SAFETY: the child only uses this stream (whose locks the guard holds) and _exit.
        let pid = unsafe { libc::fork() };
        assert!(pid >= 0);
        if pid == 0 {
            guard.child();
            if discard {
                stream.discard_pending();
            }
            let ok = stream
                .write_str("child\n", &NoGil)
                .and_then(|()| stream.flush(&NoGil));
            // SAFETY: leaving the child without running the parent's destructors.
            unsafe { libc::_exit(if ok.is_ok() { 0 } else { 1 }) };
        }
        guard.parent();
        let mut status = 0;
        // SAFETY: waiting for the child we forked.
        assert_eq!(unsafe { libc::waitpid(pid, &mut status, 0) }, pid);
        assert_eq!(status, 0);
        stream.write_str("parent\n", &NoGil).unwrap();
        stream.flush(&NoGil).unwrap();
        drop(stream);
        let out = String::from_utf8(reader.join().unwrap()).unwrap();
        let want = if discard {
            "child\npending parent\n"
        } else {
            "pending child\npending parent\n"
        };
        assert_eq!(out, want);
    }
}

#[test]
fn errors_become_cpythons_exceptions() {
    let (r, w) = pipe();
    close(r);
    let stream = TextStream::new(config(w, "<stdout>", "block", 4096));
    stream.write_str("lost\n", &NoGil).unwrap();
    let err = stream.flush(&NoGil).unwrap_err();
    assert_eq!(err.to_string(), "BrokenPipeError: [Errno 32] Broken pipe");
    // The bytes stay buffered, so the flush at exit fails again (CPython: status 120).
    assert!(stream.flush(&NoGil).is_err());

    let stream = TextStream::new(StreamConfig {
        close_fd: false,
        ..config(NOT_OPEN, "<stdout>", "unbuffered", 0)
    });
    let err = stream.write_str("x", &NoGil).unwrap_err();
    assert_eq!(err.to_string(), "OSError: [Errno 9] Bad file descriptor");
}
