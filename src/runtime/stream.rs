//! The standard streams (sys.stdin, sys.stdout, sys.stderr) at the byte level: which write(2)
//! and read(2) calls reach the file descriptor, in what chunks and when, as CPython 3.11's
//! TextIOWrapper over BufferedWriter/BufferedReader over FileIO makes them — with the GIL
//! released around each blocking call and nowhere else.
//!
//! # What CPython 3.11 does
//!
//! Measured with strace (`scripts/gen_stream_expectations.py` records the write(2) calls of a
//! table of write/flush sequences; `tests/stream_buffering.rs` replays them here). A writing
//! stream has two layers, each with its own rule.
//!
//! **Text layer** (TextIOWrapper). `write(s)` encodes `s` as UTF-8 into a *pending* byte
//! string, which it hands to the byte layer as one piece:
//! 1. before appending, when pending + new would exceed [`CHUNK_SIZE`] (8192) bytes;
//! 2. after appending, when pending has reached 8192 bytes, when `write_through` is set, or
//!    when `line_buffering` is set and `s` contains `\n` or `\r` — and then the byte layer is
//!    flushed as well. The whole of `s` goes out, not only up to its last newline.
//!
//! **Byte layer** (BufferedWriter of `buffer_size` bytes: the fd's `st_blksize`, which is 4096
//! for pipes and files and 1024 for a terminal on Linux, or 8192 when unknown). A piece that
//! fits in the free space is copied in. Otherwise the buffer is written out first; then, while
//! more than `buffer_size` bytes of the piece remain, all of the remainder goes in one write(2)
//! (looping on short writes); what is left, at most `buffer_size` bytes, is buffered.
//! `flush()` hands over the pending bytes and then writes out the buffer. With no byte layer
//! (`python3 -u`), every hand-over is one write(2), even of zero bytes.
//!
//! So 100 `print()`s of 100 characters to a pipe reach it as 8181 + 1919 bytes, and a 5000-byte
//! line after a short one goes out as the short one plus 5000 bytes.
//!
//! # The standard streams' settings
//!
//! | stream                      | line_buffering | write_through | byte layer           |
//! |-----------------------------|----------------|---------------|----------------------|
//! | stdout to a terminal        | yes            | no            | st_blksize (1024)    |
//! | stdout to a pipe or file    | no             | no            | st_blksize (4096)    |
//! | stderr, anywhere            | yes            | no            | st_blksize           |
//! | stdout, stderr with `-u` or `PYTHONUNBUFFERED` | no | yes   | none                 |
//! | stdin                       | if a terminal  | with `-u`     | read(0, 8192) per refill |
//!
//! A descriptor that is not open at startup gives no stream (`sys.stdout is None`, and
//! `print()` then does nothing). At exit the interpreter flushes stdout, then stderr.
//!
//! # Errors
//!
//! An OS error is [`StreamError::Os`] (EPIPE → BrokenPipeError, EBADF → OSError). Bytes the
//! byte layer could not write out stay buffered, as in CPython, so the flush at exit fails
//! again; CPython then prints `Exception ignored in: <_io.TextIOWrapper name='<stdout>'
//! mode='w' encoding='utf-8'>` and the error, and exits with status 120. A piece written
//! directly (larger than the buffer) that fails is gone. CPython ignores SIGPIPE so that a
//! closed pipe is an error rather than death; Rust's runtime ignores it too.
//!
//! # The GIL, threads and signals
//!
//! Every blocking call goes through [`AllowThreads::allow_threads`], which the interpreter
//! implements by releasing the GIL around the closure. Methods take `&self`: the stream is
//! shared by all threads (`Arc<TextStream>`), and nothing is borrowed while the GIL is
//! released. As in CPython, the byte layer has a lock held across its system calls; a thread
//! that finds it taken waits for it with the GIL released ([`BlockingCall::LockWait`]), and the
//! same thread coming back in (a signal handler printing in the middle of a write) gets
//! CPython's `RuntimeError: reentrant call inside <_io.BufferedWriter name='<stdout>'>`. After
//! EINTR and after each write(2) of a loop, [`AllowThreads::check_signals`] runs the Python
//! signal handlers, as CPython does.
//!
//! # Differences from CPython
//!
//! - A short write with no byte layer (`-u`) is completed by looping; CPython drops the rest.
//! - Invalid UTF-8 read with 'surrogateescape' becomes U+FFFD per byte, since a Rust string
//!   cannot hold the lone surrogates CPython makes (writing them back gives EF BF BD).
//! - The standard streams translate no newlines (CPython uses `newline="\n"` for them on
//!   POSIX); `open()`'s universal newlines are not here yet. PYTHONIOENCODING is not read.

use std::fmt;
use std::io;
use std::os::fd::RawFd;
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};
use std::thread::{self, ThreadId};

/// TextIOWrapper's chunk size: the most pending bytes it gathers before handing them over,
/// and the most bytes one refill of a reading stream asks read(2) for.
pub const CHUNK_SIZE: usize = 8192;

/// io.DEFAULT_BUFFER_SIZE: the byte layer's size when the fd reports no usable st_blksize.
pub const DEFAULT_BUFFER_SIZE: usize = 8192;

/// The blocking call a stream is about to make, so that an embedder can trace or log it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockingCall {
    /// write(2) of `len` bytes on `fd`.
    Write { fd: RawFd, len: usize },
    /// read(2) of at most `len` bytes from `fd`.
    Read { fd: RawFd, len: usize },
    /// Waiting for another thread to finish with the stream's buffer.
    LockWait,
}

/// A Python signal handler raised: the exception is held by the interpreter (as CPython's
/// `PyErr_CheckSignals` leaves it set), and the stream operation stops with
/// [`StreamError::Signal`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SignalRaised;

