#!/usr/bin/env bash
# Batch throughput beside its byte floor, on one core, in one run.
#
# Generates ROWS rows (default one million) of JSON Lines from the golden cases' answers,
# then runs, RUNS times each (default 3, the best is kept: the machine may be shared):
#   compact  `batch --detail compact --jobs 1`
#   full     `batch --detail full --jobs 1`, to a file and again to /dev/null
#   floor    benches/floor/batch_floor.rs: parse each line as batch does and write exactly the
#            bytes of its compact record, with no rules (its output is checked to be the
#            same bytes as compact's)
# and prints rows/s, the ratio of compact to the floor, and peak memory (GNU time).
# BASE=PATH also runs another build's binary (such as an older commit's, built elsewhere)
# on the same file in the same run, and prints compact's and full's speed-up over it.
# CALLGRIND=N also counts instructions per row with valgrind on the first N rows (a figure
# a loaded machine does not move; start-up is measured on an empty file and subtracted).
# Generated files live in /tmp and are removed on exit.
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

# best wall seconds, best CPU seconds (user + system) and peak RSS (KiB) of a command
# writing to $to (a file, $tmp/out, unless set)
measure() {
  local best="" cpu="" rss=0
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %U %S %M" -o "$tmp/time" "$@" >"${to:-$tmp/out}" 2>/dev/null || true
    read -r wall user sys kib <"$tmp/time"
    local c
    c=$(awk -v u="$user" -v s="$sys" 'BEGIN{print u+s}')
    if [ -z "$best" ] || awk "BEGIN{exit !($wall < $best)}"; then best=$wall; fi
    if [ -z "$cpu" ] || awk "BEGIN{exit !($c < $cpu)}"; then cpu=$c; fi
    if [ "$kib" -gt "$rss" ]; then rss=$kib; fi
  done
  echo "$best $cpu $rss"
}

read -r floor_s floor_cpu floor_kib < <(measure "$floor" "$tmp/in.jsonl")
mv "$tmp/out" "$tmp/floor.jsonl"
read -r compact_s compact_cpu compact_kib < <(measure "$bin" batch "$tmp/in.jsonl" --detail compact --jobs 1)
if cmp -s "$tmp/out" "$tmp/floor.jsonl"; then same="same bytes as compact"; else same="DIFFERS from compact"; fi
rm -f "$tmp/floor.jsonl"
read -r full_s full_cpu full_kib < <(measure "$bin" batch "$tmp/in.jsonl" --detail full --jobs 1)
full_bytes=$(stat -c %s "$tmp/out")
rm -f "$tmp/out"
# Full records are about 13 KB each: writing them to a file costs the kernel more than
# making them costs us, so they are also timed with the output thrown away.
read -r fulln_s fulln_cpu fulln_kib < <(to=/dev/null measure "$bin" batch "$tmp/in.jsonl" --detail full --jobs 1)
if [ -n "${BASE:-}" ]; then
  read -r base_compact_s base_compact_cpu base_compact_kib < <(measure "$BASE" batch "$tmp/in.jsonl" --detail compact --jobs 1)
  read -r base_full_s base_full_cpu base_full_kib < <(measure "$BASE" batch "$tmp/in.jsonl" --detail full --jobs 1)
  rm -f "$tmp/out"
fi

# name, wall, cpu, KiB, note
row() { awk -v n="$rows" -v s="$2" -v c="$3" -v k="$4" -v name="$1" -v note="$5" \
  'BEGIN{printf "%-13s %7.2f s %10.0f rows/s %7.2f s %10.0f rows/s %7.1f MiB  %s\n", name, s, (s>0?n/s:0), c, (c>0?n/c:0), k/1024, note}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", (b>0?a/b:0)}'; }
printf '%-13s %27s %27s %11s\n' "" "wall (best)" "CPU (best)" "peak RSS"
row floor "$floor_s" "$floor_cpu" "$floor_kib" "($same)"
row compact "$compact_s" "$compact_cpu" "$compact_kib" \
  "$(ratio "$floor_s" "$compact_s")x the floor (wall), $(ratio "$floor_cpu" "$compact_cpu")x (CPU)"
row full "$full_s" "$full_cpu" "$full_kib" "$(awk -v b="$full_bytes" -v n="$rows" 'BEGIN{printf "%.1f GB written, %.1f KB a record", b/1e9, b/n/1e3}')"
row "full, to /dev/null" "$fulln_s" "$fulln_cpu" "$fulln_kib" "output discarded (standard output is /dev/null)"
if [ -n "${BASE:-}" ]; then
  row "base compact" "$base_compact_s" "$base_compact_cpu" "$base_compact_kib" \
    "compact is $(ratio "$base_compact_s" "$compact_s")x base (wall), $(ratio "$base_compact_cpu" "$compact_cpu")x (CPU)"
  row "base full" "$base_full_s" "$base_full_cpu" "$base_full_kib" \
    "full is $(ratio "$base_full_s" "$full_s")x base (wall), $(ratio "$base_full_cpu" "$full_cpu")x (CPU)"
fi

if [ -n "${CALLGRIND:-}" ] && command -v valgrind >/dev/null; then
  head -n "$CALLGRIND" "$tmp/in.jsonl" >"$tmp/small.jsonl"
  : >"$tmp/empty.jsonl"
  count() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null | awk '/Collected/{print $4}'; }
  # instructions a row: the run on the rows minus the run on an empty file
  per_row() {
    local file=$1 what=$2 prog=$3
    shift 3
    local n e
    case $what in
      floor) n=$(count "$prog" "$tmp/small.jsonl"); e=$(count "$prog" "$tmp/empty.jsonl") ;;
      *) n=$(count "$prog" batch "$tmp/small.jsonl" --detail "$what" --jobs 1)
         e=$(count "$prog" batch "$tmp/empty.jsonl" --detail "$what" --jobs 1) ;;
    esac
    awk -v n="$n" -v e="$e" -v r="$CALLGRIND" -v w="$file" 'BEGIN{printf "%-13s %10.0f instructions a row (callgrind, %d rows, start-up taken off)\n", w, (n-e)/r, r}'
  }
  per_row floor floor "$floor"
  per_row compact compact "$bin"
  per_row full full "$bin"
  if [ -n "${BASE:-}" ]; then
    per_row "base compact" compact "$BASE"
    per_row "base full" full "$BASE"
  fi
fi
