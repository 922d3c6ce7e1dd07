#!/usr/bin/env bash
# `batch --explain` end to end on one job: ROWS rows (default 10,000) of JSON Lines, full
# records with explanations and what-if, written to /dev/null, in both voices. Two inputs:
# the golden cases' answers cycled (complete rows), and the same rows with about one
# answer in ten dropped (partial rows, whose undecided rules make what-if work hardest).
# Prints the best of RUNS runs (default 3) as wall time and µs a row.
# Usage: benches/explain-batch.sh        (BIN=path skips the build and times that binary)
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${ROWS:-10000}
runs=${RUNS:-3}
if [ -z "${BIN:-}" ]; then
  cargo build --release --quiet
fi
bin=${BIN:-target/release/smp-screen}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 - "$rows" "$dir" <<'PY'
import json, glob, random, sys
n, out = int(sys.argv[1]), sys.argv[2]
cases = [json.load(open(f))["answers"] for f in sorted(glob.glob("rules/cases/*.json"))]
rnd = random.Random(18)
with open(f"{out}/complete.jsonl", "w") as full, open(f"{out}/partial.jsonl", "w") as partial:
    for i in range(n):
        row = cases[i % len(cases)]
        full.write(json.dumps(row, separators=(",", ":")) + "\n")
        kept = {k: v for k, v in row.items() if rnd.random() >= 0.1}
        partial.write(json.dumps(kept, separators=(",", ":")) + "\n")
PY
for input in complete partial; do
  for audience in patient consultant; do
    best=""
    for _ in $(seq "$runs"); do
      start=$(date +%s.%N)
      "$bin" batch "$dir/$input.jsonl" --detail full --explain --audience "$audience" --jobs 1 >/dev/null 2>"$dir/err" || {
        # Exit code 8 says some rows got error records (none should); anything else fails.
        rc=$?; [ "$rc" -eq 8 ] || { cat "$dir/err"; exit 1; }
      }
      end=$(date +%s.%N)
      t=$(echo "$end - $start" | bc -l)
      if [ -z "$best" ] || (( $(echo "$t < $best" | bc -l) )); then best=$t; fi
    done
    printf '%-8s rows, %-10s --jobs 1: %6.3f s, %6.1f µs a row\n' "$input" "$audience" "$best" "$(echo "$best * 1000000 / $rows" | bc -l)"
  done
done
