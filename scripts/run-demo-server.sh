#!/usr/bin/env bash
# `make run`: the demo network (14 partners, 8 closed cycles, cycle 9 open for voting) in a fresh SQLite
# file, tokens to sign in with, and `covalue serve` in the foreground (Ctrl-C stops it).
# Environment: LISTEN (default 127.0.0.1:8080), DB (default build/demo.db).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin="$root/build/release/apps/covalue"
db="${DB:-$root/build/demo.db}"
listen="${LISTEN:-127.0.0.1:8080}"

"$bin" demo --replace --db "$db" >"$root/build/demo.log"
# Cycle 9: open, a fresh proposal, voting, so there is a ballot to cast in the browser.
"$bin" cycle open --db "$db" >/dev/null
"$bin" initiative propose --db "$db" --title "Shared returns hub" \
  --description "One returns hub for the retailers and the marketplace" --channel consumer_experience \
  --proposer UrbanMart --cost 8 --impact UrbanMart=4 --impact "Maison Retail=3" --impact SwiftParcel=-3/2 \
  --volunteer UrbanMart >/dev/null
"$bin" cycle vote --db "$db" >/dev/null
"$bin" report network --db "$db"
coordinator=$("$bin" token issue --db "$db" --role coordinator --label "make run coordinator" 2>/dev/null)
partner=$("$bin" token issue --db "$db" --role representative --partner UrbanMart --label "make run UrbanMart" 2>/dev/null)
# A person with a one-time set-password link: the way people sign in (docs/signing-in.md).
person=$("$bin" person add --db "$db" --role coordinator --name "Demo Coordinator" --email coordinator@demo.example \
  --format json | grep -Eo '"id": [0-9]+' | grep -Eo '[0-9]+' | head -1)
link=$("$bin" person invite --db "$db" --person "$person" --format json | grep -Eo '/set-password#cvp_[0-9a-f]+')
cat <<TEXT

covalue is serving the demo network at http://$listen/ (Ctrl-C stops it)
  coordinator@demo.example sets a password at: http://$listen$link
  or use an access token as the coordinator:   $coordinator
  or as UrbanMart's representative:            $partner
  the demo's reports are in build/demo.log; the database is $db

TEXT
exec "$bin" serve --db "$db" --listen "$listen"
