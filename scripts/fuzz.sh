#!/usr/bin/env bash
# Runs each fuzz target for a while (default 60 s each; FUZZ_SECONDS to
# change). Needs a nightly toolchain and cargo-fuzz (installed if missing).
# Crashes land in fuzz/artifacts/<target>/; turn each into a regression
# case in tests/hostile/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-60}
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
mkdir -p fuzz/corpus/json_pipeline
cp -n examples/*.json tests/golden/cases/*.json tests/hostile/*.json fuzz/corpus/json_pipeline/ 2>/dev/null || true
mkdir -p fuzz/corpus/mermaid_import
cp -n tests/mermaid/*.mmd fuzz/corpus/mermaid_import/ 2>/dev/null || true
for target in $(cargo +nightly fuzz list); do
  echo "fuzzing $target for ${seconds}s"
  cargo +nightly fuzz run "$target" -- -max_total_time="$seconds" -max_len=65536 -timeout=10
done
