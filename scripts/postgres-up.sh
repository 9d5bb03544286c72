#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the tests that need a real database (the PostgreSQL source
# and destination examples, the e2e tests), on a bare Debian 12 machine with no init system.
#
#   eval "$(bash scripts/postgres-up.sh)"     # or: . "$C8KIT_PG_STATE/env" afterwards
#
# Installs the Debian postgresql package when no initdb/pg_ctl can be found. Creates a cluster in
# $C8KIT_PG_STATE/data (default /tmp/c8kit-pg) owned by a non-root OS user (postgres, else a system
# user c8kit-pg), listening only on 127.0.0.1:$C8KIT_PG_PORT (default 54329) and no Unix socket, with
# scram-sha-256 password login for the superuser $C8KIT_PG_USER / $C8KIT_PG_PASSWORD (c8kit/c8kit) and a
# database $C8KIT_PG_DATABASE (c8kit); durability is off (fsync, full_page_writes, synchronous_commit)
# because the data is disposable. TLS is on, with a throwaway CA and a server certificate for 127.0.0.1
# and localhost, so that the SSL modes of the PostgreSQL examples are tested against a real handshake
# (the CA certificate's path is C8KIT_PG_SSL_CA; plain connections keep working). Writes the connection facts to $STATE/env as shell export lines and
# prints them on stdout; progress goes to stderr. Idempotent: a running server is kept (restarted only
# if its settings changed) and a stopped one is restarted with its data. Stop: scripts/postgres-down.sh.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
C8K_TAG=postgres-up
# shellcheck source=scripts/lib/common.sh
. "$SCRIPT_DIR/lib/common.sh"

# runuser and useradd live in sbin directories, which a CI environment's PATH may lack.
PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"
STATE="${C8KIT_PG_STATE:-/tmp/c8kit-pg}"
PORT="${C8KIT_PG_PORT:-54329}"
PGUSER_NAME="${C8KIT_PG_USER:-c8kit}"
PGPASS="${C8KIT_PG_PASSWORD:-c8kit}"
PGDB="${C8KIT_PG_DATABASE:-c8kit}"
HOST=127.0.0.1
DATA="$STATE/data"
LOG="$STATE/postgres.log"

for name in "$PGUSER_NAME" "$PGDB"; do
  [[ "$name" =~ ^[a-z_][a-z0-9_]*$ ]] || c8k_die "user and database names must match [a-z_][a-z0-9_]*: '$name'"
done
[[ "$PORT" =~ ^[0-9]+$ ]] || c8k_die "C8KIT_PG_PORT must be a number: '$PORT'"

start="$(c8k_now)"