/// The door every blocking call of a stream goes through: the interpreter implements it by
/// releasing the GIL around `run` (its `allow_threads`). One trait object is passed to each
/// stream operation; `run` does the system call and keeps its own result, so one method
/// serves every kind of call.
///
/// ```
/// use gilpy::runtime::stream::{AllowThreads, BlockingCall};
/// use std::cell::RefCell;
///
/// /// Releases nothing; logs each call (what a test or a tracer might do).
/// struct Log(RefCell<Vec<BlockingCall>>);
/// impl AllowThreads for Log {
///     fn allow_threads(&self, call: BlockingCall, run: &mut dyn FnMut()) {
///         self.0.borrow_mut().push(call);
///         run();
///     }
/// }
/// ```
pub trait AllowThreads {
    /// Runs `run`, one blocking call described by `call`, with the GIL released. It must be
    /// called exactly once; it touches no Python object.
    fn allow_threads(&self, call: BlockingCall, run: &mut dyn FnMut());

    /// Runs pending Python signal handlers (with the GIL held). Called after a system call
    /// was interrupted (EINTR) and after each write(2) of a loop, where CPython checks too.
    fn check_signals(&self) -> Result<(), SignalRaised> {
        Ok(())
    }
}

/// Runs blocking calls directly: for use without an interpreter (tests, embedders, the last
/// flush when no other thread is left).
#[derive(Debug, Clone, Copy, Default)]
pub struct NoGil;

impl AllowThreads for NoGil {
    fn allow_threads(&self, _call: BlockingCall, run: &mut dyn FnMut()) {
        run();
    }
}

/// Why a stream operation failed: the Python exception it becomes.
#[derive(Debug)]
pub enum StreamError {
    /// OSError from the system call; its errno picks the subclass ([`StreamError::type_name`]).
    Os(io::Error),
    /// A signal handler raised ([`AllowThreads::check_signals`]); the interpreter holds it.
    Signal,
    /// ValueError with this message (the stream is closed).
    Value(&'static str),
    /// io.UnsupportedOperation with this message (`not readable`, `not writable`).
    Unsupported(&'static str),
    /// RuntimeError with this message: the same thread re-entered the buffer.
    Reentrant(String),
    /// UnicodeDecodeError('utf-8', object, start, end, reason) while reading.
    Decode {
        object: Vec<u8>,
        start: usize,
        end: usize,
        reason: &'static str,
    },
}

impl StreamError {
    /// The Python exception type's name.
    pub fn type_name(&self) -> &'static str {
        match self {
            StreamError::Os(e) => os_error_type(e.raw_os_error()),
            StreamError::Signal => "BaseException",
            StreamError::Value(_) => "ValueError",
            StreamError::Unsupported(_) => "UnsupportedOperation",
            StreamError::Reentrant(_) => "RuntimeError",
            StreamError::Decode { .. } => "UnicodeDecodeError",
        }
    }

    /// The exception's message, as `str(exc)` shows it.
    pub fn message(&self) -> String {
        match self {
            StreamError::Os(e) => os_error_message(e),
            StreamError::Signal => "signal handler raised".into(),
            StreamError::Value(m) | StreamError::Unsupported(m) => (*m).into(),
            StreamError::Reentrant(m) => m.clone(),
            StreamError::Decode {
                object,
                start,
                end,
                reason,
            } => decode_error_message(object, *start, *end, reason),
        }
    }
}

impl fmt::Display for StreamError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.type_name(), self.message())
    }
}

impl std::error::Error for StreamError {}

impl From<SignalRaised> for StreamError {
    fn from(_: SignalRaised) -> Self {
        StreamError::Signal
    }
}

/// The OSError subclass CPython raises for an errno that stream calls can produce.
fn os_error_type(errno: Option<i32>) -> &'static str {
    match errno {
        Some(libc::EPIPE | libc::ESHUTDOWN) => "BrokenPipeError",
        Some(libc::EAGAIN | libc::EALREADY | libc::EINPROGRESS) => "BlockingIOError",
        Some(libc::ECONNRESET) => "ConnectionResetError",
        Some(libc::EINTR) => "InterruptedError",
        Some(libc::EISDIR) => "IsADirectoryError",
        _ => "OSError",
    }
}

/// `[Errno 32] Broken pipe`: CPython's str() of an OSError made from errno.
fn os_error_message(e: &io::Error) -> String {
    let Some(errno) = e.raw_os_error() else {
        return e.to_string();
    };
    // Rust's text is strerror()'s followed by " (os error N)".
    let text = e.to_string();
    let text = text
        .strip_suffix(&format!(" (os error {errno})"))
        .unwrap_or(&text);
    format!("[Errno {errno}] {text}")
}

/// `'utf-8' codec can't decode byte 0xff in position 3: invalid start byte`.
fn decode_error_message(object: &[u8], start: usize, end: usize, reason: &str) -> String {
    if end == start + 1 {
        let byte = object.get(start).copied().unwrap_or(0);
        format!("'utf-8' codec can't decode byte 0x{byte:02x} in position {start}: {reason}")
    } else {
        let last = end.saturating_sub(1);
        format!("'utf-8' codec can't decode bytes in position {start}-{last}: {reason}")
    }
}

/// The `errors` setting of a text stream: what decoding does with invalid UTF-8. (Encoding a
/// Rust string cannot fail, so for writing it is only reported.)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Errors {
    /// UnicodeDecodeError.
    Strict,
    /// CPython makes a lone surrogate per bad byte; gilpy makes U+FFFD (see the module doc).
    SurrogateEscape,
    /// `\xff` for each bad byte (stderr's setting).
    BackslashReplace,
}

impl Errors {
    /// The name CPython reports as the stream's `errors`.
    pub fn name(self) -> &'static str {
        match self {
            Errors::Strict => "strict",
            Errors::SurrogateEscape => "surrogateescape",
            Errors::BackslashReplace => "backslashreplace",
        }
    }

    /// stdin's and stdout's setting as CPython 3.11 chooses it from the environment:
    /// 'surrogateescape' under the C/POSIX locale, the C.UTF-8 locales it coerces to, or
    /// UTF-8 mode (PYTHONUTF8=1); 'strict' otherwise. (stderr is always 'backslashreplace'.)
    pub fn for_stdio() -> Errors {
        if std::env::var("PYTHONUTF8").is_ok_and(|v| v == "1") {
            return Errors::SurrogateEscape;
        }
        let locale = ["LC_ALL", "LC_CTYPE", "LANG"]
            .iter()
            .filter_map(|k| std::env::var(k).ok())
            .find(|v| !v.is_empty())
            .unwrap_or_else(|| "C".into());
        match locale.as_str() {
            "C" | "POSIX" | "C.UTF-8" | "C.utf8" | "UTF-8" => Errors::SurrogateEscape,
            _ => Errors::Strict,
        }
    }
}

