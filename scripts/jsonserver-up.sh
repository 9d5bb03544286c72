#!/usr/bin/env bash
# Starts a throwaway json-server (https://github.com/typicode/json-server, from the npm registry) for
# the HTTP source example (examples/source-jsonserver) and its tests, on a bare Debian 12 machine.
#
#   eval "$(bash scripts/jsonserver-up.sh)"     # or: . "$C8KIT_JSONSERVER_STATE/env" afterwards
#
# Installs Node.js and npm from the Debian packages when there is no npm, then json-server
# $C8KIT_JSONSERVER_VERSION (default 0.17.4: the 0.17 line paginates with _page/_limit and Link headers,
# filters with _gte and serves nested routes such as /posts/1/comments; 1.x changed all three) into
# $C8KIT_JSONSERVER_STATE/npm (default state dir /tmp/c8kit-jsonserver). Seeds db.json with
# scripts/jsonserver-seed.mjs, listens only on 127.0.0.1:$C8KIT_JSONSERVER_PORT (default 54340), writes
# `export C8KIT_JSONSERVER_URL=…` to $STATE/env and prints it on stdout; progress goes to stderr.
# Idempotent: a running server that answers is kept. Stop: scripts/jsonserver-down.sh.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
C8K_TAG=jsonserver-up
# shellcheck source=scripts/lib/common.sh
. "$SCRIPT_DIR/lib/common.sh"

STATE="${C8KIT_JSONSERVER_STATE:-/tmp/c8kit-jsonserver}"
PORT="${C8KIT_JSONSERVER_PORT:-54340}"
VERSION="${C8KIT_JSONSERVER_VERSION:-0.17.4}"
HOST=127.0.0.1
URL="http://$HOST:$PORT"
[[ "$PORT" =~ ^[0-9]+$ ]] || c8k_die "C8KIT_JSONSERVER_PORT must be a number: '$PORT'"
mkdir -p "$STATE"
start="$(c8k_now)"

answers() { curl -fsS -o /dev/null --max-time 2 "$URL/users?_limit=1" 2>/dev/null; }

write_env() {
  printf 'export C8KIT_JSONSERVER_URL=%s\nexport C8KIT_JSONSERVER_STATE=%s\n' "$URL" "$STATE" >"$STATE/env"
  cat "$STATE/env"
}

if [ -f "$STATE/pid" ] && c8k_pid_is "$(cat "$STATE/pid")" node && answers; then
  c8k_log "json-server already running at $URL (pid $(cat "$STATE/pid"))"
  write_env
  exit 0
fi
if (exec 3<>"/dev/tcp/$HOST/$PORT") 2>/dev/null; then
  c8k_die "port $PORT on $HOST is taken by another program; set C8KIT_JSONSERVER_PORT"
fi

if ! command -v npm >/dev/null 2>&1; then
  c8k_apt_install nodejs npm
fi
command -v curl >/dev/null 2>&1 || c8k_apt_install curl ca-certificates
BIN="$STATE/npm/node_modules/json-server/lib/cli/bin.js"
installed="$(node -p "require('$STATE/npm/node_modules/json-server/package.json').version" 2>/dev/null || true)"
if [ "$installed" != "$VERSION" ]; then
  t="$(c8k_now)"
  c8k_log "npm install json-server@$VERSION"
  mkdir -p "$STATE/npm"
  npm install --prefix "$STATE/npm" --no-audit --no-fund --loglevel=error "json-server@$VERSION" >"$STATE/npm.log" 2>&1 \
    || { tail -n 20 "$STATE/npm.log" >&2; c8k_die "npm install json-server@$VERSION failed"; }
  c8k_log "installed json-server $VERSION in $(c8k_elapsed "$t")"
fi

# A fresh database every start: the tests count on the seeded data, not on what a previous run left.
node "$SCRIPT_DIR/jsonserver-seed.mjs" "$STATE/db.json" \
  "${C8KIT_JSONSERVER_USERS:-40}" "${C8KIT_JSONSERVER_POSTS:-120}" "${C8KIT_JSONSERVER_COMMENTS:-300}" 7

nohup node "$BIN" --host "$HOST" --port "$PORT" --quiet "$STATE/db.json" >"$STATE/server.log" 2>&1 &
echo $! >"$STATE/pid"
for _ in $(seq 1 100); do
  answers && break
  c8k_alive "$(cat "$STATE/pid")" || { tail -n 20 "$STATE/server.log" >&2; c8k_die "json-server exited at start"; }
  sleep 0.1
done
answers || { tail -n 20 "$STATE/server.log" >&2; c8k_die "json-server does not answer at $URL"; }
c8k_log "json-server $VERSION at $URL (pid $(cat "$STATE/pid")) ready in $(c8k_elapsed "$start")"
write_env
