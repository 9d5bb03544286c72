#!/usr/bin/env bash
# Installs the Node baseline of the read benchmark (source.js on the faros-airbyte-cdk) into a
# scratch folder of the build: DEST (default benchmarks/target/node). Prints the folder on success.
# On failure it prints why on stderr and exits non-zero; run.sh then tells the harness, whose Node
# row reports the reason instead of a figure (the rest of the harness still runs).
#
# The versions are pinned in package.json: faros-airbyte-cdk 0.23.19 was the latest on npm
# (`npm view faros-airbyte-cdk version`) when the benchmark was written. The CDK requires commander,
# lodash and faros-js-client without declaring them (its monorepo provides them), so package.json
# lists them too. FAROS_CDK_VERSION=x.y.z installs another CDK version instead.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DEST="${1:-$HERE/../target/node}"
command -v node >/dev/null || { echo "node is not installed" >&2; exit 1; }
command -v npm >/dev/null || { echo "npm is not installed" >&2; exit 1; }
mkdir -p "$DEST"
cp "$HERE/source.js" "$HERE/package.json" "$DEST/"
cd "$DEST"
if [ -n "${FAROS_CDK_VERSION:-}" ]; then
  npm pkg set "dependencies.faros-airbyte-cdk=$FAROS_CDK_VERSION" >/dev/null
fi
want="$(node -p 'require("./package.json").dependencies["faros-airbyte-cdk"]')"
have="$(node -p 'try { require("faros-airbyte-cdk/package.json").version } catch (e) { "" }' 2>/dev/null || true)"
if [ "$have" != "$want" ] || [ ! -d node_modules/commander ]; then
  if ! out="$(timeout 300 npm install --no-audit --no-fund --no-package-lock --loglevel=error 2>&1)"; then
    echo "npm install failed: $(printf '%s' "$out" | tail -n 3 | tr '\n' ' ')" >&2
    exit 1
  fi
fi
node -e 'require("faros-airbyte-cdk")' 2>/dev/null || { echo "faros-airbyte-cdk does not load in $DEST" >&2; exit 1; }
echo "$DEST"
