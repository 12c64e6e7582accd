"""Writes tests/stream/expectations.txt: the write(2) system calls CPython 3.11 makes on fds 1
and 2 for a table of sys.stdout/sys.stderr write and flush sequences, and what sys.stdin's
readline()/read() return (and the read(2) calls they make) for a table of inputs, checked by
tests/stream_buffering.rs against src/runtime/stream.rs.

Run with CPython 3.11 (the oracle) on Linux with strace installed:
    python3 scripts/gen_stream_expectations.py

Method. Each scenario becomes a tiny `python3 -c` program that only calls
sys.stdout.write / sys.stderr.write / .flush() and then exits (exit flushes stdout, then
stderr). It runs under `strace -e trace=write`, which records every write(2) with its fd and
byte count; the sequence of (fd, count) is the expected data. strace observes the process
from outside (ptrace), so nothing in the measured process changes: no LD_PRELOAD, no wrapper
stream. Three modes:
  pipe        stdout and stderr go to a pipe (`| cat`): stdout block buffered, stderr line
              buffered, both over a BufferedWriter whose size is the pipe's st_blksize
  tty         stdout and stderr are a pseudo-terminal (the program runs under `script`):
              both line buffered, buffer size = the terminal's st_blksize (1024 on Linux)
  unbuffered  `python3 -u` to a pipe: no BufferedWriter at all, write_through=True
PYTHONUNBUFFERED is removed from the environment (this machine sets it), so only `-u` asks
for unbuffered streams. The header lines record, for each mode, what CPython reports:
line_buffering, write_through and the BufferedWriter's size (its __sizeof__ minus the
object's own size), so the Rust test can build the same configuration.

File format (TAB separated):
  mode <name> <stream>=<line|block|unbuffered>:<buffer size> ...   (one line per mode)
  <scenario> <mode> <ops, space separated> <chunks, space separated>
Ops: `o:PIECES` writes to stdout, `e:PIECES` to stderr (one .write() call each), `fo` / `fe`
flush stdout / stderr. PIECES are `+`-joined: `C*N` (the character C, N times; C may be
multi-byte such as é or €), `nl` ("\\n"), `cr` ("\\r"), `sp` (" "), `empty` ("").
Chunks: `<fd>:<bytes>` for each write(2) in order.

Reading (sys.stdin with errors='strict', via PYTHONIOENCODING=utf-8:strict). A scenario is
a list of operations on sys.stdin and what the pipe holds when each starts: before
operation k the script writes part k into the pipe (or closes it), then waits for the
program to report that operation's result, so every read(2) returns exactly the parts that
were there (the boundaries are part of the scenario). strace records the read(2) calls on fd
0. Line format (TAB separated):
  read <scenario> <parts> <ops> <results> <read sizes>
Parts, one per op, space separated: hex bytes to write, `-` (nothing), or `EOF` (close the
pipe), or `<hex>,EOF`. Ops: `readline`, `readline:N`, `read`, `read:N`. Results, one per
op: `s:<hex of the UTF-8 result>` or `E:<hex object>:<start>:<end>:<hex reason>` for a
UnicodeDecodeError. Read sizes: the size asked of each read(0) call in order.
"""

import os
import re
import select
import subprocess
import sys
import tempfile

assert sys.version_info[:2] == (3, 11), "the oracle is CPython 3.11"

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "tests", "stream", "expectations.txt")
PYTHON = sys.executable

