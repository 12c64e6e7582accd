//! The interactive prompt, driven as a person would through a pseudo-terminal (a small libc
//! pty helper): prompts, echoes, blocks, errors, Ctrl-C, Ctrl-D, completion, history and `-i`;
//! plus piped stdin, which stays a script. Every read has a deadline and every child is reaped.

use std::io::Write as _;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt as _;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const GILPY: &str = env!("CARGO_BIN_EXE_gilpy");
const TIMEOUT: Duration = Duration::from_secs(20);

/// A fresh directory for one test (its HOME and its scripts), removed when dropped.
struct TempDir(PathBuf);

impl std::ops::Deref for TempDir {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn temp_dir(name: &str) -> TempDir {
    let dir = std::env::temp_dir().join(format!("gilpy-repl-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create temp dir");
    TempDir(dir)
}

/// gilpy on the slave side of a pty; the test holds the master.
struct Session {
    master: OwnedFd,
    child: Child,
    raw: Vec<u8>,
    /// How much of the cleaned output earlier `expect`s consumed.
    seen: usize,
    /// How many cursor-position queries were answered.
    answered: usize,
    eof: bool,
}

fn open_pty() -> (OwnedFd, OwnedFd) {
    let (mut master, mut slave) = (-1, -1);
    let size = libc::winsize {
        ws_row: 24,
        ws_col: 200,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: the out-pointers are valid; no name buffer or termios is passed.
    let r = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            &size,
        )
    };
    assert_eq!(r, 0, "openpty failed");
    for fd in [master, slave] {
        // SAFETY: fd was just opened; only its descriptor flags change.
        unsafe { libc::fcntl(fd, libc::F_SETFD, libc::FD_CLOEXEC) };
    }
    // SAFETY: openpty returned two new descriptors that nothing else owns.
    unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) }
}

impl Session {
    fn spawn(args: &[&str], home: &Path) -> Session {
        let (master, slave) = open_pty();
        let stdio = || Stdio::from(slave.try_clone().expect("dup pty slave"));
        let mut command = Command::new(GILPY);
        command
            .args(args)
            .current_dir(home)
            .env("HOME", home)
            .env("TERM", "xterm")
            .env_remove("PYTHONINSPECT")
            .env_remove("PYTHONUNBUFFERED")
            .stdin(stdio())
            .stdout(stdio())
            .stderr(stdio());
        // SAFETY: only async-signal-safe calls between fork and exec: a new session whose
        // controlling terminal is the pty (stdin), so Ctrl-C and job control work as for a user.
        unsafe {
            command.pre_exec(|| {
                libc::setsid();
                libc::ioctl(0, libc::TIOCSCTTY, 0);
                Ok(())
            });
        }
        let child = command.spawn().expect("spawn gilpy");
        drop(slave);
        Session {
            master,
            child,
            raw: Vec::new(),
            seen: 0,
            answered: 0,
            eof: false,
        }
    }

    fn send(&mut self, text: &str) {
        let mut f = std::fs::File::from(self.master.try_clone().expect("dup pty master"));
        f.write_all(text.as_bytes()).expect("write to pty");
    }

    /// Reads whatever arrives within `wait` (less if the child closed the terminal).
    fn pump(&mut self, wait: Duration) {
        if self.eof {
            return;
        }
        let mut fds = libc::pollfd {
            fd: self.master.as_raw_fd(),
            events: libc::POLLIN,
            revents: 0,
        };
        let ms = wait.as_millis().min(i32::MAX as u128) as i32;
        // SAFETY: one valid pollfd.
        let ready = unsafe { libc::poll(&mut fds, 1, ms) };
        if ready <= 0 {
            return;
        }
        let mut buf = [0u8; 4096];
        // SAFETY: reading into a local buffer of the stated size.
        let n = unsafe { libc::read(fds.fd, buf.as_mut_ptr().cast(), buf.len()) };
        if n <= 0 {
            // EIO: every slave descriptor is closed (the child is gone).
            self.eof = true;
        } else {
            self.raw.extend_from_slice(&buf[..n as usize]);
            self.answer_cursor_queries();
        }
    }

    /// Plays the terminal's part in `ESC[6n` (where is the cursor?), which the line editor asks
    /// before a prompt so that it does not draw over output left without a newline.
    fn answer_cursor_queries(&mut self) {
        const QUERY: &[u8] = b"\x1b[6n";
        let at: Vec<usize> = (0..self.raw.len())
            .filter(|&i| self.raw[i..].starts_with(QUERY))
            .collect();
        for &i in &at[self.answered.min(at.len())..] {
            let line = clean(&String::from_utf8_lossy(&self.raw[..i]), true);
            let column = line
                .rsplit(['\n', '\r'])
                .next()
                .map_or(0, |l| l.chars().count())
                + 1;
            self.send(&format!("\x1b[1;{column}R"));
        }
        self.answered = at.len();
    }

