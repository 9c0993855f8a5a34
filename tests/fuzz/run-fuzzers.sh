#!/usr/bin/env bash
# Runs each libFuzzer harness for a bounded time (make fuzz) and prints, per
# harness: CPU seconds, executions, coverage, corpus size and new crashes.
# usage: tests/fuzz/run-fuzzers.sh BUILDDIR CORPUSDIR SECONDS HARNESS...
# The growing corpus lives in CORPUSDIR (outside the source tree); the seeds and
# regression inputs in tests/data/fuzz are read, never written. Crashes land in
# CORPUSDIR/crashes/HARNESS: minimise one with
#   BUILDDIR/tests/fuzz/fuzz-HARNESS -minimize_crash=1 -runs=10000 CRASHFILE
# and add it to tests/data/fuzz/HARNESS/regressions with the fix.
set -u
build=$1 corpus=$2 secs=$3; shift 3
src=$(cd "$(dirname "$0")/../.." && pwd)
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$src/tests/lsan.supp}
export G_DEBUG=${G_DEBUG:-fatal-criticals} TZ=UTC LC_ALL=C.UTF-8
status=0
printf '%-12s %8s %12s %8s %8s %8s %8s\n' harness cpu_s execs exec/s cov corpus crashes
for h in "$@"; do
  exe=$build/tests/fuzz/fuzz-$h
  mkdir -p "$corpus/$h" "$corpus/crashes/$h"
  log=$corpus/$h.log
  # libFuzzer's findings: crash-, leak-, timeout-, oom- (slow-unit- files are only slow)
  found() { find "$corpus/crashes/$h" -type f ! -name 'slow-unit-*' | wc -l; }
  before=$(found)
  # -fork would use both cores, but one process keeps the numbers comparable.
  TIMEFORMAT='%U %S'
  { time "$exe" -max_total_time="$secs" -print_final_stats=1 -timeout=20 -rss_limit_mb=2048 \
      -dict="$src/tests/fuzz/$h.dict" -artifact_prefix="$corpus/crashes/$h/" \
      "$corpus/$h" "$src/tests/data/fuzz/$h/seeds" "$src/tests/data/fuzz/$h/regressions" \
      >"$log" 2>&1; } 2>"$log.time"
  rc=$?
  cpu=$(awk '{ printf "%d", $1 + $2 }' "$log.time")
  execs=$(grep -o 'stat::number_of_executed_units:[ ]*[0-9]*' "$log" | grep -o '[0-9]*$' | tail -n1)
  rate=$(grep -o 'stat::average_exec_per_sec:[ ]*[0-9]*' "$log" | grep -o '[0-9]*$' | tail -n1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n1 | grep -o '[0-9]*')
  files=$(find "$corpus/$h" -type f | wc -l)
  crashes=$(( $(found) - before ))
  printf '%-12s %8s %12s %8s %8s %8s %8s\n' "$h" "$cpu" "${execs:-?}" "${rate:-?}" "${cov:-?}" "$files" "$crashes"
  if [ $rc -ne 0 ] || [ "$crashes" -gt 0 ]; then
    status=1
    echo "  fuzz-$h stopped (exit $rc); its log: $log"
    grep -E 'ERROR|SUMMARY|abort|fuzz-' "$log" | head -n 5 | sed 's/^/  /'
  fi
done
exit $status
