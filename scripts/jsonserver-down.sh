#!/usr/bin/env bash
# Stops the json-server that scripts/jsonserver-up.sh started (the pid in $C8KIT_JSONSERVER_STATE/pid,
# default /tmp/c8kit-jsonserver, and only if that pid is still a node process). --purge also deletes the
# state dir (the npm install, db.json, logs).
#
#   bash scripts/jsonserver-down.sh [--purge]
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
C8K_TAG=jsonserver-down
# shellcheck source=scripts/lib/common.sh
. "$SCRIPT_DIR/lib/common.sh"

STATE="${C8KIT_JSONSERVER_STATE:-/tmp/c8kit-jsonserver}"
purge="$(c8k_purge_flag jsonserver-down.sh "$@")"

if [ -f "$STATE/pid" ]; then
  c8k_stop_pid "$(cat "$STATE/pid")" node 10
  rm -f "$STATE/pid"
else
  c8k_log "no json-server running from $STATE"
fi
if [ "$purge" -eq 1 ] && [ -d "$STATE" ]; then
  c8k_log "removing $STATE"
  rm -rf "$STATE"
fi
