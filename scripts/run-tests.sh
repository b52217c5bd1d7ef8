#!/usr/bin/env bash
# Runs every test: the release build's suites (unit, conformance, CLI, fuzz-corpus replay, benchmark
# smoke), then the unit tests once more under ASan+UBSan. Ends with "N passed, N failed".
set -uo pipefail
build=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
status=0

echo "== release build: every test suite"
GTEST_OUTPUT="xml:$results/release/" ctest --test-dir "$build/release" --output-on-failure -j 2 || status=1

echo "== clang-format: the tree is formatted"
format_failed=0
(cd "$root" && git ls-files '*.cpp' '*.hpp' | xargs clang-format --dry-run -Werror) || { format_failed=1; status=1; }

echo "== debug build (ASan+UBSan): unit tests"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  GTEST_OUTPUT="xml:$results/debug/" "$build/debug/tests/unit_tests" --gtest_brief=1 || status=1

# Count test cases from the gtest reports (each ctest entry is one gtest binary).
read -r passed failed < <(python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
passed = failed = 0
for path in glob.glob(sys.argv[1] + "/**/*.xml", recursive=True):
    root = ET.parse(path).getroot()
    for case in root.iter("testcase"):
        if case.get("result", "completed") == "skipped" or case.find("skipped") is not None:
            continue
        if case.find("failure") is not None or case.find("error") is not None:
            failed += 1
        else:
            passed += 1
print(passed, failed)
PY
)
# ctest entries that are not gtest binaries (benchmark smoke runs, end-to-end scripts) count as one
# test each.
smoke_total=$(ctest --test-dir "$build/release" -N -L 'bench|e2e' 2>/dev/null | awk '/Total Tests:/ {print $3}')
smoke_failed=$(grep -cE 'bench_smoke|e2e_' "$build/release/Testing/Temporary/LastTestsFailed.log" 2>/dev/null || true)
smoke_total=${smoke_total:-0}
smoke_failed=${smoke_failed:-0}
passed=$((passed + smoke_total - smoke_failed + 1 - format_failed))
failed=$((failed + smoke_failed + format_failed))
if [[ $status -ne 0 && $failed -eq 0 ]]; then failed=1; fi
echo
echo "${passed} passed, ${failed} failed"
[[ $failed -eq 0 && $status -eq 0 ]]
