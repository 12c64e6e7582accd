#!/usr/bin/env bash
# Fills fuzz/corpus/parse/ with seed inputs: the repo's Python test programs, shared/ programs, small generated files.
set -euo pipefail
cd "$(dirname "$0")"
out=corpus/parse
mkdir -p "$out"
n=0
add() { # add FILE: copy under a name derived from its content (dedups, like libFuzzer does)
    local sum
    sum="$(sha1sum "$1" | cut -c1-40)"
    cp "$1" "$out/$sum"
    n=$((n + 1))
}
for dir in ../tests/programs ../tests/syntax_errors ../../shared/workload/programs ../../shared/bench/programs; do
    [[ -d "$dir" ]] || continue
    while IFS= read -r -d '' f; do
        # libFuzzer's default -max_len is 4096; bigger seeds are still useful for their prefixes
        add "$f"
    done < <(find "$dir" -name '*.py' -print0)
done
if command -v python3 >/dev/null; then
    tmp="$(mktemp -d)"
    trap 'rm -rf "$tmp"' EXIT
    for seed in $(seq 1 40); do
        python3 ../scripts/gen_big_source.py "$tmp/gen.py" 1500 --seed="$seed"
        add "$tmp/gen.py"
    done
fi
echo "seed corpus: $n files in fuzz/$out"
