#!/usr/bin/env bash
# Times `assess --explain` on rulebooks whose rules form one chain of derived facts
# (rule i derives fact i from fact i-1), the worst shape for explanations: every rule
# fires, and each fact's explanation reaches back down the chain.
# Usage: benches/explain-chain.sh [SIZES...]   (default: 5000 20000 50000)
# Prints wall time and peak memory (RSS) per size for text and JSON output.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -n "${SKIP_BUILD:-}" ] || cargo build --release --quiet
bin=${BIN:-target/release/smp-screen}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(5000 20000 50000)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
for n in "${sizes[@]}"; do
  python3 - "$n" > "$dir/chain-$n.json" <<'PY'
import json, sys
n = int(sys.argv[1])
doc = {
    "rulebook": {"id": "chain", "title": "Chain", "version": "1.0.0", "status": "draft",
                 "review_due": "2099-01-01", "disclaimer": "Benchmark only."},
    "questions": [{"id": "q", "kind": "yes_no", "answer_is": "fact", "prompt": "Q?", "help": "H."}],
    "advice": [{"id": "a", "title": "A", "text": "A."}],
    "facts": [{"id": f"f{i}", "description": f"Fact {i}."} for i in range(n)],
    "rules": [{"id": "r0", "title": "R0", "when": {"question": "q", "equals": True}, "derive": ["f0"], "advice": ["a"]}]
        + [{"id": f"r{i}", "title": f"R{i}", "when": {"fact": f"f{i-1}"}, "derive": [f"f{i}"], "advice": ["a"]}
           for i in range(1, n)],
}
json.dump(doc, sys.stdout)
PY
  for fmt in text json; do
    /usr/bin/time -f "%e %M" -o "$dir/time" "$bin" assess --rules "$dir/chain-$n.json" --set q=yes --explain -f "$fmt" >/dev/null 2>"$dir/err" || { cat "$dir/err"; exit 1; }
    read -r secs kb < "$dir/time"
    printf '%7d rules  %-4s  %6.2f s  %6d MiB\n' "$n" "$fmt" "$secs" $((kb / 1024))
  done
done