# --- binaries ------------------------------------------------------------------------------------------
find_pg_bin() {
  local d
  if d="$(command -v pg_ctl 2>/dev/null)"; then
    d="$(dirname "$(readlink -f "$d")")"
    if [ -x "$d/initdb" ] && [ -x "$d/postgres" ]; then echo "$d"; return 0; fi
  fi
  # Debian keeps them out of PATH, one directory per major version: take the newest.
  d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  if [ -n "$d" ] && [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then echo "$d"; return 0; fi
  return 1
}
if ! PGBIN="$(find_pg_bin)"; then
  t="$(c8k_now)"
  c8k_apt_install postgresql
  c8k_log "installed postgresql in $(c8k_elapsed "$t")"
  PGBIN="$(find_pg_bin)" || c8k_die "no initdb/pg_ctl under /usr/lib/postgresql/*/bin after installing postgresql"
fi
PSQL="$PGBIN/psql"
[ -x "$PSQL" ] || PSQL="$(command -v psql)" || c8k_die "no psql found"
PG_ISREADY="$PGBIN/pg_isready"
[ -x "$PG_ISREADY" ] || PG_ISREADY="$(command -v pg_isready)" || c8k_die "no pg_isready found"
major="$("$PGBIN/initdb" --version | grep -o '[0-9][0-9]*' | head -n 1)"

# --- the OS user that owns the cluster (the server refuses to run as root) ---------------------------
RUNUSER="$(command -v runuser || echo /usr/sbin/runuser)"
if [ "$(id -u)" -eq 0 ]; then
  if id -u postgres >/dev/null 2>&1; then
    OS_USER=postgres
  else
    OS_USER=c8kit-pg
    if ! id -u "$OS_USER" >/dev/null 2>&1; then
      c8k_log "creating system user $OS_USER"
      "$(command -v useradd || echo /usr/sbin/useradd)" --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$OS_USER"
    fi
  fi
  as_owner() { "$RUNUSER" -u "$OS_USER" -- "$@"; }
else
  OS_USER="$(id -un)"
  as_owner() { "$@"; }
fi

mkdir -p "$STATE"
# One postgres-up at a time per state directory (fd 9 is closed for the server below).
exec 9>"$STATE/up.lock"
flock -w 120 9 || c8k_die "another postgres-up.sh holds $STATE/up.lock for over 120s"
[ "$(id -u)" -ne 0 ] || chown "$OS_USER" "$STATE"
chmod 755 "$STATE"
cd "$STATE"   # the server user must be able to read its working directory

running() { as_owner "$PGBIN/pg_ctl" status -D "$DATA" >/dev/null 2>&1; }

# --- the cluster ---------------------------------------------------------------------------------------
if [ -f "$DATA/PG_VERSION" ] && [ "$(cat "$DATA/PG_VERSION")" != "$major" ]; then
  if running; then as_owner "$PGBIN/pg_ctl" stop -D "$DATA" -m immediate -w >/dev/null 2>&1 || true; fi
  c8k_log "$DATA is from PostgreSQL $(cat "$DATA/PG_VERSION"), server is $major: re-creating"
  rm -rf "$DATA"
fi
if [ ! -f "$DATA/PG_VERSION" ]; then
  t="$(c8k_now)"
  c8k_log "initdb $DATA (PostgreSQL $major, superuser $PGUSER_NAME, owner $OS_USER)"
  rm -rf "$DATA"
  pwfile="$STATE/.pwfile"
  printf '%s\n' "$PGPASS" >"$pwfile"
  [ "$(id -u)" -ne 0 ] || chown "$OS_USER" "$pwfile"
  chmod 600 "$pwfile"
  if ! as_owner "$PGBIN/initdb" -D "$DATA" -U "$PGUSER_NAME" --pwfile="$pwfile" -E UTF8 --no-locale \
    --auth-host=scram-sha-256 --auth-local=scram-sha-256 --no-sync --no-instructions >"$STATE/initdb.log" 2>&1; then
    rm -f "$pwfile"
    tail -n 20 "$STATE/initdb.log" >&2
    c8k_die "initdb failed (log $STATE/initdb.log)"
  fi
  rm -f "$pwfile"
  echo "include_if_exists = 'c8kit.conf'" >>"$DATA/postgresql.conf"
  c8k_log "initdb done in $(c8k_elapsed "$t")"
fi

# --- TLS -------------------------------------------------------------------------------------------------
# A CA made here and a server certificate it signs, for 127.0.0.1 and localhost (verify-full checks the
# host name against the subject alternative names). Made once per cluster; the CA stays in $STATE/ssl.
SSL_DIR="$STATE/ssl"
if [ ! -s "$DATA/server.crt" ] || [ ! -s "$DATA/server.key" ] || [ ! -s "$SSL_DIR/ca.crt" ]; then
  if ! command -v openssl >/dev/null 2>&1; then
    t="$(c8k_now)"
    c8k_apt_install openssl
    c8k_log "installed openssl in $(c8k_elapsed "$t")"
  fi
  t="$(c8k_now)"
  rm -rf "$SSL_DIR"
  mkdir -p "$SSL_DIR"
  {
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=c8kit test CA" \
      -keyout "$SSL_DIR/ca.key" -out "$SSL_DIR/ca.crt"
    openssl req -newkey rsa:2048 -nodes -subj "/CN=$HOST" \
      -keyout "$SSL_DIR/server.key" -out "$SSL_DIR/server.csr"
    printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n' >"$SSL_DIR/server.ext"
    openssl x509 -req -in "$SSL_DIR/server.csr" -CA "$SSL_DIR/ca.crt" -CAkey "$SSL_DIR/ca.key" \
      -CAcreateserial -days 3650 -extfile "$SSL_DIR/server.ext" -out "$SSL_DIR/server.crt"
  } >"$SSL_DIR/openssl.log" 2>&1 || { tail -n 20 "$SSL_DIR/openssl.log" >&2; c8k_die "making the TLS certificates failed"; }
  install -m 600 "$SSL_DIR/server.key" "$DATA/server.key"
  install -m 644 "$SSL_DIR/server.crt" "$DATA/server.crt"
  if [ "$(id -u)" -eq 0 ]; then chown "$OS_USER" "$DATA/server.key" "$DATA/server.crt"; fi
  chmod 644 "$SSL_DIR/ca.crt"
  rm -f "$DATA/c8kit.conf" # forces the restart below, which loads the new certificate
  c8k_log "made a test CA and a server certificate for $HOST in $(c8k_elapsed "$t")"
fi

# Settings rewritten on every run, so a changed port takes effect (by a restart) without a new cluster.
conf="$(cat <<EOF
# Written by scripts/postgres-up.sh on every run.
listen_addresses = '$HOST'
port = $PORT
unix_socket_directories = ''
fsync = off
full_page_writes = off
synchronous_commit = off
ssl = on
ssl_cert_file = 'server.crt'
ssl_key_file = 'server.key'
EOF
)"
conf_changed=0
if [ "$(cat "$DATA/c8kit.conf" 2>/dev/null || true)" != "$conf" ]; then
  printf '%s\n' "$conf" >"$DATA/c8kit.conf"
  [ "$(id -u)" -ne 0 ] || chown "$OS_USER" "$DATA/c8kit.conf"
  conf_changed=1
