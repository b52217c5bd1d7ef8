#!/usr/bin/env bash
# Builds the web UI into $1 (default build/web/dist) from web/'s npm packages: writes the enum names
# module from the covalue binary, `npm ci` when the installed packages do not match package-lock.json,
# then `tsc --noEmit` and `vite build`. No CDN at run time: every
# asset is bundled. npm comes with the machine's Node.js; Debian's npm package is the fallback.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$(realpath -m "${1:-$root/build/web/dist}")
if ! command -v npm >/dev/null; then
  SUDO=""
  if [[ $(id -u) -ne 0 ]]; then SUDO=sudo; fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends npm
fi
# The enum names come from the covalue binary's name tables (`covalue names`), never from a copy:
# COVALUE_BIN, or the release build (built here first when it is missing, as from a clean checkout).
bin="${COVALUE_BIN:-$root/build/release/apps/covalue}"
if [[ ! -x $bin ]]; then
  (cd "$root" && cmake --preset release >/dev/null && cmake --build --preset release --target covalue >/dev/null)
fi
generated="$root/web/src/lib/generated/enum_names.ts"
mkdir -p "$(dirname "$generated")"
"$bin" names >"$generated.tmp"
if cmp -s "$generated.tmp" "$generated"; then rm "$generated.tmp"; else mv "$generated.tmp" "$generated"; fi
cd "$root/web"
stamp=node_modules/.package-lock.json
if [[ ! -f $stamp || package-lock.json -nt $stamp ]]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
# Type errors fail the build as compiler warnings do (vite alone only strips the types).
npm run --silent typecheck
WEB_OUT_DIR="$out" npm run --silent build >/dev/null
echo "web UI built into $out"
