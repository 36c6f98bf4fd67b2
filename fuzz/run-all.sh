#!/usr/bin/env bash
# Runs fuzz targets for a number of executions each (default 10 million), one after another,
# and prints one line per target for docs/FUZZING.md.
# Usage: fuzz/run-all.sh [runs] [target …]   (no targets: every target)
set -uo pipefail
cd "$(dirname "$0")"
runs=${1:-10000000}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets < <(grep -E '^name = ' Cargo.toml | sed 's/name = "\(.*\)"/\1/' | grep -v zipin-fuzz)
fi
for target in "${targets[@]}"; do
  started=$(date +%s)
  output=$(RUSTC_BOOTSTRAP=1 cargo fuzz run "$target" -- -runs="$runs" -rss_limit_mb=2048 -timeout=10 2>&1)
  status=$?
  done_line=$(echo "$output" | grep -E '^Done [0-9]+ runs' | tail -1)
  echo "$(date +%F) | $target | ${done_line:-no summary} | exit $status | $(( $(date +%s) - started )) s"
done