/// Which way a stream goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Read,
    Write,
}

/// Which standard stream, for [`StreamConfig::stdio`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StdStream {
    Stdin,
    Stdout,
    Stderr,
}

/// Everything that decides a stream's behaviour; CPython's knobs, one for one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StreamConfig {
    pub fd: RawFd,
    /// The `name` attribute: `<stdout>` for the standard streams, else the path.
    pub name: String,
    pub direction: Direction,
    /// TextIOWrapper.line_buffering: a write containing `\n` or `\r` flushes.
    pub line_buffering: bool,
    /// TextIOWrapper.write_through: every write is handed to the byte layer at once.
    pub write_through: bool,
    /// The BufferedWriter's size; 0 for none (`-u`): every hand-over is one write(2).
    pub buffer_size: usize,
    pub errors: Errors,
    /// Close `fd` when the stream is closed or dropped (never for the standard streams).
    pub close_fd: bool,
}

impl StreamConfig {
    /// The configuration CPython 3.11 gives a standard stream on `fd` (normally 0, 1 or 2),
    /// or `None` if `fd` is not open (then `sys.stdout` is `None`). `unbuffered` is `-u` or
    /// a non-empty PYTHONUNBUFFERED.
    pub fn stdio(which: StdStream, fd: RawFd, unbuffered: bool) -> Option<StreamConfig> {
        if !is_valid_fd(fd) {
            return None;
        }
        let tty = is_tty(fd);
        let (name, direction, errors) = match which {
            StdStream::Stdin => ("<stdin>", Direction::Read, Errors::for_stdio()),
            StdStream::Stdout => ("<stdout>", Direction::Write, Errors::for_stdio()),
            StdStream::Stderr => ("<stderr>", Direction::Write, Errors::BackslashReplace),
        };
        // CPython opens stdin buffered even with -u (TextIOWrapper needs read1()).
        let no_buffer = unbuffered && direction == Direction::Write;
        Some(StreamConfig {
            fd,
            name: name.into(),
            direction,
            line_buffering: !unbuffered && (tty || which == StdStream::Stderr),
            write_through: unbuffered,
            buffer_size: if no_buffer { 0 } else { buffer_size_for(fd) },
            errors,
            close_fd: false,
        })
    }
}

/// Whether `fd` is an open descriptor (CPython's `_Py_IsValidFD`).
pub fn is_valid_fd(fd: RawFd) -> bool {
    // SAFETY: F_GETFD only reads the descriptor's flags.
    fd >= 0 && unsafe { libc::fcntl(fd, libc::F_GETFD) } >= 0
}

/// Whether `fd` is a terminal.
pub fn is_tty(fd: RawFd) -> bool {
    // SAFETY: isatty only inspects the descriptor.
    unsafe { libc::isatty(fd) == 1 }
}

/// The buffer size io.open() picks for `fd`: its st_blksize when above 1, else 8192.
pub fn buffer_size_for(fd: RawFd) -> usize {
    // SAFETY: an all-zero stat is a valid value for fstat to overwrite.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    // SAFETY: st is a valid, writable stat buffer.
    let ok = unsafe { libc::fstat(fd, &mut st) } == 0;
    match usize::try_from(st.st_blksize) {
        Ok(size) if ok && size > 1 => size,
        _ => DEFAULT_BUFFER_SIZE,
    }
}

/// Locks a mutex whose data stays consistent even if a holder panicked (no panic here, but
/// poisoning must not turn into one).
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The error when an [`AllowThreads`] implementation did not run the call it was given.
fn call_not_run() -> StreamError {
    StreamError::Os(io::Error::other("allow_threads did not run the call"))
}

/// One write(2) of `data` (retried after EINTR, as `_Py_write` does): the bytes written.
fn raw_write(fd: RawFd, data: &[u8], gate: &dyn AllowThreads) -> Result<usize, StreamError> {
    let call = BlockingCall::Write {
        fd,
        len: data.len(),
    };
    loop {
        let mut result = None;
        gate.allow_threads(call, &mut || {
            // SAFETY: data is valid for data.len() bytes.
            let n = unsafe { libc::write(fd, data.as_ptr().cast(), data.len()) };
            // errno is read here, before taking the GIL back can change it.
            result = Some(usize::try_from(n).map_err(|_| io::Error::last_os_error()));
        });
        match result.ok_or_else(call_not_run)? {
            Ok(0) if !data.is_empty() => {
                return Err(StreamError::Os(io::ErrorKind::WriteZero.into()));
            }
            Ok(n) => return Ok(n),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => gate.check_signals()?,
            Err(e) => return Err(StreamError::Os(e)),
        }
    }
}

