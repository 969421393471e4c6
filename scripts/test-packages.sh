#!/usr/bin/env bash
# The static-site packages' tests (packages/, crates/mdbook-journeymap/),
# run with no browser on the PATH: a PATH of symlinks to node, npm, mdbook,
# cargo and rustc only, where `chromium` cannot be found (each test file
# checks that too, under JOURNEYMAP_NO_BROWSER=1).
#   - packages/test/*.test.mjs (node --test): the npm package from `npm
#     pack`, rehype-journeymap in unified + remark-parse + remark-rehype +
#     rehype-stringify, markdown-it-journeymap in markdown-it;
#   - cargo test -p mdbook-journeymap: unit tests and `mdbook build`.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh packages
scripts/build-web.sh >/dev/null
scripts/build-packages.sh
nice cargo clippy -p mdbook-journeymap --all-targets --quiet -- -D warnings
nice cargo test -p mdbook-journeymap --no-run --quiet

bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
for tool in node npm mdbook cargo rustc; do
  ln -s "$(command -v "$tool")" "$bin/$tool"
done
if env PATH="$bin" /bin/sh -c 'command -v chromium' >/dev/null; then
  echo "test-packages: chromium is still on the test PATH" >&2
  exit 1
fi
(cd packages && env PATH="$bin" JOURNEYMAP_NO_BROWSER=1 node --test --test-concurrency=1 test/*.test.mjs)
nice env PATH="$bin" JOURNEYMAP_NO_BROWSER=1 cargo test -p mdbook-journeymap --quiet