    /// The output so far, without terminal control sequences and carriage returns.
    fn text(&self) -> String {
        clean(&String::from_utf8_lossy(&self.raw), false)
    }

    /// Waits for `needle` after what earlier calls consumed; returns the text up to and
    /// including it. Panics (with the output) at the deadline.
    fn expect(&mut self, needle: &str) -> String {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let text = self.text();
            if let Some(at) = text[self.seen..].find(needle) {
                let end = self.seen + at + needle.len();
                let got = text[self.seen..end].to_string();
                self.seen = end;
                return got;
            }
            let now = Instant::now();
            if now >= deadline || self.eof {
                panic!(
                    "waiting for {needle:?}; output after the last match:\n{:?}",
                    &text[self.seen..]
                );
            }
            self.pump(deadline - now);
        }
    }

    /// Sends one line and returns what came out up to the next primary prompt.
    fn entry(&mut self, line: &str) -> String {
        self.send(&format!("{line}\r"));
        self.expect(&format!("{line}\n"));
        self.expect(">>> ")
    }

    /// Waits for the child to end and returns its exit status.
    fn wait(&mut self) -> i32 {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                // Collect what it wrote last (reads end with EIO once the pty is closed).
                while !self.eof && Instant::now() < deadline {
                    self.pump(Duration::from_millis(50));
                }
                return status.code().unwrap_or(-1);
            }
            assert!(
                Instant::now() < deadline,
                "gilpy did not exit; output:\n{}",
                self.text()
            );
            // Keep draining so the child never blocks on a full terminal.
            self.pump(Duration::from_millis(50));
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
        let _ = self.child.wait();
    }
}

/// Drops CSI and OSC sequences, other escapes, bells and (unless `keep_cr`) carriage returns.
fn clean(s: &str, keep_cr: bool) -> String {
    let mut out = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\x1b' => match chars.next() {
                Some('[') => {
                    // Parameters and intermediates, then one final byte.
                    for c in chars.by_ref() {
                        if ('\x40'..='\x7e').contains(&c) {
                            break;
                        }
                    }
                }
                Some(']') => {
                    while let Some(c) = chars.next() {
                        if c == '\x07' || (c == '\x1b' && chars.next_if_eq(&'\\').is_some()) {
                            break;
                        }
                    }
                }
                _ => {}
            },
            '\r' if !keep_cr => {}
            '\x07' => {}
            c => out.push(c),
        }
    }
    out
}

#[test]
fn prompt_echoes_blocks_errors_interrupt_and_eof() {
    let home = temp_dir("basic");
    let mut s = Session::spawn(&[], &home);
    let banner = s.expect(">>> ");
    assert!(banner.contains("Python 3.11.7 (gilpy "), "{banner:?}");
    assert!(banner.contains("exit()"), "{banner:?}");

    assert_eq!(s.entry("1 + 2"), "3\n>>> ");
    assert_eq!(s.entry("_"), "3\n>>> ");
    assert_eq!(s.entry("x = 5"), ">>> ");
    assert_eq!(s.entry("None"), ">>> ");

    s.send("def f(n):\r");
    s.expect("... ");
    s.send("    return n * 2\r");
    s.expect("... ");
    s.send("\r");
    s.expect(">>> ");
    assert_eq!(s.entry("f(21)"), "42\n>>> ");

    s.send("for i in range(3):\r");
    s.expect("... ");
    s.send("    print(i, x)\r");
    s.expect("... ");
    s.send("\r");
    assert_eq!(s.expect(">>> "), "\n0 5\n1 5\n2 5\n>>> ");

    assert_eq!(
        s.entry("1/0"),
        "Traceback (most recent call last):\n  File \"<stdin>\", line 1, in <module>\n\
         ZeroDivisionError: division by zero\n>>> "
    );
    assert_eq!(
        s.entry("f('a') + 1"),
        "Traceback (most recent call last):\n  File \"<stdin>\", line 1, in <module>\n\
         TypeError: can only concatenate str (not \"int\") to str\n>>> "
    );
    assert_eq!(
        s.entry("1 +"),
        "  File \"<stdin>\", line 1\n    1 +\n       ^\nSyntaxError: invalid syntax\n>>> "
    );
    assert_eq!(
        s.entry("exit"),
        "Use exit() or Ctrl-D (i.e. EOF) to exit\n>>> "
    );

    // Ctrl-C on a partial line drops it; nothing is left pending for the next entry.
    s.send("x +");
    s.expect("x +");
    s.send("\x03");
    assert_eq!(s.expect(">>> "), "\nKeyboardInterrupt\n>>> ");
    // ... and inside a block.
    s.send("if x:\r");
    s.expect("... ");
    s.send("\x03");
    assert_eq!(s.expect(">>> "), "\nKeyboardInterrupt\n>>> ");
    assert_eq!(s.entry("x"), "5\n>>> ");

    s.send("\x04");
    assert_eq!(s.wait(), 0);
    let history = std::fs::read_to_string(home.join(".gilpy_history")).unwrap_or_default();
    assert!(history.contains("f(21)"), "history file: {history:?}");
}

