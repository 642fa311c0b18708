#!/usr/bin/env bash
# From raw files to the published site, without PDFs, for one year (issue 16: under 5 s at the
# Rijk's scale, under 30 s at ten times it):
#   bench/raw_to_site.sh [SCALE...]        default: 1; `bench/raw_to_site.sh 1 10` for both
# Per scale: the synthetic Rijk of 2020-2021 (with the CO2 goal's base year) written as each
# ministry writes its files (its own mix of CSV encodings and XLSX), a workspace that holds every
# delivery before 2021 (loaded first, not timed), then, each timed as whole processes under
# /usr/bin/time:
#   load     `jbr load` of every 2021 delivery, one process a file: one after another (as a simple
#            script would), and LOAD_JOBS at a time (default: the number of cores; `xargs -P`, as
#            the store takes loads at once: each delivery is its own transaction)
#   compute  `jbr compute --year 2021`: every indicator, last year and the change, disclosure
#            control, the stored run
#   publish  `jbr publish --year 2021 --no-pdf`: the site in Dutch and English, the ICT appendix,
#            the Excel annex, open data
# and their sum (with the loads LOAD_JOBS at a time: compute and publish run on that workspace). REPS (default 1) repeats the three stages on fresh copies of the workspace and
# keeps the best sum. Writes the table to stdout and to bench/results/raw-to-site-<UTC>.txt with
# the machine and its load average.
set -euo pipefail
export LC_ALL=C
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
out="$here/out/raw-to-site"
reps="${REPS:-1}"
load_jobs="${LOAD_JOBS:-$(nproc)}"
jbr="$(realpath -m "${JBR:-$root/build/release/src/cli/jbr}")"
[ -x "$jbr" ] || { echo "no jbr binary at $jbr (run 'make build', or set JBR=...)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time is missing (Debian package time): run scripts/install-deps.sh" >&2; exit 1; }
rm -rf "$out" && mkdir -p "$out" "$here/results"
scales=("$@")
[ ${#scales[@]} -gt 0 ] || scales=(1)
year=2021

# timed CMD...: runs CMD under /usr/bin/time, prints "wall cpu peak_MB"; fails when CMD fails.
timed() {
  /usr/bin/time -f '%e %U %S %M' -o "$out/time.txt" "$@" >"$out/last.out" 2>&1 ||
    { cat "$out/last.out" >&2; return 1; }
  awk '{ printf "%.2f %.2f %.0f\n", $1, $2 + $3, $4 / 1024 }' "$out/time.txt"
}

result="$here/results/raw-to-site-$(date -u +%Y%m%d-%H%M).txt"
{
  echo "bench/raw_to_site.sh at $(date -u '+%Y-%m-%d %H:%M') UTC, REPS=$reps"
  echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(nproc) cores; load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "jbr: ${jbr#"$root"/} ($(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?'))"
} | tee "$result"

for scale in "${scales[@]}"; do
  syn="$out/synth-$scale"
  "$jbr" synth --years 2020-$year --base-year --scale "$scale" --out "$syn" >/dev/null
  base="$out/base-$scale"
  "$jbr" init "$base" >/dev/null
  awk -F, -v y="$year" 'NR > 1 && $4 != y { print $1, $2, $3, $4 }' "$syn/manifest.csv" |
    while read -r file dataset ministry y; do
      "$jbr" -w "$base" load --dataset "$dataset" --ministry "$ministry" --year "$y" "$syn/$file" >/dev/null
    done
  awk -F, -v y="$year" 'NR > 1 && $4 == y { print $1, $2, $3, $4 }' "$syn/manifest.csv" >"$out/files.txt"
  files=$(wc -l <"$out/files.txt")
  bytes=$(awk -v d="$syn" '{ print d "/" $1 }' "$out/files.txt" | xargs stat -c %s | awk '{ n += $1 } END { print n }')
  cat >"$out/load.sh" <<LOAD
#!/usr/bin/env bash
set -euo pipefail
while read -r file dataset ministry y; do
  "$jbr" -w "\$1" load --dataset "\$dataset" --ministry "\$ministry" --year "\$y" "$syn/\$file" >/dev/null
done <"$out/files.txt"
LOAD
  cat >"$out/load-one.sh" <<LOAD
#!/usr/bin/env bash
set -euo pipefail
"$jbr" -w "\$1" load --dataset "\$3" --ministry "\$4" --year "\$5" "$syn/\$2" >/dev/null
LOAD
  cat >"$out/load-par.sh" <<LOAD
#!/usr/bin/env bash
set -euo pipefail
xargs -P "$load_jobs" -L 1 "$out/load-one.sh" "\$1" <"$out/files.txt"
LOAD
  chmod +x "$out/load.sh" "$out/load-one.sh" "$out/load-par.sh"
  best=""
  for ((r = 0; r < reps; r++)); do
    rm -rf "$out/ws" "$out/ws-par" "$out/site" && cp -r "$base" "$out/ws" && cp -r "$base" "$out/ws-par"
    l=$(timed "$out/load.sh" "$out/ws")
    lp=$(timed "$out/load-par.sh" "$out/ws-par")
    # Both ways store the same current deliveries.
    cmp <("$jbr" -w "$out/ws" deliveries --year "$year" --current | wc -l) <("$jbr" -w "$out/ws-par" deliveries --year "$year" --current | wc -l) >/dev/null ||
      { echo "the loads one after another and $load_jobs at a time stored different deliveries" >&2; exit 1; }
    c=$(timed "$jbr" -w "$out/ws-par" compute --year "$year")
    p=$(timed "$jbr" -w "$out/ws-par" publish --year "$year" --out "$out/site" --no-pdf)
    sum=$(echo "$lp $c $p" | awk '{ printf "%.2f", $1 + $4 + $7 }')
    if [ -z "$best" ] || awk -v a="$sum" -v b="${best%%|*}" 'BEGIN { exit !(a < b) }'; then
      best="$sum|$l|$lp|$c|$p"
    fi
  done
  IFS='|' read -r _ l lp c p <<<"$best"
  site_files=$(find "$out/site" -type f | wc -l)
  awk -v sc="$scale" -v files="$files" -v bytes="$bytes" -v l="$l" -v lp="$lp" -v jobs="$load_jobs" -v c="$c" -v p="$p" -v sf="$site_files" '
    function f(s, i) { split(s, a, " "); return a[i] }
    function row(name, s) { printf "  %-44s %8.2f %8.2f %8.0f\n", name, f(s, 1), f(s, 2), f(s, 3) }
    BEGIN {
      printf "\nscale %s: %d deliveries of %d, %.1f MB\n", sc, files, 2021, bytes / 1e6
      printf "  %-44s %8s %8s %8s\n", "stage", "wall s", "cpu s", "peak MB"
      row("load every 2021 delivery, one after another", l)
      row(sprintf("load every 2021 delivery, %d at a time", jobs), lp)
      row("compute 2021, every indicator", c)
      row(sprintf("publish 2021 --no-pdf (%d files)", sf), p)
      printf "  %-44s %8.2f %8.2f\n", "raw files to the site, loads in turn", f(l, 1) + f(c, 1) + f(p, 1), f(l, 2) + f(c, 2) + f(p, 2)
      printf "  %-44s %8.2f %8.2f\n", sprintf("raw files to the site, loads %d at a time", jobs), f(lp, 1) + f(c, 1) + f(p, 1), f(lp, 2) + f(c, 2) + f(p, 2)
    }' | tee -a "$result"
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$result"
echo "written to ${result#"$root"/}"
