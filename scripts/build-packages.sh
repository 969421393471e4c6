#!/usr/bin/env bash
# The npm package `journeymap` (packages/journeymap/), from what
# scripts/build-web.sh made: copies dist/'s ES modules, classic scripts and
# types into packages/journeymap/dist/, adds the Mermaid-enabled core's wasm
# and its wasm-bindgen glue (made a factory, as www/build.mjs does) for the
# synchronous Node entry `journeymap/sync`, and writes the crate's version
# (Cargo.toml) into package.json: the package's version is the crate's.
# `npm pack` in packages/journeymap/ then gives the tarball.
set -euo pipefail
cd "$(dirname "$0")/.."

out=packages/journeymap/dist
bindgen=target/wasm-bindgen/mermaid
rm -rf "$out"
mkdir -p "$out"
cp dist/journeymap.mjs dist/journeymap-mermaid.mjs dist/journeymap.js dist/journeymap-mermaid.js dist/journeymap.d.ts "$out/"
cp "$bindgen/journeymap_bg.wasm" "$out/journeymap-core.wasm"
grep -q '^let wasm_bindgen = (function(exports) {$' "$bindgen/journeymap.js" \
  || { echo "build-packages: $bindgen/journeymap.js is not wasm-bindgen --target no-modules output" >&2; exit 1; }
{
  echo "// wasm-bindgen's glue for dist/journeymap-core.wasm; each call gives a glue for one new instance."
  sed 's/^let wasm_bindgen = /export default () => /' "$bindgen/journeymap.js"
} > "$out/journeymap-core-glue.mjs"

version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -1)
node -e '
  const fs = require("fs");
  const [file, version] = process.argv.slice(1);
  const pkg = JSON.parse(fs.readFileSync(file, "utf8"));
  if (pkg.version !== version) {
    pkg.version = version;
    fs.writeFileSync(file, JSON.stringify(pkg, null, 2) + "\n");
  }
' packages/journeymap/package.json "$version"
echo "build-packages: packages/journeymap $version ($(du -sk "$out" | cut -f1) KiB in dist/)"
