#!/usr/bin/env bash
# Runs every benchmark binary of a release build; results also land in build/bench-results/*.json.
set -euo pipefail
build=${1:?release build dir}
out="$build/bench-results"
mkdir -p "$out"
for bin in "$build"/bench/*_bench; do
  name=$(basename "$bin")
  echo "== $name"
  "$bin" --benchmark_out="$out/$name.json" --benchmark_out_format=json ${BENCH_ARGS:-}
done
