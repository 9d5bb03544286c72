#!/usr/bin/env bash
# c8kit benchmarks: build once, install the Node baseline (npm), run the whole-process harness, print
# one table, write benchmarks/results/latest.json. About 8-10 minutes on 2 cores; --smoke takes about a minute.
#
#   bash benchmarks/run.sh                       # the full run: read, node, scaling, streams, write, startup, memory, compile
#   bash benchmarks/run.sh --smoke               # tiny sizes, 1 run: does the harness work?
#   bash benchmarks/run.sh --only read,write --runs 3 --records 500000
#   bash benchmarks/run.sh --help                # every harness option
#   bash benchmarks/run.sh --jmh [JMH options]   # the JMH micro-benchmarks instead, e.g. --jmh RecordWrite -prof gc
#
# Environment:
#   C8KIT_BUILD_DIR=target   build folder of every module (as -Dc8kit.buildDir), also where the jars are taken from
#   SKIP_BUILD=1             use the jars already built
#   MVN_ARGS="-o"            extra Maven arguments for the build
#   SKIP_NODE=1              do not install or run the Node baseline (its row says so)
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

# The Node baseline (faros-airbyte-cdk) goes into the build folder, never into the source tree. If it
# cannot be installed, the harness still runs and the Node row reports why.
NODE_ARGS=()
if [ "${SKIP_NODE:-0}" = 1 ]; then
  NODE_ARGS=(--node-unavailable "SKIP_NODE=1")
else
  echo "installing the Node baseline (benchmarks/node/install.sh)..." >&2
  if NODE_ERR="$(bash "$ROOT/benchmarks/node/install.sh" "$ROOT/benchmarks/$BUILD_DIR/node" 2>&1 >/dev/null)"; then
    NODE_ARGS=(--node-dir "$ROOT/benchmarks/$BUILD_DIR/node")
  else
    echo "Node baseline not installed: $NODE_ERR" >&2
    NODE_ARGS=(--node-unavailable "${NODE_ERR:-install.sh failed}")
  fi
fi

cd "$ROOT"
exec "$JAVA" -jar "$JAR" --root "$ROOT" \
  --faker-jar "$ROOT/examples/source-faker/$BUILD_DIR/source-faker.jar" \
  --sqlite-jar "$ROOT/examples/destination-sqlite/$BUILD_DIR/destination-sqlite.jar" \
  "${NODE_ARGS[@]}" "$@"
