#!/usr/bin/env bash
# The demo: builds the CLI, checks and renders every bundled example to
# SVG under dist/examples/, builds the browser embed into dist/, and the npm
# package journeymap from it into packages/journeymap/dist/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cargo build --release --quiet
mkdir -p dist/examples
for map in examples/*.json; do
  name=$(basename "$map" .json)
  target/release/journeymap check "$map"
  target/release/journeymap render "$map" -o "dist/examples/$name.svg"
  echo "rendered $map -> dist/examples/$name.svg"
done
if [ -x scripts/build-web.sh ]; then
  scripts/build-web.sh
fi
scripts/build-packages.sh
