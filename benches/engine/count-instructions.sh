#!/usr/bin/env bash
# Instructions per read + score + check of the 100,000-row bench form, counted by callgrind:
# the engine's figure that this noisy machine cannot move (wall time swings 2x within
# minutes). Needs valgrind (apt-get install valgrind).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
cargo build --quiet --profile bench -p zipin-benches --example profile_evaluate
count() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null target/release/examples/profile_evaluate "$1" 2>&1 |
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
# Two evaluations minus none: the form's construction cancels out.
echo "instructions per evaluation of 100,000 rows: $(( ($(count 2) - $(count 0)) / 2 ))"
