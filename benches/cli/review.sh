#!/usr/bin/env bash
# The command line's target (docs/PERFORMANCE.md): a generated set of [files] reports
# (core/examples/review_set.rs: .docx, .xlsx and .txt, three forms each) reviewed by the
# release build of `zipin review`, on every core; prints each run's wall time and peak memory,
# then the median.
# Usage: benches/cli/review.sh [files=1000] [runs=5]   (GNU time: apt-get install time)
set -euo pipefail
cd "$(dirname "$0")/../.."
files=${1:-1000}
runs=${2:-5}
set_dir=$(mktemp -d)/set
cargo build --quiet --release --locked -p zipin-cli
cargo run --quiet --release --locked -p zipin-core --example review_set -- "$set_dir" "$files" >/dev/null
times=()
for _ in $(seq "$runs"); do
  # Exit status 1: the generated set has forms with errors, as real sets do.
  line=$( { /usr/bin/time -f "%e %M" target/release/zipin review "$set_dir" --format json >/dev/null || true; } 2>&1 | tail -1)
  echo "review of $files files: ${line% *} s, peak ${line#* } KB"
  times+=("${line% *}")
done
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
echo "median: $median s over $runs runs ($(nproc) cores)"
rm -rf "$(dirname "$set_dir")"