# (name, mode, ops). print(x) is two writes (`o:x` and `o:nl`); print(x, flush=True) adds `fo`.
SCENARIOS = [
    # Block buffering: TextIOWrapper's pending list (8192) over a BufferedWriter (st_blksize).
    ("three_short_lines", "pipe", "o:a*2 o:nl o:b*2 o:nl o:c*2 o:nl"),
    ("two_5000_lines", "pipe", "o:a*5000 o:nl o:b*5000 o:nl"),
    ("short_then_20000", "pipe", "o:h*2 o:nl o:x*5000 o:nl o:y*20000 o:nl"),
    ("hundred_101_byte_lines", "pipe", " ".join(["o:x*100 o:nl"] * 100)),
    ("pending_4097", "pipe", "o:a*4095 o:b o:c"),
    ("two_4096_writes", "pipe", "o:a*4096 o:b*4096 o:c"),
    ("exact_chunk_then_fill", "pipe", "o:a*8192 o:b o:c*8191"),
    ("chunk_plus_one", "pipe", "o:a*8191 o:b*2 o:c"),
    ("buffer_then_overflow", "pipe", "o:a*3000 fo o:b*3000 fo o:c*3000 fo"),
    ("buffer_fills_exactly", "pipe", "o:a*4000 fo o:b*96 fo o:c fo"),
    ("flush_each_print", "pipe", "o:a*10 o:nl fo o:b*10 o:nl fo"),
    ("end_empty_many", "pipe", " ".join(["o:z*7 o:empty"] * 50) + " fo"),
    ("many_small_to_9000", "pipe", " ".join(["o:q*90 o:nl"] * 100)),
    ("flush_between_big", "pipe", "o:a*3000 fo o:b*9000 fo o:c*10 fo"),
    ("buffered_then_big", "pipe", "o:a*100 fo o:b*5000 fo o:c*100"),
    ("big_single_write", "pipe", "o:x*70000 o:nl"),
    ("multibyte_e_acute", "pipe", "o:é*3000 o:nl o:é*3000 o:nl"),
    ("multibyte_euro", "pipe", "o:€*3000 o:nl"),
    ("newline_inside", "pipe", "o:a*10+nl+b*10 o:nl"),
    ("pending_then_flush_fill", "pipe", "o:a*2000 fo o:b*2096 fo o:c*1 fo"),
    ("empty_writes", "pipe", "o:empty o:empty fo o:a o:empty"),
    # stderr is line buffered even to a pipe; stdout block buffered: the exit order.
    ("stderr_line_pipe", "pipe", "e:abc e:d+nl e:x*5000 e:nl e:tail"),
    ("stderr_cr", "pipe", "e:a*5 e:cr e:b*5"),
    ("mixed_streams", "pipe", "o:out1 o:nl e:err1 e:nl o:out2 o:nl e:err2 fo e:err3"),
    ("stderr_big", "pipe", "e:x*20000 e:nl"),
    ("stderr_9000_no_newline", "pipe", "e:x*9000 e:y*10 e:nl"),
    # A terminal: line buffered, BufferedWriter of the tty's st_blksize.
    ("tty_lines", "tty", "o:a*2 o:nl o:b*2 o:nl"),
    ("tty_no_newline", "tty", "o:a*5 o:b*5 fo o:c*5"),
    ("tty_2000_line", "tty", "o:x*2000 o:nl"),
    ("tty_20000_line", "tty", "o:x*20000 o:nl"),
    ("tty_5000_no_newline", "tty", "o:x*5000 o:y*5000 o:nl"),
    ("tty_cr", "tty", "o:a*3 o:cr o:b*3"),
    ("tty_newline_mid", "tty", "o:a*3+nl+b*3 o:c*3"),
    ("tty_small_then_big", "tty", "o:a*600 o:b*600 o:nl"),
    ("tty_stderr", "tty", "e:abc e:nl o:def e:ghi o:nl"),
    # -u: every .write() is one write(2), even an empty one.
    ("unbuffered_print", "unbuffered", "o:hi o:nl o:x*20000 o:nl"),
    ("unbuffered_empty", "unbuffered", "o:empty o:empty o:empty o:nl fo"),
    ("unbuffered_stderr", "unbuffered", "e:abc e:nl o:def fo"),
    ("unbuffered_big", "unbuffered", "o:x*70000"),
]

PIECE = re.compile(r"^(.)\*(\d+)$")
NAMED = {"nl": "\n", "cr": "\r", "sp": " ", "empty": ""}


def text_of(pieces):
    """The text a `PIECES` spec stands for."""
    out = []
    for p in pieces.split("+"):
        if p in NAMED:
            out.append(NAMED[p])
        elif m := PIECE.match(p):
            out.append(m.group(1) * int(m.group(2)))
        else:
            out.append(p)
    return "".join(out)


def program(ops):
    """A python -c program performing the ops in order."""
    lines = ["import sys"]
    for op in ops.split():
        if op == "fo":
            lines.append("sys.stdout.flush()")
        elif op == "fe":
            lines.append("sys.stderr.flush()")
        else:
            stream, pieces = op.split(":", 1)
            name = {"o": "stdout", "e": "stderr"}[stream]
            lines.append("sys.%s.write(%r)" % (name, text_of(pieces)))
    return "\n".join(lines)


PROBE = """import sys
def d(s):
    b = s.buffer
    if type(b).__name__ == 'FileIO':
        return 'unbuffered:0'
    kind = 'line' if s.line_buffering else 'block'
    return '%s:%d' % (kind, b.__sizeof__() - type(b).__basicsize__)
sys.stdout.write('stdout=' + d(sys.stdout) + '\\tstderr=' + d(sys.stderr))
"""


def env():
    e = dict(os.environ)
    e.pop("PYTHONUNBUFFERED", None)
    return e


def traced(mode, code):
    """Runs `python3 -c code` in `mode` under strace; returns (stdout text, [(fd, n)])."""
    with tempfile.TemporaryDirectory() as tmp:
        trace = os.path.join(tmp, "trace")
        flags = ["-u"] if mode == "unbuffered" else []
        cmd = ["strace", "-qq", "-e", "trace=write", "-e", "signal=none", "-o", trace]
        cmd += [PYTHON] + flags + ["-c", code]
        if mode == "tty":
            # `script` gives the program a pseudo-terminal for stdin, stdout and stderr.
            quoted = " ".join("'" + a.replace("'", "'\\''") + "'" for a in cmd)
            cmd = ["script", "-qec", quoted, "/dev/null"]
            out = subprocess.run(cmd, env=env(), stdin=subprocess.DEVNULL,
                                 stdout=subprocess.PIPE, check=True).stdout
        else:
            out = subprocess.run(cmd, env=env(), stdout=subprocess.PIPE,
                                 stderr=subprocess.STDOUT, check=True).stdout
        with open(trace) as f:
            calls = parse_trace(f.read())
    return out.decode("utf-8", "replace"), calls


