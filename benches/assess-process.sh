#!/usr/bin/env bash
# Times whole `smp-screen assess` processes (start-up, loading the embedded rulebook,
# screening with explanations, writing the report): the budget is 5 ms wall per case.
# Uses hyperfine when installed (Debian: apt-get install hyperfine), otherwise a loop.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=target/release/smp-screen
cases=(examples/shaved-look-suitable.json examples/strip-scar.json examples/partial-answers.json)
if command -v hyperfine >/dev/null; then
  for c in "${cases[@]}"; do
    hyperfine --warmup 20 --runs 300 -N --style basic \
      "$bin assess -a $c" "$bin assess -a $c -f json" 2>/dev/null | grep -E "Benchmark|Time"
  done
else
  for c in "${cases[@]}"; do
    start=$(date +%s%N)
    for _ in $(seq 200); do "$bin" assess -a "$c" >/dev/null; done
    end=$(date +%s%N)
    echo "$c: mean $(( (end - start) / 200 / 1000 )) µs per process"
  done
fi
