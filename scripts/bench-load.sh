#!/usr/bin/env bash
# The core under load, side by side on SQLite and PostgreSQL, on the demo data
# and on the demo data + `seed --scale N` (default 10). Prints one table:
#   writes  64 clients × 20 `POST /api/v1/people` at once (bearer token):
#           answers 5xx, writes lost (not readable after), p50/p99 latency;
#   logins  1,000 failed logins from 64 clients at once, each client its own
#           address (X-Forwarded-For behind a trusted proxy: every attempt is
#           hashed) and then from one address (throttled): 5xx, peak RSS,
#           RSS after 15 s idle;
#   lists   authenticated lists of 50 (bodies, people; JSON and HTML) with wrk
#           at 8 and 64 connections: req/s and p99;
#   pages   the meeting of 19 December 2016 and the 8th session's page, 300
#           sequential requests: p50/p95/p99.
# Load stays on loopback, bounded in count and time.
#   usage: scripts/bench-load.sh [SCALE]
#   BENCH_PARTS="writes logins lists pages" (the default) picks the parts run.
set -euo pipefail
cd "$(dirname "$0")/.."
scale=${1:-10}
parts=" ${BENCH_PARTS:-writes logins lists pages} "
want() { [[ "$parts" == *" $1 "* ]]; }
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/majlis-target}"
cargo build --release --locked -q
bin="$CARGO_TARGET_DIR/release/majlis"
command -v wrk >/dev/null || { [ "$(id -u)" = 0 ] && apt-get install -y -qq wrk >/dev/null; }
work=$(mktemp -d /tmp/majlis-load.XXXXXX)
chmod 755 "$work"
port=18282
pgport=54341
base="http://127.0.0.1:$port"
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null || true
  if [ -f "$work/pg/PG_VERSION" ]; then
    pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg" -m fast stop >/dev/null 2>&1 || true
    else "$pgbin/pg_ctl" -D "$work/pg" -m fast stop >/dev/null 2>&1 || true; fi
  fi
  rm -rf "$work"
}
trap cleanup EXIT

rss() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$server/status"; }

start() { # db-args...
  MAJLIS_TRUST_FORWARDED_FOR=1 MAJLIS_LOG=error "$bin" "$@" demo --bind "127.0.0.1:$port" >/dev/null 2>&1 &
  server=$!
  until curl -s -o /dev/null "$base/healthz"; do sleep 0.05; done
}

stop() { kill "$server"; wait "$server" 2>/dev/null || true; server=""; }

json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

wrk_row() { # conns path → "req/s p99"
  wrk -t2 -c"$1" -d8s --latency -H "Cookie: majlis_session=$cookie" "$base$2" \
    | awk '/Requests\/sec/ {r=$2} $1=="99%" {p=$2} END {printf "%.0f/s p99 %s", r, p}'
}

row() { printf '| %-9s | %-7s | %-24s | %s |\n' "$@"; }

run() { # backend data db-args...
  local backend=$1 data=$2; shift 2
  start "$@"
  if [ "$data" != demo ]; then
    stop
    echo "[$backend] seeding scale $scale…" >&2
    "$bin" "$@" seed --scale "$scale" >/dev/null 2>&1
    start "$@"
  fi
  local csrf; csrf=$(curl -s -c "$work/cookies" -H 'content-type: application/json' \
    -d '{"login":"bureau","password":"majlis-demo"}' "$base/api/v1/auth/login" | json 'd["csrf_token"]')
  cookie=$(awk '$6=="majlis_session" {print $7}' "$work/cookies")
  local token; token=$(curl -s -b "$work/cookies" -H "x-csrf-token: $csrf" -H 'content-type: application/json' \
    -d '{"name":"bench"}' "$base/api/v1/me/tokens" | json 'd["secret"]')
  if want writes; then
  echo "[$backend/$data] writes…" >&2
  row "$backend" "$data" "writes 64×20" "$(python3 scripts/load.py writes "$base" "$token" 64 20)"
  fi
  if want logins; then
  echo "[$backend/$data] logins…" >&2
  local idle_before; idle_before=$(rss)
  local peak=0
  ( while kill -0 "$server" 2>/dev/null; do r=$(rss); echo "$r"; sleep 0.1; done ) > "$work/rss" &
  local sampler=$!
  local spread; spread=$(python3 scripts/load.py logins "$base" 64 1000 spread)
  local one; one=$(python3 scripts/load.py logins "$base" 64 1000)
  kill "$sampler" 2>/dev/null || true
  peak=$(sort -n "$work/rss" | tail -n 1)
  sleep 15
  row "$backend" "$data" "logins 1000×64 spread" "$spread"
  row "$backend" "$data" "logins 1000×64 one addr" "$one"
  row "$backend" "$data" "RSS MB" "idle before $idle_before, peak $peak, idle 15 s after $(rss)"
  fi
  if want lists; then
  for path in "/api/v1/bodies?per_page=50" "/api/v1/people?per_page=50" "/bodies" "/people"; do
    row "$backend" "$data" "$path" "c8 $(wrk_row 8 "$path") · c64 $(wrk_row 64 "$path")"
  done
  fi
  if [ "$data" = demo ] && want pages; then
    local bureau; bureau=$(curl -s -b "$work/cookies" "$base/api/v1/bodies?per_page=200&q=%D8%A7%D9%84%D9%85%D9%83%D8%AA%D8%A8%20%D8%A7%D9%84%D8%B3%D9%8A%D8%A7%D8%B3%D9%8A" | json '[b["id"] for b in d["items"] if b["kind"]=="executive"][0]')
    local meeting; meeting=$(curl -s -b "$work/cookies" "$base/api/v1/bodies/$bureau/meetings" | json '[m["id"] for m in d if m["starts_at"].startswith("2016-12-19")][0]')
    local council; council=$(curl -s -b "$work/cookies" "$base/api/v1/bodies?per_page=200" | json '[b["id"] for b in d["items"] if b["kind"]=="council"][0]')
    local session; session=$(curl -s -b "$work/cookies" "$base/api/v1/bodies/$council/sessions" | json '[s["id"] for s in d if s["number"]==8][0]')
    row "$backend" "$data" "meeting 19/12/2016 page" "$(python3 scripts/load.py seq "$base" "$cookie" "/meetings/$meeting" 300)"
    row "$backend" "$data" "8th session page" "$(python3 scripts/load.py seq "$base" "$cookie" "/sessions/$session" 300)"
  fi
  stop
}

{
echo "2 cores; latencies in ms; writes and logins measured by a Python client on loopback"
row backend data measure result
printf '|%s|\n' "-----------|---------|--------------------------|--------"
run sqlite demo --data-dir "$work/sqlite-demo"
[ "$parts" = " pages " ] || run sqlite "scale$scale" --data-dir "$work/sqlite-scale"
if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  url=$(scripts/start-postgres.sh "$work/pg" "$pgport")
  psql -q "$url" -c "CREATE DATABASE majlis_demo" -c "CREATE DATABASE majlis_scale" >/dev/null
  run postgres demo --database-url "${url%/postgres}/majlis_demo"
  [ "$parts" = " pages " ] || run postgres "scale$scale" --database-url "${url%/postgres}/majlis_scale"
fi
} | tee "$work/table"
