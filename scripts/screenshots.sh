#!/usr/bin/env bash
# Renders every example and screenshots it in headless Chromium into
# dist/screenshots/NAME.png, to look at the maps as a reader sees them.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
mkdir -p dist/screenshots
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
for map in examples/*.json; do
  name=$(basename "$map" .json)
  svg="dist/screenshots/$name.svg"
  target/release/journeymap render "$map" -o "$svg" --theme light
  size=$(target/release/journeymap layout "$map" | python3 -c 'import json, math, sys; l = json.load(sys.stdin); print(math.ceil(l["width"]), math.ceil(l["height"]), sep=",")')
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --hide-scrollbars --window-size="$size" \
    --screenshot="dist/screenshots/$name.png" "file://$PWD/$svg" 2>/dev/null
  echo "dist/screenshots/$name.png ($size)"
done