#[test]
fn prompt_keeps_output_without_newline() {
    let home = temp_dir("partial");
    let mut s = Session::spawn(&[], &home);
    s.expect(">>> ");
    assert_eq!(s.entry("print('partial', end='')"), "partial\n>>> ");
    s.send("\x04");
    assert_eq!(s.wait(), 0);
}

#[test]
fn ctrl_c_interrupts_running_code() {
    let home = temp_dir("sigint");
    let mut s = Session::spawn(&[], &home);
    s.expect(">>> ");
    s.send("n = 0\r");
    s.expect(">>> ");
    // The loop announces itself, so Ctrl-C comes once the terminal is back in cooked mode
    // (where it is a signal, not a key).
    s.send("if 1:\r");
    for line in [
        "    print('spinning', flush=True)",
        "    while True: n += 1",
        "",
    ] {
        s.expect("... ");
        s.send(&format!("{line}\r"));
    }
    s.expect("spinning\n");
    s.send("\x03");
    let out = s.expect(">>> ");
    // The terminal echoes ^C; the loop may be stopped on either line of the block.
    assert!(
        out.starts_with("^CTraceback (most recent call last):\n  File \"<stdin>\", line "),
        "{out:?}"
    );
    assert!(
        out.ends_with(", in <module>\nKeyboardInterrupt\n>>> "),
        "{out:?}"
    );
    assert_eq!(s.entry("n > 0"), "True\n>>> ");
    s.send("\x04");
    assert_eq!(s.wait(), 0);
}

#[test]
fn exit_statuses() {
    let home = temp_dir("exit");
    let mut s = Session::spawn(&[], &home);
    s.expect(">>> ");
    s.send("import sys; sys.exit(7)\r");
    assert_eq!(s.wait(), 7);

    let mut s = Session::spawn(&[], &home);
    s.expect(">>> ");
    s.send("exit(3)\r");
    assert_eq!(s.wait(), 3);

    let mut s = Session::spawn(&[], &home);
    s.expect(">>> ");
    s.send("quit()\r");
    assert_eq!(s.wait(), 0);

    let mut s = Session::spawn(&[], &home);
    s.expect(">>> ");
    s.send("raise SystemExit('bye')\r");
    assert_eq!(s.wait(), 1);
    assert!(s.text().contains("\nbye\n"), "{:?}", s.text());
}

#[test]
fn tab_completion() {
    let home = temp_dir("complete");
    let mut s = Session::spawn(&[], &home);
    s.expect(">>> ");
    s.send("word = 'abc'\r");
    s.expect(">>> ");
    // A global name, then a builtin: callables get their parenthesis.
    s.send("wo\t");
    s.expect("word");
    s.send(".upp\t");
    s.expect("upper(");
    s.send(")\r");
    assert_eq!(s.expect(">>> "), ")\n'ABC'\n>>> ");
    s.send("len(wor\t");
    s.expect("word");
    s.send(")\r");
    assert_eq!(s.expect(">>> "), ")\n3\n>>> ");
    s.send("\x04");
    assert_eq!(s.wait(), 0);
}

#[test]
fn inspect_after_script() {
    let home = temp_dir("inspect");
    let script = home.join("script.py");
    std::fs::write(&script, "y = 41\nprint('ran')\n").expect("write script");
    let mut s = Session::spawn(&["-i", script.to_str().expect("utf-8 path")], &home);
    let first = s.expect(">>> ");
    assert_eq!(first, "ran\n>>> ", "no banner after a script");
    assert_eq!(s.entry("y + 1"), "42\n>>> ");
    s.send("\x04");
    assert_eq!(s.wait(), 0);
}

#[test]
fn piped_stdin_is_a_script() {
    let run = |args: &[&str], input: &str| {
        let mut child = Command::new(GILPY)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .env_remove("PYTHONINSPECT")
            .spawn()
            .expect("spawn gilpy");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(input.as_bytes())
            .expect("write stdin");
        let out = child.wait_with_output().expect("wait for gilpy");
        (
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
            out.status.code(),
        )
    };
    assert_eq!(
        run(&[], "print(1)\nx = 2\nx\n"),
        ("1\n".into(), "".into(), Some(0))
    );
    // -i reads stdin as REPL entries: prompts on stderr, results on stdout.
    let (out, err, status) = run(&["-i"], "1 + 2\nfor i in range(2):\n  i\n\n");
    assert_eq!(out, "3\n0\n1\n");
    assert!(err.ends_with(">>> >>> ... ... >>> \n"), "{err:?}");
    assert_eq!(status, Some(0));
}
