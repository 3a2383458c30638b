#!/usr/bin/env bash
# Benchmarks on `seed --scale N` data (default 10: ≈1,000 bodies, 100,000
# people), on SQLite and on a throwaway PostgreSQL server. Prints a table:
#   start-up to serving, idle RSS, people list (50 a page, with search) and body
#   page (200 members) latency percentiles, throughput at 32 connections (wrk).
# Latencies are curl's time_total on loopback (sequential requests), which is
# server time plus a loopback round trip.
#   usage: scripts/bench.sh [SCALE] [REQUESTS]
set -euo pipefail
cd "$(dirname "$0")/.."
scale=${1:-10}
n=${2:-300}
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/majlis-target}"
cargo build --release --locked -q
bin="$CARGO_TARGET_DIR/release/majlis"
command -v wrk >/dev/null || { [ "$(id -u)" = 0 ] && apt-get install -y -qq wrk >/dev/null; }
work=$(mktemp -d /tmp/majlis-bench.XXXXXX)
chmod 755 "$work"   # the postgres user reads its cluster folder below
port=18181
pgport=54340
cleanup() {
  [ -n "${server:-}" ] && kill "$server" 2>/dev/null || true
  if [ -f "$work/pg/PG_VERSION" ]; then
    pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg" -m fast stop >/dev/null 2>&1 || true
    else "$pgbin/pg_ctl" -D "$work/pg" -m fast stop >/dev/null 2>&1 || true; fi
  fi
  rm -rf "$work"
}
trap cleanup EXIT
printf 'bench-password\n' > "$work/pw"

percentiles() { # reads seconds, prints p50 p95 p99 in ms
  sort -n | awk '{a[NR]=$1} END {printf "%.1f %.1f %.1f", a[int(NR*0.50)]*1000, a[int(NR*0.95)]*1000, a[int(NR*0.99)]*1000}'
}

measure() { # label url
  local url=$2
  for _ in $(seq 1 20); do curl -s -o /dev/null -b "$work/cookies" "$url"; done   # warm-up
  for _ in $(seq 1 "$n"); do curl -s -o /dev/null -b "$work/cookies" -w '%{time_total}\n' "$url"; done | percentiles
}

run_backend() { # name db-args...
  local name=$1; shift
  local args=("$@")
  echo "[$name] seeding scale $scale…" >&2
  "$bin" "${args[@]}" migrate >/dev/null
  "$bin" "${args[@]}" seed --scale "$scale" >/dev/null 2>&1
  "$bin" "${args[@]}" user add bench --admin --password-file "$work/pw" >/dev/null
  local t0; t0=$(date +%s.%N)
  MAJLIS_COOKIE_SECURE=false MAJLIS_LOG=warn "$bin" "${args[@]}" serve --bind "127.0.0.1:$port" >/dev/null 2>&1 &
  server=$!
  until curl -s -o /dev/null "http://127.0.0.1:$port/healthz"; do sleep 0.01; done
  local startup; startup=$(awk -v a="$(date +%s.%N)" -v b="$t0" 'BEGIN {printf "%.0f", (a - b) * 1000}')
  sleep 2
  local rss; rss=$(awk '/VmRSS/ {printf "%.1f", $2/1024}' "/proc/$server/status")
  curl -s -c "$work/cookies" -o /dev/null -H 'content-type: application/json' \
    -d '{"login":"bench","password":"bench-password"}' "http://127.0.0.1:$port/api/v1/auth/login"
  local body; body=$(curl -s -b "$work/cookies" "http://127.0.0.1:$port/api/v1/bodies?q=%D8%A7%D9%84%D9%87%D9%8A%D8%A6%D8%A9%20%D8%A7%D9%84%D8%A5%D9%82%D9%84%D9%8A%D9%85%D9%8A%D8%A9%201" \
    | python3 -c 'import json,sys; b=[x for x in json.load(sys.stdin)["items"] if x["name_ar"].endswith(" 1")]; print(b[0]["id"])')
  local members; members=$(curl -s -b "$work/cookies" "http://127.0.0.1:$port/api/v1/bodies/$body/members" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
  local people_q; people_q=$(measure people "http://127.0.0.1:$port/people?q=%D9%85%D8%AD%D9%85%D8%AF")
  local people_p; people_p=$(measure people "http://127.0.0.1:$port/people?page=500")
  local body_p; body_p=$(measure body "http://127.0.0.1:$port/bodies/$body")
  local cookie; cookie=$(awk '$6=="majlis_session" {print $7}' "$work/cookies")
  local rps; rps=$(wrk -t2 -c32 -d10s -H "Cookie: majlis_session=$cookie" "http://127.0.0.1:$port/bodies/$body" | awk '/Requests\/sec/ {printf "%.0f", $2}')
  local rps_p; rps_p=$(wrk -t2 -c32 -d10s -H "Cookie: majlis_session=$cookie" "http://127.0.0.1:$port/people?q=%D9%85%D8%AD%D9%85%D8%AF" | awk '/Requests\/sec/ {printf "%.0f", $2}')
  kill "$server"; wait "$server" 2>/dev/null || true; server=""
  printf '| %-10s | %6s | %6s | %-17s | %-17s | %-17s | %4s | %7s | %7s |\n' \
    "$name" "$startup" "$rss" "$people_q" "$people_p" "$body_p" "$members" "$rps" "$rps_p"
}

{
echo "scale $scale, $n sequential requests per row; latencies p50 p95 p99 in ms"
printf '| %-10s | %6s | %6s | %-17s | %-17s | %-17s | %4s | %7s | %7s |\n' backend "start" "RSS MB" "people ?q=محمد" "people page 500" "body page" "mbrs" "body/s" "srch/s"
printf '|%s|\n' "------------|--------|--------|-------------------|-------------------|-------------------|------|---------|---------"
run_backend sqlite --data-dir "$work/sqlite"
if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  url=$(scripts/start-postgres.sh "$work/pg" "$pgport")
  psql -q "$url" -c "CREATE DATABASE majlis_bench" >/dev/null
  run_backend postgresql --database-url "${url%/postgres}/majlis_bench"
fi
} 