fi

if running; then
  if [ "$conf_changed" -eq 1 ]; then
    c8k_log "settings changed: restarting the server"
    as_owner "$PGBIN/pg_ctl" restart -D "$DATA" -m fast -w -t 60 -l "$LOG" >/dev/null 9>&-
  else
    c8k_log "server already running ($DATA)"
  fi
else
  # A server killed without a clean stop leaves postmaster.pid behind; pg_ctl copes with a stale one.
  t="$(c8k_now)"
  c8k_log "starting the server on $HOST:$PORT, log $LOG"
  if ! as_owner "$PGBIN/pg_ctl" start -D "$DATA" -w -t 60 -l "$LOG" >/dev/null 9>&-; then
    tail -n 20 "$LOG" >&2 || true
    c8k_die "the server did not start (port $PORT taken? see $LOG)"
  fi
  c8k_log "server started in $(c8k_elapsed "$t")"
fi

ready=0
for ((i = 0; i < 150; i++)); do
  if "$PG_ISREADY" -q -h "$HOST" -p "$PORT" -t 1; then ready=1; break; fi
  sleep 0.2
done
if [ "$ready" -ne 1 ]; then
  tail -n 20 "$LOG" >&2 || true
  c8k_die "pg_isready: no answer on $HOST:$PORT within 30s"
fi

# --- the database --------------------------------------------------------------------------------------
sql() { PGPASSWORD="$PGPASS" PGCONNECT_TIMEOUT=10 "$PSQL" -X -q -v ON_ERROR_STOP=1 -h "$HOST" -p "$PORT" -U "$PGUSER_NAME" "$@"; }
if ! exists="$(sql -d postgres -tAc "select 1 from pg_database where datname = '$PGDB'" 2>"$STATE/psql.err")"; then
  cat "$STATE/psql.err" >&2
  c8k_die "cannot log in as $PGUSER_NAME (a cluster made with other credentials? run: bash scripts/postgres-down.sh --purge)"
fi
if [ "$exists" != "1" ]; then
  sql -d postgres -c "create database \"$PGDB\""
  c8k_log "created database $PGDB"
fi
rm -f "$STATE/psql.err"

# --- the connection facts ------------------------------------------------------------------------------
{
  echo "# Written by scripts/postgres-up.sh; source it to reach the test server."
  printf 'export C8KIT_PG_HOST=%q C8KIT_PG_PORT=%q C8KIT_PG_USER=%q C8KIT_PG_PASSWORD=%q C8KIT_PG_DATABASE=%q\n' \
    "$HOST" "$PORT" "$PGUSER_NAME" "$PGPASS" "$PGDB"
  printf 'export C8KIT_PG_JDBC_URL=%q\n' "jdbc:postgresql://$HOST:$PORT/$PGDB"
  printf 'export C8KIT_PG_SSL_CA=%q\n' "$SSL_DIR/ca.crt"
} >"$STATE/env.tmp"
mv -f "$STATE/env.tmp" "$STATE/env"
chmod 644 "$STATE/env"
grep '^export' "$STATE/env"
c8k_log "ready: postgresql://$PGUSER_NAME@$HOST:$PORT/$PGDB (env in $STATE/env) in $(c8k_elapsed "$start")"
