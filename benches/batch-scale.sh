#!/usr/bin/env bash
# End-to-end batch throughput and peak memory on generated input: ROWS rows (default one
# million) made from the golden cases' answers, screened to /dev/null with compact and
# full records, on one core and on all. Needs GNU time (/usr/bin/time) for peak memory.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${ROWS:-1000000}
cargo build --release --quiet
bin=target/release/smp-screen
input=$(mktemp --suffix=.jsonl)
err=$(mktemp)
trap 'rm -f "$input" "$err"' EXIT
python3 - "$rows" "$input" <<'PY'
import json, glob, sys
n, out = int(sys.argv[1]), sys.argv[2]
rows = [json.dumps(json.load(open(f))["answers"], separators=(",", ":")) for f in sorted(glob.glob("rules/cases/*.json"))]
with open(out, "w") as f:
    for i in range(n):
        f.write(rows[i % len(rows)] + "\n")
PY
echo "$rows rows, $(du -h "$input" | cut -f1) of JSON Lines"
for detail in compact full; do
  for jobs in 1 $(nproc); do
    /usr/bin/time -f "$detail records, --jobs $jobs: %e s wall, peak RSS %M KiB" \
      "$bin" batch "$input" --detail "$detail" --jobs "$jobs" >/dev/null 2>"$err" || true
    tail -1 "$err"
  done
done
