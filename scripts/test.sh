#!/usr/bin/env bash
# Runs every test: unit tests, the store and router suites on SQLite AND on a
# throwaway PostgreSQL server, and the browser tests in headless Chromium.
# Installs what is missing (PostgreSQL, Chromium, chromium-driver) when run as root.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/majlis-target}"

scripts/install-test-deps.sh

pgdir=$(mktemp -d /tmp/majlis-test-pg.XXXXXX)
port=${MAJLIS_TEST_PG_PORT:-54331}
stop_pg() {
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$bin/pg_ctl" -D "$pgdir" -m fast stop >/dev/null 2>&1 || true
  else "$bin/pg_ctl" -D "$pgdir" -m fast stop >/dev/null 2>&1 || true; fi
  rm -rf "$pgdir"
}
trap stop_pg EXIT
export MAJLIS_TEST_PG_URL=$(scripts/start-postgres.sh "$pgdir" "$port")
export MAJLIS_TEST_REQUIRE_PG=1
export MAJLIS_TEST_REQUIRE_BROWSER=1
export MAJLIS_TEST_REQUIRE_SMTP=1
echo "PostgreSQL for tests: $MAJLIS_TEST_PG_URL"

cargo test --workspace --locked --no-fail-fast -- --test-threads="${MAJLIS_TEST_THREADS:-2}"
