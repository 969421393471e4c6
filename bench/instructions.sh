#!/usr/bin/env bash
# Linear growth, without the noise of a shared machine: the instructions
# target/release/journeymap executes to render the benchmark's journeys of
# 10, 1,000, 5,000 and 20,000 tasks (the same maps bench/bench.mjs uses),
# with `check` (validation alone) and `render` (the whole pipeline), counted
# by valgrind --tool=callgrind, and the count per task above the 10-task run
# (process start, reading, writing). Counts are repeatable for
# the same binary and input, whatever else the machine is doing.
#
#   bench/instructions.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind > /dev/null || { echo "bench/instructions.sh: needs valgrind" >&2; exit 1; }
[ -x target/release/journeymap ] || nice cargo build --quiet --release --bin journeymap
mkdir -p target/bench
node --input-type=module -e '
  import { journey } from "./bench/generate.mjs";
  import { writeFileSync } from "node:fs";
  for (const n of [10, 1000, 5000, 20000]) writeFileSync(`target/bench/journey-${n}.json`, JSON.stringify(journey(n).map));
'
count() {
  nice valgrind --tool=callgrind --callgrind-out-file=/dev/null target/release/journeymap "$@" 2>&1 |
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
printf "| tasks | check (validate) | per task | render (validate, layout, render) | per task |\n|---:|---:|---:|---:|---:|\n"
for n in 10 1000 5000 20000; do
  check=$(count check "target/bench/journey-$n.json")
  render=$(count render -o /dev/null "target/bench/journey-$n.json")
  if [ "$n" = 10 ]; then
    base_check=$check base_render=$render per_check="—" per_render="—"
  else
    per_check=$(( (check - base_check) / (n - 10) )) per_render=$(( (render - base_render) / (n - 10) ))
  fi
  printf "| %s | %s | %s | %s | %s |\n" "$n" "$check" "$per_check" "$render" "$per_render"
done
