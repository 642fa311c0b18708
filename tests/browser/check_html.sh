#!/usr/bin/env bash
# HTML syntax check of every page of a site with HTML Tidy (Debian's tidy 5.6, which knows HTML5
# elements). Errors (an unknown element, a malformed tag) fail; warnings are listed for review.
# Tidy's inline-SVG support is weak (it calls <title id> in SVG "proprietary"), which is why
# warnings do not fail.
#
# Usage: check_html.sh SITE_DIR      Exit status: 0 no errors, 1 errors, 2 usage or no tidy.
set -euo pipefail
site=${1:-}
[ -d "$site" ] || { echo "usage: check_html.sh SITE_DIR" >&2; exit 2; }
command -v tidy >/dev/null || { echo "check_html: tidy is not installed (scripts/install-deps.sh)" >&2; exit 2; }
pages=0
failed=0
warned=0
while IFS= read -r -d '' page; do
  pages=$((pages + 1))
  rc=0
  out=$(tidy -quiet -errors --show-warnings yes --gnu-emacs yes "$page" 2>&1) || rc=$?
  rel=${page#"$site"/}
  if [ $rc -ge 2 ]; then
    failed=$((failed + 1))
    echo "FAIL $rel"
  elif [ $rc -eq 1 ]; then
    warned=$((warned + 1))
    echo "warn $rel"
  fi
  if [ -n "$out" ]; then
    grep -v "^This document has errors\|^using HTML Tidy\|^$" <<<"$out" | sed 's/^/       /' || true
  fi
done < <(find "$site" -name '*.html' -type f -print0 | sort -z)
[ $pages -gt 0 ] || { echo "check_html: no *.html under $site" >&2; exit 2; }
echo "$pages pages, $failed with errors, $warned with warnings only"
[ $failed -eq 0 ]