/// One read(2) of at most `len` bytes (retried after EINTR); empty at end of file.
fn raw_read(fd: RawFd, len: usize, gate: &dyn AllowThreads) -> Result<Vec<u8>, StreamError> {
    let mut buf = vec![0u8; len];
    loop {
        let mut result = None;
        gate.allow_threads(BlockingCall::Read { fd, len }, &mut || {
            // SAFETY: buf is writable for len bytes.
            let n = unsafe { libc::read(fd, buf.as_mut_ptr().cast(), len) };
            result = Some(usize::try_from(n).map_err(|_| io::Error::last_os_error()));
        });
        match result.ok_or_else(call_not_run)? {
            Ok(n) => {
                buf.truncate(n);
                return Ok(buf);
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => gate.check_signals()?,
            Err(e) => return Err(StreamError::Os(e)),
        }
    }
}

/// Writes all of `data`, looping on short writes; an empty `data` is still one write(2),
/// as FileIO.write(b'') makes one.
fn write_all(fd: RawFd, data: &[u8], gate: &dyn AllowThreads) -> Result<(), StreamError> {
    let mut done = raw_write(fd, data, gate)?;
    while done < data.len() {
        gate.check_signals()?;
        done += raw_write(fd, &data[done..], gate)?;
    }
    Ok(())
}

/// The byte layer's state behind its mutex. The mutex is held only for moments; `owner`
/// is the lock CPython's BufferedWriter holds across system calls.
#[derive(Default)]
struct ByteState {
    /// Bytes handed over and not yet written; `buf[..written]` already went out.
    buf: Vec<u8>,
    written: usize,
    /// The thread inside a buffered operation; it has taken `buf` out meanwhile.
    owner: Option<ThreadId>,
}

/// BufferedWriter/BufferedReader over FileIO on one fd.
struct ByteLayer {
    fd: RawFd,
    /// 0: no buffer, FileIO itself (`-u`).
    capacity: usize,
    /// `<_io.BufferedWriter name='<stdout>'>`, for the re-entrancy message.
    repr: String,
    state: Mutex<ByteState>,
    freed: Condvar,
}

/// The byte layer entered by this thread: holds its buffer until dropped.
struct Busy<'a> {
    layer: &'a ByteLayer,
    buf: Vec<u8>,
    written: usize,
}

impl Drop for Busy<'_> {
    fn drop(&mut self) {
        let mut st = lock(&self.layer.state);
        st.buf = std::mem::take(&mut self.buf);
        st.written = self.written;
        st.owner = None;
        drop(st);
        self.layer.freed.notify_one();
    }
}

impl ByteLayer {
    fn new(config: &StreamConfig) -> ByteLayer {
        let class = match config.direction {
            Direction::Read => "BufferedReader",
            Direction::Write => "BufferedWriter",
        };
        ByteLayer {
            fd: config.fd,
            capacity: config.buffer_size,
            repr: format!("<_io.{class} name='{}'>", config.name),
            state: Mutex::new(ByteState::default()),
            freed: Condvar::new(),
        }
    }

    /// Takes the buffer lock, waiting for another thread with the GIL released.
    fn enter(&self, gate: &dyn AllowThreads) -> Result<Busy<'_>, StreamError> {
        let me = thread::current().id();
        {
            let mut st = lock(&self.state);
            if st.owner == Some(me) {
                return Err(StreamError::Reentrant(format!(
                    "reentrant call inside {}",
                    self.repr
                )));
            }
            if st.owner.is_none() {
                return Ok(self.claim(&mut st, me));
            }
        }
        let mut busy = None;
        gate.allow_threads(BlockingCall::LockWait, &mut || {
            let mut st = lock(&self.state);
            while st.owner.is_some() {
                st = self.freed.wait(st).unwrap_or_else(PoisonError::into_inner);
            }
            busy = Some(self.claim(&mut st, me));
        });
        busy.ok_or_else(call_not_run)
    }

    fn claim(&self, st: &mut ByteState, me: ThreadId) -> Busy<'_> {
        st.owner = Some(me);
        Busy {
            layer: self,
            buf: std::mem::take(&mut st.buf),
            written: st.written,
        }
    }

    /// BufferedWriter.write (or FileIO.write with no buffer).
    fn write(&self, data: &[u8], gate: &dyn AllowThreads) -> Result<(), StreamError> {
        if self.capacity == 0 {
            // FileIO has no lock: threads' writes go to the kernel side by side.
            return write_all(self.fd, data, gate);
        }
        let mut busy = self.enter(gate)?;
        if busy.buf.len() + data.len() <= self.capacity {
            busy.buf.extend_from_slice(data);
            return Ok(());
        }
        busy.write_out(gate)?;
        let mut done = 0;
        while data.len() - done > self.capacity {
            done += raw_write(self.fd, &data[done..], gate)?;
            gate.check_signals()?;
        }
        busy.buf.extend_from_slice(&data[done..]);
        Ok(())
    }

    /// BufferedWriter.flush: writes out the buffer.
    fn flush(&self, gate: &dyn AllowThreads) -> Result<(), StreamError> {
        if self.capacity == 0 {
            return Ok(());
        }
        self.enter(gate)?.write_out(gate)
    }

    /// One refill for the text layer: read1(size), a single read(2).
    fn read_chunk(&self, size: usize, gate: &dyn AllowThreads) -> Result<Vec<u8>, StreamError> {
        let _busy = self.enter(gate)?;
        raw_read(self.fd, size, gate)
    }

    /// FileIO.readall(): reads to end of file, asking read(2) for the sizes CPython asks.
    fn read_all(&self, gate: &dyn AllowThreads) -> Result<Vec<u8>, StreamError> {
        let _busy = self.enter(gate)?;
        let mut size = self.bytes_left().map_or(CHUNK_SIZE, |n| n + 1);
        let mut all = Vec::new();
        loop {
            if all.len() >= size {
                size = grown_size(all.len());
            }
            let chunk = raw_read(self.fd, size - all.len(), gate)?;
            if chunk.is_empty() {
                return Ok(all);
            }
            all.extend_from_slice(&chunk);
        }
    }

    /// Bytes from the file position to the end, for a regular file with some (a pipe: None).
    fn bytes_left(&self) -> Option<usize> {
        // SAFETY: an all-zero stat is a valid value for fstat to overwrite.
        let mut st: libc::stat = unsafe { std::mem::zeroed() };
        // SAFETY: st is a valid, writable stat buffer; lseek with SEEK_CUR moves nothing.
        let (ok, pos) = unsafe {
            (
                libc::fstat(self.fd, &mut st) == 0,
                libc::lseek(self.fd, 0, libc::SEEK_CUR),
            )
        };
        let end = usize::try_from(st.st_size).ok()?;
        let pos = usize::try_from(pos).ok()?;
        (ok && end > 0 && end >= pos).then(|| end - pos)
    }
}

/// FileIO.readall's next buffer size once `have` bytes filled the last one: linear growth
/// up to 64 KiB, then by an eighth, never by less than 8192.
fn grown_size(have: usize) -> usize {
    let add = if have > 65536 { have >> 3 } else { 256 + have };
    have + add.max(CHUNK_SIZE)
}

