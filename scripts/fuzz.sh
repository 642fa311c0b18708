#!/usr/bin/env bash
# Runs every libFuzzer target for SECONDS (default 20) from its saved corpus in fuzz/corpus/.
# New inputs go to a scratch directory, so the saved corpus changes only when you copy them in.
# Longer runs: scripts/fuzz.sh 3600   (see docs/fuzzing.md)
set -euo pipefail
seconds=${1:-20}
root=$(cd "$(dirname "$0")/.." && pwd)
build="$root/build/fuzz"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
status=0
ran=0
for target in "$build"/fuzz/*_fuzz; do
  [ -x "$target" ] || continue
  name=$(basename "$target")
  ran=$((ran + 1))
  mkdir -p "$scratch/$name"
  echo "fuzzing $name for ${seconds}s"
  if ! "$target" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=0 \
       -artifact_prefix="$scratch/" "$scratch/$name" "$root/fuzz/corpus/$name" >"$scratch/$name.log" 2>&1; then
    echo "FAILED: $name"; tail -n 40 "$scratch/$name.log"; status=1
  else
    grep -E "^#[0-9]+.*DONE|Done [0-9]+ runs" "$scratch/$name.log" | tail -n 1 || true
  fi
done
# No target built is a failure, never a silent pass: build them with `make build-fuzz` (clang).
if [ "$ran" -eq 0 ]; then echo "FAILED: no fuzz target in $build/fuzz (make build-fuzz builds them)"; exit 1; fi
exit $status
