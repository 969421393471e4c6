#!/usr/bin/env bash
# The browser embed: builds the crate for wasm32 (profile wasm-release, small
# rather than fast), runs wasm-bindgen (--target no-modules: its glue is a
# plain script, which one function scope turns into both the classic script
# and the ES module), and assembles dist/ with www/build.mjs:
#   dist/journeymap.js  dist/journeymap.mjs  dist/journeymap.d.ts
#   dist/index.html (gallery of examples/*.json)  dist/playground.html
# No wasm-opt: on this crate it makes the gzipped script larger, not smaller.
set -euo pipefail
cd "$(dirname "$0")/.."

out=target/wasm-bindgen
nice cargo build --quiet --lib --target wasm32-unknown-unknown --profile wasm-release
rm -rf "$out"
wasm-bindgen --target no-modules --no-typescript \
  --remove-name-section --remove-producers-section \
  --out-dir "$out" target/wasm32-unknown-unknown/wasm-release/journeymap.wasm
node www/build.mjs "$out" dist
size=$(gzip -9 < dist/journeymap.js | wc -c)
echo "build-web: dist/journeymap.js is $(wc -c < dist/journeymap.js) bytes, $size gzipped (budget 153600)"
