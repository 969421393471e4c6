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
# Each wasm goes through Binaryen's wasm-opt (www/node_modules) after
# wasm-bindgen: -O2 without inlining, to a fixed point. Inlining, -Os and
# -Oz all make the gzipped script larger on this crate (docs/browser.md,
# "Budgets").
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! www/node_modules/.package-lock.json -nt www/package-lock.json ]; then
  (cd www && npm ci --silent --no-audit --no-fund)
fi
wasm=target/wasm32-unknown-unknown/wasm-release/journeymap.wasm
# --low-memory-unused: Rust's wasm puts its 1 MiB stack first, growing down
# to address 0, and its data above it, so the low 1 KiB is never used (short
# of a stack overflow, which traps either way); wasm-opt may then fold more
# constant offsets into loads and stores, through locals too
# (--optimize-added-constants-propagate): about 410 bytes less gzipped.
wasm_opt=(-O2 --always-inline-max-function-size=0 --one-caller-inline-max-function-size=0
  --flexible-inline-max-function-size=0 --converge --strip-target-features --low-memory-unused
  --optimize-added-constants-propagate)
bindgen() {
  rm -rf "$1"
  wasm-bindgen --target no-modules --no-typescript \
    --remove-name-section --remove-producers-section \
    --out-dir "$1" "$wasm"
  # wasm-opt takes seconds: its output is kept in target/wasm-opt/, keyed by
  # its input and options.
  local out=$1/journeymap_bg.wasm key
  key=$({ cat "$out"; echo "${wasm_opt[*]}"; } | sha256sum | cut -c1-64)
  if [ ! -f "target/wasm-opt/$key.wasm" ]; then
    mkdir -p target/wasm-opt
    www/node_modules/.bin/wasm-opt "${wasm_opt[@]}" "$out" -o "target/wasm-opt/$key.tmp"
    mv "target/wasm-opt/$key.tmp" "target/wasm-opt/$key.wasm"
  fi
  cp "target/wasm-opt/$key.wasm" "$out"
}
# Cargo keeps one output file per profile: build and run wasm-bindgen in turn.
nice cargo build --quiet --lib --target wasm32-unknown-unknown --profile wasm-release --no-default-features
bindgen target/wasm-bindgen/core
nice cargo build --quiet --lib --target wasm32-unknown-unknown --profile wasm-release
bindgen target/wasm-bindgen/mermaid
node www/build.mjs target/wasm-bindgen/core target/wasm-bindgen/mermaid dist
for file in journeymap.js journeymap-mermaid.js journeymap-words.js; do
  echo "build-web: dist/$file is $(wc -c < "dist/$file") bytes, $(gzip -9 < "dist/$file" | wc -c) gzipped"
done
echo "build-web: budget for dist/journeymap.js: 153600 bytes gzipped"
