#!/usr/bin/env bash
# Benchmarks of campaigns (issue 9) on SQLite and on a throwaway PostgreSQL
# server, over `majlis bench-campaigns`: the compliance board of a campaign
# over 1,000 bodies (20 such campaigns, 850 reports each, in the database),
# its JSON, and the synthesis of 100 reports × 20 fields × 5 sections as a
# page, a PDF, a Word file and CSV. Prints a table of curl time_total percentiles (ms).
#   usage: scripts/bench-campaigns.sh [REQUESTS]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-200}
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/majlis-target}"
cargo build --release --locked -q
bin="$CARGO_TARGET_DIR/release/majlis"
work=$(mktemp -d /tmp/majlis-bench-campaigns.XXXXXX)
chmod 755 "$work"
port=18193
pgport=54342
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

percentiles() { # seconds in, "p50 p95 p99" ms out
  sort -n | awk '{a[NR]=$1} END {printf "%.1f %.1f %.1f", a[int(NR*0.50)]*1000, a[int(NR*0.95)]*1000, a[int(NR*0.99)]*1000}'
}

measure() { # url count
  for _ in $(seq 1 10); do curl -s -o /dev/null -b "$work/cookies" "$1"; done
  for _ in $(seq 1 "$2"); do curl -s -o /dev/null -b "$work/cookies" -w '%{time_total}\n' "$1"; done | percentiles
}

run_backend() { # name db-args...
  local name=$1; shift
  local args=("$@")
  echo "[$name] loading the benchmark data…" >&2
  "$bin" "${args[@]}" migrate >/dev/null
  local t0; t0=$(date +%s)
  local ids; ids=$("$bin" "${args[@]}" bench-campaigns --password-file "$work/pw" 2>/dev/null | tail -n 1)
  echo "[$name] loaded in $(( $(date +%s) - t0 )) s" >&2
  local board synthesis
  board=$(echo "$ids" | python3 -c 'import json,sys; print(json.load(sys.stdin)["board"])')
  synthesis=$(echo "$ids" | python3 -c 'import json,sys; print(json.load(sys.stdin)["synthesis"])')
  MAJLIS_COOKIE_SECURE=false MAJLIS_LOG=warn "$bin" "${args[@]}" serve --bind "127.0.0.1:$port" >/dev/null 2>&1 &
  server=$!
  until curl -s -o /dev/null "http://127.0.0.1:$port/healthz"; do sleep 0.01; done
  curl -s -c "$work/cookies" -o /dev/null -H 'content-type: application/json' \
    -d '{"login":"bench-admin","password":"bench-password"}' "http://127.0.0.1:$port/api/v1/auth/login"
  local rows; rows=$(curl -s -b "$work/cookies" "http://127.0.0.1:$port/api/v1/campaigns/$board/board" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
  local bp bj sp
  bp=$(measure "http://127.0.0.1:$port/campaigns/$board" "$n")
  bj=$(measure "http://127.0.0.1:$port/api/v1/campaigns/$board/board" "$n")
  sp=$(measure "http://127.0.0.1:$port/campaigns/$synthesis/synthesis" "$n")
  local pdf docx csv
  pdf=$(measure "http://127.0.0.1:$port/campaigns/$synthesis/synthesis.pdf" 20)
  docx=$(measure "http://127.0.0.1:$port/campaigns/$synthesis/synthesis.docx" 20)
  csv=$(measure "http://127.0.0.1:$port/campaigns/$synthesis/synthesis.csv" 50)
  local rss; rss=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$server/status")
  kill "$server"; wait "$server" 2>/dev/null || true; server=
  printf '| %s | %s (%s rows) | %s | %s | %s | %s | %s | %s |\n' "$name" "${bp// / \/ }" "$rows" "${bj// / \/ }" "${sp// / \/ }" "${pdf// / \/ }" "${docx// / \/ }" "${csv// / \/ }" "$rss"
}

echo
echo "| backend | board page p50/p95/p99 ms | board JSON | synthesis page | synthesis PDF | synthesis DOCX | synthesis CSV | RSS MB after |"
echo "|---|---|---|---|---|---|---|---|"
run_backend SQLite --data-dir "$work/sqlite"
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -n "$pgbin" ]; then
  scripts/start-postgres.sh "$work/pg" "$pgport" >/dev/null
  run_backend PostgreSQL --database-url "postgres://postgres@127.0.0.1:$pgport/postgres"
fi
