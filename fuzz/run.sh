#!/usr/bin/env bash
# Runs fuzz targets for a given time each: fuzz/run.sh [SECONDS] [TARGET...]
# (default: 600 seconds, every target). Seeds each corpus from the project's own files
# the first time; crashes go to fuzz/artifacts/TARGET/. Uses cargo-fuzz, installing it
# if missing, and RUSTC_BOOTSTRAP=1 so the stable toolchain can build with sanitizers.
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-600}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then targets=(rulebook answers csv_row); fi
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
export RUSTC_BOOTSTRAP=1

seed() {
  local target=$1 dir=corpus/$1
  [ -d "$dir" ] && return
  mkdir -p "$dir"
  case $target in
    rulebook)
      # The default rulebook merged into one file, and the test rulebooks.
      python3 - "$dir" <<'PY'
import glob, json, sys
merged = {}
for f in sorted(glob.glob("../rules/*.json")):
    for k, v in json.load(open(f)).items():
        if isinstance(v, list):
            merged.setdefault(k, []).extend(v)
        else:
            merged[k] = v
open(f"{sys.argv[1]}/default.json", "w").write(json.dumps(merged, indent=1))
PY
      cp ../tests/data/*.json "$dir"/ ;;
    answers)
      cp ../examples/*.json "$dir"/
      python3 - "$dir" <<'PY'
import glob, json, os, sys
for f in sorted(glob.glob("../rules/cases/*.json")):
    answers = json.load(open(f))["answers"]
    open(os.path.join(sys.argv[1], os.path.basename(f)), "w").write(json.dumps(answers))
PY
      ;;
    csv_row)
      python3 - "$dir" <<'PY'
import csv, glob, io, json, os, sys
cases = [json.load(open(f))["answers"] for f in sorted(glob.glob("../rules/cases/*.json"))]
for i in range(0, len(cases), 8):
    chunk = cases[i:i + 8]
    ids = sorted({k for c in chunk for k in c})
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(ids)
    for c in chunk:
        cell = lambda v: "" if v is None else ";".join(v) if isinstance(v, list) else ("yes" if v else "no") if isinstance(v, bool) else str(v)
        w.writerow([cell(c.get(k)) for k in ids])
    open(os.path.join(sys.argv[1], f"cases-{i:03}.csv"), "w").write(out.getvalue())
PY
      ;;
  esac
}

cargo fuzz build -O
mkdir -p logs
status=0
for t in "${targets[@]}"; do
  seed "$t"
  echo "== $t: ${seconds}s (log: fuzz/logs/$t.log)"
  if ! cargo fuzz run -O "$t" "corpus/$t" -- -max_total_time="$seconds" -max_len="${MAX_LEN:-262144}" -timeout=10 \
      -rss_limit_mb=2048 -print_final_stats=1 >"logs/$t.log" 2>&1; then
    status=1
    echo "!! $t found a problem; the input is in fuzz/artifacts/$t/"
    grep -E "panicked|SUMMARY|Test unit written" "logs/$t.log" | head -5
  fi
  grep -E "DONE|stat::number_of_executed_units|stat::peak_rss_mb" "logs/$t.log" | tail -3
done
exit $status
