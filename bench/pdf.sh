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
# of old and new the same (pdftotext). Writes bench/results/pdf-YYYYMMDD-HHMM.txt.
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

seconds() {  # seconds CMD...: runs it, prints its wall time
  local t0 t1
  t0=$(date +%s%N)
  "$@" >"$out/last.out" 2>&1 || { cat "$out/last.out" >&2; return 1; }
  t1=$(date +%s%N)
  awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", (b - a) / 1e9 }'
}
pages() { for f in "$1"/pdf/*.pdf; do pdfinfo "$f" | awk '/^Pages/ { print $2 }'; done | paste -sd+ | bc; }

{
  printf 'bench/pdf.sh, %s UTC, scale %s, %s rounds; %s cores, %s\n' "$(date -u '+%Y-%m-%d %H:%M')" \
    "$scale" "$reps" "$(nproc)" "$(chromium --version 2>/dev/null | head -1)"
  printf 'old: %s\nnew: %s\n' "$old" "$new"
  printf '%-6s %8s %8s %7s  %s\n' round old_s new_s ratio "load average before each"
} | tee "$result"
sum_old=0 sum_new=0
for ((r = 1; r <= reps; r++)); do
  rm -rf "$out/old" "$out/new$r"
  l1=$(cut -d' ' -f1 /proc/loadavg)
  t_old=$(seconds "$old" -w "$ws" publish --year 2021 --out "$out/old")
  l2=$(cut -d' ' -f1 /proc/loadavg)
  t_new=$(seconds "$new" -w "$ws" publish --year 2021 --out "$out/new$r")
  sum_old=$(awk -v a="$sum_old" -v b="$t_old" 'BEGIN { print a + b }')
  sum_new=$(awk -v a="$sum_new" -v b="$t_new" 'BEGIN { print a + b }')
  printf '%-6s %8s %8s %7.2f  %s / %s\n' "$r" "$t_old" "$t_new" \
    "$(awk -v a="$t_old" -v b="$t_new" 'BEGIN { print a / b }')" "$l1" "$l2" | tee -a "$result"
done
{
  printf 'total  %8.1f %8.1f %7.2f  (old / new: how many times faster)\n' "$sum_old" "$sum_new" \
    "$(awk -v a="$sum_old" -v b="$sum_new" 'BEGIN { print a / b }')"
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
