#!/usr/bin/env bash
# Brings up a Docker engine and the JRE base image the generated Dockerfiles build FROM, on a bare
# Debian 12 machine that cannot reach Docker Hub (CI and the developers' machines are such machines).
#
#   bash scripts/docker-up.sh [EXTRA_BASE_TAG...]
#
# 1. Installs docker.io and busybox-static (no recommends) when dockerd or /bin/busybox is missing.
# 2. Unless `docker info` already works, starts dockerd in the background with no bridge network and no
#    iptables/NAT changes, data under $C8KIT_DOCKER_STATE (default /tmp/c8kit-docker), its PID in
#    $STATE/dockerd.pid (scripts/docker-down.sh stops it by that PID).
# 3. Unless it exists, makes a stand-in for eclipse-temurin:17-jre from this machine's JDK (jlink'd JRE
#    with a CDS archive, the shared libraries it links, busybox as /bin/sh and friends, /etc/passwd,
#    /tmp 1777) and `docker import`s it under that tag, so `FROM eclipse-temurin:17-jre` resolves locally
#    and the generated Dockerfile builds unchanged. Extra tags (arguments, or C8KIT_BASE_IMAGES, space- or
#    comma-separated) are tagged to the same image.
# Idempotent: a second run while everything is up takes well under a second. Progress goes to stderr.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
C8K_TAG=docker-up
# shellcheck source=scripts/lib/common.sh
. "$SCRIPT_DIR/lib/common.sh"

