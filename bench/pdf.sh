#!/usr/bin/env bash
# The six PDFs of a Rijk-scale year, two ways in one run (bench/README.md, section "PDFs"):
#   bench/pdf.sh OLD_JBR [NEW_JBR]      NEW_JBR default build/release/src/cli/jbr
# OLD_JBR is a jbr built from an earlier commit (the method to compare with), e.g.
#   git worktree add /tmp/jbr-old <commit> && cmake --preset release -S /tmp/jbr-old &&
#   cmake --build /tmp/jbr-old/build/release -j2 --target jbr
# A workspace from `jbr demo --no-serve --no-pdf --scale SCALE --years 2018-2021` (SCALE default 1;
# WS=dir reuses one), then REPS rounds (default 2) of `jbr publish --year 2021` with PDFs, old and
# new alternating (the machine's load moves both alike), with JBR_NOW fixed. Afterwards: the new
# method's PDFs of two rounds byte-identical, the page counts of old and new the same, the text
# of old and new the same (pdftotext). Wall time, and CPU time of jbr with every process it starts
# (Chromium's included; `perf stat -e task-clock`, when perf is installed), which moves less with
# the machine's load. OLD_LABEL and NEW_LABEL name the two builds in the result (e.g. their
# commits). OLD_WS=dir gives the old build a workspace of its own, for an old build that cannot
# open the new one's store (a newer schema): make it with the old build and let WS be a copy
# (the new build migrates its copy on opening; the data stay the same). Writes
# bench/results/pdf-YYYYMMDD-HHMM.txt.
set -euo pipefail
export LC_ALL=C JBR_NOW=2022-03-01T12:00:00Z
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
old="$(realpath -m "${1:?usage: bench/pdf.sh OLD_JBR [NEW_JBR]}")"
new="$(realpath -m "${2:-$root/build/release/src/cli/jbr}")"
reps="${REPS:-2}"
scale="${SCALE:-1}"
out="$here/out/pdf"
for b in "$old" "$new"; do [ -x "$b" ] || { echo "no jbr binary at $b" >&2; exit 1; }; done
mkdir -p "$out" "$here/results"
result="$here/results/pdf-$(date -u +%Y%m%d-%H%M).txt"
ws="${WS:-$out/ws}"
if [ -z "${WS:-}" ]; then
  rm -rf "$ws"
  "$new" -w "$ws" demo --no-serve --no-pdf --scale "$scale" --years 2018-2021 >/dev/null
fi
old_ws="${OLD_WS:-$ws}"

have_perf=no
command -v perf >/dev/null && perf stat -e task-clock -o /dev/null true 2>/dev/null && have_perf=yes
timed() {  # timed CMD...: runs it, prints "WALL CPU" in seconds (CPU "-" without perf)
  local t0 t1 cpu="-"
  t0=$(date +%s%N)
  if [ "$have_perf" = yes ]; then
    perf stat -x, -e task-clock -o "$out/perf.txt" -- "$@" >"$out/last.out" 2>&1 ||
      { cat "$out/last.out" >&2; return 1; }
    cpu=$(awk -F, '/task-clock/ { printf "%.1f", $1 / 1000 }' "$out/perf.txt")
  else
    "$@" >"$out/last.out" 2>&1 || { cat "$out/last.out" >&2; return 1; }
  fi
  t1=$(date +%s%N)
  awk -v a="$t0" -v b="$t1" -v c="$cpu" 'BEGIN { printf "%.1f %s\n", (b - a) / 1e9, c }'
}
pages() { for f in "$1"/pdf/*.pdf; do pdfinfo "$f" | awk '/^Pages/ { print $2 }'; done | paste -sd+ | bc; }

{
  printf 'bench/pdf.sh, %s UTC, scale %s, %s rounds; %s cores, %s\n' "$(date -u '+%Y-%m-%d %H:%M')" \
    "$scale" "$reps" "$(nproc)" "$(chromium --version 2>/dev/null | head -1)"
  printf 'old: %s\nnew: %s\n' "${OLD_LABEL:-$(basename "$old")}" "${NEW_LABEL:-$(basename "$new")}"
  printf '%-6s %8s %8s %7s %9s %9s %7s  %s\n' round old_s new_s ratio old_cpu_s new_cpu_s ratio \
    "load average before each"
} | tee "$result"
sum_old=0 sum_new=0 cpu_old=0 cpu_new=0
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else printf "-" }'; }
for ((r = 1; r <= reps; r++)); do
  rm -rf "$out/old" "$out/new$r"
  l1=$(cut -d' ' -f1 /proc/loadavg)
  read -r t_old c_old < <(timed "$old" -w "$old_ws" publish --year 2021 --out "$out/old")
  l2=$(cut -d' ' -f1 /proc/loadavg)
  read -r t_new c_new < <(timed "$new" -w "$ws" publish --year 2021 --out "$out/new$r")
  [ -n "$t_old" ] && [ -n "$t_new" ] || { echo "a publish failed" >&2; exit 1; }
  sum_old=$(awk -v a="$sum_old" -v b="$t_old" 'BEGIN { print a + b }')
  sum_new=$(awk -v a="$sum_new" -v b="$t_new" 'BEGIN { print a + b }')
  cpu_old=$(awk -v a="$cpu_old" -v b="$c_old" 'BEGIN { print a + b }')
  cpu_new=$(awk -v a="$cpu_new" -v b="$c_new" 'BEGIN { print a + b }')
  printf '%-6s %8s %8s %7s %9s %9s %7s  %s / %s\n' "$r" "$t_old" "$t_new" "$(ratio "$t_old" "$t_new")" \
    "$c_old" "$c_new" "$(ratio "$c_old" "$c_new")" "$l1" "$l2" | tee -a "$result"
done
{
  printf '%-6s %8.1f %8.1f %7s %9.1f %9.1f %7s  (old / new: how many times faster)\n' total \
    "$sum_old" "$sum_new" "$(ratio "$sum_old" "$sum_new")" "$cpu_old" "$cpu_new" \
    "$(ratio "$cpu_old" "$cpu_new")"
  printf 'PDF pages: old %s, new %s\n' "$(pages "$out/old")" "$(pages "$out/new1")"
  same=yes
  for f in "$out/old"/pdf/*.pdf; do
    cmp -s <(pdftotext "$f" -) <(pdftotext "$out/new1/pdf/$(basename "$f")" -) || same="no: $(basename "$f")"
  done
  printf 'text of every PDF the same in old and new: %s\n' "$same"
  if [ "$reps" -ge 2 ]; then
    if diff -r "$out/new1/pdf" "$out/new2/pdf" >/dev/null; then
      echo "new: the PDFs of rounds 1 and 2 byte-identical"
    else
      echo "new: the PDFs of rounds 1 and 2 DIFFER"
    fi
  fi
} | tee -a "$result"
echo "written to ${result#"$root"/}"
