#!/usr/bin/env bash
# Installs what the demo and the tests need beyond Rust itself, once:
# the wasm target, wasm-bindgen's CLI at the version in Cargo.lock,
# Debian's Chromium and ChromeDriver, fonts (Liberation: the metrics the
# layout measures with; DejaVu and Noto: the fonts and scripts the tests
# draw), Node.js, and the npm packages of www/ (esbuild, which bundles the
# shell) and of the browser tests.
# Safe to run again: each step is skipped when already done. With the
# argument `packages`, also what the static-site packages' tests need (below).
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# Each check captures its command's output before testing it: under
# pipefail, `cmd | grep -q` fails at random when grep exits first and cmd
# dies of SIGPIPE, and setup would then try to install what is there.
installed() {
  local status
  status=$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)
  [ "$status" = "install ok installed" ]
}

missing=()
for package in chromium chromium-driver fonts-liberation2 fonts-noto-cjk \
  fonts-noto-color-emoji fonts-noto-core fonts-dejavu-core fonts-dejavu-extra; do
  installed "$package" || missing+=("$package")
done
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
fi

targets=$(rustup target list --installed 2>/dev/null || true)
case "$targets" in
  *wasm32-unknown-unknown*) ;;
  *) rustup target add wasm32-unknown-unknown ;;
esac

want=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"/\1/p')
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$want" != "$have" ]; then
  echo "setup: installing wasm-bindgen-cli $want" >&2
  cargo install -q wasm-bindgen-cli --version "$want"
fi

# npm ci when node_modules is missing or older than the lockfile (npm
# writes node_modules/.package-lock.json at each install).
for dir in www tests/browser; do
  if [ -f "$dir/package.json" ] && [ ! "$dir/node_modules/.package-lock.json" -nt "$dir/package-lock.json" ]; then
    (cd "$dir" && npm ci --silent --no-audit --no-fund)
  fi
done

# `scripts/setup.sh packages` (scripts/test-packages.sh): also mdBook, for
# the preprocessor's test (the first install compiles for several minutes),
# and the packages' dev dependencies (packages/package-lock.json).
if [ "${1:-}" = packages ]; then
  command -v mdbook >/dev/null || cargo install --quiet --locked mdbook || cargo install --quiet mdbook
  [ -d packages/node_modules ] || (cd packages && npm ci --silent --no-audit --no-fund)
fi
