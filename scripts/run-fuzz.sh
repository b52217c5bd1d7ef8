#!/usr/bin/env bash
# Runs every *_fuzzer binary of a fuzz build for a bounded time on a copy of its saved corpus
# (tests/fuzz/corpus/<name>/), then merges the inputs that reach new code back into that corpus.
# Builds nothing: `cmake --preset fuzz && cmake --build --preset fuzz` first (or `make fuzz`).
#
# Usage: scripts/run-fuzz.sh BUILD_DIR [SECONDS_PER_FUZZER]
#   SECONDS_PER_FUZZER defaults to $FUZZ_SECONDS, else 60; $FUZZ_FLAGS adds libFuzzer flags
#   (e.g. FUZZ_FLAGS="-use_value_profile=1 -jobs=2"). Crashing inputs land in
#   test-artifacts/fuzz/<name>/; the script then exits non-zero.
set -euo pipefail

build_dir=${1:?usage: $0 BUILD_DIR [SECONDS_PER_FUZZER]}
seconds=${2:-${FUZZ_SECONDS:-60}}
root=$(cd "$(dirname "$0")/.." && pwd)
read -r -a extra_flags <<<"${FUZZ_FLAGS:-}"

if [[ ! -d "$build_dir" ]]; then
  echo "run-fuzz: no build directory $build_dir" >&2
  exit 2
fi

mapfile -t fuzzers < <(find "$build_dir" -maxdepth 3 -type f -name '*_fuzzer' -perm -u+x | sort)
if [[ ${#fuzzers[@]} -eq 0 ]]; then
  echo "run-fuzz: no *_fuzzer binaries under $build_dir" >&2
  exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

failed=0
for fuzzer in "${fuzzers[@]}"; do
  name=$(basename "$fuzzer")
  corpus_name=${name%_fuzzer}
  saved="$root/tests/fuzz/corpus/$corpus_name"
  artifacts="$root/test-artifacts/fuzz/$corpus_name"
  mkdir -p "$saved" "$artifacts" "$work/$corpus_name"
  cp -r "$saved/." "$work/$corpus_name/"
  before=$(find "$saved" -type f | wc -l)

  echo "run-fuzz: $name for ${seconds}s on $(find "$work/$corpus_name" -type f | wc -l) inputs"
  if ! "$fuzzer" -max_total_time="$seconds" -max_len=4096 -timeout=10 -print_final_stats=1 \
      -artifact_prefix="$artifacts/" "${extra_flags[@]}" "$work/$corpus_name" >"$artifacts/last-run.log" 2>&1; then
    echo "run-fuzz: $name FAILED; see $artifacts/last-run.log and the crash-* files beside it" >&2
    tail -n 30 "$artifacts/last-run.log" >&2
    failed=1
  fi

  # Keep only the inputs that reach code the saved corpus does not (edges, not hit counts, so the
  # saved corpus stays small; a run regains the counts from it quickly).
  "$fuzzer" -merge=1 -use_counters=0 -max_len=4096 -timeout=10 "$saved" "$work/$corpus_name" >"$artifacts/last-merge.log" 2>&1 || {
    echo "run-fuzz: merging the corpus of $name failed; see $artifacts/last-merge.log" >&2
    failed=1
  }
  after=$(find "$saved" -type f | wc -l)
  echo "run-fuzz: $name: corpus $before -> $after inputs"
done

exit "$failed"