impl Busy<'_> {
    /// Writes the buffer out; on error the unwritten part stays (CPython keeps it too).
    fn write_out(&mut self, gate: &dyn AllowThreads) -> Result<(), StreamError> {
        while self.written < self.buf.len() {
            self.written += raw_write(self.layer.fd, &self.buf[self.written..], gate)?;
            gate.check_signals()?;
        }
        self.buf.clear();
        self.written = 0;
        Ok(())
    }
}

/// The text layer's state: TextIOWrapper's, touched only for moments with the GIL held.
struct TextState {
    /// Encoded text not yet handed to the byte layer (`None`: nothing, not even `""`).
    pending: Option<Vec<u8>>,
    line_buffering: bool,
    write_through: bool,
    closed: bool,
    /// Reading: decoded text not yet returned, from byte `pos` on.
    decoded: String,
    pos: usize,
    /// Reading: the start of a UTF-8 sequence whose rest has not arrived.
    undecoded: Vec<u8>,
    /// Reading: bytes per character of the last refill, to size the next one for read(n).
    b2cratio: f64,
}

/// What a read is waiting for.
#[derive(Clone, Copy)]
enum Want {
    /// readline(limit): through the next `\n`, or `limit` characters.
    Line(Option<usize>),
    /// read(n): `n` characters.
    Chars(usize),
}

impl TextState {
    fn pending_len(&self) -> usize {
        self.pending.as_ref().map_or(0, Vec::len)
    }

    fn check_open(&self) -> Result<(), StreamError> {
        if self.closed {
            Err(StreamError::Value("I/O operation on closed file."))
        } else {
            Ok(())
        }
    }

    /// Decodes `chunk` after the bytes left over; on error nothing changes (the chunk is
    /// lost and the left-over bytes stay, as with CPython's incremental decoder).
    fn feed(&mut self, chunk: &[u8], last: bool, errors: Errors) -> Result<(), StreamError> {
        let mut data = self.undecoded.clone();
        data.extend_from_slice(chunk);
        let (text, used) = decode_utf8(&data, last, errors)?;
        self.undecoded = data.split_off(used);
        let chars = text.chars().count();
        self.b2cratio = if chars > 0 {
            chunk.len() as f64 / chars as f64
        } else {
            0.0
        };
        if self.pos > 0 && self.pos >= self.decoded.len() / 2 {
            self.decoded.drain(..self.pos);
            self.pos = 0;
        }
        self.decoded.push_str(&text);
        Ok(())
    }

    /// Takes what `want` asks for if it is decoded; at end of file, whatever there is.
    fn take_wanted(&mut self, want: Want, at_eof: bool) -> Option<String> {
        let rest = &self.decoded[self.pos..];
        let end = match want {
            Want::Line(limit) => {
                let line_end = rest.find('\n').map(|i| i + 1);
                let limit_end = limit.and_then(|n| char_boundary_after(rest, n));
                match (line_end, limit_end) {
                    (Some(a), Some(b)) => Some(a.min(b)),
                    (a, b) => a.or(b),
                }
            }
            Want::Chars(n) => char_boundary_after(rest, n),
        };
        let end = end.or(at_eof.then_some(rest.len()))?;
        Some(self.take(end))
    }

    /// How much the next read(2) asks for: a chunk, or for read(n) enough bytes for the
    /// characters still missing at the last refill's bytes per character.
    fn refill_size(&self, want: Want) -> usize {
        let Want::Chars(n) = want else {
            return CHUNK_SIZE;
        };
        let missing = n.saturating_sub(self.decoded[self.pos..].chars().count());
        let hint = (missing as f64 * self.b2cratio.max(1.0)) as usize;
        hint.max(CHUNK_SIZE)
    }

    fn take(&mut self, len: usize) -> String {
        let s = self.decoded[self.pos..self.pos + len].to_string();
        self.pos += len;
        s
    }
}

/// The byte length of the first `n` characters of `s`, if it has that many.
fn char_boundary_after(s: &str, n: usize) -> Option<usize> {
    if n == 0 {
        return Some(0);
    }
    s.char_indices().nth(n - 1).map(|(i, c)| i + c.len_utf8())
}

/// Decodes UTF-8 as CPython's incremental decoder does: the text and how many bytes it
/// used; unless `last`, an incomplete sequence at the end is left for the next call.
fn decode_utf8(data: &[u8], last: bool, errors: Errors) -> Result<(String, usize), StreamError> {
    let mut out = String::with_capacity(data.len());
    let mut i = 0;
    loop {
        let err = match std::str::from_utf8(&data[i..]) {
            Ok(s) => {
                out.push_str(s);
                return Ok((out, data.len()));
            }
            Err(err) => err,
        };
        let start = i + err.valid_up_to();
        out.push_str(std::str::from_utf8(&data[i..start]).unwrap_or_default());
        let (end, reason) = match err.error_len() {
            None if !last => return Ok((out, start)),
            None => (data.len(), "unexpected end of data"),
            Some(n) if (0xc2..=0xf4).contains(&data[start]) => {
                (start + n, "invalid continuation byte")
            }
            Some(n) => (start + n, "invalid start byte"),
        };
        match errors {
            Errors::Strict => {
                return Err(StreamError::Decode {
                    object: data.to_vec(),
                    start,
                    end,
                    reason,
                });
            }
            Errors::SurrogateEscape => out.extend(std::iter::repeat_n('\u{fffd}', end - start)),
            Errors::BackslashReplace => {
                for b in &data[start..end] {
                    out.push_str(&format!("\\x{b:02x}"));
                }
            }
        }
        i = end;
    }
}

