#!/usr/bin/env python3
"""Regenerate the expected results of the run-time test programs from CPython 3.11.

    python3 scripts/gen_program_expectations.py [NAME ...]

For each tests/programs/run/NAME.py (or only the NAMEs given) this runs
`python3 -I NAME.py` with the working directory tests/programs/run and writes:

    NAME.out      the program's stdout
    NAME.stderr   its stderr, only when it is not empty (the directory's
                  absolute path is replaced by <dir>, so no machine path is
                  checked in)
    NAME.status   its exit status, only when it is not 0

Programs whose output depends on scheduling do not belong here: their tests
assert invariants instead. Every program is run twice (each run has a new
str-hash seed); a program whose outputs differ is reported and skipped.
"""

import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
RUN_DIR = os.path.join(os.path.dirname(HERE), "tests", "programs", "run")


def run(name):
    proc = subprocess.run(
        [sys.executable, "-I", name + ".py"],
        cwd=RUN_DIR,
        capture_output=True,
        timeout=60,
    )
    stderr = proc.stderr.decode().replace(RUN_DIR, "<dir>")
    return proc.stdout, stderr, proc.returncode


def write_if_changed(path, data):
    old = None
    if os.path.exists(path):
        with open(path, "rb") as f:
            old = f.read()
    if old != data:
        with open(path, "wb") as f:
            f.write(data)
        print("wrote", os.path.relpath(path, RUN_DIR))


def remove_if_present(path):
    if os.path.exists(path):
        os.remove(path)
        print("removed", os.path.relpath(path, RUN_DIR))


def main():
    if sys.version_info[:2] != (3, 11):
        sys.exit("run this with CPython 3.11")
    names = sys.argv[1:] or sorted(
        f[:-3] for f in os.listdir(RUN_DIR) if f.endswith(".py")
    )
    unstable = []
    for name in names:
        first = run(name)
        if run(name) != first:
            unstable.append(name)
            continue
        out, err, status = first
        base = os.path.join(RUN_DIR, name)
        write_if_changed(base + ".out", out)
        if err:
            write_if_changed(base + ".stderr", err.encode())
        else:
            remove_if_present(base + ".stderr")
        if status:
            write_if_changed(base + ".status", f"{status}\n".encode())
        else:
            remove_if_present(base + ".status")
    if unstable:
        sys.exit("output differs between runs: " + ", ".join(unstable))


if __name__ == "__main__":
    main()
