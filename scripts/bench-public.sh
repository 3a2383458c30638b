#!/usr/bin/env bash
# The public site against a static server, side by side in one run: the seed
# communiqué's page with its 200 approved comments (first page), served by
# majlis (rendered once, kept by site version, ETag) and the same HTML as a
# static file by nginx on the same machine; wrk at 64 connections, 10 s each:
# requests per second and p50/p99. Then 200 commenters at once, each from its
# own address (X-Forwarded-For behind a trusted proxy), posting 5 comments
# 15.5 s apart (under the flood limit) plus one flood and one duplicate each:
# answers by kind, comments found in a backup taken after, 5xx.
# On SQLite and on PostgreSQL.
#   BENCH_PARTS="pages comments" (the default) picks the parts run.
#   usage: scripts/bench-public.sh      (as root, installs wrk and nginx if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
parts=" ${BENCH_PARTS:-pages comments} "
want() { [[ "$parts" == *" $1 "* ]]; }
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/majlis-target}"
cargo build --release --locked -q
bin="$CARGO_TARGET_DIR/release/majlis"
for tool in wrk nginx; do
  command -v "$tool" >/dev/null || { [ "$(id -u)" = 0 ] && apt-get install -y -qq "$tool" >/dev/null; }
done
work=$(mktemp -d /tmp/majlis-public.XXXXXX)
chmod 755 "$work"
port=18383
static_port=18384
pgport=54342
base="http://127.0.0.1:$port"
server=""
nginx_pid=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null || true
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true
  if [ -f "$work/pg/PG_VERSION" ]; then
    pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg" -m fast stop >/dev/null 2>&1 || true
    else "$pgbin/pg_ctl" -D "$work/pg" -m fast stop >/dev/null 2>&1 || true; fi
  fi
  rm -rf "$work"
}
trap cleanup EXIT

wrk_row() { # url → "req/s p50 p99"
  wrk -t2 -c64 -d10s --latency "$1" \
    | awk '/Requests\/sec/ {r=$2} $1=="50%" {a=$2} $1=="99%" {p=$2} END {printf "%.0f req/s, p50 %s, p99 %s", r, a, p}'
}

row() { printf '| %-9s | %-34s | %s |\n' "$@"; }

run() { # backend db-args...
  local backend=$1; shift
  MAJLIS_TRUST_FORWARDED_FOR=1 MAJLIS_LOG=error "$bin" "$@" demo --bind "127.0.0.1:$port" >/dev/null 2>&1 &
  server=$!
  until curl -s -o /dev/null "$base/healthz"; do sleep 0.1; done
  # The Arabic seed communiqué (the one with the comments), its address encoded.
  local slug; slug=$(curl -s "$base/api/v1/public/communiques" | python3 -c "import json,sys,urllib.parse; d=json.load(sys.stdin); print(urllib.parse.quote([c['slug'] for c in d['items'] if c['lang']=='ar'][0]))")
  local page="$base/p/$slug"
  curl -s "$page" -o "$work/page.html"
  local comments; comments=$(grep -o '<li id="c-' "$work/page.html" | wc -l)
  mkdir -p "$work/static"
  cp "$work/page.html" "$work/static/page.html"
  if [ -z "$nginx_pid" ]; then
    cat > "$work/nginx.conf" <<CONF
worker_processes 2;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  default_type text/html;
  server { listen 127.0.0.1:$static_port; root $work/static; }
}
CONF
    nginx -c "$work/nginx.conf" -g 'daemon off;' &
    nginx_pid=$!
    until curl -s -o /dev/null "http://127.0.0.1:$static_port/page.html"; do sleep 0.1; done
  fi
  if want pages; then
    row "$backend" "majlis /p/{seed} ($comments comments shown)" "$(wrk_row "$page")"
    row "$backend" "nginx, the same HTML as a file" "$(wrk_row "http://127.0.0.1:$static_port/page.html")"
    local rss; rss=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$server/status")
    row "$backend" "majlis RSS after the run" "$rss MB"
  fi
  if want comments; then
    local run_id; run_id=$(date +%s)
    local out; out=$(python3 scripts/load.py comments "$base" "$(python3 -c "import urllib.parse,sys; print(urllib.parse.unquote(sys.argv[1]))" "$slug")" 200 5 "$run_id")
    "$bin" "$@" backup "$work/after.jsonl" >/dev/null 2>&1
    local stored; stored=$(grep -c "bench-comment-$run_id" "$work/after.jsonl" || true)
    row "$backend" "200 commenters × 5 at once" "$out stored=$stored"
    local rss; rss=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$server/status")
    row "$backend" "majlis RSS after the commenters" "$rss MB"
  fi
  kill "$server"; wait "$server" 2>/dev/null || true; server=""
}

{
echo "2 cores; wrk -t2 -c64 -d10s on loopback, sharing the cores with the servers"
row backend measure result
printf '|%s|\n' "-----------|------------------------------------|--------"
run sqlite --data-dir "$work/sqlite"
if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  url=$(scripts/start-postgres.sh "$work/pg" "$pgport")
  psql -q "$url" -c "CREATE DATABASE majlis_public" >/dev/null
  run postgres --database-url "${url%/postgres}/majlis_public"
fi
}
