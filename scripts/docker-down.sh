#!/usr/bin/env bash
# Stops the Docker engine that scripts/docker-up.sh started, and only that one: by the PID it recorded
# in $C8KIT_DOCKER_STATE/dockerd.pid (default /tmp/c8kit-docker), never by process name, so another
# engine on the machine is left alone. Also stops the containerd that dockerd launched, by its recorded
# PID, if it outlives dockerd. Images stay in $STATE/data, so the next docker-up.sh is fast.
#
#   bash scripts/docker-down.sh [--purge]    # --purge also deletes $STATE (images, layers, logs)
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
C8K_TAG=docker-down
# shellcheck source=scripts/lib/common.sh
. "$SCRIPT_DIR/lib/common.sh"

STATE="${C8KIT_DOCKER_STATE:-/tmp/c8kit-docker}"
purge="$(c8k_purge_flag docker-down.sh "$@")"

start="$(c8k_now)"
pid_file="$STATE/dockerd.pid"
cpid_file="$STATE/containerd.pid"
pid="$(cat "$pid_file" 2>/dev/null || true)"
cpid="$(cat "$cpid_file" 2>/dev/null || true)"

if [ -z "$pid" ]; then
  c8k_log "no $pid_file: no engine started by docker-up.sh with this state directory"
elif c8k_pid_is "$pid" dockerd; then
  c8k_stop_pid "$pid" dockerd 20
  c8k_log "dockerd stopped in $(c8k_elapsed "$start")"
else
  c8k_log "dockerd $pid is no longer running"
fi
# dockerd normally stops its containerd itself; this is for one left behind (e.g. after a crash).
if [ -n "$cpid" ] && c8k_pid_is "$cpid" containerd; then
  c8k_stop_pid "$cpid" containerd 10
fi
rm -f "$pid_file" "$cpid_file"

if [ "$purge" -eq 1 ] && [ -d "$STATE" ]; then
  c8k_log "removing $STATE"
  # Layers may sit on overlay mounts that a killed daemon left behind.
  if [ -d "$STATE/data" ]; then
    { grep -o " $STATE/data[^ ]*" /proc/mounts || true; } | sort -r | while read -r m; do
      umount "$m" 2>/dev/null || true
    done
  fi
  rm -rf "$STATE"
fi