CALL = re.compile(r'^write\(([12]), .*, (\d+)\)\s+= (-?\d+)')


def parse_trace(text):
    calls = []
    for line in text.splitlines():
        m = CALL.match(line)
        if m:
            assert m.group(2) == m.group(3), "partial write in trace: " + line
            calls.append((int(m.group(1)), int(m.group(2))))
    return calls


READ_SCENARIOS = [
    ("lines", "6162630a6465660a - EOF -", "readline readline readline readline"),
    ("no_final_newline", "610a62,EOF - -", "readline readline readline"),
    ("empty_lines", "0a0a78,EOF - - -", "readline readline readline readline"),
    (
        "utf8_split_across_reads",
        "61620a6364e282 ac0a71e282 7a7a0a EOF",
        "readline readline readline readline",
    ),
    ("invalid_start_byte", "616263ff6465660a78797a0a EOF", "readline readline"),
    ("incomplete_at_eof", "6162e282,EOF - -", "readline readline readline"),
    ("read_all_incomplete", "6162e282,EOF", "read"),
    ("read_all", "6162630a,EOF -", "read read"),
    ("read_n_chars", "68c3a96c6c6f2077c3b6726c640a6e657874 - - EOF", "read:3 read:3 readline read:100"),
    ("readline_limit", "6162636465660a67,EOF - -", "readline:2 readline:10 readline"),
    ("read_then_readline", "6c696e65310a6c696e65320a - EOF", "read:2 readline readline"),
    ("read_n_across_reads", "6162 6364,EOF", "read:1 read:5"),
    ("multibyte_split_read_n", "41e282 ac42,EOF", "read:1 read:5"),
    ("read_zero", "61,EOF -", "read:0 read"),
]

READER = """import sys
def enc(f):
    try:
        r = f()
    except UnicodeDecodeError as e:
        return 'E:%s:%d:%d:%s' % (e.object.hex(), e.start, e.end, e.reason.encode().hex())
    return 's:' + r.encode('utf-8', 'surrogateescape').hex()
for op in sys.argv[1:]:
    kind, _, arg = op.partition(':')
    n = int(arg) if arg else -1
    f = sys.stdin.readline if kind == 'readline' else sys.stdin.read
    sys.stdout.write(enc(lambda: f(n)) + '\\n')
    sys.stdout.flush()
"""


def traced_reads(parts, ops):
    """Runs READER on `ops`, feeding `parts` step by step; returns (results, read sizes)."""
    with tempfile.TemporaryDirectory() as tmp:
        trace = os.path.join(tmp, "trace")
        e = env()
        e["PYTHONIOENCODING"] = "utf-8:strict"
        cmd = ["strace", "-qq", "-e", "trace=read", "-e", "signal=none", "-o", trace,
               PYTHON, "-c", READER] + ops.split()
        p = subprocess.Popen(cmd, env=e, stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=0)
        results = []
        assert len(parts.split()) == len(ops.split()), "one part per op"
        for part in parts.split():
            for piece in part.split(","):
                if piece == "EOF":
                    p.stdin.close()
                elif piece != "-":
                    p.stdin.write(bytes.fromhex(piece))
                    p.stdin.flush()
            # An op that needs more than its part would wait for ever: say which one.
            ready, _, _ = select.select([p.stdout], [], [], 10)
            if not ready:
                p.kill()
                raise SystemExit("reader blocked on %r (%s): fix its parts" % (ops, parts))
            results.append(p.stdout.readline().decode().strip())
        if not p.stdin.closed:
            p.stdin.close()
        assert p.wait() == 0
        with open(trace) as f:
            sizes = re.findall(r"^read\(0, .*, (\d+)\)", f.read(), re.M)
    return results, sizes


def main():
    lines = [
        "# CPython 3.11's write(2) calls for stdout/stderr and stdin's reads; generated by",
        "# scripts/gen_stream_expectations.py (its docstring describes the method and format).",
    ]
    for mode in ("pipe", "tty", "unbuffered"):
        out, _ = traced(mode, PROBE)
        lines.append("mode\t%s\t%s" % (mode, out.strip().replace("\r", "")))
    for name, mode, ops in SCENARIOS:
        _, calls = traced(mode, program(ops))
        chunks = " ".join("%d:%d" % c for c in calls)
        lines.append("\t".join([name, mode, ops, chunks]))
    for name, parts, ops in READ_SCENARIOS:
        results, sizes = traced_reads(parts, ops)
        lines.append("\t".join(["read", name, parts, ops, " ".join(results), " ".join(sizes)]))
    with open(OUT, "w") as f:
        f.write("\n".join(lines) + "\n")
    count = len(SCENARIOS) + len(READ_SCENARIOS)
    print("wrote", count, "scenarios to", os.path.normpath(OUT))


if __name__ == "__main__":
    main()
