#!/usr/bin/env bash
# The browser embed: builds the crate for wasm32 twice (profile wasm-release,
# small rather than fast), runs wasm-bindgen on each (--target no-modules:
# its glue is a plain script, which www/build.mjs makes a module of), and
# assembles dist/ with www/build.mjs, which bundles the shell's ES modules
# (www/src/) with esbuild, minified, into:
#   - the core, without the `mermaid` and `all-languages` features (its
#     built-in words are English only):
#       dist/journeymap.js  dist/journeymap.mjs  dist/journeymap.d.ts
#   - the words of the other languages, loaded by the core on the first map
#     in one (src/i18n/words/*.json, minified):
#       dist/journeymap-words.js  dist/journeymap-words.mjs
#   - the Mermaid importer, with it (default features), loaded by the core on
#     the first JourneyMap.fromMermaid call:
#       dist/journeymap-mermaid.js  dist/journeymap-mermaid.mjs
#   - dist/index.html (gallery of examples/*.json)  dist/playground.html
# No wasm-opt: on this crate it makes the gzipped script larger, not smaller.
set -euo pipefail
cd "$(dirname "$0")/.."

wasm=target/wasm32-unknown-unknown/wasm-release/journeymap.wasm
bindgen() {
  rm -rf "$1"
  wasm-bindgen --target no-modules --no-typescript \
    --remove-name-section --remove-producers-section \
    --out-dir "$1" "$wasm"
}
# Cargo keeps one output file per profile: build and run wasm-bindgen in turn.
nice cargo build --quiet --lib --target wasm32-unknown-unknown --profile wasm-release --no-default-features
bindgen target/wasm-bindgen/core
nice cargo build --quiet --lib --target wasm32-unknown-unknown --profile wasm-release
bindgen target/wasm-bindgen/mermaid
if [ ! www/node_modules/.package-lock.json -nt www/package-lock.json ]; then
  (cd www && npm ci --silent --no-audit --no-fund)
fi
node www/build.mjs target/wasm-bindgen/core target/wasm-bindgen/mermaid dist
for file in journeymap.js journeymap-mermaid.js journeymap-words.js; do
  echo "build-web: dist/$file is $(wc -c < "dist/$file") bytes, $(gzip -9 < "dist/$file" | wc -c) gzipped"
done
echo "build-web: budget for dist/journeymap.js: 153600 bytes gzipped"
