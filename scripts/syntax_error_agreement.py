#!/usr/bin/env python3
"""Measures how often gilpy reports the same syntax error as CPython on broken programs.

Takes valid programs (default: tests/programs/parse/*.py), breaks each in deterministic ways
(drops, duplicates or inserts a token, changes indentation, truncates), keeps the variants that
CPython rejects, and compares what `gilpy --check` prints with what CPython prints for the same
file. Prints the agreement rate and the first mismatches.

Usage: python3 scripts/syntax_error_agreement.py [--per-file N] [--show K] [FILES...]
"""

import argparse
import ast
import glob
import os
import random
import subprocess
import sys
import tempfile
import tokenize
import io

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GILPY = os.path.join(ROOT, "target", "release", "gilpy")
INSERTS = ["(", ")", "[", "]", ":", ",", "=", "==", "'", '"', "if", "else", "for", "in", "def",
           "lambda", "*", "**", "1", "x", "f'{", "}", "\\", "\t", "    ", "import", "return", "."]


def tokens_of(source):
    """(start offset, end offset) of each token that has text."""
    lines = source.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    spans = []
    try:
        for tok in tokenize.generate_tokens(io.StringIO(source).readline):
            if tok.string.strip():
                (sl, sc), (el, ec) = tok.start, tok.end
                spans.append((starts[sl - 1] + sc, starts[el - 1] + ec))
    except (tokenize.TokenError, IndentationError, SyntaxError):
        pass
    return spans


def variants(source, rng, count):
    spans = tokens_of(source)
    lines = source.splitlines(keepends=True)
    for _ in range(count):
        kind = rng.randrange(5)
        if kind == 0 and spans:
            a, b = rng.choice(spans)
            yield source[:a] + source[b:]
        elif kind == 1 and spans:
            a, _ = rng.choice(spans)
            yield source[:a] + rng.choice(INSERTS) + " " + source[a:]
        elif kind == 2 and spans:
            a, b = rng.choice(spans)
            yield source[:b] + " " + source[a:b] + source[b:]
        elif kind == 3 and lines:
            i = rng.randrange(len(lines))
            changed = list(lines)
            changed[i] = rng.choice(["  ", "    ", "\t", ""]) + changed[i].lstrip(" ")
            yield "".join(changed)
        elif spans:
            a, _ = rng.choice(spans)
            yield source[:a]


def cpython_report(path):
    result = subprocess.run([sys.executable, "-I", path], capture_output=True, text=True,
                            timeout=20)
    return result.stderr.replace(f'File "{path}"', 'File "case.py"')


def gilpy_report(path):
    result = subprocess.run([GILPY, "--check", path], capture_output=True, text=True, timeout=20)
    return result.stderr.replace(f'File "{path}"', 'File "case.py"')


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--per-file", type=int, default=20)
    parser.add_argument("--show", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--save", help="directory to write the mismatching variants to")
    parser.add_argument("files", nargs="*")
    args = parser.parse_args()
    files = args.files or sorted(glob.glob(os.path.join(ROOT, "tests/programs/parse/*.py")))
    rng = random.Random(args.seed)
    same = total = 0
    mismatches = []
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "case.py")
        for file in files:
            source = open(file, encoding="utf-8").read()
            for variant in variants(source, rng, args.per_file):
                try:
                    ast.parse(variant)
                    continue
                except (SyntaxError, ValueError):
                    pass
                with open(path, "w", encoding="utf-8") as out:
                    out.write(variant)
                expected = cpython_report(path)
                if not expected.rstrip().split("\n")[-1].split(":")[0].endswith("Error"):
                    continue
                got = gilpy_report(path)
                total += 1
                if got == expected:
                    same += 1
                else:
                    mismatches.append((file, variant, expected, got))
    if args.save:
        os.makedirs(args.save, exist_ok=True)
        for i, (_, variant, _, _) in enumerate(mismatches):
            with open(os.path.join(args.save, f"mismatch_{i}.py"), "w", encoding="utf-8") as out:
                out.write(variant)
    for file, variant, expected, got in mismatches[: args.show]:
        print(f"===== from {os.path.basename(file)}")
        print("--- CPython\n" + expected + "--- gilpy\n" + got)
    rate = 100.0 * same / total if total else 100.0
    print(f"{same} of {total} broken variants give CPython's exact report ({rate:.1f}%)")


if __name__ == "__main__":
    main()
