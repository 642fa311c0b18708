#!/usr/bin/env bash
# The two stores side by side, in the same run (bench/README.md, section "SQLite and PostgreSQL"):
# the synthetic Rijk's 2020 and 2021 deliveries (plain UTF-8 CSV) loaded one after the other into a
# fresh SQLite workspace and into a fresh PostgreSQL workspace, then `jbr compute --year 2021`
# (every indicator) on each; best of REPS (default 3) for compute, one load of everything per store.
#   bench/store.sh [SCALE]      default 1 (the Rijk)
# PostgreSQL 15 runs as tests/pg/server.sh starts it with JBR_PG_BENCH=1, on 127.0.0.1: fsync on,
# synchronous_commit off, the same guarantee as SQLite's WAL with synchronous=NORMAL (jbr's).
set -euo pipefail
export LC_ALL=C
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
out="$here/out/store"
reps="${REPS:-3}"
scale="${1:-1}"
jbr_src="$(realpath -m "${JBR:-$root/build/release/src/cli/jbr}")"
[ -x "$jbr_src" ] || { echo "no jbr binary at $jbr_src (run 'make build', or set JBR=...)" >&2; exit 1; }
rm -rf "$out"
mkdir -p "$out"
jbr="$out/jbr"
cp "$jbr_src" "$jbr"
trap 'bash "$root/tests/pg/server.sh" stop "$out/pg" >/dev/null 2>&1 || true; [ -n "${KEEP:-}" ] || rm -rf "$out/plain" "$out/ws-"*' EXIT
JBR_PG_BENCH=1 bash "$root/tests/pg/server.sh" start "$out/pg" >&2
server=$(cat "$out/pg/url")
psql "$server" -qc "CREATE DATABASE jbr_bench" >/dev/null

secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", (b - a) / 1e9 }'; }
best() {  # CMD...: best wall seconds of $reps runs
  local b="" t0 s
  for ((r = 0; r < reps; r++)); do
    t0=$(date +%s%N)
    "$@" >"$out/last.out"
    s=$(secs "$t0" "$(date +%s%N)")
    if [ -z "$b" ] || awk -v x="$s" -v y="$b" 'BEGIN { exit !(x < y) }'; then b="$s"; fi
  done
  echo "$b"
}

"$jbr" synth --years 2020-2021 --scale "$scale" --style utf8-comma --out "$out/plain" >/dev/null
files=$(awk -F, 'NR > 1' "$out/plain/manifest.csv" | wc -l)
rows=$(awk -F, 'NR > 1 { n += $6 } END { print n }' "$out/plain/manifest.csv")
bytes=$(awk -F, 'NR > 1' "$out/plain/manifest.csv" | cut -d, -f1 | (cd "$out/plain" && xargs cat) | wc -c)
printf 'load average at the start: %s; %s cores; scale %s: %s files, %s rows, %s bytes\n' \
  "$(cut -d' ' -f1-3 /proc/loadavg)" "$(nproc)" "$scale" "$files" "$rows" "$bytes"

load_all() {  # WORKSPACE
  awk -F, 'NR > 1' "$out/plain/manifest.csv" | while IFS=, read -r file dataset ministry year _; do
    "$jbr" -w "$1" load --dataset "$dataset" --ministry "$ministry" --year "$year" "$out/plain/$file" >/dev/null
  done
}
"$jbr" init "$out/ws-sqlite" >/dev/null
"$jbr" --store "${server%/*}/jbr_bench" init "$out/ws-pg" >/dev/null
declare -A load compute values
for s in sqlite pg; do
  t0=$(date +%s%N)
  load_all "$out/ws-$s"
  load[$s]=$(secs "$t0" "$(date +%s%N)")
  compute[$s]=$(best "$jbr" -w "$out/ws-$s" compute --year 2021 --format csv)
  values[$s]=$(sha256sum <"$out/last.out" | cut -c1-16)
done
[ "${values[sqlite]}" = "${values[pg]}" ] || { echo "the two stores computed different values" >&2; exit 1; }
awk -v ls="${load[sqlite]}" -v lp="${load[pg]}" -v cs="${compute[sqlite]}" -v cp="${compute[pg]}" -v n="$files" 'BEGIN {
  printf "  load %d deliveries   SQLite %7.2f s   PostgreSQL %7.2f s   ratio %.2f\n", n, ls, lp, lp / ls
  printf "  compute 2021         SQLite %7.2f s   PostgreSQL %7.2f s   ratio %.2f\n", cs, cp, cp / cs
  printf "  (the same values from both: the CSV of compute is byte-identical)\n"
}'
