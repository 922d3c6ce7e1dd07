#!/usr/bin/env bash
# `replay` over an archive: RECORDS saved records (default 100,000, in folders of 1,000)
# made from the golden cases with `assess --save`, then replayed with the default rulebook
# and with a copy edited to add a contraindication (so every record changes), timed.
# Needs GNU time (/usr/bin/time) for peak memory.
set -euo pipefail
cd "$(dirname "$0")/.."
records=${RECORDS:-100000}
cargo build --release --quiet
bin=$PWD/target/release/smp-screen
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/seed"
i=0
for case in rules/cases/*.json; do
  python3 -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1]))["answers"]))' "$case" > "$work/a.json"
  "$bin" assess --answers "$work/a.json" --save "$work/seed/$i.json" >/dev/null
  i=$((i + 1))
done
python3 - "$records" "$work" <<'PY'
import os, sys, glob, shutil
n, work = int(sys.argv[1]), sys.argv[2]
seeds = [open(f).read() for f in sorted(glob.glob(work + "/seed/*.json"))]
for i in range(n):
    d = f"{work}/archive/{i // 1000:04d}"
    if i % 1000 == 0:
        os.makedirs(d)
    with open(f"{d}/{i}.json", "w") as f:
        f.write(seeds[i % len(seeds)])
PY
cp -r rules "$work/edited"
python3 - "$work/edited" <<'PY'
import json, sys
d = sys.argv[1]
q = json.load(open(d + "/10-questions.json"))
q["questions"].append({"id": "bench_new", "kind": "yes_no", "prompt": "New?", "help": "Benchmark.", "answer_is": "fact"})
json.dump(q, open(d + "/10-questions.json", "w"))
r = json.load(open(d + "/30-safety.json"))
r["rules"].append({"id": "bench-new", "title": "New contraindication", "when": {"question": "bench_new", "equals": True}, "verdict": "refer"})
json.dump(r, open(d + "/30-safety.json", "w"))
PY
echo "$records records, $(du -sh "$work/archive" | cut -f1)"
for rules in default edited; do
  flag=()
  [ "$rules" = edited ] && flag=(--rules "$work/edited")
  /usr/bin/time -f "$rules rulebook: %e s wall, %U s user, peak RSS %M KiB" \
    "$bin" replay "$work/archive" "${flag[@]}" >"$work/out.txt" 2>"$work/err" || true
  tail -1 "$work/err"
  tail -2 "$work/out.txt"
done
