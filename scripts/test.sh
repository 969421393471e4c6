#!/usr/bin/env bash
# Every test: formatting, lints, the Rust tests (unit, integration, golden,
# property), and the browser tests in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cargo fmt --all -- --check
cargo clippy --all-targets --quiet -- -D warnings
cargo clippy --lib --quiet --target wasm32-unknown-unknown --no-default-features -- -D warnings
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --quiet
cargo test --quiet
if [ -x scripts/test-browser.sh ]; then
  scripts/test-browser.sh
fi
