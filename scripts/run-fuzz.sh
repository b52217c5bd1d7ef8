#!/usr/bin/env bash
# Runs the *_fuzzer binaries of a fuzz build, each on a copy of its saved corpus (tests/fuzz/corpus/<name>/)
# with its dictionary (tests/fuzz/<name>.dict) and flags (tests/fuzz/<name>.flags), then merges the inputs
# that reach new code back into that corpus and prints the run's figures (FUZZING.md records them).
# Builds nothing: `cmake --preset fuzz && cmake --build --preset fuzz` first (or `make fuzz`).
#
# Usage: scripts/run-fuzz.sh BUILD_DIR [SECONDS_PER_FUZZER]
#   SECONDS_PER_FUZZER defaults to $FUZZ_SECONDS, else 60.
#   FUZZ_RUNS=N     run each fuzzer for N executions instead (no time bound), e.g. FUZZ_RUNS=10000000.
#   FUZZ_ONLY=a,b   run only these fuzzers (http, json, pabulib, preflib).
#   FUZZ_FLAGS=...  more libFuzzer flags (e.g. "-fork=2 -ignore_crashes=1" to go on past crashes).
# Crashing inputs land in test-artifacts/fuzz/<name>/ and the script then exits non-zero. Each run's
# figures are printed and appended to test-artifacts/fuzz/runs.tsv (date, commit, fuzzer, executions,
# seconds, exec/s, cov, ft, corpus files before and after, the saved corpus's cov and ft, crash files).
#
# The lead's 10-million run of one fuzzer, for instance:
#   FUZZ_RUNS=10000000 FUZZ_ONLY=http nice -n 10 scripts/run-fuzz.sh build/fuzz
set -euo pipefail

build_dir=${1:?usage: $0 BUILD_DIR [SECONDS_PER_FUZZER]}
seconds=${2:-${FUZZ_SECONDS:-60}}
root=$(cd "$(dirname "$0")/.." && pwd)
read -r -a extra_flags <<<"${FUZZ_FLAGS:-}"
if [[ -n "${FUZZ_RUNS:-}" ]]; then
  bound=(-runs="$FUZZ_RUNS")
else
  bound=(-max_total_time="$seconds")
fi

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
commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
mkdir -p "$root/test-artifacts/fuzz"

# The last value libFuzzer printed for a field ("cov", "ft") or a final stat ("average_exec_per_sec").
last_field() { grep -ao "$1: *[0-9]*" "$2" | tail -n 1 | grep -o '[0-9]*$' || echo 0; }
# The executions of a run: the final stat, else (fork mode) "fuzzed for N iterations" or the last "#N".
executions() {
  local stat
  stat=$(last_field number_of_executed_units "$1")
  if [[ "$stat" == 0 ]]; then
    stat=$(grep -ao 'fuzzed for [0-9]* iterations' "$1" | grep -o '[0-9]*' | tail -n 1 || true)
  fi
  if [[ -z "$stat" || "$stat" == 0 ]]; then
    stat=$(grep -ao '^#[0-9]*' "$1" | tail -n 1 | tr -d '#' || true)
  fi
  echo "${stat:-0}"
}
# The crash, timeout and out-of-memory inputs saved in a folder.
count_crashes() { find "$1" -maxdepth 1 \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' \) | wc -l; }

failed=0
for fuzzer in "${fuzzers[@]}"; do
  name=$(basename "$fuzzer")
  corpus_name=${name%_fuzzer}
  if [[ -n "${FUZZ_ONLY:-}" && ",${FUZZ_ONLY}," != *",${corpus_name},"* ]]; then
    continue
  fi
  saved="$root/tests/fuzz/corpus/$corpus_name"
  artifacts="$root/test-artifacts/fuzz/$corpus_name"
  mkdir -p "$saved" "$artifacts" "$work/$corpus_name"
  cp -r "$saved/." "$work/$corpus_name/"
  before=$(find "$saved" -type f | wc -l)
  crashes_before=$(count_crashes "$artifacts")
  own_flags=()
  if [[ -f "$root/tests/fuzz/$corpus_name.dict" ]]; then
    own_flags+=(-dict="$root/tests/fuzz/$corpus_name.dict")
  fi
  if [[ -f "$root/tests/fuzz/$corpus_name.flags" ]]; then
    read -r -a file_flags <<<"$(grep -v '^#' "$root/tests/fuzz/$corpus_name.flags" | tr '\n' ' ')"
    own_flags+=("${file_flags[@]}")
  fi

  log="$artifacts/last-run.log"
  echo "run-fuzz: $name (${bound[*]}) on $(find "$work/$corpus_name" -type f | wc -l) inputs"
  start=$(date +%s)
  if ! "$fuzzer" "${bound[@]}" -max_len=4096 -timeout=10 -print_final_stats=1 -artifact_prefix="$artifacts/" \
      "${own_flags[@]}" "${extra_flags[@]}" "$work/$corpus_name" >"$log" 2>&1; then
    echo "run-fuzz: $name FAILED; see $log and the crash-* files beside it" >&2
    tail -n 30 "$log" >&2
    failed=1
  fi
  elapsed=$(($(date +%s) - start))

  # Keep only the inputs that reach code the saved corpus does not (edges, not hit counts, so the
  # saved corpus stays small; a run regains the counts from it quickly). The merge leaves out every
  # input that fails, so the replay stays green.
  "$fuzzer" -merge=1 -use_counters=0 -max_len=4096 -timeout=10 "${own_flags[@]}" \
    -artifact_prefix="$artifacts/merge-" "$saved" "$work/$corpus_name" >"$artifacts/last-merge.log" 2>&1 || {
    echo "run-fuzz: merging the corpus of $name failed; see $artifacts/last-merge.log" >&2
    failed=1
  }
  after=$(find "$saved" -type f | wc -l)
  # The saved corpus replayed once: cov and ft that compare across runs and modes (fork mode's differ).
  "$fuzzer" -runs=0 -max_len=4096 "${own_flags[@]}" "$saved" \
    >"$artifacts/last-replay.log" 2>&1 || failed=1
  runs=$(executions "$log")
  rate=$((runs / (elapsed > 0 ? elapsed : 1)))
  cov=$(last_field cov "$log")
  ft=$(last_field ft "$log")
  corpus_cov=$(last_field cov "$artifacts/last-replay.log")
  corpus_ft=$(last_field ft "$artifacts/last-replay.log")
  crashes=$(($(count_crashes "$artifacts") - crashes_before))
  echo "run-fuzz: $name: $runs runs in ${elapsed}s ($rate exec/s), cov $cov, ft $ft, corpus $before -> $after inputs" \
    "(corpus cov $corpus_cov, ft $corpus_ft), $crashes new crash file(s)"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%F)" "$commit" "$corpus_name" "$runs" \
    "$elapsed" "$rate" "$cov" "$ft" "$before" "$after" "$corpus_cov" "$corpus_ft" "$crashes" \
    >>"$root/test-artifacts/fuzz/runs.tsv"
done

exit "$failed"