/// A text stream over a file descriptor: sys.stdout, sys.stderr or sys.stdin (and later
/// text files). Shared by threads as `Arc<TextStream>`; every method takes the door for
/// blocking calls ([`AllowThreads`]).
///
/// ```
/// use gilpy::runtime::stream::{NoGil, StreamConfig, StdStream, TextStream};
///
/// let mut fds = [0; 2];
/// assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0);
/// let config = StreamConfig::stdio(StdStream::Stdout, fds[1], false).unwrap();
/// let out = TextStream::new(config);
/// assert!(!out.line_buffering()); // a pipe: block buffered
/// out.write_str("hello\n", &NoGil).unwrap(); // still pending: nothing written yet
/// out.flush(&NoGil).unwrap(); // one write(2) of 6 bytes
/// let mut buf = [0u8; 16];
/// let n = unsafe { libc::read(fds[0], buf.as_mut_ptr().cast(), 16) };
/// assert_eq!(&buf[..n as usize], b"hello\n");
/// ```
pub struct TextStream {
    fd: RawFd,
    name: String,
    direction: Direction,
    errors: Errors,
    close_fd: bool,
    text: Mutex<TextState>,
    bytes: ByteLayer,
}

impl fmt::Debug for TextStream {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.repr())
    }
}

impl TextStream {
    /// A stream with this configuration.
    pub fn new(config: StreamConfig) -> TextStream {
        let bytes = ByteLayer::new(&config);
        TextStream {
            fd: config.fd,
            direction: config.direction,
            errors: config.errors,
            close_fd: config.close_fd,
            text: Mutex::new(TextState {
                pending: None,
                line_buffering: config.line_buffering,
                write_through: config.write_through,
                closed: false,
                decoded: String::new(),
                pos: 0,
                undecoded: Vec::new(),
                b2cratio: 0.0,
            }),
            bytes,
            name: config.name,
        }
    }

    /// sys.stdout, or `None` if fd 1 is not open.
    pub fn stdout(unbuffered: bool) -> Option<TextStream> {
        StreamConfig::stdio(StdStream::Stdout, 1, unbuffered).map(TextStream::new)
    }

    /// sys.stderr, or `None` if fd 2 is not open.
    pub fn stderr(unbuffered: bool) -> Option<TextStream> {
        StreamConfig::stdio(StdStream::Stderr, 2, unbuffered).map(TextStream::new)
    }

    /// sys.stdin, or `None` if fd 0 is not open.
    pub fn stdin(unbuffered: bool) -> Option<TextStream> {
        StreamConfig::stdio(StdStream::Stdin, 0, unbuffered).map(TextStream::new)
    }

    fn text(&self) -> MutexGuard<'_, TextState> {
        lock(&self.text)
    }

    fn check(&self, want: Direction) -> Result<MutexGuard<'_, TextState>, StreamError> {
        let t = self.text();
        t.check_open()?;
        if self.direction != want {
            return Err(StreamError::Unsupported(match want {
                Direction::Read => "not readable",
                Direction::Write => "not writable",
            }));
        }
        Ok(t)
    }

    /// TextIOWrapper.write(s) (print() calls it for each argument, separator and `end`).
    pub fn write_str(&self, s: &str, gate: &dyn AllowThreads) -> Result<(), StreamError> {
        let bytes = s.as_bytes();
        let (before, ends_line) = {
            let mut t = self.check(Direction::Write)?;
            let ends_line = t.line_buffering && bytes.iter().any(|&b| b == b'\n' || b == b'\r');
            // Never gather more than a chunk: what is pending goes first.
            let before = if t.pending_len() + bytes.len() > CHUNK_SIZE {
                t.pending.take()
            } else {
                None
            };
            (before, ends_line)
        };
        if let Some(piece) = before {
            self.bytes.write(&piece, gate)?;
        }
        let after = {
            let mut t = self.text();
            t.pending
                .get_or_insert_with(Vec::new)
                .extend_from_slice(bytes);
            let full = t.pending_len() >= CHUNK_SIZE;
            if full || ends_line || t.write_through {
                t.pending.take()
            } else {
                None
            }
        };
        if let Some(piece) = after {
            self.bytes.write(&piece, gate)?;
        }
        if ends_line {
            self.bytes.flush(gate)?;
        }
        Ok(())
    }

    /// TextIOWrapper.flush(): hands over the pending text, then writes out the buffer.
    pub fn flush(&self, gate: &dyn AllowThreads) -> Result<(), StreamError> {
        let pending = {
            let mut t = self.text();
            t.check_open()?;
            t.pending.take()
        };
        if let Some(piece) = pending {
            self.bytes.write(&piece, gate)?;
        }
        self.bytes.flush(gate)
    }

    /// TextIOWrapper.readline(size): up to and including `\n`, at most `limit` characters;
    /// `""` at end of file. Each refill is one read(2) of 8192 bytes. (input() is built on
    /// it: flush stderr, write the prompt, flush stdout, readline, strip the `\n`; EOFError
    /// on `""`.)
    pub fn read_line(
        &self,
        limit: Option<usize>,
        gate: &dyn AllowThreads,
    ) -> Result<String, StreamError> {
        self.read_until(Want::Line(limit), gate)
    }

    /// TextIOWrapper.read(n): `n` characters (fewer at end of file), or everything up to end
    /// of file when `n` is `None`.
    pub fn read(&self, n: Option<usize>, gate: &dyn AllowThreads) -> Result<String, StreamError> {
        match n {
            Some(n) => self.read_until(Want::Chars(n), gate),
            None => self.read_to_end(gate),
        }
    }

    /// Refills one read(2) at a time until what `want` asks for is decoded.
    fn read_until(&self, want: Want, gate: &dyn AllowThreads) -> Result<String, StreamError> {
        loop {
            let size = {
                let mut t = self.check(Direction::Read)?;
                if let Some(s) = t.take_wanted(want, false) {
                    return Ok(s);
                }
                t.refill_size(want)
            };
            let chunk = self.bytes.read_chunk(size, gate)?;
            let mut t = self.text();
            let at_eof = chunk.is_empty();
            t.feed(&chunk, at_eof, self.errors)?;
            if at_eof {
                return Ok(t.take_wanted(want, true).unwrap_or_default());
            }
        }
    }

    /// read(): what is decoded, then all bytes to end of file decoded in one piece, as
    /// CPython does (so a decoding error's positions count from there).
    fn read_to_end(&self, gate: &dyn AllowThreads) -> Result<String, StreamError> {
        drop(self.check(Direction::Read)?);
        let all = self.bytes.read_all(gate)?;
        let mut t = self.text();
        t.feed(&all, true, self.errors)?;
        let rest = t.decoded.len() - t.pos;
        Ok(t.take(rest))
    }

    /// TextIOWrapper.close(): flushes, then closes even if the flush failed (and closes the fd
    /// if the stream owns it); the flush's error is returned.
    pub fn close(&self, gate: &dyn AllowThreads) -> Result<(), StreamError> {
        if self.closed() {
            return Ok(());
        }
        let flushed = self.flush(gate);
        let was_closed = std::mem::replace(&mut self.text().closed, true);
        if self.close_fd && !was_closed {
            // SAFETY: the stream owns fd and closes it once.
            unsafe { libc::close(self.fd) };
        }
        flushed
    }

    /// TextIOWrapper.reconfigure(line_buffering=..., write_through=...): flushes, then
    /// changes the settings given.
    pub fn reconfigure(
        &self,
        line_buffering: Option<bool>,
        write_through: Option<bool>,
        gate: &dyn AllowThreads,
    ) -> Result<(), StreamError> {
        self.flush(gate)?;
        let mut t = self.text();
        t.line_buffering = line_buffering.unwrap_or(t.line_buffering);
        t.write_through = write_through.unwrap_or(t.write_through);
        Ok(())
    }

    /// Drops the pending text and the unwritten buffer without writing them: for a forked
    /// child that must not repeat its parent's output.
    pub fn discard_pending(&self) {
        self.text().pending = None;
        let mut st = lock(&self.bytes.state);
        st.buf.clear();
        st.written = 0;
    }

    /// Takes the stream's internal locks for a fork, so no other thread holds one in the
    /// child. Fork while holding the guard, then call [`ForkGuard::parent`] or
    /// [`ForkGuard::child`]. A thread blocked in write(2) keeps its data: the parent's copy
    /// writes it, the child's copy forgets it.
    pub fn prepare_fork(&self) -> ForkGuard<'_> {
        ForkGuard {
            _text: self.text(),
            bytes: lock(&self.bytes.state),
        }
    }

    /// fileno(); ValueError once closed.
    pub fn fileno(&self) -> Result<RawFd, StreamError> {
        if self.closed() {
            return Err(StreamError::Value("I/O operation on closed file"));
        }
        Ok(self.fd)
    }

    /// isatty(), asked of the system each time; ValueError once closed.
    pub fn isatty(&self) -> Result<bool, StreamError> {
        self.fileno().map(is_tty)
    }

    pub fn line_buffering(&self) -> bool {
        self.text().line_buffering
    }

    pub fn write_through(&self) -> bool {
        self.text().write_through
    }

    pub fn closed(&self) -> bool {
        self.text().closed
    }

    pub fn readable(&self) -> bool {
        self.direction == Direction::Read
    }

    pub fn writable(&self) -> bool {
        self.direction == Direction::Write
    }

    /// The `name` attribute.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The `encoding` attribute.
    pub fn encoding(&self) -> &'static str {
        "utf-8"
    }

    /// The `errors` attribute.
    pub fn errors(&self) -> Errors {
        self.errors
    }

    /// `<_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>`.
    pub fn repr(&self) -> String {
        let mode = match self.direction {
            Direction::Read => 'r',
            Direction::Write => 'w',
        };
        format!(
            "<_io.TextIOWrapper name='{}' mode='{mode}' encoding='utf-8'>",
            self.name
        )
    }
}

