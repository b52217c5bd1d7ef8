#!/usr/bin/env bash
# `make bench-server`: HTTP load with wrk on loopback against `covalue serve`, on SQLite and on a
# private PostgreSQL: durable ballot casts (PUT, each one a committed transaction with its audit entry)
# and dashboard JSON reads. Prints requests/s and latency percentiles per case.
# Environment: DURATION (default 10s), CONNECTIONS (default 32), THREADS (server threads, default 0: the
# server's own default), NETWORKS (networks of the many-network case, default 8; 0 leaves it out),
# BACKENDS (default "sqlite postgresql").
set -euo pipefail
release=${1:-build/release}
root=$(cd "$(dirname "$0")/.." && pwd)
bin="$root/$release/apps/covalue"
pg="$root/$release/tests/covalue-test-pg"
duration=${DURATION:-10s}
connections=${CONNECTIONS:-32}
threads=${THREADS:-0}
networks=${NETWORKS:-8}
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# Cycle 9 of a demo network opened for voting, with an initiative proposed; sets coordinator and
# initiative, and appends every member's representative token to tokens. Extra arguments (--network
# NAME) choose the network.
prepare_voting() {
  local db=$1
  shift
  "$bin" cycle open --db "$db" "$@" >/dev/null
  "$bin" initiative propose --db "$db" "$@" --title "Bench hub" --proposer UrbanMart --cost 8 --impact UrbanMart=4 \
    >/dev/null
  "$bin" cycle vote --db "$db" "$@" >/dev/null
  coordinator=$("$bin" token issue --db "$db" "$@" --role coordinator 2>/dev/null)
  # Members only: a partner that left has an empty left_cycle no more (column 5).
  for id in $("$bin" partner list --db "$db" "$@" --format csv | tail -n +2 | awk -F, '$5 == "" {print $1}'); do
    secret=$("$bin" token issue --db "$db" "$@" --role representative --partner "$id" 2>/dev/null)
    tokens+="$id:$secret,"
  done
  initiative=$("$bin" initiative list --db "$db" "$@" --status proposed --cycle 9 --format csv | tail -n +2 |
    head -1 | cut -d, -f1)
}

# The demo network with cycle 9 voting, a coordinator token and every member's representative token.
prepare() {
  local db=$1
  "$bin" demo --db "$db" >/dev/null
  tokens=""
  prepare_voting "$db"
}

# NETWORKS copies of the demo network in one database (exported once, imported under new names), each
# with cycle 9 voting; tokens holds the representatives of all of them (a token names its network).
prepare_networks() {
  local db=$1 count=$2
  "$bin" demo --replace --db "$work/source.db" >/dev/null
  "$bin" network export --db "$work/source.db" --output "$work/demo.json"
  tokens=""
  for k in $(seq "$count"); do
    "$bin" network import "$work/demo.json" --db "$db" --as "Demo $k" >/dev/null
    prepare_voting "$db" --network "Demo $k"
  done
}

# Starts the server on an ephemeral port; sets url.
serve() {
  "$bin" serve --db "$1" --listen 127.0.0.1:0 --threads "$threads" >"$work/serve.out" 2>"$work/serve.err" &
  pids+=($!)
  for _ in $(seq 100); do
    url=$(grep -o 'http://[0-9.:]*' "$work/serve.out" 2>/dev/null || true)
    [[ -n "$url" ]] && return
    sleep 0.1
  done
  cat "$work/serve.err" >&2
  exit 1
}

load() {
  local label=$1 script=$2 path=$3
  echo "== $label"
  wrk -t2 -c"$connections" -d"$duration" --latency -s "$root/bench/server/$script" "$url$path" |
    grep -E 'Requests/sec|Latency  |50%|90%|99%|Non-2xx|Socket errors'
}

run_backend() {
  local name=$1 db=$2
  prepare "$db"
  serve "$db"
  TOKENS="$tokens" INITIATIVE="$initiative" CYCLE=9 load "$name: ballot casts (PUT, durable)" ballots.lua /
  TOKEN="$coordinator" load "$name: dashboard reads (GET /api/dashboard)" dashboard.lua /api/dashboard
  stop_server
}

stop_server() {
  kill "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true; unset 'pids[-1]'
}

# Ballot casts spread over NETWORKS networks of one database, served by one server.
run_networks() {
  local name=$1 db=$2
  prepare_networks "$db" "$networks"
  serve "$db"
  TOKENS="$tokens" INITIATIVE="$initiative" CYCLE=9 load "$name, $networks networks: ballot casts (PUT, durable)" \
    ballots.lua /
  stop_server
}

echo "machine: $(nproc) cores; server threads: $threads (0: its default); wrk: 2 threads, $connections connections, $duration"
backends=${BACKENDS:-sqlite postgresql}
if [[ " $backends " == *" sqlite "* ]]; then
  run_backend sqlite "$work/bench.db"
  if ((networks > 0)); then run_networks sqlite "$work/networks.db"; fi
fi
if [[ " $backends " == *" postgresql "* && -x "$pg" ]]; then
  coproc PG { "$pg"; }
  pids+=($PG_PID)
  read -r pg_url <&"${PG[0]}"
  run_backend postgresql "$pg_url"
  if ((networks > 0)); then
    createdb_url="${pg_url%/*}/networks"
    psql "$pg_url" -q -c "CREATE DATABASE networks" >/dev/null
    run_networks postgresql "$createdb_url"
  fi
fi
