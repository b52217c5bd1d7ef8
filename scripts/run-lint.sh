#!/usr/bin/env bash
# clang-format check and clang-tidy (the repo's .clang-tidy) over the project's own sources.
# $1: a build dir with compile_commands.json.
set -euo pipefail
build=${1:?build dir with compile_commands.json}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
echo "== clang-format"
git ls-files '*.cpp' '*.hpp' | xargs clang-format --dry-run -Werror
echo "== clang-tidy"
runner=$(command -v run-clang-tidy || command -v run-clang-tidy-14 || true)
files=$(git ls-files 'core/*.cpp' 'program/*.cpp' 'adapters/*.cpp' 'apps/*.cpp')
if [[ -n "$runner" ]]; then
  "$runner" -quiet -p "$build" -j "$(nproc)" -extra-arg=-Wno-unknown-warning-option $files
else
  printf "%s\n" $files | xargs -P "$(nproc)" -n 4 clang-tidy -quiet -p "$build" --extra-arg=-Wno-unknown-warning-option
fi
echo "lint clean"
