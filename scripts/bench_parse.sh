#!/usr/bin/env bash
# Side-by-side parse timing: CPython's ast.parse vs `gilpy --check` on a generated ~1 MB file, start-up subtracted.
#
# Usage: scripts/bench_parse.sh [RUNS]          (RUNS defaults to 5; best of RUNS is reported)
# Environment: PYTHON=/path/to/python  CPython to compare with (default: the real executable behind
#              python3, not a pyenv shim); SIZE=BYTES size of the generated file (default 1048576);
#              GILPY=path to the gilpy binary (default target/release/gilpy, built only if missing).
set -euo pipefail

cd "$(dirname "$0")/.."

RUNS="${1:-${N:-5}}"
SIZE="${SIZE:-1048576}"
PYTHON="${PYTHON:-$(python3 -c 'import sys; print(sys.executable)')}"
GILPY="${GILPY:-target/release/gilpy}"

if [[ ! -x "$GILPY" ]]; then
    echo "== $GILPY is missing: building it (cargo build --release)" >&2
    cargo build --release --bin gilpy >&2
fi

tmp="$(mktemp -d "${TMPDIR:-/tmp}/gilpy-bench-parse.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
big="$tmp/big.py"
empty="$tmp/empty.py"
: >"$empty"
"$PYTHON" scripts/gen_big_source.py "$big" "$SIZE"

# The same command line for both files; PYTHONUTF8 makes open() decode UTF-8 whatever the locale.
py_parse=("$PYTHON" -c "import ast,sys; ast.parse(open(sys.argv[1]).read())")
gilpy_parse=("$GILPY" --check)

# Both must accept the file, or the timing means nothing.
if ! PYTHONUTF8=1 "${py_parse[@]}" "$big"; then
    echo "error: CPython ($PYTHON) rejected $big" >&2
    exit 1
fi
if ! "${gilpy_parse[@]}" "$big"; then
    mkdir -p target && cp "$big" target/bench-parse-rejected.py
    echo "error: gilpy rejected the generated file (copied to target/bench-parse-rejected.py)" >&2
    exit 1
fi

# best_of RUNS CMD... -> prints the fastest wall time in microseconds (bash's EPOCHREALTIME, no forks)
best_of() {
    local runs="$1"
    shift
    local best="" i start end us
    for ((i = 0; i < runs; i++)); do
        start="${EPOCHREALTIME/[.,]/}"
        PYTHONUTF8=1 "$@" >/dev/null
        end="${EPOCHREALTIME/[.,]/}"
        us=$((end - start))
        if [[ -z "$best" || "$us" -lt "$best" ]]; then best="$us"; fi
    done
    echo "$best"
}

# one warm-up each so the page cache and dynamic loader are in the same state for both
best_of 1 "${py_parse[@]}" "$big" >/dev/null
best_of 1 "${gilpy_parse[@]}" "$big" >/dev/null

py_empty="$(best_of "$RUNS" "${py_parse[@]}" "$empty")"
py_big="$(best_of "$RUNS" "${py_parse[@]}" "$big")"
gp_empty="$(best_of "$RUNS" "${gilpy_parse[@]}" "$empty")"
gp_big="$(best_of "$RUNS" "${gilpy_parse[@]}" "$big")"

bytes="$(wc -c <"$big" | tr -d ' ')"
lines="$(wc -l <"$big" | tr -d ' ')"
pyver="$("$PYTHON" -c 'import sys; print(sys.version.split()[0])')"

awk -v pe="$py_empty" -v pb="$py_big" -v ge="$gp_empty" -v gb="$gp_big" \
    -v bytes="$bytes" -v lines="$lines" -v runs="$RUNS" -v py="$PYTHON" -v pyver="$pyver" -v gilpy="$GILPY" '
function ms(us) { return sprintf("%9.2f ms", us / 1000) }
function mbs(us) { return us > 0 ? sprintf("%7.1f MB/s", bytes / us) : "      - MB/s" }
function ratio(a, b) { return b > 0 ? sprintf("%.2fx", a / b) : "n/a" }
BEGIN {
    pn = pb - pe; if (pn < 0) pn = 0
    gn = gb - ge; if (gn < 0) gn = 0
    printf "input: generated %d bytes, %d lines (scripts/gen_big_source.py); best of %d runs each\n", bytes, lines, runs
    printf "CPython: %s (%s) -c \"import ast,sys; ast.parse(open(sys.argv[1]).read())\" FILE\n", py, pyver
    printf "gilpy:   %s --check FILE\n\n", gilpy
    printf "%-20s %12s %12s %16s %12s\n", "", "empty file", "1 MB file", "minus start-up", "throughput"
    printf "%-20s %12s %12s %16s %12s\n", "CPython ast.parse", ms(pe), ms(pb), ms(pn), mbs(pn)
    printf "%-20s %12s %12s %16s %12s\n", "gilpy --check", ms(ge), ms(gb), ms(gn), mbs(gn)
    printf "\nratio CPython/gilpy (>1 means gilpy is faster): raw %s, start-up subtracted %s\n", ratio(pb, gb), ratio(pn, gn)
}'
