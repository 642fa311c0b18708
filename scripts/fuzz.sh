#!/usr/bin/env bash
# Runs every libFuzzer target for SECONDS (default 20) from its saved corpus in fuzz/corpus/, as
# many at once as there are cores (FUZZ_JOBS to choose).
# New inputs go to a scratch directory, so the saved corpus changes only when you copy them in.
# Longer runs: scripts/fuzz.sh 3600   (see docs/fuzzing.md)
set -euo pipefail
seconds=${1:-20}
root=$(cd "$(dirname "$0")/.." && pwd)
build="$root/build/fuzz"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
jobs=${FUZZ_JOBS:-$(nproc)}
# One target on each core at a time (each fuzzer is single-threaded): every target still gets its
# SECONDS, the run takes SECONDS x ceil(targets / cores).
fuzz_one() {  # fuzz_one TARGET: its log in $scratch/NAME.log, its verdict in $scratch/NAME.rc
  local target=$1 name rc=0
  name=$(basename "$target")
  mkdir -p "$scratch/$name"
  "$target" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=0 \
    -artifact_prefix="$scratch/" "$scratch/$name" "$root/fuzz/corpus/$name" \
    >"$scratch/$name.log" 2>&1 || rc=$?
  echo "$rc" >"$scratch/$name.rc"
}
targets=()
for target in "$build"/fuzz/*_fuzz; do
  [ -x "$target" ] && targets+=("$target")
done
# No target built is a failure, never a silent pass: build them with `make build-fuzz` (clang).
if [ ${#targets[@]} -eq 0 ]; then echo "FAILED: no fuzz target in $build/fuzz (make build-fuzz builds them)"; exit 1; fi
running=0
for target in "${targets[@]}"; do
  echo "fuzzing $(basename "$target") for ${seconds}s"
  fuzz_one "$target" &
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then wait -n || true; running=$((running - 1)); fi
done
wait
status=0
for target in "${targets[@]}"; do
  name=$(basename "$target")
  if [ "$(cat "$scratch/$name.rc" 2>/dev/null || echo missing)" != 0 ]; then
    echo "FAILED: $name"; tail -n 40 "$scratch/$name.log"; status=1
  else
    echo "$name: $(grep -E "^#[0-9]+.*DONE|Done [0-9]+ runs" "$scratch/$name.log" | tail -n 1 || true)"
  fi
done
exit $status
