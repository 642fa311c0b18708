#!/usr/bin/env bash
# Speed of `jbr publish` for a Rijk-scale year (bench/README.md, section "Publish"):
#   bench/publish.sh [SCALE]     default 1 (the Rijk)
# A fresh workspace from `jbr demo --no-serve --no-pdf` (2018-2021: the time series shows 2018-2020 beside 2021), then, best of REPS (default 3):
#   - `jbr publish --year 2021 --no-pdf`: the site (nl and en, ICT appendix), Excel, open data;
#   - the peer in the same run: sqlite3 writing the run's values and the earlier years' year
#     figures as CSV (the least any publisher must do: read every figure and write it out once);
# and once: `jbr publish --year 2021` with the PDFs (six prints by headless Chromium).
set -euo pipefail
export LC_ALL=C
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
out="$here/out/publish"
reps="${REPS:-3}"
scale="${1:-1}"
jbr="$(realpath -m "${JBR:-$root/build/release/src/cli/jbr}")"
[ -x "$jbr" ] || { echo "no jbr binary at $jbr (run 'make build', or set JBR=...)" >&2; exit 1; }
rm -rf "$out" && mkdir -p "$out"

best() {
  local b="" t0 t1 s
  for ((r = 0; r < reps; r++)); do
    t0=$(date +%s%N)
    "$@" >"$out/last.out" 2>&1
    t1=$(date +%s%N)
    s=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
    if [ -z "$b" ] || awk -v x="$s" -v y="$b" 'BEGIN { exit !(x < y) }'; then b="$s"; fi
  done
  echo "$b"
}

printf 'load average at the start: %s; %s cores\n' "$(cut -d' ' -f1-3 /proc/loadavg)" "$(nproc)"
"$jbr" -w "$out/ws" demo --no-serve --no-pdf --scale "$scale" --years 2018-2021 >/dev/null
run=$(sqlite3 "$out/ws/jbr.sqlite" "SELECT max(id) FROM compute_runs WHERE year = 2021")
site_s=$(best "$jbr" -w "$out/ws" publish --year 2021 --out "$out/site" --no-pdf)
files=$(grep -c '"path"' "$out/site/manifest.json")
bytes=$(du -sb "$out/site" | cut -f1)
# The peer reads what the publication shows: every value of the run, and the year figures of the
# latest runs of the earlier years (the time series).
peer_s=$(best sqlite3 -csv "$out/ws/jbr.sqlite" "SELECT * FROM computed_values WHERE run_id = $run OR (period NOT LIKE '%-Q%' AND run_id IN (SELECT max(id) FROM compute_runs WHERE year BETWEEN 2017 AND 2019 GROUP BY year))")
all_s=$(REPS=1 reps=1 best "$jbr" -w "$out/ws" publish --year 2021 --out "$out/all")
pages=$(for f in "$out/all/pdf/"*.pdf; do pdfinfo "$f" | awk '/^Pages/ { print $2 }'; done | paste -sd+ | bc)
printf '\nscale %s, 2021: %s files, %s bytes without PDFs\n' "$scale" "$files" "$bytes"
printf '  jbr publish --no-pdf          %8.3f s   (aim: under 5 s)\n' "$site_s"
printf '  peer: sqlite3 CSV of the run  %8.3f s   ratio jbr/peer %.1f\n' "$peer_s" \
  "$(awk -v a="$site_s" -v b="$peer_s" 'BEGIN { print a / b }')"
printf '  jbr publish with the PDFs     %8.3f s   (%s PDF pages in 6 files)\n' "$all_s" "$pages"
