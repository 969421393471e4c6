#!/usr/bin/env bash
# Every test: formatting, lints, the Rust tests (unit, integration, golden,
# property), the shell's pure JS (node --test tests/js/, no browser), the
# browser tests in headless Chromium, and the static-site packages' tests
# (without a browser).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
# On a set-up machine setup installs nothing and says nothing.
again=$(scripts/setup.sh 2>&1)
if [ -n "$again" ]; then
  echo "test: scripts/setup.sh did work on a set-up machine:" >&2
  echo "$again" >&2
  exit 1
fi
cargo fmt --all -- --check
cargo clippy --all-targets --quiet -- -D warnings
cargo clippy --lib --quiet --target wasm32-unknown-unknown --no-default-features -- -D warnings
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --quiet
cargo test --quiet
# The fuzz targets build only with cargo fuzz (nightly), but they type-check
# on stable: this keeps them compiling as the crate's API changes.
cargo check --quiet --manifest-path fuzz/Cargo.toml --bins
node --test tests/js/
if [ -x scripts/test-browser.sh ]; then
  scripts/test-browser.sh
fi
scripts/test-packages.sh
