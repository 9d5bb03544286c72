#!/usr/bin/env bash
# The main job: build c8kit and run a real pipeline, source-faker read | destination-sqlite write,
# into an embedded SQLite file. Rerun it to see an incremental sync resume from the saved state.
#
#   bash scripts/demo.sh                 # build, then sync 1000 users (+ products, purchases)
#   COUNT=100000 bash scripts/demo.sh    # more data
#   SKIP_BUILD=1 bash scripts/demo.sh    # rerun without rebuilding (incremental)
#   RESET=1 bash scripts/demo.sh         # forget the state and the SQLite file first
#
# Adapt it: any source/destination jar (or Docker image) and config files work with the same runner,
# see `java -jar examples/pipeline/target/c8kit-pipeline.jar --help`.
set -euo pipefail
cd "$(dirname "$0")/.."

COUNT="${COUNT:-1000}"
WORK="${WORK:-.c8kit/demo}"
SQLITE_FILE="$WORK/faker.sqlite"

if [ "${SKIP_BUILD:-0}" != "1" ]; then
  echo "Building c8kit (mvn -B install -DskipTests, about 90 s; one line per module) ..." >&2
  # Not -q: a quiet build prints nothing for a minute and a half. Only Maven's module headers are shown.
  mvn -B -ntp install -DskipTests | grep --line-buffered -E '^\[INFO\] Building |BUILD|ERROR' >&2
fi

if [ "${RESET:-0}" = "1" ]; then
  rm -rf "$WORK"
fi
mkdir -p "$WORK"
cat > "$WORK/source-config.json" <<JSON
{"count": $COUNT, "seed": 42, "records_per_slice": 1000, "always_updated": false}
JSON
cat > "$WORK/destination-config.json" <<JSON
{"destination_path": "$SQLITE_FILE"}
JSON

exec java -jar examples/pipeline/target/c8kit-pipeline.jar \
  --source examples/source-faker/target/source-faker.jar \
  --source-config "$WORK/source-config.json" \
  --destination examples/destination-sqlite/target/destination-sqlite.jar \
  --destination-config "$WORK/destination-config.json" \
  --workdir "$WORK"
