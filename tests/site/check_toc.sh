#!/usr/bin/env bash
# Every entry of a PDF's printed table of contents names the page its heading is on:
#   check_toc.sh REPORT.pdf
# The contents are on page 1 ("Inhoud"/"Contents", then one line per entry ending in its page
# number, until the page's footer "1 / N"); each entry's heading must be among the first three
# lines of the page it names (pdftotext, whitespace collapsed). Exit 1 naming each wrong entry.
set -euo pipefail
pdf=$1
collapse() { tr -s '[:space:]' ' ' | sed 's/^ //; s/ $//'; }
mapfile -t entries < <(pdftotext -f 1 -l 1 -layout "$pdf" - |
  sed -n '/^ *\(Inhoud\|Contents\) *$/,$p' | grep -E '^ *[^ ].* +[0-9]+$' | grep -vE '^ *[0-9]+ / [0-9]+$')
[ ${#entries[@]} -ge 3 ] || { echo "check_toc: ${#entries[@]} entries in the contents of $pdf" >&2; exit 1; }
bad=0
for line in "${entries[@]}"; do
  page=$(grep -oE '[0-9]+$' <<<"$line")
  heading=$(sed -E 's/ +[0-9]+$//' <<<"$line" | collapse)
  top=$(pdftotext -f "$page" -l "$page" "$pdf" - | head -3 | collapse)
  if [[ "$top" != *"$heading"* ]]; then
    echo "FAIL: '$heading' is not on page $page, which the contents name (that page starts: ${top:0:80})"
    bad=1
  fi
done
[ $bad -eq 0 ] && echo "contents of $(basename "$pdf"): ${#entries[@]} entries, each on the page it names"
exit $bad