# dockerd, runc and iptables live in sbin directories, which a CI environment's PATH may lack.
PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"
STATE="${C8KIT_DOCKER_STATE:-/tmp/c8kit-docker}"
PRIMARY_TAG="eclipse-temurin:17-jre"
# Bump when the root filesystem recipe below changes: an image this script built with an older recipe
# is then rebuilt. An image under the tag that this script did not build (a real one) is never replaced.
BASE_RECIPE=1
JRE_MODULES="java.base,java.logging,java.sql,java.naming,java.net.http,java.xml,java.management,java.security.jgss,jdk.unsupported,jdk.crypto.ec,jdk.zipfs"
BUSYBOX_APPLETS="sh ash mkdir cp mv rm ln ls cat echo printf env chmod chown chgrp touch grep egrep id whoami
  sed awk head tail cut tr wc sort uniq xargs find basename dirname readlink realpath pwd sleep date
  true false test [ [[ expr which mktemp tee uname hostname kill ps tar gzip gunzip"

start="$(c8k_now)"
work=""
cleanup() { if [ -n "$work" ]; then rm -rf "$work"; fi; }
trap cleanup EXIT
mkdir -p "$STATE"
# One docker-up at a time per state directory (two test runs may start together).
# (fd 9 is closed for dockerd below, or the daemon would hold the lock for its whole life.)
exec 9>"$STATE/up.lock"
flock -w 300 9 || c8k_die "another docker-up.sh holds $STATE/up.lock for over 300s"

# --- 1. packages -------------------------------------------------------------------------------------
missing=()
command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
[ -x /bin/busybox ] || missing+=(busybox-static)
if [ "${#missing[@]}" -gt 0 ]; then
  t="$(c8k_now)"
  c8k_apt_install "${missing[@]}"
  c8k_log "installed ${missing[*]} in $(c8k_elapsed "$t")"
fi
command -v docker >/dev/null 2>&1 || c8k_die "no docker client on PATH after installing docker.io"

# --- 2. the engine -----------------------------------------------------------------------------------
engine_up() { docker info >/dev/null 2>&1; }

if engine_up; then
  c8k_log "engine already answers (docker info)"
else
  pid_file="$STATE/dockerd.pid"
  log_file="$STATE/dockerd.log"
  old_pid="$(cat "$pid_file" 2>/dev/null || true)"
  if c8k_pid_is "$old_pid" dockerd; then
    c8k_log "dockerd $old_pid from an earlier start is running but not answering yet; waiting for it"
    pid="$old_pid"
  else
    rm -f "$pid_file"
    mkdir -p "$STATE/data"
    c8k_log "starting dockerd (data root $STATE/data, no bridge, no iptables), log $log_file"
    nohup dockerd --data-root "$STATE/data" --bridge=none --iptables=false --ip-masq=false \
      >"$log_file" 2>&1 </dev/null 9>&- &
    pid=$!
    echo "$pid" >"$pid_file"
  fi
  t="$(c8k_now)"
  for ((i = 0; i < 150; i++)); do
    engine_up && break
    if ! c8k_alive "$pid"; then
      c8k_log "dockerd (pid $pid) exited; last lines of $log_file:"
      tail -n 30 "$log_file" >&2 || true
      rm -f "$pid_file"
      exit 1
    fi
    sleep 0.2
  done
  if ! engine_up; then
    c8k_log "dockerd (pid $pid) did not answer within 30s; last lines of $log_file:"
    tail -n 30 "$log_file" >&2 || true
    exit 1
  fi
  # The containerd that dockerd launched for itself, so docker-down.sh can stop it if it outlives dockerd.
  cpid="$(cat /var/run/docker/containerd/containerd.pid 2>/dev/null || true)"
  if c8k_pid_is "$cpid" containerd; then echo "$cpid" >"$STATE/containerd.pid"; fi
  c8k_log "engine ready in $(c8k_elapsed "$t") (dockerd pid $pid)"
fi

# --- 3. the base image ---------------------------------------------------------------------------------
tags=("$PRIMARY_TAG")
extra_tags="${C8KIT_BASE_IMAGES:-}"
for t in ${extra_tags//,/ } "$@"; do
  if [ -n "$t" ] && [ "$t" != "$PRIMARY_TAG" ]; then tags+=("$t"); fi
done

image_id() { docker image inspect --format '{{.Id}}' "$1" 2>/dev/null; }
recipe_file="$STATE/base-image.recipe"
recipe="recipe=$BASE_RECIPE modules=$JRE_MODULES"

needs_build=1
if id="$(image_id "$PRIMARY_TAG")"; then
  needs_build=0
  # Rebuild only an image that this script made with an older recipe; keep any other image (e.g. a real
  # eclipse-temurin pulled on a machine that can).
  if [ -f "$recipe_file" ] && [ "$(sed -n 1p "$recipe_file")" = "$id" ] \
    && [ "$(sed -n 2p "$recipe_file")" != "$recipe" ]; then
    c8k_log "$PRIMARY_TAG was made with an older recipe: rebuilding"
    needs_build=1
  fi
fi

find_jdk() {
  local cand home
  for cand in "${C8KIT_JLINK_JDK:-}" "${JAVA_HOME:-}" \
    "$(dirname "$(dirname "$(readlink -f "$(command -v jlink 2>/dev/null || echo /nonexistent)")")")" \
    /usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/*17*; do
    home="$cand"
    [ -n "$home" ] && [ -x "$home/bin/jlink" ] && [ -d "$home/jmods" ] && { echo "$home"; return 0; }
  done
  return 1
}

build_base_image() {
  local jdk rootfs jre lib t0
  t0="$(c8k_now)"
  jdk="$(find_jdk)" || c8k_die "no JDK with bin/jlink and jmods/ found (set C8KIT_JLINK_JDK)"
  work="$(mktemp -d "$STATE/base.XXXXXX")"   # removed by cleanup on exit
  rootfs="$work/rootfs"
  jre="$rootfs/opt/java/openjdk"
  mkdir -p "$rootfs"/{bin,etc,tmp,root,usr/bin,opt/java}
  chmod 1777 "$rootfs/tmp"
  chmod 700 "$rootfs/root"

  c8k_log "jlink a JRE from $jdk ($JRE_MODULES)"
  local cds=()
  if "$jdk/bin/jlink" --list-plugins 2>/dev/null | grep -q -- '--generate-cds-archive'; then
    cds=(--generate-cds-archive)
  fi
  "$jdk/bin/jlink" --add-modules "$JRE_MODULES" --strip-debug --no-header-files --no-man-pages \
    "${cds[@]}" --output "$jre" >/dev/null
  # AppCDS (-XX:ArchiveClassesAtExit / -XX:SharedArchiveFile) needs the default CDS archive.
  if [ ! -f "$jre/lib/server/classes.jsa" ]; then
    c8k_log "no lib/server/classes.jsa from jlink: java -Xshare:dump"
    "$jre/bin/java" -Xshare:dump >/dev/null
  fi
  # Only used with heaps over 32 GB (no compressed oops): 11 MB saved.
  rm -f "$jre/lib/server/classes_nocoops.jsa"

  # Shared libraries: what ldd reports for the JRE's binaries and libraries, and busybox (normally
  # static), plus glibc's compatibility stubs that older native libraries still name (sqlite-jdbc's
  # libsqlitejdbc.so needs libpthread.so.0).
  local libs libc_dir
  libs="$( { find "$jre" -type f \( -name '*.so' -o -path '*/bin/*' \) -print0 | xargs -0 ldd 2>/dev/null
    ldd /bin/busybox 2>/dev/null; } | grep -o '/[^ ]*' | grep -v "^$jre/" | grep -v ':$' | sort -u || true)"
  libc_dir="$(dirname "$(echo "$libs" | grep '/libc\.so\.6$' | head -n 1)")"
  for lib in libpthread.so.0 libdl.so.2 librt.so.1; do
    if [ -e "$libc_dir/$lib" ]; then libs="$libs"$'\n'"$libc_dir/$lib"; fi
  done
  for lib in $(echo "$libs" | sort -u); do
    if [ -e "$lib" ]; then cp --parents -L "$lib" "$rootfs"; fi
  done
  c8k_log "shared libraries: $(echo "$libs" | sort -u | xargs -n1 basename | tr '\n' ' ')"

  cp -L /bin/busybox "$rootfs/bin/busybox"
  local applets
  applets="$(/bin/busybox --list)"
  for a in $BUSYBOX_APPLETS; do
    if grep -qxF -- "$a" <<<"$applets"; then ln -sf busybox "$rootfs/bin/$a"; fi
  done
  ln -sf ../../bin/busybox "$rootfs/usr/bin/env"

  printf 'root:x:0:0:root:/root:/bin/sh\n' >"$rootfs/etc/passwd"
  printf 'root:x:0:\n' >"$rootfs/etc/group"
  printf 'passwd: files\ngroup: files\nhosts: files dns\n' >"$rootfs/etc/nsswitch.conf"
  # glibc's C.UTF-8 locale (400 kB), so LANG=C.UTF-8 below takes effect and Java 17's default charset
  # is UTF-8 as in the real image (which sets en_US.UTF-8). Without it Java falls back to ASCII.
  if [ -d /usr/lib/locale/C.utf8 ]; then
    mkdir -p "$rootfs/usr/lib/locale"
    cp -a /usr/lib/locale/C.utf8 "$rootfs/usr/lib/locale/"
  else
    c8k_log "WARNING: /usr/lib/locale/C.utf8 missing: the image's Java default charset will be ASCII"
  fi

  c8k_log "docker import as $PRIMARY_TAG"
  tar -C "$rootfs" --numeric-owner -c . | docker import \
    -c 'ENV JAVA_HOME=/opt/java/openjdk' \
    -c 'ENV PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    -c 'ENV LANG=C.UTF-8' -c 'ENV LC_ALL=C.UTF-8' \
    -m "c8kit stand-in for $PRIMARY_TAG (jlink of $jdk)" - "$PRIMARY_TAG" >/dev/null
  printf '%s\n%s\n' "$(image_id "$PRIMARY_TAG")" "$recipe" >"$recipe_file"
  rm -rf "$work"
  work=""
  c8k_log "base image $PRIMARY_TAG built in $(c8k_elapsed "$t0")"
}

if [ "$needs_build" -eq 1 ]; then
  build_base_image
else
  c8k_log "base image $PRIMARY_TAG present"
fi
for t in "${tags[@]:1}"; do
  if ! image_id "$t" >/dev/null; then
    docker tag "$PRIMARY_TAG" "$t"
    c8k_log "tagged $PRIMARY_TAG as $t"
  fi
done

c8k_log "done in $(c8k_elapsed "$start")"
