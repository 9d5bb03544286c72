#!/usr/bin/env bash
# The project's test command, the same for developers and CI (.ci/run calls exactly this):
#
#   bash scripts/test.sh [extra mvn arguments...]      e.g. -Dc8kit.buildDir=target-me -pl tests/e2e -am
#
# Brings up what the tests need on a bare Debian 12 machine: a Docker engine with the stand-in base
# image (scripts/docker-up.sh), a throwaway PostgreSQL (scripts/postgres-up.sh) and a json-server
# (scripts/jsonserver-up.sh); exports C8KIT_PG_*, C8KIT_JSONSERVER_URL and C8KIT_DOCKER=1 for the tests; runs `mvn -B verify` at the repository root; stops on exit whatever it
# started (a daemon or server that was already running is left running; C8KIT_KEEP_SERVICES=1 keeps
# everything up for a quicker next run). Exits with Maven's status.
# With CI=true a service that cannot be brought up fails the run here, before Maven: tests that need
# Docker or PostgreSQL must fail in CI, never skip. Locally they skip, with a warning here.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
C8K_TAG="test"
# shellcheck source=scripts/lib/common.sh
. "$ROOT/scripts/lib/common.sh"

IN_CI=0
[ "${CI:-}" = "true" ] && IN_CI=1
PG_STATE="${C8KIT_PG_STATE:-/tmp/c8kit-pg}"
PG_PORT="${C8KIT_PG_PORT:-54329}"
stop_docker=0
stop_pg=0
stop_js=0

# shellcheck disable=SC2317  # invoked by the trap
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [ "${C8KIT_KEEP_SERVICES:-0}" != 1 ]; then
    [ "$stop_pg" -eq 0 ] || bash "$ROOT/scripts/postgres-down.sh" || true
    [ "$stop_js" -eq 0 ] || bash "$ROOT/scripts/jsonserver-down.sh" || true
    [ "$stop_docker" -eq 0 ] || bash "$ROOT/scripts/docker-down.sh" || true
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

unavailable() { # SERVICE: fail in CI, warn locally
  if [ "$IN_CI" -eq 1 ]; then
    c8k_die "$1 could not be brought up, and CI=true: the tests that need it must not be skipped"
  fi
  c8k_log "WARNING: $1 is not available: the tests that need it will be SKIPPED (they fail when CI=true)"
}

t0="$(c8k_now)"

# PostgreSQL first: both scripts may need apt-get, which must not run twice at once.
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
pg_was_up=0
port_open "$PG_PORT" && pg_was_up=1
[ "$pg_was_up" -eq 1 ] || stop_pg=1
if bash "$ROOT/scripts/postgres-up.sh" >/dev/null; then
  # shellcheck disable=SC1091
  . "$PG_STATE/env"
else
  unavailable PostgreSQL
fi

docker_was_up=0
docker info >/dev/null 2>&1 && docker_was_up=1
[ "$docker_was_up" -eq 1 ] || stop_docker=1
if bash "$ROOT/scripts/docker-up.sh"; then
  export C8KIT_DOCKER=1
else
  unavailable Docker
fi
# json-server for the HTTP source example (examples/source-jsonserver); after PostgreSQL, as it may apt-get npm.
JS_STATE="${C8KIT_JSONSERVER_STATE:-/tmp/c8kit-jsonserver}"
[ -f "$JS_STATE/pid" ] && c8k_alive "$(cat "$JS_STATE/pid")" || stop_js=1
if bash "$ROOT/scripts/jsonserver-up.sh" >/dev/null; then
  # shellcheck disable=SC1091
  . "$JS_STATE/env"
else
  unavailable json-server
fi
c8k_log "services ready in $(c8k_elapsed "$t0"); running mvn -B verify $*"

cd "$ROOT"
set +e
mvn -B -ntp verify "$@"
rc=$?
set -e
c8k_log "mvn exited $rc after $(c8k_elapsed "$t0") in all"
exit "$rc"
