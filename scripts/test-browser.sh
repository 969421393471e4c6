#!/usr/bin/env bash
# The browser tests: builds dist/ (scripts/build-web.sh; cargo makes this
# quick when nothing changed) and a test build, then runs tests/browser/*.test.mjs with
# node's test runner in Debian's headless Chromium, one file at a time
# (each starts its own browser; two cores are not enough for more).
# Exits non-zero when a test fails.
#
# The load-time figure is measured separately: node tests/browser/measure.mjs
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/build-web.sh
# A test build of the core that traps on demand (the crate's `trap-test`
# feature), for the test of the shell's recovery: into target/test-dist/,
# never dist/. The dev profile keeps it out of the way of dist/'s builds.
nice cargo build --quiet --lib --target wasm32-unknown-unknown --no-default-features --features trap-test
rm -rf target/wasm-bindgen/trap-test
wasm-bindgen --target no-modules --no-typescript --out-dir target/wasm-bindgen/trap-test \
  target/wasm32-unknown-unknown/debug/journeymap.wasm
node www/build.mjs target/wasm-bindgen/trap-test target/wasm-bindgen/mermaid target/test-dist
if [ ! -d tests/browser/node_modules/playwright-core ] || [ ! -d tests/browser/node_modules/axe-core ]; then
  (cd tests/browser && npm ci --silent --no-audit --no-fund)
fi
node --test --test-concurrency=1 tests/browser/*.test.mjs
