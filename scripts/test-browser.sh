#!/usr/bin/env bash
# The browser tests: builds dist/ (scripts/build-web.sh; cargo makes this
# quick when nothing changed), then runs tests/browser/*.test.mjs with
# node's test runner in Debian's headless Chromium, one file at a time
# (each starts its own browser; two cores are not enough for more).
# Exits non-zero when a test fails.
#
# The load-time figure is measured separately: node tests/browser/measure.mjs
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/build-web.sh
if [ ! -d tests/browser/node_modules/playwright-core ] || [ ! -d tests/browser/node_modules/axe-core ]; then
  (cd tests/browser && npm ci --silent --no-audit --no-fund)
fi
node --test --test-concurrency=1 tests/browser/*.test.mjs
