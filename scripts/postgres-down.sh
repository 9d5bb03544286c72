#!/usr/bin/env bash
# Stops the throwaway PostgreSQL server that scripts/postgres-up.sh started: `pg_ctl stop -m fast` on
# its data directory ($C8KIT_PG_STATE/data, default /tmp/c8kit-pg/data), run as the directory's owner.
# No other server on the machine is touched. The data is kept for a quick restart unless --purge.
#
#   bash scripts/postgres-down.sh [--purge]    # --purge also deletes $STATE (data, log, env)
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
C8K_TAG=postgres-down
# shellcheck source=scripts/lib/common.sh
. "$SCRIPT_DIR/lib/common.sh"

STATE="${C8KIT_PG_STATE:-/tmp/c8kit-pg}"
DATA="$STATE/data"
purge="$(c8k_purge_flag postgres-down.sh "$@")"

find_pg_ctl() {
  local d
  if d="$(command -v pg_ctl 2>/dev/null)"; then echo "$d"; return 0; fi
  # The binaries of the version that made the cluster, else the newest.
  if [ -f "$DATA/PG_VERSION" ] && [ -x "/usr/lib/postgresql/$(cat "$DATA/PG_VERSION")/bin/pg_ctl" ]; then
    echo "/usr/lib/postgresql/$(cat "$DATA/PG_VERSION")/bin/pg_ctl"; return 0
  fi
  d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  if [ -n "$d" ] && [ -x "$d/pg_ctl" ]; then echo "$d/pg_ctl"; return 0; fi
  return 1
}

start="$(c8k_now)"
if [ -f "$DATA/postmaster.pid" ]; then
  pg_ctl="$(find_pg_ctl)" || c8k_die "pg_ctl not found"
  owner="$(stat -c %U "$DATA")"
  RUNUSER="$(command -v runuser || echo /usr/sbin/runuser)"
  cd "$STATE"
  if [ "$(id -u)" -eq 0 ] && [ "$owner" != root ]; then
    as_owner() { "$RUNUSER" -u "$owner" -- "$@"; }
  else
    as_owner() { "$@"; }
  fi
  if as_owner "$pg_ctl" status -D "$DATA" >/dev/null 2>&1; then
    c8k_log "stopping the server in $DATA"
    as_owner "$pg_ctl" stop -D "$DATA" -m fast -w -t 30 >/dev/null
    c8k_log "stopped in $(c8k_elapsed "$start")"
  else
    c8k_log "no server running in $DATA (stale postmaster.pid)"
  fi
else
  c8k_log "no server running in $DATA"
fi

if [ "$purge" -eq 1 ] && [ -d "$STATE" ]; then
  c8k_log "removing $STATE"
  cd /
  rm -rf "$STATE"
fi
