#!/usr/bin/env bash
# c8kit benchmarks: build once, run the whole-process harness, print one table, write
# benchmarks/results/latest.json. About 6-8 minutes on 2 cores; --smoke takes well under a minute.
#
#   bash benchmarks/run.sh                       # the full run: read, write, startup, memory, compile
#   bash benchmarks/run.sh --smoke               # tiny sizes, 1 run: does the harness work?
#   bash benchmarks/run.sh --only read,write --runs 3 --records 500000
#   bash benchmarks/run.sh --help                # every harness option
#   bash benchmarks/run.sh --jmh [JMH options]   # the JMH micro-benchmarks instead, e.g. --jmh RecordWrite -prof gc
#
# Environment:
#   C8KIT_BUILD_DIR=target   build folder of every module (as -Dc8kit.buildDir), also where the jars are taken from
#   SKIP_BUILD=1             use the jars already built
#   MVN_ARGS="-o"            extra Maven arguments for the build
#
# The build is `mvn -B -q package -DskipTests -pl benchmarks -am`: the runtime, the processor, the two
# example connectors (source-faker, destination-sqlite) and this module, nothing else.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${C8KIT_BUILD_DIR:-target}"
JAR="$ROOT/benchmarks/$BUILD_DIR/c8kit-benchmarks.jar"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  echo "building (mvn package -pl benchmarks -am, build dir $BUILD_DIR)..." >&2
  # shellcheck disable=SC2086
  (cd "$ROOT" && mvn -B -q package -DskipTests -Dc8kit.buildDir="$BUILD_DIR" -pl benchmarks -am ${MVN_ARGS:-})
fi
[ -f "$JAR" ] || { echo "no $JAR: build first (without SKIP_BUILD=1)" >&2; exit 1; }

if [ "${1:-}" = "--jmh" ]; then
  shift
  exec "$JAVA" -cp "$JAR" org.openjdk.jmh.Main "$@"
fi

cd "$ROOT"
exec "$JAVA" -jar "$JAR" --root "$ROOT" \
  --faker-jar "$ROOT/examples/source-faker/$BUILD_DIR/source-faker.jar" \
  --sqlite-jar "$ROOT/examples/destination-sqlite/$BUILD_DIR/destination-sqlite.jar" \
  "$@"