impl Drop for TextStream {
    /// Closes an owned fd without flushing: the interpreter closes (and so flushes) file
    /// objects when it finalizes them, as CPython's `__del__` does.
    fn drop(&mut self) {
        if self.close_fd && !self.closed() {
            // SAFETY: the stream owns fd and it was not closed yet.
            unsafe { libc::close(self.fd) };
        }
    }
}

/// A stream's internal locks, held across a fork ([`TextStream::prepare_fork`]).
pub struct ForkGuard<'a> {
    _text: MutexGuard<'a, TextState>,
    bytes: MutexGuard<'a, ByteState>,
}

impl ForkGuard<'_> {
    /// In the parent after fork: releases the locks.
    pub fn parent(self) {}

    /// In the child after fork: the other threads are gone, so a buffer lock one of them
    /// held is released (the bytes it was writing stay the parent's to write).
    pub fn child(mut self) {
        if self
            .bytes
            .owner
            .is_some_and(|t| t != thread::current().id())
        {
            self.bytes.owner = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::RefCell;

    /// Records each blocking call and runs it.
    #[derive(Default)]
    struct Log(RefCell<Vec<BlockingCall>>);

    impl AllowThreads for Log {
        fn allow_threads(&self, call: BlockingCall, run: &mut dyn FnMut()) {
            self.0.borrow_mut().push(call);
            run();
        }
    }

    impl Log {
        fn writes(&self) -> Vec<usize> {
            let calls = self.0.borrow();
            let sizes = calls.iter().filter_map(|c| match c {
                BlockingCall::Write { len, .. } => Some(*len),
                _ => None,
            });
            sizes.collect()
        }
    }

    fn dev_null() -> RawFd {
        // SAFETY: a NUL-terminated path.
        unsafe { libc::open(c"/dev/null".as_ptr(), libc::O_RDWR) }
    }

    fn writer(line_buffering: bool, write_through: bool, buffer_size: usize) -> TextStream {
        TextStream::new(StreamConfig {
            fd: dev_null(),
            name: "<test>".into(),
            direction: Direction::Write,
            line_buffering,
            write_through,
            buffer_size,
            errors: Errors::Strict,
            close_fd: true,
        })
    }

    #[test]
    fn line_buffering_writes_at_newline_only() {
        let (s, log) = (writer(true, false, 1024), Log::default());
        s.write_str("abc", &log).unwrap();
        s.write_str("def", &log).unwrap();
        assert_eq!(log.writes(), Vec::<usize>::new());
        s.write_str("g\nh", &log).unwrap();
        assert_eq!(log.writes(), [9]);
        s.write_str("\r", &log).unwrap();
        assert_eq!(log.writes(), [9, 1]);
    }

    #[test]
    fn block_buffering_waits_for_flush() {
        let (s, log) = (writer(false, false, 4096), Log::default());
        for _ in 0..10 {
            s.write_str("line\n", &log).unwrap();
        }
        assert_eq!(log.writes(), Vec::<usize>::new());
        s.flush(&log).unwrap();
        assert_eq!(log.writes(), [50]);
        s.flush(&log).unwrap();
        assert_eq!(log.writes(), [50]);
    }

    #[test]
    fn unbuffered_writes_every_call_even_empty() {
        let (s, log) = (writer(false, true, 0), Log::default());
        s.write_str("", &log).unwrap();
        s.write_str("hi", &log).unwrap();
        s.write_str("\n", &log).unwrap();
        s.flush(&log).unwrap();
        assert_eq!(log.writes(), [0, 2, 1]);
    }

    #[test]
    fn write_through_with_a_buffer_only_reaches_the_buffer() {
        let (s, log) = (writer(false, true, 4096), Log::default());
        s.write_str("h", &log).unwrap();
        s.write_str("i", &log).unwrap();
        assert_eq!(log.writes(), Vec::<usize>::new());
        s.flush(&log).unwrap();
        assert_eq!(log.writes(), [2]);
    }

    #[test]
    fn reconfigure_flushes_then_changes() {
        let (s, log) = (writer(false, false, 4096), Log::default());
        s.write_str("abc", &log).unwrap();
        s.reconfigure(Some(true), None, &log).unwrap();
        assert_eq!(log.writes(), [3]);
        s.write_str("d\n", &log).unwrap();
        assert_eq!(log.writes(), [3, 2]);
        assert!(s.line_buffering());
    }

    #[test]
    fn discard_pending_writes_nothing() {
        let (s, log) = (writer(false, false, 4096), Log::default());
        s.write_str(&"x".repeat(3000), &log).unwrap();
        s.flush(&log).unwrap();
        s.write_str(&"y".repeat(3000), &log).unwrap();
        s.write_str(&"z".repeat(6000), &log).unwrap();
        s.discard_pending();
        s.flush(&log).unwrap();
        assert_eq!(log.writes(), [3000]);
    }

    #[test]
    fn closed_stream_errors_like_cpython() {
        let s = writer(false, false, 4096);
        s.write_str("x", &NoGil).unwrap();
        s.close(&NoGil).unwrap();
        let err = s.write_str("x", &NoGil).unwrap_err();
        assert_eq!(err.to_string(), "ValueError: I/O operation on closed file.");
        let err = s.fileno().unwrap_err();
        assert_eq!(err.message(), "I/O operation on closed file");
        assert!(s.isatty().is_err());
        assert!(s.close(&NoGil).is_ok());
    }

    #[test]
    fn wrong_direction_is_unsupported() {
        let s = writer(false, false, 4096);
        let err = s.read_line(None, &NoGil).unwrap_err();
        assert_eq!(err.to_string(), "UnsupportedOperation: not readable");
        assert_eq!(
            s.repr(),
            "<_io.TextIOWrapper name='<test>' mode='w' encoding='utf-8'>"
        );
    }

    #[test]
    fn broken_pipe_keeps_buffered_bytes() {
        let mut fds = [0; 2];
        // SAFETY: fds has room for two descriptors.
        assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0);
        // SAFETY: closing the read end we own.
        unsafe { libc::close(fds[0]) };
        let s = TextStream::new(StreamConfig {
            close_fd: true,
            ..StreamConfig::stdio(StdStream::Stdout, fds[1], false).unwrap()
        });
        s.write_str("hello\n", &NoGil).unwrap();
        let err = s.flush(&NoGil).unwrap_err();
        assert_eq!(err.type_name(), "BrokenPipeError");
        assert_eq!(err.message(), "[Errno 32] Broken pipe");
        // As in CPython, the bytes are still there: the flush at exit fails again.
        assert!(s.flush(&NoGil).is_err());
        s.discard_pending();
        assert!(s.flush(&NoGil).is_ok());
    }

    #[test]
    fn decode_errors_match_cpython_messages() {
        let cases: [(&[u8], bool, &str); 4] = [
            (
                b"abc\xffdef",
                false,
                "byte 0xff in position 3: invalid start byte",
            ),
            (
                b"\xe2\x82zz\n",
                false,
                "bytes in position 0-1: invalid continuation byte",
            ),
            (
                b"ab\xe2\x82",
                true,
                "bytes in position 2-3: unexpected end of data",
            ),
            (
                b"\xed\xa0\x80",
                false,
                "byte 0xed in position 0: invalid continuation byte",
            ),
        ];
        for (data, last, want) in cases {
            let err = decode_utf8(data, last, Errors::Strict).unwrap_err();
            assert_eq!(err.message(), format!("'utf-8' codec can't decode {want}"));
            let ours = crate::object::bytes::decode(data, "utf-8", "strict").unwrap_err();
            assert_eq!(err.message(), ours.message());
        }
        assert_eq!(
            decode_utf8(b"ab\xe2\x82", false, Errors::Strict).unwrap(),
            ("ab".to_string(), 2)
        );
        let (text, _) = decode_utf8(b"a\xffb", true, Errors::BackslashReplace).unwrap();
        assert_eq!(text, "a\\xffb");
        let (text, _) = decode_utf8(b"a\xff\xfeb", true, Errors::SurrogateEscape).unwrap();
        assert_eq!(text, "a\u{fffd}\u{fffd}b");
    }

    #[test]
    fn fork_guard_in_child_frees_a_lock_held_elsewhere() {
        let s = writer(false, false, 4096);
        lock(&s.bytes.state).owner = Some(thread::spawn(|| {}).thread().id());
        s.prepare_fork().child();
        assert!(lock(&s.bytes.state).owner.is_none());
        s.write_str("x", &NoGil).unwrap();
        s.flush(&NoGil).unwrap();
    }
}
