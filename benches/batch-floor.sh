#!/usr/bin/env bash
# Batch throughput beside its byte floor, on one core, in one run.
#
# Generates ROWS rows (default one million) of JSON Lines from the golden cases' answers,
# then runs, RUNS times each (default 3, the best is kept: the machine may be shared):
#   compact  `batch --detail compact --jobs 1`
#   full     `batch --detail full --jobs 1`
#   floor    benches/floor/batch_floor.rs: parse each line as batch does and write exactly the
#            bytes of its compact record, with no rules (its output is checked to be the
#            same bytes as compact's)
# and prints rows/s, the ratio of compact to the floor, and peak memory (GNU time).
# CALLGRIND=N also counts instructions per row with valgrind on the first N rows (a figure
# a loaded machine does not move). Generated files live in /tmp and are removed on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${ROWS:-1000000}
runs=${RUNS:-3}
# BIN and FLOOR measure other builds (such as an older commit's) instead of this tree's.
if [ -z "${BIN:-}" ] || [ -z "${FLOOR:-}" ]; then
  cargo build --release --quiet --bin smp-screen --example batch_floor
fi
bin=${BIN:-target/release/smp-screen}
floor=${FLOOR:-target/release/examples/batch_floor}
tmp=$(mktemp -d /tmp/batch-floor.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
python3 - "$rows" "$tmp/in.jsonl" <<'PY'
import json, glob, sys
n, out = int(sys.argv[1]), sys.argv[2]
rows = [json.dumps(json.load(open(f))["answers"], separators=(",", ":")) for f in sorted(glob.glob("rules/cases/*.json"))]
with open(out, "w") as f:
    for i in range(n):
        f.write(rows[i % len(rows)] + "\n")
PY
echo "$rows rows, $(du -h "$tmp/in.jsonl" | cut -f1) of JSON Lines; best of $runs runs; $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"

# best wall seconds and peak RSS (KiB) of a command writing to $tmp/out
measure() {
  local best="" rss=0
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M" -o "$tmp/time" "$@" >"$tmp/out" 2>/dev/null || true
    read -r wall kib <"$tmp/time"
    if [ -z "$best" ] || awk "BEGIN{exit !($wall < $best)}"; then best=$wall; fi
    if [ "$kib" -gt "$rss" ]; then rss=$kib; fi
  done
  echo "$best $rss"
}

read -r floor_s floor_kib < <(measure "$floor" "$tmp/in.jsonl")
mv "$tmp/out" "$tmp/floor.jsonl"
read -r compact_s compact_kib < <(measure "$bin" batch "$tmp/in.jsonl" --detail compact --jobs 1)
if cmp -s "$tmp/out" "$tmp/floor.jsonl"; then same="same bytes as compact"; else same="DIFFERS from compact"; fi
rm -f "$tmp/floor.jsonl"
read -r full_s full_kib < <(measure "$bin" batch "$tmp/in.jsonl" --detail full --jobs 1)
rm -f "$tmp/out"

row() { awk -v n="$rows" -v s="$2" -v k="$3" -v name="$1" -v note="$4" \
  'BEGIN{printf "%-8s %8.2f s %10.0f rows/s %7.1f MiB peak  %s\n", name, s, (s>0?n/s:0), k/1024, note}'; }
printf '%-8s %10s %17s %14s\n' "" "wall" "throughput" "memory"
row floor "$floor_s" "$floor_kib" "($same)"
row compact "$compact_s" "$compact_kib" "$(awk -v a="$floor_s" -v b="$compact_s" 'BEGIN{printf "%.2fx the floor", (b>0?a/b:0)}')"
row full "$full_s" "$full_kib" ""

if [ -n "${CALLGRIND:-}" ] && command -v valgrind >/dev/null; then
  head -n "$CALLGRIND" "$tmp/in.jsonl" >"$tmp/small.jsonl"
  count() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null | awk '/Collected/{print $4}'; }
  for what in floor compact full; do
    case $what in
      floor) n=$(count "$floor" "$tmp/small.jsonl") ;;
      *) n=$(count "$bin" batch "$tmp/small.jsonl" --detail "$what" --jobs 1) ;;
    esac
    awk -v n="$n" -v r="$CALLGRIND" -v w="$what" 'BEGIN{printf "%-8s %12.0f instructions a row (callgrind, %d rows)\n", w, n/r, r}'
  done
fi
