#!/usr/bin/env bash
# Benchmarks of meetings and sessions (issue 3) on SQLite and on a throwaway
# PostgreSQL server, over `majlis bench-data`: a session page with 3
# workshops, 300 participants and 10 papers; the calendar month of a member
# of 5 bodies that hold 1,000 meetings a year; the PDF of approved minutes of
# about ten pages. Prints a table of curl time_total percentiles (ms).
#   usage: scripts/bench-meetings.sh [REQUESTS]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-300}
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/majlis-target}"
cargo build --release --locked -q
bin="$CARGO_TARGET_DIR/release/majlis"
work=$(mktemp -d /tmp/majlis-bench-meetings.XXXXXX)
chmod 755 "$work"
port=18191
pgport=54341
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

measure() { # cookies url count
  for _ in $(seq 1 20); do curl -s -o /dev/null -b "$1" "$2"; done
  for _ in $(seq 1 "$3"); do curl -s -o /dev/null -b "$1" -w '%{time_total}\n' "$2"; done | percentiles
}

login() { # user cookies
  curl -s -c "$2" -o /dev/null -H 'content-type: application/json' \
    -d "{\"login\":\"$1\",\"password\":\"bench-password\"}" "http://127.0.0.1:$port/api/v1/auth/login"
}

run_backend() { # name db-args...
  local name=$1; shift
  local args=("$@")
  echo "[$name] loading the benchmark data…" >&2
  "$bin" "${args[@]}" migrate >/dev/null
  local ids; ids=$("$bin" "${args[@]}" bench-data --password-file "$work/pw" 2>/dev/null | tail -n 1)
  local session minutes month
  session=$(echo "$ids" | python3 -c 'import json,sys; print(json.load(sys.stdin)["session"])')
  minutes=$(echo "$ids" | python3 -c 'import json,sys; print(json.load(sys.stdin)["minutes_meeting"])')
  month=$(echo "$ids" | python3 -c 'import json,sys; print(json.load(sys.stdin)["month"])')
  MAJLIS_COOKIE_SECURE=false MAJLIS_LOG=warn "$bin" "${args[@]}" serve --bind "127.0.0.1:$port" >/dev/null 2>&1 &
  server=$!
  until curl -s -o /dev/null "http://127.0.0.1:$port/healthz"; do sleep 0.01; done
  login bench-admin "$work/admin"
  login bench-member "$work/member"
  local s c
  s=$(measure "$work/admin" "http://127.0.0.1:$port/sessions/$session" "$n")
  c=$(measure "$work/member" "http://127.0.0.1:$port/calendar?month=$month" "$n")
  local events; events=$(curl -s -b "$work/member" "http://127.0.0.1:$port/calendar?month=$month" | grep -o 'class="event' | wc -l)
  local times=()
  for _ in $(seq 1 10); do
    times+=("$(curl -s -o "$work/minutes.pdf" -b "$work/admin" -w '%{time_total}' "http://127.0.0.1:$port/meetings/$minutes/minutes.pdf")")
  done
  local pdf; pdf=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.0f / %.0f", a[int((NR+1)/2)]*1000, a[NR]*1000}')
  local pages; pages=$(pdfinfo "$work/minutes.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
  kill "$server"; wait "$server" 2>/dev/null || true; server=
  printf '| %s | %s | %s | %s (%s pages) |\n' "$name" "${s// / \/ }" "${c// / \/ } ($((events / 2)) meetings shown)" "$pdf" "${pages:-?}"
}

echo
echo "| backend | session page p50/p95/p99 ms | calendar month p50/p95/p99 ms | minutes PDF median / max ms |"
echo "|---|---|---|---|"
run_backend SQLite --data-dir "$work/sqlite"
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -n "$pgbin" ]; then
  scripts/start-postgres.sh "$work/pg" "$pgport" >/dev/null
  run_backend PostgreSQL --database-url "postgres://postgres@127.0.0.1:$pgport/postgres"
fi
