#!/usr/bin/env bash
# The published report end to end (ctest: site_checks, release builds only): a small synthetic
# Rijk is synthesised, loaded and computed (jbr demo), then published with its PDFs, and
#   - published again: every file byte-identical, PDFs included;
#   - the privacy test across outputs (tests/privacy/check_outputs.py): every cell of the open data
#     found in the Excel annex and every HTML table, one suppression pattern, no disagreement;
#   - every page type in headless Chromium with axe-core (WCAG 2.1 A and AA), without JavaScript,
#     at 200% zoom, with every internal link resolving (tests/browser/check_site.mjs --sample);
#   - every page well-formed for tidy (tests/browser/check_html.sh);
#   - the PDFs: text, title, language, a plausible page count, the highlights exactly two pages.
# Exit 77 (skipped) when Chromium is not installed; under CI=true that fails instead.
set -euo pipefail
JBR=$(readlink -f "$1")
here=$(cd "$(dirname "$0")" && pwd)
tests=$(dirname "$here")
source "$tests/skip_or_fail.sh"
chromium=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then skip_or_fail "$chromium is not installed"; fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export JBR_NOW=2022-03-01T12:00:00Z
step() { echo "== $*"; }
fail() { echo "FAIL: $*"; exit 1; }

step "synthesise, load and compute 2019-2021 at a tenth of the Rijk"
"$JBR" -w "$tmp/ws" demo --no-serve --no-pdf --scale 0.1 --years 2019-2021 >"$tmp/demo.out" 2>&1 || { cat "$tmp/demo.out"; fail "demo"; }
step "publish 2021 with PDFs, twice"
s=$(date +%s)
"$JBR" -w "$tmp/ws" publish --year 2021 --out "$tmp/pub" || fail "publish"
echo "publish with PDFs took $(( $(date +%s) - s )) s"
"$JBR" -w "$tmp/ws" publish --year 2021 --out "$tmp/pub2" >/dev/null || fail "second publish"
diff -r "$tmp/pub" "$tmp/pub2" >/dev/null || fail "two publishes of the same run differ: $(diff -rq "$tmp/pub" "$tmp/pub2" | head -5)"
echo "byte-identical: $(find "$tmp/pub" -type f | wc -l) files"

step "privacy across outputs"
python3 "$tests/privacy/check_outputs.py" "$tmp/pub" || fail "privacy across outputs"

step "pages in Chromium: axe-core, no JavaScript, 200% zoom, links"
"$tests/browser/install.sh" >/dev/null || fail "npm packages could not be installed"
rc=0
node "$tests/browser/check_site.mjs" "$tmp/pub" --sample --screenshots "$tmp/shots" --parallel 2 >"$tmp/site.out" 2>&1 || rc=$?
grep -E "^(FAIL|[0-9]+ pages)" "$tmp/site.out" || true
[ $rc -eq 0 ] || { head -60 "$tmp/site.out"; fail "browser checks"; }
echo "axe \"incomplete\" results listed for review: $(grep -c "review (axe incomplete)" "$tmp/site.out" || true)"

step "HTML well-formed (tidy)"
bash "$tests/browser/check_html.sh" "$tmp/pub" >"$tmp/html.out" 2>&1 || { head -40 "$tmp/html.out"; fail "tidy"; }
tail -1 "$tmp/html.out"

step "PDFs"
for lang in nl en; do
  mkdir -p "$tmp/pdf-$lang"
  cp "$tmp/pub/pdf/"*"-$lang.pdf" "$tmp/pdf-$lang/"
  bash "$tests/browser/check_pdfs.sh" "$tmp/pdf-$lang" --lang "$lang" --pages 2:600 \
    --two-pages "jbr-2021-hoofdlijnen-$lang.pdf" || fail "PDFs ($lang)"
done
# The printed table of contents carries page numbers, and the chapter is on the page it names.
toc=$(pdftotext -f 1 -l 2 -layout "$tmp/pub/pdf/jbr-2021-nl.pdf" - | grep -E "Rijk als werkgever.* [0-9]+$" | head -1 || true)
page=$(echo "$toc" | grep -oE "[0-9]+$" || true)
[ -n "$page" ] || fail "no page number for chapter 1 in the table of contents"
pdftotext -f "$page" -l "$page" "$tmp/pub/pdf/jbr-2021-nl.pdf" - | head -3 | grep -q "Rijk als werkgever" ||
  fail "chapter 1 is not on page $page, which the table of contents names"
echo "all site checks passed"
