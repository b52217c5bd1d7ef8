#!/usr/bin/env bash
# The browser test: the real `covalue serve` on an ephemeral loopback port, driven by headless
# Debian chromium through playwright-core. Builds nothing: run `make build` (binary and web UI) first.
#
#   tests/e2e/run-browser-test.sh            # exit 0: passed, 1: failed
#
# Environment: COVALUE_BIN (default build/release/apps/covalue), WEB_DIST (default build/web/dist),
# CHROMIUM (default /usr/bin/chromium), E2E_ARTIFACTS (screenshots; default test-artifacts/e2e), FAKETIME_LIB
# (default: Debian libfaketime's libfaketimeMT.so.1).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BIN="${COVALUE_BIN:-$ROOT/build/release/apps/covalue}"
DIST="${WEB_DIST:-$ROOT/build/web/dist}"
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
export E2E_ARTIFACTS="${E2E_ARTIFACTS:-$ROOT/test-artifacts/e2e}"

fail() { echo "browser test: $*" >&2; exit 1; }
[[ -x "$BIN" ]] || fail "no covalue binary at $BIN (run make build)"
[[ -f "$DIST/index.html" ]] || fail "no built web UI at $DIST (cd web && npm ci && npm run build)"
[[ -x "$CHROMIUM" ]] || fail "no chromium at $CHROMIUM (apt-get install chromium)"
[[ -d "$ROOT/web/node_modules/playwright-core" ]] || fail "web/node_modules has no playwright-core (cd web && npm ci)"
command -v node >/dev/null || fail "node is not installed"
# libfaketime (Debian libfaketime) under the server: the test moves the server's clock past a time window instead of
# waiting it out.
FAKETIME_LIB="${FAKETIME_LIB:-$(dpkg -L libfaketime 2>/dev/null | grep '/libfaketimeMT\.so\.1$' | head -1 || true)}"
[[ -n "$FAKETIME_LIB" && -f "$FAKETIME_LIB" ]] || fail "no libfaketimeMT.so.1 (apt-get install libfaketime)"
export FAKETIME_LIB

WORK="$(mktemp -d "${TMPDIR:-/tmp}/covalue-e2e.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
DB="$WORK/covalue.db"
mkdir -p "$E2E_ARTIFACTS"

# The demo network (8 closed cycles), then cycle 9: open, one more proposal, voting.
"$BIN" demo --replace --db "$DB" >"$WORK/demo.log" 2>&1 || { tail -20 "$WORK/demo.log"; fail "covalue demo failed"; }
"$BIN" cycle open --db "$DB" >/dev/null
"$BIN" initiative propose --db "$DB" --title "Shared returns hub" \
  --description "One returns hub for the retailers and the marketplace" --channel consumer_experience \
  --proposer UrbanMart --cost 8 --impact UrbanMart=4 --impact "Maison Retail=3" --impact SwiftParcel=-3/2 \
  --volunteer UrbanMart >/dev/null
"$BIN" cycle vote --db "$DB" >/dev/null

issue() { "$BIN" token issue --db "$DB" "$@" 2>/dev/null | grep -Eo 'cvt_[0-9a-f]+' | head -1; }
COORDINATOR_TOKEN="$(issue --role coordinator --label e2e-coordinator)"
REPRESENTATIVE_TOKEN="$(issue --role representative --partner UrbanMart --label e2e-urbanmart)"
# A second partner's representative: the coordinator names Maison Retail to lead, and it accepts.
NOMINEE_TOKEN="$(issue --role representative --partner "Maison Retail" --label e2e-maison-retail)"
# An administrator of the deployment: lists the networks and creates a second one.
ADMIN_TOKEN="$(issue --role admin --label e2e-admin)"
[[ -n "$COORDINATOR_TOKEN" && -n "$REPRESENTATIVE_TOKEN" && -n "$NOMINEE_TOKEN" && -n "$ADMIN_TOKEN" ]] ||
  fail "covalue token issue printed no secret"

# A person of UrbanMart with a one-time set-password link (what e-mail will deliver once it exists).
PASSWORD_EMAIL="ana.e2e@urbanmart.example"
PERSON_ID="$("$BIN" person add --db "$DB" --partner UrbanMart --name "Ana E2E" --email "$PASSWORD_EMAIL" \
  --time-zone America/New_York --format json |
  grep -Eo '"id": [0-9]+' | grep -Eo '[0-9]+' | head -1)"
PASSWORD_LINK="$("$BIN" person invite --db "$DB" --person "$PERSON_ID" --format json | grep -Eo '/set-password#cvp_[0-9a-f]+')"
[[ -n "$PERSON_ID" && -n "$PASSWORD_LINK" ]] || fail "covalue person invite printed no link"
export PASSWORD_EMAIL PASSWORD_LINK

export COVALUE_BIN="$BIN" COVALUE_DB="$DB" WEB_DIST="$DIST" COORDINATOR_TOKEN REPRESENTATIVE_TOKEN NOMINEE_TOKEN ADMIN_TOKEN
export REPRESENTATIVE_PARTNER="UrbanMart" NOMINEE_PARTNER="Maison Retail" E2E_WORK="$WORK"
cd "$ROOT"
if node --test --test-reporter=spec "$ROOT/tests/e2e/browser.test.mjs"; then
  echo "browser test: passed (screenshots in $E2E_ARTIFACTS)"
  exit 0
fi
echo "browser test: FAILED (screenshots in $E2E_ARTIFACTS)" >&2
exit 1
