#!/usr/bin/env bash
# journeymap against Mermaid in the same headless Chromium, in one command
# (see BENCHMARKS.md):
#
#   bench/run.sh [--quick] [--profile] [--only compare,payload,cold,memory]
#
# Runs scripts/setup.sh (Chromium, the wasm target, wasm-bindgen-cli), installs
# bench/'s npm packages (npm ci, from bench/package-lock.json: the pinned
# mermaid and playwright-core), builds dist/ with scripts/build-web.sh
# if it is missing, and target/release/journeymap (used to check that both
# tools get the same content) if it is missing, then runs bench/bench.mjs in
# Debian's /usr/bin/chromium. The report goes to stdout and to
# target/bench/report.md, every figure to target/bench/results.json.
# Not part of the tests; takes about ten minutes (--quick: about one).
set -euo pipefail
cd "$(dirname "$0")/.."

# Chromium, the wasm target and wasm-bindgen-cli on a fresh machine (each
# step skipped when already there).
scripts/setup.sh
if [ ! -f bench/node_modules/.package-lock.json ] || [ bench/package-lock.json -nt bench/node_modules/.package-lock.json ]; then
  (cd bench && nice npm ci --no-audit --no-fund --loglevel=error)
fi
if [ ! -f dist/journeymap.js ]; then
  scripts/build-web.sh
fi
if [ ! -x target/release/journeymap ]; then
  nice cargo build --quiet --release --bin journeymap ||
    echo "bench/run.sh: no target/release/journeymap; the maps will not be checked against import-mermaid" >&2
fi
mkdir -p target/bench
nice node bench/bench.mjs --json target/bench/results.json "$@" | tee target/bench/report.md
