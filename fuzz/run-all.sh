#!/usr/bin/env bash
# Runs fuzz targets for a number of executions each (default 10 million), one after another,
# and prints one line per target for docs/FUZZING.md.
# Usage: fuzz/run-all.sh [runs] [target …]   (no targets: every target)
# Each target's whole libFuzzer output goes to $LOG_DIR/<target>.log (default fuzz/logs/),
# so a long run's progress can be followed with `tail -f`.
# Inputs are capped at 1 KB (enough for a header and several rows of every shape; each
# execution runs the whole import, scoring and checks), the text targets and the narrative at
# 8 KB, html_tables and structured_forms at 4 KB and opened_files at 16 KB (a whole small
# .xlsx). MAX_LEN, when set, is every target's cap instead: the 8 KB text targets take hours
# of one core for 10 million runs on a 2-core machine.
# No sanitizer (`-s none`): zipin-core forbids unsafe code, so AddressSanitizer would find
# nothing that a panic does not show, at a third of the speed.
set -uo pipefail
cd "$(dirname "$0")"
runs=${1:-10000000}
max_len=${MAX_LEN:-}
log_dir=${LOG_DIR:-logs}
mkdir -p "$log_dir"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets < <(grep -E '^name = ' Cargo.toml | sed 's/name = "\(.*\)"/\1/' | grep -v zipin-fuzz)
fi
tables=$(mktemp -d) pages=$(mktemp -d)
find ../core/tests/fixtures -name form.tsv | while read -r form; do
  cp "$form" "$tables/$(basename "$(dirname "$form")").tsv"
done
find ../core/tests/fixtures -name form.html | while read -r form; do
  cp "$form" "$pages/$(basename "$(dirname "$form")").html"
done
for target in "${targets[@]}"; do
  started=$(date +%s)
  # Targets whose inputs random bytes rarely reach (a whole JSON document, a ZIP) start from
  # real ones in seeds/<target>/, beside the corpus libFuzzer grows in corpus/<target>/.
  # The text targets also start from every fixture form's TSV (templates and variants), at
  # 8 KB, so mutations begin inside real headers; html_tables from every fixture form's HTML,
  # at 4 KB (its table's start and first rows: the pages are verbose); structured_forms builds
  # whole tables itself.
  dirs=() len=1024
  if [ -d "seeds/$target" ]; then
    mkdir -p "corpus/$target"
    dirs=("corpus/$target" "seeds/$target")
  fi
  case $target in
    paste_text|delimited|word_text)
      mkdir -p "corpus/$target" "$tables"
      dirs=("corpus/$target" "$tables") len=8192 ;;
    html_tables)
      mkdir -p "corpus/$target"
      dirs=("corpus/$target" "$pages") len=4096 ;;
    structured_forms) len=4096 ;;
    narrative) len=8192 ;;
    opened_files) len=16384 ;;
  esac
  len=${max_len:-$len}
  log="$log_dir/$target.log"
  RUSTC_BOOTSTRAP=1 cargo fuzz run -s none "$target" "${dirs[@]}" -- -runs="$runs" -max_len="$len" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 >"$log" 2>&1
  status=$?
  done_line=$(grep -E '^Done [0-9]+ runs|^stat::number_of_executed_units' "$log" | tail -1)
  echo "$(date +%F) | $target | ${done_line:-no summary} | max_len $len | exit $status | $(( $(date +%s) - started )) s"
done
