#!/usr/bin/env bash
# Checks every PDF under DIR with poppler-utils:
#   - it parses (pdfinfo) and has a Title; it declares a language (/Lang in the catalog, which
#     Chromium writes from <html lang>, en-US when the page has none; pdfinfo does not show it, so
#     the bytes are searched), with --lang the one expected (nl matches nl and nl-NL)
#   - its page count is within MIN..MAX (--pages, default 1:500); a PDF named with --two-pages
#     (the public "hoofdlijnen" version) must have exactly two pages
#   - its text can be extracted (pdftotext gives text) and contains the Title
#
# Usage: check_pdfs.sh DIR [--pages MIN:MAX] [--lang LANG] [--two-pages NAME.pdf]...
# Exit status: 0 all pass, 1 a check failed, 2 usage error or poppler-utils missing.
set -euo pipefail
dir=""
min=1
max=500
two=()
lang=""
while [ $# -gt 0 ]; do
  case "$1" in
    --pages) IFS=: read -r min max <<<"$2"; shift 2 ;;
    --two-pages) two+=("$2"); shift 2 ;;
    --lang) lang=$2; shift 2 ;;
    -*) echo "check_pdfs: unknown option $1" >&2; exit 2 ;;
    *) dir=$1; shift ;;
  esac
done
[ -d "$dir" ] || { echo "usage: check_pdfs.sh DIR [--pages MIN:MAX] [--two-pages NAME.pdf]..." >&2; exit 2; }
command -v pdfinfo >/dev/null && command -v pdftotext >/dev/null ||
  { echo "check_pdfs: poppler-utils is not installed (scripts/install-deps.sh)" >&2; exit 2; }

collapse() { tr -s '[:space:]' ' ' | sed 's/^ //; s/ $//'; }

check_one() {  # prints problems of one PDF, one a line
  local pdf=$1 info pages title text lo=$min hi=$max
  info=$(pdfinfo "$pdf" 2>&1) || { echo "does not parse: $(head -1 <<<"$info")"; return; }
  pages=$(sed -n 's/^Pages: *//p' <<<"$info")
  title=$(sed -n 's/^Title: *//p' <<<"$info" | collapse)
  for t in "${two[@]}"; do
    if [ "$(basename "$pdf")" = "$t" ]; then lo=2; hi=2; fi
  done
  [ "$pages" -ge "$lo" ] && [ "$pages" -le "$hi" ] || echo "$pages pages, expected $lo..$hi"
  [ -n "$title" ] || echo "no Title in the metadata"
  local got
  got=$(grep -aoE '/Lang ?\([a-zA-Z-]+\)' "$pdf" | head -1 | sed 's/.*(//; s/)//') || true
  if [ -z "$got" ]; then
    echo "no language (/Lang) in the catalog"
  elif [ -n "$lang" ] && [ "$got" != "$lang" ] && [ "${got%%-*}" != "$lang" ]; then
    echo "language $got, expected $lang"
  fi
  text=$(pdftotext -enc UTF-8 "$pdf" - 2>/dev/null | collapse) || true
  [ -n "$text" ] || { echo "no extractable text"; return; }
  [ -z "$title" ] || grep -qF -- "$title" <<<"$text" || echo "the text does not contain the title '$title'"
}

count=0
failed=0
while IFS= read -r -d '' pdf; do
  count=$((count + 1))
  problems=$(check_one "$pdf")
  pages=$(pdfinfo "$pdf" 2>/dev/null | sed -n 's/^Pages: *//p') || true
  if [ -n "$problems" ]; then
    failed=$((failed + 1))
    echo "FAIL ${pdf#"$dir"/} (${pages:-?} pages)"
    sed 's/^/       /' <<<"$problems"
  else
    echo "ok   ${pdf#"$dir"/} ($pages pages)"
  fi
done < <(find "$dir" -name '*.pdf' -type f -print0 | sort -z)
[ $count -gt 0 ] || { echo "check_pdfs: no *.pdf under $dir" >&2; exit 2; }
echo "$count PDFs, $failed failed"
[ $failed -eq 0 ]
