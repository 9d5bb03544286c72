# shellcheck shell=bash
# Helpers shared by the scripts in scripts/: progress lines on stderr and a quiet, idempotent
# apt-get install for a bare Debian machine (CI starts from one and must install what it needs).
# Source it; it defines functions only and changes no shell options.

c8k_log() { printf '[%s] %s\n' "${C8K_TAG:-c8kit}" "$*" >&2; }

c8k_die() { c8k_log "ERROR: $*"; exit 1; }

# Seconds since the epoch with a fraction, for the timing lines.
c8k_now() { date +%s.%N; }

# c8k_elapsed START -> "1.23s"
c8k_elapsed() { awk -v s="$1" -v e="$(c8k_now)" 'BEGIN { printf "%.2fs", e - s }'; }

# c8k_apt_install PKG... : apt-get update once, then install without recommends.
# Package maintainer scripts must not start services (there is no init system, and a default dockerd
# or PostgreSQL cluster is not wanted): a policy-rc.d that forbids it is put in place for the install
# if the machine has none, and removed again.
c8k_apt_install() {
  [ "$(id -u)" -eq 0 ] || c8k_die "installing $* needs root (or install it yourself)"
  local policy=/usr/sbin/policy-rc.d made_policy=0 rc=0
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod 755 "$policy" && made_policy=1
  fi
  local log
  log="$(mktemp /tmp/c8kit-apt.XXXXXX)"
  c8k_log "apt-get update"
  DEBIAN_FRONTEND=noninteractive apt-get update -q >"$log" 2>&1 || rc=$?
  if [ "$rc" -eq 0 ]; then
    c8k_log "apt-get install --no-install-recommends $*"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >>"$log" 2>&1 || rc=$?
  fi
  [ "$made_policy" -eq 0 ] || rm -f "$policy"
  if [ "$rc" -ne 0 ]; then
    tail -n 25 "$log" >&2
    rm -f "$log"
    c8k_die "apt-get failed (exit $rc) installing: $*"
  fi
  rm -f "$log"
}

# c8k_alive PID : true while PID runs (a zombie left to an init that does not reap counts as gone).
c8k_alive() {
  local pid="$1" state
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  state="$(awk '/^State:/ { print $2 }' "/proc/$pid/status" 2>/dev/null || true)"
  [ "$state" != "Z" ]
}

# c8k_pid_is PID NAME : true when PID runs and its command name is NAME (guards against PID reuse).
c8k_pid_is() {
  local pid="$1" name="$2" comm
  c8k_alive "$pid" || return 1
  comm="$(cat "/proc/$pid/comm" 2>/dev/null || true)"
  [ "$comm" = "$name" ]
}

# c8k_stop_pid PID NAME SECONDS : SIGTERM, wait up to SECONDS, then SIGKILL. Only if PID is NAME.
c8k_stop_pid() {
  local pid="$1" name="$2" secs="$3" i
  c8k_pid_is "$pid" "$name" || return 0
  c8k_log "stopping $name (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < secs * 5; i++)); do
    c8k_alive "$pid" || return 0
    sleep 0.2
  done
  c8k_log "$name (pid $pid) still running after ${secs}s: SIGKILL"
  kill -KILL "$pid" 2>/dev/null || true
  sleep 0.2
}

# The only flag of the *-down.sh scripts: prints 1 for --purge, 0 without; any other argument is fatal.
#   purge="$(c8k_purge_flag docker-down.sh "$@")"   (under set -e a fatal one stops the caller too)
c8k_purge_flag() {
  local script="$1" purge=0 arg
  shift
  for arg in "$@"; do
    case "$arg" in
      --purge) purge=1 ;;
      *) c8k_die "unknown argument: $arg (usage: $script [--purge])" ;;
    esac
  done
  echo "$purge"
}
